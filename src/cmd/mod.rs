//! One file per subcommand: its arguments and what it does.

pub mod check;
pub mod compare;
pub mod report;

use std::path::Path;

use crate::cli::{Env, Error, warn};
use crate::load::{self, Loaded};

/// Loads a scenario for `report` or `compare`, writing its warnings.
fn load(path: &Path, env: &mut Env) -> Result<Loaded, Error> {
    let loaded = load::load_file(path).map_err(Error::Input)?;
    warn(env, &loaded.warnings)?;
    Ok(loaded)
}
