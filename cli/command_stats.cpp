#include "command_stats.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ostream>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "export/utf8_text.hpp"
#include "graph/errors.hpp"
#include "query_output.hpp"

namespace irkg::cli {

void StatsCommand::add_options(CLI::App& app) {
    const graph::GraphStatsOptions defaults;
    const std::string about = fmt::format(
        "Print what GRAPH holds: entities, relations and mentions; counts by entity type, category and\n"
        "predicate; weakly connected components; the top N actors by degree (relations as subject or\n"
        "object), weighted degree (their mentions), betweenness and PageRank. Ties: entity id order.\n"
        "GRAPH is a .jsonld written by irkg, or article input (.txt, .jsonl, - for stdin) built in memory;\n"
        "the filters cut it first.\n\n"
        "Betweenness (Brandes, boost::brandes_betweenness_centrality): shortest paths on the undirected\n"
        "view (relations followed either way, parallel relations one link, self-loops ignored, every\n"
        "link one hop), normalised by (n-1)(n-2)/2 as networkx's betweenness_centrality. Exact up to\n"
        "{} entities; above, estimated from K source entities (--betweenness-samples, default {})\n"
        "drawn with a fixed seed ({}), scaled by n/K, and the output says it is an estimate. --exact\n"
        "forces the O(entities x relations) exact computation; --betweenness-samples 0 skips it.\n"
        "PageRank: power iteration on the directed graph (subject -> object; symmetric relations both\n"
        "ways), links weighted by mentions, dangling rank spread evenly, damping {}, until the L1\n"
        "change is below {} (at most {} iterations): networkx's pagerank(weight=\"weight\").\n"
        "--threads also runs betweenness and PageRank; the numbers are the same for any --threads and\n"
        "on every run.\n\n"
        "JSON output (--format json; schemas/stats-result.schema.json):\n"
        "  {{\"entities\", \"relations\", \"mentions\", \"self_loops\", \"filters\", \"top\",\n"
        "   \"types\": {{TYPE: n}}, \"categories\": {{CAT: {{\"relations\", \"mentions\"}}}},\n"
        "   \"predicates\": {{P: {{\"category\", \"relations\", \"mentions\"}}}},\n"
        "   \"components\": {{\"count\", \"isolated\", \"largest\": [sizes]}},\n"
        "   \"degree\": [RANKED], \"weighted_degree\": [RANKED],\n"
        "   \"betweenness\": {{\"method\": \"exact\"|\"estimate\"|\"skipped\", \"sources\", \"seed\", \"directed\",\n"
        "                   \"normalized\", \"top\": [RANKED]}},\n"
        "   \"pagerank\": {{\"damping\", \"tolerance\", \"iterations\", \"converged\", \"weight\", \"top\": "
        "[RANKED]}}}}\n"
        "  RANKED = {{\"id\", \"label\", \"type\", \"value\"}}",
        defaults.exact_limit, defaults.samples, defaults.seed, defaults.damping, defaults.tolerance,
        defaults.max_iterations);
    app.add_option("GRAPH", graph_, "A .jsonld graph written by irkg, or article input (.txt, .jsonl, -)")->required();
    app.add_option("--top", top_, "How many actors each ranking lists")->type_name("N")->capture_default_str();
    app.add_option("-f,--format", format_name_, "Output: text (aligned tables) or json (one object; keys below)")
        ->type_name("text|json")
        ->capture_default_str();
    app.add_option_function<std::size_t>(
           "--betweenness-samples",
           [this](const std::size_t& k) {
               samples_ = k;
               samples_given_ = true;
           },
           "Estimate betweenness from K source entities (fixed seed) whatever the size; 0 skips betweenness")
        ->type_name("K");
    app.add_flag("--exact", exact_,
                 "Exact betweenness whatever the size (slow on large graphs: O(entities x relations))");
    common_.add_to(app);
    filters_.add_to(app);
    app.footer(about + "\n\n" + std::string(k_exit_codes));
}

void StatsCommand::setup() {
    common_.validate();
    filters_.validate();
    if (format_name_ == "text")
        output_format_ = OutputFormat::text;
    else if (format_name_ == "json")
        output_format_ = OutputFormat::json;
    else
        throw usage_error(fmt::format("unknown stats output format \"{}\"; valid formats: text, json", format_name_));
    if (top_ == 0) throw usage_error("--top 0 lists nobody; give 1 or more (the default is 10)");
    if (exact_ && samples_given_)
        throw usage_error("--exact and --betweenness-samples contradict each other; give one of them");
    graph_source(graph_);  // throws usage_error for a GRAPH irkg cannot read

    options_ = graph::GraphStatsOptions{};
    options_.top = top_;
    if (exact_) {
        options_.betweenness = graph::BetweennessMode::exact;
    } else if (samples_given_) {
        options_.betweenness = samples_ == 0 ? graph::BetweennessMode::skipped : graph::BetweennessMode::sampled;
        options_.samples = samples_;
    }
}

void StatsCommand::run(std::ostream& out, std::ostream& err) {
    const auto started = std::chrono::steady_clock::now();
    graph::KnowledgeGraph graph = load_graph(graph_, common_, err);
    const std::string filtered = filters_.apply(graph, common_.min_confidence, known_relations(common_.schemas));
    options_.threads = common_.thread_count();
    graph::GraphStats stats(graph, options_);
    stats.run();
    if (output_format_ == OutputFormat::json)
        write_stats_json(graph, stats, filtered, out);
    else
        write_stats_text(graph, stats, filtered, out);
    if (!common_.quiet)
        err << fmt::format("irkg stats: {} entit{}, {} relation{}{} ({:.2f} s)\n", graph.num_entities(),
                           graph.num_entities() == 1 ? "y" : "ies", graph.num_relations(),
                           plural(graph.num_relations()), filtered.empty() ? "" : " kept by " + filtered,
                           seconds_since(started));
}

namespace {

/// Text for a table cell: valid UTF-8 without control characters (a label may hold a newline).
std::string cell_text(std::string_view text) {
    std::string out = exporter::to_valid_utf8(text);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    return out;
}

/// Columns a text takes: its code points (combining and wide characters are rare in names).
std::size_t text_width(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

struct Cell {
    std::string plain;   ///< what is measured
    std::string styled;  ///< what is printed (plain with colour codes)
};

/// A table of left-aligned text and right-aligned numbers, each column as wide as its widest cell.
class Table {
public:
    Table(std::vector<std::string> headers, std::vector<bool> right)
        : headers_(std::move(headers)), right_(std::move(right)) {}

    void add(std::vector<Cell> row) { rows_.push_back(std::move(row)); }
    void add_plain(const std::vector<std::string>& row) {
        std::vector<Cell> cells;
        for (const auto& text : row) cells.push_back({text, text});
        add(std::move(cells));
    }

    void print(std::ostream& out, const Colour& colour) const {
        std::vector<std::size_t> widths(headers_.size());
        for (std::size_t c = 0; c < headers_.size(); ++c) widths[c] = text_width(headers_[c]);
        for (const auto& row : rows_)
            for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], text_width(row[c].plain));
        auto line = [&](const std::vector<Cell>& cells, bool header) {
            std::string text = "  ";
            for (std::size_t c = 0; c < cells.size(); ++c) {
                const std::string pad(widths[c] - text_width(cells[c].plain), ' ');
                const std::string& shown = header ? colour.bold(cells[c].plain) : cells[c].styled;
                if (c > 0) text += "  ";
                text += right_[c] ? pad + shown : (c + 1 == cells.size() ? shown : shown + pad);
            }
            out << text << '\n';
        };
        std::vector<Cell> header;
        for (const auto& h : headers_) header.push_back({h, h});
        if (std::any_of(headers_.begin(), headers_.end(), [](const auto& h) { return !h.empty(); })) line(header, true);
        for (const auto& row : rows_) line(row, false);
    }

private:
    std::vector<std::string> headers_;
    std::vector<bool> right_;
    std::vector<std::vector<Cell>> rows_;
};

/// Decimals that show the smallest positive value of a ranking with 3 significant digits (at least 6), so
/// a column of PageRank values around 1e-6 (a million entities) is as readable as one around 0.1.
int decimals_for(const std::vector<graph::RankedEntity>& ranked) {
    double smallest = 1.0;
    for (const auto& r : ranked)
        if (r.value > 0.0) smallest = std::min(smallest, r.value);
    return std::clamp(static_cast<int>(std::ceil(-std::log10(smallest))) + 2, 6, 15);
}

Cell entity_cell(const graph::Entity& e, const Colour& colour) {
    const std::string label = cell_text(e.label), id = "[" + cell_text(e.id) + "]";
    return {label + " " + id, label + " " + colour.dim(id)};
}

/// Counts sorted for reading: most first, then by name.
std::vector<graph::RelationCount> by_count(std::vector<graph::RelationCount> counts) {
    std::stable_sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
        return a.relations != b.relations ? a.relations > b.relations : a.mentions > b.mentions;
    });
    return counts;
}

