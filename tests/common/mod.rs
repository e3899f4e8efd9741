//! Helpers shared by the integration tests: the `harmonia` binary with a clean environment,
//! fixture corpora, and golden files (`SNAPSHOTS=overwrite cargo test` rewrites them).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The `harmonia` binary, with no corpus from the environment and no colours.
pub fn harmonia() -> assert_cmd::Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("harmonia");
    cmd.env_remove("HARMONIA_CORPUS").env("NO_COLOR", "1");
    cmd
}

/// A fixture corpus under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Runs `cmd`, expects exit 0, returns stdout.
pub fn stdout(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).expect("stdout is UTF-8")
}

/// Runs `cmd`, expects exit 0 and JSON on stdout, returns it parsed.
pub fn json(cmd: &mut assert_cmd::Command) -> serde_json::Value {
    let text = stdout(cmd);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// Compares `actual` with the committed file `tests/golden/<name>`; with
/// `SNAPSHOTS=overwrite` in the environment, writes it instead.
pub fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite") {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create the golden folder");
        }
        std::fs::write(&path, actual).expect("write the golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no golden file {}; run `SNAPSHOTS=overwrite cargo test` to create it",
            path.display()
        )
    });
    if expected != actual {
        let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
        let line = e
            .iter()
            .zip(&a)
            .position(|(x, y)| x != y)
            .unwrap_or(e.len().min(a.len()));
        panic!(
            "output differs from {} at line {}:\n  expected: {:?}\n  actual:   {:?}\n\
             (if the change is intended: SNAPSHOTS=overwrite cargo test, then review the diff)\n\
             --- actual output ---\n{actual}",
            path.display(),
            line + 1,
            e.get(line).unwrap_or(&"<end of file>"),
            a.get(line).unwrap_or(&"<end of output>"),
        );
    }
}

/// The crate root (the render tests run the binary from there, so corpus paths printed in
/// outputs are stable).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh temporary folder.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("create a temporary folder")
}

/// Reads a file to a string.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// A start tag found by [`tags`]: its name and attributes (names lower case, values with
/// the few entities a template emits decoded).
#[derive(Debug)]
pub struct Tag {
    /// Tag name, lower case.
    pub name: String,
    /// `(name, value)` pairs.
    pub attrs: Vec<(String, String)>,
}

fn decode(v: &str) -> String {
    v.replace("&#x2f;", "/")
        .replace("&#47;", "/")
        .replace("&colon;", ":")
        .replace("&#58;", ":")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Every start tag of an HTML document, read the way a browser tokenizer does: text between
/// tags (escaped corpus text included) is skipped, quoted attribute values may hold `>`,
/// and the raw-text content of `<style>` is skipped.
pub fn tags(html: &str) -> Vec<Tag> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' || i + 1 >= b.len() || !b[i + 1].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' && b[j] != b'/' {
            j += 1;
        }
        let name = html[i + 1..j].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                break;
            }
            let start = j;
            while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'=' && b[j] != b'>' {
                j += 1;
            }
            let attr = html[start..j].to_ascii_lowercase();
            let mut value = String::new();
            if j < b.len() && b[j] == b'=' {
                j += 1;
                if j < b.len() && (b[j] == b'"' || b[j] == b'\'') {
                    let q = b[j];
                    let vs = j + 1;
                    j = vs;
                    while j < b.len() && b[j] != q {
                        j += 1;
                    }
                    value = decode(&html[vs..j.min(b.len())]);
                    j += 1;
                } else {
                    let vs = j;
                    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                        j += 1;
                    }
                    value = decode(&html[vs..j]);
                }
            }
            attrs.push((attr, value));
        }
        if name == "style" {
            // Raw text up to the closing tag.
            j = html[j..].find("</style").map_or(b.len(), |k| j + k);
        }
        out.push(Tag { name, attrs });
        i = j + 1;
    }
    out
}

/// Panics when an HTML document holds anything live that a corpus could have planted: a
/// script, iframe, object, embed or img element, an event-handler attribute, or a link or
/// source to a `javascript:`, `data:` or `vbscript:` address.
pub fn assert_nothing_live(html: &str) {
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "a <script> tag is live");
    for tag in tags(html) {
        let forbidden = matches!(
            tag.name.as_str(),
            "script" | "iframe" | "object" | "embed" | "img" | "base" | "form" | "link"
        ) || (tag.name == "meta"
            && tag.attrs.iter().any(|(n, _)| n == "http-equiv"));
        assert!(!forbidden, "live element: {tag:?}");
        for (name, value) in &tag.attrs {
            assert!(!name.starts_with("on"), "event handler attribute: {tag:?}");
            if matches!(
                name.as_str(),
                "href" | "src" | "xlink:href" | "action" | "formaction"
            ) {
                let v: String = value
                    .chars()
                    .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                assert!(
                    !(v.starts_with("javascript:")
                        || v.starts_with("data:")
                        || v.starts_with("vbscript:")),
                    "unsafe address: {tag:?}"
                );
            }
        }
    }
}

/// The section ids of the hits of a `harmonia search --format json` answer, in order.
pub fn sections(v: &serde_json::Value) -> Vec<String> {
    v["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["section"].as_str().expect("a section id").to_string())
        .collect()
}
