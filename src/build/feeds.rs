//! The RSS feeds (the site's and one per category), the sitemap and robots.txt. The XML is
//! written by the `rss` crate and by quick-xml, which escape every text.

use super::pages::SitePlan;
use crate::content::time::Timestamp;
use crate::content::{Article, Category};
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use rss::extension::atom::{AtomExtension, Link};
use rss::{ChannelBuilder, Guid, ItemBuilder};

/// Articles in a feed.
pub const FEED_LENGTH: usize = 20;

/// Characters XML 1.0 forbids, even escaped: dropped rather than breaking the whole file.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|&c| (c as u32) >= 0x20 || matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

fn absolute(plan: &SitePlan, path: &str) -> String {
    format!("{}{}", plan.site.origin, path)
}

/// RSS 2.0 with the newest articles (already sorted newest first): the whole site's, or one
/// category's.
pub fn rss(plan: &SitePlan, articles: &[Article], category: Option<&Category>) -> String {
    let site = &plan.site;
    let (title, link, description, self_path) = match category {
        None => (
            site.name.clone(),
            plan.paths.home(),
            site.slogan.clone(),
            plan.paths.feed(),
        ),
        Some(category) => (
            format!("{} – {}", category.name, site.short_name),
            plan.paths.category(&category.slug, 1),
            format!(
                "Tin bài chuyên mục {} của {}.",
                category.name, site.short_name
            ),
            plan.paths.category_feed(&category.slug),
        ),
    };
    let articles: Vec<&Article> = articles
        .iter()
        .filter(|a| category.is_none_or(|c| a.category.slug == c.slug))
        .take(FEED_LENGTH)
        .collect();
    let items = articles
        .iter()
        .map(|article| {
            let link = absolute(plan, &plan.paths.article(&article.slug));
            ItemBuilder::default()
                .title(Some(xml_text(&article.title)))
                .link(Some(link.clone()))
                .guid(Some(Guid {
                    value: link,
                    permalink: true,
                }))
                .pub_date(
                    Timestamp::parse(&article.published_at)
                        .ok()
                        .map(|t| t.rfc2822()),
                )
                .categories(vec![rss::Category {
                    name: xml_text(&article.category.name),
                    domain: None,
                }])
                .description(Some(xml_text(&article.summary)))
                .build()
        })
        .collect::<Vec<_>>();
    let channel = ChannelBuilder::default()
        .title(xml_text(&title))
        .link(absolute(plan, &link))
        .description(xml_text(&description))
        .language(Some("vi".to_owned()))
        .last_build_date(
            articles
                .first()
                .and_then(|a| Timestamp::parse(&a.published_at).ok())
                .map(|t| t.rfc2822()),
        )
        .atom_ext(Some(AtomExtension {
            links: vec![Link {
                href: absolute(plan, &self_path),
                rel: "self".to_owned(),
                mime_type: Some("application/rss+xml".to_owned()),
                ..Link::default()
            }],
        }))
        .items(items)
        .build();
    let mut xml = Vec::new();
    channel
        .pretty_write_to(&mut xml, b' ', 0)
        .expect("writing to memory does not fail");
    let mut text = String::from_utf8(xml).expect("the rss crate writes UTF-8");
    text.push('\n');
    text
}

/// Every page the site links to.
pub fn sitemap(plan: &SitePlan) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 0);
    let written: quick_xml::Result<()> = (|| {
        writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        writer
            .create_element("urlset")
            .with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"))
            .write_inner_content(|urls| {
                for page in plan.pages.iter().filter(|p| p.in_sitemap) {
                    urls.create_element("url").write_inner_content(|url| {
                        url.create_element("loc")
                            .write_text_content(BytesText::new(&absolute(plan, &page.url_path)))?;
                        if let Some(lastmod) = &page.lastmod {
                            url.create_element("lastmod")
                                .write_text_content(BytesText::new(lastmod))?;
                        }
                        Ok(())
                    })?;
                }
                Ok(())
            })?;
        Ok(())
    })();
    written.expect("writing to memory does not fail");
    let mut text = String::from_utf8(writer.into_inner()).expect("quick-xml writes UTF-8");
    text.push('\n');
    text
}

pub fn robots(plan: &SitePlan) -> String {
    format!(
        "User-agent: *\nAllow: /\nDisallow: {}\n\nSitemap: {}\n",
        plan.paths.admin(),
        absolute(plan, &plan.paths.file("sitemap.xml"))
    )
}
