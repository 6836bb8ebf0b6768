//! `[actuals]` of a scenario: the export's files and columns, and the rules from its rows to
//! the scenario's entries. Read from the loader's tree, every value with its place, so that
//! each mistake points into the TOML; all of them are found in one go.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::notation::Mark;
use super::rules::{Number, Words};
use crate::diag::{Diagnostic, Sources, Span};
use crate::load::tree::{Entry, Node, Table, Value};
use crate::load::values;
use crate::model::Scenario;
use crate::msg::Msg;
use crate::num::Rational;

/// `[actuals]`, checked.
#[derive(Debug, Clone)]
pub struct Config {
    /// The bookings files, as found relative to the file naming them, with where.
    pub files: Vec<(PathBuf, Span)>,
    pub columns: Columns,
    /// *Default:* told from the header line.
    pub delimiter: Option<u8>,
    /// *Default:* told from the amounts.
    pub decimal: Option<Mark>,
    /// *Default:* UTF-8 where valid, else Windows-1252.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Money received is negative in the export (*default*), or positive.
    pub income_negative: bool,
    /// The first day the bookings cover. *Default:* the scenario's start.
    pub from: Date,
    /// A booking two rules send to different places is an error. *Default:* `false`.
    pub strict: bool,
    pub materiality: Materiality,
    pub rules: Vec<Rule>,
    /// Explanations of deviations by entry or funder id.
    pub explanations: Vec<(String, String)>,
}

/// The export's own names of the columns read.
#[derive(Debug, Clone)]
pub struct Columns {
    pub date: Column,
    /// The amount column, or, where `credit` is given, the debit column: the amount is then
    /// debit − credit.
    pub amount: Column,
    pub credit: Option<Column>,
    pub account: Option<Column>,
    pub text: Option<Column>,
    pub voucher: Option<Column>,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub name: String,
    /// Where `[actuals]` names it.
    pub span: Span,
    /// `date`, `amount`, …: the key that names it.
    pub key: &'static str,
}

impl Columns {
    /// Every column named, in the order of the keys.
    pub fn all(&self) -> Vec<&Column> {
        let mut out = vec![&self.date, &self.amount];
        out.extend(self.credit.iter());
        out.extend(self.account.iter());
        out.extend(self.text.iter());
        out.extend(self.voucher.iter());
        out
    }
}

/// Which deviations are material: above a share of the budget to date, above an amount, or
/// above both where both are given. *Default:* none flagged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Materiality {
    /// In percent: 5 is 5 %.
    pub percent: Option<Rational>,
    pub amount: Option<Rational>,
}

impl Materiality {
    pub fn is_set(&self) -> bool {
        self.percent.is_some() || self.amount.is_some()
    }
}

/// Where a rule sends the bookings it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    /// A post or cost, by its index among the scenario's items (posts, then costs).
    Item(usize),
    /// A funding entry, by its index.
    Funding(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Entry(Place),
    /// Known to belong to no entry, and why.
    Unallocated(String),
    /// The rule is broken (its error is reported): bookings it matches are not reported again.
    Broken,
}

/// A rule of `[[actuals.map]]`: every criterion given must match.
#[derive(Debug, Clone)]
pub struct Rule {
    pub span: Span,
    pub account: Vec<Number>,
    pub text: Vec<Words>,
    pub voucher: Vec<Number>,
    pub target: Target,
}

impl Rule {
    /// Whether a booking with these fields matches the rule.
    pub fn matches(&self, account: &str, text: &str, voucher: &str) -> bool {
        self.matches_account(account) && self.matches_rest(text, voucher)
    }

    /// Whether the rule's account criterion (if any) matches `account`.
    pub fn matches_account(&self, account: &str) -> bool {
        self.account.is_empty() || self.account.iter().any(|p| p.matches(account))
    }

    /// Whether the rule's text and voucher criteria (if any) match.
    pub fn matches_rest(&self, text: &str, voucher: &str) -> bool {
        (self.text.is_empty() || self.text.iter().any(|p| p.matches(text)))
            && (self.voucher.is_empty() || self.voucher.iter().any(|p| p.matches(voucher)))
    }
}

