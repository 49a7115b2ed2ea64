#pragma once
#include <chrono>
#include <iosfwd>
#include <string>
#include <vector>

#include "command.hpp"
#include "common_options.hpp"
#include "filter_options.hpp"
#include "output_options.hpp"

namespace irkg::cli {

/// `irkg build [INPUT...] -o GRAPH [-o GRAPH...] [--format NAME]`: extracts every input, merges the
/// triples into one KnowledgeGraph and writes it once per -o.
/// `irkg build --into GRAPH.jsonld [INPUT...] [-o ...]`: loads GRAPH.jsonld (an empty graph when the file
/// does not exist), merges the inputs' triples into it and writes it back atomically; the filters cut
/// only the -o outputs. Merging is idempotent, so adding the same articles again changes nothing.
class BuildCommand : public Command {
public:
    std::string_view name() const override { return "build"; }
    std::string_view summary() const override {
        return "Extract articles and merge them into one graph (GraphML, JSON-LD)";
    }
    void add_options(CLI::App& app) override;
    void setup() override;
    void run(std::ostream& out, std::ostream& err) override;

    const std::vector<std::string>& inputs() const { return inputs_; }
    const std::vector<std::string>& outputs() const { return outputs_.outputs(); }
    /// The format of each output, in the order of outputs(): --format, or each one's extension.
    const std::vector<std::string>& output_formats() const { return outputs_.formats(); }
    const CommonOptions& common() const { return common_; }
    /// --into GRAPH.jsonld: the stored graph the articles are added to; empty when not given.
    const std::string& into() const { return into_; }

private:
    /// --into: merges `added` (the new articles' graph) into `stored` and writes the -o outputs and the
    /// stored graph; writes nothing when `problems` holds a bad record.
    void add_into(graph::KnowledgeGraph stored, bool created, const graph::KnowledgeGraph& added,
                  const ingest::RunStats& stats, const ProblemLog& problems,
                  std::chrono::steady_clock::time_point started, std::ostream& err) const;

    CommonOptions common_;
    FilterOptions filters_;
    std::vector<std::string> inputs_;
    OutputOptions outputs_;
    std::string into_;
};

}  // namespace irkg::cli
