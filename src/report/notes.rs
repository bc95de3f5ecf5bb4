//! What a report says beside an article and an edit: the 修改说明 of the comparison table and
//! the margin comments of the redline.
//!
//! The Word and Excel writers in [`crate::report::docx`] take annotations through
//! [`Annotate`], so they do not depend on where the words come from (attribution, decisions, or
//! a hand-written file). [`NoNotes`] says nothing; [`Notes`] holds notes in maps.

use std::collections::HashMap;

use crate::chain::ChainRow;
use crate::diff::{ArticleDiff, Edit};

/// What the report says beside an article and an edit (attribution fills it later).
///
/// ```
/// use lifa::diff::{ArticleDiff, Edit};
/// use lifa::report::notes::Annotate;
///
/// struct Why;
/// impl Annotate for Why {
///     fn edit_comment(&self, _a: &ArticleDiff, e: &Edit) -> Option<String> {
///         Some(format!("修改 {}：采纳了联系点意见", e.id))
///     }
/// }
/// ```
pub trait Annotate {
    /// Lines of the 修改说明 cell for an article of a two-version comparison.
    fn article_note(&self, a: &ArticleDiff) -> Vec<String> {
        let _ = a;
        Vec::new()
    }

    /// The text of the Word comment on one edit; `None` puts no comment there.
    fn edit_comment(&self, a: &ArticleDiff, e: &Edit) -> Option<String> {
        let _ = (a, e);
        None
    }

    /// Lines of the 说明 cell for a row of the version-chain comparison.
    fn chain_note(&self, row: &ChainRow) -> Vec<String> {
        let _ = row;
        Vec::new()
    }
}

/// Says nothing: the tables get only lifa's own description of each change, the redline no
/// comments.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoNotes;

impl Annotate for NoNotes {}

/// Notes held in maps.
///
/// Article notes are looked up by the article's label in the newer version (its old label for
/// a deleted article); chain notes by the label in the latest version that has the article;
/// edit comments by edit id.
///
/// ```
/// use lifa::report::notes::Notes;
/// let mut n = Notes::default();
/// n.articles.insert("第十三条".into(), vec!["采纳青溪街道联系点意见".into()]);
/// n.edits.insert("5ad14ce926".into(), "依据意见 Q-017".into());
/// ```
#[derive(Debug, Clone, Default)]
pub struct Notes {
    /// Label → 修改说明 lines.
    pub articles: HashMap<String, Vec<String>>,
    /// Edit id → comment text.
    pub edits: HashMap<String, String>,
}

impl Annotate for Notes {
    fn article_note(&self, a: &ArticleDiff) -> Vec<String> {
        a.new
            .as_ref()
            .or(a.old.as_ref())
            .and_then(|s| self.articles.get(&s.label))
            .cloned()
            .unwrap_or_default()
    }

    fn edit_comment(&self, _a: &ArticleDiff, e: &Edit) -> Option<String> {
        self.edits.get(&e.id).cloned()
    }

    fn chain_note(&self, row: &ChainRow) -> Vec<String> {
        row.cells
            .iter()
            .rev()
            .flatten()
            .next()
            .and_then(|c| self.articles.get(&c.label))
            .cloned()
            .unwrap_or_default()
    }
}
