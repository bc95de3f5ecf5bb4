//! 反馈: what became of a contact point's comments, written back to it — the feedback loop
//! consultations are most often criticised for lacking. One letter-like document per contact
//! point: the title, a summary sentence (你单位报送意见 N 条，采纳 M 条……), then one row per
//! comment: its number, its text (masked), the disposition, staff's reason, and where it shows
//! in the new draft.
//!
//! A renderer over an [`Attributed`], like the other reading reports: the rows are built once
//! ([`rows`]) and written as Markdown, HTML or DOCX. Only the comments the attribution
//! considered (made on the old version) are reported.

use std::fmt::Write as _;

use docx_rs::{
    AlignmentType, LineSpacing, LineSpacingType, Paragraph, Table, TableLayoutType, TableRow,
    WidthType,
};

use super::attribute::Attributed;
use super::comments::shown;
use super::docx::{self, Orientation, size};
use super::html::escape;
use super::stats::{considered, md, page, regulation_title, stage};
use crate::attribute::EditRef;
use crate::decisions::Status;
use crate::error::Result;

/// One comment of the contact point.
#[derive(Debug, Clone)]
struct Row {
    /// Index into `corpus.comments` (its lifa id anchors the HTML row).
    comment: usize,
    /// The batch's 编号, else —.
    number: String,
    /// The text, masked unless personal data was asked for.
    text: String,
    status: Status,
    /// Staff's reason, else —.
    reason: String,
    /// Where it shows in the new draft, else —.
    shown_in: String,
}

/// Contact points with comments considered, most comments first.
///
/// ```ignore
/// for s in lifa::report::feedback::sources(&attributed) {
///     let letter = lifa::report::feedback::feedback_md(&attributed, &s);
/// }
/// ```
pub fn sources(n: &Attributed<'_>) -> Vec<String> {
    n.attribution
        .totals
        .by_source
        .iter()
        .filter(|r| r.comments > 0 && !r.name.trim().is_empty())
        .map(|r| r.name.clone())
        .collect()
}

/// `二审稿第二十二条`, or `删去一审稿第二十二条` for a deleted article.
fn edit_place(n: &Attributed<'_>, at: EditRef) -> String {
    let d = &n.attribution.diff;
    let a = &d.articles[at.article];
    match (&a.old, &a.new) {
        (_, Some(x)) => format!("{}{}", stage(&d.new), x.label),
        (Some(o), None) => format!("删去{}{}", stage(&d.old), o.label),
        (None, None) => String::new(),
    }
}

/// Where comment `i` shows in the new draft: the articles of its confirmed edits, else of its
/// suggestions at the threshold, else staff's 对应条文, else —. Only for comments adopted or
/// reflected elsewhere; for the others staff's 对应条文, else —.
fn shown_in(n: &Attributed<'_>, i: usize, status: Status) -> String {
    let a = n.attribution;
    let decision = n.corpus.decisions.get(&n.corpus.comments[i].id);
    let location = decision
        .and_then(|d| d.location.as_deref())
        .map(str::trim)
        .filter(|l| !l.is_empty());
    if status.is_adopted() || status == Status::ReflectedElsewhere {
        let add = |places: &mut Vec<String>, p: String| {
            if !p.is_empty() && !places.contains(&p) {
                places.push(p);
            }
        };
        let mut places: Vec<String> = Vec::new();
        for id in decision.map(|d| d.edits.as_slice()).unwrap_or_default() {
            if let Some(at) = a.find_edit(id) {
                add(&mut places, edit_place(n, at));
            }
        }
        if places.is_empty() {
            for &(at, score) in a.best.get(i).map(Vec::as_slice).unwrap_or_default() {
                if score >= a.threshold {
                    add(&mut places, edit_place(n, at));
                }
            }
        }
        if !places.is_empty() {
            return places.join("、");
        }
    }
    location.map_or_else(|| "—".to_string(), str::to_string)
}

