//! JSON as the contract fixes it: money and FTE as strings with exactly two decimals, every
//! funder in every funder map, every item in `items`. Written straight to the output, so a
//! large report needs no copy of itself in memory.

use std::io::Write;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::engine::{Amount, Figures, Scale};
use crate::i18n::Lang;
use crate::model::Scenario;
use crate::num;
use crate::num::Rational;
use crate::report::check::{CheckReport, Status};
use crate::report::compare::{ChangeKind, Comparison, Side, describe};
use crate::report::{Grid, Report};

/// A figure as a two-decimal string.
struct Num(Rational);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&num::plain2(self.0))
    }
}

/// A map of id → figure.
struct Map<'a, F: Fn(usize) -> Rational> {
    ids: &'a [&'a str],
    value: F,
}

impl<F: Fn(usize) -> Rational> Serialize for Map<'_, F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.ids.len()))?;
        for (i, id) in self.ids.iter().enumerate() {
            m.serialize_entry(id, &Num((self.value)(i)))?;
        }
        m.end()
    }
}

#[derive(Serialize)]
struct MembersHead<'a> {
    mode: &'a str,
    precision: &'a str,
    parties: Vec<FunderHeadShort<'a>>,
}

#[derive(Serialize)]
struct FunderHeadShort<'a> {
    id: &'a str,
    name: &'a str,
}

fn members_head(m: &crate::report::Members) -> MembersHead<'_> {
    MembersHead {
        mode: m.allocation.mode.name(),
        precision: m.precision.name(),
        parties: m
            .allocation
            .parties
            .iter()
            .map(|p| FunderHeadShort {
                id: &p.id,
                name: &p.name,
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct ScenarioHead<'a> {
    name: &'a str,
    file: String,
    start: String,
    end: String,
}

#[derive(Serialize)]
struct FunderHead<'a> {
    id: &'a str,
    name: &'a str,
    residual: bool,
}

/// Writes `value`, indented when `pretty`, else compact, and a newline.
fn write_json<T: Serialize>(value: &T, out: &mut dyn Write, pretty: bool) -> std::io::Result<()> {
    // A buffer of its own: the serializer writes many small pieces, each a call through `out`
    // otherwise.
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    if pretty {
        serde_json::to_writer_pretty(&mut w, value)?;
    } else {
        serde_json::to_writer(&mut w, value)?;
    }
    w.write_all(b"\n")?;
    w.flush()
}

/// The report's own writer, in serde_json's two layouts (compact, or pretty with two-space
/// indents), into a buffer of its own. By hand because a by-month report of 100,000 posts
/// holds 12 million figures, and serde's per-string path (escaping, a call per piece) took most
/// of the time spent on them: here each key is encoded once, with its colon, and each figure
/// written straight as digits.
struct Out {
    buf: Vec<u8>,
    pretty: bool,
    depth: usize,
    /// Nothing written yet in the innermost object or array.
    first: bool,
}

impl Out {
    fn open(&mut self, bracket: u8) {
        self.buf.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    fn close(&mut self, bracket: u8) {
        self.depth -= 1;
        if !self.first {
            self.newline();
        }
        self.first = false;
        self.buf.push(bracket);
    }

    fn newline(&mut self) {
        const SPACES: &[u8; 32] = b"                                ";
        if self.pretty {
            self.buf.push(b'\n');
            let mut indent = 2 * self.depth;
            while indent > 0 {
                let n = indent.min(SPACES.len());
                self.buf.extend_from_slice(&SPACES[..n]);
                indent -= n;
            }
        }
    }

    /// Before each element of an array or object.
    fn element(&mut self) {
        if !self.first {
            self.buf.push(b',');
        }
        self.first = false;
        self.newline();
    }

    /// A key, as [`Keys`] encodes it.
    fn key(&mut self, encoded: &[u8]) {
        self.element();
        self.buf.extend_from_slice(encoded);
    }

    fn field(&mut self, name: &str) -> serde_json::Result<()> {
        let key = Keys::encode(name, self.pretty)?;
        self.key(&key);
        Ok(())
    }

    /// Any value, through serde_json; indented to sit where it is written.
    fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> serde_json::Result<()> {
        let text = if self.pretty {
            serde_json::to_vec_pretty(value)?
        } else {
            serde_json::to_vec(value)?
        };
        // JSON strings hold no raw line breaks: every one here is serde_json's layout.
        for (i, line) in text.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                self.newline();
            }
            self.buf.extend_from_slice(line);
        }
        Ok(())
    }

    /// An amount in øre, as a string of kroner with two decimals.
    fn ore(&mut self, ore: i128) {
        if ore == 0 {
            // Half the cells of a large by-month report.
            self.buf.extend_from_slice(b"\"0.00\"");
        } else {
            // Written into the first 48 bytes; copied from the buffer's last 80 at a fixed width.
            let mut text = [0u8; 80];
            let (head, _) = text
                .split_first_chunk_mut::<48>()
                .expect("80 bytes hold 48");
            let len = num::ore_json(ore, head).len();
            match text[48 - len..].first_chunk::<32>() {
                Some(fixed) if len <= 32 => put_fixed(&mut self.buf, fixed, len),
                _ => self.buf.extend_from_slice(&text[48 - len..48]),
            }
        }
    }

    /// An object of id → amount.
    fn amounts(&mut self, keys: &Keys, scale: Scale, value: impl Fn(usize) -> Amount) {
        self.open(b'{');
        for i in 0..keys.len() {
            self.element();
            keys.write(i, &mut self.buf);
            self.ore(scale.ore(value(i)));
        }
        self.close(b'}');
    }

    /// Hands what is written so far to `out` once there is enough of it to be worth a call.
    fn drain(&mut self, out: &mut dyn Write, at_least: usize) -> std::io::Result<()> {
        if self.buf.len() >= at_least {
            out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }
}

/// Ids encoded once as JSON object keys, each with its colon (and space, when pretty).
struct Keys {
    keys: Vec<Vec<u8>>,
    /// Each key padded to a fixed width, if every one fits.
    padded: Vec<[u8; KEY_WIDTH]>,
}

/// The widest key copied at a fixed width.
const KEY_WIDTH: usize = 32;

impl Keys {
    fn new<'a>(ids: impl Iterator<Item = &'a str>, pretty: bool) -> serde_json::Result<Keys> {
        let keys: Vec<Vec<u8>> = ids
            .map(|id| Keys::encode(id, pretty))
            .collect::<serde_json::Result<_>>()?;
        let padded = keys
            .iter()
            .map(|k| {
                let mut p = [b' '; KEY_WIDTH];
                p.get_mut(..k.len())?.copy_from_slice(k);
                Some(p)
            })
            .collect::<Option<Vec<_>>>()
            .unwrap_or_default();
        Ok(Keys { keys, padded })
    }

    fn encode(id: &str, pretty: bool) -> serde_json::Result<Vec<u8>> {
        let mut key = serde_json::to_vec(id)?;
        key.extend_from_slice(if pretty { b": " } else { b":" });
        Ok(key)
    }

    fn len(&self) -> usize {
        self.keys.len()
    }

    /// Appends key `i` to `buf`.
    fn write(&self, i: usize, buf: &mut Vec<u8>) {
        match self.padded.get(i) {
            Some(padded) => put_fixed(buf, padded, self.keys[i].len()),
            None => buf.extend_from_slice(&self.keys[i]),
        }
    }
}

