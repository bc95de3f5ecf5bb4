//! Markdown text → [`Draft`]. The only module that knows Markdown syntax.
//!
//! Two passes. The first walks pulldown-cmark events and produces source lines (each with its
//! line number and whether it starts a Markdown block). The second reads those lines as legal
//! text: divisions (`第三章　…`), article labels (`第十二条　…`, also bold or as a heading),
//! items (`（一）`), sub-items (`1.`), annexes, and the preamble (title, 题注, 目录) which is not
//! part of any article. Articles are found by the `第X条` pattern, never by emphasis.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::numbering::{ArticleNumber, is_numeral_char, parse_number, scan_label};
use super::{Article, Block, BlockKind, Division, DivisionKind, Draft, DraftMeta, Warning};
use crate::error::{Error, Result};

/// Parses the text of a draft. `source` names the file in messages.
///
/// ```
/// let draft = lifa::draft::parse("v1.md", "# 某某条例\n\n第一条　为了……，制定本条例。\n\n第二条　本条例自公布之日起施行。\n").unwrap();
/// assert_eq!(draft.articles.len(), 2);
/// assert_eq!(draft.articles[1].label, "第二条");
/// ```
pub fn parse(source: &str, text: &str) -> Result<Draft> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text
        .trim_matches(|c: char| c.is_whitespace() || is_invisible(c))
        .is_empty()
    {
        return Err(Error::EmptyDraft {
            path: source.to_string(),
        });
    }
    let (meta, lines) = scan(source, text)?;
    let mut draft = build(source, meta, lines);
    if draft.articles.is_empty() {
        return Err(Error::NoArticles {
            path: source.to_string(),
        });
    }
    check_numbering(&mut draft);
    Ok(draft)
}

/// Whether `s` holds an invisible character, by their UTF-8 bytes (no decoding: this runs on
/// every line, and the lead byte 0xEF also starts `，` and the other full-width forms).
fn has_invisible(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr3_iter(0xe2, 0xef, 0xc2, b).any(|i| {
        let next = |k: usize| b.get(i + k).copied();
        match b[i] {
            0xe2 => matches!(
                (next(1), next(2)),
                (Some(0x80), Some(0x8b..=0x8d)) | (Some(0x81), Some(0xa0))
            ),
            0xef => next(1) == Some(0xbb) && next(2) == Some(0xbf),
            _ => next(1) == Some(0xad),
        }
    })
}

/// Characters that carry no text: zero-width spaces and joiners, BOMs, soft hyphens.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
    )
}

/// What a line came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Heading,
    /// First line of a Markdown paragraph, list item, quote or table cell.
    BlockStart,
    /// A later line of the same Markdown paragraph (a soft or hard break came before it).
    Continuation,
}

#[derive(Debug)]
struct Line {
    kind: LineKind,
    text: String,
    line: usize,
    /// The line started with strong/emphasis text that was exactly an article label.
    label_emphasised: bool,
}

struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 40);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex(starts)
    }
    fn line_of(&self, offset: usize) -> usize {
        match self.0.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

/// First pass: Markdown events → front matter and source lines.
fn scan(source: &str, text: &str) -> Result<(DraftMeta, Vec<Line>)> {
    let index = LineIndex::new(text);
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    opts.insert(Options::ENABLE_TABLES);
    let mut meta = DraftMeta::default();
    let mut lines: Vec<Line> = Vec::new();
    let mut cur: Option<Line> = None;
    let mut in_meta: Option<usize> = None;
    let mut meta_text = String::new();
    let mut image_depth = 0usize;
    let mut list_counters: Vec<Option<u64>> = Vec::new();
    let mut pending_prefix: Option<String> = None;
    let mut emphasis_depth = 0usize;

    fn flush(cur: &mut Option<Line>, lines: &mut Vec<Line>) {
        if let Some(l) = cur.take()
            && !l.text.trim().is_empty()
        {
            lines.push(l);
        }
    }
    fn open(cur: &mut Option<Line>, lines: &mut Vec<Line>, kind: LineKind, line: usize) {
        flush(cur, lines);
        *cur = Some(Line {
            kind,
            text: String::new(),
            line,
            label_emphasised: false,
        });
    }

    for (event, range) in Parser::new_ext(text, opts).into_offset_iter() {
        let line_no = || index.line_of(range.start);
        match event {
            Event::Start(Tag::MetadataBlock(_)) => {
                in_meta = Some(line_no());
                meta_text.clear();
            }
            Event::End(TagEnd::MetadataBlock(_)) => {
                let start = in_meta.take().unwrap_or(1);
                meta = parse_front_matter(source, start, &meta_text)?;
            }
            Event::Text(t) if in_meta.is_some() => meta_text.push_str(&t),
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            _ if image_depth > 0 => {}
            Event::Start(Tag::Heading { .. }) => {
                open(&mut cur, &mut lines, LineKind::Heading, line_no())
            }
            Event::Start(Tag::Paragraph)
            | Event::Start(Tag::TableCell)
            | Event::Start(Tag::CodeBlock(_)) => {
                // A paragraph directly inside a list item continues the item's first line.
                let prefix = pending_prefix.take();
                if cur.as_ref().is_some_and(|l| l.text.trim().is_empty()) && prefix.is_none() {
                    // Reuse the open (empty) item line.
                    if let Some(l) = cur.as_mut() {
                        l.line = line_no();
                    }
                } else {
                    open(&mut cur, &mut lines, LineKind::BlockStart, line_no());
                }
                if let (Some(p), Some(l)) = (prefix, cur.as_mut()) {
                    l.text.push_str(&p);
                }
            }
            Event::Start(Tag::List(start)) => list_counters.push(start),
            Event::End(TagEnd::List(_)) => {
                list_counters.pop();
            }
            Event::Start(Tag::Item) => {
                open(&mut cur, &mut lines, LineKind::BlockStart, line_no());
                if let Some(Some(n)) = list_counters.last_mut() {
                    if let Some(l) = cur.as_mut() {
                        l.text.push_str(&format!("{n}."));
                    }
                    *n += 1;
                }
            }
            Event::Start(Tag::Strong) | Event::Start(Tag::Emphasis) => emphasis_depth += 1,
            Event::End(TagEnd::Strong) | Event::End(TagEnd::Emphasis) => {
                emphasis_depth = emphasis_depth.saturating_sub(1);
                // `**第一条**为了……`: the emphasis ends the label even with no space after it.
                if let Some(l) = cur.as_mut()
                    && let Some((_, len)) = article_label(&l.text)
                    && l.text.trim_end_matches([':', '：']).len() == len
                {
                    l.label_emphasised = true;
                }
            }
            Event::Text(t) | Event::Code(t) => {
                let t = t.as_ref();
                if cur.is_none() {
                    open(&mut cur, &mut lines, LineKind::BlockStart, line_no());
                }
                // Code blocks arrive as one text with newlines in it.
                let mut first = true;
                for (i, piece) in t.split('\n').enumerate() {
                    if !first {
                        open(&mut cur, &mut lines, LineKind::Continuation, line_no() + i);
                    }
                    first = false;
                    if let Some(l) = cur.as_mut() {
                        if l.text.is_empty() {
                            l.line = line_no() + i;
                        }
                        l.text.push_str(piece);
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                open(&mut cur, &mut lines, LineKind::Continuation, line_no() + 1);
            }
            Event::InlineHtml(h) if h.trim_start().starts_with("<br") => {
                open(&mut cur, &mut lines, LineKind::Continuation, line_no());
            }
            Event::End(TagEnd::Heading(_))
            | Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::TableCell)
            | Event::End(TagEnd::CodeBlock)
            | Event::End(TagEnd::Item) => flush(&mut cur, &mut lines),
            _ => {}
        }
    }
    flush(&mut cur, &mut lines);
    let _ = emphasis_depth;
    for l in &mut lines {
        if has_invisible(&l.text) {
            l.text.retain(|c| !is_invisible(c));
        }
        let trimmed = l.text.trim();
        if trimmed.len() != l.text.len() {
            l.text = trimmed.to_string();
        }
    }
    lines.retain(|l| !l.text.is_empty());
    Ok((meta, lines))
}

fn parse_front_matter(source: &str, start_line: usize, yaml: &str) -> Result<DraftMeta> {
    if yaml.trim().is_empty() {
        return Ok(DraftMeta::default());
    }
    serde_norway::from_str::<DraftMeta>(yaml).map_err(|e| {
        let line = e
            .location()
            .map(|l| start_line + l.line())
            .unwrap_or(start_line);
        Error::FrontMatter {
            path: source.to_string(),
            line,
            message: e.to_string(),
        }
    })
}

/// Removes invisible characters, trims whitespace (ASCII and full-width) and collapses internal
/// whitespace: removed next to Chinese characters and punctuation, one space elsewhere. ASCII
/// `,:;()?!` next to Chinese text become their full-width forms.
pub(crate) fn clean_text(s: &str) -> String {
    if !needs_cleaning(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut prev: Option<char> = None;
    let mut chars = s.chars().filter(|&c| !is_invisible(c)).peekable();
    while let Some(c) = chars.next() {
        if is_space(c) {
            pending_space = true;
            continue;
        }
        if pending_space {
            if prev.is_some_and(|p| !is_cjk(p)) && !is_cjk(c) {
                out.push(' ');
            }
            pending_space = false;
        }
        let wide = full_width_punct(c);
        let c = if wide != c
            && (prev.is_some_and(is_cjk) || chars.peek().is_some_and(|&n| is_cjk(n)))
        {
            wide
        } else {
            c
        };
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Whether `clean_text` could change `s`: a byte scan for ASCII whitespace and punctuation and
/// for the lead bytes of the non-ASCII spaces and invisible characters (no UTF-8 decoding; a
/// false positive only costs the slow path).
fn needs_cleaning(s: &str) -> bool {
    /// Bytes that may start something `clean_text` changes.
    const SUSPECT: [bool; 256] = {
        let mut t = [false; 256];
        let ascii = b" \t\n\r\x0b\x0c,:;()?!";
        let mut i = 0;
        while i < ascii.len() {
            t[ascii[i] as usize] = true;
            i += 1;
        }
        t[0xc2] = true;
        t[0xe1] = true;
        t[0xe2] = true;
        t[0xe3] = true;
        t[0xef] = true;
        t
    };
    let b = s.as_bytes();
    for (i, &x) in b.iter().enumerate() {
        if !SUSPECT[x as usize] {
            continue;
        }
        let confirmed = match x {
            // U+3000 (not the other CJK punctuation in U+3001–U+303F)
            0xe3 => b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80),
            // U+2000–U+206F (spaces, zero-width characters, U+2060)
            0xe2 => b.get(i + 1).is_some_and(|&y| y == 0x80 || y == 0x81),
            // U+FEFF (not the full-width forms U+FF00–U+FFEF)
            0xef => b.get(i + 1) == Some(&0xbb) && b.get(i + 2) == Some(&0xbf),
            _ => true,
        };
        if confirmed {
            return true;
        }
    }
    false
}

/// `char::is_whitespace`, without the Unicode table lookup for every Chinese character.
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\u{0b}'
            | '\u{0c}'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

fn full_width_punct(c: char) -> char {
    match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '(' => '（',
        ')' => '）',
        '?' => '？',
        '!' => '！',
        _ => c,
    }
}

/// Chinese characters and full-width punctuation, next to which spaces carry no meaning.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x2FA1F)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

/// Reads an article label at the start of a line: `第十二条` followed by whitespace, a colon,
/// the end of the line, or closing emphasis. Leading `>`, `*`, `#` and spaces are skipped;
/// `**` around the label is dropped. Returns the number and the byte length of the prefix to
/// remove (label plus markup, not the separator).
fn article_label(line: &str) -> Option<(ArticleNumber, usize)> {
    let lead = line.len()
        - line
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '>' | '*' | '#' | '_'))
            .len();
    let rest = &line[lead..];
    let (n, len) = scan_label(rest, '条')?;
    Some((n, lead + len))
}

/// True when what follows a label makes it a label and not an in-text reference
/// (`第七条规定的……` is a reference).
fn separator_follows(after: &str, emphasised: bool) -> bool {
    let after = after.trim_start_matches(['*', '_']);
    match after.chars().next() {
        None => true,
        Some(c) if c.is_whitespace() => true,
        Some('：' | ':' | '【' | '〔' | '[') => true,
        Some(_) => emphasised,
    }
}

/// The text after a label: separators and markup stripped.
fn after_label(after: &str) -> &str {
    after.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '：' | ':'))
}

