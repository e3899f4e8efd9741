//! `harmonia gaps CC`: what one country's law covers of a framework on a date, provision by
//! provision: status (`unknown` where nobody examined the law), missing and reserved
//! elements, options used, the evidence (sections, designations, domestic effect,
//! derivations), highest prison term (life, aggravated apart) and penalty flags, the corpus's
//! notes, then the scores per area and overall with the share they rest on.

use chrono::NaiveDate;
use serde::Serialize;

use super::gapfmt::{self, list};
use super::select::{self, ScopeArgs};
use super::CorpusArgs;
use crate::corpus::Framework;
use crate::error::Result;
use crate::gap::{self, Coverage, Scores};
use crate::id::CountryCode;
use crate::md_format;
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

/// Missing elements (or, where nobody examined the law, the elements not found in the
/// corpus), then the reserved ones marked as such.
fn gaps_text(c: &Coverage) -> String {
    if c.status == gap::Status::Unknown {
        return "not examined".to_string();
    }
    let missing = if c.examined || c.missing.is_empty() {
        list(&c.missing)
    } else {
        format!("not found in the corpus: {}", list(&c.missing))
    };
    match (c.missing.is_empty(), c.reserved.is_empty()) {
        (true, true) => "-".to_string(),
        (false, true) => missing,
        (true, false) => format!("reserved: {}", list(&c.reserved)),
        (false, false) => format!("{missing}; reserved: {}", list(&c.reserved)),
    }
}

/// The missing elements alone (the Markdown table has a column for the reserved ones).
fn missing_text(c: &Coverage) -> String {
    if c.status == gap::Status::Unknown {
        "not examined".to_string()
    } else if c.examined || c.missing.is_empty() {
        list(&c.missing)
    } else {
        format!("not found in the corpus: {}", list(&c.missing))
    }
}

/// The notes of the corpus on each verdict, as a Markdown list (empty when there are none).
fn notes_md(r: &Report) -> String {
    let mut out = String::new();
    for c in &r.provisions {
        for n in &c.notes {
            out.push_str(&md_format!(
                "- **{}** ({}): {}\n",
                c.provision,
                n.source,
                n.text
            ));
        }
    }
    if out.is_empty() {
        out
    } else {
        format!("## Notes\n\n{out}\n")
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
                list(&gapfmt::evidence(c)).into(),
                gapfmt::max_prison(c).into(),
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
                "evidence",
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
                missing_text(c),
                list(&c.reserved),
                list(&c.options),
                list(&gapfmt::evidence(c)),
                gapfmt::max_prison(c),
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
                "evidence",
                "max prison",
                "flags",
            ],
            &rows,
        )
        + "\n"
        + &notes_md(r)
        + "## Scores\n\n"
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
                c.examined.to_string(),
                c.score.map(|s| s.to_string()).unwrap_or_default(),
                gapfmt::join(&c.covered, ";"),
                gapfmt::join(&c.missing, ";"),
                gapfmt::join(&c.reserved, ";"),
                gapfmt::join(&c.options, ";"),
                gapfmt::join(&c.sections, ";"),
                gapfmt::join(
                    &c.evidence.iter().map(|e| e.describe()).collect::<Vec<_>>(),
                    ";",
                ),
                gapfmt::months_csv(c.min_prison_months),
                gapfmt::months_csv(c.max_prison_months),
                c.life.to_string(),
                gapfmt::months_csv(c.aggravated_max_prison_months),
                c.aggravated_life.to_string(),
                gapfmt::join(&gapfmt::flags(&c.flags), ";"),
                gapfmt::join(
                    &c.notes.iter().map(|n| n.text.as_str()).collect::<Vec<_>>(),
                    " | ",
                ),
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
            "examined",
            "score",
            "covered",
            "missing",
            "reserved",
            "options",
            "sections",
            "evidence",
            "min_prison_months",
            "max_prison_months",
            "life",
            "aggravated_max_prison_months",
            "aggravated_life",
            "flags",
            "notes",
        ],
        &rows,
    )
}
