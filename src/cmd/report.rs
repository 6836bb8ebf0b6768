//! `klimabudget report SCENARIO`: one scenario's staff, costs and funding per period.

use std::path::PathBuf;

use super::{Env, Error, Exit};
use crate::engine;
use crate::export;
use crate::i18n::Unit;
use crate::period::By;
use crate::report::Report;

/// What `klimabudget report` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub scenario: PathBuf,
    pub by: By,
    pub output: super::OutputOptions,
    pub unit: Unit,
    pub members: super::MembersOptions,
    pub scenarios: super::ScenarioOptions,
}

pub fn run(args: &Options, env: &mut Env) -> Result<Exit, Error> {
    let target = args.output.target(&[&args.scenario], env)?;
    let loaded = super::load(&args.scenario, &args.scenarios.overrides())?;
    let projection = engine::project_in(&loaded.scenario, args.by, args.scenarios.prices)?;
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
