//! Reading and validating a whole corpus: every file is parsed, every id resolved, every
//! date and penalty checked, and every problem becomes a located diagnostic. Loading never
//! stops at the first problem: a run reports all of them, and what is valid is kept.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_saphyr::Spanned;

use super::markdown::{self, Chunk, Doc};
use super::model::*;
use super::raw::*;
use super::source::{CorpusSource, SourceFile};
use super::yaml::{self, Origin};
use super::Corpus;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::id::{slug, CountryCode, ProvisionId, SectionId};

/// A corpus and what was found wrong with it.
pub struct Loaded {
    /// What could be read.
    pub corpus: Corpus,
    /// Every problem found, errors and warnings.
    pub diagnostics: Diagnostics,
}

/// Reads and validates the corpus at `source`. I/O failures on the folder itself are
/// errors; everything wrong inside files is in [`Loaded::diagnostics`].
pub fn load(source: &CorpusSource) -> Result<Loaded, Error> {
    let files = source.files()?;
    Ok(load_files(&files, source.describe()))
}

/// Validates already-read files (exposed for benchmarks and tests).
pub fn load_files(files: &[SourceFile], origin: String) -> Loaded {
    let mut out = Diagnostics::new();
    let mut texts: Vec<(&SourceFile, Option<&str>)> = Vec::with_capacity(files.len());
    for f in files {
        texts.push((f, decode(f, &mut out)));
    }

    // Frameworks first: statutes and countries refer to them.
    let mut frameworks: Vec<Framework> = Vec::new();
    let mut framework_dirs: BTreeMap<&str, Vec<(&SourceFile, Option<&str>)>> = BTreeMap::new();
    for (f, text) in &texts {
        if let Some(rest) = f.path.strip_prefix("model-law/") {
            let folder = rest.split('/').next().unwrap_or_default();
            framework_dirs.entry(folder).or_default().push((f, *text));
        }
    }
    for (folder, files) in &framework_dirs {
        if let Some(fw) = read_framework(folder, files, &mut out) {
            if let Some(first) = frameworks.iter().find(|x| x.id == fw.id) {
                out.push(
                    Diagnostic::error(&fw.file, format!("duplicate framework id `{}`", fw.id))
                        .at(1, 1)
                        .id(&fw.id)
                        .hint(format!("`{}` already defines it", first.file)),
                );
                continue;
            }
            frameworks.push(fw);
        }
    }
    check_cross_framework_refs(&frameworks, files_text(&texts), &mut out);

    // Countries and statutes.
    let mut countries: Vec<Country> = Vec::new();
    let mut statutes: Vec<Statute> = Vec::new();
    let mut country_dirs: BTreeMap<&str, Vec<(&SourceFile, Option<&str>)>> = BTreeMap::new();
    for (f, text) in &texts {
        if let Some(rest) = f.path.strip_prefix("statutes/") {
            let folder = rest.split('/').next().unwrap_or_default();
            country_dirs.entry(folder).or_default().push((f, *text));
        }
    }
    let cx = Cx {
        frameworks: &frameworks,
    };
    for (folder, files) in &country_dirs {
        let dir_path = format!("statutes/{folder}");
        let folder_ok = folder.len() == 2 && folder.chars().all(|c| c.is_ascii_lowercase());
        if !folder_ok {
            out.push(
                Diagnostic::error(&dir_path, format!("country folder `{folder}` is not a lower-case ISO 3166-1 alpha-2 code"))
                    .id(*folder)
                    .hint("name country folders by their two-letter code in lower case, e.g. `statutes/ar`"),
            );
            continue;
        }
        let country_file = files
            .iter()
            .find(|(f, _)| f.path.ends_with("/country.yaml"));
        match country_file {
            Some((f, Some(text))) => {
                let mut d = Diagnostics::new();
                if let Some(c) = cx.read_country(folder, f, text, &mut d) {
                    countries.push(c);
                }
                out.extend(with_source(d, text));
            }
            Some((_, None)) => {}
            None => out.push(
                Diagnostic::error(
                    format!("{dir_path}/country.yaml"),
                    format!("country folder `{dir_path}` has no country.yaml"),
                )
                .id(folder.to_ascii_uppercase())
                .hint("add country.yaml with at least `code` and `name` (see the README)"),
            ),
        }
        for (f, text) in files {
            if !f.path.ends_with(".md") {
                continue;
            }
            let Some(text) = text else { continue };
            let mut d = Diagnostics::new();
            if let Some(s) = cx.read_statute(folder, f, text, &mut d) {
                statutes.push(s);
            }
            out.extend(with_source(d, text));
        }
    }

    // Statute ids are unique across the corpus.
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for s in &statutes {
        if let Some(first) = seen.insert(&s.id, &s.file) {
            out.push(
                Diagnostic::error(&s.file, format!("duplicate statute id `{}`", s.id))
                    .at(front_matter_id_line(files, &s.file), 1)
                    .id(&s.id)
                    .hint(format!(
                        "`{first}` already uses this id; statute ids must be unique in the corpus"
                    ))
                    .with_source(text_of(&texts, &s.file)),
            );
        }
    }

    countries.sort_by(|a, b| a.code.cmp(&b.code));
    Loaded {
        corpus: Corpus {
            frameworks,
            countries,
            statutes,
            origin,
            coverage_cache: Default::default(),
        },
        diagnostics: out,
    }
}

/// Reads one statute file (`statutes/<cc>/<name>.md`) against frameworks already loaded,
/// for readers that stream a large corpus file by file instead of holding it in memory (the
/// search index). Only checks within the file are made: statute ids repeated across files
/// are the caller's to find.
pub fn read_statute_file(
    frameworks: &[Framework],
    file: &SourceFile,
) -> (Option<Statute>, Diagnostics) {
    let mut out = Diagnostics::new();
    let Some(text) = decode(file, &mut out) else {
        return (None, out);
    };
    let folder = file
        .path
        .strip_prefix("statutes/")
        .and_then(|r| r.split('/').next())
        .unwrap_or_default();
    let mut d = Diagnostics::new();
    let statute = Cx { frameworks }.read_statute(folder, file, text, &mut d);
    out.extend(with_source(d, text));
    (statute, out)
}

fn files_text<'a>(texts: &'a [(&'a SourceFile, Option<&'a str>)]) -> impl Fn(&str) -> &'a str + 'a {
    move |path| text_of(texts, path)
}

fn text_of<'a>(texts: &'a [(&'a SourceFile, Option<&'a str>)], path: &str) -> &'a str {
    texts
        .iter()
        .find(|(f, _)| f.path == path)
        .and_then(|(_, t)| *t)
        .unwrap_or_default()
}

fn front_matter_id_line(files: &[SourceFile], path: &str) -> u32 {
    let Some(f) = files.iter().find(|f| f.path == path) else {
        return 1;
    };
    let text = String::from_utf8_lossy(&f.bytes);
    text.lines()
        .position(|l| l.trim_start().starts_with("id:"))
        .map_or(1, |i| i as u32 + 1)
}

fn with_source(d: Diagnostics, text: &str) -> Diagnostics {
    let mut out = Diagnostics::new();
    for x in d.iter() {
        out.push(x.clone().with_source(text));
    }
    out
}

