//! `site-build`: validates the content bundle and writes the static site around trunk's build.
//! See `khcn_cantho::build`, `site-build --help` and docs/editors-guide.md.

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
        Err(failure) => {
            eprint!("{failure}");
            ExitCode::FAILURE
        }
    }
}
