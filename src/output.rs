//! Shared output plumbing for every command: the output formats, aligned terminal tables
//! (coloured only on a terminal, honouring `NO_COLOR`), Markdown tables, CSV, and atomic file
//! writes (a temporary file in the same folder, renamed over the target, so a reader never
//! sees half a file).
//!
//! Every writer here escapes for its channel ([`escape`]): a table [`Cell`] is corpus text
//! unless made with [`Cell::markup`], and corpus text is escaped by the writer (terminal
//! controls stripped in [`table`], [`print`] and [`eprint`]; Markdown syntax and HTML in
//! [`md_table`] and [`md_format!`](crate::md_format); formula prefixes in [`csv`]; control
//! characters in [`write_text_atomic`]). Call sites pass values, never escape them.

pub mod escape;

use std::io::Write as _;
use std::path::Path;

use anstyle::{AnsiColor, Style};

use crate::error::Error;

/// An output format. Each command accepts the subset that makes sense for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns for people (the default).
    Table,
    /// JSON, for programs.
    Json,
    /// CSV, for spreadsheets.
    Csv,
    /// Markdown, for documents.
    Md,
    /// A self-contained HTML page.
    Html,
    /// Plain text.
    Txt,
}

impl Format {
    /// Parses a format name.
    pub fn parse(name: &str) -> Option<Format> {
        Some(match name {
            "table" => Format::Table,
            "json" => Format::Json,
            "csv" => Format::Csv,
            "md" | "markdown" => Format::Md,
            "html" => Format::Html,
            "txt" | "text" => Format::Txt,
            _ => return None,
        })
    }
}

/// A clap value parser accepting only `allowed` format names.
pub fn formats(
    allowed: &'static [&'static str],
) -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(allowed)
        .map(|s: String| Format::parse(&s).unwrap_or(Format::Table))
}

/// One table cell: text, an optional style for terminals, and whether the text is
/// harmonia's own markup or (the default) a value that may come from the corpus.
#[derive(Clone, Debug)]
pub struct Cell {
    /// The text.
    pub text: String,
    /// Style on a terminal.
    pub style: Option<Style>,
    /// True for our own markup (`**overall**`, a number we computed): printed as is in
    /// Markdown and CSV. False for text that may come from the corpus: escaped by every
    /// writer for its channel.
    pub markup: bool,
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell {
            text,
            style: None,
            markup: false,
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::from(text.to_string())
    }
}

impl From<&String> for Cell {
    fn from(text: &String) -> Cell {
        Cell::from(text.clone())
    }
}

impl Cell {
    /// A styled cell.
    pub fn styled(text: impl Into<String>, style: Style) -> Cell {
        Cell {
            text: text.into(),
            style: Some(style),
            markup: false,
        }
    }

    /// A cell of our own markup, printed as is (Markdown such as `**overall**`, a number, a
    /// CSV value starting with `-` that we computed). Never for corpus text.
    pub fn markup(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            style: None,
            markup: true,
        }
    }

    /// The cell's text for a Markdown table.
    fn md(&self) -> String {
        if self.markup {
            escape::markdown_markup_cell(&self.text)
        } else {
            escape::markdown_inline(&self.text)
        }
    }

    /// The cell's text for CSV.
    fn csv(&self) -> String {
        if self.markup {
            self.text.clone()
        } else {
            escape::csv_cell(&self.text)
        }
    }
}

/// The terminal style of a coverage status (`full`, `partial`, `reserved`, `missing`,
/// `unknown`: grey, a verdict nobody gave).
pub fn status_style(status: &str) -> Style {
    match status {
        "full" => AnsiColor::Green.on_default(),
        "partial" => AnsiColor::Yellow.on_default(),
        "reserved" => AnsiColor::Cyan.on_default(),
        "missing" => AnsiColor::Red.on_default().bold(),
        "unknown" => AnsiColor::BrightBlack.on_default(),
        _ => Style::new(),
    }
}

/// Renders rows as aligned columns with a bold header. Cell text loses every control
/// character and line break ([`escape::terminal_cell`]). Styles are ANSI escapes; print the
/// result through [`print`] so they are dropped when stdout is not a terminal.
pub fn table(headers: &[&str], rows: &[Vec<Cell>]) -> String {
    let n = headers.len();
    let rows: Vec<Vec<Cell>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .take(n)
                .map(|c| Cell {
                    text: escape::terminal_cell(&c.text),
                    ..c.clone()
                })
                .collect()
        })
        .collect();
    let headers: Vec<String> = headers.iter().map(|h| escape::terminal_cell(h)).collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (i, c) in row.iter().enumerate().take(n) {
            widths[i] = widths[i].max(c.text.chars().count());
        }
    }
    let bold = Style::new().bold();
    let mut out = String::new();
    let line = |cells: Vec<(String, Option<Style>)>, out: &mut String| {
        let last = cells.len().saturating_sub(1);
        for (i, (text, style)) in cells.into_iter().enumerate() {
            let pad = if i == last {
                0
            } else {
                widths[i] - text.chars().count() + 2
            };
            match style {
                Some(s) => out.push_str(&format!("{}{}{}", s.render(), text, s.render_reset())),
                None => out.push_str(&text),
            }
            out.push_str(&" ".repeat(pad));
        }
        out.push('\n');
    };
    line(
        headers
            .iter()
            .map(|h| (h.to_string(), Some(bold)))
            .collect(),
        &mut out,
    );
    for row in &rows {
        line(
            row.iter()
                .take(n)
                .map(|c| (c.text.clone(), c.style))
                .collect(),
            &mut out,
        );
    }
    out
}

