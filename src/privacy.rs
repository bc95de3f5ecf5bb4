//! Personal information (names, phone numbers, ID-card numbers, e-mail addresses): kept in the
//! store, masked in everything that leaves it unless staff explicitly ask for it.
//!
//! Sits between the store and every way out of it: CSV/JSON exports, search results and reports
//! pass comment text through [`mask_text`], the submitter's name through [`mask_name`] and the
//! contact field through [`mask_contact`]. [`contains_personal`] answers "does this text still
//! hold a phone, ID or e-mail?" (for import warnings and tests).
//!
//! # Conventions
//!
//! | what | example in | masked | rule |
//! |---|---|---|---|
//! | mobile | `139 0000 1234`, `139-0000-1234`, `+86 13900001234` | `139****1234` | first 3 and last 4 digits; separators dropped; a `+86 ` prefix is left as written, a glued `86` stays in front (`86139****1234`) |
//! | landline | `0571-88886666`, `(0571)8888666`, `010-62345678转123` | `0571-******66`, `(0571)*****66`, `010-******78转***` | area code, separator and last 2 digits kept; extension fully masked |
//! | ID card | `990102198507153211`, `990102 19850715 321X`, 15-digit old form | `990102********3211` | first 6 (region) and last 4 kept, birth date hidden (the usual convention on Chinese government sites); spaces dropped, `x` written as `X` |
//! | e-mail | `zhangsan@example.com` | `z***@example.com` | first character of the local part, then `***`, domain kept |
//! | name | `张三`, `王德贵`, `欧阳小明`, `一个老青澜` | `张*`, `王**`, `欧阳**`, `一**` | see [`mask_name`] |
//!
//! Digits may be ASCII or full-width (`１３９…`); the masked form always uses ASCII digits.
//! Numbers are only recognised on digit boundaries: a mobile number never fires inside an
//! 18-digit ID or a longer order number, and dates, amounts, article numbers and years are left
//! alone. Landlines need a separator between area code and number (`0571-…`, `(0571)…`); a bare
//! run of 7–8 digits is too ambiguous to mask.
//!
//! Names are masked where they are known (the `names` argument of [`mask_text`]) and where the
//! text itself announces one: `我叫X`, `本人X`, `姓名：X`, `联系人：X`, `联系人X`, `署名：X`, and a
//! signature `——X` / `——市民X` at the very end. Cue-word detection is deliberately conservative:
//! X must start with one of the ~140 most common surnames (or a compound surname such as 欧阳),
//! must contain no function word (是, 在, 于, 曾…), and must end where the Chinese text ends or
//! where a word such as 认为, 建议, 电话 or 是 follows. So `本人认为`, `本人是`, `本人曾于去年` and
//! `署名：一位老渔民` are left alone. Only after `姓名：` is any 2–3 character name masked.
//!
//! Masking is idempotent: masked text never matches again, and
//! `contains_personal(&mask_text(t, &[]))` is always false.

use std::borrow::Cow;

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/// Masks phone numbers, ID-card numbers, e-mail addresses and names in free text.
///
/// `names` lists names known to belong to submitters of this comment; every occurrence is
/// replaced by [`mask_name`]. Entries shorter than two characters and placeholders (`匿名`, `无`,
/// `不详`, `-`, …) are ignored. Names announced by cue words in the text (`我叫王德贵`) are
/// masked even when they are not listed; see the [module docs](self) for the rules.
///
/// Returns [`Cow::Borrowed`] without allocating when there is nothing to mask, which is the case
/// for most comments.
///
/// ```
/// use lifa::privacy::mask_text;
/// use std::borrow::Cow;
///
/// let t = "我叫王德贵，电话139 0000 7716，邮箱wdg@example.com。张三也去了。";
/// assert_eq!(
///     mask_text(t, &["张三"]),
///     "我叫王**，电话139****7716，邮箱w***@example.com。张*也去了。"
/// );
/// assert!(matches!(mask_text("本人认为第12条罚款50000元太低。", &[]), Cow::Borrowed(_)));
/// ```
pub fn mask_text<'a>(text: &'a str, names: &[&str]) -> Cow<'a, str> {
    let text = replace_all(Cow::Borrowed(text), |t, from| {
        next_pattern(t.as_bytes(), from)
    });
    let text = if names.iter().any(|n| is_maskable_name(n.trim())) {
        replace_all(text, |t, from| next_listed_name(t, from, names))
    } else {
        text
    };
    let text = replace_all(text, next_cue_name);
    replace_all(text, signature)
}

/// Masks a person's name: the surname stays, every other character becomes `*`.
///
/// A 2–3 character Chinese name keeps its first character (`张三` → `张*`, `王德贵` → `王**`);
/// a 3–4 character name starting with a compound surname keeps both (`欧阳小明` → `欧阳**`).
/// Anything else — screen names, Latin names, organisation names — keeps its first character
/// followed by `**` (`一个老青澜` → `一**`, `abc123` → `a**`), so the length leaks nothing.
/// Empty input gives an empty string; placeholders such as `匿名` and `不详` are returned as they
/// are, since they name nobody.
///
/// ```
/// use lifa::privacy::mask_name;
/// assert_eq!(mask_name("张三"), "张*");
/// assert_eq!(mask_name("欧阳小明"), "欧阳**");
/// assert_eq!(mask_name("abc123"), "a**");
/// assert_eq!(mask_name("匿名"), "匿名");
/// ```
pub fn mask_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    push_masked_name(name, &mut out);
    out
}

/// Masks a contact field, which may hold several values (phone, e-mail, address…) separated by
/// `；`, `;`, `,`, `，`, `、` or whitespace.
///
/// Phones, e-mails and ID numbers are masked as in [`mask_text`]. Any other piece longer than
/// four characters (a street address, a WeChat ID) keeps its first three characters followed by
/// `***`; a label ending in a colon (`地址：`) is kept in front of it. Shorter pieces (`无`, `微信`)
/// and pieces that already contain `*` are kept, so masking twice changes nothing.
///
/// ```
/// use lifa::privacy::mask_contact;
/// assert_eq!(
///     mask_contact("13900001817；qlh161@example.com、地址：湖滨路12号3栋"),
///     "139****1817；q***@example.com、地址：湖滨路***"
/// );
/// ```
pub fn mask_contact(contact: &str) -> String {
    let mut out = String::with_capacity(contact.len());
    let mut pos = 0;
    while let Some(hit) = next_pattern(contact.as_bytes(), pos) {
        mask_free_contact(&contact[pos..hit.start], &mut out);
        hit.write(contact, &mut out);
        pos = hit.end;
    }
    mask_free_contact(&contact[pos..], &mut out);
    out
}