/// Reads a division heading such as `第三章　水污染防治` or `第一节 总则` (whole line).
fn division_label(line: &str) -> Option<(DivisionKind, u32, String, String)> {
    let s = line
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '>' | '*' | '#' | '_'))
        .trim_end_matches(['*', '_']);
    let rest = s.strip_prefix('第')?;
    let dlen: usize = rest
        .chars()
        .take_while(|&c| is_numeral_char(c))
        .map(char::len_utf8)
        .sum();
    let number = parse_number(&rest[..dlen])?;
    let tail = &rest[dlen..];
    let (kind, unit, name) = if let Some(n) = tail.strip_prefix("分编") {
        (DivisionKind::Subpart, "分编", n)
    } else if let Some(n) = tail.strip_prefix('编') {
        (DivisionKind::Part, "编", n)
    } else if let Some(n) = tail.strip_prefix('章') {
        (DivisionKind::Chapter, "章", n)
    } else if let Some(n) = tail.strip_prefix('节') {
        (DivisionKind::Section, "节", n)
    } else {
        return None;
    };
    // The name must be separated from the label and read like a heading, not a sentence.
    if let Some(c) = name.chars().next()
        && !c.is_whitespace()
        && !matches!(c, '*' | '_' | '：' | ':')
    {
        return None;
    }
    let name: String = name
        .trim_start_matches(['*', '_', '：', ':'])
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '_'))
        .collect();
    if name.chars().count() > 40 || name.ends_with(['。', '；', '，', '：']) {
        return None;
    }
    let label = format!("第{}{}", &rest[..dlen], unit);
    Some((kind, number, label, name))
}

