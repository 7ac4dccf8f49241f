//! Documents offered for download (`files/…` in a `file` block): checked against what their
//! extension promises, then copied into the site as they are.

use super::source::{same_name_written_otherwise, shown};
use crate::content::bundle::{download_extension, FileFacts, MAX_DOWNLOAD_BYTES};
use crate::content::file_size;
use std::collections::BTreeSet;
use std::fs;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// The start of a PDF, and the marker its last lines carry.
const PDF_START: &[u8] = b"%PDF-";
const PDF_END: &[u8] = b"%%EOF";
/// The start of a ZIP archive's first entry (OOXML and ODF documents are ZIP archives).
const ZIP_START: &[u8] = b"PK\x03\x04";
/// The start of an OLE2 compound file (DOC, XLS and PPT before 2007).
const OLE2_START: &[u8] = &[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/// Checks the download at `path` (relative to the bundle) and answers its kind and size.
pub fn probe(content_dir: &Path, path: &str) -> Result<FileFacts, String> {
    let full = content_dir.join(path);
    let file = shown(&full);
    if !full.is_file() {
        return Err(match same_name_written_otherwise(&full) {
            Some(found) => format!(
                "không tìm thấy tệp {file}; có tệp {found} trông giống hệt nhưng tên được mã hoá Unicode khác (thường gặp với tệp chép từ máy Mac): hãy đặt lại tên tệp bằng cách gõ lại"
            ),
            None => format!("không tìm thấy tệp {file}"),
        });
    }
    let size = fs::metadata(&full)
        .map_err(|e| format!("không đọc được tệp {file} ({e})"))?
        .len();
    if size == 0 {
        return Err(format!("tệp {file} trống (0 byte)"));
    }
    if size > MAX_DOWNLOAD_BYTES {
        return Err(format!(
            "tệp {file} quá lớn ({}; tối đa {})",
            file_size(size),
            file_size(MAX_DOWNLOAD_BYTES)
        ));
    }
    let extension = download_extension(path);
    let kind = extension.to_uppercase();
    let cut_short =
        || format!("tệp {file} bị cắt cụt: thiếu phần cuối (chép hoặc tải lên chưa xong?)");
    let not_its_kind = || format!("nội dung tệp {file} không phải {kind} như đuôi .{extension}");
    let read_error = |e: std::io::Error| format!("không đọc được tệp {file} ({e})");
    let start = read_start(&full, 8).map_err(read_error)?;
    match extension.as_str() {
        "pdf" => {
            if !start.starts_with(PDF_START) {
                return Err(not_its_kind());
            }
            // The end-of-file marker is on the last line, but for trailing whitespace or a few
            // bytes some writers append.
            if !read_end(&full, 1024)
                .map_err(read_error)?
                .windows(PDF_END.len())
                .any(|w| w == PDF_END)
            {
                return Err(cut_short());
            }
        }
        "zip" | "docx" | "xlsx" | "pptx" | "odt" | "ods" => {
            if !start.starts_with(ZIP_START) {
                return Err(not_its_kind());
            }
            // The archive's directory is at its very end: a file cut short has none.
            let opened = fs::File::open(&full).map_err(read_error)?;
            let mut archive = zip::ZipArchive::new(opened).map_err(|_| cut_short())?;
            let is_its_kind = match extension.as_str() {
                "docx" => has_ooxml_part(&mut archive, "word/document.xml"),
                "xlsx" => has_ooxml_part(&mut archive, "xl/workbook.xml"),
                "pptx" => has_ooxml_part(&mut archive, "ppt/presentation.xml"),
                "odt" => {
                    odf_mimetype(&mut archive).as_deref()
                        == Some("application/vnd.oasis.opendocument.text")
                }
                "ods" => {
                    odf_mimetype(&mut archive).as_deref()
                        == Some("application/vnd.oasis.opendocument.spreadsheet")
                }
                _ => true,
            };
            if !is_its_kind {
                return Err(not_its_kind());
            }
        }
        "doc" | "xls" | "ppt" => {
            if !start.starts_with(OLE2_START) {
                return Err(not_its_kind());
            }
            let opened = fs::File::open(&full).map_err(read_error)?;
            let mut compound = cfb::CompoundFile::open(opened).map_err(|_| cut_short())?;
            // The document's main stream, read through: a file cut short ends inside it.
            let streams: &[&str] = match extension.as_str() {
                "doc" => &["/WordDocument"],
                "xls" => &["/Workbook", "/Book"],
                _ => &["/PowerPoint Document"],
            };
            let Some(stream) = streams.iter().find(|s| compound.is_stream(s)) else {
                return Err(not_its_kind());
            };
            let mut whole = Vec::new();
            compound
                .open_stream(stream)
                .and_then(|mut s| s.read_to_end(&mut whole))
                .map_err(|_| cut_short())?;
        }
        _ => return Err(not_its_kind()),
    }
    Ok((kind, size))
}

fn has_ooxml_part(archive: &mut zip::ZipArchive<fs::File>, part: &str) -> bool {
    archive.by_name("[Content_Types].xml").is_ok() && archive.by_name(part).is_ok()
}

/// An OpenDocument file names its type in its first entry, `mimetype`.
fn odf_mimetype(archive: &mut zip::ZipArchive<fs::File>) -> Option<String> {
    let mut entry = archive.by_name("mimetype").ok()?;
    let mut text = String::new();
    entry.read_to_string(&mut text).ok()?;
    Some(text.trim().to_owned())
}

fn read_start(path: &Path, bytes: u64) -> std::io::Result<Vec<u8>> {
    let mut start = Vec::new();
    fs::File::open(path)?.take(bytes).read_to_end(&mut start)?;
    Ok(start)
}

fn read_end(path: &Path, bytes: u64) -> std::io::Result<Vec<u8>> {
    let mut file = fs::File::open(path)?;
    let len = file.metadata()?.len();
    file.seek(SeekFrom::Start(len.saturating_sub(bytes)))?;
    let mut end = Vec::new();
    file.read_to_end(&mut end)?;
    Ok(end)
}

/// Copies every download the articles offer into `out/content/`, where their links point.
/// Returns the files written.
pub fn publish(
    downloads: &BTreeSet<String>,
    content_dir: &Path,
    out: &Path,
) -> Result<Vec<PathBuf>, String> {
    let mut written = Vec::new();
    for path in downloads {
        let target = out.join("content").join(path);
        super::store::copy(&content_dir.join(path), &target)?;
        written.push(target);
    }
    Ok(written)
}
