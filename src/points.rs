//! Contact points (联系点) written more than one way. Staff write the same contact point in full
//! on one sheet and shortened on the next (`澜湖区湖滨街道基层立法联系点`, `湖滨街道基层立法联系点`);
//! counted apart, one point gets two rows in the statistics and two feedback letters.
//!
//! `comments/contact-points.toml` says which names are one point, for every regulation of the
//! workspace:
//!
//! ```toml
//! [[point]]
//! name = "澜湖区湖滨街道基层立法联系点"
//! aliases = ["湖滨街道基层立法联系点", "湖滨联系点"]
//! ```
//!
//! Stored batches keep what was written; a comment is counted, filtered, searched and answered
//! under its point's `name`, read through [`ContactPoints`]. Names the file does not join are
//! never joined by guess: [`ContactPoints::likely_aliases`] only points staff at pairs that look
//! like one point written two ways.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::workspace::Workspace;

/// Where the table lives, relative to the workspace root (for messages).
pub const FILE: &str = "comments/contact-points.toml";

/// Which written names are one contact point.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactPoints {
    /// Every alias → its point's name.
    name_of: FxHashMap<String, String>,
    /// Every point's name → its aliases, in the order the file lists them.
    aliases: FxHashMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PointsFile {
    #[serde(default)]
    point: Vec<toml::Spanned<PointEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PointEntry {
    name: toml::Spanned<String>,
    #[serde(default)]
    aliases: Vec<toml::Spanned<String>>,
    #[serde(default)]
    #[allow(dead_code)] // kept for people reading the file; lifa does not use it
    note: Option<String>,
}

/// The path of the table in a workspace.
pub fn path(ws: &Workspace) -> PathBuf {
    ws.root.join(FILE)
}

/// A name as compared: without spaces (full-width ones included) around or inside it.
fn key(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

impl ContactPoints {
    /// The workspace's table; empty when the file does not exist.
    pub fn load(ws: &Workspace) -> Result<ContactPoints> {
        let path = path(ws);
        match std::fs::read_to_string(&path) {
            Ok(text) => ContactPoints::parse(&path, &text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ContactPoints::default()),
            Err(source) => Err(Error::Io {
                path: path.display().to_string(),
                source,
            }),
        }
    }

    /// Parses the table; every mistake is reported with its line.
    pub fn parse(path: &Path, text: &str) -> Result<ContactPoints> {
        let line_of = |offset: usize| crate::workspace::line_of(text, offset);
        let err = |line: usize, message: String| Error::ContactPoints {
            path: path.display().to_string(),
            line,
            message,
        };
        let file: PointsFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(s.start)).unwrap_or(1);
            err(line, e.message().trim().to_string())
        })?;
        let mut out = ContactPoints::default();
        // Every name written so far → the line it was written on.
        let mut seen: FxHashMap<String, usize> = FxHashMap::default();
        for entry in &file.point {
            let entry = entry.get_ref();
            let name = key(entry.name.get_ref());
            let name_line = line_of(entry.name.span().start);
            if name.is_empty() {
                return Err(err(name_line, "name 不能为空".into()));
            }
            let mut aliases = Vec::new();
            for (written, line) in std::iter::once((&name, name_line)).chain(
                entry
                    .aliases
                    .iter()
                    .map(|a| (a.get_ref(), line_of(a.span().start))),
            ) {
                let k = key(written);
                if k.is_empty() {
                    return Err(err(line, "别名不能为空".into()));
                }
                if let Some(first) = seen.get(&k) {
                    return Err(err(
                        line,
                        format!("“{k}”在第 {first} 行已经写过：一个名称只能属于一个联系点"),
                    ));
                }
                seen.insert(k.clone(), line);
                if k != name {
                    out.name_of.insert(k.clone(), name.clone());
                    aliases.push(k);
                }
            }
            out.aliases.insert(name, aliases);
        }
        Ok(out)
    }

    /// Whether the table joins any names.
    pub fn is_empty(&self) -> bool {
        self.name_of.is_empty()
    }

    /// The name a comment from `written` is counted under: its point's name when the table
    /// lists it as an alias, else `written` itself.
    pub fn name<'a>(&'a self, written: &'a str) -> &'a str {
        if self.name_of.is_empty() {
            return written;
        }
        match self.name_of.get(written) {
            Some(n) => n,
            None if written.chars().any(char::is_whitespace) => self
                .name_of
                .get(&key(written))
                .map_or(written, String::as_str),
            None => written,
        }
    }

    /// Rewrites `source` to its point's name.
    pub fn rename(&self, source: &mut String) {
        let name = self.name(source);
        if name != source.as_str() {
            *source = name.to_string();
        }
    }

    /// Whether `--source text` picks the point named `name`: its name or one of its aliases
    /// contains the text.
    pub fn matches(&self, name: &str, text: &str) -> bool {
        name.contains(text)
            || self
                .aliases
                .get(name)
                .is_some_and(|a| a.iter().any(|a| a.contains(text)))
    }

    /// Pairs of names (as counted, after the table) that look like one contact point written
    /// two ways, `(short, full)`: once the kind of point at the end is set aside
    /// (`基层立法联系点`, `立法联络点`, `信息采集点`…), the short one's place is the end of
    /// exactly one other name's (`湖滨街道` of `澜湖区湖滨街道`). Only a hint: lifa never joins
    /// names the table does not.
    pub fn likely_aliases<'a>(&self, names: &[&'a str]) -> Vec<(&'a str, &'a str)> {
        let mut names: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| !n.trim().is_empty())
            .collect();
        names.sort_unstable();
        names.dedup();
        let places: Vec<String> = names.iter().map(|n| place(n)).collect();
        let mut out = Vec::new();
        for (i, short) in places.iter().enumerate() {
            if short.chars().count() < 2 {
                continue;
            }
            let mut longer = places
                .iter()
                .enumerate()
                .filter(|&(j, long)| j != i && long.len() > short.len() && long.ends_with(short));
            if let (Some((j, _)), None) = (longer.next(), longer.next())
                // A name the table lists as a point of its own is known to be another point.
                && !self.aliases.contains_key(&key(names[i]))
            {
                out.push((names[i], names[j]));
            }
        }
        out
    }
}

