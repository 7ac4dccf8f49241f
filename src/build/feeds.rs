//! The RSS feed, the sitemap and robots.txt.

use super::pages::SitePlan;
use crate::content::time::Timestamp;
use crate::content::Article;

/// Articles in the feed.
pub const FEED_LENGTH: usize = 20;

pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped rather than breaking the whole feed.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

fn absolute(plan: &SitePlan, path: &str) -> String {
    format!("{}{}", plan.site.origin, path)
}

/// RSS 2.0 with the newest articles (already sorted newest first).
pub fn rss(plan: &SitePlan, articles: &[Article]) -> String {
    let site = &plan.site;
    let home = absolute(plan, &plan.paths.home());
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
    xml.push_str(&format!("<title>{}</title>\n", xml_escape(&site.name)));
    xml.push_str(&format!("<link>{}</link>\n", xml_escape(&home)));
    xml.push_str(&format!(
        "<description>{}</description>\n",
        xml_escape(&site.slogan)
    ));
    xml.push_str("<language>vi</language>\n");
    xml.push_str(&format!(
        "<atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        xml_escape(&absolute(plan, &plan.paths.file("feed.xml")))
    ));
    if let Some(newest) = articles
        .first()
        .and_then(|a| Timestamp::parse(&a.published_at).ok())
    {
        xml.push_str(&format!(
            "<lastBuildDate>{}</lastBuildDate>\n",
            newest.rfc822()
        ));
    }
    for article in articles.iter().take(FEED_LENGTH) {
        let link = xml_escape(&absolute(plan, &plan.paths.article(&article.slug)));
        xml.push_str("<item>\n");
        xml.push_str(&format!("<title>{}</title>\n", xml_escape(&article.title)));
        xml.push_str(&format!(
            "<link>{link}</link>\n<guid isPermaLink=\"true\">{link}</guid>\n"
        ));
        if let Ok(published) = Timestamp::parse(&article.published_at) {
            xml.push_str(&format!("<pubDate>{}</pubDate>\n", published.rfc822()));
        }
        xml.push_str(&format!(
            "<category>{}</category>\n",
            xml_escape(&article.category.name)
        ));
        xml.push_str(&format!(
            "<description>{}</description>\n",
            xml_escape(&article.summary)
        ));
        xml.push_str("</item>\n");
    }
    xml.push_str("</channel>\n</rss>\n");
    xml
}

/// Every page the site links to.
pub fn sitemap(plan: &SitePlan) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for page in plan.pages.iter().filter(|p| p.in_sitemap) {
        xml.push_str(&format!(
            "<url><loc>{}</loc>",
            xml_escape(&absolute(plan, &page.url_path))
        ));
        if let Some(lastmod) = &page.lastmod {
            xml.push_str(&format!("<lastmod>{}</lastmod>", xml_escape(lastmod)));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

pub fn robots(plan: &SitePlan) -> String {
    format!(
        "User-agent: *\nAllow: /\nDisallow: {}\n\nSitemap: {}\n",
        plan.paths.admin(),
        absolute(plan, &plan.paths.file("sitemap.xml"))
    )
}
