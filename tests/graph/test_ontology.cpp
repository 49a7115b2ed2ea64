#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "graph/errors.hpp"
#include "graph/ontology.hpp"

namespace fs = std::filesystem;
using irkg::graph::Ontology;

namespace {

const fs::path k_schema_dir = IRKG_SCHEMA_DIR;
const fs::path k_relations = k_schema_dir / "relations.json";
const fs::path k_schema = k_schema_dir / "relations.schema.json";

/// A file in a fresh temporary directory, removed with it.
class TempFile {
public:
    TempFile(const std::string& name, const std::string& content)
        : dir_(fs::temp_directory_path() / ("irkg-test-ontology-" + std::to_string(::getpid()) + "-" + name)) {
        fs::create_directories(dir_);
        path_ = dir_ / name;
        std::ofstream(path_, std::ios::binary) << content;
    }
    ~TempFile() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path dir_;
    fs::path path_;
};

/// The message of the lexicon_error that loading `file` throws; fails the test when none is thrown.
std::string load_error(const fs::path& file) {
    try {
        Ontology::load(file, k_schema);
    } catch (const irkg::lexicon_error& e) {
        return e.what();
    }
    FAIL("no lexicon_error for " << file);
    return {};
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

const std::string k_meets =
    R"({"predicate": "meets", "category": "CONSULT", "cameo": "040", "goldstein": 1.0, "symmetric": true, )"
    R"("label": "meets", "description": "Meets the object in person."})";

}  // namespace

TEST_CASE("the repository's relations.json loads and holds the predicates irkg emits") {
    const Ontology ontology = Ontology::load(k_relations, k_schema);
    CHECK(ontology.relations().size() >= 50);

    const auto* meets = ontology.find("meets");
    REQUIRE(meets != nullptr);
    CHECK(meets->category == "CONSULT");
    CHECK(meets->cameo == "040");
    CHECK(meets->goldstein == 1.0);
    CHECK(meets->symmetric);
    CHECK(meets->label == "meets");
    CHECK_FALSE(meets->description.empty());

    const auto* visits = ontology.find("visits");
    REQUIRE(visits != nullptr);
    CHECK_FALSE(visits->symmetric);
    CHECK(visits->mode == "visit");
    CHECK(visits->goldstein == doctest::Approx(1.9));

    CHECK(ontology.find("no-such-predicate") == nullptr);
    CHECK(&ontology.at("visits", "test") == visits);

    // Every predicate is unique and findable, and the pointers stay valid after a move.
    Ontology moved = Ontology::load(k_relations, k_schema);
    const auto* before = moved.find("meets");
    Ontology target = std::move(moved);
    CHECK(target.find("meets") == before);
    for (const auto& relation : target.relations()) CHECK(target.find(relation.predicate) == &relation);
}

TEST_CASE("Ontology::at names the place and the unknown predicate") {
    const Ontology ontology = Ontology::load(k_relations, k_schema);
    try {
        ontology.at("meets-secretly", "patterns.json: at /patterns/7");
        FAIL("no error");
    } catch (const irkg::lexicon_error& e) {
        const std::string message = e.what();
        CHECK(contains(message, "patterns.json: at /patterns/7"));
        CHECK(contains(message, "\"meets-secretly\""));
    }
}

TEST_CASE("a broken relations file is rejected with the file and the entry named") {
    SUBCASE("a schema violation names the JSON pointer and the predicate") {
        const TempFile file("relations.json", R"({"relations": [)" + k_meets +
                                                  R"(, {"predicate": "scolds", "category": "ACCUSE", "cameo": "112",
                                                     "goldstein": 42, "symmetric": false, "description": "x"}]})");
        const std::string message = load_error(file.path());
        CHECK(contains(message, file.path().string()));
        CHECK(contains(message, "/relations/1"));
        CHECK(contains(message, "\"scolds\""));
        CHECK(contains(message, "maximum"));
        CHECK(contains(message, "relations.schema.json"));
    }
    SUBCASE("a missing required field") {
        const TempFile file("relations.json",
                            R"({"relations": [{"predicate": "scolds", "category": "ACCUSE", "cameo": "112",
                                "symmetric": false, "description": "x"}]})");
        const std::string message = load_error(file.path());
        CHECK(contains(message, file.path().string()));
        CHECK(contains(message, "/relations/0"));
        CHECK(contains(message, "\"scolds\""));
        CHECK(contains(message, "rule \"required\"; missing \"goldstein\""));
    }
    SUBCASE("a predicate defined twice") {
        const TempFile file("relations.json", R"({"relations": [)" + k_meets + ", " + k_meets + "]}");
        const std::string message = load_error(file.path());
        CHECK(contains(message, file.path().string()));
        CHECK(contains(message, "/relations/1"));
        CHECK(contains(message, "\"meets\" is defined twice"));
    }
    SUBCASE("text that is not JSON names line and column") {
        const TempFile file("relations.json", "{\"relations\": [\n  " + k_meets + ",\n  oops\n]}");
        const std::string message = load_error(file.path());
        CHECK(contains(message, file.path().string()));
        CHECK(contains(message, "line 3, column 3"));
        CHECK(contains(message, "invalid JSON"));
    }
    SUBCASE("a missing file") {
        const fs::path missing = fs::temp_directory_path() / "irkg-no-such-dir" / "relations.json";
        const std::string message = load_error(missing);
        CHECK(contains(message, missing.string()));
        CHECK(contains(message, "cannot open"));
    }
}
