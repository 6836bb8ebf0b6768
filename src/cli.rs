//! The command line: clap's arguments and how they map to each command's options. The only
//! module that knows clap; every value it parses becomes a domain type here.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::cmd::{self, Env, Error, Exit};

#[derive(Debug, Parser)]
#[command(
    name = "klimabudget",
    version,
    about = "Exact budget projections for climate secretariats: report, compare and check TOML scenarios",
    after_help = "Exit codes: 0 success (check: every scenario balances); 1 check found a scenario that does not balance; 2 invalid input or usage."
)]
pub struct Cli {
    /// Treat warnings as errors (exit code 2), for strict CI.
    #[arg(long, global = true)]
    pub deny_warnings: bool,
    /// Language of labels and numbers. Default: Danish when LC_ALL, LC_MESSAGES or LANG says
    /// `da_*`, else English.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// The directory key files and scenarios extended must be in, links followed. Default:
    /// the working directory.
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<std::path::PathBuf>,
    /// Read key files and scenarios extended wherever they are: for scenarios you trust.
    #[arg(long, global = true)]
    pub allow_outside: bool,
    /// Print at most N errors and N warnings in full, counting the rest; 0 prints all.
    #[arg(long, global = true, value_name = "N", default_value_t = crate::diag::MAX_SHOWN)]
    pub max_errors: usize,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Staff, costs and funding of one scenario, per period.
    Report(ReportArgs),
    /// Two scenarios side by side: A is the baseline, differences are B − A.
    Compare(CompareArgs),
    /// Does every scenario balance? One line per scenario, then a summary.
    Check(CheckArgs),
    /// A figure for every value of one or two varied paths.
    Sweep(SweepArgs),
    /// The value at which the scenario balances: the smallest amount that is enough, the
    /// largest cost that is affordable, the earliest date; exact, and the funder that binds.
    Solve(SolveArgs),
    /// Print the JSON Schema of scenario files, for editors (taplo, Even Better TOML).
    Schema,
    /// Budget follow-up: the bookings of [actuals] against the budget as of a date, per entry
    /// and funder, with the expected outturn and what residual funders must still find.
    Status(StatusArgs),
    /// How one figure is computed: every entry that contributes, where it is written, its
    /// formula with the numbers, the sum, and how the report rounds it.
    Explain(ExplainArgs),
    /// Which assumption matters most: each value marked `assumption` set to both ends of its
    /// range, the figure at each, ranked; a table and a tornado.
    Sensitivity(SensitivityArgs),
    /// The scenarios in a browser, on this machine only: reports, comparisons and a what-if
    /// panel recomputed live, "what must BRN set aside?", and "save as variant".
    Serve(ServeArgs),
}

/// A clap value enum that stands for a domain enum of the same variants.
macro_rules! value_enum {
    ($(#[$meta:meta])* $name:ident => $domain:path { $($(#[$vmeta:meta])* $variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl From<$name> for $domain {
            fn from(v: $name) -> $domain {
                match v {
                    $($name::$variant => <$domain>::$variant),+
                }
            }
        }
    };
}

value_enum! {
    /// How months are grouped into the columns of a report.
    By => crate::period::By {
        /// Calendar years: the Danish budget year.
        #[default]
        Year,
        /// H1 = January–June, H2 = July–December.
        HalfYear,
        Month,
        /// The whole window as one period.
        Total,
    }
}

value_enum! {
    /// Indexed amounts in current or fixed prices.
    Prices => crate::engine::Prices {
        /// Løbende priser: amounts rise with their index.
        #[default]
        Current,
        /// Faste priser: every amount in the base year's prices.
        Fixed,
    }
}

value_enum! {
    Lang => crate::i18n::Lang {
        #[default]
        En,
        Da,
    }
}

value_enum! {
    /// How the figures of tables for people are rounded.
    Rounding => crate::report::Mode {
        /// Each table as a whole, so that it adds up (controlled rounding); every figure is
        /// still its exact value rounded down or up.
        #[default]
        Controlled,
        /// Each figure to the nearest; a table says so where its figures then do not add up.
        Independent,
    }
}

