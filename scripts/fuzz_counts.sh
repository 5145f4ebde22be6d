#!/usr/bin/env bash
# Fuzz counts per kind of input file (issue 12): files tried, accepted, rejected, tracebacks, one JSON line
# per property. The 1,000-example profile by default; NETWERKSIM_FUZZ=explore for a randomised hunt
# (NETWERKSIM_FUZZ_EXAMPLES sets how many). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
counts=$(mktemp)
trap 'rm -f "$counts"' EXIT
status=0
NETWERKSIM_FUZZ_COUNTS="$counts" .venv/bin/python -m pytest -q -p no:xdist -m slow tests/test_fuzz_inputs.py "$@" >&2 \
    || status=$?
cat "$counts"
exit "$status"
