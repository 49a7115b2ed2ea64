#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "graph/knowledge_graph.hpp"

using irkg::graph::Entity;
using irkg::graph::EntityType;
using irkg::graph::KnowledgeGraph;
using irkg::graph::Mention;
using irkg::graph::Modality;
using irkg::graph::RelationType;
using irkg::graph::TimeSpan;
using irkg::graph::Triple;

namespace {

const RelationType& meets() {
    static const RelationType type{"meets", "CONSULT", "", "040", 1.0, true, "meets", "Meets the object in person."};
    return type;
}
const RelationType& visits() {
    static const RelationType type{"visits", "CONSULT", "visit", "042", 1.9, false, "visits", ""};
    return type;
}
const RelationType& accuses() {
    static const RelationType type{"accuses", "ACCUSE", "", "112", -2.0, false, "accuses", ""};
    return type;
}

Entity entity(std::string id, std::string label, EntityType type, std::string country,
              std::vector<std::string> aliases = {}) {
    return Entity{std::move(id), std::move(label), type, std::move(country), std::move(aliases)};
}

Mention mention(std::string doc, std::uint32_t sentence, std::uint64_t begin, std::string start = {},
                std::string end = {}, Modality modality = Modality::asserted, double confidence = 0.5) {
    return Mention{modality, TimeSpan{"", std::move(start), std::move(end)},
                   irkg::graph::Evidence{std::move(doc), sentence, "sentence text", begin, begin + 10}, confidence};
}

Triple triple(Entity subject, const RelationType& relation, Entity object, Mention m) {
    return Triple{std::move(subject), &relation, std::move(object), m.modality, m.time, m.evidence, m.confidence};
}

/// Everything a graph holds, in a canonical order: two graphs are equal when their dumps are.
std::string dump(const KnowledgeGraph& g) {
    std::string out;
    for (auto v : g.sorted_vertices()) {
        const auto& e = g.entity(v);
        out += fmt::format("N {} | {} | {} | {} |", e.id, e.label, irkg::graph::to_string(e.type), e.country);
        for (const auto& alias : e.aliases) out += " " + alias;
        out += "\n";
    }
    for (auto edge : g.sorted_edges()) {
        const auto& data = g.edge(edge);
        out += fmt::format("E {} ({} {} {})\n", g.edge_id(edge), data.relation->category, data.relation->cameo,
                           data.relation->goldstein);
        for (const auto& m : data.mentions)
            out += fmt::format("  M {} {} {} {} {} {} {} {} {}\n", irkg::graph::to_string(m.modality), m.time.text,
                               m.time.start, m.time.end, m.evidence.doc, m.evidence.sentence, m.evidence.begin,
                               m.evidence.end, m.confidence);
    }
    return out;
}

// Three overlapping extractions: shared entities with different aliases and labels, a shared
// relation read in different documents, the same mention twice, and a symmetric relation read
// in both directions.
KnowledgeGraph graph_a() {
    KnowledgeGraph g;
    g.add(triple(entity("person:antony-blinken", "Blinken", EntityType::person, "USA", {"Blinken"}), meets(),
                 entity("person:wang-yi", "Wang Yi", EntityType::person, "CHN", {"Wang"}),
                 mention("doc-1", 1, 100, "2024-04-26")));
    g.add(triple(entity("person:antony-blinken", "Blinken", EntityType::person, "USA"), visits(),
                 entity("country:CHN", "China", EntityType::country, "CHN", {"China"}),
                 mention("doc-1", 0, 0, "2024-04-24", "2024-04-26", Modality::planned)));
    return g;
}

KnowledgeGraph graph_b() {
    KnowledgeGraph g;
    // The same meeting read object-first, in another document.
    g.add(triple(entity("person:wang-yi", "Wang Yi", EntityType::person, "", {"Foreign Minister Wang Yi"}), meets(),
                 entity("person:antony-blinken", "Antony Blinken", EntityType::person, "", {"Antony Blinken"}),
                 mention("doc-2", 4, 50, "2024-04-26")));
    g.add(triple(entity("country:CHN", "China", EntityType::country, "CHN", {"PRC"}), accuses(),
                 entity("country:USA", "United States", EntityType::country, "USA"), mention("doc-2", 7, 300)));
    return g;
}

KnowledgeGraph graph_c() {
    KnowledgeGraph g;
    // Repeats a mention of graph_a exactly, and adds an isolated entity of unknown type.
    g.add(triple(entity("person:antony-blinken", "Blinken", EntityType::person, "USA", {"Blinken"}), meets(),
                 entity("person:wang-yi", "Wang Yi", EntityType::person, "CHN", {"Wang"}),
                 mention("doc-1", 1, 100, "2024-04-26")));
    g.add_entity(entity("org:nato", "NATO", EntityType::organization, "", {"NATO", "the Alliance"}));
    g.add_entity(entity("other:x", "X", EntityType::other, ""));
    return g;
}

KnowledgeGraph merged(std::initializer_list<const KnowledgeGraph*> parts) {
    KnowledgeGraph out;
    for (const auto* part : parts) out.merge(*part);
    return out;
}

}  // namespace