/// Decodes a file as UTF-8, or records why it cannot be read.
fn decode<'a>(f: &'a SourceFile, out: &mut Diagnostics) -> Option<&'a str> {
    if let Some(size) = f.too_large {
        out.push(
            Diagnostic::error(
                &f.path,
                format!(
                    "file is {:.1} MiB, larger than the limit of 64 MiB",
                    size as f64 / 1048576.0
                ),
            )
            .hint("split the statute into several files (one per act or code chapter)"),
        );
        return None;
    }
    match std::str::from_utf8(&f.bytes) {
        Ok(t) => Some(t.strip_prefix('\u{feff}').unwrap_or(t)),
        Err(e) => {
            let good = &f.bytes[..e.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&good[line_start..]).chars().count() as u32 + 1;
            out.push(
                Diagnostic::error(
                    &f.path,
                    format!("file is not valid UTF-8 (byte offset {})", e.valid_up_to()),
                )
                .at(line, column)
                .hint("save the file as UTF-8"),
            );
            None
        }
    }
}

/// Builds a diagnostic at a spanned value, moved into the file by `origin`.
fn at<T>(
    file: &str,
    origin: Origin,
    value: &Spanned<T>,
    width: usize,
    message: impl Into<String>,
) -> Diagnostic {
    let (l, c) = yaml::file_position(origin, value.referenced.line(), value.referenced.column());
    Diagnostic::error(file, message).at(l, c).width(width)
}

fn at_s(file: &str, origin: Origin, value: &S, message: impl Into<String>) -> Diagnostic {
    at(file, origin, value, value.value.chars().count(), message)
}

fn date(
    file: &str,
    origin: Origin,
    value: &Option<S>,
    key: &str,
    out: &mut Diagnostics,
) -> Option<NaiveDateOpt> {
    let v = value.as_ref()?;
    match parse_date(&v.value) {
        Ok(d) => Some(Some(d)),
        Err(m) => {
            out.push(at_s(file, origin, v, format!("invalid date in `{key}`: {m}")).id(&v.value));
            Some(None)
        }
    }
}

type NaiveDateOpt = Option<chrono::NaiveDate>;

fn flat_date(
    file: &str,
    origin: Origin,
    value: &Option<S>,
    key: &str,
    out: &mut Diagnostics,
) -> Option<chrono::NaiveDate> {
    date(file, origin, value, key, out).flatten()
}

// ---------------------------------------------------------------------------------------
// Frameworks and provisions

fn read_framework(
    folder: &str,
    files: &[(&SourceFile, Option<&str>)],
    out: &mut Diagnostics,
) -> Option<Framework> {
    let fw_path = format!("model-law/{folder}/framework.yaml");
    let Some((fw_file, fw_text)) = files.iter().find(|(f, _)| f.path == fw_path) else {
        out.push(
            Diagnostic::error(
                &fw_path,
                format!("framework folder `model-law/{folder}` has no framework.yaml"),
            )
            .hint("add framework.yaml with `id`, `title` and `areas`"),
        );
        return None;
    };
    let text = (*fw_text)?;
    let start = Origin { line: 1, indent: 0 };
    let mut d = Diagnostics::new();
    let raw: RawFramework = match yaml::parse(&fw_file.path, text, start) {
        Ok(r) => r,
        Err(e) => {
            out.push(e.with_source(text));
            return None;
        }
    };
    let Some(id) = raw.id.as_ref().filter(|i| !i.value.trim().is_empty()) else {
        out.push(
            Diagnostic::error(&fw_path, "framework has no `id`")
                .at(1, 1)
                .hint("add `id: <short lower-case id>`, the prefix of every provision id (e.g. `id: bc`)")
                .with_source(text),
        );
        return None;
    };
    let fid = id.value.trim().to_string();
    if !fid
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    {
        d.push(
            at_s(
                &fw_path,
                start,
                id,
                format!("framework id `{fid}` must be lower-case letters and digits"),
            )
            .id(&fid)
            .hint(
                "provision ids are `<framework>-<article>`, so the framework id cannot contain `-`",
            ),
        );
    }
    let title = match &raw.title {
        Some(t) => t.value.clone(),
        None => {
            d.push(
                Diagnostic::error(&fw_path, "missing required key `title`")
                    .at(1, 1)
                    .id(&fid),
            );
            String::new()
        }
    };
    let areas: Vec<String> = match &raw.areas {
        Some(a) if !a.is_empty() => a.iter().map(|s| s.value.trim().to_string()).collect(),
        _ => {
            d.push(
                Diagnostic::error(&fw_path, "missing required key `areas`")
                    .at(1, 1)
                    .id(&fid)
                    .hint(format!(
                        "list the areas provisions are grouped in, e.g. `areas: [{}]`",
                        STANDARD_AREAS.join(", ")
                    )),
            );
            Vec::new()
        }
    };
    out.extend(with_source(d, text));

    let mut extradition = ExtraditionRule::default();
    if let Some(x) = &raw.extradition {
        match parse_duration_months(&x.threshold.value) {
            Ok(m) => extradition.threshold_months = m,
            Err(m) => out.push(
                at_s(
                    &fw_path,
                    start,
                    &x.threshold,
                    format!("invalid `extradition.threshold`: {m}"),
                )
                .id(&fid)
                .hint("write the term as e.g. `threshold: 1 year`")
                .with_source(text),
            ),
        }
        extradition.article = x.article.as_ref().map(|a| a.trim().to_string());
    }
    let mut fw = Framework {
        id: fid,
        title,
        reference: raw.reference,
        areas,
        provisions: Vec::new(),
        extradition,
        file: fw_path,
    };
    let mut md_files: Vec<_> = files
        .iter()
        .filter(|(f, _)| f.path.ends_with(".md"))
        .collect();
    md_files.sort_by(|a, b| a.0.path.cmp(&b.0.path));
    for (f, text) in md_files {
        let Some(text) = text else { continue };
        let mut d = Diagnostics::new();
        read_provisions(&mut fw, f, text, &mut d);
        out.extend(with_source(d, text));
    }
    // Files group provisions as their author likes; the framework's order is by article.
    fw.provisions
        .sort_by_cached_key(|p| natural_key(&p.article));
    Some(fw)
}

