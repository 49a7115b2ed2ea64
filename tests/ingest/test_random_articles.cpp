// Property test of extraction on random articles (fixed seeds, so a failure reproduces): articles built
// from the lexicons' actor names and the relation patterns' trigger phrases, mixed with noise
// (punctuation runs, random Unicode, very long words, empty sentences, run-on sentences). Whatever the
// text, extraction does not throw, every triple line matches schemas/triple.schema.json, and the
// graph written as JSON-LD, read back and written again gives the same bytes.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <rapidjson/document.h>

#include "export/jsonld_reader.hpp"
#include "export/jsonld_writer.hpp"
#include "export/triple_writer.hpp"
#include "graph/errors.hpp"
#include "graph/json_file.hpp"
#include "graph/knowledge_graph.hpp"
#include "graph/utf8_text.hpp"
#include "ingest/pipeline.hpp"

namespace fs = std::filesystem;
using irkg::ingest::Article;
using irkg::ingest::Pipeline;
using irkg::ingest::PipelineOptions;

namespace {

const fs::path k_schema_dir = IRKG_SCHEMA_DIR;

const Pipeline& pipeline() {
    static const Pipeline p(PipelineOptions{k_schema_dir, {}});
    return p;
}

/// Every string in `value[name]` (an array of strings, or one string).
void strings_of(const rapidjson::Value& value, const char* name, std::vector<std::string>& out) {
    const auto it = value.FindMember(name);
    if (it == value.MemberEnd()) return;
    if (it->value.IsString()) out.emplace_back(it->value.GetString(), it->value.GetStringLength());
    if (!it->value.IsArray()) return;
    for (const auto& item : it->value.GetArray())
        if (item.IsString()) out.emplace_back(item.GetString(), item.GetStringLength());
}

/// The names the lexicons know: labels, names, abbreviations, demonyms, capitals of every actor file.
const std::vector<std::string>& actor_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const char* file : {"states.json", "persons.json", "organizations.json", "places.json"}) {
            const auto doc = irkg::graph::read_json_file<irkg::lexicon_error>(k_schema_dir / "lexicon/actors" / file);
            for (const auto& actor : doc["actors"].GetArray())
                for (const char* field : {"label", "names", "abbreviations", "demonyms", "capitals"})
                    strings_of(actor, field, out);
        }
        return out;
    }();
    return names;
}

struct Trigger {
    std::vector<std::vector<std::string>> elements;  ///< each element's alternatives; "..." is a gap
};

/// The relation patterns of schemas/lexicon/patterns.json, "<verb>" expanded to its forms.
const std::vector<Trigger>& triggers() {
    static const std::vector<Trigger> out = [] {
        const auto doc = irkg::graph::read_json_file<irkg::lexicon_error>(k_schema_dir / "lexicon/patterns.json");
        std::vector<Trigger> list;
        for (const auto& p : doc["patterns"].GetArray()) {
            Trigger t;
            std::istringstream words(p["match"].GetString());
            for (std::string word; words >> word;) {
                std::vector<std::string> alternatives;
                std::size_t start = 0;
                for (;;) {
                    const auto bar = word.find('|', start);
                    std::string alt = word.substr(start, bar == std::string::npos ? bar : bar - start);
                    if (alt.size() > 2 && alt.front() == '<' && alt.back() == '>') {
                        const std::string lemma = alt.substr(1, alt.size() - 2);
                        alternatives.push_back(lemma);
                        std::vector<std::string> forms;
                        if (doc["verbs"].HasMember(lemma.c_str())) strings_of(doc["verbs"], lemma.c_str(), forms);
                        for (auto& f : forms) alternatives.push_back(f);
                        alternatives.push_back(lemma + "s");
                        alternatives.push_back(lemma + "ed");
                    } else {
                        alternatives.push_back(alt);
                    }
                    if (bar == std::string::npos) break;
                    start = bar + 1;
                }
                t.elements.push_back(std::move(alternatives));
            }
            list.push_back(std::move(t));
        }
        return list;
    }();
    return out;
}

