//! Article lineage: where an article of one version is in every other version, through the
//! alignments of consecutive versions. A comment on 第三十七条 of the first reading stays
//! attached to that article as it becomes 第四十四条 of the second.

use std::collections::HashMap;

use crate::align::{Alignment, align};
use crate::draft::ArticleNumber;
use crate::error::Result;
use crate::workspace::{Version, Workspace};

/// Article correspondences between every pair of consecutive versions.
#[derive(Debug, Clone)]
pub struct Lineage {
    versions: Vec<String>,
    /// `forward[i]`: version i → version i+1 (an article split in two maps to both).
    forward: Vec<HashMap<ArticleNumber, Vec<ArticleNumber>>>,
    /// `backward[i]`: version i+1 → version i (a merged article maps to all its sources).
    backward: Vec<HashMap<ArticleNumber, Vec<ArticleNumber>>>,
}

impl Lineage {
    /// Aligns consecutive versions (with the workspace's manual overrides).
    pub fn build(ws: &Workspace, reg: &str, versions: &[Version]) -> Result<Lineage> {
        let mut alignments = Vec::new();
        for w in versions.windows(2) {
            let overrides = ws.overrides(reg, &w[0], &w[1])?;
            alignments.push(align(&w[0].draft, &w[1].draft, &overrides));
        }
        Ok(Lineage::from_alignments(versions, &alignments))
    }

    /// Builds the lineage from alignments already computed (`alignments[i]` aligns
    /// `versions[i]` with `versions[i + 1]`).
    pub fn from_alignments(versions: &[Version], alignments: &[Alignment]) -> Lineage {
        let mut forward = Vec::new();
        let mut backward = Vec::new();
        for (w, a) in versions.windows(2).zip(alignments) {
            let (old, new) = (&w[0].draft, &w[1].draft);
            let mut f: HashMap<ArticleNumber, Vec<ArticleNumber>> = HashMap::new();
            let mut b: HashMap<ArticleNumber, Vec<ArticleNumber>> = HashMap::new();
            let mut link = |o: usize, n: usize| {
                let (o, n) = (old.articles[o].number, new.articles[n].number);
                f.entry(o).or_default().push(n);
                b.entry(n).or_default().push(o);
            };
            for p in &a.pairs {
                match (p.old, p.new) {
                    (Some(o), Some(n)) => link(o, n),
                    (None, Some(n)) => {
                        if let Some(o) = p.split_from {
                            link(o, n);
                        }
                    }
                    (Some(o), None) => {
                        if let Some(n) = p.merged_into {
                            link(o, n);
                        }
                    }
                    (None, None) => {}
                }
            }
            forward.push(f);
            backward.push(b);
        }
        Lineage {
            versions: versions.iter().map(|v| v.id.clone()).collect(),
            forward,
            backward,
        }
    }

    /// The version ids, oldest first.
    pub fn versions(&self) -> &[String] {
        &self.versions
    }

    /// The articles of version `to` that article `n` of version `from` became (or came from,
    /// when `to` is older). Empty when it was deleted (or added) in between; `None` when a
    /// version id is unknown.
    pub fn map(&self, from: &str, n: ArticleNumber, to: &str) -> Option<Vec<ArticleNumber>> {
        let i = self.versions.iter().position(|v| v == from)?;
        let j = self.versions.iter().position(|v| v == to)?;
        let mut cur = vec![n];
        if i < j {
            for step in &self.forward[i..j] {
                cur = follow(step, &cur);
            }
        } else {
            for step in self.backward[j..i].iter().rev() {
                cur = follow(step, &cur);
            }
        }
        Some(cur)
    }
}

fn follow(
    step: &HashMap<ArticleNumber, Vec<ArticleNumber>>,
    from: &[ArticleNumber],
) -> Vec<ArticleNumber> {
    let mut out: Vec<ArticleNumber> = from
        .iter()
        .flat_map(|n| step.get(n).into_iter().flatten().copied())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