/// The rows of one contact point, in the order the comments were received.
fn rows(n: &Attributed<'_>, source: &str) -> Vec<Row> {
    let mut idx: Vec<usize> = considered(n)
        .into_iter()
        .filter(|&i| n.corpus.comments[i].source == source)
        .collect();
    idx.sort_by_key(|&i| (n.corpus.comments[i].received, i));
    idx.into_iter()
        .map(|i| {
            let c = &n.corpus.comments[i];
            let status = n.corpus.status(i);
            let reason = n
                .corpus
                .decisions
                .get(&c.id)
                .and_then(|d| d.reason.as_deref())
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .unwrap_or("—")
                .to_string();
            Row {
                comment: i,
                number: c.reference.clone().unwrap_or_else(|| "—".into()),
                text: shown(c, n.include_personal).0.trim().to_string(),
                status,
                reason,
                shown_in: shown_in(n, i, status),
            }
        })
        .collect()
}

/// `关于《……》征求意见采纳情况的反馈`.
fn title(n: &Attributed<'_>) -> String {
    format!("关于《{}》征求意见采纳情况的反馈", regulation_title(n))
}

/// The summary sentence: comments sent, adopted, and the rest by disposition.
fn summary(n: &Attributed<'_>, rows: &[Row]) -> String {
    let of = |s: Status| rows.iter().filter(|r| r.status == s).count();
    let adopted = rows.iter().filter(|r| r.status.is_adopted()).count();
    let mut s = format!(
        "《{}》（{}）征求意见期间，你单位报送意见建议{}条，采纳{}条",
        regulation_title(n),
        stage(&n.attribution.diff.old),
        rows.len(),
        adopted
    );
    if of(Status::PartlyAdopted) > 0 {
        let _ = write!(s, "（其中部分采纳{}条）", of(Status::PartlyAdopted));
    }
    for st in [
        Status::ReflectedElsewhere,
        Status::NotAdopted,
        Status::Pending,
        Status::Undecided,
    ] {
        if of(st) > 0 {
            let _ = write!(s, "，{}{}条", st.zh(), of(st));
        }
    }
    s.push('。');
    s
}

/// The letter's paragraphs before the table.
fn preamble(n: &Attributed<'_>, rows: &[Row]) -> Vec<String> {
    vec![
        format!("感谢你单位对《{}》立法工作的支持。", regulation_title(n)),
        summary(n, rows),
        format!(
            "采纳的意见已体现在{}中。现将每条意见的处理情况反馈如下，请转告提出意见的群众和有关方面。",
            n.attribution.diff.new.display_name()
        ),
    ]
}

const NOTE: &str = "注：为保护个人信息，意见中的姓名、电话号码、身份证号码等已作隐去处理。“在修改稿中的体现”为意见对应的修改稿条文。";

/// Column heads of the table.
const HEADS: [&str; 6] = [
    "序号",
    "编号",
    "意见",
    "处理情况",
    "理由",
    "在修改稿中的体现",
];

/// The feedback to one contact point in Markdown.
///
/// ```ignore
/// let md = lifa::report::feedback::feedback_md(&attributed, "澜湖区湖滨街道基层立法联系点");
/// assert!(md.contains("你单位报送意见建议"));
/// ```
pub fn feedback_md(n: &Attributed<'_>, source: &str) -> String {
    let rows = rows(n, source);
    let mut out = format!("# {}\n\n{}：\n\n", md(&title(n)), md(source));
    for p in preamble(n, &rows) {
        let _ = writeln!(out, "{}\n", md(&p));
    }
    let _ = writeln!(out, "| {} |", HEADS.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(HEADS.len()));
    for (k, r) in rows.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            k + 1,
            md(&r.number),
            md(&r.text),
            r.status.zh(),
            md(&r.reason),
            md(&r.shown_in)
        );
    }
    let _ = writeln!(out, "\n{}", md(NOTE));
    if let Some(d) = n.attribution.diff.new.date.as_deref() {
        let _ = writeln!(out, "\n<p align=\"right\">{}</p>", md(&docx::long_date(d)));
    }
    out
}

