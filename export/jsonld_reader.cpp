#include "jsonld_reader.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "graph/errors.hpp"
#include "graph/json_file.hpp"
#include "jsonld_vocabulary.hpp"

namespace irkg::exporter {

namespace {

using rapidjson::Value;

// irkg writes at most 5 levels (root, @graph, statement, evidence, entry); the context adds 3.
constexpr int k_max_depth = 32;

std::string_view kind_of(const Value& value) {
    switch (value.GetType()) {
        case rapidjson::kNullType:
            return "null";
        case rapidjson::kFalseType:
        case rapidjson::kTrueType:
            return "a boolean";
        case rapidjson::kObjectType:
            return "an object";
        case rapidjson::kArrayType:
            return "an array";
        case rapidjson::kStringType:
            return "a string";
        case rapidjson::kNumberType:
            return "a number";
    }
    return "a value";
}

std::string_view view(const Value& string) { return {string.GetString(), string.GetStringLength()}; }

/// `path` extended by one JSON pointer token (RFC 6901 escaping).
std::string child(std::string_view path, std::string_view token) {
    std::string out(path);
    out += '/';
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string child(std::string_view path, std::size_t index) { return fmt::format("{}/{}", path, index); }

bool is_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return false;
    const int month = (text[5] - '0') * 10 + (text[6] - '0');
    const int day = (text[8] - '0') * 10 + (text[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

template <class List>
std::string list_of(const List& list) {
    std::string out;
    for (auto item : list) out += fmt::format("{}{}", out.empty() ? "" : ", ", item);
    return out;
}

/// One reading of one document: the source name for messages, and the checks shared by every node.
class Loader {
public:
    explicit Loader(std::string_view source) : source_(source) {}

    graph::KnowledgeGraph load(std::string_view text) {
        check_depth(text);
        rapidjson::Document doc;
        doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag |
                  rapidjson::kParseFullPrecisionFlag>(text.data(), text.size());
        if (doc.HasParseError())
            throw input_error(fmt::format("{}: {}: not JSON: {}", source_,
                                          graph::line_column(text, doc.GetErrorOffset()),
                                          rapidjson::GetParseError_En(doc.GetParseError())));
        if (!doc.IsObject())
            fail("", fmt::format("expected an object (an irkg JSON-LD graph), found {}", kind_of(doc)));
        for (const auto& m : doc.GetObject())
            if (view(m.name) != "@context" && view(m.name) != "@graph")
                fail(child("", view(m.name)), "unknown top-level key; irkg writes only \"@context\" and \"@graph\"");
        read_context(doc);
        const auto graph_it = doc.FindMember("@graph");
        if (graph_it == doc.MemberEnd())
            fail("/@graph", "missing; an irkg JSON-LD graph lists its nodes in \"@graph\"");
        if (!graph_it->value.IsArray())
            fail("/@graph", fmt::format("expected an array, found {}", kind_of(graph_it->value)));
        const auto& nodes = graph_it->value;

        // Entities first, whatever the order in the file, so statements and direct triples can refer to any.
        std::vector<rapidjson::SizeType> entities, statements;
        for (rapidjson::SizeType i = 0; i < nodes.Size(); ++i) {
            const std::string path = child("/@graph", i);
            const auto& node = nodes[i];
            if (!node.IsObject()) fail(path, fmt::format("expected a node object, found {}", kind_of(node)));
            if (required_string(node, "type", path) == jsonld::k_statement_type) {
                statements.push_back(i);
            } else {
                read_entity(node, path);
                entities.push_back(i);
            }
        }
        for (auto i : entities) check_direct_triples(nodes[i], child("/@graph", i));
        for (auto i : statements) read_statement(nodes[i], child("/@graph", i));
        return std::move(graph_);
    }

private:
    [[noreturn]] void fail(std::string_view path, std::string_view what) const {
        throw input_error(fmt::format("{}: at {}: {}", source_, path.empty() ? "/" : path, what));
    }

    void check_depth(std::string_view text) const {
        int depth = 0;
        bool in_string = false, escaped = false;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (in_string) {
                if (escaped)
                    escaped = false;
                else if (c == '\\')
                    escaped = true;
                else if (c == '"')
                    in_string = false;
            } else if (c == '"') {
                in_string = true;
            } else if (c == '{' || c == '[') {
                if (++depth > k_max_depth)
                    throw input_error(fmt::format("{}: {}: nested deeper than {} levels; not an irkg JSON-LD graph",
                                                  source_, graph::line_column(text, i), k_max_depth));
            } else if (c == '}' || c == ']') {
                --depth;
            }
        }
    }

    // Field access: each names the path and what was expected when the value is missing or wrong.

    const Value* find(const Value& node, std::string_view key) const {
        const auto it = node.FindMember(Value(rapidjson::StringRef(key.data(), key.size())));
        return it == node.MemberEnd() ? nullptr : &it->value;
    }

    const Value& required(const Value& node, std::string_view key, std::string_view path) const {
        const Value* value = find(node, key);
        if (!value) fail(child(path, key), "missing; irkg always writes it");
        return *value;
    }

    std::string_view required_string(const Value& node, std::string_view key, std::string_view path) const {
        const Value& value = required(node, key, path);
        if (!value.IsString()) fail(child(path, key), fmt::format("expected a string, found {}", kind_of(value)));
        return view(value);
    }

    std::string_view optional_string(const Value& node, std::string_view key, std::string_view path) const {
        if (!find(node, key)) return {};
        return required_string(node, key, path);
    }

    std::string_view optional_date(const Value& node, std::string_view key, std::string_view path) const {
        const auto text = optional_string(node, key, path);
        if (!find(node, key)) return text;
        if (!is_iso_date(text)) fail(child(path, key), fmt::format("\"{}\" is not an ISO date (YYYY-MM-DD)", text));
        return text;
    }

    double required_number(const Value& node, std::string_view key, std::string_view path, double low,
                           double high) const {
        const Value& value = required(node, key, path);
        if (!value.IsNumber()) fail(child(path, key), fmt::format("expected a number, found {}", kind_of(value)));
        const double number = value.GetDouble();
        if (!(number >= low && number <= high))
            fail(child(path, key), fmt::format("{} is out of range [{}, {}]", number, low, high));
        return number;
    }

    std::uint64_t required_uint64(const Value& node, std::string_view key, std::string_view path) const {
        const Value& value = required(node, key, path);
        if (!value.IsUint64())
            fail(child(path, key), fmt::format("expected a non-negative integer, found {}", kind_of(value)));
        return value.GetUint64();
    }

    bool required_bool(const Value& node, std::string_view key, std::string_view path) const {
        const Value& value = required(node, key, path);
        if (!value.IsBool()) fail(child(path, key), fmt::format("expected true or false, found {}", kind_of(value)));
        return value.GetBool();
    }

    /// The strings of array `key`, or none when it is absent.
    std::vector<std::string_view> string_array(const Value& node, std::string_view key, std::string_view path) const {
        std::vector<std::string_view> out;
        const Value* value = find(node, key);
        if (!value) return out;
        const std::string array_path = child(path, key);
        if (!value->IsArray()) fail(array_path, fmt::format("expected an array, found {}", kind_of(*value)));
        for (rapidjson::SizeType i = 0; i < value->Size(); ++i) {
            const auto& item = (*value)[i];
            if (!item.IsString()) fail(child(array_path, i), fmt::format("expected a string, found {}", kind_of(item)));
            out.push_back(view(item));
        }
        return out;
    }

    template <class Keys>
    void check_keys(const Value& node, const Keys& allowed, std::string_view path, bool allow_relation_terms) const {
        for (const auto& m : node.GetObject()) {
            const auto name = view(m.name);
            if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
            if (allow_relation_terms && relation_terms_.count(std::string(name))) continue;
            fail(child(path, name), fmt::format("unknown property; irkg writes only {}{}", list_of(allowed),
                                                allow_relation_terms ? " and relation terms of the @context" : ""));
        }
    }

    void read_context(const Value& doc) {
        const Value* context = find(doc, "@context");
        if (!context) fail("/@context", "missing; not an irkg JSON-LD graph (irkg embeds its context inline)");
        if (!context->IsObject())
            fail("/@context",
                 fmt::format("expected the inline context object irkg writes, found {}", kind_of(*context)));
        const Value* vocabulary = find(*context, "irkg");
        if (!vocabulary || !vocabulary->IsString() || view(*vocabulary) != jsonld::k_vocabulary_iri)
            fail("/@context/irkg",
                 fmt::format("must be \"{}\": this is not a graph written by irkg", jsonld::k_vocabulary_iri));
        // Terms whose IRI is a relation are the direct-triple properties entity nodes may carry.
        for (const auto& m : context->GetObject()) {
            if (!m.value.IsObject()) continue;
            const Value* iri = find(m.value, "@id");
            if (iri && iri->IsString() && jsonld::predicate_from_iri(view(*iri)))
                relation_terms_.insert(std::string(view(m.name)));
        }
    }

    void read_entity(const Value& node, const std::string& path) {
        check_keys(node, jsonld::k_entity_keys, path, true);
        graph::Entity entity;
        entity.id = required_string(node, "irkgId", path);
        if (entity.id.empty()) fail(child(path, "irkgId"), "an entity id must not be empty");
        const auto type_name = required_string(node, "entityType", path);
        const auto type = graph::entity_type_from(type_name);
        if (!type)
            fail(child(path, "entityType"),
                 fmt::format("\"{}\" is not an entity type (country, person, organization, location, other)",
                             type_name));
        entity.type = *type;
        const auto type_term = required_string(node, "type", path);
        if (type_term != jsonld::type_term(entity.type))
            fail(child(path, "type"), fmt::format("\"{}\" does not match entityType {}: expected \"{}\"", type_term,
                                                  type_name, jsonld::type_term(entity.type)));
        const auto iri = required_string(node, "id", path);
        if (iri != jsonld::entity_iri(entity.id))
            fail(child(path, "id"), fmt::format("\"{}\" is not the IRI of irkgId \"{}\": expected \"{}\"", iri,
                                                entity.id, jsonld::entity_iri(entity.id)));
        entity.label = required_string(node, "label", path);
        entity.country = optional_string(node, "country", path);
        for (auto alias : string_array(node, "aliases", path)) entity.aliases.emplace_back(alias);
        if (graph_.find(entity.id))
            fail(child(path, "irkgId"), fmt::format("entity \"{}\" is declared twice", entity.id));
        vertices_.emplace(std::string(iri), graph_.add_entity(entity));
    }

    graph::Vertex entity_at(const Value& node, std::string_view key, std::string_view path) const {
        const auto iri = required_string(node, key, path);
        const auto it = vertices_.find(std::string(iri));
        if (it == vertices_.end())
            fail(child(path, key), fmt::format("\"{}\" is not an entity declared in @graph", iri));
        return it->second;
    }

    void check_direct_triples(const Value& node, const std::string& path) const {
        for (const auto& m : node.GetObject()) {
            const auto name = view(m.name);
            if (!relation_terms_.count(std::string(name))) continue;
            for (std::size_t i = 0; const auto object : string_array(node, name, path)) {
                if (!vertices_.count(std::string(object)))
                    fail(child(child(path, name), i),
                         fmt::format("\"{}\" is not an entity declared in @graph", object));
                ++i;
            }
        }
    }

    graph::Mention read_mention(const Value& entry, const std::string& path) const {
        if (!entry.IsObject()) fail(path, fmt::format("expected an evidence object, found {}", kind_of(entry)));
        check_keys(entry, jsonld::k_evidence_keys, path, false);
        graph::Mention mention;
        auto& evidence = mention.evidence;
        evidence.doc = required_string(entry, "doc", path);
        const auto sentence = required_uint64(entry, "sentence", path);
        if (sentence > std::numeric_limits<std::uint32_t>::max())
            fail(child(path, "sentence"), fmt::format("sentence index {} is too large", sentence));
        evidence.sentence = static_cast<std::uint32_t>(sentence);
        evidence.text = required_string(entry, "text", path);
        evidence.begin = required_uint64(entry, "begin", path);
        evidence.end = required_uint64(entry, "end", path);
        if (evidence.end < evidence.begin)
            fail(child(path, "end"), fmt::format("span end {} is before its begin {}", evidence.end, evidence.begin));
        const auto modality = required_string(entry, "modality", path);
        const auto parsed = graph::modality_from(modality);
        if (!parsed)
            fail(child(path, "modality"),
                 fmt::format("\"{}\" is not a modality (asserted, planned, speculative, negated)", modality));
        mention.modality = *parsed;
        mention.time.text = optional_string(entry, "timeText", path);
        mention.time.start = optional_date(entry, "startDate", path);
        mention.time.end = optional_date(entry, "endDate", path);
        mention.confidence = required_number(entry, "confidence", path, 0.0, 1.0);
        return mention;
    }

    void read_statement(const Value& node, const std::string& path) {
        check_keys(node, jsonld::k_statement_keys, path, false);
        required_string(node, "id", path);
        graph::Vertex subject = entity_at(node, "subject", path);
        graph::Vertex object = entity_at(node, "object", path);
        graph::RelationType relation;
        const auto iri = required_string(node, "predicate", path);
        auto predicate = jsonld::predicate_from_iri(iri);
        if (!predicate || predicate->empty())
            fail(child(path, "predicate"), fmt::format("\"{}\" is not a relation IRI (rel:<predicate>)", iri));
        relation.predicate = std::move(*predicate);
        relation.category = required_string(node, "category", path);
        relation.cameo = required_string(node, "cameo", path);
        relation.goldstein = required_number(node, "goldstein", path, -10.0, 10.0);
        relation.symmetric = required_bool(node, "symmetric", path);
        relation.mode = optional_string(node, "mode", path);
        relation.label = optional_string(node, "relationLabel", path);
        relation.description = optional_string(node, "relationDescription", path);
        // Derived fields are recomputed from the evidence; they only have to be well-formed.
        if (find(node, "confidence")) required_number(node, "confidence", path, 0.0, 1.0);
        optional_date(node, "date", path);
        optional_date(node, "firstDate", path);
        optional_date(node, "lastDate", path);
        for (auto modality : string_array(node, "modalities", path))
            if (!graph::modality_from(modality))
                fail(child(path, "modalities"), fmt::format("\"{}\" is not a modality", modality));

        // Symmetric relations are stored with the smaller id first; key on that to catch a duplicate.
        std::string subject_id = graph_.entity(subject).id, object_id = graph_.entity(object).id;
        if (relation.symmetric && object_id < subject_id) std::swap(subject_id, object_id);
        if (!statements_.emplace(subject_id, relation.predicate, object_id).second)
            fail(path, "a second statement for the same subject, predicate and object; irkg writes one per relation");

        const Value& evidence = required(node, "evidence", path);
        const std::string evidence_path = child(path, "evidence");
        if (!evidence.IsArray()) fail(evidence_path, fmt::format("expected an array, found {}", kind_of(evidence)));
        if (evidence.Empty()) fail(evidence_path, "a statement needs at least one evidence entry");
        std::optional<graph::Edge> edge;
        for (rapidjson::SizeType i = 0; i < evidence.Size(); ++i)
            edge = graph_.add_mention(subject, relation, object, read_mention(evidence[i], child(evidence_path, i)));
        if (graph_.edge(*edge).mentions.size() != evidence.Size())
            fail(evidence_path, "two entries have the same date, document, sentence and span");
        if (find(node, "weight") && required_uint64(node, "weight", path) != evidence.Size())
            fail(child(path, "weight"), fmt::format("disagrees with the {} evidence entries", evidence.Size()));
    }

    std::string source_;
    graph::KnowledgeGraph graph_;
    std::unordered_map<std::string, graph::Vertex> vertices_;  // entity IRI -> vertex
    std::set<std::string> relation_terms_;
    std::set<std::tuple<std::string, std::string, std::string>> statements_;
};

}  // namespace

graph::KnowledgeGraph read_jsonld_text(std::string_view text, std::string_view source) {
    return Loader(source).load(text);
}

graph::KnowledgeGraph read_jsonld(const std::filesystem::path& path) {
    const std::string text = graph::read_text_file<input_error>(path);
    return read_jsonld_text(text, path.string());
}

}  // namespace irkg::exporter
