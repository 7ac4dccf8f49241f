//! The `site-build` command: options, the two modes, and writing the output.

use super::pages::{self, Page, SitePlan};
use super::progress::Progress;
use super::publish::{self, LastBuild};
use super::security::{self, Delivery, InlineAllowed};
use super::store::{self, PageKey, Store};
use super::template::Template;
use super::{app_manifest, checklist, cms, downloads, feeds, images, share_image, source};
use crate::content::bundle::BundleError;
use crate::content::time::{display_vi, Timestamp};
use crate::paths::Paths;
use crate::paths::ADMIN_FOLDER;
use rayon::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Validate the bundle and write nothing: trunk's pre-build hook, and editors' own check.
    Check,
    /// Validate, then write everything derived into the output folder.
    Write,
    /// Validate, then move the articles of a flat `articles/` into year folders.
    SortByYear,
    /// Validate, then write what the content changed into the `dist/` of the last release
    /// build, in place (`publish.rs`).
    Publish,
}

#[derive(Clone, Debug)]
pub struct Options {
    pub command: Command,
    pub content_dir: PathBuf,
    /// Trunk's staging folder, which becomes `dist/` only when the whole build succeeds.
    pub out_dir: Option<PathBuf>,
    /// The folder the output becomes (`TRUNK_DIST_DIR`), or the one `publish` writes into.
    pub dist_dir: Option<PathBuf>,
    /// The app's sources (`TRUNK_SOURCE_DIR`): what `publish` checks trunk built from.
    pub source_dir: PathBuf,
    /// The public URL (`/` or `/tin-tuc/`).
    pub base: String,
    /// Release builds: minify the pages' inline CSS, and write `.br` and `.gz` siblings of every
    /// text file.
    pub compress: bool,
    /// Remove the output folder when the build fails; set for trunk's staging folder, so a
    /// failed build leaves nothing half-written behind.
    pub clean_on_failure: bool,
    /// Where compressed files and photo variants from earlier builds are kept
    /// (`target/site-build-cache`).
    pub cache_dir: Option<PathBuf>,
    /// Decap CMS's files (`dist/` of the npm package `.ci/setup` installs), for the editors'
    /// screen at `quan-tri/`; none writes no screen.
    pub decap_dir: Option<PathBuf>,
    /// The build's clock: articles published after it are held back (scheduled publishing).
    /// `None` is the machine's clock; a fixed one serves previews and tests.
    pub now: Option<Timestamp>,
}

/// Why a run failed.
#[derive(Debug)]
pub enum Failure {
    /// The bundle has problems; each names its file and field.
    Invalid(Vec<BundleError>),
    /// Reading or writing the output failed.
    Output(String),
    /// `publish` cannot write into the last build's folder; `trunk build --release` must.
    NeedsFullBuild(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Invalid(errors) => {
                writeln!(
                    f,
                    "Nội dung không hợp lệ ({} lỗi), chưa xuất bản gì:",
                    errors.len()
                )?;
                for error in errors {
                    writeln!(f, "  {error}")?;
                }
                Ok(())
            }
            Failure::Output(message) => writeln!(f, "Lỗi khi ghi kết quả: {message}"),
            Failure::NeedsFullBuild(why) => writeln!(f, "Cần dựng lại toàn bộ: {why}"),
        }
    }
}

/// What a successful run did, for the build log.
#[derive(Debug, Default)]
pub struct Report {
    /// Articles published by this build.
    pub articles: usize,
    /// Articles held back until their time.
    pub scheduled: usize,
    pub pages: usize,
    /// Pages rendered by this build; the others came from the store.
    pub rendered: usize,
    pub files: usize,
    /// Files `publish` removed: what the last build wrote and this one did not.
    pub removed: usize,
}

/// Runs the tool. On failure with `clean_on_failure`, the output folder is removed.
pub fn run(options: &Options) -> Result<Report, Failure> {
    let result = run_inner(options);
    if result.is_err() && options.clean_on_failure {
        if let Some(out) = &options.out_dir {
            let _ = fs::remove_dir_all(out);
        }
    }
    result
}