value_enum! {
    /// Where two scenarios' windows differ, which days a comparison covers.
    Window => crate::report::compare::Window {
        /// The days both windows cover: like with like.
        #[default]
        Common,
        /// Every day either window covers; a side shows zeros where it has no period.
        Union,
    }
}

value_enum! {
    /// What money is shown in.
    Unit => crate::num::Unit {
        /// Kroner, whole.
        #[default]
        Kr,
        /// Thousands of kroner, whole.
        Tkr,
        /// Millions of kroner, with one decimal.
        Mio,
    }
}

value_enum! {
    /// How precisely amounts per member are shown.
    Precision => crate::report::Precision {
        /// Whole kroner.
        #[default]
        Kr,
        /// Kroner and øre.
        Ore,
    }
}

value_enum! {
    /// The output formats of `report` and `compare`.
    Format => crate::export::Format {
        /// Tables for the terminal.
        #[default]
        Table,
        /// GitHub Markdown tables.
        Markdown,
        /// Tidy CSV: one row per period, item or funder, and measure.
        Csv,
        /// JSON, with money and FTE as two-decimal strings.
        Json,
        /// One self-contained, printable HTML page with a chart.
        Html,
        /// An Excel workbook: a sheet per table, live totals, a chart.
        Xlsx,
        /// A typeset A4 paper for a meeting (fonts embedded).
        Pdf,
        /// A Word document for a meeting's case: Word tables, headings, footnotes.
        Docx,
    }
}

value_enum! {
    CheckFormat => cmd::check::CheckFormat {
        /// One line per scenario, then a summary.
        #[default]
        Text,
        /// Each scenario's status, shortfalls, what residual funders must find, and errors.
        Json,
        /// GitHub Actions annotations on the lines of a pull request.
        Github,
        /// JUnit XML: a test case per scenario, for any CI server.
        Junit,
    }
}

value_enum! {
    SweepFormat => cmd::sweep::SweepFormat {
        #[default]
        Table,
        Csv,
        Json,
    }
}

value_enum! {
    SolveFormat => cmd::solve::SolveFormat {
        #[default]
        Text,
        Json,
    }
}

value_enum! {
    ExplainFormat => cmd::explain::ExplainFormat {
        /// The derivation as a table and sentences.
        #[default]
        Text,
        /// The derivation as a tree: parts, lines, exact and to the øre.
        Json,
    }
}

value_enum! {
    Goal => cmd::solve::Goal {
        /// Every funder that is not residual (and the varied funding's funder) has a cumulative
        /// balance of at least 0 at the end of every period.
        #[default]
        Balanced,
    }
}

/// What every command that reads scenarios takes: overrides and current or fixed prices.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ScenarioArgs {
    /// Change a value before anything is computed: `posts.regional-post.fte=0.8`,
    /// `scenario.end=2027-12-31`, `funding.brn-dk2020.annual=2500000`,
    /// `funders.brn.residual=false`, `indexation.wages.2025=0.04`. Repeatable.
    #[arg(long = "set", value_name = "PATH=VALUE")]
    pub set: Vec<String>,
    /// Indexed amounts in current prices (løbende priser), or in the base year's (faste
    /// priser). Without an [indexation] table both are the same.
    #[arg(long, value_enum, default_value_t)]
    pub prices: Prices,
}

impl From<&ScenarioArgs> for cmd::ScenarioOptions {
    fn from(a: &ScenarioArgs) -> Self {
        cmd::ScenarioOptions {
            set: a.set.clone(),
            prices: a.prices.into(),
        }
    }
}

/// Whether to carry costs to members, and how precisely to show them.
#[derive(Debug, Clone, clap::Args)]
pub struct MembersArgs {
    /// Carry every funder's cost through to the parties that ultimately pay it: groups to
    /// their members, funders such as BRN to those who raise their money (`raised_by`).
    #[arg(long, conflicts_with = "by_member")]
    pub look_through: bool,
    /// Split the cost of groups among their members (without looking through funders).
    #[arg(long)]
    pub by_member: bool,
    /// Amounts per member in whole kroner or to the øre.
    #[arg(long, value_enum, default_value_t)]
    pub precision: Precision,
}

