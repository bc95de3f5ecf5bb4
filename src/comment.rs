//! The comment record: what one citizen, expert, deputy, department, organisation or enterprise
//! said about a draft, normalised from whatever sheet the contact point sent.
//!
//! Records are stored one per line in `comments/<reg>/batches/<batch>.jsonl` (see [`crate::store`])
//! and never change once written; dispositions live apart, in `decisions.jsonl`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::cite::Citations;

/// One comment as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// lifa's stable id (`c` + 12 hex digits), derived from the content, not from the file.
    pub id: String,
    /// The number the batch gave it (编号/序号), if any.
    #[serde(rename = "ref", default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The batch it came in.
    pub batch: String,
    /// The regulation (folder name under `drafts/`).
    pub regulation: String,
    /// The draft version commented on (`v1`): article numbers below are that draft's.
    pub draft: String,
    /// Row (spreadsheet row, header = 1) or line (JSONL) in the uploaded file.
    pub row: usize,
    /// Articles and chapters the comment refers to, from the article column and the text.
    #[serde(flatten)]
    pub cites: Citations,
    /// The comment itself, whitespace trimmed, otherwise verbatim.
    pub text: String,
    /// Who sent it.
    pub submitter: Submitter,
    /// The contact point (基层立法联系点) it came through.
    pub source: String,
    /// How it was collected.
    pub channel: Channel,
    /// When it was received.
    pub received: Date,
    /// The consultation round (征询任务) it answers, if the batch names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<String>,
}

/// Who sent a comment. Name and contact are personal information (see [`crate::privacy`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submitter {
    /// Citizen, expert, deputy…
    pub kind: Kind,
    /// Name as given (may be a screen name or 匿名).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Phone, e-mail or address as given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
}

/// Declares a closed vocabulary with its English wire name, its Chinese label, and the other
/// spellings staff use for it.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $wire:literal, $zh:literal, [$($alias:literal),*];)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $wire)] $variant,)+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The English wire name (`citizen`).
            pub fn wire(self) -> &'static str {
                match self { $($name::$variant => $wire,)+ }
            }

            /// The Chinese label staff read (`群众`).
            pub fn zh(self) -> &'static str {
                match self { $($name::$variant => $zh,)+ }
            }

            /// Reads a value as staff write it: the Chinese label, the English name, or a
            /// common synonym; case, spaces and a trailing note in brackets are ignored.
            pub fn parse(s: &str) -> Option<Self> {
                // Fast path: the exact label, as almost every row writes it.
                match s.trim() {
                    $($zh | $wire => return Some($name::$variant),)+
                    _ => {}
                }
                let key = vocabulary_key(s);
                $(
                    if key == $wire || key == $zh $(|| key == $alias)* {
                        return Some($name::$variant);
                    }
                )+
                None
            }

            /// The accepted Chinese labels, for error messages.
            pub fn labels() -> String {
                [$($zh),+].join("、")
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.zh())
            }
        }
    };
}

vocabulary! {
    /// The kind of submitter (提出人类型).
    Kind {
        /// 群众
        Citizen = "citizen", "群众", ["公众", "市民", "居民", "村民", "公民", "个人", "社会公众", "群众代表", "网民", "农民", "渔民", "学生", "public", "individual", "resident"];
        /// 专家
        Expert = "expert", "专家", ["专家学者", "学者", "律师", "法律工作者", "法律顾问", "立法咨询专家", "教师", "教授", "scholar", "lawyer"];
        /// 人大代表
        Deputy = "deputy", "人大代表", ["代表", "全国人大代表", "省人大代表", "市人大代表", "区人大代表", "县人大代表", "镇人大代表", "乡人大代表", "各级人大代表"];
        /// 部门
        Department = "department", "部门", ["政府部门", "单位", "机关", "国家机关", "行政机关", "职能部门", "有关部门", "街道", "乡镇", "政府"];
        /// 社会组织
        Organization = "organization", "社会组织", ["组织", "协会", "行业协会", "社团", "团体", "人民团体", "基金会", "志愿者组织", "organisation", "ngo"];
        /// 企业
        Enterprise = "enterprise", "企业", ["公司", "企业代表", "市场主体", "个体工商户", "商户", "company", "business"];
    }
}

