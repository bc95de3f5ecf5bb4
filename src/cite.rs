//! Article references in comments: `第十二条第二款第（三）项`, `第12条`, `第十二、十三条`,
//! `第十二条至第十五条`, `第三章`, `本条例第十二条` — from the article column of a sheet and from
//! the comment text. Numbers are those of the draft the comment was made on.

use serde::{Deserialize, Serialize};

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
