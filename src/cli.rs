//! The command line: arguments, the environment a command runs in, errors and exit codes.

use std::io::Write;

use clap::{Parser, Subcommand};

use crate::cmd;
use crate::diag::Diagnostics;
use crate::engine::ComputeError;
use crate::i18n::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "klimabudget",
    version,
    about = "Exact budget projections for climate secretariats: report, compare and check TOML scenarios",
    after_help = "Exit codes: 0 success (check: every scenario balances); 1 check found a scenario that does not balance; 2 invalid input or usage."
)]
pub struct Cli {
    /// Treat warnings as errors (exit code 2), for strict CI.
    #[arg(long, global = true)]
    pub deny_warnings: bool,
    /// Language of labels and numbers. Default: Danish when LC_ALL, LC_MESSAGES or LANG says
    /// `da_*`, else English.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// The directory key files and scenarios extended must be in, links followed. Default:
    /// the working directory.
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<std::path::PathBuf>,
    /// Read key files and scenarios extended wherever they are: for scenarios you trust.
    #[arg(long, global = true)]
    pub allow_outside: bool,
    /// Print at most N errors and N warnings in full, counting the rest; 0 prints all.
    #[arg(long, global = true, value_name = "N", default_value_t = crate::diag::MAX_SHOWN)]
    pub max_errors: usize,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Staff, costs and funding of one scenario, per period.
    Report(cmd::report::Args),
    /// Two scenarios side by side: A is the baseline, differences are B − A.
    Compare(cmd::compare::Args),
    /// Does every scenario balance? One line per scenario, then a summary.
    Check(cmd::check::Args),
    /// A figure for every value of one or two varied paths.
    Sweep(cmd::sweep::Args),
    /// The smallest amount at which the scenario balances, exact to the øre.
    Solve(cmd::solve::Args),
    /// Print the JSON Schema of scenario files, for editors (taplo, Even Better TOML).
    Schema(cmd::schema::Args),
}

/// Where a command writes, and how.
pub struct Env<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    /// Standard output is a terminal that wants colour.
    pub color_out: bool,
    /// Standard error is a terminal that wants colour.
    pub color_err: bool,
    /// Standard output is a terminal: fit tables to its width.
    pub fit: bool,
    /// Warnings fail the command (`--deny-warnings`).
    pub deny_warnings: bool,
    /// The language of the output (from the locale, unless `--lang` says otherwise).
    pub lang: Lang,
}

/// How a command that ran to the end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: done; for `check`, every scenario balances.
    Success,
    /// 1: `check` found a scenario that does not balance.
    Unbalanced,
    /// 2: `check` found an invalid scenario (its errors are already written).
    Invalid,
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Unbalanced => 1,
            Exit::Invalid => 2,
        }
    }
}

/// Why a command could not finish. Every one of these exits with code 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Input(Diagnostics),
    #[error("error: {0}")]
    Compute(#[from] ComputeError),
    #[error("error: cannot write the output: {0}")]
    Write(#[from] std::io::Error),
}

impl Error {
    /// The message for standard error.
    pub fn render(&self, color: bool) -> String {
        match self {
            Error::Input(d) => d.render(color),
            other => other.to_string(),
        }
    }

    /// A closed pipe (`klimabudget report x.toml | head`) is not worth a message.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Write(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

pub fn run(cli: Cli, env: &mut Env) -> Result<Exit, Error> {
    env.deny_warnings |= cli.deny_warnings;
    if let Some(lang) = cli.lang {
        env.lang = lang;
    }
    crate::diag::set_max_shown(cli.max_errors);
    crate::load::Access::set_for_process(crate::load::Access {
        root: cli.root.clone(),
        allow_outside: cli.allow_outside,
    });
    let exit = match &cli.command {
        Command::Report(args) => cmd::report::run(args, env)?,
        Command::Compare(args) => cmd::compare::run(args, env)?,
        Command::Check(args) => cmd::check::run(args, env)?,
        Command::Sweep(args) => cmd::sweep::run(args, env)?,
        Command::Solve(args) => cmd::solve::run(args, env)?,
        Command::Schema(args) => cmd::schema::run(args, env)?,
    };
    env.out.flush()?;
    Ok(exit)
}