vocabulary! {
    /// How a comment was collected (渠道).
    Channel {
        /// 面对面
        FaceToFace = "face-to-face", "面对面", ["当面", "现场", "走访", "入户", "座谈走访", "面谈", "face to face", "facetoface", "in-person", "in person"];
        /// 网上
        Online = "online", "网上", ["网络", "网站", "在线", "网上征求意见", "网上征集", "电子邮件", "邮件", "邮箱", "email", "e-mail", "web", "internet"];
        /// 掌上
        Mobile = "mobile", "掌上", ["手机", "微信", "小程序", "公众号", "app", "短信", "掌上征集", "移动端", "phone"];
        /// 屏对屏
        Video = "video", "屏对屏", ["视频", "视频会议", "远程视频", "线上会议", "video call"];
        /// 座谈会
        Forum = "forum", "座谈会", ["座谈", "论证会", "听证会", "研讨会", "会议", "调研座谈", "meeting", "hearing"];
        /// 问卷
        Questionnaire = "questionnaire", "问卷", ["问卷调查", "调查问卷", "调查", "survey"];
        /// 信函
        Letter = "letter", "信函", ["来信", "书面", "书面意见", "信件", "邮寄", "传真", "mail", "post", "fax"];
    }
}

/// Lower-case, no spaces, no note in brackets: `  Citizen （市民）` → `citizen`.
fn vocabulary_key(s: &str) -> String {
    let s = s.trim();
    let s = s
        .split(['（', '('])
        .next()
        .unwrap_or(s)
        .trim_end_matches(['：', ':', '。', '.']);
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A calendar date (no time zone: the day the contact point received the comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
}

impl Date {
    /// A valid date, or `None` (`2026-13-45`, `2026-02-30`).
    pub fn new(year: i64, month: i64, day: i64) -> Option<Date> {
        if !(1900..=2999).contains(&year) || !(1..=12).contains(&month) || day < 1 {
            return None;
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = [
            31,
            if leap { 29 } else { 28 },
            31,
            30,
            31,
            30,
            31,
            31,
            30,
            31,
            30,
            31,
        ];
        if day > days[month as usize - 1] {
            return None;
        }
        Some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Reads a date as staff write it: `2021-06-01`, `2021/6/1`, `2021.6.1`, `2021年6月1日`,
    /// `20210601`, with an optional time after it (`2021/6/1 9:30`), or an Excel date serial
    /// (`44348`, days since 1899-12-30).
    ///
    /// ```
    /// use lifa::comment::Date;
    /// let d = Date::parse("2021年6月1日").unwrap();
    /// assert_eq!(d.to_string(), "2021-06-01");
    /// assert_eq!(Date::parse("2021/6/1"), Some(d));
    /// assert_eq!(Date::parse("44348"), Some(d));
    /// assert_eq!(Date::parse("2026-13-45"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        if s.is_empty() {
            return None;
        }
        // Full-width digits as some input methods type them.
        let s: String = s
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                '／' => '/',
                '－' => '-',
                '．' => '.',
                _ => c,
            })
            .collect();
        if s.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            let int = s.split('.').next().unwrap_or("");
            if s.len() == 8 && !s.contains('.') {
                let n: i64 = s.parse().ok()?;
                return Date::new(n / 10000, n / 100 % 100, n % 100);
            }
            if (1..=5).contains(&int.len()) && s.matches('.').count() <= 1 {
                return Date::from_excel_serial(s.parse().ok()?);
            }
        }
        let mut parts = [0i64; 3];
        let mut n = 0;
        let mut chars = s.chars().peekable();
        while n < 3 {
            let mut value: Option<i64> = None;
            while let Some(c) = chars.peek().and_then(|c| c.to_digit(10)) {
                value = Some(value.unwrap_or(0) * 10 + c as i64);
                if value > Some(99_999) {
                    return None;
                }
                chars.next();
            }
            parts[n] = value?;
            n += 1;
            let sep = chars.next();
            let expected: &[char] = match n {
                1 => &['-', '/', '.', '年'],
                2 => &['-', '/', '.', '月'],
                _ => &['日', '号', ' ', 'T', '\u{3000}'],
            };
            match sep {
                Some(c) if expected.contains(&c) => {}
                None if n == 3 => {}
                _ => return None,
            }
        }
        Date::new(parts[0], parts[1], parts[2])
    }

    /// Converts an Excel (1900 system) date serial; the fraction is the time of day.
    pub fn from_excel_serial(serial: f64) -> Option<Date> {
        if !(1.0..2_958_466.0).contains(&serial) {
            return None;
        }
        // Days since 1970-01-01: the serial counts from 1899-12-30 (Excel's 1900 leap bug
        // makes every serial after 60 come out right from that origin).
        let days = serial.floor() as i64 - 25_569;
        let (y, m, d) = civil_from_days(days);
        Date::new(y, m, d)
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Option<Date> {
        let (y, m, d) = civil_from_days(days);
        Date::new(y, m, d)
    }

    /// Today (UTC+8, the calendar day in China).
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        Date::from_days((secs + 8 * 3600).div_euclid(86_400)).unwrap_or(Date {
            year: 2000,
            month: 1,
            day: 1,
        })
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        days_from_civil(self.year as i64, self.month as i64, self.day as i64)
    }
}

