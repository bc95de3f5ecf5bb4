//! Intake: an uploaded batch file (CSV in any encoding Excel writes, XLSX, JSONL) → raw rows
//! with their columns mapped to comment fields. No validation here beyond the file's shape;
//! [`validate`] turns raw rows into [`crate::comment::Comment`]s row by row.
//!
//! ```text
//! file ──decode──▶ table (header row + rows) ──ColumnMap──▶ RawRow { row, fields } ──validate──▶ Comment
//! ```

mod csv;
mod decode;
mod jsonl;
pub mod validate;
mod xlsx;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The fields a batch can carry, in the order of DESIGN.md's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// 编号 / 序号: the batch's own number for the comment.
    Id,
    /// 条款: the article referred to.
    Article,
    /// 意见内容: the comment (required).
    Text,
    /// 提出人: the submitter's name (personal).
    Name,
    /// 提出人类型: citizen, expert, …
    Kind,
    /// 联系点: the contact point.
    Source,
    /// 渠道: how it was collected.
    Channel,
    /// 日期: when it was received.
    Date,
    /// 联系方式: phone or e-mail (personal).
    Contact,
    /// 征询任务: the consultation round.
    Round,
}

impl Field {
    /// Every field.
    pub const ALL: [Field; 10] = [
        Field::Id,
        Field::Article,
        Field::Text,
        Field::Name,
        Field::Kind,
        Field::Source,
        Field::Channel,
        Field::Date,
        Field::Contact,
        Field::Round,
    ];

    /// The English name (also the JSONL key and the `--map` target).
    pub fn wire(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Article => "article",
            Field::Text => "text",
            Field::Name => "name",
            Field::Kind => "kind",
            Field::Source => "source",
            Field::Channel => "channel",
            Field::Date => "date",
            Field::Contact => "contact",
            Field::Round => "round",
        }
    }

    /// The Chinese name staff know the column by.
    pub fn zh(self) -> &'static str {
        match self {
            Field::Id => "编号",
            Field::Article => "条款",
            Field::Text => "意见内容",
            Field::Name => "提出人",
            Field::Kind => "提出人类型",
            Field::Source => "联系点",
            Field::Channel => "渠道",
            Field::Date => "日期",
            Field::Contact => "联系方式",
            Field::Round => "征询任务",
        }
    }

    /// Headers understood without `--map` (compared after [`header_key`]).
    fn headers(self) -> &'static [&'static str] {
        match self {
            Field::Id => &[
                "编号",
                "序号",
                "意见编号",
                "序列号",
                "no",
                "id",
                "number",
                "ref",
                "#",
            ],
            Field::Article => &[
                "条款",
                "条文",
                "涉及条款",
                "涉及条文",
                "条款号",
                "条目",
                "对应条款",
                "对应条文",
                "所涉条款",
                "具体条款",
                "修改条款",
                "article",
                "articles",
                "clause",
            ],
            Field::Text => &[
                "意见内容",
                "意见建议",
                "内容",
                "意见",
                "建议",
                "意见建议内容",
                "具体意见",
                "具体意见建议",
                "修改意见",
                "意见和建议",
                "意见及建议",
                "建议内容",
                "text",
                "comment",
                "content",
                "opinion",
            ],
            Field::Name => &[
                "提出人",
                "姓名",
                "提出人姓名",
                "建议人",
                "意见人",
                "署名",
                "提交人",
                "name",
                "submitter",
            ],
            Field::Kind => &[
                "提出人类型",
                "身份",
                "类型",
                "提出人身份",
                "人员类别",
                "身份类别",
                "类别",
                "主体类型",
                "kind",
                "type",
                "role",
            ],
            Field::Source => &[
                "来源",
                "联系点",
                "基层立法联系点",
                "意见来源",
                "报送单位",
                "联系点名称",
                "立法联系点",
                "source",
                "contactpoint",
            ],
            Field::Channel => &[
                "渠道",
                "方式",
                "征集方式",
                "征集渠道",
                "提交方式",
                "收集方式",
                "途径",
                "channel",
                "method",
            ],
            Field::Date => &[
                "日期",
                "时间",
                "提交时间",
                "提交日期",
                "收到日期",
                "征集日期",
                "收集日期",
                "date",
                "received",
                "time",
            ],
            Field::Contact => &[
                "联系方式",
                "电话",
                "联系电话",
                "手机",
                "手机号",
                "手机号码",
                "邮箱",
                "contact",
                "phone",
                "email",
            ],
            Field::Round => &[
                "征询任务",
                "征集任务",
                "轮次",
                "征询轮次",
                "任务",
                "round",
                "task",
            ],
        }
    }

    /// Reads a `--map` target: the English name or the Chinese one.
    pub fn parse(s: &str) -> Option<Field> {
        let key = header_key(s);
        Field::ALL
            .into_iter()
            .find(|f| key == f.wire() || key == f.zh())
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.zh())
    }
}

