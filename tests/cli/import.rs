//! `lifa import` and `lifa comments`: every format and encoding, bad rows, idempotence, crash
//! safety, the sample uploads of six contact points.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use insta_cmd::assert_cmd_snapshot;
use serde_json::Value;

use crate::{CliTest, repo};

/// The same six comments, as a contact point would fill in a sheet.
const HEADER: [&str; 9] = [
    "序号",
    "条款",
    "意见内容",
    "提出人",
    "提出人类型",
    "联系点",
    "渠道",
    "日期",
    "联系方式",
];
const ROWS: [[&str; 9]; 6] = [
    [
        "1",
        "第十二条",
        "建议第十二条明确划界立桩的完成时限，公布界桩位置，方便群众监督。",
        "周丽萍",
        "群众",
        "澜湖区湖滨街道基层立法联系点",
        "面对面",
        "2026/4/8",
        "13900003301",
    ],
    [
        "2",
        "",
        "湖边烧烤的人太多，垃圾乱扔，建议第三十六条把露天烧烤也列入禁止行为，罚款，再写上“屡教不改的从重处罚”。",
        "彭志刚",
        "群众",
        "澜湖区湖滨街道基层立法联系点",
        "掌上",
        "2026年4月9日",
        "",
    ],
    [
        "3",
        "第十四条第（三）项",
        "围网养殖只在一级保护区禁止不够，建议扩大到二级保护区，并规定现有围网的退出补偿办法。",
        "王建国",
        "人大代表",
        "澜湖区湖滨街道基层立法联系点",
        "座谈会",
        "2026-04-10",
        "0571-88001234",
    ],
    [
        "4",
        "第20条",
        "第二十条“生态补偿”过于原则，建议授权市人民政府制定具体办法，并明确补偿资金来源。",
        "青澜大学 李华",
        "专家",
        "青澜大学法学院基层立法联系点",
        "屏对屏",
        "2026.4.11",
        "lihua@example.com",
    ],
    [
        "5",
        "第三章",
        "第三章对农业面源污染规定较少，建议增加化肥农药减量使用的条款。",
        "",
        "部门",
        "东岸县农业农村局",
        "信函",
        "20260412",
        "",
    ],
    [
        "6",
        "总体",
        "条例很好，希望尽快出台。",
        "匿名",
        "群众",
        "西溪县白沙河社区基层立法联系点",
        "问卷",
        "2026/4/12",
        "",
    ],
];

fn csv_text(sep: &str) -> String {
    let mut s = String::new();
    for r in std::iter::once(&HEADER).chain(ROWS.iter()) {
        let cells: Vec<String> = r
            .iter()
            .map(|c| {
                if c.contains([',', '"']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.to_string()
                }
            })
            .collect();
        s.push_str(&cells.join(","));
        s.push_str(sep);
    }
    s
}

