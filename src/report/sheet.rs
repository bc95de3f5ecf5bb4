//! Tables of comments for spreadsheets: one [`Table`] per listing, written as CSV (UTF-8 with
//! BOM, which Excel and WPS open) or as an Excel workbook (`.xlsx`: a title row, a frozen header
//! row with filters, column widths, wrapped text, numbers as numbers).
//!
//! Text that a spreadsheet might take for a formula (`=HYPERLINK(…)`, `+1`, `-1`, `@SUM(A1)`)
//! is never a formula: in CSV it gets a leading `'`, in a workbook it is a string cell with
//! Excel's quote-prefix flag, so that editing the cell keeps it text.

use std::borrow::Cow;

use rust_xlsxwriter::{DataValidation, Format, FormatAlign, FormatBorder, Workbook};

use crate::error::Result;
use crate::report::docx::{clean, office_error};

/// A column: its header and its width in characters (a Chinese character is two).
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The header.
    pub header: &'static str,
    /// Width in characters.
    pub width: f64,
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A number, shown with this many decimals.
    Number(f64, usize),
}

/// A column (for the tables' constant lists).
pub const fn col(header: &'static str, width: f64) -> Column {
    Column { header, width }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<Cow<'_, str>> for Cell {
    fn from(s: Cow<'_, str>) -> Cell {
        Cell::Text(s.into_owned())
    }
}

impl Cell {
    /// A whole number.
    pub fn count(n: impl Into<u64>) -> Cell {
        Cell::Number(n.into() as f64, 0)
    }

    /// The cell as text (numbers with their decimals).
    fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(s) => Cow::Borrowed(s),
            Cell::Number(v, places) => Cow::Owned(format!("{v:.places$}")),
        }
    }
}

/// A table of rows under a title. The rows are produced as they are written, so that a table
/// of a million rows is never held whole.
pub struct Table<'a> {
    /// The worksheet's name (at most 31 characters, none of `[]:*?/\`).
    pub sheet: &'static str,
    /// The title row of the workbook (not written in CSV, whose first row is the header).
    pub title: String,
    /// The columns.
    pub columns: &'static [Column],
    /// How many rows `rows` gives.
    pub len: usize,
    /// The rows, each as many cells as there are columns.
    pub rows: Box<dyn Iterator<Item = Vec<Cell>> + 'a>,
    /// A column whose cells (and 200 empty ones below) offer a drop-down of these values.
    pub choices: Option<(u16, &'static [&'static str])>,
}

/// `（text）` for a title, or nothing for no text.
pub(crate) fn in_brackets(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!("（{text}）")
    }
}

/// Rows a worksheet holds (Excel's limit), less the title and header rows.
pub const MAX_ROWS: usize = 1_048_576 - 2;

/// The table as CSV: UTF-8 with a BOM, the header row first, text that a spreadsheet could take
/// for a formula behind a `'`.
pub fn csv(t: Table) -> Vec<u8> {
    let mut w = ::csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let _ = w.write_record(t.columns.iter().map(|c| c.header));
    for row in t.rows {
        let _ = w.write_record(row.iter().map(|c| {
            match c {
                Cell::Text(s) => defuse(s),
                n => n.text(),
            }
            .into_owned()
        }));
    }
    w.into_inner().unwrap_or_default()
}

