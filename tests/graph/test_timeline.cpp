// The timeline query on small hand-made graphs with known answers.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "../cli/small_graph.hpp"
#include "graph/timeline.hpp"

using namespace irkg;
using graph::Timeline;
using graph::TimelineOptions;

namespace {

graph::Vertex v(const graph::KnowledgeGraph& g, const std::string& id) {
    const auto found = g.find(id);
    REQUIRE(found);
    return *found;
}

/// "date predicate other direction doc#sentence" per item.
std::vector<std::string> items(const graph::KnowledgeGraph& g, const Timeline& t) {
    std::vector<std::string> out;
    for (const auto& item : t.items()) {
        const auto& m = *item.mention;
        out.push_back(fmt::format("{} {} {} {} {}#{}", m.time.start.empty() ? "undated" : m.time.start,
                                  g.edge(item.edge).relation->predicate, g.entity(item.other).id,
                                  graph::to_string(item.direction), m.evidence.doc, m.evidence.sentence));
    }
    return out;
}

Timeline run(const graph::KnowledgeGraph& g, const std::string& id, TimelineOptions options = {}) {
    Timeline t(g, v(g, id), options);
    t.run();
    return t;
}

graph::Mention dated(std::string doc, std::uint32_t sentence, std::string start, std::string end = {}) {
    auto m = test::mention(std::move(doc), sentence, "text", std::move(start));
    m.time.end = std::move(end);
    return m;
}

}  // namespace

TEST_CASE("every mention of the actor's relations, as subject or object, in date order") {
    const auto g = test::world();
    const auto blinken = run(g, "person:antony-blinken");
    CHECK(items(g, blinken) == std::vector<std::string>{
                                   "2024-04-22 visits country:CHN outgoing blinken-visit#0",
                                   "2024-04-26 meets person:wang-yi symmetric blinken-visit#1",
                                   "2024-04-26 meets person:wang-yi symmetric blinken-visit-2#2",
                               });
    CHECK(blinken.total() == 3);
    CHECK(blinken.relations() == 2);
    CHECK(blinken.undated() == 0);
    CHECK(blinken.first_date() == "2024-04-22");
    CHECK(blinken.last_date() == "2024-04-26");
    CHECK_FALSE(blinken.truncated());
    // The mention is the graph's own: its evidence sentence comes with it.
    CHECK(blinken.items()[0].mention->evidence.text == "Blinken will travel to China next week.");
    CHECK(blinken.items()[0].mention->modality == graph::Modality::planned);
}

TEST_CASE("undated mentions come last; directions are seen from the actor") {
    const auto g = test::world();
    const auto china = run(g, "country:CHN");
    CHECK(items(g, china) == std::vector<std::string>{
                                 "2024-04-22 visits person:antony-blinken incoming blinken-visit#0",
                                 "undated supports country:RUS outgoing blinken-visit#10",
                             });
    CHECK(china.undated() == 1);
    CHECK(china.first_date() == "2024-04-22");
    const auto russia = run(g, "country:RUS");
    CHECK(items(g, russia) == std::vector<std::string>{
                                  "2024-04-20 transfers-weapons-to country:PRK incoming blinken-visit#7",
                                  "undated supports country:CHN incoming blinken-visit#10",
                              });
}

TEST_CASE("ties: end date, then article, sentence and span, then predicate and ends") {
    graph::KnowledgeGraph g;
    for (const auto& e : {test::china(), test::russia(), test::usa(), test::north_korea()}) g.add_entity(e);
    const auto chn = v(g, "country:CHN"), rus = v(g, "country:RUS"), usa = v(g, "country:USA"),
               prk = v(g, "country:PRK");
    // Added in an order unrelated to the answer.
    g.add_mention(chn, test::supports(), rus, test::mention("b-doc", 1, "undated, b"));
    g.add_mention(chn, test::supports(), rus, test::mention("a-doc", 9, "undated, a"));
    g.add_mention(chn, test::supports(), rus, dated("z-doc", 0, "2024-03-01", "2024-03-31"));
    g.add_mention(chn, test::supports(), rus, dated("y-doc", 0, "2024-03-01"));
    g.add_mention(usa, test::criticizes(), chn, dated("m-doc", 4, "2024-03-01"));
    g.add_mention(chn, test::supports(), rus, dated("m-doc", 3, "2024-03-01"));
    g.add_mention(chn, test::criticizes(), usa, dated("m-doc", 3, "2024-03-01"));
    g.add_mention(prk, test::supports(), chn, dated("m-doc", 3, "2024-03-01"));
    g.add_mention(chn, test::supports(), rus, dated("a-doc", 0, "2023-12-31", "2024-12-31"));

    const auto t = run(g, "country:CHN");
    CHECK(items(g, t) == std::vector<std::string>{
                             "2023-12-31 supports country:RUS outgoing a-doc#0",
                             // 2024-03-01, ending that day: by article and sentence ...
                             "2024-03-01 criticizes country:USA outgoing m-doc#3",  // ... then predicate,
                             "2024-03-01 supports country:RUS outgoing m-doc#3",    // then subject id
                             "2024-03-01 supports country:PRK incoming m-doc#3",
                             "2024-03-01 criticizes country:USA incoming m-doc#4",
                             "2024-03-01 supports country:RUS outgoing y-doc#0",
                             // ... and ending later
                             "2024-03-01 supports country:RUS outgoing z-doc#0",
                             "undated supports country:RUS outgoing a-doc#9",
                             "undated supports country:RUS outgoing b-doc#1",
                         });
    CHECK(t.total() == 9);
    CHECK(t.relations() == 4);
    CHECK(t.undated() == 2);
    CHECK(t.first_date() == "2023-12-31");
    CHECK(t.last_date() == "2024-12-31");

    SUBCASE("a limit keeps the earliest and counts the rest") {
        TimelineOptions options;
        options.limit = 2;
        const auto cut = run(g, "country:CHN", options);
        CHECK(items(g, cut) == std::vector<std::string>{"2023-12-31 supports country:RUS outgoing a-doc#0",
                                                        "2024-03-01 criticizes country:USA outgoing m-doc#3"});
        CHECK(cut.total() == 9);
        CHECK(cut.more() == 7);
        CHECK(cut.truncated());
        CHECK(cut.undated() == 2);
        CHECK(cut.last_date() == "2024-12-31");  // over every mention, listed or not
        options.limit = 9;
        CHECK_FALSE(run(g, "country:CHN", options).truncated());
    }
}

TEST_CASE("an isolated actor has an empty timeline; a self-loop is listed once") {
    auto g = test::world();
    const auto empty = run(g, "country:KOR");
    CHECK(empty.items().empty());
    CHECK(empty.total() == 0);
    CHECK(empty.relations() == 0);
    CHECK(empty.first_date().empty());

    const auto kor = v(g, "country:KOR");
    g.add_mention(kor, test::criticizes(), kor, test::mention("doc", 1, "Seoul criticizes itself", "2024-01-01"));
    const auto self = run(g, "country:KOR");
    CHECK(items(g, self) == std::vector<std::string>{"2024-01-01 criticizes country:KOR outgoing doc#1"});
    CHECK(self.relations() == 1);
}

TEST_CASE("bad arguments and reading before run()") {
    const auto g = test::world();
    CHECK_THROWS_AS(Timeline(g, g.num_entities()), std::invalid_argument);
    Timeline t(g, v(g, "country:CHN"));
    CHECK_THROWS_AS(t.items(), std::logic_error);
    CHECK_THROWS_AS(t.total(), std::logic_error);
    t.run();
    t.run();
    CHECK(t.total() == 2);
    CHECK(t.relations() == 2);
}
