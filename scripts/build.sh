#!/usr/bin/env bash
# Configures and builds everything into build/ (2 parallel jobs).
# With CI set in the environment, warnings are errors; with SANITIZE=1 the
# build uses AddressSanitizer and UndefinedBehaviorSanitizer. ccache is
# used when it is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build}"
LAUNCHER=()
command -v ccache >/dev/null && LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" \
	-DERP_SANITIZE="$([ "${SANITIZE:-0}" = 1 ] && echo ON || echo OFF)" "${LAUNCHER[@]}" >/dev/null
cmake --build "$BUILD_DIR" -j "${JOBS:-2}"
