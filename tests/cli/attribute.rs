//! `lifa attribute`, `lifa diff --comments`, `lifa decide --accept-suggestions`: the sample
//! regulation's edits against the drivers recorded in `tests/fixtures/uploads/truth-drivers.tsv`.

use std::collections::HashMap;

use lifa::attribute::{self, Attribution};
use lifa::draft::ArticleNumber;
use lifa::opinions::Corpus;
use lifa::store::Store;
use lifa::workspace::Workspace;
use serde_json::Value;

use crate::{CliTest, repo};

/// The sample workspace's attribution of v1 → v2, with the comments keyed by (file, 编号).
fn sample_attribution() -> (Attribution, Corpus, HashMap<(String, String), usize>) {
    let ws = Workspace::new(repo());
    let (a, corpus) =
        attribute::load(&ws, "qinglanhu", Some(("v1", "v2")), &Default::default()).unwrap();
    let files: HashMap<String, String> = Store::open(&ws, "qinglanhu")
        .batches()
        .unwrap()
        .into_iter()
        .map(|b| (b.meta.id, b.meta.file))
        .collect();
    let by_ref = corpus
        .comments
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some(((files[&c.batch].clone(), c.reference.clone()?), i)))
        .collect();
    (a, corpus, by_ref)
}

struct Driver {
    file: String,
    reference: String,
    v1: Option<u32>,
    v2: Option<u32>,
    style: String,
}

fn drivers() -> Vec<Driver> {
    let text =
        std::fs::read_to_string(repo().join("tests/fixtures/uploads/truth-drivers.tsv")).unwrap();
    text.lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Driver {
                file: f[0].into(),
                reference: f[1].into(),
                v1: f[2].parse().ok(),
                v2: f[3].parse().ok(),
                style: f[4].into(),
            }
        })
        .collect()
}

/// Whether edit `e` of the attribution is in the driver's article.
fn lands(a: &Attribution, e: attribute::EditRef, d: &Driver) -> bool {
    let art = &a.diff.articles[e.article];
    match (d.v2, &art.new, d.v1, &art.old) {
        (Some(n), Some(side), _, _) => side.number == ArticleNumber::new(n),
        (None, None, Some(o), Some(side)) => side.number == ArticleNumber::new(o),
        _ => false,
    }
}

#[test]
fn sample_drivers_attach_to_the_edits_of_their_articles() {
    let (a, corpus, by_ref) = sample_attribution();
    let mut by_style: HashMap<String, (usize, usize, usize)> = HashMap::new();
    let mut misses = Vec::new();
    for d in drivers() {
        let i = by_ref[&(d.file.clone(), d.reference.clone())];
        let best = &a.best[i];
        let top1 = best.first().is_some_and(|(e, _)| lands(&a, *e, &d));
        let top3 = best.iter().take(3).any(|(e, _)| lands(&a, *e, &d));
        let s = by_style.entry(d.style.clone()).or_default();
        s.0 += 1;
        s.1 += usize::from(top1);
        s.2 += usize::from(top3);
        if !top1 {
            misses.push(format!(
                "{} {} ({}) → {:?}",
                d.file,
                d.reference,
                d.style,
                best.iter()
                    .map(|(e, s)| format!(
                        "{} {s}",
                        a.diff.articles[e.article]
                            .new
                            .as_ref()
                            .or(a.diff.articles[e.article].old.as_ref())
                            .unwrap()
                            .label
                    ))
                    .collect::<Vec<_>>()
            ));
        }
    }
    // Distractors: every comment that drove nothing.
    let driving: std::collections::HashSet<usize> = drivers()
        .iter()
        .map(|d| by_ref[&(d.file.clone(), d.reference.clone())])
        .collect();
    // The sample's distractors sit close to the edits on purpose (comments on an edited article
    // that staff did not adopt); by score alone a few reach the threshold, and their disposition
    // keeps them out of bulk confirmation. No *adopted* distractor may reach it.
    let mut distractors = 0;
    let mut above = 0;
    for (i, best) in a.best.iter().enumerate() {
        if driving.contains(&i) {
            continue;
        }
        distractors += 1;
        let top = best.first().map_or(0.0, |x| x.1);
        if top >= attribute::RECOMMENDED_THRESHOLD {
            above += 1;
            assert!(
                !corpus.status(i).is_adopted(),
                "adopted distractor above the threshold: {}",
                corpus.comments[i].text
            );
        }
    }
    eprintln!("distractors at or above the threshold by score alone: {above} of {distractors}");
    let mut styles: Vec<_> = by_style.iter().collect();
    styles.sort();
    for (style, (n, t1, t3)) in &styles {
        eprintln!(
            "{style}: {n} drivers, top-1 {:.1}%, top-3 {:.1}%",
            *t1 as f64 * 100.0 / *n as f64,
            *t3 as f64 * 100.0 / *n as f64
        );
    }
    eprintln!("misses:\n{}", misses.join("\n"));
    let rate = |s: &str, top3: bool| {
        let (n, t1, t3) = by_style[s];
        (if top3 { t3 } else { t1 }) as f64 / n as f64
    };
    assert!(rate("explicit", false) >= 0.95);
    assert!(rate("quoted", false) >= 0.95);
    assert!(rate("paraphrase", false) >= 0.9);
    assert!(rate("numberless", true) >= 0.8);
}

