//! Article numbers in a country's own style, for the placeholder number of a proposed
//! article.
//!
//! Legislatures insert new articles between existing ones without renumbering, each in its
//! own way: `art. 153 bis` (Argentina), `Art. 154-A` (Brazil), `Art. 269K` (Colombia),
//! `§ 202e` (Germany), `s. 342.3` (Canada), `s. 3B` (United Kingdom). The style is read from
//! the headings of the country's statutes ([`parse`]); a new article takes the next free
//! number after an anchor article (usually the one implementing a related provision), in
//! the anchor's style or the country's most common one ([`Numbering::propose`]). Without any
//! numbered heading, a per-language default with a `[N]` placeholder is used.

use std::collections::HashSet;
use std::sync::OnceLock;

use regex::Regex;

use crate::corpus::{Corpus, Section, Statute};
use crate::id::CountryCode;

/// Latin ordinal adverbs used for inserted articles, in order.
const LATIN: [&str; 10] = [
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "nonies",
    "decies",
    "undecies",
];

/// The part after an article's number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Suffix {
    /// None (`art. 183`).
    None,
    /// A decimal part, digits as written (`s. 342.1`, `s. 487.012`).
    Decimal(String),
    /// A Latin adverb, optionally numbered (`153 bis`, `277-BIS`, `211 bis 7`).
    Latin {
        /// Index in the list of adverbs.
        word: usize,
        /// Separator before it (` ` or `-`).
        sep: String,
        /// Written in capitals.
        upper: bool,
        /// Number after it, if any.
        n: Option<u32>,
    },
    /// One or two letters (`202a`, `3ZA`, `154-A`, `146 b`).
    Letters {
        /// Separator before them (empty, ` ` or `-`).
        sep: String,
        /// The letters as written.
        letters: String,
    },
}

/// How new numbers are made after a base number.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// `.1`, `.2`, ... or, with a width, `.012`, `.013`, ...
    Decimal {
        /// Digits, zero-padded, when continuing a numbered series (`487.012`).
        width: Option<usize>,
    },
    /// `bis`, `ter`, ... with a separator, in capitals or not.
    Latin {
        /// Separator.
        sep: String,
        /// Capitals.
        upper: bool,
    },
    /// `bis 1`, `bis 2`, ...: a numbered Latin adverb.
    LatinNumbered {
        /// The adverb's index.
        word: usize,
        /// Separator before the adverb.
        sep: String,
        /// Capitals.
        upper: bool,
    },
    /// `a`, `b`, ... or `A`, `B`, ... with a separator.
    Letter {
        /// Separator.
        sep: String,
        /// Capitals.
        upper: bool,
    },
}

impl Suffix {
    /// The style this suffix is written in, if it has one.
    pub fn style(&self) -> Option<Style> {
        match self {
            Suffix::None => None,
            Suffix::Decimal(d) => Some(Style::Decimal {
                width: Some(d.len()),
            }),
            Suffix::Latin {
                word,
                sep,
                upper,
                n: Some(_),
            } => Some(Style::LatinNumbered {
                word: *word,
                sep: sep.clone(),
                upper: *upper,
            }),
            Suffix::Latin { sep, upper, .. } => Some(Style::Latin {
                sep: sep.clone(),
                upper: *upper,
            }),
            Suffix::Letters { sep, letters } => Some(Style::Letter {
                sep: sep.clone(),
                upper: letters.chars().all(|c| c.is_ascii_uppercase()),
            }),
        }
    }

    /// The suffix as written (`" bis"`, `".1"`, `"-A"`).
    pub fn render(&self) -> String {
        match self {
            Suffix::None => String::new(),
            Suffix::Decimal(d) => format!(".{d}"),
            Suffix::Latin {
                word,
                sep,
                upper,
                n,
            } => {
                let w = LATIN[*word];
                let w = if *upper {
                    w.to_ascii_uppercase()
                } else {
                    w.to_string()
                };
                match n {
                    Some(n) => format!("{sep}{w} {n}"),
                    None => format!("{sep}{w}"),
                }
            }
            Suffix::Letters { sep, letters } => format!("{sep}{letters}"),
        }
    }

    /// A comparison key that ignores separators and case (`bis7`, `a`, `.1`).
    fn key(&self) -> String {
        self.render()
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .collect::<String>()
            .to_lowercase()
    }
}