fn xlsx_bytes() -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("意见汇总").unwrap();
    // A title row above the header, as offices do.
    ws.write_string(0, 0, "青澜湖保护条例（草案）意见汇总表")
        .unwrap();
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy/m/d");
    for (c, h) in HEADER.iter().enumerate() {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    for (r, row) in ROWS.iter().enumerate() {
        let r = r as u32 + 2;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            if v.is_empty() {
                continue;
            }
            if c == 0 {
                ws.write_number(r, c, v.parse::<f64>().unwrap()).unwrap();
            } else if c == 7 && r.is_multiple_of(2) {
                // Half the dates as real date cells, half as typed text.
                let d = lifa::comment::Date::parse(v).unwrap();
                let dt = rust_xlsxwriter::ExcelDateTime::from_ymd(d.year, d.month, d.day).unwrap();
                ws.write_datetime_with_format(r, c, &dt, &date).unwrap();
            } else {
                ws.write_string(r, c, *v).unwrap();
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

fn jsonl_text() -> String {
    let keys = [
        "id", "article", "text", "name", "kind", "source", "channel", "date", "contact",
    ];
    ROWS.iter()
        .map(|r| {
            let obj: serde_json::Map<String, Value> = keys
                .iter()
                .zip(r)
                .map(|(k, v)| {
                    let v = if v.is_empty() {
                        Value::Null
                    } else {
                        Value::String(v.to_string())
                    };
                    (k.to_string(), v)
                })
                .collect();
            serde_json::to_string(&obj).unwrap() + "\n"
        })
        .collect()
}

fn comments_json(t: &CliTest, extra: &[&str]) -> Value {
    let out = t
        .lifa()
        .args(["comments", "qinglanhu", "--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn import(t: &CliTest, args: &[&str]) -> std::process::Output {
    t.lifa()
        .arg("import")
        .arg("qinglanhu")
        .args(args)
        .output()
        .unwrap()
}

fn batch_files(t: &CliTest) -> BTreeSet<String> {
    let dir = t.root().join("comments/qinglanhu/batches");
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The stored records with what legitimately differs between uploads (batch, row) removed.
fn records(t: &CliTest) -> Vec<Value> {
    let v = comments_json(t, &["--include-personal"]);
    v["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let mut c = c.clone();
            let o = c.as_object_mut().unwrap();
            o.remove("batch");
            o.remove("row");
            c
        })
        .collect()
}

#[test]
fn every_format_and_encoding_imports_to_the_same_records() {
    let utf8 = csv_text("\r\n");
    let (gbk, _, _) = encoding_rs::GBK.encode(&utf8);
    let lf = csv_text("\n");
    let (gb18030, _, _) = encoding_rs::GB18030.encode(&lf);
    let uploads: Vec<(&str, Vec<u8>)> = vec![
        ("utf8.csv", utf8.clone().into_bytes()),
        (
            "bom.csv",
            [b"\xEF\xBB\xBF".as_slice(), utf8.as_bytes()].concat(),
        ),
        ("gbk.csv", gbk.into_owned()),
        ("gb18030.csv", gb18030.into_owned()),
        ("sheet.xlsx", xlsx_bytes()),
        ("lines.jsonl", jsonl_text().into_bytes()),
    ];
    let mut first: Option<Vec<Value>> = None;
    for (name, bytes) in uploads {
        let t = CliTest::with_sample();
        let path = t.write(name, &bytes);
        let out = import(&t, &[path.to_str().unwrap(), "--draft", "v1"]);
        assert!(
            out.status.success(),
            "{name}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let recs = records(&t);
        assert_eq!(recs.len(), 6, "{name}");
        match &first {
            None => first = Some(recs),
            Some(f) => assert_eq!(&recs, f, "{name} differs from utf8.csv"),
        }
    }
    let recs = first.unwrap();
    // The fields came through normalised.
    assert_eq!(recs[0]["received"], "2026-04-08");
    assert_eq!(recs[1]["received"], "2026-04-09");
    assert_eq!(recs[4]["received"], "2026-04-12");
    assert_eq!(recs[2]["submitter"]["kind"], "deputy");
    assert_eq!(recs[3]["channel"], "video");
    assert_eq!(recs[0]["ref"], "1");
    assert_eq!(recs[4]["source"], "东岸县农业农村局");
    assert_eq!(recs[5]["submitter"]["name"], "匿名");
}

#[test]
fn a_batch_with_bad_rows_is_refused_with_its_row_numbers() {
    let t = CliTest::with_sample();
    let bad = repo().join("tests/fixtures/uploads/bad-rows.csv");
    std::fs::copy(&bad, t.root().join("bad-rows.csv")).unwrap();
    t.settings().bind(|| {
        assert_cmd_snapshot!(t.lifa().args(["import", "qinglanhu", "bad-rows.csv"]));
    });
    assert!(batch_files(&t).is_empty(), "nothing may be stored");
    // --dry-run with --skip-invalid previews and writes nothing, not even the refused rows.
    let out = import(&t, &["bad-rows.csv", "--skip-invalid", "--dry-run"]);
    assert!(out.status.success());
    assert!(batch_files(&t).is_empty());
    assert!(!t.root().join("bad-rows.未通过.csv").exists());
    // --skip-invalid stores the 8 good rows and writes the 4 bad ones beside the upload.
    let out = import(&t, &["bad-rows.csv", "--skip-invalid"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(batch_files(&t).len(), 1);
    assert_eq!(comments_json(&t, &[])["total"], 8);
    let refused = std::fs::read_to_string(t.root().join("bad-rows.未通过.csv")).unwrap();
    let rows: Vec<&str> = refused
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(rows, ["5", "8", "10", "12"]);
    assert!(
        refused.starts_with("\u{feff}原行号,问题,序号,条款,意见内容"),
        "{refused}"
    );
    assert!(refused.contains("外星人"));
}

#[test]
fn the_same_batch_twice_adds_nothing() {
    let t = CliTest::with_sample();
    let p = t.write("湖滨.csv", csv_text("\r\n"));
    let out = import(&t, &[p.to_str().unwrap()]);
    assert!(out.status.success());
    let files = batch_files(&t);
    assert_eq!(files.len(), 1);
    let before = std::fs::read(
        t.root()
            .join("comments/qinglanhu/batches")
            .join(files.first().unwrap()),
    )
    .unwrap();

    // The same file, then the same rows re-saved as GBK in another order: nothing added.
    let out = import(&t, &[p.to_str().unwrap()]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("已全部在意见库中"), "{stdout}");
    let text = csv_text("\n");
    let mut lines: Vec<&str> = text.lines().collect();
    lines[1..].reverse();
    let reordered = lines.join("\r\n") + "\r\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(&reordered);
    let q = t.write("湖滨-GBK.csv", gbk);
    let out = import(&t, &[q.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("已全部在意见库中"));
    assert_eq!(batch_files(&t), files);
    let after = std::fs::read(
        t.root()
            .join("comments/qinglanhu/batches")
            .join(files.first().unwrap()),
    )
    .unwrap();
    assert_eq!(before, after);
    assert_eq!(comments_json(&t, &[])["total"], 6);

    // A later export of the same sheet with two more rows adds just those two.
    let mut more = csv_text("\n");
    more.push_str("7,第五十条,建议第五十条对违法排污的罚款与上位法衔接。,赵敏,专家,青澜大学法学院基层立法联系点,座谈会,2026/4/20,\n");
    more.push_str("8,,湖边停车难，建议规划停车场。,钱伟,群众,澜湖区湖滨街道基层立法联系点,面对面,2026/4/21,\n");
    let r = t.write("湖滨-续.csv", more);
    let out = import(&t, &[r.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("其中 6 条此前已导入"), "{stdout}");
    assert_eq!(batch_files(&t).len(), 2);
    assert_eq!(comments_json(&t, &[])["total"], 8);
}

#[test]
fn a_crash_between_writing_and_renaming_loses_nothing() {
    use lifa::store::{Batch, BatchMeta, Store, batch_id};
    let t = CliTest::with_sample();
    let p = t.write("a.csv", csv_text("\n"));
    assert!(import(&t, &[p.to_str().unwrap()]).status.success());
    let ws = lifa::workspace::Workspace::new(t.root());
    let store = Store::open(&ws, "qinglanhu");
    let before = store.comments().unwrap();
    assert_eq!(before.len(), 6);

    // A second batch is written to disk and flushed, then the process "dies" before the
    // rename: the staged file is left behind exactly as a killed process would leave it.
    let mut extra = before[0].clone();
    extra.text = "建议在湖区入口设置保护范围示意图。".into();
    lifa::intake::validate::assign_ids(std::slice::from_mut(&mut extra));
    let comments = vec![extra];
    let id = batch_id(&comments);
    let batch = Batch {
        meta: BatchMeta {
            id: id.clone(),
            regulation: "qinglanhu".into(),
            file: "b.csv".into(),
            format: "CSV".into(),
            encoding: None,
            sheet: None,
            file_hash: "0".into(),
            imported_at: lifa::store::now_rfc3339(),
            rows: 1,
            comments: 1,
        },
        comments,
    };
    let staged = store.stage(&batch).unwrap();
    std::mem::forget(staged);
    let leftovers: Vec<_> = std::fs::read_dir(store.dir())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp-"))
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "the half-done import left its temp file"
    );

    // The store is exactly as before: the staged batch is not part of it.
    assert_eq!(store.comments().unwrap(), before);
    assert!(!store.contains(&id));
    assert_eq!(comments_json(&t, &[])["total"], 6);

    // The next import cleans up and works.
    let q = t.write("b.csv", "序号,意见内容,提出人类型,联系点,渠道,日期\n1,建议在湖区入口设置保护范围示意图。,群众,湖滨,面对面,2026-05-01\n");
    assert!(import(&t, &[q.to_str().unwrap()]).status.success());
    assert_eq!(comments_json(&t, &[])["total"], 7);
    assert!(
        std::fs::read_dir(store.dir())
            .unwrap()
            .flatten()
            .all(|e| !e.file_name().to_string_lossy().starts_with(".tmp-"))
    );

    // A truncated batch file (a disk that lied) is reported, not silently half-read.
    let f = store.path_of(
        batch_files(&t)
            .iter()
            .next()
            .unwrap()
            .trim_end_matches(".jsonl"),
    );
    let text = std::fs::read_to_string(&f).unwrap();
    let cut: String = text.lines().take(3).map(|l| format!("{l}\n")).collect();
    std::fs::write(&f, cut).unwrap();
    let out = t.lifa().args(["comments", "qinglanhu"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("文件不完整") && err.contains(".jsonl"),
        "{err}"
    );
}

#[test]
fn dry_run_shows_and_writes_nothing() {
    let t = CliTest::with_sample();
    let p = t.write("a.csv", csv_text("\n"));
    let out = import(&t, &[p.to_str().unwrap(), "--dry-run"]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("试运行") && stdout.contains("第 2 行"),
        "{stdout}"
    );
    assert!(!t.root().join("comments").exists());
}

#[test]
fn batch_wide_values_and_header_mapping() {
    let t = CliTest::with_sample();
    let p = t.write(
        "渔业村.csv",
        "编号,群众意见,身份\nYM-1,建议第十八条写明关停企业的补偿标准。,渔民\nYM-2,湖边增设救生圈。,群众\n",
    );
    // Without a source, channel or date the file is refused at once, naming what is missing.
    let out = import(&t, &[p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("找不到“意见内容”"), "{err}");
    let out = import(
        &t,
        &[
            p.to_str().unwrap(),
            "--map",
            "群众意见=text",
            "--source",
            "东岸县渔业村基层立法联系点",
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("没有“渠道”列") && err.contains("--channel"),
        "{err}"
    );
    let out = import(
        &t,
        &[
            p.to_str().unwrap(),
            "--map",
            "群众意见=text",
            "--source",
            "东岸县渔业村基层立法联系点",
            "--channel",
            "座谈会",
            "--date",
            "2026年5月3日",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = comments_json(&t, &[]);
    let c = &v["comments"][0];
    assert_eq!(c["source"], "东岸县渔业村基层立法联系点");
    assert_eq!(c["channel"], "forum");
    assert_eq!(c["received"], "2026-05-03");
    assert_eq!(c["submitter"]["kind"], "citizen");
    assert_eq!(
        c["draft"], "v1",
        "dated before the second reading: the first draft"
    );

    // --draft takes the stage staff say as well as the version id.
    let q = t.write(
        "渔业村-2.csv",
        "编号,意见内容,身份\nYM-3,第二十条的禁渔期应当写明起止日期。,群众\n",
    );
    let at = |draft: &str| {
        import(
            &t,
            &[
                q.to_str().unwrap(),
                "--source",
                "东岸县渔业村基层立法联系点",
                "--channel",
                "座谈会",
                "--date",
                "2026-05-03",
                "--draft",
                draft,
            ],
        )
    };
    let out = at("三审稿");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("v2（二审稿）"), "{err}");
    let out = at("二审稿");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = comments_json(&t, &[]);
    let c = v["comments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["ref"] == "YM-3")
        .unwrap();
    assert_eq!(c["draft"], "v2");
}

/// Imports the six sample uploads of the repository into a fresh workspace.
fn sample_workspace() -> CliTest {
    let t = CliTest::with_sample();
    let u = repo().join("tests/fixtures/uploads");
    let files: Vec<String> = [
        "hubin-2026-04.csv",
        "daxue-2026-04.xlsx",
        "online-2026-05.jsonl",
        "lvxie-2026-05.csv",
    ]
    .iter()
    .map(|f| u.join(f).display().to_string())
    .collect();
    let out = t
        .lifa()
        .arg("import")
        .arg("qinglanhu")
        .args(&files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = import(
        &t,
        &[
            u.join("yumincun-2026-05.csv").to_str().unwrap(),
            "--source",
            "东岸县渔业村基层立法联系点",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    t
}

fn read_tsv(path: &Path) -> Vec<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let head: Vec<&str> = lines.next().unwrap().split('\t').collect();
    lines
        .map(|l| {
            head.iter()
                .zip(l.split('\t'))
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn the_sample_uploads_count_as_their_readme_says() {
    let t = sample_workspace();
    let stats: Value = serde_json::from_slice(
        &t.lifa()
            .args(["comments", "qinglanhu", "--stats", "--format", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(stats["total"]["comments"], 567);
    let by = |key: &str| -> BTreeMap<String, u64> {
        stats[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["name"].as_str().unwrap().to_string(),
                    c["comments"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let kinds = by("by_kind");
    assert_eq!(
        (
            kinds["群众"],
            kinds["专家"],
            kinds["人大代表"],
            kinds["部门"],
            kinds["社会组织"],
            kinds["企业"]
        ),
        (344, 131, 43, 19, 15, 15)
    );
    let ch = by("by_channel");
    assert_eq!(
        (
            ch["面对面"],
            ch["网上"],
            ch["掌上"],
            ch["屏对屏"],
            ch["座谈会"],
            ch["问卷"],
            ch["信函"]
        ),
        (98, 120, 80, 31, 136, 43, 59)
    );
    let src = by("by_source");
    assert_eq!(src["澜湖区湖滨街道基层立法联系点"], 142);
    assert_eq!(src["东岸县渔业村基层立法联系点"], 92);

    // Duplicates (15 pairs) and the campaign (45 comments) are grouped; 552 distinct opinions
    // after removing punctuation and whitespace, of which the campaign is one.
    let v = comments_json(&t, &["--include-personal"]);
    let comments = v["comments"].as_array().unwrap();
    let batches: BTreeMap<String, String> = batch_files(&t)
        .into_iter()
        .map(|f| {
            let text =
                std::fs::read_to_string(t.root().join("comments/qinglanhu/batches").join(&f))
                    .unwrap();
            let meta: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
            (
                meta["lifa_batch"]["id"].as_str().unwrap().to_string(),
                meta["lifa_batch"]["file"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let find = |file: &str, r: &str| -> &Value {
        comments
            .iter()
            .find(|c| batches[c["batch"].as_str().unwrap()] == file && c["ref"] == r)
            .unwrap_or_else(|| panic!("{file} {r} not found"))
    };
    let u = repo().join("tests/fixtures/uploads");
    for pair in read_tsv(&u.join("truth-duplicates.tsv")) {
        let a = find(&pair["file_a"], &pair["ref_a"]);
        let b = find(&pair["file_b"], &pair["ref_b"]);
        assert_eq!(a["opinion"], b["opinion"], "{pair:?}");
    }
    let campaign: Vec<&Value> = read_tsv(&u.join("truth-campaign.tsv"))
        .iter()
        .map(|r| find(&r["file"], &r["ref"]))
        .collect();
    let opinions: BTreeSet<&str> = campaign
        .iter()
        .map(|c| c["opinion"].as_str().unwrap())
        .collect();
    assert_eq!(opinions.len(), 1, "the campaign is one opinion");
    assert!(
        campaign
            .iter()
            .all(|c| c["group"] == "campaign" && c["supporters"] == 45)
    );
    assert_eq!(v["opinions"], 552 - 45 + 1);
}

#[test]
fn exports_mask_personal_information_unless_asked() {
    let t = sample_workspace();
    for format in ["csv", "json", "term"] {
        let out = t
            .lifa()
            .args(["comments", "qinglanhu", "--each", "--format", format])
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(!text.contains("1390000"), "{format}: a phone number leaked");
        assert!(!text.contains("19850715"), "{format}: an ID number leaked");
        assert!(!text.contains("石小琳"), "{format}: a name leaked");
    }
    let out = t
        .lifa()
        .args([
            "comments",
            "qinglanhu",
            "--format",
            "csv",
            "--include-personal",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("13900001817") && text.contains("石小琳"));
}

#[test]
fn comments_follow_their_article_into_the_next_reading() {
    let t = sample_workspace();
    // 一审稿第三十七条 (the closed fishing season) became 二审稿第四十四条.
    let v1 = comments_json(&t, &["--article", "第三十七条"]);
    let v2 = comments_json(&t, &["--article", "第四十四条", "--version", "v2"]);
    assert!(v1["total"].as_u64().unwrap() > 0);
    assert_eq!(v1["comments"], v2["comments"]);
    // …and 二审稿第三十七条 is another article, with other comments.
    let other = comments_json(&t, &["--article", "37", "--version", "v2"]);
    assert_ne!(other["comments"], v1["comments"]);
}
