#pragma once
// Small hand-built graphs for the entity index, shortest path and path command tests.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace irkg::test {

inline graph::RelationType relation(std::string predicate, std::string category, bool symmetric = false) {
    return graph::RelationType{predicate, std::move(category), "", "000", 1.0, symmetric, predicate, ""};
}
inline const graph::RelationType& meets() {
    static const auto type = relation("meets", "CONSULT", true);
    return type;
}
inline const graph::RelationType& visits() {
    static const auto type = relation("visits", "CONSULT");
    return type;
}
inline const graph::RelationType& supports() {
    static const auto type = relation("supports", "COOPERATE");
    return type;
}
inline const graph::RelationType& criticizes() {
    static const auto type = relation("criticizes", "ACCUSE");
    return type;
}
inline const graph::RelationType& transfers_weapons_to() {
    static const auto type = relation("transfers-weapons-to", "AID");
    return type;
}

inline graph::Entity entity(std::string id, std::string label, graph::EntityType type, std::string country,
                            std::vector<std::string> aliases = {}) {
    return graph::Entity{std::move(id), std::move(label), type, std::move(country), std::move(aliases)};
}

inline graph::Mention mention(std::string doc, std::uint32_t sentence, std::string text, std::string date = {},
                              double confidence = 0.8, graph::Modality modality = graph::Modality::asserted) {
    return graph::Mention{
        modality, graph::TimeSpan{date.empty() ? "" : "on " + date, date, ""},
        graph::Evidence{std::move(doc), sentence, std::move(text), sentence * 100u, sentence * 100u + 50u}, confidence};
}

inline graph::Entity blinken() {
    return entity("person:antony-blinken", "Antony Blinken", graph::EntityType::person, "USA",
                  {"Antony Blinken", "Blinken", "US Secretary of State Antony Blinken", "the secretary"});
}
inline graph::Entity wang_yi() {
    return entity("person:wang-yi", "Wang Yi", graph::EntityType::person, "CHN", {"Wang Yi"});
}
inline graph::Entity china() {
    return entity("country:CHN", "China", graph::EntityType::country, "CHN", {"Beijing", "China", "Chinese", "PRC"});
}
inline graph::Entity north_korea() {
    return entity("country:PRK", "North Korea", graph::EntityType::country, "PRK",
                  {"DPRK", "North Korea", "Pyongyang", "the North"});
}
inline graph::Entity south_korea() {
    return entity("country:KOR", "South Korea", graph::EntityType::country, "KOR", {"ROK", "Seoul", "South Korea"});
}
inline graph::Entity russia() {
    return entity("country:RUS", "Russia", graph::EntityType::country, "RUS", {"Moscow", "Russia", "the Kremlin"});
}
inline graph::Entity usa() {
    return entity("country:USA", "United States", graph::EntityType::country, "USA", {"US", "Washington"});
}
inline graph::Entity kim_jong_un() {
    return entity("person:kim-jong-un", "Kim Jong Un", graph::EntityType::person, "PRK", {"Kim Jong Un"});
}
inline graph::Entity kim_yo_jong() {
    return entity("person:kim-yo-jong", "Kim Yo Jong", graph::EntityType::person, "PRK", {"Kim Yo Jong"});
}
inline graph::Entity nato() { return entity("org:nato", "NATO", graph::EntityType::organization, "", {"NATO"}); }

/// Blinken meets Wang Yi (twice) and visits China; China supports Russia; North Korea transfers
/// weapons to Russia; the US criticizes North Korea. South Korea, the two Kims and NATO have no relation.
inline graph::KnowledgeGraph world() {
    graph::KnowledgeGraph g;
    for (const auto& e : {nato(), kim_yo_jong(), kim_jong_un(), usa(), russia(), south_korea(), north_korea(), china(),
                          wang_yi(), blinken()})
        g.add_entity(e);
    auto v = [&g](const graph::Entity& e) { return *g.find(e.id); };
    g.add_mention(v(wang_yi()), meets(), v(blinken()),
                  mention("blinken-visit", 1, "Blinken will hold talks with Wang Yi.", "2024-04-26", 0.7,
                          graph::Modality::planned));
    g.add_mention(v(blinken()), meets(), v(wang_yi()),
                  mention("blinken-visit-2", 2, "Blinken met Wang Yi in Beijing.", "2024-04-26", 0.9));
    g.add_mention(v(blinken()), visits(), v(china()),
                  mention("blinken-visit", 0, "Blinken will travel to China next week.", "2024-04-22", 0.8,
                          graph::Modality::planned));
    g.add_mention(v(china()), supports(), v(russia()),
                  mention("blinken-visit", 10, "Washington is concerned over China's support for Russia.", "", 0.6));
    g.add_mention(v(north_korea()), transfers_weapons_to(), v(russia()),
                  mention("blinken-visit", 7, "Pyongyang's transfers of weapons to Russia.", "2024-04-20", 0.75));
    g.add_mention(v(usa()), criticizes(), v(north_korea()),
                  mention("blinken-visit", 3, "The US criticized the DPRK's reckless actions.", "2024-04-20", 0.65));
    return g;
}

}  // namespace irkg::test
