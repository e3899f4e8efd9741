//! `harmonia compare A B`: dual criminality between two countries. For each offence, whether
//! both criminalise it and whether it meets the framework's extradition penalty threshold on
//! both sides (yes, no or unknown: the corpus may not record a status or a penalty); for the
//! other provisions, both statuses side by side; for all, the elements and options one side
//! has and the other lacks, and the notes of the corpus. Whether each country extradites its
//! nationals is printed when the corpus records it.

use serde_json::json;

use super::gapfmt;
use super::select::{self, ScopeArgs};
use super::CorpusArgs;
use crate::corpus::{Country, Framework, NationalsRule};
use crate::error::Result;
use crate::gap::{self, Comparison, ProvisionComparison};
use crate::md_format;
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
    dual_unknown: usize,
    threshold: usize,
    threshold_unknown: usize,
    test: String,
}

impl Summary {
    fn of(c: &Comparison) -> Summary {
        let offences: Vec<&ProvisionComparison> = offences(c).collect();
        let count =
            |f: &dyn Fn(&ProvisionComparison) -> bool| offences.iter().filter(|p| f(p)).count();
        Summary {
            offences: offences.len(),
            dual: count(&|p| p.dual_criminality == Some(true)),
            dual_unknown: count(&|p| p.dual_criminality.is_none()),
            threshold: count(&|p| p.extraditable == Some(true)),
            threshold_unknown: count(&|p| p.extraditable.is_none()),
            test: c.threshold_test.clone(),
        }
    }

    fn line(&self) -> String {
        format!(
            "{} of {} offences dual-criminal ({} unknown); {} {} on both sides ({} unknown)",
            self.dual,
            self.offences,
            self.dual_unknown,
            self.threshold,
            if self.threshold == 1 {
                self.test.clone()
            } else {
                self.test.replacen("meets", "meet", 1)
            },
            self.threshold_unknown
        )
    }
}

/// `AR extradites its nationals: conditional (note)`, or that the corpus does not say.
fn nationals_line(c: &Country) -> String {
    match &c.extradites_nationals {
        Some(NationalsRule { rule, note, .. }) => format!(
            "{} extradites its nationals: {}{}",
            c.code,
            rule.as_str(),
            note.as_deref()
                .map(|n| format!(" ({})", n.trim()))
                .unwrap_or_default()
        ),
        None => format!(
            "{}: extradition of nationals not recorded in the corpus",
            c.code
        ),
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
                        "dual_criminality_unknown": summary.dual_unknown,
                        "extraditable": summary.threshold,
                        "extraditable_unknown": summary.threshold_unknown,
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

/// A three-valued answer: `yes`, `no`, `unknown`.
fn yes_no(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "yes",
        Some(false) => "no",
        None => "unknown",
    }
}

fn yes_no_cell(v: Option<bool>) -> Cell {
    let style = match v {
        Some(true) => anstyle::AnsiColor::Green.on_default(),
        Some(false) => anstyle::AnsiColor::Red.on_default().bold(),
        None => anstyle::AnsiColor::BrightBlack.on_default(),
    };
    Cell::styled(yes_no(v), style)
}

/// A maximum as people read it: the term, `life`, or `-`.
fn max_term(months: Option<f64>, life: bool) -> String {
    if life {
        "life".to_string()
    } else {
        gapfmt::term(months)
    }
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
    cmp.provisions.iter().filter(|p| p.offence)
}

fn others(cmp: &Comparison) -> impl Iterator<Item = &ProvisionComparison> {
    cmp.provisions.iter().filter(|p| !p.offence)
}

/// The column header of the threshold test (`meets art. 24(1) threshold`).
fn threshold_header(cmp: &Comparison) -> String {
    cmp.threshold_test
        .replace(" penalty threshold", " threshold")
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
                max_term(p.a_max_prison_months, p.a_life).into(),
                max_term(p.b_max_prison_months, p.b_life).into(),
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
    let threshold = threshold_header(cmp);
    if !offence_rows.is_empty() {
        out.push_str("Offences\n");
        out.push_str(&output::table(
            &[
                "provision",
                "title",
                an,
                bn,
                "dual criminality",
                &threshold,
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
    out.push_str(&format!(
        ".\nThe threshold is a maximum of at least {}; the test checks the penalty only.\n",
        gapfmt::months_human(cmp.threshold_months)
    ));
    out.push_str(&nationals_line(a));
    out.push('\n');
    out.push_str(&nationals_line(b));
    out.push('\n');
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
                max_term(p.a_max_prison_months, p.a_life),
                max_term(p.b_max_prison_months, p.b_life),
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
        "{}. The threshold is a maximum prison term of at least {} in both countries; it checks \
         the penalty only, not treaties or nationality. `unknown` means the corpus does not \
         record a status or a penalty.\n\n{}.  \n{}.\n\n",
        summary.line(),
        gapfmt::months_human(cmp.threshold_months),
        nationals_line(a),
        nationals_line(b),
    ));
    let threshold = threshold_header(cmp);
    if !offence_rows.is_empty() {
        out.push_str("## Offences\n\n");
        out.push_str(&output::md_table(
            &[
                "provision",
                "title",
                an,
                bn,
                "dual criminality",
                &threshold,
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
    let notes: Vec<String> = cmp
        .provisions
        .iter()
        .flat_map(|p| {
            p.notes
                .iter()
                .map(move |n| md_format!("- **{}**: {}\n", p.provision, n))
        })
        .collect();
    if !notes.is_empty() {
        out.push_str("\n## Notes\n\n");
        out.push_str(&notes.concat());
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
                p.a_life.to_string(),
                gapfmt::months_csv(p.b_max_prison_months),
                p.b_life.to_string(),
                diff(&cmp.a),
                diff(&cmp.b),
                p.notes.join(" | "),
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
        format!("{a}_life"),
        format!("{b}_max_prison_months"),
        format!("{b}_life"),
        format!("{a}_only"),
        format!("{b}_only"),
        "notes".into(),
    ]
    .to_vec();
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    output::csv(&headers, &rows)
}
