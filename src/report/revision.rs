//! 修改情况的报告 (draft): the report legislative affairs staff write after a reading, in its
//! customary structure — the general situation (when the draft was published, comments
//! received, adopted), `现就主要修改情况报告如下：`, one numbered section `一、关于……` per
//! chapter whose edits adopted comments drove (most supported first: who proposed what, what
//! was changed and where, staff's reasons), the remaining edits in one `此外` paragraph, and the
//! closing request for deliberation.
//!
//! A renderer over an [`Attributed`]: the text is planned once ([`plan`]) from the attribution,
//! then written as Markdown or DOCX. It is a draft for staff to edit: it quotes the comments
//! (masked) and the new wording rather than paraphrasing them.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use docx_rs::{LineSpacing, LineSpacingType, Paragraph};

use super::attribute::Attributed;
use super::comments::shown;
use super::docx::{self, HEI, Orientation, size};
use super::stats::{considered, md, regulation_title, stage, status_counts, zh_number};
use crate::attribute::EditRef;
use crate::comment::Kind;
use crate::decisions::Status;
use crate::diff::{ArticleDiff, Edit, EditKind};
use crate::error::Result;

/// Longest quotation of a comment.
const QUOTE_MAX: usize = 90;
/// Longest quotation of an edit's wording.
const WORDING_MAX: usize = 60;
/// Edits spelled out per article.
const EDITS_MAX: usize = 4;

/// The report, planned: plain sentences, no markup.
#[derive(Debug, Clone)]
struct Plan {
    title: String,
    opening: Vec<String>,
    sections: Vec<Section>,
    besides: Vec<String>,
    closing: Vec<String>,
    date: Option<String>,
}

/// `一、关于水污染防治` and its paragraphs.
#[derive(Debug, Clone)]
struct Section {
    heading: String,
    paragraphs: Vec<String>,
}

/// An article whose edits adopted comments drove.
struct Driven {
    article: usize,
    edits: Vec<usize>,
    /// Adopted opinions: representative comment, supporters.
    opinions: Vec<(usize, usize)>,
    support: usize,
}

fn short(s: &str, max: usize) -> String {
    let s: String = s
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    let s = s.trim();
    if s.chars().count() > max {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    } else {
        s.to_string()
    }
}

/// The chapter an article is in (`第三章　水污染防治`), in the new draft if it is there.
fn chapter(a: &ArticleDiff) -> Option<String> {
    let side = a.new.as_ref().or(a.old.as_ref())?;
    side.divisions
        .iter()
        .find(|d| d.contains('章'))
        .or_else(|| side.divisions.first())
        .cloned()
}

/// `第三章　水污染防治` → `水污染防治`.
fn topic(heading: &str) -> String {
    let rest = match heading.find(['章', '编', '节']) {
        Some(i) if heading.starts_with('第') => &heading[i + '章'.len_utf8()..],
        _ => heading,
    };
    let t = rest.trim_matches(|c: char| c.is_whitespace() || c == '　');
    if t.is_empty() {
        heading.to_string()
    } else {
        t.to_string()
    }
}

/// How staff name submitters of a kind in a report.
fn kind_phrase(k: Kind) -> &'static str {
    match k {
        Kind::Citizen => "群众",
        Kind::Expert => "专家",
        Kind::Deputy => "人大代表",
        Kind::Department => "有关部门",
        Kind::Organization => "社会组织",
        Kind::Enterprise => "企业",
    }
}

/// `一审稿第十八条（修改稿第十九条）`, `修改稿第二十条（新增）`.
fn article_name(n: &Attributed<'_>, a: &ArticleDiff) -> String {
    let d = &n.attribution.diff;
    match (&a.old, &a.new) {
        (Some(o), Some(x)) if o.label == x.label => x.label.clone(),
        (Some(o), Some(x)) => format!("{}{}（修改稿{}）", stage(&d.old), o.label, x.label),
        (None, Some(x)) => format!("修改稿{}", x.label),
        (Some(o), None) => format!("{}{}", stage(&d.old), o.label),
        (None, None) => String::new(),
    }
}

