//! `klimabudget sensitivity SCENARIO --show FIGURE`: which assumption matters most: each value
//! marked as an assumption set to both ends of its range, the figure at each, ranked, as a
//! table and a tornado.

use std::path::PathBuf;

use super::{Env, Error, Exit};
use crate::explain::Name;
use crate::msg::Msg;
use crate::num::{Rational, Unit};
use crate::report::Mode;
use crate::report::sensitivity::SensitivityHead;
use crate::whatif::{self, WhatIfError};

/// What `klimabudget sensitivity` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub scenario: PathBuf,
    /// The figure, as the report's JSON names it: `total.cost_by_funder.brn`.
    pub show: String,
    /// How far either way an assumption without a range of its own is varied: `10%`.
    pub sensitivity: String,
    pub output: super::OutputOptions,
    pub unit: Unit,
    pub scenarios: super::ScenarioOptions,
}

/// `10%`, `10 %` or `2,5%` as a fraction (0.1); from 0 to below 100 %.
fn percent(text: &str) -> Result<Rational, Msg> {
    let bad = || Msg::SensitivityPercent {
        text: text.to_string(),
    };
    let number = text.trim().strip_suffix('%').ok_or_else(bad)?;
    let d: rust_decimal::Decimal = number.trim().replace(',', ".").parse().map_err(|_| bad())?;
    let r = crate::num::decimal_to_rational(d) / Rational::from_integer(100);
    if r < Rational::from_integer(0) || r >= Rational::from_integer(1) {
        return Err(bad());
    }
    Ok(r)
}

pub fn run(args: &Options, env: &mut Env) -> Result<Exit, Error> {
    let usage = |m: Msg| Error::Input(whatif::usage(m));
    let flagged = |e: Msg| Msg::Flagged {
        flag: "--show".into(),
        message: e.boxed(),
    };
    let name = Name::parse_or_suggest(&args.show).map_err(|e| usage(flagged(e)))?;
    let percent = percent(&args.sensitivity).map_err(usage)?;
    let target = args.output.target(&[&args.scenario], env)?;
    let overrides = args.scenarios.overrides();
    let (prepared, base) = super::prepare(
        env,
        &args.scenario,
        &overrides,
        name.by(),
        args.scenarios.prices,
    )?;
    let loaded = prepared.load(&overrides).map_err(Error::Input)?;
    target.refuse_inputs(loaded.files())?;
    let options = whatif::Options {
        by: name.by(),
        prices: args.scenarios.prices,
        overrides,
    };
    let sensitivity = whatif::sensitivity::sensitivity(&prepared, &base, &name, percent, &options)
        .map_err(|e| match e {
            WhatIfError::Usage(m) => usage(Msg::FlaggedValue {
                flag: "--show".into(),
                value: args.show.clone(),
                message: m,
            }),
            other => super::sweep::whatif_error(other),
        })?;
    let sources = &loaded.warnings.sources;
    let places = sensitivity
        .tested
        .iter()
        .map(|t| {
            t.assumption
                .span
                .as_ref()
                .map(|s| super::explain::place(sources, s))
        })
        .collect();
    let report = crate::report::sensitivity::report(
        &base,
        args.scenarios.prices,
        SensitivityHead {
            scenario: base.name.clone(),
            file: base.file.display().to_string(),
            prices: base.indexation.as_ref().map(|_| args.scenarios.prices),
            sensitivity,
            places,
        },
    );
    let mut options = super::options(env, args.unit, Mode::Controlled, target.file.is_none());
    options.paper = target.paper.clone();
    if target.wide {
        options.style.width = None;
        options.style.fit = false;
    }
    target.write(env, |out| {
        out.write_all(&crate::export::render(&report, target.format, &options)?)
    })?;
    Ok(Exit::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages() {
        assert_eq!(percent("10%"), Ok(Rational::new(1, 10)));
        assert_eq!(percent(" 2,5 %"), Ok(Rational::new(1, 40)));
        assert!(percent("10").is_err());
        assert!(percent("100%").is_err());
        assert!(percent("-5%").is_err());
    }
}
