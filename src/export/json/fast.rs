//! The fast path for the JSON of very large reports, behind this one door: the same bytes as
//! the serde path of [`super`] (a test holds them equal), written straight from the
//! projection, each period's text made on worker threads while this one writes, into buffers
//! handed back and forth. A by-month report of 100,000 posts holds 12 million figures; this
//! path writes them in about a third of the serde path's time and without a copy of the
//! report in memory.

use std::io::Write;

use serde::Serialize;

use crate::engine::{Amount, Figures, Projection, Scale};
use crate::model::Scenario;
use crate::num;

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

/// From this many figures (periods × items) a report without members takes this path.
const LARGE_FIGURES: usize = 1 << 16;

/// Whether the report of `s` projected as `p` is large enough for this path.
pub fn applies(s: &Scenario, p: &Projection) -> bool {
    p.periods.len() * (s.item_count() + 1) >= LARGE_FIGURES
}

/// `report --format json` of a report without members: indented when `pretty`, else compact.
pub fn report(
    s: &Scenario,
    p: &Projection,
    out: &mut dyn Write,
    pretty: bool,
) -> std::io::Result<()> {
    report_on(s, p, out, pretty, crate::cores())
}

/// [`report`], its periods made on `workers` threads besides this one when more than one.
fn report_on(
    s: &Scenario,
    p: &Projection,
    out: &mut dyn Write,
    pretty: bool,
    workers: usize,
) -> std::io::Result<()> {
    let funders = Keys::new(s.funders.iter().map(|f| f.id.as_str()), pretty)?;
    let items = Keys::new(s.item_ids(), pretty)?;
    let scale = p.scale;
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
    o.value(p.by.name())?;
    if s.indexation.is_some() {
        o.field("prices")?;
        o.value(p.prices.name())?;
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
    o.field("periods")?;
    o.open(b'[');
    let periods = &p.periods;
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
    figures(&mut o, &p.total, None)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::project;
    use crate::export::{Exporter, json::Json};
    use crate::period::By;
    use crate::report::Rounding;

    /// The serde path's bytes for the report of `s` by `by`.
    fn reference(s: &Scenario, p: &Projection, pretty: bool) -> Vec<u8> {
        let shown = crate::report::scenario::report(s, p, None).shown(Rounding::data());
        Json { pretty }.serialize(&shown).unwrap()
    }

    fn loaded(text: &str) -> crate::load::Loaded {
        crate::load::load_str(std::path::Path::new("fast.toml"), text.to_string()).unwrap()
    }

    #[test]
    fn keys_too_long_to_copy_at_a_fixed_width_are_written_whole() {
        let long = "a-post-whose-id-is-longer-than-the-fixed-width";
        let loaded = loaded(&format!(
            "[scenario]\nname = \"Long\"\nstart = 2023-01-01\nend = 2023-12-31\n\
             [funders.brn]\nresidual = true\n\
             [[posts]]\nid = \"p\"\nfte = 1\nannual_cost_per_fte = 1_200_000\npaid_by = \"brn\"\n\
             [[posts]]\nid = \"{long}\"\nfte = 0.5\nannual_cost_per_fte = 999_999_999.99\nfrom = 2023-02-11\npaid_by = \"brn\"\n"
        ));
        let s = &loaded.scenario;
        let p = project(s, By::Month).unwrap();
        for pretty in [false, true] {
            let mut out = Vec::new();
            report_on(s, &p, &mut out, pretty, 1).unwrap();
            assert_eq!(out, reference(s, &p, pretty));
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
    fn periods_made_on_threads_are_written_as_on_one_and_as_the_serde_path() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/status-quo.toml");
        let loaded = crate::load::load_file(&path).unwrap();
        let s = &loaded.scenario;
        let p = project(s, By::Month).unwrap();
        for pretty in [false, true] {
            let text = |workers| {
                let mut out = Vec::new();
                report_on(s, &p, &mut out, pretty, workers).unwrap();
                out
            };
            let one = text(1);
            assert_eq!(one, reference(s, &p, pretty));
            let value: serde_json::Value = serde_json::from_slice(&one).unwrap();
            assert_eq!(value["periods"].as_array().unwrap().len(), 48);
            assert_eq!(value["periods"][47]["label"], "2026-12");
            for workers in [2, 3, 5, 60] {
                assert_eq!(text(workers), one, "{workers} workers");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 24, failure_persistence: None, ..Default::default() })]

        /// The fast path writes the serde path's bytes, for any generated scenario, period and
        /// layout.
        #[test]
        fn the_fast_path_writes_the_reference_bytes(
            seed in 0u64..1_000_000,
            posts in 1usize..40,
            by in proptest::sample::select(vec![By::Year, By::HalfYear, By::Month, By::Total]),
            pretty in proptest::prelude::any::<bool>(),
            workers in 1usize..4,
        ) {
            let loaded = loaded(&crate::generate::scenario(posts, 3 + (seed % 4) as u16));
            let s = &loaded.scenario;
            let p = project(s, by).unwrap();
            let mut out = Vec::new();
            report_on(s, &p, &mut out, pretty, workers).unwrap();
            proptest::prop_assert_eq!(out, reference(s, &p, pretty));
        }
    }
}