/// The kinds of contact point a name ends with, longest first.
const KINDS: [&str; 11] = [
    "基层立法联系点",
    "基层立法联络点",
    "基层立法联络站",
    "立法联系点",
    "立法联络点",
    "立法联络站",
    "信息采集点",
    "联系点",
    "联络点",
    "联络站",
    "采集点",
];

/// A contact point's name without spaces and without the kind of point at its end.
fn place(name: &str) -> String {
    let k = key(name);
    for kind in KINDS {
        if let Some(p) = k.strip_suffix(kind) {
            return p.to_string();
        }
    }
    k
}

/// The hint staff get when names look like one point written two ways; `None` when none do.
pub fn hint(points: &ContactPoints, names: &[&str]) -> Option<String> {
    let pairs = points.likely_aliases(names);
    if pairs.is_empty() {
        return None;
    }
    let mut out = String::from("提示：以下联系点名称可能是同一联系点的不同写法，目前分开统计：\n");
    for (short, full) in &pairs {
        out.push_str(&format!("  “{short}” 与 “{full}”\n"));
    }
    let (short, full) = pairs[0];
    out.push_str(&format!(
        "如确为同一联系点，请在 {FILE} 中写明（统计、反馈和检索随即合并），例如：\n\
         \x20 [[point]]\n\x20 name = \"{full}\"\n\x20 aliases = [\"{short}\"]\n\
         如不是，把它单独写成一个 [[point]]（只写 name），此提示不再出现。\n"
    ));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ContactPoints> {
        ContactPoints::parse(Path::new("comments/contact-points.toml"), text)
    }

    #[test]
    fn aliases_are_counted_under_the_points_name() {
        let p = parse(
            "# 同一联系点的不同写法\n\
             [[point]]\n\
             name = \"澜湖区湖滨街道基层立法联系点\"\n\
             aliases = [\"湖滨街道基层立法联系点\", \"湖滨联系点\"]\n\
             \n\
             [[point]]\n\
             name = \"市环保志愿者协会信息采集点\"\n\
             aliases = [\"环保志愿者协会\"]\n\
             note = \"2026 年起改名\"\n",
        )
        .unwrap();
        assert_eq!(
            p.name("湖滨街道基层立法联系点"),
            "澜湖区湖滨街道基层立法联系点"
        );
        assert_eq!(p.name("湖滨联系点"), "澜湖区湖滨街道基层立法联系点");
        // Spaces typed inside a name do not make it another name.
        assert_eq!(p.name("湖滨 联系点"), "澜湖区湖滨街道基层立法联系点");
        assert_eq!(p.name("环保志愿者协会"), "市环保志愿者协会信息采集点");
        assert_eq!(
            p.name("东岸县渔业村基层立法联系点"),
            "东岸县渔业村基层立法联系点"
        );
        let mut s = "湖滨联系点".to_string();
        p.rename(&mut s);
        assert_eq!(s, "澜湖区湖滨街道基层立法联系点");
        // --source finds a point by any of its names.
        assert!(p.matches("澜湖区湖滨街道基层立法联系点", "湖滨联系点"));
        assert!(p.matches("澜湖区湖滨街道基层立法联系点", "澜湖区"));
        assert!(!p.matches("市环保志愿者协会信息采集点", "湖滨"));
        assert!(parse("").unwrap().is_empty());
    }

    #[test]
    fn mistakes_name_their_line() {
        let twice = parse(
            "[[point]]\nname = \"甲街道联系点\"\naliases = [\"甲联系点\"]\n\n\
             [[point]]\nname = \"乙街道联系点\"\naliases = [\"丙\", \"甲联系点\"]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(twice.contains("contact-points.toml:7:"), "{twice}");
        assert!(twice.contains("“甲联系点”在第 3 行已经写过"), "{twice}");
        let unknown = parse("[[point]]\nname = \"甲\"\nalias = [\"乙\"]\n")
            .unwrap_err()
            .to_string();
        assert!(
            unknown.contains(":3:") && unknown.contains("alias"),
            "{unknown}"
        );
        let empty = parse("[[point]]\nname = \"甲\"\naliases = [\"  \"]\n")
            .unwrap_err()
            .to_string();
        assert!(
            empty.contains(":3:") && empty.contains("别名不能为空"),
            "{empty}"
        );
        let broken = parse("[[point]]\nname = \"甲\n").unwrap_err().to_string();
        assert!(broken.contains(":2:"), "{broken}");
    }

    #[test]
    fn names_that_look_alike_are_pointed_out_not_joined() {
        let none = ContactPoints::default();
        let names = [
            "澜湖区湖滨街道基层立法联系点",
            "湖滨街道基层立法联系点",
            "湖滨街道联系点",
            "青澜大学法学院基层立法联系点",
            "西溪县律师协会立法联络点",
            "东岸县律师协会立法联络点",
            "律师协会立法联络点",
            "基层立法联系点",
        ];
        let pairs = none.likely_aliases(&names);
        assert!(pairs.contains(&("湖滨街道基层立法联系点", "澜湖区湖滨街道基层立法联系点")));
        assert!(pairs.contains(&("湖滨街道联系点", "澜湖区湖滨街道基层立法联系点")));
        // Two longer names end the same way: which one is meant cannot be told.
        assert!(!pairs.iter().any(|p| p.0 == "律师协会立法联络点"));
        // A bare kind of point names no place.
        assert!(!pairs.iter().any(|p| p.0 == "基层立法联系点"));
        assert_eq!(pairs.len(), 2, "{pairs:?}");
        // Never joined: the names stay as written until the table says otherwise.
        assert_eq!(none.name("湖滨街道联系点"), "湖滨街道联系点");
        let told = hint(&none, &names).unwrap();
        assert!(
            told.contains(FILE) && told.contains("aliases = [\""),
            "{told}"
        );
        assert!(hint(&none, &["甲街道联系点", "乙街道联系点"]).is_none());
        // Staff who say the short name is a point of its own are not asked again.
        let apart = parse("[[point]]\nname = \"湖滨街道联系点\"\n").unwrap();
        let pairs = apart.likely_aliases(&names);
        assert!(!pairs.iter().any(|p| p.0 == "湖滨街道联系点"), "{pairs:?}");
        assert_eq!(apart.name("湖滨街道联系点"), "湖滨街道联系点");
    }
}
