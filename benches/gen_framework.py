#!/usr/bin/env python3
"""Generates a corpus with one large synthetic framework, for the large-framework benchmark
(benches/framework.sh): N provisions (ids big-1 ... big-N, three elements and one option
each, all substantive offences), C countries (party, reviewed, with a few reservations) and
one statute per country mapping a third of the provisions with penalties, some with dates.
Deterministic for a seed. Text is filler of our own.

    benches/gen_framework.py OUT PROVISIONS [COUNTRIES] [SEED]
"""
import os
import random
import sys


def main():
    out = sys.argv[1]
    n = int(sys.argv[2])
    countries = int(sys.argv[3]) if len(sys.argv) > 3 else 6
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    fw = os.path.join(out, "model-law", "big")
    os.makedirs(fw, exist_ok=True)
    with open(os.path.join(fw, "framework.yaml"), "w") as f:
        f.write("id: big\ntitle: Large synthetic framework\nreference: benchmark\n")
        f.write("areas: [substantive]\n")
    with open(os.path.join(fw, "provisions.md"), "w") as f:
        f.write("# Provisions\n\n")
        for i in range(1, n + 1):
            f.write(f"## Offence {i} {{#big-{i}}}\n\n```harmonia\nprovision: big-{i}\n")
            f.write(f'article: "{i}"\narea: substantive\nelements:\n')
            for e in ("a", "b", "c"):
                f.write(f"  - id: {e}\n    label: element {e} of offence {i}\n")
            f.write("options:\n  - id: o\n    label: an option\n")
            f.write("drafting:\n  en: \"Whoever does the thing of offence %d shall be punished.\"\n" % i)
            f.write("```\n\nModel text of offence %d, filler written for the benchmark.\n\n" % i)
    codes = [a + b for a in "XYZ" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"][:countries]
    for code in codes:
        d = os.path.join(out, "statutes", code.lower())
        os.makedirs(d, exist_ok=True)
        reserved = rng.sample(range(1, n + 1), min(3, n))
        with open(os.path.join(d, "country.yaml"), "w") as f:
            f.write(f"code: {code}\nname: Country {code}\nregion: Benchland\nlanguages: [en]\n")
            f.write("treaties:\n  - framework: big\n    status: party\n    in_force: 2010-01-01\n")
            f.write("    reservations:\n")
            for r in reserved:
                f.write(f"      - provision: big-{r}\n        note: benchmark reservation\n")
            f.write("reviews:\n  - framework: big\n    provisions: all\n    checked: 2024-01-01\n")
            f.write("    sources: [https://example.org/bench]\n    note: benchmark review\n")
        with open(os.path.join(d, "code.md"), "w") as f:
            f.write(f"---\nid: {code.lower()}-code\ncountry: {code}\ntitle: Penal Code of {code}\n")
            f.write("language: en\nkind: code\nin_force: 2012-01-01\n")
            f.write("sources: [https://example.org/code]\nreview: verified\n---\n\n")
            mapped = sorted(rng.sample(range(1, n + 1), max(1, n // 3)))
            for k, p in enumerate(mapped, 1):
                f.write(f"## Art. {k} {{#art-{k}}}\n\nSection text {k}, filler for the benchmark.\n\n")
                f.write("```harmonia\nimplements:\n")
                elements = rng.sample(["a", "b", "c"], rng.randint(1, 3))
                f.write(f"  - provision: big-{p}\n    elements: [{', '.join(elements)}]\n")
                lo = rng.randint(0, 3)
                hi = lo + rng.randint(1, 8)
                f.write(f"penalty:\n  prison: [{lo} years, {hi} years]\n")
                if k % 7 == 0:
                    f.write(f"in_force: {rng.randint(2013, 2022)}-01-01\n")
                f.write("```\n\n")


if __name__ == "__main__":
    main()
