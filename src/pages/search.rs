use crate::api::{FetchError, Loader};
use crate::components::{ErrorPanel, Pagination, PublishedTime};
use crate::content::search::{self, DocEntry, Found, Marked, DOCS_PER_CHUNK, RESULTS_PER_PAGE};
use crate::content::time::display_date;
use crate::content::{Article, Block, Lang, Site};
use crate::meta::{self, Head, PageTitle};
use crate::navigation::drop_unnamed_submitter;
use crate::paths::{data, page_param, Paths};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;
use std::collections::BTreeMap;
use std::sync::Arc;

/// One page of search results.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchResults {
    pub query: String,
    pub total: usize,
    pub page: usize,
    pub pages: usize,
    pub items: Vec<SearchHit>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    /// Its position in the index.
    pub id: u32,
    pub slug: String,
    pub title: Marked,
    pub published_at: String,
    pub category: String,
    pub snippet: Marked,
    /// For the editors' finder: the collection of the editors' screen that lists it, if one
    /// does (see [`locate_on_screen`]).
    pub on_screen: Option<String>,
}

/// Who is searching: readers, on the site, or editors, looking for an article to open on their
/// screen (`/quan-tri/tim-bai-viet/`, "Tìm bài viết"). Both run the same search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    Readers,
    Editors,
}

impl Audience {
    /// The page's heading, and its button's word.
    fn heading(self) -> &'static str {
        match self {
            Audience::Readers => "Tìm kiếm",
            Audience::Editors => "Tìm bài viết",
        }
    }

    /// The address of a page of results for `query` (the form's own with an empty query).
    fn address(self, paths: &Paths, query: &str, page: usize) -> String {
        match self {
            Audience::Readers => paths.search(query, page),
            Audience::Editors => paths.finder(query, page),
        }
    }
}

/// Characters of text shown around the first match.
const SNIPPET_CHARS: usize = 180;

/// Runs a search: downloads the postings of the query's words, ranks, then downloads what the
/// shown page of results needs (their chunk of the article list, and each article for its
/// snippet). Nothing is fetched that another search already fetched in this visit.
pub async fn run_search(
    loader: Loader,
    query: String,
    page: usize,
) -> Result<SearchResults, FetchError> {
    let tokens = search::query_tokens(&query);
    let token_paths: Vec<String> = tokens.iter().map(|t| search::token_path(t)).collect();
    let mut postings = Vec::with_capacity(tokens.len());
    for (path, result) in token_paths
        .iter()
        .zip(loader.json_all::<Vec<u32>>(&token_paths).await)
    {
        match result {
            Ok(flat) => postings.push(search::decode_postings(&flat)),
            // A word no article contains: nothing can match every word.
            Err(FetchError::NotFound) => {
                loader.remember(path, "[]");
                postings.push(Vec::new());
            }
            Err(error) => return Err(error),
        }
    }
    let ranked = search::rank(&postings);
    let pages = ranked.len().div_ceil(RESULTS_PER_PAGE).max(1);
    let page = page.clamp(1, pages);
    let shown: Vec<u32> = ranked
        .iter()
        .skip((page - 1) * RESULTS_PER_PAGE)
        .take(RESULTS_PER_PAGE)
        .copied()
        .collect();

    let mut chunks: BTreeMap<String, Arc<Vec<DocEntry>>> = BTreeMap::new();
    for id in &shown {
        let path = search::chunk_path(*id);
        if !chunks.contains_key(&path) {
            let chunk = loader.json::<Vec<DocEntry>>(&path).await?;
            chunks.insert(path, chunk);
        }
    }
    let entries: Vec<(u32, DocEntry)> = shown
        .iter()
        .filter_map(|&id| {
            chunks[&search::chunk_path(id)]
                .get(id as usize % DOCS_PER_CHUNK)
                .map(|entry| (id, entry.clone()))
        })
        .collect();
    // Articles give their snippet from their text; a document's or a page's entry says all it
    // has.
    let is_article = |slug: &str| matches!(Found::of(slug), Found::Article(_));
    let article_paths: Vec<String> = entries
        .iter()
        .filter(|(_, (slug, ..))| is_article(slug))
        .map(|(_, (slug, ..))| data::article(slug))
        .collect();
    let articles = loader
        .json_all::<crate::api::DataFile<Article>>(&article_paths)
        .await;
    let mut articles = articles.into_iter();
    let items = entries
        .into_iter()
        .map(|(id, (slug, title, published_at, category))| {
            let snippet = if is_article(&slug) {
                articles
                    .next()
                    .and_then(Result::ok)
                    .and_then(|file| best_snippet(&file.data, &tokens))
                    .unwrap_or_default()
            } else {
                Marked::new()
            };
            SearchHit {
                id,
                title: search::highlight(&title, &tokens),
                snippet,
                slug,
                published_at,
                category,
                on_screen: None,
            }
        })
        .collect();
    Ok(SearchResults {
        query,
        total: ranked.len(),
        page,
        pages,
        items,
    })
}

