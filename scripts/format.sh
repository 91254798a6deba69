#!/usr/bin/env bash
# Formats every C++ file with the project's .clang-format.
set -euo pipefail
cd "$(dirname "$0")/.."
find host plugin hooks tests bench \( -name '*.h' -o -name '*.cpp' \) -print0 | xargs -0 clang-format -i
