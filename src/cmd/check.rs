//! `klimabudget check [PATH ...]`: does every scenario balance? For CI.

use std::path::PathBuf;

use super::{Env, Error, Exit};
use crate::diag::Diagnostic;
use crate::export::json;
use crate::i18n::Lang;
use crate::period::By;
use crate::report::check::{self, CheckReport, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CheckFormat {
    /// One line per scenario, then a summary.
    #[default]
    Text,
    Json,
}

/// What `klimabudget check` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub paths: Vec<PathBuf>,
    pub by: By,
    pub format: CheckFormat,
    pub scenarios: super::ScenarioOptions,
}

pub fn run(args: &Options, env: &mut Env) -> Result<Exit, Error> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("scenarios")]
    } else {
        args.paths.clone()
    };
    let files = check::scenario_files(&paths);
    if files.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::Input(
            Diagnostic::error(
                &paths[0],
                format!("no scenario files (*.toml) in {}", shown.join(", ")),
            )
            .help("give scenario files or directories that hold them")
            .into(),
        ));
    }
    let report = CheckReport {
        scenarios: files
            .iter()
            .map(|f| {
                check::check_file(
                    f,
                    &check::Options {
                        by: args.by,
                        prices: args.scenarios.prices,
                        overrides: args.scenarios.overrides(),
                        deny_warnings: env.deny_warnings,
                    },
                )
            })
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
        CheckFormat::Json => json::check(&report, env.out, env.fit)?,
        CheckFormat::Text => {
            for c in &report.scenarios {
                writeln!(env.out, "{}", line(c, env.lang))?;
            }
            let s = report.summary();
            let n = report.scenarios.len();
            let summary = match env.lang {
                Lang::En => format!(
                    "{n} scenario{}: {} balanced, {} unbalanced, {} invalid",
                    if n == 1 { "" } else { "s" },
                    s.balanced,
                    s.unbalanced,
                    s.invalid
                ),
                Lang::Da => format!(
                    "{n} scenarie{}: {} i balance, {} i underskud, {} ugyldige",
                    if n == 1 { "" } else { "r" },
                    s.balanced,
                    s.unbalanced,
                    s.invalid
                ),
            };
            writeln!(env.out, "{summary}")?;
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

fn line(c: &check::Checked, lang: Lang) -> String {
    let file = c.file.display();
    let name = c
        .name
        .as_deref()
        .map(|n| format!(" ({n})"))
        .unwrap_or_default();
    let status = |en: &str, da: &str| format!("{:<12}", lang.tr(en, da));
    match &c.status {
        Status::Balanced => format!("{}{file}{name}", status("balanced", "i balance")),
        Status::Unbalanced(found) => {
            let parts: Vec<String> = found
                .iter()
                .map(|s| {
                    let amount = lang.number(s.shortfall, 2);
                    let period = lang.period(s.key);
                    let end = lang.date(s.end);
                    match lang {
                        Lang::En => format!(
                            "{} short {amount} kr. at the end of {period} ({end})",
                            s.funder
                        ),
                        Lang::Da => format!(
                            "{} mangler {amount} kr. ved udgangen af {period} ({end})",
                            s.funder
                        ),
                    }
                })
                .collect();
            format!(
                "{}{file}{name}: {}",
                status("unbalanced", "i underskud"),
                parts.join("; ")
            )
        }
        Status::Invalid(d) => {
            let n = d.errors().count();
            let first = d
                .errors()
                .next()
                .map(|e| e.one_line(&d.sources))
                .unwrap_or_default();
            let more = match (n, lang) {
                (0 | 1, _) => String::new(),
                (n, Lang::En) => format!(" (and {} more)", n - 1),
                (n, Lang::Da) => format!(" (og {} til)", n - 1),
            };
            format!("{}{first}{more}", status("invalid", "ugyldig"))
        }
    }
}
