//! Where things are and how they are read: URL builders, the data paths, one JSON fetch with
//! its cache and one error type, and what every static page tells the app (`PageBoot`).

use crate::content::json::{self, FromJson, Members};
use leptos::prelude::*;
use std::any::Any;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex};

/// Where the site lives: every link, asset and data URL goes through here, so that a build with
/// `--public-url /tin-tuc/` works under that prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paths {
    /// Starts and ends with `/`.
    base: String,
}

impl Paths {
    pub fn new(base: &str) -> Self {
        let trimmed = base.trim().trim_matches('/');
        let base = if trimmed.is_empty() {
            "/".to_owned()
        } else {
            format!("/{trimmed}/")
        };
        Paths { base }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// The part of a full path below the site's base, starting with `/`; `None` for a path
    /// outside the site.
    pub fn below_base<'a>(&self, pathname: &'a str) -> Option<&'a str> {
        let rest = pathname.strip_prefix(self.base.trim_end_matches('/'))?;
        if rest.is_empty() {
            Some("/")
        } else {
            rest.starts_with('/').then_some(rest)
        }
    }

    /// A path below the site root, such as `content/images/a.jpg` or `feed.xml`.
    pub fn file(&self, relative: &str) -> String {
        format!("{}{}", self.base, relative.trim_start_matches('/'))
    }

    pub fn home(&self) -> String {
        self.base.clone()
    }

    pub fn home_page(&self, page: usize) -> String {
        if page <= 1 {
            self.home()
        } else {
            self.file(&format!("trang/{page}/"))
        }
    }

    pub fn category(&self, slug: &str, page: usize) -> String {
        if page <= 1 {
            self.file(&format!("chuyen-muc/{slug}/"))
        } else {
            self.file(&format!("chuyen-muc/{slug}/trang/{page}/"))
        }
    }

    pub fn article(&self, slug: &str) -> String {
        self.file(&format!("bai-viet/{slug}/"))
    }

    /// The search results page; `page` 1 is left out of the URL.
    pub fn search(&self, query: &str, page: usize) -> String {
        let mut url = self.file("tim-kiem/");
        if !query.trim().is_empty() {
            url.push_str("?q=");
            url.push_str(&encode_query_value(query.trim()));
            if page > 1 {
                url.push_str(&format!("&trang={page}"));
            }
        }
        url
    }
}

/// Percent-encodes a query-string value (UTF-8), spaces as `+`.
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 3);
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(byte))
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Locations of the derived data files, relative to the site root. The build writes exactly
/// these and renders the pages from them; in the browser, the search reads the articles', for
/// its snippets.
pub mod data {
    pub const SITE: &str = "data/site.json";
    const HOME_PAGES: &str = "data/trang/";
    const CATEGORY_PAGES: &str = "data/chuyen-muc/";
    const ARTICLES: &str = "data/bai-viet/";

    pub fn home_page(page: usize) -> String {
        format!("{HOME_PAGES}{page}.json")
    }

    pub fn category_page(slug: &str, page: usize) -> String {
        format!("{CATEGORY_PAGES}{slug}/{page}.json")
    }

    pub fn article(slug: &str) -> String {
        format!("{ARTICLES}{slug}.json")
    }
}

/// Parses a 1-based page number from a route parameter; anything else is no page at all.
pub fn page_param(raw: Option<String>) -> Option<usize> {
    match raw {
        None => Some(1),
        Some(raw) => raw
            .parse::<usize>()
            .ok()
            .filter(|&n| n >= 1 && !raw.starts_with('0')),
    }
}

/// Why data could not be loaded. Shown to readers, so the text is Vietnamese and says what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// The request never got an answer: offline, DNS, connection reset.
    Network,
    /// The server answered 404: there is no such data.
    NotFound,
    /// Any other unsuccessful HTTP status.
    Status(u16),
    /// The answer was not the JSON the app expects.
    Malformed,
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network => f.write_str(
                "Không kết nối được tới máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.",
            ),
            FetchError::NotFound => f.write_str("Không tìm thấy dữ liệu cần hiển thị (lỗi 404)."),
            FetchError::Status(code) => {
                write!(
                    f,
                    "Máy chủ đang gặp sự cố (lỗi {code}). Vui lòng thử lại sau ít phút."
                )
            }
            FetchError::Malformed => {
                f.write_str("Dữ liệu nhận được bị lỗi. Vui lòng thử lại sau ít phút.")
            }
        }
    }
}

