#pragma once
// The graph outputs build and subgraph share: -o GRAPH (repeatable), --format, --gexf-version,
// --csv-dialect and --edges, checked before any work and written atomically at the end.
#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace CLI {
class App;
}

namespace irkg::cli {

class OutputOptions {
public:
    /// Declares the options on `app`.
    void add_to(CLI::App& app);
    /// Checks the values and settles each output's format (--format, else its extension); no I/O.
    /// Throws usage_error.
    void validate();
    /// Writes `graph` to every output in turn, each complete or not at all.
    void write(const graph::KnowledgeGraph& graph, const std::string& schema_dir) const;

    const std::vector<std::string>& outputs() const { return outputs_; }
    /// The format of each output, in the order of outputs().
    const std::vector<std::string>& formats() const { return formats_; }

private:
    std::vector<std::string> outputs_;
    std::string format_;
    std::string gexf_version_ = "1.3";
    std::string csv_dialect_ = "default";
    std::string edges_ = "aggregated";
    std::vector<std::string> formats_;
};

/// "Output formats (...):\n  graphml   ..." for a command's --help footer.
std::string output_formats_help();

}  // namespace irkg::cli
