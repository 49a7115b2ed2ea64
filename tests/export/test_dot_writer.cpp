#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>

#include "export/dot_writer.hpp"
#include "export/registry.hpp"
#include "graph/errors.hpp"
#include "sample_graph.hpp"
#include "temp_dir.hpp"

using irkg::exporter::dot_quoted;
using irkg::exporter::DotText;
using irkg::exporter::DotWriter;

namespace {

std::string dot(const irkg::graph::KnowledgeGraph& g) {
    std::ostringstream out;
    DotWriter().write(g, out);
    return out.str();
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::size_t count(const std::string& text, std::string_view part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
    return n;
}

/// The Blinken graph plus an entity whose label is hostile_text(), which accuses China.
irkg::graph::KnowledgeGraph hostile_graph() {
    auto g = irkg::test::blinken_graph();
    const auto odd = g.add_entity(
        irkg::test::entity("other:odd&\"id\"", irkg::test::hostile_text(), irkg::graph::EntityType::other, "X&Y"));
    g.add_mention(odd, irkg::test::accuses(), *g.find("country:CHN"),
                  irkg::test::mention("doc", 0, "text", 0, 4, irkg::graph::Modality::asserted, {}, 0.5));
    return g;
}

// What hostile_text() becomes in a DOT label: & as &amp;, quotes escaped, tab a space, CR and LF \n,
// the control characters gone, emoji and right-to-left script kept, the ill-formed byte U+FFFD.
const std::string k_hostile_label =
    "\"A &amp; B <b>\\\"quoted\\\"</b> 'single' tab here\\nnew\\nline  bell "
    "emoji \xF0\x9F\x98\x80 arabic \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 hebrew \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D "
    "bad \xEF\xBF\xBD( end\"";

/// Runs Graphviz's `dot -T<format>` on `text`; the output, or nullopt when Graphviz is not installed.
std::optional<std::string> graphviz(const std::string& text, const std::string& format, int& status) {
    if (std::system("command -v dot >/dev/null 2>&1") != 0) return std::nullopt;
    irkg::test::TempDir dir("dot");
    irkg::test::write_file(dir / "graph.dot", text);
    status = std::system(("dot -T" + format + " -o '" + (dir / "out").string() + "' '" + (dir / "graph.dot").string() +
                          "' 2>'" + (dir / "err").string() + "'")
                             .c_str());
    return irkg::test::read_file(dir / "out") + irkg::test::read_file(dir / "err");
}

}  // namespace

TEST_CASE("DOT: a digraph with graph, node and edge defaults for a readable picture") {
    const std::string text = dot(irkg::test::blinken_graph());
    CHECK(text.starts_with(
        "digraph irkg {\n"
        "  graph [overlap=false, splines=true, outputorder=edgesfirst, sep=\"+6\", pad=0.3, "
        "fontname=\"Helvetica,Arial,sans-serif\"];\n"
        "  node [shape=ellipse, style=filled, color=\"#ffffff\", fontname=\"Helvetica,Arial,sans-serif\"];\n"
        "  edge [fontname=\"Helvetica,Arial,sans-serif\", fontsize=8, fontcolor=\"#404040\", arrowsize=0.7];\n"));
    CHECK(text.ends_with("];\n}\n"));
}

TEST_CASE("DOT nodes: quoted id, label, fill colour by type, size by weighted degree, tooltip") {
    const std::string text = dot(irkg::test::blinken_graph());
    CHECK(count(text, "fillcolor=") == 5);
    // Blinken: 4 mentions on his edges (meets 2, visits 1, member-of 1), so sqrt = 2.
    CHECK(contains(text,
                   "  \"person:antony-blinken\" [label=\"Antony Blinken\", fillcolor=\"#ff7f0e\", fontsize=14.00, "
                   "width=0.90, tooltip=\"person:antony-blinken\\ntype: person\\ncountry: USA\"];\n"));
    CHECK(contains(text,
                   "  \"person:wang-yi\" [label=\"Wang Yi\", fillcolor=\"#ff7f0e\", fontsize=12.83, width=0.81, "
                   "tooltip=\"person:wang-yi\\ntype: person\\ncountry: CHN\"];\n"));
    CHECK(contains(text, "  \"country:CHN\" [label=\"China\", fillcolor=\"#1f77b4\", fontsize=12.83, width=0.81,"));
    // NATO: no relation, smallest size; no country, so none in the tooltip.
    CHECK(contains(text,
                   "  \"org:nato\" [label=\"NATO\", fillcolor=\"#2ca02c\", fontsize=10.00, width=0.60, "
                   "tooltip=\"org:nato\\ntype: organization\"];\n"));
}

TEST_CASE("DOT edges: predicate label, Goldstein colour, penwidth by mentions, dir=none when symmetric") {
    const std::string text = dot(irkg::test::blinken_graph());
    CHECK(count(text, " -> ") == 4);
    // meets is symmetric, Goldstein +1 (a little green), 2 mentions.
    CHECK(contains(text,
                   "  \"person:antony-blinken\" -> \"person:wang-yi\" [label=\"meets\", color=\"#94a094\", "
                   "penwidth=2.00, dir=none, tooltip=\"meets, 2024-04-24 to 2024-04-26, 2 mentions\"];\n"));
    // accuses: directed, Goldstein -2 (a little red), undated.
    CHECK(contains(text,
                   "  \"country:CHN\" -> \"country:USA\" [label=\"accuses\", color=\"#ab8888\", penwidth=1.00, "
                   "tooltip=\"accuses, undated, 1 mention\"];\n"));
    CHECK(contains(text,
                   "  \"person:antony-blinken\" -> \"country:CHN\" [label=\"visits\", color=\"#8aa08a\", "
                   "penwidth=1.00, tooltip=\"visits, 2024-04-22 to 2024-04-28, 1 mention\"];\n"));
    CHECK(count(text, "dir=none") == 1);
}

TEST_CASE("DOT: nodes sorted by id, then edges by (source, predicate, target)") {
    const std::string text = dot(irkg::test::blinken_graph());
    const auto at = [&](std::string_view line) {
        const auto pos = text.find(line);
        REQUIRE_MESSAGE(pos != std::string::npos, line);
        return pos;
    };
    CHECK(at("  \"country:CHN\" [") < at("  \"country:USA\" ["));
    CHECK(at("  \"country:USA\" [") < at("  \"org:nato\" ["));
    CHECK(at("  \"org:nato\" [") < at("  \"person:antony-blinken\" ["));
    CHECK(at("  \"person:wang-yi\" [") < at("  \"country:CHN\" -> "));
    CHECK(at("  \"country:CHN\" -> \"country:USA\"") < at("  \"person:antony-blinken\" -> \"country:USA\""));
    CHECK(at("  \"person:antony-blinken\" -> \"person:wang-yi\" [label=\"meets\"") <
          at("  \"person:antony-blinken\" -> \"country:USA\" [label=\"member-of\""));
    CHECK(at("  \"person:antony-blinken\" -> \"country:USA\" [label=\"member-of\"") <
          at("  \"person:antony-blinken\" -> \"country:CHN\" [label=\"visits\""));
}

TEST_CASE("DOT quoting: quotes, backslashes, line breaks, markup, emoji, right-to-left text, control characters") {
    CHECK(dot_quoted("plain") == "\"plain\"");
    CHECK(dot_quoted("say \"hi\"") == "\"say \\\"hi\\\"\"");
    CHECK(dot_quoted("C:\\path\\N") == "\"C:\\\\path\\\\N\"");  // \N would otherwise be the node name
    CHECK(dot_quoted("trailing\\") == "\"trailing\\\\\"");      // must not escape the closing quote
    CHECK(dot_quoted("one\ntwo\r\nthree\rfour") == "\"one\\ntwo\\nthree\\nfour\"");
    CHECK(dot_quoted("<b>&lt;</b>") == "\"<b>&amp;lt;</b>\"");  // shown as typed, not decoded to "<"
    CHECK(dot_quoted("AT&T", DotText::id) == "\"AT&T\"");       // an id stays what the other exports say
    CHECK(dot_quoted(std::string("a\x01\x1f\x7f") + "b\xC2\x85" + "c") == "\"abc\"");  // C0, DEL, C1 (NEL) dropped
    CHECK(dot_quoted("\xF0\x9F\x98\x80 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D") ==
          "\"\xF0\x9F\x98\x80 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\"");
    CHECK(dot_quoted("bad \xC3\x28") == "\"bad \xEF\xBF\xBD(\"");
    CHECK(dot_quoted(irkg::test::hostile_text()) == k_hostile_label);
}

TEST_CASE("DOT of hostile text: the label line, no raw control character, quotes balanced") {
    const std::string text = dot(hostile_graph());
    CHECK(contains(text, "  \"other:odd&\\\"id\\\"\" [label=" + k_hostile_label + ", fillcolor=\"#7f7f7f\","));
    CHECK(contains(text, "country: X&amp;Y\"];\n"));
    CHECK(contains(text, "  \"other:odd&\\\"id\\\"\" -> \"country:CHN\" [label=\"accuses\""));
    for (char c = 0; c < 0x20; ++c)
        if (c != '\n') CHECK_MESSAGE(text.find(c) == std::string::npos, "control character ", int(c));
    // Every line is one statement: quotes pair up once escaped ones are left out.
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        std::size_t quotes = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line[i] == '\\')
                ++i;
            else if (line[i] == '"')
                ++quotes;
        }
        CHECK_MESSAGE(quotes % 2 == 0, line);
    }
}

