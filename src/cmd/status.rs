//! `klimabudget status SCENARIO --as-of DATE`: the budget follow-up. The scenario's bookings
//! (`[actuals]`) against its budget, per entry and per funder, for the budget year and the
//! whole window, with the expected outturn and what residual funders must still find.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::{Env, Error, Exit};
use crate::actuals::{self, Materiality};
use crate::diag::Diagnostic;
use crate::export;
use crate::msg::{Day, Msg};
use crate::num::Unit;
use crate::report::{self, Mode};

/// What `klimabudget status` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub scenario: PathBuf,
    /// The last day the actuals count.
    pub as_of: Date,
    /// The thresholds of `--materiality`; *default:* those of `[actuals]`.
    pub materiality: Option<Materiality>,
    /// Bookings no rule matches are shown as not allocated instead of failing.
    pub allow_unmapped: bool,
    pub output: super::OutputOptions,
    pub unit: Unit,
    pub rounding: Mode,
    pub scenarios: super::ScenarioOptions,
}

pub fn run(args: &Options, env: &mut Env) -> Result<Exit, Error> {
    let target = args.output.target(&[&args.scenario], env)?;
    let loaded = super::load(&args.scenario, &args.scenarios.overrides())?;
    let options = actuals::Options {
        allow_unmapped: args.allow_unmapped,
    };
    let Some(bookings) = actuals::read(&loaded, options).map_err(Error::Input)? else {
        return Err(Error::Input(
            Diagnostic::error(&args.scenario, Msg::NoActuals)
                .help(Msg::HelpAddActuals)
                .into(),
        ));
    };
    let mut read = loaded.files().to_vec();
    read.extend(bookings.files.iter().map(|f| f.path.clone()));
    target.refuse_inputs(&read)?;
    let s = &loaded.scenario;
    let from = bookings.config.from;
    if !s.window.contains(args.as_of) || args.as_of < from {
        let message = Msg::StatusDateOutside {
            as_of: args.as_of.to_string(),
            from: Day(from),
            end: Day(s.window.to),
        };
        return Err(Error::Input(
            Diagnostic::error(Path::new(""), message)
                .help(Msg::HelpStatusDate)
                .into(),
        ));
    }
    let projection = crate::engine::project_in(s, crate::period::By::Year, args.scenarios.prices)?;
    let mut warnings = loaded.warnings.clone();
    warnings
        .items
        .extend(report::scenario::warnings(s, &projection));
    super::settle_warnings(env, warnings)?;
    let report = report::status::report(
        s,
        &bookings,
        &report::status::Options {
            as_of: args.as_of,
            materiality: args.materiality.unwrap_or(bookings.config.materiality),
            prices: args.scenarios.prices,
        },
    )?;
    let options = super::target_options(env, &target, args.unit, args.rounding);
    target.write(env, |out| {
        out.write_all(&export::render(&report, target.format, &options)?)
    })?;
    Ok(Exit::Success)
}
