#pragma once
// The one interface every export format implements; registry.hpp lists the formats.
#include <filesystem>
#include <iosfwd>

#include "graph/knowledge_graph.hpp"

namespace irkg::exporter {

/// What a writer may need besides the graph. Passed to every factory so that adding a field never
/// changes a signature.
struct WriterOptions {
    /// The schemas/ directory (JSON-LD context, ...).
    std::filesystem::path schema_dir;
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