/// Fetches a file below the site root: its answer, when the server found it.
async fn fetch(url: &str) -> Result<gloo_net::http::Response, FetchError> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|_| FetchError::Network)?;
    match response.status() {
        200..=299 => Ok(response),
        404 | 410 => Err(FetchError::NotFound),
        status => Err(FetchError::Status(status)),
    }
}

/// Fetches a data file below the site root, as text.
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let response = fetch(url).await?;
    // Hosts that answer every unknown path with their index page (`trunk serve`, some CDNs)
    // send HTML for data that does not exist: that is a 404 in disguise.
    let is_html = response
        .headers()
        .get("content-type")
        .is_some_and(|t| t.contains("text/html"));
    if is_html {
        return Err(FetchError::NotFound);
    }
    response.text().await.map_err(|_| FetchError::Network)
}

/// Fetches a page of the site, as HTML.
pub async fn fetch_html(url: &str) -> Result<String, FetchError> {
    let response = fetch(url).await?;
    response.text().await.map_err(|_| FetchError::Network)
}

/// Reads JSON data below the site root outside of a route's own data (the search index):
/// from the cache when this visit already has it, else over the network, and then kept.
/// Take it from the context in the component, then move it into the async task.
#[derive(Clone)]
pub struct Loader {
    cache: DataCache,
    paths: Paths,
}

impl Loader {
    pub fn from_context() -> Self {
        Loader {
            cache: expect_context::<DataCache>(),
            paths: expect_context::<Paths>(),
        }
    }

    /// Data this visit already has (from the page or an earlier fetch), parsed.
    pub fn cached<T: FromJson + Send + Sync + 'static>(
        &self,
        path: &str,
    ) -> Option<Result<Arc<T>, FetchError>> {
        self.cache.parsed(path)
    }

    /// The data at `path`, from this visit's cache or fetched, and kept only if it parses.
    pub async fn json<T: FromJson + Send + Sync + 'static>(
        &self,
        path: String,
    ) -> Result<Arc<T>, FetchError> {
        if let Some(cached) = self.cached(&path) {
            return cached;
        }
        let json = fetch_text(&self.paths.file(&path)).await?;
        let value = Arc::new(parse_json::<T>(&json)?);
        self.cache
            .insert_parsed(path, json, Arc::clone(&value) as Arc<dyn Any + Send + Sync>);
        Ok(value)
    }

    /// The data at each of `paths`, loaded side by side, in the order of `paths`.
    pub async fn json_all<T: FromJson + Send + Sync + 'static>(
        &self,
        paths: Vec<String>,
    ) -> Vec<Result<Arc<T>, FetchError>> {
        in_order(paths.into_iter().map(|path| self.json::<T>(path)).collect()).await
    }

    /// Records what a path holds without fetching it, such as an empty postings list for a
    /// word the server does not know, so the next search does not ask again.
    pub fn remember(&self, path: String, json: &str) {
        self.cache.insert(path, json);
    }
}

/// Runs futures side by side and returns their outputs in their order. (A search loads a dozen
/// files at most; the `futures` crate's `join_all`, built for any number, cost the app 2 KB.)
async fn in_order<F: std::future::Future>(futures: Vec<F>) -> Vec<F::Output> {
    use std::task::Poll;
    let mut futures: Vec<_> = futures.into_iter().map(Box::pin).collect();
    let mut outputs: Vec<Option<F::Output>> = futures.iter().map(|_| None).collect();
    std::future::poll_fn(move |cx| {
        let mut waiting = false;
        for (future, output) in futures.iter_mut().zip(outputs.iter_mut()) {
            if output.is_none() {
                match future.as_mut().poll(cx) {
                    Poll::Ready(value) => *output = Some(value),
                    Poll::Pending => waiting = true,
                }
            }
        }
        if waiting {
            Poll::Pending
        } else {
            Poll::Ready(outputs.iter_mut().filter_map(Option::take).collect())
        }
    })
    .await
}

/// JSON data by path, each entry with its text and, once read, its parsed value: in the build,
/// the data each page is rendered from; in the browser, what this visit has fetched (the search
/// index), so that a second search does not fetch or parse it again.
#[derive(Clone, Default)]
pub struct DataCache(Arc<Mutex<BTreeMap<String, CacheEntry>>>);

