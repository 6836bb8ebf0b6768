//! The integration tests: one binary, a module per feature.

mod actuals;
mod architecture;
mod bridge;
mod browser;
mod checks;
mod cli;
mod common;
mod corpus;
mod danish;
mod diagnostics;
mod explain;
mod fixtures;
mod formats;
mod hardening;
mod invariants;
mod json;
mod members;
mod paper;
mod properties;
mod rounding;
mod sensitivity;
mod serve;
mod shipped;
mod snapshots;
mod terminal;
mod whatif;
