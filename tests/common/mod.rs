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
