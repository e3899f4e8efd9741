//! `harmonia compare A B`: dual criminality between two countries. For each offence, whether
//! both criminalise it and whether it is extraditable (both maximum prison terms at least a
//! year); for the other provisions, both statuses side by side; for all, the elements and
//! options one side has and the other lacks.

use serde_json::json;

use super::gapfmt;
use super::select::{self, ScopeArgs};
use super::CorpusArgs;
use crate::md_format;
use crate::corpus::{Country, Framework};
use crate::error::Result;
use crate::gap::{self, Comparison, ProvisionComparison};
use crate::output::{self, Cell, Format};

/// Arguments of `harmonia compare`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// First country (code or name).
    #[arg(value_name = "A")]
    a: String,
    /// Second country (code or name).
    #[arg(value_name = "B")]
    b: String,
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    scope: ScopeArgs,
    /// Output format.
    #[arg(long, default_value = "table", value_parser = output::formats(&["table", "json", "csv", "md"]))]
    format: Format,
}

/// Counts for the summary line.
struct Summary {
    offences: usize,
    dual: usize,
    extraditable: usize,
}

impl Summary {
    fn of(c: &Comparison) -> Summary {
        let offences = c.provisions.iter().filter(|p| p.dual_criminality.is_some());
        Summary {
            offences: offences.clone().count(),
            dual: offences
                .clone()
                .filter(|p| p.dual_criminality == Some(true))
                .count(),
            extraditable: offences.filter(|p| p.extraditable == Some(true)).count(),
        }
    }

    fn line(&self) -> String {
        format!(
            "{} of {} offences dual-criminal, {} extraditable",
            self.dual, self.offences, self.extraditable
        )
    }
}

/// Runs `harmonia compare`.
pub fn execute(args: Args) -> Result<i32> {
    let corpus = args.corpus.load()?;
    let framework = args.scope.framework(&corpus, None)?;
    let date = args.scope.as_of()?;
    let a = select::country(&corpus, &args.a)?;
    let b = select::country(&corpus, &args.b)?;
    let cmp = gap::compare(&corpus, framework, a, b, date);
    let summary = Summary::of(&cmp);
    let text = match args.format {
        Format::Json => {
            let mut v = serde_json::to_value(&cmp).unwrap_or_default();
            if let Some(o) = v.as_object_mut() {
                o.insert("a_name".into(), json!(a.name));
                o.insert("b_name".into(), json!(b.name));
                o.insert(
                    "summary".into(),
                    json!({
                        "offences": summary.offences,
                        "dual_criminality": summary.dual,
                        "extraditable": summary.extraditable,
                    }),
                );
            }
            output::json(&v)
        }
        Format::Csv => csv(&cmp)?,
        Format::Md => markdown(framework, a, b, &cmp, &summary),
        _ => table(a, b, &cmp, &summary),
    };
    output::print(&text);
    Ok(0)
}

fn yes_no(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    }
}

fn yes_no_cell(v: Option<bool>) -> Cell {
    let style = match v {
        Some(true) => anstyle::AnsiColor::Green.on_default(),
        _ => anstyle::AnsiColor::Red.on_default().bold(),
    };
    Cell::styled(yes_no(v), style)
}

/// `AR only: a, b, option o1; CL only: c`.
fn differences(cmp: &Comparison, p: &ProvisionComparison) -> String {
    let side = |code: &crate::id::CountryCode| {
        let items: Vec<String> = p
            .differences
            .iter()
            .filter(|d| &d.present_in == code)
            .map(|d| match d.kind {
                "option" => format!("option {}", d.id),
                _ => d.id.clone(),
            })
            .collect();
        (!items.is_empty()).then(|| format!("{code} only: {}", items.join(", ")))
    };
    let parts: Vec<String> = [side(&cmp.a), side(&cmp.b)].into_iter().flatten().collect();
    if parts.is_empty() {
        "-".to_string()
    } else {
        parts.join("; ")
    }
}

fn offences(cmp: &Comparison) -> impl Iterator<Item = &ProvisionComparison> {
    cmp.provisions
        .iter()
        .filter(|p| p.dual_criminality.is_some())
}

fn others(cmp: &Comparison) -> impl Iterator<Item = &ProvisionComparison> {
    cmp.provisions
        .iter()
        .filter(|p| p.dual_criminality.is_none())
}

fn heading(a: &Country, b: &Country, cmp: &Comparison) -> String {
    format!(
        "{} ({}) and {} ({}): framework {}, as of {}",
        a.name, a.code, b.name, b.code, cmp.framework, cmp.as_of
    )
}

