//! The app's one door to the network, after Leptos's hackernews `api.rs`: one fetch, one error
//! type, and the data each page reads, with the same serde types the build writes (the data
//! files' paths are in [`crate::paths::data`]).
//!
//! In the browser a page's data comes from the page itself on the first load (Leptos serialises
//! each resource into the static page, and hydration reads it back), and afterwards from the
//! bundle's JSON with gloo-net. In the build, the same code reads the bundle's data from memory.

mod cache;
mod http;

pub use cache::DataCache;

use crate::chrome::Chrome;
use crate::content::Lang;
use crate::paths::Paths;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::sync::{Arc, Mutex};

/// Why data could not be loaded. Readers see it in their language ([`Chrome::fetch_error`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FetchError {
    /// The request never got an answer: offline, DNS, connection reset.
    Network,
    /// The server answered 404: there is no such data.
    NotFound,
    /// The address names no page of the site (a page number or slug that cannot be one), so
    /// there is nothing to fetch, or to try again.
    NoSuchPage,
    /// Any other unsuccessful HTTP status.
    Status(u16),
    /// The answer was not the JSON the app expects.
    Malformed,
}

impl FetchError {
    /// What went wrong and what to do, for a reader of the page's language.
    pub fn message(&self, lang: Lang) -> String {
        Chrome::of(lang).fetch_error(self)
    }
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Vi))
    }
}

impl std::error::Error for FetchError {}

/// A page's data file as the build writes it: the data, and which build of the site wrote it
/// (see [`crate::boot::PageBoot::build`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataFile<T> {
    pub build: String,
    pub data: T,
}

/// Paths of data the build wrote and could not read back: recorded while a page renders, so
/// that the build fails instead of publishing an error page.
#[derive(Clone, Default)]
pub struct UnreadableData(pub Arc<Mutex<Vec<String>>>);

/// Reads the site's data. Take it from the context in the component, then move it into the
/// async task.
#[derive(Clone)]
pub struct Loader {
    paths: Paths,
    /// The build of the site this app came with.
    build: String,
    cache: DataCache,
    unreadable: Option<UnreadableData>,
}

impl Loader {
    pub fn new(paths: Paths, build: String, cache: DataCache) -> Self {
        Loader {
            paths,
            build,
            cache,
            unreadable: None,
        }
    }

    /// Records data that does not read, for the build to fail on.
    pub fn reporting_unreadable(mut self, unreadable: UnreadableData) -> Self {
        self.unreadable = Some(unreadable);
        self
    }

    pub fn from_context() -> Self {
        expect_context::<Loader>()
    }

    /// The JSON at `path` (below the site root) as a `T`: kept by this visit, on its way, or
    /// fetched now.
    pub async fn json<T>(&self, path: &str) -> Result<Arc<T>, FetchError>
    where
        T: DeserializeOwned + Send + Sync + 'static,
    {
        let text = self.text(path).await?;
        self.cache.parsed(path, &text, |text| {
            parse_json(text).map_err(|()| {
                if let Some(unreadable) = &self.unreadable {
                    let mut paths = unreadable.0.lock().unwrap_or_else(|e| e.into_inner());
                    paths.push(path.to_owned());
                }
                FetchError::Malformed
            })
        })
    }

    async fn text(&self, path: &str) -> Result<Arc<str>, FetchError> {
        let url = self.paths.file(path);
        let fetch = || async move { http::fetch_text(&url).await.map(Arc::from) };
        self.cache.text(path, fetch).await
    }

    /// The JSON at each of `paths`, loaded side by side, in the order of `paths`.
    pub async fn json_all<T>(&self, paths: &[String]) -> Vec<Result<Arc<T>, FetchError>>
    where
        T: DeserializeOwned + Send + Sync + 'static,
    {
        futures::future::join_all(paths.iter().map(|path| self.json::<T>(path))).await
    }

    /// Records what a path holds without fetching it, such as an empty postings list for a
    /// word the index does not have, so the next search does not ask again.
    pub fn remember(&self, path: &str, json: &str) {
        self.cache.insert(path, json);
    }

