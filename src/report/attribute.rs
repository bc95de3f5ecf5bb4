//! The attribution as the diff renderers show it (`lifa attribute`, `lifa diff --comments`):
//! under each edit its confirmed comments, then its suggestions with score and evidence; after
//! the articles, the figures, the edits no adopted comment explains and the adopted comments no
//! edit reflects. Comment text is masked unless asked otherwise.

use serde::Serialize;

use super::comments::shown;
use super::stats::pct;
use crate::attribute::{Attribution, EditRef, Evidence, Link, Rate};
use crate::comment::Comment;
use crate::opinions::Corpus;

/// An attribution with what it needs to be shown.
#[derive(Debug, Clone, Copy)]
pub struct Attributed<'a> {
    /// The attribution.
    pub attribution: &'a Attribution,
    /// The comments it refers to.
    pub corpus: &'a Corpus,
    /// Show names, phones and ID numbers unmasked.
    pub include_personal: bool,
    /// Also print the figures, the unexplained edits and the unreflected comments.
    pub sections: bool,
}

/// A comment line, ready for any format.
pub(crate) struct Line {
    /// `已确认` or `建议 0.86`.
    pub tag: String,
    /// Confirmed or not.
    pub confirmed: bool,
    /// `采纳 · 湖滨街道基层立法联系点 · 群众 · 面对面 · 联名 45 人`.
    pub head: String,
    /// The comment's text (masked), cut short.
    pub text: String,
    /// `引一审稿第三十七条；用词重合 45%（水质、监测）`.
    pub evidence: String,
    /// lifa id.
    pub id: String,
}

const TEXT_MAX: usize = 80;

fn short(s: &str, max: usize) -> String {
    let s = s.replace(['\n', '\r'], " ");
    if s.chars().count() > max {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    } else {
        s
    }
}

/// Evidence in a few Chinese words.
pub(crate) fn evidence_zh(e: &Evidence) -> String {
    match e {
        Evidence::Confirmed => "工作人员已确认".into(),
        Evidence::Article { cited } => format!("引{cited}"),
        Evidence::Location { text } => format!("采纳情况表对应{text}"),
        Evidence::Chapter { cited } => format!("涉及{cited}"),
        Evidence::Proposal { text, strength } => {
            if *strength >= 1.0 {
                format!("所提修改与此处一致：{}", short(text, 40))
            } else {
                format!("所提修改与此处部分一致：{}", short(text, 40))
            }
        }
        Evidence::Quote { text } => format!("引用的“{}”在修改处", short(text, 20)),
        Evidence::Overlap { share, words } => {
            format!("用词重合 {:.0}%（{}）", share * 100.0, words.join("、"))
        }
        Evidence::Paraphrase { similarity } => format!("文意相近（{similarity:.2}）"),
        Evidence::Contradicted { text } => format!("所提“{}”未见于新稿", short(text, 20)),
    }
}