/// An article number found in a heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleRef {
    /// The word or sign before the number, as written (`art.`, `Artículo`, `§`, `s.`).
    pub prefix: String,
    /// The number.
    pub base: u32,
    /// What follows it.
    pub suffix: Suffix,
    /// The text before the prefix in the heading (`Código Penal`), if any: the instrument.
    pub instrument: Option<String>,
    /// How the heading joins the instrument to the number: `, ` (`Código Penal, art. 1`) or
    /// a space (`18 U.S.C. § 1030`).
    pub joiner: String,
}

impl ArticleRef {
    /// `label` cited with the instrument as the heading does (`Código Penal, art. 153 ter`,
    /// `18 U.S.C. § 1030A`), or bare when the heading names no instrument.
    pub fn cite(&self, label: &str) -> Option<String> {
        self.instrument
            .as_ref()
            .map(|i| format!("{i}{}{label}", self.joiner))
    }
}

impl ArticleRef {
    /// The number as written (`art. 153 bis`).
    pub fn label(&self) -> String {
        format!("{} {}{}", self.prefix, self.base, self.suffix.render())
    }
}

fn prefix_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?:^|[\s,;(])(artículo|articulo|article|artigo|art\.|§|section|sec\.|s\.)\s*(\d{1,6})")
            .expect("valid regex")
    })
}

fn suffix_res() -> &'static [Regex; 4] {
    static RE: OnceLock<[Regex; 4]> = OnceLock::new();
    RE.get_or_init(|| {
        [
            Regex::new(r"^\.(\d{1,4})\b").expect("valid regex"),
            Regex::new(r"(?i)^([ -]?)(bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies|undecies)\b(?:[ -](\d{1,3})\b)?").expect("valid regex"),
            Regex::new(r"^(-?)([A-Za-z]{1,2})\b").expect("valid regex"),
            Regex::new(r"^( )([b-df-np-tv-xz])\b").expect("valid regex"),
        ]
    })
}

/// The first article number in `heading`, if any. Plural forms (`arts.`, `§§`, `ss.`) are
/// ranges, not numbers, and are skipped.
pub fn parse(heading: &str) -> Option<ArticleRef> {
    for caps in prefix_re().captures_iter(heading) {
        let (Some(p), Some(num)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        let Ok(base) = num.as_str().parse::<u32>() else {
            continue;
        };
        let rest = &heading[num.end()..];
        let suffix = parse_suffix(rest);
        let before = &heading[..p.start()];
        let instrument = before
            .trim_end_matches(|c: char| c.is_whitespace() || ",;:-–—(".contains(c))
            .trim();
        let joiner = if before[instrument.len().min(before.len())..].contains(',') {
            ", "
        } else {
            " "
        };
        return Some(ArticleRef {
            prefix: p.as_str().to_string(),
            base,
            suffix,
            instrument: (!instrument.is_empty()).then(|| instrument.to_string()),
            joiner: joiner.to_string(),
        });
    }
    None
}

fn parse_suffix(rest: &str) -> Suffix {
    let [decimal, latin, letters, spaced] = suffix_res();
    if let Some(c) = decimal.captures(rest) {
        return Suffix::Decimal(c[1].to_string());
    }
    if let Some(c) = latin.captures(rest) {
        let word = c[2].to_ascii_lowercase();
        if let Some(i) = LATIN.iter().position(|w| *w == word) {
            return Suffix::Latin {
                word: i,
                sep: c[1].to_string(),
                upper: c[2].chars().all(|ch| ch.is_ascii_uppercase()),
                n: c.get(3).and_then(|m| m.as_str().parse().ok()),
            };
        }
    }
    if let Some(c) = letters.captures(rest) {
        return Suffix::Letters {
            sep: c[1].to_string(),
            letters: c[2].to_string(),
        };
    }
    if let Some(c) = spaced.captures(rest) {
        // `146 b`, but not `art. 8 y 9` or `art. 8 a 10` (vowels and `y` are excluded by
        // the pattern) nor a letter followed by a number.
        let after = &rest[c.get(0).map_or(0, |m| m.end())..];
        if !after
            .trim_start()
            .starts_with(|ch: char| ch.is_ascii_digit())
        {
            return Suffix::Letters {
                sep: c[1].to_string(),
                letters: c[2].to_string(),
            };
        }
    }
    Suffix::None
}

/// The article number of a section: from its heading, else from the nearest heading above
/// it that has one (a US subsection `(a)(2)` under `18 U.S.C. § 1030`).
pub fn of_section(section: &Section) -> Option<ArticleRef> {
    parse(&section.heading).or_else(|| section.context.iter().rev().find_map(|h| parse(h)))
}

/// A proposed number for a new article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposed {
    /// The number (`art. 153 ter`, or `Artículo [N]` when none could be derived).
    pub label: String,
    /// The instrument it goes into (`Código Penal`), when known.
    pub instrument: Option<String>,
    /// False when the number is the per-language default with a `[N]` placeholder.
    pub derived: bool,
}

