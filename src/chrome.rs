//! Every word of the site's own frame (skip link, menu, breadcrumb, footer labels, notices,
//! error messages, the announcement of a new page) in each of its languages: Vietnamese
//! everywhere, English on the English section's pages below `/en/`.

use crate::api::FetchError;
use crate::content::Lang;
use crate::paths::Paths;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

pub struct Chrome {
    pub skip_link: &'static str,
    pub nav_label: &'static str,
    pub home: &'static str,
    pub breadcrumb_label: &'static str,
    pub dark_theme: &'static str,
    /// The link to the other language's section, in that language.
    pub other_language: &'static str,
    pub address: &'static str,
    pub phone: &'static str,
    pub fax: &'static str,
    pub email: &'static str,
    pub editor_in_chief: &'static str,
    pub note: &'static str,
    pub feed: &'static str,
    pub updated: &'static str,
    pub loading: &'static str,
    pub load_error_title: &'static str,
    pub try_again: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub back_home: &'static str,
    /// The section of documents, in the menu and the breadcrumb.
    pub documents: &'static str,
    /// The section of administrative procedures, in the menu and the breadcrumb.
    pub procedures: &'static str,
    /// The section of science and technology tasks, in the menu and the breadcrumb.
    pub tasks: &'static str,
    /// The organisation, in the menu.
    pub organisation: &'static str,
    /// Said after a photo's link, which opens it large.
    pub view_larger: &'static str,
    /// The photo viewer: its name, and its buttons' (close, previous, next).
    pub viewer: [&'static str; 4],
    /// Said by the live region after a move within the app, before the page's heading.
    pub page_shown: &'static str,
    /// The header's search field: its label, its placeholder, its button.
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub search_button: &'static str,
    /// A listing's pages: the navigation's name, the word before a page's number, previous and
    /// next.
    pub pages_label: &'static str,
    pub page_word: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    network_error: &'static str,
    not_found_error: &'static str,
    /// Around the HTTP status code.
    status_error: (&'static str, &'static str),
    malformed_error: &'static str,
}

pub const VIETNAMESE: Chrome = Chrome {
    skip_link: "Bỏ qua điều hướng",
    nav_label: "Chuyên mục",
    home: "Trang chủ",
    breadcrumb_label: "Vị trí trang",
    dark_theme: " Giao diện tối",
    other_language: "English",
    address: "Địa chỉ: ",
    phone: "Điện thoại: ",
    fax: ", Fax: ",
    email: "; Email: ",
    editor_in_chief: "Trưởng Ban biên tập: ",
    note: "Lưu ý: ",
    feed: "Tin mới qua RSS",
    updated: "Cập nhật: ",
    loading: "Đang tải nội dung…",
    load_error_title: "Không tải được nội dung",
    try_again: "Thử lại",
    not_found_title: "Không tìm thấy trang",
    not_found_text: "Trang bạn tìm không tồn tại, hoặc đã được chuyển sang địa chỉ khác.",
    back_home: "Về trang chủ",
    documents: "Văn bản",
    procedures: "Thủ tục hành chính",
    tasks: "Nhiệm vụ KH&CN",
    organisation: "Tổ chức",
    view_larger: " (xem ảnh lớn)",
    viewer: ["Ảnh trong bài viết", "Đóng ảnh", "Ảnh trước", "Ảnh sau"],
    page_shown: "Đã chuyển đến trang: ",
    search_label: "Tìm kiếm tin bài",
    search_placeholder: "Tìm tin bài…",
    search_button: "Tìm",
    pages_label: "Phân trang",
    page_word: "Trang ",
    previous_page: "‹ Trang trước",
    next_page: "Trang sau ›",
    network_error: "Không kết nối được tới máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.",
    not_found_error: "Không tìm thấy dữ liệu cần hiển thị (lỗi 404).",
    status_error: (
        "Máy chủ đang gặp sự cố (lỗi ",
        "). Vui lòng thử lại sau ít phút.",
    ),
    malformed_error: "Dữ liệu nhận được bị lỗi. Vui lòng thử lại sau ít phút.",
};

pub const ENGLISH: Chrome = Chrome {
    skip_link: "Skip to main content",
    nav_label: "Sections",
    home: "Home",
    breadcrumb_label: "You are here",
    dark_theme: " Dark theme",
    other_language: "Tiếng Việt",
    address: "Address: ",
    phone: "Phone: ",
    fax: ", Fax: ",
    email: "; Email: ",
    editor_in_chief: "Editor-in-chief: ",
    note: "Note: ",
    feed: "News feed (RSS, in Vietnamese)",
    updated: "Updated: ",
    loading: "Loading…",
    load_error_title: "The page could not be loaded",
    try_again: "Try again",
    not_found_title: "Page not found",
    not_found_text: "The page you are looking for does not exist, or has moved to another address.",
    back_home: "Back to the home page",
    documents: "Documents",
    procedures: "Administrative procedures",
    tasks: "Science and technology tasks",
    organisation: "Organisation",
    view_larger: " (view larger)",
    viewer: [
        "Photos on this page",
        "Close the photo",
        "Previous photo",
        "Next photo",
    ],
    page_shown: "Now showing: ",
    search_label: "Search the news",
    search_placeholder: "Search the news…",
    search_button: "Search",
    pages_label: "Pages",
    page_word: "Page ",
    previous_page: "‹ Previous page",
    next_page: "Next page ›",
    network_error: "The server could not be reached. Please check your connection and try again.",
    not_found_error: "The data for this page was not found (error 404).",
    status_error: (
        "The server has a problem (error ",
        "). Please try again in a few minutes.",
    ),
    malformed_error: "The data received was damaged. Please try again in a few minutes.",
};

impl Chrome {
    pub fn of(lang: Lang) -> &'static Chrome {
        match lang {
            Lang::Vi => &VIETNAMESE,
            Lang::En => &ENGLISH,
        }
    }

    /// What went wrong loading a page's data, and what to do.
    pub fn fetch_error(&self, error: &FetchError) -> String {
        match error {
            FetchError::Network => self.network_error.to_owned(),
            FetchError::NotFound | FetchError::NoSuchPage => self.not_found_error.to_owned(),
            FetchError::Status(code) => {
                format!("{}{code}{}", self.status_error.0, self.status_error.1)
            }
            FetchError::Malformed => self.malformed_error.to_owned(),
        }
    }
}

/// The language of the page being shown, from its address: it follows the reader as they move
/// between the sections within the app.
pub fn use_lang() -> Memo<Lang> {
    let paths = expect_context::<Paths>();
    let pathname = use_location().pathname;
    Memo::new(move |_| pathname.with(|p| paths.lang_of(p)))
}

/// Sets the document's `lang` to the page's (leptos_meta's `<Html>`): in the static page the
/// build writes, and again as the reader moves between the sections.
#[component]
pub fn DocumentLanguage() -> impl IntoView {
    let lang = use_lang();
    view! { <leptos_meta::Html {..} lang=move || lang.get().code()/> }
}
