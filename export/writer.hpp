#pragma once
// The one interface every export format implements; registry.hpp lists the formats.
#include <filesystem>
#include <iosfwd>
#include <string>

#include "graph/knowledge_graph.hpp"

namespace irkg::exporter {

/// The GEXF dialect: 1.3 (Gephi 0.9+, networkx 3.6+) or 1.2draft (older readers, networkx 2.8).
enum class GexfVersion { v1_3, v1_2draft };

/// Edges as relations (one per subject-predicate-object, weight = mentions) or one per mention.
enum class EdgeMode { aggregated, mentions };

/// What a writer may need besides the graph. Passed to every factory so that adding a field never
/// changes a signature.
struct WriterOptions {
    /// The schemas/ directory (JSON-LD context, ...).
    std::filesystem::path schema_dir;
    /// Which GEXF version the GEXF writer writes.
    GexfVersion gexf_version = GexfVersion::v1_3;
    /// The file being written ("-" for standard output), set by write_graph before it builds the
    /// writer. Only writers that produce more than one file use it: CsvWriter puts its nodes table in
    /// "<stem>.nodes.csv" beside it. Empty when a writer is built by other means.
    std::filesystem::path output = {};
    /// CsvWriter's header dialect: "default" (pandas, Gephi) or "neo4j" (neo4j-admin import).
    std::string csv_dialect = "default";
    /// GraphmlWriter's edges: aggregated (the default) or one per mention (--edges mentions).
    EdgeMode edges = EdgeMode::aggregated;
};

/// Writes a whole KnowledgeGraph in one format. Writers are stateless after construction: the same
/// graph always gives the same bytes, so outputs can be compared with golden files.
class Writer {
public:
    virtual ~Writer();
    /// Writes `graph` to `out`. Throws irkg::input_error when the graph holds a value the format
    /// cannot represent (e.g. a non-finite number). Stream failures are left in `out`'s state for
    /// the caller (AtomicFile) to report.
    virtual void write(const graph::KnowledgeGraph& graph, std::ostream& out) const = 0;
};

}  // namespace irkg::exporter
