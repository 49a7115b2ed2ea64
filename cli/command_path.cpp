#include "command_path.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "query_output.hpp"
#include "export/dot_writer.hpp"
#include "export/palette.hpp"
#include "export/utf8_text.hpp"
#include "graph/entity_index.hpp"
#include "graph/errors.hpp"
#include "graph/shortest_path.hpp"

namespace irkg::cli {

namespace {

using graph::KnowledgeGraph;
using graph::Path;
using graph::PathHop;
using graph::PathWeight;
using graph::Truncation;
using graph::Vertex;

/// How a weight prices a hop, for headers and --help.
std::string_view weight_rule(PathWeight weight) {
    switch (weight) {
        case PathWeight::hops:
            return "every hop costs 1";
        case PathWeight::mentions:
            return "a hop costs 1/(1 + ln mentions)";
        case PathWeight::confidence:
            return "a hop costs 0.001 - ln(mean confidence)";
        case PathWeight::goldstein:
            return "a hop costs (10 - Goldstein)/20 + 0.01";
    }
    return "";
}

std::string_view truncation_name(Truncation t) {
    switch (t) {
        case Truncation::none:
            return "";
        case Truncation::max_paths:
            return "max-paths";
        case Truncation::max_steps:
            return "max-steps";
    }
    return "";
}

std::string_view mode_name(const graph::PathSearchOptions& o) {
    if (o.all) return "all";
    return o.k > 1 ? "k-shortest" : "shortest";
}

/// Code points: close enough to terminal columns for names in Latin, Cyrillic or Arabic script.
std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t pos = 0; pos < text.size(); ++width) exporter::next_code_point(text, pos);
    return width;
}

std::string padded(std::string_view shown, std::size_t width, std::size_t column) {
    return std::string(shown) + std::string(column > width ? column - width : 0, ' ');
}

std::string cost_text(std::uint64_t cost) {
    return fmt::format("{:.3f}", static_cast<double>(cost) / static_cast<double>(graph::k_cost_unit));
}

/// The relations between a hop's two entities other than the one it walks (either direction).
std::vector<PathHop> other_links(const KnowledgeGraph& graph, const PathHop& hop, PathWeight weight) {
    std::vector<PathHop> others = graph::links(graph, hop.from, hop.to, false, weight);
    others.erase(std::remove_if(others.begin(), others.end(), [&](const PathHop& l) { return l.edge == hop.edge; }),
                 others.end());
    return others;
}

std::string entity_text(const KnowledgeGraph& graph, Vertex v) {
    const auto& e = graph.entity(v);
    return fmt::format("{} [{}]", e.label, e.id);
}

void write_hops_text(const KnowledgeGraph& graph, const Path& path, const PathAnswer& answer, const Colour& colour,
                     std::string_view indent, bool blank_between, std::ostream& out) {
    const PathWeight weight = answer.options.weight;
    const std::size_t number_width = std::to_string(path.hops.size()).size();
    std::size_t from_column = 0, arrow_column = 0;
    for (const auto& hop : path.hops) {
        from_column = std::max(from_column, display_width(graph.entity(hop.from).label));
        arrow_column = std::max(arrow_column, display_width(arrow(graph.edge(hop.edge), hop.forward)));
    }
    const std::string detail(indent.size() + number_width + 2, ' ');
    std::size_t n = 0;
    for (const auto& hop : path.hops) {
        const auto& edge = graph.edge(hop.edge);
        const auto& mention = representative_mention(edge);
        const std::string& from_label = graph.entity(hop.from).label;
        const std::string hop_arrow = arrow(edge, hop.forward);
        if (blank_between) out << '\n';
        out << fmt::format("{}{:>{}}. {} {} {}\n", indent, ++n, number_width,
                           padded(colour.bold(from_label), display_width(from_label), from_column),
                           padded(colour.by_goldstein(edge.relation->goldstein, hop_arrow), display_width(hop_arrow),
                                  arrow_column),
                           colour.bold(graph.entity(hop.to).label));
        std::string stats = fmt::format("{}, {} mention{} ({}), {}", edge.relation->category, edge.weight(),
                                        plural(edge.weight()), modality_list(edge), edge.date_range());
        if (weight != PathWeight::hops) stats += ", cost " + cost_text(graph::hop_cost(edge, weight));
        out << detail << stats << '\n';
        const auto others = other_links(graph, hop, weight);
        if (!others.empty()) {
            std::string also;
            for (const auto& l : others) {
                const auto& data = graph.edge(l.edge);
                also += fmt::format("{}{} ({} mention{})", also.empty() ? "" : ", ", arrow(data, l.forward),
                                    data.weight(), plural(data.weight()));
            }
            out << detail << colour.dim("also:") << ' ' << also << '\n';
        }
        out << detail << colour.dim(fmt::format("evidence [{}, sentence {}]:", mention.evidence.doc,
                                                mention.evidence.sentence))
            << " \"" << exporter::to_valid_utf8(mention.evidence.text) << "\"\n";
    }
}

