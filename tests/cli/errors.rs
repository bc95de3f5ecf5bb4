//! Bad input: every refusal names the file (and line), speaks Chinese, exits with 1, never
//! panics.

use insta_cmd::assert_cmd_snapshot;

use crate::CliTest;

#[test]
fn not_utf8() {
    let t = CliTest::new();
    // 第一条 in GBK.
    let mut gbk = b"# title\n\n".to_vec();
    gbk.extend_from_slice(&[0xb5, 0xda, 0xd2, 0xbb, 0xcc, 0xf5, 0x0a]);
    t.write("old.md", gbk);
    t.write("new.md", "第一条　甲。\n");
    t.settings().bind(|| {
        assert_cmd_snapshot!(t.lifa().args(["diff", "old.md", "new.md"]), @r"
        success: false
        exit_code: 1
        ----- stdout -----

        ----- stderr -----
        错误：old.md:3: 文件不是 UTF-8 编码的文本（第 3 行起无法解码）
        提示：请在编辑器中将文件另存为“UTF-8”编码后再试。
        ");
    });
}

#[test]
fn empty_file() {
    let t = CliTest::new();
    t.write("old.md", "");
    t.write("new.md", "第一条　甲。\n");
    t.settings().bind(|| {
        assert_cmd_snapshot!(t.lifa().args(["diff", "old.md", "new.md"]), @r"
        success: false
        exit_code: 1
        ----- stdout -----

        ----- stderr -----
        错误：old.md: 文件是空的，没有任何条文
        提示：草案应为 Markdown 文本，每条另起一段，例如：第一条　为了……，制定本条例。
        ");
    });
}

#[test]
fn no_articles() {
    let t = CliTest::new();
    t.write("old.md", "第一条　甲。\n");
    t.write(
        "new.md",
        "# 某某条例\n\n这里只有说明文字，第一条写在了句子中间。\n",
    );
    t.settings().bind(|| {
        assert_cmd_snapshot!(t.lifa().args(["diff", "old.md", "new.md"]), @r"
        success: false
        exit_code: 1
        ----- stdout -----

        ----- stderr -----
        错误：new.md: 没有找到任何条文（条文应以“第一条”这样的编号开头，后接空格或全角空格）
        提示：草案应为 Markdown 文本，每条另起一段，例如：第一条　为了……，制定本条例。
        ");
    });
}

#[test]
fn malformed_front_matter() {
    let t = CliTest::new();
    t.write(
        "drafts/hu/v1.md",
        "---\nversion: v1\nstage: [一审稿\n---\n\n第一条　甲。\n",
    );
    t.write("drafts/hu/v2.md", "第一条　乙。\n");
    let out = t.lifa().args(["diff", "hu"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("错误：drafts/hu/v1.md:"), "{err}");
    assert!(err.contains("YAML"), "{err}");
}

#[test]
fn unknown_version() {
    let t = CliTest::with_sample();
    t.settings().bind(|| {
        assert_cmd_snapshot!(t.lifa().args(["diff", "qinglanhu", "v1", "v9"]), @r"
        success: false
        exit_code: 1
        ----- stdout -----

        ----- stderr -----
        错误：法规“qinglanhu”没有版本“v9”（已有版本：v1（一审稿）、v2（二审稿）、v3（表决稿））
        提示：版本可写版本号，也可写括号中的稿次。
        ");
    });
}

#[test]
fn unknown_regulation() {
    let t = CliTest::with_sample();
    t.settings().bind(|| {
        assert_cmd_snapshot!(t.lifa().args(["diff", "taihu"]), @r"
        success: false
        exit_code: 1
        ----- stdout -----

        ----- stderr -----
        错误：找不到法规“taihu”：drafts/taihu 不存在或其中没有 .md 草案
        提示：已有的法规：qinglanhu
        ");
    });
}

#[test]
fn malformed_alignment_toml() {
    let t = CliTest::with_sample();
    t.write(
        "drafts/qinglanhu/alignment.toml",
        "[[match]]\nfrom = \"v1\"\nto = \"v2\"\nold = 第十二条\n",
    );
    let out = t
        .lifa()
        .args(["diff", "qinglanhu", "v1", "v2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("错误：drafts/qinglanhu/alignment.toml:4: 人工对齐设置有误"),
        "{err}"
    );

    t.write(
        "drafts/qinglanhu/alignment.toml",
        "[[match]]\nfrom = \"v1\"\nto = \"v2\"\nold = \"第十二条\"\nnew = \"第九十九条\"\n",
    );
    t.settings().bind(|| {
        assert_cmd_snapshot!(t.lifa().args(["diff", "qinglanhu", "v1", "v2"]), @r#"
        success: false
        exit_code: 1
        ----- stdout -----

        ----- stderr -----
        错误：drafts/qinglanhu/alignment.toml:5: 人工对齐设置有误：版本“v2”中没有第九十九条
        提示：格式示例：
              [[match]]
              from = "v1"
              to = "v2"
              old = "第十二条"
              new = "第十五条"
        "#);
    });

    t.write(
        "drafts/qinglanhu/alignment.toml",
        "[[match]]\nfrom = \"v1\"\nto = \"v7\"\nold = \"第十二条\"\n",
    );
    let out = t
        .lifa()
        .args(["diff", "qinglanhu", "v1", "v2"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("alignment.toml:3:") && err.contains("没有版本“v7”"),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_with_2() {
    let t = CliTest::with_sample();
    let out = t.lifa().args(["diff", "qinglanhu", "v1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("请同时给出旧版本和新版本"));
    let out = t
        .lifa()
        .args(["diff", "qinglanhu", "--format", "pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// A command line clap refuses is told in Chinese, as lifa's own refusals are: what is wrong,
/// what was probably meant, the usage and where to read more (clap's messages are English).
#[test]
fn command_line_mistakes_are_told_in_chinese() {
    let t = CliTest::with_sample_comments();
    let refused = |args: &[&str]| -> String {
        let out = t.lifa().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    for (args, says) in [
        (
            &["search"][..],
            "错误：缺少检索式（QUERY）\n用法：lifa search <QUERY>...",
        ),
        (&["import", "qinglanhu"], "错误：缺少要导入的文件（FILE）"),
        (
            &["serch", "湖"],
            "错误：没有“serch”这个命令，是不是要写 search？",
        ),
        (
            &["search", "湖", "--frobnicate"],
            "错误：没有 --frobnicate 这个选项，是不是要写 --format？",
        ),
        (
            &["search", "湖", "--format", "xml"],
            "错误：--format 的值“xml”无效（可选：term、json、csv、xlsx），是不是要写 xlsx？",
        ),
        (
            &["search", "湖", "--limit", "abc"],
            "错误：--limit 的值“abc”无效：须为正整数",
        ),
        (
            &["search", "湖", "--since", "2026-13-01"],
            "错误：--since 的值“2026-13-01”无效：“2026-13-01”不是有效的日期",
        ),
        (
            &["search", "湖", "--since"],
            "错误：--since 后面要写上它的值",
        ),
        (
            &["search", "湖", "--page", "2", "--page", "3"],
            "错误：--page 只能写一次",
        ),
        (&["search", "湖", "--version", "v1"], "错误：缺少 --article"),
        (
            &["decide", "qinglanhu", "c1", "--sheet", "x.xlsx"],
            "错误：意见（COMMENT） 不能与 --sheet 同时使用",
        ),
        (
            &["diff", "qinglanhu", "v1", "v2", "v3"],
            "错误：多出了参数“v3”",
        ),
    ] {
        let err = refused(args);
        assert!(err.starts_with(says), "{args:?}: {err}");
        assert!(
            err.trim_end().ends_with("查看全部选项和说明。"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("error:"), "{args:?}: {err}");
    }
    assert!(refused(&["search", "湖", "--limit", "x"]).contains("lifa search --help"));
    // Help is still help, on stdout, with Chinese headings; `lifa help search` is the same.
    let help = |args: &[&str]| -> String {
        let out = t.lifa().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let search = help(&["search", "--help"]);
    assert!(search.contains("--article") && search.contains("用法：lifa search"));
    assert_eq!(help(&["help", "search"]), search);
    let top = help(&["help"]);
    assert_eq!(help(&["--help"]), top);
    for heading in ["用法：", "命令:", "选项:", "显示本说明", "显示版本号"] {
        assert!(top.contains(heading), "{heading}: {top}");
    }
    for english in ["Usage", "Commands", "Options", "Print"] {
        assert!(!top.contains(english), "{english}: {top}");
    }
    // What clap adds to each option (defaults, values, variables) is Chinese too, in the short
    // and the long help, even where a long list of values wraps.
    for args in [
        &["search", "--help"][..],
        &["search", "-h"][..],
        &["report", "-h"][..],
        &["report", "--help"][..],
        &["comments", "--help"][..],
    ] {
        let text = help(args);
        for english in [
            "[OPTIONS]",
            "default:",
            "possible",
            "Possible",
            "values:",
            "[env",
        ] {
            assert!(!text.contains(english), "{args:?} {english}: {text}");
        }
    }
    let search = help(&["search", "--help"]);
    assert!(search.contains("第几页（默认：1）"), "{search}");
    assert!(
        search.contains("可选值：\n            term  适合在终端阅读"),
        "{search}"
    );
    let report = help(&["report", "-h"]);
    assert!(
        report.contains("（可选：comparison、chain、redline"),
        "{report}"
    );
    assert!(report.contains("用法：lifa report [选项]"), "{report}");
}