/// Howard Hinnant's `civil_from_days`.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Howard Hinnant's `days_from_civil`.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("not a date: {s}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_staff_write_them() {
        let d = Date::new(2026, 4, 8).unwrap();
        for s in [
            "2026-04-08",
            "2026-4-8",
            "2026/4/8",
            "2026.4.8",
            "2026年4月8日",
            "2026年04月08日",
            "2026年4月8号",
            "20260408",
            " 2026/4/8 9:30 ",
            "2026-04-08T10:00:00",
            "2026-04-08 10:00:00",
            "２０２６年４月８日",
            "46120",
            "46120.375",
        ] {
            assert_eq!(Date::parse(s), Some(d), "{s}");
        }
        for s in [
            "",
            "2026-13-45",
            "2026-02-29",
            "2026年4月",
            "明天",
            "4/8/2026",
            "2026-4-8x",
            "0",
        ] {
            assert_eq!(Date::parse(s), None, "{s}");
        }
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day), Some(29));
    }

    #[test]
    fn excel_serials_round_trip() {
        for days in [0i64, 10_000, 19_876, 20_000, 30_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
            let date = Date::from_excel_serial((days + 25_569) as f64).unwrap();
            assert_eq!(date.days(), days);
        }
        assert_eq!(Date::from_excel_serial(61.0), Date::new(1900, 3, 1));
    }

    #[test]
    fn vocabularies_read_chinese_english_and_synonyms() {
        assert_eq!(Kind::parse("群众"), Some(Kind::Citizen));
        assert_eq!(Kind::parse(" Citizen "), Some(Kind::Citizen));
        assert_eq!(Kind::parse("人大代表（市）"), Some(Kind::Deputy));
        assert_eq!(Kind::parse("专家学者"), Some(Kind::Expert));
        assert_eq!(Kind::parse("外星人"), None);
        assert_eq!(Channel::parse("屏对屏"), Some(Channel::Video));
        assert_eq!(Channel::parse("face-to-face"), Some(Channel::FaceToFace));
        assert_eq!(Channel::parse("微信"), Some(Channel::Mobile));
        assert_eq!(Channel::parse("传真机器人"), None);
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.zh()), Some(*k));
            assert_eq!(Kind::parse(k.wire()), Some(*k));
        }
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.zh()), Some(*c));
            assert_eq!(Channel::parse(c.wire()), Some(*c));
        }
    }
}
