//! Build script: embeds the shipped corpus (`model-law/`, `statutes/`) and the report
//! templates (`templates/`) into the binary, so `harmonia` works from any folder.
//!
//! It writes `$OUT_DIR/embedded.rs`, a list of `(relative path, bytes)` pairs built with
//! `include_bytes!`, and asks Cargo to rerun whenever anything under those folders changes.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR is set by Cargo"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR is set by Cargo"));
    let mut code = String::new();
    for (name, folders) in [
        ("CORPUS", &["model-law", "statutes"][..]),
        ("TEMPLATES", &["templates"][..]),
    ] {
        let mut files = Vec::new();
        for folder in folders {
            let dir = root.join(folder);
            println!("cargo:rerun-if-changed={}", dir.display());
            collect(&root, &dir, &mut files);
        }
        files.sort();
        code.push_str(&format!("pub static {name}: &[(&str, &[u8])] = &[\n"));
        for (rel, abs) in files {
            code.push_str(&format!("    ({rel:?}, include_bytes!({abs:?})),\n"));
        }
        code.push_str("];\n");
    }
    fs::write(out.join("embedded.rs"), code).expect("write embedded.rs");
}

/// Adds every file below `dir` (skipping hidden entries such as `.harmonia/`) as a pair of
/// its `/`-separated path relative to `root` and its absolute path.
fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, files);
        } else if path.is_file() {
            let rel = path
                .strip_prefix(root)
                .expect("collected paths are below the root")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            files.push((rel, path.display().to_string()));
        }
    }
}