impl From<&MembersArgs> for cmd::MembersOptions {
    fn from(a: &MembersArgs) -> Self {
        use crate::allocation::Mode;
        cmd::MembersOptions {
            mode: if a.look_through {
                Some(Mode::LookThrough)
            } else if a.by_member {
                Some(Mode::ByMember)
            } else {
                None
            },
            precision: a.precision.into(),
        }
    }
}

/// Where `report` and `compare` write, in which format.
#[derive(Debug, Clone, clap::Args)]
pub struct OutputArgs {
    /// The output format. Default: from the extension of --output, else table.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write to this file instead of standard output (`-`). The format follows its extension:
    /// .txt, .md, .csv, .json, .html, .xlsx, .pdf, .docx.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The meeting a paper (PDF, Word, HTML) is for, under its title and at each page's foot:
    /// "KKR Nordjylland, 10. februar 2023".
    #[arg(long, value_name = "TEXT")]
    pub meeting: Option<String>,
    /// A logo at the head of a paper: PNG, JPEG or SVG (kept as
    /// a drawing in PDF and HTML; Word gets it as a drawing with a picture beside it for older
    /// readers).
    #[arg(long, value_name = "FILE")]
    pub logo: Option<PathBuf>,
    /// Keep file paths, sources and the source document's figure references (F2) in a
    /// paper's notes; a paper for a board leaves them out.
    #[arg(long)]
    pub show_sources: bool,
    /// Terminal tables on one line each, however wide the terminal.
    #[arg(long)]
    pub wide: bool,
}

