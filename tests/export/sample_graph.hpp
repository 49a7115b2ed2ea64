#pragma once
// Small hand-made graphs for the export tests: the entities and relations of the Blinken sample
// article, plus the awkward text (markup characters, control characters, emoji, right-to-left
// script, broken UTF-8) every writer must survive.
#include <string>

#include "graph/knowledge_graph.hpp"

namespace irkg::test {

inline const graph::RelationType& meets() {
    static const graph::RelationType type{"meets", "CONSULT", "visit", "040", 1.0, true, "meets", "Meets in person."};
    return type;
}
inline const graph::RelationType& visits() {
    static const graph::RelationType type{"visits", "CONSULT", "visit", "042", 1.9, false, "visits", ""};
    return type;
}
inline const graph::RelationType& accuses() {
    static const graph::RelationType type{"accuses", "ACCUSE", "", "112", -2.0, false, "", ""};
    return type;
}
inline const graph::RelationType& member_of() {
    static const graph::RelationType type{"member-of", "AFFILIATION", "", "---", 0.0, false, "member of", ""};
    return type;
}

inline graph::Entity entity(std::string id, std::string label, graph::EntityType type, std::string country,
                            std::vector<std::string> aliases = {}) {
    return graph::Entity{std::move(id), std::move(label), type, std::move(country), std::move(aliases)};
}

inline graph::Entity blinken() {
    return entity("person:antony-blinken", "Antony Blinken", graph::EntityType::person, "USA",
                  {"Antony Blinken", "Blinken", "US Secretary of State Antony Blinken"});
}
inline graph::Entity wang_yi() {
    return entity("person:wang-yi", "Wang Yi", graph::EntityType::person, "CHN", {"Wang Yi"});
}
inline graph::Entity china() {
    return entity("country:CHN", "China", graph::EntityType::country, "CHN", {"China", "PRC"});
}
inline graph::Entity usa() {
    return entity("country:USA", "United States", graph::EntityType::country, "USA", {"US", "Washington"});
}

inline graph::Mention mention(std::string doc, std::uint32_t sentence, std::string text, std::uint64_t begin,
                              std::uint64_t end, graph::Modality modality, graph::TimeSpan time, double confidence) {
    return graph::Mention{modality, std::move(time),
                          graph::Evidence{std::move(doc), sentence, std::move(text), begin, end}, confidence};
}

/// Blinken meets Wang Yi (twice: planned, then asserted), Blinken visits China, China accuses the US,
/// Blinken is a member of the US, and an isolated entity.
inline graph::KnowledgeGraph blinken_graph() {
    graph::KnowledgeGraph g;
    const auto b = g.add_entity(blinken());
    const auto w = g.add_entity(wang_yi());
    const auto c = g.add_entity(china());
    const auto u = g.add_entity(usa());
    g.add_entity(entity("org:nato", "NATO", graph::EntityType::organization, ""));
    using graph::Modality;
    // Added object-first: a symmetric relation must still come out with the smaller id as subject.
    g.add_mention(w, meets(), b,
                  mention("blinken-china-visit", 1,
                          "Blinken plans to visit Shanghai and Beijing from Wednesday to Friday for talks with Chinese "
                          "Foreign Minister Wang Yi.",
                          220, 380, Modality::planned, {"from Wednesday to Friday", "2024-04-24", "2024-04-26"}, 0.8));
    g.add_mention(b, meets(), w,
                  mention("other-article", 3, "Blinken met Wang Yi in Beijing.", 10, 41, Modality::asserted,
                          {"Friday", "2024-04-26", ""}, 0.9));
    g.add_mention(
        b, visits(), c,
        mention("blinken-china-visit", 0, "US Secretary of State Antony Blinken will travel to China next week.", 0, 70,
                Modality::planned, {"next week", "2024-04-22", "2024-04-28"}, 0.75));
    g.add_mention(c, accuses(), u,
                  mention("blinken-china-visit", 9, "China accused the US of \"reckless\" <acts> & 'threats'.", 900,
                          960, Modality::asserted, {"", "", ""}, 0.5));
    g.add_mention(
        b, member_of(), u,
        mention("blinken-china-visit", 0, "US Secretary of State Antony Blinken", 0, 36, Modality::asserted, {}, 1.0));
    return g;
}

/// Text a writer must escape or clean: markup, quotes, control characters, emoji, Arabic and Hebrew
/// (right to left), and an ill-formed UTF-8 byte.
inline std::string hostile_text() {
    return "A & B <b>\"quoted\"</b> 'single' tab\there\nnew\rline \x01\x1f bell\x07 "
           "emoji \xF0\x9F\x98\x80 arabic \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 hebrew "
           "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D "
           "bad \xC3\x28 end";
}

}  // namespace irkg::test
