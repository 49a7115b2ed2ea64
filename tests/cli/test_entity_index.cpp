#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "graph/entity_index.hpp"
#include "graph/errors.hpp"
#include "small_graph.hpp"

using irkg::graph::EntityIndex;
using irkg::graph::MatchKind;
using irkg::graph::NameMatch;
using irkg::graph::Vertex;

namespace {

std::vector<std::string> ids(const irkg::graph::KnowledgeGraph& g, const std::vector<Vertex>& vs) {
    std::vector<std::string> out;
    for (Vertex v : vs) out.push_back(g.entity(v).id);
    return out;
}

std::string resolve_error(const EntityIndex& index, std::string_view name) {
    try {
        index.resolve(name);
    } catch (const irkg::query_error& e) {
        return e.what();
    }
    FAIL("resolve(\"" << name << "\") did not throw");
    return {};
}

}  // namespace

TEST_CASE("an exact id wins over everything else") {
    const auto g = irkg::test::world();
    const EntityIndex index(g);
    const NameMatch m = index.lookup("country:CHN");
    CHECK(m.kind == MatchKind::id);
    CHECK(ids(g, m.candidates) == std::vector<std::string>{"country:CHN"});
}

TEST_CASE("ids and labels match ignoring case") {
    const auto g = irkg::test::world();
    const EntityIndex index(g);
    CHECK(ids(g, {index.resolve("country:chn")}) == std::vector<std::string>{"country:CHN"});
    const NameMatch m = index.lookup("wang yi");
    CHECK(m.kind == MatchKind::label);
    CHECK(ids(g, m.candidates) == std::vector<std::string>{"person:wang-yi"});
    CHECK(g.entity(index.resolve("NORTH KOREA")).id == "country:PRK");
}

TEST_CASE("aliases resolve: PRC, Pyongyang, blinken, the Kremlin") {
    const auto g = irkg::test::world();
    const EntityIndex index(g);
    CHECK(index.lookup("PRC").kind == MatchKind::alias);
    CHECK(g.entity(index.resolve("PRC")).id == "country:CHN");
    CHECK(g.entity(index.resolve("prc")).id == "country:CHN");
    CHECK(g.entity(index.resolve("Pyongyang")).id == "country:PRK");
    CHECK(g.entity(index.resolve("pyongyang")).id == "country:PRK");
    CHECK(g.entity(index.resolve("blinken")).id == "person:antony-blinken");
    CHECK(g.entity(index.resolve("THE KREMLIN")).id == "country:RUS");
}

TEST_CASE("a word of a label resolves when no alias matches") {
    irkg::graph::KnowledgeGraph g;
    g.add_entity(irkg::test::entity("person:antony-blinken", "Antony Blinken", irkg::graph::EntityType::person, "USA"));
    g.add_entity(irkg::test::wang_yi());
    const EntityIndex index(g);
    const NameMatch m = index.lookup("blinken");
    CHECK(m.kind == MatchKind::word);
    CHECK(ids(g, m.candidates) == std::vector<std::string>{"person:antony-blinken"});
    CHECK(g.entity(index.resolve("Wang")).id == "person:wang-yi");
    // Every word of the name must be a word of the label, in any order.
    CHECK(g.entity(index.resolve("blinken antony")).id == "person:antony-blinken");
    CHECK(index.lookup("antony wang").kind == MatchKind::none);
}

TEST_CASE("a label match beats another entity's alias") {
    irkg::graph::KnowledgeGraph g;
    g.add_entity(irkg::test::entity("country:GEO", "Georgia", irkg::graph::EntityType::country, "GEO"));
    g.add_entity(irkg::test::entity("location:georgia-us", "State of Georgia", irkg::graph::EntityType::location, "USA",
                                    {"Georgia"}));
    const EntityIndex index(g);
    const NameMatch m = index.lookup("georgia");
    CHECK(m.kind == MatchKind::label);
    CHECK(ids(g, m.candidates) == std::vector<std::string>{"country:GEO"});
}

