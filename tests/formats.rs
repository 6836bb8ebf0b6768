//! Output formats: printed tables add up (checked on generated scenarios in every unit and
//! language), each format pinned by a snapshot, the XLSX read back, and files written safely.

use std::path::Path;

use klimabudget::engine;
use klimabudget::export::{self, Format};
use klimabudget::num::{Rational, Unit};
use klimabudget::period::By;
use klimabudget::report::compare::Comparison;
use klimabudget::report::{
    Block, Calc, Cell, Figure, Mode, Report, Rounding, Shown, Table, scenario,
};
use proptest::prelude::*;

use crate::common::{klimabudget, root};
use crate::properties::{build, spec};

/// Every formula of a shown table holds for its shown figures, unless the table says its
/// figures are rounded; the shown table keeps the exact report's formulas (for XLSX).
pub fn assert_adds_up(report: &Report, shown: &Shown) {
    let exact = report.page.blocks.iter().filter_map(|b| match b {
        Block::Table(t) => Some(t),
        _ => None,
    });
    let tables = shown.page.blocks.iter().filter_map(|b| match b {
        Block::Table(t) => Some(t),
        _ => None,
    });
    for (e, t) in exact.zip(tables) {
        for (r, row) in t.rows.iter().enumerate() {
            for (c, cell) in row.cells.iter().enumerate() {
                let Cell::Figure { figure, calc } = cell else {
                    continue;
                };
                let Cell::Figure { calc: kept, .. } = &e.rows[r].cells[c] else {
                    panic!(
                        "{:?}: row {r}, column {c} is no figure in the report",
                        t.title
                    );
                };
                assert_eq!(calc, kept, "{:?}: row {r}, column {c}", t.title);
                if let Some(calc) = calc {
                    assert!(
                        t.rounding_note || figure.shown == computed(t, *calc, r, c),
                        "{:?}: row {r}, column {c} ({calc:?}) does not add up, unsaid",
                        t.title
                    );
                }
            }
        }
    }
}

fn value(t: &Table<Figure>, r: usize, c: usize) -> Rational {
    match &t.rows[r].cells[c] {
        Cell::Figure { figure, .. } => figure.shown,
        _ => panic!("{:?}: no figure at {r},{c}", t.title),
    }
}

fn computed(t: &Table<Figure>, calc: Calc, r: usize, c: usize) -> Rational {
    match calc {
        Calc::SumRow { from, to } => (from..to).map(|k| value(t, r, k)).sum(),
        Calc::SumColumn { from, to } => (from..to).map(|k| value(t, k, c)).sum(),
        Calc::RowDiff { plus, minus } => value(t, plus, c) - value(t, minus, c),
        Calc::ColumnDiff { plus, minus } => value(t, r, plus) - value(t, r, minus),
    }
}

/// The table of `shown` whose short name is `name` (in English).
fn table<'d>(shown: &'d Shown, name: &str) -> &'d Table<Figure> {
    let view = klimabudget::i18n::View::default();
    shown
        .page
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) if view.text(&t.name) == name => Some(t),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no table {name}"))
}

const UNITS: [Unit; 3] = [Unit::Kr, Unit::Tkr, Unit::Mio];

