//! Science and technology tasks (`public/content/nhiem-vu/<slug>.json`): the research topics,
//! projects and programmes the department manages, which the law on access to information
//! (104/2016, Art. 19) and Decree 224/2026 Art. 9.1.d have it publish with their results. Listed
//! newest start first, filtered by status, by field and by start year, alone or combined.

use super::bundle::{self, file_slug_error, parse_blocks, parse_json, Assets, BundleError};
use super::documents::{date_problem, kind_slug};
use super::{text, Block, BlockSource, Domain};
use serde::{Deserialize, Serialize};

/// The listing's heading; the menu says it shorter ("Nhiệm vụ KH&CN").
pub const TASKS_HEADING: &str = "Nhiệm vụ khoa học và công nghệ";

/// Tasks per listing page.
pub const TASKS_PAGE_SIZE: usize = 20;

/// The slugs a task may not take: the listing's own addresses.
pub const RESERVED_TASK_SLUGS: [&str; 4] = ["trang-thai", "linh-vuc", "nam", "trang"];

/// The kinds of task the law names.
pub const TASK_KINDS: [&str; 4] = ["Đề tài", "Dự án", "Đề án", "Chương trình"];

/// A task as an editor writes it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskSource {
    /// `ĐT.2023.05`.
    pub code: String,
    pub title: String,
    /// One of [`TASK_KINDS`].
    pub kind: String,
    /// The level that manages it: "Cấp thành phố".
    pub level: String,
    pub field: String,
    /// The organisation in charge ("tổ chức chủ trì").
    pub organisation: String,
    /// The principal investigator ("chủ nhiệm").
    pub lead: String,
    /// `YYYY-MM`.
    pub start: String,
    /// `YYYY-MM`, not before `start`.
    pub end: String,
    /// In đồng.
    #[serde(default, deserialize_with = "whole_dong")]
    pub budget: Option<u64>,
    /// `dang-thuc-hien` or `da-nghiem-thu`.
    pub status: String,
    /// `YYYY-MM-DD`: required once accepted, refused before.
    #[serde(default)]
    pub accepted_on: Option<String>,
    /// Its aims and content.
    pub summary: Vec<BlockSource>,
    /// Its results, once accepted, with the reports as `file` blocks.
    #[serde(default)]
    pub results: Vec<BlockSource>,
}

/// A sum in đồng: a whole number, or nothing (left out, `null`, or the empty text the editing
/// screen saves for an empty number).
fn whole_dong<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<u64>, D::Error> {
    use serde::de::Error;
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::String(text) if text.trim().is_empty() => Ok(None),
        serde_json::Value::Number(n) if n.as_u64().is_some() => Ok(n.as_u64()),
        _ => Err(D::Error::custom(
            "kinh phí là số nguyên đồng, không có dấu chấm hay chữ, ví dụ 1250000000",
        )),
    }
}

/// Where a task stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TaskStatus {
    #[serde(rename = "dang-thuc-hien")]
    InProgress,
    /// Accepted ("nghiệm thu"): finished, with its results.
    #[serde(rename = "da-nghiem-thu")]
    Accepted,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 2] = [TaskStatus::InProgress, TaskStatus::Accepted];

    /// As written in the bundle and in the filter's address.
    pub fn code(self) -> &'static str {
        match self {
            TaskStatus::InProgress => "dang-thuc-hien",
            TaskStatus::Accepted => "da-nghiem-thu",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TaskStatus::InProgress => "Đang thực hiện",
            TaskStatus::Accepted => "Đã nghiệm thu",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.code() == code)
    }
}

/// A task as the app shows it, written to `data/nhiem-vu/<slug>.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub slug: String,
    pub code: String,
    pub title: String,
    pub kind: String,
    pub level: String,
    pub field: Domain,
    pub organisation: String,
    pub lead: String,
    pub start: String,
    pub end: String,
    #[serde(default)]
    pub budget: Option<u64>,
    pub status: TaskStatus,
    #[serde(default)]
    pub accepted_on: Option<String>,
    pub summary: Vec<Block>,
    #[serde(default)]
    pub results: Vec<Block>,
}

/// One task in the listing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskCard {
    pub slug: String,
    pub code: String,
    pub title: String,
    pub kind: String,
    pub status: TaskStatus,
    pub start: String,
    pub end: String,
    pub organisation: String,
}

