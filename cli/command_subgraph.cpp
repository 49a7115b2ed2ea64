#include "command_subgraph.hpp"

#include <chrono>
#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "graph/errors.hpp"

namespace irkg::cli {

void SubgraphCommand::add_options(CLI::App& app) {
    const std::string about =
        "Read GRAPH (a .jsonld written by irkg, or article input: .txt, .jsonl, - for stdin), keep what the\n"
        "filters keep and write it, e.g. the two-hop neighbourhood of one actor in 2024 for Gephi:\n"
        "  irkg subgraph out/graph.jsonld --around \"North Korea\" --depth 2 --since 2024 -o nk.gexf\n"
        "Mention filters (--since, --until, --min-confidence, --modality) drop single mentions, a relation\n"
        "without mentions left goes, then --category, --predicate and --min-mentions pick relations,\n"
        "--type entities, and --around the entities within --depth hops (either direction) and the\n"
        "relations among them. With a relation filter only entities that keep a relation stay; a summary\n"
        "line goes to stderr.";
    app.add_option("GRAPH", graph_, "A .jsonld graph written by irkg, or article input (.txt, .jsonl, -)")->required();
    outputs_.add_to(app);
    common_.add_to(app);
    filters_.add_to(app);
    app.footer(about + "\n\n" + output_formats_help() + "\n\n" + std::string(k_exit_codes));
}

void SubgraphCommand::setup() {
    common_.validate();
    filters_.validate();
    outputs_.validate();
    graph_source(graph_);  // throws usage_error for a GRAPH irkg cannot read
}

void SubgraphCommand::run(std::ostream& /*out*/, std::ostream& err) {
    const auto started = std::chrono::steady_clock::now();
    graph::KnowledgeGraph graph = load_graph(graph_, common_, err);
    const std::size_t entities = graph.num_entities(), relations = graph.num_relations();
    const std::string filtered = filters_.apply(graph, common_.min_confidence, known_relations(common_.schemas));
    outputs_.write(graph, common_.schemas);
    if (!common_.quiet)
        err << fmt::format("irkg subgraph: kept {} of {} entit{}, {} of {} relation{}{} ({:.2f} s)\n",
                           graph.num_entities(), entities, entities == 1 ? "y" : "ies", graph.num_relations(),
                           relations, plural(relations), filtered.empty() ? " (no filter given)" : " by " + filtered,
                           seconds_since(started));
}

}  // namespace irkg::cli
