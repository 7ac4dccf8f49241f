//! The editors' screen at `/quan-tri/`: Decap CMS, from the npm package `.ci/setup` installs,
//! with its `config.yml` written from `site.json` and the git host named in `cms.json`.
//!
//! The configuration describes exactly the article format `bundle::parse_article` accepts, so
//! whatever the CMS saves passes `site-build check`; what the CMS cannot enforce (a photo the
//! build refuses, say) is reported by the build, naming the field, as for a hand-written file.

use super::source::{MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE};
use super::store;
use crate::content::bundle::{self, BundleError, MAX_DOWNLOAD_BYTES};
use crate::content::procedures::Filing;
use crate::content::search;
use crate::content::tasks::{TaskStatus, TASK_KINDS};
use crate::content::{file_size, variant_path, ImageVariants, Lang, Site};
use crate::paths::{Paths, ADMIN_FOLDER};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

/// The bundle's optional `cms.json`: where the production CMS reads and writes the content.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CmsSettings {
    pub backend: GitBackend,
}

/// Decap's `backend` section for one of the three git hosts the department may use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GitBackend {
    pub name: GitHost,
    /// `owner/name` (GitLab: `group/subgroup/name`).
    pub repo: String,
    /// The branch the site is built from.
    #[serde(default = "default_branch")]
    pub branch: String,
    /// GitHub: the OAuth server that signs editors in; GitLab and Gitea: the host itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_endpoint: Option<String>,
    /// The host's API, for a self-hosted GitLab or Gitea, or GitHub Enterprise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_root: Option<String>,
    /// The OAuth application's client ID (GitLab, Gitea).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_id: Option<String>,
    /// GitLab: `pkce` (recommended) or `implicit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_type: Option<String>,
}