/// A country's numbering: the numbers in use and the most common style.
#[derive(Clone, Debug)]
pub struct Numbering {
    style: Option<Style>,
    prefix: Option<String>,
    lang: String,
    taken: HashSet<(String, u32, String)>,
}

impl Numbering {
    /// Reads every heading of the country's statutes; `lang` picks the defaults.
    pub fn of_country(corpus: &Corpus, code: &CountryCode, lang: &str) -> Numbering {
        let mut refs = Vec::new();
        for st in corpus.statutes_of(code) {
            for s in &st.sections {
                if let Some(r) = parse(&s.heading) {
                    refs.push((st, r));
                }
            }
        }
        Numbering::from_refs(refs, lang)
    }

    fn from_refs(refs: Vec<(&Statute, ArticleRef)>, lang: &str) -> Numbering {
        let mut styles: Vec<(Style, usize)> = Vec::new();
        let mut prefixes: Vec<(String, usize)> = Vec::new();
        let mut taken = HashSet::new();
        for (st, r) in &refs {
            if let Some(style) = r.suffix.style() {
                // A numbered Latin style counts as its plain Latin family for the country.
                let style = match style {
                    Style::LatinNumbered { sep, upper, .. } => Style::Latin { sep, upper },
                    Style::Decimal { .. } => Style::Decimal { width: None },
                    s => s,
                };
                bump(&mut styles, style);
            }
            bump(&mut prefixes, r.prefix.clone());
            taken.insert((instrument_key(st, r), r.base, r.suffix.key()));
        }
        Numbering {
            style: most_common(styles),
            prefix: most_common(prefixes),
            lang: lang.to_string(),
            taken,
        }
    }

    /// A new number after `anchor` (an article of `statute`): the one after the last number
    /// used with that base by a heading of the country or an earlier proposal; without an
    /// anchor, the default with `[N]`.
    pub fn propose(&mut self, anchor: Option<(&Statute, &ArticleRef)>) -> Proposed {
        let Some((statute, anchor)) = anchor else {
            let prefix = self
                .prefix
                .clone()
                .unwrap_or_else(|| default_prefix(&self.lang).to_string());
            return Proposed {
                label: format!("{prefix} [N]"),
                instrument: None,
                derived: false,
            };
        };
        let style = anchor
            .suffix
            .style()
            .or_else(|| self.style.clone())
            .unwrap_or_else(|| default_style(&self.lang));
        let key = instrument_key(statute, anchor);
        let first_n = match &anchor.suffix {
            Suffix::Latin { n: Some(n), .. } => n + 1,
            _ => 1,
        };
        // After the last number in use, never in a gap: a gap is usually a repealed article,
        // whose number is not reused.
        let is_taken = |s: &Suffix| self.taken.contains(&(key.clone(), anchor.base, s.key()));
        let all: Vec<Suffix> = candidates(&style, first_n).collect();
        let after = all.iter().rposition(is_taken).map_or(0, |i| i + 1);
        let suffix = all.get(after).cloned().unwrap_or(Suffix::None);
        self.taken.insert((key, anchor.base, suffix.key()));
        let r = ArticleRef {
            prefix: anchor.prefix.clone(),
            base: anchor.base,
            suffix,
            instrument: anchor.instrument.clone(),
            joiner: anchor.joiner.clone(),
        };
        Proposed {
            label: r.label(),
            instrument: Some(
                anchor
                    .instrument
                    .clone()
                    .unwrap_or_else(|| statute.title.clone()),
            ),
            derived: true,
        }
    }
}

fn instrument_key(st: &Statute, r: &ArticleRef) -> String {
    r.instrument.as_deref().unwrap_or(&st.title).to_lowercase()
}

fn bump<T: PartialEq>(counts: &mut Vec<(T, usize)>, item: T) {
    match counts.iter_mut().find(|(x, _)| *x == item) {
        Some((_, n)) => *n += 1,
        None => counts.push((item, 1)),
    }
}

/// The most frequent item; the first seen wins a tie.
fn most_common<T>(counts: Vec<(T, usize)>) -> Option<T> {
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(t, _)| t)
}