void json_hop(JsonWriter& w, const KnowledgeGraph& graph, const PathHop& hop, const PathAnswer& answer) {
    const auto& store = graph.store();
    const auto& edge = graph.edge(hop.edge);
    const auto& mention = representative_mention(edge);
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
    if (!answer.plain()) {
        json_key(w, "cost");
        w.Double(static_cast<double>(graph::hop_cost(edge, answer.options.weight)) /
                 static_cast<double>(graph::k_cost_unit));
        json_key(w, "also");
        w.StartArray();
        for (const auto& l : other_links(graph, hop, answer.options.weight)) {
            const auto& data = graph.edge(l.edge);
            w.StartObject();
            json_member(w, "subject", graph.entity(boost::source(l.edge, store)).id);
            json_member(w, "predicate", data.relation->predicate);
            json_member(w, "object", graph.entity(boost::target(l.edge, store)).id);
            json_member(w, "direction", l.forward ? "forward" : "backward");
            json_key(w, "mentions");
            w.Uint64(data.weight());
            w.EndObject();
        }
        w.EndArray();
    }
    w.EndObject();
}

/// "length", "cost" (unless plain) and "hops" of one path.
void json_path_members(JsonWriter& w, const KnowledgeGraph& graph, const Path& path, const PathAnswer& answer) {
    json_key(w, "length");
    w.Uint64(path.hops.size());
    if (!answer.plain()) {
        json_key(w, "cost");
        w.Double(path.cost_value());
    }
    json_key(w, "hops");
    w.StartArray();
    for (const auto& hop : path.hops) json_hop(w, graph, hop, answer);
    w.EndArray();
}

std::string hex(exporter::Rgb rgb) { return fmt::format("\"#{:02x}{:02x}{:02x}\"", rgb.r, rgb.g, rgb.b); }

/// The header's first line without the hop count: "Undirected path from A [a] to B [b] via C [c]".
std::string heading(const KnowledgeGraph& graph, const PathAnswer& answer, bool several) {
    std::string text = fmt::format("{} path{} from {} to {}", answer.options.directed ? "Directed" : "Undirected",
                                   several ? "s" : "", entity_text(graph, answer.from), entity_text(graph, answer.to));
    if (answer.options.via) text += " via " + entity_text(graph, *answer.options.via);
    return text;
}

