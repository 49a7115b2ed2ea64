"""What `irkg build` and `irkg extract` write matches schemas/graph.schema.json and schemas/triple.schema.json
(checked with the jsonschema package, independently of the RapidJSON validator the unit tests use)."""
import json
import os
import shutil
import subprocess
import sys

from irkg_outputs import check, extract_output, need, outputs, use_prebuilt_if_asked

try:
    import jsonschema
except ImportError:
    # Debian's python3 (the one the consumer checks use) may lack python3-jsonschema while another
    # python3 on PATH has it: run this script with that one instead of skipping.
    other = shutil.which("python3")
    if other and not os.environ.get("IRKG_SCHEMAS_REEXEC") and os.path.realpath(other) != os.path.realpath(
            sys.executable) and subprocess.run([other, "-c", "import jsonschema"], capture_output=True).returncode == 0:
        os.environ["IRKG_SCHEMAS_REEXEC"] = "1"
        os.execv(other, [other, *sys.argv])
    jsonschema = need("jsonschema")

schemas = os.path.join(os.environ.get("IRKG_SOURCE_DIR", ""), "schemas")


def validator(name):
    with open(os.path.join(schemas, name), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def problems(v, document):
    return [f"at /{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in v.iter_errors(document)]


_, jsonld = outputs()
with open(jsonld, encoding="utf-8") as f:
    graph = json.load(f)
errors = problems(validator("graph.schema.json"), graph)
check(not errors, f"{jsonld} breaks graph.schema.json:\n" + "\n".join(errors[:20]))

if use_prebuilt_if_asked() is None:
    triples = extract_output()
    v = validator("triple.schema.json")
    count = 0
    with open(triples, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            errors = problems(v, json.loads(line))
            check(not errors, f"{triples}:{number} breaks triple.schema.json:\n" + "\n".join(errors[:20]))
            count += 1
    check(count > 0, "irkg extract printed no triple for the sample article")
    print(f"jsonschema: the graph and {count} triples match their schemas")
else:
    print("jsonschema: the graph matches graph.schema.json")