fn read_provisions(fw: &mut Framework, f: &SourceFile, text: &str, out: &mut Diagnostics) {
    let file = f.path.as_str();
    let doc = match markdown::parse(file, text) {
        Ok(d) => d,
        Err(e) => return out.push(e),
    };
    doc.warnings.iter().cloned().for_each(|w| out.push(w));
    stray_blocks(file, &doc, out);
    for section in &doc.sections {
        let Some(block) = first_block(file, &section.blocks, out) else {
            continue;
        };
        let raw: RawProvision = match yaml::parse(file, &block.text, block.origin) {
            Ok(r) => r,
            Err(e) => {
                out.push(e);
                continue;
            }
        };
        let o = block.origin;
        let id = match ProvisionId::parse(&raw.provision.value) {
            Ok(id) => id,
            Err(m) => {
                out.push(at_s(file, o, &raw.provision, m).id(&raw.provision.value));
                continue;
            }
        };
        if id.framework() != fw.id {
            out.push(
                at_s(
                    file,
                    o,
                    &raw.provision,
                    format!(
                        "provision `{id}` does not start with its framework id `{}-`",
                        fw.id
                    ),
                )
                .id(id.as_str())
                .hint(format!(
                    "provision ids are `<framework>-<article>`, e.g. `{}-2`",
                    fw.id
                )),
            );
            continue;
        }
        if let Some(first) = fw.provision(&id) {
            out.push(
                at_s(
                    file,
                    o,
                    &raw.provision,
                    format!("duplicate provision id `{id}`"),
                )
                .id(id.as_str())
                .hint(format!("already defined at {}:{}", first.file, first.line)),
            );
            continue;
        }
        if let Some(attr) = &section.id_attr {
            if attr.to_ascii_lowercase() != id.as_str() {
                out.push(
                    Diagnostic::warning(
                        file,
                        format!("heading id `{attr}` differs from its provision id `{id}`"),
                    )
                    .at(section.line, 1)
                    .id(id.as_str()),
                );
            }
        }
        let area = raw.area.value.trim().to_string();
        if !fw.areas.is_empty() && !fw.areas.contains(&area) {
            out.push(
                at_s(
                    file,
                    o,
                    &raw.area,
                    format!(
                        "area `{area}` is not one of the framework's areas ({})",
                        fw.areas.join(", ")
                    ),
                )
                .id(id.as_str())
                .suggest(&area, fw.areas.iter().map(String::as_str)),
            );
        }
        let elements = elements_of(file, o, &id, "element", &raw.elements, out);
        if elements.is_empty() {
            out.push(
                at_s(
                    file,
                    o,
                    &raw.provision,
                    format!("provision `{id}` has no elements"),
                )
                .id(id.as_str())
                .hint("list what a national provision must contain, each with `id` and `label`"),
            );
        }
        let options = elements_of(file, o, &id, "option", &raw.options, out);
        for opt in &options {
            if elements.iter().any(|e| e.id == opt.id) {
                out.push(
                    Diagnostic::error(
                        file,
                        format!("`{}` is both an element and an option of `{id}`", opt.id),
                    )
                    .at(o.line, 1)
                    .id(id.as_str()),
                );
            }
        }
        let terms = raw
            .terms
            .map(|t| {
                t.value
                    .into_iter()
                    .map(|(k, v)| (k.trim().to_ascii_lowercase(), v))
                    .collect()
            })
            .unwrap_or_default();
        let drafting = raw
            .drafting
            .map(|t| {
                t.value
                    .into_iter()
                    .map(|(k, v)| (k.trim().to_ascii_lowercase(), v))
                    .collect()
            })
            .unwrap_or_default();
        let self_executing = match &raw.self_executing {
            None => Vec::new(),
            Some(v) => {
                let all = || elements.iter().map(|e| e.id.clone()).collect();
                let (l, c) = yaml::file_position(o, v.referenced.line(), v.referenced.column());
                match &v.value {
                    RawFlagOrList::Flag(true) => all(),
                    RawFlagOrList::Flag(false) => Vec::new(),
                    RawFlagOrList::Word(w) => {
                        out.push(
                            Diagnostic::error(file, format!("`self_executing` is `{w}`"))
                                .at(l, c)
                                .id(id.as_str())
                                .hint("write `true`, `false` or a list of element ids"),
                        );
                        Vec::new()
                    }
                    RawFlagOrList::List(list) => {
                        let mut v = Vec::new();
                        for e in list {
                            let e = e.trim();
                            if elements.iter().any(|x| x.id == e) {
                                v.push(e.to_string());
                            } else {
                                out.push(
                                    Diagnostic::error(
                                        file,
                                        format!(
                                            "unknown element `{e}` in `self_executing` of `{id}`"
                                        ),
                                    )
                                    .at(l, c)
                                    .id(id.as_str())
                                    .suggest(e, elements.iter().map(|x| x.id.as_str())),
                                );
                            }
                        }
                        v
                    }
                }
            }
        };
        let is_offence = raw.offence.unwrap_or(area == "substantive");
        if !self_executing.is_empty() && is_offence {
            out.push(
                at_s(
                    file,
                    o,
                    &raw.provision,
                    format!("offence `{id}` is marked `self_executing`"),
                )
                .id(id.as_str())
                .hint("a treaty never creates an offence by itself: offences need a statute"),
            );
        }
        let mut derived = Vec::new();
        for d in &raw.derive {
            let element = d.element.value.trim();
            if !elements.iter().any(|x| x.id == element) {
                out.push(
                    at_s(
                        file,
                        o,
                        &d.element,
                        format!("unknown element `{element}` in `derive` of `{id}`"),
                    )
                    .id(id.as_str())
                    .suggest(element, elements.iter().map(|x| x.id.as_str())),
                );
                continue;
            }
            let Some(rule) = DerivationRule::parse(d.rule.value.trim()) else {
                out.push(
                    at_s(
                        file,
                        o,
                        &d.rule,
                        format!("unknown derivation rule `{}`", d.rule.value.trim()),
                    )
                    .id(id.as_str())
                    .suggest(d.rule.value.trim(), DerivationRule::NAMES)
                    .hint(format!(
                        "the rules are: {}",
                        DerivationRule::NAMES.join(", ")
                    )),
                );
                continue;
            };
            derived.push(Derivation {
                element: element.to_string(),
                rule,
                note: d.note.clone(),
            });
        }
        let mut sources = raw.sources.clone();
        for d in &raw.derive {
            sources.extend(d.sources.iter().cloned());
        }
        if (!self_executing.is_empty() || !derived.is_empty()) && sources.is_empty() {
            out.push(
                Diagnostic::warning(
                    file,
                    format!("`{id}` is self-executing or derived, and cites no sources"),
                )
                .at(o.line, 1)
                .id(id.as_str())
                .hint("add `sources:` to the block with what supports the claim"),
            );
        }
        let (text, notes) = split_notes(&section.markdown);
        fw.provisions.push(Provision {
            id,
            article: raw.article.value.trim().to_string(),
            title: section.heading.clone(),
            area,
            elements,
            options,
            terms,
            related: raw
                .related
                .into_iter()
                .map(|s| s.value.trim().to_ascii_lowercase())
                .collect(),
            equivalent: raw
                .equivalent
                .into_iter()
                .map(|s| s.value.trim().to_ascii_lowercase())
                .collect(),
            text,
            notes,
            drafting,
            offence: raw.offence,
            self_executing,
            derived,
            sources,
            file: file.to_string(),
            line: section.line,
        });
    }
}

/// Sort key that orders article references naturally: `1.a` < `1.b` < `2` < `10` < `10a`.
fn natural_key(article: &str) -> Vec<(u64, String)> {
    let mut key = Vec::new();
    let mut chars = article.chars().peekable();
    while chars.peek().is_some() {
        let digits: String = std::iter::from_fn(|| chars.next_if(char::is_ascii_digit)).collect();
        let rest: String = std::iter::from_fn(|| chars.next_if(|c| !c.is_ascii_digit())).collect();
        key.push((digits.parse().unwrap_or(0), rest.to_lowercase()));
    }
    key
}

