//! Reading a query string before it is searched: its size limits, elisions, whether it is a
//! natural-language query (words only) or uses the query syntax (quotes, `AND`/`OR`/`NOT`,
//! `+`/`-`, groups, boosts), its field filters, stop words, and the minimum-should-match rule.
//!
//! - **Limits**: a query holds at most [`MAX_QUERY_CHARS`] characters and [`MAX_WORDS`]
//!   words; a longer one is refused with a message (the work a query causes grows with its
//!   words, each of which is looked up in every language field, the term table and the
//!   provisions' concept texts).
//! - **Elisions** (`l'`, `d'`, `qu'`, `dell'`, ...) are cut from the front of words outside
//!   double quotes, with either apostrophe (`'`, `’`): `l'accès` is `accès`. Other
//!   apostrophes inside a word split it (`O'Brien` is `O Brien`), so a single quote never
//!   opens a phrase by accident.
//! - **Natural language**: a query of words only (field filters such as `country:ar`
//!   allowed) is matched word by word: stop words are dropped ([`is_stop_word`]), each
//!   remaining word (or run of words the term table names as one term) is a *concept*, and
//!   a section must hold more than half of the concepts (all of them for one or two), see
//!   [`minimum_should_match`]. Field filters must all hold.
//! - Anything else goes to the query parser unchanged (apart from elisions): quotes,
//!   operators and groups keep their exact meaning.

use super::query::QUERY_FIELDS;
use crate::error::Error;

/// Longest query, in characters.
pub const MAX_QUERY_CHARS: usize = 1_000;

/// Most words (and operators) in a query.
pub const MAX_WORDS: usize = 32;

/// Elisions cut from the front of a word (French, Italian, Catalan), lower case, without the
/// apostrophe.
const ELISIONS: [&str; 27] = [
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    "quelqu", "dell", "all", "dall", "nell", "sull", "coll", "pell", "un", "quell", "bell", "sant",
    "tutt",
];

/// Function words of es, pt, en, fr and de (articles, prepositions, conjunctions, pronouns)
/// dropped from natural-language queries. Kept short on purpose: words that carry legal
/// meaning (`sin`, `without`, `contra`, `ohne`, `nicht`) stay.
const STOP_WORDS: &[&str] = &[
    // es
    "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "de", "del", "al", "a", "en", "y",
    "e", "o", "u", "que", "por", "para", "con", "se", "su", "sus", "como", "es", "son",
    // pt
    "o", "os", "as", "um", "uma", "do", "da", "dos", "das", "no", "na", "nos", "nas", "ao", "aos",
    "pelo", "pela", "pelos", "pelas", "em", "com", "ou", // en
    "the", "an", "of", "to", "in", "on", "at", "by", "for", "and", "or", "with", "from", "is",
    "are", "be", "its", "into", "as", // fr
    "le", "les", "des", "du", "et", "au", "aux", "par", "pour", "dans", "sur", "est", "une",
    // de
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
    "und", "oder", "von", "vom", "zu", "zum", "zur", "im", "in", "an", "am", "auf", "mit", "bei",
    "für", "fur", "aus",
];

/// True for a function word of one of the five languages (lower case or not).
pub fn is_stop_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    STOP_WORDS.contains(&lower.as_str())
}

/// How many of `n` concepts a section must hold: all of one or two, more than half of more
/// (2 of 3, 3 of 4, 3 of 5, 4 of 6, ...).
pub fn minimum_should_match(n: usize) -> usize {
    if n <= 2 {
        n
    } else {
        n / 2 + 1
    }
}

/// A query string read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Plan {
    /// Words only: concepts matched with the minimum-should-match rule.
    Natural(Natural),
    /// Query syntax: the string (elisions cut) for the query parser.
    Syntax(String),
}

/// A natural-language query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Natural {
    /// The words in order, elisions cut, stop words included (the term table names some
    /// phrases with them, `Ausspähen von Daten`).
    pub words: Vec<String>,
    /// For each word, whether it is a stop word that does not count as a concept.
    pub stop: Vec<bool>,
    /// `field:value` filters, as written, each for the query parser.
    pub filters: Vec<String>,
}

