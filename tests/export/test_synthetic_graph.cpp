// The synthetic graph of the scale benchmarks (bench/synthetic_generator.hpp), and the streaming
// JSON-LD reader on graphs of its size: many 64 KiB blocks, thousands of statements.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "export/jsonld_reader.hpp"
#include "export/jsonld_writer.hpp"
#include "export/registry.hpp"
#include "graph/errors.hpp"
#include "synthetic_generator.hpp"
#include "temp_dir.hpp"

namespace {

using irkg::bench::SyntheticOptions;
using irkg::graph::KnowledgeGraph;

const irkg::graph::Ontology& ontology() {
    static const auto loaded = irkg::bench::load_ontology(IRKG_SCHEMA_DIR);
    return loaded;
}

const std::vector<irkg::graph::Entity>& states() {
    static const auto loaded = irkg::bench::load_states(IRKG_SCHEMA_DIR);
    return loaded;
}

KnowledgeGraph generate(std::size_t entities, std::size_t edges, std::uint64_t seed) {
    return irkg::bench::generate_synthetic_graph(ontology(), states(), SyntheticOptions{entities, edges, seed});
}

std::string jsonld(const KnowledgeGraph& g) {
    std::ostringstream out;
    irkg::exporter::JsonldWriter(irkg::exporter::WriterOptions{IRKG_SCHEMA_DIR}).write(g, out);
    return out.str();
}

std::size_t degree(const KnowledgeGraph& g, irkg::graph::Vertex v) {
    return boost::out_degree(v, g.store()) + boost::in_degree(v, g.store());
}

}  // namespace

TEST_CASE("the synthetic graph is reproducible from its seed") {
    const std::string a = jsonld(generate(300, 1500, 42));
    const std::string b = jsonld(generate(300, 1500, 42));
    CHECK(a.size() > 100000);
    CHECK(a == b);
    CHECK(jsonld(generate(300, 1500, 43)) != a);
}

TEST_CASE("the synthetic graph has N entities, M relations and a skewed degree distribution") {
    const std::size_t n = 10000, m = 50000;
    const KnowledgeGraph g = generate(n, m, 1);
    CHECK(g.num_entities() == n);
    CHECK(g.num_relations() == m);

    std::size_t isolated = 0, max_degree = 0;
    irkg::graph::Vertex hub = 0;
    std::set<irkg::graph::EntityType> types;
    for (irkg::graph::Vertex v = 0; v < g.num_entities(); ++v) {
        const auto d = degree(g, v);
        if (d == 0) ++isolated;
        if (d > max_degree) {
            max_degree = d;
            hub = v;
        }
        types.insert(g.entity(v).type);
    }
    CHECK(isolated == 0);  // every entity gets a relation when there are more relations than entities
    const double mean = 2.0 * static_cast<double>(m) / static_cast<double>(n);
    CHECK(static_cast<double>(max_degree) > 50 * mean);  // hubs: about 700 times the mean at this size
    CHECK(g.entity(hub).id == "country:USA");
    CHECK(types.size() == 4);  // countries, persons, organisations, locations

    std::size_t mentions = 0, bad_counts = 0, bad_mentions = 0;
    for (auto e : boost::make_iterator_range(boost::edges(g.store()))) {
        const auto& data = g.edge(e);
        if (data.weight() < 1 || data.weight() > 3) ++bad_counts;
        mentions += data.weight();
        for (const auto& mention : data.mentions) {
            const auto& text = mention.evidence.text;
            if (text.size() < 80 || text.size() > 200 || mention.time.start < "2004-12-01" ||
                mention.time.start > "2025-01-31" || !mention.evidence.doc.starts_with("synthnews-") ||
                mention.evidence.end - mention.evidence.begin != text.size())
                ++bad_mentions;
        }
    }
    CHECK(bad_counts == 0);    // 1 to 3 mentions per relation
    CHECK(bad_mentions == 0);  // 80-200 byte sentences, dated 2005-2024 (give or take a week), article ids
    CHECK(mentions == g.num_mentions());
    CHECK(mentions > m * 14 / 10);  // 1.5 on average
    CHECK(mentions < m * 16 / 10);
}

