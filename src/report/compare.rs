//! Comparing two scenarios: figures side by side per period, B − A, who pays more or less, and
//! which posts, costs, funding and funders differ.

use std::borrow::Cow;

use jiff::civil::Date;

use super::changes::{Change, ChangeKind, Value, changes};
use super::grid::{At, Column, Fig, Grid, GridId, Measure, RowHead, Rule, Side, What};
use super::text::{Sentence, Term, Text};
use super::{
    Bar, Block, Calc, Cell, Chart, Head, Identity, Members, MembersHead, Page, Precision, Report,
    Row, Table,
};
use crate::allocation::{self, Mode, Party};
use crate::engine::{self, Amount, ComputeError, Figures, Prices, Projection};
use crate::model::{DateRange, Scenario};
use crate::num::Rational;
use crate::period::{By, PeriodKey};
use num_rational::BigRational;
use num_traits::Zero;

/// The parties of both sides and, for A and B, rows (parties) × periods of a figure.
type SidesOf<T> = (Vec<Party>, [Vec<Vec<T>>; 2]);

/// Which days a comparison of two scenarios with different windows covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Window {
    /// The days both windows cover: like is compared with like.
    #[default]
    Common,
    /// Every day either covers; a side shows zeros where it has no period.
    Union,
}

/// Two scenarios projected on one scale, so B − A is exact.
#[derive(Debug, Clone)]
pub struct Comparison<'a> {
    /// Each side as compared: cut to the common window where the windows differ.
    pub a: Cow<'a, Scenario>,
    pub b: Cow<'a, Scenario>,
    /// Where the windows differ: each side's own window, and how they are compared.
    pub windows: Option<(DateRange, DateRange, Window)>,
    pub pa: Projection,
    pub pb: Projection,
    /// The union of both sides' periods, in time order.
    pub periods: Vec<PeriodPair>,
    /// The union of both sides' funders: A's in order, then B's new ones.
    pub funders: Vec<FunderPair>,
    pub changes: Vec<Change>,
    /// Each side's cost carried to its parties, if asked.
    pub members: Option<(Members, Members)>,
}

/// A period and where it is on each side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodPair {
    pub key: PeriodKey,
    /// The earliest start and latest end of the period on either side.
    pub start: Date,
    pub end: Date,
    pub a: Option<usize>,
    pub b: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunderPair {
    pub id: String,
    pub name: String,
    pub a: Option<usize>,
    pub b: Option<usize>,
}

/// What a comparison is of, for data formats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparisonHead {
    /// Each side's name and file.
    pub a: (String, String),
    pub b: (String, String),
    /// What people's formats call the sides in place of A and B (each scenario's
    /// [`Scenario::short`]), unless both go by the same name.
    pub short: Option<(String, String)>,
    pub by: By,
    /// The days compared.
    pub window: DateRange,
    /// `same` (both windows are one), `common` (the days both cover) or `union` (every day
    /// either covers).
    pub window_mode: &'static str,
    pub members: Option<MembersHead>,
    pub changes: Vec<Change>,
    /// A bridge from A to B (`--bridge`), where asked for.
    pub bridge: Option<Box<super::bridge::BridgeHead>>,
}

impl<'a> Comparison<'a> {
    /// A over the union of both windows.
    pub fn new(
        a: &'a Scenario,
        b: &'a Scenario,
        by: By,
        prices: Prices,
    ) -> Result<Self, ComputeError> {
        Comparison::over(a, b, by, prices, Window::Union)
    }

