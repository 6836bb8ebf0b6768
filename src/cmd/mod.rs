//! One file per subcommand: its arguments and what it does.

pub mod check;
pub mod compare;
pub mod report;
pub mod schema;

use std::path::Path;

use crate::cli::{Env, Error};
use crate::diag::Diagnostics;
use crate::load::{self, Loaded};

/// Loads a scenario for `report` or `compare`; its warnings wait for the figures' own.
fn load(path: &Path, _env: &mut Env) -> Result<Loaded, Error> {
    load::load_file(path).map_err(Error::Input)
}

/// Writes warnings to standard error, or with `--deny-warnings` fails on them.
fn settle_warnings(env: &mut Env, warnings: Diagnostics) -> Result<(), Error> {
    if warnings.items.is_empty() {
        return Ok(());
    }
    if env.deny_warnings {
        return Err(Error::Input(warnings.denied()));
    }
    writeln!(env.err, "{}", warnings.render(env.color_err))?;
    Ok(())
}
