//! From A to B, step by step: B − A of some figures split into one step per difference
//! between the scenarios (a post added, a post ending earlier, a new funding stream, a changed
//! rate, the indexation). Each step is the change in the figures when that one difference is
//! made on top of the steps before it, computed by projecting the scenario as it stands then:
//! exact, and the steps add up to B − A exactly (they telescope), whatever the order.
//!
//! The order is fixed and stated: the indexation field by field, the funders, then posts,
//! other costs and funding in the order of B (each entry's fields in the order of the file
//! format), and last the entries only A has, in A's order.

use crate::diag::Span;
use crate::engine::{self, ComputeError, Prices};
use crate::explain::{Measure, Name};
use crate::model::{Cost, DateRange, Flow, Funder, Funding, Index, PaidBy, Scenario};
use crate::msg::{Days, Msg};
use crate::num::Rational;
use crate::period::{Calendar, PeriodKey};

/// Why a bridge cannot be made. (Its `Display` is English, for logs; people read
/// [`BridgeError::message`], in the language of the run.)
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BridgeError {
    #[error("{}", .0.render(crate::msg::Lang::En))]
    Name(Box<Msg>),
    #[error(transparent)]
    Compute(#[from] ComputeError),
    /// The steps do not end at B's figures: a fault of this program.
    #[error("internal error: the bridge of `{0}` does not end at B's figure; please report it")]
    Disagrees(String),
}

impl BridgeError {
    /// What went wrong, for people.
    pub fn message(&self) -> Msg {
        match self {
            BridgeError::Name(m) => (**m).clone(),
            BridgeError::Compute(c) => c.diagnostic().message,
            BridgeError::Disagrees(name) => Msg::BridgeDisagrees { name: name.clone() },
        }
    }
}

/// A value of a field as the bridge shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Money(Rational),
    Number(Rational),
    Date(jiff::civil::Date),
    /// A day of the year: month and day.
    MonthDay(i8, i8),
}

/// What one step changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Added,
    Removed,
    /// A field, its value in A and in B (none where a side has no such field).
    Field {
        field: String,
        a: Option<Value>,
        b: Option<Value>,
    },
    /// Who pays (the shares of `paid_by`).
    PaidBy,
    /// Which funder provides it.
    Funder {
        a: String,
        b: String,
    },
    /// What it is indexed by.
    Indexed,
    /// An annual flow became a one-off, or the other way.
    Flow,
}

/// One step: the entry it is about, the change, where the entry is written on each side,
/// and how much each figure moves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// `indexation`, `funder`, `post`, `cost`, `funding`.
    pub kind: &'static str,
    pub id: String,
    pub name: String,
    pub change: Change,
    pub a: Option<Span>,
    pub b: Option<Span>,
    /// The change in each figure, exactly.
    pub deltas: Vec<Rational>,
}

/// B − A of some figures, in steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bridge {
    pub names: Vec<Name>,
    /// Each figure in A and in B, exactly.
    pub a: Vec<Rational>,
    pub b: Vec<Rational>,
    /// The steps that move at least one figure, in order.
    pub steps: Vec<Step>,
    /// How many differences move none of the figures.
    pub silent: usize,
}

/// The figures the bridge follows when none is named: each funder's cost over the window,
/// then what each funder that is residual on either side must still find by its end.
pub fn default_names(a: &Scenario, b: &Scenario) -> Vec<Name> {
    let funders = union_funders(a, b);
    let residual = |id: &str| {
        [a, b]
            .iter()
            .any(|s| s.funders.iter().any(|f| f.id == id && f.residual))
    };
    let total = |measure| Name {
        measure,
        period: PeriodKey::Total,
    };
    let mut names: Vec<Name> = funders
        .iter()
        .map(|f| total(Measure::CostBy(f.id.clone())))
        .collect();
    names.extend(
        funders
            .iter()
            .filter(|f| residual(&f.id))
            .map(|f| total(Measure::MustFind(f.id.clone()))),
    );
    names
}

