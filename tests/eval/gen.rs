//! Attribution test cases generated from real laws.
//!
//! Each [`Case`] takes the old version of a law from the shared corpus
//! (`../shared/corpus/laws/<slug>/old.md`) as a first-reading draft (v1), seeds 8–15 clean
//! edits into it to make a second-reading draft (v2), and writes public comments on v1: some
//! drive a seeded edit (in the styles of [`Style`]), at least three times as many do not. The
//! case records which comment drove which edit, so that an attribution can be scored.
//!
//! Everything is derived from a seed with a small splitmix64 generator: the same laws directory
//! and seed give the same cases. [`write_workspace`] lays a case out as a lifa workspace
//! (`drafts/<slug>/v1.md`, `v2.md`) plus the upload `uploads/<slug>.jsonl`.
//!
//! The edits:
//! - [`SeedKind::Replace`]: `应当`→`必须`, `可以`→`应当`, a shorter time limit, a higher maximum
//!   fine, `有关部门`→`有关主管部门`, `及时`→`立即`, `定期`→`每年`, a longer period in years;
//! - [`SeedKind::Insert`]: `及时`/`依法` after `应当`, `、通报批评` after `给予警告`,
//!   `，并向社会公布` after a rule-making sentence, or a whole sentence (publicity, hearing,
//!   time limit, privacy, consultation, supervision) at the end of a paragraph;
//! - [`SeedKind::Delete`]: a hedging word (`原则上`, `积极`…), one element of an enumeration,
//!   the last sentence of a paragraph, or a proviso `，但……除外`;
//! - [`SeedKind::DeleteArticle`] and [`SeedKind::AddArticle`] in the first half of the law, so
//!   that most later articles are renumbered in v2 (internal references `本法第X条` follow the
//!   renumbering, as a real second draft would have them).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::Path;
use std::sync::LazyLock;

use lifa::draft::numbering::{parse_number, to_chinese};
use regex::Regex;
use serde::Serialize;

/// One generated test case: a law as two drafts, the seeded edits and the comments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// The corpus folder name, used as the regulation name in the workspace.
    pub slug: String,
    /// The law's title (without `（草案）`).
    pub title: String,
    /// The first-reading draft (Markdown with front matter `version: v1`).
    pub v1: String,
    /// The second-reading draft (`version: v2`).
    pub v2: String,
    /// The comments on v1, in upload order.
    pub comments: Vec<GenComment>,
    /// The seeded edits, in v1 reading order; `edits[i].id == i`.
    pub edits: Vec<Seeded>,
    /// Every v1 article number → its v2 number (`None` when deleted).
    pub renumbering: BTreeMap<u32, Option<u32>>,
}

/// What a seeded edit does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SeedKind {
    /// Words replaced inside an article.
    Replace,
    /// Words inserted inside an article.
    Insert,
    /// Words deleted inside an article.
    Delete,
    /// A whole article deleted.
    DeleteArticle,
    /// A whole article added.
    AddArticle,
}

/// One edit made between v1 and v2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seeded {
    /// Index in [`Case::edits`].
    pub id: usize,
    /// What kind of edit.
    pub kind: SeedKind,
    /// The article's number in v1 (`None` for an added article).
    pub v1_article: Option<u32>,
    /// The article's number in v2 (`None` for a deleted article).
    pub v2_article: Option<u32>,
    /// The 款 (1-based, in v1; in v2 for an added article) holding the change, when the change
    /// sits in a paragraph rather than in an item; `None` for whole articles.
    pub paragraph: Option<u32>,
    /// The removed wording (`""` for an insertion; the whole text for a deleted article).
    pub old: String,
    /// The inserted wording (`""` for a deletion; the whole text for an added article).
    pub new: String,
    /// The changed wording in v1 with up to ten characters of context on each side.
    pub window_old: String,
    /// The same place in v2.
    pub window_new: String,
    /// What was done, as a drafting note (`将“三十日”修改为“十五日”`).
    pub note: String,
}

/// How a comment is written, and whether it drove an edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Style {
    /// Cites the v1 article (cell or text) and says in plain words what to change.
    Explicit,
    /// Quotes the wording in a drafting proposal (`建议将“A”修改为“B”`).
    Quoted,
    /// No article number, no quotes: talks about the subject in other words.
    Paraphrase,
    /// Like `Explicit`, on an article that is renumbered in v2 (cites the v1 number).
    OldNumbering,
    /// The text of another driving comment, sent again through another channel.
    Duplicate,
    /// One signature of a campaign (5–20 near-identical comments).
    Campaign,
    /// About an article that did not change (may even propose wording that was not adopted).
    DistractorUnchanged,
    /// Praise or complaint about the regulation as a whole.
    DistractorGeneric,
    /// About something else (parking, neighbours, other laws).
    DistractorOffTopic,
}

impl Style {
    /// Every style.
    pub const ALL: [Style; 9] = [
        Style::Explicit,
        Style::Quoted,
        Style::Paraphrase,
        Style::OldNumbering,
        Style::Duplicate,
        Style::Campaign,
        Style::DistractorUnchanged,
        Style::DistractorGeneric,
        Style::DistractorOffTopic,
    ];

    /// Whether comments of this style drive an edit.
    pub fn is_driving(self) -> bool {
        !matches!(
            self,
            Style::DistractorUnchanged | Style::DistractorGeneric | Style::DistractorOffTopic
        )
    }
}

/// One comment as a row of the JSONL upload, with the truth attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenComment {
    /// `id` of the row (unique in the case).
    pub id: String,
    /// The article cell (`第十二条`, `第12条`, `第十二条第二款`, `总体`), or empty.
    pub article: Option<String>,
    /// The comment.
    pub text: String,
    /// Submitter.
    pub name: String,
    /// Submitter kind (`群众`, `专家`, … or the English names lifa accepts).
    pub kind: String,
    /// The contact point.
    pub source: String,
    /// The channel (`网上`, `座谈会`, … or English).
    pub channel: String,
    /// `2026-04-08`.
    pub date: String,
    /// A fictitious phone number, or nothing.
    pub contact: Option<String>,
    /// How it is written.
    pub style: Style,
    /// The [`Seeded::id`] it drove; `None` for distractors.
    pub target: Option<usize>,
    /// For a duplicate: the id of the comment it repeats.
    pub duplicate_of: Option<String>,
}

/// Builds the cases of every usable law under `laws_dir` (8 of them, chosen by the seed).
///
/// A law is usable when its `old.md` is in the LawRefBook format (`<!-- INFO END -->`), has
/// 30–140 articles numbered 1, 2, 3… and no `第X条之一`.
pub fn cases(laws_dir: &Path, seed: u64) -> Vec<Case> {
    let mut slugs: Vec<String> = match fs::read_dir(laws_dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .filter(|e| e.path().join("old.md").is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => return Vec::new(),
    };
    slugs.sort();
    let mut laws: Vec<Law> = slugs
        .iter()
        .filter_map(|s| read_law(&laws_dir.join(s).join("old.md"), s))
        .collect();
    let mut rng = Rng::new(seed);
    rng.shuffle(&mut laws);
    laws.truncate(CASES);
    laws.sort_by(|a, b| a.slug.cmp(&b.slug));
    laws.iter()
        .enumerate()
        .map(|(i, law)| build_case(law, seed, i))
        .collect()
}

/// Writes `root/drafts/<slug>/v1.md`, `root/drafts/<slug>/v2.md` and
/// `root/uploads/<slug>.jsonl`.
pub fn write_workspace(case: &Case, root: &Path) -> io::Result<()> {
    let drafts = root.join("drafts").join(&case.slug);
    fs::create_dir_all(&drafts)?;
    fs::write(drafts.join("v1.md"), &case.v1)?;
    fs::write(drafts.join("v2.md"), &case.v2)?;
    let uploads = root.join("uploads");
    fs::create_dir_all(&uploads)?;
    fs::write(uploads.join(format!("{}.jsonl", case.slug)), jsonl(case))
}

/// The upload of a case: one JSON object per line with the keys lifa imports.
pub fn jsonl(case: &Case) -> String {
    #[derive(Serialize)]
    struct Row<'a> {
        id: &'a str,
        article: Option<&'a str>,
        text: &'a str,
        name: &'a str,
        kind: &'a str,
        source: &'a str,
        channel: &'a str,
        date: &'a str,
        contact: Option<&'a str>,
    }
    let mut out = String::new();
    for c in &case.comments {
        let row = Row {
            id: &c.id,
            article: c.article.as_deref(),
            text: &c.text,
            name: &c.name,
            kind: &c.kind,
            source: &c.source,
            channel: &c.channel,
            date: &c.date,
            contact: c.contact.as_deref(),
        };
        out.push_str(&serde_json::to_string(&row).expect("plain strings serialise"));
        out.push('\n');
    }
    out
}

const CASES: usize = 8;

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^第([〇零一二三四五六七八九十百千]+)条([ \u{3000}]+)(.*)$").unwrap()
});
static DAYS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([一二三四五六七八九十]+)(个工作日|日)").unwrap());
static FINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([一二三四五六七八九十百千]+)(万?)元以上([一二三四五六七八九十百千]+)(万?)元以下")
        .unwrap()
});
static TIMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([一二三四五六七八九十]+)倍以上([一二三四五六七八九十]+)倍以下").unwrap()
});
static YEARS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([一二三五])年(内|以内|的)").unwrap());
static ENUMERATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{Han}{2,8}(?:、\p{Han}{2,8}){2,}").unwrap());
static PROVISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"，但(是，?)?[^。；，]{2,40}除外").unwrap());
static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[，。；])(\p{Han}{0,12}?(?:人民政府|主管部门|有关部门|委员会|机关|机构))(?:应当|可以|负责|会同|依照|按照|依法)").unwrap()
});

