//! Contact points written two ways (`comments/contact-points.toml`): counted, filtered,
//! searched and answered as one point once the table says so, pointed out until it does.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::{CliTest, repo};

const FULL: &str = "澜湖区湖滨街道基层立法联系点";
const SHORT: &str = "湖滨街道基层立法联系点";
const TABLE: &str = "comments/contact-points.toml";

fn by_source(t: &CliTest, args: &[&str]) -> (BTreeMap<String, u64>, String) {
    let out = t.ok(t
        .lifa()
        .args(["comments", "qinglanhu", "--stats", "--format", "json"])
        .args(args));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let counts = v["by_source"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_string(),
                r["comments"].as_u64().unwrap(),
            )
        })
        .collect();
    (counts, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Comments listed under `source` whose text holds `q`, counted from `lifa comments`.
fn holding(t: &CliTest, source: &str, q: &str) -> u64 {
    let out = t.ok(t
        .lifa()
        .args(["comments", "qinglanhu", "--each", "--format", "json"]));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["comments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["source"] == source && c["text"].as_str().unwrap().contains(q))
        .count() as u64
}

fn search_json(t: &CliTest, args: &[&str]) -> Value {
    let out = t.ok(t.lifa().args(["search", "--format", "json"]).args(args));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_point_written_two_ways_is_pointed_out_until_the_table_joins_it() {
    let t = CliTest::with_sample_comments();
    std::fs::remove_file(t.root().join(TABLE)).unwrap();

    // Without the table the sheets' own names are counted apart, and staff are told why.
    let (apart, told) = by_source(&t, &[]);
    assert_eq!((apart[FULL], apart[SHORT]), (142, 3), "{apart:?}");
    assert_eq!(apart.len(), 8);
    assert!(
        told.contains(&format!("“{SHORT}” 与 “{FULL}”")) && told.contains(TABLE),
        "{told}"
    );
    let v = search_json(&t, &["的"]);
    assert_eq!(v["facets"]["source"][SHORT], holding(&t, SHORT, "的"));
    assert_eq!(v["facets"]["source"][FULL], holding(&t, FULL, "的"));

    // With the repository's table: one point, every figure from the same comments.
    std::fs::copy(repo().join(TABLE), t.root().join(TABLE)).unwrap();
    let (joined, told) = by_source(&t, &[]);
    assert_eq!(joined[FULL], 145);
    assert!(!joined.contains_key(SHORT));
    assert_eq!(joined.len(), 7);
    assert_eq!(joined.values().sum::<u64>(), apart.values().sum::<u64>());
    assert!(!told.contains("提示"), "{told}");

    // The index answers under the point's name without being rebuilt, and its facets are the
    // store's counts.
    let v = search_json(&t, &["湖", "--limit", "1000"]);
    let source = v["facets"]["source"].as_object().unwrap();
    assert!(!source.contains_key(SHORT), "{source:?}");
    assert_eq!(source[FULL], holding(&t, FULL, "湖"));
    let v = search_json(&t, &["的", "--limit", "1000"]);
    assert_eq!(v["facets"]["source"][FULL], holding(&t, FULL, "的"));
    // The hits (read back from the batch files as written) carry the point's name too.
    let hits = v["hits"].as_array().unwrap();
    let texts: Vec<&str> = hits.iter().map(|h| h["text"].as_str().unwrap()).collect();
    assert!(texts.iter().any(|t| t.starts_with("禁渔期我们业余钓鱼的")));
    assert!(hits.iter().all(|h| h["source"].as_str() != Some(SHORT)));
}

#[test]
fn any_name_of_a_point_finds_it_and_it_gets_one_letter() {
    let t = CliTest::with_sample_comments();
    t.write(
        TABLE,
        format!(
            "[[point]]\nname = \"{FULL}\"\naliases = [\"{SHORT}\", \"湖滨点\"]\n\n\
             [[point]]\nname = \"青澜市人大代表之家联络站\"\n"
        ),
    );
    // `--source` with a name only the table knows.
    let (picked, _) = by_source(&t, &["--source", "湖滨点"]);
    assert_eq!(picked, BTreeMap::from([(FULL.to_string(), 145)]));
    let v = search_json(&t, &["湖", "--source", "湖滨点"]);
    let facets = v["facets"]["source"].as_object().unwrap();
    assert_eq!(facets.keys().collect::<Vec<_>>(), vec![FULL]);
    assert_eq!(v["total"], facets[FULL]);

    // One feedback letter per point, under its name.
    let out = t.ok(t
        .lifa()
        .args(["report", "qinglanhu", "--kind", "feedback", "--out", "反馈"]));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("提示"));
    let mut letters: Vec<String> = std::fs::read_dir(t.root().join("反馈"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    letters.sort();
    assert_eq!(letters.len(), 7, "{letters:?}");
    assert!(letters.contains(&format!("{FULL}.md")));
    assert!(!letters.iter().any(|n| n.starts_with(SHORT)));
    let letter = std::fs::read_to_string(t.root().join(format!("反馈/{FULL}.md"))).unwrap();
    assert!(
        letter.contains("145"),
        "{}",
        &letter[..letter.len().min(600)]
    );
}

#[test]
fn a_broken_table_is_refused_with_its_line_and_nothing_is_written() {
    let t = CliTest::with_sample_comments();
    t.write(
        TABLE,
        format!(
            "[[point]]\nname = \"{FULL}\"\naliases = [\"{SHORT}\"]\n\n\
             [[point]]\nname = \"东岸县渔业村基层立法联系点\"\naliases = [\"{SHORT}\"]\n"
        ),
    );
    let out = t
        .lifa()
        .args(["report", "qinglanhu", "--out", "报告"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("contact-points.toml:7: 联系点名称设置有误")
            && err.contains(&format!("“{SHORT}”在第 3 行已经写过")),
        "{err}"
    );
    assert!(!t.root().join("报告").exists());
    for args in [
        &["comments", "qinglanhu", "--stats"][..],
        &["search", "湖"][..],
    ] {
        let out = t.lifa().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("contact-points.toml:7:"));
    }
    // Recording a disposition does not count by contact point: a broken table does not stop it.
    let batches = t.root().join("comments/qinglanhu/batches");
    let file = std::fs::read_dir(&batches)
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(file).unwrap();
    let first: Value = serde_json::from_str(text.lines().nth(1).unwrap()).unwrap();
    let id = first["id"].as_str().unwrap();
    t.ok(t
        .lifa()
        .args(["decide", "qinglanhu", id, "--status", "采纳"]));
}

#[test]
fn an_import_points_out_a_new_way_of_writing_a_known_point() {
    let t = CliTest::with_sample();
    let upload = repo().join("tests/fixtures/uploads/hubin-2026-04.csv");
    let out = t.ok(t
        .lifa()
        .args(["import", "qinglanhu", "--draft", "v1"])
        .arg(&upload));
    let told = String::from_utf8_lossy(&out.stderr);
    assert!(told.contains(&format!("“{SHORT}” 与 “{FULL}”")), "{told}");

    // Once the table joins them, the next import says nothing about it.
    std::fs::copy(repo().join(TABLE), t.root().join(TABLE)).unwrap();
    let more = repo().join("tests/fixtures/uploads/lvxie-2026-05.csv");
    let out = t.ok(t
        .lifa()
        .args(["import", "qinglanhu", "--draft", "v1"])
        .arg(&more));
    let told = String::from_utf8_lossy(&out.stderr);
    assert!(!told.contains("联系点名称可能"), "{told}");
}

/// A batch taken out of the store takes its names out of the import's hint, though the index
/// still holds them in its table of names.
#[test]
fn names_of_a_removed_batch_are_not_pointed_out() {
    let t = CliTest::with_sample();
    let import = |f: &str| {
        let out = t.ok(t
            .lifa()
            .args(["import", "qinglanhu", "--draft", "v1"])
            .arg(repo().join("tests/fixtures/uploads").join(f)));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert!(import("hubin-2026-04.csv").contains(&format!("“{SHORT}” 与 “{FULL}”")));
    let batches = t.root().join("comments/qinglanhu/batches");
    for e in std::fs::read_dir(&batches).unwrap().flatten() {
        std::fs::remove_file(e.path()).unwrap();
    }
    let told = import("lvxie-2026-05.csv");
    assert!(!told.contains("联系点名称可能"), "{told}");
    // The index did keep the removed comments' names (as dead rows).
    let idx = lifa::index::SearchIndex::open(&lifa::workspace::Workspace::new(t.root())).unwrap();
    let cols = idx.columns().unwrap();
    assert!(cols.has_dead() && cols.sources.iter().any(|s| s == SHORT));
}
