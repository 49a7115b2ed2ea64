"""pyld expands irkg's JSON-LD without fetching anything, to as many rdf:Statement nodes as the document
has; its RDF is the same graph rdflib reads (when rdflib is installed)."""
import json

from irkg_outputs import JsonldFacts, check, forbid_network, need, outputs

pyld = need("pyld")
from pyld import jsonld as ld  # noqa: E402

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

_, path = outputs()
facts = JsonldFacts(path)
forbid_network()


def refuse(url, options=None):
    raise AssertionError(f"pyld tried to load {url}: the context must be inline")


ld.set_document_loader(refuse)
expanded = ld.expand(facts.doc)
statements = {n["@id"]: n for n in expanded if RDF + "Statement" in n.get("@type", [])}
check(len(statements) == len(facts.statements),
      f"pyld expands to {len(statements)} rdf:Statement nodes, the JSON-LD has {len(facts.statements)}")
entities = [n for n in expanded if RDF + "Statement" not in n.get("@type", [])]
check(len(entities) == len(facts.entities), f"pyld expands to {len(entities)} other nodes, not {len(facts.entities)}")

for statement in facts.statements:
    node = statements.get(facts.expand(statement["id"]))
    check(node is not None, f"pyld lost statement {statement['id']}")
    check(node[RDF + "subject"] == [{"@id": facts.expand(statement["subject"])}], f"{statement['id']}: rdf:subject")
    check(node[RDF + "object"] == [{"@id": facts.expand(statement["object"])}], f"{statement['id']}: rdf:object")
    check(node[RDF + "predicate"] == [{"@id": facts.expand(statement["predicate"])}],
          f"{statement['id']}: rdf:predicate")
    subject = next(n for n in entities if n["@id"] == facts.expand(statement["subject"]))
    predicate = facts.expand(statement["predicate"])
    check({"@id": facts.expand(statement["object"])} in subject.get(predicate, []),
          f"no direct triple {statement['subject']} {statement['predicate']} {statement['object']}")

nquads = ld.to_rdf(facts.doc, {"format": "application/n-quads"})
lines = [line for line in nquads.splitlines() if line.strip()]
check(len(lines) > 0, "pyld produced no RDF")
try:
    import rdflib
    from rdflib.compare import isomorphic
except ImportError:
    print("NOTE: rdflib is not installed; pyld's RDF not compared with rdflib's")
else:
    ours = rdflib.Graph().parse(data=nquads, format="nt")
    theirs = rdflib.Graph().parse(data=json.dumps(facts.doc), format="json-ld")
    check(len(ours) == len(theirs), f"pyld gives {len(ours)} triples, rdflib {len(theirs)}")
    check(isomorphic(ours, theirs), "pyld and rdflib read different RDF graphs from the same document")
print(f"pyld: {len(expanded)} nodes, {len(statements)} statements, {len(lines)} quads, all match the JSON-LD")
