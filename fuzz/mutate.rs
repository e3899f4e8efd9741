//! Seed corpora and a small deterministic mutator for the stable fuzz smoke run
//! (`tests/fuzz_smoke.rs`). libFuzzer runs (`scripts/fuzz.sh`) use libFuzzer's own
//! mutators, with the same seeds and the tokens of `fuzz/dict/*.dict`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A xorshift generator: fast, deterministic, good enough to pick mutations.
pub struct Rng(u64);

impl Rng {
    /// A generator from a non-zero seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next number.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Tokens the formats give meaning to, inserted by the mutator.
pub const TOKENS: &[&str] = &[
    "---\n",
    "```harmonia\n",
    "```\n",
    "<!--",
    "-->",
    "\n## ",
    "\n# ",
    " {#",
    "}",
    "{",
    "[",
    "]",
    ": ",
    "\n  - ",
    "&a ",
    "*a",
    "<<: *a",
    "!!binary ",
    "~",
    "null",
    "\"",
    "'",
    "\t",
    "provision: ",
    "elements: [",
    "implements:\n  - provision: tf-2\n    elements: [a]\n",
    "penalty:\n  prison: [1 year, 99999999999999999999 years]\n",
    "in_force: -0001-01-01\n",
    "in_force: 9999-12-31\n",
    "repealed: 2000-01-01\n",
    "fine: \"=1+1\"\n",
    "\u{1b}]0;x\u{7}",
    "\u{9b}",
    "\u{202E}",
    "\r\n",
    "\0",
    "\u{feff}",
    "reservations:\n  - provision: tf-2\n",
    "AND ",
    "OR ",
    "NOT ",
    "+",
    "-",
    "\"",
    "(",
    ")",
    "^2",
    "heading:*",
    "country:",
    "*",
    "provision:tf-2 ",
    "~2",
    "[a TO z]",
];

/// The seed inputs of `target`, read from the fixtures under `root` (the crate folder).
pub fn seeds(root: &Path, target: &str) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let fixtures = root.join("tests/fixtures");
    let mut files = Vec::new();
    collect(&fixtures, &mut files);
    files.sort();
    for f in files {
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let in_model = f.components().any(|c| c.as_os_str() == "model-law");
        let wanted = match target {
            "statute" => name.ends_with(".md") && !in_model,
            "country" => name == "country.yaml",
            "framework" => name.ends_with(".md") && in_model,
            "import" => f.components().any(|c| c.as_os_str() == "import"),
            _ => false,
        };
        if wanted {
            if let Ok(bytes) = std::fs::read(&f) {
                out.push(bytes);
            }
        }
    }
    if target == "query" {
        let queries =
            std::fs::read_to_string(root.join("benches/search-queries.txt")).unwrap_or_default();
        out.extend(
            queries
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| l.as_bytes().to_vec()),
        );
        for q in [
            "access",
            "acceso -penal",
            "\"illegal access\"",
            "heading:*",
            "title:(a OR b)",
            "tf-2",
            "a^3 AND NOT b",
            "",
        ] {
            out.push(q.as_bytes().to_vec());
        }
    }
    out
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// One mutation of a seed: one to four edits.
pub fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], target: &str) -> Vec<u8> {
    let mut data = seeds[rng.below(seeds.len())].clone();
    let limit = if target == "query" { 512 } else { 64 * 1024 };
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(data.len() + 1);
        match rng.below(7) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 if !data.is_empty() => {
                let end = (at + 1 + rng.below(64)).min(data.len());
                data.drain(at.min(end)..end);
            }
            2 if !data.is_empty() => {
                let start = rng.below(data.len());
                let end = (start + 1 + rng.below(128)).min(data.len());
                let chunk = data[start..end].to_vec();
                data.splice(at..at, chunk);
            }
            3 => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let start = rng.below(other.len());
                    let end = (start + 1 + rng.below(256)).min(other.len());
                    data.splice(at..at, other[start..end].iter().copied());
                }
            }
            4 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] = [0, 0x7f, 0x80, 0xff, b'\n', b':', b'-', b'#'][rng.below(8)];
            }
            _ => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                data.splice(at..at, token.iter().copied());
            }
        }
    }
    data.truncate(limit);
    data
}