fn run_inner(options: &Options) -> Result<Report, Failure> {
    let mut progress = Progress::new();
    let mut bundle = source::load(&options.content_dir).map_err(Failure::Invalid)?;
    progress.phase("nội dung đã kiểm tra");
    let now = options.now.map_or_else(
        || time::OffsetDateTime::now_utc().unix_timestamp(),
        |now| now.unix_seconds(),
    );
    let scheduled = bundle.hold_scheduled(now);
    if let Some(notice) = &mut bundle.site.notice {
        let seconds = |text: &str| Timestamp::parse(text).ok().map(|t| t.unix_seconds() as f64);
        notice.shown_at_build = notice.shown_at(now as f64, seconds);
        // The app reads the times with the browser's `Date.parse`: in the form it always reads.
        for time in [&mut notice.from, &mut notice.until].into_iter().flatten() {
            if let Ok(parsed) = Timestamp::parse(time) {
                *time = parsed.to_browser_form();
            }
        }
        // Not shown: either its time has not come, or it has passed.
        let state = match (&notice.from, notice.next_change(now as f64, seconds)) {
            _ if notice.shown_at_build => "có trên các trang".to_owned(),
            (Some(from), Some(_)) => format!("sẽ hiện từ {}", display_vi(from)),
            _ => format!(
                "đã hết lúc {}",
                display_vi(notice.until.as_deref().unwrap_or_default())
            ),
        };
        eprintln!("Thông báo trên mọi trang: {state}");
    }
    for article in &scheduled {
        eprintln!(
            "Hẹn giờ: {} – bài {} chưa đăng, sẽ có trong lần dựng đầu tiên sau giờ đó",
            display_vi(&article.published_at),
            article.slug
        );
    }
    let mut report = Report {
        articles: bundle.articles.len(),
        scheduled: scheduled.len(),
        ..Report::default()
    };
    if options.command == Command::SortByYear {
        let (moved, problems) = super::by_year::sort_by_year(&options.content_dir);
        for article in &moved {
            eprintln!(
                "đã chuyển {} → {}",
                source::shown(&article.from),
                source::shown(&article.to)
            );
        }
        eprintln!(
            "site-build: đã chuyển {} bài viết vào thư mục theo năm",
            moved.len()
        );
        return if problems.is_empty() {
            Ok(report)
        } else {
            Err(Failure::Invalid(problems))
        };
    }
    // `check` ends with what the decree asks the portal to publish, and what the bundle has.
    if options.command == Command::Check {
        eprintln!("Danh mục thông tin theo Nghị định 224/2026/NĐ-CP:");
        for line in checklist::lines(&checklist::checklist(&bundle)) {
            eprintln!("{line}");
        }
        return Ok(report);
    }
    let publishing = options.command == Command::Publish;
    let out = match options.command {
        Command::Write => options.out_dir.as_deref(),
        Command::Publish => options.dist_dir.as_deref(),
        _ => None,
    };
    let Some(out) = out else {
        return Ok(report);
    };
    let store =
        Store::new(options.cache_dir.as_deref(), options.compress).map_err(Failure::Output)?;
    // The last build into this folder, and what it was built from: for `publish`.
    let dist = options.dist_dir.as_deref().unwrap_or(out);
    let renderer_identity = store::renderer_identity();
    let app = publish::app_fingerprint(&options.source_dir, &renderer_identity);
    // Only `publish` reads the last build's record: at 25,000 articles it lists 350,000 files.
    let last = options
        .cache_dir
        .as_deref()
        .filter(|_| publishing)
        .and_then(|cache| LastBuild::load(cache, dist));
    let (template, app_files) = if publishing {
        let Some(cache) = options.cache_dir.as_deref() else {
            return Err(Failure::NeedsFullBuild(
                "xuất bản vào thư mục có sẵn cần thư mục lưu (--cache)".into(),
            ));
        };
        LastBuild::reuse(
            last.as_ref(),
            out,
            &app,
            &options.base,
            options.decap_dir.is_some(),
        )
        .map_err(|why| Failure::NeedsFullBuild(why.0))?;
        let last = last.as_ref().expect("checked by reuse");
        let template = store
            .read_blob(&last.template)
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .ok_or_else(|| {
                Failure::NeedsFullBuild("bộ nhớ dựng không còn khuôn trang của lần trước".into())
            })?;
        LastBuild::forget(cache, dist);
        (template, last.app_files.clone())
    } else {
        let index = out.join("index.html");
        let template = fs::read_to_string(&index)
            .map_err(|e| Failure::Output(format!("không đọc được {}: {e}", index.display())))?;
        // Trunk's own files: the app's code, its icon.
        let trunk_files = walkdir::WalkDir::new(out)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_file() && entry.path() != index)
            .map(|entry| entry.into_path());
        (template, publish::relative(out, trunk_files))
    };
    let template_blob = match options.cache_dir {
        Some(_) => Some(
            store
                .keep_blob(template.as_bytes())
                .map_err(Failure::Output)?,
        ),
        None => None,
    };
    // Release builds minify the CSS; designers' `trunk serve` keeps it as written.
    let template = Template::parse(&template, options.compress).map_err(Failure::Output)?;
    let mut other_bodies = bundle
        .pages
        .iter_mut()
        .chain(&mut bundle.english_pages)
        .map(|p| &mut p.body)
        .chain(
            bundle
                .tasks
                .iter_mut()
                .flat_map(|t| [&mut t.summary, &mut t.results]),
        )
        .collect::<Vec<_>>();
    let mut other_images = Vec::new();
    for org in bundle
        .organisation
        .iter_mut()
        .chain(&mut bundle.english_organisation)
    {
        let (bodies, images) = org.photos_mut();
        other_bodies.extend(bodies);
        other_images.extend(images);
    }
    let photos = images::publish(
        &mut bundle.articles,
        other_bodies,
        other_images,
        &bundle.images,
        &bundle.content_dir,
        out,
        options.cache_dir.as_deref(),
    )
    .map_err(Failure::Output)?;
    let downloads =
        downloads::publish(&bundle.downloads, &bundle.content_dir, out).map_err(Failure::Output)?;
    store.note_written(photos.files.iter().cloned());
    store.note_written(downloads.iter().cloned());
    progress.phase("ảnh và tệp tải về");
    let paths = Paths::new(&options.base);
    let mut plan = pages::plan(&bundle, &paths, &template.build_id());
    if options.decap_dir.is_some() {
        plan.add_finder();
    }
    progress.phase("dữ liệu và chỉ mục tìm kiếm");

    // The Content-Security-Policy allows what the pages run and apply inline, by hash: the
    // template's head (on every page) and the style guide's samples (the page without the app).
    let mut inline = template.inline_allowed().map_err(Failure::Output)?;
    for page in plan.pages.iter().filter(|page| !page.loads_app) {
        let rendered = pages::render(&plan, page, &template).map_err(Failure::Output)?;
        inline.add(InlineAllowed::of_page(&rendered.html).map_err(Failure::Output)?);
    }
    let site_policy = security::site_policy(&inline, Delivery::Header);
    // Under `trunk serve` the pages carry no policy of their own: its reload script changes in
    // every response. Release builds, the ones deployed, always do.
    let template = if template.served_by_trunk() {
        template
    } else {
        template.with_policy(&security::site_policy(&inline, Delivery::Meta))
    };

    // Every page, on every core: from the store when nothing it is rendered from changed, else
    // rendered. Any failure fails the whole build, and trunk then discards its staging folder;
    // a page with anything inline the policy does not allow fails it too.
    let renderer = [
        renderer_identity,
        template.fingerprint(),
        serde_json::to_string(&*plan.site).expect("the site serialises"),
        plan.build.clone(),
        paths.base().to_owned(),
    ];
    let bar = progress.bar(plan.pages.len(), "trang");
    let rendered: Vec<Result<bool, Failure>> = plan
        .pages
        .par_iter()
        .map(|page| {
            let result = emit_page(&plan, page, &template, &inline, &renderer, &store, out);
            bar.inc(1);
            result
        })
        .collect();
    bar.finish_and_clear();
    let mut fresh = 0;
    for page in rendered {
        fresh += usize::from(page?);
    }
    report.pages = plan.pages.len();
    report.rendered = fresh;
    progress.phase(&format!(
        "{} trang ({fresh} dựng mới, {} từ lần dựng trước)",
        plan.pages.len(),
        plan.pages.len() - fresh
    ));

    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let admin_policy =
        security::admin_policy(&cms::connect_sources(bundle.cms.as_ref()), &inline.scripts);
    files.push((
        out.join("_headers"),
        security::headers_file(&options.base, &site_policy, &admin_policy, ADMIN_FOLDER)
            .into_bytes(),
    ));
    files.push((
        out.join(security::NGINX_FILE),
        security::nginx_file(&site_policy, false).into_bytes(),
    ));
    files.push((
        out.join(security::NGINX_ADMIN_FILE),
        security::nginx_file(&admin_policy, true).into_bytes(),
    ));
    files.push((
        out.join("feed.xml"),
        feeds::rss(&plan, &bundle.articles, None).into_bytes(),
    ));
    for category in &bundle.site.categories {
        files.push((
            out.join(format!("chuyen-muc/{}/feed.xml", category.slug)),
            feeds::rss(&plan, &bundle.articles, Some(category)).into_bytes(),
        ));
    }
    files.push((out.join("sitemap.xml"), feeds::sitemap(&plan).into_bytes()));
    files.push((out.join("robots.txt"), feeds::robots(&plan).into_bytes()));
    // Drawn from site.json, which `source::load` has checked it can draw.
    let share = share_image::render_share_image(&bundle.site)
        .map_err(|e| Failure::Output(format!("ảnh chia sẻ: {e}")))?;
    files.push((out.join(crate::meta::DEFAULT_SHARE_IMAGE_PATH), share));
    files.push((
        out.join(app_manifest::MANIFEST_PATH),
        app_manifest::manifest(&bundle.site, &paths).into_bytes(),
    ));
    for size in app_manifest::ICON_SIZES {
        files.push((
            out.join(app_manifest::icon_path(size)),
            app_manifest::icon(size),
        ));
    }
    let data = plan
        .data
        .par_iter()
        .map(|(path, json)| store.emit(&out.join(path), json.as_bytes()));
    let others = files
        .par_iter()
        .map(|(path, bytes)| store.emit(path, bytes));
    data.chain(others)
        .collect::<Result<(), String>>()
        .map_err(Failure::Output)?;
    report.files =
        plan.pages.len() + plan.data.len() + files.len() + photos.files.len() + downloads.len();
    // Written without the store, so compressed below: the downloads, the editing screen, and
    // in a build under trunk, trunk's files.
    let mut to_compress = downloads;
    if !publishing {
        to_compress.extend(app_files.iter().map(|file| out.join(file)));
    }
    progress.phase("dữ liệu, nguồn tin, sơ đồ trang");
    if let Some(decap_dir) = &options.decap_dir {
        let config = cms::decap_config(
            &bundle.site,
            bundle.cms.as_ref(),
            &paths,
            &cms::ArticleFolders::of(&bundle.content_dir),
            year_in_vietnam(now),
        );
        let photos_on_site = cms::photos_on_site(&photos.variants);
        let screen = cms::publish(out, decap_dir, &config, &template.styles(), &photos_on_site)
            .map_err(|e| Failure::Output(format!("màn hình biên tập: {e}")))?;
        report.files += screen.len();
        store.note_written(screen.iter().cloned());
        to_compress.extend(screen);
        let finder_files = cms::finder_files(
            &plan.search_slugs,
            &cms::screen_collections(&bundle.content_dir),
        );
        report.files += finder_files.len();
        finder_files
            .par_iter()
            .map(|(path, json)| store.emit(&out.join(path), json.as_bytes()))
            .collect::<Result<(), String>>()
            .map_err(Failure::Output)?;
        progress.phase("màn hình biên tập");
    }
    if options.compress {
        to_compress
            .par_iter()
            .try_for_each(|file| store.compress_in_place(file))
            .map_err(Failure::Output)?;
        progress.phase("nén các tệp còn lại");
    }
    if let (Some(cache), Some(template)) = (&options.cache_dir, template_blob) {
        let mut written = publish::relative(out, store.written());
        // Trunk's files' siblings are trunk's files too: `publish` never writes them again.
        let mut app_files = app_files;
        if !publishing {
            let siblings: Vec<String> = app_files
                .iter()
                .flat_map(|file| [format!("{file}.br"), format!("{file}.gz")])
                .filter(|sibling| written.contains(sibling))
                .collect();
            app_files.extend(siblings);
        }
        written.retain(|file| !app_files.contains(file));
        if let Some(last) = &last {
            report.removed =
                publish::remove_stale(out, &last.written, &written).map_err(Failure::Output)?;
            progress.phase(&format!("đã xoá {} tệp không còn dùng", report.removed));
        }
        let home = fs::read(out.join("index.html"))
            .map(|bytes| store::content_key(&bytes))
            .map_err(|e| Failure::Output(format!("index.html: {e}")))?;
        LastBuild {
            app,
            base: options.base.clone(),
            compress: options.compress,
            cms: options.decap_dir.is_some(),
            template,
            home,
            app_files,
            written,
        }
        .save(cache, dist)
        .map_err(Failure::Output)?;
        store::prune(cache);
    }
    eprintln!("site-build: xong sau {:.1} s", progress.total_seconds());
    Ok(report)
}

