//! Rendering: drafts and reports through minijinja templates.
//!
//! The templates live in `templates/` and are compiled into the binary
//! ([`crate::corpus::source::built_in_templates`]); `--templates DIR` overrides any of them
//! by name. The environment ([`Templates::environment`]) enforces the rules that keep a
//! report safe whatever the corpus or the templates hold:
//!
//! - escaping follows the *output*, not the template's file name: every value printed into
//!   an HTML output is HTML-escaped, into a Markdown output Markdown-escaped
//!   ([`markdown::escape_inline`]); corpus Markdown goes through the `markdown` (HTML) or
//!   `md` / `md_quote` (Markdown) filters, which drop raw HTML, unsafe links and images;
//! - corpus strings are passed as values, never rendered as templates (`{{ 7*7 }}` in a
//!   statute prints as written);
//! - templates run on a fuel budget ([`FUEL`]): a runaway template stops with an error;
//! - templates can load other templates only by plain relative names (no `..`, no absolute
//!   paths, nothing hidden) from the built-in set or from DIR, and a file in DIR that
//!   resolves outside DIR (a symlink) is refused. No template can read any other file.

pub mod draft;
pub mod i18n;
pub mod markdown;
pub mod matrix;
pub mod numbering;
pub mod report;
pub mod svg;

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, ErrorKind, UndefinedBehavior};
use serde::Serialize;

use crate::corpus::source::built_in_templates;
use crate::error::{Error, Result};

/// Instructions a template may execute in one render. The built-in HTML report of the
/// shipped corpus' largest region (13 countries) needs between 100,000 and 500,000; this
/// leaves room for corpora some forty times larger while stopping a runaway loop in about a
/// second.
pub const FUEL: u64 = 20_000_000;

/// Largest template file read from `--templates DIR`.
pub const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// How printed values are escaped: chosen by the output, whatever the template's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Escape {
    /// HTML output: every value HTML-escaped.
    Html,
    /// Markdown output: every value Markdown-escaped.
    Markdown,
    /// Plain text: printed as is.
    Text,
}

/// The template set: the built-in templates, possibly overridden from a folder.
#[derive(Clone, Debug)]
pub struct Templates {
    dir: Option<PathBuf>,
    fuel: u64,
}

impl Templates {
    /// The built-in templates, overridden by those in `dir` when given (it must be a folder).
    pub fn new(dir: Option<PathBuf>) -> Result<Templates> {
        if let Some(d) = &dir {
            let meta = fs::metadata(d).map_err(|source| Error::Io {
                path: d.clone(),
                source,
            })?;
            if !meta.is_dir() {
                return Err(Error::Usage(format!(
                    "{} is not a folder (--templates takes a folder of templates)",
                    d.display()
                )));
            }
        }
        Ok(Templates { dir, fuel: FUEL })
    }

    /// The same templates with another fuel budget (tests use a small one).
    pub fn with_fuel(mut self, fuel: u64) -> Templates {
        self.fuel = fuel;
        self
    }

    /// Where the templates come from, for provenance notes.
    pub fn origin(&self) -> String {
        match &self.dir {
            None => "built-in templates".to_string(),
            Some(d) => format!("templates from {} over the built-in ones", d.display()),
        }
    }

