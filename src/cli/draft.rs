//! `harmonia draft CC`: drafting proposals for every provision a country does not implement
//! fully, in the country's language (`--lang` to choose), as Markdown or plain text.

use std::path::PathBuf;

use super::select::{self, ScopeArgs};
use super::CorpusArgs;
use crate::error::Result;
use crate::output::{self, Format};
use crate::render::draft::{self, DraftOptions};
use crate::render::{Escape, Templates};

/// Arguments of `harmonia draft`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Country code (ISO 3166-1 alpha-2, e.g. AR) or name.
    #[arg(value_name = "CC")]
    country: String,
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    scope: ScopeArgs,
    /// Only this provision (e.g. bc-3; its framework is the default --framework).
    #[arg(long, value_name = "ID")]
    provision: Option<String>,
    /// Drafting language (ISO 639-1: es, pt, en, fr, ...); default: the country's first
    /// language. Languages without strings fall back to English, and say so.
    #[arg(long, value_name = "L")]
    lang: Option<String>,
    /// Output format.
    #[arg(long, default_value = "md", value_parser = output::formats(&["md", "txt"]))]
    format: Format,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Folder of templates overriding the built-in ones by name.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
}

/// Runs `harmonia draft`.
pub fn execute(args: Args) -> Result<i32> {
    let templates = Templates::new(args.templates.clone())?;
    let corpus = args.corpus.load()?;
    let fallback = args
        .provision
        .as_deref()
        .and_then(select::framework_of_provision);
    let fw = args.scope.framework(&corpus, fallback.as_deref())?;
    let country = select::country(&corpus, &args.country)?;
    let date = args.scope.as_of()?;
    let provision = match &args.provision {
        Some(p) => Some(select::provision(fw, p)?.id.clone()),
        None => None,
    };
    let lang = args.lang.as_deref().map(select::language).transpose()?;
    let set = draft::drafts(
        &corpus,
        fw,
        country,
        &DraftOptions {
            as_of: date,
            provision: provision.clone(),
            lang,
        },
    );
    if let (Some(id), true) = (&provision, set.drafts.is_empty()) {
        let status = crate::gap::coverage(&corpus, fw, country, date)
            .provision(id)
            .map(|c| c.status);
        let why = match status {
            Some(crate::gap::Status::Unknown) => {
                "nobody has examined it, so there is nothing to draft yet: examine the law first"
            }
            _ => "no draft is needed",
        };
        output::eprint(&format!(
            "{id} is {} in {} on {date}: {why}\n",
            status.map_or("unknown", |s| s.as_str()),
            country.name
        ));
        return Ok(0);
    }
    let (name, escape) = match args.format {
        Format::Txt => ("draft.txt.j2", Escape::Text),
        _ => ("draft.md.j2", Escape::Markdown),
    };
    let text = templates.render(name, escape, &set)?;
    match &args.out {
        Some(path) => output::write_text_atomic(path, &text)?,
        None => output::print(&text),
    }
    Ok(0)
}