/// Reads an item label: `（一）` or `(一)` → item 1.
fn item_label(text: &str) -> Option<BlockKind> {
    block_label(text).map(|(k, _)| k)
}

/// Reads the label at the start of a block: `（一）`/`(一)` (item), `（1）`/`(1)`/`1.`/`1．`/`1、`
/// (sub-item). Returns the kind and the label's byte length.
pub(crate) fn block_label(text: &str) -> Option<(BlockKind, usize)> {
    let (open, close) = if text.starts_with('（') {
        ('（', '）')
    } else if text.starts_with('(') {
        ('(', ')')
    } else {
        return sub_item_dot(text);
    };
    let inner = text.strip_prefix(open)?;
    let end = inner.find(close)?;
    let num = &inner[..end];
    let len = open.len_utf8() + end + close.len_utf8();
    if num
        .chars()
        .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return parse_number(num).map(|n| (BlockKind::Subitem(n), len));
    }
    if num.chars().all(is_numeral_char) {
        return parse_number(num).map(|n| (BlockKind::Item(n), len));
    }
    None
}

/// `1.`, `1．`, `1、` at the start of a line → sub-item.
fn sub_item_dot(text: &str) -> Option<(BlockKind, usize)> {
    let dlen: usize = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .map(char::len_utf8)
        .sum();
    if dlen == 0 || dlen > 6 {
        return None;
    }
    let rest = &text[dlen..];
    let sep = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | '．' | '、'))?;
    // `1.5` is a number, not a label.
    if sep == '.' && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    parse_number(&text[..dlen]).map(|n| (BlockKind::Subitem(n), dlen + sep.len_utf8()))
}

fn is_annex_marker(text: &str) -> bool {
    let t = text.trim_start_matches(['*', '#', ' ', '　']);
    (t.starts_with("附件") || t.starts_with("附：") || t.starts_with("附:") || t == "附")
        && t.chars().count() <= 30
        && !t.contains('。')
}

fn is_toc_marker(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    t == "目录"
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['”', '’', '）', ')'])
        .ends_with(['。', '；', '：', '！', '？', ';', ':'])
}

