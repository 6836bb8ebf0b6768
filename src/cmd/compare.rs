//! `klimabudget compare A B`: two scenarios side by side, B − A, and what differs.

use std::path::PathBuf;

use super::{Env, Error, Exit};
use crate::export;
use crate::num::Unit;
use crate::period::By;
use crate::report::compare::{Comparison, Window};
use crate::report::{self, Mode};

/// What `klimabudget compare` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub a: PathBuf,
    pub b: PathBuf,
    pub by: By,
    pub output: super::OutputOptions,
    pub unit: Unit,
    pub rounding: Mode,
    /// Where the windows differ: the days both cover, or every day either covers.
    pub window: Window,
    pub members: super::MembersOptions,
    pub scenarios: super::ScenarioOptions,
    /// `--set` for A only.
    pub set_a: Vec<String>,
    /// `--set` for B only.
    pub set_b: Vec<String>,
}

pub fn run(args: &Options, env: &mut Env) -> Result<Exit, Error> {
    let target = args.output.target(&[&args.a, &args.b], env)?;
    // Report the problems of both files, not only of the first.
    let both = args.scenarios.overrides();
    let side = |extra: &[String]| -> Vec<crate::load::Override> {
        both.iter()
            .cloned()
            .chain(extra.iter().map(crate::load::Override::new))
            .collect()
    };
    let (a, b) = match (
        super::load(&args.a, &side(&args.set_a)),
        super::load(&args.b, &side(&args.set_b)),
    ) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(Error::Input(mut da)), Err(Error::Input(db))) => {
            da.merge(db);
            return Err(Error::Input(da));
        }
        (Err(e), _) | (_, Err(e)) => return Err(e),
    };
    target.refuse_inputs(a.files())?;
    target.refuse_inputs(b.files())?;
    let comparison = Comparison::over(
        &a.scenario,
        &b.scenario,
        args.by,
        args.scenarios.prices,
        args.window,
    )?
    .with_members(args.members.mode, args.members.precision)?;
    // Each scenario's warnings over its own window (projected again where it was cut).
    let own = |s: &crate::model::Scenario, p: &crate::engine::Projection| -> Result<_, Error> {
        Ok(match comparison.windows {
            None => report::scenario::warnings(s, p),
            Some(_) => {
                let p = crate::engine::project_in(s, args.by, args.scenarios.prices)?;
                report::scenario::warnings(s, &p)
            }
        })
    };
    let mut warnings = a.warnings;
    warnings.items.extend(own(&a.scenario, &comparison.pa)?);
    let mut wb = b.warnings;
    wb.items.extend(own(&b.scenario, &comparison.pb)?);
    warnings.merge(wb);
    super::settle_warnings(env, warnings)?;
    let options = super::target_options(env, &target, args.unit, args.rounding);
    let report = comparison.report();
    target.write(env, |out| {
        out.write_all(&export::render(&report, target.format, &options)?)
    })?;
    Ok(Exit::Success)
}
