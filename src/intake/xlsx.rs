//! Excel workbooks (`.xlsx`, also `.xls` and `.ods` through calamine): the first sheet, or the
//! one named with `--sheet`.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

use super::Table;
use crate::comment::Date;
use crate::error::{Error, Result};

/// Reads a sheet into rows of cell texts. Date cells become `YYYY-MM-DD`; whole numbers lose
/// their `.0` (so 编号 1 stays `1`); a plain number in a date column is read as an Excel date
/// serial later, by the validator, since only there is it known to be a date.
pub(super) fn read(path: &str, bytes: Vec<u8>, sheet: Option<&str>) -> Result<(Table, String)> {
    let upload = |message: String| Error::Upload {
        path: path.to_string(),
        message,
    };
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| upload(format!("无法作为 Excel 工作簿打开：{e}")))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .or_else(|| {
                // `--sheet 2`: the second sheet.
                s.parse::<usize>()
                    .ok()
                    .and_then(|i| names.get(i.checked_sub(1)?).cloned())
            })
            .ok_or_else(|| upload(format!("没有名为“{s}”的工作表（有：{}）", names.join("、"))))?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| upload("工作簿中没有工作表".into()))?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| upload(format!("无法读取工作表“{name}”：{e}")))?;
    let first_row = range.start().map_or(1, |(r, _)| r as usize + 1);
    let first_col = range.start().map_or(0, |(_, c)| c as usize);
    let rows = range
        .rows()
        .map(|r| {
            let mut cells = vec![String::new(); first_col];
            cells.extend(r.iter().map(cell_text));
            cells
        })
        .collect();
    Ok((Table { rows, first_row }, name))
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        Data::DateTime(dt) => Date::from_excel_serial(dt.as_f64())
            .map(|d| d.to_string())
            .unwrap_or_else(|| dt.as_f64().to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}
