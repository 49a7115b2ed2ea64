"""Names and text with &, <, quotes, backslashes, emoji, right-to-left text and control characters
survive every export format and read back through the programs people load them into: escaped where
the format allows them, removed only where the format forbids them (C0 controls in XML and DOT).

A user lexicon (--lexicon) teaches two actors with hostile labels; one article with a hostile id and
sentence relates them. Every format is written in one `irkg build`, then read by networkx (GraphML,
GEXF 1.2draft), igraph (GraphML), pandas (CSV), json and pyld/rdflib (JSON-LD), rdflib (N-Quads,
N-Triples), Graphviz (DOT, when installed) and irkg itself (.jsonld read back byte for byte).
"""
import json
import os
import re
import shutil
import subprocess
import tempfile
import urllib.parse

from irkg_outputs import check, need, run_irkg

nx = need("networkx")
igraph = need("igraph")
pandas = need("pandas")
rdflib = need("rdflib")

ACME = "Acme & <Partners> \"Q\" \U0001F680 \u0634\u0631\u0643\u0629\u0007\u202e end"
ZED = "Zed O'Neil \\ \"the <b>boss</b>\" \U0001F469\u200d\U0001F680 \u05d6\u05d3\u0001"
DOC = "bad & <doc> \"1\" \U0001F680 \u05e9\u05dc\u05d5\u05dd"
TEXT = ("Acme Partners met Zed Oneil in Paris on Monday. \u0007 \u05e9\u05dc\u05d5\u05dd \U0001F680 "
        "<b>&amp;</b> \"quoted\" text.")


def xml_clean(text):
    """What XML 1.0 can carry: C0 controls other than tab, LF and CR removed."""
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text)


work = tempfile.mkdtemp(prefix="irkg-hostile-")
try:
    lexicon = os.path.join(work, "lexicon.json")
    with open(lexicon, "w", encoding="utf-8") as f:
        json.dump({"actors": [
            {"id": "org:acme-partners", "label": ACME, "type": "organization", "names": ["Acme Partners"]},
            {"id": "person:zed-oneil", "label": ZED, "type": "person", "country": "USA", "names": ["Zed Oneil"]},
        ]}, f, ensure_ascii=False)
    articles = os.path.join(work, "articles.jsonl")
    with open(articles, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": DOC, "date": "2024-05-01", "title": "", "text": TEXT}, ensure_ascii=False) + "\n")

    out = {ext: os.path.join(work, "graph." + ext) for ext in ("graphml", "jsonld", "csv", "nq", "nt", "dot")}
    gexf12 = os.path.join(work, "graph12.gexf")
    run_irkg("build", articles, "--lexicon", lexicon, "--quiet", *[a for p in out.values() for a in ("-o", p)])
    run_irkg("build", articles, "--lexicon", lexicon, "--quiet", "--gexf-version", "1.2draft", "-o", gexf12)

    # irkg's own JSON-LD keeps everything (JSON escapes controls), and reads back byte for byte.
    with open(out["jsonld"], encoding="utf-8") as f:
        doc = json.load(f)
    labels = {n["irkgId"]: n["label"] for n in doc["@graph"] if "irkgId" in n}
    check(labels.get("org:acme-partners") == ACME, f"JSON-LD label {labels.get('org:acme-partners')!r}")
    check(labels.get("person:zed-oneil") == ZED, f"JSON-LD label {labels.get('person:zed-oneil')!r}")
    evidence = [e for n in doc["@graph"] if n.get("type") == "Statement" for e in n["evidence"]]
    check(evidence and all(e["doc"] == DOC and e["text"] == TEXT for e in evidence), f"JSON-LD evidence {evidence!r}")
    again = os.path.join(work, "again.jsonld")
    run_irkg("subgraph", out["jsonld"], "--quiet", "-o", again)
    with open(out["jsonld"], "rb") as a, open(again, "rb") as b:
        check(a.read() == b.read(), "irkg's .jsonld does not read back byte for byte")

    # GraphML: networkx and igraph.
    g = nx.read_graphml(out["graphml"])
    check(g.nodes["org:acme-partners"]["label"] == xml_clean(ACME), f"networkx GraphML {g.nodes['org:acme-partners']!r}")
    check(g.nodes["person:zed-oneil"]["label"] == xml_clean(ZED), f"networkx GraphML {g.nodes['person:zed-oneil']!r}")
    edge = g.edges["org:acme-partners", "person:zed-oneil"]
    check(edge["evidence"] == xml_clean(TEXT) and edge["docs"] == DOC, f"networkx GraphML edge {edge!r}")
    ig = igraph.Graph.Read_GraphML(out["graphml"])
    check(sorted(ig.vs["label"]) == sorted(xml_clean(x) for x in labels.values()), f"igraph labels {ig.vs['label']!r}")

    # GEXF 1.2draft: networkx 2.8 reads it.
    g = nx.read_gexf(gexf12)
    check(g.nodes["org:acme-partners"]["label"] == xml_clean(ACME), f"networkx GEXF {g.nodes['org:acme-partners']!r}")

    # CSV: pandas keeps every character (only NUL is dropped).
    nodes = pandas.read_csv(os.path.join(work, "graph.nodes.csv"), dtype=str, keep_default_na=False)
    by_id = dict(zip(nodes["Id"], nodes["Label"]))
    check(by_id.get("org:acme-partners") == ACME and by_id.get("person:zed-oneil") == ZED, f"pandas CSV {by_id!r}")

    # RDF: rdflib reads the JSON-LD, N-Quads and N-Triples to the same names.
    name = rdflib.URIRef("https://schema.org/name")
    def names(graph):
        return sorted(str(o) for o in graph.objects(None, name))
    want = sorted(labels.values())
    g = rdflib.Graph()
    g.parse(out["jsonld"], format="json-ld")
    check(names(g) == want, f"rdflib JSON-LD names {names(g)!r}")
    ds = rdflib.ConjunctiveGraph()
    ds.parse(out["nq"], format="nquads")
    check(names(ds) == want, f"rdflib N-Quads names {names(ds)!r}")
    graphs = {str(c.identifier) for c in ds.contexts()}
    check(any(urllib.parse.unquote(c).endswith("/article/" + DOC) for c in graphs),
          f"no named graph for article {DOC!r}: {graphs!r}")
    g = rdflib.Graph()
    g.parse(out["nt"], format="nt")
    check(names(g) == want, f"rdflib N-Triples names {names(g)!r}")
    texts = {str(o) for o in ds.objects(None, None) if isinstance(o, rdflib.Literal) and "Acme Partners met" in str(o)}
    check(texts == {TEXT}, f"N-Quads evidence text {texts!r}")

    # DOT: Graphviz parses it and the labels reach the picture.
    if shutil.which("dot"):
        done = subprocess.run(["dot", "-Tsvg", out["dot"]], capture_output=True, timeout=120)
        check(done.returncode == 0, f"dot rejects irkg's DOT: {done.stderr.decode(errors='replace')}")
        svg = done.stdout.decode("utf-8")
        check("\U0001F680" in svg and "\u05d6\u05d3" in svg and "&lt;Partners&gt;" in svg,
              "the hostile labels did not reach Graphviz's SVG")
    else:
        print("NOTE: Graphviz is not installed; the DOT output was not parsed")
finally:
    shutil.rmtree(work, ignore_errors=True)
print("hostile names and text survive GraphML, GEXF, CSV, JSON-LD, N-Quads, N-Triples and DOT")
