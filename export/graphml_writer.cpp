#include "graphml_writer.hpp"

#include <array>
#include <cmath>
#include <ostream>
#include <set>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "palette.hpp"
#include "xml_text.hpp"

namespace irkg::exporter {

namespace {

using graph::Edge;
using graph::EntityType;
using graph::KnowledgeGraph;
using graph::Vertex;

struct Key {
    std::string_view id;
    std::string_view domain;  // "node" or "edge"
    std::string_view name;
    std::string_view type;
};

// Ids carry a node/edge prefix because networkx looks keys up by id alone, and Gephi falls back to
// attr.name for its special attributes (label, size, r, g, b, weight).
constexpr std::array k_keys{
    Key{"n_label", "node", "label", "string"},
    Key{"n_type", "node", "type", "string"},
    Key{"n_country", "node", "country", "string"},
    Key{"n_aliases", "node", "aliases", "string"},
    Key{"n_r", "node", "r", "int"},
    Key{"n_g", "node", "g", "int"},
    Key{"n_b", "node", "b", "int"},
    Key{"n_size", "node", "size", "double"},
    Key{"e_label", "edge", "label", "string"},
    Key{"e_predicate", "edge", "predicate", "string"},
    Key{"e_category", "edge", "category", "string"},
    Key{"e_cameo", "edge", "cameo", "string"},
    Key{"e_goldstein", "edge", "goldstein", "double"},
    Key{"e_weight", "edge", "weight", "double"},
    Key{"e_mentions", "edge", "mentions", "int"},
    Key{"e_first_date", "edge", "first_date", "string"},
    Key{"e_last_date", "edge", "last_date", "string"},
    Key{"e_modalities", "edge", "modalities", "string"},
    Key{"e_confidence", "edge", "confidence", "double"},
    Key{"e_docs", "edge", "docs", "string"},
    Key{"e_evidence", "edge", "evidence", "string"},
    Key{"e_sentence", "edge", "sentence", "long"},
};


std::string number(double value, std::string_view what) {
    if (!std::isfinite(value)) throw input_error(fmt::format("GraphML: {} is not a finite number ({})", what, value));
    return fmt::format("{}", value);
}

/// Appends <data> elements to one string, so that each element goes to the stream in one write.
class Element {
public:
    explicit Element(std::string& out) : out_(out) {}
    void data(std::string_view key, std::string_view value) {
        if (value.empty()) return;
        out_ += "      <data key=\"";
        out_ += key;
        out_ += "\">";
        append_xml_escaped(out_, value);
        out_ += "</data>\n";
    }

private:
    std::string& out_;
};

std::string join(auto begin, auto end) {
    std::string out;
    for (auto it = begin; it != end; ++it) {
        if (!out.empty()) out += ';';
        out += *it;
    }
    return out;
}

double weighted_degree(const KnowledgeGraph& graph, Vertex v) {
    const auto& store = graph.store();
    std::size_t mentions = 0;
    for (Edge e : boost::make_iterator_range(boost::out_edges(v, store))) mentions += graph.edge(e).weight();
    for (Edge e : boost::make_iterator_range(boost::in_edges(v, store)))
        if (boost::source(e, store) != v) mentions += graph.edge(e).weight();  // a self-loop counts once
    return 10.0 + static_cast<double>(mentions);
}

void write_node(const KnowledgeGraph& graph, Vertex v, std::string& out) {
    const auto& entity = graph.entity(v);
    out += "    <node id=\"";
    append_xml_escaped(out, entity.id);
    out += "\">\n";
    Element node(out);
    node.data("n_label", entity.label);
    node.data("n_type", graph::to_string(entity.type));
    node.data("n_country", entity.country);
    node.data("n_aliases", join(entity.aliases.begin(), entity.aliases.end()));
    const Rgb rgb = entity_colour(entity.type);
    node.data("n_r", fmt::format("{}", rgb.r));
    node.data("n_g", fmt::format("{}", rgb.g));
    node.data("n_b", fmt::format("{}", rgb.b));
    node.data("n_size", number(weighted_degree(graph, v), "size"));
    out += "    </node>\n";
}

/// One <edge>: the aggregated relation `data` of `e`, or (with --edges mentions) a one-mention copy of it.
void write_edge(const KnowledgeGraph& graph, Edge e, const graph::EdgeData& data, const std::string& id,
                bool one_mention, std::string& out) {
    const auto& store = graph.store();
    const auto& relation = *data.relation;
    out += "    <edge id=\"";
    append_xml_escaped(out, id);
    out += "\" source=\"";
    append_xml_escaped(out, graph.entity(boost::source(e, store)).id);
    out += "\" target=\"";
    append_xml_escaped(out, graph.entity(boost::target(e, store)).id);
    out += "\">\n";
    Element edge(out);
    edge.data("e_label", relation.predicate);
    edge.data("e_predicate", relation.predicate);
    edge.data("e_category", relation.category);
    edge.data("e_cameo", relation.cameo);
    edge.data("e_goldstein", number(relation.goldstein, fmt::format("goldstein of edge {}", id)));
    edge.data("e_weight", number(static_cast<double>(data.weight()), "weight"));
    edge.data("e_mentions", fmt::format("{}", data.weight()));
    edge.data("e_first_date", data.first_date());
    edge.data("e_last_date", data.last_date());
    std::vector<std::string_view> modalities;
    for (auto modality : data.modalities()) modalities.push_back(graph::to_string(modality));
    edge.data("e_modalities", join(modalities.begin(), modalities.end()));
    if (!data.mentions.empty())
        edge.data("e_confidence", number(data.mean_confidence(), fmt::format("confidence of edge {}", id)));
    std::set<std::string_view> docs;
    for (const auto& mention : data.mentions) docs.insert(mention.evidence.doc);
    docs.erase("");
    edge.data("e_docs", join(docs.begin(), docs.end()));
    if (!data.mentions.empty()) edge.data("e_evidence", data.mentions.front().evidence.text);
    if (one_mention && !data.mentions.empty())
        edge.data("e_sentence", fmt::format("{}", data.mentions.front().evidence.sentence));
    out += "    </edge>\n";
}

void write_edges(const KnowledgeGraph& graph, Edge e, EdgeMode mode, std::string& out) {
    const auto& data = graph.edge(e);
    if (mode == EdgeMode::aggregated) {
        write_edge(graph, e, data, graph.edge_id(e), false, out);
        return;
    }
    // One edge per mention, in mention order; ids unique across the file ("<edge id>--m1", ...).
    graph::EdgeData single{data.relation, {graph::Mention{}}};
    std::size_t n = 0;
    for (const auto& mention : data.mentions) {
        single.mentions.front() = mention;
        write_edge(graph, e, single, fmt::format("{}--m{}", graph.edge_id(e), ++n), true, out);
    }
}

}  // namespace

GraphmlWriter::GraphmlWriter(const WriterOptions& options) : edges_(options.edges) {}

void GraphmlWriter::write(const KnowledgeGraph& graph, std::ostream& out) const {
    std::string chunk =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    for (const auto& key : k_keys)
        chunk += fmt::format("  <key id=\"{}\" for=\"{}\" attr.name=\"{}\" attr.type=\"{}\"/>\n", key.id, key.domain,
                             key.name, key.type);
    chunk += "  <graph id=\"G\" edgedefault=\"directed\">\n";
    // Flushing per element keeps memory flat for large graphs without a write per attribute.
    const auto flush = [&] {
        out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        chunk.clear();
    };
    for (Vertex v : graph.sorted_vertices()) {
        write_node(graph, v, chunk);
        if (chunk.size() > (1u << 16)) flush();
    }
    for (Edge e : graph.sorted_edges()) {
        write_edges(graph, e, edges_, chunk);
        if (chunk.size() > (1u << 16)) flush();
    }
    chunk += "  </graph>\n</graphml>\n";
    flush();
}

}  // namespace irkg::exporter
