//! Attribution evaluation on cases generated from the real laws of `../shared/corpus/laws`
//! (see `tests/eval/gen.rs`). Skipped with a message when the corpus is not beside the
//! checkout.
//!
//! The tests here check the generator itself: the cases are deterministic, lifa's diff sees
//! exactly the seeded edits, the comments have the promised mix of styles and distractors, the
//! quoted proposals say what was seeded, and the uploads import cleanly.
//!
//! `LIFA_EVAL_SEED=<n>` runs everything on other cases; `LIFA_EVAL_OUT=<dir>` with
//! `cargo test --test attribution -- --nocapture summary` writes the workspaces (drafts and
//! uploads) there and prints every seeded edit with its number of driving comments.

mod eval;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use eval::r#gen::{self as generator, Case, SeedKind, Seeded, Style, norm};
use lifa::align::align;
use lifa::diff::{ArticleDiff, Change, DraftDiff, Edit, SegmentOp, diff};
use lifa::draft::parse;
use lifa::proposal::{Proposal, proposals};

/// The seed the evaluation uses.
const SEED: u64 = 20_260_520;

fn laws_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/laws");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: corpus not found at {}", dir.display());
        None
    }
}

/// `SEED`, or `$LIFA_EVAL_SEED` to try the generator on other cases.
fn seed() -> u64 {
    std::env::var("LIFA_EVAL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SEED)
}

fn cases() -> Option<&'static [Case]> {
    static CASES: OnceLock<Vec<Case>> = OnceLock::new();
    let dir = laws_dir()?;
    Some(CASES.get_or_init(|| generator::cases(&dir, seed())))
}

fn lifa_diff(case: &Case) -> DraftDiff {
    let old = parse("v1.md", &case.v1).expect("v1 parses");
    let new = parse("v2.md", &case.v2).expect("v2 parses");
    diff(
        Some(&case.slug),
        &old,
        &new,
        &align(&old, &new, &[]),
        "v1",
        "v2",
    )
}

fn overlap(a: &str, b: &str) -> bool {
    !a.is_empty() && !b.is_empty() && (a.contains(b) || b.contains(a))
}

/// lifa's edits of one article with up to three characters of unchanged text on each side
/// (within the paragraph), old side and new side: where in the article each edit is.
struct Located {
    edit: Edit,
    old: String,
    new: String,
}

fn locate(row: &ArticleDiff) -> Vec<Located> {
    let (mut old, mut new) = (String::new(), String::new());
    let mut ranges: Vec<Option<[usize; 4]>> = vec![None; row.edits.len()];
    for seg in &row.segments {
        let (os, ns) = (old.len(), new.len());
        match seg.op {
            SegmentOp::Equal => {
                old.push_str(&seg.text);
                new.push_str(&seg.text);
            }
            SegmentOp::Delete => old.push_str(&seg.text),
            SegmentOp::Insert => new.push_str(&seg.text),
        }
        if let Some(k) = seg.edit {
            let r = ranges[k].get_or_insert([os, old.len(), ns, new.len()]);
            r[1] = old.len();
            r[3] = new.len();
        }
    }
    let around = |text: &str, from: usize, to: usize| -> String {
        let before: String = text[..from]
            .chars()
            .rev()
            .take_while(|&c| c != '\n')
            .take(3)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after: String = text[to..]
            .chars()
            .take_while(|&c| c != '\n')
            .take(3)
            .collect();
        format!("{before}{}{after}", &text[from..to])
    };
    row.edits
        .iter()
        .zip(ranges)
        .filter_map(|(e, r)| {
            let r = r?;
            Some(Located {
                edit: e.clone(),
                old: around(&old, r[0], r[1]),
                new: around(&new, r[2], r[3]),
            })
        })
        .collect()
}

/// Whether lifa's edit, with its surroundings, lies inside the seeded change (context included).
fn within(s: &Seeded, e: &Located) -> bool {
    let (eo, en) = (norm(&e.edit.old), norm(&e.edit.new));
    if eo.is_empty() && en.is_empty() {
        return false;
    }
    norm(&s.window_old).contains(&norm(&e.old)) && norm(&s.window_new).contains(&norm(&e.new))
}

