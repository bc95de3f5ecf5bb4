//! lifa against real legislation: every pair in `../shared/corpus/laws` (old and new versions of
//! Chinese laws, with the official amendment decisions). Skipped with a message when the corpus
//! is not beside the checkout.
//!
//! Ground truth for the 22 pairs with a decision is in `tests/fixtures/corpus-expected/` (see
//! its README): derived from the decisions and checked against the texts.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use lifa::align::align;
use lifa::diff::{Change, DraftDiff, diff};
use lifa::draft::{ArticleNumber, Draft};

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/laws");
    if dir.join("MANIFEST.tsv").is_file() {
        Some(dir)
    } else {
        eprintln!("skipped: corpus not found at {}", dir.display());
        None
    }
}

struct Pair {
    slug: String,
    old_articles: usize,
    new_articles: usize,
}

fn manifest(dir: &Path) -> Vec<Pair> {
    let text = std::fs::read_to_string(dir.join("MANIFEST.tsv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (slug, old_n, new_n) = (col("slug"), col("old_articles"), col("new_articles"));
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Pair {
                slug: f[slug].to_string(),
                old_articles: f[old_n].parse().unwrap(),
                new_articles: f[new_n].parse().unwrap(),
            }
        })
        .collect()
}

fn load(dir: &Path, slug: &str) -> (Draft, Draft, DraftDiff) {
    let old = Draft::load(&dir.join(slug).join("old.md")).unwrap();
    let new = Draft::load(&dir.join(slug).join("new.md")).unwrap();
    let a = align(&old, &new, &[]);
    let d = diff(Some(slug), &old, &new, &a, "old", "new");
    (old, new, d)
}

#[test]
fn every_article_of_every_law_is_parsed() {
    let Some(dir) = corpus() else { return };
    for p in manifest(&dir) {
        let (old, new, _) = load(&dir, &p.slug);
        assert_eq!(old.articles.len(), p.old_articles, "{} old.md", p.slug);
        assert_eq!(new.articles.len(), p.new_articles, "{} new.md", p.slug);
        for d in [&old, &new] {
            // Numbers run 1, 2, 3… (with 之一 inserted) without gaps or repeats.
            assert!(
                d.warnings.iter().all(|w| !w.message.contains("编号")),
                "{}: {:?}",
                d.source,
                d.warnings
            );
            assert!(
                d.articles.iter().all(|a| !a.blocks.is_empty()),
                "{}",
                d.source
            );
        }
    }
}

#[test]
fn criminal_law_parses_completely_and_aligns() {
    let Some(dir) = corpus() else { return };
    let (old, new, d) = load(&dir, "xingfa");
    assert_eq!(old.articles.len(), 505);
    assert_eq!(new.articles.len(), 505);
    let subs = new.articles.iter().filter(|a| a.number.sub > 0).count();
    assert_eq!(subs, 53, "第X条之一/之二 articles");
    assert!(new.divisions.iter().any(|d| d.label == "第二编"));
    assert_eq!(d.summary.articles_added + d.summary.articles_deleted, 0);
    assert_eq!(d.summary.articles_renumbered, 0);
    assert_eq!(d.summary.articles_moved, 0);
}

#[test]
fn deleting_one_article_renumbers_the_rest_without_modifying_them() {
    let Some(dir) = corpus() else { return };
    let (_, _, d) = load(&dir, "duiwaimaoyifa");
    assert_eq!(d.summary.articles_deleted, 1);
    assert_eq!(d.summary.articles_added, 0);
    assert_eq!(d.summary.articles_moved, 0);
    for a in &d.articles {
        let (Some(o), Some(n)) = (&a.old, &a.new) else {
            continue;
        };
        if o.number.main > 9 {
            assert_eq!(
                n.number.main,
                o.number.main - 1,
                "{} → {}",
                o.label,
                n.label
            );
            assert!(
                matches!(a.change, Change::Unchanged | Change::Consequential),
                "{} → {} reported {:?}: {:?}",
                o.label,
                n.label,
                a.change,
                a.edits
            );
        }
    }
}

#[derive(Debug, Default)]
struct Expected {
    /// (kind, old numbers, new numbers)
    rows: Vec<(String, Vec<ArticleNumber>, Vec<ArticleNumber>)>,
}

