#!/usr/bin/env bash
# Builds benchmarks/target/benchmarks.jar and runs the JMH suite against hand-written JDBC.
#   benchmarks/run.sh                              # everything -> benchmarks/results/all.json
#   RESULTS=render benchmarks/run.sh Render -prof gc   # a subset (JMH regexp) plus JMH options
#   JMH_OPTS="-f 1 -wi 3 -i 5 -w 2s -r 2s" RESULTS=fetch benchmarks/run.sh 'Fetch|Insert' -prof gc
# Defaults are short runs for a small shared machine (JMH_OPTS="-f 1 -wi 2 -i 3 -w 1s -r 1s").
# MariaDB: TABULA_BENCH_MYSQL_URL, default
#   jdbc:mysql://127.0.0.1:3306/test?user=root&password=&useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true
# SKIP_BUILD=1 reuses the jar already built.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  mvn -B -q -o package -pl benchmarks -am -DskipTests
fi
mkdir -p benchmarks/results
# shellcheck disable=SC2086
exec java -jar benchmarks/target/benchmarks.jar ${JMH_OPTS:--f 1 -wi 2 -i 3 -w 1s -r 1s} \
  -rf json -rff "benchmarks/results/${RESULTS:-all}.json" "$@"