TEST_CASE("an ambiguous name lists every candidate with id, label and type") {
    const auto g = irkg::test::world();
    const EntityIndex index(g);
    const NameMatch m = index.lookup("kim");
    CHECK(m.kind == MatchKind::word);
    CHECK(ids(g, m.candidates) == std::vector<std::string>{"person:kim-jong-un", "person:kim-yo-jong"});

    const std::string message = resolve_error(index, "Kim");
    CHECK(message.find("ambiguous") != std::string::npos);
    CHECK(message.find("person:kim-jong-un (Kim Jong Un, person)") != std::string::npos);
    CHECK(message.find("person:kim-yo-jong (Kim Yo Jong, person)") != std::string::npos);

    const NameMatch korea = index.lookup("Korea");
    CHECK(ids(g, korea.candidates) == std::vector<std::string>{"country:KOR", "country:PRK"});
}

TEST_CASE("an unknown name suggests the closest entities") {
    const auto g = irkg::test::world();
    const EntityIndex index(g);
    CHECK(index.lookup("Rusia").kind == MatchKind::none);
    CHECK(index.lookup("").kind == MatchKind::none);
    CHECK(ids(g, index.suggestions("Rusia", 3)) == std::vector<std::string>{"country:RUS"});
    // Within max(1, length / 3) edits of an alias ("Moscow") or a label word ("Blinken").
    CHECK(ids(g, index.suggestions("Moskow")) == std::vector<std::string>{"country:RUS"});
    CHECK(ids(g, index.suggestions("blinkn")) == std::vector<std::string>{"person:antony-blinken"});
    // A prefix ranks first, however long the rest.
    CHECK(g.entity(index.suggestions("Blink", 1).front()).id == "person:antony-blinken");

    const std::string message = resolve_error(index, "Rusia");
    CHECK(message.find("no entity called \"Rusia\"") != std::string::npos);
    CHECK(message.find("closest:\n  country:RUS (Russia, country)") != std::string::npos);
}

TEST_CASE("a name close to nothing still lists the nearest entities") {
    const auto g = irkg::test::world();
    const EntityIndex index(g);
    CHECK(index.suggestions("Atlantis").empty());
    CHECK(index.nearest("Atlantis", 4).size() == 4);
    const std::string message = resolve_error(index, "Atlantis");
    CHECK(message.find("no entity called \"Atlantis\"") != std::string::npos);
    CHECK(message.find("no name is close, the nearest are:\n  ") != std::string::npos);

    const irkg::graph::KnowledgeGraph empty;
    CHECK(resolve_error(EntityIndex(empty), "China").find("the graph is empty") != std::string::npos);
}

TEST_CASE("lookup is deterministic whatever the insertion order") {
    irkg::graph::KnowledgeGraph a;
    irkg::graph::KnowledgeGraph b;
    a.add_entity(irkg::test::kim_jong_un());
    a.add_entity(irkg::test::kim_yo_jong());
    b.add_entity(irkg::test::kim_yo_jong());
    b.add_entity(irkg::test::kim_jong_un());
    CHECK(ids(a, EntityIndex(a).lookup("kim").candidates) == ids(b, EntityIndex(b).lookup("kim").candidates));
    CHECK(ids(a, EntityIndex(a).suggestions("kin")) == ids(b, EntityIndex(b).suggestions("kin")));
}

TEST_CASE("text helpers") {
    using irkg::graph::edit_distance;
    using irkg::graph::fold_case;
    using irkg::graph::split_words;
    CHECK(fold_case("Côte d'Ivoire PRC") == "côte d'ivoire prc");
    CHECK(split_words("Kim Jong-un (DPRK)") == std::vector<std::string>{"Kim", "Jong", "un", "DPRK"});
    CHECK(split_words("  ").empty());
    CHECK(edit_distance("rusia", "russia") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
}