fn default_branch() -> String {
    "main".to_owned()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GitHost {
    Github,
    Gitlab,
    Gitea,
}

impl GitHost {
    /// Decap's editorial workflow (draft, in review, ready) keeps each article on its own
    /// branch with a pull or merge request. Decap's Gitea backend does not support it: there,
    /// editors save to a working branch and approval is a pull request on Gitea (docs/editors-guide.md).
    pub fn has_editorial_workflow(self) -> bool {
        !matches!(self, GitHost::Gitea)
    }
}

/// The file name, next to `site.json`.
pub const SETTINGS_FILE: &str = "cms.json";

/// Parses and checks `cms.json`, naming the field of every problem.
pub fn parse_settings(file: &str, text: &str) -> Result<CmsSettings, Vec<BundleError>> {
    let settings: CmsSettings = bundle::parse_json(file, text).map_err(|e| vec![e])?;
    let backend = &settings.backend;
    let mut errors = Vec::new();
    let mut fail = |field: &str, message: &str| {
        errors.push(BundleError::new(
            file,
            Some(&format!("backend.{field}")),
            message,
        ))
    };
    let parts: Vec<&str> = backend.repo.split('/').collect();
    let nested = backend.name == GitHost::Gitlab;
    if parts.len() < 2 || (!nested && parts.len() != 2) || parts.iter().any(|p| p.trim().is_empty())
    {
        fail(
            "repo",
            if nested {
                "phải có dạng nhóm/tên-kho, ví dụ so-khcn/cong-thong-tin"
            } else {
                "phải có dạng chủ-sở-hữu/tên-kho, ví dụ so-khcn/cong-thong-tin"
            },
        );
    }
    if backend.branch.trim().is_empty() || backend.branch.contains(char::is_whitespace) {
        fail("branch", "tên nhánh trống hoặc có khoảng trắng");
    }
    for (field, value) in [
        ("base_url", &backend.base_url),
        ("api_root", &backend.api_root),
    ] {
        if value
            .as_deref()
            .is_some_and(|url| !url.starts_with("https://"))
        {
            fail(field, "phải là địa chỉ bắt đầu bằng https://");
        }
    }
    match backend.name {
        GitHost::Gitlab => {
            if !matches!(
                backend.auth_type.as_deref(),
                None | Some("pkce" | "implicit")
            ) {
                fail("auth_type", "chỉ nhận \"pkce\" hoặc \"implicit\"");
            }
            if backend.auth_type.is_some() && backend.app_id.is_none() {
                fail(
                    "app_id",
                    "cần Application ID của ứng dụng OAuth trên GitLab khi có auth_type",
                );
            }
        }
        GitHost::Gitea => {
            if backend.app_id.is_none() {
                fail("app_id", "cần Client ID của ứng dụng OAuth2 trên Gitea");
            }
            if backend.base_url.is_none() {
                fail(
                    "base_url",
                    "cần địa chỉ máy chủ Gitea, ví dụ https://git.example.vn",
                );
            }
        }
        GitHost::Github => {
            if backend.auth_type.is_some() {
                fail("auth_type", "chỉ dùng với GitLab");
            }
        }
    }
    if errors.is_empty() {
        Ok(settings)
    } else {
        Err(errors)
    }
}

/// Where Decap's local proxy listens; `.ci/serve` starts it there, bound to 127.0.0.1.
pub const LOCAL_PROXY_URL: &str = "http://127.0.0.1:8081/api/v1";

/// The origins the editing screen talks to, for its Content-Security-Policy's `connect-src`:
/// the local proxy, and the configured git host's API and sign-in server.
pub fn connect_sources(settings: Option<&CmsSettings>) -> Vec<String> {
    let origin = |url: &str| -> Option<String> {
        let (scheme, rest) = url.split_once("://")?;
        let host = rest.split('/').next()?;
        Some(format!("{scheme}://{host}"))
    };
    let mut sources = vec![origin(LOCAL_PROXY_URL).expect("a URL")];
    if let Some(backend) = settings.map(|s| &s.backend) {
        let default_api = match backend.name {
            GitHost::Github => Some("https://api.github.com"),
            GitHost::Gitlab => Some("https://gitlab.com"),
            GitHost::Gitea => None,
        };
        for url in [
            backend.api_root.as_deref().or(default_api),
            backend.base_url.as_deref(),
        ]
        .into_iter()
        .flatten()
        {
            if let Some(origin) = origin(url) {
                if !sources.contains(&origin) {
                    sources.push(origin);
                }
            }
        }
    }
    sources
}

/// The photos of an article go in a folder named after it: `{{slug}}` is the file name Decap
/// gives a new article (its title, in ASCII). Paths in the JSON are relative to the bundle.
const PHOTOS_FOLDER: &str = "/public/content/images/{{slug}}";
const PHOTOS_PUBLIC_FOLDER: &str = "images/{{slug}}";

/// `published_at` is what the editor typed, in Vietnam's time, with its offset written out:
/// the time shown is the one stored, whatever the zone of the editor's computer.
pub const PUBLISHED_AT_FORMAT: &str = "YYYY-MM-DDTHH:mm:ss[+07:00]";

/// A document's dates: a day, as `issued_on` and `effective_on` are written.
pub const DATE_FORMAT: &str = "YYYY-MM-DD";

#[derive(Serialize)]
struct Config {
    locale: &'static str,
    backend: Backend,
    #[serde(skip_serializing_if = "Option::is_none")]
    publish_mode: Option<&'static str>,
    local_backend: LocalBackend,
    site_url: String,
    display_url: String,
    media_folder: &'static str,
    public_folder: &'static str,
    slug: SlugRules,
    collections: Vec<AnyCollection>,
}

/// A collection of many files in a folder, or of a few named files.
#[derive(Serialize)]
#[serde(untagged)]
enum AnyCollection {
    Folder(Collection),
    Files(FileCollection),
}

/// A collection of named files, such as the organisation's `to-chuc.json`.
#[derive(Serialize)]
struct FileCollection {
    name: &'static str,
    label: &'static str,
    description: &'static str,
    media_folder: &'static str,
    public_folder: &'static str,
    files: Vec<CollectionFile>,
}

#[derive(Serialize)]
struct CollectionFile {
    name: &'static str,
    label: &'static str,
    file: &'static str,
    preview_path: String,
    fields: Vec<Field>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Backend {
    Git {
        #[serde(flatten)]
        backend: GitBackend,
        /// GitHub: entries read by GraphQL, a few requests a list instead of one an entry
        /// (the REST API's 5,000 requests an hour do not last an archive of 25,000).
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        use_graphql: bool,
    },
    /// Without `cms.json` the screen only works with the local proxy.
    LocalOnly {
        name: &'static str,
        proxy_url: &'static str,
        branch: String,
    },
}

#[derive(Serialize)]
struct LocalBackend {
    url: &'static str,
}

#[derive(Serialize)]
struct SlugRules {
    encoding: &'static str,
    clean_accents: bool,
    sanitize_replacement: &'static str,
}

#[derive(Serialize)]
struct Collection {
    name: String,
    label: String,
    label_singular: &'static str,
    description: String,
    folder: String,
    create: bool,
    extension: &'static str,
    format: &'static str,
    slug: &'static str,
    identifier_field: &'static str,
    summary: &'static str,
    sortable_fields: Vec<SortableField>,
    media_folder: &'static str,
    public_folder: &'static str,
    preview_path: String,
    fields: Vec<Field>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum SortableField {
    Field(&'static str),
    /// The order the list opens in.
    Default {
        field: &'static str,
        default_sort: &'static str,
    },
}

/// The pages of one language's section: `pages/` or `en/pages/`, the same fields for both;
/// `translation` names the page's counterpart in the other.
fn page_collection(lang: Lang, paths: &Paths) -> Collection {
    let (name, label, label_singular, description, folder, translation_hint) = match lang {
        Lang::Vi => (
            "pages",
            "Trang thông tin",
            "trang",
            "Các trang đứng riêng như Giới thiệu, Liên hệ, ở địa chỉ /tên-tệp/. Trang nào hiện trên menu do menu_pages trong site.json quyết định.",
            "public/content/pages",
            "Tên tệp của trang tiếng Anh cùng nội dung (trong en/pages/, không có .json), ví dụ contact; để trống nếu không có",
        ),
        Lang::En => (
            "english_pages",
            "Trang tiếng Anh",
            "trang tiếng Anh",
            "Phần tiếng Anh (English), ở địa chỉ /en/tên-tệp/, viết bằng tiếng Anh. Cần name_en (tên tiếng Anh của Sở) trong site.json.",
            "public/content/en/pages",
            "Tên tệp của trang tiếng Việt cùng nội dung (trong pages/, không có .json), ví dụ lien-he; để trống nếu không có",
        ),
    };
    Collection {
        name: name.to_owned(),
        label: label.to_owned(),
        label_singular,
        description: description.to_owned(),
        folder: folder.to_owned(),
        create: true,
        extension: "json",
        format: "json",
        slug: "{{slug}}",
        identifier_field: "title",
        summary: "{{title}}",
        sortable_fields: vec![SortableField::Field("title")],
        media_folder: PHOTOS_FOLDER,
        public_folder: PHOTOS_PUBLIC_FOLDER,
        preview_path: paths
            .page_in(lang, "{{filename}}")
            .trim_start_matches('/')
            .to_owned(),
        fields: vec![
            Field::new("title", "Tiêu đề", "string").not_blank(),
            Field {
                format: Some(PUBLISHED_AT_FORMAT),
                ..Field::new("updated_at", "Cập nhật lúc", "datetime")
                    .optional()
                    .hint("Giờ Việt Nam (UTC+7); để trống nếu không cần ghi")
            },
            Field::new("translation", "Bản dịch", "string")
                .optional()
                .hint(translation_hint),
            body_field(),
        ],
    }
}

/// One of Decap's widgets, with only the options it uses.
#[derive(Serialize, Default, Clone)]
struct Field {
    name: &'static str,
    label: &'static str,
    widget: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    default: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    /// A date without a time (`false`), for the datetime widget.
    #[serde(skip_serializing_if = "Option::is_none")]
    time_format: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pattern: Option<[&'static str; 2]>,
    /// The number widget's kind of number (`int`) and its least value.
    #[serde(skip_serializing_if = "Option::is_none")]
    value_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    options: Option<Vec<SelectOption>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    choose_url: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    media_folder: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    public_folder: Option<&'static str>,
    /// A list of single values (`["a", "b"]`) rather than of objects.
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<Box<Field>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label_singular: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'static str>,
    #[serde(rename = "typeKey", skip_serializing_if = "Option::is_none")]
    type_key: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    types: Option<Vec<Field>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<Vec<Field>>,
}

#[derive(Serialize, Clone)]
struct SelectOption {
    label: String,
    value: String,
}

impl Field {
    fn new(name: &'static str, label: &'static str, widget: &'static str) -> Self {
        Field {
            name,
            label,
            widget,
            ..Field::default()
        }
    }

    fn optional(self) -> Self {
        Field {
            required: Some(false),
            ..self
        }
    }

    fn hint(self, hint: impl Into<String>) -> Self {
        Field {
            hint: Some(hint.into()),
            ..self
        }
    }

    /// A day without a time, written as a document's dates are (`2024-03-15`).
    fn date(name: &'static str, label: &'static str) -> Self {
        Field {
            format: Some(DATE_FORMAT),
            time_format: Some(false),
            ..Field::new(name, label, "datetime")
        }
    }

    /// A document to download, with the kinds and the size the build accepts.
    fn download(name: &'static str, label: &'static str) -> Self {
        Field::new(name, label, "file").hint(format!(
            "{}; tối đa {}",
            bundle::download_kinds(),
            file_size(MAX_DOWNLOAD_BYTES)
        ))
    }

    /// Text the build refuses when blank: a space alone does not pass either.
    fn not_blank(self) -> Self {
        Field {
            pattern: Some([r"\S", "Không được để trống"]),
            ..self
        }
    }

    /// A block of the article's body: `type` says which, as in `BlockSource`.
    fn block(
        name: &'static str,
        label: &'static str,
        summary: &'static str,
        fields: Vec<Field>,
    ) -> Self {
        Field {
            summary: Some(summary),
            fields: Some(fields),
            ..Field::new(name, label, "object")
        }
    }
}

/// An article's or a page's body: typed blocks, as `BlockSource` reads them.
fn body_field() -> Field {
    Field {
        label_singular: Some("khối"),
        type_key: Some("type"),
        types: Some(vec![
            Field::block(
                "paragraph",
                "Đoạn văn",
                "{{fields.text | truncate(80, '…')}}",
                vec![Field::new("text", "Đoạn văn", "text").not_blank()],
            ),
            Field::block(
                "heading",
                "Tiêu đề mục",
                "{{fields.text}}",
                vec![Field::new("text", "Tiêu đề mục", "string").not_blank()],
            ),
            Field::block(
                "figure",
                "Ảnh",
                "{{fields.caption}}",
                vec![
                    Field {
                        choose_url: Some(false),
                        ..Field::new("image", "Ảnh", "image")
                            .hint(format!(
                                "JPEG, PNG, WebP hoặc GIF; mỗi chiều tối đa {MAX_IMAGE_SIDE} điểm ảnh, tổng cộng tối đa {} triệu điểm ảnh",
                                MAX_IMAGE_PIXELS / 1_000_000
                            ))
                    },
                    Field::new("caption", "Chú thích", "string").not_blank(),
                    Field::new("alt", "Mô tả ảnh cho người không xem được ảnh", "string")
                        .optional()
                        .hint("Để trống thì dùng chú thích"),
                ],
            ),
            Field::block(
                "file",
                "Tệp tải về",
                "{{fields.label}}",
                vec![
                    Field {
                        choose_url: Some(false),
                        // Downloads live in one folder, whatever the article.
                        media_folder: Some("/public/content/files"),
                        public_folder: Some("files"),
                        ..Field::download("file", "Tệp")
                    },
                    Field::new("label", "Tên tệp hiển thị cho người đọc", "string").not_blank(),
                ],
            ),
            Field::block(
                "table",
                "Bảng",
                "{{fields.caption}}",
                vec![
                    Field::new("caption", "Tên bảng", "string").optional(),
                    Field {
                        field: Some(Box::new(Field::new("cell", "Ô", "string"))),
                        ..Field::new("header", "Hàng tiêu đề", "list")
                            .hint("Mỗi mục là tên một cột")
                    },
                    Field {
                        label_singular: Some("hàng"),
                        field: Some(Box::new(Field {
                            field: Some(Box::new(Field::new("cell", "Ô", "string"))),
                            ..Field::new("row", "Hàng", "list")
                        })),
                        ..Field::new("rows", "Các hàng", "list")
                            .hint("Mỗi hàng có đúng bấy nhiêu ô như hàng tiêu đề")
                    },
                ],
            ),
        ]),
        ..Field::new("body", "Nội dung", "list")
            .hint("Các đoạn văn, tiêu đề mục, ảnh, tệp tải về và bảng, theo thứ tự đăng")
    }
}

/// The administrative procedures (`thu-tuc/`, `content::procedures`): each field as the build
/// checks it.
fn procedure_collection(paths: &Paths) -> Collection {
    let filings = Filing::ALL
        .into_iter()
        .map(|filing| SelectOption {
            label: filing.label().to_owned(),
            value: filing.code().to_owned(),
        })
        .collect();
    // Text, headings, tables and forms: a procedure has no photos.
    let mut steps =
        body_field().hint("Trình tự thực hiện, thành phần hồ sơ, biểu mẫu (tệp tải về)");
    steps.required = Some(false);
    steps.types = steps
        .types
        .map(|types| types.into_iter().filter(|t| t.name != "figure").collect());
    Collection {
        name: "procedures".to_owned(),
        label: "Thủ tục hành chính".to_owned(),
        label_singular: "thủ tục",
        description: "Thủ tục hành chính, ở /thu-tuc-hanh-chinh/, theo Cơ sở dữ liệu quốc gia về thủ tục hành chính.".to_owned(),
        folder: "public/content/thu-tuc".to_owned(),
        create: true,
        extension: "json",
        format: "json",
        slug: "{{slug}}",
        identifier_field: "title",
        summary: "{{code}} · {{title}}",
        sortable_fields: vec![SortableField::Field("code"), SortableField::Field("field")],
        media_folder: "/public/content/files",
        public_folder: "files",
        preview_path: paths
            .procedure("{{filename}}")
            .trim_start_matches('/')
            .to_owned(),
        fields: vec![
            Field {
                pattern: Some([
                    r"^[0-9]+(\.[0-9]+)+$",
                    "Các nhóm chữ số nối bằng dấu chấm, ví dụ 1.004491",
                ]),
                ..Field::new("code", "Mã thủ tục", "string")
                    .hint("Mã trên Cổng Dịch vụ công quốc gia, ví dụ 1.004491")
            },
            Field::new("title", "Tên thủ tục", "string").not_blank(),
            Field::new("field", "Lĩnh vực", "string")
                .not_blank()
                .hint("Ví dụ Hoạt động khoa học và công nghệ: viết giống nhau cho cùng một lĩnh vực"),
            Field {
                default: Some("Cấp tỉnh".to_owned()),
                ..Field::new("level", "Cấp thực hiện", "string").not_blank()
            },
            Field {
                options: Some(filings),
                default: Some(Filing::FullyOnline.code().to_owned()),
                ..Field::new("online", "Cách thực hiện", "select")
            },
            Field {
                pattern: Some([r"^(https://\S+)?$", "Địa chỉ bắt đầu bằng https://"]),
                ..Field::new("url", "Địa chỉ nộp hồ sơ trực tuyến", "string")
                    .optional()
                    .hint("Bắt buộc khi nộp trực tuyến: địa chỉ của thủ tục trên Cổng Dịch vụ công; để trống khi chỉ nộp trực tiếp")
            },
            Field::new("processing_time", "Thời hạn giải quyết", "string").optional(),
            Field::new("fee", "Phí, lệ phí", "string").optional(),
            steps,
        ],
    }
}

/// The science and technology tasks (`nhiem-vu/`, `content::tasks`): each field as the build
/// checks it.
fn task_collection(paths: &Paths) -> Collection {
    let kinds = TASK_KINDS
        .into_iter()
        .map(|kind| SelectOption {
            label: kind.to_owned(),
            value: kind.to_owned(),
        })
        .collect();
    let statuses = TaskStatus::ALL
        .into_iter()
        .map(|status| SelectOption {
            label: status.label().to_owned(),
            value: status.code().to_owned(),
        })
        .collect();
    let month = |name, label, hint: &str| Field {
        pattern: Some([r"^[0-9]{4}-(0[1-9]|1[0-2])$", "Năm-tháng, ví dụ 2023-05"]),
        ..Field::new(name, label, "string").hint(hint)
    };
    let summary = Field {
        name: "summary",
        label: "Mục tiêu và nội dung",
        ..body_field().hint("Mục tiêu, nội dung chính của nhiệm vụ")
    };
    let mut results = Field {
        name: "results",
        label: "Kết quả",
        ..body_field().hint("Chỉ khi đã nghiệm thu: kết quả, sản phẩm, báo cáo (tệp tải về)")
    };
    results.required = Some(false);
    Collection {
        name: "tasks".to_owned(),
        label: "Nhiệm vụ KH&CN".to_owned(),
        label_singular: "nhiệm vụ",
        description: "Đề tài, dự án, đề án, chương trình khoa học và công nghệ, ở /nhiem-vu/, với kết quả khi đã nghiệm thu.".to_owned(),
        folder: "public/content/nhiem-vu".to_owned(),
        create: true,
        extension: "json",
        format: "json",
        slug: "{{slug}}",
        identifier_field: "title",
        summary: "{{code}} · {{title}}",
        sortable_fields: vec![
            SortableField::Default {
                field: "start",
                default_sort: "desc",
            },
            SortableField::Field("code"),
        ],
        media_folder: PHOTOS_FOLDER,
        public_folder: PHOTOS_PUBLIC_FOLDER,
        preview_path: paths
            .task("{{filename}}")
            .trim_start_matches('/')
            .to_owned(),
        fields: vec![
            Field {
                pattern: Some([r"^\S+$", "Không có khoảng trắng, ví dụ ĐT.2023.05"]),
                ..Field::new("code", "Mã số", "string").hint("Ví dụ ĐT.2023.05; không trùng nhiệm vụ khác")
            },
            Field::new("title", "Tên nhiệm vụ", "string").not_blank(),
            Field {
                options: Some(kinds),
                default: Some(TASK_KINDS[0].to_owned()),
                ..Field::new("kind", "Loại nhiệm vụ", "select")
            },
            Field {
                default: Some("Cấp thành phố".to_owned()),
                ..Field::new("level", "Cấp quản lý", "string").not_blank()
            },
            Field::new("field", "Lĩnh vực", "string")
                .not_blank()
                .hint("Ví dụ Khoa học nông nghiệp: viết giống nhau cho cùng một lĩnh vực"),
            Field::new("organisation", "Tổ chức chủ trì", "string").not_blank(),
            Field::new("lead", "Chủ nhiệm", "string").not_blank(),
            month("start", "Bắt đầu", "Năm-tháng, ví dụ 2023-05"),
            month("end", "Kết thúc", "Năm-tháng, không trước tháng bắt đầu"),
            Field {
                value_type: Some("int"),
                min: Some(0),
                ..Field::new("budget", "Kinh phí (đồng)", "number")
                    .optional()
                    .hint("Số nguyên, không có dấu chấm: 1250000000 hiện là 1.250.000.000 đồng")
            },
            Field {
                options: Some(statuses),
                default: Some(TaskStatus::InProgress.code().to_owned()),
                ..Field::new("status", "Tình trạng", "select")
            },
            Field::date("accepted_on", "Ngày nghiệm thu")
                .optional()
                .hint("Bắt buộc khi đã nghiệm thu; để trống khi đang thực hiện"),
            summary,
            results,
        ],
    }
}

/// The organisation (`to-chuc.json` and `en/to-chuc.json`, `content::organisation`): one file
/// each, with the same fields as the build checks them.
fn organisation_collection(paths: &Paths) -> FileCollection {
    let blocks = |name: &'static str, label: &'static str, hint: &str| Field {
        name,
        label,
        ..body_field().hint(hint)
    };
    let photo = |name: &'static str, label: &'static str| Field {
        choose_url: Some(false),
        ..Field::new(name, label, "image").optional()
    };
    let email = |name: &'static str| Field {
        pattern: Some([r"^(\S+@\S+\.\S+)?$", "Ví dụ sokhcn@cantho.gov.vn"]),
        ..Field::new(name, "Thư điện tử", "string").optional()
    };
    let fields = || {
        let mut biography = blocks("biography", "Tiểu sử", "Tiểu sử tóm tắt");
        biography.required = Some(false);
        vec![
            blocks(
                "functions",
                "Chức năng, nhiệm vụ, quyền hạn",
                "Chức năng, nhiệm vụ, quyền hạn của Sở",
            ),
            photo("chart", "Sơ đồ cơ cấu tổ chức"),
            Field::new(
                "chart_alt",
                "Mô tả sơ đồ cho người không xem được ảnh",
                "text",
            )
            .optional()
            .hint("Bắt buộc khi có sơ đồ: các phòng, đơn vị và quan hệ giữa chúng"),
            Field {
                label_singular: Some("lãnh đạo"),
                summary: Some("{{fields.name}} · {{fields.position}}"),
                fields: Some(vec![
                    Field::new("name", "Họ và tên", "string").not_blank(),
                    Field::new("position", "Chức vụ", "string").not_blank(),
                    photo("photo", "Ảnh"),
                    Field::new("phone", "Điện thoại", "string").optional(),
                    email("email"),
                    blocks(
                        "duties",
                        "Nhiệm vụ được phân công",
                        "Lĩnh vực, đơn vị phụ trách",
                    ),
                    biography,
                ]),
                ..Field::new("leaders", "Lãnh đạo", "list")
                    .hint("Ít nhất một người, theo thứ tự hiện trên trang")
            },
            Field {
                label_singular: Some("đơn vị"),
                summary: Some("{{fields.name}}"),
                fields: Some(vec![
                    Field::new("name", "Tên đơn vị", "string").not_blank(),
                    Field::new("kind", "Loại đơn vị", "string")
                        .optional()
                        .hint("Ví dụ Phòng chuyên môn, Đơn vị sự nghiệp"),
                    Field::new("head", "Người đứng đầu", "string").optional(),
                    Field::new("functions", "Chức năng", "text").optional(),
                    Field::new("phone", "Điện thoại", "string").optional(),
                    email("email"),
                    Field::new("address", "Địa chỉ", "string").optional(),
                ]),
                ..Field::new("units", "Các đơn vị", "list").optional()
            },
            blocks(
                "history",
                "Lịch sử hình thành",
                "Lịch sử hình thành và phát triển",
            ),
            Field {
                format: Some(PUBLISHED_AT_FORMAT),
                ..Field::new("updated_at", "Cập nhật lúc", "datetime")
                    .optional()
                    .hint("Giờ Việt Nam (UTC+7); để trống nếu không cần ghi")
            },
        ]
    };
    let preview = |lang| paths.organisation(lang).trim_start_matches('/').to_owned();
    FileCollection {
        name: "organisation",
        label: "Tổ chức",
        description: "Cơ cấu tổ chức, chức năng, nhiệm vụ, lãnh đạo, các đơn vị và lịch sử của Sở, ở /to-chuc/ (Nghị định 224/2026, Điều 9.1.b); bản tiếng Anh ở /en/organisation/.",
        media_folder: "/public/content/images/to-chuc",
        public_folder: "images/to-chuc",
        files: vec![
            CollectionFile {
                name: "to-chuc",
                label: "Cơ cấu tổ chức (tiếng Việt)",
                file: "public/content/to-chuc.json",
                preview_path: preview(Lang::Vi),
                fields: fields(),
            },
            CollectionFile {
                name: "to-chuc-en",
                label: "Organisation (tiếng Anh)",
                file: "public/content/en/to-chuc.json",
                preview_path: preview(Lang::En),
                fields: fields(),
            },
        ],
    }
}

/// Where the bundle's articles are: the year folders of `articles/` (`articles/2024/…`), and
/// whether any article sits directly in `articles/` (a bundle not yet sorted by year).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleFolders {
    pub years: std::collections::BTreeSet<i32>,
    pub flat: bool,
}

impl ArticleFolders {
    /// Reads `articles/` of the bundle: a folder whose name is a year holds that year's.
    pub fn of(content_dir: &Path) -> ArticleFolders {
        let mut folders = ArticleFolders::default();
        let Ok(entries) = fs::read_dir(content_dir.join("articles")) else {
            return folders;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            match name.parse::<i32>() {
                Ok(year) if is_dir && name.len() == 4 => {
                    folders.years.insert(year);
                }
                _ if !is_dir && name.ends_with(".json") => folders.flat = true,
                _ => {}
            }
        }
        folders
    }
}

/// Which collection of the screen lists each entry of the search index, keyed by the entry's
/// slug there (see [`search::DocEntry`]): Decap lists the files directly in a collection's
/// folder, so an article is in `articles-<year>` when its file is in `articles/<year>/`, in
/// `articles` when it is directly in `articles/`, and on no list in any other folder.
pub fn screen_collections(content_dir: &Path) -> HashMap<String, String> {
    let mut collections = HashMap::new();
    let mut add = |folder: &Path, collection: &str, entry_slug: &dyn Fn(&str) -> String| {
        let Ok(entries) = fs::read_dir(folder) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_file = entry.file_type().is_ok_and(|t| t.is_file());
            if let Some(stem) = name.strip_suffix(".json").filter(|_| is_file) {
                collections.insert(entry_slug(stem), collection.to_owned());
            }
        }
    };
    let articles = content_dir.join("articles");
    add(&articles, "articles", &|stem| stem.to_owned());
    for year in ArticleFolders::of(content_dir).years {
        add(
            &articles.join(year.to_string()),
            &format!("articles-{year}"),
            &|stem| stem.to_owned(),
        );
    }
    add(&content_dir.join("van-ban"), "documents", &|stem| {
        format!("{}{stem}", search::DOCUMENT_PREFIX)
    });
    add(&content_dir.join("thu-tuc"), "procedures", &|stem| {
        format!("{}{stem}", search::PROCEDURE_PREFIX)
    });
    add(&content_dir.join("nhiem-vu"), "tasks", &|stem| {
        format!("{}{stem}", search::TASK_PREFIX)
    });
    add(&content_dir.join("pages"), "pages", &|stem| {
        search::page_entry_slug(Lang::Vi, stem)
    });
    add(
        &content_dir.join(bundle::ENGLISH_PAGES_FOLDER),
        "english_pages",
        &|stem| search::page_entry_slug(Lang::En, stem),
    );
    collections
}

/// The files "Tìm bài viết" reads beside the screen: for each chunk of the search index's list,
/// the collection of each of its entries (`null` for one on no list), as (path below the site
/// root, JSON).
pub fn finder_files(
    search_slugs: &[String],
    collections: &HashMap<String, String>,
) -> Vec<(String, String)> {
    search_slugs
        .chunks(search::DOCS_PER_CHUNK)
        .enumerate()
        .map(|(chunk, slugs)| {
            let names: Vec<Option<&String>> =
                slugs.iter().map(|slug| collections.get(slug)).collect();
            (
                search::screen_chunk_path((chunk * search::DOCS_PER_CHUNK) as u32),
                serde_json::to_string(&names).expect("names always serialise"),
            )
        })
        .collect()
}

/// Decap's `config.yml` for this site. Articles are listed one year at a time, newest year
/// first, so that no list the screen loads holds more than a year of an archive of 25,000;
/// only the collection of `this_year` (the build's, in Vietnam's time) makes new ones, so that
/// a new article is saved in its year's folder.
pub fn decap_config(
    site: &Site,
    settings: Option<&CmsSettings>,
    paths: &Paths,
    folders: &ArticleFolders,
    this_year: i32,
) -> String {
    let categories = site
        .categories
        .iter()
        .map(|c| SelectOption {
            label: c.name.clone(),
            value: c.slug.clone(),
        })
        .collect::<Vec<_>>();
    let first_category = site.categories.first().map(|c| c.slug.clone());
    let fields = vec![
        Field::new("title", "Tiêu đề", "string").not_blank(),
        Field {
            format: Some(PUBLISHED_AT_FORMAT),
            default: Some("{{now}}".to_owned()),
            ..Field::new("published_at", "Thời gian đăng", "datetime").hint("Giờ Việt Nam (UTC+7)")
        },
        Field {
            options: Some(categories),
            default: first_category,
            ..Field::new("category", "Chuyên mục", "select")
        },
        Field::new("summary", "Tóm tắt", "text")
            .optional()
            .hint("Để trống thì dùng đầu đoạn văn thứ nhất"),
        body_field(),
        Field::new("signature", "Chữ ký", "string")
            .optional()
            .hint("Tác giả hoặc đơn vị, in cuối bài"),
    ];
    let backend = match settings {
        Some(settings) => Backend::Git {
            backend: settings.backend.clone(),
            use_graphql: settings.backend.name == GitHost::Github,
        },
        None => Backend::LocalOnly {
            name: "proxy",
            proxy_url: LOCAL_PROXY_URL,
            branch: default_branch(),
        },
    };
    let editorial = settings.is_none_or(|s| s.backend.name.has_editorial_workflow());
    let config = Config {
        locale: "vi",
        backend,
        // Draft, in review, ready: nothing is published until someone approves it. The local
        // proxy, which writes files straight into the checkout, has no such workflow, and Decap
        // then saves directly.
        publish_mode: editorial.then_some("editorial_workflow"),
        local_backend: LocalBackend {
            url: LOCAL_PROXY_URL,
        },
        // "Xem trên trang" opens site_url + preview_path, which already holds the base.
        site_url: site.origin.clone(),
        display_url: format!("{}{}", site.origin, paths.home()),
        media_folder: "public/content/images",
        public_folder: "images",
        slug: SlugRules {
            encoding: "ascii",
            clean_accents: true,
            sanitize_replacement: "-",
        },
        collections: article_collections(fields, paths, folders, this_year)
            .into_iter()
            .map(AnyCollection::Folder)
            .chain([
        page_collection(Lang::Vi, paths),
        page_collection(Lang::En, paths),
        Collection {
            name: "documents".to_owned(),
            label: "Văn bản".to_owned(),
            label_singular: "văn bản",
            description: "Văn bản pháp quy và hành chính, ở /van-ban/. Tên tệp của văn bản mới lấy từ số/ký hiệu.".to_owned(),
            folder: "public/content/van-ban".to_owned(),
            create: true,
            extension: "json",
            format: "json",
            slug: "{{slug}}",
            identifier_field: "number",
            summary: "{{number}} · {{title}}",
            sortable_fields: vec![
                SortableField::Default {
                    field: "issued_on",
                    default_sort: "desc",
                },
                SortableField::Field("number"),
            ],
            media_folder: "/public/content/files",
            public_folder: "files",
            preview_path: paths
                .document("{{filename}}")
                .trim_start_matches('/')
                .to_owned(),
            fields: vec![
                Field::new("number", "Số/ký hiệu", "string")
                    .not_blank()
                    .hint("Ví dụ 12/2024/QĐ-UBND"),
                Field::new("kind", "Loại văn bản", "string")
                    .not_blank()
                    .hint("Ví dụ Quyết định, Kế hoạch, Thông báo: viết giống nhau cho cùng một loại"),
                Field::new("issuer", "Cơ quan ban hành", "string").not_blank(),
                Field::date("issued_on", "Ngày ban hành"),
                Field::date("effective_on", "Ngày hiệu lực").optional(),
                Field::new("title", "Trích yếu", "text").not_blank(),
                Field {
                    label_singular: Some("tệp"),
                    fields: Some(vec![
                        Field {
                            choose_url: Some(false),
                            ..Field::download("file", "Tệp")
                        },
                        Field::new("label", "Tên tệp hiển thị", "string")
                            .optional()
                            .hint("Để trống thì dùng tên tệp"),
                    ]),
                    ..Field::new("files", "Tệp văn bản", "list").hint("Ít nhất một tệp")
                },
            ],
        },
        procedure_collection(paths),
        task_collection(paths),
        ].map(AnyCollection::Folder))
            .chain([AnyCollection::Files(organisation_collection(paths))])
            .collect(),
    };
    serde_yaml_ng::to_string(&config).expect("the configuration always serialises")
}

/// The articles' collections: `articles-<year>` for each year folder and this year, newest
/// first; `articles` for those not yet in a year folder, if any (`site-build sort-by-year`
/// moves them).
fn article_collections(
    fields: Vec<Field>,
    paths: &Paths,
    folders: &ArticleFolders,
    this_year: i32,
) -> Vec<Collection> {
    let collection =
        |name: String, label: String, description: String, folder: String, create| Collection {
            name,
            label,
            label_singular: "bài viết",
            description,
            folder,
            create,
            extension: "json",
            format: "json",
            slug: "{{slug}}",
            identifier_field: "title",
            summary: "{{title}}",
            sortable_fields: vec![
                SortableField::Default {
                    field: "published_at",
                    default_sort: "desc",
                },
                SortableField::Field("title"),
            ],
            media_folder: PHOTOS_FOLDER,
            public_folder: PHOTOS_PUBLIC_FOLDER,
            preview_path: paths
                .article("{{filename}}")
                .trim_start_matches('/')
                .to_owned(),
            fields: fields.clone(),
        };
    let mut years: Vec<i32> = folders.years.iter().copied().chain([this_year]).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let mut collections: Vec<Collection> = years
        .into_iter()
        .map(|year| {
            let description = if year == this_year {
                format!("Tin bài năm {year}. Bài mới viết ở đây được lưu vào thư mục articles/{year}/; tên tệp lấy từ tiêu đề, viết thường không dấu.")
            } else {
                format!("Tin bài năm {year}, thư mục articles/{year}/. Bài mới viết ở mục Bài viết {this_year}.")
            };
            collection(
                format!("articles-{year}"),
                format!("Bài viết {year}"),
                description,
                format!("public/content/articles/{year}"),
                year == this_year,
            )
        })
        .collect();
    if folders.flat {
        collections.push(collection(
            "articles".to_owned(),
            "Bài viết chưa xếp theo năm".to_owned(),
            "Bài nằm thẳng trong articles/. Lệnh site-build sort-by-year xếp chúng vào thư mục theo năm, địa chỉ không đổi.".to_owned(),
            "public/content/articles".to_owned(),
            false,
        ));
    }
    collections
}

/// The files of Decap's npm package the screen loads: its bundle, the chunks it loads on
/// demand, their WebAssembly, and its licence notice.
fn is_decap_file(name: &str) -> bool {
    name == "decap-cms.js"
        || name == "decap-cms.js.LICENSE.txt"
        || name.ends_with(".decap-cms.js")
        || name.ends_with(".wasm")
}

/// The page that loads the screen, and our additions to it: the Vietnamese strings Decap's own
/// locale lacks, and the preview of an article in the site's styles.
const ADMIN_PAGE: &str = include_str!("../cms/index.html");
const ADMIN_SCRIPT: &str = include_str!("../cms/cms.js");

/// Where the site published each photo of the bundle, by its path in the bundle: the preview
/// shows the photos of an article written by hand from there. Decap looks for an article's
/// photos only in the folder it gives a new article (named after its title).
pub fn photos_on_site(variants: &BTreeMap<String, ImageVariants>) -> String {
    let urls: BTreeMap<&str, String> = variants
        .iter()
        .filter_map(|(path, variants)| {
            let largest = *variants.widths.last()?;
            Some((path.as_str(), variant_path(&variants.key, largest, "jpg")))
        })
        .collect();
    serde_json::to_string(&urls).expect("a map of strings always serialises")
}

/// The editors' guide in Vietnamese, published beside the screen at `quan-tri/huong-dan/`, and
/// the screenshots it shows (made by the browser tests, `tests/e2e/specs/cms.spec.ts`).
const GUIDE: &str = include_str!("../../docs/huong-dan-bien-tap.md");
const GUIDE_PICTURES: [(&str, &[u8]); 2] = [
    (
        "quan-tri-danh-sach.png",
        include_bytes!("../../tests/e2e/screenshots/quan-tri-danh-sach.png"),
    ),
    (
        "quan-tri-bai-viet.png",
        include_bytes!("../../tests/e2e/screenshots/quan-tri-bai-viet.png"),
    ),
];
const GUIDE_FOLDER: &str = "huong-dan";

/// The guide as a page (pulldown-cmark): its screenshots from beside it, and its links to the
/// developers' docs, which are not published, as their text.
pub fn guide_page(markdown: &str) -> String {
    use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};
    let mut in_unpublished_link = false;
    let events =
        Parser::new_ext(markdown, Options::ENABLE_TABLES).filter_map(|event| match event {
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let name = dest_url.rsplit('/').next().unwrap_or_default().to_owned();
                Some(Event::Start(Tag::Image {
                    link_type,
                    dest_url: CowStr::from(name),
                    title,
                    id,
                }))
            }
            Event::Start(Tag::Link { ref dest_url, .. })
                if !dest_url.contains("://") && !dest_url.starts_with('#') =>
            {
                in_unpublished_link = true;
                None
            }
            Event::End(TagEnd::Link) if in_unpublished_link => {
                in_unpublished_link = false;
                None
            }
            other => Some(other),
        });
    let mut body = String::new();
    html::push_html(&mut body, events);
    format!(
        r#"<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Hướng dẫn biên tập</title>
<link rel="stylesheet" href="../xem-truoc.css">
</head>
<body>
<main class="page">
<div class="container">
<nav class="guide__links" aria-label="Công cụ biên tập"><a href="../">Màn hình biên tập</a> · <a href="../tim-bai-viet/">Tìm bài viết</a></nav>
<article class="article guide">
{body}</article>
</div>
</main>
</body>
</html>
"#
    )
}

