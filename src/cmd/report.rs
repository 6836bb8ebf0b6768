//! `klimabudget report SCENARIO`: one scenario's staff, costs and funding per period.

use std::path::PathBuf;

use crate::cli::{Env, Error, Exit};
use crate::engine;
use crate::export;
use crate::i18n::Unit;
use crate::period::By;
use crate::report::Report;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The scenario file (.toml).
    pub scenario: PathBuf,
    /// Periods: calendar years, half-years, months, or the whole window.
    #[arg(long, value_enum, default_value_t)]
    pub by: By,
    #[command(flatten)]
    pub output: super::OutputArgs,
    /// Show money in kroner, thousands of kroner, or millions with one decimal.
    #[arg(long, value_enum, default_value_t)]
    pub unit: Unit,
    #[command(flatten)]
    pub members: super::MembersArgs,
    #[command(flatten)]
    pub scenario_args: super::ScenarioArgs,
}

pub fn run(args: &Args, env: &mut Env) -> Result<Exit, Error> {
    let target = args.output.target(&[&args.scenario], env)?;
    let loaded = super::load(&args.scenario, &args.scenario_args.overrides())?;
    target.refuse_inputs(loaded.files())?;
    let projection = engine::project_in(&loaded.scenario, args.by, args.scenario_args.prices)?;
    let report =
        Report::new(&loaded.scenario, projection).with_members(args.members.of(&loaded.scenario)?);
    let mut warnings = loaded.warnings.clone();
    warnings.items.extend(report.warnings());
    super::settle_warnings(env, warnings)?;
    let options = super::options(env, args.unit, target.file.is_none());
    target.write(env, |out| {
        export::report(target.format, &report, &options, out)
    })?;
    Ok(Exit::Success)
}
