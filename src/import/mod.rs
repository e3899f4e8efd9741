//! Importers: a statute in its published form (a Markdown edition of a code, an Akoma Ntoso
//! 3.0 XML act, or plain text with article headings in es, pt, en, fr or de) becomes a
//! statute file of the corpus format, ready for `harmonia check` and `harmonia suggest`.
//!
//! Each reader (`markdown`, `akn`, `text`) turns its input into a [`Document`]: metadata
//! found (title, language, dates) and a list of [`Unit`]s, structural headings (book, part,
//! chapter: kept as context) and articles (with their number, heading and text). One writer
//! ([`render`]) turns a document into the statute file: front matter from the metadata (what
//! is missing is left out, for `check` to report), one heading a unit with its id derived
//! from the article number ([`number`]: `§ 202a` gives `p-202a`, `Art. 153 bis` gives
//! `art-153-bis`), and repealed placeholders ("(weggefallen)", "Derogado") marked with a
//! note. Problems with the input are located [`Diagnostic`]s, all of a run together; nothing
//! is written when there is one.

pub mod akn;
pub mod markdown;
pub mod number;
pub mod text;

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::diagnostic::Diagnostic;
use crate::id::{ascii_slug, CountryCode};

/// The published forms harmonia reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    /// Markdown with a heading per article (e.g. the Bundestag's `gesetze` edition).
    Markdown,
    /// Akoma Ntoso 3.0 XML (Laws.Africa, UK National Archives, EU, gazettes).
    Akn,
    /// Plain text with article headings at the start of lines.
    Text,
}

impl SourceFormat {
    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::Markdown => "markdown",
            SourceFormat::Akn => "akn",
            SourceFormat::Text => "text",
        }
    }

    /// Guesses the format from the file name, then from the first characters.
    pub fn detect(path: &str, text: &str) -> SourceFormat {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".xml") || lower.ends_with(".akn") {
            return SourceFormat::Akn;
        }
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            return SourceFormat::Markdown;
        }
        if lower.ends_with(".txt") {
            return SourceFormat::Text;
        }
        let head = text.trim_start_matches('\u{feff}').trim_start();
        if head.starts_with("<?xml") || head.starts_with("<akomaNtoso") || head.starts_with('<') {
            return SourceFormat::Akn;
        }
        let headings = text.lines().filter(|l| l.starts_with('#')).take(3).count();
        if headings > 0 {
            SourceFormat::Markdown
        } else {
            SourceFormat::Text
        }
    }
}

/// What the caller asks of an import.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// The country the statute belongs to.
    pub country: CountryCode,
    /// The statute id to use; derived from the title otherwise.
    pub id: Option<String>,
    /// The language (ISO 639-1), when the caller knows it better than the source.
    pub language: Option<String>,
    /// The source's name for messages and the statute's `sources` (a path or URL).
    pub source_name: String,
}

/// A structural heading or an article, in source order.
#[derive(Clone, Debug, PartialEq)]
pub enum Unit {
    /// A book, part, title, chapter or division: context for the articles below it.
    Heading {
        /// Nesting depth, 1 outermost.
        depth: u8,
        /// The heading as written.
        text: String,
        /// Line in the source.
        line: u32,
    },
    /// An article (or section, or `§`).
    Article {
        /// The id derived from its number (`p-202a`), before duplicates are told apart.
        id: String,
        /// The heading: label and title (`§ 202a Ausspähen von Daten`).
        heading: String,
        /// The text, as Markdown.
        text: String,
        /// The source marks it repealed (a placeholder or a status).
        repealed: bool,
        /// Nesting depth when the source states it (XML); else one below the last heading.
        depth: Option<u8>,
        /// Line in the source.
        line: u32,
    },
    /// A heading with text that numbers no article (an enacting formula, a schedule).
    Other {
        /// The heading as written.
        heading: String,
        /// The text, as Markdown.
        text: String,
        /// Line in the source.
        line: u32,
    },
}

/// A statute as read from its source, before it is written in the corpus format.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The title, if the source states one.
    pub title: Option<String>,
    /// A short title or abbreviation (`StGB`), used for the statute id.
    pub short_title: Option<String>,
    /// The language (ISO 639-1), if stated.
    pub language: Option<String>,
    /// Date of enactment (assent, promulgation, `Ausfertigungsdatum`).
    pub enacted: Option<NaiveDate>,
    /// Date of entry into force, if stated.
    pub in_force: Option<NaiveDate>,
    /// Date of the text as published (expression or consolidation date).
    pub as_of: Option<NaiveDate>,
    /// A bill rather than law.
    pub bill: bool,
    /// Where the text comes from (URIs found in the source).
    pub sources: Vec<String>,
    /// Structural headings and articles.
    pub units: Vec<Unit>,
}

