//! `klimabudget compare A B`: two scenarios side by side, B − A, and what differs.

use std::path::PathBuf;

use crate::cli::{Env, Error, Exit};
use crate::export::{Format, json, table};
use crate::period::By;
use crate::report::compare::Comparison;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The baseline scenario.
    pub a: PathBuf,
    /// The scenario compared with it: differences are B − A.
    pub b: PathBuf,
    /// Periods: calendar years, half-years, months, or the whole window.
    #[arg(long, value_enum, default_value_t)]
    pub by: By,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(args: &Args, env: &mut Env) -> Result<Exit, Error> {
    let a = super::load(&args.a, env);
    let b = super::load(&args.b, env);
    // Report the problems of both files, not only of the first.
    let (a, b) = match (a, b) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(Error::Input(mut da)), Err(Error::Input(db))) => {
            let offset = da.sources.append(db.sources);
            da.items
                .extend(db.items.into_iter().map(|d| d.shifted(offset)));
            return Err(Error::Input(da));
        }
        (Err(e), _) | (_, Err(e)) => return Err(e),
    };
    let comparison = Comparison::new(&a.scenario, &b.scenario, args.by)?;
    let mut warnings = a.warnings;
    warnings.items.extend(comparison.a.warnings());
    let mut wb = b.warnings;
    wb.items.extend(comparison.b.warnings());
    warnings.merge(wb);
    super::settle_warnings(env, warnings)?;
    match args.format {
        Format::Table => {
            let style = table::TableStyle {
                color: env.color_out,
                fit: env.fit,
            };
            env.out
                .write_all(table::render(&comparison.document(), style).as_bytes())?;
        }
        Format::Json => json::compare(&comparison, env.out)?,
    }
    Ok(Exit::Success)
}
