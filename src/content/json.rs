//! Reading the published data: a small JSON reader and one [`FromJson`] impl per type the app
//! reads.
//!
//! The build writes every data file with serde_json. The app reads them with this instead:
//! serde_json's parser and serde's derived visitors weighed about 40 KB of the wasm (measured,
//! see README), this a few. The tests below decode what serde_json writes, type by type, so the
//! two cannot drift apart. Numbers are whole numbers only, because the data has no others.

use super::search::DocEntry;
use super::{Article, ArticleCard, Block, Category, Footer, Image, ImageVariants, ListPage, Site};

/// The text is not JSON, or not the shape the type expects. Readers only need to know that the
/// data is broken (the app shows "Dữ liệu nhận được bị lỗi").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Malformed;

type Result<T> = std::result::Result<T, Malformed>;

/// A parsed JSON value. Object members keep their order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Null,
    Bool(bool),
    Integer(i64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

/// Parses `text` and reads it as a `T`.
pub fn from_str<T: FromJson>(text: &str) -> Result<T> {
    T::from_json(parse(text)?)
}

/// Parses one JSON value, with nothing but whitespace around it.
pub fn parse(text: &str) -> Result<Value> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = reader.value(0)?;
    reader.skip_whitespace();
    if reader.at == reader.bytes.len() {
        Ok(value)
    } else {
        Err(Malformed)
    }
}

/// Deeper than any data file the build writes; a guard against a stack overflow.
const MAX_DEPTH: usize = 32;

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn next_byte(&mut self) -> Result<u8> {
        let byte = *self.bytes.get(self.at).ok_or(Malformed)?;
        self.at += 1;
        Ok(byte)
    }

    fn literal(&mut self, word: &[u8], value: Value) -> Result<Value> {
        if self.bytes[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(Malformed)
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value> {
        if depth > MAX_DEPTH {
            return Err(Malformed);
        }
        self.skip_whitespace();
        match self.bytes.get(self.at).copied().ok_or(Malformed)? {
            b'n' => self.literal(b"null", Value::Null),
            b't' => self.literal(b"true", Value::Bool(true)),
            b'f' => self.literal(b"false", Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'-' | b'0'..=b'9' => self.integer(),
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                if !self.close(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.separator(b']')? {
                            break;
                        }
                    }
                }
                Ok(Value::Array(items))
            }
            b'{' => {
                self.at += 1;
                let mut members = Vec::new();
                if !self.close(b'}') {
                    loop {
                        self.skip_whitespace();
                        if self.bytes.get(self.at) != Some(&b'"') {
                            return Err(Malformed);
                        }
                        let key = self.string()?;
                        self.skip_whitespace();
                        if self.next_byte()? != b':' {
                            return Err(Malformed);
                        }
                        members.push((key, self.value(depth + 1)?));
                        if self.separator(b'}')? {
                            break;
                        }
                    }
                }
                Ok(Value::Object(members))
            }
            _ => Err(Malformed),
        }
    }

    /// Consumes `end` if it comes next (an empty array or object).
    fn close(&mut self, end: u8) -> bool {
        self.skip_whitespace();
        let found = self.bytes.get(self.at) == Some(&end);
        if found {
            self.at += 1;
        }
        found
    }

    /// After an item: `,` (more to come) or `end` (done).
    fn separator(&mut self, end: u8) -> Result<bool> {
        self.skip_whitespace();
        match self.next_byte()? {
            b',' => Ok(false),
            byte if byte == end => Ok(true),
            _ => Err(Malformed),
        }
    }

    fn integer(&mut self) -> Result<Value> {
        let start = self.at;
        if self.bytes[self.at] == b'-' {
            self.at += 1;
        }
        let digits = self.at;
        while let Some(b'0'..=b'9') = self.bytes.get(self.at) {
            self.at += 1;
        }
        if self.at == digits || (self.bytes[digits] == b'0' && self.at - digits > 1) {
            return Err(Malformed);
        }
        // Fractions and exponents: valid JSON, but no data file has them.
        if let Some(b'.' | b'e' | b'E') = self.bytes.get(self.at) {
            return Err(Malformed);
        }
        let text = std::str::from_utf8(&self.bytes[start..self.at]).map_err(|_| Malformed)?;
        text.parse().map(Value::Integer).map_err(|_| Malformed)
    }

    fn string(&mut self) -> Result<String> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control character at once.
            let run_start = self.at;
            while let Some(&byte) = self.bytes.get(self.at) {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The input is a `str` and the run ends at an ASCII byte, so this cannot fail.
            out.push_str(
                std::str::from_utf8(&self.bytes[run_start..self.at]).map_err(|_| Malformed)?,
            );
            match self.next_byte()? {
                b'"' => return Ok(out),
                b'\\' => {
                    let escaped = match self.next_byte()? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err(Malformed),
                    };
                    out.push(escaped);
                }
                _ => return Err(Malformed), // a raw control character
            }
        }
    }

    /// The code point after `\u`, joining a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.next_byte()? != b'\\' || self.next_byte()? != b'u' {
                    return Err(Malformed);
                }
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(Malformed);
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(Malformed),
            _ => first,
        };
        char::from_u32(code).ok_or(Malformed)
    }

    fn hex4(&mut self) -> Result<u32> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = (self.next_byte()? as char).to_digit(16).ok_or(Malformed)?;
            code = code * 16 + digit;
        }
        Ok(code)
    }
}

