//! The values of a scenario the what-if panel can change: every number and date that
//! `--set` reaches (FTE, cost per FTE, dates, funding amounts, shares, indexation rates), each
//! with its path, the entry's name and the value as `--set` writes it.

use serde::Serialize;

use crate::i18n::{Lang, View};
use crate::model::{Flow, PaidBy, Scenario};
use crate::msg::Msg;
use crate::num::{Rational, Unit};
use crate::report::text::Text;

/// What kind of value a field holds, for the control that edits it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Kroner, to the øre.
    Money,
    Fte,
    /// Who pays an entry split between funders, as `--set` takes it: an inline table of
    /// shares (`{ region = "1/3", brn = "2/3" }`), edited as text.
    Shares,
    /// A yearly rise: 0.03 is 3 %.
    Rate,
    Date,
}

/// One value the panel shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    /// As `--set` names it: `posts.joint-municipal-post.annual_cost_per_fte`.
    pub path: String,
    /// The group it is shown in: posts, costs, funding, indexation, scenario.
    pub group: &'static str,
    /// The entry's name, as the report calls it.
    pub entry: String,
    /// The field, in the language of the page.
    pub label: String,
    pub kind: Kind,
    /// The value in the file, as `--set` writes it: `800000`, `1`, `2/3`, `2023-07-01`.
    pub value: String,
    /// The range a slider covers; a typed value may go beyond it.
    pub min: String,
    pub max: String,
    pub step: String,
}

/// A rational as `--set` reads it: a decimal where it has at most six places, else a fraction.
fn written(v: Rational) -> String {
    crate::whatif::sensitivity::setting_text(crate::whatif::sensitivity::Setting::Number(v))
}

/// The slider of a number: from 0 (a rate from −10 %) to twice the value, at least `floor`,
/// its ends in thousandths so that a slider can take them.
fn number(value: Rational, kind: Kind) -> (String, String, String, String) {
    let (floor, step) = match kind {
        Kind::Money => (Rational::from_integer(1_000_000), "1000"),
        Kind::Fte => (Rational::from_integer(2), "0.05"),
        Kind::Rate => (Rational::new(1, 10), "0.001"),
        Kind::Date | Kind::Shares => (Rational::from_integer(0), "1"),
    };
    let max = (value * Rational::from_integer(2)).max(floor);
    let thousandths = Rational::from_integer(1000);
    let max = (max * thousandths).ceil() / thousandths;
    let min = match kind {
        Kind::Rate => -Rational::new(1, 10).max(-value),
        _ => Rational::from_integer(0),
    };
    let min = (min * thousandths).floor() / thousandths;
    (written(value), written(min), written(max), step.to_string())
}

struct Fields<'a> {
    out: Vec<Field>,
    view: View,
    s: &'a Scenario,
}