TEST_CASE("an empty graph has nothing in it") {
    KnowledgeGraph g;
    CHECK(g.num_entities() == 0);
    CHECK(g.num_relations() == 0);
    CHECK(g.num_mentions() == 0);
    CHECK(g.sorted_vertices().empty());
    CHECK(g.sorted_edges().empty());
    CHECK_FALSE(g.find("country:CHN"));
}

TEST_CASE("add puts both entities and one mention in the graph") {
    const KnowledgeGraph g = graph_a();
    CHECK(g.num_entities() == 3);
    CHECK(g.num_relations() == 2);
    CHECK(g.num_mentions() == 2);
    const auto blinken = g.find("person:antony-blinken");
    REQUIRE(blinken);
    CHECK(g.entity(*blinken).label == "Blinken");
    CHECK(g.entity(*blinken).country == "USA");
    CHECK_FALSE(g.find("person:antony"));
    const auto edges = g.sorted_edges();
    REQUIRE(edges.size() == 2);
    CHECK(g.edge_id(edges[0]) == "person:antony-blinken--meets--person:wang-yi");
    CHECK(g.edge_id(edges[1]) == "person:antony-blinken--visits--country:CHN");
    CHECK(g.edge(edges[1]).relation->goldstein == 1.9);
    CHECK(g.edge(edges[1]).relation->mode == "visit");
}

TEST_CASE("merge is commutative, associative and idempotent") {
    const KnowledgeGraph a = graph_a(), b = graph_b(), c = graph_c();
    const std::string reference = dump(merged({&a, &b, &c}));
    CHECK(reference.find("E person:antony-blinken--meets--person:wang-yi") != std::string::npos);

    SUBCASE("commutative: every order gives the same graph") {
        CHECK(dump(merged({&a, &c, &b})) == reference);
        CHECK(dump(merged({&b, &a, &c})) == reference);
        CHECK(dump(merged({&b, &c, &a})) == reference);
        CHECK(dump(merged({&c, &a, &b})) == reference);
        CHECK(dump(merged({&c, &b, &a})) == reference);
    }
    SUBCASE("associative: (a+b)+c == a+(b+c)") {
        const KnowledgeGraph ab = merged({&a, &b});
        const KnowledgeGraph bc = merged({&b, &c});
        CHECK(dump(merged({&ab, &c})) == reference);
        CHECK(dump(merged({&a, &bc})) == reference);
    }
    SUBCASE("idempotent: merging a graph again, or into itself, changes nothing") {
        KnowledgeGraph all = merged({&a, &b, &c});
        all.merge(a);
        all.merge(b);
        CHECK(dump(all) == reference);
        all.merge(all);
        CHECK(dump(all) == reference);
        CHECK(dump(merged({&a, &a})) == dump(merged({&a})));
    }
    SUBCASE("the merged graph holds the union") {
        const KnowledgeGraph all = merged({&a, &b, &c});
        CHECK(all.num_entities() == 6);   // blinken, wang-yi, CHN, USA, nato, other:x
        CHECK(all.num_relations() == 3);  // meets (once), visits, accuses
        CHECK(all.num_mentions() == 4);   // the repeated doc-1 mention counts once
    }
}

