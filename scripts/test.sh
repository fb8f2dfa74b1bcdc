#!/usr/bin/env bash
# The README's second command: set everything up and run the whole test suite, built with
# AddressSanitizer + UndefinedBehaviorSanitizer and warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build-test -DNEWSGREP_SANITIZERS=ON -DNEWSGREP_WERROR=ON -DNEWSGREP_BUILD_BENCHMARKS=OFF
cd build-test
exec ctest --output-on-failure --parallel "$(nproc)"