/// The word before an article number when the corpus shows none, per language.
pub fn default_prefix(lang: &str) -> &'static str {
    match lang {
        "es" => "Artículo",
        "pt" => "Art.",
        "fr" => "Article",
        "de" => "§",
        "it" => "Articolo",
        _ => "Section",
    }
}

/// How inserted articles are numbered when the corpus shows no example, per language.
pub fn default_style(lang: &str) -> Style {
    match lang {
        "es" | "fr" | "it" => Style::Latin {
            sep: " ".into(),
            upper: false,
        },
        "pt" => Style::Letter {
            sep: "-".into(),
            upper: true,
        },
        "de" => Style::Letter {
            sep: String::new(),
            upper: false,
        },
        _ => Style::Letter {
            sep: String::new(),
            upper: true,
        },
    }
}

fn candidates(style: &Style, first_n: u32) -> Box<dyn Iterator<Item = Suffix> + '_> {
    match style {
        Style::Decimal { width: None } => {
            Box::new((1..1000).map(|n: u32| Suffix::Decimal(n.to_string())))
        }
        Style::Decimal { width: Some(w) } => {
            let w = (*w).clamp(1, 4);
            Box::new((1..10u32.pow(w as u32)).map(move |n| Suffix::Decimal(format!("{n:0w$}"))))
        }
        Style::Latin { sep, upper } => Box::new((0..LATIN.len()).map(move |word| Suffix::Latin {
            word,
            sep: sep.clone(),
            upper: *upper,
            n: None,
        })),
        Style::LatinNumbered { word, sep, upper } => {
            Box::new((first_n..1000).map(move |n| Suffix::Latin {
                word: *word,
                sep: sep.clone(),
                upper: *upper,
                n: Some(n),
            }))
        }
        Style::Letter { sep, upper } => Box::new((b'a'..=b'z').map(move |c| Suffix::Letters {
            sep: sep.clone(),
            letters: if *upper {
                (c as char).to_ascii_uppercase().to_string()
            } else {
                (c as char).to_string()
            },
        })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Review;
    use crate::corpus::StatuteKind;

    fn statute(title: &str) -> Statute {
        Statute {
            id: "xx-test".into(),
            country: CountryCode::parse("XX").unwrap(),
            title: title.into(),
            language: "es".into(),
            kind: StatuteKind::Code,
            enacted: None,
            in_force: None,
            repealed: None,
            text: None,
            sources: vec![],
            review: Review::Unverified,
            preamble: String::new(),
            sections: vec![],
            file: String::new(),
        }
    }

    /// Proposes a number after the first heading, given all the country's headings.
    fn next(title: &str, headings: &[&str], lang: &str) -> String {
        let st = statute(title);
        let refs: Vec<(&Statute, ArticleRef)> = headings
            .iter()
            .filter_map(|h| parse(h).map(|r| (&st, r)))
            .collect();
        let anchor = refs[0].1.clone();
        let mut n = Numbering::from_refs(refs, lang);
        n.propose(Some((&st, &anchor))).label
    }

    #[test]
    fn headings_give_article_numbers() {
        let r = parse("Código Penal, art. 153 bis - Acceso ilegítimo").unwrap();
        assert_eq!(r.label(), "art. 153 bis");
        assert_eq!(r.instrument.as_deref(), Some("Código Penal"));
        assert_eq!(
            parse("Art. 269A - Acceso abusivo").unwrap().label(),
            "Art. 269A"
        );
        assert_eq!(
            parse("§ 202a Ausspähen von Daten").unwrap().label(),
            "§ 202a"
        );
        assert_eq!(
            parse("s. 342.1 Unauthorized use of computer")
                .unwrap()
                .label(),
            "s. 342.1"
        );
        assert_eq!(
            parse("Código Penal, art. 154-A, § 1º").unwrap().label(),
            "art. 154-A"
        );
        assert_eq!(
            parse("Código Penal, art. 277-BIS - Contacto")
                .unwrap()
                .label(),
            "art. 277-BIS"
        );
        assert_eq!(
            parse("Art. 211 bis 1, párr. 2 - Conocer").unwrap().label(),
            "Art. 211 bis 1"
        );
        assert_eq!(
            parse("Código Penal, art. 146 b - Acceso indebido")
                .unwrap()
                .label(),
            "art. 146 b"
        );
        assert_eq!(parse("s. 3ZA Unauthorised acts").unwrap().label(), "s. 3ZA");
        let us = parse("18 U.S.C. § 1030 - Fraud and related activity").unwrap();
        assert_eq!(
            (us.label().as_str(), us.instrument.as_deref()),
            ("§ 1030", Some("18 U.S.C."))
        );
        // Not suffixes: words, ranges, paragraph marks.
        assert_eq!(
            parse("Art. 14 - Territorialidad").unwrap().label(),
            "Art. 14"
        );
        assert_eq!(
            parse("Código Penal, art. 8 a 10").unwrap().label(),
            "art. 8"
        );
        assert_eq!(
            parse("Código Penal, art. 5º - Territorialidade")
                .unwrap()
                .label(),
            "art. 5"
        );
        assert_eq!(parse("§ 1 Anwendungsbereich").unwrap().label(), "§ 1");
        assert_eq!(
            parse("§ 269 Fälschung beweiserheblicher Daten")
                .unwrap()
                .label(),
            "§ 269"
        );
        assert_eq!(parse("s. 3 Unauthorised acts").unwrap().label(), "s. 3");
        // Plural forms are ranges.
        assert_eq!(parse("§§ 2-3 Auslieferung"), None);
        assert_eq!(parse("Código Penal, arts. 42 a 44"), None);
        assert_eq!(parse("ss. 13-15 Requests"), None);
        assert_eq!(parse("(a)(2) Accessing a computer"), None);
    }

    #[test]
    fn new_numbers_follow_the_country_style() {
        assert_eq!(
            next(
                "Código Penal",
                &["Código Penal, art. 153 bis", "Código Penal, art. 183"],
                "es"
            ),
            "art. 153 ter"
        );
        assert_eq!(
            next(
                "Código Penal",
                &["Art. 269A", "Art. 269B", "Art. 269J"],
                "es"
            ),
            "Art. 269K"
        );
        assert_eq!(
            next(
                "Código Penal",
                &["Código Penal, art. 154-A", "Código Penal, art. 154-B"],
                "pt"
            ),
            "art. 154-C"
        );
        assert_eq!(
            next("StGB", &["§ 202a", "§ 202b", "§ 202c", "§ 202d"], "de"),
            "§ 202e"
        );
        assert_eq!(
            next(
                "Criminal Code",
                &["s. 342.1 Unauthorized use", "s. 342.2 Possession"],
                "en"
            ),
            "s. 342.3"
        );
        assert_eq!(
            next(
                "CMA 1990",
                &[
                    "s. 3A Making articles",
                    "s. 3ZA Serious damage",
                    "s. 3 Acts"
                ],
                "en"
            ),
            "s. 3B"
        );
        assert_eq!(
            next(
                "CPF",
                &["Art. 211 bis 7 - Agravante", "Art. 211 bis 1"],
                "es"
            ),
            "Art. 211 bis 8"
        );
        assert_eq!(
            next("Código Penal", &["Código Penal, art. 277-BIS"], "es"),
            "art. 277-TER"
        );
        // An anchor without a suffix takes the country's style.
        assert_eq!(
            next(
                "Código Penal",
                &["Código Penal, art. 183", "Código Penal, art. 153 bis"],
                "es"
            ),
            "art. 183 bis"
        );
        // No suffix anywhere: the language's default style.
        assert_eq!(next("Ley", &["Art. 5 - Objeto"], "es"), "Art. 5 bis");
        assert_eq!(next("Lei", &["Art. 5"], "pt"), "Art. 5-A");
        assert_eq!(next("Act", &["section 3 Offence"], "en"), "section 3A");
    }

    #[test]
    fn proposals_do_not_repeat() {
        let st = statute("Código Penal");
        let a = parse("Código Penal, art. 153 bis").unwrap();
        let mut n = Numbering::from_refs(vec![(&st, a.clone())], "es");
        assert_eq!(n.propose(Some((&st, &a))).label, "art. 153 ter");
        assert_eq!(n.propose(Some((&st, &a))).label, "art. 153 quater");
    }

    #[test]
    fn without_headings_a_default_placeholder_is_used() {
        for (lang, label) in [
            ("es", "Artículo [N]"),
            ("pt", "Art. [N]"),
            ("fr", "Article [N]"),
            ("en", "Section [N]"),
            ("de", "§ [N]"),
        ] {
            let mut n = Numbering::from_refs(vec![], lang);
            let p = n.propose(None);
            assert_eq!((p.label.as_str(), p.derived), (label, false));
        }
    }
}
