#include <doctest/doctest.h>

#include <cmath>
#include <sstream>
#include <string>

#include <rapidjson/document.h>

#include "export/jsonld_reader.hpp"
#include "export/jsonld_vocabulary.hpp"
#include "export/jsonld_writer.hpp"
#include "graph/errors.hpp"
#include "sample_graph.hpp"
#include "temp_dir.hpp"

using irkg::exporter::JsonldWriter;
using irkg::exporter::WriterOptions;

namespace {

const WriterOptions k_options{IRKG_SCHEMA_DIR};

std::string jsonld(const irkg::graph::KnowledgeGraph& g, const WriterOptions& options = k_options) {
    std::ostringstream out;
    JsonldWriter(options).write(g, out);
    return out.str();
}

rapidjson::Document parse(const std::string& text) {
    rapidjson::Document doc;
    doc.Parse(text.data(), text.size());
    REQUIRE_FALSE(doc.HasParseError());
    REQUIRE(doc.IsObject());
    return doc;
}

std::string str(const rapidjson::Value& value) {
    REQUIRE(value.IsString());
    return {value.GetString(), value.GetStringLength()};
}

/// The @graph node whose "id" is `id`.
const rapidjson::Value& node(const rapidjson::Document& doc, std::string_view id) {
    for (const auto& n : doc["@graph"].GetArray())
        if (n.HasMember("id") && n["id"].IsString() && n["id"].GetString() == id) return n;
    FAIL("no node " << id);
    return doc;
}

std::vector<std::string> strings(const rapidjson::Value& array) {
    std::vector<std::string> out;
    REQUIRE(array.IsArray());
    for (const auto& item : array.GetArray()) out.push_back(str(item));
    return out;
}

}  // namespace

TEST_CASE("JSON-LD IRIs: entity ids become ent: IRIs with the id's prefix as a path, one-to-one") {
    using namespace irkg::exporter::jsonld;
    CHECK(entity_iri("country:CHN") == "ent:country/CHN");
    CHECK(entity_iri("person:wang-yi") == "ent:person/wang-yi");
    CHECK(entity_iri("noprefix") == "ent:noprefix");
    CHECK(entity_iri("org:a/b c") == "ent:org/a%2Fb%20c");
    CHECK(entity_iri("x:y:z") == "ent:x/y%3Az");
    CHECK(entity_iri("x/y:z") != entity_iri("x:y/z"));
    CHECK(statement_iri("country:CHN--accuses--country:USA") == "stmt:country:CHN--accuses--country:USA");
    CHECK(relation_iri("meets") == "rel:meets");
    CHECK(predicate_from_iri("rel:holds-talks-with") == "holds-talks-with");
    CHECK(predicate_from_iri("rel:a%20b") == "a b");
    CHECK_FALSE(predicate_from_iri("rel:"));
    CHECK_FALSE(predicate_from_iri("ent:country/CHN"));
    CHECK_FALSE(predicate_from_iri("rel:a%2"));
    CHECK(is_term_shaped("holds-talks-with"));
    CHECK_FALSE(is_term_shaped("Meets"));
    CHECK_FALSE(is_term_shaped("-meets"));
    CHECK_FALSE(is_term_shaped(""));
    CHECK(type_term(irkg::graph::EntityType::location) == "Place");
    CHECK(type_term(irkg::graph::EntityType::other) == "Thing");
}

