//! `klimabudget solve SCENARIO --vary PATH --until balanced`: the smallest amount at which the
//! scenario balances, exact to the øre.

use std::path::PathBuf;

use super::{Env, Error, Exit};
use crate::export::Format;
use crate::num::Unit;
use crate::period::By;
use crate::report::Mode;
use crate::whatif;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Goal {
    /// Every funder that is not residual (and the varied funding's funder) has a cumulative
    /// balance of at least 0 at the end of every period.
    #[default]
    Balanced,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SolveFormat {
    #[default]
    Text,
    Json,
}

/// What `klimabudget solve` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub scenario: PathBuf,
    pub vary: String,
    pub until: Goal,
    /// Round the answer to a multiple of this, in the direction that still balances.
    pub round_to: Option<rust_decimal::Decimal>,
    pub by: By,
    pub format: SolveFormat,
    pub scenarios: super::ScenarioOptions,
}

pub fn run(args: &Options, env: &mut Env) -> Result<Exit, Error> {
    let (prepared, _) = super::prepare(
        env,
        &args.scenario,
        &args.scenarios.overrides(),
        args.by,
        args.scenarios.prices,
    )?;
    let options = whatif::Options {
        by: args.by,
        prices: args.scenarios.prices,
        overrides: args.scenarios.overrides(),
    };
    let solution = whatif::solve(&prepared, &args.vary, args.round_to, &options)
        .map_err(super::sweep::whatif_error)?;
    let report = crate::report::whatif::solve(
        &args.scenario.display().to_string(),
        &args.vary,
        args.by,
        &solution,
    );
    let format = match args.format {
        SolveFormat::Text => Format::Table,
        SolveFormat::Json => Format::Json,
    };
    // The answer and the shortfall below it to the øre.
    let options = super::options(env, Unit::Ore, Mode::Controlled, true);
    super::print(env, &report, format, &options)?;
    Ok(Exit::Success)
}