/// The feedback to one contact point as a self-contained, printable HTML page.
pub fn feedback_html(n: &Attributed<'_>, source: &str) -> String {
    let rows = rows(n, source);
    let t = title(n);
    let mut b = format!("<h1>{}</h1>\n<p>{}：</p>\n", escape(&t), escape(source));
    for p in preamble(n, &rows) {
        let _ = writeln!(b, "<p class=\"body\">{}</p>", escape(&p));
    }
    b.push_str("<table>\n<thead><tr>");
    for h in HEADS {
        let _ = write!(b, "<th>{h}</th>");
    }
    b.push_str("</tr></thead>\n<tbody>\n");
    for (k, r) in rows.iter().enumerate() {
        let _ = writeln!(
            b,
            "<tr id=\"{}\"><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&n.corpus.comments[r.comment].id),
            k + 1,
            escape(&r.number),
            escape(&r.text).replace('\n', "<br>"),
            escape(r.status.zh()),
            escape(&r.reason),
            escape(&r.shown_in)
        );
    }
    b.push_str("</tbody>\n</table>\n");
    let _ = writeln!(b, "<p class=\"note\">{}</p>", escape(NOTE));
    if let Some(d) = n.attribution.diff.new.date.as_deref() {
        let _ = writeln!(
            b,
            "<p style=\"text-align:right\">{}</p>",
            escape(&docx::long_date(d))
        );
    }
    page(&format!("{t}（{source}）"), &b)
}

/// A table cell's paragraph in 仿宋 小四.
fn cell_text(text: &str, center: bool) -> Paragraph {
    let mut p = Paragraph::new().line_spacing(docx::cell_spacing());
    if center {
        p = p.align(AlignmentType::Center);
    }
    p.add_run(docx::text_run(text, docx::BODY, size::XIAO_SI))
}

/// A body paragraph: 仿宋 三号, first line indented, fixed 28-point lines.
fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .indent(None, Some(docx::first_line(size::SAN)), None, None)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(560),
        )
        .add_run(docx::text_run(text, docx::BODY, size::SAN))
}

/// The feedback to one contact point as a Word document (A4 portrait, the table's header row
/// repeated on every page).
pub fn feedback_docx(n: &Attributed<'_>, source: &str) -> Result<Vec<u8>> {
    let rows = rows(n, source);
    let full = Orientation::Portrait.text_width();
    // 序号, 编号, 意见, 处理情况, 理由, 体现: fixed narrow columns, the rest to the text.
    let fixed = [560, 900, 0, 900, 1900, 1500];
    let text_col = full.saturating_sub(fixed.iter().sum::<usize>()).max(2000);
    let widths: Vec<usize> = fixed
        .iter()
        .map(|&w| if w == 0 { text_col } else { w })
        .collect();
    let heads: Vec<String> = HEADS.iter().map(|h| h.to_string()).collect();
    let mut table_rows: Vec<TableRow> = vec![docx::header_row(&heads, &widths)];
    for (k, r) in rows.iter().enumerate() {
        let cells = [
            ((k + 1).to_string(), true),
            (r.number.clone(), true),
            (r.text.clone(), false),
            (r.status.zh().to_string(), true),
            (r.reason.clone(), false),
            (r.shown_in.clone(), false),
        ];
        table_rows.push(TableRow::new(
            cells
                .iter()
                .zip(&widths)
                .map(|((text, center), &w)| docx::cell(w, vec![cell_text(text, *center)]))
                .collect(),
        ));
    }
    let table = Table::new(table_rows)
        .set_grid(widths.clone())
        .layout(TableLayoutType::Fixed)
        .width(widths.iter().sum(), WidthType::Dxa);
    let mut doc = docx::document(Orientation::Portrait, size::SAN)
        .add_paragraph(docx::title(&title(n)))
        .add_paragraph(Paragraph::new())
        .add_paragraph(Paragraph::new().add_run(docx::text_run(
            &format!("{source}："),
            docx::BODY,
            size::SAN,
        )));
    for p in preamble(n, &rows) {
        doc = doc.add_paragraph(body(&p));
    }
    doc = doc.add_table(table).add_paragraph(
        Paragraph::new()
            .line_spacing(LineSpacing::new().before(120))
            .add_run(docx::text_run(NOTE, docx::BODY, size::WU)),
    );
    let date = n.attribution.diff.new.date.as_deref().map(docx::long_date);
    docx::dated(doc, date.as_deref(), "征求意见采纳情况反馈.docx")
}

