//! The organisation (`public/content/to-chuc.json`, and `en/to-chuc.json` in English; Decree
//! 224/2026 Art. 9.1.b): the department's functions, tasks and powers, its chart, its leaders
//! with their duties and short biographies, its units, and its short history.

use super::bundle::{image_path_problem, parse_blocks, parse_json, Assets, BundleError};
use super::documents::kind_slug;
use super::time::Timestamp;
use super::{text, Block, BlockSource, Image};
use serde::{Deserialize, Serialize};

/// The organisation's file in the bundle, in each language's folder.
pub const ORGANISATION_FILE: &str = "to-chuc.json";

/// The organisation as an editor writes it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationSource {
    /// Its functions, tasks and powers.
    pub functions: Vec<BlockSource>,
    /// Its short history.
    pub history: Vec<BlockSource>,
    /// A picture of the organisation chart, `images/…`.
    #[serde(default)]
    pub chart: Option<String>,
    #[serde(default)]
    pub chart_alt: Option<String>,
    pub leaders: Vec<LeaderSource>,
    #[serde(default)]
    pub units: Vec<UnitSource>,
    /// RFC 3339.
    #[serde(default)]
    pub updated_at: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeaderSource {
    pub name: String,
    pub position: String,
    /// The duties the leader holds.
    pub duties: Vec<BlockSource>,
    #[serde(default)]
    pub biography: Vec<BlockSource>,
    #[serde(default)]
    pub photo: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitSource {
    pub name: String,
    /// "Phòng chuyên môn", "Đơn vị sự nghiệp", …
    #[serde(default)]
    pub kind: Option<String>,
    /// Who heads it.
    #[serde(default)]
    pub head: Option<String>,
    #[serde(default)]
    pub functions: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
}

/// The organisation as the app shows it, in one language: `data/to-chuc/<vi or en>.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub functions: Vec<Block>,
    #[serde(default)]
    pub chart: Option<Image>,
    pub leaders: Vec<Leader>,
    #[serde(default)]
    pub units: Vec<Unit>,
    pub history: Vec<Block>,
    #[serde(default)]
    pub updated_at: Option<String>,
    /// The leaders the other language's organisation has too, by address: their pages are
    /// each other's translation. Written by the build.
    #[serde(default)]
    pub counterpart_leaders: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Leader {
    /// The address: the name without diacritics, `nguyen-van-a`.
    pub slug: String,
    pub name: String,
    pub position: String,
    pub duties: Vec<Block>,
    #[serde(default)]
    pub biography: Vec<Block>,
    #[serde(default)]
    pub photo: Option<Image>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    pub name: String,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub head: Option<String>,
    #[serde(default)]
    pub functions: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
}

impl Organisation {
    pub fn leader(&self, slug: &str) -> Option<&Leader> {
        self.leaders.iter().find(|leader| leader.slug == slug)
    }

    /// Every body of blocks it has, and every other image it shows (the chart, the leaders'
    /// photos), for the build to point at the photos' variants.
    pub fn photos_mut(&mut self) -> (Vec<&mut Vec<Block>>, Vec<&mut Image>) {
        let mut bodies = vec![&mut self.functions, &mut self.history];
        let mut images: Vec<&mut Image> = self.chart.iter_mut().collect();
        for leader in &mut self.leaders {
            bodies.push(&mut leader.duties);
            bodies.push(&mut leader.biography);
            images.extend(leader.photo.as_mut());
        }
        (bodies, images)
    }

    pub fn bodies(&self) -> impl Iterator<Item = &Vec<Block>> {
        [&self.functions, &self.history]
            .into_iter()
            .chain(self.leaders.iter().flat_map(|l| [&l.duties, &l.biography]))
    }
}

/// A leader's address: the name in lower case without diacritics, `đ` as `d`, words joined by
/// hyphens (`Trần Đông Phương An` → `tran-dong-phuong-an`).
pub fn leader_slug(name: &str) -> String {
    kind_slug(name)
}

/// Why an email address is not one: one `@`, something before it, a dotted domain after.
pub fn email_problem(email: &str) -> Option<&'static str> {
    let valid = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }
        None => false,
    } && !email.chars().any(char::is_whitespace);
    (!valid).then_some("địa chỉ thư điện tử không hợp lệ, ví dụ sokhcn@cantho.gov.vn")
}

/// A photo of the bundle (`images/…`), with its size.
fn picture(assets: &mut dyn Assets, path: &str, alt: String) -> Result<Image, String> {
    if let Some(problem) = image_path_problem(path) {
        return Err(problem.to_owned());
    }
    let (width, height) = assets.image(path)?;
    Ok(Image {
        src: format!("content/{path}"),
        width,
        height,
        alt,
        variants: None,
    })
}