/// Why there is no path, with what would help.
std::string no_path_message(const KnowledgeGraph& graph, const graph::EntityIndex& index, Vertex from, Vertex to,
                            const graph::PathSearchOptions& options) {
    const std::string direction = options.directed ? "directed" : "undirected";
    const auto reach = [&](Vertex a, Vertex b) {
        graph::ShortestPath search(graph, a, b, graph::ShortestPathOptions{options.directed, PathWeight::hops, {}, {}});
        search.run();
        return search;
    };
    const auto reaches = [&](const graph::ShortestPath& search, Vertex a) {
        const std::size_t others = search.reached() - 1;
        return fmt::format("{} reaches {} other entit{} of the graph's {}", graph.entity(a).label, others,
                           others == 1 ? "y" : "ies", graph.num_entities());
    };
    const std::string ends = fmt::format("from {} to {}", index.describe(from), index.describe(to));
    const std::string via = options.via ? " via " + index.describe(*options.via) : "";
    const auto direct = reach(from, to);
    if (!direct.found()) return fmt::format("no {} path {}: {}", direction, ends, reaches(direct, from));
    if (options.all)
        return fmt::format("no {} path of at most {} hop{} {}{} (the shortest without --via has {}); raise --max-hops",
                           direction, options.max_hops, plural(options.max_hops), ends, via, direct.hops().size());
    // --via: say which half is missing.
    const auto in = reach(from, *options.via);
    if (!in.found()) return fmt::format("no {} path {}{}: {}, and not {}", direction, ends, via, reaches(in, from),
                                        graph.entity(*options.via).label);
    const auto onward = reach(*options.via, to);
    if (!onward.found())
        return fmt::format("no {} path {}{}: {} does not reach {} ({})", direction, ends, via,
                           graph.entity(*options.via).label, graph.entity(to).label, reaches(onward, *options.via));
    return fmt::format(
        "no loopless {} path {}{}: the routes to and from {} share entities and no way around them was found; "
        "--all --max-hops N --via lists every simple path through it",
        direction, ends, via, graph.entity(*options.via).label);
}

}  // namespace

bool PathAnswer::plain() const {
    return options.weight == PathWeight::hops && options.k == 1 && !options.all && !options.via;
}