/// One edit in words: `将“A”修改为“B”`.
fn edit_words(a: &ArticleDiff, e: &Edit) -> String {
    match e.kind {
        EditKind::Move => match chapter(a) {
            Some(c) => format!("将该条移至{c}"),
            None => "调整了该条的位置".into(),
        },
        EditKind::Consequential => "相应调整了引用的条号".into(),
        _ => match (e.old.trim().is_empty(), e.new.trim().is_empty()) {
            (true, _) => format!("增加“{}”", short(&e.new, WORDING_MAX)),
            (_, true) => format!("删去“{}”", short(&e.old, WORDING_MAX)),
            _ => format!(
                "将“{}”修改为“{}”",
                short(&e.old, WORDING_MAX),
                short(&e.new, WORDING_MAX)
            ),
        },
    }
}

/// What was changed in an article.
fn changes(n: &Attributed<'_>, d: &Driven) -> String {
    let diff = &n.attribution.diff;
    let a = &diff.articles[d.article];
    match (&a.old, &a.new) {
        (None, Some(x)) => format!(
            "增加一条，作为修改稿{}：“{}”",
            x.label,
            short(&a.new_text(), QUOTE_MAX * 2).trim_end_matches('。')
        ),
        (Some(o), None) => format!("删去{}{}", stage(&diff.old), o.label),
        _ => {
            let words: Vec<String> = d
                .edits
                .iter()
                .take(EDITS_MAX)
                .map(|&e| edit_words(a, &a.edits[e]))
                .collect();
            let more = if d.edits.len() > EDITS_MAX {
                format!("等{}处", d.edits.len())
            } else {
                String::new()
            };
            format!("在{}中{}{more}", article_name(n, a), words.join("，"))
        }
    }
}

/// Who proposed it: `群众、专家通过湖滨街道基层立法联系点等2个基层立法联系点提出`.
fn who(n: &Attributed<'_>, d: &Driven) -> String {
    let mut kinds: Vec<Kind> = Vec::new();
    let mut sources: Vec<(String, usize)> = Vec::new();
    for &(rep, _) in &d.opinions {
        let draft = &n.corpus.comments[rep].draft;
        for &m in &n.corpus.opinion(rep).members {
            let c = &n.corpus.comments[m as usize];
            if c.draft != *draft {
                continue;
            }
            if !kinds.contains(&c.submitter.kind) {
                kinds.push(c.submitter.kind);
            }
            if c.source.trim().is_empty() {
                continue;
            }
            match sources.iter_mut().find(|s| s.0 == c.source) {
                Some(s) => s.1 += 1,
                None => sources.push((c.source.clone(), 1)),
            }
        }
    }
    kinds.sort();
    sources.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let kinds: Vec<&str> = kinds.into_iter().map(kind_phrase).collect();
    let kinds = if kinds.is_empty() {
        "有的意见".to_string()
    } else {
        format!("有的{}", kinds.join("、"))
    };
    match sources.len() {
        0 => format!("{kinds}提出"),
        1 => format!("{kinds}通过{}提出", sources[0].0),
        k => format!(
            "{kinds}通过{}、{}等{k}个基层立法联系点提出",
            sources[0].0, sources[1].0
        ),
    }
}

/// Staff's reasons recorded for the adopted comments, without repeats.
fn reasons(n: &Attributed<'_>, d: &Driven) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for &(rep, _) in &d.opinions {
        for &m in &n.corpus.opinion(rep).members {
            let c = &n.corpus.comments[m as usize];
            if let Some(r) = n
                .corpus
                .decisions
                .get(&c.id)
                .filter(|x| x.status.is_adopted())
                .and_then(|x| x.reason.as_deref())
            {
                let r = r.trim().trim_end_matches(['。', '；', ';']).to_string();
                if !r.is_empty() && !out.contains(&r) {
                    out.push(r);
                }
            }
        }
    }
    out.truncate(3);
    out
}

