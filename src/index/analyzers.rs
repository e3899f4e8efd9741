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
/// the answers: legal text repeats a small vocabulary, and a table lookup is several times
/// cheaper than running the Snowball rules again (stemming was a third of indexing time).
/// The table is per thread and per language, so every analyzer on a thread (the indexing
/// threads, the query parser, the snippet generator) shares it without locks.
#[derive(Clone)]
pub struct StemAndFold {
    language: Language,
}

/// Words remembered per thread and language before the table is emptied and refilled.
const STEM_CACHE_WORDS: usize = 200_000;

thread_local! {
    static STEMS: RefCell<FxHashMap<(Language, String), String>> = RefCell::new(FxHashMap::default());
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
            language: self.language,
            word,
        }
    }
}

/// The tokenizer [`StemAndFold`] makes.
#[derive(Clone)]
pub struct StemAndFoldFilter<T> {
    inner: T,
    language: Language,
    word: TextAnalyzer,
}

impl<T: Tokenizer> Tokenizer for StemAndFoldFilter<T> {
    type TokenStream<'a> = StemAndFoldStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemAndFoldStream {
            tail: self.inner.token_stream(text),
            language: self.language,
            word: &mut self.word,
            key: (self.language, String::new()),
        }
    }
}

/// The token stream of [`StemAndFoldFilter`].
pub struct StemAndFoldStream<'a, S> {
    tail: S,
    language: Language,
    word: &'a mut TextAnalyzer,
    /// Reused lookup key.
    key: (Language, String),
}

impl<S: TokenStream> TokenStream for StemAndFoldStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        self.key.1.clear();
        self.key.1.push_str(&token.text);
        let found = STEMS.with(|stems| {
            let stems = stems.borrow();
            match stems.get(&self.key) {
                Some(stem) => {
                    token.text.clear();
                    token.text.push_str(stem);
                    true
                }
                None => false,
            }
        });
        if found {
            return true;
        }
        let mut stream = self.word.token_stream(&self.key.1);
        let stem = if stream.advance() {
            stream.token().text.clone()
        } else {
            self.key.1.clone()
        };
        drop(stream);
        let token = self.tail.token_mut();
        token.text.clear();
        token.text.push_str(&stem);
        STEMS.with(|stems| {
            let mut stems = stems.borrow_mut();
            if stems.len() >= STEM_CACHE_WORDS {
                stems.clear();
            }
            stems.insert((self.language, self.key.1.clone()), stem);
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
        let text = "Invasão de dispositivos informáticos; invasão, dispositivo INFORMÁTICO";
        for _ in 0..2 {
            assert_eq!(terms(cached.clone(), text), plain(text));
            let mut stream = cached.token_stream(text);
            while stream.advance() {}
        }
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
