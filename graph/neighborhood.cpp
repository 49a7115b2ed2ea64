#include "neighborhood.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace irkg::graph {

namespace {

constexpr std::uint32_t k_unreached = std::numeric_limits<std::uint32_t>::max();

/// Keeps the first `limit` of `items` in `before` order (all of them when limit is 0), sorting only those.
template <typename T, typename Less>
void keep_first(std::vector<T>& items, std::size_t limit, Less before) {
    if (limit == 0 || limit >= items.size()) {
        std::sort(items.begin(), items.end(), before);
        return;
    }
    std::partial_sort(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(limit), items.end(), before);
    items.resize(limit);
}

void widen_dates(const EdgeData& edge, std::string& first, std::string& last) {
    const std::string from = edge.first_date();
    const std::string to = edge.last_date();
    if (!from.empty() && (first.empty() || from < first)) first = from;
    if (!to.empty() && to > last) last = to;
}

}  // namespace

std::string_view to_string(Direction direction) {
    constexpr std::array<std::string_view, 3> names{"outgoing", "incoming", "symmetric"};
    return names[static_cast<std::size_t>(direction)];
}

Direction direction_from(const KnowledgeGraph& graph, Edge edge, Vertex actor) {
    if (graph.edge(edge).relation->symmetric) return Direction::symmetric;
    return boost::source(edge, graph.store()) == actor ? Direction::outgoing : Direction::incoming;
}

Neighborhood::Neighborhood(const KnowledgeGraph& graph, Vertex centre, NeighborhoodOptions options)
    : graph_(graph), centre_(centre), options_(options) {
    if (centre >= graph.num_entities()) throw std::invalid_argument("Neighborhood: vertex not in the graph");
    if (options.depth == 0) throw std::invalid_argument("Neighborhood: depth must be at least 1");
}

void Neighborhood::run() {
    groups_.clear();
    rings_.clear();
    all_.clear();
    relations_ = 0;
    mentions_ = 0;
    group_relations();
    search();
    has_run_ = true;
}

void Neighborhood::group_relations() {
    const Store& store = graph_.store();
    // Keyed by predicate text (the interned pointer would order groups by address), then direction.
    std::map<std::pair<std::string_view, Direction>, NeighborGroup> groups;
    auto add = [&](Edge e, Vertex other) {
        const EdgeData& data = graph_.edge(e);
        const Direction direction = direction_from(graph_, e, centre_);
        NeighborGroup& group = groups[{data.relation->predicate, direction}];
        if (!group.relation) {
            group.relation = data.relation;
            group.direction = direction;
        }
        group.neighbors.push_back({other, e});
        ++group.total;
        group.mentions += data.weight();
        widen_dates(data, group.first_date, group.last_date);
        ++relations_;
        mentions_ += data.weight();
    };
    for (Edge e : boost::make_iterator_range(boost::out_edges(centre_, store))) add(e, boost::target(e, store));
    for (Edge e : boost::make_iterator_range(boost::in_edges(centre_, store))) {
        const Vertex other = boost::source(e, store);
        if (other == centre_) continue;  // a self-loop, already seen as an out-edge
        if (options_.directed && !graph_.edge(e).relation->symmetric) continue;
        add(e, other);
    }

    const auto before = [this](const Neighbor& a, const Neighbor& b) {
        const std::size_t wa = graph_.edge(a.edge).weight(), wb = graph_.edge(b.edge).weight();
        if (wa != wb) return wa > wb;
        return graph_.entity(a.entity).id < graph_.entity(b.entity).id;
    };
    for (auto& [key, group] : groups) {
        keep_first(group.neighbors, options_.limit, before);
        groups_.push_back(std::move(group));
    }
}

void Neighborhood::search() {
    const Store& store = graph_.store();
    slot_.assign(graph_.num_entities(), k_unreached);
    slot_[centre_] = 0;
    all_.push_back(Reached{centre_, 0, centre_, Edge{}, true, 0, 0});

    // Whether reaching `entity` from `via` along `e` beats the relation recorded in `r` (see Reached::via).
    auto better = [this](const Reached& r, Vertex via, Edge e, bool forward) {
        const std::size_t w = graph_.edge(e).weight(), rw = graph_.edge(r.edge).weight();
        if (w != rw) return w > rw;
        if (via != r.via) return graph_.entity(via).id < graph_.entity(r.via).id;
        const auto& p = graph_.edge(e).relation->predicate;
        const auto& rp = graph_.edge(r.edge).relation->predicate;
        if (p != rp) return p < rp;
        return forward && !r.forward;
    };
    auto step = [&](Vertex via, Edge e, Vertex to, bool forward, std::size_t distance,
                    std::vector<std::uint32_t>& next) {
        if (to == via) return;  // a self-loop leads nowhere
        const std::size_t weight = graph_.edge(e).weight();
        const std::uint32_t s = slot_[to];
        if (s == k_unreached) {
            slot_[to] = static_cast<std::uint32_t>(all_.size());
            next.push_back(slot_[to]);
            all_.push_back(Reached{to, distance, via, e, forward, 1, weight});
            return;
        }
        Reached& r = all_[s];
        if (r.distance != distance) return;  // nearer: reached before
        ++r.relations;
        r.mentions += weight;
        if (better(r, via, e, forward)) {
            r.via = via;
            r.edge = e;
            r.forward = forward;
        }
    };

    std::vector<std::uint32_t> frontier{0};
    for (std::size_t distance = 1; distance <= options_.depth && !frontier.empty(); ++distance) {
        std::vector<std::uint32_t> next;
        for (const std::uint32_t index : frontier) {
            const Vertex u = all_[index].entity;
            for (Edge e : boost::make_iterator_range(boost::out_edges(u, store)))
                step(u, e, boost::target(e, store), true, distance, next);
            for (Edge e : boost::make_iterator_range(boost::in_edges(u, store)))
                if (!options_.directed || graph_.edge(e).relation->symmetric)
                    step(u, e, boost::source(e, store), false, distance, next);
        }
        if (next.empty()) break;

        Ring ring;
        ring.distance = distance;
        ring.total = next.size();
        for (const std::uint32_t index : next) ring.mentions += all_[index].mentions;
        std::vector<std::uint32_t> listed = next;
        keep_first(listed, options_.limit, [this](std::uint32_t a, std::uint32_t b) {
            const Reached &ra = all_[a], &rb = all_[b];
            if (ra.mentions != rb.mentions) return ra.mentions > rb.mentions;
            return graph_.entity(ra.entity).id < graph_.entity(rb.entity).id;
        });
        ring.entities.reserve(listed.size());
        for (const std::uint32_t index : listed) ring.entities.push_back(all_[index]);
        rings_.push_back(std::move(ring));
        frontier = std::move(next);
    }
}

void Neighborhood::assure_finished() const {
    if (!has_run_) throw std::logic_error("Neighborhood: call run() before reading results");
}

const std::vector<NeighborGroup>& Neighborhood::groups() const {
    assure_finished();
    return groups_;
}

const std::vector<Ring>& Neighborhood::rings() const {
    assure_finished();
    return rings_;
}

const Reached* Neighborhood::reached(Vertex v) const {
    assure_finished();
    if (v >= slot_.size() || slot_[v] == k_unreached) return nullptr;
    return &all_[slot_[v]];
}

std::size_t Neighborhood::reached_count() const {
    assure_finished();
    return all_.size() - 1;
}

std::size_t Neighborhood::relation_count() const {
    assure_finished();
    return relations_;
}

std::uint64_t Neighborhood::mention_count() const {
    assure_finished();
    return mentions_;
}

}  // namespace irkg::graph
