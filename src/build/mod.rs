//! The native bundle tool behind `site-build`: validates `public/content`, then writes into
//! trunk's staging folder the data the app fetches, the photos, a static HTML file for every
//! page, the documents offered for download, the feeds, the sitemap, the default share picture, the editors' screen (Decap CMS), the
//! security headers and precompressed copies of every text file.

pub mod app_manifest;
pub mod by_year;
pub mod checklist;
pub mod cli;
pub mod cms;
pub mod downloads;
pub mod feeds;
pub mod html;
pub mod images;
pub mod output;
pub mod pages;
pub mod progress;
pub mod publish;
pub mod security;
pub mod share_image;
pub mod source;
pub mod store;
pub mod template;

pub use output::{run, Command, Options};
