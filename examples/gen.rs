//! Writes a large scenario to standard output, for benchmarks:
//!
//! ```sh
//! cargo run --release --example gen -- --posts 100000 --years 10 > big.toml
//! ```
//!
//! With `--hledger`, the same posts as an hledger journal of monthly periodic transactions
//! (each post's cost a month, to the krone), for comparing with `hledger balance -M --forecast`.

use std::io::Write as _;

fn main() {
    let mut posts = 1_000usize;
    let mut years = 10u16;
    let mut hledger = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--hledger" {
            hledger = true;
            continue;
        }
        let value = args.next().and_then(|v| v.parse::<usize>().ok());
        match (arg.as_str(), value) {
            ("--posts", Some(v)) => posts = v,
            ("--years", Some(v)) => years = u16::try_from(v).unwrap_or(u16::MAX),
            _ => {
                eprintln!("usage: gen [--posts N] [--years Y] [--hledger]");
                std::process::exit(2);
            }
        }
    }
    let mut text = klimabudget::generate::scenario(posts, years);
    if hledger {
        text = journal(&text);
    }
    std::io::stdout()
        .write_all(text.as_bytes())
        .expect("writing to standard output");
}

/// The posts of a generated scenario as hledger periodic transactions, a month each.
fn journal(scenario: &str) -> String {
    use std::fmt::Write as _;
    let s = klimabudget::load::load_str(std::path::Path::new("gen.toml"), scenario.to_string())
        .expect("a generated scenario is valid")
        .scenario;
    let end = s.window.to.tomorrow().expect("a day after the window");
    let mut out = String::new();
    for p in &s.posts {
        let monthly = (p.annual_cost() / num_rational::Ratio::from_integer(12)).round();
        let payer = &s.funders[p.paid_by.0[0].0].id;
        writeln!(
            out,
            "~ monthly from {} to {end}  {}\n    expenses:posts:{}  {} DKK\n    funders:{payer}\n",
            p.range.from.first_of_month(),
            p.id,
            p.id,
            monthly.to_integer()
        )
        .expect("writing to a String");
    }
    out
}
