//! Search that needs no diacritics: folding, tokens, the split index and its queries.
//!
//! Readers mostly type without diacritics on phone keyboards, so text and queries are both
//! folded: lowercase, diacritics dropped, đ → d, decomposed (NFD) input treated like composed.
//! The build writes one small postings file per token and the article list in chunks; a search
//! downloads only the files of its own words and of the results it shows (like Pagefind).

use super::Lang;
use std::collections::BTreeMap;
use std::ops::Range;

/// Results on one page of the search results.
pub const RESULTS_PER_PAGE: usize = 10;
/// Articles per chunk of the article list.
pub const DOCS_PER_CHUNK: usize = 100;
/// Longer "words" (links, codes) are not indexed.
pub const MAX_TOKEN_CHARS: usize = 40;

/// The Decap collection of each entry of a chunk of the article list (`null` for an entry whose
/// file is in no folder the editors' screen lists), for the editors' finder. Beside the screen,
/// not in the site's data: readers never load it.
pub fn screen_chunk_path(id: u32) -> String {
    format!(
        "{}/tim-bai-viet/bo-suu-tap/{}.json",
        crate::paths::ADMIN_FOLDER,
        id as usize / DOCS_PER_CHUNK
    )
}

/// Where a word occurs, as bits of a mask.
pub mod field {
    pub const TITLE: u8 = 1;
    pub const SUMMARY: u8 = 2;
    pub const BODY: u8 = 4;
}

/// The postings file of a token (a folded word), below the site root.
pub fn token_path(token: &str) -> String {
    format!("data/tim-kiem/tu/{token}.json")
}

/// The chunk of the article list holding article `id`.
pub fn chunk_path(id: u32) -> String {
    format!("data/tim-kiem/bai/{}.json", id as usize / DOCS_PER_CHUNK)
}

// `FOLDED`: every Latin letter that folds to another one, and the Greek and Cyrillic capitals.
include!(concat!(env!("OUT_DIR"), "/folded.rs"));

/// Folds one character: `Some` lowercase plain letter (or the character itself, lowercased),
/// `None` for a combining diacritic, which decomposed text carries separately. Other scripts
/// than Latin, Greek and Cyrillic keep their case.
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if ('\u{300}'..='\u{36f}').contains(&c) {
        return None;
    }
    match FOLDED.binary_search_by_key(&c, |&(from, _)| from) {
        Ok(i) => Some(FOLDED[i].1),
        Err(_) => Some(c),
    }
}

/// Whether a folded character belongs to a word: ASCII letters and digits, and the letters and
/// digits of the scripts listed here (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Thai,
/// Chinese, Japanese, Korean). Anything else, emoji and symbols such as ℃ included, separates
/// words, as punctuation does. std's full Unicode tables would cost the app's wasm more than
/// the letters of other scripts they would add.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    matches!(u32::from(c),
        // Latin-1: ª ² ³ µ ¹ º ¼ ½ ¾ and the letters; Latin Extended-A and -B, IPA
        0xAA | 0xB2 | 0xB3 | 0xB5 | 0xB9 | 0xBA | 0xBC..=0xBE
        | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x2AF
        // Greek and Cyrillic letters
        | 0x386 | 0x388..=0x3F5 | 0x3F7..=0x481 | 0x48A..=0x52F
        // Armenian, Hebrew, Arabic letters and digits, Thai
        | 0x531..=0x556 | 0x561..=0x587 | 0x5D0..=0x5EA | 0x620..=0x64A | 0x660..=0x669
        | 0x671..=0x6D3 | 0xE01..=0xE30 | 0xE40..=0xE46 | 0xE50..=0xE59
        // Latin Extended Additional (Vietnamese among it)
        | 0x1E00..=0x1EFF
        // Chinese, Japanese and Korean letters and numbers
        | 0x3005..=0x3007 | 0x3021..=0x3029 | 0x3031..=0x3035 | 0x3038..=0x303C
        | 0x3041..=0x3096 | 0x30A1..=0x30FA | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        // full-width digits and letters
        | 0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A)
}

