//! Reads the prison terms a statute's text states, in Spanish, Portuguese, English, French
//! and German, into months: "prisión de dos a cinco años", "reclusão, de 1 (um) a 4 (quatro)
//! anos", "imprisonment for a term not exceeding two years", "cinq ans d'emprisonnement",
//! "Freiheitsstrafe bis zu drei Jahren", life terms, and the aggravated variants that follow
//! the basic offence ("In besonders schweren Fällen ...", "on conviction on indictment ...").
//!
//! The reader works on words, not on one regular expression per phrasing: it finds the
//! quantities (a number, in digits or words, with a unit), keeps those that stand near a word
//! for imprisonment or a penalty verb and not near a word for a fine, an age or a time
//! limit, joins them into ranges by their
//! connectors ("de ... a", "von ... bis zu", "not less than ... and not more than"), and reads
//! a lone quantity by its marker ("hasta", "not exceeding", "mindestens"; none: a maximum, as
//! in "cinq ans d'emprisonnement"). The first range is the basic penalty; a later one with a
//! higher maximum (or life) is an aggravated variant, with the words before it in its sentence
//! as its trigger; a later lower one is a lesser variant. What the text does not state stays
//! unstated: a minimum-only term ("nicht unter einem Jahr") has no maximum.

use serde::Serialize;

/// A prison range read from text, in months (a day is 1/30 month, a week 7/30, a year 12).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PrisonRange {
    /// The minimum, when the text states one.
    pub min_months: Option<f64>,
    /// The maximum, when the text states one (never for life alone).
    pub max_months: Option<f64>,
    /// Imprisonment for life.
    pub life: bool,
}

/// An aggravated variant: a higher range and the words that trigger it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AggravatedRange {
    /// The range.
    pub prison: PrisonRange,
    /// The words before the range in its sentence (as written, at most 120 characters).
    pub when: String,
}

/// Every prison term a text states, read into months.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PenaltyReading {
    /// The first range stated: the basic offence.
    pub base: PrisonRange,
    /// Later ranges with a higher maximum, or life.
    pub aggravated: Vec<AggravatedRange>,
    /// Later ranges with a lower or equal maximum (lesser variants, attempts, possession).
    pub lesser: Vec<PrisonRange>,
}

impl PenaltyReading {
    /// The highest maximum stated, in months (life not counted).
    pub fn highest_max(&self) -> Option<f64> {
        std::iter::once(&self.base)
            .chain(self.aggravated.iter().map(|a| &a.prison))
            .chain(self.lesser.iter())
            .filter_map(|r| r.max_months)
            .reduce(f64::max)
    }

    /// True when any stated range is life imprisonment.
    pub fn any_life(&self) -> bool {
        self.base.life || self.aggravated.iter().any(|a| a.prison.life)
    }

    /// The lowest minimum stated (every variant counted).
    pub fn lowest_min(&self) -> Option<f64> {
        std::iter::once(&self.base)
            .chain(self.aggravated.iter().map(|a| &a.prison))
            .chain(self.lesser.iter())
            .filter_map(|r| r.min_months)
            .reduce(f64::min)
    }

    /// The range of the whole section as the corpus records it: the lowest minimum and the
    /// highest maximum of all variants, life when any variant is life.
    pub fn overall(&self) -> PrisonRange {
        PrisonRange {
            min_months: self.lowest_min(),
            max_months: self.highest_max(),
            life: self.any_life(),
        }
    }
}