/// `old` and `new` without their common first and last characters (`有关部门` → `有关主管部门`
/// is the insertion of `主管`), which a word diff may or may not include.
fn minimal(old: &str, new: &str) -> (String, String) {
    let (o, n): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    let pre = o.iter().zip(&n).take_while(|(a, b)| a == b).count();
    let suf = o[pre..]
        .iter()
        .rev()
        .zip(n[pre..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    (
        o[pre..o.len() - suf].iter().collect(),
        n[pre..n.len() - suf].iter().collect(),
    )
}

/// Whether lifa's edits of the aligned article show the seeded change.
fn shows(s: &Seeded, edits: &[Located]) -> bool {
    let matched: Vec<&Edit> = edits
        .iter()
        .filter(|e| within(s, e))
        .map(|e| &e.edit)
        .collect();
    let (so, sn) = minimal(&norm(&s.old), &norm(&s.new));
    !matched.is_empty()
        && (sn.is_empty() || matched.iter().any(|e| overlap(&norm(&e.new), &sn)))
        && (so.is_empty() || matched.iter().any(|e| overlap(&norm(&e.old), &so)))
}

#[test]
fn cases_are_deterministic() {
    let Some(dir) = laws_dir() else { return };
    let a = generator::cases(&dir, SEED);
    let b = generator::cases(&dir, SEED);
    assert!(a.len() >= 6, "only {} cases", a.len());
    assert_eq!(a, b);
    let c = generator::cases(&dir, SEED + 1);
    assert_ne!(a, c, "another seed gives other cases");
}

#[test]
fn lifa_sees_exactly_the_seeded_edits() {
    let Some(cases) = cases() else { return };
    let problems = diff_problems(cases);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The generator holds on other seeds too (other laws, other edits).
#[test]
fn other_seeds_line_up_as_well() {
    let Some(dir) = laws_dir() else { return };
    for seed in [1, 2, 3] {
        let problems = diff_problems(&generator::cases(&dir, seed));
        assert!(problems.is_empty(), "seed {seed}:\n{}", problems.join("\n"));
    }
}

/// Every way lifa's diff of v1→v2 differs from the seeded edits: a seeded edit lifa does not
/// show in the aligned article, a change lifa shows that was not seeded, a pairing that is not
/// the renumbering.
fn diff_problems(cases: &[Case]) -> Vec<String> {
    let mut problems = Vec::new();
    for case in cases {
        let d = lifa_diff(case);
        let key = |o: Option<u32>, n: Option<u32>| (o, n);
        let rows: BTreeMap<(Option<u32>, Option<u32>), &ArticleDiff> = d
            .articles
            .iter()
            .map(|a| {
                (
                    key(
                        a.old.as_ref().map(|s| s.number.main),
                        a.new.as_ref().map(|s| s.number.main),
                    ),
                    a,
                )
            })
            .collect();
        let mut explained = BTreeSet::new();
        for s in &case.edits {
            let k = key(s.v1_article, s.v2_article);
            explained.insert(k);
            let Some(row) = rows.get(&k) else {
                problems.push(format!(
                    "{} edit {} ({:?} {}): lifa has no pair {:?}→{:?}",
                    case.slug, s.id, s.kind, s.note, s.v1_article, s.v2_article
                ));
                continue;
            };
            let ok = match s.kind {
                SeedKind::DeleteArticle => row.change == Change::Deleted,
                SeedKind::AddArticle => row.change == Change::Added,
                _ => row.change == Change::Modified && shows(s, &locate(row)),
            };
            if !ok {
                problems.push(format!(
                    "{} edit {} ({:?} {}) in {:?}→{:?}: lifa says {:?} {:?}",
                    case.slug,
                    s.id,
                    s.kind,
                    s.note,
                    s.v1_article,
                    s.v2_article,
                    row.change,
                    row.edits
                        .iter()
                        .map(|e| format!("{}:{}→{}", e.kind.as_str(), e.old, e.new))
                        .collect::<Vec<_>>()
                ));
            } else if !matches!(s.kind, SeedKind::DeleteArticle | SeedKind::AddArticle) {
                for e in locate(row).iter().filter(|e| e.edit.kind.is_substantive()) {
                    if !within(s, e) {
                        problems.push(format!(
                            "{} edit {} ({}): lifa also sees {}:{}→{}",
                            case.slug,
                            s.id,
                            s.note,
                            e.edit.kind.as_str(),
                            e.edit.old,
                            e.edit.new
                        ));
                    }
                }
            }
        }
        for (k, row) in &rows {
            if let (Some(o), Some(n)) = *k
                && case.renumbering.get(&o) != Some(&Some(n))
            {
                problems.push(format!("{}: lifa pairs v1 {o} with v2 {n}", case.slug));
            }
            let substantive = row.edits.iter().any(|e| e.kind.is_substantive());
            if substantive && !explained.contains(k) {
                problems.push(format!(
                    "{}: unexpected change in {:?}: {:?} {:?}",
                    case.slug,
                    k,
                    row.change,
                    row.edits
                        .iter()
                        .map(|e| format!("{}:{}→{}", e.kind.as_str(), e.old, e.new))
                        .collect::<Vec<_>>()
                ));
            }
        }
        // The check is not vacuous: no seeded edit is "seen" in another edit's article.
        for s in &case.edits {
            for t in case.edits.iter().filter(|t| t.id != s.id) {
                if let Some(row) = rows.get(&key(t.v1_article, t.v2_article))
                    && !matches!(s.kind, SeedKind::DeleteArticle | SeedKind::AddArticle)
                    && shows(s, &locate(row))
                {
                    problems.push(format!(
                        "{}: edit {} also matches the edits of edit {}",
                        case.slug, s.id, t.id
                    ));
                }
            }
        }
        let seeded = case.edits.len();
        let counted = d.summary.substantive_edits;
        if counted < seeded {
            problems.push(format!(
                "{}: {seeded} seeded edits, lifa counts {counted}",
                case.slug
            ));
        }
    }
    problems
}

#[test]
fn comments_mix_styles_and_distractors() {
    let Some(cases) = cases() else { return };
    let mut edits_by_style: BTreeMap<Style, usize> = BTreeMap::new();
    let mut comments_by_style: BTreeMap<Style, usize> = BTreeMap::new();
    for case in cases {
        assert!(
            (8..=15).contains(&case.edits.len()),
            "{}: {} edits",
            case.slug,
            case.edits.len()
        );
        let v1s: Vec<u32> = case.edits.iter().filter_map(|s| s.v1_article).collect();
        let distinct: BTreeSet<u32> = v1s.iter().copied().collect();
        assert_eq!(
            v1s.len(),
            distinct.len(),
            "{}: edits share an article",
            case.slug
        );
        for (i, s) in case.edits.iter().enumerate() {
            assert_eq!(s.id, i);
        }
        let ids: BTreeSet<&str> = case.comments.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids.len(), case.comments.len(), "{}: ids repeat", case.slug);

        let driving = case.comments.iter().filter(|c| c.target.is_some()).count();
        let distractors = case.comments.len() - driving;
        assert!(
            distractors >= 3 * driving,
            "{}: {driving} driving, {distractors} distractors",
            case.slug
        );
        let mut seen: BTreeSet<(Style, usize)> = BTreeSet::new();
        let mut campaign: BTreeMap<usize, usize> = BTreeMap::new();
        for c in &case.comments {
            assert_eq!(c.style.is_driving(), c.target.is_some(), "{c:?}");
            *comments_by_style.entry(c.style).or_default() += 1;
            if let Some(t) = c.target {
                seen.insert((c.style, t));
                let s = &case.edits[t];
                match c.style {
                    Style::OldNumbering => assert!(
                        s.v1_article.is_some() && s.v1_article != s.v2_article,
                        "{c:?}"
                    ),
                    Style::Paraphrase | Style::Campaign => {
                        assert!(c.article.is_none(), "{c:?}");
                        assert!(lifa::cite::parse_text(&c.text).is_empty(), "{c:?}");
                        assert!(lifa::proposal::quotes(&c.text).is_empty(), "{c:?}");
                    }
                    Style::Duplicate => {
                        let orig = c.duplicate_of.as_deref().expect("duplicate_of");
                        let o = case
                            .comments
                            .iter()
                            .find(|x| x.id == orig)
                            .expect("original");
                        assert_eq!(o.target, c.target);
                        assert_eq!(norm(&o.text), norm(&c.text));
                        assert_ne!(o.channel, c.channel);
                    }
                    _ => {}
                }
                if c.style == Style::Campaign {
                    *campaign.entry(t).or_default() += 1;
                }
            }
        }
        for s in &case.edits {
            assert!(
                seen.iter().any(|&(_, t)| t == s.id),
                "{}: edit {} has no driving comment",
                case.slug,
                s.id
            );
        }
        for (t, n) in campaign {
            assert!(
                (5..=20).contains(&n),
                "{}: campaign on {t} has {n}",
                case.slug
            );
        }
        for (style, _) in seen {
            *edits_by_style.entry(style).or_default() += 1;
        }
    }
    for style in Style::ALL {
        assert!(
            comments_by_style.get(&style).copied().unwrap_or(0) > 0,
            "no {style:?} comment"
        );
        if style.is_driving() {
            assert!(
                edits_by_style.get(&style).copied().unwrap_or(0) >= 3,
                "{style:?} drives only {:?} edits",
                edits_by_style.get(&style)
            );
        }
    }
}

#[test]
fn quoted_comments_state_the_seeded_edit() {
    let Some(cases) = cases() else { return };
    let mut problems = Vec::new();
    for case in cases {
        for c in case.comments.iter().filter(|c| c.style == Style::Quoted) {
            let s = &case.edits[c.target.expect("driving")];
            let ps = proposals(&c.text);
            let ok = ps.iter().any(|p| match (s.kind, p) {
                (SeedKind::Replace, Proposal::Replace { old, new }) => {
                    norm(old).contains(&norm(&s.old)) && norm(new).contains(&norm(&s.new))
                }
                (SeedKind::Delete, Proposal::Delete(old)) => norm(old) == norm(&s.old),
                (
                    SeedKind::Insert,
                    Proposal::Insert {
                        after: Some(_),
                        new,
                    },
                ) => norm(new) == norm(&s.new),
                (SeedKind::DeleteArticle, Proposal::DeleteArticles(a)) => {
                    a.iter().any(|x| Some(x.article) == s.v1_article)
                }
                (SeedKind::AddArticle, Proposal::Insert { after: None, new }) => *new == s.new,
                _ => false,
            });
            if !ok {
                problems.push(format!(
                    "{}: {} reads as {ps:?} for {}",
                    case.slug, c.text, s.note
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn uploads_import_cleanly() {
    let Some(cases) = cases() else { return };
    let root = tempfile::tempdir().unwrap();
    let mut problems = Vec::new();
    for case in cases {
        generator::write_workspace(case, root.path()).unwrap();
        let upload = root
            .path()
            .join("uploads")
            .join(format!("{}.jsonl", case.slug));
        let out = Command::new(env!("CARGO_BIN_EXE_lifa"))
            .arg("--workspace")
            .arg(root.path())
            .args(["import", &case.slug])
            .arg(&upload)
            .args(["--draft", "v1", "--color", "never"])
            .env_remove("LIFA_WORKSPACE")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}: import failed\n{}{}",
            case.slug,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let batches = root
            .path()
            .join("comments")
            .join(&case.slug)
            .join("batches");
        let mut stored: BTreeMap<String, serde_json::Value> = BTreeMap::new();
        for f in std::fs::read_dir(&batches).unwrap() {
            let text = std::fs::read_to_string(f.unwrap().path()).unwrap();
            let mut lines = text.lines();
            let head: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
            assert_eq!(
                head["lifa_batch"]["rows"],
                case.comments.len(),
                "{}",
                case.slug
            );
            for l in lines {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                stored.insert(v["ref"].as_str().unwrap().to_string(), v);
            }
        }
        assert_eq!(
            stored.len(),
            case.comments.len(),
            "{}: rows stored",
            case.slug
        );
        // lifa reads the article references the generator meant.
        for c in &case.comments {
            let v = &stored[&c.id];
            let cited: BTreeSet<u64> = v["articles"]
                .as_array()
                .map(|a| a.iter().filter_map(|x| x["article"].as_u64()).collect())
                .unwrap_or_default();
            let expect_none = matches!(
                c.style,
                Style::Paraphrase
                    | Style::Campaign
                    | Style::DistractorGeneric
                    | Style::DistractorOffTopic
            );
            if expect_none && !cited.is_empty() {
                problems.push(format!(
                    "{}: {} cites {cited:?}: {}",
                    case.slug, c.id, c.text
                ));
            }
            if let Some(t) = c.target
                && matches!(c.style, Style::Explicit | Style::OldNumbering)
                && let Some(v1) = case.edits[t].v1_article
                && !cited.contains(&(v1 as u64))
            {
                problems.push(format!(
                    "{}: {} should cite {v1}, lifa reads {cited:?}: {:?} {}",
                    case.slug, c.id, c.article, c.text
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Prints what the default seed produces (`cargo test --test attribution -- --nocapture
/// summary`); writes the workspaces to `$LIFA_EVAL_OUT` when it is set.
#[test]
fn summary() {
    let Some(cases) = cases() else { return };
    let mut total: BTreeMap<String, usize> = BTreeMap::new();
    for case in cases {
        let driving = case.comments.iter().filter(|c| c.target.is_some()).count();
        let renumbered = case
            .renumbering
            .iter()
            .filter(|(o, n)| n.is_some_and(|n| n != **o))
            .count();
        eprintln!(
            "{}: {} edits, {} comments ({driving} driving), {renumbered} articles renumbered",
            case.slug,
            case.edits.len(),
            case.comments.len()
        );
        for s in &case.edits {
            *total.entry(format!("edit {:?}", s.kind)).or_default() += 1;
            let drivers = case
                .comments
                .iter()
                .filter(|c| c.target == Some(s.id))
                .count();
            eprintln!(
                "  {} {:?} v1 {:?} → v2 {:?}: {} ({drivers} comments)",
                s.id, s.kind, s.v1_article, s.v2_article, s.note
            );
        }
        let mut styled: BTreeSet<(Style, usize)> = BTreeSet::new();
        for c in &case.comments {
            *total.entry(format!("comment {:?}", c.style)).or_default() += 1;
            if let Some(t) = c.target {
                styled.insert((c.style, t));
            }
        }
        for (style, _) in styled {
            *total
                .entry(format!("edits driven by {style:?}"))
                .or_default() += 1;
        }
        if let Some(out) = std::env::var_os("LIFA_EVAL_OUT") {
            generator::write_workspace(case, Path::new(&out)).unwrap();
        }
    }
    for (k, v) in total {
        eprintln!("{k}: {v}");
    }
}

/// The attribution's accuracy on the generated cases: for every driving comment, whether the
/// seeded edit is its best suggestion (top-1) or among its three best (top-3), by style; and how
/// many distractors reach the bulk-confirmation threshold. No dispositions are recorded, so the
/// scores stand on the text alone.
#[test]
fn attribution_finds_the_driving_comments() {
    use lifa::attribute::{self, EditRef, RECOMMENDED_THRESHOLD};
    use lifa::importer::{Importer, Options};
    use lifa::intake::validate::BatchDefaults;
    use lifa::opinions::Corpus;
    use lifa::store::Store;
    use lifa::workspace::Workspace;

    let Some(cases) = cases() else { return };
    // style → (comments, top-1, top-3)
    let mut by_style: BTreeMap<Style, (usize, usize, usize)> = BTreeMap::new();
    let (mut distractors, mut above) = (0usize, Vec::new());
    let mut misses = Vec::new();
    for case in cases {
        let dir = tempfile::tempdir().unwrap();
        generator::write_workspace(case, dir.path()).unwrap();
        let ws = Workspace::new(dir.path());
        let upload = dir
            .path()
            .join("uploads")
            .join(format!("{}.jsonl", case.slug));
        let opts = Options {
            defaults: BatchDefaults {
                draft: Some("v1".into()),
                ..Default::default()
            },
            ..Default::default()
        };
        let out = Importer::new(&ws, &case.slug)
            .unwrap()
            .import(&upload, &opts)
            .unwrap();
        assert!(!out.refused);
        let corpus = Corpus::new(
            Store::open(&ws, &case.slug).comments().unwrap(),
            Default::default(),
        );
        let d = lifa_diff(case);
        // The lifa edits that make up each seeded edit.
        let truth: Vec<BTreeSet<EditRef>> = case
            .edits
            .iter()
            .map(|s| {
                let mut set = BTreeSet::new();
                for (ai, row) in d.articles.iter().enumerate() {
                    let same_old = s.v1_article.is_some()
                        && row.old.as_ref().map(|o| o.number.main) == s.v1_article;
                    let same_new = s.v2_article.is_some()
                        && row.new.as_ref().map(|n| n.number.main) == s.v2_article;
                    if !(same_old || same_new) {
                        continue;
                    }
                    let whole = matches!(s.kind, SeedKind::AddArticle | SeedKind::DeleteArticle);
                    for (ei, l) in locate(row).iter().enumerate() {
                        if (whole || within(s, l)) && l.edit.kind.is_substantive() {
                            set.insert(EditRef {
                                article: ai,
                                edit: ei,
                            });
                        }
                    }
                }
                assert!(
                    !set.is_empty(),
                    "{}: seeded edit {} not found",
                    case.slug,
                    s.note
                );
                set
            })
            .collect();
        let a = attribute::attribute(d, &corpus, None, &Default::default());
        let index: std::collections::HashMap<&str, usize> = corpus
            .comments
            .iter()
            .enumerate()
            .filter_map(|(i, c)| Some((c.reference.as_deref()?, i)))
            .collect();
        for g in &case.comments {
            let i = index[g.id.as_str()];
            let best = &a.best[i];
            match g.target {
                Some(t) => {
                    let top1 = best.first().is_some_and(|(e, _)| truth[t].contains(e));
                    let top3 = best.iter().take(3).any(|(e, _)| truth[t].contains(e));
                    let s = by_style.entry(g.style).or_default();
                    s.0 += 1;
                    s.1 += usize::from(top1);
                    s.2 += usize::from(top3);
                    if !top1
                        && matches!(
                            g.style,
                            Style::Explicit | Style::Quoted | Style::OldNumbering
                        )
                    {
                        misses.push(format!(
                            "{} {:?} {} → {:?} (seeded: {})",
                            case.slug, g.style, g.text, best, case.edits[t].note
                        ));
                    }
                }
                None => {
                    distractors += 1;
                    if let Some((_, s)) = best.first()
                        && *s >= RECOMMENDED_THRESHOLD
                    {
                        above.push(format!("{} {:?} {s}: {}", case.slug, g.style, g.text));
                    }
                }
            }
        }
    }
    let rate = |n: usize, k: usize| k as f64 * 100.0 / n.max(1) as f64;
    for (style, (n, t1, t3)) in &by_style {
        eprintln!(
            "{style:?}: {n} comments, top-1 {:.1}%, top-3 {:.1}%",
            rate(*n, *t1),
            rate(*n, *t3)
        );
    }
    eprintln!(
        "distractors at or above {RECOMMENDED_THRESHOLD}: {} of {distractors} ({:.2}%)",
        above.len(),
        rate(distractors, above.len())
    );
    eprintln!("explicit/quoted misses:\n{}", misses.join("\n"));
    eprintln!("distractors above:\n{}", above.join("\n"));
    let top = |styles: &[Style], three: bool| {
        let (n, k) = styles.iter().fold((0, 0), |(n, k), s| {
            let (m, t1, t3) = by_style.get(s).copied().unwrap_or_default();
            (n + m, k + if three { t3 } else { t1 })
        });
        rate(n, k)
    };
    assert!(
        top(
            &[Style::Explicit, Style::OldNumbering, Style::Quoted],
            false
        ) >= 95.0
    );
    assert!(top(&[Style::Paraphrase], true) >= 80.0);
    assert!(above.is_empty(), "distractors above the threshold");
}
