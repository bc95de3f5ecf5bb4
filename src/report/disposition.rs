//! The 意见采纳情况表 (comment disposition table): one row per opinion with what became of it,
//! as an Excel sheet staff filter and edit, or as a Word table for the file.
//!
//! Last stage of the comment pipeline: [`DispositionRow`]s, already masked (no names or phone
//! numbers unless the caller put them there) → bytes. The sheet's headers (编号, 采纳情况, 理由,
//! 对应修改) are those `lifa decide --sheet` reads, so an edited sheet can be read back.
//!
//! Text that a spreadsheet might take for a formula (`=HYPERLINK(…)`, `+1`, `-1`, `@SUM(A1)`)
//! is written as a string cell — never as a formula — and additionally carries Excel's
//! quote-prefix flag, so that editing the cell in Excel keeps it text.

use docx_rs::{AlignmentType, Paragraph, Run, Table, TableLayoutType, TableRow, WidthType};

use crate::error::Result;
use crate::report::docx::{
    Orientation, SONG, cell, cell_spacing, centered, clean, document, header_row, pack, size, title,
};
use crate::report::sheet::{self, Cell, Column, col};

/// One opinion in the disposition table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DispositionRow {
    /// The comment's id (lifa's id, or the 编号 its batch gave it): what `lifa decide` matches.
    pub id: String,
    /// The article commented on (`第十二条`).
    pub article: String,
    /// The opinion's text (masked).
    pub opinion: String,
    /// How many people put it forward (duplicates and campaign copies counted).
    pub supporters: usize,
    /// The contact points or other sources it came through.
    pub sources: Vec<String>,
    /// Kind of submitter (群众, 专家, 人大代表…).
    pub submitter: String,
    /// Channel (面对面, 网上…).
    pub channel: String,
    /// 采纳, 部分采纳, 已在他条体现, 未采纳, 待研究.
    pub disposition: String,
    /// Why (always for 未采纳).
    pub reason: String,
    /// Where it shows in the draft: article and paragraph, or edit ids.
    pub edits: String,
}

/// The columns, in order; `lifa decide --sheet` reads 编号, 采纳情况, 理由, 对应修改.
const COLUMNS: &[Column] = &[
    col("编号", 14.0),
    col("条款", 12.0),
    col("意见内容", 44.0),
    col("提出人数", 6.0),
    col("来源", 16.0),
    col("提出人类型", 8.0),
    col("渠道", 8.0),
    col("采纳情况", 10.0),
    col("理由", 32.0),
    col("对应修改", 18.0),
];

/// The dispositions offered in the 采纳情况 drop-down.
const DISPOSITIONS: [&str; 5] = ["采纳", "部分采纳", "已在他条体现", "未采纳", "待研究"];

/// The disposition table as an Excel workbook: a title row, a frozen header row with filters,
/// wrapped text, a drop-down for 采纳情况, A4 landscape print set-up.
///
/// ```
/// use lifa::report::disposition::{disposition_xlsx, DispositionRow};
/// let rows = vec![DispositionRow {
///     id: "Q-001".into(),
///     article: "第十二条".into(),
///     opinion: "建议将“五十米”修改为“一百米”".into(),
///     supporters: 3,
///     disposition: "采纳".into(),
///     ..Default::default()
/// }];
/// let bytes = disposition_xlsx(&rows, "青澜湖保护条例（草案）意见采纳情况表").unwrap();
/// assert!(bytes.starts_with(b"PK"));
/// ```
pub fn disposition_xlsx(rows: &[DispositionRow], title: &str) -> Result<Vec<u8>> {
    let cells = rows.iter().map(|r| {
        vec![
            r.id.as_str().into(),
            r.article.as_str().into(),
            r.opinion.as_str().into(),
            Cell::count(r.supporters as u64),
            r.sources.join("、").into(),
            r.submitter.as_str().into(),
            r.channel.as_str().into(),
            r.disposition.as_str().into(),
            r.reason.as_str().into(),
            r.edits.as_str().into(),
        ]
    });
    let table = sheet::Table {
        sheet: "意见采纳情况",
        title: title.to_string(),
        columns: COLUMNS,
        len: rows.len(),
        rows: Box::new(cells),
        choices: Some((7, &DISPOSITIONS)),
    };
    sheet::xlsx(table, "意见采纳情况表.xlsx")
}