TEST_CASE("JSON-LD: an inline context with one term per predicate, then entities and statements") {
    const std::string text = jsonld(irkg::test::blinken_graph());
    CHECK(text.back() == '\n');
    const auto doc = parse(text);
    REQUIRE(doc.MemberCount() == 2);
    CHECK(std::string(doc.MemberBegin()->name.GetString()) == "@context");
    const auto& context = doc["@context"];
    REQUIRE(context.IsObject());
    CHECK(str(context["irkg"]) == "https://w3id.org/irkg/vocab#");
    CHECK(str(context["Statement"]) == "rdf:Statement");
    for (const char* predicate : {"meets", "visits", "accuses", "member-of"}) {
        INFO(predicate);
        REQUIRE(context.HasMember(predicate));
        CHECK(str(context[predicate]["@id"]) == "rel:" + std::string(predicate));
        CHECK(str(context[predicate]["@type"]) == "@id");
    }
    CHECK_FALSE(context.HasMember("hosts"));  // only the predicates the graph uses

    const auto& graph = doc["@graph"].GetArray();
    REQUIRE(graph.Size() == 5 + 4);
    std::vector<std::string> ids;
    for (const auto& n : graph) ids.push_back(str(n["id"]));
    CHECK(ids ==
          std::vector<std::string>{
              "ent:country/CHN", "ent:country/USA", "ent:org/nato", "ent:person/antony-blinken", "ent:person/wang-yi",
              "stmt:country:CHN--accuses--country:USA", "stmt:person:antony-blinken--meets--person:wang-yi",
              "stmt:person:antony-blinken--member-of--country:USA", "stmt:person:antony-blinken--visits--country:CHN"});
}

TEST_CASE("JSON-LD entity nodes carry their fields and the direct triples") {
    const auto doc = parse(jsonld(irkg::test::blinken_graph()));
    const auto& blinken = node(doc, "ent:person/antony-blinken");
    CHECK(str(blinken["type"]) == "Person");
    CHECK(str(blinken["irkgId"]) == "person:antony-blinken");
    CHECK(str(blinken["label"]) == "Antony Blinken");
    CHECK(str(blinken["entityType"]) == "person");
    CHECK(str(blinken["country"]) == "USA");
    CHECK(strings(blinken["aliases"]) ==
          std::vector<std::string>{"Antony Blinken", "Blinken", "US Secretary of State Antony Blinken"});
    CHECK(strings(blinken["meets"]) == std::vector<std::string>{"ent:person/wang-yi"});
    CHECK(strings(blinken["visits"]) == std::vector<std::string>{"ent:country/CHN"});
    CHECK(strings(blinken["member-of"]) == std::vector<std::string>{"ent:country/USA"});

    // A symmetric predicate states both directions; an asymmetric one only its own.
    const auto& wang = node(doc, "ent:person/wang-yi");
    CHECK(strings(wang["meets"]) == std::vector<std::string>{"ent:person/antony-blinken"});
    const auto& usa = node(doc, "ent:country/USA");
    CHECK_FALSE(usa.HasMember("accuses"));
    CHECK(strings(node(doc, "ent:country/CHN")["accuses"]) == std::vector<std::string>{"ent:country/USA"});

    const auto& nato = node(doc, "ent:org/nato");
    CHECK(str(nato["type"]) == "Organization");
    CHECK_FALSE(nato.HasMember("country"));  // empty values are left out
    CHECK(nato["aliases"].IsArray());
    CHECK(nato["aliases"].Empty());
}

TEST_CASE("JSON-LD statement nodes hold the merged relation and its evidence") {
    const auto doc = parse(jsonld(irkg::test::blinken_graph()));
    const auto& meets = node(doc, "stmt:person:antony-blinken--meets--person:wang-yi");
    CHECK(str(meets["type"]) == "Statement");
    CHECK(str(meets["subject"]) == "ent:person/antony-blinken");
    CHECK(str(meets["predicate"]) == "rel:meets");
    CHECK(str(meets["object"]) == "ent:person/wang-yi");
    CHECK(str(meets["category"]) == "CONSULT");
    CHECK(str(meets["cameo"]) == "040");
    CHECK(meets["goldstein"].GetDouble() == 1.0);
    CHECK(meets["symmetric"].GetBool());
    CHECK(str(meets["mode"]) == "visit");
    CHECK(str(meets["relationLabel"]) == "meets");
    CHECK(meets["weight"].GetUint64() == 2);
    CHECK(meets["confidence"].GetDouble() == 0.85);
    CHECK(str(meets["date"]) == "2024-04-24");
    CHECK(str(meets["firstDate"]) == "2024-04-24");
    CHECK(str(meets["lastDate"]) == "2024-04-26");
    CHECK(strings(meets["modalities"]) == std::vector<std::string>{"asserted", "planned"});
    const auto& evidence = meets["evidence"].GetArray();
    REQUIRE(evidence.Size() == 2);
    CHECK(str(evidence[0]["doc"]) == "blinken-china-visit");
    CHECK(evidence[0]["sentence"].GetUint() == 1);
    CHECK(evidence[0]["begin"].GetUint64() == 220);
    CHECK(evidence[0]["end"].GetUint64() == 380);
    CHECK(str(evidence[0]["modality"]) == "planned");
    CHECK(str(evidence[0]["timeText"]) == "from Wednesday to Friday");
    CHECK(str(evidence[0]["startDate"]) == "2024-04-24");
    CHECK(str(evidence[0]["endDate"]) == "2024-04-26");
    CHECK(evidence[0]["confidence"].GetDouble() == 0.8);
    CHECK(str(evidence[1]["doc"]) == "other-article");
    CHECK_FALSE(evidence[1].HasMember("endDate"));

    const auto& accuses = node(doc, "stmt:country:CHN--accuses--country:USA");
    CHECK(accuses["goldstein"].GetDouble() == -2.0);
    CHECK_FALSE(accuses.HasMember("date"));  // no dated mention
    CHECK_FALSE(accuses.HasMember("mode"));
    CHECK(str(accuses["evidence"][0]["text"]) == "China accused the US of \"reckless\" <acts> & 'threats'.");
}