/// The folded form of a text: `"Cờ Đỏ"` → `"co do"`.
pub fn fold(text: &str) -> String {
    text.chars().filter_map(fold_char).collect()
}

/// The words of a text, folded, each with the byte range it covers in the original text (so
/// that a highlight lands on the accented original).
pub fn tokens_with_spans(text: &str) -> Vec<(String, Range<usize>)> {
    let mut tokens = Vec::new();
    let mut current: Option<(String, Range<usize>)> = None;
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        match fold_char(c) {
            Some(folded) if is_word_char(folded) => match &mut current {
                Some((token, span)) => {
                    token.push(folded);
                    span.end = end;
                }
                None => current = Some((folded.to_string(), at..end)),
            },
            // A combining mark belongs to the letter before it.
            None => {
                if let Some((_, span)) = &mut current {
                    span.end = end;
                }
            }
            Some(_) => tokens.extend(current.take()),
        }
    }
    tokens.extend(current);
    tokens
}

/// The distinct words of a query, in the order typed.
pub fn query_tokens(query: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    for (token, _) in tokens_with_spans(query) {
        if token.chars().count() <= MAX_TOKEN_CHARS && !tokens.contains(&token) {
            tokens.push(token);
        }
    }
    tokens
}

/// The text of one article, as the index sees it.
pub struct IndexedText<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub body: Vec<&'a str>,
}

/// Builds the inverted index: for each token, the articles (by position, newest first) and the
/// fields it occurs in.
pub fn build_index(docs: &[IndexedText<'_>]) -> BTreeMap<String, Vec<(u32, u8)>> {
    let mut index: BTreeMap<String, Vec<(u32, u8)>> = BTreeMap::new();
    for (id, doc) in docs.iter().enumerate() {
        let mut fields: BTreeMap<String, u8> = BTreeMap::new();
        let mut add = |text: &str, bit: u8| {
            for (token, _) in tokens_with_spans(text) {
                if token.chars().count() <= MAX_TOKEN_CHARS {
                    *fields.entry(token).or_default() |= bit;
                }
            }
        };
        add(doc.title, field::TITLE);
        add(doc.summary, field::SUMMARY);
        for text in &doc.body {
            add(text, field::BODY);
        }
        for (token, mask) in fields {
            index.entry(token).or_default().push((id as u32, mask));
        }
    }
    index
}

/// A postings list as stored: `[id gap, mask, id gap, mask, …]`, ids ascending. Small gaps
/// compress far better than ids.
pub fn encode_postings(postings: &[(u32, u8)]) -> Vec<u32> {
    let mut previous = 0;
    let mut flat = Vec::with_capacity(postings.len() * 2);
    for &(id, mask) in postings {
        flat.push(id - previous);
        flat.push(u32::from(mask));
        previous = id;
    }
    flat
}

pub fn decode_postings(flat: &[u32]) -> Vec<(u32, u8)> {
    let mut id = 0;
    flat.chunks_exact(2)
        .map(|pair| {
            id += pair[0];
            (id, pair[1] as u8)
        })
        .collect()
}

/// Ranks the articles that contain every word: more words in the title first, then more in the
/// summary, then the newest (the lowest id). `postings` holds one list per query word.
pub fn rank(postings: &[Vec<(u32, u8)>]) -> Vec<u32> {
    let Some((first, rest)) = postings.split_first() else {
        return Vec::new();
    };
    let mut hits: Vec<(u32, u8, u8)> = Vec::new();
    'docs: for &(id, mask) in first {
        let (mut title, mut summary) = (0u8, 0u8);
        for m in std::iter::once(mask).chain(rest.iter().map(|list| {
            list.binary_search_by_key(&id, |&(other, _)| other)
                .map_or(0, |i| list[i].1)
        })) {
            if m == 0 {
                continue 'docs;
            }
            title += u8::from(m & field::TITLE != 0);
            summary += u8::from(m & field::SUMMARY != 0);
        }
        hits.push((id, title, summary));
    }
    hits.sort_by_key(|&(id, title, summary)| {
        (std::cmp::Reverse(title), std::cmp::Reverse(summary), id)
    });
    hits.into_iter().map(|(id, _, _)| id).collect()
}

