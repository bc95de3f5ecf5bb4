//! Article references in comments: `第十二条第二款第（三）项`, `第12条`, `第十二、十三条`,
//! `第十二条至第十五条`, `第三章`, `本条例第十二条` — from the article column of a sheet and from
//! the comment text. Numbers are those of the draft the comment was made on.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::draft::numbering::{ArticleNumber, is_numeral_char, parse_number, to_chinese};
use crate::draft::{BlockKind, DivisionKind, Draft};

/// What a comment refers to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citations {
    /// Articles (with paragraph and item when given), in order of first mention, no repeats.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<Citation>,
    /// Chapters (`第三章`) referred to as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chapters: Vec<u32>,
}

/// One article reference: `第十二条之一第二款第（三）项` → article 12, sub 1, paragraph 2, item 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Citation {
    /// The article number.
    pub article: u32,
    /// 1 for `之一`, else 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub sub: u32,
    /// The paragraph (款), counted from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// The item (项), counted from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<u32>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// Ranges (`第十二条至第十五条`) longer than this keep only their two ends.
const MAX_RANGE: u32 = 50;

/// Values of the article column that mean "the whole regulation" or "nothing in particular".
const GENERIC: &[&str] = &[
    "总体",
    "整体",
    "全文",
    "总的",
    "其他",
    "其它",
    "无",
    "通篇",
    "综合",
    "全部",
    "全篇",
    "整部",
    "条例整体",
    "条例全文",
    "整部条例",
    "整个条例",
    "全条例",
    "草案整体",
    "草案全文",
    "总体评价",
    "总括",
    "总论",
    "宏观",
    "一般",
    "暂无",
    "没有",
    "不涉及",
    "未注明",
    "未填写",
    "未填",
    "空",
    "多条",
    "n/a",
    "na",
    "none",
    "null",
    "nil",
];

/// Words naming the regulation under consultation, allowed before a reference in the article
/// column (`本条例第十二条`). Longest first.
const OWN_NAMES: &[&str] = &[
    "征求意见稿",
    "条例草案",
    "修订草案",
    "本条例",
    "送审稿",
    "一审稿",
    "二审稿",
    "三审稿",
    "本办法",
    "本规定",
    "条例",
    "草案",
    "本法",
];

/// Words ending in 法 that are not the name of a law (`看法第三条` is not a law's article).
const NOT_LAWS: &[&str] = &[
    "看法", "说法", "想法", "做法", "写法", "方法", "提法", "用法", "依法", "违法", "合法", "非法",
    "执法", "立法", "守法",
];

/// Nouns that make `第一条` a counted thing (`第一条路`), not an article.
const CLASSIFIED: &[&str] = &["路", "街", "巷", "鱼", "沟", "小河", "河沟"];

/// Nouns that, after `的`, make `第一条` an ordinal (`我的第一条建议`).
const ORDINAL_NOUNS: &[&str] = &["建议", "意见", "理由", "原因", "问题", "要求", "诉求"];

impl Citations {
    /// Whether nothing is referred to.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty() && self.chapters.is_empty()
    }

    /// Appends `other`'s references that are not already here, keeping the order of first
    /// mention.
    ///
    /// ```
    /// use lifa::cite::parse_text;
    /// let mut c = parse_text("第十二条、第十三条");
    /// c.extend(parse_text("第十三条、第三章"));
    /// assert_eq!(c.articles.len(), 2);
    /// assert_eq!(c.chapters, vec![3]);
    /// ```
    pub fn extend(&mut self, other: Citations) {
        for a in other.articles {
            self.push_article(a);
        }
        for c in other.chapters {
            self.push_chapter(c);
        }
    }

    /// The distinct `(article, sub)` numbers referred to, in order of first mention
    /// (`第十二条第二款` and `第十二条第三款` give one `(12, 0)`).
    pub fn article_numbers(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        distinct_articles(&self.articles)
    }

    fn push_article(&mut self, c: Citation) {
        if !self.articles.contains(&c) {
            self.articles.push(c);
        }
    }

    fn push_chapter(&mut self, n: u32) {
        if !self.chapters.contains(&n) {
            self.chapters.push(n);
        }
    }
}

impl Citation {
    fn new(article: u32, sub: u32) -> Self {
        Citation {
            article,
            sub,
            paragraph: None,
            item: None,
        }
    }
}

impl fmt::Display for Citation {
    /// `第十二条之一第二款第（三）项`, leaving out the parts not given.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}",
            ArticleNumber {
                main: self.article,
                sub: self.sub,
            }
        )?;
        if let Some(p) = self.paragraph {
            write!(f, "第{}款", to_chinese(p))?;
        }
        if let Some(i) = self.item {
            write!(f, "第（{}）项", to_chinese(i))?;
        }
        Ok(())
    }
}

/// Reads the article column of an uploaded sheet (`条款`, `条文`, `涉及条款`).
///
/// Returns `Some` with no references for an empty cell or a generic value (`总体`, `全文`,
/// `其他`, `-`, `/` …), `Some` with the references when the whole value reads as references,
/// and `None` otherwise, so that the caller can warn. Besides everything [`parse_text`] reads,
/// the forms staff type are accepted: `12`, `12、13`, `12,13`, `12-15`, `十二`, `第12`, `12条`.
///
/// ```
/// use lifa::cite::parse_field;
/// let c = parse_field("12、13").unwrap();
/// assert_eq!(c.articles.iter().map(|a| a.article).collect::<Vec<_>>(), vec![12, 13]);
/// assert!(parse_field("总体").unwrap().is_empty());
/// assert_eq!(parse_field("见正文"), None);
/// ```
pub fn parse_field(value: &str) -> Option<Citations> {
    if is_generic(value) {
        return Some(Citations::default());
    }
    let s = normalize(value);
    let mut cur = Cursor {
        s: &s,
        pos: 0,
        lenient: true,
    };
    let mut out = Citations::default();
    loop {
        cur.skip_field_filler();
        if cur.peek().is_none() {
            return Some(out);
        }
        if !cur.reference(&mut out) {
            return None;
        }
    }
}