/// Reads every prison term in `text` (language `lang`, ISO 639-1; the word lists of all five
/// languages are used whatever `lang` says, since codes quote each other). `None` when the
/// text states no prison term.
pub fn read_penalty(text: &str, _lang: &str) -> Option<PenaltyReading> {
    let tokens = tokenize(text);
    let quantities = quantities(&tokens);
    let mut ranges: Vec<(usize, PrisonRange)> = Vec::new(); // (first token, range)
    let relevant: Vec<&Quantity> = quantities.iter().filter(|q| relevant(&tokens, q)).collect();
    let mut i = 0;
    while i < relevant.len() {
        let q = relevant[i];
        if let Some(next) = relevant.get(i + 1) {
            if let Some(kind) = connector(&tokens, q, next) {
                match kind {
                    Join::Range => {
                        ranges.push((
                            q.first,
                            PrisonRange {
                                min_months: Some(q.months),
                                max_months: Some(next.months),
                                life: false,
                            },
                        ));
                    }
                    Join::Sum => {
                        let months = q.months + next.months;
                        ranges.push((q.first, single(&tokens, q.first, months)));
                    }
                }
                i += 2;
                continue;
            }
        }
        ranges.push((q.first, single(&tokens, q.first, q.months)));
        i += 1;
    }
    for at in life_phrases(&tokens) {
        ranges.push((
            at,
            PrisonRange {
                min_months: None,
                max_months: None,
                life: true,
            },
        ));
    }
    ranges.sort_by_key(|(at, _)| *at);
    let mut iter = ranges.into_iter();
    let (_, base) = iter.next()?;
    let mut reading = PenaltyReading {
        base,
        aggravated: Vec::new(),
        lesser: Vec::new(),
    };
    for (at, r) in iter {
        let higher = match (r.max_months, reading.base.max_months) {
            _ if r.life => !reading.base.life,
            (Some(m), Some(b)) => m > b + 1e-9,
            (Some(_), None) => !reading.base.life,
            (None, _) => false,
        };
        if higher {
            reading.aggravated.push(AggravatedRange {
                when: trigger(text, &tokens, at),
                prison: r,
            });
        } else {
            reading.lesser.push(r);
        }
    }
    Some(reading)
}

/// True when the text names any duration (a number with a unit, in any context) or a life
/// term: the evaluation asks the reader only about texts that state something to read.
pub fn mentions_duration(text: &str) -> bool {
    let tokens = tokenize(text);
    !quantities(&tokens).is_empty() || !life_phrases(&tokens).is_empty()
}

/// A word of the text, folded (lower case, no accents), with where it is.
#[derive(Debug)]
struct Token {
    word: String,
    start: usize,
    /// Sentence (or clause after `;`) number.
    clause: usize,
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut clause = 0;
    let mut word = String::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c.is_alphanumeric() {
            if word.is_empty() {
                start = at;
            }
            word.extend(c.to_lowercase().map(crate::id::fold_to_ascii));
        } else {
            // "1,5 años" and "1.5 years": a decimal mark between digits stays in the word.
            let next = chars.peek().map(|(_, n)| *n);
            if (c == ',' || c == '.')
                && prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit())
            {
                word.push('.');
                prev = Some(c);
                continue;
            }
            if !word.is_empty() {
                tokens.push(Token {
                    word: std::mem::take(&mut word),
                    start,
                    clause,
                });
            }
            if matches!(c, '.' | ';' | '\n' | '?' | '!') {
                // A blank line or a full stop ends a sentence; a single line break does not.
                if c != '\n' || next == Some('\n') {
                    clause += 1;
                }
            }
        }
        prev = Some(c);
    }
    if !word.is_empty() {
        tokens.push(Token {
            word,
            start,
            clause,
        });
    }
    // "art." and "Abs." abbreviations end no sentence worth the name, but a clause split there
    // only makes the reader more careful; numbers in parentheses after a number word
    // ("seis (6) meses", "1 (um) ano") are dropped by `quantities`.
    tokens
}

/// A number with a unit, in months, spanning tokens `first..=last`.
#[derive(Debug)]
struct Quantity {
    months: f64,
    first: usize,
    last: usize,
}

