#include "gexf_writer.hpp"

#include <array>
#include <cmath>
#include <ostream>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

struct Attribute {
    std::string_view id;
    std::string_view title;
    std::string_view type;
};

constexpr std::array k_node_attributes{
    Attribute{"type", "type", "string"},
    Attribute{"country", "country", "string"},
};

constexpr std::array k_edge_attributes{
    Attribute{"category", "category", "string"},     Attribute{"cameo", "cameo", "string"},
    Attribute{"goldstein", "goldstein", "double"},   Attribute{"symmetric", "symmetric", "boolean"},
    Attribute{"first_date", "first_date", "string"}, Attribute{"last_date", "last_date", "string"},
};

std::string number(double value, std::string_view what) {
    if (!std::isfinite(value)) throw input_error(fmt::format("GEXF: {} is not a finite number ({})", what, value));
    return fmt::format("{}", value);
}

bool is_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9')) return false;
    return true;
}

using Spell = std::pair<std::string, std::string>;  // start, end: both ISO dates, start <= end

/// The distinct dated spells of an edge's mentions, sorted. A mention with only an end date counts
/// as that one day; one with no valid date gives no spell.
std::set<Spell> edge_spells(const graph::EdgeData& data) {
    std::set<Spell> spells;
    for (const auto& mention : data.mentions) {
        std::string start = is_iso_date(mention.time.start) ? mention.time.start : "";
        std::string end = is_iso_date(mention.time.end) ? mention.time.end : "";
        if (start.empty()) start = end;
        if (end.empty() || end < start) end = start;
        if (!start.empty()) spells.emplace(std::move(start), std::move(end));
    }
    return spells;
}

void attribute(std::string& out, std::string_view id, std::string_view value) {
    if (value.empty()) return;
    out += "          <attvalue for=\"";
    out += id;
    out += "\" value=\"";
    append_xml_escaped(out, value);
    out += "\"/>\n";
}

void spells(std::string& out, const std::set<Spell>& list) {
    if (list.empty()) return;
    out += "        <spells>\n";
    for (const auto& [start, end] : list)
        out += fmt::format("          <spell start=\"{}\" end=\"{}\"/>\n", start, end);
    out += "        </spells>\n";
}

void color(std::string& out, Rgb rgb) {
    out += fmt::format("        <viz:color r=\"{}\" g=\"{}\" b=\"{}\"/>\n", rgb.r, rgb.g, rgb.b);
}

struct NodeSummary {
    std::size_t mentions = 0;  // weighted degree: the mentions on the node's edges, self-loops once
    std::string first, last;   // the node's first and last date, empty when none of its edges is dated
};

void write_node(const KnowledgeGraph& graph, Vertex v, const NodeSummary& summary, std::string& out) {
    const auto& entity = graph.entity(v);
    out += "      <node id=\"";
    append_xml_escaped(out, entity.id);
    out += "\" label=\"";
    append_xml_escaped(out, entity.label);
    out += "\">\n        <attvalues>\n";
    attribute(out, "type", graph::to_string(entity.type));
    attribute(out, "country", entity.country);
    out += "        </attvalues>\n";
    if (!summary.first.empty()) spells(out, {{summary.first, summary.last}});
    color(out, entity_colour(entity.type));
    out += fmt::format("        <viz:size value=\"{}\"/>\n",
                       number(10.0 + static_cast<double>(summary.mentions), "node size"));
    out += "      </node>\n";
}