/// The bridge from `a` to `b` (whose windows must be the same: cut both to the days both
/// cover first) of the figures `names`.
pub fn bridge(
    a: &Scenario,
    b: &Scenario,
    names: &[Name],
    prices: Prices,
) -> Result<Bridge, BridgeError> {
    let funders = union_funders(a, b);
    let ids: Vec<&str> = funders.iter().map(|f| f.id.as_str()).collect();
    check(a, b, &ids, names)?;
    let start = in_union(a, &funders);
    let end = in_union(b, &funders);
    let mut walk = Walk {
        names,
        prices,
        current: start.clone(),
        at: figures(&start, names, prices)?,
        steps: Vec::new(),
        silent: 0,
    };
    let first = walk.at.clone();
    walk.indexation(&end)?;
    walk.funders(&end)?;
    walk.posts(a, &end)?;
    walk.costs(a, &end)?;
    walk.funding(a, &end)?;
    walk.removed(a, &end)?;
    let last = figures(&end, names, prices)?;
    if walk.at != last {
        let which = names
            .iter()
            .zip(walk.at.iter().zip(&last))
            .find(|(_, (x, y))| x != y)
            .map_or_else(String::new, |(n, _)| n.to_string());
        return Err(BridgeError::Disagrees(which));
    }
    Ok(Bridge {
        names: names.to_vec(),
        a: first,
        b: last,
        steps: walk.steps,
        silent: walk.silent,
    })
}

/// Every name fits one side or the other: its funder or item is in A or B, its period in the
/// window.
fn check(a: &Scenario, b: &Scenario, funders: &[&str], names: &[Name]) -> Result<(), BridgeError> {
    let items: Vec<&str> = a.item_ids().chain(b.item_ids()).collect();
    for name in names {
        if let Some(id) = name.measure.id() {
            let known: &[&str] = if name.measure.by_funder() {
                funders
            } else {
                &items
            };
            if !known.contains(&id) {
                let known: Vec<String> = known.iter().map(|k| k.to_string()).collect();
                let (what, hint) = name.unknown_id(id, &known);
                let message = Msg::BridgeNoSuch {
                    name: name.to_string(),
                    what,
                    id: id.to_string(),
                    hint,
                };
                return Err(BridgeError::Name(message.boxed()));
            }
        }
        if name.period != PeriodKey::Total
            && !Calendar::new(a.window)
                .periods(name.by())
                .iter()
                .any(|p| p.key == name.period)
        {
            let message = Msg::BridgeNoPeriod {
                name: name.to_string(),
                window: Days(a.window.from, a.window.to),
                period: name.period.label(),
            };
            return Err(BridgeError::Name(message.boxed()));
        }
    }
    Ok(())
}

/// The funders of both: A's in order, then B's new ones.
fn union_funders(a: &Scenario, b: &Scenario) -> Vec<Funder> {
    let mut out = a.funders.clone();
    out.extend(
        b.funders
            .iter()
            .filter(|f| a.funder_index(&f.id).is_none())
            .cloned(),
    );
    out
}

/// `s` with the funders `funders` (its own attributes kept where it has the funder, the
/// other side's where not), every funder index of `s` moved to its place among them.
fn in_union(s: &Scenario, funders: &[Funder]) -> Scenario {
    let at = |i: usize| {
        funders
            .iter()
            .position(|f| f.id == s.funders[i].id)
            .expect("a union has every funder")
    };
    let paid = |p: &PaidBy| PaidBy(p.0.iter().map(|(f, sh)| (at(*f), *sh)).collect());
    let mut out = s.clone();
    out.funders = funders
        .iter()
        .map(|f| {
            s.funders
                .iter()
                .find(|g| g.id == f.id)
                .cloned()
                .unwrap_or_else(|| f.clone())
        })
        .collect();
    for p in &mut out.posts {
        p.paid_by = paid(&p.paid_by);
    }
    for c in &mut out.costs {
        c.paid_by = paid(&c.paid_by);
    }
    for g in &mut out.funding {
        g.funder = at(g.funder);
    }
    // Keys and members are for who really pays, which a bridge does not follow.
    for f in &mut out.funders {
        f.members = None;
        f.raised_by = None;
    }
    out.keys = Vec::new();
    out
}

/// Each figure of `s`, exactly (0 where `s` lacks what it names).
fn figures(s: &Scenario, names: &[Name], prices: Prices) -> Result<Vec<Rational>, ComputeError> {
    let mut out = Vec::with_capacity(names.len());
    let mut made: Vec<(crate::period::By, engine::Projection)> = Vec::new();
    for name in names {
        let by = name.by();
        if !made.iter().any(|(b, _)| *b == by) {
            made.push((by, engine::project_in(s, by, prices)?));
        }
        let p = &made.iter().find(|(b, _)| *b == by).expect("made above").1;
        out.push(name.value(s, p).unwrap_or_default());
    }
    Ok(out)
}

