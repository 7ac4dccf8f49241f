//! The site's addresses: every link a page shows and every data file the app reads is built
//! here, below the site's base, so that a build with `--public-url /tin-tuc/` works under that
//! prefix. The route table in `app.rs` reads these same addresses back: `tests/routes.rs`
//! builds one of each kind here and renders it through the table, and fails on a route without
//! a case.

use crate::content::tasks::TaskFilter;
use crate::content::Lang;

/// The folder of the editors' screen, below the site's base.
pub const ADMIN_FOLDER: &str = "quan-tri";

/// Where the site lives.
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

    /// The editors' screen (Decap CMS): never linked from a public page.
    pub fn admin(&self) -> String {
        self.file(&format!("{ADMIN_FOLDER}/"))
    }

    pub fn article(&self, slug: &str) -> String {
        self.file(&format!("bai-viet/{slug}/"))
    }

    /// The documents' listing, filtered by kind and by year or not: `/van-ban/`,
    /// `/van-ban/loai/quyet-dinh/nam/2024/trang/2/`.
    pub fn documents(&self, kind: Option<&str>, year: Option<u16>, page: usize) -> String {
        let mut path = String::from("van-ban/");
        if let Some(kind) = kind {
            path.push_str(&format!("loai/{kind}/"));
        }
        if let Some(year) = year {
            path.push_str(&format!("nam/{year}/"));
        }
        if page > 1 {
            path.push_str(&format!("trang/{page}/"));
        }
        self.file(&path)
    }

    pub fn document(&self, slug: &str) -> String {
        self.file(&format!("van-ban/{slug}/"))
    }

    /// The administrative procedures, all or one field's: `/thu-tuc-hanh-chinh/`,
    /// `/thu-tuc-hanh-chinh/linh-vuc/khoa-hoc-va-cong-nghe/`.
    pub fn procedures(&self, field: Option<&str>) -> String {
        match field {
            Some(field) => self.file(&format!("thu-tuc-hanh-chinh/linh-vuc/{field}/")),
            None => self.file("thu-tuc-hanh-chinh/"),
        }
    }

    pub fn procedure(&self, slug: &str) -> String {
        self.file(&format!("thu-tuc-hanh-chinh/{slug}/"))
    }

    /// The science and technology tasks, filtered or not:
    /// `/nhiem-vu/trang-thai/da-nghiem-thu/linh-vuc/nong-nghiep/nam/2023/trang/2/`.
    pub fn tasks(&self, filter: &TaskFilter, page: usize) -> String {
        self.file(&format!("nhiem-vu/{}", filter.segments(page)))
    }

    pub fn task(&self, slug: &str) -> String {
        self.file(&format!("nhiem-vu/{slug}/"))
    }

    /// The organisation, in either language: `/to-chuc/`, `/en/organisation/`.
    pub fn organisation(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.file("to-chuc/"),
            Lang::En => self.file("en/organisation/"),
        }
    }

    /// A leader's page: `/to-chuc/nguyen-van-a/`, `/en/organisation/nguyen-van-a/`.
    pub fn leader(&self, lang: Lang, slug: &str) -> String {
        format!("{}{slug}/", self.organisation(lang))
    }

    /// A page of `pages/`, at the site's top level: `/gioi-thieu/`.
    pub fn info_page(&self, slug: &str) -> String {
        self.file(&format!("{slug}/"))
    }

    /// A page of one language's section: `/gioi-thieu/`, `/en/about/`.
    pub fn page_in(&self, lang: Lang, slug: &str) -> String {
        match lang {
            Lang::Vi => self.info_page(slug),
            Lang::En => self.file(&format!("en/{slug}/")),
        }
    }

    /// A section's home: the news listing, or the English section's list of pages.
    pub fn home_in(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.home(),
            Lang::En => self.file("en/"),
        }
    }

    /// The language of the page at `pathname` (base included): English below `/en/`.
    pub fn lang_of(&self, pathname: &str) -> Lang {
        let below = pathname
            .strip_prefix(self.base.as_str())
            .unwrap_or(pathname);
        if below == "en" || below.starts_with("en/") {
            Lang::En
        } else {
            Lang::Vi
        }
    }

    /// The search results page; `page` 1 is left out of the URL.
    pub fn search(&self, query: &str, page: usize) -> String {
        with_query(self.file("tim-kiem/"), query, page)
    }

    /// "Tìm bài viết", the editors' finder beside their screen: the same search, each result
    /// opening the article on the screen.
    pub fn finder(&self, query: &str, page: usize) -> String {
        with_query(
            self.file(&format!("{ADMIN_FOLDER}/tim-bai-viet/")),
            query,
            page,
        )
    }

    /// An entry on the editors' screen (Decap's own address of it, after `#/`).
    pub fn on_screen(&self, collection: &str, entry: &str) -> String {
        format!("{}#/collections/{collection}/entries/{entry}", self.admin())
    }

    pub fn style_guide(&self) -> String {
        self.file("mau-giao-dien/")
    }

    /// The page a static host shows for addresses it does not have.
    pub fn not_found(&self) -> String {
        self.file("404.html")
    }

    pub fn feed(&self) -> String {
        self.file("feed.xml")
    }

    /// One category's feed, next to its page.
    pub fn category_feed(&self, slug: &str) -> String {
        self.file(&format!("chuyen-muc/{slug}/feed.xml"))
    }
}

