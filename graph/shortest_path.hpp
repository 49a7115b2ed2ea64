#pragma once
// The fewest-hop relation path between two entities (breadth-first search), as an algorithm object:
// construct with the graph and options, run(), read the results.
#include <cstddef>
#include <vector>

#include "knowledge_graph.hpp"

namespace irkg::graph {

struct ShortestPathOptions {
    /// false: an edge may be walked against its direction (the relation "China supports Russia"
    /// connects Russia to China too). true: only from subject to object.
    bool directed = false;
};

/// One step of a path: from `from` to `to` along `edge`.
struct PathHop {
    Vertex from;
    Vertex to;
    Edge edge;
    bool forward;  ///< true when `from` is the edge's subject (source), false when it is the object
};

/// Breadth-first search from `source` to `target`, so a path found has the fewest hops.
///
/// Ties are broken deterministically, independent of insertion order: each vertex's neighbours are
/// visited in order of entity id; between two entities linked by several relations the one with the
/// most mentions is walked (then the smaller predicate, then the forward direction). Of several
/// shortest paths, the one found is thus the one whose vertices come first in that order, level by level.
/// Self-loops never lie on a path.
class ShortestPath {
public:
    /// `graph` must outlive the object and not change until run() returns. Both vertices must be of `graph`.
    ShortestPath(const KnowledgeGraph& graph, Vertex source, Vertex target, ShortestPathOptions options = {});

    /// Runs the search. O(V + E log E). Running again gives the same result.
    void run();

    bool has_run() const { return has_run_; }
    /// Whether `target` is reachable from `source`. Throws std::logic_error before run().
    bool found() const;
    /// The hops from source to target, in order; empty when not found or when source == target.
    /// Throws std::logic_error before run().
    const std::vector<PathHop>& hops() const;
    /// How many entities are reachable from the source, the source included (for "no path" messages).
    /// Throws std::logic_error before run().
    std::size_t reached() const;

private:
    void assure_finished() const;

    const KnowledgeGraph& graph_;
    Vertex source_;
    Vertex target_;
    ShortestPathOptions options_;
    bool has_run_ = false;
    bool found_ = false;
    std::size_t reached_ = 0;
    std::vector<PathHop> hops_;
};

}  // namespace irkg::graph
