//! Issue 12, Danish hands on the keyboard: money and rates that cannot be misread, defaults,
//! names where ids are expected, and every message in the user's language.

use proptest::prelude::*;

use crate::common::klimabudget;

#[test]
fn diagnostics_are_framed_in_the_language_of_the_run() {
    // Issue 12: every error was framed in English ("error:", "help:") even with --lang da.
    let run = klimabudget(["report", "tests/corpus/to-before-from.toml", "--lang", "da"]).code(2);
    assert!(run.stderr.starts_with("fejl: "), "{}", run.stderr);
    assert!(run.stderr.contains("\nhjælp: "), "{}", run.stderr);
    let run = klimabudget(["report", "tests/corpus/to-before-from.toml"]).code(2);
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    assert!(run.stderr.contains("\nhelp: "), "{}", run.stderr);
}

/// A scenario of one one-off cost whose amount is written `amount`.
fn one_amount(amount: &str) -> String {
    format!(
        "[scenario]\nname = \"p\"\nstart = 2023-01-01\nend = 2023-12-31\n\n[funders.a]\nnote = \"pays\"\n\n[[costs]]\nid = \"c\"\namount = {amount}\ndate = 2023-06-01\npaid_by = \"a\"\n"
    )
}

/// The amount a scenario of [`one_amount`] was read as, if it was accepted.
fn read_amount(amount: &str) -> Option<rust_decimal::Decimal> {
    let loaded =
        klimabudget::load::load_str(std::path::Path::new("p.toml"), one_amount(amount)).ok()?;
    match loaded.scenario.costs[0].flow {
        klimabudget::model::Flow::OneOff { amount, .. } => Some(amount.decimal()),
        klimabudget::model::Flow::Annual { .. } => unreachable!("a one-off"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..Default::default() })]

    /// Issue 12: `"900.000"` was read as 900 kr. and `650.000` as 650 kr. No amount accepted,
    /// quoted or not, is read as a value whose digits differ from those written: the digits
    /// written (`_` aside) are the value's to the øre, and none is left over.
    #[test]
    fn no_amount_is_read_as_other_digits_than_written(
        written in prop_oneof![
            "[0-9][0-9._, ]{0,12}",
            (
                prop::collection::vec("[0-9]{1,3}", 1..5),
                prop::sample::select(vec![".", ",", "_", " ", ""]),
                prop::option::of("[.,][0-9]{1,4}"),
            )
                .prop_map(|(groups, sep, tail)| groups.join(sep) + &tail.unwrap_or_default()),
        ],
        quoted in any::<bool>(),
    ) {
        let toml = if quoted { format!("\"{written}\"") } else { written.clone() };
        if let Some(value) = read_amount(&toml) {
            // The digits written, to the øre: `860_000.5` is 860000.50; `900.000` has a digit
            // no amount to the øre has, so it cannot be read as written.
            let digits = written.trim().replace('_', "");
            let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
            prop_assert!(fraction.len() <= 2, "{} read as {}", toml, value);
            let as_written = format!("{whole}.{fraction:0<2}");
            prop_assert_eq!(format!("{value:.2}"), as_written, "{} read as {}", toml, value);
        }
    }
}

#[test]
fn amounts_written_plainly_are_read_as_written() {
    for (written, value) in [
        ("\"860000\"", "860000.00"),
        ("\"860000.50\"", "860000.50"),
        ("\"860_000\"", "860000.00"),
        ("860_000", "860000.00"),
        ("860000.5", "860000.50"),
        ("8.6e5", "860000.00"),
    ] {
        assert_eq!(
            read_amount(written).map(|d| format!("{d:.2}")).as_deref(),
            Some(value),
            "{written}"
        );
    }
    for written in [
        "\"900.000\"",
        "\"1.500.000\"",
        "\"1,5\"",
        "\"900.000,00\"",
        "650.000",
        "\"820.500\"",
        "\"1,500,000\"",
        "\"1 500 000\"",
        "\"860.000 kr.\"",
        "\"0860000\"",
    ] {
        assert_eq!(read_amount(written), None, "{written}");
    }
}

