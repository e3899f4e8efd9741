//! `suggest --apply`: suggestions written into the statute file as `harmonia` blocks, each
//! `implements` entry marked `suggested: true` (with a note giving the model and confidence),
//! and the penalty read from the text with a note saying so. Only sections without a block
//! get one: what a person wrote is never touched. The caller checks that the new file reads
//! back without new errors and writes it atomically.

use super::penalty::{PenaltyReading, PrisonRange};
use super::{ModelKind, SectionResult};
use crate::corpus::Statute;
use crate::import::yaml_str;

/// What `apply` did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Blocks written.
    pub blocks: usize,
    /// `implements` entries written.
    pub entries: usize,
    /// Penalties written.
    pub penalties: usize,
}

/// A duration in months as the format writes it: `2 years`, `6 months`, `15 days`.
pub fn duration(months: f64) -> String {
    let years = months / 12.0;
    if months >= 12.0 && (years - years.round()).abs() < 1e-6 {
        let y = years.round() as i64;
        return format!("{y} year{}", if y == 1 { "" } else { "s" });
    }
    if (months - months.round()).abs() < 1e-6 && months >= 1.0 {
        let m = months.round() as i64;
        return format!("{m} month{}", if m == 1 { "" } else { "s" });
    }
    let days = (months * 30.0).round() as i64;
    format!("{days} day{}", if days == 1 { "" } else { "s" })
}

fn describe(r: &PrisonRange) -> String {
    if r.life {
        return "life".into();
    }
    match (r.min_months, r.max_months) {
        (Some(a), Some(b)) => format!("{} to {}", duration(a), duration(b)),
        (None, Some(b)) => format!("up to {}", duration(b)),
        (Some(a), None) => format!("at least {} (maximum not stated)", duration(a)),
        (None, None) => "not stated".into(),
    }
}

/// The block for one section, or `None` when nothing is suggested.
pub fn block(result: &SectionResult, model: ModelKind) -> Option<String> {
    let s = &result.suggestion;
    if s.suggested.is_empty() {
        return None;
    }
    let mut out = String::from("```harmonia\nimplements:\n");
    for p in &s.suggested {
        let c = s.candidates.iter().find(|c| &c.provision == p)?;
        out.push_str(&format!("  - provision: {p}\n"));
        out.push_str(&format!("    elements: [{}]\n", c.elements.join(", ")));
        out.push_str("    suggested: true\n");
        let note = format!(
            "proposed by harmonia suggest ({} model, confidence {:.2}); check the provision and each element against the text, then delete `suggested: true`",
            model.name(),
            c.confidence
        );
        out.push_str(&format!("    note: {}\n", yaml_str(&note)));
    }
    if let Some(p) = &s.penalty {
        out.push_str(&penalty(p));
    }
    out.push_str("```\n");
    Some(out)
}

/// A range as the format writes it (`[~, 2 years]`, `[6 months, life]`), or `None` when the
/// text states no maximum.
fn range(r: &PrisonRange) -> Option<String> {
    let max = if r.life {
        "life".to_string()
    } else {
        duration(r.max_months?)
    };
    let min = r
        .min_months
        .filter(|m| r.life || r.max_months.is_some_and(|x| *m <= x))
        .map_or_else(|| "~".to_string(), duration);
    Some(format!("[{min}, {max}]"))
}

fn penalty(p: &PenaltyReading) -> String {
    let mut note = format!(
        "read from the text by harmonia suggest: {}",
        describe(&p.base)
    );
    for a in &p.aggravated {
        note.push_str(&format!("; aggravated: {}", describe(&a.prison)));
    }
    for l in &p.lesser {
        note.push_str(&format!("; lesser variant: {}", describe(l)));
    }
    note.push_str("; check it");
    let mut out = String::from("penalty:\n");
    if let Some(r) = range(&p.base) {
        out.push_str(&format!("  prison: {r}\n"));
        let aggravated: Vec<(String, &str)> = p
            .aggravated
            .iter()
            .filter_map(|a| range(&a.prison).map(|r| (r, a.when.as_str())))
            .collect();
        if !aggravated.is_empty() {
            out.push_str("  aggravated:\n");
            for (r, when) in aggravated {
                out.push_str(&format!("    - prison: {r}\n"));
                if !when.is_empty() {
                    out.push_str(&format!("      when: {}\n", yaml_str(when)));
                }
            }
        }
    }
    out.push_str(&format!("  note: {}\n", yaml_str(&note)));
    out
}

