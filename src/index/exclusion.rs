//! Excluded words and phrases (`NOT`, `-word`), made safe for tantivy 0.27's scorers.
//!
//! tantivy excludes documents by asking the excluded clause's scorer, document by document,
//! whether it holds each candidate. The scorer may already stand past the candidate (a phrase
//! scorer stands on its first match from the start), and tantivy 0.27's phrase scorer asserts
//! that it is never asked about an earlier document: a debug build panics on `a -a-a` (the
//! phrase `"a a"` excluded) whenever the phrase's words occur in one field only. The fuzz
//! target for queries found it (docs/fuzzing.md); upstream tracks the assertion as
//! quickwit-oss/tantivy#2811. Release builds compile the assertion out and answer correctly,
//! since a document before the phrase's first match cannot hold it.
//!
//! [`guard`] wraps every excluded clause of a query in [`Excluded`], whose scorer answers a
//! question about an earlier document itself (no) and asks the wrapped scorer only about
//! documents at or after its own. Excluded clauses inside a boosted group (`(a -"b c")^2`)
//! sit inside a `BoostQuery`, which cannot be looked into once built, so [`lift_boosts`]
//! moves such a boost onto the group's other clauses before the query is built: an excluded
//! clause adds nothing to a score, so matches and scores are the same.

use tantivy::query::{BooleanQuery, EnableScoring, Explanation, Occur, Query, Scorer, Weight};
use tantivy::query_grammar::{UserInputAst, UserInputLeaf};
use tantivy::{DocId, DocSet, Score, SeekDangerResult, SegmentReader, Term, TERMINATED};

/// `query` with each excluded clause of its boolean queries wrapped in [`Excluded`].
pub fn guard(query: Box<dyn Query>) -> Box<dyn Query> {
    if let Some(b) = query.downcast_ref::<BooleanQuery>() {
        let clauses = b
            .clauses()
            .iter()
            .map(|(occur, q)| match occur {
                Occur::MustNot if q.downcast_ref::<Excluded>().is_none() => (
                    Occur::MustNot,
                    Box::new(Excluded(guard(q.box_clone()))) as Box<dyn Query>,
                ),
                _ => (*occur, guard(q.box_clone())),
            })
            .collect();
        return Box::new(BooleanQuery::with_minimum_required_clauses(
            clauses,
            b.get_minimum_number_should_match(),
        ));
    }
    query
}

/// True when `ast` excludes something inside a boosted group, so that [`lift_boosts`] must
/// rewrite it before the query is built.
pub fn boosts_an_exclusion(ast: &UserInputAst) -> bool {
    match ast {
        UserInputAst::Leaf(_) => false,
        UserInputAst::Clause(children) => children.iter().any(|(_, c)| boosts_an_exclusion(c)),
        UserInputAst::Boost(child, _) => excludes(child),
    }
}

fn excludes(ast: &UserInputAst) -> bool {
    match ast {
        UserInputAst::Leaf(_) => false,
        UserInputAst::Clause(children) => children
            .iter()
            .any(|(o, c)| *o == Some(Occur::MustNot) || excludes(c)),
        UserInputAst::Boost(child, _) => excludes(child),
    }
}

/// `ast` with every boost of a group holding an excluded clause moved onto the group's other
/// clauses (onto `*` when it has none, as tantivy's parser adds `*` to a group that only
/// excludes): the same matches and scores, and no excluded clause inside a boost.
pub fn lift_boosts(ast: UserInputAst) -> UserInputAst {
    match ast {
        UserInputAst::Leaf(_) => ast,
        UserInputAst::Clause(children) => UserInputAst::Clause(
            children
                .into_iter()
                .map(|(o, c)| (o, lift_boosts(c)))
                .collect(),
        ),
        UserInputAst::Boost(child, boost) => boosted(lift_boosts(*child), boost.into_inner()),
    }
}

