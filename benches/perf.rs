//! Speed, measured here and not in tests: `cargo bench`. The targets (release build, 2 cores):
//! a shipped report as a whole process in 5 ms; 100,000 posts over 10 years by month as JSON
//! in 1 s; time linear in posts × months (10× the posts, at most 11× the time); 10,000 variants of the joint secretariat swept in 2 s;
//! the shipped status (budget follow-up) in 20 ms, and 100,000 bookings read and mapped in 1 s; a
//! change in `serve`'s what-if panel recomputed and rendered in 50 ms (shipped) and 200 ms
//! (1,000 posts) at the 95th percentile. The
//! README's performance section gives the medians measured and the commands.

use std::path::Path;
use std::process::Command;

use klimabudget::engine::{self, Prices};
use klimabudget::export::{self, Format, Options, json};
use klimabudget::load::Prepared;
use klimabudget::period::By;
use klimabudget::report::compare::Comparison;
use klimabudget::whatif::{self, Show, Vary};

/// The binary's allocator, so that work measured here is the work it does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// `klimabudget report scenarios/joint-secretariat.toml` as a whole process.
#[divan::bench(sample_count = 50)]
fn report_shipped_process() {
    let status = Command::new(env!("CARGO_BIN_EXE_klimabudget"))
        .args(["report", "scenarios/joint-secretariat.toml"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::process::Stdio::null())
        .status()
        .expect("the binary runs");
    assert!(status.success());
}

/// `klimabudget report big.toml --by month --format json --output big.json` as a whole
/// process, for a generated scenario of `posts` posts over 10 years: what a user waits for,
/// memory taken fresh from the system and the file written (220 MB for 100,000 posts).
#[divan::bench(args = [1_000, 10_000, 100_000], sample_count = 7)]
fn report_by_month_json_process(bencher: divan::Bencher, posts: usize) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let scenario = dir.path().join("big.toml");
    std::fs::write(&scenario, klimabudget::generate::scenario(posts, 10)).expect("written");
    let output = dir.path().join("big.json");
    bencher.bench_local(|| {
        let status = Command::new(env!("CARGO_BIN_EXE_klimabudget"))
            .arg("report")
            .arg(&scenario)
            .args(["--by", "month", "--format", "json", "--output"])
            .arg(&output)
            .status()
            .expect("the binary runs");
        assert!(status.success());
    });
}

/// Load, project by month and write JSON (to nowhere) by the fast path, for a generated
/// scenario of `posts` posts over 10 years: the work of `report --by month --format json` less
/// the disk, in a process whose memory is already warm after the first sample.
#[divan::bench(args = [1_000, 10_000, 100_000], sample_count = 7)]
fn report_by_month_json(bencher: divan::Bencher, posts: usize) {
    let text = klimabudget::generate::scenario(posts, 10);
    bencher.bench_local(|| {
        let loaded = Prepared::parse(Path::new("gen.toml"), text.clone())
            .into_loaded(&[])
            .expect("valid");
        let p = engine::project(&loaded.scenario, By::Month).expect("computes");
        json::fast::report(&loaded.scenario, &p, &mut std::io::sink(), false).expect("writes");
    });
}

/// The same by the reference path: the report model, shown to the øre, serialised by serde.
/// The fast path is kept while this is more than 1.5 times slower on 100,000 posts.
#[divan::bench(args = [1_000, 10_000, 100_000], sample_count = 3)]
fn report_by_month_json_serde(bencher: divan::Bencher, posts: usize) {
    let text = klimabudget::generate::scenario(posts, 10);
    bencher.bench_local(|| {
        let loaded = Prepared::parse(Path::new("gen.toml"), text.clone())
            .into_loaded(&[])
            .expect("valid");
        let p = engine::project(&loaded.scenario, By::Month).expect("computes");
        let report = klimabudget::report::scenario::report(&loaded.scenario, &p, None);
        export::render(&report, Format::Json, &Options::default()).expect("renders");
    });
}

