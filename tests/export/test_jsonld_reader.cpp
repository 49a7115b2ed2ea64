#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "export/jsonld_reader.hpp"
#include "export/jsonld_writer.hpp"
#include "graph/errors.hpp"
#include "sample_graph.hpp"
#include "temp_dir.hpp"

using irkg::exporter::read_jsonld;
using irkg::exporter::read_jsonld_text;

namespace {

std::string sample_jsonld() {
    std::ostringstream out;
    irkg::exporter::JsonldWriter(irkg::exporter::WriterOptions{IRKG_SCHEMA_DIR})
        .write(irkg::test::blinken_graph(), out);
    return out.str();
}

/// `text` with the first occurrence of `from` replaced by `to`; fails the test when `from` is absent.
std::string replaced(std::string text, std::string_view from, std::string_view to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
    return text;
}

/// The message of the input_error reading `text` throws; fails the test when none is thrown.
std::string error_of(const std::string& text) {
    try {
        read_jsonld_text(text, "graph.jsonld");
    } catch (const irkg::input_error& e) {
        return e.what();
    }
    FAIL("no input_error");
    return {};
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the reader accepts what the writer writes") {
    const auto g = read_jsonld_text(sample_jsonld());
    CHECK(g.num_entities() == 5);
    CHECK(g.num_relations() == 4);
    CHECK(g.num_mentions() == 5);
    const auto blinken = g.find("person:antony-blinken");
    REQUIRE(blinken);
    CHECK(g.entity(*blinken).label == "Antony Blinken");
    CHECK(g.entity(*blinken).type == irkg::graph::EntityType::person);
    bool found = false;
    for (auto e : g.sorted_edges()) {
        if (g.edge_id(e) != "person:antony-blinken--meets--person:wang-yi") continue;
        found = true;
        const auto& data = g.edge(e);
        CHECK(data.relation->symmetric);
        CHECK(data.relation->goldstein == 1.0);
        CHECK(data.relation->description == "Meets in person.");
        REQUIRE(data.mentions.size() == 2);
        CHECK(data.mentions[0].modality == irkg::graph::Modality::planned);
        CHECK(data.mentions[0].time == irkg::graph::TimeSpan{"from Wednesday to Friday", "2024-04-24", "2024-04-26"});
        CHECK(data.mentions[1].evidence ==
              irkg::graph::Evidence{"other-article", 3, "Blinken met Wang Yi in Beijing.", 10, 41});
        CHECK(data.mentions[1].confidence == 0.9);
    }
    CHECK(found);
}

TEST_CASE("the reader names the file and the line and column of text that is not JSON") {
    const std::string text = "{\n  \"@context\": {},\n  \"@graph\": [,]\n}\n";
    const std::string message = error_of(text);
    CHECK(contains(message, "graph.jsonld: line 3, column 14: not JSON"));

    CHECK(contains(error_of(""), "graph.jsonld: line 1, column 1: not JSON"));
    CHECK(contains(error_of(sample_jsonld() + "garbage"), "not JSON"));

    const irkg::test::TempDir dir("jsonld-reader");
    irkg::test::write_file(dir / "bad.jsonld", "[1, 2\n");
    try {
        read_jsonld(dir / "bad.jsonld");
        FAIL("no error");
    } catch (const irkg::input_error& e) {
        CHECK(contains(e.what(), (dir / "bad.jsonld").string() + ": line 2, column 1: not JSON"));
    }
    try {
        read_jsonld(dir / "missing.jsonld");
        FAIL("no error");
    } catch (const irkg::input_error& e) {
        CHECK(contains(e.what(), (dir / "missing.jsonld").string()));
        CHECK(contains(e.what(), "cannot open"));
    }
}

TEST_CASE("the reader rejects a context that is not irkg's") {
    const std::string good = sample_jsonld();
    CHECK(contains(error_of(replaced(good, "\"irkg\": \"https://w3id.org/irkg/vocab#\"",
                                     "\"irkg\": \"https://example.org/other#\"")),
                   "graph.jsonld: at /@context/irkg: must be \"https://w3id.org/irkg/vocab#\""));
    CHECK(contains(error_of(replaced(good, "\"irkg\": \"https://w3id.org/irkg/vocab#\",", "")),
                   "at /@context/irkg: must be"));
    // A remote context: irkg never writes one, and reading it would need the network.
    const auto context_begin = good.find("\"@context\": {");
    const auto graph_begin = good.find(",\n \"@graph\"");
    std::string remote = good;
    remote.replace(context_begin, graph_begin - context_begin,
                   "\"@context\": \"https://w3id.org/irkg/context.jsonld\"");
    CHECK(contains(error_of(remote), "at /@context: expected the inline context object irkg writes, found a string"));
    CHECK(contains(error_of(R"({"@graph": []})"), "at /@context: missing"));
    CHECK(contains(error_of("[]"), "at /: expected an object"));
    CHECK(contains(error_of(replaced(good, "\"@graph\"", "\"@nodes\"")), "at /@nodes: unknown top-level key"));
}

TEST_CASE("the reader rejects statements and direct triples that point at unknown entities") {
    const std::string good = sample_jsonld();
    // The first statement is CHN accuses USA, the 6th node of @graph.
    std::string bad = replaced(good, "\"object\": \"ent:country/USA\"", "\"object\": \"ent:country/XXX\"");
    CHECK(contains(error_of(bad),
                   "graph.jsonld: at /@graph/5/object: \"ent:country/XXX\" is not an entity declared in @graph"));
    bad = replaced(good, "\"subject\": \"ent:country/CHN\"", "\"subject\": \"ent:country/ZZZ\"");
    CHECK(contains(error_of(bad), "at /@graph/5/subject: \"ent:country/ZZZ\" is not an entity declared"));
    // The direct triple on China's node (the first node).
    bad = replaced(good, "\"accuses\": [\n    \"ent:country/USA\"", "\"accuses\": [\n    \"ent:country/NOPE\"");
    CHECK(contains(error_of(bad), "at /@graph/0/accuses/0: \"ent:country/NOPE\" is not an entity declared"));
}

TEST_CASE("the reader names the JSON pointer of a wrong value") {
    const std::string good = sample_jsonld();
    CHECK(contains(error_of(replaced(good, "\"goldstein\": -2.0", "\"goldstein\": \"-2\"")),
                   "at /@graph/5/goldstein: expected a number, found a string"));
    CHECK(contains(error_of(replaced(good, "\"goldstein\": -2.0", "\"goldstein\": -20")),
                   "at /@graph/5/goldstein: -20 is out of range [-10, 10]"));
    CHECK(contains(error_of(replaced(good, "\"modality\": \"asserted\"", "\"modality\": \"rumoured\"")),
                   "at /@graph/5/evidence/0/modality: \"rumoured\" is not a modality"));
    CHECK(contains(error_of(replaced(good, "\"startDate\": \"2024-04-24\"", "\"startDate\": \"24/04/2024\"")),
                   "/evidence/0/startDate: \"24/04/2024\" is not an ISO date"));
    CHECK(contains(error_of(replaced(good, "\"entityType\": \"country\"", "\"entityType\": \"planet\"")),
                   "at /@graph/0/entityType: \"planet\" is not an entity type"));
    CHECK(contains(error_of(replaced(good, "\"irkgId\": \"country:CHN\",", "")), "at /@graph/0/irkgId: missing"));
    CHECK(contains(error_of(replaced(good, "\"irkgId\": \"country:CHN\",", "\"irkgId\": \"country:CHN\", \"x~/\": 1,")),
                   "at /@graph/0/x~0~1: unknown property"));
    CHECK(contains(error_of(replaced(good, "\"weight\": 1,", "\"weight\": 3,")),
                   "at /@graph/5/weight: disagrees with the 1 evidence entries"));
    CHECK(contains(error_of(replaced(good, "\"evidence\": [", "\"evidence\": {\"x\": [")), "not JSON"));
}

TEST_CASE("the reader rejects nesting deeper than irkg writes, before parsing") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const std::string message = error_of(deep);
    CHECK(contains(message, "graph.jsonld: line 1, column 33: nested deeper than 32 levels"));

    // Inside a string, brackets do not count.
    const std::string good = sample_jsonld();
    const std::string quoted =
        replaced(good, "\"label\": \"NATO\"", "\"label\": \"" + std::string(100, '[') + "\\\"{\"");
    const auto g = read_jsonld_text(quoted);
    CHECK(g.entity(*g.find("org:nato")).label == std::string(100, '[') + "\"{");

    std::string nested = "{\"@context\": {\"irkg\": \"https://w3id.org/irkg/vocab#\"}, \"@graph\": [";
    for (int i = 0; i < 40; ++i) nested += "{\"a\": ";
    nested += "1";
    for (int i = 0; i < 40; ++i) nested += "}";
    nested += "]}";
    CHECK(contains(error_of(nested), "nested deeper than 32 levels"));
}
