#!/usr/bin/env bash
# The test command: installs what is missing, builds, runs every test.
# Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd "${BUILD_DIR:-build}"
ctest -j "${JOBS:-2}" --output-on-failure --timeout 600
