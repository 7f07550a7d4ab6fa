#!/usr/bin/env bash
# The whole test suite: notebooks clean, library in sync, every notebook's tests, the offline docs build, and the rendered pages
# opened in headless Chromium (installed here as root when missing; screenshots land in checks/pages/).
# Extra arguments go to nbdev_test, e.g. `bash scripts/test.sh --flags slow` also runs the long cells.
source "$(dirname "$0")/setup.sh"
set +e
passed=0; failed=0; failures=()
check() {  # check NAME COMMAND...: run one check, count it, keep its log
  local name=$1; shift; local t0=$SECONDS log; log=$(mktemp)
  if "$@" >"$log" 2>&1; then passed=$((passed+1)); echo "PASS $name ($((SECONDS-t0)) s)"
  else failed=$((failed+1)); failures+=("$name"); echo "FAIL $name ($((SECONDS-t0)) s)"; tail -40 "$log" | sed 's/^/    /'; fi
  rm -f "$log"
}
same_after() {  # same_after PATH COMMAND...: COMMAND must leave PATH (a file or folder) unchanged; PATH is restored either way
  local path=$1; shift; local copy; copy=$(mktemp -d)
  cp -a "$path" "$copy/orig"; "$@" >/dev/null 2>&1
  local diff; diff=$(diff -rq -x __pycache__ -x .ipynb_checkpoints -x _quarto.yml "$copy/orig" "$path" 2>&1)
  rm -rf "$path"; cp -a "$copy/orig" "$path"; rm -rf "$copy"
  [ -z "$diff" ] || { echo "'$*' changes $path:"; echo "$diff"; return 1; }
}
check "notebooks are clean (nbdev_clean changes nothing)" same_after nbs nbdev_clean
check "library is in sync with the notebooks (nbdev_export changes nothing)" same_after hidfd nbdev_export
check "README.md is generated from nbs/index.ipynb" same_after README.md bash scripts/readme.sh
for nb in $(find nbs -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' -not -path '*/_proc/*' | sort); do
  check "nbdev_test $nb" nbdev_test --path "$nb" "$@"
done
check "offline docs build (nbdev_proc_nbs + nbconvert, no cell errors, sidebar complete, links lead to pages)" .venv/bin/python scripts/check_docs.py
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "[test] installing Chromium (Debian package chromium) for the page check" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1
fi
check "rendered pages open in headless Chromium with their figures and tables" .venv/bin/python scripts/check_pages.py
echo
[ $failed -eq 0 ] || printf 'failed: %s\n' "${failures[@]}"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
