//! `klimabudget solve SCENARIO --vary PATH --until balanced`: the smallest amount at which the
//! scenario balances, exact to the øre.

use std::path::PathBuf;

use serde_json::json;

use super::{Env, Error, Exit};
use crate::i18n::Lang;
use crate::load::Prepared;
use crate::num::{Rational, decimal_to_rational};
use crate::period::By;
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
    pub by: By,
    pub format: SolveFormat,
    pub scenarios: super::ScenarioOptions,
}

pub fn run(args: &Options, env: &mut Env) -> Result<Exit, Error> {
    let prepared = Prepared::open(&args.scenario).map_err(Error::Input)?;
    let options = whatif::Options {
        by: args.by,
        prices: args.scenarios.prices,
        overrides: args.scenarios.overrides(),
    };
    let solution =
        whatif::solve(&prepared, &args.vary, &options).map_err(super::sweep::whatif_error)?;
    let value = decimal_to_rational(solution.value);
    match args.format {
        SolveFormat::Json => {
            let below: Vec<serde_json::Value> = solution
                .below
                .iter()
                .map(|s| {
                    json!({
                        "funder": s.funder,
                        "period": s.period,
                        "end": s.end.to_string(),
                        "shortfall": crate::num::plain2(s.shortfall),
                    })
                })
                .collect();
            let body = json!({
                "scenario": args.scenario.display().to_string(),
                "path": args.vary,
                "until": "balanced",
                "by": args.by.name(),
                "value": crate::num::plain2(value),
                "held_funder": solution.funder,
                "one_ore_less": below,
            });
            serde_json::to_writer_pretty(&mut *env.out, &body).map_err(std::io::Error::from)?;
            writeln!(env.out)?;
        }
        SolveFormat::Text => {
            let lang = env.lang;
            let amount = format!("{} kr.", lang.number(value, 2));
            writeln!(env.out, "{} = {amount}", args.vary)?;
            let by = lang.by(args.by);
            let held = solution
                .funder
                .as_ref()
                .map(|f| match lang {
                    Lang::En => format!(" ({f} included, held to balance even if residual)"),
                    Lang::Da => format!(" ({f} medregnet, også selv om den er restfinansierende)"),
                })
                .unwrap_or_default();
            writeln!(
                env.out,
                "{}",
                match lang {
                    Lang::En => format!(
                        "is the smallest value at which the scenario balances {by}: every funder's cumulative balance is at least 0 at the end of every period{held}."
                    ),
                    Lang::Da => format!(
                        "er den mindste værdi, hvor scenariet er i balance {by}: alle finansieringskilders akkumulerede balance er mindst 0 ved udgangen af hver periode{held}."
                    ),
                }
            )?;
            if let Some(first) = solution.below.first() {
                let less = format!("{} kr.", lang.number(value - Rational::new(1, 100), 2));
                let short = format!("{} kr.", lang.number(first.shortfall, 2));
                let period = lang.period(first.key);
                writeln!(
                    env.out,
                    "{}",
                    match lang {
                        Lang::En => format!(
                            "At {less} {} is short {short} at the end of {period}.",
                            first.funder
                        ),
                        Lang::Da => format!(
                            "Ved {less} mangler {} {short} ved udgangen af {period}.",
                            first.funder
                        ),
                    }
                )?;
            }
        }
    }
    Ok(Exit::Success)
}
