// The neighbourhood query on small hand-made graphs with known answers.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "../cli/small_graph.hpp"
#include "graph/neighborhood.hpp"

using namespace irkg;
using graph::Direction;
using graph::Neighborhood;
using graph::NeighborhoodOptions;

namespace {

graph::Vertex v(const graph::KnowledgeGraph& g, const std::string& id) {
    const auto found = g.find(id);
    REQUIRE(found);
    return *found;
}

/// "predicate direction: id(mentions) id(mentions) [+more]" per group.
std::vector<std::string> groups(const graph::KnowledgeGraph& g, const Neighborhood& n) {
    std::vector<std::string> out;
    for (const auto& group : n.groups()) {
        std::string line = fmt::format("{} {}:", group.relation->predicate, graph::to_string(group.direction));
        for (const auto& neighbor : group.neighbors)
            line += fmt::format(" {}({})", g.entity(neighbor.entity).id, g.edge(neighbor.edge).weight());
        if (group.truncated()) line += fmt::format(" +{}", group.more());
        out.push_back(line);
    }
    return out;
}

/// "distance: id<-via(mentions) ..." per ring.
std::vector<std::string> rings(const graph::KnowledgeGraph& g, const Neighborhood& n) {
    std::vector<std::string> out;
    for (const auto& ring : n.rings()) {
        std::string line = fmt::format("{}:", ring.distance);
        for (const auto& r : ring.entities)
            line += fmt::format(" {}<-{}({})", g.entity(r.entity).id, g.entity(r.via).id, r.mentions);
        if (ring.truncated()) line += fmt::format(" +{}", ring.more());
        out.push_back(line);
    }
    return out;
}

Neighborhood run(const graph::KnowledgeGraph& g, const std::string& id, NeighborhoodOptions options = {}) {
    Neighborhood n(g, v(g, id), options);
    n.run();
    return n;
}

graph::Entity country(const std::string& code) {
    return test::entity("country:" + code, code, graph::EntityType::country, code);
}

}  // namespace

TEST_CASE("depth 1: relations grouped by predicate and direction") {
    const auto g = test::world();
    SUBCASE("outgoing and incoming") {
        const auto n = run(g, "country:CHN");
        CHECK(groups(g, n) == std::vector<std::string>{"supports outgoing: country:RUS(1)",
                                                       "visits incoming: person:antony-blinken(1)"});
        CHECK(n.reached_count() == 2);
        CHECK(n.relation_count() == 2);
        CHECK(n.mention_count() == 2);
    }
    SUBCASE("a symmetric relation is symmetric from either end, stored either way") {
        const auto blinken = run(g, "person:antony-blinken");
        CHECK(groups(g, blinken) ==
              std::vector<std::string>{"meets symmetric: person:wang-yi(2)", "visits outgoing: country:CHN(1)"});
        // Wang Yi is the stored object of "meets": still symmetric, not incoming.
        const auto wang = run(g, "person:wang-yi");
        CHECK(groups(g, wang) == std::vector<std::string>{"meets symmetric: person:antony-blinken(2)"});
    }
    SUBCASE("group totals and dates cover the whole group") {
        const auto n = run(g, "country:RUS");
        REQUIRE(n.groups().size() == 2);
        CHECK(groups(g, n) == std::vector<std::string>{"supports incoming: country:CHN(1)",
                                                       "transfers-weapons-to incoming: country:PRK(1)"});
        CHECK(n.groups()[0].first_date.empty());  // China's support is undated
        CHECK(n.groups()[1].first_date == "2024-04-20");
        CHECK(n.groups()[1].last_date == "2024-04-20");
        CHECK(n.groups()[1].total == 1);
        CHECK(n.groups()[1].mentions == 1);
    }
    SUBCASE("directed: no incoming group, symmetric ones stay") {
        NeighborhoodOptions directed;
        directed.directed = true;
        CHECK(groups(g, run(g, "country:RUS", directed)).empty());
        CHECK(groups(g, run(g, "country:CHN", directed)) ==
              std::vector<std::string>{"supports outgoing: country:RUS(1)"});
        CHECK(groups(g, run(g, "person:wang-yi", directed)) ==
              std::vector<std::string>{"meets symmetric: person:antony-blinken(2)"});
    }
    SUBCASE("direction_from") {
        const auto& store = g.store();
        for (auto e : g.sorted_edges()) {
            const auto s = boost::source(e, store), t = boost::target(e, store);
            if (g.edge(e).relation->symmetric) {
                CHECK(graph::direction_from(g, e, s) == Direction::symmetric);
                CHECK(graph::direction_from(g, e, t) == Direction::symmetric);
            } else {
                CHECK(graph::direction_from(g, e, s) == Direction::outgoing);
                CHECK(graph::direction_from(g, e, t) == Direction::incoming);
            }
        }
    }
}