/// Finds the references to the draft's articles and chapters in a comment's text.
///
/// Reads Chinese numerals and Arabic digits (also full-width), `之一`, 款 and 项 (`第（三）项`,
/// `第3项`), lists (`第十二、十三条`, `第十二条第一款、第二款`), ranges (`第十二条至第十五条`,
/// `第12-15条`, expanded to every article), and chapters (`第三章`). References to other laws
/// (`《中华人民共和国水法》第十二条`, `水法第十二条`, `宪法第十条`) are left out, as are 款 and
/// 项 without an article (`本条第二款`).
///
/// ```
/// use lifa::cite::parse_text;
/// let c = parse_text("建议将本条例第二十条第一款第（三）项、第（四）项与《水法》第十二条衔接，第三章也要改。");
/// let cited: Vec<String> = c.articles.iter().map(|a| a.to_string()).collect();
/// assert_eq!(cited, ["第二十条第一款第（三）项", "第二十条第一款第（四）项"]);
/// assert_eq!(c.chapters, vec![3]);
/// ```
pub fn parse_text(text: &str) -> Citations {
    parse_text_in(text, None)
}

/// Like [`parse_text`], knowing the draft's own title, so that the regulation named in full or
/// by its short name counts as this draft: with the title `青澜市青澜湖保护条例（草案）`,
/// `青澜湖保护条例第十二条` and `《青澜市青澜湖保护条例》第十二条` are its article 12, while
/// `太湖保护条例第十二条` is another regulation's.
///
/// ```
/// use lifa::cite::parse_text_in;
/// let title = Some("青澜市青澜湖保护条例（草案）");
/// assert_eq!(parse_text_in("建议青澜湖保护条例第十二条增加界桩。", title).articles.len(), 1);
/// assert_eq!(parse_text_in("《青澜市青澜湖保护条例》第三条", title).articles.len(), 1);
/// assert!(parse_text_in("参照太湖保护条例第十二条。", title).is_empty());
/// assert!(parse_text_in("《江苏省太湖水污染防治条例》第十二条", title).is_empty());
/// ```
pub fn parse_text_in(text: &str, title: Option<&str>) -> Citations {
    let own: Vec<char> = title.map(own_name).unwrap_or_default();
    let s = normalize(text);
    let mut cur = Cursor {
        s: &s,
        pos: 0,
        lenient: false,
    };
    let mut out = Citations::default();
    // End of the previous reference and whether it was to this draft.
    let mut last: Option<(usize, bool)> = None;
    while let Some(c) = cur.peek() {
        if c == '《'
            && let Some(close) = title_end(&s, cur.pos)
        {
            cur.pos = close + 1;
            continue;
        }
        if c == '第' {
            let start = cur.pos;
            let mut found = Citations::default();
            if cur.reference(&mut found) {
                let internal = match last {
                    Some((end, internal)) if is_list_gap(&s[end..start]) => internal,
                    _ => !names_other_law(&s[..start]) || names_own(&s[..start], &own),
                };
                if internal && !is_counted_thing(&s, start, cur.pos) {
                    out.extend(found);
                }
                last = Some((cur.pos, internal));
                continue;
            }
        }
        cur.pos += 1;
    }
    out
}

/// Warnings, in Chinese, for references that `draft` does not have: an unknown article or
/// chapter, a 款 beyond the article's last, a 项 the article (or 款) does not have. Empty when
/// every reference exists.
///
/// ```
/// use lifa::cite::{check, parse_text};
/// let draft = lifa::draft::parse("v1.md", "第一条　为了保护湖泊，制定本条例。\n\n第二条　本条例自公布之日起施行。\n").unwrap();
/// assert_eq!(check(&parse_text("第二条"), &draft), Vec::<String>::new());
/// assert_eq!(check(&parse_text("第九十条"), &draft), ["第九十条不存在（该稿共两条）"]);
/// ```
pub fn check(cites: &Citations, draft: &Draft) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |w: String| {
        if !out.contains(&w) {
            out.push(w);
        }
    };
    for c in &cites.articles {
        let number = ArticleNumber {
            main: c.article,
            sub: c.sub,
        };
        let Some(article) = draft.article(number) else {
            push(format!(
                "{number}不存在（该稿共{}条）",
                count(draft.articles.len())
            ));
            continue;
        };
        let paragraphs = article.paragraph_count();
        if let Some(p) = c.paragraph
            && p as usize > paragraphs
        {
            push(format!(
                "{number}第{}款不存在（该条共{}款）",
                to_chinese(p),
                count(paragraphs)
            ));
            continue;
        }
        if let Some(i) = c.item {
            // Items belong to the paragraph they follow.
            let mut paragraph = 0u32;
            let mut items = Vec::new();
            for b in &article.blocks {
                match b.kind {
                    BlockKind::Paragraph => paragraph += 1,
                    BlockKind::Item(n) if c.paragraph.is_none_or(|p| p == paragraph) => {
                        items.push(n)
                    }
                    _ => {}
                }
            }
            if !items.contains(&i) {
                let whole = if c.paragraph.is_some() {
                    "该款"
                } else {
                    "该条"
                };
                push(if items.is_empty() {
                    format!("{c}不存在（{whole}没有项）")
                } else {
                    format!("{c}不存在（{whole}共{}项）", count(items.len()))
                });
            }
        }
    }
    let chapters: Vec<u32> = draft
        .divisions
        .iter()
        .filter(|d| d.kind == DivisionKind::Chapter)
        .map(|d| d.number)
        .collect();
    for &n in &cites.chapters {
        if !chapters.contains(&n) {
            push(if chapters.is_empty() {
                format!("第{}章不存在（该稿未分章）", to_chinese(n))
            } else {
                format!(
                    "第{}章不存在（该稿共{}章）",
                    to_chinese(n),
                    count(chapters.len())
                )
            });
        }
    }
    out
}

/// A count as written in Chinese: 2 → 两, else the numeral.
fn count(n: usize) -> String {
    match n {
        2 => "两".to_string(),
        n => to_chinese(u32::try_from(n).unwrap_or(u32::MAX).min(9999)),
    }
}

