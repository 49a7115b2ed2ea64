#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "entity.hpp"

namespace irkg::graph {

enum class Modality { asserted, planned, speculative, negated };

std::string_view to_string(Modality modality);
std::optional<Modality> modality_from(std::string_view name);

/// A time expression and the ISO dates (YYYY-MM-DD) it resolves to; start/end empty when unresolved.
struct TimeSpan {
    std::string text;
    std::string start;
    std::string end;
    bool operator==(const TimeSpan&) const = default;
};

/// Where a relation was read: article id, sentence index, the sentence, byte offsets in the article text.
struct Evidence {
    std::string doc;
    std::uint32_t sentence = 0;
    std::string text;
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
    bool operator==(const Evidence&) const = default;
};

/// One predicate of the ontology (schemas/relations.json).
struct RelationType {
    std::string predicate;
    std::string category;  ///< PLOVER type or AFFILIATION
    std::string mode;
    std::string cameo;
    double goldstein = 0.0;
    bool symmetric = false;
    std::string label;
    std::string description;
};

/// One reading of a relation in one sentence: what `irkg extract` prints, one JSON line each.
struct Triple {
    Entity subject;
    const RelationType* relation = nullptr;  ///< owned by the Ontology, never null in a valid triple
    Entity object;
    Modality modality = Modality::asserted;
    TimeSpan time;
    Evidence evidence;
    double confidence = 0.0;
};

/// One mention of a merged relation: a triple without its endpoints and predicate.
struct Mention {
    Modality modality = Modality::asserted;
    TimeSpan time;
    Evidence evidence;
    double confidence = 0.0;
    bool operator==(const Mention&) const = default;
};

/// The order mentions are kept in: date, then document, sentence and span. Equal keys are the same mention.
bool mention_less(const Mention& a, const Mention& b);

}  // namespace irkg::graph
