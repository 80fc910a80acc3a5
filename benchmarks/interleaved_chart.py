#!/usr/bin/env python3
"""Draws the interleaved runners' result files of one run as an SVG bar chart, as chart.py draws a
JMH file: each comparison's time ratio to its baseline (the median of per-round ratios), per
database, with the per-round IQR as whiskers and the target.

    python3 benchmarks/interleaved_chart.py benchmarks/results round3-final3

reads <dir>/<prefix>-smallquery-*.txt, -fetch-*.txt, -inserts-sqlite.txt and -coroutines-*.txt
(for MariaDB and PostgreSQL small reads the -pinned files) and writes <dir>/<prefix>.svg.
Standard library only.
"""
import os
import re
import sys

from chart import draw

# (file kind, variant, baseline, label, target time ratio); reads report throughput, so their
# ratios are inverted into time ratios; InsertInterleaved reports time ratios already.
COMPARISONS = [
    ("smallquery", "tabulaCore", "rawJdbc", "small reads, Core / JDBC", 1 / 0.95),
    ("smallquery", "tabulaOrm", "rawJdbc", "small reads, ORM session / JDBC", 1 / 0.85),
    ("fetch", "fetchRecords", "rawJdbc", "fetch 100k records / JDBC", 1.10),
    ("fetch", "ormEntities", "rawJdbcEntities", "ORM fetch 100k entities / JDBC", 1.15),
    ("inserts", "TypedInsert.typedExecutemany", None, "typed executemany 100k / batch", 1.05),
    ("inserts", "Insert.tabulaExecutemany", None, "map executemany 100k / batch", 1.05),
    ("inserts", "OrmInsert.ormAddAll", None, "ORM addAll 10k, given ids / batch", 1.25),
    ("inserts", "Flush.ormFlush", None, "ORM addAll 10k, keys back / batch", 1.50),
    ("coroutines", "coroutines", "threadPool", "1,000 coroutines / 10 threads", 1 / 0.95),
    ("coroutines", "coroutinesOnEngineThreads", "threadPool", "the same on the JDBC threads", 1 / 0.95),
]
DATABASES = [("sqlite", "SQLite", "#4878a8"), ("mariadb", "MariaDB", "#d08c3c"),
             ("postgresql", "PostgreSQL", "#5a9a5a")]

ROUNDS = re.compile(r"^(\S+)\s.*\(rounds ([\d.]+)x, IQR ([\d.]+)-([\d.]+)\)")
TIMES = re.compile(r"^(\S+)\s.*?([\d.]+)x \(IQR ([\d.]+)-([\d.]+)\)")


def read(path, baseline):
    """{variant: (time ratio, low, high)} from one result file, against baseline (None: time ratios as printed)."""
    out = {}
    section = None
    for line in open(path):
        if "throughput vs" in line:
            section = line.split("throughput vs")[1].strip()
            continue
        if baseline is None:
            m = TIMES.match(line)
            if m:
                q, lo, hi = (float(v) for v in m.groups()[1:])
                out[m.group(1)] = (q, lo, hi)
        elif section == baseline:
            m = ROUNDS.match(line)
            if m:
                q, lo, hi = (float(v) for v in m.groups()[1:])
                out[m.group(1)] = (1 / q, 1 / hi, 1 / lo)
    return out


def files(directory, prefix, kind, db):
    names = [f"{prefix}-{kind}-{db}-pinned.txt", f"{prefix}-{kind}-{db}.txt"] if kind == "smallquery" \
        else [f"{prefix}-{kind}-{db}.txt"]
    return next((os.path.join(directory, n) for n in names if os.path.exists(os.path.join(directory, n))), None)


def data(directory, prefix):
    out = {}
    for kind, variant, baseline, _, _ in COMPARISONS:
        for db, _, _ in DATABASES:
            path = files(directory, prefix, kind, db)
            if path:
                ratios = read(path, baseline)
                if variant in ratios:
                    out[(kind, variant, db)] = ratios[variant]
    return out


if __name__ == "__main__":
    directory, prefix = sys.argv[1], sys.argv[2]
    target = os.path.join(directory, prefix + ".svg")
    with open(target, "w") as f:
        f.write(draw(data(directory, prefix), [(k, v, label, t) for k, v, _, label, t in COMPARISONS], DATABASES,
                     "Tabula against hand-written JDBC, interleaved: " + prefix, "whiskers: per-round IQR"))
    print(target)
