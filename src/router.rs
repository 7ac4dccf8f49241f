//! The app's own router: the address as a signal, the routes, and which links open in the app.
//!
//! The site has six fixed routes, so matching is one `match` on the path's segments. Measured,
//! this replaced `leptos_router`, whose generic matching, components and hooks weighed more than
//! the whole budget left for our own code (see README, "Measurements").

use crate::api::Paths;
use leptos::prelude::*;

/// Where the reader is: what `window.location` says, without the fragment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// The full path, the site's base included: `/tin-tuc/bai-viet/x/`.
    pub pathname: String,
    /// The query string without its `?`.
    pub search: String,
}

impl Location {
    /// Splits `path?query#fragment`.
    pub fn from_url(url: &str) -> Self {
        let url = url.split('#').next().unwrap_or_default();
        let (pathname, search) = url.split_once('?').unwrap_or((url, ""));
        Location {
            pathname: pathname.to_owned(),
            search: search.to_owned(),
        }
    }

    /// The decoded value of the first `key=value` pair in the query.
    pub fn query(&self, key: &str) -> Option<String> {
        self.search
            .split('&')
            .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
            .find(|(k, _)| decode_query_value(k) == key)
            .map(|(_, value)| decode_query_value(value))
    }
}

/// Decodes a query-string value: `+` is a space, `%XX` a byte of UTF-8. Malformed escapes are
/// kept as typed, and invalid UTF-8 becomes U+FFFD, as browsers do.
pub fn decode_query_value(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match (hex_value(bytes[i + 1]), hex_value(bytes[i + 2])) {
                    (Some(high), Some(low)) => {
                        out.push(high << 4 | low);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// The pages of the site, with the parts of the path they take. Parameters stay raw text:
/// each page decides what a valid one is (and shows "not found" for the rest).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/` and `/trang/<n>/`.
    Home {
        page: Option<String>,
    },
    /// `/chuyen-muc/<slug>/` and `/chuyen-muc/<slug>/trang/<n>/`.
    Category {
        slug: String,
        page: Option<String>,
    },
    /// `/bai-viet/<slug>/`.
    Article {
        slug: String,
    },
    /// `/tim-kiem/?q=…`.
    Search,
    /// `/mau-giao-dien/`.
    StyleGuide,
    NotFound,
}

/// Which page a route shows, without its parameters: moving between two articles keeps the
/// article page and only changes its slug.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    Home,
    Category,
    Article,
    Search,
    StyleGuide,
    NotFound,
}

impl Route {
    /// Matches a full path (base included); a path outside the base is not found.
    pub fn parse(paths: &Paths, pathname: &str) -> Route {
        let Some(below) = paths.below_base(pathname) else {
            return Route::NotFound;
        };
        let trimmed = below.trim_matches('/');
        let segments: Vec<&str> = if trimmed.is_empty() {
            Vec::new()
        } else {
            trimmed.split('/').collect()
        };
        if segments.iter().any(|s| s.is_empty()) {
            return Route::NotFound;
        }
        let text = |s: &str| s.to_owned();
        match segments.as_slice() {
            [] => Route::Home { page: None },
            ["trang", page] => Route::Home {
                page: Some(text(page)),
            },
            ["chuyen-muc", slug] => Route::Category {
                slug: text(slug),
                page: None,
            },
            ["chuyen-muc", slug, "trang", page] => Route::Category {
                slug: text(slug),
                page: Some(text(page)),
            },
            ["bai-viet", slug] => Route::Article { slug: text(slug) },
            ["tim-kiem"] => Route::Search,
            ["mau-giao-dien"] => Route::StyleGuide,
            _ => Route::NotFound,
        }
    }

    /// Pages the build writes but the app never shows: the browser loads them as documents.
    /// The style guide is one, so that its samples of every component cost the app nothing.
    pub fn is_static_only(&self) -> bool {
        matches!(self, Route::StyleGuide)
    }

    pub fn kind(&self) -> PageKind {
        match self {
            Route::Home { .. } => PageKind::Home,
            Route::Category { .. } => PageKind::Category,
            Route::Article { .. } => PageKind::Article,
            Route::Search => PageKind::Search,
            Route::StyleGuide => PageKind::StyleGuide,
            Route::NotFound => PageKind::NotFound,
        }
    }
}

/// The router in context: the address and its route. Copy it into closures.
#[derive(Clone, Copy)]
pub struct Router {
    location: RwSignal<Location>,
    route: Memo<Route>,
}

impl Router {
    /// Routes from `location` and provides the router. The build renders each page from its
    /// own address; in the browser, the islands that read the address (the search) share the
    /// navigation's own signal, which Back, Forward and every in-app link move.
    pub fn provide(location: RwSignal<Location>) -> Router {
        let paths = expect_context::<Paths>();
        let route = Memo::new(move |_| Route::parse(&paths, &location.read().pathname));
        let router = Router { location, route };
        provide_context(router);
        router
    }

    pub fn location(&self) -> RwSignal<Location> {
        self.location
    }

    pub fn route(&self) -> Memo<Route> {
        self.route
    }
}

/// The router the app provided.
pub fn use_router() -> Router {
    expect_context::<Router>()
}

/// What the router needs to know of a clicked link.
#[derive(Clone, Copy, Debug, Default)]
pub struct Link<'a> {
    /// The link's address has the page's scheme, host and port.
    pub same_origin: bool,
    /// The resolved address's path, query (without `?`) and fragment (without `#`).
    pub pathname: &'a str,
    pub search: &'a str,
    pub hash: &'a str,
    pub target: &'a str,
    pub rel: &'a str,
    pub download: bool,
    /// Ctrl, Shift, Alt or Meta held, or not the main button: a new tab or window.
    pub modified: bool,
}

