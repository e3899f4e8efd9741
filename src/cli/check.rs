//! `harmonia check`: validates a whole corpus and reports every error of the run together,
//! each with file, line, column, the offending line, the id involved and a hint.
//! Exit 0 when clean (warnings allowed), 1 on corpus errors, 2 on usage or I/O errors.

use serde::Serialize;

use super::CorpusArgs;
use crate::corpus::{self, Review};
use crate::diagnostic::Diagnostics;
use crate::error::Result;
use crate::output::{self, Format};

/// Arguments of `harmonia check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Output format: `table` (diagnostics for people) or `json`.
    #[arg(long, default_value = "table", value_parser = output::formats(&["table", "json"]))]
    format: Format,
    /// Do not print warnings (errors are always printed).
    #[arg(long, short = 'q')]
    quiet: bool,
}

/// What `check` found, for JSON output.
#[derive(Serialize)]
struct Report<'a> {
    corpus: String,
    ok: bool,
    errors: usize,
    warnings: usize,
    frameworks: usize,
    provisions: usize,
    countries: usize,
    statutes: usize,
    sections: usize,
    mapped_sections: usize,
    suggested_mappings: usize,
    unverified_statutes: usize,
    diagnostics: &'a Diagnostics,
}

/// Runs `harmonia check`.
pub fn execute(args: Args) -> Result<i32> {
    let loaded = corpus::load(&args.corpus.source())?;
    let c = &loaded.corpus;
    let d = &loaded.diagnostics;
    let report = Report {
        corpus: c.origin.clone(),
        ok: !d.has_errors(),
        errors: d.error_count(),
        warnings: d.warning_count(),
        frameworks: c.frameworks.len(),
        provisions: c.frameworks.iter().map(|f| f.provisions.len()).sum(),
        countries: c.countries.len(),
        statutes: c.statutes.len(),
        sections: c.sections().filter(|(_, s)| !s.is_heading_only()).count(),
        mapped_sections: c.sections().filter(|(_, s)| s.mapping.is_some()).count(),
        suggested_mappings: c
            .sections()
            .flat_map(|(_, s)| s.implementations())
            .filter(|i| i.suggested)
            .count(),
        unverified_statutes: c
            .statutes
            .iter()
            .filter(|s| s.review == Review::Unverified)
            .count(),
        diagnostics: d,
    };
    match args.format {
        Format::Json => output::print(&output::json(&report)),
        _ => {
            let color = output::stderr_color();
            let shown: Vec<String> = d
                .sorted()
                .into_iter()
                .filter(|x| !(args.quiet && x.severity == crate::diagnostic::Severity::Warning))
                .map(|x| x.render(color))
                .collect();
            if !shown.is_empty() {
                output::eprint(&format!("{}\n", shown.join("\n")));
            }
            let verdict = if report.ok { "ok" } else { "FAILED" };
            output::eprint(&format!(
                "check {verdict}: {} error(s), {} warning(s) in {}\n  {} framework(s), {} provision(s); {} countr{}, {} statute(s), {} section(s), {} mapped; {} statute(s) unverified{}\n",
                report.errors,
                report.warnings,
                report.corpus,
                report.frameworks,
                report.provisions,
                report.countries,
                if report.countries == 1 { "y" } else { "ies" },
                report.statutes,
                report.sections,
                report.mapped_sections,
                report.unverified_statutes,
                match report.suggested_mappings {
                    0 => String::new(),
                    n => format!("; {n} suggested mapping(s) await review"),
                },
            ));
        }
    }
    Ok(if report.ok { 0 } else { 1 })
}
