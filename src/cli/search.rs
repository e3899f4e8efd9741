//! `harmonia search`: sections across countries and languages, by words (any language the
//! corpus holds, stemmed), by provision, or both, with filters. The index is built or
//! refreshed first when the corpus changed since it was last built.

use std::path::PathBuf;
use std::time::Instant;

use anstyle::Style;
use serde_json::{json, Value};

use super::index::{action_name, describe, refresh, IndexArgs};
use super::{select, CorpusArgs};
use crate::corpus::{parse_date, Corpus};
use crate::error::{Error, Result};
use crate::id::ProvisionId;
use crate::index::build::Action;
use crate::index::query::{DateFilter, SearchRequest, SearchResults};
use crate::index::{verify, SearchIndex};
use crate::output::{self, Format};

/// Arguments of `harmonia search`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The query: words (most must match, in any language: a word also finds its
    /// translations through the term table and the provisions; `informático` also finds
    /// `informatico` and `informáticos`), "exact phrases", AND, OR, NOT or -word, (groups),
    /// field:value (heading:, title:, country:, provision:, text_es:, ...). Leave it out to
    /// list the sections the filters select.
    #[arg(value_name = "QUERY")]
    query: Vec<String>,
    /// Words written `-word` on the command line (see [`excluded_words`]).
    #[arg(
        long = "exclude-word",
        value_name = "WORD",
        hide = true,
        allow_hyphen_values = true
    )]
    exclude_word: Vec<String>,
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    index: IndexArgs,
    /// Only sections implementing one of these provisions (e.g. bc-2,bc-3).
    #[arg(long, value_name = "ID,..", value_delimiter = ',')]
    provision: Vec<String>,
    /// Only these countries (codes or English names, e.g. AR,BR).
    #[arg(long, value_name = "CC,..", value_delimiter = ',')]
    country: Vec<String>,
    /// Only countries of these regions (as in country.yaml, e.g. Americas).
    #[arg(long, value_name = "REGION,..", value_delimiter = ',')]
    region: Vec<String>,
    /// Only sections implementing provisions of these areas (substantive, procedural, ...).
    #[arg(long, value_name = "AREA,..", value_delimiter = ',')]
    area: Vec<String>,
    /// Only statutes written in these languages (ISO 639-1, e.g. es,pt).
    #[arg(long, value_name = "LANG,..", value_delimiter = ',')]
    language: Vec<String>,
    /// Only sections in force on this date (YYYY-MM-DD); default: today.
    #[arg(long, value_name = "DATE", conflicts_with = "all_dates")]
    as_of: Option<String>,
    /// Sections whatever their dates (repealed and future ones too).
    #[arg(long)]
    all_dates: bool,
    /// How many hits to show.
    #[arg(long, default_value_t = 10, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=10_000))]
    limit: u32,
    /// Output format.
    #[arg(long, default_value = "table", value_parser = output::formats(&["table", "json", "md"]))]
    format: Format,
    /// Benchmark: run every query of FILE (one a line) against the warm index and print
    /// latency percentiles as JSON.
    #[arg(long, value_name = "FILE", hide = true)]
    bench_queries: Option<PathBuf>,
    /// Benchmark: timed rounds over the query file.
    #[arg(long, value_name = "N", default_value_t = 5, hide = true)]
    bench_rounds: u32,
}

/// The command line with every `-word` of a `harmonia search` (a word to exclude, as the
/// query syntax writes it) turned into `--exclude-word=word`, so that the option parser does
/// not take it for an unknown option. Options (`--limit`), `-h`, and everything after `--`
/// are left alone.
pub fn excluded_words(
    args: impl IntoIterator<Item = std::ffi::OsString>,
) -> Vec<std::ffi::OsString> {
    let mut out = Vec::new();
    let mut in_search = false;
    let mut after_dashes = false;
    for (i, arg) in args.into_iter().enumerate() {
        let text = arg.to_str().map(str::to_string);
        match text.as_deref() {
            Some("search")
                if i > 0
                    && !in_search
                    && !out
                        .iter()
                        .skip(1)
                        .any(|a: &std::ffi::OsString| !a.to_string_lossy().starts_with('-')) =>
            {
                in_search = true;
            }
            Some("--") if in_search => after_dashes = true,
            Some(t)
                if in_search
                    && !after_dashes
                    && t.len() > 1
                    && t.starts_with('-')
                    && !t.starts_with("--")
                    && t != "-h" =>
            {
                out.push(format!("--exclude-word={}", &t[1..]).into());
                continue;
            }
            _ => {}
        }
        out.push(arg);
    }
    out
}