/// The JSON report of `scenario` by month, without the file it came from.
fn figures(scenario: &std::path::Path) -> serde_json::Value {
    let mut json = klimabudget([
        "report",
        scenario.to_str().unwrap(),
        "--by",
        "month",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    json["scenario"]["file"] = serde_json::Value::Null;
    json
}

#[test]
fn one_rate_from_a_year_on_is_the_rate_of_every_year_from_it() {
    let dir = tempfile::tempdir_in(crate::common::root().join("target")).unwrap();
    let fase2 =
        std::fs::read_to_string(crate::common::root().join("tests/cases/fase2.toml")).unwrap();
    let by_year = "wages = { 2027 = \"3%\", 2028 = \"3%\", 2029 = \"3%\" }";
    assert!(fase2.contains(by_year));
    let write = |name: &str, line: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, fase2.replace(by_year, line)).unwrap();
        path
    };
    let expected = figures(&crate::common::root().join("tests/cases/fase2.toml"));
    for line in [
        "wages = { from = 2027, rate = \"3 %\" }",
        "wages = { from = 2027, rate = 0.03 }",
        "wages = { from = 2027, to = 2029, rate = \"3,0 %\" }",
        "wages = { from = 2027, rate = \"3 %\", 2028 = \"3%\" }",
    ] {
        assert_eq!(figures(&write("from.toml", line)), expected, "{line}");
    }
    // Years beside it keep their own rate; `to` ends it.
    let other = figures(&write(
        "own.toml",
        "wages = { from = 2027, rate = \"3 %\", 2029 = \"4 %\" }",
    ));
    assert_ne!(other, expected);
    let short = figures(&write(
        "to.toml",
        "wages = { from = 2027, to = 2028, rate = \"3 %\" }",
    ));
    assert_ne!(short, expected);
    assert_eq!(
        short["periods"].as_array().unwrap()[..30],
        expected["periods"].as_array().unwrap()[..30],
        "the same until 2029"
    );
}

