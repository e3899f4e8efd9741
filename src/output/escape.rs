//! One escaping rule per output channel. Every writer in [`crate::output`] (and the report
//! renderer) applies the rule of its channel to every corpus value it prints, so no command
//! has to remember to escape:
//!
//! - **terminal** ([`terminal`]): C0 controls except newline and tab, DEL, every C1 control
//!   (U+0080-U+009F, so the 8-bit CSI U+009B too) and the bidirectional embedding, override
//!   and isolate controls are removed, so corpus text can neither send an escape sequence
//!   (colours, cursor moves, OSC titles or hyperlinks) nor reorder what is shown around it
//!   (CVE-2021-42574, "Trojan Source");
//! - **Markdown** ([`markdown_inline`]): the terminal rule, then HTML (`<`, `>`, `&`) and
//!   Markdown syntax (links, emphasis, code, images, table cells) escaped and line breaks
//!   turned into spaces, so a value cannot open a tag, a link or a cell;
//! - **CSV** ([`csv_cell`]): the terminal rule, then a cell starting with `=`, `+`, `-`, `@`,
//!   tab or carriage return (after any spaces) is prefixed with `'`, as OWASP advises against
//!   formula injection; the CSV writer quotes the rest;
//! - **files** ([`file_text`]): what a file of a format holds is that format's rule; on top,
//!   no file we write keeps a raw control character other than newline, tab and carriage
//!   return (a report opened with `cat` or `less -R` cannot drive the terminal).
//!
//! What harmonia writes itself (our Markdown such as `**overall**`, numbers, the `-` of an
//! empty value) is marked as markup by the writers' callers ([`super::Cell::markup`]) and
//! printed as is; everything else is treated as corpus text.

use std::borrow::Cow;

