//! The redline: the newer draft as a Word document in which every edit is a tracked change
//! (`w:del` / `w:ins`, with author and date), so Word's and WPS's review pane steps through the
//! edits and "reject all" gives back the older text. Each edit with a note carries a Word
//! comment anchored around its runs.
//!
//! Layout: A4 portrait, 仿宋_GB2312 三号, fixed 28 pt lines; title and chapter headings in 黑体;
//! every article a paragraph `第X条　…`, each 款 its own paragraph. Deleted articles stay as
//! deleted paragraphs where they were. Article numbers are those of the newer draft and are
//! not tracked: renumbering is not an edit (see [`crate::diff`]), and marking 57 renumbered
//! labels would bury the real edits.

use std::collections::HashMap;

use docx_rs::{
    AlignmentType, BreakType, Comment, Delete, Insert, LineSpacing, LineSpacingType, Paragraph, Run,
};

use super::{
    DocxOptions, HEI, Orientation, SONG, centered, clean, document, first_line, fonts, pack,
    plain_name, revision_date, size, title,
};
use crate::diff::{ArticleDiff, DraftDiff, SegmentOp};
use crate::error::Result;
use crate::report::notes::Annotate;

/// The newer draft with every edit as a tracked change, as a `.docx` file.
///
/// Edits for which `notes.edit_comment` says something get a Word comment around their text
/// (moves, which have no text of their own, around the article number).
///
/// ```
/// use lifa::{align::align, diff::diff, draft::parse};
/// use lifa::report::{docx::{redline_docx, DocxOptions}, notes::NoNotes};
/// let old = parse("v1.md", "第一条　为了保护湖泊，制定本条例。\n").unwrap();
/// let new = parse("v2.md", "第一条　为了保护和治理湖泊，制定本条例。\n").unwrap();
/// let d = diff(Some("hu"), &old, &new, &align(&old, &new, &[]), "v1", "v2");
/// let bytes = redline_docx(&d, &NoNotes, &DocxOptions::default()).unwrap();
/// assert!(bytes.starts_with(b"PK"));
/// ```
pub fn redline_docx(diff: &DraftDiff, notes: &dyn Annotate, opts: &DocxOptions) -> Result<Vec<u8>> {
    let mut w = Writer {
        author: plain_name(&opts.author),
        date: revision_date(opts.date.as_deref(), diff.new.date.as_deref()),
        next_comment: 1,
        paragraphs: Vec::new(),
    };
    let heading = opts.title.clone().unwrap_or_else(|| {
        diff.new
            .title
            .clone()
            .or_else(|| diff.regulation.clone())
            .unwrap_or_default()
    });
    let sub = opts.date_line.clone().unwrap_or_else(|| {
        format!(
            "{}　以修订标记显示对{}的修改",
            diff.new.display_name(),
            diff.old.display_name()
        )
    });
    let mut divisions: Option<std::sync::Arc<[String]>> = None;
    for a in &diff.articles {
        if let Some(n) = &a.new {
            let prev = divisions.replace(n.divisions.clone());
            let prev: &[String] = prev.as_deref().unwrap_or(&[]);
            let common = prev
                .iter()
                .zip(n.divisions.iter())
                .take_while(|(x, y)| x == y)
                .count();
            if !(common == prev.len() && common == n.divisions.len()) {
                for h in &n.divisions[common..] {
                    w.paragraphs.push(chapter_heading(h));
                }
            }
        }
        w.article(a, notes);
    }
    let mut docx = document(Orientation::Portrait, size::SAN)
        .add_paragraph(title(&heading))
        .add_paragraph(centered(&sub, SONG, size::SI));
    for p in w.paragraphs {
        docx = docx.add_paragraph(p);
    }
    pack(docx, "修订稿.docx")
}

struct Writer {
    author: String,
    date: String,
    next_comment: usize,
    paragraphs: Vec<Paragraph>,
}

/// How the article as a whole changed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Whole {
    Pair,
    Added,
    Deleted,
}

