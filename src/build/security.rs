//! The site's security headers. The Content-Security-Policy allows the site's own files and,
//! inline, exactly the scripts and styles the build writes, by their SHA-256; the other headers
//! keep pages from being framed, sniffed, leaking their address or reaching powerful features.
//! One source for the three forms: `_headers` (Netlify, Cloudflare Pages), the nginx include,
//! and the `<meta http-equiv>` in each page for hosts that send no headers.

use base64::Engine;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// A CSP source for an inline script's or style's text: `'sha256-…'`.
pub fn hash_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The inline scripts, styles and style attributes a policy allows, by hash.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InlineAllowed {
    pub scripts: BTreeSet<String>,
    pub styles: BTreeSet<String>,
    pub style_attributes: BTreeSet<String>,
}

impl InlineAllowed {
    /// Everything inline in `html`, read by an HTML parser as the browser reads it
    /// ([`super::html::inline_code`]). What no policy of the site allows (an `onclick`, a
    /// `javascript:` link) is an error.
    pub fn of_page(html: &str) -> Result<Self, String> {
        let code = super::html::inline_code(html)?;
        if !code.forbidden.is_empty() {
            return Err(format!(
                "có mã chạy nội tuyến mà chính sách bảo mật không bao giờ cho phép: {}",
                code.forbidden.join(", ")
            ));
        }
        let hashes = |texts: &[String]| texts.iter().map(|t| hash_source(t)).collect();
        Ok(InlineAllowed {
            scripts: hashes(&code.scripts),
            styles: hashes(&code.styles),
            style_attributes: hashes(&code.style_attributes),
        })
    }

    pub fn add(&mut self, other: InlineAllowed) {
        self.scripts.extend(other.scripts);
        self.styles.extend(other.styles);
        self.style_attributes.extend(other.style_attributes);
    }

    /// What of `other` this does not allow, described for a build error.
    pub fn missing(&self, other: &InlineAllowed) -> Option<String> {
        let missing = |kind: &str, mine: &BTreeSet<String>, theirs: &BTreeSet<String>| {
            let extra: Vec<&String> = theirs.difference(mine).collect();
            (!extra.is_empty()).then(|| format!("{kind} {extra:?}"))
        };
        let problems: Vec<String> = [
            missing("script", &self.scripts, &other.scripts),
            missing("style", &self.styles, &other.styles),
            missing(
                "thuộc tính style",
                &self.style_attributes,
                &other.style_attributes,
            ),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!problems.is_empty()).then(|| problems.join(", "))
    }
}

/// Where a policy is delivered: `frame-ancestors` only works in a header (browsers ignore it,
/// with a console error, in a `<meta>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    Header,
    Meta,
}

/// Sources to follow a directive's first: each after a space.
fn sources<'a>(sources: impl IntoIterator<Item = &'a String>) -> String {
    sources.into_iter().map(|s| format!(" {s}")).collect()
}

/// The public site's policy. Scripts: the site's own files, WebAssembly, and the inline scripts
/// by hash; never `'unsafe-inline'` or `'unsafe-eval'`. Styles: the inline `<style>` elements by
/// hash, and any `style` attribute a page carries by hash (`'unsafe-hashes'`, which allows
/// those exact attribute values and nothing else). Trusted Types are not required: Leptos's
/// renderer (tachys 0.2, `renderer/dom.rs`: `Dom::create_element_from_html` and
/// `Dom::get_template`) builds the static parts of every view by setting a `<template>`'s
/// `innerHTML` to markup of its own, which `require-trusted-types-for 'script'` blocks, so the
/// app could not start. That markup is the view macro's, never content: content is text.
pub fn site_policy(inline: &InlineAllowed, delivery: Delivery) -> String {
    let mut style_src = format!("'self'{}", sources(&inline.styles));
    if !inline.style_attributes.is_empty() {
        style_src.push_str(&format!(
            " 'unsafe-hashes'{}",
            sources(&inline.style_attributes)
        ));
    }
    let mut directives = vec![
        "default-src 'self'".to_owned(),
        format!(
            "script-src 'self' 'wasm-unsafe-eval'{}",
            sources(&inline.scripts)
        ),
        format!("style-src {style_src}"),
        "img-src 'self' data:".to_owned(),
        "connect-src 'self'".to_owned(),
        "object-src 'none'".to_owned(),
        "base-uri 'self'".to_owned(),
        "form-action 'self'".to_owned(),
    ];
    if delivery == Delivery::Header {
        directives.push("frame-ancestors 'none'".to_owned());
    }
    directives.push("upgrade-insecure-requests".to_owned());
    directives.join("; ")
}

