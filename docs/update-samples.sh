#!/usr/bin/env bash
# Rewrites the code blocks of the pages under docs/ from the sample regions in docs-samples
# (DocsPagesTest with -Ddocs.update=true), after compiling and running those samples.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl docs-samples -am test -Ddocs.update=true \
  -Dtest='org.tabula.docs.**' -Dsurefire.failIfNoSpecifiedTests=false "$@"
