#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Scaling out with Xapian's shards, measured with the real `newsgrep` and stock xapian-tcpsrv
# on loopback (README "Scaling out"):
#   build   Reuters-21578 (../shared/corpus/reuters21578.jsonl.gz) split round-robin into N
#           parts, N = 1, 2, 4, each part indexed into its own shard by its own
#           `newsgrep index` process, all N at once: wall seconds, articles/s, articles/s per
#           writer, and the largest peak memory of the N processes (/usr/bin/time).
#   search  each query of a fixed set, as a whole `newsgrep` process (start, open, search,
#           print ten hits), REPEAT times: the median wall milliseconds per query on one
#           index, on the 4 shards' directories, and on the 4 shards served by 4
#           xapian-tcpsrv on 127.0.0.1 (a stub file naming them), side by side in one run.
# The inputs and indexes go to a scratch directory, never into the source tree.
#
#   bench/shards.sh [--build DIR (default build)] [--repeat R (default 7)]
#                   [--keep DIR (the scratch directory, kept)]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/whole_process.sh
parse_bench_options shards.sh 7 "$@"
require_newsgrep_and_reuters shards.sh
command -v xapian-tcpsrv > /dev/null || { echo "shards.sh: no xapian-tcpsrv (Debian: xapian-tools)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "shards.sh: no /usr/bin/time (Debian: time)" >&2; exit 2; }
work=${keep:-$(mktemp -d)}
mkdir -p "$work"
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill -TERM -- "-$pid" 2> /dev/null || true; done
  [[ -n $keep ]] || rm -rf "$work"
}
trap cleanup EXIT
run=(env -u NEWSGREP_DB "$newsgrep" --no-config)

echo "build: Reuters-21578, N parts indexed at once, one newsgrep index process (one writer) each"
printf '%-7s %9s %9s %12s %16s %14s\n' shards articles seconds articles/s per-writer/s peak-MB
for n in 1 2 4; do
  dir=$work/n$n
  rm -rf "$dir"  # a fresh build each time, also in a kept directory
  mkdir -p "$dir/parts"
  zcat "$reuters" | awk -v n="$n" -v dir="$dir/parts" '{ print > (dir "/part-" (NR - 1) % n ".jsonl") }'
  start=$(date +%s%N)
  pids=()
  for ((k = 0; k < n; k++)); do
    /usr/bin/time -f '%M' -o "$dir/time-$k" "${run[@]}" index -q --db "$dir/shard-$k" \
      "$dir/parts/part-$k.jsonl" &
    pids+=($!)
  done
  # Exit 1 is some records skipped (named on stderr), 2 an error.
  for pid in "${pids[@]}"; do
    status=0
    wait "$pid" || status=$?
    ((status <= 1)) || { echo "shards.sh: newsgrep index failed (exit $status)" >&2; exit 1; }
  done
  end=$(date +%s%N)
  articles=0
  for ((k = 0; k < n; k++)); do
    articles=$((articles + $(zcat -f "$dir/parts/part-$k.jsonl" | wc -l)))
  done
  peak=$(cat "$dir"/time-* | sort -n | tail -1)
  awk -v n="$n" -v a="$articles" -v ns=$((end - start)) -v kb="$peak" 'BEGIN {
    s = ns / 1e9; printf "%-7d %9d %9.1f %12.0f %16.0f %14.0f\n", n, a, s, a / s, a / s / n, kb / 1024 }'
done

# Four servers for the four shards of n4.
stub=$work/remote.stub
: > "$stub"
for ((k = 0; k < 4; k++)); do
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" "$work/n4/shard-$k" > /dev/null 2>&1 &
  servers+=($!)
  echo "remote 127.0.0.1:$port" >> "$stub"
done
for _ in $(seq 50); do
  "${run[@]}" --db "$stub" -c oil > /dev/null 2>&1 && break
  sleep 0.1
done

# Each: options|query.
queries=('|oil' '|"interest rates"' '|crude NEAR/5 prices' '|title:coffee' '|opec OR saudi'
  '|bank rates -dollar' '|date:1987-03-01..1987-03-31 wheat' '-c|oil' '--facets=source|oil'
  '--sort=newest|dollar')
local_shards=(--db "$work/n4/shard-0" --db "$work/n4/shard-1" --db "$work/n4/shard-2" --db "$work/n4/shard-3")
echo
echo "search: whole newsgrep processes, median of $repeat wall ms per query (ten hits printed)"
printf '%-36s %10s %14s %15s\n' query one-index 4-local-shards 4-remote-shards
for q in "${queries[@]}"; do
  read -r -a extra <<< "${q%%|*}"
  words=${q#*|}
  # A run that fails is no timing: check each form once first.
  for form in one local remote; do
    case $form in
      one) dbs=(--db "$work/n1/shard-0") ;;
      local) dbs=("${local_shards[@]}") ;;
      remote) dbs=(--db "$stub") ;;
    esac
    "${run[@]}" -n 10 "${extra[@]}" "${dbs[@]}" "$words" > /dev/null 2>&1 ||
      { echo "shards.sh: newsgrep ${extra[*]} ${dbs[*]} '$words' failed" >&2; exit 1; }
  done
  one=$(median_ms "${run[@]}" -n 10 "${extra[@]}" --db "$work/n1/shard-0" "$words")
  locals=$(median_ms "${run[@]}" -n 10 "${extra[@]}" "${local_shards[@]}" "$words")
  remote=$(median_ms "${run[@]}" -n 10 "${extra[@]}" --db "$stub" "$words")
  printf '%-36s %10s %14s %15s\n' "${extra[*]} $words" "$one" "$locals" "$remote"
done
