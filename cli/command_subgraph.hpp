#pragma once
#include <string>

#include "command.hpp"
#include "common_options.hpp"
#include "filter_options.hpp"
#include "output_options.hpp"

namespace irkg::cli {

/// `irkg subgraph GRAPH -o OUT [-o OUT...] [filters]`: cuts a graph down with the shared filters
/// (an actor's neighbourhood, a period, categories, ...) and writes what is left in any export
/// format, so a large graph can be opened in Gephi or a notebook.
class SubgraphCommand : public Command {
public:
    std::string_view name() const override { return "subgraph"; }
    std::string_view summary() const override {
        return "Cut a graph down with filters (--around ACTOR --depth N, --since, --category, ...) and write it";
    }
    void add_options(CLI::App& app) override;
    void setup() override;
    void run(std::ostream& out, std::ostream& err) override;

private:
    CommonOptions common_;
    FilterOptions filters_;
    OutputOptions outputs_;
    std::string graph_;
};

}  // namespace irkg::cli