impl Writer {
    fn article(&mut self, a: &ArticleDiff, notes: &dyn Annotate) {
        let whole = match (&a.old, &a.new) {
            (Some(_), None) => Whole::Deleted,
            (None, Some(_)) => Whole::Added,
            _ => Whole::Pair,
        };
        let Some(label) = a.new.as_ref().or(a.old.as_ref()).map(|s| s.label.clone()) else {
            return;
        };
        // Where each commented edit starts and ends, by segment index; edits without text
        // (moves) go around the label.
        let mut starts: HashMap<usize, Vec<(usize, Comment)>> = HashMap::new();
        let mut ends: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut on_label: Vec<(usize, Comment)> = Vec::new();
        for (i, e) in a.edits.iter().enumerate() {
            let Some(text) = notes.edit_comment(a, e) else {
                continue;
            };
            let id = self.next_comment;
            self.next_comment += 1;
            let comment = self.comment(id, &text);
            let first = a.segments.iter().position(|s| s.edit == Some(i));
            let last = a.segments.iter().rposition(|s| s.edit == Some(i));
            match (first, last) {
                // A whole added or deleted article: the comment takes in its number too.
                (Some(f), Some(l)) if whole != Whole::Pair => {
                    on_label.push((id, comment));
                    let _ = f;
                    ends.entry(l).or_default().push(id);
                }
                (Some(f), Some(l)) => {
                    starts.entry(f).or_default().push((id, comment));
                    ends.entry(l).or_default().push(id);
                }
                _ => on_label.push((id, comment)),
            }
        }
        let label_only: Vec<usize> = on_label
            .iter()
            .map(|(id, _)| *id)
            .filter(|id| !ends.values().flatten().any(|x| x == id))
            .collect();

        let mut p = self.body_paragraph();
        for (_, c) in on_label {
            p = p.add_comment_start(c);
        }
        let label_text = format!("{}　", clean(&label));
        p = match whole {
            Whole::Pair => p.add_run(label_run(Run::new().add_text(label_text))),
            Whole::Added => p.add_insert(self.insert(label_run(Run::new().add_text(label_text)))),
            Whole::Deleted => {
                p.add_delete(self.delete(label_run(Run::new().add_delete_text(label_text))))
            }
        };
        for id in label_only {
            p = p.add_comment_end(id);
        }
        for (j, s) in a.segments.iter().enumerate() {
            for (_, c) in starts.remove(&j).unwrap_or_default() {
                p = p.add_comment_start(c);
            }
            for (k, piece) in s.text.split('\n').enumerate() {
                if k > 0 {
                    let done = match s.op {
                        SegmentOp::Equal => p,
                        SegmentOp::Delete => p.delete(&self.author, &self.date),
                        SegmentOp::Insert => p.insert(&self.author, &self.date),
                    };
                    self.paragraphs.push(done);
                    p = self.body_paragraph();
                }
                if piece.is_empty() {
                    continue;
                }
                let piece = clean(piece);
                p = match s.op {
                    SegmentOp::Equal => p.add_run(Run::new().add_text(piece)),
                    SegmentOp::Delete => {
                        p.add_delete(self.delete(Run::new().add_delete_text(piece)))
                    }
                    SegmentOp::Insert => p.add_insert(self.insert(Run::new().add_text(piece))),
                };
            }
            for id in ends.remove(&j).unwrap_or_default() {
                p = p.add_comment_end(id);
            }
        }
        p = match whole {
            Whole::Pair => p,
            Whole::Added => p.insert(&self.author, &self.date),
            Whole::Deleted => p.delete(&self.author, &self.date),
        };
        self.paragraphs.push(p);
    }

    fn body_paragraph(&self) -> Paragraph {
        Paragraph::new()
            .indent(None, Some(first_line(size::SAN)), None, None)
            .align(AlignmentType::Both)
            .line_spacing(
                LineSpacing::new()
                    .line_rule(LineSpacingType::Exact)
                    .line(560),
            )
    }

    fn insert(&self, run: Run) -> Insert {
        Insert::new(run).author(&self.author).date(&self.date)
    }

    fn delete(&self, run: Run) -> Delete {
        Delete::new()
            .author(&self.author)
            .date(&self.date)
            .add_run(run)
    }

    /// A comment of one paragraph, lines separated by line breaks: docx-rs 0.4 writes a
    /// comment once per paragraph it holds, so a comment of two paragraphs would appear twice
    /// in `comments.xml` under the same id.
    fn comment(&self, id: usize, text: &str) -> Comment {
        let mut run = Run::new();
        for (k, line) in clean(text).split('\n').enumerate() {
            if k > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            run = run.add_text(line);
        }
        Comment::new(id)
            .author(&self.author)
            .date(&self.date)
            .add_paragraph(Paragraph::new().add_run(run))
    }
}