/// Finds which collection of the editors' screen lists each result, from the files the build
/// writes beside the screen for the finder.
pub async fn locate_on_screen(
    loader: &Loader,
    results: &mut SearchResults,
) -> Result<(), FetchError> {
    for hit in &mut results.items {
        let collections = loader
            .json::<Vec<Option<String>>>(&search::screen_chunk_path(hit.id))
            .await?;
        hit.on_screen = collections
            .get(hit.id as usize % DOCS_PER_CHUNK)
            .cloned()
            .flatten();
    }
    Ok(())
}

/// The passage to show: from the summary when it matches, else from the first paragraph,
/// heading or caption that does, else the start of the summary.
fn best_snippet(article: &Article, tokens: &[String]) -> Option<Marked> {
    let texts =
        std::iter::once(article.summary.as_str()).chain(article.body.iter().flat_map(Block::texts));
    let mut texts = texts.filter(|t| !t.is_empty());
    texts
        .clone()
        .find_map(|text| search::snippet(text, tokens, SNIPPET_CHARS))
        .or_else(|| {
            texts.next().map(|text| {
                vec![(
                    crate::content::text::cut_at_word(text, SNIPPET_CHARS),
                    false,
                )]
            })
        })
}

/// What the search page shows for the address's query.
#[derive(Clone)]
enum Outcome {
    /// No query yet: how to search.
    Prompt,
    /// A query without one word the index could hold.
    NoWords,
    Found(Arc<SearchResults>),
}

/// What to type, before a search.
const PROMPT: &str =
    "Nhập từ khóa rồi bấm Tìm kiếm. Có thể gõ không dấu: “co do” tìm được “Cờ Đỏ”.";
/// 40: `search::MAX_TOKEN_CHARS`; longer words are not indexed.
const NO_WORDS: &str =
    "Từ khóa cần có ít nhất một từ gồm chữ cái hoặc chữ số, dài không quá 40 ký tự.";
const SEARCHING: &str = "Đang tìm…";

/// `/tim-kiem/?q=…&trang=…`: search results, at an address that can be shared and reloaded.
#[component]
pub fn SearchPage() -> impl IntoView {
    view! { <Search audience=Audience::Readers/> }
}

/// `/quan-tri/tim-bai-viet/?q=…`: "Tìm bài viết", the editors' way to an article of an archive
/// of 25,000 on their screen, which lists a year at a time and whose own search reads every
/// entry. The site's search, each result opening the article on the screen.
#[component]
pub fn FinderPage() -> impl IntoView {
    view! { <Search audience=Audience::Editors/> }
}

