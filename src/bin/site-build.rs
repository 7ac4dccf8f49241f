//! `site-build`: validates the content bundle and writes the static site around trunk's build.
//! See `khcn_cantho::build` and the README's section for editors.

use khcn_cantho::build::{run, Options};
use std::process::ExitCode;

fn main() -> ExitCode {
    let options = match Options::from_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(usage) => {
            eprintln!("{usage}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(report) => {
            eprintln!(
                "site-build: {} bài viết hợp lệ{}",
                report.articles,
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
