#!/usr/bin/env bash
# SIGINT and SIGTERM mid-run: exit 130 / 143, the unfinished output's temporary file is removed, an
# existing output is left exactly as it was, and the message says so.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"
PYTHON=${PYTHON:-python3}

# interrupted SIGNAL EXPECTED_CODE: irkg extract -o reads articles from a FIFO that stays open
# (the writer sends a few articles, then waits), so irkg is mid-run with its temporary output open.
interrupted() {
  local signal=$1 want=$2
  local fifo=$work/articles-$signal.fifo out=$work/triples-$signal.jsonl
  mkfifo "$fifo"
  echo "keep me" >"$out"
  "$PYTHON" -c 'import json, sys, time
for i in range(50):
    print(json.dumps({"id": f"a{i}", "date": "2024-04-20", "text": "Blinken met Wang Yi in Beijing."}), flush=True)
time.sleep(60)' >"$fifo" &
  local writer=$!
  "$IRKG" extract - -o "$out" <"$fifo" 2>"$work/stderr-$signal" &
  local pid=$!
  # Wait until irkg has created its temporary file (it opens -o before reading).
  for _ in $(seq 1 100); do
    compgen -G "$out.tmp-*" >/dev/null && break
    sleep 0.05
  done
  compgen -G "$out.tmp-*" >/dev/null || fail "$signal: irkg never opened its temporary output"
  kill -s "$signal" "$pid"
  set +e
  wait "$pid"
  local code=$?
  set -e
  kill "$writer" 2>/dev/null || true
  wait "$writer" 2>/dev/null || true
  [[ $code == "$want" ]] || fail "$signal: exit $code, expected $want"
  [[ $(cat "$out") == "keep me" ]] || fail "$signal: the existing output was changed"
  if compgen -G "$out.tmp-*" >/dev/null; then fail "$signal: a temporary file was left: $(ls "$out".tmp-*)"; fi
  grep -q "unfinished outputs removed" "$work/stderr-$signal" || fail "$signal: no message: $(cat "$work/stderr-$signal")"
}

interrupted INT 130
interrupted TERM 143

finish