// ---------------------------------------------------------------------------------------------
// Random numbers

/// splitmix64: small, fast, and good enough to pick wordings.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// lo..=hi.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    fn pick_str(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }

    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}

fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

// ---------------------------------------------------------------------------------------------
// Reading a law

struct Law {
    slug: String,
    title: String,
    units: Vec<Unit>,
}

#[derive(Debug, Clone)]
enum Unit {
    /// A heading line, as in the file.
    Heading(String),
    /// A paragraph outside any article.
    Text(String),
    Art(Art),
}

#[derive(Debug, Clone)]
struct Art {
    /// Number in the version being built.
    num: u32,
    /// Number in v1 (`None` for an added article).
    origin: Option<u32>,
    /// What follows the label: a space or U+3000.
    sep: String,
    /// 款 and 项, one string each; the first without the label.
    paras: Vec<String>,
}

impl Art {
    fn text(&self) -> String {
        self.paras.join("\n")
    }
}

fn read_law(path: &Path, slug: &str) -> Option<Law> {
    let text = fs::read_to_string(path).ok()?;
    let title = text
        .lines()
        .find_map(|l| l.strip_prefix("# "))?
        .trim()
        .to_string();
    let (_, body) = text.split_once("<!-- INFO END -->")?;
    let label = &*LABEL;
    let mut units: Vec<Unit> = Vec::new();
    let mut in_article = false;
    for line in body.lines() {
        let l = line.trim_end();
        if l.trim_matches(|c: char| c.is_whitespace() || c == '\u{200b}')
            .is_empty()
        {
            continue;
        }
        if l.starts_with('#') {
            units.push(Unit::Heading(l.to_string()));
            in_article = false;
        } else if let Some(m) = label.captures(l) {
            let num = parse_number(&m[1])?;
            if m[3].trim().is_empty() {
                return None;
            }
            units.push(Unit::Art(Art {
                num,
                origin: Some(num),
                sep: m[2].to_string(),
                paras: vec![m[3].trim().to_string()],
            }));
            in_article = true;
        } else if l.starts_with('第') && l.contains("条之") {
            return None;
        } else if in_article {
            if let Some(Unit::Art(a)) = units.last_mut() {
                a.paras.push(l.trim().to_string());
            }
        } else {
            units.push(Unit::Text(l.trim().to_string()));
        }
    }
    let nums: Vec<u32> = units
        .iter()
        .filter_map(|u| match u {
            Unit::Art(a) => Some(a.num),
            _ => None,
        })
        .collect();
    let sequential = nums.iter().enumerate().all(|(i, &n)| n == i as u32 + 1);
    if !(30..=140).contains(&nums.len()) || !sequential {
        return None;
    }
    Some(Law {
        slug: slug.to_string(),
        title,
        units,
    })
}

