//! harmonia's HTML in a real browser: the reports (country and region) and the matrix heat
//! map of the hostile fixture (`tests/fixtures/hostile-output`), opened in headless Chromium.
//! Its payloads are rewritten to leave a mark on the page when they run (an attribute on the
//! root element), and the DOM the browser built is checked for that mark, for any `<script>`
//! element, any event-handler attribute and any `javascript:` link or source. The page must
//! also have loaded (its heading is there), so a browser that failed to open it cannot pass.
//!
//! The browser is `HARMONIA_BROWSER`, or `chromium`, `chromium-browser`, `google-chrome` or
//! `google-chrome-stable` on the PATH. When there is none, the test runs
//! `scripts/install-browser.sh` (Chromium from the distribution's packages; `.ci/run` also
//! calls it before the tests), so `cargo test` and CI run it on any machine that can install
//! a browser; one that cannot skips it with a notice on standard error.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{fixture, harmonia, tempdir};

/// What a payload does when it runs: leaves `data-pwned="1"` on the root element.
const MARK: &str = "document.documentElement.setAttribute('data-pwned','1')";

fn browser() -> Option<PathBuf> {
    if let Some(b) = std::env::var_os("HARMONIA_BROWSER") {
        return Some(PathBuf::from(b));
    }
    let path = std::env::var_os("PATH")?;
    for name in [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ] {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// Copies the folder `from` to `to`, rewriting every `alert(1)` payload into [`MARK`].
fn copy_marked(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_marked(&entry.path(), &target);
        } else {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            std::fs::write(target, text.replace("alert(1)", MARK)).unwrap();
        }
    }
}

/// The DOM `browser` builds from `page` (`--dump-dom`), within a minute.
fn dump_dom(browser: &Path, page: &Path, profile: &Path) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", browser.display()));
    let mut out = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut out, &mut text).unwrap();
        text
    });
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!(
                "{} did not finish {} in 60 s",
                browser.display(),
                page.display()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().unwrap()
}

#[test]
fn hostile_html_stays_inert_in_a_browser() {
    let found = browser().or_else(|| {
        // The project installs what it needs itself: Chromium from the distribution.
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/install-browser.sh");
        let _ = Command::new("bash").arg(script).status();
        browser()
    });
    let Some(browser) = found else {
        eprintln!(
            "notice: no Chromium found, the browser test is skipped \
             (scripts/install-browser.sh installs it, or set HARMONIA_BROWSER)"
        );
        return;
    };
    let dir = tempdir();
    // A control page whose payload is live: the browser must run it and the mark must show,
    // or the checks below would prove nothing.
    let control = dir.path().join("control.html");
    std::fs::write(
        &control,
        format!("<!DOCTYPE html><html><body><h1>control</h1><img src=x onerror=\"{MARK}\"></body></html>"),
    )
    .unwrap();
    let dom = dump_dom(&browser, &control, &dir.path().join("profile"));
    assert!(
        dom.contains("data-pwned=\"1\""),
        "the browser did not run the control page's payload:\n{dom}"
    );
    let corpus = dir.path().join("corpus");
    copy_marked(&fixture("hostile-output"), &corpus);
    let common = |cmd: &mut assert_cmd::Command| {
        cmd.arg("--corpus")
            .arg(&corpus)
            .args(["--framework", "ho", "--as-of", "2024-01-01"]);
    };
    let mut pages = Vec::new();
    for (name, subject) in [
        ("country.html", vec!["HC"]),
        ("region.html", vec!["--region", "Outland"]),
    ] {
        let out = dir.path().join(name);
        let mut cmd = harmonia();
        cmd.arg("report").args(&subject);
        common(&mut cmd);
        cmd.args(["--format", "html", "--out"])
            .arg(&out)
            .assert()
            .success();
        pages.push((out, "Harmonization report"));
    }
    let matrix = dir.path().join("matrix.html");
    let mut cmd = harmonia();
    cmd.arg("matrix");
    common(&mut cmd);
    let html = cmd
        .args(["--format", "html"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    std::fs::write(&matrix, html).unwrap();
    pages.push((matrix, "Coverage matrix"));

    // Attribute names only: quoted values (where the payloads sit, escaped) are cut out of
    // each start tag first; the DOM serializer escapes `<`, `>` and `"` inside values.
    let tag = regex::Regex::new(r#"<[a-z][^>]*>"#).unwrap();
    let quoted = regex::Regex::new(r#""[^"]*""#).unwrap();
    let handler = regex::Regex::new(r#"\son[a-z]+\s*="#).unwrap();
    let event_handler = |dom: &str| {
        tag.find_iter(dom)
            .any(|t| handler.is_match(&quoted.replace_all(t.as_str(), "\"\"")))
    };
    let script_url = regex::Regex::new(r#"(?i)(href|src|action)\s*=\s*"\s*javascript:"#).unwrap();
    for (page, loaded) in &pages {
        let dom = dump_dom(&browser, page, &dir.path().join("profile"));
        let what = page.display();
        assert!(
            dom.contains(loaded),
            "{what}: the page did not load:\n{dom}"
        );
        assert!(
            !dom.contains("data-pwned=\"1\""),
            "{what}: a payload ran in the browser"
        );
        let lower = dom.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "{what}: a script element");
        assert!(!event_handler(&lower), "{what}: an event-handler attribute");
        assert!(!script_url.is_match(&dom), "{what}: a javascript: link");
        // The payloads are on the page, as text.
        assert!(
            dom.contains("setAttribute"),
            "{what}: the payload text is missing"
        );
    }
}