TEST_CASE("a mention with the same key keeps one payload whatever the order") {
    const auto entity_a = entity("country:AAA", "A", EntityType::country, "AAA");
    const auto entity_b = entity("country:BBB", "B", EntityType::country, "BBB");
    Mention low = mention("doc", 1, 5, "2024-01-01", "", Modality::planned, 0.4);
    Mention high = low;
    high.modality = Modality::asserted;
    high.confidence = 0.9;
    KnowledgeGraph one, two;
    for (auto* g : {&one, &two}) {
        g->add_entity(entity_a);
        g->add_entity(entity_b);
    }
    one.add_mention(*one.find("country:AAA"), visits(), *one.find("country:BBB"), low);
    one.add_mention(*one.find("country:AAA"), visits(), *one.find("country:BBB"), high);
    two.add_mention(*two.find("country:AAA"), visits(), *two.find("country:BBB"), high);
    two.add_mention(*two.find("country:AAA"), visits(), *two.find("country:BBB"), low);
    CHECK(dump(one) == dump(two));
    REQUIRE(one.num_mentions() == 1);
    CHECK(one.edge(one.sorted_edges().front()).mentions.front().confidence == 0.9);
}

TEST_CASE("a symmetric predicate is stored once, with the smaller id as source") {
    KnowledgeGraph g;
    const auto wang = g.add_entity(entity("person:wang-yi", "Wang Yi", EntityType::person, "CHN"));
    const auto blinken = g.add_entity(entity("person:antony-blinken", "Antony Blinken", EntityType::person, "USA"));
    const auto e1 = g.add_mention(wang, meets(), blinken, mention("d", 1, 0));
    const auto e2 = g.add_mention(blinken, meets(), wang, mention("d", 2, 0));
    CHECK(g.num_relations() == 1);
    CHECK(g.num_mentions() == 2);
    CHECK(e1 == e2);
    CHECK(boost::source(e1, g.store()) == blinken);
    CHECK(boost::target(e1, g.store()) == wang);
    CHECK(g.edge_id(e1) == "person:antony-blinken--meets--person:wang-yi");

    SUBCASE("an asymmetric predicate keeps its direction, one edge per direction") {
        g.add_mention(wang, visits(), blinken, mention("d", 3, 0));
        g.add_mention(blinken, visits(), wang, mention("d", 4, 0));
        CHECK(g.num_relations() == 3);
        std::vector<std::string> ids;
        for (auto e : g.sorted_edges()) ids.push_back(g.edge_id(e));
        CHECK(ids == std::vector<std::string>{"person:antony-blinken--meets--person:wang-yi",
                                              "person:antony-blinken--visits--person:wang-yi",
                                              "person:wang-yi--visits--person:antony-blinken"});
    }
}

TEST_CASE("mentions are kept sorted by date, document, sentence and span, and unique") {
    KnowledgeGraph g;
    const auto a = g.add_entity(entity("country:AAA", "A", EntityType::country, "AAA"));
    const auto b = g.add_entity(entity("country:BBB", "B", EntityType::country, "BBB"));
    const std::vector<Mention> in{mention("doc-b", 2, 40, "2024-03-01"), mention("doc-a", 9, 0, "2024-03-01"),
                                  mention("doc-a", 1, 70, "2024-03-01"), mention("doc-a", 1, 10, "2024-03-01"),
                                  mention("doc-z", 0, 0, "2024-01-15"),  mention("doc-z", 0, 0, ""),
                                  mention("doc-a", 1, 10, "2024-03-01"),   // a duplicate
                                  mention("doc-b", 2, 40, "2024-03-01")};  // another
    irkg::graph::Edge e{};
    for (const auto& m : in) e = g.add_mention(a, accuses(), b, m);
    const auto& mentions = g.edge(e).mentions;
    REQUIRE(mentions.size() == 6);
    std::vector<std::string> keys;
    for (const auto& m : mentions)
        keys.push_back(fmt::format("{}/{}/{}/{}", m.time.start, m.evidence.doc, m.evidence.sentence, m.evidence.begin));
    CHECK(keys == std::vector<std::string>{"/doc-z/0/0", "2024-01-15/doc-z/0/0", "2024-03-01/doc-a/1/10",
                                           "2024-03-01/doc-a/1/70", "2024-03-01/doc-a/9/0", "2024-03-01/doc-b/2/40"});
    CHECK(g.edge(e).weight() == 6);
    CHECK(g.num_mentions() == 6);
}