fn label_run(run: Run) -> Run {
    run.fonts(fonts(HEI))
}

fn chapter_heading(text: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .keep_next(true)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(560)
                .before(280)
                .after(280),
        )
        .add_run(Run::new().add_text(clean(text)).fonts(fonts(HEI)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::align;
    use crate::diff::diff;
    use crate::draft::parse;
    use crate::report::docx::testing::{assert_well_formed, count, names, part, texts};
    use crate::report::notes::{NoNotes, Notes};

    fn sample() -> DraftDiff {
        let old = parse(
            "v1.md",
            "## 第一章　总则\n\n第一条　为了保护湖泊，制定本条例。\n\n第二条　湖泊管理机构负责日常管理。\n\n第三条　本条例自公布之日起施行。\n",
        )
        .unwrap();
        let new = parse(
            "v2.md",
            "## 第一章　总则\n\n第一条　为了保护和治理湖泊，制定本条例。\n\n第二条　青澜湖保护管理机构负责日常巡查。\n湖长履职情况纳入考核。\n",
        )
        .unwrap();
        diff(Some("hu"), &old, &new, &align(&old, &new, &[]), "v1", "v2")
    }

    #[test]
    fn every_edit_is_a_tracked_change() {
        let d = sample();
        let bytes = redline_docx(&d, &NoNotes, &DocxOptions::default()).unwrap();
        let xml = part(&bytes, "word/document.xml").unwrap();
        assert_well_formed(&xml);
        let edits: Vec<_> = d.articles.iter().flat_map(|a| &a.edits).collect();
        let with_del = edits.iter().filter(|e| !e.old.is_empty()).count();
        let with_ins = edits.iter().filter(|e| !e.new.is_empty()).count();
        // Run-level revisions (paragraph marks add `<w:del ... />` inside w:rPr).
        let del_runs = count(&xml, "<w:delText");
        let ins_runs = count(&xml, "<w:ins ");
        assert!(del_runs >= with_del && with_del > 0, "{xml}");
        assert!(ins_runs >= with_ins);
        assert!(xml.contains("w:author=\"lifa\""));
        // Deleted article 第三条 is there, deleted, with its number.
        let deleted = texts(&xml, "w:delText");
        assert!(
            deleted.contains("第三条　本条例自公布之日起施行。"),
            "{deleted}"
        );
        // Accepting all gives the new text; rejecting all gives the old.
        assert!(texts(&xml, "w:t").contains("第二条　青澜湖保护管理机构负责日常巡查"));
        assert!(
            !names(&bytes).contains(&"word/comments.xml".to_string())
                || count(&part(&bytes, "word/comments.xml").unwrap(), "<w:comment ") == 0
        );
    }

    #[test]
    fn comments_anchor_on_edits() {
        let d = sample();
        let mut notes = Notes::default();
        let mut expected = 0;
        for a in &d.articles {
            for e in &a.edits {
                notes.edits.insert(
                    e.id.clone(),
                    format!("依据意见：{} <script>alert(1)</script>", e.kind.label_zh()),
                );
                expected += 1;
            }
        }
        let bytes = redline_docx(&d, &notes, &DocxOptions::default()).unwrap();
        let xml = part(&bytes, "word/document.xml").unwrap();
        let comments = part(&bytes, "word/comments.xml").unwrap();
        assert_well_formed(&xml);
        assert_well_formed(&comments);
        assert_eq!(count(&comments, "<w:comment "), expected);
        assert_eq!(count(&xml, "<w:commentRangeStart "), expected);
        assert_eq!(count(&xml, "<w:commentRangeEnd "), expected);
        assert_eq!(count(&xml, "<w:commentReference "), expected);
        assert!(comments.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        let rels = part(&bytes, "word/_rels/document.xml.rels").unwrap();
        assert!(
            rels.contains("relationships/comments\" Target=\"comments.xml\""),
            "{rels}"
        );
        let types = part(&bytes, "[Content_Types].xml").unwrap();
        assert!(types.contains("/word/comments.xml"));
        // Each range starts before it ends.
        for id in 1..=expected {
            let s = xml
                .find(&format!("<w:commentRangeStart w:id=\"{id}\" />"))
                .unwrap();
            let e = xml
                .find(&format!("<w:commentRangeEnd w:id=\"{id}\" />"))
                .unwrap();
            assert!(s < e, "comment {id}");
        }
    }
}