TEST_CASE("the synthetic graph only uses predicates of the ontology, with their definitions") {
    const KnowledgeGraph g = generate(2000, 8000, 5);
    std::set<std::string> used;
    std::size_t undefined = 0, redefined = 0, country_affiliations = 0;
    for (auto e : boost::make_iterator_range(boost::edges(g.store()))) {
        const auto& relation = *g.edge(e).relation;
        const auto* defined = ontology().find(relation.predicate);
        if (!defined) {
            ++undefined;
            continue;
        }
        if (relation.category != defined->category || relation.symmetric != defined->symmetric ||
            relation.cameo != defined->cameo)
            ++redefined;
        if (relation.category == "AFFILIATION" &&
            g.entity(boost::source(e, g.store())).type == irkg::graph::EntityType::country)
            ++country_affiliations;
        used.insert(relation.predicate);
    }
    CHECK(undefined == 0);
    CHECK(redefined == 0);
    CHECK(country_affiliations == 0);
    CHECK(used.size() > 40);   // the long tail of predicates appears
    CHECK(used.count("meets"));  // and the popular ones
}

TEST_CASE("the synthetic graph refuses a relation count it cannot place") {
    CHECK_THROWS_AS(generate(1, 1, 1), std::invalid_argument);
    CHECK_THROWS_AS(generate(10, 1000, 1), std::invalid_argument);
    CHECK(generate(1, 0, 1).num_entities() == 1);
}

TEST_CASE("the streaming reader reads back what the writer writes, over many blocks") {
    const irkg::test::TempDir dir("synthetic-round-trip");
    const std::string first = jsonld(generate(1000, 4000, 9));
    REQUIRE(first.size() > 40 * 65536);  // many of the reader's blocks
    irkg::test::write_file(dir / "g.jsonld", first);

    const KnowledgeGraph from_file = irkg::exporter::read_jsonld(dir / "g.jsonld");
    CHECK(from_file.num_entities() == 1000);
    CHECK(from_file.num_relations() == 4000);
    CHECK(jsonld(from_file) == first);
    CHECK(jsonld(irkg::exporter::read_jsonld_text(first)) == first);

    // Written again through the registry, as the CLI writes it.
    irkg::exporter::write_graph(from_file, dir / "again.jsonld", "", irkg::exporter::WriterOptions{IRKG_SCHEMA_DIR});
    CHECK(irkg::test::read_file(dir / "again.jsonld") == first);
}

TEST_CASE("the streaming reader reports a truncated synthetic graph with its position and path") {
    const irkg::test::TempDir dir("synthetic-truncated");
    const std::string text = jsonld(generate(200, 600, 3));
    // Cut inside the evidence sentence of some statement far into the file.
    const auto statement = text.find("\"type\": \"Statement\"", text.size() / 2);
    REQUIRE(statement != std::string::npos);
    const auto sentence = text.find("\"text\": \"", statement) + 20;
    irkg::test::write_file(dir / "cut.jsonld", text.substr(0, sentence));
    try {
        irkg::exporter::read_jsonld(dir / "cut.jsonld");
        FAIL("no error");
    } catch (const irkg::input_error& e) {
        const std::string message = e.what();
        const std::string lines = std::to_string(std::count(text.begin(), text.begin() + sentence, '\n') + 1);
        CHECK_MESSAGE(message.find("cut.jsonld: line " + lines + ", column ") != std::string::npos, message);
        CHECK_MESSAGE(message.find("not JSON") != std::string::npos, message);
        CHECK_MESSAGE(message.find("byte offset " + std::to_string(sentence)) != std::string::npos, message);
        CHECK_MESSAGE(message.find("/evidence/0/text)") != std::string::npos, message);
        CHECK_MESSAGE(message.find("in /@graph/") != std::string::npos, message);
    }
}
