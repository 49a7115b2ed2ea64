// The path command end to end on a hand-built graph written as JSON-LD: output against golden files
// (tests/cli/data/path-*.{txt,json}; IRKG_UPDATE_GOLDEN=1 rewrites them), JSON against
// schemas/path-result.schema.json (RapidJSON's validator), DOT, the options' validation, and its errors.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include <unistd.h>

#include <rapidjson/document.h>

#include "cli/command_path.hpp"
#include "cli/commands.hpp"
#include "export/registry.hpp"
#include "graph/errors.hpp"
#include "graph/json_file.hpp"
#include "small_graph.hpp"

namespace fs = std::filesystem;
using Args = std::vector<std::string>;

namespace {

/// A fresh directory holding world() as world.jsonld, removed at the end.
struct WorldFile {
    fs::path dir;
    fs::path file;
    explicit WorldFile(const irkg::graph::KnowledgeGraph& graph = irkg::test::world()) {
        static int made = 0;
        dir = fs::temp_directory_path() /
              ("irkg-test-path-" + std::to_string(::getpid()) + "-" + std::to_string(++made));
        fs::create_directories(dir);
        file = dir / "world.jsonld";
        irkg::exporter::write_graph(graph, file, "", irkg::exporter::WriterOptions{IRKG_SCHEMA_DIR});
    }
    ~WorldFile() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

/// Runs `irkg path ARGS`; what it printed on stdout, and on stderr into `err_text`.
std::string run_path(Args args, std::string* err_text) {
    irkg::cli::PathCommand command;
    args.insert(args.end(), {"--schemas", IRKG_SCHEMA_DIR});
    irkg::cli::configure(command, args);
    std::ostringstream out;
    std::ostringstream err;
    command.run(out, err);
    *err_text = err.str();
    return out.str();
}

std::string run_path(Args args) {
    std::string err;
    std::string out = run_path(std::move(args), &err);
    CHECK(err.empty());
    return out;
}

std::string usage_error_of(const Args& args) {
    irkg::cli::PathCommand command;
    try {
        irkg::cli::configure(command, args);
    } catch (const irkg::usage_error& e) {
        return e.what();
    }
    FAIL("no usage_error");
    return {};
}

/// Empty when `json` matches schemas/path-result.schema.json, else the validator's message.
std::string schema_violation(const std::string& json) {
    rapidjson::Document doc;
    doc.Parse(json.data(), json.size());
    REQUIRE_FALSE(doc.HasParseError());
    try {
        irkg::graph::validate_json<irkg::input_error>(doc, "path output",
                                                      fs::path(IRKG_SCHEMA_DIR) / "path-result.schema.json");
    } catch (const irkg::input_error& e) {
        return e.what();
    }
    return {};
}

std::string query_error_of(const Args& args) {
    try {
        run_path(args);
    } catch (const irkg::query_error& e) {
        return e.what();
    }
    FAIL("no query_error");
    return {};
}

void check_golden(const std::string& actual, const std::string& name) {
    const fs::path golden = fs::path(IRKG_TEST_DATA_DIR) / name;
    if (std::getenv("IRKG_UPDATE_GOLDEN")) {
        std::ofstream(golden, std::ios::binary) << actual;
        MESSAGE("rewrote " << golden);
        return;
    }
    std::ifstream in(golden, std::ios::binary);
    REQUIRE_MESSAGE(in, "missing golden file " << golden);
    const std::string expected{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    CHECK(actual == expected);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("path text output: undirected, arrows per relation direction, evidence with article id") {
    const WorldFile world;
    const std::string text = run_path({world.file.string(), "blinken", "pyongyang"});
    CHECK(contains(text,
                   "Undirected path from Antony Blinken [person:antony-blinken] to North Korea [country:PRK]: 3 hops"));
    // One line per hop, the columns aligned.
    CHECK(contains(text, "\n1. Antony Blinken --visits-->               China\n"));
    CHECK(contains(text, "\n2. China          --supports-->             Russia\n"));
    CHECK(contains(text, "\n3. Russia         <--transfers-weapons-to-- North Korea\n"));
    CHECK(contains(text, "evidence [blinken-visit, sentence 7]: \"Pyongyang's transfers of weapons to Russia.\""));
    check_golden(text, "path-blinken-pyongyang.txt");
}

TEST_CASE("path: a symmetric relation, the most confident mention as evidence") {
    const WorldFile world;
    const std::string text = run_path({world.file.string(), "Wang", "PRC"});
    CHECK(contains(text, "1. Wang Yi        <--meets--> Antony Blinken"));
    CHECK(contains(text, "CONSULT, 2 mentions (asserted, planned), 2024-04-26"));
    CHECK(contains(text, "evidence [blinken-visit-2, sentence 2]: \"Blinken met Wang Yi in Beijing.\""));
    check_golden(text, "path-wang-prc.txt");
}

TEST_CASE("path json output has the documented keys") {
    const WorldFile world;
    const std::string json = run_path({world.file.string(), "blinken", "pyongyang", "--format", "json"});
    for (const char* key :
         {"\"directed\":false", "\"from\":{\"id\":\"person:antony-blinken\"", "\"length\":3",
          "\"direction\":\"backward\"", "\"subject\":\"country:PRK\"", "\"predicate\":\"transfers-weapons-to\"",
          "\"mentions\":1", "\"first_date\":\"2024-04-20\"", "\"evidence\":{\"doc\":\"blinken-visit\",\"sentence\":7"})
        CHECK_MESSAGE(contains(json, key), key);
    CHECK(json.back() == '\n');
    check_golden(json, "path-blinken-pyongyang.json");
}

TEST_CASE("path --directed refuses to walk a relation backwards") {
    const WorldFile world;
    const std::string text = run_path({world.file.string(), "blinken", "russia", "--directed"});
    CHECK(contains(text, "Directed path"));
    const std::string message = query_error_of({world.file.string(), "blinken", "pyongyang", "--directed"});
    CHECK(contains(message, "no directed path"));
}

TEST_CASE("path errors: no path, unknown and ambiguous names") {
    const WorldFile world;
    const std::string no_path = query_error_of({world.file.string(), "Blinken", "South Korea"});
    CHECK(contains(no_path, "no undirected path from person:antony-blinken (Antony Blinken, person) to country:KOR"));
    CHECK(contains(no_path, "reaches 5 other entities of the graph's 10"));

    const std::string unknown = query_error_of({world.file.string(), "Blinken", "Rusia"});
    CHECK(contains(unknown, "\"Rusia\""));
    CHECK(contains(unknown, "country:RUS (Russia, country)"));

    const std::string ambiguous = query_error_of({world.file.string(), "kim", "Blinken"});
    CHECK(contains(ambiguous, "ambiguous"));
    CHECK(contains(ambiguous, "person:kim-jong-un"));
    CHECK(contains(ambiguous, "person:kim-yo-jong"));
}

TEST_CASE("path: the same entity twice is a path of no hops") {
    const WorldFile world;
    CHECK(contains(run_path({world.file.string(), "PRC", "beijing"}), "to China [country:CHN]: 0 hops"));
}

TEST_CASE("path options: validated before any file is read, each error saying what would fix it") {
    const std::string g = "world.jsonld";
    CHECK(contains(usage_error_of({g, "a", "b", "--weight", "length"}),
                   "unknown --weight \"length\"; valid weights: hops, confidence, mentions, goldstein"));
    CHECK(contains(usage_error_of({g, "a", "b", "--k", "0"}), "--k 0 asks for no path"));
    CHECK(contains(usage_error_of({g, "a", "b", "--all", "--max-hops", "0"}), "--max-hops 0 allows no hop"));
    CHECK(contains(usage_error_of({g, "a", "b", "--all", "--max-paths", "0"}), "--max-paths 0 allows no path"));
    CHECK(contains(usage_error_of({g, "a", "b", "--max-hops", "3"}), "--all"));
    CHECK(contains(usage_error_of({g, "a", "b", "--all", "--k", "3"}), "--k and --all do not combine"));
    CHECK(contains(usage_error_of({g, "a", "b", "--via", "c", "--k", "3"}), "--via does not combine with --k"));
    CHECK(contains(usage_error_of({g, "a", "b", "--format", "svg"}), "valid formats: text, json, dot"));

    irkg::cli::PathCommand command;
    irkg::cli::configure(command, {g, "a", "b", "--format", "dot", "--weight", "goldstein", "--all", "--max-hops",
                                   "6", "--max-paths", "7", "--directed"});
    CHECK(command.output_format() == irkg::cli::PathCommand::OutputFormat::dot);
    const auto& o = command.search_options();
    CHECK(o.weight == irkg::graph::PathWeight::goldstein);
    CHECK(o.all);
    CHECK(o.max_hops == 6);
    CHECK(o.max_paths == 7);
    CHECK(o.directed);
    CHECK(o.k == 1);
}

TEST_CASE("path --k: the k shortest loopless paths, numbered, fewer when fewer exist") {
    const WorldFile world;
    // Blinken - Wang Yi: the direct meeting, then round by China? No: Wang Yi has no other relation.
    const std::string one = run_path({world.file.string(), "blinken", "wang", "--k", "3"});
    CHECK(contains(one, "Undirected paths from Antony Blinken [person:antony-blinken] to Wang Yi [person:wang-yi]: "
                        "1 loopless path, all there are (--k 3)"));
    CHECK(contains(one, "Path 1: 1 hop\n  1. Antony Blinken <--meets--> Wang Yi\n"));
    CHECK_FALSE(contains(one, "Path 2"));

    const std::string json = run_path({world.file.string(), "blinken", "wang", "--k", "3", "--format", "json"});
    CHECK(schema_violation(json) == "");
    for (const char* key : {"\"weight\":\"hops\"", "\"mode\":\"k-shortest\"", "\"via\":null", "\"cost\":1.0",
                            "\"truncated\":false", "\"truncated_by\":\"\"", "\"paths\":[{\"length\":1,\"cost\":1.0,",
                            "\"also\":[]"})
        CHECK_MESSAGE(contains(json, key), key);
}

TEST_CASE("path --weight: the cost in the header and per hop, and in JSON") {
    const WorldFile world;
    const std::string text = run_path({world.file.string(), "blinken", "pyongyang", "--weight", "confidence"});
    // 0.001 - ln(0.8), 0.001 - ln(0.6), 0.001 - ln(0.75): 0.224 + 0.512 + 0.289.
    CHECK(contains(text, ": 3 hops, cost 1.025 by confidence (a hop costs 0.001 - ln(mean confidence))"));
    CHECK(contains(text, "CONSULT, 1 mention (planned), 2024-04-22, cost 0.224"));
    const std::string json =
        run_path({world.file.string(), "blinken", "pyongyang", "--weight", "confidence", "--format", "json"});
    CHECK(schema_violation(json) == "");
    CHECK(contains(json, "\"weight\":\"confidence\",\"mode\":\"shortest\""));
    CHECK(contains(json, "\"length\":3,\"cost\":1.024652"));
}

TEST_CASE("path --all: every simple path up to --max-hops; the cap says so on stderr and in JSON") {
    const WorldFile world;
    const std::string text = run_path({world.file.string(), "wang", "United States", "--all", "--max-hops", "5"});
    CHECK(contains(text, "1 simple path of at most 5 hops"));
    CHECK(contains(text, "Path 1: 5 hops"));

    // The world is a tree; the US criticizing China closes a cycle: two ways from Wang Yi to Russia.
    auto cyclic = irkg::test::world();
    cyclic.add_mention(*cyclic.find("country:USA"), irkg::test::criticizes(), *cyclic.find("country:CHN"),
                       irkg::test::mention("other", 1, "The US criticized China.", "2024-04-21"));
    const WorldFile cycle(cyclic);
    const std::string both = run_path({cycle.file.string(), "wang", "russia", "--all", "--max-hops", "6"});
    CHECK(contains(both, "2 simple paths of at most 6 hops"));
    CHECK(contains(both, "Path 1: 3 hops"));
    CHECK(contains(both, "Path 2: 5 hops"));
    std::string err;
    const std::string json = run_path(
        {cycle.file.string(), "wang", "russia", "--all", "--max-hops", "6", "--max-paths", "1", "--format", "json"},
        &err);
    CHECK(contains(err, "irkg path: note: more than 1 paths of at most 6 hops exist; listed are the 1 with the fewest hops"));
    CHECK(schema_violation(json) == "");
    CHECK(contains(json, "\"mode\":\"all\""));
    CHECK(contains(json, "\"truncated\":true,\"truncated_by\":\"max-paths\""));
    CHECK(contains(json, "\"length\":3"));
    CHECK_FALSE(contains(json, "\"length\":6"));

    const std::string message = query_error_of({world.file.string(), "wang", "United States", "--all", "--max-hops", "4"});
    CHECK(contains(message, "no undirected path of at most 4 hops from person:wang-yi"));
    CHECK(contains(message, "the shortest without --via has 5"));
}

TEST_CASE("path --via: through the given actor; the same actor as an end is a usage error") {
    const WorldFile world;
    const std::string text = run_path({world.file.string(), "wang", "russia", "--via", "PRC"});
    CHECK(contains(text, "to Russia [country:RUS] via China [country:CHN]: 3 hops"));
    const std::string json = run_path({world.file.string(), "wang", "russia", "--via", "PRC", "--format", "json"});
    CHECK(schema_violation(json) == "");
    CHECK(contains(json, "\"via\":{\"id\":\"country:CHN\""));

    irkg::cli::PathCommand command;
    irkg::cli::configure(command, {world.file.string(), "wang", "russia", "--via", "wang yi", "--schemas", IRKG_SCHEMA_DIR});
    std::ostringstream out, err;
    CHECK_THROWS_WITH_AS(command.run(out, err), doctest::Contains("is person:wang-yi, the path's start"),
                         irkg::usage_error);

    // Wang Yi reaches the United States only through Russia: no loopless way on to Russia.
    const std::string crossing = query_error_of({world.file.string(), "wang", "russia", "--via", "United States"});
    CHECK(contains(crossing, "no loopless undirected path from person:wang-yi"));
    CHECK(contains(crossing, "the routes to and from United States share entities"));
    const std::string apart = query_error_of({world.file.string(), "wang", "russia", "--via", "South Korea"});
    CHECK(contains(apart, "Wang Yi reaches 5 other entities of the graph's 10, and not South Korea"));
}

TEST_CASE("path --format dot: a digraph of the path Graphviz reads") {
    const WorldFile world;
    const std::string dot = run_path({world.file.string(), "blinken", "pyongyang", "--format", "dot"});
    CHECK(dot.rfind("digraph irkg_path {\n", 0) == 0);
    CHECK(contains(dot, "label=\"Undirected path from Antony Blinken [person:antony-blinken] to North Korea "
                        "[country:PRK]: 3 hops\""));
    CHECK(contains(dot, "\"person:antony-blinken\" [label=\"Antony Blinken\""));
    CHECK(contains(dot, "\"country:PRK\" -> \"country:RUS\" [label=\"transfers-weapons-to\""));
    CHECK(contains(dot, "\"country:CHN\" -> \"country:RUS\" [label=\"supports\""));
    CHECK_FALSE(contains(dot, "country:USA"));
    CHECK(dot.substr(dot.size() - 2) == "}\n");
}

TEST_CASE("path json: the plain query matches the schema too, and the schema is no rubber stamp") {
    const WorldFile world;
    const std::string json = run_path({world.file.string(), "blinken", "pyongyang", "--format", "json"});
    CHECK(schema_violation(json) == "");
    std::string broken = json;
    broken.replace(broken.find("\"direction\":\"backward\""), 22, "\"direction\":\"sideways\"");
    CHECK(schema_violation(broken) != "");
    std::string half = run_path({world.file.string(), "blinken", "pyongyang", "--format", "json", "--k", "2"});
    half.replace(half.find(",\"paths\":"), std::string(",\"paths\":").size(), ",\"routes\":");
    CHECK(schema_violation(half) != "");
}
