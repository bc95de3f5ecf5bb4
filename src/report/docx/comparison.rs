//! The 条文对照表 as a Word table: 原条文 | 修改后条文 | 修改说明 for two versions, or one
//! column per version (一审稿 | 二审稿 | 表决稿 … | 说明) for the chain. A4 landscape; deleted
//! words struck through, added words bold and underlined; chapter headings as rows across the
//! table; unchanged articles listed, folded into one row per run, or left out.

use std::sync::Arc;

use docx_rs::{AlignmentType, Paragraph, Run, Table, TableLayoutType, TableRow, WidthType};

use super::{
    BODY, DocxOptions, HEI, Orientation, SONG, Unchanged, cell, cell_spacing, centered, clean,
    document, first_line, fonts, header_row, long_date, pack, size, span_row, title,
};
use crate::chain::{Chain, ChainRow};
use crate::diff::{ArticleDiff, DraftDiff, SegmentOp, VersionInfo};
use crate::error::Result;
use crate::report::notes::Annotate;
use crate::report::{describe, pair_title};

/// Width of the 说明 column, twips.
const NOTE_WIDTH: usize = 2600;

/// The 条文对照表 of two versions as a `.docx` file.
///
/// ```
/// use lifa::{align::align, diff::diff, draft::parse};
/// use lifa::report::{docx::{comparison_docx, DocxOptions}, notes::NoNotes};
/// let old = parse("v1.md", "第一条　为了保护湖泊，制定本条例。\n").unwrap();
/// let new = parse("v2.md", "第一条　为了保护和治理湖泊，制定本条例。\n").unwrap();
/// let d = diff(Some("hu"), &old, &new, &align(&old, &new, &[]), "v1", "v2");
/// let bytes = comparison_docx(&d, &NoNotes, &DocxOptions::default()).unwrap();
/// assert!(bytes.starts_with(b"PK"));
/// ```
pub fn comparison_docx(
    diff: &DraftDiff,
    notes: &dyn Annotate,
    opts: &DocxOptions,
) -> Result<Vec<u8>> {
    let text_width = Orientation::Landscape.text_width();
    let side = (text_width - NOTE_WIDTH) / 2;
    let widths = vec![side, side, text_width - 2 * side];
    let headers = vec![
        format!("原条文（{}）", short_name(&diff.old)),
        format!("修改后条文（{}）", short_name(&diff.new)),
        "修改说明".to_string(),
    ];
    let mut rows = vec![header_row(&headers, &widths)];
    let mut divisions = Divisions::default();
    let mut folded: Vec<&str> = Vec::new();
    for a in &diff.articles {
        let path = a.new.as_ref().or(a.old.as_ref()).map(|s| &s.divisions);
        let changed = a.is_change();
        if let Some(path) = path
            && (changed || opts.unchanged != Unchanged::Omit)
        {
            let headings = divisions.enter(path);
            if !headings.is_empty() {
                flush_folded(&mut folded, &widths, &mut rows);
            }
            for h in headings {
                rows.push(span_row(&h, &widths, HEI, Some("F2F2F2")));
            }
        }
        if !changed {
            match opts.unchanged {
                Unchanged::Omit => continue,
                Unchanged::Fold => {
                    if let Some(n) = &a.new {
                        folded.push(&n.label);
                    }
                    continue;
                }
                Unchanged::List => {}
            }
        }
        flush_folded(&mut folded, &widths, &mut rows);
        let old = a
            .old
            .as_ref()
            .map(|o| side_paragraphs(a, SegmentOp::Delete, &o.label))
            .unwrap_or_default();
        let new = a
            .new
            .as_ref()
            .map(|n| side_paragraphs(a, SegmentOp::Insert, &n.label))
            .unwrap_or_default();
        let mut note_lines = vec![change_line(a)];
        note_lines.extend(notes.article_note(a));
        rows.push(TableRow::new(vec![
            cell(widths[0], old),
            cell(widths[1], new),
            cell(widths[2], note_paragraphs(&note_lines)),
        ]));
    }
    flush_folded(&mut folded, &widths, &mut rows);

    let heading = opts.title.clone().unwrap_or_else(|| {
        format!(
            "{}条文对照表",
            diff.new
                .title
                .clone()
                .or_else(|| diff.regulation.clone())
                .unwrap_or_default()
        )
    });
    let date_line = opts.date_line.clone().unwrap_or_else(|| {
        let mut s = format!("{} → {}", diff.old.display_name(), diff.new.display_name());
        if let Some(d) = &diff.new.date {
            s.push_str(&format!("　{}", long_date(d)));
        }
        s
    });
    let docx = document(Orientation::Landscape, size::XIAO_SI)
        .add_paragraph(title(&heading))
        .add_paragraph(centered(&date_line, SONG, size::SI))
        .add_paragraph(legend())
        .add_table(table(rows, &widths));
    pack(docx, "条文对照表.docx")
}

