//! The labelled query set (`benches/search-labelled.txt`) and how well search answers it:
//! recall@10, MRR and nDCG@10 per pair of query language and statute language.
//!
//! The file holds blocks, one a legal concept: a query in each language, then the sections
//! expected in each statute language:
//!
//! ```text
//! [illegal-interception]
//! es: interceptación ilícita
//! de: Abfangen von Daten
//! => de: de-stgb#p-202b
//! => pt: br-lei-9296#art-10
//! ```
//!
//! Every query of a block runs once per statute language judged in it, with that language as
//! the `--language` filter, on the sections in force on [`EVAL_DATE`]; each run is one
//! *judgement*. For a run with relevant sections R and the ten best hits H:
//!
//! - recall@10 = |R ∩ H| / min(|R|, 10) (so that 1 is reachable when R is larger than 10);
//! - MRR = 1 / the rank of the first relevant hit in H (0 when none is);
//! - nDCG@10 = DCG / ideal DCG with gain 1 for a relevant hit, discounted by log2(rank + 1).
//!
//! Figures per pair are means over its judgements; "overall" is the mean over all
//! judgements, "cross-language" over those whose query and statute languages differ.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::bridge::Analysis;
use super::query::{DateFilter, SearchIndex, SearchRequest};
use crate::error::Error;

/// The day the labelled set is judged on.
pub const EVAL_DATE: (i32, u32, u32) = (2026, 12, 1);

/// Hits looked at.
pub const K: usize = 10;

/// One concept of the set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Block {
    /// Concept name.
    pub name: String,
    /// (language, query), in file order.
    pub queries: Vec<(String, String)>,
    /// Statute language -> expected section ids.
    pub expected: BTreeMap<String, Vec<String>>,
    /// Line of the block header.
    pub line: usize,
}

/// Reads the labelled set; a malformed line is an error naming its line.
pub fn parse(file: &str, text: &str) -> Result<Vec<Block>, Error> {
    let mut blocks: Vec<Block> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |what: &str| Error::Usage(format!("{file}:{n}: {what}: `{line}`"));
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            blocks.push(Block {
                name: name.trim().to_string(),
                line: n,
                ..Block::default()
            });
            continue;
        }
        let Some(block) = blocks.last_mut() else {
            return Err(bad("a query or judgement before the first [concept] line"));
        };
        if let Some(rest) = line.strip_prefix("=>") {
            let (lang, ids) = rest
                .split_once(':')
                .ok_or_else(|| bad("a judgement is `=> <language>: <section>, <section>`"))?;
            let ids: Vec<String> = ids
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            if ids.is_empty() || ids.iter().any(|id| !id.contains('#')) {
                return Err(bad("expected section ids such as `de-stgb#p-202b`"));
            }
            block.expected.insert(lang.trim().to_string(), ids);
        } else {
            let (lang, query) = line
                .split_once(':')
                .ok_or_else(|| bad("a query is `<language>: <words>`"))?;
            let lang = lang.trim();
            if lang.len() != 2 || !lang.chars().all(|c| c.is_ascii_lowercase()) {
                return Err(bad("the language of a query is a two-letter code"));
            }
            block
                .queries
                .push((lang.to_string(), query.trim().to_string()));
        }
    }
    Ok(blocks)
}

/// One query run against one statute language.
#[derive(Clone, Debug, Serialize)]
pub struct Judgement {
    /// Concept.
    pub concept: String,
    /// Query language.
    pub from: String,
    /// Statute language.
    pub to: String,
    /// The query.
    pub query: String,
    /// recall@10.
    pub recall: f64,
    /// Reciprocal rank of the first relevant hit in the top 10.
    pub rr: f64,
    /// nDCG@10.
    pub ndcg: f64,
    /// Expected sections missing from the top 10.
    pub missed: Vec<String>,
}

/// Mean figures over some judgements.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Figures {
    /// Judgements.
    pub n: usize,
    /// Mean recall@10.
    pub recall: f64,
    /// Mean reciprocal rank.
    pub mrr: f64,
    /// Mean nDCG@10.
    pub ndcg: f64,
}

impl Figures {
    /// Means over `judgements`.
    pub fn of<'a>(judgements: impl IntoIterator<Item = &'a Judgement>) -> Figures {
        let mut f = Figures::default();
        for j in judgements {
            f.n += 1;
            f.recall += j.recall;
            f.mrr += j.rr;
            f.ndcg += j.ndcg;
        }
        if f.n > 0 {
            let n = f.n as f64;
            f.recall /= n;
            f.mrr /= n;
            f.ndcg /= n;
        }
        f
    }
}

