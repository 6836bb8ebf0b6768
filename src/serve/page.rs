//! The page: one HTML shell with its words in the language asked for, and the script and
//! style it loads, all inside the binary (no CDN, no build step).

use serde_json::json;

use super::Reply;
use crate::i18n::{Lang, unit_label};
use crate::msg::Msg;
use crate::num::Unit;

const SCRIPT: &str = include_str!("app.js");
const STYLE: &str = include_str!("app.css");

/// The type of a file the page downloads, by its extension.
pub fn mime(ext: &str) -> &'static str {
    match ext {
        "html" => "text/html; charset=utf-8",
        "md" => "text/markdown; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "json" => "application/json",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "text/plain; charset=utf-8",
    }
}

/// The script, or the style sheet: the HTML report's own (with its print CSS), then the
/// page's.
pub fn asset(name: &str) -> Reply {
    let (content_type, body) = match name {
        "app.js" => ("text/javascript; charset=utf-8", SCRIPT.to_string()),
        _ => (
            "text/css; charset=utf-8",
            format!("{}\n{STYLE}", crate::export::html::STYLE),
        ),
    };
    Reply {
        status: 200,
        content_type,
        body: body.into_bytes(),
        filename: None,
    }
}

/// Text for HTML, escaped.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page, its words in `lang`; the script fills it in.
pub fn shell(lang: Lang, token: &str) -> Reply {
    let w = |m: Msg| m.render(lang);
    let words = json!({
        "token": token,
        "lang": match lang { Lang::Da => "da", Lang::En => "en" },
        "whatIf": w(Msg::UiWhatIf),
        "changed": w(Msg::UiChanged),
        "noChanges": w(Msg::UiNoChanges),
        "reset": w(Msg::UiReset),
        "resetAll": w(Msg::UiResetAll),
        "compareNone": w(Msg::UiCompareNone),
        "compareSaved": w(Msg::UiCompareSaved),
        "useValue": w(Msg::UiUseValue),
        "working": w(Msg::UiWorking),
        "fileChanged": w(Msg::UiFileChanged),
        "groups": {
            "scenario": w(Msg::UiScenarioGroup),
            "posts": w(Msg::UiPosts),
            "costs": w(Msg::UiCosts),
            "funding": w(Msg::UiFunding),
            "indexation": w(Msg::UiIndexation),
        },
    });
    // A JSON block is data, not a script: `</` cannot end it early.
    let words = words.to_string().replace("</", "<\\/");
    let t = esc(token);
    let units: String = [("kr", Unit::Kr), ("tkr", Unit::Tkr), ("mio", Unit::Mio)]
        .iter()
        .map(|(v, u)| {
            format!(
                "<option value=\"{v}\">{}</option>",
                esc(unit_label(*u, lang))
            )
        })
        .collect();
    let periods: String = [
        ("year", Msg::UiYear),
        ("half-year", Msg::UiHalfYear),
        ("month", Msg::UiMonth),
    ]
    .into_iter()
    .map(|(v, m)| format!("<option value=\"{v}\">{}</option>", esc(&w(m))))
    .collect();
    let formats: String = ["html", "pdf", "docx", "xlsx", "md", "csv", "json", "txt"]
        .iter()
        .map(|f| format!("<option value=\"{f}\">{}</option>", f.to_uppercase()))
        .collect();
    let html_lang = match lang {
        Lang::Da => "da",
        Lang::En => "en",
    };
    let page = format!(
        r##"<!DOCTYPE html>
<html lang="{html_lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>klimabudget</title>
<link rel="stylesheet" href="/app.css?t={t}">
<script type="application/json" id="kb-words">{words}</script>
<script src="/app.js?t={t}" defer></script>
</head>
<body>
<header class="bar">
<strong class="brand">klimabudget</strong>
<label>{language} <select id="lang"><option value="da">Dansk</option><option value="en">English</option></select></label>
<label>{unit} <select id="unit">{units}</select></label>
<label>{period} <select id="by">{periods}</select></label>
<label>{compare} <select id="compare"></select></label>
<label id="sensitivity-switch" hidden><input type="checkbox" id="sensitivity"> {sensitivity}</label>
<span class="download"><select id="format" aria-label="{download}">{formats}</select> <a id="download" href="#">{download}</a></span>
<button type="button" id="print">{print}</button>
</header>
<div class="layout">
<nav aria-labelledby="scenarios-head"><h2 id="scenarios-head">{scenarios}</h2><ul id="list"></ul></nav>
<main>
<div id="general" role="alert"></div>
<p id="stale" class="stale" hidden>{stale}</p>
<pre id="warnings" class="warnings" hidden></pre>
<p id="status" class="status" aria-live="polite"></p>
<div id="report"></div>
</main>
<aside aria-labelledby="panel-head">
<h2 id="panel-head">{what_if}</h2>
<section id="changes" aria-live="polite"></section>
<section class="solve">
<h3>{solve}</h3>
<select id="vary" aria-label="{solve}"></select>
<button type="button" id="solve">{solve_button}</button>
<div id="answer" aria-live="polite"></div>
</section>
<section class="save">
<h3>{save_as}</h3>
<label>{file_name} <input id="name" type="text" spellcheck="false"></label>
<button type="button" id="save">{save_as}</button>
<p id="saved" aria-live="polite"></p>
</section>
<div id="fields"></div>
</aside>
</div>
</body>
</html>
"##,
        language = esc(&w(Msg::UiLanguage)),
        unit = esc(&w(Msg::UiUnit)),
        period = esc(&w(Msg::UiPeriod)),
        compare = esc(&w(Msg::UiCompareWith)),
        sensitivity = esc(&w(Msg::UiSensitivity)),
        download = esc(&w(Msg::UiDownload)),
        print = esc(&w(Msg::UiPrint)),
        scenarios = esc(&w(Msg::UiScenarios)),
        stale = esc(&w(Msg::UiStale)),
        what_if = esc(&w(Msg::UiWhatIf)),
        solve = esc(&w(Msg::UiSolve)),
        solve_button = esc(&w(Msg::UiSolveButton)),
        save_as = esc(&w(Msg::UiSaveAs)),
        file_name = esc(&w(Msg::UiFileName)),
    );
    Reply {
        status: 200,
        content_type: "text/html; charset=utf-8",
        body: page.into_bytes(),
        filename: None,
    }
}
