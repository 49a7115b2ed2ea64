#include "graph_stats.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>
#include <tuple>
#include <utility>

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/property_map/property_map.hpp>
#include <boost/range/iterator_range.hpp>

namespace irkg::graph {

namespace {

using Index = std::uint32_t;
constexpr std::size_t k_max_index = std::numeric_limits<Index>::max();
/// A distance no search reaches: the vertex has not been seen.
constexpr Index k_unseen = std::numeric_limits<Index>::max();

/// The simple undirected view: both arcs of every link between two distinct entities, once, in a
/// compressed sparse row graph (a directed graph whose arcs come in pairs; Boost's CSR has no
/// undirected form). Vertices are places in id order, each vertex's neighbours ascending.
using UndirectedCsr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                         boost::no_property, Index, Index>;

/// Runs fn(block) for every block in [0, blocks) on up to `threads` threads (fn must not throw).
template <class Fn>
void for_each_block(std::size_t blocks, unsigned threads, Fn&& fn) {
    const std::size_t workers = std::min<std::size_t>(threads, blocks);
    if (workers <= 1) {
        for (std::size_t b = 0; b < blocks; ++b) fn(b);
        return;
    }
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t b; (b = next.fetch_add(1)) < blocks;) fn(b);
    };
    std::vector<std::thread> pool;
    pool.reserve(workers - 1);
    for (std::size_t i = 1; i < workers; ++i) pool.emplace_back(work);
    work();
    for (auto& thread : pool) thread.join();
}

unsigned thread_count(unsigned requested) {
    if (requested > 0) return requested;
    return std::max(1u, std::thread::hardware_concurrency());
}

/// A uniform integer in [0, bound) from `rng`, by rejection: the same numbers on every platform
/// (std::uniform_int_distribution's algorithm is left to the library).
std::uint64_t uniform_below(std::mt19937_64& rng, std::uint64_t bound) {
    const std::uint64_t limit =
        std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % bound;
    std::uint64_t r;
    do r = rng();
    while (r >= limit);
    return r % bound;
}

/// `k` distinct places in [0, n), drawn with a partial Fisher-Yates shuffle, ascending.
std::vector<Index> sample_sources(std::size_t n, std::size_t k, std::uint64_t seed) {
    std::vector<Index> all(n);
    for (std::size_t i = 0; i < n; ++i) all[i] = static_cast<Index>(i);
    std::mt19937_64 rng(seed);
    for (std::size_t i = 0; i < k; ++i) std::swap(all[i], all[i + uniform_below(rng, n - i)]);
    all.resize(k);
    std::sort(all.begin(), all.end());
    return all;
}

