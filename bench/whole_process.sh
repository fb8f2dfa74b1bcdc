# SPDX-License-Identifier: GPL-2.0-or-later
# What bench/shards.sh and bench/process.sh share, sourced by both (from the repository
# root): their options, the binary and corpus they need, and the timing of whole processes.

# Sets build, repeat and keep from the options `--build DIR`, `--repeat R` and `--keep DIR`;
# any other is a usage error. $1: the script's name; $2: the default R.
parse_bench_options() {
  local script=$1
  build=build repeat=$2 keep=""
  shift 2
  while (($#)); do
    case $1 in
      --build) build=$2; shift 2 ;;
      --repeat) repeat=$2; shift 2 ;;
      --keep) keep=$2; shift 2 ;;
      *) echo "$script: unknown option $1" >&2; exit 2 ;;
    esac
  done
}

# Sets newsgrep (the built binary) and reuters (the corpus), or stops naming what is missing.
# $1: the script's name.
require_newsgrep_and_reuters() {
  newsgrep=$(realpath "$build/tools/newsgrep")
  [[ -x $newsgrep ]] || { echo "$1: no $newsgrep: build first (scripts/quickstart.sh)" >&2; exit 2; }
  reuters=../shared/corpus/reuters21578.jsonl.gz
  [[ -f $reuters ]] || { echo "$1: $reuters is absent: the figures need it" >&2; exit 2; }
}

# The median wall milliseconds of $repeat runs of COMMAND... (its output discarded).
median_ms() {
  local times=() i start end
  for ((i = 0; i < repeat; i++)); do
    start=$(date +%s%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { printf "%.1f", t[int((NR + 1) / 2)] / 1000 }'
}
