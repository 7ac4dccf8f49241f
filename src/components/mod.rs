//! Pieces shared by the pages.

mod article_card;
mod figure;
mod footer;
mod header;
mod pagination;
mod published_time;
mod status;

pub use article_card::ArticleCardView;
pub use figure::Figure;
pub use footer::SiteFooter;
pub use header::SiteHeader;
pub use pagination::{pagination_items, PageItem, Pagination};
pub use published_time::PublishedTime;
pub use status::{show_remote, ErrorPanel, NotFound, Skeleton};
