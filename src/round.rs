//! Controlled rounding: exact figures rounded to whole display units so that printed tables
//! add up, down the columns and across the rows.
//!
//! Rounding each figure on its own makes totals that are off by one from the sum of their
//! parts. Here a table is rounded as a whole: every shown value — cell, row total, column
//! total and grand total — is its exact value rounded down or up to a whole unit (exact values
//! stay exact), and the shown cells add up to the shown totals both ways. Among all roundings
//! with that property, the one chosen is nearest to the exact figures, the grand total weighing
//! most, then row and column totals, then cells; ties fall to the lower value, in table order.
//! This is the classic controlled rounding of two-way tables (Cox and Ernst, 1982), solved as
//! a minimum-cost circulation, which always has a solution.
//!
//! A [`Chain`] may also stack a second group of rows under the same columns, as the cost of
//! each post and the cost borne by each funder share the cost of each period: both tables then
//! show the same column totals.

use num_rational::Ratio;
use num_traits::{Signed, Zero};

use crate::num::Rational;

/// Figures to round together, in display units (a value of 1 is one unit shown).
#[derive(Debug, Clone, Copy)]
pub struct Chain<'a> {
    /// Rows × columns.
    pub upper: &'a [Vec<Rational>],
    /// Optional second rows × the same columns, with the same column sums as `upper`.
    pub lower: Option<&'a [Vec<Rational>]>,
    /// How many columns (needed when there are no rows).
    pub columns: usize,
    /// Groups of consecutive columns that add up on their own, coarsest level first (years,
    /// then half-years, for columns of months): `groups[level][column]` is the column's group.
    /// Every row's run of columns in a group adds up to within one unit of its exact sum.
    pub groups: &'a [Vec<usize>],
}

/// The rounded figures, in whole display units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rounded {
    pub upper: Vec<Vec<i128>>,
    pub upper_rows: Vec<i128>,
    pub lower: Vec<Vec<i128>>,
    pub lower_rows: Vec<i128>,
    pub columns: Vec<i128>,
    pub total: i128,
}

/// Rounds one table: rows × columns.
pub fn table(cells: &[Vec<Rational>], columns: usize, groups: &[Vec<usize>]) -> Option<Rounded> {
    chain(Chain {
        upper: cells,
        lower: None,
        columns,
        groups,
    })
}

/// Above this many cells (far beyond a printed page) tables are not rounded as a whole: the
/// exact method's time grows faster than the table.
pub const LARGE: usize = 20_000;

/// Rounds a chain as a whole, every shown value its exact value rounded down or up; `None`
/// when it has more than [`LARGE`] cells (the caller then rounds each figure on its own).
pub fn chain(c: Chain) -> Option<Rounded> {
    let cells = c.upper.len() * c.columns + c.lower.map_or(0, |l| l.len() * c.columns);
    if cells > LARGE {
        return None;
    }
    flow(c)
}

fn floor(r: &Rational) -> i128 {
    r.floor().to_integer()
}

fn frac(r: &Rational) -> Rational {
    r - r.floor()
}

/// The cost, in whole numbers, of rounding `v` up instead of down: positive when down is
/// nearer, negative when up is. An exact half goes away from zero.
fn cost(v: &Rational, weight: i64) -> i64 {
    let e = frac(v);
    // (1 - e) - e, scaled to 2^24: exact enough to order any two choices that differ.
    let scaled = (Ratio::from_integer(1) - e * 2) * Ratio::from_integer(1 << 24);
    let mut c = i64::try_from(scaled.round().to_integer()).unwrap_or(0);
    if c == 0 {
        c = if v.is_negative() { 1 } else { -1 };
    }
    c * weight
}

#[derive(Debug, Clone)]
struct Edge {
    to: usize,
    cap: i64,
    cost: i64,
}

/// A small min-cost circulation solver for graphs whose edges carry at most one optional unit.
struct Network {
    edges: Vec<Edge>,
    adj: Vec<Vec<usize>>,
    balance: Vec<i64>,
}

