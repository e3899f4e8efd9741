//! Markdown editions of codes (one heading per article or `§`, structural headings above
//! them, as in the Bundestag's `gesetze` repository): a line scan, fast on a 700 KB code.
//!
//! Metadata comes from the front matter (`Title`, `jurabk`, `language`, `date`) and from the
//! definition lists such editions open with (`Ausfertigungsdatum` / `:   1871-05-15`). The
//! first level-1 heading is the title when the front matter has none. A heading that numbers
//! an article opens an article; any other heading is context for the articles below it, or,
//! when text stands under it (an enacting formula), a section of its own.

use super::number::article_heading;
use super::{is_repealed_placeholder, Document, Unit};
use crate::corpus::model::parse_date;
use crate::diagnostic::Diagnostic;

struct RawHeading {
    level: u8,
    text: String,
    line: u32,
    body: Vec<String>,
}

/// Reads a Markdown edition.
pub fn read(file: &str, text: &str, language: Option<&str>) -> Result<Document, Vec<Diagnostic>> {
    let mut doc = Document::default();
    let mut lines = text.lines().enumerate().peekable();
    // Front matter.
    if text.starts_with("---") {
        lines.next();
        let mut closed = false;
        for (_, l) in lines.by_ref() {
            if l.trim_end() == "---" || l.trim_end() == "..." {
                closed = true;
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                front_matter_key(&mut doc, k.trim(), v.trim().trim_matches(['"', '\'']));
            }
        }
        if !closed {
            return Err(vec![Diagnostic::error(
                file,
                "front matter opened with `---` is never closed",
            )
            .at(1, 1)
            .hint("end the front matter with a line `---`")]);
        }
    }
    let mut preamble: Vec<String> = Vec::new();
    let mut headings: Vec<RawHeading> = Vec::new();
    let mut fence: Option<String> = None;
    for (i, line) in lines {
        let trimmed = line.trim_start();
        if let Some(f) = &fence {
            if trimmed.starts_with(f.as_str()) {
                fence = None;
            }
            push_body(&mut headings, &mut preamble, line.to_string());
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            let mark: String = trimmed
                .chars()
                .take_while(|c| *c == '`' || *c == '~')
                .collect();
            fence = Some(mark.clone());
            // A block in the source must never read as a `harmonia` block.
            let info = trimmed[mark.len()..].trim();
            let line = if info.starts_with("harmonia") {
                format!("{mark}text")
            } else {
                line.to_string()
            };
            push_body(&mut headings, &mut preamble, line);
            continue;
        }
        if let Some((level, text)) = heading(line) {
            headings.push(RawHeading {
                level,
                text,
                line: i as u32 + 1,
                body: Vec::new(),
            });
            continue;
        }
        push_body(&mut headings, &mut preamble, line.to_string());
    }
    definition_list(&mut doc, &preamble);
    // The title: the first level-1 heading before any article.
    let mut start = 0;
    if let Some(first) = headings.first() {
        if first.level == 1 && article_heading(&first.text, true).is_none() {
            if doc.title.is_none() {
                doc.title = Some(first.text.clone());
            }
            definition_list(&mut doc, &first.body);
            start = 1;
        }
    }
    let lang = language
        .map(str::to_string)
        .or_else(|| doc.language.clone())
        .or_else(|| super::guess_language(&text[..text.len().min(200_000)]).map(str::to_string));
    let section_is_article = lang.as_deref() != Some("fr");
    let mut stack: Vec<u8> = Vec::new();
    for h in headings.into_iter().skip(start) {
        let body = join_body(&h.body);
        if let Some(a) = article_heading(&h.text, section_is_article) {
            while stack.last().is_some_and(|&l| l >= h.level) {
                stack.pop();
            }
            let repealed = is_repealed_placeholder(&a.rest)
                || (!body.trim().is_empty() && is_repealed_placeholder(&body));
            doc.units.push(Unit::Article {
                id: a.id(),
                heading: h.text.clone(),
                text: body,
                repealed,
                depth: None,
                line: h.line,
            });
        } else if body.trim().is_empty() {
            while stack.last().is_some_and(|&l| l >= h.level) {
                stack.pop();
            }
            stack.push(h.level);
            doc.units.push(Unit::Heading {
                depth: stack.len() as u8,
                text: h.text,
                line: h.line,
            });
        } else {
            doc.units.push(Unit::Other {
                heading: h.text,
                text: body,
                line: h.line,
            });
        }
    }
    if doc.language.is_none() {
        doc.language = lang;
    }
    Ok(doc)
}

fn push_body(headings: &mut [RawHeading], preamble: &mut Vec<String>, line: String) {
    match headings.last_mut() {
        Some(h) => h.body.push(line),
        None => preamble.push(line),
    }
}

/// An ATX heading: its level and text, without a closing `#` run or a `{#id}` attribute.
fn heading(line: &str) -> Option<(u8, String)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let t = &line[indent..];
    let level = t.chars().take_while(|c| *c == '#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = &t[level..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let mut text = rest.trim().trim_end_matches('#').trim_end().to_string();
    if let Some(at) = text.rfind("{#") {
        if text.ends_with('}') {
            text.truncate(at);
        }
    }
    // "Allgemeiner Teil - " (a division whose title is empty) loses its dangling dash.
    let text = text.trim().trim_end_matches([' ', '-', '–']).to_string();
    (!text.is_empty()).then_some((level as u8, text))
}

fn join_body(lines: &[String]) -> String {
    let mut text = lines.join("\n");
    let trimmed = text.trim_end().len();
    text.truncate(trimmed);
    text.trim_start_matches('\n').to_string()
}

fn front_matter_key(doc: &mut Document, key: &str, value: &str) {
    if value.is_empty() {
        return;
    }
    match key.to_ascii_lowercase().as_str() {
        "title" => doc.title = Some(value.to_string()),
        "jurabk" | "abbreviation" | "short_title" | "shorttitle" => {
            doc.short_title = Some(value.to_string())
        }
        "language" | "lang" => doc.language = Some(value.to_ascii_lowercase()),
        "enacted" | "date" | "ausfertigungsdatum" => doc.enacted = parse_date(value).ok(),
        "in_force" | "inkrafttreten" => doc.in_force = parse_date(value).ok(),
        "source" | "url" => doc.sources.push(value.to_string()),
        _ => {}
    }
}

/// `Ausfertigungsdatum` / `:   1871-05-15` pairs, as the `gesetze` edition writes them.
fn definition_list(doc: &mut Document, lines: &[String]) {
    let mut term: Option<&str> = None;
    for l in lines {
        if let Some(def) = l.trim_start().strip_prefix(':') {
            if let Some(t) = term {
                let date = parse_date(def.trim()).ok();
                match t.to_lowercase().as_str() {
                    "ausfertigungsdatum" | "enacted" | "fecha de promulgación" | "assent" => {
                        doc.enacted = doc.enacted.or(date)
                    }
                    "inkrafttreten" | "in force" | "vigencia" => {
                        doc.in_force = doc.in_force.or(date)
                    }
                    "stand" | "as of" => doc.as_of = doc.as_of.or(date),
                    _ => {}
                }
            }
        } else if !l.trim().is_empty() {
            term = Some(l.trim());
        }
    }
}
