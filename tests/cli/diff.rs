//! `lifa diff` on the sample regulation: all four formats, the chain, loose files and manual
//! alignment overrides.

use insta_cmd::assert_cmd_snapshot;

use crate::CliTest;

fn json(t: &CliTest, args: &[&str]) -> serde_json::Value {
    let out = t.lifa().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn sample_term() {
    let t = CliTest::with_sample();
    t.settings().bind(|| {
        assert_cmd_snapshot!(
            "diff_sample_term",
            t.lifa().args(["diff", "qinglanhu", "v1", "v2"])
        );
    });
}

#[test]
fn sample_markdown() {
    let t = CliTest::with_sample();
    t.settings().bind(|| {
        assert_cmd_snapshot!(
            "diff_sample_md",
            t.lifa()
                .args(["diff", "qinglanhu", "v1", "v2", "--format", "md"])
        );
    });
}

#[test]
fn sample_html() {
    let t = CliTest::with_sample();
    t.settings().bind(|| {
        assert_cmd_snapshot!(
            "diff_sample_html",
            t.lifa()
                .args(["diff", "qinglanhu", "v1", "v2", "--format", "html"])
        );
    });
}

#[test]
fn sample_json() {
    let t = CliTest::with_sample();
    t.settings().bind(|| {
        assert_cmd_snapshot!(
            "diff_sample_json",
            t.lifa()
                .args(["diff", "qinglanhu", "v1", "v2", "--format", "json"])
        );
    });
}

#[test]
fn sample_chain() {
    let t = CliTest::with_sample();
    t.settings().bind(|| {
        assert_cmd_snapshot!(
            "diff_sample_all_md",
            t.lifa()
                .args(["diff", "qinglanhu", "--all", "--format", "md"])
        );
    });
    let c = json(&t, &["diff", "qinglanhu", "--all", "--format", "json"]);
    let versions: Vec<&str> = c["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_str().unwrap())
        .collect();
    assert_eq!(versions, ["v1", "v2", "v3"]);
    // Every article of every version appears in exactly one row.
    for (k, n) in [(0, 67), (1, 71), (2, 72)] {
        let present = c["rows"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| !r["cells"][k].is_null())
            .count();
        assert_eq!(present, n, "version {k}");
    }
}

#[test]
fn default_compares_the_last_two_versions() {
    let t = CliTest::with_sample();
    let d = json(&t, &["diff", "qinglanhu", "--format", "json"]);
    assert_eq!(d["from"]["version"], "v2");
    assert_eq!(d["to"]["version"], "v3");
    // Stage names work as version ids too.
    let d = json(
        &t,
        &["diff", "qinglanhu", "一审稿", "二审稿", "--format", "json"],
    );
    assert_eq!(d["from"]["version"], "v1");
}

#[test]
fn sample_first_to_second_reading_matches_the_change_list() {
    let t = CliTest::with_sample();
    let d = json(&t, &["diff", "qinglanhu", "v1", "v2", "--format", "json"]);
    let s = &d["summary"];
    assert!(s["edits"].as_u64().unwrap() >= 100, "{s}");
    assert_eq!(s["articles_added"], 7); // 6 new articles + the part split off old 第二十五条
    assert_eq!(s["articles_deleted"], 3); // 2 deleted + old 第三十条/第三十一条 merged
    assert_eq!(s["articles_moved"], 1);
    assert_eq!(s["articles_split"], 1);
    assert_eq!(s["articles_merged"], 1);
    assert_eq!(s["articles_consequential"], 4);
    let moved: Vec<_> = d["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["moved"] == true)
        .map(|a| {
            (
                a["from"]["number"].as_u64().unwrap(),
                a["to"]["number"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(moved, [(37, 44)]);
    // Edit ids are stable across runs and unique.
    let again = json(&t, &["diff", "qinglanhu", "v1", "v2", "--format", "json"]);
    assert_eq!(d, again);
    let mut ids: Vec<&str> = d["articles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| {
            a["edits"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["id"].as_str().unwrap())
        })
        .collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n);
}

#[test]
fn loose_files() {
    let t = CliTest::new();
    t.write(
        "old.md",
        "第一条　为了保护湖泊，制定本条例。\n\n第二条　单位应当报告。\n",
    );
    t.write("new.md", "# 条例\n\n第一条　为了保护湖泊，制定本条例。\n\n第二条　新增一条。\n\n第三条　单位必须报告。\n");
    let d = json(&t, &["diff", "old.md", "new.md", "--format", "json"]);
    assert_eq!(d["from"]["version"], "old");
    assert_eq!(d["regulation"], serde_json::Value::Null);
    assert_eq!(d["summary"]["articles_added"], 1);
    assert_eq!(d["summary"]["articles_modified"], 1);
    t.settings().bind(|| {
        assert_cmd_snapshot!(
            "diff_loose_term",
            t.lifa().args(["diff", "old.md", "new.md"])
        );
    });
}

#[test]
fn manual_alignment_overrides_are_applied_and_shown() {
    let t = CliTest::with_sample();
    // Staff decide that old 第二十二条 (deleted by lifa) is not deleted but became new 第二十三条,
    // and that new 第八条 is new even if lifa had matched it.
    t.write(
        "drafts/qinglanhu/alignment.toml",
        "# 人工对齐\n[[match]]\nfrom = \"v1\"\nto = \"v2\"\nold = \"第二十二条\"\nnew = \"第二十三条\"\nnote = \"节水并入\"\n",
    );
    let d = json(&t, &["diff", "qinglanhu", "v1", "v2", "--format", "json"]);
    let row = d["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["from"]["label"] == "第二十二条")
        .unwrap();
    assert_eq!(row["to"]["label"], "第二十三条");
    assert_eq!(row["manual"], true);
    assert_eq!(d["summary"]["articles_manual"], 1);
    // Other version pairs are untouched.
    let d = json(&t, &["diff", "qinglanhu", "v2", "v3", "--format", "json"]);
    assert_eq!(d["summary"]["articles_manual"], 0);
    let out = t
        .lifa()
        .args(["diff", "qinglanhu", "v1", "v2"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("第二十二条 → 第二十三条  〔修改；条号变化；人工对齐〕")
    );
}

#[test]
fn writes_to_a_file() {
    let t = CliTest::with_sample();
    let out = t
        .lifa()
        .args([
            "diff",
            "qinglanhu",
            "--format",
            "html",
            "--out",
            "对照表.html",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(t.root().join("对照表.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<ins>"));
}
