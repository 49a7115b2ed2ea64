#pragma once
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

#include "command.hpp"
#include "common_options.hpp"
#include "filter_options.hpp"
#include "graph/knowledge_graph.hpp"
#include "graph/neighborhood.hpp"

namespace irkg::cli {

/// `irkg neighbors GRAPH ACTOR [--depth N] [--directed] [--limit N] [--format text|json|dot] [filters]`:
/// the actors around one actor. Depth 1: its relations grouped by (predicate, direction), each
/// neighbour with its mention count, dates and one evidence sentence. Depth 2 and more: every entity
/// within N hops, ring by ring, each with the relation it was reached through. Lists are capped at
/// --limit per group and per ring ("... and N more"; "truncated" in JSON); totals count everything.
///
/// --format json prints one JSON object and a newline (schemas/neighbors-result.schema.json); every key
/// is always present:
///   {"centre": ENTITY, "depth", "directed", "limit", "filters" ("" for none), "relations", "mentions"
///    (the centre's own), "reached" (entities within depth), "truncated" (any list cut),
///    "groups": [{"predicate", "category", "cameo", "goldstein", "direction": "outgoing"|"incoming"|"symmetric",
///                "count", "mentions", "first_date", "last_date", "truncated", "more",
///                "neighbors": [{"entity": ENTITY, "mentions", "first_date", "last_date", "modalities",
///                               "evidence": EVIDENCE}]}],
///    "rings": [{"distance", "count", "mentions", "truncated", "more",
///               "entities": [{"entity": ENTITY, "distance", "mentions", "relations", "via", "subject",
///                             "predicate", "object", "direction": "forward"|"backward", "evidence": EVIDENCE}]}]}
/// --format dot prints a Graphviz digraph (export/dot_writer.hpp's styling) of the centre, the listed
/// entities and the relations that link them (depth 1: to the centre; deeper: the relation each was reached
/// through, and the entities on the way), the centre drawn with a double outline.
class NeighborsCommand : public Command {
public:
    enum class OutputFormat { text, json, dot };

    std::string_view name() const override { return "neighbors"; }
    std::string_view summary() const override {
        return "List the actors around one actor, grouped by relation and direction, with counts and dates";
    }
    void add_options(CLI::App& app) override;
    void setup() override;
    void run(std::ostream& out, std::ostream& err) override;

    OutputFormat output_format() const { return output_format_; }
    const graph::NeighborhoodOptions& options() const { return options_; }

private:
    CommonOptions common_;
    FilterOptions filters_;
    std::string graph_;
    std::string actor_;
    std::string format_name_ = "text";
    std::string depth_text_;  ///< --depth as typed: the filters declare it (hops from --around), it is ours too
    graph::NeighborhoodOptions options_;
    OutputFormat output_format_ = OutputFormat::text;
};

/// What a query shows of a neighbourhood besides the algorithm's results: the filters applied.
struct NeighborhoodView {
    const graph::KnowledgeGraph& graph;
    const graph::Neighborhood& neighborhood;
    std::string filters;  ///< describe() of the filters applied, "" for none
};

void write_neighbors_text(const NeighborhoodView& view, std::ostream& out);
void write_neighbors_json(const NeighborhoodView& view, std::ostream& out);
void write_neighbors_dot(const NeighborhoodView& view, std::ostream& out);

// Shared by the actor queries (neighbors, timeline, find).

/// Resolves `name` in `graph` as loaded (so an actor the filters drop is still found), applies
/// `filters` and puts the actor back, isolated, when the filters dropped it: a query about it then
/// answers "nothing" rather than "unknown". Returns the actor's vertex in the filtered graph and sets
/// `described` to what the filters kept ("" when none was given). Throws query_error for an unknown or
/// ambiguous name (with candidates) and usage_error for a bad filter value.
graph::Vertex filter_around_actor(graph::KnowledgeGraph& graph, std::string_view name, const FilterOptions& filters,
                                  const CommonOptions& common, std::string& described);

/// Columns for text output: the width of `text` on a terminal, counted in code points.
std::size_t display_width(std::string_view text);
/// `text` followed by spaces up to `width` columns (display_width).
std::string pad_right(std::string_view text, std::size_t width);
/// `text` preceded by spaces up to `width` columns.
std::string pad_left(std::string_view text, std::size_t width);
/// `text` as valid UTF-8 on one line (line breaks and tabs become spaces), for one-item-per-line output.
std::string one_line(std::string_view text);
/// "[doc, sentence 3] \"the sentence\"": one evidence sentence and its article id, on one line.
std::string evidence_text(const graph::Evidence& evidence);

}  // namespace irkg::cli
