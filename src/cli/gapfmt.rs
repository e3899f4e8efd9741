//! Formatting shared by the gap commands: statuses (coloured words and matrix letters),
//! scores as percentages, prison terms in human terms (`1 year 6 months`), and the score
//! blocks printed under tables and Markdown.

use std::fmt::Display;

use crate::corpus::{Framework, Term};
use crate::gap::{round3, Coverage, Flag, Scores, Status};
use crate::output::{self, Cell};

/// A status as a coloured table cell.
pub fn status_cell(status: Status) -> Cell {
    Cell::styled(status.as_str(), output::status_style(status.as_str()))
}

/// The one-letter form of a status used in matrices: `F`, `R`, `P`, `-`, `?`.
pub fn status_letter(status: Status) -> &'static str {
    match status {
        Status::Full => "F",
        Status::Reserved => "R",
        Status::Partial => "P",
        Status::Missing => "-",
        Status::Unknown => "?",
    }
}

/// The legend of [`status_letter`].
pub const LEGEND: &str =
    "F full, R reserved, P partial, - missing (examined, absent), ? unknown (not examined)";

/// A score in [0, 1] as a percentage with one decimal (`62.5%`).
pub fn pct(score: f64) -> String {
    format!("{:.1}%", score * 100.0)
}

/// A score that may rest on nothing: a percentage, or `n/a` when no provision has a verdict.
pub fn score(score: Option<f64>) -> String {
    score.map_or_else(|| "n/a".to_string(), pct)
}

/// A score with the share it rests on: `62.5% (examined 80.0%)`.
pub fn score_examined(score_value: Option<f64>, examined: f64) -> String {
    format!("{} (examined {})", score(score_value), pct(examined))
}

/// A term (months or life) in human terms.
pub fn term_of(t: Option<Term>) -> String {
    match t {
        Some(Term::Life) => "life".to_string(),
        Some(Term::Months(m)) => months_human(m),
        None => "-".to_string(),
    }
}

/// The highest prison term of a coverage as people should read it: the term (`life`), what
/// is known when it is not (`not recorded`, `no prison`), and the aggravated maximum apart.
pub fn max_prison(c: &Coverage) -> String {
    let basic = match c.max_term() {
        Some(t) => term_of(Some(t)),
        None if c.flags.contains(&Flag::PenaltyNotRecorded) => "not recorded".to_string(),
        None if c.flags.contains(&Flag::NoCustodialPenalty) => "no prison".to_string(),
        None => "-".to_string(),
    };
    match c.aggravated_term() {
        Some(t) => format!("{basic} (aggravated {})", term_of(Some(t))),
        None => basic,
    }
}

/// The evidence of a coverage: its sections, then designations, domestic effect and
/// derivations in words.
pub fn evidence(c: &Coverage) -> Vec<String> {
    c.sections
        .iter()
        .map(ToString::to_string)
        .chain(c.evidence.iter().map(|e| e.describe()))
        .collect()
}

/// A prison term in months in human terms: `15 days`, `6 months`, `2 years`,
/// `1 year 6 months` (a month counts 30 days, a year 12 months, as in the corpus).
pub fn months_human(months: f64) -> String {
    let days = (months * 30.0).round() as i64;
    if days <= 0 {
        return "0 days".to_string();
    }
    let (y, m, d) = (days / 360, days % 360 / 30, days % 30);
    let unit = |n: i64, one: &str, many: &str| match n {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{n} {many}")),
    };
    [
        unit(y, "year", "years"),
        unit(m, "month", "months"),
        unit(d, "day", "days"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ")
}

/// An optional term in human terms, `-` when absent.
pub fn term(months: Option<f64>) -> String {
    months.map_or_else(|| "-".to_string(), months_human)
}

/// An optional minimum in human terms, `-` when absent or zero (the law sets none).
pub fn min_term(months: Option<f64>) -> String {
    match months {
        Some(m) if m > 0.0 => months_human(m),
        _ => "-".to_string(),
    }
}

/// An optional number of months for CSV (empty when absent), rounded to three decimals.
pub fn months_csv(months: Option<f64>) -> String {
    months.map(|m| round3(m).to_string()).unwrap_or_default()
}

/// Items joined with `, ` (`-` when there are none), for tables and Markdown.
pub fn list<T: Display>(items: &[T]) -> String {
    if items.is_empty() {
        "-".to_string()
    } else {
        join(items, ", ")
    }
}

/// Items joined with `sep`.
pub fn join<T: Display>(items: &[T], sep: &str) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(sep)
}

/// Flags as text.
pub fn flags(flags: &[Flag]) -> Vec<&'static str> {
    flags.iter().map(|f| f.as_str()).collect()
}

