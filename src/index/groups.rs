//! The opinion groups of each regulation's store, kept in `index/groups/<reg>.bin` so that what
//! reads the whole store — `lifa comments`, `lifa report`, `lifa decide`, a rebuild of the
//! index — does not group a million texts again each time (about 3 s on two cores, a third of
//! `lifa comments --stats` on the search bench's million).
//!
//! The import groups the whole store anyway (to count duplicates) and writes the record; a
//! command that has to group the store itself writes it too. It is taken only for the same
//! batches, in the same order, each with the same number of comments and the same bytes (a
//! content hash of each file), from the same grouping rules ([`group::RULES`]), and when its
//! own checksum holds; otherwise the store is grouped again. It is derived data like the rest of
//! `index/`: deleting it loses nothing. `lifa index --rebuild` keeps it (grouping does not
//! depend on the index or its dictionary), and deleting `index/` removes it.
//!
//! Layout (little-endian): `LIFAGRP1`, the rules' version (u32), the number of batches (u32) and
//! for each its content hash (u64), its number of comments (u32), the length of its id (u32) and
//! the id; the number of texts (u32) and for each the index of its group's lowest member (u32);
//! then the first 8 bytes of the BLAKE3 hash of everything before.

use std::path::{Path, PathBuf};

use crate::group::{self, Group, GroupKind, Grouping};
use crate::store::BatchKey;

const MAGIC: &[u8; 8] = b"LIFAGRP1";

/// Where the record of `reg` lives, under the index folder `index_dir`.
pub fn path(index_dir: &Path, reg: &str) -> PathBuf {
    index_dir.join("groups").join(format!("{reg}.bin"))
}

/// Writes the record of a grouping of `batches` (best effort: a record that cannot be written,
/// in a read-only copy say, only means the next command groups again). A store without batches
/// has nothing to record.
pub fn save(index_dir: &Path, reg: &str, batches: &[BatchKey], grouping: &Grouping) {
    if batches.is_empty() {
        return;
    }
    let p = path(index_dir, reg);
    if let Some(dir) = p.parent()
        && std::fs::create_dir_all(dir).is_ok()
    {
        let _ = crate::store::write_atomic(&p, &encode(batches, grouping));
    }
}

/// The grouping recorded for exactly `batches` (ids, counts and content hashes, in order), if
/// there is one.
pub fn load(index_dir: &Path, reg: &str, batches: &[BatchKey]) -> Option<Grouping> {
    let (keys, grouping) = read(index_dir, reg)?;
    (keys == batches).then_some(grouping)
}

/// The record of `reg` with the batches it was made for, if it is there, whole, and of the
/// current grouping rules.
pub fn read(index_dir: &Path, reg: &str) -> Option<(Vec<BatchKey>, Grouping)> {
    decode(&std::fs::read(path(index_dir, reg)).ok()?)
}

fn checksum(bytes: &[u8]) -> [u8; 8] {
    let h = blake3::hash(bytes);
    h.as_bytes()[..8].try_into().unwrap_or_default()
}

fn encode(batches: &[BatchKey], grouping: &Grouping) -> Vec<u8> {
    let n = grouping.group_of.len();
    let mut out = Vec::with_capacity(32 + batches.len() * 32 + n * 4);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&group::RULES.to_le_bytes());
    out.extend_from_slice(&(batches.len() as u32).to_le_bytes());
    for b in batches {
        out.extend_from_slice(&b.hash.to_le_bytes());
        out.extend_from_slice(&(b.comments as u32).to_le_bytes());
        out.extend_from_slice(&(b.id.len() as u32).to_le_bytes());
        out.extend_from_slice(b.id.as_bytes());
    }
    out.extend_from_slice(&(n as u32).to_le_bytes());
    for &g in &grouping.group_of {
        out.extend_from_slice(&grouping.groups[g as usize].members[0].to_le_bytes());
    }
    let sum = checksum(&out);
    out.extend_from_slice(&sum);
    out
}

/// Reads little-endian numbers and byte strings off the front of a slice.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Some(a)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.bytes(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.bytes(8)?.try_into().ok()?))
    }
}