/// Reports whether `text` contains a phone number, an ID-card number or an e-mail address.
///
/// Names are not considered: without the submitter list a name cannot be told from a word.
///
/// ```
/// use lifa::privacy::contains_personal;
/// assert!(contains_personal("联系电话13900002389，谢谢！"));
/// assert!(!contains_personal("建议条例从2026年7月1日起施行，罚款提高到50000元。"));
/// ```
pub fn contains_personal(text: &str) -> bool {
    next_pattern(text.as_bytes(), 0).is_some()
}

// ---------------------------------------------------------------------------------------------
// Matches and replacement
// ---------------------------------------------------------------------------------------------

/// One piece of personal information found in a text: the byte range and how to mask it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Hit {
    start: usize,
    end: usize,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// 11 digits, possibly grouped, possibly with a glued `86` in front.
    Mobile,
    /// 18 (or 15) characters, possibly grouped.
    IdCard,
    /// Area code `start..sep`, separator `sep..local`, number `local..local_end`, extension
    /// separator `local_end..ext`, extension digits `ext..end` (empty without extension).
    Landline {
        sep: usize,
        local: usize,
        local_end: usize,
        ext: usize,
    },
    /// Local part `start..at`, `@domain` from `at`.
    Email { at: usize },
    /// A person's name.
    Name,
}

impl Hit {
    /// Appends the masked form of `text[self.start..self.end]` to `out`.
    fn write(&self, text: &str, out: &mut String) {
        let b = text.as_bytes();
        match self.kind {
            Kind::Mobile => {
                let (d, n) = collect_digits(b, self.start, self.end);
                push_ascii(out, &d[..n - 8]);
                out.push_str("****");
                push_ascii(out, &d[n - 4..n]);
            }
            Kind::IdCard => {
                let (d, n) = collect_digits(b, self.start, self.end);
                push_ascii(out, &d[..6]);
                push_stars(out, n - 10);
                push_ascii(out, &d[n - 4..n]);
            }
            Kind::Landline {
                sep,
                local,
                local_end,
                ext,
            } => {
                let (area, an) = collect_digits(b, self.start, sep);
                push_ascii(out, &area[..an]);
                out.push_str(&text[sep..local]);
                let (d, n) = collect_digits(b, local, local_end);
                push_stars(out, n - 2);
                push_ascii(out, &d[n - 2..n]);
                out.push_str(&text[local_end..ext]);
                push_stars(out, collect_digits(b, ext, self.end).1);
            }
            Kind::Email { at } => {
                out.push(char::from(b[self.start]));
                out.push_str("***");
                out.push_str(&text[at..self.end]);
            }
            Kind::Name => push_masked_name(&text[self.start..self.end], out),
        }
    }
}

/// Replaces every hit that `next(text, from)` finds at or after `from`. Returns `text` untouched
/// (and allocates nothing) when the first search finds nothing.
fn replace_all<'a>(
    text: Cow<'a, str>,
    mut next: impl FnMut(&str, usize) -> Option<Hit>,
) -> Cow<'a, str> {
    let Some(first) = next(&text, 0) else {
        return text;
    };
    let mut out = String::with_capacity(text.len() + 8);
    let mut pos = 0;
    let mut hit = Some(first);
    while let Some(h) = hit {
        debug_assert!(h.start >= pos && h.end > h.start);
        out.push_str(&text[pos..h.start]);
        h.write(&text, &mut out);
        pos = h.end;
        hit = next(&text, pos);
    }
    out.push_str(&text[pos..]);
    Cow::Owned(out)
}

fn push_ascii(out: &mut String, bytes: &[u8]) {
    out.extend(bytes.iter().map(|&c| char::from(c)));
}

fn push_stars(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n('*', n));
}

// ---------------------------------------------------------------------------------------------
// Phones, ID numbers, e-mail addresses (byte scanner)
// ---------------------------------------------------------------------------------------------
//
// The scanner works on UTF-8 bytes. ASCII bytes and the lead byte 0xEF never occur inside a
// multi-byte character, so every position where a match can start is a character boundary.

/// The first phone, ID or e-mail starting at or after byte `from`.
fn next_pattern(b: &[u8], from: usize) -> Option<Hit> {
    let mut i = from;
    while i < b.len() {
        if is_local_byte(b[i])
            && (i == 0 || !is_local_byte(b[i - 1]))
            && let Some(hit) = email_at(b, i)
        {
            return Some(hit);
        }
        if digit_at(b, i).is_some() && !digit_before(b, i) {
            let run = Run::at(b, i);
            if let Some(hit) = number_at(b, i, &run) {
                return Some(hit);
            }
            // No match can start inside a digit run: every position there follows a digit.
            i = run.end;
            continue;
        }
        i += 1;
    }
    None
}

/// A decimal digit at byte `i` (ASCII or full-width U+FF10–U+FF19): its value and byte length.
fn digit_at(b: &[u8], i: usize) -> Option<(u8, usize)> {
    match *b.get(i)? {
        c @ b'0'..=b'9' => Some((c - b'0', 1)),
        0xEF if b.get(i + 1) == Some(&0xBC) => match b.get(i + 2) {
            Some(&c @ 0x90..=0x99) => Some((c - 0x90, 3)),
            _ => None,
        },
        _ => None,
    }
}

/// Whether the character ending just before byte `i` is a digit.
fn digit_before(b: &[u8], i: usize) -> bool {
    (i >= 1 && b[i - 1].is_ascii_digit())
        || (i >= 3 && b[i - 3] == 0xEF && b[i - 2] == 0xBC && (0x90..=0x99).contains(&b[i - 1]))
}

/// `X`/`x` (ASCII or full-width), the check character of an ID number: its byte length.
fn x_at(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i..)? {
        [b'X' | b'x', ..] => Some(1),
        [0xEF, 0xBC, 0xB8, ..] | [0xEF, 0xBD, 0x98, ..] => Some(3),
        _ => None,
    }
}

/// A group separator inside a number (space, `-`, full-width `－`, ideographic space).
fn sep_at(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i..)? {
        [b' ' | b'-', ..] => Some(1),
        [0xEF, 0xBC, 0x8D, ..] | [0xE3, 0x80, 0x80, ..] => Some(3),
        _ => None,
    }
}

