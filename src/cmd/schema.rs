//! `klimabudget schema`: the JSON Schema of the scenario format, for editors.

use super::{Env, Error, Exit};
use crate::load::schema::scenario_schema;

pub fn run(env: &mut Env) -> Result<Exit, Error> {
    serde_json::to_writer_pretty(&mut *env.out, &scenario_schema())
        .map_err(std::io::Error::from)?;
    writeln!(env.out)?;
    Ok(Exit::Success)
}
