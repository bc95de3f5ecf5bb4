//! Chinese numerals as used in article labels: `第一百零三条` ↔ 103, `之一` ↔ sub 1.
//!
//! Pure functions with no knowledge of Markdown. Used by the draft parser, by the alignment (to
//! read cross-references such as `本条例第十二条`) and later by the comment reference parser.

use std::fmt;

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// The characters that may appear in a Chinese numeral written in legal text.
pub fn is_numeral_char(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
    ) || c.is_ascii_digit()
        || ('０'..='９').contains(&c)
}

fn digit_value(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Parses a number written in Chinese numerals (`一百零三`, `十二`, `一千零一十`), in ASCII
/// digits (`103`) or in full-width digits (`１０３`). Accepts 0..=9999.
///
/// ```
/// use lifa::draft::numbering::parse_number;
/// assert_eq!(parse_number("一百零三"), Some(103));
/// assert_eq!(parse_number("十二"), Some(12));
/// assert_eq!(parse_number("12"), Some(12));
/// assert_eq!(parse_number("十百"), None);
/// ```
pub fn parse_number(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.chars()
        .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        if s.chars().count() > 4 {
            return None;
        }
        let mut n = 0u32;
        for c in s.chars() {
            let d = if c.is_ascii_digit() {
                c as u32 - '0' as u32
            } else {
                c as u32 - '０' as u32
            };
            n = n * 10 + d;
        }
        return Some(n);
    }
    // Positional form without units, e.g. 一〇三 (rare, but seen in dates and some drafts).
    if s.chars().count() > 1 && s.chars().all(|c| digit_value(c).is_some() && c != '两') {
        if s.chars().count() > 4 {
            return None;
        }
        return s
            .chars()
            .try_fold(0u32, |n, c| Some(n * 10 + digit_value(c)?));
    }
    let mut total = 0u32;
    let mut pending: Option<u32> = None; // digit waiting for its unit
    let mut last_unit = 10_000u32; // units must strictly decrease
    let mut zero_seen = false;
    for c in s.chars() {
        if let Some(d) = digit_value(c) {
            if pending.is_some() {
                return None; // two digits in a row (一二)
            }
            if d == 0 {
                if zero_seen || total == 0 {
                    return None;
                }
                zero_seen = true;
                continue;
            }
            pending = Some(d);
        } else {
            let unit = match c {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                _ => return None,
            };
            if unit >= last_unit {
                return None;
            }
            // A zero must stand for a skipped unit: 一百零三 yes, 一百零十 only as 一百一十.
            if zero_seen && unit * 10 >= last_unit {
                return None;
            }
            let d = match pending.take() {
                Some(d) => d,
                // A bare 十 means 一十 only at the start (十二) or after 零 (一百零十 is not
                // written; 一百一十 is) — accept it at the start only.
                None if unit == 10 && total == 0 => 1,
                None => return None,
            };
            total += d * unit;
            last_unit = unit;
            zero_seen = false;
        }
    }
    if let Some(d) = pending {
        // A trailing digit after a zero or directly after a unit one step above it (一百零三,
        // 二十三); 一百三 for 130 is colloquial and ambiguous, so refuse it.
        if !zero_seen && last_unit != 10 && last_unit != 10_000 {
            return None;
        }
        total += d;
    } else if zero_seen {
        return None; // trailing 零
    }
    if total == 0 {
        return None;
    }
    Some(total)
}

/// Writes `n` (1..=9999) in the Chinese numerals used for article labels: 10 → 十, 11 → 十一,
/// 110 → 一百一十, 103 → 一百零三, 1010 → 一千零一十.
///
/// ```
/// use lifa::draft::numbering::to_chinese;
/// assert_eq!(to_chinese(103), "一百零三");
/// assert_eq!(to_chinese(10), "十");
/// assert_eq!(to_chinese(1010), "一千零一十");
/// ```
pub fn to_chinese(n: u32) -> String {
    if n == 0 {
        return "零".to_string();
    }
    let mut out = String::new();
    let units = [(1000, '千'), (100, '百'), (10, '十'), (1, ' ')];
    let mut zero_pending = false;
    for (value, unit) in units {
        let d = (n / value) % 10;
        if d == 0 {
            if !out.is_empty() {
                zero_pending = true;
            }
            continue;
        }
        if zero_pending {
            out.push('零');
            zero_pending = false;
        }
        // 十 alone for 10..=19 at the top; 一十 inside larger numbers.
        if !(value == 10 && d == 1 && n < 20) {
            out.push(DIGITS[d as usize]);
        }
        if value > 1 {
            out.push(unit);
        }
    }
    out
}

/// An article's number: `main` is 12 for `第十二条`, `sub` is 1 for `第十二条之一`.
///
/// A number is a label, not an identity: articles are renumbered between versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct ArticleNumber {
    /// The number before `之`.
    pub main: u32,
    /// The number after `之`, or 0.
    pub sub: u32,
}

impl ArticleNumber {
    /// Article `main` without `之`.
    pub fn new(main: u32) -> Self {
        ArticleNumber { main, sub: 0 }
    }

