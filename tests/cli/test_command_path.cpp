// The path command end to end on a hand-built graph written as JSON-LD: output against golden files
// (tests/cli/data/path-*.{txt,json}; IRKG_UPDATE_GOLDEN=1 rewrites them), and its errors.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include <unistd.h>

#include "cli/command_path.hpp"
#include "cli/commands.hpp"
#include "export/registry.hpp"
#include "graph/errors.hpp"
#include "small_graph.hpp"

namespace fs = std::filesystem;
using Args = std::vector<std::string>;

namespace {

/// A fresh directory holding world() as world.jsonld, removed at the end.
struct WorldFile {
    fs::path dir;
    fs::path file;
    WorldFile() {
        dir = fs::temp_directory_path() / ("irkg-test-path-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        file = dir / "world.jsonld";
        irkg::exporter::write_graph(irkg::test::world(), file, "", irkg::exporter::WriterOptions{IRKG_SCHEMA_DIR});
    }
    ~WorldFile() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

std::string run_path(Args args) {
    irkg::cli::PathCommand command;
    args.insert(args.end(), {"--schemas", IRKG_SCHEMA_DIR});
    irkg::cli::configure(command, args);
    std::ostringstream out;
    std::ostringstream err;
    command.run(out, err);
    CHECK(err.str().empty());
    return out.str();
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
    CHECK(contains(text, "1. Antony Blinken --visits--> China"));
    CHECK(contains(text, "2. China --supports--> Russia"));
    CHECK(contains(text, "3. Russia <--transfers-weapons-to-- North Korea"));
    CHECK(contains(text, "evidence [blinken-visit, sentence 7]: \"Pyongyang's transfers of weapons to Russia.\""));
    check_golden(text, "path-blinken-pyongyang.txt");
}

TEST_CASE("path: a symmetric relation, the most confident mention as evidence") {
    const WorldFile world;
    const std::string text = run_path({world.file.string(), "Wang", "PRC"});
    CHECK(contains(text, "1. Wang Yi <--meets--> Antony Blinken"));
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
