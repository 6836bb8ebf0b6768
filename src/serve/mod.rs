//! `klimabudget serve`: a local web view of scenarios, where "what if?" is answered live.
//!
//! A thin layer over the commands: every page, table, chart, download and answer is what
//! `report`, `compare`, `sensitivity`, `solve` and `check` write, run in-process with the
//! panel's values as `--set`s. [`App::handle`] answers one request without any network, so
//! that tests and benchmarks call it directly; [`http`] puts it behind an HTTP server on
//! 127.0.0.1 and watches the files.
//!
//! Every request needs the access token printed at start; a request addressed to another host
//! than 127.0.0.1 or localhost on the server's port is refused (DNS rebinding); requests that
//! change anything are POST with the token in a header (which no other site's page can send
//! without CORS, which is never granted). Only the scenario files served are read (and the
//! files they name, inside the root, as for the command line); only new variant files next to
//! them are written.

pub mod fields;
pub mod http;
mod page;
pub mod variant;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Deserialize;
use serde_json::{Value, json};

use crate::cmd::{self, Env, Error};
use crate::diag::Diagnostics;
use crate::export::Format;
use crate::i18n::Lang;
use crate::msg::{Count, Msg};
use crate::num::Unit;
use crate::period::By;
use crate::report::Mode;

/// The header a POST carries the token in.
pub const TOKEN_HEADER: &str = "X-Klimabudget-Token";

/// One request, as the HTTP layer hands it over.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub method: String,
    /// The path with the query: `/api/scenarios?t=…`.
    pub url: String,
    pub host: Option<String>,
    /// The token in [`TOKEN_HEADER`], if sent.
    pub token: Option<String>,
    /// The `Origin` header, if sent (browsers send it with every POST).
    pub origin: Option<String>,
    pub body: Vec<u8>,
}

/// One answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// For a download: the file name it is saved under.
    pub filename: Option<String>,
}

impl Reply {
    fn json(value: &Value) -> Reply {
        Reply {
            status: 200,
            content_type: "application/json",
            body: serde_json::to_vec(value).unwrap_or_default(),
            filename: None,
        }
    }

    fn refuse(status: u16, message: &Msg, lang: Lang) -> Reply {
        Reply {
            status,
            content_type: "text/plain; charset=utf-8",
            body: message.render(lang).into_bytes(),
            filename: None,
        }
    }
}

/// The server's state: what it serves, its token, and how often the files have changed.
pub struct App {
    /// The files and directories given (`scenarios/`).
    paths: Vec<PathBuf>,
    token: String,
    /// The hosts a request may be addressed to: `127.0.0.1:PORT` and `localhost:PORT`.
    hosts: Vec<String>,
    /// The language the page opens in.
    lang: Lang,
    /// Bumped whenever a file under what is served changes.
    generation: AtomicU64,
    /// The list of scenarios with their check status, as last computed: generation,
    /// language, JSON.
    listing: Mutex<Option<(u64, Lang, Value)>>,
}

/// The view the page asks for.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ViewState {
    pub scenario: String,
    /// Another served scenario to compare with (it is A, this one B), or `=saved` for this
    /// file as it is saved; empty for none.
    pub compare: String,
    /// The sensitivity of the scenario's assumptions in place of its report.
    pub sensitivity: bool,
    /// The changed values, as `--set` paths and values.
    pub set: Vec<(String, String)>,
    pub lang: String,
    pub unit: String,
    pub by: String,
    /// For `solve`: the path to vary.
    pub vary: String,
    /// For "save as variant": the new file's name.
    pub name: String,
    /// For downloads: the format.
    pub format: String,
}

/// A fresh access token: 128 random bits from the system, in hex.
pub fn new_token() -> std::io::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(std::io::Error::other)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Whether two tokens are equal, in time that does not depend on where they differ.
fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