/// The listing's filters: each chosen or not.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskFilter {
    pub status: Option<TaskStatus>,
    /// The field's slug.
    pub field: Option<String>,
    pub year: Option<u16>,
}

impl TaskFilter {
    /// The address below `/nhiem-vu/`, in this order and each only when chosen:
    /// `trang-thai/<status>/linh-vuc/<field>/nam/<year>/trang/<page>/`.
    pub fn segments(&self, page: usize) -> String {
        let mut path = String::new();
        if let Some(status) = self.status {
            path.push_str(&format!("trang-thai/{}/", status.code()));
        }
        if let Some(field) = &self.field {
            path.push_str(&format!("linh-vuc/{field}/"));
        }
        if let Some(year) = self.year {
            path.push_str(&format!("nam/{year}/"));
        }
        if page > 1 {
            path.push_str(&format!("trang/{page}/"));
        }
        path
    }

    /// Reads [`Self::segments`] back, and nothing else: any other address is no listing.
    pub fn parse(segments: &str) -> Option<(TaskFilter, usize)> {
        let parts: Vec<&str> = segments.split('/').filter(|s| !s.is_empty()).collect();
        let mut filter = TaskFilter::default();
        let mut page = 1;
        let mut rest = parts.as_slice();
        let mut take = |name: &str| match rest {
            [key, value, tail @ ..] if *key == name => {
                rest = tail;
                Some(*value)
            }
            _ => None,
        };
        if let Some(status) = take("trang-thai") {
            filter.status = Some(TaskStatus::from_code(status)?);
        }
        if let Some(field) = take("linh-vuc") {
            super::bundle::slug_problem(field).is_none().then_some(())?;
            filter.field = Some(field.to_owned());
        }
        if let Some(year) = take("nam") {
            let parsed: u16 = year.parse().ok()?;
            (year.len() == 4 && parsed >= 1900).then_some(())?;
            filter.year = Some(parsed);
        }
        if let Some(n) = take("trang") {
            let parsed: usize = n.parse().ok()?;
            // Page 1 has no `trang/` of its own, and `trang/02/` is not an address we write.
            (parsed >= 2 && parsed.to_string() == n).then_some(())?;
            page = parsed;
        }
        rest.is_empty().then_some((filter, page))
    }

    pub fn matches(&self, task: &Task) -> bool {
        self.status.is_none_or(|s| s == task.status)
            && self.field.as_ref().is_none_or(|f| *f == task.field.slug)
            && self.year.is_none_or(|y| y == task.year())
    }
}

/// One page of the listing: `data/nhiem-vu/danh-sach/<status>/<field>/<year>/<page>.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskList {
    pub filter: TaskFilter,
    /// The chosen field's name.
    pub field_name: Option<String>,
    pub page: usize,
    pub pages: usize,
    pub total: usize,
    pub items: Vec<TaskCard>,
    /// Each filter's choices that find tasks with the other two filters as chosen.
    pub statuses: Vec<TaskStatus>,
    pub fields: Vec<Domain>,
    pub years: Vec<u16>,
}

impl Task {
    /// The year it started.
    pub fn year(&self) -> u16 {
        self.start[..4].parse().unwrap_or_default()
    }

    pub fn card(&self) -> TaskCard {
        TaskCard {
            slug: self.slug.clone(),
            code: self.code.clone(),
            title: self.title.clone(),
            kind: self.kind.clone(),
            status: self.status,
            start: self.start.clone(),
            end: self.end.clone(),
            organisation: self.organisation.clone(),
        }
    }
}

/// `2023-05` as readers write it: `05/2023`.
pub fn display_month(month: &str) -> String {
    match month.split_once('-') {
        Some((year, month)) => format!("{month}/{year}"),
        None => month.to_owned(),
    }
}

/// The time a task runs: `01/2023 – 12/2024`.
pub fn display_period(start: &str, end: &str) -> String {
    format!("{} – {}", display_month(start), display_month(end))
}

/// A sum in đồng as Vietnamese write it: `1.250.000.000 đồng`.
pub fn display_dong(amount: u64) -> String {
    let digits = amount.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 5);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    grouped.push_str(" đồng");
    grouped
}

