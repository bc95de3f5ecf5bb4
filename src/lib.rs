//! lifa (立法): compare the drafts of a regulation article by article and trace the comments
//! behind every edit.
//!
//! The drafting pipeline, one module per step:
//!
//! ```text
//! drafts/<reg>/*.md ──draft::parse──▶ Draft ──align::align──▶ Alignment ──diff::diff──▶ DraftDiff
//!                                                                               │
//!                                              report::{term,markdown,html,json} ◀┘  (bytes)
//! ```
//!
//! The comment pipeline:
//!
//! ```text
//! upload (CSV/XLSX/JSONL) ──intake──▶ rows ──intake::validate──▶ Comment ──store──▶ comments/<reg>/batches/*.jsonl
//!                                  (cite: 第十二条第二款 → references)      │
//!                    opinions::Corpus (group: duplicates, campaigns; decisions) ◀┘ ──▶ report::comments
//! ```
//!
//! - [`draft`]: Markdown → [`draft::Draft`] (编/分编/章/节/条/款/项/目); Chinese numerals.
//! - [`refs`]: cross-references inside article text (`本条例第十二条第二款`).
//! - [`align`]: which old article became which new one, by content (never by number alone).
//! - [`diff`]: the inline word diff of each pair and the edit count (处).
//! - [`chain`]: one article followed through every version.
//! - [`workspace`]: the workspace layout (drafts/, alignment.toml overrides).
//! - [`comment`]: the comment record (kinds, channels, dates as staff write them).
//! - [`intake`]: reading uploads (encodings, headers) and validating them row by row.
//! - [`cite`]: article references in comments (`第十二条第二款第（三）项`, `第十二至十五条`).
//! - [`store`]: the batch files, written atomically; [`importer`] ties intake and store together.
//! - [`group`]: duplicates and campaigns (MinHash over character shingles).
//! - [`points`]: contact points written more than one way (`comments/contact-points.toml`).
//! - [`privacy`]: masking names, phone numbers, ID numbers, e-mails.
//! - [`opinions`]: the comments of a regulation as opinions, filters and statistics;
//!   [`lineage`] follows an article through the versions; [`decisions`] holds dispositions.
//! - [`report`]: renderers; they never compute, they only format a finished model.
//! - [`commands`]: what each subcommand does; the only code that picks paths or writes output.
//!
//! ```
//! use lifa::{align::align, diff::diff, draft::parse};
//! let old = parse("v1.md", "第一条　为了保护湖泊，制定本条例。\n\n第二条　本条例自公布之日起施行。\n").unwrap();
//! let new = parse("v2.md", "第一条　为了保护湖泊，制定本条例。\n\n第二条　湖泊保护应当坚持生态优先。\n\n第三条　本条例自2027年1月1日起施行。\n").unwrap();
//! let d = diff(Some("hu"), &old, &new, &align(&old, &new, &[]), "v1", "v2");
//! assert_eq!(d.summary.articles_added, 1);
//! assert_eq!(d.summary.articles_renumbered, 1);
//! ```
#![warn(missing_docs)]

pub mod align;
pub mod attribute;
pub mod chain;
pub mod cite;
pub mod cli;
pub mod commands;
pub mod comment;
pub mod decisions;
pub mod diff;
pub mod draft;
pub mod error;
pub mod group;
pub mod importer;
pub mod index;
pub mod intake;
pub mod lineage;
pub mod opinions;
pub mod points;
pub mod privacy;
pub mod proposal;
pub mod refs;
pub mod report;
pub mod search;
pub mod segment;
pub mod store;
pub mod workspace;

pub use error::{Error, Result};