impl Fields<'_> {
    fn label(&self, field: &str) -> String {
        self.view.text(&Text::Field(field.to_string()))
    }

    fn number(
        &mut self,
        group: &'static str,
        entry: &str,
        path: String,
        field: &str,
        v: Rational,
        kind: Kind,
    ) {
        let (value, min, max, step) = number(v, kind);
        self.out.push(Field {
            path,
            group,
            entry: entry.to_string(),
            label: self.label(field),
            kind,
            value,
            min,
            max,
            step,
        });
    }

    fn date(
        &mut self,
        group: &'static str,
        entry: &str,
        path: String,
        field: &str,
        d: jiff::civil::Date,
    ) {
        let w = self.s.window;
        self.out.push(Field {
            path,
            group,
            entry: entry.to_string(),
            label: self.label(field),
            kind: Kind::Date,
            value: d.to_string(),
            min: w.from.to_string(),
            max: w.to.to_string(),
            step: "1".to_string(),
        });
    }

    fn flow(&mut self, group: &'static str, list: &str, id: &str, name: &str, flow: Flow) {
        match flow {
            Flow::Annual { annual, range } => {
                self.number(
                    group,
                    name,
                    format!("{list}.{id}.annual"),
                    "annual",
                    annual.rational(),
                    Kind::Money,
                );
                self.date(group, name, format!("{list}.{id}.from"), "from", range.from);
                self.date(group, name, format!("{list}.{id}.to"), "to", range.to);
            }
            Flow::OneOff { amount, date } => {
                self.number(
                    group,
                    name,
                    format!("{list}.{id}.amount"),
                    "amount",
                    amount.rational(),
                    Kind::Money,
                );
                self.date(group, name, format!("{list}.{id}.date"), "date", date);
            }
        }
    }

    /// Who pays an entry paid by more than one funder, where the entry says so itself: one
    /// value, `paid_by`, an inline table of shares (as `--set` takes it, and a variant
    /// writes it).
    fn shares(
        &mut self,
        group: &'static str,
        list: &str,
        id: &str,
        name: &str,
        paid: &PaidBy,
        own: bool,
    ) {
        if !own || paid.0.len() < 2 {
            return;
        }
        let shares: Vec<String> = paid
            .0
            .iter()
            .map(|(funder, share)| {
                let id = &self.s.funders[*funder].id;
                format!("{id} = \"{}\"", written(share.rational()))
            })
            .collect();
        self.out.push(Field {
            path: format!("{list}.{id}.paid_by"),
            group,
            entry: name.to_string(),
            label: self.label("paid_by"),
            kind: Kind::Shares,
            value: format!("{{ {} }}", shares.join(", ")),
            min: String::new(),
            max: String::new(),
            step: String::new(),
        });
    }
}

/// Every value of `s` the panel can change, in the order of the file: the window, the posts,
/// the other costs, the funding, the indexation.
pub fn fields(s: &Scenario, lang: Lang) -> Vec<Field> {
    let mut f = Fields {
        out: Vec::new(),
        view: View {
            lang,
            unit: Unit::Kr,
        },
        s,
    };
    let name = Msg::UiScenarioGroup.render(lang);
    f.date(
        "scenario",
        &name,
        "scenario.start".into(),
        "start",
        s.window.from,
    );
    f.date("scenario", &name, "scenario.end".into(), "end", s.window.to);
    for p in &s.posts {
        let path = |field: &str| format!("posts.{}.{field}", p.id);
        f.number(
            "posts",
            &p.title,
            path("fte"),
            "fte",
            p.fte.rational(),
            Kind::Fte,
        );
        f.number(
            "posts",
            &p.title,
            path("annual_cost_per_fte"),
            "annual_cost_per_fte",
            p.annual_cost_per_fte.rational(),
            Kind::Money,
        );
        f.date("posts", &p.title, path("from"), "from", p.range.from);
        f.date("posts", &p.title, path("to"), "to", p.range.to);
        f.shares(
            "posts",
            "posts",
            &p.id,
            &p.title,
            &p.paid_by,
            !p.paid_by_default,
        );
    }
    for c in &s.costs {
        f.flow("costs", "costs", &c.id, &c.name, c.flow);
        f.shares(
            "costs",
            "costs",
            &c.id,
            &c.name,
            &c.paid_by,
            !c.paid_by_default,
        );
    }
    for g in &s.funding {
        f.flow("funding", "funding", &g.id, &g.name, g.flow);
    }
    if let Some(ix) = &s.indexation {
        let name = Msg::UiIndexation.render(lang);
        for (index, rates) in [("wages", &ix.wages), ("prices", &ix.prices)] {
            for (year, rate) in rates {
                f.number(
                    "indexation",
                    &name,
                    format!("indexation.{index}.{year}"),
                    &format!("{index}.{year}"),
                    *rate,
                    Kind::Rate,
                );
            }
        }
    }
    f.out
}

/// The funding amounts `solve` can vary to answer "what must this funder set aside?": each
/// funding entry's amount, with its funder's and its own name.
pub fn solvable(s: &Scenario) -> Vec<(String, String, String)> {
    s.funding
        .iter()
        .map(|g| {
            let field = match g.flow {
                Flow::Annual { .. } => "annual",
                Flow::OneOff { .. } => "amount",
            };
            (
                format!("funding.{}.{field}", g.id),
                s.funders[g.funder].name.clone(),
                g.name.clone(),
            )
        })
        .collect()
}
