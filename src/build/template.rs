//! trunk's `index.html`, read once with an HTML parser (lol_html) into the parts every page
//! shares and the places where each page puts its own: its policy, its head, its app.

use super::html::ScriptKind;
use super::security::InlineAllowed;
use crate::boot::PageBoot;
use lol_html::html_content::ContentType;
use lol_html::{comments, element, text, RewriteStrSettings};
use std::cell::RefCell;
use std::rc::Rc;

/// Where leptos_meta puts the page's `<head>` entries, and where the app finds them again.
pub const HEAD_MARKER: &str = "<!--HEAD-->";
/// The id of the data block that gives the loader the address of the page's hydration data.
pub const HYDRATION_DATA_ID: &str = "khoi-dong";

/// A place in the template where each page puts something of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    /// Right after `<meta charset>`, which must come first: the `<meta>` policy.
    AfterCharset,
    /// At the start of the head, for a template without `<meta charset>`.
    HeadStart,
    /// Around each module script, the loader that starts the app: left out of pages without it.
    LoaderStart,
    LoaderEnd,
    /// The end of the head: the boot data, the share preview, leptos_meta's entries.
    HeadEnd,
    /// The start of the body: the rendered app.
    BodyStart,
}

const SLOTS: [(Slot, &str); 6] = [
    (Slot::AfterCharset, "after-charset"),
    (Slot::HeadStart, "head-start"),
    (Slot::LoaderStart, "loader-start"),
    (Slot::LoaderEnd, "loader-end"),
    (Slot::HeadEnd, "head-end"),
    (Slot::BodyStart, "body-start"),
];

/// The comment that stands for a slot in the rewritten template: ours, and refused in a template.
fn marker(slot: Slot) -> String {
    let name = SLOTS.iter().find(|(s, _)| *s == slot).map(|(_, n)| *n);
    format!("<!--site-build:{}-->", name.unwrap_or_default())
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    Html(String),
    Slot(Slot),
}

/// The template, as parts and slots.
#[derive(Clone, Debug)]
pub struct Template {
    parts: Vec<Part>,
    /// The CSS of its `<style>` elements, as written into the parts.
    styles: Vec<String>,
    /// The file name, without `_bg.wasm`, of the app trunk put in the page.
    app: Option<String>,
    served_by_trunk: bool,
    /// The `<meta>` policy, once known.
    policy: Option<String>,
}

/// What a page puts into the template.
pub struct PageParts<'a> {
    pub share_preview: &'a str,
    pub app: &'a str,
    /// For a page with the app: its boot data and the address of the data Leptos serialised.
    /// Without, the loader is left out and the browser downloads no wasm for it.
    pub start: Option<(&'a PageBoot, &'a str)>,
}