fn numbers(field: &str) -> Vec<ArticleNumber> {
    field
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            let s = s.trim();
            match s.split_once('-') {
                Some((m, sub)) => ArticleNumber {
                    main: m.parse().unwrap(),
                    sub: sub.parse().unwrap(),
                },
                None => ArticleNumber::new(s.parse().unwrap()),
            }
        })
        .collect()
}

fn expected(slug: &str) -> Option<Expected> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpus-expected")
        .join(format!("{slug}.tsv"));
    let text = std::fs::read_to_string(path).ok()?;
    let mut e = Expected::default();
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        e.rows.push((
            f[0].to_string(),
            numbers(f[1]),
            numbers(f.get(2).copied().unwrap_or("")),
        ));
    }
    Some(e)
}

/// Compares lifa's article-level result with the ground truth; returns the disagreements.
fn disagreements(d: &DraftDiff, e: &Expected) -> Vec<String> {
    let mut by_old: HashMap<ArticleNumber, &lifa::diff::ArticleDiff> = HashMap::new();
    let mut by_new: HashMap<ArticleNumber, &lifa::diff::ArticleDiff> = HashMap::new();
    for a in &d.articles {
        if let Some(o) = &a.old {
            by_old.insert(o.number, a);
        }
        if let Some(n) = &a.new {
            by_new.insert(n.number, a);
        }
    }
    let mut out = Vec::new();
    let mut explained_old = BTreeSet::new();
    let mut explained_new = BTreeSet::new();
    let pair_of = |o: ArticleNumber| {
        by_old
            .get(&o)
            .and_then(|a| a.new.as_ref().map(|n| n.number))
    };
    for (kind, olds, news) in &e.rows {
        explained_old.extend(olds.iter().copied());
        explained_new.extend(news.iter().copied());
        match kind.as_str() {
            "modified" | "implicit" | "consequential" => {
                let (o, n) = (olds[0], news[0]);
                let Some(a) = by_old.get(&o) else { continue };
                if pair_of(o) != Some(n) {
                    out.push(format!(
                        "{kind} {o} → {n}: lifa paired it with {:?} ({:?})",
                        pair_of(o).map(|x| x.to_string()),
                        a.change
                    ));
                    continue;
                }
                let ok = match kind.as_str() {
                    "modified" => a.change == Change::Modified,
                    "consequential" => a.change == Change::Consequential,
                    // Unlisted wording changes: lifa must see a change unless it is only the
                    // ASCII → full-width punctuation or a paragraph break lifa normalises.
                    _ => true,
                };
                if !ok {
                    out.push(format!("{kind} {o} → {n}: lifa says {:?}", a.change));
                }
            }
            "added" => {
                let n = news[0];
                match by_new.get(&n) {
                    Some(a) if a.change == Change::Added => {}
                    Some(a) => out.push(format!(
                        "added {n}: lifa paired it with {:?}",
                        a.old.as_ref().map(|o| o.label.clone())
                    )),
                    None => out.push(format!("added {n}: missing")),
                }
            }
            "deleted" => {
                let o = olds[0];
                match by_old.get(&o) {
                    Some(a) if a.change == Change::Deleted => {}
                    Some(a) => out.push(format!(
                        "deleted {o}: lifa paired it with {:?}",
                        a.new.as_ref().map(|n| n.label.clone())
                    )),
                    None => out.push(format!("deleted {o}: missing")),
                }
            }
            "split" => {
                // The old article pairs with one part; the other parts are new.
                let o = olds[0];
                let paired = pair_of(o);
                if !paired.is_some_and(|p| news.contains(&p)) {
                    out.push(format!(
                        "split {o} → {news:?}: lifa paired it with {paired:?}"
                    ));
                }
            }
            "merged" => {
                let n = news[0];
                let paired = by_new
                    .get(&n)
                    .and_then(|a| a.old.as_ref().map(|o| o.number));
                if !paired.is_some_and(|p| olds.contains(&p)) {
                    out.push(format!(
                        "merged {olds:?} → {n}: lifa paired it with {paired:?}"
                    ));
                }
            }
            other => panic!("unknown kind {other}"),
        }
    }
    // Everything the ground truth does not list is unchanged text: lifa must not call it
    // modified, added or deleted.
    for a in &d.articles {
        let o = a.old.as_ref().map(|s| s.number);
        let n = a.new.as_ref().map(|s| s.number);
        let listed = o.is_some_and(|o| explained_old.contains(&o))
            || n.is_some_and(|n| explained_new.contains(&n));
        if !listed && a.change != Change::Unchanged {
            out.push(format!(
                "{:?} {:?} → {:?} is not a change in the ground truth; edits: {:?}",
                a.change,
                o.map(|x| x.to_string()),
                n.map(|x| x.to_string()),
                a.edits.iter().map(|e| (&e.old, &e.new)).collect::<Vec<_>>()
            ));
        }
    }
    out
}

