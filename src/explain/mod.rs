//! Where a figure comes from: its derivation from the scenario's entries, each part with the
//! numbers of its formula (FTE × cost per FTE × the months' fractions × index level × share),
//! made from the projection's own arithmetic ([`crate::engine::trace`]) and checked to add up
//! exactly to the projection's figure.

pub mod name;

use std::ops::Range;

use jiff::civil::Date;

pub use name::{Measure, Name};

use crate::diag::Span;
use crate::engine::trace::{Entry, Piece, Tracer};
use crate::engine::{Amount, ComputeError, Projection};
use crate::model::{Flow, Scenario};
use crate::msg::{Msg, Num};
use crate::num::Rational;

/// Why a figure cannot be explained. (Its `Display` is English, for logs; people read
/// [`ExplainError::message`], in the language of the run.)
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExplainError {
    /// The name does not fit the scenario: an unknown item, funder or period.
    #[error("{}", .0.render(crate::msg::Lang::En))]
    Name(Box<Msg>),
    #[error(transparent)]
    Compute(#[from] ComputeError),
    /// The parts do not add up to the projection's figure: a fault of this program.
    #[error(
        "internal error: the derivation of `{name}` adds up to {parts}, the projection says {figure}; please report it"
    )]
    Disagrees {
        name: String,
        parts: Rational,
        figure: Rational,
    },
}

impl ExplainError {
    /// What went wrong, for people: a name that does not fit, or a fault of this program.
    /// (A figure that cannot be computed is a [`ComputeError`], which says so itself.)
    pub fn message(&self) -> Msg {
        match self {
            ExplainError::Name(m) => (**m).clone(),
            ExplainError::Compute(c) => c.diagnostic().message,
            ExplainError::Disagrees {
                name,
                parts,
                figure,
            } => Msg::ExplainDisagrees {
                name: name.clone(),
                parts: Num(*parts),
                figure: Num(*figure),
            },
        }
    }
}

/// How the parts make the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// The figure is the sum of its parts.
    Sum,
    /// What a residual funder must still find: the sum of the parts is its cumulative
    /// balance, and the figure is that balance's shortfall below zero, or 0.
    Shortfall,
}

/// The derivation of one figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derivation {
    pub name: Name,
    /// The period of the figure: its first and last day inside the window.
    pub start: Date,
    pub end: Date,
    /// The days the parts accrue over: the period, or from the window's start for a
    /// cumulative balance and what must still be found.
    pub from: Date,
    pub how: How,
    /// For an FTE figure, the months of the period the window covers, exactly: every part
    /// is already divided by it.
    pub months: Option<Rational>,
    pub parts: Vec<Part>,
    /// The sum of the parts, exactly.
    pub sum: Rational,
    /// The figure, exactly: the sum, or its shortfall below zero ([`How::Shortfall`]).
    pub value: Rational,
}

/// What one entry contributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// `post`, `cost` or `funding`.
    pub kind: &'static str,
    pub id: String,
    pub name: String,
    /// Where the entry is written.
    pub span: Option<Span>,
    /// +1, or −1 for a cost in a balance.
    pub sign: i8,
    /// The funder's share of the entry, where the figure is a funder's.
    pub share: Option<Rational>,
    pub base: Base,
    pub lines: Vec<Line>,
    /// The sum of the lines, exactly.
    pub value: Rational,
}

/// The amount a part's formula starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// A post: FTE × cost per FTE a year.
    Post {
        fte: Rational,
        cost_per_fte: Rational,
    },
    /// An amount a year.
    Annual(Rational),
    /// A one-off amount on a day.
    OneOff { amount: Rational, date: Date },
    /// A post's FTE, for an FTE figure.
    Fte(Rational),
}

impl Base {
    /// The yearly amount (or the one-off, or the FTE) the lines take fractions of.
    pub fn amount(self) -> Rational {
        match self {
            Base::Post { fte, cost_per_fte } => fte * cost_per_fte,
            Base::Annual(a) | Base::OneOff { amount: a, .. } | Base::Fte(a) => a,
        }
    }
}

