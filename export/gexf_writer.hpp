#pragma once
#include "writer.hpp"

namespace irkg::exporter {

/// GEXF with a working Gephi timeline (see shared FORMATS.md, GEXF section): a dynamic graph with
/// timeformat="date", defaultedgetype="directed".
///
/// Nodes: id = entity id, label, attvalues type and country, viz:color by entity type (as GraphML),
/// viz:size by weighted degree (10 plus the mentions on the node's edges), one spell from the first to
/// the last date of the mentions on its edges. Edges: id KnowledgeGraph::edge_id, kind and label =
/// predicate, weight = mentions, type="undirected" for symmetric relations, attvalues category, cameo,
/// goldstein, symmetric, first_date, last_date, viz:color by Goldstein (red at -10, grey at 0, green at +10),
/// and one spell per distinct dated mention (start and end always both set; end = start when a
/// mention has only a start).
///
/// WriterOptions::gexf_version picks GEXF 1.3 (default) or 1.2draft (networkx before 3.6). 1.2draft has
/// no edge kind (the predicate is still in label), and writes symmetric relations as directed edges
/// (smaller id first) because networkx rejects an undirected edge in a directed graph; the symmetric
/// attribute still marks them. Nodes come in sorted_vertices() order and
/// edges in sorted_edges() order: the same graph always gives the same bytes.
class GexfWriter final : public Writer {
public:
    explicit GexfWriter(const WriterOptions& options = {});
    /// Throws irkg::input_error when a number is not finite.
    void write(const graph::KnowledgeGraph& graph, std::ostream& out) const override;

private:
    GexfVersion version_;
};

}  // namespace irkg::exporter
