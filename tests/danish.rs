//! Issue 12, Danish hands on the keyboard: money and rates that cannot be misread, defaults,
//! names where ids are expected, and every message in the user's language.

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