/// Appends the first `len` bytes of `bytes`: all `N` copied and the rest cut off, a couple of
/// moves where a copy of unknown length is a call to `memcpy` (millions of keys and figures).
fn put_fixed<const N: usize>(buf: &mut Vec<u8>, bytes: &[u8; N], len: usize) {
    buf.extend_from_slice(bytes);
    buf.truncate(buf.len() - (N - len));
}

/// Below this many figures a report is written on one thread.
const PARALLEL_FIGURES: usize = 1 << 16;

/// `report --format json`: indented when `pretty` (for a terminal), else compact.
pub fn report(r: &Report, out: &mut dyn Write, pretty: bool) -> std::io::Result<()> {
    let figures = r.projection.periods.len() * (r.scenario.item_count() + 1);
    let workers = if figures < PARALLEL_FIGURES {
        1
    } else {
        crate::cores()
    };
    report_on(r, out, pretty, workers)
}

/// [`report`], its periods made on `workers` threads besides this one when more than one.
fn report_on(r: &Report, out: &mut dyn Write, pretty: bool, workers: usize) -> std::io::Result<()> {
    let s = r.scenario;
    let funders = Keys::new(s.funders.iter().map(|f| f.id.as_str()), pretty)?;
    let items = Keys::new(s.item_ids(), pretty)?;
    let grid = r.member_grid();
    let parties = match &r.members {
        Some(m) => Keys::new(m.allocation.parties.iter().map(|p| p.id.as_str()), pretty)?,
        None => Keys::new(std::iter::empty(), pretty)?,
    };
    let scale = r.projection.scale;
    let figures = |o: &mut Out, f: &Figures, j: Option<usize>| -> serde_json::Result<()> {
        o.open(b'{');
        if j.is_some() {
            o.field("label")?;
            o.value(&f.period.label())?;
        }
        o.field("start")?;
        o.value(&f.period.start.to_string())?;
        o.field("end")?;
        o.value(&f.period.end.to_string())?;
        o.field("fte")?;
        o.value(&num::plain2(f.fte.average()))?;
        o.field("cost")?;
        o.ore(scale.ore(f.cost()));
        o.field("items")?;
        o.amounts(&items, scale, |i| f.items.get(i));
        o.field("cost_by_funder")?;
        o.amounts(&funders, scale, |i| f.cost_by_funder[i]);
        o.field("funding_by_funder")?;
        o.amounts(&funders, scale, |i| f.funding_by_funder[i]);
        o.field("balance_by_funder")?;
        o.amounts(&funders, scale, |i| {
            f.funding_by_funder[i] - f.cost_by_funder[i]
        });
        o.field("cumulative_balance_by_funder")?;
        o.amounts(&funders, scale, |i| f.cumulative_by_funder[i]);
        if let Some(g) = &grid {
            o.field("cost_by_member")?;
            o.open(b'{');
            for (i, key) in parties.keys.iter().enumerate() {
                o.key(key);
                o.value(&num::plain2(g.at(i, j)))?;
            }
            o.close(b'}');
        }
        o.close(b'}');
        Ok(())
    };
    let mut o = Out {
        buf: Vec::with_capacity(CHUNK),
        pretty,
        depth: 0,
        first: true,
    };
    o.open(b'{');
    o.field("scenario")?;
    o.value(&ScenarioHead {
        name: &s.name,
        file: s.file.display().to_string(),
        start: s.window.from.to_string(),
        end: s.window.to.to_string(),
    })?;
    o.field("by")?;
    o.value(r.projection.by.name())?;
    if s.indexation.is_some() {
        o.field("prices")?;
        o.value(r.projection.prices.name())?;
    }
    o.field("funders")?;
    o.value(
        &s.funders
            .iter()
            .map(|f| FunderHead {
                id: &f.id,
                name: &f.name,
                residual: f.residual,
            })
            .collect::<Vec<_>>(),
    )?;
    if let Some(members) = &r.members {
        o.field("members")?;
        o.value(&members_head(members))?;
    }
    o.field("periods")?;
    o.open(b'[');
    let periods = &r.projection.periods;
    let depth = o.depth;
    // Each period on its own: an element of `periods`, after `j` others.
    let period = |j: usize, buf: Vec<u8>| -> serde_json::Result<Vec<u8>> {
        let mut p = Out {
            buf,
            pretty,
            depth,
            first: j == 0,
        };
        p.element();
        figures(&mut p, &periods[j], Some(j))?;
        Ok(p.buf)
    };
    if workers < 2 {
        for j in 0..periods.len() {
            o.buf = period(j, std::mem::take(&mut o.buf))?;
            o.drain(out, CHUNK)?;
        }
    } else {
        o.drain(out, 0)?;
        in_parallel(periods.len(), &period, workers, out)?;
    }
    o.first = periods.is_empty();
    o.close(b']');
    o.field("total")?;
    figures(&mut o, &r.projection.total, None)?;
    o.close(b'}');
    o.buf.push(b'\n');
    o.drain(out, 0)?;
    out.flush()
}

