#!/usr/bin/env bash
# Print the path of a Python >= 3.12 on this machine, or explain and fail.
# Looks at $PYTHON, python3.13/python3.12/python3 on PATH, then pyenv's versions.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; }
candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
for name in python3.12 python3.13 python3.14 python3; do
  p=$(command -v "$name" 2>/dev/null) && candidates+=("$p")
done
root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
for d in $(ls -d "$root"/versions/3.1[2-9]* 2>/dev/null | sort -V); do
  for exe in "$d"/bin/python3.1[2-9] "$d"/bin/python3; do
    [ -x "$exe" ] && candidates+=("$exe")
  done
done
for c in "${candidates[@]}"; do
  if ok "$c"; then echo "$c"; exit 0; fi
done
echo "netwerksim needs Python >= 3.12 and found none (tried: ${candidates[*]:-nothing}). Set PYTHON=/path/to/python3.12." >&2
exit 1