impl Network {
    fn new(nodes: usize) -> Self {
        Network {
            edges: Vec::new(),
            adj: vec![Vec::new(); nodes],
            balance: vec![0; nodes],
        }
    }

    /// A new node.
    fn node(&mut self) -> usize {
        self.adj.push(Vec::new());
        self.balance.push(0);
        self.adj.len() - 1
    }

    fn edge(&mut self, from: usize, to: usize, cap: i64, cost: i64) -> usize {
        let id = self.edges.len();
        self.edges.push(Edge { to, cap, cost });
        self.edges.push(Edge {
            to: from,
            cap: 0,
            cost: -cost,
        });
        self.adj[from].push(id);
        self.adj[to].push(id + 1);
        id
    }

    /// An edge that must carry `lower` units and may carry one more at `cost`, if `optional`.
    /// The optional unit is taken at once when it is cheaper to take: the flow starts at the
    /// nearest rounding. Returns the edge.
    fn add(&mut self, from: usize, to: usize, lower: i64, optional: bool, cost: i64) -> usize {
        self.balance[from] -= lower;
        self.balance[to] += lower;
        let id = self.edge(from, to, i64::from(optional), cost);
        if optional && cost < 0 {
            self.push(id, 1);
        }
        id
    }

    fn from(&self, id: usize) -> usize {
        self.edges[id ^ 1].to
    }

    fn push(&mut self, id: usize, units: i64) {
        let (from, to) = (self.from(id), self.edges[id].to);
        self.edges[id].cap -= units;
        self.edges[id ^ 1].cap += units;
        self.balance[from] -= units;
        self.balance[to] += units;
    }

    /// Units gone along an edge beyond its lower bound.
    fn flow(&self, id: usize) -> i64 {
        self.edges[id ^ 1].cap
    }

    /// Moves every excess to a deficit along cheapest paths; the result is a cheapest
    /// circulation. `false` if some excess cannot be moved.
    ///
    /// Primal–dual: Dijkstra from a super source on costs reduced by node potentials (never
    /// negative), then as many units as fit along paths of reduced cost 0, repeated. Each
    /// round moves every unit that can go at the current cheapest cost.
    fn settle(&mut self) -> bool {
        let n = self.adj.len();
        let (source, sink) = (n, n + 1);
        self.adj.push(Vec::new());
        self.adj.push(Vec::new());
        self.balance.extend([0, 0]);
        let mut need = 0;
        for v in 0..n {
            let b = self.balance[v];
            if b > 0 {
                self.edge(source, v, b, 0);
                need += b;
            } else if b < 0 {
                self.edge(v, sink, -b, 0);
            }
        }
        let nodes = n + 2;
        // Every residual edge has a cost ≥ 0 after the cheap units were taken, so potentials
        // start at 0.
        let mut potential = vec![0i64; nodes];
        let mut moved = 0;
        while moved < need {
            let mut dist = vec![i64::MAX; nodes];
            dist[source] = 0;
            let mut heap = std::collections::BinaryHeap::new();
            heap.push(std::cmp::Reverse((0i64, source)));
            while let Some(std::cmp::Reverse((d, v))) = heap.pop() {
                if d > dist[v] {
                    continue;
                }
                for &id in &self.adj[v] {
                    let e = &self.edges[id];
                    if e.cap <= 0 {
                        continue;
                    }
                    let nd = d + e.cost + potential[v] - potential[e.to];
                    if nd < dist[e.to] {
                        dist[e.to] = nd;
                        heap.push(std::cmp::Reverse((nd, e.to)));
                    }
                }
            }
            if dist[sink] == i64::MAX {
                return false;
            }
            // Unreached nodes move by the farthest distance, keeping reduced costs ≥ 0.
            let far = dist
                .iter()
                .filter(|d| **d < i64::MAX)
                .max()
                .copied()
                .unwrap_or(0);
            for v in 0..nodes {
                potential[v] += if dist[v] < i64::MAX { dist[v] } else { far };
            }
            // Push along edges of reduced cost 0, depth first, until none reaches the sink.
            let mut next = vec![0usize; nodes];
            let pushed = self.blocking(source, sink, &potential, &mut next);
            if pushed == 0 {
                return false;
            }
            moved += pushed;
        }
        true
    }

