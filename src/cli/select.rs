//! Arguments shared by the gap commands (`gaps`, `matrix`, `compare`, `penalties`,
//! `history`), parsed once into typed values: which framework, on which date, which
//! countries, areas and provisions. A name that does not exist is a usage error (exit 2)
//! naming the bad value and the closest known one.

use chrono::NaiveDate;

use crate::corpus::{self, Corpus, Country, Framework, Provision};
use crate::diagnostic::closest;
use crate::error::{Error, Result};
use crate::id::CountryCode;

/// The framework used when `--framework` is not given.
pub const DEFAULT_FRAMEWORK: &str = "bc";

/// `--framework ID` and `--as-of DATE`.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct ScopeArgs {
    /// Framework to measure against [default: bc].
    #[arg(long, value_name = "ID")]
    pub framework: Option<String>,
    /// Date the law is read at, YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
}

impl ScopeArgs {
    /// The framework named by `--framework` (else `fallback`, else `bc`).
    pub fn framework<'a>(
        &self,
        corpus: &'a Corpus,
        fallback: Option<&str>,
    ) -> Result<&'a Framework> {
        let id = self
            .framework
            .as_deref()
            .or(fallback)
            .unwrap_or(DEFAULT_FRAMEWORK);
        corpus.framework(id).ok_or_else(|| {
            unknown(
                "framework",
                id,
                corpus.frameworks.iter().map(|f| f.id.as_str()),
            )
        })
    }

    /// The date named by `--as-of`, else today.
    pub fn as_of(&self) -> Result<NaiveDate> {
        match &self.as_of {
            Some(text) => {
                corpus::parse_date(text).map_err(|e| Error::Usage(format!("--as-of: {e}")))
            }
            None => Ok(chrono::Local::now().date_naive()),
        }
    }
}

/// `--countries CC,..` or `--region R`; all the corpus' countries when neither is given.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct CountriesArgs {
    /// Only these countries: comma-separated codes (or names), in the order given.
    #[arg(
        long,
        value_name = "CC,..",
        value_delimiter = ',',
        conflicts_with = "region"
    )]
    pub countries: Vec<String>,
    /// Only the countries of this region (as written in country.yaml, e.g. `Americas`).
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
}

impl CountriesArgs {
    /// The countries selected, in the order given (else the corpus' order, by code).
    pub fn select<'a>(&self, corpus: &'a Corpus) -> Result<Vec<&'a Country>> {
        if let Some(region) = &self.region {
            let found = self::region(corpus, region)?;
            return Ok(corpus
                .countries
                .iter()
                .filter(|c| c.region.as_deref() == Some(found))
                .collect());
        }
        if self.countries.is_empty() {
            return Ok(corpus.countries.iter().collect());
        }
        let mut out: Vec<&Country> = Vec::new();
        for text in self.countries.iter().filter(|t| !t.trim().is_empty()) {
            let c = country(corpus, text)?;
            if !out.iter().any(|x| x.code == c.code) {
                out.push(c);
            }
        }
        if out.is_empty() {
            return Err(Error::Usage(
                "--countries names no country (expected codes such as `AR,CL`)".to_string(),
            ));
        }
        Ok(out)
    }
}

/// The country with this code (or English name, any case).
pub fn country<'a>(corpus: &'a Corpus, text: &str) -> Result<&'a Country> {
    let t = text.trim();
    if let Some(c) = CountryCode::parse(t)
        .ok()
        .and_then(|code| corpus.country(&code))
    {
        return Ok(c);
    }
    if let Some(c) = corpus
        .countries
        .iter()
        .find(|c| c.name.eq_ignore_ascii_case(t))
    {
        return Ok(c);
    }
    let shown = if t.len() == 2 {
        t.to_ascii_uppercase()
    } else {
        t.to_string()
    };
    let candidates: Vec<&str> = corpus
        .countries
        .iter()
        .flat_map(|c| [c.code.as_str(), c.name.as_str()])
        .collect();
    let codes: Vec<&str> = corpus.countries.iter().map(|c| c.code.as_str()).collect();
    Err(message("country", &shown, "", &candidates, &codes))
}

/// The region of the corpus with this name (any case), as written in country.yaml.
pub fn region<'a>(corpus: &'a Corpus, text: &str) -> Result<&'a str> {
    let regions = corpus.regions();
    regions
        .iter()
        .copied()
        .find(|r| r.eq_ignore_ascii_case(text.trim()))
        .ok_or_else(|| unknown("region", text, regions.iter().copied()))
}

