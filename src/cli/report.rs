//! `harmonia report (CC | --region R) --out FILE`: a harmonization report for one country
//! (set against its region) or a whole region, as one self-contained HTML file or Markdown.

use std::path::PathBuf;

use super::select::{self, ScopeArgs};
use super::CorpusArgs;
use crate::error::{Error, Result};
use crate::output::{self, Format};
use crate::render::report::{self, ReportOptions, Scope};
use crate::render::{Escape, Templates};

/// Arguments of `harmonia report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Country code (ISO 3166-1 alpha-2) or name; or use --region.
    #[arg(
        value_name = "CC",
        required_unless_present = "region",
        conflicts_with = "region"
    )]
    country: Option<String>,
    /// Report on every country of this region (as named in country.yaml, any case).
    #[arg(long, value_name = "R")]
    region: Option<String>,
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    scope: ScopeArgs,
    /// Output format: one self-contained HTML file, or Markdown for documents.
    #[arg(long, default_value = "html", value_parser = output::formats(&["html", "md"]))]
    format: Format,
    /// The file to write (replaced whole: written beside it, then renamed).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Folder of templates overriding the built-in ones by name.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
}

/// Runs `harmonia report`.
pub fn execute(args: Args) -> Result<i32> {
    let templates = Templates::new(args.templates.clone())?;
    let corpus = args.corpus.load()?;
    let fw = args.scope.framework(&corpus, None)?;
    let date = args.scope.as_of()?;
    let scope = match (&args.country, &args.region) {
        (Some(cc), _) => Scope::Country(select::country(&corpus, cc)?.code.clone()),
        (None, Some(r)) => Scope::Region(select::region(&corpus, r)?.to_string()),
        (None, None) => {
            return Err(Error::Usage(
                "name a country (e.g. `harmonia report AR`) or a region (--region Americas)"
                    .to_string(),
            ))
        }
    };
    let report = report::build(
        &corpus,
        fw,
        &ReportOptions {
            scope,
            as_of: date,
            templates_origin: templates.origin(),
        },
    )?;
    let (name, escape) = match args.format {
        Format::Md => ("report.md.j2", Escape::Markdown),
        _ => ("report.html.j2", Escape::Html),
    };
    let text = templates.render(name, escape, &report)?;
    output::write_text_atomic(&args.out, &text)?;
    output::eprint(&format!("wrote {}\n", args.out.display()));
    Ok(0)
}