/// A type the app reads from a data file.
pub trait FromJson: Sized {
    fn from_json(value: Value) -> Result<Self>;
}

impl FromJson for String {
    fn from_json(value: Value) -> Result<Self> {
        match value {
            Value::String(text) => Ok(text),
            _ => Err(Malformed),
        }
    }
}

/// A whole number that fits `T`.
fn integer<T: TryFrom<i64>>(value: Value) -> Result<T> {
    match value {
        Value::Integer(n) => T::try_from(n).map_err(|_| Malformed),
        _ => Err(Malformed),
    }
}

impl FromJson for u32 {
    fn from_json(value: Value) -> Result<Self> {
        integer(value)
    }
}

impl FromJson for usize {
    fn from_json(value: Value) -> Result<Self> {
        integer(value)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: Value) -> Result<Self> {
        match value {
            Value::Array(items) => items.into_iter().map(T::from_json).collect(),
            _ => Err(Malformed),
        }
    }
}

/// `null` reads as `None`; so does a missing member (see [`Members::optional`]).
impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: Value) -> Result<Self> {
        match value {
            Value::Null => Ok(None),
            value => T::from_json(value).map(Some),
        }
    }
}

impl FromJson for DocEntry {
    fn from_json(value: Value) -> Result<Self> {
        let [a, b, c, d]: [String; 4] = Vec::<String>::from_json(value)?
            .try_into()
            .map_err(|_| Malformed)?;
        Ok((a, b, c, d))
    }
}

/// An object's members, taken one by one by name. Members nobody asks for are ignored, as
/// serde does by default.
pub struct Members(Vec<(String, Value)>);

impl Members {
    pub fn of(value: Value) -> Result<Self> {
        match value {
            Value::Object(members) => Ok(Members(members)),
            _ => Err(Malformed),
        }
    }

    fn take(&mut self, name: &str) -> Option<Value> {
        let index = self.0.iter().position(|(key, _)| key == name)?;
        Some(self.0.swap_remove(index).1)
    }

    pub fn required<T: FromJson>(&mut self, name: &str) -> Result<T> {
        T::from_json(self.take(name).ok_or(Malformed)?)
    }

    /// Missing, `null`, or a `T`.
    pub fn optional<T: FromJson>(&mut self, name: &str) -> Result<Option<T>> {
        self.take(name).map_or(Ok(None), Option::<T>::from_json)
    }
}

impl FromJson for Site {
    fn from_json(value: Value) -> Result<Self> {
        let mut m = Members::of(value)?;
        Ok(Site {
            name: m.required("name")?,
            short_name: m.required("short_name")?,
            slogan: m.required("slogan")?,
            origin: m.required("origin")?,
            categories: m.required("categories")?,
            footer: m.required("footer")?,
        })
    }
}

impl FromJson for Category {
    fn from_json(value: Value) -> Result<Self> {
        let mut m = Members::of(value)?;
        Ok(Category {
            slug: m.required("slug")?,
            name: m.required("name")?,
        })
    }
}

