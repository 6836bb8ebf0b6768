//! `klimabudget report SCENARIO`: one scenario's staff, costs and funding per period.

use std::path::PathBuf;

use crate::cli::{Env, Error, Exit};
use crate::engine;
use crate::export::{Format, json, table};
use crate::period::By;
use crate::report::Report;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The scenario file (.toml).
    pub scenario: PathBuf,
    /// Periods: calendar years, half-years, months, or the whole window.
    #[arg(long, value_enum, default_value_t)]
    pub by: By,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(args: &Args, env: &mut Env) -> Result<Exit, Error> {
    let loaded = super::load(&args.scenario, env)?;
    let projection = engine::project(&loaded.scenario, args.by)?;
    let report = Report::new(&loaded.scenario, projection);
    let mut warnings = loaded.warnings.clone();
    warnings.items.extend(report.warnings());
    super::settle_warnings(env, warnings)?;
    match args.format {
        Format::Table => {
            let style = table::TableStyle {
                color: env.color_out,
                fit: env.fit,
            };
            env.out
                .write_all(table::render(&report.document(), style).as_bytes())?;
        }
        Format::Json => json::report(&report, env.out)?,
    }
    Ok(Exit::Success)
}