TEST_CASE("depth 2 and 3: rings by distance, then mentions, then id, each with the relation it was reached by") {
    const auto g = test::world();
    NeighborhoodOptions options;
    options.depth = 3;
    const auto n = run(g, "country:CHN", options);
    // Ring 1: Russia and Blinken tie on mentions, so id order. Ring 2: Wang Yi (2 mentions) before
    // North Korea (1). Ring 3: the US, which criticizes North Korea (walked backward).
    CHECK(rings(g, n) ==
          std::vector<std::string>{"1: country:RUS<-country:CHN(1) person:antony-blinken<-country:CHN(1)",
                                   "2: person:wang-yi<-person:antony-blinken(2) country:PRK<-country:RUS(1)",
                                   "3: country:USA<-country:PRK(1)"});
    CHECK(n.reached_count() == 5);
    const auto* us = n.reached(v(g, "country:USA"));
    REQUIRE(us);
    CHECK(us->distance == 3);
    CHECK_FALSE(us->forward);  // North Korea is the object of "the US criticizes North Korea"
    CHECK(g.edge(us->edge).relation->predicate == "criticizes");
    CHECK(n.reached(v(g, "country:KOR")) == nullptr);
    REQUIRE(n.reached(v(g, "country:CHN")));
    CHECK(n.reached(v(g, "country:CHN"))->distance == 0);

    SUBCASE("depth 2 stops at 2") {
        options.depth = 2;
        const auto two = run(g, "country:CHN", options);
        CHECK(two.rings().size() == 2);
        CHECK(two.reached_count() == 4);
        CHECK(two.reached(v(g, "country:USA")) == nullptr);
    }
    SUBCASE("directed: only from subject to object, symmetric both ways") {
        options.directed = true;
        CHECK(rings(g, run(g, "country:CHN", options)) == std::vector<std::string>{"1: country:RUS<-country:CHN(1)"});
        CHECK(rings(g, run(g, "person:wang-yi", options)) ==
              std::vector<std::string>{"1: person:antony-blinken<-person:wang-yi(2)",
                                       "2: country:CHN<-person:antony-blinken(1)", "3: country:RUS<-country:CHN(1)"});
    }
}