/// `v13`: GEXF 1.3, with edge kind and symmetric relations as undirected edges. 1.2draft has no kind, and
/// its reader networkx rejects an undirected edge in a directed graph, so there the symmetric attribute
/// alone says which relations are symmetric.
void write_edge(const KnowledgeGraph& graph, Edge e, const std::set<Spell>& dated, bool v13, std::string& out) {
    const auto& store = graph.store();
    const auto& data = graph.edge(e);
    const auto& relation = *data.relation;
    const std::string id = graph.edge_id(e);
    out += "      <edge id=\"";
    append_xml_escaped(out, id);
    out += "\" source=\"";
    append_xml_escaped(out, graph.entity(boost::source(e, store)).id);
    out += "\" target=\"";
    append_xml_escaped(out, graph.entity(boost::target(e, store)).id);
    out += "\"";
    if (v13 && relation.symmetric) out += " type=\"undirected\"";
    if (v13) {
        out += " kind=\"";
        append_xml_escaped(out, relation.predicate);
        out += "\"";
    }
    out += " label=\"";
    append_xml_escaped(out, relation.predicate);
    out += fmt::format("\" weight=\"{}\">\n", data.weight());
    out += "        <attvalues>\n";
    attribute(out, "category", relation.category);
    attribute(out, "cameo", relation.cameo);
    const std::string goldstein = number(relation.goldstein, fmt::format("goldstein of edge {}", id));
    attribute(out, "goldstein", goldstein);
    attribute(out, "symmetric", relation.symmetric ? "true" : "false");
    attribute(out, "first_date", data.first_date());
    attribute(out, "last_date", data.last_date());
    out += "        </attvalues>\n";
    spells(out, dated);
    color(out, goldstein_colour(relation.goldstein));
    out += "      </edge>\n";
}

void declare(std::string& out, std::string_view domain, std::span<const Attribute> attributes) {
    out += fmt::format("    <attributes class=\"{}\" mode=\"static\">\n", domain);
    for (const auto& a : attributes)
        out += fmt::format("      <attribute id=\"{}\" title=\"{}\" type=\"{}\"/>\n", a.id, a.title, a.type);
    out += "    </attributes>\n";
}

}  // namespace

GexfWriter::GexfWriter(const WriterOptions& options) : version_(options.gexf_version) {}

void GexfWriter::write(const KnowledgeGraph& graph, std::ostream& out) const {
    const bool v13 = version_ == GexfVersion::v1_3;
    const std::string_view ns = v13 ? "http://gexf.net/1.3" : "http://www.gexf.net/1.2draft";
    const std::string_view viz_ns = v13 ? "http://gexf.net/1.3/viz" : "http://www.gexf.net/1.2draft/viz";
    const std::string_view version = v13 ? "1.3" : "1.2";
    const auto& store = graph.store();

    // One pass over the edges: their spells, and each node's weighted degree and date range.
    const std::vector<Edge> edges = graph.sorted_edges();
    std::vector<std::set<Spell>> edge_dates;
    edge_dates.reserve(edges.size());
    std::vector<NodeSummary> nodes(graph.num_entities());
    for (Edge e : edges) {
        edge_dates.push_back(edge_spells(graph.edge(e)));
        const auto& dated = edge_dates.back();
        const Vertex ends[] = {boost::source(e, store), boost::target(e, store)};
        for (std::size_t i = 0; i < 2; ++i) {
            if (i == 1 && ends[1] == ends[0]) break;  // a self-loop counts once
            NodeSummary& node = nodes[ends[i]];
            node.mentions += graph.edge(e).weight();
            for (const auto& [start, end] : dated) {
                if (node.first.empty() || start < node.first) node.first = start;
                if (node.last.empty() || end > node.last) node.last = end;
            }
        }
    }

    std::string chunk = fmt::format(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<gexf xmlns=\"{0}\" xmlns:viz=\"{1}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"{0} {0}/gexf.xsd\" version=\"{2}\">\n"
        "  <meta>\n    <creator>irkg</creator>\n  </meta>\n"
        "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\"{3}>\n",
        ns, viz_ns, version, v13 ? " timerepresentation=\"interval\"" : "");
    declare(chunk, "node", k_node_attributes);
    declare(chunk, "edge", k_edge_attributes);
    // Flushing per element keeps memory flat for large graphs without a write per attribute.
    const auto flush = [&] {
        out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        chunk.clear();
    };
    chunk += "    <nodes>\n";
    for (Vertex v : graph.sorted_vertices()) {
        write_node(graph, v, nodes[v], chunk);
        if (chunk.size() > (1u << 16)) flush();
    }
    chunk += "    </nodes>\n    <edges>\n";
    for (std::size_t i = 0; i < edges.size(); ++i) {
        write_edge(graph, edges[i], edge_dates[i], v13, chunk);
        if (chunk.size() > (1u << 16)) flush();
    }
    chunk += "    </edges>\n  </graph>\n</gexf>\n";
    flush();
}

}  // namespace irkg::exporter