fn boosted(ast: UserInputAst, boost: f64) -> UserInputAst {
    match ast {
        UserInputAst::Boost(child, inner) => boosted(*child, boost * inner.into_inner()),
        UserInputAst::Clause(children) if excludes(&UserInputAst::Clause(children.clone())) => {
            let only_excludes = children
                .iter()
                .all(|(o, c)| *o == Some(Occur::MustNot) || only_excludes(c));
            let mut out: Vec<(Option<Occur>, UserInputAst)> = children
                .into_iter()
                .map(|(o, c)| {
                    if o == Some(Occur::MustNot) {
                        (o, c)
                    } else {
                        (o, boosted(c, boost))
                    }
                })
                .collect();
            if only_excludes {
                out.push((
                    Some(Occur::Should),
                    boosted(UserInputAst::Leaf(Box::new(UserInputLeaf::All)), boost),
                ));
            }
            UserInputAst::Clause(out)
        }
        other => UserInputAst::Boost(Box::new(other), boost.into()),
    }
}

/// tantivy's rule for a group that only excludes (its parser then adds `*`).
fn only_excludes(ast: &UserInputAst) -> bool {
    match ast {
        UserInputAst::Leaf(_) => false,
        UserInputAst::Boost(child, _) => only_excludes(child),
        UserInputAst::Clause(children) => children
            .iter()
            .all(|(o, c)| *o == Some(Occur::MustNot) || only_excludes(c)),
    }
}

/// An excluded clause whose scorer is only ever asked about documents at or after the one
/// it stands on (see the module documentation).
#[derive(Debug)]
pub struct Excluded(Box<dyn Query>);

impl Clone for Excluded {
    fn clone(&self) -> Excluded {
        Excluded(self.0.box_clone())
    }
}

impl Query for Excluded {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(ExcludedWeight(self.0.weight(scoring)?)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
}

struct ExcludedWeight(Box<dyn Weight>);

impl Weight for ExcludedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(Forward(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.0.count(reader)
    }
}

/// A scorer sought forward only.
struct Forward(Box<dyn Scorer>);

impl DocSet for Forward {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let doc = self.0.doc();
        if doc >= target {
            doc
        } else {
            self.0.seek(target)
        }
    }

    fn seek_danger(&mut self, target: DocId) -> SeekDangerResult {
        if target >= TERMINATED {
            return SeekDangerResult::SeekLowerBound(TERMINATED);
        }
        let doc = self.seek(target);
        if doc == target {
            SeekDangerResult::Found
        } else {
            SeekDangerResult::SeekLowerBound(doc)
        }
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }
}

impl Scorer for Forward {
    fn score(&mut self) -> Score {
        self.0.score()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::query_grammar::parse_query;

    fn lifted(q: &str) -> String {
        format!("{:?}", lift_boosts(parse_query(q).unwrap()))
    }

    #[test]
    fn boosts_move_off_groups_that_exclude() {
        let q = parse_query("(a -b)^2 c").unwrap();
        assert!(boosts_an_exclusion(&q));
        let l = lift_boosts(q);
        assert!(!boosts_an_exclusion(&l), "{l:?}");
        // The positive clause carries the boost; the excluded one does not.
        assert_eq!(format!("{l:?}"), lifted("(a^2 -b) c"));
    }

    #[test]
    fn nested_boosts_multiply_and_groups_that_only_exclude_get_a_boosted_star() {
        let l = lift_boosts(parse_query("((a -b)^2)^3").unwrap());
        assert!(!boosts_an_exclusion(&l));
        assert_eq!(format!("{l:?}"), lifted("(a^6 -b)"));
        let l = lift_boosts(parse_query("x (-b)^2").unwrap());
        assert!(!boosts_an_exclusion(&l));
        // `*` joins as a `Should` clause (`?`), as tantivy's parser adds it.
        assert_eq!(format!("{l:?}"), "(*x *(-b ?(*)^2))");
    }

    #[test]
    fn boosts_without_exclusions_stay() {
        assert!(!boosts_an_exclusion(&parse_query("(a b)^2 -c").unwrap()));
        assert_eq!(lifted("(a b)^2 -c"), lifted("(a b)^2 -c"));
    }
}
