//! Word documents: the 条文对照表 (two versions, or every version of the chain) and the
//! redline (the new draft with every edit as a tracked change and a margin comment).
//!
//! Last stage of the drafting pipeline, like the other renderers: a finished
//! [`DraftDiff`](crate::diff::DraftDiff) or [`Chain`](crate::chain::Chain) plus the notes of
//! an [`Annotate`](crate::report::notes::Annotate) → the bytes of a `.docx` file. Nothing here
//! decides where the bytes go.
//!
//! Layout follows the conventions of Chinese legislative documents: A4, 仿宋_GB2312 for the
//! text, 黑体 for titles, headings and article numbers, 宋体 for page numbers, each set as the
//! East Asian font with Times New Roman for Latin text; page numbers `— 1 —` in the footer.
//!
//! docx-rs (0.4) cannot mark a table row as a header row repeated on every page
//! (`<w:tblHeader/>`): header rows are built with a marker height and the marker is replaced
//! in `word/document.xml` after docx-rs renders it and before it is zipped ([`pack`]).

mod comparison;
mod redline;

use docx_rs::{
    AlignmentType, Docx, Footer, HeightRule, LineSpacing, LineSpacingType, PageMargin, PageNum,
    PageOrientationType, Paragraph, Run, RunFonts, Shading, ShdType, TableCell, TableRow,
    VAlignType, WidthType,
};

pub use comparison::{chain_docx, comparison_docx};
pub use redline::redline_docx;

use crate::error::{Error, Result};

/// Presentation choices for the Word documents.
#[derive(Debug, Clone)]
pub struct DocxOptions {
    /// What the comparison tables do with articles that did not change.
    pub unchanged: Unchanged,
    /// Author of tracked changes and comments (`lifa`).
    pub author: String,
    /// Date of tracked changes and comments, ISO 8601 (`2026-06-25T00:00:00Z`). By default the
    /// date of the newer version, else today.
    pub date: Option<String>,
    /// Title instead of the newer version's title.
    pub title: Option<String>,
    /// The line under the title instead of `一审稿（v1）→ 二审稿（v2）　2026年6月25日`.
    pub date_line: Option<String>,
}

impl Default for DocxOptions {
    fn default() -> Self {
        DocxOptions {
            unchanged: Unchanged::Fold,
            author: "lifa".into(),
            date: None,
            title: None,
            date_line: None,
        }
    }
}

/// What a comparison table does with unchanged articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unchanged {
    /// One row per article, like the changed ones.
    List,
    /// One row per run of unchanged articles: `第十条至第十二条未作修改`.
    #[default]
    Fold,
    /// Left out.
    Omit,
}

/// Body text (仿宋_GB2312).
pub(crate) const BODY: &str = "仿宋_GB2312";
/// Titles, headings, article numbers (黑体).
pub(crate) const HEI: &str = "黑体";
/// Page numbers, small print (宋体).
pub(crate) const SONG: &str = "宋体";
/// Latin text.
pub(crate) const LATIN: &str = "Times New Roman";

/// Font sizes in half-points.
pub(crate) mod size {
    /// 小二 (18 pt): titles.
    pub const TITLE: usize = 36;
    /// 三号 (16 pt): the text of a document.
    pub const SAN: usize = 32;
    /// 四号 (14 pt): page numbers, date lines.
    pub const SI: usize = 28;
    /// 小四 (12 pt): table text.
    pub const XIAO_SI: usize = 24;
    /// 五号 (10.5 pt): notes under a table.
    pub const WU: usize = 21;
}

/// A4 in twips.
const A4_SHORT: u32 = 11906;
const A4_LONG: u32 = 16838;

/// Page margins in twips: top, bottom, left, right.
const MARGINS_PORTRAIT: (i32, i32, i32, i32) = (2098, 1984, 1588, 1474); // 37, 35, 28, 26 mm
const MARGINS_LANDSCAPE: (i32, i32, i32, i32) = (1418, 1247, 1134, 1134); // 25, 22, 20, 20 mm

