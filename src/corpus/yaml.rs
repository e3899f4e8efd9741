//! Guarded YAML parsing: size and nesting are checked before the parser sees the text, the
//! parser runs with a node budget (alias bombs fail at once), and every error is turned into
//! a [`Diagnostic`] located in the *file* (a block's line 1 is the line after its fence).

use serde::de::DeserializeOwned;

use crate::diagnostic::Diagnostic;

/// Largest YAML chunk (front matter or block) we parse.
pub const MAX_YAML_BYTES: usize = 1024 * 1024;
/// Deepest nesting of mappings and sequences, block or flow.
pub const MAX_DEPTH: usize = 24;
/// Most YAML nodes in one chunk.
pub const MAX_NODES: usize = 20_000;

/// Where a YAML chunk sits in its file: the file line of its first line, and how many
/// columns its lines were shifted left (an indented fence).
#[derive(Clone, Copy, Debug)]
pub struct Origin {
    /// File line (1-based) of the chunk's first line.
    pub line: u32,
    /// Columns removed from the start of every line.
    pub indent: u32,
}

/// A location inside a chunk, moved to the file.
pub fn file_position(origin: Origin, line: u64, column: u64) -> (u32, u32) {
    let line = u32::try_from(line).unwrap_or(u32::MAX);
    let column = u32::try_from(column).unwrap_or(u32::MAX);
    (
        origin.line.saturating_add(line.saturating_sub(1)),
        column.saturating_add(origin.indent),
    )
}

/// Parses `text` as `T`, or returns one located diagnostic for `file`.
pub fn parse<T: DeserializeOwned>(file: &str, text: &str, origin: Origin) -> Result<T, Diagnostic> {
    precheck(file, text, origin)?;
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_nodes: MAX_NODES,
            max_depth: MAX_DEPTH,
            flow_nesting_limit: MAX_DEPTH,
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_documents: 1,
            max_total_scalar_bytes: 8 * MAX_YAML_BYTES,
        },
    };
    serde_saphyr::from_str_with_options::<T>(text, options).map_err(|e| {
        let mut message = message_of(&e);
        if message.contains("budget breached") || message.contains("too large or too complex") {
            // serde-saphyr names the limit in Rust syntax (`ScalarBytes { .. }`).
            message = "the YAML expands beyond harmonia's limits (aliases, nesting or repeated text)".into();
        }
        let mut d = Diagnostic::error(file, first_lower(&message));
        // Nothing marks where a missing key should be: a missing field points at the
        // mapping's start, like an error without a location.
        match e.location().filter(|_| !message.starts_with("missing field")) {
            Some(loc) => {
                let (l, c) = file_position(origin, loc.line(), loc.column());
                d = d.at(l, c);
            }
            None => d = d.at(origin.line, 1 + origin.indent),
        }
        if let Some((wrong, expected)) = unknown_field(&message) {
            d = d.id(wrong.clone()).suggest(&wrong, expected.iter().map(String::as_str));
            if d.hint.is_none() {
                d = d.hint(format!("known keys here: {}", expected.join(", ")));
            }
        } else if message.contains("limits") || message.contains("alias") || message.contains("nesting") {
            d = d.hint("the YAML is too large or too deeply nested; harmonia refuses it rather than risk a hang");
        }
        d
    })
}

/// The error's message in plain words, without the location suffix serde-saphyr appends:
/// serde-saphyr's user-facing wording, then [`plain_words`] for what serde and the derive
/// macros say in Rust terms.
fn message_of(e: &serde_saphyr::Error) -> String {
    use serde_saphyr::MessageFormatter as _;
    let text = serde_saphyr::UserMessageFormatter
        .format_message(e.without_snippet())
        .into_owned();
    let text = match text.rfind(" at line ") {
        Some(i) if text[i..].contains("column") => text[..i].to_string(),
        _ => text,
    };
    plain_words(text.lines().next().unwrap_or_default().trim())
}

