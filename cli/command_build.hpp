#pragma once
#include <string>
#include <vector>

#include "command.hpp"
#include "common_options.hpp"
#include "filter_options.hpp"
#include "output_options.hpp"

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
    const std::vector<std::string>& outputs() const { return outputs_.outputs(); }
    /// The format of each output, in the order of outputs(): --format, or each one's extension.
    const std::vector<std::string>& output_formats() const { return outputs_.formats(); }
    const CommonOptions& common() const { return common_; }

private:
    CommonOptions common_;
    FilterOptions filters_;
    std::vector<std::string> inputs_;
    OutputOptions outputs_;
};

}  // namespace irkg::cli
