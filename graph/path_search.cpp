#include "path_search.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <set>
#include <stdexcept>

namespace irkg::graph {

namespace {

constexpr std::uint32_t k_unreached = std::numeric_limits<std::uint32_t>::max();

/// `a` followed by `b` (which starts where `a` ends).
Path concatenate(const Path& a, const Path& b) {
    Path out = a;
    out.vertices.insert(out.vertices.end(), b.vertices.begin() + 1, b.vertices.end());
    out.hops.insert(out.hops.end(), b.hops.begin(), b.hops.end());
    out.cost += b.cost;
    return out;
}

/// Hops from each entity to `goal` (walking towards it), up to `limit`; k_unreached beyond.
std::vector<std::uint32_t> distances_to(const KnowledgeGraph& graph, Vertex goal, bool directed, std::size_t limit) {
    std::vector<std::uint32_t> dist(graph.num_entities(), k_unreached);
    std::vector<Vertex> level{goal}, next;
    dist[goal] = 0;
    for (std::uint32_t d = 1; d <= limit && !level.empty(); ++d) {
        next.clear();
        for (Vertex v : level)
            for_each_step_into(graph.store(), v, directed, [&](Vertex u, Edge) {
                if (dist[u] != k_unreached) return;
                dist[u] = d;
                next.push_back(u);
            });
        level.swap(next);
    }
    return dist;
}

}  // namespace

PathSearch::PathSearch(const KnowledgeGraph& graph, Vertex source, Vertex target, PathSearchOptions options)
    : graph_(graph), source_(source), target_(target), options_(options) {
    const std::size_t n = graph.num_entities();
    if (source >= n || target >= n || (options.via && *options.via >= n))
        throw std::invalid_argument("PathSearch: vertex not in the graph");
    if (options.k == 0) throw std::invalid_argument("PathSearch: k must be at least 1");
    if (options.all && (options.max_hops == 0 || options.max_paths == 0))
        throw std::invalid_argument("PathSearch: max_hops and max_paths must be at least 1");
    if (options.via && (*options.via == source || *options.via == target))
        throw std::invalid_argument("PathSearch: via must differ from both ends");
    if (options.via && !options.all && options.k > 1)
        throw std::invalid_argument("PathSearch: via with k > 1 is not supported");
}

void PathSearch::run() {
    paths_.clear();
    truncation_ = Truncation::none;
    steps_ = 0;
    if (options_.all)
        all_simple();
    else if (options_.via)
        shortest_via();
    else if (options_.k > 1)
        yen();
    else
        shortest();
    has_run_ = true;
}

void PathSearch::shortest() {
    ShortestPath search(graph_, source_, target_, ShortestPathOptions{options_.directed, options_.weight, {}, {}});
    search.run();
    if (search.found()) paths_.push_back(search.path());
}

void PathSearch::shortest_via() {
    const Vertex via = *options_.via;
    const ShortestPathOptions plain{options_.directed, options_.weight, {}, {}};
    ShortestPath search(graph_, source_, via, plain);
    search.run();
    if (!search.found()) return;
    const Path first = search.path();
    search.reset(via, target_, plain);
    search.run();
    if (!search.found()) return;
    const Path second = search.path();

    const auto without_via = [via](const Path& p) {
        std::vector<Vertex> out;
        for (Vertex v : p.vertices)
            if (v != via) out.push_back(v);
        return out;
    };
    const std::vector<Vertex> first_rest = without_via(first);
    const std::vector<Vertex> second_rest = without_via(second);
    const bool crossing = std::any_of(first_rest.begin(), first_rest.end(), [&](Vertex v) {
        return std::find(second_rest.begin(), second_rest.end(), v) != second_rest.end();
    });
    if (!crossing) {  // both halves are the cheapest, so their concatenation is
        paths_.push_back(concatenate(first, second));
        return;
    }

    std::vector<Path> candidates;
    ShortestPathOptions avoiding = plain;
    avoiding.avoid = first_rest;  // holds the target when the first half passes it: then no candidate
    search.reset(via, target_, avoiding);
    search.run();
    if (search.found()) candidates.push_back(concatenate(first, search.path()));
    if (std::find(second_rest.begin(), second_rest.end(), source_) == second_rest.end()) {
        avoiding.avoid = second_rest;
        search.reset(source_, via, avoiding);
        search.run();
        if (search.found()) candidates.push_back(concatenate(search.path(), second));
    }
    if (candidates.empty()) return;
    paths_.push_back(*std::min_element(candidates.begin(), candidates.end(), [&](const Path& a, const Path& b) {
        return path_less(graph_, a, b);
    }));
}

void PathSearch::yen() {
    ShortestPath search(graph_, source_, target_, ShortestPathOptions{options_.directed, options_.weight, {}, {}});
    search.run();
    if (!search.found()) return;
    paths_.push_back(search.path());
    if (source_ == target_) return;  // the path of no hops is the only loopless one

    // Lawler's refinement: a path only needs spurs from the entity where it left the path it was found
    // from. Before that its roots are its parent's, whose next steps were already banned, so those
    // searches would repeat what the parent's did.
    struct Candidate {
        Path path;
        std::size_t deviation;
    };
    std::vector<Candidate> candidates;
    std::vector<std::size_t> deviation{0};
    std::set<std::vector<Vertex>> known{paths_.front().vertices};
    while (paths_.size() < options_.k) {
        const Path last = paths_.back();
        std::uint64_t root_cost = 0;
        for (std::size_t i = 0; i < deviation.back(); ++i)
            root_cost += hop_cost(graph_.edge(last.hops[i].edge), options_.weight);
        for (std::size_t i = deviation.back(); i < last.hops.size(); ++i) {
            const auto root_end = last.vertices.begin() + static_cast<std::ptrdiff_t>(i);
            ShortestPathOptions options{options_.directed, options_.weight, {}, {}};
            options.avoid.assign(last.vertices.begin(), root_end);
            for (const Path& p : paths_)
                if (p.vertices.size() > i + 1 && std::equal(last.vertices.begin(), root_end + 1, p.vertices.begin()))
                    options.avoid_first.push_back(p.vertices[i + 1]);
            search.reset(*root_end, target_, std::move(options));
            search.run();
            if (search.found()) {
                Candidate candidate{Path{}, i};
                Path& path = candidate.path;
                path.vertices.assign(last.vertices.begin(), root_end);
                path.hops.assign(last.hops.begin(), last.hops.begin() + static_cast<std::ptrdiff_t>(i));
                const Path& spur = search.path();
                path.vertices.insert(path.vertices.end(), spur.vertices.begin(), spur.vertices.end());
                path.hops.insert(path.hops.end(), spur.hops.begin(), spur.hops.end());
                path.cost = root_cost + spur.cost;
                if (known.insert(path.vertices).second) candidates.push_back(std::move(candidate));
            }
            root_cost += hop_cost(graph_.edge(last.hops[i].edge), options_.weight);
        }
        if (candidates.empty()) break;
        const auto best = std::min_element(candidates.begin(), candidates.end(),
                                           [&](const Candidate& a, const Candidate& b) {
                                               return path_less(graph_, a.path, b.path);
                                           });
        paths_.push_back(std::move(best->path));
        deviation.push_back(best->deviation);
        candidates.erase(best);
    }
}

void PathSearch::all_simple() {
    if (source_ == target_) {
        paths_.push_back(Path{{source_}, {}, 0});
        return;
    }
    const Store& store = graph_.store();
    const bool directed = options_.directed;
    const std::size_t max_hops = options_.max_hops;
    const std::optional<Vertex> via = options_.via;
    // Distances up to max_hops - 1 are all the pruning asks for (every entity but the source is at
    // least one hop into the path); the last level of a breadth-first search is the biggest.
    const std::vector<std::uint32_t> to_target = distances_to(graph_, target_, directed, max_hops - 1);
    const std::vector<std::uint32_t> to_via =
        via ? distances_to(graph_, *via, directed, max_hops - 1) : std::vector<std::uint32_t>{};
    // The fewest hops a path of the query can have from here: straight to the target, or by the via.
    const auto least = [&](Vertex v, bool via_seen) -> std::uint64_t {
        if (!via || via_seen) return to_target[v];
        if (v == target_ || to_via[v] == k_unreached || to_target[*via] == k_unreached) return k_unreached;
        return std::uint64_t{to_via[v]} + to_target[*via];
    };
    std::uint64_t fewest = k_unreached;
    for_each_step(store, source_, directed, [&](Vertex y, Edge, bool) {
        fewest = std::min(fewest, 1 + least(y, via && y == *via));
    });
    if (fewest > max_hops) return;

    std::vector<char> on_path(graph_.num_entities(), 0);
    std::vector<Vertex> path{source_};
    on_path[source_] = 1;
    bool stop = false;

    // Every simple path of exactly `remaining` more hops from `v`; neighbours in entity id order, so
    // paths come in lexicographic order of their ids.
    std::function<void(Vertex, std::size_t, bool)> extend = [&](Vertex v, std::size_t remaining, bool via_seen) {
        if (v == target_) {
            if (paths_.size() == options_.max_paths) {
                truncation_ = Truncation::max_paths;
                stop = true;
                return;
            }
            paths_.push_back(make_path(graph_, path, directed, options_.weight));
            return;
        }
        std::vector<Vertex> next;
        for_each_step(store, v, directed, [&](Vertex y, Edge, bool) {
            ++steps_;
            if (on_path[y]) return;
            const bool seen = via_seen || (via && y == *via);
            if (least(y, seen) > remaining - 1) return;
            if (y == target_ && remaining != 1) return;  // a path ends at the target
            next.push_back(y);
        });
        if (steps_ > options_.max_steps) {
            truncation_ = Truncation::max_steps;
            stop = true;
            return;
        }
        std::sort(next.begin(), next.end());
        next.erase(std::unique(next.begin(), next.end()), next.end());  // one step per linked pair
        std::sort(next.begin(), next.end(),
                  [&](Vertex a, Vertex b) { return graph_.entity(a).id < graph_.entity(b).id; });
        for (Vertex y : next) {
            on_path[y] = 1;
            path.push_back(y);
            extend(y, remaining - 1, via_seen || (via && y == *via));
            path.pop_back();
            on_path[y] = 0;
            if (stop) return;
        }
    };
    for (std::size_t hops = static_cast<std::size_t>(fewest); hops <= max_hops && !stop; ++hops) extend(source_, hops, false);
    std::stable_sort(paths_.begin(), paths_.end(), [&](const Path& a, const Path& b) { return path_less(graph_, a, b); });
}

void PathSearch::assure_finished() const {
    if (!has_run_) throw std::logic_error("PathSearch: call run() before reading results");
}

const std::vector<Path>& PathSearch::paths() const {
    assure_finished();
    return paths_;
}

Truncation PathSearch::truncation() const {
    assure_finished();
    return truncation_;
}

std::uint64_t PathSearch::steps() const {
    assure_finished();
    return steps_;
}

}  // namespace irkg::graph