impl FromJson for Footer {
    fn from_json(value: Value) -> Result<Self> {
        let mut m = Members::of(value)?;
        Ok(Footer {
            copyright: m.required("copyright")?,
            address: m.required("address")?,
            phone: m.required("phone")?,
            fax: m.required("fax")?,
            email: m.required("email")?,
            editor_in_chief: m.required("editor_in_chief")?,
            disclaimer: m.required("disclaimer")?,
        })
    }
}

impl FromJson for Image {
    fn from_json(value: Value) -> Result<Self> {
        let mut m = Members::of(value)?;
        Ok(Image {
            src: m.required("src")?,
            width: m.required("width")?,
            height: m.required("height")?,
            alt: m.required("alt")?,
            variants: m.optional("variants")?,
        })
    }
}

impl FromJson for ImageVariants {
    fn from_json(value: Value) -> Result<Self> {
        let mut m = Members::of(value)?;
        Ok(ImageVariants {
            key: m.required("key")?,
            widths: m.required("widths")?,
        })
    }
}

/// Externally tagged: `{"paragraph": {"text": …}}`.
impl FromJson for Block {
    fn from_json(value: Value) -> Result<Self> {
        let Value::Object(mut members) = value else {
            return Err(Malformed);
        };
        let (Some((kind, body)), true) = (members.pop(), members.is_empty()) else {
            return Err(Malformed);
        };
        let mut m = Members::of(body)?;
        match kind.as_str() {
            "paragraph" => Ok(Block::Paragraph {
                text: m.required("text")?,
            }),
            "heading" => Ok(Block::Heading {
                text: m.required("text")?,
            }),
            "figure" => Ok(Block::Figure {
                image: m.required("image")?,
                caption: m.required("caption")?,
            }),
            _ => Err(Malformed),
        }
    }
}

impl FromJson for Article {
    fn from_json(value: Value) -> Result<Self> {
        let mut m = Members::of(value)?;
        Ok(Article {
            slug: m.required("slug")?,
            title: m.required("title")?,
            published_at: m.required("published_at")?,
            category: m.required("category")?,
            summary: m.required("summary")?,
            body: m.required("body")?,
            signature: m.optional("signature")?,
            related: m.optional("related")?.unwrap_or_default(),
        })
    }
}

impl FromJson for ArticleCard {
    fn from_json(value: Value) -> Result<Self> {
        let mut m = Members::of(value)?;
        Ok(ArticleCard {
            slug: m.required("slug")?,
            title: m.required("title")?,
            published_at: m.required("published_at")?,
            category: m.required("category")?,
            summary: m.required("summary")?,
            thumbnail: m.optional("thumbnail")?,
        })
    }
}