/// Parses and checks the organisation's file of one language.
pub fn parse_organisation(
    file: &str,
    text_: &str,
    assets: &mut dyn Assets,
) -> Result<Organisation, Vec<BundleError>> {
    let source: OrganisationSource = parse_json(file, text_).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let mut fail =
        |field: &str, message: String| errors.push(BundleError::new(file, Some(field), message));
    let optional = |value: Option<String>| value.map(|v| text::plain(&v)).filter(|v| !v.is_empty());
    if source.functions.is_empty() {
        fail(
            "functions",
            "cần ít nhất một đoạn: chức năng, nhiệm vụ, quyền hạn".into(),
        );
    }
    if source.history.is_empty() {
        fail("history", "cần ít nhất một đoạn: lịch sử hình thành".into());
    }
    let functions = parse_blocks("functions", source.functions, assets, &mut fail);
    let history = parse_blocks("history", source.history, assets, &mut fail);
    let chart_path = optional(source.chart);
    let chart_alt = optional(source.chart_alt);
    let chart = match (&chart_path, &chart_alt) {
        (Some(path), Some(alt)) => picture(assets, path, alt.clone())
            .map_err(|problem| fail("chart", problem))
            .ok(),
        (Some(_), None) => {
            fail(
                "chart_alt",
                "cần mô tả sơ đồ tổ chức cho người không xem được ảnh".into(),
            );
            None
        }
        (None, Some(_)) => {
            fail("chart_alt", "chỉ dùng khi có ảnh sơ đồ (chart)".into());
            None
        }
        (None, None) => None,
    };
    if source.leaders.is_empty() {
        fail("leaders", "cần ít nhất một lãnh đạo".into());
    }
    let mut leaders: Vec<Leader> = Vec::new();
    for (i, leader) in source.leaders.into_iter().enumerate() {
        let at = |field: &str| format!("leaders[{i}].{field}");
        let name = text::plain(&leader.name);
        let position = text::plain(&leader.position);
        if name.is_empty() {
            fail(&at("name"), "không được để trống".into());
        }
        if position.is_empty() {
            fail(&at("position"), "không được để trống".into());
        }
        let slug = leader_slug(&name);
        if !name.is_empty() && slug.is_empty() {
            fail(&at("name"), "cần có chữ cái hoặc chữ số".into());
        }
        if let Some(first) = leaders.iter().position(|other| other.slug == slug) {
            fail(
                &at("name"),
                format!("trùng địa chỉ /{slug}/ với leaders[{first}]: mỗi lãnh đạo một tên riêng"),
            );
        }
        if leader.duties.is_empty() {
            fail(
                &at("duties"),
                "cần ít nhất một đoạn: nhiệm vụ được phân công".into(),
            );
        }
        let duties = parse_blocks(&at("duties"), leader.duties, assets, &mut fail);
        let biography = parse_blocks(&at("biography"), leader.biography, assets, &mut fail);
        let photo = optional(leader.photo).and_then(|path| {
            picture(assets, &path, name.clone())
                .map_err(|problem| fail(&at("photo"), problem))
                .ok()
        });
        let email = optional(leader.email);
        if let Some(problem) = email.as_deref().and_then(email_problem) {
            fail(&at("email"), problem.into());
        }
        leaders.push(Leader {
            slug,
            name,
            position,
            duties,
            biography,
            photo,
            phone: optional(leader.phone),
            email,
        });
    }
    let mut units = Vec::new();
    for (i, unit) in source.units.into_iter().enumerate() {
        let name = text::plain(&unit.name);
        if name.is_empty() {
            fail(&format!("units[{i}].name"), "không được để trống".into());
        }
        let email = optional(unit.email);
        if let Some(problem) = email.as_deref().and_then(email_problem) {
            fail(&format!("units[{i}].email"), problem.into());
        }
        units.push(Unit {
            name,
            kind: optional(unit.kind),
            head: optional(unit.head),
            functions: optional(unit.functions),
            phone: optional(unit.phone),
            email,
            address: optional(unit.address),
        });
    }
    // Left empty on the editing screen, it is saved as "": no date.
    let updated_at = optional(source.updated_at);
    if let Some(Err(problem)) = updated_at.as_deref().map(Timestamp::parse) {
        fail("updated_at", problem.to_string());
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Organisation {
        functions,
        chart,
        leaders,
        units,
        history,
        updated_at,
        counterpart_leaders: Vec::new(),
    })
}

/// Links the two languages' organisations: each lists the leaders the other has too.
pub fn link_counterparts(
    vietnamese: &mut Option<Organisation>,
    english: &mut Option<Organisation>,
) {
    let slugs = |org: &Option<Organisation>| -> Vec<String> {
        org.iter()
            .flat_map(|o| o.leaders.iter().map(|l| l.slug.clone()))
            .collect()
    };
    let (in_vietnamese, in_english) = (slugs(vietnamese), slugs(english));
    if let Some(org) = vietnamese {
        org.counterpart_leaders = in_vietnamese
            .iter()
            .filter(|s| in_english.contains(s))
            .cloned()
            .collect();
    }
    if let Some(org) = english {
        org.counterpart_leaders = in_english
            .iter()
            .filter(|s| in_vietnamese.contains(s))
            .cloned()
            .collect();
    }
}
