#!/usr/bin/env python3
"""Baselines for benches/search.sh: SQLite FTS5 and ripgrep on the same corpus and queries.

  search_baselines.py sqlite-build CORPUS DB     index every section of CORPUS/statutes/*/*.md
  search_baselines.py sqlite-query DB QUERIES N  run each query N times (after a warm-up pass)
  search_baselines.py rg-query CORPUS QUERIES N  time `rg` on each query N times

Each query command prints JSON with p50/p99 latency in ms.

ripgrep has no index: it scans the files for each query, looking for the query as one
literal phrase, case-insensitive (OR gives alternatives; NOT keeps the positive part); it
matches lines, not sections, and neither stems nor ranks.

One row per section (heading, text, country, language), like harmonia's documents; the
tokenizer is unicode61 with diacritics removed (FTS5 has no Spanish/Portuguese/German
stemmer). A query does what `harmonia search` does minus facets: the total count, then the
10 best rows by bm25 with a snippet. Queries with field: filters are skipped.
"""
import glob
import json
import os
import re
import sqlite3
import sys
import time

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(\{#[^}]*\})?\s*$")


def sections(path):
    text = open(path, encoding="utf-8").read()
    lang, country = "", ""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        front, text = text[4:end], text[end + 4:]
        m = re.search(r"^language:\s*(\S+)", front, re.M)
        lang = m.group(1) if m else ""
        m = re.search(r"^country:\s*(\S+)", front, re.M)
        country = m.group(1) if m else ""
    heading, body, in_block = None, [], False
    for line in text.split("\n"):
        if line.startswith("```"):
            in_block = not in_block
            continue
        if in_block:
            continue
        m = HEADING.match(line)
        if m:
            if heading is not None and "".join(body).strip():
                yield heading, "\n".join(body), country, lang
            heading, body = m.group(2), []
        else:
            body.append(line)
    if heading is not None and "".join(body).strip():
        yield heading, "\n".join(body), country, lang


def build(corpus, db):
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute(
        "CREATE VIRTUAL TABLE s USING fts5(heading, body, country UNINDEXED, language UNINDEXED, "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    rows = 0
    with con:
        for path in sorted(glob.glob(os.path.join(corpus, "statutes", "*", "*.md"))):
            batch = list(sections(path))
            con.executemany("INSERT INTO s VALUES (?, ?, ?, ?)", batch)
            rows += len(batch)
    con.execute("INSERT INTO s(s) VALUES ('optimize')")
    con.commit()
    con.close()
    print(json.dumps({"rows": rows}))


def fts_query(q):
    """harmonia syntax to FTS5: words and quoted phrases, AND by default, OR, NOT."""
    out = []
    for tok in re.findall(r'"[^"]*"|\S+', q):
        if tok in ("AND", "OR", "NOT"):
            out.append(tok)
        elif tok.startswith('"'):
            out.append(tok)
        else:
            words = re.findall(r"\w+", tok)
            if words:
                out.append('"' + " ".join(words) + '"')
    return " ".join(out)


def load_queries(queries_file):
    qs = [l.strip() for l in open(queries_file, encoding="utf-8")]
    return [q for q in qs if q and not q.startswith("#") and ":" not in q]


def pct(v, p):
    v = sorted(v)
    return round(v[min(len(v) - 1, round((len(v) - 1) * p))], 3)


def timed(qs, rounds, run):
    totals = [run(q)[1] for q in qs]
    times, per = [], {q: [] for q in qs}
    for _ in range(rounds):
        for q in qs:
            ms, _ = run(q)
            times.append(ms)
            per[q].append(ms)
    print(json.dumps({
        "queries": len(qs), "rounds": rounds,
        "p50_ms": pct(times, 0.5), "p99_ms": pct(times, 0.99), "max_ms": pct(times, 1.0),
        "per_query": [{"query": q, "total": t, "p50_ms": pct(per[q], 0.5)} for q, t in zip(qs, totals)],
    }, ensure_ascii=False))


def rg_patterns(q):
    q = q.split(" NOT ")[0]
    return [p.strip().strip('"') for p in q.split(" OR ")]


def rg_query(corpus, queries_file, rounds):
    import subprocess
    statutes = os.path.join(corpus, "statutes")

    def run(q):
        args = ["rg", "-i", "-F", "-c", "--no-filename"]
        for p in rg_patterns(q):
            args += ["-e", p]
        t = time.perf_counter()
        out = subprocess.run(args + [statutes], capture_output=True, text=True).stdout
        ms = (time.perf_counter() - t) * 1000
        return ms, sum(int(x) for x in out.split())

    timed(load_queries(queries_file), rounds, run)


def query(db, queries_file, rounds):
    con = sqlite3.connect(db)

    def run(q):
        m = fts_query(q)
        t = time.perf_counter()
        total = con.execute("SELECT count(*) FROM s WHERE s MATCH ?", (m,)).fetchone()[0]
        con.execute(
            "SELECT rowid, heading, country, snippet(s, 1, '<mark>', '</mark>', '…', 20) "
            "FROM s WHERE s MATCH ? ORDER BY rank LIMIT 10",
            (m,),
        ).fetchall()
        return (time.perf_counter() - t) * 1000, total

    timed(load_queries(queries_file), rounds, run)


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "sqlite-build":
        build(sys.argv[2], sys.argv[3])
    elif command == "sqlite-query":
        query(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif command == "rg-query":
        rg_query(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        sys.exit(f"unknown command {command} (see the top of this file)")