struct CacheEntry {
    text: Arc<str>,
    parsed: Option<Arc<dyn Any + Send + Sync>>,
}

impl DataCache {
    pub fn insert(&self, path: impl Into<String>, json: impl Into<Arc<str>>) {
        self.entries().insert(
            path.into(),
            CacheEntry {
                text: json.into(),
                parsed: None,
            },
        );
    }

    fn insert_parsed(&self, path: String, json: String, value: Arc<dyn Any + Send + Sync>) {
        self.entries().insert(
            path,
            CacheEntry {
                text: json.into(),
                parsed: Some(value),
            },
        );
    }

    /// The JSON text at `path`.
    pub fn get(&self, path: &str) -> Option<Arc<str>> {
        self.entries().get(path).map(|e| Arc::clone(&e.text))
    }

    /// The data at `path` as a `T`, parsed on first use and then kept.
    pub fn parsed<T: FromJson + Send + Sync + 'static>(
        &self,
        path: &str,
    ) -> Option<Result<Arc<T>, FetchError>> {
        let (text, parsed) = {
            let entries = self.entries();
            let entry = entries.get(path)?;
            (Arc::clone(&entry.text), entry.parsed.clone())
        };
        if let Some(value) = parsed.and_then(|p| p.downcast::<T>().ok()) {
            return Some(Ok(value));
        }
        Some(parse_json::<T>(&text).map(|value| {
            let value = Arc::new(value);
            if let Some(entry) = self.entries().get_mut(path) {
                entry.parsed = Some(Arc::clone(&value) as Arc<dyn Any + Send + Sync>);
            }
            value
        }))
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, CacheEntry>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn parse_json<T: FromJson>(text: &str) -> Result<T, FetchError> {
    json::from_str(text).map_err(|_| FetchError::Malformed)
}

/// The data at `path` for the page being rendered: the build puts each page's data in the
/// [`DataCache`] before rendering it. `None` for a page without any (one that does not exist).
/// Data that is there but does not read is noted in [`UnreadableData`], for the build to fail.
pub fn page_data<T: FromJson + Send + Sync + 'static>(path: &str) -> Option<Arc<T>> {
    match expect_context::<DataCache>().parsed::<T>(path)? {
        Ok(value) => Some(value),
        Err(_) => {
            if let Some(unreadable) = use_context::<UnreadableData>() {
                unreadable
                    .0
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push(path.to_owned());
            }
            None
        }
    }
}

/// Paths of page data a render could not read: the build wrote it and the pages' reader
/// refused it, so the page would otherwise be written as "not found".
#[derive(Clone, Default)]
pub struct UnreadableData(pub Arc<Mutex<Vec<String>>>);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_follow_the_public_url() {
        let root = Paths::new("/");
        assert_eq!(root.article("tin-a"), "/bai-viet/tin-a/");
        assert_eq!(root.home_page(1), "/");
        assert_eq!(root.home_page(3), "/trang/3/");
        assert_eq!(root.below_base("/bai-viet/a/"), Some("/bai-viet/a/"));