/// Shortens `text` to at most `max` characters, ending with `…` when cut (terminal tables).
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// Escapes corpus text for a Markdown table cell (or any inline place in Markdown).
pub fn md_cell(text: &str) -> String {
    escape::markdown_inline(text)
}

/// Renders a Markdown (GFM) table. Cells are corpus text (escaped with
/// [`escape::markdown_inline`]) unless made with [`Cell::markup`]; headers are escaped as
/// corpus text too (a header may hold a country name).
pub fn md_table<C: Clone + Into<Cell>>(headers: &[&str], rows: &[Vec<C>]) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "| {} |\n",
        headers
            .iter()
            .map(|h| md_cell(h))
            .collect::<Vec<_>>()
            .join(" | ")
    ));
    out.push_str(&format!(
        "|{}\n",
        headers.iter().map(|_| "---|").collect::<String>()
    ));
    for r in rows {
        out.push_str(&format!(
            "| {} |\n",
            r.iter()
                .map(|c| c.clone().into().md())
                .collect::<Vec<_>>()
                .join(" | ")
        ));
    }
    out
}

/// `format!` for Markdown documents: the format string is harmonia's own Markdown, printed
/// as is; every argument is a value that may come from the corpus and is escaped with
/// [`escape::markdown_inline`](crate::output::escape::markdown_inline). Arguments must be
/// positional (`{}`); implicit captures (`{name}`) would not be escaped, so do not use them.
/// Tables and other rendered Markdown are appended, not passed as arguments.
#[macro_export]
macro_rules! md_format {
    ($fmt:literal $(, $arg:expr)* $(,)?) => {
        format!($fmt $(, $crate::output::escape::markdown_inline(&($arg).to_string()))*)
    };
}

/// Renders rows as CSV. Cells are corpus text (formula prefixes neutralised with
/// [`escape::csv_cell`]) unless made with [`Cell::markup`].
pub fn csv<C: Clone + Into<Cell>>(headers: &[&str], rows: &[Vec<C>]) -> Result<String, Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| Error::Usage(format!("cannot write CSV: {e}"));
    w.write_record(headers.iter().map(|h| escape::csv_cell(h)))
        .map_err(err)?;
    for r in rows {
        w.write_record(r.iter().map(|c| c.clone().into().csv()))
            .map_err(err)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::Usage(format!("cannot write CSV: {e}")))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Pretty JSON with a final newline.
pub fn json<T: serde::Serialize>(value: &T) -> String {
    let mut s =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// Writes `bytes` to `path` atomically: a temporary file beside it, flushed, then renamed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".harmonia-").suffix(".tmp");
    // A temporary file is private (0600). The output gets the permissions of the file it
    // replaces, or those of any new file (0666 less the umask, as `open` gives).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(err)?;
    if let Ok(meta) = std::fs::metadata(path) {
        let mut permissions = meta.permissions();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            // Access bits only: never carry setuid, setgid or sticky bits over.
            permissions.set_mode(permissions.mode() & 0o777);
        }
        std::fs::set_permissions(tmp.path(), permissions).map_err(err)?;
    }
    tmp.write_all(bytes).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

/// Writes a text file atomically ([`write_atomic`]) after removing every control character
/// but newline, tab and carriage return ([`escape::file_text`]): no report or draft keeps a
/// raw escape sequence.
pub fn write_text_atomic(path: &Path, text: &str) -> Result<(), Error> {
    write_atomic(path, escape::file_text(text).as_bytes())
}

/// Prints to stdout, dropping colours when stdout is not a terminal or `NO_COLOR` is set.
/// Control characters are removed but for our own colours ([`escape::terminal_output`]).
pub fn print(text: &str) {
    let mut out = anstream::stdout();
    let _ = out.write_all(escape::terminal_output(text).as_bytes());
    let _ = out.flush();
}

/// True when stderr shows colours (a terminal, and `NO_COLOR` unset).
pub fn stderr_color() -> bool {
    anstream::AutoStream::choice(&std::io::stderr()) != anstream::ColorChoice::Never
}