fn lang_of(text: &str, default: Lang) -> Lang {
    match text {
        "da" => Lang::Da,
        "en" => Lang::En,
        _ => default,
    }
}

fn unit_of(text: &str) -> Unit {
    match text {
        "tkr" => Unit::Tkr,
        "mio" => Unit::Mio,
        "ore" => Unit::Ore,
        _ => Unit::Kr,
    }
}

fn by_of(text: &str) -> By {
    match text {
        "half-year" => By::HalfYear,
        "month" => By::Month,
        "total" => By::Total,
        _ => By::Year,
    }
}

/// Runs a command in-process, its output and warnings captured.
fn run_cmd(
    lang: Lang,
    command: impl FnOnce(&mut Env) -> Result<cmd::Exit, Error>,
) -> (Result<cmd::Exit, Error>, Vec<u8>, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let result = {
        let mut env = Env {
            out: &mut out,
            err: &mut err,
            color_out: false,
            color_err: false,
            err_tty: false,
            fit: false,
            width: None,
            deny_warnings: false,
            lang,
        };
        command(&mut env)
    };
    (
        result,
        out,
        String::from_utf8_lossy(&err).trim().to_string(),
    )
}

/// The body of an HTML page: what the page shows in place.
fn body_of(html: &[u8]) -> String {
    let html = String::from_utf8_lossy(html);
    let start = html.find("<body>").map_or(0, |i| i + "<body>".len());
    let end = html.rfind("</body>").unwrap_or(html.len());
    html[start..end.max(start)].trim().to_string()
}

/// The errors of a run, each on the field of the panel it is about where it is one: an
/// error in a `--set` is shown at the field of its path.
fn errors(e: &Error, lang: Lang) -> (Vec<Value>, String) {
    let Error::Input(d) = e else {
        return (Vec::new(), e.render(false, lang));
    };
    let mut at_fields = Vec::new();
    let mut rest = Diagnostics {
        sources: d.sources.clone(),
        items: Vec::new(),
    };
    for item in &d.items {
        let set = item
            .primary
            .as_ref()
            .filter(|l| d.sources.path(l.span.file) == Path::new("--set"))
            .map(|l| d.sources.text(l.span.file));
        match set.and_then(|t| t.split_once('=')) {
            Some((path, _)) => {
                let mut message = item.message.render(lang);
                if let Some(help) = &item.help {
                    message = format!("{message} ({})", help.render(lang));
                }
                at_fields.push(json!({ "path": path.trim(), "message": message }));
            }
            None => rest.items.push(item.clone()),
        }
    }
    let general = if rest.items.is_empty() {
        String::new()
    } else {
        rest.render(false, lang)
    };
    (at_fields, general)
}

impl App {
    /// An app serving `paths` (files and directories of scenarios) on `port`.
    pub fn new(paths: Vec<PathBuf>, port: u16, token: String, lang: Lang) -> App {
        App {
            paths,
            token,
            hosts: vec![format!("127.0.0.1:{port}"), format!("localhost:{port}")],
            lang,
            generation: AtomicU64::new(0),
            listing: Mutex::new(None),
        }
    }

    pub fn token(&self) -> &str {
        &self.token
    }

