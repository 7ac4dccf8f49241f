//! `site-build`: validates the content bundle and writes the static site around trunk's build.
//! See `khcn_cantho::build`, `site-build --help` and docs/editors-guide.md.

use khcn_cantho::build::output::Failure;
use khcn_cantho::build::{run, Options};
use std::process::ExitCode;

fn main() -> ExitCode {
    let options = match Options::from_args(std::env::args_os().skip(1)) {
        Ok(options) => options,
        // `--help`, or what was wrong with the command line, as clap prints it.
        Err(error) => error.exit(),
    };
    match run(&options) {
        Ok(report) => {
            eprintln!(
                "site-build: {} bài viết hợp lệ{}{}",
                report.articles,
                if report.scheduled > 0 {
                    format!(" (và {} bài hẹn giờ)", report.scheduled)
                } else {
                    String::new()
                },
                if report.pages > 0 {
                    format!(", đã ghi {} trang và {} tệp", report.pages, report.files)
                } else {
                    String::new()
                }
            );
            ExitCode::SUCCESS
        }
        // `publish` cannot write into the last build's folder: the whole build, by trunk.
        Err(failure @ Failure::NeedsFullBuild(_)) => {
            eprint!("{failure}");
            full_build(&options)
        }
        Err(failure) => {
            eprint!("{failure}");
            ExitCode::FAILURE
        }
    }
}

/// `trunk build --release` into the folder `publish` was given, with its public URL.
fn full_build(options: &Options) -> ExitCode {
    let dist = options.dist_dir.clone().unwrap_or_else(|| "dist".into());
    let mut trunk = std::process::Command::new("trunk");
    trunk
        .current_dir(&options.source_dir)
        .args(["build", "--release", "--dist"])
        .arg(&dist)
        .args(["--public-url", &options.base])
        .env("SITE_CONTENT_DIR", &options.content_dir);
    if let Some(cache) = &options.cache_dir {
        trunk.env("SITE_BUILD_CACHE", cache);
    }
    eprintln!(
        "site-build: chạy trunk build --release --dist {}",
        dist.display()
    );
    match trunk.status() {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("không chạy được trunk ({e}): cài bằng .ci/setup");
            ExitCode::FAILURE
        }
    }
}