/// Brandes's dependency accumulation from a list of sources on an unweighted graph, summed over the
/// sources in list order whatever the thread count: each thread computes one source's dependencies in
/// its own workspace and adds them to the total when every earlier source has been added.
/// Returns, per vertex, the sum over the sources s of delta_s(v) (ordered pairs (s, t)).
std::vector<double> source_dependencies(const UndirectedCsr& graph, const std::vector<Index>& sources,
                                        unsigned threads) {
    const std::size_t n = boost::num_vertices(graph);
    // The search is bound by memory latency: relabel the vertices hubs first (degree, then place), so the
    // records most searches touch share cache lines. The relabelling is a function of the graph alone, so
    // results stay the same on every run.
    std::vector<Index> by_degree(n), label(n);
    for (std::size_t i = 0; i < n; ++i) by_degree[i] = static_cast<Index>(i);
    std::stable_sort(by_degree.begin(), by_degree.end(),
                     [&](Index a, Index b) { return boost::out_degree(a, graph) > boost::out_degree(b, graph); });
    for (std::size_t i = 0; i < n; ++i) label[by_degree[i]] = static_cast<Index>(i);
    std::vector<std::pair<Index, Index>> arcs;
    arcs.reserve(boost::num_edges(graph));
    for (const auto e : boost::make_iterator_range(boost::edges(graph)))
        arcs.emplace_back(label[boost::source(e, graph)], label[boost::target(e, graph)]);
    std::sort(arcs.begin(), arcs.end());
    const UndirectedCsr g(boost::edges_are_sorted, arcs.begin(), arcs.end(), static_cast<Index>(n));
    arcs.clear();
    arcs.shrink_to_fit();

    struct Paths {
        double sigma = 0.0;  ///< shortest paths from the source
        double delta = 0.0;  ///< dependency of the source on the vertex
    };
    struct Workspace {
        std::vector<Index> dist;  ///< hops from the source; k_unseen before the search reaches the vertex
        std::vector<Paths> paths;
        std::vector<Index> order;
        explicit Workspace(std::size_t size) : dist(size, k_unseen), paths(size) { order.reserve(size); }
    };
    std::vector<double> total(n, 0.0);
    std::mutex mutex;
    std::condition_variable turn_changed;
    std::size_t turn = 0;
    std::atomic<std::size_t> next{0};

    auto work = [&](Workspace& ws) {
        auto& dist = ws.dist;
        auto& paths = ws.paths;
        for (std::size_t k; (k = next.fetch_add(1)) < sources.size();) {
            const Index s = label[sources[k]];
            ws.order.clear();
            dist[s] = 0;
            paths[s].sigma = 1.0;
            ws.order.push_back(s);
            for (std::size_t head = 0; head < ws.order.size(); ++head) {
                const Index v = ws.order[head];
                const Index next_dist = dist[v] + 1;
                const double sigma = paths[v].sigma;
                for (const Index u : boost::make_iterator_range(boost::adjacent_vertices(v, g))) {
                    if (dist[u] == k_unseen) {
                        dist[u] = next_dist;
                        ws.order.push_back(u);
                    }
                    if (dist[u] == next_dist) paths[u].sigma += sigma;
                }
            }
            // Every vertex at distance d+1 comes after every vertex at distance d in BFS order, so in
            // reverse order a vertex's dependency is complete before it is passed to its predecessors.
            for (std::size_t i = ws.order.size(); i-- > 1;) {
                const Index w = ws.order[i];
                const Index before = dist[w] - 1;
                const double share = (1.0 + paths[w].delta) / paths[w].sigma;
                for (const Index v : boost::make_iterator_range(boost::adjacent_vertices(w, g)))
                    if (dist[v] == before) paths[v].delta += paths[v].sigma * share;
            }
            {
                std::unique_lock lock(mutex);
                turn_changed.wait(lock, [&] { return turn == k; });
                for (std::size_t i = 1; i < ws.order.size(); ++i) total[ws.order[i]] += paths[ws.order[i]].delta;
                ++turn;
            }
            turn_changed.notify_all();
            for (const Index v : ws.order) {
                dist[v] = k_unseen;
                paths[v] = Paths{};
            }
        }
    };

    const std::size_t workers = std::max<std::size_t>(1, std::min<std::size_t>(threads, sources.size()));
    std::vector<Workspace> spaces;
    spaces.reserve(workers);
    for (std::size_t i = 0; i < workers; ++i) spaces.emplace_back(n);  // allocated before any thread starts
    std::vector<std::thread> pool;
    for (std::size_t i = 1; i < workers; ++i) pool.emplace_back(work, std::ref(spaces[i]));
    work(spaces[0]);
    for (auto& thread : pool) thread.join();

    std::vector<double> by_place(n);
    for (std::size_t i = 0; i < n; ++i) by_place[i] = total[label[i]];
    return by_place;
}

/// One directed link of PageRank: `weight` mentions from `source` to `target` (places in id order).
struct Link {
    Index target, source;
    std::size_t weight;
};

/// The result of the power iteration.
struct PageRank {
    std::vector<double> rank;
    std::size_t iterations = 0;
    bool converged = false;
};

