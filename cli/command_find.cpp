#include "command_find.hpp"

#include <algorithm>
#include <array>
#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "command_neighbors.hpp"
#include "commands.hpp"
#include "graph/errors.hpp"
#include "query_output.hpp"

namespace irkg::cli {

namespace {

struct Counts {
    std::size_t degree = 0;
    std::uint64_t mentions = 0;
};

/// Relations at `v` (a self-loop twice, as degree counts) and their mentions (a self-loop's once).
Counts counts(const graph::KnowledgeGraph& graph, graph::Vertex v) {
    const graph::Store& store = graph.store();
    Counts c;
    c.degree = boost::out_degree(v, store) + boost::in_degree(v, store);
    for (auto e : boost::make_iterator_range(boost::out_edges(v, store))) c.mentions += graph.edge(e).weight();
    for (auto e : boost::make_iterator_range(boost::in_edges(v, store)))
        if (boost::source(e, store) != v) c.mentions += graph.edge(e).weight();
    return c;
}

std::string match_text(const graph::Candidate& c) {
    std::string text = fmt::format("{} \"{}\"", graph::to_string(c.kind), one_line(c.matched));
    if (c.kind == graph::MatchKind::typo) text += fmt::format(" ({} edit{})", c.distance, plural(c.distance));
    return text;
}

}  // namespace

void FindCommand::add_options(CLI::App& app) {
    const std::string about =
        "List the entities NAME may mean, best first, one per line with its id, label, type, country, how it\n"
        "matched, its degree (relations, either direction) and mentions. Matches, in rank order: the exact\n"
        "id; an id or label in any case; an alias seen in the articles (\"PRC\", \"Pyongyang\"); every word of\n"
        "NAME a word of the label (\"wang\"); an id, label, alias or label word starting with NAME (\"Chi\");\n"
        "a small typo (edit distance up to max(1, length / 3): \"blinkn\"). Ties: closer first, then higher\n"
        "degree, then id. Use an id from this list wherever irkg takes an ACTOR. With the filters, only the\n"
        "entities they keep are searched. Exit 1 when no entity is close (the nearest are listed).\n"
        "GRAPH is a .jsonld written by irkg build, or article input (.txt, .jsonl, - for stdin).\n"
        "Example:\n"
        "  irkg find out/graph.jsonld blinkn\n"
        "  irkg find news.jsonld Kim --type person --format json";
    app.add_option("GRAPH", graph_, "A .jsonld graph written by irkg, or article input (.txt, .jsonl, -)")->required();
    app.add_option("NAME", query_, "The name to look up (any case; a prefix or a small typo will do)")->required();
    app.add_option("-f,--format", format_name_, "Output: text (for people) or json (one object; keys below)")
        ->type_name("text|json")
        ->capture_default_str();
    app.add_option("--limit", limit_, "Candidates listed; 0 lists all")->type_name("N")->capture_default_str();
    common_.add_to(app);
    filters_.add_to(app);
    app.footer(
        about + "\n\n" +
        "JSON output (--format json; schemas/find-result.schema.json), every key always present:\n"
        "  {\"query\", \"filters\" (\"\" for none), \"limit\", \"count\" (every candidate), \"truncated\", \"more\",\n"
        "   \"candidates\": [{\"id\", \"label\", \"type\", \"country\" (\"\" when unknown), \"aliases\": [...],\n"
        "                   \"match\": \"id\"|\"label\"|\"alias\"|\"word\"|\"prefix\"|\"typo\", \"matched\" (the name "
        "that\n"
        "                   matched, as the entity spells it), \"distance\" (edits), \"degree\", \"mentions\"}]}\n\n" +
        std::string(k_exit_codes));
}

void FindCommand::setup() {
    common_.validate();
    if (format_name_ == "text")
        output_format_ = OutputFormat::text;
    else if (format_name_ == "json")
        output_format_ = OutputFormat::json;
    else
        throw usage_error(fmt::format("unknown find output format \"{}\"; valid formats: text, json", format_name_));
    graph_source(graph_);  // throws usage_error for a GRAPH irkg cannot read
    filters_.validate();
    if (graph::split_words(query_).empty()) throw usage_error("NAME is empty; give a name to look up, e.g. \"China\"");
}

void FindCommand::run(std::ostream& out, std::ostream& err) {
    graph::KnowledgeGraph graph = load_graph(graph_, common_, err);
    FindResult result{
        query_, filters_.apply(graph, common_.min_confidence, known_relations(common_.schemas)), limit_, {}};
    const graph::EntityIndex index(graph);
    result.candidates = index.candidates(query_);
    if (result.candidates.empty()) {
        const std::string where = result.filters.empty() ? "" : " after the filters (" + result.filters + ")";
        if (graph.num_entities() == 0)
            throw query_error(fmt::format("no entity called \"{}\": the graph is empty{}", query_, where));
        std::string nearest;
        for (graph::Vertex v : index.nearest(query_)) nearest += "\n  " + index.describe(v);
        throw query_error(fmt::format(
            "no entity called or close to \"{}\"{} (by id, label, alias, word of a label, prefix or a typo of up to "
            "{} edit{}); the nearest are:{}",
            query_, where, std::max<std::size_t>(1, query_.size() / 3),
            plural(std::max<std::size_t>(1, query_.size() / 3)), nearest));
    }
    if (output_format_ == OutputFormat::json)
        write_find_json(graph, result, out);
    else
        write_find_text(graph, result, out);
}

void write_find_text(const graph::KnowledgeGraph& graph, const FindResult& result, std::ostream& out) {
    const Colour colour(out);
    const std::size_t count = result.candidates.size();
    const std::size_t listed = result.limit == 0 ? count : std::min(count, result.limit);
    out << fmt::format("{} candidate{} for \"{}\"{}:\n", count, plural(count), one_line(result.query),
                       result.filters.empty() ? "" : " (filters: " + result.filters + ")");

    constexpr std::size_t columns = 7;
    std::vector<std::array<std::string, columns>> rows;
    rows.push_back({"ID", "LABEL", "TYPE", "COUNTRY", "MATCH", "DEGREE", "MENTIONS"});
    for (std::size_t i = 0; i < listed; ++i) {
        const auto& c = result.candidates[i];
        const graph::Entity& e = graph.entity(c.vertex);
        const Counts n = counts(graph, c.vertex);
        rows.push_back({one_line(e.id), one_line(e.label), std::string(graph::to_string(e.type)),
                        e.country.empty() ? "-" : e.country, match_text(c), std::to_string(n.degree),
                        std::to_string(n.mentions)});
    }
    std::array<std::size_t, columns> widths{};
    for (const auto& row : rows)
        for (std::size_t i = 0; i < columns; ++i) widths[i] = std::max(widths[i], display_width(row[i]));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& row = rows[r];
        std::string line = "  ";
        for (std::size_t i = 0; i < columns; ++i) {
            const bool number = i >= 5;
            std::string cell = number ? pad_left(row[i], widths[i]) : pad_right(row[i], widths[i]);
            if (r == 0)
                cell = colour.dim(cell);
            else if (i == 0)
                cell = colour.bold(cell);
            line += cell + (i + 1 < columns ? "  " : "");
        }
        out << line << '\n';
    }
    if (listed < count)
        out << colour.cyan(fmt::format("  ... and {} more; --limit 0 lists all", count - listed)) << '\n';
}