/// Why a `YYYY-MM` month is not one, if it is not.
pub fn month_problem(month: &str) -> Option<String> {
    let valid = month.len() == 7
        && month.as_bytes()[4] == b'-'
        && month[..4].parse::<u16>().is_ok_and(|y| y >= 1900)
        && month[5..]
            .parse::<u8>()
            .is_ok_and(|m| (1..=12).contains(&m))
        && month
            .bytes()
            .enumerate()
            .all(|(i, b)| i == 4 || b.is_ascii_digit());
    (!valid).then(|| format!("tháng \"{month}\" không hợp lệ: cần dạng NĂM-THÁNG, ví dụ 2023-05"))
}

/// Parses and checks one task file. The code's uniqueness is checked over the bundle
/// ([`duplicate_codes`]).
pub fn parse_task(
    file: &str,
    slug: &str,
    text_: &str,
    assets: &mut dyn Assets,
) -> Result<Task, Vec<BundleError>> {
    let source: TaskSource = parse_json(file, text_).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    errors.extend(file_slug_error(file, slug, &RESERVED_TASK_SLUGS));
    let mut fail =
        |field: &str, message: String| errors.push(BundleError::new(file, Some(field), message));
    for (field, value) in [
        ("code", &source.code),
        ("title", &source.title),
        ("kind", &source.kind),
        ("level", &source.level),
        ("field", &source.field),
        ("organisation", &source.organisation),
        ("lead", &source.lead),
    ] {
        if text::plain(value).is_empty() {
            fail(field, "không được để trống".into());
        }
    }
    let code = text::plain(&source.code);
    if code.chars().any(char::is_whitespace) {
        fail(
            "code",
            "mã nhiệm vụ không có khoảng trắng, ví dụ ĐT.2023.05".into(),
        );
    }
    let kind = text::plain(&source.kind);
    if !kind.is_empty() && !TASK_KINDS.contains(&kind.as_str()) {
        fail(
            "kind",
            format!(
                "\"{kind}\" không phải loại nhiệm vụ nào: {}",
                TASK_KINDS.join(", ")
            ),
        );
    }
    if !source.field.trim().is_empty() && kind_slug(&source.field).is_empty() {
        fail("field", "cần có chữ cái hoặc chữ số".into());
    }
    let start = source.start.trim().to_owned();
    let end = source.end.trim().to_owned();
    let start_problem = month_problem(&start);
    let end_problem = month_problem(&end);
    let months_valid = start_problem.is_none() && end_problem.is_none();
    if let Some(problem) = start_problem {
        fail("start", problem);
    }
    if let Some(problem) = end_problem {
        fail("end", problem);
    }
    if months_valid && end < start {
        fail(
            "end",
            format!("tháng kết thúc {end} trước tháng bắt đầu {start}"),
        );
    }
    let status = TaskStatus::from_code(source.status.trim());
    if status.is_none() {
        fail(
            "status",
            format!(
                "\"{}\" không phải tình trạng nào: dang-thuc-hien (đang thực hiện) hoặc da-nghiem-thu (đã nghiệm thu)",
                source.status
            ),
        );
    }
    let accepted_on = source
        .accepted_on
        .map(|d| d.trim().to_owned())
        .filter(|d| !d.is_empty());
    match (status, &accepted_on) {
        (Some(TaskStatus::Accepted), None) => fail(
            "accepted_on",
            "nhiệm vụ đã nghiệm thu cần ngày nghiệm thu (NĂM-THÁNG-NGÀY)".into(),
        ),
        (Some(TaskStatus::InProgress), Some(_)) => fail(
            "accepted_on",
            "chỉ dùng khi nhiệm vụ đã nghiệm thu (status da-nghiem-thu)".into(),
        ),
        (_, Some(date)) => {
            if let Some(problem) = date_problem(date) {
                fail("accepted_on", problem);
            }
        }
        _ => {}
    }
    if source.summary.is_empty() {
        fail(
            "summary",
            "cần ít nhất một đoạn: mục tiêu và nội dung".into(),
        );
    }
    if status == Some(TaskStatus::InProgress) && !source.results.is_empty() {
        fail(
            "results",
            "chỉ đăng kết quả khi nhiệm vụ đã nghiệm thu (status da-nghiem-thu)".into(),
        );
    }
    let summary = parse_blocks("summary", source.summary, assets, &mut fail);
    let results = parse_blocks("results", source.results, assets, &mut fail);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Task {
        slug: slug.to_owned(),
        code,
        title: text::plain(&source.title),
        kind,
        level: text::plain(&source.level),
        field: Domain::named(&source.field),
        organisation: text::plain(&source.organisation),
        lead: text::plain(&source.lead),
        start,
        end,
        budget: source.budget,
        status: status.expect("checked above"),
        accepted_on,
        summary,
        results,
    })
}

