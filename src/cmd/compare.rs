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
    /// Figures to bridge from A to B (`--bridge`); an empty name asks for each funder's cost
    /// over the window. *Default:* none, no bridge.
    pub bridge: Vec<String>,
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
    let mut warnings = a.warnings.clone();
    warnings.items.extend(own(&a.scenario, &comparison.pa)?);
    let mut wb = b.warnings.clone();
    wb.items.extend(own(&b.scenario, &comparison.pb)?);
    warnings.merge(wb);
    super::settle_warnings(env, warnings)?;
    let options = super::target_options(env, &target, args.unit, args.rounding);
    let mut report = comparison.report();
    if !args.bridge.is_empty() {
        add_bridge(&mut report, args, (&a, &b))?;
    }
    target.write(env, |out| {
        out.write_all(&export::render(&report, target.format, &options)?)
    })?;
    Ok(Exit::Success)
}

/// Adds the bridge from A to B of the figures `--bridge` names to the report, over the days
/// both windows cover.
fn add_bridge(
    report: &mut report::Report,
    args: &Options,
    (la, lb): (&crate::load::Loaded, &crate::load::Loaded),
) -> Result<(), Error> {
    use crate::bridge::{self, BridgeError};
    use crate::explain::Name;
    use crate::msg::{Days, Msg};
    let usage = |m: Msg| {
        Error::Input(
            crate::diag::Diagnostic::error(&args.b, m)
                .help(Msg::HelpBridgeNames)
                .into(),
        )
    };
    let (a, b) = (&la.scenario, &lb.scenario);
    let common = a.window.intersect(b.window).ok_or_else(|| {
        usage(Msg::BridgeNoCommonDays {
            a: Days(a.window.from, a.window.to),
            b: Days(b.window.from, b.window.to),
        })
    })?;
    let (ca, cb) = (a.within(common), b.within(common));
    let mut names = Vec::new();
    if args.bridge.iter().any(|n| n.trim().is_empty()) {
        names.extend(bridge::default_names(&ca, &cb));
    }
    for n in args.bridge.iter().filter(|n| !n.trim().is_empty()) {
        let flagged = |e: Msg| Msg::Flagged {
            flag: "--bridge".into(),
            message: e.boxed(),
        };
        names.push(Name::parse_or_suggest(n).map_err(|e| usage(flagged(e)))?);
    }
    let made = bridge::bridge(&ca, &cb, &names, args.scenarios.prices).map_err(|e| match e {
        BridgeError::Compute(c) => Error::Compute(c),
        other => usage(other.message()),
    })?;
    let place = |loaded: &crate::load::Loaded, span: &Option<crate::diag::Span>| {
        span.as_ref()
            .map(|s| super::explain::place(&loaded.warnings.sources, s))
    };
    let places = made
        .steps
        .iter()
        .map(|st| (place(la, &st.a), place(lb, &st.b)))
        .collect();
    let naming = naming(&ca, &cb);
    report::bridge::add(
        report,
        &naming,
        report::bridge::BridgeHead {
            bridge: made,
            places,
            common: (a.window != b.window).then_some((common.from, common.to)),
        },
    );
    Ok(())
}

/// B with what only A has added: every funder, post and cost either names, for labels.
fn naming(a: &crate::model::Scenario, b: &crate::model::Scenario) -> crate::model::Scenario {
    let mut s = b.clone();
    s.funders.extend(
        a.funders
            .iter()
            .filter(|f| b.funder_index(&f.id).is_none())
            .cloned(),
    );
    s.posts.extend(
        a.posts
            .iter()
            .filter(|p| !b.posts.iter().any(|q| q.id == p.id))
            .cloned(),
    );
    s.costs.extend(
        a.costs
            .iter()
            .filter(|c| !b.costs.iter().any(|q| q.id == c.id))
            .cloned(),
    );
    s
}