impl From<&OutputArgs> for cmd::OutputOptions {
    fn from(a: &OutputArgs) -> Self {
        cmd::OutputOptions {
            format: a.format.map(Into::into),
            output: a.output.clone(),
            meeting: a.meeting.clone(),
            logo: a.logo.clone(),
            show_sources: a.show_sources,
            wide: a.wide,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The scenario file (.toml).
    pub scenario: PathBuf,
    /// Periods: calendar years, half-years, months, or the whole window.
    #[arg(long, value_enum, default_value_t)]
    pub by: By,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Show money in kroner, thousands of kroner, or millions with one decimal.
    #[arg(long, value_enum, default_value_t)]
    pub unit: Unit,
    /// How tables are rounded: as a whole so that they add up, or each figure to the nearest.
    #[arg(long, value_enum, default_value_t)]
    pub rounding: Rounding,
    #[command(flatten)]
    pub members: MembersArgs,
    #[command(flatten)]
    pub scenario_args: ScenarioArgs,
    /// Add an appendix of how each figure is computed ("Sådan er tallene beregnet"), and in
    /// HTML show each figure's derivation when the pointer rests on it.
    #[arg(long)]
    pub explain: bool,
}

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The baseline scenario.
    pub a: PathBuf,
    /// The scenario compared with it: differences are B − A.
    pub b: PathBuf,
    /// Periods: calendar years, half-years, months, or the whole window.
    #[arg(long, value_enum, default_value_t)]
    pub by: By,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Show money in kroner, thousands of kroner, or millions with one decimal.
    #[arg(long, value_enum, default_value_t)]
    pub unit: Unit,
    /// How tables are rounded: as a whole so that they add up, or each figure to the nearest.
    #[arg(long, value_enum, default_value_t)]
    pub rounding: Rounding,
    #[command(flatten)]
    pub members: MembersArgs,
    #[command(flatten)]
    pub scenario_args: ScenarioArgs,
    /// Where the windows differ: compare the days both cover, or every day either covers.
    #[arg(long, value_enum, default_value_t)]
    pub window: Window,
    /// Like --set, for A only.
    #[arg(long = "set-a", value_name = "PATH=VALUE")]
    pub set_a: Vec<String>,
    /// Like --set, for B only: `compare x.toml x.toml --set-b ...` shows what a change does.
    #[arg(long = "set-b", value_name = "PATH=VALUE")]
    pub set_b: Vec<String>,
    /// Split B − A of a figure into one step per difference (a post added, funding ended, a
    /// rate changed), each exact, with a waterfall in HTML: cost_by_funder.brn,
    /// must_find.brn, cost.2024. Without a figure, each funder's cost over the window.
    /// Repeatable; give it after A and B.
    #[arg(long, value_name = "FIGURE", num_args = 0..=1, default_missing_value = "")]
    pub bridge: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Scenario files, or directories searched recursively for *.toml. Default: scenarios/
    pub paths: Vec<PathBuf>,
    /// Check the cumulative balance at the end of every year, half-year, month, or only at the
    /// end of the window.
    #[arg(long, value_enum, default_value_t)]
    pub by: By,
    #[arg(long, value_enum, default_value_t)]
    pub format: CheckFormat,
    /// Fail a scenario where a residual funder still has money to find, as if it had to
    /// balance too.
    #[arg(long)]
    pub require_funded: bool,
    #[command(flatten)]
    pub scenario_args: ScenarioArgs,
}

#[derive(Debug, clap::Args)]
pub struct SweepArgs {
    /// The scenario file (.toml).
    pub scenario: PathBuf,
    /// A path and the values it takes: posts.municipal-staff.annual_cost_per_fte=600000..900000/50000.
    /// Once or twice.
    #[arg(long, required = true, value_name = "PATH=FROM..TO/STEP")]
    pub vary: Vec<String>,
    /// A figure to show, such as total.cost_by_funder.brn or 2024.cost. Repeatable.
    #[arg(long, required = true, value_name = "FIGURE")]
    pub show: Vec<String>,
    /// The periods figures such as 2024.cost refer to.
    #[arg(long, value_enum, default_value_t)]
    pub by: By,
    #[arg(long, value_enum, default_value_t)]
    pub format: SweepFormat,
    /// Show money in kroner, thousands of kroner, or millions with one decimal (tables).
    #[arg(long, value_enum, default_value_t)]
    pub unit: Unit,
    #[command(flatten)]
    pub scenario_args: ScenarioArgs,
}

#[derive(Debug, clap::Args)]
pub struct SolveArgs {
    /// The scenario file (.toml).
    pub scenario: PathBuf,
    /// The value to find: an amount (funding.brn-joint-secretariat.annual: the smallest that is
    /// enough; posts.ID.annual_cost_per_fte: the largest that is affordable), a post's fte, a
    /// rate (indexation.wages.2027) or a date (posts.ID.from: from when it can be afforded).
    #[arg(long, value_name = "PATH")]
    pub vary: String,
    #[arg(long, value_enum, default_value_t)]
    pub until: Goal,
    /// Round the answer to a multiple of this (such as 1000), in the direction in which the
    /// scenario still balances.
    #[arg(long, value_name = "N")]
    pub round_to: Option<rust_decimal::Decimal>,
    /// The periods at whose ends balances are checked.
    #[arg(long, value_enum, default_value_t)]
    pub by: By,
    #[arg(long, value_enum, default_value_t)]
    pub format: SolveFormat,
    #[command(flatten)]
    pub scenario_args: ScenarioArgs,
}

value_enum! {
    /// What money is shown in by `status`.
    StatusUnit => crate::num::Unit {
        /// Kroner and øre: exact to the øre.
        #[default]
        Ore,
        /// Kroner, whole.
        Kr,
        /// Thousands of kroner, whole.
        Tkr,
        /// Millions of kroner, with one decimal.
        Mio,
    }
}

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// The scenario file (.toml), with an [actuals] table.
    pub scenario: PathBuf,
    /// The status date: bookings up to and including it count (2024-06-30 or 30-06-2024).
    /// (Read in [`status_options`], so that a mistake is told in the run's language.)
    #[arg(long, value_name = "DATE")]
    pub as_of: String,
    /// Flag deviations above a percentage of the budget to date (5%) or an amount (25000);
    /// given twice, above both. Default: the scenario's `materiality`.
    #[arg(long, value_name = "5%|AMOUNT")]
    pub materiality: Vec<String>,
    /// Show bookings no rule matches as not allocated, instead of failing.
    #[arg(long)]
    pub allow_unmapped: bool,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Show money in kroner and øre, kroner, thousands of kroner, or millions.
    #[arg(long, value_enum, default_value_t)]
    pub unit: StatusUnit,
    /// How tables are rounded: as a whole so that they add up, or each figure to the nearest.
    #[arg(long, value_enum, default_value_t)]
    pub rounding: Rounding,
    #[command(flatten)]
    pub scenario_args: ScenarioArgs,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The scenario file (.toml).
    pub scenario: PathBuf,
    /// The figure, as the report's JSON names it: cost_by_funder.brn.2024,
    /// items.joint-municipal-post.2023H2, cumulative_balance_by_funder.brn.2026, must_find.brn,
    /// cost, fte.2024. The period (2024, 2024H2, 2024-07, total) may come first; without one it
    /// is total.
    pub figure: String,
    #[arg(long, value_enum, default_value_t)]
    pub format: ExplainFormat,
    /// The unit the report shows the figure in (for how it was rounded).
    #[arg(long, value_enum, default_value_t)]
    pub unit: Unit,
    /// How the report's tables are rounded (for how the figure was rounded).
    #[arg(long, value_enum, default_value_t)]
    pub rounding: Rounding,
    #[command(flatten)]
    pub scenario_args: ScenarioArgs,
}

