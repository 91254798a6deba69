#!/usr/bin/env bash
# Configures and builds everything into build/ (2 parallel jobs).
# With CI set in the environment, warnings are errors.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build}"
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" >/dev/null
cmake --build "$BUILD_DIR" -j "${JOBS:-2}"
