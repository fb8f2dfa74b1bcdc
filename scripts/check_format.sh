#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Fails when a C++ file git tracks differs from the repository's .clang-format (Google style,
# 100 columns), listing the files; `clang-format -i FILE...` fixes them. Installs Debian's
# clang-format when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
NEWSGREP_EXTRA_PACKAGES=clang-format scripts/setup.sh --packages-only
unformatted=()
while IFS= read -r -d '' file; do
  clang-format --dry-run --Werror "$file" >/dev/null 2>&1 || unformatted+=("$file")
done < <(git ls-files -z '*.cc' '*.h')
if ((${#unformatted[@]})); then
  echo "check_format: ${#unformatted[@]} file(s) differ from .clang-format (clang-format -i fixes them):" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  exit 1
fi
echo "check_format: every C++ file is formatted"
