//! One file per route.

mod article;
mod listing;
mod not_found;

pub use article::ArticlePage;
pub use listing::{CategoryPage, HomePage};
pub use not_found::NotFoundPage;
