//! Splits a corpus Markdown file into what the format gives meaning to: the front matter,
//! the text before the first heading, and one [`RawSection`] per heading with its plain
//! text, its Markdown source and its `harmonia` blocks, each located by file line.
//!
//! pulldown-cmark does the CommonMark parsing (heading attributes `{#id}` on, YAML-style
//! metadata blocks recognised so front matter is never read as text); its byte offsets map
//! everything back to file lines.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::yaml::Origin;
use crate::diagnostic::Diagnostic;

/// A YAML chunk of the file (front matter or a block) with where it starts.
#[derive(Clone, Debug)]
pub struct Chunk {
    /// The YAML text.
    pub text: String,
    /// Where its first line is in the file.
    pub origin: Origin,
}

/// A heading and what stands under it, before validation.
#[derive(Clone, Debug)]
pub struct RawSection {
    /// Heading text.
    pub heading: String,
    /// The `{#id}` attribute, if any.
    pub id_attr: Option<String>,
    /// Heading level, 1-6.
    pub level: u8,
    /// File line of the heading.
    pub line: u32,
    /// Plain text of the body (blocks left out).
    pub text: String,
    /// Markdown source of the body (blocks left out).
    pub markdown: String,
    /// The `harmonia` blocks under the heading.
    pub blocks: Vec<Chunk>,
}

/// A parsed Markdown file.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// The front matter, if the file opens with `---`.
    pub front_matter: Option<Chunk>,
    /// Plain text before the first heading.
    pub preamble: String,
    /// `harmonia` blocks before the first heading (an error in every kind of file).
    pub stray_blocks: Vec<Chunk>,
    /// The sections, in file order.
    pub sections: Vec<RawSection>,
    /// Problems that do not stop reading (an HTML comment never closed).
    pub warnings: Vec<Diagnostic>,
}

/// Byte offsets of line starts, to turn offsets into 1-based lines and columns.
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> u32 {
        let i = self.starts.partition_point(|&s| s <= offset);
        u32::try_from(i.max(1)).unwrap_or(u32::MAX)
    }

    /// Byte offset where 1-based `line` starts.
    pub fn start(&self, line: u32) -> usize {
        self.starts.get(line as usize - 1).copied().unwrap_or(0)
    }
}

