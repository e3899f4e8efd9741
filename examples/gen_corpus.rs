//! Generates a scaled synthetic corpus for benchmarks: N countries, about M MiB of statute
//! text in five languages, annotated against the built-in Budapest model law (the output has
//! no `model-law/`, so harmonia uses the built-in frameworks).
//!
//! The text is word salad drawn from small legal vocabularies per language (so stemming and
//! search have real words to chew on); about one section in three carries a `harmonia` block
//! implementing a random provision with a random subset of its elements, a penalty, and for
//! some sections their own in-force or repeal dates. Output is deterministic for a seed.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --out /tmp/corpus-50 --countries 200 --mib 50
//! ```

use std::fmt::Write as _;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use harmonia::corpus::{self, CorpusSource};

const LANGS: [(&str, &str); 5] = [
    ("es", "acceso ilícito sistema informático datos interceptación transmisión daño alteración supresión programa contraseña fraude patrimonio perjuicio beneficio económico autorización sanción prisión multa funcionario público información reservada comunicaciones electrónicas medida seguridad dispositivo código acceso menores material abuso sexual pena agravante tentativa cómplice persona jurídica orden conservación tráfico registro allanamiento incautación juez fiscal cooperación internacional extradición asistencia mutua autoridad central"),
    ("pt", "acesso indevido sistema informático dados interceptação transmissão dano alteração supressão programa senha fraude patrimônio prejuízo vantagem econômica autorização pena reclusão detenção multa funcionário público informação sigilosa comunicações eletrônicas mecanismo segurança dispositivo código invasão menores material abuso sexual agravante tentativa partícipe pessoa jurídica ordem preservação tráfego registro busca apreensão juiz promotor cooperação internacional extradição assistência mútua autoridade central"),
    ("en", "unauthorised access computer system data interception transmission damage alteration deletion program password fraud property loss economic benefit authorisation penalty imprisonment fine public official confidential information electronic communications security measure device access code children material sexual abuse aggravated attempt aiding abetting corporate liability preservation order traffic records search seizure warrant judge prosecutor international cooperation extradition mutual assistance central authority"),
    ("fr", "accès frauduleux système traitement automatisé données interception transmission dommage altération suppression programme mot passe fraude patrimoine préjudice avantage économique autorisation peine emprisonnement amende agent public information confidentielle communications électroniques mesure sécurité dispositif code accès mineurs matériel abus sexuel aggravation tentative complice personne morale conservation trafic perquisition saisie juge procureur coopération internationale extradition entraide autorité centrale"),
    ("de", "unbefugt Zugang Datenverarbeitungsanlage Daten Abfangen Übermittlung Beschädigung Veränderung Löschung Programm Passwort Betrug Vermögen Schaden Vermögensvorteil Befugnis Strafe Freiheitsstrafe Geldstrafe Amtsträger vertrauliche Information elektronische Kommunikation Zugangssicherung Vorrichtung Zugangscode Kinder Material sexueller Missbrauch besonders schwerer Fall Versuch Beihilfe juristische Person Sicherungsanordnung Verkehrsdaten Durchsuchung Beschlagnahme Richter Staatsanwaltschaft internationale Zusammenarbeit Auslieferung Rechtshilfe zentrale Behörde"),
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

struct Opts {
    out: PathBuf,
    countries: usize,
    mib: f64,
    seed: u64,
}

fn parse_args() -> Result<Opts, String> {
    let mut o = Opts {
        out: PathBuf::from("bench-data/corpus"),
        countries: 200,
        mib: 50.0,
        seed: 42,
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
            "-h" | "--help" => {
                println!(
                    "gen_corpus --out DIR [--countries N (200)] [--mib M (50)] [--seed S (42)]"
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
    let vocab: Vec<(&str, Vec<&str>)> = LANGS
        .iter()
        .map(|(l, w)| (*l, w.split_whitespace().collect()))
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
        let (lang, words) = &vocab[i % vocab.len()];
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
                    let len = 30 + rng.below(50);
                    let mut para: Vec<&str> =
                        (0..len).map(|_| words[rng.below(words.len())]).collect();
                    if let Some(first) = para.first_mut() {
                        *first = words[rng.below(words.len())];
                    }
                    sec.push_str(&para.join(" "));
                    sec.push_str(".\n\n");
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
        "gen_corpus: wrote {} countries, {} statutes, {:.1} MiB to {}",
        o.countries,
        o.countries * statutes_per_country,
        total as f64 / 1048576.0,
        o.out.display()
    );
    Ok(())
}
