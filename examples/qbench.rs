// Scratch: time the bench's 20 queries on a kept workspace (not committed).
use lifa::index::SearchIndex;
use lifa::search::{self, Filters};
use lifa::workspace::Workspace;
use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let ws = Workspace::new(&dir);
    let t = Instant::now();
    let idx = SearchIndex::open(&ws).unwrap();
    println!("open {:.2} ms", t.elapsed().as_secs_f64() * 1e3);
    let qs = [
        "基层立法联系点",
        "人民代表大会常务委员会",
        "饮用水水源保护区",
        "中华人民共和国",
        "盐子埠",
        "荻港村",
        "地笼",
        "app",
        "湖",
        "鱼",
        "垃圾",
        "罚款",
        "游船",
        "网箱养殖",
        "\"禁止垂钓\"",
        "“别光写在纸上”",
        "网箱养殖 禁渔期",
        "垂钓 OR 钓鱼",
        "游船 NOT 罚款",
        "罚款*",
    ];
    let mut meds = Vec::new();
    for q in qs {
        let (q, f) = if let Some(q) = q.strip_suffix('*') {
            (
                q,
                Filters {
                    kind: lifa::comment::Kind::parse("专家"),
                    ..Filters::default()
                },
            )
        } else {
            (q, Filters::default())
        };
        let mut ts = Vec::new();
        let mut total = 0;
        for _ in 0..11 {
            let t = Instant::now();
            let e = search::parse_query(q).unwrap();
            let r = search::search(&ws, &idx, &e, &f, 20, 1).unwrap();
            ts.push(t.elapsed().as_secs_f64() * 1e3);
            total = r.total;
        }
        ts.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!("{q:<16} {total:>8} {:>8.2} ms (min {:.2})", ts[5], ts[0]);
        meds.push(ts[5]);
    }
    meds.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("p50 {:.2} p99 {:.2}", (meds[9] + meds[10]) / 2.0, meds[19]);
}
