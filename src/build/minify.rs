//! Smaller inline CSS for release builds.
//!
//! Trunk inlines `style/*.css` into `index.html` as written, comments and indentation
//! included, and every static page carries that CSS in its `<style>` elements: 1.7 KB of the
//! 10.3 KB brotli of an article page. `style/` keeps its comments for designers; the pages
//! get the CSS without them. The minifier only removes what CSS ignores: comments, and
//! whitespace where a single space or none means the same. Strings are kept exactly, and so
//! is a space that separates parts of a selector (`a :hover` is not `a:hover`) or a value
//! (`calc(100% - 2rem)`).

/// `html` with the CSS of each `<style>` element minified.
pub fn inline_styles(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find("<style") {
        let Some(content_start) = rest[open..].find('>').map(|i| open + i + 1) else {
            break;
        };
        let Some(content_end) = rest[content_start..]
            .find("</style>")
            .map(|i| content_start + i)
        else {
            break;
        };
        out.push_str(&rest[..content_start]);
        out.push_str(&css(&rest[content_start..content_end]));
        rest = &rest[content_end..];
        out.push_str("</style>");
        rest = &rest["</style>".len()..];
    }
    out.push_str(rest);
    out
}

/// Where a space next to it never matters.
fn needs_no_space_beside(c: char) -> bool {
    matches!(c, '{' | '}' | ';' | ',' | '>')
}

/// CSS whitespace; not every Unicode space is one.
fn is_css_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

/// CSS without comments, and with whitespace collapsed to a single space where it separates
/// something and dropped where it does not.
pub fn css(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut pending_space = false;
    // A comment with no whitespace beside it, which may keep two tokens apart (`0/**/auto`).
    let mut pending_comment = false;
    // The last character written was escaped (`\;`): it is not punctuation.
    let mut last_escaped = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = ' ';
                for c in chars.by_ref() {
                    if previous == '*' && c == '/' {
                        break;
                    }
                    previous = c;
                }
                pending_comment = true;
            }
            c if is_css_space(c) => pending_space = true,
            _ => {
                let punctuation_before = !last_escaped && out.ends_with(needs_no_space_beside);
                if pending_space {
                    if !out.is_empty() && !punctuation_before && !needs_no_space_beside(c) {
                        out.push(' ');
                    }
                } else if pending_comment
                    && !out.is_empty()
                    && !punctuation_before
                    && !needs_no_space_beside(c)
                {
                    // Kept as the shortest comment: dropping it could join two tokens, and a
                    // space would be a descendant combinator (`.a/**/.b` is `.a.b`).
                    out.push_str("/**/");
                }
                pending_space = false;
                pending_comment = false;
                // The last declaration of a block needs no semicolon.
                if c == '}' && !last_escaped && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                last_escaped = false;
                match c {
                    '"' | '\'' => {
                        // A string, kept exactly, escapes included.
                        while let Some(inner) = chars.next() {
                            out.push(inner);
                            if inner == '\\' {
                                if let Some(escaped) = chars.next() {
                                    out.push(escaped);
                                }
                            } else if inner == c {
                                break;
                            }
                        }
                    }
                    '\\' => {
                        // An escape: one character, or up to six hex digits and the one
                        // whitespace that may end them, which belongs to the escape.
                        let mut hex = 0;
                        while hex < 6 && chars.peek().is_some_and(char::is_ascii_hexdigit) {
                            out.extend(chars.next());
                            hex += 1;
                        }
                        if hex > 0 {
                            if chars.peek().copied().is_some_and(is_css_space) {
                                chars.next();
                                out.push(' ');
                            }
                        } else {
                            out.extend(chars.next());
                        }
                        last_escaped = true;
                    }
                    _ => {}
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_needless_whitespace_go() {
        let css = "/* Colours */\n:root {\n  --brand: #0b4a8b; /* header band */\n}\n\n.a > .b,\n.c { margin: 0 auto ; }\n";
        assert_eq!(
            super::css(css),
            ":root{--brand: #0b4a8b}.a>.b,.c{margin: 0 auto}"
        );
    }

    #[test]
    fn spaces_that_mean_something_stay() {
        for kept in [
            "a :hover{color:red}",
            ".x{width:calc(100% - 2rem)}",
            "@media (max-width: 39.99rem) and (min-width: 20rem){.a{b:c}}",
            ".a .b{c:d}",
            ".a+.b ~ .c{d:e}",
        ] {
            assert_eq!(super::css(kept), kept);
        }
        // A comment with no whitespace beside it may keep two tokens apart: it stays, as
        // `/**/`. One with whitespace beside it is that whitespace.
        assert_eq!(super::css(".a/* x */.b{c:d}"), ".a/**/.b{c:d}");
        assert_eq!(
            super::css(".a{margin:0/* x */auto}"),
            ".a{margin:0/**/auto}"
        );
        assert_eq!(super::css(".a /* x */ .b{c:d}"), ".a .b{c:d}");
    }

    #[test]
    fn escapes_are_kept_with_what_they_escape() {
        for kept in [
            ".a\\,.b{c:d}",
            ".a{b:c\\;}.z{y:x}",
            ".a\\\"b{}.q::before{content:\"  /* x */  \"}",
            ".\\31  p{c:d}",
            ".\\31 0{c:d}",
        ] {
            assert_eq!(super::css(kept), kept);
        }
        // The space after a hex escape ends it; the next one separates.
        assert_eq!(super::css(".\\31   p { c: d }"), ".\\31  p{c: d}");
    }

    #[test]
    fn strings_are_kept_exactly() {
        let css = ".q::before { content: \"  /* not a comment */  \\\"x\\\" \"; }\n.r::after { content: '; }' }";
        assert_eq!(
            super::css(css),
            ".q::before{content: \"  /* not a comment */  \\\"x\\\" \"}.r::after{content: '; }'}"
        );
    }

    #[test]
    fn only_the_style_elements_of_a_page_change() {
        let html = "<head><style>\n  a { color: red; }\n</style><script>/* kept */ let a = 1;</script><style media=\"print\"> nav { display: none; } </style></head>";
        assert_eq!(
            inline_styles(html),
            "<head><style>a{color: red}</style><script>/* kept */ let a = 1;</script><style media=\"print\">nav{display: none}</style></head>"
        );
    }
}
