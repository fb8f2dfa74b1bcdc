#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Checks that every source file (C++, CMake, shell, Python) names its licence with an SPDX
# identifier in its first three lines, and that the licence texts and notices it relies on
# are in the tree. Run from anywhere; exits 1 naming each file that lacks one.
set -euo pipefail
cd "$(dirname "$0")/.."

if git rev-parse --is-inside-work-tree > /dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cc' '*.h' '*CMakeLists.txt' '*.cmake' '*.cmake.in' \
    '*.sh' '*.py' .ci/run)
else
  mapfile -t files < <(find . -path ./build -prune -o -path './build-*' -prune -o -type f \
    \( -name '*.cc' -o -name '*.h' -o -name CMakeLists.txt -o -name '*.cmake' \
    -o -name '*.cmake.in' -o -name '*.sh' -o -name '*.py' \) -print)
fi

missing=0
for file in "${files[@]}"; do
  if ! head -n 3 "$file" | grep -q 'SPDX-License-Identifier: '; then
    echo "check_licences: $file has no SPDX-License-Identifier in its first three lines" >&2
    missing=$((missing + 1))
  fi
done
for text in COPYING LICENSES/GPL-2.0-or-later.txt NOTICE; do
  if [ ! -s "$text" ]; then
    echo "check_licences: $text is missing" >&2
    missing=$((missing + 1))
  fi
done
if [ "$missing" -gt 0 ]; then
  echo "check_licences: $missing problem(s)" >&2
  exit 1
fi
echo "check_licences: ${#files[@]} source files name their licence"
