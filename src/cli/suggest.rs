//! `harmonia suggest FILE`: proposed mappings (provisions, elements, confidence) and the
//! penalties the text states, for every unannotated section of a statute; `--apply` writes
//! them into the file marked `suggested: true`; `--evaluate` measures the suggester against
//! the corpus' hand labels, one country held out at a time. The work is in
//! [`crate::suggest`]; this file parses arguments, prints and writes.

use std::path::PathBuf;

use serde_json::json;

use super::select;
use super::CorpusArgs;
use crate::error::{Error, Result};
use crate::output::{self, Cell, Format};
use crate::suggest::evaluate::{evaluate, Evaluation, Scores};
use crate::suggest::{self, apply, Config, Model, ModelKind, SectionResult};

/// Arguments of `harmonia suggest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The statute file (corpus format, e.g. from `harmonia import`); not needed with
    /// --evaluate.
    #[arg(value_name = "FILE", required_unless_present = "evaluate")]
    file: Option<PathBuf>,
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Framework to suggest provisions of [default: bc].
    #[arg(long, value_name = "ID")]
    framework: Option<String>,
    /// Output format.
    #[arg(long, default_value = "table", value_parser = output::formats(&["table", "json", "md"]))]
    format: Format,
    /// The model: `corpus` (model law and the corpus' mapped sections) or `lexical` (model
    /// law only, the baseline).
    #[arg(long, default_value = "corpus", value_parser = ["corpus", "lexical"])]
    model: String,
    /// Write the suggestions into FILE as `harmonia` blocks marked `suggested: true`, under
    /// sections that have no block yet (a person's blocks are never touched).
    #[arg(long, conflicts_with = "evaluate")]
    apply: bool,
    /// Measure both models on the corpus, holding out one country at a time.
    #[arg(long)]
    evaluate: bool,
}

fn kind(name: &str) -> ModelKind {
    if name == "lexical" {
        ModelKind::Lexical
    } else {
        ModelKind::Corpus
    }
}

/// Text for a terminal or Markdown cell: no control characters.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Runs `harmonia suggest`.
pub fn execute(args: Args) -> Result<i32> {
    let corpus = args.corpus.load()?;
    let fw_id = args
        .framework
        .as_deref()
        .unwrap_or(select::DEFAULT_FRAMEWORK);
    let fw = corpus.framework(fw_id).ok_or_else(|| {
        select::unknown(
            "framework",
            fw_id,
            corpus.frameworks.iter().map(|f| f.id.as_str()),
        )
    })?;
    if args.evaluate {
        let runs: Vec<Evaluation> = [ModelKind::Lexical, ModelKind::Corpus]
            .into_iter()
            .map(|k| evaluate(&corpus, fw, k, Config::default()))
            .collect();
        print_evaluation(&runs, args.format);
        return Ok(0);
    }
    let Some(path) = args.file.clone() else {
        return Err(Error::Usage(
            "name a statute file, or pass --evaluate".into(),
        ));
    };
    let display = path.display().to_string();
    let bytes = std::fs::read(&path).map_err(|source| Error::Io {
        path: path.clone(),
        source,
    })?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (statute, found) = suggest::read_statute(&corpus.frameworks, &display, bytes);
    let color = output::stderr_color();
    let statute = match statute {
        Some(s) if !found.has_errors() => s,
        _ => {
            output::eprint(&found.render(color));
            return Err(Error::InvalidInput {
                path: display,
                errors: found.error_count().max(1),
            });
        }
    };
    let kind = kind(&args.model);
    // The shipped corpus teaches the model too when --corpus names a folder of one's own
    // (a new country's folder holds no mapped sections yet).
    let shipped = match args.corpus.corpus {
        Some(_) => Some(crate::corpus::load(&crate::corpus::CorpusSource::new(None))?.corpus),
        None => None,
    };
    let mut training = suggest::examples(&corpus, |s| s.id == statute.id);
    if let Some(shipped) = &shipped {
        training.extend(suggest::examples(shipped, |s| {
            s.id == statute.id || corpus.statute(&s.id).is_some()
        }));
    }
    let model = Model::build(fw, &training, kind, Config::default());
    let (results, annotated) = suggest::suggest_statute(&model, &statute);
    if args.apply {
        let (new_text, done) = apply::apply(&text, &statute, &results, kind);
        // The new file must read back with no error the old one did not have.
        let (_, after) =
            suggest::read_statute(&corpus.frameworks, &display, new_text.clone().into_bytes());
        if after.error_count() > found.error_count() {
            output::eprint(&after.render(color));
            return Err(Error::InvalidInput {
                path: display,
                errors: after.error_count(),
            });
        }
        output::write_atomic(&path, new_text.as_bytes())?;
        output::eprint(&format!(
            "{display}: {} block(s) written with {} suggested mapping(s) and {} penalty reading(s); {} annotated section(s) left alone; review each `suggested: true` entry, then `harmonia check`\n",
            done.blocks, done.entries, done.penalties, annotated
        ));
        return Ok(0);
    }
    print_suggestions(&statute.id, &results, args.format);
    output::eprint(&format!(
        "{} section(s) examined with the {} model, {} with a suggestion; {} annotated section(s) skipped\n",
        results.len(),
        kind.name(),
        results.iter().filter(|r| !r.suggestion.suggested.is_empty()).count(),
        annotated
    ));
    Ok(0)
}

