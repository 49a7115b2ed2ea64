#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/range/iterator_range.hpp>

#include "graph/graph_stats.hpp"

using irkg::graph::BetweennessMode;
using irkg::graph::EntityType;
using irkg::graph::GraphStats;
using irkg::graph::GraphStatsOptions;
using irkg::graph::KnowledgeGraph;
using irkg::graph::RankedEntity;
using irkg::graph::RelationType;

namespace {

const RelationType& acts() {
    static const RelationType type{"acts-on", "COERCE", "", "170", -5.0, false, "acts on", ""};
    return type;
}
const RelationType& helps() {
    static const RelationType type{"helps", "AID", "", "070", 7.0, false, "helps", ""};
    return type;
}
const RelationType& meets() {
    static const RelationType type{"meets", "CONSULT", "", "040", 1.0, true, "meets", ""};
    return type;
}

std::string id(const std::string& name) { return "other:" + name; }

/// A graph of entities "other:<name>" and relations given as (subject, object) names.
class Builder {
public:
    Builder& entity(const std::string& name, EntityType type = EntityType::other) {
        graph_.add_entity(irkg::graph::Entity{id(name), name, type, "", {}});
        return *this;
    }
    /// `mentions` mentions of `relation` from `s` to `o` (both added if missing).
    Builder& link(const std::string& s, const std::string& o, const RelationType& relation = acts(), int mentions = 1) {
        entity(s);
        entity(o);
        for (int m = 0; m < mentions; ++m)
            graph_.add_mention(*graph_.find(id(s)), relation, *graph_.find(id(o)),
                               irkg::graph::Mention{irkg::graph::Modality::asserted,
                                                    {"", "2024-01-01", ""},
                                                    {"doc-" + s + "-" + o, static_cast<std::uint32_t>(m), "text", 0, 4},
                                                    0.5});
        return *this;
    }
    KnowledgeGraph build() { return std::move(graph_); }

private:
    KnowledgeGraph graph_;
};

GraphStats run(const KnowledgeGraph& g, GraphStatsOptions options = {}) {
    GraphStats stats(g, options);
    stats.run();
    return stats;
}

irkg::graph::Vertex v(const KnowledgeGraph& g, const std::string& name) {
    const auto found = g.find(id(name));
    REQUIRE(found);
    return *found;
}

std::vector<std::string> ids(const KnowledgeGraph& g, const std::vector<RankedEntity>& ranked) {
    std::vector<std::string> out;
    for (const auto& r : ranked) out.push_back(g.entity(r.vertex).id);
    return out;
}

/// A random simple-ish graph of `n` entities and `m` relations (parallel and symmetric ones included).
KnowledgeGraph random_graph(std::uint64_t seed, int n, int m, bool reverse_insertion = false) {
    std::mt19937_64 rng(seed);
    std::vector<std::pair<int, int>> links;
    for (int i = 0; i < m; ++i) links.emplace_back(static_cast<int>(rng() % n), static_cast<int>(rng() % n));
    Builder b;
    std::vector<int> entities(n);
    for (int i = 0; i < n; ++i) entities[i] = reverse_insertion ? n - 1 - i : i;
    for (int i : entities) b.entity("e" + std::to_string(1000 + i));
    if (reverse_insertion) std::reverse(links.begin(), links.end());
    for (const auto& [s, o] : links) {
        const RelationType& type = (s + o) % 5 == 0 ? meets() : (s + o) % 3 == 0 ? helps() : acts();
        b.link("e" + std::to_string(1000 + s), "e" + std::to_string(1000 + o), type, 1 + (s * o) % 3);
    }
    return b.build();
}

}  // namespace

TEST_CASE("results are unavailable before run()") {
    const KnowledgeGraph g = Builder().link("a", "b").build();
    GraphStats stats(g);
    CHECK_FALSE(stats.has_run());
    CHECK_THROWS_AS(stats.entities(), std::logic_error);
    CHECK_THROWS_AS(stats.top_pagerank(), std::logic_error);
    stats.run();
    CHECK(stats.has_run());
    CHECK(stats.entities() == 2);
}

