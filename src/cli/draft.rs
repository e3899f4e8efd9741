//! `harmonia draft CC`: drafting proposals for every provision a country does not implement
//! fully, in the country's language (`--lang` to choose), as Markdown or plain text.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::CorpusArgs;
use crate::corpus::{self, Corpus, Country, Framework};
use crate::error::{Error, Result};
use crate::id::{CountryCode, ProvisionId};
use crate::output::{self, Format};
use crate::render::draft::{self, DraftOptions};
use crate::render::{Escape, Templates};

/// Arguments of `harmonia draft`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Country code (ISO 3166-1 alpha-2, e.g. AR).
    #[arg(value_name = "CC")]
    country: String,
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Framework id; default: bc (Budapest), else the corpus' first framework.
    #[arg(long, value_name = "ID")]
    framework: Option<String>,
    /// Compare the law in force on this date (YYYY-MM-DD); default: today.
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// Only this provision (e.g. bc-3).
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

/// The framework named by `--framework`, else `bc`, else the first one.
pub(crate) fn framework<'a>(corpus: &'a Corpus, id: Option<&str>) -> Result<&'a Framework> {
    let known = || {
        corpus
            .frameworks
            .iter()
            .map(|f| f.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match id {
        Some(id) => corpus
            .framework(id)
            .ok_or_else(|| Error::Usage(format!("unknown framework `{id}` (known: {})", known()))),
        None => corpus
            .framework("bc")
            .or_else(|| corpus.frameworks.first())
            .ok_or_else(|| Error::Usage("the corpus has no framework".to_string())),
    }
}

/// The country with code `cc`.
pub(crate) fn country<'a>(corpus: &'a Corpus, cc: &str) -> Result<&'a Country> {
    let code = CountryCode::parse(cc).map_err(Error::Usage)?;
    corpus.country(&code).ok_or_else(|| {
        let known: Vec<&str> = corpus.countries.iter().map(|c| c.code.as_str()).collect();
        Error::Usage(format!(
            "unknown country `{code}` (known: {})",
            known.join(", ")
        ))
    })
}

/// `--as-of`, else today.
pub(crate) fn as_of(text: Option<&str>) -> Result<NaiveDate> {
    match text {
        Some(t) => corpus::parse_date(t).map_err(Error::Usage),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

/// Runs `harmonia draft`.
pub fn execute(args: Args) -> Result<i32> {
    let templates = Templates::new(args.templates.clone())?;
    let corpus = args.corpus.load()?;
    let fw = framework(&corpus, args.framework.as_deref())?;
    let country = country(&corpus, &args.country)?;
    let date = as_of(args.as_of.as_deref())?;
    let provision = match &args.provision {
        Some(p) => {
            let id = ProvisionId::parse(p).map_err(Error::Usage)?;
            if fw.provision(&id).is_none() {
                return Err(Error::Usage(format!(
                    "framework `{}` has no provision `{id}` (`harmonia list provisions` lists them)",
                    fw.id
                )));
            }
            Some(id)
        }
        None => None,
    };
    let lang = match &args.lang {
        Some(l) => {
            let l = l.trim().to_ascii_lowercase();
            if !(2..=3).contains(&l.len()) || !l.chars().all(|c| c.is_ascii_lowercase()) {
                return Err(Error::Usage(format!(
                    "`{l}` is not a language code (expected ISO 639-1, e.g. es, pt, en, fr)"
                )));
            }
            Some(l)
        }
        None => None,
    };
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
            .map_or("missing", |c| c.status.as_str());
        output::eprint(&format!(
            "{id} is {status} in {} on {date}: no draft is needed\n",
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
        Some(path) => output::write_atomic(path, text.as_bytes())?,
        None => output::print(&text),
    }
    Ok(0)
}