/// `)` or `）` after an area code.
fn close_paren_at(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i..)? {
        [b')', ..] => Some(1),
        [0xEF, 0xBC, 0x89, ..] => Some(3),
        _ => None,
    }
}

/// What may stand between a landline number and its extension.
fn ext_sep_at(b: &[u8], i: usize) -> Option<usize> {
    let rest = b.get(i..)?;
    match rest {
        [b'-', ..] => return Some(1),
        [0xEF, 0xBC, 0x8D, ..] => return Some(3),
        _ => {}
    }
    for word in ["转", "分机", "ext.", "ext", "EXT.", "EXT", "Ext.", "Ext"] {
        if rest.starts_with(word.as_bytes()) {
            return Some(word.len());
        }
    }
    None
}

fn ascii_alnum_at(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(u8::is_ascii_alphanumeric)
}

/// A maximal run of digits: where it ends, how many digits it has, and the first 20 of them.
struct Run {
    end: usize,
    len: usize,
    d: [u8; 20],
}

impl Run {
    fn at(b: &[u8], mut i: usize) -> Run {
        let mut run = Run {
            end: i,
            len: 0,
            d: [0; 20],
        };
        while let Some((v, n)) = digit_at(b, i) {
            if run.len < run.d.len() {
                run.d[run.len] = v;
            }
            run.len += 1;
            i += n;
        }
        run.end = i;
        run
    }

    fn is_mobile_head(&self) -> bool {
        self.d[0] == 1 && (3..=9).contains(&self.d[1])
    }
}

/// After byte `pos`, a separator then a run of exactly `size` digits, for each size; returns the
/// end of the last run.
fn groups(b: &[u8], mut pos: usize, sizes: &[usize]) -> Option<usize> {
    for &size in sizes {
        pos += sep_at(b, pos)?;
        let run = Run::at(b, pos);
        if run.len != size {
            return None;
        }
        pos = run.end;
    }
    Some(pos)
}

/// A phone or ID number starting at `i`, where the digit run `run` begins (not preceded by a
/// digit).
fn number_at(b: &[u8], i: usize, run: &Run) -> Option<Hit> {
    let d = &run.d;
    let hit = |end, kind| {
        Some(Hit {
            start: i,
            end,
            kind,
        })
    };
    match run.len {
        11 if run.is_mobile_head() => return hit(run.end, Kind::Mobile),
        13 if d[0] == 8 && d[1] == 6 && d[2] == 1 && (3..=9).contains(&d[3]) => {
            return hit(run.end, Kind::Mobile);
        }
        18 if d[0] != 0 => return hit(run.end, Kind::IdCard),
        17 if d[0] != 0 => {
            if let Some(n) = x_at(b, run.end)
                && !ascii_alnum_at(b, run.end + n)
            {
                return hit(run.end + n, Kind::IdCard);
            }
        }
        // The old 15-digit form is YYMMDD after the region; insist on a plausible date.
        15 if d[0] != 0 && plausible_month_day(&d[8..12]) => return hit(run.end, Kind::IdCard),
        3 if run.is_mobile_head() => {
            if let Some(end) = groups(b, run.end, &[4, 4]) {
                return hit(end, Kind::Mobile);
            }
        }
        6 if d[0] != 0 => {
            if let Some(end) = groups(b, run.end, &[8, 4]) {
                return hit(end, Kind::IdCard);
            }
            if let Some(end) = groups(b, run.end, &[8, 3])
                && let Some(n) = x_at(b, end)
                && !ascii_alnum_at(b, end + n)
            {
                return hit(end + n, Kind::IdCard);
            }
        }
        _ => {}
    }
    if (run.len == 3 || run.len == 4) && d[0] == 0 && d[1] != 0 {
        return landline_at(b, i, run);
    }
    None
}

fn plausible_month_day(mmdd: &[u8]) -> bool {
    let month = mmdd[0] * 10 + mmdd[1];
    let day = mmdd[2] * 10 + mmdd[3];
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// A landline whose area code is the run `area` at `i`: `0571-88886666`, `(0571)8888666`,
/// `010 62345678`, optionally followed by an extension (`-123`, `转123`, `分机123`, `ext123`).
fn landline_at(b: &[u8], i: usize, area: &Run) -> Option<Hit> {
    let sep = area.end;
    let mut local = sep;
    if let Some(n) = close_paren_at(b, local) {
        local += n;
        local += sep_at(b, local).unwrap_or(0);
    } else {
        local += sep_at(b, local)?;
    }
    let number = Run::at(b, local);
    let valid_len = match area.len {
        3 => number.len == 8,
        _ => number.len == 7 || number.len == 8,
    };
    if !valid_len || number.d[0] < 2 {
        return None;
    }
    let local_end = number.end;
    let (mut ext, mut end) = (local_end, local_end);
    if let Some(n) = ext_sep_at(b, local_end) {
        let digits = Run::at(b, local_end + n);
        if (1..=6).contains(&digits.len) {
            ext = local_end + n;
            end = digits.end;
        }
    }
    Some(Hit {
        start: i,
        end,
        kind: Kind::Landline {
            sep,
            local,
            local_end,
            ext,
        },
    })
}

/// Digits (as ASCII) and ID check characters (as `X`) in `b[from..to]`, separators skipped.
fn collect_digits(b: &[u8], from: usize, to: usize) -> ([u8; 24], usize) {
    let mut out = [0u8; 24];
    let mut n = 0;
    let mut i = from;
    while i < to {
        let (c, len) = match (digit_at(b, i), x_at(b, i)) {
            (Some((v, len)), _) => (Some(b'0' + v), len),
            (None, Some(len)) => (Some(b'X'), len),
            (None, None) => (None, 1),
        };
        if let Some(c) = c
            && n < out.len()
        {
            out[n] = c;
            n += 1;
        }
        i += len;
    }
    (out, n)
}

/// Characters allowed in the local part of an e-mail address.
fn is_local_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-')
}

