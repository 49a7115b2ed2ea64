#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include <unistd.h>

#include "export/graphml_writer.hpp"
#include "graph/errors.hpp"
#include "sample_graph.hpp"

using irkg::exporter::GraphmlWriter;

namespace {

std::string graphml(const irkg::graph::KnowledgeGraph& g) {
    std::ostringstream out;
    GraphmlWriter().write(g, out);
    return out.str();
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

/// The text between the first occurrence of `open` and the next `close`.
std::string element(const std::string& text, std::string_view open, std::string_view close) {
    const auto begin = text.find(open);
    REQUIRE(begin != std::string::npos);
    const auto end = text.find(close, begin);
    REQUIRE(end != std::string::npos);
    return text.substr(begin, end - begin + close.size());
}

}  // namespace

TEST_CASE("GraphML declares every key for node or edge with ids unique across both") {
    const std::string xml = graphml(irkg::test::blinken_graph());
    CHECK(xml.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""));
    for (auto key : {R"(<key id="n_label" for="node" attr.name="label" attr.type="string"/>)",
                     R"(<key id="n_type" for="node" attr.name="type" attr.type="string"/>)",
                     R"(<key id="n_country" for="node" attr.name="country" attr.type="string"/>)",
                     R"(<key id="n_aliases" for="node" attr.name="aliases" attr.type="string"/>)",
                     R"(<key id="n_r" for="node" attr.name="r" attr.type="int"/>)",
                     R"(<key id="n_g" for="node" attr.name="g" attr.type="int"/>)",
                     R"(<key id="n_b" for="node" attr.name="b" attr.type="int"/>)",
                     R"(<key id="n_size" for="node" attr.name="size" attr.type="double"/>)",
                     R"(<key id="e_label" for="edge" attr.name="label" attr.type="string"/>)",
                     R"(<key id="e_predicate" for="edge" attr.name="predicate" attr.type="string"/>)",
                     R"(<key id="e_category" for="edge" attr.name="category" attr.type="string"/>)",
                     R"(<key id="e_cameo" for="edge" attr.name="cameo" attr.type="string"/>)",
                     R"(<key id="e_goldstein" for="edge" attr.name="goldstein" attr.type="double"/>)",
                     R"(<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>)",
                     R"(<key id="e_mentions" for="edge" attr.name="mentions" attr.type="int"/>)",
                     R"(<key id="e_first_date" for="edge" attr.name="first_date" attr.type="string"/>)",
                     R"(<key id="e_last_date" for="edge" attr.name="last_date" attr.type="string"/>)",
                     R"(<key id="e_modalities" for="edge" attr.name="modalities" attr.type="string"/>)",
                     R"(<key id="e_confidence" for="edge" attr.name="confidence" attr.type="double"/>)",
                     R"(<key id="e_docs" for="edge" attr.name="docs" attr.type="string"/>)",
                     R"(<key id="e_evidence" for="edge" attr.name="evidence" attr.type="string"/>)"})
        CHECK_MESSAGE(contains(xml, key), key);
    CHECK_FALSE(contains(xml, "for=\"all\""));
    CHECK(contains(xml, "<graph id=\"G\" edgedefault=\"directed\">"));
}

TEST_CASE("GraphML nodes carry label, type, country, aliases, colour and weighted-degree size") {
    const std::string xml = graphml(irkg::test::blinken_graph());
    const std::string node = element(xml, "<node id=\"person:antony-blinken\">", "</node>");
    CHECK(contains(node, "<data key=\"n_label\">Antony Blinken</data>"));
    CHECK(contains(node, "<data key=\"n_type\">person</data>"));
    CHECK(contains(node, "<data key=\"n_country\">USA</data>"));
    CHECK(contains(node, "<data key=\"n_aliases\">Antony Blinken;Blinken;US Secretary of State Antony Blinken</data>"));
    CHECK(contains(node, "<data key=\"n_r\">255</data>"));
    CHECK(contains(node, "<data key=\"n_g\">127</data>"));
    CHECK(contains(node, "<data key=\"n_b\">14</data>"));
    // 2 mentions of meets + 1 of visits + 1 of member-of.
    CHECK(contains(node, "<data key=\"n_size\">14</data>"));

    const std::string nato = element(xml, "<node id=\"org:nato\">", "</node>");
    CHECK(contains(nato, "<data key=\"n_size\">10</data>"));
    CHECK_FALSE(contains(nato, "n_country"));  // empty values are left out, not written empty
    CHECK_FALSE(contains(nato, "n_aliases"));
    CHECK(contains(nato, "<data key=\"n_r\">44</data>"));
}