TEST_CASE("DOT is the same bytes for the same graph, whatever the insertion order") {
    irkg::graph::KnowledgeGraph forward = irkg::test::blinken_graph();
    irkg::graph::KnowledgeGraph backward;
    backward.add_entity(irkg::test::entity("org:nato", "NATO", irkg::graph::EntityType::organization, ""));
    backward.merge(forward);
    CHECK(dot(forward) == dot(backward));
    CHECK(dot(hostile_graph()) == dot(hostile_graph()));
    CHECK(dot(irkg::graph::KnowledgeGraph{}) ==
          dot(irkg::graph::KnowledgeGraph{}));  // an empty graph is still a digraph
    CHECK(dot(irkg::graph::KnowledgeGraph{}).ends_with("arrowsize=0.7];\n}\n"));
}

TEST_CASE("DOT refuses a non-finite Goldstein score") {
    irkg::graph::KnowledgeGraph g;
    const auto a = g.add_entity(irkg::test::blinken());
    const auto b = g.add_entity(irkg::test::china());
    irkg::graph::RelationType odd = irkg::test::visits();
    odd.goldstein = std::nan("");
    g.add_mention(a, odd, b, irkg::test::mention("d", 0, "t", 0, 1, irkg::graph::Modality::asserted, {}, 1.0));
    std::ostringstream out;
    CHECK_THROWS_AS(DotWriter().write(g, out), irkg::input_error);
}

