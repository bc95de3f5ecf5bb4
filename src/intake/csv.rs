//! CSV (and tab-separated) sheets, as Excel and WPS save them: quoted cells with commas and
//! line breaks, CRLF, ragged rows.

use super::Table;
use crate::error::{Error, Result};

/// Parses decoded CSV text into rows of cells. Row numbers are spreadsheet rows: a quoted cell
/// spanning two lines is still one row, as Excel shows it.
pub(super) fn read(path: &str, text: &str) -> Result<Table> {
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.contains('\t') && !first_line.contains(',') {
        b'\t'
    } else if first_line.contains('；') && !first_line.contains(',') {
        return Err(Error::Upload {
            path: path.to_string(),
            message: "表头用全角分号“；”分隔，不是 CSV 格式：请用 Excel 另存为 CSV".into(),
        });
    } else {
        b','
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = ::csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => rows.push(record.iter().map(str::to_string).collect()),
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(rows.len() + 1, |p| p.line() as usize);
                return Err(Error::Upload {
                    path: path.to_string(),
                    message: format!("第 {line} 行附近的 CSV 格式有误：{e}"),
                });
            }
        }
    }
    // The csv crate strips a UTF-8 BOM itself; decode() already did.
    Ok(Table { rows, first_row: 1 })
}