TEST_CASE("a cycle: nobody is reached twice, the centre never again") {
    graph::KnowledgeGraph g;
    for (const auto& code : {"AAA", "BBB", "CCC", "DDD"}) g.add_entity(country(code));
    auto add = [&](const char* s, const graph::RelationType& r, const char* o, std::uint32_t sentence) {
        g.add_mention(v(g, std::string("country:") + s), r, v(g, std::string("country:") + o),
                      test::mention("doc", sentence, "text", "2024-01-01"));
    };
    add("AAA", test::supports(), "BBB", 1);
    add("BBB", test::supports(), "CCC", 2);
    add("CCC", test::supports(), "AAA", 3);
    add("AAA", test::criticizes(), "CCC", 4);
    add("CCC", test::supports(), "DDD", 5);
    add("BBB", test::supports(), "DDD", 6);
    add("BBB", test::supports(), "DDD", 7);

    NeighborhoodOptions options;
    options.depth = 5;
    const auto n = run(g, "country:AAA", options);
    // C is linked to A twice (2 mentions): first in ring 1. D is reached from B (2 mentions) and C (1).
    CHECK(rings(g, n) == std::vector<std::string>{"1: country:CCC<-country:AAA(2) country:BBB<-country:AAA(1)",
                                                  "2: country:DDD<-country:BBB(3)"});
    const auto* c = n.reached(v(g, "country:CCC"));
    REQUIRE(c);
    CHECK(c->relations == 2);
    // Of C's two relations with A (1 mention each), "criticizes" < "supports".
    CHECK(g.edge(c->edge).relation->predicate == "criticizes");
    CHECK(c->forward);
    const auto* d = n.reached(v(g, "country:DDD"));
    REQUIRE(d);
    CHECK(d->relations == 2);
    CHECK(d->mentions == 3);
    CHECK(g.entity(d->via).id == "country:BBB");  // 2 mentions beat C's 1
    CHECK(n.reached_count() == 3);
    // Same predicate: outgoing before incoming.
    CHECK(groups(g, n) == std::vector<std::string>{"criticizes outgoing: country:CCC(1)",
                                                   "supports outgoing: country:BBB(1)",
                                                   "supports incoming: country:CCC(1)"});
}

TEST_CASE("ties between equal relations go to the nearer entity with the smaller id, whatever the insertion order") {
    for (const bool reversed : {false, true}) {
        graph::KnowledgeGraph g;
        std::vector<std::string> codes{"CEN", "ZZZ", "AAA", "END"};
        if (reversed) codes = {"END", "AAA", "ZZZ", "CEN"};
        for (const auto& code : codes) g.add_entity(country(code));
        auto add = [&](const char* s, const char* o, std::uint32_t sentence) {
            g.add_mention(v(g, std::string("country:") + s), test::supports(), v(g, std::string("country:") + o),
                          test::mention("doc", sentence, "text"));
        };
        if (reversed) {
            add("ZZZ", "END", 4);
            add("AAA", "END", 3);
            add("CEN", "AAA", 2);
            add("CEN", "ZZZ", 1);
        } else {
            add("CEN", "ZZZ", 1);
            add("CEN", "AAA", 2);
            add("AAA", "END", 3);
            add("ZZZ", "END", 4);
        }
        NeighborhoodOptions options;
        options.depth = 2;
        const auto n = run(g, "country:CEN", options);
        CHECK(rings(g, n) == std::vector<std::string>{"1: country:AAA<-country:CEN(1) country:ZZZ<-country:CEN(1)",
                                                      "2: country:END<-country:AAA(2)"});
    }
}

TEST_CASE("of two equal relations with the same predicate both ways, the forward one is the reaching relation") {
    for (const bool reversed : {false, true}) {
        graph::KnowledgeGraph g;
        g.add_entity(country("AAA"));
        g.add_entity(country("BBB"));
        const auto forward = test::mention("doc", 1, "A supports B"),
                   backward = test::mention("doc", 2, "B supports A");
        if (reversed) {
            g.add_mention(1, test::supports(), 0, backward);
            g.add_mention(0, test::supports(), 1, forward);
        } else {
            g.add_mention(0, test::supports(), 1, forward);
            g.add_mention(1, test::supports(), 0, backward);
        }
        const auto n = run(g, "country:AAA");
        const auto* b = n.reached(v(g, "country:BBB"));
        REQUIRE(b);
        CHECK(b->forward);
        CHECK(g.entity(boost::source(b->edge, g.store())).id == "country:AAA");
        CHECK(b->relations == 2);
        CHECK(b->mentions == 2);
        CHECK(groups(g, n) ==
              std::vector<std::string>{"supports outgoing: country:BBB(1)", "supports incoming: country:BBB(1)"});
    }
}

TEST_CASE("an isolated actor has no group and no ring") {
    const auto g = test::world();
    NeighborhoodOptions options;
    options.depth = 3;
    const auto n = run(g, "country:KOR", options);
    CHECK(n.groups().empty());
    CHECK(n.rings().empty());
    CHECK(n.reached_count() == 0);
    CHECK(n.relation_count() == 0);
    CHECK(n.mention_count() == 0);
}

