#include "command_timeline.hpp"

#include <ostream>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "command_neighbors.hpp"
#include "commands.hpp"
#include "graph/errors.hpp"
#include "query_output.hpp"

namespace irkg::cli {

namespace {

std::string time_text(const graph::TimeSpan& time) {
    if (time.start.empty()) return "undated";
    if (time.end.empty() || time.end == time.start) return time.start;
    return time.start + " to " + time.end;
}

}  // namespace

void TimelineCommand::add_options(CLI::App& app) {
    const std::string about =
        "List every mention of every relation of ACTOR (as subject or object) in date order: one line each\n"
        "with its date, the relation (arrows show who acts on whom), modality, confidence, and the evidence\n"
        "sentence with its article id. Order: dated mentions by start date, then end date; undated ones last;\n"
        "ties by article id, sentence and position, then predicate, subject id and object id. --since and\n"
        "--until (shared filters) keep the mentions of a period; --limit caps the list (\"... and N more\").\n"
        "GRAPH is a .jsonld written by irkg build, or article input (.txt, .jsonl, - for stdin). ACTOR is an\n"
        "id, label or alias in any case, or a word of a label; an ambiguous or unknown name lists candidates.\n"
        "Example:\n"
        "  irkg timeline out/graph.jsonld Blinken\n"
        "  irkg timeline news.jsonld \"North Korea\" --since 2024-01 --until 2024-06 --category ASSAULT,THREATEN\n"
        "  irkg timeline news.jsonld Pyongyang --format json --limit 0 > nk.json";
    app.add_option("GRAPH", graph_, "A .jsonld graph written by irkg, or article input (.txt, .jsonl, -)")->required();
    app.add_option("ACTOR", actor_, "Whose timeline: id, label, alias or word of a label")->required();
    app.add_option("-f,--format", format_name_, "Output: text (for people) or json (one object; keys below)")
        ->type_name("text|json")
        ->capture_default_str();
    app.add_option("--limit", options_.limit, "Mentions listed (the earliest); 0 lists all")
        ->type_name("N")
        ->capture_default_str();
    common_.add_to(app);
    filters_.add_to(app);
    app.footer(
        about + "\n\n" +
        "JSON output (--format json; schemas/timeline-result.schema.json), every key always present:\n"
        "  {\"actor\": ENTITY, \"filters\" (\"\" for none), \"limit\", \"total\" (mentions), \"relations\", "
        "\"undated\",\n"
        "   \"first_date\", \"last_date\" (\"\" when none is dated), \"truncated\", \"more\",\n"
        "   \"items\": [{\"time\": {\"text\", \"start\", \"end\"} (\"\" when unknown), \"subject\": ENTITY, "
        "\"predicate\",\n"
        "              \"object\": ENTITY, \"direction\": \"outgoing\"|\"incoming\"|\"symmetric\" (seen from ACTOR),\n"
        "              \"category\", \"cameo\", \"goldstein\", \"modality\", \"confidence\", \"evidence\": "
        "EVIDENCE}]}\n"
        "  ENTITY = {\"id\", \"label\", \"type\", \"country\" (\"\" when unknown)}\n"
        "  EVIDENCE = {\"doc\" (article id), \"sentence\" (index), \"text\", \"span\": [begin, end]}\n\n" +
        std::string(k_exit_codes));
}

void TimelineCommand::setup() {
    common_.validate();
    if (format_name_ == "text")
        output_format_ = OutputFormat::text;
    else if (format_name_ == "json")
        output_format_ = OutputFormat::json;
    else
        throw usage_error(
            fmt::format("unknown timeline output format \"{}\"; valid formats: text, json", format_name_));
    graph_source(graph_);  // throws usage_error for a GRAPH irkg cannot read
    filters_.validate();
}

void TimelineCommand::run(std::ostream& out, std::ostream& err) {
    graph::KnowledgeGraph graph = load_graph(graph_, common_, err);
    std::string filtered;
    const graph::Vertex actor = filter_around_actor(graph, actor_, filters_, common_, filtered);
    graph::Timeline timeline(graph, actor, options_);
    timeline.run();
    if (output_format_ == OutputFormat::json)
        write_timeline_json(graph, timeline, options_, filtered, out);
    else
        write_timeline_text(graph, timeline, options_, filtered, out);
}

void write_timeline_text(const graph::KnowledgeGraph& graph, const graph::Timeline& timeline,
                         const graph::TimelineOptions& options, const std::string& filters, std::ostream& out) {
    const graph::Entity& actor = graph.entity(timeline.actor());
    const graph::Store& store = graph.store();
    const Colour colour(out);
    const std::size_t total = timeline.total();
    std::string period = timeline.first_date().empty() ? "none dated"
                                                       : (timeline.first_date() == timeline.last_date()
                                                              ? timeline.first_date()
                                                              : timeline.first_date() + " to " + timeline.last_date());
    if (timeline.undated() > 0 && !timeline.first_date().empty())
        period += fmt::format(", {} undated", timeline.undated());
    out << fmt::format("Timeline of {} [{}]: {} mention{} of {} relation{}, {}\n", colour.bold(actor.label), actor.id,
                       total, plural(total), timeline.relations(), plural(timeline.relations()), period);
    if (!filters.empty()) out << "(filters: " << filters << ")\n";
    if (total == 0) {
        out << "\nNo relation" << (filters.empty() ? "" : " left after the filters") << ".\n";
        return;
    }

    struct Row {
        std::string date, relation, modality, confidence, evidence;
        double goldstein;
    };
    std::vector<Row> rows;
    std::size_t widths[4] = {0, 0, 0, 0};
    for (const auto& item : timeline.items()) {
        const auto& edge = graph.edge(item.edge);
        const graph::Mention& m = *item.mention;
        Row row{time_text(m.time),
                one_line(graph.entity(boost::source(item.edge, store)).label) + " " + arrow(edge, true) + " " +
                    one_line(graph.entity(boost::target(item.edge, store)).label),
                std::string(graph::to_string(m.modality)),
                fmt::format("{:.2f}", m.confidence),
                evidence_text(m.evidence),
                edge.relation->goldstein};
        widths[0] = std::max(widths[0], display_width(row.date));
        widths[1] = std::max(widths[1], display_width(row.relation));
        widths[2] = std::max(widths[2], display_width(row.modality));
        widths[3] = std::max(widths[3], display_width(row.confidence));
        rows.push_back(std::move(row));
    }
    out << '\n';
    for (const auto& row : rows)
        out << colour.dim(pad_right(row.date, widths[0])) << "  "
            << colour.by_goldstein(row.goldstein, pad_right(row.relation, widths[1])) << "  "
            << pad_right(row.modality, widths[2]) << "  " << pad_left(row.confidence, widths[3]) << "  " << row.evidence
            << '\n';
    if (timeline.truncated())
        out << colour.cyan(
                   fmt::format("... and {} more{}", timeline.more(), options.limit == 0 ? "" : "; --limit 0 lists all"))
            << '\n';
}

void write_timeline_json(const graph::KnowledgeGraph& graph, const graph::Timeline& timeline,
                         const graph::TimelineOptions& options, const std::string& filters, std::ostream& out) {
    const graph::Store& store = graph.store();
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    auto number = [&w](std::string_view key, std::uint64_t value) {
        json_key(w, key);
        w.Uint64(value);
    };
    w.StartObject();
    json_entity(w, "actor", graph.entity(timeline.actor()));
    json_member(w, "filters", filters);
    number("limit", options.limit);
    number("total", timeline.total());
    number("relations", timeline.relations());
    number("undated", timeline.undated());
    json_member(w, "first_date", timeline.first_date());
    json_member(w, "last_date", timeline.last_date());
    json_key(w, "truncated");
    w.Bool(timeline.truncated());
    number("more", timeline.more());
    json_key(w, "items");
    w.StartArray();
    for (const auto& item : timeline.items()) {
        const auto& relation = *graph.edge(item.edge).relation;
        const graph::Mention& m = *item.mention;
        w.StartObject();
        json_key(w, "time");
        w.StartObject();
        json_member(w, "text", m.time.text);
        json_member(w, "start", m.time.start);
        json_member(w, "end", m.time.end);
        w.EndObject();
        json_entity(w, "subject", graph.entity(boost::source(item.edge, store)));
        json_member(w, "predicate", relation.predicate);
        json_entity(w, "object", graph.entity(boost::target(item.edge, store)));
        json_member(w, "direction", graph::to_string(item.direction));
        json_member(w, "category", relation.category);
        json_member(w, "cameo", relation.cameo);
        json_key(w, "goldstein");
        w.Double(relation.goldstein);
        json_member(w, "modality", graph::to_string(m.modality));
        json_key(w, "confidence");
        w.Double(m.confidence);
        json_key(w, "evidence");
        json_evidence(w, m.evidence);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out << buffer.GetString() << '\n';
}

}  // namespace irkg::cli
