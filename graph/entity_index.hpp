#pragma once
// Resolves the names a user types ("blinken", "PRC", "country:CHN") to the graph's entities.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge_graph.hpp"

namespace irkg::graph {

/// How a name matched. Earlier tiers win: a name that is some entity's id never looks at labels.
enum class MatchKind {
    id,     ///< exactly an entity id
    label,  ///< an id or label, ignoring ASCII case
    alias,  ///< a surface form seen in text ("PRC", "Pyongyang", "blinken"), ignoring ASCII case
    word,   ///< every word of the name is a word of the label ("blinken" -> Antony Blinken)
    /// An id, label, alias or label word starts with the name ("Chi" -> China); candidates() only.
    prefix,
    /// An id, label, alias or label word is within a small edit distance ("blinkn"); candidates() only.
    typo,
    none,
};

std::string_view to_string(MatchKind kind);

/// The entities a name may mean, best tier only, sorted by entity id.
struct NameMatch {
    MatchKind kind = MatchKind::none;
    std::vector<Vertex> candidates;
};

/// One entity a name may mean, for a ranked candidate list (`irkg find`).
struct Candidate {
    Vertex vertex;
    MatchKind kind = MatchKind::none;  ///< the best way it matched (never none)
    /// The id, label, alias or label as the entity spells it that matched (the label for word matches).
    std::string matched;
    /// Edit distance between the name and the matching key, ASCII case ignored: 0 for id, label, alias
    /// and word matches, the missing length for a prefix, the distance for a typo.
    std::size_t distance = 0;
};

/// Name -> entity lookup over one graph. Built once (O(total alias length)); the graph must outlive it
/// and must not change while the index is used.
class EntityIndex {
public:
    explicit EntityIndex(const KnowledgeGraph& graph);

    /// Every entity `name` matches in the best tier that matches at all; kind none and no candidates
    /// when nothing matches. Never throws.
    NameMatch lookup(std::string_view name) const;

    /// Up to `limit` entities with a name close to `name` (ASCII case ignored): an id, label, alias or
    /// label word that starts with it, or is within edit distance max(1, length / 3) of it. Prefix
    /// matches first, then by edit distance, then by id. For "did you mean" messages; may be empty.
    std::vector<Vertex> suggestions(std::string_view name, std::size_t limit = 5) const;

    /// As suggestions(), but the `limit` nearest whatever their distance (empty only for an empty graph).
    std::vector<Vertex> nearest(std::string_view name, std::size_t limit = 5) const;

    /// Every entity `name` may mean, each once with its best match: the tiers of lookup() (id, label,
    /// alias, word; all of them, not only the best tier), then prefix matches (an id, label, alias or
    /// label word starting with the name), then typos (within edit distance max(1, length / 3), the
    /// threshold of suggestions()). ASCII case is ignored except for the id tier. Ordered by kind (in
    /// MatchKind order), then distance, then degree (relations in either direction, most first), then
    /// id. Empty for an empty or blank name. O(total key length x name length); never throws.
    std::vector<Candidate> candidates(std::string_view name) const;

    /// The one entity `name` means. Throws irkg::query_error when the name is ambiguous (listing every
    /// candidate's id, label and type) or unknown (listing the closest suggestions).
    Vertex resolve(std::string_view name) const;

    /// "person:antony-blinken (Antony Blinken, person)", as the messages list candidates.
    std::string describe(Vertex v) const;

private:
    struct Key {
        std::string text;  ///< folded
        Vertex vertex;
        bool operator<(const Key& other) const;
    };

    struct Ranked {
        Vertex vertex;
        bool prefix;
        std::size_t distance;
    };
    /// Every entity, nearest to `name` first.
    std::vector<Ranked> rank(std::string_view name) const;
    static std::vector<Vertex> equal_range(const std::vector<Key>& keys, const std::string& folded);

    const KnowledgeGraph& graph_;
    std::vector<Key> labels_;                            ///< folded ids and labels, sorted
    std::vector<Key> aliases_;                           ///< folded aliases, sorted
    std::vector<std::vector<std::string>> label_words_;  ///< per vertex index: folded words of the label
};

/// ASCII lower case; other bytes (UTF-8 included) are kept as they are.
std::string fold_case(std::string_view text);

/// The words of `text`, split at ASCII white space and - / , ; : ( ) " (so "Kim Jong-un" gives three);
/// other bytes, UTF-8 included, stay inside words.
std::vector<std::string> split_words(std::string_view text);

/// Levenshtein distance between two byte strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace irkg::graph