/// Reads `[actuals]`: the configuration where it has what reading the export needs (even if
/// some rules are broken, so that the export's own mistakes are found in the same run), and
/// every mistake in it.
pub fn read(entry: &Entry, s: &Scenario, sources: &Sources) -> (Option<Config>, Vec<Diagnostic>) {
    let mut r = Reader {
        sources,
        errors: Vec::new(),
    };
    let config = r.config(entry, s);
    (config, r.errors)
}

struct Reader<'a> {
    sources: &'a Sources,
    errors: Vec<Diagnostic>,
}

const OWNER: &str = "[actuals]";

impl Reader<'_> {
    fn path(&self, span: &Span) -> PathBuf {
        self.sources.path(span.file).to_path_buf()
    }

    fn error(&mut self, span: &Span, message: impl Into<Msg>, label: &str, help: impl Into<Msg>) {
        let d = Diagnostic::error(&self.path(span), message)
            .at(span.clone(), label)
            .help(help);
        self.errors.push(d);
    }

    fn problem(&mut self, node: &Node, owner: &str, key: &str, p: values::Problem) {
        let mut d = Diagnostic::error(
            &self.path(&node.span),
            Msg::AtKey {
                owner: Msg::from(owner.to_string()).boxed(),
                key: key.to_string(),
                message: p.message,
            },
        )
        .at(node.span.clone(), *p.label);
        if let Some(help) = p.help {
            d = d.help(help);
        }
        self.errors.push(d);
    }

    fn unknown_keys(&mut self, t: &Table, fields: &[crate::load::fields::Field], owner: &str) {
        let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
        for e in &t.entries {
            if names.contains(&e.key.as_str()) {
                continue;
            }
            let help = crate::load::suggest_text(&e.key, &names, || {
                format!("the keys allowed here are: {}", names.join(", "))
            });
            let d = Diagnostic::error(
                &self.path(&e.key_span),
                format!("{owner}: unknown key `{}`", e.key),
            )
            .at(e.key_span.clone(), "unknown key")
            .help(help);
            self.errors.push(d);
        }
    }

    fn text(&mut self, t: &Table, key: &str, owner: &str) -> Option<(String, Span)> {
        let e = t.get(key)?;
        match values::text(&e.node.value) {
            Ok(s) => Some((s, e.node.span.clone())),
            Err(p) => {
                self.problem(&e.node, owner, key, p);
                None
            }
        }
    }

    /// A string or a list of strings, each with its place.
    fn strings(&mut self, t: &Table, key: &str, owner: &str) -> Vec<(String, Span)> {
        let Some(e) = t.get(key) else {
            return Vec::new();
        };
        let nodes: Vec<&Node> = match &e.node.value {
            Value::Array(items) if !items.is_empty() => items.iter().collect(),
            Value::Array(_) => {
                self.error(
                    &e.node.span,
                    format!("{owner}: `{key}` is an empty list"),
                    "empty",
                    format!("give `{key}` one value, or a list of at least one"),
                );
                return Vec::new();
            }
            _ => vec![&e.node],
        };
        let mut out = Vec::new();
        for n in nodes {
            match values::text(&n.value) {
                Ok(s) => out.push((s, n.span.clone())),
                Err(p) => self.problem(n, owner, key, p),
            }
        }
        out
    }

    fn config(&mut self, entry: &Entry, s: &Scenario) -> Option<Config> {
        let Value::Table(t) = &entry.node.value else {
            self.error(
                &entry.node.span,
                format!("{OWNER} must be a table, found {}", entry.node.value.kind()),
                "not a table",
                "write [actuals] with file, date and amount under it",
            );
            return None;
        };
        self.unknown_keys(t, crate::load::fields::ACTUALS, OWNER);
        let header = entry.key_span.clone();
        let mut files = Vec::new();
        for (written, span) in self.strings(t, "file", OWNER) {
            let base = self
                .sources
                .path(span.file)
                .parent()
                .unwrap_or(Path::new(""));
            files.push((crate::load::normalize(&base.join(&written)), span));
        }
        if t.get("file").is_none() {
            self.error(
                &header,
                format!("{OWNER}: `file` is missing"),
                "no `file` here",
                "add `file = \"bookings.csv\"`: the export, relative to this scenario",
            );
        }
        let column = |key: &'static str, required: bool, r: &mut Self| -> Option<Column> {
            let found = r.text(t, key, OWNER);
            match found {
                Some((name, span)) if name.trim().is_empty() => {
                    r.error(
                        &span,
                        format!("{OWNER}: `{key}` is empty"),
                        "no column name",
                        "give the column's name as the header line of the export writes it",
                    );
                    None
                }
                Some((name, span)) => Some(Column {
                    name: name.trim().to_string(),
                    span,
                    key,
                }),
                None => {
                    if required && t.get(key).is_none() {
                        r.error(
                            &header,
                            format!("{OWNER}: `{key}` is missing"),
                            &format!("no `{key}` here"),
                            format!("add `{key} = \"…\"`: the name of the export's {key} column, as its header line writes it"),
                        );
                    }
                    None
                }
            }
        };
        let date = column("date", true, self);
        // The amount, or a debit and a credit column (the amount is debit − credit).
        let split = t.get("debit").is_some() || t.get("credit").is_some();
        let amount = column("amount", !split, self);
        let (debit, credit) = (column("debit", split, self), column("credit", split, self));
        if let (Some(a), true) = (&amount, split) {
            self.error(
                &a.span,
                format!("{OWNER}: give `amount`, or `debit` and `credit`, not both"),
                "and debit/credit too",
                "an export has one amount column, or a debit and a credit column",
            );
        }
        let (amount, credit) = match (amount, debit, credit) {
            (Some(a), _, _) => (Some(a), None),
            (None, Some(d), Some(c)) => (Some(d), Some(c)),
            _ => (None, None),
        };
        let account = column("account", false, self);
        let text = column("text", false, self);
        let voucher = column("voucher", false, self);
        let delimiter = self
            .text(t, "delimiter", OWNER)
            .and_then(|(d, span)| match d.as_str() {
                ";" => Some(b';'),
                "," => Some(b','),
                "\t" | "tab" => Some(b'\t'),
                _ => {
                    self.error(
                        &span,
                        format!(
                            "{OWNER}: `delimiter` must be \";\", \",\" or \"tab\", not \"{d}\""
                        ),
                        "unknown delimiter",
                        "leave `delimiter` out to have it told from the header line",
                    );
                    None
                }
            });
        let decimal = self
            .text(t, "decimal", OWNER)
            .and_then(|(d, span)| match d.trim() {
                "," => Some(Mark::Comma),
                "." => Some(Mark::Point),
                _ => {
                    self.error(
                        &span,
                        format!("{OWNER}: `decimal` must be \",\" or \".\", not \"{d}\""),
                        "unknown decimal mark",
                        "\",\" for 1.234,56 (Danish), \".\" for 1234.56",
                    );
                    None
                }
            });
        let encoding = self.text(t, "encoding", OWNER).and_then(|(e, span)| {
            let found = super::file::encoding(&e);
            if found.is_none() {
                self.error(&span, format!("{OWNER}: `encoding` \"{e}\" is not an encoding this program knows"), "unknown encoding", "write \"utf-8\" or \"windows-1252\", or leave it out to have it told from the file");
            }
            found
        });
        let income_negative = match self.text(t, "income", OWNER) {
            None => true,
            Some((v, span)) => match v.trim() {
                "negative" => true,
                "positive" => false,
                _ => {
                    self.error(&span, format!("{OWNER}: `income` must be \"negative\" or \"positive\", not \"{v}\""), "unknown sign", "\"negative\" where money received is written with a minus, as in Danish public accounts");
                    true
                }
            },
        };
        let from = match t.get("from") {
            None => Some(s.window.from),
            Some(e) => match values::date(&e.node.value) {
                Ok(d) if s.window.contains(d) => Some(d),
                Ok(d) => {
                    self.error(
                        &e.node.span,
                        format!(
                            "{OWNER}: `from` {d} is outside the scenario's window ({})",
                            s.window
                        ),
                        "outside the window",
                        "give the first day the bookings cover, inside the window",
                    );
                    None
                }
                Err(p) => {
                    self.problem(&e.node, OWNER, "from", p);
                    None
                }
            },
        };
        let strict = match t.get("strict") {
            None => false,
            Some(e) => match values::boolean(&e.node.value) {
                Ok(b) => b,
                Err(p) => {
                    self.problem(&e.node, OWNER, "strict", p);
                    false
                }
            },
        };
        let materiality = self.materiality(t);
        let rules = self.rules(t, s, text.is_some(), account.is_some(), voucher.is_some());
        let explanations = self.explanations(t, s);
        Some(Config {
            files,
            columns: Columns {
                date: date?,
                amount: amount?,
                credit,
                account,
                text,
                voucher,
            },
            delimiter,
            decimal,
            encoding,
            income_negative,
            from: from?,
            strict,
            materiality,
            rules,
            explanations,
        })
    }

    fn materiality(&mut self, t: &Table) -> Materiality {
        let mut m = Materiality::default();
        let Some(e) = t.get("materiality") else {
            return m;
        };
        let nodes: Vec<&Node> = match &e.node.value {
            Value::Array(items) => items.iter().collect(),
            _ => vec![&e.node],
        };
        let help = "write a percentage of the budget to date such as \"5%\", an amount in kroner such as 25000, or both: [\"5%\", 25000]";
        if nodes.is_empty() || nodes.len() > 2 {
            self.error(
                &e.node.span,
                format!("{OWNER}: `materiality` takes a percentage, an amount, or one of each"),
                "one or two thresholds",
                help,
            );
            return m;
        }
        for n in nodes {
            let percent = match &n.value {
                Value::String(s) if s.trim().ends_with('%') => {
                    Some(s.trim().trim_end_matches('%').trim().replace(',', "."))
                }
                _ => None,
            };
            match percent {
                Some(p) => match rust_decimal::Decimal::from_str_exact(&p) {
                    Ok(d) if d >= rust_decimal::Decimal::ZERO && m.percent.is_none() => {
                        m.percent = Some(crate::num::decimal_to_rational(d));
                    }
                    Ok(_) if m.percent.is_some() => self.error(
                        &n.span,
                        format!("{OWNER}: `materiality` gives two percentages"),
                        "a second percentage",
                        help,
                    ),
                    _ => self.error(
                        &n.span,
                        format!("{OWNER}: `materiality`: \"{p}%\" is not a percentage"),
                        "not a percentage",
                        help,
                    ),
                },
                None => match values::money(&n.value) {
                    Ok(a) if m.amount.is_none() => m.amount = Some(a.rational()),
                    Ok(_) => self.error(
                        &n.span,
                        format!("{OWNER}: `materiality` gives two amounts"),
                        "a second amount",
                        help,
                    ),
                    Err(p) => self.problem(n, OWNER, "materiality", p.help(Msg::from(help))),
                },
            }
        }
        m
    }

    fn rules(
        &mut self,
        t: &Table,
        s: &Scenario,
        has_text: bool,
        has_account: bool,
        has_voucher: bool,
    ) -> Vec<Rule> {
        let Some(e) = t.get("map") else {
            return Vec::new();
        };
        let Value::Array(items) = &e.node.value else {
            self.error(&e.node.span, format!("{OWNER}: `map` must be a list of rules"), "not a list", "write each rule as [[actuals.map]] with `account`, `text` or `voucher`, and `entry`");
            return Vec::new();
        };
        let ids: Vec<(&str, Place)> = s
            .posts
            .iter()
            .map(|p| p.id.as_str())
            .chain(s.costs.iter().map(|c| c.id.as_str()))
            .enumerate()
            .map(|(i, id)| (id, Place::Item(i)))
            .chain(
                s.funding
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (f.id.as_str(), Place::Funding(i))),
            )
            .collect();
        let mut rules = Vec::new();
        for (k, item) in items.iter().enumerate() {
            let owner = format!("[[actuals.map]] number {}", k + 1);
            let Value::Table(rt) = &item.value else {
                self.error(
                    &item.span,
                    format!("{owner} must be a table"),
                    "not a table",
                    "write each rule as [[actuals.map]] with its keys below",
                );
                continue;
            };
            self.unknown_keys(rt, crate::load::fields::ACTUALS_MAP, &owner);
            let numbers = |key: &str, column: bool, r: &mut Self| -> Vec<Number> {
                let written = r.strings(rt, key, &owner);
                if !written.is_empty() && !column {
                    let span = &rt
                        .get(key)
                        .map(|e| e.key_span.clone())
                        .unwrap_or(item.span.clone());
                    r.error(span, format!("{owner}: `{key}` needs the export's {key} column: [actuals] names none"), "no such column", format!("add `{key} = \"…\"` to [actuals]: the name of the export's {key} column"));
                }
                written
                    .into_iter()
                    .filter_map(|(w, span)| match Number::parse(&w, key == "account") {
                        Ok(n) => Some(n),
                        Err(why) => {
                            r.error(
                                &span,
                                format!("{owner}: `{key}`: {why}"),
                                "not a pattern",
                                "write a number (22510), a glob (2250*) or a range (22500-22599)",
                            );
                            None
                        }
                    })
                    .collect()
            };
            let account = numbers("account", has_account, self);
            let voucher = numbers("voucher", has_voucher, self);
            let words = self.strings(rt, "text", &owner);
            if !words.is_empty() && !has_text {
                let span = rt
                    .get("text")
                    .map(|e| e.key_span.clone())
                    .unwrap_or(item.span.clone());
                self.error(
                    &span,
                    format!("{owner}: `text` needs the export's text column: [actuals] names none"),
                    "no such column",
                    "add `text = \"…\"` to [actuals]: the name of the export's text column",
                );
            }
            let text: Vec<Words> = words
                .into_iter()
                .filter_map(|(w, span)| match Words::parse(&w) {
                    Ok(p) => Some(p),
                    Err(why) => {
                        self.error(
                            &span,
                            format!("{owner}: `text`: {why}"),
                            "not a pattern",
                            "write words of the booking's text, such as \"GEN2040\"",
                        );
                        None
                    }
                })
                .collect();
            if rt.get("account").is_none()
                && rt.get("text").is_none()
                && rt.get("voucher").is_none()
            {
                self.error(&item.span, format!("{owner} matches every booking: it has no `account`, `text` or `voucher`"), "no criterion", "say which bookings it is for: account = \"2250*\", text = \"GEN2040\" or voucher = \"10234\"");
            }
            let target = match (
                self.text(rt, "entry", &owner),
                self.text(rt, "unallocated", &owner),
            ) {
                (Some(_), Some((_, span))) => {
                    self.error(
                        &span,
                        format!("{owner} has both `entry` and `unallocated`"),
                        "one or the other",
                        "a rule sends bookings to an entry, or says why they belong to none",
                    );
                    Target::Broken
                }
                (Some((id, span)), None) => match ids.iter().find(|(i, _)| *i == id) {
                    Some((_, place)) => Target::Entry(*place),
                    None => {
                        let names: Vec<&str> = ids.iter().map(|(i, _)| *i).collect();
                        let help = crate::load::suggest_text(&id, &names, || {
                            format!("the entries are: {}", names.join(", "))
                        });
                        self.error(&span, format!("{owner}: `entry` \"{id}\" is no post, cost or funding entry of the scenario"), "unknown entry", help);
                        Target::Broken
                    }
                },
                (None, Some((reason, span))) if reason.trim().is_empty() => {
                    self.error(&span, format!("{owner}: `unallocated` is empty"), "no reason", "say why these bookings belong to no entry, such as \"Fejlkonteret; omposteres i juli\"");
                    Target::Broken
                }
                (None, Some((reason, _))) => Target::Unallocated(reason.trim().to_string()),
                (None, None) => {
                    if rt.get("entry").is_none() && rt.get("unallocated").is_none() {
                        self.error(&item.span, format!("{owner} sends its bookings nowhere"), "no `entry`", "add `entry = \"<id>\"` (a post, cost or funding entry), or `unallocated = \"why\"`");
                    }
                    Target::Broken
                }
            };
            rules.push(Rule {
                span: item.span.clone(),
                account,
                text,
                voucher,
                target,
            });
        }
        rules
    }

    fn explanations(&mut self, t: &Table, s: &Scenario) -> Vec<(String, String)> {
        let Some(e) = t.get("explanations") else {
            return Vec::new();
        };
        let Value::Table(et) = &e.node.value else {
            self.error(&e.node.span, format!("{OWNER}: `explanations` must be a table of id = \"text\""), "not a table", "write [actuals.explanations] with lines such as regional-post = \"Vakant i august\"");
            return Vec::new();
        };
        let ids: Vec<&str> = s
            .item_ids()
            .chain(s.funding.iter().map(|f| f.id.as_str()))
            .chain(s.funders.iter().map(|f| f.id.as_str()))
            .collect();
        let mut out = Vec::new();
        for x in &et.entries {
            if !ids.contains(&x.key.as_str()) {
                let help = crate::load::suggest_text(&x.key, &ids, || {
                    format!(
                        "explanations are by the id of a post, cost, funding entry or funder: {}",
                        ids.join(", ")
                    )
                });
                self.error(&x.key_span, format!("{OWNER}: explanation for `{}`, which is no entry or funder of the scenario", x.key), "unknown id", help);
                continue;
            }
            match values::text(&x.node.value) {
                Ok(text) if !text.trim().is_empty() => {
                    out.push((x.key.clone(), text.trim().to_string()))
                }
                Ok(_) => {}
                Err(p) => self.problem(&x.node, "[actuals.explanations]", &x.key, p),
            }
        }
        out
    }
}