/// How much is gathered before it is handed to the output.
const CHUNK: usize = 1 << 16;

/// Writes `piece(0)`, `piece(1)`, … `piece(n - 1)` to `out` in order, made on `workers` threads
/// while this thread writes: a large report's figures take longer to turn into
/// text than to write. Each piece is made into an empty buffer that `piece` is given.
fn in_parallel(
    n: usize,
    piece: &(dyn Fn(usize, Vec<u8>) -> serde_json::Result<Vec<u8>> + Sync),
    workers: usize,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    use std::sync::mpsc;
    std::thread::scope(|scope| {
        // Worker `w` makes pieces w, w + workers, …, each handed over as soon as it is made, at
        // most one waiting, and gets its buffers back once written: memory stays a few pieces,
        // and fresh memory (a page fault a page) is taken only at the start.
        let workers: Vec<Option<_>> = (0..workers)
            .map(|w| {
                let (send, made) = mpsc::sync_channel::<serde_json::Result<Vec<u8>>>(1);
                let (give_back, returned) = mpsc::channel::<Vec<u8>>();
                let started = std::thread::Builder::new().spawn_scoped(scope, move || {
                    let mut size = 0;
                    for j in (w..n).step_by(workers) {
                        let buf = returned
                            .try_recv()
                            .unwrap_or_else(|_| Vec::with_capacity(size + size / 8));
                        let done = piece(j, buf);
                        let failed = match &done {
                            Ok(buf) => {
                                size = size.max(buf.len());
                                false
                            }
                            Err(_) => true,
                        };
                        if send.send(done).is_err() || failed {
                            return;
                        }
                    }
                });
                started.ok().map(|_| (made, give_back))
            })
            .collect();
        for j in 0..n {
            // A worker stops only after its last piece or an error, both received here first;
            // a piece whose worker could not start (or did not send it) is made here.
            let worker = workers[j % workers.len()].as_ref();
            let mut piece = match worker.map(|(made, _)| made.recv()) {
                Some(Ok(made)) => made?,
                _ => piece(j, Vec::new())?,
            };
            out.write_all(&piece)?;
            piece.clear();
            if let Some((_, give_back)) = worker {
                // A worker that has made its last piece needs it no more.
                let _ = give_back.send(piece);
            }
        }
        Ok(())
    })
}