/// One entry of the index's list: an article, `[slug, title, published_at, category name]`,
/// a document, `["van-ban/" + slug, "number: summary", issued_on, "Văn bản · kind"]`, or a
/// page, `["trang-thong-tin/" + slug, title, updated_at or "", "Trang thông tin"]` (`"en/"` and
/// `"English"` for the English section's).
pub type DocEntry = (String, String, String, String);

/// What starts the slug of a document's entry in the index's list.
pub const DOCUMENT_PREFIX: &str = "van-ban/";
/// What starts the slug of a procedure's entry: `["thu-tuc/" + slug, "code: title", "",
/// "Thủ tục · field"]`.
pub const PROCEDURE_PREFIX: &str = "thu-tuc/";
/// What starts the slug of a science and technology task's entry: `["nhiem-vu/" + slug,
/// "code: title", "", "Nhiệm vụ · kind"]`.
pub const TASK_PREFIX: &str = "nhiem-vu/";
/// What starts the slug of a leader's entry: `["to-chuc/" + slug, name, "", "Lãnh đạo ·
/// position"]`.
pub const LEADER_PREFIX: &str = "to-chuc/";
const PAGE_PREFIX: &str = "trang-thong-tin/";
const ENGLISH_PAGE_PREFIX: &str = "en/";

