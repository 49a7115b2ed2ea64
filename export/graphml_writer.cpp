#include "graphml_writer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/compile.h>
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

constexpr std::size_t k_chunk = std::size_t{1} << 16;

/// Throws when `value` is not finite, naming what() (built only then: formatting an edge id for
/// every edge would cost more than writing the number).
template <class What>
void check_finite(double value, What what) {
    if (!std::isfinite(value)) throw input_error(fmt::format("GraphML: {} is not a finite number ({})", what(), value));
}

/// The text being written, in a buffer of its own that goes to the stream about k_chunk bytes at a
/// time: memory stays flat for large graphs, with one stream write per chunk rather than per
/// attribute, and appending is a bounds check and a copy.
class Buffer {
public:
    explicit Buffer(std::ostream& out) : out_(out), buffer_(2 * k_chunk) {}

    [[gnu::always_inline]] void append(std::string_view text) {
        char* p = room(text.size());
        std::memcpy(p, text.data(), text.size());
        end_ += text.size();
    }
    /// `text` escaped (xml_text.hpp).
    [[gnu::always_inline]] void escaped(std::string_view text) {
        char* p = room(k_xml_escape_growth * text.size());
        end_ = static_cast<std::size_t>(write_xml_escaped(p, text) - buffer_.data());
    }
    /// The shortest round-trip form of `value` (as fmt::format("{}"), without parsing the format at
    /// run time).
    void number(double value) {
        char* p = room(64);
        end_ = static_cast<std::size_t>(fmt::format_to(p, FMT_COMPILE("{}"), value) - buffer_.data());
    }
    void integer(std::uint64_t value) {
        char* p = room(24);
        end_ = static_cast<std::size_t>(std::to_chars(p, p + 24, value).ptr - buffer_.data());
    }
    /// Writes what was appended once it is a chunk or more (`all`: whatever there is).
    void flush(bool all = false) {
        if (end_ < k_chunk && !all) return;
        out_.write(buffer_.data(), static_cast<std::streamsize>(end_));
        end_ = 0;
    }

private:
    /// Where `n` more bytes can go.
    [[gnu::always_inline]] char* room(std::size_t n) {
        if (buffer_.size() - end_ < n) grow(n);
        return buffer_.data() + end_;
    }
    [[gnu::noinline]] void grow(std::size_t n) { buffer_.resize(std::max(buffer_.size() * 2, end_ + n)); }

    std::ostream& out_;
    std::vector<char> buffer_;
    std::size_t end_ = 0;
};

/// Writes <data> elements; one whose value is empty is left out.
class Element {
public:
    explicit Element(Buffer& out) : out_(out) {}
    // Inlined, so that the tags are copied as constants.
    [[gnu::always_inline]] void data(std::string_view key, std::string_view value) {
        if (value.empty()) return;
        open(key);
        out_.escaped(value);
        close();
    }
    /// A number (its text is never empty nor in need of escaping).
    template <class What>
    [[gnu::always_inline]] void number(std::string_view key, double value, What what) {
        check_finite(value, what);
        open(key);
        out_.number(value);
        close();
    }
    [[gnu::always_inline]] void integer(std::string_view key, std::uint64_t value) {
        open(key);
        out_.integer(value);
        close();
    }

private:
    [[gnu::always_inline]] void open(std::string_view key) {
        out_.append("      <data key=\"");
        out_.append(key);
        out_.append("\">");
    }
    [[gnu::always_inline]] void close() { out_.append("</data>\n"); }
    Buffer& out_;
};