    /// For a link to call when the reader rests on it (`pointerenter`: a mouse on the link, or
    /// a finger landing on it): starts loading the data at `path` of the page it leads to.
    pub fn prefetcher(&self, path: String) -> impl Fn() + Clone + 'static {
        let loader = self.clone();
        move || {
            #[cfg(feature = "hydrate")]
            {
                let (loader, path) = (loader.clone(), path.clone());
                leptos::task::spawn_local(async move {
                    let _ = loader.text(&path).await;
                });
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = (&loader, &path);
        }
    }

    /// The data file at `path` of the page at `address`. A file written by another build of
    /// the site than this app's may need that build's app: the page is then loaded as a
    /// document, which brings it.
    pub async fn page<T>(&self, path: &str, address: &str) -> Result<T, FetchError>
    where
        T: DeserializeOwned + Clone + Send + Sync + 'static,
    {
        let file = self.json::<DataFile<T>>(path).await?;
        if file.build != self.build {
            load_as_document(address).await;
        }
        Ok(file.data.clone())
    }
}

/// Reads JSON: in the browser with its own parser (`JSON.parse`), in the build with serde_json.
pub fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, ()> {
    #[cfg(feature = "hydrate")]
    {
        let value = js_sys::JSON::parse(text).map_err(|_| ())?;
        serde_wasm_bindgen::from_value(value).map_err(|_| ())
    }
    #[cfg(not(feature = "hydrate"))]
    serde_json::from_str(text).map_err(|_| ())
}

/// A page's data: read back from the page itself with the browser's `JSON.parse` while the app
/// hydrates (serde-wasm-bindgen), or loaded as the route changes.
pub type PageResource<T> =
    Resource<Result<T, FetchError>, leptos::server::codee::string::JsonSerdeWasmCodec>;

/// The data a page shows, at the path `path()` gives (`None` for an address with no data: the
/// page is not found).
pub fn use_page_data<T>(
    path: impl Fn() -> Option<String> + Send + Sync + 'static,
) -> PageResource<T>
where
    T: Serialize + DeserializeOwned + Clone + Send + Sync + 'static,
{
    let loader = Loader::from_context();
    let location = leptos_router::hooks::use_location();
    Resource::new_serde_wb(path, move |path| {
        let loader = loader.clone();
        // The page's address, as the router has it.
        let search = location.search.get_untracked();
        let query = if search.is_empty() { "" } else { "?" };
        let address = format!("{}{query}{search}", location.pathname.get_untracked());
        async move {
            match path {
                Some(path) => loader.page(&path, &address).await,
                None => Err(FetchError::NoSuchPage),
            }
        }
    })
}

/// Loads `address` as a document, and never finishes: the page goes. (The router may not
/// have put the address in the browser's address bar yet.)
pub async fn load_as_document(address: &str) {
    #[cfg(feature = "hydrate")]
    let _ = window().location().assign(address);
    #[cfg(not(feature = "hydrate"))]
    let _ = address;
    std::future::pending::<()>().await
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::FutureExt;

    #[test]
    fn a_page_reads_the_same_types_the_build_writes() {
        let cache = DataCache::default();
        let file = DataFile {
            build: "b".to_owned(),
            data: vec![1u32, 2],
        };
        cache.insert("data/x.json", serde_json::to_string(&file).unwrap());
        let unreadable = UnreadableData::default();
        let loader = Loader::new(Paths::new("/"), "b".to_owned(), cache)
            .reporting_unreadable(unreadable.clone());
        let page = loader.page::<Vec<u32>>("data/x.json", "/x/").now_or_never();
        assert_eq!(page, Some(Ok(vec![1, 2])));
        // Read as another type, it is malformed, and the build hears of it; a path the build
        // did not write does not exist.
        let wrong = loader
            .page::<Vec<String>>("data/x.json", "/x/")
            .now_or_never();
        assert_eq!(wrong, Some(Err(FetchError::Malformed)));
        assert_eq!(*unreadable.0.lock().unwrap(), ["data/x.json"]);
        let missing = loader.page::<Vec<u32>>("data/y.json", "/y/").now_or_never();
        assert_eq!(missing, Some(Err(FetchError::NotFound)));
    }

    #[test]
    fn error_messages_are_in_the_readers_language() {
        assert!(FetchError::Network.to_string().contains("kết nối"));
        assert!(FetchError::Status(500).to_string().contains("500"));
        assert!(FetchError::Network.message(Lang::En).contains("connection"));
    }
}
