#pragma once
// The filters every query and export shares: cut a graph down by category, predicate, date,
// confidence, mention count, modality, entity type and neighbourhood before it is shown or written.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge_graph.hpp"

namespace irkg::graph {

/// What to keep. Every field left at its default keeps everything, so a default filter is the identity.
///
/// Mention filters (since/until, min_confidence, modalities) drop single mentions; a relation left
/// without mentions is dropped. Relation filters (categories, predicates, min_mentions) then keep or
/// drop whole relations, min_mentions counting the mentions that survived. Entity types keep the
/// relations whose two ends both have a listed type (the `around` entities count as listed). `around` keeps the entities within `depth` hops
/// (relations followed either way) of the listed entities, and the relations among them.
/// Entities: when any relation-level filter is set, only the ends of surviving relations (and the
/// `around` entities themselves) stay; otherwise every entity of a listed type stays, isolated or not.
struct GraphFilter {
    std::vector<std::string> categories;  ///< PLOVER categories or AFFILIATION, as in relations.json
    std::vector<std::string> predicates;  ///< "meets", "visits"
    std::string since;                    ///< YYYY-MM-DD: keep mentions dated on or after (their end)
    std::string until;                    ///< YYYY-MM-DD: keep mentions dated on or before (their start)
    double min_confidence = 0.0;          ///< keep mentions at least this confident
    std::size_t min_mentions = 0;         ///< keep relations with at least this many mentions
    std::vector<Modality> modalities;     ///< keep mentions with one of these modalities
    std::vector<EntityType> types;        ///< keep entities of these types
    std::vector<std::string> around;      ///< entity ids: keep their neighbourhood only
    std::size_t depth = 1;                ///< hops from `around`

    /// True when the filter can drop a mention or relation (not only isolated entities).
    bool filters_relations() const;
    /// True when the filter keeps everything.
    bool is_identity() const;
    /// "category CONSULT, since 2024-01-01, ...": what is set, for summaries; "" for the identity.
    std::string describe() const;
};

/// A new graph holding what `filter` keeps of `graph`. Entities in `filter.around` that `graph`
/// lacks are ignored (resolve names first: EntityIndex). Deterministic; `graph` is unchanged.
KnowledgeGraph apply_filter(const KnowledgeGraph& graph, const GraphFilter& filter);

/// Whether `date` is a date filters accept: YYYY, YYYY-MM or YYYY-MM-DD with a real month and day.
bool is_filter_date(std::string_view date);
/// The first (or, with `last`, the last) calendar day a filter date names: "2024-02" -> "2024-02-01"
/// or "2024-02-29". `date` must pass is_filter_date.
std::string expand_filter_date(std::string_view date, bool last);

}  // namespace irkg::graph