TEST_CASE("a self-loop is a relation of the actor but leads nowhere") {
    graph::KnowledgeGraph g;
    g.add_entity(country("AAA"));
    g.add_entity(country("BBB"));
    g.add_mention(0, test::criticizes(), 0, test::mention("doc", 1, "A criticizes itself"));
    g.add_mention(0, test::supports(), 1, test::mention("doc", 2, "A supports B"));
    NeighborhoodOptions options;
    options.depth = 2;
    const auto n = run(g, "country:AAA", options);
    CHECK(groups(g, n) ==
          std::vector<std::string>{"criticizes outgoing: country:AAA(1)", "supports outgoing: country:BBB(1)"});
    CHECK(n.relation_count() == 2);
    CHECK(rings(g, n) == std::vector<std::string>{"1: country:BBB<-country:AAA(1)"});
}

TEST_CASE("a hub: lists are cut at the limit, totals count everything") {
    graph::KnowledgeGraph g;
    g.add_entity(country("HUB"));
    // 30 spokes the hub supports, spoke i with (i % 4) + 1 mentions; each spoke supports a leaf of its own.
    std::uint64_t all_mentions = 0;
    for (int i = 0; i < 30; ++i) {
        const auto spoke = g.add_entity(country(fmt::format("S{:02}", i)));
        const auto leaf = g.add_entity(country(fmt::format("L{:02}", i)));
        for (int m = 0; m <= i % 4; ++m) {
            g.add_mention(0, test::supports(), spoke,
                          test::mention("doc", static_cast<std::uint32_t>(i * 10 + m), "t"));
            ++all_mentions;
        }
        g.add_mention(spoke, test::supports(), leaf, test::mention("doc", static_cast<std::uint32_t>(1000 + i), "t"));
    }
    NeighborhoodOptions options;
    options.depth = 2;
    options.limit = 5;
    const auto n = run(g, "country:HUB", options);
    REQUIRE(n.groups().size() == 1);
    const auto& group = n.groups()[0];
    CHECK(group.total == 30);
    CHECK(group.mentions == all_mentions);
    CHECK(group.more() == 25);
    CHECK(group.truncated());
    // The most mentioned first (i % 4 == 3: S03, S07, ...), in id order.
    CHECK(groups(g, n) == std::vector<std::string>{"supports outgoing: country:S03(4) country:S07(4) country:S11(4) "
                                                   "country:S15(4) country:S19(4) +25"});
    REQUIRE(n.rings().size() == 2);
    CHECK(n.rings()[0].total == 30);
    CHECK(n.rings()[0].mentions == all_mentions);
    CHECK(n.rings()[0].entities.size() == 5);
    CHECK(n.rings()[1].total == 30);
    CHECK(n.rings()[1].mentions == 30);
    CHECK(n.rings()[1].more() == 25);
    CHECK(rings(g, n)[1] ==
          "2: country:L00<-country:S00(1) country:L01<-country:S01(1) country:L02<-country:S02(1) "
          "country:L03<-country:S03(1) country:L04<-country:S04(1) +25");
    CHECK(n.reached_count() == 60);

    SUBCASE("limit 0 lists all") {
        options.limit = 0;
        const auto all = run(g, "country:HUB", options);
        CHECK(all.groups()[0].neighbors.size() == 30);
        CHECK_FALSE(all.groups()[0].truncated());
        CHECK(all.rings()[1].entities.size() == 30);
    }
}

TEST_CASE("bad arguments and reading before run()") {
    const auto g = test::world();
    NeighborhoodOptions zero;
    zero.depth = 0;
    CHECK_THROWS_AS(Neighborhood(g, 0, zero), std::invalid_argument);
    CHECK_THROWS_AS(Neighborhood(g, g.num_entities(), {}), std::invalid_argument);
    Neighborhood n(g, v(g, "country:CHN"));
    CHECK_THROWS_AS(n.groups(), std::logic_error);
    n.run();
    n.run();  // again: the same answer, not twice the counts
    CHECK(n.reached_count() == 2);
    CHECK(n.relation_count() == 2);
}