    /// Units pushed from `source` to `sink` along edges whose reduced cost is 0, one path at
    /// a time, skipping edges that lead nowhere (`next` remembers where each node got to).
    fn blocking(
        &mut self,
        source: usize,
        sink: usize,
        potential: &[i64],
        next: &mut [usize],
    ) -> i64 {
        let mut pushed = 0;
        loop {
            let mut path: Vec<usize> = Vec::new();
            let mut v = source;
            let mut on_path = vec![false; self.adj.len()];
            on_path[source] = true;
            loop {
                if v == sink {
                    break;
                }
                let mut advanced = false;
                while next[v] < self.adj[v].len() {
                    let id = self.adj[v][next[v]];
                    let e = &self.edges[id];
                    if e.cap > 0 && !on_path[e.to] && e.cost + potential[v] - potential[e.to] == 0 {
                        path.push(id);
                        v = e.to;
                        on_path[v] = true;
                        advanced = true;
                        break;
                    }
                    next[v] += 1;
                }
                if !advanced {
                    // A dead end: step back and do not try this edge again.
                    let Some(id) = path.pop() else {
                        return pushed;
                    };
                    on_path[v] = false;
                    v = self.from(id);
                    next[v] += 1;
                }
            }
            for &id in &path {
                self.push(id, 1);
            }
            pushed += 1;
        }
    }
}

/// For each cell of a row, whether rounding the row's running total rounds this cell up:
/// the difference of the rounded running totals before and after it. Rounded so, any run of
/// consecutive cells adds up to its own rounded sum (twelve months to their year).
fn running_preference(row: &[Rational]) -> Vec<bool> {
    let mut before = Rational::from_integer(0);
    row.iter()
        .map(|v| {
            let after = before + v;
            // `round` takes exact halves away from zero.
            let shown = after.round().to_integer() - before.round().to_integer();
            before = after;
            shown > floor(v)
        })
        .collect()
}

/// The cost of rounding a cell up: its distance from the exact value against rounding it down
/// (so each cell keeps to its nearest rounding where the totals allow), and by one more unit
/// the way its row's running total rounds it. Equal values thus cost alike and are rounded
/// alike unless the totals need some of them the other way; those that must go the other
/// way are the ones the running total picks, spread along the row (months of 66,666.67 kr.
/// as 66,667, 66,667, 66,666, …) rather than bunched at one end.
fn preference(v: &Rational, up: bool) -> i64 {
    cost(v, W_CELL) * 4 + if up { -1 } else { 1 }
}

/// Which way a row's flow runs through its groups: from the row down to its cells (the
/// upper rows of a chain), or from its cells up to the row (the lower rows).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Flow {
    Down,
    Up,
}

/// A line (row, group, column, grand total) whose cells' fractions add up to `e` takes ⌊e⌋
/// extra units over the cells' floors, and may take one more.
fn line(net: &mut Network, from: usize, to: usize, e: Rational, cost: i64) {
    net.add(from, to, floor(&e) as i64, !frac(&e).is_zero(), cost);
}

/// The exact sum of a row and the sum of its fractions.
fn sums(r: &[Rational]) -> (Rational, Rational) {
    (r.iter().sum(), r.iter().map(frac).sum())
}