void PathCommand::add_options(CLI::App& app) {
    const std::string about =
        "Print how two actors are connected: the shortest relation path (fewest hops), the cheapest under a\n"
        "--weight, the --k cheapest loopless paths, or --all simple paths up to --max-hops; each hop with its\n"
        "relation, direction, category, mention count, dates and one evidence sentence with its article id.\n"
        "The search is undirected (relations followed either way) unless --directed (subject to object only;\n"
        "a symmetric relation such as meets goes both ways); the output says which. Arrows show each\n"
        "relation's own direction (A --visits--> B: A visits B; A <--supports-- B: B supports A; <--meets-->\n"
        "symmetric). GRAPH is a .jsonld written by irkg build, or article input (.txt, .jsonl, - for stdin)\n"
        "that is then extracted and merged in memory. FROM, TO and --via are an entity id (country:CHN), or a\n"
        "label or alias in any case (\"PRC\", \"Pyongyang\", \"blinken\"), or a word of one label (\"wang\"); an\n"
        "ambiguous or unknown name is an error listing the candidates.\n\n"
        "Costs (--weight): stronger relations are cheaper, every cost is positive.\n"
        "  hops        1 per hop (the default: fewest hops)\n"
        "  mentions    1/(1 + ln mentions): 1 for one mention, 0.59 for two, 0.30 for ten\n"
        "  confidence  0.001 - ln(mean confidence): the path most likely to hold\n"
        "  goldstein   (10 - Goldstein)/20 + 0.01: 0.01 for the most cooperative (+10), 1.01 for the most\n"
        "              conflictual (-10)\n"
        "Ties, so answers are stable: lower cost, then fewer hops, then the smaller entity ids read from FROM.\n"
        "Between two entities linked by several relations a hop walks the cheapest, then the most mentioned,\n"
        "then the smaller predicate; the others are listed as \"also\".\n"
        "--k N: the N cheapest loopless paths (Yen's algorithm), in that order; fewer when fewer exist.\n"
        "--all: every simple path of at most --max-hops hops, fewest hops first; when more than --max-paths\n"
        "exist, or the search walks 20,000,000 relations (dense hubs), it stops, keeps the paths with the\n"
        "fewest hops and says so (a note on stderr, \"truncated\": true in JSON).\n"
        "--via ACTOR: the path passes through ACTOR: the cheapest FROM->ACTOR path, then the cheapest\n"
        "ACTOR->TO; when the two share an entity, each half is searched again avoiding the other's entities\n"
        "and the better loopless result is kept (this may miss a loopless path that --all finds). With --all:\n"
        "exactly the simple paths through ACTOR. Not with --k.";
    app.add_option("GRAPH", graph_, "A .jsonld graph written by irkg, or article input (.txt, .jsonl, -)")->required();
    app.add_option("FROM", from_, "Where the path starts: id, label, alias or word of a label")->required();
    app.add_option("TO", to_, "Where the path ends: id, label, alias or word of a label")->required();
    app.add_option("-f,--format", format_name_, "Output: text (for people), json (one object; keys below) or dot (Graphviz)")
        ->type_name("text|json|dot")
        ->capture_default_str();
    app.add_flag("--directed", directed_, "Follow relations only from subject to object (symmetric ones both ways)");
    app.add_option("-w,--weight", weight_name_, "What a hop costs: hops (fewest hops), confidence, mentions, goldstein")
        ->type_name("hops|confidence|mentions|goldstein")
        ->capture_default_str();
    app.add_option("-k,--k", k_, "List the N cheapest loopless paths (Yen)")->type_name("N")->capture_default_str();
    CLI::Option* all = app.add_flag("--all", all_, "List every simple path of at most --max-hops hops");
    app.add_option("--max-hops", max_hops_, "The most hops of a path --all lists")
        ->type_name("N")
        ->capture_default_str()
        ->needs(all);
    app.add_option("--max-paths", max_paths_, "The most paths --all lists (it says so when more exist)")
        ->type_name("N")
        ->capture_default_str()
        ->needs(all);
    app.add_option("--via", via_, "The paths must pass through ACTOR (id, label, alias or word of a label)")
        ->type_name("ACTOR");
    common_.add_to(app);
    filters_.add_to(app);
    app.footer(
        about + "\n\n" +
        "JSON output (--format json, schemas/path-result.schema.json); the plain query (one fewest-hop path,\n"
        "no --via) has exactly these keys, every one always present:\n"
        "  {\"directed\", \"from\": ENTITY, \"to\": ENTITY, \"length\": hops,\n"
        "   \"hops\": [{\"from\", \"to\", \"subject\", \"predicate\", \"object\" (entity ids),\n"
        "             \"direction\": \"forward\"|\"backward\", \"symmetric\", \"category\", \"cameo\", \"goldstein\",\n"
        "             \"mentions\", \"modalities\", \"first_date\", \"last_date\" (\"\" when undated),\n"
        "             \"evidence\": {\"doc\", \"sentence\", \"text\", \"span\": [begin, end]}}]}\n"
        "  ENTITY = {\"id\", \"label\", \"type\", \"country\" (\"\" when unknown)}\n"
        "  Any query but the plain one (--weight, --k, --all, --via) also has \"weight\", \"mode\" (shortest,\n"
        "  k-shortest, all), \"via\" (ENTITY or null), \"cost\", \"truncated\", \"truncated_by\" (\"\", max-paths,\n"
        "  max-steps) and \"paths\": [{\"length\", \"cost\", \"hops\"}], best first (\"length\", \"cost\" and \"hops\"\n"
        "  repeat the best path's); each hop also has \"cost\" and \"also\": [{\"subject\", \"predicate\", \"object\",\n"
        "  \"direction\", \"mentions\"}], the other relations between the same two entities.\n"
        "DOT output (--format dot): a digraph of the paths for `dot -Tsvg`: entities as labelled boxes (the\n"
        "ends bold), each relation walked once, drawn from subject to object with its predicate.\n\n" +
        std::string(k_exit_codes));
}