fn table(a: &Country, b: &Country, cmp: &Comparison, summary: &Summary) -> String {
    let (an, bn) = (a.code.as_str(), b.code.as_str());
    let a_max = format!("{an} max");
    let b_max = format!("{bn} max");
    let offence_rows: Vec<Vec<Cell>> = offences(cmp)
        .map(|p| {
            vec![
                p.provision.as_str().into(),
                output::truncate(&p.title, 40).into(),
                gapfmt::status_cell(p.a_status),
                gapfmt::status_cell(p.b_status),
                yes_no_cell(p.dual_criminality),
                yes_no_cell(p.extraditable),
                gapfmt::term(p.a_max_prison_months).into(),
                gapfmt::term(p.b_max_prison_months).into(),
                differences(cmp, p).into(),
            ]
        })
        .collect();
    let other_rows: Vec<Vec<Cell>> = others(cmp)
        .map(|p| {
            vec![
                p.provision.as_str().into(),
                output::truncate(&p.title, 40).into(),
                gapfmt::status_cell(p.a_status),
                gapfmt::status_cell(p.b_status),
                differences(cmp, p).into(),
            ]
        })
        .collect();
    let mut out = format!("{}\n\n", heading(a, b, cmp));
    if !offence_rows.is_empty() {
        out.push_str("Offences\n");
        out.push_str(&output::table(
            &[
                "provision",
                "title",
                an,
                bn,
                "dual criminality",
                "extraditable",
                &a_max,
                &b_max,
                "differences",
            ],
            &offence_rows,
        ));
        out.push('\n');
    }
    if !other_rows.is_empty() {
        out.push_str("Other provisions\n");
        out.push_str(&output::table(
            &["provision", "title", an, bn, "differences"],
            &other_rows,
        ));
        out.push('\n');
    }
    out.push_str(&summary.line());
    out.push_str(" (extraditable: both maxima at least 1 year)\n");
    out
}

fn markdown(
    framework: &Framework,
    a: &Country,
    b: &Country,
    cmp: &Comparison,
    summary: &Summary,
) -> String {
    let (an, bn) = (a.code.as_str(), b.code.as_str());
    let a_max = format!("{an} max prison");
    let b_max = format!("{bn} max prison");
    let offence_rows: Vec<Vec<String>> = offences(cmp)
        .map(|p| {
            vec![
                p.provision.to_string(),
                p.title.clone(),
                p.a_status.to_string(),
                p.b_status.to_string(),
                yes_no(p.dual_criminality).to_string(),
                yes_no(p.extraditable).to_string(),
                gapfmt::term(p.a_max_prison_months),
                gapfmt::term(p.b_max_prison_months),
                differences(cmp, p),
            ]
        })
        .collect();
    let other_rows: Vec<Vec<String>> = others(cmp)
        .map(|p| {
            vec![
                p.provision.to_string(),
                p.title.clone(),
                p.a_status.to_string(),
                p.b_status.to_string(),
                differences(cmp, p),
            ]
        })
        .collect();
    let mut out = md_format!(
        "# Dual criminality: {} ({}) and {} ({})\n\nFramework `{}` ({}), as of {}.\n\n",
        a.name,
        a.code,
        b.name,
        b.code,
        framework.id,
        framework.title,
        cmp.as_of
    );
    out.push_str(&md_format!(
        "{}. An offence is extraditable when both maximum prison terms are at least 1 year.\n\n",
        summary.line()
    ));
    if !offence_rows.is_empty() {
        out.push_str("## Offences\n\n");
        out.push_str(&output::md_table(
            &[
                "provision",
                "title",
                an,
                bn,
                "dual criminality",
                "extraditable",
                &a_max,
                &b_max,
                "differences",
            ],
            &offence_rows,
        ));
        out.push('\n');
    }
    if !other_rows.is_empty() {
        out.push_str("## Other provisions\n\n");
        out.push_str(&output::md_table(
            &["provision", "title", an, bn, "differences"],
            &other_rows,
        ));
    }
    out
}

fn csv(cmp: &Comparison) -> Result<String> {
    let rows: Vec<Vec<String>> = cmp
        .provisions
        .iter()
        .map(|p| {
            let diff = |code: &crate::id::CountryCode| {
                let items: Vec<String> = p
                    .differences
                    .iter()
                    .filter(|d| &d.present_in == code)
                    .map(|d| match d.kind {
                        "option" => format!("option:{}", d.id),
                        _ => d.id.clone(),
                    })
                    .collect();
                items.join(";")
            };
            vec![
                p.provision.to_string(),
                p.area.clone(),
                p.title.clone(),
                p.a_status.to_string(),
                p.b_status.to_string(),
                yes_no(p.dual_criminality).to_string(),
                yes_no(p.extraditable).to_string(),
                gapfmt::months_csv(p.a_max_prison_months),
                gapfmt::months_csv(p.b_max_prison_months),
                diff(&cmp.a),
                diff(&cmp.b),
            ]
        })
        .collect();
    let (a, b) = (cmp.a.as_str(), cmp.b.as_str());
    let headers: Vec<String> = [
        "provision".to_string(),
        "area".into(),
        "title".into(),
        a.to_string(),
        b.to_string(),
        "dual_criminality".into(),
        "extraditable".into(),
        format!("{a}_max_prison_months"),
        format!("{b}_max_prison_months"),
        format!("{a}_only"),
        format!("{b}_only"),
    ]
    .to_vec();
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    output::csv(&headers, &rows)
}
