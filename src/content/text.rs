//! Small pure text helpers shared by the build and the app.

/// How long an automatic summary may get before it is cut.
pub const SUMMARY_TARGET_CHARS: usize = 200;

/// Cuts `text` at a word boundary at or before `max_chars` characters and adds an ellipsis.
/// Text that already fits is returned whole, without an ellipsis.
pub fn cut_at_word(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    // Byte index just past the `max_chars`-th character.
    let limit = text
        .char_indices()
        .nth(max_chars)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..limit];
    // Cut at the last space inside the limit, or at the limit itself when the word there is
    // already whole; a single overlong word is cut hard rather than dropped.
    let word_is_whole =
        text[limit..].starts_with(|c: char| c.is_whitespace() || ",.;:!?)".contains(c));
    let cut = if word_is_whole {
        head
    } else {
        match head.rfind(char::is_whitespace) {
            Some(space) if space > 0 => &head[..space],
            _ => head,
        }
    };
    let cut = cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–—(".contains(c));
    format!("{cut}…")
}

/// Text as readers see it, trimmed: a line break typed any way (Word's soft break, a Windows
/// line end, Unicode's line and paragraph separators) becomes `\n`, a tab a space, and other
/// control characters, which show as nothing or as boxes and are not allowed in the feed's
/// XML, go.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            // Word's non-breaking hyphen.
            '\u{1e}' => out.push('\u{2011}'),
            // A byte-order mark inside the text shows as nothing.
            '\u{feff}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// The digits of a phone number, and its `+` if it has one before them, for a `tel:` link.
pub fn tel_href(phone: &str) -> String {
    let mut out = String::from("tel:");
    for c in phone.chars() {
        if c.is_ascii_digit() || (c == '+' && out.len() == "tel:".len()) {
            out.push(c);
        }
    }
    out
}

