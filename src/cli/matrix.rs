//! `harmonia matrix`: the coverage status of every provision of a framework for several
//! countries (all of the corpus, a list, or a region), one row a country, with its overall
//! score. `--timings` reports how long loading and computing took, on stderr.

use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::gapfmt;
use super::select::{self, CountriesArgs, ScopeArgs};
use super::CorpusArgs;
use crate::corpus::Framework;
use crate::error::Result;
use crate::gap::{self, CountryCoverage, Coverage, Scores};
use crate::id::{CountryCode, ProvisionId};
use crate::md_format;
use crate::output::{self, Cell, Format};
use crate::render::{self, Escape, Templates};

/// Arguments of `harmonia matrix`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    scope: ScopeArgs,
    #[command(flatten)]
    countries: CountriesArgs,
    /// Only the provisions of this area (scores are then over that area).
    #[arg(long, value_name = "AREA")]
    area: Option<String>,
    /// Output format (`html`: a self-contained page with the report's heat map).
    #[arg(long, default_value = "table", value_parser = output::formats(&["table", "json", "csv", "md", "html"]))]
    format: Format,
    /// Folder of templates overriding the built-in ones by name (html).
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// Print the time taken to load the corpus and to compute the matrix to stderr.
    #[arg(long)]
    timings: bool,
}

/// The matrix, as printed in JSON.
#[derive(serde::Serialize)]
struct Report<'a> {
    framework: &'a str,
    as_of: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    area: Option<&'a str>,
    provisions: Vec<&'a ProvisionId>,
    countries: Vec<Row<'a>>,
}

/// One country's row.
#[derive(serde::Serialize)]
struct Row<'a> {
    country: &'a CountryCode,
    name: &'a str,
    cells: Cells<'a>,
    scores: Scores,
}

/// Provision id -> status, serialised as a JSON object in framework order.
struct Cells<'a>(Vec<&'a Coverage>);

impl Serialize for Cells<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for c in &self.0 {
            map.serialize_entry(&c.provision, &c.status)?;
        }
        map.end()
    }
}

/// Runs `harmonia matrix`.
pub fn execute(args: Args) -> Result<i32> {
    let started = Instant::now();
    let corpus = args.corpus.load()?;
    let loaded = started.elapsed();
    let framework = args.scope.framework(&corpus, None)?;
    let date = args.scope.as_of()?;
    let countries = args.countries.select(&corpus)?;
    let area = args
        .area
        .as_deref()
        .map(|a| select::area(framework, a))
        .transpose()?;
    let started = Instant::now();
    let matrix = gap::matrix(&corpus, framework, &countries, date);
    let computed = started.elapsed();
    if args.timings {
        output::eprint(&format!(
            "load: {:.1} ms; matrix: {:.1} ms ({} countries x {} provisions)\n",
            loaded.as_secs_f64() * 1000.0,
            computed.as_secs_f64() * 1000.0,
            countries.len(),
            framework.provisions.len()
        ));
    }
    let report = report(framework, date, area, &matrix);
    let text = match args.format {
        Format::Json => output::json(&report),
        Format::Csv => csv(&report)?,
        Format::Md => markdown(framework, &report),
        Format::Html => html(&Templates::new(args.templates.clone())?, framework, &report)?,
        _ => table(framework, &report),
    };
    output::print(&text);
    Ok(0)
}

fn report<'a>(
    framework: &'a Framework,
    date: NaiveDate,
    area: Option<&'a str>,
    matrix: &'a [CountryCoverage],
) -> Report<'a> {
    let provisions = framework
        .provisions
        .iter()
        .filter(|p| area.is_none_or(|a| p.area == a))
        .map(|p| &p.id)
        .collect();
    let countries = matrix
        .iter()
        .map(|cc| {
            let cells: Vec<&Coverage> = cc
                .provisions
                .iter()
                .filter(|c| area.is_none_or(|a| c.area == a))
                .collect();
            let scores = match area {
                Some(_) => {
                    let owned: Vec<Coverage> = cells.iter().map(|c| (*c).clone()).collect();
                    gap::scores(framework, &owned)
                }
                None => cc.scores.clone(),
            };
            Row {
                country: &cc.country,
                name: &cc.name,
                cells: Cells(cells),
                scores,
            }
        })
        .collect();
    Report {
        framework: &framework.id,
        as_of: date,
        area,
        provisions,
        countries,
    }
}

