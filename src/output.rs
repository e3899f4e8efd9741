//! Shared output plumbing for every command: the output formats, aligned terminal tables
//! (coloured only on a terminal, honouring `NO_COLOR`), Markdown tables, and atomic file
//! writes (a temporary file in the same folder, renamed over the target, so a reader never
//! sees half a file).

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

/// One table cell: text and an optional style for terminals.
#[derive(Clone, Debug)]
pub struct Cell {
    /// The text.
    pub text: String,
    /// Style on a terminal.
    pub style: Option<Style>,
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell { text, style: None }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell {
            text: text.to_string(),
            style: None,
        }
    }
}

impl Cell {
    /// A styled cell.
    pub fn styled(text: impl Into<String>, style: Style) -> Cell {
        Cell {
            text: text.into(),
            style: Some(style),
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

/// Renders rows as aligned columns with a bold header. Styles are ANSI escapes; print the
/// result through [`anstream`] so they are dropped when stdout is not a terminal.
pub fn table(headers: &[&str], rows: &[Vec<Cell>]) -> String {
    let n = headers.len();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
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
    for row in rows {
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

/// Escapes text for a Markdown table cell.
pub fn md_cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// Renders a Markdown (GFM) table.
pub fn md_table(headers: &[&str], rows: &[Vec<String>]) -> String {
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
            r.iter().map(|c| md_cell(c)).collect::<Vec<_>>().join(" | ")
        ));
    }
    out
}

/// Renders rows as CSV.
pub fn csv(headers: &[&str], rows: &[Vec<String>]) -> Result<String, Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| Error::Usage(format!("cannot write CSV: {e}"));
    w.write_record(headers).map_err(err)?;
    for r in rows {
        w.write_record(r).map_err(err)?;
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

/// Prints to stdout, dropping colours when stdout is not a terminal or `NO_COLOR` is set.
pub fn print(text: &str) {
    let mut out = anstream::stdout();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// True when stderr shows colours (a terminal, and `NO_COLOR` unset).
pub fn stderr_color() -> bool {
    anstream::AutoStream::choice(&std::io::stderr()) != anstream::ColorChoice::Never
}

/// Prints to stderr, dropping colours when it is not a terminal or `NO_COLOR` is set.
pub fn eprint(text: &str) {
    let mut err = anstream::stderr();
    let _ = err.write_all(text.as_bytes());
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
            md_table(&["h"], &[vec!["a|b".into()]]),
            "| h |\n|---|\n| a\\|b |\n"
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
