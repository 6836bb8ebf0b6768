//! The `klimabudget` binary: parse the arguments, run, report an error, exit with its code.

use std::io::{BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use klimabudget::cli::{self, Cli};
use klimabudget::cmd::Env;
use klimabudget::i18n::Lang;

/// mimalloc rather than the system's allocator: a large scenario's millions of small
/// allocations, made and freed on several threads, cost a third less time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let fit = stdout.is_terminal();
    // The width to fit tables to: COLUMNS, else the terminal's; none when piped.
    let width = fit
        .then(|| {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.trim().parse::<usize>().ok())
                .filter(|&c| c > 0)
                .or_else(|| comfy_table::Table::new().width().map(usize::from))
        })
        .flatten();
    let color_out = fit && !no_color;
    let color_err = stderr.is_terminal() && !no_color;
    let mut out = BufWriter::new(stdout.lock());
    let mut err = stderr.lock();
    let mut env = Env {
        out: &mut out,
        err: &mut err,
        color_out,
        color_err,
        err_tty: stderr.is_terminal(),
        fit,
        width,
        deny_warnings: false,
        lang: Lang::from_locale(|var| std::env::var(var).ok()),
    };
    let result = cli::run(cli, &mut env);
    // The language --lang or the locale chose, for the error too.
    let lang = env.lang;
    match result {
        Ok(exit) => ExitCode::from(exit.code()),
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let _ = out.flush();
            let _ = writeln!(err, "{}", e.render(color_err, lang));
            ExitCode::from(2)
        }
    }
}
