//! "Save as variant": a new scenario file next to the one it varies, holding `extends` and the
//! values changed in the panel, nothing else; written whole under a new name or not at all.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::msg::Msg;

/// Whether `name` can be a variant's file name: letters, digits, `-`, `_` and `.`, not
/// starting with a dot, ending in `.toml`; no directory.
pub fn valid_name(name: &str) -> bool {
    name.len() <= 120
        && name.ends_with(".toml")
        && name.len() > ".toml".len()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// A value as typed in the panel, as a TOML value: as it is where TOML reads it (numbers,
/// dates), else as a string (`2/3`, `5%`), as `--set` reads it.
fn literal(value: &str) -> String {
    let value = value.trim();
    match toml::from_str::<toml::Table>(&format!("v = {value}")) {
        Ok(t) if t.len() == 1 => value.to_string(),
        _ => toml::Value::String(value.to_string()).to_string(),
    }
}

/// A key as TOML writes it: bare where it can be, else quoted.
fn key(k: &str) -> String {
    if !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
    {
        k.to_string()
    } else {
        toml::Value::String(k.to_string()).to_string()
    }
}

/// The text of a variant that extends `base` (a file name beside it) with `changes` (`--set`
/// paths and values), under the base's `#:schema` line if it has one and a comment `head`. Entries of lists (`posts`, `costs`, `funding`)
/// are patched by id; tables (`scenario`, `indexation`) by key.
pub fn text(base: &str, schema: Option<&str>, head: &str, changes: &[(String, String)]) -> String {
    // list -> id -> [(key, value)], and table -> [(dotted key, value)], in path order.
    let mut entries: BTreeMap<(&str, &str), Vec<(&str, String)>> = BTreeMap::new();
    let mut tables: BTreeMap<&str, Vec<(&str, String)>> = BTreeMap::new();
    let mut order: Vec<(&str, &str)> = Vec::new();
    for (path, value) in changes {
        let mut parts = path.splitn(3, '.');
        let (Some(first), Some(second)) = (parts.next(), parts.next()) else {
            continue;
        };
        let rest = parts.next();
        match (first, rest) {
            ("posts" | "costs" | "funding", Some(rest)) => {
                if !order.contains(&(first, second)) {
                    order.push((first, second));
                }
                entries
                    .entry((first, second))
                    .or_default()
                    .push((rest, literal(value)));
            }
            _ => {
                let dotted = &path[first.len() + 1..];
                tables
                    .entry(first)
                    .or_default()
                    .push((dotted, literal(value)));
            }
        }
    }
    let mut out = String::new();
    if let Some(schema) = schema {
        out.push_str(schema.trim_end());
        out.push('\n');
    }
    for line in head.lines() {
        out.push_str(&format!("# {line}\n"));
    }
    out.push_str(&format!(
        "extends = {}\n",
        toml::Value::String(base.to_string())
    ));
    for (table, values) in &tables {
        out.push_str(&format!("\n[{}]\n", key(table)));
        for (dotted, value) in values {
            let dotted: Vec<String> = dotted.split('.').map(key).collect();
            out.push_str(&format!("{} = {value}\n", dotted.join(".")));
        }
    }
    for (list, id) in order {
        out.push_str(&format!(
            "\n[[{list}]]\nid = {}\n",
            toml::Value::String(id.to_string())
        ));
        for (field, value) in &entries[&(list, id)] {
            let dotted: Vec<String> = field.split('.').map(key).collect();
            out.push_str(&format!("{} = {value}\n", dotted.join(".")));
        }
    }
    out
}

/// Why a variant was not written.
#[derive(Debug)]
pub enum SaveError {
    /// A file of that name exists.
    Exists(PathBuf),
    Io(std::io::Error),
}

/// Writes `text` as the new file `path`: to a temporary file beside it, then linked to its
/// name only if no file has that name, so that a file is never replaced nor half-written.
pub fn write_new(path: &Path, text: &str) -> Result<(), SaveError> {
    if path.exists() {
        return Err(SaveError::Exists(path.to_path_buf()));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".klimabudget-")
        .tempfile_in(dir)
        .map_err(SaveError::Io)?;
    temp.write_all(text.as_bytes()).map_err(SaveError::Io)?;
    temp.as_file().sync_all().map_err(SaveError::Io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = temp
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    temp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            SaveError::Exists(path.to_path_buf())
        } else {
            SaveError::Io(e.error)
        }
    })?;
    Ok(())
}

/// The message for a variant not written.
pub fn message(e: &SaveError) -> Msg {
    match e {
        SaveError::Exists(p) => Msg::ServeExists {
            file: p.display().to_string(),
        },
        SaveError::Io(e) => Msg::CannotWriteOutput {
            reason: crate::load::io_reason(e).boxed(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_variant_holds_extends_and_the_changed_values_only() {
        let changes = vec![
            (
                "posts.joint-municipal-post.annual_cost_per_fte".to_string(),
                "900000".to_string(),
            ),
            (
                "posts.joint-municipal-post.from".to_string(),
                "2024-01-01".to_string(),
            ),
            ("posts.x.paid_by.brn".to_string(), "2/3".to_string()),
            ("indexation.wages.2027".to_string(), "0.03".to_string()),
            ("scenario.end".to_string(), "2027-12-31".to_string()),
        ];
        let t = text(
            "joint-secretariat.toml",
            Some("#:schema ../docs/scenario.schema.json"),
            "A variant.",
            &changes,
        );
        assert_eq!(
            t,
            "#:schema ../docs/scenario.schema.json\n# A variant.\nextends = \"joint-secretariat.toml\"\n\n\
             [indexation]\nwages.2027 = 0.03\n\n[scenario]\nend = 2027-12-31\n\n\
             [[posts]]\nid = \"joint-municipal-post\"\nannual_cost_per_fte = 900000\nfrom = 2024-01-01\n\n\
             [[posts]]\nid = \"x\"\npaid_by.brn = \"2/3\"\n"
        );
        assert!(toml::from_str::<toml::Table>(&t).is_ok());
    }

    #[test]
    fn names_are_plain_file_names_ending_in_toml() {
        assert!(valid_name("joint-secretariat-900k.toml"));
        for bad in [
            "../x.toml",
            "x/y.toml",
            ".hidden.toml",
            "x.txt",
            ".toml",
            "a b.toml",
            "",
        ] {
            assert!(!valid_name(bad), "{bad}");
        }
    }

    #[test]
    fn an_existing_file_is_never_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.toml");
        write_new(&path, "a = 1\n").unwrap();
        assert!(matches!(
            write_new(&path, "a = 2\n"),
            Err(SaveError::Exists(_))
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a = 1\n");
        // Nothing else is left in the directory.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