/// Prints to stderr, dropping colours when it is not a terminal or `NO_COLOR` is set.
/// Control characters are removed but for our own colours ([`escape::terminal_output`]).
pub fn eprint(text: &str) {
    let mut err = anstream::stderr();
    let _ = err.write_all(escape::terminal_output(text).as_bytes());
    let _ = err.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_columns() {
        let t = table(&["a", "bb"], &[vec!["xxx".into(), "y".into()]]);
        let plain =
            String::from_utf8(anstream::adapter::strip_bytes(t.as_bytes()).into_vec()).unwrap();
        assert_eq!(plain, "a    bb\nxxx  y\n");
    }

    #[test]
    fn markdown_cells_escape_pipes() {
        assert_eq!(
            md_table(&["h"], &[vec!["a|b"]]),
            "| h |\n|---|\n| a\\|b |\n"
        );
    }

    fn rendered(md: &str) -> String {
        let mut html = String::new();
        pulldown_cmark::html::push_html(
            &mut html,
            pulldown_cmark::Parser::new_ext(md, pulldown_cmark::Options::all()),
        );
        html
    }

    #[test]
    fn markdown_tables_escape_corpus_cells_but_not_our_markup() {
        for h in escape::HOSTILE {
            let md = md_table(
                &["h", "v"],
                &[vec![Cell::from(*h), Cell::markup("**overall**")]],
            );
            let html = rendered(&md);
            assert!(
                !html.contains("<script") && !html.contains("<img"),
                "{html}"
            );
            assert!(!html.contains("<a "), "{h:?}: {html}");
            assert_eq!(html.matches("<td>").count(), 2, "{h:?}: {html}");
            assert!(html.contains("<strong>overall</strong>"), "{html}");
            assert!(!md.contains('\u{1b}') && !md.contains('\u{9b}'), "{md:?}");
            assert!(!md.contains('\u{202E}'), "{md:?}");
        }
        // `md_format!` escapes its arguments, not its format string.
        let name = "<script>x</script> [a](javascript:b)";
        let line = crate::md_format!("# Gaps: **{}**", name);
        assert_eq!(
            line,
            "# Gaps: **&lt;script&gt;x&lt;/script&gt; \\[a\\](javascript:b)**"
        );
    }

    #[test]
    fn csv_cells_are_prefixed_unless_ours() {
        let rows: Vec<Vec<Cell>> = escape::HOSTILE
            .iter()
            .map(|h| vec![Cell::from(*h), Cell::markup("-1")])
            .collect();
        let text = csv(&["=h", "v"], &rows).unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        for (i, record) in reader.records().enumerate() {
            let record = record.unwrap();
            let first = record[0].trim_start_matches(' ').chars().next();
            assert!(
                !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                "{record:?}"
            );
            assert!(!record[0].contains(['\u{1b}', '\u{9b}']), "{record:?}");
            if i > 0 {
                assert_eq!(&record[1], "-1", "our own values stay as they are");
            }
        }
        assert!(text.starts_with("'=h,v\n"), "{text}");
    }

    #[test]
    fn terminal_tables_carry_no_corpus_controls() {
        let rows: Vec<Vec<Cell>> = escape::HOSTILE
            .iter()
            .map(|h| vec![Cell::from(*h)])
            .collect();
        let t = table(&["h"], &rows);
        let plain =
            String::from_utf8(anstream::adapter::strip_bytes(t.as_bytes()).into_vec()).unwrap();
        assert!(!plain.chars().any(escape::is_hostile_control), "{plain:?}");
        // Our bold header is the only escape sequence.
        assert_eq!(t.matches('\u{1b}').count(), 2, "{t:?}");
        assert_eq!(plain.lines().count(), escape::HOSTILE.len() + 1);
        assert!(!t.contains('\u{9b}') && !t.contains('\u{7}'));
    }

    #[test]
    fn text_files_keep_no_escape_sequences() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("report.md");
        write_text_atomic(&p, &escape::HOSTILE.join("\n")).unwrap();
        let written = std::fs::read_to_string(&p).unwrap();
        assert!(!written.contains(['\u{1b}', '\u{9b}', '\u{7}', '\u{202E}']));
        assert!(
            written.contains("<script>alert(1)</script>"),
            "the format's own escaping is the renderer's"
        );
    }

    #[test]
    fn atomic_writes_replace_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn atomic_writes_keep_or_give_normal_permissions() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("report.html");
        write_atomic(&p, b"one").unwrap();
        // A new file gets what any new file gets here (the umask applies), not 0600.
        let plain = dir.path().join("plain");
        std::fs::File::create(&plain).unwrap();
        assert_eq!(
            std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            std::fs::metadata(&plain).unwrap().permissions().mode() & 0o777
        );
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(
            std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
}
