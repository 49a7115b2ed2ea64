#include "triple_writer.hpp"

#include <cmath>
#include <ostream>
#include <stdexcept>
#include <string_view>

#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "graph/errors.hpp"
#include "utf8_text.hpp"

namespace irkg::exporter {

namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void string(JsonWriter& w, std::string_view text) {
    const std::string clean = to_valid_utf8(text);
    w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

void key(JsonWriter& w, std::string_view name) { w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size())); }

void member(JsonWriter& w, std::string_view name, std::string_view value) {
    key(w, name);
    string(w, value);
}

void number(JsonWriter& w, std::string_view name, double value) {
    if (!std::isfinite(value)) throw input_error(fmt::format("triple: {} is not a finite number ({})", name, value));
    key(w, name);
    w.Double(value);
}

void entity(JsonWriter& w, std::string_view name, const graph::Entity& e) {
    key(w, name);
    w.StartObject();
    member(w, "id", e.id);
    member(w, "label", e.label);
    member(w, "type", graph::to_string(e.type));
    if (!e.country.empty()) member(w, "country", e.country);
    // The names the article used for the entity, so that merging triples gives the graph build gives.
    if (!e.aliases.empty()) {
        key(w, "aliases");
        w.StartArray();
        for (const auto& alias : e.aliases) string(w, alias);
        w.EndArray();
    }
    w.EndObject();
}

}  // namespace

std::string triple_json(const graph::Triple& triple) {
    if (!triple.relation) throw std::invalid_argument("triple_json: the triple has no relation type");
    const auto& relation = *triple.relation;
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    entity(w, "subject", triple.subject);
    member(w, "predicate", relation.predicate);
    member(w, "category", relation.category);
    member(w, "cameo", relation.cameo);
    number(w, "goldstein", relation.goldstein);
    entity(w, "object", triple.object);
    member(w, "modality", graph::to_string(triple.modality));
    key(w, "time");
    w.StartObject();
    member(w, "text", triple.time.text);
    if (!triple.time.start.empty()) member(w, "start", triple.time.start);
    if (!triple.time.end.empty()) member(w, "end", triple.time.end);
    w.EndObject();
    key(w, "evidence");
    w.StartObject();
    member(w, "doc", triple.evidence.doc);
    key(w, "sentence");
    w.Uint(triple.evidence.sentence);
    member(w, "text", triple.evidence.text);
    key(w, "span");
    w.StartArray();
    w.Uint64(triple.evidence.begin);
    w.Uint64(triple.evidence.end);
    w.EndArray();
    w.EndObject();
    number(w, "confidence", triple.confidence);
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

void write_triple(const graph::Triple& triple, std::ostream& out) {
    std::string line = triple_json(triple);
    line += '\n';
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
}

}  // namespace irkg::exporter