void write_find_json(const graph::KnowledgeGraph& graph, const FindResult& result, std::ostream& out) {
    const std::size_t count = result.candidates.size();
    const std::size_t listed = result.limit == 0 ? count : std::min(count, result.limit);
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    auto number = [&w](std::string_view key, std::uint64_t value) {
        json_key(w, key);
        w.Uint64(value);
    };
    w.StartObject();
    json_member(w, "query", result.query);
    json_member(w, "filters", result.filters);
    number("limit", result.limit);
    number("count", count);
    json_key(w, "truncated");
    w.Bool(listed < count);
    number("more", count - listed);
    json_key(w, "candidates");
    w.StartArray();
    for (std::size_t i = 0; i < listed; ++i) {
        const auto& c = result.candidates[i];
        const graph::Entity& e = graph.entity(c.vertex);
        const Counts n = counts(graph, c.vertex);
        w.StartObject();
        json_member(w, "id", e.id);
        json_member(w, "label", e.label);
        json_member(w, "type", graph::to_string(e.type));
        json_member(w, "country", e.country);
        json_key(w, "aliases");
        w.StartArray();
        for (const auto& alias : e.aliases) json_string(w, alias);
        w.EndArray();
        json_member(w, "match", graph::to_string(c.kind));
        json_member(w, "matched", c.matched);
        number("distance", c.distance);
        number("degree", n.degree);
        number("mentions", n.mentions);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out << buffer.GetString() << '\n';
}

}  // namespace irkg::cli