/// Text a spreadsheet could read as a formula (see [`looks_like_formula`]), with a `'` before
/// it, for CSV.
fn defuse(s: &str) -> Cow<'_, str> {
    if looks_like_formula(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// The table as an Excel workbook: the title (merged over the columns and centred, as official
/// tables have it), a frozen header row with filters, the widths, wrapped text with each row as
/// high as its longest cell needs, A4 landscape print set-up with the header repeated. `name`
/// names the file in errors. Rows beyond [`MAX_ROWS`] are left out, and the title says so.
pub fn xlsx(t: Table, name: &str) -> Result<Vec<u8>> {
    let err = |e: rust_xlsxwriter::XlsxError| office_error(name, e);
    let mut wb = Workbook::new();
    // Each row goes to a temporary file as the next one starts.
    let ws = wb.add_worksheet_with_constant_memory().map_err(err)?;
    ws.set_name(t.sheet).map_err(err)?;
    let header_format = Format::new()
        .set_bold()
        .set_font_name("黑体")
        .set_font_size(11)
        .set_background_color("D9D9D9")
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let body = Format::new()
        .set_font_name("宋体")
        .set_font_size(11)
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let quoted = body.clone().set_quote_prefix();
    let title_format = Format::new()
        .set_bold()
        .set_font_name("黑体")
        .set_font_size(14)
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let number = |places: usize| {
        let pattern = if places == 0 {
            "0".to_string()
        } else {
            format!("0.{}", "0".repeat(places))
        };
        body.clone()
            .set_align(FormatAlign::Center)
            .set_num_format(pattern)
    };
    let numbers: Vec<Format> = (0..4).map(number).collect();

    let last_col = t.columns.len().saturating_sub(1) as u16;
    let mut title = t.title.clone();
    if t.len > MAX_ROWS {
        title.push_str(&format!(
            "（共 {} 行，Excel 一张表最多容纳 {MAX_ROWS} 行，只写入前 {MAX_ROWS} 行）",
            t.len
        ));
    }
    if last_col > 0 {
        ws.merge_range(0, 0, 0, last_col, &clean_cell(&title), &title_format)
            .map_err(err)?;
    } else {
        ws.write_string_with_format(0, 0, clean_cell(&title), &title_format)
            .map_err(err)?;
    }
    // 14-point characters take about 1.3 times the room of the body's 11-point ones.
    let width: f64 = t.columns.iter().map(|c| c.width).sum();
    let title_lines = lines_needed(&title, width / 1.3);
    ws.set_row_height(0, (title_lines as f64 * 20.0 + 8.0).min(MAX_ROW_HEIGHT))
        .map_err(err)?;
    for (c, col) in t.columns.iter().enumerate() {
        ws.write_string_with_format(1, c as u16, col.header, &header_format)
            .map_err(err)?;
        ws.set_column_width(c as u16, col.width).map_err(err)?;
    }
    ws.set_row_height(1, 22).map_err(err)?;
    let mut written = 0;
    for (i, cells) in t.rows.take(MAX_ROWS).enumerate() {
        written += 1;
        let row = (i + 2) as u32;
        let mut lines = 1;
        for (c, (cell, col)) in cells.iter().zip(t.columns).enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(s) => {
                    let s = clean_cell(s);
                    let f = if looks_like_formula(&s) {
                        &quoted
                    } else {
                        &body
                    };
                    if s.is_empty() {
                        ws.write_blank(row, c, f).map_err(err)?;
                    } else {
                        ws.write_string_with_format(row, c, &s, f).map_err(err)?;
                    }
                    lines = lines.max(lines_needed(&s, col.width));
                }
                Cell::Number(v, places) => {
                    let f = numbers.get(*places).unwrap_or(&body);
                    ws.write_number_with_format(row, c, *v, f).map_err(err)?;
                }
            }
        }
        // Spreadsheets do not grow rows to fit wrapped text they did not lay out themselves.
        ws.set_row_height(row, row_height(lines)).map_err(err)?;
    }
    let last_row = (written + 1).max(2) as u32;
    ws.set_freeze_panes(2, 0).map_err(err)?;
    ws.autofilter(1, 0, last_row, last_col).map_err(err)?;
    if let Some((c, values)) = t.choices {
        let choices = DataValidation::new()
            .allow_list_strings(values)
            .map_err(err)?
            .ignore_blank(true);
        ws.add_data_validation(2, c, last_row + 200, c, &choices)
            .map_err(err)?;
    }
    ws.set_paper_size(9); // A4
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(1, 1).map_err(err)?;
    wb.save_to_buffer().map_err(err)
}

/// Height of one line of 11-point text, and Excel's largest row height, in points.
const LINE_HEIGHT: f64 = 14.5;
const MAX_ROW_HEIGHT: f64 = 409.0;

/// Excel's limit on the length of a cell's text, in UTF-16 units.
pub(crate) const MAX_CELL: usize = 32_767;

/// Lines a text takes in a column `width` characters wide (a Chinese character is two).
fn lines_needed(text: &str, width: f64) -> usize {
    let room = (width - 1.0).max(1.0);
    text.split('\n')
        .map(|line| {
            let units: f64 = line
                .chars()
                // Excel's unit is the width of a digit; CJK characters take two.
                .map(|c| match c as u32 {
                    0..0x80 => 1.0,
                    0x80..0x1100 => 1.1,
                    _ => 2.0,
                })
                .sum();
            ((units / room).ceil() as usize).max(1)
        })
        .sum()
}

/// The height of a row of `lines` lines of text.
fn row_height(lines: usize) -> f64 {
    (lines as f64 * LINE_HEIGHT + 4.0).min(MAX_ROW_HEIGHT)
}

/// Text a spreadsheet could read as a formula: starts with a tab or a carriage return, or,
/// after any leading whitespace, with `=`, `+`, `-` or `@` (or their full-width forms). In CSV it
/// gets a leading `'` ([`defuse`]); in a workbook, Excel's quote-prefix flag.
fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['\t', '\r'])
        || text
            .trim_start()
            .starts_with(['=', '+', '-', '@', '＝', '＋', '－'])
}

