//! The Word and Excel writers on the sample regulation (`drafts/qinglanhu`, v1 → v2 → v3),
//! reopened and checked: table cells hold the article texts, the redline accepts to the new
//! draft and rejects to the old one, comments sit on every annotated edit, hostile text stays
//! intact.
//!
//! `LIFA_OFFICE_OUT=DIR cargo test --lib office_samples -- --ignored` writes the files (with
//! fake notes and dispositions) for `scripts/render-office.sh`.

use std::collections::HashMap;

use crate::align::align;
use crate::chain::{Chain, chain};
use crate::diff::{ArticleDiff, DraftDiff, Edit, SegmentOp, diff};
use crate::report::disposition::{DispositionRow, disposition_docx, disposition_xlsx};
use crate::report::docx::testing::{assert_well_formed, count, part, texts, unescape};
use crate::report::docx::{DocxOptions, Unchanged, chain_docx, comparison_docx, redline_docx};
use crate::report::notes::{Annotate, NoNotes};
use crate::workspace::{Version, Workspace};

const HOSTILE: &str = "<script>alert(1)</script> & \"引号\" 😀𠀀";

fn workspace() -> Workspace {
    Workspace::new(env!("CARGO_MANIFEST_DIR"))
}

fn compare(ws: &Workspace, old: &Version, new: &Version) -> DraftDiff {
    let overrides = ws.overrides("qinglanhu", old, new).unwrap();
    let a = align(&old.draft, &new.draft, &overrides);
    diff(
        Some("qinglanhu"),
        &old.draft,
        &new.draft,
        &a,
        &old.id,
        &new.id,
    )
}

/// v1 → v2, and the chain v1 → v2 → v3.
fn sample() -> (DraftDiff, Chain) {
    let diffs = diffs();
    (diffs[0].clone(), chain(&diffs))
}

fn diffs() -> Vec<DraftDiff> {
    let ws = workspace();
    let v = ws.versions("qinglanhu").unwrap();
    v.windows(2).map(|w| compare(&ws, &w[0], &w[1])).collect()
}

/// Fake notes: every changed article and every edit gets one. With `hostile`, those of
/// 第一条 and 第二条 carry markup, a 5,000-character line and emoji.
struct Fake {
    hostile: bool,
}

/// The notes the checks use.
const NOTES: Fake = Fake { hostile: true };

impl Annotate for Fake {
    fn article_note(&self, a: &ArticleDiff) -> Vec<String> {
        let label = a.new.as_ref().or(a.old.as_ref()).map(|s| s.label.as_str());
        match label {
            Some("第一条") if self.hostile => {
                vec![format!("示例说明：{HOSTILE}"), "湖".repeat(5000)]
            }
            Some(_) if !a.edits.is_empty() => vec![format!(
                "（虚构示例）采纳意见 {} 条，主要来自基层立法联系点",
                a.edits.len() % 4 + 1
            )],
            _ => vec![],
        }
    }

    fn edit_comment(&self, a: &ArticleDiff, e: &Edit) -> Option<String> {
        if self.hostile && a.new.as_ref().is_some_and(|n| n.label == "第二条") {
            return Some(format!("{HOSTILE}\n{}", "澜".repeat(5000)));
        }
        Some(format!(
            "示例批注（虚构）：{}“{}”→“{}”",
            e.kind.label_zh(),
            short(&e.old),
            short(&e.new)
        ))
    }
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(20).collect();
    if s.chars().count() > 20 {
        out.push('…');
    }
    out
}

