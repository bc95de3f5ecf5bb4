//! `lifa decide`: dispositions from the command line and from the sheet staff keep.

use serde_json::Value;

use crate::{CliTest, repo};

fn sample() -> CliTest {
    CliTest::with_sample_comments()
}

fn comments(t: &CliTest, args: &[&str]) -> Value {
    let out = t
        .lifa()
        .args(["comments", "qinglanhu", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn decide(t: &CliTest, args: &[&str]) -> std::process::Output {
    t.lifa()
        .args(["decide", "qinglanhu"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_disposition_sheet_is_imported_and_the_last_decision_wins() {
    let t = sample();
    let sheet = repo().join("tests/fixtures/uploads/dispositions.csv");
    let out = decide(&t, &["--sheet", sheet.to_str().unwrap(), "--by", "法工委"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("采纳 250，部分采纳 5，已在他条体现 54，未采纳 233，待研究 25"),
        "{stdout}"
    );
    assert_eq!(comments(&t, &["--status", "采纳"])["total"], 250);

    // A later decision on one comment wins; the earlier line stays in the log.
    let first = comments(&t, &["--status", "采纳"])["comments"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let out = decide(
        &t,
        &[
            &first,
            "--status",
            "未采纳",
            "--reason",
            "超出本条例调整范围",
        ],
    );
    assert!(out.status.success());
    assert_eq!(comments(&t, &["--status", "采纳"])["total"], 249);
    let log = std::fs::read_to_string(t.root().join("comments/qinglanhu/decisions.jsonl")).unwrap();
    assert_eq!(log.lines().count(), 568);
    assert_eq!(log.lines().filter(|l| l.contains(&first)).count(), 2);

    // Re-importing the comments changes nothing about their dispositions.
    let u = repo().join("tests/fixtures/uploads/hubin-2026-04.csv");
    let out = t
        .lifa()
        .args(["import", "qinglanhu"])
        .arg(&u)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("已全部在意见库中"));
    assert_eq!(comments(&t, &["--status", "采纳"])["total"], 249);
    assert_eq!(comments(&t, &["--status", "未采纳"])["total"], 234);
}

#[test]
fn a_group_decision_covers_every_copy() {
    let t = sample();
    let v = comments(&t, &[]);
    let campaign = v["comments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["group"] == "campaign")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let out = decide(
        &t,
        &[
            &campaign,
            "--status",
            "已在他条体现",
            "--group",
            "--where",
            "二审稿第十五条",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = comments(&t, &["--status", "已在他条体现"]);
    assert_eq!(v["total"], 45);
    assert!(
        v["comments"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["group"] == "campaign")
    );
}

#[test]
fn a_sheet_with_bad_rows_changes_nothing() {
    let t = sample();
    let sheet = t.write(
        "表.csv",
        "编号,来源文件,采纳情况,理由\n1,hubin-2026-04.csv,采纳,\n2,hubin-2026-04.csv,大概采纳吧,\n999,hubin-2026-04.csv,采纳,\n1,,未采纳,\n",
    );
    let out = decide(&t, &["--sheet", sheet.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("第 3 行“采纳情况”列：“大概采纳吧”"), "{err}");
    assert!(
        err.contains("第 4 行：找不到文件“hubin-2026-04.csv”中编号为“999”"),
        "{err}"
    );
    assert!(err.contains("第 5 行：编号“1”对应 2 条意见"), "{err}");
    assert!(!t.root().join("comments/qinglanhu/decisions.jsonl").exists());
}

/// The 意见采纳情况表 that `lifa report` writes is the sheet staff edit and hand back: read
/// back unchanged it records the same disposition for every comment. Its 编号 is the batch's
/// own number where that names one comment, else lifa's id (the sample's batches from
/// different contact points share numbers such as 4).
#[test]
fn the_disposition_workbook_reads_back_as_it_was_written() {
    let t = sample();
    std::fs::copy(
        repo().join("comments/qinglanhu/decisions.jsonl"),
        t.root().join("comments/qinglanhu/decisions.jsonl"),
    )
    .unwrap();
    let status = |t: &CliTest| -> Vec<(String, String)> {
        comments(t, &["--each"])["comments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["id"].as_str().unwrap().to_string(),
                    c["status"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let before = status(&t);
    let sheet = t.root().join("意见采纳情况表.xlsx");
    t.ok(t
        .lifa()
        .args(["report", "qinglanhu", "--kind", "disposition", "--out"])
        .arg(&sheet));
    let rows = crate::sheet_rows(&sheet);
    assert!(
        rows[2..].iter().any(|r| !r[0].starts_with('c')),
        "batch numbers kept"
    );
    let out = decide(&t, &["--sheet", sheet.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(status(&t), before);
}
