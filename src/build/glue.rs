//! Short names at the app's JS–wasm boundary, for release builds.
//!
//! wasm-bindgen names every function the wasm imports from its JS glue after the Rust item
//! plus a 16-digit hash (`__wbg_append_9d2c41b0e4c6f7a1`), and the glue's closure calls after
//! their whole generic type. Each name is written twice: in the glue and in the wasm's import
//! or export section. The hashes cannot be compressed: the app's 200 or so such names were 2 KB of
//! the brotli glue and 2.6 KB of the brotli wasm. Trunk runs wasm-bindgen and wasm-opt with no
//! step between them and the staging folder, so the release build renames them there, in both
//! files at once, and drops the glue's comment lines and indentation.
//!
//! Renaming is plain alpha-renaming: each chosen name is replaced, wherever it stands in the
//! glue, by a short one that the glue does not use anywhere. A name is chosen only when it
//! cannot mean anything else in the glue: wasm-bindgen or rustc made it (it holds `__` or a
//! hash), or the glue only ever reads it as `wasm.<name>`. Names the glue exports to other
//! scripts, imports the wasm takes from other modules, and anything unsure keep their names;
//! when in doubt about the whole file, both files are left as they are and the build log says
//! why. New contents get new file names (trunk's hash was of the old ones), so a browser never
//! pairs a cached glue with a wasm it does not fit. The browser tests run on the result.

use super::output::content_key;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// What shortening did, for the build log.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Shortened {
    pub names: usize,
    pub js_bytes_saved: usize,
    pub wasm_bytes_saved: usize,
    /// What was left as it was, and why.
    pub notes: Vec<String>,
}

/// Shortens every `<name>_bg.wasm` in `dir` together with its glue `<name>.js`, renames both
/// after their new contents, and points `dir/index.html` at the new names. Files it cannot
/// shorten are still renamed after their contents. A folder without them (a build of the data
/// alone) is left as it is.
pub fn shorten_in(dir: &Path) -> Result<Shortened, String> {
    let io_error = |path: &Path, e: std::io::Error| format!("{}: {e}", path.display());
    let mut stems: Vec<String> = fs::read_dir(dir)
        .map_err(|e| io_error(dir, e))?
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            Some(name.strip_suffix("_bg.wasm")?.to_owned())
        })
        .collect();
    stems.sort();
    let mut total = Shortened::default();
    for stem in stems {
        let (js_path, wasm_path) = (
            dir.join(format!("{stem}.js")),
            dir.join(format!("{stem}_bg.wasm")),
        );
        if !js_path.is_file() {
            continue;
        }
        let js = fs::read_to_string(&js_path).map_err(|e| io_error(&js_path, e))?;
        let wasm = fs::read(&wasm_path).map_err(|e| io_error(&wasm_path, e))?;
        let (new_js, new_wasm) = match shorten(&js, &wasm) {
            Ok(shortening) => {
                if let Some(why) = shortening.comments_kept {
                    total
                        .notes
                        .push(format!("{stem}.js: giữ nguyên chú thích ({why})"));
                }
                total.names += shortening.names;
                total.js_bytes_saved += js.len().saturating_sub(shortening.js.len());
                total.wasm_bytes_saved += wasm.len().saturating_sub(shortening.wasm.len());
                (shortening.js, shortening.wasm)
            }
            Err(why) => {
                total.notes.push(format!("{stem}: giữ nguyên tên ({why})"));
                (js, wasm)
            }
        };
        // Named after their contents, as trunk names the page's app: the site serves these files
        // as never changing (`public/_headers`). Trunk leaves the search page's app, which it
        // builds as a "worker", without a hash: it gets one here, shortened or not.
        let contents = [new_js.as_bytes(), &new_wasm].concat();
        let hash = &content_key(&contents)[..16];
        let new_stem = match stem.rsplit_once('-') {
            Some((name, old_hash))
                if old_hash.len() == 16 && old_hash.bytes().all(|b| b.is_ascii_hexdigit()) =>
            {
                format!("{name}-{hash}")
            }
            _ => format!("{stem}-{hash}"),
        };
        let (new_js_path, new_wasm_path) = (
            dir.join(format!("{new_stem}.js")),
            dir.join(format!("{new_stem}_bg.wasm")),
        );
        fs::write(&new_js_path, &new_js).map_err(|e| io_error(&new_js_path, e))?;
        fs::write(&new_wasm_path, &new_wasm).map_err(|e| io_error(&new_wasm_path, e))?;
        if new_stem != stem {
            fs::remove_file(&js_path).map_err(|e| io_error(&js_path, e))?;
            fs::remove_file(&wasm_path).map_err(|e| io_error(&wasm_path, e))?;
            let index = dir.join("index.html");
            if index.is_file() {
                // The files' names only: an unhashed stem (`app`) may be part of other text.
                let html = fs::read_to_string(&index).map_err(|e| io_error(&index, e))?;
                let html = html
                    .replace(&format!("{stem}.js"), &format!("{new_stem}.js"))
                    .replace(&format!("{stem}_bg.wasm"), &format!("{new_stem}_bg.wasm"));
                fs::write(&index, html).map_err(|e| io_error(&index, e))?;
            }
        }
    }
    Ok(total)
}

