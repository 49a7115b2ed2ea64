#pragma once
// N-Quads and N-Triples for RDF triple stores (Jena/Fuseki, GraphDB, Oxigraph, rdflib, rapper).
//
// The statements are the RDF of irkg's JSON-LD export (jsonld_writer.hpp) as a JSON-LD processor
// expands it: pyld's to_rdf of the .jsonld and the .nt of the same graph are isomorphic RDF graphs.
// IRIs and datatypes come from the same schemas/context.jsonld the JSON-LD writer embeds, through
// jsonld_vocabulary.hpp's compact IRIs, so the two exports cannot drift apart.
//
// Named graphs (N-Quads). What an article says lives in that article's graph,
// <https://w3id.org/irkg/article/ID> (ID percent-encoded, every byte but ASCII letters, digits and
// -._~): the plain direct triple (subject rel:PREDICATE object, both directions for a symmetric
// predicate), the statement node's prov:wasDerivedFrom link to each mention the article gives, and
// that mention's evidence node (document, sentence, text, offsets, modality, dates, confidence). A
// triple that several articles support appears in each of their graphs. What irkg concludes from
// all articles together lives in the default graph: entity descriptions (rdf:type, name, aliases,
// country, ...) and the aggregate rdf:Statement nodes (subject, predicate, object, category,
// goldstein, weight, mean confidence, first and last date, modalities). A mention without a document
// id, and the direct triple of a relation without any mention, go to the default graph.
// N-Triples is the union of all graphs without the graph term, each triple once.
//
// Blank nodes are the evidence entries only, labelled _:e<n>, n counting mentions from 0 in
// sorted_edges() order and each edge's mention order: never random, so outputs are stable.
//
// Text follows the canonical N-Triples form: literals escape \ " LF CR as \\ \" \n \r, every other
// control character (C0, DEL, C1) and U+2028/U+2029 (line breaks to some line-based tools) as
// \uXXXX; every other character is written as UTF-8. Ill-formed UTF-8 becomes U+FFFD. IRIs
// percent-encode the characters IRIREF forbids (controls, space, <>"{}|^`\). Lines are sorted
// (graph term first: the default graph, then each article's graph in IRI order; within a graph by
// bytes), so each article's graph is one contiguous block and the same graph gives the same bytes.
#include <memory>
#include <string>
#include <string_view>

#include "writer.hpp"

namespace irkg::exporter {

/// The IRI of article graphs: this base followed by the percent-encoded article id.
inline constexpr std::string_view k_article_graph_base = "https://w3id.org/irkg/article/";

/// The IRI of the named graph of article `doc` (ill-formed UTF-8 first becomes U+FFFD, then every
/// byte but ASCII letters, digits and -._~ is percent-encoded, so distinct ids give distinct IRIs).
std::string article_graph_iri(std::string_view doc);

/// `text` as an N-Triples string literal, quotes included (escaping as described above).
std::string ntriples_literal(std::string_view text);

/// `iri` as an N-Triples IRIREF, angle brackets included (forbidden characters percent-encoded).
std::string ntriples_iri(std::string_view iri);

/// The canonical xsd:double lexical form JSON-LD's to-RDF asks for: shortest round-trip mantissa
/// with one digit before the point, "E", exponent without '+' or leading zeros ("8.5E-1", "1.0E0").
/// Precondition: `value` is finite.
std::string xsd_double(double value);

/// One writer for both syntaxes; the registry builds the N-Triples flavour through NtriplesWriter.
class NquadsWriter : public Writer {
public:
    enum class Syntax { nquads, ntriples };

    /// Loads `options.schema_dir`/context.jsonld. Throws irkg::lexicon_error naming the file when it
    /// is missing, not JSON, maps "irkg" to another vocabulary, or lacks a term or prefix the writer
    /// uses (or "subject", "predicate", "object" are not typed @id).
    explicit NquadsWriter(const WriterOptions& options, Syntax syntax = Syntax::nquads);
    /// Throws irkg::input_error when a number is not finite (xsd:double has no lexical form for it
    /// in JSON-LD's RDF, and the JSON-LD export refuses it too).
    void write(const graph::KnowledgeGraph& graph, std::ostream& out) const override;

    /// The expanded context and how each term's values become RDF terms (defined in the .cpp).
    class Vocabulary;

private:
    Syntax syntax_;
    std::shared_ptr<const Vocabulary> vocabulary_;
};

/// NquadsWriter writing N-Triples: the registry's factories take options only.
class NtriplesWriter final : public NquadsWriter {
public:
    explicit NtriplesWriter(const WriterOptions& options) : NquadsWriter(options, Syntax::ntriples) {}
};

}  // namespace irkg::exporter
