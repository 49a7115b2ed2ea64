#pragma once
#include <iosfwd>
#include <string>

#include "graph/relation.hpp"

namespace irkg::exporter {

/// One extracted triple as one line of JSON, the contract of `irkg extract` and of the evaluation
/// script (shared eval/score.py); schemas/triple.schema.json describes it. Keys in this order:
///   {"subject": {"id", "label", "type", "country"}, "predicate", "category", "cameo", "goldstein",
///    "object": {...}, "modality", "time": {"text", "start", "end"},
///    "evidence": {"doc", "sentence", "text", "span": [begin, end]}, "confidence"}
/// An entity's "country" and the time's "start" and "end" are left out when empty; "time.text" is
/// always there ("" when the sentence gave no time). Ill-formed UTF-8 in any text becomes U+FFFD.
///
/// Returns the line without its newline. Throws std::invalid_argument when `triple.relation` is null
/// (no valid triple has that), irkg::input_error when a number is not finite.
std::string triple_json(const graph::Triple& triple);

/// Writes triple_json(triple) and a newline to `out` (JSON Lines).
void write_triple(const graph::Triple& triple, std::ostream& out);

}  // namespace irkg::exporter