/// The search page of either audience.
///
/// The results load through a `LocalResource`: the static page is written without a query,
/// showing how to search, and the browser runs the search once the app has taken the page over
/// (until then the resource is pending, as it was in the build, so the page hydrates as
/// written). The form is leptos_router's `<Form>`: within the app it moves to the results'
/// address, without JavaScript the browser submits it there.
#[component]
fn Search(audience: Audience) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let site = expect_context::<Arc<Site>>();
    let loader = Loader::from_context();
    let query_map = use_query_map();
    let query = Memo::new(move |_| query_map.read().get("q").unwrap_or_default());
    let page = Memo::new(move |_| page_param(query_map.read().get("trang")).unwrap_or(1));
    let outcome = LocalResource::new(move || {
        let (query, page, loader) = (query.get(), page.get(), loader.clone());
        async move {
            if query.trim().is_empty() {
                Ok(Outcome::Prompt)
            } else if search::query_tokens(&query).is_empty() {
                Ok(Outcome::NoWords)
            } else {
                let mut results = run_search(loader.clone(), query, page).await?;
                if audience == Audience::Editors {
                    locate_on_screen(&loader, &mut results).await?;
                }
                Ok::<_, FetchError>(Outcome::Found(Arc::new(results)))
            }
        }
    });
    // Set once the app runs (effects never run in the build): until then the page shows what
    // the build wrote, the prompt.
    let running = RwSignal::new(false);
    Effect::new(move |_| running.set(true));
    let searching = move || running.get() && !query.read().trim().is_empty();

    let retry = Callback::new(move |()| outcome.refetch());
    // One short announcement per search, not the whole list of results.
    let announcement = move || match outcome.get() {
        None if searching() => SEARCHING.to_owned(),
        Some(Ok(Outcome::Found(results))) if results.total == 0 => {
            "Không tìm thấy bài viết nào.".to_owned()
        }
        Some(Ok(Outcome::Found(results))) => format!("Tìm thấy {} kết quả.", results.total),
        Some(Err(error)) => error.to_string(),
        _ => String::new(),
    };
    let waiting = move || {
        let (text, busy) = if searching() {
            (SEARCHING, Some("true"))
        } else {
            (PROMPT, None)
        };
        view! { <p class="search__message" aria-busy=busy>{text}</p> }
    };
    let results = move || {
        Suspend::new(async move {
            match outcome.await {
                Ok(Outcome::Prompt) => {
                    EitherOf3::A(view! { <p class="search__message">{PROMPT}</p> })
                }
                Ok(Outcome::NoWords) => {
                    EitherOf3::A(view! { <p class="search__message">{NO_WORDS}</p> })
                }
                Ok(Outcome::Found(results)) => {
                    EitherOf3::B(view! { <ResultList results audience/> })
                }
                Err(error) => EitherOf3::C(view! { <ErrorPanel error retry/> }),
            }
        })
    };
    let heading = audience.heading();
    let action = audience.address(&paths, "", 1);
    let (head, to_screen) = match audience {
        Audience::Readers => (meta::search(&site, &paths, ""), None),
        Audience::Editors => (
            // The build marks it "noindex", as everything beside the screen.
            meta::finder(&site, &paths),
            Some(view! {
                <p class="search__intro">
                    "Tìm trong các bài đã đăng trên trang, gõ có dấu hay không dấu đều được. Bấm vào một kết quả để mở bài trên "
                    <a href=paths.admin() rel="external" target="_top">"màn hình biên tập"</a>
                    "."
                </p>
            }),
        ),
    };
    let title = {
        let site = Arc::clone(&site);
        move || meta::search_title(&site, heading, &query.get())
    };
    view! {
        <Head meta=head/>
        <PageTitle text=title/>
        <section class="search">
            <h1 class="search__heading">{heading}</h1>
            {to_screen}
            <Form method="GET" action=action on_form_data=drop_unnamed_submitter() attr:class="search-form" attr:role="search">
                <label class="search-form__label" for="tu-khoa">"Từ khóa"</label>
                <div class="search-form__row">
                    <input
                        id="tu-khoa"
                        class="search-form__input"
                        type="search"
                        name="q"
                        autocomplete="off"
                        enterkeyhint="search"
                        // The box's default, not its value: what a reader typed before the
                        // app started is left as it is, and a box not typed in shows the
                        // address's query.
                        prop:defaultValue=move || query.get()
                    />
                    <button class="button" type="submit">{heading}</button>
                </div>
            </Form>
            <p class="visually-hidden" role="status">{announcement}</p>
            <div class="search__results">
                <Suspense fallback=waiting>{results}</Suspense>
            </div>
        </section>
    }
}

fn marked_view(parts: Marked) -> impl IntoView {
    parts
        .into_iter()
        .map(|(text, marked)| {
            if marked {
                Either::Left(view! { <mark>{text}</mark> })
            } else {
                Either::Right(text)
            }
        })
        .collect_view()
}

