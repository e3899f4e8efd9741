//! How long `harmonia import` takes on a large code, per source format.
//!
//! Without arguments it generates a synthetic code of about 700 KB (deterministic pseudo-words
//! in German-like sentences, one `§` a section, books and chapters above them) in all three
//! formats, Markdown, Akoma Ntoso and plain text, and imports each `--runs` times, printing
//! the median and the fastest run. With `FILE FORMAT` it times a file of your own instead
//! (for instance a published code fetched to /tmp).
//!
//! ```sh
//! cargo run --release --example bench_import -- --runs 20
//! cargo run --release --example bench_import -- /tmp/stpo.md markdown --runs 20
//! ```

use std::time::Instant;

use harmonia::id::CountryCode;
use harmonia::import::{self, ImportOptions, SourceFormat};

fn words(seed: &mut u64, n: usize) -> String {
    const SYL: [&str; 16] = [
        "ver", "stra", "fen", "ge", "setz", "recht", "da", "ten", "an", "la", "ge", "be", "tei",
        "lig", "ung", "keit",
    ];
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let mut w = String::new();
        for _ in 0..2 + (*seed % 3) as usize {
            *seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            w.push_str(SYL[(*seed >> 33) as usize % SYL.len()]);
        }
        out.push(w);
    }
    out.join(" ")
}

/// Sections of the synthetic code: (book, chapter, number, title, paragraphs).
fn synthetic(target_bytes: usize) -> Vec<(usize, usize, String, String, Vec<String>)> {
    let mut seed = 7u64;
    let mut out = Vec::new();
    let mut size = 0;
    let mut n = 0;
    while size < target_bytes {
        n += 1;
        let number = if n % 9 == 0 {
            format!("{}a", n - 1)
        } else {
            n.to_string()
        };
        let title = words(&mut seed, 3);
        let paras: Vec<String> = (0..3)
            .map(|i| {
                format!(
                    "({}) Wer {} wird mit Freiheitsstrafe bis zu {} Jahren bestraft.",
                    i + 1,
                    words(&mut seed, 30),
                    1 + n % 5
                )
            })
            .collect();
        size += paras.iter().map(String::len).sum::<usize>() + title.len() + 20;
        out.push((n / 200, n / 25, number, title, paras));
    }
    out
}

fn markdown(units: &[(usize, usize, String, String, Vec<String>)]) -> String {
    let mut s = String::from("---\nTitle: Synthetisches Gesetzbuch\njurabk: SynGB\n---\n\n# Synthetisches Gesetzbuch\n\nAusfertigungsdatum\n:   2001-01-01\n");
    let (mut book, mut chapter) = (usize::MAX, usize::MAX);
    for (b, c, num, title, paras) in units {
        if *b != book {
            book = *b;
            s.push_str(&format!("\n## Buch {b}\n"));
        }
        if *c != chapter {
            chapter = *c;
            s.push_str(&format!("\n### Abschnitt {c}\n"));
        }
        s.push_str(&format!(
            "\n#### § {num} {title}\n\n{}\n",
            paras.join("\n\n")
        ));
    }
    s
}

fn text(units: &[(usize, usize, String, String, Vec<String>)]) -> String {
    let mut s = String::from("Synthetisches Gesetzbuch\n");
    let (mut book, mut chapter) = (usize::MAX, usize::MAX);
    for (b, c, num, title, paras) in units {
        if *b != book {
            book = *b;
            s.push_str(&format!("\nErstes Buch {b}\n"));
        }
        if *c != chapter {
            chapter = *c;
            s.push_str(&format!("\nAbschnitt {c}\n"));
        }
        s.push_str(&format!("\n§ {num} {title}\n{}\n", paras.join("\n")));
    }
    s
}

fn akn(units: &[(usize, usize, String, String, Vec<String>)]) -> String {
    let mut s = String::from(
        r##"<?xml version="1.0"?><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><meta><identification source="#x"><FRBRWork><FRBRthis value="/akn/de/act/2001/1/!main"/><FRBRname value="Synthetisches Gesetzbuch"/><FRBRdate date="2001-01-01" name="Generation"/></FRBRWork><FRBRExpression><FRBRdate date="2001-01-01" name="Generation"/><FRBRlanguage language="deu"/></FRBRExpression></identification></meta><body>"##,
    );
    let mut open = false;
    let mut chapter = usize::MAX;
    for (_, c, num, title, paras) in units {
        if *c != chapter {
            if open {
                s.push_str("</chapter>");
            }
            chapter = *c;
            open = true;
            s.push_str(&format!("<chapter><num>Abschnitt {c}</num>"));
        }
        s.push_str(&format!(
            "<article eId=\"art_{num}\"><num>§ {num}</num><heading>{title}</heading>"
        ));
        for p in paras {
            s.push_str(&format!(
                "<paragraph><content><p>{p}</p></content></paragraph>"
            ));
        }
        s.push_str("</article>");
    }
    if open {
        s.push_str("</chapter>");
    }
    s.push_str("</body></act></akomaNtoso>");
    s
}

fn time(label: &str, source: &str, format: SourceFormat, runs: usize) {
    let opts = ImportOptions {
        country: CountryCode::parse("DE").expect("valid"),
        id: None,
        language: None,
        source_name: "bench".into(),
    };
    let mut times = Vec::with_capacity(runs);
    let mut articles = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let done = import::import(source, format, &opts).expect("imports");
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        articles = done.articles;
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{label:<10} {:>7.0} KB  {articles:>5} articles  median {:>7.1} ms  fastest {:>7.1} ms",
        source.len() as f64 / 1024.0,
        times[times.len() / 2],
        times[0]
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runs = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|r| r.parse().ok())
        .unwrap_or(10);
    let positional: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--runs"))
        .map(|(_, a)| a)
        .collect();
    if let [file, format] = positional.as_slice() {
        let text = std::fs::read_to_string(file).expect("read the file");
        let format = match format.as_str() {
            "akn" => SourceFormat::Akn,
            "text" => SourceFormat::Text,
            _ => SourceFormat::Markdown,
        };
        time(format.name(), &text, format, runs);
        return;
    }
    let units = synthetic(700 * 1024);
    time("markdown", &markdown(&units), SourceFormat::Markdown, runs);
    time("akn", &akn(&units), SourceFormat::Akn, runs);
    time("text", &text(&units), SourceFormat::Text, runs);
}