TEST_CASE("GraphML nodes and edges come in sorted order, edges with KnowledgeGraph::edge_id") {
    const std::string xml = graphml(irkg::test::blinken_graph());
    const auto pos = [&](std::string_view part) {
        const auto p = xml.find(part);
        REQUIRE_MESSAGE(p != std::string::npos, part);
        return p;
    };
    CHECK(pos("<node id=\"country:CHN\">") < pos("<node id=\"country:USA\">"));
    CHECK(pos("<node id=\"country:USA\">") < pos("<node id=\"org:nato\">"));
    CHECK(pos("<node id=\"org:nato\">") < pos("<node id=\"person:antony-blinken\">"));
    CHECK(pos("<node id=\"person:antony-blinken\">") < pos("<node id=\"person:wang-yi\">"));
    CHECK(pos("<node id=\"person:wang-yi\">") < pos("<edge "));
    CHECK(pos("id=\"country:CHN--accuses--country:USA\" source=\"country:CHN\" target=\"country:USA\"") <
          pos("id=\"person:antony-blinken--meets--person:wang-yi\" source=\"person:antony-blinken\" "
              "target=\"person:wang-yi\""));
    CHECK(pos("id=\"person:antony-blinken--meets--person:wang-yi\"") <
          pos("id=\"person:antony-blinken--member-of--country:USA\""));
    CHECK(pos("id=\"person:antony-blinken--member-of--country:USA\"") <
          pos("id=\"person:antony-blinken--visits--country:CHN\""));
}

TEST_CASE("GraphML edges carry the merged relation's attributes") {
    const std::string xml = graphml(irkg::test::blinken_graph());
    const std::string edge = element(xml, "<edge id=\"person:antony-blinken--meets--person:wang-yi\"", "</edge>");
    CHECK(contains(edge, "<data key=\"e_label\">meets</data>"));
    CHECK(contains(edge, "<data key=\"e_predicate\">meets</data>"));
    CHECK(contains(edge, "<data key=\"e_category\">CONSULT</data>"));
    CHECK(contains(edge, "<data key=\"e_cameo\">040</data>"));
    CHECK(contains(edge, "<data key=\"e_goldstein\">1</data>"));
    CHECK(contains(edge, "<data key=\"e_weight\">2</data>"));
    CHECK(contains(edge, "<data key=\"e_mentions\">2</data>"));
    CHECK(contains(edge, "<data key=\"e_first_date\">2024-04-24</data>"));
    CHECK(contains(edge, "<data key=\"e_last_date\">2024-04-26</data>"));
    CHECK(contains(edge, "<data key=\"e_modalities\">asserted;planned</data>"));
    CHECK(contains(edge, "<data key=\"e_confidence\">0.85</data>"));
    CHECK(contains(edge, "<data key=\"e_docs\">blinken-china-visit;other-article</data>"));
    // The first mention in date order is the planned talks of 2024-04-24.
    CHECK(contains(edge, "<data key=\"e_evidence\">Blinken plans to visit Shanghai"));

    const std::string accuses = element(xml, "<edge id=\"country:CHN--accuses--country:USA\"", "</edge>");
    CHECK(contains(accuses, "<data key=\"e_goldstein\">-2</data>"));
    CHECK_FALSE(contains(accuses, "e_first_date"));
    CHECK(contains(accuses,
                   "<data key=\"e_evidence\">China accused the US of &quot;reckless&quot; &lt;acts&gt; "
                   "&amp; &apos;threats&apos;.</data>"));
}

