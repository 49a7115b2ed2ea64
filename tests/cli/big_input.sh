#!/usr/bin/env bash
# Big inputs, generated on the fly in a temporary directory: a 200 MB article on one line (a bad record
# under the default --max-article-bytes, the articles after it still extracted; processed without a
# crash and with bounded memory when the limit is off), a run-on sentence of 1 MB without a full stop
# (skipped and counted by --max-sentence-tokens, in bounded time), a stream of many tiny articles on
# stdin, --max-evidence on a relation read in every article, and a file-size limit (ulimit -f, the
# stand-in for a full disk): a clear error, the existing output untouched, no temporary file left.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"
PYTHON=${PYTHON:-python3}
TINY_ARTICLES=${IRKG_TINY_ARTICLES:-1000000}
# Hundreds of MB through valgrind (scripts/test-valgrind) would take hours: skipped there.
if [[ -n ${IRKG_RUNNER:-} ]]; then
  echo "skipped: big inputs under IRKG_RUNNER"
  exit 77
fi

# peak_rss_mb CMD...: runs CMD like run, and puts its peak resident memory (MB) in $rss, empty when
# /usr/bin/time is missing.
rss=
peak_rss_mb() {
  if [[ -x /usr/bin/time ]]; then
    run /usr/bin/time -f '%M' -o "$work/rss" "$@"
    rss=$(($(tail -1 "$work/rss") / 1024))
  else
    run "$@"
    rss=
  fi
}

good='{"id": "after", "date": "2024-04-20", "text": "US Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing."}'

# A 200 MB article on one line: a relation, then 200 MB of an inline base64 image (long "words", as a
# scraped page holds; one paragraph, so one run-on sentence), then another relation; a good article
# follows on the next line.
"$PYTHON" - "$work/huge.jsonl" "$good" <<'PY'
import sys
path, good = sys.argv[1], sys.argv[2]
chunk = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg" * 10 + " ") * 64
with open(path, "w") as out:
    out.write('{"id": "huge", "date": "2024-04-20", "text": "North Korea transferred weapons to Russia.\\n\\n<img src=data:image/png;base64,')
    written = 0
    while written < 200 * 1024 * 1024:
        out.write(chunk)
        written += len(chunk)
    out.write('>\\n\\nFrance condemned Russia over the attack."}\n')
    out.write(good + "\n")
PY
huge_bytes=$(stat -c %s "$work/huge.jsonl")

# With the default limit (64 MB) it is a bad record, reported with its size; the next article is read.
peak_rss_mb "$IRKG" extract "$work/huge.jsonl" -j 2 -o "$work/huge-default.jsonl"
[[ $code == 1 ]] || fail "200 MB article, default limit: exit $code, expected 1"
contains stderr "huge.jsonl:1: the article has" "200 MB article, default limit"
contains stderr "more than --max-article-bytes 67108864" "200 MB article, default limit"
contains stderr "1 bad record skipped" "200 MB article, default limit"
grep -q '"doc":"after"' "$work/huge-default.jsonl" || fail "the article after the 200 MB one was lost"
if grep -q '"doc":"huge"' "$work/huge-default.jsonl"; then fail "the oversized article was extracted"; fi
# Rejecting it costs the line and its parse, not a token list: a few times its size at most.
[[ -z $rss || -n ${IRKG_SANITIZED:-} ]] || ((rss < 5 * huge_bytes / 1048576)) || fail "200 MB article, default limit: peak RSS $rss MB"
echo "200 MB article, default limit: peak RSS ${rss:-?} MB"

# Without a limit it is read: both relations found; the blob is a run-on sentence, skipped and counted.
peak_rss_mb "$IRKG" extract "$work/huge.jsonl" --max-article-bytes 0 -j 2 -o "$work/huge-all.jsonl"
[[ $code == 0 ]] || fail "200 MB article, no limit: exit $code, expected 0: $(head -5 "$work/stderr")"
contains stderr "irkg: 1 sentence of more than --max-sentence-tokens 500 tokens skipped" "200 MB article, no limit"
grep '"doc":"huge"' "$work/huge-all.jsonl" | grep '"predicate":"transfers-weapons-to"' >/dev/null ||
  fail "200 MB article, no limit: the first sentence's relation is missing"
grep '"doc":"huge"' "$work/huge-all.jsonl" | grep '"predicate":"condemns"' >/dev/null ||
  fail "200 MB article, no limit: the last sentence's relation is missing"
