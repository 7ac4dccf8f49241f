//! Reading HTML with an HTML parser (lol_html, Cloudflare's streaming rewriter): what a page
//! runs and applies inline, for the Content-Security-Policy, read as the browser reads it.

use lol_html::html_content::Element;
use lol_html::{element, text, RewriteStrSettings};
use std::cell::RefCell;
use std::rc::Rc;

/// What a page runs or applies inline, with the exact texts the browser hashes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InlineCode {
    /// Inline scripts the browser runs: classic and module scripts, import maps, speculation
    /// rules. Not data blocks (`application/json`, `application/ld+json`, …), not scripts with
    /// `src`, not `nomodule` scripts, which browsers with modules never run.
    pub scripts: Vec<String>,
    /// `<style>` elements.
    pub styles: Vec<String>,
    /// `style` attributes, their values decoded as the browser decodes them.
    pub style_attributes: Vec<String>,
    /// What no hash can allow without `'unsafe-hashes'` and the policy never allows: event
    /// handler attributes (`onclick=…`) and `javascript:` addresses, as `tag attribute`.
    pub forbidden: Vec<String>,
}

/// How the browser treats a `<script>` element (HTML, "prepare the script element").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScriptKind {
    /// Runs: a classic or module script, an import map, speculation rules.
    Code,
    /// A module script: the one that starts the app is one.
    Module,
    /// Never runs: a data block, or a classic script marked `nomodule`.
    Inert,
}

impl ScriptKind {
    pub fn of(element: &Element) -> ScriptKind {
        let attribute = |name: &str| element.get_attribute(name).map(|v| decode_attribute(&v));
        let trim = |v: &str| v.trim_matches(HTML_WHITESPACE).to_ascii_lowercase();
        let kind = match (attribute("type"), attribute("language")) {
            (Some(t), _) if !t.is_empty() => trim(&t),
            (None, Some(l)) if !l.is_empty() => format!("text/{}", trim(&l)),
            _ => "text/javascript".to_owned(),
        };
        if JAVASCRIPT_TYPES.contains(&kind.as_str()) {
            if element.has_attribute("nomodule") {
                ScriptKind::Inert
            } else {
                ScriptKind::Code
            }
        } else if kind == "module" {
            ScriptKind::Module
        } else if kind == "importmap" || kind == "speculationrules" {
            ScriptKind::Code
        } else {
            ScriptKind::Inert
        }
    }
}

/// The JavaScript MIME type essence matches (HTML, "JavaScript MIME type").
const JAVASCRIPT_TYPES: [&str; 16] = [
    "application/ecmascript",
    "application/javascript",
    "application/x-ecmascript",
    "application/x-javascript",
    "text/ecmascript",
    "text/javascript",
    "text/javascript1.0",
    "text/javascript1.1",
    "text/javascript1.2",
    "text/javascript1.3",
    "text/javascript1.4",
    "text/javascript1.5",
    "text/jscript",
    "text/livescript",
    "text/x-ecmascript",
    "text/x-javascript",
];

const HTML_WHITESPACE: [char; 5] = [' ', '\t', '\n', '\u{c}', '\r'];

/// An attribute's value as the browser reads it: character references decoded.
pub fn decode_attribute(raw: &str) -> String {
    htmlize::unescape_attribute(raw).into_owned()
}

/// The text the browser hashes: the HTML tokenizer's input is preprocessed, every CR LF and
/// lone CR becoming LF, and a NUL in script or style text becomes U+FFFD.
fn as_the_browser_reads(raw: &str) -> String {
    raw.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\0', "\u{fffd}")
}

