#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) into build-fuzz/ with clang and
# runs each for a fixed number of executions, FUZZ_RUNS (20000 by default,
# what CI runs; FUZZ_RUNS=10000000 is the long run), on a copy of its seed
# corpus, so that the tree is never changed. Exits non-zero when a target
# crashes or breaks one of its properties; the input that did it is kept in
# build-fuzz/fuzz-work/<target>/findings/ and the whole output in
# build-fuzz/fuzz-work/<target>/log. FUZZ_TARGETS="fuzz_money fuzz_dates"
# runs only those; FUZZ_SANITIZERS=undefined builds without ASan (a faster
# long campaign). One target at a time, one process each.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${FUZZ_BUILD_DIR:-build-fuzz}"
RUNS="${FUZZ_RUNS:-20000}"
TARGETS=(${FUZZ_TARGETS:-fuzz_json_body fuzz_query_parameters fuzz_money fuzz_dates fuzz_header_encoding fuzz_mime_builder})

LAUNCHER=()
if command -v ccache >/dev/null; then
	LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
	export CCACHE_BASEDIR="$(pwd)" CCACHE_NOHASHDIR=1
fi
CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR" -DERP_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	-DERP_FUZZ_SANITIZERS="${FUZZ_SANITIZERS:-address,undefined}" "${LAUNCHER[@]}" >/dev/null
cmake --build "$BUILD_DIR" -j "${JOBS:-2}"

# The longest input each target is given: what a request body, a URL
# parameter, an amount, a date, a name or subject and a message may be
# (a request body of 1 KiB holds any of the API's; longer ones only add
# fields, and cost the JSON target half its speed).
declare -A MAX_LEN=([fuzz_json_body]=1024 [fuzz_query_parameters]=64 [fuzz_money]=128 [fuzz_dates]=64
	[fuzz_header_encoding]=512 [fuzz_mime_builder]=2048)

export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
failed=()
for target in "${TARGETS[@]}"; do
	work="$BUILD_DIR/fuzz-work/$target"
	rm -rf "$work"
	mkdir -p "$work/corpus" "$work/findings"
	cp tests/fuzz/corpus/"$target"/* "$work/corpus/"
	options=(-runs="$RUNS" -max_len="${MAX_LEN[$target]:-1024}" -timeout=10 -print_final_stats=1
		-artifact_prefix="$work/findings/")
	if [ -f "tests/fuzz/dict/$target.dict" ]; then
		options+=(-dict="tests/fuzz/dict/$target.dict")
	fi
	echo "fuzz: $target, $RUNS runs"
	start=$(date +%s)
	status=0
	"$BUILD_DIR/bin/$target" "${options[@]}" "$work/corpus" >"$work/log" 2>&1 || status=$?
	seconds=$(($(date +%s) - start))
	grep -E "DONE|stat::number_of_executed_units|stat::peak_rss_mb" "$work/log" | sed 's/^/  /' || true
	echo "  $seconds s, corpus $(ls "$work/corpus" | wc -l) inputs"
	if [ "$status" -ne 0 ]; then
		grep -E "property violated|ERROR:|runtime error|SUMMARY" "$work/log" | sed 's/^/  /' || true
		echo "fuzz: $target FAILED (exit $status); input in $work/findings/, output in $work/log"
		failed+=("$target")
	fi
done
if [ ${#failed[@]} -ne 0 ]; then
	echo "fuzz: failed: ${failed[*]}"
	exit 1
fi
echo "fuzz: ${#TARGETS[@]} targets, $RUNS runs each, nothing found"