fn number(word: &str) -> Option<f64> {
    if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return word.parse().ok().filter(|n: &f64| n.is_finite());
    }
    let n = match word {
        "un" | "uno" | "una" | "um" | "uma" | "one" | "une" | "ein" | "eine" | "einem"
        | "einer" | "eines" | "einen" => 1,
        "dos" | "dois" | "duas" | "two" | "deux" | "zwei" => 2,
        "tres" | "three" | "trois" | "drei" => 3,
        "cuatro" | "quatro" | "four" | "quatre" | "vier" => 4,
        "cinco" | "five" | "cinq" | "funf" => 5,
        "seis" | "six" | "sechs" => 6,
        "siete" | "sete" | "seven" | "sept" | "sieben" => 7,
        "ocho" | "oito" | "eight" | "huit" | "acht" => 8,
        "nueve" | "nove" | "nine" | "neuf" | "neun" => 9,
        "diez" | "dez" | "ten" | "dix" | "zehn" => 10,
        "once" | "onze" | "eleven" | "elf" => 11,
        "doce" | "doze" | "twelve" | "douze" | "zwolf" => 12,
        "trece" | "treze" | "thirteen" | "treize" | "dreizehn" => 13,
        "catorce" | "quatorze" | "catorze" | "fourteen" | "vierzehn" => 14,
        "quince" | "quinze" | "fifteen" | "funfzehn" => 15,
        "dieciseis" | "dezesseis" | "dezasseis" | "sixteen" | "seize" | "sechzehn" => 16,
        "diecisiete" | "dezessete" | "dezassete" | "seventeen" | "siebzehn" => 17,
        "dieciocho" | "dezoito" | "eighteen" | "achtzehn" => 18,
        "diecinueve" | "dezenove" | "dezanove" | "nineteen" | "neunzehn" => 19,
        "veinte" | "vinte" | "twenty" | "vingt" | "zwanzig" => 20,
        "veintiuno" | "veintiun" => 21,
        "veintidos" => 22,
        "veintitres" => 23,
        "veinticuatro" | "twentyfour" | "vierundzwanzig" => 24,
        "treintaiseis" | "treinta_y_seis" => 36,
        "veinticinco" | "twentyfive" | "funfundzwanzig" => 25,
        "treinta" | "trinta" | "thirty" | "trente" | "dreissig" | "dreißig" => 30,
        "cuarenta" | "quarenta" | "forty" | "quarante" | "vierzig" => 40,
        "cincuenta" | "cinquenta" | "fifty" | "cinquante" | "funfzig" => 50,
        _ => return None,
    };
    Some(f64::from(n))
}

fn unit(word: &str) -> Option<f64> {
    Some(match word {
        "ano" | "anos" | "ano(s)" | "year" | "years" | "an" | "ans" | "annee" | "annees"
        | "jahr" | "jahre" | "jahren" | "jahres" => 12.0,
        "mes" | "meses" | "month" | "months" | "mois" | "monat" | "monate" | "monaten"
        | "monats" => 1.0,
        "semana" | "semanas" | "week" | "weeks" | "semaine" | "semaines" | "woche" | "wochen" => {
            7.0 / 30.0
        }
        "dia" | "dias" | "day" | "days" | "jour" | "jours" | "tag" | "tage" | "tagen" => 1.0 / 30.0,
        _ => return None,
    })
}

/// Numbers followed by a unit, or followed by a connector and a quantity whose unit they
/// share ("de dos a cinco años", "von einem bis zu zehn Jahren").
fn quantities(tokens: &[Token]) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(n) = number(&tokens[i].word) else {
            i += 1;
            continue;
        };
        // Skip a repeated number in words or digits: "seis (6) meses", "1 (um) ano".
        let mut j = i + 1;
        if tokens.get(j).is_some_and(|t| number(&t.word).is_some())
            && tokens.get(j + 1).is_some_and(|t| unit(&t.word).is_some())
        {
            j += 1;
        }
        // "a year" is one year in English, "un año" already handled by `number`.
        if let Some(u) = tokens.get(j).and_then(|t| unit(&t.word)) {
            out.push(Quantity {
                months: n * u,
                first: i,
                last: j,
            });
            i = j + 1;
            continue;
        }
        // A number takes the unit of the quantity right after a range connector: "de dos a
        // cinco años", "von einem bis zu zehn Jahren", "entre uno y tres años".
        let conn = tokens.get(j).map(|t| t.word.as_str()).is_some_and(|w| {
            matches!(
                w,
                "a" | "al" | "to" | "bis" | "ate" | "e" | "y" | "und" | "et"
            )
        });
        if conn && !ordinal_context(tokens, i) {
            let mut k = j + 1;
            if tokens.get(k).is_some_and(|t| t.word == "zu") {
                k += 1;
            }
            let mut u = k + 1;
            if tokens.get(u).is_some_and(|t| number(&t.word).is_some()) {
                u += 1; // "a 4 (quatro) anos"
            }
            let unit_after = tokens
                .get(k)
                .and_then(|t| number(&t.word))
                .and_then(|_| tokens.get(u))
                .and_then(|t| unit(&t.word));
            if let Some(unit) = unit_after {
                out.push(Quantity {
                    months: n * unit,
                    first: i,
                    last: i,
                });
            }
        }
        i = j;
    }
    out.sort_by_key(|q| q.first);
    out
}

