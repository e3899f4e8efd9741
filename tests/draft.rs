//! `harmonia draft`: golden drafts in each language (es, pt, en, fr, and de falling back to
//! English) on a fixture corpus, the article-numbering style, penalty proposals, --lang,
//! --provision, --templates and a hostile corpus.

mod common;

use common::{golden, read, root, tempdir};
use predicates::prelude::*;

/// `harmonia` run from the crate root, so the fixture paths in outputs are stable.
fn harmonia() -> assert_cmd::Command {
    let mut cmd = common::harmonia();
    cmd.current_dir(root());
    cmd
}

const BASIC: &str = "tests/fixtures/report-basic";
const HOSTILE: &str = "tests/fixtures/hostile";
const AS_OF: &str = "2024-01-01";

fn draft(args: &[&str]) -> String {
    let out = harmonia()
        .args([
            "draft",
            "--corpus",
            BASIC,
            "--framework",
            "tf",
            "--as-of",
            AS_OF,
        ])
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("drafts are UTF-8")
}

#[test]
fn spanish_drafts_match_golden() {
    let md = draft(&["XA"]);
    assert!(md.contains("## Artículo nuevo propuesto: Código Penal, art. 153 ter"));
    assert!(md.contains("## Modificación de: Código Penal, art. 153 bis"));
    assert!(md.contains("**Elementos faltantes:**\n\n- without right\n"));
    // tf-3 is reserved by XA: no draft.
    assert!(!md.contains("tf-3"));
    golden("render/draft-xa-es.md", &md);
}

#[test]
fn portuguese_drafts_match_golden() {
    let md = draft(&["XB"]);
    assert!(md.contains("## Novo artigo proposto: Código Penal, art. 154-B"));
    assert!(md.contains("## Alteração de: Código Penal, art. 163"));
    // tf-4 has no Portuguese text: the English one, said so.
    assert!(
        md.contains("*Não há texto modelo em português: reproduz-se o texto modelo em inglês.*")
    );
    golden("render/draft-xb-pt.md", &md);
}

#[test]
fn english_drafts_match_golden_in_both_formats() {
    let md = draft(&["XC"]);
    assert!(md.contains("## Proposed new article: s. \\[N\\]"));
    assert!(md.contains("No article numbering could be derived"));
    golden("render/draft-xc-en.md", &md);
    let txt = draft(&["XC", "--format", "txt"]);
    assert!(txt.contains("Proposed new article: s. [N]\n---"));
    golden("render/draft-xc-en.txt", &txt);
}

#[test]
fn french_drafts_match_golden() {
    let md = draft(&["XD"]);
    assert!(md.contains("## Nouvel article proposé : Code pénal, article 323 bis"));
    assert!(md.contains("**Peine proposée :** emprisonnement de 4 mois à 3 ans."));
    assert!(md.contains("*Pas de texte type en français : le texte type anglais est reproduit.*"));
    golden("render/draft-xd-fr.md", &md);
}

#[test]
fn german_falls_back_to_english_and_says_so() {
    let md = draft(&["XE"]);
    assert!(md.contains("*No interface strings in German: headings are in English.*"));
    assert!(md.contains("*No model text in German: the English model text is given.*"));
    assert!(md.contains("## Proposed new article: § 202b (Strafgesetzbuch von Xerxesland)"));
    golden("render/draft-xe-de.md", &md);
}

