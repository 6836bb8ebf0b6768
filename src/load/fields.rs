//! The keys each table of a scenario file may hold: one table the loader checks keys against
//! (unknown keys, near misses) and the documentation of the format is written from.

/// What a key's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text.
    Text,
    /// An id of this entry: ASCII letters, digits, `-` and `_`.
    Id,
    /// The id of a funder.
    FunderRef,
    /// A TOML local date, `2023-07-01`.
    Date,
    /// Kroner: integer, float or string, ≥ 0, at most 2 decimals.
    Money,
    /// A positive number: decimal or fraction string.
    Fte,
    Bool,
    /// A funder id, or a table of funder id → share.
    PaidBy,
    /// A table with these keys.
    Table(&'static [Field]),
    /// A table of id → table with these keys.
    Map(&'static [Field]),
    /// An array of tables with these keys (`[[name]]`).
    List(&'static [Field]),
    /// The id of an allocation key.
    KeyRef,
    /// A positive weight: number, decimal or fraction string.
    Weight,
    /// Key files (paths relative to the scenario), or keys defined in place.
    Keys,
    /// A year, such as 2024.
    Year,
    /// Rates by year (decimals or percent strings), or one rate `from` a year on.
    Rates,
    /// A list of entry ids.
    Ids,
    /// A path relative to the scenario, or a list of them.
    Files,
    /// A pattern, or a list of patterns (`"2250*"`, `"22500-22599"`).
    Patterns,
    /// A percentage (`"5%"`) or an amount in kroner, or a list of both.
    Materiality,
    /// A table of id → free text.
    Texts,
    /// A value marked as an assumption: `true`, a reason, a table of [`ASSUMPTION_MARK`], or
    /// a list of such tables.
    Assumption,
    /// The range an assumption may vary in: `"10%"` (either way), or `[low, high]`.
    Range,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    pub doc: &'static str,
}

const fn req(name: &'static str, kind: Kind, doc: &'static str) -> Field {
    Field {
        name,
        kind,
        required: true,
        doc,
    }
}

const fn opt(name: &'static str, kind: Kind, doc: &'static str) -> Field {
    Field {
        name,
        kind,
        required: false,
        doc,
    }
}

const NOTE: Field = opt("note", Kind::Text, "Free-text note.");
const SOURCE: Field = opt(
    "source",
    Kind::Text,
    "Where the figures come from (document, page, decision).",
);
const FROM: Field = opt(
    "from",
    Kind::Date,
    "First day, inclusive. Default: the scenario start.",
);
const TO: Field = opt(
    "to",
    Kind::Date,
    "Last day, inclusive. Default: the scenario end.",
);
const ANNUAL: Field = opt(
    "annual",
    Kind::Money,
    "Kroner a year, accrued month by month from `from` to `to`.",
);
const AMOUNT: Field = opt(
    "amount",
    Kind::Money,
    "A one-off amount in kroner, falling in the month of `date`.",
);
const DATE: Field = opt("date", Kind::Date, "The day a one-off `amount` falls.");
const ASSUMPTION: Field = opt(
    "assumption",
    Kind::Assumption,
    "Marks a value as an assumption, not a fact: true, the reason (\"why\"), or { field = \"annual_cost_per_fte\", why = \"…\", range = \"10%\" or [low, high] }, or a list of these. Default field: the amount (annual_cost_per_fte, annual or amount; the wage rises). `klimabudget sensitivity` varies it.",
);

/// The table form of an assumption mark.
pub const ASSUMPTION_MARK: &[Field] = &[
    opt(
        "field",
        Kind::Text,
        "The field assumed: fte, annual_cost_per_fte, annual, amount, date, from, to; for the indexation wages, prices or wages.2025. Default: the amount.",
    ),
    opt("why", Kind::Text, "Why it is assumed, and from what."),
    opt(
        "range",
        Kind::Range,
        "How far it may vary: \"10%\" either way, or [low, high] (numbers, or dates for a date). Default: --sensitivity.",
    ),
];

const PAID_BY: Field = opt(
    "paid_by",
    Kind::PaidBy,
    "A funder id, or shares by funder id that add up to 1: { brn = 0.5, region = \"1/2\" }. Required unless [defaults] gives it.",
);

pub const SCENARIO: &[Field] = &[
    req(
        "name",
        Kind::Text,
        "The scenario's name, shown on every table.",
    ),
    opt(
        "short_name",
        Kind::Text,
        "What a comparison calls the scenario in column heads and sentences, in place of A and B. Default: the name's part before `: `, or the name.",
    ),
    opt("description", Kind::Text, "One or two sentences."),
    req("start", Kind::Date, "First day of the window."),
    req("end", Kind::Date, "Last day of the window, inclusive."),
    NOTE,
    SOURCE,
];

pub const FUNDER: &[Field] = &[
    opt("name", Kind::Text, "Display name. Default: the id."),
    opt(
        "residual",
        Kind::Bool,
        "Covers whatever falls to it: a deficit is what it must still find, not a failure. Default: false.",
    ),
    opt(
        "members",
        Kind::KeyRef,
        "A group that pays jointly: its cost is split among its members by this key.",
    ),
    opt(
        "raised_by",
        Kind::KeyRef,
        "How this funder's own money is raised from its members: with --look-through its cost passes to them by this key.",
    ),
    NOTE,
    SOURCE,
];

pub const KEY_MEMBER: &[Field] = &[
    opt(
        "name",
        Kind::Text,
        "Display name. Default: the funder's name of the same id, else the id.",
    ),
    opt(
        "weight",
        Kind::Weight,
        "The member's weight, > 0 (such as its population).",
    ),
    opt(
        "rate",
        Kind::Weight,
        "Kroner per inhabitant, with the key's `per`: the weight is rate × inhabitants.",
    ),
    opt(
        "members",
        Kind::KeyRef,
        "A member that is itself a group, split by this key.",
    ),
    NOTE,
    SOURCE,
];

pub const KEY: &[Field] = &[
    opt("name", Kind::Text, "Display name. Default: the id."),
    opt("source", Kind::Text, "Where the figures come from."),
    opt("as_of", Kind::Date, "The day the figures describe."),
    opt(
        "per",
        Kind::KeyRef,
        "A population key: members give a `rate` per inhabitant instead of a `weight`.",
    ),
    req(
        "members",
        Kind::Map(KEY_MEMBER),
        "Members by id, with their weights.",
    ),
    NOTE,
];

/// A key file: keys and nothing else.
pub const KEY_FILE: &[Field] = &[
    req("keys", Kind::Map(KEY), "Allocation keys by id."),
    NOTE,
    SOURCE,
];

pub const FUNDING: &[Field] = &[
    req("id", Kind::Id, "Unique id of this entry."),
    opt("name", Kind::Text, "Display name. Default: the id."),
    req(
        "funder",
        Kind::FunderRef,
        "The funder who provides the money.",
    ),
    ANNUAL,
    FROM,
    TO,
    AMOUNT,
    DATE,
    opt(
        "indexed",
        Kind::Text,
        "\"wages\" or \"prices\": the amount rises with that index. Default: fixed in kroner.",
    ),
    ASSUMPTION,
    NOTE,
    SOURCE,
];

pub const POST: &[Field] = &[
    req("id", Kind::Id, "Unique id of this post."),
    opt("title", Kind::Text, "Display title. Default: the id."),
    opt("employer", Kind::Text, "Who employs the staff (free text)."),
    req(
        "fte",
        Kind::Fte,
        "Full-time equivalents, > 0: 1, 0.5 or \"1/3\".",
    ),
    req(
        "annual_cost_per_fte",
        Kind::Money,
        "Cost of one full-time year: salary, pension, overhead.",
    ),
    FROM,
    TO,
    PAID_BY,
    ASSUMPTION,
    NOTE,
    SOURCE,
];

pub const COST: &[Field] = &[
    req("id", Kind::Id, "Unique id of this cost."),
    opt("name", Kind::Text, "Display name. Default: the id."),
    ANNUAL,
    FROM,
    TO,
    AMOUNT,
    DATE,
    PAID_BY,
    ASSUMPTION,
    NOTE,
    SOURCE,
];

pub const INDEXATION: &[Field] = &[
    req(
        "base_year",
        Kind::Year,
        "The year whose prices the amounts are written in.",
    ),
    opt(
        "wages",
        Kind::Rates,
        "Yearly rises of wages, by year: { 2025 = 0.04, 2026 = \"3 %\" }; or one rate from a year on: { from = 2027, rate = \"3 %\" } (years given beside it keep their own). Posts follow them.",
    ),
    opt(
        "prices",
        Kind::Rates,
        "Yearly rises of prices, by year, or one rate from a year on, as for wages. Other costs follow them.",
    ),
    opt(
        "effective",
        Kind::Text,
        "The day in the year a rise takes effect, \"MM-DD\". Default: \"01-01\".",
    ),
    ASSUMPTION,
];

pub const DEFAULTS: &[Field] = &[
    opt(
        "paid_by",
        Kind::PaidBy,
        "Who pays for every post and cost without its own `paid_by`: a funder id or shares, { region = \"1/3\", brn = \"2/3\" }.",
    ),
    opt(
        "employer",
        Kind::Text,
        "Who employs the staff of every post without its own `employer`.",
    ),
];

/// A rule of `[[actuals.map]]`: which bookings (every criterion given must match) go where.
pub const ACTUALS_MAP: &[Field] = &[
    opt(
        "account",
        Kind::Patterns,
        "Account numbers: exact (\"22510\"), a glob (\"2250*\") or a range (\"22500-22599\"), or a list of them.",
    ),
    opt(
        "text",
        Kind::Patterns,
        "Words in the booking's text, any case; `*` stands for any characters. Or a list.",
    ),
    opt(
        "voucher",
        Kind::Patterns,
        "Voucher numbers (needs the `voucher` column), such as one booking's.",
    ),
    opt(
        "entry",
        Kind::Text,
        "The id of the post, cost or funding entry the bookings belong to.",
    ),
    opt(
        "unallocated",
        Kind::Text,
        "Instead of `entry`: why the bookings belong to no entry; they are shown as not allocated.",
    ),
    NOTE,
];

/// `[actuals]`: bookings exported from the finance system, and how they map to entries.
pub const ACTUALS: &[Field] = &[
    req(
        "file",
        Kind::Files,
        "The bookings export (CSV), relative to this file; or a list of files with the same columns.",
    ),
    req("date", Kind::Text, "The name of the booking-date column."),
    opt(
        "amount",
        Kind::Text,
        "The name of the amount column (or give `debit` and `credit`).",
    ),
    opt(
        "debit",
        Kind::Text,
        "The name of the debit column, with `credit` instead of `amount`: the amount is debit − credit.",
    ),
    opt("credit", Kind::Text, "The name of the credit column."),
    opt("account", Kind::Text, "The name of the account column."),
    opt("text", Kind::Text, "The name of the text column."),
    opt(
        "voucher",
        Kind::Text,
        "The name of the voucher-number column.",
    ),
    opt(
        "from",
        Kind::Date,
        "The first day the bookings cover: budget and actuals are followed up from it. Default: the scenario start.",
    ),
    opt(
        "income",
        Kind::Text,
        "How money received is signed in the export: \"negative\" (the default, as in Danish public accounts) or \"positive\".",
    ),
    opt(
        "delimiter",
        Kind::Text,
        "\";\", \",\" or \"tab\". Default: told from the header line.",
    ),
    opt(
        "decimal",
        Kind::Text,
        "The decimal mark of amounts, \",\" (1.234,56) or \".\" (1234.56). Default: told from the amounts.",
    ),
    opt(
        "encoding",
        Kind::Text,
        "\"utf-8\" or \"windows-1252\". Default: UTF-8 if the file is valid UTF-8, else Windows-1252.",
    ),
    opt(
        "strict",
        Kind::Bool,
        "A booking two rules send to different places is an error, instead of the first rule winning. Default: false.",
    ),
    opt(
        "materiality",
        Kind::Materiality,
        "Deviations to flag: above a percentage of the budget to date (\"5%\"), an amount, or both ([\"5%\", 25000]).",
    ),
    opt(
        "map",
        Kind::List(ACTUALS_MAP),
        "Rules from bookings to entries, tried in order: the first that matches wins.",
    ),
    opt(
        "explanations",
        Kind::Texts,
        "Explanations of deviations (afvigelsesforklaringer) by entry or funder id, shown beside their rows.",
    ),
    NOTE,
    SOURCE,
];

pub const TOP: &[Field] = &[
    req(
        "scenario",
        Kind::Table(SCENARIO),
        "Name and window of the scenario.",
    ),
    req(
        "funders",
        Kind::Map(FUNDER),
        "Who pays, keyed by funder id.",
    ),
    opt("funding", Kind::List(FUNDING), "Money funders provide."),
    opt("posts", Kind::List(POST), "Staff posts."),
    opt("costs", Kind::List(COST), "Other costs."),
    opt(
        "defaults",
        Kind::Table(DEFAULTS),
        "What posts and costs take that do not say otherwise: paid_by, employer.",
    ),
    opt(
        "indexation",
        Kind::Table(INDEXATION),
        "Pay and price indexation: amounts are in base-year prices, rising each year by these rates.",
    ),
    opt(
        "extends",
        Kind::Text,
        "A scenario this one builds on (relative to this file): its entries, replaced or patched by id here.",
    ),
    opt(
        "remove",
        Kind::Ids,
        "Ids of entries and funders of the extended scenario to drop.",
    ),
    opt(
        "keys",
        Kind::Keys,
        "Allocation keys: a list of key files (relative to this file), or keys defined here by id.",
    ),
    opt(
        "actuals",
        Kind::Table(ACTUALS),
        "Bookings from the finance system, for `klimabudget status` (budget follow-up).",
    ),
];