/// Splits a provision's Markdown into the model text and the commentary that starts at the
/// first paragraph opening with `Notes:` or `Note:` (optionally bold).
fn split_notes(markdown: &str) -> (String, String) {
    let mut offset = 0;
    for para in markdown.split_inclusive("\n\n") {
        let t = para.trim_start().trim_start_matches(['*', '_']);
        if t.starts_with("Notes:") || t.starts_with("Note:") {
            return (
                markdown[..offset].trim().to_string(),
                markdown[offset..].trim().to_string(),
            );
        }
        offset += para.len();
    }
    (markdown.trim().to_string(), String::new())
}

fn elements_of(
    file: &str,
    o: Origin,
    id: &ProvisionId,
    kind: &str,
    raw: &[RawElement],
    out: &mut Diagnostics,
) -> Vec<Element> {
    let mut seen = HashSet::new();
    let mut v = Vec::new();
    for e in raw {
        let eid = e.id.value.trim().to_string();
        if eid.is_empty() || eid.contains(char::is_whitespace) {
            out.push(
                at_s(
                    file,
                    o,
                    &e.id,
                    format!("{kind} id `{eid}` must be a single word (letters, digits, `-`)"),
                )
                .id(id.as_str()),
            );
            continue;
        }
        if !seen.insert(eid.clone()) {
            out.push(
                at_s(
                    file,
                    o,
                    &e.id,
                    format!("duplicate {kind} id `{eid}` in provision `{id}`"),
                )
                .id(id.as_str()),
            );
            continue;
        }
        v.push(Element {
            id: eid,
            label: e.label.value.trim().to_string(),
        });
    }
    v
}

/// Related and equivalent ids that name a framework of the corpus must name one of its
/// provisions (ids of frameworks not in the corpus are left alone).
fn check_cross_framework_refs<'a>(
    frameworks: &[Framework],
    text_of: impl Fn(&str) -> &'a str,
    out: &mut Diagnostics,
) {
    for fw in frameworks {
        for p in &fw.provisions {
            for (key, list) in [("related", &p.related), ("equivalent", &p.equivalent)] {
                for r in list {
                    let Ok(rid) = ProvisionId::parse(r) else {
                        out.push(
                            Diagnostic::error(
                                &p.file,
                                format!("`{r}` in `{key}` is not a provision id"),
                            )
                            .at(p.line, 1)
                            .id(p.id.as_str()),
                        );
                        continue;
                    };
                    let Some(target) = frameworks.iter().find(|f| f.id == rid.framework()) else {
                        continue;
                    };
                    if target.provision(&rid).is_none() {
                        let text = text_of(&p.file);
                        let line = text
                            .lines()
                            .enumerate()
                            .skip(p.line as usize)
                            .find(|(_, l)| l.contains(key) && l.contains(r.as_str()))
                            .map_or(p.line, |(i, _)| i as u32 + 1);
                        out.push(
                            Diagnostic::error(
                                &p.file,
                                format!("unknown provision `{r}` in `{key}` of `{}`", p.id),
                            )
                            .at(line, 1)
                            .id(p.id.as_str())
                            .suggest(r, target.provisions.iter().map(|x| x.id.as_str()))
                            .with_source(text),
                        );
                    }
                }
            }
        }
    }
}

fn stray_blocks(file: &str, doc: &Doc, out: &mut Diagnostics) {
    for b in &doc.stray_blocks {
        out.push(
            Diagnostic::error(file, "`harmonia` block before the first heading")
                .at(b.origin.line.saturating_sub(1), 1)
                .hint(
                    "put each block under the heading of the section (or provision) it describes",
                ),
        );
    }
}

fn first_block<'a>(file: &str, blocks: &'a [Chunk], out: &mut Diagnostics) -> Option<&'a Chunk> {
    for extra in blocks.iter().skip(1) {
        out.push(
            Diagnostic::error(file, "a section may have only one `harmonia` block")
                .at(extra.origin.line.saturating_sub(1), 1)
                .hint("merge the blocks: one block can list several provisions under `implements`"),
        );
    }
    blocks.first()
}

// ---------------------------------------------------------------------------------------
// Countries and statutes

/// What statute and country checks need to know.
struct Cx<'a> {
    frameworks: &'a [Framework],
}

