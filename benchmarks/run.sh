#!/usr/bin/env bash
# Builds benchmarks/target/benchmarks.jar and runs the JMH suite (short runs for a small shared machine).
#   benchmarks/run.sh                         # everything, results in benchmarks/results/all.json
#   benchmarks/run.sh Render -prof gc         # a subset (JMH regexp) plus any JMH options
#   RESULTS=fetch benchmarks/run.sh Fetch     # results in benchmarks/results/fetch.json
# MariaDB: TABULA_BENCH_MYSQL_URL (default: database `test` on 127.0.0.1:3306, root, rewriteBatchedStatements=true).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  mvn -B -q -o package -pl benchmarks -am -DskipTests
fi
mkdir -p benchmarks/results
exec java -jar benchmarks/target/benchmarks.jar -f 1 -wi 2 -i 3 -w 1s -r 1s \
  -rf json -rff "benchmarks/results/${RESULTS:-all}.json" "$@"
