//! Generates a scaled synthetic corpus for benchmarks: N countries, about M MiB of statute
//! text in five languages (es, pt, en, fr, de), annotated against the built-in Budapest model
//! law (the output has no `model-law/`, so harmonia uses the built-in frameworks).
//!
//! ```text
//! cargo run --release --example gen_corpus -- --out /tmp/corpus-50 --countries 200 --mib 50
//! cargo run --release --example gen_corpus -- --out /tmp/worst-50 --mib 50 --vocab small
//! ```
//!
//! Each statute is a run of `## Article N` sections of two to four paragraphs of 30 to 79
//! words; about one section in three carries a `harmonia` block implementing a random
//! provision with a random subset of its elements, a penalty, and for some sections their own
//! in-force or repeal dates. Output is deterministic for a seed (and the vocabulary mode).
//!
//! # Vocabulary
//!
//! Search cost grows with the number of sections a query matches (harmonia's totals and facet
//! counts are exact, so every match is visited), so how often a query word occurs matters as
//! much as the corpus size. Two modes:
//!
//! - `--vocab realistic` (default). Word frequencies in real text follow Zipf's law: the word
//!   of rank r occurs with probability proportional to 1/r^s, s close to 1. Each language gets
//!   a ranked vocabulary of about 30,000 entries sampled that way (s = 1.05):
//!   - ranks 1-20: the language's function words (`de la que el en y`, `the of and to`, `der
//!     die und`, ...), about 40% of all words, as in real prose;
//!   - the long tail: 30,000 pseudo-words built from syllables typical of the language
//!     (seeded, so the same for a seed), shorter words at higher ranks as in real languages;
//!   - among them, at ranks 300 to 2,500 (log-spaced, in a seeded order), the legal words of
//!     the `small` vocabulary and a few collocations statutes repeat (`acceso ilícito`,
//!     `computer system`, `mot de passe`), drawn as one entry so phrase queries find them.
//!     At about 165 words a section, an entry at rank 300 occurs in about 5% of a language's
//!     sections and one at rank 2,500 in about 0.5% (a word that is also part of a
//!     collocation, like `acceso`, somewhat more), which is how often a legal term occurs in
//!     the sections of real criminal codes, give or take. Pseudo-words sharing a five-letter
//!     prefix with a legal word are left out, so stemming cannot merge them with one.
//!
//!   Words are shorter on average than in the `small` vocabulary, so a MiB holds about 1,100
//!   sections instead of about 600.
//!
//!   Sampling draws a 64-bit number and finds its rank by binary search in a precomputed
//!   cumulative table of integer weights, so a GiB takes seconds, not minutes.
//! - `--vocab small`: uniform draws from about 60 legal words a language, the generator's
//!   first vocabulary. Every query word then occurs in 15-35% of all sections, so it is kept as
//!   the worst case for search, not as a model of statutes.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use harmonia::corpus::{self, CorpusSource};

/// The vocabulary of one language: the legal words (the whole `small` vocabulary), and for
/// the realistic vocabulary its collocations, function words and syllables.
struct Language {
    code: &'static str,
    /// Legal words, space-separated (some repeat).
    legal_words: &'static str,
    /// Collocations statutes repeat, drawn as one vocabulary entry.
    phrases: &'static [&'static str],
    /// The most frequent words, most frequent first.
    function_words: &'static [&'static str],
    /// Pseudo-word parts: a syllable is onset + nucleus + coda; some words take an ending.
    onsets: &'static [&'static str],
    nuclei: &'static [&'static str],
    codas: &'static [&'static str],
    endings: &'static [&'static str],
}