/// Runs `harmonia search`.
pub fn execute(args: Args) -> Result<i32> {
    let refreshed = refresh(&args.corpus, &args.index, false, true)?;
    let report = &refreshed.report;
    if report.action != Action::Fresh {
        output::eprint(&format!("harmonia: {}\n", describe(report)));
    }
    let request = request(&args, &refreshed.skeleton)?;
    let index = match SearchIndex::open(&refreshed.generation) {
        Ok(index) => Some(index),
        // Another process published a newer index and deleted this one between our check
        // and our opening it: look again.
        Err(_) if !refreshed.generation.exists() => Some(SearchIndex::open(
            &refresh(&args.corpus, &args.index, false, true)?.generation,
        )?),
        // Perhaps damaged: the search below finds out, rebuilds and searches again.
        Err(_) => None,
    };
    if let (Some(index), Some(file)) = (&index, &args.bench_queries) {
        return bench(index, &request, file, args.bench_rounds);
    }
    let mut opened = index;
    let (results, repaired) = verify::search_healing(
        &refreshed.generation,
        |generation| match opened.take() {
            Some(index) => index.search(&request),
            None => SearchIndex::open(generation)?.search(&request),
        },
        || Ok(refresh(&args.corpus, &args.index, true, true)?.generation),
    )?;
    if let Some(damage) = repaired {
        output::eprint(&format!(
            "harmonia: the index was damaged: {damage}; rebuilt it\n"
        ));
    }
    let out = match args.format {
        Format::Json => to_json(&results, &request, report),
        Format::Md => to_markdown(&results, &request),
        _ => to_table(&results, &request),
    };
    output::print(&out);
    Ok(0)
}

/// Turns the arguments into a checked request: every filter value must name something the
/// corpus knows, so a typo is an error rather than an empty answer.
fn request(args: &Args, corpus: &Corpus) -> Result<SearchRequest> {
    let mut provisions = Vec::new();
    for p in &args.provision {
        let id = ProvisionId::parse(p).map_err(Error::Usage)?;
        let known = corpus
            .framework(id.framework())
            .and_then(|f| f.provision(&id))
            .is_some();
        if !known {
            let all = corpus
                .frameworks
                .iter()
                .flat_map(|f| f.provisions.iter().map(|p| p.id.as_str()));
            return Err(select::unknown("provision", id.as_str(), all));
        }
        provisions.push(id.to_string());
    }
    let mut countries = Vec::new();
    for c in &args.country {
        countries.push(select::country(corpus, c)?.code.to_string());
    }
    for r in &args.region {
        select::region(corpus, r)?;
    }
    let mut areas: Vec<&str> = corpus
        .frameworks
        .iter()
        .flat_map(|f| f.areas.iter().map(String::as_str))
        .collect();
    areas.sort_unstable();
    areas.dedup();
    for a in &args.area {
        if !areas.iter().any(|x| x.eq_ignore_ascii_case(a.trim())) {
            return Err(select::unknown("area", a, areas.iter().copied()));
        }
    }
    let languages = args
        .language
        .iter()
        .map(|l| select::language(l))
        .collect::<Result<Vec<_>>>()?;
    let date = if args.all_dates {
        DateFilter::All
    } else {
        match &args.as_of {
            Some(d) => {
                DateFilter::AsOf(parse_date(d).map_err(|m| Error::Usage(format!("--as-of: {m}")))?)
            }
            None => DateFilter::AsOf(chrono::Local::now().date_naive()),
        }
    };
    let mut query = args.query.join(" ");
    for w in &args.exclude_word {
        query.push_str(" -");
        query.push_str(w);
    }
    Ok(SearchRequest {
        query: (!query.trim().is_empty()).then_some(query),
        provisions,
        countries,
        regions: args.region.iter().map(|r| r.trim().to_string()).collect(),
        areas: args.area.iter().map(|a| a.trim().to_string()).collect(),
        languages,
        date,
        limit: args.limit as usize,
        ..SearchRequest::default()
    })
}

fn round(score: f32) -> f64 {
    (f64::from(score) * 1000.0).round() / 1000.0
}

/// The JSON answer, keys in this order: `{query, total, hits: [...], facets: {country,
/// provision}, as_of, index}`.
#[derive(serde::Serialize)]
struct JsonResults<'a> {
    query: &'a str,
    total: usize,
    hits: Vec<JsonHit<'a>>,
    facets: &'a crate::index::query::Facets,
    as_of: Option<chrono::NaiveDate>,
    index: JsonIndex,
}