struct SideJson<'a> {
    cmp: &'a Comparison<'a>,
    funders: &'a [&'a str],
    side: &'a Side,
    /// The parties, their grid, and the period (none for the total).
    members: Option<(&'a [&'a str], &'a Grid, Option<usize>)>,
}

impl Serialize for SideJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("fte", &Num(self.side.fte))?;
        m.serialize_entry("cost", &Num(self.cmp.money(self.side.cost)))?;
        m.serialize_entry(
            "cost_by_funder",
            &Map {
                ids: self.funders,
                value: |i| self.cmp.money(self.side.cost_by_funder[i]),
            },
        )?;
        if let Some((ids, grid, j)) = self.members {
            m.serialize_entry(
                "cost_by_member",
                &Map {
                    ids,
                    value: |i| grid.at(i, j),
                },
            )?;
        }
        m.end()
    }
}

#[derive(Serialize)]
struct Named<'a> {
    name: &'a str,
    file: String,
}

fn named(s: &Scenario) -> Named<'_> {
    Named {
        name: &s.name,
        file: s.file.display().to_string(),
    }
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    kind: &'a str,
    id: &'a str,
    change: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fields: Vec<FieldJson<'a>>,
}

#[derive(Serialize)]
struct FieldJson<'a> {
    field: &'a str,
    a: Option<String>,
    b: Option<String>,
}