/// Rewrites what the parser and serde say in programmers' terms (`use Option<String>`,
/// `set DuplicateKeyPolicy in Options`, `expected struct RawCountry`, `u32`) into words a
/// corpus author reads.
pub fn plain_words(message: &str) -> String {
    let mut m = message.to_string();
    if m.starts_with("null is not allowed here")
        || m.starts_with("cannot deserialize null")
        || m.contains("invalid type: null")
        || m.contains("invalid type: unit")
    {
        return "this key has no value; write a value after the colon or remove the key".into();
    }
    if let Some(rest) = m.strip_prefix("duplicate mapping key `") {
        let key = rest.split('`').next().unwrap_or_default();
        return format!("key `{key}` is written twice in the same mapping; keep one");
    }
    if m.starts_with("duplicate mapping key") {
        return "a key is written twice in the same mapping; keep one".into();
    }
    for (parser, plain) in [
        (
            "expected mapping start",
            "expected a mapping of keys (`key: value` lines)",
        ),
        ("expected sequence start", "expected a list"),
        ("expected string scalar", "expected a text"),
        ("expected scalar", "expected a single value"),
    ] {
        if m.contains(parser) {
            m = m.replacen(parser, plain, 1);
        }
    }
    // Rust type names in "expected ..." parts.
    for (rust, plain) in [
        ("a sequence", "a list"),
        ("sequence", "a list"),
        ("a map", "a mapping of keys"),
        ("map", "a mapping of keys"),
        ("a borrowed string", "a text"),
        ("a string", "a text"),
        ("string", "a text"),
        ("a boolean", "true or false"),
        ("u8", "a whole number"),
        ("u16", "a whole number"),
        ("u32", "a whole number"),
        ("u64", "a whole number"),
        ("usize", "a whole number"),
        ("i32", "a whole number"),
        ("i64", "a whole number"),
        ("f64", "a number"),
        ("f32", "a number"),
    ] {
        for prefix in ["expected ", "invalid type: "] {
            let from = format!("{prefix}{rust}");
            if let Some(i) = m.find(&from) {
                let end = i + from.len();
                let boundary = m[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
                if boundary {
                    m.replace_range(i..end, &format!("{prefix}{plain}"));
                }
            }
        }
    }
    // `expected struct RawCountry`, `expected enum Kind`, `expected Option<...>`.
    for kind in ["struct ", "enum ", "tuple struct ", "newtype struct "] {
        let from = format!("expected {kind}");
        if let Some(i) = m.find(&from) {
            let name_end = m[i + from.len()..]
                .find(|c: char| !c.is_alphanumeric() && c != '_')
                .map_or(m.len(), |j| i + from.len() + j);
            m.replace_range(i..name_end, "expected a mapping of keys");
        }
    }
    // Whatever is left in Rust terms goes.
    for leak in ["; use Option<", ", set DuplicateKeyPolicy", " (use Option<"] {
        if let Some(i) = m.find(leak) {
            m.truncate(i);
        }
    }
    m
}

fn first_lower(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// From "unknown field `x`, expected one of a, b" (or "expected `a` or `b`"), the wrong key
/// and the known ones.
fn unknown_field(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (wrong, rest) = rest.split_once('`')?;
    let expected = rest
        .split_once("expected")
        .map(|(_, e)| e)
        .unwrap_or_default()
        .trim_start_matches(" one of")
        .split([',', ' '])
        .map(|s| s.trim().trim_matches('`'))
        .filter(|s| !s.is_empty() && *s != "or")
        .map(str::to_string)
        .collect();
    Some((wrong.to_string(), expected))
}

/// Refuses oversized or too deeply nested YAML before parsing, in one linear pass.
fn precheck(file: &str, text: &str, origin: Origin) -> Result<(), Diagnostic> {
    if text.len() > MAX_YAML_BYTES {
        return Err(Diagnostic::error(
            file,
            format!(
                "YAML block of {} bytes is larger than the limit of {} bytes",
                text.len(),
                MAX_YAML_BYTES
            ),
        )
        .at(origin.line, 1 + origin.indent)
        .hint(
            "front matter and harmonia blocks hold metadata; put long text in the Markdown body",
        ));
    }
    // Flow nesting: count brackets outside quoted strings and comments.
    let mut depth = 0usize;
    for (lineno, line) in text.lines().enumerate() {
        let mut quote: Option<char> = None;
        for (col, c) in line.chars().enumerate() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '#') => break,
                (None, '{' | '[') => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        let (l, cl) = file_position(origin, lineno as u64 + 1, col as u64 + 1);
                        return Err(Diagnostic::error(
                            file,
                            format!("YAML nested deeper than {MAX_DEPTH} levels"),
                        )
                        .at(l, cl)
                        .hint("harmonia refuses deeply nested YAML rather than risk a hang"));
                    }
                }
                (None, '}' | ']') => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        // Block nesting: two spaces an indent level is the common style; be generous.
        let indent = line.len() - line.trim_start_matches([' ', '-']).len();
        if indent > MAX_DEPTH * 4 {
            let (l, _) = file_position(origin, lineno as u64 + 1, 1);
            return Err(Diagnostic::error(
                file,
                format!("YAML nested deeper than {MAX_DEPTH} levels"),
            )
            .at(l, 1 + origin.indent)
            .hint("harmonia refuses deeply nested YAML rather than risk a hang"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::raw::RawMapping;

    const AT: Origin = Origin {
        line: 10,
        indent: 0,
    };

    #[test]
    fn unknown_keys_are_located_in_the_file_with_a_hint() {
        let d = parse::<RawMapping>(
            "f.md",
            "implements:\n  - provision: bc-2\n    elemnts: [a]\n",
            AT,
        )
        .unwrap_err();
        assert_eq!((d.line, d.column), (Some(12), Some(5)));
        assert!(
            d.message.starts_with("unknown field `elemnts`"),
            "{}",
            d.message
        );
        assert_eq!(d.hint.as_deref(), Some("did you mean `elements`?"));
    }

    #[test]
    fn syntax_errors_are_located() {
        let d = parse::<RawMapping>(
            "f.md",
            "implements:\n  - provision: bc-2\n    elements: [a, b\n",
            AT,
        )
        .unwrap_err();
        assert_eq!(d.line, Some(12));
    }

    #[test]
    fn deep_flow_nesting_fails_fast() {
        let text = format!("note: {}{}", "{a: ".repeat(50_000), "}".repeat(50_000));
        let start = std::time::Instant::now();
        let d = parse::<RawMapping>("f.md", &text, AT).unwrap_err();
        assert!(d.message.contains("nested deeper"), "{}", d.message);
        assert!(start.elapsed().as_secs() < 2);
    }

    #[test]
    fn alias_bombs_fail() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let prev = i - 1;
            text.push_str(&format!("a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"));
        }
        assert!(parse::<serde::de::IgnoredAny>("f.md", &text, AT).is_err());
    }
}

#[cfg(test)]
mod plain_messages {
    use super::*;
    use crate::corpus::raw::{RawCountry, RawMapping, RawStatute};

    /// Words of Rust and of the YAML library that no corpus author should read.
    const INTERNALS: &[&str] = &[
        "Option<", "Options", "Policy", "struct ", "enum ", "Raw", "Spanned", "serde", "saphyr",
        "budget", "::", "u32", "u64", "usize", "f64", "Vec<", "String",
    ];

    fn assert_plain(d: &Diagnostic) {
        for word in INTERNALS {
            assert!(!d.message.contains(word), "{word} in {:?}", d.message);
        }
        assert!(d.line.is_some() && d.column.is_some(), "located: {d:?}");
    }

    #[test]
    fn messages_speak_plain_words() {
        let at = Origin { line: 2, indent: 0 };
        let cases: &[(&str, &str)] = &[
            ("code: XA\nname:\nregion: r\n", "has no value"),
            ("code: XA\nname: n\nregion: r\nregion: s\n", "written twice"),
            ("code: XA\nname: [a, b]\nregion: r\n", "expected a text"),
            ("- a\n- b\n", "expected a mapping of keys"),
            ("code: XA\nname: n\nregion: r\ntreaties: {a: 1}\n", "expected a list"),
            ("code: XA\nname: n\nregion: r\nlanguages: x: y\n", ""),
            ("code: XA\nname: n\nregion: r\ntreaties:\n  - framework: bc\n    status: party\n    reservations: 3\n", "expected a list"),
        ];
        for (text, wanted) in cases {
            let d = parse::<RawCountry>("c.yaml", text, at).unwrap_err();
            assert_plain(&d);
            assert!(d.message.contains(wanted), "{text:?}: {:?}", d.message);
        }
        for (text, wanted) in [
            ("id: [1]\n", "expected a text"),
            ("id: s\nin_force: [2020]\n", "expected a text"),
        ] {
            let d = parse::<RawStatute>("s.md", text, at).unwrap_err();
            assert_plain(&d);
            assert!(d.message.contains(wanted), "{text:?}: {:?}", d.message);
        }
        for (text, wanted) in [
            ("implements:\n  - provision:\n", "has no value"),
            ("penalty: {prison: 3}\n", "expected a list"),
            (
                "penalty: {prison: [1 year, 2 years], fine: [1]}\n",
                "expected a text",
            ),
            (
                "implements: [{provision: bc-2, elements: x}]\n",
                "expected a list",
            ),
        ] {
            let d = parse::<RawMapping>("s.md", text, at).unwrap_err();
            assert_plain(&d);
            assert!(d.message.contains(wanted), "{text:?}: {:?}", d.message);
        }
    }
}

#[cfg(test)]
mod amplification {
    use super::*;
    use crate::corpus::raw::RawStatute;

    #[test]
    fn aliased_large_scalars_are_refused() {
        let big = "x".repeat(500_000);
        let aliases = vec!["*s"; 900].join(", ");
        let text = format!(
            "id: &s {big}\ncountry: XA\ntitle: t\nlanguage: en\nkind: act\nsources: [{aliases}]\n"
        );
        // The budget stops the parse (no timing here: benchmarks time, tests do not).
        let r = parse::<RawStatute>("f.md", &text, Origin { line: 2, indent: 0 });
        let e = r.expect_err("450 MB of replayed scalars must be refused");
        assert!(
            e.message.contains("beyond harmonia's limits"),
            "{}",
            e.message
        );
    }
}
