//! One file per subcommand: its arguments and what it does; and what they share: loading,
//! warnings, and writing the output safely.

pub mod check;
pub mod compare;
pub mod explain;
pub mod report;
pub mod schema;
pub mod sensitivity;
pub mod solve;
pub mod status;
pub mod sweep;

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};
use crate::engine::ComputeError;
use crate::export::{self, Format};
use crate::i18n::Lang;
use crate::i18n::View;
use crate::load::{self, Loaded};
use crate::msg::Msg;
use crate::num::Unit;
use crate::report::Mode;

/// Where a command writes, and how.
pub struct Env<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    /// Standard output is a terminal that wants colour.
    pub color_out: bool,
    /// Standard error is a terminal that wants colour.
    pub color_err: bool,
    /// Standard error is a terminal (progress can be shown there).
    pub err_tty: bool,
    /// Standard output is a terminal: fit tables to its width.
    pub fit: bool,
    /// The terminal's width in columns (`COLUMNS`, else the terminal's own) when standard
    /// output is one; `None` when it is piped: no limit.
    pub width: Option<usize>,
    /// Warnings fail the command (`--deny-warnings`).
    pub deny_warnings: bool,
    /// The language of the output (from the locale, unless `--lang` says otherwise).
    pub lang: Lang,
}

/// How a command that ran to the end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: done; for `check`, every scenario balances.
    Success,
    /// 1: `check` found a scenario that does not balance.
    Unbalanced,
    /// 2: `check` found an invalid scenario (its errors are already written).
    Invalid,
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Unbalanced => 1,
            Exit::Invalid => 2,
        }
    }
}