/// Height of a header row; only header rows have it, so it marks them for [`pack`].
const HEADER_MARK: u32 = 397;

/// Page orientation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Orientation {
    Portrait,
    Landscape,
}

impl Orientation {
    /// Width of the text area in twips.
    pub(crate) fn text_width(self) -> usize {
        let (w, (_, _, l, r)) = match self {
            Orientation::Portrait => (A4_SHORT, MARGINS_PORTRAIT),
            Orientation::Landscape => (A4_LONG, MARGINS_LANDSCAPE),
        };
        (w as i32 - l - r) as usize
    }
}

/// RunFonts with an East Asian font and Times New Roman for Latin text.
pub(crate) fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii(LATIN)
        .hi_ansi(LATIN)
        .cs(LATIN)
}

/// A blank A4 document: default fonts 仿宋_GB2312 + Times New Roman, the page number in the
/// footer.
pub(crate) fn document(orientation: Orientation, body_size: usize) -> Docx {
    let (w, h, (top, bottom, left, right)) = match orientation {
        Orientation::Portrait => (A4_SHORT, A4_LONG, MARGINS_PORTRAIT),
        Orientation::Landscape => (A4_LONG, A4_SHORT, MARGINS_LANDSCAPE),
    };
    let orient = match orientation {
        Orientation::Portrait => PageOrientationType::Portrait,
        Orientation::Landscape => PageOrientationType::Landscape,
    };
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(text_run("— ", SONG, size::SI))
            .add_page_num(PageNum::new())
            .add_run(text_run(" —", SONG, size::SI)),
    );
    Docx::new()
        .page_size(w, h)
        .page_orient(orient)
        .page_margin(
            PageMargin::new()
                .top(top)
                .bottom(bottom)
                .left(left)
                .right(right)
                .header(851)
                .footer(992),
        )
        .default_fonts(fonts(BODY))
        .default_size(body_size)
        .footer(footer)
}

/// Text as XML 1.0 allows it: control characters other than tab and newline are dropped (a
/// stray form feed from a pasted document would otherwise make the file unreadable), tabs
/// become spaces.
pub(crate) fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\n' => Some('\n'),
            '\u{0}'..='\u{1f}' | '\u{7f}' | '\u{fffe}' | '\u{ffff}' => None,
            _ => Some(c),
        })
        .collect()
}

/// A run of text in the given East Asian font and size.
pub(crate) fn text_run(text: &str, font: &str, size: usize) -> Run {
    Run::new()
        .add_text(clean(text))
        .fonts(fonts(font))
        .size(size)
}

/// A first-line indent of two characters of the given size (half-points).
pub(crate) fn first_line(size: usize) -> docx_rs::SpecialIndentType {
    docx_rs::SpecialIndentType::FirstLine((size * 20) as i32)
}

/// A centred title line in 黑体.
pub(crate) fn title(text: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(LineSpacing::new().after(120))
        .add_run(text_run(text, HEI, size::TITLE))
}

/// A centred line in the given font and size.
pub(crate) fn centered(text: &str, font: &str, size: usize) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(LineSpacing::new().after(120))
        .add_run(text_run(text, font, size))
}

/// A table cell of the given width holding these paragraphs.
pub(crate) fn cell(width: usize, paragraphs: Vec<Paragraph>) -> TableCell {
    let mut c = TableCell::new().width(width, WidthType::Dxa);
    if paragraphs.is_empty() {
        c = c.add_paragraph(Paragraph::new());
    }
    for p in paragraphs {
        c = c.add_paragraph(p);
    }
    c
}

