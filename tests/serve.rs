//! `klimabudget serve`: its answers (in-process, through `App::handle`), its safety on a
//! shared machine (token, host, paths, POST), the server over real HTTP, and the page in
//! headless Chromium driven over the DevTools protocol: the what-if panel, solve, save as
//! variant, the language switch, a keyboard-only pass and a file changed on disk.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use klimabudget::i18n::Lang;
use klimabudget::serve::{App, Reply, Request};
use serde_json::{Value, json};

use crate::common::{klimabudget, klimabudget_in, root, tool};

const PORT: u16 = 4711;
const TOKEN: &str = "0123456789abcdef0123456789abcdef";

/// A copy of the shipped scenarios and keys in a directory of its own, to write variants in;
/// inside the repository's `target/`, so that the root of a test's own process (the
/// repository) holds the keys the scenarios name.
fn workspace() -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for f in std::fs::read_dir(from).unwrap() {
            let f = f.unwrap().path();
            let target = to.join(f.file_name().unwrap());
            if f.is_dir() {
                copy(&f, &target);
            } else {
                std::fs::copy(&f, target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir_in(root().join("target")).unwrap();
    for sub in ["scenarios", "keys"] {
        copy(&root().join(sub), &dir.path().join(sub));
    }
    dir
}

fn app(paths: &[PathBuf]) -> App {
    App::new(paths.to_vec(), PORT, TOKEN.to_string(), Lang::En)
}

fn get(app: &App, url: &str) -> Reply {
    app.handle(&Request {
        method: "GET".into(),
        url: url.into(),
        host: Some(format!("127.0.0.1:{PORT}")),
        ..Default::default()
    })
}

fn post(app: &App, url: &str, body: &Value) -> Reply {
    app.handle(&Request {
        method: "POST".into(),
        url: url.into(),
        host: Some(format!("127.0.0.1:{PORT}")),
        token: Some(TOKEN.into()),
        origin: Some(format!("http://127.0.0.1:{PORT}")),
        body: serde_json::to_vec(body).unwrap(),
    })
}

fn json_of(r: &Reply) -> Value {
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    serde_json::from_slice(&r.body).unwrap()
}

fn text(r: &Reply) -> String {
    String::from_utf8_lossy(&r.body).to_string()
}

fn shipped() -> Vec<PathBuf> {
    vec![root().join("scenarios")]
}

fn scenario(name: &str) -> String {
    root().join("scenarios").join(name).display().to_string()
}

#[test]
fn every_request_needs_the_token() {
    let app = app(&shipped());
    for url in ["/", "/api/scenarios", "/app.js", "/download?format=json"] {
        let r = get(&app, url);
        assert_eq!(r.status, 401, "{url}");
        assert!(text(&r).contains("access token"), "{}", text(&r));
        let r = get(
            &app,
            &format!("{url}{}t=ffff", if url.contains('?') { "&" } else { "?" }),
        );
        assert_eq!(r.status, 401, "{url} with a wrong token");
    }
    let r = get(&app, &format!("/?t={TOKEN}"));
    assert_eq!(r.status, 200);
    assert!(text(&r).contains("<html lang=\"en\">"));
    assert_eq!(get(&app, &format!("/nothing?t={TOKEN}")).status, 404);
}

#[test]
fn a_request_to_another_host_is_refused() {
    let app = app(&shipped());
    for host in [
        Some("evil.example:4711"),
        Some("127.0.0.1:80"),
        Some("localhost"),
        None,
    ] {
        let r = app.handle(&Request {
            method: "GET".into(),
            url: format!("/api/scenarios?t={TOKEN}"),
            host: host.map(String::from),
            ..Default::default()
        });
        assert_eq!(r.status, 403, "{host:?}");
        assert!(text(&r).contains("not to this server"), "{}", text(&r));
    }
    assert_eq!(
        app.handle(&Request {
            method: "GET".into(),
            url: format!("/api/scenarios?t={TOKEN}"),
            host: Some(format!("localhost:{PORT}")),
            ..Default::default()
        })
        .status,
        200
    );
}

#[test]
fn changes_are_post_with_the_token_in_a_header_from_this_page() {
    let dir = workspace();
    let app = app(&[dir.path().join("scenarios")]);
    let base = dir.path().join("scenarios/joint-secretariat.toml");
    let body = json!({
        "scenario": base.display().to_string(),
        "name": "v.toml",
        "set": [["posts.regional-post.fte", "0.5"]],
    });
    let request = |method: &str, token: Option<&str>, origin: Option<&str>, url: &str| {
        app.handle(&Request {
            method: method.into(),
            url: url.into(),
            host: Some(format!("127.0.0.1:{PORT}")),
            token: token.map(String::from),
            origin: origin.map(String::from),
            body: serde_json::to_vec(&body).unwrap(),
        })
    };
    // The token in the address does not do for a POST.
    assert_eq!(
        request("POST", None, None, &format!("/api/save?t={TOKEN}")).status,
        401
    );
    assert_eq!(request("POST", Some("nope"), None, "/api/save").status, 401);
    // Another site's page, even with the token.
    let r = request(
        "POST",
        Some(TOKEN),
        Some("http://evil.example"),
        "/api/save",
    );
    assert_eq!(r.status, 403);
    // Saving is never a GET.
    assert_eq!(request("GET", Some(TOKEN), None, "/api/save").status, 405);
    assert!(
        !dir.path().join("scenarios/v.toml").exists(),
        "nothing written"
    );
}

#[test]
fn a_path_outside_what_is_served_is_refused_and_nothing_is_read() {
    let app = app(&shipped());
    for path in [
        "scenarios/../Cargo.toml",
        "../../../../etc/passwd",
        "/etc/passwd",
        "Cargo.toml",
        &root().join("scenarios/../Cargo.toml").display().to_string(),
    ] {
        let body = json!({ "scenario": path });
        for url in ["/api/view", "/api/solve", "/api/save"] {
            let r = post(&app, url, &body);
            assert_eq!(r.status, 403, "{url} {path}");
            assert!(!text(&r).contains("[package]") && !text(&r).contains("root:"));
        }
        let q: String = form_urlencode(path);
        let r = get(
            &app,
            &format!("/download?t={TOKEN}&format=json&scenario={q}"),
        );
        assert_eq!(r.status, 403, "download {path}");
        assert!(!text(&r).contains("[package]"));
    }
}

fn form_urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[test]
fn the_list_holds_each_scenario_with_its_check() {
    let app = app(&shipped());
    let v = json_of(&get(&app, &format!("/api/scenarios?t={TOKEN}")));
    let list = v["scenarios"].as_array().unwrap();
    assert_eq!(list.len(), crate::common::toml_files("scenarios").len());
    let joint = list
        .iter()
        .find(|s| s["path"] == scenario("joint-secretariat.toml"))
        .unwrap();
    assert_eq!(joint["status"], "balanced");
    assert_eq!(joint["label"], "balanced");
    assert!(
        joint["line"]
            .as_str()
            .unwrap()
            .contains("must still find 7,040,000.00 kr. by 31 December 2026"),
        "{joint}"
    );
    let da = json_of(&get(&app, &format!("/api/scenarios?t={TOKEN}&lang=da")));
    let joint = &da["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["path"] == scenario("joint-secretariat.toml"))
        .unwrap();
    assert_eq!(joint["label"], "i balance");
    assert!(
        joint["line"]
            .as_str()
            .unwrap()
            .contains("mangler at finde 7.040.000,00 kr.")
    );
}

/// The figure `path` (`total.cost_by_funder.brn`) of `report SCENARIO --set …` as JSON.
fn reported(scenario: &str, set: &[&str], path: &str) -> String {
    let mut args = vec![
        "report".to_string(),
        scenario.to_string(),
        "--format".into(),
        "json".into(),
    ];
    for s in set {
        args.extend(["--set".to_string(), s.to_string()]);
    }
    let v = klimabudget(&args).code(0).json();
    let mut at = &v;
    for part in path.split('.') {
        at = &at[part];
    }
    at.as_str().unwrap().to_string()
}

/// `9520000.00` as an English table shows it: `9,520,000`.
fn shown_kr(exact: &str) -> String {
    let whole = exact.split('.').next().unwrap();
    let digits: Vec<char> = whole.chars().collect();
    let mut out = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(*c);
    }
    out
}

#[test]
fn a_changed_value_gives_the_figures_of_report_set() {
    let app = app(&shipped());
    let set = "posts.joint-municipal-post.annual_cost_per_fte=900000";
    let v = json_of(&post(
        &app,
        "/api/view",
        &json!({
            "scenario": scenario("joint-secretariat.toml"),
            "set": [["posts.joint-municipal-post.annual_cost_per_fte", "900000"]],
        }),
    ));
    assert_eq!(v["ok"], true, "{v}");
    let brn = reported(
        "scenarios/joint-secretariat.toml",
        &[set],
        "total.cost_by_funder.brn",
    );
    let before = reported(
        "scenarios/joint-secretariat.toml",
        &[],
        "total.cost_by_funder.brn",
    );
    assert_ne!(brn, before);
    let html = v["html"].as_str().unwrap();
    assert!(
        html.contains(&shown_kr(&brn)),
        "{} not in the view",
        shown_kr(&brn)
    );
    // The HTML of the view is the body of `report --format html --set …`.
    let page = klimabudget([
        "report",
        "scenarios/joint-secretariat.toml",
        "--set",
        set,
        "--format",
        "html",
    ])
    .code(0)
    .stdout;
    let body = &page[page.find("<body>").unwrap() + 6..page.rfind("</body>").unwrap()];
    // The same, but that the view names the file as it is served.
    let html = html.replace(&format!("{}/", root().display()), "");
    // Each is dated the day it is made (the tests' papers 10 February 2023).
    let undated = |s: &str| {
        s.lines()
            .filter(|l| !l.contains("Printed"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(undated(html.trim()), undated(body.trim()));
    // Every field the panel shows, with the file's values.
    let fields = v["fields"].as_array().unwrap();
    let cost = fields
        .iter()
        .find(|f| f["path"] == "posts.joint-municipal-post.annual_cost_per_fte")
        .unwrap();
    assert_eq!(cost["value"], "800000");
    assert_eq!(cost["kind"], "money");
    assert_eq!(cost["label"], "Cost per FTE a year");
    for path in [
        "posts.regional-post.fte",
        "posts.joint-municipal-post.from",
        "funding.brn-gen2040-phase3.amount",
        "funding.brn-dk2020.to",
        "scenario.end",
    ] {
        assert!(fields.iter().any(|f| f["path"] == path), "{path}");
    }
}

#[test]
fn a_bad_value_is_refused_at_its_field_with_the_cli_message() {
    let app = app(&shipped());
    for (path, value) in [
        ("posts.regional-post.fte", "abc"),
        ("posts.joint-municipal-post.annual_cost_per_fte", "-5"),
        ("posts.joint-municipal-post.from", "2031-01-01"),
    ] {
        let v = json_of(&post(
            &app,
            "/api/view",
            &json!({ "scenario": scenario("joint-secretariat.toml"), "set": [[path, value]], "lang": "da" }),
        ));
        assert_eq!(v["ok"], false);
        assert_eq!(v["html"], "");
        let at = &v["errors"][0];
        assert_eq!(at["path"], path, "{v}");
        let cli = klimabudget([
            "report",
            "scenarios/joint-secretariat.toml",
            "--lang",
            "da",
            "--set",
            &format!("{path}={value}"),
        ])
        .code(2);
        let message = at["message"].as_str().unwrap();
        let first = message.split(" (").next().unwrap();
        assert!(
            cli.stderr.contains(first),
            "{first:?} not in\n{}",
            cli.stderr
        );
    }
}

#[test]
fn an_invalid_file_shows_its_errors_not_a_blank_page() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "[scenario]\nname = \"x\"\nstart = 2023-01-01\nend = 2022-12-31\n",
    )
    .unwrap();
    let app = app(&[dir.path().to_path_buf()]);
    let list = json_of(&get(&app, &format!("/api/scenarios?t={TOKEN}")));
    assert_eq!(list["scenarios"][0]["status"], "invalid");
    let errors = list["scenarios"][0]["errors"].as_str().unwrap();
    assert!(errors.contains("bad.toml:4:7"), "{errors}");
    let v = json_of(&post(
        &app,
        "/api/view",
        &json!({ "scenario": bad.display().to_string() }),
    ));
    assert_eq!(v["ok"], false);
    assert!(
        v["general"].as_str().unwrap().contains("bad.toml:4:7"),
        "{v}"
    );
}

#[test]
fn solve_from_the_page_answers_as_the_command_does() {
    let app = app(&shipped());
    let set = ["posts.joint-municipal-post.annual_cost_per_fte", "900000"];
    let v = json_of(&post(
        &app,
        "/api/solve",
        &json!({
            "scenario": scenario("joint-secretariat.toml"),
            "set": [set],
            "vary": "funding.brn-joint-secretariat.annual",
        }),
    ));
    assert_eq!(v["ok"], true, "{v}");
    let cli = klimabudget([
        "solve",
        "scenarios/joint-secretariat.toml",
        "--vary",
        "funding.brn-joint-secretariat.annual",
        "--set",
        &set.join("="),
        "--format",
        "json",
    ])
    .code(0)
    .json();
    assert_eq!(v["value"], cli["value"]);
    assert_eq!(v["value"], "2111428.58");
    assert!(
        v["text"]
            .as_str()
            .unwrap()
            .starts_with("funding.brn-joint-secretariat.annual = 2,111,428.58 kr.")
    );
}

#[test]
fn save_as_variant_writes_a_new_file_that_check_reads() {
    let dir = workspace();
    let scenarios = dir.path().join("scenarios");
    let app = app(std::slice::from_ref(&scenarios));
    let base = scenarios
        .join("joint-secretariat.toml")
        .display()
        .to_string();
    let set = json!([["posts.joint-municipal-post.annual_cost_per_fte", "900000"]]);
    let save = |name: &str| {
        json_of(&post(
            &app,
            "/api/save",
            &json!({ "scenario": base, "name": name, "set": set }),
        ))
    };
    let v = save("joint-secretariat-900k.toml");
    assert_eq!(v["ok"], true, "{v}");
    let written = std::fs::read_to_string(scenarios.join("joint-secretariat-900k.toml")).unwrap();
    let lines: Vec<&str> = written
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    assert_eq!(
        lines,
        [
            "extends = \"joint-secretariat.toml\"",
            "[[posts]]",
            "id = \"joint-municipal-post\"",
            "annual_cost_per_fte = 900000",
        ]
    );
    // check reads it, and its figures are the panel's.
    let check = klimabudget_in(dir.path(), ["check", "scenarios/"]).code(0);
    assert!(
        check.stdout.contains("joint-secretariat-900k.toml"),
        "{}",
        check.stdout
    );
    let brn = klimabudget_in(
        dir.path(),
        [
            "report",
            "scenarios/joint-secretariat-900k.toml",
            "--format",
            "json",
        ],
    )
    .code(0)
    .json();
    assert_eq!(
        brn["total"]["cost_by_funder"]["brn"],
        reported(
            "scenarios/joint-secretariat.toml",
            &["posts.joint-municipal-post.annual_cost_per_fte=900000"],
            "total.cost_by_funder.brn"
        )
    );
    // Never over a file; never outside the directory; never with nothing changed.
    let again = save("joint-secretariat-900k.toml");
    assert_eq!(again["ok"], false);
    assert!(
        again["general"]
            .as_str()
            .unwrap()
            .contains("exists already")
    );
    assert_eq!(
        std::fs::read_to_string(scenarios.join("joint-secretariat-900k.toml")).unwrap(),
        written
    );
    for bad in ["../escape.toml", "sub/x.toml", ".hidden.toml", "x.txt"] {
        let v = save(bad);
        assert_eq!(v["ok"], false, "{bad}");
    }
    assert!(!dir.path().join("escape.toml").exists());
    let none = json_of(&post(
        &app,
        "/api/save",
        &json!({ "scenario": base, "name": "n.toml", "set": [] }),
    ));
    assert_eq!(none["ok"], false);
    // Nothing else was left in the directory (no temporary files).
    let mut names: Vec<String> = std::fs::read_dir(&scenarios)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with('.') || n.ends_with(".toml"))
        .collect();
    names.sort();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
}

#[test]
fn downloads_in_every_format() {
    let app = app(&shipped());
    let q = form_urlencode(&scenario("joint-secretariat.toml"));
    for (format, starts) in [
        ("html", b"<!DOCTYPE html>".as_slice()),
        ("pdf", b"%PDF"),
        ("docx", b"PK"),
        ("xlsx", b"PK"),
        ("md", b"#"),
        ("csv", b""),
        ("json", b"{"),
        ("txt", b""),
    ] {
        let r = get(
            &app,
            &format!(
                "/download?t={TOKEN}&scenario={q}&format={format}&set=posts.joint-municipal-post.annual_cost_per_fte%3D900000&compare="
            ),
        );
        assert_eq!(r.status, 200, "{format}: {}", text(&r));
        assert!(r.body.starts_with(starts), "{format}");
        assert_eq!(
            r.filename.as_deref(),
            Some(format!("joint-secretariat.{format}").as_str())
        );
    }
    let r = get(
        &app,
        &format!("/download?t={TOKEN}&scenario={q}&format=exe"),
    );
    assert_eq!(r.status, 400);
    assert!(
        text(&r).contains("`exe` is not a format to download"),
        "{}",
        text(&r)
    );
    let json: Value = serde_json::from_slice(
        &get(&app, &format!("/download?t={TOKEN}&scenario={q}&format=json&set=posts.joint-municipal-post.annual_cost_per_fte%3D900000")).body,
    )
    .unwrap();
    assert_eq!(
        json["total"]["cost_by_funder"]["brn"].as_str().unwrap(),
        reported(
            "scenarios/joint-secretariat.toml",
            &["posts.joint-municipal-post.annual_cost_per_fte=900000"],
            "total.cost_by_funder.brn"
        )
    );
}

/// `klimabudget serve` running in `dir`, stopped when dropped.
struct Served {
    child: Child,
    url: String,
    port: u16,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(dir: &Path, args: &[&str]) -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_klimabudget"))
        .current_dir(dir)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .arg("serve")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line.split_whitespace().last().unwrap().to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "{line}");
    let port = url["http://127.0.0.1:".len()..]
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    Served { child, url, port }
}

/// A GET over a real connection: the status and the body.
fn http_get(port: u16, path: &str, host: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, out)
}