#[test]
fn an_adopted_comment_on_a_renumbered_article_attaches_to_the_right_edit() {
    // 湖滨 4 commented on 一审稿第三十九条 (“制止”→“制止、记录”), which is 二审稿第四十条.
    let (a, _, by_ref) = sample_attribution();
    let i = by_ref[&("hubin-2026-04.csv".to_string(), "4".to_string())];
    let (e, score) = a.best[i][0];
    let art = &a.diff.articles[e.article];
    assert_eq!(art.old.as_ref().unwrap().label, "第三十九条");
    assert_eq!(art.new.as_ref().unwrap().label, "第四十条");
    assert!(
        art.edits[e.edit].new.contains("记录"),
        "{:?}",
        art.edits[e.edit]
    );
    assert!(score >= attribute::RECOMMENDED_THRESHOLD, "{score}");
}

#[test]
fn adopted_comments_no_edit_reflects_are_exactly_the_seven_staff_mistakes() {
    let (a, corpus, by_ref) = sample_attribution();
    let refs: HashMap<usize, (String, String)> = by_ref.into_iter().map(|(k, v)| (v, k)).collect();
    let mut found: Vec<(String, String)> = a
        .not_reflected
        .iter()
        .map(|n| refs[&n.comment].clone())
        .collect();
    found.sort();
    let expected = [
        ("daxue-2026-04.xlsx", "DX007"),
        ("daxue-2026-04.xlsx", "DX078"),
        ("daxue-2026-04.xlsx", "DX110"),
        ("hubin-2026-04.csv", "1"),
        ("hubin-2026-04.csv", "38"),
        ("lvxie-2026-05.csv", "54"),
        ("online-2026-05.jsonl", "OL0024"),
    ]
    .map(|(f, r)| (f.to_string(), r.to_string()));
    assert_eq!(found, expected);
    // The hardest one: its article (二审稿第七十条) was edited, only not as it asked.
    let lvxie = a
        .not_reflected
        .iter()
        .find(|n| refs[&n.comment].1 == "54")
        .unwrap();
    assert_eq!(lvxie.location.as_deref(), Some("二审稿第七十条"));
    assert!(corpus.status(lvxie.comment).is_adopted());

    // Every edit listed as unexplained has no adopted comment at the threshold, and the others
    // do.
    for l in &a.edits {
        let listed = a.unexplained.contains(&l.at);
        let substantive = a.diff.articles[l.at.article].edits[l.at.edit]
            .kind
            .is_substantive();
        assert_eq!(
            listed,
            substantive && !l.explained(a.threshold),
            "{:?}",
            l.at
        );
    }
    assert!(!a.unexplained.is_empty());
    assert_eq!(a.totals.comments, 567);
    assert_eq!(a.totals.adopted, 255);
}

fn sample_with_dispositions() -> CliTest {
    let t = CliTest::with_sample_comments();
    let sheet = repo().join("tests/fixtures/uploads/dispositions.csv");
    t.ok(t
        .lifa()
        .args(["decide", "qinglanhu", "--sheet", sheet.to_str().unwrap()])
        .args(["--by", "法工委"]));
    t
}

fn attribute_json(t: &CliTest) -> Value {
    let out = t.ok(t
        .lifa()
        .args(["attribute", "qinglanhu", "--format", "json"]));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every (edit id, comment id, status) under the edits of an attribute/diff JSON.
fn links(v: &Value) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for a in v["articles"].as_array().unwrap() {
        for e in a["edits"].as_array().unwrap() {
            for c in e["comments"].as_array().unwrap() {
                out.push((
                    e["id"].as_str().unwrap().to_string(),
                    c["id"].as_str().unwrap().to_string(),
                    c["status"].as_str().unwrap().to_string(),
                ));
            }
        }
    }
    out
}