TEST_CASE("first and last date span every dated mention") {
    irkg::graph::EdgeData data{std::make_shared<const irkg::graph::RelationType>(accuses()), {}};
    CHECK(data.first_date().empty());
    CHECK(data.last_date().empty());
    CHECK(data.mean_confidence() == 0.0);
    CHECK(data.modalities().empty());

    data.mentions = {mention("d", 0, 0, "", "", Modality::negated, 0.2),
                     mention("d", 1, 0, "2024-04-22", "2024-04-28", Modality::planned, 0.6),
                     mention("d", 2, 0, "2024-04-20", "", Modality::asserted, 0.4),
                     mention("d", 3, 0, "2024-04-30", "", Modality::planned, 0.8)};
    CHECK(data.first_date() == "2024-04-20");
    CHECK(data.last_date() == "2024-04-30");  // a start later than every end
    data.mentions.pop_back();
    CHECK(data.last_date() == "2024-04-28");  // an end later than every start
    CHECK(data.mean_confidence() == doctest::Approx(0.4));
    CHECK(data.modalities() == std::vector<Modality>{Modality::asserted, Modality::planned, Modality::negated});
}

TEST_CASE("Entity::absorb unions aliases and fills what is missing, whatever the order") {
    const Entity terse = entity("person:wang-yi", "Wang", EntityType::other, "", {"Wang", "Mr Wang"});
    const Entity full = entity("person:wang-yi", "Wang Yi", EntityType::person, "CHN", {"Wang Yi", "Wang"});
    const Entity other_country = entity("person:wang-yi", "Wang Yi", EntityType::person, "ABC", {"王毅"});

    Entity x = terse;
    x.absorb(full);
    CHECK(x.label == "Wang Yi");          // the longer label
    CHECK(x.type == EntityType::person);  // a specific type beats "other"
    CHECK(x.country == "CHN");            // a known country beats an unknown one
    CHECK(x.aliases == std::vector<std::string>{"Mr Wang", "Wang", "Wang Yi"});

    Entity y = full;
    y.absorb(terse);
    CHECK(y.label == x.label);
    CHECK(y.type == x.type);
    CHECK(y.country == x.country);

    // Two known countries: the smaller code wins, so the order still does not matter.
    Entity p = full, q = other_country;
    p.absorb(other_country);
    q.absorb(full);
    CHECK(p.country == "ABC");
    CHECK(q.country == "ABC");
    CHECK(p.aliases == q.aliases);

    // Labels of the same length: the smaller one wins.
    Entity s = entity("country:X", "Bbb", EntityType::country, "");
    s.absorb(entity("country:X", "Aaa", EntityType::country, ""));
    CHECK(s.label == "Aaa");
    Entity t = entity("country:X", "Aaa", EntityType::country, "");
    t.absorb(entity("country:X", "Bbb", EntityType::country, ""));
    CHECK(t.label == "Aaa");

    // Absorbing itself changes nothing.
    Entity z = x;
    z.absorb(z);
    CHECK(z.aliases == x.aliases);
    CHECK(z.label == x.label);
}

TEST_CASE("add_entity merges entities with the same id and keeps aliases sorted and unique") {
    KnowledgeGraph g;
    const auto v1 = g.add_entity(entity("country:CHN", "PRC", EntityType::country, "", {"PRC", "China", "PRC", ""}));
    const auto v2 = g.add_entity(entity("country:CHN", "China", EntityType::country, "CHN", {"Beijing", "China"}));
    CHECK(v1 == v2);
    CHECK(g.num_entities() == 1);
    CHECK(g.entity(v1).label == "China");  // same length: the smaller
    CHECK(g.entity(v1).country == "CHN");
    CHECK(g.entity(v1).aliases == std::vector<std::string>{"Beijing", "China", "PRC"});
}

TEST_CASE("sorted_vertices and sorted_edges give the id order whatever the insertion order") {
    KnowledgeGraph g;
    for (const char* id : {"person:z", "country:B", "org:m", "country:A"})
        g.add_entity(entity(id, id, EntityType::other, ""));
    std::vector<std::string> ids;
    for (auto v : g.sorted_vertices()) ids.push_back(g.entity(v).id);
    CHECK(ids == std::vector<std::string>{"country:A", "country:B", "org:m", "person:z"});

    g.add_mention(*g.find("person:z"), visits(), *g.find("country:A"), mention("d", 0, 0));
    g.add_mention(*g.find("country:B"), visits(), *g.find("country:A"), mention("d", 0, 0));
    g.add_mention(*g.find("country:B"), accuses(), *g.find("person:z"), mention("d", 0, 0));
    g.add_mention(*g.find("country:B"), accuses(), *g.find("org:m"), mention("d", 0, 0));
    std::vector<std::string> edges;
    for (auto e : g.sorted_edges()) edges.push_back(g.edge_id(e));
    CHECK(edges == std::vector<std::string>{"country:B--accuses--org:m", "country:B--accuses--person:z",
                                            "country:B--visits--country:A", "person:z--visits--country:A"});
}

