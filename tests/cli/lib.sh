# shellcheck shell=bash
# Helpers for the CLI script tests. ctest sets IRKG (the binary) and IRKG_SOURCE_DIR; run by hand,
# they default to build/irkg and this checkout.
set -euo pipefail
# With pipefail, "A | grep -q P" fails whenever grep exits before A has written everything (A gets
# SIGPIPE): pipe into "grep P >/dev/null", which reads to the end.

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
IRKG_SOURCE_DIR=${IRKG_SOURCE_DIR:-$(cd "$here/../.." && pwd)}
IRKG=${IRKG:-$IRKG_SOURCE_DIR/build/irkg}
export IRKG_SCHEMAS=$IRKG_SOURCE_DIR/schemas
SAMPLE=$IRKG_SOURCE_DIR/samples/blinken-china-visit.txt
SAMPLE_DATE=2024-04-20

work=$(mktemp -d "${TMPDIR:-/tmp}/irkg-cli-test.XXXXXX")
trap 'rm -rf "$work"' EXIT

# IRKG_RUNNER, when set, is a command every irkg run goes through (scripts/test-valgrind sets it to
# valgrind with --error-exitcode=99): $IRKG becomes a small script that runs the binary under it.
# Absolute paths throughout, since some tests run irkg with a PATH that holds neither bash nor valgrind.
if [[ -n ${IRKG_RUNNER:-} ]]; then
  read -r -a runner <<<"$IRKG_RUNNER"
  runner[0]=$(command -v "${runner[0]}") || { echo "IRKG_RUNNER: no ${runner[0]} on PATH" >&2; exit 1; }
  {
    printf '#!%s\nexec' "$BASH"
    printf ' %q' "${runner[@]}" "$IRKG"
    printf ' "$@"\n'
  } >"$work/irkg"
  chmod +x "$work/irkg"
  IRKG=$work/irkg
fi

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# run CMD...: runs CMD, keeping its exit code in $code and its output in $work/stdout, $work/stderr.
run() {
  set +e
  "$@" >"$work/stdout" 2>"$work/stderr"
  code=$?
  set -e
}

# expect CODE CMD...: runs CMD and checks its exit code.
expect() {
  local want=$1
  shift
  run "$@"
  if [[ $code != "$want" ]]; then
    fail "exit $code, expected $want: $*"
    sed 's/^/  stderr: /' "$work/stderr" | head -20 >&2
  fi
}

# contains stdout|stderr TEXT [WHAT]: checks the last run's output holds TEXT (a fixed string).
contains() {
  local stream=$1 text=$2
  if ! grep -qF -- "$text" "$work/$stream"; then
    fail "${3:-last command}: $stream lacks \"$text\""
    sed "s/^/  $stream: /" "$work/$stream" | head -20 >&2
  fi
}

finish() {
  if ((failures > 0)); then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  echo "all checks passed"
}