/// Second pass: lines → divisions, articles and annex.
fn build(source: &str, meta: DraftMeta, lines: Vec<Line>) -> Draft {
    let mut draft = Draft {
        source: source.to_string(),
        meta,
        title: None,
        divisions: Vec::new(),
        articles: Vec::new(),
        annex: Vec::new(),
        warnings: Vec::new(),
    };
    // Divisions seen before the first article: a 目录 lists them all, then the body repeats them.
    let mut preamble_divisions: Vec<Division> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut in_annex = false;
    let mut last_line_kind: Option<LineKind> = None;

    for l in lines {
        let prev_kind = last_line_kind.replace(l.kind);
        let raw = l.text.as_str();
        // Article lines are read from the raw text; everything else is cleaned once, here.
        let is_article = article_label(raw).is_some_and(|(_, len)| {
            separator_follows(
                &raw[len..],
                l.label_emphasised || l.kind == LineKind::Heading,
            )
        });
        let cleaned = if is_article {
            String::new()
        } else {
            clean_text(raw)
        };
        let text = || cleaned.as_str();
        if in_annex {
            draft.annex.push(Block {
                kind: BlockKind::Paragraph,
                text: text().to_string(),
                line: l.line,
            });
            continue;
        }
        if l.kind == LineKind::Heading && draft.title.is_none() && draft.articles.is_empty() {
            // The first heading that is not structure is the title.
            if division_label(text()).is_none() && !is_article && !is_toc_marker(text()) {
                draft.title = Some(text().to_string());
                continue;
            }
        }
        // An article label.
        if let Some((number, len)) = article_label(raw)
            && separator_follows(
                &raw[len..],
                l.label_emphasised || l.kind == LineKind::Heading,
            )
        {
            if draft.articles.is_empty() {
                adopt_preamble_divisions(
                    &mut draft,
                    &mut stack,
                    std::mem::take(&mut preamble_divisions),
                );
            }
            let rest = clean_text(after_label(&raw[len..]));
            let label_text: String = raw[..len]
                .trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '>' | '*' | '#' | '_')
                })
                .to_string();
            let mut article = Article {
                number,
                label: label_text,
                blocks: Vec::new(),
                text: String::new(),
                line: l.line,
                division: stack.last().copied(),
            };
            if !rest.is_empty() {
                article.blocks.push(Block {
                    kind: BlockKind::Paragraph,
                    text: rest,
                    line: l.line,
                });
            }
            draft.articles.push(article);
            continue;
        }
        // A division heading (as a Markdown heading or a line of its own).
        if let Some((kind, number, label, name)) = division_label(raw) {
            let div = Division {
                kind,
                number,
                label,
                name,
                line: l.line,
                parent: None,
            };
            if draft.articles.is_empty() {
                preamble_divisions.push(div);
            } else {
                push_division(&mut draft, &mut stack, div);
            }
            continue;
        }
        if is_annex_marker(text()) && (l.kind == LineKind::Heading || !draft.articles.is_empty()) {
            in_annex = true;
            draft.annex.push(Block {
                kind: BlockKind::Paragraph,
                text: text().to_string(),
                line: l.line,
            });
            continue;
        }
        if draft.articles.is_empty() {
            continue; // preamble: title repeated, 题注, history, 目录
        }
        if l.kind == LineKind::Heading {
            // An unnumbered heading in the body, such as `附则`.
            let name: String = text().chars().filter(|c| !c.is_whitespace()).collect();
            push_division(
                &mut draft,
                &mut stack,
                Division {
                    kind: DivisionKind::Other,
                    number: 0,
                    label: String::new(),
                    name,
                    line: l.line,
                    parent: None,
                },
            );
            continue;
        }
        let current_division = stack.last().copied();
        let Some(article) = draft.articles.last_mut() else {
            continue;
        };
        if article.division != current_division {
            draft.warnings.push(Warning {
                line: l.line,
                message: format!(
                    "标题之后、下一条之前的文字不属于任何条文，未纳入比较：{}",
                    short(text())
                ),
            });
            continue;
        }
        let kind = item_label(text()).unwrap_or(BlockKind::Paragraph);
        // A wrapped line of the same paragraph joins the previous block, unless it starts an
        // item or the previous line ended a sentence.
        let joins = l.kind == LineKind::Continuation
            && prev_kind.is_some()
            && kind == BlockKind::Paragraph
            && article
                .blocks
                .last()
                .is_some_and(|b| !ends_sentence(&b.text));
        if joins && let Some(b) = article.blocks.last_mut() {
            let needs_space = b.text.chars().last().is_some_and(|c| !is_cjk(c))
                && text().chars().next().is_some_and(|c| !is_cjk(c));
            if needs_space {
                b.text.push(' ');
            }
            b.text.push_str(text());
            continue;
        }
        article.blocks.push(Block {
            kind,
            text: cleaned,
            line: l.line,
        });
    }
    if draft.articles.is_empty() {
        return draft;
    }
    for a in &mut draft.articles {
        a.join_blocks();
    }
    for a in &draft.articles {
        if a.blocks.is_empty() {
            draft.warnings.push(Warning {
                line: a.line,
                message: format!("{}没有正文", a.label),
            });
        }
    }
    draft
}

