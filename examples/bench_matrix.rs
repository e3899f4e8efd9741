//! Times the full coverage matrix (every country of a corpus against a framework on one
//! date) after loading the corpus once: what `harmonia matrix` computes. Reports the load
//! time and the minimum and median of several runs of `gap::matrix`.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --out /tmp/gen200 --countries 200 --mib 50
//! cargo run --release --example bench_matrix -- /tmp/gen200 [--runs 20] [--framework bc] [--as-of 2024-01-01]
//! ```
//!
//! For a one-off figure from the binary itself: `harmonia matrix --corpus DIR --timings`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use harmonia::corpus::{self, CorpusSource};
use harmonia::gap;

fn main() {
    if let Err(e) = run() {
        eprintln!("bench_matrix: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let mut dir: Option<PathBuf> = None;
    let mut runs = 20usize;
    let mut framework = "bc".to_string();
    let mut as_of = chrono::Local::now().date_naive();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--runs" => runs = val()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--framework" => framework = val()?,
            "--as-of" => as_of = corpus::parse_date(&val()?)?,
            "-h" | "--help" => {
                println!("bench_matrix [CORPUS_DIR] [--runs N (20)] [--framework ID (bc)] [--as-of DATE]");
                return Ok(());
            }
            other if !other.starts_with('-') && dir.is_none() => dir = Some(PathBuf::from(other)),
            other => return Err(format!("unknown argument {other} (see --help)")),
        }
    }
    let source = CorpusSource::new(dir);

    // 1. Load (read, parse and validate) once.
    let started = Instant::now();
    let loaded = corpus::load(&source).map_err(|e| e.to_string())?;
    let load = started.elapsed();
    if loaded.diagnostics.has_errors() {
        return Err(format!(
            "{} has {} error(s); run `harmonia check`",
            source.describe(),
            loaded.diagnostics.error_count()
        ));
    }
    let c = &loaded.corpus;
    let fw = c
        .framework(&framework)
        .ok_or_else(|| format!("no framework `{framework}`"))?;
    let countries: Vec<_> = c.countries.iter().collect();
    let sections = c.sections().filter(|(_, s)| s.mapping.is_some()).count();

    // 2. Compute the matrix `runs` times; keep every duration.
    let mut times: Vec<Duration> = Vec::with_capacity(runs.max(1));
    let mut cells = 0;
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        let m = gap::matrix(c, fw, &countries, as_of);
        times.push(started.elapsed());
        cells = std::hint::black_box(m)
            .iter()
            .map(|x| x.provisions.len())
            .sum();
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "corpus {}: {} countries, {} statutes, {} mapped sections; framework {} ({} provisions), as of {as_of}",
        source.describe(),
        countries.len(),
        c.statutes.len(),
        sections,
        fw.id,
        fw.provisions.len()
    );
    println!("load: {:.0} ms", ms(load));
    println!(
        "matrix ({cells} cells), {} runs: min {:.1} ms, median {:.1} ms, max {:.1} ms",
        times.len(),
        ms(times[0]),
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1])
    );
    Ok(())
}
