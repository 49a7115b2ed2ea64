#include "jsonld_writer.hpp"

#include <algorithm>
#include <cmath>
#include <ostream>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "graph/errors.hpp"
#include "graph/json_file.hpp"
#include "jsonld_vocabulary.hpp"
#include "utf8_text.hpp"

namespace irkg::exporter {

namespace {

using graph::Edge;
using graph::KnowledgeGraph;
using graph::Vertex;

/// A RapidJSON output stream that hands the ostream 64 KiB at a time rather than a char at a time.
class ChunkedStream {
public:
    using Ch = char;
    explicit ChunkedStream(std::ostream& out) : out_(out) { buffer_.reserve(k_chunk); }
    void Put(char c) {
        buffer_.push_back(c);
        if (buffer_.size() >= k_chunk) Flush();
    }
    void Flush() {
        out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        buffer_.clear();
    }

private:
    static constexpr std::size_t k_chunk = 1 << 16;
    std::ostream& out_;
    std::string buffer_;
};

using JsonWriter = rapidjson::PrettyWriter<ChunkedStream>;

void string(JsonWriter& w, std::string_view text) {
    // Article text may hold broken UTF-8, which would make the whole document unreadable to Python.
    if (is_valid_utf8(text)) {
        w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
    } else {
        const std::string clean = to_valid_utf8(text);
        w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
    }
}

void key(JsonWriter& w, std::string_view name) { w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size())); }

void member(JsonWriter& w, std::string_view name, std::string_view value) {
    key(w, name);
    string(w, value);
}

void optional_member(JsonWriter& w, std::string_view name, std::string_view value) {
    if (!value.empty()) member(w, name, value);
}

void number(JsonWriter& w, std::string_view name, double value, std::string_view owner) {
    if (!std::isfinite(value))
        throw input_error(fmt::format("JSON-LD: {} of {} is not a finite number ({})", name, owner, value));
    key(w, name);
    w.Double(value);
}

