//! The words drafts are dressed in: headings and boilerplate sentences in English, Spanish,
//! Portuguese and French. Model texts come from the corpus (`drafting:`); only the text
//! around them is here. Another language falls back to English and says so.
//!
//! Sentences hold `{name}` slots filled by [`Ui::fill`]; every language of a key uses the
//! same slots (a unit test checks it).

use std::collections::BTreeMap;

/// Languages with interface strings, in table column order.
pub const LANGUAGES: [&str; 4] = ["en", "es", "pt", "fr"];

/// `(key, [en, es, pt, fr])`.
const TABLE: &[(&str, [&str; 4])] = &[
    ("drafts_title", [
        "Drafting proposals: {country}",
        "Propuestas de redacción: {country}",
        "Propostas de redação: {country}",
        "Propositions de rédaction : {country}",
    ]),
    ("drafts_intro", [
        "Drafts for the provisions of {framework} that {country} does not implement fully on {date}. Terms in square brackets are for the drafter to complete.",
        "Borradores para las disposiciones de {framework} que {country} no aplica plenamente al {date}. Los términos entre corchetes deben ser completados por quien redacte.",
        "Minutas para as disposições de {framework} que {country} não implementa plenamente em {date}. Os termos entre colchetes devem ser preenchidos pelo redator.",
        "Projets pour les dispositions de {framework} que {country} ne met pas pleinement en œuvre au {date}. Les termes entre crochets sont à compléter par le rédacteur.",
    ]),
    ("no_drafts", [
        "On {date}, {country} implements every provision of {framework} fully or under a reservation: no draft is needed.",
        "Al {date}, {country} aplica plenamente, o con reserva, todas las disposiciones de {framework}: no se necesita ningún borrador.",
        "Em {date}, {country} implementa plenamente, ou com reserva, todas as disposições de {framework}: nenhuma minuta é necessária.",
        "Au {date}, {country} met en œuvre pleinement, ou sous réserve, toutes les dispositions de {framework} : aucun projet n'est nécessaire.",
    ]),
    ("country", ["Country", "País", "País", "Pays"]),
    ("framework", ["Framework", "Marco de referencia", "Quadro de referência", "Cadre de référence"]),
    ("date", ["Date", "Fecha", "Data", "Date"]),
    ("language", ["Language", "Idioma", "Idioma", "Langue"]),
    ("proposed_new_article", [
        "Proposed new article",
        "Artículo nuevo propuesto",
        "Novo artigo proposto",
        "Nouvel article proposé",
    ]),
    ("amendment_to", ["Amendment to", "Modificación de", "Alteração de", "Modification de"]),
    ("model_provision", ["Model provision", "Disposición modelo", "Disposição modelo", "Disposition type"]),
    ("status", ["Status", "Situación", "Situação", "Statut"]),
    ("status_missing", [
        "missing (nothing in force implements it)",
        "ausente (ninguna norma vigente la aplica)",
        "ausente (nenhuma norma em vigor a implementa)",
        "absente (aucun texte en vigueur ne la met en œuvre)",
    ]),
    ("status_partial", [
        "partial (some elements are missing)",
        "parcial (faltan algunos elementos)",
        "parcial (faltam alguns elementos)",
        "partielle (certains éléments manquent)",
    ]),
    ("missing_elements", ["Missing elements", "Elementos faltantes", "Elementos em falta", "Éléments manquants"]),
    ("covered_elements", [
        "Elements already covered",
        "Elementos ya cubiertos",
        "Elementos já abrangidos",
        "Éléments déjà couverts",
    ]),
    ("provisions_in_force", [
        "Provisions in force",
        "Disposiciones vigentes",
        "Disposições em vigor",
        "Dispositions en vigueur",
    ]),
    ("proposed_text", ["Proposed text", "Texto propuesto", "Texto proposto", "Texte proposé"]),
    ("new_instruction", [
        "Insert the following provision as {number}:",
        "Incorpórese como {number} el siguiente texto:",
        "Acrescente-se como {number} o seguinte texto:",
        "Insérer en tant que {number} le texte suivant :",
    ]),
    ("amend_instruction", [
        "Amend {number} so that it also covers the missing elements; suggested wording, from the model provision:",
        "Modifíquese {number} para que comprenda también los elementos faltantes; redacción sugerida, a partir de la disposición modelo:",
        "Altere-se {number} para que abranja também os elementos em falta; redação sugerida, a partir da disposição modelo:",
        "Modifier {number} afin qu'il couvre aussi les éléments manquants ; rédaction suggérée, d'après la disposition type :",
    ]),
    ("number_note", [
        "Article number proposed after the numbering of {instrument}.",
        "Número de artículo propuesto según la numeración de {instrument}.",
        "Número de artigo proposto segundo a numeração de {instrument}.",
        "Numéro d'article proposé selon la numérotation de {instrument}.",
    ]),
    ("number_default_note", [
        "No article numbering could be derived from the statutes in the corpus: replace {number} with the number chosen.",
        "No se pudo derivar una numeración de las leyes del corpus: reemplace {number} por el número que se elija.",
        "Não foi possível derivar uma numeração das leis do corpus: substitua {number} pelo número escolhido.",
        "Aucune numérotation n'a pu être déduite des textes du corpus : remplacer {number} par le numéro retenu.",
    ]),
    ("proposed_penalty", ["Proposed penalty", "Pena propuesta", "Pena proposta", "Peine proposée"]),
    ("penalty_range", [
        "imprisonment from {min} to {max}",
        "prisión de {min} a {max}",
        "reclusão de {min} a {max}",
        "emprisonnement de {min} à {max}",
    ]),
    ("penalty_max", [
        "imprisonment of up to {max}",
        "prisión de hasta {max}",
        "reclusão de até {max}",
        "emprisonnement d'une durée maximale de {max}",
    ]),
    ("basis_region", [
        "Informed by the median maximum in {region}: {median} ({count}).",
        "Según la mediana de las penas máximas en {region}: {median} ({count}).",
        "Com base na mediana das penas máximas em {region}: {median} ({count}).",
        "D'après la médiane des peines maximales en {region} : {median} ({count}).",
    ]),
    ("basis_corpus", [
        "{region} offers no comparable penalty: informed by the median maximum across the whole corpus, {median} ({count}).",
        "{region} no ofrece penas comparables: según la mediana de las penas máximas en todo el corpus, {median} ({count}).",
        "{region} não oferece penas comparáveis: com base na mediana das penas máximas em todo o corpus, {median} ({count}).",
        "{region} n'offre aucune peine comparable : d'après la médiane des peines maximales de l'ensemble du corpus, {median} ({count}).",
    ]),
    ("basis_corpus_only", [
        "The country has no region in the corpus: informed by the median maximum across the whole corpus, {median} ({count}).",
        "El país no tiene región en el corpus: según la mediana de las penas máximas en todo el corpus, {median} ({count}).",
        "O país não tem região no corpus: com base na mediana das penas máximas em todo o corpus, {median} ({count}).",
        "Le pays n'a pas de région dans le corpus : d'après la médiane des peines maximales de l'ensemble du corpus, {median} ({count}).",
    ]),
    ("count_other_one", [
        "1 other country with a prison term",
        "1 otro país con pena de prisión",
        "1 outro país com pena de prisão",
        "1 autre pays prévoyant l'emprisonnement",
    ]),
    ("count_other_many", [
        "{n} other countries with a prison term",
        "{n} otros países con pena de prisión",
        "{n} outros países com pena de prisão",
        "{n} autres pays prévoyant l'emprisonnement",
    ]),
    ("basis_none", [
        "No comparable penalty in the corpus: the proposal is the extradition threshold.",
        "No hay penas comparables en el corpus: la propuesta es el umbral de extradición.",
        "Não há penas comparáveis no corpus: a proposta é o limiar de extradição.",
        "Aucune peine comparable dans le corpus : la proposition retient le seuil d'extradition.",
    ]),
    ("threshold", [
        "The maximum is at least {term}, the extradition penalty threshold of {source}.",
        "El máximo es de al menos {term}, el umbral de pena para la extradición de {source}.",
        "O máximo é de pelo menos {term}, o limiar de pena para a extradição de {source}.",
        "Le maximum est d'au moins {term}, le seuil de peine pour l'extradition de {source}.",
    ]),
    ("current_penalty", [
        "Highest maximum in force: {max}.",
        "Pena máxima vigente: {max}.",
        "Pena máxima em vigor: {max}.",
        "Peine maximale en vigueur : {max}.",
    ]),
    ("current_below", [
        "It is below the extradition penalty threshold of {term}.",
        "Es inferior al umbral de pena para la extradición de {term}.",
        "É inferior ao limiar de pena para a extradição de {term}.",
        "Elle est inférieure au seuil de peine pour l'extradition de {term}.",
    ]),
    ("life_imprisonment", [
        "life imprisonment",
        "prisión perpetua",
        "prisão perpétua",
        "réclusion à perpétuité",
    ]),
    ("current_not_recorded", [
        "The corpus does not record the penalty in force: check it before comparing.",
        "El corpus no registra la pena vigente: verifíquela antes de comparar.",
        "O corpus não registra a pena em vigor: verifique-a antes de comparar.",
        "Le corpus n'enregistre pas la peine en vigueur : vérifiez-la avant de comparer.",
    ]),
    ("current_kept", [
        "The proposal keeps the maximum in force, which is higher than the comparison.",
        "La propuesta mantiene el máximo vigente, que es superior al de la comparación.",
        "A proposta mantém o máximo em vigor, que é superior ao da comparação.",
        "La proposition conserve le maximum en vigueur, supérieur à celui de la comparaison.",
    ]),
    ("to_examine_title", [
        "To examine first",
        "Por examinar primero",
        "A examinar primeiro",
        "À examiner d'abord",
    ]),
    ("to_examine_intro", [
        "Nobody has examined whether the law of {country} implements these provisions: the corpus holds nothing on them. Examine the law before drafting.",
        "Nadie ha examinado si el derecho de {country} aplica estas disposiciones: el corpus no contiene nada sobre ellas. Examine el derecho antes de redactar.",
        "Ninguém examinou se o direito de {country} implementa estas disposições: o corpus nada contém sobre elas. Examine o direito antes de redigir.",
        "Personne n'a examiné si le droit de {country} met en œuvre ces dispositions : le corpus ne contient rien à leur sujet. Examinez le droit avant de rédiger.",
    ]),
    ("status_partial_unexamined", [
        "partial (some elements were not found in the corpus; the law was not examined for them)",
        "parcial (algunos elementos no figuran en el corpus; el derecho no se examinó respecto de ellos)",
        "parcial (alguns elementos não constam do corpus; o direito não foi examinado quanto a eles)",
        "partielle (certains éléments ne figurent pas dans le corpus ; le droit n'a pas été examiné à leur sujet)",
    ]),
    ("reserved_elements", [
        "Reserved by the country (leave out of the text): {elements}.",
        "Reservados por el país (no incluir en el texto): {elements}.",
        "Reservados pelo país (não incluir no texto): {elements}.",
        "Réservés par le pays (à ne pas reprendre dans le texte) : {elements}.",
    ]),
    ("declared_options", [
        "The country declared that it requires: {options}. Keep these qualifiers in the text.",
        "El país declaró que exige: {options}. Mantenga estos requisitos en el texto.",
        "O país declarou que exige: {options}. Mantenha estes requisitos no texto.",
        "Le pays a déclaré exiger : {options}. Conservez ces conditions dans le texte.",
    ]),
    ("current_none", [
        "The provisions in force carry no prison term.",
        "Las disposiciones vigentes no prevén pena de prisión.",
        "As disposições em vigor não preveem pena de prisão.",
        "Les dispositions en vigueur ne prévoient pas d'emprisonnement.",
    ]),
    ("text_fallback", [
        "No model text in {lang}: the English model text is given.",
        "No hay texto modelo en {lang}: se reproduce el texto modelo en inglés.",
        "Não há texto modelo em {lang}: reproduz-se o texto modelo em inglês.",
        "Pas de texte type en {lang} : le texte type anglais est reproduit.",
    ]),
    ("ui_fallback", [
        "No interface strings in {lang}: headings are in English.",
        "No hay textos de interfaz en {lang}: los títulos están en inglés.",
        "Não há textos de interface em {lang}: os títulos estão em inglês.",
        "Pas de textes d'interface en {lang} : les titres sont en anglais.",
    ]),
    ("generated_by", [
        "Generated by harmonia from the corpus in {origin}. A draft is a starting point for the drafter, not legal advice.",
        "Generado por harmonia a partir del corpus de {origin}. Un borrador es un punto de partida para quien redacta, no un asesoramiento jurídico.",
        "Gerado por harmonia a partir do corpus de {origin}. Uma minuta é um ponto de partida para o redator, não aconselhamento jurídico.",
        "Généré par harmonia à partir du corpus de {origin}. Un projet est un point de départ pour le rédacteur, non un avis juridique.",
    ]),
    ("generated_by_built_in", [
        "Generated by harmonia from its built-in corpus. A draft is a starting point for the drafter, not legal advice.",
        "Generado por harmonia a partir de su corpus integrado. Un borrador es un punto de partida para quien redacta, no un asesoramiento jurídico.",
        "Gerado por harmonia a partir do seu corpus integrado. Uma minuta é um ponto de partida para o redator, não aconselhamento jurídico.",
        "Généré par harmonia à partir de son corpus intégré. Un projet est un point de départ pour le rédacteur, non un avis juridique.",
    ]),
    ("colon", [":", ":", ":", " :"]),
    ("decimal_point", [".", ",", ",", ","]),
    ("year", ["year", "año", "ano", "an"]),
    ("years", ["years", "años", "anos", "ans"]),
    ("month", ["month", "mes", "mês", "mois"]),
    ("months", ["months", "meses", "meses", "mois"]),
    ("day", ["day", "día", "dia", "jour"]),
    ("days", ["days", "días", "dias", "jours"]),
    ("lang_en", ["English", "inglés", "inglês", "anglais"]),
    ("lang_es", ["Spanish", "español", "espanhol", "espagnol"]),
    ("lang_pt", ["Portuguese", "portugués", "português", "portugais"]),
    ("lang_fr", ["French", "francés", "francês", "français"]),
    ("lang_de", ["German", "alemán", "alemão", "allemand"]),
];

