#!/usr/bin/env bash
# Hostile article input: invalid UTF-8 (replaced, or rejected with its byte offset), NUL bytes,
# binary and empty files, CRLF and byte order marks, oversized articles, --max-errors, right-to-left
# text. Every case: a defined exit code, a message with file and line, never a crash, and the good
# articles of the same input still extracted.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"
PYTHON=${PYTHON:-python3}

good='{"id": "good", "date": "2024-04-20", "text": "US Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing."}'

# Invalid UTF-8 inside a record's text (raw bytes, not escapes).
printf '%s\n{"id": "latin1", "date": "2024-04-20", "text": "Blinken met Wang Yi in Beijing \xe9t\xe9 \xff\xfe."}\n' "$good" >"$work/utf8.jsonl"
expect 0 "$IRKG" extract "$work/utf8.jsonl" -o "$work/replaced.jsonl" --quiet
grep -q '"doc":"latin1"' "$work/replaced.jsonl" || fail "--invalid-utf8 replace dropped the article"
"$PYTHON" -c 'import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    json.loads(line)' "$work/replaced.jsonl" || fail "replaced output is not valid UTF-8 JSON"
grep -q $'\xef\xbf\xbd' "$work/replaced.jsonl" || fail "no U+FFFD in the replaced text"
expect 1 "$IRKG" extract "$work/utf8.jsonl" --invalid-utf8 reject -o "$work/rejected.jsonl"
contains stderr "utf8.jsonl:2: the text is not valid UTF-8 (first bad byte at offset 31 of the article text)"
contains stderr "1 bad record skipped"
grep -q '"doc":"good"' "$work/rejected.jsonl" || fail "--invalid-utf8 reject lost the good article"
expect 2 "$IRKG" extract "$work/utf8.jsonl" --invalid-utf8 maybe
contains stderr '--invalid-utf8 "maybe"'

# NUL bytes (escaped in JSON, raw in a .txt) become spaces: offsets stay, output is clean.
printf '{"id": "nul", "date": "2024-04-20", "text": "Antony Blinken met\\u0000Wang Yi in Beijing."}\n' >"$work/nul.jsonl"
expect 0 "$IRKG" extract "$work/nul.jsonl" --quiet
grep -q '"predicate":"meets"' "$work/stdout" || fail "NUL between words broke extraction: $(cat "$work/stdout")"
if grep -q '\\u0000' "$work/stdout"; then fail "a NUL reached the output"; fi
printf 'Blinken met\0Wang Yi.\0\0\xff\xd8 binary \x01\x02' >"$work/binary.txt"
expect 0 "$IRKG" extract "$work/binary.txt" --date 2024-04-20 --quiet
"$PYTHON" -c 'import json, sys
[json.loads(l) for l in sys.stdin]' <"$work/stdout" || fail "binary .txt gave invalid JSON Lines"

# Empty files and blank lines: no article, no error.
: >"$work/empty.jsonl"
: >"$work/empty.txt"
printf '\n\n  \n' >"$work/blank.jsonl"
expect 0 "$IRKG" extract "$work/empty.jsonl" "$work/blank.jsonl" "$work/empty.txt" --date 2024-04-20
contains stderr "irkg extract: 1 article, 0 sentences"

# CRLF line ends and a byte order mark.
printf '\xef\xbb\xbf%s\r\n%s\r\n' "$good" "${good/good/good2}" >"$work/crlf.jsonl"
expect 0 "$IRKG" extract "$work/crlf.jsonl"
contains stderr "irkg extract: 2 articles"
grep -q '"doc":"good2"' "$work/stdout" || fail "CRLF: second record lost"

# Oversized articles are bad records; the limit is configurable.
"$PYTHON" -c 'import json
print(json.dumps({"id": "big", "date": "2024-04-20", "text": "Blinken met Wang Yi. " * 60000}))' >"$work/big.jsonl"
echo "$good" >>"$work/big.jsonl"
expect 1 "$IRKG" extract "$work/big.jsonl" --max-article-bytes 100000 -o "$work/big-out.jsonl"
contains stderr "big.jsonl:1: the article has 1260000 bytes of text, more than --max-article-bytes 100000"
grep -q '"doc":"good"' "$work/big-out.jsonl" || fail "the article after an oversized one was lost"
expect 0 "$IRKG" extract "$work/big.jsonl" --quiet -o "$work/big-ok.jsonl"

# --max-errors: stop after N bad records; without it every bad record is reported and skipped.
{
  for i in 1 2 3 4 5; do echo "{\"id\": \"bad$i\", \"text\": $i}"; done
  echo "$good"
} >"$work/many-bad.jsonl"
expect 1 "$IRKG" extract "$work/many-bad.jsonl" -o "$work/all.jsonl"
contains stderr "5 bad records skipped"
grep -q '"doc":"good"' "$work/all.jsonl" || fail "the good record after bad ones was lost"
expect 1 "$IRKG" extract "$work/many-bad.jsonl" --max-errors 2 -o "$work/stopped.jsonl"
contains stderr "many-bad.jsonl:3: \"text\" must be a string; stopped: more than --max-errors 2 bad records"
[[ ! -e $work/stopped.jsonl ]] || fail "--max-errors left an output file"

# Right-to-left and mixed scripts: no crash, valid output; a duplicate article id is read again.
printf '{"id": "rtl", "date": "2024-04-20", "text": "\\u0627\\u0644\\u0631\\u0626\\u064a\\u0633 Antony Blinken met Wang Yi \\u05e9\\u05dc\\u05d5\\u05dd in Beijing."}\n' >"$work/rtl.jsonl"
cat "$work/rtl.jsonl" "$work/rtl.jsonl" >"$work/dup.jsonl"
expect 0 "$IRKG" build "$work/dup.jsonl" -o "$work/dup.jsonld"
contains stderr "irkg build: 2 articles"
"$PYTHON" - "$work/dup.jsonld" <<'PY' || fail "duplicate ids: the same sentence should count once"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
meets = [n for n in doc["@graph"] if n.get("type") == "Statement" and n["predicate"] == "rel:meets"]
assert len(meets) == 1 and len(meets[0]["evidence"]) == 1, meets
PY

finish
