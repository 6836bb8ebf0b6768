//! The command line: exit codes, errors that name the file and place, and no panics.

use std::io::Write;

use crate::common::klimabudget;

fn temp_scenario(body: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(".toml").tempfile().unwrap();
    f.write_all(body.as_bytes()).unwrap();
    f
}

const VALID: &str =
    "[scenario]\nname = \"x\"\nstart = 2023-01-01\nend = 2023-12-31\n[funders.brn]\n";

#[test]
fn usage_errors_exit_2() {
    let run = klimabudget(["report", "scenarios/status-quo.toml", "--frobnicate"]).code(2);
    assert!(run.stderr.contains("--frobnicate"), "{}", run.stderr);
    let run = klimabudget(["report", "scenarios/status-quo.toml", "--by", "week"]).code(2);
    assert!(run.stderr.contains("week"), "{}", run.stderr);
    klimabudget(["report"]).code(2);
    klimabudget(["nonsense"]).code(2);
    klimabudget(["--help"]).code(0);
}

#[test]
fn a_missing_file_or_a_directory_is_exit_2() {
    let run = klimabudget(["report", "scenarios/nope.toml"]).code(2);
    assert_eq!(
        run.stderr,
        "error: scenarios/nope.toml: cannot read the file: no such file\n  = help: check the path; scenario files usually live in scenarios/\n"
    );
    assert_eq!(run.stdout, "");
    let run = klimabudget(["report", "scenarios"]).code(2);
    assert!(
        run.stderr
            .starts_with("error: scenarios: is a directory, not a scenario file")
    );
}