/// The nodes of a row's groups of columns (`groups`, coarsest level first), each joined to its
/// parent by a line of the group's sum; returns, for each column, the node its cell joins.
fn tree(
    net: &mut Network,
    root: usize,
    r: &[Rational],
    groups: &[Vec<usize>],
    dir: Flow,
) -> Vec<usize> {
    let mut leaf = vec![root; r.len()];
    for level in groups {
        let mut j = 0;
        while j < r.len() {
            // The columns of this group: a run of equal ids.
            let g = level[j];
            let end = (j..r.len()).find(|&k| level[k] != g).unwrap_or(r.len());
            let parent = leaf[j];
            let node = net.node();
            let (exact, e) = sums(&r[j..end]);
            match dir {
                Flow::Down => line(net, parent, node, e, cost(&exact, W_LINE)),
                Flow::Up => line(net, node, parent, e, cost(&exact, W_LINE)),
            }
            leaf[j..end].fill(node);
            j = end;
        }
    }
    leaf
}

/// The groups of the total row, between the columns and the sink.
fn tree_of_totals(
    net: &mut Network,
    sink: usize,
    exact: &[Rational],
    fracs: &[Rational],
    groups: &[Vec<usize>],
) -> Vec<usize> {
    let mut leaf = vec![sink; exact.len()];
    for level in groups {
        let mut j = 0;
        while j < exact.len() {
            let g = level[j];
            let end = (j..exact.len())
                .find(|&k| level[k] != g)
                .unwrap_or(exact.len());
            let parent = leaf[j];
            let node = net.node();
            let e: Rational = fracs[j..end].iter().sum();
            let sum: Rational = exact[j..end].iter().sum();
            line(net, node, parent, e, cost(&sum, W_LINE));
            leaf[j..end].fill(node);
            j = end;
        }
    }
    leaf
}

/// Weights of the errors: the grand total most, then row and column totals, then cells.
const W_TOTAL: i64 = 1000;
const W_LINE: i64 = 30;
const W_CELL: i64 = 1;

