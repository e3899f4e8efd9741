//! Akoma Ntoso 3.0 XML (the OASIS LegalDocML standard used by Laws.Africa, the UK National
//! Archives, the EU and national gazettes), read with roxmltree (no DTDs, no entities from
//! outside, a node limit).
//!
//! What is read: the FRBR work (its URI as a source, its date as the enactment date, its
//! name or alias as the title unless the preface has a `docTitle` or `shortTitle`), the FRBR
//! expression (its date as the date of the text, its language), lifecycle events named or
//! typed as a commencement (entry into force); in the body, hierarchical containers (`part`,
//! `chapter`, `title`, ...) become context headings, `article`, `section` and `rule` (and a
//! numbered `paragraph` or `hcontainer` standing where an article would) become articles,
//! with their `num`, `heading`, text, and `status="repealed"`. Ids come from `num` as for
//! other sources, else from the `eId`. An element the reader does not know where an article
//! or a container is expected is an error naming it and its line, so nothing is dropped
//! silently.

use roxmltree::{Document as Xml, Node, ParsingOptions};

use super::number::article_heading;
use super::{escape_text_line, is_repealed_placeholder, Document, Unit};
use crate::corpus::model::parse_date;
use crate::diagnostic::Diagnostic;
use crate::id::ascii_slug;

/// Containers that group articles.
const CONTAINERS: [&str; 14] = [
    "book",
    "tome",
    "part",
    "subpart",
    "title",
    "subtitle",
    "chapter",
    "subchapter",
    "division",
    "subdivision",
    "section_group",
    "transitional",
    "level",
    "hcontainer",
];

/// Units read as articles.
const ARTICLES: [&str; 3] = ["article", "section", "rule"];

/// Elements that may stand among articles and carry nothing to import on their own.
const SKIPPED: [&str; 12] = [
    "num",
    "heading",
    "subheading",
    "intro",
    "wrapUp",
    "content",
    "eol",
    "eop",
    "componentRef",
    "p",
    "blockContainer",
    "toc",
];

/// Elements whose text is left out of an article (editorial notes).
const NOTES: [&str; 4] = ["authorialNote", "noteRef", "remark", "del"];

/// Elements that start a new line in an article's text.
const BLOCKS: [&str; 27] = [
    "p",
    "subsection",
    "paragraph",
    "subparagraph",
    "clause",
    "subclause",
    "point",
    "item",
    "list",
    "blockList",
    "intro",
    "wrapUp",
    "content",
    "alinea",
    "indent",
    "heading",
    "subheading",
    "crossHeading",
    "listIntroduction",
    "listWrapUp",
    "level",
    "hcontainer",
    "blockContainer",
    "tr",
    "table",
    "quotedStructure",
    "embeddedStructure",
];

