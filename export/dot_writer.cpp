#include "dot_writer.hpp"

#include <algorithm>
#include <cmath>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "palette.hpp"
#include "utf8_text.hpp"

namespace irkg::exporter {

namespace {

using graph::Edge;
using graph::KnowledgeGraph;
using graph::Vertex;

// One font for nodes, edges and the graph; a list, so SVG viewers and fontconfig both find one.
constexpr std::string_view k_font = "Helvetica,Arial,sans-serif";

std::string hex(Rgb rgb) { return fmt::format("\"#{:02x}{:02x}{:02x}\"", rgb.r, rgb.g, rgb.b); }

/// The mentions on each vertex's edges, a self-loop counted once (the size GraphML and GEXF use, less 10).
std::vector<std::size_t> weighted_degrees(const KnowledgeGraph& graph) {
    const auto& store = graph.store();
    std::vector<std::size_t> mentions(graph.num_entities(), 0);
    for (Edge e : boost::make_iterator_range(boost::edges(store))) {
        const Vertex source = boost::source(e, store);
        const Vertex target = boost::target(e, store);
        mentions[source] += graph.edge(e).weight();
        if (target != source) mentions[target] += graph.edge(e).weight();
    }
    return mentions;
}

void write_node(const KnowledgeGraph& graph, Vertex v, std::size_t mentions, std::string& out) {
    const auto& entity = graph.entity(v);
    // The square root keeps hubs large without dwarfing everyone else.
    const double scale = std::sqrt(static_cast<double>(mentions));
    std::string tooltip = entity.id + "\ntype: " + std::string(graph::to_string(entity.type));
    if (!entity.country.empty()) tooltip += "\ncountry: " + entity.country;
    out += fmt::format("  {} [label={}, fillcolor={}, fontsize={:.2f}, width={:.2f}, tooltip={}];\n",
                       dot_quoted(entity.id, DotText::id), dot_quoted(entity.label), hex(entity_colour(entity.type)),
                       std::min(10.0 + 2.0 * scale, 32.0), std::min(0.6 + 0.15 * scale, 3.0), dot_quoted(tooltip));
}

void write_edge(const KnowledgeGraph& graph, Edge e, std::string& out) {
    const auto& store = graph.store();
    const auto& data = graph.edge(e);
    const auto& relation = *data.relation;
    if (!std::isfinite(relation.goldstein))
        throw input_error(
            fmt::format("DOT: goldstein of edge {} is not a finite number ({})", graph.edge_id(e), relation.goldstein));
    const std::size_t mentions = data.weight();
    const std::string tooltip =
        fmt::format("{}, {}, {} mention{}", relation.predicate, data.date_range(), mentions, mentions == 1 ? "" : "s");
    out += fmt::format("  {} -> {} [label={}, color={}, penwidth={:.2f}{}, tooltip={}];\n",
                       dot_quoted(graph.entity(boost::source(e, store)).id, DotText::id),
                       dot_quoted(graph.entity(boost::target(e, store)).id, DotText::id),
                       dot_quoted(relation.predicate), hex(goldstein_colour(relation.goldstein)),
                       std::min(1.0 + std::log2(static_cast<double>(std::max<std::size_t>(mentions, 1))), 8.0),
                       relation.symmetric ? ", dir=none" : "", dot_quoted(tooltip));
}

}  // namespace

std::string dot_quoted(std::string_view text, DotText kind) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t cp = next_code_point(text, pos);
        switch (cp) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\r':
                if (pos < text.size() && text[pos] == '\n') ++pos;  // CRLF is one line break
                out += "\\n";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += ' ';  // keeps the words on either side apart
                break;
            case '&':
                out += kind == DotText::label ? "&amp;" : "&";
                break;
            default:
                if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) break;
                if (cp == 0xFFFD)
                    append_utf8(out, cp);  // the bytes at start may have been an ill-formed sequence
                else
                    out.append(text.substr(start, pos - start));
        }
    }
    out += '"';
    return out;
}

DotWriter::DotWriter(const WriterOptions& /*options*/) {}

void DotWriter::write(const KnowledgeGraph& graph, std::ostream& out) const {
    const std::string font = dot_quoted(k_font);
    std::string chunk = fmt::format(
        "digraph irkg {{\n"
        "  graph [overlap=false, splines=true, outputorder=edgesfirst, sep=\"+6\", pad=0.3, fontname={0}];\n"
        "  node [shape=ellipse, style=filled, color=\"#ffffff\", fontname={0}];\n"
        "  edge [fontname={0}, fontsize=8, fontcolor=\"#404040\", arrowsize=0.7];\n",
        font);
    // Flushing per element keeps memory flat for large graphs without a write per attribute.
    const auto flush = [&] {
        out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        chunk.clear();
    };
    const std::vector<std::size_t> mentions = weighted_degrees(graph);
    for (Vertex v : graph.sorted_vertices()) {
        write_node(graph, v, mentions[v], chunk);
        if (chunk.size() > (1u << 16)) flush();
    }
    for (Edge e : graph.sorted_edges()) {
        write_edge(graph, e, chunk);
        if (chunk.size() > (1u << 16)) flush();
    }
    chunk += "}\n";
    flush();
}

}  // namespace irkg::exporter
