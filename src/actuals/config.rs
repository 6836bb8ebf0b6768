//! `[actuals]` of a scenario: the export's files and columns, and the rules from its rows to
//! the scenario's entries. Read from the loader's tree, every value with its place, so that
//! each mistake points into the TOML; all of them are found in one go.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::notation::Mark;
use super::rules::{Number, Words};
use crate::diag::{Diagnostic, Sources, Span};
use crate::load::suggest;
use crate::load::tree::{Entry, Node, Table, Value};
use crate::load::values;
use crate::model::Scenario;
use crate::msg::{Count, Day, Days, List, Msg};
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

const OWNER: Msg = Msg::OwnerActuals;

/// What a column holds, in words: `the export's date column`.
fn column_words(key: &str) -> Box<Msg> {
    match key {
        "date" => Msg::ColumnDate,
        "amount" => Msg::ColumnAmount,
        "debit" => Msg::ColumnDebit,
        "credit" => Msg::ColumnCredit,
        "account" => Msg::ColumnAccount,
        "text" => Msg::ColumnText,
        _ => Msg::ColumnVoucher,
    }
    .boxed()
}

impl Column {
    /// What the column holds, in words.
    pub fn words(&self) -> Box<Msg> {
        column_words(self.key)
    }
}

impl Reader<'_> {
    fn path(&self, span: &Span) -> PathBuf {
        self.sources.path(span.file).to_path_buf()
    }

    fn error(&mut self, span: &Span, message: Msg, label: Msg, help: Msg) {
        let d = Diagnostic::error(&self.path(span), message)
            .at(span.clone(), label)
            .help(help);
        self.errors.push(d);
    }

    fn problem(&mut self, node: &Node, owner: &Msg, key: &str, p: values::Problem) {
        let mut d = Diagnostic::error(
            &self.path(&node.span),
            Msg::AtKey {
                owner: owner.clone().boxed(),
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

    fn unknown_keys(&mut self, t: &Table, fields: &[crate::load::fields::Field], owner: &Msg) {
        let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
        for e in &t.entries {
            if names.contains(&e.key.as_str()) {
                continue;
            }
            let help = suggest(&e.key, &names, || Msg::HelpKeysAllowed {
                keys: List::of(&names),
            });
            let message = Msg::UnknownKey {
                owner: owner.clone().boxed(),
                key: e.key.clone(),
            };
            self.error(&e.key_span, message, Msg::LabelUnknownKey, help);
        }
    }

    fn text(&mut self, t: &Table, key: &str, owner: &Msg) -> Option<(String, Span)> {
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
    fn strings(&mut self, t: &Table, key: &str, owner: &Msg) -> Vec<(String, Span)> {
        let Some(e) = t.get(key) else {
            return Vec::new();
        };
        let nodes: Vec<&Node> = match &e.node.value {
            Value::Array(items) if !items.is_empty() => items.iter().collect(),
            Value::Array(_) => {
                self.error(
                    &e.node.span,
                    Msg::ListEmpty {
                        owner: owner.clone().boxed(),
                        key: key.to_string(),
                    },
                    Msg::LabelEmpty,
                    Msg::HelpOneOrMore {
                        key: key.to_string(),
                    },
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
                Msg::ActualsNotATable {
                    found: values::kind(&entry.node.value).boxed(),
                },
                Msg::LabelNotATable,
                Msg::HelpActualsTable,
            );
            return None;
        };
        self.unknown_keys(t, crate::load::fields::ACTUALS, &OWNER);
        let header = entry.key_span.clone();
        let missing = |key: &str| Msg::KeyMissing {
            owner: OWNER.boxed(),
            key: key.to_string(),
        };
        let no_key_here = |key: &str| Msg::LabelNoKeyHere {
            key: key.to_string(),
        };
        let mut files = Vec::new();
        for (written, span) in self.strings(t, "file", &OWNER) {
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
                missing("file"),
                no_key_here("file"),
                Msg::HelpAddFile,
            );
        }
        let column = |key: &'static str, required: bool, r: &mut Self| -> Option<Column> {
            let found = r.text(t, key, &OWNER);
            match found {
                Some((name, span)) if name.trim().is_empty() => {
                    r.error(
                        &span,
                        Msg::KeyEmpty {
                            owner: OWNER.boxed(),
                            key: key.to_string(),
                        },
                        Msg::LabelNoColumnName,
                        Msg::HelpColumnName,
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
                            missing(key),
                            no_key_here(key),
                            Msg::HelpAddColumn {
                                key: key.to_string(),
                                column: column_words(key),
                            },
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
                Msg::AmountAndDebitCredit,
                Msg::LabelDebitCreditToo,
                Msg::HelpOneAmountColumn,
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
            .text(t, "delimiter", &OWNER)
            .and_then(|(d, span)| match d.as_str() {
                ";" => Some(b';'),
                "," => Some(b','),
                "\t" | "tab" => Some(b'\t'),
                _ => {
                    self.error(
                        &span,
                        Msg::DelimiterUnknown { written: d },
                        Msg::LabelUnknownDelimiter,
                        Msg::HelpDelimiterOut,
                    );
                    None
                }
            });
        let decimal = self
            .text(t, "decimal", &OWNER)
            .and_then(|(d, span)| match d.trim() {
                "," => Some(Mark::Comma),
                "." => Some(Mark::Point),
                _ => {
                    self.error(
                        &span,
                        Msg::DecimalUnknown { written: d },
                        Msg::LabelUnknownDecimal,
                        Msg::HelpDecimalMarks,
                    );
                    None
                }
            });
        let encoding = self.text(t, "encoding", &OWNER).and_then(|(e, span)| {
            let found = super::file::encoding(&e);
            if found.is_none() {
                self.error(
                    &span,
                    Msg::EncodingUnknown { written: e },
                    Msg::LabelUnknownEncoding,
                    Msg::HelpEncodings,
                );
            }
            found
        });
        let income_negative = match self.text(t, "income", &OWNER) {
            None => true,
            Some((v, span)) => match v.trim() {
                "negative" => true,
                "positive" => false,
                _ => {
                    self.error(
                        &span,
                        Msg::IncomeUnknown { written: v },
                        Msg::LabelUnknownSign,
                        Msg::HelpIncome,
                    );
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
                        Msg::FromOutsideWindow {
                            from: Day(d),
                            window: Days(s.window.from, s.window.to),
                        },
                        Msg::LabelOutsideWindow,
                        Msg::HelpFromInWindow,
                    );
                    None
                }
                Err(p) => {
                    self.problem(&e.node, &OWNER, "from", p);
                    None
                }
            },
        };
        let strict = match t.get("strict") {
            None => false,
            Some(e) => match values::boolean(&e.node.value) {
                Ok(b) => b,
                Err(p) => {
                    self.problem(&e.node, &OWNER, "strict", p);
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
        if nodes.is_empty() || nodes.len() > 2 {
            self.error(
                &e.node.span,
                Msg::MaterialityCount,
                Msg::LabelOneOrTwoThresholds,
                Msg::HelpMateriality,
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
                        Msg::MaterialityTwoPercentages,
                        Msg::LabelSecondPercentage,
                        Msg::HelpMateriality,
                    ),
                    _ => self.error(
                        &n.span,
                        Msg::MaterialityNotPercentage { written: p },
                        Msg::LabelNotAPercentage,
                        Msg::HelpMateriality,
                    ),
                },
                None => match values::money(&n.value) {
                    Ok(a) if m.amount.is_none() => m.amount = Some(a.rational()),
                    Ok(_) => self.error(
                        &n.span,
                        Msg::MaterialityTwoAmounts,
                        Msg::LabelSecondAmount,
                        Msg::HelpMateriality,
                    ),
                    Err(p) => self.problem(n, &OWNER, "materiality", p.help(Msg::HelpMateriality)),
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
            self.error(
                &e.node.span,
                Msg::MapNotAList,
                Msg::LabelNotAList,
                Msg::HelpMapRules,
            );
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
            let owner = Msg::OwnerRule { n: Count(k + 1) };
            let Value::Table(rt) = &item.value else {
                self.error(
                    &item.span,
                    Msg::RuleNotATable {
                        owner: owner.boxed(),
                    },
                    Msg::LabelNotATable,
                    Msg::HelpRuleTable,
                );
                continue;
            };
            self.unknown_keys(rt, crate::load::fields::ACTUALS_MAP, &owner);
            // A criterion on a column [actuals] does not name is an error at its key.
            let without_column = |key: &str, r: &mut Self| {
                let span = rt
                    .get(key)
                    .map(|e| e.key_span.clone())
                    .unwrap_or(item.span.clone());
                let message = Msg::RuleNeedsColumn {
                    owner: owner.clone().boxed(),
                    key: key.to_string(),
                    column: column_words(key),
                };
                let help = Msg::HelpAddColumn {
                    key: key.to_string(),
                    column: column_words(key),
                };
                r.error(&span, message, Msg::LabelNoSuchColumn, help);
            };
            let bad_pattern = |r: &mut Self, span: &Span, key: &str, why: Msg, help: Msg| {
                let message = Msg::AtKey {
                    owner: owner.clone().boxed(),
                    key: key.to_string(),
                    message: why.boxed(),
                };
                r.error(span, message, Msg::LabelNotAPattern, help);
            };
            let numbers = |key: &str, column: bool, r: &mut Self| -> Vec<Number> {
                let written = r.strings(rt, key, &owner);
                if !written.is_empty() && !column {
                    without_column(key, r);
                }
                written
                    .into_iter()
                    .filter_map(|(w, span)| match Number::parse(&w, key == "account") {
                        Ok(n) => Some(n),
                        Err(why) => {
                            bad_pattern(r, &span, key, why, Msg::HelpNumberPattern);
                            None
                        }
                    })
                    .collect()
            };
            let account = numbers("account", has_account, self);
            let voucher = numbers("voucher", has_voucher, self);
            let words = self.strings(rt, "text", &owner);
            if !words.is_empty() && !has_text {
                without_column("text", self);
            }
            let text: Vec<Words> = words
                .into_iter()
                .filter_map(|(w, span)| match Words::parse(&w) {
                    Ok(p) => Some(p),
                    Err(why) => {
                        bad_pattern(self, &span, "text", why, Msg::HelpTextPattern);
                        None
                    }
                })
                .collect();
            if rt.get("account").is_none()
                && rt.get("text").is_none()
                && rt.get("voucher").is_none()
            {
                self.error(
                    &item.span,
                    Msg::RuleMatchesAll {
                        owner: owner.clone().boxed(),
                    },
                    Msg::LabelNoCriterion,
                    Msg::HelpRuleCriterion,
                );
            }
            let target = match (
                self.text(rt, "entry", &owner),
                self.text(rt, "unallocated", &owner),
            ) {
                (Some(_), Some((_, span))) => {
                    self.error(
                        &span,
                        Msg::RuleBothTargets {
                            owner: owner.clone().boxed(),
                        },
                        Msg::LabelOneOrTheOther,
                        Msg::HelpRuleTarget,
                    );
                    Target::Broken
                }
                (Some((id, span)), None) => match ids.iter().find(|(i, _)| *i == id) {
                    Some((_, place)) => Target::Entry(*place),
                    None => {
                        let names: Vec<&str> = ids.iter().map(|(i, _)| *i).collect();
                        let help = suggest(&id, &names, || Msg::HelpEntriesAre {
                            ids: List::of(&names),
                        });
                        let message = Msg::RuleUnknownEntry {
                            owner: owner.clone().boxed(),
                            id,
                        };
                        self.error(&span, message, Msg::LabelUnknownEntry, help);
                        Target::Broken
                    }
                },
                (None, Some((reason, span))) if reason.trim().is_empty() => {
                    let message = Msg::KeyEmpty {
                        owner: owner.clone().boxed(),
                        key: "unallocated".into(),
                    };
                    self.error(
                        &span,
                        message,
                        Msg::LabelNoReason,
                        Msg::HelpUnallocatedReason,
                    );
                    Target::Broken
                }
                (None, Some((reason, _))) => Target::Unallocated(reason.trim().to_string()),
                (None, None) => {
                    if rt.get("entry").is_none() && rt.get("unallocated").is_none() {
                        self.error(
                            &item.span,
                            Msg::RuleNowhere {
                                owner: owner.clone().boxed(),
                            },
                            Msg::LabelNoEntry,
                            Msg::HelpRuleEntry,
                        );
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
            self.error(
                &e.node.span,
                Msg::ExplanationsNotATable,
                Msg::LabelNotATable,
                Msg::HelpExplanations,
            );
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
                let help = suggest(&x.key, &ids, || Msg::HelpExplanationIds {
                    ids: List::of(&ids),
                });
                let message = Msg::ExplanationUnknownId { id: x.key.clone() };
                self.error(&x.key_span, message, Msg::LabelUnknownId, help);
                continue;
            }
            match values::text(&x.node.value) {
                Ok(text) if !text.trim().is_empty() => {
                    out.push((x.key.clone(), text.trim().to_string()))
                }
                Ok(_) => {}
                Err(p) => self.problem(&x.node, &Msg::OwnerExplanations, &x.key, p),
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
    pub fn parse(text: &str) -> Result<Threshold, Msg> {
        let t = text.trim();
        let number = |s: &str| -> Option<Rational> {
            let d = rust_decimal::Decimal::from_str_exact(s.trim()).ok()?;
            (d >= rust_decimal::Decimal::ZERO).then(|| crate::num::decimal_to_rational(d))
        };
        if let Some(p) = t.strip_suffix('%') {
            return number(&p.replace(',', "."))
                .map(Threshold::Percent)
                .ok_or_else(|| Msg::ThresholdNotPercentage { written: t.into() });
        }
        let ore = super::notation::amount(t, super::notation::Mark::Comma)
            .or_else(|_| super::notation::amount(t, super::notation::Mark::Point))
            .map_err(|_| Msg::ThresholdNeither { written: t.into() })?;
        if ore < 0 {
            return Err(Msg::ThresholdNegative { written: t.into() });
        }
        Ok(Threshold::Amount(Rational::new(ore, 100)))
    }
}

impl Materiality {
    /// The thresholds given together: at most one percentage and one amount.
    pub fn of(thresholds: &[Threshold]) -> Result<Materiality, Msg> {
        let mut m = Materiality::default();
        for t in thresholds {
            match *t {
                Threshold::Percent(p) if m.percent.is_none() => m.percent = Some(p),
                Threshold::Amount(a) if m.amount.is_none() => m.amount = Some(a),
                _ => return Err(Msg::ThresholdsTooMany),
            }
        }
        Ok(m)
    }
}
