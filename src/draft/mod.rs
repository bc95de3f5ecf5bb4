//! The draft model: one version of a regulation as a tree of 编/分编/章/节 divisions and 条
//! articles, each article made of 款 paragraphs, 项 items and 目 sub-items.
//!
//! First stage of the drafting pipeline: `parse` turns Markdown text into a [`Draft`]; the
//! alignment ([`crate::align`]) takes two drafts. Nothing here knows about other versions.

pub mod numbering;
mod parse;

use std::path::Path;

pub use numbering::ArticleNumber;
pub(crate) use parse::block_label;
pub use parse::parse;

use crate::error::{Error, Result};

/// One version of a regulation.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Where the text came from (a path as given, used in messages).
    pub source: String,
    /// Front matter (all fields optional).
    pub meta: DraftMeta,
    /// The `# title` heading, if any.
    pub title: Option<String>,
    /// 编, 分编, 章 and 节 headings in document order (table-of-contents entries excluded).
    pub divisions: Vec<Division>,
    /// The articles in document order.
    pub articles: Vec<Article>,
    /// Text after an annex marker (`附件`, `附：`), kept but not compared as articles.
    pub annex: Vec<Block>,
    /// Problems that did not stop parsing (numbering gaps, stray text), with line numbers.
    pub warnings: Vec<Warning>,
}

/// YAML front matter of a draft file: `version`, `stage`, `date`, `title`. Other keys are
/// ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub struct DraftMeta {
    /// Short version id such as `v1`.
    #[serde(default, deserialize_with = "string_or_number")]
    pub version: Option<String>,
    /// Reading stage such as 一审稿, 二审稿, 表决稿.
    #[serde(default, deserialize_with = "string_or_number")]
    pub stage: Option<String>,
    /// Date of the draft, as written.
    #[serde(default, deserialize_with = "string_or_number")]
    pub date: Option<String>,
    /// Title of the draft.
    #[serde(default, deserialize_with = "string_or_number")]
    pub title: Option<String>,
}

fn string_or_number<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<String>, D::Error> {
    use serde::Deserialize;
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Scalar {
        S(String),
        I(i64),
        F(f64),
        B(bool),
    }
    Ok(Option::<Scalar>::deserialize(d)?.map(|s| match s {
        Scalar::S(s) => s,
        Scalar::I(i) => i.to_string(),
        Scalar::F(f) => f.to_string(),
        Scalar::B(b) => b.to_string(),
    }))
}

/// The kind of a structural heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DivisionKind {
    /// 编
    Part,
    /// 分编
    Subpart,
    /// 章
    Chapter,
    /// 节
    Section,
    /// An unnumbered heading in the body, such as `附则`.
    Other,
}

impl DivisionKind {
    /// Depth in the hierarchy (编 = 0 … 节 = 3); unnumbered headings sit at chapter level.
    pub fn rank(self) -> u8 {
        match self {
            DivisionKind::Part => 0,
            DivisionKind::Subpart => 1,
            DivisionKind::Chapter | DivisionKind::Other => 2,
            DivisionKind::Section => 3,
        }
    }
}

/// A 编/分编/章/节 heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Division {
    /// Which level.
    pub kind: DivisionKind,
    /// Its number (0 for an unnumbered heading).
    pub number: u32,
    /// `第三章`, or empty for an unnumbered heading.
    pub label: String,
    /// The name after the label, internal spaces removed: `总则`.
    pub name: String,
    /// 1-based line in the source.
    pub line: usize,
    /// Index of the enclosing division in [`Draft::divisions`].
    pub parent: Option<usize>,
}

impl Division {
    /// `第三章　水污染防治`, as a heading is printed.
    pub fn heading(&self) -> String {
        match (self.label.is_empty(), self.name.is_empty()) {
            (true, _) => self.name.clone(),
            (false, true) => self.label.clone(),
            (false, false) => format!("{}　{}", self.label, self.name),
        }
    }
}

/// One article (条).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Its number as printed in this version.
    pub number: ArticleNumber,
    /// The label as printed (`第十二条`, `第十二条之一`).
    pub label: String,
    /// Paragraphs, items and sub-items; the first block's text excludes the label.
    pub blocks: Vec<Block>,
    /// The blocks' texts joined by `\n` (what the alignment and the diff compare).
    pub text: String,
    /// 1-based line of the label in the source.
    pub line: usize,
    /// Index of the innermost enclosing division in [`Draft::divisions`].
    pub division: Option<usize>,
}

impl Article {
    /// The article's text without its label: blocks joined by `\n`.
    pub fn body(&self) -> &str {
        &self.text
    }

    /// Recomputes [`Article::text`] from the blocks.
    pub fn join_blocks(&mut self) {
        let mut s = String::with_capacity(self.blocks.iter().map(|b| b.text.len() + 1).sum());
        for (i, b) in self.blocks.iter().enumerate() {
            if i > 0 {
                s.push('\n');
            }
            s.push_str(&b.text);
        }
        self.text = s;
    }

    /// Number of 款 (paragraphs that are not items or sub-items).
    pub fn paragraph_count(&self) -> usize {
        self.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .count()
    }
}

/// One block of an article: a 款, a 项 or a 目.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its text, whitespace normalised; items keep their label (`（一）…`).
    pub text: String,
    /// 1-based line in the source.
    pub line: usize,
}

/// What a [`Block`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A 款.
    Paragraph,
    /// A 项 labelled `（一）`.
    Item(u32),
    /// A 目 labelled `1.` or `（1）`.
    Subitem(u32),
}

/// Something odd in a draft that did not stop parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based line.
    pub line: usize,
    /// What is odd, in Chinese.
    pub message: String,
}

impl Draft {
    /// Reads and parses a draft file. Fails with a message naming the file (and line) when the
    /// file is unreadable, not UTF-8, empty, or holds no article.
    pub fn load(path: &Path) -> Result<Draft> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
                return Err(Error::NotUtf8 {
                    path: path.display().to_string(),
                    line,
                });
            }
        };
        parse(&path.display().to_string(), &text)
    }

    /// The version id: front matter `version`, else the given fallback.
    pub fn version_or<'a>(&'a self, fallback: &'a str) -> &'a str {
        self.meta.version.as_deref().unwrap_or(fallback)
    }

    /// Finds an article by its number in this version.
    pub fn article(&self, number: ArticleNumber) -> Option<&Article> {
        self.articles.iter().find(|a| a.number == number)
    }

    /// The chain of divisions enclosing an article, outermost first.
    pub fn division_path(&self, article: &Article) -> Vec<&Division> {
        let mut path = Vec::new();
        let mut cur = article.division;
        while let Some(i) = cur {
            path.push(&self.divisions[i]);
            cur = self.divisions[i].parent;
        }
        path.reverse();
        path
    }

    /// The innermost 章 (or unnumbered heading) enclosing an article.
    pub fn chapter_of(&self, article: &Article) -> Option<usize> {
        let mut cur = article.division;
        while let Some(i) = cur {
            if self.divisions[i].kind.rank() <= DivisionKind::Chapter.rank() {
                return Some(i);
            }
            cur = self.divisions[i].parent;
        }
        None
    }
}