#[cfg(test)]
mod tests {
    use super::super::docx::testing;
    use super::super::stats::testing::{attributed, hostile, phones, sample};
    use super::*;

    #[test]
    fn every_contact_point_gets_exactly_its_comments() {
        let (a, c) = sample();
        let n = attributed(a, c);
        let names = sources(&n);
        assert_eq!(names.len(), a.totals.by_source.len());
        let mut seen = 0;
        for (s, rate) in names.iter().zip(&a.totals.by_source) {
            assert_eq!(*s, rate.name);
            let rs = rows(&n, s);
            assert_eq!(rs.len(), rate.comments, "{s}");
            assert!(rs.iter().all(|r| c.comments[r.comment].source == *s));
            let adopted = rs.iter().filter(|r| r.status.is_adopted()).count();
            assert_eq!(adopted, rate.adopted, "{s}");
            let md = feedback_md(&n, s);
            assert!(md.contains(&format!(
                "你单位报送意见建议{}条，采纳{}条",
                rate.comments, rate.adopted
            )));
            // One table row per comment.
            let table_rows = md
                .lines()
                .filter(|l| l.starts_with("| ") && !l.starts_with("| 序号"))
                .count();
            assert_eq!(table_rows, rate.comments, "{s}");
            assert!(phones(&md).is_empty(), "{s}: {:?}", phones(&md));
            seen += rs.len();
        }
        assert_eq!(seen, a.totals.comments);
        // Adopted comments say where they show.
        let rs = rows(&n, &names[0]);
        let adopted: Vec<&Row> = rs.iter().filter(|r| r.status.is_adopted()).collect();
        assert!(
            adopted
                .iter()
                .filter(|r| r.shown_in.starts_with("二审稿第"))
                .count()
                * 10
                >= adopted.len() * 8,
            "{:?}",
            adopted.iter().map(|r| &r.shown_in).collect::<Vec<_>>()
        );
    }

    #[test]
    fn html_escapes_hostile_text() {
        let (a, c) = hostile();
        let n = attributed(&a, &c);
        let s = "<b>湖滨</b>联系点&";
        assert!(sources(&n).iter().any(|x| x == s));
        let html = feedback_html(&n, s);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(!html.contains("<script") && !html.contains("<b>湖滨"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"));
        assert!(html.contains("😀𠀀"));
        assert!(phones(&html).is_empty(), "{:?}", phones(&html));
        let md = feedback_md(&n, s);
        assert!(!md.contains("<script") && md.contains("😀𠀀"));
    }

    #[test]
    fn docx_reopens_with_title_and_rows() {
        let (a, c) = hostile();
        let n = attributed(&a, &c);
        let s = "<b>湖滨</b>联系点&";
        let (xml, text) = testing::reopened(&feedback_docx(&n, s).unwrap());
        assert!(text.contains("关于《青澜市青澜湖保护条例（草案）》征求意见采纳情况的反馈"));
        assert!(text.contains("<script>alert(1)</script>"));
        assert!(phones(&text).is_empty());
        assert_eq!(
            testing::count(&xml, "<w:tr>") + testing::count(&xml, "<w:tr "),
            rows(&n, s).len() + 1
        );
    }
}