/// The glue and the wasm after [`shorten`].
#[derive(Debug)]
pub struct Shortening {
    pub js: String,
    pub wasm: Vec<u8>,
    /// How many names changed.
    pub names: usize,
    /// Why the glue's comments stayed, when they did.
    pub comments_kept: Option<&'static str>,
}

/// The glue and the wasm with their boundary names shortened. An error means both are best
/// left as they are: the wasm could not be read, or a renamed name would have stayed behind.
pub fn shorten(js: &str, wasm: &[u8]) -> Result<Shortening, String> {
    let sections = Section::split(wasm)?;
    // The glue hands the wasm its own functions as `{ "./app_bg.js": import0 }`. Other modules
    // (snippets, `wasm:` builtins) hand theirs directly, under names they alone define.
    let is_glue_module = |module: &str| js.contains(&format!("\"{module}\": import0"));
    let mut imported = BTreeSet::new();
    let mut exported = BTreeSet::new();
    let mut boundary = BTreeSet::new();
    for section in &sections {
        match section.id {
            IMPORT_SECTION => {
                for import in imports(section.payload)? {
                    boundary.insert(import.field);
                    if is_glue_module(import.module) {
                        imported.insert(import.field);
                    }
                }
            }
            EXPORT_SECTION => {
                for export in exports(section.payload)? {
                    boundary.insert(export.name);
                    exported.insert(export.name);
                }
            }
            _ => {}
        }
    }

    let identifiers = identifiers(js);
    let mut uses: BTreeMap<&str, Vec<&Identifier>> = BTreeMap::new();
    for identifier in &identifiers {
        uses.entry(identifier.name).or_default().push(identifier);
    }
    // What the glue exports to other scripts keeps its name.
    let public: BTreeSet<&str> = identifiers
        .iter()
        .filter(|i| i.on_export_line)
        .map(|i| i.name)
        .collect();
    let renamable = |name: &&str| {
        let uses = uses.get(name).map_or(&[][..], Vec::as_slice);
        let read_as_export = uses.iter().all(|i| i.after_wasm_dot);
        let given_as_import = uses.iter().any(|i| i.before_colon);
        is_plain_identifier(name)
            && !uses.is_empty()
            && !public.contains(name)
            && ((imported.contains(name) && is_generated(name) && given_as_import)
                || (exported.contains(name) && (is_generated(name) || read_as_export)))
    };
    let mut renamable: Vec<&str> = imported
        .iter()
        .chain(&exported)
        .copied()
        .filter(renamable)
        .collect();
    renamable.sort_by_key(|name| std::cmp::Reverse(name.len()));
    renamable.dedup();

    let taken: BTreeSet<&str> = uses
        .keys()
        .copied()
        .chain(boundary.iter().copied())
        .collect();
    let mut fresh = (0..)
        .map(short_name)
        .filter(|n| !taken.contains(n.as_str()));
    // Longest first, so that the shortest new names go to the names that gain most; a name
    // already as short as its replacement keeps its own.
    let mut renames: BTreeMap<&str, String> = BTreeMap::new();
    for name in renamable {
        let short = fresh.next().expect("an endless supply of names");
        if short.len() < name.len() {
            renames.insert(name, short);
        }
    }

    let renamed_js = rename_in_js(js, &identifiers, &renames);
    if let Some(left) = renames
        .keys()
        .find(|name| is_generated(name) && renamed_js.contains(**name))
    {
        return Err(format!("tên {left} vẫn còn trong JS sau khi đổi"));
    }
    let mut out = Vec::with_capacity(wasm.len());
    out.extend_from_slice(&wasm[..HEADER.len()]);
    for section in &sections {
        let payload = match section.id {
            IMPORT_SECTION => rename_imports(section.payload, &is_glue_module, &renames)?,
            EXPORT_SECTION => rename_exports(section.payload, &renames)?,
            _ => section.payload.to_vec(),
        };
        out.push(section.id);
        write_leb(&mut out, payload.len() as u64);
        out.extend_from_slice(&payload);
    }
    let (js, comments_kept) = match without_comments_and_indentation(&renamed_js) {
        Ok(js) => (js, None),
        Err(why) => (renamed_js, Some(why)),
    };
    Ok(Shortening {
        js,
        wasm: out,
        names: renames.len(),
        comments_kept,
    })
}