fn render_draft(version: &str, stage: &str, date: &str, title: &str, units: &[Unit]) -> String {
    let reading = if version == "v1" {
        "第一次审议"
    } else {
        "第二次审议"
    };
    let (y, rest) = date.split_at(4);
    let (m, d) = (&rest[1..3], &rest[4..6]);
    let m: u32 = m.parse().unwrap_or(1);
    let d: u32 = d.parse().unwrap_or(1);
    let mut out = format!(
        "---\nversion: {version}\nstage: {stage}\ndate: {date}\ntitle: {title}（草案）\n---\n\n# {title}（草案）\n\n（{y}年{m}月{d}日{reading}）\n"
    );
    for u in units {
        out.push('\n');
        match u {
            Unit::Heading(h) | Unit::Text(h) => out.push_str(h),
            Unit::Art(a) => {
                out.push_str(&format!("第{}条{}{}", to_chinese(a.num), a.sep, a.paras[0]));
                for p in &a.paras[1..] {
                    out.push_str("\n\n");
                    out.push_str(p);
                }
            }
        }
        out.push('\n');
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Text helpers

fn is_punct(c: char) -> bool {
    "，。；：、（）“”‘’《》！？,.;:()\"'\n ".contains(c)
}

fn is_quote(c: char) -> bool {
    "“”‘’\"'「」".contains(c)
}

/// Punctuation and whitespace removed: how seeded wordings are compared with lifa's edits.
pub fn norm(s: &str) -> String {
    s.chars()
        .filter(|&c| !is_punct(c) && !c.is_whitespace())
        .collect()
}

fn count(hay: &str, needle: &str) -> usize {
    if needle.is_empty() {
        return 0;
    }
    hay.match_indices(needle).count()
}

fn chars_before(s: &str, at: usize, n: usize) -> &str {
    let mut start = at;
    for (k, (i, _)) in s[..at].char_indices().rev().enumerate() {
        if k == n {
            break;
        }
        start = i;
    }
    &s[start..at]
}

fn chars_after(s: &str, at: usize, n: usize) -> &str {
    let end = s[at..]
        .char_indices()
        .nth(n)
        .map_or(s.len(), |(i, _)| at + i);
    &s[at..end]
}

/// Byte offsets where jieba words start in `text`, plus `text.len()`.
fn word_bounds(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = 0;
    for w in lifa::segment::words(text) {
        out.push(at);
        at += w.len();
    }
    out.push(text.len());
    out
}

/// The shortest extension of `para[start..end]` (the edited words) by whole words that occurs
/// once in the article: `(left, right)` context strings, or `None` when four words on each side
/// are not enough.
fn unique_context(article: &str, para: &str, start: usize, end: usize) -> Option<(String, String)> {
    let bounds = word_bounds(para);
    let mut lefts: Vec<usize> = vec![start];
    lefts.extend(bounds.iter().rev().copied().filter(|&b| b < start).take(4));
    let mut rights: Vec<usize> = vec![end];
    rights.extend(bounds.iter().copied().filter(|&b| b > end).take(4));
    for k in 0..=6 {
        for l in 0..=k {
            let (Some(&ls), Some(&re)) = (lefts.get(l), rights.get(k - l)) else {
                continue;
            };
            let snippet = &para[ls..re];
            if snippet.chars().any(|c| is_quote(c) || c == '\n') || snippet.contains('第') {
                continue;
            }
            if norm(snippet).is_empty() || snippet.chars().count() > 20 {
                continue;
            }
            if count(article, snippet) == 1 {
                return Some((para[ls..start].to_string(), para[end..re].to_string()));
            }
        }
    }
    None
}

/// The words just before `at` (whole words, at least two characters) that occur once in the
/// article: where an insertion is anchored.
fn anchor_before(article: &str, para: &str, at: usize) -> Option<String> {
    let bounds = word_bounds(para);
    for &b in bounds.iter().rev().filter(|&&b| b < at).take(6) {
        let anchor = &para[b..at];
        if anchor.chars().any(|c| is_quote(c) || c == '\n') || anchor.contains('第') {
            return None;
        }
        if norm(anchor).chars().count() >= 2 && count(article, anchor) == 1 {
            return Some(anchor.to_string());
        }
    }
    None
}

/// The longest run of nouns (ending in a noun, 3–12 characters) in `text`: what a citizen
/// would call the subject of a provision.
fn noun_phrase(text: &str) -> Option<String> {
    let tags = lifa::segment::jieba().tag(text, false);
    let nounish = |t: &str| t.starts_with('n') || t == "vn" || t == "a";
    let noun = |t: &str| t.starts_with('n') || t == "vn";
    let mut best: Option<String> = None;
    let mut i = 0;
    while i < tags.len() {
        if !nounish(tags[i].tag) || tags[i].word.contains('第') {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < tags.len() && nounish(tags[j].tag) && !tags[j].word.contains('第') {
            j += 1;
        }
        // tags[i..j] is a run; end it at its last noun, and keep at most 12 characters.
        let mut end = j;
        while end > i && !noun(tags[end - 1].tag) {
            end -= 1;
        }
        let mut from = i;
        let len = |a: usize, b: usize| -> usize {
            tags[a..b].iter().map(|t| t.word.chars().count()).sum()
        };
        while from < end && (len(from, end) > 12 || !noun(tags[from].tag)) {
            from += 1;
        }
        if from < end {
            let phrase: String = tags[from..end].iter().map(|t| t.word).collect();
            let n = phrase.chars().count();
            if n >= 3 && best.as_ref().is_none_or(|b| b.chars().count() < n) {
                best = Some(phrase);
            }
        }
        i = j.max(i + 1);
    }
    best.filter(|b| {
        !b.starts_with('本')
            && !b.contains("条例")
            && !b.contains("本法")
            && !["起", "日", "令", "的"].iter().any(|e| b.ends_with(e))
    })
}

/// A few content words near the change, to talk about the article without citing it.
fn keyword(para: &str, start: usize, end: usize) -> String {
    let bound = |c: char| "，。；：！？".contains(c);
    let cs = para[..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| bound(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let ce = para[end..]
        .char_indices()
        .find(|&(_, c)| bound(c))
        .map_or(para.len(), |(i, _)| end + i);
    noun_phrase(&para[end.min(ce)..ce])
        .or_else(|| noun_phrase(&para[cs..start]))
        .unwrap_or_else(|| first_words(para))
}

/// The subject of a paragraph, to talk about it without citing it.
fn first_words(para: &str) -> String {
    let clause: String = para.chars().take_while(|&c| !"。；".contains(c)).collect();
    noun_phrase(&clause)
        .or_else(|| noun_phrase(para))
        .unwrap_or_else(|| "这方面".to_string())
}

fn fill(t: &str, c: &str, k: &str, o: &str, n: &str) -> String {
    t.replace("{c}", c)
        .replace("{k}", k)
        .replace("{o}", o)
        .replace("{n}", n)
}

// ---------------------------------------------------------------------------------------------
// Seeding edits

/// A possible edit inside one paragraph.
struct Cand {
    kind: SeedKind,
    start: usize,
    end: usize,
    new: String,
    /// Explicit tail; `{c}` is the cite, `{o}`/`{n}` the old/new words.
    explicit: &'static [&'static str],
    /// Paraphrase tail (no number, no quotes); `{k}` is a keyword of the article.
    paraphrase: &'static [&'static str],
}

/// How a quoted comment states the edit.
#[derive(Debug, Clone)]
enum QuoteSpec {
    Replace(String, String),
    Delete(String),
    Insert(String, String),
    DeleteArticle,
    AddArticle(String),
}

struct Plan {
    seeded: Seeded,
    /// v1 article index (the anchor for an added article).
    idx: usize,
    explicit: String,
    paraphrase: String,
    quote: QuoteSpec,
    /// Number of 款 of the v1 article (for `第X条第Y款`).
    paragraphs: u32,
}

struct Rule {
    find: fn(&str) -> Vec<(usize, usize, String)>,
    kind: SeedKind,
    explicit: &'static [&'static str],
    paraphrase: &'static [&'static str],
}

fn find_word(
    para: &str,
    word: &str,
    new: &str,
    ok: impl Fn(&str, &str) -> bool,
) -> Vec<(usize, usize, String)> {
    para.match_indices(word)
        .filter(|(i, _)| ok(&para[..*i], &para[i + word.len()..]))
        .map(|(i, _)| (i, i + word.len(), new.to_string()))
        .collect()
}

fn r_must(p: &str) -> Vec<(usize, usize, String)> {
    find_word(p, "应当", "必须", |_, a| !a.starts_with("必须"))
}

fn r_may(p: &str) -> Vec<(usize, usize, String)> {
    // Only a power of an authority becomes a duty; a person's right (可以申请) stays a right.
    find_word(p, "可以", "应当", |b, a| {
        let clause = b.rsplit(['，', '。', '；', '：']).next().unwrap_or(b);
        let authority = ["部门", "人民政府", "机关", "机构", "委员会"]
            .iter()
            .any(|w| clause.contains(w));
        authority
            && !b.ends_with('不')
            && !b.ends_with('也')
            && !a.starts_with("依照")
            && !a.starts_with('在')
            && !a.starts_with('向')
            && !a.starts_with("申请")
    })
}

fn r_days(p: &str) -> Vec<(usize, usize, String)> {
    let re = &*DAYS;
    let mut out = Vec::new();
    for m in re.captures_iter(p) {
        let g = m.get(1).unwrap();
        let prev = p[..g.start()].chars().last().unwrap_or(' ');
        if "第月年〇零一二三四五六七八九十".contains(prev) {
            continue;
        }
        let v = parse_number(g.as_str()).unwrap_or(0);
        let to = match v {
            90 => 60,
            60 => 30,
            45 => 30,
            30 => 15,
            20 => 10,
            15 => 10,
            10 => 7,
            7 => 5,
            5 => 3,
            _ => continue,
        };
        let unit = m.get(2).unwrap();
        out.push((
            g.start(),
            unit.end(),
            format!("{}{}", to_chinese(to), unit.as_str()),
        ));
    }
    out
}

fn r_fine(p: &str) -> Vec<(usize, usize, String)> {
    let re = &*FINE;
    let mut out = Vec::new();
    for m in re.captures_iter(p) {
        let up = m.get(3).unwrap();
        let wan = !m[4].is_empty();
        let Some(v) = parse_number(up.as_str()) else {
            continue;
        };
        let doubled = v * 2;
        let new = if !wan && doubled >= 10000 && doubled % 10000 == 0 {
            format!("{}万", to_chinese(doubled / 10000))
        } else if doubled < 10000 {
            to_chinese(doubled)
        } else {
            continue;
        };
        out.push((up.start(), up.end(), new));
    }
    let times = &*TIMES;
    for m in times.captures_iter(p) {
        let up = m.get(2).unwrap();
        if let Some(v) = parse_number(up.as_str()) {
            out.push((up.start(), up.end(), to_chinese(v * 2)));
        }
    }
    out
}

fn r_dept(p: &str) -> Vec<(usize, usize, String)> {
    find_word(p, "有关部门", "有关主管部门", |b, _| {
        !b.ends_with('等')
    })
}

fn r_promptly(p: &str) -> Vec<(usize, usize, String)> {
    find_word(p, "及时", "立即", |_, a| {
        !a.starts_with('性') && !a.starts_with('地')
    })
}

fn r_regularly(p: &str) -> Vec<(usize, usize, String)> {
    find_word(p, "定期", "每年", |b, a| {
        !a.starts_with('的') && !a.starts_with('或') && !a.starts_with('限') && !b.ends_with('一')
    })
}

fn r_years(p: &str) -> Vec<(usize, usize, String)> {
    let re = &*YEARS;
    let mut out = Vec::new();
    for m in re.captures_iter(p) {
        let g = m.get(1).unwrap();
        let prev = p[..g.start()].chars().last().unwrap_or(' ');
        if "第〇零一二三四五六七八九十".contains(prev) || prev.is_ascii_digit() {
            continue;
        }
        let to = match g.as_str() {
            "一" => "二",
            "二" => "三",
            "三" => "五",
            _ => "十",
        };
        out.push((g.start(), g.end() + "年".len(), format!("{to}年")));
    }
    out
}

fn r_warning(p: &str) -> Vec<(usize, usize, String)> {
    if p.contains("通报批评") {
        return Vec::new();
    }
    // An insertion after 警告 (`给予警告` → `给予警告、通报批评`).
    find_word(p, "警告", "、通报批评", |b, a| {
        b.ends_with("给予") && (a.starts_with('，') || a.starts_with('；') || a.starts_with('。'))
    })
    .into_iter()
    .map(|(_, end, new)| (end, end, new))
    .collect()
}

const ADVERB_VERBS: [(&str, &str); 14] = [
    ("报告", "及时"),
    ("通知", "及时"),
    ("告知", "及时"),
    ("公布", "及时"),
    ("作出", "及时"),
    ("答复", "及时"),
    ("采取", "及时"),
    ("移送", "及时"),
    ("核实", "及时"),
    ("处理", "依法"),
    ("查处", "依法"),
    ("予以", "依法"),
    ("审查", "依法"),
    ("调查", "依法"),
];

fn i_adverb(p: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for (i, _) in p.match_indices("应当") {
        let at = i + "应当".len();
        for (verb, adv) in ADVERB_VERBS {
            if p[at..].starts_with(verb) {
                out.push((at, at, adv.to_string()));
            }
        }
    }
    out
}

fn i_publish(p: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, _) in p.match_indices('。') {
        let sentence = &p[from..i];
        from = i + '。'.len_utf8();
        let ends = [
            "办法", "标准", "规划", "计划", "方案", "目录", "名录", "细则",
        ];
        if sentence.contains("制定")
            && !sentence.contains("公布")
            && !sentence.contains('；')
            && ends.iter().any(|e| sentence.ends_with(e))
        {
            out.push((i, i, "，并向社会公布".to_string()));
        }
    }
    out
}

fn d_hedge(p: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for w in ["原则上", "积极", "认真", "切实", "大力", "严格", "依法"] {
        for (i, _) in p.match_indices(w) {
            let after = p[i + w.len()..].chars().next().unwrap_or('。');
            let before = p[..i].chars().last().unwrap_or('。');
            if !is_punct(after) && before != '、' && after != '、' {
                out.push((i, i + w.len(), String::new()));
            }
        }
    }
    out
}

fn d_enum(p: &str) -> Vec<(usize, usize, String)> {
    let re = &*ENUMERATION;
    let mut out = Vec::new();
    for m in re.find_iter(p) {
        let parts: Vec<(usize, &str)> = {
            let mut v = Vec::new();
            let mut at = m.start();
            for part in m.as_str().split('、') {
                v.push((at, part));
                at += part.len() + '、'.len_utf8();
            }
            v
        };
        for &(at, part) in &parts[1..parts.len() - 1] {
            // Delete "、part": the element and the comma before it.
            out.push((at - '、'.len_utf8(), at + part.len(), String::new()));
        }
    }
    out
}

fn d_sentence(p: &str) -> Vec<(usize, usize, String)> {
    if !p.ends_with('。') || p.starts_with('（') {
        return Vec::new();
    }
    let body = &p[..p.len() - '。'.len_utf8()];
    let Some(i) = body.rfind('。') else {
        return Vec::new();
    };
    let start = i + '。'.len_utf8();
    let n = p[start..].chars().count();
    if (8..=80).contains(&n) {
        vec![(start, p.len(), String::new())]
    } else {
        Vec::new()
    }
}

fn d_proviso(p: &str) -> Vec<(usize, usize, String)> {
    let re = &*PROVISO;
    re.find_iter(p)
        .map(|m| (m.start(), m.end(), String::new()))
        .collect()
}

