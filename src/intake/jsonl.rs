//! JSON Lines: one object per line, keys named like the sheet headers (English or Chinese).

use std::collections::BTreeMap;

use super::{Columns, Field, FileFormat, HeaderMap, RawRow, Upload};
use crate::error::Result;

/// Reads JSONL text. A line that is not a JSON object becomes a broken row (refused with its
/// line number by the validator), so one bad line does not hide the others.
pub(super) fn read(path: &str, text: &str, map: &HeaderMap) -> Result<Upload> {
    let mut keys: Vec<String> = Vec::new();
    let mut rows = Vec::new();
    let mut blank_rows = 0;
    let mut columns = Columns::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let mut raw = RawRow {
            row: i + 1,
            ..RawRow::default()
        };
        match serde_json::from_str::<BTreeMap<String, serde_json::Value>>(line) {
            Ok(obj) => {
                for (k, v) in obj {
                    let col = match keys.iter().position(|x| *x == k) {
                        Some(c) => c,
                        None => {
                            keys.push(k.clone());
                            columns = Columns::from_headers(path, &keys, map)?;
                            keys.len() - 1
                        }
                    };
                    let value = match v {
                        serde_json::Value::Null => String::new(),
                        serde_json::Value::String(s) => s,
                        serde_json::Value::Array(a) => a
                            .iter()
                            .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string))
                            .collect::<Vec<_>>()
                            .join("、"),
                        other => other.to_string(),
                    };
                    if raw.cells.len() <= col {
                        raw.cells.resize(col + 1, String::new());
                    }
                    raw.cells[col] = value;
                }
                for f in Field::ALL {
                    if let Some(c) = columns.get(f) {
                        raw.set(f, c);
                    }
                }
                if raw.is_blank() {
                    blank_rows += 1;
                    continue;
                }
            }
            Err(e) => {
                raw.cells = vec![line.to_string()];
                raw.broken = Some(format!("不是有效的 JSON 对象（{e}）"));
            }
        }
        rows.push(raw);
    }
    Ok(Upload {
        path: path.into(),
        format: FileFormat::Jsonl,
        encoding: None,
        sheet: None,
        headers: keys,
        columns,
        rows,
        blank_rows,
        file_hash: String::new(),
    })
}