/// The 条文对照表 over a chain of versions (一审稿 | 二审稿 | 表决稿 … | 说明) as a `.docx`
/// file. Each cell holds the article as it reads in that version; the 说明 column says how it
/// changed at each step.
pub fn chain_docx(chain: &Chain, notes: &dyn Annotate, opts: &DocxOptions) -> Result<Vec<u8>> {
    let text_width = Orientation::Landscape.text_width();
    let n = chain.versions.len().max(1);
    let each = (text_width - NOTE_WIDTH) / n;
    let mut widths = vec![each; n];
    widths.push(text_width - each * n);
    let mut headers: Vec<String> = chain.versions.iter().map(short_name).collect();
    headers.push("说明".into());
    let mut rows = vec![header_row(&headers, &widths)];
    let mut folded: Vec<&str> = Vec::new();
    for r in &chain.rows {
        if !r.changed() {
            match opts.unchanged {
                Unchanged::Omit => continue,
                Unchanged::Fold => {
                    if let Some(c) = r.cells.iter().rev().flatten().next() {
                        folded.push(&c.label);
                    }
                    continue;
                }
                Unchanged::List => {}
            }
        }
        flush_folded(&mut folded, &widths, &mut rows);
        let mut cells: Vec<docx_rs::TableCell> = r
            .cells
            .iter()
            .zip(&widths)
            .map(|(c, &w)| match c {
                Some(c) => cell(w, plain_paragraphs(&c.label, &c.text)),
                None => cell(w, vec![]),
            })
            .collect();
        let mut lines = steps_lines(chain, r);
        lines.extend(notes.chain_note(r));
        cells.push(cell(widths[n], note_paragraphs(&lines)));
        rows.push(TableRow::new(cells));
    }
    flush_folded(&mut folded, &widths, &mut rows);

    let heading = opts.title.clone().unwrap_or_else(|| {
        format!(
            "{}条文对照表",
            chain
                .versions
                .last()
                .and_then(|v| v.title.clone())
                .or_else(|| chain.regulation.clone())
                .unwrap_or_default()
        )
    });
    let date_line = opts.date_line.clone().unwrap_or_else(|| {
        let names: Vec<String> = chain.versions.iter().map(|v| v.display_name()).collect();
        let mut s = names.join(" → ");
        if let Some(d) = chain.versions.last().and_then(|v| v.date.as_deref()) {
            s.push_str(&format!("　{}", long_date(d)));
        }
        s
    });
    let docx = document(Orientation::Landscape, size::XIAO_SI)
        .add_paragraph(title(&heading))
        .add_paragraph(centered(&date_line, SONG, size::SI))
        .add_table(table(rows, &widths));
    pack(docx, "条文对照表.docx")
}

/// `一审稿`, or the version id when the draft names no stage.
fn short_name(v: &VersionInfo) -> String {
    v.stage.clone().unwrap_or_else(|| v.version.clone())
}

fn table(rows: Vec<TableRow>, widths: &[usize]) -> Table {
    Table::new(rows)
        .set_grid(widths.to_vec())
        .layout(TableLayoutType::Fixed)
        .width(widths.iter().sum(), WidthType::Dxa)
}

/// The legend under the title, showing the marks themselves.
fn legend() -> Paragraph {
    let small = |t: &str| Run::new().add_text(t).fonts(fonts(SONG)).size(size::WU);
    Paragraph::new()
        .align(AlignmentType::Center)
        .add_run(small("说明："))
        .add_run(small("删除线").strike())
        .add_run(small("为删除的文字，"))
        .add_run(small("加粗下划线").bold().underline("single"))
        .add_run(small("为增加的文字。"))
}

/// The headings of the divisions entered since the previous article.
#[derive(Default)]
struct Divisions {
    current: Option<Arc<[String]>>,
}

impl Divisions {
    fn enter(&mut self, path: &Arc<[String]>) -> Vec<String> {
        let prev = self.current.replace(path.clone());
        let prev: &[String] = prev.as_deref().unwrap_or(&[]);
        let common = prev
            .iter()
            .zip(path.iter())
            .take_while(|(a, b)| a == b)
            .count();
        if common == path.len() && prev.len() == path.len() {
            return Vec::new();
        }
        path[common..].to_vec()
    }
}

/// Adds the row for the folded run of unchanged articles, if any.
fn flush_folded(folded: &mut Vec<&str>, widths: &[usize], rows: &mut Vec<TableRow>) {
    let text = match folded.as_slice() {
        [] => return,
        [one] => format!("{one}未作修改"),
        [first, .., last] => format!("{first}至{last}未作修改"),
    };
    rows.push(span_row(&text, widths, BODY, None));
    folded.clear();
}

