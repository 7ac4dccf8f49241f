//! Helpers the build's tests share: a scratch folder, a bundle copied into it, one
//! `site-build write` as trunk runs it, and what it wrote.
#![allow(dead_code)]

use khcn_cantho::build::output::{run, Command, Failure, Options, Report};
use khcn_cantho::content::time::Timestamp;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

const TEMPLATE: &str = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>t</title></head><body></body></html>";

pub fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("khcn-build-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// One `site-build write` of `content` into a new folder `out`, as trunk hands it over: its
/// template in place; compressed siblings and the store under `cache`.
pub fn build(content: &Path, out: &Path, cache: &Path) -> Report {
    build_at(content, out, cache, None)
}

/// The same, with the build's clock set to `now`.
pub fn build_at(content: &Path, out: &Path, cache: &Path, now: Option<&str>) -> Report {
    build_as_trunk(content, out, cache, now, &[])
}

/// The same, with more of trunk's files than its template: the app's, by name and contents.
pub fn build_as_trunk(
    content: &Path,
    out: &Path,
    cache: &Path,
    now: Option<&str>,
    app_files: &[(&str, &str)],
) -> Report {
    let _ = fs::remove_dir_all(out);
    fs::create_dir_all(out).unwrap();
    fs::write(out.join("index.html"), TEMPLATE).unwrap();
    for (name, text) in app_files {
        fs::write(out.join(name), text).unwrap();
    }
    run(&Options {
        command: Command::Write,
        content_dir: content.to_owned(),
        out_dir: Some(out.to_owned()),
        dist_dir: None,
        source_dir: ".".into(),
        base: "/".into(),
        compress: true,
        clean_on_failure: false,
        cache_dir: Some(cache.to_owned()),
        decap_dir: None,
        now: now.map(|now| Timestamp::parse(now).unwrap()),
    })
    .unwrap_or_else(|e| panic!("{e}"))
}

/// `site-build publish` of `content` into `dist`, the folder of an earlier [`build`] with the
/// same store: what the command does, short of running trunk when it must.
pub fn publish(content: &Path, dist: &Path, cache: &Path) -> Result<Report, Failure> {
    publish_from(content, dist, cache, Path::new("."))
}

/// The same, with the app's sources in `source_dir`.
pub fn publish_from(
    content: &Path,
    dist: &Path,
    cache: &Path,
    source_dir: &Path,
) -> Result<Report, Failure> {
    run(&Options {
        command: Command::Publish,
        content_dir: content.to_owned(),
        out_dir: None,
        dist_dir: Some(dist.to_owned()),
        source_dir: source_dir.to_owned(),
        base: "/".into(),
        compress: true,
        clean_on_failure: false,
        cache_dir: Some(cache.to_owned()),
        decap_dir: None,
        now: None,
    })
}

/// Every file under `dir`, by its path, with its bytes.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let name = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, fs::read(entry.path()).unwrap())
        })
        .collect()
}
