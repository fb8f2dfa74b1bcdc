#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# CI's short benchmark pass (bench/README.md, "CI"): builds the build directory
# ($NEWSGREP_BENCH_BUILD_DIR, default build-bench), indexes the first 5,000 Reuters-21578
# articles with newsgrep, raw Xapian and FTS5 (in a cache inside that build directory, so a
# fresh clone builds it and nothing outside the tree is touched), runs every query class for
# a few passes, writes the JSON results to the artifact file and fails when a newsgrep/peer
# ratio exceeds bench/thresholds.tsv. About 40-45 s after the build here with an empty cache.
#
#   bench/ci.sh [ARTIFACT.json]      (default: BUILD_DIR/bench-ci.json)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${NEWSGREP_BENCH_BUILD_DIR:-build-bench}
artifact=${1:-$build/bench-ci.json}
export NEWSGREP_BENCH_CACHE=${NEWSGREP_BENCH_CACHE:-$PWD/$build/bench-cache}
exec bench/run.sh --short --corpus reuters:5000 --check --out "$artifact"