/// Months of one part that accrue alike: whole months at one index level, one part month, or
/// a one-off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// The first and last month (year, month).
    pub first: (i16, i8),
    pub last: (i16, i8),
    pub fraction: Fraction,
    /// The index level: 1 without an index.
    pub level: Rational,
    /// The line's contribution to the figure, exactly: sign × base × fraction × level ×
    /// share (÷ the months, for FTE).
    pub value: Rational,
}

/// What part of the base a line takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fraction {
    /// `n` whole months: n/12 of a yearly amount (n months of an FTE).
    Months(i64),
    /// `days` of a month of `of` days: days/(12 × of) of a yearly amount.
    Days { days: i64, of: i64 },
    /// A one-off, whole.
    Whole,
}

impl Fraction {
    /// The fraction of the base, exactly: of a year for money, of a month for FTE.
    pub fn of_base(self, fte: bool) -> Rational {
        let per = if fte { 1 } else { 12 };
        match self {
            Fraction::Months(n) => Rational::new(i128::from(n), per),
            Fraction::Days { days, of } => Rational::new(i128::from(days), per * i128::from(of)),
            Fraction::Whole => Rational::from_integer(1),
        }
    }
}

impl Line {
    /// The line's value as its formula computes it from the numbers shown: sign × base ×
    /// fraction × level × share (÷ months for FTE). Equal to [`Line::value`] by construction;
    /// tests hold it to that.
    pub fn formula(&self, part: &Part, months: Option<Rational>) -> Rational {
        let fte = matches!(part.base, Base::Fte(_));
        let mut v = Rational::from_integer(i128::from(part.sign))
            * part.base.amount()
            * self.fraction.of_base(fte)
            * self.level
            * part.share.unwrap_or(Rational::from_integer(1));
        if let Some(m) = months {
            v /= m;
        }
        v
    }
}

/// The derivation of the figure `name` of `s`, from `p`, its projection by the name's
/// granularity ([`Name::by`]). The parts add up to the projection's figure exactly, or this
/// is an error.
pub fn derive(s: &Scenario, p: &Projection, name: &Name) -> Result<Derivation, ExplainError> {
    name.check(s).map_err(|m| ExplainError::Name(m.boxed()))?;
    Deriver::new(s, p)?.derive(name)
}

/// Derivations of figures of one projection, made with one tracer and the scenario's items
/// looked up once: for the many figures of an appendix, each in time linear in the entries
/// it has (not in all of the scenario's).
pub struct Deriver<'a> {
    s: &'a Scenario,
    p: &'a Projection,
    tracer: Tracer<'a>,
    /// Each post's and cost's index among the items (posts, then costs), by id.
    items: std::collections::HashMap<&'a str, usize>,
}

