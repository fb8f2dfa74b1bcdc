#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Indexing throughput by input format, with the real `newsgrep index` (a fresh index each):
#   warc  a .warc.gz (one gzip member per record, as crawlers write) built from the real news
#         pages of ../shared/corpus/html-articles: each page REPEAT times under its own URI,
#         each beside a request record, a 404 response and an image response, as a crawl has;
#   feed  a generated RSS 2.0 feed of ITEMS items (a title, a date, an author, an HTML
#         description of three sentences each).
# Prints, per format: articles, seconds, articles/s and peak memory (from /usr/bin/time when
# it is installed). The inputs go to a scratch directory, never into the source tree.
#
#   bench/formats.sh [--build DIR (default build)] [--repeat R (default 20)]
#                    [--items N (default 100000)] [--keep DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=build repeat=20 items=100000 keep=""
while (($#)); do
  case $1 in
    --build) build=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --items) items=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    *) echo "formats.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
newsgrep=$build/tools/newsgrep
[[ -x $newsgrep ]] || { echo "formats.sh: no $newsgrep: build first (scripts/quickstart.sh)" >&2; exit 2; }
pages=../shared/corpus/html-articles/html
[[ -d $pages ]] || { echo "formats.sh: $pages is absent: the WARC figure needs it" >&2; exit 2; }
work=${keep:-$(mktemp -d)}
mkdir -p "$work"
[[ -n $keep ]] || trap 'rm -rf "$work"' EXIT

# One WARC record (to stdout): type, URI, content type, the file holding its block.
record() {
  local length
  length=$(wc -c < "$4")
  printf 'WARC/1.0\r\nWARC-Type: %s\r\nWARC-Date: 2026-01-15T08:00:00Z\r\nWARC-Target-URI: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n' \
    "$1" "$2" "$3" "$length"
  cat "$4"
  printf '\r\n\r\n'
}

echo "building $work/crawl.warc.gz from $(ls "$pages" | wc -l) pages x $repeat ..." >&2
warc=$work/crawl.warc.gz
: > "$warc"
printf 'HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html><body>Not found</body></html>' > "$work/404"
{ printf 'HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n'; head -c 20000 /dev/zero; } > "$work/png"
for ((r = 1; r <= repeat; r++)); do
  for page in "$pages"/*.html.gz; do
    name=$(basename "$page" .html.gz)
    uri="https://news.example/$r/$name"
    printf 'GET /%s HTTP/1.1\r\nHost: news.example\r\n\r\n' "$name" > "$work/request"
    { printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n'; zcat "$page"; } > "$work/response"
    record request "$uri" "application/http; msgtype=request" "$work/request" | gzip -1 >> "$warc"
    record response "$uri" "application/http; msgtype=response" "$work/response" | gzip -1 >> "$warc"
    record response "$uri/gone" "application/http; msgtype=response" "$work/404" | gzip -1 >> "$warc"
    record response "$uri/logo.png" "application/http; msgtype=response" "$work/png" | gzip -1 >> "$warc"
  done
done

echo "building $work/feed.rss of $items items ..." >&2
awk -v n="$items" 'BEGIN {
  print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  print "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Generated Wire</title>"
  split("harbour council ferry budget strike election flood bridge court hospital school port", w, " ")
  for (i = 1; i <= n; i++) {
    a = w[i % 12 + 1]; b = w[int(i / 12) % 12 + 1]; c = w[int(i / 144) % 12 + 1]
    printf "<item><guid>gen-%d</guid><title>Item %d: %s %s talks resume</title>", i, i, a, b
    printf "<link>https://wire.example/%d</link><pubDate>Mon, 05 Jan 2026 %02d:%02d:00 GMT</pubDate>", i, i % 24, i % 60
    printf "<dc:creator>Reporter %d</dc:creator>", i % 97
    printf "<description><![CDATA[<p>The %s committee said on Monday that talks on the %s would resume, officials said.</p>", a, b
    printf "<p>Item %d of the wire: the %s plan, which cost %d million, was delayed by the %s.</p>", i, c, i % 500, a
    printf "<p>Critics said the %s and the %s were both at risk, and called for a review.</p>]]></description></item>\n", b, c
  }
  print "</channel></rss>"
}' > "$work/feed.rss"

measure() {  # format, input
  local db=$work/db-$1 out=$work/$1.out
  rm -rf "$db"
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f 'peak_rss_kb=%M' -o "$work/$1.time" "$newsgrep" index --db "$db" "$2" 2> "$out" || true
  else
    "$newsgrep" index --db "$db" "$2" 2> "$out" || true
  fi
  local summary rss=""
  summary=$(grep 'indexed ' "$out" | tail -1)
  [[ -f $work/$1.time ]] && rss=$(grep -o 'peak_rss_kb=[0-9]*' "$work/$1.time" | cut -d= -f2)
  printf '%-5s %10s bytes  %s%s\n' "$1" "$(wc -c < "$2")" "${summary#newsgrep: }" \
    "${rss:+; peak memory $((rss / 1024)) MB}"
}
measure warc "$warc"
measure feed "$work/feed.rss"
