//! Text analysis: how words become index terms.
//!
//! Every language with a stemmer (Spanish, Portuguese, English, French, German) gets an
//! analyzer that splits on anything not a letter or digit, lower-cases, stems with tantivy's
//! own Snowball [`Stemmer`], then folds accents to ASCII. Stemming comes before folding
//! because the Snowball rules are written for accented suffixes (`-ación`, `-ção`); folding
//! afterwards makes `informática` and `informatica` one term, and brings Spanish and
//! Portuguese cognates (`informático`, `informático`) to the same stem.
//!
//! Text in any other language, headings, titles and chapter context use the folded
//! analyzer (no stemming); ids and filter values use the keyword analyzer (the whole value,
//! lower case).
//!
//! Analyzers are not stored in the index: [`register`] must run every time an index is
//! created or opened, or queries fail with an unknown tokenizer.

use std::cell::RefCell;

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};
use tantivy::Index;

/// The languages with their own stemmed field, as ISO 639-1 codes.
pub const STEMMED: [(&str, Language); 5] = [
    ("es", Language::Spanish),
    ("pt", Language::Portuguese),
    ("en", Language::English),
    ("fr", Language::French),
    ("de", Language::German),
];

/// Name of the folded analyzer (lower case, ASCII folding, no stemming).
pub const FOLDED: &str = "harmonia_folded";

/// Name of the keyword analyzer (the whole value as one lower-case term).
pub const KEYWORD: &str = "harmonia_keyword";

/// Tokens longer than this (base64 blobs, URLs) are dropped rather than indexed.
const MAX_TOKEN_BYTES: usize = 64;

/// Name of the stemmed analyzer for `lang` (`harmonia_es`).
pub fn stemmed_name(lang: &str) -> String {
    format!("harmonia_{lang}")
}

/// The analyzer for a stemmed language.
pub fn stemmed(language: Language) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(StemAndFold { language })
        .build()
}

/// Stems a lower-case word with tantivy's [`Stemmer`], then folds it to ASCII, remembering
/// the answers: text repeats its words (the 1,000 most frequent make up most of any text),
/// and a table lookup is several times cheaper than running the Snowball rules again
/// (stemming was a third of indexing time). The tables are per thread, one per language, so
/// every analyzer on a thread (the indexing threads, the query parser, the snippet
/// generator) shares them without locks.
///
/// A word and a stem of at most 16 bytes, most of them, are kept packed in integers
/// ([`pack`]): a lookup then touches one table slot, where a string key and value each sent
/// it to another place in memory (with a vocabulary of tens of thousands of words, those were
/// cache misses, and the lookups half of the analysis time).
#[derive(Clone)]
pub struct StemAndFold {
    language: Language,
}

/// Words remembered per thread and language before a table is emptied and refilled.
const STEM_CACHE_WORDS: usize = 100_000;

/// Slots of the front table of a [`StemTable`] (a power of two).
const FRONT_SLOTS: usize = 4096;

/// The remembered stems of one language.
struct StemTable {
    /// The most recently used packed words and their stems, one a slot, by hash: 64 KiB that
    /// stay in the processor's cache and answer most lookups (by Zipf's law a few thousand
    /// words make up most of a text), where `short`, with tens of thousands of words, is
    /// larger than the cache and costs a memory access a lookup. A word of 0 marks an
    /// empty slot ([`pack`] never gives 0).
    front: Box<[(u128, u128)]>,
    /// Packed word -> packed stem, for words and stems of at most 16 bytes.
    short: FxHashMap<u128, u128>,
    /// The others.
    long: FxHashMap<Box<str>, Box<str>>,
}

impl Default for StemTable {
    fn default() -> StemTable {
        StemTable {
            front: vec![(0, 0); FRONT_SLOTS].into_boxed_slice(),
            short: FxHashMap::default(),
            long: FxHashMap::default(),
        }
    }
}

/// The front table slot of a packed word.
fn front_slot(word: u128) -> usize {
    let mixed = (word as u64 ^ (word >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> (64 - FRONT_SLOTS.trailing_zeros())) as usize
}

thread_local! {
    static STEMS: RefCell<[StemTable; STEMMED.len()]> = RefCell::new(Default::default());
}

/// A word of 1 to 16 bytes as an integer: its bytes, then zeros (a word never holds a zero
/// byte: the tokenizer splits on anything not a letter or digit).
fn pack(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..bytes.len()].copy_from_slice(bytes);
    Some(u128::from_le_bytes(buf))
}

/// Writes a [`pack`]ed word into `out`.
fn unpack(packed: u128, out: &mut String) {
    let buf = packed.to_le_bytes();
    let len = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    out.push_str(std::str::from_utf8(&buf[..len]).unwrap_or_default());
}

/// The position of `language` in [`STEMMED`] (its stem table).
fn table_of(language: Language) -> usize {
    STEMMED
        .iter()
        .position(|(_, l)| *l == language)
        .unwrap_or_default()
}

impl TokenFilter for StemAndFold {
    type Tokenizer<T: Tokenizer> = StemAndFoldFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StemAndFoldFilter<T> {
        let word = TextAnalyzer::builder(RawTokenizer::default())
            .filter(Stemmer::new(self.language))
            .filter(AsciiFoldingFilter)
            .build();
        StemAndFoldFilter {
            inner: tokenizer,
            table: table_of(self.language),
            word,
        }
    }
}