/// One side of a pair as paragraphs: equal text plain, `keep` pieces marked (deleted struck
/// through, inserted bold and underlined), the label in 黑体 before the first paragraph.
fn side_paragraphs(a: &ArticleDiff, keep: SegmentOp, label: &str) -> Vec<Paragraph> {
    let mut paras = vec![new_paragraph().add_run(label_run(label))];
    for s in &a.segments {
        if s.op != SegmentOp::Equal && s.op != keep {
            continue;
        }
        for (k, piece) in s.text.split('\n').enumerate() {
            if k > 0 {
                paras.push(new_paragraph());
            }
            if piece.is_empty() {
                continue;
            }
            let last = paras.pop().expect("at least one paragraph");
            paras.push(last.add_run(marked_run(piece, s.op)));
        }
    }
    paras
}

/// An article as plain paragraphs (the chain table).
fn plain_paragraphs(label: &str, text: &str) -> Vec<Paragraph> {
    text.split('\n')
        .enumerate()
        .map(|(k, line)| {
            let mut p = new_paragraph();
            if k == 0 {
                p = p.add_run(label_run(label));
            }
            p.add_run(Run::new().add_text(clean(line)))
        })
        .collect()
}

fn new_paragraph() -> Paragraph {
    Paragraph::new()
        .indent(None, Some(first_line(size::XIAO_SI)), None, None)
        .line_spacing(cell_spacing())
        .align(AlignmentType::Both)
}

fn label_run(label: &str) -> Run {
    Run::new()
        .add_text(format!("{}　", clean(label)))
        .fonts(fonts(HEI))
}

/// A piece of text, struck through if deleted, bold and underlined if inserted.
pub(super) fn marked_run(text: &str, op: SegmentOp) -> Run {
    let run = Run::new().add_text(clean(text));
    match op {
        SegmentOp::Equal => run,
        SegmentOp::Delete => run.strike(),
        SegmentOp::Insert => run.bold().underline("single"),
    }
}

/// The first line of the 修改说明: what changed and how many edits.
fn change_line(a: &ArticleDiff) -> String {
    let mut s = format!("{}：{}", pair_title(a), describe(a));
    if !a.edits.is_empty() {
        s.push_str(&format!("，{} 处", a.edits.len()));
    }
    s
}

/// How a chain row changed at each step: `一审稿→二审稿：修改 3 处；条号变化`.
fn steps_lines(chain: &Chain, r: &ChainRow) -> Vec<String> {
    r.steps
        .iter()
        .enumerate()
        .filter_map(|(k, s)| {
            let s = s.as_ref()?;
            let from = short_name(&chain.versions[k]);
            let to = short_name(&chain.versions[k + 1]);
            let mut parts: Vec<String> = Vec::new();
            if s.change != crate::diff::Change::Unchanged || (!s.moved && !s.renumbered) {
                let mut p = s.change.label_zh().to_string();
                if s.edits > 0 && s.change != crate::diff::Change::Unchanged {
                    p.push_str(&format!(" {} 处", s.edits));
                }
                parts.push(p);
            }
            if s.moved {
                parts.push("移动".into());
            }
            if s.renumbered {
                parts.push("条号变化".into());
            }
            Some(format!("{from}→{to}：{}", parts.join("；")))
        })
        .collect()
}