/// The scenario on its way from A to B, and the steps so far.
struct Walk<'a> {
    names: &'a [Name],
    prices: Prices,
    current: Scenario,
    /// The figures of `current`.
    at: Vec<Rational>,
    steps: Vec<Step>,
    silent: usize,
}

/// An entry of a step, for its description: kind, id, name, where in A and in B.
struct About<'a> {
    kind: &'static str,
    id: &'a str,
    name: &'a str,
    a: Option<Span>,
    b: Option<Span>,
}

impl Walk<'_> {
    /// Makes the change `apply` does to the current scenario as one step.
    fn step(
        &mut self,
        about: &About,
        change: Change,
        apply: impl FnOnce(&mut Scenario),
    ) -> Result<(), BridgeError> {
        let mut next = self.current.clone();
        apply(&mut next);
        let figures = figures(&next, self.names, self.prices)?;
        let deltas: Vec<Rational> = figures.iter().zip(&self.at).map(|(x, y)| x - y).collect();
        self.current = next;
        self.at = figures;
        if deltas.iter().all(|d| *d == Rational::from_integer(0)) {
            self.silent += 1;
            return Ok(());
        }
        self.steps.push(Step {
            kind: about.kind,
            id: about.id.to_string(),
            name: about.name.to_string(),
            change,
            a: about.a.clone(),
            b: about.b.clone(),
            deltas,
        });
        Ok(())
    }

    fn indexation(&mut self, end: &Scenario) -> Result<(), BridgeError> {
        let about = About {
            kind: "indexation",
            id: "",
            name: "",
            a: None,
            b: None,
        };
        let (a, b) = (self.current.indexation.clone(), end.indexation.clone());
        match (a, b) {
            (Some(a), Some(b)) if a != b => {
                let number = |r: Option<&Rational>| r.copied().map(Value::Number);
                if a.base_year != b.base_year {
                    let field = Change::Field {
                        field: "base_year".into(),
                        a: Some(Value::Number(Rational::from_integer(a.base_year.into()))),
                        b: Some(Value::Number(Rational::from_integer(b.base_year.into()))),
                    };
                    self.step(&about, field, |s| {
                        if let Some(ix) = &mut s.indexation {
                            ix.base_year = b.base_year;
                        }
                    })?;
                }
                if a.effective != b.effective {
                    let field = Change::Field {
                        field: "effective".into(),
                        a: Some(Value::MonthDay(a.effective.0, a.effective.1)),
                        b: Some(Value::MonthDay(b.effective.0, b.effective.1)),
                    };
                    self.step(&about, field, |s| {
                        if let Some(ix) = &mut s.indexation {
                            ix.effective = b.effective;
                        }
                    })?;
                }
                for index in [Index::Wages, Index::Prices] {
                    let (ra, rb) = match index {
                        Index::Wages => (&a.wages, &b.wages),
                        Index::Prices => (&a.prices, &b.prices),
                    };
                    let mut years: Vec<i16> = ra.keys().chain(rb.keys()).copied().collect();
                    years.sort_unstable();
                    years.dedup();
                    for year in years {
                        let (x, y) = (ra.get(&year), rb.get(&year));
                        if x == y {
                            continue;
                        }
                        let name = match index {
                            Index::Wages => "wages",
                            Index::Prices => "prices",
                        };
                        let field = Change::Field {
                            field: format!("{name}.{year}"),
                            a: number(x),
                            b: number(y),
                        };
                        let to = y.copied();
                        self.step(&about, field, |s| {
                            if let Some(ix) = &mut s.indexation {
                                let rates = match index {
                                    Index::Wages => &mut ix.wages,
                                    Index::Prices => &mut ix.prices,
                                };
                                match to {
                                    Some(r) => rates.insert(year, r),
                                    None => rates.remove(&year),
                                };
                            }
                        })?;
                    }
                }
            }
            (a, b) if a != b => {
                let change = if b.is_some() {
                    Change::Added
                } else {
                    Change::Removed
                };
                self.step(&about, change, |s| s.indexation = b)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// A funder that becomes residual, or stops being so (what must be found moves).
    fn funders(&mut self, end: &Scenario) -> Result<(), BridgeError> {
        for (i, f) in end.funders.iter().enumerate() {
            let now = &self.current.funders[i];
            if now.residual != f.residual {
                let about = About {
                    kind: "funder",
                    id: &f.id,
                    name: &f.name,
                    a: now.span.clone(),
                    b: f.span.clone(),
                };
                let residual = f.residual;
                let flag = |x: bool| Value::Number(Rational::from_integer(i128::from(x)));
                let change = Change::Field {
                    field: "residual".into(),
                    a: Some(flag(now.residual)),
                    b: Some(flag(residual)),
                };
                self.step(&about, change, |s| s.funders[i].residual = residual)?;
            }
        }
        Ok(())
    }

    fn posts(&mut self, a: &Scenario, end: &Scenario) -> Result<(), BridgeError> {
        for post in &end.posts {
            let mut about = About {
                kind: "post",
                id: &post.id,
                name: &post.title,
                a: None,
                b: post.span.clone(),
            };
            let Some(k) = self.current.posts.iter().position(|p| p.id == post.id) else {
                let new = post.clone();
                self.step(&about, Change::Added, |s| s.posts.push(new))?;
                continue;
            };
            about.a = a
                .posts
                .iter()
                .find(|p| p.id == post.id)
                .and_then(|p| p.span.clone());
            let old = self.current.posts[k].clone();
            if old.fte != post.fte {
                let fte = post.fte;
                let change = number("fte", old.fte.rational(), fte.rational());
                self.step(&about, change, |s| s.posts[k].fte = fte)?;
            }
            if old.annual_cost_per_fte != post.annual_cost_per_fte {
                let cost = post.annual_cost_per_fte;
                let change = money(
                    "annual_cost_per_fte",
                    old.annual_cost_per_fte.rational(),
                    cost.rational(),
                );
                self.step(&about, change, |s| s.posts[k].annual_cost_per_fte = cost)?;
            }
            self.range(&about, old.range, post.range, |s, r| s.posts[k].range = r)?;
            if old.paid_by != post.paid_by {
                let paid = post.paid_by.clone();
                self.step(&about, Change::PaidBy, |s| s.posts[k].paid_by = paid)?;
            }
        }
        Ok(())
    }

    /// A range changed: `from` then `to`, or `to` first where the new start lies after the
    /// old end (every scenario on the way has a valid range).
    fn range(
        &mut self,
        about: &About,
        old: DateRange,
        new: DateRange,
        set: impl Fn(&mut Scenario, DateRange) + Copy,
    ) -> Result<(), BridgeError> {
        let from = |r: DateRange| DateRange::new(new.from, r.to);
        let to = |r: DateRange| DateRange::new(r.from, new.to);
        let field = |name: &str, a, b| Change::Field {
            field: name.into(),
            a: Some(Value::Date(a)),
            b: Some(Value::Date(b)),
        };
        let from_first = new.from <= old.to;
        let mut at = old;
        for which in if from_first { [0, 1] } else { [1, 0] } {
            let (next, change) = match which {
                0 if old.from != new.from => (from(at), field("from", old.from, new.from)),
                1 if old.to != new.to => (to(at), field("to", old.to, new.to)),
                _ => continue,
            };
            at = next;
            self.step(about, change, |s| set(s, next))?;
        }
        Ok(())
    }

    /// A flow changed: its amount and dates field by field, or whole where its kind changed.
    fn flow(
        &mut self,
        about: &About,
        old: Flow,
        new: Flow,
        set: impl Fn(&mut Scenario, Flow) + Copy,
    ) -> Result<(), BridgeError> {
        match (old, new) {
            (
                Flow::Annual {
                    annual: x,
                    range: r,
                },
                Flow::Annual {
                    annual: y,
                    range: q,
                },
            ) => {
                if x != y {
                    let change = money("annual", x.rational(), y.rational());
                    self.step(about, change, |s| {
                        set(
                            s,
                            Flow::Annual {
                                annual: y,
                                range: r,
                            },
                        )
                    })?;
                }
                self.range(about, r, q, |s, range| {
                    set(s, Flow::Annual { annual: y, range })
                })?;
            }
            (Flow::OneOff { amount: x, date: d }, Flow::OneOff { amount: y, date: e }) => {
                if x != y {
                    let change = money("amount", x.rational(), y.rational());
                    self.step(about, change, |s| {
                        set(s, Flow::OneOff { amount: y, date: d })
                    })?;
                }
                if d != e {
                    let change = Change::Field {
                        field: "date".into(),
                        a: Some(Value::Date(d)),
                        b: Some(Value::Date(e)),
                    };
                    self.step(about, change, |s| {
                        set(s, Flow::OneOff { amount: y, date: e })
                    })?;
                }
            }
            (a, b) if a != b => self.step(about, Change::Flow, |s| set(s, b))?,
            _ => {}
        }
        Ok(())
    }

    fn costs(&mut self, a: &Scenario, end: &Scenario) -> Result<(), BridgeError> {
        for cost in &end.costs {
            let mut about = About {
                kind: "cost",
                id: &cost.id,
                name: &cost.name,
                a: None,
                b: cost.span.clone(),
            };
            let Some(k) = self.current.costs.iter().position(|c| c.id == cost.id) else {
                let new = cost.clone();
                self.step(&about, Change::Added, |s| s.costs.push(new))?;
                continue;
            };
            about.a = a
                .costs
                .iter()
                .find(|c| c.id == cost.id)
                .and_then(|c| c.span.clone());
            let old: Cost = self.current.costs[k].clone();
            self.flow(&about, old.flow, cost.flow, |s, f| s.costs[k].flow = f)?;
            if old.paid_by != cost.paid_by {
                let paid = cost.paid_by.clone();
                self.step(&about, Change::PaidBy, |s| s.costs[k].paid_by = paid)?;
            }
        }
        Ok(())
    }

    fn funding(&mut self, a: &Scenario, end: &Scenario) -> Result<(), BridgeError> {
        for g in &end.funding {
            let mut about = About {
                kind: "funding",
                id: &g.id,
                name: &g.name,
                a: None,
                b: g.span.clone(),
            };
            let Some(k) = self.current.funding.iter().position(|f| f.id == g.id) else {
                let new = g.clone();
                self.step(&about, Change::Added, |s| s.funding.push(new))?;
                continue;
            };
            about.a = a
                .funding
                .iter()
                .find(|f| f.id == g.id)
                .and_then(|f| f.span.clone());
            let old: Funding = self.current.funding[k].clone();
            if old.funder != g.funder {
                let funders = &self.current.funders;
                let change = Change::Funder {
                    a: funders[old.funder].id.clone(),
                    b: funders[g.funder].id.clone(),
                };
                let funder = g.funder;
                self.step(&about, change, |s| s.funding[k].funder = funder)?;
            }
            if old.indexed != g.indexed {
                let indexed = g.indexed;
                self.step(&about, Change::Indexed, |s| s.funding[k].indexed = indexed)?;
            }
            self.flow(&about, old.flow, g.flow, |s, f| s.funding[k].flow = f)?;
        }
        Ok(())
    }

    /// The entries only A has, in A's order: posts, costs, funding.
    fn removed(&mut self, a: &Scenario, end: &Scenario) -> Result<(), BridgeError> {
        for p in a
            .posts
            .iter()
            .filter(|p| !end.posts.iter().any(|q| q.id == p.id))
        {
            let about = About {
                kind: "post",
                id: &p.id,
                name: &p.title,
                a: p.span.clone(),
                b: None,
            };
            let id = p.id.clone();
            self.step(&about, Change::Removed, |s| s.posts.retain(|q| q.id != id))?;
        }
        for c in a
            .costs
            .iter()
            .filter(|c| !end.costs.iter().any(|q| q.id == c.id))
        {
            let about = About {
                kind: "cost",
                id: &c.id,
                name: &c.name,
                a: c.span.clone(),
                b: None,
            };
            let id = c.id.clone();
            self.step(&about, Change::Removed, |s| s.costs.retain(|q| q.id != id))?;
        }
        for g in a
            .funding
            .iter()
            .filter(|g| !end.funding.iter().any(|q| q.id == g.id))
        {
            let about = About {
                kind: "funding",
                id: &g.id,
                name: &g.name,
                a: g.span.clone(),
                b: None,
            };
            let id = g.id.clone();
            self.step(&about, Change::Removed, |s| {
                s.funding.retain(|q| q.id != id)
            })?;
        }
        Ok(())
    }
}

fn number(field: &str, a: Rational, b: Rational) -> Change {
    Change::Field {
        field: field.into(),
        a: Some(Value::Number(a)),
        b: Some(Value::Number(b)),
    }
}

fn money(field: &str, a: Rational, b: Rational) -> Change {
    Change::Field {
        field: field.into(),
        a: Some(Value::Money(a)),
        b: Some(Value::Money(b)),
    }
}