#[derive(serde::Serialize)]
struct JsonHit<'a> {
    section: &'a str,
    statute: &'a str,
    country: &'a str,
    heading: &'a str,
    language: &'a str,
    provisions: &'a [String],
    score: f64,
    /// HTML-escaped, matched words in `<mark>`.
    snippet: String,
    statute_title: &'a str,
    context: &'a [String],
    file: &'a str,
    line: u64,
    in_force: Option<chrono::NaiveDate>,
    repealed: Option<chrono::NaiveDate>,
    /// Why it matched, one reason a concept and route.
    why: &'a [crate::index::bridge::Reason],
}

#[derive(serde::Serialize)]
struct JsonIndex {
    action: &'static str,
    reindexed: usize,
    removed: usize,
}

fn to_json(
    results: &SearchResults,
    request: &SearchRequest,
    report: &crate::index::build::Report,
) -> String {
    let hits = results
        .hits
        .iter()
        .map(|h| JsonHit {
            section: &h.section,
            statute: &h.statute,
            country: &h.country,
            heading: &h.heading,
            language: &h.language,
            provisions: &h.provisions,
            score: round(h.score),
            snippet: h.snippet.to_html(),
            statute_title: &h.statute_title,
            context: &h.context,
            file: &h.file,
            line: h.line,
            in_force: h.in_force,
            repealed: h.repealed,
            why: &h.why,
        })
        .collect();
    let json = output::json(&JsonResults {
        query: &results.query,
        total: results.total,
        hits,
        facets: &results.facets,
        as_of: match request.date {
            DateFilter::AsOf(d) => Some(d),
            DateFilter::All => None,
        },
        index: JsonIndex {
            action: action_name(report.action),
            reindexed: report.files_indexed,
            removed: report.files_removed,
        },
    });
    escape_json_controls(&json)
}