/// Reads an Akoma Ntoso document.
pub fn read(file: &str, text: &str) -> Result<Document, Vec<Diagnostic>> {
    let opts = ParsingOptions {
        allow_dtd: false,
        nodes_limit: 20_000_000,
    };
    let xml = Xml::parse_with_options(text, opts).map_err(|e| {
        let pos = e.pos();
        vec![Diagnostic::error(file, format!("not well-formed XML: {e}"))
            .at(pos.row, pos.col)
            .hint(
                "an Akoma Ntoso file is XML; pass --from markdown or --from text for other sources",
            )]
    })?;
    // Line starts, so that locating a node is a binary search, not a scan from the top
    // (roxmltree's `text_pos_at` scans: quadratic over a large act).
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let at = |n: Node| {
        let offset = n.range().start;
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let column = text[starts[line - 1]..offset].chars().count() + 1;
        (line as u32, column as u32)
    };
    let root = xml.root_element();
    if root.tag_name().name() != "akomaNtoso" {
        let (l, c) = at(root);
        return Err(vec![Diagnostic::error(
            file,
            format!(
                "not an Akoma Ntoso document: the root element is <{}>, not <akomaNtoso>",
                root.tag_name().name()
            ),
        )
        .at(l, c)
        .hint("Akoma Ntoso 3.0 files open with <akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">")]);
    }
    let Some(work) = root.children().find(|n| n.is_element()) else {
        let (l, c) = at(root);
        return Err(vec![Diagnostic::error(
            file,
            "<akomaNtoso> holds no document",
        )
        .at(l, c)
        .hint("expected <act> or <bill> inside <akomaNtoso>")]);
    };
    let kind = work.tag_name().name();
    if kind != "act" && kind != "bill" {
        let (l, c) = at(work);
        return Err(vec![Diagnostic::error(
            file,
            format!("unsupported Akoma Ntoso document type <{kind}>"),
        )
        .at(l, c)
        .hint("harmonia imports <act> and <bill> documents")]);
    }
    let mut doc = Document {
        bill: kind == "bill",
        ..Document::default()
    };
    if let Some(meta) = child(work, "meta") {
        read_meta(&mut doc, meta);
    }
    if let Some(preface) = child(work, "preface") {
        let title = preface
            .descendants()
            .find(|n| is(*n, "shortTitle"))
            .or_else(|| preface.descendants().find(|n| is(*n, "docTitle")))
            .map(text_of);
        if let Some(t) = title.filter(|t| !t.is_empty()) {
            doc.title = Some(t);
        }
    }
    let Some(body) = child(work, "body") else {
        let (l, c) = at(work);
        return Err(vec![Diagnostic::error(
            file,
            format!("<{kind}> has no <body>"),
        )
        .at(l, c)
        .hint("the articles of an Akoma Ntoso act stand in its <body>")]);
    };
    let mut errors = Vec::new();
    walk(body, 1, &mut doc, &mut errors, file, &at);
    if errors.is_empty() {
        Ok(doc)
    } else {
        Err(errors)
    }
}

fn is(n: Node, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name
}

fn child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is(*c, name))
}

fn read_meta(doc: &mut Document, meta: Node) {
    let Some(ident) = child(meta, "identification") else {
        return;
    };
    if let Some(work) = child(ident, "FRBRWork") {
        if let Some(uri) = child(work, "FRBRthis").and_then(|n| n.attribute("value")) {
            doc.sources.push(uri.to_string());
        }
        for d in work.children().filter(|n| is(*n, "FRBRdate")) {
            let date = d.attribute("date").and_then(|x| parse_date(x).ok());
            if in_force_name(d.attribute("name")) {
                doc.in_force = doc.in_force.or(date);
            } else {
                doc.enacted = doc.enacted.or(date);
            }
        }
        let name = work
            .children()
            .filter(|n| is(*n, "FRBRname") || is(*n, "FRBRalias"))
            .filter_map(|n| n.attribute("value"))
            .next();
        if let Some(name) = name {
            doc.title = Some(name.to_string());
        }
        if let Some(alias) = work
            .children()
            .filter(|n| is(*n, "FRBRalias"))
            .find(|n| {
                n.attribute("name")
                    .is_some_and(|a| a.to_lowercase().contains("short"))
            })
            .and_then(|n| n.attribute("value"))
        {
            doc.short_title = Some(alias.to_string());
        }
    }
    if let Some(expr) = child(ident, "FRBRExpression") {
        for d in expr.children().filter(|n| is(*n, "FRBRdate")) {
            let date = d.attribute("date").and_then(|x| parse_date(x).ok());
            if in_force_name(d.attribute("name")) {
                doc.in_force = doc.in_force.or(date);
            } else {
                doc.as_of = doc.as_of.or(date);
            }
        }
        doc.language = child(expr, "FRBRlanguage")
            .and_then(|n| n.attribute("language"))
            .and_then(iso639_1);
    }
    if let Some(life) = child(meta, "lifecycle") {
        for e in life.children().filter(|n| is(*n, "eventRef")) {
            let what = format!(
                "{} {} {}",
                e.attribute("type").unwrap_or(""),
                e.attribute("name").unwrap_or(""),
                e.attribute("eId").unwrap_or("")
            )
            .to_lowercase();
            let date = e.attribute("date").and_then(|d| parse_date(d).ok());
            if what.contains("commenc") || what.contains("inforce") || what.contains("in-force") {
                doc.in_force = doc.in_force.or(date);
            }
        }
    }
}

/// An FRBR date named as the entry into force (`#effective_date`, `commencement`, ...).
fn in_force_name(name: Option<&str>) -> bool {
    name.is_some_and(|n| {
        let n = n.to_lowercase();
        [
            "effective",
            "commenc",
            "inforce",
            "in-force",
            "in_force",
            "entry",
        ]
        .iter()
        .any(|k| n.contains(k))
    })
}

/// ISO 639-2 (as FRBR writes languages) to ISO 639-1 for the five languages harmonia
/// analyses and a few more; other two-letter codes pass through.
fn iso639_1(code: &str) -> Option<String> {
    let c = code.trim().to_ascii_lowercase();
    let two = match c.as_str() {
        "eng" => "en",
        "spa" => "es",
        "por" => "pt",
        "fra" | "fre" => "fr",
        "deu" | "ger" => "de",
        "ita" => "it",
        "nld" | "dut" => "nl",
        "afr" => "af",
        "swa" => "sw",
        "zul" => "zu",
        other if other.len() == 2 && other.chars().all(|c| c.is_ascii_lowercase()) => other,
        _ => return None,
    };
    Some(two.to_string())
}

fn walk(
    node: Node,
    depth: u8,
    doc: &mut Document,
    errors: &mut Vec<Diagnostic>,
    file: &str,
    at: &dyn Fn(Node) -> (u32, u32),
) {
    for n in node.children().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        let (line, column) = at(n);
        let numbered = child(n, "num").is_some();
        if ARTICLES.contains(&name)
            || ((name == "paragraph" || name == "hcontainer" || name == "level")
                && numbered
                && !has_articles(n))
        {
            doc.units.push(article(n, depth, line));
        } else if CONTAINERS.contains(&name) || name == "paragraph" {
            let heading = label(n);
            doc.units.push(Unit::Heading {
                depth,
                text: if heading.is_empty() {
                    name.to_string()
                } else {
                    heading
                },
                line,
            });
            walk(n, depth.saturating_add(1), doc, errors, file, at);
        } else if name == "crossHeading" {
            let t = text_of(n);
            if !t.is_empty() {
                doc.units.push(Unit::Heading {
                    depth,
                    text: t,
                    line,
                });
            }
        } else if !SKIPPED.contains(&name) {
            errors.push(
                Diagnostic::error(
                    file,
                    format!(
                        "unknown Akoma Ntoso element <{name}> in <{}>",
                        node.tag_name().name()
                    ),
                )
                .at(line, column)
                .id(n.attribute("eId").unwrap_or(name).to_string())
                .hint("expected an article, section, rule, numbered paragraph, or a container (part, chapter, title, ...)"),
            );
        }
    }
}

