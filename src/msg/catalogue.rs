//! Every message, in English and in Danish.

#[allow(unused_imports)]
use super::{Count, Day, Days, Kr, List, Num, Ordinal, Ore, Parser, Parts, Percent};

super::messages! {
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
    NumberTwoWays { written: String, thousands: Num, decimal: Num } =>
        "{written} reads two ways: {thousands} with a separator between thousands, or {decimal} with a decimal mark",
        "{written} kan læses på to måder: {thousands} med tusindtalsseparator eller {decimal} med decimaltegn";
    LabelEitherNumber { thousands: Num, decimal: Num } => "{thousands} or {decimal}?", "{thousands} eller {decimal}?";
    HelpWriteEitherNumber { thousands_code: String, thousands: Num, decimal_code: String, decimal: Num } =>
        "write {thousands_code} for {thousands}, or {decimal_code} for {decimal}; in a scenario `_` is the only thousands separator and `.` the decimal point",
        "skriv {thousands_code} for {thousands} eller {decimal_code} for {decimal}; i et scenarie er `_` den eneste tusindtalsseparator og `.` decimaltegnet";
    NumberNotation { written: String } =>
        "{written} is a number written as in a text, with Danish or English separators; a scenario cannot read it",
        "{written} er et tal skrevet som i en tekst, med danske eller engelske skilletegn; et scenarie kan ikke læse det";
    LabelNotation => "written as in a text, not as in a scenario", "skrevet som i en tekst, ikke som i et scenarie";
    HelpWriteNumberAs { code: String } =>
        "write it as {code}: in a scenario `_` is the only thousands separator and `.` the decimal point",
        "skriv det som {code}: i et scenarie er `_` den eneste tusindtalsseparator og `.` decimaltegnet";
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
    InvalidToml { reason: Parser } => "invalid TOML: {reason}", "ugyldig TOML: {reason}";
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
    // Reading a file.
    CannotRead { reason: Box<Msg> } => "cannot read the file: {reason}", "kan ikke læse filen: {reason}";
    HelpCheckPath =>
        "check the path; scenario files usually live in scenarios/",
        "tjek stien; scenariefiler ligger som regel i scenarios/";
    HelpMayRead =>
        "check that the file exists and that you may read it",
        "tjek, at filen findes, og at du må læse den";
    IsDirectory => "is a directory, not a scenario file", "er en mappe, ikke en scenariefil";
    HelpIsDirectory =>
        "give a .toml scenario file; `klimabudget check DIR` checks every scenario in a directory",
        "angiv en .toml-scenariefil; `klimabudget check MAPPE` tjekker alle scenarier i en mappe";
    NotRegular { kind: Box<Msg> } =>
        "is {kind}, not a regular file; only regular files are read",
        "er {kind}, ikke en almindelig fil; kun almindelige filer læses";
    HelpRegular => "give the path of a .toml file saved on disk", "angiv stien til en .toml-fil gemt på disken";
    CharDevice => "a character device", "en tegnenhed";
    BlockDevice => "a block device", "en blokenhed";
    Fifo => "a named pipe (FIFO)", "et navngivet rør (FIFO)";
    Socket => "a socket", "en sokkel (socket)";
    SpecialFile => "a special file", "en specialfil";
    TooLarge { mib: Count } =>
        "is {mib} MiB; scenario files over 100 MiB are refused",
        "er {mib} MiB; scenariefiler over 100 MiB afvises";
    HelpTooLarge =>
        "a scenario is a small text file; check that this is the file you meant",
        "et scenarie er en lille tekstfil; tjek, at det er den fil, du mente";
    Binary => "is a binary file, not a TOML scenario", "er en binær fil, ikke et TOML-scenarie";
    HelpBinary =>
        "give a scenario file written as text, such as scenarios/status-quo.toml",
        "angiv en scenariefil skrevet som tekst, som scenarios/status-quo.toml";
    NotUtf8 { line: Count } =>
        "is not UTF-8 text (invalid byte on line {line})",
        "er ikke UTF-8-tekst (ugyldig byte i linje {line})";
    HelpUtf8 =>
        "save the file as UTF-8; most editors offer it under \"Save as\" or \"Encoding\"",
        "gem filen som UTF-8; de fleste editorer har det under \"Gem som\" eller \"Kodning\"";
    LoneCr { lines: Count } =>
        "its {lines} lines end in a lone carriage return (CR, as on old Macs); TOML lines end in LF or CR LF",
        "dens {lines} linjer ender med et enligt vognretur (CR, som på gamle Mac'er); TOML-linjer ender med LF eller CR LF";
    HelpLineEndings =>
        "save the file with Unix (LF) or Windows (CR LF) line endings",
        "gem filen med Unix- (LF) eller Windows-linjeskift (CR LF)";
    NoSuchFile => "no such file", "filen findes ikke";
    NoSuchDirectory => "no such directory", "mappen findes ikke";
    PermissionDenied => "permission denied", "adgang nægtet";
    Io { reason: String } => "{reason}", "{reason}";
    NotValidToml => "it is not valid TOML", "den er ikke gyldig TOML";

    // Who a message is about.
    OwnerFile => "the file", "filen";
    OwnerKeyFile => "the key file", "nøglefilen";
    OwnerTheScenario => "the scenario", "scenariet";
    OwnerScenario => "[scenario]", "[scenario]";
    OwnerIndexation => "[indexation]", "[indexation]";
    OwnerRates { key: String } => "[indexation] `{key}`", "[indexation] `{key}`";
    OwnerDefaults => "[defaults]", "[defaults]";
    OwnerFunder { id: String } => "funder `{id}`", "finansieringskilde `{id}`";
    OwnerPost { id: String } => "post `{id}`", "stilling `{id}`";
    OwnerCost { id: String } => "cost `{id}`", "udgift `{id}`";
    OwnerFunding { id: String } => "funding `{id}`", "finansiering `{id}`";
    OwnerNthEntry { n: Ordinal, list: String } => "the {n} [[{list}]] entry", "den {n} [[{list}]]-post";
    OwnerKey { id: String } => "key `{id}`", "nøgle `{id}`";
    OwnerMember { key: Box<Msg>, id: String } => "{key}, member `{id}`", "{key}, medlem `{id}`";

    // The shape of a file.
    TableTwice { header: String } => "the table {header} is defined twice", "tabellen {header} er defineret to gange";
    KeyTwice { key: String } =>
        "the key `{key}` is given twice in one table",
        "nøglen `{key}` er angivet to gange i samme tabel";
    LabelAgainHere => "again here", "igen her";
    LabelFirstHere => "first here", "første gang her";
    HelpOnce =>
        "each key and table may appear once; remove one, or rename it",
        "hver nøgle og tabel må kun optræde én gang; fjern den ene, eller omdøb den";
    UnknownKey { owner: Box<Msg>, key: String } => "{owner}: unknown key `{key}`", "{owner}: ukendt nøgle `{key}`";
    LabelUnknownKey => "unknown key", "ukendt nøgle";
    HelpKeysAllowed { keys: List } => "the keys allowed here are: {keys}", "de tilladte nøgler her er: {keys}";
    HelpDidYouMean { word: String } => "did you mean `{word}`?", "mente du `{word}`?";
    HelpIdNotName { id: String, name: String } =>
        "did you mean `{id}`? (`{name}` is its name; here it is named by its id)",
        "mente du `{id}`? (`{name}` er dens navn; her angives id'et)";
    KeyMissing { owner: Box<Msg>, key: String } => "{owner}: `{key}` is missing", "{owner}: `{key}` mangler";
    LabelNoKeyHere { key: String } => "no `{key}` here", "ingen `{key}` her";
    HelpAddKey { key: String, example: String } => "add `{key} = {example}`", "tilføj `{key} = {example}`";
    NoTable { key: String } => "there is no [{key}] table", "der er ingen [{key}]-tabel";
    EmptyFile => "the file is empty: there is no scenario in it", "filen er tom: der er intet scenarie i den";
    HelpWhatScenarioHas =>
        "a scenario has a [scenario] table (name, start, end), [funders.<id>] tables, and [[posts]], [[costs]] and [[funding]] entries; see the README",
        "et scenarie har en [scenario]-tabel (name, start, end), [funders.<id>]-tabeller og [[posts]]-, [[costs]]- og [[funding]]-poster; se README";
    NotAScenario { keys: List } =>
        "this TOML file is not a klimabudget scenario (its keys are {keys})",
        "denne TOML-fil er ikke et klimabudget-scenarie (dens nøgler er {keys})";
    LabelNotAScenarioKey => "not a scenario key", "ikke en scenarienøgle";
    HelpScenarioStarts =>
        "a scenario starts with a [scenario] table (name, start, end) and [funders.<id>] tables; see the README",
        "et scenarie begynder med en [scenario]-tabel (name, start, end) og [funders.<id>]-tabeller; se README";
    ScenarioHeaderMissing { keys: List } =>
        "there is no [scenario] header above {keys}",
        "der er ingen [scenario]-overskrift over {keys}";
    LabelBelongsUnderScenario => "belongs under [scenario]", "hører under [scenario]";
    HelpAddScenarioHeader { key: String } =>
        "write [scenario] on a line of its own above `{key}`",
        "skriv [scenario] på en linje for sig over `{key}`";
    HelpAddScenario =>
        "add a [scenario] table with the name and window, such as: [scenario] name = \"Det Fælles Klimasekretariat\" start = 2023-01-01 end = 2026-12-31",
        "tilføj en [scenario]-tabel med navn og periode, som: [scenario] name = \"Det Fælles Klimasekretariat\" start = 2023-01-01 end = 2026-12-31";
    ScenarioNotATable =>
        "`scenario` must be a table: write [scenario] on its own line, then name, start and end below it",
        "`scenario` skal være en tabel: skriv [scenario] på en linje for sig og name, start og end under den";
    NameEmpty => "[scenario]: `name` is empty", "[scenario]: `name` er tom";
    LabelEmptyName => "empty name", "tomt navn";
    ShortNameEmpty => "[scenario]: `short_name` is empty", "[scenario]: `short_name` er tom";
    HelpShortName =>
        "give a short name for column heads (`Status quo`), or leave `short_name` out",
        "angiv et kort navn til kolonneoverskrifter (`Status quo`), eller udelad `short_name`";
    HelpNameScenario => "give the scenario a name; it heads every table", "giv scenariet et navn; det står over alle tabeller";
    EndBeforeStart { end: Day, start: Day } =>
        "[scenario]: `end` ({end}) is before `start` ({start})",
        "[scenario]: `end` ({end}) ligger før `start` ({start})";
    LabelBeforeStart => "before the start", "før starten";
    HelpWindow =>
        "the window runs from `start` to `end`, both days included",
        "perioden løber fra `start` til `end`, begge dage medregnet";

    // Funders.
    FundersNotATable =>
        "`funders` must be a table of funders: write [funders.brn] with name = \"…\" below it",
        "`funders` skal være en tabel af finansieringskilder: skriv [funders.brn] med name = \"…\" under den";
    FunderNotATable { owner: Box<Msg> } =>
        "{owner} must be a table, such as {{ name = \"…\" }}",
        "{owner} skal være en tabel, som {{ name = \"…\" }}";
    NoFunders => "there are no funders", "der er ingen finansieringskilder";
    LabelNoFundersHere => "no funders here", "ingen finansieringskilder her";
    HelpAddFunderTable =>
        "add a table for each funder, such as: [funders.brn] name = \"Business Region North Denmark\"",
        "tilføj en tabel for hver finansieringskilde, som: [funders.brn] name = \"Business Region North Denmark\"";
    HelpAddFunder =>
        "add at least one funder: [funders.brn] with name = \"…\"",
        "tilføj mindst én finansieringskilde: [funders.brn] med name = \"…\"";
    HelpDeclareFunders { tables: List } =>
        "declare each funder the entries name, {tables}, with name = \"…\"",
        "angiv hver finansieringskilde, posterne nævner, {tables}, med name = \"…\"";
    HelpDeclareFunderFirst => "declare the funder first: [funders.<id>]", "angiv finansieringskilden først: [funders.<id>]";
    HelpFundersAre { funders: List, id: String } =>
        "the funders of this scenario are {funders}; declare a new one as [funders.{id}]",
        "scenariets finansieringskilder er {funders}; angiv en ny som [funders.{id}]";
    HelpFundersAreOnly { funders: List } =>
        "the funders of this scenario are {funders}", "scenariets finansieringskilder er {funders}";
    UnknownFunder { owner: Box<Msg>, key: String, id: String } =>
        "{owner}: `{key}`: unknown funder `{id}`",
        "{owner}: `{key}`: ukendt finansieringskilde `{id}`";
    UnknownFunderNamed { owner: Box<Msg>, key: String, id: String, times: Count } =>
        "{owner}: `{key}`: unknown funder `{id}` (named {times} times)",
        "{owner}: `{key}`: ukendt finansieringskilde `{id}` (nævnt {times} gange)";
    LabelNoSuchFunder => "no such funder", "ingen sådan finansieringskilde";
    LabelAlsoHere => "also here", "også her";
    RemovedFunderUsed { id: String, owner: Box<Msg>, key: String } =>
        "`remove` drops funder `{id}`, but {owner} still names it in `{key}`",
        "`remove` fjerner finansieringskilden `{id}`, men {owner} nævner den stadig i `{key}`";
    LabelRemovedHere => "removed here", "fjernet her";
    LabelStillUsedHere => "still used here", "stadig brugt her";
    HelpRemovedFunderUsed { id: String, owner: Box<Msg>, key: String } =>
        "remove or change what uses `{id}` as well (the variant can give {owner} another `{key}`), or keep the funder",
        "fjern eller ret også det, der bruger `{id}` (varianten kan give {owner} en anden `{key}`), eller behold finansieringskilden";
    PaidByEmpty { owner: Box<Msg> } =>
        "{owner}: `paid_by` names no funder", "{owner}: `paid_by` nævner ingen finansieringskilde";
    LabelNoFunders => "no funders", "ingen finansieringskilder";
    HelpPaidByEmpty =>
        "name the funder who pays, such as paid_by = \"brn\", or shares such as {{ brn = 0.5, region = 0.5 }}",
        "angiv den finansieringskilde, der betaler, som paid_by = \"brn\", eller andele som {{ brn = 0.5, region = 0.5 }}";
    Number { number: Num } => "{number}", "{number}";
    UnmanageableFraction => "an unmanageable fraction", "en uhåndterlig brøk";
    SharesNotOne { owner: Box<Msg>, sum: Box<Msg> } =>
        "{owner}: the shares of `paid_by` add up to {sum}, not 1",
        "{owner}: andelene i `paid_by` giver {sum}, ikke 1";
    LabelAddUpTo { sum: Box<Msg> } => "these add up to {sum}", "disse giver {sum}";
    HelpSharesOne =>
        "make the shares add up to exactly 1; write thirds as \"1/3\"",
        "lad andelene give præcis 1; skriv tredjedele som \"1/3\"";
    PaidByWrongKind { owner: Box<Msg> } =>
        "{owner}: `paid_by` must be a funder id such as \"brn\", or shares such as {{ brn = 0.5, municipalities = 0.5 }}",
        "{owner}: `paid_by` skal være en finansieringskildes id som \"brn\" eller andele som {{ brn = 0.5, municipalities = 0.5 }}";

    // Entries.
    ListNotAList { key: String } =>
        "`{key}` must be a list of entries: write each as [[{key}]] followed by its keys",
        "`{key}` skal være en liste af poster: skriv hver som [[{key}]] efterfulgt af dens nøgler";
    EntryNotATable { key: String } =>
        "each entry of `{key}` must be a table, such as [[{key}]] with id = \"…\"",
        "hver post i `{key}` skal være en tabel, som [[{key}]] med id = \"…\"";
    ToBeforeFrom { owner: Box<Msg>, to: Day, from: Day } =>
        "{owner}: `to` ({to}) is before `from` ({from})",
        "{owner}: `to` ({to}) ligger før `from` ({from})";
    HelpFromTo =>
        "`from` is the first day and `to` the last, both included",
        "`from` er den første dag og `to` den sidste, begge medregnet";
    HelpFlowShape =>
        "an entry is either yearly (`annual`, with optional `from` and `to`) or one-off (`amount` with `date`)",
        "en post er enten årlig (`annual`, evt. med `from` og `to`) eller et engangsbeløb (`amount` med `date`)";
    BothAnnualAndAmount { owner: Box<Msg> } =>
        "{owner}: has both `annual` and `amount`", "{owner}: har både `annual` og `amount`";
    LabelSecondFlow => "second kind of flow", "anden slags beløb";
    NeitherAnnualNorAmount { owner: Box<Msg> } =>
        "{owner}: has neither `annual` nor `amount`", "{owner}: har hverken `annual` eller `amount`";
    LabelNoAmountHere => "no amount here", "intet beløb her";
    DateWithAnnual { owner: Box<Msg> } =>
        "{owner}: `date` belongs to a one-off `amount`, not to `annual`",
        "{owner}: `date` hører til et engangsbeløb (`amount`), ikke til `annual`";
    LabelNotForAnnual => "not for `annual`", "ikke til `annual`";
    HelpFromToInstead =>
        "a yearly flow runs `from` one day `to` another; write those instead",
        "et årligt beløb løber fra én dag (`from`) til en anden (`to`); skriv dem i stedet";
    FromToWithAmount { owner: Box<Msg>, key: String } =>
        "{owner}: `{key}` belongs to an `annual` flow, not to a one-off `amount`",
        "{owner}: `{key}` hører til et årligt beløb (`annual`), ikke til et engangsbeløb (`amount`)";
    LabelNotForAmount => "not for `amount`", "ikke til `amount`";
    HelpGiveDate => "a one-off falls on one day: give it a `date`", "et engangsbeløb falder på én dag: giv det en `date`";
    AmountWithoutDate { owner: Box<Msg> } =>
        "{owner}: a one-off `amount` needs a `date`",
        "{owner}: et engangsbeløb (`amount`) kræver en `date`";
    LabelNoDate => "no `date` for this", "ingen `date` til dette";
    HelpAddDate => "add `date = 2023-07-01`: the day the amount falls", "tilføj `date = 2023-07-01`: dagen, beløbet falder";
    DateOutside { owner: Box<Msg>, date: Day, window: Days } =>
        "{owner}: `date` {date} is outside the scenario window {window}",
        "{owner}: `date` {date} ligger uden for scenariets periode {window}";
    LabelOutsideWindow => "outside the window", "uden for perioden";
    HelpDateIntoWindow =>
        "move the date into the window, or widen [scenario] start and end",
        "flyt datoen ind i perioden, eller udvid [scenario] start og end";
    StartsAfterWindow { owner: Box<Msg>, from: Day, end: Day } =>
        "{owner}: starts {from}, after the scenario window ends ({end})",
        "{owner}: begynder {from}, efter at scenariets periode slutter ({end})";
    EndsBeforeWindow { owner: Box<Msg>, to: Day, start: Day } =>
        "{owner}: ends {to}, before the scenario window starts ({start})",
        "{owner}: slutter {to}, før scenariets periode begynder ({start})";
    HelpIntoWindow { window: Days } =>
        "the scenario runs {window}; move `from` and `to` into it, or widen [scenario] start and end",
        "scenariet løber {window}; flyt `from` og `to` ind i perioden, eller udvid [scenario] start og end";
    PartlyOutside { owner: Box<Msg>, declared: Days, counted: Days } =>
        "{owner}: runs {declared}, partly outside the window; only {counted} is counted",
        "{owner}: løber {declared}, delvis uden for perioden; kun {counted} medregnes";
    HelpClipped =>
        "this is fine if intended; set `from` and `to` inside the window to silence it",
        "det er i orden, hvis det er meningen; sæt `from` og `to` inden for perioden for at fjerne advarslen";
    LabelClipped => "clipped to the window", "beskåret til perioden";
    IndexedWithoutIndexation { entries: Count } =>
        "`indexed` needs an [indexation] table, and there is none (entries indexed: {entries})",
        "`indexed` kræver en [indexation]-tabel, og der er ingen (fremskrevne poster: {entries})";
    LabelIndexedByWhat => "indexed by what rates?", "fremskrevet med hvilke satser?";
    HelpDeclareIndexation =>
        "declare [indexation] with base_year and the yearly rises of wages and prices",
        "angiv [indexation] med base_year og de årlige stigninger i løn og priser";
    FteUnusual { owner: Box<Msg>, fte: Num } =>
        "{owner}: fte is {fte}; one post of more than 2 FTE is unusual",
        "{owner}: fte er {fte}; en stilling på mere end 2 årsværk er usædvanlig";
    LabelMoreThan2Fte => "more than 2 FTE", "mere end 2 årsværk";
    HelpFteSize =>
        "fte is the size of one post (1 = one person full time); write several posts for several people",
        "fte er én stillings størrelse (1 = én person på fuld tid); skriv flere stillinger for flere personer";
    CostPerFteUnusual { owner: Box<Msg>, cost: Kr } =>
        "{owner}: annual_cost_per_fte is {cost}, outside the usual 100,000–3,000,000 kr.",
        "{owner}: annual_cost_per_fte er {cost}, uden for de sædvanlige 100.000–3.000.000 kr.";
    LabelUnusualCost => "unusual for a full-time year", "usædvanligt for et årsværk";
    HelpCostPerFte =>
        "annual_cost_per_fte is what one full-time year costs (salary, pension, overhead), not a month or the whole post",
        "annual_cost_per_fte er, hvad et årsværk koster (løn, pension, overhead), ikke en måned eller hele stillingen";
    IdleFunder { id: String } =>
        "funder `{id}` has neither costs nor funding",
        "finansieringskilden `{id}` har hverken udgifter eller finansiering";
    HelpIdleFunder =>
        "it shows as 0 everywhere; name it in a `paid_by` or a [[funding]] entry, remove it, or add a `note` that says why it is there",
        "den vises som 0 overalt; nævn den i en `paid_by` eller en [[funding]]-post, fjern den, eller tilføj en `note`, der siger, hvorfor den er med";
    LabelPaysNothing => "pays and provides nothing", "betaler og bidrager intet";
    DuplicateId { id: String, first: Box<Msg> } =>
        "duplicate id `{id}`: {first} has it already",
        "id'et `{id}` findes to gange: {first} har det allerede";
    LabelUsedAgain => "used again here", "brugt igen her";
    LabelFirstUsed => "first used here", "første gang brugt her";
    HelpUniqueIds =>
        "ids are unique across [[funding]], [[posts]] and [[costs]]; rename one",
        "id'er er entydige på tværs af [[funding]], [[posts]] og [[costs]]; omdøb det ene";

    // Assumption marks (`assumption = …` on an entry or on [indexation]).
    OwnerAssumption { owner: Box<Msg> } => "{owner}: `assumption`", "{owner}: `assumption`";
    MarkedTwice { owner: Box<Msg>, field: String } =>
        "{owner}: `assumption`: `{field}` is marked twice",
        "{owner}: `assumption`: `{field}` er markeret to gange";
    LabelMarkedAgain => "marked again", "markeret igen";
    HelpMarkOnce => "mark each field once, with one range", "markér hvert felt én gang, med ét interval";
    NothingToVary { owner: Box<Msg> } =>
        "{owner}: `assumption`: there is nothing to vary",
        "{owner}: `assumption`: der er intet at variere";
    LabelNoRates => "no rates", "ingen satser";
    HelpGiveRates =>
        "give the yearly rises of wages or prices the mark is about",
        "angiv de årlige stigninger i løn eller priser, som markeringen handler om";
    FieldNotVariable { owner: Box<Msg>, field: String } =>
        "{owner}: `field` `{field}` is not a number or date of it that can be varied",
        "{owner}: `field` `{field}` er ikke et tal eller en dato, der kan varieres her";
    LabelNoSuchField => "no such field", "intet sådant felt";
    HelpMarkOneOf { fields: List } => "mark one of {fields}", "markér et af felterne {fields}";
    AssumptionWrongKind { owner: Box<Msg>, kind: Box<Msg> } =>
        "{owner}: `assumption` is {kind}", "{owner}: `assumption` er {kind}";
    LabelNotAMark => "not a mark", "ikke en markering";
    HelpAssumptionForms =>
        "write assumption = true, assumption = \"why\", or assumption = {{ field = \"…\", why = \"…\", range = \"10%\" }}",
        "skriv assumption = true, assumption = \"hvorfor\" eller assumption = {{ field = \"…\", why = \"…\", range = \"10%\" }}";
    RangeNotPercentage =>
        "not a percentage from 0 % to below 100 %", "ikke en procentsats fra 0 % til under 100 %";
    RangeDaysBackwards => "the low end is after the high end", "den lave ende ligger efter den høje";
    RangeBackwards => "the low end is above the high end", "den lave ende er højere end den høje";
    RangeNotARange => "not a range", "ikke et interval";
    HelpRangeForms { both: String } =>
        "write range = \"10%\" (either way), or the two ends: range = {both}",
        "skriv range = \"10%\" (i begge retninger) eller de to ender: range = {both}";
    HelpEarlierFirst { both: String } =>
        "write the earlier day first: {both}", "skriv den tidligste dag først: {both}";
    HelpLowerFirst { both: String } =>
        "write the lower value first: {both}", "skriv den laveste værdi først: {both}";
    HelpDateRange { both: String } =>
        "a date varies between two days: range = {both}",
        "en dato varierer mellem to dage: range = {both}";

    // Keys.
    KeysListsPaths =>
        "`keys` lists key files by path, such as keys = [\"../keys/population-2020.toml\"]",
        "`keys` angiver nøglefiler ved deres sti, som keys = [\"../keys/population-2020.toml\"]";
    KeysWrongKind =>
        "`keys` is a list of key files, such as keys = [\"../keys/population-2020.toml\"], or keys defined here as [keys.<id>] tables",
        "`keys` er en liste af nøglefiler, som keys = [\"../keys/population-2020.toml\"], eller nøgler defineret her som [keys.<id>]-tabeller";
    NamedNotRead { key: String, written: String, reason: Box<Msg> } =>
        "`{key}`: `{written}` is not read: {reason}", "`{key}`: `{written}` læses ikke: {reason}";
    LabelOutsideRoot => "outside the root", "uden for roden";
    NotReadAhead => "it was not read ahead", "den blev ikke læst på forhånd";
    KeyFileHoldsKeys => "a key file holds [keys.<id>] tables", "en nøglefil indeholder [keys.<id>]-tabeller";
    KeyFileNoKeys => "this key file defines no keys", "denne nøglefil definerer ingen nøgler";
    HelpDefineKeys =>
        "define keys as [keys.<id>] tables with `name`, `source`, `as_of` and [keys.<id>.members]",
        "definér nøgler som [keys.<id>]-tabeller med `name`, `source`, `as_of` og [keys.<id>.members]";
    CannotReadKeyFile { written: String, path: String, reason: Box<Msg> } =>
        "cannot read the key file `{written}` ({path}): {reason}",
        "kan ikke læse nøglefilen `{written}` ({path}): {reason}";
    LabelThisKeyFile => "this key file", "denne nøglefil";
    HelpKeyFiles =>
        "key files are found relative to the file that names them: from scenarios/, the shipped ones are ../keys/population-2020.toml and ../keys/brn-contributions.toml",
        "nøglefiler findes i forhold til den fil, der nævner dem: fra scenarios/ er de medfølgende ../keys/population-2020.toml og ../keys/brn-contributions.toml";
    KeyNotATable { owner: Box<Msg>, whose: Box<Msg>, id: String } =>
        "{owner} in {whose} must be a table: [keys.{id}] with its members",
        "{owner} i {whose} skal være en tabel: [keys.{id}] med dens medlemmer";
    MembersNotATable { owner: Box<Msg> } =>
        "{owner}: `members` is a table of members by id, such as aalborg = {{ name = \"Aalborg Kommune\", weight = 217_075 }}",
        "{owner}: `members` er en tabel af medlemmer efter id, som aalborg = {{ name = \"Aalborg Kommune\", weight = 217_075 }}";
    LabelNoMembers => "no members", "ingen medlemmer";
    NoMembers { owner: Box<Msg> } => "{owner} has no members", "{owner} har ingen medlemmer";
    MemberNotATable { owner: Box<Msg> } =>
        "{owner} must be a table, such as {{ name = \"Aalborg Kommune\", weight = 217_075 }}",
        "{owner} skal være en tabel, som {{ name = \"Aalborg Kommune\", weight = 217_075 }}";
    NoWeight { owner: Box<Msg> } => "{owner} has no weight", "{owner} har ingen vægt";
    LabelNoWeight => "no weight", "ingen vægt";
    HelpGiveWeight =>
        "give each member a `weight` (such as its population), or a `rate` per inhabitant with the key's `per`",
        "giv hvert medlem en `weight` (som dets folketal) eller en `rate` pr. indbygger med nøglens `per`";
    KeyTwiceDefined { id: String } => "the key `{id}` is defined twice", "nøglen `{id}` er defineret to gange";
    LabelDefinedAgain => "defined again here", "defineret igen her";
    LabelFirstDefined => "first defined here", "første gang defineret her";
    HelpKeyTwice =>
        "rename one of them, or name only one of the key files",
        "omdøb den ene, eller nævn kun én af nøglefilerne";
    HelpNoKeys =>
        "define the key as [keys.<id>], or name the key file that defines it: keys = [\"../keys/population-2020.toml\"]",
        "definér nøglen som [keys.<id>], eller nævn den nøglefil, der definerer den: keys = [\"../keys/population-2020.toml\"]";
    HelpKeysDefined { keys: List } => "the keys defined are {keys}", "de definerede nøgler er {keys}";
    KeyNotDefined { owner: Box<Msg>, id: String } =>
        "{owner}: the key `{id}` is not defined", "{owner}: nøglen `{id}` er ikke defineret";
    LabelNoSuchKey => "no such key", "ingen sådan nøgle";
    SplitTwice { member: String, as_funder: String, as_member: String, key: String } =>
        "`{member}` is split by `{as_funder}` as a funder but by `{as_member}` as a member of key `{key}`",
        "`{member}` fordeles efter `{as_funder}` som finansieringskilde, men efter `{as_member}` som medlem af nøglen `{key}`";
    LabelSecondSplit => "a second split", "en anden fordeling";
    HelpOneSplit =>
        "a party is split by one key; name the same key in both places, or only in one",
        "en part fordeles efter én nøgle; nævn den samme nøgle begge steder, eller kun ét sted";
    RateTimesInhabitants { key: String, member: String, per: String } =>
        "key `{key}`, member `{member}`: rate × inhabitants of `{per}` is too large or too fine a fraction to compute exactly",
        "nøgle `{key}`, medlem `{member}`: sats × indbyggere efter `{per}` er for stor eller for fin en brøk til at regne nøjagtigt med";
    LabelThisRate => "this rate", "denne sats";
    HelpRateWhole =>
        "give the rate and the population key's weights as whole numbers or decimals",
        "angiv satsen og befolkningsnøglens vægte som hele tal eller decimaltal";
    RateWithoutPer { key: String, member: String } =>
        "key `{key}`, member `{member}`: a `rate` needs the key's `per`",
        "nøgle `{key}`, medlem `{member}`: en `rate` kræver nøglens `per`";
    LabelRateOfWhat => "a rate per inhabitant of what?", "en sats pr. indbygger efter hvad?";
    HelpNamePer => "name a population key: per = \"population-2020\"", "nævn en befolkningsnøgle: per = \"population-2020\"";
    GroupsCycle { chain: String } => "groups contain each other: {chain}", "grupper indeholder hinanden: {chain}";
    LabelLeadsBack { member: String, key: String } =>
        "`{member}` leads back to `{key}`", "`{member}` fører tilbage til `{key}`";
    HelpGroupsCycle =>
        "a group's members cannot contain the group itself; check which key each `members` and `raised_by` names",
        "en gruppes medlemmer kan ikke indeholde gruppen selv; tjek, hvilken nøgle hver `members` og `raised_by` nævner";

    // The root files a scenario may name are in.
    RootUnusable { root: String, reason: Box<Msg> } =>
        "the root directory {root} cannot be used ({reason}), so no file it names is read",
        "rodmappen {root} kan ikke bruges ({reason}), så ingen fil, den nævner, læses";
    HelpRootExists => "give an existing directory as --root", "angiv en eksisterende mappe som --root";
    TheRootFlag => "--root", "--root";
    TheWorkingDirectory => "the working directory", "arbejdsmappen";
    OutsideRoot { path: String, root: String, whose: Box<Msg> } =>
        "{path} is outside {root} ({whose}); a scenario may only name files inside it",
        "{path} ligger uden for {root} ({whose}); et scenarie må kun nævne filer inden for den";
    HelpOutsideRoot { flag: String } =>
        "run klimabudget from a directory that holds both files, give {flag}, or add --allow-outside if you trust this scenario",
        "kør klimabudget fra en mappe, der rummer begge filer, angiv {flag}, eller tilføj --allow-outside, hvis du stoler på scenariet";

    // Variants (`extends`, `remove`).
    RemoveWithoutExtends =>
        "`remove` is for a variant: there is no `extends` to remove entries from",
        "`remove` er til varianter: der er ingen `extends` at fjerne poster fra";
    LabelNothingToRemove => "nothing to remove from", "intet at fjerne fra";
    HelpWriteExtends =>
        "write extends = \"base.toml\" to build on another scenario",
        "skriv extends = \"base.toml\" for at bygge på et andet scenarie";
    ExtendsOneFile =>
        "`extends` names one scenario file, such as extends = \"joint-secretariat.toml\"",
        "`extends` nævner én scenariefil, som extends = \"joint-secretariat.toml\"";
    ExtendsCircle { chain: String } => "`extends` goes round in a circle: {chain}", "`extends` går i ring: {chain}";
    LabelLeadsBackPlain => "leads back", "fører tilbage";
    HelpExtendsItself =>
        "a scenario cannot extend itself, directly or through others",
        "et scenarie kan ikke bygge på sig selv, hverken direkte eller gennem andre";
    Chain { chain: String } => "{chain}", "{chain}";
    ChainCut { first: String, more: Count, last: String } =>
        "{first} → … ({more} more) → {last}", "{first} → … ({more} mere) → {last}";
    ExtendsTooDeep { max: Count, chain: Box<Msg>, next: String } =>
        "`extends` goes more than {max} files deep: {chain} → {next}",
        "`extends` går mere end {max} filer i dybden: {chain} → {next}";
    LabelOneBaseTooMany => "one base too many", "ét grundlag for meget";
    HelpExtendsDepth { max: Count } =>
        "a variant may build on at most {max} scenarios in a chain; extend one nearer the end of the chain directly",
        "en variant kan højst bygge på {max} scenarier i en kæde; byg direkte på et nærmere kædens ende";
    CannotReadBase { written: String, path: String, reason: Box<Msg> } =>
        "cannot read the scenario `{written}` it extends ({path}): {reason}",
        "kan ikke læse scenariet `{written}`, som der bygges på ({path}): {reason}";
    LabelThisFile => "this file", "denne fil";
    HelpExtendsRelative => "`extends` is relative to the variant's own file", "`extends` angives i forhold til variantens egen fil";
    VariantListNotAList { key: String } =>
        "`{key}` must be a list of entries in the variant as in its base",
        "`{key}` skal være en liste af poster i varianten som i grundlaget";
    LabelNotAList => "not a list", "ikke en liste";
    HelpEachWithId { key: String } => "write each as [[{key}]] with its id", "skriv hver som [[{key}]] med dens id";
    RemoveListsIds =>
        "`remove` lists the ids of entries to drop, such as remove = [\"gen2040-post\"]",
        "`remove` angiver id'erne på de poster, der skal fjernes, som remove = [\"gen2040-post\"]";
    RemoveIdsAsStrings => "`remove` lists ids as strings", "`remove` angiver id'er som tekst";
    RemoveNothing { id: String } =>
        "`remove`: the base has no entry or funder `{id}`",
        "`remove`: grundlaget har ingen post eller finansieringskilde `{id}`";
    LabelNothingById => "nothing by this id", "intet med dette id";
    HelpRemoveWhat =>
        "name the id of a post, cost, funding entry or funder of the scenario it extends",
        "nævn id'et på en stilling, udgift, finansiering eller finansieringskilde i det scenarie, der bygges på";

    // Figures.
    UnusedFunding { id: String, amount: Ore, end: Day } =>
        "funder `{id}` has {amount} of its funding unused at the end of the window ({end})",
        "finansieringskilden `{id}` har {amount} af sin finansiering tilbage ved periodens udgang ({end})";
    LabelFundingLeftOver => "funding left over", "finansiering tilbage";
    HelpUnusedFunding =>
        "lower its funding, or give the money a use; if it covers whatever falls to it, mark it `residual = true`",
        "sænk dens finansiering, eller giv pengene en anvendelse; dækker den det, der ikke er finansieret på anden vis, så markér den `residual = true`";
    ComputeTooFine =>
        "the FTE, shares and amounts use fractions too fine to compute exactly together; use fewer decimals or simpler fractions",
        "årsværk, andele og beløb bruger brøker, der tilsammen er for fine til at regne nøjagtigt med; brug færre decimaler eller enklere brøker";
    ComputeTooLarge =>
        "the amounts add up to more than can be computed exactly; use smaller amounts or a shorter window",
        "beløbene giver tilsammen mere, end der kan regnes nøjagtigt med; brug mindre beløb eller en kortere periode";
    ComputeNotTraceable =>
        "its fractions are too fine to trace a figure month by month on one exact scale (its figures are exact: they add up groups of entries in arbitrary precision); explain it with simpler fractions",
        "dens brøker er for fine til at spore et tal måned for måned på én nøjagtig skala (tallene er nøjagtige: de lægger grupper af poster sammen med vilkårlig præcision); forklar det med enklere brøker";
    ComputeEntry { owner: Box<Msg> } =>
        "{owner}: its FTE, amounts and shares are too fine or too large to compute exactly, even on its own; use fewer decimals, simpler fractions or smaller amounts",
        "{owner}: dens årsværk, beløb og andele er for fine eller for store til at regne nøjagtigt med, selv alene; brug færre decimaler, enklere brøker eller mindre beløb";
    ComputeKey { key: String, what: Box<Msg> } =>
        "key `{key}`: {what}; give whole weights (such as population counts), decimals or simpler fractions",
        "nøgle `{key}`: {what}; angiv hele vægte (som folketal), decimaltal eller enklere brøker";
    KeyTooFineCost =>
        "its members' shares are fractions too fine to share the cost out exactly",
        "dens medlemmers andele er for fine brøker til at fordele udgiften nøjagtigt";
    KeyNestsDeep => "its groups nest more than 32 deep", "dens grupper er indlejret mere end 32 niveauer";

    BookingsFile { path: String, message: Box<Msg> } =>
        "bookings file {path}: {message}", "bogføringsfil {path}: {message}";

    // `[actuals]`: the bookings exports and the rules that map them.
    OwnerActuals => "[actuals]", "[actuals]";
    OwnerExplanations => "[actuals.explanations]", "[actuals.explanations]";
    OwnerRule { n: Count } => "[[actuals.map]] number {n}", "[[actuals.map]] nr. {n}";
    ColumnDate => "date", "dato";
    ColumnAmount => "amount", "beløb";
    ColumnDebit => "debit", "debet";
    ColumnCredit => "credit", "kredit";
    ColumnAccount => "account", "konto";
    ColumnText => "text", "tekst";
    ColumnVoucher => "voucher", "bilagsnummer";
    ActualsNotATable { found: Box<Msg> } =>
        "[actuals] must be a table, found {found}", "[actuals] skal være en tabel, fandt {found}";
    LabelNotATable => "not a table", "ikke en tabel";
    HelpActualsTable =>
        "write [actuals] with file, date and amount under it",
        "skriv [actuals] med file, date og amount under den";
    ListEmpty { owner: Box<Msg>, key: String } =>
        "{owner}: `{key}` is an empty list", "{owner}: `{key}` er en tom liste";
    LabelEmpty => "empty", "tom";
    HelpOneOrMore { key: String } =>
        "give `{key}` one value, or a list of at least one",
        "giv `{key}` én værdi eller en liste med mindst én";
    HelpAddFile =>
        "add `file = \"bookings.csv\"`: the export, relative to this scenario",
        "tilføj `file = \"bookings.csv\"`: eksporten, angivet i forhold til dette scenarie";
    KeyEmpty { owner: Box<Msg>, key: String } => "{owner}: `{key}` is empty", "{owner}: `{key}` er tom";
    LabelNoColumnName => "no column name", "intet kolonnenavn";
    HelpColumnName =>
        "give the column's name as the header line of the export writes it",
        "angiv kolonnens navn, som eksportens overskriftslinje skriver det";
    HelpAddColumn { key: String, column: Box<Msg> } =>
        "add `{key} = \"…\"` to [actuals]: the name of the export's {column} column, as its header line writes it",
        "tilføj `{key} = \"…\"` i [actuals]: navnet på eksportens kolonne med {column}, som overskriftslinjen skriver det";
    AmountAndDebitCredit =>
        "[actuals]: give `amount`, or `debit` and `credit`, not both",
        "[actuals]: angiv `amount` eller `debit` og `credit`, ikke begge dele";
    LabelDebitCreditToo => "and debit/credit too", "og også debit/credit";
    HelpOneAmountColumn =>
        "an export has one amount column, or a debit and a credit column",
        "en eksport har én beløbskolonne eller en debet- og en kreditkolonne";
    DelimiterUnknown { written: String } =>
        "[actuals]: `delimiter` must be \";\", \",\" or \"tab\", not \"{written}\"",
        "[actuals]: `delimiter` skal være \";\", \",\" eller \"tab\", ikke \"{written}\"";
    LabelUnknownDelimiter => "unknown delimiter", "ukendt skilletegn";
    HelpDelimiterOut =>
        "leave `delimiter` out to have it told from the header line",
        "udelad `delimiter`, så aflæses det af overskriftslinjen";
    DecimalUnknown { written: String } =>
        "[actuals]: `decimal` must be \",\" or \".\", not \"{written}\"",
        "[actuals]: `decimal` skal være \",\" eller \".\", ikke \"{written}\"";
    LabelUnknownDecimal => "unknown decimal mark", "ukendt decimaltegn";
    HelpDecimalMarks =>
        "\",\" for 1.234,56 (Danish), \".\" for 1234.56",
        "\",\" for 1.234,56 (dansk), \".\" for 1234.56";
    EncodingUnknown { written: String } =>
        "[actuals]: `encoding` \"{written}\" is not an encoding this program knows",
        "[actuals]: `encoding` \"{written}\" er ikke et tegnsæt, programmet kender";
    LabelUnknownEncoding => "unknown encoding", "ukendt tegnsæt";
    HelpEncodings =>
        "write \"utf-8\" or \"windows-1252\", or leave it out to have it told from the file",
        "skriv \"utf-8\" eller \"windows-1252\", eller udelad den, så aflæses tegnsættet af filen";
    IncomeUnknown { written: String } =>
        "[actuals]: `income` must be \"negative\" or \"positive\", not \"{written}\"",
        "[actuals]: `income` skal være \"negative\" eller \"positive\", ikke \"{written}\"";
    LabelUnknownSign => "unknown sign", "ukendt fortegn";
    HelpIncome =>
        "\"negative\" where money received is written with a minus, as in Danish public accounts",
        "\"negative\", hvor indtægter skrives med minus som i danske offentlige regnskaber";
    FromOutsideWindow { from: Day, window: Days } =>
        "[actuals]: `from` {from} is outside the scenario's window ({window})",
        "[actuals]: `from` {from} ligger uden for scenariets periode ({window})";
    HelpFromInWindow =>
        "give the first day the bookings cover, inside the window",
        "angiv den første dag, posteringerne dækker, inden for perioden";
    MaterialityCount =>
        "[actuals]: `materiality` takes a percentage, an amount, or one of each",
        "[actuals]: `materiality` er en procentsats, et beløb eller én af hver";
    LabelOneOrTwoThresholds => "one or two thresholds", "én eller to grænser";
    HelpMateriality =>
        "write a percentage of the budget to date such as \"5%\", an amount in kroner such as 25000, or both: [\"5%\", 25000]",
        "skriv en procentdel af budgettet til dato som \"5%\", et beløb i kroner som 25000 eller begge: [\"5%\", 25000]";
    MaterialityTwoPercentages =>
        "[actuals]: `materiality` gives two percentages",
        "[actuals]: `materiality` angiver to procentsatser";
    LabelSecondPercentage => "a second percentage", "en procentsats til";
    MaterialityNotPercentage { written: String } =>
        "[actuals]: `materiality`: \"{written}%\" is not a percentage",
        "[actuals]: `materiality`: \"{written}%\" er ikke en procentsats";
    LabelNotAPercentage => "not a percentage", "ikke en procentsats";
    MaterialityTwoAmounts =>
        "[actuals]: `materiality` gives two amounts",
        "[actuals]: `materiality` angiver to beløb";
    LabelSecondAmount => "a second amount", "et beløb til";
    MapNotAList =>
        "[actuals]: `map` must be a list of rules", "[actuals]: `map` skal være en liste af regler";
    HelpMapRules =>
        "write each rule as [[actuals.map]] with `account`, `text` or `voucher`, and `entry`",
        "skriv hver regel som [[actuals.map]] med `account`, `text` eller `voucher` og `entry`";
    RuleNotATable { owner: Box<Msg> } => "{owner} must be a table", "{owner} skal være en tabel";
    HelpRuleTable =>
        "write each rule as [[actuals.map]] with its keys below",
        "skriv hver regel som [[actuals.map]] med dens nøgler nedenunder";
    RuleNeedsColumn { owner: Box<Msg>, key: String, column: Box<Msg> } =>
        "{owner}: `{key}` needs the export's {column} column: [actuals] names none",
        "{owner}: `{key}` kræver eksportens kolonne med {column}: [actuals] nævner ingen";
    LabelNoSuchColumn => "no such column", "ingen sådan kolonne";
    LabelNotAPattern => "not a pattern", "ikke et mønster";
    HelpNumberPattern =>
        "write a number (22510), a glob (2250*) or a range (22500-22599)",
        "skriv et nummer (22510), et mønster med jokertegn (2250*) eller et interval (22500-22599)";
    HelpTextPattern =>
        "write words of the booking's text, such as \"GEN2040\"",
        "skriv ord fra posteringens tekst, som \"GEN2040\"";
    PatternEmpty => "an empty pattern matches nothing", "et tomt mønster passer på intet";
    PatternTooLong { written: String } =>
        "`{written}` has numbers too long to compare", "`{written}` har for lange tal til at sammenligne";
    PatternRangeBackwards { written: String } =>
        "the range `{written}` ends before it starts", "intervallet `{written}` slutter, før det begynder";
    PatternNoWords =>
        "a text pattern needs at least one letter or digit",
        "et tekstmønster skal have mindst ét bogstav eller ciffer";
    RuleMatchesAll { owner: Box<Msg> } =>
        "{owner} matches every booking: it has no `account`, `text` or `voucher`",
        "{owner} passer på alle posteringer: den har hverken `account`, `text` eller `voucher`";
    LabelNoCriterion => "no criterion", "intet kriterium";
    HelpRuleCriterion =>
        "say which bookings it is for: account = \"2250*\", text = \"GEN2040\" or voucher = \"10234\"",
        "angiv, hvilke posteringer den gælder: account = \"2250*\", text = \"GEN2040\" eller voucher = \"10234\"";
    RuleBothTargets { owner: Box<Msg> } =>
        "{owner} has both `entry` and `unallocated`", "{owner} har både `entry` og `unallocated`";
    LabelOneOrTheOther => "one or the other", "det ene eller det andet";
    HelpRuleTarget =>
        "a rule sends bookings to an entry, or says why they belong to none",
        "en regel sender posteringer til en post eller siger, hvorfor de ikke hører til nogen";
    RuleUnknownEntry { owner: Box<Msg>, id: String } =>
        "{owner}: `entry` \"{id}\" is no post, cost or funding entry of the scenario",
        "{owner}: `entry` \"{id}\" er hverken en stilling, en udgift eller en finansiering i scenariet";
    LabelUnknownEntry => "unknown entry", "ukendt post";
    HelpEntriesAre { ids: List } => "the entries are: {ids}", "posterne er: {ids}";
    LabelNoReason => "no reason", "ingen begrundelse";
    HelpUnallocatedReason =>
        "say why these bookings belong to no entry, such as \"Fejlkonteret; omposteres i juli\"",
        "angiv, hvorfor posteringerne ikke hører til nogen post, som \"Fejlkonteret; omposteres i juli\"";
    RuleNowhere { owner: Box<Msg> } =>
        "{owner} sends its bookings nowhere", "{owner} sender ikke sine posteringer nogen steder hen";
    LabelNoEntry => "no `entry`", "ingen `entry`";
    HelpRuleEntry =>
        "add `entry = \"<id>\"` (a post, cost or funding entry), or `unallocated = \"why\"`",
        "tilføj `entry = \"<id>\"` (en stilling, udgift eller finansiering) eller `unallocated = \"hvorfor\"`";
    ExplanationsNotATable =>
        "[actuals]: `explanations` must be a table of id = \"text\"",
        "[actuals]: `explanations` skal være en tabel med id = \"tekst\"";
    HelpExplanations =>
        "write [actuals.explanations] with lines such as regional-post = \"Vakant i august\"",
        "skriv [actuals.explanations] med linjer som regional-post = \"Vakant i august\"";
    ExplanationUnknownId { id: String } =>
        "[actuals]: explanation for `{id}`, which is no entry or funder of the scenario",
        "[actuals]: forklaring til `{id}`, som hverken er en post eller en finansieringskilde i scenariet";
    LabelUnknownId => "unknown id", "ukendt id";
    HelpExplanationIds { ids: List } =>
        "explanations are by the id of a post, cost, funding entry or funder: {ids}",
        "forklaringer angives ved id'et på en stilling, udgift, finansiering eller finansieringskilde: {ids}";
    ThresholdNotPercentage { written: String } =>
        "`{written}` is not a percentage such as 5%", "`{written}` er ikke en procentsats som 5%";
    ThresholdNeither { written: String } =>
        "`{written}` is neither a percentage such as 5% nor an amount such as 25000",
        "`{written}` er hverken en procentsats som 5% eller et beløb som 25000";
    ThresholdNegative { written: String } =>
        "`{written}` is negative; a threshold is an amount of at least 0",
        "`{written}` er negativ; en grænse er et beløb på mindst 0";
    ThresholdsTooMany =>
        "give at most one percentage and one amount: --materiality 5% --materiality 25000",
        "angiv højst én procentsats og ét beløb: --materiality 5% --materiality 25000";

    // A bookings export as a file, and its lines.
    ExportNamedTwice =>
        "is named twice: its bookings would count twice", "er nævnt to gange: dens posteringer ville tælle dobbelt";
    HelpNameExportOnce => "name each export once", "nævn hver eksport én gang";
    ExportIsDirectory => "is a directory, not a bookings export", "er en mappe, ikke en bogføringseksport";
    ExportNotRegular =>
        "is not a regular file; only files saved on disk are read",
        "er ikke en almindelig fil; kun filer gemt på disken læses";
    ExportTooLarge => "is over 100 MiB; split the export by year", "er over 100 MiB; del eksporten op efter år";
    ExportCannotBeRead { reason: Box<Msg> } => "cannot be read: {reason}", "kan ikke læses: {reason}";
    HelpExportPath =>
        "check the path: it is relative to the file that names it (to the working directory for --set)",
        "tjek stien: den angives i forhold til den fil, der nævner den (til arbejdsmappen ved --set)";
    ExportHasNul =>
        "holds NUL bytes: it is not a text export (or UTF-16 without a byte-order mark)",
        "indeholder NUL-byte: den er ikke en teksteksport (eller er UTF-16 uden byte order mark)";
    HelpExportCsv =>
        "export the bookings as CSV text in UTF-8 or Windows-1252 (\"CSV (semikolonsepareret)\" in Excel)",
        "eksportér posteringerne som CSV-tekst i UTF-8 eller Windows-1252 (\"CSV (semikolonsepareret)\" i Excel)";
    ExportNotInEncoding { encoding: String, byte: String } =>
        "is not {encoding} text: byte {byte} cannot be read",
        "er ikke {encoding}-tekst: byten {byte} kan ikke læses";
    HelpSaveUtf8 =>
        "save the export as UTF-8, or set encoding = \"windows-1252\" in [actuals] if that is what it is",
        "gem eksporten som UTF-8, eller sæt encoding = \"windows-1252\" i [actuals], hvis det er det, den er";
    HelpOtherEncoding =>
        "the export is in some other encoding: save it as UTF-8 or Windows-1252 (\"CSV (semikolonsepareret)\" in Excel)",
        "eksporten er i et andet tegnsæt: gem den som UTF-8 eller Windows-1252 (\"CSV (semikolonsepareret)\" i Excel)";
    LabelCannotBeRead => "cannot be read", "kan ikke læses";
    NotValidCsv { reason: String } => "is not valid CSV: {reason}", "er ikke gyldig CSV: {reason}";
    HelpCheckQuotes => "check the quotes on this line", "tjek anførselstegnene på denne linje";
    ExportEmpty =>
        "is empty: it has no header line and no bookings",
        "er tom: den har hverken overskriftslinje eller posteringer";
    HelpExportHeader =>
        "export the bookings with a header line naming the columns",
        "eksportér posteringerne med en overskriftslinje, der navngiver kolonnerne";
    ExportNoColumn { name: String, column: Box<Msg> } =>
        "has no column `{name}` (the {column} column [actuals] names)",
        "har ingen kolonne `{name}` (kolonnen med {column}, som [actuals] nævner)";
    LabelHeaderLine => "the header line", "overskriftslinjen";
    LabelNamedHere => "named here", "nævnt her";
    HelpHeaderColumns { columns: List, key: String } =>
        "the header line's columns are: {columns}; set `{key}` in [actuals] to one of them",
        "overskriftslinjens kolonner er: {columns}; sæt `{key}` i [actuals] til en af dem";
    ExportColumnTwice { name: String, column: Box<Msg> } =>
        "has the column `{name}` twice: which one holds the {column}?",
        "har kolonnen `{name}` to gange: hvilken af dem er kolonnen med {column}?";
    LabelTwice => "twice", "to gange";
    HelpRenameColumn => "rename one of the columns in the export", "omdøb en af kolonnerne i eksporten";
    DecimalMarkConflict { value: String, mark: String, other: String, line: Count, first: String } =>
        "`{value}` writes the decimal mark as `{mark}`, but `{other}` on line {line} writes it as `{first}`",
        "`{value}` skriver decimaltegnet som `{mark}`, men `{other}` i linje {line} skriver det som `{first}`";
    LabelOtherDecimalMark => "another decimal mark", "et andet decimaltegn";
    HelpSetDecimal =>
        "set decimal = \",\" or decimal = \".\" in [actuals] to say which the export uses",
        "sæt decimal = \",\" eller decimal = \".\" i [actuals] for at angive, hvilket eksporten bruger";
    DecimalMarkAmbiguous { value: String } =>
        "cannot tell whether `{value}` has a thousands separator or three decimals",
        "kan ikke afgøre, om `{value}` har tusindtalsseparator eller tre decimaler";
    LabelWhichDecimalMark => "which decimal mark?", "hvilket decimaltegn?";
    HelpSetDecimalExamples =>
        "set decimal = \",\" (1.234,56) or decimal = \".\" (1234.56) in [actuals]",
        "sæt decimal = \",\" (1.234,56) eller decimal = \".\" (1234.56) i [actuals]";
    LineTooShort { line: Count, fields: Count, width: Count } =>
        "line {line} has {fields} fields; the columns read need {width}",
        "linje {line} har {fields} felter; de kolonner, der læses, kræver {width}";
    LabelLineEnds => "the line ends here", "linjen slutter her";
    HelpCheckDelimiter =>
        "check the delimiter and the quotes on this line",
        "tjek skilletegnet og anførselstegnene på denne linje";
    OnLine { line: Count, message: Box<Msg> } => "line {line}: {message}", "linje {line}: {message}";
    BookingOutsideWindow { date: Day, window: Days } =>
        "the booking date {date} is outside the scenario's window ({window})",
        "bogføringsdatoen {date} ligger uden for scenariets periode ({window})";
    HelpBookingOtherYears =>
        "remove bookings of other years from the export, or widen the scenario's window",
        "fjern posteringer fra andre år fra eksporten, eller udvid scenariets periode";
    BookingBeforeFrom { date: Day, from: Day } =>
        "the booking date {date} is before `from` in [actuals] ({from})",
        "bogføringsdatoen {date} ligger før `from` i [actuals] ({from})";
    LabelBeforeFollowUp => "before the follow-up starts", "før opfølgningen begynder";
    HelpBookingBeforeFrom =>
        "remove the booking from the export, or move `from` in [actuals] back",
        "fjern posteringen fra eksporten, eller flyt `from` i [actuals] tilbage";
    DebitCreditEmpty => "both the debit and the credit are empty", "både debet og kredit er tomme";
    LabelNoAmount => "no amount", "intet beløb";
    HelpAmountOneSide => "every booking needs an amount on one side", "hver postering skal have et beløb på den ene side";
    BookingAccount { value: String } => "account `{value}`", "konto `{value}`";
    BookingText { value: String } => "text `{value}`", "tekst `{value}`";
    BookingVoucher { value: String } => "voucher `{value}`", "bilag `{value}`";
    Unmapped { what: Parts } =>
        "no rule of [[actuals.map]] matches this booking ({what})",
        "ingen regel i [[actuals.map]] passer på denne postering ({what})";
    LabelUnmapped => "unmapped", "ikke fordelt";
    HelpUnmapped =>
        "add a rule for it to [actuals] ([[actuals.map]] with `entry`, or with `unallocated = \"why\"` if it belongs to no entry); `status --allow-unmapped` shows such bookings as not allocated",
        "tilføj en regel for den i [actuals] ([[actuals.map]] med `entry`, eller med `unallocated = \"hvorfor\"`, hvis den ikke hører til nogen post); `status --allow-unmapped` viser den slags posteringer som ikke fordelt";
    RulesDisagree { a: Count, b: Count } =>
        "rules {a} and {b} of [[actuals.map]] both match this booking and send it to different places (strict = true)",
        "regel {a} og {b} i [[actuals.map]] passer begge på denne postering og sender den forskellige steder hen (strict = true)";
    LabelAmbiguous => "ambiguous", "tvetydig";
    LabelRule { n: Count } => "rule {n}", "regel {n}";
    HelpRulesExclusive =>
        "make the rules exclusive (a narrower account range or text), or leave out strict = true to let the first rule win",
        "lad reglerne udelukke hinanden (et snævrere kontointerval eller en snævrere tekst), eller udelad strict = true, så den første regel vinder";

    // Amounts and dates as exports write them.
    AmountEmpty => "the amount is empty", "beløbet er tomt";
    HelpBookingAmount =>
        "every booking needs an amount; a booking of nothing can be left out",
        "hver postering skal have et beløb; en postering på nul kan udelades";
    NotAnAmount { written: String } => "`{written}` is not an amount", "`{written}` er ikke et beløb";
    LabelNotAnAmount => "not an amount", "ikke et beløb";
    HelpAmountComma =>
        "write the amount as the export does, such as 1.234,56 or -1234,56",
        "skriv beløbet, som eksporten skriver beløb, for eksempel 1.234,56 eller -1234,56";
    HelpAmountPoint =>
        "write the amount as the export does, such as 1234.56 or -1,234.56",
        "skriv beløbet, som eksporten skriver beløb, for eksempel 1234.56 eller -1,234.56";
    AmountGrouping { written: String } =>
        "`{written}` has its thousands separators in the wrong places",
        "`{written}` har tusindtalsseparatorerne de forkerte steder";
    AmountOreOnly { written: String } =>
        "`{written}` has more than 2 decimals; amounts are in kroner and øre",
        "`{written}` har mere end 2 decimaler; beløb er i kroner og øre";
    HelpCheckDecimalMark { mark: String } =>
        "check the decimal mark: this file's is `{mark}`; set `decimal` in [actuals] if that is wrong",
        "tjek decimaltegnet: denne fils er `{mark}`; sæt `decimal` i [actuals], hvis det er forkert";
    BookingTooLarge { written: String, max: Kr } =>
        "`{written}` is more than the largest amount of a booking, {max}",
        "`{written}` er mere end det største beløb på en postering, {max}";
    HelpCheckAmount => "check the amount and the decimal mark", "tjek beløbet og decimaltegnet";
    DateEmpty => "the date is empty", "datoen er tom";
    LabelNoBookingDate => "no date", "ingen dato";
    HelpBookingDate => "every booking needs its booking date", "hver postering skal have sin bogføringsdato";
    NotADate { written: String } => "`{written}` is not a date", "`{written}` er ikke en dato";
    LabelNotADay => "not a date", "ikke en dato";
    HelpExportDates =>
        "write dates as the export does: 31-12-2023, 31.12.2023 or 2023-12-31",
        "skriv datoer, som eksporten skriver dem: 31-12-2023, 31.12.2023 eller 2023-12-31";
    DateNoCentury { written: String } =>
        "`{written}` has no four-digit year", "`{written}` har ikke et firecifret årstal";
    LabelWhichCentury => "which century?", "hvilket århundrede?";
    HelpExportYearInFull =>
        "export dates with the year in full, such as 31-12-2023",
        "eksportér datoer med hele årstallet, som 31-12-2023";
    LabelNoSuchDay => "no such day", "den dag findes ikke";
    DateNoSuchDayAtAll { written: String } =>
        "`{written}` is not a valid date: there is no such day",
        "`{written}` er ikke en gyldig dato: den dag findes ikke";

    // Commands.
    CannotWriteOutput { reason: Box<Msg> } => "cannot write the output: {reason}", "kan ikke skrive output: {reason}";
    LinksLoop =>
        "too many levels of symbolic links (a link that leads back to itself?)",
        "for mange led af symbolske links (et link, der fører tilbage til sig selv?)";
    HelpWritableDirectory =>
        "check that the directory exists and that you may write to it",
        "tjek, at mappen findes, og at du må skrive i den";
    OutputFormatUnknown =>
        "cannot tell the output format from the file name",
        "kan ikke se outputformatet af filnavnet";
    HelpOutputExtension =>
        "end the name in .txt, .md, .csv, .json, .html, .xlsx, .pdf or .docx, or give --format",
        "lad navnet ende på .txt, .md, .csv, .json, .html, .xlsx, .pdf eller .docx, eller angiv --format";
    OutputIsInput =>
        "is a scenario given as input; writing there would overwrite it",
        "er et scenarie, der læses; at skrive dertil ville overskrive det";
    HelpOtherOutput => "choose another --output file", "vælg en anden --output-fil";
    BinaryToTerminal { name: String } =>
        "{name} is binary and would garble the terminal",
        "{name} er binært og ville forvanske terminalen";
    HelpBinaryToFile { ext: String } =>
        "write it to a file: --output report.{ext}",
        "skriv det til en fil: --output rapport.{ext}";
    LogoUnreadable { reason: Box<Msg> } =>
        "--logo: cannot read the logo: {reason}", "--logo: kan ikke læse logoet: {reason}";
    LogoIsDirectory => "it is a directory", "det er en mappe";
    LogoNotRegular { kind: Box<Msg> } =>
        "it is {kind}, not a regular file", "det er {kind}, ikke en almindelig fil";
    LogoTooLarge => "it is over 10 MiB", "den er over 10 MiB";
    HelpLogoFile =>
        "give a PNG, JPEG or SVG file that exists and that you may read",
        "angiv en PNG-, JPEG- eller SVG-fil, der findes, og som du må læse";
    LogoBadPng => "--logo: is not a valid PNG image", "--logo: er ikke et gyldigt PNG-billede";
    LogoBadJpeg => "--logo: is not a valid JPEG image", "--logo: er ikke et gyldigt JPEG-billede";
    LogoBadSvg { reason: String } =>
        "--logo: is not a valid SVG image ({reason})",
        "--logo: er ikke et gyldigt SVG-billede ({reason})";
    LogoNotImage => "--logo: is not a PNG, JPEG or SVG image", "--logo: er ikke et PNG-, JPEG- eller SVG-billede";
    HelpLogoKinds => "give a PNG, JPEG or SVG file", "angiv en PNG-, JPEG- eller SVG-fil";
    OutputIsRead { input: String } =>
        "is `{input}`, a file this run reads; writing there would overwrite it",
        "er `{input}`, en fil, denne kørsel læser; at skrive dertil ville overskrive den";
    NoScenariosDir =>
        "no scenarios/ directory here, and no scenario files were given",
        "ingen scenarios/-mappe her, og ingen scenariefiler angivet";
    HelpCheckWhat =>
        "give the scenario files or directories to check: klimabudget check my-scenario.toml, or run it where scenarios/ is",
        "angiv de scenariefiler eller mapper, der skal tjekkes: klimabudget check mit-scenarie.toml, eller kør det, hvor scenarios/ er";
    NoScenarioFiles { paths: String } =>
        "no scenario files (*.toml) in {paths}", "ingen scenariefiler (*.toml) i {paths}";
    HelpCheckFiles =>
        "give scenario files or directories that hold them",
        "angiv scenariefiler eller mapper, der indeholder dem";
    LinkLoop { target: String } =>
        "is a link to {target}, a directory that contains the link: a loop, not followed",
        "er et link til {target}, en mappe, der indeholder linket: en løkke, som ikke følges";
    HelpLinkLoop =>
        "remove the link, or point it at a scenario file or another directory",
        "fjern linket, eller lad det pege på en scenariefil eller en anden mappe";

    OnFlag { flag: String, message: Box<Msg> } => "{flag}: {message}", "{flag}: {message}";

    // Figures named (`explain`, `compare --bridge`, `sweep --show`, `sensitivity --show`).
    Flagged { flag: String, message: Box<Msg> } => "{flag} {message}", "{flag} {message}";
    ByYear => "year", "år";
    ByHalfYear => "half-year", "halvår";
    ByMonth => "month", "måned";
    ByTotal => "total", "total";
    WhatFunder => "funder", "finansieringskilde";
    WhatPostOrCost => "post or cost", "stilling eller udgift";
    NotAFigure { written: String, measures: String } =>
        "`{written}` is not a figure: write a measure ({measures}) and a period (total, 2024, 2024H1, 2024-07), such as cost_by_funder.brn.2024 or must_find.brn",
        "`{written}` betegner ikke et tal i rapporten: skriv et mål ({measures}) og en periode (total, 2024, 2024H1, 2024-07), som cost_by_funder.brn.2024 eller must_find.brn";
    NotAFigureDidYouMean { written: String, fixed: String } =>
        "`{written}` is not a figure; did you mean `{fixed}`?",
        "`{written}` betegner ikke et tal i rapporten; mente du `{fixed}`?";
    FigureNoSuch { name: String, what: Box<Msg>, id: String, hint: Box<Msg> } =>
        "`{name}`: the scenario has no {what} `{id}`; {hint}",
        "`{name}`: scenariet har ingen {what} `{id}`; {hint}";
    HelpTheFundersAre { ids: List } => "the funders are {ids}", "finansieringskilderne er {ids}";
    HelpThePostsAndCostsAre { ids: List } =>
        "the posts and costs are {ids}", "stillingerne og udgifterne er {ids}";
    MustFindNotResidual { name: String, id: String, period: String } =>
        "`{name}`: funder `{id}` is not residual, so nothing falls to it to find; explain cumulative_balance_by_funder.{id}.{period} instead",
        "`{name}`: finansieringskilden `{id}` er ikke restfinansierende, så den har intet at finde; brug cumulative_balance_by_funder.{id}.{period} i stedet";
    FigureNoPeriod { name: String, window: Days, period: String, by: Box<Msg>, first: String, last: String } =>
        "`{name}`: the window ({window}) has no period {period}; by {by} its periods are {first} to {last}, or total",
        "`{name}`: scenariets periode ({window}) rummer ikke {period}; pr. {by} går den fra {first} til {last}, eller brug total";
    FigureNotInReport { name: String } =>
        "`{name}` is not a figure of this report", "`{name}` er ikke et tal i denne rapport";
    FigureNoSuchPeriod { name: String } => "`{name}`: no such period", "`{name}`: perioden findes ikke";
    ExplainDisagrees { name: String, parts: Num, figure: Num } =>
        "internal error: the derivation of `{name}` adds up to {parts}, the projection says {figure}; please report it",
        "intern fejl: udledningen af `{name}` giver {parts}, men beregningen giver {figure}; meld venligst fejlen";
    HelpNameFigure =>
        "name a figure as the report's JSON keys it: a measure, an id, a period",
        "angiv tallet, som det hedder i rapportens JSON: et mål, et id og en periode";
    BridgeNoSuch { name: String, what: Box<Msg>, id: String, hint: Box<Msg> } =>
        "--bridge `{name}`: neither scenario has a {what} `{id}`; {hint}",
        "--bridge `{name}`: ingen af scenarierne har en {what} `{id}`; {hint}";
    BridgeNoPeriod { name: String, window: Days, period: String } =>
        "--bridge `{name}`: the days compared ({window}) have no period {period}",
        "--bridge `{name}`: de sammenlignede dage ({window}) rummer ikke perioden {period}";
    BridgeDisagrees { name: String } =>
        "internal error: the bridge of `{name}` does not end at B's figure; please report it",
        "intern fejl: broen for `{name}` ender ikke ved B's tal; meld venligst fejlen";
    BridgeNoCommonDays { a: Days, b: Days } =>
        "the windows have no day in common (A {a}, B {b}): there is nothing to bridge",
        "perioderne har ingen dag til fælles (A {a}, B {b}): der er intet at følge fra A til B";
    HelpBridgeNames =>
        "name figures as the report's JSON keys them, such as cost_by_funder.brn or must_find.brn; --bridge alone bridges each funder's cost",
        "angiv tallene, som de hedder i rapportens JSON, for eksempel cost_by_funder.brn eller must_find.brn; --bridge alene viser vejen fra A til B for hver finansieringskildes udgift";

    // What if: `sweep`, `solve` and `sensitivity`.
    SweepProgress =>
        "{{bar:40}} {{pos}}/{{len}} variants, {{eta}} left",
        "{{bar:40}} {{pos}}/{{len}} varianter, {{eta}} tilbage";
    SweepOneOrTwo => "a sweep varies one or two paths", "en følsomhedsberegning varierer én eller to stier";
    VaryForm =>
        "write --vary path=FROM..TO/STEP or path=A,B,C, such as posts.municipal-staff.annual_cost_per_fte=600000..900000/50000",
        "skriv --vary sti=FRA..TIL/TRIN eller sti=A,B,C, som posts.municipal-staff.annual_cost_per_fte=600000..900000/50000";
    VaryNoEquals { text: String, form: Box<Msg> } =>
        "`--vary {text}` has no `=`: {form}", "`--vary {text}` har intet `=`: {form}";
    VaryNoStep { text: String, form: Box<Msg> } =>
        "`--vary {text}` has no `/STEP`: {form}", "`--vary {text}` har intet `/TRIN`: {form}";
    VaryNoRange { text: String, form: Box<Msg> } =>
        "`--vary {text}` has no `FROM..TO`: {form}", "`--vary {text}` har intet `FRA..TIL`: {form}";
    VaryStart => "start", "starten";
    VaryEnd => "end", "slutningen";
    VaryStep => "step", "trinnet";
    VaryNotANumber { text: String, what: Box<Msg>, written: String } =>
        "`--vary {text}`: the {what} `{written}` is not a number",
        "`--vary {text}`: {what} `{written}` er ikke et tal";
    VaryStepNotPositive { text: String, step: Num } =>
        "`--vary {text}`: the step must be more than 0 (found {step})",
        "`--vary {text}`: trinnet skal være større end 0 (fandt {step})";
    VaryEndBeforeStart { text: String, to: Num, from: Num } =>
        "`--vary {text}`: the end ({to}) is before the start ({from})",
        "`--vary {text}`: slutningen ({to}) ligger før starten ({from})";
    MoreThan { n: Num } => "more than {n}", "mere end {n}";
    VaryTooMany { text: String, count: Box<Msg>, max: Count } =>
        "`--vary {text}` has {count} values; a sweep has at most {max} points: use a larger step or a narrower range",
        "`--vary {text}` har {count} værdier; en følsomhedsberegning har højst {max} punkter: brug et større trin eller et snævrere interval";
    VaryNotExact { text: String, from: Num, k: Count, step: Num } =>
        "`--vary {text}`: {from} + {k} × {step} cannot be computed exactly (more than 28 digits): use a larger step or a narrower range",
        "`--vary {text}`: {from} + {k} × {step} kan ikke beregnes nøjagtigt (mere end 28 cifre): brug et større trin eller et snævrere interval";
    VaryListNotANumber { text: String, item: String } =>
        "`--vary {text}`: `{item}` is not a number; write path=A,B,C with numbers, or a range path=FROM..TO/STEP",
        "`--vary {text}`: `{item}` er ikke et tal; skriv sti=A,B,C med tal eller et interval sti=FRA..TIL/TRIN";
    VaryListedTwice { text: String, value: Num } =>
        "`--vary {text}`: {value} is listed twice", "`--vary {text}`: {value} er angivet to gange";
    VaryListTooMany { text: String, count: Count, max: Count } =>
        "`--vary {text}` has {count} values; a sweep has at most {max} points",
        "`--vary {text}` har {count} værdier; en følsomhedsberegning har højst {max} punkter";
    SweepTooManyPoints { total: Count, max: Count } =>
        "the sweep has {total} points; at most {max} are computed: use larger steps or narrower ranges",
        "følsomhedsberegningen har {total} punkter; højst {max} beregnes: brug større trin eller snævrere intervaller";
    ShowNoPeriod { text: String, period: String, by: Box<Msg>, periods: String } =>
        "`--show {text}`: there is no period `{period}` by {by}; the periods are total and {periods}",
        "`--show {text}`: der er ingen periode `{period}` pr. {by}; perioderne er total og {periods}";
    ShowNoFunder { text: String, id: String, funders: List } =>
        "`--show {text}`: there is no funder `{id}`; the funders are {funders}",
        "`--show {text}`: der er ingen finansieringskilde `{id}`; finansieringskilderne er {funders}";
    ShowNoItem { text: String, id: String } =>
        "`--show {text}`: there is no post or cost `{id}`",
        "`--show {text}`: der er ingen stilling eller udgift `{id}`";
    ShowNotAFigure { text: String } =>
        "`--show {text}` is not a figure of this report",
        "`--show {text}` er ikke et tal i denne rapport";
    SolveWhatKind { path: String } =>
        "solve finds a number or a date: `{path}` is neither; vary an entry's annual, amount or annual_cost_per_fte, a post's fte, a rate indexation.wages.<year> or indexation.prices.<year>, or an entry's from, to or date",
        "solve finder et tal eller en dato: `{path}` er ingen af delene; variér en posts annual, amount eller annual_cost_per_fte, en stillings fte, en sats indexation.wages.<år> eller indexation.prices.<år> eller en posts from, to eller date";
    SolveRoundTo { round_to: String } =>
        "--round-to {round_to}: give a number above 0 (it rounds amounts, FTE and rates; a date is found to the day)",
        "--round-to {round_to}: angiv et tal over 0 (det afrunder beløb, årsværk og satser; en dato findes på dagen)";
    DayValue { day: Day } => "{day}", "{day}";
    SolveAt { at: Box<Msg> } => "at {at}", "ved {at}";
    SolveShortAt { at: Box<Msg>, funder: String, short: Ore, period: String } =>
        "at {at}, {funder} is short {short} at the end of {period}",
        "ved {at} mangler {funder} {short} ved udgangen af {period}";
    SolveNotProportional { path: String } =>
        "`{path}` does not move the balances in proportion, so solve cannot find it exactly",
        "`{path}` flytter ikke balancerne proportionalt, så solve kan ikke finde værdien nøjagtigt";
    SolveOutOfReach { path: String, funder: String, short: Ore, period: String } =>
        "no value of `{path}` balances the scenario: {funder} is short {short} at the end of {period} whatever it is, because `{path}` does not reach that funder's money",
        "ingen værdi af `{path}` får scenariet til at balancere: {funder} mangler {short} ved udgangen af {period} uanset værdien, fordi `{path}` ikke påvirker den finansieringskildes penge";
    SolveNeedsAtLeast { funder: String, period: String, least: Num } =>
        "{funder} (at the end of {period} it needs at least {least})",
        "{funder} (ved udgangen af {period} kræves mindst {least})";
    SolveAllowsAtMost { funder: String, period: String, most: Num } =>
        "{funder} (at the end of {period} it allows at most {most})",
        "{funder} (ved udgangen af {period} tillades højst {most})";
    SolvePulledBothWays { path: String, helps: Box<Msg>, hurts: Box<Msg> } =>
        "no value of `{path}` balances the scenario: raising it helps {helps} and hurts {hurts}",
        "ingen værdi af `{path}` får scenariet til at balancere: en højere værdi hjælper {helps} og skader {hurts}";
    SolveEven { path: String, short: Box<Msg> } =>
        "no value of `{path}` balances the scenario: even {short}",
        "ingen værdi af `{path}` får scenariet til at balancere: selv {short}";
    SolveAnyValue { path: String } =>
        "any value of `{path}` balances the scenario: it does not move the balance of any funder that must balance",
        "enhver værdi af `{path}` får scenariet til at balancere: den flytter ikke balancen for nogen finansieringskilde, der skal balancere";
    SolveNoMultiple { round_to: String, path: String, low: Num, high: Num } =>
        "no multiple of {round_to} of `{path}` balances the scenario; the values that do lie between {low} and {high}",
        "intet multiplum af {round_to} for `{path}` får scenariet til at balancere; de værdier, der gør, ligger mellem {low} og {high}";
    SolveNoMultipleFrom { round_to: String, path: String, low: Num } =>
        "no multiple of {round_to} of `{path}` balances the scenario; the values that do are {low} and above",
        "intet multiplum af {round_to} for `{path}` får scenariet til at balancere; de værdier, der gør, er {low} og derover";
    SolveStillShort { path: String, at: Box<Msg> } =>
        "no value of `{path}` balances the scenario (at {at} it is still short)",
        "ingen værdi af `{path}` får scenariet til at balancere (ved {at} mangler der stadig penge)";
    SolveAnyBetween { path: String, low: Box<Msg>, high: Box<Msg> } =>
        "any value of `{path}` from {low} to {high} balances the scenario",
        "enhver værdi af `{path}` fra {low} til {high} får scenariet til at balancere";
    SolveNoneBetween { path: String, low: Box<Msg>, high: Box<Msg>, at_low: Box<Msg>, at_high: Box<Msg> } =>
        "no value of `{path}` from {low} to {high} balances the scenario: {at_low}; {at_high}",
        "ingen værdi af `{path}` fra {low} til {high} får scenariet til at balancere: {at_low}; {at_high}";
    SolveNoNearbyMultiple { path: String, value: Num, round_to: String } =>
        "{path}: {value} balances the scenario but no nearby multiple of {round_to} does",
        "{path}: {value} får scenariet til at balancere, men intet nærliggende multiplum af {round_to} gør";
    SensitivityPercent { text: String } =>
        "--sensitivity {text}: give a percentage from 0 % to below 100 %, such as --sensitivity 10%",
        "--sensitivity {text}: angiv en procentsats fra 0 % til under 100 %, som --sensitivity 10%";
    FlaggedValue { flag: String, value: String, message: Box<Msg> } =>
        "{flag} {value}: {message}", "{flag} {value}: {message}";
    AssumptionMarksNothing { path: String } =>
        "the assumption on `{path}` marks nothing this scenario has",
        "antagelsen om `{path}` markerer intet, som scenariet har";
    AssumptionRangeKind { path: String } =>
        "the range of the assumption on `{path}` is not of its kind",
        "intervallet for antagelsen om `{path}` passer ikke til værdiens art";
    AssumptionRangeInvalid { path: String, low: Box<Msg>, high: Box<Msg> } =>
        "no value in the range of the assumption on `{path}` is valid ({low} to {high}); give it a range that is",
        "ingen værdi i intervallet for antagelsen om `{path}` er gyldig ({low} til {high}); giv den et gyldigt interval";

    // `status`.
    NoActuals =>
        "has no [actuals] table: there are no bookings to follow up",
        "har ingen [actuals]-tabel: der er ingen posteringer at følge op på";
    HelpAddActuals =>
        "add [actuals] with the bookings export (file), its date and amount columns, and [[actuals.map]] rules; see the README's \"Budget follow-up\"",
        "tilføj [actuals] med bogføringseksporten (file), dens dato- og beløbskolonne og [[actuals.map]]-regler; se afsnittet \"Budget follow-up\" i README";
    StatusDateOutside { as_of: String, from: Day, end: Day } =>
        "--as-of {as_of}: the status date must lie from the follow-up's first day ({from}) to the scenario's end ({end})",
        "--as-of {as_of}: opgørelsesdatoen skal ligge fra opfølgningens første dag ({from}) til scenariets slutning ({end})";
    HelpStatusDate =>
        "give the last day the bookings cover, such as --as-of 2024-06-30",
        "angiv den sidste dag, posteringerne dækker, som --as-of 2024-06-30";

    // Overrides (`--set`).
    SetNoValue { flag: String, text: String } => "`{flag} {text}` gives no value", "`{flag} {text}` angiver ingen værdi";
    LabelNoEquals => "no `=`", "intet `=`";
    HelpSetForm =>
        "write --set path=value, such as --set posts.regional-post.fte=0.8",
        "skriv --set sti=værdi, som --set posts.regional-post.fte=0.8";
    SetNotAKey { flag: String, key: String, table: String } =>
        "{flag}: `{key}` is not a key of {table}", "{flag}: `{key}` er ikke en nøgle i {table}";
    HelpKeysHere { keys: List } => "the keys here are {keys}", "nøglerne her er {keys}";
    HelpPathInto { section: String, flag: String, example: String } =>
        "a path into `{section}` names one value, such as {flag} {example}",
        "en sti ind i `{section}` peger på én værdi, som {flag} {example}";
    HelpPathStarts { sections: List } => "a path starts with {sections}", "en sti begynder med {sections}";
    SetNotAPath { flag: String, path: String } =>
        "{flag}: `{path}` is not a path in a scenario", "{flag}: `{path}` er ikke en sti i et scenarie";
    LabelUnknownPath => "unknown path", "ukendt sti";
    SetNoFunder { flag: String, id: String } =>
        "{flag}: there is no funder `{id}`", "{flag}: der er ingen finansieringskilde `{id}`";
    SetNoList { flag: String, list: String } => "{flag}: the scenario has no {list}", "{flag}: scenariet har ingen {list}";
    LabelNothingHere => "nothing here", "intet her";
    HelpSetEntry { list: String } =>
        "`{list}.<id>.<key>` changes an entry the scenario has",
        "`{list}.<id>.<key>` ændrer en post, scenariet har";
    SetNoEntry { flag: String, id: String, list: String } =>
        "{flag}: there is no entry `{id}` in {list}", "{flag}: der er ingen post `{id}` i {list}";
    LabelNoSuchEntry => "no such entry", "ingen sådan post";
    HelpIdsIn { list: String, ids: List } => "the ids in {list} are {ids}", "id'erne i {list} er {ids}";

    // `klimabudget serve`: the command, and the words of its page.
    ServeListening { count: Count, url: String } =>
        "klimabudget serves {count} scenario files at {url}",
        "klimabudget viser {count} scenariefiler på {url}";
    ServeStop => "the address holds the access token; press Ctrl+C to stop",
        "adressen rummer adgangsnøglen; tryk Ctrl+C for at stoppe";
    ServePortInUse { port: String } =>
        "cannot listen on 127.0.0.1:{port}: the port is in use",
        "kan ikke lytte på 127.0.0.1:{port}: porten er optaget";
    HelpServePort =>
        "give another --port, or leave --port out to take a free one",
        "angiv en anden --port, eller udelad --port for at tage en ledig";
    ServeCannotListen { port: String, reason: Box<Msg> } =>
        "cannot listen on 127.0.0.1:{port}: {reason}",
        "kan ikke lytte på 127.0.0.1:{port}: {reason}";
    ServeNoScenarios { paths: String } =>
        "no scenario files (*.toml) in {paths}", "ingen scenariefiler (*.toml) i {paths}";
    HelpServeWhat =>
        "give a directory of scenarios or scenario files: klimabudget serve scenarios/",
        "angiv en mappe med scenarier eller scenariefiler: klimabudget serve scenarios/";
    ServeBrowser { reason: Box<Msg> } =>
        "cannot open a browser ({reason}); open the address above yourself",
        "kan ikke åbne en browser ({reason}); åbn selv adressen ovenfor";
    ServeNoToken =>
        "this request lacks the access token that klimabudget serve printed when it started",
        "denne forespørgsel mangler adgangsnøglen, som klimabudget serve skrev, da den startede";
    ServeForeignHost { host: String } =>
        "refused: the request is addressed to `{host}`, not to this server on 127.0.0.1",
        "afvist: forespørgslen er sendt til `{host}`, ikke til denne server på 127.0.0.1";
    ServeOutsideRoot { path: String } =>
        "refused: `{path}` is not a scenario file this server shows",
        "afvist: `{path}` er ikke en scenariefil, som denne server viser";
    ServeNotFound => "no such page", "ingen sådan side";
    ServeMethod => "this address takes another method (changes are POST, with the token)",
        "denne adresse tager en anden metode (ændringer er POST med adgangsnøglen)";
    ServeBadRequest { what: String } => "a request the page does not send: {what}",
        "en forespørgsel, siden ikke sender: {what}";
    ServeBadFormat { format: String } =>
        "`{format}` is not a format to download: html, pdf, docx, xlsx, md, csv, json or txt",
        "`{format}` er ikke et format at hente: html, pdf, docx, xlsx, md, csv, json eller txt";
    ServeVariantDiffers =>
        "not saved: the variant would not give the figures shown; please report this",
        "ikke gemt: varianten ville ikke give de viste tal; meld venligst fejlen";
    ServeBadName { name: String } =>
        "`{name}` is not a file name for a variant: letters, digits, `-`, `_` and `.`, ending in .toml",
        "`{name}` er ikke et filnavn til en variant: bogstaver, cifre, `-`, `_` og `.`, med .toml til sidst";
    ServeExists { file: String } =>
        "{file} exists already; a variant is never written over a file: choose another name",
        "{file} findes allerede; en variant skrives aldrig over en fil: vælg et andet navn";
    ServeNothingChanged =>
        "nothing is changed: a variant holds the values changed in the panel",
        "intet er ændret: en variant rummer de værdier, der er ændret i panelet";
    ServeSaved { file: String } =>
        "saved as {file}; klimabudget check now checks it too",
        "gemt som {file}; klimabudget check tjekker den nu også";
    ServeVariantHead { base: String, date: Day } =>
        "A variant of {base}, saved from klimabudget serve on {date}: only the values changed.",
        "En variant af {base}, gemt fra klimabudget serve den {date}: kun de ændrede værdier.";
    UiScenarios => "Scenarios", "Scenarier";
    UiWhatIf => "What if?", "Hvad nu hvis?";
    UiChanged => "Changed from the file", "Ændret i forhold til filen";
    UiNoChanges => "Nothing changed: move a value below.", "Intet ændret: flyt en værdi nedenfor.";
    UiReset => "Reset", "Nulstil";
    UiResetAll => "Reset all", "Nulstil alle";
    UiCompareWith => "Compare with", "Sammenlign med";
    UiCompareNone => "nothing (this scenario alone)", "intet (kun dette scenarie)";
    UiCompareSaved => "the file as saved", "filen, som den er gemt";
    UiSensitivity => "Sensitivity of the assumptions", "Antagelsernes følsomhed";
    UiLanguage => "Language", "Sprog";
    UiUnit => "Unit", "Enhed";
    UiPeriod => "Period", "Periode";
    UiYear => "year", "år";
    UiHalfYear => "half-year", "halvår";
    UiMonth => "month", "måned";
    UiDownload => "Download", "Hent";
    UiSaveAs => "Save as variant", "Gem som variant";
    UiFileName => "File name", "Filnavn";
    UiSolve => "What must a funder set aside?", "Hvad skal en finansieringskilde afsætte?";
    UiSolveButton => "Find the amount", "Find beløbet";
    UiUseValue => "Use this value", "Brug denne værdi";
    UiStale => "The figures shown are the last valid ones: see the errors above.",
        "Tallene er de sidste gyldige: se fejlene ovenfor.";
    UiScenarioGroup => "Scenario", "Scenarie";
    UiPosts => "Staff posts", "Stillinger";
    UiCosts => "Other costs", "Andre udgifter";
    UiFunding => "Funding", "Finansiering";
    UiIndexation => "Indexation", "Fremskrivning";
    UiWorking => "computing …", "regner …";
    UiUpdated { ms: Count } => "updated in {ms} ms", "opdateret på {ms} ms";
    UiFileChanged => "A file changed on disk: shown again.", "En fil er ændret på disken: vist igen.";
    UiPrint => "Print", "Udskriv";
}