#[test]
fn the_server_answers_over_http_with_its_token_and_host_only() {
    let served = serve(root(), &[]);
    let host = format!("127.0.0.1:{}", served.port);
    let path = &served.url[served.url.find("/?").unwrap()..];
    let (status, page) = http_get(served.port, path, &host);
    assert_eq!(status, 200);
    assert!(page.contains("Content-Security-Policy"), "{page}");
    assert!(!page.to_ascii_lowercase().contains("access-control-allow"));
    assert_eq!(http_get(served.port, "/", &host).0, 401);
    assert_eq!(http_get(served.port, path, "rebind.example").0, 403);
    assert_eq!(
        http_get(
            served.port,
            path,
            &format!("rebind.example:{}", served.port)
        )
        .0,
        403
    );
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let taken = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = taken.local_addr().unwrap().port();
    let run = klimabudget(["serve", "--port", &port.to_string()]).code(2);
    assert!(
        run.stderr.contains(&format!("127.0.0.1:{port}")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("in use"), "{}", run.stderr);
    let run = klimabudget(["serve", "tests/nothing-here"]).code(2);
    assert!(run.stderr.contains("no scenario files"), "{}", run.stderr);
}

/// Headless Chromium driven over the DevTools protocol: one page, scripts evaluated in it,
/// keys pressed in it.
struct Browser {
    child: Child,
    ws: tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>,
    session: String,
    next: u64,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    fn open(chromium: &Path, url: &str) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let child = Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=0",
                "--window-size=1400,1000",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Chromium writes its port and the browser's address when it listens.
        let file = profile.path().join("DevToolsActivePort");
        let started = Instant::now();
        let active = loop {
            if let Ok(t) = std::fs::read_to_string(&file)
                && t.lines().count() >= 2
            {
                break t;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "Chromium did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        let mut lines = active.lines();
        let (port, path) = (lines.next().unwrap(), lines.next().unwrap());
        let (ws, _) = tungstenite::connect(format!("ws://127.0.0.1:{port}{path}")).unwrap();
        if let tungstenite::stream::MaybeTlsStream::Plain(s) = ws.get_ref() {
            s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        }
        let mut b = Browser {
            child,
            ws,
            session: String::new(),
            next: 0,
            _profile: profile,
        };
        let target = b.call("Target.createTarget", json!({ "url": url }));
        let id = target["targetId"].as_str().unwrap().to_string();
        let attached = b.call(
            "Target.attachToTarget",
            json!({ "targetId": id, "flatten": true }),
        );
        b.session = attached["sessionId"].as_str().unwrap().to_string();
        b
    }

    /// Sends one command (to the page once attached) and waits for its answer.
    fn call(&mut self, method: &str, params: Value) -> Value {
        match self.try_call(method, params) {
            Ok(result) => result,
            Err(error) => panic!("{method}: {error}"),
        }
    }

    /// [`Browser::call`], its error as the browser gave it (a page that is reloading answers
    /// "Inspected target navigated or closed").
    fn try_call(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        self.next += 1;
        let mut message = json!({ "id": self.next, "method": method, "params": params });
        if !self.session.is_empty() {
            message["sessionId"] = json!(self.session);
        }
        self.ws
            .send(tungstenite::Message::Text(message.to_string().into()))
            .unwrap();
        loop {
            let m = self.ws.read().unwrap();
            let tungstenite::Message::Text(t) = m else {
                continue;
            };
            let v: Value = serde_json::from_str(t.as_str()).unwrap();
            if v["id"] == json!(self.next) {
                return match v.get("error") {
                    Some(error) => Err(error.clone()),
                    None => Ok(v["result"].clone()),
                };
            }
        }
    }

    /// The value of a JavaScript expression in the page.
    fn eval(&mut self, expression: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }),
        );
        assert!(r.get("exceptionDetails").is_none(), "{expression}: {r}");
        r["result"]["value"].clone()
    }

    /// Waits until `condition` is true in the page; fails with `what` after 20 seconds. A
    /// page that is reloading (switching the language does) is waited for too.
    fn wait(&mut self, condition: &str, what: &str) {
        let started = Instant::now();
        let expression = format!(
            "(() => {{ try {{ return !!({condition}); }} catch (e) {{ return false; }} }})()"
        );
        while self
            .try_call(
                "Runtime.evaluate",
                json!({ "expression": expression, "returnByValue": true }),
            )
            .map(|r| r["result"]["value"].clone())
            != Ok(json!(true))
        {
            if started.elapsed() > Duration::from_secs(20) {
                let page = self.eval("document.body ? document.body.innerText.slice(0, 4000) : ''");
                panic!("waited for {what}:\n{}", page.as_str().unwrap_or_default());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn key(&mut self, key: &str, code: &str, keycode: u32, shift: bool) {
        for kind in ["rawKeyDown", "keyUp"] {
            self.call(
                "Input.dispatchKeyEvent",
                json!({ "type": kind, "key": key, "code": code, "windowsVirtualKeyCode": keycode, "modifiers": if shift { 8 } else { 0 } }),
            );
        }
    }

    fn press_enter(&mut self) {
        self.call(
            "Input.dispatchKeyEvent",
            json!({ "type": "keyDown", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r" }),
        );
        self.call("Input.dispatchKeyEvent", json!({ "type": "keyUp", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13 }));
    }
}

/// The page's report text.
const REPORT: &str = "document.getElementById('report').innerText";

#[test]
fn in_the_browser_the_panel_solve_save_and_language_work_live() {
    let Some(chromium) = tool("chromium", "CHROMIUM") else {
        return;
    };
    let dir = workspace();
    let served = serve(dir.path(), &["--lang", "en"]);
    let mut b = Browser::open(&chromium, &served.url);
    let input = |path: &str| {
        format!(
            "document.querySelector('#fields input[type=text][data-path=\"{path}\"], #fields input[type=date][data-path=\"{path}\"]')"
        )
    };
    // The shipped scenarios, each with its check.
    b.wait(
        "document.querySelectorAll('#list li').length === 4",
        "the list of scenarios",
    );
    b.eval("document.querySelector('#list button[data-path=\"scenarios/joint-secretariat.toml\"]').click()");
    let cost = input("posts.joint-municipal-post.annual_cost_per_fte");
    b.wait(
        &format!("{cost} && {cost}.value === '800000'"),
        "the panel of the joint secretariat",
    );
    let exact = |set: &[&str]| {
        reported(
            "scenarios/joint-secretariat.toml",
            set,
            "total.cost_by_funder.brn",
        )
    };
    let before = shown_kr(&exact(&[]));
    b.wait(
        &format!("{REPORT}.includes('{before}')"),
        "BRN's total as saved",
    );

    // Drag the municipal post's cost to 900,000 kr.: the slider, as a hand moves it.
    let slider = "document.querySelector('#fields input[type=range][data-path=\"posts.joint-municipal-post.annual_cost_per_fte\"]')";
    b.eval(&format!("(() => {{ const s = {slider}; s.kbMark = 1; s.value = '900000'; s.dispatchEvent(new Event('input', {{ bubbles: true }})); }})()"));
    let after = shown_kr(&exact(&[
        "posts.joint-municipal-post.annual_cost_per_fte=900000",
    ]));
    b.wait(
        &format!("{REPORT}.includes('{after}') && !{REPORT}.includes('{before}')"),
        "BRN's total at 900,000 kr.",
    );
    // The slider is the one being dragged: updated in place, not made again.
    assert_eq!(
        b.eval(&format!(
            "{slider}.kbMark === 1 && {slider}.value === '900000'"
        )),
        json!(true)
    );
    // Every funder's balance is the command line's.
    let report = klimabudget([
        "report",
        "scenarios/joint-secretariat.toml",
        "--set",
        "posts.joint-municipal-post.annual_cost_per_fte=900000",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    let shown = b.eval(REPORT);
    for funder in ["brn", "municipalities", "region"] {
        let balance = report["total"]["balance_by_funder"][funder]
            .as_str()
            .unwrap();
        let kr = shown_kr(balance.trim_start_matches('-'));
        assert!(
            shown.as_str().unwrap().contains(&kr),
            "{funder}'s balance {balance} not shown"
        );
    }
    b.wait(
        "document.getElementById('changes').innerText.includes('900000')",
        "the change listed",
    );

    // What must BRN set aside?
    b.eval("document.getElementById('vary').value = 'funding.brn-joint-secretariat.annual'");
    b.eval("document.getElementById('solve').click()");
    b.wait(
        "document.getElementById('answer').innerText.includes('2,111,428.58 kr.')",
        "solve's answer",
    );

    // Save as variant, and check it.
    b.eval("document.getElementById('name').value = 'joint-secretariat-900k.toml'");
    b.eval("document.getElementById('save').click()");
    b.wait(
        "document.getElementById('saved').innerText.includes('joint-secretariat-900k.toml')",
        "saved",
    );
    let check = klimabudget_in(dir.path(), ["check", "scenarios/"]).code(0);
    assert!(
        check.stdout.contains("joint-secretariat-900k.toml"),
        "{}",
        check.stdout
    );
    // The watcher shows it in the list.
    b.wait(
        "document.querySelectorAll('#list li').length === 5",
        "the variant in the list",
    );

    // Keyboard only: Tab to the cost field, type, Enter.
    b.eval("document.activeElement.blur(); document.body.focus()");
    let mut reached = Vec::new();
    for _ in 0..400 {
        b.key("Tab", "Tab", 9, false);
        let path = b.eval("document.activeElement.closest('#fields') ? document.activeElement.type + ' ' + document.activeElement.dataset.path : ''");
        let path = path.as_str().unwrap_or("").to_string();
        if !path.is_empty() && !reached.contains(&path) {
            reached.push(path.clone());
        }
        if path == "text posts.joint-municipal-post.annual_cost_per_fte" {
            break;
        }
    }
    assert!(
        reached.contains(&"text posts.joint-municipal-post.annual_cost_per_fte".to_string()),
        "the cost field is not reached by Tab: {reached:?}"
    );
    // Each field before it was reached, both its box and its slider.
    assert!(
        reached.contains(&"text posts.regional-post.fte".to_string())
            && reached.contains(&"range posts.regional-post.fte".to_string()),
        "{reached:?}"
    );
    b.eval("document.activeElement.select()");
    b.call("Input.insertText", json!({ "text": "850000" }));
    b.press_enter();
    let at_850 = shown_kr(&exact(&[
        "posts.joint-municipal-post.annual_cost_per_fte=850000",
    ]));
    b.wait(
        &format!("{REPORT}.includes('{at_850}')"),
        "BRN's total at 850,000 kr., typed",
    );

    // A file changed on disk into something invalid: its errors, and the last figures marked
    // as stale.
    let file = dir.path().join("scenarios/joint-secretariat.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace(
            "annual = 800_000 # F2\nto = 2023-06-30 # F3: DK2020 ends",
            "annual = -800_000 # F2\nto = 2023-06-30 # F3: DK2020 ends",
        ),
    )
    .unwrap();
    b.wait("!document.getElementById('stale').hidden && document.getElementById('general').innerText.includes('joint-secretariat.toml:')", "the errors of the changed file");
    assert!(
        b.eval(&format!("{REPORT}.includes('{at_850}')")) == json!(true),
        "the last valid view stays"
    );
    std::fs::write(&file, &text).unwrap();
    b.wait(
        "document.getElementById('stale').hidden",
        "the file valid again",
    );

    // In Danish: the page's words and the report's.
    b.eval("(() => { const s = document.getElementById('lang'); s.value = 'da'; s.dispatchEvent(new Event('change')); })()");
    b.wait(
        &format!("document.documentElement.lang === 'da' && {REPORT}.includes('I alt')"),
        "the page in Danish",
    );
    b.wait(
        "document.getElementById('panel-head').innerText === 'Hvad nu hvis?'",
        "the panel in Danish",
    );
    // The change is kept over the reload, and the figure is in Danish notation.
    let da = shown_kr(&exact(&[
        "posts.joint-municipal-post.annual_cost_per_fte=850000",
    ]))
    .replace(',', ".");
    b.wait(&format!("{REPORT}.includes('{da}')"), "the Danish figure");
}

#[test]
fn a_comparison_with_its_bridge_and_a_sensitivity_from_the_page() {
    let app = app(&shipped());
    let view = |body: Value| json_of(&post(&app, "/api/view", &body));
    // The joint secretariat (B, with the change) against the status quo (A).
    let v = view(json!({
        "scenario": scenario("joint-secretariat.toml"),
        "compare": scenario("status-quo.toml"),
        "set": [["posts.joint-municipal-post.annual_cost_per_fte", "900000"]],
        "lang": "da",
        "unit": "mio",
    }));
    assert_eq!(v["ok"], true, "{v}");
    let html = v["html"].as_str().unwrap();
    assert!(html.contains("Sammenligning"), "{html}");
    assert!(html.contains("Forskel"));
    // The bridge from A to B is there, by default.
    assert!(html.contains("trin for trin"), "{html}");
    // Against the file as saved: what the change alone does (+350,000 kr. for BRN).
    let v = view(json!({
        "scenario": scenario("joint-secretariat.toml"),
        "compare": "=saved",
        "set": [["posts.joint-municipal-post.annual_cost_per_fte", "900000"]],
    }));
    assert!(v["html"].as_str().unwrap().contains("350,000"), "{v}");
    // The sensitivity of the marked assumptions.
    let v = view(json!({ "scenario": scenario("joint-secretariat.toml"), "sensitivity": true }));
    assert_eq!(v["ok"], true, "{v}");
    assert_eq!(v["assumptions"], true);
    assert!(
        v["html"]
            .as_str()
            .unwrap()
            .contains("Kommunal klimamedarbejder, ansat i BRN-sekretariatet"),
        "{v}"
    );
    // A comparison with a file that is not served is refused.
    let r = post(
        &app,
        "/api/view",
        &json!({ "scenario": scenario("joint-secretariat.toml"), "compare": "Cargo.toml" }),
    );
    assert_eq!(r.status, 403);
}

/// Every value the panel offers is one `--set` takes: each field of each shipped scenario and
/// of a scenario with split shares, set to its own value, gives the scenario's figures; a
/// changed split is saved as a variant that gives the panel's figures.
#[test]
fn every_field_of_the_panel_is_a_set_the_scenario_takes() {
    let dir = workspace();
    let scenarios = dir.path().join("scenarios");
    std::fs::copy(
        root().join("tests/cases/fase2.toml"),
        scenarios.join("fase2.toml"),
    )
    .unwrap();
    let app = app(std::slice::from_ref(&scenarios));
    let mut splits = 0;
    for name in [
        "fase2.toml",
        "joint-secretariat.toml",
        "joint-secretariat-high-wages.toml",
    ] {
        let file = scenarios.join(name).display().to_string();
        let v = json_of(&post(&app, "/api/view", &json!({ "scenario": file })));
        let fields = v["fields"].as_array().unwrap();
        assert!(fields.len() > 20, "{name}: {v}");
        for f in fields {
            let set = json!([[f["path"], f["value"]]]);
            let w = json_of(&post(
                &app,
                "/api/view",
                &json!({ "scenario": file, "set": set }),
            ));
            assert_eq!(w["ok"], true, "{name}: {} = {}: {w}", f["path"], f["value"]);
            assert_eq!(w["html"], v["html"], "{name}: {}", f["path"]);
            splits += usize::from(f["kind"] == "shares");
        }
    }
    assert_eq!(splits, 3, "fase2's three posts paid 1/3 and 2/3");
    let fase2 = scenarios.join("fase2.toml").display().to_string();
    let set = json!([[
        "posts.regional-post.paid_by",
        "{ region = \"1/2\", brn = \"1/2\" }"
    ]]);
    let saved = json_of(&post(
        &app,
        "/api/save",
        &json!({ "scenario": fase2, "name": "halves.toml", "set": set }),
    ));
    assert_eq!(saved["ok"], true, "{saved}");
    let variant = klimabudget_in(
        dir.path(),
        ["report", "scenarios/halves.toml", "--format", "json"],
    )
    .code(0)
    .json();
    let direct = klimabudget_in(
        dir.path(),
        [
            "report",
            "scenarios/fase2.toml",
            "--format",
            "json",
            "--set",
            "posts.regional-post.paid_by={ region = \"1/2\", brn = \"1/2\" }",
        ],
    )
    .code(0)
    .json();
    assert_eq!(variant["total"], direct["total"]);
}
