//! Large made-up scenarios for benchmarks and the `gen` example: posts that start on varied
//! days (so part months occur), with varied FTE and cost per FTE, paid by one funder or shared
//! by three; some other costs and yearly funding. The numbers are made up; the shape is that of
//! a real scenario.

use std::fmt::Write as _;

/// A scenario of `posts` posts over `years` years from 2023, as TOML.
pub fn scenario(posts: usize, years: u16) -> String {
    let years = i32::from(years.max(1));
    let (start, end) = (2023, 2023 + years - 1);
    let mut out = String::with_capacity(posts * 160);
    writeln!(
        out,
        "[scenario]\nname = \"Generated: {posts} posts over {years} years\"\nstart = {start}-01-01\nend = {end}-12-31\n\n\
         [funders.brn]\nname = \"Business Region North Denmark\"\nresidual = true\n\n\
         [funders.municipalities]\nname = \"De nordjyske kommuner\"\nresidual = true\n\n\
         [funders.region]\nname = \"Region Nordjylland\"\nresidual = true\n"
    )
    .expect("writing to a String");
    // A simple deterministic sequence for variety.
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |m: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % m
    };
    for i in 0..posts {
        let fte = ["1", "0.5", "0.8", "\"1/3\"", "2"][next(5) as usize];
        let cost = 600_000 + 10_000 * next(40);
        let from_year = start + next(years as u64) as i32;
        let (fm, fd) = (1 + next(12), 1 + next(28));
        let paid_by = match next(3) {
            0 => "\"brn\"".to_string(),
            1 => "\"municipalities\"".to_string(),
            _ => "{ brn = \"1/3\", municipalities = \"1/3\", region = \"1/3\" }".to_string(),
        };
        writeln!(
            out,
            "[[posts]]\nid = \"p{i}\"\nfte = {fte}\nannual_cost_per_fte = {cost}\nfrom = {from_year}-{fm:02}-{fd:02}\npaid_by = {paid_by}\n"
        )
        .expect("writing to a String");
    }
    for i in 0..(posts / 100).max(1) {
        writeln!(
            out,
            "[[costs]]\nid = \"c{i}\"\nannual = {}\npaid_by = \"brn\"\n",
            10_000 + 1_000 * next(100)
        )
        .expect("writing to a String");
    }
    for f in ["brn", "municipalities", "region"] {
        writeln!(
            out,
            "[[funding]]\nid = \"{f}-funding\"\nfunder = \"{f}\"\nannual = 1_000_000\n"
        )
        .expect("writing to a String");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_scenario_loads_with_its_posts_and_window() {
        let text = scenario(50, 3);
        let loaded = crate::load::load_str(std::path::Path::new("gen.toml"), text).unwrap();
        assert_eq!(loaded.scenario.posts.len(), 50);
        assert_eq!(loaded.scenario.window.to.to_string(), "2025-12-31");
    }
}
