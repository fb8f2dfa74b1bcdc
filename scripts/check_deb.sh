#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Builds the Debian packages (dpkg-buildpackage -us -uc -b), checks them with lintian (no
# error; the warnings left are overridden in debian/, each with its reason), installs them
# with apt, and checks the installed newsgrep and libnewsgrep-dev as a user would: the
# version, an index of the sample corpus and a search in it, the man page, the bash
# completion, and examples/embed built against the installed package through CMake and
# through pkg-config. Run as root or with sudo; it installs packages.
# Usage: scripts/check_deb.sh   (the packages are left in ..; its work in a temporary dir)
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(pwd)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsgrep-deb-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() {
  echo "check_deb: $*" >&2
  exit 1
}

$sudo apt-get install -y -qq --no-install-recommends debhelper lintian dpkg-dev >/dev/null
version=$(dpkg-parsechangelog -S Version)
arch=$(dpkg-architecture -q DEB_HOST_ARCH)
dpkg-buildpackage -us -uc -b -j"$(nproc)" >"$tmp/build.log" 2>&1 ||
  { tail -50 "$tmp/build.log" >&2; fail "dpkg-buildpackage failed"; }
debian/rules clean >/dev/null 2>&1 || true
changes="../newsgrep_${version}_${arch}.changes"
lintian --fail-on error --tag-display-limit 0 "$changes" >"$tmp/lintian.log" 2>&1 ||
  { cat "$tmp/lintian.log" >&2; fail "lintian found errors"; }
echo "check_deb: lintian:"
grep -v "running with root privileges" "$tmp/lintian.log" || echo "  (nothing reported)"

$sudo apt-get install -y -qq --no-install-recommends "../newsgrep_${version}_${arch}.deb" \
  "../libnewsgrep-dev_${version}_${arch}.deb" >/dev/null
[ "$(command -v newsgrep)" = /usr/bin/newsgrep ] || fail "newsgrep is not /usr/bin/newsgrep"
newsgrep --version | grep -qx "newsgrep ${version}" || fail "newsgrep --version is not ${version}"
newsgrep index -q --db "$tmp/db" data/sample/articles
newsgrep --no-config --db "$tmp/db" -n 1 "security guarantees" | grep -q "security guarantees" ||
  fail "the installed newsgrep found no hit"
MANWIDTH=80 man -P cat newsgrep | grep -q "EXIT STATUS" || fail "man newsgrep shows no page"
bash -c 'source /usr/share/bash-completion/completions/newsgrep && complete -p newsgrep' \
  >/dev/null || fail "the bash completion does not load"

cmake -S examples/embed -B "$tmp/embed" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$tmp/embed" -j"$(nproc)" >/dev/null
c++ -std=c++20 -O1 examples/embed/main.cc -o "$tmp/embed/newsgrep_embed_pc" \
  $(pkg-config --cflags --libs newsgrep)
for program in "$tmp/embed/newsgrep_embed" "$tmp/embed/newsgrep_embed_pc"; do
  "$program" "$tmp/db" '"security guarantees" NEAR/3 ukraine' 3 |
    grep -qF "NATO defence chiefs weigh security guarantees for Ukraine" ||
    fail "$program (built against the installed libnewsgrep-dev) found no hit"
done
echo "check_deb: ../newsgrep_${version}_${arch}.deb and ../libnewsgrep-dev_${version}_${arch}.deb" \
  "built, installed and checked"