const RULES: &[Rule] = &[
    Rule {
        find: r_must,
        kind: SeedKind::Replace,
        explicit: &[
            "{c}中的{o}约束力不够，建议改为{n}。",
            "建议{c}把{o}改成{n}，增强刚性。",
        ],
        paraphrase: &[
            "关于{k}的要求太软了，应该规定成硬性义务，做不到就要追责。",
            "{k}这块不能只是提倡，要写成必须做到的事。",
        ],
    },
    Rule {
        find: r_may,
        kind: SeedKind::Replace,
        explicit: &[
            "{c}用{o}给了太大的裁量空间，建议改为{n}。",
            "建议{c}中的{o}修改为{n}，变授权为义务。",
        ],
        paraphrase: &[
            "涉及{k}的事不能可做可不做，应该定为必须履行的职责。",
            "{k}这块如果只是可以做，实际上就没人做了，要改成必须做。",
        ],
    },
    Rule {
        find: r_days,
        kind: SeedKind::Replace,
        explicit: &[
            "{c}规定的{o}期限太长，建议缩短为{n}。",
            "建议将{c}的期限由{o}压缩到{n}，提高效率。",
        ],
        paraphrase: &[
            "涉及{k}的事要等的时间太长了，老百姓等不起，应该缩短时限。",
            "{k}这块办得太慢，期限应该再短一些。",
        ],
    },
    Rule {
        find: r_fine,
        kind: SeedKind::Replace,
        explicit: &[
            "{c}的处罚上限{o}偏低，建议提高到{n}。",
            "建议{c}的罚款数额上限由{o}提高至{n}，加大处罚力度。",
        ],
        paraphrase: &[
            "{k}方面的违法行为罚得太轻了，违法成本太低，起不到震慑作用，应该提高罚款。",
            "关于{k}的处罚力度不够，罚款上限应该再高一些。",
        ],
    },
    Rule {
        find: r_dept,
        kind: SeedKind::Replace,
        explicit: &[
            "{c}中的{o}指向不明确，建议明确为{n}。",
            "建议{c}把{o}改为{n}，明确责任主体。",
        ],
        paraphrase: &[
            "{k}到底由哪个部门管没说清楚，应该明确由主管部门负责，免得互相推诿。",
            "关于{k}，责任主体太模糊，要写清楚是主管部门的事。",
        ],
    },
    Rule {
        find: r_promptly,
        kind: SeedKind::Replace,
        explicit: &[
            "{c}中的{o}弹性太大，建议改为{n}。",
            "建议{c}把{o}修改为{n}，不留拖延余地。",
        ],
        paraphrase: &[
            "{k}的事要马上办，不能拖，现在的说法太宽松了。",
            "涉及{k}的事一刻也不能耽误，应该要求立刻办理。",
        ],
    },
    Rule {
        find: r_regularly,
        kind: SeedKind::Replace,
        explicit: &[
            "{c}中的{o}是多长时间不清楚，建议明确为{n}。",
            "建议{c}将{o}改为{n}，便于考核。",
        ],
        paraphrase: &[
            "关于{k}，说是定期，到底多久一次？应该明确一年至少一次。",
            "{k}的频次写得太虚，应该规定每年都要做。",
        ],
    },
    Rule {
        find: r_years,
        kind: SeedKind::Replace,
        explicit: &[
            "{c}规定的{o}期限偏短，建议延长为{n}。",
            "建议{c}的年限由{o}改为{n}。",
        ],
        paraphrase: &[
            "{k}的年限定得太短，应该再延长一些。",
            "关于{k}，这个年限不够用，实践中应该放宽。",
        ],
    },
    Rule {
        find: r_warning,
        kind: SeedKind::Insert,
        explicit: &[
            "{c}的处罚种类只有警告，建议增加通报批评。",
            "建议{c}在警告之外增加通报批评。",
        ],
        paraphrase: &[
            "{k}方面出了问题光给个警告不够，应该通报批评，让大家都知道。",
            "关于{k}的处理太轻，除了警告还应该公开通报。",
        ],
    },
    Rule {
        find: i_adverb,
        kind: SeedKind::Insert,
        explicit: &[
            "{c}对办理时间或者依据没有要求，建议加上{n}二字。",
            "建议{c}的相关表述前增加{n}，防止拖延和随意。",
        ],
        paraphrase: &[
            "{k}这块经常拖拖拉拉、想怎么办就怎么办，应该提出明确要求。",
            "涉及{k}的事要按规矩办、抓紧办，不能随意。",
        ],
    },
    Rule {
        find: i_publish,
        kind: SeedKind::Insert,
        explicit: &[
            "{c}制定的文件应当公开，建议加上并向社会公布。",
            "建议{c}增加向社会公布的要求。",
        ],
        paraphrase: &[
            "{k}定出来以后要让老百姓知道，应该公布出来。",
            "关于{k}的文件不能只在内部掌握，要公开。",
        ],
    },
    Rule {
        find: d_hedge,
        kind: SeedKind::Delete,
        explicit: &[
            "{c}中的{o}属于可有可无的修饰语，建议删去。",
            "建议删除{c}中的{o}一词，使表述更加严谨。",
        ],
        paraphrase: &[
            "关于{k}的规定里，有的修饰词没有实际意义，去掉更简洁。",
            "{k}这块写得太啰嗦，有些词可以拿掉。",
        ],
    },
    Rule {
        find: d_enum,
        kind: SeedKind::Delete,
        explicit: &[
            "{c}列举的事项中{o}不宜写入，建议删去。",
            "建议{c}不再列举{o}。",
        ],
        paraphrase: &[
            "关于{k}的规定里把{o}也列进去不合适，应该拿掉。",
            "{k}这块列得太宽了，{o}不应该在里面。",
        ],
    },
    Rule {
        find: d_sentence,
        kind: SeedKind::Delete,
        explicit: &[
            "{c}最后一句没有必要，建议删去。",
            "建议删除{c}的最后一句话，与其他规定重复。",
        ],
        paraphrase: &[
            "讲{k}的那段话，最后一句是多余的，可以不要。",
            "关于{k}的那一段，最后一句写了也没用，建议拿掉。",
        ],
    },
    Rule {
        find: d_proviso,
        kind: SeedKind::Delete,
        explicit: &[
            "{c}的但书规定开了口子，建议删除。",
            "建议删去{c}中的例外规定。",
        ],
        paraphrase: &[
            "{k}这块不能留例外，例外一多就等于没规定。",
            "关于{k}，后面加的除外情形会被钻空子，应该取消。",
        ],
    },
];

/// A sentence that may be added at the end of a paragraph: when the article contains one of
/// `when`, the sentence, explicit and paraphrase tails.
struct Sentence {
    when: &'static [&'static str],
    text: &'static str,
    explicit: &'static str,
    paraphrase: &'static str,
}

const SENTENCES: &[Sentence] = &[
    Sentence {
        when: &["罚款", "处罚", "吊销"],
        text: "作出较大数额罚款决定前，应当告知当事人有要求举行听证的权利。",
        explicit: "{c}没有规定听证程序，建议补充当事人要求听证的权利。",
        paraphrase: "{k}方面罚那么多钱，应该给当事人一个听证、申辩的机会。",
    },
    Sentence {
        when: &["申请", "审批", "批准"],
        text: "有关机关应当自受理申请之日起二十日内作出决定。",
        explicit: "{c}没有规定办理时限，建议明确二十日内作出决定。",
        paraphrase: "办{k}的事没有时间限制，办事的人只能干等，应该规定多少天内给答复。",
    },
    Sentence {
        when: &["公布", "公开", "信息", "资料"],
        text: "涉及国家秘密、商业秘密和个人隐私的，依照有关法律、行政法规的规定执行。",
        explicit: "{c}公开信息时要注意保护商业秘密和个人隐私，建议增加相应规定。",
        paraphrase: "{k}公开的时候要保护个人隐私，不能什么都往外公布。",
    },
    Sentence {
        when: &["规划", "计划", "办法", "标准"],
        text: "制定过程中应当听取有关方面和社会公众的意见。",
        explicit: "{c}没有规定公众参与，建议增加听取社会公众意见的要求。",
        paraphrase: "{k}这块不能关起门来定，要听听老百姓的意见。",
    },
    Sentence {
        when: &["监督", "检查", "管理"],
        text: "有关部门应当加强监督检查，发现问题的，及时督促整改。",
        explicit: "{c}只有要求没有监督，建议增加监督检查和督促整改的规定。",
        paraphrase: "{k}光有规定没人检查不行，要有人监督，发现问题要整改。",
    },
    Sentence {
        when: &["决定", "处理", "结果"],
        text: "处理结果应当及时向社会公开。",
        explicit: "{c}缺少结果公开的要求，建议补充处理结果向社会公开的规定。",
        paraphrase: "{k}的事处理完了结果老百姓都不知道，应该公开处理结果。",
    },
];

/// Candidates for an appended sentence in one paragraph of an article.
fn sentence_cands(article: &str, p: &str) -> Vec<(usize, &'static Sentence)> {
    if !p.ends_with('。') || p.starts_with('（') {
        return Vec::new();
    }
    SENTENCES
        .iter()
        .filter(|s| s.when.iter().any(|w| article.contains(w)) && !article.contains(s.text))
        .map(|s| (p.len(), s))
        .collect()
}

const NEW_ARTICLES: &[(&str, &str, &str)] = &[
    (
        "{s}应当建立{t}信息公开制度，定期向社会公布{t}工作情况，接受社会监督。",
        "定期向社会公布{t}工作情况，接受社会监督",
        "{t}工作的情况老百姓都不清楚，应该定期公开，让大家监督。",
    ),
    (
        "{s}应当加强{t}信息化建设，推进相关信息互联互通和共享，提高工作效率。",
        "加强{t}信息化建设，推进信息共享",
        "{t}方面的信息各部门各管各的，应该打通共享，提高办事效率。",
    ),
    (
        "对在{t}工作中做出显著成绩的单位和个人，按照国家有关规定给予表彰、奖励。",
        "对在{t}工作中做出显著成绩的单位和个人给予表彰奖励",
        "{t}工作做得好的单位和个人应该给予表彰奖励，调动大家的积极性。",
    ),
    (
        "任何单位和个人有权对{t}工作中的违法行为向有关部门投诉、举报。{s}应当公布投诉举报方式，并为举报人保密。",
        "规定{t}方面的投诉举报渠道，并为举报人保密",
        "发现{t}方面的违法行为不知道向谁反映，应该公布举报电话，还要替举报人保密。",
    ),
    (
        "{s}应当定期组织{t}工作人员开展业务培训，提高依法履职能力。",
        "规定{t}工作人员的定期业务培训",
        "搞{t}工作的人业务水平参差不齐，应该定期组织培训。",
    ),
    (
        "{s}制定涉及{t}的重要政策措施，应当听取有关方面和社会公众的意见，必要时可以举行听证会。",
        "制定{t}重要政策措施时听取社会公众意见，必要时举行听证会",
        "出台{t}方面的政策之前应该多听听老百姓的意见，必要时开个听证会。",
    ),
];