impl Cx<'_> {
    fn framework(&self, id: &str) -> Option<&Framework> {
        self.frameworks.iter().find(|f| f.id == id)
    }

    /// Resolves a provision id written at `v`, reporting unknown ones.
    fn provision(
        &self,
        file: &str,
        o: Origin,
        v: &S,
        context: &str,
        out: &mut Diagnostics,
    ) -> Option<(&Framework, &Provision)> {
        let id = match ProvisionId::parse(&v.value) {
            Ok(id) => id,
            Err(m) => {
                out.push(at_s(file, o, v, m).id(context));
                return None;
            }
        };
        let Some(fw) = self.framework(id.framework()) else {
            out.push(
                at_s(
                    file,
                    o,
                    v,
                    format!("unknown framework `{}` in provision `{id}`", id.framework()),
                )
                .id(context)
                .suggest(
                    id.framework(),
                    self.frameworks.iter().map(|f| f.id.as_str()),
                ),
            );
            return None;
        };
        let Some(p) = fw.provision(&id) else {
            out.push(
                at_s(file, o, v, format!("unknown provision `{id}`"))
                    .id(context)
                    .suggest(id.as_str(), fw.provisions.iter().map(|p| p.id.as_str())),
            );
            return None;
        };
        Some((fw, p))
    }

    /// Checks ids against a provision's elements (or options), returning the valid ones.
    fn ids(
        &self,
        file: &str,
        o: Origin,
        p: &Provision,
        kind: &str,
        vals: &[S],
        context: &str,
        out: &mut Diagnostics,
    ) -> Vec<String> {
        let (own, other, other_kind) = match kind {
            "element" => (&p.elements, &p.options, "option"),
            _ => (&p.options, &p.elements, "element"),
        };
        let mut v: Vec<String> = Vec::new();
        for s in vals {
            let id = s.value.trim();
            if own.iter().any(|e| e.id == id) {
                if v.iter().any(|x| x == id) {
                    let (l, c) = yaml::file_position(o, s.referenced.line(), s.referenced.column());
                    out.push(
                        Diagnostic::warning(file, format!("{kind} `{id}` is listed twice"))
                            .at(l, c)
                            .id(context),
                    );
                } else {
                    v.push(id.to_string());
                }
                continue;
            }
            let mut d = at_s(
                file,
                o,
                s,
                format!("unknown {kind} `{id}` of provision `{}`", p.id),
            )
            .id(context);
            if other.iter().any(|e| e.id == id) {
                d = d.hint(format!(
                    "`{id}` is an {other_kind} of `{}`; list it under `{other_kind}s`",
                    p.id
                ));
            } else {
                d = d.suggest(id, own.iter().map(|e| e.id.as_str()));
                if d.hint.is_none() {
                    d = d.hint(format!(
                        "the {kind}s of `{}` are: {}",
                        p.id,
                        own.iter()
                            .map(|e| e.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
            }
            out.push(d);
        }
        v
    }

    fn read_country(
        &self,
        folder: &str,
        f: &SourceFile,
        text: &str,
        out: &mut Diagnostics,
    ) -> Option<Country> {
        let file = f.path.as_str();
        let o = Origin { line: 1, indent: 0 };
        let raw: RawCountry = match yaml::parse(file, text, o) {
            Ok(r) => r,
            Err(e) => {
                out.push(e);
                return None;
            }
        };
        let code = match CountryCode::parse(&raw.code.value) {
            Ok(c) => c,
            Err(m) => {
                out.push(at_s(file, o, &raw.code, m).id(&raw.code.value));
                return None;
            }
        };
        if code.lower() != folder {
            out.push(
                at_s(
                    file,
                    o,
                    &raw.code,
                    format!("country code `{code}` differs from its folder `statutes/{folder}`"),
                )
                .id(code.as_str())
                .hint(format!(
                    "use `code: {}` or move the file to `statutes/{}/`",
                    folder.to_ascii_uppercase(),
                    code.lower()
                )),
            );
        }
        let mut treaties: Vec<Treaty> = Vec::new();
        for t in &raw.treaties {
            let fid = t.framework.value.trim();
            let Some(fw) = self.framework(fid) else {
                out.push(
                    at_s(file, o, &t.framework, format!("unknown framework `{fid}`"))
                        .id(code.as_str())
                        .suggest(fid, self.frameworks.iter().map(|f| f.id.as_str())),
                );
                continue;
            };
            if treaties.iter().any(|x| x.framework == fid) {
                out.push(
                    at_s(
                        file,
                        o,
                        &t.framework,
                        format!("two treaty records for framework `{fid}`"),
                    )
                    .id(code.as_str()),
                );
                continue;
            }
            let status = match TreatyStatus::parse(t.status.value.trim()) {
                Some(s) => s,
                None => {
                    out.push(
                        at_s(
                            file,
                            o,
                            &t.status,
                            format!("unknown treaty status `{}`", t.status.value.trim()),
                        )
                        .id(code.as_str())
                        .suggest(t.status.value.trim(), TreatyStatus::NAMES)
                        .hint(format!("use one of: {}", TreatyStatus::NAMES.join(", "))),
                    );
                    TreatyStatus::None
                }
            };
            let signed = flat_date(file, o, &t.signed, "signed", out);
            let ratified = flat_date(file, o, &t.ratified, "ratified", out);
            let in_force = flat_date(file, o, &t.in_force, "in_force", out);
            let context = format!("{code} / {fid}");
            let mut reservations = Vec::new();
            for r in &t.reservations {
                let Some((_, p)) = self.provision(file, o, &r.provision, &context, out) else {
                    continue;
                };
                if p.id.framework() != fid {
                    out.push(
                        at_s(
                            file,
                            o,
                            &r.provision,
                            format!("reservation on `{}` is not a provision of `{fid}`", p.id),
                        )
                        .id(&context),
                    );
                    continue;
                }
                let elements = self.ids(file, o, p, "element", &r.elements, &context, out);
                let options = self.ids(file, o, p, "option", &r.options, &context, out);
                if reservations
                    .iter()
                    .any(|x: &Reservation| x.provision == p.id)
                {
                    out.push(
                        at_s(
                            file,
                            o,
                            &r.provision,
                            format!("two reservations on `{}`", p.id),
                        )
                        .id(&context)
                        .hint("merge them into one entry listing all reserved elements"),
                    );
                    continue;
                }
                reservations.push(Reservation {
                    provision: p.id.clone(),
                    elements,
                    options,
                    note: r.note.clone(),
                });
            }
            let mut declarations = Vec::new();
            for r in &t.declarations {
                let Some((_, p)) = self.provision(file, o, &r.provision, &context, out) else {
                    continue;
                };
                let options = self.ids(file, o, p, "option", &r.options, &context, out);
                declarations.push(Declaration {
                    provision: p.id.clone(),
                    options,
                    note: r.note.clone(),
                });
            }
            let mut designations: Vec<Designation> = Vec::new();
            for r in &t.designations {
                let Some((_, p)) = self.provision(file, o, &r.provision, &context, out) else {
                    continue;
                };
                if p.id.framework() != fid {
                    out.push(
                        at_s(
                            file,
                            o,
                            &r.provision,
                            format!("designation under `{}` is not a provision of `{fid}`", p.id),
                        )
                        .id(&context),
                    );
                    continue;
                }
                let elements = self.ids(file, o, p, "element", &r.elements, &context, out);
                let date = flat_date(file, o, &r.date, "date", out);
                if r.sources.is_empty() {
                    out.push(
                        at_s(file, o, &r.provision, format!("designation under `{}` cites no sources", p.id))
                            .warn()
                            .id(&context)
                            .hint("add `sources:` with the depositary's page of declarations (or the notification)"),
                    );
                }
                designations.push(Designation {
                    provision: p.id.clone(),
                    elements,
                    authority: r.authority.as_ref().map(|a| a.value.trim().to_string()),
                    date,
                    sources: r.sources.clone(),
                    note: r.note.clone(),
                });
            }
            let domestic_effect = t.domestic_effect.as_ref().and_then(|v| {
                let (l, c) = yaml::file_position(o, v.referenced.line(), v.referenced.column());
                let (text, sources, note) = match &v.value {
                    RawDomesticEffect::Date(d) => (d, &t.sources, None),
                    RawDomesticEffect::Full { date, sources, note } => (date, sources, note.clone()),
                };
                let date = match parse_date(text) {
                    Ok(d) => d,
                    Err(m) => {
                        out.push(
                            Diagnostic::error(file, format!("invalid date in `domestic_effect`: {m}"))
                                .at(l, c)
                                .id(&context),
                        );
                        return None;
                    }
                };
                if sources.is_empty() {
                    out.push(
                        Diagnostic::warning(file, format!("`domestic_effect` of {context} cites no sources"))
                            .at(l, c)
                            .id(&context)
                            .hint("write `domestic_effect: {date: ..., sources: [...]}` or add `sources:` to the treaty record (the promulgation decree, the constitution's treaty clause)"),
                    );
                }
                Some(DomesticEffect {
                    date,
                    sources: sources.clone(),
                    note,
                })
            });
            let _ = fw;
            treaties.push(Treaty {
                framework: fid.to_string(),
                status,
                signed,
                ratified,
                in_force,
                reservations,
                declarations,
                designations,
                domestic_effect,
                sources: t.sources.clone(),
                note: t.note.clone(),
            });
        }
        let reviews = raw
            .reviews
            .iter()
            .filter_map(|r| self.review_claim(file, o, code.as_str(), r, out))
            .collect();
        let extradites_nationals = raw.extradites_nationals.as_ref().and_then(|v| {
            let (l, c) = yaml::file_position(o, v.referenced.line(), v.referenced.column());
            let (rule, sources, note) = match &v.value {
                RawNationals::Flag(b) => (Ok(*b), Vec::new(), None),
                RawNationals::Word(w) => (Err(w.as_str()), Vec::new(), None),
                RawNationals::Full { rule, sources, note } => match rule {
                    RawNationalsRule::Flag(b) => (Ok(*b), sources.clone(), note.clone()),
                    RawNationalsRule::Word(w) => (Err(w.as_str()), sources.clone(), note.clone()),
                },
            };
            let rule = match rule {
                Ok(true) => Nationals::Yes,
                Ok(false) => Nationals::No,
                Err(w) if w.trim() == "conditional" => Nationals::Conditional,
                Err(w) => {
                    out.push(
                        Diagnostic::error(file, format!("unknown `extradites_nationals` value `{}`", w.trim()))
                            .at(l, c)
                            .id(code.as_str())
                            .hint("use `true`, `false` or `conditional`"),
                    );
                    return None;
                }
            };
            if sources.is_empty() {
                out.push(
                    Diagnostic::warning(file, "`extradites_nationals` cites no sources")
                        .at(l, c)
                        .id(code.as_str())
                        .hint("write `extradites_nationals: {rule: conditional, sources: [...], note: ...}`"),
                );
            }
            Some(NationalsRule { rule, sources, note })
        });
        Some(Country {
            code,
            reviews,
            extradites_nationals,
            name: raw.name.value.trim().to_string(),
            region: raw.region.map(|s| s.trim().to_string()),
            subregion: raw.subregion.map(|s| s.trim().to_string()),
            languages: raw
                .languages
                .iter()
                .map(|s| s.value.trim().to_ascii_lowercase())
                .collect(),
            legal_system: raw.legal_system,
            treaties,
            file: file.to_string(),
        })
    }

    /// Validates one `reviews` entry of a country.
    fn review_claim(
        &self,
        file: &str,
        o: Origin,
        code: &str,
        r: &RawReviewClaim,
        out: &mut Diagnostics,
    ) -> Option<ReviewClaim> {
        let fid = r.framework.value.trim();
        let context = format!("{code} / reviews / {fid}");
        let Some(fw) = self.framework(fid) else {
            out.push(
                at_s(
                    file,
                    o,
                    &r.framework,
                    format!("review of unknown framework `{fid}`"),
                )
                .id(&context)
                .suggest(fid, self.frameworks.iter().map(|f| f.id.as_str())),
            );
            return None;
        };
        let scope = match (&r.provisions, &r.areas) {
            (Some(_), Some(a)) => {
                let (l, c) = yaml::file_position(o, a.referenced.line(), a.referenced.column());
                out.push(
                    Diagnostic::error(file, "a review lists both `provisions` and `areas`")
                        .at(l, c)
                        .id(&context)
                        .hint("write two review entries, one for each"),
                );
                return None;
            }
            (None, None) => {
                out.push(
                    at_s(
                        file,
                        o,
                        &r.framework,
                        "a review names neither `provisions` nor `areas`",
                    )
                    .id(&context)
                    .hint("write `provisions: all`, a list of provision ids, or `areas: [...]`"),
                );
                return None;
            }
            (None, Some(a)) => {
                let (l, c) = yaml::file_position(o, a.referenced.line(), a.referenced.column());
                let mut areas = Vec::new();
                for x in &a.value {
                    let x = x.trim();
                    if fw.areas.iter().any(|y| y == x) {
                        areas.push(x.to_string());
                    } else {
                        out.push(
                            Diagnostic::error(
                                file,
                                format!("unknown area `{x}` in a review of `{fid}`"),
                            )
                            .at(l, c)
                            .id(&context)
                            .hint(format!("the areas of `{fid}` are: {}", fw.areas.join(", ")))
                            .suggest(x, fw.areas.iter().map(String::as_str)),
                        );
                    }
                }
                ReviewScope::Areas(areas)
            }
            (Some(p), None) => {
                let (l, c) = yaml::file_position(o, p.referenced.line(), p.referenced.column());
                match &p.value {
                    RawFlagOrList::Word(w) if w.trim() == "all" => ReviewScope::All,
                    RawFlagOrList::List(ids) => {
                        let mut v = Vec::new();
                        for x in ids {
                            let known = ProvisionId::parse(x)
                                .ok()
                                .filter(|id| fw.provision(id).is_some());
                            match known {
                                Some(id) => v.push(id),
                                None => out.push(
                                    Diagnostic::error(
                                        file,
                                        format!(
                                            "unknown provision `{}` in a review of `{fid}`",
                                            x.trim()
                                        ),
                                    )
                                    .at(l, c)
                                    .id(&context)
                                    .suggest(x.trim(), fw.provisions.iter().map(|p| p.id.as_str())),
                                ),
                            }
                        }
                        ReviewScope::Provisions(v)
                    }
                    _ => {
                        out.push(
                            Diagnostic::error(
                                file,
                                "`provisions` of a review is neither `all` nor a list",
                            )
                            .at(l, c)
                            .id(&context)
                            .hint("write `provisions: all` or `provisions: [bc-2, bc-3]`"),
                        );
                        return None;
                    }
                }
            }
        };
        let since = flat_date(file, o, &r.since, "since", out);
        let checked = flat_date(file, o, &r.checked, "checked", out);
        if r.sources.is_empty() {
            out.push(
                at_s(file, o, &r.framework, "review cites no sources")
                    .warn()
                    .id(&context)
                    .hint("a review claims the corpus holds all the law: name what the reviewer read (`sources:`)"),
            );
        }
        Some(ReviewClaim {
            framework: fid.to_string(),
            scope,
            since,
            checked,
            sources: r.sources.clone(),
            note: r.note.clone(),
        })
    }

    fn read_statute(
        &self,
        folder: &str,
        f: &SourceFile,
        text: &str,
        out: &mut Diagnostics,
    ) -> Option<Statute> {
        let file = f.path.as_str();
        if text.trim().is_empty() {
            out.push(
                Diagnostic::error(file, "empty file")
                    .hint("a statute starts with front matter between `---` lines (id, country, title, language, kind)"),
            );
            return None;
        }
        let doc = match markdown::parse(file, text) {
            Ok(d) => d,
            Err(e) => {
                out.push(e);
                return None;
            }
        };
        doc.warnings.iter().cloned().for_each(|w| out.push(w));
        let Some(fm) = &doc.front_matter else {
            out.push(
                Diagnostic::error(file, "statute has no front matter")
                    .at(1, 1)
                    .hint("start the file with `---`, the keys id, country, title, language, kind and a date, then `---`"),
            );
            return None;
        };
        let o = fm.origin;
        let raw: RawStatute = match yaml::parse(file, &fm.text, o) {
            Ok(r) => r,
            Err(e) => {
                out.push(e);
                return None;
            }
        };
        let id = raw.id.value.trim().to_string();
        let country = match CountryCode::parse(&raw.country.value) {
            Ok(c) => c,
            Err(m) => {
                out.push(at_s(file, o, &raw.country, m).id(&id));
                return None;
            }
        };
        if country.lower() != folder {
            out.push(
                at_s(
                    file,
                    o,
                    &raw.country,
                    format!(
                        "statute country `{country}` differs from its folder `statutes/{folder}`"
                    ),
                )
                .id(&id)
                .hint(format!(
                    "use `country: {}` or move the file to `statutes/{}/`",
                    folder.to_ascii_uppercase(),
                    country.lower()
                )),
            );
        }
        let prefix = format!("{}-", country.lower());
        if !id.starts_with(&prefix) {
            out.push(
                at_s(
                    file,
                    o,
                    &raw.id,
                    format!("statute id `{id}` does not start with its country code `{prefix}`"),
                )
                .id(&id)
                .hint(format!(
                    "e.g. `id: {prefix}{}`",
                    id.trim_start_matches(|c: char| c != '-')
                        .trim_start_matches('-')
                )),
            );
        }
        if id.contains(char::is_whitespace) || id.contains('#') {
            out.push(
                at_s(
                    file,
                    o,
                    &raw.id,
                    format!("statute id `{id}` may not contain spaces or `#`"),
                )
                .id(&id),
            );
        }
        let language = raw.language.value.trim().to_ascii_lowercase();
        if !(language.len() == 2 && language.chars().all(|c| c.is_ascii_lowercase())) {
            out.push(
                at_s(
                    file,
                    o,
                    &raw.language,
                    format!("language `{language}` is not an ISO 639-1 code"),
                )
                .id(&id)
                .hint("use a two-letter code such as `es`, `pt`, `en`, `fr`, `de`"),
            );
        }
        let kind = match StatuteKind::parse(raw.kind.value.trim()) {
            Some(k) => k,
            None => {
                out.push(
                    at_s(
                        file,
                        o,
                        &raw.kind,
                        format!("unknown statute kind `{}`", raw.kind.value.trim()),
                    )
                    .id(&id)
                    .suggest(raw.kind.value.trim(), StatuteKind::NAMES)
                    .hint(format!("use one of: {}", StatuteKind::NAMES.join(", "))),
                );
                StatuteKind::Act
            }
        };
        let enacted = flat_date(file, o, &raw.enacted, "enacted", out);
        let in_force = flat_date(file, o, &raw.in_force, "in_force", out);
        let repealed = flat_date(file, o, &raw.repealed, "repealed", out);
        if kind != StatuteKind::Bill && raw.enacted.is_none() && raw.in_force.is_none() {
            out.push(
                at_s(
                    file,
                    o,
                    &raw.kind,
                    format!("statute `{id}` has neither `enacted` nor `in_force`"),
                )
                .id(&id)
                .hint(
                    "a statute with neither date is never in force; add one (or use `kind: bill`)",
                ),
            );
        }
        if let (Some(start), Some(end)) = (in_force.or(enacted), repealed) {
            if end < start {
                if let Some(r) = &raw.repealed {
                    out.push(at_s(file, o, r, format!("statute `{id}` is repealed ({end}) before it is in force ({start})")).id(&id));
                }
            }
        }
        if let (Some(e), Some(f), Some(v)) = (enacted, in_force, &raw.in_force) {
            if f < e {
                out.push(
                    at_s(file, o, v, format!("statute `{id}` is in force ({f}) before it is enacted ({e})"))
                        .warn()
                        .id(&id)
                        .hint("check both dates against the official gazette: `enacted` is the date of promulgation, `in_force` the first day it applies"),
                );
            }
        }
        let text_kind = raw.text.as_ref().map(|t| t.value.trim().to_string());
        if let (Some(t), Some(v)) = (&text_kind, &raw.text) {
            if t != "official" && t != "summary" {
                out.push(
                    at_s(file, o, v, format!("unknown `text` value `{t}`"))
                        .id(&id)
                        .suggest(t, ["official", "summary"])
                        .hint("use `official` or `summary`"),
                );
            }
        }
        let review = match raw.review.as_ref().map(|r| r.value.trim()) {
            None | Some("unverified") => Review::Unverified,
            Some("verified") => Review::Verified,
            Some(other) => {
                if let Some(v) = &raw.review {
                    out.push(
                        at_s(file, o, v, format!("unknown `review` value `{other}`"))
                            .id(&id)
                            .suggest(other, ["verified", "unverified"])
                            .hint("use `verified` or `unverified`"),
                    );
                }
                Review::Unverified
            }
        };
        if raw.review.is_none() {
            out.push(
                Diagnostic::warning(file, format!("statute `{id}` has no `review` key; it counts as unverified"))
                    .at(1, 1)
                    .id(&id)
                    .hint("add `review: unverified` (or `verified` once its facts were checked against its sources)"),
            );
        }
        if raw.sources.is_empty() {
            out.push(
                Diagnostic::warning(file, format!("statute `{id}` cites no sources"))
                    .at(1, 1)
                    .id(&id)
                    .hint("add `sources:` with the official gazette or database addresses"),
            );
        }

        stray_blocks(file, &doc, out);
        let mut sections: Vec<Section> = Vec::new();
        let mut explicit: HashMap<String, u32> = HashMap::new();
        let mut used: HashSet<String> = HashSet::new();
        let mut stack: Vec<(u8, String)> = Vec::new();
        for rs in &doc.sections {
            while stack.last().is_some_and(|(l, _)| *l >= rs.level) {
                stack.pop();
            }
            let context: Vec<String> = stack.iter().map(|(_, h)| h.clone()).collect();
            stack.push((rs.level, rs.heading.clone()));
            let local = match &rs.id_attr {
                Some(a) => {
                    let a = a.trim().to_string();
                    if let Some(first) = explicit.get(&a) {
                        out.push(
                            Diagnostic::error(file, format!("duplicate section id `{a}` in statute `{id}`"))
                                .at(rs.line, 1)
                                .id(format!("{id}#{a}"))
                                .hint(format!("line {first} already uses it; section ids must be unique within a statute")),
                        );
                        continue;
                    }
                    explicit.insert(a.clone(), rs.line);
                    a
                }
                None => {
                    let base = slug(&rs.heading);
                    let mut candidate = base.clone();
                    let mut n = 1;
                    while used.contains(&candidate) || explicit.contains_key(&candidate) {
                        candidate = format!("{base}-{n}");
                        n += 1;
                    }
                    candidate
                }
            };
            used.insert(local.clone());
            let sid = SectionId::new(&id, &local);
            let mapping = first_block(file, &rs.blocks, out).and_then(|b| {
                self.read_mapping(
                    file,
                    b,
                    &sid.to_string(),
                    (in_force.or(enacted), repealed),
                    out,
                )
            });
            sections.push(Section {
                id: sid,
                heading: rs.heading.clone(),
                level: rs.level,
                context,
                text: rs.text.clone(),
                markdown: rs.markdown.clone(),
                mapping,
                line: rs.line,
            });
        }
        // A code's sections came into force at different times; without their own dates,
        // history credits each one with the code's first date.
        if kind == StatuteKind::Code {
            let undated: Vec<&Section> = sections
                .iter()
                .filter(|s| {
                    s.mapping
                        .as_ref()
                        .is_some_and(|m| !m.implements.is_empty() && m.in_force.is_none())
                })
                .collect();
            if let Some(first) = undated.first() {
                let names: Vec<&str> = undated.iter().take(4).map(|s| s.id.local()).collect();
                let more = if undated.len() > 4 { ", ..." } else { "" };
                out.push(
                    Diagnostic::warning(
                        file,
                        format!(
                            "code `{id}` has {} mapped section(s) without dates of their own ({}{more})",
                            undated.len(),
                            names.join(", ")
                        ),
                    )
                    .at(first.mapping.as_ref().map_or(first.line, |m| m.line), 1)
                    .id(first.id.to_string())
                    .hint("add `in_force:` to each section's block (the date the article took its current form), or history credits the code's first date"),
                );
            }
        }
        // Explicit ids win over slugs: a slug equal to a later explicit id is an error.
        for s in &sections {
            if let Some(line) = explicit.get(s.id.local()) {
                if *line != s.line {
                    out.push(
                        Diagnostic::error(file, format!("section id `{}` is used by two headings", s.id.local()))
                            .at(s.line, 1)
                            .id(s.id.to_string())
                            .hint(format!("the heading at line {line} sets it with `{{#{}}}`; give this heading its own `{{#id}}`", s.id.local())),
                    );
                }
            }
        }
        Some(Statute {
            id,
            country,
            title: raw.title.value.trim().to_string(),
            language,
            kind,
            enacted,
            in_force,
            repealed,
            text: text_kind,
            sources: raw.sources,
            review,
            preamble: doc.preamble.clone(),
            sections,
            file: file.to_string(),
        })
    }

    fn read_mapping(
        &self,
        file: &str,
        block: &Chunk,
        sid: &str,
        statute_dates: (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>),
        out: &mut Diagnostics,
    ) -> Option<Mapping> {
        let o = block.origin;
        let raw: RawMapping = match yaml::parse(file, &block.text, o) {
            Ok(r) => r,
            Err(e) => {
                out.push(e.id(sid));
                return None;
            }
        };
        let mut implements = Vec::new();
        for imp in &raw.implements {
            let Some((_, p)) = self.provision(file, o, &imp.provision, sid, out) else {
                continue;
            };
            if implements
                .iter()
                .any(|i: &Implementation| i.provision == p.id)
            {
                out.push(
                    at_s(
                        file,
                        o,
                        &imp.provision,
                        format!("provision `{}` is listed twice in this block", p.id),
                    )
                    .id(sid)
                    .hint("merge the two entries"),
                );
                continue;
            }
            let elements = self.ids(file, o, p, "element", &imp.elements, sid, out);
            let options = self.ids(file, o, p, "option", &imp.options, sid, out);
            implements.push(Implementation {
                provision: p.id.clone(),
                elements,
                options,
                note: imp.note.clone(),
                penalty: imp
                    .penalty
                    .as_ref()
                    .map(|pen| penalty(file, o, pen, sid, out)),
                suggested: imp.suggested.as_ref().is_some_and(|s| s.value),
            });
        }
        // Suggested entries await review: one warning a block, at its first `suggested` key.
        let pending: Vec<(&RawImplementation, &Spanned<bool>)> = raw
            .implements
            .iter()
            .filter_map(|i| i.suggested.as_ref().filter(|s| s.value).map(|s| (i, s)))
            .collect();
        if let Some((_, first)) = pending.first() {
            let ids: Vec<&str> = pending
                .iter()
                .map(|(i, _)| i.provision.value.as_str())
                .collect();
            let mut d = at(
                file,
                o,
                first,
                "true".len(),
                format!(
                    "{} suggested mapping(s) await review: {}",
                    pending.len(),
                    ids.join(", ")
                ),
            )
            .id(sid)
            .hint("check each entry against the text, then delete `suggested: true` (suggested mappings are not evidence of coverage)");
            d.severity = crate::diagnostic::Severity::Warning;
            out.push(d);
        }
        let penalty = raw
            .penalty
            .as_ref()
            .map(|pen| penalty(file, o, pen, sid, out));
        let in_force = flat_date(file, o, &raw.in_force, "in_force", out);
        let repealed = flat_date(file, o, &raw.repealed, "repealed", out);
        let start = in_force.or(statute_dates.0);
        let end = repealed.or(statute_dates.1);
        if let (Some(s), Some(e), Some(r)) =
            (start, end, raw.repealed.as_ref().or(raw.in_force.as_ref()))
        {
            if e < s {
                out.push(
                    at_s(
                        file,
                        o,
                        r,
                        format!("section is repealed ({e}) before it is in force ({s})"),
                    )
                    .id(sid),
                );
            }
        }
        Some(Mapping {
            implements,
            penalty,
            in_force,
            repealed,
            note: raw.note,
            line: o.line,
        })
    }
}

/// Validates a `penalty` mapping (of a section or of one `implements` entry).
fn penalty(file: &str, o: Origin, pen: &RawPenalty, sid: &str, out: &mut Diagnostics) -> Penalty {
    let basic = pen
        .prison
        .as_ref()
        .and_then(|pr| prison(file, o, pr, sid, out));
    let aggravated = pen
        .aggravated
        .iter()
        .map(|a| Aggravated {
            prison: a
                .prison
                .as_ref()
                .and_then(|pr| prison(file, o, pr, sid, out)),
            when: a.when.as_ref().map(|w| w.trim().to_string()),
            fine: a.fine.clone(),
        })
        .collect();
    Penalty {
        prison: basic,
        aggravated,
        fine: pen.fine.clone(),
        note: pen.note.clone(),
    }
}

fn prison(
    file: &str,
    o: Origin,
    pr: &Spanned<Vec<Option<S>>>,
    sid: &str,
    out: &mut Diagnostics,
) -> Option<PrisonTerm> {
    if pr.value.len() != 2 {
        out.push(
            at(file, o, pr, 1, format!("`prison` has {} values; it takes [min, max]", pr.value.len()))
                .id(sid)
                .hint("write e.g. `prison: [6 months, 2 years]`; use `~` for a minimum the law does not set"),
        );
        return None;
    }
    let parse = |v: &S, out: &mut Diagnostics| match parse_duration_months(&v.value) {
        Ok(m) => Some(m),
        Err(msg) => {
            out.push(at_s(file, o, v, msg).id(sid));
            None
        }
    };
    let min = match &pr.value[0] {
        Some(v) => Some((parse(v, out)?, v.value.trim().to_string())),
        None => None,
    };
    let Some(max_v) = &pr.value[1] else {
        out.push(
            at(file, o, pr, 1, "`prison` has no maximum")
                .id(sid)
                .hint("the maximum term is required: `prison: [~, 3 years]`"),
        );
        return None;
    };
    let max = if max_v.value.trim().eq_ignore_ascii_case("life") {
        Term::Life
    } else {
        Term::Months(parse(max_v, out)?)
    };
    if let (Some((m, _)), Term::Months(max)) = (&min, max) {
        if *m > max + 1e-9 {
            out.push(
                at_s(
                    file,
                    o,
                    max_v,
                    format!(
                        "prison minimum `{}` is above the maximum `{}`",
                        pr.value[0]
                            .as_ref()
                            .map(|v| v.value.trim())
                            .unwrap_or_default(),
                        max_v.value.trim()
                    ),
                )
                .id(sid)
                .hint("write the range as [min, max]"),
            );
            return None;
        }
    }
    Some(PrisonTerm {
        min_months: min.as_ref().map(|m| m.0),
        max,
        min_text: min.map(|m| m.1),
        max_text: max_v.value.trim().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::natural_key;

    #[test]
    fn articles_sort_naturally() {
        let mut v = vec!["10", "2", "1.b", "35", "1.a", "10a", "22"];
        v.sort_by_key(|a| natural_key(a));
        assert_eq!(v, ["1.a", "1.b", "2", "10", "10a", "22", "35"]);
    }
}
