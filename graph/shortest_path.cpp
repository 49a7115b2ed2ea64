#include "shortest_path.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <new>
#include <queue>
#include <stdexcept>
#include <tuple>

namespace irkg::graph {

std::string_view to_string(PathWeight weight) {
    switch (weight) {
        case PathWeight::hops:
            return "hops";
        case PathWeight::confidence:
            return "confidence";
        case PathWeight::mentions:
            return "mentions";
        case PathWeight::goldstein:
            return "goldstein";
    }
    return "hops";
}

std::optional<PathWeight> path_weight_from(std::string_view name) {
    for (auto w : {PathWeight::hops, PathWeight::confidence, PathWeight::mentions, PathWeight::goldstein})
        if (to_string(w) == name) return w;
    return std::nullopt;
}

std::string path_weight_names() { return "hops, confidence, mentions, goldstein"; }

std::uint64_t hop_cost(const EdgeData& edge, PathWeight weight) {
    double cost = 1.0;
    switch (weight) {
        case PathWeight::hops:
            return k_cost_unit;
        case PathWeight::mentions:
            cost = 1.0 / (1.0 + std::log(static_cast<double>(std::max<std::size_t>(edge.weight(), 1))));
            break;
        case PathWeight::confidence:
            cost = 0.001 - std::log(std::clamp(edge.mean_confidence(), 1e-6, 1.0));
            break;
        case PathWeight::goldstein: {
            const double g = std::isfinite(edge.relation->goldstein) ? edge.relation->goldstein : 0.0;
            cost = (10.0 - std::clamp(g, -10.0, 10.0)) / 20.0 + 0.01;
            break;
        }
    }
    return std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::llround(cost * static_cast<double>(k_cost_unit))));
}

bool path_less(const KnowledgeGraph& graph, const Path& a, const Path& b) {
    if (a.cost != b.cost) return a.cost < b.cost;
    if (a.hops.size() != b.hops.size()) return a.hops.size() < b.hops.size();
    for (std::size_t i = 0; i < a.vertices.size() && i < b.vertices.size(); ++i)
        if (a.vertices[i] != b.vertices[i]) return graph.entity(a.vertices[i]).id < graph.entity(b.vertices[i]).id;
    return a.vertices.size() < b.vertices.size();
}

std::vector<PathHop> links(const KnowledgeGraph& graph, Vertex from, Vertex to, bool directed, PathWeight weight) {
    std::vector<PathHop> out;
    if (from == to) return out;
    const Store& store = graph.store();
    // Scan the shorter of the two adjacency lists that hold the pair's relations (a hub has millions).
    const auto collect = [&](Vertex subject, Vertex object, bool forward) {
        const auto take = [&](Edge e) {
            if (forward || walkable_backwards(store, e, directed)) out.push_back({from, to, e, forward});
        };
        if (boost::out_degree(subject, store) <= boost::in_degree(object, store)) {
            for (Edge e : boost::make_iterator_range(boost::out_edges(subject, store)))
                if (boost::target(e, store) == object) take(e);
        } else {
            for (Edge e : boost::make_iterator_range(boost::in_edges(object, store)))
                if (boost::source(e, store) == subject) take(e);
        }
    };
    collect(from, to, true);
    collect(to, from, false);
    const auto key = [&](const PathHop& h) {
        const EdgeData& data = graph.edge(h.edge);
        // Negated mentions: more mentions first.
        return std::make_tuple(hop_cost(data, weight), -static_cast<long long>(data.weight()),
                               std::string_view(data.relation->predicate), !h.forward);
    };
    std::sort(out.begin(), out.end(), [&](const PathHop& a, const PathHop& b) { return key(a) < key(b); });
    return out;
}

Path make_path(const KnowledgeGraph& graph, const std::vector<Vertex>& vertices, bool directed, PathWeight weight) {
    Path path;
    path.vertices = vertices;
    for (std::size_t i = 0; i + 1 < vertices.size(); ++i) {
        const auto options = links(graph, vertices[i], vertices[i + 1], directed, weight);
        if (options.empty())
            throw std::invalid_argument("make_path: " + graph.entity(vertices[i]).id + " and " +
                                        graph.entity(vertices[i + 1]).id + " are not linked");
        path.hops.push_back(options.front());
        path.cost += hop_cost(graph.edge(options.front().edge), weight);
    }
    return path;
}

