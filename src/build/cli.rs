//! `site-build`'s command line (clap), in Vietnamese like the rest of what editors read. Trunk's
//! hooks give no arguments but the command: the rest comes from the variables trunk sets.

use super::output::{Command, Options};
use crate::content::time::Timestamp;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

const HELP_TEMPLATE: &str = "\
{about}

Cách dùng: {usage}

{all-args}{after-help}";

#[derive(Parser, Debug)]
#[command(
    name = "site-build",
    about = "Kiểm tra nội dung của trang (public/content) và viết trang tĩnh quanh bản dựng của trunk.",
    help_template = HELP_TEMPLATE,
    subcommand_help_heading = "Lệnh",
    disable_help_subcommand = true,
    after_help = "\
Khi trunk chạy công cụ này (Trunk.toml), các giá trị mặc định lấy từ TRUNK_SOURCE_DIR,
TRUNK_STAGING_DIR, TRUNK_PUBLIC_URL và TRUNK_PROFILE. Xem thêm: docs/editors-guide.md."
)]
struct Cli {
    #[command(subcommand)]
    command: CliCommand,
}

#[derive(Subcommand, Debug)]
enum CliCommand {
    /// Kiểm tra toàn bộ nội dung, không ghi gì: báo từng lỗi kèm tệp và trường.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tuỳ chọn")]
    Check(Common),
    /// Kiểm tra rồi ghi dữ liệu, ảnh, các trang tĩnh, nguồn tin, sơ đồ trang và màn hình biên
    /// tập vào thư mục --out.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tuỳ chọn")]
    Write(WriteArgs),
    /// Kiểm tra rồi xuất bản nội dung đã đổi vào thư mục dist/ của lần trunk build --release
    /// trước, tại chỗ, không dựng lại ứng dụng; nếu ứng dụng đã đổi từ lần đó thì chạy
    /// trunk build --release.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tuỳ chọn")]
    Publish(PublishArgs),
    /// Kiểm tra rồi chuyển các bài viết nằm thẳng trong articles/ vào thư mục theo năm đăng
    /// (articles/2023/…), để màn hình biên tập liệt kê từng năm; địa chỉ bài viết không đổi.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tuỳ chọn")]
    SortByYear(Common),
}

#[derive(Args, Debug)]
struct Common {
    /// Thư mục nội dung [mặc định: public/content của TRUNK_SOURCE_DIR]
    #[arg(long = "content", value_name = "THƯ_MỤC", env = "SITE_CONTENT_DIR")]
    content: Option<PathBuf>,
    /// Giờ của lần dựng, ví dụ 2026-12-05T08:00:00+07:00: bài có thời gian đăng sau giờ này
    /// là bài hẹn giờ, chưa đăng [mặc định: giờ hiện tại của máy]
    #[arg(long = "now", value_name = "THỜI_GIAN", env = "SITE_BUILD_NOW", value_parser = parse_now)]
    now: Option<Timestamp>,
}

fn parse_now(text: &str) -> Result<Timestamp, String> {
    Timestamp::parse(text).map_err(|e| e.to_string())
}

#[derive(Args, Debug)]
struct WriteArgs {
    #[command(flatten)]
    common: Common,
    /// Thư mục ghi kết quả [mặc định: TRUNK_STAGING_DIR, thư mục tạm của trunk]
    #[arg(long = "out", value_name = "THƯ_MỤC")]
    out: Option<PathBuf>,
    /// Đường dẫn gốc của trang, ví dụ /tin-tuc/ [mặc định: TRUNK_PUBLIC_URL, hoặc /]
    #[arg(long = "public-url", value_name = "/ĐƯỜNG-DẪN/")]
    public_url: Option<String>,
    /// Thu gọn CSS và viết bản nén .br, .gz của mọi tệp văn bản [mặc định khi TRUNK_PROFILE=release]
    #[arg(long, overrides_with = "no_compress")]
    compress: bool,
    /// Không nén
    #[arg(long, overrides_with = "compress")]
    no_compress: bool,
    /// Thư mục lưu tệp đã nén và ảnh đã thu nhỏ giữa các lần dựng [mặc định: target/site-build-cache]
    #[arg(long = "cache", value_name = "THƯ_MỤC", env = "SITE_BUILD_CACHE")]
    cache: Option<PathBuf>,
    /// Không dùng thư mục lưu
    #[arg(long, conflicts_with = "cache")]
    no_cache: bool,
    /// Thư mục dist/ của Decap CMS cho màn hình biên tập quan-tri/ [mặc định: target/cms/node_modules/decap-cms/dist, do .ci/setup cài]
    #[arg(long = "decap", value_name = "THƯ_MỤC")]
    decap: Option<PathBuf>,
    /// Không viết màn hình biên tập
    #[arg(long, conflicts_with = "decap")]
    no_cms: bool,
}

#[derive(Args, Debug)]
struct PublishArgs {
    #[command(flatten)]
    common: Common,
    /// Thư mục của lần dựng trước, nơi xuất bản [mặc định: dist]
    #[arg(long = "dist", value_name = "THƯ_MỤC")]
    dist: Option<PathBuf>,
    /// Đường dẫn gốc của trang, như lần dựng trước [mặc định: /]
    #[arg(long = "public-url", value_name = "/ĐƯỜNG-DẪN/")]
    public_url: Option<String>,
    /// Thư mục lưu của lần dựng trước [mặc định: target/site-build-cache]
    #[arg(long = "cache", value_name = "THƯ_MỤC", env = "SITE_BUILD_CACHE")]
    cache: Option<PathBuf>,
    /// Thư mục dist/ của Decap CMS [mặc định: target/cms/node_modules/decap-cms/dist]
    #[arg(long = "decap", value_name = "THƯ_MỤC")]
    decap: Option<PathBuf>,
    /// Lần dựng trước không có màn hình biên tập
    #[arg(long, conflicts_with = "decap")]
    no_cms: bool,
}

