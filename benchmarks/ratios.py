#!/usr/bin/env python3
"""Prints a JMH JSON result file as a Markdown table, with each Tabula figure as a ratio to the
hand-written JDBC benchmark of the same class and database in the same run.

    python3 benchmarks/ratios.py benchmarks/results/after.json

Errors are JMH's 99.9% confidence half-widths; a ratio's error combines both relative errors
in quadrature (a first-order estimate, fine while errors are small against the scores).
"""
import json
import math
import sys

BASELINES = {
    "FetchBenchmark": "rawJdbc",
    "InsertBenchmark": "rawJdbcBatch",
    "RenderBenchmark": "rawJdbcSqlAndValues",
    "SmallQueryBenchmark": "rawJdbc",
}
# Benchmarks measured against a baseline of their own (same class, same database, same run).
PAIRED = {
    ("FetchBenchmark", "ormEntities"): "rawJdbcEntities",
    ("FlushBenchmark", "ormFlush"): ("rawJdbcBatch", "rawJdbcBatchKeys"),
    ("FlushBenchmark", "rawJdbcBatchKeys"): "rawJdbcBatch",
    ("KotlinBatchBenchmark", "kotlinBatchInsert"): ("rawJdbcBatch", "javaExecutemany"),
    ("KotlinBatchBenchmark", "javaExecutemany"): "rawJdbcBatch",
    ("TypedInsertBenchmark", "insertRowBatch"): "rawJdbcBatch",
    ("TypedInsertBenchmark", "typedExecutemany"): "rawJdbcBatch",
    ("TypedInsertBenchmark", "mapExecutemany"): "rawJdbcBatch",
    ("OrmInsertBenchmark", "ormAddAll"): "rawJdbcBatch",
    ("KotlinRenderBenchmark", "kotlinBuildAndRender"): "javaBuildAndRender",
    ("CoroutinePoolBenchmark", "coroutines"): "threadPool",
}


def main(path):
    runs = json.load(open(path))
    by_key = {}
    for r in runs:
        cls, name = r["benchmark"].rsplit(".", 2)[-2:]
        params = r.get("params", {})
        # Other parameters (SmallQueryBenchmark's autoCommitReads) pair a benchmark with the baseline run beside it.
        extra = " ".join(f"{k}={v}" for k, v in sorted(params.items()) if k != "database")
        db = params.get("database", "") + (" " + extra if extra else "")
        by_key[(cls, name, db)] = r
    # For throughput (ops/s) benchmarks the ratio is ops/s over the baseline's: above 1 is faster.
    print("| benchmark | database | score ± error | alloc/op | ratio to its baseline |")
    print("|---|---|---|---|---|")
    for (cls, name, db), r in sorted(by_key.items()):
        m = r["primaryMetric"]
        score, err, unit = m["score"], m["scoreError"], m["scoreUnit"]
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        alloc_text = "" if alloc is None else human_bytes(alloc["score"])
        ratios = []
        base_names = baselines(cls, name)
        for base_name in base_names:
            base = by_key.get((cls, base_name, db))
            if base is None or base_name == name or cls == "RenderBenchmark":
                continue
            b, be = base["primaryMetric"]["score"], base["primaryMetric"]["scoreError"]
            q = score / b
            qe = q * math.sqrt(rel(err, score) ** 2 + rel(be, b) ** 2)
            text = f"{q:.2f}x ± {qe:.2f}"
            base_alloc = base.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
            if alloc is not None and base_alloc is not None and base_alloc["score"]:
                text += f", alloc {alloc['score'] / base_alloc['score']:.2f}x"
            ratios.append(text + (f" (vs {base_name})" if len(base_names) > 1 else ""))
        ratio = "; ".join(ratios)
        print(f"| {cls}.{name} | {db} | {fmt(score)} ± {fmt(err)} {unit} | {alloc_text} | {ratio} |")


def baselines(cls, name):
    """The benchmarks (same class) that {cls}.{name} is a ratio to: none, one, or several."""
    base = PAIRED.get((cls, name), BASELINES.get(cls))
    if base is None:
        return ()
    return base if isinstance(base, tuple) else (base,)


def rel(err, score):
    return 0.0 if not score or math.isnan(err) else err / score


def fmt(x):
    if math.isnan(x):
        return "n/a"
    return f"{x:.1f}" if x < 10_000 else f"{x:,.0f}"


def human_bytes(b):
    if b < 10_000:
        return f"{b:.0f} B"
    return f"{b / 1_048_576:.1f} MB"


if __name__ == "__main__":
    main(sys.argv[1])
