// Property test of KnowledgeGraph::merge, the reduce step of `irkg merge` and `irkg build --into`: on random
// graphs drawn from a small pool of entities (so they overlap) with mentions whose keys collide, merging in
// every order and grouping gives the same JSON-LD bytes, merging is idempotent, and a graph written and read
// back (what `irkg merge` does with partial graphs) merges to the same bytes as the graph itself.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "export/jsonld_reader.hpp"
#include "export/jsonld_writer.hpp"
#include "graph/knowledge_graph.hpp"

using irkg::graph::Entity;
using irkg::graph::EntityType;
using irkg::graph::KnowledgeGraph;
using irkg::graph::Mention;
using irkg::graph::Modality;
using irkg::graph::RelationType;

namespace {

const std::vector<RelationType>& relation_types() {
    static const std::vector<RelationType> types{
        {"meets", "CONSULT", "visit", "040", 1.0, true, "meets", "Meets in person."},
        {"visits", "CONSULT", "visit", "042", 1.9, false, "visits", ""},
        {"accuses", "ACCUSE", "", "112", -2.0, false, "accuses", ""},
        {"fights", "ASSAULT", "", "190", -10.0, true, "fights", ""},
        {"member-of", "AFFILIATION", "", "---", 0.0, false, "member of", ""},
    };
    return types;
}

std::string write(const KnowledgeGraph& graph) {
    irkg::exporter::WriterOptions options;
    options.schema_dir = IRKG_SCHEMA_DIR;
    static const irkg::exporter::JsonldWriter writer(options);
    std::ostringstream out;
    writer.write(graph, out);
    return out.str();
}

/// Draws graphs whose entities and mentions overlap: ids from a pool of 9, labels, countries, types and
/// aliases varying between graphs (Entity::absorb must settle them the same way in any order), mention
/// keys (date, document, sentence, span) from a small pool with payloads (confidence, modality, end date,
/// time text, sentence text) that differ, so the same mention arrives with different payloads.
class RandomGraphs {
public:
    explicit RandomGraphs(std::uint64_t seed) : rng_(seed) {}

    KnowledgeGraph next() {
        KnowledgeGraph g;
        const int entities = pick(1, 9);
        std::vector<irkg::graph::Vertex> vertices;
        for (int i = 0; i < entities; ++i) vertices.push_back(g.add_entity(entity()));
        const int mentions = pick(0, 14);
        for (int i = 0; i < mentions; ++i) {
            const auto s = vertices[static_cast<std::size_t>(pick(0, entities - 1))];
            const auto o = vertices[static_cast<std::size_t>(pick(0, entities - 1))];
            const auto& type = relation_types()[static_cast<std::size_t>(pick(0, 4))];
            g.add_mention(s, type, o, mention());
        }
        return g;
    }

private:
    int pick(int low, int high) { return low + static_cast<int>(rng_() % static_cast<std::uint64_t>(high - low + 1)); }
    template <class T>
    const T& one_of(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(pick(0, static_cast<int>(items.size()) - 1))];
    }

    Entity entity() {
        static const std::vector<std::string> ids{"country:CHN", "country:USA",      "country:PRK",
                                                  "country:RUS", "person:wang-yi",   "person:antony-blinken",
                                                  "org:nato",    "location:beijing", "other:x"};
        static const std::vector<std::string> labels{"China", "PRC", "United States", "Wang", "Wang Yi", "NATO", "Xx"};
        static const std::vector<std::string> countries{"", "", "CHN", "USA"};
        static const std::vector<std::string> aliases{"Beijing", "PRC", "the US", "Washington", "Wang", "Pyongyang"};
        Entity e;
        e.id = one_of(ids);
        e.label = one_of(labels);
        e.type = static_cast<EntityType>(pick(0, 4));
        e.country = one_of(countries);
        for (int i = pick(0, 3); i > 0; --i) e.aliases.push_back(one_of(aliases));
        return e;
    }