/// Per-entity scratch memory, kept between runs. What a search asks about an entity sits in one
/// 16-byte slot, so a relation walked costs one memory access at its far end. The memory comes from
/// calloc: the system hands out zeroed pages as they are first touched, so a search that stays in a
/// small part of a large graph neither clears nor touches the rest; and a new run clears only the
/// slots the previous one wrote (their list is kept), not the whole array.
struct ShortestPath::Scratch {
    enum Flag : std::uint32_t {
        forward_seen = 1u << 0,
        backward_seen = 1u << 1,
        forward_settled = 1u << 2,
        backward_settled = 1u << 3,
        marked = 1u << 4,
        marked_backward = 1u << 5,
        avoided = 1u << 6,
        avoided_first = 1u << 7,
    };
    struct Slot {
        std::uint32_t flags;
        std::uint32_t forward_dist, backward_dist;  ///< hops, valid where *_seen is set
        std::uint32_t spare;
    };
    struct Costs {
        std::uint64_t forward_cost, backward_cost;  ///< Dijkstra's, valid where *_seen is set
    };
    struct Free {
        void operator()(void* p) const { std::free(p); }
    };

    std::unique_ptr<Slot[], Free> slots;
    std::unique_ptr<Costs[], Free> costs;  ///< Dijkstra only, allocated on its first run
    std::size_t size = 0;
    std::vector<Vertex> touched;  ///< every slot written since the last start()

    template <class T>
    static std::unique_ptr<T[], Free> zeroed(std::size_t n) {
        std::unique_ptr<T[], Free> p(static_cast<T*>(std::calloc(std::max<std::size_t>(n, 1), sizeof(T))));
        if (!p) throw std::bad_alloc();
        return p;
    }
    void start(std::size_t n) {
        if (size != n || !slots) {
            slots = zeroed<Slot>(n);
            costs.reset();
            size = n;
        } else {
            for (Vertex v : touched) {
                slots[v] = Slot{};
                if (costs) costs[v] = Costs{};
            }
        }
        touched.clear();
    }
    void need_costs() {
        if (!costs) costs = zeroed<Costs>(size);
    }
    Slot& operator[](Vertex v) { return slots[v]; }
    Costs& cost(Vertex v) { return costs[v]; }
    bool is(Flag flag, Vertex v) const { return (slots[v].flags & flag) != 0; }
    /// Every write to a slot starts by setting a flag, so this is where the slot joins `touched`.
    void set(Flag flag, Vertex v) {
        if (slots[v].flags == 0) touched.push_back(v);
        slots[v].flags |= flag;
    }
};

ShortestPath::ShortestPath(const KnowledgeGraph& graph, Vertex source, Vertex target, ShortestPathOptions options)
    : graph_(graph), source_(source), target_(target), options_(std::move(options)) {
    check_vertices();
}

ShortestPath::~ShortestPath() = default;
ShortestPath::ShortestPath(ShortestPath&&) noexcept = default;

void ShortestPath::check_vertices() const {
    const std::size_t n = graph_.num_entities();
    if (source_ >= n || target_ >= n) throw std::invalid_argument("ShortestPath: vertex not in the graph");
    for (const auto* list : {&options_.avoid, &options_.avoid_first})
        for (Vertex v : *list)
            if (v >= n) throw std::invalid_argument("ShortestPath: avoided vertex not in the graph");
}

void ShortestPath::reset(Vertex source, Vertex target, ShortestPathOptions options) {
    source_ = source;
    target_ = target;
    options_ = std::move(options);
    check_vertices();
    has_run_ = false;
    found_ = false;
    path_ = Path{};
    reached_.reset();
}

void ShortestPath::run() {
    if (!scratch_) scratch_ = std::make_unique<Scratch>();
    Scratch& s = *scratch_;
    s.start(graph_.num_entities());
    path_ = Path{};
    found_ = false;
    reached_.reset();
    for (Vertex v : options_.avoid)
        if (v != source_) s.set(Scratch::avoided, v);
    for (Vertex v : options_.avoid_first) s.set(Scratch::avoided_first, v);

    if (source_ == target_) {
        path_.vertices = {source_};
        found_ = true;
    } else if (!s.is(Scratch::avoided, target_)) {
        if (options_.weight == PathWeight::hops)
            breadth_first();
        else
            dijkstra();
    }
    has_run_ = true;
}