/// Whether an article-column value means no particular article.
fn is_generic(value: &str) -> bool {
    let v: String = value
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    let is_one = |v: &str| {
        let v = v.trim_end_matches(['。', '.', '；', ';', '：', ':', '，', ',']);
        let base = ["性意见", "性建议", "意见", "建议", "方面"]
            .iter()
            .find_map(|s| v.strip_suffix(s).filter(|b| !b.is_empty()))
            .unwrap_or(v);
        v.chars().all(|c| {
            matches!(
                c,
                '-' | '－'
                    | '—'
                    | '–'
                    | '―'
                    | '/'
                    | '／'
                    | '\\'
                    | '_'
                    | '.'
                    | '·'
                    | '…'
                    | '~'
                    | '～'
            )
        }) || GENERIC.contains(&v)
            || GENERIC.contains(&base)
    };
    // `总体/全文`, `整体、其他` are generic too.
    is_one(&v)
        || v.split(['/', '／', '、', ',', '，', ';', '；'])
            .filter(|p| !p.is_empty())
            .all(is_one)
}

/// Characters between references in the article column (`12、13`, `12 13`, `12/13`).
fn is_field_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '、' | ',' | '，' | ';' | '；' | '。' | '/' | '／' | '|' | '和' | '及' | '与'
        )
}

/// The text as chars, with full-width digits made ASCII, ASCII parentheses made full-width and
/// the traditional forms of the words a reference is made of made simplified (`第十二條第二款`,
/// `第（三）項`, `第三節`, `兩`), one char for one, so positions keep.
pub(crate) fn normalize(text: &str) -> Vec<char> {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '(' => '（',
            ')' => '）',
            '條' => '条',
            '項' => '项',
            '節' => '节',
            '編' => '编',
            '兩' => '两',
            _ => c,
        })
        .collect()
}

/// Spaces that may sit inside a reference (`第 12 条`); never a line break.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '－' | '—' | '–' | '―' | '﹣' | '~' | '～' | '〜')
}

fn ends_with(s: &[char], word: &str) -> bool {
    let n = word.chars().count();
    s.len() >= n && s[s.len() - n..].iter().copied().eq(word.chars())
}

fn starts_with(s: &[char], word: &str) -> bool {
    let n = word.chars().count();
    s.len() >= n && s[..n].iter().copied().eq(word.chars())
}

/// The index of the `》` closing the title that opens at `open`, if it closes on the same line
/// and soon.
fn title_end(s: &[char], open: usize) -> Option<usize> {
    s.iter()
        .enumerate()
        .skip(open + 1)
        .take(100)
        .take_while(|&(_, &c)| c != '\n' && c != '《')
        .find(|&(_, &c)| c == '》')
        .map(|(i, _)| i)
}

/// Whether the text between two references only joins them (`、`, `和`, `至` …), so that the
/// second refers to the same instrument as the first (`《水法》第十二条、第十三条`).
fn is_list_gap(gap: &[char]) -> bool {
    let words: Vec<char> = gap.iter().copied().filter(|&c| !is_space(c)).collect();
    words.len() <= 3
        && words.iter().all(|&c| {
            matches!(
                c,
                '、' | '和' | '及' | '与' | '或' | '以' | '者' | '至' | '到' | ','
            ) || is_dash(c)
        })
}