fn flow(c: Chain) -> Option<Rounded> {
    let (s, t) = (0, 1);
    let up = c.upper.len();
    let cols = c.columns;
    let col_in = |j: usize| 2 + up + j;
    let col_out = |j: usize| 2 + up + cols + j;
    // Rows, columns; more nodes (lower rows, groups) are added as they are needed.
    let mut net = Network::new(2 + up + 2 * cols);
    let row = |i: usize| 2 + i;

    let mut upper_edges = Vec::with_capacity(up);
    for (i, r) in c.upper.iter().enumerate() {
        let leaves = tree(&mut net, row(i), r, c.groups, Flow::Down);
        let pref = running_preference(r);
        upper_edges.push(
            r.iter()
                .enumerate()
                .map(|(j, v)| {
                    (!frac(v).is_zero())
                        .then(|| net.add(leaves[j], col_in(j), 0, true, preference(v, pref[j])))
                })
                .collect::<Vec<_>>(),
        );
        let (exact, e) = sums(r);
        line(&mut net, s, row(i), e, cost(&exact, W_LINE));
    }
    // The column totals are a row too (the total row): rounded by their running total.
    let column_exact: Vec<Rational> = (0..cols)
        .map(|j| c.upper.iter().map(|r| r[j]).sum())
        .collect();
    let column_frac: Vec<Rational> = (0..cols)
        .map(|j| c.upper.iter().map(|r| frac(&r[j])).sum())
        .collect();
    let column_up = running_preference(&column_exact);
    for j in 0..cols {
        line(
            &mut net,
            col_in(j),
            col_out(j),
            column_frac[j],
            preference(&column_exact[j], column_up[j]) * W_LINE,
        );
    }
    let grand: (Rational, Rational) = (column_exact.iter().sum(), column_frac.iter().sum());
    let lower_edges = match c.lower {
        None => {
            // The total row's periods group like any row's: each half-year and year of it
            // adds up to its own rounded sum. The columns pass through their groups to the sink.
            let total_row: Vec<Rational> = column_exact.clone();
            let leaves = tree_of_totals(&mut net, t, &total_row, &column_frac, c.groups);
            for (j, leaf) in leaves.iter().enumerate() {
                net.edge(col_out(j), *leaf, i64::MAX / 4, 0);
            }
            Vec::new()
        }
        Some(lower) => {
            let mut edges = Vec::with_capacity(lower.len());
            for r in lower {
                let node = net.node();
                let leaves = tree(&mut net, node, r, c.groups, Flow::Up);
                let pref = running_preference(r);
                edges.push(
                    r.iter()
                        .enumerate()
                        .map(|(j, v)| {
                            (!frac(v).is_zero()).then(|| {
                                net.add(col_out(j), leaves[j], 0, true, preference(v, pref[j]))
                            })
                        })
                        .collect::<Vec<_>>(),
                );
                let (exact, e) = sums(r);
                line(&mut net, node, t, e, cost(&exact, W_LINE));
            }
            // The units are counted above each side's floors, and the lower rows' floors may
            // add up to more (or less) than the upper rows': thirds of 200,000 have floors
            // 66,666 + 66,666 + 66,666 above, but 133,333 + 66,666 below. The difference
            // leaves each column straight for the sink instead of through a lower cell.
            for j in 0..cols {
                let lower_frac: Rational = lower.iter().map(|r| frac(&r[j])).sum();
                let d = column_frac[j] - lower_frac;
                if !d.is_integer() {
                    return None;
                }
                let d = i64::try_from(d.to_integer()).ok()?;
                net.balance[col_out(j)] -= d;
                net.balance[t] += d;
            }
            edges
        }
    };
    line(&mut net, t, s, grand.1, cost(&grand.0, W_TOTAL));
    if !net.settle() {
        return None;
    }

    let pick = |values: &[Vec<Rational>], edges: &[Vec<Option<usize>>]| -> Vec<Vec<i128>> {
        values
            .iter()
            .zip(edges)
            .map(|(r, es)| {
                r.iter()
                    .zip(es)
                    .map(|(v, e)| floor(v) + e.map_or(0, |id| i128::from(net.flow(id))))
                    .collect()
            })
            .collect()
    };
    let upper = pick(c.upper, &upper_edges);
    let lower = c.lower.map_or_else(Vec::new, |l| pick(l, &lower_edges));
    let rounded = assemble(upper, lower, cols);
    // The lower rows meet the same column totals, or the chain was not one.
    let lower_columns: Vec<i128> = (0..cols)
        .map(|j| rounded.lower.iter().map(|r| r[j]).sum())
        .collect();
    (c.lower.is_none() || lower_columns == rounded.columns).then_some(rounded)
}