/// "art. 5 a 7", "§§ 3 bis 7": numbers after an article sign are not terms.
fn ordinal_context(tokens: &[Token], i: usize) -> bool {
    i > 0
        && matches!(
            tokens[i - 1].word.as_str(),
            "art"
                | "arts"
                | "articulo"
                | "articulos"
                | "artigo"
                | "artigos"
                | "article"
                | "articles"
                | "section"
                | "sections"
                | "s"
                | "ss"
                | "abs"
                | "nr"
                | "inciso"
                | "paragraph"
                | "paragraphe"
                | "alinea"
                | "ley"
                | "lei"
                | "loi"
                | "gesetz"
        )
}

fn is_prison_word(w: &str) -> bool {
    matches!(
        w,
        "prision"
            | "reclusion"
            | "presidio"
            | "carcel"
            | "penitenciaria"
            | "reclusao"
            | "detencao"
            | "prisao"
            | "imprisonment"
            | "imprisoned"
            | "prison"
            | "custody"
            | "incarceration"
            | "emprisonnement"
            | "detention"
            | "freiheitsstrafe"
            | "freiheitsentzug"
            | "haft"
            | "privativa"
    )
}

fn is_fine_word(w: &str) -> bool {
    matches!(
        w,
        "multa"
            | "multas"
            | "fine"
            | "fines"
            | "amende"
            | "amendes"
            | "geldstrafe"
            | "geldbusse"
            | "tagessatzen"
            | "tagessatze"
            | "inhabilitacion"
            | "disqualification"
            | "interdiccion"
            | "suspension"
            | "servicio"
            | "prestacion"
            | "inabilitacao"
            | "interdiction"
            | "berufsverbot"
    )
}

fn is_penalty_verb(w: &str) -> bool {
    matches!(
        w,
        "castiga"
            | "castigado"
            | "castigada"
            | "castigara"
            | "sancionado"
            | "sancionada"
            | "sancionara"
            | "reprimido"
            | "reprimida"
            | "pena"
            | "penado"
            | "punido"
            | "punida"
            | "punished"
            | "punishable"
            | "liable"
            | "sentenced"
            | "puni"
            | "punie"
            | "punis"
            | "bestraft"
            | "bedroht"
            | "strafe"
            | "carries"
            | "carry"
            | "carrying"
            | "indictment"
            | "conviction"
            | "maximum"
            | "maximo"
            | "strafbar"
            | "sanciona"
            | "castigo"
            | "punit"
    )
}

fn is_age_word(w: &str) -> bool {
    matches!(
        w,
        "edad"
            | "menor"
            | "menores"
            | "age"
            | "aged"
            | "old"
            | "idade"
            | "anos_de_idade"
            | "alter"
            | "alters"
            | "lebensjahr"
            | "kinder"
            | "kindern"
            | "personen"
            | "jugendliche"
            | "mineur"
            | "mineurs"
            | "ninos"
            | "ninas"
            | "criancas"
            | "adolescentes"
            | "children"
            | "child"
            | "minors"
            | "minor"
    )
}