/// A coverage with its prison terms rounded to three decimals, for JSON.
pub fn rounded(c: &Coverage) -> Coverage {
    let mut c = c.clone();
    c.min_prison_months = c.min_prison_months.map(round3);
    c.max_prison_months = c.max_prison_months.map(round3);
    c.aggravated_max_prison_months = c.aggravated_max_prison_months.map(round3);
    c.score = c.score.map(round3);
    c
}

/// The scored areas of `framework`, in framework order.
pub fn scored_areas<'a>(framework: &'a Framework, scores: &Scores) -> Vec<&'a str> {
    framework
        .areas
        .iter()
        .filter(|a| scores.areas.contains_key(*a))
        .map(String::as_str)
        .collect()
}

/// Counts per status, best first: `full 3, reserved 1, partial 2, missing 4, unknown 0`.
pub fn counts(scores: &Scores) -> String {
    Status::ALL
        .iter()
        .map(|s| format!("{s} {}", scores.counts.get(s).copied().unwrap_or(0)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What every score block says about what the scores rest on.
pub const SCORE_BASIS: &str =
    "scores are over the provisions with a verdict; `unknown` ones (not examined) are left out";

/// The score block printed under a table: overall, per area, each with its examined share,
/// then counts.
pub fn scores_text(framework: &Framework, scores: &Scores) -> String {
    let areas: Vec<String> = scored_areas(framework, scores)
        .into_iter()
        .map(|a| {
            format!(
                "{a} {}",
                score_examined(scores.areas[a], scores.areas_examined[a])
            )
        })
        .collect();
    format!(
        "\nscore: {} overall; {}\nprovisions: {}\n({SCORE_BASIS})\n",
        score_examined(scores.overall, scores.examined),
        areas.join(", "),
        counts(scores)
    )
}

/// The score block in Markdown: a table of areas and the overall score with the examined
/// share of each, then counts.
pub fn scores_md(framework: &Framework, scores: &Scores) -> String {
    let mut rows: Vec<Vec<Cell>> = scored_areas(framework, scores)
        .into_iter()
        .map(|a| {
            vec![
                a.into(),
                score(scores.areas[a]).into(),
                pct(scores.areas_examined[a]).into(),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::markup("**overall**"),
        score(scores.overall).into(),
        pct(scores.examined).into(),
    ]);
    format!(
        "{}\nProvisions: {}.\n\nThe {SCORE_BASIS}.\n",
        output::md_table(&["area", "score", "examined"], &rows),
        counts(scores)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_read_like_people_write_them() {
        assert_eq!(months_human(6.0), "6 months");
        assert_eq!(months_human(24.0), "2 years");
        assert_eq!(months_human(18.0), "1 year 6 months");
        assert_eq!(months_human(0.5), "15 days");
        assert_eq!(months_human(12.0), "1 year");
        assert_eq!(months_human(1.0), "1 month");
        assert_eq!(months_human(7.0 / 30.0), "7 days");
        assert_eq!(months_human(0.0), "0 days");
        assert_eq!(term(None), "-");
        assert_eq!(min_term(Some(0.0)), "-");
    }

    #[test]
    fn percentages_have_one_decimal() {
        assert_eq!(pct(0.625), "62.5%");
        assert_eq!(pct(1.0), "100.0%");
        assert_eq!(pct(0.0), "0.0%");
    }
}