/// Made by wasm-bindgen or rustc, so it means nothing else where it appears: `__wbg_…`,
/// `__wbindgen_…`, mangled closure calls, or anything carrying a 16-digit hash.
fn is_generated(name: &str) -> bool {
    name.len() >= 8 && (name.contains("__") || has_hash(name))
}

fn has_hash(name: &str) -> bool {
    name.split('_')
        .any(|part| part.len() == 16 && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// An ASCII JS identifier: the only names the glue is read for here.
fn is_plain_identifier(name: &str) -> bool {
    name.bytes().next().is_some_and(|b| !b.is_ascii_digit())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$')
}

/// `a` … `Z`, then `a0` … `Z9`, `a00` …: never a keyword, never starting with a digit.
fn short_name(n: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let letter = |i: usize| LETTERS[i % 52] as char;
    if n < 52 {
        return letter(n).to_string();
    }
    // After the 52 single letters, names of each length come in a block: a letter and one
    // digit (520 names), a letter and two digits (5,200), and so on.
    let (mut rest, mut digits) = (n - 52, 1);
    loop {
        let block = 52 * 10usize.pow(digits);
        if rest < block {
            let number = rest / 52;
            return format!("{}{number:0width$}", letter(rest), width = digits as usize);
        }
        rest -= block;
        digits += 1;
    }
}

/// One identifier in the glue, wherever it stands (code, string or comment).
#[derive(Debug, Clone, Copy)]
struct Identifier<'a> {
    start: usize,
    name: &'a str,
    /// Written as `wasm.name`.
    after_wasm_dot: bool,
    /// Followed by `:`, as a key of an object.
    before_colon: bool,
    /// On a line that starts with `export`.
    on_export_line: bool,
}

/// Non-ASCII letters belong to identifiers too, so that `wasm.đọc` is one name, not `c`.
fn is_identifier_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
}

fn identifiers(js: &str) -> Vec<Identifier<'_>> {
    let bytes = js.as_bytes();
    let mut found = Vec::new();
    let mut line_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            line_start = i + 1;
        }
        if !is_identifier_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_identifier_byte(bytes[i]) {
            i += 1;
        }
        if bytes[start].is_ascii_digit() {
            continue;
        }
        let before = &js[..start];
        let after_wasm_dot = before
            .strip_suffix("wasm.")
            .is_some_and(|rest| !rest.bytes().next_back().is_some_and(is_identifier_byte));
        found.push(Identifier {
            start,
            name: &js[start..i],
            after_wasm_dot,
            before_colon: js[i..].trim_start_matches([' ', '\t']).starts_with(':'),
            on_export_line: js[line_start..].trim_start().starts_with("export "),
        });
    }
    found
}

fn rename_in_js(js: &str, identifiers: &[Identifier], renames: &BTreeMap<&str, String>) -> String {
    let mut out = String::with_capacity(js.len());
    let mut copied = 0;
    for identifier in identifiers {
        if let Some(short) = renames.get(identifier.name) {
            out.push_str(&js[copied..identifier.start]);
            out.push_str(short);
            copied = identifier.start + identifier.name.len();
        }
    }
    out.push_str(&js[copied..]);
    out
}

/// The glue without its comment-only lines (doc comments, and notes such as "Cast intrinsic
/// for `Closure(Closure { owned: true, … })`"), blank lines and indentation: 0.8 KB of its
/// brotli. Every line of code keeps a line of its own, so automatic semicolons fall where they
/// did, and lines inside a template literal are kept exactly. The reader knows strings,
/// template literals and comments; it reads a regular expression as code, which is right for
/// the glue's only one (it holds no quote, backtick, `//` or `/*`). An error names what it was
/// unsure of; the glue is then kept as it is.
fn without_comments_and_indentation(js: &str) -> Result<String, &'static str> {
    let mut out = String::with_capacity(js.len());
    let mut lexer = Lexer::default();
    for line in js.lines() {
        let starts_in = lexer.mode;
        let has_code = lexer.read_line(line)?;
        match starts_in {
            Mode::Template => out.push_str(line),
            Mode::BlockComment if has_code => {
                return Err("mã đứng sau một chú thích bắt đầu từ dòng trước")
            }
            _ if !has_code => continue,
            _ => {
                if lexer.mode == Mode::BlockComment {
                    return Err("một chú thích mở sau mã trên cùng dòng");
                }
                let line = line.trim_start();
                out.push_str(if lexer.mode == Mode::Code {
                    line.trim_end()
                } else {
                    line
                });
            }
        }
        out.push('\n');
    }
    if lexer.mode != Mode::Code || !lexer.expressions.is_empty() {
        return Err("JS kết thúc giữa một chú thích hoặc chuỗi");
    }
    Ok(out)
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Mode {
    #[default]
    Code,
    Template,
    BlockComment,
}

