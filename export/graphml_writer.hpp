#pragma once
#include "writer.hpp"

namespace irkg::exporter {

/// GraphML as Gephi, networkx (2.8+) and igraph read it without warnings (see shared FORMATS.md):
/// every key declared for="node" or for="edge" with an id unique across both; lists written as
/// ';'-joined strings; one directed edge per merged relation, its id KnowledgeGraph::edge_id.
///
/// Node data: label, type, country, aliases, r, g, b (int, by entity type), size (double, 10 plus
/// the mentions on the node's edges). Edge data: label (the predicate, for Gephi), predicate,
/// category, cameo, goldstein, weight (double, = mentions), mentions (int), first_date, last_date,
/// modalities, confidence (mean), docs, evidence (the first mention's sentence).
/// With WriterOptions::edges == mentions (--edges mentions), one edge per mention instead, id
/// "<edge id>--m<n>" (n from 1 in mention order), weight and mentions 1, its own date, modality,
/// confidence, article (docs), sentence text (evidence) and sentence index (sentence, long).
/// Empty values are left out rather than written as empty elements, which networkx would not read.
///
/// Nodes come in sorted_vertices() order and edges in sorted_edges() order, numbers in their
/// shortest round-trip form: the same graph always gives the same bytes. Text is escaped and
/// cleaned of what XML 1.0 forbids (xml_text.hpp).
class GraphmlWriter final : public Writer {
public:
    explicit GraphmlWriter(const WriterOptions& options = {});
    /// Throws irkg::input_error when a number is not finite (no reader accepts NaN alike).
    void write(const graph::KnowledgeGraph& graph, std::ostream& out) const override;

private:
    EdgeMode edges_ = EdgeMode::aggregated;
};

}  // namespace irkg::exporter
