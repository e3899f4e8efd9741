//! `harmonia penalties`: prison terms for one offence (`--provision`) or every offence of a
//! framework across countries: each country's lowest minimum and highest maximum among its
//! implementing sections in force (life as life, aggravated ranges apart, an unrecorded
//! penalty as `not recorded`), fines, flags, and the median, mean, lowest and highest maximum
//! over the countries whose prison term is recorded (the median is what drafting proposals
//! use).

use chrono::NaiveDate;
use serde::Serialize;

use super::gapfmt::{self, list};
use super::select::{self, CountriesArgs, ScopeArgs};
use super::CorpusArgs;
use crate::corpus::Framework;
use crate::error::Result;
use crate::gap::{self, CountryPenalty, Flag, PenaltyStats, PenaltyTable};
use crate::md_format;
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

/// `median maximum 2 years over 3 countries with a recorded prison term; ...`.
fn stats_line(s: &PenaltyStats) -> String {
    if s.countries_with_prison == 0 {
        return "no country's prison term for it is recorded".to_string();
    }
    let life = if s.countries_with_life > 0 {
        format!(" ({} with life)", s.countries_with_life)
    } else {
        String::new()
    };
    format!(
        "median maximum {} over {} {} with a recorded prison term{life}; mean of fixed terms {}, lowest {}, highest {}; median stated minimum {}",
        gapfmt::term_of(s.median_max()),
        s.countries_with_prison,
        if s.countries_with_prison == 1 { "country" } else { "countries" },
        gapfmt::term(s.mean_max_months),
        gapfmt::term(s.lowest_max_months),
        gapfmt::term_of(s.highest_max()),
        gapfmt::min_term(s.median_min_months),
    )
}

/// A country's maximum as people read it: the term or `life`, `not recorded`, `no prison`,
/// and the aggravated maximum apart.
fn max_text(c: &CountryPenalty) -> String {
    let basic = match c.max_term() {
        Some(t) => gapfmt::term_of(Some(t)),
        None if c.flags.contains(&Flag::PenaltyNotRecorded) => "not recorded".into(),
        None if c.flags.contains(&Flag::NoCustodialPenalty) => "no prison".into(),
        None => "-".into(),
    };
    let aggravated = if c.aggravated_life {
        Some("life".to_string())
    } else {
        c.aggravated_max_months.map(gapfmt::months_human)
    };
    match aggravated {
        Some(a) => format!("{basic} (aggravated {a})"),
        None => basic,
    }
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
                    max_text(c).into(),
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
         sections in force when each states one (`-`: not stated); maximum: the highest, life \
         above every term, aggravated ranges apart; `not recorded`: the corpus does not hold \
         the penalty.\n",
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
                    max_text(c),
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
    let rows: Vec<Vec<Cell>> = tables
        .iter()
        .flat_map(|t| {
            t.countries.iter().map(move |c| {
                vec![
                    t.provision.to_string().into(),
                    c.country.to_string().into(),
                    c.name.clone().into(),
                    c.status.to_string().into(),
                    gapfmt::months_csv(c.min_months).into(),
                    gapfmt::months_csv(c.max_months).into(),
                    c.life.to_string().into(),
                    gapfmt::months_csv(c.aggravated_max_months).into(),
                    c.aggravated_life.to_string().into(),
                    c.min_months
                        .map(gapfmt::months_human)
                        .unwrap_or_default()
                        .into(),
                    // Our words (`-` when no term is stated), not corpus text.
                    Cell::markup(max_text(c)),
                    gapfmt::join(&c.sections, ";").into(),
                    gapfmt::join(&c.fines, ";").into(),
                    gapfmt::join(&gapfmt::flags(&c.flags), ";").into(),
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
            "life",
            "aggravated_max_months",
            "aggravated_life",
            "min",
            "max",
            "sections",
            "fines",
            "flags",
        ],
        &rows,
    )
}
