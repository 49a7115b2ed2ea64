#pragma once
// The cheapest relation path between two entities, as an algorithm object: construct with the graph
// and options, run(), read the results. Fewest hops by default (bidirectional breadth-first search),
// or the cheapest under an edge cost (Dijkstra). Also what every path query shares: the edge costs,
// the edge a hop walks between two entities, and the order paths are ranked in.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge_graph.hpp"

namespace irkg::graph {

/// What a path costs: each hop's cost (hop_cost()) summed.
enum class PathWeight {
    hops,        ///< every hop costs 1: the path with the fewest hops
    confidence,  ///< the path most likely to hold: a hop costs 0.001 - ln(mean confidence)
    mentions,    ///< the best attested path: a hop costs 1 / (1 + ln(mentions))
    goldstein,   ///< the most cooperative path: a hop costs (10 - Goldstein) / 20 + 0.01
};

std::string_view to_string(PathWeight weight);
/// The weight called `name` ("hops", "confidence", "mentions", "goldstein"), or nullopt.
std::optional<PathWeight> path_weight_from(std::string_view name);
/// "hops, confidence, mentions, goldstein": for messages.
std::string path_weight_names();

/// Costs are whole millionths, so sums are exact and two paths of equal cost are exactly equal
/// (floating-point sums would depend on the order they were added in, and so would ties).
inline constexpr std::uint64_t k_cost_unit = 1'000'000;

/// What walking `edge` costs under `weight`, in millionths (k_cost_unit is 1.0); always at least 1,
/// so a longer path never costs less than its own prefix. Stronger relations are cheaper:
///   hops        1
///   mentions    1 / (1 + ln m) for m mentions: 1 for one, 0.59 for two, 0.30 for ten, 0.18 for a hundred
///   confidence  0.001 - ln c for the mean confidence c (clamped to [1e-6, 1]): the sum is minus the log
///               of the product of the confidences, so the cheapest path is the one most likely to hold
///               if each relation holds independently; 0.001 per hop prefers the shorter of equals
///   goldstein   (10 - g) / 20 + 0.01 for the predicate's Goldstein value g (clamped to [-10, 10], a
///               non-finite value counts as 0): 0.01 for the most cooperative (+10), 0.51 for a neutral
///               relation, 1.01 for the most conflictual (-10)
/// Each value is rounded to the nearest millionth.
std::uint64_t hop_cost(const EdgeData& edge, PathWeight weight);

/// One step of a path: from `from` to `to` along `edge`.
struct PathHop {
    Vertex from;
    Vertex to;
    Edge edge;
    bool forward;  ///< true when `from` is the edge's subject (source), false when it is the object
};

/// A path: the entities it passes (source first, target last) and the hop between each two.
struct Path {
    std::vector<Vertex> vertices;  ///< hops.size() + 1 entities, none twice
    std::vector<PathHop> hops;
    std::uint64_t cost = 0;  ///< the sum of the hops' costs, in millionths

