//! Every message, in English and in Danish.

#[allow(unused_imports)]
use super::{Count, Day, Days, Kr, List, Num, Ordinal, Percent};

super::messages! {
    /// Who or what a message is about, where nothing more precise is known.
    Owner => "the scenario", "scenariet";

    // How diagnostics are shown.
    MoreError { shown: Count, total: Count } =>
        "… and 1 more error ({shown} shown of {total}; --max-errors changes how many)",
        "… og 1 fejl mere ({shown} vist af {total}; --max-errors ændrer, hvor mange)";
    MoreErrors { n: Count, shown: Count, total: Count } =>
        "… and {n} more errors ({shown} shown of {total}; --max-errors changes how many)",
        "… og {n} fejl mere ({shown} vist af {total}; --max-errors ændrer, hvor mange)";
    MoreWarning { shown: Count, total: Count } =>
        "… and 1 more warning ({shown} shown of {total}; --max-errors changes how many)",
        "… og 1 advarsel mere ({shown} vist af {total}; --max-errors ændrer, hvor mange)";
    MoreWarnings { n: Count, shown: Count, total: Count } =>
        "… and {n} more warnings ({shown} shown of {total}; --max-errors changes how many)",
        "… og {n} advarsler mere ({shown} vist af {total}; --max-errors ændrer, hvor mange)";
    Denied { message: Box<Msg> } =>
        "{message} (a warning, denied by --deny-warnings)",
        "{message} (en advarsel, afvist af --deny-warnings)";

    NotEchoed { message: Box<Msg>, more: Count } =>
        "{message} (and {more} more in this file, not shown: it is named by the scenario and is not echoed)",
        "{message} (og {more} mere i denne fil, ikke vist: scenariet henviser til den, og den gengives ikke)";

    // Kinds of value, and values of the wrong kind.
    KindString => "a string", "en tekst";
    KindInteger => "an integer", "et heltal";
    KindFloat => "a float", "et decimaltal";
    KindBool => "a boolean", "en sandhedsværdi";
    KindDate => "a date", "en dato";
    KindArray => "an array", "en liste";
    KindTable => "a table", "en tabel";
    ThisIs { kind: Box<Msg> } => "this is {kind}", "dette er {kind}";
    Expected { expected: Box<Msg>, found: Box<Msg> } =>
        "expected {expected}, found {found}", "forventede {expected}, fandt {found}";
    ExpectString => "a string", "en tekst";
    ExpectBool => "true or false", "true eller false";
    ExpectDate => "a date such as 2023-07-01", "en dato som 2023-07-01";
    ExpectRatio => "a number or a string such as \"0.5\" or \"1/3\"",
        "et tal eller en tekst som \"0.5\" eller \"1/3\"";
    ExpectNumber => "a number or a string such as \"860000.50\"",
        "et tal eller en tekst som \"860000.50\"";

    // Ids.
    IdEmpty => "an id cannot be empty", "et id kan ikke være tomt";
    LabelIdEmpty => "empty id", "tomt id";
    IdInvalid { written: String } => "`{written}` is not a valid id", "`{written}` er ikke et gyldigt id";
    LabelIdChars => "ids use ASCII letters, digits, `-` and `_`",
        "id'er bruger ASCII-bogstaver, cifre, `-` og `_`";
    HelpIdWrite { suggestion: String } =>
        "an id starts with a letter or digit and has only ASCII letters, digits, `-` and `_`: write `{suggestion}`; the display name can keep any letters",
        "et id begynder med et bogstav eller ciffer og har kun ASCII-bogstaver, cifre, `-` og `_`: skriv `{suggestion}`; navnet, der vises, kan have alle bogstaver";
    HelpIdChars =>
        "an id starts with a letter or digit and has only ASCII letters, digits, `-` and `_`",
        "et id begynder med et bogstav eller ciffer og har kun ASCII-bogstaver, cifre, `-` og `_`";

    // Dates.
    DateYearZero { written: String } =>
        "`{written}` is in the year 0000, which has no budget: years run from 0001",
        "`{written}` ligger i år 0000, som intet budget har: årene begynder med 0001";
    LabelYearZero => "year 0000", "år 0000";
    HelpYearInFull => "write the year in full, such as 2024-01-01", "skriv hele årstallet, som 2024-01-01";
    DateNoSuchDay { written: String, last: Day } =>
        "`{written}` is not a valid date: the month ends on {last}",
        "`{written}` er ikke en gyldig dato: måneden slutter den {last}";
    DateInvalid { written: String } => "`{written}` is not a valid date", "`{written}` er ikke en gyldig dato";
    LabelNotADate => "not a valid date", "ikke en gyldig dato";
    DateWithTime { written: String } =>
        "`{written}` has a time of day; a date here is a day only",
        "`{written}` har et klokkeslæt; en dato her er kun en dag";
    LabelDateAndTime => "a date and time", "dato og klokkeslæt";
    HelpWithoutTime { date: String } => "write `{date}` without the time", "skriv `{date}` uden klokkeslæt";
    DateTimeOnly { written: String } =>
        "`{written}` is a time of day, not a date", "`{written}` er et klokkeslæt, ikke en dato";
    LabelTimeNotDate => "a time, not a date", "klokkeslæt, ikke dato";
    HelpWriteDate => "write a date such as `2023-07-01`", "skriv en dato som `2023-07-01`";
    DateQuoted { written: String } =>
        "dates are written without quotes; found the string \"{written}\"",
        "datoer skrives uden anførselstegn; fandt teksten \"{written}\"";
    LabelStringNotDate => "a string, not a date", "tekst, ikke dato";
    HelpUnquoteDate { written: String } =>
        "write {written} without quotes, as a TOML date",
        "skriv {written} uden anførselstegn, som en TOML-dato";
    HelpWriteDateUnquoted =>
        "write a TOML date without quotes, such as 2023-07-01",
        "skriv en TOML-dato uden anførselstegn, som 2023-07-01";

    // Numbers.
    NumberTooLarge { written: String } =>
        "`{written}` is too large a number to compute exactly",
        "`{written}` er et for stort tal til at regne nøjagtigt med";
    NumberTooFine { written: String } =>
        "`{written}` has more decimals than can be computed exactly",
        "`{written}` har flere decimaler, end der kan regnes nøjagtigt med";
    IntegerTooLarge => "the number is too large to compute exactly",
        "tallet er for stort til at regne nøjagtigt med";
    LabelTooLarge => "too large", "for stort";
    LabelTooFine => "too many decimals", "for mange decimaler";
    NotFinite { written: String } => "`{written}` is not a finite number", "`{written}` er ikke et endeligt tal";
    LabelNotFinite => "not a finite number", "ikke et endeligt tal";
    HelpWriteNumber => "write a number such as 1 or 0.5", "skriv et tal som 1 eller 0.5";
    NotANumber { written: String } => "\"{written}\" is not a number", "\"{written}\" er ikke et tal";
    LabelNotANumber => "not a number", "ikke et tal";
    HelpDecimalPoint { number: String } =>
        "write numbers with a decimal point and no thousands separators: \"{number}\"",
        "skriv tal med decimalpunktum og uden tusindtalsseparator: \"{number}\"";
    HelpWriteRatio =>
        "write a decimal such as \"0.5\" or a fraction such as \"1/3\"",
        "skriv et decimaltal som \"0.5\" eller en brøk som \"1/3\"";
    HelpWriteNumberText =>
        "write a number such as 860000 or \"860000.50\"",
        "skriv et tal som 860000 eller \"860000.50\"";
    DividesByZero { written: String } => "\"{written}\" divides by zero", "\"{written}\" dividerer med nul";
    LabelDenominatorZero => "denominator is 0", "nævneren er 0";
    DenominatorTooLarge { written: String, max: Count } =>
        "the fraction \"{written}\" has a denominator over {max}",
        "brøken \"{written}\" har en nævner over {max}";
    LabelDenominatorTooLarge => "denominator too large", "for stor nævner";

    // Money written so that it reads as another amount.
    MoneyDotThousands { written: String, thousands: Kr, decimal: Kr } =>
        "{written} reads two ways: {thousands} with a dot between thousands, as Danish writes amounts, or {decimal} with a decimal point",
        "{written} kan læses på to måder: {thousands} med punktum mellem tusinder, som beløb skrives på dansk, eller {decimal} med decimalpunktum";
    MoneyFloatDotThousands { written: String, thousands: Kr, decimal: Kr } =>
        "{written} is read by TOML as {decimal}, but in Danish notation it is {thousands}",
        "TOML læser {written} som {decimal}, men med dansk talnotation er det {thousands}";
    LabelEitherAmount { thousands: Kr, decimal: Kr } => "{thousands} or {decimal}?", "{thousands} eller {decimal}?";
    HelpWriteEither { thousands_code: String, thousands: Kr, decimal_code: String, decimal: Kr } =>
        "write {thousands_code} for {thousands}, or {decimal_code} for {decimal}; in a scenario `_` is the only thousands separator and `.` the decimal point",
        "skriv {thousands_code} for {thousands} eller {decimal_code} for {decimal}; i et scenarie er `_` den eneste tusindtalsseparator og `.` decimaltegnet";
    MoneyDotsThousands { written: String, amount: Kr } =>
        "{written} is {amount} written with dots between thousands, as Danish writes amounts; a scenario cannot read it",
        "{written} er {amount} skrevet med punktum mellem tusinder, som beløb skrives på dansk; et scenarie kan ikke læse det";
    LabelDotsBetweenThousands => "dots between thousands", "punktum mellem tusinder";
    HelpWriteAmount { code: String, amount: Kr } =>
        "write {code} for {amount}; in a scenario `_` is the only thousands separator and `.` the decimal point",
        "skriv {code} for {amount}; i et scenarie er `_` den eneste tusindtalsseparator og `.` decimaltegnet";
    MoneyDecimalComma { written: String, amount: Kr } =>
        "{written} is {amount} written with a decimal comma, as Danish writes amounts; a scenario cannot read it",
        "{written} er {amount} skrevet med decimalkomma, som beløb skrives på dansk; et scenarie kan ikke læse det";
    LabelDecimalComma => "a decimal comma", "decimalkomma";
    MoneySmallComma { written: String, amount: Kr, millions: Kr } =>
        "{written} reads two ways: {amount} with a decimal comma, or {millions} if it means millions, as Danish prose writes them (1,5 mio.)",
        "{written} kan læses på to måder: {amount} med decimalkomma, eller {millions}, hvis der menes millioner (1,5 mio.)";
    MoneyCommaThousandsOrDecimal { written: String, thousands: Kr, decimal: Kr } =>
        "{written} reads two ways: {thousands} with a comma between thousands, as English writes amounts, or {decimal} with a decimal comma, as Danish writes them",
        "{written} kan læses på to måder: {thousands} med komma mellem tusinder, som beløb skrives på engelsk, eller {decimal} med decimalkomma, som på dansk";
    MoneyCommaThousands { written: String, amount: Kr } =>
        "{written} is {amount} written with commas between thousands; a scenario cannot read it",
        "{written} er {amount} skrevet med komma mellem tusinder; et scenarie kan ikke læse det";
    LabelCommasBetweenThousands => "commas between thousands", "komma mellem tusinder";
    MoneySpaceThousands { written: String, amount: Kr } =>
        "{written} is {amount} written with spaces between thousands; a scenario cannot read it",
        "{written} er {amount} skrevet med mellemrum mellem tusinder; et scenarie kan ikke læse det";
    LabelSpacesBetweenThousands => "spaces between thousands", "mellemrum mellem tusinder";
    MoneyWithUnit { written: String, amount: Kr } =>
        "{written} is an amount with its unit ({amount}); an amount in a scenario is a number of kroner",
        "{written} er et beløb med enhed ({amount}); et beløb i et scenarie er et antal kroner";
    LabelUnitInAmount => "a unit in the amount", "enhed i beløbet";

    // Money.
    AmountTooLarge =>
        "the amount is more than the largest accepted, 1,000,000,000,000 kr.",
        "beløbet er større end det største tilladte, 1.000.000.000.000 kr.";
    AmountTooFine { written: String } =>
        "{written} has more than 2 decimals; money has at most 2 (øre)",
        "{written} har mere end 2 decimaler; beløb har højst 2 (øre)";
    LabelMoreThanTwoDecimals => "more than 2 decimals", "mere end 2 decimaler";
    HelpWholeOre => "round the amount to whole øre, such as 0.01", "afrund beløbet til hele øre, som 0.01";
    AmountNegative { amount: Num } =>
        "amounts cannot be negative; found {amount}", "beløb kan ikke være negative; fandt {amount}";
    LabelNegative => "negative", "negativt";
    HelpPositiveAmount =>
        "write the amount as a positive number; money a funder provides goes under [[funding]]",
        "skriv beløbet som et positivt tal; penge, en finansieringskilde stiller til rådighed, hører under [[funding]]";
    AmountOverMax { amount: Num } =>
        "{amount} kr. is more than the largest amount accepted, 1,000,000,000,000 kr.",
        "{amount} kr. er mere end det største tilladte beløb, 1.000.000.000.000 kr.";
    AmountDecimals { written: String, places: Count } =>
        "{written} has {places} decimals; money has at most 2 (øre)",
        "{written} har {places} decimaler; beløb har højst 2 (øre)";
    HelpRounded { rounded: String } => "write {rounded} or \"{rounded}\"", "skriv {rounded} eller \"{rounded}\"";

    // FTE, shares and weights.
    WhatFte => "an FTE", "et antal årsværk";
    WhatShare => "a share", "en andel";
    WhatWeight => "a weight", "en vægt";
    RatioTooFine { what: Box<Msg>, max: Count, written: String } =>
        "{what} has more than {max} decimals (found {written})",
        "{what} har mere end {max} decimaler (fandt {written})";
    HelpFraction =>
        "write a fraction such as \"1/3\" for a repeating decimal",
        "skriv en brøk som \"1/3\" for et periodisk decimaltal";
    RatioNotPositive { what: Box<Msg>, found: Num } =>
        "{what} must be more than 0 (found {found})", "{what} skal være mere end 0 (fandt {found})";
    LabelMustBePositive => "must be > 0", "skal være > 0";
    HelpFteZero =>
        "a post of 0 FTE costs nothing: remove it, or give its size (1 is one person full time)",
        "en stilling på 0 årsværk koster intet: fjern den, eller angiv dens størrelse (1 er én person på fuld tid)";
    HelpShareZero =>
        "leave a funder who pays nothing out of `paid_by`",
        "udelad en finansieringskilde, der intet betaler, fra `paid_by`";
    HelpWeightZero =>
        "leave a member that bears nothing out of the key",
        "udelad et medlem, der intet bærer, fra nøglen";
    RatioTooLarge { what: Box<Msg>, max: Count, found: Num } =>
        "{what} must be at most {max} (found {found})", "{what} må højst være {max} (fandt {found})";

    // Where a problem is.
    AtKey { owner: Box<Msg>, key: String, message: Box<Msg> } =>
        "{owner}: `{key}`: {message}", "{owner}: `{key}`: {message}";
    BareValue { key: String, message: Box<Msg> } => "`{key}`: {message}", "`{key}`: {message}";

    // TOML syntax.
    InvalidToml { reason: String } => "invalid TOML: {reason}", "ugyldig TOML: {reason}";
    LabelHere => "here", "her";
    HelpToml =>
        "this is not valid TOML; see https://toml.io for the syntax",
        "dette er ikke gyldig TOML; se https://toml.io for syntaksen";

    // Indexation.
    IndexationNotATable =>
        "`indexation` must be a table: [indexation] with base_year, wages and prices",
        "`indexation` skal være en tabel: [indexation] med base_year, wages og prices";
    RatesNotATable { key: String } =>
        "[indexation] `{key}` is a table of rates by year, such as {{ 2025 = 0.04, 2026 = \"3 %\" }}, or one rate from a year on, {{ from = 2027, rate = \"3 %\" }}",
        "[indexation] `{key}` er en tabel med satser pr. år, som {{ 2025 = 0.04, 2026 = \"3 %\" }}, eller én sats fra et år, {{ from = 2027, rate = \"3 %\" }}";
    RatesKeyNotAYear { key: String, written: String } =>
        "[indexation] `{key}`: `{written}` is not a year",
        "[indexation] `{key}`: `{written}` er ikke et år";
    LabelNotAYear => "not a year", "ikke et år";
    HelpRatesByYear =>
        "rates are given by year, {{ 2025 = 0.04 }} is a rise of 4 % in 2025; or from a year on, {{ from = 2027, rate = \"3 %\" }}",
        "satser angives pr. år, {{ 2025 = 0.04 }} er en stigning på 4 % i 2025; eller fra et år, {{ from = 2027, rate = \"3 %\" }}";
    RatesToBeforeFrom { key: String, to: String, from: String } =>
        "[indexation] `{key}`: `to` ({to}) is before `from` ({from})",
        "[indexation] `{key}`: `to` ({to}) ligger før `from` ({from})";
    LabelBeforeFrom => "before `from`", "før `from`";
    HelpRatesFromTo =>
        "the rate applies from the year `from` to the year `to`, both included",
        "satsen gælder fra året `from` til året `to`, begge medregnet";
    RateWithoutFrom { key: String } =>
        "[indexation] `{key}`: `rate` is given, but not the year it applies `from`",
        "[indexation] `{key}`: `rate` er angivet, men ikke året, den gælder fra (`from`)";
    FromWithoutRate { key: String } =>
        "[indexation] `{key}`: `from` (or `to`) is given, but no `rate`",
        "[indexation] `{key}`: `from` (eller `to`) er angivet, men ingen `rate`";
    LabelFromWhen => "from when?", "fra hvornår?";
    LabelWhatRate => "what rate?", "hvilken sats?";
    HelpRateFrom { key: String } =>
        "one rate from a year on is written {key} = {{ from = 2027, rate = \"3 %\" }}",
        "én sats fra et år skrives {key} = {{ from = 2027, rate = \"3 %\" }}";
    RateHigh { rate: Percent } =>
        "a rise of {rate} a year is unusually high",
        "en stigning på {rate} om året er usædvanlig høj";
    LabelHighRate { rate: Percent } => "{rate} a year", "{rate} om året";
    HelpRateHigh =>
        "check the rate: 0.03 and \"3 %\" are both a rise of 3 % a year",
        "tjek satsen: 0.03 og \"3 %\" er begge en stigning på 3 % om året";
    HelpDidYouMeanQuoted { word: String } => "did you mean \"{word}\"?", "mente du \"{word}\"?";
    HelpIndexedWhat =>
        "write \"wages\" or \"prices\", or leave it out for an amount fixed in kroner",
        "skriv \"wages\" eller \"prices\", eller udelad den for et fast beløb i kroner";
    IndexedNotAnIndex { written: String } =>
        "`indexed` is \"{written}\", not an index",
        "`indexed` er \"{written}\", ikke et indeks";
    LabelNotAnIndex => "not \"wages\" or \"prices\"", "ikke \"wages\" eller \"prices\"";
    NumberNotAYear => "the number is not a year", "tallet er ikke et år";
    ExpectYear => "a year such as 2024", "et år som 2024";
    NotAPercentage { written: String } =>
        "\"{written}\" is not a percentage", "\"{written}\" er ikke en procentsats";
    HelpWritePercent =>
        "write a percentage such as \"3 %\" or \"3,5 %\", or a decimal such as 0.035",
        "skriv en procentsats som \"3 %\" eller \"3,5 %\", eller et decimaltal som 0.035";
    RateBare { written: String, rate: Percent } =>
        "{written} would be a rise of {rate} a year",
        "{written} ville være en stigning på {rate} om året";
    RateDecimalComma { written: String } =>
        "\"{written}\" has a decimal comma, which a rate takes only with `%`",
        "\"{written}\" har decimalkomma, som en sats kun kan have med `%`";
    RateNotToml { written: String } =>
        "{written} is not TOML: a rate in percent is written in quotes",
        "{written} er ikke TOML: en sats i procent skrives i anførselstegn";
    LabelRateAYear { rate: Percent } => "+{rate} a year?", "+{rate} om året?";
    HelpRateBare { decimal: String, rate: Percent } =>
        "write {decimal} or \"{rate}\" for a rise of {rate} a year",
        "skriv {decimal} eller \"{rate}\" for en stigning på {rate} om året";
    RateFallAll { rate: Percent } =>
        "a fall of 100 % or more ({rate}) leaves nothing",
        "et fald på 100 % eller mere ({rate}) efterlader intet";
    LabelFallAll => "-100 % or less", "-100 % eller mindre";
    RateOver1000 { rate: Percent } =>
        "a rise of {rate} a year is more than 1,000 %",
        "en stigning på {rate} om året er mere end 1.000 %";
    LabelRateTooLarge => "too large", "for stor";
    HelpRateForm => "write 0.04 or \"4 %\" for 4 %", "skriv 0.04 eller \"4 %\" for 4 %";
    EffectiveNotADay =>
        "`effective` is a day in the year, \"MM-DD\", such as \"04-01\"",
        "`effective` er en dag i året, \"MM-DD\", som \"04-01\"";
    LabelNotMonthDay => "not \"MM-DD\"", "ikke \"MM-DD\"";

    // Defaults.
    DefaultsNotATable =>
        "`defaults` must be a table: [defaults] with paid_by and employer",
        "`defaults` skal være en tabel: [defaults] med paid_by og employer";
    HelpPaidByMissing =>
        "add `paid_by = \"brn\"` (or shares such as {{ region = \"1/3\", brn = \"2/3\" }}), or give every entry the same with [defaults] paid_by = …",
        "tilføj `paid_by = \"brn\"` (eller andele som {{ region = \"1/3\", brn = \"2/3\" }}), eller giv alle poster den samme med [defaults] paid_by = …";
}