/// An import that worked: the statute file and what it holds.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The statute file, in the corpus format.
    pub markdown: String,
    /// The statute id.
    pub statute: String,
    /// The format read.
    pub format: SourceFormat,
    /// Articles written.
    pub articles: usize,
    /// Of which repealed placeholders.
    pub repealed: usize,
    /// Front matter keys the source did not give (for `check` to report).
    pub missing: Vec<&'static str>,
    /// Things worth a look that did not stop the import (duplicate numbers).
    pub notes: Vec<Diagnostic>,
}

/// Reads `text` (named `opts.source_name`) in `format` and writes it as a statute file.
/// Every problem with the input is returned, located; nothing is produced then.
pub fn import(
    text: &str,
    format: SourceFormat,
    opts: &ImportOptions,
) -> Result<Imported, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let file = opts.source_name.as_str();
    let doc = match format {
        SourceFormat::Markdown => markdown::read(file, text, opts.language.as_deref())?,
        SourceFormat::Akn => akn::read(file, text)?,
        SourceFormat::Text => text::read(file, text, opts.language.as_deref())?,
    };
    if !doc.units.iter().any(|u| matches!(u, Unit::Article { .. })) {
        return Err(vec![Diagnostic::error(file, "no article headings found")
            .at(1, 1)
            .hint(match format {
                SourceFormat::Akn => "the body holds no <article>, <section> or numbered <paragraph>",
                _ => "articles open with a heading such as `§ 202a`, `Art. 153 bis`, `Artículo 4`, `Artigo 2`, `Article 323-1` or `Section 3`; pass --from if the format was guessed wrong",
            })]);
    }
    render(doc, format, opts)
}

/// Words that stand for a repealed article when they are all its text.
pub fn is_repealed_placeholder(text: &str) -> bool {
    let t: String = text
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if t.chars().count() > 80 {
        return false;
    }
    const WORDS: [&str; 14] = [
        "weggefallen",
        "aufgehoben",
        "derogado",
        "derogada",
        "derogado por",
        "revogado",
        "revogada",
        "repealed",
        "omitted",
        "abrogé",
        "abrogée",
        "abrogado",
        "abrogada",
        "suprimido",
    ];
    WORDS
        .iter()
        .any(|w| t == *w || t.starts_with(&format!("{w} ")))
}

/// Guesses the language of a text among es, pt, en, fr and de from its commonest words.
pub fn guess_language(text: &str) -> Option<&'static str> {
    const WORDS: [(&str, &[&str]); 5] = [
        (
            "es",
            &[
                "el", "la", "los", "las", "del", "que", "por", "con", "una", "años",
            ],
        ),
        (
            "pt",
            &[
                "o", "os", "as", "do", "da", "dos", "das", "que", "com", "não", "uma",
            ],
        ),
        (
            "en",
            &[
                "the", "of", "and", "to", "a", "in", "or", "is", "by", "shall",
            ],
        ),
        (
            "fr",
            &[
                "le", "la", "les", "des", "du", "et", "un", "une", "est", "par",
            ],
        ),
        (
            "de",
            &[
                "der", "die", "das", "und", "oder", "des", "mit", "wird", "nicht", "ein",
            ],
        ),
    ];
    let mut counts = [0usize; 5];
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .take(200_000)
        .filter(|w| !w.is_empty())
    {
        let w = word.to_lowercase();
        for (i, (_, list)) in WORDS.iter().enumerate() {
            if list.contains(&w.as_str()) {
                counts[i] += 1;
            }
        }
    }
    let (best, &n) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
    (n >= 3).then_some(WORDS[best].0)
}

