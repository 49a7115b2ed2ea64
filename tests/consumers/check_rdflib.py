"""rdflib parses irkg's JSON-LD offline (inline context) into rdf:Statement nodes and direct triples
between the entity IRIs."""
from irkg_outputs import JsonldFacts, check, forbid_network, need, outputs

rdflib = need("rdflib")
from rdflib import RDF, XSD, Literal, Namespace, URIRef  # noqa: E402

SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
DCTERMS = Namespace("http://purl.org/dc/terms/")

_, jsonld = outputs()
facts = JsonldFacts(jsonld)
forbid_network()
g = rdflib.Graph()
g.parse(jsonld, format="json-ld")
check(len(g) > 0, "rdflib found no triple")

statements = set(g.subjects(RDF.type, RDF.Statement))
check(len(statements) == len(facts.statements),
      f"rdflib finds {len(statements)} rdf:Statement nodes, the JSON-LD has {len(facts.statements)}")

entity_type = {"Country": SCHEMA.Country, "Person": SCHEMA.Person, "Organization": SCHEMA.Organization,
               "Place": SCHEMA.Place, "Thing": SCHEMA.Thing}
for entity in facts.entities:
    iri = URIRef(facts.expand(entity["id"]))
    check((iri, RDF.type, entity_type[entity["type"]]) in g, f"{iri} is not typed schema:{entity['type']}")
    check((iri, SCHEMA.name, Literal(entity["label"])) in g, f"{iri} has no schema:name {entity['label']!r}")

for statement in facts.statements:
    node = URIRef(facts.expand(statement["id"]))
    check(node in statements, f"{node} is not an rdf:Statement for rdflib")
    subject = URIRef(facts.expand(statement["subject"]))
    obj = URIRef(facts.expand(statement["object"]))
    predicate = URIRef(facts.expand(statement["predicate"]))
    check(str(subject).startswith("https://w3id.org/irkg/entity/"), f"subject {subject} is not an entity IRI")
    check(g.value(node, RDF.subject) == subject, f"{node}: rdf:subject is {g.value(node, RDF.subject)}, not {subject}")
    check(g.value(node, RDF.object) == obj, f"{node}: rdf:object is {g.value(node, RDF.object)}, not {obj}")
    check(g.value(node, RDF.predicate) == predicate, f"{node}: rdf:predicate is {g.value(node, RDF.predicate)}")
    # The plain direct triple, so that simple queries work without reification.
    check((subject, predicate, obj) in g, f"no direct triple {subject} {predicate} {obj}")
    if statement["symmetric"]:
        check((obj, predicate, subject) in g, f"no reverse direct triple for symmetric {predicate}")
    evidence = list(g.objects(node, PROV.wasDerivedFrom))
    check(len(evidence) == len(statement["evidence"]),
          f"{node}: {len(evidence)} prov:wasDerivedFrom entries, the JSON-LD has {len(statement['evidence'])}")
    weight = g.value(node, Namespace("https://w3id.org/irkg/vocab#").weight)
    check(isinstance(weight, Literal) and weight.datatype == XSD.integer and weight.toPython() == statement["weight"],
          f"{node}: irkg:weight is {weight!r}")
    if "date" in statement:
        date = g.value(node, DCTERMS.date)
        check(isinstance(date, Literal) and date.datatype == XSD.date and str(date) == statement["date"],
              f"{node}: dcterms:date is {date!r}")

# The article's first sentence, as plain RDF: Blinken visits China.
blinken = URIRef(facts.expand("ent:person/antony-blinken"))
china = URIRef(facts.expand("ent:country/CHN"))
check((blinken, URIRef(facts.expand("rel:visits")), china) in g, f"no triple {blinken} rel:visits {china}")
check((blinken, SCHEMA.name, Literal("Antony Blinken")) in g, f"{blinken} is not named Antony Blinken")

# SPARQL over the reified statements: Blinken's meeting with Wang Yi, as an analyst would ask it.
query = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX schema: <https://schema.org/>
PREFIX irkg: <https://w3id.org/irkg/vocab#>
SELECT ?predicate ?other ?category WHERE {
  ?s a rdf:Statement ; rdf:subject ?a ; rdf:object ?b ; rdf:predicate ?predicate ; irkg:category ?category .
  ?a schema:name ?an . ?b schema:name ?bn .
  FILTER(?category = "CONSULT")
  FILTER((?an = "Antony Blinken" && ?bn = "Wang Yi") || (?an = "Wang Yi" && ?bn = "Antony Blinken"))
  BIND(IF(?an = "Antony Blinken", ?b, ?a) AS ?other)
}"""
rows = list(g.query(query))
check(len(rows) >= 1, "SPARQL finds no CONSULT statement between Antony Blinken and Wang Yi")

print(f"rdflib {rdflib.__version__}: {len(g)} triples, {len(statements)} statements, all match the JSON-LD")
