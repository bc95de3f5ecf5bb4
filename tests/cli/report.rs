//! `lifa report`: the files staff hand in, reopened with readers and checked for their content.

use std::io::Read;
use std::path::Path;

use crate::{CliTest, repo, sheet_rows};

/// The sample with its comments and the repository's dispositions (links confirmed).
fn sample() -> CliTest {
    let t = CliTest::with_sample_comments();
    std::fs::copy(
        repo().join("comments/qinglanhu/decisions.jsonl"),
        t.root().join("comments/qinglanhu/decisions.jsonl"),
    )
    .unwrap();
    t
}

fn part(path: &Path, name: &str) -> String {
    let f = std::fs::File::open(path).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn report(t: &CliTest, args: &[&str]) -> String {
    let out = t.ok(t.lifa().args(["report", "qinglanhu"]).args(args));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_whole_set_is_written_and_reopens() {
    let t = sample();
    let dir = t.root().join("报告");
    let printed = report(&t, &["--out", dir.to_str().unwrap()]);
    for name in [
        "条文对照表.docx",
        "条文对照表.html",
        "条文对照表.md",
        "修改稿（修订模式）.docx",
        "意见采纳情况表.xlsx",
        "意见采纳情况表.docx",
        "意见采纳情况表.md",
        "意见统计.html",
        "意见统计.md",
        "修改情况的报告（草稿）.docx",
        "修改情况的报告（草稿）.md",
        "各稿对照表.docx",
    ] {
        let p = dir.join(name);
        assert!(p.is_file(), "{name} missing; printed:\n{printed}");
        assert!(
            std::fs::metadata(&p).unwrap().len() > 100,
            "{name} is empty"
        );
        if name.ends_with(".docx") {
            let bytes = std::fs::read(&p).unwrap();
            assert!(docx_rs::read_docx(&bytes).is_ok(), "{name} does not reopen");
        }
    }
    // Feedback: one file per contact point.
    let feedback: Vec<_> = std::fs::read_dir(dir.join("反馈"))
        .unwrap()
        .flatten()
        .collect();
    assert!(feedback.len() >= 2 * 7, "{}", feedback.len());

    // The comparison table: the title, an article's old and new wording, the comments' note.
    let doc = part(&dir.join("条文对照表.docx"), "word/document.xml");
    assert!(doc.contains("条文对照表"));
    assert!(doc.contains("促进人与自然和谐共生"));
    assert!(doc.contains("推进生态文明建设"));
    assert!(
        doc.contains("采纳"),
        "the 修改说明 names the adopted comments"
    );
    assert!(!doc.contains("13900005678"), "personal data is masked");

    // The redline: real tracked changes, a Word comment on every substantive edit.
    let red = part(&dir.join("修改稿（修订模式）.docx"), "word/document.xml");
    assert!(
        red.matches("<w:ins ").count() > 100,
        "{}",
        red.matches("<w:ins ").count()
    );
    assert!(red.matches("<w:del ").count() > 50);
    let comments = part(&dir.join("修改稿（修订模式）.docx"), "word/comments.xml");
    assert_eq!(
        comments.matches("<w:comment ").count(),
        151,
        "one per substantive edit"
    );
    assert!(comments.contains("推动此处修改的意见"));
    assert!(
        comments.contains("未找到推动此处修改的采纳意见"),
        "unexplained edits are flagged"
    );

    // The disposition table: one row per distinct opinion, dispositions as recorded.
    let rows = sheet_rows(&dir.join("意见采纳情况表.xlsx"));
    let header = rows
        .iter()
        .position(|r| r.first().is_some_and(|c| c == "编号"))
        .expect("a header row");
    let body = &rows[header + 1..];
    assert_eq!(body.len(), 508, "distinct opinions");
    let status_col = rows[header].iter().position(|c| c == "采纳情况").unwrap();
    let adopted = body
        .iter()
        .filter(|r| r[status_col] == "采纳" || r[status_col] == "部分采纳")
        .count();
    assert_eq!(adopted, 248, "adopted opinions");
}

#[test]
fn hostile_comment_text_is_escaped_everywhere() {
    let t = CliTest::with_sample();
    let long = "很长的意见".repeat(1200);
    let upload = format!(
        "序号,条款,意见内容,提出人类型,联系点,渠道,日期\n\
         1,第一条,\"<script>alert(1)</script>建议将“推进生态文明建设”修改为“促进人与自然和谐共生”\",群众,测试联系点,网上,2026-04-01\n\
         2,第一条,\"=HYPERLINK(\"\"http://x.example\"\",\"\"点我\"\")\",群众,测试联系点,网上,2026-04-01\n\
         3,第二条,@SUM(A1:A9) 😀𠀀 emoji,群众,测试联系点,网上,2026-04-01\n\
         4,第三条,{long},群众,测试联系点,网上,2026-04-01\n"
    );
    let file = t.write("hostile.csv", upload);
    t.ok(t.lifa().args([
        "import",
        "qinglanhu",
        file.to_str().unwrap(),
        "--draft",
        "v1",
    ]));
    for r in ["1", "2", "3", "4"] {
        t.ok(t
            .lifa()
            .args(["decide", "qinglanhu", r, "--status", "采纳"]));
    }
    let dir = t.root().join("out");
    report(&t, &["v1", "v2", "--out", dir.to_str().unwrap()]);

    let html = std::fs::read_to_string(dir.join("条文对照表.html")).unwrap();
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

    let rows = sheet_rows(&dir.join("意见采纳情况表.xlsx"));
    let cells: Vec<&String> = rows.iter().flatten().collect();
    assert!(
        cells.iter().any(|c| c.starts_with("=HYPERLINK(")),
        "kept as text"
    );
    assert!(cells.iter().any(|c| c.starts_with("@SUM(A1:A9) 😀𠀀")));
    let sheet = part(&dir.join("意见采纳情况表.xlsx"), "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("<f>"), "no formula in the sheet");

    for name in [
        "条文对照表.docx",
        "修改稿（修订模式）.docx",
        "意见采纳情况表.docx",
    ] {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        assert!(docx_rs::read_docx(&bytes).is_ok(), "{name}");
        let doc = part(&dir.join(name), "word/document.xml");
        assert!(!doc.contains("<script>"), "{name}");
    }
    let table = part(&dir.join("意见采纳情况表.docx"), "word/document.xml");
    assert!(table.contains("&lt;script&gt;"));
    assert!(table.contains("😀𠀀"));
    assert!(table.contains(&"很长的意见".repeat(100)));
    let comments = part(&dir.join("修改稿（修订模式）.docx"), "word/comments.xml");
    assert!(
        comments.contains("&lt;script&gt;"),
        "the comment naming the driver is escaped"
    );
}

#[test]
fn a_single_file_takes_its_format_from_the_extension() {
    let t = sample();
    let out = t.root().join("表.xlsx");
    report(
        &t,
        &["--kind", "disposition", "--out", out.to_str().unwrap()],
    );
    assert!(!sheet_rows(&out).is_empty());
    let bad = t
        .lifa()
        .args(["report", "qinglanhu", "--kind", "redline", "--out"])
        .arg(t.root().join("x.xlsx"))
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains(".docx"), "{err}");
}

#[test]
fn markdown_and_html_reports_of_the_sample() {
    let t = sample();
    let dir = t.root().join("报告");
    report(&t, &["--out", dir.to_str().unwrap()]);
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    t.settings().bind(|| {
        insta::assert_snapshot!("report_stats_md", read("意见统计.md"));
        insta::assert_snapshot!("report_stats_html", read("意见统计.html"));
        insta::assert_snapshot!("report_revision_md", read("修改情况的报告（草稿）.md"));
        insta::assert_snapshot!(
            "report_feedback_md",
            read("反馈/西溪县律师协会立法联络点.md")
        );
    });
}