fn short(text: &str) -> String {
    let mut s: String = text.chars().take(30).collect();
    if text.chars().count() > 30 {
        s.push('…');
    }
    s
}

/// Keeps the divisions that really open the body: when a 目录 listed them first, the body's
/// headings start at the first one that repeats an earlier (kind, number).
fn adopt_preamble_divisions(draft: &mut Draft, stack: &mut Vec<usize>, divs: Vec<Division>) {
    let mut seen = std::collections::HashSet::new();
    let mut start = 0;
    for (i, d) in divs.iter().enumerate() {
        if !seen.insert((d.kind, d.number)) {
            start = i;
            break;
        }
    }
    for d in divs.into_iter().skip(start) {
        push_division(draft, stack, d);
    }
}

fn push_division(draft: &mut Draft, stack: &mut Vec<usize>, mut div: Division) {
    while let Some(&top) = stack.last() {
        if draft.divisions[top].kind.rank() >= div.kind.rank() {
            stack.pop();
        } else {
            break;
        }
    }
    div.parent = stack.last().copied();
    draft.divisions.push(div);
    stack.push(draft.divisions.len() - 1);
}

/// Warns where article numbers skip or repeat, or do not start at 第一条.
fn check_numbering(draft: &mut Draft) {
    let mut prev: Option<ArticleNumber> = None;
    let mut seen = std::collections::HashMap::new();
    let mut warnings = Vec::new();
    for a in &draft.articles {
        if let Some(first_line) = seen.insert(a.number, a.line) {
            warnings.push(Warning {
                line: a.line,
                message: format!("{}重复出现（第 {} 行已有同号条文）", a.label, first_line),
            });
        }
        let expected_ok = match prev {
            None => a.number == ArticleNumber::new(1),
            Some(p) => {
                (a.number.sub == 0 && a.number.main == p.main + 1)
                    || (a.number.main == p.main && a.number.sub == p.sub + 1)
            }
        };
        if !expected_ok {
            let message = match prev {
                None => format!("条文编号没有从第一条开始，第一条是{}", a.label),
                Some(p) => format!("条文编号不连续：{}之后是{}", p, a.label),
            };
            warnings.push(Warning {
                line: a.line,
                message,
            });
        }
        prev = Some(a.number);
    }
    draft.warnings.extend(warnings);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Draft {
        parse("t.md", text).unwrap()
    }

    #[test]
    fn plain_articles_with_paragraphs_and_items() {
        let d = p(
            "# 某市某某条例\n\n（2026年1月1日通过）\n\n## 目录\n\n第一章　总则\n\n第二章　附则\n\n## 第一章　总则\n\n第一条　为了保护湖泊，制定本条例。\n\n第二条 下列行为禁止：\n\n（一）倾倒垃圾；\n\n(二)围湖造田。\n\n违反前款规定的，依法处理。\n\n## 第二章　附　　则\n\n第三条　本条例自公布之日起施行。\n",
        );
        assert_eq!(d.title.as_deref(), Some("某市某某条例"));
        assert_eq!(d.articles.len(), 3);
        let a2 = &d.articles[1];
        assert_eq!(a2.blocks.len(), 4);
        assert_eq!(a2.blocks[1].kind, BlockKind::Item(1));
        assert_eq!(a2.blocks[2].kind, BlockKind::Item(2));
        assert_eq!(a2.blocks[2].text, "（二）围湖造田。");
        assert_eq!(a2.paragraph_count(), 2);
        assert_eq!(d.divisions.len(), 2, "{:?}", d.divisions);
        assert_eq!(d.divisions[1].name, "附则");
        assert_eq!(d.chapter_of(&d.articles[2]), Some(1));
        assert_eq!(d.articles[0].line, 13);
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }

    #[test]
    fn bold_heading_and_indented_forms() {
        let d = p(
            "**第一条**　为了甲。\n\n**第二条**为了乙。\n\n### 第三条\n\n丙。\n\n　　第四条　丁。\n\n**第五条：**戊。\n\n第六条:己。\n",
        );
        let labels: Vec<_> = d.articles.iter().map(|a| a.label.as_str()).collect();
        assert_eq!(
            labels,
            ["第一条", "第二条", "第三条", "第四条", "第五条", "第六条"]
        );
        let bodies: Vec<_> = d.articles.iter().map(|a| a.body()).collect::<Vec<&str>>();
        assert_eq!(
            bodies,
            ["为了甲。", "为了乙。", "丙。", "丁。", "戊。", "己。"]
        );
    }

    #[test]
    fn references_at_line_start_are_not_labels() {
        let d = p("第一条　甲。\n\n第七条规定的情形，适用本条。\n\n第二条　乙。\n");
        assert_eq!(d.articles.len(), 2);
        assert_eq!(d.articles[0].blocks.len(), 2);
    }

    #[test]
    fn consecutive_lines_and_wrapped_lines() {
        let d = p("第一条　甲乙丙\n丁戊。\n第二条　下列：\n（一）子；\n（二）丑。\n");
        assert_eq!(d.articles.len(), 2);
        assert_eq!(d.articles[0].body(), "甲乙丙丁戊。");
        assert_eq!(d.articles[1].blocks.len(), 3);
    }

    #[test]
    fn sub_articles_and_numbering_warnings() {
        let d =
            p("第一条　甲。\n\n第一条之一　乙。\n\n第二条　丙。\n\n第四条　丁。\n\n第四条　戊。\n");
        assert_eq!(d.articles[1].number, ArticleNumber { main: 1, sub: 1 });
        let msgs: Vec<_> = d
            .warnings
            .iter()
            .map(|w| (w.line, w.message.as_str()))
            .collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert!(
            msgs.iter()
                .any(|(l, m)| *l == 7 && m.contains("第二条之后是第四条"))
        );
        assert!(msgs.iter().any(|(l, m)| *l == 9 && m.contains("重复")));
    }

    #[test]
    fn front_matter_zero_width_and_annex() {
        let d = p(
            "---\nversion: v2\nstage: 二审稿\ndate: 2026-06-25\n---\n\n# 标题\n\n第一条　甲。\n\n\u{200b}\n\n第二条　乙。\n\n附：图样说明\n\n一、长三百\n\n![](./media/image1.jpeg)\n",
        );
        assert_eq!(d.meta.version.as_deref(), Some("v2"));
        assert_eq!(d.meta.date.as_deref(), Some("2026-06-25"));
        assert_eq!(d.articles.len(), 2);
        assert_eq!(d.articles[1].body(), "乙。");
        assert_eq!(d.annex.len(), 2);
    }

    #[test]
    fn ordered_list_sub_items() {
        let d = p("第一条　下列：\n\n（一）子：\n\n1. 甲；\n2. 乙。\n");
        let kinds: Vec<_> = d.articles[0].blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                BlockKind::Item(1),
                BlockKind::Subitem(1),
                BlockKind::Subitem(2)
            ]
        );
        assert_eq!(d.articles[0].blocks[3].text, "2.乙。");
    }

    #[test]
    fn errors_name_the_file() {
        assert!(matches!(
            parse("a.md", "  \n\u{200b}\n"),
            Err(Error::EmptyDraft { .. })
        ));
        assert!(matches!(
            parse("a.md", "# 标题\n\n只有文字。\n"),
            Err(Error::NoArticles { .. })
        ));
        match parse("a.md", "---\nversion: [v1\n---\n第一条　甲。\n") {
            Err(Error::FrontMatter { line, .. }) => assert!(line >= 2, "line {line}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn text_cleaning() {
        assert_eq!(
            clean_text("　　第一条　为了 保护\u{200b}湖泊:"),
            "第一条为了保护湖泊："
        );
        assert_eq!(clean_text("PM2.5 浓度 ISO 9001"), "PM2.5浓度ISO 9001");
    }
}
