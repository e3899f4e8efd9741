//! Plain text with article headings at the start of lines, in Spanish, Portuguese, English,
//! French or German, recognised by patterns: `Artículo 4.-`, `Art. 154-A.`, `Section 3`,
//! `Article 323-1`, `§ 202a` open an article; `LIBRO`, `TÍTULO`, `CAPÍTULO`, `Part`,
//! `Chapter`, `Titre`, `Chapitre`, `Abschnitt`, `Teil` open a structural heading (a bare
//! `CAPÍTULO I` takes the next short line as its title). The first line is the title when it
//! comes before any heading and is short. An article's label line keeps a short title after
//! the number; a long one is the start of the text.

use std::sync::LazyLock;

use regex::Regex;

use super::number::article_heading;
use super::{escape_text_line, guess_language, is_repealed_placeholder, Document, Unit};
use crate::diagnostic::Diagnostic;

static STRUCTURE: LazyLock<[(&str, Regex); 5]> = LazyLock::new(|| {
    let re = |s: &str| Regex::new(s).expect("valid regex");
    [
        (
            "es",
            re(r"(?i)^(libro|t[ií]tulo|cap[ií]tulo|secci[oó]n|parte)\b"),
        ),
        (
            "pt",
            re(r"(?i)^(livro|t[ií]tulo|cap[ií]tulo|se[çc][ãa]o|subse[çc][ãa]o|parte)\b"),
        ),
        (
            "en",
            re(r"(?i)^(part|chapter|division|subdivision|title|schedule)\s+[0-9ivxlc]+\b"),
        ),
        (
            "fr",
            re(r"(?i)^(livre|titre|chapitre|section|sous-section|partie)\b"),
        ),
        (
            "de",
            re(
                r"(?i)^((erst|zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt|elft|zwölft)\w*\s+)?(buch|teil|abschnitt|unterabschnitt|titel|kapitel)\b",
            ),
        ),
    ]
});

fn depth_of(word: &str) -> u8 {
    let w = word.to_lowercase();
    if [
        "libro", "livro", "livre", "buch", "part", "parte", "partie", "teil",
    ]
    .iter()
    .any(|k| w.contains(k))
    {
        1
    } else if ["título", "titulo", "title", "titre", "titel"]
        .iter()
        .any(|k| w.contains(k))
    {
        2
    } else if [
        "capítulo",
        "capitulo",
        "chapter",
        "chapitre",
        "kapitel",
        "abschnitt",
        "division",
        "schedule",
    ]
    .iter()
    .any(|k| w.contains(k) && !w.contains("unter") && !w.contains("sub"))
    {
        3
    } else {
        4
    }
}

/// Reads plain text.
pub fn read(file: &str, text: &str, language: Option<&str>) -> Result<Document, Vec<Diagnostic>> {
    if text.contains('\0') {
        let line = text[..text.find('\0').unwrap_or(0)].lines().count().max(1);
        return Err(vec![Diagnostic::error(
            file,
            "the text holds NUL bytes: not plain text",
        )
        .at(line as u32, 1)
        .hint(
            "export the statute as UTF-8 text, or pass --from akn or --from markdown",
        )]);
    }
    let lang = language
        .map(str::to_string)
        .or_else(|| guess_language(&text[..floor(text, 200_000)]).map(str::to_string));
    let structure = STRUCTURE
        .iter()
        .find(|(l, _)| Some(*l) == lang.as_deref())
        .map(|(_, r)| r);
    let section_is_article = lang.as_deref() != Some("fr");
    let mut doc = Document {
        language: lang.clone(),
        ..Document::default()
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut current: Option<Open> = None;
    let mut seen_heading = false;
    let mut i = 0;
    let flush = |doc: &mut Document, current: &mut Option<Open>| {
        if let Some(open) = current.take() {
            let text = paragraphs(&open.body);
            let repealed = open.repealed || is_repealed_placeholder(&text);
            doc.units.push(Unit::Article {
                id: open.id,
                heading: open.heading,
                text,
                repealed,
                depth: None,
                line: open.line,
            });
        }
    };
    while i < lines.len() {
        let raw = lines[i];
        let line = raw.trim();
        let n = i as u32 + 1;
        i += 1;
        if line.is_empty() {
            if let Some(c) = current.as_mut() {
                c.body.push(String::new());
            }
            continue;
        }
        if let Some(a) = article_heading(line, section_is_article) {
            flush(&mut doc, &mut current);
            seen_heading = true;
            let (heading, first) = if a.rest.chars().count() <= 120 {
                (line.trim_end_matches(['.', ':']).to_string(), None)
            } else {
                (a.label.clone(), Some(a.rest.clone()))
            };
            current = Some(Open {
                id: a.id(),
                heading,
                line: n,
                repealed: is_repealed_placeholder(&a.rest),
                body: first.into_iter().collect(),
            });
            continue;
        }
        if let Some(re) = structure {
            if line.chars().count() <= 160 && re.is_match(line) && !line.ends_with([',', ';']) {
                flush(&mut doc, &mut current);
                seen_heading = true;
                let word = re.find(line).map_or("", |m| m.as_str());
                let mut heading = line.to_string();
                // "CAPÍTULO I" alone: the next short line is its title.
                let bare = line.split_whitespace().count() <= 2;
                if bare {
                    if let Some(next) = lines.get(i).map(|l| l.trim()) {
                        if !next.is_empty()
                            && next.chars().count() <= 120
                            && article_heading(next, section_is_article).is_none()
                            && !re.is_match(next)
                        {
                            heading = format!("{heading} - {next}");
                            i += 1;
                        }
                    }
                }
                doc.units.push(Unit::Heading {
                    depth: depth_of(word),
                    text: heading,
                    line: n,
                });
                continue;
            }
        }
        match current.as_mut() {
            Some(c) => c.body.push(line.to_string()),
            None => {
                if !seen_heading && doc.title.is_none() && line.chars().count() <= 200 {
                    doc.title = Some(line.to_string());
                }
            }
        }
    }
    flush(&mut doc, &mut current);
    Ok(doc)
}

/// The article being read.
struct Open {
    id: String,
    heading: String,
    line: u32,
    repealed: bool,
    body: Vec<String>,
}

fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Lines joined into paragraphs (a blank line between), each line escaped for Markdown.
fn paragraphs(lines: &[String]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut para: Vec<String> = Vec::new();
    for l in lines {
        if l.is_empty() {
            if !para.is_empty() {
                out.push(para.join("\n"));
                para.clear();
            }
        } else {
            para.push(escape_text_line(l));
        }
    }
    if !para.is_empty() {
        out.push(para.join("\n"));
    }
    out.join("\n\n")
}