/// Parses `text` (the whole file). Fails only when the front matter is never closed.
pub fn parse(file: &str, text: &str) -> Result<Doc, Diagnostic> {
    let lines = Lines::new(text);
    let mut doc = Doc::default();
    let mut body_start = 0;
    if first_line(text) == "---" {
        let mut offset = text.find('\n').map_or(text.len(), |i| i + 1);
        let start = offset;
        let mut closed = None;
        while offset < text.len() {
            let end = text[offset..]
                .find('\n')
                .map_or(text.len(), |i| offset + i + 1);
            let line = text[offset..end].trim_end();
            if line == "---" || line == "..." {
                closed = Some((offset, end));
                break;
            }
            offset = end;
        }
        let Some((close, after)) = closed else {
            return Err(
                Diagnostic::error(file, "front matter opened with `---` is never closed")
                    .at(1, 1)
                    .hint("end the front matter with a line holding only `---`"),
            );
        };
        doc.front_matter = Some(Chunk {
            text: text[start..close].to_string(),
            origin: Origin { line: 2, indent: 0 },
        });
        body_start = after;
    }

    let mut options = Options::empty();
    options.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_FOOTNOTES);
    let body = &text[body_start..];
    let parser = Parser::new_ext(body, options).into_offset_iter();

    // The section being filled; None before the first heading.
    let mut current: Option<RawSection> = None;
    let mut body_range_start = 0usize;
    let mut excluded: Vec<Range<usize>> = Vec::new();
    let mut in_heading: Option<(u8, Option<String>, usize, String)> = None;
    let mut in_block: Option<(Range<usize>, bool, String, Option<usize>)> = None;
    let mut plain = String::new();

    let finish = |current: &mut Option<RawSection>,
                  doc: &mut Doc,
                  plain: &mut String,
                  range: Range<usize>,
                  excluded: &mut Vec<Range<usize>>| {
        let mut md = String::new();
        let mut at = range.start;
        for ex in excluded.iter() {
            if ex.start >= at && ex.end <= range.end {
                md.push_str(&body[at..ex.start]);
                at = ex.end;
            }
        }
        md.push_str(&body[at.min(range.end)..range.end]);
        excluded.clear();
        let text = std::mem::take(plain).trim().to_string();
        match current.take() {
            Some(mut s) => {
                s.text = text;
                s.markdown = md.trim().to_string();
                doc.sections.push(s);
            }
            None => doc.preamble = text,
        }
    };

    for (event, range) in parser {
        if let Some((_, is_harmonia, content, first)) = in_block.as_mut() {
            match event {
                Event::Text(t) => {
                    if first.is_none() {
                        *first = Some(range.start);
                    }
                    content.push_str(&t);
                    if !*is_harmonia {
                        plain.push_str(&t);
                    }
                }
                Event::End(TagEnd::CodeBlock) => {
                    let (block_range, is_harmonia, content, first) =
                        in_block.take().unwrap_or_default();
                    if is_harmonia {
                        let first = first.unwrap_or(block_range.start);
                        let abs = body_start + first;
                        let line = lines.line(abs);
                        let indent = u32::try_from(abs - lines.start(line)).unwrap_or(0);
                        let chunk = Chunk {
                            text: content,
                            origin: Origin { line, indent },
                        };
                        excluded.push(block_range);
                        match current.as_mut() {
                            Some(s) => s.blocks.push(chunk),
                            None => doc.stray_blocks.push(chunk),
                        }
                    } else {
                        plain.push('\n');
                    }
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                finish(
                    &mut current,
                    &mut doc,
                    &mut plain,
                    body_range_start..range.start,
                    &mut excluded,
                );
                in_heading = Some((
                    level as u8,
                    id.map(|s| s.to_string()),
                    range.start,
                    String::new(),
                ));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, id, start, heading)) = in_heading.take() {
                    current = Some(RawSection {
                        heading: heading.trim().to_string(),
                        id_attr: id,
                        level,
                        line: lines.line(body_start + start),
                        text: String::new(),
                        markdown: String::new(),
                        blocks: Vec::new(),
                    });
                    body_range_start = range.end;
                }
            }
            Event::Start(Tag::HtmlBlock) => {
                if let Some(w) = unclosed_comment(file, body, range, body_start, &lines) {
                    doc.warnings.push(w);
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let is_harmonia = match &kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next() == Some("harmonia")
                    }
                    CodeBlockKind::Indented => false,
                };
                in_block = Some((range, is_harmonia, String::new(), None));
            }
            Event::Text(t) | Event::Code(t) => match in_heading.as_mut() {
                Some((_, _, _, h)) => h.push_str(&t),
                None => plain.push_str(&t),
            },
            Event::SoftBreak => match in_heading.as_mut() {
                Some((_, _, _, h)) => h.push(' '),
                None => plain.push(' '),
            },
            Event::HardBreak => plain.push('\n'),
            Event::End(TagEnd::Paragraph | TagEnd::BlockQuote(_)) => plain.push_str("\n\n"),
            Event::End(TagEnd::Item | TagEnd::TableRow) => plain.push('\n'),
            Event::End(TagEnd::TableCell) => plain.push(' '),
            _ => {}
        }
    }
    finish(
        &mut current,
        &mut doc,
        &mut plain,
        body_range_start..body.len(),
        &mut excluded,
    );
    Ok(doc)
}

