#!/usr/bin/env python3
"""Draws a JMH JSON result file as an SVG bar chart: each comparison's time ratio to its baseline
(the same pairs as ratios.py), per database, with its error and the target.

    python3 benchmarks/chart.py benchmarks/results/final.json benchmarks/results/final.svg

Standard library only. Ratios and errors are computed exactly as ratios.py does.
"""
import json
import math
import sys
from xml.sax.saxutils import escape

from ratios import baselines, rel

# (class, benchmark, label, target time ratio): what the README's "Results against the targets" lists.
COMPARISONS = [
    ("FetchBenchmark", "tabulaRows", "fetch 100k rows / raw JDBC", 1.10),
    ("FetchBenchmark", "fetchRecords", "fetch 100k records / raw JDBC", 1.10),
    ("FetchBenchmark", "ormEntities", "ORM fetch 100k entities / raw", 1.15),
    ("InsertBenchmark", "tabulaExecutemany", "executemany 100k / raw batch", 1.05),
    ("TypedInsertBenchmark", "typedExecutemany", "typed executemany 100k / raw", 1.05),
    ("KotlinBatchBenchmark", "kotlinBatchInsert", "Kotlin batchInsert 100k / raw", 1.05),
    ("OrmInsertBenchmark", "ormAddAll", "ORM addAll 10k, given ids / raw", 1.25),
    ("FlushBenchmark", "ormFlush", "ORM addAll 10k, keys back / raw", 1.50),
    ("KotlinRenderBenchmark", "kotlinBuildAndRender", "Kotlin DSL / Java builder", 1.10),
    # Throughput >= 0.9x the threads' is a time ratio <= 1 / 0.9.
    ("CoroutinePoolBenchmark", "coroutines", "1,000 coroutines / 10 threads", 1 / 0.9),
]
DATABASES = [("sqlite", "SQLite", "#4878a8"), ("mariadb", "MariaDB", "#d08c3c")]

LEFT, RIGHT, TOP, BAR, GAP, GROUP_GAP = 250, 40, 60, 16, 3, 18
WIDTH = 760
X_MAX = 2.0


def ratios(path):
    by_key = {}
    for r in json.load(open(path)):
        cls, name = r["benchmark"].rsplit(".", 2)[-2:]
        by_key[(cls, name, r.get("params", {}).get("database", ""))] = r["primaryMetric"]
    out = {}
    for cls, name, _, _ in COMPARISONS:
        base_name = next(iter(baselines(cls, name)), None)
        for db, _, _ in DATABASES:
            m, b = by_key.get((cls, name, db)), by_key.get((cls, base_name, db))
            if m is None or b is None:
                continue
            q = m["score"] / b["score"]
            e = q * math.hypot(rel(m["scoreError"], m["score"]), rel(b["scoreError"], b["score"]))
            out[(cls, name, db)] = (q, q - e, q + e)
    return out


def svg(path, title):
    return draw(ratios(path), COMPARISONS, DATABASES, title, "whiskers: 99.9% error")


def draw(data, comparisons, databases, title, whiskers):
    """data: {(class, name, database): (ratio, low, high)}; comparisons and databases as COMPARISONS and DATABASES."""
    plot_w = WIDTH - LEFT - RIGHT
    x = lambda v: LEFT + plot_w * min(v, X_MAX) / X_MAX
    group_h = len(databases) * (BAR + GAP) + GROUP_GAP
    height = TOP + group_h * len(comparisons) + 50
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
             f'font-family="sans-serif" font-size="12">',
             f'<rect width="{WIDTH}" height="{height}" fill="white"/>',
             f'<text x="{WIDTH / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">{escape(title)}</text>',
             f'<text x="{WIDTH / 2}" y="40" text-anchor="middle" fill="#555">time ratio (lower is better); '
             f'{escape(whiskers)}; red tick: target</text>']
    bottom = height - 40
    for i in range(0, int(X_MAX * 4) + 1):
        v = i / 4
        parts.append(f'<line x1="{x(v):.1f}" y1="{TOP - 6}" x2="{x(v):.1f}" y2="{bottom}" '
                     f'stroke="{"#888" if v == 1 else "#e4e4e4"}"/>')
        parts.append(f'<text x="{x(v):.1f}" y="{bottom + 15}" text-anchor="middle">{v:.2f}x</text>')
    y = TOP
    for cls, name, label, target in comparisons:
        parts.append(f'<text x="{LEFT - 8}" y="{y + BAR + GAP / 2 + 4}" text-anchor="end">{escape(label)}</text>')
        for db, _, colour in databases:
            if (cls, name, db) in data:
                q, low, high = data[(cls, name, db)]
                parts.append(f'<rect x="{LEFT}" y="{y}" width="{x(q) - LEFT:.1f}" height="{BAR}" fill="{colour}"/>')
                parts.append(f'<line x1="{x(low):.1f}" y1="{y + BAR / 2}" x2="{x(high):.1f}" y2="{y + BAR / 2}" '
                             f'stroke="black"/>')
                parts.append(f'<text x="{max(x(high), x(target)) + 5:.1f}" y="{y + BAR - 4}">{q:.2f}x</text>')
            parts.append(f'<line x1="{x(target):.1f}" y1="{y - 1}" x2="{x(target):.1f}" y2="{y + BAR + 1}" '
                         f'stroke="#c00" stroke-width="3"/>')
            y += BAR + GAP
        y += GROUP_GAP
    lx = LEFT
    for _, db_label, colour in databases:
        parts.append(f'<rect x="{lx}" y="{height - 18}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{lx + 16}" y="{height - 8}">{db_label}</text>')
        lx += 90
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    source = sys.argv[1]
    target = sys.argv[2] if len(sys.argv) > 2 else source.rsplit(".", 1)[0] + ".svg"
    with open(target, "w") as f:
        f.write(svg(source, "Tabula against hand-written JDBC: " + source.rsplit("/", 1)[-1]))
    print(target)