void PathCommand::setup() {
    common_.validate();
    if (format_name_ == "text")
        output_format_ = OutputFormat::text;
    else if (format_name_ == "json")
        output_format_ = OutputFormat::json;
    else if (format_name_ == "dot")
        output_format_ = OutputFormat::dot;
    else
        throw usage_error(
            fmt::format("unknown path output format \"{}\"; valid formats: text, json, dot", format_name_));
    const auto weight = graph::path_weight_from(weight_name_);
    if (!weight)
        throw usage_error(
            fmt::format("unknown --weight \"{}\"; valid weights: {}", weight_name_, graph::path_weight_names()));
    if (k_ == 0) throw usage_error("--k 0 asks for no path; give --k 1 or more (the number of paths to list)");
    if (max_hops_ == 0) throw usage_error("--max-hops 0 allows no hop; give --max-hops 1 or more");
    if (max_paths_ == 0) throw usage_error("--max-paths 0 allows no path; give --max-paths 1 or more");
    if (all_ && k_ > 1)
        throw usage_error("--k and --all do not combine: --k lists the k cheapest paths, --all every path of at "
                          "most --max-hops hops");
    if (!via_.empty() && k_ > 1)
        throw usage_error("--via does not combine with --k; --all --max-hops N --via lists every path through it");

    search_ = graph::PathSearchOptions{};
    search_.directed = directed_;
    search_.weight = *weight;
    search_.k = k_;
    search_.all = all_;
    search_.max_hops = max_hops_;
    search_.max_paths = max_paths_;

    source_ = graph_source(graph_) == GraphSource::jsonld ? Source::jsonld : Source::articles;
    filters_.validate();
}

void PathCommand::run(std::ostream& out, std::ostream& err) {
    graph::KnowledgeGraph graph = load_graph(graph_, common_, err);
    // Resolve the names in the whole graph, so a filter that drops one says so instead of "unknown".
    std::vector<std::string> ids;
    {
        const graph::EntityIndex full_index(graph);
        for (const std::string* name : {&from_, &to_, &via_})
            ids.push_back(name->empty() ? std::string() : graph.entity(full_index.resolve(*name)).id);
    }
    if (!ids[2].empty() && (ids[2] == ids[0] || ids[2] == ids[1]))
        throw usage_error(fmt::format("--via \"{}\" is {}, the path's {}; --via names an actor between them", via_,
                                      ids[2], ids[2] == ids[0] ? "start" : "end"));
    const std::string filtered = filters_.apply(graph, common_.min_confidence, known_relations(common_.schemas));
    for (const auto& id : ids)
        if (!id.empty() && !graph.find(id))
            throw query_error(fmt::format("{} has no relation left after the filters ({})", id, filtered));
    const graph::EntityIndex index(graph);
    const graph::Vertex from = *graph.find(ids[0]);
    const graph::Vertex to = *graph.find(ids[1]);
    graph::PathSearchOptions options = search_;
    if (!ids[2].empty()) options.via = *graph.find(ids[2]);

    graph::PathSearch search(graph, from, to, options);
    search.run();
    if (search.paths().empty()) throw query_error(no_path_message(graph, index, from, to, options));
    const PathAnswer answer{from, to, options, search.paths(), search.truncation()};

    if (answer.truncation == Truncation::max_paths && !common_.quiet)
        err << fmt::format(
            "irkg path: note: more than {} paths of at most {} hops exist; listed are the {} with the fewest hops "
            "(raise --max-paths or lower --max-hops)\n",
            options.max_paths, options.max_hops, options.max_paths);
    else if (answer.truncation == Truncation::max_steps && !common_.quiet)
        err << fmt::format(
            "irkg path: note: stopped after walking {} relations (the search's work bound); {} paths listed, those "
            "of fewer than {} hops complete (lower --max-hops or cut the graph with filters)\n",
            search.steps(), answer.paths.size(), answer.paths.back().hops.size());

    switch (output_format_) {
        case OutputFormat::json:
            write_path_json(graph, answer, out);
            break;
        case OutputFormat::dot:
            write_path_dot(graph, answer, out);
            break;
        case OutputFormat::text:
            write_path_text(graph, answer, Colour(out), out);
            break;
    }
}