/// True when the quantity is a prison term: no age word and no fine word at hand, and a
/// prison word before it in its sentence or just after it ("cinq ans d'emprisonnement",
/// "two years' imprisonment"), or else a penalty verb in its sentence and no time-limit word
/// before it ("mit drei Monaten bis zu fünf Jahren bestraft", "up to ten years on indictment").
fn relevant(tokens: &[Token], q: &Quantity) -> bool {
    let clause = tokens[q.first].clause;
    // Ages: "menores de dieciocho años", "under 18 years of age", "unter vierzehn Jahren".
    let before = q.first.saturating_sub(3)..q.first;
    if tokens[before].iter().any(|t| is_age_word(&t.word)) {
        return false;
    }
    let after = &tokens[(q.last + 1).min(tokens.len())..(q.last + 4).min(tokens.len())];
    if after
        .iter()
        .take(2)
        .any(|t| matches!(t.word.as_str(), "edad" | "age" | "idade" | "old" | "alt"))
    {
        return false;
    }
    if q.first > 0 && tokens[q.first - 1].word == "unter" {
        // German "unter vierzehn Jahren" is an age unless it reads "nicht unter".
        if q.first < 2 || tokens[q.first - 2].word != "nicht" {
            return false;
        }
    }
    // Day-fines and fines in time units: "multa de diez a cien días", "días-multa".
    let before3 = &tokens[q.first.saturating_sub(3)..q.first];
    if before3.iter().any(|t| is_fine_word(&t.word))
        || after.first().is_some_and(|t| is_fine_word(&t.word))
    {
        return false;
    }
    // A word for prison earlier in the sentence, or just after ("cinq ans d'emprisonnement").
    if tokens[..q.first]
        .iter()
        .rev()
        .take_while(|t| t.clause == clause)
        .any(|t| is_prison_word(&t.word))
        || after.iter().any(|t| is_prison_word(&t.word))
    {
        return true;
    }
    // Time limits are not terms: "within six months", "dentro de seis meses", "nach zwei Jahren".
    let limit = tokens[q.first.saturating_sub(3)..q.first].iter().any(|t| {
        matches!(
            t.word.as_str(),
            "within"
                | "after"
                | "dentro"
                | "plazo"
                | "prazo"
                | "apos"
                | "despues"
                | "innerhalb"
                | "nach"
                | "binnen"
                | "frist"
                | "delai"
                | "durant"
                | "during"
                | "valid"
                | "for"
        )
    });
    !limit
        && tokens
            .iter()
            .filter(|t| t.clause == clause)
            .any(|t| is_penalty_verb(&t.word))
}

enum Join {
    Range,
    Sum,
}

/// How two quantities are joined, if they form one term.
fn connector(tokens: &[Token], a: &Quantity, b: &Quantity) -> Option<Join> {
    if tokens[a.first].clause != tokens[b.first].clause || b.first <= a.last {
        return None;
    }
    let between: Vec<&str> = tokens[a.last + 1..b.first]
        .iter()
        .map(|t| t.word.as_str())
        .collect();
    if between.len() > 5 {
        return None;
    }
    let has = |w: &str| between.contains(&w);
    if has("a") || has("al") || has("to") || has("bis") || has("ate") || has("hasta") {
        return Some(Join::Range);
    }
    let and = has("y") || has("e") || has("and") || has("und") || has("et");
    if and {
        // "between one and five years" is a range; "two years and six months" a sum.
        let before = a.first.saturating_sub(2)..a.first;
        let between_marker = tokens[before]
            .iter()
            .any(|t| matches!(t.word.as_str(), "entre" | "between" | "zwischen"));
        if between_marker || has("not") || has("no") || has("nao") || has("nicht") {
            return Some(Join::Range);
        }
        if b.months < a.months && between.len() <= 1 {
            return Some(Join::Sum);
        }
        return None;
    }
    if between.is_empty() {
        return None;
    }
    None
}

/// A lone quantity: a minimum when a minimum marker stands before it, otherwise a maximum.
fn single(tokens: &[Token], first: usize, months: f64) -> PrisonRange {
    let from = first.saturating_sub(4);
    let words: Vec<&str> = tokens[from..first]
        .iter()
        .map(|t| t.word.as_str())
        .collect();
    let near = |w: &str| words.contains(&w);
    let pair = |a: &str, b: &str| words.windows(2).any(|x| x[0] == a && x[1] == b);
    let minimum = pair("not", "less")
        || pair("at", "least")
        || pair("no", "menor")
        || pair("no", "inferior")
        || pair("nao", "inferior")
        || pair("nicht", "unter")
        || pair("au", "moins")
        || near("minimo")
        || near("minimum")
        || near("mindestens")
        || near("minima");
    if minimum {
        PrisonRange {
            min_months: Some(months),
            max_months: None,
            life: false,
        }
    } else {
        PrisonRange {
            min_months: None,
            max_months: Some(months),
            life: false,
        }
    }
}

