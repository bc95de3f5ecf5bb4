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
    /// Every name the file writes (points' names and their aliases), without spaces → the
    /// point's name as the file writes it.
    name_of: FxHashMap<String, String>,
    /// Every point's name as the file writes it → where, and its aliases.
    points: FxHashMap<String, Point>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Point {
    /// The line of its `name`.
    line: usize,
    /// Its other names, as written.
    aliases: Vec<String>,
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

/// Whether `hay` contains `needle`, spaces in either not counting.
fn contains_loosely(hay: &str, needle: &str) -> bool {
    let spaced = |s: &str| s.chars().any(char::is_whitespace);
    if spaced(hay) || spaced(needle) {
        key(hay).contains(&key(needle))
    } else {
        hay.contains(needle)
    }
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
            err(line, crate::workspace::toml_message(&e))
        })?;
        let mut out = ContactPoints::default();
        // Every name written so far, without spaces → the line it was written on.
        let mut seen: FxHashMap<String, usize> = FxHashMap::default();
        for entry in &file.point {
            let entry = entry.get_ref();
            let name = entry.name.get_ref().trim().to_string();
            let line = line_of(entry.name.span().start);
            if name.is_empty() {
                return Err(err(line, "name 不能为空".into()));
            }
            let mut point = Point {
                line,
                aliases: Vec::new(),
            };
            let names = std::iter::once((&name, line)).chain(
                entry
                    .aliases
                    .iter()
                    .map(|a| (a.get_ref(), line_of(a.span().start))),
            );
            for (i, (written, line)) in names.enumerate() {
                let k = key(written);
                if k.is_empty() {
                    return Err(err(line, "别名不能为空".into()));
                }
                if let Some(first) = seen.get(&k) {
                    return Err(err(
                        line,
                        format!(
                            "“{}”在第 {first} 行已经写过：一个名称只能属于一个联系点（同一联系点的写法都写进同一个 [[point]] 的 aliases）",
                            written.trim()
                        ),
                    ));
                }
                seen.insert(k.clone(), line);
                out.name_of.insert(k, name.clone());
                if i > 0 {
                    point.aliases.push(written.trim().to_string());
                }
            }
            out.points.insert(name, point);
        }
        Ok(out)
    }

    /// Whether the table says nothing.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// The name a comment from `written` is counted under: its point's name when the table
    /// lists it (as an alias, or as the name written with other spaces), else `written`.
    pub fn name<'a>(&'a self, written: &'a str) -> &'a str {
        if self.name_of.is_empty() {
            return written;
        }
        let found = match self.name_of.get(written.trim()) {
            Some(n) => Some(n),
            None if written.chars().any(char::is_whitespace) => self.name_of.get(&key(written)),
            None => None,
        };
        found.map_or(written, String::as_str)
    }

    /// Rewrites `source` to its point's name.
    pub fn rename(&self, source: &mut String) {
        let name = self.name(source);
        if name != source.as_str() {
            *source = name.to_string();
        }
    }

    /// Whether `--source text` picks the point named `name`: its name or one of its aliases
    /// contains the text (spaces not counting).
    pub fn matches(&self, name: &str, text: &str) -> bool {
        contains_loosely(name, text)
            || self
                .points
                .get(name)
                .is_some_and(|p| p.aliases.iter().any(|a| contains_loosely(a, text)))
    }

    /// Pairs of names (as counted, after the table) that look like one contact point written
    /// two ways, `(short, full)`. The kind of point at the end (`基层立法联系点`, `立法联络点`,
    /// `信息采集点`…) is set aside, and must be of the same family (a 联系点 is not a
    /// 采集点) or missing; then the short name's place is the full one's (`湖滨街道联系点`,
    /// `湖滨街道基层立法联系点`) or ends it after an administrative unit (`湖滨街道` of
    /// `澜湖区湖滨街道`, not `法学院` of `青澜大学法学院`). When several names could be the
    /// full one, they must all be one place themselves, and the longest is taken. Only a hint:
    /// lifa never joins names the table does not, and a name the table lists as a point of its
    /// own is never offered.
    pub fn likely_aliases<'a>(&self, names: &[&'a str]) -> Vec<(&'a str, &'a str)> {
        let mut names: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| !n.trim().is_empty())
            .collect::<rustc_hash::FxHashSet<&str>>()
            .into_iter()
            .collect();
        names.sort_unstable();
        let split: Vec<(String, &str)> = names.iter().map(|n| place_and_kind(n)).collect();
        let mut out = Vec::new();
        for (i, (place, kind)) in split.iter().enumerate() {
            if place.chars().count() < 2 || self.points.contains_key(names[i].trim()) {
                continue;
            }
            let candidates: Vec<usize> = (0..names.len())
                .filter(|&j| {
                    let (p, k) = &split[j];
                    j != i
                        && same_family(kind, k)
                        && same_place(place, p)
                        && (p != place || names[j].len() > names[i].len())
                })
                .collect();
            let Some(&best) = candidates
                .iter()
                .max_by_key(|&&j| (split[j].0.len(), names[j].len()))
            else {
                continue;
            };
            if candidates
                .iter()
                .all(|&j| same_place(&split[j].0, &split[best].0))
            {
                out.push((names[i], names[best]));
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

/// The administrative units a place may be named under (`澜湖区`, `东岸县`, `湖滨街道`).
const UNITS: [&str; 10] = ["省", "市", "区", "县", "镇", "乡", "街道", "旗", "州", "盟"];

/// A contact point's name without spaces, split into its place and the kind of point at its
/// end (empty when it names none).
fn place_and_kind(name: &str) -> (String, &'static str) {
    let k = key(name);
    for kind in KINDS {
        if let Some(p) = k.strip_suffix(kind) {
            return (p.to_string(), kind);
        }
    }
    (k, "")
}

/// Whether two kinds of point can be one: the same family (the last three characters:
/// 联系点, 联络点, 联络站, 采集点), or one name says none.
fn same_family(a: &str, b: &str) -> bool {
    let family = |k: &str| k.chars().rev().take(3).collect::<String>();
    a.is_empty() || b.is_empty() || family(a) == family(b)
}

/// Whether the place `short` is the place `long`: the same, or its end after an
/// administrative unit.
fn same_place(short: &str, long: &str) -> bool {
    short == long
        || long
            .strip_suffix(short)
            .is_some_and(|before| UNITS.iter().any(|u| before.ends_with(u)))
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
    out.push_str(&format!(
        "如确为同一联系点，请在 {FILE} 中写明（统计、反馈和检索随即合并）：\n"
    ));
    let mut fulls: Vec<&str> = pairs.iter().map(|p| p.1).collect();
    fulls.sort_unstable();
    fulls.dedup();
    for full in fulls {
        let shorts: Vec<String> = pairs
            .iter()
            .filter(|p| p.1 == full)
            .map(|p| format!("\"{}\"", p.0))
            .collect();
        match points.points.get(full) {
            Some(p) => out.push_str(&format!(
                "  在第 {} 行 name = \"{full}\" 那一项的 aliases 中加上 {}\n",
                p.line,
                shorts.join("、")
            )),
            None => out.push_str(&format!(
                "  [[point]]\n  name = \"{full}\"\n  aliases = [{}]\n",
                shorts.join(", ")
            )),
        }
    }
    let (short, _) = pairs[0];
    out.push_str(&format!(
        "如不是同一联系点，把它单独写成一个 [[point]]（如 name = \"{short}\"，不写 aliases），此提示不再出现。\n"
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
        // A name written with other spaces is the same name, in the file or on a sheet.
        let spaced =
            parse("[[point]]\nname = \"澜湖区 湖滨街道基层立法联系点\"\naliases = [\"湖滨点\"]\n")
                .unwrap();
        assert_eq!(
            spaced.name("澜湖区湖滨街道　基层立法联系点"),
            "澜湖区 湖滨街道基层立法联系点"
        );
        assert_eq!(spaced.name("湖滨 点"), "澜湖区 湖滨街道基层立法联系点");
        assert!(spaced.matches("澜湖区 湖滨街道基层立法联系点", "澜湖区湖滨"));
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
            unknown.contains(":3:")
                && unknown.contains("不认识“alias”这一项（可写的项：name、aliases、note）"),
            "{unknown}"
        );
        let missing = parse("[[point]]\naliases = [\"乙\"]\n")
            .unwrap_err()
            .to_string();
        assert!(missing.contains("缺少“name”这一项"), "{missing}");
        let not_a_list = parse("[[point]]\nname = \"甲\"\naliases = \"乙\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            not_a_list.contains(":3:") && not_a_list.contains("这里应写方括号里的列表"),
            "{not_a_list}"
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
        // Names that end alike but are other places, or other kinds of point, are not offered.
        let others = [
            "西溪县白沙河社区基层立法联系点",
            "社区联系点",
            "新东湖村联系点",
            "东湖村联系点",
            "青澜大学法学院基层立法联系点",
            "法学院联系点",
            "澜湖区湖滨街道基层立法联系点",
            "湖滨街道信息采集点",
            "市环保志愿者协会信息采集点",
            "环保志愿者协会信息采集点",
        ];
        assert_eq!(
            none.likely_aliases(&others),
            vec![("环保志愿者协会信息采集点", "市环保志愿者协会信息采集点")]
        );
        // The same place with the kind shortened.
        assert_eq!(
            none.likely_aliases(&["湖滨街道联系点", "湖滨街道基层立法联系点"]),
            vec![("湖滨街道联系点", "湖滨街道基层立法联系点")]
        );
        // When the full name is already a point, the hint says to add to its aliases instead
        // of writing it again (which the table would refuse).
        let known = parse(
            "[[point]]\nname = \"澜湖区湖滨街道基层立法联系点\"\naliases = [\"湖滨联系点\"]\n",
        )
        .unwrap();
        let told = hint(&known, &names).unwrap();
        assert!(
            told.contains("在第 2 行 name = \"澜湖区湖滨街道基层立法联系点\" 那一项的 aliases 中加上 \"湖滨街道基层立法联系点\"、\"湖滨街道联系点\""),
            "{told}"
        );
        assert!(!told.contains("[[point]]\n  name"), "{told}");
        // Staff who say the short name is a point of its own are not asked again.
        let apart = parse("[[point]]\nname = \"湖滨街道联系点\"\n").unwrap();
        let pairs = apart.likely_aliases(&names);
        assert!(!pairs.iter().any(|p| p.0 == "湖滨街道联系点"), "{pairs:?}");
        assert_eq!(apart.name("湖滨街道联系点"), "湖滨街道联系点");
    }
}
