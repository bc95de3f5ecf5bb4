//! The record of a store's opinion groups (`index/groups/<reg>.bin`): written by the import and
//! by whatever groups the store, taken by `lifa comments`, `lifa report` and the index instead
//! of grouping again, and only for the very batches it was made from.

use std::path::PathBuf;

use lifa::group::{Group, GroupKind, Grouping, group};
use lifa::index::groups;
use lifa::store::Store;
use lifa::workspace::Workspace;
use serde_json::Value;

use crate::{CliTest, repo};

const RECORD: &str = "index/groups/qinglanhu.bin";

/// (comments, opinions, duplicate comments, campaign comments) from `lifa comments --stats`.
fn stats(t: &CliTest) -> (u64, u64, u64, u64) {
    let out = t.ok(t
        .lifa()
        .args(["comments", "qinglanhu", "--stats", "--format", "json"]));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let n = |v: &Value| v.as_u64().unwrap();
    (
        n(&v["total"]["comments"]),
        n(&v["total"]["opinions"]),
        n(&v["duplicate_comments"]),
        n(&v["campaign_comments"]),
    )
}

/// Opinions among the comments `lifa search` finds for 的.
fn searched_opinions(t: &CliTest) -> u64 {
    let out = t.ok(t.lifa().args(["search", "的", "--format", "json"]));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["opinions"].as_u64().unwrap()
}

/// The grouping of the stored texts, computed here.
fn grouped_now(ws: &Workspace) -> Grouping {
    let texts: Vec<String> = Store::open(ws, "qinglanhu")
        .comments()
        .unwrap()
        .into_iter()
        .map(|c| c.text)
        .collect();
    group(&texts.iter().map(String::as_str).collect::<Vec<_>>())
}

/// Records, for the batches as they are, a grouping in which every comment stands alone: a
/// command that takes the record then counts as many opinions as comments.
fn record_all_apart(ws: &Workspace) {
    let (comments, keys) = Store::open(ws, "qinglanhu").comments_and_keys().unwrap();
    let apart = Grouping {
        group_of: (0..comments.len() as u32).collect(),
        groups: (0..comments.len() as u32)
            .map(|i| Group {
                members: vec![i],
                kind: GroupKind::Single,
            })
            .collect(),
    };
    groups::save(&ws.root.join("index"), "qinglanhu", &keys, &apart);
}

fn first_batch(t: &CliTest) -> PathBuf {
    let mut files = Store::open(&Workspace::new(t.root()), "qinglanhu")
        .files()
        .unwrap();
    files.sort();
    files.remove(0)
}

#[test]
fn the_record_of_groups_is_taken_only_for_the_batches_it_was_made_from() {
    let t = CliTest::with_sample_comments();
    let ws = Workspace::new(t.root());
    let record = t.root().join(RECORD);
    assert!(!record.exists());

    // The first command groups the store, and records it.
    let grouped = stats(&t);
    assert_eq!(grouped, (567, 508, 59, 45));
    assert!(record.exists());
    let (keys, recorded) = groups::read(&ws.root.join("index"), "qinglanhu").unwrap();
    assert_eq!(recorded, grouped_now(&ws));
    assert_eq!(keys.iter().map(|k| k.comments).sum::<usize>(), 567);
    assert_eq!(stats(&t), grouped);

    // The next ones take the record: one that says every comment stands apart is believed…
    record_all_apart(&ws);
    assert_eq!(stats(&t), (567, 567, 0, 0));

    // …until a batch file changes, even by one character of the same length: the store is
    // grouped again, and the record replaced.
    let batch = first_batch(&t);
    let text = std::fs::read_to_string(&batch).unwrap();
    let at = text.find("建议").expect("a comment with 建议");
    let edited = format!("{}提议{}", &text[..at], &text[at + "建议".len()..]);
    assert_eq!(edited.len(), text.len());
    std::fs::write(&batch, &edited).unwrap();
    let regrouped = stats(&t);
    let now = grouped_now(&ws);
    assert_eq!(regrouped.1, now.groups.len() as u64);
    assert_ne!(regrouped.1, 567);
    assert_eq!(
        groups::read(&ws.root.join("index"), "qinglanhu").unwrap().1,
        now
    );

    // A damaged record is passed over: one that says every comment stands apart is believed
    // while intact, and not once one bit of it is flipped.
    record_all_apart(&ws);
    assert_eq!(stats(&t).1, 567);
    let mut bytes = std::fs::read(&record).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&record, &bytes).unwrap();
    assert_eq!(stats(&t), regrouped);
    assert_ne!(stats(&t).1, 567);
}

#[test]
fn an_import_records_its_grouping_and_a_rebuild_takes_it() {
    let t = CliTest::with_sample();
    let ws = Workspace::new(t.root());
    let u = repo().join("tests/fixtures/uploads");
    for f in ["hubin-2026-04.csv", "online-2026-05.jsonl"] {
        t.ok(t
            .lifa()
            .args(["import", "qinglanhu"])
            .arg(u.join(f))
            .args(["--draft", "v1"]));
        // Each import records the grouping of the whole store, as it now is.
        let (keys, recorded) = groups::read(&ws.root.join("index"), "qinglanhu").unwrap();
        let (comments, now) = Store::open(&ws, "qinglanhu").comments_and_keys().unwrap();
        assert_eq!(keys, now);
        assert_eq!(recorded.group_of.len(), comments.len());
        assert_eq!(recorded, grouped_now(&ws));
    }
    let opinions = searched_opinions(&t);

    // `lifa index --rebuild` keeps the record and takes it (here, one made to differ)…
    record_all_apart(&ws);
    t.ok(t.lifa().args(["index", "--rebuild"]));
    assert!(t.root().join(RECORD).exists());
    let apart = searched_opinions(&t);
    assert!(apart > opinions, "{apart} > {opinions}");

    // …and deleting index/ loses nothing: the store is grouped again.
    std::fs::remove_dir_all(t.root().join("index")).unwrap();
    t.ok(t.lifa().arg("index"));
    assert_eq!(searched_opinions(&t), opinions);
    assert_eq!(
        groups::read(&ws.root.join("index"), "qinglanhu").unwrap().1,
        grouped_now(&ws)
    );
}