/// What an entry of the index's list leads to, read from its slug.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found<'a> {
    Article(&'a str),
    Document(&'a str),
    Procedure(&'a str),
    Task(&'a str),
    Leader(&'a str),
    Page(Lang, &'a str),
}

impl<'a> Found<'a> {
    pub fn of(entry_slug: &'a str) -> Self {
        if let Some(slug) = entry_slug.strip_prefix(DOCUMENT_PREFIX) {
            Found::Document(slug)
        } else if let Some(slug) = entry_slug.strip_prefix(PROCEDURE_PREFIX) {
            Found::Procedure(slug)
        } else if let Some(slug) = entry_slug.strip_prefix(TASK_PREFIX) {
            Found::Task(slug)
        } else if let Some(slug) = entry_slug.strip_prefix(LEADER_PREFIX) {
            Found::Leader(slug)
        } else if let Some(slug) = entry_slug.strip_prefix(PAGE_PREFIX) {
            Found::Page(Lang::Vi, slug)
        } else if let Some(slug) = entry_slug.strip_prefix(ENGLISH_PAGE_PREFIX) {
            Found::Page(Lang::En, slug)
        } else {
            Found::Article(entry_slug)
        }
    }
}

/// The slug of a page's entry in the index's list.
pub fn page_entry_slug(lang: Lang, slug: &str) -> String {
    match lang {
        Lang::Vi => format!("{PAGE_PREFIX}{slug}"),
        Lang::En => format!("{ENGLISH_PAGE_PREFIX}{slug}"),
    }
}

/// A text cut into pieces, the marked ones matching the query.
pub type Marked = Vec<(String, bool)>;

/// Marks every word of `text` that is one of `tokens`.
pub fn highlight(text: &str, tokens: &[String]) -> Marked {
    mark_range(text, 0..text.len(), tokens)
}

fn mark_range(text: &str, range: Range<usize>, tokens: &[String]) -> Marked {
    let mut parts: Marked = Vec::new();
    let mut at = range.start;
    for (token, span) in tokens_with_spans(&text[range.clone()]) {
        let span = span.start + range.start..span.end + range.start;
        if tokens.contains(&token) {
            if span.start > at {
                parts.push((text[at..span.start].to_owned(), false));
            }
            parts.push((text[span.clone()].to_owned(), true));
            at = span.end;
        }
    }
    if at < range.end {
        parts.push((text[at..range.end].to_owned(), false));
    }
    parts
}

/// A passage of about `max_chars` characters around the first matching word, with the matches
/// marked and `…` where the text was cut; `None` when no word of `text` matches.
pub fn snippet(text: &str, tokens: &[String], max_chars: usize) -> Option<Marked> {
    let spans = tokens_with_spans(text);
    let first = spans
        .iter()
        .find(|(token, _)| tokens.contains(token))?
        .1
        .clone();
    // Start a little before the match, at a word boundary.
    let lead = max_chars / 4;
    let start = spans
        .iter()
        .map(|(_, span)| span.start)
        .filter(|&s| s <= first.start && text[s..first.start].chars().count() <= lead)
        .min()
        .unwrap_or(first.start);
    let start = if text[..start].trim().is_empty() {
        0
    } else {
        start
    };
    let end = text[start..]
        .char_indices()
        .nth(max_chars)
        .map_or(text.len(), |(i, _)| start + i);
    let end = if end < text.len() {
        spans
            .iter()
            .map(|(_, span)| span.end)
            .filter(|&e| e <= end && e > first.end)
            .max()
            .unwrap_or(end.max(first.end))
    } else {
        end
    };
    let mut parts = mark_range(text, start..end, tokens);
    if start > 0 {
        parts.insert(0, ("…".to_owned(), false));
    }
    if end < text.len() {
        parts.push(("…".to_owned(), false));
    }
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(parts: &Marked) -> String {
        parts
            .iter()
            .map(|(text, marked)| {
                if *marked {
                    format!("[{text}]")
                } else {
                    text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn folding_drops_case_and_diacritics() {
        assert_eq!(fold("Cần Thơ"), "can tho");
        assert_eq!(fold("Cờ Đỏ"), "co do");
        assert_eq!(
            fold("ĐỒNG CHÍ Trần Đông Phương An"),
            "dong chi tran dong phuong an"
        );
        assert_eq!(fold("Khoa học & Công nghệ"), "khoa hoc & cong nghe");
        assert_eq!(fold("đường Đ"), "duong d");
        assert_eq!(fold("Ưu tiên ỹ ỵ"), "uu tien y y");
    }

    /// The 134 letters of Vietnamese with diacritics, lower- and upper-case, each group with
    /// the base letter a reader types for it: written out, not derived.
    const VIETNAMESE_LETTERS: [(&str, char); 26] = [
        ("àáảãạ", 'a'),
        ("ăằắẳẵặ", 'a'),
        ("âầấẩẫậ", 'a'),
        ("èéẻẽẹ", 'e'),
        ("êềếểễệ", 'e'),
        ("ìíỉĩị", 'i'),
        ("òóỏõọ", 'o'),
        ("ôồốổỗộ", 'o'),
        ("ơờớởỡợ", 'o'),
        ("ùúủũụ", 'u'),
        ("ưừứửữự", 'u'),
        ("ỳýỷỹỵ", 'y'),
        ("đ", 'd'),
        ("ÀÁẢÃẠ", 'a'),
        ("ĂẰẮẲẴẶ", 'a'),
        ("ÂẦẤẨẪẬ", 'a'),
        ("ÈÉẺẼẸ", 'e'),
        ("ÊỀẾỂỄỆ", 'e'),
        ("ÌÍỈĨỊ", 'i'),
        ("ÒÓỎÕỌ", 'o'),
        ("ÔỒỐỔỖỘ", 'o'),
        ("ƠỜỚỞỠỢ", 'o'),
        ("ÙÚỦŨỤ", 'u'),
        ("ƯỪỨỬỮỰ", 'u'),
        ("ỲÝỶỸỴ", 'y'),
        ("Đ", 'd'),
    ];

    #[test]
    fn every_vietnamese_letter_folds_to_the_letter_a_reader_types() {
        let mut count = 0;
        for (letters, base) in VIETNAMESE_LETTERS {
            for letter in letters.chars() {
                assert_eq!(fold_char(letter), Some(base), "{letter}");
                // Typed decomposed (NFD), as some keyboards and Macs write it, too.
                use unicode_normalization::UnicodeNormalization;
                let decomposed: String = letter.to_string().nfd().collect();
                assert_eq!(fold(&decomposed), base.to_string(), "{letter} decomposed");
                count += 1;
            }
        }
        assert_eq!(count, 134);
    }

    #[test]
    fn folding_agrees_with_chromiums_decomposition_of_every_latin_letter() {
        // Chromium's `normalize('NFD')`, marks dropped, lowercased, over the Latin blocks:
        // written by tests/e2e/specs/folding.spec.ts, which checks it against Chromium.
        let oracle: std::collections::BTreeMap<String, String> =
            serde_json::from_str(include_str!("../../tests/fixtures/folding/latin-nfd.json"))
                .unwrap();
        assert!(oracle.len() > 600);
        let mut wrong = Vec::new();
        for (letter, chromium) in &oracle {
            // đ and Đ have no decomposition: Vietnamese readers type d for them.
            let expected = match letter.as_str() {
                "đ" | "Đ" => "d",
                _ => chromium.as_str(),
            };
            let folded = fold(letter);
            if folded != expected {
                wrong.push(format!("{letter}: {folded} ≠ {expected}"));
            }
        }
        assert!(
            wrong.is_empty(),
            "{} letters fold otherwise than Chromium decomposes them:\n{}",
            wrong.len(),
            wrong.join("\n")
        );
    }

    #[test]
    fn greek_and_cyrillic_letters_lowercase_as_std_does() {
        for c in (0x370..=0x4FF).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            if let (Some(std_lower), None) = (lower.next(), lower.next()) {
                assert_eq!(
                    fold_char(c),
                    Some(std_lower),
                    "{c} (U+{:04X})",
                    u32::from(c)
                );
            }
        }
        assert_eq!(fold("ÆØŒŁ ẞ ΑΘΗΝΑ МОСКВА"), "æøœł ß αθηνα москва");
    }

    #[test]
    fn word_characters_agree_with_std_where_text_is_written() {
        // Latin, Greek and Cyrillic letters, and the punctuation, symbols and CJK marks set
        // around them (ranges free of unassigned code points, and of the few letter-like
        // symbols, such as circled numbers, that std counts as alphanumeric).
        let checked = [
            0x80..=0x24F,
            0x1E00..=0x1EFF,
            0x388..=0x38A,
            0x38C..=0x38C,
            0x38E..=0x3A1,
            0x3A3..=0x3CE,
            0x400..=0x481,
            0x48A..=0x4FF,
            0x2000..=0x2064,
            0x20A0..=0x20C0,
            0x2190..=0x23FF,
            0x2500..=0x2775,
            0x2794..=0x27BF,
            0x2E00..=0x2E2E,
            0x2E30..=0x2E5D,
            0x3000..=0x303F,
            0xFF01..=0xFF65,
        ];
        for range in checked {
            for c in range.filter_map(char::from_u32) {
                assert_eq!(
                    is_word_char(c),
                    c.is_alphanumeric(),
                    "{c} (U+{:04X})",
                    u32::from(c)
                );
            }
        }
        let words = |text: &str| -> Vec<String> {
            tokens_with_spans(text)
                .into_iter()
                .map(|(t, _)| t)
                .collect()
        };
        assert_eq!(words("«Müller» — Ørsted…"), ["muller", "ørsted"]);
        // Emoji and symbols next to a word do not change it.
        let symbols = "Mừng🎉 30℃ ❤\u{fe0f} 1\u{20e3}";
        assert_eq!(words(symbols), ["mung", "30", "1"]);
        assert_eq!(words("Москва Αθήνα 東京"), ["москва", "αθήνα", "東京"]);
    }

    #[test]
    fn decomposed_text_folds_like_composed_text() {
        let nfd = "C\u{6f}\u{31b}\u{300} \u{110}o\u{309} Ca\u{302}\u{300}n Tho\u{31b}";
        assert_eq!(fold(nfd), "co do can tho");
        let tokens: Vec<String> = tokens_with_spans(nfd).into_iter().map(|(t, _)| t).collect();
        assert_eq!(tokens, ["co", "do", "can", "tho"]);
    }

    #[test]
    fn words_split_on_spaces_and_punctuation_with_spans_on_the_original() {
        let text = "Sở KH&CN TP. Cần\u{a0}Thơ, 2023!";
        let tokens = tokens_with_spans(text);
        let words: Vec<(&str, &str)> = tokens
            .iter()
            .map(|(t, s)| (t.as_str(), &text[s.clone()]))
            .collect();
        assert_eq!(
            words,
            [
                ("so", "Sở"),
                ("kh", "KH"),
                ("cn", "CN"),
                ("tp", "TP"),
                ("can", "Cần"),
                ("tho", "Thơ"),
                ("2023", "2023")
            ]
        );
    }

    #[test]
    fn queries_are_distinct_folded_words() {
        assert_eq!(query_tokens("  Cờ  đỏ, co DO "), ["co", "do"]);
        assert!(query_tokens(" … ").is_empty());
    }

    fn docs() -> Vec<IndexedText<'static>> {
        vec![
            // id 0 is the newest.
            IndexedText {
                title: "Hội thảo khoa học",
                summary: "Tại Cần Thơ",
                body: vec!["Nội dung về Cờ Đỏ"],
            },
            IndexedText {
                title: "Làm việc với huyện Cờ Đỏ",
                summary: "Tóm tắt",
                body: vec!["Cần Thơ"],
            },
            IndexedText {
                title: "Tin khác",
                summary: "Cờ Đỏ và Cần Thơ",
                body: vec![],
            },
            IndexedText {
                title: "Cần Thơ",
                summary: "",
                body: vec!["Không nhắc tới huyện kia"],
            },
        ]
    }

    fn search(query: &str) -> Vec<u32> {
        let index = build_index(&docs());
        let lists: Vec<Vec<(u32, u8)>> = query_tokens(query)
            .iter()
            .map(|t| index.get(t).cloned().unwrap_or_default())
            .collect();
        rank(&lists)
    }

    #[test]
    fn every_word_must_match_in_any_order() {
        assert_eq!(search("co do"), [1, 2, 0]);
        assert_eq!(search("do co"), [1, 2, 0]);
        assert_eq!(search("co do can tho"), [1, 2, 0]);
        assert_eq!(search("co do xyz"), Vec::<u32>::new());
        assert_eq!(search(""), Vec::<u32>::new());
    }

    #[test]
    fn title_ranks_above_summary_above_body_then_newest() {
        // "can tho": title of 3, summary of 0 and 2, body of 1.
        assert_eq!(search("Cần Thơ"), [3, 0, 2, 1]);
        // Ties keep the newest first.
        assert_eq!(search("khoa"), [0]);
    }

    #[test]
    fn postings_round_trip_through_gaps() {
        let postings = vec![(3, 1), (4, 4), (250, 6)];
        assert_eq!(encode_postings(&postings), [3, 1, 1, 4, 246, 6]);
        assert_eq!(decode_postings(&encode_postings(&postings)), postings);
    }

    #[test]
    fn highlights_land_on_the_accented_original() {
        let tokens = query_tokens("co do");
        let parts = highlight("Huyện Cờ Đỏ, cờ đỏ", &tokens);
        assert_eq!(plain(&parts), "Huyện [Cờ] [Đỏ], [cờ] [đỏ]");
        let nfd = "Ca\u{302}\u{300}n Tho\u{31b}";
        assert_eq!(
            plain(&highlight(nfd, &query_tokens("can"))),
            format!("[Ca\u{302}\u{300}n] Tho\u{31b}")
        );
    }

    #[test]
    fn snippets_centre_on_the_first_match() {
        let text = "Chiều ngày 11/8, tại Hội trường Huyện Ủy Cờ Đỏ, Đoàn công tác của Sở đã có buổi làm việc với lãnh đạo huyện về hoạt động khoa học.";
        let parts = snippet(text, &query_tokens("co do"), 40).unwrap();
        let shown = plain(&parts);
        assert!(shown.starts_with('…'), "{shown}");
        assert!(shown.contains("[Cờ] [Đỏ]"), "{shown}");
        assert!(shown.ends_with('…'), "{shown}");
        assert!(snippet(text, &query_tokens("xyz"), 40).is_none());
        // Short text is shown whole.
        assert_eq!(
            plain(&snippet("Tin Cờ Đỏ", &query_tokens("do"), 40).unwrap()),
            "Tin Cờ [Đỏ]"
        );
    }
}