/// The interface strings of one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ui {
    column: usize,
}

impl Ui {
    /// The strings for `lang`, and `true`; or the English strings and `false` when the
    /// language has none (the caller then says so).
    pub fn for_lang(lang: &str) -> (Ui, bool) {
        match LANGUAGES.iter().position(|l| *l == lang) {
            Some(column) => (Ui { column }, true),
            None => (Ui { column: 0 }, false),
        }
    }

    /// The language of these strings.
    pub fn lang(self) -> &'static str {
        LANGUAGES[self.column]
    }

    /// The string for `key` (empty when the key is unknown).
    pub fn get(self, key: &str) -> &'static str {
        TABLE
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v[self.column])
            .unwrap_or("")
    }

    /// The string for `key` with its `{name}` slots filled.
    pub fn fill(self, key: &str, args: &[(&str, &str)]) -> String {
        let mut s = self.get(key).to_string();
        for (name, value) in args {
            s = s.replace(&format!("{{{name}}}"), value);
        }
        s
    }

    /// The name of a language in these strings (`es` -> `Spanish`), or its code.
    pub fn language_name(self, lang: &str) -> String {
        let key = format!("lang_{lang}");
        match self.get(&key) {
            "" => lang.to_string(),
            name => name.to_string(),
        }
    }

    /// Life imprisonment, in words.
    pub fn duration_life(self) -> String {
        self.get("life_imprisonment").to_string()
    }

    /// A duration in months, in words: whole years as years, else months, under a month
    /// as days (`2 years`, `6 months`, `15 days`).
    pub fn duration(self, months: f64) -> String {
        let unit = |n: f64, one: &str, many: &str| {
            let n = (n * 10.0).round() / 10.0;
            let word = if (n - 1.0).abs() < f64::EPSILON {
                self.get(one)
            } else {
                self.get(many)
            };
            let num = if n.fract() == 0.0 {
                format!("{}", n as i64)
            } else {
                format!("{n}")
            };
            format!("{num} {word}")
        };
        if months >= 12.0 && (months / 12.0).fract().abs() < 1e-9 {
            unit(months / 12.0, "year", "years")
        } else if months >= 24.0 && (months / 6.0).fract().abs() < 1e-9 {
            // Half years read better than months from two years up: 7.5 years, 7,5 años.
            let years = format!("{}", months / 12.0).replace('.', self.get("decimal_point"));
            format!("{years} {}", self.get("years"))
        } else if months >= 1.0 || months == 0.0 {
            unit(months, "month", "months")
        } else {
            unit((months * 30.0).round(), "day", "days")
        }
    }

    /// Every string, for templates (`t.proposed_new_article`).
    pub fn all(self) -> BTreeMap<&'static str, &'static str> {
        TABLE.iter().map(|(k, v)| (*k, v[self.column])).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slots(s: &str) -> Vec<&str> {
        let mut v: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|x| x.split_once('}').map(|(a, _)| a))
            .collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn every_language_has_every_string_with_the_same_slots() {
        for (key, values) in TABLE {
            for v in values {
                assert!(!v.is_empty(), "{key}");
                assert_eq!(slots(v), slots(values[0]), "{key}: {v}");
            }
        }
        let mut keys: Vec<&str> = TABLE.iter().map(|(k, _)| *k).collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n, "duplicate keys");
    }

    #[test]
    fn unknown_languages_fall_back_to_english() {
        assert_eq!(Ui::for_lang("de"), (Ui { column: 0 }, false));
        assert_eq!(
            Ui::for_lang("pt").0.get("proposed_penalty"),
            "Pena proposta"
        );
    }

    #[test]
    fn durations_read_naturally() {
        let (es, _) = Ui::for_lang("es");
        assert_eq!(es.duration(24.0), "2 años");
        assert_eq!(es.duration(12.0), "1 año");
        assert_eq!(es.duration(6.0), "6 meses");
        assert_eq!(es.duration(18.0), "18 meses");
        assert_eq!(es.duration(0.5), "15 días");
        assert_eq!(es.duration(90.0), "7,5 años");
        assert_eq!(Ui::for_lang("en").0.duration(30.0), "2.5 years");
        let (fr, _) = Ui::for_lang("fr");
        assert_eq!(fr.duration(36.0), "3 ans");
        assert_eq!(fr.duration(1.0), "1 mois");
        assert_eq!(
            fr.fill("penalty_range", &[("min", "6 mois"), ("max", "3 ans")]),
            "emprisonnement de 6 mois à 3 ans"
        );
    }
}
