//! Evaluates harmonia search on the labelled query set (`benches/search-labelled.txt`):
//! recall@10, MRR and nDCG@10 per pair of query and statute language, for the built-in
//! corpus, with every analysis step, with each step off in turn, and with all off (search as
//! it was before). Prints Markdown tables (the figures of docs/search.md).
//!
//! ```sh
//! cargo run --release --example search_eval            # tables
//! cargo run --release --example search_eval -- --misses   # and every expected section missed
//! ```

use std::path::Path;

use harmonia::corpus::CorpusSource;
use harmonia::diagnostic::Diagnostics;
use harmonia::index::bridge::Analysis;
use harmonia::index::eval::{self, Figures, Judgement};
use harmonia::index::{build, SearchIndex};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let misses = std::env::args().any(|a| a == "--misses");
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/search-labelled.txt");
    let blocks = eval::parse(
        "benches/search-labelled.txt",
        &std::fs::read_to_string(&file)?,
    )?;
    let dir = tempfile::tempdir()?;
    let mut problems = Diagnostics::new();
    let refreshed = build::refresh(
        &CorpusSource::BuiltIn,
        dir.path(),
        &build::Options::default(),
        &mut problems,
    )?;
    let index = SearchIndex::open(&refreshed.generation)?;
    let queries: usize = blocks.iter().map(|b| b.queries.len()).sum();
    let all = eval::run(&index, &blocks, Analysis::default())?;
    println!(
        "{queries} queries, {} judgements, {} sections\n",
        all.len(),
        index.num_sections()
    );

    let variants: [(&str, Analysis); 6] = [
        ("all steps", Analysis::default()),
        ("before (none)", Analysis::baseline()),
        (
            "without the term table",
            Analysis {
                terms: false,
                ..Analysis::default()
            },
        ),
        (
            "without verb forms",
            Analysis {
                inflection: false,
                ..Analysis::default()
            },
        ),
        (
            "without compounds",
            Analysis {
                compounds: false,
                ..Analysis::default()
            },
        ),
        (
            "without per-language lengths",
            Analysis {
                language_lengths: false,
                ..Analysis::default()
            },
        ),
    ];
    println!(
        "| analysis | recall@10 | MRR | nDCG@10 | cross-language recall@10 | worst cross pair |"
    );
    println!("|---|---|---|---|---|---|");
    for (name, analysis) in variants {
        let j = if analysis == Analysis::default() {
            all.clone()
        } else {
            eval::run(&index, &blocks, analysis)?
        };
        let overall = Figures::of(&j);
        let cross = Figures::of(j.iter().filter(|x| x.from != x.to));
        let worst = eval::per_pair(&j)
            .into_iter()
            .filter(|((f, t), _)| f != t)
            .min_by(|a, b| a.1.recall.total_cmp(&b.1.recall))
            .map(|((f, t), x)| format!("{f}→{t} {:.2}", x.recall))
            .unwrap_or_default();
        println!(
            "| {name} | {:.3} | {:.3} | {:.3} | {:.3} | {worst} |",
            overall.recall, overall.mrr, overall.ndcg, cross.recall
        );
    }
    let before = eval::per_pair(&eval::run(&index, &blocks, Analysis::baseline())?);
    println!("\n| query → statutes | judgements | recall@10 | MRR | nDCG@10 | before: recall@10 | MRR | nDCG@10 |");
    println!("|---|---|---|---|---|---|---|---|");
    for ((from, to), f) in eval::per_pair(&all) {
        let b = before
            .get(&(from.clone(), to.clone()))
            .copied()
            .unwrap_or_default();
        println!(
            "| {from} → {to} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} |",
            f.n, f.recall, f.mrr, f.ndcg, b.recall, b.mrr, b.ndcg
        );
    }
    let pairs = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/search-forms.txt"),
    )?;
    let (plain, with, compounds) = harmonia::index::morph::judge_pairs(&pairs)?;
    println!(
        "\n| word forms (benches/search-forms.txt) | pairs to join | joined | precision | recall |"
    );
    println!("|---|---|---|---|---|");
    for (name, j) in [
        ("verb forms, Snowball stem alone", plain),
        ("verb forms, with harmonia's variants", with),
        ("German compounds", compounds),
    ] {
        println!(
            "| {name} | {} | {} | {:.2} | {:.2} |",
            j.should,
            j.joined,
            j.precision(),
            j.recall()
        );
    }
    if misses {
        println!();
        for j in all.iter().filter(|j: &&Judgement| !j.missed.is_empty()) {
            println!(
                "{} {}→{} `{}`: missed {}",
                j.concept,
                j.from,
                j.to,
                j.query,
                j.missed.join(", ")
            );
        }
    }
    Ok(())
}
