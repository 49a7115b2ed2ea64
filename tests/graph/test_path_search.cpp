// The path algorithms (graph/shortest_path, graph/path_search) on small hand-made graphs with known
// answers, and against a brute-force enumeration of every simple path on random small graphs.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "graph/path_search.hpp"
#include "graph/shortest_path.hpp"

using namespace irkg::graph;

namespace {

/// A graph of entities x:<name>, relations added by name.
struct World {
    KnowledgeGraph g;
    std::uint32_t sentence = 0;

    Vertex v(const std::string& name) {
        if (auto found = g.find("x:" + name)) return *found;
        return g.add_entity(Entity{"x:" + name, name, EntityType::other, "", {}});
    }
    /// `mentions` mentions of `predicate` from `a` to `b`, each with `confidence`. A predicate's
    /// Goldstein value is fixed by its name: "g+7" has +7, "g-5" has -5, any other 1.
    World& rel(const std::string& a, const std::string& predicate, const std::string& b, int mentions = 1,
               double confidence = 0.8, bool symmetric = false) {
        double goldstein = 1.0;
        if (predicate.size() > 1 && predicate[0] == 'g' && (predicate[1] == '+' || predicate[1] == '-'))
            goldstein = std::stod(predicate.substr(1));
        const RelationType type{predicate, "CONSULT", "", "000", goldstein, symmetric, predicate, ""};
        const Vertex from = v(a), to = v(b);
        for (int i = 0; i < mentions; ++i) {
            ++sentence;
            g.add_mention(from, type, to,
                          Mention{Modality::asserted, TimeSpan{}, Evidence{"doc", sentence, a + " " + b, sentence, sentence + 1},
                                  confidence});
        }
        return *this;
    }
};

/// "a b c": the labels of a path's entities.
std::string names(const KnowledgeGraph& g, const Path& p) {
    std::string out;
    for (Vertex v : p.vertices) out += (out.empty() ? "" : " ") + g.entity(v).label;
    return out;
}

std::vector<std::string> names(const KnowledgeGraph& g, const std::vector<Path>& paths) {
    std::vector<std::string> out;
    for (const auto& p : paths) out.push_back(names(g, p));
    return out;
}

std::string shortest(World& w, const std::string& a, const std::string& b, PathWeight weight = PathWeight::hops,
                     bool directed = false) {
    ShortestPath search(w.g, w.v(a), w.v(b), ShortestPathOptions{directed, weight, {}, {}});
    search.run();
    return search.found() ? names(w.g, search.path()) : "none";
}

std::vector<std::string> query(World& w, const std::string& a, const std::string& b, PathSearchOptions options,
                               Truncation* truncation = nullptr) {
    PathSearch search(w.g, w.v(a), w.v(b), options);
    search.run();
    if (truncation) *truncation = search.truncation();
    return names(w.g, search.paths());
}

PathSearchOptions k_paths(std::size_t k, PathWeight weight = PathWeight::hops) {
    PathSearchOptions o;
    o.k = k;
    o.weight = weight;
    return o;
}

PathSearchOptions all_paths(std::size_t max_hops, std::size_t max_paths = 1000) {
    PathSearchOptions o;
    o.all = true;
    o.max_hops = max_hops;
    o.max_paths = max_paths;
    return o;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("edge costs: stronger relations are cheaper, every cost is positive") {
    World w;
    w.rel("a", "g+7", "b", 1, 0.9).rel("a", "g-5", "c", 10, 0.5).rel("a", "plain", "d", 2, 1.0);
    const auto cost = [&](const std::string& to, PathWeight weight) {
        return hop_cost(w.g.edge(links(w.g, w.v("a"), w.v(to), false).front().edge), weight);
    };
    CHECK(cost("b", PathWeight::hops) == k_cost_unit);
    CHECK(cost("b", PathWeight::mentions) == k_cost_unit);  // one mention: 1 / (1 + ln 1)
    CHECK(cost("d", PathWeight::mentions) == std::llround(1e6 / (1 + std::log(2.0))));
    CHECK(cost("c", PathWeight::mentions) == std::llround(1e6 / (1 + std::log(10.0))));
    CHECK(cost("b", PathWeight::confidence) == std::llround(1e6 * (0.001 - std::log(0.9))));
    CHECK(cost("d", PathWeight::confidence) == 1000);  // certain: only the per-hop 0.001
    CHECK(cost("b", PathWeight::goldstein) == std::llround(1e6 * (3.0 / 20 + 0.01)));
    CHECK(cost("c", PathWeight::goldstein) == std::llround(1e6 * (15.0 / 20 + 0.01)));
    CHECK(cost("b", PathWeight::goldstein) < cost("d", PathWeight::goldstein));
    CHECK(cost("d", PathWeight::goldstein) < cost("c", PathWeight::goldstein));

    CHECK(path_weight_from("mentions") == PathWeight::mentions);
    CHECK_FALSE(path_weight_from("weight"));
    CHECK(to_string(PathWeight::goldstein) == "goldstein");
}

TEST_CASE("links: the hop walks the cheapest relation, then the most mentioned, then the smaller predicate") {
    World w;
    w.rel("a", "criticizes", "b", 1).rel("b", "supports", "a", 3).rel("a", "g+7", "b", 2);
    const auto first = [&](bool directed, PathWeight weight) {
        const auto l = links(w.g, w.v("a"), w.v("b"), directed, weight);
        REQUIRE_FALSE(l.empty());
        return w.g.edge(l.front().edge).relation->predicate + (l.front().forward ? " forward" : " backward");
    };
    CHECK(first(false, PathWeight::hops) == "supports backward");
    CHECK(links(w.g, w.v("a"), w.v("b"), false).size() == 3);
    CHECK(first(true, PathWeight::hops) == "g+7 forward");  // supports goes the other way
    CHECK(links(w.g, w.v("a"), w.v("b"), true).size() == 2);
    CHECK(first(false, PathWeight::goldstein) == "g+7 forward");
    w.rel("a", "criticizes", "b", 2);  // now 3 mentions, like supports: the smaller predicate
    CHECK(first(false, PathWeight::hops) == "criticizes forward");
}

TEST_CASE("fewest hops: no path, a cycle, source == target, directed vs undirected") {
    World w;
    // A cycle a -> b -> c -> d -> a, and e -> f apart.
    w.rel("a", "r", "b").rel("b", "r", "c").rel("c", "r", "d").rel("d", "r", "a").rel("e", "r", "f");
    CHECK(shortest(w, "a", "c") == "a b c");  // two of 2 hops: b before d
    CHECK(shortest(w, "a", "d") == "a d");    // the cycle backwards
    CHECK(shortest(w, "a", "d", PathWeight::hops, true) == "a b c d");
    CHECK(shortest(w, "d", "a", PathWeight::hops, true) == "d a");
    CHECK(shortest(w, "a", "a") == "a");
    CHECK(shortest(w, "a", "e") == "none");
    CHECK(shortest(w, "f", "e", PathWeight::hops, true) == "none");
    CHECK(shortest(w, "f", "e", PathWeight::hops, false) == "f e");

    ShortestPath none(w.g, w.v("a"), w.v("f"));
    CHECK_THROWS_AS(none.reached(), std::logic_error);
    none.run();
    CHECK_FALSE(none.found());
    CHECK(none.reached() == 4);
    CHECK_THROWS_AS(none.path(), std::logic_error);
}

TEST_CASE("a symmetric relation goes both ways even when directed") {
    World w;
    w.rel("a", "meets", "b", 1, 0.8, true).rel("b", "r", "c");
    CHECK(shortest(w, "b", "a", PathWeight::hops, true) == "b a");
    CHECK(shortest(w, "c", "a", PathWeight::hops, true) == "none");
}

TEST_CASE("equal-length alternatives: the smallest ids from the source, whatever the insertion order") {
    // Three 3-hop paths s-?-?-t: via (p, z), (q, a) and (p, y); lexicographic order picks s p y t.
    const std::vector<std::array<std::string, 2>> edges{{"s", "q"}, {"q", "a"}, {"a", "t"}, {"s", "p"}, {"p", "z"},
                                                        {"z", "t"}, {"p", "y"}, {"y", "t"}, {"s", "m"}, {"m", "n"}};
    for (int order = 0; order < 4; ++order) {
        World w;
        auto shuffled = edges;
        std::mt19937 rng(static_cast<unsigned>(order));
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        for (const auto& [a, b] : shuffled) w.rel(a, "r", b);
        CAPTURE(order);
        CHECK(shortest(w, "s", "t") == "s p y t");
        CHECK(shortest(w, "t", "s") == "t a q s");
        CHECK(query(w, "s", "t", k_paths(5)) == Names{"s p y t", "s p z t", "s q a t"});
    }
}

TEST_CASE("Dijkstra takes a longer but cheaper path, under each weight") {
    World w;
    // Direct a - d: one mention, low confidence, conflictual. Around: a - b - c - d, strong and cooperative.
    w.rel("a", "g-9", "d", 1, 0.2);
    w.rel("a", "g+8", "b", 20, 0.95).rel("b", "g+8", "c", 20, 0.95).rel("c", "g+8", "d", 20, 0.95);
    CHECK(shortest(w, "a", "d", PathWeight::hops) == "a d");
    CHECK(shortest(w, "a", "d", PathWeight::mentions) == "a b c d");
    CHECK(shortest(w, "a", "d", PathWeight::confidence) == "a b c d");
    CHECK(shortest(w, "a", "d", PathWeight::goldstein) == "a b c d");

    ShortestPath search(w.g, w.v("a"), w.v("d"), ShortestPathOptions{false, PathWeight::goldstein, {}, {}});
    search.run();
    CHECK(search.path().cost == 3 * std::llround(1e6 * (2.0 / 20 + 0.01)));
    CHECK(search.path().cost_value() == doctest::Approx(0.33));
}

TEST_CASE("Dijkstra ties: equal cost goes to fewer hops, then to the smaller ids") {
    World w;
    // goldstein: g+0 costs 0.51, g-10 costs 1.01, g+10 0.01. a-x-t = 0.51 + 0.51 = 1.02 ; a-t = 1.01.
    w.rel("a", "g+0", "x").rel("x", "g+0", "t").rel("a", "g-10", "t");
    CHECK(shortest(w, "a", "t", PathWeight::goldstein) == "a t");
    // Equal cost and hops: b before c.
    w.rel("a", "g+10", "c").rel("c", "g-10", "u").rel("a", "g+10", "b").rel("b", "g-10", "u");
    CHECK(shortest(w, "a", "u", PathWeight::goldstein) == "a b u");
    CHECK(shortest(w, "u", "a", PathWeight::goldstein) == "u b a");
    // A cheaper path of more hops wins: a-v1-v2-v = 0.03 against a-w-v = 0.52.
    w.rel("a", "g+10", "v1").rel("v1", "g+10", "v2").rel("v2", "g+10", "v").rel("a", "g+0", "w").rel("w", "g+10", "v");
    CHECK(shortest(w, "a", "v", PathWeight::goldstein) == "a v1 v2 v");

    // Exactly equal cost (0.52 in millionths both): the fewer hops win, though k1 < w.
    World e;
    e.rel("a", "g+10", "k1").rel("k1", "g+10", "k2").rel("k2", "g+0.2", "z").rel("a", "g+5", "w").rel("w", "g+5", "z");
    ShortestPath tie(e.g, e.v("a"), e.v("z"), ShortestPathOptions{false, PathWeight::goldstein, {}, {}});
    tie.run();
    CHECK(names(e.g, tie.path()) == "a w z");
    CHECK(tie.path().cost == 520000);
    CHECK(make_path(e.g, {e.v("a"), e.v("k1"), e.v("k2"), e.v("z")}, false, PathWeight::goldstein).cost == 520000);
}

TEST_CASE("avoid and avoid_first: the restrictions Yen's algorithm and --via put on a search") {
    World w;
    w.rel("a", "r", "b").rel("b", "r", "t").rel("a", "r", "c").rel("c", "r", "t").rel("a", "r", "d").rel("d", "r", "e").rel(
        "e", "r", "t");
    for (auto weight : {PathWeight::hops, PathWeight::mentions}) {
        CAPTURE(to_string(weight));
        ShortestPath search(w.g, w.v("a"), w.v("t"), ShortestPathOptions{false, weight, {}, {}});
        search.run();
        CHECK(names(w.g, search.path()) == "a b t");
        search.reset(w.v("a"), w.v("t"), ShortestPathOptions{false, weight, {w.v("b")}, {}});
        search.run();
        CHECK(names(w.g, search.path()) == "a c t");
        search.reset(w.v("a"), w.v("t"), ShortestPathOptions{false, weight, {}, {w.v("b"), w.v("c")}});
        search.run();
        CHECK(names(w.g, search.path()) == "a d e t");
        // Every first step banned or avoided: nothing is reached but the source.
        search.reset(w.v("a"), w.v("t"), ShortestPathOptions{false, weight, {w.v("d")}, {w.v("b"), w.v("c")}});
        search.run();
        CHECK_FALSE(search.found());
        CHECK(search.reached() == 1);
        // A banned first step is still reachable another way: a-d-e-t-b.
        search.reset(w.v("a"), w.v("b"), ShortestPathOptions{false, weight, {}, {w.v("b"), w.v("c")}});
        search.run();
        CHECK(names(w.g, search.path()) == "a d e t b");
        CHECK(search.reached() == 6);
        search.reset(w.v("a"), w.v("t"), ShortestPathOptions{false, weight, {w.v("t")}, {}});
        search.run();
        CHECK_FALSE(search.found());
    }
}

TEST_CASE("Yen: the k shortest loopless paths in order, fewer when fewer exist") {
    World w;
    // s-a-t, s-b-t (2 hops), s-c-d-t (3 hops), s-t direct, and a loop a-b that must not appear twice.
    w.rel("s", "r", "a").rel("a", "r", "t").rel("s", "r", "b").rel("b", "r", "t").rel("s", "r", "c").rel("c", "r", "d").rel(
        "d", "r", "t").rel("s", "r", "t").rel("a", "r", "b");
    CHECK(query(w, "s", "t", k_paths(1)) == Names{"s t"});
    CHECK(query(w, "s", "t", k_paths(4)) == Names{"s t", "s a t", "s b t", "s a b t"});
    CHECK(query(w, "s", "t", k_paths(100)) ==
          Names{"s t", "s a t", "s b t", "s a b t", "s b a t", "s c d t"});
    PathSearchOptions directed = k_paths(100);
    directed.directed = true;
    CHECK(query(w, "s", "t", directed) == Names{"s t", "s a t", "s b t", "s a b t", "s c d t"});
    CHECK(query(w, "t", "s", directed).empty());
    CHECK(query(w, "s", "s", k_paths(3)) == Names{"s"});
}

TEST_CASE("Yen with a weight: ranked by cost") {
    World w;
    w.rel("s", "g-10", "t").rel("s", "g+10", "a").rel("a", "g+10", "t").rel("s", "g+0", "b").rel("b", "g+0", "t");
    // s-a-t 0.02, s-b-t 1.02, s-t 1.01.
    CHECK(query(w, "s", "t", k_paths(3, PathWeight::goldstein)) == Names{"s a t", "s t", "s b t"});
}

TEST_CASE("all simple paths: the hop cap, the path cap, the work bound") {
    World w;
    w.rel("s", "r", "a").rel("a", "r", "t").rel("s", "r", "b").rel("b", "r", "t").rel("s", "r", "c").rel("c", "r", "d").rel(
        "d", "r", "t").rel("s", "r", "t").rel("a", "r", "b");
    Truncation cut = Truncation::max_steps;
    CHECK(query(w, "s", "t", all_paths(1), &cut) == Names{"s t"});
    CHECK(cut == Truncation::none);
    CHECK(query(w, "s", "t", all_paths(2)) == Names{"s t", "s a t", "s b t"});
    CHECK(query(w, "s", "t", all_paths(4)) == Names{"s t", "s a t", "s b t", "s a b t", "s b a t", "s c d t"});
    // The cap keeps the paths with the fewest hops, and says so.
    CHECK(query(w, "s", "t", all_paths(4, 4), &cut) == Names{"s t", "s a t", "s b t", "s a b t"});
    CHECK(cut == Truncation::max_paths);
    // Exactly as many as the cap: not truncated.
    CHECK(query(w, "s", "t", all_paths(4, 6), &cut).size() == 6);
    CHECK(cut == Truncation::none);
    // The work bound.
    PathSearchOptions tight = all_paths(4);
    tight.max_steps = 3;
    PathSearch search(w.g, w.v("s"), w.v("t"), tight);
    search.run();
    CHECK(search.truncation() == Truncation::max_steps);
    CHECK(search.paths().size() < 6);
    // Directed, no path, source == target.
    PathSearchOptions directed = all_paths(4);
    directed.directed = true;
    CHECK(query(w, "t", "s", directed).empty());
    CHECK(query(w, "s", "s", all_paths(2)) == Names{"s"});
    w.rel("x", "r", "y");
    CHECK(query(w, "s", "x", all_paths(4)).empty());
}

TEST_CASE("all simple paths with a weight come sorted by cost") {
    World w;
    w.rel("s", "g-10", "t").rel("s", "g+10", "a").rel("a", "g+10", "t").rel("s", "g+0", "b").rel("b", "g+0", "t");
    PathSearchOptions o = all_paths(3);
    o.weight = PathWeight::goldstein;
    CHECK(query(w, "s", "t", o) == Names{"s a t", "s t", "s b t"});
}

TEST_CASE("via: the path passes through the given entity, loopless") {
    World w;
    // s - a - t is shortest; through v: s - v - b - t.
    w.rel("s", "r", "a").rel("a", "r", "t").rel("s", "r", "v").rel("v", "r", "b").rel("b", "r", "t");
    PathSearchOptions o;
    o.via = w.v("v");
    CHECK(query(w, "s", "t", o) == Names{"s v b t"});
    o.all = true;
    o.max_hops = 5;
    CHECK(query(w, "s", "t", o) == Names{"s v b t"});
    o.max_hops = 2;
    CHECK(query(w, "s", "t", o).empty());

    // Halves that cross: s -> v is best through h, v -> t is best back through h too; the loopless
    // answer takes another way for one half.
    World c;
    c.rel("s", "r", "h").rel("h", "r", "v").rel("h", "r", "t").rel("v", "r", "x").rel("x", "r", "y").rel("y", "r", "t");
    PathSearchOptions via;
    via.via = c.v("v");
    CHECK(query(c, "s", "t", via) == Names{"s h v x y t"});
    // The only way from v to t is through h, which the way in needs too: no loopless path.
    World d;
    d.rel("s", "r", "h").rel("h", "r", "v").rel("h", "r", "t");
    via.via = d.v("v");
    CHECK(query(d, "s", "t", via).empty());

    CHECK_THROWS_AS(PathSearch(w.g, w.v("s"), w.v("t"), [&] {
                        PathSearchOptions bad;
                        bad.via = w.v("s");
                        return bad;
                    }()),
                    std::invalid_argument);
    CHECK_THROWS_AS(PathSearch(w.g, w.v("s"), w.v("t"), k_paths(0)), std::invalid_argument);
    CHECK_THROWS_AS(PathSearch(w.g, w.v("s"), w.v("t"), all_paths(0)), std::invalid_argument);
}

namespace {

/// Every simple path from `s` to `t`, by depth-first search over distinct neighbours, sorted by path_less.
std::vector<Path> every_simple_path(const KnowledgeGraph& g, Vertex s, Vertex t, bool directed, PathWeight weight) {
    std::vector<Path> out;
    std::vector<Vertex> path{s};
    std::function<void(Vertex)> go = [&](Vertex v) {
        if (v == t) {
            out.push_back(make_path(g, path, directed, weight));
            return;
        }
        std::vector<Vertex> next;
        for_each_step(g.store(), v, directed, [&](Vertex y, Edge, bool) { next.push_back(y); });
        std::sort(next.begin(), next.end());
        next.erase(std::unique(next.begin(), next.end()), next.end());
        for (Vertex y : next) {
            if (std::find(path.begin(), path.end(), y) != path.end()) continue;
            path.push_back(y);
            go(y);
            path.pop_back();
        }
    };
    go(s);
    std::sort(out.begin(), out.end(), [&](const Path& a, const Path& b) { return path_less(g, a, b); });
    return out;
}

/// The rule the first, plain breadth-first ShortestPath followed: a FIFO queue, each entity's
/// neighbours tried in id order, the first to reach an entity is its parent. Its path is the
/// lexicographically smallest shortest one, which the bidirectional search must find too.
std::vector<Vertex> reference_fewest_hops(const KnowledgeGraph& g, Vertex s, Vertex t, bool directed) {
    std::vector<std::optional<Vertex>> parent(g.num_entities());
    std::vector<char> seen(g.num_entities(), 0);
    std::vector<Vertex> queue{s};
    seen[s] = 1;
    for (std::size_t head = 0; head < queue.size(); ++head) {
        std::vector<Vertex> next;
        for_each_step(g.store(), queue[head], directed, [&](Vertex y, Edge, bool) { next.push_back(y); });
        std::sort(next.begin(), next.end(), [&](Vertex a, Vertex b) { return g.entity(a).id < g.entity(b).id; });
        for (Vertex y : next)
            if (!seen[y]) {
                seen[y] = 1;
                parent[y] = queue[head];
                queue.push_back(y);
            }
    }
    if (!seen[t]) return {};
    std::vector<Vertex> path{t};
    while (path.back() != s) path.push_back(*parent[path.back()]);
    std::reverse(path.begin(), path.end());
    return path;
}

}  // namespace

TEST_CASE("random small graphs: every algorithm agrees with brute force") {
    const std::vector<std::string> predicates{"g+10", "g+3", "g+0", "g-4", "g-10", "meets"};
    int checked = 0;
    for (unsigned seed = 1; seed <= 300; ++seed) {
        std::mt19937 rng(seed);
        World w;
        const int n = 6 + static_cast<int>(rng() % 4);
        for (int i = 0; i < n; ++i) w.v(std::string(1, static_cast<char>('a' + (i * 5) % n)));  // ids out of order
        const int m = n + static_cast<int>(rng() % static_cast<unsigned>(n));
        for (int i = 0; i < m; ++i) {
            const std::string a(1, static_cast<char>('a' + rng() % static_cast<unsigned>(n)));
            const std::string b(1, static_cast<char>('a' + rng() % static_cast<unsigned>(n)));
            const std::string& p = predicates[rng() % predicates.size()];
            w.rel(a, p, b, 1 + static_cast<int>(rng() % 4), 0.3 + 0.1 * static_cast<double>(rng() % 7), p == "meets");
        }
        const Vertex s = w.v("a"), t = w.v(std::string(1, static_cast<char>('a' + n - 1)));
        const Vertex via = w.v("b");
        for (bool directed : {false, true})
            for (auto weight : {PathWeight::hops, PathWeight::mentions, PathWeight::confidence, PathWeight::goldstein}) {
                CAPTURE(seed);
                CAPTURE(directed);
                CAPTURE(to_string(weight));
                const auto every = every_simple_path(w.g, s, t, directed, weight);

                ShortestPath one(w.g, s, t, ShortestPathOptions{directed, weight, {}, {}});
                one.run();
                REQUIRE(one.found() == !every.empty());
                if (!every.empty()) CHECK(names(w.g, one.path()) == names(w.g, every.front()));
                if (!every.empty()) CHECK(one.path().cost == every.front().cost);
                if (!every.empty() && weight == PathWeight::hops)
                    CHECK(one.path().vertices == reference_fewest_hops(w.g, s, t, directed));

                PathSearchOptions k;
                k.directed = directed;
                k.weight = weight;
                k.k = 8;
                PathSearch yen(w.g, s, t, k);
                yen.run();
                const std::vector<Path> first_k(every.begin(), every.begin() + std::min<std::ptrdiff_t>(8, std::ssize(every)));
                CHECK(names(w.g, yen.paths()) == names(w.g, first_k));

                PathSearchOptions all = k;
                all.all = true;
                all.max_hops = 3;
                PathSearch enumerated(w.g, s, t, all);
                enumerated.run();
                std::vector<Path> short_ones;
                for (const auto& p : every)
                    if (p.hops.size() <= 3) short_ones.push_back(p);
                CHECK(names(w.g, enumerated.paths()) == names(w.g, short_ones));

                all.via = via;
                all.max_hops = 5;
                PathSearch through(w.g, s, t, all);
                through.run();
                std::vector<Path> via_ones;
                for (const auto& p : every)
                    if (p.hops.size() <= 5 && std::find(p.vertices.begin(), p.vertices.end(), via) != p.vertices.end())
                        via_ones.push_back(p);
                CHECK(names(w.g, through.paths()) == names(w.g, via_ones));

                PathSearchOptions single_via;
                single_via.directed = directed;
                single_via.weight = weight;
                single_via.via = via;
                PathSearch best_via(w.g, s, t, single_via);
                best_via.run();
                if (!best_via.paths().empty()) {
                    const Path& p = best_via.paths().front();
                    auto sorted = p.vertices;
                    std::sort(sorted.begin(), sorted.end());
                    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());  // loopless
                    CHECK(std::find(p.vertices.begin(), p.vertices.end(), via) != p.vertices.end());
                    const auto best = std::find_if(every.begin(), every.end(), [&](const Path& q) {
                        return std::find(q.vertices.begin(), q.vertices.end(), via) != q.vertices.end();
                    });
                    REQUIRE(best != every.end());
                    CHECK_FALSE(path_less(w.g, p, *best));  // never better than the best
                    // When the best halves do not cross, the answer is the best loopless path through via.
                    const auto first = every_simple_path(w.g, s, via, directed, weight);
                    const auto second = every_simple_path(w.g, via, t, directed, weight);
                    REQUIRE((!first.empty() && !second.empty()));
                    std::vector<Vertex> in(first.front().vertices.begin(), first.front().vertices.end() - 1);
                    std::vector<Vertex> on(second.front().vertices.begin() + 1, second.front().vertices.end());
                    if (std::none_of(in.begin(), in.end(),
                                     [&](Vertex x) { return std::find(on.begin(), on.end(), x) != on.end(); }))
                        CHECK(names(w.g, p) == names(w.g, *best));
                }
                ++checked;
            }
    }
    CHECK(checked == 300 * 8);
}

TEST_CASE("a large skewed graph: the bidirectional search finds what plain breadth-first search finds") {
    // 15,000 entities, 75,000 relations, preferential attachment (a few hubs with thousands of
    // relations). Not a benchmark (bench/ has that): it proves the search does not explore the whole
    // graph or sort neighbour lists, which a regression would make visible as seconds in a Debug build.
    KnowledgeGraph g;
    const std::size_t n = 15'000, per = 5;
    const RelationType type{"supports", "COOPERATE", "", "000", 3.0, false, "supports", ""};
    std::mt19937_64 rng(7);
    std::vector<Vertex> ends;  // every relation's two ends: picking from it is picking by degree
    char id[32];
    for (std::size_t i = 0; i < n; ++i) {
        std::snprintf(id, sizeof id, "x:%07zu", (i * 7919) % n);
        const Vertex v = g.add_entity(Entity{id, id, EntityType::other, "", {}});
        for (std::size_t j = 0; j < per && i > 0; ++j) {
            const Vertex u = ends.empty() || rng() % 4 == 0 ? static_cast<Vertex>(rng() % i) : ends[rng() % ends.size()];
            g.add_mention(v, type, u, Mention{Modality::asserted, TimeSpan{}, Evidence{"d", static_cast<std::uint32_t>(j), "", 0, 0}, 0.8});
            ends.push_back(u);
            ends.push_back(v);
        }
    }
    ShortestPath search(g, 0, 1);
    double worst_ms = 0;
    std::size_t total_hops = 0;
    for (int q = 0; q < 20; ++q) {
        const Vertex a = static_cast<Vertex>(rng() % n), b = static_cast<Vertex>(rng() % n);
        search.reset(a, b, ShortestPathOptions{});
        const auto start = std::chrono::steady_clock::now();
        search.run();
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        worst_ms = std::max(worst_ms, ms);
        REQUIRE(search.found());
        total_hops += search.hops().size();
        if (q < 5) CHECK(search.path().vertices == reference_fewest_hops(g, a, b, false));
        if (q < 2) {  // Dijkstra under a weight that costs every relation here the same
            ShortestPath check(g, a, b, ShortestPathOptions{false, PathWeight::goldstein, {}, {}});
            check.run();
            CHECK(check.path().vertices == search.path().vertices);
        }
    }
    MESSAGE("fewest-hop query on 15k entities / 75k relations: worst " << worst_ms << " ms, mean length "
                                                                       << static_cast<double>(total_hops) / 20);
    CHECK(worst_ms < 2000);
}
