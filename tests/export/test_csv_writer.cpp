#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>

#include "export/csv_writer.hpp"
#include "export/registry.hpp"
#include "export/utf8_text.hpp"
#include "graph/errors.hpp"
#include "sample_graph.hpp"
#include "temp_dir.hpp"

using irkg::exporter::CsvWriter;
using irkg::exporter::WriterOptions;

namespace {

std::string nodes_csv(const irkg::graph::KnowledgeGraph& g, const WriterOptions& options = {}) {
    std::ostringstream out;
    CsvWriter(options).write_nodes(g, out);
    return out.str();
}

std::string edges_csv(const irkg::graph::KnowledgeGraph& g, const WriterOptions& options = {}) {
    std::ostringstream out;
    CsvWriter(options).write_edges(g, out);
    return out.str();
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n') + 1); }

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

WriterOptions neo4j() {
    WriterOptions options;
    options.csv_dialect = "neo4j";
    return options;
}

}  // namespace

TEST_CASE("CSV header rows are Gephi's spreadsheet columns") {
    const auto g = irkg::test::blinken_graph();
    CHECK(first_line(nodes_csv(g)) == "Id,Label,Type,Country,Aliases\n");
    CHECK(first_line(edges_csv(g)) ==
          "Source,Target,Type,Kind,Id,Label,Weight,Category,Cameo,Goldstein,FirstDate,LastDate,MeanConfidence,"
          "Modalities\n");
}

TEST_CASE("CSV rows: one per entity and per merged relation, sorted, LF-terminated") {
    const auto g = irkg::test::blinken_graph();
    const std::string nodes = nodes_csv(g);
    CHECK(contains(nodes,
                   "\nperson:antony-blinken,Antony Blinken,person,USA,"
                   "Antony Blinken|Blinken|US Secretary of State Antony Blinken\n"));
    CHECK(contains(nodes, "\norg:nato,NATO,organization,,\n"));
    CHECK(std::count(nodes.begin(), nodes.end(), '\n') == 1 + 5);
    CHECK_FALSE(contains(nodes, "\r"));

    const std::string edges = edges_csv(g);
    // The symmetric relation is undirected, weighted by its two mentions.
    CHECK(contains(edges,
                   "\nperson:antony-blinken,person:wang-yi,Undirected,meets,"
                   "person:antony-blinken--meets--person:wang-yi,meets,2,CONSULT,040,1.0,2024-04-24,2024-04-26,"
                   "0.85,asserted|planned\n"));
    CHECK(contains(edges,
                   "\ncountry:CHN,country:USA,Directed,accuses,country:CHN--accuses--country:USA,accuses,1,"
                   "ACCUSE,112,-2.0,,,0.5,asserted\n"));
    CHECK(std::count(edges.begin(), edges.end(), '\n') == 1 + 4);
    // sorted_edges order: by source id, predicate, target id.
    CHECK(edges.find("country:CHN,") < edges.find("person:antony-blinken,person:wang-yi"));
    CHECK(edges.find("--member-of--") < edges.find("--visits--"));
}

TEST_CASE("CSV quotes fields with a comma, a quote or a line break, doubling inner quotes") {
    irkg::graph::KnowledgeGraph g;
    g.add_entity(
        irkg::test::entity("org:x", "Smith, \"Jr\" & Co", irkg::graph::EntityType::organization, "", {"a,b", "plain"}));
    g.add_entity(irkg::test::entity("org:y", "two\nlines", irkg::graph::EntityType::organization, ""));
    const std::string nodes = nodes_csv(g);
    CHECK(contains(nodes, "\norg:x,\"Smith, \"\"Jr\"\" & Co\",organization,,\"a,b|plain\"\n"));
    CHECK(contains(nodes, "\norg:y,\"two\nlines\",organization,,\n"));

    // Hostile text stays valid UTF-8 and keeps its quoting balanced.
    irkg::graph::KnowledgeGraph hostile;
    hostile.add_entity(irkg::test::entity("org:h", irkg::test::hostile_text(), irkg::graph::EntityType::other, ""));
    const std::string text = nodes_csv(hostile);
    CHECK(irkg::exporter::is_valid_utf8(text));
    CHECK(std::count(text.begin(), text.end(), '"') % 2 == 0);
}

TEST_CASE("CSV through write_graph: edges in the named file, nodes beside it") {
    const irkg::test::TempDir dir("csv");
    const auto g = irkg::test::blinken_graph();
    irkg::exporter::write_graph(g, dir / "graph.csv", "", WriterOptions{IRKG_SCHEMA_DIR});
    CHECK(dir.entries() == std::vector<std::string>{"graph.csv", "graph.nodes.csv"});
    CHECK(irkg::test::read_file(dir / "graph.csv") == edges_csv(g));
    CHECK(irkg::test::read_file(dir / "graph.nodes.csv") == nodes_csv(g));
    CHECK(CsvWriter::nodes_path("out/DIR/g.csv") == std::filesystem::path("out/DIR/g.nodes.csv"));

    // --format csv with another extension: the nodes file takes the stem.
    irkg::exporter::write_graph(g, dir / "other.txt", "csv", WriterOptions{IRKG_SCHEMA_DIR});
    CHECK(irkg::test::read_file(dir / "other.nodes.csv") == nodes_csv(g));
}

TEST_CASE("CSV refuses standard output with a message that says why") {
    const auto g = irkg::test::blinken_graph();
    WriterOptions options;
    options.output = "-";
    CHECK_THROWS_WITH_AS(CsvWriter{options}, doctest::Contains("CSV cannot go to standard output"), irkg::usage_error);
    CHECK_THROWS_WITH_AS(irkg::exporter::write_graph(g, "-", "csv", WriterOptions{IRKG_SCHEMA_DIR}),
                         doctest::Contains("give a file path such as -o out/graph.csv"), irkg::usage_error);
    // Built without a path, write() cannot place the nodes file.
    std::ostringstream out;
    CHECK_THROWS_AS(CsvWriter{}.write(g, out), irkg::usage_error);
    options.output = "";
    options.csv_dialect = "excel";
    CHECK_THROWS_WITH_AS(CsvWriter{options}, doctest::Contains("unknown CSV dialect \"excel\""), irkg::usage_error);
}

TEST_CASE("CSV is deterministic: the same graph gives the same bytes whatever the insertion order") {
    const auto g = irkg::test::blinken_graph();
    irkg::graph::KnowledgeGraph merged;
    merged.merge(g);
    merged.merge(g);
    CHECK(nodes_csv(g) == nodes_csv(g));
    CHECK(edges_csv(g) == edges_csv(merged));
    CHECK(nodes_csv(g) == nodes_csv(merged));
}

TEST_CASE("CSV neo4j dialect: neo4j-admin import headers, ';' arrays, typed columns") {
    const auto g = irkg::test::blinken_graph();
    const std::string nodes = nodes_csv(g, neo4j());
    const std::string edges = edges_csv(g, neo4j());
    CHECK(first_line(nodes) == "id:ID,label,type:LABEL,country,aliases:string[]\n");
    CHECK(first_line(edges) ==
          ":START_ID,:END_ID,:TYPE,id,category,cameo,goldstein:double,weight:int,first_date:date,last_date:date,"
          "mean_confidence:double,modalities:string[],symmetric:boolean\n");
    CHECK(contains(nodes, "\ncountry:CHN,China,country,CHN,China;PRC\n"));
    CHECK(contains(edges,
                   "\nperson:antony-blinken,person:wang-yi,meets,person:antony-blinken--meets--person:wang-yi,"
                   "CONSULT,040,1.0,2,2024-04-24,2024-04-26,0.85,asserted;planned,true\n"));

    // Header grammar: every column is name[:type], :ID/:LABEL/:START_ID/:END_ID/:TYPE, with known types.
    for (const std::string& header : {first_line(nodes), first_line(edges)}) {
        std::istringstream columns(header.substr(0, header.size() - 1));
        std::string column;
        while (std::getline(columns, column, ',')) {
            const auto colon = column.find(':');
            if (colon == std::string::npos) {
                CHECK_MESSAGE(!column.empty(), header);
                continue;
            }
            const std::string type = column.substr(colon + 1);
            CHECK_MESSAGE(
                (type == "ID" || type == "LABEL" || type == "START_ID" || type == "END_ID" || type == "TYPE" ||
                 type == "double" || type == "int" || type == "date" || type == "boolean" || type == "string[]"),
                column);
            const bool keyword = type == "START_ID" || type == "END_ID" || type == "TYPE";
            CHECK_MESSAGE((colon == 0) == keyword, column);
        }
    }
}
