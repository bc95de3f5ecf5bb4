//! The stable JSON of `lifa diff --format json` (documented in the README). Wire types only:
//! every value is copied from the model.

use serde::Serialize;

use super::attribute::{Attributed, CommentJson, SectionsJson, json_comments, json_sections};
use crate::attribute::EditRef;
use crate::chain::Chain;
use crate::diff::{ArticleDiff, ArticleSide, DraftDiff, Summary, VersionInfo};

#[derive(Serialize)]
struct DiffJson<'a> {
    regulation: Option<&'a str>,
    from: VersionJson<'a>,
    to: VersionJson<'a>,
    summary: SummaryJson,
    articles: Vec<ArticleJson<'a>>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    attribution: Option<SectionsJson<'a>>,
}

#[derive(Serialize)]
struct VersionJson<'a> {
    version: &'a str,
    stage: Option<&'a str>,
    date: Option<&'a str>,
    title: Option<&'a str>,
    source: &'a str,
    articles: usize,
}

impl<'a> From<&'a VersionInfo> for VersionJson<'a> {
    fn from(v: &'a VersionInfo) -> Self {
        VersionJson {
            version: &v.version,
            stage: v.stage.as_deref(),
            date: v.date.as_deref(),
            title: v.title.as_deref(),
            source: &v.source,
            articles: v.articles,
        }
    }
}

#[derive(Serialize)]
struct SummaryJson {
    edits: usize,
    substantive_edits: usize,
    consequential_edits: usize,
    articles_old: usize,
    articles_new: usize,
    articles_unchanged: usize,
    articles_modified: usize,
    articles_consequential: usize,
    articles_added: usize,
    articles_deleted: usize,
    articles_moved: usize,
    articles_renumbered: usize,
    articles_split: usize,
    articles_merged: usize,
    articles_manual: usize,
}

impl From<&Summary> for SummaryJson {
    fn from(s: &Summary) -> Self {
        SummaryJson {
            edits: s.edits,
            substantive_edits: s.substantive_edits,
            consequential_edits: s.consequential_edits,
            articles_old: s.articles_old,
            articles_new: s.articles_new,
            articles_unchanged: s.articles_unchanged,
            articles_modified: s.articles_modified,
            articles_consequential: s.articles_consequential,
            articles_added: s.articles_added,
            articles_deleted: s.articles_deleted,
            articles_moved: s.articles_moved,
            articles_renumbered: s.articles_renumbered,
            articles_split: s.articles_split,
            articles_merged: s.articles_merged,
            articles_manual: s.articles_manual,
        }
    }
}

#[derive(Serialize)]
struct SideJson<'a> {
    label: &'a str,
    number: u32,
    sub: u32,
    line: usize,
    divisions: &'a [String],
}

impl<'a> From<&'a ArticleSide> for SideJson<'a> {
    fn from(s: &'a ArticleSide) -> Self {
        SideJson {
            label: &s.label,
            number: s.number.main,
            sub: s.number.sub,
            line: s.line,
            divisions: &s.divisions,
        }
    }
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    change: &'static str,
    moved: bool,
    renumbered: bool,
    manual: bool,
    similarity: f64,
    from: Option<SideJson<'a>>,
    to: Option<SideJson<'a>>,
    split_from: Option<&'a str>,
    merged_into: Option<&'a str>,
    old_text: Option<String>,
    new_text: Option<String>,
    edits: Vec<EditJson<'a>>,
}

#[derive(Serialize)]
struct EditJson<'a> {
    id: &'a str,
    kind: &'static str,
    old: &'a str,
    new: &'a str,
    comments: Vec<CommentJson>,
}

fn article<'a>(
    (ai, a): (usize, &'a ArticleDiff),
    notes: Option<&Attributed<'_>>,
) -> ArticleJson<'a> {
    ArticleJson {
        change: a.change.as_str(),
        moved: a.moved,
        renumbered: a.renumbered,
        manual: a.manual,
        similarity: (a.similarity * 1000.0).round() / 1000.0,
        from: a.old.as_ref().map(SideJson::from),
        to: a.new.as_ref().map(SideJson::from),
        split_from: a.split_from.as_deref(),
        merged_into: a.merged_into.as_deref(),
        old_text: a.old.as_ref().map(|_| a.old_text()),
        new_text: a.new.as_ref().map(|_| a.new_text()),
        edits: a
            .edits
            .iter()
            .enumerate()
            .map(|(ei, e)| EditJson {
                id: &e.id,
                kind: e.kind.as_str(),
                old: &e.old,
                new: &e.new,
                comments: notes.map_or_else(Vec::new, |n| {
                    json_comments(
                        n,
                        EditRef {
                            article: ai,
                            edit: ei,
                        },
                    )
                }),
            })
            .collect(),
    }
}

fn to_bytes<T: Serialize>(value: &T) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(value).expect("JSON of plain data cannot fail");
    out.push(b'\n');
    out
}

pub(super) fn diff<'a>(d: &'a DraftDiff, notes: Option<&Attributed<'a>>) -> Vec<u8> {
    to_bytes(&DiffJson {
        regulation: d.regulation.as_deref(),
        from: (&d.old).into(),
        to: (&d.new).into(),
        summary: (&d.summary).into(),
        articles: d
            .articles
            .iter()
            .enumerate()
            .map(|x| article(x, notes))
            .collect(),
        attribution: notes.filter(|n| n.sections).map(json_sections),
    })
}

#[derive(Serialize)]
struct ChainJson<'a> {
    regulation: Option<&'a str>,
    versions: Vec<VersionJson<'a>>,
    rows: Vec<RowJson<'a>>,
}

#[derive(Serialize)]
struct RowJson<'a> {
    cells: Vec<Option<CellJson<'a>>>,
    steps: Vec<Option<StepJson>>,
}

#[derive(Serialize)]
struct CellJson<'a> {
    label: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct StepJson {
    change: &'static str,
    moved: bool,
    renumbered: bool,
    edits: usize,
}

pub(super) fn chain(c: &Chain) -> Vec<u8> {
    to_bytes(&ChainJson {
        regulation: c.regulation.as_deref(),
        versions: c.versions.iter().map(VersionJson::from).collect(),
        rows: c
            .rows
            .iter()
            .map(|r| RowJson {
                cells: r
                    .cells
                    .iter()
                    .map(|c| {
                        c.as_ref().map(|c| CellJson {
                            label: &c.label,
                            text: &c.text,
                        })
                    })
                    .collect(),
                steps: r
                    .steps
                    .iter()
                    .map(|s| {
                        s.as_ref().map(|s| StepJson {
                            change: s.change.as_str(),
                            moved: s.moved,
                            renumbered: s.renumbered,
                            edits: s.edits,
                        })
                    })
                    .collect(),
            })
            .collect(),
    })
}