    /// A configured environment for one kind of output.
    pub fn environment(&self, escape: Escape) -> Environment<'static> {
        let mut env = Environment::new();
        let dir = self.dir.clone();
        env.set_loader(move |name| load(dir.as_deref(), name));
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_fuel(Some(self.fuel));
        if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
        {
            env.set_syntax(syntax);
        }
        let mode = match escape {
            Escape::Html => AutoEscape::Html,
            Escape::Markdown => AutoEscape::Custom("markdown".into()),
            Escape::Text => AutoEscape::None,
        };
        env.set_auto_escape_callback(move |_| mode.clone());
        env.set_formatter(|out, state, value| {
            if value.is_none() || value.is_undefined() {
                return Ok(());
            }
            if matches!(state.auto_escape(), AutoEscape::Custom(m) if m == "markdown") {
                if !value.is_safe() {
                    let text = match value.as_str() {
                        Some(s) => markdown::escape_inline(s),
                        None => markdown::escape_inline(&value.to_string()),
                    };
                    return out.write_str(&text).map_err(minijinja::Error::from);
                }
                return out
                    .write_str(&value.to_string())
                    .map_err(minijinja::Error::from);
            }
            if matches!(state.auto_escape(), AutoEscape::Html) && !value.is_safe() {
                // HTML escaping, `=` included (see markdown::escape_html_text).
                let text = match value.as_str() {
                    Some(s) => markdown::escape_html_text(s),
                    None => markdown::escape_html_text(&value.to_string()),
                };
                return out.write_str(&text).map_err(minijinja::Error::from);
            }
            minijinja::escape_formatter(out, state, value)
        });
        match escape {
            Escape::Html => {
                env.add_filter("markdown", |s: &str| {
                    Value::from_safe_string(markdown::to_html(s))
                });
            }
            Escape::Markdown => {
                env.add_filter("md", |s: &str| {
                    Value::from_safe_string(markdown::sanitize_markdown(s))
                });
                env.add_filter("md_quote", |s: &str| {
                    Value::from_safe_string(markdown::quote_markdown(s))
                });
                env.add_filter("md_url", |s: &str| {
                    Value::from_safe_string(markdown::autolink_url(s))
                });
            }
            Escape::Text => {}
        }
        env.add_filter("http_url", |s: &str| {
            markdown::http_url(s).map(|u| Value::from(u.to_string()))
        });
        // A score that may rest on nothing: `n/a` for none.
        env.add_filter("pct", |x: Option<f64>| match x {
            Some(x) => format!("{}%", (x * 100.0).round() as i64),
            None => "n/a".to_string(),
        });
        env.add_filter("months", |x: f64| i18n::Ui::for_lang("en").0.duration(x));
        env
    }

    /// Renders template `name` with `context`.
    pub fn render<S: Serialize>(&self, name: &str, escape: Escape, context: &S) -> Result<String> {
        let env = self.environment(escape);
        let error = |e: minijinja::Error| template_error(name, &e, self.fuel);
        let template = env.get_template(name).map_err(error)?;
        let text = template
            .render(Value::from(minijinja::value::Serde(context)))
            .map_err(error)?;
        Ok(match escape {
            Escape::Html => text,
            Escape::Markdown | Escape::Text => tidy_blank_lines(&text),
        })
    }
}

/// Collapses runs of blank lines into one and ends the text with one newline: templates
/// built of optional blocks leave stray blank lines, which mean nothing in Markdown or text.
fn tidy_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blanks = 0;
    for line in text.lines() {
        if line.trim().is_empty() {
            blanks += 1;
            if blanks > 1 {
                continue;
            }
            out.push('\n');
        } else {
            blanks = 0;
            out.push_str(line);
            out.push('\n');
        }
    }
    let trimmed = out.trim_end_matches('\n').len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

fn template_error(name: &str, e: &minijinja::Error, fuel: u64) -> Error {
    let mut msg = format!("{name}: {e}");
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(&format!(": {s}"));
        source = s.source();
    }
    if e.kind() == ErrorKind::OutOfFuel {
        msg.push_str(&format!(
            " (a template may execute at most {fuel} instructions; a loop that never ends, or one far too long, stops here)"
        ));
    }
    Error::Template(msg)
}