impl Template {
    /// Reads trunk's `index.html`: the placeholder `<title>` and `<html lang>` go (each page has
    /// its own), `minify` minifies the CSS of its `<style>` elements (lightningcss; release
    /// builds), and each slot is marked where the parser found its place.
    pub fn parse(html: &str, minify: bool) -> Result<Self, String> {
        #[derive(Default)]
        struct Read {
            written_by_us: bool,
            app: Option<String>,
            served_by_trunk: bool,
            styles: Vec<String>,
            style_text: String,
            loader_text: Option<String>,
        }
        let read = Rc::new(RefCell::new(Read::default()));
        let (r1, r2, r3, r4, r5, r6) = (
            read.clone(),
            read.clone(),
            read.clone(),
            read.clone(),
            read.clone(),
            read.clone(),
        );
        let html_ = |slot| (marker(slot), ContentType::Html);
        let handlers = vec![
            element!("title", |el| {
                el.remove();
                Ok(())
            }),
            element!("html", |el| {
                el.remove_attribute("lang");
                Ok(())
            }),
            element!("head", move |el| {
                let (m, t) = html_(Slot::HeadStart);
                el.prepend(&m, t);
                let (m, t) = html_(Slot::HeadEnd);
                el.append(&m, t);
                Ok(())
            }),
            element!("meta[charset]", move |el| {
                let (m, t) = html_(Slot::AfterCharset);
                el.after(&m, t);
                Ok(())
            }),
            element!("body", move |el| {
                let (m, t) = html_(Slot::BodyStart);
                el.prepend(&m, t);
                Ok(())
            }),
            element!("#page-boot", move |_| {
                r1.borrow_mut().written_by_us = true;
                Ok(())
            }),
            comments!("*", move |comment| {
                if comment.text() == "HEAD" || comment.text().starts_with("site-build:") {
                    r2.borrow_mut().written_by_us = true;
                }
                Ok(())
            }),
            element!("script", move |el| {
                if ScriptKind::of(el) == ScriptKind::Module && !el.has_attribute("src") {
                    let (m, t) = html_(Slot::LoaderStart);
                    el.before(&m, t);
                    let (m, t) = html_(Slot::LoaderEnd);
                    el.after(&m, t);
                    r3.borrow_mut().loader_text = Some(String::new());
                } else {
                    r3.borrow_mut().loader_text = None;
                }
                Ok(())
            }),
            text!("script", move |chunk| {
                let mut read = r4.borrow_mut();
                // trunk serve's reload script: its text is rewritten in every response.
                if chunk.as_str().contains("{{__TRUNK_ADDRESS__}}") {
                    read.served_by_trunk = true;
                }
                if let Some(loader) = read.loader_text.as_mut() {
                    loader.push_str(chunk.as_str());
                    if chunk.last_in_text_node() {
                        let loader = std::mem::take(loader);
                        read.app = read.app.take().or_else(|| app_in_loader(&loader));
                    }
                }
                Ok(())
            }),
            element!("style", move |_| {
                r5.borrow_mut().style_text.clear();
                Ok(())
            }),
            text!("style", move |chunk| {
                let mut read = r6.borrow_mut();
                read.style_text.push_str(chunk.as_str());
                if chunk.last_in_text_node() {
                    let css = std::mem::take(&mut read.style_text);
                    let css = if minify {
                        minify_css(&css).unwrap_or(css)
                    } else {
                        css
                    };
                    // Style text is raw text: written as it is.
                    chunk.replace(&css, ContentType::Html);
                    read.styles.push(css);
                } else {
                    chunk.remove();
                }
                Ok(())
            }),
        ];
        let rewritten = lol_html::rewrite_str(
            html,
            RewriteStrSettings {
                element_content_handlers: handlers,
                ..RewriteStrSettings::new()
            },
        )
        .map_err(|e| format!("index.html không đọc được: {e}"))?;
        let read = std::mem::take(&mut *read.borrow_mut());
        if read.written_by_us {
            return Err(
                "index.html đã là một trang do site-build viết, không phải khuôn của trunk: hãy chạy qua trunk build"
                    .to_owned(),
            );
        }
        let parts = split_at_markers(&rewritten);
        for (slot, what) in [(Slot::HeadEnd, "</head>"), (Slot::BodyStart, "<body>")] {
            if !parts.contains(&Part::Slot(slot)) {
                return Err(format!("index.html không có {what}"));
            }
        }
        Ok(Template {
            parts,
            styles: read.styles,
            app: read.app,
            served_by_trunk: read.served_by_trunk,
            policy: None,
        })
    }

    /// What tells this template, with its policy, from any other: a key of everything a page
    /// takes from it.
    pub fn fingerprint(&self) -> String {
        super::store::content_key(format!("{:?}", (&self.parts, &self.policy)).as_bytes())
    }

    /// The CSS of the page's `<style>` elements: the site's own styles, as every page has
    /// them. The editors' screen shows its preview in them.
    pub fn styles(&self) -> String {
        self.styles.join("\n")
    }

