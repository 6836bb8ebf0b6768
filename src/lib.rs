//! klimabudget: exact budget projections for the North Jutland joint climate secretariat.
//!
//! Data flows one way: a scenario file is loaded and checked ([`load`]) into a
//! [`model::Scenario`], projected exactly per period ([`engine`]), turned into a report model
//! ([`report`]) and written by an exporter ([`export`]). The binary only parses arguments and
//! calls [`cli::run`].

pub mod allocation;
pub mod cli;
pub mod cmd;
pub mod diag;
pub mod engine;
pub mod export;
pub mod format;
pub mod generate;
pub mod i18n;
pub mod load;
pub mod model;
pub mod period;
pub mod report;
pub mod round;
pub mod whatif;

/// How many threads large work is shared between: one per core, at most eight.
pub(crate) fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}