TEST_CASE("a copied or moved graph stays consistent and independent") {
    KnowledgeGraph original = merged({});
    {
        const KnowledgeGraph a = graph_a();
        original.merge(a);
    }
    const std::string before = dump(original);

    KnowledgeGraph copy = original;
    // Adding a mention to an existing relation of the copy must touch the copy only.
    copy.add(triple(entity("person:antony-blinken", "Blinken", EntityType::person, "USA"), meets(),
                    entity("person:wang-yi", "Wang Yi", EntityType::person, "CHN"), mention("doc-9", 0, 0)));
    CHECK(copy.num_relations() == 2);
    CHECK(copy.num_mentions() == 3);
    CHECK(dump(original) == before);

    KnowledgeGraph moved = std::move(copy);
    moved.add(triple(entity("person:antony-blinken", "Blinken", EntityType::person, "USA"), meets(),
                     entity("person:wang-yi", "Wang Yi", EntityType::person, "CHN"), mention("doc-10", 0, 0)));
    CHECK(moved.num_relations() == 2);
    CHECK(moved.num_mentions() == 4);
    CHECK(copy.num_entities() == 0);  // NOLINT(bugprone-use-after-move): a moved-from graph is empty
    copy.add_entity(entity("country:X", "X", EntityType::country, ""));
    CHECK(copy.num_entities() == 1);

    KnowledgeGraph assigned;
    assigned = original;
    assigned.add(triple(entity("person:antony-blinken", "Blinken", EntityType::person, "USA"), visits(),
                        entity("country:CHN", "China", EntityType::country, "CHN"), mention("doc-11", 0, 0)));
    CHECK(assigned.num_relations() == 2);
    CHECK(assigned.num_mentions() == 3);
    CHECK(dump(original) == before);
}

TEST_CASE("edges with one predicate share one relation type, in copies too") {
    KnowledgeGraph g;
    const auto a = g.add_entity(entity("country:CHN", "China", EntityType::country, "CHN"));
    const auto b = g.add_entity(entity("country:USA", "United States", EntityType::country, "USA"));
    const auto c = g.add_entity(entity("country:RUS", "Russia", EntityType::country, "RUS"));
    const auto ab = g.add_mention(a, visits(), b, mention("d", 0, 0));
    const auto bc = g.add_mention(b, visits(), c, mention("d", 1, 0));
    const auto ac = g.add_mention(a, accuses(), c, mention("d", 2, 0));
    CHECK(g.edge(ab).relation.get() == g.edge(bc).relation.get());
    CHECK(g.edge(ab).relation.get() != g.edge(ac).relation.get());
    CHECK(g.edge(ab).relation.get() != &visits());  // the graph's own copy
    CHECK(*g.edge(ab).relation->predicate.data() == 'v');
    // A copy finds its edges again by (subject, predicate, object): one more mention, no new edge.
    KnowledgeGraph copy = g;
    copy.add_mention(*copy.find("country:USA"), visits(), *copy.find("country:RUS"), mention("e", 0, 0));
    CHECK(copy.num_relations() == 3);
    CHECK(copy.num_mentions() == 4);
    CHECK(g.num_mentions() == 3);
}