TEST_CASE("JSON-LD keys come in the documented order") {
    const auto doc = parse(jsonld(irkg::test::blinken_graph()));
    const auto order_ok = [](const rapidjson::Value& n, const auto& keys) {
        std::size_t last = 0;
        for (const auto& m : n.GetObject()) {
            const std::string_view name(m.name.GetString(), m.name.GetStringLength());
            const auto it = std::find(keys.begin(), keys.end(), name);
            if (it == keys.end()) continue;  // a direct-triple term
            const auto index = static_cast<std::size_t>(it - keys.begin());
            if (index < last) return false;
            last = index;
        }
        return true;
    };
    for (const auto& n : doc["@graph"].GetArray()) {
        INFO(str(n["id"]));
        if (str(n["type"]) == "Statement") {
            CHECK(order_ok(n, irkg::exporter::jsonld::k_statement_keys));
            for (const auto& e : n["evidence"].GetArray()) CHECK(order_ok(e, irkg::exporter::jsonld::k_evidence_keys));
        } else {
            CHECK(order_ok(n, irkg::exporter::jsonld::k_entity_keys));
        }
    }
}

TEST_CASE("JSON-LD output is deterministic and cleans broken UTF-8") {
    const std::string first = jsonld(irkg::test::blinken_graph());
    irkg::graph::KnowledgeGraph other;
    other.add_entity(irkg::test::usa());
    other.merge(irkg::test::blinken_graph());
    CHECK(jsonld(other) == first);

    irkg::graph::KnowledgeGraph g;
    const auto a =
        g.add_entity(irkg::test::entity("other:odd", irkg::test::hostile_text(), irkg::graph::EntityType::other, ""));
    const auto b = g.add_entity(irkg::test::china());
    g.add_mention(
        a, irkg::test::visits(), b,
        irkg::test::mention("d", 0, irkg::test::hostile_text(), 0, 1, irkg::graph::Modality::asserted, {}, 0.5));
    const std::string text = jsonld(g);
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
    REQUIRE_FALSE(doc.HasParseError());
    const std::string label = str(node(doc, "ent:other/odd")["label"]);
    CHECK(label.find("bad \xEF\xBF\xBD( end") != std::string::npos);
    CHECK(label.find("tab\there\nnew\rline \x01\x1f bell\x07") != std::string::npos);  // JSON escapes them
    CHECK(text.find('\x01') == std::string::npos);
}