/// Everything `html` runs or applies inline. Content of a `<template>` is left out: the browser
/// neither runs nor applies it where it stands.
pub fn inline_code(html: &str) -> Result<InlineCode, String> {
    #[derive(Default)]
    struct Scan {
        found: InlineCode,
        /// The text of the script or style being read, if it counts.
        open: Option<(bool, String)>,
        templates: usize,
    }
    let scan = Rc::new(RefCell::new(Scan::default()));
    let (s1, s2, s3, s4) = (scan.clone(), scan.clone(), scan.clone(), scan.clone());
    let handlers = vec![
        element!("template", move |el| {
            s1.borrow_mut().templates += 1;
            let scan = s1.clone();
            el.on_end_tag(lol_html::end_tag!(move |_| {
                scan.borrow_mut().templates -= 1;
                Ok(())
            }))
        }),
        element!("script, style", move |el| {
            let mut scan = s2.borrow_mut();
            let is_script = el.tag_name() == "script";
            let counts = scan.templates == 0
                && if is_script {
                    !el.has_attribute("src") && ScriptKind::of(el) != ScriptKind::Inert
                } else {
                    true
                };
            // An element without text gets no text chunk: record it now, filled as text comes.
            scan.open = counts.then(|| (is_script, String::new()));
            if counts {
                let slot = if is_script {
                    &mut scan.found.scripts
                } else {
                    &mut scan.found.styles
                };
                slot.push(String::new());
            }
            Ok(())
        }),
        text!("script, style", move |chunk| {
            let mut scan = s3.borrow_mut();
            let Some((is_script, text)) = scan.open.as_mut() else {
                return Ok(());
            };
            text.push_str(chunk.as_str());
            let (is_script, text) = (*is_script, text.clone());
            let slot = if is_script {
                &mut scan.found.scripts
            } else {
                &mut scan.found.styles
            };
            if let Some(last) = slot.last_mut() {
                *last = as_the_browser_reads(&text);
            }
            if chunk.last_in_text_node() {
                scan.open = None;
            }
            Ok(())
        }),
        element!("*", move |el| {
            let mut scan = s4.borrow_mut();
            if scan.templates > 0 {
                return Ok(());
            }
            let tag = el.tag_name();
            for attribute in el.attributes() {
                let name = attribute.name();
                let value = decode_attribute(&attribute.value());
                if name == "style" {
                    scan.found.style_attributes.push(value);
                } else if name.starts_with("on") {
                    scan.found.forbidden.push(format!("<{tag} {name}>"));
                } else if URL_ATTRIBUTES.contains(&name.as_str())
                    && value
                        .trim_start_matches(|c: char| c <= ' ')
                        .get(..11)
                        .is_some_and(|s| s.eq_ignore_ascii_case("javascript:"))
                {
                    scan.found
                        .forbidden
                        .push(format!("<{tag} {name}=\"javascript:…\">"));
                }
            }
            Ok(())
        }),
    ];
    lol_html::rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: handlers,
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|e| format!("không đọc được HTML: {e}"))?;
    let found = std::mem::take(&mut scan.borrow_mut().found);
    Ok(found)
}

/// Attributes whose value is an address a `javascript:` URL could run from.
const URL_ATTRIBUTES: [&str; 6] = ["href", "src", "action", "formaction", "xlink:href", "data"];

#[cfg(test)]
mod tests {
    use super::*;

    fn scripts(html: &str) -> Vec<String> {
        inline_code(html).unwrap().scripts
    }

    #[test]
    fn a_script_inside_a_comment_is_no_script() {
        assert_eq!(
            scripts("<!-- <script>evil()</script> --><script>good()</script>"),
            ["good()"]
        );
    }

    #[test]
    fn a_greater_than_sign_in_an_attribute_does_not_end_the_tag() {
        assert_eq!(
            scripts(r#"<script data-x="a>b" src-less>run()</script>"#),
            ["run()"]
        );
        assert_eq!(
            scripts(r#"<script data-x="src=x.js">run()</script>"#),
            ["run()"]
        );
    }

    #[test]
    fn tags_are_read_whatever_their_case() {
        let found = inline_code("<SCRIPT>a()</SCRIPT><Style>p{}</STYLE>").unwrap();
        assert_eq!(found.scripts, ["a()"]);
        assert_eq!(found.styles, ["p{}"]);
    }

    #[test]
    fn data_blocks_do_not_run_and_modules_do() {
        let html = r#"<script type="application/ld+json">{"@type":"x"}</script><script type="module">m()</script><script type=" TEXT/JavaScript ">c()</script><script type="text/plain">no</script><script nomodule>old()</script><script src="x.js"></script><script type="importmap">{}</script>"#;
        assert_eq!(scripts(html), ["m()", "c()", "{}"]);
    }

    #[test]
    fn entities_in_a_style_are_text_and_in_attributes_are_decoded() {
        let found = inline_code(
            r#"<style>p::before{content:"&amp;"}</style><p style="color:red&#59;font-family:&quot;A&quot;"></p>"#,
        )
        .unwrap();
        assert_eq!(found.styles, [r#"p::before{content:"&amp;"}"#]);
        assert_eq!(found.style_attributes, [r#"color:red;font-family:"A""#]);
    }

    #[test]
    fn a_template_neither_runs_nor_applies_what_it_holds() {
        let found = inline_code(
            "<template><script>t()</script><style>t{}</style></template><script>a()</script>",
        )
        .unwrap();
        assert_eq!(found.scripts, ["a()"]);
        assert!(found.styles.is_empty());
    }

    #[test]
    fn line_endings_are_hashed_as_the_browser_reads_them() {
        assert_eq!(
            scripts("<script>a()\r\nb()\rc()</script>"),
            ["a()\nb()\nc()"]
        );
    }

    #[test]
    fn event_handlers_and_javascript_addresses_are_reported() {
        let found = inline_code(r#"<a href=" JavaScript:x()">a</a><img onerror="x()">"#).unwrap();
        assert_eq!(found.forbidden.len(), 2);
    }

    #[test]
    fn an_empty_script_is_still_a_script() {
        assert_eq!(scripts("<script></script>"), [""]);
    }
}