impl Options {
    /// Reads the command line, falling back on the variables trunk gives its hooks. `Err` holds
    /// clap's answer: the help, or what was wrong, to print as clap prints it.
    pub fn from_args(
        args: impl IntoIterator<Item = std::ffi::OsString>,
    ) -> Result<Self, clap::Error> {
        let cli = Cli::try_parse_from(std::iter::once("site-build".into()).chain(args))?;
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let source_dir = PathBuf::from(env("TRUNK_SOURCE_DIR").unwrap_or_else(|| ".".into()));
        let content_dir = |common: Common| {
            common
                .content
                .unwrap_or_else(|| source_dir.join("public/content"))
        };
        let default_cache = source_dir.join("target/site-build-cache");
        let default_decap = source_dir.join("target/cms/node_modules/decap-cms/dist");
        let staging = env("TRUNK_STAGING_DIR").map(PathBuf::from);
        let dist = env("TRUNK_DIST_DIR").map(PathBuf::from);
        let options = match cli.command {
            // Under trunk, a failed check also removes trunk's staging folder, which trunk
            // itself would leave in dist/.
            CliCommand::Check(common) => Options {
                command: Command::Check,
                now: common.now,
                content_dir: content_dir(common),
                clean_on_failure: staging.is_some(),
                out_dir: staging,
                dist_dir: None,
                source_dir: source_dir.clone(),
                base: "/".into(),
                compress: false,
                cache_dir: None,
                decap_dir: None,
            },
            CliCommand::SortByYear(common) => Options {
                command: Command::SortByYear,
                now: common.now,
                content_dir: content_dir(common),
                clean_on_failure: false,
                out_dir: None,
                dist_dir: None,
                source_dir: source_dir.clone(),
                base: "/".into(),
                compress: false,
                cache_dir: None,
                decap_dir: None,
            },
            CliCommand::Write(args) => {
                let Some(out_dir) = args.out.clone().or_else(|| staging.clone()) else {
                    return Err(clap::Error::raw(
                        clap::error::ErrorKind::MissingRequiredArgument,
                        "write cần --out (hoặc TRUNK_STAGING_DIR)\n",
                    ));
                };
                Options {
                    command: Command::Write,
                    now: args.common.now,
                    // trunk discards its staging folder when a build fails; a folder named
                    // with --out is the caller's.
                    clean_on_failure: args.out.is_none(),
                    // The record of what this build wrote is kept for the folder trunk makes
                    // of its staging folder.
                    dist_dir: if args.out.is_none() { dist } else { None },
                    out_dir: Some(out_dir),
                    source_dir: source_dir.clone(),
                    base: args
                        .public_url
                        .or_else(|| env("TRUNK_PUBLIC_URL"))
                        .unwrap_or_else(|| "/".into()),
                    compress: if args.compress || args.no_compress {
                        args.compress
                    } else {
                        env("TRUNK_PROFILE").as_deref() == Some("release")
                    },
                    cache_dir: (!args.no_cache).then(|| args.cache.unwrap_or(default_cache)),
                    decap_dir: (!args.no_cms).then(|| args.decap.unwrap_or(default_decap)),
                    content_dir: content_dir(args.common),
                }
            }
            CliCommand::Publish(args) => Options {
                command: Command::Publish,
                now: args.common.now,
                // Never: the folder is the last build's, which a failure must not take away.
                clean_on_failure: false,
                out_dir: None,
                dist_dir: Some(args.dist.unwrap_or_else(|| source_dir.join("dist"))),
                base: args.public_url.unwrap_or_else(|| "/".into()),
                compress: true,
                cache_dir: Some(args.cache.unwrap_or(default_cache)),
                decap_dir: (!args.no_cms).then(|| args.decap.unwrap_or(default_decap)),
                content_dir: content_dir(args.common),
                source_dir,
            },
        };
        Ok(options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options, clap::Error> {
        Options::from_args(args.iter().map(Into::into))
    }

    #[test]
    fn every_command_and_option_is_described() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
        let help = Cli::command().render_help().to_string();
        for command in ["check", "write", "publish", "sort-by-year"] {
            assert!(help.contains(command), "{command} in {help}");
        }
        let write = Cli::command()
            .find_subcommand_mut("write")
            .unwrap()
            .render_help()
            .to_string();
        for flag in [
            "--content",
            "--out",
            "--public-url",
            "--compress",
            "--no-compress",
            "--cache",
            "--no-cache",
            "--decap",
            "--no-cms",
            "--now",
        ] {
            assert!(write.contains(flag), "{flag} in {write}");
        }
    }

    #[test]
    fn flags_override_what_trunk_gives() {
        let options = parse(&[
            "write",
            "--out",
            "x",
            "--public-url",
            "/tin-tuc/",
            "--no-compress",
            "--no-cache",
            "--no-cms",
        ])
        .unwrap();
        assert_eq!(options.out_dir, Some(PathBuf::from("x")));
        assert_eq!(options.base, "/tin-tuc/");
        assert!(!options.compress && !options.clean_on_failure);
        assert!(options.cache_dir.is_none() && options.decap_dir.is_none());
        assert!(
            parse(&["write", "--compress", "--no-compress", "--out", "x"])
                .is_ok_and(|o| !o.compress)
        );
        assert!(parse(&["publish", "--out", "x"]).is_err());
        assert!(parse(&[]).is_err());
    }
}