/// A header row (黑体, grey, centred), repeated on every page once [`pack`] marks it.
pub(crate) fn header_row(titles: &[String], widths: &[usize]) -> TableRow {
    let cells = titles
        .iter()
        .zip(widths)
        .map(|(t, &w)| {
            cell(
                w,
                vec![
                    Paragraph::new()
                        .align(AlignmentType::Center)
                        .add_run(text_run(t, HEI, size::XIAO_SI)),
                ],
            )
            .shading(Shading::new().shd_type(ShdType::Clear).fill("D9D9D9"))
            .vertical_align(VAlignType::Center)
        })
        .collect();
    TableRow::new(cells)
        .row_height(HEADER_MARK as f32)
        .height_rule(HeightRule::AtLeast)
        .cant_split()
}

/// A row of one cell across the whole table, centred, in the given font.
pub(crate) fn span_row(text: &str, widths: &[usize], font: &str, fill: Option<&str>) -> TableRow {
    let mut c = cell(
        widths.iter().sum(),
        vec![
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(text_run(text, font, size::XIAO_SI)),
        ],
    )
    .grid_span(widths.len());
    if let Some(f) = fill {
        c = c.shading(Shading::new().shd_type(ShdType::Clear).fill(f));
    }
    TableRow::new(vec![c]).cant_split()
}

/// Line spacing of table text: single, a little space after each paragraph.
pub(crate) fn cell_spacing() -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .line(240)
        .after(40)
}

/// Renders, marks header rows `<w:tblHeader/>`, and zips.
/// Ends a letter or report with its date on the right after an empty line, when it has one,
/// and packs it (see [`pack`]).
pub(crate) fn dated(mut doc: Docx, date: Option<&str>, what: &str) -> Result<Vec<u8>> {
    if let Some(d) = date {
        doc = doc.add_paragraph(Paragraph::new()).add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Right)
                .add_run(text_run(d, BODY, size::SAN)),
        );
    }
    pack(doc, what)
}

pub(crate) fn pack(docx: Docx, what: &str) -> Result<Vec<u8>> {
    let mut xml = docx.build();
    xml.document = mark_header_rows(&xml.document);
    xml.styles = chinese_by_default(&xml.styles);
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| office_error(what, e))?;
    deflated(&out.into_inner()).map_err(|e| office_error(what, e))
}

/// The same zip with every part deflated. docx-rs stores its parts uncompressed, which makes a
/// table of thousands of comments ten times the size Word would write (a disposition table of
/// the sample, 1.2 MB → about 0.1 MB): too big to mail. Parts keep their names, order and
/// times (docx-rs's fixed 1980-01-01), so the same report gives the same bytes.
fn deflated(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut from = zip::ZipArchive::new(std::io::Cursor::new(stored))?;
    let mut to = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(stored.len() / 4)));
    for i in 0..from.len() {
        let mut f = from.by_index(i)?;
        let name = f.name()?.into_owned();
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(f.last_modified().unwrap_or_default());
        if f.is_dir() {
            to.add_directory(name, options)?;
            continue;
        }
        to.start_file(name, options)?;
        std::io::copy(&mut f, &mut to)?;
    }
    Ok(to.finish()?.into_inner())
}

/// Adds `<w:tblHeader />` to every row carrying the header marker height.
fn mark_header_rows(document: &[u8]) -> Vec<u8> {
    let marker = format!("<w:trHeight w:val=\"{HEADER_MARK}\" w:hRule=\"atLeast\" />");
    let text = String::from_utf8_lossy(document);
    text.replace(&marker, &format!("{marker}<w:tblHeader />"))
        .into_bytes()
}

/// Declares the East Asian text Chinese (`<w:lang w:eastAsia="zh-CN"/>` in the document
/// defaults), which docx-rs cannot express: Word and LibreOffice then use Chinese punctuation
/// rules and Simplified Chinese glyphs when they substitute a missing font.
fn chinese_by_default(styles: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(styles);
    text.replacen(
        "</w:rPr></w:rPrDefault>",
        "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\" /></w:rPr></w:rPrDefault>",
        1,
    )
    .into_bytes()
}

