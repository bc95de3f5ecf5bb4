//! `lifa search` and `lifa index` over the sample comments: recall equal to substring matching,
//! filters and facets equal to the store's counts, incremental updates equal to a rebuild,
//! masked output.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::{CliTest, repo};

/// A workspace with the sample drafts and the repository's stored sample comments.
fn sample() -> CliTest {
    CliTest::with_sample_comments()
}

fn search(t: &CliTest, args: &[&str]) -> Value {
    let out = t
        .lifa()
        .args(["search", "--format", "json", "--limit", "1000"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every stored comment, unmasked, as `lifa comments` lists them.
fn all_comments(t: &CliTest) -> Vec<Value> {
    let out = t
        .lifa()
        .args([
            "comments",
            "qinglanhu",
            "--format",
            "json",
            "--include-personal",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["comments"].as_array().unwrap().clone()
}

fn fold(s: &str) -> String {
    s.chars().map(lifa::index::tokens::fold).collect()
}

#[test]
fn every_comment_containing_the_query_is_found() {
    let t = sample();
    let comments = all_comments(&t);
    let queries = [
        // Long compounds and legislative terms.
        "基层立法联系点",
        "青澜湖保护条例",
        "饮用水水源保护区",
        "网箱养殖",
        "生态补偿",
        "法律责任",
        "一级保护区",
        "湖长制",
        "人民政府",
        "保护范围",
        "最低生态水位",
        // Out-of-vocabulary names and mixed text.
        "青澜湖",
        "白沙河",
        "东岸县",
        "澜湖区",
        "渔业村",
        "COD",
        "2026",
        "PM2.5",
        "App",
        // Single characters.
        "湖",
        "鱼",
        "船",
        "罚",
        "树",
        "桥",
        "电",
        "a",
        "5",
        "，",
        // Two-character words.
        "垃圾",
        "罚款",
        "游船",
        "垂钓",
        "禁渔",
        "湿地",
        "排污",
        "补偿",
        "监测",
        "界桩",
        "污水",
        "岸线",
        "执法",
        "噪音",
        "化肥",
        "农药",
        "蓝藻",
        "投饵",
        "砂石",
        "露营",
        // Fragments that cut across jieba words.
        "护条",
        "保护区内",
        "内禁止",
        "的湖",
        "湖的",
    ];
    assert!(queries.len() >= 50);
    let mut nonzero = 0;
    for q in queries {
        let want: Vec<&str> = comments
            .iter()
            .filter(|c| fold(c["text"].as_str().unwrap()).contains(&fold(q)))
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        let v = search(&t, &[q]);
        assert_eq!(v["total"].as_u64().unwrap(), want.len() as u64, "query {q}");
        // Hits fold copies of one opinion; their copies add up to the total.
        let copies: u64 = v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["copies"].as_u64().unwrap())
            .sum();
        assert_eq!(copies, want.len() as u64, "query {q}");
        for h in v["hits"].as_array().unwrap() {
            assert!(
                want.contains(&h["id"].as_str().unwrap()),
                "query {q}: {} does not contain it",
                h["id"]
            );
        }
        nonzero += usize::from(!want.is_empty());
    }
    assert!(nonzero >= 45, "most queries should have hits ({nonzero})");
}

#[test]
fn words_phrases_and_boolean_operators() {
    let t = sample();
    let comments = all_comments(&t);
    let count = |f: &dyn Fn(&str) -> bool| {
        comments
            .iter()
            .filter(|c| f(c["text"].as_str().unwrap()))
            .count() as u64
    };
    let and = search(&t, &["垃圾", "罚款"]);
    assert_eq!(
        and["total"],
        count(&|s| s.contains("垃圾") && s.contains("罚款"))
    );
    let or = search(&t, &["垂钓", "OR", "游泳"]);
    assert_eq!(
        or["total"],
        count(&|s| s.contains("垂钓") || s.contains("游泳"))
    );
    let not = search(&t, &["湖", "NOT", "网箱"]);
    assert_eq!(
        not["total"],
        count(&|s| s.contains('湖') && !s.contains("网箱"))
    );
    let minus = search(&t, &["湖 -网箱"]);
    assert_eq!(minus["total"], not["total"]);
    // Typed unquoted, `-网箱` is a word of the query, not an option, even before options
    // (`-f`, `-o` and their values stay options).
    let out = t.ok(t
        .lifa()
        .args(["search", "湖", "-网箱", "-f", "json", "--limit", "1000"]));
    let typed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(typed["hits"], not["hits"]);
    // Both markers at once still exclude.
    let out = t.ok(t.lifa().args([
        "search", "湖", "NOT", "-网箱", "-f", "json", "--limit", "1000",
    ]));
    let twice: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(twice["hits"], not["hits"]);
    let out = t.lifa().args(["search", "-网箱"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("检索式不能只有 NOT"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let phrase = search(&t, &["\"禁止在\""]);
    assert_eq!(phrase["total"], count(&|s| s.contains("禁止在")));
    assert!(phrase["total"].as_u64().unwrap() > 0);
    // What a Chinese input method types means the same.
    for (q, same) in [
        ("湖 －网箱", &not),
        ("湖 非 网箱", &not),
        ("垂钓｜游泳", &or),
        ("垂钓 或 游泳", &or),
        ("垃圾 ＆ 罚款", &and),
        ("‘禁止在’", &phrase),
        ("『禁止在』", &phrase),
        ("＂禁止在＂", &phrase),
    ] {
        assert_eq!(search(&t, &[q])["hits"], same["hits"], "{q}");
    }
    let grouped = search(&t, &["(垃圾 OR 污水) 罚款"]);
    assert_eq!(
        grouped["total"],
        count(&|s| (s.contains("垃圾") || s.contains("污水")) && s.contains("罚款"))
    );
    // Highlights point at the query in the snippet.
    for h in and["hits"].as_array().unwrap() {
        let snip: Vec<char> = h["snippet"].as_str().unwrap().chars().collect();
        for m in h["highlights"].as_array().unwrap() {
            let (a, b) = (
                m[0].as_u64().unwrap() as usize,
                m[1].as_u64().unwrap() as usize,
            );
            let s: String = snip[a..b].iter().collect();
            assert!(s == "垃圾" || s == "罚款", "{s}");
        }
    }
    // A malformed query is refused with a message, exit 1.
    let out = t.lifa().args(["search", "网箱 OR"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("检索式"));
}

/// Staff copy a piece of a comment and search for it. Quotes run together with words,
/// brackets around one word, and either without a partner are text (`改为“在`,
/// `第十五条第（三`, `将“禁止”改为`, `（一）`, `第（三）项`): every such fragment of the sample
/// finds exactly the comments containing it. Before, an unpaired mark was refused and a paired
/// one split the fragment into words. Checked in-process, all of them (about a thousand).
#[test]
fn fragments_pasted_from_comments_are_found_as_written() {
    use lifa::index::SearchIndex;
    use lifa::search::{Filters, parse_query};
    use lifa::workspace::Workspace;

    let t = sample();
    let comments = all_comments(&t);
    let originals: Vec<&str> = comments
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    let texts: Vec<String> = originals.iter().map(|t| fold(t)).collect();
    let marks = ['“', '”', '（', '）', '"', '(', ')'];
    let mut fragments = std::collections::BTreeSet::new();
    for text in &originals {
        let cs: Vec<char> = text.chars().collect();
        for (i, c) in cs.iter().enumerate() {
            if !marks.contains(c) {
                continue;
            }
            // Windows that begin, end or lie around the mark.
            for (a, b) in [
                (i, i + 4),
                (i.saturating_sub(3), i + 1),
                (i.saturating_sub(2), i + 6),
                (i.saturating_sub(1), i + 3),
            ] {
                let f: String = cs[a..b.min(cs.len())].iter().collect();
                // The query language's own marks are left out: `-` starting a word, `|`, `&`.
                if f.chars().count() >= 2
                    && !f.chars().any(|c| c.is_whitespace() || "|｜&＆".contains(c))
                    && !f.starts_with(['-', '－'])
                {
                    fragments.insert(f);
                }
            }
        }
    }
    // Some with a pair of quotes or brackets inside, some beginning with a bracket.
    let paired =
        |f: &str| (f.contains('“') && f.contains('”')) || (f.contains('（') && f.contains('）'));
    assert!(fragments.iter().filter(|f| paired(f)).count() >= 20);
    assert!(fragments.iter().filter(|f| f.starts_with('（')).count() >= 20);
    assert!(fragments.len() >= 500, "{}", fragments.len());
    let ws = Workspace::new(t.root());
    let mut index = SearchIndex::open(&ws).unwrap();
    index.update(&ws).unwrap();
    for f in &fragments {
        // A fragment that is a whole phrase in quotes is a phrase search: its words.
        let inner = f
            .strip_prefix(['“', '"'])
            .and_then(|x| x.strip_suffix(['”', '"']))
            .filter(|x| !x.contains(['“', '”', '"']))
            .unwrap_or(f);
        let want = texts.iter().filter(|x| x.contains(&fold(inner))).count() as u64;
        assert!(want > 0);
        let expr = parse_query(f).unwrap_or_else(|e| panic!("{f}: {e}"));
        let got = lifa::search::search(&ws, &index, &expr, &Filters::default(), 1, 1)
            .unwrap()
            .total;
        assert_eq!(got, want, "{f}: {expr:?}");
    }
}

fn facet(v: &Value, name: &str) -> BTreeMap<String, u64> {
    v["facets"][name]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, n)| (k.clone(), n.as_u64().unwrap()))
        .collect()
}

fn tally<'a>(
    it: impl Iterator<Item = &'a Value>,
    f: impl Fn(&Value) -> String,
) -> BTreeMap<String, u64> {
    let mut m = BTreeMap::new();
    for c in it {
        *m.entry(f(c)).or_default() += 1;
    }
    m
}

#[test]
fn filters_and_facets_agree_with_the_store() {
    let t = sample();
    let comments = all_comments(&t);
    let kind_zh = |w: &str| {
        lifa::comment::Kind::ALL
            .iter()
            .find(|k| k.wire() == w)
            .unwrap()
            .zh()
            .to_string()
    };
    let channel_zh = |w: &str| {
        lifa::comment::Channel::ALL
            .iter()
            .find(|k| k.wire() == w)
            .unwrap()
            .zh()
            .to_string()
    };
    type Pred = Box<dyn Fn(&Value) -> bool>;
    let cases: Vec<(Vec<&str>, Pred)> = vec![
        (vec!["湖"], Box::new(|_| true)),
        (
            vec!["湖", "--kind", "专家"],
            Box::new(|c| c["submitter"]["kind"] == "expert"),
        ),
        (
            vec!["湖", "--channel", "座谈会"],
            Box::new(|c| c["channel"] == "forum"),
        ),
        (
            vec!["湖", "--source", "湖滨街道"],
            Box::new(|c| c["source"].as_str().unwrap().contains("湖滨街道")),
        ),
        (
            vec!["湖", "--since", "2026-05-01"],
            Box::new(|c| c["received"].as_str().unwrap() >= "2026-05-01"),
        ),
        (
            vec!["湖", "--until", "2026-04-15"],
            Box::new(|c| c["received"].as_str().unwrap() <= "2026-04-15"),
        ),
        (vec!["湖", "--reg", "qinglanhu"], Box::new(|_| true)),
        (
            vec!["湖", "--article", "第十四条"],
            Box::new(|c| {
                c["articles"].as_array().is_some_and(|a| {
                    a.iter()
                        .any(|x| x["article"] == 14 && x.get("sub").is_none())
                })
            }),
        ),
        (
            vec!["湖", "--article", "第四十四条", "--version", "v2"],
            Box::new(|c| {
                c["articles"].as_array().is_some_and(|a| {
                    a.iter()
                        .any(|x| x["article"] == 37 && x.get("sub").is_none())
                })
            }),
        ),
        (vec!["湖", "--status", "未处理"], Box::new(|_| true)),
        (vec!["湖", "--status", "采纳"], Box::new(|_| false)),
    ];
    for (args, pred) in cases {
        let v = search(&t, &args);
        let sel: Vec<&Value> = comments
            .iter()
            .filter(|c| c["text"].as_str().unwrap().contains('湖') && pred(c))
            .collect();
        assert_eq!(v["total"].as_u64().unwrap(), sel.len() as u64, "{args:?}");
        assert_eq!(
            facet(&v, "source"),
            tally(sel.iter().copied(), |c| c["source"]
                .as_str()
                .unwrap()
                .to_string()),
            "{args:?}"
        );
        assert_eq!(
            facet(&v, "kind"),
            tally(sel.iter().copied(), |c| kind_zh(
                c["submitter"]["kind"].as_str().unwrap()
            )),
            "{args:?}"
        );
        assert_eq!(
            facet(&v, "channel"),
            tally(sel.iter().copied(), |c| channel_zh(
                c["channel"].as_str().unwrap()
            )),
            "{args:?}"
        );
        if !sel.is_empty() {
            assert_eq!(
                facet(&v, "status"),
                BTreeMap::from([("未处理".to_string(), sel.len() as u64)])
            );
        }
        // Opinions: distinct opinion ids among the selected comments.
        let opinions: std::collections::BTreeSet<&str> =
            sel.iter().map(|c| c["opinion"].as_str().unwrap()).collect();
        assert_eq!(
            v["opinions"].as_u64().unwrap(),
            opinions.len() as u64,
            "{args:?}"
        );
    }
    let v = search(&t, &["湖", "--article", "第十四条"]);
    let art = facet(&v, "article");
    assert!(
        art.get("qinglanhu 一审稿第十四条").is_some_and(|n| *n > 0),
        "{art:?}"
    );
}

/// `--article` as staff write it: a paragraph or item stands for its article (the comments are
/// indexed by article), traditional 條 and full-width digits as the simplified and ASCII; several articles or a chapter are refused with a message that says so.
#[test]
fn article_filter_takes_a_paragraph_or_item_as_its_article() {
    let t = CliTest::with_sample_comments();
    let hits = |a: &str| search(&t, &["湖", "--article", a])["hits"].clone();
    let article = hits("第十四条");
    assert!(!article.as_array().unwrap().is_empty());
    for a in [
        "第十四条第二款",
        "第十四条第（三）项",
        "第14条第一款第（一）项",
        "第三章第十四条",
        "第十四條",
        "第１４條第二款",
    ] {
        assert_eq!(hits(a), article, "{a}");
    }
    for (a, says) in [
        ("第十四条、第十五条", "只能指定一条"),
        ("12-15", "只能指定一条"),
        ("第三章", "这是章"),
        ("本条", "无法识别的条号"),
    ] {
        let out = t
            .lifa()
            .args(["search", "湖", "--article", a])
            .output()
            .unwrap();
        assert!(!out.status.success(), "{a}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says) && err.contains(a), "{a}: {err}");
    }
}

#[test]
fn an_incremental_update_equals_a_rebuild() {
    let t = CliTest::with_sample();
    let u = repo().join("tests/fixtures/uploads");
    let first: Vec<String> = [
        "hubin-2026-04.csv",
        "daxue-2026-04.xlsx",
        "online-2026-05.jsonl",
    ]
    .iter()
    .map(|f| u.join(f).display().to_string())
    .collect();
    let out = t
        .lifa()
        .arg("import")
        .arg("qinglanhu")
        .args(&first)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("索引已更新"));
    let before = search(&t, &["网箱养殖"]);
    // The second import adds a copy of the campaign (lvxie has one): the campaign's group
    // grows, and its existing members are re-indexed with the new size.
    let out = t
        .lifa()
        .args(["import", "qinglanhu"])
        .arg(u.join("lvxie-2026-05.csv"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let y = u.join("yumincun-2026-05.csv");
    let out = t
        .lifa()
        .args([
            "import",
            "qinglanhu",
            y.to_str().unwrap(),
            "--source",
            "东岸县渔业村基层立法联系点",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let queries = [
        vec!["网箱养殖"],
        vec!["湖"],
        vec!["垃圾", "OR", "污水"],
        vec!["罚款", "--kind", "专家"],
    ];
    let incremental: Vec<Value> = queries.iter().map(|q| search(&t, q)).collect();
    assert_ne!(incremental[0]["total"], before["total"]);
    forget_groups(&t);
    let out = t.lifa().args(["index", "--rebuild"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("共 567 条意见"));
    let rebuilt: Vec<Value> = queries.iter().map(|q| search(&t, q)).collect();
    for (a, b) in incremental.iter().zip(&rebuilt) {
        assert!(
            essence(a) == essence(b),
            "incremental and rebuilt differ for {}",
            a["query"]
        );
    }
    // Deleting index/ loses nothing: the next search rebuilds it.
    std::fs::remove_dir_all(t.root().join("index")).unwrap();
    let again: Vec<Value> = queries.iter().map(|q| search(&t, q)).collect();
    assert!(again == rebuilt, "a rebuilt index answers the same");
    // The campaign shows once, with all its copies.
    let camp = &rebuilt[0]["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["supporters"] == 45)
        .cloned();
    assert!(camp.is_some(), "{}", rebuilt[0]);
}

#[test]
fn output_masks_personal_information() {
    let t = sample();
    for format in ["term", "json", "csv"] {
        let out = t
            .lifa()
            .args([
                "search",
                "电话 OR 身份证 OR 我叫 OR 湖",
                "--limit",
                "1000",
                "--format",
                format,
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("****"), "{format}: nothing masked?");
        // The fixtures' phone numbers all start 1390000; the ID number holds 19850715.
        assert!(!text.contains("1390000"), "{format}: a phone number leaked");
        assert!(!text.contains("19850715"), "{format}: an ID number leaked");
    }
}

/// `lifa import` hands its grouping of the whole store to the index, which uses it only when it
/// covers exactly the stored batches, in store order.
#[test]
fn the_index_takes_the_importers_grouping_only_when_it_fits() {
    use lifa::group::{StoreGrouping, group};
    use lifa::importer::{Importer, Options};
    use lifa::index::SearchIndex;
    use lifa::store::Store;
    use lifa::workspace::Workspace;

    let t = CliTest::with_sample();
    let ws = Workspace::new(t.root());
    let u = repo().join("tests/fixtures/uploads");
    let mut importer = Importer::new(&ws, "qinglanhu").unwrap();
    for f in [
        "hubin-2026-04.csv",
        "daxue-2026-04.xlsx",
        "online-2026-05.jsonl",
    ] {
        let o = importer.import(&u.join(f), &Options::default()).unwrap();
        assert!(o.written.is_some(), "{f}");
    }
    let known = importer.take_grouping().unwrap();
    // It covers the store in store order, and is the grouping of the stored texts.
    let store = Store::open(&ws, "qinglanhu");
    let files = store.files_in_import_order().unwrap();
    assert_eq!(
        known
            .batches
            .iter()
            .map(|b| b.id.as_str())
            .collect::<Vec<_>>(),
        files.iter().map(|f| f.0.id.as_str()).collect::<Vec<_>>()
    );
    let texts: Vec<String> = store
        .comments()
        .unwrap()
        .into_iter()
        .map(|c| c.text)
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    assert_eq!(known.grouping, group(&refs));
    assert!(known.grouping.groups.len() < texts.len(), "no duplicates");

    let queries = [vec!["网箱养殖"], vec!["湖"], vec!["罚款", "--kind", "专家"]];
    let opinions = |t: &CliTest| -> Vec<(Value, Value)> {
        queries
            .iter()
            .map(|q| {
                let v = search(t, q);
                (v["opinions"].clone(), v["facets"].clone())
            })
            .collect()
    };
    let mut idx = SearchIndex::open(&ws).unwrap();
    idx.update_with(&ws, Some(&known)).unwrap();
    drop(idx);
    let handed = opinions(&t);
    forget_groups(&t);
    SearchIndex::rebuild(&ws).unwrap();
    let rebuilt = opinions(&t);
    assert_eq!(handed, rebuilt);

    // A grouping whose counts do not fit the files (here: everything one opinion) is not used.
    let n = texts.len() as u32;
    let mut wrong = StoreGrouping {
        grouping: group(&vec!["同一条意见的文字"; n as usize + 1]),
        ..known.clone()
    };
    wrong.batches.last_mut().unwrap().comments += 1;
    std::fs::remove_dir_all(t.root().join("index")).unwrap();
    let mut idx = SearchIndex::open(&ws).unwrap();
    idx.update_with(&ws, Some(&wrong)).unwrap();
    drop(idx);
    assert_eq!(opinions(&t), rebuilt);
    // The store was grouped from its files, and recorded with the keys of the files read.
    let (_, keys) = store.comments_and_keys().unwrap();
    let (recorded_keys, recorded) =
        lifa::index::groups::read(&ws.root.join("index"), "qinglanhu").unwrap();
    assert_eq!((recorded_keys, recorded), (keys, known.grouping.clone()));
    // Nor one of other batches.
    let mut other = known.clone();
    other.batches.swap(0, 1);
    other.grouping = group(&vec!["同一条意见的文字"; n as usize]);
    std::fs::remove_dir_all(t.root().join("index")).unwrap();
    let mut idx = SearchIndex::open(&ws).unwrap();
    idx.update_with(&ws, Some(&other)).unwrap();
    drop(idx);
    assert_eq!(opinions(&t), rebuilt);
}

/// A batch file changed by hand since it was indexed (its last comment cut, its count mended):
/// the next import sees its new length, indexes it again and answers as a rebuild does (the
/// cut comment found by neither).
#[test]
fn an_import_after_a_batch_file_changed_equals_a_rebuild() {
    use lifa::store::Store;
    use lifa::workspace::Workspace;

    let t = CliTest::with_sample();
    let u = repo().join("tests/fixtures/uploads");
    let first = [
        "hubin-2026-04.csv",
        "daxue-2026-04.xlsx",
        "online-2026-05.jsonl",
    ];
    t.ok(t
        .lifa()
        .args(["import", "qinglanhu"])
        .args(first.map(|f| u.join(f))));
    let store = Store::open(&Workspace::new(t.root()), "qinglanhu");
    let (meta, path) = store.files_in_import_order().unwrap().remove(0);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let cut: Value = serde_json::from_str(&lines.pop().unwrap()).unwrap();
    let cut = cut["text"].as_str().unwrap().to_string();
    // The count mended in place, the same width, so that the other lines keep their offsets
    // (the index reads hits back by offset).
    let (was, now) = (meta.comments.to_string(), (meta.comments - 1).to_string());
    assert_eq!(was.len(), now.len());
    let count = format!("\"comments\":{was}");
    assert!(lines[0].contains(&count), "{}", lines[0]);
    lines[0] = lines[0].replace(&count, &format!("\"comments\":{now}"));
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();

    let out = t.ok(t
        .lifa()
        .args(["import", "qinglanhu"])
        .arg(u.join("lvxie-2026-05.csv")));
    assert!(String::from_utf8_lossy(&out.stdout).contains("索引已更新"));
    // The cut comment's opening (an index that still held it would fail to read it back: it
    // lay past the file's new end).
    let opening: String = cut
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(12)
        .collect();
    let queries = [
        vec!["网箱养殖"],
        vec!["垃圾", "OR", "污水"],
        vec!["罚款", "--kind", "专家"],
        vec![opening.as_str()],
    ];
    let answers = |t: &CliTest| -> Vec<(Value, Value, Value)> {
        queries
            .iter()
            .map(|q| {
                let v = search(t, q);
                (
                    v["total"].clone(),
                    v["opinions"].clone(),
                    v["facets"].clone(),
                )
            })
            .collect()
    };
    let incremental = answers(&t);
    assert_eq!(incremental[3].0, 0, "{opening}");
    forget_groups(&t);
    t.ok(t.lifa().args(["index", "--rebuild"]));
    assert_eq!(incremental, answers(&t));
}

/// Deletes the recorded opinion groups (`index/groups/`), so that a rebuild groups the store
/// itself rather than take what the import recorded: an incremental update is then compared
/// with a rebuild that shares nothing with it.
fn forget_groups(t: &CliTest) {
    let dir = t.root().join("index/groups");
    assert!(dir.is_dir(), "the import recorded its grouping");
    std::fs::remove_dir_all(dir).unwrap();
}

/// The sample regulation with the online upload imported (and so indexed).
fn with_online_upload() -> CliTest {
    let t = CliTest::with_sample();
    let u = repo().join("tests/fixtures/uploads");
    t.ok(t
        .lifa()
        .args(["import", "qinglanhu"])
        .arg(u.join("online-2026-05.jsonl")));
    t
}

/// Sets a file's modification time.
fn set_modified(path: &std::path::Path, time: std::time::SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

/// A comment's text corrected by hand in its batch file (the same length, the same line
/// count): the next search indexes the file again, finds the new words, no longer the old ones,
/// and shows the corrected text.
#[test]
fn a_batch_file_edited_in_place_is_indexed_again() {
    use lifa::store::Store;
    use lifa::workspace::Workspace;

    let t = with_online_upload();
    let before = search(&t, &["网箱养殖"]);
    let n = before["total"].as_u64().unwrap();
    assert!(n > 0);
    assert_eq!(search(&t, &["网箱养鸭"])["total"], 0);
    let store = Store::open(&Workspace::new(t.root()), "qinglanhu");
    let (_, path) = store.files_in_import_order().unwrap().remove(0);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let at = lines.iter().position(|l| l.contains("网箱养殖")).unwrap();
    // 殖 and 鸭 take three bytes each: every other line keeps its offset, and the file its
    // length. Its modification time is set apart, in case the file system keeps whole seconds.
    lines[at] = lines[at].replace("网箱养殖", "网箱养鸭");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    set_modified(
        &path,
        std::time::UNIX_EPOCH + std::time::Duration::from_secs(86_400),
    );
    let id: Value = serde_json::from_str(&lines[at]).unwrap();
    let id = id["id"].as_str().unwrap();
    // Its disposition, decided before the correction, stays with it.
    t.ok(t
        .lifa()
        .args(["decide", "qinglanhu", id, "--status", "待研究"]));

    let after = search(&t, &["网箱养鸭"]);
    assert_eq!(after["total"], 1, "{after}");
    assert_eq!(after["hits"][0]["id"], id, "{after}");
    assert!(
        after["hits"][0]["text"]
            .as_str()
            .unwrap()
            .contains("网箱养鸭"),
        "{after}"
    );
    assert_eq!(search(&t, &["网箱养殖"])["total"], n - 1);
    let decided = search(&t, &["网箱养鸭", "--status", "待研究"]);
    assert_eq!(decided["total"], 1, "{decided}");
    assert_eq!(decided["hits"][0]["status"], after["hits"][0]["status"]);
    assert_eq!(
        facet(&search(&t, &["网箱养"]), "status")["待研究"],
        1,
        "the comment's old, dead row is not the one decided"
    );
}

/// A workspace copied by a tool that does not keep modification times: every batch file looks
/// newer than when it was indexed, but holds what was indexed. The index is kept (nothing is
/// indexed again) and answers as before; the renewed times are recorded, so the next update
/// need not read the files again to tell.
#[test]
fn batch_files_whose_time_alone_changed_are_not_indexed_again() {
    use lifa::index::SearchIndex;
    use lifa::store::Store;
    use lifa::workspace::Workspace;

    let t = with_online_upload();
    let before = search(&t, &["网箱养殖"]);
    let ws = Workspace::new(t.root());
    let files = Store::open(&ws, "qinglanhu")
        .files_in_import_order()
        .unwrap();
    assert!(!files.is_empty());
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(3_600);
    for (_, path) in &files {
        set_modified(path, later);
    }
    let state = || std::fs::read_to_string(t.root().join("index/lifa-state.json")).unwrap();
    let stale = state();
    let mut idx = SearchIndex::open(&ws).unwrap();
    let stats = idx.update(&ws).unwrap();
    assert_eq!(
        (stats.comments_indexed, stats.batches_added),
        (0, 0),
        "{stats:?}"
    );
    assert_ne!(state(), stale, "the new times are recorded");
    drop(idx);
    assert_eq!(search(&t, &["网箱养殖"]), before);
}

/// `lifa search` or `lifa index` run outside a workspace (no drafts/, no comments/: the home
/// folder, a mistyped `--workspace`) says so and leaves no `index/` behind; in a workspace with
/// no comments yet, a search says to import them first.
#[test]
fn search_outside_a_workspace_says_so_and_writes_nothing() {
    let t = CliTest::new();
    for args in [&["search", "湖"][..], &["index"]] {
        let out = t.lifa().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("当前目录不是 lifa 工作区"), "{err}");
        assert!(!t.root().join("index").exists(), "{args:?}");
    }
    let elsewhere = t.root().join("别处");
    let out = t
        .lifa()
        .arg("--workspace")
        .arg(&elsewhere)
        .args(["search", "湖"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("别处 不存在"), "{err}");
    assert!(!elsewhere.exists());
    // A folder that merely has a drafts/ of its own is no workspace either.
    std::fs::create_dir_all(t.root().join("drafts")).unwrap();
    let out = t.lifa().args(["search", "湖"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!t.root().join("index").exists());

    let t = CliTest::with_sample();
    let out = t.ok(t.lifa().args(["search", "湖"]));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("请先用 lifa import"), "{err}");
}

/// `--out` named as staff name files picks the format when `--format` is not given: `.csv`,
/// `.xlsx` and `.json` for listings, `.html`, `.md` and `.json` for comparisons; an office name
/// lifa does not write there (`.xls`, `.docx`), or the other command's format, is refused
/// (text in such a file is a file Excel or Word will not open), `--format` or not, and no file
/// is written; so is a format that is not a workbook under a `.xlsx` name, or a workbook under
/// another name. Otherwise a `--format` given explicitly decides.
#[test]
fn the_extension_of_out_picks_the_format() {
    let t = CliTest::with_sample_comments();
    let out = |args: &[&str], file: &str| -> (Option<i32>, Option<Vec<u8>>) {
        let path = t.root().join(file);
        let _ = std::fs::remove_file(&path);
        let o = t
            .lifa()
            .args(args)
            .arg("--out")
            .arg(&path)
            .output()
            .unwrap();
        (o.status.code(), std::fs::read(&path).ok())
    };
    let (code, csv) = out(&["search", "网箱"], "结果.csv");
    assert_eq!(code, Some(0));
    let csv = String::from_utf8(csv.unwrap()).unwrap();
    assert!(csv.starts_with("\u{feff}编号,原编号,"), "{csv}");
    let (_, json) = out(&["search", "网箱"], "结果.JSON");
    let v: Value = serde_json::from_slice(&json.unwrap()).unwrap();
    assert!(v["total"].as_u64().unwrap() > 0);
    let (_, json) = out(&["comments", "qinglanhu"], "意见.json");
    assert!(serde_json::from_slice::<Value>(&json.unwrap()).is_ok());
    let (_, html) = out(&["diff", "qinglanhu", "v1", "v2"], "对照.html");
    assert!(html.unwrap().starts_with(b"<!DOCTYPE html>"));
    let (_, md) = out(&["diff", "qinglanhu", "v1", "v2"], "对照.md");
    assert!(String::from_utf8(md.unwrap()).unwrap().contains("| "));
    let (_, text) = out(&["search", "网箱"], "结果.txt");
    assert!(
        String::from_utf8(text.unwrap())
            .unwrap()
            .starts_with("“网箱”：")
    );
    let (_, given) = out(&["search", "网箱", "--format", "json"], "结果.csv");
    assert!(serde_json::from_slice::<Value>(&given.unwrap()).is_ok());
    for (args, file) in [
        (&["search", "网箱"][..], "结果.xls"),
        (&["search", "网箱", "--format", "csv"], "结果.docx"),
        (&["search", "网箱", "--format", "csv"], "结果.xlsx"),
        (&["search", "网箱", "--format", "json"], "结果.xlsx"),
        (&["comments", "qinglanhu", "--format", "xlsx"], "意见.csv"),
        (&["comments", "qinglanhu", "--format", "xlsx"], "意见.txt"),
        (&["comments", "qinglanhu"], "意见.xls"),
        (&["comments", "qinglanhu"], "意见.md"),
        (&["diff", "qinglanhu", "v1", "v2"], "对照.docx"),
        (&["diff", "qinglanhu", "v1", "v2"], "对照.csv"),
    ] {
        let (code, written) = out(args, file);
        assert_eq!((code, written), (Some(2), None), "{file}");
    }
}

/// Search results and comment listings exported to Excel: a real workbook with a title row,
/// the header, and, when `--out` names a spreadsheet and no `--limit` is given, every opinion
/// (not the terminal's page of 20); `--limit`/`--page` still page it. Personal data is masked.
/// A workbook is never written to the terminal.
#[test]
fn results_and_listings_export_to_excel() {
    let t = sample();
    let all = search(&t, &["湖"]);
    let opinions = all["opinions"].as_u64().unwrap() as usize;
    assert!(opinions > 20, "the sample has more than a page: {opinions}");
    let path = t.root().join("检索结果.xlsx");
    t.ok(t.lifa().args(["search", "湖", "--out"]).arg(&path));
    let rows = crate::sheet_rows(&path);
    assert_eq!(
        rows[0][0],
        format!(
            "检索“湖”：{} 条意见，{opinions} 个独立意见",
            all["total"].as_u64().unwrap()
        )
    );
    assert_eq!(rows[1][..3], ["编号", "原编号", "法规"]);
    assert_eq!(rows.len() - 2, opinions, "every opinion, one row each");
    let ids: Vec<&str> = all["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    let got: Vec<&str> = rows[2..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(got, ids, "in the order of the search");
    let phone = regex::Regex::new(r"(^|\D)1[3-9]\d{9}(\D|$)").unwrap();
    for r in &rows {
        for c in r {
            assert!(!phone.is_match(c), "unmasked phone number in {c}");
        }
    }
    let supporters = rows[1].iter().position(|h| h == "同一意见份数").unwrap();
    assert!(
        rows[2..]
            .iter()
            .any(|r| r[supporters].parse::<u64>().unwrap() > 1)
    );

    // A page of it, saying which.
    t.ok(t
        .lifa()
        .args(["search", "湖", "--limit", "5", "--page", "2", "--out"])
        .arg(&path));
    let rows = crate::sheet_rows(&path);
    assert_eq!(rows.len() - 2, 5);
    assert!(
        rows[0][0].ends_with("（本表为第 6–10 个）"),
        "{}",
        rows[0][0]
    );
    assert_eq!(rows[2][0], ids[5]);

    // A page past the last says so; a page number too large is refused.
    t.ok(t
        .lifa()
        .args(["search", "湖", "--page", "1000", "--out"])
        .arg(&path));
    let rows = crate::sheet_rows(&path);
    assert_eq!(rows.len(), 2, "title and header only");
    assert!(rows[0][0].contains("第 1000 页没有结果"), "{}", rows[0][0]);
    let out = t
        .lifa()
        .args([
            "search",
            "湖",
            "--limit",
            "2",
            "--page",
            "18446744073709551615",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("页码太大"));

    // The filters in force are named in the title.
    t.ok(t
        .lifa()
        .args([
            "search",
            "湖",
            "--kind",
            "专家",
            "--reg",
            "qinglanhu",
            "--out",
        ])
        .arg(&path));
    let rows = crate::sheet_rows(&path);
    assert!(
        rows[0][0].starts_with("检索“湖”（法规 qinglanhu、专家）："),
        "{}",
        rows[0][0]
    );
    assert!(rows[2..].iter().all(|r| r[7] == "专家"));

    // CSV to a file is every opinion too; to the terminal, a page.
    let csv_path = t.root().join("检索结果.csv");
    t.ok(t.lifa().args(["search", "湖", "--out"]).arg(&csv_path));
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    assert_eq!(
        csv::Reader::from_reader(csv.as_bytes()).records().count(),
        opinions
    );
    let out = t.ok(t.lifa().args(["search", "湖", "--format", "csv"]));
    assert_eq!(
        csv::Reader::from_reader(&out.stdout[..]).records().count(),
        20
    );

    // So is JSON to a file, the same opinions as a page that holds them all.
    let json_path = t.root().join("检索结果.json");
    t.ok(t.lifa().args(["search", "湖", "--out"]).arg(&json_path));
    let v: Value = serde_json::from_slice(&std::fs::read(&json_path).unwrap()).unwrap();
    assert_eq!(v["hits"].as_array().unwrap().len(), opinions);
    assert_eq!(v["hits"], all["hits"]);
    let out = t.ok(t.lifa().args(["search", "湖", "--format", "json"]));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["hits"].as_array().unwrap().len(), 20);

    // The comment listing and its statistics.
    let listing = t.root().join("意见清单.xlsx");
    t.ok(t
        .lifa()
        .args(["comments", "qinglanhu", "--out"])
        .arg(&listing));
    let rows = crate::sheet_rows(&listing);
    let comments = all_comments(&t).len();
    assert_eq!(rows.len() - 2, comments);
    assert!(
        rows[0][0].ends_with(&format!("意见清单：{comments} 条意见")),
        "{}",
        rows[0][0]
    );
    for r in &rows {
        for c in r {
            assert!(!phone.is_match(c), "unmasked phone number in {c}");
        }
    }
    t.ok(t
        .lifa()
        .args(["comments", "qinglanhu", "--article", "第七条", "--out"])
        .arg(&listing));
    let rows = crate::sheet_rows(&listing);
    assert!(
        rows[0][0].ends_with(&format!("意见清单（第七条）：{} 条意见", rows.len() - 2)),
        "{}",
        rows[0][0]
    );
    let stats = t.root().join("意见统计.xlsx");
    t.ok(t
        .lifa()
        .args(["comments", "qinglanhu", "--stats", "--out"])
        .arg(&stats));
    let rows = crate::sheet_rows(&stats);
    assert_eq!(rows[1], ["维度", "名称", "意见数", "独立意见数"]);
    assert_eq!(
        rows[2][..3],
        ["合计", "合计", comments.to_string().as_str()]
    );

    // Not to the terminal.
    let out = t
        .lifa()
        .args(["search", "湖", "--format", "xlsx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out"));
}

/// `*` and `?` typed as a search engine's wildcards find nothing (the search is by the text as
/// written); the answer says so and what to type instead.
#[test]
fn wildcards_get_a_hint() {
    let t = sample();
    let out = t.ok(t.lifa().args(["search", "网箱*"]));
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 条意见"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("不是通配符") && err.contains("lifa search 网箱"),
        "{err}"
    );
    let out = t.ok(t.lifa().args(["search", "禁止*养殖", "保护"]));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("lifa search 禁止 养殖 保护"), "{err}");
    let hint = t.ok(t.lifa().args(["search", "禁止", "养殖", "保护"]));
    assert!(!String::from_utf8_lossy(&hint.stdout).contains("：0 条意见"));
    let out = t.ok(t.lifa().args(["search", "网箱"]));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("通配符"));
    // The rest of the query is kept as it was meant: groups, phrases, exclusions.
    let hint = |args: &[&str]| {
        let out = t.ok(t.lifa().arg("search").args(args));
        String::from_utf8(out.stderr).unwrap()
    };
    assert!(
        hint(&["(垃圾 OR 污水) 罚款*"]).contains("lifa search '(垃圾 OR 污水) 罚款'"),
        "{}",
        hint(&["(垃圾 OR 污水) 罚款*"])
    );
    let err = hint(&["网箱*", "-“禁止 垂钓”"]);
    assert!(
        err.contains("lifa search '网箱 NOT \"禁止 垂钓\"'"),
        "{err}"
    );
    // Quotes run together with words: the hint says so, when taking them out finds comments.
    let err = hint(&["禁止“网箱养殖”"]);
    assert!(
        err.contains("引号、括号按原文") && err.contains("lifa search 禁止 网箱养殖"),
        "{err}"
    );
    // No hint when the marks are not why nothing was found: under 部门, the words without
    // the quotes find nothing either.
    assert_eq!(search(&t, &["禁止 网箱养殖", "--kind", "部门"])["total"], 0);
    assert!(hint(&["禁止“网箱养殖”", "--kind", "部门"]).is_empty());
    assert!(hint(&["未闭合“"]).is_empty());
    // Spaces inside a phrase are text too: the phrase without them, or else its words.
    assert_eq!(search(&t, &["“禁止 垂钓”"])["total"], 0);
    let err = hint(&["“禁止 垂钓”", "OR", "网箱*"]);
    assert!(err.contains("不是通配符"), "{err}");
    let err = hint(&["“禁止 垂钓”"]);
    assert!(
        err.contains("引号内的空格") && err.contains("lifa search 禁止垂钓"),
        "{err}"
    );
    assert_eq!(search(&t, &["禁止垂钓"])["total"], 2);
    let err = hint(&["湖", "\"禁止 网箱\""]);
    assert!(err.contains("lifa search 湖 禁止 网箱"), "{err}");
    assert!(hint(&["湖", "\"禁止 网箱 游船 垂钓 码头\""]).is_empty());
}

/// A sentence typed whole, or filters that together leave nothing, find nothing: the answer
/// says what would find something — the most of the sentence's words that occur together (and
/// which were left out), or the options that, taken away, let the query find comments.
#[test]
fn a_sentence_or_filters_that_find_nothing_get_a_hint() {
    let t = sample();
    let hint = |args: &[&str]| {
        let out = t.ok(t.lifa().arg("search").args(args));
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("：0 条意见"),
            "{args:?}"
        );
        String::from_utf8(out.stderr).unwrap()
    };
    let total = |args: &[&str]| search(&t, args)["total"].as_u64().unwrap();
    let together = total(&["建议 禁止 网箱养殖"]);
    assert!(together > 0);
    assert_eq!(total(&["建议 禁止 网箱养殖 垂钓"]), 0);
    let err = hint(&["建议禁止网箱养殖和垂钓"]);
    assert!(
        err.contains(&format!(
            "分成词语后（不含“垂钓”）可找到 {together} 条：lifa search 建议 禁止 网箱养殖\n"
        )),
        "{err}"
    );
    let err = hint(&["禁止在湖里网箱养殖"]);
    assert!(
        err.ends_with("（不含“湖里”）可找到 45 条：lifa search 禁止 网箱养殖\n"),
        "{err}"
    );
    // Under filters, the words are tried under the same filters.
    let expert = total(&["建议 禁止 垂钓", "--kind", "专家"]);
    assert!(expert > 0 && total(&["建议 禁止 网箱养殖", "--kind", "专家"]) == 0);
    let err = hint(&["建议禁止网箱养殖和垂钓", "--kind", "专家"]);
    assert!(
        err.contains(&format!(
            "（不含“网箱养殖”）可找到 {expert} 条（其他选项照旧）：lifa search 建议 禁止 垂钓\n"
        )),
        "{err}"
    );
    // A long sentence: its six longest words are tried, and every word not in the command
    // is named.
    let err = hint(&["建议在青澜湖全面禁止网箱养殖和垂钓并且加强巡查执法"]);
    let (note, command) = err.trim_end().split_once("：lifa search ").unwrap();
    let used: Vec<&str> = command.split(' ').collect();
    assert!((2..=6).contains(&used.len()), "{err}");
    assert!(total(&[command]) > 0);
    for w in ["垂钓", "并且", "加强"] {
        assert!(
            note.contains(&format!("“{w}”")) && !used.contains(&w),
            "{err}"
        );
    }
    // --version goes with --article when they are taken away.
    assert_eq!(
        total(&["网箱", "--article", "第一条", "--version", "v1"]),
        0
    );
    let err = hint(&["网箱", "--article", "第一条", "--version", "v1"]);
    assert!(
        err.contains(&format!(
            "去掉 --article 第一条 --version v1 可找到 {} 条",
            total(&["网箱"])
        )),
        "{err}"
    );
    // Nothing found, and nothing of the words together: no hint.
    assert!(hint(&["火星移民"]).is_empty());
    // JSON on stdout is for a program, which does not wait for jieba to load (a cold query
    // stays fast): no words, no filters tried.
    for args in [
        ["建议禁止网箱养殖和垂钓", "--kind", "群众"],
        ["网箱", "--since", "2027-01-01"],
    ] {
        let out = t.ok(t.lifa().arg("search").args(args).args(["--format", "json"]));
        assert!(out.stderr.is_empty(), "{args:?}");
    }
    // Filters: each whose removal alone finds comments, else all of them.
    let net = total(&["网箱"]);
    let err = hint(&["网箱", "--since", "2027-01-01"]);
    assert_eq!(
        err.trim(),
        format!("提示：去掉 --since 2027-01-01 可找到 {net} 条")
    );
    let citizens = total(&["网箱", "--kind", "群众"]);
    let err = hint(&["网箱", "--kind", "群众", "--since", "2027-01-01"]);
    assert_eq!(
        err.trim(),
        format!("提示：去掉 --since 2027-01-01 可找到 {citizens} 条")
    );
    assert_eq!(total(&["网箱", "--kind", "部门"]), 0);
    assert_eq!(total(&["网箱", "--channel", "信函"]), 0);
    let err = hint(&["网箱", "--kind", "部门", "--channel", "信函"]);
    assert_eq!(
        err.trim(),
        format!("提示：没有同时满足这些条件的意见；不加任何条件可找到 {net} 条")
    );
}

/// The terminal says which filters produced what it shows, as the workbook titles do; a
/// `--version` that no draft has is refused by name (it used to find nothing, silently).
#[test]
fn the_filters_in_force_are_named_and_an_unknown_version_is_refused() {
    let t = CliTest::with_sample_comments();
    let text = |args: &[&str]| String::from_utf8(t.ok(t.lifa().args(args)).stdout).unwrap();
    let head = text(&["search", "湖", "--kind", "专家", "--since", "2026-05-01"]);
    assert!(head.starts_with("“湖”（专家、2026-05-01 起）："), "{head}");
    assert!(text(&["search", "湖"]).starts_with("“湖”："));
    let listing = text(&["comments", "qinglanhu", "--article", "14", "--kind", "专家"]);
    assert!(
        listing
            .trim_end()
            .lines()
            .last()
            .unwrap()
            .starts_with("按第十四条、专家筛选，共 "),
        "{listing}"
    );
    let stats = text(&["comments", "qinglanhu", "--stats", "--source", "湖滨"]);
    assert!(
        stats.starts_with("按联系点含“湖滨”筛选，共收到意见 "),
        "{stats}"
    );
    // A version is named by its stage, however it was written, as the listing names articles.
    for v in ["v2", "二审稿"] {
        let stats = text(&[
            "comments",
            "qinglanhu",
            "--stats",
            "--article",
            "14",
            "--version",
            v,
        ]);
        assert!(stats.starts_with("按二审稿 第十四条筛选，"), "{v}: {stats}");
        let head = text(&["search", "湖", "--article", "14", "--version", v]);
        assert!(head.starts_with("“湖”（二审稿 第十四条）："), "{v}: {head}");
    }
    for cmd in [&["search", "湖"][..], &["comments", "qinglanhu"]] {
        let out = t
            .lifa()
            .args(cmd)
            .args(["--article", "14", "--version", "v9"])
            .output()
            .unwrap();
        assert!(!out.status.success(), "{cmd:?}");
        assert!(out.stdout.is_empty(), "{cmd:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("没有版本“v9”")
                && err.contains("v1（一审稿）、v2（二审稿）、v3（表决稿）"),
            "{cmd:?}: {err}"
        );
        // A version is named by its stage as well, as lifa diff names it.
        let by_stage = t
            .lifa()
            .args(cmd)
            .args(["--article", "14", "--version", "二审稿", "--format", "json"])
            .output()
            .unwrap();
        let by_id = t
            .lifa()
            .args(cmd)
            .args(["--article", "14", "--version", "v2", "--format", "json"])
            .output()
            .unwrap();
        assert!(by_stage.status.success(), "{cmd:?}");
        assert_eq!(by_stage.stdout, by_id.stdout, "{cmd:?}");
        assert!(!by_id.stdout.is_empty());
    }
}

/// Holds `index/lifa.lock` as a process writing the index does, until dropped.
fn hold_index_lock(t: &CliTest) -> std::fs::File {
    use std::io::Write;
    std::fs::create_dir_all(t.root().join("index")).unwrap();
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(t.root().join("index/lifa.lock"))
        .unwrap();
    f.lock().unwrap();
    // As lifa does: the holder's process id, which the waiter names.
    f.set_len(0).unwrap();
    write!(f, "{}", std::process::id()).unwrap();
    f
}

/// What a lifa process that waits for the index's lock says.
const WAITS: &str = "另一个 lifa 进程正在更新检索索引";

/// Runs a lifa command while the index is locked by another process: it must say that it
/// waits (read from its stderr as it comes, not after a guessed delay) and still be running;
/// then `meanwhile` runs, as the other process's writing, the lock is released, and the
/// command must finish with what it was asked to do. Returns its stdout and stderr.
fn run_behind_lock(
    t: &CliTest,
    args: &[&std::ffi::OsStr],
    meanwhile: impl FnOnce(),
) -> (String, String) {
    use std::io::{BufRead, Read};
    use std::process::Stdio;
    let lock = hold_index_lock(t);
    let mut child = t
        .lifa()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let stdout = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).unwrap();
        s
    });
    let stderr = child.stderr.take().unwrap();
    let (said, waits) = std::sync::mpsc::channel();
    let stderr = std::thread::spawn(move || {
        let mut all = String::new();
        for line in std::io::BufReader::new(stderr).lines() {
            let line = line.unwrap();
            if line.contains(WAITS) {
                let _ = said.send(());
            }
            all += &line;
            all += "\n";
        }
        all
    });
    // The sender is dropped when the process ends: a process that never waits fails at once.
    let waited = waits.recv_timeout(std::time::Duration::from_secs(300));
    assert!(
        waited.is_ok(),
        "{args:?} did not wait for the index: {:?}",
        child.try_wait()
    );
    assert!(child.try_wait().unwrap().is_none(), "{args:?} went on");
    meanwhile();
    drop(lock);
    let status = child.wait().unwrap();
    let err = stderr.join().unwrap();
    assert!(status.success(), "{args:?}: {err}");
    assert!(
        err.contains(&format!("进程号 {}", std::process::id())),
        "{err}"
    );
    (stdout.join().unwrap(), err)
}

/// Runs a lifa command that must not wait for anything: fails (and stops it) if it has not
/// finished within a minute.
fn run_without_waiting(t: &CliTest, args: &[&str]) -> Value {
    use std::process::Stdio;
    let mut child = t
        .lifa()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("{args:?} waited");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{args:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A comment upload of one row, as a contact point's CSV.
fn one_row_csv(text: &str, who: &str) -> String {
    format!(
        "序号,条款,意见内容,提出人,提出人类型,联系点,渠道,日期\n\
         1,第三十六条,{text},{who},群众,青澜市人大代表之家联络站,面对面,2026/5/20\n"
    )
}

/// The sample workspace with one more comment imported (and so indexed).
fn with_one_more(text: &str, who: &str) -> CliTest {
    let t = CliTest::with_sample_comments();
    let file = t.root().join("一条.csv");
    std::fs::write(&file, one_row_csv(text, who)).unwrap();
    t.ok(t.lifa().arg("import").arg("qinglanhu").arg(&file));
    t
}

/// What another lifa process writing `to`'s index would leave: `from`'s batch files that `to`
/// lacks copied into `to`'s store, and `from`'s index in place of `to`'s (its lock file kept).
fn write_index_as_another_process(from: &CliTest, to: &CliTest) {
    copy_new_batches(from, to);
    let index = to.root().join("index");
    for e in std::fs::read_dir(&index).unwrap().flatten() {
        if e.file_name() != "lifa.lock" {
            let p = e.path();
            if p.is_dir() {
                std::fs::remove_dir_all(p).unwrap();
            } else {
                std::fs::remove_file(p).unwrap();
            }
        }
    }
    copy_dir(&from.root().join("index"), &index);
}

/// Copies `from`'s batch files that `to` lacks into `to`'s store.
fn copy_new_batches(from: &CliTest, to: &CliTest) {
    let batches = "comments/qinglanhu/batches";
    for e in std::fs::read_dir(from.root().join(batches))
        .unwrap()
        .flatten()
    {
        let there = to.root().join(batches).join(e.file_name());
        if !there.exists() {
            std::fs::copy(e.path(), there).unwrap();
        }
    }
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        if e.path().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else if e.file_name() != "lifa.lock" {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// The comments, facets and opinions of a JSON answer (BM25 scores can differ in the last
/// digits while deleted documents wait for a segment merge, so hits are compared as sets).
fn essence(v: &Value) -> (Value, Value, Value, Vec<String>) {
    let mut hits: Vec<String> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| format!("{} {} {}", h["id"], h["copies"], h["supporters"]))
        .collect();
    hits.sort();
    (
        v["total"].clone(),
        v["opinions"].clone(),
        v["facets"].clone(),
        hits,
    )
}

/// Two processes never write the index at once: a search, an import or `lifa index` that has
/// something to index while another process writes it waits for that one (it used to fail
/// with tantivy's English "LockBusy"), then indexes from what the other wrote.
#[test]
fn a_process_that_finds_the_index_being_written_waits_for_it() {
    let t = CliTest::with_sample_comments();
    let os = |s: &str| std::ffi::OsString::from(s);
    // No index yet: the search that would create it waits.
    let (out, _) = run_behind_lock(
        &t,
        &[&os("search"), &os("网箱养殖"), &os("--format"), &os("json")],
        || {},
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    let before = v["total"].as_u64().unwrap();
    assert!(before > 0);
    // An import whose index update finds the index locked, by a process that meanwhile
    // stores and indexes a comment of its own: the import indexes its comment on top of
    // what the other wrote, and the index holds both, each once, as a rebuild would.
    let file = t.root().join("新增.csv");
    std::fs::write(
        &file,
        one_row_csv("建议划定网箱养殖退出的时间表，分三年完成。", "罗晓梅"),
    )
    .unwrap();
    let other = with_one_more("网箱养殖的渔民转产要有补助，分五年完成。", "李春生");
    let (out, _) = run_behind_lock(
        &t,
        &[&os("import"), &os("qinglanhu"), file.as_os_str()],
        || write_index_as_another_process(&other, &t),
    );
    assert!(out.contains("索引已更新"), "{out}");
    // The last writer left its process id in the lock file, for the next waiter to name.
    let holder = std::fs::read_to_string(t.root().join("index/lifa.lock")).unwrap();
    assert!(
        holder
            .parse::<u32>()
            .is_ok_and(|pid| pid != std::process::id()),
        "{holder}"
    );
    let queries = [["网箱养殖"], ["完成"], ["湖"]];
    let updated: Vec<Value> = queries.iter().map(|q| search(&t, q)).collect();
    assert_eq!(updated[0]["total"].as_u64().unwrap(), before + 2);
    assert_eq!(search(&t, &["分三年完成"])["total"], 1);
    assert_eq!(search(&t, &["分五年完成"])["total"], 1);
    forget_groups(&t);
    // A rebuild waits too, and answers the same, scores included (nothing was deleted, so
    // tantivy's statistics are the same): the import indexed nothing twice.
    let (out, _) = run_behind_lock(&t, &[&os("index"), &os("--rebuild")], || {});
    assert!(out.contains("共 569 条意见"), "{out}");
    for (q, a) in queries.iter().zip(&updated) {
        assert_eq!(&search(&t, q), a, "{q:?}");
    }
    // With nothing to index, a search does not wait.
    let _lock = hold_index_lock(&t);
    let v = run_without_waiting(&t, &["search", "网箱养殖", "--format", "json"]);
    assert_eq!(v["total"].as_u64().unwrap(), before + 2);
}

/// A search that finds the index's files gone under it (another process rebuilding it had
/// removed them after this one read the state) waits for that process and answers from what
/// it wrote, instead of failing with tantivy's "Files does not exist".
#[test]
fn a_search_that_finds_the_index_half_cleared_waits_for_the_rebuild() {
    let t = CliTest::with_sample_comments();
    let answer = search(&t, &["网箱养殖"]);
    let state: Value =
        serde_json::from_slice(&std::fs::read(t.root().join("index/lifa-state.json")).unwrap())
            .unwrap();
    let grams = state["grams"][0].as_str().unwrap();
    std::fs::remove_file(t.root().join("index").join(grams)).unwrap();
    let rebuilt = CliTest::with_sample_comments();
    search(&rebuilt, &["湖"]);
    let os = |s: &str| std::ffi::OsString::from(s);
    let (out, err) = run_behind_lock(
        &t,
        &[
            &os("search"),
            &os("网箱养殖"),
            &os("--format"),
            &os("json"),
            &os("--limit"),
            &os("1000"),
        ],
        || write_index_as_another_process(&rebuilt, &t),
    );
    assert_eq!(serde_json::from_str::<Value>(&out).unwrap(), answer);
    // It opened what the other process wrote: it did not clear and rebuild it.
    assert!(!err.contains("将重新建立"), "{err}");
    // A file lost with no process writing: the index is built again, and answers the same.
    std::fs::remove_file(t.root().join("index").join(grams)).unwrap();
    let out = t
        .lifa()
        .args(["search", "--format", "json", "--limit", "1000", "网箱养殖"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(grams) && err.contains("将重新建立") && !err.contains("lifa index --rebuild"),
        "{err}"
    );
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stdout).unwrap(),
        answer
    );
}

/// A process that read the index's state before another wrote it (here: opened it, then a
/// batch arrived and another process rebuilt the index) starts again from what the other
/// wrote when it gets the lock, even without waiting for it: writing from what it had read
/// named files the rebuild had removed, and every later search failed.
#[test]
fn an_update_begun_before_another_process_wrote_starts_from_what_it_wrote() {
    use lifa::index::SearchIndex;
    use lifa::workspace::Workspace;
    let t = CliTest::with_sample_comments();
    let ws = Workspace::new(t.root());
    search(&t, &["网箱养殖"]);
    let other = with_one_more("网箱养殖的渔民转产要有补助，分五年完成。", "李春生");
    let mut stale = SearchIndex::open(&ws).unwrap();
    copy_new_batches(&other, &t);
    t.ok(t.lifa().args(["index", "--rebuild"]));
    let rebuilt = search(&t, &["网箱养殖"]);
    let stats = stale.update(&ws).unwrap();
    assert_eq!(stats.comments_total, 568);
    drop(stale);
    assert_eq!(search(&t, &["网箱养殖"]), rebuilt);
    assert_eq!(search(&t, &["分五年完成"])["total"], 1);
}
