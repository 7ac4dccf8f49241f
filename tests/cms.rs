//! The editors' screen's configuration: written from `site.json` and `cms.json`, it describes
//! exactly the article format the build accepts.

#![cfg(feature = "ssr")]

mod common;

use khcn_cantho::build::cms::{
    decap_config, finder_files, parse_settings, screen_collections, ArticleFolders, CmsSettings,
    PUBLISHED_AT_FORMAT,
};
use khcn_cantho::build::source;
use khcn_cantho::content::bundle::{parse_article, Assets};
use khcn_cantho::paths::Paths;
use serde_yaml_ng::Value;
use std::path::Path;

fn seed_site() -> khcn_cantho::content::Site {
    source::load(Path::new("public/content"))
        .expect("the seed bundle is valid")
        .site
}

/// The seed's folders: its article in `articles/2023/`; built in 2026.
fn config_for(settings: Option<&CmsSettings>, base: &str) -> Value {
    config_with(
        settings,
        base,
        &ArticleFolders::of(Path::new("public/content")),
        2026,
    )
}

fn config_with(
    settings: Option<&CmsSettings>,
    base: &str,
    folders: &ArticleFolders,
    this_year: i32,
) -> Value {
    let yaml = decap_config(
        &seed_site(),
        settings,
        &Paths::new(base),
        folders,
        this_year,
    );
    serde_yaml_ng::from_str(&yaml).expect("config.yml is YAML")
}

fn settings(json: &str) -> CmsSettings {
    parse_settings("public/content/cms.json", json).expect("valid settings")
}

fn articles(config: &Value) -> &Value {
    &config["collections"][0]
}

fn names(fields: &Value) -> Vec<&str> {
    fields
        .as_sequence()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect()
}

#[test]
fn the_categories_come_from_site_json() {
    let config = config_for(None, "/");
    let category = &articles(&config)["fields"][2];
    assert_eq!(category["name"], "category");
    assert_eq!(category["widget"], "select");
    let options: Vec<(&str, &str)> = category["options"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|o| (o["value"].as_str().unwrap(), o["label"].as_str().unwrap()))
        .collect();
    let site = seed_site();
    let expected: Vec<(&str, &str)> = site
        .categories
        .iter()
        .map(|c| (c.slug.as_str(), c.name.as_str()))
        .collect();
    assert_eq!(options, expected);
}

#[test]
fn the_fields_are_those_of_an_article_file() {
    let config = config_for(None, "/");
    let collection = articles(&config);
    assert_eq!(collection["folder"], "public/content/articles/2026");
    assert_eq!(collection["format"], "json");
    assert_eq!(
        names(&collection["fields"]),
        [
            "title",
            "published_at",
            "category",
            "summary",
            "body",
            "signature"
        ]
    );
    let published_at = &collection["fields"][1];
    assert_eq!(published_at["format"], PUBLISHED_AT_FORMAT);
    let body = &collection["fields"][4];
    assert_eq!(body["widget"], "list");
    assert_eq!(body["typeKey"], "type");
    let types = body["types"].as_sequence().unwrap();
    assert_eq!(
        names(&body["types"]),
        ["paragraph", "heading", "figure", "file", "table"]
    );
    assert_eq!(names(&types[0]["fields"]), ["text"]);
    assert_eq!(names(&types[1]["fields"]), ["text"]);
    assert_eq!(names(&types[2]["fields"]), ["image", "caption", "alt"]);
    // Downloads go to files/, whatever the article; a table's rows are lists of cells.
    assert_eq!(names(&types[3]["fields"]), ["file", "label"]);
    assert_eq!(
        types[3]["fields"][0]["media_folder"],
        "/public/content/files"
    );
    assert_eq!(types[3]["fields"][0]["public_folder"], "files");
    assert_eq!(names(&types[4]["fields"]), ["caption", "header", "rows"]);
    assert_eq!(types[4]["fields"][1]["field"]["widget"], "string");
    assert_eq!(types[4]["fields"][2]["field"]["widget"], "list");
    assert_eq!(types[4]["fields"][2]["field"]["field"]["widget"], "string");
    // Optional where the build has a default, required elsewhere.
    let optional: Vec<&str> = collection["fields"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter(|f| f["required"] == Value::Bool(false))
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(optional, ["summary", "signature"]);
    assert_eq!(types[2]["fields"][2]["required"], Value::Bool(false));
}

/// Every photo and every download exists.
struct EveryFileThere;

impl Assets for EveryFileThere {
    fn image(&mut self, _: &str) -> Result<(u32, u32), String> {
        Ok((960, 540))
    }

    fn file(&mut self, path: &str) -> Result<(String, u64), String> {
        Ok((path.rsplit('.').next().unwrap().to_uppercase(), 1000))
    }
}

/// An article as Decap writes it, every field filled, with the names and the time format the
/// configuration gives: the build accepts it.
#[test]
fn what_the_screen_saves_the_build_accepts() {
    let site = seed_site();
    let text = r#"{
      "title": "Hội thảo chuyển đổi số năm 2026",
      "published_at": "2026-03-15T09:30:00+07:00",
      "category": "khoa-hoc-cong-nghe",
      "summary": "",
      "body": [
        { "type": "heading", "text": "Mở đầu" },
        { "type": "paragraph", "text": "Đoạn một." },
        { "type": "figure", "image": "images/hoi-thao-chuyen-doi-so-nam-2026/anh.jpg", "caption": "Quang cảnh", "alt": "" },
        { "type": "file", "file": "files/ke-hoach.pdf", "label": "Kế hoạch" },
        { "type": "table", "caption": "", "header": ["A", "B"], "rows": [["1", "2"]] }
      ],
      "signature": ""
    }"#;
    let article = parse_article(
        "public/content/articles/hoi-thao-chuyen-doi-so-nam-2026.json",
        "hoi-thao-chuyen-doi-so-nam-2026",
        text,
        &site,
        &mut EveryFileThere,
    )
    .expect("what Decap writes is a valid article");
    assert_eq!(article.published_at, "2026-03-15T09:30:00+07:00");
    assert_eq!(article.summary, "Đoạn một.");
    assert_eq!(article.signature, None);
}