/// PageRank of `n` vertices over `links` (consumed), pull-style: each vertex sums the rank flowing in over
/// its links, in fixed blocks of vertices whose partial sums are added in block order, so the thread count
/// does not change a bit.
PageRank power_iteration(std::size_t n, std::vector<Link> links, const GraphStatsOptions& options, unsigned threads) {
    // The links into each vertex: offsets[v]..offsets[v+1] index sources and weights, sources ascending;
    // parallel relations between the same ends add up.
    std::sort(links.begin(), links.end(),
              [](const Link& a, const Link& b) { return std::tie(a.target, a.source) < std::tie(b.target, b.source); });
    std::vector<std::size_t> offsets(n + 1, 0);
    std::vector<Index> sources;
    std::vector<double> weights, out_weight(n, 0.0);
    for (std::size_t i = 0; i < links.size();) {
        std::size_t j = i, weight = 0;
        for (; j < links.size() && links[j].target == links[i].target && links[j].source == links[i].source; ++j)
            weight += links[j].weight;
        sources.push_back(links[i].source);
        weights.push_back(static_cast<double>(weight));
        out_weight[links[i].source] += static_cast<double>(weight);
        ++offsets[links[i].target + 1];
        i = j;
    }
    links.clear();
    links.shrink_to_fit();
    for (std::size_t v = 0; v < n; ++v) offsets[v + 1] += offsets[v];

    PageRank result;
    result.rank.assign(n, n > 0 ? 1.0 / static_cast<double>(n) : 0.0);
    result.converged = n == 0;
    auto& rank = result.rank;
    constexpr std::size_t k_block = 4096;
    const std::size_t blocks = (n + k_block - 1) / k_block;
    const double d = options.damping;
    std::vector<double> next(n), contribution(n), block_change(blocks), block_dangling(blocks);
    auto ordered_sum = [](const std::vector<double>& parts) {
        double sum = 0.0;
        for (const double part : parts) sum += part;
        return sum;
    };
    while (n > 0 && result.iterations < options.max_iterations) {
        // Rank of vertices without outgoing links is spread over every vertex, as teleportation is.
        for_each_block(blocks, threads, [&](std::size_t b) {
            double dangling = 0.0;
            for (std::size_t v = b * k_block; v < std::min(n, (b + 1) * k_block); ++v) {
                contribution[v] = out_weight[v] > 0.0 ? d * rank[v] / out_weight[v] : 0.0;
                if (out_weight[v] == 0.0) dangling += rank[v];
            }
            block_dangling[b] = dangling;
        });
        const double base = ((1.0 - d) + d * ordered_sum(block_dangling)) / static_cast<double>(n);
        for_each_block(blocks, threads, [&](std::size_t b) {
            double change = 0.0;
            for (std::size_t v = b * k_block; v < std::min(n, (b + 1) * k_block); ++v) {
                double sum = 0.0;
                for (std::size_t a = offsets[v]; a < offsets[v + 1]; ++a) sum += contribution[sources[a]] * weights[a];
                next[v] = base + sum;
                change += std::abs(next[v] - rank[v]);
            }
            block_change[b] = change;
        });
        rank.swap(next);
        ++result.iterations;
        if (ordered_sum(block_change) < options.tolerance) {
            result.converged = true;
            break;
        }
    }
    return result;
}

/// The sizes of the weakly connected components of `g`, largest first (boost::connected_components: a
/// depth-first search on the symmetric arcs, which is a search of the undirected view).
std::vector<std::size_t> weak_component_sizes(const UndirectedCsr& g) {
    const std::size_t n = boost::num_vertices(g);
    if (n == 0) return {};
    std::vector<Index> component(n, 0);
    const std::size_t count = boost::connected_components(
        g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
    std::vector<std::size_t> sizes(count, 0);
    for (const Index c : component) ++sizes[c];
    std::sort(sizes.begin(), sizes.end(), std::greater<>());
    return sizes;
}

}  // namespace

GraphStats::GraphStats(const KnowledgeGraph& graph, GraphStatsOptions options)
    : graph_(graph), options_(std::move(options)) {}

void GraphStats::assure_finished() const {
    if (!has_run_) throw std::logic_error("GraphStats: call run() before reading results");
}

void GraphStats::run() {
    const std::size_t n = graph_.num_entities();
    if (n > k_max_index || graph_.num_relations() > k_max_index / 2)
        throw std::length_error("GraphStats: a graph of 2^32 entities or links or more is too large");
    order_ = graph_.sorted_vertices();
    index_.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) index_[order_[i]] = static_cast<Index>(i);
    count();
    rank();
    has_run_ = true;
}