/// An error while building an office file: reported as a failed write of `what`.
pub(crate) fn office_error(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Io {
        path: what.to_string(),
        source: std::io::Error::other(e.to_string()),
    }
}

/// `2026-06-25` → `2026年6月25日`; anything else as written.
pub(crate) fn long_date(date: &str) -> String {
    match ymd(date) {
        Some((y, m, d)) => format!("{y}年{m}月{d}日"),
        None => date.to_string(),
    }
}

fn ymd(date: &str) -> Option<(u32, u32, u32)> {
    let mut it = date.trim().splitn(3, '-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.get(..2)?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// The date stamped on tracked changes and comments: the option, else the version's date, else
/// today (UTC).
pub(crate) fn revision_date(option: Option<&str>, version_date: Option<&str>) -> String {
    if let Some(d) = option {
        return clean(d);
    }
    if let Some((y, m, d)) = version_date.and_then(ymd) {
        return format!("{y:04}-{m:02}-{d:02}T00:00:00Z");
    }
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0) as i64;
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T00:00:00Z")
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Names without characters that would need escaping in attributes docx-rs writes as they are
/// (comment authors).
pub(crate) fn plain_name(name: &str) -> String {
    clean(name)
        .chars()
        .filter(|c| !matches!(c, '<' | '>' | '&' | '"' | '\'' | '\n'))
        .collect()
}

#[cfg(test)]
pub(crate) mod testing {
    //! Reading back what the writers produce: the parts of a DOCX/XLSX zip, XML text.

    use std::io::Read;

    /// The text of one part of a zip file.
    pub(crate) fn part(bytes: &[u8], name: &str) -> Option<String> {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
        let mut f = z.by_name(name).ok()?;
        let mut s = String::new();
        f.read_to_string(&mut s).expect("UTF-8 part");
        Some(s)
    }

    /// A written DOCX reopened as Word would: docx-rs reads it, its body is well-formed XML.
    /// Returns the body's XML and its text.
    pub(crate) fn reopened(bytes: &[u8]) -> (String, String) {
        docx_rs::read_docx(bytes).expect("a readable docx");
        let xml = part(bytes, "word/document.xml").expect("a document part");
        assert_well_formed(&xml);
        let text = texts(&xml, "w:t");
        (xml, text)
    }

    /// Every part name.
    pub(crate) fn names(bytes: &[u8]) -> Vec<String> {
        let z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
        z.file_names()
            .map(|n| n.expect("a file name").into_owned())
            .collect()
    }

    /// Occurrences of `needle`.
    pub(crate) fn count(hay: &str, needle: &str) -> usize {
        hay.matches(needle).count()
    }

    /// The text of every `<tag ...>text</tag>` element, unescaped, concatenated.
    pub(crate) fn texts(xml: &str, tag: &str) -> String {
        let open = format!("<{tag}");
        let close = format!("</{tag}>");
        let mut out = String::new();
        let mut rest = xml;
        while let Some(i) = rest.find(&open) {
            rest = &rest[i + open.len()..];
            // `<w:t` must not match `<w:tbl`, `<w:tc`…
            if !rest.starts_with('>') && !rest.starts_with(' ') {
                continue;
            }
            let Some(gt) = rest.find('>') else { break };
            if rest[..gt].ends_with('/') {
                rest = &rest[gt + 1..];
                continue;
            }
            rest = &rest[gt + 1..];
            let Some(end) = rest.find(&close) else { break };
            out.push_str(&unescape(&rest[..end]));
            rest = &rest[end + close.len()..];
        }
        out
    }

    /// XML entities back to characters.
    pub(crate) fn unescape(s: &str) -> String {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&#39;", "'")
            .replace("&#xA;", "\n")
            .replace("&amp;", "&")
    }

    /// The XML is well formed enough for a strict reader: every part parses.
    pub(crate) fn assert_well_formed(xml: &str) {
        // A light check without an XML parser: no raw `<` inside text and balanced tags
        // counted by name.
        let mut stack: Vec<String> = Vec::new();
        let mut rest = xml;
        while let Some(i) = rest.find('<') {
            rest = &rest[i + 1..];
            let gt = rest.find('>').expect("closed tag");
            let tag = &rest[..gt];
            rest = &rest[gt + 1..];
            if tag.starts_with('?') || tag.starts_with('!') || tag.ends_with('/') {
                continue;
            }
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}>");
            } else {
                let name = tag.split_whitespace().next().unwrap_or_default();
                stack.push(name.to_string());
            }
        }
        assert!(stack.is_empty(), "unclosed: {stack:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_drops_control_characters_only() {
        assert_eq!(clean("a\u{0}b\u{b}c\td\ne😀𠀀"), "abc d\ne😀𠀀");
    }

    #[test]
    fn parts_are_deflated_and_read_back_whole() {
        let row = "第二十九条 建议全面禁止在青澜湖水域从事网箱养殖，现有网箱一年内全部清理。";
        let mut doc = Docx::new();
        for _ in 0..200 {
            doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(row)));
        }
        let bytes = pack(doc.clone(), "测试.docx").unwrap();
        assert_eq!(
            pack(doc, "测试.docx").unwrap(),
            bytes,
            "the same bytes every time"
        );
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
        let names = testing::names(&bytes);
        for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml"] {
            assert!(names.iter().any(|n| n == part), "{names:?}");
        }
        let (mut stored, mut packed) = (0, 0);
        for i in 0..z.len() {
            let f = z.by_index(i).unwrap();
            if !f.is_dir() {
                assert_eq!(f.compression(), zip::CompressionMethod::Deflated, "{i}");
                stored += f.size();
                packed += f.compressed_size();
            }
        }
        assert!(packed * 5 < stored, "{packed} of {stored} bytes");
        let (_, text) = testing::reopened(&bytes);
        assert_eq!(text.matches(row).count(), 200);
    }

    #[test]
    fn long_dates() {
        assert_eq!(long_date("2026-06-25"), "2026年6月25日");
        assert_eq!(long_date("2026年6月"), "2026年6月");
    }

    #[test]
    fn revision_dates() {
        assert_eq!(
            revision_date(None, Some("2026-06-25")),
            "2026-06-25T00:00:00Z"
        );
        assert_eq!(
            revision_date(Some("2027-01-01T08:00:00Z"), None),
            "2027-01-01T08:00:00Z"
        );
        assert!(revision_date(None, Some("六月")).ends_with("T00:00:00Z"));
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_629), (2026, 6, 25));
    }

    #[test]
    fn header_rows_are_marked() {
        let row = header_row(&["甲".into(), "乙".into()], &[1000, 1000]);
        let doc = document(Orientation::Landscape, size::XIAO_SI)
            .add_table(docx_rs::Table::new(vec![row]).set_grid(vec![1000, 1000]));
        let bytes = pack(doc, "t.docx").unwrap();
        let xml = testing::part(&bytes, "word/document.xml").unwrap();
        assert_eq!(testing::count(&xml, "<w:tblHeader />"), 1, "{xml}");
        assert!(xml.contains("w:orient=\"landscape\""));
        assert!(xml.contains("w:w=\"16838\""));
        testing::assert_well_formed(&xml);
        let footer = testing::part(&bytes, "word/footer1.xml").unwrap();
        assert!(
            footer.contains("<w:instrText>PAGE</w:instrText>"),
            "{footer}"
        );
        let styles = testing::part(&bytes, "word/styles.xml").unwrap();
        assert!(styles.contains("w:eastAsia=\"仿宋_GB2312\""), "{styles}");
        assert!(
            styles.contains("<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\""),
            "{styles}"
        );
    }
}