#[test]
fn penalties_reach_the_extradition_threshold_and_name_their_basis() {
    // XA (Testland): the other countries of the region have prison terms.
    let md = draft(&["XA", "--provision", "tf-2"]);
    // Minima: the median of the stated ones (an unstated minimum never counts as zero).
    assert!(md.contains("**Pena propuesta:** prisión de 1 año a 4 años."));
    assert!(md.contains("Según la mediana de las penas máximas en Testland: 4 años (3 otros países con pena de prisión)."));
    assert!(md.contains(
        "Pena máxima vigente: 6 meses. Es inferior al umbral de pena para la extradición de 1 año."
    ));
    // XE (Elsewhere, alone in its region): the whole corpus, said so.
    let md = draft(&["XE", "--provision", "tf-2"]);
    assert!(md.contains("Elsewhere offers no comparable penalty: informed by the median maximum across the whole corpus, 3 years (4 other countries with a prison term)."));
    assert!(md.contains("The maximum is at least 1 year, the extradition penalty threshold"));
    // XE's penalty in force is not recorded: said so, never "no prison term".
    assert!(md.contains("The corpus does not record the penalty in force"));
    assert!(!md.contains("carry no prison term"));
    // Not an offence: no penalty.
    assert!(!draft(&["XA", "--provision", "tf-4"]).contains("Pena propuesta"));
}

#[test]
fn lang_overrides_the_country_language() {
    let md = draft(&["XA", "--lang", "fr"]);
    assert!(md.starts_with("# Propositions de rédaction : Xanadu"));
    assert!(md.contains("Au sens de la présente loi"));
    let md = draft(&["XC", "--lang", "ES"]);
    assert!(md.contains("La [autoridad competente] podrá ordenar"));
    harmonia()
        .args([
            "draft",
            "XA",
            "--corpus",
            BASIC,
            "--framework",
            "tf",
            "--lang",
            "español",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a language code"));
}

#[test]
fn provision_filters_and_full_provisions_need_no_draft() {
    let md = draft(&["XA", "--provision", "TF-2"]);
    assert_eq!(md.matches("\n## ").count(), 1);
    harmonia()
        .args([
            "draft",
            "XC",
            "--corpus",
            BASIC,
            "--framework",
            "tf",
            "--as-of",
            AS_OF,
            "--provision",
            "tf-2",
        ])
        .assert()
        .success()
        .stdout("")
        .stderr("tf-2 is full in Xeno on 2024-01-01: no draft is needed\n");
    harmonia()
        .args([
            "draft",
            "XA",
            "--corpus",
            BASIC,
            "--framework",
            "tf",
            "--provision",
            "tf-9",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown provision `tf-9` in framework `tf`",
        ));
    harmonia()
        .args(["draft", "QQ", "--corpus", BASIC, "--framework", "tf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown country `QQ`"));
}

#[test]
fn drafts_can_be_written_to_a_file_and_templates_overridden() {
    let dir = tempdir();
    std::fs::create_dir(dir.path().join("partials")).unwrap();
    std::fs::write(
        dir.path().join("partials/draft.md.j2"),
        "* {{ d.provision }} -> {{ d.target }}\n",
    )
    .unwrap();
    let out = dir.path().join("drafts.md");
    harmonia()
        .args([
            "draft",
            "XA",
            "--corpus",
            BASIC,
            "--framework",
            "tf",
            "--as-of",
            AS_OF,
            "--out",
        ])
        .arg(&out)
        .arg("--templates")
        .arg(dir.path())
        .assert()
        .success()
        .stdout("");
    let md = read(&out);
    assert!(md.contains("* tf-1 -> Código Penal, art. 153 ter\n"));
    assert!(
        md.contains("# Propuestas de redacción: Xanadu"),
        "the document stays built in"
    );
}

#[test]
fn hostile_strings_stay_text_in_drafts() {
    let out = harmonia()
        .args([
            "draft",
            "HA",
            "--corpus",
            HOSTILE,
            "--framework",
            "hf",
            "--as-of",
            AS_OF,
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let md = String::from_utf8(out).unwrap();
    assert!(!md.contains("<script") && !md.contains("<img"));
    assert!(md.contains("{{ 7*7 }}") || md.contains("{{ 7\\*7 }}"));
    assert!(!md.contains("Hostile 49"));
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::all()),
    );
    common::assert_nothing_live(&html);
    // Notes are commentary, never part of a draft.
    assert!(!md.contains("Hostile notes"));
}
