//! Warnings, `--deny-warnings`, colour, and the JSON Schema for editors.

use crate::common::{klimabudget, root};

#[test]
fn warnings_go_to_stderr_and_leave_the_exit_code() {
    let run = klimabudget(["report", "tests/fixtures/warnings.toml", "--by", "total"]).code(0);
    assert!(run.stdout.starts_with("Warnings\n"));
    insta::assert_snapshot!(run.stderr);
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning:"))
        .collect();
    assert_eq!(warnings.len(), 5, "{}", run.stderr);
}

#[test]
fn deny_warnings_makes_them_errors() {
    let run = klimabudget(["--deny-warnings", "report", "tests/fixtures/warnings.toml"]).code(2);
    assert_eq!(run.stdout, "", "no output when warnings are denied");
    assert!(run.stderr.contains(
        "error: funder `region` has neither costs nor funding (a warning, denied by --deny-warnings)"
    ));
    let run = klimabudget([
        "check",
        "scenarios",
        "tests/fixtures/warnings.toml",
        "--deny-warnings",
    ])
    .code(2);
    assert!(
        run.stdout
            .contains("invalid     tests/fixtures/warnings.toml:19:10: funder `region`"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .ends_with("5 scenarios: 4 balanced, 0 unbalanced, 1 invalid\n"),
        "{}",
        run.stdout
    );
    // The shipped scenarios are clean enough for strict CI.
    klimabudget(["check", "--deny-warnings", "scenarios"]).code(0);
}

#[test]
fn no_colour_when_not_a_terminal() {
    let run = klimabudget(["report", "tests/corpus/fte-zero.toml"]).code(2);
    assert!(!run.stderr.contains('\x1b'));
    let run = klimabudget(["report", "scenarios/status-quo.toml"]).code(0);
    assert!(!run.stdout.contains('\x1b'));
}

#[test]
fn the_committed_schema_is_what_the_loader_generates() {
    let run = klimabudget(["schema"]).code(0);
    let committed = std::fs::read_to_string(root().join("docs/scenario.schema.json")).unwrap();
    assert_eq!(
        run.stdout, committed,
        "run `klimabudget schema > docs/scenario.schema.json`"
    );
    let schema = run.json();
    // A whole scenario requires its keys; a variant (with `extends`) takes them from its base.
    assert_eq!(schema["if"], serde_json::json!({"required": ["extends"]}));
    assert!(
        schema["then"]["properties"]["posts"]["items"]
            .get("required")
            .is_none()
    );
    let posts = &schema["else"]["properties"]["posts"]["items"];
    // (`paid_by` may come from `[defaults]`: issue 12.)
    assert_eq!(
        posts["required"],
        serde_json::json!(["id", "fte", "annual_cost_per_fte"])
    );
    assert_eq!(posts["additionalProperties"], false);
    for file in crate::common::toml_files("scenarios") {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.starts_with("#:schema ../docs/scenario.schema.json\n"),
            "{} names the schema on its first line",
            file.display()
        );
    }
}

/// The schema in a real editor's checker: taplo (installed by .ci/run from npm).
#[test]
fn taplo_accepts_the_shipped_scenarios_and_refuses_a_typo() {
    let Some(taplo) = crate::common::tool("taplo", "TAPLO") else {
        return;
    };
    let check = |file: &std::path::Path| {
        std::process::Command::new(&taplo)
            .args(["check", "--no-auto-config"])
            .arg(file)
            .current_dir(root())
            .output()
            .unwrap()
    };
    for file in crate::common::toml_files("scenarios") {
        let out = check(&file);
        assert!(
            out.status.success(),
            "{}: {}",
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let typo = dir.path().join("typo.toml");
    let schema = root().join("docs/scenario.schema.json");
    let text = std::fs::read_to_string(root().join("scenarios/status-quo.toml"))
        .unwrap()
        .replace("../docs/scenario.schema.json", schema.to_str().unwrap())
        .replace(
            "annual_cost_per_fte = 800_000 # F2:",
            "anual_cost_per_fte = 800_000 # F2:",
        );
    std::fs::write(&typo, text).unwrap();
    let out = check(&typo);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("'anual_cost_per_fte' was unexpected"));
}
