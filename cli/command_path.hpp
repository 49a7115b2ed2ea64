#pragma once
#include <iosfwd>
#include <string>

#include "command.hpp"
#include "common_options.hpp"
#include "filter_options.hpp"
#include "graph/knowledge_graph.hpp"
#include "graph/shortest_path.hpp"

namespace irkg::cli {

/// `irkg path GRAPH FROM TO [--format text|json] [--directed]`: the fewest-hop relation path between
/// two actors, each hop with its relation, direction and one evidence sentence.
///
/// --format json prints one JSON object and a newline. Keys (all always present):
///   {"directed": bool, "from": ENTITY, "to": ENTITY, "length": number of hops,
///    "hops": [{"from": id, "to": id, "subject": id, "predicate", "object": id,
///              "direction": "forward" (from is the subject) | "backward" (from is the object),
///              "symmetric": bool, "category", "cameo", "goldstein", "mentions": count,
///              "modalities": [...], "first_date", "last_date" ("" when undated),
///              "evidence": {"doc", "sentence" (index), "text", "span": [begin, end]}}]}
///   ENTITY = {"id", "label", "type", "country" ("" when unknown)}
class PathCommand : public Command {
public:
    enum class Source { jsonld, articles };
    enum class OutputFormat { text, json };

    std::string_view name() const override { return "path"; }
    std::string_view summary() const override { return "Print the shortest relation path between two actors"; }
    void add_options(CLI::App& app) override;
    void setup() override;
    void run(std::ostream& out, std::ostream& err) override;

    Source source() const { return source_; }
    OutputFormat output_format() const { return output_format_; }
    const CommonOptions& common() const { return common_; }

private:
    CommonOptions common_;
    FilterOptions filters_;
    std::string graph_;
    std::string from_;
    std::string to_;
    std::string format_name_ = "text";
    bool directed_ = false;
    Source source_ = Source::jsonld;
    OutputFormat output_format_ = OutputFormat::text;
};

/// Writes `path` (already run and found) as text: a header saying whether edges were followed in
/// both directions, then one block per hop.
void write_path_text(const graph::KnowledgeGraph& graph, const graph::ShortestPath& path, graph::Vertex from,
                     graph::Vertex to, bool directed, std::ostream& out);
/// Writes `path` (already run and found) as one line of JSON (keys: see PathCommand).
void write_path_json(const graph::KnowledgeGraph& graph, const graph::ShortestPath& path, graph::Vertex from,
                     graph::Vertex to, bool directed, std::ostream& out);

}  // namespace irkg::cli