impl Attributed<'_> {
    /// The lines under one edit: confirmed first, then suggestions.
    pub(crate) fn lines(&self, at: EditRef) -> Vec<Line> {
        let Some(l) = self.attribution.links(at) else {
            return Vec::new();
        };
        l.confirmed
            .iter()
            .map(|k| self.line(k, true))
            .chain(l.suggested.iter().map(|k| self.line(k, false)))
            .collect()
    }

    fn line(&self, k: &Link, confirmed: bool) -> Line {
        let c = &self.corpus.comments[k.comment];
        Line {
            tag: if confirmed {
                "已确认".into()
            } else {
                format!("建议 {:.2}", k.score)
            },
            confirmed,
            head: self.head(c, k.status.zh(), k.supporters),
            text: short(&shown(c, self.include_personal).0, TEXT_MAX),
            evidence: k
                .evidence
                .iter()
                .filter(|e| !matches!(e, Evidence::Confirmed))
                .map(evidence_zh)
                .collect::<Vec<_>>()
                .join("；"),
            id: c.id.clone(),
        }
    }

    fn head(&self, c: &Comment, status: &str, supporters: usize) -> String {
        let mut parts = vec![
            status.to_string(),
            c.source.clone(),
            c.submitter.kind.zh().to_string(),
            c.channel.zh().to_string(),
        ];
        if supporters > 1 {
            parts.push(format!("{supporters} 人提出"));
        }
        parts.join(" · ")
    }

    /// The headline figures as sentences.
    pub(crate) fn summary(&self) -> Vec<String> {
        let t = &self.attribution.totals;
        vec![
            format!(
                "共收到意见建议 {} 条（{} 种不同意见），采纳（含部分采纳）{} 条（{} 种），采纳率 {}。",
                t.comments,
                t.opinions,
                t.adopted,
                t.adopted_opinions,
                pct(t.adopted, t.comments)
            ),
            format!(
                "修改稿共 {} 处修改（实质性 {} 处），其中 {} 处有采纳的意见（已确认 {} 处，其余为得分不低于 {:.2} 的建议），{} 处没有。",
                t.edits,
                t.substantive_edits,
                t.edits_with_adopted,
                t.edits_confirmed,
                self.attribution.threshold,
                t.edits_unexplained
            ),
            format!(
                "标为采纳、但修改稿中找不到对应修改的意见 {} 种，请在表决前核对。",
                t.not_reflected
            ),
        ]
    }

    /// Rates as `名称：N 条，采纳 M 条（x%）`.
    pub(crate) fn rate_lines(rates: &[Rate]) -> Vec<String> {
        rates
            .iter()
            .map(|r| {
                format!(
                    "{}：{} 条，采纳 {} 条（{}）",
                    r.name,
                    r.comments,
                    r.adopted,
                    pct(r.adopted, r.comments)
                )
            })
            .collect()
    }

    /// `第十二条 → 第十三条 [5ad14ce926] 修改：“A” → “B”` for an edit.
    pub(crate) fn edit_title(&self, at: EditRef) -> String {
        let d = &self.attribution.diff;
        let a = &d.articles[at.article];
        let e = &a.edits[at.edit];
        let body = match (e.old.is_empty(), e.new.is_empty()) {
            (true, _) => format!("增加“{}”", short(&e.new, 40)),
            (_, true) => format!("删除“{}”", short(&e.old, 40)),
            _ => format!("“{}”改为“{}”", short(&e.old, 30), short(&e.new, 30)),
        };
        format!("{} [{}] {}", super::pair_title(a), e.id, body)
    }

    /// One line per adopted opinion no edit reflects.
    pub(crate) fn not_reflected_lines(&self) -> Vec<(String, String)> {
        self.attribution
            .not_reflected
            .iter()
            .map(|n| {
                let c = &self.corpus.comments[n.comment];
                let mut head = self.head(c, "采纳", n.supporters);
                if let Some(r) = &c.reference {
                    head.push_str(&format!(" · 编号 {r}"));
                }
                if let Some(l) = &n.location {
                    head.push_str(&format!(" · 对应条文：{l}"));
                }
                if let Some((e, s)) = n.closest {
                    head.push_str(&format!(
                        " · 最接近的修改 [{}]（{s:.2}）",
                        self.attribution.diff.articles[e.article].edits[e.edit].id
                    ));
                }
                (
                    head,
                    short(&shown(c, self.include_personal).0, TEXT_MAX * 2),
                )
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Terminal.

pub(super) fn term_sections(n: &Attributed<'_>) -> String {
    let mut out = String::from("\n== 统计 ==\n");
    for l in n.summary() {
        out.push_str(&l);
        out.push('\n');
    }
    out.push_str("按联系点：\n");
    for l in Attributed::rate_lines(&n.attribution.totals.by_source) {
        out.push_str(&format!("  {l}\n"));
    }
    out.push_str("按提出人：\n");
    for l in Attributed::rate_lines(&n.attribution.totals.by_kind) {
        out.push_str(&format!("  {l}\n"));
    }
    out.push_str(&format!(
        "\n== 没有采纳意见对应的修改（{} 处）==\n",
        n.attribution.unexplained.len()
    ));
    for e in &n.attribution.unexplained {
        out.push_str(&format!("  {}\n", n.edit_title(*e)));
    }
    out.push_str(&format!(
        "\n== 标为采纳、修改稿中未见体现的意见（{} 种）==\n",
        n.attribution.not_reflected.len()
    ));
    for (head, text) in n.not_reflected_lines() {
        out.push_str(&format!("  {head}\n    {text}\n"));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Markdown.

pub(super) fn md_sections(n: &Attributed<'_>, cell: fn(&str) -> String) -> String {
    let mut out = String::from("\n## 统计\n\n");
    for l in n.summary() {
        out.push_str(&format!("- {}\n", cell(&l)));
    }
    out.push_str("\n| 联系点 | 意见 | 采纳 | 采纳率 |\n|---|---|---|---|\n");
    for r in &n.attribution.totals.by_source {
        out.push_str(&rate_row(r, cell));
    }
    out.push_str("\n| 提出人 | 意见 | 采纳 | 采纳率 |\n|---|---|---|---|\n");
    for r in &n.attribution.totals.by_kind {
        out.push_str(&rate_row(r, cell));
    }
    out.push_str(&format!(
        "\n## 没有采纳意见对应的修改（{} 处）\n\n",
        n.attribution.unexplained.len()
    ));
    for e in &n.attribution.unexplained {
        out.push_str(&format!("- {}\n", cell(&n.edit_title(*e))));
    }
    out.push_str(&format!(
        "\n## 标为采纳、修改稿中未见体现的意见（{} 种）\n\n",
        n.attribution.not_reflected.len()
    ));
    for (head, text) in n.not_reflected_lines() {
        out.push_str(&format!("- {}<br>{}\n", cell(&head), cell(&text)));
    }
    out
}

fn rate_row(r: &Rate, cell: fn(&str) -> String) -> String {
    format!(
        "| {} | {} | {} | {} |\n",
        cell(&r.name),
        r.comments,
        r.adopted,
        pct(r.adopted, r.comments)
    )
}

// ---------------------------------------------------------------------------------------------
// HTML.

pub(super) fn html_sections(n: &Attributed<'_>) -> String {
    use super::html::escape;
    let mut b = String::from("<h2>统计</h2>\n<div class=\"summary\">\n");
    for l in n.summary() {
        b.push_str(&format!("<p>{}</p>\n", escape(&l)));
    }
    b.push_str("</div>\n");
    for (title, rates) in [
        ("联系点", &n.attribution.totals.by_source),
        ("提出人", &n.attribution.totals.by_kind),
    ] {
        b.push_str(&format!(
            "<table class=\"rates\"><thead><tr><th>{title}</th><th>意见</th><th>采纳</th><th>采纳率</th></tr></thead><tbody>\n"
        ));
        for r in rates {
            b.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                escape(&r.name),
                r.comments,
                r.adopted,
                pct(r.adopted, r.comments)
            ));
        }
        b.push_str("</tbody></table>\n");
    }
    b.push_str(&format!(
        "<h2>没有采纳意见对应的修改（{} 处）</h2>\n<ul>\n",
        n.attribution.unexplained.len()
    ));
    for e in &n.attribution.unexplained {
        b.push_str(&format!("<li>{}</li>\n", escape(&n.edit_title(*e))));
    }
    b.push_str(&format!(
        "</ul>\n<h2>标为采纳、修改稿中未见体现的意见（{} 种）</h2>\n<ul>\n",
        n.attribution.not_reflected.len()
    ));
    for (head, text) in n.not_reflected_lines() {
        b.push_str(&format!(
            "<li><span class=\"chead\">{}</span><br>{}</li>\n",
            escape(&head),
            escape(&text)
        ));
    }
    b.push_str("</ul>\n");
    b
}

/// The comments of one edit as HTML list items.
pub(super) fn html_lines(n: &Attributed<'_>, at: EditRef) -> String {
    use super::html::escape;
    let lines = n.lines(at);
    if lines.is_empty() {
        return String::new();
    }
    let mut b = String::from("<ul class=\"comments\">");
    for l in lines {
        b.push_str(&format!(
            "<li class=\"{}\"><span class=\"tag\">{}</span> <span class=\"chead\">{}</span><br><q>{}</q>{}</li>",
            if l.confirmed { "confirmed" } else { "suggested" },
            escape(&l.tag),
            escape(&l.head),
            escape(&l.text),
            if l.evidence.is_empty() {
                String::new()
            } else {
                format!("<br><span class=\"why\">{}</span>", escape(&l.evidence))
            }
        ));
    }
    b.push_str("</ul>");
    b
}

// ---------------------------------------------------------------------------------------------
// JSON.

/// A comment under an edit in the JSON output.
#[derive(Debug, Serialize)]
pub(super) struct CommentJson {
    id: String,
    #[serde(rename = "ref")]
    reference: Option<String>,
    batch: String,
    status: &'static str,
    score: f32,
    evidence: Vec<Evidence>,
    disposition: &'static str,
    supporters: usize,
    source: String,
    kind: &'static str,
    channel: &'static str,
    text: String,
}

pub(super) fn json_comments(n: &Attributed<'_>, at: EditRef) -> Vec<CommentJson> {
    let Some(l) = n.attribution.links(at) else {
        return Vec::new();
    };
    l.confirmed
        .iter()
        .map(|k| (k, "confirmed"))
        .chain(l.suggested.iter().map(|k| (k, "suggested")))
        .map(|(k, status)| {
            let c = &n.corpus.comments[k.comment];
            CommentJson {
                id: c.id.clone(),
                reference: c.reference.clone(),
                batch: c.batch.clone(),
                status,
                score: k.score,
                evidence: k.evidence.clone(),
                disposition: k.status.wire(),
                supporters: k.supporters,
                source: c.source.clone(),
                kind: c.submitter.kind.wire(),
                channel: c.channel.wire(),
                text: shown(c, n.include_personal).0.into_owned(),
            }
        })
        .collect()
}

/// The `totals`, `unexplained` and `not_reflected` members of `lifa attribute --format json`.
#[derive(Debug, Serialize)]
pub(super) struct SectionsJson<'a> {
    threshold: f32,
    totals: &'a crate::attribute::Totals,
    unexplained: Vec<&'a str>,
    not_reflected: Vec<NotReflectedJson>,
}

#[derive(Debug, Serialize)]
struct NotReflectedJson {
    id: String,
    #[serde(rename = "ref")]
    reference: Option<String>,
    batch: String,
    supporters: usize,
    location: Option<String>,
    closest_edit: Option<String>,
    closest_score: Option<f32>,
    text: String,
}

pub(super) fn json_sections<'a>(n: &Attributed<'a>) -> SectionsJson<'a> {
    let a = n.attribution;
    let id = |e: EditRef| a.diff.articles[e.article].edits[e.edit].id.as_str();
    SectionsJson {
        threshold: a.threshold,
        totals: &a.totals,
        unexplained: a.unexplained.iter().map(|e| id(*e)).collect(),
        not_reflected: a
            .not_reflected
            .iter()
            .map(|r| {
                let c = &n.corpus.comments[r.comment];
                NotReflectedJson {
                    id: c.id.clone(),
                    reference: c.reference.clone(),
                    batch: c.batch.clone(),
                    supporters: r.supporters,
                    location: r.location.clone(),
                    closest_edit: r.closest.map(|(e, _)| id(e).to_string()),
                    closest_score: r.closest.map(|(_, s)| s),
                    text: shown(c, n.include_personal).0.into_owned(),
                }
            })
            .collect(),
    }
}