/// Why a command could not finish. Every one of these exits with code 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Input(Diagnostics),
    #[error("error: {0}")]
    Compute(#[from] ComputeError),
    #[error("error: cannot write the output: {0}")]
    Write(#[from] std::io::Error),
}

impl Error {
    /// The message for standard error, in `lang`.
    pub fn render(&self, color: bool, lang: Lang) -> String {
        let d: Diagnostics = match self {
            Error::Input(d) => return d.render(color, lang),
            Error::Compute(e) => e.diagnostic().into(),
            Error::Write(e) => Diagnostic::error(
                Path::new(""),
                Msg::CannotWriteOutput {
                    reason: write_reason(e),
                },
            )
            .into(),
        };
        d.render(color, lang)
    }

    /// A closed pipe (`klimabudget report x.toml | head`) is not worth a message.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Write(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// Why output cannot be written, in words: a directory that does not exist, no permission, or
/// what the system says.
fn write_reason(e: &std::io::Error) -> Box<Msg> {
    match e.kind() {
        std::io::ErrorKind::NotFound => Msg::NoSuchDirectory,
        _ => load::io_reason(e),
    }
    .boxed()
}

/// What every command that reads scenarios takes: overrides (`--set`) and current or fixed
/// prices.
#[derive(Debug, Clone, Default)]
pub struct ScenarioOptions {
    pub set: Vec<String>,
    pub prices: crate::engine::Prices,
}

impl ScenarioOptions {
    pub fn overrides(&self) -> Vec<load::Override> {
        self.set.iter().map(load::Override::new).collect()
    }
}

/// Loads a scenario with overrides; its warnings wait for the figures' own.
fn load(path: &Path, overrides: &[load::Override]) -> Result<Loaded, Error> {
    load::Prepared::open(path)
        .and_then(|p| p.into_loaded(overrides))
        .map_err(Error::Input)
}

/// The scenario a what-if varies (`sweep`, `solve`), loaded once with the overrides as every
/// command loads its scenarios: its warnings, and its figures', are written or denied.
fn prepare(
    env: &mut Env,
    path: &Path,
    overrides: &[load::Override],
    by: crate::period::By,
    prices: crate::engine::Prices,
) -> Result<(load::Prepared, crate::model::Scenario), Error> {
    let prepared = load::Prepared::open(path).map_err(Error::Input)?;
    let loaded = prepared.load(overrides).map_err(Error::Input)?;
    let projection = crate::engine::project_in(&loaded.scenario, by, prices)?;
    let mut warnings = loaded.warnings;
    warnings.items.extend(crate::report::scenario::warnings(
        &loaded.scenario,
        &projection,
    ));
    settle_warnings(env, warnings)?;
    Ok((prepared, loaded.scenario))
}

/// Writes warnings to standard error, or with `--deny-warnings` fails on them.
fn settle_warnings(env: &mut Env, warnings: Diagnostics) -> Result<(), Error> {
    if warnings.items.is_empty() {
        return Ok(());
    }
    if env.deny_warnings {
        return Err(Error::Input(warnings.denied()));
    }
    writeln!(env.err, "{}", warnings.render(env.color_err, env.lang))?;
    Ok(())
}

/// How to write: the view, how tables are rounded, and terminal styling when standard output
/// is a terminal and the output goes there.
fn options(env: &Env, unit: Unit, mode: Mode, to_stdout: bool) -> export::Options {
    export::Options {
        paper: export::paper::Paper::default(),
        pretty: env.fit && to_stdout,
        view: View {
            lang: env.lang,
            unit,
        },
        mode,
        style: export::table::TableStyle {
            color: env.color_out && to_stdout,
            fit: env.fit && to_stdout,
            width: if to_stdout { env.width } else { None },
        },
    }
}

/// How to write to `target`: as [`options`] says, with the paper's meeting, date and logo,
/// and terminal tables on one line each with `--wide`.
fn target_options(env: &Env, target: &Target, unit: Unit, mode: Mode) -> export::Options {
    let mut options = options(env, unit, mode, target.file.is_none());
    options.paper = target.paper.clone();
    if target.wide {
        options.style.width = None;
        options.style.fit = false;
    }
    options
}

/// Renders `report` in `format` to standard output, as `options` say.
fn print(
    env: &mut Env,
    report: &crate::report::Report,
    format: Format,
    options: &export::Options,
) -> Result<(), Error> {
    let bytes = export::render(report, format, options)?;
    env.out.write_all(&bytes)?;
    Ok(())
}

/// Whether to carry costs to members (`--by-member`, `--look-through`), and how precisely
/// to show them.
#[derive(Debug, Clone, Default)]
pub struct MembersOptions {
    pub mode: Option<crate::allocation::Mode>,
    pub precision: crate::report::Precision,
}

impl MembersOptions {
    /// The members of `s`, projected as `p`, if asked for; an error where their amounts
    /// cannot be shown exactly.
    pub fn of(
        &self,
        s: &crate::model::Scenario,
        p: &crate::engine::Projection,
    ) -> Result<Option<crate::report::Members>, Error> {
        let Some(mode) = self.mode else {
            return Ok(None);
        };
        Ok(Some(crate::report::Members::new(
            s,
            p,
            mode,
            self.precision,
        )?))
    }
}

/// Where `report` and `compare` write (`--output`, `-` for standard output), in which format
/// (`--format`, else from the file's extension).
#[derive(Debug, Clone, Default)]
pub struct OutputOptions {
    pub format: Option<Format>,
    pub output: Option<PathBuf>,
    /// The meeting a paper is for (`--meeting`).
    pub meeting: Option<String>,
    /// A logo for a paper's head (`--logo`): PNG, JPEG or SVG.
    pub logo: Option<PathBuf>,
    /// Keep file paths, sources and figure references in a paper's notes (`--show-sources`).
    pub show_sources: bool,
    /// Terminal tables on one line each, however wide (`--wide`).
    pub wide: bool,
}

/// A checked destination: the format, the file (none for standard output), and what a
/// paper carries beside the report.
pub struct Target {
    pub format: Format,
    pub file: Option<PathBuf>,
    pub paper: export::paper::Paper,
    pub wide: bool,
}

/// The day a paper is made: `SOURCE_DATE_EPOCH` (seconds, for reproducible files, read in
/// UTC) if set, else today where the machine is (its time zone, `TZ` or the system's; UTC if
/// it has none), so that a paper printed in Aalborg at half past midnight has that day's date.
pub(crate) fn today() -> Option<jiff::civil::Date> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(s) => {
            let at = jiff::Timestamp::from_second(s.trim().parse().ok()?).ok()?;
            Some(jiff::tz::Offset::UTC.to_datetime(at).date())
        }
        Err(_) => Some(jiff::ZonedDateTime::now().date()),
    }
}