/// Each table row's cells, each cell's paragraphs joined by `\n`.
fn table_rows(xml: &str) -> Vec<Vec<String>> {
    xml.split("<w:tr>")
        .skip(1)
        .map(|row| {
            let row = &row[..row.find("</w:tr>").unwrap()];
            row.split("<w:tc>")
                .skip(1)
                .map(|c| {
                    c.split("</w:p>")
                        .filter(|p| p.contains("<w:p"))
                        .map(|p| texts(p, "w:t"))
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .collect()
        })
        .collect()
}

/// The text of a redline with every change accepted (`accept`) or rejected, paragraphs joined
/// by `\n` — read from the XML the way Word applies revisions.
fn resolve(xml: &str, accept: bool) -> String {
    let body = &xml[xml.find("<w:body>").unwrap()..];
    let mut out = String::new();
    for p in body.split("</w:p>") {
        let Some(start) = p.find("<w:p ").or_else(|| p.find("<w:p>")) else {
            continue;
        };
        let p = &p[start..];
        let (ppr, content) = match p.find("</w:pPr>") {
            Some(i) => (&p[..i], &p[i..]),
            None => ("", p),
        };
        let mark_deleted = ppr.contains("<w:del ");
        let mark_inserted = ppr.contains("<w:ins ");
        // Walk the tags: inside <w:ins>…</w:ins> text exists only when accepting; <w:delText>
        // only when rejecting.
        let mut in_ins = false;
        let mut rest = content;
        while let Some(i) = rest.find('<') {
            rest = &rest[i..];
            let gt = rest.find('>').unwrap();
            let tag = &rest[..=gt];
            rest = &rest[gt + 1..];
            if tag.starts_with("<w:ins ") && !tag.ends_with("/>") {
                in_ins = true;
            } else if tag == "</w:ins>" {
                in_ins = false;
            } else if (tag.starts_with("<w:t ") || tag == "<w:t>") && !tag.ends_with("/>") {
                let end = rest.find("</w:t>").unwrap();
                if accept || !in_ins {
                    out.push_str(&unescape(&rest[..end]));
                }
            } else if tag.starts_with("<w:delText") && !tag.ends_with("/>") {
                let end = rest.find("</w:delText>").unwrap();
                if !accept {
                    out.push_str(&unescape(&rest[..end]));
                }
            }
        }
        let mark_kept = if accept {
            !mark_deleted
        } else {
            !mark_inserted
        };
        if mark_kept {
            out.push('\n');
        }
    }
    out
}

#[test]
fn comparison_cells_hold_the_article_texts() {
    let (d, _) = sample();
    let opts = DocxOptions {
        unchanged: Unchanged::List,
        ..DocxOptions::default()
    };
    let bytes = comparison_docx(&d, &NOTES, &opts).unwrap();
    assert!(docx_rs::read_docx(&bytes).is_ok(), "docx-rs reads it back");
    let xml = part(&bytes, "word/document.xml").unwrap();
    assert_well_formed(&xml);
    let rows = table_rows(&xml);
    let articles: Vec<&Vec<String>> = rows.iter().filter(|r| r.len() == 3).skip(1).collect();
    assert_eq!(articles.len(), d.articles.len());
    for (a, r) in d.articles.iter().zip(articles) {
        let old = a
            .old
            .as_ref()
            .map(|o| format!("{}　{}", o.label, a.old_text()))
            .unwrap_or_default();
        let new = a
            .new
            .as_ref()
            .map(|n| format!("{}　{}", n.label, a.new_text()))
            .unwrap_or_default();
        assert_eq!(r[0], old);
        assert_eq!(r[1], new);
        for line in NOTES.article_note(a) {
            assert!(r[2].contains(&line), "note of {:?}", a.new);
        }
    }
    // Chapter and section rows across the table, each heading once, in order.
    let spans: Vec<&str> = rows
        .iter()
        .filter(|r| r.len() == 1)
        .map(|r| r[0].as_str())
        .collect();
    let mut headings: Vec<&str> = Vec::new();
    for a in &d.articles {
        for h in a.new.as_ref().or(a.old.as_ref()).unwrap().divisions.iter() {
            if !headings.contains(&h.as_str()) {
                headings.push(h);
            }
        }
    }
    assert_eq!(spans, headings);
    assert!(spans.contains(&"第一节　水资源保护"));
    // Every deleted piece struck, every inserted piece bold + underlined.
    let deleted: usize = d
        .articles
        .iter()
        .flat_map(|a| &a.segments)
        .filter(|s| s.op == SegmentOp::Delete)
        .map(|s| s.text.split('\n').filter(|p| !p.is_empty()).count())
        .sum();
    assert_eq!(count(&xml, "<w:strike />"), deleted + 1, "+1: the legend");
    assert!(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot; 😀𠀀"));
    assert!(texts(&xml, "w:t").contains(&"湖".repeat(5000)));
}

#[test]
fn comparison_folds_unchanged_runs() {
    // v2 → v3: few changes, long runs of unchanged articles (v1 → v2 renumbers nearly all).
    let d = diffs().pop().unwrap();
    let bytes = comparison_docx(&d, &NoNotes, &DocxOptions::default()).unwrap();
    let xml = part(&bytes, "word/document.xml").unwrap();
    let text = texts(&xml, "w:t");
    let unchanged = d.articles.iter().filter(|a| !a.is_change()).count();
    assert!(unchanged > 0);
    assert!(text.contains("未作修改"));
    for a in d.articles.iter().filter(|a| !a.is_change()) {
        let first = a.new_text().split('\n').next().unwrap().to_string();
        assert!(!text.contains(&first), "{first} is folded");
    }
}

#[test]
fn chain_has_every_version() {
    let (_, c) = sample();
    assert_eq!(c.versions.len(), 3);
    let bytes = chain_docx(&c, &NoNotes, &DocxOptions::default()).unwrap();
    assert!(docx_rs::read_docx(&bytes).is_ok());
    let xml = part(&bytes, "word/document.xml").unwrap();
    assert_well_formed(&xml);
    assert_eq!(count(&xml, "<w:gridCol "), 4);
    let rows = table_rows(&xml);
    assert_eq!(rows[0], ["一审稿", "二审稿", "表决稿", "说明"]);
    for r in c.rows.iter().filter(|r| r.changed()) {
        let cells: Vec<String> = r
            .cells
            .iter()
            .map(|c| {
                c.as_ref()
                    .map(|c| format!("{}　{}", c.label, c.text))
                    .unwrap_or_default()
            })
            .collect();
        assert!(
            rows.iter().any(|row| row[..3] == cells[..]),
            "row {cells:?}"
        );
    }
}

#[test]
fn redline_accepts_to_new_and_rejects_to_old() {
    let (d, _) = sample();
    let bytes = redline_docx(&d, &NoNotes, &DocxOptions::default()).unwrap();
    assert!(docx_rs::read_docx(&bytes).is_ok());
    let xml = part(&bytes, "word/document.xml").unwrap();
    assert_well_formed(&xml);
    let accepted = resolve(&xml, true);
    let rejected = resolve(&xml, false);
    let mut new_text = String::new();
    let mut old_text = String::new();
    for a in &d.articles {
        if let Some(n) = &a.new {
            new_text.push_str(&format!("{}　{}\n", n.label, a.new_text()));
        }
        // Rejecting keeps the new numbers (renumbering is not tracked).
        if let Some(label) = a.new.as_ref().or(a.old.as_ref()).map(|s| &s.label)
            && a.old.is_some()
        {
            old_text.push_str(&format!("{label}　{}\n", a.old_text()));
        }
    }
    let headings: std::collections::HashSet<&str> = d
        .articles
        .iter()
        .filter_map(|a| a.new.as_ref())
        .flat_map(|n| n.divisions.iter().map(String::as_str))
        .collect();
    let body = |s: &str| -> String {
        // Drop title, subtitle and chapter headings: keep from the first article on, without
        // the headings.
        s.lines()
            .skip_while(|l| !l.starts_with("第一条"))
            .filter(|l| !headings.contains(l))
            .map(|l| format!("{l}\n"))
            .collect()
    };
    let same = |got: String, want: String| {
        if got != want {
            let at = got
                .chars()
                .zip(want.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let tail = |s: &str| {
                s.chars()
                    .skip(at.saturating_sub(40))
                    .take(120)
                    .collect::<String>()
            };
            panic!(
                "differs at char {at}:\n got: {}\nwant: {}",
                tail(&got),
                tail(&want)
            );
        }
    };
    same(body(&accepted), body(&new_text));
    same(body(&rejected), body(&old_text));

    // One tracked deletion per deleted piece (per paragraph), one insertion per inserted
    // piece; whole deleted or added articles add their number.
    let pieces = |op: SegmentOp| -> usize {
        d.articles
            .iter()
            .map(|a| {
                let whole = match op {
                    SegmentOp::Delete => a.new.is_none(),
                    _ => a.old.is_none(),
                } as usize;
                whole
                    + a.segments
                        .iter()
                        .filter(|s| s.op == op)
                        .map(|s| s.text.split('\n').filter(|p| !p.is_empty()).count())
                        .sum::<usize>()
            })
            .sum()
    };
    // Run-level <w:ins …> elements have content; paragraph marks are self-closing.
    let ins_runs = xml
        .match_indices("<w:ins w:id=\"")
        .filter(|(i, _)| !xml[*i..].split('>').next().unwrap().ends_with('/'))
        .count();
    assert_eq!(count(&xml, "<w:delText"), pieces(SegmentOp::Delete));
    assert_eq!(ins_runs, pieces(SegmentOp::Insert));
    // The edit count and the revision count, for the report: most edits are one revision.
    let edits: Vec<&Edit> = d.articles.iter().flat_map(|a| &a.edits).collect();
    let with_del = edits.iter().filter(|e| !e.old.is_empty()).count();
    let with_ins = edits.iter().filter(|e| !e.new.is_empty()).count();
    eprintln!(
        "edits {} (with deleted text {with_del}, inserted {with_ins}); w:del runs {}, w:ins runs {ins_runs}",
        edits.len(),
        count(&xml, "<w:delText")
    );
    assert!(count(&xml, "<w:delText") >= with_del);
    assert!(ins_runs >= with_ins);
}

#[test]
fn redline_comments_on_every_annotated_edit() {
    let (d, _) = sample();
    let bytes = redline_docx(&d, &NOTES, &DocxOptions::default()).unwrap();
    assert!(docx_rs::read_docx(&bytes).is_ok());
    let xml = part(&bytes, "word/document.xml").unwrap();
    let comments = part(&bytes, "word/comments.xml").unwrap();
    assert_well_formed(&xml);
    assert_well_formed(&comments);
    let annotated = d
        .articles
        .iter()
        .flat_map(|a| a.edits.iter().map(move |e| (a, e)))
        .filter(|(a, e)| NOTES.edit_comment(a, e).is_some())
        .count();
    assert_eq!(
        annotated,
        d.articles.iter().map(|a| a.edits.len()).sum::<usize>()
    );
    assert_eq!(count(&comments, "<w:comment "), annotated);
    let ids: std::collections::HashSet<&str> = comments
        .match_indices("<w:comment w:id=\"")
        .map(|(i, m)| {
            let rest = &comments[i + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    assert_eq!(ids.len(), annotated, "comment ids are unique");
    assert_eq!(count(&xml, "<w:commentRangeStart "), annotated);
    assert_eq!(count(&xml, "<w:commentRangeEnd "), annotated);
    assert_eq!(count(&xml, "<w:commentReference "), annotated);
    let ctext = texts(&comments, "w:t");
    assert!(ctext.contains("<script>alert(1)</script> & \"引号\" 😀𠀀"));
    assert!(ctext.contains(&"澜".repeat(5000)));
    // The date of v2 on every revision.
    assert!(xml.contains("w:date=\"2026-06-25T00:00:00Z\""));
    // Each range encloses at least one revision of its edit, unless the edit is a move.
    let mut ranges: HashMap<usize, (usize, usize)> = HashMap::new();
    for id in 1..=annotated {
        let s = xml
            .find(&format!("<w:commentRangeStart w:id=\"{id}\" />"))
            .unwrap();
        let e = xml
            .find(&format!("<w:commentRangeEnd w:id=\"{id}\" />"))
            .unwrap();
        assert!(s < e);
        ranges.insert(id, (s, e));
    }
    let mut id = 0;
    for a in &d.articles {
        for e in &a.edits {
            id += 1;
            let (s, end) = ranges[&id];
            let inside = &xml[s..end];
            if e.kind != crate::diff::EditKind::Move {
                assert!(
                    inside.contains("<w:delText") || inside.contains("<w:ins w:id"),
                    "edit {} ({:?})",
                    e.id,
                    e.kind
                );
            }
        }
    }
}

fn fake_rows() -> Vec<DispositionRow> {
    let ws = workspace();
    let corpus = crate::opinions::Corpus::load(&ws, "qinglanhu").unwrap();
    let mut seen = std::collections::HashSet::new();
    let mut rows = Vec::new();
    for (i, c) in corpus.comments.iter().enumerate() {
        let opinion = corpus.opinion_id(i).to_string();
        if !seen.insert(opinion) {
            continue;
        }
        let group = corpus.opinion(i);
        let d = corpus.decisions.get(&c.id);
        let (text, _, _) = crate::report::comments::shown(c, false);
        rows.push(DispositionRow {
            id: c.id.clone(),
            article: c
                .cites
                .articles
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("、"),
            opinion: text.into_owned(),
            supporters: group.members.len(),
            sources: vec![c.source.clone()],
            submitter: c.submitter.kind.zh().to_string(),
            channel: c.channel.zh().to_string(),
            disposition: corpus.status(i).zh().to_string(),
            reason: d.and_then(|d| d.reason.clone()).unwrap_or_default(),
            edits: d.and_then(|d| d.location.clone()).unwrap_or_default(),
        });
    }
    rows
}

#[test]
fn disposition_of_the_sample_comments() {
    let mut rows = fake_rows();
    assert!(rows.len() > 10);
    rows.push(DispositionRow {
        id: "X-1".into(),
        article: "第一条".into(),
        opinion: format!("=HYPERLINK(\"http://x\",\"y\") {HOSTILE}"),
        supporters: 1,
        disposition: "未采纳".into(),
        reason: "@SUM(A1)".into(),
        edits: "-1".into(),
        ..Default::default()
    });
    let bytes = disposition_xlsx(&rows, "青澜市青澜湖保护条例（草案）意见采纳情况表").unwrap();
    use calamine::{Data, Reader, Xlsx};
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.clone())).unwrap();
    let range = wb.worksheet_range("意见采纳情况").unwrap();
    let got: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    assert_eq!(got.len(), rows.len() + 2);
    for (r, g) in rows.iter().zip(&got[2..]) {
        assert_eq!(g[0], Data::String(r.id.clone()));
        assert_eq!(g[2], Data::String(r.opinion.clone()));
        assert_eq!(g[7], Data::String(r.disposition.clone()));
    }
    // The sheet reads back as `lifa decide --sheet` reads it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("采纳情况.xlsx");
    std::fs::write(&path, &bytes).unwrap();
    let table = crate::intake::read_table(&path, None).unwrap();
    let header = table
        .rows
        .iter()
        .position(|r| r.iter().any(|c| c == "采纳情况"))
        .unwrap();
    assert_eq!(header, 1);
    assert_eq!(table.rows[header + 1][0], rows[0].id);

    let docx = disposition_docx(&rows, "意见采纳情况表").unwrap();
    assert!(docx_rs::read_docx(&docx).is_ok());
    let xml = part(&docx, "word/document.xml").unwrap();
    assert_eq!(count(&xml, "<w:tr>"), rows.len() + 1);
}

/// Writes the sample files for `scripts/render-office.sh` (fake notes and dispositions).
#[test]
#[ignore = "writes files; run with LIFA_OFFICE_OUT=DIR"]
fn write_samples() {
    let Ok(dir) = std::env::var("LIFA_OFFICE_OUT") else {
        return;
    };
    let dir = std::path::Path::new(&dir);
    std::fs::create_dir_all(dir).unwrap();
    let (d, c) = sample();
    let opts = DocxOptions::default();
    let write = |name: &str, bytes: Vec<u8>| std::fs::write(dir.join(name), bytes).unwrap();
    write(
        "comparison-docx-fake-notes.docx",
        comparison_docx(&d, &Fake { hostile: false }, &opts).unwrap(),
    );
    write(
        "comparison-docx-v2-v3-folded.docx",
        comparison_docx(diffs().last().unwrap(), &NoNotes, &opts).unwrap(),
    );
    write("chain-docx.docx", chain_docx(&c, &NoNotes, &opts).unwrap());
    write(
        "redline-docx-fake-notes.docx",
        redline_docx(&d, &Fake { hostile: false }, &opts).unwrap(),
    );
    let rows = fake_rows();
    write(
        "disposition-xlsx-sample-decisions.xlsx",
        disposition_xlsx(&rows, "青澜市青澜湖保护条例（草案）意见采纳情况表").unwrap(),
    );
    write(
        "disposition-docx-sample-decisions.docx",
        disposition_docx(&rows, "青澜市青澜湖保护条例（草案）意见采纳情况表").unwrap(),
    );
    let mut by_source: Vec<(String, f64)> = Vec::new();
    for r in &rows {
        for s in &r.sources {
            match by_source.iter_mut().find(|(n, _)| n == s) {
                Some(e) => e.1 += 1.0,
                None => by_source.push((s.clone(), 1.0)),
            }
        }
    }
    by_source.sort_by(|a, b| b.1.total_cmp(&a.1));
    std::fs::write(
        dir.join("chart-sources.svg"),
        crate::report::chart::bar_svg("各来源意见数（样例）", &by_source),
    )
    .unwrap();
}
