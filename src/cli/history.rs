//! `harmonia history CC`: a country's scores at every date on which its law changed (a
//! mapped section came into force or stopped being in force, or its reservations started to
//! count), up to `--as-of`, with the provisions whose status or covered elements changed.

use chrono::NaiveDate;
use serde::Serialize;

use super::gapfmt;
use super::select::{self, ScopeArgs};
use super::CorpusArgs;
use crate::corpus::Framework;
use crate::error::Result;
use crate::gap::{self, CountryCoverage, Coverage, Scores, Status};
use crate::id::{CountryCode, ProvisionId};
use crate::md_format;
use crate::output::{self, Cell, Format};

/// Arguments of `harmonia history`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Country code (e.g. `AR`) or name.
    #[arg(value_name = "CC")]
    country: String,
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    scope: ScopeArgs,
    /// Output format.
    #[arg(long, default_value = "table", value_parser = output::formats(&["table", "json", "csv", "md"]))]
    format: Format,
}

/// The history, as printed in JSON.
#[derive(Serialize)]
struct Report<'a> {
    country: &'a CountryCode,
    name: &'a str,
    framework: &'a str,
    as_of: NaiveDate,
    points: Vec<Point>,
}

/// The scores on one date.
#[derive(Serialize)]
struct Point {
    as_of: NaiveDate,
    scores: Scores,
    changed: Vec<Change>,
}

/// A provision whose status, covered elements or reserved elements changed since the
/// previous point.
#[derive(Serialize)]
struct Change {
    provision: ProvisionId,
    from: Status,
    to: Status,
    /// Elements covered now and not before.
    gained: Vec<String>,
    /// Elements covered before and not now.
    lost: Vec<String>,
    /// Elements a reservation exempts now and not before (a reservation starting to
    /// count); left out when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    reserved_gained: Vec<String>,
    /// Elements a reservation exempted before and not now; left out when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    reserved_lost: Vec<String>,
}

/// The elements of `xs` not in `ys`.
fn only_in(xs: &[String], ys: &[String]) -> Vec<String> {
    xs.iter().filter(|x| !ys.contains(x)).cloned().collect()
}

impl Change {
    /// The change from `a` to `b`, if anything a reader cares about changed.
    fn between(a: &Coverage, b: &Coverage) -> Option<Change> {
        let change = Change {
            provision: b.provision.clone(),
            from: a.status,
            to: b.status,
            gained: only_in(&b.covered, &a.covered),
            lost: only_in(&a.covered, &b.covered),
            reserved_gained: only_in(&b.reserved, &a.reserved),
            reserved_lost: only_in(&a.reserved, &b.reserved),
        };
        let same = change.from == change.to
            && change.gained.is_empty()
            && change.lost.is_empty()
            && change.reserved_gained.is_empty()
            && change.reserved_lost.is_empty();
        (!same).then_some(change)
    }

    /// `bc-2 missing->full`; when the status stayed, `bc-22 partial +ships -nationals` and
    /// ` reserved +producing` when reservations started or stopped exempting elements.
    fn text(&self) -> String {
        let mut out = if self.from != self.to {
            format!("{} {}->{}", self.provision, self.from, self.to)
        } else {
            let mut out = format!("{} {}", self.provision, self.to);
            for e in &self.gained {
                out.push_str(&format!(" +{e}"));
            }
            for e in &self.lost {
                out.push_str(&format!(" -{e}"));
            }
            out
        };
        let reservations_moved = !self.reserved_gained.is_empty() || !self.reserved_lost.is_empty();
        if self.from == self.to && reservations_moved {
            out.push_str(" reserved");
            for e in &self.reserved_gained {
                out.push_str(&format!(" +{e}"));
            }
            for e in &self.reserved_lost {
                out.push_str(&format!(" -{e}"));
            }
        }
        out
    }
}

/// Runs `harmonia history`.
pub fn execute(args: Args) -> Result<i32> {
    let corpus = args.corpus.load()?;
    let framework = args.scope.framework(&corpus, None)?;
    let date = args.scope.as_of()?;
    let country = select::country(&corpus, &args.country)?;
    let history: Vec<CountryCoverage> = gap::history(&corpus, framework, country)
        .into_iter()
        .filter(|c| c.as_of <= date)
        .collect();
    // The state the day before the first change, so the first point also says what changed.
    let mut previous = history
        .first()
        .and_then(|c| c.as_of.pred_opt())
        .map(|d| gap::coverage(&corpus, framework, country, d));
    let mut points = Vec::new();
    for cov in history {
        let changed = previous
            .as_ref()
            .map(|prev| {
                prev.provisions
                    .iter()
                    .zip(&cov.provisions)
                    .filter_map(|(a, b)| Change::between(a, b))
                    .collect()
            })
            .unwrap_or_default();
        points.push(Point {
            as_of: cov.as_of,
            scores: cov.scores.clone(),
            changed,
        });
        previous = Some(cov);
    }
    let report = Report {
        country: &country.code,
        name: &country.name,
        framework: &framework.id,
        as_of: date,
        points,
    };
    let text = match args.format {
        Format::Json => output::json(&report),
        Format::Csv => csv(framework, &report)?,
        Format::Md => markdown(framework, &report),
        _ => table(framework, &report),
    };
    output::print(&text);
    Ok(0)
}

