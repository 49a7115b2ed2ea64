// The shared graph filters on a small hand-made world with known answers.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../cli/small_graph.hpp"
#include "graph/graph_filter.hpp"

using namespace irkg;
using graph::GraphFilter;

namespace {

std::vector<std::string> ids(const graph::KnowledgeGraph& g) {
    std::vector<std::string> out;
    for (auto v : g.sorted_vertices()) out.push_back(g.entity(v).id);
    return out;
}

std::vector<std::string> edges(const graph::KnowledgeGraph& g) {
    std::vector<std::string> out;
    for (auto e : g.sorted_edges()) out.push_back(g.edge_id(e));
    return out;
}

std::size_t mentions_of(const graph::KnowledgeGraph& g, std::string_view predicate) {
    std::size_t n = 0;
    for (auto e : g.sorted_edges())
        if (g.edge(e).relation->predicate == predicate) n += g.edge(e).weight();
    return n;
}

}  // namespace

TEST_CASE("the default filter is the identity") {
    const auto world = test::world();
    const GraphFilter none;
    CHECK(none.is_identity());
    CHECK(none.describe().empty());
    const auto out = graph::apply_filter(world, none);
    CHECK(ids(out) == ids(world));
    CHECK(edges(out) == edges(world));
    CHECK(out.num_mentions() == world.num_mentions());
}

TEST_CASE("a category keeps its relations and their ends only") {
    GraphFilter f;
    f.categories = {"CONSULT"};
    const auto out = graph::apply_filter(test::world(), f);
    CHECK(edges(out) == std::vector<std::string>{"person:antony-blinken--meets--person:wang-yi",
                                                 "person:antony-blinken--visits--country:CHN"});
    CHECK(ids(out) == std::vector<std::string>{"country:CHN", "person:antony-blinken", "person:wang-yi"});
    CHECK(f.describe() == "category CONSULT");
}

TEST_CASE("predicates, mention counts and confidence") {
    GraphFilter f;
    f.predicates = {"meets", "supports"};
    CHECK(graph::apply_filter(test::world(), f).num_relations() == 2);
    f.min_mentions = 2;
    CHECK(edges(graph::apply_filter(test::world(), f)) ==
          std::vector<std::string>{"person:antony-blinken--meets--person:wang-yi"});
    // Mentions are dropped before counting: the 0.7 mention goes, so meets has one left and fails min_mentions.
    f.min_confidence = 0.8;
    const auto out = graph::apply_filter(test::world(), f);
    CHECK(out.num_relations() == 0);
    CHECK(out.num_entities() == 0);
    f.min_mentions = 0;
    CHECK(mentions_of(graph::apply_filter(test::world(), f), "meets") == 1);
}

TEST_CASE("dates keep mentions whose span overlaps the period; undated ones go") {
    GraphFilter f;
    f.since = "2024-04-21";
    auto out = graph::apply_filter(test::world(), f);
    CHECK(edges(out) == std::vector<std::string>{"person:antony-blinken--meets--person:wang-yi",
                                                 "person:antony-blinken--visits--country:CHN"});
    f.since.clear();
    f.until = "2024-04-20";
    out = graph::apply_filter(test::world(), f);
    CHECK(edges(out) == std::vector<std::string>{"country:PRK--transfers-weapons-to--country:RUS",
                                                 "country:USA--criticizes--country:PRK"});
    // china supports russia is undated: in no period.
    f.until = "2100-01-01";
    f.since = "1900-01-01";
    CHECK(graph::apply_filter(test::world(), f).num_relations() == 4);
}

TEST_CASE("modalities") {
    GraphFilter f;
    f.modalities = {graph::Modality::planned};
    const auto out = graph::apply_filter(test::world(), f);
    CHECK(edges(out) == std::vector<std::string>{"person:antony-blinken--meets--person:wang-yi",
                                                 "person:antony-blinken--visits--country:CHN"});
    CHECK(mentions_of(out, "meets") == 1);
    CHECK(out.edge(out.sorted_edges()[0]).mentions[0].evidence.doc == "blinken-visit");
}