/// A warning when the HTML block at `range` of `body` is a comment (`<!--`) that is never
/// closed: CommonMark then hides everything after it, so headings and `harmonia` blocks
/// further down silently vanish.
fn unclosed_comment(
    file: &str,
    body: &str,
    range: Range<usize>,
    body_start: usize,
    lines: &Lines,
) -> Option<Diagnostic> {
    let block = body.get(range.clone())?;
    let opening = block.find("<!--")?;
    if !block[..opening].trim().is_empty() || block[opening..].contains("-->") {
        return None;
    }
    let start = body_start + range.start + opening;
    let line = lines.line(start);
    let column = u32::try_from(start - lines.start(line)).unwrap_or(0) + 1;
    let last = lines.line(body_start + range.end.saturating_sub(1).max(range.start));
    let hidden_blocks = block
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            (t.starts_with("```") || t.starts_with("~~~"))
                && t.trim_start_matches(['`', '~'])
                    .trim_start()
                    .starts_with("harmonia")
        })
        .count();
    let hidden_headings = block
        .lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .count();
    Some(
        Diagnostic::warning(
            file,
            format!(
                "HTML comment `<!--` is never closed: lines {line}-{last} are hidden \
                 ({hidden_headings} heading(s), {hidden_blocks} harmonia block(s) not read)"
            ),
        )
        .at(line, column)
        .width(4)
        .hint("close the comment with `-->` where it should end"),
    )
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default().trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "---\nid: x\n---\n\nIntro text.\n\n# Chapter I\n\n## Art. 1 {#art-1}\n\nSome *text*.\n\n```harmonia\nimplements: []\n```\n\nMore.\n\n## Art. 2\n\n  ```harmonia\n  penalty: {}\n  ```\n";

    #[test]
    fn splits_front_matter_sections_and_blocks() {
        let doc = parse("f.md", FILE).unwrap();
        let fm = doc.front_matter.unwrap();
        assert_eq!(fm.text, "id: x\n");
        assert_eq!(fm.origin.line, 2);
        assert_eq!(doc.preamble, "Intro text.");
        assert_eq!(doc.sections.len(), 3);
        let chapter = &doc.sections[0];
        assert_eq!(
            (chapter.heading.as_str(), chapter.level, chapter.line),
            ("Chapter I", 1, 7)
        );
        assert!(chapter.text.is_empty());
        let art1 = &doc.sections[1];
        assert_eq!(art1.id_attr.as_deref(), Some("art-1"));
        assert_eq!(art1.heading, "Art. 1");
        assert_eq!(art1.text, "Some text.\n\nMore.");
        assert_eq!(art1.markdown, "Some *text*.\n\n\n\nMore.");
        assert_eq!(art1.blocks.len(), 1);
        assert_eq!(art1.blocks[0].text, "implements: []\n");
        assert_eq!(art1.blocks[0].origin.line, 14);
        let art2 = &doc.sections[2];
        assert_eq!(art2.blocks[0].origin.line, 22);
        assert_eq!(art2.blocks[0].origin.indent, 2);
    }

    #[test]
    fn an_unclosed_comment_is_a_located_warning() {
        let text = "---\nid: x\n---\n\n## Art. 1\n\n<!-- draft note\n\n## Art. 2\n\n```harmonia\nimplements: []\n```\n";
        let doc = parse("f.md", text).unwrap();
        assert_eq!(doc.sections.len(), 1, "the comment swallows Art. 2");
        let w = &doc.warnings[0];
        assert_eq!((w.line, w.column), (Some(7), Some(1)));
        assert!(w.message.contains("never closed"), "{}", w.message);
        assert!(
            w.message.contains("1 heading(s), 1 harmonia block(s)"),
            "{}",
            w.message
        );
        // Closed comments, and comments closed on their own line, are fine.
        let ok = "## A\n\n<!-- note -->\n\n<!--\nnote\n-->\n\n## B\n";
        let doc = parse("f.md", ok).unwrap();
        assert!(doc.warnings.is_empty());
        assert_eq!(doc.sections.len(), 2);
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let d = parse("f.md", "---\nid: x\n\n# Heading\n").unwrap_err();
        assert!(d.message.contains("never closed"));
    }

    #[test]
    fn files_without_front_matter_are_read() {
        let doc = parse(
            "f.md",
            "## Illegal access {#bc-2}\n\n```harmonia\nprovision: bc-2\n```\n\nModel text.\n",
        )
        .unwrap();
        assert!(doc.front_matter.is_none());
        assert_eq!(doc.sections[0].text, "Model text.");
    }
}