/// Reads `query`: checks its limits, cuts elisions, and tells natural-language queries from
/// query syntax.
pub fn plan(query: &str) -> Result<Plan, Error> {
    let chars = query.chars().count();
    if chars > MAX_QUERY_CHARS {
        return Err(Error::Usage(format!(
            "the query is {chars} characters long; harmonia reads queries of at most {MAX_QUERY_CHARS}\n  hint: \
             keep the words that name what you look for; filters such as --country go in options"
        )));
    }
    let query = query.replace(['\u{2019}', '\u{2018}'], "'");
    // Tokens, keeping double-quoted phrases whole.
    let mut tokens: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in query.chars() {
        if c == '"' {
            quoted = !quoted;
            current.push(c);
        } else if c.is_whitespace() && !quoted {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    if tokens.len() > MAX_WORDS {
        return Err(Error::Usage(format!(
            "the query has {} words; harmonia reads queries of at most {MAX_WORDS}\n  hint: keep the words that \
             name what you look for",
            tokens.len()
        )));
    }
    for t in &tokens {
        if let Some((field, "*")) = t.split_once(':') {
            return Err(Error::Usage(format!(
                "`{t}` asks for every section with a `{field}`; search cannot list sections by the presence of a field\n  \
                 hint: leave the query out to list the sections the filters select (e.g. `harmonia search --country ar`), \
                 or search for a word in the field (`{field}:acceso`)"
            )));
        }
    }
    let tokens: Vec<String> = tokens.iter().map(|t| cut_elisions(t)).collect();
    let syntax = tokens.iter().any(|t| is_syntax(t));
    if syntax {
        return Ok(Plan::Syntax(tokens.join(" ")));
    }
    let mut natural = Natural::default();
    for t in tokens {
        if is_filter(&t) {
            natural.filters.push(t);
            continue;
        }
        // A word with inner apostrophes or other punctuation the parser reads (`:`) is split.
        // Punctuation alone (`§`, `-`) is no concept: it would only make sections fail the rule.
        for w in t
            .split(|c: char| c == '\'' || c == ':' || c.is_whitespace())
            .filter(|w| w.chars().any(char::is_alphanumeric))
        {
            natural.stop.push(is_stop_word(w));
            natural.words.push(w.to_string());
        }
    }
    // Stop words only: they are what is asked for.
    if natural.stop.iter().all(|s| *s) {
        natural.stop.iter_mut().for_each(|s| *s = false);
    }
    if natural.words.is_empty() && natural.filters.is_empty() {
        return Ok(Plan::Syntax(String::new()));
    }
    Ok(Plan::Natural(natural))
}

/// Cuts elisions from the front of a token outside double quotes, and turns apostrophes
/// inside words into spaces so that the parser never reads them as a single-quoted phrase.
fn cut_elisions(token: &str) -> String {
    if token.contains('"') {
        return token.to_string();
    }
    let (sigil, rest) = match token.chars().next() {
        Some(c @ ('+' | '-' | '(')) => (c.to_string(), &token[c.len_utf8()..]),
        _ => (String::new(), token),
    };
    let (field, word) = match rest.split_once(':') {
        Some((f, w)) if QUERY_FIELDS.contains(&f) => (format!("{f}:"), w),
        _ => (String::new(), rest),
    };
    let mut word = word;
    loop {
        let lower = word.to_lowercase();
        let Some((head, tail)) = lower.split_once('\'') else {
            break;
        };
        if ELISIONS.contains(&head) && tail.chars().next().is_some_and(char::is_alphanumeric) {
            word = &word[head.len() + 1..];
        } else {
            break;
        }
    }
    let word = word.replace('\'', " ");
    let word = word.trim();
    if word.is_empty() {
        return String::new();
    }
    format!("{sigil}{field}{word}")
}

/// True for a token of the query syntax (a phrase, an operator, a group, a boost, a range).
fn is_syntax(token: &str) -> bool {
    matches!(token, "AND" | "OR" | "NOT" | "&&" | "||")
        || token.starts_with(['+', '-', '!'])
        || token.contains(['"', '(', ')', '^', '[', ']', '{', '}', '\\', '*', '`'])
        || (token.contains(':') && !is_filter(token))
}

/// True for `field:value` with a field of [`QUERY_FIELDS`] and a plain value.
fn is_filter(token: &str) -> bool {
    token
        .split_once(':')
        .is_some_and(|(f, v)| QUERY_FIELDS.contains(&f) && !v.is_empty() && !v.contains(':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn natural(q: &str) -> Natural {
        match plan(q).unwrap() {
            Plan::Natural(n) => n,
            other => panic!("{q}: {other:?}"),
        }
    }

    #[test]
    fn elisions_are_cut_in_every_form() {
        assert_eq!(natural("l'accès").words, ["accès"]);
        assert_eq!(natural("L’accès frauduleux").words, ["accès", "frauduleux"]);
        assert_eq!(natural("d'un système").words, ["un", "système"]);
        assert_eq!(natural("qu'il").words, ["il"]);
        assert_eq!(natural("dell'accesso").words, ["accesso"]);
        assert_eq!(natural("jusqu'à").words, ["à"]);
        assert_eq!(natural("O'Brien").words, ["O", "Brien"]);
        assert_eq!(natural("§ 202a").words, ["202a"]);
        // Operators keep their meaning; elisions are cut inside them too.
        assert_eq!(
            plan("l'accès -d'office").unwrap(),
            Plan::Syntax("accès -office".into())
        );
        assert_eq!(
            plan("\"l'accès frauduleux\"").unwrap(),
            Plan::Syntax("\"l'accès frauduleux\"".into())
        );
        assert_eq!(
            plan("heading:l'accès OR x").unwrap(),
            Plan::Syntax("heading:accès OR x".into())
        );
    }

    #[test]
    fn stop_words_do_not_count_as_concepts() {
        let n = natural("Ausspähen von Daten");
        assert_eq!(n.words, ["Ausspähen", "von", "Daten"]);
        assert_eq!(n.stop, [false, true, false]);
        let n = natural("acceso a un sistema informático");
        assert_eq!(n.stop, [false, true, true, false, false]);
        // Only stop words: they count.
        assert_eq!(natural("de la").stop, [false, false]);
        for w in ["sin", "without", "ohne", "contra", "nicht", "Daten", "data"] {
            assert!(!is_stop_word(w), "{w}");
        }
        for w in ["von", "The", "de", "du", "und", "dos"] {
            assert!(is_stop_word(w), "{w}");
        }
    }

    #[test]
    fn syntax_and_filters_are_told_apart() {
        for q in [
            "\"acceso ilícito\"",
            "fraude OR estelionato",
            "datos NOT interceptación",
            "datos -interceptación",
            "+datos interceptación",
            "(daño OR sabotaje) datos",
            "acceso^3 sistema",
            "unknown:field",
        ] {
            assert!(matches!(plan(q).unwrap(), Plan::Syntax(_)), "{q}");
        }
        let n = natural("country:ar acceso ilícito");
        assert_eq!(n.filters, ["country:ar"]);
        assert_eq!(n.words, ["acceso", "ilícito"]);
    }

    #[test]
    fn the_rule_wants_most_concepts() {
        let rule: Vec<usize> = (1..=8).map(minimum_should_match).collect();
        assert_eq!(rule, [1, 2, 2, 3, 3, 4, 4, 5]);
    }

    #[test]
    fn long_queries_and_field_presence_are_refused() {
        let long = "acceso ".repeat(20_000);
        let Err(Error::Usage(m)) = plan(&long) else {
            panic!()
        };
        assert!(m.contains("at most 1000"), "{m}");
        let many = "a ".repeat(40);
        assert!(matches!(plan(&many), Err(Error::Usage(_))));
        let Err(Error::Usage(m)) = plan("heading:*") else {
            panic!()
        };
        assert!(m.contains("presence of a field"), "{m}");
        assert!(!m.contains("fast"), "{m}");
    }
}