/// Two generated scenarios of `posts` posts compared by year, as JSON (to nowhere): projecting
/// both and matching their entries by id (a test of the matching's cost growing with n, not n²).
#[divan::bench(args = [10_000, 100_000], sample_count = 3)]
fn compare_by_year_json(bencher: divan::Bencher, posts: usize) {
    let load = |text: String| {
        Prepared::parse(Path::new("gen.toml"), text)
            .into_loaded(&[])
            .expect("valid")
    };
    let a = load(klimabudget::generate::scenario(posts, 10));
    let b = load(klimabudget::generate::scenario(posts + posts / 10, 10));
    bencher.bench_local(|| {
        let c =
            Comparison::new(&a.scenario, &b.scenario, By::Year, Prices::Current).expect("computes");
        export::render(&c.report(), Format::Json, &Options::default()).expect("renders");
    });
}

/// 10,000 variants of the joint secretariat: its municipal post's cost per FTE from 600,000
/// in steps of 10 kr.
#[divan::bench(sample_count = 3)]
fn sweep_10000_variants(bencher: divan::Bencher) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let prepared = Prepared::open(&root.join("scenarios/joint-secretariat.toml")).expect("opens");
    let vary = [
        Vary::parse("posts.joint-municipal-post.annual_cost_per_fte=600000..699990/10").unwrap(),
    ];
    let show = [Show::parse("total.cost_by_funder.brn").unwrap()];
    bencher.bench_local(|| {
        let points = whatif::sweep(
            &prepared,
            &vary,
            &show,
            &whatif::Options::default(),
            &mut |_, _| {},
        )
        .expect("sweeps");
        assert_eq!(points.len(), 10_000);
    });
}

