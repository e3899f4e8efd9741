//! `harmonia gaps CC`: what one country's law covers of a framework on a date, provision by
//! provision: status, missing and reserved elements, options used, implementing sections,
//! highest prison term and penalty flags, then the scores per area and overall.

use chrono::NaiveDate;
use serde::Serialize;

use super::gapfmt::{self, list};
use super::select::{self, ScopeArgs};
use super::CorpusArgs;
use crate::md_format;
use crate::corpus::Framework;
use crate::error::Result;
use crate::gap::{self, Coverage, Scores};
use crate::id::CountryCode;
use crate::output::{self, Cell, Format};

/// Arguments of `harmonia gaps`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Country code (e.g. `AR`) or name.
    #[arg(value_name = "CC")]
    country: String,
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    scope: ScopeArgs,
    /// Only the provisions of this area (scores are then over that area).
    #[arg(long, value_name = "AREA")]
    area: Option<String>,
    /// Output format.
    #[arg(long, default_value = "table", value_parser = output::formats(&["table", "json", "csv", "md"]))]
    format: Format,
}

/// The gaps of one country, as printed in JSON.
#[derive(Serialize)]
struct Report<'a> {
    country: &'a CountryCode,
    name: &'a str,
    framework: &'a str,
    as_of: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    area: Option<&'a str>,
    provisions: Vec<Coverage>,
    scores: Scores,
}

/// Runs `harmonia gaps`.
pub fn execute(args: Args) -> Result<i32> {
    let corpus = args.corpus.load()?;
    let framework = args.scope.framework(&corpus, None)?;
    let date = args.scope.as_of()?;
    let country = select::country(&corpus, &args.country)?;
    let area = args
        .area
        .as_deref()
        .map(|a| select::area(framework, a))
        .transpose()?;
    let cov = gap::coverage(&corpus, framework, country, date);
    let provisions: Vec<Coverage> = cov
        .provisions
        .iter()
        .filter(|c| area.is_none_or(|a| c.area == a))
        .map(gapfmt::rounded)
        .collect();
    let scores = if area.is_some() {
        gap::scores(framework, &provisions)
    } else {
        cov.scores.clone()
    };
    let report = Report {
        country: &country.code,
        name: &country.name,
        framework: &framework.id,
        as_of: date,
        area,
        provisions,
        scores,
    };
    let text = match args.format {
        Format::Json => output::json(&report),
        Format::Csv => csv(&report)?,
        Format::Md => markdown(framework, &report),
        _ => table(framework, &report),
    };
    output::print(&text);
    Ok(0)
}

/// Missing elements, then the reserved ones marked as such.
fn gaps_text(c: &Coverage) -> String {
    match (c.missing.is_empty(), c.reserved.is_empty()) {
        (true, true) => "-".to_string(),
        (false, true) => list(&c.missing),
        (true, false) => format!("reserved: {}", list(&c.reserved)),
        (false, false) => format!("{}; reserved: {}", list(&c.missing), list(&c.reserved)),
    }
}

fn title(r: &Report) -> String {
    let area = r.area.map(|a| format!(", area {a}")).unwrap_or_default();
    format!(
        "{} ({}): framework {}{area}, as of {}",
        r.name, r.country, r.framework, r.as_of
    )
}

fn table(framework: &Framework, r: &Report) -> String {
    let rows: Vec<Vec<Cell>> = r
        .provisions
        .iter()
        .map(|c| {
            vec![
                c.provision.as_str().into(),
                c.article.as_str().into(),
                output::truncate(&c.title, 40).into(),
                gapfmt::status_cell(c.status),
                gaps_text(c).into(),
                list(&c.options).into(),
                list(&c.sections).into(),
                gapfmt::term(c.max_prison_months).into(),
                list(&gapfmt::flags(&c.flags)).into(),
            ]
        })
        .collect();
    format!(
        "{}\n\n{}{}",
        title(r),
        output::table(
            &[
                "provision",
                "article",
                "title",
                "status",
                "missing",
                "options",
                "sections",
                "max prison",
                "flags",
            ],
            &rows,
        ),
        gapfmt::scores_text(framework, &r.scores)
    )
}

fn markdown(framework: &Framework, r: &Report) -> String {
    let rows: Vec<Vec<String>> = r
        .provisions
        .iter()
        .map(|c| {
            vec![
                c.provision.to_string(),
                c.article.clone(),
                c.title.clone(),
                c.status.to_string(),
                list(&c.missing),
                list(&c.reserved),
                list(&c.options),
                list(&c.sections),
                gapfmt::term(c.max_prison_months),
                list(&gapfmt::flags(&c.flags)),
            ]
        })
        .collect();
    md_format!("# Gaps: {} ({})\n\n", r.name, r.country)
        + &md_scope(framework, r)
        + ".\n\n"
        + &output::md_table(
            &[
                "provision",
                "article",
                "title",
                "status",
                "missing",
                "reserved",
                "options",
                "sections",
                "max prison",
                "flags",
            ],
            &rows,
        )
        + "\n## Scores\n\n"
        + &gapfmt::scores_md(framework, &r.scores)
}

fn md_scope(framework: &Framework, r: &Report) -> String {
    let area = r
        .area
        .map(|a| md_format!(", area {}", a))
        .unwrap_or_default();
    md_format!("Framework `{}` ({})", framework.id, framework.title)
        + &area
        + &md_format!(", as of {}", r.as_of)
}

fn csv(r: &Report) -> Result<String> {
    let rows: Vec<Vec<String>> = r
        .provisions
        .iter()
        .map(|c| {
            vec![
                r.country.to_string(),
                c.provision.to_string(),
                c.article.clone(),
                c.area.clone(),
                c.title.clone(),
                c.status.to_string(),
                c.score.to_string(),
                gapfmt::join(&c.covered, ";"),
                gapfmt::join(&c.missing, ";"),
                gapfmt::join(&c.reserved, ";"),
                gapfmt::join(&c.options, ";"),
                gapfmt::join(&c.sections, ";"),
                gapfmt::months_csv(c.min_prison_months),
                gapfmt::months_csv(c.max_prison_months),
                gapfmt::join(&gapfmt::flags(&c.flags), ";"),
            ]
        })
        .collect();
    output::csv(
        &[
            "country",
            "provision",
            "article",
            "area",
            "title",
            "status",
            "score",
            "covered",
            "missing",
            "reserved",
            "options",
            "sections",
            "min_prison_months",
            "max_prison_months",
            "flags",
        ],
        &rows,
    )
}
