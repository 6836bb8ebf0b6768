//! The meeting paper in real programs: the PDF read back by poppler (pdftotext, pdfinfo), the
//! Word file opened and converted by LibreOffice headless. `.ci/run` installs both; the files
//! are kept in target/paper/ for a person to look at.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{klimabudget, root, tool};

/// The paper for the KKR meeting, written to target/paper/NAME.
fn paper(name: &str, extra: &[&str]) -> PathBuf {
    let dir = root().join("target/paper");
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join(name);
    let mut args = vec![
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/joint-secretariat.toml",
        "--lang",
        "da",
        "--unit",
        "mio",
        "--meeting",
        "KKR Nordjylland, 10. februar 2023",
        "--output",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    klimabudget(&args).code(0);
    out
}

fn run(program: &Path, args: &[&str], file: &Path) -> String {
    let out = Command::new(program)
        .args(args)
        .arg(file)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Each page's text, as pdftotext lays it out.
fn pdf_pages(pdftotext: &Path, pdf: &Path) -> Vec<String> {
    let out = Command::new(pdftotext)
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    // pdftotext ends each page with a form feed.
    text.split('\u{c}')
        .map(str::to_string)
        .filter(|p| !p.trim().is_empty())
        .collect()
}

#[test]
fn the_pdf_paper_reads_as_a_board_paper() {
    let (Some(pdftotext), Some(pdfinfo)) =
        (tool("pdftotext", "PDFTOTEXT"), tool("pdfinfo", "PDFINFO"))
    else {
        return;
    };
    let pdf = paper("sammenligning.pdf", &[]);
    let info = run(&pdfinfo, &[], &pdf);
    assert!(info.contains("(A4)"), "{info}");
    let count: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count");
    let pages = pdf_pages(&pdftotext, &pdf);
    assert_eq!(
        pages.len(),
        count,
        "pdftotext sees as many pages as pdfinfo"
    );
    assert!((1..=4).contains(&count), "{count} pages");
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("Side {} af {count}", i + 1)),
            "page {} says its number:\n{page}",
            i + 1
        );
        assert!(page.contains("KKR Nordjylland, 10. februar 2023"), "{page}");
    }
    let text = pages.concat();
    for expected in [
        "Sammenligning: Status quo",
        "Årsværk og udgifter (mio. kr.)",
        "Udgifter fordelt på finansieringskilde (mio. kr.)",
        "Udgangspunkt: Status quo",
        "Det Fælles Klimasekretariat",
        "Forskel",
        "Udskrevet",
        "9,6",
        "Business Region North Denmark betaler 2,8 mio. kr. mere i Det Fælles Klimasekretariat end i Status quo",
        "De nordjyske kommuner betaler 2,8 mio. kr. mindre",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not in the PDF:\n{text}"
        );
    }
    // The municipalities' difference, with true minus signs: −0,4 in 2023, −0,8 a year after.
    assert!(
        text.lines().any(|l| l.contains("Forskel")
            && l.contains("−0,4")
            && l.matches("−0,8").count() == 3
            && l.contains("−2,8")),
        "{text}"
    );
    // A board paper: no file paths, no letters for the scenarios, no figure references.
    for absent in ["scenarios/", ".toml", "B − A", "(F2", " F2)", "Kilde:"] {
        assert!(!text.contains(absent), "{absent:?} in the PDF:\n{text}");
    }
    // Every row of the funders' table is whole on one page: a funder's three rows, with
    // every figure, sit on the page of its name.
    for page in &pages {
        let lines: Vec<&str> = page.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            // (In the funders' table over the whole window, its first row says "Udgifter".)
            if l.trim_start().starts_with("De nordjyske kommuner")
                && !l.contains("betaler")
                && !l.contains("Udgifter")
            {
                assert_eq!(l.matches(',').count(), 5, "{l}");
                let rest: Vec<&&str> = lines[i + 1..].iter().take(4).collect();
                assert!(rest.iter().any(|l| l.contains("Forskel")), "{page}");
            }
        }
    }
}

#[test]
fn show_sources_keeps_paths_and_references() {
    let Some(pdftotext) = tool("pdftotext", "PDFTOTEXT") else {
        return;
    };
    let pdf = paper("sammenligning-kilder.pdf", &["--show-sources"]);
    let text = pdf_pages(&pdftotext, &pdf).concat();
    for expected in ["scenarios/status-quo.toml", "Kilde:", "(F2"] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
}

