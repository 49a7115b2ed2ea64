#!/usr/bin/env bash
# CAMEO/PETRARCH dictionaries beside irkg's lexicons: an actor dictionary teaches a new actor with a
# dated code, a verb dictionary a new trigger, and a malformed line is reported with file and line.
source "$(dirname "$0")/lib.sh"

# A made-up militia and its leader, unknown to irkg's own lexicons.
printf '%s\n' \
  '# test actors' \
  'ZETLAND_LIBERATION_FRONT_ [AFGREB]' \
  '+ZLF_' \
  'ARVO_PELTONEN_' \
  '	[AFGREB >20200101]' \
  '	[FINGOV <20191231]' \
  'BROKEN_ENTRY_ [AFGREB' > "$work/actors.txt"
printf '%s\n' \
  '--- HARANGUE [111] ---' \
  'HARANGUE {HARANGUES HARANGUED HARANGUING}' > "$work/verbs.txt"
printf '%s\n' \
  '{"id": "a1", "date": "2024-03-01", "text": "Arvo Peltonen harangued Pakistan."}' \
  '{"id": "a2", "date": "2018-03-01", "text": "Arvo Peltonen harangued Pakistan."}' > "$work/articles.jsonl"

# Without the dictionaries irkg knows neither the man nor the verb.
expect 0 "$IRKG" extract --quiet "$work/articles.jsonl"
[[ ! -s $work/stdout ]] || fail "without dictionaries irkg already found: $(cat "$work/stdout")"

expect 0 "$IRKG" extract "$work/articles.jsonl" --actors "$work/actors.txt" --verbs "$work/verbs.txt"
contains stderr "actors.txt:7:" "the malformed line is reported with its line"
contains stdout '"id":"person:arvo-peltonen"'
contains stdout '"category":"ACCUSE"'
contains stdout '"id":"country:PAK"'
# The dated codes: in 2024 he belongs to Afghanistan, in 2018 to Finland.
"$PYTHON" - "$work/stdout" <<'PY' || fail "dated codes not applied at the article date"
import json, sys
by_doc = {}
for line in open(sys.argv[1]):
    t = json.loads(line)
    if t["subject"]["id"] == "person:arvo-peltonen":
        by_doc[t["evidence"]["doc"]] = t["subject"]["country"]
assert by_doc == {"a1": "AFG", "a2": "FIN"}, by_doc
PY

# A dictionary that is not there is bad data (exit 1) naming the file.
expect 1 "$IRKG" extract "$work/articles.jsonl" --verbs "$work/missing.txt"
contains stderr "missing.txt"

finish