void ranking(std::ostream& out, const Colour& colour, const graph::KnowledgeGraph& graph, const std::string& title,
             const std::string& value_name, const std::vector<graph::RankedEntity>& ranked, bool integer) {
    out << '\n' << colour.bold(title) << '\n';
    Table table({"#", "entity", "type", value_name}, {true, false, false, true});
    std::size_t rank = 0;
    const int decimals = decimals_for(ranked);
    for (const auto& r : ranked) {
        const auto& e = graph.entity(r.vertex);
        const std::string value = integer ? fmt::format("{}", static_cast<std::uint64_t>(r.value))
                                          : fmt::format("{:.{}f}", r.value, decimals);
        const std::string type(graph::to_string(e.type));
        table.add(
            {{std::to_string(++rank), std::to_string(rank)}, entity_cell(e, colour), {type, type}, {value, value}});
    }
    table.print(out, colour);
}

std::string betweenness_method(const graph::GraphStats& stats) {
    if (!stats.betweenness_computed()) return "skipped";
    return stats.betweenness_exact() ? "exact" : "estimate";
}

}  // namespace

void write_stats_text(const graph::KnowledgeGraph& graph, const graph::GraphStats& stats, const std::string& filters,
                      std::ostream& out) {
    const Colour colour(out);
    out << colour.bold("Graph") << (filters.empty() ? "" : " (kept by " + filters + ")") << '\n';
    const auto& sizes = stats.component_sizes();
    std::string largest;
    for (std::size_t i = 0; i < std::min(sizes.size(), stats.options().top); ++i)
        largest += (largest.empty() ? "" : ", ") + std::to_string(sizes[i]);
    Table summary({"", ""}, {false, true});
    summary.add_plain({"entities", std::to_string(stats.entities())});
    summary.add_plain({"relations", std::to_string(stats.relations())});
    summary.add_plain({"mentions", std::to_string(stats.mentions())});
    summary.add_plain({"self-loops", std::to_string(stats.self_loops())});
    summary.add_plain({"isolated entities", std::to_string(stats.isolated())});
    summary.add_plain({"components", std::to_string(stats.components())});
    summary.print(out, colour);
    if (!largest.empty()) out << "  (weakly connected; largest: " << largest << ")\n";

    out << '\n' << colour.bold("Entities by type") << '\n';
    auto types = stats.by_type();
    std::stable_sort(types.begin(), types.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    Table type_table({"type", "entities"}, {false, true});
    for (const auto& [type, count] : types)
        type_table.add_plain({std::string(graph::to_string(type)), std::to_string(count)});
    type_table.print(out, colour);

    out << '\n' << colour.bold("Relations by category") << '\n';
    Table category_table({"category", "relations", "mentions"}, {false, true, true});
    for (const auto& c : by_count(stats.by_category()))
        category_table.add_plain({cell_text(c.name), std::to_string(c.relations), std::to_string(c.mentions)});
    category_table.print(out, colour);

    out << '\n' << colour.bold("Relations by predicate") << '\n';
    Table predicate_table({"predicate", "category", "relations", "mentions"}, {false, false, true, true});
    for (const auto& c : by_count(stats.by_predicate()))
        predicate_table.add_plain(
            {cell_text(c.name), cell_text(c.category), std::to_string(c.relations), std::to_string(c.mentions)});
    predicate_table.print(out, colour);

    const std::size_t top = stats.options().top;
    ranking(out, colour, graph, fmt::format("Top {} by degree (relations as subject or object)", top), "degree",
            stats.top_degree(), true);
    ranking(out, colour, graph, fmt::format("Top {} by weighted degree (mentions of those relations)", top), "mentions",
            stats.top_weighted_degree(), true);
    if (!stats.betweenness_computed()) {
        out << '\n' << colour.bold("Betweenness") << ": skipped (--betweenness-samples 0)\n";
    } else {
        const std::string how = stats.betweenness_exact()
                                    ? "exact"
                                    : fmt::format("ESTIMATE from {} of {} entities as sources, seed {}",
                                                  stats.betweenness_sources(), stats.entities(), stats.options().seed);
        ranking(out, colour, graph, fmt::format("Top {} by betweenness ({}; undirected, normalised)", top, how),
                "betweenness", stats.top_betweenness(), false);
    }
    ranking(out, colour, graph,
            fmt::format("Top {} by PageRank (damping {}, weighted by mentions; {} after {} iteration{})", top,
                        stats.options().damping, stats.pagerank_converged() ? "converged" : "NOT converged",
                        stats.pagerank_iterations(), plural(stats.pagerank_iterations())),
            "pagerank", stats.top_pagerank(), false);
}

void write_stats_json(const graph::KnowledgeGraph& graph, const graph::GraphStats& stats, const std::string& filters,
                      std::ostream& out) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    auto count = [&](std::string_view key, std::uint64_t value) {
        json_key(w, key);
        w.Uint64(value);
    };
    auto ranked = [&](std::string_view key, const std::vector<graph::RankedEntity>& list, bool integer) {
        json_key(w, key);
        w.StartArray();
        for (const auto& r : list) {
            const auto& e = graph.entity(r.vertex);
            w.StartObject();
            json_member(w, "id", e.id);
            json_member(w, "label", e.label);
            json_member(w, "type", graph::to_string(e.type));
            json_key(w, "value");
            if (integer)
                w.Uint64(static_cast<std::uint64_t>(r.value));
            else
                w.Double(r.value);
            w.EndObject();
        }
        w.EndArray();
    };
    auto relation_counts = [&](std::string_view key, const std::vector<graph::RelationCount>& counts, bool category) {
        json_key(w, key);
        w.StartObject();
        for (const auto& c : counts) {
            json_key(w, c.name);
            w.StartObject();
            if (category) json_member(w, "category", c.category);
            count("relations", c.relations);
            count("mentions", c.mentions);
            w.EndObject();
        }
        w.EndObject();
    };

    w.StartObject();
    count("entities", stats.entities());
    count("relations", stats.relations());
    count("mentions", stats.mentions());
    count("self_loops", stats.self_loops());
    json_member(w, "filters", filters);
    count("top", stats.options().top);
    json_key(w, "types");
    w.StartObject();
    for (const auto& [type, n] : stats.by_type()) count(graph::to_string(type), n);
    w.EndObject();
    relation_counts("categories", stats.by_category(), false);
    relation_counts("predicates", stats.by_predicate(), true);

    json_key(w, "components");
    w.StartObject();
    count("count", stats.components());
    count("isolated", stats.isolated());
    json_key(w, "largest");
    w.StartArray();
    const auto& sizes = stats.component_sizes();
    for (std::size_t i = 0; i < std::min(sizes.size(), stats.options().top); ++i) w.Uint64(sizes[i]);
    w.EndArray();
    w.EndObject();

    ranked("degree", stats.top_degree(), true);
    ranked("weighted_degree", stats.top_weighted_degree(), true);

    json_key(w, "betweenness");
    w.StartObject();
    json_member(w, "method", betweenness_method(stats));
    count("sources", stats.betweenness_sources());
    count("seed", stats.options().seed);
    json_key(w, "directed");
    w.Bool(false);
    json_key(w, "normalized");
    w.Bool(true);
    ranked("top", stats.top_betweenness(), false);
    w.EndObject();

    json_key(w, "pagerank");
    w.StartObject();
    json_key(w, "damping");
    w.Double(stats.options().damping);
    json_key(w, "tolerance");
    w.Double(stats.options().tolerance);
    count("iterations", stats.pagerank_iterations());
    json_key(w, "converged");
    w.Bool(stats.pagerank_converged());
    json_member(w, "weight", "mentions");
    ranked("top", stats.top_pagerank(), false);
    w.EndObject();

    w.EndObject();
    out << buffer.GetString() << '\n';
}

}  // namespace irkg::cli
