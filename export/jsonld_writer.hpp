#pragma once
#include <string>

#include "writer.hpp"

namespace irkg::exporter {

/// JSON-LD in the edge-as-node shape of shared FORMATS.md, one document:
///   {"@context": {...}, "@graph": [entity nodes by id..., statement nodes in sorted_edges() order]}
///
/// The context is embedded inline (pyld and rdflib must work offline): schemas/context.jsonld plus
/// one term per relation predicate in the graph (meets -> {"@id": "rel:meets", "@type": "@id"}).
/// An entity node holds id ("ent:country/CHN"), type (schema.org), irkgId, label, entityType, country,
/// aliases, and the plain direct triples ("meets": [object IRIs]; both directions for symmetric
/// predicates). A statement node (rdf:Statement) holds the merged relation: subject, predicate,
/// object, the relation type's fields, weight, mean confidence, date (= first date), first/last date,
/// modalities, and an evidence array with one entry per mention. jsonld_reader.hpp reads this shape
/// back losslessly.
///
/// Output is deterministic: the same graph and context file always give the same bytes.
class JsonldWriter final : public Writer {
public:
    /// Loads `options.schema_dir`/context.jsonld. Throws irkg::lexicon_error naming the file when it
    /// is missing, not JSON, maps "irkg" to another vocabulary, or lacks a term the writer uses.
    explicit JsonldWriter(const WriterOptions& options);
    /// Throws irkg::input_error when a number is not finite (JSON has no NaN).
    void write(const graph::KnowledgeGraph& graph, std::ostream& out) const override;

private:
    std::string context_;  ///< the checked @context object, as compact JSON
};

}  // namespace irkg::exporter
