#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The README's first command: set everything up, index the bundled sample corpus, search it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build -DCMAKE_BUILD_TYPE=Release -DNEWSGREP_BUILD_TESTS=OFF -DNEWSGREP_BUILD_BENCHMARKS=OFF
rm -rf build/sample-index
build/tools/newsgrep index --quiet --db build/sample-index data/sample/articles
echo "\$ newsgrep \"security guarantees\"" >&2
exec build/tools/newsgrep --db build/sample-index "security guarantees"
