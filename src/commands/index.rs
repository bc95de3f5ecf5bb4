//! `lifa index`: bring `index/` up to date with `comments/`, or rebuild it.

use crate::cli::IndexArgs;
use crate::error::Result;
use crate::index::{SearchIndex, UpdateStats};
use crate::workspace::Workspace;

pub(super) fn run(ws: &Workspace, args: &IndexArgs) -> Result<()> {
    ws.check()?;
    let mut index = SearchIndex::open(ws)?;
    if let Some(notice) = super::indexing_notice(index.unindexed_bytes(ws, args.rebuild)) {
        eprintln!("{notice}");
    }
    let stats = if args.rebuild {
        drop(index);
        SearchIndex::rebuild(ws)?
    } else {
        index.update(ws)?
    };
    println!("{}", describe(&stats));
    Ok(())
}

/// The sentence staff read after an index update.
pub(super) fn describe(s: &UpdateStats) -> String {
    if s.rebuilt {
        return format!("索引已重建：共 {} 条意见", s.comments_total);
    }
    if s.batches_added == 0 && s.batches_removed == 0 {
        return format!("索引已是最新：共 {} 条意见", s.comments_total);
    }
    format!(
        "索引已更新：新增批次 {}，移除批次 {}，写入 {} 条；共 {} 条意见",
        s.batches_added, s.batches_removed, s.comments_indexed, s.comments_total
    )
}