#[test]
fn a_broken_rule_names_the_file_line_and_column() {
    let f = temp_scenario(&format!(
        "{VALID}[[posts]]\nid = \"p\"\nfte = 1\nannual_cost_per_fte = 800_000\npaid_by = \"brm\"\n"
    ));
    let path = f.path().to_str().unwrap();
    let run = klimabudget(["report", path]).code(2);
    assert_eq!(run.stdout, "", "no table from bad input");
    assert!(
        run.stderr.contains(&format!("--> {path}:10:11")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("error: post `p`: `paid_by`: unknown funder `brm`")
    );
    assert!(run.stderr.contains("help: did you mean `brn`?"));
}

#[test]
fn every_error_of_a_file_is_reported_in_file_order() {
    let f = temp_scenario(
        "[scenario]\nname = \"x\"\nstart = \"2023-01-01\"\nend = 2023-12-31\n[funders.brn]\nresidul = true\n\
         [[costs]]\nid = \"c\"\nannual = -5\npaid_by = \"brn\"\n",
    );
    let run = klimabudget(["report", f.path().to_str().unwrap()]).code(2);
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error:"))
        .collect();
    assert_eq!(
        errors,
        [
            "error: [scenario]: `start`: dates are written without quotes; found the string \"2023-01-01\"",
            "error: funder `brn`: unknown key `residul`",
            "error: cost `c`: `annual`: amounts cannot be negative; found -5",
        ]
    );
}

#[test]
fn both_files_of_a_comparison_report_their_errors() {
    let a = temp_scenario("[scenario]\nname = \"a\"\n");
    let b = temp_scenario(
        "[scenario]\nname = \"b\"\nstart = 2023-01-01\nend = 2022-01-01\n[funders.x]\n",
    );
    let run = klimabudget([
        "compare",
        a.path().to_str().unwrap(),
        b.path().to_str().unwrap(),
    ])
    .code(2);
    assert!(
        run.stderr.contains("[scenario]: `start` is missing"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("`end` (2022-01-01) is before `start` (2023-01-01)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(b.path().to_str().unwrap()));
}

#[test]
fn empty_binary_and_foreign_files_are_refused_clearly() {
    let cases: [(&[u8], &str); 4] = [
        (b"", "the file is empty"),
        (b"\x00\x01\x02ELF", "is a binary file"),
        (b"\xff\xfe[scenario]", "is not UTF-8 text"),
        (
            b"[package]\nname = \"x\"\n",
            "is not a klimabudget scenario",
        ),
    ];
    for (bytes, message) in cases {
        let mut f = tempfile::Builder::new().suffix(".toml").tempfile().unwrap();
        f.write_all(bytes).unwrap();
        let run = klimabudget(["report", f.path().to_str().unwrap()]).code(2);
        assert!(run.stderr.contains(message), "{message}: {}", run.stderr);
        assert!(!run.stderr.contains("panicked"));
    }
}

#[test]
fn check_exit_codes_and_lines() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/fixtures/mid-month.toml",
        dir.path().join("a-balanced.toml"),
    )
    .unwrap();
    std::fs::copy(
        "tests/fixtures/thirds.toml",
        dir.path().join("b-unbalanced.toml"),
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let run = klimabudget(["check", d]).code(1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("balanced    "));
    assert!(lines[1].starts_with("unbalanced  "));
    assert!(
        lines[1].contains(
            "b-unbalanced.toml (Thirds): z is short at least 0.01 kr. at the end of 2023 (31 December 2023);"
        )
    );
    assert_eq!(lines[2], "2 scenarios: 1 balanced, 1 unbalanced, 0 invalid");

    // An invalid scenario makes it exit 2, and its errors go to stderr.
    std::fs::create_dir(dir.path().join("nested")).unwrap();
    std::fs::write(
        dir.path().join("nested/c-invalid.toml"),
        format!(
            "{}[[costs]]\nid = \"c\"\nannual = 5\npaid_by = \"brn\"\n",
            VALID.replace("\"x\"", "1")
        ),
    )
    .unwrap();
    std::fs::write(dir.path().join("nested/notes.txt"), "not a scenario").unwrap();
    let run = klimabudget(["check", d]).code(2);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", run.stdout);
    assert!(lines[2].starts_with("invalid     "), "{}", lines[2]);
    assert!(
        lines[2].contains(
            "c-invalid.toml:2:8: [scenario]: `name`: expected a string, found an integer"
        ),
        "{}",
        lines[2]
    );
    assert_eq!(lines[3], "3 scenarios: 1 balanced, 1 unbalanced, 1 invalid");
    assert!(run.stderr.contains("c-invalid.toml:2:8"));

    // A path that does not exist is an invalid scenario, not a crash.
    let run = klimabudget(["check", "scenarios/dk2020-2021-2023.toml", "nope.toml"]).code(2);
    assert!(
        run.stdout
            .contains("invalid     nope.toml: cannot read the file: no such file")
    );
    // A directory without scenarios is a usage error.
    let empty = tempfile::tempdir().unwrap();
    let run = klimabudget(["check", empty.path().to_str().unwrap()]).code(2);
    assert!(run.stderr.contains("no scenario files (*.toml)"));
}

#[test]
fn check_by_total_only_looks_at_the_end() {
    klimabudget(["check", "tests/fixtures/one-offs.toml", "--by", "half-year"]).code(1);
    klimabudget(["check", "tests/fixtures/one-offs.toml", "--by", "total"]).code(0);
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::process::{Command, Stdio};
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("klimabudget"))
        .args(["report", "scenarios/status-quo.toml", "--by", "month"])
        .current_dir(crate::common::root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read nothing and close the pipe, as `| head -0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn check_speaks_danish() {
    let run = klimabudget([
        "check",
        "scenarios/dk2020-2021-2023.toml",
        "tests/fixtures/thirds.toml",
        "--lang",
        "da",
    ])
    .code(1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines[0].starts_with("i balance   scenarios/dk2020-2021-2023.toml"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains("z mangler mindst 0,01 kr. ved udgangen af 2023 (31. december 2023);"),
        "{}",
        lines[1]
    );
    assert_eq!(
        lines[2],
        "2 scenarier: 1 i balance, 1 i underskud, 0 ugyldige"
    );
}
