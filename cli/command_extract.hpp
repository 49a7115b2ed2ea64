#pragma once
#include <string>
#include <vector>

#include "command.hpp"
#include "common_options.hpp"

namespace irkg::cli {

/// `irkg extract [INPUT...] [-o FILE]`: relation triples as JSON Lines (exporter::triple_json), in
/// input order, article by article, sentence by sentence.
class ExtractCommand : public Command {
public:
    std::string_view name() const override { return "extract"; }
    std::string_view summary() const override { return "Print the relation triples of articles as JSON Lines"; }
    void add_options(CLI::App& app) override;
    void setup() override;
    void run(std::ostream& out, std::ostream& err) override;

    const std::vector<std::string>& inputs() const { return inputs_; }
    const std::string& output() const { return output_; }
    const CommonOptions& common() const { return common_; }

private:
    CommonOptions common_;
    std::vector<std::string> inputs_;
    std::string output_;  ///< empty or "-": standard output
};

}  // namespace irkg::cli
