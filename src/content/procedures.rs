//! Administrative procedures (`public/content/thu-tuc/<slug>.json`; Decree 224/2026 Art.
//! 9.1.a): each with its code in the national database of procedures, its field, the level
//! that handles it and how it can be filed, then its steps, papers and forms; listed by field.

use super::bundle::{self, file_slug_error, parse_body, parse_json, Assets, BundleError};
use super::documents::kind_slug;
use super::{text, Block, BlockSource, Domain};
use serde::{Deserialize, Serialize};

/// The slugs a procedure may not take: the listing's own addresses.
pub const RESERVED_PROCEDURE_SLUGS: [&str; 1] = ["linh-vuc"];

/// A procedure as an editor writes it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureSource {
    /// Its code in the national database: `1.004491`.
    pub code: String,
    pub title: String,
    /// Its domain (lĩnh vực): "Hoạt động khoa học và công nghệ".
    pub field: String,
    /// The level that handles it: "Cấp tỉnh".
    pub level: String,
    /// `toan-trinh`, `mot-phan` or `truc-tiep`.
    pub online: String,
    #[serde(default)]
    pub processing_time: Option<String>,
    #[serde(default)]
    pub fee: Option<String>,
    /// Where it is filed online: the national or the city's public-service portal.
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub body: Vec<BlockSource>,
}

/// How a procedure can be filed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Filing {
    /// Fully online ("dịch vụ công trực tuyến toàn trình").
    #[serde(rename = "toan-trinh")]
    FullyOnline,
    /// Partly online ("một phần").
    #[serde(rename = "mot-phan")]
    PartlyOnline,
    /// In person only.
    #[serde(rename = "truc-tiep")]
    InPerson,
}

impl Filing {
    pub const ALL: [Filing; 3] = [Filing::FullyOnline, Filing::PartlyOnline, Filing::InPerson];

    /// As written in the bundle.
    pub fn code(self) -> &'static str {
        match self {
            Filing::FullyOnline => "toan-trinh",
            Filing::PartlyOnline => "mot-phan",
            Filing::InPerson => "truc-tiep",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Filing::FullyOnline => "Trực tuyến toàn trình",
            Filing::PartlyOnline => "Trực tuyến một phần",
            Filing::InPerson => "Nộp trực tiếp",
        }
    }

    pub fn is_online(self) -> bool {
        self != Filing::InPerson
    }
}

/// A procedure as the app shows it, written to `data/thu-tuc/<slug>.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Procedure {
    pub slug: String,
    pub code: String,
    pub title: String,
    pub field: Domain,
    pub level: String,
    pub filing: Filing,
    #[serde(default)]
    pub processing_time: Option<String>,
    #[serde(default)]
    pub fee: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub body: Vec<Block>,
}

/// One procedure in the listing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcedureCard {
    pub slug: String,
    pub code: String,
    pub title: String,
    pub filing: Filing,
}

/// The procedures of one field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcedureGroup {
    pub field: Domain,
    pub items: Vec<ProcedureCard>,
}

/// The listing, all fields or one: `data/thu-tuc/danh-sach/<field or tat-ca>.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcedureList {
    pub field: Option<Domain>,
    pub total: usize,
    pub groups: Vec<ProcedureGroup>,
    /// The filter's choices: every field, with how many procedures it has.
    pub fields: Vec<(Domain, usize)>,
}

impl Procedure {
    pub fn card(&self) -> ProcedureCard {
        ProcedureCard {
            slug: self.slug.clone(),
            code: self.code.clone(),
            title: self.title.clone(),
            filing: self.filing,
        }
    }
}

/// Why a procedure's code is not one: digits in groups joined by dots, `1.004491`.
pub fn code_problem(code: &str) -> Option<&'static str> {
    let groups_are_digits = code
        .split('.')
        .all(|group| !group.is_empty() && group.bytes().all(|b| b.is_ascii_digit()));
    (!groups_are_digits || !code.contains('.'))
        .then_some("mã thủ tục gồm các nhóm chữ số nối bằng dấu chấm, như trên Cổng Dịch vụ công quốc gia, ví dụ 1.004491")
}

/// Why an address to file online is not one: an absolute `https://` address with a host.
pub fn filing_url_problem(url: &str) -> Option<&'static str> {
    let host = url
        .strip_prefix("https://")
        .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or_default());
    let valid = host.is_some_and(|host| !host.is_empty() && host.contains('.'))
        && !url.chars().any(char::is_whitespace);
    (!valid).then_some(
        "cần địa chỉ https:// đầy đủ của thủ tục trên Cổng Dịch vụ công quốc gia hoặc của thành phố",
    )
}

