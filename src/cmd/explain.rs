//! `klimabudget explain SCENARIO FIGURE`: how one figure of the report is computed: every
//! entry that contributes, where it is written, its formula with the numbers, the sum, and
//! how the report shows it rounded.

use std::path::PathBuf;

use super::{Env, Error, Exit};
use crate::diag::{Diagnostic, Sources, Span};
use crate::explain::{self, ExplainError, Name};
use crate::export::Format;
use crate::msg::Msg;
use crate::num::Unit;
use crate::report::Mode;

/// Text or JSON, as for `solve`.
pub use super::solve::SolveFormat as ExplainFormat;

/// What `klimabudget explain` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub scenario: PathBuf,
    /// The figure, as the report's JSON names it: `cost_by_funder.brn.2024`.
    pub figure: String,
    pub format: ExplainFormat,
    /// The unit the report shows the figure in, for how it was rounded.
    pub unit: Unit,
    pub rounding: Mode,
    pub scenarios: super::ScenarioOptions,
}

/// `file:line` of a span.
pub(crate) fn place(sources: &Sources, span: &Span) -> String {
    let (line, _) = sources.line_column(span.file, span.range().start);
    format!("{}:{line}", sources.path(span.file).display())
}

pub fn run(args: &Options, env: &mut Env) -> Result<Exit, Error> {
    let usage = |m: Msg| {
        Error::Input(
            Diagnostic::error(&args.scenario, m)
                .help(Msg::HelpNameFigure)
                .into(),
        )
    };
    let name = Name::parse_or_suggest(&args.figure).map_err(usage)?;
    let loaded = super::load(&args.scenario, &args.scenarios.overrides())?;
    let s = &loaded.scenario;
    name.check(s).map_err(usage)?;
    let prices = args.scenarios.prices;
    let p = crate::engine::project_in(s, name.by(), prices)?;
    let mut warnings = loaded.warnings.clone();
    warnings
        .items
        .extend(crate::report::scenario::warnings(s, &p));
    super::settle_warnings(env, warnings)?;
    let d = explain::derive(s, &p, &name).map_err(|e| match e {
        ExplainError::Compute(c) => Error::Compute(c),
        other => usage(other.message()),
    })?;
    let sources = &loaded.warnings.sources;
    let places = d
        .parts
        .iter()
        .map(|part| part.span.as_ref().map(|span| place(sources, span)))
        .collect();
    let shown = crate::report::explain::in_report(s, &name, prices, args.unit, args.rounding)?;
    let report = crate::report::explain::report(s, prices, &d, places, shown);
    let format = match args.format {
        ExplainFormat::Text => Format::Table,
        ExplainFormat::Json => Format::Json,
    };
    let options = super::options(env, args.unit, args.rounding, true);
    super::print(env, &report, format, &options)?;
    Ok(Exit::Success)
}