fn changes(p: &Point) -> String {
    if p.changed.is_empty() {
        return "-".to_string();
    }
    p.changed
        .iter()
        .map(Change::text)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The areas scored at any point, in framework order.
fn areas<'a>(framework: &'a Framework, r: &Report) -> Vec<&'a str> {
    framework
        .areas
        .iter()
        .filter(|a| r.points.iter().any(|p| p.scores.areas.contains_key(*a)))
        .map(String::as_str)
        .collect()
}

fn area_score(p: &Point, area: &str) -> String {
    p.scores
        .areas
        .get(area)
        .map_or_else(|| "-".to_string(), |s| gapfmt::score(*s))
}

fn table(framework: &Framework, r: &Report) -> String {
    let areas = areas(framework, r);
    let mut headers = vec!["as of", "overall", "examined"];
    headers.extend(areas.iter().copied());
    headers.push("changed");
    let rows: Vec<Vec<Cell>> = r
        .points
        .iter()
        .map(|p| {
            let mut row: Vec<Cell> = vec![
                p.as_of.to_string().into(),
                gapfmt::score(p.scores.overall).into(),
                gapfmt::pct(p.scores.examined).into(),
            ];
            row.extend(areas.iter().map(|a| Cell::from(area_score(p, a))));
            row.push(changes(p).into());
            row
        })
        .collect();
    let head = format!(
        "{} ({}): framework {}, changes up to {}\n\n",
        r.name, r.country, r.framework, r.as_of
    );
    if rows.is_empty() {
        return format!("{head}no mapped section is in force on or before that date\n");
    }
    format!("{head}{}", output::table(&headers, &rows))
}

fn markdown(framework: &Framework, r: &Report) -> String {
    let areas = areas(framework, r);
    let mut headers = vec!["as of", "overall", "examined"];
    headers.extend(areas.iter().copied());
    headers.push("changed");
    let rows: Vec<Vec<Cell>> = r
        .points
        .iter()
        .map(|p| {
            let mut row: Vec<Cell> = vec![
                p.as_of.to_string().into(),
                gapfmt::score(p.scores.overall).into(),
                gapfmt::pct(p.scores.examined).into(),
            ];
            row.extend(areas.iter().map(|a| Cell::from(area_score(p, a))));
            // Provision ids (validated) and status words: our own text.
            row.push(Cell::markup(changes(p)));
            row
        })
        .collect();
    md_format!(
        "# History: {} ({})\n\nFramework `{}` ({}): scores at every date the law changed, up to {}.\n\n",
        r.name,
        r.country,
        framework.id,
        framework.title,
        r.as_of
    ) + &output::md_table(&headers, &rows)
}

fn csv(framework: &Framework, r: &Report) -> Result<String> {
    let areas = areas(framework, r);
    let mut headers = vec!["as_of", "overall", "examined"];
    headers.extend(areas.iter().copied());
    headers.extend([
        "full", "reserved", "partial", "missing", "unknown", "changed",
    ]);
    let rows: Vec<Vec<String>> = r
        .points
        .iter()
        .map(|p| {
            let mut row = vec![
                p.as_of.to_string(),
                p.scores.overall.map(|s| s.to_string()).unwrap_or_default(),
                p.scores.examined.to_string(),
            ];
            row.extend(areas.iter().map(|a| {
                p.scores
                    .areas
                    .get(*a)
                    .copied()
                    .flatten()
                    .map(|s| s.to_string())
                    .unwrap_or_default()
            }));
            row.extend(
                Status::ALL
                    .iter()
                    .map(|s| p.scores.counts.get(s).copied().unwrap_or(0).to_string()),
            );
            row.push(
                p.changed
                    .iter()
                    .map(|c| c.text().replacen(' ', ":", 1))
                    .collect::<Vec<_>>()
                    .join(";"),
            );
            row
        })
        .collect();
    output::csv(&headers, &rows)
}