TEST_CASE("an empty graph has no counts, components or rankings") {
    const KnowledgeGraph g;
    const GraphStats stats = run(g);
    CHECK(stats.entities() == 0);
    CHECK(stats.relations() == 0);
    CHECK(stats.components() == 0);
    CHECK(stats.top_degree().empty());
    CHECK(stats.top_pagerank().empty());
    CHECK(stats.pagerank_converged());
}

TEST_CASE("a star: the hub has every relation, all betweenness, and PageRank solved by hand") {
    // hub -> leaf1..leaf4. Leaves are dangling: with x_h + 4 x_l = 1,
    //   x_h = 0.15/5 + 0.85 (4 x_l)/5 and x_l = 0.15/5 + 0.85 (x_h/4 + 4 x_l/5),
    // so x_h = 20/117 and x_l = 97/468.
    Builder b;
    for (int i = 1; i <= 4; ++i) b.link("hub", "leaf" + std::to_string(i));
    const KnowledgeGraph g = b.build();
    const GraphStats stats = run(g);

    CHECK(stats.entities() == 5);
    CHECK(stats.relations() == 4);
    CHECK(stats.mentions() == 4);
    CHECK(stats.degree(v(g, "hub")) == 4);
    CHECK(stats.degree(v(g, "leaf3")) == 1);
    // Every pair of leaves (6 of the (n-1)(n-2)/2 = 6 pairs) runs through the hub.
    CHECK(stats.betweenness(v(g, "hub")) == doctest::Approx(1.0).epsilon(1e-12));
    CHECK(stats.betweenness(v(g, "leaf1")) == 0.0);
    CHECK(stats.betweenness_exact());
    CHECK(stats.betweenness_sources() == 5);
    CHECK(std::abs(stats.pagerank(v(g, "hub")) - 20.0 / 117.0) < 1e-9);
    for (int i = 1; i <= 4; ++i)
        CHECK(std::abs(stats.pagerank(v(g, "leaf" + std::to_string(i))) - 97.0 / 468.0) < 1e-9);
    CHECK(stats.pagerank_converged());
    CHECK(stats.components() == 1);
    CHECK(stats.component_sizes() == std::vector<std::size_t>{5});

    CHECK(ids(g, stats.top_degree()) ==
          std::vector<std::string>{id("hub"), id("leaf1"), id("leaf2"), id("leaf3"), id("leaf4")});
    // The leaves tie on PageRank above the hub: in id order.
    CHECK(ids(g, stats.top_pagerank()) ==
          std::vector<std::string>{id("leaf1"), id("leaf2"), id("leaf3"), id("leaf4"), id("hub")});
}

TEST_CASE("a path: betweenness by hand, PageRank of a directed chain") {
    // a -> b -> c -> d -> e. Pairs through b: (a,c), (a,d), (a,e) = 3; through c: 4; through d: 3; of 6.
    const KnowledgeGraph g = Builder().link("a", "b").link("b", "c").link("c", "d").link("d", "e").build();
    const GraphStats stats = run(g);
    CHECK(stats.betweenness(v(g, "a")) == 0.0);
    CHECK(stats.betweenness(v(g, "b")) == doctest::Approx(0.5).epsilon(1e-12));
    CHECK(stats.betweenness(v(g, "c")) == doctest::Approx(4.0 / 6.0).epsilon(1e-12));
    CHECK(stats.betweenness(v(g, "d")) == doctest::Approx(0.5).epsilon(1e-12));
    CHECK(stats.betweenness(v(g, "e")) == 0.0);
    CHECK(ids(g, stats.top_betweenness()) == std::vector<std::string>{id("c"), id("b"), id("d"), id("a"), id("e")});
    // Solved exactly (rational linear system) with e dangling.
    const std::vector<std::pair<std::string, double>> expected{{"a", 0.081183616537305645},
                                                               {"b", 0.15018969059401543},
                                                               {"c", 0.20884485354221877},
                                                               {"d", 0.25870174204819163},
                                                               {"e", 0.30108009727826851}};
    double sum = 0.0;
    for (const auto& [name, rank] : expected) {
        CHECK(std::abs(stats.pagerank(v(g, name)) - rank) < 1e-9);
        sum += stats.pagerank(v(g, name));
    }
    CHECK(sum == doctest::Approx(1.0).epsilon(1e-12));
}

