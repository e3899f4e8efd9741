//! Coverage computed once per country, framework and date, for the commands that need a
//! country's coverage many times: a penalty table per offence (`penalties`, `report`) and the
//! peers' penalties behind every drafting proposal (`draft`). Without it those commands
//! computed a country's whole coverage once per provision, quadratic in the framework's size
//! (a 1,000-provision framework took 20 to 80 s; see docs/benchmarks.md).
//!
//! The cache lives in the [`Corpus`] it describes (a clone starts empty), and entries are
//! checked against a fingerprint of the corpus (how many frameworks, countries, statutes and
//! sections, and where they are in memory), so a corpus changed after a lookup is computed
//! afresh rather than answered from stale entries.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;

use super::{coverage, CountryCoverage, Coverage};
use crate::corpus::{Corpus, Country, Framework};
use crate::id::ProvisionId;

/// A country's coverage with an index by provision.
#[derive(Debug)]
pub struct Indexed {
    /// The coverage.
    pub coverage: CountryCoverage,
    by_provision: HashMap<ProvisionId, usize>,
}

impl Indexed {
    /// The coverage of one provision, in constant time.
    pub fn provision(&self, id: &ProvisionId) -> Option<&Coverage> {
        self.by_provision
            .get(id)
            .map(|&i| &self.coverage.provisions[i])
    }
}

type Key = (String, String, NaiveDate);

/// The cache held by a [`Corpus`].
#[derive(Debug, Default)]
pub struct CoverageCache {
    entries: Mutex<(u64, HashMap<Key, Arc<Indexed>>)>,
}

impl Clone for CoverageCache {
    fn clone(&self) -> CoverageCache {
        CoverageCache::default()
    }
}

fn fingerprint(corpus: &Corpus) -> u64 {
    let sections: usize = corpus.statutes.iter().map(|s| s.sections.len()).sum();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    std::hash::Hash::hash(
        &(
            corpus.frameworks.len(),
            corpus.countries.len(),
            corpus.statutes.len(),
            sections,
            corpus.frameworks.as_ptr() as usize,
            corpus.countries.as_ptr() as usize,
            corpus.statutes.as_ptr() as usize,
        ),
        &mut h,
    );
    std::hash::Hasher::finish(&h)
}

/// `country`'s coverage of `framework` on `date`, computed at most once per corpus.
pub fn cached_coverage(
    corpus: &Corpus,
    framework: &Framework,
    country: &Country,
    date: NaiveDate,
) -> Arc<Indexed> {
    let key = (framework.id.to_string(), country.code.to_string(), date);
    let print = fingerprint(corpus);
    if let Ok(mut guard) = corpus.coverage_cache.entries.lock() {
        if guard.0 != print {
            *guard = (print, HashMap::new());
        }
        if let Some(hit) = guard.1.get(&key) {
            return Arc::clone(hit);
        }
    }
    let coverage = coverage(corpus, framework, country, date);
    let by_provision = coverage
        .provisions
        .iter()
        .enumerate()
        .map(|(i, c)| (c.provision.clone(), i))
        .collect();
    let entry = Arc::new(Indexed {
        coverage,
        by_provision,
    });
    if let Ok(mut guard) = corpus.coverage_cache.entries.lock() {
        guard.1.insert(key, Arc::clone(&entry));
    }
    entry
}