fn topic(slug: &str, title: &str) -> String {
    let known = [
        ("beijing-jidongchetingche", "停车管理"),
        ("changweihuiyishiguize", "会议议事"),
        ("cishanfa", "慈善"),
        ("daibiaofa", "代表履职"),
        ("duiwaimaoyifa", "对外贸易"),
        ("fanlongduanfa", "反垄断"),
        ("funvquanyibaozhangfa", "妇女权益保障"),
        ("jianchafa", "监察"),
        ("jiandufa", "监督"),
        ("kejijianglitiaoli", "科学技术奖励"),
        ("kuaijifa", "会计"),
        ("laodonghetongfa", "劳动合同"),
        ("lifafa", "立法"),
        ("nongyejishutuiguangfa", "农业技术推广"),
        ("shanghai-beianshencha", "备案审查"),
        ("shanghai-jianyanjiance", "检验检测"),
        ("shanghai-shehuijiuzhu", "社会救助"),
        ("shanghai-yinxiangzhipin", "音像制品管理"),
        ("shengwuanquanfa", "生物安全"),
        ("tongjifa", "统计"),
        ("weichengnianrenbaohufa", "未成年人保护"),
        ("xiaohaochouyangcengtiaoli", "消耗臭氧层物质管理"),
        ("xingzhengfuyifa", "行政复议"),
    ];
    if let Some((_, t)) = known.iter().find(|(s, _)| *s == slug) {
        return t.to_string();
    }
    let mut t = title;
    for p in ["中华人民共和国", "上海市", "北京市", "全国"] {
        t = t.strip_prefix(p).unwrap_or(t);
    }
    for s in ["条例", "办法", "规则", "法"] {
        t = t.strip_suffix(s).unwrap_or(t);
    }
    t.to_string()
}

/// The body that acts in an article (`市交通主管部门`), for a new article next to it.
fn subject(text: &str) -> Option<String> {
    let re = &*SUBJECT;
    re.captures(text)
        .map(|m| {
            m[1].trim_start_matches(['由', '对', '经', '向', '将', '和', '或'])
                .to_string()
        })
        .filter(|s| !s.contains('第') && !s.contains("本法"))
}

fn build_case(law: &Law, seed: u64, index: usize) -> Case {
    let mut rng = Rng::new(seed ^ hash(&law.slug));
    let arts: Vec<&Art> = law
        .units
        .iter()
        .filter_map(|u| match u {
            Unit::Art(a) => Some(a),
            _ => None,
        })
        .collect();
    let n = arts.len();
    // Chapter of each article (index of the last heading before it).
    let mut chapter = Vec::with_capacity(n);
    let mut h = 0usize;
    for u in &law.units {
        match u {
            Unit::Heading(_) => h += 1,
            Unit::Art(_) => chapter.push(h),
            Unit::Text(_) => {}
        }
    }
    // Articles another article refers to (never deleted).
    let mut referenced = BTreeSet::new();
    for a in &arts {
        for p in &a.paras {
            for r in lifa::refs::find(p) {
                if r.internal {
                    referenced.insert(r.number.main);
                }
            }
        }
    }
    let topic = topic(&law.slug, &law.title);

    let mut plans: Vec<Plan> = Vec::new();
    let mut blocked = BTreeSet::new();
    let half = n / 2;
    let (adds, deletes) = *rng.pick(&[(1, 0), (2, 0), (0, 1), (2, 1), (1, 1)]);
    // Whole-article deletions.
    for _ in 0..deletes {
        let mut cands: Vec<usize> = (2..half)
            .filter(|&i| {
                let len = arts[i].text().chars().count();
                !blocked.contains(&i)
                    && !referenced.contains(&arts[i].num)
                    && chapter.iter().filter(|&&c| c == chapter[i]).count() >= 3
                    && (20..=300).contains(&len)
            })
            .collect();
        rng.shuffle(&mut cands);
        if let Some(&i) = cands.first() {
            blocked.extend([i.saturating_sub(1), i, i + 1]);
            let a = arts[i];
            let k = first_words(&a.paras[0]);
            plans.push(Plan {
                seeded: Seeded {
                    id: 0,
                    kind: SeedKind::DeleteArticle,
                    v1_article: Some(a.num),
                    v2_article: None,
                    paragraph: None,
                    old: a.text(),
                    new: String::new(),
                    window_old: a.text(),
                    window_new: String::new(),
                    note: format!("删去第{}条", to_chinese(a.num)),
                },
                idx: i,
                explicit: rng
                    .pick(&[
                        "{c}与其他条文内容重复，建议删除。",
                        "{c}的规定没有实际内容，建议整条删去。",
                        "建议删除{c}，相关内容上位法已有规定。",
                    ])
                    .to_string(),
                paraphrase: fill(
                    rng.pick_str(&[
                        "关于{k}的那条规定没有必要单独写，建议拿掉。",
                        "讲{k}的这一条写了等于没写，可以不要。",
                    ]),
                    "",
                    &k,
                    "",
                    "",
                ),
                quote: QuoteSpec::DeleteArticle,
                paragraphs: 0,
            });
        }
    }
    // New articles.
    let mut templates: Vec<usize> = (0..NEW_ARTICLES.len()).collect();
    rng.shuffle(&mut templates);
    for t in templates.into_iter().take(adds) {
        let mut cands: Vec<usize> = (2..half)
            .filter(|&i| !blocked.contains(&i) && chapter.get(i + 1) == Some(&chapter[i]))
            .collect();
        rng.shuffle(&mut cands);
        let Some(&i) = cands.first() else { continue };
        blocked.extend([i, i + 1]);
        // Never the subject of a deleted article: lifa would rightly pair the two.
        let deleted: Vec<usize> = plans.iter().map(|p| p.idx).collect();
        let s = subject(&arts[i].text())
            .or_else(|| {
                arts.iter()
                    .enumerate()
                    .filter(|(k, _)| !deleted.contains(k))
                    .find_map(|(_, a)| subject(&a.text()))
            })
            .filter(|s| !deleted.iter().any(|&k| arts[k].text().contains(s.as_str())))
            .unwrap_or_else(|| "有关主管部门".to_string());
        let (text, gist, para) = NEW_ARTICLES[t];
        let sub = |x: &str| x.replace("{s}", &s).replace("{t}", &topic);
        let text = sub(text);
        plans.push(Plan {
            seeded: Seeded {
                id: 0,
                kind: SeedKind::AddArticle,
                v1_article: None,
                v2_article: None,
                paragraph: Some(1),
                old: String::new(),
                new: text.clone(),
                window_old: String::new(),
                window_new: text.clone(),
                note: format!("在第{}条后增加一条", to_chinese(arts[i].num)),
            },
            idx: i,
            explicit: format!("建议在{{c}}后增加一条，{}。", sub(gist)),
            paraphrase: sub(para),
            quote: QuoteSpec::AddArticle(text),
            paragraphs: 0,
        });
    }
    // Edits inside articles.
    let total = rng.range(8, 15);
    let mut order: Vec<usize> = (1..n - 1).filter(|i| !blocked.contains(i)).collect();
    rng.shuffle(&mut order);
    for i in order {
        if plans.len() >= total {
            break;
        }
        if let Some(p) = text_edit(&mut rng, arts[i], i) {
            // One edit per wording: the same change in two articles could only be told apart
            // by the article, and the evaluation wants each edit recognisable by its words.
            let same = |q: &Plan| {
                q.seeded.kind == p.seeded.kind
                    && norm(&q.seeded.old) == norm(&p.seeded.old)
                    && norm(&q.seeded.new) == norm(&p.seeded.new)
            };
            if !plans.iter().any(same) {
                plans.push(p);
            }
        }
    }

    // v2.
    let mut units: Vec<Unit> = Vec::new();
    let mut ai = 0usize;
    for u in &law.units {
        match u {
            Unit::Art(a) => {
                let i = ai;
                ai += 1;
                let mut a = a.clone();
                let mut deleted = false;
                for p in plans.iter().filter(|p| p.idx == i) {
                    match p.seeded.kind {
                        SeedKind::DeleteArticle => deleted = true,
                        SeedKind::AddArticle => {}
                        _ => {
                            let pi = para_index(&a, &p.seeded);
                            a.paras[pi] = apply(&a.paras[pi], &p.seeded);
                        }
                    }
                }
                if !deleted {
                    units.push(Unit::Art(a));
                }
                for p in plans
                    .iter()
                    .filter(|p| p.idx == i && p.seeded.kind == SeedKind::AddArticle)
                {
                    units.push(Unit::Art(Art {
                        num: 0,
                        origin: None,
                        sep: arts[i].sep.clone(),
                        paras: vec![p.seeded.new.clone()],
                    }));
                }
            }
            other => units.push(other.clone()),
        }
    }
    let mut renumbering: BTreeMap<u32, Option<u32>> = arts.iter().map(|a| (a.num, None)).collect();
    let mut next = 0u32;
    let mut added_numbers = Vec::new();
    for u in &mut units {
        if let Unit::Art(a) = u {
            next += 1;
            a.num = next;
            match a.origin {
                Some(o) => {
                    renumbering.insert(o, Some(next));
                }
                None => added_numbers.push((a.paras[0].clone(), next)),
            }
        }
    }
    // Internal references follow the renumbering.
    for u in &mut units {
        if let Unit::Art(a) = u {
            for p in &mut a.paras {
                *p = renumber_refs(p, &renumbering);
            }
        }
    }
    for p in &mut plans {
        let s = &mut p.seeded;
        match s.kind {
            SeedKind::AddArticle => {
                s.v2_article = added_numbers
                    .iter()
                    .find(|(t, _)| *t == s.new)
                    .map(|&(_, n)| n);
            }
            _ => s.v2_article = s.v1_article.and_then(|o| renumbering[&o]),
        }
    }
    plans.sort_by_key(|p| {
        (
            p.idx,
            p.seeded.kind == SeedKind::AddArticle,
            p.seeded.v2_article,
        )
    });
    for (id, p) in plans.iter_mut().enumerate() {
        p.seeded.id = id;
    }

    let v1_date = format!("2026-03-{:02}", 10 + index);
    let v2_date = format!("2026-06-{:02}", 10 + index);
    let v1 = render_draft("v1", "一审稿", &v1_date, &law.title, &law.units);
    let v2 = render_draft("v2", "二审稿", &v2_date, &law.title, &units);

    let comments = comments(&mut rng, law, &arts, &plans, &topic);
    Case {
        slug: law.slug.clone(),
        title: law.title.clone(),
        v1,
        v2,
        comments,
        edits: plans.into_iter().map(|p| p.seeded).collect(),
        renumbering,
    }
}