/// True when articles stand below `n` through containers only (a `section` inside a `list`,
/// as some gazettes number the points of a paragraph, is part of that paragraph's text).
fn has_articles(n: Node) -> bool {
    n.children().filter(|c| c.is_element()).any(|c| {
        let name = c.tag_name().name();
        ARTICLES.contains(&name)
            || (CONTAINERS.contains(&name) || name == "paragraph") && has_articles(c)
    })
}

/// `Part 2 - Offences`: the container's num and heading.
fn label(n: Node) -> String {
    let num = child(n, "num").map(text_of).unwrap_or_default();
    let heading = child(n, "heading").map(text_of).unwrap_or_default();
    match (num.is_empty(), heading.is_empty()) {
        (false, false) => format!("{num} - {heading}"),
        (false, true) => num,
        (true, false) => heading,
        (true, true) => String::new(),
    }
}

fn article(n: Node, depth: u8, line: u32) -> Unit {
    let name = n.tag_name().name();
    let num = child(n, "num").map(text_of).unwrap_or_default();
    let heading = child(n, "heading").map(text_of).unwrap_or_default();
    let prefix = match name {
        "section" => "s",
        "rule" => "r",
        "paragraph" => "para",
        "article" => "art",
        _ => "u",
    };
    let id = if let Some(a) = article_heading(&num, true) {
        a.id()
    } else if !ascii_slug(&num).is_empty() {
        format!("{prefix}-{}", ascii_slug(&num))
    } else {
        let e = n.attribute("eId").or(n.attribute("id")).unwrap_or("unit");
        ascii_slug(e)
    };
    let shown_num = if num.is_empty() || article_heading(&num, true).is_some() {
        num.clone()
    } else {
        match name {
            "section" => format!("Section {}", num.trim_end_matches('.')),
            "article" => format!("Article {}", num.trim_end_matches('.')),
            "rule" => format!("Rule {}", num.trim_end_matches('.')),
            _ => num.clone(),
        }
    };
    let full_heading = match (shown_num.is_empty(), heading.is_empty()) {
        (false, false) => format!("{shown_num} {heading}"),
        (false, true) => shown_num,
        (true, false) => heading.clone(),
        (true, true) => id.clone(),
    };
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in n.children() {
        if is(c, "num") || is(c, "heading") {
            continue;
        }
        collect(c, &mut lines, &mut current);
    }
    flush(&mut lines, &mut current);
    let body: Vec<String> = lines.iter().map(|l| escape_text_line(l)).collect();
    let text = body.join("\n\n");
    let repealed = n
        .attribute("status")
        .is_some_and(|s| s.eq_ignore_ascii_case("repealed"))
        || is_repealed_placeholder(&heading)
        || (!text.is_empty() && is_repealed_placeholder(&text));
    Unit::Article {
        id,
        heading: full_heading,
        text,
        repealed,
        depth: Some(depth),
        line,
    }
}