/// The direct triples leaving `v`, as (predicate, object id), sorted: out-edges, plus in-edges of
/// symmetric predicates since "a meets b" also states "b meets a".
std::vector<std::pair<std::string_view, std::string_view>> direct_triples(const KnowledgeGraph& graph, Vertex v,
                                                                          const std::set<std::string>& terms) {
    const auto& store = graph.store();
    std::vector<std::pair<std::string_view, std::string_view>> out;
    for (Edge e : boost::make_iterator_range(boost::out_edges(v, store))) {
        const auto& predicate = graph.edge(e).relation->predicate;
        if (terms.count(predicate)) out.emplace_back(predicate, graph.entity(boost::target(e, store)).id);
    }
    for (Edge e : boost::make_iterator_range(boost::in_edges(v, store))) {
        const auto& relation = *graph.edge(e).relation;
        if (relation.symmetric && terms.count(relation.predicate))
            out.emplace_back(relation.predicate, graph.entity(boost::source(e, store)).id);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

void write_entity(JsonWriter& w, const KnowledgeGraph& graph, Vertex v, const std::set<std::string>& terms) {
    const auto& entity = graph.entity(v);
    w.StartObject();
    member(w, "id", jsonld::entity_iri(entity.id));
    member(w, "type", jsonld::type_term(entity.type));
    member(w, "irkgId", entity.id);
    member(w, "label", entity.label);
    member(w, "entityType", graph::to_string(entity.type));
    optional_member(w, "country", entity.country);
    key(w, "aliases");
    w.StartArray();
    for (const auto& alias : entity.aliases) string(w, alias);
    w.EndArray();
    const auto triples = direct_triples(graph, v, terms);
    for (std::size_t i = 0; i < triples.size();) {
        const auto predicate = triples[i].first;
        key(w, predicate);
        w.StartArray();
        for (; i < triples.size() && triples[i].first == predicate; ++i)
            string(w, jsonld::entity_iri(triples[i].second));
        w.EndArray();
    }
    w.EndObject();
}

void write_mention(JsonWriter& w, const graph::Mention& mention, std::string_view owner) {
    const auto& evidence = mention.evidence;
    w.StartObject();
    member(w, "doc", evidence.doc);
    key(w, "sentence");
    w.Uint(evidence.sentence);
    member(w, "text", evidence.text);
    key(w, "begin");
    w.Uint64(evidence.begin);
    key(w, "end");
    w.Uint64(evidence.end);
    member(w, "modality", graph::to_string(mention.modality));
    optional_member(w, "timeText", mention.time.text);
    optional_member(w, "startDate", mention.time.start);
    optional_member(w, "endDate", mention.time.end);
    number(w, "confidence", mention.confidence, owner);
    w.EndObject();
}

void write_statement(JsonWriter& w, const KnowledgeGraph& graph, Edge e) {
    const auto& store = graph.store();
    const auto& data = graph.edge(e);
    const auto& relation = *data.relation;
    const std::string id = graph.edge_id(e);
    w.StartObject();
    member(w, "id", jsonld::statement_iri(id));
    member(w, "type", jsonld::k_statement_type);
    member(w, "subject", jsonld::entity_iri(graph.entity(boost::source(e, store)).id));
    member(w, "predicate", jsonld::relation_iri(relation.predicate));
    member(w, "object", jsonld::entity_iri(graph.entity(boost::target(e, store)).id));
    member(w, "category", relation.category);
    member(w, "cameo", relation.cameo);
    number(w, "goldstein", relation.goldstein, id);
    key(w, "symmetric");
    w.Bool(relation.symmetric);
    optional_member(w, "mode", relation.mode);
    optional_member(w, "relationLabel", relation.label);
    optional_member(w, "relationDescription", relation.description);
    key(w, "weight");
    w.Uint64(data.weight());
    number(w, "confidence", data.mean_confidence(), id);
    const std::string first_date = data.first_date();
    optional_member(w, "date", first_date);
    optional_member(w, "firstDate", first_date);
    optional_member(w, "lastDate", data.last_date());
    key(w, "modalities");
    w.StartArray();
    for (auto modality : data.modalities()) string(w, graph::to_string(modality));
    w.EndArray();
    key(w, "evidence");
    w.StartArray();
    for (const auto& mention : data.mentions) write_mention(w, mention, id);
    w.EndArray();
    w.EndObject();
}

}  // namespace

JsonldWriter::JsonldWriter(const WriterOptions& options) {
    const auto path = options.schema_dir / jsonld::k_context_file;
    const auto doc = graph::read_json_file<lexicon_error>(path);
    if (!doc.IsObject() || !doc.HasMember("@context") || !doc["@context"].IsObject())
        throw lexicon_error(fmt::format("{}: expected an object with an \"@context\" object", path.string()));
    const auto& context = doc["@context"];
    if (graph::get_string(context, "irkg") != jsonld::k_vocabulary_iri)
        throw lexicon_error(fmt::format("{}: at /@context/irkg: must be \"{}\", the vocabulary irkg's reader checks",
                                        path.string(), jsonld::k_vocabulary_iri));
    // Every key the writer emits must be a term, or RDF processors silently drop its values.
    const auto require = [&](std::string_view term) {
        if (!context.HasMember(rapidjson::StringRef(term.data(), term.size())))
            throw lexicon_error(
                fmt::format("{}: at /@context: term \"{}\" is missing but irkg writes it; restore it "
                            "from the repository's schemas/context.jsonld",
                            path.string(), term));
    };
    for (auto term : {"rel", "ent", "stmt"}) require(term);
    for (auto term : jsonld::k_entity_keys) require(term);
    for (auto term : jsonld::k_statement_keys) require(term);
    for (auto term : jsonld::k_evidence_keys) require(term);
    for (auto term : jsonld::k_type_terms) require(term);
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> compact(buffer);
    context.Accept(compact);
    context_.assign(buffer.GetString(), buffer.GetSize());
}

void JsonldWriter::write(const KnowledgeGraph& graph, std::ostream& out) const {
    rapidjson::Document context;
    context.Parse(context_.data(), context_.size());
    auto& allocator = context.GetAllocator();
    std::set<std::string> predicates;
    for (Edge e : boost::make_iterator_range(boost::edges(graph.store())))
        predicates.insert(graph.edge(e).relation->predicate);
    std::set<std::string> terms;
    for (const auto& predicate : predicates) {
        if (!jsonld::is_term_shaped(predicate) || context.HasMember(predicate)) continue;
        rapidjson::Value definition(rapidjson::kObjectType);
        definition.AddMember("@id", rapidjson::Value(jsonld::relation_iri(predicate), allocator), allocator);
        definition.AddMember("@type", "@id", allocator);
        context.AddMember(rapidjson::Value(predicate, allocator), definition, allocator);
        terms.insert(predicate);
    }

    ChunkedStream stream(out);
    JsonWriter w(stream);
    w.SetIndent(' ', 1);
    w.StartObject();
    key(w, "@context");
    context.Accept(w);
    key(w, "@graph");
    w.StartArray();
    for (Vertex v : graph.sorted_vertices()) write_entity(w, graph, v, terms);
    for (Edge e : graph.sorted_edges()) write_statement(w, graph, e);
    w.EndArray();
    w.EndObject();
    stream.Put('\n');
    stream.Flush();
}

}  // namespace irkg::exporter