// ---------------------------------------------------------------------------------------------
// Word and Excel: the notes of the comparison table and the redline, the disposition rows.

impl<'a> Attributed<'a> {
    /// The adopted opinions behind an edit: confirmed ones, then suggestions at the threshold.
    pub(crate) fn drivers(&self, at: EditRef) -> Vec<&'a Link> {
        let attribution: &'a Attribution = self.attribution;
        let Some(l) = attribution.links(at) else {
            return Vec::new();
        };
        l.confirmed
            .iter()
            .filter(|k| k.status.is_adopted())
            .chain(
                l.suggested
                    .iter()
                    .filter(|k| k.status.is_adopted() && k.score >= attribution.threshold),
            )
            .collect()
    }

    fn edit_refs(&self, a: &crate::diff::ArticleDiff) -> Vec<EditRef> {
        a.edits
            .iter()
            .filter_map(|e| self.attribution.find_edit(&e.id))
            .collect()
    }

    /// `湖滨街道基层立法联系点（群众，3 人）`.
    fn who(&self, k: &Link) -> String {
        let c = &self.corpus.comments[k.comment];
        if k.supporters > 1 {
            format!(
                "{}（{}，{} 人）",
                c.source,
                c.submitter.kind.zh(),
                k.supporters
            )
        } else {
            format!("{}（{}）", c.source, c.submitter.kind.zh())
        }
    }
}

