//! Identifiers of the corpus, parsed and printed in one place.
//!
//! A provision id (`bc-2`, `bc-1a`) names a model provision and starts with its framework id;
//! a section id (`ar-ley-26388#cp-153-bis`) names one section of one statute; a country code
//! (`AR`) is an ISO 3166-1 alpha-2 code, printed upper case and stored as folder names in lower
//! case. Keeping these as types means a loose string can never be passed where an id is meant.

use std::fmt;

use serde::{Serialize, Serializer};

/// Id of a model provision: `<framework>-<article>[<letter>]`, lower case (`bc-2`, `bc-1a`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProvisionId(String);

impl ProvisionId {
    /// Parses a provision id, lower-casing it. Returns a message for the user when the text
    /// is not of the form `<framework>-<rest>` made of letters, digits and `-`.
    pub fn parse(text: &str) -> Result<ProvisionId, String> {
        let text = text.trim().to_ascii_lowercase();
        let valid = !text.is_empty()
            && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && text.contains('-')
            && !text.starts_with('-')
            && !text.ends_with('-');
        if valid {
            Ok(ProvisionId(text))
        } else {
            Err(format!(
                "`{text}` is not a provision id (expected `<framework>-<article>`, e.g. `bc-2`)"
            ))
        }
    }

    /// The framework id this provision belongs to: the part before the first `-`.
    pub fn framework(&self) -> &str {
        self.0.split('-').next().unwrap_or_default()
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ProvisionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for ProvisionId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// ISO 3166-1 alpha-2 country code, kept upper case (`AR`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode(String);

impl CountryCode {
    /// Parses a two-letter code in either case.
    pub fn parse(text: &str) -> Result<CountryCode, String> {
        let t = text.trim();
        if t.len() == 2 && t.chars().all(|c| c.is_ascii_alphabetic()) {
            Ok(CountryCode(t.to_ascii_uppercase()))
        } else {
            Err(format!(
                "`{t}` is not a country code (expected two letters, ISO 3166-1 alpha-2, e.g. `AR`)"
            ))
        }
    }

    /// The code upper case (`AR`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code lower case, as used for folder names and statute id prefixes (`ar`).
    pub fn lower(&self) -> String {
        self.0.to_ascii_lowercase()
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Full id of a section: `<statute id>#<section id>`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SectionId {
    statute: String,
    local: String,
}

impl SectionId {
    /// Builds the id of section `local` of statute `statute`.
    pub fn new(statute: &str, local: &str) -> SectionId {
        SectionId {
            statute: statute.to_string(),
            local: local.to_string(),
        }
    }

    /// Parses `<statute>#<section>`.
    pub fn parse(text: &str) -> Result<SectionId, String> {
        match text.split_once('#') {
            Some((s, l)) if !s.is_empty() && !l.is_empty() => Ok(SectionId::new(s, l)),
            _ => Err(format!(
                "`{text}` is not a section id (expected `<statute id>#<section id>`)"
            )),
        }
    }

    /// The statute part.
    pub fn statute(&self) -> &str {
        &self.statute
    }

    /// The section part, unique within its statute.
    pub fn local(&self) -> &str {
        &self.local
    }
}

impl fmt::Display for SectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.statute, self.local)
    }
}

impl Serialize for SectionId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// `c` without its diacritic when it is a Latin letter with one (`é` -> `e`, `ñ` -> `n`,
/// `ß` -> `s`), else `c` itself.
pub fn fold_to_ascii(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' | 'ć' | 'č' => 'c',
        'ñ' | 'ń' | 'ň' => 'n',
        'ß' | 'ś' | 'š' | 'ş' => 's',
        'ł' => 'l',
        'ż' | 'ź' | 'ž' => 'z',
        'ę' | 'ě' => 'e',
        'ą' | 'å' => 'a',
        'ø' | 'ő' => 'o',
        'ř' => 'r',
        'ý' => 'y',
        'ű' | 'ů' => 'u',
        c => c,
    }
}

/// An ASCII id part: lower case, Latin letters without diacritics, every run of other
/// characters one `-` (`Artículo 5 quáter` -> `articulo-5-quater`). Unlike [`slug`], letters
/// outside ASCII are dropped, not kept, and an empty result stays empty.
pub fn ascii_slug(text: &str) -> String {
    let folded: String = text
        .chars()
        .flat_map(char::to_lowercase)
        .map(fold_to_ascii)
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join("-")
}

/// Makes a heading's text into a section id the way most Markdown tools do: lower case,
/// letters and digits kept (accented letters too), every other run of characters one `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("section");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provision_ids_know_their_framework() {
        let id = ProvisionId::parse("BC-1a").unwrap();
        assert_eq!(id.as_str(), "bc-1a");
        assert_eq!(id.framework(), "bc");
        assert!(ProvisionId::parse("bc").is_err());
        assert!(ProvisionId::parse("bc-2!").is_err());
        assert!(ProvisionId::parse("-2").is_err());
    }

    #[test]
    fn country_codes_are_upper_case() {
        assert_eq!(CountryCode::parse("ar").unwrap().as_str(), "AR");
        assert_eq!(CountryCode::parse("AR").unwrap().lower(), "ar");
        assert!(CountryCode::parse("ARG").is_err());
        assert!(CountryCode::parse("a1").is_err());
    }

    #[test]
    fn section_ids_round_trip() {
        let id = SectionId::parse("ar-ley-26388#cp-153-bis").unwrap();
        assert_eq!(id.statute(), "ar-ley-26388");
        assert_eq!(id.local(), "cp-153-bis");
        assert_eq!(id.to_string(), "ar-ley-26388#cp-153-bis");
        assert!(SectionId::parse("no-hash").is_err());
        assert!(SectionId::parse("#x").is_err());
    }

    #[test]
    fn ascii_slugs_drop_diacritics_and_stay_empty_when_nothing_is_left() {
        assert_eq!(ascii_slug("Artículo 5 quáter"), "articulo-5-quater");
        assert_eq!(ascii_slug("  153 BIS.- "), "153-bis");
        assert_eq!(ascii_slug("§ 202a Straße"), "202a-strase");
        assert_eq!(ascii_slug("***"), "");
    }

    #[test]
    fn slugs_keep_letters_and_fold_the_rest() {
        assert_eq!(
            slug("Código Penal, art. 153 bis"),
            "código-penal-art-153-bis"
        );
        assert_eq!(slug("  §202a StGB  "), "202a-stgb");
        assert_eq!(slug("***"), "section");
    }
}
