//! The public news site of the Department of Science and Technology of Cần Thơ City.
//!
//! One crate, three builds: the browser app (`hydrate`), the native bundle tool that validates
//! the content and renders every page to static HTML with these same components (`ssr`), and
//! the native tests.

// Leptos views are deeply nested types.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod boot;
pub mod browser;
pub mod chrome;
pub mod components;
pub mod content;
pub mod meta;
pub mod navigation;
pub mod pages;
pub mod paths;

#[cfg(feature = "ssr")]
pub mod build;

pub use app::App;