void write_path_text(const KnowledgeGraph& graph, const PathAnswer& answer, const Colour& colour, std::ostream& out) {
    const auto& o = answer.options;
    const auto& paths = answer.paths;
    const std::string by = o.weight == PathWeight::hops
                               ? ""
                               : fmt::format(" by {} ({})", graph::to_string(o.weight), weight_rule(o.weight));
    const std::string how = o.directed ? "(relations followed from subject to object only, symmetric ones both ways)\n"
                                       : "(relations followed in either direction; arrows show who acts on whom)\n";
    if (!o.all && o.k == 1) {
        const Path& path = paths.front();
        out << heading(graph, answer, false)
            << fmt::format(": {} hop{}", path.hops.size(), plural(path.hops.size()));
        if (o.weight != PathWeight::hops) out << ", cost " << cost_text(path.cost) << by;
        out << '\n' << how;
        write_hops_text(graph, path, answer, colour, "", true, out);
        return;
    }
    const std::string cheapest = o.weight == PathWeight::hops ? "shortest" : "cheapest";
    std::string what;
    if (o.all)
        what = fmt::format("{} simple path{} of at most {} hop{}{}", paths.size(), plural(paths.size()), o.max_hops,
                           plural(o.max_hops), by);
    else if (paths.size() == o.k)
        what = fmt::format("the {} {} loopless paths{}", paths.size(), cheapest, by);
    else
        what = fmt::format("{} loopless path{}{}, all there are (--k {})", paths.size(), plural(paths.size()), by, o.k);
    out << heading(graph, answer, true) << ": " << what << '\n' << how;
    if (answer.truncation == Truncation::max_paths)
        out << fmt::format("(truncated: more than {} paths exist; these have the fewest hops; raise --max-paths)\n",
                           o.max_paths);
    else if (answer.truncation == Truncation::max_steps)
        out << fmt::format("(truncated: the search hit its work bound; paths of fewer than {} hops are all here)\n",
                           paths.back().hops.size());
    std::size_t n = 0;
    for (const Path& path : paths) {
        out << fmt::format("\n{} {}: {} hop{}", colour.bold("Path"), colour.bold(std::to_string(++n)), path.hops.size(),
                           plural(path.hops.size()));
        if (o.weight != PathWeight::hops) out << ", cost " << cost_text(path.cost);
        out << '\n';
        write_hops_text(graph, path, answer, colour, "  ", false, out);
    }
}

void write_path_json(const KnowledgeGraph& graph, const PathAnswer& answer, std::ostream& out) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    const auto& o = answer.options;
    w.StartObject();
    json_key(w, "directed");
    w.Bool(o.directed);
    if (!answer.plain()) {
        json_member(w, "weight", graph::to_string(o.weight));
        json_member(w, "mode", mode_name(o));
    }
    json_entity(w, "from", graph.entity(answer.from));
    json_entity(w, "to", graph.entity(answer.to));
    if (!answer.plain()) {
        if (o.via) {
            json_entity(w, "via", graph.entity(*o.via));
        } else {
            json_key(w, "via");
            w.Null();
        }
    }
    json_path_members(w, graph, answer.paths.front(), answer);
    if (!answer.plain()) {
        json_key(w, "truncated");
        w.Bool(answer.truncation != Truncation::none);
        json_member(w, "truncated_by", truncation_name(answer.truncation));
        json_key(w, "paths");
        w.StartArray();
        for (const Path& path : answer.paths) {
            w.StartObject();
            json_path_members(w, graph, path, answer);
            w.EndObject();
        }
        w.EndArray();
    }
    w.EndObject();
    out << buffer.GetString() << '\n';
}