fn penalty_json(r: &SectionResult) -> serde_json::Value {
    match &r.suggestion.penalty {
        Some(p) => {
            let o = p.overall();
            json!({"prison": {"min_months": o.min_months, "max_months": o.max_months, "life": o.life}})
        }
        None => serde_json::Value::Null,
    }
}

fn penalty_text(r: &SectionResult) -> String {
    let Some(p) = &r.suggestion.penalty else {
        return "-".into();
    };
    let o = p.overall();
    let mut s = match (o.min_months, o.max_months) {
        (Some(a), Some(b)) => format!("{} - {}", apply::duration(a), apply::duration(b)),
        (None, Some(b)) => format!("up to {}", apply::duration(b)),
        (Some(a), None) => format!("at least {}", apply::duration(a)),
        (None, None) => String::new(),
    };
    if o.life {
        s = if s.is_empty() {
            "life".into()
        } else {
            format!("{s}; life")
        };
    }
    if !p.aggravated.is_empty() {
        s.push_str(&format!(" ({} aggravated)", p.aggravated.len()));
    }
    s
}

fn print_suggestions(statute: &str, results: &[SectionResult], format: Format) {
    match format {
        Format::Json => {
            let sections: Vec<serde_json::Value> = results
                .iter()
                .map(|r| {
                    json!({
                        "section": r.section.id.to_string(),
                        "heading": r.section.heading,
                        "candidates": r.suggestion.candidates.iter().map(|c| json!({
                            "provision": c.provision.as_str(),
                            "confidence": c.confidence,
                            "elements": c.elements,
                        })).collect::<Vec<_>>(),
                        "suggested": r.suggestion.suggested.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
                        "penalty": penalty_json(r),
                    })
                })
                .collect();
            output::print(&output::json(
                &json!({"statute": statute, "sections": sections}),
            ));
        }
        _ => {
            let headers = ["section", "heading", "suggested", "candidates", "penalty"];
            let rows: Vec<Vec<String>> = results
                .iter()
                .map(|r| {
                    let cands: Vec<String> = r
                        .suggestion
                        .candidates
                        .iter()
                        .map(|c| format!("{} {:.2}", c.provision, c.confidence))
                        .collect();
                    vec![
                        r.section.id.local().to_string(),
                        clean(&output::truncate(&r.section.heading, 48)),
                        if r.suggestion.suggested.is_empty() {
                            "-".into()
                        } else {
                            r.suggestion
                                .suggested
                                .iter()
                                .map(|p| p.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        },
                        if cands.is_empty() {
                            "-".into()
                        } else {
                            cands.join(", ")
                        },
                        penalty_text(r),
                    ]
                })
                .collect();
            print_rows(format, &headers, rows);
        }
    }
}

fn pct(part: usize, whole: usize) -> String {
    Scores::ratio(part, whole).map_or_else(|| "-".into(), |r| format!("{r:.2}"))
}

fn print_evaluation(runs: &[Evaluation], format: Format) {
    if format == Format::Json {
        output::print(&output::json(&runs));
        return;
    }
    let headers = [
        "model",
        "language",
        "mapped",
        "top-1",
        "top-3",
        "prov P",
        "prov R",
        "elem P",
        "elem R",
        "distractors",
        "rejected",
        "penalties",
        "max right",
        "range right",
        "silent",
    ];
    let mut rows: Vec<Vec<String>> = Vec::new();
    for run in runs {
        for r in &run.rows {
            rows.push(vec![
                run.model.name().to_string(),
                r.language.clone(),
                r.mapped.to_string(),
                pct(r.top1, r.mapped),
                pct(r.top3, r.mapped),
                pct(r.suggested_right, r.suggested),
                pct(r.suggested_right, r.gold),
                pct(r.elements_right, r.elements_proposed),
                pct(r.elements_right, r.elements_gold),
                r.distractors.to_string(),
                pct(r.rejected, r.distractors),
                r.penalties.to_string(),
                pct(r.penalty_max_right, r.penalties),
                pct(r.penalty_range_right, r.penalties),
                r.penalties_silent.to_string(),
            ]);
        }
    }
    let folds = runs.first().map_or(0, |r| r.folds);
    print_rows(format, &headers, rows);
    output::eprint(&format!(
        "hold-one-country-out over {folds} countries; prov P/R: suggested provisions against the mapped ones; elem P/R over provisions suggested rightly\n"
    ));
}

/// Prints rows of corpus text as a Markdown table (`--format md`) or aligned columns.
fn print_rows(format: Format, headers: &[&str], rows: Vec<Vec<String>>) {
    if format == Format::Md {
        output::print(&output::md_table(headers, &rows));
    } else {
        let cells: Vec<Vec<Cell>> = rows
            .into_iter()
            .map(|r| r.into_iter().map(Cell::from).collect())
            .collect();
        output::print(&output::table(headers, &cells));
    }
}
