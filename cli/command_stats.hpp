#pragma once
#include <cstddef>
#include <iosfwd>
#include <string>

#include "command.hpp"
#include "common_options.hpp"
#include "filter_options.hpp"
#include "graph/graph_stats.hpp"

namespace irkg::cli {

/// `irkg stats GRAPH [--top N] [--format text|json] [--betweenness-samples K | --exact] [filters]`: counts by
/// entity type, category and predicate, the top actors by degree, weighted degree, betweenness and
/// PageRank, and the weakly connected components (graph::GraphStats defines each figure).
///
/// --format json prints one JSON object and a newline, described by schemas/stats-result.schema.json:
///   {"entities", "relations", "mentions", "self_loops", "filters" ("" when none), "top": N,
///    "types": {TYPE: entities}, "categories": {CATEGORY: {"relations", "mentions"}},
///    "predicates": {PREDICATE: {"category", "relations", "mentions"}},
///    "components": {"count", "isolated", "largest": [sizes of the N largest]},
///    "degree": [RANKED], "weighted_degree": [RANKED],
///    "betweenness": {"method": "exact"|"estimate"|"skipped", "sources", "seed", "directed": false,
///                    "normalized": true, "top": [RANKED]},
///    "pagerank": {"damping", "tolerance", "iterations", "converged", "weight": "mentions", "top": [RANKED]}}
///   RANKED = {"id", "label", "type", "value"}; object keys in name order, rankings by value then id.
class StatsCommand : public Command {
public:
    enum class OutputFormat { text, json };

    std::string_view name() const override { return "stats"; }
    std::string_view summary() const override {
        return "Count entities and relations; rank actors by degree, betweenness and PageRank";
    }
    void add_options(CLI::App& app) override;
    void setup() override;
    void run(std::ostream& out, std::ostream& err) override;

    OutputFormat output_format() const { return output_format_; }
    /// The algorithm options settled by setup() (the thread count is set at run()).
    const graph::GraphStatsOptions& options() const { return options_; }

private:
    CommonOptions common_;
    FilterOptions filters_;
    std::string graph_;
    std::string format_name_ = "text";
    std::size_t top_ = 10;
    std::size_t samples_ = 0;
    bool samples_given_ = false;
    bool exact_ = false;
    OutputFormat output_format_ = OutputFormat::text;
    graph::GraphStatsOptions options_;
};

/// Writes `stats` (already run) as aligned text tables; colour only through cli::Colour.
void write_stats_text(const graph::KnowledgeGraph& graph, const graph::GraphStats& stats, const std::string& filters,
                      std::ostream& out);
/// Writes `stats` (already run) as one line of JSON (schemas/stats-result.schema.json).
void write_stats_json(const graph::KnowledgeGraph& graph, const graph::GraphStats& stats, const std::string& filters,
                      std::ostream& out);

}  // namespace irkg::cli