/// The paragraph for one article.
fn paragraph(n: &Attributed<'_>, d: &Driven) -> String {
    let (rep, _) = d.opinions[0];
    let quote = short(
        &shown(&n.corpus.comments[rep], n.include_personal).0,
        QUOTE_MAX,
    );
    let mut p = format!("{}：“{}”", who(n, d), quote.trim_end_matches(['。']));
    if d.opinions.len() > 1 || d.support > 1 {
        let _ = write!(p, "（相关意见{}种、{}条）", d.opinions.len(), d.support);
    }
    let _ = write!(p, "。经研究，{}。", changes(n, d));
    let r = reasons(n, d);
    if !r.is_empty() {
        let _ = write!(p, "主要考虑是：{}。", r.join("；"));
    }
    p
}

/// Plans the report.
fn plan(n: &Attributed<'_>) -> Plan {
    let a = n.attribution;
    let d = &a.diff;
    let t = &a.totals;
    let title = format!("关于《{}》修改情况的报告", regulation_title(n));
    let old_stage = stage(&d.old);
    let new_stage = stage(&d.new);

    // Opening.
    let mut published = format!("《{}》", regulation_title(n));
    match d.old.date.as_deref() {
        Some(date) => {
            let _ = write!(
                published,
                "（{old_stage}）于{}提请审议后，向社会公开征求意见，并通过基层立法联系点广泛听取意见。",
                docx::long_date(date)
            );
        }
        None => {
            let _ = write!(
                published,
                "（{old_stage}）提请审议后，向社会公开征求意见，并通过基层立法联系点广泛听取意见。"
            );
        }
    }
    let sources = t
        .by_source
        .iter()
        .filter(|r| !r.name.trim().is_empty())
        .count();
    let kinds: Vec<String> = t
        .by_kind
        .iter()
        .map(|r| format!("{}{}条", r.name, r.comments))
        .collect();
    let comments = considered(n);
    let counts = status_counts(n, &comments);
    let partly = counts
        .iter()
        .find(|c| c.0 == Status::PartlyAdopted)
        .map_or(0, |c| c.1);
    let mut received = format!(
        "共收到意见建议{}条，来自{}个基层立法联系点，合并重复和联名后为{}种意见",
        t.comments, sources, t.opinions
    );
    if !kinds.is_empty() {
        let _ = write!(received, "，其中{}", kinds.join("、"));
    }
    let _ = write!(received, "。经逐条研究，采纳（含部分采纳）{}条", t.adopted);
    if partly > 0 {
        let _ = write!(received, "（其中部分采纳{partly}条）");
    }
    received.push('。');
    let consequential = t.edits - t.substantive_edits;
    let mut revised = format!(
        "根据常委会组成人员的审议意见和各方面的意见，对草案作了修改，形成了{new_stage}，共作出{}处修改",
        t.edits
    );
    if consequential > 0 {
        let _ = write!(
            revised,
            "（实质性修改{}处，引用条号调整{}处）",
            t.substantive_edits, consequential
        );
    }
    let _ = write!(
        revised,
        "，其中{}处采纳了意见。现就主要修改情况报告如下：",
        t.edits_with_adopted
    );
    let opening = vec![format!("{published}{received}"), revised];

    // Articles with substantive edits that adopted comments drove.
    let mut driven: Vec<Driven> = Vec::new();
    let mut covered = vec![Vec::<bool>::new(); d.articles.len()];
    for (ai, art) in d.articles.iter().enumerate() {
        covered[ai] = vec![false; art.edits.len()];
        let mut item = Driven {
            article: ai,
            edits: Vec::new(),
            opinions: Vec::new(),
            support: 0,
        };
        let mut groups: Vec<u32> = Vec::new();
        for (ei, e) in art.edits.iter().enumerate() {
            if !e.kind.is_substantive() {
                continue;
            }
            let links = n.drivers(EditRef {
                article: ai,
                edit: ei,
            });
            if links.is_empty() {
                continue;
            }
            item.edits.push(ei);
            covered[ai][ei] = true;
            for l in links {
                let g = n.corpus.grouping.group_of[l.comment];
                if !groups.contains(&g) {
                    groups.push(g);
                    item.opinions.push((l.comment, l.supporters));
                }
            }
        }
        if !item.edits.is_empty() {
            item.opinions
                .sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
            item.support = item.opinions.iter().map(|o| o.1).sum();
            driven.push(item);
        }
    }

    // One section per chapter (per article when the draft has none), most supported first.
    let mut by_topic: BTreeMap<usize, (String, Vec<Driven>)> = BTreeMap::new();
    let mut keys: Vec<String> = Vec::new();
    for item in driven {
        let art = &d.articles[item.article];
        let name = match chapter(art) {
            Some(c) => topic(&c),
            None => art
                .new
                .as_ref()
                .or(art.old.as_ref())
                .map_or_else(String::new, |s| s.label.clone()),
        };
        let k = match keys.iter().position(|x| *x == name) {
            Some(k) => k,
            None => {
                keys.push(name.clone());
                keys.len() - 1
            }
        };
        by_topic
            .entry(k)
            .or_insert_with(|| (name, Vec::new()))
            .1
            .push(item);
    }
    let mut topics: Vec<(String, Vec<Driven>)> = by_topic.into_values().collect();
    topics.sort_by_key(|(_, items)| {
        std::cmp::Reverse(items.iter().map(|i| i.support).sum::<usize>())
    });
    let sections: Vec<Section> = topics
        .iter()
        .enumerate()
        .map(|(i, (name, items))| Section {
            heading: format!("{}、关于{}", zh_number(i + 1), name),
            paragraphs: items.iter().map(|d| paragraph(n, d)).collect(),
        })
        .collect();

    // Everything else.
    let mut others: Vec<String> = Vec::new();
    let mut other_edits = 0;
    let mut consequential_edits = 0;
    for (ai, art) in d.articles.iter().enumerate() {
        let mut any = false;
        for (ei, e) in art.edits.iter().enumerate() {
            if covered[ai][ei] {
                continue;
            }
            if e.kind.is_substantive() {
                other_edits += 1;
                any = true;
            } else {
                consequential_edits += 1;
            }
        }
        if any {
            others.push(match (&art.old, &art.new) {
                (_, Some(x)) => x.label.clone(),
                (Some(o), None) => format!("{old_stage}{}（删去）", o.label),
                (None, None) => continue,
            });
        }
    }
    let mut besides = Vec::new();
    if other_edits > 0 || consequential_edits > 0 {
        let mut p = String::from("此外，");
        if other_edits > 0 {
            let listed: Vec<&str> = others.iter().take(20).map(String::as_str).collect();
            let more = if others.len() > listed.len() {
                format!("等{}条", others.len())
            } else {
                String::new()
            };
            let _ = write!(
                p,
                "还对部分条文作了文字修改和完善，涉及修改稿{}{more}，共{other_edits}处",
                listed.join("、")
            );
        }
        if consequential_edits > 0 {
            if other_edits > 0 {
                p.push('；');
            }
            let _ = write!(
                p,
                "因条文增删，相应调整了条文顺序和引用的条号，共{consequential_edits}处"
            );
        }
        p.push('。');
        besides.push(p);
    }

    let closing = vec![
        format!("草案修改稿已按上述意见作了修改，形成了{new_stage}。"),
        "报告连同草案修改稿是否妥当，请审议。".to_string(),
    ];
    Plan {
        title,
        opening,
        sections,
        besides,
        closing,
        date: d.new.date.as_deref().map(docx::long_date),
    }
}