/// The status date and the thresholds of `--materiality`, read here rather than by clap so
/// that a mistake in them is told in the language of the run.
fn status_options(
    a: &StatusArgs,
) -> Result<(jiff::civil::Date, Option<crate::actuals::Materiality>), Error> {
    use crate::actuals::{Materiality, config::Threshold};
    use crate::msg::Msg;
    let usage = |flag: &str, message: Msg, help: Option<Msg>| {
        let message = Msg::OnFlag {
            flag: flag.to_string(),
            message: message.boxed(),
        };
        let mut d = crate::diag::Diagnostic::error(std::path::Path::new(""), message);
        d.help = help;
        Error::Input(d.into())
    };
    let as_of = crate::actuals::notation::date(&a.as_of)
        .map_err(|p| usage("--as-of", *p.message, Some(Msg::HelpStatusDate)))?;
    let materiality = if a.materiality.is_empty() {
        None
    } else {
        let thresholds = (a.materiality.iter())
            .map(|t| Threshold::parse(t))
            .collect::<Result<Vec<_>, _>>()
            .and_then(|t| Materiality::of(&t))
            .map_err(|m| usage("--materiality", m, None))?;
        Some(thresholds)
    };
    Ok((as_of, materiality))
}

#[derive(Debug, clap::Args)]
pub struct SensitivityArgs {
    /// The scenario file (.toml).
    pub scenario: PathBuf,
    /// The figure the assumptions move, as the report's JSON names it:
    /// total.cost_by_funder.brn, must_find.brn, cost.2024.
    #[arg(long, value_name = "FIGURE")]
    pub show: String,
    /// How far either way each assumption is varied, unless its mark gives a range.
    #[arg(long, value_name = "PERCENT", default_value = "10%")]
    pub sensitivity: String,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Show money in kroner, thousands of kroner, or millions with one decimal.
    #[arg(long, value_enum, default_value_t)]
    pub unit: Unit,
    #[command(flatten)]
    pub scenario_args: ScenarioArgs,
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Scenario files or directories searched for *.toml. Default: scenarios/.
    pub paths: Vec<PathBuf>,
    /// The port on 127.0.0.1. Default: a free one.
    #[arg(long)]
    pub port: Option<u16>,
    /// Open the page in the browser ($BROWSER, else the system's).
    #[arg(long)]
    pub open: bool,
}