fn note_paragraphs(lines: &[String]) -> Vec<Paragraph> {
    lines
        .iter()
        .flat_map(|l| l.split('\n'))
        .map(|l| {
            Paragraph::new()
                .line_spacing(cell_spacing())
                .add_run(Run::new().add_text(clean(l)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::align;
    use crate::chain::chain;
    use crate::diff::diff;
    use crate::draft::parse;
    use crate::report::docx::testing::{assert_well_formed, count, part, texts};
    use crate::report::notes::{NoNotes, Notes};

    const V1: &str = "# 湖泊保护条例\n\n## 第一章　总则\n\n第一条　为了保护湖泊，制定本条例。\n\n第二条　本条例适用于本市。\n\n第三条　湖泊实行分级保护。\n\n## 第二章　保护\n\n第四条　禁止围湖造地。\n\n第五条　禁止在湖中倾倒垃圾。\n";
    const V2: &str = "# 湖泊保护条例\n\n## 第一章　总则\n\n第一条　为了保护和治理湖泊，制定本条例。\n\n第二条　本条例适用于本市。\n\n第三条　湖泊实行分级保护。\n\n## 第二章　保护\n\n第四条　禁止围湖造地、围网养殖。\n\n第五条　禁止在湖中倾倒垃圾。\n";

    fn sample() -> DraftDiff {
        let old = parse("v1.md", V1).unwrap();
        let new = parse("v2.md", V2).unwrap();
        diff(Some("hu"), &old, &new, &align(&old, &new, &[]), "v1", "v2")
    }

    fn document_xml(bytes: &[u8]) -> String {
        part(bytes, "word/document.xml").expect("word/document.xml")
    }

    #[test]
    fn marks_and_cells() {
        let d = sample();
        let bytes = comparison_docx(&d, &NoNotes, &DocxOptions::default()).unwrap();
        let xml = document_xml(&bytes);
        assert_well_formed(&xml);
        assert_eq!(count(&xml, "<w:tbl>"), 1);
        assert_eq!(count(&xml, "<w:tblHeader />"), 1);
        // Added words bold + underlined, nothing deleted in this sample.
        assert!(xml.contains("<w:b /><w:bCs /><w:u w:val=\"single\" /></w:rPr><w:t xml:space=\"preserve\">和治理</w:t>"), "{xml}");
        // Nothing deleted in this sample: the only strike-through is the legend's.
        assert_eq!(count(&xml, "<w:strike />"), 1);
        let text = texts(&xml, "w:t");
        assert!(text.contains("湖泊保护条例条文对照表"));
        assert!(text.contains("第一章　总则") && text.contains("第二章　保护"));
        // Folded runs: 第二条至第三条 (broken at the chapter) and 第五条.
        assert!(text.contains("第二条至第三条未作修改"), "{text}");
        assert!(text.contains("第五条未作修改"), "{text}");
        assert!(xml.contains("w:gridSpan w:val=\"3\""));
    }

    #[test]
    fn unchanged_listed_or_omitted() {
        let d = sample();
        let list = DocxOptions {
            unchanged: Unchanged::List,
            ..DocxOptions::default()
        };
        let text = texts(
            &document_xml(&comparison_docx(&d, &NoNotes, &list).unwrap()),
            "w:t",
        );
        assert!(text.contains("本条例适用于本市。"));
        assert!(!text.contains("未作修改"));
        let omit = DocxOptions {
            unchanged: Unchanged::Omit,
            ..DocxOptions::default()
        };
        let xml = document_xml(&comparison_docx(&d, &NoNotes, &omit).unwrap());
        let text = texts(&xml, "w:t");
        assert!(!text.contains("本条例适用于本市。"));
        assert!(!text.contains("未作修改"));
        // Header + two chapter rows + two changed articles.
        assert_eq!(count(&xml, "<w:tr>"), 5, "{xml}");
    }

    #[test]
    fn deletions_struck_and_notes_in_the_last_column() {
        let old = parse(
            "v1.md",
            "第一条　禁止围湖造地、围网养殖。\n\n第二条　本条例自公布之日起施行。\n",
        )
        .unwrap();
        let new = parse("v2.md", "第一条　禁止围湖造地。\n").unwrap();
        let d = diff(None, &old, &new, &align(&old, &new, &[]), "v1", "v2");
        let mut notes = Notes::default();
        notes
            .articles
            .insert("第一条".into(), vec!["采纳<联系点>意见 & 专家意见".into()]);
        notes
            .articles
            .insert("第二条".into(), vec!["并入附则".into()]);
        let xml = document_xml(&comparison_docx(&d, &notes, &DocxOptions::default()).unwrap());
        assert_well_formed(&xml);
        assert!(
            xml.contains("<w:strike /></w:rPr><w:t xml:space=\"preserve\">、围网养殖</w:t>"),
            "{xml}"
        );
        assert!(xml.contains("采纳&lt;联系点&gt;意见 &amp; 专家意见"));
        let text = texts(&xml, "w:t");
        assert!(
            text.contains("本条例自公布之日起施行。"),
            "deleted article in the old column"
        );
        assert!(text.contains("并入附则"));
    }

    #[test]
    fn chain_has_one_column_per_version() {
        let v3 = V2.replace("禁止在湖中倾倒垃圾。", "禁止在湖中倾倒垃圾、渣土。");
        let drafts = [
            parse("v1.md", V1).unwrap(),
            parse("v2.md", V2).unwrap(),
            parse("v3.md", &v3).unwrap(),
        ];
        let diffs: Vec<DraftDiff> = drafts
            .windows(2)
            .zip(["v1", "v2", "v3"].windows(2))
            .map(|(w, ids)| {
                diff(
                    Some("hu"),
                    &w[0],
                    &w[1],
                    &align(&w[0], &w[1], &[]),
                    ids[0],
                    ids[1],
                )
            })
            .collect();
        let c = chain(&diffs);
        let xml = document_xml(&chain_docx(&c, &NoNotes, &DocxOptions::default()).unwrap());
        assert_well_formed(&xml);
        assert_eq!(count(&xml, "<w:gridCol "), 4, "{xml}");
        let text = texts(&xml, "w:t");
        assert!(text.contains("v2→v3：修改 1 处"), "{text}");
        assert!(text.contains("禁止在湖中倾倒垃圾、渣土。"));
        assert!(text.contains("第二条至第三条未作修改"), "{text}");
    }
}