/// The draft revision report in Markdown.
///
/// ```ignore
/// let md = lifa::report::revision::revision_md(&attributed);
/// assert!(md.starts_with("# 关于《"));
/// ```
pub fn revision_md(n: &Attributed<'_>) -> String {
    let p = plan(n);
    let mut out = format!("# {}\n\n", md(&p.title));
    for s in &p.opening {
        let _ = writeln!(out, "{}\n", md(s));
    }
    for s in &p.sections {
        let _ = writeln!(out, "## {}\n", md(&s.heading));
        for para in &s.paragraphs {
            let _ = writeln!(out, "{}\n", md(para));
        }
    }
    for s in p.besides.iter().chain(&p.closing) {
        let _ = writeln!(out, "{}\n", md(s));
    }
    if let Some(d) = &p.date {
        let _ = writeln!(out, "<p align=\"right\">{}</p>", md(d));
    }
    out
}

/// A body paragraph: 仿宋 三号, first line indented two characters, fixed 28-point lines.
fn body(text: &str, font: &str) -> Paragraph {
    Paragraph::new()
        .indent(None, Some(docx::first_line(size::SAN)), None, None)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(560),
        )
        .add_run(docx::text_run(text, font, size::SAN))
}

/// The draft revision report as a Word document (A4, 仿宋_GB2312 三号, headings in 黑体).
pub fn revision_docx(n: &Attributed<'_>) -> Result<Vec<u8>> {
    let p = plan(n);
    let mut doc = docx::document(Orientation::Portrait, size::SAN)
        .add_paragraph(docx::title(&p.title))
        .add_paragraph(Paragraph::new());
    for s in &p.opening {
        doc = doc.add_paragraph(body(s, docx::BODY));
    }
    for s in &p.sections {
        doc = doc.add_paragraph(body(&s.heading, HEI));
        for para in &s.paragraphs {
            doc = doc.add_paragraph(body(para, docx::BODY));
        }
    }
    for s in p.besides.iter().chain(&p.closing) {
        doc = doc.add_paragraph(body(s, docx::BODY));
    }
    docx::dated(doc, p.date.as_deref(), "修改情况的报告.docx")
}

