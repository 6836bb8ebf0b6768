#![no_main]

//! Fuzzes key files: the input is the key file a scenario names, which the scenario's funders
//! share their cost by (members) and raise their money by (raised_by); when it loads, the
//! members' shares are computed and reported.

use std::path::PathBuf;
use std::sync::OnceLock;

use klimabudget::allocation::Mode;
use klimabudget::engine::{self, Prices};
use klimabudget::export::{self, Format};
use klimabudget::load::{Access, Prepared};
use klimabudget::period::By;
use klimabudget::report::{Members, Precision, scenario};
use libfuzzer_sys::fuzz_target;

const SCENARIO: &str = r#"
keys = ["k.toml"]
[scenario]
name = "Keys"
start = 2023-01-01
end = 2024-12-31
[funders.brn]
residual = true
raised_by = "contributions"
[funders.municipalities]
members = "population"
[[posts]]
id = "p"
fte = 1
annual_cost_per_fte = 800_000
paid_by = { brn = "1/2", municipalities = "1/2" }
[[funding]]
id = "f"
funder = "municipalities"
annual = 400_000
"#;

/// A directory of its own for the key file, made once.
fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("klimabudget-fuzz-keys-{}", std::process::id()));
        std::fs::create_dir_all(&d).expect("a directory");
        d
    })
}

fuzz_target!(|data: &[u8]| {
    let dir = dir();
    if std::fs::write(dir.join("k.toml"), data).is_err() {
        return;
    }
    let access = Access {
        root: Some(dir.clone()),
        allow_outside: false,
    };
    let prepared = Prepared::parse_in(&dir.join("s.toml"), SCENARIO.to_string(), &access);
    match prepared.load(&[]) {
        Err(d) => {
            let _ = d.render(false, klimabudget::i18n::Lang::Da);
        }
        Ok(loaded) => {
            let s = &loaded.scenario;
            for mode in [Mode::ByMember, Mode::LookThrough] {
                if let Ok(p) = engine::project_in(s, By::Year, Prices::Current) {
                    let Ok(members) = Members::new(s, &p, mode, Precision::Ore) else {
                        continue;
                    };
                    let report = scenario::report(s, &p, Some(&members));
                    let _ = export::render(&report, Format::Csv, &Default::default());
                }
            }
        }
    }
});