        let sub = Paths::new("/tin-tuc/");
        assert_eq!(sub.article("tin-a"), "/tin-tuc/bai-viet/tin-a/");
        assert_eq!(
            sub.category("thong-bao", 2),
            "/tin-tuc/chuyen-muc/thong-bao/trang/2/"
        );
        assert_eq!(sub.file("data/site.json"), "/tin-tuc/data/site.json");
        assert_eq!(sub.below_base("/tin-tuc"), Some("/"));
        assert_eq!(sub.below_base("/tin-tuc/trang/2/"), Some("/trang/2/"));
        assert_eq!(sub.below_base("/tin-tucx/"), None);
        assert_eq!(sub.below_base("/"), None);
        assert_eq!(Paths::new("tin-tuc"), sub);
        assert_eq!(
            sub.search("Cờ đỏ & co", 1),
            "/tin-tuc/tim-kiem/?q=C%E1%BB%9D+%C4%91%E1%BB%8F+%26+co"
        );
        assert_eq!(root.search("co do", 2), "/tim-kiem/?q=co+do&trang=2");
        assert_eq!(root.search("  ", 1), "/tim-kiem/");
    }

    #[test]
    fn futures_run_side_by_side_and_answer_in_order() {
        use std::future::Future;
        use std::task::{Context, Poll, Waker};
        // Each future is ready after being polled `n` times: the last one finishes first.
        struct After(u32, &'static str);
        impl Future for After {
            type Output = &'static str;
            fn poll(mut self: std::pin::Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Self::Output> {
                if self.0 == 0 {
                    Poll::Ready(self.1)
                } else {
                    self.0 -= 1;
                    Poll::Pending
                }
            }
        }
        let mut all = std::pin::pin!(in_order(vec![After(3, "a"), After(1, "b"), After(0, "c")]));
        let mut cx = Context::from_waker(Waker::noop());
        let mut polls = 1;
        let outputs = loop {
            match all.as_mut().poll(&mut cx) {
                Poll::Ready(outputs) => break outputs,
                Poll::Pending => polls += 1,
            }
        };
        assert_eq!(outputs, ["a", "b", "c"]);
        // Side by side: as many rounds as the slowest needs, not the sum.
        assert_eq!(polls, 4);
    }

    #[test]
    fn cached_data_is_parsed_once_and_kept_with_its_text() {
        let cache = DataCache::default();
        cache.insert("data/x.json", "[1,2]");
        let first = cache.parsed::<Vec<u32>>("data/x.json").unwrap().unwrap();
        let again = cache.parsed::<Vec<u32>>("data/x.json").unwrap().unwrap();
        assert_eq!(*first, [1, 2]);
        assert!(Arc::ptr_eq(&first, &again));
        assert_eq!(cache.get("data/x.json").as_deref(), Some("[1,2]"));
        // Read as another type, the text is parsed anew.
        assert_eq!(
            cache.parsed::<Vec<String>>("data/x.json"),
            Some(Err(FetchError::Malformed))
        );
        assert!(cache.parsed::<Vec<u32>>("data/none.json").is_none());
    }

    #[test]
    fn page_numbers_are_positive_integers_without_leading_zeros() {
        assert_eq!(page_param(None), Some(1));
        assert_eq!(page_param(Some("2".into())), Some(2));
        assert_eq!(page_param(Some("0".into())), None);
        assert_eq!(page_param(Some("02".into())), None);
        assert_eq!(page_param(Some("x".into())), None);
    }

    #[test]
    fn page_boot_reads_what_the_build_writes() {
        let boot = PageBoot {
            base: "/tin-tuc/".into(),
            path: "/tin-tuc/bai-viet/a/".into(),
            site_name: "Sở KH&CN".into(),
            build: "khcn-cantho-0123456789abcdef".into(),
        };
        let written = crate::meta::script_json(&serde_json::to_string(&boot).unwrap());
        assert_eq!(json::from_str::<PageBoot>(&written), Ok(boot));
    }

    #[test]
    fn error_messages_are_vietnamese() {
        assert!(FetchError::Network.to_string().contains("kết nối"));
        assert!(FetchError::Status(500).to_string().contains("500"));
    }
}

/// Written into every static page: where the site lives and which path the HTML was rendered
/// for, so the app knows whether it may take over the markup or must show another page.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PageBoot {
    pub base: String,
    pub path: String,
    /// The site's short name, which ends every document title.
    pub site_name: String,
    /// Which build of the site wrote the page (see `build::pages::Template::build_id`): a page
    /// of another build may need another app.
    pub build: String,
}

impl PageBoot {
    pub const ELEMENT_ID: &'static str = "page-boot";

    /// What `document` says of itself: `None` without boot data, an error when this app
    /// cannot read it.
    #[cfg(feature = "hydrate")]
    pub fn read(document: &web_sys::Document) -> Option<Result<PageBoot, json::Malformed>> {
        let text = document
            .get_element_by_id(Self::ELEMENT_ID)?
            .text_content()?;
        Some(json::from_str(&text))
    }
}

impl FromJson for PageBoot {
    fn from_json(value: json::Value) -> Result<Self, json::Malformed> {
        let mut m = Members::of(value)?;
        Ok(PageBoot {
            base: m.required("base")?,
            path: m.required("path")?,
            site_name: m.required("site_name")?,
            build: m.required("build")?,
        })
    }
}