/// The scores of one ranked list against the relevant sections.
pub fn score(ranked: &[String], relevant: &[String]) -> (f64, f64, Vec<String>) {
    let top = &ranked[..ranked.len().min(K)];
    let found = relevant.iter().filter(|r| top.contains(r)).count();
    let ideal = relevant.len().min(K);
    let recall = if ideal == 0 {
        0.0
    } else {
        found as f64 / ideal as f64
    };
    let dcg: f64 = top
        .iter()
        .enumerate()
        .filter(|(_, s)| relevant.contains(s))
        .map(|(i, _)| 1.0 / ((i + 2) as f64).log2())
        .sum();
    let idcg: f64 = (0..ideal).map(|i| 1.0 / ((i + 2) as f64).log2()).sum();
    let ndcg = if idcg > 0.0 { dcg / idcg } else { 0.0 };
    let missed = relevant
        .iter()
        .filter(|r| !top.contains(r))
        .cloned()
        .collect();
    (recall, ndcg, missed)
}

/// Reciprocal rank of the first relevant section in the top [`K`].
pub fn reciprocal_rank(ranked: &[String], relevant: &[String]) -> f64 {
    ranked
        .iter()
        .take(K)
        .position(|s| relevant.contains(s))
        .map_or(0.0, |i| 1.0 / (i + 1) as f64)
}

/// Runs every query of `blocks` against `index` with `analysis`.
pub fn run(
    index: &SearchIndex,
    blocks: &[Block],
    analysis: Analysis,
) -> Result<Vec<Judgement>, Error> {
    let (y, m, d) = EVAL_DATE;
    let date = NaiveDate::from_ymd_opt(y, m, d).map_or(DateFilter::All, DateFilter::AsOf);
    let mut out = Vec::new();
    for b in blocks {
        for (from, query) in &b.queries {
            for (to, relevant) in &b.expected {
                let request = SearchRequest {
                    query: Some(query.clone()),
                    languages: vec![to.clone()],
                    date,
                    limit: K,
                    analysis,
                    ..SearchRequest::default()
                };
                let ranked: Vec<String> = index
                    .search(&request)?
                    .hits
                    .into_iter()
                    .map(|h| h.section)
                    .collect();
                let (recall, ndcg, missed) = score(&ranked, relevant);
                out.push(Judgement {
                    concept: b.name.clone(),
                    from: from.clone(),
                    to: to.clone(),
                    query: query.clone(),
                    recall,
                    rr: reciprocal_rank(&ranked, relevant),
                    ndcg,
                    missed,
                });
            }
        }
    }
    Ok(out)
}

/// Figures per (query language, statute language) pair.
pub fn per_pair(judgements: &[Judgement]) -> BTreeMap<(String, String), Figures> {
    let mut pairs: BTreeMap<(String, String), Vec<&Judgement>> = BTreeMap::new();
    for j in judgements {
        pairs
            .entry((j.from.clone(), j.to.clone()))
            .or_default()
            .push(j);
    }
    pairs
        .into_iter()
        .map(|(k, v)| (k, Figures::of(v)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn metrics_follow_their_definitions() {
        let relevant = ids(&["a", "b"]);
        let (r, n, missed) = score(&ids(&["a", "x", "b"]), &relevant);
        assert_eq!(r, 1.0);
        assert!(missed.is_empty());
        let ideal = 1.0 + 1.0 / 3f64.log2();
        assert!((n - (1.0 + 1.0 / 4f64.log2()) / ideal).abs() < 1e-9);
        assert_eq!(reciprocal_rank(&ids(&["x", "a"]), &relevant), 0.5);
        let (r, _, missed) = score(&ids(&["x"]), &relevant);
        assert_eq!(r, 0.0);
        assert_eq!(missed, relevant);
        // More relevant sections than K: recall is out of K.
        let many: Vec<String> = (0..20).map(|i| i.to_string()).collect();
        let (r, n, _) = score(&many[..10], &many);
        assert_eq!((r, n), (1.0, 1.0));
    }

    #[test]
    fn the_file_format_is_checked() {
        let b = parse(
            "f",
            "# c\n[x]\nes: acceso\n=> de: de-stgb#p-202a, de-stgb#p-202b\n",
        )
        .unwrap();
        assert_eq!(b[0].queries, [("es".to_string(), "acceso".to_string())]);
        assert_eq!(b[0].expected["de"].len(), 2);
        for bad in [
            "es: x\n",
            "[x]\nspanish: x\n",
            "[x]\n=> de: p-202a\n",
            "[x]\n=> de\n",
        ] {
            assert!(parse("f", bad).is_err(), "{bad}");
        }
        let Err(Error::Usage(m)) = parse("f", "[x]\n\nnonsense\n") else {
            panic!()
        };
        assert!(m.starts_with("f:3:"), "{m}");
    }
}
