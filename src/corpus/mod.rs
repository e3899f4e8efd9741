//! The corpus: model frameworks and national statutes, read from Markdown and YAML as
//! FORMAT.md describes, validated, and held as typed values ([`model`]).
//!
//! Reading goes source ([`source`]: built in or a folder) → Markdown split ([`markdown`]) →
//! guarded YAML ([`yaml`], [`raw`]) → validation and id resolution ([`load`]).

pub mod load;
pub mod markdown;
pub mod model;
pub mod raw;
pub mod source;
pub mod yaml;

use chrono::NaiveDate;

pub use load::{load, Loaded};
pub use model::*;
pub use source::CorpusSource;

use crate::id::CountryCode;

/// A validated corpus.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    /// The model frameworks, sorted by folder name.
    pub frameworks: Vec<Framework>,
    /// The countries, sorted by code.
    pub countries: Vec<Country>,
    /// The statutes, in file order.
    pub statutes: Vec<Statute>,
    /// Where the corpus was read from, for people.
    pub origin: String,
    /// Coverage computed once per country, framework and date ([`crate::gap::cache`]).
    pub coverage_cache: crate::gap::cache::CoverageCache,
}

impl Corpus {
    /// The framework with this id.
    pub fn framework(&self, id: &str) -> Option<&Framework> {
        self.frameworks
            .iter()
            .find(|f| f.id.eq_ignore_ascii_case(id))
    }

    /// The country with this code.
    pub fn country(&self, code: &CountryCode) -> Option<&Country> {
        self.countries.iter().find(|c| &c.code == code)
    }

    /// The statutes of one country.
    pub fn statutes_of<'a>(
        &'a self,
        code: &'a CountryCode,
    ) -> impl Iterator<Item = &'a Statute> + 'a {
        self.statutes.iter().filter(move |s| &s.country == code)
    }

    /// The statute with this id.
    pub fn statute(&self, id: &str) -> Option<&Statute> {
        self.statutes.iter().find(|s| s.id == id)
    }

    /// Every section of every statute, with its statute.
    pub fn sections(&self) -> impl Iterator<Item = (&Statute, &Section)> {
        self.statutes
            .iter()
            .flat_map(|st| st.sections.iter().map(move |s| (st, s)))
    }

    /// The sections of one country in force on `date`.
    pub fn active_sections<'a>(
        &'a self,
        code: &'a CountryCode,
        date: NaiveDate,
    ) -> impl Iterator<Item = (&'a Statute, &'a Section)> + 'a {
        self.statutes_of(code).flat_map(move |st| {
            st.sections
                .iter()
                .filter(move |s| s.in_force_on(st, date))
                .map(move |s| (st, s))
        })
    }

    /// The regions named by the countries, sorted, without repeats.
    pub fn regions(&self) -> Vec<&str> {
        let mut r: Vec<&str> = self
            .countries
            .iter()
            .filter_map(|c| c.region.as_deref())
            .collect();
        r.sort_unstable();
        r.dedup();
        r
    }

    /// Every date on which some section of `code` starts or stops being in force (the day
    /// after a repeal), sorted, without repeats.
    pub fn change_dates(&self, code: &CountryCode) -> Vec<NaiveDate> {
        let mut dates = Vec::new();
        for st in self.statutes_of(code) {
            for s in &st.sections {
                if s.mapping.is_none() {
                    continue;
                }
                if let Some(d) = s.start(st) {
                    dates.push(d);
                }
                if let Some(d) = s.end(st).and_then(|d| d.succ_opt()) {
                    dates.push(d);
                }
            }
        }
        dates.sort_unstable();
        dates.dedup();
        dates
    }
}