/// The disposition table as Markdown (for versioning beside the drafts).
pub fn disposition_md(rows: &[DispositionRow], title: &str) -> String {
    fn cell(s: &str) -> String {
        s.replace('\\', "\\\\")
            .replace('|', "\\|")
            .replace(['\n', '\r'], " ")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }
    let mut out = format!("# {}\n\n共 {} 种意见。\n\n", cell(title), rows.len());
    out.push_str(
        "| 编号 | 条款 | 意见内容 | 人数 | 来源 | 提出人 | 渠道 | 采纳情况 | 理由 | 对应修改 |\n",
    );
    out.push_str("|---|---|---|---|---|---|---|---|---|---|\n");
    for r in rows {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            cell(&r.id),
            cell(&r.article),
            cell(&r.opinion),
            r.supporters,
            cell(&r.sources.join("、")),
            cell(&r.submitter),
            cell(&r.channel),
            cell(&r.disposition),
            cell(&r.reason),
            cell(&r.edits)
        ));
    }
    out
}

/// The disposition table as a Word document (A4 landscape table, header row repeated).
pub fn disposition_docx(rows: &[DispositionRow], title_text: &str) -> Result<Vec<u8>> {
    // 编号 | 条款 | 意见内容 | 人数 | 来源 | 采纳情况 | 理由 | 对应修改
    let text_width = Orientation::Landscape.text_width();
    let mut widths = vec![1200, 1150, 4100, 650, 2050, 1300, 2700];
    widths.push(text_width - widths.iter().sum::<usize>());
    let headers: Vec<String> = [
        "编号",
        "条款",
        "意见内容",
        "人数",
        "来源",
        "采纳情况",
        "理由",
        "对应修改",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut table_rows = vec![header_row(&headers, &widths)];
    for r in rows {
        let mut source = r.sources.join("、");
        let who: Vec<&str> = [r.submitter.as_str(), r.channel.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        if !who.is_empty() {
            source.push_str(&format!("（{}）", who.join("，")));
        }
        let values = [
            r.id.clone(),
            r.article.clone(),
            r.opinion.clone(),
            r.supporters.to_string(),
            source,
            r.disposition.clone(),
            r.reason.clone(),
            r.edits.clone(),
        ];
        let cells = values
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(k, (v, &w))| {
                let centre = matches!(k, 0 | 1 | 3 | 5);
                cell(w, text_paragraphs(v, centre))
            })
            .collect();
        table_rows.push(TableRow::new(cells));
    }
    let table = Table::new(table_rows)
        .set_grid(widths.clone())
        .layout(TableLayoutType::Fixed)
        .width(widths.iter().sum(), WidthType::Dxa);
    let docx = document(Orientation::Landscape, size::WU)
        .add_paragraph(title(title_text))
        .add_paragraph(centered(
            &format!("共 {} 条意见", rows.len()),
            SONG,
            size::XIAO_SI,
        ))
        .add_table(table);
    pack(docx, "意见采纳情况表.docx")
}

fn text_paragraphs(text: &str, centre: bool) -> Vec<Paragraph> {
    clean(text)
        .split('\n')
        .map(|line| {
            let p = Paragraph::new()
                .line_spacing(cell_spacing())
                .add_run(Run::new().add_text(line));
            if centre {
                p.align(AlignmentType::Center)
            } else {
                p.align(AlignmentType::Left)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::docx::testing::{assert_well_formed, count, part, texts};
    use calamine::{Data, Reader, Xlsx};

    const HOSTILE: [&str; 7] = [
        "=HYPERLINK(\"http://x\",\"y\")",
        "@SUM(A1)",
        "+1",
        "-1",
        "  =1+1",
        "\t=cmd|' /C calc'!A0",
        "<script>alert(1)</script>",
    ];

    fn rows() -> Vec<DispositionRow> {
        let long = "湖".repeat(5000);
        let mut out: Vec<DispositionRow> = HOSTILE
            .iter()
            .enumerate()
            .map(|(i, h)| DispositionRow {
                id: format!("Q-{i:03}"),
                article: "第十二条".into(),
                opinion: h.to_string(),
                supporters: i + 1,
                sources: vec!["青溪街道联系点".into(), "=1".into()],
                submitter: "群众".into(),
                channel: "面对面".into(),
                disposition: "采纳".into(),
                reason: h.to_string(),
                edits: "第十三条第一款".into(),
            })
            .collect();
        out.push(DispositionRow {
            id: "Q-100".into(),
            article: "第一条".into(),
            opinion: format!("😀𠀀 {long}"),
            supporters: 1,
            disposition: "未采纳".into(),
            reason: "与上位法不一致\n另行研究".into(),
            ..Default::default()
        });
        out
    }

    fn cells(bytes: &[u8]) -> Vec<Vec<Data>> {
        let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
        let range = wb.worksheet_range("意见采纳情况").unwrap();
        range.rows().map(|r| r.to_vec()).collect()
    }

    #[test]
    fn xlsx_keeps_hostile_text_literal() {
        let rows = rows();
        let bytes = disposition_xlsx(&rows, "青澜湖保护条例（草案）意见采纳情况表").unwrap();
        let got = cells(&bytes);
        assert_eq!(
            got[0][0],
            Data::String("青澜湖保护条例（草案）意见采纳情况表".into())
        );
        let header: Vec<String> = got[1].iter().map(|c| c.to_string()).collect();
        assert_eq!(header, COLUMNS.iter().map(|c| c.header).collect::<Vec<_>>());
        for (i, h) in HOSTILE.iter().enumerate() {
            let expect = clean(h);
            assert_eq!(got[i + 2][2], Data::String(expect.clone()), "row {i}");
            assert_eq!(got[i + 2][8], Data::String(expect));
            assert_eq!(got[i + 2][3], Data::Float((i + 1) as f64));
            assert_eq!(got[i + 2][4], Data::String("青溪街道联系点、=1".into()));
        }
        let last = &got[rows.len() + 1];
        assert_eq!(last[2], Data::String(rows.last().unwrap().opinion.clone()));
        assert_eq!(last[8], Data::String("与上位法不一致\n另行研究".into()));
        // No formula anywhere; quote-prefixed cells for the hostile ones.
        let sheet = part(&bytes, "xl/worksheets/sheet1.xml").unwrap();
        assert!(!sheet.contains("<f>"), "{sheet}");
        assert!(sheet.contains("<pane ") && sheet.contains("state=\"frozen\""));
        assert!(sheet.contains("<autoFilter ref=\"A2:J"));
        assert!(sheet.contains("<dataValidation "));
        let styles = part(&bytes, "xl/styles.xml").unwrap();
        assert!(styles.contains("quotePrefix=\"1\""));
        // Strings are written inline (the workbook is written a row at a time), escaped.
        assert!(sheet.contains("&lt;script&gt;"));
        assert!(!sheet.contains("<script>"));
    }

    #[test]
    fn overlong_text_is_cut_with_a_note() {
        let t = "😀".repeat(20_000);
        let c = crate::report::sheet::clean_cell(&t);
        assert!(c.encode_utf16().count() <= crate::report::sheet::MAX_CELL);
        assert!(c.ends_with("（已截断，全文 20000 字）"));
        let bytes = disposition_xlsx(
            &[DispositionRow {
                opinion: t,
                ..Default::default()
            }],
            "t",
        )
        .unwrap();
        assert!(matches!(&cells(&bytes)[2][2], Data::String(s) if s.ends_with("字）")));
    }

    #[test]
    fn empty_table_still_opens() {
        let got = cells(&disposition_xlsx(&[], "空表").unwrap());
        assert_eq!(got[0][0], Data::String("空表".into()));
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn docx_table_holds_the_rows() {
        let rows = rows();
        let bytes = disposition_docx(&rows, "意见采纳情况表").unwrap();
        let xml = part(&bytes, "word/document.xml").unwrap();
        assert_well_formed(&xml);
        assert_eq!(count(&xml, "<w:tr>"), rows.len() + 1);
        assert_eq!(count(&xml, "<w:tblHeader />"), 1);
        let text = texts(&xml, "w:t");
        for h in HOSTILE {
            assert!(text.contains(&clean(h)), "{h}");
        }
        assert!(text.contains(&rows.last().unwrap().opinion));
        assert!(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(text.contains("青溪街道联系点、=1（群众，面对面）"));
    }
}