void GraphStats::count() {
    const Store& store = graph_.store();
    const std::size_t n = order_.size();
    relations_ = graph_.num_relations();
    mentions_ = 0;
    self_loops_ = 0;
    degree_.assign(n, 0);
    weighted_degree_.assign(n, 0);

    std::map<std::string, std::size_t> types;
    for (const Vertex v : order_) ++types[std::string(to_string(graph_.entity(v).type))];
    by_type_.clear();
    for (const auto& [name, count] : types) by_type_.emplace_back(*entity_type_from(name), count);

    std::map<std::string, RelationCount> categories, predicates;
    for (const Edge e : boost::make_iterator_range(boost::edges(store))) {
        const EdgeData& data = store[e];
        const Index s = index_[boost::source(e, store)], t = index_[boost::target(e, store)];
        const std::size_t w = data.weight();
        mentions_ += w;
        if (s == t) ++self_loops_;
        degree_[s] += 1;
        degree_[t] += 1;
        weighted_degree_[s] += w;
        weighted_degree_[t] += w;
        RelationCount& category = categories[data.relation->category];
        category.name = data.relation->category;
        category.relations += 1;
        category.mentions += w;
        RelationCount& predicate = predicates[data.relation->predicate];
        predicate.name = data.relation->predicate;
        predicate.category = data.relation->category;
        predicate.relations += 1;
        predicate.mentions += w;
    }
    by_category_.clear();
    for (auto& [name, c] : categories) by_category_.push_back(std::move(c));
    by_predicate_.clear();
    for (auto& [name, c] : predicates) by_predicate_.push_back(std::move(c));
    isolated_ = static_cast<std::size_t>(std::count(degree_.begin(), degree_.end(), 0));
}

void GraphStats::rank() {
    const Store& store = graph_.store();
    const std::size_t n = order_.size();
    const unsigned threads = thread_count(options_.threads);

    // The links of both views, from the stored edges.
    std::vector<std::pair<Index, Index>> arcs;  // undirected: both directions, distinct entities
    std::vector<Link> links;                    // directed: symmetric relations both ways, self-loops once
    arcs.reserve(2 * graph_.num_relations());
    links.reserve(graph_.num_relations());
    for (const Edge e : boost::make_iterator_range(boost::edges(store))) {
        const Index s = index_[boost::source(e, store)], t = index_[boost::target(e, store)];
        const std::size_t w = store[e].weight();
        links.push_back({t, s, w});
        if (s == t) continue;
        if (store[e].relation->symmetric) links.push_back({s, t, w});
        arcs.emplace_back(s, t);
        arcs.emplace_back(t, s);
    }
    std::sort(arcs.begin(), arcs.end());
    arcs.erase(std::unique(arcs.begin(), arcs.end()), arcs.end());
    const UndirectedCsr undirected(boost::edges_are_sorted, arcs.begin(), arcs.end(), static_cast<Index>(n));
    arcs.clear();
    arcs.shrink_to_fit();

    component_sizes_ = weak_component_sizes(undirected);

    betweenness_.assign(n, 0.0);
    BetweennessMode mode = options_.betweenness;
    if (mode == BetweennessMode::automatic)
        mode = n <= options_.exact_limit ? BetweennessMode::exact : BetweennessMode::sampled;
    if (mode == BetweennessMode::sampled && options_.samples == 0) mode = BetweennessMode::skipped;
    betweenness_computed_ = mode != BetweennessMode::skipped;
    betweenness_exact_ = false;
    betweenness_sources_ = 0;
    // Unordered pairs (s, t), s != v != t, over which a fraction is counted: (n-1)(n-2)/2.
    const double pairs = n > 2 ? static_cast<double>(n - 1) * static_cast<double>(n - 2) / 2.0 : 0.0;
    if (mode == BetweennessMode::exact) {
        // Boost counts ordered pairs on the directed CSR: each undirected pair twice.
        std::vector<double> raw(n, 0.0);
        if (n > 0)
            boost::brandes_betweenness_centrality(
                undirected,
                boost::make_iterator_property_map(raw.begin(), boost::get(boost::vertex_index, undirected)));
        for (std::size_t i = 0; i < n; ++i) betweenness_[i] = pairs > 0 ? raw[i] / 2.0 / pairs : 0.0;
        betweenness_exact_ = true;
        betweenness_sources_ = n;
    } else if (mode == BetweennessMode::sampled) {
        const std::size_t k = std::min(options_.samples, n);
        const std::vector<double> raw = source_dependencies(undirected, sample_sources(n, k, options_.seed), threads);
        // Each sampled source stands for n/k sources; the sum over all sources counts each pair twice.
        const double scale = k > 0 && pairs > 0 ? static_cast<double>(n) / static_cast<double>(k) / 2.0 / pairs : 0.0;
        for (std::size_t i = 0; i < n; ++i) betweenness_[i] = raw[i] * scale;
        betweenness_exact_ = k == n;
        betweenness_sources_ = k;
    }

    PageRank pagerank = power_iteration(n, std::move(links), options_, threads);
    pagerank_ = std::move(pagerank.rank);
    pagerank_iterations_ = pagerank.iterations;
    pagerank_converged_ = pagerank.converged;

    // Rankings: value, highest first, then place in id order (= entity id).
    auto top = [&](auto value) {
        std::vector<Index> places(n);
        for (std::size_t i = 0; i < n; ++i) places[i] = static_cast<Index>(i);
        const std::size_t k = std::min(options_.top, n);
        std::partial_sort(places.begin(), places.begin() + static_cast<std::ptrdiff_t>(k), places.end(),
                          [&](Index a, Index b) {
                              const double va = value(a), vb = value(b);
                              return va > vb || (va == vb && a < b);
                          });
        std::vector<RankedEntity> out;
        out.reserve(k);
        for (std::size_t i = 0; i < k; ++i) out.push_back({order_[places[i]], value(places[i])});
        return out;
    };
    top_degree_ = top([&](Index i) { return static_cast<double>(degree_[i]); });
    top_weighted_degree_ = top([&](Index i) { return static_cast<double>(weighted_degree_[i]); });
    top_betweenness_ =
        betweenness_computed_ ? top([&](Index i) { return betweenness_[i]; }) : std::vector<RankedEntity>{};
    top_pagerank_ = top([&](Index i) { return pagerank_[i]; });
}