/// Newest start first; then by code.
pub fn sort_tasks(tasks: &mut [Task]) {
    tasks.sort_by(|a, b| b.start.cmp(&a.start).then_with(|| a.code.cmp(&b.code)));
}

/// Every code given to more than one nhiệm vụ, reported on each later file.
pub fn duplicate_codes(tasks: &[(String, Task)]) -> Vec<BundleError> {
    bundle::duplicate_codes(tasks, |item| item.code.as_str(), "nhiệm vụ")
}

/// Every listing page: each combination of status, field and year that finds tasks (and the
/// unfiltered one), cut in pages of [`TASKS_PAGE_SIZE`]. `tasks` is sorted newest first; a
/// bundle without tasks has no listing.
pub fn task_lists(tasks: &[Task]) -> Vec<TaskList> {
    if tasks.is_empty() {
        return Vec::new();
    }
    let mut statuses: Vec<TaskStatus> = tasks.iter().map(|t| t.status).collect();
    statuses.sort_unstable();
    statuses.dedup();
    let mut fields: Vec<Domain> = tasks.iter().map(|t| t.field.clone()).collect();
    fields.sort_by(|a, b| a.slug.cmp(&b.slug));
    fields.dedup_by(|a, b| a.slug == b.slug);
    let mut years: Vec<u16> = tasks.iter().map(Task::year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let mut lists = Vec::new();
    for status in std::iter::once(None).chain(statuses.iter().copied().map(Some)) {
        for field in std::iter::once(None).chain(fields.iter().map(|f| Some(f.slug.clone()))) {
            for year in std::iter::once(None).chain(years.iter().copied().map(Some)) {
                let filter = TaskFilter {
                    status,
                    field: field.clone(),
                    year,
                };
                let items: Vec<TaskCard> = tasks
                    .iter()
                    .filter(|t| filter.matches(t))
                    .map(Task::card)
                    .collect();
                // A combination no task has gets no page; the filters never link to it.
                if items.is_empty() && filter != TaskFilter::default() {
                    continue;
                }
                // Each filter's choices, the other two as chosen.
                let finds = |other: TaskFilter| tasks.iter().any(|t| other.matches(t));
                let statuses_here: Vec<TaskStatus> = statuses
                    .iter()
                    .copied()
                    .filter(|&s| {
                        finds(TaskFilter {
                            status: Some(s),
                            ..filter.clone()
                        })
                    })
                    .collect();
                let fields_here: Vec<Domain> = fields
                    .iter()
                    .filter(|f| {
                        finds(TaskFilter {
                            field: Some(f.slug.clone()),
                            ..filter.clone()
                        })
                    })
                    .cloned()
                    .collect();
                let years_here: Vec<u16> = years
                    .iter()
                    .copied()
                    .filter(|&y| {
                        finds(TaskFilter {
                            year: Some(y),
                            ..filter.clone()
                        })
                    })
                    .collect();
                let field_name = field
                    .as_ref()
                    .and_then(|slug| fields.iter().find(|f| &f.slug == slug))
                    .map(|f| f.name.clone());
                let pages = items.len().div_ceil(TASKS_PAGE_SIZE).max(1);
                for page in 1..=pages {
                    lists.push(TaskList {
                        filter: filter.clone(),
                        field_name: field_name.clone(),
                        page,
                        pages,
                        total: items.len(),
                        items: items
                            .iter()
                            .skip((page - 1) * TASKS_PAGE_SIZE)
                            .take(TASKS_PAGE_SIZE)
                            .cloned()
                            .collect(),
                        statuses: Vec::clone(&statuses_here),
                        fields: Vec::clone(&fields_here),
                        years: Vec::clone(&years_here),
                    });
                }
            }
        }
    }
    lists
}