impl<'a> Deriver<'a> {
    pub fn new(s: &'a Scenario, p: &'a Projection) -> Result<Deriver<'a>, ComputeError> {
        Ok(Deriver {
            s,
            p,
            tracer: Tracer::new(s, p)?,
            items: s.item_ids().enumerate().map(|(i, id)| (id, i)).collect(),
        })
    }

    /// The derivation of `name`, a figure of this projection ([`Name::check`]ed: a name the
    /// scenario does not have is an error here too, without the list of what it has).
    pub fn derive(&self, name: &Name) -> Result<Derivation, ExplainError> {
        let (s, p, tracer) = (self.s, self.p, &self.tracer);
        let unknown = || {
            ExplainError::Name(
                Msg::FigureNotInReport {
                    name: name.to_string(),
                }
                .boxed(),
            )
        };
        let figure = match &name.measure {
            Measure::Item(id) => {
                let i = *self.items.get(id.as_str()).ok_or_else(unknown)?;
                let f = if name.period == crate::period::PeriodKey::Total {
                    &p.total
                } else {
                    p.periods
                        .iter()
                        .find(|f| f.period.key == name.period)
                        .ok_or_else(unknown)?
                };
                p.scale.exact(f.items.get(i))
            }
            _ => name.value(s, p).ok_or_else(unknown)?,
        };
        let period = tracer.period(name.period).ok_or_else(|| {
            let name = name.to_string();
            ExplainError::Name(Msg::FigureNoSuchPeriod { name }.boxed())
        })?;
        let cumulative = matches!(
            name.measure,
            Measure::CumulativeBy(_) | Measure::MustFind(_)
        );
        let months = if cumulative {
            0..period.months.end
        } else {
            period.months.clone()
        };
        let builder = Builder {
            s,
            tracer,
            months: months.clone(),
        };
        let funder = |id: &str| s.funder_index(id);
        let mut parts = Vec::new();
        let mut divisor = None;
        match &name.measure {
            Measure::Cost => parts.extend(builder.items(None, 1, None)),
            Measure::Item(id) => {
                parts.extend(builder.items(None, 1, self.items.get(id.as_str()).copied()))
            }
            Measure::Fte => {
                let m = tracer
                    .scale()
                    .exact(Amount(tracer.months_covered(months.clone())));
                parts.extend(builder.ftes(m));
                divisor = Some(m);
            }
            Measure::CostBy(id) => parts.extend(builder.items(funder(id), 1, None)),
            Measure::FundingBy(id) => parts.extend(builder.funding(funder(id))),
            Measure::BalanceBy(id) | Measure::CumulativeBy(id) | Measure::MustFind(id) => {
                parts.extend(builder.funding(funder(id)));
                parts.extend(builder.items(funder(id), -1, None));
            }
        }
        let sum: Rational = parts.iter().map(|p| p.value).sum();
        let (how, value) = match name.measure {
            Measure::MustFind(_) => (How::Shortfall, (-sum).max(Rational::from_integer(0))),
            _ => (How::Sum, sum),
        };
        if value != figure {
            return Err(ExplainError::Disagrees {
                name: name.to_string(),
                parts: value,
                figure,
            });
        }
        let calendar = tracer.calendar();
        Ok(Derivation {
            name: name.clone(),
            start: period.start,
            end: period.end,
            from: calendar.months[months.start].first,
            how,
            months: divisor,
            parts,
            sum,
            value,
        })
    }
}

/// Parts made from the tracer over a run of months.
struct Builder<'a> {
    s: &'a Scenario,
    tracer: &'a Tracer<'a>,
    months: Range<usize>,
}

