#include "csv_writer.hpp"

#include <cmath>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "atomic_file.hpp"
#include "graph/errors.hpp"
#include "utf8_text.hpp"

namespace irkg::exporter {

namespace {

using graph::Edge;
using graph::KnowledgeGraph;
using graph::Vertex;

constexpr std::string_view k_nodes_header = "Id,Label,Type,Country,Aliases\n";
constexpr std::string_view k_edges_header =
    "Source,Target,Type,Kind,Id,Label,Weight,Category,Cameo,Goldstein,FirstDate,LastDate,MeanConfidence,"
    "Modalities\n";
constexpr std::string_view k_neo4j_nodes_header = "id:ID,label,type:LABEL,country,aliases:string[]\n";
constexpr std::string_view k_neo4j_edges_header =
    ":START_ID,:END_ID,:TYPE,id,category,cameo,goldstein:double,weight:int,first_date:date,last_date:date,"
    "mean_confidence:double,modalities:string[],symmetric:boolean\n";

/// Appends one RFC 4180 field (without its separator).
void append_field(std::string& out, std::string_view raw) {
    std::string text = to_valid_utf8(raw);
    std::erase(text, '\0');
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

/// Builds one row: fields separated by commas, ended by LF.
class Row {
public:
    explicit Row(std::string& out) : out_(out) {}
    Row& operator<<(std::string_view field) {
        if (!first_) out_ += ',';
        first_ = false;
        append_field(out_, field);
        return *this;
    }
    void end() { out_ += '\n'; }

private:
    std::string& out_;
    bool first_ = true;
};

std::string number(double value, std::string_view what) {
    if (!std::isfinite(value)) throw input_error(fmt::format("CSV: {} is not a finite number ({})", what, value));
    // Shortest round-trip form, but always with a '.' or an exponent ("1.0", not "1"), so that pandas
    // reads a float column even when every value in it happens to be integral.
    std::string text = fmt::format("{}", value);
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

template <class Range>
std::string join(const Range& items, char separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

void flush(std::ostream& out, std::string& chunk) {
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    chunk.clear();
}

}  // namespace

CsvWriter::CsvWriter(const WriterOptions& options) : output_(options.output) {
    if (output_ == "-")
        throw usage_error(
            "CSV cannot go to standard output (-): it is two files, the edges in the file -o names and the nodes "
            "in <stem>.nodes.csv beside it; give a file path such as -o out/graph.csv");
    if (options.csv_dialect == "neo4j")
        neo4j_ = true;
    else if (options.csv_dialect != "default" && !options.csv_dialect.empty())
        throw usage_error(
            fmt::format("unknown CSV dialect \"{}\"; valid dialects: default, neo4j", options.csv_dialect));
}

std::filesystem::path CsvWriter::nodes_path(const std::filesystem::path& edges_path) {
    return edges_path.parent_path() / (edges_path.stem().string() + ".nodes.csv");
}

void CsvWriter::write_nodes(const KnowledgeGraph& graph, std::ostream& out) const {
    std::string chunk(neo4j_ ? k_neo4j_nodes_header : k_nodes_header);
    for (Vertex v : graph.sorted_vertices()) {
        const auto& entity = graph.entity(v);
        Row row(chunk);
        row << entity.id << entity.label << graph::to_string(entity.type) << entity.country
            << join(entity.aliases, neo4j_ ? ';' : '|');
        row.end();
        if (chunk.size() > (1u << 16)) flush(out, chunk);
    }
    flush(out, chunk);
}

void CsvWriter::write_edges(const KnowledgeGraph& graph, std::ostream& out) const {
    const auto& store = graph.store();
    std::string chunk(neo4j_ ? k_neo4j_edges_header : k_edges_header);
    for (Edge e : graph.sorted_edges()) {
        const auto& data = graph.edge(e);
        const auto& relation = *data.relation;
        const std::string id = graph.edge_id(e);
        const std::string goldstein = number(relation.goldstein, fmt::format("goldstein of edge {}", id));
        const std::string confidence = data.mentions.empty()
                                           ? std::string()
                                           : number(data.mean_confidence(), fmt::format("confidence of edge {}", id));
        std::vector<std::string_view> modalities;
        for (auto modality : data.modalities()) modalities.push_back(graph::to_string(modality));
        const std::string& source = graph.entity(boost::source(e, store)).id;
        const std::string& target = graph.entity(boost::target(e, store)).id;
        const std::string weight = fmt::format("{}", data.weight());
        Row row(chunk);
        if (neo4j_)
            row << source << target << relation.predicate << id << relation.category << relation.cameo << goldstein
                << weight << data.first_date() << data.last_date() << confidence << join(modalities, ';')
                << (relation.symmetric ? "true" : "false");
        else
            row << source << target << (relation.symmetric ? "Undirected" : "Directed") << relation.predicate << id
                << relation.predicate << weight << relation.category << relation.cameo << goldstein << data.first_date()
                << data.last_date() << confidence << join(modalities, '|');
        row.end();
        if (chunk.size() > (1u << 16)) flush(out, chunk);
    }
    flush(out, chunk);
}

void CsvWriter::write(const KnowledgeGraph& graph, std::ostream& out) const {
    if (output_.empty())
        throw usage_error(
            "CSV needs the output file path (WriterOptions::output) to place <stem>.nodes.csv beside the edges");
    AtomicFile nodes(nodes_path(output_));
    write_nodes(graph, nodes.stream());
    nodes.commit();
    write_edges(graph, out);
}

}  // namespace irkg::exporter
