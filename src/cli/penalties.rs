//! `harmonia penalties`: prison terms for one offence (`--provision`) or every offence of a
//! framework across countries: each country's lowest minimum and highest maximum among its
//! implementing sections in force, fines, flags, and the median, mean, lowest and highest
//! maximum (the median is what drafting proposals use).

use chrono::NaiveDate;
use serde::Serialize;

use super::gapfmt::{self, list};
use super::select::{self, CountriesArgs, ScopeArgs};
use super::CorpusArgs;
use crate::md_format;
use crate::corpus::Framework;
use crate::error::Result;
use crate::gap::{self, PenaltyStats, PenaltyTable};
use crate::output::{self, Cell, Format};

/// Arguments of `harmonia penalties`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    scope: ScopeArgs,
    #[command(flatten)]
    countries: CountriesArgs,
    /// Only this provision (e.g. `bc-2`); default: every offence of the framework. Its
    /// prefix names the framework when --framework is not given.
    #[arg(long, value_name = "ID")]
    provision: Option<String>,
    /// Output format.
    #[arg(long, default_value = "table", value_parser = output::formats(&["table", "json", "csv", "md"]))]
    format: Format,
}

/// One provision's table, as printed in JSON.
#[derive(Serialize)]
struct One<'a> {
    framework: &'a str,
    #[serde(flatten)]
    table: &'a PenaltyTable,
}

/// Every offence, as printed in JSON.
#[derive(Serialize)]
struct All<'a> {
    framework: &'a str,
    as_of: NaiveDate,
    offences: &'a [PenaltyTable],
}

/// Runs `harmonia penalties`.
pub fn execute(args: Args) -> Result<i32> {
    let corpus = args.corpus.load()?;
    let fallback = args
        .provision
        .as_deref()
        .and_then(select::framework_of_provision);
    let framework = args.scope.framework(&corpus, fallback.as_deref())?;
    let date = args.scope.as_of()?;
    let countries = args.countries.select(&corpus)?;
    let provisions = match &args.provision {
        Some(id) => vec![select::provision(framework, id)?],
        None => framework
            .provisions
            .iter()
            .filter(|p| gap::is_offence(p))
            .collect(),
    };
    let tables: Vec<PenaltyTable> = provisions
        .iter()
        .map(|p| gap::penalties(&corpus, framework, p, &countries, date))
        .collect();
    let text = match args.format {
        Format::Json => match (&args.provision, tables.first()) {
            (Some(_), Some(table)) => output::json(&One {
                framework: &framework.id,
                table,
            }),
            _ => output::json(&All {
                framework: &framework.id,
                as_of: date,
                offences: &tables,
            }),
        },
        Format::Csv => csv(&tables)?,
        Format::Md => markdown(framework, date, &tables),
        _ => table(framework, date, &tables),
    };
    output::print(&text);
    Ok(0)
}

/// `median maximum 2 years over 3 countries with a prison term; ...`.
fn stats_line(s: &PenaltyStats) -> String {
    if s.countries_with_prison == 0 {
        return "no country has a prison term for it".to_string();
    }
    format!(
        "median maximum {} over {} {} with a prison term; mean {}, lowest {}, highest {}; median minimum {}",
        gapfmt::term(s.median_max_months),
        s.countries_with_prison,
        if s.countries_with_prison == 1 { "country" } else { "countries" },
        gapfmt::term(s.mean_max_months),
        gapfmt::term(s.lowest_max_months),
        gapfmt::term(s.highest_max_months),
        gapfmt::min_term(s.median_min_months),
    )
}

const HEADERS: [&str; 8] = [
    "country", "name", "status", "min", "max", "flags", "sections", "fine",
];

fn table(framework: &Framework, date: NaiveDate, tables: &[PenaltyTable]) -> String {
    let mut out = format!("framework {}, as of {date}\n", framework.id);
    for t in tables {
        let rows: Vec<Vec<Cell>> = t
            .countries
            .iter()
            .map(|c| {
                vec![
                    c.country.as_str().into(),
                    c.name.as_str().into(),
                    gapfmt::status_cell(c.status),
                    gapfmt::min_term(c.min_months).into(),
                    gapfmt::term(c.max_months).into(),
                    list(&gapfmt::flags(&c.flags)).into(),
                    list(&c.sections).into(),
                    list(&c.fines).into(),
                ]
            })
            .collect();
        out.push_str(&format!(
            "\n{} {}\n{}{}\n",
            t.provision,
            t.title,
            output::table(&HEADERS, &rows),
            stats_line(&t.stats)
        ));
    }
    out
}

fn markdown(framework: &Framework, date: NaiveDate, tables: &[PenaltyTable]) -> String {
    let mut out = md_format!(
        "# Penalties\n\nFramework `{}` ({}), as of {}. Minimum: the lowest among the \
         sections in force (`-`: none set); maximum: the highest.\n",
        framework.id,
        framework.title,
        date
    );
    for t in tables {
        let rows: Vec<Vec<String>> = t
            .countries
            .iter()
            .map(|c| {
                vec![
                    c.country.to_string(),
                    c.name.clone(),
                    c.status.to_string(),
                    gapfmt::min_term(c.min_months),
                    gapfmt::term(c.max_months),
                    list(&gapfmt::flags(&c.flags)),
                    list(&c.sections),
                    list(&c.fines),
                ]
            })
            .collect();
        out.push_str(&md_format!("\n## {} {}\n\n", t.provision, t.title));
        out.push_str(&output::md_table(&HEADERS, &rows));
        out.push_str(&md_format!("\n{}.\n", stats_line(&t.stats)));
    }
    out
}

fn csv(tables: &[PenaltyTable]) -> Result<String> {
    let rows: Vec<Vec<String>> = tables
        .iter()
        .flat_map(|t| {
            t.countries.iter().map(move |c| {
                vec![
                    t.provision.to_string(),
                    c.country.to_string(),
                    c.name.clone(),
                    c.status.to_string(),
                    gapfmt::months_csv(c.min_months),
                    gapfmt::months_csv(c.max_months),
                    c.min_months.map(gapfmt::months_human).unwrap_or_default(),
                    c.max_months.map(gapfmt::months_human).unwrap_or_default(),
                    gapfmt::join(&c.sections, ";"),
                    gapfmt::join(&c.fines, ";"),
                    gapfmt::join(&gapfmt::flags(&c.flags), ";"),
                ]
            })
        })
        .collect();
    output::csv(
        &[
            "provision",
            "country",
            "name",
            "status",
            "min_months",
            "max_months",
            "min",
            "max",
            "sections",
            "fines",
            "flags",
        ],
        &rows,
    )
}