    /// What tells one build of the site from another: the name of its app's file, which
    /// changes with its contents. Empty without an app.
    pub fn build_id(&self) -> String {
        self.app.clone().unwrap_or_default()
    }

    /// What the template runs and applies inline, on every page: the theme script, the loader
    /// that starts the app, the site's CSS.
    pub fn inline_allowed(&self) -> Result<InlineAllowed, String> {
        let html: String = self
            .parts
            .iter()
            .filter_map(|part| match part {
                Part::Html(html) => Some(html.as_str()),
                Part::Slot(_) => None,
            })
            .collect();
        InlineAllowed::of_page(&html)
    }

    /// Whether `trunk serve` wrote this template: it adds a script that reloads the page on
    /// every rebuild, and rewrites that script's text in every response (the server's
    /// address), so that no hash written at build time can allow it.
    pub fn served_by_trunk(&self) -> bool {
        self.served_by_trunk
    }

    /// The template with `policy` as a `<meta http-equiv>` before any script or style it
    /// governs, for hosts that send no headers.
    pub fn with_policy(mut self, policy: &str) -> Self {
        self.policy = Some(policy.to_owned());
        self
    }

    /// One page.
    pub fn fill(&self, page: &PageParts<'_>) -> String {
        let mut out = String::with_capacity(64 * 1024);
        let has_charset = self.parts.contains(&Part::Slot(Slot::AfterCharset));
        let mut in_loader = false;
        let mut first_loader = true;
        for part in &self.parts {
            match part {
                Part::Html(html) if !(in_loader && page.start.is_none()) => out.push_str(html),
                Part::Html(_) => {}
                Part::Slot(slot) => match slot {
                    Slot::AfterCharset | Slot::HeadStart => {
                        let here = (*slot == Slot::AfterCharset) == has_charset;
                        if let (true, Some(policy)) = (here, &self.policy) {
                            out.push_str(&format!(
                                "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
                                escape_attribute(policy)
                            ));
                        }
                    }
                    Slot::LoaderStart => {
                        in_loader = true;
                        // Where the page's hydration data is, for the loader (Trunk.toml's
                        // `pattern_script`) to run once the page has painted: a data block,
                        // which fetches nothing and runs nothing, so it needs no hash.
                        if let (true, Some((_, resolved_src))) = (first_loader, page.start) {
                            out.push_str(&format!(
                                "<script type=\"application/json\" id=\"{HYDRATION_DATA_ID}\">{}</script>",
                                crate::meta::script_json(
                                    &serde_json::to_string(resolved_src)
                                        .expect("a string serialises")
                                )
                            ));
                        }
                        first_loader = false;
                    }
                    Slot::LoaderEnd => in_loader = false,
                    Slot::HeadEnd => {
                        if let Some((boot, _)) = page.start {
                            out.push_str(&format!(
                                "<script type=\"application/json\" id=\"{}\">{}</script>",
                                PageBoot::ELEMENT_ID,
                                boot.to_script_json()
                            ));
                        }
                        out.push_str(page.share_preview);
                        out.push_str(HEAD_MARKER);
                    }
                    Slot::BodyStart => {
                        out.push_str(&format!("<div id=\"{}\">", crate::app::APP_ID));
                        out.push_str(page.app);
                        out.push_str("</div>");
                    }
                },
            }
        }
        out
    }
}

/// The app's file name in trunk's loader script (JavaScript: `…/<app>_bg.wasm'`).
fn app_in_loader(script: &str) -> Option<String> {
    let end = script.find("_bg.wasm")?;
    let start = script[..end]
        .rfind(['/', '\'', '"', '`'])
        .map_or(0, |i| i + 1);
    Some(script[start..end].to_owned())
}