/// The year at `now` (Unix seconds) in Vietnam's time, the editors': a new article's folder.
fn year_in_vietnam(now: i64) -> i32 {
    time::OffsetDateTime::from_unix_timestamp(now)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
        .to_offset(time::macros::offset!(+7))
        .year()
}

/// Writes one page and its hydration script into `out`: linked from the store when an earlier
/// build rendered it from the same inputs, else rendered, checked against the policy and kept.
/// `true` when it was rendered.
fn emit_page(
    plan: &SitePlan,
    page: &Page,
    template: &Template,
    inline: &InlineAllowed,
    renderer: &[String],
    store: &Store,
    out: &Path,
) -> Result<bool, Failure> {
    let flags = format!("{}|{}|{}", page.url_path, page.file, page.loads_app);
    let inputs = renderer
        .iter()
        .map(|s| s.as_bytes())
        .chain([flags.as_bytes()])
        .chain(page.data.iter().map(|path| plan.data[path].as_bytes()));
    let key = PageKey::of(inputs);
    if let Some(record) = store.page(&key) {
        store
            .link_blob(&record.html, &out.join(&page.file))
            .map_err(Failure::Output)?;
        if let Some((path, blob)) = record.script {
            store
                .link_blob(&blob, &out.join(path))
                .map_err(Failure::Output)?;
        }
        return Ok(false);
    }
    let rendered = pages::render(plan, page, template).map_err(Failure::Output)?;
    let on_page = InlineAllowed::of_page(&rendered.html)
        .map_err(|e| Failure::Output(format!("{}: {e}", page.file)))?;
    if let Some(missing) = inline.missing(&on_page) {
        return Err(Failure::Output(format!(
            "{}: có nội dung nội tuyến chính sách bảo mật không cho phép: {missing}",
            page.file
        )));
    }
    store
        .emit(&out.join(&page.file), rendered.html.as_bytes())
        .map_err(Failure::Output)?;
    if let Some((path, script)) = &rendered.resolved {
        store
            .emit(&out.join(path), script.as_bytes())
            .map_err(Failure::Output)?;
    }
    store.keep_page(
        &key,
        rendered.html.as_bytes(),
        rendered
            .resolved
            .as_ref()
            .map(|(path, script)| (path.as_str(), script.as_str())),
    );
    Ok(true)
}
