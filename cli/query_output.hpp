#pragma once
// What the query subcommands (path, neighbors, timeline, stats, find) share when they print: JSON
// helpers over RapidJSON's writer, and the text forms of a relation (arrow, modalities, evidence).
#include <iosfwd>
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

namespace irkg::cli {

/// ANSI colour for text output: on only when `out` is the process's standard output, that is a
/// terminal, and NO_COLOR is unset, so files, pipes, logs and tests never get control characters.
class Colour {
public:
    explicit Colour(const std::ostream& out);
    bool enabled() const { return enabled_; }
    std::string bold(std::string_view text) const { return wrap("1", text); }
    std::string dim(std::string_view text) const { return wrap("2", text); }
    std::string red(std::string_view text) const { return wrap("31", text); }
    std::string green(std::string_view text) const { return wrap("32", text); }
    std::string cyan(std::string_view text) const { return wrap("36", text); }
    /// Red for a conflictual Goldstein value (< 0), green for a cooperative one (> 0), plain at 0.
    std::string by_goldstein(double goldstein, std::string_view text) const;

private:
    std::string wrap(std::string_view code, std::string_view text) const;
    bool enabled_ = false;
};

}  // namespace irkg::cli
