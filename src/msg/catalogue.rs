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
}