std::size_t GraphStats::entities() const {
    assure_finished();
    return order_.size();
}
std::size_t GraphStats::relations() const {
    assure_finished();
    return relations_;
}
std::size_t GraphStats::mentions() const {
    assure_finished();
    return mentions_;
}
std::size_t GraphStats::self_loops() const {
    assure_finished();
    return self_loops_;
}
const std::vector<std::pair<EntityType, std::size_t>>& GraphStats::by_type() const {
    assure_finished();
    return by_type_;
}
const std::vector<RelationCount>& GraphStats::by_category() const {
    assure_finished();
    return by_category_;
}
const std::vector<RelationCount>& GraphStats::by_predicate() const {
    assure_finished();
    return by_predicate_;
}
std::size_t GraphStats::components() const {
    assure_finished();
    return component_sizes_.size();
}
const std::vector<std::size_t>& GraphStats::component_sizes() const {
    assure_finished();
    return component_sizes_;
}
std::size_t GraphStats::isolated() const {
    assure_finished();
    return isolated_;
}
std::size_t GraphStats::degree(Vertex v) const {
    assure_finished();
    return degree_.at(index_.at(v));
}
std::size_t GraphStats::weighted_degree(Vertex v) const {
    assure_finished();
    return weighted_degree_.at(index_.at(v));
}
double GraphStats::betweenness(Vertex v) const {
    assure_finished();
    return betweenness_.at(index_.at(v));
}
double GraphStats::pagerank(Vertex v) const {
    assure_finished();
    return pagerank_.at(index_.at(v));
}
const std::vector<RankedEntity>& GraphStats::top_degree() const {
    assure_finished();
    return top_degree_;
}
const std::vector<RankedEntity>& GraphStats::top_weighted_degree() const {
    assure_finished();
    return top_weighted_degree_;
}
const std::vector<RankedEntity>& GraphStats::top_betweenness() const {
    assure_finished();
    return top_betweenness_;
}
const std::vector<RankedEntity>& GraphStats::top_pagerank() const {
    assure_finished();
    return top_pagerank_;
}
bool GraphStats::betweenness_computed() const {
    assure_finished();
    return betweenness_computed_;
}
bool GraphStats::betweenness_exact() const {
    assure_finished();
    return betweenness_exact_;
}
std::size_t GraphStats::betweenness_sources() const {
    assure_finished();
    return betweenness_sources_;
}
std::size_t GraphStats::pagerank_iterations() const {
    assure_finished();
    return pagerank_iterations_;
}
bool GraphStats::pagerank_converged() const {
    assure_finished();
    return pagerank_converged_;
}

}  // namespace irkg::graph