/// The rewritten template cut at the slot markers it was given.
fn split_at_markers(html: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut rest = html;
    loop {
        let next = SLOTS
            .iter()
            .filter_map(|(slot, _)| rest.find(&marker(*slot)).map(|at| (at, *slot)))
            .min_by_key(|(at, _)| *at);
        let Some((at, slot)) = next else {
            parts.push(Part::Html(rest.to_owned()));
            return parts;
        };
        parts.push(Part::Html(rest[..at].to_owned()));
        parts.push(Part::Slot(slot));
        rest = &rest[at + marker(slot).len()..];
    }
}

fn escape_attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// Minified CSS, as lightningcss writes it.
pub fn minify_css(css: &str) -> Result<String, String> {
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
    let mut sheet = StyleSheet::parse(css, ParserOptions::default()).map_err(|e| e.to_string())?;
    sheet
        .minify(MinifyOptions::default())
        .map_err(|e| e.to_string())?;
    let printed = sheet
        .to_css(PrinterOptions {
            minify: true,
            ..PrinterOptions::default()
        })
        .map_err(|e| e.to_string())?;
    Ok(printed.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = r#"<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>X</title><script>theme()</script><style>p { color: red }</style><script type="module">import init from '/app-1a2b.js';init({module_or_path:'/app-1a2b_bg.wasm'})</script></head><body><p>after</p></body></html>"#;

    fn page(template: &Template, start: bool) -> String {
        let boot = PageBoot {
            base: "/".into(),
            path: "/".into(),
            build: "b".into(),
            site: serde_json::from_str(include_str!("../../public/content/site.json")).unwrap(),
        };
        template.fill(&PageParts {
            share_preview: "<meta name=x>",
            app: "<main>app</main>",
            start: start.then_some((&boot, "/khoi-dong/1.js")),
        })
    }

    #[test]
    fn each_page_goes_where_the_parser_found_its_place() {
        let template = Template::parse(TRUNK, false)
            .unwrap()
            .with_policy("default-src 'self'");
        assert_eq!(template.build_id(), "app-1a2b");
        let html = page(&template, true);
        assert!(html.starts_with(r#"<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'"><script>theme()</script>"#), "{html}");
        assert!(html.contains(
            r#"<script type="application/json" id="khoi-dong">"/khoi-dong/1.js"</script><script type="module">"#
        ));
        assert!(html.contains(r#"<meta name=x><!--HEAD--></head><body><div id="app"><main>app</main></div><p>after</p>"#));
        assert!(!html.contains("<title>") && !html.contains("site-build:"));
        // Without the app, no loader.
        let html = page(&template, false);
        assert!(
            !html.contains("module") && !html.contains("khoi-dong") && !html.contains("page-boot")
        );
        assert!(html.contains("<script>theme()</script>"));
    }

    #[test]
    fn styles_are_minified_in_place_and_kept_for_the_preview() {
        let template = Template::parse(TRUNK, true).unwrap();
        assert_eq!(template.styles(), "p{color:red}");
        assert!(page(&template, true).contains("<style>p{color:red}</style>"));
    }

    #[test]
    fn a_page_already_written_is_no_template() {
        let written = page(&Template::parse(TRUNK, false).unwrap(), true);
        assert!(Template::parse(&written, false).is_err());
    }

    #[test]
    fn the_policy_goes_first_in_the_head_without_a_charset() {
        let template = Template::parse(
            "<html><head><script>a()</script></head><body></body></html>",
            false,
        )
        .unwrap()
        .with_policy("p");
        assert!(page(&template, false).starts_with(r#"<html><head><meta http-equiv="Content-Security-Policy" content="p"><script>a()</script>"#));
    }

    #[test]
    fn trunk_serves_reload_script_is_recognised() {
        let served = TRUNK.replace(
            "<p>after</p>",
            "<script>connect('{{__TRUNK_ADDRESS__}}')</script>",
        );
        assert!(Template::parse(&served, false).unwrap().served_by_trunk());
        assert!(!Template::parse(TRUNK, false).unwrap().served_by_trunk());
    }
}
