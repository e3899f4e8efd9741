//! `harmonia import SOURCE --country CC`: a published statute (Markdown edition, Akoma Ntoso
//! XML, plain text) written as a statute file of the corpus format. The work is in
//! [`crate::import`]; this file parses arguments, reads the source, prints and writes.

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::id::CountryCode;
use crate::import::{self, ImportOptions, SourceFormat};
use crate::output;

/// Arguments of `harmonia import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The published statute: a Markdown edition, an Akoma Ntoso 3.0 XML file, or plain
    /// text with article headings (`-` reads standard input).
    #[arg(value_name = "SOURCE")]
    source: PathBuf,
    /// The country it belongs to (ISO 3166-1 alpha-2).
    #[arg(long, value_name = "CC")]
    country: String,
    /// The source's format; `auto` guesses from the file name, then the content.
    #[arg(long = "from", default_value = "auto", value_parser = ["auto", "markdown", "akn", "text"])]
    from: String,
    /// The statute id (default: the country code and the short title, e.g. `de-stgb`).
    #[arg(long, value_name = "ID")]
    id: Option<String>,
    /// The language of the text (ISO 639-1), when the source does not say or says wrong.
    #[arg(long, value_name = "LANG")]
    language: Option<String>,
    /// The statute file to write (atomically); default: standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// Runs `harmonia import`.
pub fn execute(args: Args) -> Result<i32> {
    let country =
        CountryCode::parse(&args.country).map_err(|e| Error::Usage(format!("--country: {e}")))?;
    let display = args.source.display().to_string();
    let bytes = if display == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map_err(|source| {
            Error::Io {
                path: args.source.clone(),
                source,
            }
        })?;
        buf
    } else {
        std::fs::read(&args.source).map_err(|source| Error::Io {
            path: args.source.clone(),
            source,
        })?
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let d = crate::diagnostic::Diagnostic::error(
                &display,
                format!("not valid UTF-8 (byte offset {})", good.len()),
            )
            .at(line as u32, 1)
            .hint("convert the file to UTF-8 first (e.g. iconv -f latin1 -t utf-8)");
            output::eprint(&format!("{}\n", d.render(output::stderr_color())));
            return Err(Error::InvalidInput {
                path: display,
                errors: 1,
            });
        }
    };
    let format = match args.from.as_str() {
        "markdown" => SourceFormat::Markdown,
        "akn" => SourceFormat::Akn,
        "text" => SourceFormat::Text,
        _ => SourceFormat::detect(&display, &text),
    };
    if let Some(lang) = &args.language {
        if !(lang.len() == 2 && lang.chars().all(|c| c.is_ascii_lowercase())) {
            return Err(Error::Usage(format!(
                "--language: `{lang}` is not an ISO 639-1 code (e.g. es, pt, en, fr, de)"
            )));
        }
    }
    let opts = ImportOptions {
        country,
        id: args.id.clone(),
        language: args.language.clone(),
        source_name: display.clone(),
    };
    let color = output::stderr_color();
    let imported = match import::import(&text, format, &opts) {
        Ok(i) => i,
        Err(errors) => {
            let shown: Vec<String> = errors
                .iter()
                .map(|d| d.clone().with_source(&text).render(color))
                .collect();
            output::eprint(&format!("{}\n", shown.join("\n")));
            return Err(Error::InvalidInput {
                path: display,
                errors: errors.len(),
            });
        }
    };
    for n in &imported.notes {
        output::eprint(&format!("{}\n", n.clone().with_source(&text).render(color)));
    }
    match &args.out {
        Some(path) => output::write_atomic(path, imported.markdown.as_bytes())?,
        None => output::print(&imported.markdown),
    }
    let mut summary = format!(
        "imported {} ({}): {} article(s), {} repealed placeholder(s)",
        imported.statute,
        imported.format.name(),
        imported.articles,
        imported.repealed
    );
    if let Some(path) = &args.out {
        summary.push_str(&format!(" -> {}", path.display()));
    }
    if !imported.missing.is_empty() {
        summary.push_str(&format!(
            "\n  the source does not give: {}; add them by hand (`harmonia check` reports what is required)",
            imported.missing.join(", ")
        ));
    }
    output::eprint(&format!("{summary}\n"));
    Ok(0)
}
