#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The benchmark suite in one command (bench/README.md):
#
#   bench/run.sh [--corpus reuters|reuters:N|100k|1m] [--short] [--check] [--out FILE]
#                [--reindex] [--no-build] [-- query_benchmark or --benchmark_* flags...]
#
# Installs missing Debian packages and builds build-bench/ (Release, benchmarks on) through
# scripts/setup.sh, makes sure the corpus, the newsgrep / raw Xapian / FTS5 indexes and the
# query set are in the cache (NEWSGREP_BENCH_CACHE, else ~/.cache/newsgrep-bench), runs the
# suite, writes the Google Benchmark JSON to FILE (default build-bench/bench-CORPUS.json) and
# prints the tables. --check then fails (exit 1) when a newsgrep/peer ratio exceeds
# bench/thresholds.tsv. --short is the CI pass: few timed passes, no compaction, no stage
# variants. --no-build runs what is already built (e.g. while the tree does not compile).
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=reuters
check=0
build_it=1
out=""
args=()
while (($#)); do
  case "$1" in
    --corpus) corpus=${2:?--corpus needs a value}; shift 2 ;;
    --corpus=*) corpus=${1#*=}; shift ;;
    --out) out=${2:?--out needs a value}; shift 2 ;;
    --out=*) out=${1#*=}; shift ;;
    --check) check=1; shift ;;
    --no-build) build_it=0; shift ;;
    --short | --reindex | --no-compact | --no-incremental) args+=("$1"); shift ;;
    --) shift; args+=("$@"); break ;;
    -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) args+=("$1"); shift ;;
  esac
done

build=${NEWSGREP_BENCH_BUILD_DIR:-build-bench}
if ((build_it)); then
  echo "bench: building $build (Release) ..." >&2
  scripts/setup.sh "$build" -DCMAKE_BUILD_TYPE=Release -DNEWSGREP_BUILD_BENCHMARKS=ON \
    -DNEWSGREP_BUILD_TESTS=OFF -DNEWSGREP_SANITIZERS=OFF -DNEWSGREP_WERROR=OFF
fi
out=${out:-$build/bench-${corpus//:/-}.json}
mkdir -p "$(dirname "$out")"

"$build/bench/query_benchmark" --corpus="$corpus" "${args[@]}" \
  --benchmark_out="$out" --benchmark_out_format=json
echo
"$build/tools/newsgrep-bench-compare" "$out"
echo
echo "bench: results in $out (compare two runs: $build/tools/newsgrep-bench-compare OLD NEW)"
if ((check)); then
  echo
  "$build/tools/newsgrep-bench-compare" --check bench/thresholds.tsv "$out"
fi
