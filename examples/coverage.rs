//! Using harmonia as a library: load the built-in corpus, ask what one country's law covers
//! of the Budapest Convention today, and print each gap with its missing elements and the
//! sections that already implement part of it, then what nobody has examined yet.
//!
//! ```text
//! cargo run --example coverage -- AR
//! ```

use harmonia::corpus::{self, CorpusSource};
use harmonia::gap::{self, Status};
use harmonia::id::CountryCode;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let code = CountryCode::parse(&std::env::args().nth(1).unwrap_or_else(|| "AR".into()))?;

    // 1. Load and validate the corpus compiled into the binary. Loading never stops at the
    //    first problem: `diagnostics` holds every error and warning, located.
    let loaded = corpus::load(&CorpusSource::BuiltIn)?;
    if loaded.diagnostics.has_errors() {
        eprintln!("{}", loaded.diagnostics.render(false));
        return Err("the corpus has errors".into());
    }
    let corpus = loaded.corpus;

    // 2. Pick the framework and the country.
    let budapest = corpus.framework("bc").ok_or("no Budapest framework")?;
    let country = corpus
        .country(&code)
        .ok_or_else(|| format!("no country {code} in the corpus"))?;

    // 3. Coverage on a date: every provision gets a status, its covered, missing and
    //    reserved elements, the sections that implement it and penalty flags.
    let today = chrono::Local::now().date_naive();
    let coverage = gap::coverage(&corpus, budapest, country, today);
    //    A score rests only on the provisions with a verdict: `unknown` ones (nobody examined
    //    the law) are left out, and `examined` says how much of the framework that is.
    let score = coverage
        .scores
        .overall
        .map_or_else(|| "n/a".to_string(), |s| format!("{:.0}%", s * 100.0));
    println!(
        "{} against {}: overall score {score} over the {:.0}% of provisions examined",
        country.name,
        budapest.title,
        coverage.scores.examined * 100.0
    );

    // 4. The gaps, element by element.
    for c in coverage.provisions.iter().filter(|c| {
        matches!(
            c.status,
            Status::Missing | Status::Partial | Status::Unknown
        )
    }) {
        let missing: Vec<&str> = c
            .missing
            .iter()
            .filter_map(|id| {
                budapest
                    .provision(&c.provision)?
                    .element(id)
                    .map(|e| e.label.as_str())
            })
            .collect();
        println!(
            "- {} (art. {}) {}: {}",
            c.provision, c.article, c.status, c.title
        );
        if c.status == Status::Unknown {
            println!("    not examined: the corpus holds nothing on it");
            continue;
        }
        println!("    {}: {}", c.missing_label(), missing.join("; "));
        for s in &c.sections {
            println!("    partly implemented by {s}");
        }
    }
    Ok(())
}