TEST_CASE("types keep isolated entities of the type unless relations are filtered") {
    GraphFilter f;
    f.types = {graph::EntityType::country};
    auto out = graph::apply_filter(test::world(), f);
    CHECK(ids(out) == std::vector<std::string>{"country:CHN", "country:KOR", "country:PRK", "country:RUS",
                                               "country:USA"});
    CHECK(out.num_relations() == 3);  // supports, transfers weapons, criticizes; not Blinken's
    f.categories = {"ACCUSE"};
    out = graph::apply_filter(test::world(), f);
    CHECK(ids(out) == std::vector<std::string>{"country:PRK", "country:USA"});
}

TEST_CASE("around: the neighbourhood at a depth, relations followed either way") {
    GraphFilter f;
    f.around = {"country:RUS"};
    f.depth = 1;
    auto out = graph::apply_filter(test::world(), f);
    CHECK(ids(out) == std::vector<std::string>{"country:CHN", "country:PRK", "country:RUS"});
    CHECK(out.num_relations() == 2);
    f.depth = 2;
    out = graph::apply_filter(test::world(), f);
    CHECK(ids(out) == std::vector<std::string>{"country:CHN", "country:PRK", "country:RUS", "country:USA",
                                               "person:antony-blinken"});
    CHECK(out.num_relations() == 4);
    // An isolated entity is its own neighbourhood.
    f.around = {"org:nato"};
    out = graph::apply_filter(test::world(), f);
    CHECK(ids(out) == std::vector<std::string>{"org:nato"});
    // The centre stays whatever its type: the countries around Blinken.
    f.around = {"person:antony-blinken"};
    f.depth = 1;
    f.types = {graph::EntityType::country};
    out = graph::apply_filter(test::world(), f);
    CHECK(ids(out) == std::vector<std::string>{"country:CHN", "person:antony-blinken"});
    CHECK(f.describe() == "type country, within 1 hop of person:antony-blinken");
}

TEST_CASE("filters compose and do not change the input") {
    const auto world = test::world();
    GraphFilter f;
    f.around = {"person:antony-blinken"};
    f.depth = 3;
    f.categories = {"CONSULT", "COOPERATE"};
    const auto out = graph::apply_filter(world, f);
    CHECK(ids(out) == std::vector<std::string>{"country:CHN", "country:RUS", "person:antony-blinken",
                                               "person:wang-yi"});
    CHECK(world.num_relations() == 5);
    // Filtering twice is filtering once.
    const auto twice = graph::apply_filter(out, f);
    CHECK(edges(twice) == edges(out));
    CHECK(twice.num_mentions() == out.num_mentions());
}

TEST_CASE("filter dates") {
    CHECK(graph::is_filter_date("2024"));
    CHECK(graph::is_filter_date("2024-02"));
    CHECK(graph::is_filter_date("2024-02-29"));
    CHECK_FALSE(graph::is_filter_date("2023-02-29"));
    CHECK_FALSE(graph::is_filter_date("2024-13"));
    CHECK_FALSE(graph::is_filter_date("24-01-01"));
    CHECK_FALSE(graph::is_filter_date("2024-1-1"));
    CHECK_FALSE(graph::is_filter_date("yesterday"));
    CHECK_FALSE(graph::is_filter_date(""));
    CHECK(graph::expand_filter_date("2024", false) == "2024-01-01");
    CHECK(graph::expand_filter_date("2024", true) == "2024-12-31");
    CHECK(graph::expand_filter_date("2024-02", true) == "2024-02-29");
    CHECK(graph::expand_filter_date("2023-02", true) == "2023-02-28");
    CHECK(graph::expand_filter_date("2024-04-20", true) == "2024-04-20");
}