    /// The cost as a number: cost / k_cost_unit (the hop count for PathWeight::hops).
    double cost_value() const { return static_cast<double>(cost) / static_cast<double>(k_cost_unit); }
};

/// The order paths are ranked in, everywhere: lower cost first, then fewer hops, then the entity ids
/// compared one by one from the source (byte order). A strict total order on distinct entity sequences.
bool path_less(const KnowledgeGraph& graph, const Path& a, const Path& b);

/// The relations a hop from `from` to `to` may walk (out of `from` into `to`, and from `to` into `from`
/// where walkable_backwards()), best first: the cheapest under `weight`, then the most mentions, then
/// the smaller predicate, then the forward one. A path's hop walks the first; the others are the
/// "other relations" between the pair. Self-loops are never included. Empty when none links them.
std::vector<PathHop> links(const KnowledgeGraph& graph, Vertex from, Vertex to, bool directed,
                           PathWeight weight = PathWeight::hops);

/// Whether a walk may take `edge` from its object to its subject: always when undirected; when
/// directed only for a symmetric relation (meets, agrees-with: stored once, but it goes both ways).
inline bool walkable_backwards(const Store& store, Edge edge, bool directed) {
    return !directed || store[edge].relation->symmetric;
}

/// Calls fn(neighbour, edge, forward) for every relation a walk may take out of `v`: its out-edges
/// (forward), and its in-edges walked backwards (forward false) where walkable_backwards(). Self-loops never.
template <class F>
void for_each_step(const Store& store, Vertex v, bool directed, F&& fn) {
    for (Edge e : boost::make_iterator_range(boost::out_edges(v, store)))
        if (boost::target(e, store) != v) fn(boost::target(e, store), e, true);
    for (Edge e : boost::make_iterator_range(boost::in_edges(v, store)))
        if (boost::source(e, store) != v && walkable_backwards(store, e, directed)) fn(boost::source(e, store), e, false);
}

/// Calls fn(predecessor, edge) for every relation a walk may take into `v` (the steps of
/// for_each_step() seen from their other end). Self-loops never.
template <class F>
void for_each_step_into(const Store& store, Vertex v, bool directed, F&& fn) {
    for (Edge e : boost::make_iterator_range(boost::in_edges(v, store)))
        if (boost::source(e, store) != v) fn(boost::source(e, store), e);
    for (Edge e : boost::make_iterator_range(boost::out_edges(v, store)))
        if (boost::target(e, store) != v && walkable_backwards(store, e, directed)) fn(boost::target(e, store), e);
}

/// Builds the Path through `vertices` (consecutive ones must be linked), each hop along links()'s first.
/// Throws std::invalid_argument when two consecutive entities are not linked.
Path make_path(const KnowledgeGraph& graph, const std::vector<Vertex>& vertices, bool directed, PathWeight weight);

struct ShortestPathOptions {
    /// false: an edge may be walked against its direction (the relation "China supports Russia"
    /// connects Russia to China too). true: only from subject to object, except that a symmetric
    /// relation (meets) goes both ways.
    bool directed = false;
    PathWeight weight = PathWeight::hops;
    /// Entities the path must not pass through (the source must not be among them; the target may,
    /// and then there is no path). For Yen's algorithm and loopless --via halves.
    std::vector<Vertex> avoid;
    /// Entities the path must not step to directly from the source (Yen's removed links).
    std::vector<Vertex> avoid_first;
};

/// The cheapest path from `source` to `target` under the options' weight.
///
/// Which path, of several equally cheap ones: the one with the fewest hops, then the one whose entity
/// ids, read from the source, come first in byte order (path_less()); each hop walks the relation
/// links() puts first (cheapest, most mentions, smaller predicate, forward). The answer thus depends
/// only on the graph's content, never on the order entities and relations were added in.
///
/// How: PathWeight::hops runs a bidirectional breadth-first search, level by level from whichever side
/// has the fewer relations to scan, and stops at the first level where the two meet; the entities on
/// shortest paths are then marked back to the source from the relations where the sides met, and the
/// path is read from the source, taking the smallest id among the next entities that still lie on a
/// shortest path. Only the two balls around the ends are explored, and no neighbour list is sorted.
/// The other weights run a bidirectional Dijkstra (binary heaps, integer (cost, hops) keys), settling
/// from the side that has scanned fewer relations, not even queueing an entity the other side proves
/// too dear, and stopping once the two heaps' minima together exceed the cheapest path seen; the
/// cheapest paths are then marked along the relations that are exact for either side's keys, and
/// the path is read the same way.
///
/// The object keeps its scratch memory (16 bytes per entity, 32 with a weight; allocated on the first
/// run, from pages the system zeroes as they are first touched), so reset() and run() again is cheap:
/// Yen's algorithm runs one search per spur entity.
class ShortestPath {
public:
    /// `graph` must outlive the object and not change while it is used. Both vertices must be of
    /// `graph` (std::invalid_argument otherwise).
    ShortestPath(const KnowledgeGraph& graph, Vertex source, Vertex target, ShortestPathOptions options = {});
    ~ShortestPath();
    ShortestPath(ShortestPath&&) noexcept;
    ShortestPath(const ShortestPath&) = delete;
    ShortestPath& operator=(const ShortestPath&) = delete;

    /// Asks another question of the same graph, keeping the scratch memory. Results are cleared.
    void reset(Vertex source, Vertex target, ShortestPathOptions options);

    /// Runs the search. Hops: O(relations within the two balls searched). Other weights: O((V' + E')
    /// log V') for the V' entities the two searches settle. Running again gives the same result.
    void run();

    bool has_run() const { return has_run_; }
    /// Whether `target` is reachable from `source`. Throws std::logic_error before run().
    bool found() const;
    /// The hops from source to target, in order; empty when not found or when source == target.
    /// Throws std::logic_error before run().
    const std::vector<PathHop>& hops() const;
    /// The path found (vertices, hops, cost). Throws std::logic_error before run() or when not found.
    const Path& path() const;
    /// How many entities are reachable from the source (the source included, avoided entities not),
    /// for "no path" messages. Computed on the first call by a search of the source's whole component.
    /// Throws std::logic_error before run().
    std::size_t reached() const;

private:
    struct Scratch;
    void check_vertices() const;
    void assure_finished() const;
    void breadth_first();
    void dijkstra();

    const KnowledgeGraph& graph_;
    Vertex source_;
    Vertex target_;
    ShortestPathOptions options_;
    bool has_run_ = false;
    bool found_ = false;
    Path path_;
    mutable std::optional<std::size_t> reached_;
    std::unique_ptr<Scratch> scratch_;
};

}  // namespace irkg::graph
