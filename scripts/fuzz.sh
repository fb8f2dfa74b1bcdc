#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Builds the libFuzzer targets (fuzz/, clang with AddressSanitizer + UBSan) and runs each for
# a fixed time from its committed seeds (fuzz/corpus/NAME/), CI's short pass. Fails on the
# first crash, leak, sanitizer report or timeout, keeping the input that caused it in
# build-fuzz/artifacts/ (printed). New inputs that found coverage go to build-fuzz/corpus/,
# never into the source tree.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET (default 30)] [TARGET...]
#   scripts/fuzz.sh 3600 query         # the long run of one target: an hour
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(query json_record text_article dates web_page input)

NEWSGREP_EXTRA_PACKAGES="clang libclang-rt-14-dev" scripts/setup.sh --packages-only

build=build-fuzz
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSGREP_FUZZ=ON \
  -DNEWSGREP_BUILD_TESTS=OFF -DNEWSGREP_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" --parallel "$(nproc)" \
  --target "${targets[@]/#/fuzz_}" -- --no-print-directory >/dev/null
mkdir -p "$build/artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  log="$build/fuzz_$target.log"
  # -timeout: an input that takes longer than this is a finding (a query that runs away).
  if ! "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 \
      -max_len=4096 -print_final_stats=1 -artifact_prefix="$build/artifacts/${target}-" \
      "$corpus" "fuzz/corpus/$target" >"$log" 2>&1; then
    echo "fuzz: $target FAILED; the input is in $build/artifacts/, the log in $log:" >&2
    tail -n 60 "$log" >&2
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  echo "fuzz: $target: $runs inputs in ${seconds} s, no crash"
done