/// The screenshots the guide shows, by file name.
#[cfg(test)]
fn guide_pictures(markdown: &str) -> Vec<String> {
    pulldown_cmark::Parser::new(markdown)
        .filter_map(|event| match event {
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Image { dest_url, .. }) => {
                dest_url.rsplit('/').next().map(str::to_owned)
            }
            _ => None,
        })
        .collect()
}

/// Writes `quan-tri/` into `out`: the page, Decap's files from `decap_dist`, the configuration,
/// the site's CSS and where its photos are, for the preview, and the guide. Returns the files
/// written.
pub fn publish(
    out: &Path,
    decap_dist: &Path,
    config: &str,
    site_css: &str,
    photos_on_site: &str,
) -> Result<Vec<PathBuf>, String> {
    let folder = out.join(ADMIN_FOLDER);
    fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let entries = fs::read_dir(decap_dist).map_err(|e| {
        format!(
            "không tìm thấy Decap CMS ở {} ({e}): chạy .ci/setup để cài",
            decap_dist.display()
        )
    })?;
    let mut written = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_decap_file(&name) {
            let target = folder.join(&name);
            store::copy(&entry.path(), &target)?;
            written.push(target);
        }
    }
    if !folder.join("decap-cms.js").is_file() {
        return Err(format!(
            "{} không có decap-cms.js: chạy .ci/setup để cài lại Decap CMS",
            decap_dist.display()
        ));
    }
    for (name, text) in [
        ("index.html", ADMIN_PAGE),
        ("cms.js", ADMIN_SCRIPT),
        ("config.yml", config),
        ("xem-truoc.css", site_css),
        ("anh-tren-trang.json", photos_on_site),
    ] {
        let target = folder.join(name);
        store::write(&target, text.as_bytes())?;
        written.push(target);
    }
    let guide = folder.join(GUIDE_FOLDER);
    fs::create_dir_all(&guide).map_err(|e| format!("{}: {e}", guide.display()))?;
    let page = guide_page(GUIDE);
    let guide_files = GUIDE_PICTURES
        .iter()
        .copied()
        .chain([("index.html", page.as_bytes())]);
    for (name, bytes) in guide_files {
        let target = guide.join(name);
        store::write(&target, bytes)?;
        written.push(target);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guide_is_published_with_every_screenshot_it_shows() {
        let shown = guide_pictures(GUIDE);
        assert!(!shown.is_empty());
        for name in &shown {
            assert!(
                GUIDE_PICTURES
                    .iter()
                    .any(|(published, _)| published == name),
                "{name} is in the guide but not in GUIDE_PICTURES"
            );
        }
        let page = guide_page(GUIDE);
        assert!(page.contains("<h1>Hướng dẫn biên tập</h1>"));
        assert!(page.contains(r#"<img src="quan-tri-danh-sach.png""#));
        // The developers' docs are not published: no link leads there.
        assert!(!page.contains(".md\""));
        assert!(page.contains("docs/editors-guide.md"));
    }
}
