//! `index/groups.bin`: every indexed comment's opinion group, by the comment's ordinal (the
//! `ord` fast field), written after grouping.
//!
//! Groups live beside the index, not in it: a document never has to be re-indexed because a
//! new copy turned its duplicate into a campaign, and indexing does not wait for the grouping
//! (which needs every text of the regulation) before the first document goes in.
//!
//! Layout (little-endian u32): a magic number, the number of ordinals `n`, then for each
//! ordinal the ordinal of its group's representative (the group's id), then for each ordinal
//! the size of its group. Both are read by ordinal, so a query reads them in order, not
//! chasing the representative.

use std::path::Path;

const MAGIC: u32 = 0x6c67_7270; // "lgrp"

/// Group of each ordinal (see the module documentation).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Groups {
    /// `group[ord]`: the ordinal of the representative of `ord`'s group.
    pub group: Vec<u32>,
    /// `size[ord]`: the size of `ord`'s group.
    pub size: Vec<u32>,
}

impl Groups {
    /// Reads `groups.bin`; empty if there is none or it is unreadable.
    pub fn read(path: &Path) -> Groups {
        let Ok(bytes) = std::fs::read(path) else {
            return Groups::default();
        };
        let words: Vec<u32> = bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        match words.as_slice() {
            [MAGIC, n, rest @ ..] if rest.len() == 2 * *n as usize => {
                let (group, size) = rest.split_at(*n as usize);
                Groups {
                    group: group.to_vec(),
                    size: size.to_vec(),
                }
            }
            _ => Groups::default(),
        }
    }

    /// The file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let n = self.group.len();
        let mut out = Vec::with_capacity(8 + 8 * n);
        out.extend_from_slice(&MAGIC.to_le_bytes());
        out.extend_from_slice(&(n as u32).to_le_bytes());
        for v in &self.group {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for i in 0..n {
            out.extend_from_slice(&self.size.get(i).copied().unwrap_or(0).to_le_bytes());
        }
        out
    }

    /// Makes room for ordinals below `n`.
    pub fn grow(&mut self, n: usize) {
        if self.group.len() < n {
            let from = self.group.len() as u32;
            self.group.extend(from..n as u32);
            self.size.resize(n, 1);
        }
    }

    /// `(representative, size)` of an ordinal; an unknown ordinal is a group of its own.
    #[inline]
    pub fn of(&self, ord: u32) -> (u32, u32) {
        match self.group.get(ord as usize) {
            Some(&g) => (g, self.size.get(ord as usize).copied().unwrap_or(1).max(1)),
            None => (ord, 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let g = Groups {
            group: vec![0, 0, 2, 0],
            size: vec![3, 3, 1, 3],
        };
        let p = dir.path().join("groups.bin");
        std::fs::write(&p, g.to_bytes()).unwrap();
        let back = Groups::read(&p);
        assert_eq!(back, g);
        assert_eq!(back.of(3), (0, 3));
        assert_eq!(back.of(2), (2, 1));
        assert_eq!(back.of(9), (9, 1));
        assert_eq!(Groups::read(&dir.path().join("none")), Groups::default());
    }
}