/// A language code as statutes write it (ISO 639-1, two letters), lower-cased.
pub fn language(text: &str) -> Result<String> {
    let code = text.trim().to_ascii_lowercase();
    if code.len() == 2 && code.chars().all(|c| c.is_ascii_lowercase()) {
        Ok(code)
    } else {
        Err(Error::Usage(format!(
            "`{}` is not a language code (expected ISO 639-1, e.g. es, pt, en, fr)",
            text.trim()
        )))
    }
}

/// The area of `framework` with this name.
pub fn area<'a>(framework: &'a Framework, text: &str) -> Result<&'a str> {
    framework
        .areas
        .iter()
        .find(|a| a.eq_ignore_ascii_case(text.trim()))
        .map(String::as_str)
        .ok_or_else(|| {
            unknown_in(
                "area",
                text,
                framework,
                framework.areas.iter().map(String::as_str),
            )
        })
}

/// The provision of `framework` with this id.
pub fn provision<'a>(framework: &'a Framework, text: &str) -> Result<&'a Provision> {
    framework.provision_str(text.trim()).ok_or_else(|| {
        unknown_in(
            "provision",
            text,
            framework,
            framework.provisions.iter().map(|p| p.id.as_str()),
        )
    })
}

/// The framework a provision id names (`bc-2` -> `bc`), to default `--framework` from it.
pub fn framework_of_provision(text: &str) -> Option<String> {
    crate::id::ProvisionId::parse(text)
        .ok()
        .map(|id| id.framework().to_string())
}

/// A usage error for an unknown `what` named `wrong`: the closest known one as a hint, and
/// the known ones when they are few.
pub fn unknown<'a>(what: &str, wrong: &str, known: impl IntoIterator<Item = &'a str>) -> Error {
    let known: Vec<&str> = known.into_iter().collect();
    message(what, wrong, "", &known, &known)
}

/// [`unknown`] for something of one framework (an area, a provision).
pub fn unknown_in<'a>(
    what: &str,
    wrong: &str,
    framework: &Framework,
    known: impl IntoIterator<Item = &'a str>,
) -> Error {
    let known: Vec<&str> = known.into_iter().collect();
    let scope = format!(" in framework `{}`", framework.id);
    message(what, wrong, &scope, &known, &known)
}

/// The message of [`unknown`]: the hint is drawn from `candidates`, the list shows `listed`.
fn message(what: &str, wrong: &str, scope: &str, candidates: &[&str], listed: &[&str]) -> Error {
    let mut msg = format!("unknown {what} `{}`{scope}", wrong.trim());
    if let Some(best) = nearest(wrong.trim(), candidates) {
        msg.push_str(&format!("; did you mean `{best}`?"));
    }
    if listed.is_empty() {
        msg.push_str(" (the corpus has none)");
    } else if listed.len() <= 40 {
        msg.push_str(&format!(" (known: {})", listed.join(", ")));
    }
    Error::Usage(msg)
}

/// [`closest`], and for short names (country codes, where Jaro-Winkler says little) a
/// candidate one edit away, preferring one with the same first letter.
fn nearest<'a>(wrong: &str, known: &[&'a str]) -> Option<&'a str> {
    if let Some(best) = closest(wrong, known.iter().copied()) {
        return Some(best);
    }
    let w = wrong.to_lowercase();
    known
        .iter()
        .copied()
        .filter(|k| k.len() <= 3 && strsim::levenshtein(&w, &k.to_lowercase()) == 1)
        .min_by_key(|k| {
            !k.to_lowercase()
                .starts_with(w.chars().next().unwrap_or(' '))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_names_suggest_the_nearest() {
        let e = unknown("country", "AX", ["BR", "AR", "CL"]).to_string();
        assert_eq!(
            e,
            "unknown country `AX`; did you mean `AR`? (known: BR, AR, CL)"
        );
        let e = unknown("framework", "bcc", ["bc"]).to_string();
        assert!(e.contains("did you mean `bc`?"), "{e}");
        let e = unknown("region", "Mars", ["Americas", "Europe"]).to_string();
        assert_eq!(e, "unknown region `Mars` (known: Americas, Europe)");
    }
}