    /// A against B; where their windows differ, over the days both cover (`Common`) or over
    /// every day either covers (`Union`). Windows without a day in common are compared over
    /// the union.
    pub fn over(
        a: &'a Scenario,
        b: &'a Scenario,
        by: By,
        prices: Prices,
        window: Window,
    ) -> Result<Self, ComputeError> {
        let differ = a.window != b.window;
        let common = a
            .window
            .intersect(b.window)
            .filter(|_| window == Window::Common);
        let windows = differ.then_some((
            a.window,
            b.window,
            if common.is_some() {
                Window::Common
            } else {
                Window::Union
            },
        ));
        let (sa, sb) = match common.filter(|_| differ) {
            Some(w) => (Cow::Owned(a.within(w)), Cow::Owned(b.within(w))),
            None => (Cow::Borrowed(a), Cow::Borrowed(b)),
        };
        let mut both = engine::project_all(&[&sa, &sb], by, prices)?;
        let pb = both.remove(1);
        let pa = both.remove(0);
        Ok(Comparison {
            periods: pair_periods(&pa.periods, &pb.periods),
            funders: pair_funders(a, b),
            changes: changes(a, b),
            windows,
            a: sa,
            b: sb,
            pa,
            pb,
            members: None,
        })
    }

    /// The comparison with each side's cost carried to its members as well.
    pub fn with_members(
        mut self,
        mode: Option<Mode>,
        precision: Precision,
    ) -> Result<Self, ComputeError> {
        if let Some(mode) = mode {
            self.members = Some((
                Members::new(&self.a, &self.pa, mode, precision)?,
                Members::new(&self.b, &self.pb, mode, precision)?,
            ));
            self.fine_members_show_as_exact()?;
        }
        Ok(self)
    }

    /// Where a side's amounts by party are written on a fine scale
    /// ([`allocation::Way::Fine`]), whether each side and B − A, over the periods compared,
    /// show as the exact amounts do; else the error naming the key.
    fn fine_members_show_as_exact(&self) -> Result<(), ComputeError> {
        let Some((ma, mb)) = &self.members else {
            return Ok(());
        };
        if ma.cost.exact.is_none() && mb.cost.exact.is_none() {
            return Ok(());
        }
        let exact = |m: &Members| match &m.cost.exact {
            Some(exact) => exact.clone(),
            None => (m.cost.cells.iter())
                .map(|row| row.iter().map(allocation::big).collect())
                .collect(),
        };
        let shown = self.member_cells(|m| m.cost.cells.clone(), Zero::zero);
        let exact = self.member_cells(exact, BigRational::zero);
        let Some(((_, [a, b]), (_, [xa, xb]))) = shown.zip(exact) else {
            return Ok(());
        };
        fn delta<T>(a: &[Vec<T>], b: &[Vec<T>]) -> Vec<Vec<T>>
        where
            for<'x> &'x T: std::ops::Sub<&'x T, Output = T>,
        {
            let rows = a.iter().zip(b);
            rows.map(|(a, b)| a.iter().zip(b).map(|(a, b)| b - a).collect())
                .collect()
        }
        let fine = if mb.cost.exact.is_some() {
            (&self.b, mb)
        } else {
            (&self.a, ma)
        };
        for ((x, y), (s, m)) in [
            ((&xa, &a), (&self.a, ma)),
            ((&xb, &b), (&self.b, mb)),
            ((&delta(&xa, &xb), &delta(&a, &b)), fine),
        ] {
            if !allocation::shows_as(x, y) {
                return Err(m.allocation.too_fine(s));
            }
        }
        Ok(())
    }

    pub fn by(&self) -> By {
        self.pa.by
    }

    /// The days either window covers, from the earliest start to the latest end.
    pub fn window(&self) -> DateRange {
        let (a, b) = (self.a.window, self.b.window);
        DateRange::new(a.from.min(b.from), a.to.max(b.to))
    }

    fn columns(&self) -> Vec<Column> {
        self.periods
            .iter()
            .map(|p| Column::period(p.key, p.start, p.end))
            .collect()
    }