fn controlled(unit: Unit) -> Rounding {
    Rounding {
        unit,
        mode: Mode::Controlled,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn printed_tables_add_up_in_every_unit(spec in spec(), other in spec(), by in 0usize..4) {
        let by = [By::Year, By::HalfYear, By::Month, By::Total][by];
        let s = build(&spec);
        let p = engine::project(&s, by).unwrap();
        let report = scenario::report(&s, &p, None);
        for unit in UNITS {
            let shown = report.shown(controlled(unit));
            assert_adds_up(&report, &shown);
            // Each shown figure of the cost table is within one step of the exact figure.
            let step = unit.step();
            let cost = table(&shown, "Cost by item");
            for i in 0..s.item_count() {
                for (j, f) in p.periods.iter().enumerate() {
                    let exact = p.scale.exact(f.items.get(i));
                    let shown = value(cost, i, 1 + j);
                    prop_assert!(shown - exact < step && exact - shown < step, "{shown} vs {exact}");
                }
            }
        }
        let b = build(&other);
        let cmp = Comparison::new(&s, &b, by, klimabudget::engine::Prices::Current).unwrap();
        let report = cmp.report();
        for unit in UNITS {
            assert_adds_up(&report, &report.shown(controlled(unit)));
        }
    }
}

#[test]
fn the_shipped_tables_add_up_in_every_unit() {
    for file in crate::common::toml_files("scenarios") {
        let s = klimabudget::load::load_file(&file).unwrap().scenario;
        for by in [By::Year, By::HalfYear, By::Month, By::Total] {
            let report = scenario::report(&s, &engine::project(&s, by).unwrap(), None);
            for unit in UNITS {
                assert_adds_up(&report, &report.shown(controlled(unit)));
            }
        }
    }
}

#[test]
fn months_of_66_666_67_add_up_to_800_000() {
    // 800,000 kr. a year by month: every month shows 66,667 or 66,666, the year 800,000.
    let s = klimabudget::load::load_file(&root().join("scenarios/dk2020-2021-2023.toml"))
        .unwrap()
        .scenario;
    let report = scenario::report(&s, &engine::project(&s, By::Month).unwrap(), None);
    let shown = report.shown(controlled(Unit::Kr));
    assert_adds_up(&report, &shown);
    let items = table(&shown, "Cost by item");
    let months: Vec<Rational> = (1..31).map(|c| value(items, 0, c)).collect();
    assert!(
        months
            .iter()
            .all(|m| *m == Rational::from_integer(66_667) || *m == Rational::from_integer(66_666))
    );
    assert_eq!(
        months[..12].iter().sum::<Rational>(),
        Rational::from_integer(800_000)
    );
    assert_eq!(value(items, 0, 31), Rational::from_integer(2_000_000));
}

fn render(format: Format, doc_args: &[&str]) -> String {
    let mut args = doc_args.to_vec();
    let name = format!("{format:?}").to_lowercase();
    args.extend(["--format", &name]);
    klimabudget(args).code(0).stdout
}

#[test]
fn every_format_of_report_and_compare() {
    let report = [
        "report",
        "scenarios/joint-secretariat.toml",
        "--by",
        "half-year",
    ];
    let compare = [
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/joint-secretariat.toml",
    ];
    for format in [Format::Table, Format::Markdown, Format::Csv, Format::Html] {
        let name = format!("{format:?}").to_lowercase();
        insta::assert_snapshot!(format!("report-{name}"), render(format, &report));
        insta::assert_snapshot!(format!("compare-{name}"), render(format, &compare));
        let danish: Vec<&str> = compare
            .iter()
            .copied()
            .chain(["--lang", "da", "--unit", "mio"])
            .collect();
        insta::assert_snapshot!(format!("compare-{name}-da-mio"), render(format, &danish));
    }
}

#[test]
fn the_locale_chooses_danish() {
    let out = assert_cmd::Command::cargo_bin("klimabudget")
        .unwrap()
        .current_dir(root())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "da_DK.UTF-8")
        .args(["report", "scenarios/dk2020-2021-2023.toml"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Udgifter i alt"), "{text}");
    assert!(text.contains("1.600.000"));
    // --lang wins over the locale.
    let out = assert_cmd::Command::cargo_bin("klimabudget")
        .unwrap()
        .current_dir(root())
        .env("LANG", "da_DK.UTF-8")
        .args(["--lang", "en", "report", "scenarios/dk2020-2021-2023.toml"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("Total cost")
    );
}

/// The workbook a command writes, in Danish and millions.
fn workbook(args: &[&str]) -> calamine::Xlsx<std::io::BufReader<std::fs::File>> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.xlsx");
    let path = path.to_str().unwrap();
    let mut args = args.to_vec();
    args.extend(["--lang", "da", "--unit", "mio", "--output", path]);
    klimabudget(args).code(0);
    calamine::open_workbook(path).unwrap()
}

#[test]
fn the_xlsx_reads_back_with_live_totals() {
    use calamine::{Data, Reader};
    let mut book = workbook(&[
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/joint-secretariat.toml",
    ]);
    assert_eq!(
        book.sheet_names(),
        [
            "Oversigt",
            "Årsværk og udgifter",
            "Udgifter pr. kilde",
            "Finansieringskilder",
            "Forskelle"
        ]
    );
    let costs = book.worksheet_range("Udgifter pr. kilde").unwrap();
    assert_eq!(
        costs.get_value((1, 0)),
        Some(&Data::String("Finansieringskilde".into()))
    );
    assert_eq!(
        costs.get_value((2, 0)),
        Some(&Data::String("Business Region North Denmark".into()))
    );
    // BRN in 2024: A 1.6, B 2.4 mio. kr., held exact (in kroner) and shown in millions.
    assert_eq!(costs.get_value((2, 3)), Some(&Data::Float(1_600_000.0)));
    assert_eq!(costs.get_value((3, 3)), Some(&Data::Float(2_400_000.0)));
    let formulas = book.worksheet_formula("Udgifter pr. kilde").unwrap();
    // Totals are sums, B − A rows are differences: Excel recomputes them.
    assert_eq!(
        formulas.get_value((2, 6)).map(String::as_str),
        Some("SUM(C3:F3)")
    );
    assert_eq!(
        formulas.get_value((4, 3)).map(String::as_str),
        Some("D4-D3")
    );
    let cost = book.worksheet_formula("Årsværk og udgifter").unwrap();
    assert_eq!(
        cost.get_value((6, 4)).map(String::as_str),
        Some("SUM(E3:E6)")
    );
    assert_eq!(cost.get_value((2, 6)).map(String::as_str), Some("F3-E3"));
    let values = book.worksheet_range("Årsværk og udgifter").unwrap();
    assert_eq!(values.get_value((6, 4)), Some(&Data::Float(9_600_000.0)));
    // The chart's figures are the table's cells: edit one, and the chart follows.
    assert_eq!(formulas.get_value((19, 1)).map(String::as_str), Some("C3"));
    assert_eq!(formulas.get_value((19, 2)).map(String::as_str), Some("C4"));
    assert_eq!(
        values.get_value((6, 0)),
        Some(&Data::String("I alt".into()))
    );
}

/// Regression: `--output /dev/null` replaced the device with a file (written beside it and
/// renamed over it), after which reading /dev/null returned whatever had been written there.
#[cfg(unix)]
#[test]
fn a_pipe_or_device_is_written_as_it_is_and_a_link_followed() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    klimabudget([
        "report",
        "scenarios/status-quo.toml",
        "--output",
        fifo.to_str().unwrap(),
    ])
    .code(0);
    // Checked first: were the pipe replaced, the reader would wait on it for ever.
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "still a pipe");
    let csv = reader.join().unwrap();
    assert!(csv.starts_with("period,"), "{csv}");
    assert!(
        csv.contains(
            "total,2023-01-01,2026-12-31,funder,brn,Business Region North Denmark,cost,6400000.00"
        ),
        "{csv}"
    );
    // A link to a file: the file is replaced, the link kept.
    let file = dir.path().join("report.md");
    std::fs::write(&file, "old").unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&file, &link).unwrap();
    klimabudget([
        "report",
        "scenarios/status-quo.toml",
        "--output",
        link.to_str().unwrap(),
    ])
    .code(0);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("# Status quo")
    );
}