/// A header as compared: no BOM, no spaces, no `*` (required marks), no note in brackets,
/// no trailing colon, lower case. `意见内容（必填）*` → `意见内容`.
pub fn header_key(s: &str) -> String {
    let s = s.trim_start_matches('\u{feff}').trim();
    let s = s.split(['（', '(', '[', '【']).next().unwrap_or(s);
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '＊' | '：' | ':' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Extra header → field mappings from `--map 表头=字段`.
#[derive(Debug, Clone, Default)]
pub struct HeaderMap {
    extra: Vec<(String, Field)>,
}

impl HeaderMap {
    /// Parses `--map` values: `意见=text`, `所属社区=联系点`, several separated by commas allowed.
    pub fn parse(values: &[String]) -> Result<HeaderMap> {
        let mut extra = Vec::new();
        for value in values {
            for pair in value
                .split([',', '，', ';', '；'])
                .filter(|p| !p.trim().is_empty())
            {
                let Some((header, field)) = pair.split_once(['=', '＝']) else {
                    return Err(Error::Usage(format!(
                        "--map 的写法应为 表头=字段，例如 --map 意见=text；“{pair}”中没有“=”"
                    )));
                };
                let Some(f) = Field::parse(field) else {
                    return Err(Error::Usage(format!(
                        "--map {pair}：“{}”不是可识别的字段（可选：{}）",
                        field.trim(),
                        Field::ALL
                            .map(|f| format!("{}/{}", f.wire(), f.zh()))
                            .join("、")
                    )));
                };
                extra.push((header_key(header), f));
            }
        }
        Ok(HeaderMap { extra })
    }

    /// The field a header names, if any.
    pub fn field(&self, header: &str) -> Option<Field> {
        let key = header_key(header);
        if key.is_empty() {
            return None;
        }
        if let Some((_, f)) = self.extra.iter().find(|(h, _)| *h == key) {
            return Some(*f);
        }
        Field::ALL
            .into_iter()
            .find(|f| f.headers().contains(&key.as_str()))
    }
}

/// Which column holds which field.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    /// Column index per field (indexed by `Field as usize`).
    index: [Option<usize>; 10],
    /// The header text as written in the file, per field.
    header: [Option<String>; 10],
    /// Headers that map to no field (shown in the receipt so staff can `--map` them).
    pub unused: Vec<String>,
}

impl Columns {
    /// Maps a header row. Fails when two columns claim one field.
    pub fn from_headers(path: &str, headers: &[String], map: &HeaderMap) -> Result<Columns> {
        let mut c = Columns::default();
        for (i, h) in headers.iter().enumerate() {
            match map.field(h) {
                Some(f) => {
                    if let Some(prev) = &c.header[f as usize] {
                        return Err(Error::Upload {
                            path: path.to_string(),
                            message: format!(
                                "表头“{prev}”和“{}”都对应“{}”，无法确定用哪一列（可用 --map 指定，或改掉其中一个表头）",
                                h.trim(),
                                f.zh()
                            ),
                        });
                    }
                    c.index[f as usize] = Some(i);
                    c.header[f as usize] = Some(h.trim().to_string());
                }
                None if !header_key(h).is_empty() => c.unused.push(h.trim().to_string()),
                None => {}
            }
        }
        Ok(c)
    }

    /// The column of a field.
    pub fn get(&self, f: Field) -> Option<usize> {
        self.index[f as usize]
    }

    /// The header of a field's column as written in the file (for messages).
    pub fn header(&self, f: Field) -> Option<&str> {
        self.header[f as usize].as_deref()
    }

    /// How many fields the headers name.
    fn mapped(&self) -> usize {
        self.index.iter().filter(|i| i.is_some()).count()
    }
}

/// Finds the header row among the first rows of a sheet: the first row that names the text
/// column (sheets often start with a title row such as `青澜湖保护条例意见汇总表`).
fn find_header_row(rows: &[Vec<String>], map: &HeaderMap) -> Option<usize> {
    rows.iter().take(10).position(|r| {
        let fields: Vec<Field> = r.iter().filter_map(|h| map.field(h)).collect();
        fields.contains(&Field::Text)
    })
}

