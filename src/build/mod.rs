//! The native bundle tool behind `site-build`: validates `public/content`, then writes into
//! trunk's staging folder the data the app fetches, the photos, a static HTML file for every
//! page, the feed, the sitemap, the default share picture and precompressed copies of every
//! text file. In release builds it also shortens the names between the app's wasm and its glue,
//! and minifies the CSS every page carries inline.

pub mod feeds;
pub mod glue;
pub mod images;
pub mod minify;
pub mod output;
pub mod pages;
pub mod share_image;
pub mod source;

pub use output::{run, Command, Options};