    /// Parses a whole label such as `第十二条`, `第十二条之一`, `第12条` (surrounding whitespace
    /// allowed).
    ///
    /// ```
    /// use lifa::draft::numbering::ArticleNumber;
    /// let n = ArticleNumber::parse_label("第十二条之一").unwrap();
    /// assert_eq!((n.main, n.sub), (12, 1));
    /// assert_eq!(n.to_string(), "第十二条之一");
    /// ```
    pub fn parse_label(s: &str) -> Option<Self> {
        let (n, len) = scan_label(s.trim(), '条')?;
        if len == s.trim().len() { Some(n) } else { None }
    }
}

impl fmt::Display for ArticleNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "第{}条", to_chinese(self.main))?;
        if self.sub > 0 {
            write!(f, "之{}", to_chinese(self.sub))?;
        }
        Ok(())
    }
}

/// Reads `第<numeral><unit>` (and `之<numeral>` when the unit is 条) at the start of `s`.
/// Returns the number and the byte length consumed.
///
/// ```
/// use lifa::draft::numbering::scan_label;
/// let (n, len) = scan_label("第三十条之二　内容", '条').unwrap();
/// assert_eq!((n.main, n.sub, len), (30, 2, "第三十条之二".len()));
/// ```
pub fn scan_label(s: &str, unit: char) -> Option<(ArticleNumber, usize)> {
    let rest = s.strip_prefix('第')?;
    let digits_len: usize = rest
        .chars()
        .take_while(|&c| is_numeral_char(c))
        .map(char::len_utf8)
        .sum();
    let main = parse_number(&rest[..digits_len])?;
    let after = rest[digits_len..].strip_prefix(unit)?;
    let mut len = '第'.len_utf8() + digits_len + unit.len_utf8();
    let mut sub = 0;
    if unit == '条'
        && let Some(tail) = after.strip_prefix('之')
    {
        let sub_len: usize = tail
            .chars()
            .take_while(|&c| is_numeral_char(c))
            .map(char::len_utf8)
            .sum();
        if let Some(n) = parse_number(&tail[..sub_len]) {
            sub = n;
            len += '之'.len_utf8() + sub_len;
        }
    }
    Some((ArticleNumber { main, sub }, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_every_number_up_to_9999() {
        for n in 1..=9999 {
            let s = to_chinese(n);
            assert_eq!(parse_number(&s), Some(n), "{n} written as {s}");
            assert_eq!(parse_number(&n.to_string()), Some(n));
            let label = ArticleNumber::new(n).to_string();
            assert_eq!(
                ArticleNumber::parse_label(&label),
                Some(ArticleNumber::new(n))
            );
            for sub in 1..=12 {
                let a = ArticleNumber { main: n, sub };
                assert_eq!(ArticleNumber::parse_label(&a.to_string()), Some(a));
            }
        }
    }

    #[test]
    fn written_forms() {
        let cases = [
            (1, "一"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (119, "一百一十九"),
            (120, "一百二十"),
            (1000, "一千"),
            (1001, "一千零一"),
            (1010, "一千零一十"),
            (1100, "一千一百"),
            (1203, "一千二百零三"),
            (2024, "二千零二十四"),
            (9999, "九千九百九十九"),
        ];
        for (n, s) in cases {
            assert_eq!(to_chinese(n), s);
            assert_eq!(parse_number(s), Some(n));
        }
    }

    #[test]
    fn variant_forms_are_read() {
        assert_eq!(parse_number("一十二"), Some(12));
        assert_eq!(parse_number("一百〇三"), Some(103));
        assert_eq!(parse_number("两百"), Some(200));
        assert_eq!(parse_number("１２"), Some(12));
        assert_eq!(parse_number("一〇三"), Some(103));
    }

    #[test]
    fn malformed_numbers_are_refused() {
        for s in [
            "",
            "零",
            "十十",
            "百",
            "一二三四五",
            "一百零",
            "十百",
            "三百零十",
            "二千二千",
            "12345",
            "一百三",
            "九十九九",
        ] {
            assert_eq!(parse_number(s), None, "{s:?} should not parse");
        }
    }

    #[test]
    fn labels_with_text_after_them() {
        let (n, len) = scan_label("第一百零三条　本条例", '条').unwrap();
        assert_eq!(n, ArticleNumber::new(103));
        assert_eq!(&"第一百零三条　本条例"[len..], "　本条例");
        assert!(scan_label("第三章　总则", '条').is_none());
        let (n, _) = scan_label("第三章　总则", '章').unwrap();
        assert_eq!(n.main, 3);
        // 之 not followed by a numeral is text, not a sub-number.
        let (n, len) = scan_label("第五条之规定", '条').unwrap();
        assert_eq!((n.sub, len), (0, "第五条".len()));
        assert_eq!(
            ArticleNumber::parse_label("第12条"),
            Some(ArticleNumber::new(12))
        );
        assert_eq!(ArticleNumber::parse_label("第十二条规定"), None);
    }
}