TEST_CASE("--max-evidence: a relation keeps its N first mentions in mention order, whatever the arrival order") {
    // Six mentions of one relation: two undated (they sort first), four dated, arriving shuffled.
    const std::vector<Mention> all{mention("d", 0, 0),          mention("e", 3, 0),
                                   mention("a", 1, 0, "2024-01-01"), mention("a", 2, 0, "2024-01-02"),
                                   mention("a", 3, 0, "2024-02-01"), mention("b", 0, 0, "2025-01-01")};
    const std::vector<std::vector<int>> orders{{0, 1, 2, 3, 4, 5}, {5, 4, 3, 2, 1, 0}, {3, 5, 0, 4, 1, 2}};
    std::string reference;
    for (const auto& order : orders) {
        KnowledgeGraph g;
        g.set_max_mentions(3);
        CHECK(g.max_mentions() == 3);
        const auto a = g.add_entity(entity("country:CHN", "China", EntityType::country, "CHN"));
        const auto b = g.add_entity(entity("country:USA", "United States", EntityType::country, "USA"));
        for (int i : order) g.add_mention(a, visits(), b, all[static_cast<std::size_t>(i)]);
        const auto edge = *g.sorted_edges().begin();
        REQUIRE(g.edge(edge).mentions.size() == 3);
        CHECK(g.edge(edge).weight() == 3);  // the weight counts the kept mentions
        CHECK(g.edge(edge).mentions[0].evidence.doc == "d");
        CHECK(g.edge(edge).mentions[1].evidence.doc == "e");
        CHECK(g.edge(edge).mentions[2].time.start == "2024-01-01");
        CHECK(g.edge(edge).capped);
        CHECK(g.num_capped_relations() == 1);
        CHECK(g.num_dropped_mentions() == 3);
        // A mention already kept, arriving again, is not a drop: it is the same mention.
        g.add_mention(a, visits(), b, all[0]);
        CHECK(g.num_dropped_mentions() == 3);
        if (reference.empty()) reference = dump(g);
        CHECK(dump(g) == reference);
    }
}

TEST_CASE("--max-evidence: add_mentions, set_max_mentions on a filled graph, 0 means no limit") {
    std::vector<Mention> many;
    for (std::uint32_t i = 0; i < 10; ++i) many.push_back(mention("doc", 9 - i, 0, "2024-03-01"));

    KnowledgeGraph bulk;
    bulk.set_max_mentions(4);
    const auto a = bulk.add_entity(entity("country:CHN", "China", EntityType::country, "CHN"));
    const auto b = bulk.add_entity(entity("country:USA", "United States", EntityType::country, "USA"));
    bulk.add_mentions(a, accuses(), b, many);                  // a new relation, list taken over
    bulk.add_mentions(a, accuses(), b, {mention("doc", 0, 5, "2024-03-01")});  // an existing one
    const auto& kept = bulk.edge(*bulk.sorted_edges().begin()).mentions;
    REQUIRE(kept.size() == 4);
    CHECK(kept[0].evidence.sentence == 0);
    CHECK(kept[0].evidence.begin == 0);
    CHECK(kept[1].evidence.sentence == 0);
    CHECK(kept[1].evidence.begin == 5);
    CHECK(kept[3].evidence.sentence == 2);
    CHECK(bulk.num_dropped_mentions() == 7);

    KnowledgeGraph unlimited;
    const auto c = unlimited.add_entity(entity("country:CHN", "China", EntityType::country, "CHN"));
    const auto d = unlimited.add_entity(entity("country:USA", "United States", EntityType::country, "USA"));
    unlimited.add_mentions(c, accuses(), d, many);
    unlimited.add_mention(c, meets(), d, mention("x", 0, 0));
    CHECK(unlimited.num_mentions() == 11);
    CHECK(unlimited.num_dropped_mentions() == 0);
    CHECK(unlimited.num_capped_relations() == 0);
    // Setting the cap on a filled graph trims it to what building with the cap gives.
    KnowledgeGraph trimmed = unlimited;
    trimmed.set_max_mentions(4);
    CHECK(trimmed.num_mentions() == 5);
    CHECK(trimmed.num_capped_relations() == 1);
    CHECK(trimmed.num_dropped_mentions() == 6);
    KnowledgeGraph built;
    built.set_max_mentions(4);
    built.merge(unlimited);
    CHECK(dump(built) == dump(trimmed));
    CHECK(built.num_dropped_mentions() == 6);
    // The setting and the counts travel with copies and moves.
    const KnowledgeGraph copy = trimmed;
    CHECK(copy.max_mentions() == 4);
    CHECK(copy.num_dropped_mentions() == 6);
    const KnowledgeGraph moved = std::move(trimmed);
    CHECK(moved.max_mentions() == 4);
    CHECK(moved.num_capped_relations() == 1);
    // Merging a capped graph into an uncapped one keeps what was kept and says it was capped.
    KnowledgeGraph into;
    into.merge(copy);
    CHECK(into.num_mentions() == 5);
    CHECK(into.num_capped_relations() == 1);
    CHECK(into.num_dropped_mentions() == 6);
    unlimited.set_max_mentions(0);
    CHECK(unlimited.num_mentions() == 11);
}
