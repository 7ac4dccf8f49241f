//! What this visit has fetched, or is fetching, by path below the site root.
//!
//! Why the app keeps its own: Back must show a page at once; a link the reader rests on starts
//! loading its page's data (prefetch), and the page opened a moment later waits for that same
//! request instead of asking again (single flight); a search reads the same index files for
//! every query, and keeps them parsed. Leptos's resources give none of the three across pages.
//! In the build it holds the data of the page being rendered.

use super::FetchError;
use futures::channel::oneshot;
use std::any::Any;
use std::collections::BTreeMap;
use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard};

type Answer = Result<Arc<str>, FetchError>;
type Parsed = Arc<dyn Any + Send + Sync>;

#[derive(Clone, Default)]
pub struct DataCache(Arc<Mutex<BTreeMap<String, Entry>>>);

enum Entry {
    /// The text, and the value last read from it.
    Loaded(Arc<str>, Option<Parsed>),
    /// On its way; each waiter hears the answer.
    Loading(Vec<oneshot::Sender<Answer>>),
}

impl DataCache {
    pub fn insert(&self, path: impl Into<String>, json: impl Into<Arc<str>>) {
        self.finish(&path.into(), Ok(json.into()));
    }

    /// The text at `path`: kept, awaited when on its way, or fetched by `fetch` (the one
    /// request for everyone who asks meanwhile). A failure is not kept: the next asks again.
    pub async fn text<F>(&self, path: &str, fetch: impl FnOnce() -> F) -> Answer
    where
        F: Future<Output = Answer>,
    {
        loop {
            let wait = {
                let mut entries = self.entries();
                match entries.get_mut(path) {
                    Some(Entry::Loaded(text, _)) => return Ok(Arc::clone(text)),
                    Some(Entry::Loading(waiters)) => {
                        let (tell, hear) = oneshot::channel();
                        waiters.push(tell);
                        hear
                    }
                    None => {
                        entries.insert(path.to_owned(), Entry::Loading(Vec::new()));
                        break;
                    }
                }
            };
            match wait.await {
                Ok(answer) => return answer,
                // The request waited for was dropped half-way: look again.
                Err(oneshot::Canceled) => continue,
            }
        }
        let mut fetching = Fetching {
            cache: self,
            path,
            done: false,
        };
        let answer = fetch().await;
        fetching.done = true;
        self.finish(path, answer.clone());
        answer
    }

    /// The value last read from the text at `path` as a `T`, else `read` of the text, kept.
    pub fn parsed<T, E>(
        &self,
        path: &str,
        text: &str,
        read: impl FnOnce(&str) -> Result<T, E>,
    ) -> Result<Arc<T>, E>
    where
        T: Send + Sync + 'static,
    {
        if let Some(Entry::Loaded(_, Some(parsed))) = self.entries().get(path) {
            if let Ok(value) = Arc::clone(parsed).downcast::<T>() {
                return Ok(value);
            }
        }
        let value = Arc::new(read(text)?);
        if let Some(Entry::Loaded(_, parsed)) = self.entries().get_mut(path) {
            *parsed = Some(Arc::clone(&value) as Parsed);
        }
        Ok(value)
    }

    fn finish(&self, path: &str, answer: Answer) {
        let previous = match &answer {
            Ok(text) => self
                .entries()
                .insert(path.to_owned(), Entry::Loaded(Arc::clone(text), None)),
            Err(_) => self.entries().remove(path),
        };
        if let Some(Entry::Loading(waiters)) = previous {
            for waiter in waiters {
                let _ = waiter.send(answer.clone());
            }
        }
    }

    fn entries(&self) -> MutexGuard<'_, BTreeMap<String, Entry>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Forgets a request dropped half-way (the page that asked was left): those waiting for it
/// then fetch for themselves, rather than wait for ever.
struct Fetching<'a> {
    cache: &'a DataCache,
    path: &'a str,
    done: bool,
}

impl Drop for Fetching<'_> {
    fn drop(&mut self) {
        if !self.done {
            // Dropping the waiters' senders wakes them.
            self.cache.entries().remove(self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::FutureExt;

    #[test]
    fn one_request_for_everyone_who_asks_meanwhile() {
        let cache = DataCache::default();
        let (answer, answered) = oneshot::channel::<Answer>();
        let mut first = Box::pin(cache.text("x", || answered.map(Result::unwrap)));
        assert!(first.as_mut().now_or_never().is_none(), "on its way");
        let mut second = Box::pin(cache.text("x", || async { panic!("asked twice") }));
        assert!(
            second.as_mut().now_or_never().is_none(),
            "waits for the first"
        );
        answer.send(Ok("[1]".into())).unwrap();
        assert_eq!(first.now_or_never(), Some(Ok("[1]".into())));
        assert_eq!(second.now_or_never(), Some(Ok("[1]".into())));
        // Kept: answered at once, without a request.
        let again = cache.text("x", || async { panic!("asked again") });
        assert_eq!(again.now_or_never(), Some(Ok("[1]".into())));
    }

    #[test]
    fn a_failure_is_not_kept_and_a_dropped_request_is_asked_again() {
        let cache = DataCache::default();
        let failed = cache.text("x", || async { Err(FetchError::Network) });
        assert_eq!(failed.now_or_never(), Some(Err(FetchError::Network)));
        let ok = cache.text("x", || async { Ok("2".into()) });
        assert_eq!(ok.now_or_never(), Some(Ok("2".into())));

        let (_never, unanswered) = oneshot::channel::<Answer>();
        let mut left = Box::pin(cache.text("y", || unanswered.map(Result::unwrap)));
        assert!(left.as_mut().now_or_never().is_none());
        let mut waiting = Box::pin(cache.text("y", || async { Ok("3".into()) }));
        assert!(waiting.as_mut().now_or_never().is_none());
        drop(left); // the page that asked was left
        assert_eq!(waiting.now_or_never(), Some(Ok("3".into())));
    }

    #[test]
    fn data_read_once_is_kept_read() {
        let cache = DataCache::default();
        cache.insert("x", "[1,2]");
        let read = |text: &str| serde_json::from_str::<Vec<u32>>(text);
        let first = cache.parsed("x", "[1,2]", read).unwrap();
        let again = cache.parsed("x", "[1,2]", |_| -> Result<Vec<u32>, ()> {
            panic!("read again")
        });
        assert!(Arc::ptr_eq(&first, &again.unwrap()));
        // As another type, it is read anew.
        let other = cache.parsed("x", "[1,2]", |t| serde_json::from_str::<Vec<i64>>(t));
        assert_eq!(*other.unwrap(), [1, 2]);
    }
}