void write_path_dot(const KnowledgeGraph& graph, const PathAnswer& answer, std::ostream& out) {
    using exporter::dot_quoted;
    using exporter::DotText;
    const auto& store = graph.store();
    const std::string font = dot_quoted("Helvetica,Arial,sans-serif");
    const bool several = answer.paths.size() > 1;

    // Each relation once, with the paths that walk it; the entities on any path.
    std::map<std::string, std::pair<graph::Edge, std::vector<std::size_t>>> edges;  // by edge id: sorted
    std::map<std::string, Vertex> vertices;                                         // by entity id
    for (std::size_t i = 0; i < answer.paths.size(); ++i) {
        for (Vertex v : answer.paths[i].vertices) vertices.emplace(graph.entity(v).id, v);
        for (const auto& hop : answer.paths[i].hops) {
            auto& entry = edges.try_emplace(graph.edge_id(hop.edge), hop.edge, std::vector<std::size_t>{}).first->second;
            entry.second.push_back(i + 1);
        }
    }
    std::string title = heading(graph, answer, several);
    if (!several)
        title += fmt::format(": {} hop{}", answer.paths.front().hops.size(), plural(answer.paths.front().hops.size()));
    else
        title += fmt::format(": {} paths", answer.paths.size());
    if (answer.options.weight != PathWeight::hops) title += fmt::format(" by {}", graph::to_string(answer.options.weight));
    if (answer.truncation != Truncation::none) title += " (truncated)";

    std::string dot = fmt::format(
        "digraph irkg_path {{\n"
        "  graph [rankdir=LR, fontname={0}, fontsize=12, labelloc=t, label={1}];\n"
        "  node [shape=box, style=\"rounded,filled\", color=\"#ffffff\", fontname={0}];\n"
        "  edge [fontname={0}, fontsize=9, fontcolor=\"#404040\", arrowsize=0.7];\n",
        font, dot_quoted(title));
    for (const auto& [id, v] : vertices) {
        const auto& entity = graph.entity(v);
        const bool end = v == answer.from || v == answer.to;
        dot += fmt::format("  {} [label={}, fillcolor={}, tooltip={}{}];\n", dot_quoted(id, DotText::id),
                           dot_quoted(entity.label), hex(exporter::entity_colour(entity.type)),
                           dot_quoted(fmt::format("{}\ntype: {}", id, graph::to_string(entity.type))),
                           end ? ", color=\"#000000\", penwidth=2.5, fontname=\"Helvetica-Bold\"" : "");
    }
    for (const auto& [id, entry] : edges) {
        const auto& [e, used_by] = entry;
        const auto& data = graph.edge(e);
        const double goldstein = std::isfinite(data.relation->goldstein) ? data.relation->goldstein : 0.0;
        std::string tooltip = fmt::format("{}, {}, {} mention{}", data.relation->predicate, data.date_range(),
                                          data.weight(), plural(data.weight()));
        if (several) {
            std::string list;
            for (std::size_t p : used_by) list += (list.empty() ? "" : ", ") + std::to_string(p);
            tooltip += fmt::format("; path{} {}", plural(used_by.size()), list);
        }
        dot += fmt::format("  {} -> {} [label={}, color={}, tooltip={}{}];\n",
                           dot_quoted(graph.entity(boost::source(e, store)).id, DotText::id),
                           dot_quoted(graph.entity(boost::target(e, store)).id, DotText::id),
                           dot_quoted(data.relation->predicate), hex(exporter::goldstein_colour(goldstein)),
                           dot_quoted(tooltip), data.relation->symmetric ? ", dir=none" : "");
    }
    dot += "}\n";
    out << dot;
}

}  // namespace irkg::cli