/// The tokenizer [`StemAndFold`] makes.
#[derive(Clone)]
pub struct StemAndFoldFilter<T> {
    inner: T,
    /// Index of the language's stem table.
    table: usize,
    word: TextAnalyzer,
}

impl<T: Tokenizer> Tokenizer for StemAndFoldFilter<T> {
    type TokenStream<'a> = StemAndFoldStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemAndFoldStream {
            tail: self.inner.token_stream(text),
            table: self.table,
            word: &mut self.word,
        }
    }
}

/// The token stream of [`StemAndFoldFilter`].
pub struct StemAndFoldStream<'a, S> {
    tail: S,
    table: usize,
    word: &'a mut TextAnalyzer,
}

impl<S: TokenStream> TokenStream for StemAndFoldStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let table = self.table;
        let token = &mut self.tail.token_mut().text;
        let packed = pack(token);
        let found = STEMS.with(|stems| {
            let stems = &mut stems.borrow_mut()[table];
            if let Some(word) = packed {
                let slot = front_slot(word);
                let (front_word, front_stem) = stems.front[slot];
                let stem = if front_word == word {
                    Some(front_stem)
                } else {
                    let stem = stems.short.get(&word).copied();
                    if let Some(stem) = stem {
                        stems.front[slot] = (word, stem);
                    }
                    stem
                };
                if let Some(stem) = stem {
                    if stem != word {
                        token.clear();
                        unpack(stem, token);
                    }
                    return true;
                }
            }
            if let Some(stem) = stems.long.get(token.as_str()) {
                token.clear();
                token.push_str(stem);
                return true;
            }
            false
        });
        if found {
            return true;
        }
        let word: Box<str> = token.as_str().into();
        let mut stream = self.word.token_stream(&word);
        let stem: Box<str> = if stream.advance() {
            stream.token().text.as_str().into()
        } else {
            word.clone()
        };
        drop(stream);
        let token = &mut self.tail.token_mut().text;
        token.clear();
        token.push_str(&stem);
        STEMS.with(|stems| {
            let stems = &mut stems.borrow_mut()[table];
            if stems.short.len() + stems.long.len() >= STEM_CACHE_WORDS {
                *stems = StemTable::default();
            }
            match (packed, pack(&stem)) {
                (Some(w), Some(s)) => {
                    stems.front[front_slot(w)] = (w, s);
                    stems.short.insert(w, s);
                }
                _ => {
                    stems.long.insert(word, stem);
                }
            }
        });
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// The folded analyzer: words, lower case, accents folded.
pub fn folded() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The keyword analyzer: the whole value, lower case.
pub fn keyword() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .build()
}

/// Registers every harmonia analyzer on `index`.
pub fn register(index: &Index) {
    let manager = index.tokenizers();
    for (code, language) in STEMMED {
        manager.register(&stemmed_name(code), stemmed(language));
    }
    manager.register(FOLDED, folded());
    manager.register(KEYWORD, keyword());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            out.push(t.text.clone());
        }
        out
    }

    #[test]
    fn cached_stems_equal_plain_ones() {
        let plain = |t: &str| {
            let a = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(Stemmer::new(Language::Portuguese))
                .filter(AsciiFoldingFilter)
                .build();
            terms(a, t)
        };
        let mut cached = stemmed(Language::Portuguese);
        // Short words, words of 16 bytes and more (packed or not), and one that folding
        // lengthens (`æ`).
        let text = "Invasão de dispositivos informáticos; invasão, dispositivo INFORMÁTICO \
                    comunicações constitucionalmente inconstitucionalíssimas encæsadoras";
        for _ in 0..2 {
            assert_eq!(terms(cached.clone(), text), plain(text));
            let mut stream = cached.token_stream(text);
            while stream.advance() {}
        }
    }

    #[test]
    fn words_pack_into_integers() {
        for w in ["a", "informático", "sixteen-bytes-ok", "ação"] {
            let mut out = String::new();
            unpack(pack(w).unwrap(), &mut out);
            assert_eq!(out, w);
        }
        assert_eq!(pack(""), None);
        assert_eq!(pack("seventeen-bytes-x"), None);
    }

    #[test]
    fn spanish_stems_then_folds() {
        let es = || stemmed(Language::Spanish);
        assert_eq!(
            terms(es(), "Delitos informáticos"),
            terms(es(), "delito informático")
        );
        assert_eq!(terms(es(), "ACCEDIERE"), terms(es(), "accediere"));
        assert!(terms(es(), "informática").iter().all(|t| t.is_ascii()));
    }

    #[test]
    fn spanish_and_portuguese_cognates_meet() {
        let es = terms(stemmed(Language::Spanish), "sistema informático");
        let pt = terms(stemmed(Language::Portuguese), "sistema informático");
        assert_eq!(es, pt);
    }

    #[test]
    fn german_and_english_stem() {
        assert_eq!(
            terms(stemmed(Language::German), "verändert"),
            terms(stemmed(Language::German), "veränderte")
        );
        assert_eq!(
            terms(stemmed(Language::English), "accessing"),
            vec!["access"]
        );
    }

    #[test]
    fn keywords_are_whole_and_lower_case() {
        assert_eq!(terms(keyword(), "South America"), vec!["south america"]);
        assert_eq!(terms(folded(), "Código Penal"), vec!["codigo", "penal"]);
    }
}