/// Inserts a block under every section of `results` that has suggestions, at the end of the
/// section's text (before the next heading). `text` is the file `statute` was read from.
pub fn apply(
    text: &str,
    statute: &Statute,
    results: &[SectionResult],
    model: ModelKind,
) -> (String, Applied) {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // Where each section ends: the line before the next heading (1-based lines).
    let mut inserts: Vec<(usize, String)> = Vec::new();
    let mut done = Applied::default();
    for r in results {
        if r.section.mapping.is_some() {
            continue; // a person's block: never touched
        }
        let Some(block) = block(r, model) else {
            continue;
        };
        let pos = statute
            .sections
            .iter()
            .position(|s| s.id == r.section.id)
            .unwrap_or(0);
        let next_line = statute
            .sections
            .get(pos + 1)
            .map_or(lines.len() + 1, |s| s.line as usize);
        // Index (0-based) of the first line after the section's last non-blank line.
        let mut end = next_line.saturating_sub(1).min(lines.len());
        while end > r.section.line as usize && lines[end - 1].trim().is_empty() {
            end -= 1;
        }
        done.blocks += 1;
        done.entries += r.suggestion.suggested.len();
        if r.suggestion.penalty.is_some() {
            done.penalties += 1;
        }
        inserts.push((end, block));
    }
    let mut out = String::with_capacity(text.len() + inserts.len() * 300);
    let mut next = inserts.iter().peekable();
    for (i, line) in lines.iter().enumerate() {
        while let Some((at, block)) = next.peek() {
            if *at != i {
                break;
            }
            out.push('\n');
            out.push_str(block);
            next.next();
        }
        out.push_str(line);
    }
    if !out.ends_with('\n')
        && !inserts.is_empty()
        && inserts.iter().any(|(at, _)| *at >= lines.len())
    {
        out.push('\n');
    }
    for (at, block) in &inserts {
        if *at >= lines.len() {
            out.push('\n');
            out.push_str(block);
        }
    }
    (out, done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(text: &str) -> PenaltyReading {
        crate::suggest::penalty::read_penalty(text, "de").expect("a penalty")
    }

    #[test]
    fn penalties_are_written_in_format_v2_and_read_back() {
        let p = reading(
            "wird mit Freiheitsstrafe bis zu zwei Jahren bestraft. In besonders schweren Fällen ist die Strafe Freiheitsstrafe von sechs Monaten bis zu zehn Jahren; bei Todesfolge lebenslange Freiheitsstrafe.",
        );
        let block = penalty(&p);
        assert!(block.contains("  prison: [~, 2 years]\n"), "{block}");
        assert!(block.contains("    - prison: [6 months, 10 years]\n      when: \"In besonders schweren Fällen ist die Strafe\"\n"), "{block}");
        assert!(block.contains("    - prison: [~, life]\n"), "{block}");
        // The corpus reader accepts what was written.
        let file = format!(
            "---\nid: xd-t\ncountry: XD\ntitle: T\nlanguage: de\nkind: act\nenacted: 2020-01-01\nreview: unverified\nsources: [https://example.org]\n---\n\n## § 1 {{#p-1}}\n\nText.\n\n```harmonia\nimplements:\n  - provision: bc-4\n    elements: [intent]\n    suggested: true\n{block}```\n"
        );
        let loaded = crate::corpus::load(&crate::corpus::CorpusSource::new(None)).unwrap();
        let (statute, found) =
            crate::suggest::read_statute(&loaded.corpus.frameworks, "t.md", file.into_bytes());
        assert!(!found.has_errors(), "{}", found.render(false));
        let pen = statute.unwrap().sections[0]
            .mapping
            .as_ref()
            .and_then(|m| m.penalty.clone())
            .unwrap();
        assert_eq!(pen.aggravated.len(), 2);
        assert!(pen.aggravated[1].prison.as_ref().unwrap().max.is_life());
    }

    #[test]
    fn durations_in_the_format_units() {
        assert_eq!(duration(24.0), "2 years");
        assert_eq!(duration(12.0), "1 year");
        assert_eq!(duration(6.0), "6 months");
        assert_eq!(duration(18.0), "18 months");
        assert_eq!(duration(0.5), "15 days");
        assert_eq!(duration(1.0), "1 month");
    }
}