/// Where reading the glue has got to: in code (perhaps inside a template's `${…}`), in a
/// template literal's text, or in a block comment.
#[derive(Default)]
struct Lexer {
    mode: Mode,
    /// For each `${` still open, how many `{` have opened inside it.
    expressions: Vec<usize>,
}

impl Lexer {
    /// Reads one line; tells whether it holds anything but comments and blanks.
    fn read_line(&mut self, line: &str) -> Result<bool, &'static str> {
        let bytes = line.as_bytes();
        let mut has_code = false;
        let mut i = 0;
        while i < bytes.len() {
            let (b, next) = (bytes[i], bytes.get(i + 1).copied());
            i += 1;
            match self.mode {
                Mode::BlockComment => {
                    if b == b'*' && next == Some(b'/') {
                        self.mode = Mode::Code;
                        i += 1;
                    }
                }
                Mode::Template => {
                    has_code = true;
                    match (b, next) {
                        (b'\\', _) => i += 1,
                        (b'`', _) => self.mode = Mode::Code,
                        (b'$', Some(b'{')) => {
                            self.expressions.push(0);
                            self.mode = Mode::Code;
                            i += 1;
                        }
                        _ => {}
                    }
                }
                Mode::Code => match (b, next) {
                    (b' ' | b'\t' | b'\r', _) => {}
                    (b'/', Some(b'/')) => return Ok(has_code),
                    (b'/', Some(b'*')) => {
                        self.mode = Mode::BlockComment;
                        i += 1;
                    }
                    (b'\'' | b'"', _) => {
                        has_code = true;
                        // Such a string cannot span lines (no `\` continuations here).
                        loop {
                            match bytes.get(i) {
                                None => return Err("một chuỗi kéo sang dòng sau"),
                                Some(b'\\') => i += 2,
                                Some(&c) if c == b => {
                                    i += 1;
                                    break;
                                }
                                Some(_) => i += 1,
                            }
                        }
                    }
                    (b'`', _) => {
                        has_code = true;
                        self.mode = Mode::Template;
                    }
                    (b'{', _) => {
                        has_code = true;
                        if let Some(depth) = self.expressions.last_mut() {
                            *depth += 1;
                        }
                    }
                    (b'}', _) => {
                        has_code = true;
                        match self.expressions.last_mut() {
                            Some(0) => {
                                self.expressions.pop();
                                self.mode = Mode::Template;
                            }
                            Some(depth) => *depth -= 1,
                            None => {}
                        }
                    }
                    _ => has_code = true,
                },
            }
        }
        Ok(has_code)
    }
}

// The wasm binary format, as far as names go: sections, and the import and export entries.
// https://webassembly.github.io/spec/core/binary/modules.html

const HEADER: [u8; 8] = [0, b'a', b's', b'm', 1, 0, 0, 0];
const IMPORT_SECTION: u8 = 2;
const EXPORT_SECTION: u8 = 7;

struct Section<'a> {
    id: u8,
    payload: &'a [u8],
}