TEST_CASE("a cycle: every entity alike, two shortest paths share each opposite pair") {
    // a -> b -> c -> d -> a: the pair (a, c) has two shortest paths (via b, via d): half each.
    const KnowledgeGraph g = Builder().link("a", "b").link("b", "c").link("c", "d").link("d", "a").build();
    const GraphStats stats = run(g);
    for (const auto* name : {"a", "b", "c", "d"}) {
        CHECK(stats.betweenness(v(g, name)) == doctest::Approx(0.5 / 3.0).epsilon(1e-12));
        CHECK(std::abs(stats.pagerank(v(g, name)) - 0.25) < 1e-12);
        CHECK(stats.degree(v(g, name)) == 2);
    }
    CHECK(stats.components() == 1);
}

TEST_CASE("two components and an isolated entity") {
    Builder b;
    b.link("a", "b").link("b", "c").link("d", "e").entity("f", EntityType::country);
    const KnowledgeGraph g = b.build();
    const GraphStats stats = run(g);
    CHECK(stats.components() == 3);
    CHECK(stats.component_sizes() == std::vector<std::size_t>{3, 2, 1});
    CHECK(stats.isolated() == 1);
    CHECK(stats.degree(v(g, "f")) == 0);
    // n = 6: b lies on the one pair (a, c) of (n-1)(n-2)/2 = 10.
    CHECK(stats.betweenness(v(g, "b")) == doctest::Approx(0.1).epsilon(1e-12));
    CHECK(stats.betweenness(v(g, "d")) == 0.0);
}

TEST_CASE("degree counts relations, weighted degree mentions; betweenness sees one link per pair") {
    // a -acts-on-> b twice (one relation, two mentions), a -helps-> b, b -acts-on-> c.
    const KnowledgeGraph g = Builder().link("a", "b", acts(), 2).link("a", "b", helps()).link("b", "c").build();
    const GraphStats stats = run(g);
    CHECK(stats.relations() == 3);
    CHECK(stats.mentions() == 4);
    CHECK(stats.degree(v(g, "b")) == 3);
    CHECK(stats.weighted_degree(v(g, "b")) == 4);
    CHECK(stats.degree(v(g, "a")) == 2);
    CHECK(stats.weighted_degree(v(g, "a")) == 3);
    CHECK(stats.betweenness(v(g, "b")) == doctest::Approx(1.0).epsilon(1e-12));
    REQUIRE(stats.by_category().size() == 2);
    CHECK(stats.by_category()[0].name == "AID");
    CHECK(stats.by_category()[0].relations == 1);
    CHECK(stats.by_category()[1].name == "COERCE");
    CHECK(stats.by_category()[1].relations == 2);
    CHECK(stats.by_category()[1].mentions == 3);
    REQUIRE(stats.by_predicate().size() == 2);
    CHECK(stats.by_predicate()[0].name == "acts-on");
    CHECK(stats.by_predicate()[0].category == "COERCE");
    CHECK(stats.by_predicate()[1].name == "helps");
}

