//! `klimabudget sweep SCENARIO --vary PATH=FROM..TO/STEP --show FIGURE`: a figure for every
//! value (or pair of values) of one or two varied paths.

use std::path::PathBuf;

use super::{Env, Error, Exit};
use crate::export::Format;
use crate::load::Prepared;
use crate::num::Unit;
use crate::period::By;
use crate::report::Mode;
use crate::whatif::{self, Show, Vary, WhatIfError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SweepFormat {
    #[default]
    Table,
    Csv,
    Json,
}

/// What `klimabudget sweep` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub scenario: PathBuf,
    pub vary: Vec<String>,
    pub show: Vec<String>,
    pub by: By,
    pub format: SweepFormat,
    pub unit: Unit,
    pub scenarios: super::ScenarioOptions,
}

pub(crate) fn whatif_error(e: WhatIfError) -> Error {
    match e {
        WhatIfError::Input(d) => Error::Input(d),
        WhatIfError::Compute(c) => Error::Compute(c),
        WhatIfError::Usage(m) => Error::Input(whatif::usage(m)),
    }
}

pub fn run(args: &Options, env: &mut Env) -> Result<Exit, Error> {
    let usage = |m: String| Error::Input(whatif::usage(m));
    if args.vary.len() > 2 {
        return Err(usage("a sweep varies one or two paths".into()));
    }
    let vary: Vec<Vary> = args
        .vary
        .iter()
        .map(|v| Vary::parse(v))
        .collect::<Result<_, _>>()
        .map_err(usage)?;
    let show: Vec<Show> = args
        .show
        .iter()
        .map(|s| Show::parse(s))
        .collect::<Result<_, _>>()
        .map_err(usage)?;
    let prepared = Prepared::open(&args.scenario).map_err(Error::Input)?;
    let options = whatif::Options {
        by: args.by,
        prices: args.scenarios.prices,
        overrides: args.scenarios.overrides(),
    };
    let points = whatif::sweep(&prepared, &vary, &show, &options).map_err(whatif_error)?;
    let report = crate::report::whatif::sweep(
        &args.scenario.display().to_string(),
        args.by,
        &vary,
        &show,
        &points,
    );
    let format = match args.format {
        SweepFormat::Table => Format::Table,
        SweepFormat::Csv => Format::Csv,
        SweepFormat::Json => Format::Json,
    };
    let options = super::options(env, args.unit, Mode::Controlled, true);
    super::print(env, &report, format, &options)?;
    Ok(Exit::Success)
}