TEST_CASE("GraphML escapes markup and drops what XML 1.0 forbids") {
    irkg::graph::KnowledgeGraph g;
    auto odd = irkg::test::entity("other:odd&<\"id\">", irkg::test::hostile_text(), irkg::graph::EntityType::other, "");
    const auto a = g.add_entity(odd);
    const auto b = g.add_entity(irkg::test::china());
    g.add_mention(
        a, irkg::test::visits(), b,
        irkg::test::mention("doc<1>", 0, irkg::test::hostile_text(), 0, 5, irkg::graph::Modality::asserted, {}, 0.5));
    const std::string xml = graphml(g);
    const std::string expected_text =
        "A &amp; B &lt;b&gt;&quot;quoted&quot;&lt;/b&gt; &apos;single&apos; tab&#9;here&#10;new&#13;line  bell "
        "emoji \xF0\x9F\x98\x80 arabic \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 hebrew "
        "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D "
        "bad \xEF\xBF\xBD( end";
    CHECK(contains(xml, "<node id=\"other:odd&amp;&lt;&quot;id&quot;&gt;\">"));
    CHECK(contains(xml, "<data key=\"n_label\">" + expected_text + "</data>"));
    CHECK(contains(xml, "<data key=\"e_evidence\">" + expected_text + "</data>"));
    CHECK(contains(xml, "source=\"other:odd&amp;&lt;&quot;id&quot;&gt;\""));
    CHECK(contains(xml, "<data key=\"e_docs\">doc&lt;1&gt;</data>"));
    for (char c = 0; c < 0x20; ++c)
        if (c != '\n') CHECK_MESSAGE(xml.find(c) == std::string::npos, "control character ", int(c));
}

TEST_CASE("GraphML output is deterministic whatever the insertion order") {
    using irkg::graph::Modality;
    irkg::graph::KnowledgeGraph forward = irkg::test::blinken_graph();
    irkg::graph::KnowledgeGraph backward;
    backward.add_entity(irkg::test::entity("org:nato", "NATO", irkg::graph::EntityType::organization, ""));
    backward.merge(forward);
    CHECK(graphml(forward) == graphml(backward));
    CHECK(graphml(forward) == graphml(forward));
}

TEST_CASE("GraphML refuses a non-finite number instead of writing what readers reject") {
    irkg::graph::KnowledgeGraph g;
    const auto a = g.add_entity(irkg::test::blinken());
    const auto b = g.add_entity(irkg::test::china());
    g.add_mention(a, irkg::test::visits(), b,
                  irkg::test::mention("d", 0, "t", 0, 1, irkg::graph::Modality::asserted, {}, std::nan("")));
    std::ostringstream out;
    CHECK_THROWS_AS(GraphmlWriter().write(g, out), irkg::input_error);
}

namespace {

/// Runs xmllint --noout on `xml`; nullopt when xmllint is not installed.
std::optional<int> xmllint(const std::string& xml, const std::string& name, bool quiet = false) {
    if (std::system("command -v xmllint >/dev/null 2>&1") != 0) return std::nullopt;
    const auto path =
        std::filesystem::temp_directory_path() / ("irkg-test-" + std::to_string(::getpid()) + "-" + name + ".graphml");
    std::ofstream(path, std::ios::binary) << xml;
    const int status = std::system(("xmllint --noout '" + path.string() + "'" + (quiet ? " 2>/dev/null" : "")).c_str());
    std::filesystem::remove(path);
    return status;
}

}  // namespace

TEST_CASE("GraphML is well-formed XML for xmllint, hostile text included") {
    irkg::graph::KnowledgeGraph g = irkg::test::blinken_graph();
    const auto odd =
        g.add_entity(irkg::test::entity("other:odd", irkg::test::hostile_text(), irkg::graph::EntityType::other, "",
                                        {irkg::test::hostile_text(), "a;b"}));
    g.add_mention(odd, irkg::test::accuses(), *g.find("country:CHN"),
                  irkg::test::mention(irkg::test::hostile_text(), 0, irkg::test::hostile_text(), 0, 5,
                                      irkg::graph::Modality::speculative, {irkg::test::hostile_text(), "", ""}, 0.5));
    const auto status = xmllint(graphml(g), "hostile");
    if (!status) {
        MESSAGE("xmllint is not installed; well-formedness not checked");
        return;
    }
    CHECK(*status == 0);
    // And the check is real: a broken document fails it.
    const auto broken = xmllint("<graphml><graph></graphml>", "broken", true);
    REQUIRE(broken);
    CHECK(*broken != 0);
}

TEST_CASE("GraphML of the same graph is the same bytes, and an empty graph is still a graph") {
    const std::string first = graphml(irkg::test::blinken_graph());
    const std::string second = graphml(irkg::test::blinken_graph());
    CHECK(first == second);
    const irkg::graph::KnowledgeGraph copy = irkg::test::blinken_graph();
    CHECK(graphml(copy) == first);

    const std::string empty = graphml(irkg::graph::KnowledgeGraph{});
    CHECK(contains(empty, "<graph id=\"G\" edgedefault=\"directed\">\n  </graph>\n</graphml>\n"));
    CHECK_FALSE(contains(empty, "<node"));
}
