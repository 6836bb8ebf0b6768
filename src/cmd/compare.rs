//! `klimabudget compare A B`: two scenarios side by side, B − A, and what differs.

use std::path::PathBuf;

use crate::cli::{Env, Error, Exit};
use crate::export;
use crate::i18n::Unit;
use crate::period::By;
use crate::report::compare::Comparison;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The baseline scenario.
    pub a: PathBuf,
    /// The scenario compared with it: differences are B − A.
    pub b: PathBuf,
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
    /// Like --set, for A only.
    #[arg(long = "set-a", value_name = "PATH=VALUE")]
    pub set_a: Vec<String>,
    /// Like --set, for B only: `compare x.toml x.toml --set-b ...` shows what a change does.
    #[arg(long = "set-b", value_name = "PATH=VALUE")]
    pub set_b: Vec<String>,
}

pub fn run(args: &Args, env: &mut Env) -> Result<Exit, Error> {
    let target = args.output.target(&[&args.a, &args.b], env)?;
    // Report the problems of both files, not only of the first.
    let both = args.scenario_args.overrides();
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
    let comparison = Comparison::new(&a.scenario, &b.scenario, args.by, args.scenario_args.prices)?
        .with_members(args.members.mode(), args.members.precision)?;
    let mut warnings = a.warnings;
    warnings.items.extend(comparison.a.warnings());
    let mut wb = b.warnings;
    wb.items.extend(comparison.b.warnings());
    warnings.merge(wb);
    super::settle_warnings(env, warnings)?;
    let options = super::options(env, args.unit, target.file.is_none());
    target.write(env, |out| {
        export::compare(target.format, &comparison, &options, out)
    })?;
    Ok(Exit::Success)
}