/// The largest logo read: 10 MiB (a logo is a few kilobytes).
const MAX_LOGO_BYTES: u64 = 10 * 1024 * 1024;

/// The logo of `--logo`, read and checked: a PNG, JPEG or SVG; a regular file of at most
/// [`MAX_LOGO_BYTES`] ([`load::read_regular`]: `/dev/zero` would be read for ever, a FIFO
/// waited on).
fn read_logo(path: &Path) -> Result<export::paper::Logo, Error> {
    use load::NotRead;
    let bytes = load::read_regular(path, MAX_LOGO_BYTES).map_err(|why| {
        let reason = match why {
            NotRead::Stat(e) | NotRead::Read(e) => load::io_reason(&e),
            NotRead::Directory => Msg::LogoIsDirectory,
            NotRead::Special(kind) => Msg::LogoNotRegular { kind: kind.boxed() },
            NotRead::TooLarge(_) => Msg::LogoTooLarge,
        };
        usage(
            path,
            Msg::LogoUnreadable {
                reason: reason.boxed(),
            },
            Msg::HelpLogoFile,
        )
    })?;
    export::paper::Logo::from_bytes(bytes).map_err(|why| usage(path, why, Msg::HelpLogoKinds))
}

/// A usage error at `path`, with what to do.
pub(crate) fn usage(path: &Path, message: Msg, help: Msg) -> Error {
    Error::Input(Diagnostic::error(path, message).help(help).into())
}

impl OutputOptions {
    /// The format and file to write, refused before any work if they cannot be right: an
    /// unknown extension, a scenario given as input, binary output to a terminal.
    pub fn target(&self, inputs: &[&Path], env: &Env) -> Result<Target, Error> {
        let file = self.output.clone().filter(|p| p.as_os_str() != "-");
        let format = match (self.format, &file) {
            (Some(f), _) => f,
            (None, None) => Format::Table,
            (None, Some(path)) => Format::from_path(path)
                .ok_or_else(|| usage(path, Msg::OutputFormatUnknown, Msg::HelpOutputExtension))?,
        };
        if let Some(path) = &file {
            for input in inputs {
                if same_file(path, input) {
                    return Err(usage(path, Msg::OutputIsInput, Msg::HelpOtherOutput));
                }
            }
            // The logo is read too.
            if let Some(logo) = self.logo.as_ref().filter(|logo| same_file(path, logo)) {
                return Err(usage(
                    path,
                    Msg::OutputIsRead {
                        input: logo.display().to_string(),
                    },
                    Msg::HelpOtherOutput,
                ));
            }
        } else if format.is_binary() && env.fit {
            let name = format!("{format:?}").to_ascii_uppercase();
            let ext = format!("{format:?}").to_ascii_lowercase();
            return Err(usage(
                Path::new("-"),
                Msg::BinaryToTerminal { name },
                Msg::HelpBinaryToFile { ext },
            ));
        }
        let logo = match &self.logo {
            Some(path) => Some(read_logo(path)?),
            None => None,
        };
        let paper = export::paper::Paper {
            meeting: self.meeting.clone().filter(|m| !m.trim().is_empty()),
            printed: today(),
            logo,
            show_sources: self.show_sources,
        };
        Ok(Target {
            format,
            file,
            paper,
            wide: self.wide,
        })
    }
}