/// Standard error of `report` with `--logo logo --output out`, refused (exit code 2) with
/// nothing written.
fn refused_logo(logo: &Path, out: &Path) -> String {
    let run = klimabudget([
        "report",
        "scenarios/status-quo.toml",
        "--logo",
        logo.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ])
    .code(2);
    assert!(!out.exists(), "nothing written");
    run.stderr
}

#[test]
fn a_logo_goes_on_the_paper_and_a_bad_one_is_refused_at_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.png");
    let out = dir.path().join("x.pdf");
    let run = klimabudget([
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/joint-secretariat.toml",
        "--logo",
        missing.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ])
    .code(2);
    assert!(run.stderr.contains("--logo"), "{}", run.stderr);
    assert!(run.stderr.contains("missing.png"), "{}", run.stderr);
    assert!(!out.exists(), "nothing written");
    let text = dir.path().join("logo.png");
    std::fs::write(&text, "not an image").unwrap();
    let stderr = refused_logo(&text, &out);
    assert!(
        stderr.contains("is not a PNG, JPEG or SVG image"),
        "{stderr}"
    );
}

#[test]
fn an_unknown_extension_names_the_formats_there_are() {
    let run = klimabudget([
        "report",
        "scenarios/status-quo.toml",
        "--output",
        "target/x.odt",
    ])
    .code(2);
    assert!(
        run.stderr
            .contains(".txt, .md, .csv, .json, .html, .xlsx, .pdf or .docx"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_logo_is_an_image_in_the_pdf() {
    let Some(pdfimages) = tool("pdfimages", "PDFIMAGES") else {
        return;
    };
    let pdf = paper(
        "sammenligning-logo.pdf",
        &["--logo", "tests/fixtures/logo.png"],
    );
    let list = run(&pdfimages, &["-list"], &pdf);
    // A head line, a rule, then one line per image.
    let images: Vec<&str> = list.lines().skip(2).collect();
    assert_eq!(images.len(), 1, "{list}");
    assert!(images[0].contains(" 120    40 "), "{list}");
}

#[test]
fn an_svg_logo_stays_a_drawing_in_the_pdf_and_word_gets_it_with_a_picture_beside() {
    // The logo's own file as the paper holds it, and nothing it names off this machine (it
    // names tests/fixtures/logo.png and /etc/hostname).
    let svg = std::fs::read(root().join("tests/fixtures/logo.svg")).unwrap();
    let docx = paper(
        "sammenligning-svg.docx",
        &["--logo", "tests/fixtures/logo.svg"],
    );
    let file = std::fs::File::open(&docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut media: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().unwrap().to_string())
        .filter(|n| n.starts_with("word/media/"))
        .collect();
    media.sort();
    assert_eq!(media, ["word/media/logo.png", "word/media/logo.svg"]);
    let mut held = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name("word/media/logo.svg").unwrap(), &mut held)
        .unwrap();
    assert_eq!(held, svg, "the SVG as it was given");
    let mut png = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name("word/media/logo.png").unwrap(), &mut png).unwrap();
    let be = |i: usize| u32::from_be_bytes([png[i], png[i + 1], png[i + 2], png[i + 3]]);
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert_eq!((be(16), be(20)), (1080, 360), "120 × 40 drawn 360 high");
    let header = docx_part(&docx, "word/header1.xml");
    assert!(header.contains("<asvg:svgBlip"), "{header}");
    assert!(header.contains("r:embed=\"rIdLogoSvg\""), "{header}");
    let types = docx_part(&docx, "[Content_Types].xml");
    assert!(types.contains("Extension=\"svg\" ContentType=\"image/svg+xml\""));
    assert!(types.contains("Extension=\"png\" ContentType=\"image/png\""));

    let (Some(pdfimages), Some(pdftotext)) = (
        tool("pdfimages", "PDFIMAGES"),
        tool("pdftotext", "PDFTOTEXT"),
    ) else {
        return;
    };
    let pdf = paper(
        "sammenligning-svg.pdf",
        &["--logo", "tests/fixtures/logo.svg"],
    );
    // A drawing, not a picture: no image in the PDF (neither the logo nor a file it names),
    // and its text is text.
    let list = run(&pdfimages, &["-list"], &pdf);
    assert_eq!(list.lines().count(), 2, "{list}");
    let first = &pdf_pages(&pdftotext, &pdf)[0];
    assert!(first.contains("KLIMALOGO"), "{first}");
    assert!(first.contains("Sammenligning: Status quo"), "{first}");
}

#[test]
fn a_logo_that_is_not_a_regular_file_or_too_large_is_refused_not_read_for_ever() {
    // /dev/zero as --logo was read until memory ran out; a FIFO waited for a writer.
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("logo.fifo");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let big = dir.path().join("big.svg");
    let mut text = String::from("<svg xmlns=\"http://www.w3.org/2000/svg\">");
    text.push_str(&" ".repeat(11 * 1024 * 1024));
    std::fs::write(&big, text).unwrap();
    let out = dir.path().join("x.pdf");
    for (logo, why) in [
        (
            Path::new("/dev/zero"),
            "it is a character device, not a regular file",
        ),
        (
            fifo.as_path(),
            "it is a named pipe (FIFO), not a regular file",
        ),
        (dir.path(), "it is a directory"),
        (big.as_path(), "it is over 10 MiB"),
    ] {
        let stderr = refused_logo(logo, &out);
        let expected = format!("--logo: cannot read the logo: {why}");
        assert!(stderr.contains(&expected), "{stderr}");
    }
}

#[test]
fn an_output_never_replaces_the_logo() {
    // Issue 11, finding 1, for the logo: `--logo l.svg --output l.svg` replaced the logo.
    let dir = tempfile::tempdir().unwrap();
    let logo = dir.path().join("l.svg");
    let link = dir.path().join("link.svg");
    let svg = std::fs::read(root().join("tests/fixtures/logo.svg")).unwrap();
    std::fs::write(&logo, &svg).unwrap();
    std::os::unix::fs::symlink(&logo, &link).unwrap();
    for output in [&logo, &link] {
        let run = klimabudget([
            "report",
            "scenarios/status-quo.toml",
            "--logo",
            logo.to_str().unwrap(),
            "--format",
            "html",
            "--output",
            output.to_str().unwrap(),
        ])
        .code(2);
        assert!(run.stderr.contains("l.svg"), "{}", run.stderr);
        assert_eq!(std::fs::read(&logo).unwrap(), svg, "the logo unharmed");
    }
}

#[test]
fn a_broken_svg_logo_is_refused_at_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let logo = dir.path().join("logo.svg");
    std::fs::write(
        &logo,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\"><rect",
    )
    .unwrap();
    let out = dir.path().join("x.pdf");
    let stderr = refused_logo(&logo, &out);
    assert!(stderr.contains("logo.svg"), "{stderr}");
    assert!(stderr.contains("is not a valid SVG image"), "{stderr}");
}