#[test]
fn output_goes_to_a_file_by_its_extension_and_never_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.md");
    klimabudget([
        "report",
        "scenarios/status-quo.toml",
        "--output",
        out.to_str().unwrap(),
    ])
    .code(0);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("# Status quo"));
    // A failing run leaves the earlier file as it was, and no temporary file behind.
    std::fs::write(dir.path().join("bad.toml"), "[scenario]\n").unwrap();
    let bad = dir.path().join("bad.toml");
    klimabudget([
        "report",
        bad.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ])
    .code(2);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), text);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    // An input scenario is never overwritten.
    let input = dir.path().join("input.toml");
    std::fs::copy(root().join("scenarios/status-quo.toml"), &input).unwrap();
    let run = klimabudget([
        "report",
        input.to_str().unwrap(),
        "--format",
        "json",
        "--output",
        input.to_str().unwrap(),
    ])
    .code(2);
    assert!(
        run.stderr.contains("is a scenario given as input"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&input).unwrap(),
        std::fs::read_to_string(root().join("scenarios/status-quo.toml")).unwrap()
    );
    // An unknown extension is a usage error; `-` is standard output.
    klimabudget(["report", "scenarios/status-quo.toml", "--output", "x.odt"]).code(2);
    let run = klimabudget([
        "report",
        "scenarios/status-quo.toml",
        "--output",
        "-",
        "--format",
        "csv",
    ])
    .code(0);
    assert!(
        run.stdout
            .starts_with("period,start,end,kind,id,name,measure,value\n")
    );
    assert!(!Path::new("x.odt").exists());
    // A directory that does not exist: exit 2, nothing written.
    let missing = dir.path().join("no/such/dir/out.html");
    klimabudget([
        "report",
        "scenarios/status-quo.toml",
        "--output",
        missing.to_str().unwrap(),
    ])
    .code(2);
    assert!(!missing.exists());
}

