//! The version chain: each article followed through every version (一审稿 → 二审稿 → 表决稿).
//!
//! Built from the [`DraftDiff`]s of consecutive versions; a row is one article's life, with its
//! label and text in each version it exists in and how it changed at each step.

use crate::diff::{ArticleDiff, Change, DraftDiff, VersionInfo};

/// Every article of every version, as rows across the versions.
#[derive(Debug, Clone)]
pub struct Chain {
    /// The regulation.
    pub regulation: Option<String>,
    /// The versions, oldest first.
    pub versions: Vec<VersionInfo>,
    /// One row per article lineage.
    pub rows: Vec<ChainRow>,
}

/// One article followed through the versions.
#[derive(Debug, Clone)]
pub struct ChainRow {
    /// For each version: the article's label and text there, or `None` where it does not exist.
    pub cells: Vec<Option<ChainCell>>,
    /// For each step (version k → k+1): how it changed (None where it exists in neither).
    pub steps: Vec<Option<StepChange>>,
}

/// The article in one version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainCell {
    /// `第十二条`.
    pub label: String,
    /// The article's text.
    pub text: String,
}

/// One step of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepChange {
    /// Text change.
    pub change: Change,
    /// Moved.
    pub moved: bool,
    /// Renumbered.
    pub renumbered: bool,
    /// Counted edits in this step.
    pub edits: usize,
}

impl ChainRow {
    /// Whether the article changed at any step.
    pub fn changed(&self) -> bool {
        self.steps
            .iter()
            .flatten()
            .any(|s| s.change != Change::Unchanged || s.moved || s.renumbered)
    }
}

/// Builds the chain from the diffs of consecutive versions (`diffs[k]` compares version k with
/// k+1).
pub fn chain(diffs: &[DraftDiff]) -> Chain {
    let mut versions: Vec<VersionInfo> = Vec::new();
    if let Some(first) = diffs.first() {
        versions.push(first.old.clone());
    }
    versions.extend(diffs.iter().map(|d| d.new.clone()));
    let n = versions.len();
    let mut rows: Vec<ChainRow> = Vec::new();
    // Row index of the article currently labelled X in the latest version processed.
    let mut order: Vec<usize> = Vec::new();

    for (k, d) in diffs.iter().enumerate() {
        let mut next_order: Vec<usize> = Vec::new();
        // The rows that reach version k, in the order they had there.
        let mut by_old_label: std::collections::HashMap<String, usize> = order
            .iter()
            .filter_map(|&r| rows[r].cells[k].as_ref().map(|c| (c.label.clone(), r)))
            .collect();
        for a in &d.articles {
            let row = match &a.old {
                Some(o) => match by_old_label.remove(&o.label) {
                    Some(r) => r,
                    None => {
                        rows.push(empty_row(n));
                        let r = rows.len() - 1;
                        rows[r].cells[k] = Some(cell(&o.label, a.old_text()));
                        r
                    }
                },
                None => {
                    rows.push(empty_row(n));
                    rows.len() - 1
                }
            };
            if let Some(nw) = &a.new {
                rows[row].cells[k + 1] = Some(cell(&nw.label, a.new_text()));
            }
            rows[row].steps[k] = Some(step(a));
            next_order.push(row);
        }
        // Rows that ended before version k keep their place after their predecessor.
        let placed: std::collections::HashSet<usize> = next_order.iter().copied().collect();
        let mut merged = Vec::with_capacity(order.len() + next_order.len());
        let mut cursor = 0usize;
        for &r in &order {
            if placed.contains(&r) {
                while cursor < next_order.len() {
                    let x = next_order[cursor];
                    cursor += 1;
                    merged.push(x);
                    if x == r {
                        break;
                    }
                }
            } else {
                merged.push(r);
            }
        }
        merged.extend_from_slice(&next_order[cursor..]);
        order = merged;
    }
    let rows = order.into_iter().map(|r| rows[r].clone()).collect();
    Chain {
        regulation: diffs.first().and_then(|d| d.regulation.clone()),
        versions,
        rows,
    }
}

fn empty_row(n: usize) -> ChainRow {
    ChainRow {
        cells: vec![None; n],
        steps: vec![None; n.saturating_sub(1)],
    }
}

fn cell(label: &str, text: String) -> ChainCell {
    ChainCell {
        label: label.to_string(),
        text,
    }
}

fn step(a: &ArticleDiff) -> StepChange {
    StepChange {
        change: a.change,
        moved: a.moved,
        renumbered: a.renumbered,
        edits: a.edits.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{align::align, diff::diff, draft::parse};

    #[test]
    fn follows_articles_through_three_versions() {
        let v1 = parse(
            "v1",
            "第一条　甲乙丙丁。\n\n第二条　戊己庚辛。\n\n第三条　子丑寅卯。\n",
        )
        .unwrap();
        let v2 = parse("v2", "第一条　甲乙丙丁。\n\n第二条　子丑寅卯辰。\n").unwrap();
        let v3 = parse(
            "v3",
            "第一条　新的第一条内容。\n\n第二条　甲乙丙丁。\n\n第三条　子丑寅卯辰。\n",
        )
        .unwrap();
        let d1 = diff(None, &v1, &v2, &align(&v1, &v2, &[]), "v1", "v2");
        let d2 = diff(None, &v2, &v3, &align(&v2, &v3, &[]), "v2", "v3");
        let c = chain(&[d1, d2]);
        let labels: Vec<Vec<Option<&str>>> = c
            .rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| c.as_ref().map(|c| c.label.as_str()))
                    .collect()
            })
            .collect();
        assert_eq!(
            labels,
            [
                vec![None, None, Some("第一条")],
                vec![Some("第一条"), Some("第一条"), Some("第二条")],
                vec![Some("第二条"), None, None],
                vec![Some("第三条"), Some("第二条"), Some("第三条")],
            ]
        );
        assert_eq!(
            c.rows[3].steps[0].as_ref().unwrap().change,
            Change::Modified
        );
    }
}
