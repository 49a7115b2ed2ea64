#pragma once
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "common_options.hpp"
#include "filter_options.hpp"
#include "graph/knowledge_graph.hpp"
#include "graph/path_search.hpp"

namespace irkg::cli {

class Colour;

/// `irkg path GRAPH FROM TO [--format text|json|dot] [--directed] [--weight W] [--k N | --all
/// [--max-hops N] [--max-paths N]] [--via ACTOR]`: how two actors are connected, each hop with its
/// relation, direction and one evidence sentence (graph::PathSearch does the search).
///
/// --format json prints one JSON object and a newline (schemas/path-result.schema.json). The plain
/// query (one fewest-hop path, no --via) has exactly the keys it always had:
///   {"directed": bool, "from": ENTITY, "to": ENTITY, "length": number of hops,
///    "hops": [{"from": id, "to": id, "subject": id, "predicate", "object": id,
///              "direction": "forward" (from is the subject) | "backward" (from is the object),
///              "symmetric": bool, "category", "cameo", "goldstein", "mentions": count,
///              "modalities": [...], "first_date", "last_date" ("" when undated),
///              "evidence": {"doc", "sentence" (index), "text", "span": [begin, end]}}]}
///   ENTITY = {"id", "label", "type", "country" ("" when unknown)}
/// Any other query (--weight other than hops, --k above 1, --all, --via) adds "weight", "mode"
/// ("shortest", "k-shortest", "all"), "via" (ENTITY or null), "cost", "truncated", "truncated_by"
/// ("", "max-paths", "max-steps") and "paths": [{"length", "cost", "hops"}], best first; "length",
/// "cost" and "hops" at the top repeat the best path's, so a script written for one path reads any
/// answer. Its hops add "cost" and "also" (the other relations between the same two entities:
/// [{"subject", "predicate", "object", "direction", "mentions"}]).
class PathCommand : public Command {
public:
    enum class Source { jsonld, articles };
    enum class OutputFormat { text, json, dot };

    std::string_view name() const override { return "path"; }
    std::string_view summary() const override { return "Print the shortest relation paths between two actors"; }
    void add_options(CLI::App& app) override;
    void setup() override;
    void run(std::ostream& out, std::ostream& err) override;

    Source source() const { return source_; }
    OutputFormat output_format() const { return output_format_; }
    const CommonOptions& common() const { return common_; }
    /// The search as setup() validated it (via is resolved by run()).
    const graph::PathSearchOptions& search_options() const { return search_; }

private:
    CommonOptions common_;
    FilterOptions filters_;
    std::string graph_;
    std::string from_;
    std::string to_;
    std::string via_;
    std::string format_name_ = "text";
    std::string weight_name_ = "hops";
    bool directed_ = false;
    std::size_t k_ = 1;
    bool all_ = false;
    std::size_t max_hops_ = 4;
    std::size_t max_paths_ = 1000;
    Source source_ = Source::jsonld;
    OutputFormat output_format_ = OutputFormat::text;
    graph::PathSearchOptions search_;
};

/// What a path query found, as the writers print it.
struct PathAnswer {
    graph::Vertex from;
    graph::Vertex to;
    graph::PathSearchOptions options;  ///< the query (options.via: the entity the paths pass through)
    std::vector<graph::Path> paths;    ///< best first; at least one
    graph::Truncation truncation = graph::Truncation::none;

    /// The one fewest-hop path without --via: the JSON keeps the keys it had before the other queries.
    bool plain() const;
};

/// Text for people: a header (direction, ends, what was asked), then per path one line per hop
/// (aligned: number, entity, arrow, entity), its category, mentions, dates (and cost when weighted),
/// the other relations between the same two entities, and the evidence sentence with its article id.
/// Colour from `colour` only.
void write_path_text(const graph::KnowledgeGraph& graph, const PathAnswer& answer, const Colour& colour,
                     std::ostream& out);
/// One line of JSON (keys: see PathCommand; schemas/path-result.schema.json).
void write_path_json(const graph::KnowledgeGraph& graph, const PathAnswer& answer, std::ostream& out);
/// A Graphviz digraph of the paths: the entities on them (the ends drawn bold), each relation walked
/// once, drawn from subject to object and labelled with its predicate. Sorted, so the same answer
/// always gives the same bytes.
void write_path_dot(const graph::KnowledgeGraph& graph, const PathAnswer& answer, std::ostream& out);

}  // namespace irkg::cli