TEST_CASE("DOT is registered as dot, for .dot and .gv") {
    CHECK(irkg::exporter::format_named("dot").name == "dot");
    CHECK(irkg::exporter::format_for_path("graph.dot").name == "dot");
    CHECK(irkg::exporter::format_for_path("Graph.GV").name == "dot");
    CHECK(dynamic_cast<DotWriter*>(irkg::exporter::make_writer("dot", {}).get()) != nullptr);
}

TEST_CASE("Graphviz reads the DOT and draws the hostile label as it was (dot -Tsvg)") {
    int status = 0;
    const auto svg = graphviz(dot(hostile_graph()), "svg", status);
    if (!svg) {
        MESSAGE("skipped: Graphviz (dot) is not installed");
        return;
    }
    CHECK(status == 0);
    CHECK(contains(*svg, ">Antony Blinken</text>"));
    CHECK(contains(*svg, ">Wang Yi</text>"));
    // One <text> per label line, with the markup and quotes XML-escaped by Graphviz, never decoded.
    CHECK(contains(*svg, ">A &amp; B &lt;b&gt;&quot;quoted&quot;&lt;/b&gt; &#39;single&#39; tab here</text>"));
    CHECK(contains(*svg, "emoji \xF0\x9F\x98\x80 arabic \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 hebrew"));
    CHECK_FALSE(contains(*svg, "Warning"));
    CHECK_FALSE(contains(*svg, "Error"));
    // And the check is real: Graphviz rejects a broken file.
    int broken = 0;
    graphviz("digraph irkg { \"a\" -> ; }", "svg", broken);
    CHECK(broken != 0);
}
