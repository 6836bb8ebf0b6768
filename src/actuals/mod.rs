//! Actuals: bookings exported from a finance system (CSV as Danish offices export them), read
//! exactly and sent to the scenario's entries by the rules of its `[actuals]` table.
//!
//! Every row is accounted for: sent to a post, cost or funding entry; known to belong to none
//! (a rule with `unallocated`); or unmapped, an error unless allowed. Every mistake of the
//! table and of the exports is found in one run, each at its place: `file:line:column` in the
//! TOML, or the line and column of the field in the CSV.

pub mod config;
pub mod file;
pub mod notation;
pub mod rules;

use std::path::{Path, PathBuf};

use jiff::civil::Date;

pub use self::config::{Config, Materiality, Place, Target};
use self::notation::{Evidence, Mark};
use crate::diag::{Diagnostic, Diagnostics, FileId, Sources, Span};
use crate::load::Loaded;
use crate::model::Scenario;
use crate::msg::{Count, Day, Days, List, Msg, Parts};

/// The largest bookings export read: 100 MiB, as for scenario files.
pub const MAX_FILE_BYTES: u64 = crate::load::MAX_FILE_BYTES;

/// How many lines from the top the header line may be (after a title or a date the export
/// puts above it).
const HEADER_WITHIN: usize = 50;

/// The bookings of a scenario, read and mapped.
#[derive(Debug, Clone)]
pub struct Bookings {
    pub config: Config,
    pub files: Vec<BookingFile>,
    /// Every booking of every file, in file order.
    pub rows: Vec<Booking>,
}

/// One export read.
#[derive(Debug, Clone)]
pub struct BookingFile {
    pub path: PathBuf,
    /// `UTF-8`, `windows-1252`, …
    pub encoding: &'static str,
    pub delimiter: u8,
    /// The decimal mark of its amounts, where any has one.
    pub mark: Option<Mark>,
}

/// One row of an export: a booking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Booking {
    /// Which file (an index into [`Bookings::files`]), and its line there.
    pub file: usize,
    pub line: u64,
    pub date: Date,
    /// In øre, signed as the export signs it.
    pub amount: i128,
    pub account: String,
    pub text: String,
    pub voucher: String,
    pub to: To,
}

/// Where a booking went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum To {
    Entry(Place),
    /// Known to belong to no entry, by rule number `rule` (which says why).
    Unallocated {
        rule: usize,
    },
    /// No rule matches it (only with `--allow-unmapped`; otherwise it is an error).
    Unmapped,
}

impl Bookings {
    /// Why a booking not allocated is not: its rule's reason, or none for an unmapped one.
    pub fn reason(&self, b: &Booking) -> Option<&str> {
        match b.to {
            To::Unallocated { rule } => match &self.config.rules[rule].target {
                Target::Unallocated(r) => Some(r),
                _ => None,
            },
            _ => None,
        }
    }

    /// The sum of every booking, in øre, as the exports sign them.
    pub fn total(&self) -> i128 {
        self.rows.iter().map(|b| b.amount).sum()
    }

    /// An amount as money: `income_negative` exports write money received with a minus, so
    /// received money is the amount negated.
    pub fn received(&self, amount: i128) -> i128 {
        if self.config.income_negative {
            -amount
        } else {
            amount
        }
    }
}

/// How to read.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Bookings no rule matches are shown as not allocated instead of failing.
    pub allow_unmapped: bool,
}

/// The bookings of `loaded`'s `[actuals]`, every one accounted for; none without such a
/// table; or every mistake found, in the TOML and in the exports.
pub fn read(loaded: &Loaded, options: Options) -> Result<Option<Bookings>, Diagnostics> {
    let Some(entry) = &loaded.actuals else {
        return Ok(None);
    };
    let mut sources = loaded.warnings.sources.clone();
    let (config, mut errors) = config::read(entry, &loaded.scenario, &sources);
    let Some(config) = config else {
        return Err(Diagnostics {
            sources,
            items: errors,
        });
    };
    let mut reader = Reader {
        scenario: &loaded.scenario,
        config: &config,
        options,
        sources: &mut sources,
        errors: &mut errors,
        rows: Vec::new(),
        files: Vec::new(),
        by_account: std::collections::HashMap::new(),
    };
    let mut read: Vec<PathBuf> = Vec::new();
    for (path, span) in &config.files {
        // The same export twice would count every booking twice.
        let same = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        if read.contains(&same) {
            reader.about(path, span, Msg::ExportNamedTwice, Msg::HelpNameExportOnce);
            continue;
        }
        read.push(same);
        reader.file(path, span);
    }
    let (rows, files) = (reader.rows, reader.files);
    if !errors.is_empty() {
        return Err(Diagnostics {
            sources,
            items: errors,
        });
    }
    Ok(Some(Bookings {
        config,
        files,
        rows,
    }))
}

