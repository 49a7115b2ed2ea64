#pragma once
// The actors around one actor, as an algorithm object: construct with the graph, the centre and
// options, run(), read the results. Everything is counted; only the lists are capped, so a hub's
// neighbourhood in a graph of millions of relations stays printable.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge_graph.hpp"

namespace irkg::graph {

/// Which way a relation points, seen from one of its ends.
enum class Direction {
    outgoing,   ///< the actor is the subject (China --supports--> Russia, seen from China)
    incoming,   ///< the actor is the object (seen from Russia)
    symmetric,  ///< a symmetric predicate (meets): no direction
};

std::string_view to_string(Direction direction);

/// How `edge` points as seen from `actor`, which must be one of its ends. A self-loop is outgoing
/// (symmetric when its predicate is).
Direction direction_from(const KnowledgeGraph& graph, Edge edge, Vertex actor);

struct NeighborhoodOptions {
    /// Hops from the centre; at least 1 (the constructor throws std::invalid_argument for 0).
    std::size_t depth = 1;
    /// false: relations are followed either way. true: only from subject to object, and symmetric
    /// relations either way (they have no direction); the groups then hold no incoming relation.
    bool directed = false;
    /// Entities listed per group and per ring; 0 lists all. Totals always count everything.
    std::size_t limit = 20;
};

/// One neighbour of the centre in a group, and the relation (one edge) linking the two.
struct Neighbor {
    Vertex entity;
    Edge edge;
};

/// The centre's relations with one predicate in one direction.
struct NeighborGroup {
    std::shared_ptr<const RelationType> relation;
    Direction direction = Direction::outgoing;
    /// At most `limit` neighbours: most mentions first, then by entity id.
    std::vector<Neighbor> neighbors;
    std::size_t total = 0;              ///< neighbours in the group, listed or not
    std::size_t mentions = 0;           ///< mentions of the group's relations, listed or not
    std::string first_date, last_date;  ///< over the whole group; "" when no mention is dated

    std::size_t more() const { return total - neighbors.size(); }
    bool truncated() const { return more() > 0; }
};

/// One entity reached from the centre, and how.
struct Reached {
    Vertex entity;
    std::size_t distance = 0;  ///< hops from the centre (0 for the centre itself)
    /// The relation it was reached through: of its relations with entities one hop nearer the centre,
    /// the one with the most mentions, then the nearer entity with the smallest id, then the smallest
    /// predicate, then the one followed forward. For the centre: via == entity and no edge.
    Vertex via;
    Edge edge{};
    bool forward = true;         ///< `via` is the subject of `edge`
    std::size_t relations = 0;   ///< its relations with entities one hop nearer
    std::uint64_t mentions = 0;  ///< the mentions of those relations
};

/// The entities at one distance from the centre.
struct Ring {
    std::size_t distance = 0;
    /// At most `limit` entities: most mentions (towards the nearer ring) first, then by entity id.
    std::vector<Reached> entities;
    std::size_t total = 0;       ///< entities at this distance, listed or not
    std::uint64_t mentions = 0;  ///< mentions of the relations linking them with the nearer ring

    std::size_t more() const { return total - entities.size(); }
    bool truncated() const { return more() > 0; }
};

/// The neighbourhood of `centre`: its own relations grouped by (predicate, direction), and the entities
/// within `depth` hops by breadth-first search, ring by ring.
///
/// Ordering rules (independent of insertion order, so outputs are stable):
/// - groups: by predicate, then direction (outgoing, incoming, symmetric);
/// - neighbours in a group: by mentions of the relation, most first, then by entity id;
/// - rings: by distance; entities in a ring: by mentions linking them with the nearer ring, most
///   first, then by entity id. Overall: distance, then mentions (descending), then id.
/// Self-loops appear in the groups (an actor may act on itself) but never lead anywhere.
///
/// Cost: O(sum of the degrees of the entities nearer than `depth`) time, O(V) memory for the
/// search; listing is partial sorting, so a ring of a million entities costs O(n log limit).
class Neighborhood {
public:
    /// `graph` must outlive the object and not change while it is used. Throws std::invalid_argument
    /// when `centre` is not a vertex of `graph` or options.depth is 0.
    Neighborhood(const KnowledgeGraph& graph, Vertex centre, NeighborhoodOptions options = {});

    /// Runs the search; running again gives the same result.
    void run();

    Vertex centre() const { return centre_; }
    const NeighborhoodOptions& options() const { return options_; }

    /// The centre's relations by (predicate, direction). Throws std::logic_error before run().
    const std::vector<NeighborGroup>& groups() const;
    /// Rings 1 to depth; a ring is missing when nothing is that far (so the size may be < depth).
    /// Throws std::logic_error before run().
    const std::vector<Ring>& rings() const;
    /// How `v` was reached, or null when it is not within `depth` hops (the centre is, at distance 0).
    /// Throws std::logic_error before run().
    const Reached* reached(Vertex v) const;
    /// Entities within `depth` hops, the centre excluded. Throws std::logic_error before run().
    std::size_t reached_count() const;
    /// The centre's relations (self-loops once) and their mentions. Throw std::logic_error before run().
    std::size_t relation_count() const;
    std::uint64_t mention_count() const;

private:
    void assure_finished() const;
    void group_relations();
    void search();

    const KnowledgeGraph& graph_;
    Vertex centre_;
    NeighborhoodOptions options_;
    bool has_run_ = false;
    std::vector<NeighborGroup> groups_;
    std::vector<Ring> rings_;
    std::vector<Reached> all_;         ///< every reached entity, the centre first, in discovery order
    std::vector<std::uint32_t> slot_;  ///< per vertex: its index in all_, or k_unreached
    std::size_t relations_ = 0;
    std::uint64_t mentions_ = 0;
};

}  // namespace irkg::graph
