//! The app's one door to the network: one fetch, one error type, and the data of each page,
//! read with the same serde types the build writes.
//!
//! In the browser a page's data comes from the page itself on the first load (Leptos serialises
//! each resource into the static page, and hydration reads it back), and afterwards from the
//! bundle's JSON with gloo-net. In the build, the same code reads the bundle's data from memory.

use crate::paths::Paths;
use futures::channel::oneshot;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex};

/// Why data could not be loaded. Shown to readers, so the text is Vietnamese and says what to do.
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

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network => f.write_str(
                "Không kết nối được tới máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.",
            ),
            FetchError::NotFound | FetchError::NoSuchPage => {
                f.write_str("Không tìm thấy dữ liệu cần hiển thị (lỗi 404).")
            }
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

impl std::error::Error for FetchError {}

impl FetchError {
    /// What went wrong, for a reader of the page's language.
    pub fn message(&self, lang: crate::content::Lang) -> String {
        match (lang, self) {
            (crate::content::Lang::Vi, _) => self.to_string(),
            (_, FetchError::Network) => {
                "The server could not be reached. Please check your connection and try again."
                    .to_owned()
            }
            (_, FetchError::NotFound | FetchError::NoSuchPage) => {
                "The data for this page was not found (error 404).".to_owned()
            }
            (_, FetchError::Status(code)) => {
                format!(
                    "The server has a problem (error {code}). Please try again in a few minutes."
                )
            }
            (_, FetchError::Malformed) => {
                "The data received was damaged. Please try again in a few minutes.".to_owned()
            }
        }
    }
}

/// A page's data file as the build writes it: the data, and which build of the site wrote it
/// (see [`crate::boot::PageBoot::build`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataFile<T> {
    pub build: String,
    pub data: T,
}

/// JSON texts by path below the site root: in the build, the data of the page being rendered;
/// in the browser, what this visit has fetched or is fetching, so that Back shows a page at
/// once and a page whose data is already on its way (see [`Loader::prefetch`]) does not ask
/// for it again.
#[derive(Clone, Default)]
pub struct DataCache(Arc<Mutex<BTreeMap<String, Entry>>>);

enum Entry {
    /// The text, and the value last read from it (a search reads the same files again).
    Loaded(Arc<str>, Option<Parsed>),
    /// On its way; each waiter gets the answer.
    Loading(Vec<oneshot::Sender<Result<Arc<str>, FetchError>>>),
}

type Parsed = Arc<dyn std::any::Any + Send + Sync>;

/// What to do for data at a path.
enum Lookup {
    Have(Arc<str>),
    Wait(oneshot::Receiver<Result<Arc<str>, FetchError>>),
    Fetch,
}

impl DataCache {
    pub fn insert(&self, path: impl Into<String>, json: impl Into<Arc<str>>) {
        self.finish(&path.into(), Ok(json.into()));
    }

    /// The value last read from the text at `path`, if it was read as a `T`.
    fn parsed<T: Send + Sync + 'static>(&self, path: &str) -> Option<Arc<T>> {
        match self.entries().get(path) {
            Some(Entry::Loaded(_, Some(parsed))) => Arc::clone(parsed).downcast().ok(),
            _ => None,
        }
    }

    fn keep_parsed(&self, path: &str, value: Parsed) {
        if let Some(Entry::Loaded(_, parsed)) = self.entries().get_mut(path) {
            *parsed = Some(value);
        }
    }

    /// The text at `path`, a wait for it, or the task of fetching it (then marked as on its way).
    fn lookup(&self, path: &str) -> Lookup {
        let mut entries = self.entries();
        match entries.get_mut(path) {
            Some(Entry::Loaded(text, _)) => Lookup::Have(Arc::clone(text)),
            Some(Entry::Loading(waiters)) => {
                let (tell, hear) = oneshot::channel();
                waiters.push(tell);
                Lookup::Wait(hear)
            }
            None => {
                entries.insert(path.to_owned(), Entry::Loading(Vec::new()));
                Lookup::Fetch
            }
        }
    }

    /// Keeps what a fetch brought (a failure is not kept, so the next asks again) and tells
    /// those waiting for it.
    fn finish(&self, path: &str, result: Result<Arc<str>, FetchError>) {
        let previous = match &result {
            Ok(text) => self
                .entries()
                .insert(path.to_owned(), Entry::Loaded(Arc::clone(text), None)),
            Err(_) => self.entries().remove(path),
        };
        if let Some(Entry::Loading(waiters)) = previous {
            for waiter in waiters {
                let _ = waiter.send(result.clone());
            }
        }
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, Entry>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Forgets a fetch dropped half-way (the page that asked was left): those waiting for it then
/// fetch for themselves, rather than wait for ever.
struct Fetching<'a> {
    cache: &'a DataCache,
    path: &'a str,
    done: bool,
}

