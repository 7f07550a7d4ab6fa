#!/usr/bin/env bash
# The whole test suite: notebooks clean, library in sync, every notebook's tests, the offline docs build, and the rendered pages
# opened in headless Chromium (installed here as root when missing; screenshots land in checks/pages/).
# Extra arguments go to nbdev_test, e.g. `bash scripts/test.sh --flags slow` also runs the long cells.
source "$(dirname "$0")/setup.sh"
set +e
passed=0; failed=0; failures=()
verdicts=$(mktemp -d)
verdict() {  # verdict FILE NAME COMMAND...: run one check; its verdict (and a failure's log) goes to $verdicts/FILE
  local file=$1 name=$2 t0=$SECONDS log; shift 2; log=$(mktemp)
  if "$@" >"$log" 2>&1; then echo "PASS $name ($((SECONDS-t0)) s)" >"$verdicts/$file"
  else { echo "FAIL $name ($((SECONDS-t0)) s)"; tail -40 "$log" | sed 's/^/    /'; } >"$verdicts/$file"; fi
  cat "$verdicts/$file"; rm -f "$log"
}
same_after() {  # same_after PATH COMMAND...: COMMAND must leave PATH (a file or folder) unchanged; PATH is restored either way
  local path=$1; shift; local copy; copy=$(mktemp -d)
  cp -a "$path" "$copy/orig"; "$@" >/dev/null 2>&1
  local diff; diff=$(diff -rq -x __pycache__ -x .ipynb_checkpoints -x _quarto.yml "$copy/orig" "$path" 2>&1)
  rm -rf "$path"; cp -a "$copy/orig" "$path"; rm -rf "$copy"
  [ -z "$diff" ] || { echo "'$*' changes $path:"; echo "$diff"; return 1; }
}
verdict clean "notebooks are clean (nbdev_clean changes nothing)" same_after nbs nbdev_clean
verdict sync "library is in sync with the notebooks (nbdev_export changes nothing)" same_after hidfd nbdev_export
verdict readme "README.md is generated from nbs/index.ipynb" same_after README.md bash scripts/readme.sh
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "[test] installing Chromium (Debian package chromium) for the page check" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1
fi
# Every notebook's tests, and the docs (the offline build, then the pages in Chromium), in as many lanes as the machine has
# cores (at most 4), each notebook on one thread: on two cores two single-threaded notebooks do about 1.4 times the work of
# one on two threads. The longest start first (measured), so the lanes end together; each verdict prints as it comes.
lanes=$(nproc 2>/dev/null || echo 1); lanes=$(( lanes > 4 ? 4 : lanes ))
longest="nbs/10_pipeline.ipynb nbs/09_baselines.ipynb nbs/04_train.ipynb docs nbs/tutorials/01_quick_start.ipynb
nbs/07_generation.ipynb nbs/tutorials/02_your_teacher.ipynb nbs/08_distill.ipynb nbs/13_cli.ipynb nbs/tutorials/04_results.ipynb"
items=$( (printf '%s\n' $longest; find nbs -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' -not -path '*/_proc/*' | sort) \
  | awk '!seen[$0]++' | while read -r item; do { [ "$item" = docs ] || [ -f "$item" ]; } && echo "$item"; done)
run_item() {  # run_item ITEM: one notebook's tests on one thread, or `docs`
  if [ "$1" = docs ]; then
    verdict docs_build "offline docs build (nbdev_proc_nbs + nbconvert, no cell errors, sidebar complete, links lead to pages)" \
      .venv/bin/python scripts/check_docs.py
    verdict docs_pages "rendered pages open in headless Chromium with their figures and tables" .venv/bin/python scripts/check_pages.py
  else
    export OMP_NUM_THREADS=1
    verdict "$(echo "$1" | tr / _)" "nbdev_test $1" nbdev_test --path "$1" $NBDEV_TEST_ARGS
  fi
}
export -f verdict run_item; export verdicts NBDEV_TEST_ARGS="$*"
echo "$items" | xargs -P "$lanes" -I{} bash -c 'run_item "$1"' _ {}
for f in "$verdicts"/*; do
  if head -1 "$f" | grep -q '^PASS'; then passed=$((passed+1)); else failed=$((failed+1)); failures+=("$(head -1 "$f" | cut -d' ' -f2-)"); fi
done
# one verdict per notebook, two for the docs, three for the checks above
[ "$(ls "$verdicts" | wc -l)" -eq "$(( $(echo "$items" | wc -l) + 4 ))" ] || { failed=$((failed+1)); failures+=("a check gave no verdict"); }
rm -rf "$verdicts"
echo
[ $failed -eq 0 ] || printf 'failed: %s\n' "${failures[@]}"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
