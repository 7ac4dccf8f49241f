use leptos::prelude::*;

/// A table of plain-text cells. On a narrow phone it scrolls sideways inside its own frame,
/// which the keyboard can reach and a screen reader announces by the table's caption, while the
/// page itself never scrolls sideways.
#[component]
pub fn DataTable(
    caption: Option<String>,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
) -> impl IntoView {
    let name = caption.clone().unwrap_or_else(|| "Bảng".to_owned());
    let caption =
        caption.map(|text| view! { <caption class="data-table__caption">{text}</caption> });
    let header = header
        .into_iter()
        .map(|cell| view! { <th scope="col">{cell}</th> })
        .collect_view();
    let rows = rows
        .into_iter()
        .map(|row| {
            let cells = row
                .into_iter()
                .map(|cell| view! { <td>{cell}</td> })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="data-table" role="region" aria-label=name tabindex="0">
            <table class="data-table__table">
                {caption}
                <thead>
                    <tr>{header}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
