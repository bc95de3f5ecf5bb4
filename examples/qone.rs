use lifa::index::SearchIndex;
use lifa::search::{self, Filters};
use lifa::workspace::Workspace;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let q = std::env::args().nth(2).unwrap();
    let n: usize = std::env::args().nth(3).map_or(200, |s| s.parse().unwrap());
    let ws = Workspace::new(&dir);
    let idx = SearchIndex::open(&ws).unwrap();
    let e = search::parse_query(&q).unwrap();
    for _ in 0..n {
        std::hint::black_box(search::search(&ws, &idx, &e, &Filters::default(), 20, 1).unwrap());
    }
}
