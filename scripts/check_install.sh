#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Checks that an installed newsgrep works for an outside project: builds newsgrep (or uses
# the build directory given as $1), `cmake --install`s it into a temporary prefix, builds
# examples/embed against that prefix with find_package(newsgrep) and with pkg-config, indexes
# the sample corpus with the installed newsgrep and runs both builds of the example on it;
# checks the licences, the man page and the completions were installed.
#
# Usage: scripts/check_install.sh [BUILD_DIR]
# Quiet on success; on failure prints the failing step and its output, exits non-zero.
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsgrep-install-XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
log="$tmp/log"
jobs=$(nproc 2>/dev/null || echo 2)

step() {
  : >"$log"
  if ! "$@" >"$log" 2>&1; then
    echo "check_install: failed: $*" >&2
    tail -n 60 "$log" >&2
    exit 1
  fi
}

if [ $# -ge 1 ]; then
  build=$(cd "$1" && pwd)
else
  # A plain build (no sanitizers, no tests): what a packager would install.
  build="$tmp/build"
  step cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DNEWSGREP_BUILD_TESTS=OFF \
    -DNEWSGREP_BUILD_BENCHMARKS=OFF -DNEWSGREP_SANITIZERS=OFF
  step cmake --build "$build" -j "$jobs"
fi

prefix="$tmp/prefix"
step cmake --install "$build" --prefix "$prefix"
for header in searcher.h searcher_pool.h query_builder.h schema.h dates.h stored_article.h; do
  if [ ! -f "$prefix/include/newsgrep/$header" ]; then
    echo "check_install: $prefix/include/newsgrep/$header was not installed" >&2
    exit 1
  fi
done
for notice in COPYING NOTICE LICENSES/GPL-2.0-or-later.txt; do
  if [ ! -s "$prefix/share/doc/newsgrep/$notice" ]; then
    echo "check_install: $prefix/share/doc/newsgrep/$notice was not installed" >&2
    exit 1
  fi
done
for generated in share/man/man1/newsgrep.1 share/bash-completion/completions/newsgrep \
  share/zsh/site-functions/_newsgrep share/fish/vendor_completions.d/newsgrep.fish; do
  if [ ! -s "$prefix/$generated" ]; then
    echo "check_install: $prefix/$generated was not installed" >&2
    exit 1
  fi
done
if ! MANWIDTH=80 man -l -P cat "$prefix/share/man/man1/newsgrep.1" | grep -q "EXIT STATUS"; then
  echo "check_install: the installed man page does not render" >&2
  exit 1
fi
if ! grep -q "GeoNames" "$prefix/share/doc/newsgrep/NOTICE"; then
  echo "check_install: the installed NOTICE lacks the GeoNames attribution" >&2
  exit 1
fi
if [ -n "$(find "$prefix/include" -name proximity.h -o -name parsed_query.h -o -name internal)" ]; then
  echo "check_install: private searcher headers were installed" >&2
  exit 1
fi

# The example, as an outside project: only the installed package is visible to it.
step cmake -S "$src/examples/embed" -B "$tmp/embed" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_BUILD_TYPE=Release
step cmake --build "$tmp/embed" -j "$jobs"

# And through pkg-config, as a project without CMake builds it.
pc=$(find "$prefix" -name newsgrep.pc | head -n 1)
if [ -z "$pc" ]; then
  echo "check_install: newsgrep.pc was not installed" >&2
  exit 1
fi
pc_flags=$(PKG_CONFIG_PATH="$(dirname "$pc")" pkg-config --cflags --libs newsgrep)
step c++ -std=c++20 -O1 "$src/examples/embed/main.cc" -o "$tmp/embed/newsgrep_embed_pc" $pc_flags

step "$prefix/bin/newsgrep" index -q --db "$tmp/db" "$src/data/sample/articles"
out="$tmp/out"
if ! "$tmp/embed/newsgrep_embed_pc" "$tmp/db" '"security guarantees" NEAR/3 ukraine' 3 \
  >"$out.pc" 2>&1; then
  echo "check_install: the example built through pkg-config failed:" >&2
  cat "$out.pc" >&2
  exit 1
fi
if ! grep -qF "NATO defence chiefs weigh security guarantees for Ukraine" "$out.pc"; then
  echo "check_install: the pkg-config example found no hit:" >&2
  cat "$out.pc" >&2
  exit 1
fi
if ! "$tmp/embed/newsgrep_embed" "$tmp/db" '"security guarantees" NEAR/3 ukraine' 3 >"$out" 2>&1; then
  echo "check_install: the example program failed:" >&2
  cat "$out" >&2
  exit 1
fi
for expected in "NATO defence chiefs weigh security guarantees for Ukraine" "built query"; do
  if ! grep -qF "$expected" "$out"; then
    echo "check_install: the example's output lacks '$expected':" >&2
    cat "$out" >&2
    exit 1
  fi
done