/// Runs the command the arguments ask for.
pub fn run(cli: Cli, env: &mut Env) -> Result<Exit, Error> {
    env.deny_warnings |= cli.deny_warnings;
    if let Some(lang) = cli.lang {
        env.lang = lang.into();
    }
    crate::diag::set_max_shown(cli.max_errors);
    crate::load::Access::set_for_process(crate::load::Access {
        root: cli.root.clone(),
        allow_outside: cli.allow_outside,
    });
    let exit = match &cli.command {
        Command::Report(a) => cmd::report::run(
            &cmd::report::Options {
                scenario: a.scenario.clone(),
                by: a.by.into(),
                output: (&a.output).into(),
                unit: a.unit.into(),
                rounding: a.rounding.into(),
                members: (&a.members).into(),
                scenarios: (&a.scenario_args).into(),
                explain: a.explain,
            },
            env,
        )?,
        Command::Compare(a) => cmd::compare::run(
            &cmd::compare::Options {
                a: a.a.clone(),
                b: a.b.clone(),
                by: a.by.into(),
                output: (&a.output).into(),
                unit: a.unit.into(),
                rounding: a.rounding.into(),
                window: a.window.into(),
                members: (&a.members).into(),
                scenarios: (&a.scenario_args).into(),
                set_a: a.set_a.clone(),
                set_b: a.set_b.clone(),
                bridge: a.bridge.clone(),
            },
            env,
        )?,
        Command::Check(a) => cmd::check::run(
            &cmd::check::Options {
                paths: a.paths.clone(),
                by: a.by.into(),
                format: a.format.into(),
                require_funded: a.require_funded,
                scenarios: (&a.scenario_args).into(),
            },
            env,
        )?,
        Command::Sweep(a) => cmd::sweep::run(
            &cmd::sweep::Options {
                scenario: a.scenario.clone(),
                vary: a.vary.clone(),
                show: a.show.clone(),
                by: a.by.into(),
                format: a.format.into(),
                unit: a.unit.into(),
                scenarios: (&a.scenario_args).into(),
            },
            env,
        )?,
        Command::Solve(a) => cmd::solve::run(
            &cmd::solve::Options {
                scenario: a.scenario.clone(),
                vary: a.vary.clone(),
                until: a.until.into(),
                round_to: a.round_to,
                by: a.by.into(),
                format: a.format.into(),
                scenarios: (&a.scenario_args).into(),
            },
            env,
        )?,
        Command::Schema => cmd::schema::run(env)?,
        Command::Status(a) => {
            let (as_of, materiality) = status_options(a)?;
            cmd::status::run(
                &cmd::status::Options {
                    scenario: a.scenario.clone(),
                    as_of,
                    materiality,
                    allow_unmapped: a.allow_unmapped,
                    output: (&a.output).into(),
                    unit: a.unit.into(),
                    rounding: a.rounding.into(),
                    scenarios: (&a.scenario_args).into(),
                },
                env,
            )?
        }
        Command::Sensitivity(a) => cmd::sensitivity::run(
            &cmd::sensitivity::Options {
                scenario: a.scenario.clone(),
                show: a.show.clone(),
                sensitivity: a.sensitivity.clone(),
                output: (&a.output).into(),
                unit: a.unit.into(),
                scenarios: (&a.scenario_args).into(),
            },
            env,
        )?,
        Command::Explain(a) => cmd::explain::run(
            &cmd::explain::Options {
                scenario: a.scenario.clone(),
                figure: a.figure.clone(),
                format: a.format.into(),
                unit: a.unit.into(),
                rounding: a.rounding.into(),
                scenarios: (&a.scenario_args).into(),
            },
            env,
        )?,
        Command::Serve(a) => crate::serve::http::run(
            &crate::serve::http::Options {
                paths: a.paths.clone(),
                port: a.port,
                open: a.open,
            },
            env,
        )?,
    };
    env.out.flush()?;
    Ok(exit)
}