/// `klimabudget status scenarios/joint-secretariat.toml --as-of 2024-06-30` as a whole
/// process: the shipped follow-up, its bookings export read and mapped (target: 20 ms).
#[divan::bench(sample_count = 30)]
fn status_shipped_process() {
    let status = Command::new(env!("CARGO_BIN_EXE_klimabudget"))
        .args([
            "status",
            "scenarios/joint-secretariat.toml",
            "--as-of",
            "2024-06-30",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::process::Stdio::null())
        .status()
        .expect("the binary runs");
    assert!(status.success());
}

/// Reading and mapping an export of `rows` bookings over 200 accounts, each with its rule:
/// the work of `check` on a scenario's actuals (target: 100,000 rows in 1 s).
#[divan::bench(args = [10_000, 100_000], sample_count = 5)]
fn actuals_read(bencher: divan::Bencher, rows: usize) {
    let dir = tempfile::tempdir_in(Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
        .expect("a temporary directory");
    let mut scenario = klimabudget::generate::scenario(200, 3);
    scenario.push_str(
        "\n[actuals]\nfile = \"export.csv\"\ndate = \"Dato\"\namount = \"Beløb\"\naccount = \"Konto\"\n",
    );
    let ids: Vec<String> = scenario
        .lines()
        .filter_map(|l| {
            l.strip_prefix("id = \"")
                .map(|r| r.trim_end_matches('"').to_string())
        })
        .take(200)
        .collect();
    for (k, id) in ids.iter().enumerate() {
        scenario.push_str(&format!(
            "[[actuals.map]]\naccount = \"{}\"\nentry = \"{id}\"\n",
            10_000 + k
        ));
    }
    let mut csv = String::from("Dato;Konto;Tekst;Beløb\n");
    for k in 0..rows {
        let account = 10_000 + k % ids.len().max(1);
        csv.push_str(&format!(
            "{:02}-03-2024;{account};Løn;{}.{:03},{:02}\n",
            1 + k % 28,
            k % 90 + 1,
            k % 1000,
            k % 100
        ));
    }
    std::fs::write(dir.path().join("export.csv"), csv).expect("written");
    let path = dir.path().join("scenario.toml");
    std::fs::write(&path, scenario).expect("written");
    let loaded = klimabudget::load::load_file(&path).expect("loads");
    bencher.bench_local(|| {
        let read = klimabudget::actuals::read(&loaded, klimabudget::actuals::Options::default());
        assert!(read.is_ok_and(|b| b.is_some_and(|b| b.rows.len() == rows)));
    });
}

/// `report --explain` by year for a generated scenario of `posts` posts over 4 years: the
/// appendix derives every item's and funder's figure of each year. Each derivation takes time
/// in the entries it has, so 10× the posts should take about 10× the time (it took n² once).
#[divan::bench(args = [1_000, 10_000], sample_count = 3)]
fn report_explain_appendix(bencher: divan::Bencher, posts: usize) {
    let loaded = Prepared::parse(
        Path::new("gen.toml"),
        klimabudget::generate::scenario(posts, 4),
    )
    .into_loaded(&[])
    .expect("valid");
    let s = &loaded.scenario;
    bencher.bench_local(|| {
        let p = engine::project(s, By::Year).expect("computes");
        let mut report = klimabudget::report::scenario::report(s, &p, None);
        klimabudget::report::appendix::add(&mut report, s, &p).expect("explains");
        export::render(&report, Format::Markdown, &Options::default()).expect("renders");
    });
}

/// `compare --bridge` of the shipped status quo and joint secretariat: every funder's cost and
/// what BRN must find, a projection per difference.
#[divan::bench(sample_count = 20)]
fn bridge_shipped(bencher: divan::Bencher) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let load = |f: &str| {
        klimabudget::load::load_file(&root.join(f))
            .expect("valid")
            .scenario
    };
    let (a, b) = (
        load("scenarios/status-quo.toml"),
        load("scenarios/joint-secretariat.toml"),
    );
    let mut names = klimabudget::bridge::default_names(&a, &b);
    names.push(klimabudget::explain::Name::parse("must_find.brn").unwrap());
    bencher.bench_local(|| {
        klimabudget::bridge::bridge(&a, &b, &names, Prices::Current).expect("bridges")
    });
}

/// `klimabudget serve`: one change in the what-if panel, recomputed and rendered as the page
/// gets it (`POST /api/view`: the scenario loaded with the change, projected, the report in
/// HTML, the panel's fields), for the joint secretariat (target ≤ 50 ms at the 95th
/// percentile) and a generated scenario of 1,000 posts (≤ 200 ms). The slowest sample bounds
/// the 95th percentile.
#[divan::bench(args = [0, 1_000], sample_count = 40)]
fn serve_change(bencher: divan::Bencher, posts: usize) {
    use klimabudget::serve::{App, Request};
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (paths, scenario, path) = if posts == 0 {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::env::set_current_dir(root).expect("the repository");
        (
            vec![root.join("scenarios")],
            root.join("scenarios/joint-secretariat.toml"),
            "posts.joint-municipal-post.annual_cost_per_fte",
        )
    } else {
        let file = dir.path().join("big.toml");
        std::fs::write(&file, klimabudget::generate::scenario(posts, 10)).expect("written");
        (
            vec![dir.path().to_path_buf()],
            file,
            "posts.p1.annual_cost_per_fte",
        )
    };
    let app = App::new(paths, 1, "t".repeat(32), klimabudget::i18n::Lang::Da);
    let mut value = 800_000u32;
    bencher.bench_local(|| {
        value += 1_000;
        let body = serde_json::json!({
            "scenario": scenario.display().to_string(),
            "set": [[path, value.to_string()]],
            "lang": "da",
        });
        let reply = app.handle(&Request {
            method: "POST".into(),
            url: "/api/view".into(),
            host: Some("127.0.0.1:1".into()),
            token: Some("t".repeat(32)),
            origin: None,
            body: serde_json::to_vec(&body).expect("JSON"),
        });
        assert_eq!(reply.status, 200);
        reply
    });
}