/// Checks a template name: `/`-separated plain parts of letters, digits, `-`, `_` and `.`,
/// none empty, hidden or `..`; not absolute.
pub fn check_name(name: &str) -> std::result::Result<(), String> {
    let bad = |why: &str| Err(format!("template name `{name}` refused: {why}"));
    if name.is_empty() || name.len() > 200 {
        return bad("empty or too long");
    }
    if name.starts_with('/') {
        return bad("absolute paths are not allowed");
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
    {
        return bad("only letters, digits, `-`, `_`, `.` and `/` are allowed");
    }
    for part in name.split('/') {
        if part == ".." {
            return bad("`..` is not allowed");
        }
        if part.is_empty() || part.starts_with('.') {
            return bad("empty or hidden path parts are not allowed");
        }
    }
    Ok(())
}

/// The loader: `dir/name` when it exists (and stays inside `dir`), else the built-in
/// template of that name.
fn load(dir: Option<&Path>, name: &str) -> std::result::Result<Option<String>, minijinja::Error> {
    let refuse = |msg: String| minijinja::Error::new(ErrorKind::InvalidOperation, msg);
    check_name(name).map_err(refuse)?;
    if let Some(dir) = dir {
        let path = dir.join(name);
        if fs::symlink_metadata(&path).is_ok() {
            let io = |e: std::io::Error| refuse(format!("cannot read {}: {e}", path.display()));
            let root = dir.canonicalize().map_err(io)?;
            let real = path.canonicalize().map_err(io)?;
            if !real.starts_with(&root) {
                return Err(refuse(format!(
                    "template `{name}` refused: {} leads outside {}",
                    path.display(),
                    dir.display()
                )));
            }
            if !real.is_file() {
                return Err(refuse(format!(
                    "template `{name}` refused: {} is not a file",
                    path.display()
                )));
            }
            let mut bytes = Vec::new();
            fs::File::open(&real)
                .map_err(io)?
                .take(MAX_TEMPLATE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(io)?;
            if bytes.len() as u64 > MAX_TEMPLATE_BYTES {
                return Err(refuse(format!(
                    "template `{name}` refused: larger than {MAX_TEMPLATE_BYTES} bytes"
                )));
            }
            return String::from_utf8(bytes)
                .map(Some)
                .map_err(|_| refuse(format!("template `{name}` is not UTF-8")));
        }
    }
    Ok(built_in_templates()
        .find(|(n, _)| *n == name)
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_names_are_plain_relative_paths() {
        for ok in ["report.html.j2", "partials/heatmap.svg.j2", "a_b-c.j2"] {
            assert!(check_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "../x",
            "a/../../x",
            "/etc/passwd",
            "a//b",
            ".hidden",
            "a\\b",
            "C:x",
            "",
            "x/..",
        ] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn html_output_escapes_whatever_the_template_name() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("page.txt"), "{{ x }}|{{ x | markdown }}").unwrap();
        let t = Templates::new(Some(dir.path().to_path_buf())).unwrap();
        let out = t
            .render(
                "page.txt",
                Escape::Html,
                &serde_json::json!({"x": "<script>alert(1)</script> {{ 7*7 }}"}),
            )
            .unwrap();
        assert!(!out.contains("<script"), "{out}");
        assert!(out.contains("{{ 7*7 }}"), "{out}");
    }

    #[test]
    fn markdown_output_escapes_values() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("page.md"), "{{ x }}").unwrap();
        let t = Templates::new(Some(dir.path().to_path_buf())).unwrap();
        let out = t
            .render(
                "page.md",
                Escape::Markdown,
                &serde_json::json!({"x": "[x](javascript:alert(1)) <b>"}),
            )
            .unwrap();
        assert_eq!(out, "\\[x\\](javascript:alert(1)) &lt;b&gt;\n");
    }

    #[test]
    fn runaway_templates_run_out_of_fuel() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(
            dir.path().join("loop.j2"),
            "{% for i in range(10000) %}{% for j in range(10000) %}{{ i }}{% endfor %}{% endfor %}",
        )
        .unwrap();
        let t = Templates::new(Some(dir.path().to_path_buf()))
            .unwrap()
            .with_fuel(100_000);
        let err = t.render("loop.j2", Escape::Text, &()).unwrap_err();
        assert!(err.to_string().contains("fuel"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_out_of_the_folder_are_refused() {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.txt"), "secret").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.txt"), dir.path().join("s.j2"))
            .unwrap();
        fs::write(dir.path().join("inc.j2"), "{% include \"../secret.txt\" %}").unwrap();
        let t = Templates::new(Some(dir.path().to_path_buf())).unwrap();
        let err = t.render("s.j2", Escape::Text, &()).unwrap_err();
        assert!(err.to_string().contains("outside"), "{err}");
        let err = t.render("inc.j2", Escape::Text, &()).unwrap_err();
        assert!(err.to_string().contains("refused"), "{err}");
    }
}