/// Totals of rounded cells.
fn assemble(upper: Vec<Vec<i128>>, lower: Vec<Vec<i128>>, cols: usize) -> Rounded {
    let upper_rows: Vec<i128> = upper.iter().map(|r| r.iter().sum()).collect();
    let lower_rows: Vec<i128> = lower.iter().map(|r| r.iter().sum()).collect();
    let columns: Vec<i128> = (0..cols)
        .map(|j| upper.iter().map(|r| r[j]).sum())
        .collect();
    let total = columns.iter().sum();
    Rounded {
        upper,
        upper_rows,
        lower,
        lower_rows,
        columns,
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: i128, d: i128) -> Rational {
        Ratio::new(n, d)
    }

    fn adds_up(t: &Rounded) {
        for (row, total) in t.upper.iter().zip(&t.upper_rows) {
            assert_eq!(row.iter().sum::<i128>(), *total);
        }
        for (row, total) in t.lower.iter().zip(&t.lower_rows) {
            assert_eq!(row.iter().sum::<i128>(), *total);
        }
        for (j, c) in t.columns.iter().enumerate() {
            assert_eq!(t.upper.iter().map(|r| r[j]).sum::<i128>(), *c);
            if !t.lower.is_empty() {
                assert_eq!(t.lower.iter().map(|r| r[j]).sum::<i128>(), *c);
            }
        }
        assert_eq!(t.columns.iter().sum::<i128>(), t.total);
    }

    #[test]
    fn a_chain_whose_lower_floors_add_up_to_more_is_still_rounded_exactly() {
        // Status quo by month: three posts of 66,666.67 a month (floors 199,998 together),
        // paid 133,333.33 by BRN and 66,666.67 by the municipalities (floors 199,999).
        let months = 48;
        let items = vec![vec![r(200_000, 3); months]; 3];
        let cost = vec![
            vec![r(400_000, 3); months],
            vec![r(200_000, 3); months],
            vec![r(0, 1); months],
        ];
        let years: Vec<usize> = (0..months).map(|j| j / 12).collect();
        let halves: Vec<usize> = (0..months).map(|j| j / 6).collect();
        for groups in [vec![], vec![years.clone(), halves.clone()]] {
            let t = chain(Chain {
                upper: &items,
                lower: Some(&cost),
                columns: months,
                groups: &groups,
            })
            .unwrap();
            adds_up(&t);
            assert_eq!(t.upper_rows, [3_200_000; 3]);
            assert_eq!(t.lower_rows, [6_400_000, 3_200_000, 0]);
            assert!(t.columns.iter().all(|c| *c == 200_000));
            for (row, yearly) in t.lower.iter().zip([1_600_000, 800_000, 0]) {
                for year in row.chunks(12) {
                    assert_eq!(year.iter().sum::<i128>(), yearly);
                }
            }
        }
    }

    #[test]
    fn thirds_add_up_to_the_whole() {
        // 100 split in thirds: 33.33… each; shown as 33, 33, 34 (or a rotation), total 100.
        let cells = vec![vec![r(100, 3)], vec![r(100, 3)], vec![r(100, 3)]];
        let t = table(&cells, 1, &[]).unwrap();
        adds_up(&t);
        assert_eq!(t.total, 100);
        let mut shown: Vec<i128> = t.upper.iter().map(|r| r[0]).collect();
        shown.sort();
        assert_eq!(shown, [33, 33, 34]);
    }

    #[test]
    fn months_of_a_year_add_up_both_ways() {
        // 800,000 a year by month: 66,666.67 a month, twelve months make exactly 800,000.
        let row = vec![r(200_000, 3); 12];
        let t = table(&[row.clone(), row], 12, &[]).unwrap();
        adds_up(&t);
        assert_eq!(t.upper_rows, [800_000, 800_000]);
        assert_eq!(t.total, 1_600_000);
        // Each month 133,333.33… in all: shown as 133,333 or 133,334.
        assert!(t.columns.iter().all(|c| *c == 133_333 || *c == 133_334));
        assert_eq!(t.columns.iter().filter(|c| **c == 133_334).count(), 4);
    }

    #[test]
    fn each_year_of_months_adds_up_to_its_own_sum() {
        // Two rows of 66,666.67 a month over 30 months: with years as groups, every whole
        // year of each row shows exactly 800,000.
        let row = vec![r(200_000, 3); 30];
        let years: Vec<usize> = (0..30).map(|j| j / 12).collect();
        let t = table(&[row.clone(), row], 30, &[years]).unwrap();
        adds_up(&t);
        for r in &t.upper {
            assert_eq!(r[..12].iter().sum::<i128>(), 800_000);
            assert_eq!(r[12..24].iter().sum::<i128>(), 800_000);
            assert_eq!(r[24..].iter().sum::<i128>(), 400_000);
        }
        assert_eq!(t.columns[..12].iter().sum::<i128>(), 1_600_000);
    }

    #[test]
    fn whole_figures_stay_as_they_are() {
        let cells = vec![vec![r(5, 1), r(7, 1)], vec![r(-2, 1), r(0, 1)]];
        let t = table(&cells, 2, &[]).unwrap();
        assert_eq!(t.upper, [[5, 7], [-2, 0]]);
        assert_eq!(t.total, 10);
    }

    #[test]
    fn every_shown_value_is_a_neighbour_of_its_exact_value() {
        let cells = vec![
            vec![r(1, 2), r(1, 2), r(1, 2)],
            vec![r(1, 2), r(1, 2), r(1, 2)],
            vec![r(3, 10), r(-7, 10), r(9, 10)],
        ];
        let t = table(&cells, 3, &[]).unwrap();
        adds_up(&t);
        for (row, exact) in t.upper.iter().zip(&cells) {
            for (v, e) in row.iter().zip(exact) {
                assert!(Rational::from_integer(*v) - e < r(1, 1));
                assert!(e - Rational::from_integer(*v) < r(1, 1));
            }
        }
        // 3.5 exactly in all: 3 and 4 are equally near.
        assert!(t.total == 3 || t.total == 4);
    }

    #[test]
    fn two_groups_of_rows_share_their_column_totals() {
        // Cost by post and cost by funder: the same period totals in both.
        let posts = vec![vec![r(1, 3), r(2, 3)], vec![r(1, 3), r(2, 3)]];
        let funders = vec![vec![r(1, 2), r(1, 2)], vec![r(1, 6), r(5, 6)]];
        let t = chain(Chain {
            upper: &posts,
            lower: Some(&funders),
            columns: 2,
            groups: &[],
        })
        .unwrap();
        adds_up(&t);
        assert_eq!(t.total, 2);
    }

    /// Every shown value of `t` (cells, row and column totals, the grand total) is its
    /// exact value rounded down or up.
    fn neighbours(t: &Rounded, upper: &[Vec<Rational>], lower: &[Vec<Rational>]) -> bool {
        let near = |shown: i128, exact: Rational| {
            shown == exact.floor().to_integer() || shown == exact.ceil().to_integer()
        };
        let rows_near = |shown: &[Vec<i128>], totals: &[i128], exact: &[Vec<Rational>]| {
            shown
                .iter()
                .zip(totals)
                .zip(exact)
                .all(|((row, total), e)| {
                    row.iter().zip(e).all(|(v, x)| near(*v, *x)) && near(*total, e.iter().sum())
                })
        };
        let columns =
            (0..t.columns.len()).all(|j| near(t.columns[j], upper.iter().map(|r| r[j]).sum()));
        let total = upper.iter().flatten().sum();
        rows_near(&t.upper, &t.upper_rows, upper)
            && rows_near(&t.lower, &t.lower_rows, lower)
            && columns
            && near(t.total, total)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 200, failure_persistence: None, ..Default::default() })]

        /// A chain (items above, funders below, as the cost tables are) is always rounded by
        /// the exact method, whatever the floors on either side add up to.
        #[test]
        fn every_chain_is_rounded_to_neighbours(
            upper_rows in proptest::collection::vec(proptest::collection::vec((0i128..2_000, 1i128..13), 12), 1..5),
            weights in proptest::collection::vec(1i128..5, 1..4),
            halves in proptest::prelude::any::<bool>(),
        ) {
            let upper: Vec<Vec<Rational>> = upper_rows
                .iter()
                .map(|row| row.iter().map(|(n, d)| r(*n, *d)).collect())
                .collect();
            // The lower rows share each column by fixed weights, as funders share a cost.
            let sum: i128 = weights.iter().sum();
            let lower: Vec<Vec<Rational>> = weights
                .iter()
                .map(|w| {
                    (0..12)
                        .map(|j| upper.iter().map(|row| row[j]).sum::<Rational>() * r(*w, sum))
                        .collect()
                })
                .collect();
            let groups: Vec<Vec<usize>> = if halves { vec![(0..12).map(|j| j / 6).collect()] } else { vec![] };
            let c = Chain { upper: &upper, lower: Some(&lower), columns: 12, groups: &groups };
            let t = flow(c);
            proptest::prop_assert!(t.is_some(), "the exact method refused the chain");
            let t = t.unwrap();
            adds_up(&t);
            proptest::prop_assert!(neighbours(&t, &upper, &lower));
        }
    }
}