#[test]
fn every_format_writes_through_the_library_too() {
    let s = klimabudget::load::load_file(&root().join("scenarios/status-quo.toml"))
        .unwrap()
        .scenario;
    let report = scenario::report(&s, &engine::project(&s, By::Year).unwrap(), None);
    for format in [
        Format::Table,
        Format::Markdown,
        Format::Csv,
        Format::Json,
        Format::Html,
        Format::Xlsx,
        Format::Pdf,
        Format::Docx,
    ] {
        let out = export::render(&report, format, &export::Options::default()).unwrap();
        assert!(out.len() > 500, "{format:?}");
    }
}

/// Regression: cargo-fuzz found that rounding a comparison of 2,001 years by half-year took two
/// minutes (one unit per shortest-path search). It must finish (its speed is for benchmarks;
/// here, only that it is right) and add up.
#[test]
fn a_two_thousand_year_table_is_rounded_and_adds_up() {
    let path = crate::common::root().join("tests/regression/thirds-2000-years.toml");
    let s = klimabudget::load::load_file(&path).unwrap().scenario;
    let c = Comparison::new(&s, &s, By::HalfYear, klimabudget::engine::Prices::Current).unwrap();
    let report = c.report();
    let shown = report.shown(controlled(Unit::Kr));
    assert_adds_up(&report, &shown);
    let cost = table(&shown, "FTE and cost");
    // 4,002 half-years and the total; 100,000 kr. a year for 2,001 years.
    assert_eq!(cost.rows.len(), 4_003);
    assert_eq!(value(cost, 4_002, 4), Rational::from_integer(200_100_000));
}

/// A finance officer's sums in the workbook are exact: cells hold figures to the øre, the
/// unit is only how they are shown.
#[test]
fn the_xlsx_holds_figures_to_the_ore() {
    use calamine::{Data, Reader};
    let mut book = workbook(&["report", "tests/cases/fase2.toml"]);
    let balance = book.worksheet_range("Akkumuleret balance").unwrap();
    // BRN is 676,251.56 kr. short by the end of 2028 (shown as −0,7 mio. kr.).
    assert_eq!(balance.get_value((3, 4)), Some(&Data::Float(-676_251.56)));
}
