#![no_main]

//! Fuzzes bookings exports: the input is the CSV file the shipped joint secretariat's
//! `[actuals]` names (any encoding, delimiter, columns, amounts and dates), read, mapped by
//! the scenario's rules and checked as `klimabudget check` does.

use std::path::PathBuf;
use std::sync::OnceLock;

use klimabudget::report::check;
use libfuzzer_sys::fuzz_target;

/// A copy of the shipped scenario and its keys in a directory of its own, made the working
/// directory (the root the files a scenario names must be in) once.
fn scenario() -> &'static PathBuf {
    static FILE: OnceLock<PathBuf> = OnceLock::new();
    FILE.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
        let d =
            std::env::temp_dir().join(format!("klimabudget-fuzz-actuals-{}", std::process::id()));
        for sub in ["scenarios/actuals", "keys"] {
            std::fs::create_dir_all(d.join(sub)).expect("a directory");
        }
        for f in [
            "scenarios/joint-secretariat.toml",
            "keys/population-2020.toml",
            "keys/brn-contributions.toml",
        ] {
            std::fs::copy(root.join(f), d.join(f)).expect("copied");
        }
        std::env::set_current_dir(&d).expect("the directory");
        PathBuf::from("scenarios/joint-secretariat.toml")
    })
}

fuzz_target!(|data: &[u8]| {
    let file = scenario();
    if std::fs::write("scenarios/actuals/bogfoering-2023-24.csv", data).is_err() {
        return;
    }
    let options = check::Options {
        by: klimabudget::period::By::Year,
        prices: Default::default(),
        overrides: Vec::new(),
        deny_warnings: false,
        require_funded: false,
    };
    let checked = check::check_file(file, &options);
    if let Some(d) = &checked.errors {
        let _ = d.render(false, klimabudget::i18n::Lang::Da);
    }
    let _ = check::report(std::slice::from_ref(&checked), klimabudget::i18n::Lang::Da);
});