#[test]
fn new_files_and_photo_folders_are_ascii_slugs() {
    let config = config_for(None, "/");
    assert_eq!(config["slug"]["encoding"], "ascii");
    assert_eq!(config["slug"]["clean_accents"], Value::Bool(true));
    let collection = articles(&config);
    assert_eq!(collection["slug"], "{{slug}}");
    assert_eq!(
        collection["media_folder"],
        "/public/content/images/{{slug}}"
    );
    assert_eq!(collection["public_folder"], "images/{{slug}}");
}

#[test]
fn without_cms_json_the_screen_works_with_the_local_proxy_only() {
    let config = config_for(None, "/");
    assert_eq!(config["backend"]["name"], "proxy");
    assert_eq!(
        config["local_backend"]["url"],
        "http://127.0.0.1:8081/api/v1"
    );
    assert_eq!(config["locale"], "vi");
}

#[test]
fn the_git_host_comes_from_cms_json_with_the_editorial_workflow() {
    let github = settings(
        r#"{ "backend": { "name": "github", "repo": "so-khcn/cong-thong-tin", "base_url": "https://xac-thuc.example.vn" } }"#,
    );
    let config = config_for(Some(&github), "/tin-tuc/");
    assert_eq!(config["backend"]["name"], "github");
    assert_eq!(config["backend"]["repo"], "so-khcn/cong-thong-tin");
    assert_eq!(config["backend"]["branch"], "main");
    assert_eq!(config["backend"]["base_url"], "https://xac-thuc.example.vn");
    // GitHub's GraphQL API: a list costs a few requests, not one an entry.
    assert_eq!(config["backend"]["use_graphql"], true);
    assert_eq!(config["publish_mode"], "editorial_workflow");
    // "Xem trên trang" opens the article below the site's base.
    assert_eq!(
        articles(&config)["preview_path"],
        "tin-tuc/bai-viet/{{filename}}/"
    );

    let gitlab = settings(
        r#"{ "backend": { "name": "gitlab", "repo": "so-khcn/web/cong-thong-tin", "branch": "chinh", "auth_type": "pkce", "app_id": "abc" } }"#,
    );
    let config = config_for(Some(&gitlab), "/");
    assert_eq!(config["backend"]["auth_type"], "pkce");
    assert_eq!(config["backend"]["use_graphql"], Value::Null);
    assert_eq!(config["backend"]["branch"], "chinh");
    assert_eq!(config["publish_mode"], "editorial_workflow");

    // Decap's Gitea backend has no editorial workflow: approval is a pull request on Gitea.
    let gitea = settings(
        r#"{ "backend": { "name": "gitea", "repo": "so-khcn/cong-thong-tin", "branch": "ban-thao", "base_url": "https://git.example.vn", "api_root": "https://git.example.vn/api/v1", "app_id": "xyz" } }"#,
    );
    let config = config_for(Some(&gitea), "/");
    assert_eq!(config["backend"]["name"], "gitea");
    assert_eq!(config["publish_mode"], Value::Null);
}