impl FromJson for ListPage {
    fn from_json(value: Value) -> Result<Self> {
        let mut m = Members::of(value)?;
        Ok(ListPage {
            page: m.required("page")?,
            pages: m.required("pages")?,
            total: m.required("total")?,
            category: m.optional("category")?,
            items: m.required("items")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(variants: bool) -> Image {
        Image {
            src: "content/anh/ab12-960.jpg".into(),
            width: 960,
            height: 640,
            alt: "Ảnh \"đẹp\" <b>".into(),
            variants: variants.then(|| ImageVariants {
                key: "ab12".into(),
                widths: vec![480, 960],
            }),
        }
    }

    fn category() -> Category {
        Category {
            slug: "tin-hoat-dong".into(),
            name: "Tin hoạt động".into(),
        }
    }

    fn article() -> Article {
        Article {
            slug: "co-do".into(),
            title: "Làm việc với UBND huyện Cờ Đỏ\u{a0}– “2023”".into(),
            published_at: "2023-08-13T15:11:00+07:00".into(),
            category: category(),
            summary: "Tóm tắt\ncó dòng mới\tvà tab \\ gạch".into(),
            body: vec![
                Block::Paragraph {
                    text: "Đoạn </script> một 😀".into(),
                },
                Block::Heading {
                    text: "Tiêu đề".into(),
                },
                Block::Figure {
                    image: image(true),
                    caption: "Chú thích".into(),
                },
                Block::Figure {
                    image: image(false),
                    caption: String::new(),
                },
            ],
            signature: Some("Văn Bảy".into()),
            related: vec![ArticleCard {
                slug: "khac".into(),
                title: "Khác".into(),
                published_at: "2023-08-12T08:00:00+07:00".into(),
                category: category(),
                summary: String::new(),
                thumbnail: None,
            }],
        }
    }

    /// What the build writes, read back by the app.
    fn round_trip<T>(value: &T)
    where
        T: serde::Serialize + FromJson + PartialEq + std::fmt::Debug,
    {
        let compact = serde_json::to_string(value).unwrap();
        assert_eq!(&from_str::<T>(&compact).unwrap(), value, "{compact}");
        let pretty = serde_json::to_string_pretty(value).unwrap();
        assert_eq!(&from_str::<T>(&pretty).unwrap(), value);
        // As embedded in a static page.
        let embedded = crate::meta::script_json(&compact);
        assert_eq!(&from_str::<T>(&embedded).unwrap(), value);
    }

    #[test]
    fn reads_what_serde_json_writes() {
        round_trip(&article());
        round_trip(&Article {
            signature: None,
            related: Vec::new(),
            ..article()
        });
        round_trip(&ListPage {
            page: 2,
            pages: 3,
            total: 25,
            category: Some(category()),
            items: vec![article().card(), article().card()],
        });
        round_trip(&ListPage {
            page: 1,
            pages: 1,
            total: 0,
            category: None,
            items: Vec::new(),
        });
        round_trip(&vec![0u32, 7, 4_000_000_000]);
        round_trip(&vec![(
            "co-do".to_owned(),
            "Cờ Đỏ".to_owned(),
            "2023-08-13T15:11:00+07:00".to_owned(),
            "Tin".to_owned(),
        )]);
    }

    #[test]
    fn reads_the_seed_site() {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/content/site.json"),
        )
        .unwrap();
        let expected: Site = serde_json::from_str(&text).unwrap();
        assert_eq!(from_str::<Site>(&text).unwrap(), expected);
        round_trip(&expected);
    }

    #[test]
    fn missing_members_read_as_defaults_only_where_serde_allows() {
        let card = r#"{"slug":"a","title":"T","published_at":"x","category":{"slug":"c","name":"C"},"summary":""}"#;
        assert_eq!(from_str::<ArticleCard>(card).unwrap().thumbnail, None);
        let no_title =
            r#"{"slug":"a","published_at":"x","category":{"slug":"c","name":"C"},"summary":""}"#;
        assert_eq!(from_str::<ArticleCard>(no_title), Err(Malformed));
    }

    #[test]
    fn escapes_decode() {
        assert_eq!(
            parse(r#""a\"\\\/\b\f\n\r\t\u00e9\u1EDD\ud83d\ude00""#),
            Ok(Value::String("a\"\\/\u{8}\u{c}\n\r\té\u{1edd}😀".into()))
        );
    }

    #[test]
    fn broken_text_is_malformed() {
        for text in [
            "",
            "{",
            "[1,]",
            "[1 2]",
            "{\"a\" 1}",
            "{\"a\":1,}",
            "{a:1}",
            "\"unterminated",
            "\"raw\nnewline\"",
            "\"\\x\"",
            "\"\\ud83d\"",
            "\"\\ude00\"",
            "01",
            "1.5",
            "1e3",
            "-",
            "tru",
            "nul",
            "[] []",
            "<!doctype html>",
        ] {
            assert_eq!(parse(text), Err(Malformed), "{text:?}");
        }
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert_eq!(parse(&deep), Err(Malformed));
    }

    #[test]
    fn shapes_are_checked() {
        assert_eq!(from_str::<u32>("-1"), Err(Malformed));
        assert_eq!(from_str::<u32>("\"1\""), Err(Malformed));
        assert_eq!(from_str::<String>("null"), Err(Malformed));
        assert_eq!(from_str::<Option<String>>("null"), Ok(None));
        assert_eq!(
            from_str::<Block>(r#"{"paragraph":{"text":"a"},"heading":{"text":"b"}}"#),
            Err(Malformed)
        );
        assert_eq!(
            from_str::<Block>(r#"{"video":{"src":"a"}}"#),
            Err(Malformed)
        );
        assert_eq!(
            from_str::<Block>(r#"{"type":"paragraph","text":"a"}"#),
            Err(Malformed)
        );
    }
}