/// A title as compared: no 《》, no note in brackets (`（草案）`, `（二审稿）`), no spaces.
fn own_name(title: &str) -> Vec<char> {
    let mut out = Vec::new();
    let mut depth = 0;
    for c in title.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = (depth as i32 - 1).max(0) as usize,
            '《' | '》' => {}
            c if c.is_whitespace() || depth > 0 => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether the text before a reference ends with the draft's own title, in full or shortened
/// from the front to at least six characters (`青澜湖保护条例` for `青澜市青澜湖保护条例`),
/// inside 《》 or not.
fn names_own(before: &[char], own: &[char]) -> bool {
    if own.len() < 6 {
        return false;
    }
    let mut end = before.len();
    while end > 0 && is_space(before[end - 1]) {
        end -= 1;
    }
    let mut before = &before[..end];
    if before.last() == Some(&'》') {
        before = &before[..before.len() - 1];
        let open = before.iter().rposition(|&c| c == '《').map_or(0, |i| i + 1);
        let inner = own_name(&before[open..].iter().collect::<String>());
        return common_suffix(&inner, own) >= 6 && common_suffix(&inner, own) == inner.len();
    }
    common_suffix(before, own) >= 6
}

fn common_suffix(a: &[char], b: &[char]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Whether the text before a reference names another instrument: `《中华人民共和国水法》`,
/// `水法`, `宪法`, `民法典`, `某某条例` (but not `本条例`, `条例`, `草案`, `《……（草案）》`).
fn names_other_law(before: &[char]) -> bool {
    let mut end = before.len();
    while end > 0 && is_space(before[end - 1]) {
        end -= 1;
    }
    let before = &before[..end];
    let Some(&last) = before.last() else {
        return false;
    };
    if last == '》' || last == '>' {
        let open = if last == '》' { '《' } else { '<' };
        let from = before.len().saturating_sub(101);
        let title = match before[from..before.len() - 1]
            .iter()
            .rposition(|&c| c == open)
        {
            Some(i) => &before[from + i + 1..before.len() - 1],
            None => &before[from..before.len() - 1],
        };
        let own = ["草案", "征求意见稿", "送审稿", "审稿"].iter().any(|w| {
            title
                .windows(w.chars().count())
                .any(|t| t.iter().copied().eq(w.chars()))
        }) || matches!(title.iter().collect::<String>().as_str(), "条例" | "本条例");
        return !own;
    }
    if crate::refs::OWN_NAMES.iter().any(|w| ends_with(before, w)) {
        return false;
    }
    if ends_with(before, "条例") {
        // 条例 alone, 该条例, 新条例 mean the draft; 水污染防治条例 is another regulation.
        return match before.len().checked_sub(3).map(|i| before[i]) {
            None => false,
            Some(c) => is_han(c) && !matches!(c, '该' | '此' | '部' | '个' | '新'),
        };
    }
    if ends_with(before, "法") {
        return !NOT_LAWS.iter().any(|w| ends_with(before, w));
    }
    [
        "法典", "法律", "法规", "办法", "规定", "决定", "细则", "规则",
    ]
    .iter()
    .any(|w| ends_with(before, w))
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Whether `第一条` between `start` and `end` counts things rather than naming an article:
/// `第一条路`, `我的第一条建议`.
fn is_counted_thing(s: &[char], start: usize, end: usize) -> bool {
    if s[end - 1] != '条' {
        return false;
    }
    let after = &s[end..];
    CLASSIFIED.iter().any(|w| starts_with(after, w))
        || (start > 0
            && s[start - 1] == '的'
            && ORDINAL_NOUNS.iter().any(|w| starts_with(after, w)))
}

/// What a reference's number is followed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Article,
    Chapter,
}

/// A 款 or 项 after an article label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// `第二款`, possibly with its item (`第二款第（三）项`).
    Paragraph(u32, Option<u32>),
    /// `第（三）项`, `第三项`, `（三）`.
    Item(u32),
}

/// A hand-written scanner over normalized chars. Every reading method either succeeds and
/// moves past what it read, or fails and leaves the position where it was.
struct Cursor<'a> {
    s: &'a [char],
    pos: usize,
    /// Article-column mode: `第` and `条` may be left out (`12`, `第12`, `12条`).
    lenient: bool,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.s.get(self.pos).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_word(&mut self, word: &str) -> bool {
        if starts_with(&self.s[self.pos..], word) {
            self.pos += word.chars().count();
            true
        } else {
            false
        }
    }

    fn spaces(&mut self) {
        while self.peek().is_some_and(is_space) {
            self.pos += 1;
        }
    }

    /// A number in Chinese numerals or digits.
    fn number(&mut self) -> Option<u32> {
        let start = self.pos;
        let mut buf = [0u8; 48];
        let mut len = 0;
        while let Some(c) = self.peek().filter(|&c| is_numeral_char(c)) {
            if len + c.len_utf8() > buf.len() {
                self.pos = start;
                return None;
            }
            len += c.encode_utf8(&mut buf[len..]).len();
            self.pos += 1;
        }
        let n = std::str::from_utf8(&buf[..len]).ok().and_then(parse_number);
        if n.is_none() {
            self.pos = start;
        }
        n
    }

    /// `至`, `到`, or a dash between the two ends of a range.
    fn range_joiner(&mut self) -> bool {
        if self.eat('至') || self.eat('到') {
            return true;
        }
        let start = self.pos;
        while self.peek().is_some_and(is_dash) {
            self.pos += 1;
        }
        self.pos > start
    }

    /// `、`, `和`, `及`, `以及`, `与`, `或`, `或者` between the members of a list.
    fn list_joiner(&mut self) -> bool {
        self.eat('、')
            || self.eat('和')
            || self.eat('及')
            || self.eat_word("以及")
            || self.eat('与')
            || self.eat_word("或者")
            || self.eat('或')
    }

    /// Separators and the draft's own name between references in the article column.
    fn skip_field_filler(&mut self) {
        loop {
            let start = self.pos;
            while self.peek().is_some_and(is_field_separator) {
                self.pos += 1;
            }
            self.eat_word("以及");
            for w in OWN_NAMES {
                if self.eat_word(w) {
                    self.eat('的');
                    break;
                }
            }
            if self.pos == start {
                return;
            }
        }
    }

    /// Whether the article column's value may end a reference here (`12` before `、13`).
    fn at_field_boundary(&self) -> bool {
        self.peek().is_none_or(is_field_separator)
    }

    /// One reference starting here (at `第`, or at a number in lenient mode), with the
    /// references joined to it without `第` (`第十二条、十三条`).
    fn reference(&mut self, out: &mut Citations) -> bool {
        let start = self.pos;
        let had_di = self.eat('第');
        if !had_di && !self.lenient {
            return false;
        }
        self.spaces();
        if !self.group(out, self.lenient, had_di) {
            self.pos = start;
            return false;
        }
        loop {
            let save = self.pos;
            self.spaces();
            if !self.list_joiner() {
                self.pos = save;
                break;
            }
            self.spaces();
            if !self.peek().is_some_and(is_numeral_char) || !self.group(out, false, false) {
                self.pos = save;
                break;
            }
        }
        true
    }

    /// The numbers and unit of one reference, `第` already read: `十二条之一第二款`,
    /// `十二、十三条`, `12-15条`, `十二条至第十五条`, `三章`, and (lenient) `12`.
    ///
    /// `第` may repeat inside the list (`第十二、第十三条`) only when the reference began with
    /// one (`had_di`): in `12、第三章` the `第` starts a new reference.
    fn group(&mut self, out: &mut Citations, unit_optional: bool, had_di: bool) -> bool {
        let start = self.pos;
        let Some(first) = self.number() else {
            return false;
        };
        // Numbers before the unit: (number, whether a range from the previous one).
        let mut nums = vec![(first, false)];
        loop {
            let save = self.pos;
            self.spaces();
            let range = if self.range_joiner() {
                true
            } else if self.list_joiner() || self.eat(',') {
                false
            } else {
                self.pos = save;
                break;
            };
            self.spaces();
            if had_di && self.eat('第') {
                self.spaces();
            }
            match self.number() {
                Some(n) => nums.push((n, range)),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        let before_unit = self.pos;
        self.spaces();
        let unit = if self.eat('条') {
            Unit::Article
        } else if self.eat('章') {
            Unit::Chapter
        } else if unit_optional && {
            self.pos = before_unit;
            self.at_field_boundary()
        } {
            push_numbers(out, Unit::Article, &nums, 0);
            return true;
        } else {
            self.pos = start;
            return false;
        };
        let sub = if unit == Unit::Article { self.sub() } else { 0 };
        if nums.len() > 1 {
            push_numbers(out, unit, &nums, sub);
            return true;
        }
        // 第十二条至第十五条, 第三章到第五章.
        if let Some((last, last_sub)) = self.range_end(unit) {
            if sub == 0 {
                push_numbers(out, unit, &[(first, false), (last, true)], 0);
            } else {
                // 第十二条之一至第十五条: 12之一 itself, then 13..=15.
                out.push_article(Citation::new(first, sub));
                if last > first {
                    push_numbers(out, unit, &[(first + 1, false), (last, true)], 0);
                }
            }
            if last_sub > 0 {
                out.push_article(Citation::new(last, last_sub));
            }
            return true;
        }
        match unit {
            Unit::Article => self.parts(out, first, sub),
            Unit::Chapter => {
                // 第三章第十二条 locates an article; the chapter is not itself referred to.
                let save = self.pos;
                self.spaces();
                let locator = self.eat('第') && {
                    self.spaces();
                    self.number().is_some() && {
                        self.spaces();
                        self.peek() == Some('条')
                    }
                };
                self.pos = save;
                if !locator {
                    out.push_chapter(first);
                }
            }
        }
        true
    }

    /// `之一` after `条`.
    fn sub(&mut self) -> u32 {
        let save = self.pos;
        if self.eat('之')
            && let Some(n) = self.number()
        {
            return n;
        }
        self.pos = save;
        0
    }

    /// `至第十五条`, `到十五条`, `-第15条` after a label: the end of a range and its sub.
    fn range_end(&mut self, unit: Unit) -> Option<(u32, u32)> {
        let save = self.pos;
        self.spaces();
        if self.range_joiner() {
            self.spaces();
            self.eat('第');
            self.spaces();
            if let Some(n) = self.number() {
                let before_unit = self.pos;
                self.spaces();
                let unit_char = if unit == Unit::Article { '条' } else { '章' };
                if self.eat(unit_char) {
                    let sub = if unit == Unit::Article { self.sub() } else { 0 };
                    return Some((n, sub));
                }
                self.pos = before_unit;
                if self.lenient && self.at_field_boundary() {
                    return Some((n, 0));
                }
            }
        }
        self.pos = save;
        None
    }

    /// The 款 and 项 after an article label, with their lists and ranges
    /// (`第一款、第二款`, `第一款第（三）项、第（四）项`, `第一款至第三款`); the bare article when
    /// there are none.
    fn parts(&mut self, out: &mut Citations, article: u32, sub: u32) {
        let mut paragraph: Option<u32> = None;
        let mut last: Option<Part> = None;
        loop {
            let save = self.pos;
            let mut range = false;
            if last.is_some() {
                self.spaces();
                if self.range_joiner() {
                    range = true;
                } else if !self.list_joiner() {
                    self.pos = save;
                    break;
                }
            }
            self.spaces();
            let Some(part) = self.part() else {
                self.pos = save;
                break;
            };
            let cite = |paragraph, item| Citation {
                article,
                sub,
                paragraph,
                item,
            };
            match (range, last, part) {
                (true, Some(Part::Paragraph(from, None)), Part::Paragraph(to, None))
                    if from < to && to - from < MAX_RANGE =>
                {
                    for p in from + 1..=to {
                        out.push_article(cite(Some(p), None));
                    }
                    paragraph = Some(to);
                }
                (true, Some(Part::Item(from)), Part::Item(to))
                | (true, Some(Part::Paragraph(_, Some(from))), Part::Item(to))
                    if from < to && to - from < MAX_RANGE =>
                {
                    for i in from + 1..=to {
                        out.push_article(cite(paragraph, Some(i)));
                    }
                }
                (_, _, Part::Paragraph(p, item)) => {
                    paragraph = Some(p);
                    out.push_article(cite(Some(p), item));
                }
                (_, _, Part::Item(i)) => out.push_article(cite(paragraph, Some(i))),
            }
            last = Some(part);
        }
        if last.is_none() {
            out.push_article(Citation::new(article, sub));
        }
    }

    /// One `第二款` (with an optional item after it) or one item.
    fn part(&mut self) -> Option<Part> {
        let save = self.pos;
        if self.eat('第') {
            self.spaces();
            if self.peek() != Some('（')
                && let Some(n) = self.number()
            {
                self.spaces();
                if self.eat('款') {
                    let before_item = self.pos;
                    self.spaces();
                    let item = self.item();
                    if item.is_none() {
                        self.pos = before_item;
                    }
                    return Some(Part::Paragraph(n, item));
                }
                if self.eat('项') {
                    return Some(Part::Item(n));
                }
            }
            self.pos = save;
        }
        let item = self.item().map(Part::Item);
        if item.is_none() {
            self.pos = save;
        }
        item
    }

    /// `第（三）项`, `（三）项`, `（三）`, `第三项`, `第3项`, `（3）项`.
    fn item(&mut self) -> Option<u32> {
        let save = self.pos;
        let had_di = self.eat('第');
        self.spaces();
        if self.eat('（') {
            self.spaces();
            let digits = self.peek().is_some_and(|c| c.is_ascii_digit());
            if let Some(n) = self.number() {
                self.spaces();
                if self.eat('）') {
                    let before_unit = self.pos;
                    self.spaces();
                    if self.eat('项') {
                        return Some(n);
                    }
                    // `（三）` alone is an item's label; `（3）` alone would be a sub-item's.
                    self.pos = before_unit;
                    if !digits {
                        return Some(n);
                    }
                }
            }
        } else if had_di && let Some(n) = self.number() {
            self.spaces();
            if self.eat('项') {
                return Some(n);
            }
        }
        self.pos = save;
        None
    }
}

/// Adds the citations for a list of numbers such as `十二、十三` or `12-15`; `sub` goes to the
/// last. A range longer than [`MAX_RANGE`] (or backwards) keeps only its two ends.
fn push_numbers(out: &mut Citations, unit: Unit, nums: &[(u32, bool)], sub: u32) {
    let mut add = |n: u32, sub: u32| match unit {
        Unit::Article => out.push_article(Citation::new(n, sub)),
        Unit::Chapter => out.push_chapter(n),
    };
    let last = nums.len() - 1;
    for (i, &(n, range)) in nums.iter().enumerate() {
        let sub = if i == last { sub } else { 0 };
        if range && i > 0 {
            let from = nums[i - 1].0;
            if from < n && n - from < MAX_RANGE {
                for m in from + 1..n {
                    add(m, 0);
                }
            }
        }
        add(n, sub);
    }
}

/// The distinct `(article, sub)` numbers of citations, in order of first mention.
pub fn distinct_articles(articles: &[Citation]) -> impl Iterator<Item = (u32, u32)> + '_ {
    articles
        .iter()
        .enumerate()
        .filter(|&(i, a)| {
            !articles[..i]
                .iter()
                .any(|b| (b.article, b.sub) == (a.article, a.sub))
        })
        .map(|(_, a)| (a.article, a.sub))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cite(article: u32, sub: u32, paragraph: Option<u32>, item: Option<u32>) -> Citation {
        Citation {
            article,
            sub,
            paragraph,
            item,
        }
    }

    /// The articles found in `text`, as labels.
    fn labels(c: &Citations) -> Vec<String> {
        c.articles.iter().map(Citation::to_string).collect()
    }

    fn text(t: &str) -> Vec<String> {
        labels(&parse_text(t))
    }

    fn articles(t: &str) -> Vec<u32> {
        parse_text(t).articles.iter().map(|a| a.article).collect()
    }

    fn field(v: &str) -> Option<Vec<String>> {
        parse_field(v).map(|c| {
            let mut l = labels(&c);
            l.extend(c.chapters.iter().map(|n| format!("第{}章", to_chinese(*n))));
            l
        })
    }

    #[test]
    fn single_articles_in_every_writing() {
        for t in [
            "第十二条",
            "第12条",
            "第 12 条",
            "第１２条",
            "第　１２　条",
            "第一十二条",
            "建议第十二条增加一款",
            "第十二条款应当删除",
        ] {
            assert_eq!(text(t), ["第十二条"], "{t}");
        }
        assert_eq!(text("第一百零三条"), ["第一百零三条"]);
        assert_eq!(text("第十二条之一"), ["第十二条之一"]);
        assert_eq!(text("第12条之1"), ["第十二条之一"]);
        assert_eq!(text("依照第五条之规定"), ["第五条"]);
    }

    #[test]
    fn traditional_characters_cite_as_simplified() {
        assert_eq!(
            text("建議將第十二條第二款第（三）項修改，第兩百條不動"),
            ["第十二条第二款第（三）项", "第二百条"]
        );
        assert_eq!(
            field("第十四條、第15條"),
            Some(vec!["第十四条".into(), "第十五条".into()])
        );
        let title = Some("青澜市青澜湖保护条例（草案）");
        assert_eq!(
            parse_text_in("青澜湖保护條例第三條", title).articles.len(),
            1
        );
        assert!(parse_text_in("《水法》第十二條", title).is_empty());
    }

    #[test]
    fn paragraphs_and_items() {
        assert_eq!(text("第十二条第二款"), ["第十二条第二款"]);
        assert_eq!(text("第12条第2款"), ["第十二条第二款"]);
        for t in [
            "第十二条第二款第（三）项",
            "第十二条第二款第(三)项",
            "第十二条第二款第三项",
            "第十二条第二款第3项",
            "第十二条第二款第（3）项",
            "第十二条第二款第（３）项",
            "第十二条第二款（三）项",
            "第 12 条第 2 款第 3 项",
        ] {
            assert_eq!(text(t), ["第十二条第二款第（三）项"], "{t}");
        }
        for t in [
            "第十四条第（三）项",
            "第十四条第三项",
            "第十四条（三）",
            "第十四条(三)规定的行为",
        ] {
            assert_eq!(text(t), ["第十四条第（三）项"], "{t}");
        }
        assert_eq!(
            text("第十二条之一第二款第（三）项"),
            ["第十二条之一第二款第（三）项"]
        );
        // `（3）` without 项 is a sub-item label, not an item: the article alone.
        assert_eq!(text("第十四条（3）"), ["第十四条"]);
    }

    #[test]
    fn article_lists() {
        for t in [
            "第十二、十三条",
            "第十二条、第十三条",
            "第十二条和第十三条",
            "第十二条及第十三条",
            "第十二条与第十三条",
            "第十二条以及第十三条",
            "第十二条或者第十三条",
            "第十二条、十三条",
            "第12、13条",
            "第12,13条",
            "第十二和十三条",
            "第十二、第十三条",
        ] {
            assert_eq!(articles(t), [12, 13], "{t}");
        }
        assert_eq!(articles("第十二、十三、十四条"), [12, 13, 14]);
        assert_eq!(articles("第三十条、第三十一条"), [30, 31]);
        // A comma does not join a list, but both are still references.
        assert_eq!(articles("第十二条，第十三条"), [12, 13]);
    }

    #[test]
    fn paragraph_and_item_lists() {
        assert_eq!(
            text("第十二条第一款、第二款"),
            ["第十二条第一款", "第十二条第二款"]
        );
        assert_eq!(
            text("第二十条第一款第（三）项、第（四）项"),
            ["第二十条第一款第（三）项", "第二十条第一款第（四）项"]
        );
        assert_eq!(
            text("依照本条例第十四条第三项、第四项和第二十条之一规定"),
            ["第十四条第（三）项", "第十四条第（四）项", "第二十条之一"]
        );
        assert_eq!(
            text("第十二条第二款第（三）项、第三款"),
            ["第十二条第二款第（三）项", "第十二条第三款"]
        );
        assert_eq!(
            text("第十二条第一款至第三款"),
            ["第十二条第一款", "第十二条第二款", "第十二条第三款"]
        );
        assert_eq!(
            text("第十四条第（三）项至第（五）项"),
            [
                "第十四条第（三）项",
                "第十四条第（四）项",
                "第十四条第（五）项"
            ]
        );
        // A list ends where the next article begins.
        assert_eq!(
            text("第十二条第二款、第十三条"),
            ["第十二条第二款", "第十三条"]
        );
    }

    #[test]
    fn article_ranges() {
        for t in [
            "第十二条至第十五条",
            "第十二至十五条",
            "第十二条到第十五条",
            "第十二条至十五条",
            "第12-15条",
            "第12～15条",
            "第１２～１５条",
            "第12~15条",
            "第12条—第15条",
            "第 12 - 15 条",
        ] {
            assert_eq!(articles(t), [12, 13, 14, 15], "{t}");
        }
        assert_eq!(
            text("第十二条之一至第十四条"),
            ["第十二条之一", "第十三条", "第十四条"]
        );
        assert_eq!(
            articles("第十二条至第十五条、第二十条"),
            [12, 13, 14, 15, 20]
        );
        // Too long or backwards: only the two ends.
        assert_eq!(articles("第1条至第100条"), [1, 100]);
        assert_eq!(articles("第1条至第50条").len(), 50);
        assert_eq!(articles("第十五条至第十二条"), [15, 12]);
        // 至 not followed by an article is not a range.
        assert_eq!(articles("第十二条至今没有落实"), [12]);
        assert_eq!(articles("第十二条到底管不管"), [12]);
    }

    #[test]
    fn chapters() {
        let c = parse_text("第三章内容很多");
        assert_eq!((c.articles.len(), c.chapters.clone()), (0, vec![3]));
        assert_eq!(parse_text("第三、四章").chapters, [3, 4]);
        assert_eq!(parse_text("第三章至第五章").chapters, [3, 4, 5]);
        assert_eq!(parse_text("第3-5章").chapters, [3, 4, 5]);
        assert_eq!(parse_text("第七章　附则").chapters, [7]);
        // A chapter that only locates an article is not cited itself.
        let c = parse_text("第三章第十二条");
        assert_eq!(
            (c.chapters.len(), labels(&c)),
            (0, vec!["第十二条".to_string()])
        );
        assert!(parse_text("《水法》第三章").is_empty());
        assert!(parse_text("断章取义").is_empty());
    }

    #[test]
    fn the_drafts_own_names() {
        for t in [
            "本条例第十二条",
            "草案第十二条",
            "条例第十二条",
            "一审稿第十二条",
            "征求意见稿第十二条",
            "该条例第十二条",
            "《条例》第十二条",
            "《青澜市青澜湖保护条例（草案）》第十二条",
            "本法第十二条",
        ] {
            assert_eq!(articles(t), [12], "{t}");
        }
    }

    #[test]
    fn other_laws_are_skipped() {
        for t in [
            "《中华人民共和国水法》第十二条",
            "《中华人民共和国水法》 第十二条第二款",
            "《水法》第十二条、第十三条",
            "《水法》第十二条至第十五条",
            "依照水法第十二条",
            "宪法第十条",
            "水污染防治法第二十条已有规定",
            "民法典第一千一百六十五条",
            "该法第三条",
            "上位法第五条",
            "湖泊保护条例第十二条",
            "现行条例第十二条",
            "有关法律第十二条",
            "行政处罚法第十二条、第十三条",
            "《关于修改〈水法〉第十二条的决定》",
        ] {
            assert_eq!(articles(t), [] as [u32; 0], "{t}");
        }
        assert_eq!(articles("《水法》第十二条和本条例第十三条"), [13]);
        assert_eq!(articles("第十二条和《水法》第十三条"), [12]);
        assert_eq!(
            articles("建议第五十六条的罚款幅度与矿产资源法第四十条衔接"),
            [56]
        );
        // After a comma the list of the other law has ended.
        assert_eq!(articles("与水法第十二条不一致，第十三条也应修改"), [13]);
        // Words ending in 法 that are not laws.
        assert_eq!(articles("我的看法第十二条应当删除"), [12]);
        assert_eq!(articles("这种做法第十二条没有禁止"), [12]);
    }

    #[test]
    fn things_that_are_not_references() {
        for t in [
            "第一次",
            "第一批试点",
            "由第三方专业机构负责",
            "第二天就飞走了",
            "第一、加强宣传；第二、加大处罚",
            "第一，第二，",
            "本条第二款",
            "第二款规定的是运营单位的义务",
            "职责第一项就是宣传",
            "第三节",
            "湖边第一条路",
            "我的第一条建议是提高罚款",
            "第",
            "第十",
            "第十二",
            "第12345条",
            "第零条",
            "",
        ] {
            assert!(parse_text(t).is_empty(), "{t}");
        }
        // 建议 after an article label is the usual way to comment on it.
        assert_eq!(articles("第十二条建议删除"), [12]);
        assert_eq!(articles("第七条河长制要落实"), [7]);
    }

    #[test]
    fn order_of_first_mention_without_repeats() {
        assert_eq!(
            articles("第十三条太宽，第十二条太严，第十三条还要改"),
            [13, 12]
        );
        assert_eq!(
            text("第十二条……第十二条第二款……第十二条"),
            ["第十二条", "第十二条第二款"]
        );
        assert_eq!(parse_text("第三章和第三章").chapters, [3]);
    }

    #[test]
    fn comments_as_people_write_them() {
        let cases: [(&str, &[&str]); 6] = [
            (
                "建议将第二十四条第一款中的“定期”修改为“按季度”。",
                &["第二十四条第一款"],
            ),
            (
                "第一条立法依据建议增加《中华人民共和国防洪法》。",
                &["第一条"],
            ),
            (
                "建议将第三十条、第三十一条合并，与《中华人民共和国长江保护法》第二十六条衔接。",
                &["第三十条", "第三十一条"],
            ),
            (
                "草案第十四条只禁止一级保护区内围网养殖，第十五条第（一）项也要改",
                &["第十四条", "第十五条第（一）项"],
            ),
            ("第36条只写了游泳", &["第三十六条"]),
            (
                "建议第四条第三款明确街道办事处的职责，第九条第二款建议加上“依法”",
                &["第四条第三款", "第九条第二款"],
            ),
        ];
        for (t, want) in cases {
            assert_eq!(text(t), want, "{t}");
        }
    }

    #[test]
    fn field_values_as_staff_type_them() {
        let twelve = Some(vec!["第十二条".to_string()]);
        for v in [
            "12",
            "十二",
            "第12",
            "第十二",
            "12条",
            "十二条",
            "第12条",
            "第十二条",
            " 12 ",
            "１２",
            "本条例第十二条",
            "草案第12条",
            "第 12 条",
            "第十二条。",
            "条例第十二条",
            "一审稿第十二条",
        ] {
            assert_eq!(field(v), twelve, "{v}");
        }
        let both = Some(vec!["第十二条".to_string(), "第十三条".to_string()]);
        for v in [
            "12、13",
            "12,13",
            "12，13",
            "12;13",
            "12 13",
            "12/13",
            "12条、13条",
            "第12、13条",
            "第十二条,第十三条",
            "第十二条 第十三条",
            "第十二条\n第十三条",
            "12和13",
        ] {
            assert_eq!(field(v), both, "{v}");
        }
        for v in [
            "12-15",
            "12至15",
            "12～15",
            "第12-15条",
            "第十二条至第十五条",
            "12—15",
        ] {
            assert_eq!(parse_field(v).map(|c| c.articles.len()), Some(4), "{v}");
        }
        assert_eq!(
            field("第三十条、第三十一条"),
            Some(vec!["第三十条".to_string(), "第三十一条".to_string()])
        );
        assert_eq!(
            field("第十四条第（三）项"),
            Some(vec!["第十四条第（三）项".to_string()])
        );
        assert_eq!(
            field("第十二条第二款"),
            Some(vec!["第十二条第二款".to_string()])
        );
        assert_eq!(field("第三章"), Some(vec!["第三章".to_string()]));
        assert_eq!(
            field("12、第三章"),
            Some(vec!["第十二条".to_string(), "第三章".to_string()])
        );
    }

    #[test]
    fn generic_field_values() {
        for v in [
            "",
            "  ",
            "总体",
            "整体",
            "全文",
            "总的",
            "其他",
            "其它",
            "无",
            "通篇",
            "综合",
            "-",
            "—",
            "——",
            "/",
            "全部",
            "总体意见",
            "条例整体",
            "综合意见",
            "其他建议",
            "无。",
            "N/A",
            "、",
            "总体/全文",
            "整体、其他",
        ] {
            assert_eq!(parse_field(v), Some(Citations::default()), "{v:?}");
        }
    }

    #[test]
    fn unreadable_field_values() {
        for v in [
            "12.2",
            "见正文",
            "条款",
            "第二款",
            "水法第十二条",
            "《水法》第十二条",
            "第十二条 建议删除",
            "第一次",
            "12a",
            "12345",
        ] {
            assert_eq!(parse_field(v), None, "{v}");
        }
    }

    #[test]
    fn display() {
        assert_eq!(cite(12, 0, None, None).to_string(), "第十二条");
        assert_eq!(cite(12, 1, None, None).to_string(), "第十二条之一");
        assert_eq!(cite(12, 0, Some(2), None).to_string(), "第十二条第二款");
        assert_eq!(cite(12, 0, None, Some(3)).to_string(), "第十二条第（三）项");
        assert_eq!(
            cite(12, 1, Some(2), Some(3)).to_string(),
            "第十二条之一第二款第（三）项"
        );
    }

    #[test]
    fn merging_and_numbers() {
        let mut c = Citations::default();
        assert!(c.is_empty());
        c.extend(parse_text("第十三条第二款、第十二条、第三章"));
        c.extend(parse_text(
            "第十二条、第十三条、第十三条第一款、第十二条之一、第二章、第三章",
        ));
        assert!(!c.is_empty());
        assert_eq!(
            labels(&c),
            [
                "第十三条第二款",
                "第十二条",
                "第十三条",
                "第十三条第一款",
                "第十二条之一"
            ]
        );
        assert_eq!(c.chapters, [3, 2]);
        assert_eq!(
            c.article_numbers().collect::<Vec<_>>(),
            [(13, 0), (12, 0), (12, 1)]
        );
        let chapters_only = Citations {
            articles: vec![],
            chapters: vec![1],
        };
        assert!(!chapters_only.is_empty());
    }

    #[test]
    fn stored_json_format() {
        let c = parse_text("第十二条之一第二款第（三）项，第十三条，第三章");
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(
            json,
            r#"{"articles":[{"article":12,"sub":1,"paragraph":2,"item":3},{"article":13}],"chapters":[3]}"#
        );
        assert_eq!(serde_json::from_str::<Citations>(&json).unwrap(), c);
        assert_eq!(serde_json::to_string(&Citations::default()).unwrap(), "{}");
    }

    #[test]
    fn never_panics_on_scrambled_input() {
        let alphabet: Vec<char> = "第十二一百零条款项章节之、和及至到-～—（）()（3１ 　《》〈〉<>水法本条例草案的路建议，。\n"
            .chars()
            .collect();
        let mut seed = 0x2545_f491_u32;
        for _ in 0..20_000 {
            let mut s = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            for _ in 0..seed % 24 {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                s.push(alphabet[seed as usize % alphabet.len()]);
            }
            let c = parse_text(&s);
            assert!(c.articles.len() <= 200, "{s}");
            let _ = parse_field(&s);
        }
    }

    const DRAFT: &str = "\
# 某某湖保护条例

## 第一章　总则

第一条　为了保护某某湖，制定本条例。

第二条　禁止下列行为：

（一）围湖造地；

（二）设置排污口；

（三）倾倒垃圾。

违反前款规定的，依法处罚。

## 第二章　保护

第三条　湖泊管理机构负责日常管理。

有关部门按照职责做好保护工作。

第三条之一　本条例自公布之日起施行。
";

    fn draft() -> Draft {
        crate::draft::parse("t.md", DRAFT).unwrap()
    }

    #[test]
    fn test_draft_has_the_expected_shape() {
        let d = draft();
        assert_eq!(d.articles.len(), 4);
        assert_eq!(d.articles[1].paragraph_count(), 2);
        assert_eq!(d.articles[2].paragraph_count(), 2);
        assert_eq!(
            d.divisions
                .iter()
                .filter(|d| d.kind == DivisionKind::Chapter)
                .count(),
            2
        );
    }

    #[test]
    fn check_accepts_what_the_draft_has() {
        let d = draft();
        for t in [
            "第一条",
            "第二条第一款",
            "第二条第二款",
            "第二条第（三）项",
            "第二条第一款第（一）项",
            "第三条第二款",
            "第三条之一",
            "第一章、第二章",
            "",
        ] {
            assert_eq!(check(&parse_text(t), &d), Vec::<String>::new(), "{t}");
        }
    }

    #[test]
    fn check_warns_about_what_the_draft_lacks() {
        let d = draft();
        let cases = [
            ("第九十条", "第九十条不存在（该稿共四条）"),
            ("第三条之二", "第三条之二不存在（该稿共四条）"),
            ("第一条第二款", "第一条第二款不存在（该条共一款）"),
            ("第三条第三款第（一）项", "第三条第三款不存在（该条共两款）"),
            ("第二条第（四）项", "第二条第（四）项不存在（该条共三项）"),
            (
                "第二条第二款第（一）项",
                "第二条第二款第（一）项不存在（该款没有项）",
            ),
            ("第一条第（一）项", "第一条第（一）项不存在（该条没有项）"),
            ("第五章", "第五章不存在（该稿共两章）"),
        ];
        for (t, want) in cases {
            assert_eq!(check(&parse_text(t), &d), [want], "{t}");
        }
        // One warning per missing article, however it is cited.
        assert_eq!(
            check(&parse_text("第九十条第一款、第二款，第九十一条"), &d),
            [
                "第九十条不存在（该稿共四条）",
                "第九十一条不存在（该稿共四条）"
            ]
        );
        let flat = crate::draft::parse("t.md", "第一条　甲。\n\n第二条　乙。\n").unwrap();
        assert_eq!(
            check(&parse_text("第一章"), &flat),
            ["第一章不存在（该稿未分章）"]
        );
    }
}