/// The paragraph of `a` holding a text edit: the one whose text contains the window.
fn para_index(a: &Art, s: &Seeded) -> usize {
    a.paras
        .iter()
        .position(|p| p.contains(&s.window_old))
        .expect("the window was taken from this article")
}

fn apply(para: &str, s: &Seeded) -> String {
    let at = para.find(&s.window_old).expect("window in paragraph");
    let mut out = String::with_capacity(para.len() + s.new.len());
    out.push_str(&para[..at]);
    out.push_str(&s.window_new);
    out.push_str(&para[at + s.window_old.len()..]);
    out
}

fn renumber_refs(p: &str, map: &BTreeMap<u32, Option<u32>>) -> String {
    let mut out = p.to_string();
    let refs = lifa::refs::find(p);
    for r in refs.iter().rev() {
        if !r.internal || r.number.sub != 0 {
            continue;
        }
        if let Some(Some(to)) = map.get(&r.number.main)
            && *to != r.number.main
        {
            let end = r.range.end - r.suffix.len();
            out.replace_range(r.range.start..end, &format!("第{}条", to_chinese(*to)));
        }
    }
    out
}

/// Whether an insertion or deletion of `d` between `before` and `after` could as well be
/// placed elsewhere (`A、国家甲、国家乙` minus `国家甲` reads as minus `甲、国家`): then a
/// diff may show other words than the seeded ones. Punctuation at the edges does not count.
fn slides(before: &str, d: &str, after: &str) -> bool {
    let d = d.trim_matches(is_punct);
    let before = before.trim_end_matches(is_punct);
    let after = after.trim_start_matches(is_punct);
    let (Some(first), Some(last)) = (d.chars().next(), d.chars().last()) else {
        return false;
    };
    after.starts_with(first) || before.ends_with(last)
}

/// Tries to seed one edit inside article `a`.
fn text_edit(rng: &mut Rng, a: &Art, idx: usize) -> Option<Plan> {
    let article = a.text();
    let mut cands: Vec<(usize, Cand)> = Vec::new();
    for (pi, p) in a.paras.iter().enumerate() {
        for rule in RULES {
            for (start, end, new) in (rule.find)(p) {
                cands.push((
                    pi,
                    Cand {
                        kind: rule.kind,
                        start,
                        end,
                        new,
                        explicit: rule.explicit,
                        paraphrase: rule.paraphrase,
                    },
                ));
            }
        }
    }
    let sentences: Vec<(usize, usize, &Sentence)> = a
        .paras
        .iter()
        .enumerate()
        .flat_map(|(pi, p)| {
            sentence_cands(&article, p)
                .into_iter()
                .map(move |(at, s)| (pi, at, s))
        })
        .collect();
    if cands.is_empty() && sentences.is_empty() {
        return None;
    }
    // Pick a kind first (so that common words like 应当 do not crowd out the rest), then a place.
    let want = *rng.pick(&[
        SeedKind::Replace,
        SeedKind::Replace,
        SeedKind::Insert,
        SeedKind::Insert,
        SeedKind::Delete,
    ]);
    let use_sentence = !sentences.is_empty()
        && want == SeedKind::Insert
        && (rng.chance(0.6) || !cands.iter().any(|(_, c)| c.kind == SeedKind::Insert));
    let (pi, cand) = if use_sentence {
        let &(pi, at, s) = rng.pick(&sentences);
        (
            pi,
            Cand {
                kind: SeedKind::Insert,
                start: at,
                end: at,
                new: s.text.to_string(),
                explicit: std::slice::from_ref(&s.explicit),
                paraphrase: std::slice::from_ref(&s.paraphrase),
            },
        )
    } else {
        let mut of_kind: Vec<usize> = (0..cands.len())
            .filter(|&k| cands[k].1.kind == want)
            .collect();
        if of_kind.is_empty() {
            of_kind = (0..cands.len()).collect();
        }
        if of_kind.is_empty() {
            return None;
        }
        let k = *rng.pick(&of_kind);
        cands.swap_remove(k)
    };
    let p = &a.paras[pi];
    let old = &p[cand.start..cand.end];
    // The quoted words must occur once in the article.
    let (left, right) = match cand.kind {
        SeedKind::Delete => {
            let shown = old.trim_start_matches('、');
            if count(&article, shown) != 1 || shown.contains('第') || shown.chars().any(is_quote) {
                return None;
            }
            (String::new(), String::new())
        }
        SeedKind::Insert => {
            // Anchor: the words just before the insertion point.
            let found = anchor_before(&article, p, cand.start);
            (found?, String::new())
        }
        _ => unique_context(&article, p, cand.start, cand.end)?,
    };
    if slides(
        &p[..cand.start],
        if old.is_empty() { &cand.new } else { old },
        &p[cand.end..],
    ) && (old.is_empty() || cand.new.is_empty())
    {
        return None;
    }
    let window_left = chars_before(p, cand.start, 10);
    let window_right = chars_after(p, cand.end, 10);
    let window_old = format!("{window_left}{old}{window_right}");
    let window_new = format!("{window_left}{}{window_right}", cand.new);
    if count(p, &window_old) != 1 {
        return None;
    }
    let k = keyword(p, cand.start, cand.end);
    let shown_old = old.trim_start_matches('、').to_string();
    let shown_old = if cand.kind == SeedKind::Delete {
        shown_old.trim_end_matches('。').to_string()
    } else {
        shown_old
    };
    let (quote, note) = match cand.kind {
        SeedKind::Replace => {
            let (a_, b_) = (
                format!("{left}{old}{right}"),
                format!("{left}{}{right}", cand.new),
            );
            let note = format!("将“{a_}”修改为“{b_}”");
            (QuoteSpec::Replace(a_, b_), note)
        }
        SeedKind::Delete => (
            QuoteSpec::Delete(shown_old.clone()),
            format!("删去“{shown_old}”"),
        ),
        _ => (
            QuoteSpec::Insert(left.clone(), cand.new.clone()),
            format!("在“{left}”后增加“{}”", cand.new),
        ),
    };
    let paragraph = a.paras[..=pi]
        .iter()
        .filter(|x| !x.starts_with('（'))
        .count() as u32;
    let paragraphs = a.paras.iter().filter(|x| !x.starts_with('（')).count() as u32;
    let new_shown = cand.new.trim_start_matches(['，', '、']).to_string();
    Some(Plan {
        seeded: Seeded {
            id: 0,
            kind: cand.kind,
            v1_article: Some(a.num),
            v2_article: None,
            paragraph: (!p.starts_with('（')).then_some(paragraph),
            old: old.to_string(),
            new: cand.new.clone(),
            window_old,
            window_new,
            note,
        },
        idx,
        explicit: fill(
            rng.pick_str(cand.explicit),
            "{c}",
            &k,
            &shown_old,
            &new_shown,
        ),
        paraphrase: fill(
            rng.pick_str(cand.paraphrase),
            "",
            &k,
            &shown_old,
            &new_shown,
        ),
        quote,
        paragraphs,
    })
}

// ---------------------------------------------------------------------------------------------
// Comments

const SOURCES: [&str; 8] = [
    "城东街道基层立法联系点",
    "南湖社区基层立法联系点",
    "青石镇人民政府基层立法联系点",
    "师范大学法学院基层立法联系点",
    "市律师协会立法联络点",
    "开发区企业服务中心立法联系点",
    "市人大代表之家联络站",
    "老年大学信息采集点",
];

const KINDS: [(&str, &str); 6] = [
    ("群众", "citizen"),
    ("专家", "expert"),
    ("人大代表", "deputy"),
    ("部门", "department"),
    ("社会组织", "organization"),
    ("企业", "enterprise"),
];

