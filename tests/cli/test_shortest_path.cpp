#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "graph/shortest_path.hpp"
#include "small_graph.hpp"

using irkg::graph::KnowledgeGraph;
using irkg::graph::ShortestPath;
using irkg::graph::ShortestPathOptions;
using irkg::graph::Vertex;
namespace t = irkg::test;

namespace {

Vertex v(const KnowledgeGraph& g, const std::string& id) {
    auto found = g.find(id);
    REQUIRE(found);
    return *found;
}

/// "A -p-> B" per hop: `>` forward, `<` backward (walked from object to subject).
std::vector<std::string> describe(const KnowledgeGraph& g, const ShortestPath& path) {
    std::vector<std::string> out;
    for (const auto& hop : path.hops())
        out.push_back(g.entity(hop.from).id + (hop.forward ? " >" : " <") + g.edge(hop.edge).relation->predicate + " " +
                      g.entity(hop.to).id);
    return out;
}

std::vector<std::string> run(const KnowledgeGraph& g, const std::string& from, const std::string& to,
                             ShortestPathOptions options = {}) {
    ShortestPath path(g, v(g, from), v(g, to), options);
    path.run();
    return describe(g, path);
}

}  // namespace

TEST_CASE("the path follows relations both ways and records each hop's direction") {
    const auto g = t::world();
    // Blinken visits China, China supports Russia, North Korea transfers weapons to Russia.
    CHECK(run(g, "person:antony-blinken", "country:PRK") ==
          std::vector<std::string>{"person:antony-blinken >visits country:CHN", "country:CHN >supports country:RUS",
                                   "country:RUS <transfers-weapons-to country:PRK"});
    // Backwards: the same edges, each walked the other way.
    CHECK(run(g, "country:PRK", "person:antony-blinken") ==
          std::vector<std::string>{"country:PRK >transfers-weapons-to country:RUS", "country:RUS <supports country:CHN",
                                   "country:CHN <visits person:antony-blinken"});
}

TEST_CASE("a symmetric relation stored with the smaller id as subject is still walked") {
    const auto g = t::world();
    // meets is stored person:antony-blinken -> person:wang-yi.
    CHECK(run(g, "person:wang-yi", "person:antony-blinken") ==
          std::vector<std::string>{"person:wang-yi <meets person:antony-blinken"});
}

TEST_CASE("no path: found() is false, hops empty, reached() is the source's component") {
    const auto g = t::world();
    ShortestPath path(g, v(g, "person:antony-blinken"), v(g, "country:KOR"));
    CHECK_THROWS_AS(path.found(), std::logic_error);
    path.run();
    CHECK(path.has_run());
    CHECK_FALSE(path.found());
    CHECK(path.hops().empty());
    // Blinken, Wang Yi, China, Russia, North Korea, United States.
    CHECK(path.reached() == 6);
}

TEST_CASE("source == target is a path of no hops") {
    const auto g = t::world();
    ShortestPath path(g, v(g, "country:CHN"), v(g, "country:CHN"));
    path.run();
    CHECK(path.found());
    CHECK(path.hops().empty());
}

TEST_CASE("directed: only subject to object") {
    const auto g = t::world();
    ShortestPathOptions directed;
    directed.directed = true;
    CHECK(run(g, "person:antony-blinken", "country:RUS", directed) ==
          std::vector<std::string>{"person:antony-blinken >visits country:CHN", "country:CHN >supports country:RUS"});
    ShortestPath back(g, v(g, "country:RUS"), v(g, "person:antony-blinken"), directed);
    back.run();
    CHECK_FALSE(back.found());
    CHECK(back.reached() == 1);
}

namespace {

/// A diamond: a -> b -> d and a -> c -> d, two shortest paths; plus a -> e -> f -> d, a longer one.
KnowledgeGraph diamond(bool reversed) {
    KnowledgeGraph g;
    std::vector<std::string> names{"x:a", "x:b", "x:c", "x:d", "x:e", "x:f"};
    if (reversed) std::reverse(names.begin(), names.end());
    for (const auto& n : names) g.add_entity(t::entity(n, n.substr(2), irkg::graph::EntityType::other, ""));
    std::vector<std::pair<std::string, std::string>> edges{
        {"x:a", "x:c"}, {"x:c", "x:d"}, {"x:a", "x:b"}, {"x:b", "x:d"}, {"x:a", "x:e"}, {"x:e", "x:f"}, {"x:f", "x:d"}};
    if (reversed) std::reverse(edges.begin(), edges.end());
    std::uint32_t sentence = 0;
    for (const auto& [s, o] : edges)
        g.add_mention(*g.find(s), t::supports(), *g.find(o), t::mention("doc", sentence++, s + " supports " + o));
    return g;
}

}  // namespace

TEST_CASE("ties go to the smaller neighbour id, whatever the insertion order") {
    const std::vector<std::string> expected{"x:a >supports x:b", "x:b >supports x:d"};
    CHECK(run(diamond(false), "x:a", "x:d") == expected);
    CHECK(run(diamond(true), "x:a", "x:d") == expected);
    CHECK(run(diamond(false), "x:d", "x:a") == std::vector<std::string>{"x:d <supports x:b", "x:b <supports x:a"});
    CHECK(run(diamond(true), "x:d", "x:a") == std::vector<std::string>{"x:d <supports x:b", "x:b <supports x:a"});
}

TEST_CASE("between two entities linked by several relations, the most mentioned is walked") {
    KnowledgeGraph g;
    const auto c = g.add_entity(t::china());
    const auto r = g.add_entity(t::russia());
    g.add_mention(c, t::criticizes(), r, t::mention("doc", 1, "China criticized Russia."));
    g.add_mention(r, t::supports(), c, t::mention("doc", 2, "Russia supports China."));
    g.add_mention(r, t::supports(), c, t::mention("doc", 3, "Russia backs China."));
    CHECK(run(g, "country:CHN", "country:RUS") == std::vector<std::string>{"country:CHN <supports country:RUS"});

    // Equal mentions: the smaller predicate.
    g.add_mention(c, t::criticizes(), r, t::mention("doc", 4, "China criticized Russia again."));
    CHECK(run(g, "country:CHN", "country:RUS") == std::vector<std::string>{"country:CHN >criticizes country:RUS"});
}

TEST_CASE("self-loops are never walked; running twice gives the same result") {
    auto g = t::world();
    g.add_mention(v(g, "country:CHN"), t::criticizes(), v(g, "country:CHN"),
                  t::mention("doc", 9, "China criticized itself."));
    ShortestPath path(g, v(g, "person:wang-yi"), v(g, "country:RUS"));
    path.run();
    const auto first = describe(g, path);
    path.run();
    CHECK(describe(g, path) == first);
    CHECK(first == std::vector<std::string>{"person:wang-yi <meets person:antony-blinken",
                                            "person:antony-blinken >visits country:CHN",
                                            "country:CHN >supports country:RUS"});
}