TEST_CASE("PageRank weights links by mentions and follows symmetric relations both ways") {
    // a -> b (3 mentions), a -> c (1), c -> a (1): networkx's pagerank gives 0.36552, 0.39491, 0.23957.
    const KnowledgeGraph weighted = Builder().link("a", "b", acts(), 3).link("a", "c").link("c", "a").build();
    const GraphStats w = run(weighted);
    CHECK(std::abs(w.pagerank(v(weighted, "a")) - 0.36552235119782661) < 1e-9);
    CHECK(std::abs(w.pagerank(v(weighted, "b")) - 0.39491232403062487) < 1e-9);
    CHECK(std::abs(w.pagerank(v(weighted, "c")) - 0.23956532477154854) < 1e-9);

    // a meets b (stored once) is a link both ways: the two are alike; as a one-way link b would lead.
    const KnowledgeGraph symmetric = Builder().link("b", "a", meets()).build();
    const GraphStats s = run(symmetric);
    CHECK(s.relations() == 1);
    CHECK(std::abs(s.pagerank(v(symmetric, "a")) - 0.5) < 1e-12);
    CHECK(std::abs(s.pagerank(v(symmetric, "b")) - 0.5) < 1e-12);
    CHECK(s.degree(v(symmetric, "a")) == 1);
}

TEST_CASE("a self-loop counts twice in degree, once as a PageRank link, never in betweenness") {
    const KnowledgeGraph g = Builder().link("a", "a").link("a", "b").build();
    const GraphStats stats = run(g);
    CHECK(stats.self_loops() == 1);
    CHECK(stats.degree(v(g, "a")) == 3);
    CHECK(stats.betweenness(v(g, "a")) == 0.0);
    // Solved exactly: a keeps half of its rank, b (dangling) spreads its own.
    CHECK(std::abs(stats.pagerank(v(g, "a")) - 0.5) < 1e-9);
    CHECK(std::abs(stats.pagerank(v(g, "b")) - 0.5) < 1e-9);
    CHECK(stats.components() == 1);
}

TEST_CASE("counts by entity type in type-name order") {
    Builder b;
    b.entity("x", EntityType::person).entity("y", EntityType::country).entity("z", EntityType::country);
    const KnowledgeGraph g = b.build();
    const GraphStats stats = run(g);
    REQUIRE(stats.by_type().size() == 2);
    CHECK(stats.by_type()[0] == std::pair{EntityType::country, std::size_t{2}});
    CHECK(stats.by_type()[1] == std::pair{EntityType::person, std::size_t{1}});
    CHECK(stats.isolated() == 3);
    CHECK(stats.components() == 3);
}

TEST_CASE("--top cuts every ranking; ties go by entity id") {
    Builder b;
    for (const auto* name : {"d", "b", "c", "a"}) b.link(name, "hub");
    const KnowledgeGraph g = b.build();
    GraphStatsOptions options;
    options.top = 3;
    const GraphStats stats = run(g, options);
    CHECK(ids(g, stats.top_degree()) == std::vector<std::string>{id("hub"), id("a"), id("b")});
    CHECK(stats.top_pagerank().size() == 3);
    CHECK(stats.top_betweenness().size() == 3);
}

TEST_CASE(
    "exact betweenness agrees with Boost's Brandes on an undirected graph, and the sampled code with all sources") {
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        const KnowledgeGraph g = random_graph(seed, 40, 90);
        GraphStatsOptions exact;
        exact.betweenness = BetweennessMode::exact;
        GraphStatsOptions all_sources;
        all_sources.betweenness = BetweennessMode::sampled;
        all_sources.samples = 1000;  // more than the entities: every entity is a source
        all_sources.threads = 3;
        const GraphStats a = run(g, exact), b = run(g, all_sources);
        CHECK(b.betweenness_exact());
        CHECK(b.betweenness_sources() == 40);

        // Boost on an undirected adjacency_list of the same links (it halves its own sums).
        using Undirected = boost::adjacency_list<boost::setS, boost::vecS, boost::undirectedS>;
        Undirected u(g.num_entities());
        for (auto e : boost::make_iterator_range(boost::edges(g.store()))) {
            const auto s = boost::source(e, g.store()), t = boost::target(e, g.store());
            if (s != t) boost::add_edge(s, t, u);
        }
        std::vector<double> reference(g.num_entities());
        boost::brandes_betweenness_centrality(
            u, boost::make_iterator_property_map(reference.begin(), boost::get(boost::vertex_index, u)));
        const double pairs = 39.0 * 38.0 / 2.0;
        for (std::size_t x = 0; x < g.num_entities(); ++x) {
            CHECK(std::abs(a.betweenness(x) - reference[x] / pairs) < 1e-9);
            CHECK(std::abs(b.betweenness(x) - reference[x] / pairs) < 1e-9);
        }
    }
}