    Mention mention() {
        static const std::vector<std::string> dates{"", "2024-04-20", "2024-04-22"};
        static const std::vector<std::string> ends{"", "2024-04-28"};
        static const std::vector<std::string> docs{"a", "b"};
        static const std::vector<std::string> texts{"Blinken met Wang.", "They met again."};
        static const std::vector<std::string> times{"", "next week"};
        Mention m;
        m.modality = static_cast<Modality>(pick(0, 3));
        m.time = {one_of(times), one_of(dates), one_of(ends)};
        const auto sentence = static_cast<std::uint32_t>(pick(0, 2));
        m.evidence = {one_of(docs), sentence, one_of(texts), sentence * 10u, sentence * 10u + 9u};
        m.confidence = pick(1, 4) / 4.0;
        return m;
    }

    std::mt19937_64 rng_;
};

KnowledgeGraph merged(const std::vector<const KnowledgeGraph*>& parts) {
    KnowledgeGraph out;
    for (const auto* part : parts) out.merge(*part);
    return out;
}

KnowledgeGraph merged(const KnowledgeGraph& a, const KnowledgeGraph& b) { return merged({&a, &b}); }

}  // namespace

TEST_CASE("merging three random graphs gives the same bytes in every order and grouping") {
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        CAPTURE(seed);
        RandomGraphs draw(seed);
        const std::array<KnowledgeGraph, 3> g{draw.next(), draw.next(), draw.next()};
        const std::string reference = write(merged({&g[0], &g[1], &g[2]}));
        std::array<int, 3> order{0, 1, 2};
        do {
            const auto& a = g[order[0]];
            const auto& b = g[order[1]];
            const auto& c = g[order[2]];
            CHECK(write(merged({&a, &b, &c})) == reference);
            CHECK(write(merged(merged(a, b), c)) == reference);  // (a b) c
            CHECK(write(merged(a, merged(b, c))) == reference);  // a (b c)
            // Merging into a copy of a graph, not an empty one, as `build --into` does.
            KnowledgeGraph into = a;
            into.merge(b);
            into.merge(c);
            CHECK(write(into) == reference);
        } while (std::next_permutation(order.begin(), order.end()));
    }
}

TEST_CASE("merging four random graphs gives the same bytes in every order and in any tree") {
    for (std::uint64_t seed = 1000; seed < 1040; ++seed) {  // 24 orders x 4 shapes each
        CAPTURE(seed);
        RandomGraphs draw(seed);
        const std::array<KnowledgeGraph, 4> g{draw.next(), draw.next(), draw.next(), draw.next()};
        const std::string reference = write(merged({&g[0], &g[1], &g[2], &g[3]}));
        std::array<int, 4> order{0, 1, 2, 3};
        do {
            const auto& a = g[order[0]];
            const auto& b = g[order[1]];
            const auto& c = g[order[2]];
            const auto& d = g[order[3]];
            CHECK(write(merged({&a, &b, &c, &d})) == reference);
            CHECK(write(merged(merged(a, b), merged(c, d))) == reference);  // (a b) (c d)
            CHECK(write(merged(a, merged(b, merged(c, d)))) == reference);  // a (b (c d))
            CHECK(write(merged(merged(a, merged(b, c)), d)) == reference);  // (a (b c)) d
        } while (std::next_permutation(order.begin(), order.end()));
    }
}

TEST_CASE("merging is idempotent: a graph merged with itself or with a part of it is unchanged") {
    for (std::uint64_t seed = 5000; seed < 5300; ++seed) {
        CAPTURE(seed);
        RandomGraphs draw(seed);
        const KnowledgeGraph a = draw.next(), b = draw.next();
        CHECK(write(merged(a, a)) == write(merged({&a})));
        const KnowledgeGraph ab = merged(a, b);
        CHECK(write(merged(ab, a)) == write(ab));
        CHECK(write(merged(b, ab)) == write(ab));
        CHECK(write(merged(ab, ab)) == write(ab));
    }
}