impl<'a> Section<'a> {
    fn split(wasm: &'a [u8]) -> Result<Vec<Section<'a>>, String> {
        if !wasm.starts_with(&HEADER) {
            return Err("không phải tệp WebAssembly phiên bản 1".into());
        }
        let mut reader = Reader {
            bytes: wasm,
            at: HEADER.len(),
        };
        let mut sections = Vec::new();
        while !reader.done() {
            let id = reader.byte()?;
            let size = reader.leb()? as usize;
            sections.push(Section {
                id,
                payload: reader.take(size)?,
            });
        }
        Ok(sections)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    /// A section read to its end and no further: anything else means it was misread.
    fn finished(&self, section: &str) -> Result<(), String> {
        match self.at == self.bytes.len() {
            true => Ok(()),
            false => Err(format!("phần {section} của wasm đọc không khớp độ dài")),
        }
    }

    fn byte(&mut self) -> Result<u8, String> {
        let byte = *self.bytes.get(self.at).ok_or("tệp wasm bị cắt cụt")?;
        self.at += 1;
        Ok(byte)
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(len)
            .filter(|&end| end <= self.bytes.len());
        let end = end.ok_or("tệp wasm bị cắt cụt")?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    /// An unsigned or signed LEB128 number; signed ones are only skipped, never used.
    fn leb(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..70).step_by(7) {
            let byte = self.byte()?;
            if shift < 64 {
                value |= u64::from(byte & 0x7f) << shift;
            }
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("số LEB128 quá dài".into())
    }

    fn name(&mut self) -> Result<&'a str, String> {
        let len = self.leb()? as usize;
        std::str::from_utf8(self.take(len)?).map_err(|_| "tên không phải UTF-8".into())
    }

    /// A value or reference type: one byte, or a reference with its heap type.
    fn skip_value_type(&mut self) -> Result<(), String> {
        if matches!(self.byte()?, 0x63 | 0x64) {
            // A heap type; an exact one (custom descriptors) carries its type index after.
            if self.leb()? == 0x62 {
                self.leb()?;
            }
        }
        Ok(())
    }

    fn skip_limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        if flags > 0x0f {
            return Err(format!("giới hạn bộ nhớ lạ: {flags:#x}"));
        }
        self.leb()?;
        if flags & 0x01 != 0 {
            self.leb()?;
        }
        if flags & 0x08 != 0 {
            self.leb()?;
        }
        Ok(())
    }
}

struct Import<'a> {
    module: &'a str,
    field: &'a str,
    /// The import's kind and type, copied as they are.
    description: &'a [u8],
}

fn imports(payload: &[u8]) -> Result<Vec<Import<'_>>, String> {
    let mut reader = Reader {
        bytes: payload,
        at: 0,
    };
    let count = reader.leb()?;
    let mut imports = Vec::new();
    for _ in 0..count {
        let module = reader.name()?;
        let field = reader.name()?;
        let start = reader.at;
        match reader.byte()? {
            0x00 => {
                reader.leb()?;
            }
            0x01 => {
                reader.skip_value_type()?;
                reader.skip_limits()?;
            }
            0x02 => reader.skip_limits()?,
            0x03 => {
                reader.skip_value_type()?;
                reader.byte()?;
            }
            0x04 => {
                reader.byte()?;
                reader.leb()?;
            }
            kind => return Err(format!("loại import lạ: {kind:#x}")),
        }
        imports.push(Import {
            module,
            field,
            description: &payload[start..reader.at],
        });
    }
    reader.finished("import")?;
    Ok(imports)
}

struct Export<'a> {
    name: &'a str,
    /// The export's kind and index, copied as they are.
    description: &'a [u8],
}

fn exports(payload: &[u8]) -> Result<Vec<Export<'_>>, String> {
    let mut reader = Reader {
        bytes: payload,
        at: 0,
    };
    let count = reader.leb()?;
    let mut exports = Vec::new();
    for _ in 0..count {
        let name = reader.name()?;
        let start = reader.at;
        reader.byte()?;
        reader.leb()?;
        exports.push(Export {
            name,
            description: &payload[start..reader.at],
        });
    }
    reader.finished("export")?;
    Ok(exports)
}

fn rename_imports(
    payload: &[u8],
    is_glue_module: &dyn Fn(&str) -> bool,
    renames: &BTreeMap<&str, String>,
) -> Result<Vec<u8>, String> {
    let imports = imports(payload)?;
    let mut out = Vec::with_capacity(payload.len());
    write_leb(&mut out, imports.len() as u64);
    for import in imports {
        let field = match renames.get(import.field) {
            Some(short) if is_glue_module(import.module) => short.as_str(),
            _ => import.field,
        };
        write_name(&mut out, import.module);
        write_name(&mut out, field);
        out.extend_from_slice(import.description);
    }
    Ok(out)
}

fn rename_exports(payload: &[u8], renames: &BTreeMap<&str, String>) -> Result<Vec<u8>, String> {
    let exports = exports(payload)?;
    let mut out = Vec::with_capacity(payload.len());
    write_leb(&mut out, exports.len() as u64);
    for export in exports {
        write_name(
            &mut out,
            renames.get(export.name).map_or(export.name, String::as_str),
        );
        out.extend_from_slice(export.description);
    }
    Ok(out)
}

