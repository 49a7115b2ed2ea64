#include <doctest/doctest.h>

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

#include <rapidjson/document.h>

#include "export/triple_writer.hpp"
#include "graph/errors.hpp"
#include "sample_graph.hpp"

using irkg::exporter::triple_json;

namespace {

irkg::graph::Triple blinken_meets_wang() {
    return irkg::graph::Triple{irkg::test::blinken(),
                               &irkg::test::meets(),
                               irkg::test::wang_yi(),
                               irkg::graph::Modality::planned,
                               {"from Wednesday to Friday", "2024-04-24", "2024-04-26"},
                               {"blinken-china-visit", 1, "Blinken will hold talks with Wang Yi.", 220, 258},
                               0.8};
}

}  // namespace

TEST_CASE("triple_json writes the keys in the contract's order") {
    CHECK(triple_json(blinken_meets_wang()) ==
          R"({"subject":{"id":"person:antony-blinken","label":"Antony Blinken","type":"person","country":"USA",)"
          R"("aliases":["Antony Blinken","Blinken","US Secretary of State Antony Blinken"]},)"
          R"("predicate":"meets","category":"CONSULT","cameo":"040","goldstein":1.0,)"
          R"("object":{"id":"person:wang-yi","label":"Wang Yi","type":"person","country":"CHN","aliases":["Wang Yi"]},)"
          R"("modality":"planned","time":{"text":"from Wednesday to Friday","start":"2024-04-24","end":"2024-04-26"},)"
          R"("evidence":{"doc":"blinken-china-visit","sentence":1,"text":"Blinken will hold talks with Wang Yi.",)"
          R"("span":[220,258]},"confidence":0.8})");
}

TEST_CASE("triple_json leaves out an empty country, aliases, start and end but always writes time.text") {
    auto t = blinken_meets_wang();
    t.object = irkg::test::entity("org:nato", "NATO", irkg::graph::EntityType::organization, "");
    t.relation = &irkg::test::accuses();
    t.time = {};
    t.modality = irkg::graph::Modality::negated;
    t.confidence = 0.0;
    CHECK(triple_json(t) ==
          R"({"subject":{"id":"person:antony-blinken","label":"Antony Blinken","type":"person","country":"USA",)"
          R"("aliases":["Antony Blinken","Blinken","US Secretary of State Antony Blinken"]},)"
          R"("predicate":"accuses","category":"ACCUSE","cameo":"112","goldstein":-2.0,)"
          R"("object":{"id":"org:nato","label":"NATO","type":"organization"},)"
          R"("modality":"negated","time":{"text":""},)"
          R"("evidence":{"doc":"blinken-china-visit","sentence":1,"text":"Blinken will hold talks with Wang Yi.",)"
          R"("span":[220,258]},"confidence":0.0})");
}

TEST_CASE("triple_json escapes JSON and cleans broken UTF-8") {
    auto t = blinken_meets_wang();
    t.evidence.text = irkg::test::hostile_text();
    t.subject.label = "Quote \" backslash \\ slash /";
    const std::string line = triple_json(t);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.find(R"("label":"Quote \" backslash \\ slash /")") != std::string::npos);
    CHECK(line.find(R"(tab\there\nnew\rline \u0001\u001F bell\u0007 )") != std::string::npos);
    CHECK(line.find("emoji \xF0\x9F\x98\x80 arabic") != std::string::npos);  // valid UTF-8 stays as is
    CHECK(line.find("bad \xEF\xBF\xBD( end") != std::string::npos);

    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseValidateEncodingFlag>(line.data(), line.size());
    REQUIRE_FALSE(doc.HasParseError());
    CHECK(std::string(doc["subject"]["label"].GetString()) == "Quote \" backslash \\ slash /");
    CHECK(std::string(doc["evidence"]["text"].GetString()).starts_with("A & B <b>\"quoted\"</b> 'single' tab\there"));
}

TEST_CASE("write_triple writes one line per triple") {
    std::ostringstream out;
    irkg::exporter::write_triple(blinken_meets_wang(), out);
    auto second = blinken_meets_wang();
    second.evidence.sentence = 2;
    irkg::exporter::write_triple(second, out);
    const std::string text = out.str();
    CHECK(text == triple_json(blinken_meets_wang()) + "\n" + triple_json(second) + "\n");
}

TEST_CASE("triple_json refuses a triple without a relation or with a non-finite number") {
    auto t = blinken_meets_wang();
    t.relation = nullptr;
    CHECK_THROWS_AS(triple_json(t), std::invalid_argument);
    t = blinken_meets_wang();
    t.confidence = std::nan("");
    CHECK_THROWS_WITH_AS(triple_json(t), doctest::Contains("confidence"), irkg::input_error);
    t.confidence = HUGE_VAL;
    CHECK_THROWS_AS(triple_json(t), irkg::input_error);
}