/// Whether two paths name one file (the first may not exist yet): the same path with links
/// followed, or the same file by identity (device and inode), so a hard link counts too.
fn same_file(a: &Path, b: &Path) -> bool {
    if let (Ok(x), Ok(y)) = (std::fs::canonicalize(a), std::fs::canonicalize(b))
        && x == y
    {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    false
}

impl Target {
    /// Refuses to write over any of `files`, the files the run read (scenarios, the files
    /// they extend, key files): checked after loading, when they are known.
    pub fn refuse_inputs(&self, files: &[PathBuf]) -> Result<(), Error> {
        let Some(path) = &self.file else {
            return Ok(());
        };
        match files.iter().find(|input| same_file(path, input)) {
            Some(input) => Err(usage(
                path,
                Msg::OutputIsRead {
                    input: input.display().to_string(),
                },
                Msg::HelpOtherOutput,
            )),
            None => Ok(()),
        }
    }
}

/// `path` with its links followed to the file they name, even when that file does not exist
/// yet (a dangling link is written through, not replaced); or why not.
fn through_links(path: &Path) -> Result<PathBuf, Box<Msg>> {
    if let Ok(resolved) = std::fs::canonicalize(path) {
        return Ok(resolved);
    }
    let mut path = path.to_path_buf();
    // As many links as the kernel follows before it gives up (ELOOP).
    for _ in 0..40 {
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = std::fs::read_link(&path).map_err(|e| write_reason(&e))?;
                path = match path.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(Msg::LinksLoop.boxed())
}

/// The temporary file being written, if any: removed when the process is interrupted
/// (Ctrl+C, SIGTERM), so that a stopped run leaves nothing behind.
static WRITING: std::sync::Mutex<Option<PathBuf>> = std::sync::Mutex::new(None);

/// Installs, the first time, the handler that removes the temporary file being written when
/// the process is interrupted (Ctrl+C, SIGTERM, SIGHUP) and exits with 130. Called before the
/// file is made, so that no signal can come between the file and its handler. (Only then: a
/// thread waits for the signal, which a run that writes no file need not start.)
fn remove_unfinished_when_interrupted() {
    static HANDLER: std::sync::Once = std::sync::Once::new();
    HANDLER.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            remove_unfinished();
            std::process::exit(130);
        });
    });
}

/// Notes the temporary file being written (`None` once it is renamed or removed).
fn writing(path: Option<PathBuf>) {
    *WRITING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = path;
}

/// Removes the temporary file being written, if any: the handler of Ctrl+C and SIGTERM does,
/// before it exits.
fn remove_unfinished() {
    let path = WRITING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .take();
    if let Some(path) = path {
        let _ = std::fs::remove_file(path);
    }
}

impl Target {
    /// Writes the output: to standard output, or to a temporary file beside the target that
    /// replaces it only when complete, so an error never leaves half a file; a device or pipe
    /// is written directly.
    pub fn write(
        &self,
        env: &mut Env,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), Error> {
        let Some(path) = &self.file else {
            write(env.out)?;
            return Ok(());
        };
        let refused = |reason: Box<Msg>| {
            usage(
                path,
                Msg::CannotWriteOutput { reason },
                Msg::HelpWritableDirectory,
            )
        };
        let fail = |e: std::io::Error| refused(write_reason(&e));
        // A link is followed, so that the file it names is replaced and the link kept.
        let path = &through_links(path).map_err(refused)?;
        if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            // A device, pipe or socket (`/dev/null`, `/dev/stdout`) is written as it is: a
            // file put in its place would break it, and it holds no half-written file.
            let mut out = BufWriter::new(
                std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(fail)?,
            );
            write(&mut out).map_err(fail)?;
            return out.flush().map_err(fail);
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        // A new file readable by others, as any file the user writes; a replaced file keeps
        // its own permissions.
        #[cfg(unix)]
        let mode = {
            use std::os::unix::fs::PermissionsExt;
            std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o777)
        };
        // Its name is given to the handler of Ctrl+C the moment the file is made (and not
        // before, so that a file of that name made by another is never removed); the handler
        // is there before the file.
        remove_unfinished_when_interrupted();
        let temp = tempfile::Builder::new()
            .prefix(".klimabudget-")
            .make_in(&dir, |name| {
                let mut open = std::fs::OpenOptions::new();
                open.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut open, mode);
                let file = open.open(name)?;
                writing(Some(name.to_path_buf()));
                Ok(file)
            })
            .map_err(fail)?;
        let mut buffered = BufWriter::new(temp);
        let written = write(&mut buffered)
            .map_err(fail)
            .and_then(|()| buffered.into_inner().map_err(|e| fail(e.into_error())))
            .and_then(|temp| temp.persist(path).map_err(|e| fail(e.error)));
        writing(None);
        written.map(|_| ())
    }
}