fn flush(lines: &mut Vec<String>, current: &mut String) {
    let t = current.split_whitespace().collect::<Vec<_>>().join(" ");
    // A line that is only a number ("(1)") waits for the text that follows it.
    if !t.is_empty() {
        lines.push(t);
    }
    current.clear();
}

fn collect(n: Node, lines: &mut Vec<String>, current: &mut String) {
    if n.is_text() {
        current.push_str(n.text().unwrap_or(""));
        return;
    }
    if !n.is_element() {
        return;
    }
    let name = n.tag_name().name();
    if NOTES.contains(&name) {
        return;
    }
    if name == "num" {
        // "(1)" then the subsection's text, on one line.
        if !current.trim().is_empty() {
            flush(lines, current);
        }
        current.push_str(&text_of(n));
        current.push(' ');
        return;
    }
    let block = BLOCKS.contains(&name);
    let only_num = {
        let t = current.trim();
        !t.is_empty() && t.chars().count() <= 8 && !t.contains(' ')
    };
    if block && !only_num {
        flush(lines, current);
    }
    for c in n.children() {
        collect(c, lines, current);
    }
    if block {
        flush(lines, current);
    } else if name == "br" || name == "eol" {
        current.push(' ');
    }
}

/// The text of an element, whitespace collapsed, notes left out.
fn text_of(n: Node) -> String {
    let mut s = String::new();
    for d in n.descendants() {
        if d.is_text() && !d.ancestors().any(|a| NOTES.contains(&a.tag_name().name())) {
            s.push_str(d.text().unwrap_or(""));
            s.push(' ');
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str =
        r#"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body>"#;

    #[test]
    fn points_in_a_list_stay_with_their_paragraph() {
        let xml = format!(
            "{HEAD}<paragraph eId=\"p_1\"><num>1</num><list><intro><p>The office offers:</p></intro><section eId=\"p_1_1\"><num>1)</num><content><p>advice;</p></content></section></list></paragraph></body></act></akomaNtoso>"
        );
        let doc = read("t.xml", &xml).unwrap();
        assert_eq!(doc.units.len(), 1);
        let Unit::Article { id, text, .. } = &doc.units[0] else {
            panic!("an article: {:?}", doc.units)
        };
        assert_eq!(id, "para-1");
        assert!(text.contains("1\\) advice;"), "{text}");
    }

    #[test]
    fn nodes_are_located_by_line_and_column() {
        let xml = format!(
            "{HEAD}\n  <section><num>1</num></section>\n  <oops/></body></act></akomaNtoso>"
        );
        let errors = read("t.xml", &xml).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].line, errors[0].column), (Some(3), Some(3)));
        assert!(errors[0].message.contains("<oops>"));
    }
}