struct Reader<'a> {
    scenario: &'a Scenario,
    config: &'a Config,
    options: Options,
    sources: &'a mut Sources,
    errors: &'a mut Vec<Diagnostic>,
    rows: Vec<Booking>,
    files: Vec<BookingFile>,
    /// For each account seen, the rules whose account criterion matches it, in order.
    by_account: std::collections::HashMap<String, Vec<usize>>,
}

/// The export a row is read from: its path, text, index, columns and decimal mark.
struct Export<'p> {
    path: &'p Path,
    id: FileId,
    index: usize,
    columns: Places,
    mark: Mark,
}

impl Reader<'_> {
    /// An error at a range of the export `file` (at `path`).
    fn at(
        &mut self,
        path: &Path,
        file: FileId,
        range: std::ops::Range<usize>,
        message: Msg,
        label: Msg,
        help: Msg,
    ) {
        self.errors.push(
            Diagnostic::error(path, message)
                .at(Span::new(file, range), label)
                .help(help),
        );
    }

    /// An error about the file as a whole, at the TOML value naming it.
    fn about(&mut self, path: &Path, span: &Span, message: impl Into<Msg>, help: impl Into<Msg>) {
        let toml = self.sources.path(span.file).to_path_buf();
        self.errors.push(
            Diagnostic::error(
                &toml,
                Msg::BookingsFile {
                    path: path.display().to_string(),
                    message: message.into().boxed(),
                },
            )
            .at(span.clone(), Msg::LabelThisFile)
            .help(help),
        );
    }

    fn file(&mut self, path: &Path, span: &Span) {
        if let Err((reason, help)) = crate::load::Access::for_process().permits(path) {
            self.about(path, span, reason, help);
            return;
        }
        let bytes = match read_bytes(path) {
            Ok(b) => b,
            Err(why) => {
                self.about(path, span, why, Msg::HelpExportPath);
                return;
            }
        };
        let decoded = match file::decode(&bytes, self.config.encoding) {
            Ok(d) => d,
            Err(e) => {
                // The bad byte is shown as the replacement character, as long as it is.
                let end = e.at + e.shown[e.at..].chars().next().map_or(0, char::len_utf8);
                let id = self.sources.add(path, e.shown);
                let label = Msg::LabelCannotBeRead;
                self.at(path, id, e.at..end, *e.message, label, *e.help);
                return;
            }
        };
        let encoding = decoded.encoding.name();
        let mut text = decoded.text;
        if !text.contains('\n') && text.contains('\r') {
            // Lines ended by a lone CR (old Macs): as LF, byte for byte, so lines count.
            text = text.replace('\r', "\n");
        }
        let id = self.sources.add(path, text);
        let text = self.sources.shared(id);
        let delimiter = self
            .config
            .delimiter
            .unwrap_or_else(|| file::delimiter(&text));
        let records = match file::records(&text, delimiter) {
            Ok(r) => r,
            Err((at, why)) => {
                self.at(
                    path,
                    id,
                    at..at,
                    Msg::NotValidCsv { reason: why },
                    Msg::LabelHere,
                    Msg::HelpCheckQuotes,
                );
                return;
            }
        };
        let Some((header, columns)) = self.header(path, id, &records) else {
            return;
        };
        let rows: Vec<file::Record> = records
            .into_iter()
            .skip(header + 1)
            .filter(|r| !r.is_blank())
            .collect();
        let amounts: Vec<usize> = [Some(columns.amount), columns.credit]
            .into_iter()
            .flatten()
            .collect();
        let mark = self.mark(path, id, &rows, &amounts, delimiter);
        let index = self.files.len();
        self.files.push(BookingFile {
            path: path.to_path_buf(),
            encoding,
            delimiter,
            mark,
        });
        let export = Export {
            path,
            id,
            index,
            columns,
            mark: mark.unwrap_or(Mark::Comma),
        };
        for r in &rows {
            self.row(&export, r);
        }
    }

    /// The header line (its index among the records) and where each column named is in it.
    fn header(
        &mut self,
        path: &Path,
        id: FileId,
        records: &[file::Record],
    ) -> Option<(usize, Places)> {
        let named = self.config.columns.all();
        let find = |r: &file::Record, name: &str| -> Option<usize> {
            let at = r.fields.iter().position(|f| f.trim() == name);
            at.or_else(|| {
                r.fields
                    .iter()
                    .position(|f| f.trim().to_lowercase() == name.to_lowercase())
            })
        };
        let header = records
            .iter()
            .take(HEADER_WITHIN)
            .position(|r| named.iter().all(|c| find(r, &c.name).is_some()));
        let Some(h) = header else {
            // The line most like a header: the first with any column named, else the first.
            let likely = records
                .iter()
                .take(HEADER_WITHIN)
                .position(|r| named.iter().any(|c| find(r, &c.name).is_some()))
                .unwrap_or(0);
            let Some(first) = records.get(likely) else {
                let text = self.sources.text(id).len();
                self.at(
                    path,
                    id,
                    text..text,
                    Msg::ExportEmpty,
                    Msg::LabelEmpty,
                    Msg::HelpExportHeader,
                );
                return None;
            };
            let fields: Vec<&str> = first.fields.iter().map(|f| f.trim()).collect();
            for c in named.iter().filter(|c| find(first, &c.name).is_none()) {
                let help = crate::load::suggest(&c.name, &fields, || Msg::HelpHeaderColumns {
                    columns: List::of(&fields),
                    key: c.key.to_string(),
                });
                let message = Msg::ExportNoColumn {
                    name: c.name.clone(),
                    column: c.words(),
                };
                let d = Diagnostic::error(path, message)
                    .at(
                        Span::new(
                            id,
                            first.start..first.span(fields.len().saturating_sub(1)).end,
                        ),
                        Msg::LabelHeaderLine,
                    )
                    .also(c.span.clone(), Msg::LabelNamedHere)
                    .help(help);
                self.errors.push(d);
            }
            return None;
        };
        let r = &records[h];
        let mut places = Places::default();
        for c in &named {
            let at = find(r, &c.name);
            let twice = r
                .fields
                .iter()
                .filter(|f| f.trim().eq_ignore_ascii_case(&c.name))
                .count()
                > 1;
            if twice {
                let span = r.span(at.unwrap_or(0));
                let message = Msg::ExportColumnTwice {
                    name: c.name.clone(),
                    column: c.words(),
                };
                self.at(
                    path,
                    id,
                    span,
                    message,
                    Msg::LabelTwice,
                    Msg::HelpRenameColumn,
                );
            }
            let at = at.unwrap_or(0);
            match c.key {
                "date" => places.date = at,
                "amount" | "debit" => places.amount = at,
                "credit" => places.credit = Some(at),
                "account" => places.account = Some(at),
                "text" => places.text = Some(at),
                _ => places.voucher = Some(at),
            }
        }
        Some((h, places))
    }

    /// The decimal mark of the amounts (of the columns `columns`): as `[actuals]` says, else
    /// as the amounts say.
    fn mark(
        &mut self,
        path: &Path,
        id: FileId,
        rows: &[file::Record],
        columns: &[usize],
        delimiter: u8,
    ) -> Option<Mark> {
        if let Some(m) = self.config.decimal {
            return Some(m);
        }
        let mut seen: Option<(Mark, &file::Record, usize)> = None;
        let mut ambiguous: Option<(&file::Record, usize)> = None;
        let fields = rows
            .iter()
            .flat_map(|r| columns.iter().map(move |&c| (r, c)));
        for (raw, c) in fields {
            let Some(value) = raw.fields.get(c) else {
                continue;
            };
            match notation::evidence(value) {
                Evidence::Is(m) => match seen {
                    None => seen = Some((m, raw, c)),
                    Some((first, at, ac)) if first != m => {
                        let message = Msg::DecimalMarkConflict {
                            value: value.trim().to_string(),
                            mark: m.char().to_string(),
                            other: at.fields[ac].trim().to_string(),
                            line: Count(usize::try_from(at.line).unwrap_or(usize::MAX)),
                            first: first.char().to_string(),
                        };
                        self.at(
                            path,
                            id,
                            raw.span(c),
                            message,
                            Msg::LabelOtherDecimalMark,
                            Msg::HelpSetDecimal,
                        );
                        return Some(first);
                    }
                    Some(_) => {}
                },
                Evidence::Ambiguous => ambiguous = ambiguous.or(Some((raw, c))),
                Evidence::Nothing => {}
            }
        }
        match (seen, ambiguous) {
            (Some((m, _, _)), _) => Some(m),
            // A `;`-separated export is written where the decimal mark is a comma.
            (None, Some(_)) if delimiter == b';' => Some(Mark::Comma),
            (None, Some((raw, c))) => {
                let value = raw.fields[c].trim().to_string();
                self.at(
                    path,
                    id,
                    raw.span(c),
                    Msg::DecimalMarkAmbiguous { value },
                    Msg::LabelWhichDecimalMark,
                    Msg::HelpSetDecimalExamples,
                );
                None
            }
            (None, None) => None,
        }
    }

    fn row(&mut self, x: &Export, r: &file::Record) {
        let (path, id, columns, mark) = (x.path, x.id, &x.columns, x.mark);
        let width = columns.width();
        if r.fields.len() < width {
            let end = r.span(r.fields.len().saturating_sub(1)).end;
            let message = Msg::LineTooShort {
                line: line(r),
                fields: Count(r.fields.len()),
                width: Count(width),
            };
            self.at(
                path,
                id,
                end..end,
                message,
                Msg::LabelLineEnds,
                Msg::HelpCheckDelimiter,
            );
            return;
        }
        let get = |i: Option<usize>| {
            i.map(|i| r.fields[i].trim().to_string())
                .unwrap_or_default()
        };
        let date = self.field(x, r, columns.date, notation::date);
        let amount = match columns.credit {
            None => self.field(x, r, columns.amount, |v| notation::amount(v, mark)),
            Some(credit) => self.debit_credit(x, r, credit),
        };
        if let Some(d) = date {
            let window = self.scenario.window;
            let from = self.config.from;
            if !window.contains(d) {
                let message = Msg::BookingOutsideWindow {
                    date: Day(d),
                    window: Days(window.from, window.to),
                };
                self.at(
                    path,
                    id,
                    r.span(columns.date),
                    on_line(r, message),
                    Msg::LabelOutsideWindow,
                    Msg::HelpBookingOtherYears,
                );
            } else if d < from {
                let message = Msg::BookingBeforeFrom {
                    date: Day(d),
                    from: Day(from),
                };
                self.at(
                    path,
                    id,
                    r.span(columns.date),
                    on_line(r, message),
                    Msg::LabelBeforeFollowUp,
                    Msg::HelpBookingBeforeFrom,
                );
            }
        }
        let (account, text, voucher) = (
            get(columns.account),
            get(columns.text),
            get(columns.voucher),
        );
        let to = self.map(x, r, [&account, &text, &voucher]);
        if let (Some(date), Some(amount), Some(to)) = (date, amount, to) {
            self.rows.push(Booking {
                file: x.index,
                line: r.line,
                date,
                amount,
                account,
                text,
                voucher,
                to,
            });
        }
    }

    /// The amount of a row with a debit and a credit column: debit − credit, a blank field
    /// being nothing (but not both).
    fn debit_credit(&mut self, x: &Export, r: &file::Record, credit: usize) -> Option<i128> {
        let blank = |i: usize| r.fields[i].trim().is_empty();
        let debit = x.columns.amount;
        if blank(debit) && blank(credit) {
            let message = on_line(r, Msg::DebitCreditEmpty);
            let (label, help) = (Msg::LabelNoAmount, Msg::HelpAmountOneSide);
            self.at(x.path, x.id, r.span(debit), message, label, help);
            return None;
        }
        let side = |reader: &mut Self, i: usize| {
            if blank(i) {
                Some(0)
            } else {
                reader.field(x, r, i, |v| notation::amount(v, x.mark))
            }
        };
        let (d, c) = (side(self, debit), side(self, credit));
        Some(d? - c?)
    }

    /// Field `i` of a row read by `read`, or none after its error.
    fn field<T>(
        &mut self,
        x: &Export,
        r: &file::Record,
        i: usize,
        read: impl FnOnce(&str) -> Result<T, notation::Problem>,
    ) -> Option<T> {
        read(&r.fields[i])
            .map_err(|p| {
                let message = on_line(r, *p.message);
                self.at(x.path, x.id, r.span(i), message, *p.label, *p.help);
            })
            .ok()
    }

    /// Where the first rule that matches sends a booking; with `strict`, an error where two
    /// rules send it to different places.
    fn map(&mut self, x: &Export, r: &file::Record, fields: [&str; 3]) -> Option<To> {
        let (path, id, columns) = (x.path, x.id, &x.columns);
        let [account, text, voucher] = fields;
        let rules = &self.config.rules;
        // The rules an account can match, found once per account: exports have many rows
        // and few accounts, and a scenario may have a rule per account.
        let candidates = self
            .by_account
            .entry(account.to_string())
            .or_insert_with(|| {
                (0..rules.len())
                    .filter(|&k| rules[k].matches_account(account))
                    .collect()
            });
        let matching: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&k| rules[k].matches_rest(text, voucher))
            .collect();
        let place = columns.account.or(columns.text).unwrap_or(columns.amount);
        let Some(&first) = matching.first() else {
            if self.options.allow_unmapped {
                return Some(To::Unmapped);
            }
            let value = |v: &str| v.to_string();
            let what = [
                (
                    account,
                    Msg::BookingAccount {
                        value: value(account),
                    },
                ),
                (text, Msg::BookingText { value: value(text) }),
                (
                    voucher,
                    Msg::BookingVoucher {
                        value: value(voucher),
                    },
                ),
            ]
            .into_iter()
            .filter(|(v, _)| !v.is_empty())
            .map(|(_, m)| m)
            .collect();
            self.at(
                path,
                id,
                r.span(place),
                on_line(r, Msg::Unmapped { what: Parts(what) }),
                Msg::LabelUnmapped,
                Msg::HelpUnmapped,
            );
            return None;
        };
        if self.config.strict {
            let places: Vec<usize> = matching
                .iter()
                .copied()
                .filter(|&k| rules[k].target != Target::Broken)
                .collect();
            if let Some(&other) = places
                .iter()
                .find(|&&k| rules[k].target != rules[places[0]].target)
            {
                let a = places[0];
                let (na, nb) = (Count(a + 1), Count(other + 1));
                let message = on_line(r, Msg::RulesDisagree { a: na, b: nb });
                let d = Diagnostic::error(path, message)
                    .at(Span::new(id, r.span(place)), Msg::LabelAmbiguous)
                    .also(rules[a].span.clone(), Msg::LabelRule { n: na })
                    .also(rules[other].span.clone(), Msg::LabelRule { n: nb })
                    .help(Msg::HelpRulesExclusive);
                self.errors.push(d);
                return None;
            }
        }
        match &rules[first].target {
            Target::Entry(p) => Some(To::Entry(*p)),
            Target::Unallocated(_) => Some(To::Unallocated { rule: first }),
            // Its error is reported at the rule.
            Target::Broken => None,
        }
    }
}