/// Escapes a line of plain text so that Markdown reads it back as the same text.
pub fn escape_text_line(line: &str) -> String {
    let line = line.trim();
    let mut out = String::with_capacity(line.len() + 2);
    if line.starts_with(['#', '>', '-', '+', '*', '=', '|', '~', '`']) {
        out.push('\\');
    }
    // "1) text" and "1. text" would become list items: escape the mark after the digits.
    let list_mark = (line.starts_with(|c: char| c.is_ascii_digit()) && looks_like_list(line))
        .then(|| line.chars().take_while(|c| c.is_ascii_digit()).count());
    for (i, c) in line.chars().enumerate() {
        if Some(i) == list_mark {
            out.push('\\');
            out.push(c);
            continue;
        }
        match c {
            '<' | '[' | ']' | '`' | '*' | '_' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn looks_like_list(line: &str) -> bool {
    let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
    matches!(line[digits..].chars().next(), Some('.') | Some(')'))
        && line[digits + 1..].starts_with(' ')
}

/// Escapes a heading's text (one line, no `{#` attribute, no trailing `#`).
pub fn escape_heading(text: &str) -> String {
    let one: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(one.len());
    for c in one.chars() {
        match c {
            '{' | '}' | '#' | '<' | '[' | ']' | '`' | '*' | '_' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A YAML scalar written so that it reads back as exactly `text` (a JSON string is a valid
/// YAML double-quoted scalar).
pub fn yaml_str(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

/// The statute id: `--id`, else the country code and the short title or the title's first
/// words (`de-stgb`, `gb-computer-misuse-act-1990`).
pub fn statute_id(doc: &Document, opts: &ImportOptions) -> String {
    if let Some(id) = &opts.id {
        return id.clone();
    }
    let cc = opts.country.lower();
    let base = doc
        .short_title
        .as_deref()
        .or(doc.title.as_deref())
        .map(|t| {
            let s = ascii_slug(t);
            let mut words: Vec<&str> = s.split('-').filter(|w| !w.is_empty()).collect();
            words.truncate(6);
            words.join("-")
        })
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| {
            let stem = std::path::Path::new(&opts.source_name)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let s = ascii_slug(&stem);
            if s.is_empty() {
                "statute".into()
            } else {
                s
            }
        });
    let base = base
        .strip_prefix(&format!("{cc}-"))
        .unwrap_or(&base)
        .to_string();
    format!("{cc}-{base}")
}

/// Appends a section: its heading at `level` with its id, then its text when it has any.
fn push_section(out: &mut String, level: usize, heading: &str, id: &str, text: &str) {
    out.push_str(&format!(
        "\n{} {} {{#{id}}}\n",
        "#".repeat(level),
        escape_heading(heading)
    ));
    let body = text.trim();
    if !body.is_empty() {
        out.push('\n');
        out.push_str(body);
        out.push('\n');
    }
}

/// Writes a document as a statute file of the corpus format.
pub fn render(
    doc: Document,
    format: SourceFormat,
    opts: &ImportOptions,
) -> Result<Imported, Vec<Diagnostic>> {
    let file = opts.source_name.as_str();
    let statute = statute_id(&doc, opts);
    let cc = opts.country.lower();
    if !statute.starts_with(&format!("{cc}-"))
        || statute.contains(char::is_whitespace)
        || statute.contains('#')
        || statute.len() <= 3
    {
        return Err(vec![Diagnostic::error(
            file,
            format!("statute id `{statute}` must start with `{cc}-` and hold no spaces or `#`"),
        )
        .id(statute.clone())
        .hint(format!("e.g. --id {cc}-penal-code"))]);
    }
    let language = opts
        .language
        .clone()
        .or_else(|| doc.language.clone())
        .or_else(|| guess_language(&all_text(&doc)).map(str::to_string));
    let mut missing = Vec::new();
    let mut fm = String::from("---\n");
    fm.push_str(&format!("id: {statute}\n"));
    fm.push_str(&format!("country: {}\n", opts.country));
    match &doc.title {
        Some(t) => fm.push_str(&format!("title: {}\n", yaml_str(t))),
        None => missing.push("title"),
    }
    match &language {
        Some(l) => fm.push_str(&format!("language: {l}\n")),
        None => missing.push("language"),
    }
    let kind = if doc.bill {
        "bill"
    } else if doc.title.as_deref().is_some_and(is_code_title) {
        "code"
    } else {
        "act"
    };
    fm.push_str(&format!("kind: {kind}\n"));
    if let Some(d) = doc.enacted {
        fm.push_str(&format!("enacted: {d}\n"));
    }
    if let Some(d) = doc.in_force {
        fm.push_str(&format!("in_force: {d}\n"));
    }
    if doc.enacted.is_none() && doc.in_force.is_none() && !doc.bill {
        missing.push("enacted or in_force");
    }
    fm.push_str("text: official\n");
    let mut sources = doc.sources.clone();
    if opts.source_name.starts_with("http://") || opts.source_name.starts_with("https://") {
        sources.insert(0, opts.source_name.clone());
    }
    if sources.is_empty() {
        missing.push("sources");
    } else {
        fm.push_str("sources:\n");
        for s in &sources {
            fm.push_str(&format!("  - {}\n", yaml_str(s)));
        }
    }
    fm.push_str("review: unverified\n");
    let mut note = format!(
        "imported by harmonia import from {} ({})",
        file,
        format.name()
    );
    if let Some(d) = doc.as_of {
        note.push_str(&format!("; text as of {d}"));
    }
    fm.push_str(&format!("note: {}\n", yaml_str(&note)));
    fm.push_str("---\n");

    let mut out = fm;
    let mut used: HashMap<String, u32> = HashMap::new();
    let mut notes = Vec::new();
    let mut unique = |id: String, line: u32, notes: &mut Vec<Diagnostic>| -> String {
        let n = used.entry(id.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            return id;
        }
        let new = format!("{id}-{n}");
        notes.push(
            Diagnostic::warning(file, format!("`{id}` is used twice; this one became `{new}`"))
                .at(line, 1)
                .id(new.clone())
                .hint("two units share a number (an annex, a second code in one file): rename one if needed"),
        );
        new
    };
    let mut depth_now = 0u8;
    let (mut articles, mut repealed) = (0, 0);
    for unit in doc.units {
        match unit {
            Unit::Heading { depth, text, line } => {
                let depth = depth.clamp(1, 5);
                depth_now = depth;
                let id = unique(format!("h-{}", ascii_slug(&text)), line, &mut notes);
                out.push_str(&format!(
                    "\n{} {} {{#{id}}}\n",
                    "#".repeat(depth as usize),
                    escape_heading(&text)
                ));
            }
            Unit::Article {
                id,
                heading,
                text,
                repealed: gone,
                depth,
                line,
            } => {
                articles += 1;
                let id = unique(id, line, &mut notes);
                let level = depth.unwrap_or(depth_now + 1).clamp(1, 6) as usize;
                push_section(&mut out, level, &heading, &id, &text);
                if gone {
                    repealed += 1;
                    out.push_str("\n```harmonia\nnote: \"repealed: the source shows a placeholder for this article; the date of repeal is not stated\"\n```\n");
                }
            }
            Unit::Other {
                heading,
                text,
                line,
            } => {
                let id = unique(format!("h-{}", ascii_slug(&heading)), line, &mut notes);
                let level = (depth_now + 1).min(6) as usize;
                push_section(&mut out, level, &heading, &id, &text);
            }
        }
    }
    Ok(Imported {
        markdown: out,
        statute,
        format,
        articles,
        repealed,
        missing,
        notes,
    })
}

fn is_code_title(title: &str) -> bool {
    let t = title.to_lowercase();
    [
        "código",
        "codigo",
        "code",
        "gesetzbuch",
        "strafprozessordnung",
        "zivilprozessordnung",
    ]
    .iter()
    .any(|w| t.contains(w))
}

fn all_text(doc: &Document) -> String {
    let mut s = String::new();
    for u in &doc.units {
        match u {
            Unit::Heading { text, .. } => s.push_str(text),
            Unit::Article { heading, text, .. } | Unit::Other { heading, text, .. } => {
                s.push_str(heading);
                s.push('\n');
                s.push_str(text);
            }
        }
        s.push('\n');
        if s.len() > 400_000 {
            break;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_lines_read_back_as_the_same_text() {
        assert_eq!(escape_text_line("1) first point"), "1\\) first point");
        assert_eq!(escape_text_line("2. second point"), "2\\. second point");
        assert_eq!(escape_text_line("# not a heading"), "\\# not a heading");
        assert_eq!(escape_text_line("a <b> and [c]"), "a \\<b> and \\[c\\]");
        assert_eq!(escape_text_line("1990 was a year."), "1990 was a year.");
        assert_eq!(escape_heading("§ 1 {#x} *y*"), "§ 1 \\{\\#x\\} \\*y\\*");
    }

    #[test]
    fn placeholders_and_languages() {
        assert!(is_repealed_placeholder("(weggefallen)"));
        assert!(is_repealed_placeholder("Derogado."));
        assert!(is_repealed_placeholder("[Repealed]"));
        assert!(!is_repealed_placeholder(
            "Wer einen Rechner stört, wird bestraft."
        ));
        assert_eq!(
            guess_language("Quien con el ánimo de la ley y de los que"),
            Some("es")
        );
        assert_eq!(
            guess_language("Wer die Daten und das System oder der"),
            Some("de")
        );
        assert_eq!(guess_language("x"), None);
    }
}
