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
            '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// The digits (and a leading `+`) of a phone number, for a `tel:` link.
pub fn tel_href(phone: &str) -> String {
    let mut out = String::from("tel:");
    for (i, c) in phone.trim().chars().enumerate() {
        if c.is_ascii_digit() || (i == 0 && c == '+') {
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
    let bytes = field.as_bytes();
    let is_separator = |b: u8| matches!(b, b'.' | b' ' | b'-' | b'(' | b')');
    let mut pieces = Vec::new();
    let mut text_start = 0;
    let mut at = 0;
    while at < bytes.len() {
        let starts_number = bytes[at].is_ascii_digit()
            || (matches!(bytes[at], b'+' | b'(')
                && bytes.get(at + 1).is_some_and(u8::is_ascii_digit));
        if !starts_number {
            at += 1;
            continue;
        }
        // Digits, joined by at most two separators (`.`, `-`, a space, brackets), but not by
        // a spaced dash, which separates two numbers.
        let start = at;
        let mut end = at + 1;
        let mut digits = usize::from(bytes[at].is_ascii_digit());
        loop {
            let gap = bytes[end..]
                .iter()
                .take_while(|&&b| is_separator(b))
                .count();
            let joined = gap <= 2
                && !(bytes[end..end + gap].contains(&b' ')
                    && bytes[end..end + gap].contains(&b'-'));
            match bytes.get(end + gap) {
                Some(b) if b.is_ascii_digit() && joined => {
                    end += gap;
                    while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                        end += 1;
                        digits += 1;
                    }
                }
                _ => break,
            }
        }
        // A closing bracket right after the number belongs to it, like its opening one.
        if bytes[start] == b'(' && bytes.get(end) == Some(&b')') {
            end += 1;
        }
        if digits >= DIALABLE {
            if text_start < start {
                pieces.push((&field[text_start..start], None));
            }
            let number = &field[start..end];
            pieces.push((number, Some(tel_href(number))));
            text_start = end;
        }
        at = end;
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
    fn plain_text_keeps_line_breaks_and_drops_control_characters() {
        assert_eq!(
            plain("  Dòng 1\r\nDòng 2\u{b}Dòng 3\u{2028}Dòng 4  "),
            "Dòng 1\nDòng 2\nDòng 3\nDòng 4"
        );
        assert_eq!(plain("chuông\u{7}\u{0}\u{1b}\tdòng"), "chuông dòng");
        assert_eq!(plain("\u{7}\u{b} "), "");
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
        // Nothing to dial: the field stays text.
        assert_eq!(phone_pieces("Không có"), [("Không có", None)]);
        assert_eq!(phone_pieces("máy lẻ 101"), [("máy lẻ 101", None)]);
        assert_eq!(tel_href("+84 292 382 0674"), "tel:+842923820674");
    }
}
