#include "command_neighbors.hpp"

#include <algorithm>
#include <charconv>
#include <ostream>
#include <sstream>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "export/dot_writer.hpp"
#include "export/utf8_text.hpp"
#include "graph/entity_index.hpp"
#include "graph/errors.hpp"
#include "query_output.hpp"

namespace irkg::cli {

namespace {

/// "1 entity", "3 entities".
std::string entities(std::size_t n) { return fmt::format("{} entit{}", n, n == 1 ? "y" : "ies"); }
/// "1 mention", "3 mentions".
std::string mentions(std::uint64_t n) { return fmt::format("{} mention{}", n, plural(n)); }

std::string date_range(const std::string& first, const std::string& last) {
    if (first.empty() && last.empty()) return "undated";
    if (first.empty() || last.empty() || first == last) return first.empty() ? last : first;
    return first + " to " + last;
}

}  // namespace

std::string one_line(std::string_view text) {
    std::string out = exporter::to_valid_utf8(text);
    for (char& c : out)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return out;
}

std::string evidence_text(const graph::Evidence& evidence) {
    return fmt::format("[{}, sentence {}] \"{}\"", one_line(evidence.doc), evidence.sentence, one_line(evidence.text));
}

namespace {

/// Rows of text columns, aligned when printed: every column but the last padded to its widest cell.
class Table {
public:
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    /// Row `i` aligned, each cell passed through `style(column, padded text)` (for colour).
    template <typename Style>
    std::string line(std::size_t i, Style style) const {
        const auto& row = rows_[i];
        std::string out;
        for (std::size_t c = 0; c < row.size(); ++c) {
            const bool last = c + 1 == row.size();
            out += style(c, last ? row[c] : pad_right(row[c], width(c)));
            if (!last) out += "  ";
        }
        return out;
    }
    std::size_t width(std::size_t column) const {
        std::size_t w = 0;
        for (const auto& row : rows_)
            if (column < row.size()) w = std::max(w, display_width(row[column]));
        return w;
    }

private:
    std::vector<std::vector<std::string>> rows_;
};

std::string direction_note(bool directed) {
    return directed ? "relations followed from subject to object (symmetric ones either way)"
                    : "relations followed in either direction";
}

}  // namespace

void NeighborsCommand::add_options(CLI::App& app) {
    const std::string about =
        "List the actors around ACTOR. With --depth 1 (the default) its relations are grouped by predicate and\n"
        "direction (outgoing: ACTOR is the subject; incoming: the object; symmetric: meets, agrees-with, ...),\n"
        "each neighbour on one line with its mention count, dates and one evidence sentence with its article id.\n"
        "With --depth 2 or more every entity within that many hops is listed ring by ring, with the relation\n"
        "it was reached through. Lists are capped at --limit per group and per ring (\"... and N more\");\n"
        "the totals count everything, so a hub's neighbourhood stays readable.\n"
        "Order: groups by predicate, then outgoing, incoming, symmetric; neighbours by mentions (most first),\n"
        "then id; rings by distance, entities by the mentions linking them to the nearer ring, then id.\n"
        "GRAPH is a .jsonld written by irkg build, or article input (.txt, .jsonl, - for stdin). ACTOR is an\n"
        "id, label or alias in any case, or a word of a label; an ambiguous or unknown name lists candidates.\n"
        "Example:\n"
        "  irkg neighbors out/graph.jsonld China\n"
        "  irkg neighbors news.jsonld Pyongyang --depth 2 --since 2024 --limit 10 --format json\n"
        "  irkg neighbors news.jsonld PRC --format dot | dot -Tsvg -o prc.svg";
    app.add_option("GRAPH", graph_, "A .jsonld graph written by irkg, or article input (.txt, .jsonl, -)")->required();
    app.add_option("ACTOR", actor_, "The centre: id, label, alias or word of a label")->required();
    app.add_option("-f,--format", format_name_,
                   "Output: text (for people), json (one object; keys below) or dot (Graphviz)")
        ->type_name("text|json|dot")
        ->capture_default_str();
    app.add_flag("--directed", options_.directed,
                 "Follow relations only from subject to object (and symmetric ones): whom ACTOR acts on");
    app.add_option("--limit", options_.limit, "Entities listed per group and per ring; 0 lists all")
        ->type_name("N")
        ->capture_default_str();
    common_.add_to(app);
    filters_.add_to(app);
    // --depth is the filters' option (hops from --around); here it is also the neighbourhood's depth.
    app.get_option("--depth")
        ->description(
            "Hops from ACTOR (1: its relations, grouped; 2 or more: every entity within N hops); "
            "also the hops from --around")
        ->each([this](const std::string& value) { depth_text_ = value; });
    app.footer(
        about + "\n\n" +
        "JSON output (--format json; schemas/neighbors-result.schema.json), every key always present:\n"
        "  {\"centre\": ENTITY, \"depth\", \"directed\", \"limit\", \"filters\" (\"\" for none), \"relations\",\n"
        "   \"mentions\" (the centre's own), \"reached\" (entities within depth), \"truncated\" (a list was cut),\n"
        "   \"groups\": [{\"predicate\", \"category\", \"cameo\", \"goldstein\", \"direction\": "
        "\"outgoing\"|\"incoming\"|\n"
        "               \"symmetric\", \"count\", \"mentions\", \"first_date\", \"last_date\", \"truncated\", "
        "\"more\",\n"
        "               \"neighbors\": [{\"entity\": ENTITY, \"mentions\", \"first_date\", \"last_date\" (\"\" when\n"
        "                              undated), \"modalities\", \"evidence\": EVIDENCE}]}],\n"
        "   \"rings\": [{\"distance\", \"count\", \"mentions\", \"truncated\", \"more\",\n"
        "              \"entities\": [{\"entity\": ENTITY, \"distance\", \"mentions\", \"relations\", \"via\", "
        "\"subject\",\n"
        "                            \"predicate\", \"object\" (ids), \"direction\": \"forward\"|\"backward\",\n"
        "                            \"evidence\": EVIDENCE}]}]}\n"
        "  ENTITY = {\"id\", \"label\", \"type\", \"country\" (\"\" when unknown)}\n"
        "  EVIDENCE = {\"doc\" (article id), \"sentence\" (index), \"text\", \"span\": [begin, end]}\n"
        "DOT output (--format dot): a digraph for Graphviz (dot -Tsvg) of ACTOR (double outline), the listed\n"
        "entities and the relations linking them, styled as irkg's .dot export.\n\n" +
        std::string(k_exit_codes));
}

void NeighborsCommand::setup() {
    common_.validate();
    if (format_name_ == "text")
        output_format_ = OutputFormat::text;
    else if (format_name_ == "json")
        output_format_ = OutputFormat::json;
    else if (format_name_ == "dot")
        output_format_ = OutputFormat::dot;
    else
        throw usage_error(
            fmt::format("unknown neighbors output format \"{}\"; valid formats: text, json, dot", format_name_));
    graph_source(graph_);  // throws usage_error for a GRAPH irkg cannot read
    filters_.validate();
    options_.depth = 1;
    if (!depth_text_.empty()) {
        std::size_t depth = 0;
        const char* end = depth_text_.data() + depth_text_.size();
        const auto [ptr, ec] = std::from_chars(depth_text_.data(), end, depth);
        if (ec != std::errc{} || ptr != end || depth == 0)
            throw usage_error(
                fmt::format("--depth \"{}\" is not a number of hops; give 1 or more (e.g. --depth 2)", depth_text_));
        options_.depth = depth;
    }
}

void NeighborsCommand::run(std::ostream& out, std::ostream& err) {
    graph::KnowledgeGraph graph = load_graph(graph_, common_, err);
    std::string filtered;
    const graph::Vertex centre = filter_around_actor(graph, actor_, filters_, common_, filtered);
    graph::Neighborhood neighborhood(graph, centre, options_);
    neighborhood.run();
    const NeighborhoodView view{graph, neighborhood, filtered};
    switch (output_format_) {
        case OutputFormat::text:
            write_neighbors_text(view, out);
            break;
        case OutputFormat::json:
            write_neighbors_json(view, out);
            break;
        case OutputFormat::dot:
            write_neighbors_dot(view, out);
            break;
    }
}

void write_neighbors_text(const NeighborhoodView& view, std::ostream& out) {
    const graph::KnowledgeGraph& graph = view.graph;
    const graph::Neighborhood& hood = view.neighborhood;
    const auto& options = hood.options();
    const graph::Entity& centre = graph.entity(hood.centre());
    const std::string label = one_line(centre.label), id = one_line(centre.id);
    const Colour colour(out);
    const std::string filters = view.filters.empty() ? "" : "; filters: " + view.filters;

    if (options.depth == 1)
        out << fmt::format("Neighbours of {} [{}]: {}, {} relation{}, {}\n({}{})\n", colour.bold(label), id,
                           entities(hood.reached_count()), hood.relation_count(), plural(hood.relation_count()),
                           mentions(hood.mention_count()), direction_note(options.directed), filters);
    else
        out << fmt::format("Neighbourhood of {} [{}] within {} hops: {}\n({}{})\n", colour.bold(label), id,
                           options.depth, entities(hood.reached_count()), direction_note(options.directed), filters);
    const std::string limit_hint = options.limit == 0 ? "" : "; --limit 0 lists all";

    // One table for the whole output, so columns line up across groups; headers are not part of it.
    Table table;
    struct Block {
        std::string header;
        std::size_t rows;
        std::string more;
    };
    std::vector<Block> blocks;
    if (options.depth == 1) {
        for (const auto& group : hood.groups()) {
            const auto& relation = *group.relation;
            std::string shape;
            switch (group.direction) {
                case graph::Direction::outgoing:
                    shape = label + " --" + relation.predicate + "--> X";
                    break;
                case graph::Direction::incoming:
                    shape = "X --" + relation.predicate + "--> " + label;
                    break;
                case graph::Direction::symmetric:
                    shape = label + " <--" + relation.predicate + "--> X";
                    break;
            }
            Block block{
                fmt::format("{}, {} ({}), {}: {}, {}, {}", colour.by_goldstein(relation.goldstein, relation.predicate),
                            graph::to_string(group.direction), shape, relation.category, entities(group.total),
                            mentions(group.mentions), date_range(group.first_date, group.last_date)),
                group.neighbors.size(), ""};
            std::uint64_t listed = 0;
            for (const auto& n : group.neighbors) {
                const auto& edge = graph.edge(n.edge);
                const auto& entity = graph.entity(n.entity);
                listed += edge.weight();
                table.add({one_line(entity.label), one_line(entity.id), mentions(edge.weight()), edge.date_range(),
                           evidence_text(representative_mention(edge).evidence)});
            }
            if (group.truncated())
                block.more =
                    fmt::format("... and {} more ({}){}", group.more(), mentions(group.mentions - listed), limit_hint);
            blocks.push_back(std::move(block));
        }
    } else {
        for (const auto& ring : hood.rings()) {
            Block block{fmt::format("{} hop{}: {}, {} linking them to the nearer ring", ring.distance,
                                    plural(ring.distance), entities(ring.total), mentions(ring.mentions)),
                        ring.entities.size(), ""};
            std::uint64_t listed = 0;
            for (const auto& r : ring.entities) {
                const auto& edge = graph.edge(r.edge);
                const auto& entity = graph.entity(r.entity);
                listed += r.mentions;
                table.add(
                    {one_line(entity.label), one_line(entity.id), mentions(r.mentions),
                     one_line(graph.entity(r.via).label) + " " + arrow(edge, r.forward) + " " + one_line(entity.label),
                     edge.date_range(), evidence_text(representative_mention(edge).evidence)});
            }
            if (ring.truncated())
                block.more =
                    fmt::format("... and {} more ({}){}", ring.more(), mentions(ring.mentions - listed), limit_hint);
            blocks.push_back(std::move(block));
        }
    }

    std::size_t row = 0;
    for (auto& block : blocks) {
        out << '\n' << block.header << '\n';
        for (std::size_t i = 0; i < block.rows; ++i, ++row)
            out << "  " << table.line(row, [&](std::size_t column, const std::string& text) {
                if (column == 0) return colour.bold(text);
                if (column == 1) return colour.dim(text);
                return text;
            }) << '\n';
        if (!block.more.empty()) out << "  " << colour.cyan(block.more) << '\n';
    }
    if (blocks.empty()) out << "\nNo relation" << (view.filters.empty() ? "" : " left after the filters") << ".\n";
}

void write_neighbors_json(const NeighborhoodView& view, std::ostream& out) {
    const graph::KnowledgeGraph& graph = view.graph;
    const graph::Neighborhood& hood = view.neighborhood;
    const auto& options = hood.options();
    const graph::Store& store = graph.store();
    bool truncated = false;
    for (const auto& g : hood.groups()) truncated = truncated || g.truncated();
    for (const auto& r : hood.rings()) truncated = truncated || r.truncated();

    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    auto number = [&w](std::string_view key, std::uint64_t value) {
        json_key(w, key);
        w.Uint64(value);
    };
    auto boolean = [&w](std::string_view key, bool value) {
        json_key(w, key);
        w.Bool(value);
    };
    w.StartObject();
    json_entity(w, "centre", graph.entity(hood.centre()));
    number("depth", options.depth);
    boolean("directed", options.directed);
    number("limit", options.limit);
    json_member(w, "filters", view.filters);
    number("relations", hood.relation_count());
    number("mentions", hood.mention_count());
    number("reached", hood.reached_count());
    boolean("truncated", truncated);

    json_key(w, "groups");
    w.StartArray();
    for (const auto& group : hood.groups()) {
        const auto& relation = *group.relation;
        w.StartObject();
        json_member(w, "predicate", relation.predicate);
        json_member(w, "category", relation.category);
        json_member(w, "cameo", relation.cameo);
        json_key(w, "goldstein");
        w.Double(relation.goldstein);
        json_member(w, "direction", graph::to_string(group.direction));
        number("count", group.total);
        number("mentions", group.mentions);
        json_member(w, "first_date", group.first_date);
        json_member(w, "last_date", group.last_date);
        boolean("truncated", group.truncated());
        number("more", group.more());
        json_key(w, "neighbors");
        w.StartArray();
        for (const auto& n : group.neighbors) {
            const auto& edge = graph.edge(n.edge);
            w.StartObject();
            json_entity(w, "entity", graph.entity(n.entity));
            number("mentions", edge.weight());
            json_member(w, "first_date", edge.first_date());
            json_member(w, "last_date", edge.last_date());
            json_key(w, "modalities");
            w.StartArray();
            for (auto m : edge.modalities()) json_string(w, graph::to_string(m));
            w.EndArray();
            json_key(w, "evidence");
            json_evidence(w, representative_mention(edge).evidence);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();

    json_key(w, "rings");
    w.StartArray();
    for (const auto& ring : hood.rings()) {
        w.StartObject();
        number("distance", ring.distance);
        number("count", ring.total);
        number("mentions", ring.mentions);
        boolean("truncated", ring.truncated());
        number("more", ring.more());
        json_key(w, "entities");
        w.StartArray();
        for (const auto& r : ring.entities) {
            const auto& edge = graph.edge(r.edge);
            w.StartObject();
            json_entity(w, "entity", graph.entity(r.entity));
            number("distance", r.distance);
            number("mentions", r.mentions);
            number("relations", r.relations);
            json_member(w, "via", graph.entity(r.via).id);
            json_member(w, "subject", graph.entity(boost::source(r.edge, store)).id);
            json_member(w, "predicate", edge.relation->predicate);
            json_member(w, "object", graph.entity(boost::target(r.edge, store)).id);
            json_member(w, "direction", r.forward ? "forward" : "backward");
            json_key(w, "evidence");
            json_evidence(w, representative_mention(edge).evidence);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out << buffer.GetString() << '\n';
}

void write_neighbors_dot(const NeighborhoodView& view, std::ostream& out) {
    const graph::KnowledgeGraph& graph = view.graph;
    const graph::Neighborhood& hood = view.neighborhood;
    const graph::Store& store = graph.store();

    // The picture is a small graph of its own, drawn by irkg's DOT writer: same colours and shapes as
    // `irkg render`, and the same quoting.
    graph::KnowledgeGraph picture;
    auto copy_edge = [&](graph::Edge e) {
        const graph::Vertex s = picture.add_entity(graph.entity(boost::source(e, store)));
        const graph::Vertex t = picture.add_entity(graph.entity(boost::target(e, store)));
        const auto& data = graph.edge(e);
        for (const auto& m : data.mentions) picture.add_mention(s, *data.relation, t, m);
    };
    picture.add_entity(graph.entity(hood.centre()));
    std::size_t listed = 0, total = 0;
    if (hood.options().depth == 1) {
        for (const auto& group : hood.groups()) {
            for (const auto& n : group.neighbors) copy_edge(n.edge);
            listed += group.neighbors.size();
            total += group.total;
        }
    } else {
        for (const auto& ring : hood.rings()) {
            listed += ring.entities.size();
            total += ring.total;
            // Each listed entity with the relations back to the centre, through entities perhaps not listed.
            for (const auto& shown : ring.entities)
                for (const graph::Reached* r = &shown; r->distance > 0; r = hood.reached(r->via)) copy_edge(r->edge);
        }
    }

    std::ostringstream dot;
    exporter::DotWriter().write(picture, dot);
    std::string text = dot.str();
    const std::string closing = "}\n";
    if (text.size() >= closing.size()) text.resize(text.size() - closing.size());  // the writer's last line

    const graph::Entity& centre = graph.entity(hood.centre());
    std::string caption =
        fmt::format("{} of {} [{}]{}", hood.options().depth == 1 ? "Neighbours" : "Neighbourhood", centre.label,
                    centre.id, hood.options().depth == 1 ? "" : fmt::format(" within {} hops", hood.options().depth));
    if (listed < total) caption += fmt::format(": {} of {} listed (--limit)", listed, total);
    if (!view.filters.empty()) caption += "; filters: " + view.filters;
    text += fmt::format("  {} [peripheries=2, penwidth=2];\n", exporter::dot_quoted(centre.id, exporter::DotText::id));
    text += fmt::format("  label={};\n  labelloc=t;\n  fontsize=12;\n}}\n", exporter::dot_quoted(caption));
    out << text;
}

graph::Vertex filter_around_actor(graph::KnowledgeGraph& graph, std::string_view name, const FilterOptions& filters,
                                  const CommonOptions& common, std::string& described) {
    graph::Entity actor = graph.entity(graph::EntityIndex(graph).resolve(name));
    described = filters.apply(graph, common.min_confidence, known_relations(common.schemas));
    if (auto v = graph.find(actor.id)) return *v;
    return graph.add_entity(actor);
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;  // not a UTF-8 continuation byte
    return width;
}

std::string pad_right(std::string_view text, std::size_t width) {
    std::string out(text);
    const std::size_t w = display_width(text);
    if (w < width) out.append(width - w, ' ');
    return out;
}

std::string pad_left(std::string_view text, std::size_t width) {
    const std::size_t w = display_width(text);
    std::string out(w < width ? width - w : 0, ' ');
    out += text;
    return out;
}

}  // namespace irkg::cli
