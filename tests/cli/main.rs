//! The CLI integration tests: one binary (see `Cargo.toml`), one module per subcommand. Each
//! test runs the real `lifa` binary in a temporary workspace and snapshots stdout, stderr and
//! the exit code with insta-cmd.

mod attribute;
mod decide;
mod diff;
mod errors;
mod groups;
mod import;
mod points;
mod report;
mod search;

use std::path::{Path, PathBuf};
use std::process::Command;

/// A temporary workspace with a copy of the sample drafts.
pub struct CliTest {
    dir: tempfile::TempDir,
}

impl Default for CliTest {
    fn default() -> Self {
        Self::new()
    }
}

impl CliTest {
    /// An empty workspace.
    pub fn new() -> Self {
        CliTest {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A workspace holding the repository's sample regulation `qinglanhu`.
    pub fn with_sample() -> Self {
        let t = Self::new();
        let src = repo().join("drafts/qinglanhu");
        let dst = t.root().join("drafts/qinglanhu");
        std::fs::create_dir_all(&dst).unwrap();
        for e in std::fs::read_dir(src).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), dst.join(e.file_name())).unwrap();
        }
        t
    }

    /// The sample regulation with the repository's stored sample comments (batches only, no
    /// dispositions) and its table of contact points written two ways.
    pub fn with_sample_comments() -> Self {
        let t = Self::with_sample();
        let src = repo().join("comments/qinglanhu/batches");
        let dst = t.root().join("comments/qinglanhu/batches");
        std::fs::create_dir_all(&dst).unwrap();
        for e in std::fs::read_dir(src).unwrap().flatten() {
            std::fs::copy(e.path(), dst.join(e.file_name())).unwrap();
        }
        let points = "comments/contact-points.toml";
        std::fs::copy(repo().join(points), t.root().join(points)).unwrap();
        t
    }

    /// The workspace root.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file (creating folders) relative to the workspace.
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.root().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// Runs `cmd` (from [`CliTest::lifa`]); fails the test with lifa's stderr unless it
    /// succeeded.
    pub fn ok(&self, cmd: &mut Command) -> std::process::Output {
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// `lifa` run inside the workspace, with a clean environment.
    pub fn lifa(&self) -> Command {
        let mut cmd = Command::new(insta_cmd::get_cargo_bin("lifa"));
        cmd.current_dir(self.root())
            .env_clear()
            .env("NO_COLOR", "1");
        cmd
    }

    /// insta settings that replace the temp dir with `[WS]`.
    pub fn settings(&self) -> insta::Settings {
        let mut s = insta::Settings::clone_current();
        let root = self.root().display().to_string();
        s.add_filter(&regex_escape(&root), "[WS]");
        s.set_prepend_module_to_snapshot(false);
        s
    }
}

fn regex_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The cells of a workbook's first sheet, as text (numbers as Excel shows them).
pub fn sheet_rows(path: &Path) -> Vec<Vec<String>> {
    use calamine::Reader as _;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    calamine::Data::String(s) => s.clone(),
                    calamine::Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}
