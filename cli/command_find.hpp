#pragma once
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "command.hpp"
#include "common_options.hpp"
#include "filter_options.hpp"
#include "graph/entity_index.hpp"
#include "graph/knowledge_graph.hpp"

namespace irkg::cli {

/// `irkg find GRAPH NAME [--limit N] [--format text|json] [filters]`: the entities a name may mean,
/// best first (graph::EntityIndex::candidates: id, label, alias, word of a label, prefix, typo; ASCII
/// case ignored), each with its id, label, type, country, how it matched, degree and mention count.
/// Exit 1 when no entity is close, the message listing the nearest.
///
/// --format json prints one JSON object and a newline (schemas/find-result.schema.json); every key is
/// always present:
///   {"query", "filters" ("" for none), "limit", "count" (every candidate), "truncated", "more",
///    "candidates": [{"id", "label", "type", "country" ("" when unknown), "aliases": [...],
///                    "match": "id"|"label"|"alias"|"word"|"prefix"|"typo", "matched" (the name that
///                    matched, as the entity spells it), "distance", "degree", "mentions"}]}
class FindCommand : public Command {
public:
    enum class OutputFormat { text, json };

    std::string_view name() const override { return "find"; }
    std::string_view summary() const override {
        return "Resolve a name: the entities it may mean (ids, labels, aliases, prefixes, typos)";
    }
    void add_options(CLI::App& app) override;
    void setup() override;
    void run(std::ostream& out, std::ostream& err) override;

    OutputFormat output_format() const { return output_format_; }

private:
    CommonOptions common_;
    FilterOptions filters_;
    std::string graph_;
    std::string query_;
    std::string format_name_ = "text";
    std::size_t limit_ = 10;
    OutputFormat output_format_ = OutputFormat::text;
};

/// What `irkg find` prints: the query and its candidates (all of them; `limit` says how many to list).
struct FindResult {
    std::string query;
    std::string filters;  ///< describe() of the filters applied, "" for none
    std::size_t limit = 0;
    std::vector<graph::Candidate> candidates;
};

void write_find_text(const graph::KnowledgeGraph& graph, const FindResult& result, std::ostream& out);
void write_find_json(const graph::KnowledgeGraph& graph, const FindResult& result, std::ostream& out);

}  // namespace irkg::cli
