//! Helpers shared by the integration tests: the binary on a fixture corpus, and golden
//! files (compared with committed expected files; `SNAPSHOTS=overwrite` rewrites them).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The crate root: tests run the binary from there, so paths in outputs are stable.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `harmonia` run from the crate root, with colours off and no corpus from the environment.
pub fn harmonia() -> Command {
    let mut cmd = Command::cargo_bin("harmonia").expect("the harmonia binary is built");
    cmd.current_dir(root())
        .env_remove("HARMONIA_CORPUS")
        .env("NO_COLOR", "1");
    cmd
}

/// Compares `actual` with the golden file `tests/golden/<name>`; with `SNAPSHOTS=overwrite`
/// (re)writes the file instead. A missing golden file fails with a hint.
pub fn assert_golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite") {
        std::fs::create_dir_all(path.parent().expect("golden files are in a folder"))
            .expect("create tests/golden");
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "golden file {} is missing: run with SNAPSHOTS=overwrite to create it",
            path.display()
        )
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from the output at line {}:\n  expected: {:?}\n  actual:   {:?}\n(run with SNAPSHOTS=overwrite to accept the new output)",
            path.display(),
            first + 1,
            expected.lines().nth(first).unwrap_or("<end of file>"),
            actual.lines().nth(first).unwrap_or("<end of file>"),
        );
    }
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
