#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# What a search costs as a whole process, the way a shell user runs one: `newsgrep -n 10
# QUERY` (start, open the index, search, cut and highlight ten snippets, print) against the
# `sqlite3` shell running the same search on an FTS5 table of the same articles, with
# snippet() and highlighting, ten rows by rank. Reuters-21578
# (../shared/corpus/reuters21578.jsonl.gz); both indexes are built here first (FTS5:
# title and body, porter unicode61, as the benchmark suite's peer). Prints, per query, the
# median wall milliseconds of REPEAT runs of each, side by side in one run, and their
# ratio. The indexes go to a scratch directory, never into the source tree.
#
#   bench/process.sh [--build DIR (default build)] [--repeat R (default 11)]
#                    [--keep DIR (the scratch directory, kept and reused)]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/whole_process.sh
parse_bench_options process.sh 11 "$@"
require_newsgrep_and_reuters process.sh
command -v sqlite3 > /dev/null || { echo "process.sh: no sqlite3 shell (Debian: sqlite3)" >&2; exit 2; }
work=${keep:-$(mktemp -d)}
mkdir -p "$work"
[[ -n $keep ]] || trap 'rm -rf "$work"' EXIT
run=(env -u NEWSGREP_DB "$newsgrep" --no-config)

[[ -f $work/reuters.jsonl ]] || zcat "$reuters" > "$work/reuters.jsonl"
if [[ ! -d $work/newsgrep ]]; then
  # Exit 1: some records repaired or skipped, each named (Reuters has a few bad dates).
  status=0
  "${run[@]}" index -q --db "$work/newsgrep" "$work/reuters.jsonl" 2> "$work/index.log" || status=$?
  ((status <= 1)) || { cat "$work/index.log" >&2; echo "process.sh: newsgrep index failed" >&2; exit 1; }
fi
if [[ ! -f $work/fts5.db ]]; then
  # The JSON Lines as one JSON array, which json_each() reads.
  sed '1s/^/[/; $!s/$/,/; $s/$/]/' "$work/reuters.jsonl" > "$work/reuters.json"
  sqlite3 "$work/fts5.db" <<SQL
CREATE VIRTUAL TABLE articles USING fts5(title, body, tokenize='porter unicode61');
INSERT INTO articles(title, body)
  SELECT json_extract(value, '\$.title'), json_extract(value, '\$.body')
  FROM json_each(readfile('$work/reuters.json'));
SQL
fi

# Each: newsgrep's query|FTS5's MATCH expression for the same search.
queries=('oil|oil' '"interest rates"|"interest rates"' 'coffee brazil|coffee brazil'
  'opec OR saudi|opec OR saudi' 'title:coffee|title:coffee' 'crude NEAR/5 prices|NEAR(crude prices, 5)'
  'bank rates -dollar|bank rates NOT dollar' 'wheat|wheat')
echo "whole processes, median of $repeat wall ms: newsgrep -n 10 QUERY, and sqlite3 with snippet()"
printf '%-24s %10s %10s %8s\n' query newsgrep sqlite3 ratio
for q in "${queries[@]}"; do
  ours=${q%%|*}
  match=${q#*|}
  sql="SELECT rowid, title, snippet(articles, 1, '[', ']', '...', 32) FROM articles WHERE articles MATCH '${match//\'/\'\'}' ORDER BY rank LIMIT 10;"
  "${run[@]}" --db "$work/newsgrep" -n 10 "$ours" > /dev/null ||
    { echo "process.sh: newsgrep '$ours' failed or found nothing" >&2; exit 1; }
  [[ -n $(sqlite3 "$work/fts5.db" "$sql") ]] ||
    { echo "process.sh: sqlite3 MATCH '$match' failed or found nothing" >&2; exit 1; }
  a=$(median_ms "${run[@]}" --db "$work/newsgrep" -n 10 "$ours")
  b=$(median_ms sqlite3 "$work/fts5.db" "$sql")
  printf '%-24s %10s %10s %8s\n' "$ours" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
done