/// Where the columns read are in the header line.
#[derive(Debug, Clone, Copy, Default)]
struct Places {
    date: usize,
    /// The amount column, or the debit column where there is a credit column.
    amount: usize,
    credit: Option<usize>,
    account: Option<usize>,
    text: Option<usize>,
    voucher: Option<usize>,
}

impl Places {
    /// How many fields a row needs to hold every column read.
    fn width(&self) -> usize {
        [
            Some(self.date),
            Some(self.amount),
            self.credit,
            self.account,
            self.text,
            self.voucher,
        ]
        .into_iter()
        .flatten()
        .max()
        .map_or(0, |m| m + 1)
    }
}

/// The line of a record, for messages.
fn line(r: &file::Record) -> Count {
    Count(usize::try_from(r.line).unwrap_or(usize::MAX))
}

/// `message` about the record's line: `line 3: …`.
fn on_line(r: &file::Record, message: Msg) -> Msg {
    Msg::OnLine {
        line: line(r),
        message: message.boxed(),
    }
}

/// The bytes of a regular file of at most [`MAX_FILE_BYTES`], or why not.
fn read_bytes(path: &Path) -> Result<Vec<u8>, Msg> {
    use crate::load::NotRead;
    crate::load::read_regular(path, MAX_FILE_BYTES).map_err(|why| match why {
        NotRead::Stat(e) | NotRead::Read(e) => reason(&e),
        NotRead::Directory => Msg::ExportIsDirectory,
        NotRead::Special(_) => Msg::ExportNotRegular,
        NotRead::TooLarge(_) => Msg::ExportTooLarge,
    })
}

fn reason(e: &std::io::Error) -> Msg {
    Msg::ExportCannotBeRead {
        reason: crate::load::io_reason(e).boxed(),
    }
}