/// A part of a .docx file, as text.
fn docx_part(docx: &Path, name: &str) -> String {
    let file = std::fs::File::open(docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    let mut part = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the .docx"));
    let mut text = String::new();
    std::io::Read::read_to_string(&mut part, &mut text).unwrap();
    text
}

#[test]
fn the_word_paper_has_word_tables_headings_and_footnotes_and_libreoffice_converts_it() {
    let docx = paper("sammenligning.docx", &["--logo", "tests/fixtures/logo.png"]);
    let document = docx_part(&docx, "word/document.xml");
    assert_eq!(document.matches("<w:tbl>").count(), 4, "four Word tables");
    assert!(
        document.contains("<w:tblHeader/>"),
        "heads repeat on every page"
    );
    assert!(document.contains("<w:cantSplit/>"), "rows are not split");
    assert!(document.contains("<w:pStyle w:val=\"Heading1\"/>"));
    assert!(
        document.contains("<w:t xml:space=\"preserve\">−0,8</w:t>"),
        "Danish figures as text"
    );
    assert_eq!(
        document.matches("<w:footnoteReference").count(),
        6,
        "{document}"
    );
    let footnotes = docx_part(&docx, "word/footnotes.xml");
    assert!(
        footnotes.contains("Finansierer Det Fælles Klimasekretariat fuldt ud fra 1. juli 2023.")
    );
    assert!(!footnotes.contains("(F10)") && !document.contains("scenarios/"));
    let styles = docx_part(&docx, "word/styles.xml");
    assert!(
        styles.contains("<w:name w:val=\"heading 1\"/>"),
        "Word's own heading style"
    );
    assert!(docx_part(&docx, "word/footer1.xml").contains("NUMPAGES"));

    let (Some(soffice), Some(pdftotext)) =
        (tool("soffice", "SOFFICE"), tool("pdftotext", "PDFTOTEXT"))
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let out = Command::new(soffice)
        .args([
            "--headless",
            "--norestore",
            &profile,
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&docx)
        .output()
        .expect("soffice runs");
    let pdf = dir.path().join("sammenligning.pdf");
    assert!(
        out.status.success() && pdf.exists(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let pages = pdf_pages(&pdftotext, &pdf);
    let text = pages.concat();
    for expected in [
        "Årsværk og udgifter (mio. kr.)",
        "KKR Nordjylland, 10. februar 2023",
        "Side 1 af",
        "Finansierer Det Fælles Klimasekretariat fuldt ud",
        "−2,8",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not in LibreOffice's PDF:\n{text}"
        );
    }
}

/// The HTML page ties its notes to the rows they are about as the PDF and Word papers do: a
/// marker on the row's first cell that links to the note of that number; a note of one side
/// of a comparison says which.
#[test]
fn the_html_page_marks_each_note_on_its_row() {
    let html = klimabudget([
        "compare",
        "scenarios/status-quo.toml",
        "scenarios/joint-secretariat.toml",
        "--lang",
        "da",
        "--format",
        "html",
    ])
    .code(0)
    .stdout;
    let notes: Vec<&str> = html
        .lines()
        .filter(|l| l.starts_with("<li id=\"note-"))
        .collect();
    assert_eq!(notes.len(), 7, "{html}");
    for (n, funder) in [
        (1, "Business Region North Denmark"),
        (2, "Business Region North Denmark"),
        (3, "De nordjyske kommuner"),
        (6, "Region Nordjylland"),
    ] {
        let marker = format!("<sup class=\"fn\"><a href=\"#note-{n}\">{n}</a></sup>");
        let row = html
            .lines()
            .find(|l| l.contains(&marker))
            .unwrap_or_else(|| panic!("no marker {n}"));
        assert!(
            row.starts_with(&format!("<tr><td class=\"text\">{funder}<sup")),
            "{row}"
        );
        assert!(
            notes[n - 1].starts_with(&format!("<li id=\"note-{n}\">{funder}: ")),
            "{}",
            notes[n - 1]
        );
    }
    // Where the two setups say different things about a funder, each note says whose it is.
    assert!(
        notes[0]
            .starts_with("<li id=\"note-1\">Business Region North Denmark: Status quo: Betaler"),
        "{}",
        notes[0]
    );
    assert!(notes[1].starts_with("<li id=\"note-2\">Business Region North Denmark: Det Fælles Klimasekretariat: Finansierer"), "{}", notes[1]);
    // The population key is about no row: it comes last, unmarked.
    assert!(notes[6].contains("Folketal 1. januar 2020"));
    assert!(!html.contains("href=\"#note-7\""));
}

/// A paper is dated where it is printed (the machine's time zone, `TZ`), not in UTC: at any
/// moment it is a later day at UTC+14 than at UTC−12. `SOURCE_DATE_EPOCH` is read in UTC,
/// whatever the zone, so that reproducible files are the same everywhere.
#[test]
fn a_paper_is_dated_in_the_local_time_zone() {
    let printed = |tz: &str, epoch: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_klimabudget"));
        cmd.current_dir(root())
            .env("TZ", tz)
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("SOURCE_DATE_EPOCH")
            .args([
                "report",
                "scenarios/joint-secretariat.toml",
                "--format",
                "html",
            ]);
        if let Some(e) = epoch {
            cmd.env("SOURCE_DATE_EPOCH", e);
        }
        let out = String::from_utf8(cmd.output().unwrap().stdout).unwrap();
        out.lines()
            .find(|l| l.contains("Printed "))
            .unwrap_or_else(|| panic!("no date: {out}"))
            .to_string()
    };
    assert_ne!(
        printed("Pacific/Kiritimati", None),
        printed("Etc/GMT+12", None)
    );
    for tz in ["Pacific/Kiritimati", "Etc/GMT+12"] {
        assert!(printed(tz, Some("1675987200")).contains("Printed 10 February 2023"));
    }
}