const CHANNELS: [(&str, &str); 7] = [
    ("面对面", "face-to-face"),
    ("网上", "online"),
    ("掌上", "mobile"),
    ("屏对屏", "video"),
    ("座谈会", "forum"),
    ("问卷", "questionnaire"),
    ("信函", "letter"),
];

const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏方白邹孟熊秦邱江薛段雷侯龙史陶贺顾毛郝龚邵万钱严武戴孔汤";
const GIVEN: &str = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂红玉华建文辉力斌波宇浩凯俊峰琳雪梅鹏晨欣怡涵春海松";
const NICKNAMES: [&str; 8] = [
    "热心市民",
    "老街坊",
    "法律爱好者",
    "小区业主",
    "匿名",
    "社区志愿者",
    "一名退休教师",
    "路过的网友",
];
const DEPARTMENTS: [&str; 6] = [
    "市司法局",
    "市市场监督管理局",
    "区人民政府办公室",
    "市财政局",
    "市民政局",
    "区教育局",
];
const ORGANIZATIONS: [&str; 5] = [
    "市消费者协会",
    "市律师协会",
    "市青年志愿者协会",
    "市慈善总会",
    "社区社会组织联合会",
];
const ENTERPRISES: [&str; 5] = [
    "青禾科技有限公司",
    "东方物流股份有限公司",
    "华源商贸有限公司",
    "恒信会计师事务所",
    "星河文化传媒有限公司",
];

struct Meta {
    name: String,
    kind: String,
    source: String,
    channel: String,
    date: String,
    contact: Option<String>,
}

fn person(rng: &mut Rng) -> String {
    let s: Vec<char> = SURNAMES.chars().collect();
    let g: Vec<char> = GIVEN.chars().collect();
    let mut name = String::new();
    name.push(*rng.pick(&s));
    for _ in 0..rng.range(1, 2) {
        name.push(*rng.pick(&g));
    }
    name
}

fn date(rng: &mut Rng, from: usize, to: usize) -> String {
    let day = rng.range(from, to);
    if day < 30 {
        format!("2026-04-{:02}", day + 1)
    } else {
        format!("2026-05-{:02}", day - 29)
    }
}

/// Metadata for one comment; `weights` over KINDS.
fn meta(rng: &mut Rng, weights: [usize; 6]) -> Meta {
    let total: usize = weights.iter().sum();
    let mut r = rng.below(total);
    let mut k = 0;
    while r >= weights[k] {
        r -= weights[k];
        k += 1;
    }
    let name = match k {
        0 if rng.chance(0.2) => rng.pick(&NICKNAMES).to_string(),
        3 => rng.pick(&DEPARTMENTS).to_string(),
        4 => rng.pick(&ORGANIZATIONS).to_string(),
        5 => rng.pick(&ENTERPRISES).to_string(),
        _ => person(rng),
    };
    let english = rng.chance(0.15);
    let kind = if english { KINDS[k].1 } else { KINDS[k].0 }.to_string();
    let ch = rng.pick(&CHANNELS);
    let channel = if rng.chance(0.15) { ch.1 } else { ch.0 }.to_string();
    Meta {
        name,
        kind,
        source: rng.pick(&SOURCES).to_string(),
        channel,
        date: date(rng, 0, 54),
        contact: rng
            .chance(0.5)
            .then(|| format!("1390000{:04}", rng.below(10000))),
    }
}

const CITIZENS: [usize; 6] = [70, 5, 8, 4, 7, 6];
const EXPERTS: [usize; 6] = [25, 35, 20, 10, 5, 5];

fn comment(
    m: Meta,
    article: Option<String>,
    text: String,
    style: Style,
    target: Option<usize>,
) -> GenComment {
    GenComment {
        id: String::new(),
        article,
        text,
        name: m.name,
        kind: m.kind,
        source: m.source,
        channel: m.channel,
        date: m.date,
        contact: m.contact,
        style,
        target,
        duplicate_of: None,
    }
}

/// How an article is cited: `第十二条`, `第12条` or `第十二条第二款`.
fn cite(rng: &mut Rng, num: u32, paragraph: Option<u32>, paragraphs: u32) -> String {
    match rng.below(4) {
        0 => format!("第{num}条"),
        1 if paragraphs >= 2 && paragraph.is_some() => format!(
            "第{}条第{}款",
            to_chinese(num),
            to_chinese(paragraph.unwrap_or(1))
        ),
        _ => format!("第{}条", to_chinese(num)),
    }
}

fn quoted_text(rng: &mut Rng, spec: &QuoteSpec, c: Option<&str>) -> String {
    let tail = *rng.pick(&["。", "。", "", "，请予考虑。", "，更为妥当。"]);
    match spec {
        QuoteSpec::Replace(a, b) => {
            let verb = *rng.pick(&["修改为", "修改为", "改为"]);
            match c {
                Some(c) => format!("建议将{c}中的“{a}”{verb}“{b}”{tail}"),
                None => format!("建议将“{a}”{verb}“{b}”{tail}"),
            }
        }
        QuoteSpec::Delete(a) => {
            let verb = *rng.pick(&["删除", "删去"]);
            match c {
                Some(c) => format!("建议{verb}{c}中的“{a}”{tail}"),
                None => format!("建议{verb}“{a}”{tail}"),
            }
        }
        QuoteSpec::Insert(anchor, new) => {
            let new = new.trim_start_matches(['，', '、']);
            match c {
                Some(c) => format!("{c}建议在“{anchor}”后增加“{new}”{tail}"),
                None => format!("建议在“{anchor}”后增加“{new}”{tail}"),
            }
        }
        QuoteSpec::DeleteArticle => {
            let verb = *rng.pick(&["删去", "删除"]);
            format!("建议{verb}{}。", c.unwrap_or("本条"))
        }
        QuoteSpec::AddArticle(text) => match c {
            Some(c) => format!("建议在{c}后增加一条，内容为“{text}”"),
            None => format!("建议增加一条，内容为“{text}”"),
        },
    }
}

fn paraphrased(rng: &mut Rng, tail: &str) -> String {
    let lead = *rng.pick(&[
        "",
        "",
        "我觉得",
        "说句实在话，",
        "希望领导重视：",
        "我是普通居民，",
    ]);
    format!("{lead}{tail}")
}

fn punctuation_variant(rng: &mut Rng, text: &str) -> String {
    match rng.below(3) {
        0 => text.replacen('，', ",", 1),
        1 => text.trim_end_matches('。').to_string(),
        _ => format!(" {text}"),
    }
}

