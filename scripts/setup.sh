#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Installs the Debian packages newsgrep needs (only the missing ones; quiet when all are
# there), then configures and builds it.
#
#   scripts/setup.sh BUILD_DIR [extra cmake arguments...]
#   scripts/setup.sh --packages-only
# $NEWSGREP_EXTRA_PACKAGES: more packages to install (space-separated), e.g. a fuzzer's.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake make
  libxapian-dev xapian-tools
  libabsl-dev
  nlohmann-json3-dev zlib1g-dev libxml2-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libsqlite3-dev sqlite3
  man-db groff-base zsh fish  # to test the generated man page and completions
  libicu-dev pkgconf libgeonames-dev iso-codes tzdata wamerican libtext-names-perl
  ${NEWSGREP_EXTRA_PACKAGES:-}
)
missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build_dir=${1:?usage: scripts/setup.sh BUILD_DIR [cmake args...] | --packages-only}
[[ "$build_dir" != --packages-only ]] || exit 0
shift
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build_dir" --parallel "$(nproc)" -- --no-print-directory >/dev/null
