#pragma once
#include <string>
#include <vector>

#include "command.hpp"
#include "common_options.hpp"

namespace irkg::cli {

/// `irkg build [INPUT...] -o GRAPH [-o GRAPH...] [--format NAME]`: extracts every input, merges the
/// triples into one KnowledgeGraph and writes it once per -o.
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
    const std::vector<std::string>& outputs() const { return outputs_; }
    /// The format of each output, in the order of outputs(): --format, or each one's extension.
    const std::vector<std::string>& output_formats() const { return output_formats_; }
    const CommonOptions& common() const { return common_; }

private:
    CommonOptions common_;
    std::vector<std::string> inputs_;
    std::vector<std::string> outputs_;
    std::string format_;
    std::string gexf_version_ = "1.3";    ///< --gexf-version 1.3|1.2draft
    std::string csv_dialect_ = "default";  ///< --csv-dialect default|neo4j
    std::vector<std::string> output_formats_;
};

}  // namespace irkg::cli