/// The address a click on `link` opens within the app, or `None` when the browser should
/// handle it: new tabs and windows, downloads, other sites, links marked `rel="external"`,
/// static-only pages, files (`feed.xml`, photos), and a place on the page already shown.
pub fn in_app_url(paths: &Paths, here: &Location, link: &Link) -> Option<String> {
    let other_window = !matches!(link.target, "" | "_self");
    let external = link.rel.split_ascii_whitespace().any(|r| r == "external");
    if link.modified || link.download || other_window || external || !link.same_origin {
        return None;
    }
    paths.below_base(link.pathname)?;
    let route = Route::parse(paths, link.pathname);
    let is_file = route == Route::NotFound
        && link
            .pathname
            .rsplit('/')
            .next()
            .is_some_and(|last| last.contains('.'));
    if route.is_static_only() || is_file {
        return None;
    }
    let same_page = link.pathname == here.pathname && link.search == here.search;
    if same_page && !link.hash.is_empty() {
        return None;
    }
    let mut url = link.pathname.to_owned();
    if !link.search.is_empty() {
        url.push('?');
        url.push_str(link.search);
    }
    if !link.hash.is_empty() {
        url.push('#');
        url.push_str(link.hash);
    }
    Some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_match_the_site_paths_with_or_without_a_trailing_slash() {
        let paths = Paths::new("/");
        let parse = |p: &str| Route::parse(&paths, p);
        assert_eq!(parse("/"), Route::Home { page: None });
        assert_eq!(
            parse("/trang/2/"),
            Route::Home {
                page: Some("2".into())
            }
        );
        assert_eq!(
            parse("/chuyen-muc/thong-bao"),
            Route::Category {
                slug: "thong-bao".into(),
                page: None
            }
        );
        assert_eq!(
            parse("/chuyen-muc/thong-bao/trang/3/"),
            Route::Category {
                slug: "thong-bao".into(),
                page: Some("3".into())
            }
        );
        assert_eq!(
            parse("/bai-viet/co-do/"),
            Route::Article {
                slug: "co-do".into()
            }
        );
        assert_eq!(parse("/tim-kiem/"), Route::Search);
        assert_eq!(parse("/mau-giao-dien"), Route::StyleGuide);
        assert!(parse("/mau-giao-dien/").is_static_only());
        assert!(!parse("/tim-kiem/").is_static_only());
        for missing in [
            "/bai-viet/",
            "/bai-viet/a/b/",
            "/trang/",
            "/khac/",
            "/bai-viet//x/",
        ] {
            assert_eq!(parse(missing), Route::NotFound, "{missing}");
        }
    }

    #[test]
    fn routes_below_a_sub_path_need_the_sub_path() {
        let paths = Paths::new("/tin-tuc/");
        assert_eq!(
            Route::parse(&paths, "/tin-tuc/"),
            Route::Home { page: None }
        );
        assert_eq!(Route::parse(&paths, "/tin-tuc"), Route::Home { page: None });
        assert_eq!(
            Route::parse(&paths, "/tin-tuc/bai-viet/a/"),
            Route::Article { slug: "a".into() }
        );
        assert_eq!(Route::parse(&paths, "/bai-viet/a/"), Route::NotFound);
        assert_eq!(Route::parse(&paths, "/tin-tucx/"), Route::NotFound);
    }

    /// A plain link on this site to `pathname`.
    fn link(pathname: &str) -> Link<'_> {
        Link {
            same_origin: true,
            pathname,
            ..Link::default()
        }
    }

    #[test]
    fn links_within_the_site_open_in_the_app_and_the_rest_in_the_browser() {
        let paths = Paths::new("/");
        let here = Location::from_url("/bai-viet/a/");
        let open = |link: Link| in_app_url(&paths, &here, &link);
        assert_eq!(
            open(link("/chuyen-muc/thong-bao/")).as_deref(),
            Some("/chuyen-muc/thong-bao/")
        );
        assert_eq!(
            open(Link {
                search: "q=co+do",
                hash: "ket-qua",
                ..link("/tim-kiem/")
            })
            .as_deref(),
            Some("/tim-kiem/?q=co+do#ket-qua")
        );
        // The page already shown opens in the app (no second history entry: see navigate).
        assert_eq!(open(link("/bai-viet/a/")).as_deref(), Some("/bai-viet/a/"));
        // Left to the browser.
        let browser = [
            Link {
                modified: true,
                ..link("/")
            },
            Link {
                download: true,
                ..link("/")
            },
            Link {
                target: "_blank",
                ..link("/")
            },
            Link {
                rel: "noopener external",
                ..link("/feed.xml")
            },
            Link {
                same_origin: false,
                ..link("/")
            },
            Link {
                hash: "tin-lien-quan",
                ..link("/bai-viet/a/")
            },
            link("/feed.xml"),
            link("/content/anh/ab-960.jpg"),
            link("/mau-giao-dien/"),
        ];
        for link in browser {
            assert_eq!(open(link), None, "{link:?}");
        }
        assert_eq!(
            open(Link {
                target: "_self",
                ..link("/")
            })
            .as_deref(),
            Some("/")
        );
    }

    #[test]
    fn links_outside_a_sub_path_are_left_to_the_browser() {
        let paths = Paths::new("/tin-tuc/");
        let here = Location::from_url("/tin-tuc/");
        assert_eq!(in_app_url(&paths, &here, &link("/khac/")), None);
        assert_eq!(
            in_app_url(&paths, &here, &link("/tin-tuc/bai-viet/a/")).as_deref(),
            Some("/tin-tuc/bai-viet/a/")
        );
    }

    #[test]
    fn query_values_are_decoded() {
        let location = Location::from_url("/tim-kiem/?q=c%E1%BB%9D+%C4%91%E1%BB%8F&trang=2#x");
        assert_eq!(location.pathname, "/tim-kiem/");
        assert_eq!(location.query("q").as_deref(), Some("cờ đỏ"));
        assert_eq!(location.query("trang").as_deref(), Some("2"));
        assert_eq!(location.query("khac"), None);
        assert_eq!(decode_query_value("100%"), "100%");
        assert_eq!(decode_query_value("%zz%4"), "%zz%4");
        assert_eq!(decode_query_value("%FF"), "\u{FFFD}");
    }

    #[test]
    fn query_decoding_undoes_the_app_encoding() {
        for text in ["Cần Thơ", "a&b=c", "100% + 1", "đổi mới/sáng tạo?"] {
            let encoded = crate::api::encode_query_value(text);
            let location = Location::from_url(&format!("/tim-kiem/?q={encoded}"));
            assert_eq!(location.query("q").as_deref(), Some(text));
        }
    }
}