impl Drop for Fetching<'_> {
    fn drop(&mut self) {
        if !self.done {
            // Dropping the waiters' senders wakes them (see `Loader::text`).
            self.cache.entries().remove(self.path);
        }
    }
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

    /// The JSON at `path` (below the site root) as a `T`: from this visit's cache, which answers
    /// at once, or else fetched; kept, and kept read.
    pub async fn json<T>(&self, path: &str) -> Result<Arc<T>, FetchError>
    where
        T: DeserializeOwned + Send + Sync + 'static,
    {
        let text = self.text(path).await?;
        if let Some(value) = self.cache.parsed::<T>(path) {
            return Ok(value);
        }
        let value = Arc::new(self.read::<T>(path, &text)?);
        self.cache.keep_parsed(path, Arc::clone(&value) as Parsed);
        Ok(value)
    }

    /// The text at `path`: kept, on its way, or fetched now.
    async fn text(&self, path: &str) -> Result<Arc<str>, FetchError> {
        loop {
            match self.cache.lookup(path) {
                Lookup::Have(text) => return Ok(text),
                Lookup::Wait(answer) => match answer.await {
                    Ok(result) => return result,
                    // The fetch waited for was dropped: look again.
                    Err(oneshot::Canceled) => continue,
                },
                Lookup::Fetch => {
                    let mut fetching = Fetching {
                        cache: &self.cache,
                        path,
                        done: false,
                    };
                    let result = fetch_text(&self.paths.file(path)).await.map(Arc::from);
                    fetching.done = true;
                    self.cache.finish(path, result.clone());
                    return result;
                }
            }
        }
    }

    /// Starts loading the data at `path` unless this visit has it or is loading it: the
    /// reader rests on a link to its page, and will likely open it.
    pub fn prefetch(&self, path: String) {
        #[cfg(feature = "hydrate")]
        {
            let loader = self.clone();
            leptos::task::spawn_local(async move {
                let _ = loader.text(&path).await;
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = path;
    }

    /// The JSON at each of `paths`, loaded side by side, in the order of `paths`.
    pub async fn json_all<T>(&self, paths: &[String]) -> Vec<Result<Arc<T>, FetchError>>
    where
        T: DeserializeOwned + Send + Sync + 'static,
    {
        futures::future::join_all(paths.iter().map(|path| self.json::<T>(path))).await
    }

    /// Records what a path holds without fetching it, such as an empty postings list for a
    /// word the server does not know, so the next search does not ask again.
    pub fn remember(&self, path: &str, json: &str) {
        self.cache.insert(path, json);
    }

    /// [`Loader::prefetch`] of `path`, for a link to its page to call when the reader rests on
    /// it (`pointerenter`: a mouse on the link, or a finger landing on it).
    pub fn prefetcher(&self, path: String) -> impl Fn() + Clone + 'static {
        let loader = self.clone();
        move || loader.prefetch(path.clone())
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

    fn read<T: DeserializeOwned>(&self, path: &str, text: &str) -> Result<T, FetchError> {
        parse_json(text).map_err(|_| {
            if let Some(unreadable) = &self.unreadable {
                unreadable
                    .0
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push(path.to_owned());
            }
            FetchError::Malformed
        })
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
/// page is not found). Read from the page itself while the app hydrates it, then from the
/// bundle as the route changes.
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

/// Fetches a file below the site root as text. A request still under way when the reader
/// leaves the page that asked is aborted.
#[cfg(feature = "hydrate")]
fn fetch_text(url: &str) -> impl std::future::Future<Output = Result<String, FetchError>> + Send {
    use send_wrapper::SendWrapper;
    let url = url.to_owned();
    SendWrapper::new(async move {
        let abort = SendWrapper::new(web_sys::AbortController::new().ok());
        let signal = abort.as_ref().map(|a| a.signal());
        on_cleanup(move || {
            if let Some(abort) = abort.take() {
                abort.abort();
            }
        });
        let response = gloo_net::http::Request::get(&url)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|_| FetchError::Network)?;
        match response.status() {
            200..=299 => {}
            404 | 410 => return Err(FetchError::NotFound),
            status => return Err(FetchError::Status(status)),
        }
        // Hosts that answer every unknown path with their index page (`trunk serve`, some
        // CDNs) send HTML for data that does not exist: that is a 404 in disguise.
        let is_html = response
            .headers()
            .get("content-type")
            .is_some_and(|t| t.contains("text/html"));
        if is_html {
            return Err(FetchError::NotFound);
        }
        response.text().await.map_err(|_| FetchError::Network)
    })
}

/// The build reads every page's data from memory: what is not there does not exist.
#[cfg(not(feature = "hydrate"))]
async fn fetch_text(_url: &str) -> Result<String, FetchError> {
    Err(FetchError::NotFound)
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

    #[test]
    fn cached_data_answers_at_once_with_the_same_types_the_build_writes() {
        use futures::FutureExt;
        let cache = DataCache::default();
        let file = DataFile {
            build: "b".to_owned(),
            data: vec![1u32, 2],
        };
        cache.insert("data/x.json", serde_json::to_string(&file).unwrap());
        let loader = Loader::new(Paths::new("/"), "b".to_owned(), cache);
        let page = loader.page::<Vec<u32>>("data/x.json", "/x/").now_or_never();
        assert_eq!(page, Some(Ok(vec![1, 2])));
        // Read as another type, it is malformed; a path the cache lacks does not exist here.
        let wrong = loader
            .page::<Vec<String>>("data/x.json", "/x/")
            .now_or_never();
        assert_eq!(wrong, Some(Err(FetchError::Malformed)));
        let missing = loader.page::<Vec<u32>>("data/y.json", "/y/").now_or_never();
        assert_eq!(missing, Some(Err(FetchError::NotFound)));
    }

    #[test]
    fn data_read_once_is_kept_read() {
        use futures::FutureExt;
        let cache = DataCache::default();
        cache.insert("data/x.json", "[1,2]");
        let loader = Loader::new(Paths::new("/"), String::new(), cache);
        let first = loader
            .json::<Vec<u32>>("data/x.json")
            .now_or_never()
            .unwrap();
        let again = loader
            .json::<Vec<u32>>("data/x.json")
            .now_or_never()
            .unwrap();
        assert!(Arc::ptr_eq(&first.unwrap(), &again.unwrap()));
        // Read as another type, it is read anew.
        let other = loader
            .json::<Vec<i64>>("data/x.json")
            .now_or_never()
            .unwrap();
        assert_eq!(*other.unwrap(), [1, 2]);
    }

    #[test]
    fn unreadable_data_is_recorded_for_the_build() {
        use futures::FutureExt;
        let cache = DataCache::default();
        cache.insert("data/x.json", "{\"build\":\"\",\"data\":{\"title\":1}}");
        let unreadable = UnreadableData::default();
        let loader = Loader::new(Paths::new("/"), String::new(), cache)
            .reporting_unreadable(unreadable.clone());
        let read = loader
            .page::<BTreeMap<String, String>>("data/x.json", "/x/")
            .now_or_never();
        assert_eq!(read, Some(Err(FetchError::Malformed)));
        assert_eq!(*unreadable.0.lock().unwrap(), ["data/x.json"]);
    }

    #[test]
    fn data_on_its_way_is_awaited_not_fetched_again() {
        use futures::FutureExt;
        let cache = DataCache::default();
        assert!(matches!(cache.lookup("data/x.json"), Lookup::Fetch));
        let Lookup::Wait(first) = cache.lookup("data/x.json") else {
            panic!("a second reader waits for the fetch under way");
        };
        cache.finish("data/x.json", Ok("[1]".into()));
        assert_eq!(first.now_or_never(), Some(Ok(Ok(Arc::from("[1]")))));
        assert!(matches!(cache.lookup("data/x.json"), Lookup::Have(_)));
        // A fetch dropped half-way (its page was left) is forgotten: those waiting for it
        // hear so, and look again, which starts a fetch of their own.
        assert!(matches!(cache.lookup("data/y.json"), Lookup::Fetch));
        let Lookup::Wait(waiting) = cache.lookup("data/y.json") else {
            panic!("waits");
        };
        drop(Fetching {
            cache: &cache,
            path: "data/y.json",
            done: false,
        });
        assert_eq!(waiting.now_or_never(), Some(Err(oneshot::Canceled)));
        assert!(matches!(cache.lookup("data/y.json"), Lookup::Fetch));
    }

    #[test]
    fn error_messages_are_vietnamese() {
        assert!(FetchError::Network.to_string().contains("kết nối"));
        assert!(FetchError::Status(500).to_string().contains("500"));
    }
}