    /// One side's figures over the union of periods: `pick` of the side's period (zero where
    /// the side has none), for each of `rows`.
    fn side_cells(
        &self,
        side: Side,
        rows: usize,
        pick: &dyn Fn(&Figures, usize) -> Option<Rational>,
    ) -> Vec<Vec<Rational>> {
        let (p, index): (&Projection, fn(&PeriodPair) -> Option<usize>) = match side {
            Side::A => (&self.pa, |x| x.a),
            _ => (&self.pb, |x| x.b),
        };
        (0..rows)
            .map(|i| {
                self.periods
                    .iter()
                    .map(|pp| {
                        index(pp)
                            .and_then(|k| pick(&p.periods[k], i))
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .collect()
    }

    /// Each side's grids and B − A: FTE, cost by funder, and cost by party where asked.
    fn grids(&self) -> Vec<Grid> {
        let money = |a: Amount| self.pa.scale.exact(a);
        let columns = self.columns();
        let mut grids = Vec::new();
        let mut three = |what: What,
                         measure: Measure,
                         rule: Rule,
                         rows: Vec<RowHead>,
                         [a, b]: [Vec<Vec<Rational>>; 2],
                         totals: Option<[Rational; 2]>| {
            let d: Vec<Vec<Rational>> = b
                .iter()
                .zip(&a)
                .map(|(rb, ra)| rb.iter().zip(ra).map(|(x, y)| x - y).collect())
                .collect();
            for (side, cells) in [(Side::A, a), (Side::B, b), (Side::Delta, d)] {
                let id = GridId::side(what, side);
                let mut g = match rule {
                    Rule::AddsUp => {
                        Grid::sums(id, measure, rule, rows.clone(), columns.clone(), cells)
                    }
                    _ => Grid::plain(id, measure, rule, rows.clone(), columns.clone(), cells),
                };
                if let Some([ta, tb]) = totals {
                    g.row_totals = Some(vec![match side {
                        Side::A => ta,
                        Side::B => tb,
                        Side::Delta => tb - ta,
                    }]);
                }
                grids.push(g);
            }
        };
        let fte = |f: &Figures, _| Some(f.fte.average());
        three(
            What::Fte,
            Measure::Fte,
            Rule::Nearest,
            vec![RowHead::new("fte", "")],
            [
                self.side_cells(Side::A, 1, &fte),
                self.side_cells(Side::B, 1, &fte),
            ],
            Some([self.pa.total.fte.average(), self.pb.total.fte.average()]),
        );
        let funder_rows: Vec<RowHead> = self
            .funders
            .iter()
            .map(|f| RowHead::new(&f.id, &f.name))
            .collect();
        // A measure of each funder of the comparison on one side, zero where the side has no
        // such funder.
        let by_funder = |side: Side, measure: fn(&Figures, usize) -> Amount| {
            let pick: fn(&FunderPair) -> Option<usize> = match side {
                Side::A => |f| f.a,
                _ => |f| f.b,
            };
            self.side_cells(side, self.funders.len(), &|fig: &Figures, i| {
                pick(&self.funders[i]).map(|k| money(measure(fig, k)))
            })
        };
        type Pick = fn(&Figures, usize) -> Amount;
        let measures: [(What, Rule, Pick); 4] = [
            (What::CostByFunder, Rule::AddsUp, |f, k| f.cost_by_funder[k]),
            (What::FundingByFunder, Rule::AddsUp, |f, k| {
                f.funding_by_funder[k]
            }),
            (What::BalanceByFunder, Rule::AddsUp, |f, k| {
                f.funding_by_funder[k] - f.cost_by_funder[k]
            }),
            (What::CumulativeByFunder, Rule::Nearest, |f, k| {
                f.cumulative_by_funder[k]
            }),
        ];
        for (what, rule, measure) in measures {
            three(
                what,
                Measure::Money,
                rule,
                funder_rows.clone(),
                [by_funder(Side::A, measure), by_funder(Side::B, measure)],
                None,
            );
        }
        let still = self.still_to_find(funder_rows);
        if let Some((parties, cells)) = self.member_cells(|m| m.cost.cells.clone(), Zero::zero) {
            let precision = self
                .members
                .as_ref()
                .map_or(Precision::Kr, |m| m.0.precision);
            three(
                What::CostByMember,
                Measure::MoneyIn(precision.unit()),
                Rule::AddsUp,
                parties
                    .iter()
                    .map(|p| RowHead::new(&p.id, &p.name))
                    .collect(),
                cells,
                None,
            );
        }
        grids.extend(still);
        grids
    }

    /// What each funder must still find by the end of the window on each side (a residual
    /// funder's gap; 0 for any other), and B − A: rounded up where they must be enough.
    fn still_to_find(&self, rows: Vec<RowHead>) -> [Grid; 3] {
        let zero = Rational::from_integer(0);
        let gap = |s: &Scenario, p: &Projection, pick: fn(&FunderPair) -> Option<usize>| {
            self.funders
                .iter()
                .map(|fp| {
                    pick(fp)
                        .filter(|&k| s.funders[k].residual)
                        .map_or(zero, |k| {
                            -p.scale.exact(p.total.cumulative_by_funder[k]).min(zero)
                        })
                })
                .collect::<Vec<Rational>>()
        };
        let a = gap(&self.a, &self.pa, |f| f.a);
        let b = gap(&self.b, &self.pb, |f| f.b);
        let d = b.iter().zip(&a).map(|(x, y)| x - y).collect();
        let grid = |side, rule, values| {
            Grid::list(
                GridId::side(What::StillToFind, side),
                Measure::Money,
                rule,
                rows.clone(),
                values,
            )
        };
        [
            grid(Side::A, Rule::Up, a),
            grid(Side::B, Rule::Up, b),
            grid(Side::Delta, Rule::Nearest, d),
        ]
    }

    /// The parties of both sides: A's in order, then B's new ones.
    fn member_parties(&self) -> Option<Vec<Party>> {
        let (ma, mb) = self.members.as_ref()?;
        let mut parties: Vec<Party> = ma.allocation.parties.clone();
        for p in &mb.allocation.parties {
            if !parties.iter().any(|q| q.id == p.id) {
                parties.push(p.clone());
            }
        }
        Some(parties)
    }

    /// The parties of both sides ([`Self::member_parties`]) and each side's cost by
    /// party over the union of periods, from `cells` of each side's [`Members`] (parties ×
    /// its periods), `zero` where a side has no such party or period.
    fn member_cells<T: Clone>(
        &self,
        cells: impl Fn(&Members) -> Vec<Vec<T>>,
        zero: fn() -> T,
    ) -> Option<SidesOf<T>> {
        let (ma, mb) = self.members.as_ref()?;
        let parties = self.member_parties()?;
        let side = |m: &Members, index: fn(&PeriodPair) -> Option<usize>| {
            let own = cells(m);
            parties
                .iter()
                .map(|party| {
                    let row = m.allocation.parties.iter().position(|q| q.id == party.id);
                    self.periods
                        .iter()
                        .map(|pp| match (row, index(pp)) {
                            (Some(r), Some(j)) => own[r][j].clone(),
                            _ => zero(),
                        })
                        .collect()
                })
                .collect()
        };
        let a = side(ma, |p| p.a);
        let b = side(mb, |p| p.b);
        Some((parties, [a, b]))
    }

    /// The comparison as a report.
    pub fn report(&self) -> Report {
        let grids = self.grids();
        let at = |what, side| {
            At(grids
                .iter()
                .position(|g| g.id == GridId::side(what, side))
                .unwrap_or(0))
        };
        let cost = [Side::A, Side::B, Side::Delta].map(|s| at(What::CostByFunder, s));
        let fte = [Side::A, Side::B, Side::Delta].map(|s| at(What::Fte, s));
        let mut blocks = vec![
            Block::Table(self.cost_table(fte, cost)),
            Block::Table(self.funder_table(cost)),
            Block::Table(self.funders_table(at)),
        ];
        let window = self.window();
        blocks.extend(self.funders.iter().enumerate().map(|(i, f)| {
            Block::Sentence(Sentence::Pays {
                funder: f.name.clone(),
                a: cost[0].row_total(i),
                b: cost[1].row_total(i),
                delta: cost[2].row_total(i),
                from: window.from,
                to: window.to,
            })
        }));
        if grids.iter().any(|g| g.id.what == What::CostByMember) {
            blocks.extend(self.member_tables(&grids, |s| at(What::CostByMember, s)));
        }
        blocks.push(Block::Table(self.changes_table()));
        let chart = Chart {
            title: Text::Titled(Term::CostByFunderAB, None),
            after: Text::Term(Term::CostByFunderShort),
            series: self
                .funders
                .iter()
                .map(|f| Text::Plain(f.name.clone()))
                .collect(),
            groups: self
                .periods
                .iter()
                .enumerate()
                .map(|(j, p)| {
                    let bar = |side: Side, g: At| Bar {
                        label: Text::Side(side),
                        values: (0..self.funders.len()).map(|f| g.cell(f, j)).collect(),
                    };
                    (
                        Text::Period(p.key),
                        vec![bar(Side::A, cost[0]), bar(Side::B, cost[1])],
                    )
                })
                .collect(),
        };
        let notes = side_notes(&self.a, &self.b);
        let identities = [What::Fte, What::CostByFunder, What::CostByMember]
            .map(|what| Identity::Difference {
                result: GridId::side(what, Side::Delta),
                plus: GridId::side(what, Side::B),
                minus: GridId::side(what, Side::A),
            })
            .to_vec();
        Report {
            head: Head::Comparison(self.head()),
            grids,
            identities,
            page: Page {
                title: Some(Text::Join(
                    vec![
                        Text::Term(Term::Comparison),
                        Text::Join(
                            vec![
                                Text::Plain(self.a.name.clone()),
                                Text::Plain(self.b.name.clone()),
                            ],
                            " → ",
                        ),
                    ],
                    ": ",
                )),
                lines: self.lines(),
                blocks,
                notes,
                chart: Some(chart),
            },
        }
    }

    fn head(&self) -> ComparisonHead {
        let named = |s: &Scenario| (s.name.clone(), s.file.display().to_string());
        ComparisonHead {
            a: named(&self.a),
            b: named(&self.b),
            short: (self.a.short() != self.b.short())
                .then(|| (self.a.short().to_string(), self.b.short().to_string())),
            by: self.by(),
            window: self.window(),
            window_mode: match self.windows {
                None => "same",
                Some((_, _, Window::Common)) => "common",
                Some((_, _, Window::Union)) => "union",
            },
            members: self.members.as_ref().and_then(|(ma, _)| {
                let parties = self.member_parties()?;
                Some(MembersHead {
                    mode: ma.allocation.mode,
                    precision: ma.precision,
                    parties,
                })
            }),
            changes: self.changes.clone(),
            bridge: None,
        }
    }

    fn lines(&self) -> Vec<Text> {
        let prices = self.pa.prices;
        // Each scenario's own window, whatever the days compared.
        let own = |side: Side, s: &Scenario| match (self.windows, side) {
            (Some((a, _, _)), Side::A) => a,
            (Some((_, b, _)), _) => b,
            (None, _) => s.window,
        };
        let line = |side: Side, s: &Scenario| Text::Scenario {
            side,
            name: s.name.clone(),
            file: s.file.display().to_string(),
            from: own(side, s).from,
            to: own(side, s).to,
            prices: s.indexation.as_ref().map(|ix| (prices, ix.base_year)),
        };
        let mut lines = vec![line(Side::A, &self.a), line(Side::B, &self.b)];
        if let Some((a, b, mode)) = self.windows {
            let w = self.window();
            lines.push(Text::Windows {
                a: (a.from, a.to),
                b: (b.from, b.to),
                compared: (w.from, w.to),
                common: mode == Window::Common,
            });
        }
        lines.push(Text::Join(
            vec![
                Text::By(self.by(), true),
                Text::AmountsIn,
                Text::Term(Term::DifferencesAreBMinusA),
            ],
            " · ",
        ));
        lines
    }

    /// Cost by party in A, in B, and B − A, when members are asked for.
    fn member_tables(&self, grids: &[Grid], at: impl Fn(Side) -> At) -> Vec<Block<Fig>> {
        let Some((ma, _)) = &self.members else {
            return Vec::new();
        };
        let (title, short) = super::scenario::member_terms(ma.allocation.mode);
        let unit = ma.precision.unit();
        let many = self.periods.len() > 1;
        let mut blocks = Vec::new();
        for side in [Side::A, Side::B, Side::Delta] {
            blocks.push(Block::Table(super::scenario::grid_table(
                Text::TitledSide(title, side, Some(unit)),
                Text::TermSide(short, side),
                Term::Payer,
                grids,
                at(side),
                many,
                true,
            )));
        }
        let mut seen = Vec::new();
        for s in [&*self.a, &*self.b] {
            if let Some(sentence) = super::scenario::keys_sentence(s).filter(|k| !seen.contains(k))
            {
                seen.push(sentence.clone());
                blocks.push(Block::Sentence(sentence));
            }
        }
        blocks
    }

    fn cost_table(&self, fte: [At; 3], cost: [At; 3]) -> Table<Fig> {
        let head = vec![
            Text::Term(Term::Period),
            Text::TermSide(Term::Fte, Side::A),
            Text::TermSide(Term::Fte, Side::B),
            Text::TermSide(Term::Fte, Side::Delta),
            Text::TermSide(Term::Cost, Side::A),
            Text::TermSide(Term::Cost, Side::B),
            Text::TermSide(Term::Cost, Side::Delta),
        ];
        let n = self.periods.len();
        let row = |label: Text, col: Option<usize>, total: bool| {
            let fte_of = |g: At| g.at(Some(0), col);
            let cost_of = |g: At| g.at(None, col);
            let sum = total.then_some(Calc::SumColumn { from: 0, to: n });
            let cells = vec![
                Cell::Text(label),
                Cell::figure(fte_of(fte[0])),
                Cell::figure(fte_of(fte[1])),
                Cell::calc(fte_of(fte[2]), Calc::ColumnDiff { plus: 2, minus: 1 }),
                Cell::Figure {
                    figure: cost_of(cost[0]),
                    calc: sum,
                },
                Cell::Figure {
                    figure: cost_of(cost[1]),
                    calc: sum,
                },
                Cell::calc(cost_of(cost[2]), Calc::ColumnDiff { plus: 5, minus: 4 }),
            ];
            Row { cells, total }
        };
        let mut rows: Vec<Row<Fig>> = self
            .periods
            .iter()
            .enumerate()
            .map(|(j, p)| row(Text::Period(p.key), Some(j), false))
            .collect();
        if n > 1 {
            rows.push(row(Text::Term(Term::Total), None, true));
        }
        Table {
            title: Text::Titled(Term::FteAndCost, None),
            name: Text::Term(Term::FteAndCost),
            head,
            rows,
            rounding_note: false,
        }
    }

    fn funder_table(&self, grids: [At; 3]) -> Table<Fig> {
        let many = self.periods.len() > 1;
        let mut head = vec![Text::Term(Term::Funder), Text::Plain(String::new())];
        head.extend(self.periods.iter().map(|p| Text::Period(p.key)));
        if many {
            head.push(Text::Term(Term::Total));
        }
        let n = self.periods.len();
        let mut rows = Vec::new();
        for (i, funder) in self.funders.iter().enumerate() {
            for (k, side) in [Side::A, Side::B, Side::Delta].into_iter().enumerate() {
                let g = grids[k];
                let name = if k == 0 { funder.name.as_str() } else { "" };
                // B − A is a difference of the two rows above, in every column.
                let here = rows.len();
                let diff = (k == 2).then(|| Calc::RowDiff {
                    plus: here - 1,
                    minus: here - 2,
                });
                let mut cells = vec![Cell::text(name), Cell::Text(Text::Side(side))];
                cells.extend((0..n).map(|j| Cell::Figure {
                    figure: g.cell(i, j),
                    calc: diff,
                }));
                if many {
                    cells.push(Cell::Figure {
                        figure: g.row_total(i),
                        calc: diff.or(Some(Calc::SumRow { from: 2, to: n + 2 })),
                    });
                }
                rows.push(Row {
                    cells,
                    total: k == 2,
                });
            }
        }
        // All funders together, in A, in B and B − A: the column totals of the cost grids.
        for (k, side) in [Side::A, Side::B, Side::Delta].into_iter().enumerate() {
            let g = grids[k];
            let here = rows.len();
            let diff = (k == 2).then(|| Calc::RowDiff {
                plus: here - 1,
                minus: here - 2,
            });
            let label = if k == 0 {
                Cell::Text(Text::Term(Term::Total))
            } else {
                Cell::text("")
            };
            let mut cells = vec![label, Cell::Text(Text::Side(side))];
            cells.extend((0..n).map(|j| Cell::Figure {
                figure: g.at(None, Some(j)),
                calc: diff,
            }));
            if many {
                cells.push(Cell::Figure {
                    figure: g.at(None, None),
                    calc: diff.or(Some(Calc::SumRow { from: 2, to: n + 2 })),
                });
            }
            rows.push(Row { cells, total: true });
        }
        Table {
            title: Text::Titled(Term::CostByFunder, None),
            name: Text::Term(Term::CostByFunderShort),
            head,
            rows,
            rounding_note: false,
        }
    }

    /// Each funder over the whole window: cost, funding, balance, and what it must still
    /// find, in A, in B, and B − A.
    fn funders_table(&self, at: impl Fn(What, Side) -> At) -> Table<Fig> {
        let head = vec![
            Text::Term(Term::Funder),
            Text::Plain(String::new()),
            Text::Side(Side::A),
            Text::Side(Side::B),
            Text::Side(Side::Delta),
        ];
        let measures = [
            (What::CostByFunder, Term::Cost),
            (What::FundingByFunder, Term::Funding),
            (What::BalanceByFunder, Term::BalanceShort),
            (What::StillToFind, Term::StillToFindShort),
        ];
        let mut rows = Vec::new();
        for (i, funder) in self.funders.iter().enumerate() {
            for (k, (what, term)) in measures.into_iter().enumerate() {
                let name = if k == 0 { funder.name.as_str() } else { "" };
                let figure = |side| match what {
                    What::StillToFind => at(what, side).cell(i, 0),
                    _ => at(what, side).row_total(i),
                };
                rows.push(Row::new(vec![
                    Cell::text(name),
                    Cell::Text(Text::Term(term)),
                    Cell::figure(figure(Side::A)),
                    Cell::figure(figure(Side::B)),
                    Cell::calc(figure(Side::Delta), Calc::ColumnDiff { plus: 3, minus: 2 }),
                ]));
            }
        }
        Table {
            title: Text::Titled(Term::FundersOverWindow, None),
            name: Text::Term(Term::FundersOverWindowShort),
            head,
            rows,
            rounding_note: false,
        }
    }

    fn changes_table(&self) -> Table<Fig> {
        let head = vec![
            Text::Term(Term::What),
            Text::Term(Term::Id),
            Text::Term(Term::Change),
            Text::Side(Side::A),
            Text::Side(Side::B),
        ];
        let none = || Text::Plain("–".to_string());
        let mut rows = Vec::new();
        for c in &self.changes {
            let mut row = |what: Text, a: Text, b: Text| {
                rows.push(Row::new(vec![
                    Cell::Text(Text::Kind(c.kind)),
                    Cell::text(c.id.as_str()),
                    Cell::Text(what),
                    Cell::Text(a),
                    Cell::Text(b),
                ]));
            };
            match &c.what {
                ChangeKind::Added(fields) => row(
                    Text::Term(Term::Added),
                    none(),
                    Text::Entry(c.kind, fields.clone()),
                ),
                ChangeKind::Removed(fields) => row(
                    Text::Term(Term::Removed),
                    Text::Entry(c.kind, fields.clone()),
                    none(),
                ),
                ChangeKind::Changed(fields) => {
                    for f in fields {
                        let show = |v: &Option<Value>| v.clone().map_or_else(none, Text::Value);
                        row(Text::Field(f.field.clone()), show(&f.a), show(&f.b));
                    }
                }
            }
        }
        if rows.is_empty() {
            rows.push(Row::new(vec![
                Cell::text("–"),
                Cell::text("–"),
                Cell::Text(Text::Term(Term::NoDifferences)),
                Cell::Blank,
                Cell::Blank,
            ]));
        }
        Table {
            title: Text::Term(Term::WhatDiffers),
            name: Text::Term(Term::Differences),
            head,
            rows,
            rounding_note: false,
        }
    }
}

fn pair_periods(a: &[Figures], b: &[Figures]) -> Vec<PeriodPair> {
    let mut pairs: Vec<PeriodPair> = Vec::new();
    // By period, not by a scan: a window of centuries by month has a million periods.
    let mut index: std::collections::HashMap<PeriodKey, usize> = std::collections::HashMap::new();
    for (side, figures) in [(0, a), (1, b)] {
        for (i, f) in figures.iter().enumerate() {
            let k = *index.entry(f.period.key).or_insert_with(|| {
                pairs.push(PeriodPair {
                    key: f.period.key,
                    start: f.period.start,
                    end: f.period.end,
                    a: None,
                    b: None,
                });
                pairs.len() - 1
            });
            let pair = &mut pairs[k];
            pair.start = pair.start.min(f.period.start);
            pair.end = pair.end.max(f.period.end);
            if side == 0 {
                pair.a = Some(i);
            } else {
                pair.b = Some(i);
            }
        }
    }
    pairs.sort_by_key(|p| p.start);
    pairs
}

fn pair_funders(a: &Scenario, b: &Scenario) -> Vec<FunderPair> {
    let mut pairs: Vec<FunderPair> = a
        .funders
        .iter()
        .enumerate()
        .map(|(i, f)| FunderPair {
            id: f.id.clone(),
            name: f.name.clone(),
            a: Some(i),
            b: b.funder_index(&f.id),
        })
        .collect();
    for (i, f) in b.funders.iter().enumerate() {
        if a.funder_index(&f.id).is_none() {
            pairs.push(FunderPair {
                id: f.id.clone(),
                name: f.name.clone(),
                a: None,
                b: Some(i),
            });
        }
    }
    pairs
}

/// The notes of A and then B's that A lacks; where both say something different about the
/// same funder, post or key, each note says whose it is (`Business Region North Denmark:
/// Status quo: …`), so that a reader of the paper knows which setup it describes. (Sources
/// are left as they are: a board's paper leaves them out.)
fn side_notes(a: &crate::model::Scenario, b: &crate::model::Scenario) -> Vec<Text> {
    let (na, nb) = (super::scenario::notes(a), super::scenario::notes(b));
    // The subject and the note's own words, where the note has some.
    let note = |t: &Text| match t {
        Text::Join(outer, ": ") if outer.len() == 2 => match &outer[1] {
            Text::Join(parts, " ") => match parts.first() {
                Some(Text::Plain(words)) => Some((outer[0].clone(), words.clone())),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    };
    let labelled = |t: &Text, s: &crate::model::Scenario| match t {
        Text::Join(outer, ": ") if outer.len() == 2 => match &outer[1] {
            Text::Join(parts, " ") => {
                let mut parts = parts.clone();
                if let Some(Text::Plain(words)) = parts.first_mut() {
                    *words = format!("{}: {words}", s.short());
                }
                Text::Join(vec![outer[0].clone(), Text::Join(parts, " ")], ": ")
            }
            _ => t.clone(),
        },
        _ => t.clone(),
    };
    let differs = |n: &Text, others: &[Text]| match note(n) {
        Some((subject, words)) if a.short() != b.short() => others
            .iter()
            .filter_map(&note)
            .any(|(s, w)| s == subject && w != words),
        _ => false,
    };
    let mut out = Vec::new();
    for n in &na {
        out.push(if differs(n, &nb) {
            labelled(n, a)
        } else {
            n.clone()
        });
    }
    for n in &nb {
        if !na.contains(n) {
            out.push(if differs(n, &na) {
                labelled(n, b)
            } else {
                n.clone()
            });
        }
    }
    out
}
