//! Corpus text made safe for the outputs it lands in.
//!
//! Section texts and model texts are Markdown written by corpus authors; a report must never
//! turn them into live HTML. The rules:
//!
//! - to HTML ([`to_html`]): raw HTML (blocks and inline) is shown as text, links keep only
//!   `http(s):`, `mailto:` or relative destinations (anything else becomes `#`), and images
//!   become their alternative text, so a report never fetches anything;
//! - to Markdown ([`sanitize_markdown`]): the same rules applied to the source text, for
//!   Markdown outputs that someone may later render;
//! - inline strings (titles, labels, names) in Markdown outputs are escaped with
//!   [`escape_inline`], so they cannot open a link, an HTML tag or a table cell.

use pulldown_cmark::{html, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_FOOTNOTES
}

/// True when a link destination may be followed: `http:`, `https:`, `mailto:`, or no scheme
/// at all (a relative link or a fragment). Browsers ignore ASCII tabs, newlines and leading
/// spaces in a scheme (`java\tscript:`), so they are removed before the scheme is read.
pub fn is_safe_link(dest: &str) -> bool {
    let cleaned: String = dest
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    let lower = cleaned.to_ascii_lowercase();
    let scheme_end = lower.find(':');
    let path_start = lower.find(['/', '?', '#']);
    match (scheme_end, path_start) {
        (None, _) => true,
        (Some(c), Some(p)) if p < c => true,
        (Some(c), _) => matches!(&lower[..c], "http" | "https" | "mailto"),
    }
}

/// The URL itself when it is an absolute `http(s)` address (the only sources shown as
/// links), else `None`.
pub fn http_url(url: &str) -> Option<&str> {
    let t = url.trim();
    let lower = t.to_ascii_lowercase();
    let ok = (lower.starts_with("http://") || lower.starts_with("https://"))
        && !t.chars().any(|c| c.is_whitespace() || c.is_control());
    ok.then_some(t)
}

/// A URL made safe inside a Markdown autolink (`<...>`) in a table cell: characters that
/// would end the link or the cell are percent-encoded. Meant for [`http_url`] results.
pub fn autolink_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '<' | '>' | '"' | '\\' | '`' | '|' | ' ' => out.push_str(&format!("%{:02X}", c as u32)),
            c if c.is_control() => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for HTML, `=` included: escaped corpus text then never reads as an
/// attribute (`onerror=`) even to a plain substring search.
pub fn escape_html_text(text: &str) -> String {
    escape_html(text).replace('=', "&#61;")
}

