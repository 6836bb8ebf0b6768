//! `klimabudget serve [DIR|FILES…]`: the scenarios in a browser, on 127.0.0.1, with a what-if
//! panel. This file is the network and the file watching; what is answered is [`App`]'s.

use std::io::Read as _;
use std::path::PathBuf;
use std::sync::Arc;

use super::{App, Reply, Request, TOKEN_HEADER};
use crate::cmd::{Env, Error, Exit, usage};
use crate::msg::{Count, Msg};

/// What `klimabudget serve` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// Scenario files and directories. *Default:* `scenarios/`.
    pub paths: Vec<PathBuf>,
    /// The port on 127.0.0.1. *Default:* a free one.
    pub port: Option<u16>,
    /// Open the page in the browser.
    pub open: bool,
}

/// The largest request body read (a page's state is a few kilobytes).
const MAX_BODY: u64 = 1 << 20;

/// The paths to serve, each inside the root (as the files a scenario names must be).
fn paths(args: &Options) -> Result<Vec<PathBuf>, Error> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("scenarios")]
    } else {
        args.paths.clone()
    };
    let access = crate::load::Access::for_process();
    for p in &paths {
        access
            .permits(p)
            .map_err(|(reason, help)| usage(p, *reason, *help))?;
    }
    let missing = paths.iter().any(|p| !p.exists());
    if missing || crate::report::check::scenario_files(&paths).is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(usage(
            &paths[0],
            Msg::ServeNoScenarios {
                paths: shown.join(", "),
            },
            Msg::HelpServeWhat,
        ));
    }
    Ok(paths)
}

/// Listens on 127.0.0.1 (never another interface) on `port`, or a free port.
fn listen(port: Option<u16>) -> Result<std::net::TcpListener, Error> {
    let wanted = port.unwrap_or(0);
    std::net::TcpListener::bind(("127.0.0.1", wanted)).map_err(|e| {
        let port = wanted.to_string();
        let message = if e.kind() == std::io::ErrorKind::AddrInUse {
            Msg::ServePortInUse { port }
        } else {
            Msg::ServeCannotListen {
                port,
                reason: crate::load::io_reason(&e).boxed(),
            }
        };
        usage(std::path::Path::new("--port"), message, Msg::HelpServePort)
    })
}

/// Bumps the app's generation whenever a file under what is served (or a directory of the
/// files they name) changes.
fn watch(app: &Arc<App>, paths: &[PathBuf]) -> Option<notify::RecommendedWatcher> {
    use notify::Watcher as _;
    let on_change = Arc::clone(app);
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(e) = event
            && !matches!(e.kind, notify::EventKind::Access(_))
        {
            on_change.changed();
        }
    })
    .ok()?;
    let mut dirs: Vec<PathBuf> = Vec::new();
    for p in paths {
        if p.is_dir() {
            let _ = watcher.watch(p, notify::RecursiveMode::Recursive);
        } else if let Some(d) = p.parent() {
            dirs.push(if d.as_os_str().is_empty() {
                ".".into()
            } else {
                d.to_path_buf()
            });
        }
    }
    // The files the scenarios name (keys, bases) are often in a directory beside them.
    for f in app.files() {
        if let Ok(loaded) = crate::load::Prepared::open(&f).and_then(|p| p.into_loaded(&[])) {
            for read in loaded.files() {
                if let Some(d) = read.parent() {
                    dirs.push(d.to_path_buf());
                }
            }
        }
    }
    dirs.sort();
    dirs.dedup();
    for d in dirs {
        let _ = watcher.watch(&d, notify::RecursiveMode::NonRecursive);
    }
    Some(watcher)
}

/// Opens `url` in the browser: `$BROWSER`, else the system's opener.
fn open_browser(url: &str) -> std::io::Result<()> {
    let opener = std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.trim().is_empty());
    let program = opener.unwrap_or_else(|| {
        if cfg!(target_os = "macos") {
            "open".to_string()
        } else if cfg!(windows) {
            "explorer".to_string()
        } else {
            "xdg-open".to_string()
        }
    });
    std::process::Command::new(program)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
}

/// The request as [`App::handle`] takes it.
fn request(r: &mut tiny_http::Request) -> Request {
    let header = |name: &str| {
        r.headers()
            .iter()
            .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
            .map(|h| h.value.as_str().to_string())
    };
    let (host, token, origin) = (header("Host"), header(TOKEN_HEADER), header("Origin"));
    let mut body = Vec::new();
    let _ = r.as_reader().take(MAX_BODY).read_to_end(&mut body);
    Request {
        method: r.method().as_str().to_string(),
        url: r.url().to_string(),
        host,
        token,
        origin,
        body,
    }
}

fn respond(r: tiny_http::Request, reply: Reply) {
    let header = |k: &str, v: &str| tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()).ok();
    let mut response = tiny_http::Response::from_data(reply.body).with_status_code(reply.status);
    let mut headers = vec![
        header("Content-Type", reply.content_type),
        header("Cache-Control", "no-store"),
        header("X-Content-Type-Options", "nosniff"),
        header("Referrer-Policy", "no-referrer"),
        header("X-Frame-Options", "DENY"),
        header(
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
        ),
    ];
    if let Some(name) = &reply.filename {
        headers.push(header(
            "Content-Disposition",
            &format!("attachment; filename=\"{name}\""),
        ));
    }
    for h in headers.into_iter().flatten() {
        response.add_header(h);
    }
    let _ = r.respond(response);
}

pub fn run(args: &Options, env: &mut Env) -> Result<Exit, Error> {
    let paths = paths(args)?;
    let listener = listen(args.port)?;
    let port = listener.local_addr().map_err(Error::Write)?.port();
    let token = super::new_token().map_err(Error::Write)?;
    let app = Arc::new(App::new(paths.clone(), port, token, env.lang));
    let server = tiny_http::Server::from_listener(listener, None)
        .map_err(|e| Error::Write(std::io::Error::other(e.to_string())))?;
    let _watcher = watch(&app, &paths);
    let url = format!("http://127.0.0.1:{port}/?t={}", app.token());
    let count = Count(app.files().len());
    writeln!(
        env.out,
        "{}\n{}",
        Msg::ServeListening {
            count,
            url: url.clone()
        }
        .render(env.lang),
        Msg::ServeStop.render(env.lang)
    )?;
    env.out.flush()?;
    if args.open
        && let Err(e) = open_browser(&url)
    {
        writeln!(
            env.err,
            "{}",
            Msg::ServeBrowser {
                reason: crate::load::io_reason(&e).boxed()
            }
            .render(env.lang)
        )?;
    }
    let server = Arc::new(server);
    // A few requests at once, so that a download does not hold up the panel.
    let workers: Vec<_> = (0..crate::cores().max(2))
        .map(|_| {
            let (server, app) = (Arc::clone(&server), Arc::clone(&app));
            std::thread::spawn(move || {
                for mut r in server.incoming_requests() {
                    let req = request(&mut r);
                    respond(r, app.handle(&req));
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    Ok(Exit::Success)
}