void ShortestPath::breadth_first() {
    Scratch& s = *scratch_;
    const Store& store = graph_.store();
    const bool directed = options_.directed;
    // What expanding an entity costs on each side: the relations to scan.
    const auto out_work = [&](Vertex v) {
        return boost::out_degree(v, store) + (directed ? 0 : boost::in_degree(v, store));
    };
    const auto in_work = [&](Vertex v) {
        return boost::in_degree(v, store) + (directed ? 0 : boost::out_degree(v, store));
    };
    const auto banned_first = [&](Vertex from, Vertex to) { return from == source_ && s.is(Scratch::avoided_first, to); };

    // Each side's levels (entities by distance), and what scanning each forward level costs.
    std::vector<std::vector<Vertex>> forward{{source_}}, backward{{target_}};
    std::vector<std::size_t> forward_work{out_work(source_)};
    std::size_t backward_work = in_work(target_);
    s.set(Scratch::forward_seen, source_);
    s[source_].forward_dist = 0;
    s.set(Scratch::backward_seen, target_);
    s[target_].backward_dist = 0;

    // Whole levels from the cheaper side, until a level touches the other side's newest level. The
    // sides were disjoint before, so no path is shorter, and every shortest path walks one of the
    // relations between the two newest levels. Their forward ends are marked as they are found: the
    // entities of the newest forward level that lie on a shortest path.
    std::vector<Vertex> ends;  // the marked entities, all in forward level `position`
    std::vector<Vertex> next;
    while (ends.empty() && !forward.back().empty() && !backward.back().empty()) {
        next.clear();
        std::size_t work = 0;
        if (forward_work.back() <= backward_work) {
            const auto d = static_cast<std::uint32_t>(forward.size());
            for (Vertex u : forward.back())
                for_each_step(store, u, directed, [&](Vertex y, Edge, bool) {
                    if (s.is(Scratch::avoided, y) || banned_first(u, y)) return;
                    if (s.is(Scratch::backward_seen, y) && !s.is(Scratch::marked, u)) {
                        s.set(Scratch::marked, u);
                        ends.push_back(u);
                    }
                    if (s.is(Scratch::forward_seen, y)) return;
                    s.set(Scratch::forward_seen, y);
                    s[y].forward_dist = d;
                    next.push_back(y);
                    work += out_work(y);
                });
            if (!ends.empty()) break;  // the new level is not needed
            forward.push_back(next);
            forward_work.push_back(work);
        } else {
            const auto d = static_cast<std::uint32_t>(backward.size());
            for (Vertex w : backward.back())
                for_each_step_into(store, w, directed, [&](Vertex u, Edge) {
                    if (s.is(Scratch::avoided, u) || banned_first(u, w)) return;
                    if (s.is(Scratch::forward_seen, u) && !s.is(Scratch::marked, u)) {
                        s.set(Scratch::marked, u);
                        ends.push_back(u);
                    }
                    if (s.is(Scratch::backward_seen, u)) return;
                    s.set(Scratch::backward_seen, u);
                    s[u].backward_dist = d;
                    next.push_back(u);
                    work += in_work(u);
                });
            backward.push_back(next);
            backward_work = work;
        }
    }
    if (ends.empty()) return;

    const std::uint32_t position = s[ends.front()].forward_dist;
    // A marked entity at `position` goes on through the backward level of its own distance.
    std::uint32_t length = std::numeric_limits<std::uint32_t>::max();
    for (Vertex u : ends)
        for_each_step(store, u, directed, [&](Vertex y, Edge, bool) {
            if (s.is(Scratch::backward_seen, y) && !s.is(Scratch::avoided, y) && !banned_first(u, y))
                length = std::min(length, position + 1 + s[y].backward_dist);
        });

    // Mark the entities on shortest paths in the forward levels before `position`, back to the
    // source: scan the level's relations forward or the marked entities' relations backward,
    // whichever is less work (the first is work already done once by the search).
    std::vector<Vertex> layer = ends, below;
    for (std::uint32_t i = position; i-- > 0;) {
        below.clear();
        std::size_t layer_work = 0;
        for (Vertex v : layer) layer_work += in_work(v);
        if (forward_work[i] <= layer_work) {
            for (Vertex u : forward[i]) {
                bool on_path = false;
                for_each_step(store, u, directed, [&](Vertex y, Edge, bool) {
                    on_path = on_path || (s.is(Scratch::marked, y) && s[y].forward_dist == i + 1 && !banned_first(u, y));
                });
                if (on_path) {
                    s.set(Scratch::marked, u);
                    below.push_back(u);
                }
            }
        } else {
            for (Vertex v : layer)
                for_each_step_into(store, v, directed, [&](Vertex u, Edge) {
                    if (s.is(Scratch::marked, u) || !s.is(Scratch::forward_seen, u) || s[u].forward_dist != i || banned_first(u, v))
                        return;
                    s.set(Scratch::marked, u);
                    below.push_back(u);
                });
        }
        layer.swap(below);
    }

    // Read the path from the source: at each step the smallest id that still lies on a shortest path.
    std::vector<Vertex> vertices{source_};
    Vertex x = source_;
    for (std::uint32_t pos = 1; pos <= length; ++pos) {
        std::optional<Vertex> best;
        for_each_step(store, x, directed, [&](Vertex y, Edge, bool) {
            if (banned_first(x, y) || s.is(Scratch::avoided, y)) return;
            const bool on_path = pos <= position
                                     ? s.is(Scratch::marked, y) && s[y].forward_dist == pos
                                     : s.is(Scratch::backward_seen, y) && s[y].backward_dist == length - pos;
            if (on_path && (!best || (y != *best && graph_.entity(y).id < graph_.entity(*best).id))) best = y;
        });
        if (!best) throw std::logic_error("ShortestPath: lost the shortest path while reading it");
        x = *best;
        vertices.push_back(x);
    }
    path_ = make_path(graph_, vertices, directed, PathWeight::hops);
    found_ = true;
}

