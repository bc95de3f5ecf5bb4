//! The `lifa` binary: parse the command line, run, report. Everything else is in the library.

use std::process::ExitCode;

use lifa::cli::Cli;
use lifa::commands::{self, ExitStatus};

fn main() -> ExitCode {
    let cli = Cli::from_env();
    match commands::run(cli) {
        Ok(()) => ExitStatus::Success.into(),
        Err(err) => commands::report_error(&err).into(),
    }
}
