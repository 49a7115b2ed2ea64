#include "relation.hpp"

#include <array>
#include <tuple>

namespace irkg::graph {

namespace {
constexpr std::array<std::string_view, 4> k_modality_names{"asserted", "planned", "speculative", "negated"};
}

std::string_view to_string(Modality modality) { return k_modality_names[static_cast<std::size_t>(modality)]; }

std::optional<Modality> modality_from(std::string_view name) {
    for (std::size_t i = 0; i < k_modality_names.size(); ++i)
        if (k_modality_names[i] == name) return static_cast<Modality>(i);
    return std::nullopt;
}

bool mention_less(const Mention& a, const Mention& b) {
    return std::tie(a.time.start, a.evidence.doc, a.evidence.sentence, a.evidence.begin, a.evidence.end) <
           std::tie(b.time.start, b.evidence.doc, b.evidence.sentence, b.evidence.begin, b.evidence.end);
}

}  // namespace irkg::graph
