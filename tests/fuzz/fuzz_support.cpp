#include "fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <system_error>

#include <unistd.h>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "graph/errors.hpp"
#include "graph/json_file.hpp"

namespace irkg::fuzz {

namespace {

/// One directory per process, so parallel fuzzing jobs (-jobs) never share a file.
class ScratchDir {
public:
    ScratchDir()
        : path_(std::filesystem::temp_directory_path() / ("irkg-fuzz-" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(path_);
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

/// The actors of irkg's lexicons every loader target starts with: the states, persons and
/// organisations the seeds name, and what their part_of and titles refer to.
constexpr std::string_view base_actor_ids[] = {
    "country:USA", "country:CHN", "country:PRK", "country:RUS", "country:IRN", "country:UKR", "country:FRA",
    "person:antony-blinken", "person:wang-yi", "person:xi-jinping", "person:kim-jong-un", "org:un", "org:nato",
};

/// The base actors, copied from schemas/lexicon/actors/ into one scratch file in the actor format.
const std::filesystem::path& base_actor_file() {
    static const std::filesystem::path path = [] {
        rapidjson::Document out(rapidjson::kObjectType);
        rapidjson::Value actors(rapidjson::kArrayType);
        for (const char* file : {"states.json", "persons.json", "organizations.json"}) {
            auto doc = graph::read_json_file<lexicon_error>(k_schema_dir / "lexicon" / "actors" / file);
            for (auto& a : doc["actors"].GetArray())
                for (auto id : base_actor_ids)
                    if (graph::get_string(a, "id") == id) actors.PushBack(rapidjson::Value(a, out.GetAllocator()), out.GetAllocator());
        }
        check(actors.Size() == std::size(base_actor_ids), "a base actor is missing from schemas/lexicon/actors/");
        out.AddMember("actors", actors, out.GetAllocator());
        rapidjson::StringBuffer text;
        rapidjson::Writer<rapidjson::StringBuffer> writer(text);
        out.Accept(writer);
        return scratch_file("base-actors.json", {text.GetString(), text.GetSize()});
    }();
    return path;
}

}  // namespace

const graph::Ontology& ontology() {
    static const graph::Ontology o =
        graph::Ontology::load(k_schema_dir / "relations.json", k_schema_dir / "relations.schema.json");
    return o;
}

ingest::Lexicon base_lexicon() {
    // The tokenizer decides how every name is split: irkg's own, from its whole lexicon, once.
    static const ingest::Tokenizer tokenizer = ingest::Lexicon::load({k_schema_dir, {}}, ontology()).tokenizer;
    ingest::Lexicon lex;
    lex.tokenizer = tokenizer;
    lex.load_actor_file(base_actor_file(), k_schema_dir / "actors.schema.json");
    return lex;
}

std::filesystem::path scratch_file(std::string_view name, std::string_view bytes) {
    static const ScratchDir dir;
    const std::filesystem::path path = dir.path() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    check(static_cast<bool>(out), "cannot write the scratch file (is TMPDIR writable?)");
    return path;
}

void check(bool condition, const char* what) {
    if (condition) return;
    std::fprintf(stderr, "irkg fuzz: contract broken: %s\n", what);
    std::abort();
}

}  // namespace irkg::fuzz