#[cfg(test)]
mod tests {
    use super::super::docx::testing;
    use super::super::stats::testing::{attributed, hostile, phones, sample};
    use super::*;

    #[test]
    fn report_has_the_customary_structure() {
        let (a, c) = sample();
        let n = attributed(a, c);
        let md = revision_md(&n);
        assert!(
            md.starts_with("# 关于《青澜市青澜湖保护条例（草案）》修改情况的报告\n"),
            "{md}"
        );
        let t = &a.totals;
        assert!(
            md.contains(&format!("共收到意见建议{}条", t.comments)),
            "{md}"
        );
        assert!(md.contains(&format!("采纳（含部分采纳）{}条", t.adopted)));
        assert!(md.contains(&format!("共作出{}处修改", t.edits)));
        assert!(md.contains("现就主要修改情况报告如下："));
        assert!(md.contains("## 一、关于"), "{md}");
        assert!(md.contains("此外，"));
        assert!(md.contains("报告连同草案修改稿是否妥当，请审议。"));
        assert!(md.contains("2026年3月20日") && md.contains("2026年6月25日"));
        // Sections most supported first, each naming who, what and where.
        let p = plan(&n);
        assert!(p.sections.len() >= 3, "{}", p.sections.len());
        for s in &p.sections {
            for para in &s.paragraphs {
                assert!(para.starts_with("有的"), "{para}");
                assert!(para.contains("经研究，"), "{para}");
            }
        }
        // Every substantive edit is in a section or in the 此外 count.
        let in_sections: usize = p.sections.iter().flat_map(|s| &s.paragraphs).count();
        assert!(in_sections > 0);
        assert!(phones(&md).is_empty(), "{:?}", phones(&md));
        let numbered: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
        assert_eq!(numbered.len(), p.sections.len());
        assert!(numbered[1].starts_with("## 二、关于"));
    }

    #[test]
    fn topics_from_chapters() {
        assert_eq!(
            topic("第三章　水资源保护与水污染防治"),
            "水资源保护与水污染防治"
        );
        assert_eq!(topic("附则"), "附则");
    }

    #[test]
    fn docx_reopens_with_title_and_no_phones() {
        let (a, c) = hostile();
        let n = attributed(&a, &c);
        let (_, text) = testing::reopened(&revision_docx(&n).unwrap());
        assert!(text.contains("关于《青澜市青澜湖保护条例（草案）》修改情况的报告"));
        assert!(text.contains("请审议"));
        assert!(phones(&text).is_empty());
        let md = revision_md(&n);
        assert!(!md.contains("<script") && !md.contains("<b>"));
    }
}
