#pragma once
// What the query subcommands (path, neighbors, timeline, stats, find) share when they print: JSON
// helpers over RapidJSON's writer, and the text forms of a relation (arrow, modalities, evidence).
#include <string>
#include <string_view>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "graph/knowledge_graph.hpp"

namespace irkg::cli {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

/// `text` as a JSON string (ill-formed UTF-8 repaired first).
void json_string(JsonWriter& w, std::string_view text);
/// "key": "value".
void json_member(JsonWriter& w, std::string_view key, std::string_view value);
/// "key": (the value follows).
void json_key(JsonWriter& w, std::string_view key);
/// "key": {"id", "label", "type", "country"}.
void json_entity(JsonWriter& w, std::string_view key, const graph::Entity& e);
/// {"doc", "sentence", "text", "span": [begin, end]} of one mention's evidence.
void json_evidence(JsonWriter& w, const graph::Evidence& evidence);

/// "asserted, planned": the distinct modalities of an edge's mentions.
std::string modality_list(const graph::EdgeData& edge);
/// "--visits-->" (forward), "<--visits--" (walked against its direction), "<--meets-->" (symmetric).
std::string arrow(const graph::EdgeData& edge, bool forward);

/// The mention a query shows for `edge`: the most confident, the earliest of equals (mention order);
/// an empty mention for an edge without any (which irkg never writes).
const graph::Mention& representative_mention(const graph::EdgeData& edge);

}  // namespace irkg::cli
