//! The HTML page in a real browser: headless Chromium prints it to PDF (A4) and a PNG, and the
//! PDF's text (pdftotext) holds the key figures. `.ci/run` installs Chromium and
//! poppler-utils; the PNG is kept in target/browser/ for a person to look at.

use std::process::Command;

use crate::common::{klimabudget, root, tool};

fn chromium(chromium: &std::path::Path, args: &[&str], profile: &std::path::Path) {
    let status = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("chromium runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn the_html_page_prints_on_a4_with_the_key_figures() {
    let (Some(browser), Some(pdftotext)) =
        (tool("chromium", "CHROMIUM"), tool("pdftotext", "PDFTOTEXT"))
    else {
        return;
    };
    let out = root().join("target/browser");
    std::fs::create_dir_all(&out).unwrap();
    let html = out.join("sammenligning.html");
    klimabudget([
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/joint-secretariat.toml",
        "--lang",
        "da",
        "--unit",
        "mio",
        "--output",
        html.to_str().unwrap(),
    ])
    .code(0);
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}", html.display());
    let pdf = out.join("sammenligning.pdf");
    let png = out.join("sammenligning.png");
    chromium(
        &browser,
        &[
            &format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer",
            &url,
        ],
        profile.path(),
    );
    chromium(
        &browser,
        &[
            &format!("--screenshot={}", png.display()),
            "--window-size=900,1800",
            &url,
        ],
        profile.path(),
    );
    assert!(
        std::fs::metadata(&png).unwrap().len() > 10_000,
        "a screenshot with content"
    );
    let text = Command::new(&pdftotext)
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    for expected in [
        "Sammenligning: Status quo",
        "Årsværk og udgifter (mio. kr.)",
        "I alt",
        "9,6",
        "Business Region North Denmark betaler 2,8 mio. kr. mere i Det Fælles Klimasekretariat end i Status quo",
        "De nordjyske kommuner betaler 2,8 mio. kr. mindre i Det Fælles Klimasekretariat end i Status quo",
        "Noter og kilder",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not in the PDF:\n{text}"
        );
    }
    // The municipalities' row: 0,8 a year in A, 0,0 in B from 2024, −0,8 a year B − A (a
    // true minus sign), named by the scenarios' names.
    assert!(
        text.lines()
            .any(|l| l.contains("−0,4") && l.matches("−0,8").count() == 3 && l.contains("−2,8")),
        "{text}"
    );
    // A4: 595 × 842 points.
    let info = Command::new(tool("pdfinfo", "PDFINFO").unwrap())
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&info.stdout).contains("(A4)"));
}