/// A phone field cut into pieces, each with its `tel:` link if it is a number to dial:
/// "0292.3820674 – 0292.3820675 (máy lẻ 101)" links each of the two numbers, and leaves the
/// words between them, and an extension too short to dial, as text. One link for every digit
/// of the field would dial a number that does not exist.
pub fn phone_pieces(field: &str) -> Vec<(&str, Option<String>)> {
    /// Fewer digits than this is an extension or a room, not a number to dial.
    const DIALABLE: usize = 8;
    /// Vietnamese numbers have at most 11 digits (12 written with +84): more digits belong to
    /// the next number.
    const LONGEST: usize = 11;
    let chars: Vec<(usize, char)> = field.char_indices().collect();
    let char_at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let digit_at = |i: usize| char_at(i).is_some_and(|c| c.is_ascii_digit());
    let byte_at = |i: usize| chars.get(i).map_or(field.len(), |&(at, _)| at);
    // What joins the groups of one number: dots, dashes, and spaces of any width.
    let is_joiner = |c: char| {
        matches!(
            c,
            '.' | '-' | '–' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'
        )
    };
    let mut pieces = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    while i < chars.len() {
        // A number starts with a digit, `+`, or an area code in brackets: "(0292)", "(+84)".
        let mut at = i;
        let bracketed = char_at(at) == Some('(');
        at += usize::from(bracketed);
        let plus = char_at(at) == Some('+');
        at += usize::from(plus);
        if !digit_at(at) {
            i += 1;
            continue;
        }
        let longest = LONGEST + usize::from(plus);
        let mut open_bracket = bracketed;
        let (mut digits, mut end) = (0, at);
        loop {
            let group = chars[at..]
                .iter()
                .take_while(|(_, c)| c.is_ascii_digit())
                .count();
            if digits > 0 && digits + group > longest {
                break;
            }
            at += group;
            digits += group;
            end = at;
            if open_bracket && char_at(at) == Some(')') {
                open_bracket = false;
                at += 1;
                end = at;
            }
            let joiners = chars[at..]
                .iter()
                .take_while(|&&(_, c)| is_joiner(c))
                .count();
            // One joining character; or up to three ("0292 - 3820674") while the number is
            // too short to dial alone. After a whole number, " – " begins the next one.
            let joins =
                (joiners <= 1 || (joiners <= 3 && digits < DIALABLE)) && digit_at(at + joiners);
            if !joins {
                break;
            }
            at += joiners;
        }
        if (DIALABLE..=longest).contains(&digits) {
            let (from, to) = (byte_at(i), byte_at(end));
            if text_start < from {
                pieces.push((&field[text_start..from], None));
            }
            let number = &field[from..to];
            pieces.push((number, Some(tel_href(number))));
            text_start = to;
        }
        i = end;
    }
    if text_start < field.len() {
        pieces.push((&field[text_start..], None));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_pieces_always_join_back_to_the_field() {
        let alphabet: Vec<char> = "0123456789 .-–()+,;/áđ\u{a0}x".chars().collect();
        let mut seed = 0x2545_f491_u64;
        for _ in 0..20_000 {
            let len = (seed % 24) as usize;
            let field: String = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    alphabet[(seed >> 33) as usize % alphabet.len()]
                })
                .collect();
            let pieces = phone_pieces(&field);
            assert_eq!(pieces.iter().map(|p| p.0).collect::<String>(), field);
            for (text, href) in &pieces {
                if let Some(href) = href {
                    let digits = href.chars().filter(char::is_ascii_digit).count();
                    assert!((8..=12).contains(&digits), "{text:?} → {href}");
                }
            }
        }
    }

    #[test]
    fn plain_text_keeps_line_breaks_and_drops_control_characters() {
        assert_eq!(
            plain("  Dòng 1\r\nDòng 2\u{b}Dòng 3\u{2028}Dòng 4  "),
            "Dòng 1\nDòng 2\nDòng 3\nDòng 4"
        );
        assert_eq!(plain("chuông\u{7}\u{0}\u{1b}\tdòng"), "chuông dòng");
        assert_eq!(plain("\u{7}\u{b} \u{feff}"), "");
        assert_eq!(plain("2021\u{1e}2025\u{85}Hết"), "2021\u{2011}2025\nHết");
    }

    #[test]
    fn short_text_is_kept_whole() {
        assert_eq!(cut_at_word("  Tin ngắn.  ", 200), "Tin ngắn.");
        let exactly = "a".repeat(200);
        assert_eq!(cut_at_word(&exactly, 200), exactly);
    }

    #[test]
    fn long_text_is_cut_at_the_last_word_boundary() {
        let text = "Chiều ngày 11/8, tại Hội trường Huyện Ủy Cờ Đỏ, đoàn công tác đã làm việc";
        assert_eq!(cut_at_word(text, 20), "Chiều ngày 11/8, tại…");
        // The limit falls right before a space: the last word is whole and kept.
        assert_eq!(cut_at_word(text, 15), "Chiều ngày 11/8…");
        // Trailing punctuation before the cut is dropped.
        assert_eq!(cut_at_word(text, 16), "Chiều ngày 11/8…");
    }

    #[test]
    fn counts_characters_not_bytes() {
        let text = "Đồng chí Trần Đông Phương An phát biểu chỉ đạo tại buổi làm việc";
        let cut = cut_at_word(text, 30);
        assert_eq!(cut, "Đồng chí Trần Đông Phương An…");
        assert!(cut.chars().count() <= 31);
    }

    #[test]
    fn one_overlong_word_is_cut_hard() {
        let word = "x".repeat(250);
        let cut = cut_at_word(&word, 200);
        assert_eq!(cut.chars().count(), 201);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn tel_keeps_digits_and_leading_plus() {
        assert_eq!(tel_href("0292.3820674"), "tel:02923820674");
        let tel = |n: &str| Some(tel_href(n));
        assert_eq!(
            phone_pieces("0292.3820674"),
            [("0292.3820674", tel("02923820674"))]
        );
        assert_eq!(
            phone_pieces("0292.3820674 – 0292.3820675 (máy lẻ 101, 102)"),
            [
                ("0292.3820674", tel("02923820674")),
                (" – ", None),
                ("0292.3820675", tel("02923820675")),
                (" (máy lẻ 101, 102)", None),
            ]
        );
        assert_eq!(
            phone_pieces("(0292) 382 0674 - 0912-345-678"),
            [
                ("(0292) 382 0674", tel("02923820674")),
                (" - ", None),
                ("0912-345-678", tel("0912345678")),
            ]
        );
        assert_eq!(
            phone_pieces("+84 292 3820674 hoặc 0292 3820675"),
            [
                ("+84 292 3820674", tel("+842923820674")),
                (" hoặc ", None),
                ("0292 3820675", tel("02923820675")),
            ]
        );
        // Brackets around the area code only; an extension in brackets stays text.
        assert_eq!(
            phone_pieces("0292 3820674 (101)"),
            [("0292 3820674", tel("02923820674")), (" (101)", None)]
        );
        assert_eq!(
            phone_pieces("(+84) 292 3820674"),
            [("(+84) 292 3820674", tel("+842923820674"))]
        );
        // Two numbers that touch are still two: a number has at most 11 digits (12 with +).
        assert_eq!(
            phone_pieces("0292.3820674-0292.3820675"),
            [
                ("0292.3820674", tel("02923820674")),
                ("-", None),
                ("0292.3820675", tel("02923820675")),
            ]
        );
        // Spaces of any width, dashes of either kind, and a spaced dash inside a short number.
        for (field, href) in [
            ("0292\u{a0}3820\u{a0}674", "tel:02923820674"),
            ("0292–3820674", "tel:02923820674"),
            ("0292 - 3820674", "tel:02923820674"),
            ("+84-292-3820674", "tel:+842923820674"),
            ("1900 1234", "tel:19001234"),
            ("1800.1091", "tel:18001091"),
        ] {
            assert_eq!(
                phone_pieces(field),
                [(field, Some(href.to_owned()))],
                "{field}"
            );
        }
        // Nothing to dial: the field stays text.
        assert_eq!(phone_pieces("Không có"), [("Không có", None)]);
        assert_eq!(phone_pieces("máy lẻ 101"), [("máy lẻ 101", None)]);
        assert_eq!(
            phone_pieces("MST 1234567890123"),
            [("MST 1234567890123", None)]
        );
        assert_eq!(tel_href("+84 292 382 0674"), "tel:+842923820674");
    }
}
