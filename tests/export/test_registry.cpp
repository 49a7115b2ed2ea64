#include <doctest/doctest.h>

#include <string>

#include "export/csv_writer.hpp"
#include "export/gexf_writer.hpp"
#include "export/graphml_writer.hpp"
#include "export/jsonld_reader.hpp"
#include "export/jsonld_writer.hpp"
#include "export/registry.hpp"
#include "graph/errors.hpp"
#include "sample_graph.hpp"
#include "temp_dir.hpp"

using namespace irkg::exporter;

TEST_CASE("the registry lists every format once, with its extensions") {
    CHECK(format_names() == "graphml, gexf, jsonld, csv, dot, nquads, ntriples");
    REQUIRE(formats().size() == 7);
    CHECK(formats()[0].name == "graphml");
    CHECK(formats()[1].name == "gexf");
    CHECK(formats()[2].name == "jsonld");
    CHECK(formats()[3].name == "csv");
    CHECK(formats()[4].name == "dot");
    CHECK(formats()[5].name == "nquads");
    CHECK(formats()[6].name == "ntriples");
    for (const auto& format : formats()) {
        CHECK_FALSE(format.description.empty());
        CHECK_FALSE(format.extensions.empty());
        CHECK(&format_named(format.name) == &format);
    }
}

TEST_CASE("format_for_path picks the format from the extension, case-insensitively") {
    CHECK(format_for_path("out/graph.graphml").name == "graphml");
    CHECK(format_for_path("GRAPH.GraphML").name == "graphml");
    CHECK(format_for_path("graph.gexf").name == "gexf");
    CHECK(format_for_path("graph.jsonld").name == "jsonld");
    CHECK(format_for_path("graph.json-ld").name == "jsonld");
    CHECK(format_for_path("Graph.CSV").name == "csv");
    CHECK(format_for_path("graph.nq").name == "nquads");
    CHECK(format_for_path("graph.nt").name == "ntriples");
    CHECK(format_for_path("graph.gv").name == "dot");
    CHECK(format_for_path("graph.DOT").name == "dot");
    CHECK_THROWS_WITH_AS(
        format_for_path("graph.gml"),
        doctest::Contains("\"graph.gml\" from its name; use one of the extensions .graphml, .gexf, .jsonld, .json-ld, .csv"),
        irkg::usage_error);
    CHECK_THROWS_AS(format_for_path("-"), irkg::usage_error);
    CHECK_THROWS_AS(format_for_path(".graphml"), irkg::usage_error);  // nothing before the extension
}

TEST_CASE("an unknown format name is an error that lists the valid ones") {
    CHECK_THROWS_WITH_AS(format_named("gml"),
                         doctest::Contains("unknown output format \"gml\"; valid formats: graphml, gexf, jsonld, csv"),
                         irkg::usage_error);
    CHECK_THROWS_AS(make_writer("GraphML", {}), irkg::usage_error);
}

TEST_CASE("make_writer builds each format's writer") {
    const WriterOptions options{IRKG_SCHEMA_DIR};
    CHECK(dynamic_cast<GraphmlWriter*>(make_writer("graphml", options).get()) != nullptr);
    CHECK(dynamic_cast<GexfWriter*>(make_writer("gexf", options).get()) != nullptr);
    CHECK(dynamic_cast<JsonldWriter*>(make_writer("jsonld", options).get()) != nullptr);
    CHECK(dynamic_cast<CsvWriter*>(make_writer("csv", options).get()) != nullptr);
    CHECK_THROWS_AS(make_writer("jsonld", WriterOptions{"/nonexistent-irkg-schemas"}), irkg::lexicon_error);
}

TEST_CASE("write_graph writes the format the extension or the name says") {
    const irkg::test::TempDir dir("registry");
    const WriterOptions options{IRKG_SCHEMA_DIR};
    const auto g = irkg::test::blinken_graph();
    write_graph(g, dir / "g.graphml", "", options);
    write_graph(g, dir / "g.jsonld", "", options);
    write_graph(g, dir / "g.txt", "jsonld", options);
    CHECK(irkg::test::read_file(dir / "g.graphml").starts_with("<?xml"));
    CHECK(irkg::test::read_file(dir / "g.jsonld") == irkg::test::read_file(dir / "g.txt"));
    CHECK(read_jsonld(dir / "g.jsonld").num_mentions() == g.num_mentions());
    CHECK(dir.entries() == std::vector<std::string>{"g.graphml", "g.jsonld", "g.txt"});

    // A writer that cannot be set up leaves no file, not even a temporary one.
    CHECK_THROWS_AS(write_graph(g, dir / "h.jsonld", "", WriterOptions{dir / "no-schemas"}), irkg::lexicon_error);
    CHECK_THROWS_AS(write_graph(g, dir / "h.gml", "", options), irkg::usage_error);
    CHECK(dir.entries() == std::vector<std::string>{"g.graphml", "g.jsonld", "g.txt"});
}
