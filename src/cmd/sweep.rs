//! `klimabudget sweep SCENARIO --vary PATH=FROM..TO/STEP --show FIGURE`: a figure for every
//! value (or pair of values) of one or two varied paths.

use std::path::PathBuf;

use super::{Env, Error, Exit};
use crate::export::Format;
use crate::msg::{Lang, Msg};
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

/// A bar on standard error, where that is a terminal, in `lang`.
fn progress_bar(tty: bool, lang: Lang) -> Option<indicatif::ProgressBar> {
    tty.then(|| {
        let bar =
            indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
        let template = Msg::SweepProgress.render(lang);
        if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
            bar.set_style(style);
        }
        bar
    })
}

pub(crate) fn whatif_error(e: WhatIfError) -> Error {
    match e {
        WhatIfError::Input(d) => Error::Input(d),
        WhatIfError::Compute(c) => Error::Compute(c),
        WhatIfError::Usage(m) => Error::Input(whatif::usage(*m)),
    }
}

pub fn run(args: &Options, env: &mut Env) -> Result<Exit, Error> {
    let usage = |m: Msg| Error::Input(whatif::usage(m));
    if args.vary.len() > 2 {
        return Err(usage(Msg::SweepOneOrTwo));
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
    let (prepared, base) = super::prepare(
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
    let bar = progress_bar(env.err_tty, env.lang);
    let started = std::time::Instant::now();
    let mut progress = |done: usize, total: u64| {
        // Shown only when the sweep takes more than a second, on a terminal.
        if let Some(bar) = &bar
            && started.elapsed() > std::time::Duration::from_secs(1)
        {
            bar.set_length(total);
            bar.set_position(done as u64);
        }
    };
    let points = whatif::sweep(&prepared, &vary, &show, &options, &mut progress);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let points = points.map_err(whatif_error)?;
    let report = crate::report::whatif::sweep(
        &base,
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
