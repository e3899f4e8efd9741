//! Located diagnostics: what is wrong, where (file, line, column), which id is involved,
//! and a hint where one helps. Every problem found while reading a corpus becomes one
//! [`Diagnostic`]; a run collects them all in [`Diagnostics`] and reports them together.
//!
//! The rendering follows `rustc` and `just`:
//!
//! ```text
//! error: unknown element `intnt` of provision `bc-2`
//!   --> statutes/ar/ley-26388.md:42:17
//!    |
//! 42 |     elements: [intnt, without-right]
//!    |                ^^^^^
//!    = id: ar-ley-26388#cp-153-bis
//!    = hint: did you mean `intent`?
//! ```

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

/// How serious a diagnostic is. Errors make `check` fail; warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The corpus is wrong and must be fixed.
    Error,
    /// Worth a look, but the corpus can still be used (e.g. an unverified statute).
    Warning,
}

/// One problem, located in a corpus file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Path relative to the corpus folder, `/`-separated (`statutes/ar/ley-26388.md`).
    pub file: String,
    /// 1-based line in the file, when known.
    pub line: Option<u32>,
    /// 1-based column (in characters), when known.
    pub column: Option<u32>,
    /// How many characters the caret underlines (at least 1).
    #[serde(skip)]
    pub width: u32,
    /// The id involved (statute, section, provision, element, country), when there is one.
    pub id: Option<String>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when we can tell ("did you mean `intent`?").
    pub hint: Option<String>,
    /// The text of the offending line, for display under the location.
    #[serde(skip)]
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// A new error about `file`, not yet located.
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: None,
            column: None,
            width: 1,
            id: None,
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    /// A new warning about `file`, not yet located.
    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    /// Makes it a warning.
    pub fn warn(mut self) -> Diagnostic {
        self.severity = Severity::Warning;
        self
    }

    /// Sets line and column (1-based).
    pub fn at(mut self, line: u32, column: u32) -> Diagnostic {
        self.line = Some(line.max(1));
        self.column = Some(column.max(1));
        self
    }

    /// Sets how many characters the caret underlines.
    pub fn width(mut self, width: usize) -> Diagnostic {
        self.width = u32::try_from(width.max(1)).unwrap_or(1);
        self
    }

    /// Names the id involved.
    pub fn id(mut self, id: impl Into<String>) -> Diagnostic {
        self.id = Some(id.into());
        self
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a hint naming the closest candidate to `wrong`, if one is close enough.
    pub fn suggest<'a>(
        self,
        wrong: &str,
        candidates: impl IntoIterator<Item = &'a str>,
    ) -> Diagnostic {
        match closest(wrong, candidates) {
            Some(best) => self.hint(format!("did you mean `{best}`?")),
            None => self,
        }
    }

    /// Fills in the offending line from the file's text, if the diagnostic has a line.
    pub fn with_source(mut self, text: &str) -> Diagnostic {
        if let Some(line) = self.line {
            self.source_line = text
                .lines()
                .nth(line as usize - 1)
                .map(|l| l.trim_end_matches('\r').to_string());
        }
        self
    }

    /// Renders the diagnostic for a terminal; `color` adds ANSI styles.
    pub fn render(&self, color: bool) -> String {
        let paint = |style: Style, text: &str| -> String {
            if color {
                format!("{}{}{}", style.render(), text, style.render_reset())
            } else {
                text.to_string()
            }
        };
        let (label, style) = match self.severity {
            Severity::Error => ("error", AnsiColor::Red.on_default().bold()),
            Severity::Warning => ("warning", AnsiColor::Yellow.on_default().bold()),
        };
        let blue = AnsiColor::Blue.on_default().bold();
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}: {}",
            paint(style, label),
            paint(Style::new().bold(), &self.message)
        );
        let gutter = self.line.map(|l| l.to_string().len()).unwrap_or(1);
        let pad = " ".repeat(gutter);
        let location = match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file),
            (Some(l), None) => format!("{}:{l}", self.file),
            _ => self.file.clone(),
        };
        let _ = writeln!(out, "{pad}{} {location}", paint(blue, "-->"));
        if let (Some(line), Some(text)) = (self.line, &self.source_line) {
            let shown: String = text.chars().take(200).collect();
            let _ = writeln!(out, "{pad} {}", paint(blue, "|"));
            let _ = writeln!(
                out,
                "{} {} {shown}",
                paint(blue, &line.to_string()),
                paint(blue, "|")
            );
            if let Some(col) = self.column {
                let before: String = shown
                    .chars()
                    .take(col as usize - 1)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                let carets = "^".repeat(self.width as usize);
                let _ = writeln!(
                    out,
                    "{pad} {} {before}{}",
                    paint(blue, "|"),
                    paint(style, &carets)
                );
            }
        }
        if let Some(id) = &self.id {
            let _ = writeln!(out, "{pad} {} id: {id}", paint(blue, "="));
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "{pad} {} hint: {hint}", paint(blue, "="));
        }
        out
    }
}

/// The candidate most similar to `wrong`, if it is similar enough to be a likely typo.
pub fn closest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong_lower = wrong.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (c, strsim::jaro_winkler(&wrong_lower, &c.to_lowercase())))
        .filter(|(c, score)| *score >= 0.8 && *c != wrong)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c)
}

/// All the diagnostics of one run, in the order found.
#[derive(Clone, Debug, Default, Serialize)]
#[serde(transparent)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// No diagnostics yet.
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    /// Adds one.
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// Adds all of `other`.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    /// How many errors.
    pub fn error_count(&self) -> usize {
        self.0
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// How many warnings.
    pub fn warning_count(&self) -> usize {
        self.0
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// True when there is at least one error.
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// The diagnostics, sorted by file, then line, errors before warnings at the same place.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.0.iter().collect();
        v.sort_by(|a, b| {
            (a.file.as_str(), a.line, a.column, a.severity).cmp(&(
                b.file.as_str(),
                b.line,
                b.column,
                b.severity,
            ))
        });
        v
    }

    /// Iterates in the order found.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Renders every diagnostic, sorted, for a terminal.
    pub fn render(&self, color: bool) -> String {
        self.sorted()
            .iter()
            .map(|d| d.render(color))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_caret_id_and_hint() {
        let text = "a\n    elements: [intnt, without-right]\n";
        let d = Diagnostic::error(
            "statutes/ar/x.md",
            "unknown element `intnt` of provision `bc-2`",
        )
        .at(2, 16)
        .width(5)
        .id("ar-x#s1")
        .suggest("intnt", ["intent", "access"])
        .with_source(text);
        let shown = d.render(false);
        assert_eq!(
            shown,
            "error: unknown element `intnt` of provision `bc-2`\n \
             --> statutes/ar/x.md:2:16\n  |\n\
             2 |     elements: [intnt, without-right]\n  |                ^^^^^\n  \
             = id: ar-x#s1\n  = hint: did you mean `intent`?\n"
        );
    }

    #[test]
    fn closest_ignores_distant_words() {
        assert_eq!(closest("intnt", ["intent", "access"]), Some("intent"));
        assert_eq!(closest("zzz", ["intent", "access"]), None);
        assert_eq!(
            closest("elemnts", ["provision", "elements", "options"]),
            Some("elements")
        );
    }

    #[test]
    fn counts_errors_and_warnings() {
        let mut all = Diagnostics::new();
        all.push(Diagnostic::warning("b", "w"));
        all.push(Diagnostic::error("a", "e"));
        assert_eq!((all.error_count(), all.warning_count()), (1, 1));
        assert_eq!(all.sorted()[0].file, "a");
    }
}