TEST_CASE("an estimate uses the fixed number of sources, is the same on every run and for any thread count") {
    const KnowledgeGraph g = random_graph(7, 200, 500);
    GraphStatsOptions options;
    options.exact_limit = 100;  // automatic: above it, an estimate
    options.samples = 25;
    options.threads = 1;
    const GraphStats one = run(g, options);
    CHECK_FALSE(one.betweenness_exact());
    CHECK(one.betweenness_sources() == 25);
    for (unsigned threads : {1u, 2u, 4u, 7u}) {
        options.threads = threads;
        const GraphStats again = run(g, options);
        for (std::size_t x = 0; x < g.num_entities(); ++x) {
            CHECK(again.betweenness(x) == one.betweenness(x));  // bit for bit
            CHECK(again.pagerank(x) == one.pagerank(x));
        }
        CHECK(ids(g, again.top_betweenness()) == ids(g, one.top_betweenness()));
    }
    // Another seed draws other sources. The estimate is unbiased: over many seeds, the mean estimate of
    // the most central entity comes close to its exact value.
    options.betweenness = BetweennessMode::exact;
    const GraphStats exact = run(g, options);
    const auto top = exact.top_betweenness().front().vertex;
    options.betweenness = BetweennessMode::automatic;
    double sum = 0.0;
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        options.seed = seed;
        sum += run(g, options).betweenness(top);
    }
    CHECK(std::abs(sum / 200.0 - exact.betweenness(top)) < 0.05 * exact.betweenness(top));
    options.seed = 99;
    CHECK(run(g, options).betweenness(top) != one.betweenness(top));

    options.betweenness = BetweennessMode::skipped;
    const GraphStats skipped = run(g, options);
    CHECK_FALSE(skipped.betweenness_computed());
    CHECK(skipped.top_betweenness().empty());
    CHECK(skipped.betweenness_sources() == 0);
}

TEST_CASE("the results do not depend on the order the graph was built in") {
    const KnowledgeGraph forward = random_graph(11, 80, 200), backward = random_graph(11, 80, 200, true);
    GraphStatsOptions options;
    options.exact_limit = 10;
    options.samples = 30;
    for (BetweennessMode mode : {BetweennessMode::exact, BetweennessMode::sampled}) {
        options.betweenness = mode;
        const GraphStats a = run(forward, options), b = run(backward, options);
        REQUIRE(a.relations() == b.relations());
        for (std::size_t x = 0; x < forward.num_entities(); ++x) {
            const auto y = *backward.find(forward.entity(x).id);
            CHECK(a.betweenness(x) == b.betweenness(y));
            CHECK(a.pagerank(x) == b.pagerank(y));
            CHECK(a.degree(x) == b.degree(y));
        }
        CHECK(ids(forward, a.top_betweenness()) == ids(backward, b.top_betweenness()));
        CHECK(ids(forward, a.top_pagerank()) == ids(backward, b.top_pagerank()));
        CHECK(ids(forward, a.top_weighted_degree()) == ids(backward, b.top_weighted_degree()));
        CHECK(a.component_sizes() == b.component_sizes());
    }
}