const LANGUAGES: [Language; 5] = [
    Language {
        code: "es",
        legal_words: "acceso ilícito sistema informático datos interceptación transmisión daño alteración supresión programa contraseña fraude patrimonio perjuicio beneficio económico autorización sanción prisión multa funcionario público información reservada comunicaciones electrónicas medida seguridad dispositivo código acceso menores material abuso sexual pena agravante tentativa cómplice persona jurídica orden conservación tráfico registro allanamiento incautación juez fiscal cooperación internacional extradición asistencia mutua autoridad central",
        phrases: &["acceso ilícito", "sistema informático", "datos informáticos", "persona jurídica", "funcionario público", "asistencia mutua", "autoridad central", "cooperación internacional", "comunicaciones electrónicas", "medida de seguridad", "código de acceso", "abuso sexual", "orden de conservación", "datos de tráfico"],
        function_words: &["de", "la", "que", "el", "en", "y", "a", "los", "se", "del", "las", "por", "un", "con", "no", "una", "su", "para", "al", "lo"],
        onsets: &["", "b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "br", "cr", "tr", "pl", "ch", "j", "ll"],
        nuclei: &["a", "e", "i", "o", "u", "ia", "ie", "ue", "io"],
        codas: &["", "", "", "n", "s", "r", "l"],
        endings: &["ción", "dad", "miento", "mente", "ado", "ida", "oso", "ente", "ario"],
    },
    Language {
        code: "pt",
        legal_words: "acesso indevido sistema informático dados interceptação transmissão dano alteração supressão programa senha fraude patrimônio prejuízo vantagem econômica autorização pena reclusão detenção multa funcionário público informação sigilosa comunicações eletrônicas mecanismo segurança dispositivo código invasão menores material abuso sexual agravante tentativa partícipe pessoa jurídica ordem preservação tráfego registro busca apreensão juiz promotor cooperação internacional extradição assistência mútua autoridade central",
        phrases: &["acesso indevido", "sistema informático", "dispositivo informático", "invasão de dispositivo informático", "pessoa jurídica", "funcionário público", "assistência mútua", "autoridade central", "cooperação internacional", "mecanismo de segurança", "dados de tráfego", "abuso sexual"],
        function_words: &["de", "a", "o", "que", "e", "do", "da", "em", "um", "para", "com", "não", "uma", "os", "no", "se", "na", "por", "mais", "as"],
        onsets: &["", "b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "br", "cr", "tr", "pl", "ch", "nh", "lh"],
        nuclei: &["a", "e", "i", "o", "u", "ei", "ou", "ão", "ia"],
        codas: &["", "", "", "r", "s", "l", "m"],
        endings: &["ção", "dade", "mento", "mente", "ado", "ida", "oso", "ente", "ário"],
    },
    Language {
        code: "en",
        legal_words: "unauthorised access computer system data interception transmission damage alteration deletion program password fraud property loss economic benefit authorisation penalty imprisonment fine public official confidential information electronic communications security measure device access code children material sexual abuse aggravated attempt aiding abetting corporate liability preservation order traffic records search seizure warrant judge prosecutor international cooperation extradition mutual assistance central authority",
        phrases: &["unauthorised access", "computer system", "computer data", "access code", "security measure", "public official", "mutual assistance", "central authority", "international cooperation", "preservation order", "traffic data", "corporate liability", "sexual abuse material", "search and seizure", "aiding and abetting"],
        function_words: &["the", "of", "and", "to", "a", "in", "or", "any", "that", "for", "by", "is", "be", "with", "as", "on", "not", "this", "which", "shall"],
        onsets: &["", "b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "w", "st", "pr", "tr", "sh", "th", "bl"],
        nuclei: &["a", "e", "i", "o", "u", "ea", "ou", "ai", "oo"],
        codas: &["", "", "n", "t", "r", "s", "ck", "ng", "ll"],
        endings: &["ing", "ed", "er", "tion", "ment", "ly", "ness", "able", "ity"],
    },
    Language {
        code: "fr",
        legal_words: "accès frauduleux système traitement automatisé données interception transmission dommage altération suppression programme mot passe fraude patrimoine préjudice avantage économique autorisation peine emprisonnement amende agent public information confidentielle communications électroniques mesure sécurité dispositif code accès mineurs matériel abus sexuel aggravation tentative complice personne morale conservation trafic perquisition saisie juge procureur coopération internationale extradition entraide autorité centrale",
        phrases: &["accès frauduleux", "système de traitement automatisé de données", "mot de passe", "personne morale", "agent public", "autorité centrale", "coopération internationale", "données informatiques", "mesure de sécurité", "données de trafic", "entraide judiciaire"],
        function_words: &["de", "la", "le", "les", "des", "et", "à", "en", "du", "un", "une", "que", "est", "pour", "dans", "par", "qui", "au", "sur", "ne"],
        onsets: &["", "b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "ch", "pr", "tr", "gr", "bl"],
        nuclei: &["a", "e", "i", "o", "u", "ou", "ai", "eau", "é", "ei"],
        codas: &["", "", "", "n", "r", "s", "l"],
        endings: &["tion", "ment", "eur", "ique", "age", "ité", "oire", "ance", "elle"],
    },
    Language {
        code: "de",
        legal_words: "unbefugt Zugang Datenverarbeitungsanlage Daten Abfangen Übermittlung Beschädigung Veränderung Löschung Programm Passwort Betrug Vermögen Schaden Vermögensvorteil Befugnis Strafe Freiheitsstrafe Geldstrafe Amtsträger vertrauliche Information elektronische Kommunikation Zugangssicherung Vorrichtung Zugangscode Kinder Material sexueller Missbrauch besonders schwerer Fall Versuch Beihilfe juristische Person Sicherungsanordnung Verkehrsdaten Durchsuchung Beschlagnahme Richter Staatsanwaltschaft internationale Zusammenarbeit Auslieferung Rechtshilfe zentrale Behörde",
        phrases: &["unbefugt Zugang", "besonders schwerer Fall", "juristische Person", "zentrale Behörde", "internationale Zusammenarbeit", "elektronische Kommunikation", "vertrauliche Information", "Zugang zu Daten", "Daten verändert", "sexueller Missbrauch"],
        function_words: &["der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für", "ist", "im", "dem", "nicht", "ein", "eine", "oder"],
        onsets: &["", "b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "w", "sch", "st", "pf", "z", "br", "kr"],
        nuclei: &["a", "e", "i", "o", "u", "ei", "au", "ie", "ä", "ö", "ü"],
        codas: &["", "", "n", "r", "s", "t", "ch", "ng", "l"],
        endings: &["ung", "heit", "keit", "lich", "en", "er", "schaft", "bar", "ig"],
    },
];

const REGIONS: [&str; 5] = ["Americas", "Europe", "Africa", "Asia", "Oceania"];

/// A small deterministic PRNG (xorshift64*), so the corpus is the same for a seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The Zipf exponent of the realistic vocabulary: rank r is drawn with probability
/// proportional to 1/r^ZIPF_EXPONENT.
const ZIPF_EXPONENT: f64 = 1.05;
/// Pseudo-words in each language's long tail.
const TAIL_WORDS: usize = 30_000;
/// The ranks between which the legal words and collocations are spread (log-spaced).
const LEGAL_RANKS: (f64, f64) = (300.0, 2_500.0);

/// Which vocabulary the text is drawn from (see the module doc).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum VocabMode {
    Realistic,
    Small,
}

/// The words of one language's text.
enum Vocabulary {
    /// Legal words drawn uniformly.
    Small(Vec<&'static str>),
    /// Entries by rank (an entry may be a collocation of several words), with the
    /// cumulative integer weights of ranks 1..=i+1 at index i.
    Zipf {
        entries: Vec<String>,
        cumulative: Vec<u64>,
    },
}

impl Vocabulary {
    fn new(lang: &Language, mode: VocabMode, seed: u64) -> Vocabulary {
        let legal: Vec<&'static str> = lang.legal_words.split_whitespace().collect();
        match mode {
            VocabMode::Small => Vocabulary::Small(legal),
            VocabMode::Realistic => {
                // A stream of its own per language, so the vocabulary depends on the seed and
                // the language only, and the structure of the corpus draws from the main stream
                // as in the small mode.
                let salt = lang.code.bytes().fold(0u64, |h, b| (h << 8) | u64::from(b));
                let mut rng = Rng((seed ^ salt).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
                let entries = ranked_entries(lang, &legal, &mut rng);
                // Integer weights summing to about 2^52: the table is exact, and the last
                // rank still weighs millions of units.
                let scale = (1u64 << 52) as f64 / harmonic(entries.len());
                let mut total = 0u64;
                let cumulative = (1..=entries.len())
                    .map(|rank| {
                        total += ((rank as f64).powf(-ZIPF_EXPONENT) * scale) as u64 + 1;
                        total
                    })
                    .collect();
                Vocabulary::Zipf {
                    entries,
                    cumulative,
                }
            }
        }
    }

    /// Appends a paragraph of 30 to 79 entries and its full stop.
    fn paragraph(&self, rng: &mut Rng, out: &mut String) {
        let len = 30 + rng.below(50);
        match self {
            // Exactly the draws of the first generator, so `--vocab small` writes the same
            // corpus as before for a seed.
            Vocabulary::Small(words) => {
                let mut para: Vec<&str> = (0..len).map(|_| words[rng.below(words.len())]).collect();
                if let Some(first) = para.first_mut() {
                    *first = words[rng.below(words.len())];
                }
                out.push_str(&para.join(" "));
            }
            Vocabulary::Zipf {
                entries,
                cumulative,
            } => {
                let total = cumulative.last().copied().unwrap_or(1);
                for i in 0..len {
                    // A uniform draw in [0, total), then the first rank whose cumulative
                    // weight exceeds it.
                    let x = ((u128::from(rng.next()) * u128::from(total)) >> 64) as u64;
                    let word = &entries[cumulative.partition_point(|&c| c <= x)];
                    if i == 0 {
                        let mut chars = word.chars();
                        if let Some(c) = chars.next() {
                            out.extend(c.to_uppercase());
                            out.push_str(chars.as_str());
                        }
                    } else {
                        out.push(' ');
                        out.push_str(word);
                    }
                }
            }
        }
        out.push_str(".\n\n");
    }
}

/// The generalised harmonic number H(n, ZIPF_EXPONENT): the sum of the weights of n ranks.
fn harmonic(n: usize) -> f64 {
    (1..=n).map(|r| (r as f64).powf(-ZIPF_EXPONENT)).sum()
}

/// A language's vocabulary by rank: function words first, then the pseudo-word tail with
/// the legal words and collocations inserted at log-spaced ranks in a seeded order.
fn ranked_entries(lang: &Language, legal_words: &[&str], rng: &mut Rng) -> Vec<String> {
    let mut legal: Vec<String> = Vec::new();
    for w in legal_words.iter().chain(lang.phrases) {
        if !legal.iter().any(|l| l == w) && !lang.function_words.contains(w) {
            legal.push(w.to_string());
        }
    }
    for i in (1..legal.len()).rev() {
        legal.swap(i, rng.below(i + 1));
    }
    let tail = pseudo_words(lang, legal_words, TAIL_WORDS, rng);

    let mut entries: Vec<String> = lang.function_words.iter().map(|w| w.to_string()).collect();
    let mut tail = tail.into_iter();
    let (lo, hi) = LEGAL_RANKS;
    let steps = legal.len().saturating_sub(1).max(1) as f64;
    for (i, entry) in legal.into_iter().enumerate() {
        let rank = (lo * (hi / lo).powf(i as f64 / steps)).round() as usize;
        while entries.len() + 1 < rank {
            match tail.next() {
                Some(w) => entries.push(w),
                None => break,
            }
        }
        entries.push(entry);
    }
    entries.extend(tail);
    entries
}

/// `n` distinct pseudo-words of one to four syllables of the language, some with a typical
/// ending, shortest first. Words equal to a function word, or sharing their first five
/// letters (or all of the shorter word) with a legal word, are left out.
fn pseudo_words(lang: &Language, legal_words: &[&str], n: usize, rng: &mut Rng) -> Vec<String> {
    let legal: Vec<Vec<char>> = legal_words
        .iter()
        .map(|w| w.to_lowercase().chars().take(5).collect())
        .collect();
    let clashes = |word: &str| {
        let head: Vec<char> = word.chars().take(5).collect();
        lang.function_words.contains(&word)
            || legal.iter().any(|l| {
                let k = l.len().min(head.len());
                l[..k] == head[..k]
            })
    };
    let pick = |rng: &mut Rng, parts: &[&'static str]| parts[rng.below(parts.len())];
    let mut seen: HashSet<String> = HashSet::new();
    let mut words: Vec<String> = Vec::with_capacity(n);
    // The attempts are bounded so a too-small syllable table cannot loop forever.
    for _ in 0..n * 50 {
        if words.len() == n {
            break;
        }
        let mut word = String::new();
        for _ in 0..1 + rng.below(3) + rng.below(2) {
            word.push_str(pick(rng, lang.onsets));
            word.push_str(pick(rng, lang.nuclei));
            word.push_str(pick(rng, lang.codas));
        }
        if rng.below(4) == 0 {
            word.push_str(pick(rng, lang.endings));
        }
        if word.chars().count() < 3 || clashes(&word) || !seen.insert(word.clone()) {
            continue;
        }
        words.push(word);
    }
    // Frequent words are short (Zipf's law of abbreviation); the sort is stable, so ties keep
    // their seeded order.
    words.sort_by_key(|w| w.chars().count());
    words
}

struct Opts {
    out: PathBuf,
    countries: usize,
    mib: f64,
    seed: u64,
    vocab: VocabMode,
}

fn parse_args() -> Result<Opts, String> {
    let mut o = Opts {
        out: PathBuf::from("bench-data/corpus"),
        countries: 200,
        mib: 50.0,
        seed: 42,
        vocab: VocabMode::Realistic,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--out" => o.out = PathBuf::from(val()?),
            "--countries" => {
                o.countries = val()?.parse().map_err(|e| format!("--countries: {e}"))?
            }
            "--mib" => o.mib = val()?.parse().map_err(|e| format!("--mib: {e}"))?,
            "--seed" => o.seed = val()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--vocab" => {
                o.vocab = match val()?.as_str() {
                    "realistic" => VocabMode::Realistic,
                    "small" => VocabMode::Small,
                    other => return Err(format!("--vocab takes realistic or small, not {other}")),
                }
            }
            "-h" | "--help" => {
                println!(
                    "gen_corpus --out DIR [--countries N (200)] [--mib M (50)] [--seed S (42)] \
                     [--vocab realistic|small (realistic)]"
                );
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other} (see --help)")),
        }
    }
    if o.countries == 0 || o.countries > 676 {
        return Err("--countries takes 1 to 676".into());
    }
    Ok(o)
}

fn main() {
    let o = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = generate(&o) {
        eprintln!("gen_corpus: {e}");
        std::process::exit(1);
    }
}

fn generate(o: &Opts) -> Result<(), Box<dyn std::error::Error>> {
    let loaded = corpus::load(&CorpusSource::BuiltIn)?;
    let bc = loaded
        .corpus
        .framework("bc")
        .ok_or("the built-in corpus has no bc framework")?;
    let provisions: Vec<(String, Vec<String>, Vec<String>)> = bc
        .provisions
        .iter()
        .map(|p| {
            (
                p.id.to_string(),
                p.elements.iter().map(|e| e.id.clone()).collect(),
                p.options.iter().map(|e| e.id.clone()).collect(),
            )
        })
        .collect();
    let vocab: Vec<(&str, Vocabulary)> = LANGUAGES
        .iter()
        .map(|l| (l.code, Vocabulary::new(l, o.vocab, o.seed)))
        .collect();
    let mut rng = Rng(o.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let per_country = o.mib * 1024.0 * 1024.0 / o.countries as f64;
    let statutes_per_country = (per_country / 200_000.0).ceil().max(1.0) as usize;
    let statute_bytes = (per_country / statutes_per_country as f64).max(2_000.0);
    let _ = fs::remove_dir_all(o.out.join("statutes"));
    let mut total = 0usize;
    for i in 0..o.countries {
        let cc: String = [
            (b'a' + (i / 26) as u8) as char,
            (b'a' + (i % 26) as u8) as char,
        ]
        .iter()
        .collect();
        let (lang, vocabulary) = &vocab[i % vocab.len()];
        let dir = o.out.join("statutes").join(&cc);
        fs::create_dir_all(&dir)?;
        let party = rng.below(4) != 0;
        let mut country = format!(
            "code: {}\nname: Country {}\nregion: {}\nsubregion: Synthetic\nlanguages: [{lang}]\nlegal_system: civil law\ntreaties:\n  - framework: bc\n    status: {}\n",
            cc.to_uppercase(),
            cc.to_uppercase(),
            REGIONS[i % REGIONS.len()],
            if party { "party" } else { "invited" }
        );
        if party {
            let year = 2004 + rng.below(20);
            let _ = writeln!(country, "    in_force: {year}-0{}-01", 1 + rng.below(9));
            if rng.below(2) == 0 {
                let (pid, elements, _) = &provisions[rng.below(provisions.len())];
                let _ = writeln!(
                    country,
                    "    reservations:\n      - provision: {pid}\n        elements: [{}]",
                    elements[0]
                );
            }
        }
        fs::write(dir.join("country.yaml"), country)?;
        for s in 0..statutes_per_country {
            let id = format!("{cc}-law-{s}");
            let year = 1990 + rng.below(35);
            let mut f = BufWriter::new(fs::File::create(dir.join(format!("law-{s}.md")))?);
            let mut written = 0usize;
            let head = format!(
                "---\nid: {id}\ncountry: {}\ntitle: Synthetic law {s} of {}\nlanguage: {lang}\nkind: act\nin_force: {year}-01-01\ntext: summary\nsources: [https://example.org/{cc}/{s}]\nreview: unverified\n---\n\n# Title I\n\n",
                cc.to_uppercase(),
                cc.to_uppercase()
            );
            f.write_all(head.as_bytes())?;
            written += head.len();
            let mut n = 1;
            while (written as f64) < statute_bytes {
                let mut sec = format!("## Article {n} {{#art-{n}}}\n\n");
                for _ in 0..(2 + rng.below(3)) {
                    vocabulary.paragraph(&mut rng, &mut sec);
                }
                if rng.below(3) == 0 {
                    let (pid, elements, options) = &provisions[rng.below(provisions.len())];
                    let k = 1 + rng.below(elements.len());
                    let start = rng.below(elements.len() - k + 1);
                    let els = elements[start..start + k].join(", ");
                    let _ = write!(
                        sec,
                        "```harmonia\nimplements:\n  - provision: {pid}\n    elements: [{els}]\n"
                    );
                    if !options.is_empty() && rng.below(4) == 0 {
                        let _ =
                            writeln!(sec, "    options: [{}]", options[rng.below(options.len())]);
                    }
                    let lo = 1 + rng.below(24);
                    let hi = lo + rng.below(96);
                    let _ = writeln!(sec, "penalty:\n  prison: [{lo} months, {hi} months]");
                    match rng.below(10) {
                        0 => {
                            let _ = writeln!(sec, "in_force: {}-06-01", year + 1 + rng.below(10));
                        }
                        1 => {
                            let _ = writeln!(sec, "repealed: {}-12-31", year + 1 + rng.below(20));
                        }
                        _ => {}
                    }
                    sec.push_str("```\n\n");
                }
                f.write_all(sec.as_bytes())?;
                written += sec.len();
                n += 1;
            }
            f.flush()?;
            total += written;
        }
    }
    eprintln!(
        "gen_corpus: wrote {} countries, {} statutes, {:.1} MiB ({} vocabulary) to {}",
        o.countries,
        o.countries * statutes_per_country,
        total as f64 / 1048576.0,
        match o.vocab {
            VocabMode::Realistic => "realistic",
            VocabMode::Small => "small",
        },
        o.out.display()
    );
    Ok(())
}
