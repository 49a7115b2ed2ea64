#pragma once
// A path query as `irkg path` asks it, as an algorithm object: the cheapest path, the k cheapest
// loopless paths (Yen), or every simple path up to a hop limit, optionally through a given entity.
// Construct with the graph and options, run(), read the results.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "knowledge_graph.hpp"
#include "shortest_path.hpp"

namespace irkg::graph {

struct PathSearchOptions {
    /// false: relations are walked either way; true: only from subject to object (a symmetric relation
    /// both ways).
    bool directed = false;
    PathWeight weight = PathWeight::hops;
    /// How many paths: the k cheapest loopless paths (Yen's algorithm); 1 is the cheapest path. At least 1.
    std::size_t k = 1;
    /// Every simple path of at most max_hops hops instead (k is then ignored).
    bool all = false;
    std::size_t max_hops = 4;     ///< all: the longest path listed, at least 1
    std::size_t max_paths = 1000; ///< all: stop after this many paths, at least 1
    /// all: stop after walking this many relations in the enumeration, so a dense neighbourhood
    /// (hubs with thousands of relations) cannot make a query run for minutes.
    std::uint64_t max_steps = 20'000'000;
    /// The paths must pass through this entity (neither the source nor the target).
    std::optional<Vertex> via;
};

/// Why PathSearch stopped listing paths before it had them all.
enum class Truncation {
    none,       ///< every path asked for is listed
    max_paths,  ///< all: more than max_paths paths exist; the max_paths listed are the ones with the fewest hops
    max_steps,  ///< all: the work bound was hit; paths of fewer hops than the longest listed are complete
};

/// The paths from `source` to `target` that the options ask for, best first in path_less() order
/// (cost, then hops, then entity ids from the source), so the answer does not depend on the order
/// the graph was built in.
///
/// - k == 1, no via: ShortestPath's path.
/// - k > 1: Yen's k shortest loopless paths. The first is ShortestPath's; for each further one, every
///   entity of the previous path is a spur: the path keeps the root up to the spur, must not re-enter
///   the root, must not leave the spur by a step an already listed path with the same root took, and
///   continues by ShortestPath's cheapest path; the best candidate (path_less()) is the next path.
///   (Lawler's refinement: spurs start where a path left the path it was found from.)
///   Paths are entity sequences: two relations between the same pair of entities are one step (the
///   hop walks the relation links() puts first). Fewer than k when fewer loopless paths exist.
/// - all: every simple path of at most max_hops hops, found by depth-first search in order of hop
///   count (all paths of h hops before any of h + 1), neighbours in entity id order, pruned by the
///   distance to the target (one breadth-first search from the target first), so only entities that
///   can still reach the target within the hop limit are entered. Stops when max_paths are found and
///   another exists (Truncation::max_paths: the listed ones are those with the fewest hops, then the
///   smallest ids), or after max_steps relations walked (Truncation::max_steps). The list is then
///   sorted by path_less() (for hops the enumeration order already is that order).
/// - via with k == 1: the cheapest path source -> via followed by the cheapest via -> target. When
///   the two halves share an entity besides via, the concatenation would loop: then the second half
///   is searched again avoiding the first half's entities, and the first half again avoiding the
///   second's, and the better of the two loopless combinations is the answer (none when neither
///   exists). Exact when the halves do not cross; when they do it is a heuristic (the cheapest
///   loopless path through a given entity is as hard as two disjoint paths) that may miss a loopless
///   path or a cheaper one. via with all: exactly the simple paths that pass through via (the pruning
///   accounts for the detour). via with k > 1 is not supported (std::invalid_argument).
class PathSearch {
public:
    /// `graph` must outlive the object and not change while it is used. Throws std::invalid_argument for
    /// a vertex not of `graph`, k == 0, max_hops == 0, max_paths == 0, via equal to an end, or via with k > 1.
    PathSearch(const KnowledgeGraph& graph, Vertex source, Vertex target, PathSearchOptions options = {});

    /// Runs the query. Running again gives the same result.
    void run();

    bool has_run() const { return has_run_; }
    /// The paths found, best first; empty when there is none. Throws std::logic_error before run().
    const std::vector<Path>& paths() const;
    /// Whether the list was cut short (all only). Throws std::logic_error before run().
    Truncation truncation() const;
    /// all: how many relations the enumeration walked (the work that max_steps bounds).
    std::uint64_t steps() const;
    const PathSearchOptions& options() const { return options_; }

private:
    void assure_finished() const;
    void shortest();
    void shortest_via();
    void yen();
    void all_simple();

    const KnowledgeGraph& graph_;
    Vertex source_;
    Vertex target_;
    PathSearchOptions options_;
    bool has_run_ = false;
    std::vector<Path> paths_;
    Truncation truncation_ = Truncation::none;
    std::uint64_t steps_ = 0;
};

}  // namespace irkg::graph