#[test]
fn a_bare_rate_above_1_is_an_error_and_a_high_rate_a_warning() {
    // Issue 12: `wages = { 2027 = 3, … }` (a Dane types 3 for 3 %) was +300 % a year: a total
    // cost of 204,340,000 kr., no warning, exit 0.
    let dir = tempfile::tempdir_in(crate::common::root().join("target")).unwrap();
    let fase2 =
        std::fs::read_to_string(crate::common::root().join("tests/cases/fase2.toml")).unwrap();
    let path = dir.path().join("three.toml");
    std::fs::write(
        &path,
        fase2.replace("2027 = \"3%\", 2028 = \"3%\"", "2027 = 3, 2028 = \"25 %\""),
    )
    .unwrap();
    let run = klimabudget(["report", path.to_str().unwrap()]).code(2);
    assert!(
        run.stderr
            .contains("error: [indexation] `wages`: `2027`: 3 would be a rise of 300 % a year\n"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(":16:18\n"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("help: write 0.03 or \"3 %\" for a rise of 3 % a year"),
        "{}",
        run.stderr
    );
    let run = klimabudget(["report", path.to_str().unwrap(), "--lang", "da"]).code(2);
    assert!(
        run.stderr
            .contains("3 ville være en stigning på 300 % om året"),
        "{}",
        run.stderr
    );
    std::fs::write(&path, fase2.replace("2028 = \"3%\"", "2028 = \"25 %\"")).unwrap();
    let run = klimabudget(["report", path.to_str().unwrap()]).code(0);
    assert!(
        run.stderr.contains(
            "warning: [indexation] `wages`: `2028`: a rise of 25 % a year is unusually high"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn fase2_with_one_defaults_line_and_one_rate_line_gives_the_same_figures() {
    // Issue 12: the same 1/3 + 2/3 split had to be written on every post, and 3 % a year
    // year by year.
    let root = crate::common::root();
    let short = root.join("tests/cases/fase2-defaults.toml");
    let text = std::fs::read_to_string(&short).unwrap();
    assert_eq!(text.matches("paid_by = { region").count(), 1);
    assert_eq!(text.matches("wages =").count(), 1);
    assert_eq!(
        figures(&root.join("tests/cases/fase2.toml")),
        figures(&short)
    );
    // The report says which entries pay by the default; the consultancy pays its own way.
    let run = klimabudget(["report", short.to_str().unwrap()]).code(0);
    assert!(
        run.stdout.contains("Paid by default ([defaults] paid_by): Region Nordjylland 1/3, Business Region North Denmark 2/3: Klimamedarbejder, ansat i regionen; Klimamedarbejder 1, ansat i BRN; Klimamedarbejder 2, ansat i BRN\n"),
        "{}",
        run.stdout
    );
    assert_eq!(run.stdout.matches("2/3 (default)").count(), 3);
    let run = klimabudget(["report", short.to_str().unwrap(), "--lang", "da"]).code(0);
    assert!(
        run.stdout
            .contains("Finansieret som standard ([defaults] paid_by): ")
    );
    assert_eq!(run.stdout.matches("2/3 (standard)").count(), 3);
}

/// A scenario with `[defaults]` `defaults` and posts `posts`.
fn with_defaults(defaults: &str, posts: &str) -> String {
    format!(
        "[scenario]\nname = \"d\"\nstart = 2023-01-01\nend = 2023-12-31\n\n[defaults]\n{defaults}\n\n[funders.a]\nname = \"A\"\nresidual = true\n\n[funders.b]\nname = \"B\"\nresidual = true\n{posts}"
    )
}

#[test]
fn an_entry_s_own_value_wins_over_the_default() {
    let posts = "\n[[posts]]\nid = \"own\"\nfte = 1\nannual_cost_per_fte = 600_000\npaid_by = \"b\"\nemployer = \"Own\"\n\n[[posts]]\nid = \"default\"\nfte = 1\nannual_cost_per_fte = 600_000\n\n[[costs]]\nid = \"c\"\namount = 1_000\ndate = 2023-05-01\n";
    let text = with_defaults("paid_by = \"a\"\nemployer = \"Region Nordjylland\"", posts);
    let s = klimabudget::load::load_str(std::path::Path::new("d.toml"), text)
        .unwrap()
        .scenario;
    let who = |i: usize| s.funders[i].id.as_str();
    assert_eq!(
        (who(s.posts[0].paid_by.0[0].0), s.posts[0].paid_by_default),
        ("b", false)
    );
    assert_eq!(
        (who(s.posts[1].paid_by.0[0].0), s.posts[1].paid_by_default),
        ("a", true)
    );
    assert_eq!(
        (who(s.costs[0].paid_by.0[0].0), s.costs[0].paid_by_default),
        ("a", true)
    );
    assert_eq!(s.posts[0].employer.as_deref(), Some("Own"));
    assert_eq!(s.posts[1].employer.as_deref(), Some("Region Nordjylland"));
    assert!(s.posts[1].employer_default && !s.posts[0].employer_default);
}

#[test]
fn a_broken_default_is_one_error_and_no_default_means_paid_by_is_missing() {
    let posts = "\n[[posts]]\nid = \"p1\"\nfte = 1\nannual_cost_per_fte = 600_000\n\n[[posts]]\nid = \"p2\"\nfte = 1\nannual_cost_per_fte = 600_000\n";
    let dir = tempfile::tempdir_in(crate::common::root().join("target")).unwrap();
    let path = dir.path().join("d.toml");
    std::fs::write(
        &path,
        with_defaults("paid_by = { a = \"1/3\", b = \"1/3\" }", posts),
    )
    .unwrap();
    let run = klimabudget(["report", path.to_str().unwrap()]).code(2);
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("add up to 2/3, not 1"),
        "{}",
        run.stderr
    );
    std::fs::write(&path, with_defaults("employer = \"x\"", posts)).unwrap();
    let run = klimabudget(["report", path.to_str().unwrap()]).code(2);
    assert_eq!(run.stderr.matches("error:").count(), 2, "{}", run.stderr);
    assert!(run.stderr.contains("[defaults] paid_by"), "{}", run.stderr);
}

/// `text` written to a scenario file in a fresh directory; what `report` says of it in `lang`.
fn report_of(text: &str, lang: &str) -> crate::common::Run {
    let dir = tempfile::tempdir_in(crate::common::root().join("target")).unwrap();
    let path = dir.path().join("s.toml");
    std::fs::write(&path, text).unwrap();
    klimabudget(["report", path.to_str().unwrap(), "--lang", lang])
}

#[test]
fn a_name_where_an_id_is_expected_gets_the_id() {
    // Issue 12: `paid_by = "Business Region North Denmark"` got "declare a new one as
    // [funders.Business Region North Denmark]", an id that is not even valid.
    let fase2 =
        std::fs::read_to_string(crate::common::root().join("tests/cases/fase2.toml")).unwrap();
    let text = fase2.replace(
        "paid_by = \"brn\"",
        "paid_by = \"Business Region North Denmark\"",
    );
    let run = report_of(&text, "en").code(2);
    assert!(
        run.stderr.contains("help: did you mean `brn`? (`Business Region North Denmark` is its name; here it is named by its id)\n"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("[funders.Business"), "{}", run.stderr);
    let run = report_of(&text, "da").code(2);
    assert!(
        run.stderr.contains("hjælp: mente du `brn`? (`Business Region North Denmark` er dens navn; her angives id'et)"),
        "{}",
        run.stderr
    );
    // Its initials, and a key's name, alike.
    let run = report_of(
        &fase2.replace("paid_by = \"brn\"", "paid_by = \"BRN\""),
        "en",
    )
    .code(2);
    assert!(
        run.stderr.contains("help: did you mean `brn`?"),
        "{}",
        run.stderr
    );
    let keyed = std::fs::read_to_string(crate::common::root().join("scenarios/status-quo.toml"))
        .unwrap()
        .replace(
            "members = \"population-2020\"",
            "members = \"Folketal 1. januar 2020\"",
        );
    let dir = tempfile::tempdir_in(crate::common::root().join("scenarios")).unwrap();
    let path = dir.path().join("k.toml");
    std::fs::write(&path, keyed.replace("../keys/", "../../keys/")).unwrap();
    let run = klimabudget(["report", path.to_str().unwrap()]).code(2);
    assert!(
        run.stderr
            .contains("did you mean `population-2020`? (`Folketal 1. januar 2020` is its name"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_entry_s_title_in_set_and_remove_gets_its_id() {
    let run = klimabudget([
        "report",
        "tests/cases/fase2.toml",
        "--set",
        "posts.Klimamedarbejder 1, ansat i BRN.fte=0.5",
    ])
    .code(2);
    assert!(
        run.stderr
            .contains("did you mean `brn-post-1`? (`Klimamedarbejder 1, ansat i BRN` is its name"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_cascade_from_one_mistake_is_one_error() {
    // Issue 12: a file without `[scenario]` (its keys at the top) got one right error and four
    // about unknown keys; a funder misspelt everywhere, or no [funders] at all, an error a use.
    let fase2 =
        std::fs::read_to_string(crate::common::root().join("tests/cases/fase2.toml")).unwrap();
    let run = report_of(&fase2.replacen("[scenario]\n", "", 1), "en").code(2);
    assert_eq!(run.stderr.matches("error").count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "error: there is no [scenario] header above `name`, `description`, `start` and `end`\n"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(":2:1\n")
            && run
                .stderr
                .contains("help: write [scenario] on a line of its own above `name`")
    );
    let run = report_of(
        &fase2
            .replace("\"region\"", "\"regionen\"")
            .replace("region = \"1/3\"", "regionen = \"1/3\""),
        "en",
    )
    .code(2);
    assert_eq!(run.stderr.matches("error").count(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("unknown funder `regionen` (named 4 times)"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.matches("also here").count(), 3, "{}", run.stderr);
    let without: String = fase2
        .split("\n\n")
        .filter(|block| !block.starts_with("[funders."))
        .collect::<Vec<_>>()
        .join("\n\n");
    let run = report_of(&without, "en").code(2);
    assert_eq!(run.stderr.matches("error").count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("there is no [funders] table\n  = help: declare each funder the entries name, `[funders.brn]` and `[funders.region]`, with name = \"…\""),
        "{}",
        run.stderr
    );
    // One syntax error a line, its echoes dropped.
    let run = report_of(
        &fase2.replace("annual = 1_500_000", "annual = 1.500.000,00 kr"),
        "en",
    )
    .code(2);
    assert_eq!(run.stderr.matches("error").count(), 1, "{}", run.stderr);
}

#[test]
fn every_notation_and_rate_mistake_is_refused_at_its_place_in_both_languages() {
    // Issue 12: Danish notation and rates were read silently as other amounts, or warned of
    // only. Each file of tests/corpus/notation/ holds one such mistake and, in its header, the
    // line and column it is at: one error there, with its hint, in English and in Danish.
    let files = crate::common::toml_files("tests/corpus/notation");
    assert!(files.len() >= 25, "{} cases", files.len());
    for file in files {
        let stem = file.file_stem().unwrap().to_str().unwrap().to_string();
        let path = format!("tests/corpus/notation/{stem}.toml");
        let text = std::fs::read_to_string(&file).unwrap();
        let place = text
            .lines()
            .find_map(|l| l.strip_prefix("# expect "))
            .unwrap_or_else(|| panic!("{path}: no `# expect LINE:COLUMN`"));
        for (lang, error, help) in [("en", "error: ", "\nhelp: "), ("da", "fejl: ", "\nhjælp: ")] {
            let run = klimabudget(["report", &path, "--lang", lang]).code(2);
            assert_eq!(run.stdout, "", "{path}");
            assert!(run.stderr.starts_with(error), "{path}: {}", run.stderr);
            assert_eq!(
                run.stderr.matches(error).count(),
                1,
                "{path}: {}",
                run.stderr
            );
            assert!(
                run.stderr.contains(&format!("{path}:{place}\n")),
                "{path} at {place}: {}",
                run.stderr
            );
            assert!(run.stderr.contains(help), "{path}: no hint: {}", run.stderr);
            insta::assert_snapshot!(format!("notation-{stem}-{lang}"), run.stderr);
        }
    }
}

#[test]
fn every_message_the_loader_gives_on_the_corpus_is_in_the_catalogue() {
    // Issue 12: every error was in English whatever the language. Each message, label and hint
    // the loader gives for the invalid scenarios of the corpus comes from the catalogue, so
    // that it is said in Danish too.
    let mut files = crate::common::toml_files("tests/corpus");
    files.extend(crate::common::toml_files("tests/corpus/notation"));
    let mut seen = 0;
    for file in files {
        // (A few are refused later, when computed.)
        let Err(d) = klimabudget::load::load_file(&file) else {
            continue;
        };
        let (english, parts) = untranslated(&d);
        assert!(english.is_empty(), "{}: {english:#?}", file.display());
        seen += parts;
    }
    assert!(seen > 200, "{seen}");
}

#[test]
fn the_commands_errors_and_warnings_are_in_danish_too() {
    // Issue 12: every error and warning was in English, with English numbers and dates.
    let run = klimabudget(["report", "tests/cases/fase2.toml", "--lang", "da"]).code(0);
    assert!(
        run.stderr.starts_with("advarsel: finansieringskilden `region` har 311.874,22 kr. af sin finansiering tilbage ved periodens udgang (31. december 2029)\n"),
        "{}",
        run.stderr
    );
    let run = klimabudget(["report", "tests/cases/fase2.toml"]).code(0);
    assert!(
        run.stderr.starts_with("warning: funder `region` has 311,874.22 kr. of its funding unused at the end of the window (2029-12-31)\n"),
        "{}",
        run.stderr
    );
    let run = klimabudget([
        "report",
        "tests/corpus/fractions-too-fine.toml",
        "--lang",
        "da",
    ])
    .code(2);
    assert!(
        run.stderr.starts_with(
            "fejl: tests/corpus/fractions-too-fine.toml: årsværk, andele og beløb bruger brøker"
        ),
        "{}",
        run.stderr
    );
    let run = klimabudget([
        "report",
        "tests/cases/fase2.toml",
        "--lang",
        "da",
        "-o",
        "x.foo",
    ])
    .code(2);
    assert!(
        run.stderr.contains(
            "fejl: x.foo: kan ikke se outputformatet af filnavnet\n  = hjælp: lad navnet ende på"
        ),
        "{}",
        run.stderr
    );
    // The language of a Danish locale, without --lang.
    let out = assert_cmd::Command::cargo_bin("klimabudget")
        .unwrap()
        .current_dir(crate::common::root())
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "da_DK.UTF-8")
        .args(["report", "tests/corpus/notation/money-dot-thousands.toml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr
            .starts_with("fejl: udgift `consultancy`: `annual`: \"900.000\" kan læses på to måder"),
        "{stderr}"
    );
    let run = klimabudget([
        "check",
        "tests/corpus/notation/rate-bare-percent.toml",
        "--lang",
        "da",
        "--format",
        "json",
    ])
    .code(2);
    assert_eq!(
        run.json()["scenarios"][0]["errors"][0]["message"],
        "[indexation] `wages`: `2027`: 3 ville være en stigning på 300 % om året"
    );
}

#[test]
fn danish_output_names_funders_and_writes_one_date_style_and_one_unit_per_context() {
    // Issue 12: Danish output showed raw ids (`finansieret af brn`, `brn medregnet`), two date
    // styles in prose and two labels for thousands (`t.kr.` and `1.000 kr.`); English said
    // "De nordjyske kommuner pays".
    let run = klimabudget([
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/joint-secretariat.toml",
        "--lang",
        "da",
        "--unit",
        "tkr",
    ])
    .code(0);
    for raw in [
        "finansieret af brn",
        "fra brn",
        "1.000 kr.",
        "01.01.2023 – 31.12.2026 (",
    ] {
        assert!(!run.stdout.contains(raw), "{raw}:\n{}", run.stdout);
    }
    assert!(
        run.stdout
            .contains("finansieret af Business Region North Denmark")
    );
    assert!(run.stdout.contains("(t.kr.)"), "{}", run.stdout);
    assert!(
        run.stdout.contains("De nordjyske kommuner betaler 2.800 t.kr. mindre i Det Fælles Klimasekretariat end i Status quo i perioden 1. januar 2023 – 31. december 2026"),
        "{}",
        run.stdout
    );
    let run = klimabudget([
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/joint-secretariat.toml",
    ])
    .code(0);
    assert!(run.stdout.contains("De nordjyske kommuner: 2,800,000 kr. less in Det Fælles Klimasekretariat than in Status quo over 1 January 2023 – 31 December 2026"), "{}", run.stdout);
    let run = klimabudget([
        "solve",
        "scenarios/joint-secretariat.toml",
        "--vary",
        "funding.brn-joint-secretariat.annual",
        "--lang",
        "da",
    ])
    .code(0);
    assert!(
        run.stdout
            .contains("(Business Region North Denmark medregnet"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Ved 2.011.428,57 kr. mangler Business Region North Denmark"),
        "{}",
        run.stdout
    );
    // Ids stay in the data.
    let json = klimabudget([
        "solve",
        "scenarios/joint-secretariat.toml",
        "--vary",
        "funding.brn-joint-secretariat.annual",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    assert_eq!(json["held_funder"], "brn");
}

/// Issue 12: the index a funding stream follows was shown as `wages` in a Danish comparison.
#[test]
fn the_index_of_a_funding_stream_is_named_in_the_language() {
    let dir = tempfile::tempdir_in(crate::common::root().join("scenarios")).unwrap();
    let path = dir.path().join("indexed.toml");
    std::fs::write(
        &path,
        "extends = \"../joint-secretariat-high-wages.toml\"\n\
         [[funding]]\nid = \"brn-joint-secretariat\"\nindexed = \"wages\"\n",
    )
    .unwrap();
    let compare = |lang: &str| {
        klimabudget([
            "compare",
            "scenarios/joint-secretariat-high-wages.toml",
            path.to_str().unwrap(),
            "--lang",
            lang,
            "--format",
            "markdown",
        ])
        .code(0)
        .stdout
    };
    let da = compare("da");
    assert!(
        da.contains("| finansiering | brn-joint-secretariat | Fremskrives med | – | løn |"),
        "{da}"
    );
    let en = compare("en");
    assert!(
        en.contains("| funding | brn-joint-secretariat | Indexed by | – | wages |"),
        "{en}"
    );
}

/// A command line of the features of issues 15 and 16 that fails on its input: a follow-up's
/// bad exports and `[actuals]`, bad status options, figure names, sweeps, solves,
/// sensitivities and bridges, and bad assumption marks (each is run with `--lang da`). Its
/// words are separated by spaces; `@` stands for the shipped scenario with bookings and marks,
/// scenarios/joint-secretariat.toml.
const FAILING: &[&str] = &[
    // The follow-up: every mistake of the exports and of `[actuals]`, and of the options.
    "status tests/fixtures/actuals/bad/bad.toml --as-of 2024-06-30",
    "status tests/fixtures/actuals/bad/exports.toml --as-of 2024-06-30",
    "status tests/fixtures/actuals/bad/config.toml --as-of 2024-06-30",
    "status @ --as-of someday",
    "status @ --as-of 2023-06-30",
    "status @ --as-of 2024-06-30 --materiality 5% --materiality 3%",
    "status @ --as-of 2024-06-30 --materiality x",
    "status @ --as-of 2024-06-30 --materiality x%",
    "status @ --as-of 2024-06-30 --materiality=-5",
    "status scenarios/status-quo.toml --as-of 2024-06-30",
    // Figures named wrongly.
    "explain @ nonsense",
    "explain @ cost_by_funer.brn.2024",
    "explain @ cost_by_funder.brnn.2024",
    "explain @ cost_by_funder.xyzzy",
    "explain @ items.nope.2024",
    "explain @ cost_by_funder.brn.2031",
    "explain @ must_find.region",
    "compare scenarios/status-quo.toml @ --bridge costt",
    "compare scenarios/status-quo.toml @ --bridge cost_by_funder.xyz",
    "compare scenarios/status-quo.toml @ --bridge cost_by_funder.brn.2040",
    "compare tests/fixtures/mid-month.toml tests/cases/fase2.toml --bridge cost",
    // Sweeps.
    "sweep @ --vary a=1 --vary b=1 --vary c=1 --show cost",
    "sweep @ --vary x --show cost",
    "sweep @ --vary x=1..2 --show cost",
    "sweep @ --vary x=1/..2 --show cost",
    "sweep @ --vary x=a..2/1 --show cost",
    "sweep @ --vary x=1..2/0 --show cost",
    "sweep @ --vary x=2..1/1 --show cost",
    "sweep @ --vary x=1..2000000/1 --show cost",
    "sweep @ --vary x=1,a --show cost",
    "sweep @ --vary x=1,1 --show cost",
    "sweep @ --vary posts.joint-municipal-post.fte=1..1000/1 --vary posts.joint-municipal-post.annual_cost_per_fte=1..1001/1 --show cost",
    "sweep @ --vary posts.joint-municipal-post.fte=1..2/1 --show nonsense",
    "sweep @ --vary posts.joint-municipal-post.fte=1..2/1 --show 2031.cost",
    "sweep @ --vary posts.joint-municipal-post.fte=1..2/1 --show total.cost_by_funder.xyz",
    "sweep @ --vary posts.joint-municipal-post.fte=1..2/1 --show total.items.nope",
    // Solves without an answer.
    "solve @ --vary posts.joint-municipal-post.title",
    "solve @ --vary funding.brn-joint-secretariat.annual --round-to 0",
    "solve @ --vary funding.municipal-dk2020.annual --set funders.brn.residual=false",
    "solve tests/cases/fase2.toml --vary costs.consultancy.amount",
    "solve @ --vary posts.joint-municipal-post.from --set funders.brn.residual=false",
    "solve @ --vary posts.regional-post.annual_cost_per_fte",
    // Sensitivities.
    "sensitivity @ --show cost --sensitivity 150%",
    "sensitivity @ --show costt",
    "sensitivity @ --show cost_by_funder.xx",
    "sensitivity tests/fixtures/assumptions/no-valid-range.toml --show cost",
    // Marks and `[actuals]` as `check` finds them.
    "check tests/fixtures/assumptions/bad-marks.toml",
    "check tests/fixtures/actuals/bad/config.toml",
];

/// The words of a command line of [`FAILING`].
fn words(line: &str) -> Vec<&str> {
    (line.split_whitespace())
        .map(|w| {
            if w == "@" {
                "scenarios/joint-secretariat.toml"
            } else {
                w
            }
        })
        .collect()
}

/// The parts of every diagnostic that are not from the catalogue, and how many parts there
/// are.
fn untranslated(d: &klimabudget::diag::Diagnostics) -> (Vec<String>, usize) {
    let mut out = Vec::new();
    let mut seen = 0;
    for item in &d.items {
        let mut parts = vec![&item.message];
        parts.extend(item.primary.iter().map(|l| &l.text));
        parts.extend(item.secondary.iter().map(|l| &l.text));
        parts.extend(item.help.iter());
        for m in parts {
            seen += 1;
            if !m.is_translated() {
                out.push(format!("{m:?}"));
            }
        }
    }
    (out, seen)
}

#[test]
fn every_message_of_the_follow_up_the_figures_and_the_what_ifs_is_in_the_catalogue() {
    // Issues 15 and 16 wrote their messages in English only: a Danish director read "line 3:
    // `12.3a4,00` is not an amount" and "--vary x has no `=`". Every message, label and hint
    // they give for bad input comes from the catalogue, none is text from outside it.
    use clap::Parser;
    use klimabudget::cmd::{Env, Error};
    let mut seen = 0;
    for line in FAILING {
        let args = words(line);
        let diagnostics = if args[0] == "check" {
            // `check` writes its diagnostics rather than failing with them: read the file as
            // it does.
            let path = std::path::Path::new(args[1]);
            let loaded = klimabudget::load::load_file(path);
            match loaded {
                Err(d) => d,
                Ok(l) => klimabudget::actuals::read(&l, Default::default()).expect_err(args[1]),
            }
        } else {
            let cli = klimabudget::cli::Cli::try_parse_from(
                std::iter::once(&"klimabudget").chain(args.iter()),
            )
            .unwrap_or_else(|e| panic!("{args:?}: {e}"));
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let mut env = Env {
                out: &mut out,
                err: &mut err,
                color_out: false,
                color_err: false,
                err_tty: false,
                fit: false,
                width: None,
                deny_warnings: false,
                lang: klimabudget::msg::Lang::Da,
            };
            match klimabudget::cli::run(cli, &mut env) {
                Err(Error::Input(d)) => d,
                other => panic!("{args:?}: {other:?}"),
            }
        };
        let (english, parts) = untranslated(&diagnostics);
        assert!(english.is_empty(), "{args:?}: {english:#?}");
        assert!(parts > 0, "{args:?}");
        seen += parts;
    }
    assert!(seen > 300, "{seen}");
}

/// English words a Danish message must not hold outside what it quotes or writes as code.
/// (Not "to", "at", "for", "by", "give", "have", "post", "total" or "a": Danish too; not the keys a
/// message names as they are written, such as `file`, `date`, `amount`, `from` or `range`.)
const ENGLISH: &[&str] = &[
    "the", "is", "are", "of", "and", "or", "not", "no", "has", "must", "write", "found", "with",
    "which", "there", "cannot", "does", "did", "you", "mean", "line", "rule", "rules", "booking",
    "bookings", "column", "value", "values", "figure", "window", "funder", "funders", "use", "add",
    "set", "in", "as", "such", "than", "more", "only", "each", "every", "between", "before",
    "after", "outside", "empty", "unknown", "it", "its", "be", "an", "on", "two", "both",
    "neither", "nor", "any", "none", "nothing", "error", "warning", "help", "period", "short",
    "balances", "step", "least", "most",
];

/// The prose of a diagnostic as printed: its message, labels and help, without the lines of
/// source it shows.
fn prose(stderr: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in stderr.lines() {
        let said = ["fejl: ", "advarsel: ", "hjælp: ", "  = hjælp: "]
            .iter()
            .find_map(|p| line.strip_prefix(p));
        if let Some(text) = said {
            out.push(text);
        } else if let Some((gutter, rest)) = line.split_once('|')
            && gutter.trim().is_empty()
        {
            // A marker under the source and its label: `^^^^ ikke et beløb`.
            let rest = rest.trim_start();
            if rest.starts_with(['^', '-']) {
                out.push(rest.trim_start_matches(['^', '-']).trim());
            }
        }
    }
    out
}

/// The English words of `text`, outside backticks and double quotes, options (`--vary`),
/// paths (`tests/…`) and names written as code (`must_find.brn`, `path=A`).
fn english_words(text: &str) -> Vec<String> {
    let mut unquoted = String::new();
    let mut quoted = None;
    for c in text.chars() {
        match (quoted, c) {
            (None, '`' | '"') => quoted = Some(c),
            (Some(q), c) if c == q => quoted = None,
            (None, c) => unquoted.push(c),
            _ => {}
        }
    }
    (unquoted.split_whitespace())
        .filter(|w| !w.starts_with('-') && !w.contains(['_', '=', '/']))
        .flat_map(|w| w.split(|c: char| !c.is_alphabetic()))
        .filter(|w| ENGLISH.contains(&w.to_lowercase().as_str()))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_follow_up_the_figures_and_the_what_ifs_speak_danish() {
    // Issues 15 and 16: with --lang da every error of the new commands was still in English.
    // Run as a Danish user runs them, each failing command line says what is wrong, where and
    // what to do in Danish: no English word outside what it quotes.
    let mut usage = String::new();
    for line in FAILING {
        let args = words(line);
        let mut all = args.clone();
        all.extend(["--lang", "da"]);
        let run = klimabudget(&all).code(2);
        assert!(!run.stderr.contains("error: "), "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("fejl: "), "{args:?}: {}", run.stderr);
        let prose = prose(&run.stderr);
        assert!(!prose.is_empty(), "{args:?}: {}", run.stderr);
        for text in prose {
            let english = english_words(text);
            assert!(english.is_empty(), "{args:?}: {english:?} in\n{text}");
        }
        // All but the follow-up's and the marks' errors in files (snapshot below) in one
        // snapshot to read.
        if !run.stderr.contains(" --> ") || !matches!(args[0], "check" | "status") {
            usage.push_str(&format!("$ klimabudget {} --lang da\n", args.join(" ")));
            usage.push_str(run.stderr.trim_end());
            usage.push_str("\n\n");
        }
    }
    insta::assert_snapshot!("da-command-lines", usage);
    // The follow-up's and the marks' errors in full, at their places.
    for (name, line) in [
        ("da-follow-up-rows", FAILING[0]),
        ("da-follow-up-exports", FAILING[1]),
        ("da-follow-up-config", FAILING[2]),
        (
            "da-assumption-marks",
            "check tests/fixtures/assumptions/bad-marks.toml",
        ),
    ] {
        let mut all = words(line);
        all.extend(["--lang", "da"]);
        insta::assert_snapshot!(name, klimabudget(&all).stderr);
    }
}
