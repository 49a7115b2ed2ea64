#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "export/nquads_writer.hpp"
#include "export/registry.hpp"
#include "export/utf8_text.hpp"
#include "graph/errors.hpp"
#include "sample_graph.hpp"
#include "temp_dir.hpp"

using irkg::exporter::NquadsWriter;
using irkg::exporter::NtriplesWriter;
using irkg::exporter::WriterOptions;

namespace {

const WriterOptions k_options{IRKG_SCHEMA_DIR};

const std::string k_blinken = "<https://w3id.org/irkg/entity/person/antony-blinken>";
const std::string k_wang = "<https://w3id.org/irkg/entity/person/wang-yi>";
const std::string k_china = "<https://w3id.org/irkg/entity/country/CHN>";
const std::string k_meets = "<https://w3id.org/irkg/rel#meets>";
const std::string k_meets_statement = "<https://w3id.org/irkg/statement/person:antony-blinken--meets--person:wang-yi>";
const std::string k_visit_graph = "<https://w3id.org/irkg/article/blinken-china-visit>";
const std::string k_other_graph = "<https://w3id.org/irkg/article/other-article>";
const std::string k_xsd = "http://www.w3.org/2001/XMLSchema#";

std::string nquads(const irkg::graph::KnowledgeGraph& g) {
    std::ostringstream out;
    NquadsWriter(k_options).write(g, out);
    return out.str();
}

std::string ntriples(const irkg::graph::KnowledgeGraph& g) {
    std::ostringstream out;
    NtriplesWriter(k_options).write(g, out);
    return out.str();
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

bool has_line(const std::string& text, const std::string& line) {
    const auto all = lines(text);
    return std::find(all.begin(), all.end(), line) != all.end();
}

/// The graph term of an N-Quads line ("" for the default graph). Only for lines whose last term is
/// an IRI or a blank node (no literal ends in '>').
std::string graph_of(const std::string& line) {
    REQUIRE(line.ends_with(" ."));
    const std::string body = line.substr(0, line.size() - 2);
    const auto terms = std::count(body.begin(), body.end(), ' ');
    if (body.back() != '>' || terms < 3) return {};
    return body.substr(body.rfind(' ') + 1);
}

/// A graph with one entity whose label is `label`, related to Wang Yi by an article with id `doc`.
irkg::graph::KnowledgeGraph graph_with(const std::string& label, const std::string& doc) {
    irkg::graph::KnowledgeGraph g;
    const auto a = g.add_entity(irkg::test::entity("person:x", label, irkg::graph::EntityType::person, "", {label}));
    const auto w = g.add_entity(irkg::test::wang_yi());
    g.add_mention(a, irkg::test::accuses(), w,
                  irkg::test::mention(doc, 0, label, 0, 10, irkg::graph::Modality::asserted, {}, 0.5));
    return g;
}

}  // namespace

TEST_CASE("N-Triples terms: literals and IRIs are escaped as the grammar asks") {
    using irkg::exporter::ntriples_iri;
    using irkg::exporter::ntriples_literal;
    CHECK(ntriples_literal("plain") == "\"plain\"");
    CHECK(ntriples_literal("a \"q\" \\ b") == "\"a \\\"q\\\" \\\\ b\"");
    CHECK(ntriples_literal("line\nbreak\rreturn") == "\"line\\nbreak\\rreturn\"");
    CHECK(ntriples_literal("tab\tbell\x07nul" + std::string(1, '\0') + "del\x7f") ==
          "\"tab\\u0009bell\\u0007nul\\u0000del\\u007F\"");
    CHECK(ntriples_literal("c1 \xC2\x85 ls \xE2\x80\xA8") == "\"c1 \\u0085 ls \\u2028\"");
    CHECK(ntriples_literal("<b>&amp;</b>") == "\"<b>&amp;</b>\"");  // no markup escaping in N-Triples
    CHECK(ntriples_literal("emoji \xF0\x9F\x98\x80 rtl \xD9\x85\xD8\xB1 \xD7\xA9") ==
          "\"emoji \xF0\x9F\x98\x80 rtl \xD9\x85\xD8\xB1 \xD7\xA9\"");
    CHECK(ntriples_literal("bad \xC3\x28 end") == "\"bad \xEF\xBF\xBD( end\"");

    CHECK(ntriples_iri("https://w3id.org/irkg/rel#meets") == "<https://w3id.org/irkg/rel#meets>");
    CHECK(ntriples_iri("http://x/a b<c>\"{d}|^`\\\n") == "<http://x/a%20b%3Cc%3E%22%7Bd%7D%7C%5E%60%5C%0A>");
    CHECK(ntriples_iri("http://x/\xC3\xA9") == "<http://x/\xC3\xA9>");  // IRIs may hold non-ASCII characters
}

TEST_CASE("article graph IRIs percent-encode everything but unreserved characters, one-to-one") {
    using irkg::exporter::article_graph_iri;
    CHECK(article_graph_iri("blinken-china-visit") == "https://w3id.org/irkg/article/blinken-china-visit");
    CHECK(article_graph_iri("reuters/2024 <1>") == "https://w3id.org/irkg/article/reuters%2F2024%20%3C1%3E");
    CHECK(article_graph_iri("caf\xC3\xA9") == "https://w3id.org/irkg/article/caf%C3%A9");
    CHECK(article_graph_iri("50%") == "https://w3id.org/irkg/article/50%25");
    CHECK(article_graph_iri("a/b") != article_graph_iri("a%2Fb"));
}

TEST_CASE("xsd:double values take JSON-LD's canonical form") {
    using irkg::exporter::xsd_double;
    CHECK(xsd_double(0.85) == "8.5E-1");
    CHECK(xsd_double(1.0) == "1.0E0");
    CHECK(xsd_double(-2.0) == "-2.0E0");
    CHECK(xsd_double(0.0) == "0.0E0");
    CHECK(xsd_double(1.9) == "1.9E0");
    CHECK(xsd_double(123456.789) == "1.23456789E5");
    CHECK(xsd_double(1e-7) == "1.0E-7");
    CHECK(xsd_double(1e21) == "1.0E21");
    CHECK(xsd_double(0.1 + 0.2) == "3.0000000000000004E-1");  // shortest round trip, nothing lost
}

TEST_CASE("N-Quads: the direct triple sits in the graph of each article that supports it") {
    const std::string text = nquads(irkg::test::blinken_graph());
    // Blinken meets Wang Yi: read in two articles, so in both graphs; symmetric, so both directions.
    CHECK(has_line(text, k_blinken + " " + k_meets + " " + k_wang + " " + k_visit_graph + " ."));
    CHECK(has_line(text, k_blinken + " " + k_meets + " " + k_wang + " " + k_other_graph + " ."));
    CHECK(has_line(text, k_wang + " " + k_meets + " " + k_blinken + " " + k_other_graph + " ."));
    // Blinken visits China: one article, one direction, never in the default graph.
    const std::string visits = k_blinken + " <https://w3id.org/irkg/rel#visits> " + k_china;
    CHECK(has_line(text, visits + " " + k_visit_graph + " ."));
    CHECK_FALSE(has_line(text, visits + " ."));
    CHECK_FALSE(has_line(text, visits + " " + k_other_graph + " ."));
    CHECK_FALSE(
        has_line(text, k_china + " <https://w3id.org/irkg/rel#visits> " + k_blinken + " " + k_visit_graph + " ."));
}

TEST_CASE("N-Quads: aggregate statements and entities in the default graph, typed literals") {
    const std::string text = nquads(irkg::test::blinken_graph());
    CHECK(has_line(text, k_meets_statement + " <http://purl.org/dc/terms/date> \"2024-04-24\"^^<" + k_xsd + "date> ."));
    CHECK(has_line(
        text, k_meets_statement + " <https://w3id.org/irkg/vocab#lastDate> \"2024-04-26\"^^<" + k_xsd + "date> ."));
    CHECK(has_line(text, k_meets_statement + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                                             "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> ."));
    CHECK(has_line(text,
                   k_meets_statement + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> " + k_blinken + " ."));
    CHECK(has_line(text,
                   k_meets_statement + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> " + k_meets + " ."));
    CHECK(has_line(
        text, k_meets_statement + " <https://w3id.org/irkg/vocab#confidence> \"8.5E-1\"^^<" + k_xsd + "double> ."));
    CHECK(has_line(text,
                   k_meets_statement + " <https://w3id.org/irkg/vocab#goldstein> \"1.0E0\"^^<" + k_xsd + "double> ."));
    CHECK(has_line(text, k_meets_statement + " <https://w3id.org/irkg/vocab#weight> \"2\"^^<" + k_xsd + "integer> ."));
    CHECK(has_line(text,
                   k_meets_statement + " <https://w3id.org/irkg/vocab#symmetric> \"true\"^^<" + k_xsd + "boolean> ."));
    CHECK(has_line(text, k_meets_statement + " <https://w3id.org/irkg/vocab#category> \"CONSULT\" ."));
    CHECK(has_line(text, k_meets_statement + " <https://w3id.org/irkg/vocab#modalities> \"planned\" ."));

    CHECK(
        has_line(text, k_blinken + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Person> ."));
    CHECK(has_line(text, k_blinken + " <https://schema.org/name> \"Antony Blinken\" ."));
    CHECK(has_line(text, k_blinken + " <https://schema.org/alternateName> \"Blinken\" ."));
    CHECK(has_line(text, k_blinken + " <https://w3id.org/irkg/vocab#country> \"USA\" ."));
    CHECK(has_line(text, k_blinken + " <https://w3id.org/irkg/vocab#id> \"person:antony-blinken\" ."));
    CHECK(
        has_line(text, k_china + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Country> ."));
    // NATO has no country and no alias: no such statements.
    const std::string nato = "<https://w3id.org/irkg/entity/org/nato>";
    CHECK(has_line(text, nato + " <https://w3id.org/irkg/vocab#entityType> \"organization\" ."));
    CHECK(text.find(nato + " <https://w3id.org/irkg/vocab#country>") == std::string::npos);
    CHECK(text.find(nato + " <https://schema.org/alternateName>") == std::string::npos);
}

TEST_CASE("N-Quads: each mention's evidence node lives in its article's graph") {
    const std::string text = nquads(irkg::test::blinken_graph());
    // Blank nodes count mentions in sorted_edges() order: accuses (_:e0), then meets (_:e1, _:e2).
    CHECK(
        has_line(text, k_meets_statement + " <http://www.w3.org/ns/prov#wasDerivedFrom> _:e1 " + k_visit_graph + " ."));
    CHECK(
        has_line(text, k_meets_statement + " <http://www.w3.org/ns/prov#wasDerivedFrom> _:e2 " + k_other_graph + " ."));
    CHECK(
        has_line(text, "_:e1 <https://w3id.org/irkg/vocab#document> \"blinken-china-visit\" " + k_visit_graph + " ."));
    CHECK(has_line(
        text, "_:e1 <https://w3id.org/irkg/vocab#sentence> \"1\"^^<" + k_xsd + "integer> " + k_visit_graph + " ."));
    CHECK(has_line(text,
                   "_:e1 <https://w3id.org/irkg/vocab#begin> \"220\"^^<" + k_xsd + "integer> " + k_visit_graph + " ."));
    CHECK(has_line(text, "_:e1 <https://w3id.org/irkg/vocab#confidence> \"8.0E-1\"^^<" + k_xsd + "double> " +
                             k_visit_graph + " ."));
    CHECK(has_line(text, "_:e2 <https://w3id.org/irkg/vocab#startDate> \"2024-04-26\"^^<" + k_xsd + "date> " +
                             k_other_graph + " ."));
    CHECK(has_line(
        text, "_:e2 <https://w3id.org/irkg/vocab#text> \"Blinken met Wang Yi in Beijing.\" " + k_other_graph + " ."));
    CHECK(text.find("_:e2 <https://w3id.org/irkg/vocab#endDate>") == std::string::npos);  // no end date
    // Sentence text with quotes and markup.
    CHECK(has_line(text,
                   "_:e0 <https://w3id.org/irkg/vocab#text> \"China accused the US of \\\"reckless\\\" <acts> & "
                   "'threats'.\" " +
                       k_visit_graph + " ."));

    // Evidence and direct triples only in article graphs; the rest only in the default graph.
    std::set<std::string> graphs;
    for (const auto& line : lines(text)) {
        const std::string g = graph_of(line);
        graphs.insert(g);
        INFO(line);
        const bool evidence =
            line.starts_with("_:") || line.find("prov#wasDerivedFrom") != std::string::npos ||
            (line.find("/rel#") != std::string::npos && !line.starts_with("<https://w3id.org/irkg/statement/"));
        CHECK(evidence == !g.empty());
    }
    CHECK(graphs == std::set<std::string>{"", k_visit_graph, k_other_graph});
}

TEST_CASE("N-Quads: sorted by graph then bytes, every line a complete statement") {
    const std::string text = nquads(irkg::test::blinken_graph());
    REQUIRE_FALSE(text.empty());
    CHECK(text.back() == '\n');
    const auto all = lines(text);
    CHECK(graph_of(all.front()).empty());
    for (std::size_t i = 1; i < all.size(); ++i) {
        INFO(all[i - 1] << "\n" << all[i]);
        const auto key = [](const std::string& line) {
            const std::string g = graph_of(line);
            return std::make_pair(g, line);
        };
        CHECK(key(all[i - 1]) < key(all[i]));  // strictly: no duplicate
        CHECK(all[i].ends_with(" ."));
    }
}

TEST_CASE("N-Quads and N-Triples are deterministic") {
    const auto g = irkg::test::blinken_graph();
    CHECK(nquads(g) == nquads(g));
    CHECK(nquads(g) == nquads(irkg::test::blinken_graph()));
    CHECK(ntriples(g) == ntriples(irkg::test::blinken_graph()));
    auto copy = g;
    copy.merge(g);  // idempotent merge: same graph, same bytes
    CHECK(nquads(copy) == nquads(g));
}

TEST_CASE("N-Triples: the union of the N-Quads graphs, no graph term, no duplicates") {
    const auto g = irkg::test::blinken_graph();
    const std::string quads = nquads(g), triples = ntriples(g);
    std::set<std::string> expected;
    std::size_t quad_lines = 0;
    for (const auto& line : lines(quads)) {
        ++quad_lines;
        const std::string graph = graph_of(line);
        expected.insert(graph.empty() ? line : line.substr(0, line.size() - graph.size() - 3) + " .");
    }
    const auto all = lines(triples);
    CHECK(std::set<std::string>(all.begin(), all.end()) == expected);
    CHECK(all.size() == expected.size());  // each triple once
    CHECK(all.size() < quad_lines);        // the meets triple was in two graphs
    CHECK(std::is_sorted(all.begin(), all.end()));
    CHECK(triples.find("/article/") == std::string::npos);
    CHECK(std::count(all.begin(), all.end(), k_blinken + " " + k_meets + " " + k_wang + " .") == 1);
    CHECK(has_line(triples,
                   k_meets_statement + " <http://purl.org/dc/terms/date> \"2024-04-24\"^^<" + k_xsd + "date> ."));
}

TEST_CASE("N-Quads: hostile text is escaped, valid UTF-8 and stays on its line") {
    const std::string label =
        "Say \"hi\" \\ back\nnew <tag> \xF0\x9F\x98\x80 \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 "
        "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \x01\x1f\r end";
    const std::string escaped =
        "\"Say \\\"hi\\\" \\\\ back\\nnew <tag> \xF0\x9F\x98\x80 "
        "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D "
        "\\u0001\\u001F\\r end\"";
    const std::string text = nquads(graph_with(label, "wire/2024 <a>"));
    CHECK(has_line(text, "<https://w3id.org/irkg/entity/person/x> <https://schema.org/name> " + escaped + " ."));
    CHECK(has_line(text,
                   "_:e0 <https://w3id.org/irkg/vocab#document> \"wire/2024 <a>\" "
                   "<https://w3id.org/irkg/article/wire%2F2024%20%3Ca%3E> ."));

    const std::string hostile = nquads(graph_with(irkg::test::hostile_text(), irkg::test::hostile_text()));
    for (const auto& output : {text, hostile, ntriples(graph_with(irkg::test::hostile_text(), "d"))}) {
        CHECK(irkg::exporter::is_valid_utf8(output));
        for (const auto& line : lines(output)) {
            INFO(line);
            CHECK(line.ends_with(" ."));
            CHECK(std::none_of(line.begin(), line.end(), [](char c) {
                const auto u = static_cast<unsigned char>(c);
                return u < 0x20 || u == 0x7F;
            }));
        }
    }
    CHECK(hostile.find("bad \xEF\xBF\xBD( end") != std::string::npos);  // ill-formed UTF-8 became U+FFFD
}

TEST_CASE("N-Quads: a mention without a document and a non-finite number") {
    auto g = graph_with("X", "");
    const std::string text = nquads(g);
    for (const auto& line : lines(text)) CHECK(graph_of(line).empty());
    CHECK(
        has_line(text, "<https://w3id.org/irkg/entity/person/x> <https://w3id.org/irkg/rel#accuses> " + k_wang + " ."));

    irkg::graph::KnowledgeGraph bad;
    const auto a = bad.add_entity(irkg::test::china());
    const auto b = bad.add_entity(irkg::test::usa());
    bad.add_mention(a, irkg::test::accuses(), b,
                    irkg::test::mention("d", 0, "t", 0, 1, irkg::graph::Modality::asserted, {},
                                        std::numeric_limits<double>::quiet_NaN()));
    std::ostringstream out;
    CHECK_THROWS_WITH_AS(NquadsWriter(k_options).write(bad, out), doctest::Contains("not a finite number"),
                         irkg::input_error);
}

TEST_CASE("N-Quads: the context must be irkg's") {
    CHECK_THROWS_AS(NquadsWriter(WriterOptions{"/nonexistent-irkg-schemas"}), irkg::lexicon_error);
    const irkg::test::TempDir dir("nquads");
    irkg::test::write_file(dir / "context.jsonld",
                           R"({"@context": {"irkg": "https://w3id.org/irkg/vocab#", "rel": "urn:rel:"}})");
    CHECK_THROWS_WITH_AS(NquadsWriter(WriterOptions{dir.path()}), doctest::Contains("term \"ent\" is missing"),
                         irkg::lexicon_error);
    irkg::test::write_file(dir / "context.jsonld", R"({"@context": {"irkg": "urn:other#"}})");
    CHECK_THROWS_WITH_AS(NquadsWriter(WriterOptions{dir.path()}), doctest::Contains("/@context/irkg"),
                         irkg::lexicon_error);
}

TEST_CASE("the registry offers nquads (.nq) and ntriples (.nt)") {
    using namespace irkg::exporter;
    CHECK(format_for_path("graph.nq").name == "nquads");
    CHECK(format_for_path("GRAPH.NT").name == "ntriples");
    CHECK(dynamic_cast<NquadsWriter*>(make_writer("nquads", k_options).get()) != nullptr);
    CHECK(dynamic_cast<NtriplesWriter*>(make_writer("ntriples", k_options).get()) != nullptr);

    const irkg::test::TempDir dir("nquads-registry");
    const auto g = irkg::test::blinken_graph();
    write_graph(g, dir / "g.nq", "", k_options);
    write_graph(g, dir / "g.nt", "", k_options);
    CHECK(irkg::test::read_file(dir / "g.nq") == nquads(g));
    CHECK(irkg::test::read_file(dir / "g.nt") == ntriples(g));
}
