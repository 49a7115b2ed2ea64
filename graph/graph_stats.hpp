#pragma once
// Summary statistics of a KnowledgeGraph, as an algorithm object (construct with the graph and options,
// run(), read the results): counts by entity type, category and predicate; the actors with the highest
// degree, weighted degree, betweenness and PageRank; weakly connected components.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "knowledge_graph.hpp"

namespace irkg::graph {

/// How betweenness is computed.
enum class BetweennessMode {
    automatic,  ///< exact up to `exact_limit` entities, estimated from `samples` sources above
    exact,      ///< exact (Brandes, O(V·E)) whatever the size
    sampled,    ///< estimated from `samples` sources whatever the size (exact when samples >= entities)
    skipped,    ///< not computed
};

struct GraphStatsOptions {
    /// How many entities each ranking keeps.
    std::size_t top = 10;
    BetweennessMode betweenness = BetweennessMode::automatic;
    /// Source vertices of the betweenness estimate.
    std::size_t samples = 256;
    /// Largest graph (entities) on which automatic betweenness is exact.
    std::size_t exact_limit = 5000;
    /// Seed of the source sample (std::mt19937_64): the same seed picks the same sources on every platform.
    std::uint64_t seed = 20240420;
    /// PageRank: damping factor, and the power iteration stops when the L1 change of the rank vector drops
    /// below `tolerance` or after `max_iterations`.
    double damping = 0.85;
    double tolerance = 1e-10;
    std::size_t max_iterations = 1000;
    /// Worker threads for betweenness and PageRank (0: one per core). Results do not depend on it.
    unsigned threads = 1;
};

/// Relations and mentions of one category or predicate.
struct RelationCount {
    std::string name;
    std::string category;  ///< a predicate's category; empty in a count by category
    std::size_t relations = 0;
    std::size_t mentions = 0;
};

/// One entity of a ranking.
struct RankedEntity {
    Vertex vertex;
    double value;
};

/// Statistics of a graph. Every figure is defined on the graph as stored (one edge per subject,
/// predicate and object; symmetric predicates stored once):
///
/// - degree: the relations an entity takes part in, as subject or object (a self-loop counts twice,
///   as in networkx); weighted degree: the same summed over mentions (the edge weight of the exports).
/// - betweenness: Brandes's shortest-path betweenness on the simple undirected view: relations are
///   followed in either direction (as `irkg path` does by default), several relations between two
///   entities count as one link, self-loops are ignored, every link has length 1. Normalised as
///   networkx's betweenness_centrality(normalized=True): the number of entity pairs whose shortest
///   paths run through the entity (fractionally when several do) divided by (n-1)(n-2)/2. Exact values
///   come from boost::brandes_betweenness_centrality. An estimate takes K distinct source entities,
///   drawn uniformly with std::mt19937_64 seeded with `seed`, accumulates their dependencies and scales
///   by n/K (as networkx's betweenness_centrality(k=K)): unbiased, and the same sources on every run.
/// - PageRank: power iteration on the directed graph, subject -> object (a symmetric relation both ways,
///   a self-loop once), each link weighted by its mentions (parallel relations add up); rank of an entity
///   without outgoing links (dangling) spread evenly over all entities; damping `damping`, uniform start
///   and teleport. The same definition as networkx's pagerank(weight="weight").
/// - components: weakly connected components (boost::connected_components on the undirected view).
///
/// Results are identical whatever the insertion order of the graph, the thread count or the run: the
/// algorithms work on the entities in id order, sums run in a fixed order, and rankings are sorted by
/// value (highest first), then entity id.
class GraphStats {
public:
    /// `graph` must outlive the object and not change until run() returns.
    explicit GraphStats(const KnowledgeGraph& graph, GraphStatsOptions options = {});

    /// Computes everything. Running again gives the same results. Throws std::length_error for a graph of
    /// 2^32 entities or links or more.
    void run();
    bool has_run() const { return has_run_; }

    // Counts. Every accessor throws std::logic_error before run().
    std::size_t entities() const;
    std::size_t relations() const;
    std::size_t mentions() const;
    /// Relations whose subject is their object.
    std::size_t self_loops() const;
    /// Entities of each type present, in type-name order.
    const std::vector<std::pair<EntityType, std::size_t>>& by_type() const;
    /// Relations and mentions per category, in name order.
    const std::vector<RelationCount>& by_category() const;
    /// Relations and mentions per predicate, in name order.
    const std::vector<RelationCount>& by_predicate() const;

    // Components.
    std::size_t components() const;
    /// Every component's size, largest first.
    const std::vector<std::size_t>& component_sizes() const;
    /// Entities that take part in no relation (degree 0).
    std::size_t isolated() const;

    // Per entity, by vertex of the graph.
    std::size_t degree(Vertex v) const;
    std::size_t weighted_degree(Vertex v) const;
    /// Normalised betweenness (0 when skipped).
    double betweenness(Vertex v) const;
    double pagerank(Vertex v) const;

    // Rankings: the `top` entities, highest value first, ties by entity id.
    const std::vector<RankedEntity>& top_degree() const;
    const std::vector<RankedEntity>& top_weighted_degree() const;
    /// Empty when betweenness was skipped.
    const std::vector<RankedEntity>& top_betweenness() const;
    const std::vector<RankedEntity>& top_pagerank() const;

    // How betweenness and PageRank were computed.
    bool betweenness_computed() const;
    /// True when every entity was a source (exact values); false for an estimate.
    bool betweenness_exact() const;
    /// Source entities the betweenness values come from (the number of entities when exact).
    std::size_t betweenness_sources() const;
    std::size_t pagerank_iterations() const;
    /// False when the power iteration stopped at max_iterations before reaching the tolerance.
    bool pagerank_converged() const;

    const GraphStatsOptions& options() const { return options_; }

private:
    void assure_finished() const;
    void count();
    void rank();

    const KnowledgeGraph& graph_;
    GraphStatsOptions options_;
    bool has_run_ = false;

    std::size_t relations_ = 0, mentions_ = 0, self_loops_ = 0;
    std::vector<std::pair<EntityType, std::size_t>> by_type_;
    std::vector<RelationCount> by_category_, by_predicate_;
    std::vector<std::size_t> component_sizes_;
    std::size_t isolated_ = 0;

    // The entities in id order (the order every algorithm works in), and each vertex's place in it.
    std::vector<Vertex> order_;
    std::vector<std::uint32_t> index_;
    // Indexed by place in order_.
    std::vector<std::size_t> degree_, weighted_degree_;
    std::vector<double> betweenness_, pagerank_;

    std::vector<RankedEntity> top_degree_, top_weighted_degree_, top_betweenness_, top_pagerank_;
    bool betweenness_computed_ = false, betweenness_exact_ = false;
    std::size_t betweenness_sources_ = 0;
    std::size_t pagerank_iterations_ = 0;
    bool pagerank_converged_ = false;
};

}  // namespace irkg::graph
