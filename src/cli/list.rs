//! `harmonia list frameworks|provisions|countries|statutes`: what the corpus holds, as a
//! table for people or JSON for programs.

use serde_json::{json, Value};

use super::{select, CorpusArgs};
use crate::corpus::Corpus;
use crate::error::Result;
use crate::gap;
use crate::id::CountryCode;
use crate::output::{self, Cell, Format};

/// What to list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum What {
    /// Model frameworks (Budapest, ...).
    Frameworks,
    /// Model provisions with their elements and options.
    Provisions,
    /// Countries with their treaty records.
    Countries,
    /// Statutes with their sections.
    Statutes,
}

/// Arguments of `harmonia list`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to list.
    #[arg(value_enum)]
    what: What,
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Only this framework (provisions; countries' treaty records).
    #[arg(long, value_name = "ID")]
    framework: Option<String>,
    /// Only this area (provisions).
    #[arg(long, value_name = "AREA")]
    area: Option<String>,
    /// Only these countries, comma-separated codes or names (countries, statutes).
    #[arg(long, value_name = "CC,..", value_delimiter = ',')]
    country: Vec<String>,
    /// Output format.
    #[arg(long, default_value = "table", value_parser = output::formats(&["table", "json"]))]
    format: Format,
}

/// Runs `harmonia list`.
pub fn execute(args: Args) -> Result<i32> {
    let corpus = args.corpus.load()?;
    if let Some(f) = &args.framework {
        if corpus.framework(f).is_none() {
            let known = corpus.frameworks.iter().map(|f| f.id.as_str());
            return Err(select::unknown("framework", f, known));
        }
    }
    let area = match &args.area {
        Some(a) => {
            let mut known: Vec<&str> = corpus
                .frameworks
                .iter()
                .filter(|f| {
                    args.framework
                        .as_deref()
                        .is_none_or(|id| f.id.eq_ignore_ascii_case(id))
                })
                .flat_map(|f| f.areas.iter().map(String::as_str))
                .collect();
            known.sort_unstable();
            known.dedup();
            let found = known.iter().find(|k| k.eq_ignore_ascii_case(a.trim()));
            Some(match found {
                Some(k) => k.to_string(),
                None => return Err(select::unknown("area", a, known.iter().copied())),
            })
        }
        None => None,
    };
    let countries: Vec<CountryCode> = args
        .country
        .iter()
        .filter(|c| !c.trim().is_empty())
        .map(|c| select::country(&corpus, c).map(|x| x.code.clone()))
        .collect::<Result<_>>()?;
    let value = match args.what {
        What::Frameworks => frameworks(&corpus),
        What::Provisions => provisions(&corpus, args.framework.as_deref(), area.as_deref()),
        What::Countries => countries_json(&corpus, &countries, args.framework.as_deref()),
        What::Statutes => statutes(&corpus, &countries),
    };
    match args.format {
        Format::Json => output::print(&output::json(&value)),
        _ => output::print(&as_table(args.what, &value)),
    }
    Ok(0)
}

fn frameworks(c: &Corpus) -> Value {
    json!({ "frameworks": c.frameworks.iter().map(|f| json!({
        "id": f.id, "title": f.title, "reference": f.reference, "areas": f.areas,
        "provisions": f.provisions.len(),
    })).collect::<Vec<_>>() })
}