/// Control characters serde_json leaves as they are (DEL and the C1 controls, U+007F to
/// U+009F, among them the 8-bit CSI U+009B) written as `\u` escapes: they only occur inside
/// JSON strings, where the escape means the same character, and they never reach a terminal.
fn escape_json_controls(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if ('\u{7f}'..='\u{9f}').contains(&c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Corpus text for the terminal or Markdown: C0 and C1 control characters (ESC, CSI
/// U+009B, BEL, ...) removed, tabs and newlines kept. The output writers of
/// [`crate::output`] do not filter them yet; search filters what it prints itself.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|&c| !(c.is_control() && c != '\n' && c != '\t'))
        .collect()
}

/// The reasons of a hit in one line.
fn why_line(h: &crate::index::query::Hit) -> String {
    h.why
        .iter()
        .map(|r| r.describe())
        .collect::<Vec<_>>()
        .join("; ")
}

fn scope(results: &SearchResults, request: &SearchRequest) -> String {
    let n = results.total;
    let what = match (results.query.is_empty(), n == 1) {
        (true, true) => "section listed".to_string(),
        (true, false) => "sections listed".to_string(),
        (false, true) => format!("section matches `{}`", results.query),
        (false, false) => format!("sections match `{}`", results.query),
    };
    let when = match request.date {
        DateFilter::AsOf(d) => format!("in force on {d}"),
        DateFilter::All => "any date".to_string(),
    };
    format!(
        "{n} {what} ({when}){}",
        if results.hits.len() < n {
            format!("; {} shown", results.hits.len())
        } else {
            String::new()
        }
    )
}

fn facet_line(results: &SearchResults) -> String {
    let top = |m: &std::collections::BTreeMap<String, u64>| {
        let mut v: Vec<(&String, &u64)> = m.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        v.iter()
            .take(12)
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = String::new();
    if !results.facets.country.is_empty() {
        out.push_str(&format!("by country: {}\n", top(&results.facets.country)));
    }
    if !results.facets.provision.is_empty() {
        out.push_str(&format!(
            "by provision: {}\n",
            top(&results.facets.provision)
        ));
    }
    out
}

fn to_table(results: &SearchResults, request: &SearchRequest) -> String {
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    let paint = |s: Style, t: &str| format!("{}{t}{}", s.render(), s.render_reset());
    let mut out = format!("{}\n", plain(&scope(results, request)));
    for (i, h) in results.hits.iter().enumerate() {
        let provisions = if h.provisions.is_empty() {
            "-".to_string()
        } else {
            h.provisions.join(",")
        };
        let score = if results.query.is_empty() {
            String::new()
        } else {
            format!("  score {:.2}", h.score)
        };
        out.push_str(&format!(
            "\n{:>3}. {}  {} {}  {}{score}\n",
            i + 1,
            paint(bold, &plain(&h.section)),
            plain(&h.country),
            plain(&h.language),
            plain(&provisions)
        ));
        out.push_str(&format!(
            "     {}  {}\n",
            plain(&h.heading),
            paint(dim, &format!("({})", plain(&h.statute_title)))
        ));
        let snippet = h.snippet.render(plain, |w| paint(bold, &plain(w)));
        if !snippet.is_empty() {
            out.push_str(&format!("     {snippet}\n"));
        }
        if !h.why.is_empty() {
            out.push_str(&format!(
                "     {}\n",
                paint(dim, &format!("why: {}", plain(&why_line(h))))
            ));
        }
    }
    if !results.hits.is_empty() {
        out.push('\n');
        out.push_str(&plain(&facet_line(results)));
    }
    out
}

fn to_markdown(results: &SearchResults, request: &SearchRequest) -> String {
    let mut out = format!("{}\n\n", output::md_cell(&scope(results, request)));
    let rows: Vec<Vec<output::Cell>> = results
        .hits
        .iter()
        .enumerate()
        .map(|(i, h)| {
            vec![
                (i + 1).to_string().into(),
                // A section id is validated (no backticks): our markup around it.
                output::Cell::markup(format!("`{}`", h.section)),
                h.country.clone().into(),
                h.language.clone().into(),
                h.heading.clone().into(),
                h.provisions.join(", ").into(),
                format!("{:.2}", h.score).into(),
                // Escaped piece by piece by the snippet, highlights in bold.
                output::Cell::markup(h.snippet.to_markdown()),
                why_line(h).into(),
            ]
        })
        .collect();
    out.push_str(&output::md_table(
        &[
            "#",
            "section",
            "country",
            "language",
            "heading",
            "provisions",
            "score",
            "snippet",
            "why",
        ],
        &rows,
    ));
    let facets = facet_line(results);
    if !facets.is_empty() {
        out.push('\n');
        for line in facets.lines() {
            out.push_str(&format!("- {line}\n"));
        }
    }
    plain(&out)
}

/// Times every query of `file` against the open index: one warm-up pass, then `rounds`
/// timed passes. Prints JSON with the latency percentiles in milliseconds.
fn bench(
    index: &SearchIndex,
    base: &SearchRequest,
    file: &std::path::Path,
    rounds: u32,
) -> Result<i32> {
    let text = std::fs::read_to_string(file).map_err(|source| Error::Io {
        path: file.to_path_buf(),
        source,
    })?;
    let queries: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    if queries.is_empty() {
        return Err(Error::Usage(format!(
            "{} holds no queries (one a line; # starts a comment)",
            file.display()
        )));
    }
    let run = |q: &str| -> Result<(f64, usize)> {
        let request = SearchRequest {
            query: Some(q.to_string()),
            ..base.clone()
        };
        let t = Instant::now();
        let r = index.search(&request)?;
        Ok((t.elapsed().as_secs_f64() * 1000.0, r.total))
    };
    let mut totals = Vec::new();
    for q in &queries {
        totals.push(run(q)?.1);
    }
    let mut times = Vec::new();
    let mut per_query: Vec<Vec<f64>> = vec![Vec::new(); queries.len()];
    for _ in 0..rounds.max(1) {
        for (i, q) in queries.iter().enumerate() {
            let (ms, _) = run(q)?;
            times.push(ms);
            per_query[i].push(ms);
        }
    }
    let pct = |v: &mut Vec<f64>, p: f64| -> f64 {
        v.sort_by(f64::total_cmp);
        let i = ((v.len() as f64 - 1.0) * p).round() as usize;
        (v[i.min(v.len() - 1)] * 1000.0).round() / 1000.0
    };
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    let detail: Vec<Value> = queries
        .iter()
        .zip(per_query.iter_mut())
        .zip(&totals)
        .map(|((q, t), total)| json!({ "query": q, "total": total, "p50_ms": pct(t, 0.5), "max_ms": pct(t, 1.0) }))
        .collect();
    let summary = json!({
        "queries": queries.len(),
        "rounds": rounds.max(1),
        "sections": index.num_sections(),
        "p50_ms": pct(&mut times, 0.5),
        "p90_ms": pct(&mut times, 0.9),
        "p99_ms": pct(&mut times, 0.99),
        "max_ms": pct(&mut times, 1.0),
        "mean_ms": (mean * 1000.0).round() / 1000.0,
        "per_query": detail,
    });
    output::print(&output::json(&summary));
    Ok(0)
}
