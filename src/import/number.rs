//! Article numbers: recognising an article heading ("§ 202a", "Art. 153 bis", "Artículo 4°.-",
//! "Art. 154-A", "Section 3", "Article L. 323-1") and deriving the stable section id from
//! its number alone (`p-202a`, `art-153-bis`, `art-4`, `art-154-a`, `s-3`, `art-l-323-1`),
//! so that re-importing a later edition of the same code gives every article the same id.

use std::sync::LazyLock;

use regex::Regex;

use crate::id::ascii_slug;

/// The kind of unit a number belongs to, which gives the id its prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// `§ 202a` (German and Austrian codes): `p-`.
    Paragraph,
    /// `Art.`, `Artículo`, `Artigo`, `Article`, `Artikel`: `art-`.
    Article,
    /// `Section 3`, `s. 3` (common-law acts): `s-`.
    Section,
    /// `Rule 3`: `r-`.
    Rule,
}

impl UnitKind {
    /// The id prefix.
    pub fn prefix(self) -> &'static str {
        match self {
            UnitKind::Paragraph => "p",
            UnitKind::Article => "art",
            UnitKind::Section => "s",
            UnitKind::Rule => "r",
        }
    }
}

/// An article heading split into its parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleHeading {
    /// What kind of unit.
    pub kind: UnitKind,
    /// The label as written, trimmed of trailing punctuation (`§ 202a`, `Artículo 4°`).
    pub label: String,
    /// The number in id form (`202a`, `153-bis`, `154-a`, `l-323-1`).
    pub number: String,
    /// The words after the number (`Ausspähen von Daten`), possibly empty.
    pub rest: String,
}

impl ArticleHeading {
    /// The section id: prefix and number (`p-202a`).
    pub fn id(&self) -> String {
        format!("{}-{}", self.kind.prefix(), self.number)
    }
}

const LATIN: &str = "bis|ter|quater|quinquies|quinquiesdecies|sexies|septies|octies|nonies|novies|decies|undecies|duodecies";

static PARAGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(§§?)\s*(\d+[a-z]?)(?:\s*(?:-|–|bis|und)\s*(\d+[a-z]?))?\b\.?\s*(.*)$")
        .expect("valid regex")
});

static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(art(?:[ií]culo|igo|icle|ikel|\.)?)\s*((?:[lrd]\.?\s*)?\d+(?:[-.]\d+)*[a-z]?)(?:\.?\s*[°º]|\s*o\.)?(?:\s+({LATIN})\b)?(?:[-–]([a-z])\b)?(?:\s*[°º])?\s*[.:\-–)]*\s*(.*)$"
    ))
    .expect("valid regex")
});

static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(section|sec\.|s\.|rule)\s*(\d+[a-z]*(?:\.\d+)?)\b\.?\s*[.:\-–]*\s*(.*)$")
        .expect("valid regex")
});

/// Recognises an article heading; `section_is_article` says whether `Section 3` numbers an
/// article (English) or a division of a code (French `Section 1 : ...`).
pub fn article_heading(text: &str, section_is_article: bool) -> Option<ArticleHeading> {
    let text = text.trim().trim_start_matches(['*', '_']).trim();
    if let Some(c) = PARAGRAPH.captures(text) {
        let mut number = c[2].to_lowercase();
        if let Some(to) = c.get(3) {
            number = format!("{number}-{}", to.as_str().to_lowercase());
        }
        let rest = clean_rest(&c[4]);
        let label_end = c.get(4).map_or(text.len(), |m| m.start());
        return Some(ArticleHeading {
            kind: UnitKind::Paragraph,
            label: clean_label(&text[..label_end]),
            number,
            rest,
        });
    }
    if let Some(c) = ARTICLE.captures(text) {
        // "Art" alone must be followed by a number right away ("Art 5"); "Arte", "Artes" are
        // words, and the regex has already required the number.
        let mut number = ascii_slug(&c[2]);
        // "Artículo 4o." writes the ordinal with a letter o.
        if number.ends_with('o')
            && number[..number.len() - 1].ends_with(|c: char| c.is_ascii_digit())
        {
            number.pop();
        }
        let mut parts = vec![number];
        if let Some(latin) = c.get(3) {
            parts.push(latin.as_str().to_lowercase());
        }
        if let Some(letter) = c.get(4) {
            parts.push(letter.as_str().to_lowercase());
        }
        let rest_start = c.get(5).map_or(text.len(), |m| m.start());
        return Some(ArticleHeading {
            kind: UnitKind::Article,
            label: clean_label(&text[..rest_start]),
            number: parts.join("-"),
            rest: clean_rest(&c[5]),
        });
    }
    if section_is_article {
        if let Some(c) = SECTION.captures(text) {
            let kind = if c[1].eq_ignore_ascii_case("rule") {
                UnitKind::Rule
            } else {
                UnitKind::Section
            };
            let rest_start = c.get(3).map_or(text.len(), |m| m.start());
            return Some(ArticleHeading {
                kind,
                label: clean_label(&text[..rest_start]),
                number: ascii_slug(&c[2]),
                rest: clean_rest(&c[3]),
            });
        }
    }
    None
}

fn clean_label(label: &str) -> String {
    label
        .trim()
        .trim_end_matches(['.', ':', '-', '–', ')', ' '])
        .to_string()
}

fn clean_rest(rest: &str) -> String {
    rest.trim()
        .trim_start_matches(['.', ':', '-', '–', ' '])
        .trim_end_matches(['*', '_'])
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> String {
        article_heading(text, true).map_or_else(|| "-".into(), |a| a.id())
    }

    #[test]
    fn ids_derive_from_numbers() {
        assert_eq!(id("§ 202a Ausspähen von Daten"), "p-202a");
        assert_eq!(id("§202c"), "p-202c");
        assert_eq!(id("§§ 3 - 7 Geltung"), "p-3-7");
        assert_eq!(id("Art. 153 bis"), "art-153-bis");
        assert_eq!(id("Artículo 4°.- El que"), "art-4");
        assert_eq!(id("ARTÍCULO 269A. Acceso abusivo"), "art-269a");
        assert_eq!(id("Art. 154-A. Invadir"), "art-154-a");
        assert_eq!(id("Artigo 2.º"), "art-2");
        assert_eq!(id("Art. 1o. Esta Lei"), "art-1");
        assert_eq!(id("Section 3"), "s-3");
        assert_eq!(id("Section 3ZA Unauthorised acts"), "s-3za");
        assert_eq!(id("Article 323-1"), "art-323-1");
        assert_eq!(id("Article L. 123-4"), "art-l-123-4");
        assert_eq!(id("Artikel 5"), "art-5");
        assert_eq!(id("Art. 5 quinquies"), "art-5-quinquies");
        assert_eq!(id("Artes marciales"), "-");
        assert_eq!(id("Article premier"), "-");
    }

    #[test]
    fn rest_and_label_are_split() {
        let a = article_heading("§ 202a Ausspähen von Daten", false).unwrap();
        assert_eq!(a.label, "§ 202a");
        assert_eq!(a.rest, "Ausspähen von Daten");
        let a = article_heading("Artículo 4°.- Acceso ilícito", false).unwrap();
        assert_eq!(a.label, "Artículo 4°");
        assert_eq!(a.rest, "Acceso ilícito");
        assert!(article_heading("Section 1 : Des atteintes", false).is_none());
    }
}