fn provisions(c: &Corpus, framework: Option<&str>, area: Option<&str>) -> Value {
    let list: Vec<Value> = c
        .frameworks
        .iter()
        .filter(|f| framework.is_none_or(|id| f.id.eq_ignore_ascii_case(id)))
        .flat_map(|f| f.provisions.iter().map(move |p| (f, p)))
        .filter(|(_, p)| area.is_none_or(|a| p.area == a))
        .map(|(f, p)| {
            json!({
                "id": p.id, "framework": f.id, "article": p.article, "area": p.area, "title": p.title,
                "elements": p.elements, "options": p.options,
                "terms": p.terms.iter().map(|(l, t)| (l.clone(), json!(t))).collect::<serde_json::Map<_, _>>(),
                "related": p.related, "equivalent": p.equivalent,
                "drafting_languages": p.drafting.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "provisions": list })
}

fn countries_json(c: &Corpus, only: &[CountryCode], framework: Option<&str>) -> Value {
    // Completeness is measured against the framework asked for, else the first one.
    let fw = framework
        .and_then(|f| c.framework(f))
        .or_else(|| c.frameworks.first());
    let today = chrono::Local::now().date_naive();
    let list: Vec<Value> = c
        .countries
        .iter()
        .filter(|x| only.is_empty() || only.contains(&x.code))
        .map(|x| {
            let done = fw.map(|fw| gap::completeness(c, fw, x, today));
            json!({
                "code": x.code, "name": x.name, "region": x.region, "subregion": x.subregion,
                "languages": x.languages, "legal_system": x.legal_system,
                "treaties": x.treaties.iter().filter(|t| framework.is_none_or(|f| t.framework == f)).collect::<Vec<_>>(),
                "reviews": x.reviews,
                "extradites_nationals": x.extradites_nationals,
                "statutes": c.statutes_of(&x.code).count(),
                "completeness": done.map(|d| json!({
                    "framework": fw.map(|f| f.id.as_str()),
                    "examined": d.examined, "unknown": d.unknown,
                    "verified_statutes": d.verified, "last_checked": d.last_checked,
                })),
            })
        })
        .collect();
    json!({ "countries": list })
}

fn statutes(c: &Corpus, only: &[CountryCode]) -> Value {
    let list: Vec<Value> = c
        .statutes
        .iter()
        .filter(|s| only.is_empty() || only.contains(&s.country))
        .map(|s| {
            json!({
                "id": s.id, "country": s.country, "title": s.title, "language": s.language,
                "kind": s.kind, "enacted": s.enacted, "in_force": s.in_force, "repealed": s.repealed,
                "text": s.text, "sources": s.sources, "review": s.review, "file": s.file,
                "sections": s.sections.iter().filter(|x| !x.is_heading_only()).map(|x| json!({
                    "id": x.id, "heading": x.heading, "line": x.line,
                    "provisions": x.implementations().iter().map(|i| i.provision.as_str()).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "statutes": list })
}

fn s(v: &Value) -> String {
    match v {
        Value::Null => "-".to_string(),
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(s).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

fn as_table(what: What, v: &Value) -> String {
    let empty = vec![];
    let rows = |key: &str| v[key].as_array().unwrap_or(&empty).clone();
    match what {
        What::Frameworks => output::table(
            &["id", "title", "reference", "provisions"],
            &rows("frameworks")
                .iter()
                .map(|f| {
                    vec![
                        s(&f["id"]).into(),
                        s(&f["title"]).into(),
                        s(&f["reference"]).into(),
                        s(&f["provisions"]).into(),
                    ]
                })
                .collect::<Vec<Vec<Cell>>>(),
        ),
        What::Provisions => output::table(
            &["id", "article", "area", "title", "elements", "options"],
            &rows("provisions")
                .iter()
                .map(|p| {
                    let ids = |k: &str| {
                        p[k].as_array()
                            .unwrap_or(&empty)
                            .iter()
                            .map(|e| s(&e["id"]))
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    vec![
                        s(&p["id"]).into(),
                        s(&p["article"]).into(),
                        s(&p["area"]).into(),
                        output::truncate(&s(&p["title"]), 40).into(),
                        // Ids whole: people copy them into `reservations:` blocks.
                        ids("elements").into(),
                        ids("options").into(),
                    ]
                })
                .collect::<Vec<Vec<Cell>>>(),
        ),
        What::Countries => output::table(
            &[
                "code",
                "name",
                "region",
                "languages",
                "treaties",
                "statutes",
                "verified",
                "examined",
                "unknown",
                "last checked",
            ],
            &rows("countries")
                .iter()
                .map(|c| {
                    let treaties = c["treaties"]
                        .as_array()
                        .unwrap_or(&empty)
                        .iter()
                        .map(|t| match t["in_force"].as_str() {
                            Some(d) => {
                                format!("{} {} (in force {d})", s(&t["framework"]), s(&t["status"]))
                            }
                            None => format!("{} {}", s(&t["framework"]), s(&t["status"])),
                        })
                        .collect::<Vec<_>>()
                        .join("; ");
                    vec![
                        s(&c["code"]).into(),
                        s(&c["name"]).into(),
                        s(&c["region"]).into(),
                        s(&c["languages"]).into(),
                        treaties.into(),
                        s(&c["statutes"]).into(),
                        s(&c["completeness"]["verified_statutes"]).into(),
                        c["completeness"]["examined"]
                            .as_f64()
                            .map_or("-".to_string(), |e| format!("{:.0}%", e * 100.0))
                            .into(),
                        s(&c["completeness"]["unknown"]).into(),
                        s(&c["completeness"]["last_checked"]).into(),
                    ]
                })
                .collect::<Vec<Vec<Cell>>>(),
        ),
        What::Statutes => output::table(
            &[
                "id", "country", "kind", "in force", "repealed", "review", "sections", "title",
            ],
            &rows("statutes")
                .iter()
                .map(|st| {
                    let n = st["sections"].as_array().map_or(0, Vec::len);
                    let start = if st["in_force"].is_null() {
                        s(&st["enacted"])
                    } else {
                        s(&st["in_force"])
                    };
                    vec![
                        s(&st["id"]).into(),
                        s(&st["country"]).into(),
                        s(&st["kind"]).into(),
                        start.into(),
                        s(&st["repealed"]).into(),
                        s(&st["review"]).into(),
                        n.to_string().into(),
                        output::truncate(&s(&st["title"]), 50).into(),
                    ]
                })
                .collect::<Vec<Vec<Cell>>>(),
        ),
    }
}
