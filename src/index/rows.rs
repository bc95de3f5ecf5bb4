//! Batch files as the indexer reads them: only the fields the index needs, borrowed from the
//! file's bytes; and, for the grouping thread, only the texts, found where they lie in each line
//! without parsing the rest.
//!
//! A stored line is a [`Comment`](crate::comment::Comment) written by serde_json in compact
//! form (`store`); this reads the same lines without building a whole `Comment`.

use std::borrow::Cow;

use serde::Deserialize;

use crate::cite::Citation;
use crate::comment::{Channel, Date, Kind};

/// The indexed fields of one stored comment.
#[derive(Debug, Deserialize)]
pub(crate) struct Row<'a> {
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    #[serde(borrow)]
    pub regulation: Cow<'a, str>,
    #[serde(borrow)]
    pub draft: Cow<'a, str>,
    #[serde(default)]
    pub articles: Vec<Citation>,
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    pub submitter: RowSubmitter,
    #[serde(borrow)]
    pub source: Cow<'a, str>,
    pub channel: Channel,
    pub received: Date,
}

/// The submitter's kind (name and contact are not indexed).
#[derive(Debug, Deserialize)]
pub(crate) struct RowSubmitter {
    pub kind: Kind,
}

impl Row<'_> {
    /// The (article, sub) numbers cited, first mention only (as
    /// [`Citations::article_numbers`](crate::cite::Citations::article_numbers)).
    pub fn article_numbers(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        crate::cite::distinct_articles(&self.articles)
    }
}

/// The text of a stored line: found in place when the line is laid out as lifa writes it, else
/// parsed (empty if the line is not a comment).
pub(crate) fn text_of(line: &[u8]) -> Cow<'_, str> {
    text_span(line)
        .and_then(|(a, n)| span_text(&line[a..a + n]))
        .or_else(|| serde_json::from_slice::<Row>(line).ok().map(|r| r.text))
        .unwrap_or_default()
}

/// The id and text of a stored line, found in place when the line is laid out as lifa writes
/// it (`{"id":"…",…,"text":"…",…}`); `None` otherwise (the caller parses it).
pub(crate) fn id_and_text(line: &[u8]) -> Option<(&str, Cow<'_, str>)> {
    const KEY: &[u8] = b"{\"id\":\"";
    let rest = line.strip_prefix(KEY)?;
    let end = memchr::memchr2(b'"', b'\\', rest)?;
    if rest[end] != b'"' || !line.trim_ascii_end().ends_with(b"}") {
        return None;
    }
    let id = std::str::from_utf8(&rest[..end]).ok()?;
    let (a, n) = text_span(line)?;
    Some((id, span_text(&line[a..a + n])?))
}

/// Where the text's JSON string lies in a stored line: `(start, len)` of the bytes between its
/// quotes (escapes not decoded). `None` if the line is not laid out as lifa writes it.
///
/// The key is found as `,"text":"`: inside a JSON string every `"` follows a `\`, so the first
/// such run is the key itself.
pub(crate) fn text_span(line: &[u8]) -> Option<(usize, usize)> {
    const KEY: &[u8] = b",\"text\":\"";
    let start = memchr::memmem::find(line, KEY)? + KEY.len();
    let mut i = start;
    while let Some(j) = memchr::memchr2(b'"', b'\\', &line[i..]) {
        let at = i + j;
        if line[at] == b'"' {
            return Some((start, at - start));
        }
        i = at + 2;
        if i > line.len() {
            return None;
        }
    }
    None
}

/// The text a span holds: borrowed when it has no escape, else decoded.
pub(crate) fn span_text(raw: &[u8]) -> Option<Cow<'_, str>> {
    if memchr::memchr(b'\\', raw).is_none() {
        return std::str::from_utf8(raw).ok().map(Cow::Borrowed);
    }
    let mut quoted = Vec::with_capacity(raw.len() + 2);
    quoted.push(b'"');
    quoted.extend_from_slice(raw);
    quoted.push(b'"');
    serde_json::from_slice::<String>(&quoted)
        .ok()
        .map(Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_hold_the_text() {
        for text in [
            "建议禁止网箱养殖。",
            "他说：\"别光写在纸上\"，\\ 反斜杠",
            "两行\n第二行,\"text\":\"假的",
            "",
        ] {
            let line = format!(
                "{{\"id\":\"c1\",\"name\":\"a,\\\"text\\\":\\\"b\",\"text\":{},\"source\":\"x\"}}\n",
                serde_json::to_string(text).unwrap()
            );
            let (start, len) = text_span(line.as_bytes()).unwrap();
            let got = span_text(&line.as_bytes()[start..start + len]).unwrap();
            assert_eq!(got, text, "{line}");
            let (id, got) = id_and_text(line.as_bytes()).unwrap();
            assert_eq!((id, got.as_ref()), ("c1", text), "{line}");
        }
    }

    #[test]
    fn lines_not_laid_out_as_lifa_writes_them_are_left_to_the_parser() {
        for line in [
            "{\"ref\":\"1\",\"id\":\"c1\",\"text\":\"建议\"}",
            "{\"id\":\"c\\u0031\",\"text\":\"建议\"}",
            "{\"id\":\"c1\",\"text\":\"建议\"",
            "{\"id\":\"c1\",\"source\":\"x\"}",
        ] {
            assert!(id_and_text(line.as_bytes()).is_none(), "{line}");
        }
    }
}
