#include "query_output.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include <unistd.h>

#include "export/utf8_text.hpp"

namespace irkg::cli {

void json_string(JsonWriter& w, std::string_view text) {
    const std::string clean = exporter::to_valid_utf8(text);
    w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

void json_member(JsonWriter& w, std::string_view key, std::string_view value) {
    json_key(w, key);
    json_string(w, value);
}

void json_key(JsonWriter& w, std::string_view key) { w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size())); }

void json_entity(JsonWriter& w, std::string_view key, const graph::Entity& e) {
    json_key(w, key);
    w.StartObject();
    json_member(w, "id", e.id);
    json_member(w, "label", e.label);
    json_member(w, "type", graph::to_string(e.type));
    json_member(w, "country", e.country);
    w.EndObject();
}

void json_evidence(JsonWriter& w, const graph::Evidence& evidence) {
    w.StartObject();
    json_member(w, "doc", evidence.doc);
    json_key(w, "sentence");
    w.Uint(evidence.sentence);
    json_member(w, "text", evidence.text);
    json_key(w, "span");
    w.StartArray();
    w.Uint64(evidence.begin);
    w.Uint64(evidence.end);
    w.EndArray();
    w.EndObject();
}

std::string modality_list(const graph::EdgeData& edge) {
    std::string out;
    for (auto m : edge.modalities()) out += (out.empty() ? "" : ", ") + std::string(graph::to_string(m));
    return out;
}

std::string arrow(const graph::EdgeData& edge, bool forward) {
    const std::string& p = edge.relation->predicate;
    if (edge.relation->symmetric) return "<--" + p + "-->";
    return forward ? "--" + p + "-->" : "<--" + p + "--";
}

const graph::Mention& representative_mention(const graph::EdgeData& edge) {
    static const graph::Mention none{};
    if (edge.mentions.empty()) return none;
    // max_element returns the first of equal maxima, and mentions are kept in mention order.
    return *std::max_element(
        edge.mentions.begin(), edge.mentions.end(),
        [](const graph::Mention& a, const graph::Mention& b) { return a.confidence < b.confidence; });
}

}  // namespace irkg::cli

namespace irkg::cli {

Colour::Colour(const std::ostream& out)
    : enabled_(&out == &std::cout && ::isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr) {}

std::string Colour::wrap(std::string_view code, std::string_view text) const {
    if (!enabled_) return std::string(text);
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
}

std::string Colour::by_goldstein(double goldstein, std::string_view text) const {
    if (goldstein < 0) return red(text);
    if (goldstein > 0) return green(text);
    return std::string(text);
}

}  // namespace irkg::cli
