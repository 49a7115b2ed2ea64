#include "command_path.hpp"

#include <algorithm>
#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "query_output.hpp"
#include "export/jsonld_reader.hpp"
#include "export/utf8_text.hpp"
#include "graph/entity_index.hpp"
#include "graph/errors.hpp"

namespace irkg::cli {

void PathCommand::add_options(CLI::App& app) {
    const std::string about =
        "Print the shortest relation path (fewest hops) between two actors, each hop with its relation,\n"
        "direction, category, mention count, dates and one evidence sentence with its article id.\n"
        "The search is undirected (relations followed either way) unless --directed; arrows show each relation's own\n"
        "direction (A --visits--> B: A visits B; A <--supports-- B: B supports A; <--meets--> symmetric).\n"
        "Of several shortest paths the one through the smallest entity ids is printed.\n"
        "GRAPH is a .jsonld written by irkg build, or article input (.txt, .jsonl, - for stdin) that is\n"
        "then extracted and merged in memory. FROM and TO are an entity id (country:CHN), or a label or\n"
        "alias in any case (\"PRC\", \"Pyongyang\", \"blinken\"), or a word of one label (\"wang\"); an\n"
        "ambiguous or unknown name is an error listing the candidates.";
    app.add_option("GRAPH", graph_, "A .jsonld graph written by irkg, or article input (.txt, .jsonl, -)")->required();
    app.add_option("FROM", from_, "Where the path starts: id, label, alias or word of a label")->required();
    app.add_option("TO", to_, "Where the path ends: id, label, alias or word of a label")->required();
    app.add_option("-f,--format", format_name_, "Output: text (for people) or json (one object; keys below)")
        ->type_name("text|json")
        ->capture_default_str();
    app.add_flag("--directed", directed_, "Follow relations only from subject to object");
    common_.add_to(app);
    filters_.add_to(app);
    app.footer(
        about + "\n\n" +
        "JSON output (--format json), every key always present:\n"
        "  {\"directed\", \"from\": ENTITY, \"to\": ENTITY, \"length\": hops,\n"
        "   \"hops\": [{\"from\", \"to\", \"subject\", \"predicate\", \"object\" (entity ids),\n"
        "             \"direction\": \"forward\"|\"backward\", \"symmetric\", \"category\", \"cameo\", \"goldstein\",\n"
        "             \"mentions\", \"modalities\", \"first_date\", \"last_date\" (\"\" when undated),\n"
        "             \"evidence\": {\"doc\", \"sentence\", \"text\", \"span\": [begin, end]}}]}\n"
        "  ENTITY = {\"id\", \"label\", \"type\", \"country\" (\"\" when unknown)}\n\n" +
        std::string(k_exit_codes));
}

void PathCommand::setup() {
    common_.validate();
    if (format_name_ == "text")
        output_format_ = OutputFormat::text;
    else if (format_name_ == "json")
        output_format_ = OutputFormat::json;
    else
        throw usage_error(fmt::format("unknown path output format \"{}\"; valid formats: text, json", format_name_));

    source_ = graph_source(graph_) == GraphSource::jsonld ? Source::jsonld : Source::articles;
    filters_.validate();
}

void PathCommand::run(std::ostream& out, std::ostream& err) {
    graph::KnowledgeGraph graph = load_graph(graph_, common_, err);
    // Resolve the ends in the whole graph, so a filter that drops one says so instead of "unknown".
    std::string from_id, to_id;
    {
        const graph::EntityIndex full_index(graph);
        from_id = graph.entity(full_index.resolve(from_)).id;
        to_id = graph.entity(full_index.resolve(to_)).id;
    }
    const std::string filtered = filters_.apply(graph, common_.min_confidence, known_relations(common_.schemas));
    for (const auto* id : {&from_id, &to_id})
        if (!graph.find(*id))
            throw query_error(fmt::format("{} has no relation left after the filters ({})", *id, filtered));
    const graph::EntityIndex index(graph);
    const graph::Vertex from = *graph.find(from_id);
    const graph::Vertex to = *graph.find(to_id);

    graph::ShortestPath path(graph, from, to, graph::ShortestPathOptions{directed_});
    path.run();
    if (!path.found())
        throw query_error(fmt::format("no {} path from {} to {}: {} reaches {} other entit{} of the graph's {}",
                                      directed_ ? "directed" : "undirected", index.describe(from), index.describe(to),
                                      graph.entity(from).label, path.reached() - 1,
                                      path.reached() - 1 == 1 ? "y" : "ies", graph.num_entities()));

    if (output_format_ == OutputFormat::json)
        write_path_json(graph, path, from, to, directed_, out);
    else
        write_path_text(graph, path, from, to, directed_, out);
}

void write_path_text(const graph::KnowledgeGraph& graph, const graph::ShortestPath& path, graph::Vertex from,
                     graph::Vertex to, bool directed, std::ostream& out) {
    const auto& hops = path.hops();
    const auto& source = graph.entity(from);
    const auto& target = graph.entity(to);
    out << fmt::format("{} path from {} [{}] to {} [{}]: {} hop{}\n", directed ? "Directed" : "Undirected",
                       source.label, source.id, target.label, target.id, hops.size(), plural(hops.size()));
    out << (directed ? "(relations followed from subject to object only)\n"
                     : "(relations followed in either direction; arrows show who acts on whom)\n");
    std::size_t n = 0;
    for (const auto& hop : hops) {
        const auto& edge = graph.edge(hop.edge);
        const auto& mention = representative_mention(edge);
        const std::string modalities = modality_list(edge);
        out << fmt::format("\n{}. {} {} {}\n", ++n, graph.entity(hop.from).label, arrow(edge, hop.forward),
                           graph.entity(hop.to).label);
        out << fmt::format("   {}, {} mention{} ({}), {}\n", edge.relation->category, edge.weight(),
                           plural(edge.weight()), modalities, edge.date_range());
        out << fmt::format("   evidence [{}, sentence {}]: \"{}\"\n", mention.evidence.doc, mention.evidence.sentence,
                           exporter::to_valid_utf8(mention.evidence.text));
    }
}

void write_path_json(const graph::KnowledgeGraph& graph, const graph::ShortestPath& path, graph::Vertex from,
                     graph::Vertex to, bool directed, std::ostream& out) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    json_key(w, "directed");
    w.Bool(directed);
    json_entity(w, "from", graph.entity(from));
    json_entity(w, "to", graph.entity(to));
    json_key(w, "length");
    w.Uint64(path.hops().size());
    json_key(w, "hops");
    w.StartArray();
    for (const auto& hop : path.hops()) {
        const auto& edge = graph.edge(hop.edge);
        const auto& mention = representative_mention(edge);
        const auto& store = graph.store();
        w.StartObject();
        json_member(w, "from", graph.entity(hop.from).id);
        json_member(w, "to", graph.entity(hop.to).id);
        json_member(w, "subject", graph.entity(boost::source(hop.edge, store)).id);
        json_member(w, "predicate", edge.relation->predicate);
        json_member(w, "object", graph.entity(boost::target(hop.edge, store)).id);
        json_member(w, "direction", hop.forward ? "forward" : "backward");
        json_key(w, "symmetric");
        w.Bool(edge.relation->symmetric);
        json_member(w, "category", edge.relation->category);
        json_member(w, "cameo", edge.relation->cameo);
        json_key(w, "goldstein");
        w.Double(edge.relation->goldstein);
        json_key(w, "mentions");
        w.Uint64(edge.weight());
        json_key(w, "modalities");
        w.StartArray();
        for (auto m : edge.modalities()) json_string(w, graph::to_string(m));
        w.EndArray();
        json_member(w, "first_date", edge.first_date());
        json_member(w, "last_date", edge.last_date());
        json_key(w, "evidence");
        json_evidence(w, mention.evidence);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out << buffer.GetString() << '\n';
}

}  // namespace irkg::cli