impl super::notes::Annotate for Attributed<'_> {
    fn article_note(&self, a: &crate::diff::ArticleDiff) -> Vec<String> {
        const SHOWN: usize = 4;
        let mut seen = std::collections::HashSet::new();
        let mut drivers: Vec<&Link> = Vec::new();
        for at in self.edit_refs(a) {
            for k in self.drivers(at) {
                if seen.insert(self.corpus.grouping.group_of[k.comment]) {
                    drivers.push(k);
                }
            }
        }
        if drivers.is_empty() {
            return Vec::new();
        }
        let people: usize = drivers.iter().map(|k| k.supporters).sum();
        let mut lines = vec![format!(
            "采纳 {} 种意见（{} 人次）：",
            drivers.len(),
            people
        )];
        drivers.sort_by(|x, y| {
            y.supporters
                .cmp(&x.supporters)
                .then(x.comment.cmp(&y.comment))
        });
        for k in drivers.iter().take(SHOWN) {
            let c = &self.corpus.comments[k.comment];
            let mut line = format!(
                "{}：{}",
                self.who(k),
                short(&shown(c, self.include_personal).0, 28)
            );
            if let Some(r) = self
                .corpus
                .decisions
                .get(&c.id)
                .and_then(|d| d.reason.as_deref())
                .filter(|r| !r.trim().is_empty())
            {
                line.push_str(&format!("（{}）", short(r, 30)));
            }
            lines.push(line);
        }
        if drivers.len() > SHOWN {
            lines.push(format!(
                "另有 {} 种意见，见意见采纳情况表",
                drivers.len() - SHOWN
            ));
        }
        lines
    }

    fn edit_comment(&self, a: &crate::diff::ArticleDiff, e: &crate::diff::Edit) -> Option<String> {
        if !e.kind.is_substantive() {
            return None;
        }
        let at = self
            .edit_refs(a)
            .into_iter()
            .find(|r| self.attribution.diff.articles[r.article].edits[r.edit].id == e.id)?;
        let drivers = self.drivers(at);
        if drivers.is_empty() {
            return Some(format!("[{}] 未找到推动此处修改的采纳意见，请核对。", e.id));
        }
        let mut text = format!("[{}] 推动此处修改的意见：", e.id);
        for (n, k) in drivers.iter().enumerate() {
            let c = &self.corpus.comments[k.comment];
            let tag = if k.evidence.contains(&Evidence::Confirmed) {
                "已确认".to_string()
            } else {
                format!("建议 {:.2}", k.score)
            };
            text.push_str(&format!(
                "\n{}. 〔{tag}〕{}：{}",
                n + 1,
                self.who(k),
                short(&shown(c, self.include_personal).0, 80)
            ));
        }
        Some(text)
    }
}