/// An e-mail address whose local part starts at `i`.
fn email_at(b: &[u8], i: usize) -> Option<Hit> {
    let mut at = i;
    while at < b.len() && is_local_byte(b[at]) {
        at += 1;
    }
    if at == i || b.get(at) != Some(&b'@') {
        return None;
    }
    let mut end = at + 1;
    while end < b.len() && (b[end].is_ascii_alphanumeric() || matches!(b[end], b'.' | b'-')) {
        end += 1;
    }
    // A sentence may end right after the address: `请发到a@b.com.`
    while end > at + 1 && matches!(b[end - 1], b'.' | b'-') {
        end -= 1;
    }
    let domain = &b[at + 1..end];
    let mut labels = domain.split(|&c| c == b'.');
    let tld = labels.next_back()?;
    let mut count = 1;
    for label in labels {
        if label.is_empty() {
            return None;
        }
        count += 1;
    }
    if count < 2 || tld.len() < 2 || !tld.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    Some(Hit {
        start: i,
        end,
        kind: Kind::Email { at },
    })
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/// Values of a name field that name nobody.
const PLACEHOLDERS: &[&str] = &["匿名", "无", "不详", "-", "佚名", "保密", "未知"];

/// The most common Chinese surnames (the ~100 of the 2020 census, plus a few more that are not
/// also everyday words). Cue-word names must start with one of these.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩邓冯曹彭曾肖萧\
田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛\
闫阎段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柯庄葛牛俞倪殷温游甘樊聂\
章鲁岳祝邢梅凌纪靳翟焦伍裴兰季";

/// Compound surnames: the name keeps both characters.
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "诸葛", "上官", "司徒", "皇甫", "公孙", "慕容", "夏侯", "令狐", "端木", "尉迟",
    "长孙", "宇文", "东方", "独孤", "南宫", "澹台", "轩辕", "呼延", "申屠", "万俟",
];

/// Characters that (practically) never occur in a given name: function words, time words.
const NON_NAME_CHARS: &str = "去是在的了也都就还已对从把被与及等此这那个些们么次再又很不没要会能可\
该所因经着过吗呢吧啊呀并且但则于曾年号时说认提";

/// Ordinary words that begin with a surname character (`本人郑重建议`, `本人常年在湖边`).
const NOT_NAMES: &[&str] = &[
    "郑重", "高度", "高兴", "常年", "常常", "常住", "严重", "严格", "严肃", "万分", "万一", "许多",
    "任何", "任职", "方面", "方便", "方向", "马上", "何时", "何况", "白天", "夏天", "夏季", "周末",
    "周边", "周围", "向来", "程度", "江边", "金额", "石头", "毛病", "钱财", "谢谢", "范围", "陆续",
    "施工", "洪水", "辛苦", "康复", "史上", "杜绝", "叶子", "龙头", "黄金", "林业", "林地", "田地",
    "余下", "余生", "易于", "文化", "季节", "温度", "游泳", "甘愿", "章程", "梅雨", "孔雀", "熊猫",
    "牛奶", "汤水",
];

/// Words that may directly follow a name in running text (`本人张三认为`, `我叫王五，电话…`).
const AFTER_NAME: &[&str] = &[
    "认为",
    "建议",
    "提出",
    "反映",
    "希望",
    "要求",
    "电话",
    "手机",
    "联系",
    "身份证",
    "是",
    "住",
    "家住",
    "现住",
    "今年",
    "现年",
    "系",
    "在",
    "为",
    "来自",
    "从事",
    "同志",
    "啊",
    "呀",
    "吧",
];

/// Cue words after which a name may follow.
const CUES: &[&str] = &["我叫", "本人", "姓名", "联系人", "署名"];

/// Role words that may stand between a signature dash and the name (`——市民张三`).
const ROLES: &[&str] = &[
    "市民",
    "居民",
    "村民",
    "渔民",
    "农民",
    "群众",
    "网友",
    "学生",
    "代表",
    "律师",
    "教师",
    "老师",
    "医生",
    "志愿者",
    "党员",
    "职工",
    "业主",
    "家长",
    "委员",
    "干部",
    "工人",
    "个体户",
];

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

fn is_placeholder(name: &str) -> bool {
    PLACEHOLDERS.contains(&name)
}

fn compound_surname(name: &str) -> Option<&'static str> {
    COMPOUND_SURNAMES
        .iter()
        .copied()
        .find(|s| name.starts_with(s))
}

fn push_masked_name(name: &str, out: &mut String) {
    let name = name.trim();
    let Some(first) = name.chars().next() else {
        return;
    };
    if is_placeholder(name) {
        out.push_str(name);
        return;
    }
    let n = name.chars().count();
    if name.chars().all(is_han) {
        if let Some(surname) = compound_surname(name).filter(|_| (3..=4).contains(&n)) {
            out.push_str(surname);
            push_stars(out, n - 2);
            return;
        }
        if (2..=3).contains(&n) {
            out.push(first);
            push_stars(out, n - 1);
            return;
        }
    }
    out.push(first);
    out.push_str("**");
}

/// A `names` entry worth searching for.
fn is_maskable_name(name: &str) -> bool {
    name.chars().nth(1).is_some() && !is_placeholder(name) && !name.contains('*')
}

