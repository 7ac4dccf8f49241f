//! The checklist `site-build check` ends with: what Decree 224/2026/NĐ-CP (Art. 9) and the law
//! on access to information ask a department's portal to publish, and whether the bundle has
//! it. A missing item is reported, not a failure: the department fills them in over time.

use super::source::Bundle;
use crate::content::tasks::TaskStatus;

/// One item: what the decree asks, and what the bundle has of it (`None`: not yet).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChecklistItem {
    pub what: &'static str,
    pub has: Option<String>,
}

pub fn checklist(bundle: &Bundle) -> Vec<ChecklistItem> {
    let count = |n: usize, unit: &str| (n > 0).then(|| format!("{n} {unit}"));
    let english = match (&bundle.site.name_en, bundle.english_pages.len()) {
        (Some(_), pages) if pages > 0 => Some(format!("tên tiếng Anh và {pages} trang")),
        _ => None,
    };
    let accepted = bundle
        .tasks
        .iter()
        .filter(|t| t.status == TaskStatus::Accepted)
        .count();
    let tasks = count(bundle.tasks.len(), "nhiệm vụ")
        .map(|tasks| format!("{tasks}, {accepted} đã nghiệm thu"));
    let organisation = bundle.organisation.as_ref().map(|org| {
        let mut has = vec!["chức năng, lịch sử".to_owned()];
        if org.chart.is_some() {
            has.push("sơ đồ".to_owned());
        }
        has.push(format!("{} lãnh đạo", org.leaders.len()));
        if !org.units.is_empty() {
            has.push(format!("{} đơn vị", org.units.len()));
        }
        if bundle.english_organisation.is_some() {
            has.push("bản tiếng Anh".to_owned());
        }
        has.join(", ")
    });
    vec![
        ChecklistItem {
            what: "Thủ tục hành chính (Điều 9.1.a)",
            has: count(bundle.procedures.len(), "thủ tục"),
        },
        ChecklistItem {
            what: "Cơ cấu tổ chức, chức năng, nhiệm vụ, lịch sử, lãnh đạo (Điều 9.1.b)",
            has: organisation,
        },
        ChecklistItem {
            what: "Nhiệm vụ khoa học và công nghệ (Điều 9.1.d; Luật Tiếp cận thông tin, Điều 19)",
            has: tasks,
        },
        ChecklistItem {
            what: "Văn bản (Điều 9.1.d)",
            has: count(bundle.documents.len(), "văn bản"),
        },
        ChecklistItem {
            what: "Phần tiếng Anh tối thiểu (tên và trang giới thiệu)",
            has: english,
        },
    ]
}

/// The checklist as `site-build check` prints it: one line per item, ✔ or "chưa có".
pub fn lines(items: &[ChecklistItem]) -> Vec<String> {
    items
        .iter()
        .map(|item| match &item.has {
            Some(has) => format!("  ✔ {}: {has}", item.what),
            None => format!("  – {}: chưa có", item.what),
        })
        .collect()
}
