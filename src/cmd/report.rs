//! `klimabudget report SCENARIO`: one scenario's staff, costs and funding per period.

use std::path::PathBuf;

use super::{Env, Error, Exit};
use crate::engine;
use crate::export::{self, Format};
use crate::num::Unit;
use crate::period::By;
use crate::report::{self, Mode};

/// What `klimabudget report` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub scenario: PathBuf,
    pub by: By,
    pub output: super::OutputOptions,
    pub unit: Unit,
    pub rounding: Mode,
    pub members: super::MembersOptions,
    pub scenarios: super::ScenarioOptions,
    /// Add an appendix of how each figure is computed, and tooltips in HTML (`--explain`).
    /// *Default:* `false`.
    pub explain: bool,
}

pub fn run(args: &Options, env: &mut Env) -> Result<Exit, Error> {
    let target = args.output.target(&[&args.scenario], env)?;
    let loaded = super::load(&args.scenario, &args.scenarios.overrides())?;
    target.refuse_inputs(loaded.files())?;
    let s = &loaded.scenario;
    let projection = engine::project_in(s, args.by, args.scenarios.prices)?;
    let members = args.members.of(s, &projection)?;
    let mut warnings = loaded.warnings.clone();
    warnings
        .items
        .extend(report::scenario::warnings(s, &projection));
    super::settle_warnings(env, warnings)?;
    let options = super::target_options(env, &target, args.unit, args.rounding);
    // A very large report's JSON takes the fast path, which writes the same bytes without
    // building the report model (12 million figures of 100,000 posts by month would take
    // gigabytes).
    let fast = target.format == Format::Json
        && members.is_none()
        && export::json::fast::applies(s, &projection);
    if fast {
        target.write(env, |out| {
            export::json::fast::report(s, &projection, out, options.pretty)
        })?;
        return Ok(Exit::Success);
    }
    let mut report = report::scenario::report(s, &projection, members.as_ref());
    if args.explain && !target.format.is_data() {
        report::appendix::add(&mut report, s, &projection).map_err(|e| match e {
            crate::explain::ExplainError::Compute(c) => Error::Compute(c),
            other => {
                Error::Input(crate::diag::Diagnostic::error(&args.scenario, other.message()).into())
            }
        })?;
    }
    target.write(env, |out| {
        out.write_all(&export::render(&report, target.format, &options)?)
    })?;
    Ok(Exit::Success)
}