/// The earliest occurrence at or after `from` of any listed name (the longest one on a tie).
fn next_listed_name(text: &str, from: usize, names: &[&str]) -> Option<Hit> {
    let mut best: Option<(usize, usize)> = None;
    for name in names {
        let name = name.trim();
        if !is_maskable_name(name) {
            continue;
        }
        let mut at = from;
        while let Some(off) = text[at..].find(name) {
            let (start, end) = (at + off, at + off + name.len());
            if ascii_word_bounded(text, start, end) {
                let better = match best {
                    None => true,
                    Some((s, e)) => start < s || (start == s && end > e),
                };
                if better {
                    best = Some((start, end));
                }
                break;
            }
            at = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    best.map(|(start, end)| Hit {
        start,
        end,
        kind: Kind::Name,
    })
}

/// A Latin name (`Tom`) must not be part of a longer word (`Tomorrow`).
fn ascii_word_bounded(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let glued_before =
        b[start].is_ascii_alphanumeric() && start > 0 && b[start - 1].is_ascii_alphanumeric();
    let glued_after = b[end - 1].is_ascii_alphanumeric() && ascii_alnum_at(b, end);
    !glued_before && !glued_after
}

/// The next name announced by a cue word (`我叫X`, `本人X`, `姓名：X`, …).
fn next_cue_name(text: &str, from: usize) -> Option<Hit> {
    for (off, c) in text[from..].char_indices() {
        if !matches!(c, '我' | '本' | '姓' | '联' | '署') {
            continue;
        }
        let i = from + off;
        let Some(cue) = CUES.iter().find(|cue| text[i..].starts_with(*cue)) else {
            continue;
        };
        let (start, colon) = skip_colon(text, i + cue.len());
        let any_name = *cue == "姓名" && colon;
        if let Some(end) = cue_name_end(text, start, any_name) {
            return Some(Hit {
                start,
                end,
                kind: Kind::Name,
            });
        }
    }
    None
}

/// Skips `：`/`:` with optional spaces around it; reports whether there was a colon.
fn skip_colon(text: &str, i: usize) -> (usize, bool) {
    let rest = &text[i..];
    let trimmed = rest.trim_start_matches([' ', '\u{3000}']);
    match trimmed.strip_prefix(['：', ':']) {
        Some(after) => {
            let after = after.trim_start_matches([' ', '\u{3000}']);
            (text.len() - after.len(), true)
        }
        None => (i, false),
    }
}

/// Where a name starting at byte `start` ends, if the characters there look like one.
///
/// Tries the longest length first (3, or 4 after a compound surname). A candidate counts when
/// the Chinese text ends right after it or a word from [`AFTER_NAME`] follows.
fn cue_name_end(text: &str, start: usize, any_name: bool) -> Option<usize> {
    // Byte offsets where each of the first five Han characters ends.
    let mut ends = [0usize; 5];
    let mut count = 0;
    for (off, c) in text[start..].char_indices() {
        if count == ends.len() || !is_han(c) {
            break;
        }
        ends[count] = start + off + c.len_utf8();
        count += 1;
    }
    if count < 2 {
        return None;
    }
    let compound = compound_surname(&text[start..]).is_some();
    let lengths: [usize; 2] = if compound { [4, 3] } else { [3, 2] };
    for len in lengths {
        if len > count {
            continue;
        }
        let end = ends[len - 1];
        let candidate = &text[start..end];
        if !plausible_name(candidate, any_name) {
            continue;
        }
        if len == count {
            return Some(end);
        }
        // `王五住在` is 王五 followed by 住在, not 王五住 followed by 在.
        let last_start = ends[len - 2];
        if follows_name(&text[end..]) && !follows_name(&text[last_start..]) {
            return Some(end);
        }
    }
    None
}

fn follows_name(rest: &str) -> bool {
    AFTER_NAME.iter().any(|w| rest.starts_with(w))
}

/// Whether a 2–4 character Han string can be a personal name.
fn plausible_name(candidate: &str, any_name: bool) -> bool {
    let compound = compound_surname(candidate);
    let given = match compound {
        Some(s) => &candidate[s.len()..],
        None => {
            let first = candidate.chars().next().unwrap_or(' ');
            if !any_name && !SURNAMES.contains(first) {
                return false;
            }
            if NOT_NAMES.iter().any(|w| candidate.starts_with(w)) {
                return false;
            }
            &candidate[first.len_utf8()..]
        }
    };
    !given.is_empty()
        && !given.chars().any(|c| NON_NAME_CHARS.contains(c))
        && !PLACEHOLDERS.iter().any(|p| candidate.starts_with(p))
}

/// A signature at the very end of the text: `——张三`, `——市民张三`, `—湖滨街道居民王德贵。`.
fn signature(text: &str, from: usize) -> Option<Hit> {
    let body =
        text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '。' | '.' | '!' | '！'));
    let dash = body.rfind(['—', '―'])?;
    let tail_start = dash + '—'.len_utf8();
    let tail = &body[tail_start..];
    // The dash run must open the signature, not join two words (`张家湾—李家湾`).
    let before = body[..dash].trim_end_matches(['—', '―']);
    if before
        .chars()
        .next_back()
        .is_some_and(|c| is_han(c) || c.is_ascii_alphanumeric())
    {
        return None;
    }
    if tail.is_empty() || tail.chars().count() > 16 || !tail.chars().all(is_han) {
        return None;
    }
    for len in [4, 3, 2] {
        let Some((split, _)) = tail.char_indices().rev().nth(len - 1) else {
            continue;
        };
        let (role, name) = tail.split_at(split);
        let shape_ok = match compound_surname(name) {
            Some(_) => len >= 3,
            None => len <= 3,
        };
        let role_ok = role.is_empty() || ROLES.iter().any(|r| role.ends_with(r));
        if shape_ok && role_ok && plausible_name(name, false) {
            let start = tail_start + split;
            return (start >= from).then_some(Hit {
                start,
                end: body.len(),
                kind: Kind::Name,
            });
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Contact fields
// ---------------------------------------------------------------------------------------------

fn is_contact_sep(c: char) -> bool {
    c.is_whitespace() || matches!(c, '；' | ';' | ',' | '，' | '、')
}

/// Masks the text of a contact field between phones and e-mails, piece by piece.
fn mask_free_contact(text: &str, out: &mut String) {
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if is_contact_sep(c) {
            mask_contact_piece(&text[start..i], out);
            out.push(c);
            start = i + c.len_utf8();
        }
    }
    mask_contact_piece(&text[start..], out);
}

fn mask_contact_piece(piece: &str, out: &mut String) {
    let (label, value) = match piece.find(['：', ':']) {
        Some(i) => piece.split_at(i + piece[i..].chars().next().map_or(1, char::len_utf8)),
        None => ("", piece),
    };
    out.push_str(label);
    if value.contains('*') || value.chars().nth(4).is_none() {
        out.push_str(value);
    } else {
        out.extend(value.chars().take(3));
        out.push_str("***");
    }
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::{contains_personal, mask_contact, mask_name, mask_text};
    use std::borrow::Cow;

    fn m(text: &str) -> String {
        mask_text(text, &[]).into_owned()
    }

    fn assert_untouched(text: &str) {
        let masked = mask_text(text, &[]);
        assert!(
            matches!(masked, Cow::Borrowed(s) if std::ptr::eq(s, text)),
            "expected {text:?} untouched, got {masked:?}"
        );
        assert!(!contains_personal(text), "{text:?}");
    }

    // --- mobile numbers ---

    #[test]
    fn mobile_plain_and_grouped() {
        assert_eq!(m("电话13900001234"), "电话139****1234");
        assert_eq!(m("电话139 0000 1234，谢谢"), "电话139****1234，谢谢");
        assert_eq!(m("电话139-0000-1234。"), "电话139****1234。");
        assert_eq!(m("电话139－0000－1234"), "电话139****1234");
        assert_eq!(m("电话：15912345678"), "电话：159****5678");
    }

    #[test]
    fn mobile_with_country_code() {
        assert_eq!(m("+8613900001234"), "+86139****1234");
        assert_eq!(m("8613900001234"), "86139****1234");
        assert_eq!(m("+86 139 0000 1234"), "+86 139****1234");
        assert_eq!(m("+86-139-0000-1234"), "+86-139****1234");
        assert_eq!(m("(+86)13900001234"), "(+86)139****1234");
    }

    #[test]
    fn mobile_full_width_digits() {
        assert_eq!(m("电话１３９００００１２３４"), "电话139****1234");
        assert_eq!(m("电话１３９ ００００ １２３４"), "电话139****1234");
    }

    #[test]
    fn mobile_next_to_letters_and_punctuation() {
        assert_eq!(m("tel:13900001234;"), "tel:139****1234;");
        assert_eq!(m("QQ13900001234"), "QQ139****1234");
        assert_eq!(m("（13900001234）"), "（139****1234）");
    }

    #[test]
    fn mobile_not_inside_longer_digit_runs() {
        assert_untouched("订单号202604151390000123456已支付");
        assert_untouched("编号139000012345");
        assert_untouched("流水号1139000012345");
        assert_untouched("12345678901");
        assert_untouched("139 0000 12345");
        assert_untouched("1390 0000 1234");
        assert_untouched("电话10086");
        assert_untouched("139000012341390000567");
        assert_untouched("990102198507153211990102198507153212");
        // 11 digits that do not start with 13–19.
        assert_untouched("12900001234");
        // An 18-digit ID holds a mobile-looking window; only the ID is masked.
        assert_eq!(m("990102139000012345"), "990102********2345");
    }

    // --- landlines ---

    #[test]
    fn landline_forms() {
        assert_eq!(m("办公室010-62345678"), "办公室010-******78");
        assert_eq!(m("0571-8888666"), "0571-*****66");
        assert_eq!(m("0571-88886666。"), "0571-******66。");
        assert_eq!(m("(0571)88886666"), "(0571)******66");
        assert_eq!(m("（0571）8888666"), "（0571）*****66");
        assert_eq!(m("(0571) 8888666"), "(0571) *****66");
        assert_eq!(m("010 62345678"), "010 ******78");
    }

    #[test]
    fn landline_extensions() {
        assert_eq!(m("0571-88886666转123"), "0571-******66转***");
        assert_eq!(m("010-62345678-8001"), "010-******78-****");
        assert_eq!(m("010-62345678分机21"), "010-******78分机**");
        assert_eq!(m("010-62345678ext.21"), "010-******78ext.**");
    }

    #[test]
    fn landline_lookalikes_untouched() {
        assert_untouched("2026-05-06");
        assert_untouched("0571-123");
        assert_untouched("010-6234567"); // 3-digit area codes have 8-digit numbers
        assert_untouched("0571-123456789");
        assert_untouched("0571-08886666"); // local numbers never start with 0 or 1
        assert_untouched("10571-88886666");
        assert_untouched("第0571-1号");
    }

    // --- ID cards ---

    #[test]
    fn id_card_forms() {
        assert_eq!(
            m("本人身份证号990102198507153211，请核实"),
            "本人身份证号990102********3211，请核实"
        );
        assert_eq!(m("99010219850715321X"), "990102********321X");
        assert_eq!(m("99010219850715321x。"), "990102********321X。");
        assert_eq!(m("990102 19850715 3211"), "990102********3211");
        assert_eq!(m("990102-19850715-321X"), "990102********321X");
        assert_eq!(
            m("９９０１０２１９８５０７１５３２１１"),
            "990102********3211"
        );
        // Old 15-digit form: 6 region + YYMMDD + 3.
        assert_eq!(m("旧证990102850715321"), "旧证990102*****5321");
    }

    #[test]
    fn id_card_lookalikes_untouched() {
        assert_untouched("9901021985071532111"); // 19 digits
        assert_untouched("99010219850715321XY");
        assert_untouched("990102851399321"); // 15 digits, month 13
        assert_untouched("99010219850715321");
        assert_untouched("990102 1985 0715 3211");
        assert_untouched("990102 19850715 32111");
    }

    // --- e-mail ---

    #[test]
    fn email_forms() {
        assert_eq!(m("邮箱zhangsan@example.com"), "邮箱z***@example.com");
        assert_eq!(m("请发至qlh161@example.com。"), "请发至q***@example.com。");
        assert_eq!(m("a.b+c@mail.example.org."), "a***@mail.example.org.");
        assert_eq!(m("Z@EXAMPLE.COM"), "Z***@EXAMPLE.COM");
        assert_eq!(m("13900001234@qq.com"), "1***@qq.com");
        assert_eq!(
            m("邮箱：li_si@sub-domain.example.cn，谢谢"),
            "邮箱：l***@sub-domain.example.cn，谢谢"
        );
    }

    #[test]
    fn email_lookalikes_untouched() {
        assert_untouched("@example.com");
        assert_untouched("user@localhost");
        assert_untouched("user@example.c");
        assert_untouched("user@example..com.x1");
        assert_untouched("价格@5元");
    }

    // --- ordinary numbers ---

    #[test]
    fn dates_amounts_articles_years_untouched() {
        for text in [
            "建议条例提前到2026年10月1日起施行，湖等不起。",
            "2026年4月8日",
            "2026/4/8",
            "2026-04-08 12:30",
            "罚款50000元",
            "罚五万到五十万，建议提高到1000000元。",
            "第12条第2款",
            "第十二条",
            "拖到2027年太晚了",
            "岸线约4.2公里，24小时有人接",
            "二级保护区由500米扩大到1000米",
            "1998—2026年",
            "面积12.5平方公里，水深3-5米",
            "第三十条、第三十一条",
        ] {
            assert_untouched(text);
        }
    }

    // --- names ---

    #[test]
    fn listed_names_every_occurrence() {
        assert_eq!(
            mask_text("张三说，张三家门口的湖岸塌了", &["张三"]),
            "张*说，张*家门口的湖岸塌了"
        );
        assert_eq!(mask_text("我是王德贵", &["王德", "王德贵"]), "我是王**");
        assert_eq!(mask_text("网名一个老青澜", &["一个老青澜"]), "网名一**");
        assert_eq!(mask_text("欧阳小明反映", &["欧阳小明"]), "欧阳**反映");
    }

    #[test]
    fn listed_name_placeholders_skipped() {
        for name in ["匿名", "无", "不详", "-", "张", "", "  "] {
            let text = "匿名群众反映，无人管理，情况不详，张家湾-李家湾";
            assert!(
                matches!(mask_text(text, &[name]), Cow::Borrowed(_)),
                "{name:?}"
            );
        }
    }

    #[test]
    fn listed_latin_name_needs_word_boundary() {
        assert_eq!(mask_text("Tom说Tomorrow", &["Tom"]), "T**说Tomorrow");
    }

    #[test]
    fn cue_word_names() {
        assert_eq!(
            m("我叫王德贵，电话13900007716，愿意带路。"),
            "我叫王**，电话139****7716，愿意带路。"
        );
        assert_eq!(m("本人张三认为应当禁止"), "本人张*认为应当禁止");
        assert_eq!(m("本人王德贵建议"), "本人王**建议");
        assert_eq!(m("本人王五住在湖边"), "本人王*住在湖边");
        assert_eq!(m("本人李四，湖滨街道居民"), "本人李*，湖滨街道居民");
        assert_eq!(m("姓名：李四 电话：无"), "姓名：李* 电话：无");
        assert_eq!(m("姓名: 一个老青澜"), "姓名: 一个老青澜"); // too long to be a name
        assert_eq!(m("姓名：湖边人"), "姓名：湖**"); // any name after 姓名：
        assert_eq!(m("联系人：赵六"), "联系人：赵*");
        assert_eq!(m("联系人王五电话13900001234"), "联系人王*电话139****1234");
        assert_eq!(m("署名：孙小红"), "署名：孙**");
        assert_eq!(m("我叫王德贵"), "我叫王**");
    }

    #[test]
    fn cue_word_non_names_untouched() {
        for text in [
            "本人认为第十二条应当修改",
            "本人建议删除第二十二条",
            "本人是湖边居民",
            "本人曾于去年举报湖边餐馆偷排",
            "本人郑重建议",
            "本人高度赞同",
            "本人常年在湖边钓鱼",
            "本人于去年在湖边",
            "本人周末在湖边跑步",
            "本人对此有意见",
            "本人家住湖边",
            "署名：一位老渔民",
            "联系人电话请留空",
            "我叫了好几次都没人来",
            "我叫外卖",
            "姓名：匿名",
            "姓名：不详",
            "根本人手不足",
            "日本人口",
        ] {
            assert_untouched(text);
        }
    }

    #[test]
    fn signature_names() {
        assert_eq!(m("请立法机关采纳！——市民张三"), "请立法机关采纳！——市民张*");
        assert_eq!(m("请采纳。——王德贵。"), "请采纳。——王**。");
        assert_eq!(
            m("请采纳。—湖滨街道居民李四\n"),
            "请采纳。—湖滨街道居民李*\n"
        );
        assert_eq!(m("请采纳。——欧阳小明"), "请采纳。——欧阳**");
        assert_eq!(m("——李四"), "——李*");
        for text in [
            "请立法机关采纳！——青澜湖边的一位老居民",
            "恳请立法机关采纳！——一位青澜大学学生",
            "请采纳。——湖边老李",
            "请采纳——张三",
            "从张家湾—李家湾",
            "张家湾-李家湾",
            "水深3-5米",
            "——张三丰收了，大家都很高兴",
        ] {
            assert_untouched(text);
        }
    }

    #[test]
    fn compound_surnames() {
        assert_eq!(mask_name("欧阳小明"), "欧阳**");
        assert_eq!(mask_name("司马光"), "司马*");
        assert_eq!(mask_name("诸葛亮"), "诸葛*");
        assert_eq!(mask_name("上官婉儿"), "上官**");
        assert_eq!(m("我叫欧阳小明，"), "我叫欧阳**，");
        assert_eq!(m("本人上官婉儿认为"), "本人上官**认为");
        assert_eq!(m("联系人：司马光"), "联系人：司马*");
        assert_eq!(m("我叫诸葛亮"), "我叫诸葛*");
    }

    #[test]
    fn mask_name_forms() {
        assert_eq!(mask_name("张三"), "张*");
        assert_eq!(mask_name("王德贵"), "王**");
        assert_eq!(mask_name(" 梁浩 "), "梁*");
        assert_eq!(mask_name("一个老青澜"), "一**");
        assert_eq!(mask_name("护湖小兵"), "护**");
        assert_eq!(mask_name("abc123"), "a**");
        assert_eq!(mask_name("Tom"), "T**");
        assert_eq!(mask_name("张"), "张**");
        assert_eq!(mask_name("阿依古丽·买买提"), "阿**");
        assert_eq!(mask_name(""), "");
        assert_eq!(mask_name("匿名"), "匿名");
        assert_eq!(mask_name("不详"), "不详");
    }

    // --- contact fields ---

    #[test]
    fn mask_contact_single_values() {
        assert_eq!(mask_contact("13900001817"), "139****1817");
        assert_eq!(mask_contact("qlh161@example.com"), "q***@example.com");
        assert_eq!(mask_contact("010-62345678"), "010-******78");
        assert_eq!(mask_contact("139 0000 1817"), "139****1817");
        assert_eq!(mask_contact("湖滨路12号3栋"), "湖滨路***");
        assert_eq!(mask_contact("无"), "无");
        assert_eq!(mask_contact(""), "");
    }

    #[test]
    fn mask_contact_multi_values() {
        assert_eq!(
            mask_contact("13900001817；qlh161@example.com"),
            "139****1817；q***@example.com"
        );
        assert_eq!(
            mask_contact("13900001234, 010-62345678;a@b.cn"),
            "139****1234, 010-******78;a***@b.cn"
        );
        assert_eq!(
            mask_contact("手机：13900001234、地址：青澜市湖滨路12号"),
            "手机：139****1234、地址：青澜市***"
        );
        assert_eq!(
            mask_contact("湖滨路12号 13900001234"),
            "湖滨路*** 139****1234"
        );
        assert_eq!(mask_contact("微信 abc12345"), "微信 abc***");
        assert_eq!(mask_contact("电话13900001234"), "电话139****1234");
    }

    #[test]
    fn mask_contact_idempotent() {
        for c in [
            "13900001817；qlh161@example.com",
            "手机：13900001234、地址：青澜市湖滨路12号",
            "湖滨路12号 13900001234",
            "微信 abc12345",
            "990102198507153211",
        ] {
            let once = mask_contact(c);
            assert_eq!(mask_contact(&once), once, "{c:?}");
            assert!(!contains_personal(&once), "{once:?}");
        }
    }

    // --- fast path, idempotence, properties ---

    #[test]
    fn clean_text_is_borrowed() {
        let text = "第十四条只禁止一级保护区内围网养殖，远远不够。我家就住在湖边，每年夏天湖水都发绿发臭。";
        assert_untouched(text);
        assert!(matches!(
            mask_text(text, &["张三", "匿名"]),
            Cow::Borrowed(_)
        ));
        assert!(matches!(mask_text("", &[]), Cow::Borrowed("")));
    }

    const TRICKY: &[&str] = &[
        "电话13900001234，另一个139 0000 5678，还有+86-139-0000-9999",
        "13900001234@qq.com",
        "13900001234 13900005678",
        "990102198507153211 13900001234",
        "身份证990102 19850715 321X，手机139-0000-1234",
        "0571-88886666转123，010-62345678-8001",
        "(0571)88886666(0571)88886667",
        "a@b.cn,c@d.cn;e@f.cn",
        "x@y.c13900001234",
        "8613900001234",
        "+86 13900001234",
        "１３９００００１２３４＠ｑｑ.com 13900001234",
        "tel:13900001234;fax:0571-88886666",
        "订单202604151390000123456，电话13900001234",
        "我叫王德贵，电话13900007716，身份证990102198507153211，邮箱wdg@example.com——市民王德贵",
        "ab.cd@ex-ample.com.cn.",
        "990102850715321",
        "-13900001234-",
    ];

    #[test]
    fn masked_text_contains_nothing_personal() {
        for text in TRICKY {
            let masked = mask_text(text, &[]);
            assert!(!contains_personal(&masked), "{text:?} -> {masked:?}");
            assert!(contains_personal(text), "{text:?} should count as personal");
        }
    }

    #[test]
    fn masking_is_idempotent() {
        let more = [
            "本人张三认为应当禁止",
            "姓名：李四",
            "请立法机关采纳！——市民张三",
            "我叫欧阳小明，",
            "联系人王五电话13900001234",
        ];
        for text in TRICKY.iter().chain(&more) {
            let once = mask_text(text, &["王德贵", "张三"]).into_owned();
            let twice = mask_text(&once, &["王德贵", "张三"]);
            assert_eq!(twice, once, "{text:?}");
            assert!(matches!(twice, Cow::Borrowed(_)), "{text:?} -> {once:?}");
        }
    }

    #[test]
    fn contains_personal_ignores_names_and_ordinary_numbers() {
        assert!(!contains_personal("我叫王德贵"));
        assert!(!contains_personal("第12条，2026年4月8日，50000元"));
        assert!(contains_personal("010-62345678"));
        assert!(contains_personal("99010219850715321X"));
        assert!(contains_personal("a@example.com"));
    }

    // --- the upload fixtures (all personal data in them is made up) ---

    mod fixtures {
        use super::super::{contains_personal, mask_contact, mask_text};
        use std::borrow::Cow;
        use std::path::PathBuf;

        /// (file, ref, text, name, contact) for every comment of the four text-based uploads.
        fn comments() -> Vec<(&'static str, String, String, String, String)> {
            let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/uploads");
            let mut out = Vec::new();
            let csv_rows = |bytes: &[u8]| -> Vec<Vec<String>> {
                let mut reader = csv::ReaderBuilder::new().from_reader(bytes);
                reader
                    .records()
                    .map(|r| r.unwrap().iter().map(str::to_owned).collect())
                    .collect()
            };

            let gbk = std::fs::read(dir.join("hubin-2026-04.csv")).unwrap();
            let (hubin, _, bad) = encoding_rs::GBK.decode(&gbk);
            assert!(!bad);
            for r in csv_rows(hubin.as_bytes()) {
                out.push((
                    "hubin",
                    r[0].clone(),
                    r[2].clone(),
                    r[3].clone(),
                    r[8].clone(),
                ));
            }
            let lvxie = std::fs::read(dir.join("lvxie-2026-05.csv")).unwrap();
            for r in csv_rows(&lvxie) {
                out.push((
                    "lvxie",
                    r[0].clone(),
                    r[2].clone(),
                    r[3].clone(),
                    r[8].clone(),
                ));
            }
            let yumin = std::fs::read(dir.join("yumincun-2026-05.csv")).unwrap();
            let yumin = yumin.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&yumin);
            for r in csv_rows(yumin) {
                out.push((
                    "yumincun",
                    r[0].clone(),
                    r[2].clone(),
                    String::new(),
                    String::new(),
                ));
            }
            let online = std::fs::read_to_string(dir.join("online-2026-05.jsonl")).unwrap();
            for line in online.lines().filter(|l| !l.trim().is_empty()) {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                let s = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
                out.push(("online", s("id"), s("text"), s("name"), s("contact")));
            }
            out
        }

        #[test]
        fn exactly_the_documented_comments_hold_personal_data() {
            let comments = comments();
            assert_eq!(comments.len(), 128 + 54 + 89 + 177);
            let mut found: Vec<String> = Vec::new();
            for (file, id, text, _, _) in &comments {
                let masked = mask_text(text, &[]);
                if contains_personal(text) {
                    found.push(format!("{file} {id}"));
                    assert!(!contains_personal(&masked), "{file} {id}: {masked}");
                } else {
                    // No false positives from cue words or signatures in 448 real-looking texts.
                    assert!(matches!(masked, Cow::Borrowed(_)), "{file} {id}: {masked}");
                }
            }
            found.sort();
            assert_eq!(
                found,
                [
                    "hubin 52",
                    "lvxie 12",
                    "online OL0150",
                    "online OL0176",
                    "yumincun YM-023"
                ]
            );
        }

        #[test]
        fn documented_comments_masked_as_expected() {
            let comments = comments();
            let text_of = |file: &str, id: &str| {
                let c = comments.iter().find(|c| c.0 == file && c.1 == id).unwrap();
                mask_text(&c.2, &[c.3.as_str()]).into_owned()
            };
            assert!(text_of("hubin", "52").ends_with("如有疑问请联系我139****5678。"));
            assert!(text_of("yumincun", "YM-023").contains("我叫王**，电话139****7716，"));
            assert!(text_of("online", "OL0150").contains("联系电话139****2389，"));
            assert!(text_of("online", "OL0176").contains(
                "本人曾于去年举报湖边餐馆偷排，至今没有收到奖励，也没有人回复。本人身份证号990102********3211，"
            ));
            assert!(text_of("lvxie", "12").contains("电话139****4467，"));
        }

        #[test]
        fn every_contact_is_masked() {
            let mut masked_count = 0;
            for (file, id, _, _, contact) in comments() {
                let masked = mask_contact(&contact);
                assert!(!contains_personal(&masked), "{file} {id}: {masked}");
                // Every contact in the fixtures is a phone or an e-mail.
                if !contact.is_empty() {
                    assert!(contains_personal(&contact), "{file} {id}: {contact}");
                    assert_ne!(masked, contact);
                    masked_count += 1;
                }
            }
            assert!(masked_count > 250, "{masked_count}");
        }
    }
}
