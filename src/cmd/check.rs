//! `klimabudget check [PATH ...]`: does every scenario balance? For CI.

use std::path::PathBuf;

use crate::cli::{Env, Error, Exit};
use crate::diag::{Diagnostic, Diagnostics, Sources};
use crate::export::json;
use crate::format;
use crate::period::By;
use crate::report::check::{self, CheckReport, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum CheckFormat {
    /// One line per scenario, then a summary.
    #[default]
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scenario files, or directories searched recursively for *.toml. Default: scenarios/
    pub paths: Vec<PathBuf>,
    /// Check the cumulative balance at the end of every year, half-year, month, or only at the
    /// end of the window.
    #[arg(long, value_enum, default_value_t)]
    pub by: By,
    #[arg(long, value_enum, default_value_t)]
    pub format: CheckFormat,
}

pub fn run(args: &Args, env: &mut Env) -> Result<Exit, Error> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("scenarios")]
    } else {
        args.paths.clone()
    };
    let files = check::scenario_files(&paths);
    if files.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::Input(Diagnostics {
            sources: Sources::default(),
            items: vec![
                Diagnostic::error(
                    &paths[0],
                    format!("no scenario files (*.toml) in {}", shown.join(", ")),
                )
                .help("give scenario files or directories that hold them"),
            ],
        }));
    }
    let report = CheckReport {
        scenarios: files
            .iter()
            .map(|f| check::check_file(f, args.by, env.deny_warnings))
            .collect(),
    };
    for c in &report.scenarios {
        if let Some(w) = c.warnings.as_ref().filter(|w| !w.items.is_empty()) {
            writeln!(env.err, "{}", w.render(env.color_err))?;
        }
        if let Status::Invalid(d) = &c.status {
            writeln!(env.err, "{}", d.render(env.color_err))?;
        }
    }
    match args.format {
        CheckFormat::Json => json::check(&report, env.out)?,
        CheckFormat::Text => {
            for c in &report.scenarios {
                writeln!(env.out, "{}", line(c))?;
            }
            let s = report.summary();
            let n = report.scenarios.len();
            writeln!(
                env.out,
                "{n} scenario{}: {} balanced, {} unbalanced, {} invalid",
                if n == 1 { "" } else { "s" },
                s.balanced,
                s.unbalanced,
                s.invalid
            )?;
        }
    }
    let s = report.summary();
    Ok(if s.invalid > 0 {
        Exit::Invalid
    } else if s.unbalanced > 0 {
        Exit::Unbalanced
    } else {
        Exit::Success
    })
}

fn line(c: &check::Checked) -> String {
    let file = c.file.display();
    let name = c
        .name
        .as_deref()
        .map(|n| format!(" ({n})"))
        .unwrap_or_default();
    match &c.status {
        Status::Balanced => format!("balanced    {file}{name}"),
        Status::Unbalanced(found) => {
            let parts: Vec<String> = found
                .iter()
                .map(|s| {
                    format!(
                        "{} short {} kr. at the end of {} ({})",
                        s.funder,
                        format::kroner_ore(s.shortfall),
                        s.period,
                        s.end
                    )
                })
                .collect();
            format!("unbalanced  {file}{name}: {}", parts.join("; "))
        }
        Status::Invalid(d) => {
            let n = d.errors().count();
            let first = d
                .errors()
                .next()
                .map(|e| e.one_line(&d.sources))
                .unwrap_or_default();
            if n > 1 {
                format!("invalid     {first} (and {} more)", n - 1)
            } else {
                format!("invalid     {first}")
            }
        }
    }
}
