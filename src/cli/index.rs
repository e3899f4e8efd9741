//! `harmonia index`: builds the search index of a corpus, or brings it up to date by
//! reindexing only the statute files that changed. `harmonia search` does the same on its
//! own when needed; this command is for building ahead of time and for scripts.

use std::path::PathBuf;

use serde_json::json;

use super::CorpusArgs;
use crate::diagnostic::Diagnostics;
use crate::error::{Error, Result};
use crate::index::build::{self, Action, Refreshed, Report};
use crate::index::{self};
use crate::output::{self, Format};

/// Arguments of `harmonia index`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    index: IndexArgs,
    /// Rebuild from scratch, even when the index is up to date.
    #[arg(long)]
    rebuild: bool,
    /// Output format.
    #[arg(long, default_value = "table", value_parser = output::formats(&["table", "json"]))]
    format: Format,
}

/// Where the index is: shared by `index` and `search`.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct IndexArgs {
    /// Index folder. Default: `.harmonia/index` inside the corpus folder; for the built-in
    /// corpus, `harmonia/index-<hash>` in the user's cache folder.
    #[arg(long = "index", value_name = "DIR", env = "HARMONIA_INDEX")]
    pub dir: Option<PathBuf>,
}

/// Runs `harmonia index`.
pub fn execute(args: Args) -> Result<i32> {
    let options = build::Options {
        rebuild: args.rebuild,
        progress: true,
        verify: true,
    };
    let refreshed = refresh_with(&args.corpus, &args.index, &options)?;
    if let Some(damage) = &refreshed.repaired {
        output::eprint(&format!(
            "harmonia: the index was damaged: {damage}; rebuilt it\n"
        ));
    }
    let r = &refreshed.report;
    match args.format {
        Format::Json => output::print(&output::json(&json!({
            "index": refreshed.generation.parent().unwrap_or(&refreshed.generation),
            "action": action_name(r.action),
            "files_indexed": r.files_indexed,
            "files_removed": r.files_removed,
            "sections_indexed": r.sections_indexed,
            "bytes_indexed": r.bytes_indexed,
            "files": r.files_total,
            "sections": r.sections_total,
            "seconds": r.seconds,
            "repaired": refreshed.repaired.as_ref().map(|d| d.what.clone()),
        }))),
        _ => {
            let where_ = refreshed
                .generation
                .parent()
                .unwrap_or(&refreshed.generation)
                .display()
                .to_string();
            output::print(&format!(
                "{}\nindex: {where_} ({} sections from {} statute files)\n",
                describe(r),
                r.sections_total,
                r.files_total
            ));
        }
    }
    Ok(0)
}

/// Brings the index up to date (printing corpus errors to stderr when there are any).
pub(crate) fn refresh(
    corpus: &CorpusArgs,
    index_args: &IndexArgs,
    rebuild: bool,
    progress: bool,
) -> Result<Refreshed> {
    let options = build::Options {
        rebuild,
        progress,
        verify: false,
    };
    refresh_with(corpus, index_args, &options)
}

/// [`refresh`] with all the options.
pub(crate) fn refresh_with(
    corpus: &CorpusArgs,
    index_args: &IndexArgs,
    options: &build::Options,
) -> Result<Refreshed> {
    let source = corpus.source();
    let dir = match &index_args.dir {
        Some(d) => d.clone(),
        None => index::default_location(&source)?,
    };
    let mut problems = Diagnostics::new();
    match build::refresh(&source, &dir, options, &mut problems) {
        Ok(r) => Ok(r),
        Err(e @ Error::InvalidCorpus { .. }) => {
            let text: Vec<String> = problems
                .sorted()
                .iter()
                .map(|d| d.render(output::stderr_color()))
                .collect();
            output::eprint(&format!("{}\n", text.join("\n")));
            Err(e)
        }
        Err(e) => Err(e),
    }
}

/// `fresh`, `updated` or `rebuilt`.
pub(crate) fn action_name(action: Action) -> &'static str {
    match action {
        Action::Fresh => "fresh",
        Action::Updated => "updated",
        Action::Rebuilt => "rebuilt",
    }
}

fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {one}s")
    }
}

/// One line saying what a refresh did.
pub(crate) fn describe(r: &Report) -> String {
    let mib = r.bytes_indexed as f64 / 1048576.0;
    let rate = if r.seconds > 0.0 {
        mib / r.seconds
    } else {
        0.0
    };
    match r.action {
        Action::Fresh => "index is up to date".to_string(),
        Action::Updated => format!(
            "reindexed {}, removed {} ({} sections, {mib:.1} MiB) in {:.2} s",
            plural(r.files_indexed, "file"),
            plural(r.files_removed, "file"),
            r.sections_indexed,
            r.seconds
        ),
        Action::Rebuilt => format!(
            "built the index: {}, {} sections, {mib:.1} MiB in {:.2} s ({rate:.1} MiB/s)",
            plural(r.files_indexed, "file"),
            r.sections_indexed,
            r.seconds
        ),
    }
}