#[component]
fn ResultList(results: Arc<SearchResults>, audience: Audience) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let loader = Loader::from_context();
    let query = results.query.trim().to_owned();
    if results.total == 0 {
        return Either::Left(view! {
            <div class="search__none">
                <p class="search__message">
                    "Không tìm thấy bài viết nào có đủ các từ “" {query} "”."
                </p>
                <ul class="search__tips">
                    <li>"Kiểm tra lại chính tả, hoặc gõ không dấu."</li>
                    <li>"Bớt từ: chỉ những bài có đủ mọi từ mới được liệt kê."</li>
                    <li>"Thử một từ khác cùng nghĩa."</li>
                </ul>
            </div>
        });
    }
    let count = format!("Tìm thấy {} kết quả cho “{}”", results.total, query);
    let first = (results.page - 1) * RESULTS_PER_PAGE + 1;
    let items = results
        .items
        .iter()
        .cloned()
        .map(|hit| {
            // A document's entry: its own address, and its issue date (a day, not a time). A
            // page's: its update time, when it has one.
            let dated = !hit.published_at.is_empty();
            let (slug, href, data_path, time) = match Found::of(&hit.slug) {
                Found::Document(slug) => (
                    slug,
                    paths.document(slug),
                    data::document(slug),
                    EitherOf3::A(view! {
                        <time datetime=hit.published_at.clone()>{display_date(&hit.published_at)}</time>
                    }),
                ),
                // A procedure has no date.
                Found::Procedure(slug) => (
                    slug,
                    paths.procedure(slug),
                    data::procedure(slug),
                    EitherOf3::C(None),
                ),
                Found::Task(slug) => (
                    slug,
                    paths.task(slug),
                    data::task(slug),
                    EitherOf3::C(None),
                ),
                Found::Leader(slug) => (
                    slug,
                    paths.leader(Lang::Vi, slug),
                    data::organisation(Lang::Vi),
                    EitherOf3::C(None),
                ),
                Found::Article(slug) => (
                    slug,
                    paths.article(slug),
                    data::article(slug),
                    EitherOf3::B(view! { <PublishedTime at=hit.published_at.clone()/> }),
                ),
                Found::Page(lang, slug) => (
                    slug,
                    paths.page_in(lang, slug),
                    data::page_in(lang, slug),
                    EitherOf3::C(dated.then(|| view! { <PublishedTime at=hit.published_at.clone()/> })),
                ),
            };
            // Readers go to the page, within the app; editors to the screen, a page of its own
            // (`rel="external"` keeps the router out of it), when it lists the file. The screen
            // shows the finder in a frame over itself: `target="_top"` moves that screen to the
            // article, a change of its address's fragment that Decap follows without starting
            // again.
            let (href, rel, target, prefetch) = match audience {
                Audience::Readers => (Some(href), None, None, Some(loader.prefetcher(data_path))),
                Audience::Editors => (
                    hit.on_screen.as_ref().map(|c| paths.on_screen(c, slug)),
                    Some("external"),
                    Some("_top"),
                    None,
                ),
            };
            let not_on_screen = (audience == Audience::Editors && href.is_none()).then_some(
                " (tệp nằm ngoài các thư mục của màn hình biên tập)",
            );
            let prefetch = move |_| {
                if let Some(prefetch) = &prefetch {
                    prefetch();
                }
            };
            view! {
                <li class="result">
                    <h2 class="result__title">
                        <a class="result__link" href=href rel=rel target=target on:pointerenter=prefetch>
                            {marked_view(hit.title)}
                        </a>
                        {not_on_screen.map(|note| view! { <span class="result__note">{note}</span> })}
                    </h2>
                    <p class="result__meta">
                        <span class="result__category">{hit.category}</span>
                        {dated.then(|| view! { <span aria-hidden="true">" · "</span> })}
                        {time}
                    </p>
                    <p class="result__snippet">{marked_view(hit.snippet)}</p>
                </li>
            }
        })
        .collect_view();
    let href = {
        let query = results.query.clone();
        move |n: usize| audience.address(&paths, &query, n)
    };
    Either::Right(view! {
        <p class="search__count">{count}</p>
        <ol class="search__list" start=first>{items}</ol>
        <Pagination current=results.page total=results.pages href/>
    })
}