impl Builder<'_> {
    /// Every post and other cost (or only item `only`, by its index among the items),
    /// whole (`funder` none) or the share `funder` pays, with `sign`; those that accrue
    /// nothing in the months (or that the funder does not share) left out.
    fn items(&self, funder: Option<usize>, sign: i8, only: Option<usize>) -> Vec<Part> {
        let s = self.s;
        let posts = s.posts.len();
        let which: Box<dyn Iterator<Item = usize>> = match only {
            Some(i) => Box::new(std::iter::once(i)),
            None => Box::new(0..s.item_count()),
        };
        which
            .filter_map(|i| {
                let (entry, kind, id, name, span, paid_by, base) = if i < posts {
                    let p = &s.posts[i];
                    let base = Base::Post {
                        fte: p.fte.rational(),
                        cost_per_fte: p.annual_cost_per_fte.rational(),
                    };
                    (
                        Entry::Post(i),
                        "post",
                        &p.id,
                        &p.title,
                        &p.span,
                        &p.paid_by,
                        base,
                    )
                } else {
                    let c = &s.costs[i - posts];
                    let base = flow_base(&c.flow);
                    (
                        Entry::Cost(i - posts),
                        "cost",
                        &c.id,
                        &c.name,
                        &c.span,
                        &c.paid_by,
                        base,
                    )
                };
                let share = match funder {
                    None => None,
                    Some(f) => Some(*paid_by.0.iter().find(|(g, _)| *g == f).map(|(_, s)| s)?),
                };
                let pieces = self.tracer.pieces(entry, self.months.clone());
                let shared: Vec<Piece> = pieces
                    .into_iter()
                    .map(|mut piece| {
                        if let Some(share) = share {
                            piece.amount = Tracer::share(piece.amount, share);
                        }
                        if sign < 0 {
                            piece.amount = -piece.amount;
                        }
                        piece
                    })
                    .collect();
                self.part(
                    kind,
                    id,
                    name,
                    span,
                    sign,
                    share.map(|s| s.rational()),
                    base,
                    &shared,
                )
            })
            .collect()
    }

    /// The funding entries of `funder`.
    fn funding(&self, funder: Option<usize>) -> Vec<Part> {
        self.s
            .funding
            .iter()
            .enumerate()
            .filter(|(_, g)| Some(g.funder) == funder)
            .filter_map(|(k, g)| {
                let pieces = self.tracer.pieces(Entry::Funding(k), self.months.clone());
                self.part(
                    "funding",
                    &g.id,
                    &g.name,
                    &g.span,
                    1,
                    None,
                    flow_base(&g.flow),
                    &pieces,
                )
            })
            .collect()
    }

    /// Every post's FTE over the months, each divided by `months`, the months covered.
    fn ftes(&self, months: Rational) -> Vec<Part> {
        self.s
            .posts
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let pieces: Vec<Piece> = self
                    .tracer
                    .fte(i, self.months.clone())
                    .into_iter()
                    .map(|(month, days, units)| Piece {
                        month,
                        days,
                        level: Rational::from_integer(1),
                        amount: Amount(units),
                    })
                    .collect();
                let mut part = self.part(
                    "post",
                    &p.id,
                    &p.title,
                    &p.span,
                    1,
                    None,
                    Base::Fte(p.fte.rational()),
                    &pieces,
                )?;
                for line in &mut part.lines {
                    line.value /= months;
                }
                part.value /= months;
                Some(part)
            })
            .collect()
    }

    /// A part from its pieces, each line whole months at one level, a part month or a
    /// one-off; none if there are no pieces.
    #[allow(clippy::too_many_arguments)]
    fn part(
        &self,
        kind: &'static str,
        id: &str,
        name: &str,
        span: &Option<Span>,
        sign: i8,
        share: Option<Rational>,
        base: Base,
        pieces: &[Piece],
    ) -> Option<Part> {
        if pieces.is_empty() {
            return None;
        }
        let scale = self.tracer.scale();
        let calendar = self.tracer.calendar();
        let mut lines: Vec<Line> = Vec::new();
        for piece in pieces {
            let month = &calendar.months[piece.month];
            let at = (month.year, month.month);
            let value = scale.exact(piece.amount);
            let whole = piece.days == i64::from(month.days_in_month);
            let fraction = match (base, piece.days) {
                (Base::OneOff { .. }, _) => Fraction::Whole,
                _ if whole => Fraction::Months(1),
                (_, days) => Fraction::Days {
                    days,
                    of: i64::from(month.days_in_month),
                },
            };
            // Whole months at one level run on in one line.
            if let (Some(last), Fraction::Months(1)) = (lines.last_mut(), fraction)
                && let Fraction::Months(n) = last.fraction
                && last.level == piece.level
                && next_month(last.last) == at
            {
                last.fraction = Fraction::Months(n + 1);
                last.last = at;
                last.value += value;
                continue;
            }
            lines.push(Line {
                first: at,
                last: at,
                fraction,
                level: piece.level,
                value,
            });
        }
        let value = lines.iter().map(|l| l.value).sum();
        Some(Part {
            kind,
            id: id.to_string(),
            name: name.to_string(),
            span: span.clone(),
            sign,
            share,
            base,
            lines,
            value,
        })
    }
}

fn next_month((y, m): (i16, i8)) -> (i16, i8) {
    if m == 12 { (y + 1, 1) } else { (y, m + 1) }
}

fn flow_base(flow: &Flow) -> Base {
    match flow {
        Flow::Annual { annual, .. } => Base::Annual(annual.rational()),
        Flow::OneOff { amount, date } => Base::OneOff {
            amount: amount.rational(),
            date: *date,
        },
    }
}

/// Every figure's derivation for `s` by each period of `p` and in total.
pub fn all(s: &Scenario, p: &Projection) -> Result<Vec<Derivation>, ExplainError> {
    let deriver = Deriver::new(s, p)?;
    Name::all(s, p.by)
        .iter()
        .map(|name| deriver.derive(name))
        .collect()
}
