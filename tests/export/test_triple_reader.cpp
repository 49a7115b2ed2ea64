#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "export/triple_reader.hpp"
#include "export/triple_writer.hpp"
#include "graph/errors.hpp"
#include "graph/ontology.hpp"
#include "sample_graph.hpp"
#include "temp_dir.hpp"

using irkg::exporter::TripleProblem;
using irkg::exporter::TripleReader;
using irkg::graph::KnowledgeGraph;

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

const irkg::graph::Ontology& ontology() {
    static const auto loaded = irkg::graph::Ontology::load(std::string(IRKG_SCHEMA_DIR) + "/relations.json",
                                                           std::string(IRKG_SCHEMA_DIR) + "/relations.schema.json");
    return loaded;
}

std::vector<irkg::graph::RelationType> known() {
    return {ontology().relations().begin(), ontology().relations().end()};
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

/// The message parse() throws for `line` (read as line 7 of t.jsonl), or "" when it parses.
std::string error_of(const std::string& line) {
    const auto types = known();
    TripleReader reader(types);
    try {
        reader.parse(line, "t.jsonl", 7);
    } catch (const irkg::input_error& e) {
        return e.what();
    }
    return "";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a triple line reads back as the triple that was written") {
    const auto written = blinken_meets_wang();
    TripleReader reader;
    const auto read = reader.parse(irkg::exporter::triple_json(written), "t.jsonl", 1);
    CHECK(read.subject.id == written.subject.id);
    CHECK(read.subject.label == written.subject.label);
    CHECK(read.subject.type == written.subject.type);
    CHECK(read.subject.country == written.subject.country);
    CHECK(read.subject.aliases == written.subject.aliases);  // the names the article used
    CHECK(read.object.id == written.object.id);
    CHECK(read.relation->predicate == "meets");
    CHECK(read.relation->category == "CONSULT");
    CHECK(read.relation->cameo == "040");
    CHECK(read.relation->goldstein == 1.0);
    CHECK(read.modality == written.modality);
    CHECK(read.time == written.time);
    CHECK(read.evidence == written.evidence);
    CHECK(read.confidence == written.confidence);
    // Written again, byte for byte.
    CHECK(irkg::exporter::triple_json(read) == irkg::exporter::triple_json(written));
}

TEST_CASE("the ontology completes a relation type: symmetric predicates merge whichever way round") {
    const auto types = known();
    TripleReader reader(types);
    auto forward = blinken_meets_wang();
    auto backward = forward;
    std::swap(backward.subject, backward.object);
    backward.evidence.doc = "other-article";
    std::istringstream in(irkg::exporter::triple_json(forward) + "\n" + irkg::exporter::triple_json(backward) + "\n");
    KnowledgeGraph g;
    CHECK(reader.read(in, "t.jsonl", g) == 2);
    CHECK(g.num_relations() == 1);
    CHECK(g.num_mentions() == 2);
    const auto edge = g.sorted_edges().front();
    const auto& relation = *g.edge(edge).relation;
    const auto& expected = ontology().at("meets", "test");
    CHECK(relation.symmetric);
    CHECK(relation.mode == expected.mode);
    CHECK(relation.label == expected.label);
    CHECK(relation.description == expected.description);
    CHECK(g.entity(boost::source(edge, g.store())).id == "person:antony-blinken");  // the smaller id first

    // Without the ontology nothing says "meets" is symmetric: two relations.
    TripleReader bare;
    std::istringstream again(irkg::exporter::triple_json(forward) + "\n" + irkg::exporter::triple_json(backward));
    KnowledgeGraph g2;
    bare.read(again, "t.jsonl", g2);
    CHECK(g2.num_relations() == 2);
    CHECK(g2.edge(g2.sorted_edges().front()).relation->label == "meets");
}

TEST_CASE("a triple's own category, CAMEO code and Goldstein value win over the ontology's") {
    const auto types = known();
    TripleReader reader(types);
    const std::string line = irkg::exporter::triple_json(blinken_meets_wang());
    const auto changed = reader.parse(replaced(line, R"("cameo":"040")", R"("cameo":"043")"), "t.jsonl", 1);
    CHECK(changed.relation->cameo == "043");
    CHECK(changed.relation->symmetric);
    const auto same = reader.parse(line, "t.jsonl", 2);
    CHECK(same.relation->cameo == ontology().at("meets", "test").cameo);
    CHECK(same.relation != changed.relation);
    CHECK(reader.parse(line, "t.jsonl", 3).relation == same.relation);  // one definition, shared

    const auto unknown = reader.parse(replaced(line, R"("predicate":"meets")", R"("predicate":"waves-at")"), "t", 1);
    CHECK(unknown.relation->predicate == "waves-at");
    CHECK_FALSE(unknown.relation->symmetric);
    CHECK(unknown.relation->label == "waves-at");
}

TEST_CASE("an entity may carry aliases, which the graph keeps") {
    const std::string line = replaced(irkg::exporter::triple_json(blinken_meets_wang()), R"("aliases":["Wang Yi"]})",
                                      R"("aliases":["Wang Yi","Wang","Wang"]})");
    TripleReader reader;
    const auto t = reader.parse(line, "t.jsonl", 1);
    CHECK(t.object.aliases == std::vector<std::string>{"Wang", "Wang Yi"});
}

TEST_CASE("a bad line is an error naming the file, the line and what is wrong") {
    const std::string line = irkg::exporter::triple_json(blinken_meets_wang());
    CHECK(error_of(line) == "");
    CHECK(contains(error_of("{\"subject\": "), "t.jsonl:7: not JSON"));
    CHECK(contains(error_of("[1, 2]"), "t.jsonl:7: expected a triple object, found an array"));
    CHECK(contains(error_of(replaced(line, R"("predicate":"meets",)", "")), "t.jsonl:7: \"predicate\" is missing"));
    CHECK(contains(error_of(replaced(line, R"("confidence":0.8})", R"("confidence":0.8,"score":1})")),
                   "unknown key \"score\""));
    CHECK(contains(error_of(replaced(line, R"("modality":"planned")", R"("modality":"likely")")),
                   "\"modality\" is \"likely\", not one of"));
    CHECK(contains(error_of(replaced(line, R"("start":"2024-04-24")", R"("start":"next week")")),
                   "\"time.start\" is \"next week\", not an ISO date"));
    CHECK(contains(error_of(replaced(line, R"("span":[220,258])", R"("span":[258,220])")),
                   "\"evidence.span\" ends (220) before it begins (258)"));
    CHECK(contains(error_of(replaced(line, R"("span":[220,258])", R"("span":[220])")), "\"evidence.span\" must be"));
    CHECK(contains(error_of(replaced(line, R"("confidence":0.8)", R"("confidence":1.5)")),
                   "\"confidence\" is 1.5, out of range"));
    CHECK(contains(error_of(replaced(line, R"("type":"person","country":"USA")", R"("type":"human","country":"USA")")),
                   "\"subject.type\" is \"human\""));
    CHECK(contains(error_of(replaced(line, R"("id":"person:wang-yi")", R"("id":"")")),
                   "\"object.id\" must not be empty"));
    CHECK(contains(error_of(replaced(line, R"("sentence":1)", R"("sentence":-1)")), "\"evidence.sentence\" must be"));
    CHECK(contains(error_of(R"({"id":"a1","date":"2024-04-20","text":"Blinken met Wang Yi."})"),
                   "t.jsonl:7: this is an article record"));
}

TEST_CASE("read skips blank lines, reports every bad line with its number and keeps the good ones") {
    const std::string good = irkg::exporter::triple_json(blinken_meets_wang());
    std::istringstream in(good + "\r\n\n   \nnot json\n" + good + "\n{\"subject\":1}\n");
    TripleReader reader;
    KnowledgeGraph g;
    std::vector<TripleProblem> problems;
    CHECK(reader.read(in, "t.jsonl", g, [&](const TripleProblem& p) { problems.push_back(p); }) == 2);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].file == "t.jsonl");
    CHECK(problems[0].line == 4);
    CHECK(contains(problems[0].message, "not JSON"));
    CHECK(problems[1].line == 6);
    CHECK(contains(problems[1].message, "\"subject\" must be an object"));
    CHECK(g.num_mentions() == 1);  // the same triple twice is one mention

    std::istringstream strict(good + "\n\nnot json\n");
    KnowledgeGraph g2;
    try {
        reader.read(strict, "t.jsonl", g2);
        FAIL("no error");
    } catch (const irkg::input_error& e) {
        CHECK(contains(e.what(), "t.jsonl:3: not JSON"));
    }
}

TEST_CASE("read_file names a file it cannot read") {
    irkg::test::TempDir dir("triple-reader");
    TripleReader reader;
    KnowledgeGraph g;
    try {
        reader.read_file(dir / "missing.jsonl", g);
        FAIL("no error");
    } catch (const irkg::input_error& e) {
        CHECK(contains(e.what(), "missing.jsonl: cannot open"));
    }
    CHECK_THROWS_AS(reader.read_file(dir.path(), g), irkg::input_error);
    irkg::test::write_file(dir / "t.jsonl", irkg::exporter::triple_json(blinken_meets_wang()) + "\n");
    CHECK(reader.read_file(dir / "t.jsonl", g) == 1);
    CHECK(g.num_relations() == 1);
}