/// The editors' screen's policy, looser where Decap CMS needs it: its bundle compiles its
/// configuration's schema at run time (ajv: `'unsafe-eval'`), styles itself with inline styles
/// (emotion: `'unsafe-inline'`), shows photos being uploaded (`blob:`), and talks to the git
/// host: `connect` lists the hosts the configured backend uses. The site's own inline scripts
/// are allowed by hash, for "Tìm bài viết", the app's page beside the screen, which the screen
/// shows in a frame over itself: `frame-ancestors 'self'`, where the site has `'none'`. No
/// other site can frame the screen (clickjacking stays out); a page of the same origin could,
/// but one that ran script there could read the screen's sign-in directly anyway.
pub fn admin_policy(connect: &[String], site_scripts: &BTreeSet<String>) -> String {
    [
        "default-src 'self'".to_owned(),
        format!("script-src 'self' 'unsafe-eval'{}", sources(site_scripts)),
        "style-src 'self' 'unsafe-inline'".to_owned(),
        "img-src 'self' data: blob: https:".to_owned(),
        format!("connect-src 'self' blob:{}", sources(connect)),
        "object-src 'none'".to_owned(),
        "base-uri 'self'".to_owned(),
        "form-action 'self'".to_owned(),
        "frame-ancestors 'self'".to_owned(),
        "upgrade-insecure-requests".to_owned(),
    ]
    .join("; ")
}

/// Headers every response carries, besides the policy.
pub const COMMON_HEADERS: [(&str, &str); 4] = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    (
        "Permissions-Policy",
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(self), geolocation=(), gyroscope=(), hid=(), idle-detection=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()",
    ),
    ("Cross-Origin-Opener-Policy", "same-origin"),
];

/// The nginx includes the build writes next to the pages: the site's, the editing screen's.
pub const NGINX_FILE: &str = "nginx-headers.conf";
pub const NGINX_ADMIN_FILE: &str = "nginx-headers-quan-tri.conf";

/// HSTS, for nginx on HTTPS (Netlify and Cloudflare Pages send their own).
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=63072000; includeSubDomains";

/// Caching: the files whose names carry their content's hash for a year, the rest briefly. The
/// editors' screen's files keep their names from one version to the next (`decap-cms.js`,
/// `cms.js`), so the browser asks each time whether they changed: its last rule, after `/*.js`.
const CACHE_RULES: [(&str, &str); 10] = [
    ("/*.wasm", "public, max-age=31536000, immutable"),
    ("/*.js", "public, max-age=31536000, immutable"),
    // trunk's copy of the favicon, named by its hash (docs/deploying.md's nginx rule has it too).
    ("/favicon-*.svg", "public, max-age=31536000, immutable"),
    ("/content/anh/*", "public, max-age=31536000, immutable"),
    ("/*.html", "public, max-age=300, must-revalidate"),
    ("/", "public, max-age=300, must-revalidate"),
    ("/data/*", "public, max-age=300, must-revalidate"),
    ("/feed.xml", "public, max-age=300, must-revalidate"),
    ("/sitemap.xml", "public, max-age=300, must-revalidate"),
    ("/quan-tri/*", "no-cache"),
];

/// `_headers` for Netlify and Cloudflare Pages, paths below `base`. Netlify applies every rule
/// that matches a path, a later rule's header replacing an earlier one's: the editors' screen's
/// rule comes after the site's.
pub fn headers_file(base: &str, site: &str, admin: &str, admin_folder: &str) -> String {
    let prefix = base.trim_end_matches('/');
    let mut out = String::from(
        "# Written by site-build from the pages it wrote (src/build/security.rs): do not edit.\n",
    );
    out.push_str(&format!("{prefix}/*\n"));
    out.push_str(&format!("  Content-Security-Policy: {site}\n"));
    for (name, value) in COMMON_HEADERS {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    out.push_str(&format!("{prefix}/{admin_folder}/*\n"));
    out.push_str(&format!("  Content-Security-Policy: {admin}\n"));
    for (pattern, value) in CACHE_RULES {
        out.push_str(&format!("{prefix}{pattern}\n  Cache-Control: {value}\n"));
    }
    out
}

/// The same headers as nginx `add_header` lines, for an HTTPS server: one include with the
/// site's policy, one with the editing screen's (docs/deploying.md).
pub fn nginx_file(policy: &str, admin: bool) -> String {
    let mut out = format!(
        "# Written by site-build (src/build/security.rs){}: do not edit.\n",
        if admin {
            ", for the editing screen"
        } else {
            ""
        }
    );
    out.push_str(&format!(
        "add_header Content-Security-Policy \"{policy}\" always;\n"
    ));
    for (name, value) in COMMON_HEADERS {
        out.push_str(&format!("add_header {name} \"{value}\" always;\n"));
    }
    out.push_str(&format!(
        "add_header Strict-Transport-Security \"{STRICT_TRANSPORT_SECURITY}\" always;\n"
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_csp_sha256_sources() {
        // echo -n "alert(1)" | openssl dgst -sha256 -binary | base64
        assert_eq!(
            hash_source("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
    }

    #[test]
    fn the_meta_policy_is_the_header_policy_without_frame_ancestors() {
        let inline = InlineAllowed::of_page("<script>a()</script><style>p{}</style>").unwrap();
        let header = site_policy(&inline, Delivery::Header);
        let meta = site_policy(&inline, Delivery::Meta);
        assert_eq!(header.replace("; frame-ancestors 'none'", ""), meta);
        assert!(header.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
        assert!(!header.contains("unsafe-inline") && !header.contains("'unsafe-eval'"));
        assert!(!header.contains("unsafe-hashes"));
    }
}