/// A provision id without its framework prefix (`bc-1a` -> `1a`), for narrow columns.
fn short(framework: &Framework, id: &ProvisionId) -> String {
    id.as_str()
        .strip_prefix(&format!("{}-", framework.id))
        .unwrap_or(id.as_str())
        .to_string()
}

fn table(framework: &Framework, r: &Report) -> String {
    let shorts: Vec<String> = r.provisions.iter().map(|p| short(framework, p)).collect();
    let mut headers: Vec<&str> = vec!["country"];
    headers.extend(shorts.iter().map(String::as_str));
    headers.push("score");
    headers.push("examined");
    let rows: Vec<Vec<Cell>> = r
        .countries
        .iter()
        .map(|row| {
            let mut cells: Vec<Cell> = vec![row.country.as_str().into()];
            cells.extend(row.cells.0.iter().map(|c| {
                Cell::styled(
                    gapfmt::status_letter(c.status),
                    output::status_style(c.status.as_str()),
                )
            }));
            cells.push(gapfmt::score(row.scores.overall).into());
            cells.push(gapfmt::pct(row.scores.examined).into());
            cells
        })
        .collect();
    let area = r.area.map(|a| format!(", area {a}")).unwrap_or_default();
    format!(
        "framework {}{area}, as of {}; columns are provisions {}-<article>\n\n{}\n{}\n({})\n",
        r.framework,
        r.as_of,
        r.framework,
        output::table(&headers, &rows),
        gapfmt::LEGEND,
        gapfmt::SCORE_BASIS
    )
}

fn markdown(framework: &Framework, r: &Report) -> String {
    let mut headers: Vec<&str> = vec!["country", "name"];
    headers.extend(r.provisions.iter().map(|p| p.as_str()));
    headers.push("score");
    headers.push("examined");
    let rows: Vec<Vec<String>> = r
        .countries
        .iter()
        .map(|row| {
            let mut cells = vec![row.country.to_string(), row.name.to_string()];
            cells.extend(row.cells.0.iter().map(|c| c.status.to_string()));
            cells.push(gapfmt::score(row.scores.overall));
            cells.push(gapfmt::pct(row.scores.examined));
            cells
        })
        .collect();
    let area = r
        .area
        .map(|a| md_format!(", area {}", a))
        .unwrap_or_default();
    md_format!(
        "# Coverage matrix: {}\n\nFramework `{}`",
        framework.title,
        framework.id
    ) + &area
        + &md_format!(
            ", as of {}. `missing`: examined and absent; `unknown`: not examined (the corpus \
             may not hold the law). The ",
            r.as_of
        )
        + gapfmt::SCORE_BASIS
        + ".\n\n"
        + &output::md_table(&headers, &rows)
}

fn html(templates: &Templates, framework: &Framework, r: &Report) -> Result<String> {
    let rows: Vec<CountryCoverage> = r
        .countries
        .iter()
        .map(|row| CountryCoverage {
            country: row.country.clone(),
            name: row.name.to_string(),
            framework: framework.id.clone(),
            as_of: r.as_of,
            provisions: row.cells.0.iter().map(|c| (*c).clone()).collect(),
            scores: row.scores.clone(),
        })
        .collect();
    let page = render::matrix::page(framework, &rows, r.as_of, r.area);
    templates.render("matrix.html.j2", Escape::Html, &page)
}

fn csv(r: &Report) -> Result<String> {
    let mut headers: Vec<&str> = vec!["country"];
    headers.extend(r.provisions.iter().map(|p| p.as_str()));
    headers.push("score");
    headers.push("examined");
    let rows: Vec<Vec<String>> = r
        .countries
        .iter()
        .map(|row| {
            let mut cells = vec![row.country.to_string()];
            cells.extend(row.cells.0.iter().map(|c| c.status.to_string()));
            cells.push(
                row.scores
                    .overall
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
            );
            cells.push(row.scores.examined.to_string());
            cells
        })
        .collect();
    output::csv(&headers, &rows)
}