class RandomArticles {
public:
    explicit RandomArticles(std::uint64_t seed) : rng_(seed) {}

    Article next(int n) {
        Article a;
        a.id = fmt::format("random-{}", n);
        if (pick(0, 4) > 0) a.date = fmt::format("{:04}-{:02}-{:02}", pick(1980, 2024), pick(1, 12), pick(1, 28));
        const int sentences = pick(0, 14);
        for (int i = 0; i < sentences; ++i) {
            a.text += sentence();
            a.text += one_of({" ", " ", " ", "\n", "\n\n", "  ", "\t", ""});
        }
        return a;
    }

private:
    int pick(int low, int high) { return low + static_cast<int>(rng_() % static_cast<std::uint64_t>(high - low + 1)); }
    std::string one_of(const std::vector<std::string>& items) {
        return items[static_cast<std::size_t>(pick(0, static_cast<int>(items.size()) - 1))];
    }

    std::string actor() {
        const auto& names = actor_names();
        std::string name = names[static_cast<std::size_t>(pick(0, static_cast<int>(names.size()) - 1))];
        switch (pick(0, 9)) {
            case 0: return "the " + name;
            case 1: return name + "'s";
            case 2: return one_of({"he", "she", "they", "it", "the two leaders", "the minister", "officials"});
            case 3: return name + " and " + actor();
            default: return name;
        }
    }

    std::string trigger() {
        const auto& list = triggers();
        const Trigger& t = list[static_cast<std::size_t>(pick(0, static_cast<int>(list.size()) - 1))];
        std::string out;
        for (const auto& alternatives : t.elements) {
            std::string word = one_of(alternatives);
            if (word == "...") word = one_of({"", "new", "the", "tough economic", "a series of"});
            if (word.empty()) continue;
            if (!out.empty()) out += ' ';
            out += word;
        }
        return out;
    }

    std::string modality() {
        return one_of({"", "", "", "did not ", "will ", "may ", "plans to ", "reportedly ", "denied that it "});
    }

    /// A valid UTF-8 encoding of a random code point: controls, Latin, right-to-left, CJK, emoji,
    /// combining marks, U+FFFD, but no surrogates.
    std::string unicode() {
        static const std::vector<std::pair<char32_t, char32_t>> ranges{
            {0x01, 0x1F},      {0x21, 0x7E},      {0x80, 0x24F},     {0x300, 0x36F}, {0x590, 0x6FF},
            {0x2000, 0x206F},  {0x4E00, 0x9FFF},  {0xFE00, 0xFFFD},  {0x1F300, 0x1FAFF}, {0xE0000, 0xE007F}};
        const auto& [low, high] = ranges[static_cast<std::size_t>(pick(0, static_cast<int>(ranges.size()) - 1))];
        const auto cp = static_cast<char32_t>(low + static_cast<char32_t>(rng_() % (high - low + 1)));
        std::string out;
        irkg::graph::append_utf8(out, cp);
        return out;
    }

    std::string noise() {
        switch (pick(0, 6)) {
            case 0: return std::string(static_cast<std::size_t>(pick(1, 6)), one_of({".", ",", "!", "?", "-", "\"", "'"})[0]);
            case 1: {
                std::string s;
                for (int i = pick(1, 12); i > 0; --i) s += unicode();
                return s;
            }
            case 2: return std::string(static_cast<std::size_t>(pick(200, 20000)), one_of({"a", "X", "9"})[0]);
            case 3: return one_of({"U.S.", "Gen.", "Jan. 5", "(", ")", "[", "--", "...", "\u201c", "\u2019s", "&", "<b>"});
            case 4: return fmt::format("{}", pick(0, 2030));
            case 5: return one_of({"on Monday", "last week", "next month", "in 2019", "yesterday", "on May 3"});
            default: return one_of({"said", "according to", "which", "who", "but", ",", ";", ":"});
        }
    }