fn comments(
    rng: &mut Rng,
    law: &Law,
    arts: &[&Art],
    plans: &[Plan],
    topic: &str,
) -> Vec<GenComment> {
    let mut out: Vec<GenComment> = Vec::new();
    let campaign_targets: BTreeSet<usize> = {
        let mut ids: Vec<usize> = plans
            .iter()
            .filter(|p| {
                matches!(
                    p.seeded.kind,
                    SeedKind::Replace | SeedKind::Insert | SeedKind::AddArticle
                )
            })
            .map(|p| p.seeded.id)
            .collect();
        rng.shuffle(&mut ids);
        ids.into_iter().take(rng.range(1, 2)).collect()
    };
    for p in plans {
        let s = &p.seeded;
        let renumbered = matches!((s.v1_article, s.v2_article), (Some(a), Some(b)) if a != b);
        let mut styles: Vec<Style> = match (s.kind, renumbered) {
            (SeedKind::AddArticle, _) => vec![Style::Explicit, Style::Quoted, Style::Paraphrase],
            (_, true) => vec![Style::OldNumbering, Style::Quoted, Style::Paraphrase],
            _ => vec![Style::Explicit, Style::Quoted, Style::Paraphrase],
        };
        rng.shuffle(&mut styles);
        styles.truncate(rng.range(1, 3));
        let first = out.len();
        for style in styles {
            // The v1 number the comment cites: the article, or for a new one its anchor.
            let num = s.v1_article.unwrap_or(arts[p.idx].num);
            let (para, paras) = if s.kind == SeedKind::AddArticle {
                (None, 0)
            } else {
                (s.paragraph, p.paragraphs)
            };
            let c = match style {
                Style::Explicit | Style::OldNumbering => {
                    let mut in_text = rng.chance(0.6);
                    let mut in_cell = rng.chance(0.6);
                    if style == Style::OldNumbering {
                        in_text |= rng.chance(0.5);
                    }
                    if !in_text && !in_cell {
                        in_cell = true;
                    }
                    if s.kind == SeedKind::DeleteArticle && !in_text && !in_cell {
                        in_text = true;
                    }
                    let c1 = cite(rng, num, para, paras);
                    let c2 = cite(rng, num, para, paras);
                    let shown = if in_text { c1 } else { "本条".to_string() };
                    let lead = if p.explicit.starts_with("建议") {
                        *rng.pick(&["", "", "个人意见："])
                    } else {
                        *rng.pick(&["", "", "我认为", "个人意见："])
                    };
                    let text = format!("{lead}{}", p.explicit.replace("{c}", &shown));
                    comment(
                        meta(rng, EXPERTS),
                        in_cell.then_some(c2),
                        text,
                        style,
                        Some(s.id),
                    )
                }
                Style::Quoted => {
                    let in_text = s.kind == SeedKind::DeleteArticle || rng.chance(0.5);
                    let c1 = cite(rng, num, None, 0);
                    let text = quoted_text(rng, &p.quote, in_text.then_some(c1.as_str()));
                    let cell = rng.chance(0.4).then(|| cite(rng, num, para, paras));
                    comment(meta(rng, EXPERTS), cell, text, style, Some(s.id))
                }
                _ => {
                    let text = paraphrased(rng, &p.paraphrase);
                    comment(
                        meta(rng, CITIZENS),
                        None,
                        text,
                        Style::Paraphrase,
                        Some(s.id),
                    )
                }
            };
            out.push(c);
        }
        // A duplicate of one of them, through another channel.
        if rng.chance(0.35) {
            let k = first + rng.below(out.len() - first);
            let mut d = out[k].clone();
            d.text = punctuation_variant(rng, &d.text);
            let others: Vec<&(&str, &str)> = CHANNELS
                .iter()
                .filter(|(zh, en)| *zh != d.channel && *en != d.channel)
                .collect();
            d.channel = rng.pick(&others).0.to_string();
            d.source = rng.pick(&SOURCES).to_string();
            d.date = date(rng, 30, 59);
            d.style = Style::Duplicate;
            d.duplicate_of = Some(format!("#{k}"));
            out.push(d);
        }
        // A campaign.
        if campaign_targets.contains(&s.id) {
            let core = p.paraphrase.clone();
            let n = rng.range(5, 20);
            let start = rng.range(10, 40);
            for _ in 0..n {
                let hello = *rng.pick(&["尊敬的人大常委会：", "尊敬的立法机关：", "", ""]);
                let call = *rng.pick(&[
                    "我们强烈呼吁：",
                    "我们恳切呼吁：",
                    "我们郑重建议：",
                    "我们联名建议：",
                ]);
                let end = *rng.pick(&[
                    "",
                    "希望采纳。",
                    "请认真考虑群众的呼声。",
                    "这是大家共同的心声。",
                    "盼复。",
                ]);
                let mut m = meta(rng, [95, 0, 2, 0, 3, 0]);
                m.date = date(rng, start, start + 4);
                let sign = if rng.chance(0.5) {
                    format!("联名人：{}", m.name)
                } else {
                    String::new()
                };
                let text = format!("{hello}{call}{core}{end}{sign}");
                out.push(comment(m, None, text, Style::Campaign, Some(s.id)));
            }
        }
    }
    let driving = out.len();

    // Distractors.
    let touched: BTreeSet<usize> = plans
        .iter()
        .filter(|p| p.seeded.kind != SeedKind::AddArticle)
        .map(|p| p.idx)
        .collect();
    let unchanged: Vec<usize> = (0..arts.len()).filter(|i| !touched.contains(i)).collect();
    let wanted = driving * 3 + rng.range(3, 3 + driving / 3);
    let mut made = 0;
    while made < wanted {
        let roll = rng.below(100);
        let c = if roll < 45 {
            let i = *rng.pick(&unchanged);
            distractor_unchanged(rng, arts[i], topic)
        } else if roll < 70 {
            distractor_generic(rng, topic)
        } else {
            distractor_off_topic(rng, &law.title)
        };
        out.push(c);
        made += 1;
    }

    // Upload order and ids.
    let mut order: Vec<usize> = (0..out.len()).collect();
    rng.shuffle(&mut order);
    let prefix = law
        .slug
        .split('-')
        .map(|w| w[..1].to_ascii_uppercase())
        .collect::<String>();
    let mut ids = vec![String::new(); out.len()];
    for (pos, &k) in order.iter().enumerate() {
        ids[k] = format!("{prefix}{:04}", pos + 1);
    }
    let mut result: Vec<GenComment> = order
        .iter()
        .map(|&k| {
            let mut c = out[k].clone();
            c.id = ids[k].clone();
            if let Some(d) = &c.duplicate_of {
                let orig: usize = d[1..].parse().expect("index");
                c.duplicate_of = Some(ids[orig].clone());
            }
            c
        })
        .collect();
    result.shrink_to_fit();
    result
}

const ARTICLE_REMARKS: [&str; 10] = [
    "规定比较原则，建议出台配套细则。",
    "写得很好，建议保留。",
    "执行中容易产生争议，建议进一步明确。",
    "与上位法衔接得好，赞同。",
    "的内容很重要，建议加强宣传。",
    "基层落实有难度，希望加强指导。",
    "建议在实施中加强监督检查。",
    "的规定我完全支持。",
    "可操作性不强，建议细化。",
    "与实际情况基本相符，没有意见。",
];

fn distractor_unchanged(rng: &mut Rng, a: &Art, topic: &str) -> GenComment {
    let article = a.text();
    let num = a.num;
    let c = cite(rng, num, None, 0);
    let m = meta(rng, [50, 20, 12, 8, 5, 5]);
    let cell = rng.chance(0.6).then(|| cite(rng, num, None, 0));
    let style = Style::DistractorUnchanged;
    match rng.below(4) {
        0 => {
            // A wording proposal that was not adopted.
            let mut props = Vec::new();
            for p in &a.paras {
                for rule in RULES.iter().filter(|r| r.kind == SeedKind::Replace) {
                    for (s, e, new) in (rule.find)(p) {
                        if let Some((l, r)) = unique_context(&article, p, s, e) {
                            props.push((format!("{l}{}{r}", &p[s..e]), format!("{l}{new}{r}")));
                        }
                    }
                }
            }
            if props.is_empty() {
                let text = format!("{c}{}", rng.pick(&ARTICLE_REMARKS));
                return comment(m, cell, text, style, None);
            }
            let (o, n) = rng.pick(&props).clone();
            let text = format!("建议将{c}中的“{o}”修改为“{n}”。");
            comment(m, cell, text, style, None)
        }
        1 => {
            let text = format!("{c}{}", rng.pick(&ARTICLE_REMARKS));
            comment(m, cell, text, style, None)
        }
        2 => {
            let s = rng.pick(SENTENCES);
            let text = format!("建议在{c}中增加“{}”", s.text);
            comment(m, cell, text, style, None)
        }
        _ => {
            let k = first_words(&a.paras[rng.below(a.paras.len())]);
            let tail = *rng.pick(&[
                "希望执行到位。",
                "建议配套出台细则。",
                "基层落实有难度，需要加强指导。",
                "我非常赞同。",
                "希望{t}部门多下基层听听意见。",
            ]);
            let text = format!("关于{k}的规定，{}", tail.replace("{t}", topic));
            comment(meta(rng, CITIZENS), None, text, style, None)
        }
    }
}

const GENERIC: [&str; 16] = [
    "该条例很好，建议尽快出台。",
    "草案总体可行，赞成。",
    "希望加大宣传力度，让群众知晓。",
    "条文太多太专业，老百姓看不懂，建议出个解读。",
    "建议配套出台实施细则。",
    "立法很及时，支持！",
    "征求意见的时间太短了，建议延长。",
    "建议多听听基层群众的意见。",
    "草案整体结构合理，逻辑清晰。",
    "希望执法部门严格执行，不要走过场。",
    "对{t}工作有很大促进作用，点赞。",
    "建议增加对基层工作人员的培训。",
    "没有意见，同意草案。",
    "希望条例出台后真正落到实处。",
    "条例名称建议再斟酌一下。",
    "建议把{t}的经费保障写得更具体一些。",
];

fn distractor_generic(rng: &mut Rng, topic: &str) -> GenComment {
    let lead = *rng.pick(&["", "", "", "总的来说，", "我的意见是：", "看了草案，"]);
    let text = format!("{lead}{}", rng.pick(&GENERIC).replace("{t}", topic));
    let cell = match rng.below(4) {
        0 => Some("总体".to_string()),
        1 => Some("全文".to_string()),
        _ => None,
    };
    comment(
        meta(rng, CITIZENS),
        cell,
        text,
        Style::DistractorGeneric,
        None,
    )
}

const OFF_TOPIC: [&str; 24] = [
    "小区门口乱停车太严重了，晚上回家没地方停。",
    "楼上邻居天天半夜装修，物业也不管。",
    "我们村的路灯坏了半年了，希望尽快修好。",
    "物业费太贵了，服务还差，建议政府管一管。",
    "广场舞音乐太吵，影响休息。",
    "外卖电动车乱闯红灯，很危险。",
    "小区电梯老是坏，老人上下楼困难。",
    "学校门口接送孩子的车太多，经常堵车。",
    "建议在公园多设几个公共厕所。",
    "菜市场的菜价涨得太快了。",
    "邻居家的狗不拴绳，吓到小孩。",
    "根据《民法典》第一千零九条，邻居装修噪音侵犯了我的权益，希望有人处理。",
    "《道路交通安全法》第九十条的罚款太低了，乱停车根本管不住。",
    "依照《消费者权益保护法》第五十五条，商家应当三倍赔偿，但我投诉没人理。",
    "《物业管理条例》第三十五条规定的物业服务合同，我们小区根本没签。",
    "公交车班次太少，等车要半个多小时。",
    "希望多建一些养老院，老人没人照顾。",
    "快递柜收费不合理，超时就要交钱。",
    "我家楼下的饭店油烟太大，窗户都不敢开。",
    "老旧小区加装电梯，一楼住户不同意怎么办？",
    "建议延长地铁末班车时间。",
    "共享单车乱停乱放，人行道都走不了。",
    "孩子上学太远，希望就近多建几所学校。",
    "依照《劳动法》第四十四条，加班应当支付加班费，我们公司从来不给。",
];

fn distractor_off_topic(rng: &mut Rng, _title: &str) -> GenComment {
    let lead = *rng.pick(&[
        "",
        "",
        "借这个机会反映个问题：",
        "我想反映一下，",
        "不知道该找谁，",
    ]);
    let tail = *rng.pick(&["", "", "希望有关部门重视。", "谢谢！", "麻烦转给相关部门。"]);
    let text = format!("{lead}{}{tail}", rng.pick(&OFF_TOPIC));
    comment(
        meta(rng, CITIZENS),
        None,
        text,
        Style::DistractorOffTopic,
        None,
    )
}
