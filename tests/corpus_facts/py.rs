//! Facts of Paraguay's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;

fn py_coverage(c: &Corpus, date: &str) -> harmonia::gap::CountryCoverage {
    let bc = c.framework("bc").unwrap();
    let py = c.country(&CountryCode::parse("PY").unwrap()).unwrap();
    gap::coverage(c, bc, py, d(date))
}

#[test]
fn access_interception_and_devices_are_mapped_without_a_penalty() {
    // Review 2026-12 items A1-A3 (CoE Octopus: Paraguay's law is Budapest-compliant; Ley 4439/2011
    // added arts. 146 b-d and 174 b). Mapped on their conduct; penalties not read, so unrecorded.
    let c = shipped();
    let law = statute_of(&c, "py-ley-4439");
    for (section, provision) in [
        ("cp-146b", "bc-2"),
        ("cp-146c", "bc-3"),
        ("cp-146d", "bc-6"),
        ("cp-174b", "bc-2"),
    ] {
        let mapping = law.section(section).unwrap().mapping.as_ref().unwrap();
        assert!(
            mapping
                .implements
                .iter()
                .any(|i| i.provision.as_str() == provision),
            "{section}"
        );
        assert!(mapping.penalty.is_none(), "{section}: penalty unconfirmed");
    }
    let cov = py_coverage(&c, "2026-11-01");
    for p in ["bc-2", "bc-3", "bc-6"] {
        let pc = cov.provision(&ProvisionId::parse(p).unwrap()).unwrap();
        assert!(pc.is_implemented(), "{p}: {:?}", pc.status);
        assert_eq!(pc.max_prison_months, None, "{p}: no penalty invented");
    }
}

#[test]
fn data_forgery_carries_five_years_and_ten_when_especially_serious() {
    // Código Penal art. 248 (1997 text, read in a structured copy of the code): up to 5 years or a
    // fine; especially serious cases up to 10 years (art. 246, inc. 4).
    let c = shipped();
    let cp = statute_of(&c, "py-codigo-penal");
    let penalty = cp
        .section("cp-248")
        .unwrap()
        .mapping
        .as_ref()
        .unwrap()
        .penalty
        .clone()
        .unwrap();
    let prison = penalty.prison.unwrap();
    assert_eq!(prison.min_months, None);
    assert_eq!(prison.max_months(), Some(60.0));
    assert_eq!(
        penalty.aggravated[0].prison.as_ref().unwrap().max_months(),
        Some(120.0)
    );
}

#[test]
fn ley_5994_approved_the_convention() {
    // ILO NATLEX: Ley 5994 of 15 Dec 2017, in force 21 Dec 2017. Constitution art. 141: approved and
    // deposited treaties are part of domestic law.
    let c = shipped();
    let law = statute_of(&c, "py-ley-5994");
    assert_eq!(law.enacted, Some(d("2017-12-15")));
    assert_eq!(law.in_force, Some(d("2017-12-21")));
    assert!(budapest(&c, "PY").domestic_effect.is_some());
}

#[test]
fn only_the_24_7_point_is_unexamined() {
    // Review claim of 2026-12-03 (statutes/py/country.yaml): Paraguay's designation not found.
    let c = shipped();
    let cov = py_coverage(&c, "2026-11-01");
    let unknown: Vec<&str> = cov
        .provisions
        .iter()
        .filter(|p| p.status == Status::Unknown)
        .map(|p| p.provision.as_str())
        .collect();
    assert_eq!(unknown, ["bc-35"]);
    let bc12 = cov
        .provision(&ProvisionId::parse("bc-12").unwrap())
        .unwrap();
    assert_eq!(bc12.status, Status::Missing);
}