#[test]
fn a_wrong_cms_json_names_the_field() {
    let problems = |json: &str| {
        parse_settings("public/content/cms.json", json)
            .unwrap_err()
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    };
    let found = problems(r#"{ "backend": { "name": "github", "repo": "cong-thong-tin" } }"#);
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("public/content/cms.json: trường \"backend.repo\""));
    let found = problems(
        r#"{ "backend": { "name": "gitea", "repo": "a/b", "base_url": "http://git.example.vn" } }"#,
    );
    assert!(found.iter().any(|e| e.contains("\"backend.app_id\"")));
    assert!(found.iter().any(|e| e.contains("\"backend.base_url\"")));
    let found = problems(r#"{ "backend": { "name": "bitbucket", "repo": "a/b" } }"#);
    assert!(found[0].contains("\"backend.name\""), "{found:?}");
    let found = problems(r#"{ "backend": { "name": "github", "repo": "a/b", "token": "x" } }"#);
    assert!(found[0].contains("\"backend.token\""), "{found:?}");
}

#[test]
fn the_screen_lives_below_the_base() {
    assert_eq!(Paths::new("/").admin(), "/quan-tri/");
    assert_eq!(Paths::new("/tin-tuc/").admin(), "/tin-tuc/quan-tri/");
}

#[test]
fn the_pages_are_a_collection_of_their_own_with_the_same_blocks() {
    let config = config_for(None, "/tin-tuc/");
    let collections = config["collections"].as_sequence().unwrap();
    assert_eq!(
        names(&config["collections"]),
        [
            "articles-2026",
            "articles-2023",
            "pages",
            "english_pages",
            "documents",
            "procedures",
            "tasks",
            "organisation"
        ]
    );
    let pages = &collections[2];
    assert_eq!(pages["folder"], "public/content/pages");
    assert_eq!(pages["preview_path"], "tin-tuc/{{filename}}/");
    assert_eq!(
        names(&pages["fields"]),
        ["title", "updated_at", "translation", "body"]
    );
    assert_eq!(pages["fields"][1]["required"], Value::Bool(false));
    assert_eq!(pages["fields"][1]["format"], PUBLISHED_AT_FORMAT);
    assert_eq!(pages["fields"][2]["required"], Value::Bool(false));
    // The same blocks as an article's body.
    assert_eq!(pages["fields"][3], collections[0]["fields"][4]);
    // The English section: the same fields, its own folder and addresses.
    let english = &collections[3];
    assert_eq!(english["folder"], "public/content/en/pages");
    assert_eq!(english["preview_path"], "tin-tuc/en/{{filename}}/");
    assert_eq!(names(&english["fields"]), names(&pages["fields"]));
    assert_eq!(english["fields"][3], pages["fields"][3]);
}

#[test]
fn the_procedures_are_a_collection_as_the_build_checks_them() {
    let config = config_for(None, "/");
    let procedures = &config["collections"][5];
    assert_eq!(procedures["name"], "procedures");
    assert_eq!(procedures["folder"], "public/content/thu-tuc");
    assert_eq!(
        procedures["preview_path"],
        "thu-tuc-hanh-chinh/{{filename}}/"
    );
    assert_eq!(
        names(&procedures["fields"]),
        [
            "code",
            "title",
            "field",
            "level",
            "online",
            "url",
            "processing_time",
            "fee",
            "body"
        ]
    );
    let code_pattern = procedures["fields"][0]["pattern"][0].as_str().unwrap();
    assert_eq!(code_pattern, r"^[0-9]+(\.[0-9]+)+$");
    let filings: Vec<&str> = procedures["fields"][4]["options"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|o| o["value"].as_str().unwrap())
        .collect();
    assert_eq!(filings, ["toan-trinh", "mot-phan", "truc-tiep"]);
    assert_eq!(procedures["fields"][5]["required"], Value::Bool(false));
    // The same blocks as an article's, without photos; optional.
    let body = &procedures["fields"][8];
    assert_eq!(body["required"], Value::Bool(false));
    assert_eq!(
        names(&body["types"]),
        ["paragraph", "heading", "file", "table"]
    );
}

#[test]
fn what_the_screen_saves_for_a_procedure_the_build_accepts() {
    use khcn_cantho::content::procedures::{parse_procedure, Filing};
    // Decap writes an optional text left empty as "".
    let text = r#"{
      "code": "1.004491",
      "title": "Đăng ký kết quả thực hiện nhiệm vụ",
      "field": "Hoạt động khoa học và công nghệ",
      "level": "Cấp tỉnh",
      "online": "truc-tiep",
      "url": "",
      "processing_time": "",
      "fee": "",
      "body": [
        { "type": "paragraph", "text": "Bước 1." },
        { "type": "file", "file": "files/mau.docx", "label": "Mẫu đơn" }
      ]
    }"#;
    let procedure = parse_procedure(
        "public/content/thu-tuc/dang-ky.json",
        "dang-ky",
        text,
        &mut EveryFileThere,
    )
    .expect("what Decap writes is a valid procedure");
    assert_eq!(procedure.filing, Filing::InPerson);
    assert_eq!((procedure.url, procedure.fee), (None, None));
}

#[test]
fn the_tasks_are_a_collection_as_the_build_checks_them() {
    let config = config_for(None, "/tin-tuc/");
    let tasks = &config["collections"][6];
    assert_eq!(tasks["name"], "tasks");
    assert_eq!(tasks["folder"], "public/content/nhiem-vu");
    assert_eq!(tasks["preview_path"], "tin-tuc/nhiem-vu/{{filename}}/");
    assert_eq!(
        names(&tasks["fields"]),
        [
            "code",
            "title",
            "kind",
            "level",
            "field",
            "organisation",
            "lead",
            "start",
            "end",
            "budget",
            "status",
            "accepted_on",
            "summary",
            "results"
        ]
    );
    let options = |i: usize| -> Vec<String> {
        tasks["fields"][i]["options"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|o| o["value"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(options(2), ["Đề tài", "Dự án", "Đề án", "Chương trình"]);
    assert_eq!(options(10), ["dang-thuc-hien", "da-nghiem-thu"]);
    assert_eq!(
        tasks["fields"][7]["pattern"][0],
        r"^[0-9]{4}-(0[1-9]|1[0-2])$"
    );
    assert_eq!(tasks["fields"][9]["widget"], "number");
    assert_eq!(tasks["fields"][9]["value_type"], "int");
    // The summary and the results have an article's blocks; the results are optional.
    let article_body = &config["collections"][0]["fields"][4];
    assert_eq!(tasks["fields"][12]["types"], article_body["types"]);
    assert_eq!(tasks["fields"][13]["required"], Value::Bool(false));
}

#[test]
fn what_the_screen_saves_for_a_task_the_build_accepts() {
    use khcn_cantho::content::tasks::{parse_task, TaskStatus};
    // Decap writes an optional text and an empty number as "".
    let in_progress = r#"{
      "code": "ĐT.2024.02",
      "title": "Phân bón hữu cơ",
      "kind": "Đề tài",
      "level": "Cấp thành phố",
      "field": "Khoa học nông nghiệp",
      "organisation": "Trường Đại học A",
      "lead": "ThS. B",
      "start": "2024-03",
      "end": "2026-02",
      "budget": "",
      "status": "dang-thuc-hien",
      "accepted_on": "",
      "summary": [{ "type": "paragraph", "text": "Mục tiêu." }],
      "results": []
    }"#;
    let task = parse_task(
        "public/content/nhiem-vu/phan-bon.json",
        "phan-bon",
        in_progress,
        &mut EveryFileThere,
    )
    .expect("what Decap writes is a valid task");
    assert_eq!((task.status, task.budget), (TaskStatus::InProgress, None));
    let accepted = in_progress
        .replace(r#""budget": """#, r#""budget": 860000000"#)
        .replace("dang-thuc-hien", "da-nghiem-thu")
        .replace(r#""accepted_on": """#, r#""accepted_on": "2026-03-01""#)
        .replace(
            r#""results": []"#,
            r#""results": [{ "type": "file", "file": "files/bao-cao.pdf", "label": "Báo cáo" }]"#,
        );
    let task = parse_task(
        "public/content/nhiem-vu/phan-bon.json",
        "phan-bon",
        &accepted,
        &mut EveryFileThere,
    )
    .expect("what Decap writes is a valid task");
    assert_eq!(task.budget, Some(860_000_000));
    assert_eq!(task.accepted_on.as_deref(), Some("2026-03-01"));
}

#[test]
fn the_organisation_is_a_collection_of_its_two_files() {
    let config = config_for(None, "/tin-tuc/");
    let organisation = &config["collections"][7];
    assert_eq!(organisation["name"], "organisation");
    let files = organisation["files"].as_sequence().unwrap();
    let where_: Vec<(&str, &str, &str)> = files
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap(),
                f["file"].as_str().unwrap(),
                f["preview_path"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        where_,
        [
            ("to-chuc", "public/content/to-chuc.json", "tin-tuc/to-chuc/"),
            (
                "to-chuc-en",
                "public/content/en/to-chuc.json",
                "tin-tuc/en/organisation/"
            )
        ]
    );
    let fields = &files[0]["fields"];
    assert_eq!(
        names(fields),
        [
            "functions",
            "chart",
            "chart_alt",
            "leaders",
            "units",
            "history",
            "updated_at"
        ]
    );
    assert_eq!(
        names(&fields[3]["fields"]),
        [
            "name",
            "position",
            "photo",
            "phone",
            "email",
            "duties",
            "biography"
        ]
    );
    assert_eq!(
        names(&fields[4]["fields"]),
        [
            "name",
            "kind",
            "head",
            "functions",
            "phone",
            "email",
            "address"
        ]
    );
    // The functions, the history and a leader's duties have an article's blocks.
    let article_body = &config["collections"][0]["fields"][4];
    assert_eq!(fields[0]["types"], article_body["types"]);
    assert_eq!(fields[3]["fields"][5]["types"], article_body["types"]);
    assert_eq!(files[1]["fields"], files[0]["fields"]);
}

#[test]
fn what_the_screen_saves_for_the_organisation_the_build_accepts() {
    use khcn_cantho::content::organisation::parse_organisation;
    // Decap writes an optional text, image or date left empty as "".
    let text = r#"{
      "functions": [{ "type": "paragraph", "text": "Chức năng." }],
      "chart": "",
      "chart_alt": "",
      "leaders": [
        { "name": "Trần Đông Phương An", "position": "Phó Giám đốc", "photo": "", "phone": "",
          "email": "", "duties": [{ "type": "paragraph", "text": "Phụ trách." }], "biography": [] }
      ],
      "units": [{ "name": "Văn phòng", "kind": "", "head": "", "functions": "", "phone": "", "email": "", "address": "" }],
      "history": [{ "type": "paragraph", "text": "Lịch sử." }],
      "updated_at": ""
    }"#;
    let organisation = parse_organisation("public/content/to-chuc.json", text, &mut EveryFileThere)
        .expect("what Decap writes is a valid organisation");
    assert_eq!(organisation.leaders[0].slug, "tran-dong-phuong-an");
    assert_eq!(organisation.leaders[0].email, None);
    assert_eq!(organisation.chart, None);
    assert_eq!(organisation.units[0].kind, None);
}

#[test]
fn the_documents_are_a_collection_with_their_files_in_files() {
    let config = config_for(None, "/");
    let documents = &config["collections"][4];
    assert_eq!(documents["name"], "documents");
    assert_eq!(documents["folder"], "public/content/van-ban");
    assert_eq!(documents["media_folder"], "/public/content/files");
    assert_eq!(documents["public_folder"], "files");
    assert_eq!(
        names(&documents["fields"]),
        [
            "number",
            "kind",
            "issuer",
            "issued_on",
            "effective_on",
            "title",
            "files"
        ]
    );
    assert_eq!(documents["fields"][3]["format"], "YYYY-MM-DD");
    assert_eq!(documents["fields"][3]["time_format"], Value::Bool(false));
    assert_eq!(documents["fields"][4]["required"], Value::Bool(false));
    assert_eq!(names(&documents["fields"][6]["fields"]), ["file", "label"]);
}

#[test]
fn articles_are_listed_a_year_at_a_time_newest_first_and_only_this_year_makes_new_ones() {
    let folders = ArticleFolders {
        years: [2014, 2024, 2025].into(),
        flat: false,
    };
    let config = config_with(None, "/", &folders, 2026);
    let collections = config["collections"].as_sequence().unwrap();
    let articles: Vec<&Value> = collections
        .iter()
        .filter(|c| c["name"].as_str().unwrap().starts_with("articles"))
        .collect();
    let shown = |key: &str| -> Vec<String> {
        articles
            .iter()
            .map(|c| match &c[key] {
                Value::String(s) => s.clone(),
                other => format!("{other:?}"),
            })
            .collect()
    };
    assert_eq!(
        shown("name"),
        [
            "articles-2026",
            "articles-2025",
            "articles-2024",
            "articles-2014"
        ]
    );
    assert_eq!(
        shown("label"),
        [
            "Bài viết 2026",
            "Bài viết 2025",
            "Bài viết 2024",
            "Bài viết 2014"
        ]
    );
    assert_eq!(shown("folder")[1], "public/content/articles/2025");
    assert_eq!(
        shown("create"),
        ["Bool(true)", "Bool(false)", "Bool(false)", "Bool(false)"]
    );
    // Each list opens newest first.
    for collection in &articles {
        assert_eq!(collection["sortable_fields"][0]["field"], "published_at");
        assert_eq!(collection["sortable_fields"][0]["default_sort"], "desc");
    }
    // A bundle not yet sorted keeps its flat folder on the screen, making nothing new there.
    let flat = config_with(
        None,
        "/",
        &ArticleFolders {
            years: [].into(),
            flat: true,
        },
        2026,
    );
    let names: Vec<&str> = names(&flat["collections"]);
    assert_eq!(names[..2], ["articles-2026", "articles"]);
    assert_eq!(flat["collections"][1]["folder"], "public/content/articles");
    assert_eq!(flat["collections"][1]["create"], false);
}

#[test]
fn the_folders_are_read_from_the_bundle() {
    let dir = common::temp("cms-folders");
    for folder in [
        "articles/2019",
        "articles/2024",
        "articles/anh",
        "articles/.git",
    ] {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
    }
    assert_eq!(
        ArticleFolders::of(&dir),
        ArticleFolders {
            years: [2019, 2024].into(),
            flat: false
        }
    );
    std::fs::write(dir.join("articles/tin.json"), "{}").unwrap();
    assert!(ArticleFolders::of(&dir).flat);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_finder_knows_which_list_of_the_screen_holds_each_search_entry() {
    let dir = common::temp("cms-finder");
    for file in [
        "articles/2023/tin-a.json",
        "articles/tin-b.json",
        "articles/cu/tin-c.json",
        "van-ban/qd-1.json",
        "pages/gioi-thieu.json",
        "en/pages/about.json",
    ] {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "{}").unwrap();
    }
    let collections = screen_collections(&dir);
    // The search index's slugs, by id: 150 entries make two chunks of its list.
    let mut slugs: Vec<String> = [
        "tin-a",
        "tin-b",
        "tin-c",
        "van-ban/qd-1",
        "trang-thong-tin/gioi-thieu",
        "en/about",
    ]
    .map(str::to_owned)
    .to_vec();
    slugs.extend((0..144).map(|i| format!("tin-khac-{i}")));
    let files = finder_files(&slugs, &collections);
    assert_eq!(files.len(), 2);
    assert_eq!(files[0].0, "quan-tri/tim-bai-viet/bo-suu-tap/0.json");
    assert_eq!(files[1].0, "quan-tri/tim-bai-viet/bo-suu-tap/1.json");
    let first: Vec<Option<String>> = serde_json::from_str(&files[0].1).unwrap();
    assert_eq!(
        first[..6],
        [
            Some("articles-2023".to_owned()),
            Some("articles".to_owned()),
            // Decap lists no sub-folder of a collection's folder.
            None,
            Some("documents".to_owned()),
            Some("pages".to_owned()),
            Some("english_pages".to_owned()),
        ]
    );
    assert_eq!(first.len(), 100);
    let second: Vec<Option<String>> = serde_json::from_str(&files[1].1).unwrap();
    assert_eq!(second.len(), 50);
    let _ = std::fs::remove_dir_all(&dir);
}