/// One data row: its cells as read, and which cell holds which field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawRow {
    /// Spreadsheet row number (header row = 1) or JSONL line number.
    pub row: usize,
    /// All cells as read (also written back out for refused rows).
    pub cells: Vec<String>,
    /// The cell of each field (indexed by `Field as usize`), when it is not empty.
    fields: [Option<u32>; 10],
    /// A problem with the row's shape (a JSONL line that is not an object).
    pub broken: Option<String>,
}

impl RawRow {
    /// A field's value, trimmed; `None` when the cell is missing or empty.
    pub fn get(&self, f: Field) -> Option<&str> {
        self.fields[f as usize].map(|i| self.cells[i as usize].trim())
    }

    /// Points a field at a cell, unless the cell is empty.
    fn set(&mut self, f: Field, cell: usize) {
        self.fields[f as usize] = self
            .cells
            .get(cell)
            .filter(|v| !v.trim().is_empty())
            .map(|_| cell as u32);
    }

    /// True when nothing but (perhaps) the number is filled in: a template row, skipped.
    pub fn is_blank(&self) -> bool {
        self.broken.is_none()
            && Field::ALL
                .iter()
                .filter(|f| **f != Field::Id)
                .all(|f| self.fields[*f as usize].is_none())
    }
}

/// The file formats lifa reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// Comma-separated values (also tab-separated `.tsv`/`.txt`).
    Csv,
    /// An Excel workbook (`.xlsx`, `.xlsm`, `.xls`, `.ods`).
    Excel,
    /// JSON Lines, one object per line.
    Jsonl,
}

impl FileFormat {
    /// Picks the format from the file name, then from the first bytes.
    pub fn detect(path: &Path, bytes: &[u8]) -> Option<FileFormat> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("csv" | "tsv" | "txt") => Some(FileFormat::Csv),
            Some("xlsx" | "xlsm" | "xls" | "ods" | "xlsb") => Some(FileFormat::Excel),
            Some("jsonl" | "ndjson" | "json") => Some(FileFormat::Jsonl),
            _ if bytes.starts_with(b"PK\x03\x04")
                || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) =>
            {
                Some(FileFormat::Excel)
            }
            _ if bytes.trim_ascii_start().starts_with(b"{") => Some(FileFormat::Jsonl),
            _ => None,
        }
    }

    /// The name staff read.
    pub fn label(self) -> &'static str {
        match self {
            FileFormat::Csv => "CSV",
            FileFormat::Excel => "Excel",
            FileFormat::Jsonl => "JSONL",
        }
    }
}

/// An uploaded file, read.
#[derive(Debug, Clone)]
pub struct Upload {
    /// The file as named on the command line.
    pub path: PathBuf,
    /// Its format.
    pub format: FileFormat,
    /// The text encoding found (`UTF-8`, `GBK`…), for CSV.
    pub encoding: Option<&'static str>,
    /// The sheet read, for workbooks.
    pub sheet: Option<String>,
    /// The header row as written (CSV, XLSX); JSONL keys seen, in first-seen order.
    pub headers: Vec<String>,
    /// Which column is which field.
    pub columns: Columns,
    /// The data rows (blank template rows already dropped).
    pub rows: Vec<RawRow>,
    /// Blank rows skipped.
    pub blank_rows: usize,
    /// The file's blake3 hash (hex), for the batch record.
    pub file_hash: String,
}

