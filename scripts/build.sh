#!/usr/bin/env bash
# Configures and builds everything into build/ (2 parallel jobs).
# With CI set in the environment, warnings are errors; with SANITIZE=1 the
# build uses AddressSanitizer and UndefinedBehaviorSanitizer. ccache is
# used when it is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build}"
LAUNCHER=()
if command -v ccache >/dev/null; then
	LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
	# Paths relative to the clone, so that another clone on this machine
	# (CI's) finds what this one compiled.
	export CCACHE_BASEDIR="$(pwd)" CCACHE_NOHASHDIR=1
fi
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" \
	-DERP_SANITIZE="$([ "${SANITIZE:-0}" = 1 ] && echo ON || echo OFF)" "${LAUNCHER[@]}" >/dev/null
cmake --build "$BUILD_DIR" -j "${JOBS:-2}"