TEST_CASE("graphs written as JSON-LD and read back merge to the same bytes as the graphs themselves") {
    for (std::uint64_t seed = 9000; seed < 9300; ++seed) {
        CAPTURE(seed);
        RandomGraphs draw(seed);
        const KnowledgeGraph a = draw.next(), b = draw.next(), c = draw.next();
        const std::string reference = write(merged({&a, &b, &c}));
        const KnowledgeGraph ra = irkg::exporter::read_jsonld_text(write(a), "a.jsonld");
        const KnowledgeGraph rb = irkg::exporter::read_jsonld_text(write(b), "b.jsonld");
        const KnowledgeGraph rc = irkg::exporter::read_jsonld_text(write(c), "c.jsonld");
        CHECK(write(merged({&rc, &ra, &rb})) == reference);
        // A partial result stored and merged again, as a reduce tree does.
        const KnowledgeGraph rab = irkg::exporter::read_jsonld_text(write(merged(ra, rb)), "ab.jsonld");
        CHECK(write(merged(rc, rab)) == reference);
    }
}

namespace {

/// `parts` merged into a graph that keeps at most `cap` mentions per relation (--max-evidence).
KnowledgeGraph capped(std::size_t cap, const std::vector<const KnowledgeGraph*>& parts) {
    KnowledgeGraph out;
    out.set_max_mentions(cap);
    for (const auto* part : parts) out.merge(*part);
    return out;
}

}  // namespace

TEST_CASE("with --max-evidence, merging is still associative and commutative: cap(union) in any order") {
    // Caps of 1 to 3 on graphs of up to 14 mentions over a few relations: most relations hit the cap.
    std::size_t hits = 0;
    for (std::uint64_t seed = 20000; seed < 20060; ++seed) {
        CAPTURE(seed);
        RandomGraphs draw(seed);
        const std::size_t cap = 1 + seed % 3;
        // The parts are capped themselves, as partial graphs built with the same --max-evidence are.
        const KnowledgeGraph r0 = draw.next(), r1 = draw.next(), r2 = draw.next(), r3 = draw.next();
        const std::array<KnowledgeGraph, 4> g{capped(cap, {&r0}), capped(cap, {&r1}), capped(cap, {&r2}),
                                              capped(cap, {&r3})};
        // The reference: the whole union without a cap, cut afterwards.
        KnowledgeGraph whole = merged({&r0, &r1, &r2, &r3});
        whole.set_max_mentions(cap);
        const std::string reference = write(whole);
        hits += whole.num_capped_relations();
        std::array<int, 4> order{0, 1, 2, 3};
        do {
            const auto& a = g[order[0]];
            const auto& b = g[order[1]];
            const auto& c = g[order[2]];
            const auto& d = g[order[3]];
            CHECK(write(capped(cap, {&a, &b, &c, &d})) == reference);
            const KnowledgeGraph ab = capped(cap, {&a, &b}), cd = capped(cap, {&c, &d});
            CHECK(write(capped(cap, {&ab, &cd})) == reference);  // (a b) (c d)
            const KnowledgeGraph bc = capped(cap, {&b, &c});
            const KnowledgeGraph a_bc = capped(cap, {&a, &bc});
            CHECK(write(capped(cap, {&a_bc, &d})) == reference);  // (a (b c)) d
            // Idempotent too: a part merged again changes nothing.
            const KnowledgeGraph all = capped(cap, {&a, &b, &c, &d});
            CHECK(write(capped(cap, {&all, &b})) == reference);
        } while (std::next_permutation(order.begin(), order.end()));
        // Stored as JSON-LD and read back (irkg merge of partial graphs), then capped while merging.
        const KnowledgeGraph back0 = irkg::exporter::read_jsonld_text(write(g[0]), "0.jsonld");
        const KnowledgeGraph back1 = irkg::exporter::read_jsonld_text(write(g[1]), "1.jsonld");
        CHECK(write(capped(cap, {&g[3], &back1, &g[2], &back0})) == reference);
    }
    CHECK(hits > 60);  // the cap was really exercised
}