TEST_CASE("JSON-LD refuses what it cannot write") {
    SUBCASE("a non-finite confidence") {
        irkg::graph::KnowledgeGraph g;
        const auto a = g.add_entity(irkg::test::blinken());
        const auto b = g.add_entity(irkg::test::china());
        g.add_mention(a, irkg::test::visits(), b,
                      irkg::test::mention("d", 0, "t", 0, 1, irkg::graph::Modality::asserted, {}, std::nan("")));
        std::ostringstream out;
        CHECK_THROWS_AS(JsonldWriter(k_options).write(g, out), irkg::input_error);
    }
    SUBCASE("a missing context file names the file") {
        const irkg::test::TempDir dir("jsonld-writer");
        try {
            JsonldWriter{WriterOptions{dir.path()}};
            FAIL("no error");
        } catch (const irkg::lexicon_error& e) {
            CHECK(std::string(e.what()).find((dir.path() / "context.jsonld").string()) != std::string::npos);
        }
    }
    SUBCASE("a context with another vocabulary, or without a term the writer uses") {
        const irkg::test::TempDir dir("jsonld-writer");
        std::string context = irkg::test::read_file(std::filesystem::path(IRKG_SCHEMA_DIR) / "context.jsonld");
        std::string other = context;
        other.replace(other.find("https://w3id.org/irkg/vocab#"), 5, "http:");
        irkg::test::write_file(dir / "context.jsonld", other);
        CHECK_THROWS_WITH_AS(JsonldWriter{WriterOptions{dir.path()}}, doctest::Contains("/@context/irkg"),
                             irkg::lexicon_error);
        std::string missing = context;
        const auto at = missing.find("    \"timeText\"");
        missing.erase(at, missing.find('\n', at) + 1 - at);
        irkg::test::write_file(dir / "context.jsonld", missing);
        CHECK_THROWS_WITH_AS(JsonldWriter{WriterOptions{dir.path()}}, doctest::Contains("term \"timeText\" is missing"),
                             irkg::lexicon_error);
    }
}

TEST_CASE("JSON-LD round trip: read_jsonld gives a graph that writes the same bytes") {
    const irkg::test::TempDir dir("jsonld-round-trip");
    const irkg::graph::KnowledgeGraph original = irkg::test::blinken_graph();
    const std::string first = jsonld(original);
    irkg::test::write_file(dir / "g.jsonld", first);

    const irkg::graph::KnowledgeGraph read = irkg::exporter::read_jsonld(dir / "g.jsonld");
    CHECK(read.num_entities() == original.num_entities());
    CHECK(read.num_relations() == original.num_relations());
    CHECK(read.num_mentions() == original.num_mentions());
    CHECK(jsonld(read) == first);

    // What was read behaves as a graph: merging it again changes nothing, and it takes new mentions.
    irkg::graph::KnowledgeGraph again = read;
    again.merge(original);
    CHECK(jsonld(again) == first);
    const auto blinken = again.find("person:antony-blinken");
    const auto wang = again.find("person:wang-yi");
    REQUIRE(blinken);
    REQUIRE(wang);
    again.add_mention(*wang, irkg::test::meets(), *blinken,
                      irkg::test::mention("third", 0, "t", 0, 1, irkg::graph::Modality::asserted, {}, 0.5));
    CHECK(again.num_relations() == original.num_relations());
    CHECK(again.num_mentions() == original.num_mentions() + 1);

    SUBCASE("hostile text survives the round trip") {
        irkg::graph::KnowledgeGraph g;
        const auto a = g.add_entity(irkg::test::entity("other:odd&<\"id\"> x/y", irkg::test::hostile_text(),
                                                       irkg::graph::EntityType::other, "", {"\xF0\x9F\x98\x80"}));
        const auto b = g.add_entity(irkg::test::china());
        g.add_mention(
            a, irkg::test::accuses(), b,
            irkg::test::mention("doc \"1\"", 4, "tab\there \\ \"quoted\" \xD9\x85", 3, 9,
                                irkg::graph::Modality::speculative, {"soon", "2024-05-01", "2024-05-31"}, 0.125));
        const std::string text = jsonld(g);
        CHECK(jsonld(irkg::exporter::read_jsonld_text(text)) == text);
    }
    SUBCASE("an empty graph") {
        const std::string text = jsonld(irkg::graph::KnowledgeGraph{});
        const auto empty = irkg::exporter::read_jsonld_text(text);
        CHECK(empty.num_entities() == 0);
        CHECK(jsonld(empty) == text);
    }
}