namespace {

/// What Dijkstra's algorithm orders by: cost, then hops, so of equally cheap paths the shorter wins.
struct Key {
    std::uint64_t cost = 0;
    std::uint32_t hops = 0;
    auto operator<=>(const Key&) const = default;
    Key operator+(const Key& other) const { return {cost + other.cost, hops + other.hops}; }
};
constexpr Key k_infinite{std::numeric_limits<std::uint64_t>::max(), std::numeric_limits<std::uint32_t>::max()};

}  // namespace

void ShortestPath::dijkstra() {
    Scratch& s = *scratch_;
    s.need_costs();
    const Store& store = graph_.store();
    const bool directed = options_.directed;
    const PathWeight weight = options_.weight;
    const auto step_key = [&](Edge e) { return Key{hop_cost(graph_.edge(e), weight), 1}; };
    const auto forward_key = [&](Vertex v) { return Key{s.cost(v).forward_cost, s[v].forward_dist}; };
    const auto backward_key = [&](Vertex v) { return Key{s.cost(v).backward_cost, s[v].backward_dist}; };
    const auto banned_first = [&](Vertex from, Vertex to) { return from == source_ && s.is(Scratch::avoided_first, to); };
    const auto out_work = [&](Vertex v) {
        return boost::out_degree(v, store) + (directed ? 0 : boost::in_degree(v, store));
    };
    const auto in_work = [&](Vertex v) {
        return boost::in_degree(v, store) + (directed ? 0 : boost::out_degree(v, store));
    };

    using Entry = std::tuple<std::uint64_t, std::uint32_t, Vertex>;
    using Heap = std::priority_queue<Entry, std::vector<Entry>, std::greater<>>;
    Heap forward, backward;
    // `best`: the cheapest path seen through a relation between the two searches (for the stopping
    // rule). `exact`: the cheapest such path whose both ends are settled, and the relations that make it.
    Key best = k_infinite, exact = k_infinite;
    std::vector<std::pair<Vertex, Vertex>> crossings;
    const auto meet = [&](Vertex u, Vertex v, Key total, bool settled) {
        best = std::min(best, total);
        if (!settled || total > exact) return;
        if (total < exact) {
            exact = total;
            crossings.clear();
        }
        crossings.emplace_back(u, v);
    };
    const auto label = [&](Heap& heap, bool is_forward, Vertex v, Key key) {
        const Scratch::Flag seen = is_forward ? Scratch::forward_seen : Scratch::backward_seen;
        if (s.is(seen, v) && !(key < (is_forward ? forward_key(v) : backward_key(v)))) return;
        s.set(seen, v);
        (is_forward ? s.cost(v).forward_cost : s.cost(v).backward_cost) = key.cost;
        (is_forward ? s[v].forward_dist : s[v].backward_dist) = key.hops;
        heap.emplace(key.cost, key.hops, v);
    };
    // Drops entries of settled entities (an entity is pushed again each time its key improves).
    const auto clean = [&](Heap& heap, Scratch::Flag settled) {
        while (!heap.empty() && s.is(settled, std::get<2>(heap.top()))) heap.pop();
    };
    const auto top = [](const Heap& heap) {
        return heap.empty() ? k_infinite : Key{std::get<0>(heap.top()), std::get<1>(heap.top())};
    };
    // Whether a path that reaches an entity at `key`, and still needs at least `rest`, can be cheapest.
    const auto promising = [&](Key key, Key rest) { return best == k_infinite || rest == k_infinite || !(key + rest > best); };

    // Settling an entity relaxes its relations; a label is not even pushed when the other side proves
    // it too dear: what is left from it costs at least the other side's heap minimum (or its exact
    // key when that side settled it).
    const auto settle_forward = [&] {
        const Vertex u = std::get<2>(forward.top());
        forward.pop();
        s.set(Scratch::forward_settled, u);
        const Key ku = forward_key(u);
        clean(backward, Scratch::backward_settled);
        const Key bound = top(backward);
        for_each_step(store, u, directed, [&](Vertex y, Edge e, bool) {
            if (s.is(Scratch::avoided, y) || banned_first(u, y)) return;
            const bool other_seen = s.is(Scratch::backward_seen, y);
            if (s.is(Scratch::forward_settled, y) && !other_seen) return;
            const Key ky = ku + step_key(e);
            const bool other_settled = s.is(Scratch::backward_settled, y);
            if (other_seen) meet(u, y, ky + backward_key(y), other_settled);
            if (!s.is(Scratch::forward_settled, y) && promising(ky, other_settled ? backward_key(y) : bound))
                label(forward, true, y, ky);
        });
    };
    const auto settle_backward = [&] {
        const Vertex w = std::get<2>(backward.top());
        backward.pop();
        s.set(Scratch::backward_settled, w);
        const Key kw = backward_key(w);
        clean(forward, Scratch::forward_settled);
        const Key bound = top(forward);
        for_each_step_into(store, w, directed, [&](Vertex u, Edge e) {
            if (s.is(Scratch::avoided, u) || banned_first(u, w)) return;
            const bool other_seen = s.is(Scratch::forward_seen, u);
            if (s.is(Scratch::backward_settled, u) && !other_seen) return;
            const Key ku = kw + step_key(e);
            const bool other_settled = s.is(Scratch::forward_settled, u);
            if (other_seen) meet(u, w, forward_key(u) + ku, other_settled);
            if (!s.is(Scratch::backward_settled, u) && promising(ku, other_settled ? forward_key(u) : bound))
                label(backward, false, u, ku);
        });
    };

    label(forward, true, source_, Key{});
    label(backward, false, target_, Key{});
    std::size_t forward_work = out_work(source_), backward_work = in_work(target_);
    settle_forward();
    settle_backward();
    // Settle from the side that has scanned fewer relations, counting those its next entity would
    // scan (so a hub is settled only when the other side has done as much work), until the two heaps'
    // minima together exceed the cheapest path seen (strictly: then every entity of every cheapest
    // path is settled by one side or the other, each path crossing from the forward to the backward
    // side by a recorded relation), or one side has settled everything it reaches.
    for (;;) {
        clean(forward, Scratch::forward_settled);
        clean(backward, Scratch::backward_settled);
        if (forward.empty() || backward.empty()) break;
        if (best != k_infinite && top(forward) + top(backward) > best) break;
        const std::size_t forward_next = out_work(std::get<2>(forward.top()));
        const std::size_t backward_next = in_work(std::get<2>(backward.top()));
        if (forward_work + forward_next <= backward_work + backward_next) {
            forward_work += forward_next;
            settle_forward();
        } else {
            backward_work += backward_next;
            settle_backward();
        }
    }
    if (exact == k_infinite) return;

    // Mark the cheapest paths: from each crossing relation, back to the source through relations tight
    // for the forward keys, and on to the target through relations tight for the backward keys.
    std::vector<Vertex> stack;
    for (const auto& [u, v] : crossings)
        if (!s.is(Scratch::marked, u)) {
            s.set(Scratch::marked, u);
            stack.push_back(u);
        }
    while (!stack.empty()) {
        const Vertex x = stack.back();
        stack.pop_back();
        for_each_step_into(store, x, directed, [&](Vertex u, Edge e) {
            if (s.is(Scratch::marked, u) || !s.is(Scratch::forward_settled, u) || banned_first(u, x)) return;
            if (forward_key(u) + step_key(e) != forward_key(x)) return;
            s.set(Scratch::marked, u);
            stack.push_back(u);
        });
    }
    for (const auto& [u, v] : crossings)
        if (!s.is(Scratch::marked_backward, v)) {
            s.set(Scratch::marked_backward, v);
            stack.push_back(v);
        }
    while (!stack.empty()) {
        const Vertex x = stack.back();
        stack.pop_back();
        for_each_step(store, x, directed, [&](Vertex y, Edge e, bool) {
            if (s.is(Scratch::marked_backward, y) || !s.is(Scratch::backward_settled, y) || s.is(Scratch::avoided, y) ||
                banned_first(x, y))
                return;
            if (step_key(e) + backward_key(y) != backward_key(x)) return;
            s.set(Scratch::marked_backward, y);
            stack.push_back(y);
        });
    }

    // Read from the source: at each step the smallest id that continues some cheapest path, knowing
    // the key walked so far: a forward-marked entity reached at exactly its forward key, or a
    // backward-marked one whose backward key completes the cheapest.
    std::vector<Vertex> vertices{source_};
    Vertex x = source_;
    Key walked{};
    while (x != target_) {
        std::optional<Vertex> next;
        Key next_walked;
        for_each_step(store, x, directed, [&](Vertex y, Edge e, bool) {
            if (s.is(Scratch::avoided, y) || banned_first(x, y)) return;
            if (!s.is(Scratch::marked, y) && !s.is(Scratch::marked_backward, y)) return;
            const Key k = walked + step_key(e);
            const bool on_path = (s.is(Scratch::marked, y) && k == forward_key(y)) ||
                                 (s.is(Scratch::marked_backward, y) && k + backward_key(y) == exact);
            if (on_path && (!next || (y != *next && graph_.entity(y).id < graph_.entity(*next).id))) {
                next = y;
                next_walked = k;
            }
        });
        if (!next) throw std::logic_error("ShortestPath: lost the cheapest path while reading it");
        x = *next;
        walked = next_walked;
        vertices.push_back(x);
    }
    path_ = make_path(graph_, vertices, directed, weight);
    found_ = true;
}