/// Reads one uploaded file.
pub fn read(path: &Path, sheet: Option<&str>, map: &HeaderMap) -> Result<Upload> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: shown.clone(),
        source,
    })?;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Upload {
            path: shown,
            message: "文件是空的".into(),
        });
    }
    let format = FileFormat::detect(path, &bytes).ok_or_else(|| Error::Upload {
        path: shown.clone(),
        message: "无法识别文件格式：请上传 .csv、.xlsx 或 .jsonl 文件".into(),
    })?;
    let file_hash = blake3::hash(&bytes).to_hex()[..16].to_string();
    let (table, encoding, sheet_name) = match format {
        FileFormat::Csv => {
            let (text, encoding) = decode::decode(&shown, &bytes)?;
            (csv::read(&shown, &text)?, Some(encoding), None)
        }
        FileFormat::Excel => {
            let (table, name) = xlsx::read(&shown, bytes, sheet)?;
            (table, None, Some(name))
        }
        FileFormat::Jsonl => {
            let (text, encoding) = decode::decode(&shown, &bytes)?;
            let mut upload = jsonl::read(&shown, &text, map)?;
            upload.path = path.to_path_buf();
            upload.encoding = Some(encoding);
            upload.file_hash = file_hash;
            return Ok(upload);
        }
    };
    let Table { rows, first_row } = table;
    let Some(h) = find_header_row(&rows, map) else {
        let first = rows
            .iter()
            .find(|r| r.iter().any(|c| !c.trim().is_empty()))
            .map(|r| {
                r.iter()
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty())
                    .collect::<Vec<_>>()
                    .join("、")
            })
            .unwrap_or_default();
        return Err(Error::Upload {
            path: shown,
            message: format!(
                "找不到“意见内容”列。表头应含 {} 之一{}",
                Field::Text.headers()[..4].join("、"),
                if first.is_empty() {
                    String::new()
                } else {
                    format!("；第一行是：{first}")
                }
            ),
        });
    };
    let headers = rows[h].clone();
    let columns = Columns::from_headers(&shown, &headers, map)?;
    debug_assert!(columns.mapped() > 0);
    let mut out = Vec::with_capacity(rows.len().saturating_sub(h + 1));
    let mut blank_rows = 0;
    for (i, cells) in rows.into_iter().enumerate().skip(h + 1) {
        let mut raw = RawRow {
            row: first_row + i,
            cells,
            ..RawRow::default()
        };
        for f in Field::ALL {
            if let Some(c) = columns.get(f) {
                raw.set(f, c);
            }
        }
        if raw.is_blank() {
            blank_rows += 1;
        } else {
            out.push(raw);
        }
    }
    Ok(Upload {
        path: path.to_path_buf(),
        format,
        encoding,
        sheet: sheet_name,
        headers,
        columns,
        rows: out,
        blank_rows,
        file_hash,
    })
}

/// A sheet as rows of cell texts; `first_row` is the spreadsheet number of `rows[0]`.
#[derive(Debug, Clone)]
pub struct Table {
    /// The rows, header included.
    pub rows: Vec<Vec<String>>,
    /// Spreadsheet row number of `rows[0]`.
    pub first_row: usize,
}

/// Reads any CSV (any encoding) or Excel sheet as a plain table — for sheets other than comment
/// batches, such as the disposition table staff keep.
pub fn read_table(path: &Path, sheet: Option<&str>) -> Result<Table> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: shown.clone(),
        source,
    })?;
    match FileFormat::detect(path, &bytes) {
        Some(FileFormat::Csv) => {
            let (text, _) = decode::decode(&shown, &bytes)?;
            csv::read(&shown, &text)
        }
        Some(FileFormat::Excel) => Ok(xlsx::read(&shown, bytes, sheet)?.0),
        _ => Err(Error::Upload {
            path: shown,
            message: "请使用 .csv 或 .xlsx 文件".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_chinese_english_and_with_notes() {
        let m = HeaderMap::default();
        assert_eq!(m.field("意见内容"), Some(Field::Text));
        assert_eq!(m.field(" 意见建议（必填）* "), Some(Field::Text));
        assert_eq!(m.field("\u{feff}序号"), Some(Field::Id));
        assert_eq!(m.field("Text"), Some(Field::Text));
        assert_eq!(m.field("涉及条款"), Some(Field::Article));
        assert_eq!(m.field("身份"), Some(Field::Kind));
        assert_eq!(m.field("方式"), Some(Field::Channel));
        assert_eq!(m.field("备注"), None);
        let m = HeaderMap::parse(&["所属社区=source,群众意见=意见内容".into()]).unwrap();
        assert_eq!(m.field("所属社区"), Some(Field::Source));
        assert_eq!(m.field("群众意见"), Some(Field::Text));
        assert!(HeaderMap::parse(&["所属社区".into()]).is_err());
        assert!(HeaderMap::parse(&["所属社区=住址".into()]).is_err());
    }

    #[test]
    fn two_columns_for_one_field_are_refused() {
        let headers = vec!["内容".to_string(), "意见内容".to_string()];
        let err = Columns::from_headers("a.csv", &headers, &HeaderMap::default()).unwrap_err();
        assert!(err.to_string().contains("都对应“意见内容”"), "{err}");
    }

    #[test]
    fn title_rows_above_the_header_are_skipped() {
        let rows = vec![
            vec!["青澜湖保护条例意见汇总表".to_string(), String::new()],
            vec![String::new(), String::new()],
            vec!["序号".to_string(), "意见".to_string()],
        ];
        assert_eq!(find_header_row(&rows, &HeaderMap::default()), Some(2));
    }
}
