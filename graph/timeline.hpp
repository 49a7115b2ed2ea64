#pragma once
// Every mention of every relation of one actor in date order, as an algorithm object: construct with
// the graph, the actor and options, run(), read the results.
#include <cstddef>
#include <string>
#include <vector>

#include "knowledge_graph.hpp"
#include "neighborhood.hpp"

namespace irkg::graph {

struct TimelineOptions {
    /// Items listed; 0 lists all. The totals always count every mention.
    std::size_t limit = 0;
};

/// One mention of one of the actor's relations.
struct TimelineItem {
    Edge edge;
    const Mention* mention = nullptr;           ///< points into the graph's edge
    Direction direction = Direction::outgoing;  ///< seen from the actor
    Vertex other;                               ///< the relation's other end (the actor itself for a self-loop)
};

/// The mentions of every relation of `actor` (as subject or object), in date order.
///
/// Ordering rules (independent of insertion order, so outputs are stable): dated mentions first, by
/// start date, then end date (a mention without an end date ends on its start); undated mentions
/// last; ties by article id, sentence index and byte span of the evidence, then predicate, then
/// subject id, then object id.
///
/// Cost: O(m log limit) for the actor's m mentions (a partial sort), O(m) memory.
class Timeline {
public:
    /// `graph` must outlive the object and not change while it (or its items) are used. Throws
    /// std::invalid_argument when `actor` is not a vertex of `graph`.
    Timeline(const KnowledgeGraph& graph, Vertex actor, TimelineOptions options = {});

    /// Collects and orders the mentions; running again gives the same result.
    void run();

    Vertex actor() const { return actor_; }

    /// The first `limit` mentions in order. Throws std::logic_error before run().
    const std::vector<TimelineItem>& items() const;
    /// Every mention, listed or not. Throws std::logic_error before run() (as do the accessors below).
    std::size_t total() const;
    std::size_t more() const { return total() - items().size(); }
    bool truncated() const { return more() > 0; }
    /// The actor's relations (a self-loop once) and how many of the mentions are undated.
    std::size_t relations() const;
    std::size_t undated() const;
    /// Earliest start and latest end (or start) date over every mention; "" when none is dated.
    const std::string& first_date() const;
    const std::string& last_date() const;

private:
    void assure_finished() const;

    const KnowledgeGraph& graph_;
    Vertex actor_;
    TimelineOptions options_;
    bool has_run_ = false;
    std::vector<TimelineItem> items_;
    std::size_t total_ = 0;
    std::size_t relations_ = 0;
    std::size_t undated_ = 0;
    std::string first_date_, last_date_;
};

/// Whether `a` comes before `b` in a timeline (the ordering rules of Timeline).
bool timeline_less(const KnowledgeGraph& graph, const TimelineItem& a, const TimelineItem& b);

}  // namespace irkg::graph