/// `compare --format json`: indented when `pretty`, else compact.
pub fn compare(c: &Comparison, out: &mut dyn Write, pretty: bool) -> std::io::Result<()> {
    let funders: Vec<&str> = c.funders.iter().map(|f| f.id.as_str()).collect();
    let member_grids = c.member_grids();
    let party_ids: Vec<&str> = member_grids
        .as_ref()
        .map(|(parties, _)| parties.iter().map(|p| p.id.as_str()).collect())
        .unwrap_or_default();
    let sides = |sides: &[Side; 3], j: Option<usize>| -> serde_json::Result<serde_json::Value> {
        let mut m = serde_json::Map::new();
        for (k, (key, side)) in ["a", "b", "delta"].into_iter().zip(sides).enumerate() {
            let members = member_grids
                .as_ref()
                .map(|(_, grids)| (party_ids.as_slice(), &grids[k], j));
            m.insert(
                key.to_string(),
                serde_json::to_value(SideJson {
                    cmp: c,
                    funders: &funders,
                    side,
                    members,
                })?,
            );
        }
        Ok(serde_json::Value::Object(m))
    };
    let mut periods = Vec::with_capacity(c.periods.len());
    for (j, p) in c.periods.iter().enumerate() {
        let mut v = serde_json::Map::new();
        v.insert("label".into(), p.label.clone().into());
        v.insert("start".into(), p.start.to_string().into());
        v.insert("end".into(), p.end.to_string().into());
        if let serde_json::Value::Object(s) = sides(&c.period(p), Some(j))? {
            v.extend(s);
        }
        periods.push(serde_json::Value::Object(v));
    }
    let window = c.window();
    let mut total = serde_json::Map::new();
    total.insert("start".into(), window.from.to_string().into());
    total.insert("end".into(), window.to.to_string().into());
    if let serde_json::Value::Object(s) = sides(&c.total(), None)? {
        total.extend(s);
    }
    let changes: Vec<ChangeJson> = c
        .changes
        .iter()
        .map(|ch| {
            let described = |fields| Some(describe(ch.kind, fields, Lang::En));
            let (change, description, fields) = match &ch.what {
                ChangeKind::Added(f) => ("added", described(f), Vec::new()),
                ChangeKind::Removed(f) => ("removed", described(f), Vec::new()),
                ChangeKind::Changed(fs) => (
                    "changed",
                    None,
                    fs.iter()
                        .map(|f| FieldJson {
                            field: f.field,
                            a: f.a.as_ref().map(|v| v.plain()),
                            b: f.b.as_ref().map(|v| v.plain()),
                        })
                        .collect(),
                ),
            };
            ChangeJson {
                kind: ch.kind,
                id: &ch.id,
                change,
                description,
                fields,
            }
        })
        .collect();
    let mut body = serde_json::Map::new();
    body.insert("a".into(), serde_json::to_value(named(c.a.scenario))?);
    body.insert("b".into(), serde_json::to_value(named(c.b.scenario))?);
    body.insert("by".into(), c.by().name().into());
    if let (Some(members), Some((parties, _))) = (&c.a.members, &member_grids) {
        let mut head = members_head(members);
        head.parties = parties
            .iter()
            .map(|p| FunderHeadShort {
                id: &p.id,
                name: &p.name,
            })
            .collect();
        body.insert("members".into(), serde_json::to_value(head)?);
    }
    body.insert("periods".into(), serde_json::Value::Array(periods));
    body.insert("total".into(), serde_json::Value::Object(total));
    body.insert("changes".into(), serde_json::to_value(changes)?);
    write_json(&serde_json::Value::Object(body), out, pretty)
}

#[derive(Serialize)]
struct CheckJson<'a> {
    scenarios: Vec<CheckedJson<'a>>,
    summary: SummaryJson,
}

#[derive(Serialize)]
struct CheckedJson<'a> {
    file: String,
    name: Option<&'a str>,
    status: &'static str,
    shortfalls: Vec<ShortfallJson<'a>>,
    errors: Vec<ErrorJson>,
}

#[derive(Serialize)]
struct ShortfallJson<'a> {
    funder: &'a str,
    period: &'a str,
    end: String,
    shortfall: Num,
}

#[derive(Serialize)]
struct ErrorJson {
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

#[derive(Serialize)]
struct SummaryJson {
    balanced: usize,
    unbalanced: usize,
    invalid: usize,
}

/// `check --format json`: indented when `pretty`, else compact.
pub fn check(report: &CheckReport, out: &mut dyn Write, pretty: bool) -> std::io::Result<()> {
    let scenarios = report
        .scenarios
        .iter()
        .map(|c| {
            let (status, shortfalls, errors) = match &c.status {
                Status::Balanced => ("balanced", Vec::new(), Vec::new()),
                Status::Unbalanced(found) => (
                    "unbalanced",
                    found
                        .iter()
                        .map(|s| ShortfallJson {
                            funder: &s.funder,
                            period: &s.period,
                            end: s.end.to_string(),
                            shortfall: Num(s.shortfall),
                        })
                        .collect(),
                    Vec::new(),
                ),
                Status::Invalid(d) => (
                    "invalid",
                    Vec::new(),
                    d.errors()
                        .map(|e| {
                            let place = e.line_column(&d.sources);
                            ErrorJson {
                                message: e.message.clone(),
                                line: place.map(|p| p.0),
                                column: place.map(|p| p.1),
                            }
                        })
                        .collect(),
                ),
            };
            CheckedJson {
                file: c.file.display().to_string(),
                name: c.name.as_deref(),
                status,
                shortfalls,
                errors,
            }
        })
        .collect();
    let s = report.summary();
    let json = CheckJson {
        scenarios,
        summary: SummaryJson {
            balanced: s.balanced,
            unbalanced: s.unbalanced,
            invalid: s.invalid,
        },
    };
    write_json(&json, out, pretty)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::allocation::{Mode, allocate};
    use crate::engine::project;
    use crate::i18n::Precision;
    use crate::load::prepare::Prepared;
    use crate::period::By;
    use crate::report::Members;

    /// The text outside JSON strings without its whitespace.
    fn squeezed(json: &str) -> String {
        let (mut out, mut in_string, mut escaped) = (String::new(), false, false);
        for c in json.chars() {
            if in_string {
                (in_string, escaped) = (escaped || c != '"', !escaped && c == '\\');
            } else if c == '"' {
                in_string = true;
            } else if c.is_whitespace() {
                continue;
            }
            out.push(c);
        }
        out
    }

    fn status_quo() -> crate::load::Loaded {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/status-quo.toml");
        Prepared::open(&path).unwrap().into_loaded(&[]).unwrap()
    }

    /// `s`'s report by `by`, with its members' shares.
    fn by_member(s: &Scenario, by: By) -> Report<'_> {
        let members = Members {
            allocation: allocate(s, Mode::ByMember).unwrap(),
            precision: Precision::Kr,
        };
        Report::new(s, project(s, by).unwrap()).with_members(Some(members))
    }

