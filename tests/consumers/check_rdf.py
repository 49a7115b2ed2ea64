"""irkg's N-Quads and N-Triples in RDF tools: rdflib reads the .nq as a dataset with one named graph per
article and the .nt as a graph; SPARQL finds Blinken's talks with Wang Yi in the article they came from;
the .nt is the RDF pyld makes from irkg's .jsonld (isomorphic graphs); rapper (raptor2-utils) accepts
both files when it is installed."""
import os
import re
import shutil
import subprocess
import tempfile
from urllib.parse import quote

from irkg_outputs import DATE, JsonldFacts, check, forbid_network, need, run_irkg, sample_path

rdflib = need("rdflib")
need("pyld")
from pyld import jsonld as ld  # noqa: E402
from rdflib import Literal, Namespace, URIRef  # noqa: E402
from rdflib.compare import graph_diff, isomorphic, to_isomorphic  # noqa: E402

ARTICLE = "https://w3id.org/irkg/article/"
ENTITY = "https://w3id.org/irkg/entity/"
REL = "https://w3id.org/irkg/rel#"
PROV = Namespace("http://www.w3.org/ns/prov#")

directory = tempfile.mkdtemp(prefix="irkg-rdf-")
try:
    nq, nt, jsonld = (os.path.join(directory, name) for name in ("graph.nq", "graph.nt", "graph.jsonld"))
    run_irkg("build", sample_path(), "--date", DATE, "-o", nq, "-o", nt, "-o", jsonld)
    for path in (nq, nt, jsonld):
        check(os.path.isfile(path) and os.path.getsize(path) > 0, f"irkg build did not write {path}")
    facts = JsonldFacts(jsonld)
    forbid_network()
    with open(nq, "rb") as f:
        nq_bytes = f.read()
    with open(nt, "rb") as f:
        nt_bytes = f.read()

    # Line-based and clean: every line one statement, no raw control character.
    for name, data in (("graph.nq", nq_bytes), ("graph.nt", nt_bytes)):
        text = data.decode("utf-8")  # raises on ill-formed UTF-8
        check(text.endswith(" .\n"), f"{name} does not end with a complete statement")
        check(not re.search(r"[\x00-\x09\x0b-\x1f\x7f]", text), f"{name} holds a raw control character")
    check(len(set(nt_bytes.splitlines())) == len(nt_bytes.splitlines()), "graph.nt repeats a triple")

    # --- rdflib: the .nq as a dataset, the .nt as a graph -----------------------------------------
    dataset = rdflib.ConjunctiveGraph()
    dataset.parse(nq, format="nquads")
    triples = rdflib.Graph()
    triples.parse(nt, format="nt")
    check(len(triples) > 0, "rdflib reads no triple from graph.nt")

    # rdflib 6 files the default graph's quads under a graph named after the file; everything that is
    # not an article graph is the default graph.
    contexts = list(dataset.contexts())
    articles = {str(g.identifier): g for g in contexts if str(g.identifier).startswith(ARTICLE)}
    docs = {e["doc"] for s in facts.statements for e in s["evidence"]}
    check(set(articles) == {ARTICLE + quote(doc, safe="") for doc in docs},
          f"named graphs {sorted(articles)} are not one per article of the JSON-LD's evidence {sorted(docs)}")
    default = rdflib.Graph()
    for g in contexts:
        if str(g.identifier) not in articles:
            for t in g:
                default.add(t)
    check(len(default) > 0, "graph.nq has nothing in the default graph")
    for t in default:
        check(not any(isinstance(term, rdflib.BNode) for term in t), f"evidence in the default graph: {t}")
        check(not str(t[1]).startswith(REL), f"a direct triple in the default graph: {t}")
    for iri, g in articles.items():
        for s, p, o in g:
            check(isinstance(s, rdflib.BNode) or p == PROV.wasDerivedFrom or str(p).startswith(REL),
                  f"{iri} holds a statement that is not evidence: {s} {p} {o}")

    # The union of the named graphs and the default graph is the .nt.
    union = rdflib.Graph()
    for g in contexts:
        for t in g:
            union.add(t)
    check(isomorphic(union, triples), "the union of graph.nq's graphs is not the graph in graph.nt")

    # --- SPARQL over the named graphs: Blinken's talks with Wang Yi, and where they were read ------
    query = """
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    PREFIX schema: <https://schema.org/>
    PREFIX irkg: <https://w3id.org/irkg/vocab#>
    PREFIX prov: <http://www.w3.org/ns/prov#>
    SELECT ?g ?p ?doc ?sentence WHERE {
      ?a schema:name "Antony Blinken" . ?b schema:name "Wang Yi" .
      ?s rdf:subject ?a ; rdf:predicate ?p ; rdf:object ?b ; irkg:category "CONSULT" .
      GRAPH ?g {
        ?a ?p ?b .
        ?s prov:wasDerivedFrom ?evidence . ?evidence irkg:document ?doc ; irkg:text ?sentence .
      }
    }"""
    rows = list(dataset.query(query))
    check(rows, "SPARQL finds no CONSULT relation from Antony Blinken to Wang Yi inside an article graph")
    for g, predicate, doc, sentence in rows:
        check(str(g) == ARTICLE + quote(str(doc), safe=""), f"evidence from {doc} sits in graph {g}")
        check("Wang Yi" in str(sentence), f"the evidence sentence does not name Wang Yi: {sentence!r}")
    blinken = URIRef(facts.expand("ent:person/antony-blinken"))
    check(all(str(r[1]).startswith(REL) for r in rows), f"unexpected predicates {[str(r[1]) for r in rows]}")
    check((blinken, URIRef("https://schema.org/name"), Literal("Antony Blinken")) in default,
          "Blinken's name is not in the default graph")

    # --- pyld: the .nt is the RDF of irkg's JSON-LD -----------------------------------------------
    def refuse(url, options=None):
        raise AssertionError(f"pyld tried to load {url}: the context must be inline")

    ld.set_document_loader(refuse)
    expanded = rdflib.Graph().parse(data=ld.to_rdf(facts.doc, {"format": "application/n-quads"}), format="nt")
    if not isomorphic(expanded, triples):
        _, ours, theirs = graph_diff(to_isomorphic(triples), to_isomorphic(expanded))
        sample = "\n".join([f"  only in .nt:    {t}" for t in list(ours)[:5]] +
                           [f"  only in pyld's: {t}" for t in list(theirs)[:5]])
        check(False, f"graph.nt ({len(triples)} triples) and pyld's RDF of graph.jsonld ({len(expanded)}) "
                     f"differ:\n{sample}")

    # --- rapper (raptor2-utils), when installed ----------------------------------------------------
    rapper = shutil.which("rapper")
    if rapper is None:
        print("NOTE: rapper is not installed (apt-get install raptor2-utils); its check is skipped")
    else:
        # N-Triples is a subset of N-Quads, so the nquads parser takes both; the ntriples parser takes
        # the .nt (it rightly refuses the .nq's graph terms).
        for syntax, path, data in (("nquads", nq, nq_bytes), ("nquads", nt, nt_bytes), ("ntriples", nt, nt_bytes)):
            done = subprocess.run([rapper, "-i", syntax, "-c", path], capture_output=True, text=True, timeout=120)
            check(done.returncode == 0 and "Error" not in done.stderr and "Warning" not in done.stderr,
                  f"rapper -i {syntax} -c {path} exited with {done.returncode}:\n{done.stderr}")
            count = re.search(r"returned (\d+) (?:triples|statements)", done.stderr)
            check(count is not None and int(count.group(1)) == len(data.splitlines()),
                  f"rapper -i {syntax} counts {count and count.group(1)} statements in {path}, "
                  f"the file has {len(data.splitlines())} lines")

    print(f"rdflib {rdflib.__version__}: {len(triples)} triples, {len(articles)} article graph(s), "
          f"{len(rows)} SPARQL row(s); graph.nt is isomorphic to pyld's RDF of graph.jsonld"
          + ("" if rapper is None else "; rapper accepts both files"))
finally:
    shutil.rmtree(directory, ignore_errors=True)