/// `url` with the query `q` and, past the first, the page `trang`.
fn with_query(mut url: String, query: &str, page: usize) -> String {
    let query = query.trim();
    if !query.is_empty() {
        let mut pairs = form_urlencoded::Serializer::new(String::new());
        pairs.append_pair("q", query);
        if page > 1 {
            pairs.append_pair("trang", &page.to_string());
        }
        url.push('?');
        url.push_str(&pairs.finish());
    }
    url
}

/// Percent-encodes a value for a query string (UTF-8, spaces as `+`).
pub fn encode_query_value(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// "Góp ý" on an article: a message to the department's `email`, the article's title in its
/// subject and its address in its body. RFC 6068 wants spaces as `%20`: a `+` would reach the
/// reader as a plus sign. form_urlencoded writes a space as `+` and a plus sign as `%2B`, so
/// every `+` it writes is a space.
pub fn feedback_mailto(email: &str, title: &str, url: &str) -> String {
    let encode = |text: &str| encode_query_value(text).replace('+', "%20");
    let subject = format!("Góp ý về bài viết: {title}");
    let body = format!("Bài viết: {url}\r\n\r\nÝ kiến của tôi:\r\n");
    format!(
        "mailto:{}?subject={}&body={}",
        email.trim(),
        encode(&subject),
        encode(&body)
    )
}

/// A slug from a route parameter, if it can be one; anything else is no page at all.
pub fn slug_param(raw: Option<String>) -> Option<String> {
    raw.filter(|slug| crate::content::bundle::slug_problem(slug).is_none())
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

/// The data files the build writes and the app reads, relative to the site root: one per
/// listing page and per article, each a [`crate::api::DataFile`].
pub mod data {
    use crate::content::tasks::TaskFilter;

    pub fn home_page(page: usize) -> String {
        format!("data/trang/{page}.json")
    }

    pub fn category_page(slug: &str, page: usize) -> String {
        format!("data/chuyen-muc/{slug}/{page}.json")
    }

    pub fn article(slug: &str) -> String {
        format!("data/bai-viet/{slug}.json")
    }

    pub fn info_page(slug: &str) -> String {
        format!("data/trang-thong-tin/{slug}.json")
    }

    /// A page of either language's section.
    pub fn page_in(lang: super::Lang, slug: &str) -> String {
        match lang {
            super::Lang::Vi => info_page(slug),
            super::Lang::En => format!("data/en/{slug}.json"),
        }
    }

    /// A page of the documents' listing; `tat-ca` (all) where a filter is not chosen.
    pub fn documents(kind: Option<&str>, year: Option<u16>, page: usize) -> String {
        let year = year.map_or_else(|| "tat-ca".to_owned(), |y| y.to_string());
        format!(
            "data/van-ban/danh-sach/{}/{year}/{page}.json",
            kind.unwrap_or("tat-ca")
        )
    }

    pub fn document(slug: &str) -> String {
        format!("data/van-ban/{slug}.json")
    }

    /// The procedures' listing; `tat-ca` (all) where no field is chosen.
    pub fn procedures(field: Option<&str>) -> String {
        format!("data/thu-tuc/danh-sach/{}.json", field.unwrap_or("tat-ca"))
    }

    pub fn procedure(slug: &str) -> String {
        format!("data/thu-tuc/{slug}.json")
    }

    /// The organisation in one language, its leaders' pages included.
    pub fn organisation(lang: super::Lang) -> String {
        format!("data/to-chuc/{}.json", lang.code())
    }

    /// A page of the tasks' listing; `tat-ca` (all) where a filter is not chosen.
    pub fn tasks(filter: &TaskFilter, page: usize) -> String {
        let all = || "tat-ca".to_owned();
        format!(
            "data/nhiem-vu/danh-sach/{}/{}/{}/{page}.json",
            filter.status.map_or_else(all, |s| s.code().to_owned()),
            filter.field.clone().unwrap_or_else(all),
            filter.year.map_or_else(all, |y| y.to_string()),
        )
    }

    pub fn task(slug: &str) -> String {
        format!("data/nhiem-vu/{slug}.json")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_follow_the_public_url() {
        let root = Paths::new("/");
        assert_eq!(root.article("tin-a"), "/bai-viet/tin-a/");
        assert_eq!(root.home_page(1), "/");
        assert_eq!(root.home_page(3), "/trang/3/");

        let sub = Paths::new("/tin-tuc/");
        assert_eq!(sub.article("tin-a"), "/tin-tuc/bai-viet/tin-a/");
        assert_eq!(
            sub.category("thong-bao", 2),
            "/tin-tuc/chuyen-muc/thong-bao/trang/2/"
        );
        assert_eq!(sub.feed(), "/tin-tuc/feed.xml");
        assert_eq!(Paths::new("tin-tuc"), sub);
        assert_eq!(
            sub.search("Cờ đỏ & co", 1),
            "/tin-tuc/tim-kiem/?q=C%E1%BB%9D+%C4%91%E1%BB%8F+%26+co"
        );
        assert_eq!(root.search("co do", 2), "/tim-kiem/?q=co+do&trang=2");
        assert_eq!(root.search("  ", 1), "/tim-kiem/");
        assert_eq!(
            sub.finder("co do", 2),
            "/tin-tuc/quan-tri/tim-bai-viet/?q=co+do&trang=2"
        );
        assert_eq!(
            sub.on_screen("articles-2023", "tin-a"),
            "/tin-tuc/quan-tri/#/collections/articles-2023/entries/tin-a"
        );
        assert_eq!(sub.page_in(Lang::En, "about"), "/tin-tuc/en/about/");
        assert_eq!(sub.home_in(Lang::En), "/tin-tuc/en/");
    }

    #[test]
    fn the_english_section_is_below_en() {
        let sub = Paths::new("/tin-tuc/");
        assert_eq!(sub.lang_of("/tin-tuc/en/"), Lang::En);
        assert_eq!(sub.lang_of("/tin-tuc/en"), Lang::En);
        assert_eq!(sub.lang_of("/tin-tuc/en/about/"), Lang::En);
        assert_eq!(sub.lang_of("/tin-tuc/"), Lang::Vi);
        assert_eq!(sub.lang_of("/tin-tuc/encyclopedia/"), Lang::Vi);
        assert_eq!(sub.lang_of("/tin-tuc/bai-viet/en/"), Lang::Vi);
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
    fn query_values_are_form_encoded() {
        assert_eq!(encode_query_value("a b&c/đ"), "a+b%26c%2F%C4%91");
    }

    #[test]
    fn feedback_mail_carries_the_title_and_the_address() {
        let href = feedback_mailto(
            " sokhcn@cantho.gov.vn ",
            "Hội thảo & tọa đàm",
            "https://x.vn/bai-viet/a/",
        );
        assert!(href.starts_with("mailto:sokhcn@cantho.gov.vn?subject=G%C3%B3p%20%C3%BD%20"));
        assert!(
            href.contains("H%E1%BB%99i%20th%E1%BA%A3o%20%26%20t%E1%BB%8Da%20%C4%91%C3%A0m&body=")
        );
        assert!(href.contains("https%3A%2F%2Fx.vn%2Fbai-viet%2Fa%2F%0D%0A"));
        assert!(!href.contains('+') && !href.contains(' '));
        assert!(feedback_mailto("a@b.vn", "1+1", "u").contains("%3A%201%2B1&body="));
    }
}