/// One materiality threshold as written on the command line or in `[actuals]`: `5%` or an
/// amount (`25000`, `25.000`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Threshold {
    Percent(Rational),
    Amount(Rational),
}

impl Threshold {
    /// `5%`, `2,5 %` or an amount in kroner; never negative.
    pub fn parse(text: &str) -> Result<Threshold, String> {
        let t = text.trim();
        let number = |s: &str| -> Option<Rational> {
            let d = rust_decimal::Decimal::from_str_exact(s.trim()).ok()?;
            (d >= rust_decimal::Decimal::ZERO).then(|| crate::num::decimal_to_rational(d))
        };
        if let Some(p) = t.strip_suffix('%') {
            return number(&p.replace(',', "."))
                .map(Threshold::Percent)
                .ok_or_else(|| format!("`{t}` is not a percentage such as 5%"));
        }
        let ore = super::notation::amount(t, super::notation::Mark::Comma)
            .or_else(|_| super::notation::amount(t, super::notation::Mark::Point))
            .map_err(|_| {
                format!("`{t}` is neither a percentage such as 5% nor an amount such as 25000")
            })?;
        if ore < 0 {
            return Err(format!(
                "`{t}` is negative; a threshold is an amount of at least 0"
            ));
        }
        Ok(Threshold::Amount(Rational::new(ore, 100)))
    }
}

impl Materiality {
    /// The thresholds given together: at most one percentage and one amount.
    pub fn of(thresholds: &[Threshold]) -> Result<Materiality, String> {
        let mut m = Materiality::default();
        for t in thresholds {
            match *t {
                Threshold::Percent(p) if m.percent.is_none() => m.percent = Some(p),
                Threshold::Amount(a) if m.amount.is_none() => m.amount = Some(a),
                _ => {
                    return Err(
                        "give at most one percentage and one amount: --materiality 5% --materiality 25000"
                            .into(),
                    );
                }
            }
        }
        Ok(m)
    }
}
