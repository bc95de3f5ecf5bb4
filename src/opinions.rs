//! A regulation's comments as a whole: every stored comment, grouped into opinions (duplicates
//! and campaigns counted once, with their supporters), with its disposition; filters and
//! statistics over them.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::comment::{Channel, Comment, Date, Kind};
use crate::decisions::{self, Decision, Status};
use crate::draft::ArticleNumber;
use crate::error::Result;
use crate::group::{self, GroupKind, Grouping};
use crate::lineage::Lineage;
use crate::points::ContactPoints;
use crate::store::Store;
use crate::workspace::Workspace;

/// Every comment of a regulation, grouped.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// Comments in import order.
    pub comments: Vec<Comment>,
    /// Which opinion each comment belongs to.
    pub grouping: Grouping,
    /// Decisions in force, by comment id.
    pub decisions: HashMap<String, Decision>,
    /// Which written contact-point names are one point; every comment's `source` is already
    /// its point's name.
    pub points: ContactPoints,
}

impl Corpus {
    /// Loads the store and the decisions of `reg`, each comment under its contact point's name
    /// (`comments/contact-points.toml`).
    pub fn load(ws: &Workspace, reg: &str) -> Result<Corpus> {
        Corpus::load_with(ws, reg, ContactPoints::load(ws)?)
    }

    /// [`Corpus::load`] with a contact-point table already read (an empty one keeps every
    /// name as written).
    pub fn load_with(ws: &Workspace, reg: &str, points: ContactPoints) -> Result<Corpus> {
        let (mut comments, keys) = Store::open(ws, reg).comments_and_keys()?;
        if !points.is_empty() {
            for c in &mut comments {
                points.rename(&mut c.source);
            }
        }
        let decisions = decisions::current(ws, reg)?;
        // The import recorded the grouping of these very batches; if not, group them and
        // record it for the next command.
        let index_dir = crate::index::SearchIndex::dir(ws);
        let grouping = match crate::index::groups::load(&index_dir, reg, &keys) {
            Some(g) if g.group_of.len() == comments.len() => g,
            _ => {
                let g = group_of(&comments);
                crate::index::groups::save(&index_dir, reg, &keys, &g);
                g
            }
        };
        Ok(Corpus {
            comments,
            grouping,
            decisions,
            points,
        })
    }

    /// Groups comments already loaded.
    pub fn new(comments: Vec<Comment>, decisions: HashMap<String, Decision>) -> Corpus {
        let grouping = group_of(&comments);
        Corpus {
            comments,
            grouping,
            decisions,
            points: ContactPoints::default(),
        }
    }

    /// The disposition of comment `i`.
    pub fn status(&self, i: usize) -> Status {
        self.decisions
            .get(&self.comments[i].id)
            .map_or(Status::Undecided, |d| d.status)
    }

    /// The opinion (group) of comment `i`: its members, and whether it is a duplicate or a
    /// campaign.
    pub fn opinion(&self, i: usize) -> &group::Group {
        &self.grouping.groups[self.grouping.group_of[i] as usize]
    }

    /// The id of the opinion comment `i` belongs to: its first member's comment id.
    pub fn opinion_id(&self, i: usize) -> &str {
        &self.comments[self.opinion(i).members[0] as usize].id
    }
}

/// The grouping of comments by their texts.
fn group_of(comments: &[Comment]) -> Grouping {
    let texts: Vec<&str> = comments.iter().map(|c| c.text.as_str()).collect();
    group::group(&texts)
}

/// What `lifa comments` filters on. Empty filter keeps everything.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Comments citing this article…
    pub article: Option<ArticleNumber>,
    /// …numbered as in this version (else as in the draft each comment was made on).
    pub version: Option<String>,
    /// Contact point's name, or one of its aliases, contains this text.
    pub source: Option<String>,
    /// Submitter kind.
    pub kind: Option<Kind>,
    /// Channel.
    pub channel: Option<Channel>,
    /// Received on or after.
    pub since: Option<Date>,
    /// Received on or before.
    pub until: Option<Date>,
    /// Disposition.
    pub status: Option<Status>,
}

impl Filter {
    /// The filters in force, as a title names them (`二审稿 第十四条、联系点含“湖滨”、专家`);
    /// empty when there are none.
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(a) = self.article {
            parts.push(match &self.version {
                Some(v) => format!("{v} {a}"),
                None => a.to_string(),
            });
        }
        if let Some(s) = &self.source {
            parts.push(format!("联系点含“{s}”"));
        }
        parts.extend(self.kind.map(|k| k.zh().to_string()));
        parts.extend(self.channel.map(|c| c.zh().to_string()));
        parts.extend(self.status.map(|s| s.zh().to_string()));
        parts.extend(self.since.map(|d| format!("{d} 起")));
        parts.extend(self.until.map(|d| format!("{d} 止")));
        parts.join("、")
    }

    /// Indices of the comments that pass, by date received (then in store order).
    pub fn apply(&self, corpus: &Corpus, lineage: Option<&Lineage>) -> Vec<usize> {
        let mut out: Vec<usize> = (0..corpus.comments.len())
            .filter(|&i| self.keeps(corpus, i, lineage))
            .collect();
        out.sort_by_key(|&i| corpus.comments[i].received);
        out
    }

    fn keeps(&self, corpus: &Corpus, i: usize, lineage: Option<&Lineage>) -> bool {
        let c = &corpus.comments[i];
        if let Some(s) = &self.source
            && !corpus.points.matches(&c.source, s)
        {
            return false;
        }
        if self.kind.is_some_and(|k| k != c.submitter.kind)
            || self.channel.is_some_and(|ch| ch != c.channel)
            || self.since.is_some_and(|d| c.received < d)
            || self.until.is_some_and(|d| c.received > d)
            || self.status.is_some_and(|s| s != corpus.status(i))
        {
            return false;
        }
        if let Some(want) = self.article {
            let hit = c.cites.article_numbers().any(|(main, sub)| {
                let n = ArticleNumber { main, sub };
                match (&self.version, lineage) {
                    (Some(v), Some(l)) if *v != c.draft => {
                        l.map(&c.draft, n, v).is_some_and(|ns| ns.contains(&want))
                    }
                    _ => n == want,
                }
            });
            if !hit {
                return false;
            }
        }
        true
    }
}

