//! The one request the app makes: a file below the site root, as text.

use super::FetchError;

/// Fetches `url` with gloo-net. A request still under way when the reader leaves the page that
/// asked is aborted.
#[cfg(feature = "hydrate")]
pub fn fetch_text(
    url: &str,
) -> impl std::future::Future<Output = Result<String, FetchError>> + Send {
    use leptos::prelude::on_cleanup;
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
pub async fn fetch_text(_url: &str) -> Result<String, FetchError> {
    Err(FetchError::NotFound)
}
