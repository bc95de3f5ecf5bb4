//! One function per subcommand: load inputs, call the pipeline stages, pick a renderer, write
//! the bytes. The only code that chooses paths or writes to stdout.

mod attribute;
mod comments;
mod decide;
mod diff;
mod import;
mod index;
mod report;
mod search;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::cli::{Cli, ColorChoice, Command};
use crate::error::{Error, Result};
use crate::workspace::Workspace;

/// How the process ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Done.
    Success,
    /// The input was refused (the message says why).
    Refused,
    /// The command line was wrong.
    Usage,
}

impl From<ExitStatus> for std::process::ExitCode {
    fn from(s: ExitStatus) -> Self {
        std::process::ExitCode::from(match s {
            ExitStatus::Success => 0,
            ExitStatus::Refused => 1,
            ExitStatus::Usage => 2,
        })
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    let root = cli.workspace.clone().unwrap_or_else(|| PathBuf::from("."));
    let ws = Workspace::new(root);
    match cli.command {
        Command::Diff(args) => diff::run(&ws, &args),
        Command::Import(args) => import::run(&ws, &args),
        Command::Comments(args) => comments::run(&ws, &args),
        Command::Index(args) => index::run(&ws, &args),
        Command::Search(args) => search::run(&ws, &args),
        Command::Decide(args) => decide::run(&ws, &args),
        Command::Attribute(args) => attribute::run(&ws, &args),
        Command::Report(args) => report::run(&ws, &args),
    }
}

/// Prints an error the way staff read it, and tells the exit status.
pub fn report_error(err: &Error) -> ExitStatus {
    if let Error::Reported = err {
        return ExitStatus::Refused;
    }
    if let Error::Io { source, .. } = err
        && source.kind() == std::io::ErrorKind::BrokenPipe
    {
        return ExitStatus::Success;
    }
    let mut stderr = anstream::stderr().lock();
    let _ = writeln!(stderr, "错误：{err}");
    let mut cause = std::error::Error::source(err);
    while let Some(c) = cause {
        let _ = writeln!(stderr, "  原因：{c}");
        cause = c.source();
    }
    if let Some(h) = err.hint() {
        let _ = writeln!(stderr, "提示：{}", h.replace('\n', "\n      "));
    }
    match err {
        Error::Usage(_) => ExitStatus::Usage,
        _ => ExitStatus::Refused,
    }
}

fn use_color(choice: ColorChoice, to_file: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            !to_file
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// Writes rendered bytes to `--out` (atomically) or stdout.
fn emit(bytes: &[u8], out: Option<&Path>) -> Result<()> {
    match out {
        Some(path) => write_atomic(path, bytes),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(bytes)
                .and_then(|_| stdout.flush())
                .map_err(|source| Error::Io {
                    path: "标准输出".into(),
                    source,
                })
        }
    }
}

/// Tells staff, on stderr, about contact-point names that look like one point written two
/// ways and that `comments/contact-points.toml` does not join yet.
fn points_hint<'a>(
    points: &crate::points::ContactPoints,
    names: impl IntoIterator<Item = &'a str>,
) {
    let names: Vec<&str> = names.into_iter().collect();
    if let Some(h) = crate::points::hint(points, &names) {
        eprint!("{h}");
    }
}

/// The file name of `--out`, for messages.
/// What staff are told before an index update that reads `bytes` of batch files, when it will
/// take a while (a first search of a large workspace, a rebuild): that it is under way.
fn indexing_notice(bytes: u64) -> Option<String> {
    // About 35 MB of stored comments a second on two cores: 16 MB is half a second.
    (bytes >= 16 << 20).then(|| {
        format!(
            "正在为 {} MB 的意见建立检索索引，请稍候（百万条意见约需半分钟；建成后检索即时返回）…",
            bytes >> 20
        )
    })
}

fn out_name(out: Option<&Path>) -> String {
    out.and_then(|p| p.file_name())
        .map_or_else(|| "输出文件".into(), |n| n.to_string_lossy().into_owned())
}

pub(crate) use crate::store::write_atomic;

#[cfg(test)]
mod tests {
    #[test]
    fn a_long_indexing_is_announced() {
        assert_eq!(super::indexing_notice(0), None);
        assert_eq!(super::indexing_notice(15 << 20), None);
        let told = super::indexing_notice(562 << 20).unwrap();
        assert!(told.contains("562 MB") && told.contains("请稍候"), "{told}");
    }
}
