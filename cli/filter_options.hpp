#pragma once
// The filters every query and export shares (--category, --predicate, --since, --until,
// --min-mentions, --modality, --type, --around/--depth), parsed into a graph::GraphFilter.
// --min-confidence is a common option (common_options.hpp) and filters mentions too.
#include <cstddef>
#include <string>
#include <vector>

#include "graph/graph_filter.hpp"
#include "graph/knowledge_graph.hpp"

namespace CLI {
class App;
}

namespace irkg::cli {

class FilterOptions {
public:
    /// Declares the filter options on `app` (in an option group "Filters").
    void add_to(CLI::App& app);
    /// Checks the values that need no graph: dates, modalities, types, --depth. Throws usage_error.
    void validate();
    /// True when no filter option was given.
    bool empty() const;

    /// The filter for `graph`: --around names resolved through the graph's entity index (query_error
    /// for an unknown or ambiguous name, with candidates), categories and predicates checked against
    /// what `known_predicates` and the graph hold (usage_error listing the valid ones), and
    /// `min_confidence` (the common option) included.
    graph::GraphFilter resolve(const graph::KnowledgeGraph& graph, double min_confidence,
                               const std::vector<graph::RelationType>& known_relations) const;

    /// Applies resolve()'s filter to `graph` in place and returns what it kept, described.
    std::string apply(graph::KnowledgeGraph& graph, double min_confidence,
                      const std::vector<graph::RelationType>& known_relations) const;

private:
    std::vector<std::string> categories_;
    std::vector<std::string> predicates_;
    std::string since_;
    std::string until_;
    std::size_t min_mentions_ = 0;
    std::vector<std::string> modalities_;
    std::vector<std::string> types_;
    std::vector<std::string> around_;
    std::size_t depth_ = 1;

    std::vector<graph::Modality> modality_values_;
    std::vector<graph::EntityType> type_values_;
};

/// The relation types of schemas/relations.json in `schema_dir`, or none when it cannot be read
/// (a graph file carries its own relation types, so filters still work on them).
std::vector<graph::RelationType> known_relations(const std::string& schema_dir);

}  // namespace irkg::cli