/// Parses and checks one procedure file. The code's uniqueness is checked over the bundle
/// ([`duplicate_codes`]).
pub fn parse_procedure(
    file: &str,
    slug: &str,
    text_: &str,
    assets: &mut dyn Assets,
) -> Result<Procedure, Vec<BundleError>> {
    let source: ProcedureSource = parse_json(file, text_).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    errors.extend(file_slug_error(file, slug, &RESERVED_PROCEDURE_SLUGS));
    let mut fail =
        |field: &str, message: String| errors.push(BundleError::new(file, Some(field), message));
    for (field, value) in [
        ("code", &source.code),
        ("title", &source.title),
        ("field", &source.field),
        ("level", &source.level),
    ] {
        if text::plain(value).is_empty() {
            fail(field, "không được để trống".into());
        }
    }
    let code = source.code.trim().to_owned();
    if let Some(problem) = (!code.is_empty()).then(|| code_problem(&code)).flatten() {
        fail("code", problem.into());
    }
    if !source.field.trim().is_empty() && kind_slug(&source.field).is_empty() {
        fail("field", "cần có chữ cái hoặc chữ số".into());
    }
    let filing = Filing::ALL
        .into_iter()
        .find(|filing| filing.code() == source.online.trim());
    if filing.is_none() {
        fail(
            "online",
            format!(
                "\"{}\" không phải cách nộp nào: toan-trinh (trực tuyến toàn trình), mot-phan (trực tuyến một phần) hoặc truc-tiep (nộp trực tiếp)",
                source.online
            ),
        );
    }
    let url = source
        .url
        .map(|u| u.trim().to_owned())
        .filter(|u| !u.is_empty());
    match (filing, &url) {
        (Some(filing), None) if filing.is_online() => fail(
            "url",
            "thủ tục nộp trực tuyến cần địa chỉ nộp hồ sơ (https://…)".into(),
        ),
        (Some(Filing::InPerson), Some(_)) => fail(
            "url",
            "chỉ dùng cho thủ tục nộp trực tuyến (toan-trinh, mot-phan)".into(),
        ),
        (_, Some(url)) => {
            if let Some(problem) = filing_url_problem(url) {
                fail("url", problem.into());
            }
        }
        _ => {}
    }
    // Its steps, papers and forms: text, tables and downloads; a photo has no place there.
    for (i, block) in source.body.iter().enumerate() {
        if matches!(block, BlockSource::Figure { .. }) {
            fail(
                &format!("body[{i}]"),
                "thủ tục không có ảnh: dùng đoạn văn, tiêu đề, bảng hoặc tệp".into(),
            );
        }
    }
    let blocks = source
        .body
        .into_iter()
        .filter(|block| !matches!(block, BlockSource::Figure { .. }))
        .collect();
    let body = parse_body(blocks, assets, &mut fail);
    if !errors.is_empty() {
        return Err(errors);
    }
    let optional = |value: Option<String>| value.map(|v| text::plain(&v)).filter(|v| !v.is_empty());
    Ok(Procedure {
        slug: slug.to_owned(),
        code,
        title: text::plain(&source.title),
        field: Domain::named(&source.field),
        level: text::plain(&source.level),
        filing: filing.expect("checked above"),
        processing_time: optional(source.processing_time),
        fee: optional(source.fee),
        url,
        body,
    })
}

/// The procedures by field (in the order of the fields' names without diacritics, which name
/// their addresses), each field's by code.
pub fn sort_procedures(procedures: &mut [Procedure]) {
    procedures.sort_by(|a, b| {
        a.field
            .slug
            .cmp(&b.field.slug)
            .then_with(|| a.code.cmp(&b.code))
    });
}

/// Every code given to more than one thủ tục, reported on each later file.
pub fn duplicate_codes(procedures: &[(String, Procedure)]) -> Vec<BundleError> {
    bundle::duplicate_codes(procedures, |item| item.code.as_str(), "thủ tục")
}

/// The listing of every procedure, then one for each field. `procedures` is sorted
/// ([`sort_procedures`]); a bundle without procedures has no listing.
pub fn procedure_lists(procedures: &[Procedure]) -> Vec<ProcedureList> {
    if procedures.is_empty() {
        return Vec::new();
    }
    let mut groups: Vec<ProcedureGroup> = Vec::new();
    for procedure in procedures {
        match groups.last_mut() {
            Some(group) if group.field.slug == procedure.field.slug => {
                group.items.push(procedure.card())
            }
            _ => groups.push(ProcedureGroup {
                field: procedure.field.clone(),
                items: vec![procedure.card()],
            }),
        }
    }
    let fields: Vec<(Domain, usize)> = groups
        .iter()
        .map(|group| (group.field.clone(), group.items.len()))
        .collect();
    let all = ProcedureList {
        field: None,
        total: procedures.len(),
        groups: groups.clone(),
        fields: fields.clone(),
    };
    let each = groups.into_iter().map(|group| ProcedureList {
        field: Some(group.field.clone()),
        total: group.items.len(),
        groups: vec![group],
        fields: fields.clone(),
    });
    std::iter::once(all).chain(each).collect()
}
