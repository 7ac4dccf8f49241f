//! Pieces shared by the pages.

mod article_card;
mod article_tools;
mod body_blocks;
mod breadcrumb;
mod data_table;
mod download;
mod figure;
mod footer;
mod header;
mod listen;
mod pagination;
mod photo_viewer;
mod picture;
mod published_time;
mod site_notice;
mod status;
mod theme_toggle;

pub use article_card::ArticleCardView;
pub use article_tools::ArticleTools;
pub use body_blocks::BodyBlocks;
pub use breadcrumb::Breadcrumb;
pub use data_table::DataTable;
pub use download::DownloadLink;
pub use figure::Figure;
pub use footer::{phone_links, SiteFooter};
pub use header::SiteHeader;
pub use listen::ListenControl;
pub use pagination::{pagination_items, PageItem, Pagination};
pub use photo_viewer::PhotoViewer;
pub use picture::{Photo, Picture, ARTICLE_SIZES, FULL_SIZES, THUMBNAIL_SIZES};
pub use published_time::PublishedTime;
pub use site_notice::SiteNotice;
pub use status::{with_page_data, ErrorPanel, NotFound, Skeleton};
pub use theme_toggle::ThemeToggle;