/// XML-safe text within Excel's cell limit (longer text is cut, saying so).
pub(crate) fn clean_cell(text: &str) -> String {
    let t = clean(text);
    if t.encode_utf16().count() <= MAX_CELL {
        return t;
    }
    let total = t.chars().count();
    let note = format!("……（已截断，全文 {total} 字）");
    let room = MAX_CELL - note.encode_utf16().count();
    let mut used = 0;
    let mut out = String::new();
    for c in t.chars() {
        used += c.len_utf16();
        if used > room {
            break;
        }
        out.push(c);
    }
    out.push_str(&note);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::docx::testing::part;
    use calamine::{Data, Reader, Xlsx};

    const COLUMNS: &[Column] = &[
        col("编号", 12.0),
        col("意见内容", 20.0),
        col("份数", 6.0),
        col("得分", 6.0),
    ];

    fn table() -> Table<'static> {
        let rows = vec![
            vec![
                "c1".into(),
                "=HYPERLINK(\"http://x\",\"y\")".into(),
                Cell::count(3u32),
                Cell::Number(1.23456, 3),
            ],
            vec![
                "c2".into(),
                format!("建议禁止网箱养殖。\n{}", "湖".repeat(40)).into(),
                Cell::count(1u32),
                Cell::Number(0.5, 3),
            ],
        ];
        Table {
            sheet: "检索结果",
            title: "检索“网箱”：2 条意见".into(),
            columns: COLUMNS,
            len: rows.len(),
            rows: Box::new(rows.into_iter()),
            choices: None,
        }
    }

    #[test]
    fn csv_has_the_header_and_defused_text() {
        let bytes = csv(table());
        let text = std::str::from_utf8(&bytes).unwrap();
        assert!(
            text.starts_with("\u{feff}编号,意见内容,份数,得分\n"),
            "{text}"
        );
        assert!(
            text.contains("c1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",3,1.235\n"),
            "{text}"
        );
        assert!(!text.contains("检索"), "the title is not a CSV row: {text}");
    }

    #[test]
    fn xlsx_has_title_header_text_and_numbers() {
        let bytes = xlsx(table(), "结果.xlsx").unwrap();
        let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.clone())).unwrap();
        let range = wb.worksheet_range("检索结果").unwrap();
        let got: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
        assert_eq!(got[0][0], Data::String("检索“网箱”：2 条意见".into()));
        let header: Vec<String> = got[1].iter().map(|c| c.to_string()).collect();
        assert_eq!(header, ["编号", "意见内容", "份数", "得分"]);
        assert_eq!(
            got[2][1],
            Data::String("=HYPERLINK(\"http://x\",\"y\")".into())
        );
        assert_eq!(got[2][2], Data::Float(3.0));
        assert_eq!(got[2][3], Data::Float(1.23456));
        assert_eq!(
            got[3][1],
            Data::String(format!("建议禁止网箱养殖。\n{}", "湖".repeat(40)))
        );
        let sheet = part(&bytes, "xl/worksheets/sheet1.xml").unwrap();
        assert!(!sheet.contains("<f>"), "no formula: {sheet}");
        assert!(sheet.contains("state=\"frozen\""));
        assert!(sheet.contains("<autoFilter ref=\"A2:D4\""), "{sheet}");
        // Each row is as high as its text: two lines for the first (its formula-like text
        // of 26 characters in a column of 20), six for the second (a line, then 40 Chinese
        // characters in a column of 20).
        let height = |row: u32| -> f64 {
            let at = sheet.find(&format!("<row r=\"{row}\"")).unwrap();
            let ht = &sheet[at..][sheet[at..].find("ht=\"").unwrap() + 4..];
            ht[..ht.find('"').unwrap()].parse().unwrap()
        };
        // (Heights are kept in whole pixels: within a point of what was asked.)
        assert!(
            (height(3) - row_height(2)).abs() < 1.0,
            "=HYPERLINK(…) wraps once in 20"
        );
        assert!((height(4) - row_height(6)).abs() < 1.0, "{}", height(4));
    }

    #[test]
    fn formula_lookalikes() {
        for t in ["=1", " +1", "\t-1", "@A1", "＝1", "\tcmd", "\r1"] {
            assert!(looks_like_formula(t), "{t}");
        }
        for t in ["第一条", "1-2", "a=b", ""] {
            assert!(!looks_like_formula(t), "{t}");
        }
    }

    #[test]
    fn rows_fit_their_wrapped_text() {
        assert_eq!(lines_needed("", 10.0), 1);
        assert_eq!(lines_needed("湖泊", 10.0), 1);
        assert_eq!(lines_needed(&"湖".repeat(9), 10.0), 2);
        assert_eq!(lines_needed("甲\n乙\n丙", 10.0), 3);
        // An id and a date fit the columns they are given.
        assert_eq!(lines_needed("c200905eb727b", 15.0), 1);
        assert_eq!(lines_needed("2026-04-21", 11.0), 1);
        assert_eq!(row_height(1000), MAX_ROW_HEIGHT);
    }
}