/// Token positions of life terms: "prisión perpetua", "prisão perpétua", "life
/// imprisonment", "imprisonment for life", "réclusion criminelle à perpétuité",
/// "lebenslange Freiheitsstrafe".
fn life_phrases(tokens: &[Token]) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let w = t.word.as_str();
        let next = tokens.get(i + 1).map(|t| t.word.as_str()).unwrap_or("");
        let prev = if i > 0 {
            tokens[i - 1].word.as_str()
        } else {
            ""
        };
        let hit = (matches!(w, "perpetua" | "perpetuo")
            && (is_prison_word(prev) || prev == "cadena"))
            || w == "perpetuite"
            || (w == "life"
                && (is_prison_word(next)
                    || tokens[i.saturating_sub(4)..i]
                        .iter()
                        .any(|t| is_prison_word(&t.word))))
            || w.starts_with("lebenslang");
        if hit && out.last().is_none_or(|&l: &usize| i - l >= 4) {
            out.push(i);
        }
    }
    out
}

/// The words of the sentence before token `at`, as written (at most 120 characters).
fn trigger(text: &str, tokens: &[Token], at: usize) -> String {
    let clause = tokens[at].clause;
    let first = tokens[..at]
        .iter()
        .rposition(|t| t.clause != clause)
        .map_or(0, |p| p + 1);
    let start = tokens.get(first).map_or(0, |t| t.start);
    // The trigger ends before the word for prison, when the sentence names it again.
    let end = tokens[first..at]
        .iter()
        .rev()
        .find(|t| is_prison_word(&t.word))
        .map_or(tokens[at].start, |t| t.start);
    let mut when: String = text[start.min(end)..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    when = when
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    // A paragraph number opening the sentence ("(2) Handelt es sich ...") is not the trigger.
    let digits = when
        .trim_start_matches('(')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if let Some(rest) = when
        .trim_start_matches('(')
        .get(digits..)
        .and_then(|r| r.strip_prefix(')'))
        .filter(|_| {
            when.trim_start_matches('(')
                .starts_with(|c: char| c.is_ascii_digit())
                && digits <= 3
        })
    {
        when = rest.trim_start().to_string();
    }
    if when.chars().count() > 120 {
        let cut: String = when.chars().take(117).collect();
        when = format!("{cut}...");
    }
    when
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(text: &str, lang: &str) -> (Option<f64>, Option<f64>, bool) {
        let r = read_penalty(text, lang).expect("a penalty");
        (r.base.min_months, r.base.max_months, r.base.life)
    }

    #[test]
    fn spanish_ranges_in_words_and_digits() {
        assert_eq!(
            range("será castigado con prisión de dos a cinco años", "es"),
            (Some(24.0), Some(60.0), false)
        );
        assert_eq!(
            range(
                "Se impondrá prisión de seis meses a tres años y multa.",
                "es"
            ),
            (Some(6.0), Some(36.0), false)
        );
        assert_eq!(
            range("la pena será de prisión de hasta 4 años", "es"),
            (None, Some(48.0), false)
        );
        assert_eq!(
            range("reprimido con prisión de quince días a seis meses", "es"),
            (Some(0.5), Some(6.0), false)
        );
        assert_eq!(
            range("Corresponde presidio perpetuo o prisión perpetua", "es"),
            (None, None, true)
        );
    }

    #[test]
    fn portuguese_numbers_repeated_in_words() {
        assert_eq!(
            range(
                "Pena - reclusão, de 1 (um) a 4 (quatro) anos, e multa.",
                "pt"
            ),
            (Some(12.0), Some(48.0), false)
        );
        assert_eq!(
            range("Pena: detenção, de três meses a um ano.", "pt"),
            (Some(3.0), Some(12.0), false)
        );
    }

    #[test]
    fn english_maxima_and_summary_conviction() {
        assert_eq!(
            range(
                "liable to imprisonment for a term not exceeding two years",
                "en"
            ),
            (None, Some(24.0), false)
        );
        let r = read_penalty(
            "on summary conviction, to imprisonment for a term not exceeding 12 months; on conviction on indictment, to imprisonment for a term not exceeding 5 years",
            "en",
        )
        .unwrap();
        assert_eq!(r.base.max_months, Some(12.0));
        assert_eq!(r.aggravated.len(), 1);
        assert_eq!(r.aggravated[0].prison.max_months, Some(60.0));
        assert_eq!(r.aggravated[0].when, "on conviction on indictment, to");
        assert_eq!(
            range("shall be imprisoned for life", "en"),
            (None, None, true)
        );
        assert_eq!(
            range(
                "imprisonment for not less than one year and not more than ten years",
                "en"
            ),
            (Some(12.0), Some(120.0), false)
        );
    }

    #[test]
    fn french_fixed_maxima_and_life() {
        assert_eq!(
            range(
                "est puni de cinq ans d'emprisonnement et de 150 000 euros d'amende",
                "fr"
            ),
            (None, Some(60.0), false)
        );
        assert_eq!(
            range("un emprisonnement de deux à sept ans", "fr"),
            (Some(24.0), Some(84.0), false)
        );
        assert_eq!(
            range("puni de la réclusion criminelle à perpétuité", "fr"),
            (None, None, true)
        );
    }

    #[test]
    fn german_ranges_minimum_only_and_aggravation() {
        assert_eq!(
            range(
                "wird mit Freiheitsstrafe bis zu drei Jahren oder mit Geldstrafe bestraft",
                "de"
            ),
            (None, Some(36.0), false)
        );
        let r = read_penalty(
            "wird mit Freiheitsstrafe bis zu drei Jahren oder mit Geldstrafe bestraft. In besonders schweren Fällen ist die Strafe Freiheitsstrafe von sechs Monaten bis zu zehn Jahren.",
            "de",
        )
        .unwrap();
        assert_eq!(r.aggravated.len(), 1);
        assert_eq!(r.aggravated[0].prison.min_months, Some(6.0));
        assert_eq!(r.aggravated[0].prison.max_months, Some(120.0));
        assert_eq!(
            r.aggravated[0].when,
            "In besonders schweren Fällen ist die Strafe"
        );
        let numbered = read_penalty(
            "(1) Wer ... wird mit Freiheitsstrafe bis zu zwei Jahren bestraft. (2) In schweren Fällen ist die Strafe Freiheitsstrafe bis zu fünf Jahren.",
            "de",
        )
        .unwrap();
        assert_eq!(
            numbered.aggravated[0].when,
            "In schweren Fällen ist die Strafe"
        );
        assert_eq!(r.highest_max(), Some(120.0));
        assert_eq!(
            range("Freiheitsstrafe nicht unter einem Jahr", "de"),
            (Some(12.0), None, false)
        );
        assert_eq!(
            range("wird mit lebenslanger Freiheitsstrafe bestraft", "de"),
            (None, None, true)
        );
    }

    #[test]
    fn ages_fines_and_article_numbers_are_not_terms() {
        assert!(read_penalty(
            "Personen unter vierzehn Jahren; Geldstrafe bis zu 360 Tagessätzen",
            "de"
        )
        .is_none());
        assert!(
            read_penalty("menores de dieciocho años; multa de diez a cien días", "es").is_none()
        );
        assert!(read_penalty("a person under 18 years of age", "en").is_none());
        assert!(read_penalty("Véanse los arts. 5 a 7 del Código", "es").is_none());
        assert!(read_penalty(
            "Esta ley entra en vigor al día siguiente de su publicación",
            "es"
        )
        .is_none());
    }

    #[test]
    fn penalty_verbs_carry_prison_from_an_earlier_sentence() {
        let r = read_penalty(
            "Das Verbreiten wird mit Freiheitsstrafe von sechs Monaten bis zu zehn Jahren bestraft. Der Besitz wird mit drei Monaten bis zu fünf Jahren bestraft.",
            "de",
        )
        .unwrap();
        assert_eq!(r.base.max_months, Some(120.0));
        assert_eq!(r.lesser.len(), 1);
        assert_eq!(r.lesser[0].max_months, Some(60.0));
    }
}