/// `items` joined with ';' into `out` (cleared first), an empty item adding nothing before the first
/// non-empty one.
template <class Range>
const std::string& join(const Range& items, std::string& out) {
    out.clear();
    for (const auto& item : items) {
        if (!out.empty()) out += ';';
        out += item;
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

/// Scratch strings reused from element to element, so that writing allocates nothing per element.
struct Scratch {
    std::string joined, id;
    std::vector<std::string_view> docs;
};

void write_node(const KnowledgeGraph& graph, Vertex v, Scratch& scratch, Buffer& out) {
    const auto& entity = graph.entity(v);
    out.append("    <node id=\"");
    out.escaped(entity.id);
    out.append("\">\n");
    Element node(out);
    node.data("n_label", entity.label);
    node.data("n_type", graph::to_string(entity.type));
    node.data("n_country", entity.country);
    node.data("n_aliases", join(entity.aliases, scratch.joined));
    const Rgb rgb = entity_colour(entity.type);
    node.integer("n_r", static_cast<std::uint64_t>(rgb.r));
    node.integer("n_g", static_cast<std::uint64_t>(rgb.g));
    node.integer("n_b", static_cast<std::uint64_t>(rgb.b));
    node.number("n_size", weighted_degree(graph, v), [] { return "size"; });
    out.append("    </node>\n");
}

/// The distinct modalities of `mentions` in enum order, as EdgeData::modalities() gives them, joined.
const std::string& modalities(const std::vector<graph::Mention>& mentions, std::string& out) {
    unsigned seen = 0;
    for (const auto& mention : mentions) seen |= 1u << static_cast<unsigned>(mention.modality);
    out.clear();
    for (unsigned m = 0; seen >> m; ++m) {
        if (!((seen >> m) & 1)) continue;
        if (!out.empty()) out += ';';
        out += graph::to_string(static_cast<graph::Modality>(m));
    }
    return out;
}

/// One <edge>: the aggregated relation `data` of `e`, or (with --edges mentions) a one-mention copy of it.
void write_edge(const KnowledgeGraph& graph, Edge e, const graph::EdgeData& data, std::string_view id,
                bool one_mention, Scratch& scratch, Buffer& out) {
    const auto& store = graph.store();
    const auto& relation = *data.relation;
    out.append("    <edge id=\"");
    out.escaped(id);
    out.append("\" source=\"");
    out.escaped(graph.entity(boost::source(e, store)).id);
    out.append("\" target=\"");
    out.escaped(graph.entity(boost::target(e, store)).id);
    out.append("\">\n");
    Element edge(out);
    edge.data("e_label", relation.predicate);
    edge.data("e_predicate", relation.predicate);
    edge.data("e_category", relation.category);
    edge.data("e_cameo", relation.cameo);
    edge.number("e_goldstein", relation.goldstein, [&] { return fmt::format("goldstein of edge {}", id); });
    edge.number("e_weight", static_cast<double>(data.weight()), [] { return "weight"; });
    edge.integer("e_mentions", data.weight());
    edge.data("e_first_date", data.first_date());
    edge.data("e_last_date", data.last_date());
    edge.data("e_modalities", modalities(data.mentions, scratch.joined));
    if (!data.mentions.empty())
        edge.number("e_confidence", data.mean_confidence(), [&] { return fmt::format("confidence of edge {}", id); });
    // The documents as a sorted set without "".
    auto& docs = scratch.docs;
    docs.clear();
    for (const auto& mention : data.mentions)
        if (!mention.evidence.doc.empty()) docs.push_back(mention.evidence.doc);
    if (docs.size() > 1) {
        std::sort(docs.begin(), docs.end());
        docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
    }
    edge.data("e_docs", join(docs, scratch.joined));
    if (!data.mentions.empty()) edge.data("e_evidence", data.mentions.front().evidence.text);
    if (one_mention && !data.mentions.empty()) edge.integer("e_sentence", data.mentions.front().evidence.sentence);
    out.append("    </edge>\n");
}

/// KnowledgeGraph::edge_id(e) into `out`, without a new string per edge.
const std::string& edge_id(const KnowledgeGraph& graph, Edge e, std::string& out) {
    const auto& store = graph.store();
    out.assign(graph.entity(boost::source(e, store)).id);
    out += "--";
    out += store[e].relation->predicate;
    out += "--";
    out += graph.entity(boost::target(e, store)).id;
    return out;
}

void write_edges(const KnowledgeGraph& graph, Edge e, EdgeMode mode, Scratch& scratch, Buffer& out) {
    const auto& data = graph.edge(e);
    edge_id(graph, e, scratch.id);
    if (mode == EdgeMode::aggregated) {
        write_edge(graph, e, data, scratch.id, false, scratch, out);
        return;
    }
    // One edge per mention, in mention order; ids unique across the file ("<edge id>--m1", ...).
    graph::EdgeData single{data.relation, {graph::Mention{}}};
    const std::size_t base = scratch.id.size();
    std::size_t n = 0;
    for (const auto& mention : data.mentions) {
        single.mentions.front() = mention;
        scratch.id.resize(base);
        fmt::format_to(std::back_inserter(scratch.id), "--m{}", ++n);
        write_edge(graph, e, single, scratch.id, true, scratch, out);
        out.flush();  // a relation may have many thousands of mentions
    }
}

/// The order of KnowledgeGraph::sorted_vertices() and sorted_edges(), the edges sorted by integer
/// ranks (source id, predicate, target id) instead of comparing their strings again and again.
struct Order {
    std::vector<Vertex> vertices;
    std::vector<Edge> edges;
};

Order sorted(const KnowledgeGraph& graph) {
    const auto& store = graph.store();
    Order order;
    order.vertices = graph.sorted_vertices();
    std::vector<std::uint32_t> rank(order.vertices.size());
    for (std::size_t i = 0; i < order.vertices.size(); ++i) rank[order.vertices[i]] = static_cast<std::uint32_t>(i);

    const auto [begin, end] = boost::edges(store);
    std::vector<Edge> edges(begin, end);
    // Predicates ranked by their text (several relation objects may share one).
    std::unordered_map<const graph::RelationType*, std::uint32_t> predicate_rank;
    for (Edge e : edges) predicate_rank.emplace(store[e].relation.get(), 0);
    std::vector<const graph::RelationType*> relations;
    relations.reserve(predicate_rank.size());
    for (const auto& [relation, _] : predicate_rank) relations.push_back(relation);
    std::sort(relations.begin(), relations.end(),
              [](const auto* a, const auto* b) { return a->predicate < b->predicate; });
    std::uint32_t next = 0;
    for (std::size_t i = 0; i < relations.size(); ++i) {
        if (i > 0 && relations[i]->predicate != relations[i - 1]->predicate) ++next;
        predicate_rank[relations[i]] = next;
    }

    struct EdgeKey {
        std::uint64_t source_predicate;
        std::uint32_t target, index;
    };
    std::vector<EdgeKey> keys(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const Edge e = edges[i];
        keys[i] = {std::uint64_t{rank[boost::source(e, store)]} << 32 | predicate_rank[store[e].relation.get()],
                   rank[boost::target(e, store)], static_cast<std::uint32_t>(i)};
    }
    std::sort(keys.begin(), keys.end(), [](const EdgeKey& a, const EdgeKey& b) {
        return a.source_predicate != b.source_predicate ? a.source_predicate < b.source_predicate : a.target < b.target;
    });
    order.edges.reserve(edges.size());
    for (const auto& key : keys) order.edges.push_back(edges[key.index]);
    return order;
}

}  // namespace

GraphmlWriter::GraphmlWriter(const WriterOptions& options) : edges_(options.edges) {}

void GraphmlWriter::write(const KnowledgeGraph& graph, std::ostream& out) const {
    Buffer buffer(out);
    buffer.append(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (const auto& key : k_keys)
        buffer.append(fmt::format("  <key id=\"{}\" for=\"{}\" attr.name=\"{}\" attr.type=\"{}\"/>\n", key.id,
                                  key.domain, key.name, key.type));
    buffer.append("  <graph id=\"G\" edgedefault=\"directed\">\n");
    const Order order = sorted(graph);
    Scratch scratch;
    for (Vertex v : order.vertices) {
        write_node(graph, v, scratch, buffer);
        buffer.flush();
    }
    for (Edge e : order.edges) {
        write_edges(graph, e, edges_, scratch, buffer);
        buffer.flush();
    }
    buffer.append("  </graph>\n</graphml>\n");
    buffer.flush(true);
}

}  // namespace irkg::exporter