/// Renders corpus Markdown to HTML without raw HTML, unsafe links or images. Text (raw HTML
/// included) is escaped by [`escape_html_text`].
pub fn to_html(markdown: &str) -> String {
    let text = |t: &str| Event::Html(CowStr::from(escape_html_text(t)));
    let events = Parser::new_ext(markdown, options()).filter_map(|event| match event {
        Event::Html(t) | Event::InlineHtml(t) | Event::Text(t) => Some(text(&t)),
        Event::Code(t) => Some(Event::Html(CowStr::from(format!(
            "<code>{}</code>",
            escape_html_text(&t)
        )))),
        Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let safe = match link_type {
                LinkType::Email => true,
                _ => is_safe_link(&dest_url),
            };
            Some(Event::Start(Tag::Link {
                link_type,
                dest_url: if safe { dest_url } else { CowStr::from("#") },
                title,
                id,
            }))
        }
        // Images would be fetched: keep their alternative text only.
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        other => Some(other),
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

/// Escapes `<`, `>`, `&` and quotes for HTML text.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a plain string for inline use in Markdown (a title, a label, a table cell): it
/// cannot start a link, an HTML tag, emphasis, code or a new table cell, and stays on one
/// line. The Markdown channel's rule, [`crate::output::escape::markdown_inline`].
pub fn escape_inline(text: &str) -> String {
    crate::output::escape::markdown_inline(text)
}

/// Corpus Markdown made safe to paste into a Markdown document: raw HTML becomes escaped
/// text, a link with an unsafe destination, every reference-style link and every image
/// become their text, link reference definitions are dropped (a report joins many sections:
/// a reference in one and a `javascript:` definition in another must not meet), and control
/// characters are removed.
pub fn sanitize_markdown(markdown: &str) -> String {
    let clean = crate::output::escape::file_text(markdown);
    let markdown = clean.as_ref();
    // (start, end, replacement), in source order.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut open: Option<(usize, usize, String)> = None; // a link or image being dropped
    let mut depth = 0usize;
    let mut parser = Parser::new_ext(markdown, options()).into_offset_iter();
    // Definitions are known once the blocks are parsed, before the first event.
    let first = parser.next();
    for (_, def) in parser.reference_definitions().iter() {
        let mut end = def.span.end;
        while markdown[end.min(markdown.len())..].starts_with(['\n', '\r']) {
            end += 1;
        }
        edits.push((def.span.start, end.min(markdown.len()), String::new()));
    }
    for (event, range) in first.into_iter().chain(parser) {
        if let Some((_, _, text)) = open.as_mut() {
            match &event {
                Event::Start(Tag::Link { .. } | Tag::Image { .. }) => depth += 1,
                Event::End(TagEnd::Link | TagEnd::Image) if depth > 0 => depth -= 1,
                Event::End(TagEnd::Link | TagEnd::Image) => {
                    if let Some(edit) = open.take() {
                        edits.push(edit);
                    }
                }
                Event::Text(t) | Event::Code(t) => text.push_str(&escape_inline(t)),
                Event::Html(t) | Event::InlineHtml(t) => text.push_str(&escape_inline(t)),
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Html(t) | Event::InlineHtml(t) => {
                let lines: Vec<String> = t.lines().map(escape_inline).collect();
                let mut replacement = lines.join("\n");
                if t.ends_with('\n') {
                    replacement.push('\n');
                }
                edits.push((range.start, range.end, replacement));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                let by_reference = matches!(
                    link_type,
                    LinkType::Reference
                        | LinkType::ReferenceUnknown
                        | LinkType::Collapsed
                        | LinkType::CollapsedUnknown
                        | LinkType::Shortcut
                        | LinkType::ShortcutUnknown
                );
                let safe =
                    !by_reference && (link_type == LinkType::Email || is_safe_link(&dest_url));
                if !safe {
                    open = Some((range.start, range.end, String::new()));
                    depth = 0;
                }
            }
            Event::Start(Tag::Image { .. }) => {
                open = Some((range.start, range.end, String::new()));
                depth = 0;
            }
            _ => {}
        }
    }
    if let Some(edit) = open.take() {
        edits.push(edit);
    }
    edits.sort_by_key(|e| e.0);
    let mut out = String::with_capacity(markdown.len());
    let mut at = 0usize;
    for (start, end, replacement) in edits {
        if start < at || end > markdown.len() {
            continue; // inside an edit already made
        }
        out.push_str(&markdown[at..start]);
        out.push_str(&replacement);
        at = end;
    }
    out.push_str(&markdown[at..]);
    out
}

/// [`sanitize_markdown`], then every line prefixed with `> ` (a block quote).
pub fn quote_markdown(markdown: &str) -> String {
    sanitize_markdown(markdown.trim_end())
        .lines()
        .map(|l| {
            if l.is_empty() {
                ">".to_string()
            } else {
                format!("> {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_html("Hello <script>alert(1)</script> and\n\n<img src=x onerror=alert(1)>\n");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("onerror="), "{html}");
        assert!(to_html("a `x=<b>`").contains("<code>x&#61;&lt;b&gt;</code>"));
    }

    #[test]
    fn unsafe_links_become_fragments() {
        for src in [
            "[x](javascript:alert(1))",
            "[x](JavaScript:alert(1))",
            "[x](java\tscript:alert(1))",
            "[x](data:text/html;base64,AAAA)",
            "[x](vbscript:msgbox)",
            "<javascript:alert(1)>",
            "[x](javascript&colon;alert(1))",
        ] {
            let html = to_html(src);
            for href in html.split("href=\"").skip(1) {
                let url = href.split('"').next().unwrap_or_default();
                assert_eq!(url, "#", "{src} -> {html}");
            }
        }
        assert!(to_html("[x](https://example.org/a)").contains("href=\"https://example.org/a\""));
        assert!(to_html("[x](mailto:a@b.org)").contains("href=\"mailto:a@b.org\""));
        assert!(to_html("[x](../rel#f)").contains("href=\"../rel#f\""));
    }

    #[test]
    fn images_are_not_fetched() {
        let html = to_html("![alt text](https://example.org/i.png)");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("alt text"), "{html}");
    }

    #[test]
    fn markdown_output_is_defused() {
        let md = sanitize_markdown(
            "A [bad](javascript:alert(1)) and [good](https://e.org) <b>x</b>\n\n<script>alert(1)</script>\n\n![i](http://e/i.png) {{ 7*7 }}\n",
        );
        assert!(!md.contains("javascript:"), "{md}");
        assert!(!md.contains("<script"), "{md}");
        assert!(!md.contains("<b>"), "{md}");
        assert!(md.contains("[good](https://e.org)"), "{md}");
        assert!(md.contains("{{ 7*7 }}"), "{md}");
        assert!(md.contains("A bad and"), "{md}");
        assert!(!md.contains("!["), "{md}");
    }

    #[test]
    fn reference_definitions_are_dropped() {
        // Two sections of a report: apart, neither is a link; together they would be.
        let a = sanitize_markdown("See [click][x] and [x] and [y][].\n");
        let b = sanitize_markdown(
            "Text.\n\n[x]: javascript:alert(1)\n[y]: <https://e.org> \"t\"\n\nMore.\n",
        );
        assert!(!b.contains("javascript:") && !b.contains("[x]:"), "{b}");
        let joined = format!("{a}\n\n{b}");
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, Parser::new_ext(&joined, Options::all()));
        assert!(!html.contains("<a "), "{html}");
        // A reference resolved inside one text becomes its text.
        let c = sanitize_markdown("A [c][z] b.\n\n[z]: javascript:alert(1)\n");
        assert!(!c.contains("javascript") && c.contains("A c b."), "{c}");
        assert!(b.contains("Text.") && b.contains("More."), "{b}");
    }

    #[test]
    fn controls_are_removed_from_markdown() {
        let md = sanitize_markdown("a \u{1b}]0;title\u{7} b \u{9b}2J c\n");
        assert_eq!(md, "a ]0;title b 2J c\n");
    }

    #[test]
    fn inline_strings_cannot_open_links() {
        assert_eq!(
            escape_inline("[x](javascript:alert(1)) <b>|"),
            "\\[x\\](javascript:alert(1)) &lt;b&gt;\\|"
        );
    }

    #[test]
    fn only_http_sources_are_links() {
        assert_eq!(http_url(" https://x.org/a "), Some("https://x.org/a"));
        assert_eq!(http_url("javascript:alert(1)"), None);
        assert_eq!(http_url("Boletín Oficial 2008"), None);
        assert_eq!(http_url("https://x.org/a b"), None);
    }
}
