// What irkg writes matches the JSON Schemas in schemas/ that describe it to other programs.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include <rapidjson/document.h>

#include "export/jsonld_writer.hpp"
#include "export/triple_writer.hpp"
#include "graph/errors.hpp"
#include "graph/json_file.hpp"
#include "sample_graph.hpp"

namespace {

const std::filesystem::path k_schema_dir = IRKG_SCHEMA_DIR;

rapidjson::Document parse(const std::string& text) {
    rapidjson::Document doc;
    doc.Parse(text.data(), text.size());
    REQUIRE_FALSE(doc.HasParseError());
    return doc;
}

/// Empty when `text` is valid against `schema`, else the validator's message.
std::string violation(const std::string& text, const char* schema) {
    try {
        irkg::graph::validate_json<irkg::input_error>(parse(text), "produced", k_schema_dir / schema);
    } catch (const irkg::input_error& e) {
        return e.what();
    }
    return {};
}

std::string replaced(std::string text, std::string_view from, std::string_view to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
    return text;
}

irkg::graph::Triple sample_triple() {
    return irkg::graph::Triple{irkg::test::blinken(),
                               &irkg::test::visits(),
                               irkg::test::china(),
                               irkg::graph::Modality::planned,
                               {"next week", "2024-04-22", "2024-04-28"},
                               {"blinken-china-visit", 0, irkg::test::hostile_text(), 0, 70},
                               0.75};
}

std::string sample_jsonld(const irkg::graph::KnowledgeGraph& g) {
    std::ostringstream out;
    irkg::exporter::JsonldWriter(irkg::exporter::WriterOptions{k_schema_dir}).write(g, out);
    return out.str();
}

}  // namespace

TEST_CASE("a triple line matches schemas/triple.schema.json") {
    const std::string line = irkg::exporter::triple_json(sample_triple());
    CHECK(violation(line, "triple.schema.json") == "");

    auto sparse = sample_triple();
    sparse.object = irkg::test::entity("org:nato", "NATO", irkg::graph::EntityType::organization, "");
    sparse.time = {};
    sparse.relation = &irkg::test::member_of();
    CHECK(violation(irkg::exporter::triple_json(sparse), "triple.schema.json") == "");

    // The schema is not a rubber stamp.
    CHECK(violation(replaced(line, "\"predicate\":\"visits\",", ""), "triple.schema.json").find("required") !=
          std::string::npos);
    CHECK(violation(replaced(line, "\"start\":\"2024-04-22\"", "\"start\":\"next week\""), "triple.schema.json")
              .find("/time/start") != std::string::npos);
    CHECK(violation(replaced(line, "\"modality\":\"planned\"", "\"modality\":\"likely\""), "triple.schema.json") != "");
    CHECK(violation(replaced(line, "\"span\":[0,70]", "\"span\":[0]"), "triple.schema.json") != "");
    CHECK(violation(replaced(line, "\"id\":\"country:CHN\"", "\"id\":\"China\""), "triple.schema.json") != "");
    CHECK(violation(replaced(line, "\"confidence\":0.75}", "\"confidence\":0.75,\"extra\":1}"), "triple.schema.json")
              .find("additionalProperties") != std::string::npos);
}

TEST_CASE("a JSON-LD graph matches schemas/graph.schema.json") {
    const std::string text = sample_jsonld(irkg::test::blinken_graph());
    CHECK(violation(text, "graph.schema.json") == "");
    CHECK(violation(sample_jsonld(irkg::graph::KnowledgeGraph{}), "graph.schema.json") == "");

    CHECK(violation(replaced(text, "\"weight\": 1,", "\"weight\": 0,"), "graph.schema.json") != "");
    CHECK(violation(replaced(text, "\"subject\": \"ent:country/CHN\"", "\"subject\": \"country:CHN\""),
                    "graph.schema.json") != "");
    CHECK(violation(replaced(text, "\"irkg\": \"https://w3id.org/irkg/vocab#\"", "\"irkg\": \"https://example.org/\""),
                    "graph.schema.json")
              .find("/@context/irkg") != std::string::npos);
    CHECK(violation(replaced(text, "\"accuses\": [\n    \"ent:country/USA\"", "\"accuses\": [\n    \"USA\""),
                    "graph.schema.json") != "");
}

TEST_CASE("the schemas in schemas/ are themselves JSON that loads") {
    for (const char* name : {"triple.schema.json", "graph.schema.json", "context.jsonld"}) {
        INFO(name);
        const auto doc = irkg::graph::read_json_file<irkg::lexicon_error>(k_schema_dir / name);
        CHECK(doc.IsObject());
    }
}