    std::string sentence() {
        std::string s;
        switch (pick(0, 9)) {
            case 0: return one_of({"", ".", " . ", "!!", "?", "\n\n"});  // empty sentences
            case 1: {  // noise only
                for (int i = pick(1, 8); i > 0; --i) s += noise() + one_of({" ", "", "  "});
                return s + one_of({".", "", "!"});
            }
            case 2: {  // a run-on "sentence": many clauses without a full stop or a comma
                for (int i = pick(100, 400); i > 0; --i) s += actor() + " " + trigger() + " ";
                return s + ".";
            }
            default: break;
        }
        const std::string a = actor(), b = actor(), t = trigger();
        const std::string frame = one_of({"verb", "verb", "noun", "passive", "between", "compound"});
        if (frame == "verb") s = a + " " + modality() + t + " " + b;
        else if (frame == "noun") s = a + "'s " + t + " " + b;
        else if (frame == "passive") s = b + " was " + t + " by " + a;
        else if (frame == "between") s = t + " between " + a + " and " + b;
        else s = a + "-" + b + " " + t;
        if (pick(0, 3) == 0) s += " " + noise();
        if (pick(0, 4) == 0) s = noise() + " " + s;
        if (pick(0, 5) == 0) s = "\"" + s + ",\" " + actor() + " said";
        if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
        return s + one_of({".", ".", ".", "!", "?", ""});
    }

    std::mt19937_64 rng_;
};

/// Empty when `line` is valid against schemas/triple.schema.json, else the validator's message.
std::string triple_violation(const std::string& line) {
    rapidjson::Document doc;
    doc.Parse(line.data(), line.size());
    if (doc.HasParseError()) return "not JSON: " + line;
    try {
        irkg::graph::validate_json<irkg::input_error>(doc, "triple line", k_schema_dir / "triple.schema.json");
    } catch (const irkg::input_error& e) {
        return std::string(e.what()) + "\n  line: " + line;
    }
    return {};
}

std::string jsonld(const irkg::graph::KnowledgeGraph& graph) {
    std::ostringstream out;
    irkg::exporter::JsonldWriter(irkg::exporter::WriterOptions{k_schema_dir}).write(graph, out);
    return out.str();
}

}  // namespace

TEST_CASE("random articles: extraction never throws, triples match their schema, JSON-LD round-trips") {
    REQUIRE(actor_names().size() > 1000);
    REQUIRE(triggers().size() > 100);
    std::uint64_t triples = 0, sentences = 0, long_sentences = 0;
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        RandomArticles draw(seed);
        irkg::graph::KnowledgeGraph graph;
        for (int n = 0; n < 50; ++n) {
            const Article article = draw.next(n);
            CAPTURE(seed);
            CAPTURE(n);
            std::vector<irkg::graph::Triple> found;
            std::uint64_t s = 0, l = 0;
            REQUIRE_NOTHROW(found = pipeline().extract(article, &s, &l));
            sentences += s;
            long_sentences += l;
            CHECK(l <= s);
            for (const auto& triple : found) {
                CHECK(triple_violation(irkg::exporter::triple_json(triple)) == "");
                graph.add(triple);
            }
            triples += found.size();
        }
        CAPTURE(seed);
        const std::string written = jsonld(graph);
        irkg::graph::KnowledgeGraph back;
        REQUIRE_NOTHROW(back = irkg::exporter::read_jsonld_text(written, "random.jsonld"));
        CHECK(jsonld(back) == written);
        CHECK(back.num_mentions() == graph.num_mentions());
    }
    MESSAGE(fmt::format("{} triples from {} sentences, {} run-on sentences skipped", triples, sentences,
                        long_sentences));
    // The generator really produces relations and run-ons, so the checks above are not vacuous.
    CHECK(triples > 300);
    CHECK(long_sentences > 0);
}
