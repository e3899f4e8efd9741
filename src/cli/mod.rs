//! The `harmonia` command line: argument parsing (clap) and one file a subcommand. Each
//! subcommand turns its raw arguments into typed options, calls the library, and prints.

pub mod check;
pub mod compare;
pub mod draft;
pub mod gapfmt;
pub mod gaps;
pub mod history;
pub mod import;
pub mod index;
pub mod list;
pub mod matrix;
pub mod penalties;
pub mod report;
pub mod search;
pub mod select;
pub mod suggest;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::corpus::{self, Corpus, CorpusSource};
use crate::error::{Error, Result};
use crate::output;

/// harmonia: cybercrime legislation harmonization analyzer.
///
/// Maps national statutes element by element against model provisions (the Budapest
/// Convention by default) and derives gaps, matrices, penalties, dual criminality, search
/// and reports. Without --corpus, the corpus built into the binary is used.
#[derive(Debug, Parser)]
#[command(
    name = "harmonia",
    version,
    about,
    long_about,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a corpus and report every error with file, line and column.
    Check(check::Args),
    /// List frameworks, provisions, countries or statutes.
    List(list::Args),
    /// What one country covers of a framework, provision by provision, with scores.
    Gaps(gaps::Args),
    /// Coverage status of every provision for several countries.
    Matrix(matrix::Args),
    /// Dual criminality and extraditability between two countries.
    Compare(compare::Args),
    /// Prison terms of offences across countries, with medians.
    Penalties(penalties::Args),
    /// A country's scores at every date its law changed.
    History(history::Args),
    /// Draft articles or amendments for the provisions a country does not implement fully.
    Draft(draft::Args),
    /// Write a harmonization report (HTML or Markdown) for a country or a region.
    Report(report::Args),
    /// Build or refresh the search index of a corpus.
    Index(index::Args),
    /// Search sections across countries and languages, by words and by provision.
    Search(search::Args),
    /// Turn a published statute (Markdown, Akoma Ntoso XML, plain text) into a statute file.
    Import(import::Args),
    /// Propose mappings and read penalties for unannotated sections; measure the proposals.
    Suggest(suggest::Args),
}

/// Where the corpus is: shared by every command.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct CorpusArgs {
    /// Corpus folder (holding model-law/ and statutes/); default: the built-in corpus.
    /// A folder without model-law/ uses the built-in frameworks.
    #[arg(long, env = "HARMONIA_CORPUS", value_name = "DIR", global = true)]
    pub corpus: Option<PathBuf>,
}

impl CorpusArgs {
    /// The corpus source these arguments name.
    pub fn source(&self) -> CorpusSource {
        CorpusSource::new(self.corpus.clone())
    }

    /// Loads the corpus; if it has errors, prints them to stderr and fails, so no analysis
    /// ever runs on a corpus that does not check clean.
    pub fn load(&self) -> Result<Corpus> {
        let loaded = corpus::load(&self.source())?;
        if loaded.diagnostics.has_errors() {
            let only_errors: Vec<_> = loaded
                .diagnostics
                .sorted()
                .into_iter()
                .filter(|d| d.severity == crate::diagnostic::Severity::Error)
                .collect();
            let text: Vec<String> = only_errors
                .iter()
                .map(|d| d.render(output::stderr_color()))
                .collect();
            output::eprint(&format!("{}\n", text.join("\n")));
            return Err(Error::InvalidCorpus {
                errors: loaded.diagnostics.error_count(),
            });
        }
        Ok(loaded.corpus)
    }
}

/// Parses the process arguments, runs the command and returns the exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            let red = anstyle::AnsiColor::Red.on_default().bold();
            output::eprint(&format!(
                "{}error{}: {e}\n",
                red.render(),
                red.render_reset()
            ));
            e.exit_code()
        }
    }
}

/// Runs a parsed command line; returns the exit code for a run that finished.
pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Check(args) => check::execute(args),
        Command::List(args) => list::execute(args),
        Command::Gaps(args) => gaps::execute(args),
        Command::Matrix(args) => matrix::execute(args),
        Command::Compare(args) => compare::execute(args),
        Command::Penalties(args) => penalties::execute(args),
        Command::History(args) => history::execute(args),
        Command::Draft(args) => draft::execute(args),
        Command::Report(args) => report::execute(args),
        Command::Index(args) => index::execute(args),
        Command::Search(args) => search::execute(args),
        Command::Import(args) => import::execute(args),
        Command::Suggest(args) => suggest::execute(args),
    }
}