fn decode(bytes: &[u8]) -> Option<(Vec<BatchKey>, Grouping)> {
    let body = bytes.get(..bytes.len().checked_sub(8)?)?;
    if checksum(body) != bytes[body.len()..] {
        return None;
    }
    let mut r = Reader(body);
    if r.bytes(8)? != MAGIC || r.u32()? != group::RULES {
        return None;
    }
    let nb = r.u32()? as usize;
    let mut batches = Vec::with_capacity(nb.min(body.len() / 16));
    for _ in 0..nb {
        let hash = r.u64()?;
        let comments = r.u32()? as usize;
        let len = r.u32()? as usize;
        let id = std::str::from_utf8(r.bytes(len)?).ok()?.to_string();
        batches.push(BatchKey { id, comments, hash });
    }
    let n = r.u32()? as usize;
    if r.0.len() != n * 4 || batches.iter().map(|b| b.comments).sum::<usize>() != n {
        return None;
    }
    let mut group_of: Vec<u32> = Vec::with_capacity(n);
    let mut groups: Vec<Group> = Vec::new();
    for i in 0..n {
        let rep = r.u32()? as usize;
        let g = if rep == i {
            groups.push(Group {
                members: Vec::new(),
                kind: GroupKind::Single,
            });
            groups.len() - 1
        } else {
            // A group's lowest member comes first and heads it.
            let g = *group_of.get(rep)? as usize;
            if groups[g].members[0] as usize != rep {
                return None;
            }
            g
        };
        groups[g].members.push(i as u32);
        group_of.push(g as u32);
    }
    for g in &mut groups {
        g.kind = GroupKind::of_size(g.members.len());
    }
    Some((batches, Grouping { group_of, groups }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Vec<BatchKey> {
        vec![
            BatchKey {
                id: "b0123456789ab".into(),
                comments: 3,
                hash: 7,
            },
            BatchKey {
                id: "bfedcba987654".into(),
                comments: 2,
                hash: 9,
            },
        ]
    }

    fn texts() -> [&'static str; 5] {
        [
            "建议将第二十四条中的“定期”修改为“按季度”。",
            "湖边垃圾填埋场离水太近，应该禁止新建。",
            "建议将第二十四条中的“定期”修改为“按季度”",
            "湖边垃圾填埋场离水太近，应该禁止新建！",
            "渔民转产的补助标准应当公开。",
        ]
    }

    #[test]
    fn a_record_reads_back_as_the_grouping_it_was_written_from() {
        let dir = tempfile::tempdir().unwrap();
        let g = group::group(&texts());
        assert_eq!(g.groups.len(), 3);
        save(dir.path(), "hu", &keys(), &g);
        assert_eq!(load(dir.path(), "hu", &keys()), Some(g.clone()));
        // A campaign's kind comes back from its size.
        let many: Vec<&str> = std::iter::repeat_n(texts()[1], 6).chain(texts()).collect();
        let big = group::group(&many);
        assert_eq!(big.groups[0].kind, GroupKind::Campaign);
        let k = vec![BatchKey {
            id: "b1".into(),
            comments: many.len(),
            hash: 1,
        }];
        save(dir.path(), "hu", &k, &big);
        assert_eq!(load(dir.path(), "hu", &k), Some(big));
        // A store without batches records nothing, and leaves no temporary file behind.
        let empty = group::group(&[]);
        save(dir.path(), "none", &[], &empty);
        assert!(!path(dir.path(), "none").exists());
        let names: Vec<String> = std::fs::read_dir(dir.path().join("groups"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["hu.bin"]);
    }

    /// Processes and threads writing the same record at once each write a whole file: whenever
    /// the record is read, meanwhile and afterwards, it is one of theirs, intact.
    #[test]
    fn records_written_at_once_do_not_mix() {
        let dir = tempfile::tempdir().unwrap();
        let g = group::group(&texts());
        let apart = group::group(&["一", "二", "三", "四", "五"]);
        save(dir.path(), "hu", &keys(), &g);
        let writing = std::sync::atomic::AtomicUsize::new(4);
        std::thread::scope(|s| {
            for t in 0..4 {
                let (dir, g, apart, writing) = (dir.path(), &g, &apart, &writing);
                s.spawn(move || {
                    for _ in 0..200 {
                        save(dir, "hu", &keys(), if t % 2 == 0 { g } else { apart });
                    }
                    writing.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
                });
            }
            while writing.load(std::sync::atomic::Ordering::Relaxed) > 0 {
                let got = load(dir.path(), "hu", &keys()).expect("an intact record");
                assert!(got == g || got == apart);
            }
        });
        let got = load(dir.path(), "hu", &keys()).expect("an intact record");
        assert!(got == g || got == apart);
    }

    #[test]
    fn a_record_of_other_batches_or_damaged_is_not_taken() {
        let dir = tempfile::tempdir().unwrap();
        let g = group::group(&texts());
        save(dir.path(), "hu", &keys(), &g);
        assert!(load(dir.path(), "other", &keys()).is_none());
        for change in [
            |k: &mut Vec<BatchKey>| k[0].hash += 1,
            |k: &mut Vec<BatchKey>| k[1].comments += 1,
            |k: &mut Vec<BatchKey>| k.swap(0, 1),
            |k: &mut Vec<BatchKey>| k[0].id.push('0'),
            |k: &mut Vec<BatchKey>| {
                k.pop();
            },
        ] {
            let mut k = keys();
            change(&mut k);
            assert!(load(dir.path(), "hu", &k).is_none(), "{k:?}");
        }
        let p = path(dir.path(), "hu");
        let good = std::fs::read(&p).unwrap();
        for at in [0, 9, 20, good.len() - 12, good.len() - 1] {
            let mut bad = good.clone();
            bad[at] ^= 0x10;
            std::fs::write(&p, &bad).unwrap();
            assert!(load(dir.path(), "hu", &keys()).is_none(), "byte {at}");
        }
        std::fs::write(&p, &good[..good.len() - 3]).unwrap();
        assert!(load(dir.path(), "hu", &keys()).is_none());
        // Another version of the grouping rules.
        let mut other = good[..good.len() - 8].to_vec();
        other[8..12].copy_from_slice(&(group::RULES + 1).to_le_bytes());
        let sum = checksum(&other);
        other.extend_from_slice(&sum);
        std::fs::write(&p, &other).unwrap();
        assert!(load(dir.path(), "hu", &keys()).is_none());
        std::fs::write(&p, &good).unwrap();
        assert_eq!(load(dir.path(), "hu", &keys()), Some(g));
    }
}