/// Counts of comments and distinct opinions under one heading.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Count {
    /// The heading: a contact point, a channel, `一审稿第十四条`…
    pub name: String,
    /// Comments received.
    pub comments: usize,
    /// Distinct opinions among them.
    pub opinions: usize,
}

/// `lifa comments --stats`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    /// All selected comments.
    pub total: Count,
    /// Campaign (联名) comments among them.
    pub campaign_comments: usize,
    /// Duplicate copies among them (comments that are not the first of their opinion).
    pub duplicate_comments: usize,
    /// By contact point, most comments first.
    pub by_source: Vec<Count>,
    /// By channel, in the order of the channel list.
    pub by_channel: Vec<Count>,
    /// By submitter kind, in the order of the kind list.
    pub by_kind: Vec<Count>,
    /// By article cited (`一审稿第十四条`), in article order; `未注明条款` last.
    pub by_article: Vec<Count>,
    /// By disposition.
    pub by_status: Vec<Count>,
}

/// A tally: sort key → (label, comments, opinion ids).
type Tally<K> = BTreeMap<K, (String, usize, Vec<u32>)>;

fn add<K: Ord>(t: &mut Tally<K>, key: K, label: impl FnOnce() -> String, group: u32) {
    let e = t.entry(key).or_insert_with(|| (label(), 0, Vec::new()));
    e.1 += 1;
    e.2.push(group);
}

fn count(name: String, comments: usize, mut groups: Vec<u32>) -> Count {
    groups.sort_unstable();
    groups.dedup();
    Count {
        name,
        comments,
        opinions: groups.len(),
    }
}

fn finish<K: Ord>(t: Tally<K>) -> Vec<Count> {
    t.into_values().map(|(n, c, g)| count(n, c, g)).collect()
}

/// Computes statistics over selected comments. `draft_label` names a version for article
/// headings (`v1` → `一审稿`); `versions` orders them.
pub fn stats(
    corpus: &Corpus,
    selected: &[usize],
    versions: &[String],
    draft_label: &dyn Fn(&str) -> String,
) -> Stats {
    let mut source: Tally<String> = Tally::new();
    let mut channel: Tally<Channel> = Tally::new();
    let mut kind: Tally<Kind> = Tally::new();
    let mut article: Tally<(usize, u32, u32)> = Tally::new();
    let mut status: Tally<Status> = Tally::new();
    let mut all = Vec::with_capacity(selected.len());
    let mut s = Stats::default();
    for &i in selected {
        let c = &corpus.comments[i];
        let g = corpus.grouping.group_of[i];
        all.push(g);
        let grp = corpus.opinion(i);
        if grp.kind == GroupKind::Campaign {
            s.campaign_comments += 1;
        }
        if grp.members[0] as usize != i {
            s.duplicate_comments += 1;
        }
        add(&mut source, c.source.clone(), || c.source.clone(), g);
        add(&mut channel, c.channel, || c.channel.zh().into(), g);
        add(
            &mut kind,
            c.submitter.kind,
            || c.submitter.kind.zh().into(),
            g,
        );
        add(
            &mut status,
            corpus.status(i),
            || corpus.status(i).zh().into(),
            g,
        );
        let v = versions
            .iter()
            .position(|v| *v == c.draft)
            .unwrap_or(usize::MAX - 1);
        let mut any = false;
        let mut seen = Vec::new();
        for (main, sub) in c.cites.article_numbers() {
            if seen.contains(&(main, sub)) {
                continue;
            }
            seen.push((main, sub));
            any = true;
            let label = || format!("{}{}", draft_label(&c.draft), ArticleNumber { main, sub });
            add(&mut article, (v, main, sub), label, g);
        }
        if !any {
            add(&mut article, (usize::MAX, 0, 0), || "未注明条款".into(), g);
        }
    }
    s.total = count("合计".into(), selected.len(), all);
    s.by_source = finish(source);
    s.by_source
        .sort_by(|a, b| b.comments.cmp(&a.comments).then(a.name.cmp(&b.name)));
    s.by_channel = finish(channel);
    s.by_kind = finish(kind);
    s.by_article = finish(article);
    s.by_status = finish(status);
    s
}