#[test]
fn changes_match_the_official_decisions() {
    let Some(dir) = corpus() else { return };
    let mut failures = Vec::new();
    let mut checked = 0;
    for p in manifest(&dir) {
        let Some(e) = expected(&p.slug) else { continue };
        checked += 1;
        let (_, _, d) = load(&dir, &p.slug);
        for problem in disagreements(&d, &e) {
            failures.push(format!("{}: {problem}", p.slug));
        }
    }
    assert_eq!(checked, 22, "ground-truth files");
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// `lifa search` over real legal text: every article of every law in the corpus (the new
/// versions), stored as a comment, and queries of every kind — the long compounds that jieba
/// keeps whole (the example: an index of jieba words found 中华人民共和国 in 51 of 59
/// documents), fragments across word boundaries, single characters, phrases, AND/OR/NOT. Each
/// must find exactly the articles that contain it.
#[test]
fn search_finds_every_article_that_contains_the_query() {
    use lifa::importer::{Importer, Options};
    use lifa::index::SearchIndex;
    use lifa::search::{self, Filters};
    use lifa::workspace::Workspace;

    let Some(dir) = corpus() else { return };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path().join("drafts/qinglanhu");
    std::fs::create_dir_all(&drafts).unwrap();
    for e in std::fs::read_dir(root.join("drafts/qinglanhu"))
        .unwrap()
        .flatten()
    {
        std::fs::copy(e.path(), drafts.join(e.file_name())).unwrap();
    }
    let mut texts: Vec<String> = Vec::new();
    for pair in manifest(&dir) {
        let law = Draft::load(&dir.join(&pair.slug).join("new.md")).unwrap();
        texts.extend(
            law.articles
                .iter()
                .map(|a| format!("{}　{}", a.label, a.text.replace('\n', ""))),
        );
    }
    assert!(texts.len() > 2500, "{} articles", texts.len());
    let upload = tmp.path().join("laws.jsonl");
    let lines: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            serde_json::json!({
                "id": format!("L{i:05}"), "text": t, "kind": "expert",
                "source": "法律文本", "channel": "online", "date": "2026-05-01",
            })
            .to_string()
        })
        .collect();
    std::fs::write(&upload, lines.join("\n")).unwrap();
    let ws = Workspace::new(tmp.path());
    let outcome = Importer::new(&ws, "qinglanhu")
        .unwrap()
        .import(&upload, &Options::default())
        .unwrap();
    assert_eq!(outcome.accepted, texts.len());
    SearchIndex::rebuild(&ws).unwrap();
    let index = SearchIndex::open(&ws).unwrap();

    let jieba = jieba_rs::Jieba::new();
    for q in [
        "中华人民共和国",
        "全国人民代表大会常务委员会",
        "国务院",
        "县级以上地方各级人民政府",
        "依法追究刑事责任",
        "行政处罚",
        "民共和",
        "会常务委",
        "以下罚款",
        "人民",
        "规定",
        "的",
        "款",
        "犯",
        "\"有下列情形之一的\"",
        "国务院 罚款",
        "罚款 OR 没收",
        "罚款 NOT 没收",
    ] {
        let e = search::parse_query(q).unwrap();
        let want = texts.iter().filter(|t| e.matches(t)).count() as u64;
        let got = search::search(&ws, &index, &e, &Filters::default(), 5, 1).unwrap();
        assert_eq!(got.total, want, "{q}");
        if q.chars().count() >= 5 && !q.contains([' ', '"']) {
            let by_words = texts
                .iter()
                .filter(|t| jieba.cut_for_search(t, false).iter().any(|w| w.word == q))
                .count();
            eprintln!("{q}: {want} articles contain it; jieba's search-mode words find {by_words}");
        }
    }
}
