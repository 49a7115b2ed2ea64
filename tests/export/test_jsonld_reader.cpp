#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "export/jsonld_reader.hpp"
#include "export/jsonld_writer.hpp"
#include "graph/errors.hpp"
#include "graph/json_file.hpp"
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
    // The reader streams, so what comes before the broken text is checked first: the context must be irkg's.
    const std::string text = "{\n  \"@context\": {\"irkg\": \"https://w3id.org/irkg/vocab#\"},\n  \"@graph\": [,]\n}\n";
    const std::string message = error_of(text);
    CHECK(contains(message, "graph.jsonld: line 3, column 14: not JSON"));
    CHECK(contains(message, "(byte offset 71, in /@graph/0)"));

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

TEST_CASE("the reader rejects nesting deeper than irkg writes, as soon as it meets it") {
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

namespace {

/// `text` (an irkg JSON-LD graph) written again with its @graph nodes reordered by `order` (which
/// returns the new node list) and, when `graph_first`, "@graph" before "@context".
template <class Reorder>
std::string rearranged(const std::string& text, Reorder order, bool graph_first) {
    rapidjson::Document doc;
    doc.Parse(text.data(), text.size());
    REQUIRE(!doc.HasParseError());
    auto& allocator = doc.GetAllocator();
    std::vector<rapidjson::Value> nodes;
    for (auto& node : doc["@graph"].GetArray()) nodes.emplace_back(std::move(node));
    nodes = order(std::move(nodes));
    rapidjson::Value graph(rapidjson::kArrayType);
    for (auto& node : nodes) graph.PushBack(node, allocator);
    rapidjson::Value context(doc["@context"], allocator);
    rapidjson::Document out(rapidjson::kObjectType);
    if (graph_first) out.AddMember("@graph", graph, out.GetAllocator());
    out.AddMember("@context", rapidjson::Value(context, out.GetAllocator()), out.GetAllocator());
    if (!graph_first) out.AddMember("@graph", rapidjson::Value(graph, out.GetAllocator()), out.GetAllocator());
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
    writer.SetIndent(' ', 1);
    out.Accept(writer);
    return buffer.GetString();
}

bool is_statement(const rapidjson::Value& node) { return node["type"] == "Statement"; }

std::vector<rapidjson::Value> statements_first(std::vector<rapidjson::Value> nodes) {
    std::stable_partition(nodes.begin(), nodes.end(), is_statement);
    return nodes;
}

std::vector<rapidjson::Value> reversed(std::vector<rapidjson::Value> nodes) {
    std::reverse(nodes.begin(), nodes.end());
    return nodes;
}

std::vector<rapidjson::Value> unchanged(std::vector<rapidjson::Value> nodes) { return nodes; }

std::string written(const irkg::graph::KnowledgeGraph& g) {
    std::ostringstream out;
    irkg::exporter::JsonldWriter(irkg::exporter::WriterOptions{IRKG_SCHEMA_DIR}).write(g, out);
    return out.str();
}

}  // namespace

TEST_CASE("the reader accepts statements before the entities they name, and @graph before @context") {
    const std::string good = sample_jsonld();
    const irkg::test::TempDir dir("jsonld-reader-order");
    for (const bool graph_first : {false, true}) {
        for (auto order : {unchanged, statements_first, reversed}) {
            const std::string text = rearranged(good, order, graph_first);
            CAPTURE(text);
            CHECK(written(read_jsonld_text(text)) == good);
            // From a file too: the extra passes read the file again.
            irkg::test::write_file(dir / "g.jsonld", text);
            CHECK(written(read_jsonld(dir / "g.jsonld")) == good);
        }
    }
    // The rearranged sample really has a statement first.
    CHECK(rearranged(good, statements_first, false).find("\"Statement\"") <
          rearranged(good, statements_first, false).find("\"Country\""));
}

TEST_CASE("statements before their entities are still checked") {
    const std::string good = rearranged(sample_jsonld(), statements_first, false);
    // The statements are nodes 0 to 3 now; CHN accuses USA is the first.
    CHECK(contains(error_of(replaced(good, "\"object\": \"ent:country/USA\"", "\"object\": \"ent:country/XXX\"")),
                   "at /@graph/0/object: \"ent:country/XXX\" is not an entity declared in @graph"));
    CHECK(contains(error_of(replaced(good, "\"subject\": \"ent:country/CHN\"", "\"subject\": \"not an IRI\"")),
                   "at /@graph/0/subject: \"not an IRI\" is not an entity declared in @graph"));
    // A second statement for the same relation, whichever comes first.
    const std::string sample = sample_jsonld();
    const auto begin = sample.find("  {\n   \"id\": \"stmt:");
    const auto end = sample.find("\n  }", begin) + 4;
    const std::string statement = sample.substr(begin, end - begin);
    const std::string twice = sample.substr(0, end) + ",\n" + statement + sample.substr(end);
    CHECK(contains(error_of(twice), "at /@graph/6: a second statement for the same subject, predicate and object"));
    CHECK(contains(error_of(rearranged(twice, statements_first, true)), "a second statement for the same subject"));
    // A direct triple naming no entity is found wherever the entities are.
    CHECK(contains(error_of(rearranged(replaced(sample, "\"accuses\": [\n    \"ent:country/USA\"",
                                                "\"accuses\": [\n    \"ent:country/NOPE\""),
                                       reversed, true)),
                   "/accuses/0: \"ent:country/NOPE\" is not an entity declared in @graph"));
}

TEST_CASE("the reader names the byte offset and JSON path of a truncated file") {
    const std::string good = sample_jsonld();
    const irkg::test::TempDir dir("jsonld-reader-truncated");
    // Inside the second evidence entry of Blinken meets Wang Yi (node 6), in its sentence.
    const auto cut = good.find("Blinken met Wang Yi") + 7;
    irkg::test::write_file(dir / "cut.jsonld", good.substr(0, cut));
    try {
        read_jsonld(dir / "cut.jsonld");
        FAIL("no error");
    } catch (const irkg::input_error& e) {
        const std::string expected = (dir / "cut.jsonld").string() + ": " +
                                     irkg::graph::line_column(good, cut) + ": not JSON: Missing a closing quotation mark in string. (byte offset " +
                                     std::to_string(cut) + ", in /@graph/6/evidence/1/text)";
        CHECK(std::string(e.what()) == expected);
    }
    // Cut between two nodes.
    const auto between = good.find("\n  {\n   \"id\": \"stmt:") + 1;
    CHECK(contains(error_of(good.substr(0, between)), "not JSON: Invalid value."));
    CHECK(contains(error_of(good.substr(0, between)), "in /@graph/5)"));
    CHECK(contains(error_of(good.substr(0, good.size() - 3)),
                   "not JSON: Missing a comma or '}' after an object member."));
}

TEST_CASE("the reader bounds what one string, one node and nesting may cost") {
    const std::string good = sample_jsonld();
    // A label of 17 MiB: rejected as it is read, with where it starts.
    const std::string huge = replaced(good, "\"label\": \"NATO\"", "\"label\": \"" + std::string(17 << 20, 'x') + "\"");
    const std::string message = error_of(huge);
    CHECK(contains(message, "a string, number or gap longer than 16 MiB starts here"));
    CHECK(contains(message, "/label)"));
    // Deep nesting from a file, where the reader cannot look ahead.
    const irkg::test::TempDir dir("jsonld-reader-limits");
    irkg::test::write_file(dir / "deep.jsonld", std::string(10000, '[') + std::string(10000, ']'));
    CHECK_THROWS_WITH_AS(read_jsonld(dir / "deep.jsonld"), doctest::Contains("line 1, column 33: nested deeper than 32 levels"),
                         irkg::input_error);
    // Text that is not UTF-8 is not JSON.
    CHECK(contains(error_of(replaced(good, "\"label\": \"NATO\"", "\"label\": \"NA\xC3\x28TO\"")),
                   "not JSON: Invalid encoding in string."));
}

TEST_CASE("errors come in file order across the loader's parsing, checking and building threads") {
    // Enough nodes for several batches between the threads (512 nodes each), so that each error is
    // found by a different thread, at a different time, while the others are still busy.
    irkg::graph::KnowledgeGraph g;
    for (int i = 0; i < 3000; ++i) {
        irkg::graph::Entity e;
        e.id = fmt::format("person:p{:04}", i);
        e.label = fmt::format("P {:04}", i);
        e.type = irkg::graph::EntityType::person;
        g.add_entity(e);
    }
    std::ostringstream out;
    irkg::exporter::JsonldWriter(irkg::exporter::WriterOptions{IRKG_SCHEMA_DIR}).write(g, out);
    const std::string good = out.str();
    REQUIRE(read_jsonld_text(good, "graph.jsonld").num_entities() == 3000);
    // Found when the graph is built: p1200 declared as p1100 again.
    const std::string twice = replaced(replaced(good, "\"id\": \"ent:person/p1200\"", "\"id\": \"ent:person/p1100\""),
                                       "\"irkgId\": \"person:p1200\"", "\"irkgId\": \"person:p1100\"");
    // Found when a node is checked.
    const auto planet = [](std::string text) {
        return replaced(std::move(text), "\"label\": \"P 2400\",\n   \"entityType\": \"person\"",
                        "\"label\": \"P 2400\",\n   \"entityType\": \"planet\"");
    };
    // Found when the text is parsed: the file is cut short.
    const auto cut = [](std::string text) { return text.substr(0, text.size() - 40); };

    CHECK(contains(error_of(twice), "entity \"person:p1100\" is declared twice"));
    CHECK(contains(error_of(planet(good)), "\"planet\" is not an entity type"));
    CHECK(contains(error_of(cut(good)), "not JSON"));
    // Whichever thread finds its error first, the one reported is the first in the file.
    CHECK(contains(error_of(cut(planet(twice))), "entity \"person:p1100\" is declared twice"));
    CHECK(contains(error_of(cut(planet(good))), "\"planet\" is not an entity type"));
    CHECK(contains(error_of(planet(twice)), "is declared twice"));
}
