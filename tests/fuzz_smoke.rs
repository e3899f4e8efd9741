//! The bounded fuzz smoke run of CI, on the stable toolchain: every fuzz target of
//! `fuzz/targets.rs` runs on its seed corpus (the fixtures) and on a fixed number of
//! mutations of it (byte flips, deletions, duplications, splices and insertions of the
//! tokens the formats give meaning to). Deterministic (a fixed seed), so a failure
//! reproduces; `HARMONIA_FUZZ_EXECS=N` runs N mutations a target instead (the long runs of
//! docs/fuzzing.md use libFuzzer through `scripts/fuzz.sh`).

#[path = "../fuzz/targets.rs"]
mod targets;

#[path = "../fuzz/mutate.rs"]
mod mutate;

use std::path::Path;

/// Mutations a target in the CI run (debug build: a few seconds a target).
const DEFAULT_EXECS: usize = 400;

fn execs(target: &str) -> usize {
    let n = std::env::var("HARMONIA_FUZZ_EXECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_EXECS);
    // A search costs more than a parse.
    if target == "query" {
        n / 2
    } else {
        n
    }
}

fn run(name: &str) {
    let target = targets::TARGETS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, f)| *f)
        .expect("a target");
    let seeds = mutate::seeds(Path::new(env!("CARGO_MANIFEST_DIR")), name);
    assert!(!seeds.is_empty(), "{name} has seeds");
    for seed in &seeds {
        target(seed);
    }
    let mut rng = mutate::Rng::new(0x5eed_0000 + name.len() as u64);
    for i in 0..execs(name) {
        let input = mutate::mutate(&mut rng, &seeds, name);
        let outcome = std::panic::catch_unwind(|| target(&input));
        if outcome.is_err() {
            let path = std::env::temp_dir().join(format!("harmonia-fuzz-{name}-{i}.crash"));
            let _ = std::fs::write(&path, &input);
            panic!(
                "fuzz target {name} panicked on mutation {i}; input saved to {}",
                path.display()
            );
        }
    }
}

#[test]
fn statute_files_never_panic() {
    run("statute");
}

#[test]
fn country_files_never_panic() {
    run("country");
}

#[test]
fn framework_files_never_panic() {
    run("framework");
}

#[test]
fn queries_never_panic() {
    run("query");
}

/// Inputs that once failed a target (found by libFuzzer; docs/fuzzing.md), replayed.
#[test]
fn imports_never_panic() {
    run("import");
}

#[test]
fn regressions_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("fuzz/regressions")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let target = name.split('-').next().unwrap_or_default();
        let Some((_, run)) = targets::TARGETS.iter().find(|(n, _)| *n == target) else {
            continue;
        };
        run(&std::fs::read(&path).expect("read"));
    }
}