/// The rows of the 意见采纳情况表: one per distinct opinion among the comments this reading
/// answers, by article (as numbered in the draft commented on), then in order of receipt.
pub fn disposition_rows(n: &Attributed<'_>) -> Vec<super::disposition::DispositionRow> {
    use std::collections::{BTreeSet, HashMap};
    let a = n.attribution;
    let corpus = n.corpus;
    // Edits each opinion is linked to (confirmed, or suggested at the threshold when adopted).
    let mut edits_of: HashMap<u32, BTreeSet<EditRef>> = HashMap::new();
    for l in &a.edits {
        for k in l
            .confirmed
            .iter()
            .chain(l.suggested.iter().filter(|k| k.score >= a.threshold))
            .filter(|k| k.status.is_adopted())
        {
            edits_of
                .entry(corpus.grouping.group_of[k.comment])
                .or_default()
                .insert(l.at);
        }
    }
    // The 编号 staff know is the one their batch gave; one that several comments share
    // (batches from two contact points both numbering from 1) would not say which comment an
    // edited sheet means to `lifa decide`, so those rows carry lifa's id instead.
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for c in &corpus.comments {
        if let Some(r) = &c.reference {
            *uses.entry(r.as_str()).or_default() += 1;
        }
    }
    let mut rows: Vec<((u32, u32, usize), super::disposition::DispositionRow)> = Vec::new();
    for members in a.opinions(corpus) {
        let i = members[0];
        let g = corpus.grouping.group_of[i];
        let c = &corpus.comments[i];
        let first = c.cites.article_numbers().next();
        let article = match first {
            Some((main, sub)) => crate::draft::ArticleNumber { main, sub }.to_string(),
            None => match c.cites.chapters.first() {
                Some(ch) => format!("第{}章", crate::draft::numbering::to_chinese(*ch)),
                None => "总体".into(),
            },
        };
        let mut sources: Vec<String> = Vec::new();
        for &m in &members {
            let s = &corpus.comments[m].source;
            if !sources.contains(s) {
                sources.push(s.clone());
            }
        }
        let status = corpus.status(i);
        let d = corpus.decisions.get(&c.id);
        let mut place: Vec<String> = edits_of
            .get(&g)
            .into_iter()
            .flatten()
            .map(|e| {
                let art = &a.diff.articles[e.article];
                let label = art
                    .new
                    .as_ref()
                    .map(|s| format!("{}{}", stage(a), s.label))
                    .or_else(|| art.old.as_ref().map(|s| format!("删除原{}", s.label)))
                    .unwrap_or_default();
                format!("{label}（{}）", art.edits[e.edit].id)
            })
            .collect();
        if place.is_empty()
            && let Some(l) = d.and_then(|d| d.location.clone())
        {
            place.push(l);
        }
        rows.push((
            (first.map_or(u32::MAX, |x| x.0), first.map_or(0, |x| x.1), i),
            super::disposition::DispositionRow {
                id: c
                    .reference
                    .clone()
                    .filter(|r| uses.get(r.as_str()) == Some(&1))
                    .unwrap_or_else(|| c.id.clone()),
                article,
                opinion: shown(c, n.include_personal).0.into_owned(),
                supporters: members.len().max(1),
                sources,
                submitter: c.submitter.kind.zh().to_string(),
                channel: c.channel.zh().to_string(),
                disposition: status.zh().to_string(),
                reason: d.and_then(|d| d.reason.clone()).unwrap_or_default(),
                edits: place.join("；"),
            },
        ));
    }
    rows.sort_by_key(|r| r.0);
    rows.into_iter().map(|r| r.1).collect()
}

fn stage(a: &Attribution) -> String {
    a.diff
        .new
        .stage
        .clone()
        .unwrap_or_else(|| a.diff.new.version.clone())
}