    /// Tells the app that a file changed on disk: lists and views are made again.
    pub fn changed(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// The scenario files served, as given (`scenarios/joint-secretariat.toml`).
    pub fn files(&self) -> Vec<PathBuf> {
        crate::report::check::scenario_files(&self.paths)
    }

    /// The served file a request names, by the exact name the list gives it; nothing else.
    fn served(&self, name: &str) -> Result<PathBuf, Reply> {
        self.files()
            .into_iter()
            .find(|f| f.to_string_lossy() == name)
            .ok_or_else(|| {
                Reply::refuse(
                    403,
                    &Msg::ServeOutsideRoot {
                        path: name.to_string(),
                    },
                    self.lang,
                )
            })
    }

    /// The scenario `s` compares `file` with: another served one, `file` as saved
    /// (`=saved`), or none.
    fn compared(&self, s: &ViewState, file: &Path) -> Result<Option<PathBuf>, Reply> {
        match s.compare.as_str() {
            "" => Ok(None),
            "=saved" => Ok(Some(file.to_path_buf())),
            other => self.served(other).map(Some),
        }
    }

    /// Answers one request.
    pub fn handle(&self, req: &Request) -> Reply {
        let (path, query) = req.url.split_once('?').unwrap_or((&req.url, ""));
        let params: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        let param = |k: &str| {
            params
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        let lang = lang_of(param("lang").unwrap_or(""), self.lang);
        // DNS rebinding: a page of another site that has its name pointed at 127.0.0.1 sends
        // its own name as the host.
        match &req.host {
            Some(h) if self.hosts.iter().any(|ok| ok.eq_ignore_ascii_case(h)) => {}
            other => {
                let host = other.clone().unwrap_or_default();
                return Reply::refuse(403, &Msg::ServeForeignHost { host }, lang);
            }
        }
        let post = req.method.eq_ignore_ascii_case("POST");
        // A POST carries the token in its header only, and comes from this server's page.
        let token = if post {
            req.token.as_deref()
        } else {
            req.token.as_deref().or(param("t"))
        };
        if !token.is_some_and(|t| same_token(t, &self.token)) {
            return Reply::refuse(401, &Msg::ServeNoToken, lang);
        }
        if post
            && let Some(origin) = &req.origin
            && !self
                .hosts
                .iter()
                .any(|h| origin.eq_ignore_ascii_case(&format!("http://{h}")))
        {
            return Reply::refuse(
                403,
                &Msg::ServeForeignHost {
                    host: origin.clone(),
                },
                lang,
            );
        }
        // Each address and the method it takes: POST for those that compute or write.
        let wants_post = match path {
            "/api/view" | "/api/solve" | "/api/save" => true,
            "/" | "/app.js" | "/app.css" | "/api/scenarios" | "/download" => false,
            _ => return Reply::refuse(404, &Msg::ServeNotFound, lang),
        };
        let method_ok = if wants_post {
            post
        } else {
            req.method.eq_ignore_ascii_case("GET")
        };
        if !method_ok {
            return Reply::refuse(405, &Msg::ServeMethod, lang);
        }
        let state = || -> Result<ViewState, Reply> {
            let mut s: ViewState = if post {
                serde_json::from_slice(&req.body).map_err(|e| {
                    Reply::refuse(
                        400,
                        &Msg::ServeBadRequest {
                            what: e.to_string(),
                        },
                        lang,
                    )
                })?
            } else {
                ViewState::default()
            };
            for (k, v) in &params {
                match k.as_str() {
                    "scenario" => s.scenario = v.clone(),
                    "compare" => s.compare = v.clone(),
                    "sensitivity" => s.sensitivity = v == "1",
                    "lang" => s.lang = v.clone(),
                    "unit" => s.unit = v.clone(),
                    "by" => s.by = v.clone(),
                    "format" => s.format = v.clone(),
                    "set" => {
                        if let Some((p, x)) = v.split_once('=') {
                            s.set.push((p.to_string(), x.to_string()));
                        }
                    }
                    _ => {}
                }
            }
            Ok(s)
        };
        let answer = match path {
            "/" => Ok(page::shell(lang, &self.token)),
            "/app.js" => Ok(page::asset("app.js")),
            "/app.css" => Ok(page::asset("app.css")),
            "/api/scenarios" => Ok(self.scenarios(lang)),
            _ => state().and_then(|s| match path {
                "/api/view" => self.view(&s),
                "/api/solve" => self.solve(&s),
                "/api/save" => self.save(&s),
                _ => self.download(&s),
            }),
        };
        answer.unwrap_or_else(|refused| refused)
    }

    /// Every served scenario with its check status, and the generation of the files.
    fn scenarios(&self, lang: Lang) -> Reply {
        let generation = self.generation.load(Ordering::SeqCst);
        let mut cached = self
            .listing
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((g, l, v)) = cached.as_ref()
            && *g == generation
            && *l == lang
        {
            return Reply::json(v);
        }
        let options = crate::report::check::Options {
            by: By::Year,
            prices: Default::default(),
            overrides: Vec::new(),
            deny_warnings: false,
            require_funded: false,
        };
        let list: Vec<Value> = self
            .files()
            .iter()
            .map(|f| {
                let c = crate::report::check::check_file(f, &options);
                let status = match c.status() {
                    crate::report::check::Status::Balanced => "balanced",
                    crate::report::check::Status::Unbalanced => "unbalanced",
                    crate::report::check::Status::Invalid => "invalid",
                };
                let line = check_line(&c, lang);
                // The line begins with the status in the language: `i balance   scenarios/…`.
                let shown = f.to_string_lossy().to_string();
                let (label, rest) = match line.find(&shown) {
                    Some(i) => (line[..i].trim().to_string(), line[i..].to_string()),
                    None => (status.to_string(), line.clone()),
                };
                let errors = c
                    .errors
                    .as_ref()
                    .map(|d| d.render(false, lang))
                    .unwrap_or_default();
                let name = c.scenario.as_ref().map(|s| s.name.clone());
                json!({
                    "path": f.to_string_lossy(),
                    "name": name,
                    "status": status,
                    "label": label,
                    "line": rest,
                    "errors": errors,
                })
            })
            .collect();
        let value = json!({ "generation": generation, "scenarios": list });
        *cached = Some((generation, lang, value.clone()));
        Reply::json(&value)
    }

    /// A scenario's report (or its comparison, or its sensitivity) with the panel's values,
    /// the values the panel can change, and the errors of those that cannot be.
    fn view(&self, s: &ViewState) -> Result<Reply, Reply> {
        let started = std::time::Instant::now();
        let lang = lang_of(&s.lang, self.lang);
        let file = self.served(&s.scenario)?;
        let compare = self.compared(s, &file)?;
        // The scenario as saved: the panel's fields and what a solve may vary.
        let base = crate::load::Prepared::open(&file).and_then(|p| p.into_loaded(&[]));
        let (fields, solvable, assumptions, title) = match &base {
            Ok(l) => (
                fields::fields(&l.scenario, lang),
                fields::solvable(&l.scenario),
                !l.scenario.assumptions.is_empty(),
                l.scenario.name.clone(),
            ),
            Err(_) => (Vec::new(), Vec::new(), false, s.scenario.clone()),
        };
        let (result, out, warnings) = self.render(s, &file, compare.as_deref(), Format::Html);
        let (field_errors, general) = match &result {
            Ok(_) => (Vec::new(), String::new()),
            Err(e) => errors(e, lang),
        };
        let solvable: Vec<Value> = solvable
            .iter()
            .map(|(path, funder, entry)| json!({ "path": path, "funder": funder, "entry": entry }))
            .collect();
        let ms = started.elapsed().as_millis();
        Ok(Reply::json(&json!({
            "ok": result.is_ok(),
            "title": title,
            "html": if result.is_ok() { body_of(&out) } else { String::new() },
            "warnings": warnings,
            "errors": field_errors,
            "general": general,
            "fields": fields,
            "solvable": solvable,
            "assumptions": assumptions,
            "generation": self.generation.load(Ordering::SeqCst),
            "updated": Msg::UiUpdated { ms: Count(usize::try_from(ms).unwrap_or(usize::MAX)) }.render(lang),
        })))
    }

    /// The view `s` asks for in `format`, as the command line writes it.
    fn render(
        &self,
        s: &ViewState,
        file: &Path,
        compare: Option<&Path>,
        format: Format,
    ) -> (Result<cmd::Exit, Error>, Vec<u8>, String) {
        let lang = lang_of(&s.lang, self.lang);
        let set: Vec<String> = s.set.iter().map(|(p, v)| format!("{p}={v}")).collect();
        let output = cmd::OutputOptions {
            format: Some(format),
            ..Default::default()
        };
        let (unit, by) = (unit_of(&s.unit), by_of(&s.by));
        run_cmd(lang, |env| match compare {
            Some(a) => cmd::compare::run(
                &cmd::compare::Options {
                    a: a.to_path_buf(),
                    b: file.to_path_buf(),
                    by,
                    output,
                    unit,
                    rounding: Mode::default(),
                    window: Default::default(),
                    members: Default::default(),
                    scenarios: Default::default(),
                    set_a: Vec::new(),
                    set_b: set,
                    bridge: vec![String::new()],
                },
                env,
            ),
            None if s.sensitivity => cmd::sensitivity::run(
                &cmd::sensitivity::Options {
                    scenario: file.to_path_buf(),
                    show: "total.cost".to_string(),
                    sensitivity: "10%".to_string(),
                    output,
                    unit,
                    scenarios: cmd::ScenarioOptions {
                        set,
                        ..Default::default()
                    },
                },
                env,
            ),
            None => cmd::report::run(
                &cmd::report::Options {
                    scenario: file.to_path_buf(),
                    by,
                    output,
                    unit,
                    rounding: Mode::default(),
                    members: Default::default(),
                    scenarios: cmd::ScenarioOptions {
                        set,
                        ..Default::default()
                    },
                    explain: false,
                },
                env,
            ),
        })
    }

    /// "What must this funder set aside?": `solve` of the amount `s.vary`, with the panel's
    /// values; the answer in words and as the value to put in the panel.
    fn solve(&self, s: &ViewState) -> Result<Reply, Reply> {
        let lang = lang_of(&s.lang, self.lang);
        let file = self.served(&s.scenario)?;
        let set: Vec<String> = s.set.iter().map(|(p, v)| format!("{p}={v}")).collect();
        let run = |format| {
            run_cmd(lang, |env| {
                cmd::solve::run(
                    &cmd::solve::Options {
                        scenario: file.clone(),
                        vary: s.vary.clone(),
                        until: Default::default(),
                        round_to: None,
                        by: by_of(&s.by),
                        format,
                        scenarios: cmd::ScenarioOptions {
                            set: set.clone(),
                            ..Default::default()
                        },
                    },
                    env,
                )
            })
        };
        let (result, text, _) = run(cmd::solve::SolveFormat::Text);
        if let Err(e) = result {
            let (at, general) = errors(&e, lang);
            return Ok(Reply::json(
                &json!({ "ok": false, "errors": at, "general": general }),
            ));
        }
        let (_, data, _) = run(cmd::solve::SolveFormat::Json);
        let value = serde_json::from_slice::<Value>(&data)
            .ok()
            .and_then(|v| v.get("value").cloned())
            .map(|v| match v {
                Value::String(s) => s,
                other => other.to_string(),
            })
            .unwrap_or_default();
        Ok(Reply::json(&json!({
            "ok": true,
            "text": String::from_utf8_lossy(&text).trim(),
            "path": s.vary,
            "value": value,
        })))
    }

    /// "Save as variant": a new file next to the scenario with `extends` and the changed
    /// values; checked before it is written, never over a file.
    fn save(&self, s: &ViewState) -> Result<Reply, Reply> {
        let lang = lang_of(&s.lang, self.lang);
        let file = self.served(&s.scenario)?;
        let fail = |m: Msg| {
            Ok(Reply::json(
                &json!({ "ok": false, "general": m.render(lang) }),
            ))
        };
        if !variant::valid_name(&s.name) {
            return fail(Msg::ServeBadName {
                name: s.name.clone(),
            });
        }
        if s.set.is_empty() {
            return fail(Msg::ServeNothingChanged);
        }
        let target = file.with_file_name(&s.name);
        // The values must load as they do in the panel.
        let set: Vec<crate::load::Override> = s
            .set
            .iter()
            .map(|(p, v)| crate::load::Override::new(format!("{p}={v}")))
            .collect();
        let shown = match crate::load::Prepared::open(&file).and_then(|p| p.into_loaded(&set)) {
            Ok(loaded) => loaded,
            Err(d) => {
                let (at, general) = errors(&Error::Input(d), lang);
                return Ok(Reply::json(
                    &json!({ "ok": false, "errors": at, "general": general }),
                ));
            }
        };
        let base_text = std::fs::read_to_string(&file).unwrap_or_default();
        let schema = base_text
            .lines()
            .next()
            .filter(|l| l.starts_with("#:schema"));
        let base_name = file
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let head = match cmd::today() {
            Some(day) => Msg::ServeVariantHead {
                base: base_name.clone(),
                date: crate::msg::Day(day),
            }
            .render(lang),
            None => String::new(),
        };
        let text = variant::text(&base_name, schema, &head, &s.set);
        // The variant as written must load and give the figures the panel shows.
        let written = crate::load::Prepared::parse(&target, text.clone()).load(&[]);
        let project = |s: &crate::model::Scenario| {
            crate::engine::project_in(s, By::Month, Default::default())
        };
        let same = written.is_ok_and(|w| {
            matches!((project(&w.scenario), project(&shown.scenario)), (Ok(x), Ok(y)) if x == y)
        });
        if !same {
            return fail(Msg::ServeVariantDiffers);
        }
        match variant::write_new(&target, &text) {
            Ok(()) => {
                self.changed();
                let file = target.display().to_string();
                Ok(Reply::json(&json!({
                    "ok": true,
                    "file": file,
                    "message": Msg::ServeSaved { file: file.clone() }.render(lang),
                })))
            }
            Err(e) => fail(variant::message(&e)),
        }
    }

    /// The current view as a file in any format the command line writes.
    fn download(&self, s: &ViewState) -> Result<Reply, Reply> {
        let lang = lang_of(&s.lang, self.lang);
        let file = self.served(&s.scenario)?;
        let compare = self.compared(s, &file)?;
        let format = Format::from_path(Path::new(&format!("x.{}", s.format)))
            .filter(|_| !s.format.is_empty())
            .ok_or_else(|| {
                Reply::refuse(
                    400,
                    &Msg::ServeBadFormat {
                        format: s.format.clone(),
                    },
                    lang,
                )
            })?;
        let (result, out, _) = self.render(s, &file, compare.as_deref(), format);
        if let Err(e) = result {
            let (at, general) = errors(&e, lang);
            let mut text = general;
            for a in at {
                text.push_str(&format!("\n{}", a["message"].as_str().unwrap_or_default()));
            }
            return Err(Reply {
                status: 422,
                content_type: "text/plain; charset=utf-8",
                body: text.trim().as_bytes().to_vec(),
                filename: None,
            });
        }
        let stem = file
            .file_stem()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "klimabudget".to_string());
        Ok(Reply {
            status: 200,
            content_type: page::mime(&s.format),
            body: out,
            filename: Some(format!("{stem}.{}", s.format)),
        })
    }
}

/// The line `check` writes for a scenario, in `lang`, without the summary.
fn check_line(c: &crate::report::check::Checked, lang: Lang) -> String {
    let report = crate::report::check::report(std::slice::from_ref(c), lang);
    let options = crate::export::Options {
        view: crate::i18n::View {
            lang,
            unit: Unit::Ore,
        },
        ..Default::default()
    };
    let text = crate::export::render(&report, Format::Table, &options).unwrap_or_default();
    let text = String::from_utf8_lossy(&text);
    // The last line is the summary of one scenario.
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[..lines.len().saturating_sub(1)].join("\n")
}