/// True for the characters no output channel passes on from corpus text: C0 controls but
/// newline and tab, DEL, C1 controls, and the bidirectional embedding, override and isolate
/// controls (U+202A-U+202E, U+2066-U+2069). Marks (U+200E, U+200F, U+061C) are kept: they
/// only nudge neutral characters and right-to-left statutes use them.
pub fn is_hostile_control(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        c if c.is_control() => true, // C0, DEL and C1 (U+0080-U+009F)
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// Text for a terminal: hostile controls (see [`is_hostile_control`]) removed; newline and
/// tab kept. Borrows when there is nothing to remove.
pub fn terminal(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_hostile_control) {
        Cow::Owned(text.chars().filter(|&c| !is_hostile_control(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Text for one terminal table cell: [`terminal`], and line breaks and tabs become spaces so
/// a value cannot break the table's alignment.
pub fn terminal_cell(text: &str) -> String {
    terminal(text).replace(['\n', '\t', '\r'], " ")
}

/// Text printed by harmonia to a terminal, which may hold the colours of our own tables:
/// every hostile control is removed except a well-formed SGR (colour) sequence
/// `ESC [ digits ; ... m`, the only sequence we emit. Corpus values in tables have already
/// lost every ESC ([`terminal_cell`]); in free text an SGR can at most change a colour, never
/// move the cursor, set a title or open a hyperlink.
pub fn terminal_output(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hostile_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\u{1b}' {
            if let Some(len) = sgr_len(rest) {
                out.push_str(&rest[..len]);
                rest = &rest[len..];
                continue;
            }
        }
        if !is_hostile_control(c) {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

/// Length of the SGR sequence `ESC [ [0-9;]* m` at the start of `text`, if there is one.
fn sgr_len(text: &str) -> Option<usize> {
    let body = text.strip_prefix("\u{1b}[")?;
    let params = body
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    (params <= 32 && body.as_bytes().get(params) == Some(&b'm')).then_some(2 + params + 1)
}

/// A corpus value for inline use in Markdown (a table cell, a heading, a sentence): hostile
/// controls removed, then `<`, `>` and `&` as HTML entities and every character that could
/// open a link, an image, emphasis, strikethrough, code or a table cell backslash-escaped;
/// line breaks become spaces. Meant for inline places (a cell, a heading after its `#`s, a
/// sentence), never for the start of a line.
pub fn markdown_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if is_hostile_control(c) => {}
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Our own Markdown for a table cell: only what would break the table (pipes, line breaks)
/// is escaped.
pub fn markdown_markup_cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// A corpus value for a CSV cell: hostile controls removed (line breaks and tabs stay, the
/// CSV writer quotes them), and a cell whose first character other than a space is `=`,
/// `+`, `-`, `@`, tab or carriage return prefixed with `'` (OWASP, CSV injection), so no
/// spreadsheet reads it as a formula.
pub fn csv_cell(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|&c| c == '\r' || !is_hostile_control(c))
        .collect();
    let first = clean.trim_start_matches(' ').chars().next();
    if matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')) {
        format!("'{clean}")
    } else {
        clean
    }
}

/// A whole text file as written to disk (reports, drafts): control characters other than
/// newline, tab and carriage return are removed (C1 and bidirectional controls included),
/// whatever the format; the format's own escaping happened when it was rendered.
pub fn file_text(text: &str) -> Cow<'_, str> {
    let bad = |c: char| c != '\r' && is_hostile_control(c);
    if text.chars().any(bad) {
        Cow::Owned(text.chars().filter(|&c| !bad(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Hostile strings every writer is tested against: HTML, links (inline, reference,
/// autolink, `javascript:`), formula prefixes, escape sequences (ESC, OSC, CSI, 8-bit CSI),
/// bidirectional controls.
pub const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "[x]: javascript:alert(1)",
    "[click][x]",
    "![i](https://example.org/i.png)",
    "=HYPERLINK(\"http://evil\",\"x\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "\u{1b}[31mred\u{1b}[0m",
    "\u{1b}]0;owned title\u{7}",
    "\u{1b}]8;;https://evil\u{1b}\\link\u{1b}]8;;\u{1b}\\",
    "\u{1b}[2J\u{1b}[H",
    "\u{9b}31mcsi8",
    "abc\u{202E}fdp.exe",
    "\u{2066}isolate\u{2069}",
    "a|b\nc",
    "**bold** _em_ `code` # h",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn no_controls(s: &str) -> bool {
        !s.chars().any(is_hostile_control)
    }

    #[test]
    fn terminal_text_has_no_controls() {
        for h in HOSTILE {
            let t = terminal(h);
            assert!(no_controls(&t), "{h:?} -> {t:?}");
            assert!(!t.contains('\u{1b}') && !t.contains('\u{9b}'), "{t:?}");
            let cell = terminal_cell(h);
            assert!(!cell.contains(['\n', '\t', '\r']), "{cell:?}");
        }
        assert_eq!(terminal("a\tb\nc\u{1b}[31m\u{9b}2J"), "a\tb\nc[31m2J");
        assert_eq!(terminal("مرحبا\u{200F} ok"), "مرحبا\u{200F} ok");
    }

    #[test]
    fn terminal_output_keeps_only_our_colours() {
        let ours = "\u{1b}[1mbold\u{1b}[0m \u{1b}[32;1mok\u{1b}[0m\n";
        assert_eq!(terminal_output(ours), ours);
        for h in HOSTILE {
            let t = terminal_output(h);
            assert!(!t.contains('\u{9b}') && !t.contains('\u{7}'), "{t:?}");
            assert!(!t.contains("\u{1b}]") && !t.contains("\u{1b}[2J"), "{t:?}");
            assert!(!t.contains('\u{202E}') && !t.contains('\u{2066}'), "{t:?}");
        }
    }

    #[test]
    fn markdown_values_render_as_their_text() {
        for h in HOSTILE {
            let md = markdown_inline(h);
            assert!(no_controls(&md), "{md:?}");
            assert!(!md.contains('\n'), "{md:?}");
            // Rendered by a renderer that lets everything through, nothing is live.
            let doc = format!("| h |\n|---|\n| {md} |\n\n{md}\n\n[x]: https://ok.example\n");
            let mut html = String::new();
            pulldown_cmark::html::push_html(
                &mut html,
                pulldown_cmark::Parser::new_ext(&doc, pulldown_cmark::Options::all()),
            );
            assert!(
                !html.contains("<script") && !html.contains("<img"),
                "{html}"
            );
            assert!(!html.contains("<a "), "{h:?}: {html}");
            assert!(
                !html.contains("<strong>") && !html.contains("<code>"),
                "{html}"
            );
            assert!(!html.contains("<h1>"), "{html}");
            assert_eq!(html.matches("<td>").count(), 1, "{h:?}: one cell: {html}");
        }
    }

    #[test]
    fn csv_cells_never_start_a_formula() {
        for h in HOSTILE {
            let c = csv_cell(h);
            let first = c.trim_start_matches(' ').chars().next();
            assert!(
                !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                "{h:?} -> {c:?}"
            );
            assert!(!c.contains('\u{1b}') && !c.contains('\u{9b}'), "{c:?}");
        }
        assert_eq!(csv_cell("=1+1"), "'=1+1");
        assert_eq!(csv_cell("Ley 1"), "Ley 1");
        assert_eq!(csv_cell("a-b"), "a-b");
    }

    #[test]
    fn files_keep_no_escape_sequences() {
        for h in HOSTILE {
            let f = file_text(h);
            assert!(!f.contains('\u{1b}') && !f.contains('\u{9b}') && !f.contains('\u{7}'));
        }
        assert_eq!(file_text("a\r\nb\tc"), "a\r\nb\tc");
    }
}