#[test]
fn bulk_confirmation_links_adopted_comments_and_the_last_decision_still_wins() {
    let t = sample_with_dispositions();
    let before = attribute_json(&t);
    assert_eq!(
        before["from"]["version"], "v1",
        "defaults to the reading the comments are on"
    );
    assert!(links(&before).iter().all(|l| l.2 == "suggested"));
    assert_eq!(before["totals"]["edits_confirmed"], 0);

    // A dry run writes nothing.
    let decisions = t.root().join("comments/qinglanhu/decisions.jsonl");
    let size = std::fs::metadata(&decisions).unwrap().len();
    let out = t.ok(t
        .lifa()
        .args(["decide", "qinglanhu", "--accept-suggestions", "--dry-run"]));
    assert!(String::from_utf8_lossy(&out.stdout).contains("试运行"));
    assert_eq!(std::fs::metadata(&decisions).unwrap().len(), size);

    t.ok(t.lifa().args([
        "decide",
        "qinglanhu",
        "--accept-suggestions",
        "--min-score",
        "0.7",
    ]));
    let after = attribute_json(&t);
    let confirmed: Vec<_> = links(&after)
        .into_iter()
        .filter(|l| l.2 == "confirmed")
        .collect();
    assert!(confirmed.len() > 200, "{}", confirmed.len());
    assert!(after["totals"]["edits_confirmed"].as_u64().unwrap() > 100);
    // Only adopted comments were confirmed, and they kept their disposition.
    for a in after["articles"].as_array().unwrap() {
        for e in a["edits"].as_array().unwrap() {
            for c in e["comments"].as_array().unwrap() {
                if c["status"] == "confirmed" {
                    assert!(
                        ["adopted", "partly-adopted"].contains(&c["disposition"].as_str().unwrap()),
                        "{c}"
                    );
                }
            }
        }
    }

    // Staff change their mind about one confirmed comment: the link goes with the decision.
    let (edit, comment, _) = confirmed[0].clone();
    t.ok(t
        .lifa()
        .args(["decide", "qinglanhu", &comment, "--status", "未采纳"])
        .args(["--reason", "复核后认为与修改无关"]));
    let last = attribute_json(&t);
    assert!(
        !links(&last).contains(&(edit.clone(), comment.clone(), "confirmed".into())),
        "{edit} {comment}"
    );

    // Re-importing a batch changes nothing of that.
    let batch = repo().join("tests/fixtures/uploads/lvxie-2026-05.csv");
    t.ok(t
        .lifa()
        .args(["import", "qinglanhu", batch.to_str().unwrap()]));
    assert_eq!(links(&attribute_json(&t)), links(&last));

    let mut totals = last.clone();
    totals.as_object_mut().unwrap().retain(|k, _| {
        ["totals", "threshold", "unexplained", "not_reflected"].contains(&k.as_str())
    });
    t.settings()
        .bind(|| insta::assert_json_snapshot!("attribute_sample_totals", totals));
}

#[test]
fn diff_with_comments_shows_them_under_each_edit() {
    let t = sample_with_dispositions();
    let out = t.ok(t.lifa().args([
        "diff",
        "qinglanhu",
        "v1",
        "v2",
        "--comments",
        "--color",
        "never",
    ]));
    let text = String::from_utf8(out.stdout).unwrap();
    // 第一条's first edit adds “和治理”; the comment that asked for exactly that is under it.
    let edit = text.find("增加：“和治理”").expect("the edit is listed");
    let next = text[edit..]
        .find("\n    [")
        .map_or(text.len(), |k| edit + k);
    assert!(
        text[edit..next].contains("〔建议 0.9") || text[edit..next].contains("〔建议 1"),
        "{}",
        &text[edit..next]
    );
    assert!(text[edit..next].contains("修改为“为了加强青澜湖保护和治理”"));
    // No personal data.
    assert!(!text.contains("13900005678"));

    let out = t
        .lifa()
        .args([
            "diff",
            "qinglanhu",
            "v1",
            "v2",
            "--comments",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(links(&v).len() > 150);
    assert!(
        v.get("totals").is_none(),
        "diff --comments has the diff's shape only"
    );
    let plain = t
        .lifa()
        .args(["diff", "qinglanhu", "v1", "v2", "--format", "json"])
        .output()
        .unwrap();
    let p: Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert!(links(&p).is_empty());
    assert_eq!(p["summary"], v["summary"]);
}