void ShortestPath::assure_finished() const {
    if (!has_run_) throw std::logic_error("ShortestPath: call run() before reading results");
}

bool ShortestPath::found() const {
    assure_finished();
    return found_;
}

const std::vector<PathHop>& ShortestPath::hops() const {
    assure_finished();
    return path_.hops;
}

const Path& ShortestPath::path() const {
    assure_finished();
    if (!found_) throw std::logic_error("ShortestPath: no path was found");
    return path_;
}

std::size_t ShortestPath::reached() const {
    assure_finished();
    if (reached_) return *reached_;
    const Store& store = graph_.store();
    std::vector<char> blocked(graph_.num_entities(), 0);
    for (Vertex v : options_.avoid)
        if (v != source_) blocked[v] = 1;
    std::vector<char> avoided_first(graph_.num_entities(), 0);
    for (Vertex v : options_.avoid_first) avoided_first[v] = 1;
    std::vector<Vertex> stack{source_};
    blocked[source_] = 1;
    std::size_t count = 1;
    while (!stack.empty()) {
        const Vertex u = stack.back();
        stack.pop_back();
        for_each_step(store, u, options_.directed, [&](Vertex y, Edge, bool) {
            if (blocked[y] || (u == source_ && avoided_first[y])) return;
            blocked[y] = 1;
            ++count;
            stack.push_back(y);
        });
    }
    reached_ = count;
    return count;
}

}  // namespace irkg::graph