    #[test]
    fn pretty_and_compact_reports_hold_the_same_json_in_serde_json_layouts() {
        let loaded = status_quo();
        let r = by_member(&loaded.scenario, By::HalfYear);
        let text = |pretty| {
            let mut out = Vec::new();
            report(&r, &mut out, pretty).unwrap();
            String::from_utf8(out).unwrap()
        };
        let (compact, pretty) = (text(false), text(true));
        assert_eq!(compact.lines().count(), 1);
        assert_eq!(squeezed(&pretty), squeezed(&compact));
        let value: serde_json::Value = serde_json::from_str(&compact).unwrap();
        assert_eq!(value["total"]["cost"], "9600000.00");
        assert_eq!(value["periods"][1]["items"]["regional-post"], "400000.00");
        // serde_json's pretty layout, nested values (through serde) and figures (by hand) alike.
        assert!(pretty.starts_with("{\n  \"scenario\": {\n    \"name\": \"Status quo"));
        assert!(pretty.contains("\n  \"members\": {\n    \"mode\": \"by-member\",\n"));
        assert!(
            pretty.contains("\n      \"items\": {\n        \"regional-post\": \"400000.00\",\n")
        );
        assert!(pretty.contains("\n    \"cost_by_member\": {\n      \"brn\": \"6400000.00\","));
        assert!(pretty.ends_with("\n  }\n}\n"));
    }

    #[test]
    fn keys_too_long_to_copy_at_a_fixed_width_are_written_whole() {
        let long = "a-post-whose-id-is-longer-than-the-fixed-width";
        let text = format!(
            "[scenario]\nname = \"Long\"\nstart = 2023-01-01\nend = 2023-12-31\n\
             [funders.brn]\nresidual = true\n\
             [[posts]]\nid = \"p\"\nfte = 1\nannual_cost_per_fte = 1_200_000\npaid_by = \"brn\"\n\
             [[posts]]\nid = \"{long}\"\nfte = 0.5\nannual_cost_per_fte = 999_999_999.99\nfrom = 2023-02-11\npaid_by = \"brn\"\n"
        );
        let loaded = crate::load::load_str(std::path::Path::new("long.toml"), text).unwrap();
        let s = &loaded.scenario;
        let r = Report::new(s, project(s, By::Month).unwrap());
        for pretty in [false, true] {
            let mut out = Vec::new();
            report(&r, &mut out, pretty).unwrap();
            let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
            let items = &value["periods"][2]["items"];
            assert_eq!(items.as_object().unwrap().len(), 2);
            assert_eq!(items["p"], "100000.00");
            assert_eq!(items[long], "41666666.67");
            assert_eq!(value["periods"][1]["items"][long], "26785714.29");
            assert_eq!(value["total"]["items"][long], "443452380.95");
        }
    }

    #[test]
    fn periods_made_on_threads_are_written_as_on_one() {
        let loaded = status_quo();
        let r = by_member(&loaded.scenario, By::Month);
        for pretty in [false, true] {
            let text = |workers| {
                let mut out = Vec::new();
                report_on(&r, &mut out, pretty, workers).unwrap();
                String::from_utf8(out).unwrap()
            };
            let one = text(1);
            let value: serde_json::Value = serde_json::from_str(&one).unwrap();
            assert_eq!(value["periods"].as_array().unwrap().len(), 48);
            assert_eq!(value["periods"][47]["label"], "2026-12");
            for workers in [2, 3, 5, 60] {
                assert_eq!(text(workers), one, "{workers} workers");
            }
        }
    }
}