fn write_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_leb(out, name.len() as u64);
    out.extend_from_slice(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODULE: &str = "./app_bg.js";

    /// A module importing `imports` (module, field) as functions of type 0 and exporting
    /// `exports` as functions, with a type section and a code-free custom section around them.
    fn module(imports: &[(&str, &str)], exports: &[&str]) -> Vec<u8> {
        let mut wasm = HEADER.to_vec();
        let section = |wasm: &mut Vec<u8>, id: u8, payload: Vec<u8>| {
            wasm.push(id);
            write_leb(wasm, payload.len() as u64);
            wasm.extend(payload);
        };
        section(&mut wasm, 1, vec![1, 0x60, 0, 0]);
        let mut payload = Vec::new();
        write_leb(&mut payload, imports.len() as u64 + 1);
        for (module, field) in imports {
            write_name(&mut payload, module);
            write_name(&mut payload, field);
            payload.extend([0x00, 0x00]);
        }
        // A memory with a maximum, to walk limits too.
        write_name(&mut payload, "env");
        write_name(&mut payload, "memory");
        payload.extend([0x02, 0x01, 0x01, 0x80, 0x01]);
        section(&mut wasm, IMPORT_SECTION, payload);
        let mut payload = Vec::new();
        write_leb(&mut payload, exports.len() as u64);
        for (index, name) in exports.iter().enumerate() {
            write_name(&mut payload, name);
            payload.extend([0x00, index as u8]);
        }
        section(&mut wasm, EXPORT_SECTION, payload);
        let mut custom = Vec::new();
        write_name(&mut custom, "producers");
        custom.extend(b"kept as it is");
        section(&mut wasm, 0, custom);
        wasm
    }

    fn names(wasm: &[u8]) -> (Vec<(String, String)>, Vec<String>) {
        let sections = Section::split(wasm).unwrap();
        let mut found = (Vec::new(), Vec::new());
        for section in sections {
            match section.id {
                IMPORT_SECTION => {
                    for i in imports(section.payload).unwrap() {
                        found.0.push((i.module.to_owned(), i.field.to_owned()));
                    }
                }
                EXPORT_SECTION => {
                    for e in exports(section.payload).unwrap() {
                        found.1.push(e.name.to_owned());
                    }
                }
                _ => {}
            }
        }
        found
    }

    const GLUE: &str = r#"
import * as import1 from "./snippets/app-1234/inline0.js"
function __wbg_get_imports() {
    const import0 = {
        __wbg_append_9d2c41b0e4c6f7a1: function(arg0, arg1) { arg0.append(arg1); },
        __wbg_now_0123456789abcdef: function() { return Date.now(); },
    };
    return { "./app_bg.js": import0, "./snippets/app-1234/inline0.js": import1 };
}
function wasm_bindgen_0011223344556677___convert__closures__invoke(a0) {
    wasm.wasm_bindgen_0011223344556677___convert__closures__invoke(a0);
}
const ptr = wasm.__wbindgen_malloc(8);
wasm.pull(ptr);
const mem = wasm.memory;
wasm.g();
wasm.đọc();
export function load__data() { wasm.load__data(); }
wasm.start(); // "start" is also a word here, so the export named start keeps its name
"#;

    const SNIPPET: &str = "./snippets/app-1234/inline0.js";

    #[test]
    fn renames_the_boundary_names_in_both_files_and_nothing_else() {
        let wasm = module(
            &[
                (MODULE, "__wbg_append_9d2c41b0e4c6f7a1"),
                (MODULE, "__wbg_now_0123456789abcdef"),
                ("other", "__wbg_now_0123456789abcdef"),
                (SNIPPET, "__wbg_perf_0123456789abcdef"),
            ],
            &[
                "wasm_bindgen_0011223344556677___convert__closures__invoke",
                "__wbindgen_malloc",
                "pull",
                "memory",
                "start",
                "g",
                "đọc",
                "load__data",
                "__wbindgen_unused",
            ],
        );
        let shortening = shorten(GLUE, &wasm).unwrap();
        let js = &shortening.js;
        assert_eq!(shortening.names, 6, "{js}");
        assert_eq!(shortening.comments_kept, None);
        let (imports, exports) = names(&shortening.wasm);

        // Every renamed import and export is written, under its new name, in the glue.
        for (module, field) in &imports[..2] {
            assert_eq!(module, MODULE);
            assert!(field.len() <= 2, "{field}");
            assert!(
                js.contains(&format!("\n{field}: function(")),
                "{field} in\n{js}"
            );
        }
        // Imports of other modules keep their names: a snippet defines its own, and so does
        // the memory import.
        assert_eq!(
            imports[2],
            ("other".into(), "__wbg_now_0123456789abcdef".into())
        );
        assert_eq!(
            imports[3],
            (SNIPPET.into(), "__wbg_perf_0123456789abcdef".into())
        );
        assert_eq!(imports[4], ("env".into(), "memory".into()));
        let [invoke, malloc, pull, memory, start, g, doc, load, unused] = exports.as_slice() else {
            panic!("{exports:?}")
        };
        assert!(js.contains(&format!("function {invoke}(a0)")), "{js}");
        assert!(js.contains(&format!("wasm.{invoke}(a0)")), "{js}");
        assert!(js.contains(&format!("wasm.{malloc}(8)")), "{js}");
        // Read only as `wasm.pull` and `wasm.memory`: renamed. `start` is also a word in a
        // comment: kept, with the comment, which shares its line with code.
        assert!(js.contains(&format!("wasm.{pull}(ptr)")), "{js}");
        assert!(js.contains(&format!("const mem = wasm.{memory};")), "{js}");
        assert_eq!(start, "start");
        assert!(js.contains("so the export named start keeps its name"));
        for short in [invoke, malloc, pull, memory] {
            assert!(short.len() <= 2, "{short}");
        }
        // A name as short as any new one keeps its own; so do a name that is not plain ASCII,
        // one the glue exports to other scripts, and one the glue never names.
        assert_eq!(g, "g");
        assert!(js.contains("wasm.g();"));
        assert_eq!(doc, "đọc");
        assert!(js.contains("wasm.đọc();"));
        assert_eq!(load, "load__data");
        assert!(js.contains("export function load__data() { wasm.load__data(); }"));
        assert_eq!(unused, "__wbindgen_unused");
        // No new name is a word the glue already uses (`a0`, `arg0`, `ptr` …).
        assert_ne!(invoke, "a0");
        assert!(!js.contains("9d2c41b0e4c6f7a1") && !js.contains("0011223344556677"));
        // The other sections are unchanged.
        assert!(shortening.wasm.windows(13).any(|w| w == b"kept as it is"));
        assert!(shortening.wasm.len() < wasm.len());
    }

    #[test]
    fn shortened_files_get_new_names_and_the_page_follows() {
        let dir = std::env::temp_dir().join(format!("glue-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let stem = "app-0123456789abcdef";
        let wasm = module(
            &[(MODULE, "__wbg_now_0123456789abcdef")],
            &["__wbindgen_malloc"],
        );
        fs::write(dir.join(format!("{stem}.js")), GLUE).unwrap();
        fs::write(dir.join(format!("{stem}_bg.wasm")), &wasm).unwrap();
        let page = format!("<script type=module>import init from '/{stem}.js'; init({{ module_or_path: '/{stem}_bg.wasm' }});</script>");
        fs::write(dir.join("index.html"), &page).unwrap();

        let shortened = shorten_in(&dir).unwrap();
        assert_eq!(shortened.names, 2);
        assert!(shortened.notes.is_empty(), "{:?}", shortened.notes);
        let mut files: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        files.sort();
        let [js, wasm_file, html] = files.as_slice() else {
            panic!("{files:?}")
        };
        assert_eq!(html, "index.html");
        let new_stem = js.strip_suffix(".js").unwrap();
        assert_ne!(new_stem, stem);
        assert!(
            new_stem.starts_with("app-") && new_stem.len() == stem.len(),
            "{new_stem}"
        );
        assert_eq!(wasm_file, &format!("{new_stem}_bg.wasm"));
        let page = fs::read_to_string(dir.join("index.html")).unwrap();
        assert!(
            page.contains(&format!("'/{new_stem}.js'"))
                && page.contains(&format!("'/{new_stem}_bg.wasm'")),
            "{page}"
        );

        // An app trunk did not name after its contents (the search page's, built as a worker)
        // gets such a name too, and the page's own app keeps its name.
        let other = "app-search";
        fs::write(dir.join(format!("{other}.js")), GLUE).unwrap();
        fs::write(dir.join(format!("{other}_bg.wasm")), &wasm).unwrap();
        shorten_in(&dir).unwrap();
        let others: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|name| name.starts_with(other))
            .collect();
        assert_eq!(others.len(), 2, "{others:?}");
        for name in &others {
            let hash = name
                .strip_prefix("app-search-")
                .and_then(|rest| rest.get(..16))
                .unwrap_or_else(|| panic!("{name}"));
            assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()), "{name}");
            fs::remove_file(dir.join(name)).unwrap();
        }
        assert_eq!(fs::read_to_string(dir.join("index.html")).unwrap(), page);

        // A broken wasm is left as it is, with a note, and fails nothing.
        fs::write(
            dir.join(format!("{new_stem}_bg.wasm")),
            b"\0asm\x01\0\0\0\x02\x05",
        )
        .unwrap();
        let shortened = shorten_in(&dir).unwrap();
        assert_eq!(shortened.names, 0);
        assert_eq!(shortened.notes.len(), 1, "{:?}", shortened.notes);
        // Named after its new contents all the same, and the page follows.
        assert!(!dir.join(js).is_file());
        let page = fs::read_to_string(dir.join("index.html")).unwrap();
        let stem = page
            .split('\'')
            .nth(1)
            .unwrap()
            .trim_start_matches('/')
            .trim_end_matches(".js");
        assert!(dir.join(format!("{stem}.js")).is_file(), "{page}");
        assert_eq!(
            fs::read(dir.join(format!("{stem}_bg.wasm"))).unwrap(),
            b"\0asm\x01\0\0\0\x02\x05"
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn comment_lines_and_indentation_go_and_code_lines_stay_apart() {
        let glue = "/* @ts-self-types=\"./app.d.ts\" */\n\nexport class Source {\n    /**\n     * @returns {number}\n     */\n    size() {\n        // Cast intrinsic for `Ref(String)`.\n        const a = 1 // no semicolon: the line break ends it\n        return a + '/* not a comment */'.length   \n    }\n}\n";
        assert_eq!(
            without_comments_and_indentation(glue).as_deref(),
            Ok("export class Source {\nsize() {\nconst a = 1 // no semicolon: the line break ends it\nreturn a + '/* not a comment */'.length\n}\n}\n")
        );
    }

    #[test]
    fn lines_inside_a_template_literal_are_kept_exactly() {
        let glue = "const s = '`' + `one\n    // two ${ f({ a: `x` }) }\n  three  \n` + '`';\n    next();\n";
        assert_eq!(
            without_comments_and_indentation(glue).as_deref(),
            Ok("const s = '`' + `one\n    // two ${ f({ a: `x` }) }\n  three  \n` + '`';\nnext();\n")
        );
    }

    #[test]
    fn where_comments_and_code_share_lines_across_a_comment_nothing_changes() {
        for unsure in [
            "x(); /* a\n/* b */\ny();\n",
            "/**\n * note */ const a = 1;\n",
            "const s = 'first \\\n    // second';\n",
            "/* never closed\n",
            "const s = `never closed\n",
        ] {
            assert!(
                without_comments_and_indentation(unsure).is_err(),
                "{unsure}"
            );
        }
        // A comment that opens and closes after code on one line is kept with its line.
        assert_eq!(
            without_comments_and_indentation("  x(); /* a */\n").as_deref(),
            Ok("x(); /* a */\n")
        );
    }

    #[test]
    fn short_names_are_unique_and_never_start_with_a_digit() {
        let names: Vec<String> = (0..6000).map(short_name).collect();
        assert_eq!(&names[..3], ["a", "b", "c"]);
        assert_eq!(names[52], "a0");
        assert_eq!(names[53], "b0");
        assert_eq!(names[52 + 520], "a00");
        let unique: BTreeSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert!(names.iter().all(|n| n.as_bytes()[0].is_ascii_alphabetic()));
    }

    #[test]
    fn a_broken_wasm_file_is_an_error_not_a_panic() {
        assert!(shorten(GLUE, b"not wasm").is_err());
        let mut cut = module(&[(MODULE, "__wbg_now_0123456789abcdef")], &["pull"]);
        cut.truncate(cut.len() - 20);
        assert!(shorten(GLUE, &cut).is_err());
        // An import section longer than its entries was misread: better left alone.
        let mut longer = HEADER.to_vec();
        longer.extend([IMPORT_SECTION, 2, 0, 0xff]);
        assert!(shorten(GLUE, &longer).is_err());
    }

    #[test]
    fn leb128_round_trips() {
        for value in [0u64, 1, 127, 128, 300, 16_384, u32::MAX as u64] {
            let mut bytes = Vec::new();
            write_leb(&mut bytes, value);
            let mut reader = Reader {
                bytes: &bytes,
                at: 0,
            };
            assert_eq!(reader.leb().unwrap(), value);
            assert!(reader.done());
        }
    }
}