grep -q '"doc":"after"' "$work/huge-all.jsonl" || fail "200 MB article, no limit: the next article was lost"
[[ -z $rss || -n ${IRKG_SANITIZED:-} ]] || ((rss < 8 * huge_bytes / 1048576)) || fail "200 MB article, no limit: peak RSS $rss MB"
echo "200 MB article, no limit: peak RSS ${rss:-?} MB"
rm -f "$work/huge.jsonl" "$work/huge-all.jsonl" "$work/huge-default.jsonl"

# A run-on sentence of 1 MB: no full stop, no comma to cut it at. Skipped (and counted) under the
# default --max-sentence-tokens, in bounded time; the sentences around it are still read.
"$PYTHON" - "$work/runon.jsonl" "$good" <<'PY'
import json, sys
path, good = sys.argv[1], sys.argv[2]
clause = "Russia warned Ukraine and the United States criticised China and Iran threatened Israel and "
text = "France condemned Russia over the attack. " + clause * (1024 * 1024 // len(clause)) + "end\n\nGermany met Japan."
with open(path, "w") as out:
    out.write(json.dumps({"id": "runon", "date": "2024-04-20", "text": text}) + "\n" + good + "\n")
PY
started=$(date +%s)
expect 0 "$IRKG" extract "$work/runon.jsonl" -o "$work/runon-out.jsonl"
elapsed=$(($(date +%s) - started))
contains stderr "irkg: 1 sentence of more than --max-sentence-tokens 500 tokens skipped" "1 MB run-on sentence"
grep '"doc":"runon"' "$work/runon-out.jsonl" | grep '"predicate":"condemns"' >/dev/null || fail "run-on: the sentence before it was lost"
grep -q '"doc":"after"' "$work/runon-out.jsonl" || fail "run-on: the next article was lost"
if grep -q '"predicate":"threatens"' "$work/runon-out.jsonl"; then fail "run-on: the skipped sentence gave triples"; fi
((elapsed < 20)) || fail "run-on sentence of 1 MB took $elapsed s"
echo "1 MB run-on sentence, default limit: $elapsed s"
expect 2 "$IRKG" extract "$work/runon.jsonl" --max-sentence-tokens many
contains stderr "--max-sentence-tokens"
expect 2 "$IRKG" extract "$work/runon.jsonl" --max-sentence-tokens -3
contains stderr "--max-sentence-tokens"
expect 2 "$IRKG" build "$work/runon.jsonl" --max-evidence -1 -o "$work/never.jsonld"
contains stderr "--max-evidence"

# Many tiny articles on stdin, with two threads: every one read, the output in input order.
started=$(date +%s)
"$PYTHON" -c 'import sys
n = int(sys.argv[1])
w = sys.stdout.write
for i in range(n):
    w("{\"id\": \"t%d\", \"date\": \"2024-04-20\", \"text\": \"Blinken met Wang Yi.\"}\n" % i)' "$TINY_ARTICLES" |
  "$IRKG" extract - -j 2 -o "$work/tiny.jsonl" 2>"$work/stderr" || fail "tiny articles: exit $?: $(head -5 "$work/stderr")"
elapsed=$(($(date +%s) - started))
contains stderr "irkg extract: $TINY_ARTICLES articles, $TINY_ARTICLES sentences, $TINY_ARTICLES triples" "tiny articles"
[[ $(head -1 "$work/tiny.jsonl") == *'"doc":"t0"'* ]] || fail "tiny articles: the first is not first"
[[ $(tail -1 "$work/tiny.jsonl") == *"\"doc\":\"t$((TINY_ARTICLES - 1))\""* ]] || fail "tiny articles: the last is not last"
echo "$TINY_ARTICLES tiny articles on stdin: $elapsed s"
rm -f "$work/tiny.jsonl"

# --max-evidence: relations read in 30 articles keep their 10 first mentions (by date), and say so.
"$PYTHON" -c 'import json
for i in range(30):
    print(json.dumps({"id": "m%02d" % i, "date": "2024-04-%02d" % (i + 1), "text": "US Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing."}))' >"$work/many.jsonl"
expect 0 "$IRKG" build "$work/many.jsonl" --max-evidence 10 -o "$work/capped.jsonld" -q
# meets, and the two persons' offices (holds-office-in), all read in every article.
contains stderr "irkg: 3 relations had more than --max-evidence 10 mentions and kept their first 10"
contains stderr "60 mentions dropped"
"$PYTHON" - "$work/capped.jsonld" <<'PY' || fail "--max-evidence 10: wrong mentions kept"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
meets = [n for n in doc["@graph"] if n.get("type") == "Statement" and n["predicate"] == "rel:meets"]
assert len(meets) == 1, meets
assert meets[0]["weight"] == 10, meets[0]["weight"]
docs = sorted(e["doc"] for e in meets[0]["evidence"])
assert docs == ["m%02d" % i for i in range(10)], docs
statements = [n for n in doc["@graph"] if n.get("type") == "Statement"]
assert all(n["weight"] <= 10 for n in statements), statements
PY
# Building in two halves and merging gives the same bytes as building at once.
head -n 13 "$work/many.jsonl" >"$work/half1.jsonl"
tail -n +14 "$work/many.jsonl" >"$work/half2.jsonl"
expect 0 "$IRKG" build "$work/half2.jsonl" --max-evidence 10 -o "$work/half2.jsonld" -q
expect 0 "$IRKG" build "$work/half1.jsonl" --max-evidence 10 -o "$work/half1.jsonld" -q
expect 0 "$IRKG" merge "$work/half2.jsonld" "$work/half1.jsonld" --max-evidence 10 -o "$work/merged.jsonld" -q
cmp -s "$work/merged.jsonld" "$work/capped.jsonld" || fail "--max-evidence: merging halves differs from one build"
expect 0 "$IRKG" build "$work/half2.jsonl" --into "$work/into.jsonld" --max-evidence 10 -q
expect 0 "$IRKG" build "$work/half1.jsonl" --into "$work/into.jsonld" --max-evidence 10 -q
cmp -s "$work/into.jsonld" "$work/capped.jsonld" || fail "--max-evidence: build --into differs from one build"
expect 0 "$IRKG" build "$work/many.jsonl" --max-evidence 0 -o "$work/all.jsonld"
if grep -q "max-evidence" "$work/stderr"; then fail "--max-evidence 0 reported a cap"; fi

# The limits are documented in --help.
expect 0 "$IRKG" build --help
contains stdout "--max-sentence-tokens" "build --help"
contains stdout "--max-evidence" "build --help"
expect 0 "$IRKG" merge --help
contains stdout "--max-evidence" "merge --help"

# A file-size limit (ulimit -f, as a full disk): the write fails with a clear error, exit 1, the
# existing output is left as it was and no temporary file remains. The limit is set in a subshell;
# irkg ignores SIGXFSZ so that the write fails with EFBIG instead of killing it.
echo "keep me" >"$work/limited.jsonld"
set +e
(
  ulimit -f 1 # one block of 512 bytes, less than the graph
  exec "$IRKG" build "$work/many.jsonl" -o "$work/limited.jsonld" -q
) >"$work/stdout" 2>"$work/stderr"
code=$?
set -e
[[ $code == 1 ]] || fail "file-size limit: exit $code, expected 1 (a signal would be 153)"
contains stderr "limited.jsonld: cannot write: File too large; the previous file (if any) is left unchanged" "file-size limit"
[[ $(cat "$work/limited.jsonld") == "keep me" ]] || fail "file-size limit: the existing output was changed"
if compgen -G "$work/limited.jsonld.tmp-*" >/dev/null; then fail "file-size limit: a temporary file was left"; fi
# The same for extract -o, and for standard output redirected to a file.
set +e
(
  ulimit -f 1
  exec "$IRKG" extract "$work/many.jsonl" -o "$work/limited.jsonl" -q
) >"$work/stdout" 2>"$work/stderr"
code=$?
(
  ulimit -f 1
  exec "$IRKG" extract "$work/many.jsonl" -q
) >"$work/limited-stdout.jsonl" 2>"$work/stderr-stdout"
code_stdout=$?
set -e
[[ $code == 1 ]] || fail "file-size limit, extract -o: exit $code, expected 1"
contains stderr "limited.jsonl: cannot write: File too large" "file-size limit, extract -o"
[[ ! -e $work/limited.jsonl ]] || fail "file-size limit, extract -o: a partial output was left"
if compgen -G "$work/limited.jsonl.tmp-*" >/dev/null; then fail "file-size limit, extract -o: a temporary file was left"; fi
[[ $code_stdout == 1 ]] || fail "file-size limit, stdout: exit $code_stdout, expected 1"
grep -q "cannot write to standard output" "$work/stderr-stdout" || fail "file-size limit, stdout: $(cat "$work/stderr-stdout")"

finish
