//! One file per route.

mod article;
mod documents;
mod info_page;
mod listing;
mod not_found;
mod search;
mod style_guide;

pub use article::ArticlePage;
pub use documents::{DocumentPage, DocumentsPage};
pub use info_page::InfoPageRoute;
pub use listing::{CategoryPage, HomePage};
pub use not_found::NotFoundPage;
pub use search::{run_search, SearchHit, SearchPage, SearchResults};
pub use style_guide::{StyleGuidePage, StyleGuideRoute};
