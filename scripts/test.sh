#!/usr/bin/env bash
# The test command: installs what is missing, builds, runs every test.
# Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
(cd "${BUILD_DIR:-build}" && ctest -j "${JOBS:-2}" --output-on-failure --timeout 600)

# The libFuzzer targets (tests/fuzz): built with clang into build-fuzz/,
# each run FUZZ_RUNS times (20000). FUZZ=0 skips them.
if [ "${FUZZ:-1}" = 1 ]; then
	scripts/fuzz.sh
fi

# The same suite again under AddressSanitizer and UndefinedBehaviorSanitizer
# (valgrind's leak check and the format check need not run twice; LeakSanitizer
# checks leaks here). SANITIZE=0 skips it. The *_mariadb entries run in the
# plain build above only: the same code on the other dialect, and the MariaDB
# client library is not built with the sanitizers.
if [ "${SANITIZE:-1}" = 1 ]; then
	BUILD_DIR=build-asan SANITIZE=1 scripts/build.sh
	cd build-asan
	ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
		ctest -j "${JOBS:-2}" --output-on-failure --timeout 900 -E "^(plugin_cycle_leak|format|bench_smoke|mariadb_start|mariadb_stop|.*_mariadb)$"
fi
