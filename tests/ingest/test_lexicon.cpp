#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "../export/temp_dir.hpp"
#include "graph/errors.hpp"
#include "graph/ontology.hpp"
#include "ingest/lexicon.hpp"

namespace fs = std::filesystem;
using irkg::graph::EntityType;
using irkg::graph::Ontology;
using irkg::ingest::Lexicon;
using irkg::ingest::LexiconPaths;
using irkg::ingest::NameKind;
using irkg::ingest::phrase_norms;
using irkg::ingest::slugify;
using irkg::ingest::verb_forms;
using irkg::test::TempDir;
using irkg::test::write_file;

namespace {

const fs::path k_schema_dir = IRKG_SCHEMA_DIR;

const Ontology& ontology() {
    static const Ontology o = Ontology::load(k_schema_dir / "relations.json", k_schema_dir / "relations.schema.json");
    return o;
}

const Lexicon& lexicon() {
    static const Lexicon lex = Lexicon::load({k_schema_dir, {}}, ontology());
    return lex;
}

/// The message of the lexicon_error that loading with `extra` user lexicons throws; fails when none is thrown.
std::string load_error(const std::vector<fs::path>& extra) {
    try {
        Lexicon::load({k_schema_dir, extra}, ontology());
    } catch (const irkg::lexicon_error& e) {
        return e.what();
    }
    FAIL("no lexicon_error");
    return {};
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

struct Found {
    std::string id;
    NameKind kind = NameKind::name;
    std::size_t length = 0;
};

/// The actor the names trie gives for the whole of `phrase` (case-insensitive names).
Found by_name(const Lexicon& lex, std::string_view phrase) {
    const auto words = phrase_norms(lex.tokenizer, phrase);
    const auto m = lex.names.longest(0, words.size(), [&](std::size_t k) -> std::string_view { return words[k]; });
    if (m.length == 0) return {};
    const auto v = m.values->front();
    return {lex.actors[Lexicon::actor_of(v)].entity.id, Lexicon::kind_of(v), m.length};
}

/// The actor the abbreviations trie gives for `phrase` written exactly so.
std::string by_abbreviation(const Lexicon& lex, std::string_view phrase) {
    std::vector<std::string> words;
    for (const auto& t : lex.tokenizer.tokenize(phrase)) words.emplace_back(phrase.substr(t.begin, t.end - t.begin));
    const auto m =
        lex.abbreviations.longest(0, words.size(), [&](std::size_t k) -> std::string_view { return words[k]; });
    if (m.length != words.size()) return {};
    return lex.actors[Lexicon::actor_of(m.values->front())].entity.id;
}

bool has(const std::vector<std::string>& forms, std::string_view form) {
    return std::find(forms.begin(), forms.end(), form) != forms.end();
}

const std::unordered_map<std::string, std::vector<std::string>> k_no_irregular;

}  // namespace

TEST_CASE("the shipped lexicons load and cover states, persons, titles, patterns and the calendar") {
    const Lexicon& lex = lexicon();
    REQUIRE(lex.actor_by_id.contains("country:CHN"));
    const auto& china = lex.actors[lex.actor_by_id.at("country:CHN")].entity;
    CHECK(china.label == "China");
    CHECK(china.type == EntityType::country);
    CHECK(china.country == "CHN");
    REQUIRE(lex.state_by_iso3.contains("USA"));
    CHECK(lex.actors[lex.state_by_iso3.at("USA")].entity.id == "country:USA");
    CHECK(lex.actor_by_id.contains("org:nato"));

    CHECK_FALSE(lex.titles.empty());
    CHECK_FALSE(lex.title_names.empty());
    CHECK_FALSE(lex.agents.empty());
    CHECK_FALSE(lex.patterns.empty());
    for (const auto& p : lex.patterns) {
        INFO("pattern " << p.id);
        REQUIRE(p.relation != nullptr);
        CHECK(ontology().find(p.relation->predicate) == p.relation);
        CHECK_FALSE(p.elements.empty());
        CHECK_FALSE(p.elements.front().gap);
        CHECK_FALSE(p.elements.back().gap);
    }
    // Every pattern is reachable from the index of first words.
    std::vector<bool> indexed(lex.patterns.size(), false);
    for (const auto& [word, list] : lex.patterns_by_first_word)
        for (auto p : list) indexed[p] = true;
    CHECK(std::count(indexed.begin(), indexed.end(), false) == 0);

    CHECK(lex.months.at("january") == 1);
    CHECK(lex.months.at("december") == 12);
    CHECK(lex.weekdays.at("monday") == 0);
    CHECK(lex.weekdays.at("friday") == 4);
    CHECK(lex.reporting_verbs.contains("said"));
    CHECK(lex.verb_group.contains("will"));
}

TEST_CASE("the language file's abbreviations configure the lexicon's tokenizer") {
    const auto tokens = lexicon().tokenizer.tokenize("Gen. Smith");
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].norm == "gen.");
}

TEST_CASE("names are matched case-insensitively, longest first, with their kind") {
    const Lexicon& lex = lexicon();
    CHECK(by_name(lex, "North Korea").id == "country:PRK");
    CHECK(by_name(lex, "north korea").length == 2);
    CHECK(by_name(lex, "South Korea").id == "country:KOR");
    CHECK(by_name(lex, "China").id == "country:CHN");
    CHECK(by_name(lex, "China").kind == NameKind::name);
    CHECK(by_name(lex, "Chinese").id == "country:CHN");
    CHECK(by_name(lex, "Chinese").kind == NameKind::demonym);
    CHECK(by_name(lex, "Beijing").id == "country:CHN");
    CHECK(by_name(lex, "Beijing").kind == NameKind::capital);
    CHECK(by_name(lex, "Kremlin").id == "country:RUS");
    CHECK(by_name(lex, "Kremlin").kind == NameKind::seat);
    CHECK(by_name(lex, "Wang Yi").id == "person:wang-yi");
    CHECK(by_name(lex, "Antony Blinken").id == "person:antony-blinken");
}

TEST_CASE("abbreviations are matched exactly as written") {
    const Lexicon& lex = lexicon();
    CHECK(by_abbreviation(lex, "PRC") == "country:CHN");
    CHECK(by_abbreviation(lex, "U.S.") == "country:USA");
    CHECK(by_abbreviation(lex, "US") == "country:USA");
    CHECK(by_abbreviation(lex, "prc").empty());
    CHECK(by_abbreviation(lex, "us").empty());
    CHECK(by_abbreviation(lex, "NATO") == "org:nato");
}

TEST_CASE("a user lexicon extends an existing actor with new names and adds new actors") {
    TempDir dir("lexicon");
    write_file(dir / "mine.json", R"({"actors": [
        {"id": "country:CHN", "label": "China", "type": "country", "country": "CHN", "names": ["Middle Kingdom"]},
        {"id": "org:zeta-front", "label": "Zeta Front", "type": "organization", "country": "CHN",
         "names": ["Zeta Front"], "abbreviations": ["ZF"], "part_of": "country:CHN"}
    ]})");
    const Lexicon lex = Lexicon::load({k_schema_dir, {dir / "mine.json"}}, ontology());
    CHECK(by_name(lex, "Middle Kingdom").id == "country:CHN");
    CHECK(by_name(lex, "China").id == "country:CHN");  // the shipped names stay
    CHECK(by_name(lex, "zeta front").id == "org:zeta-front");
    CHECK(by_abbreviation(lex, "ZF") == "org:zeta-front");
    REQUIRE(lex.actor_by_id.contains("org:zeta-front"));
    CHECK(lex.actors[lex.actor_by_id.at("org:zeta-front")].part_of == "country:CHN");
    CHECK(lex.actors.size() == lexicon().actors.size() + 1);
}

TEST_CASE("a user lexicon that is not JSON is a lexicon_error naming the file") {
    TempDir dir("lexicon");
    write_file(dir / "broken.json", "{\"actors\": [\n  {\"id\": \"org:x\",,}\n]}");
    const auto message = load_error({dir / "broken.json"});
    CHECK(contains(message, (dir / "broken.json").string()));
}

TEST_CASE("a user lexicon that breaks the schema is a lexicon_error naming the file") {
    TempDir dir("lexicon");
    // No "names", and an id without a type prefix.
    write_file(dir / "bad-schema.json", R"({"actors": [{"id": "zeta", "label": "Zeta", "type": "organization"}]})");
    const auto message = load_error({dir / "bad-schema.json"});
    CHECK(contains(message, (dir / "bad-schema.json").string()));
}

TEST_CASE("a user lexicon nested millions of levels deep is a lexicon_error, not a stack overflow") {
    // RapidJSON's recursive parser overflowed the stack on "[[[[..." (irkg extract --lexicon crashed).
    TempDir dir("lexicon");
    const std::size_t depth = 2'000'000;
    write_file(dir / "deep.json", "{\"actors\": " + std::string(depth, '[') + std::string(depth, ']') + "}");
    const auto message = load_error({dir / "deep.json"});
    CHECK(contains(message, (dir / "deep.json").string()));
    CHECK(contains(message, "nested deeper than 64 levels"));
    // Unclosed, it is invalid JSON, reported where the text ends.
    write_file(dir / "open.json", std::string(depth, '['));
    CHECK(contains(load_error({dir / "open.json"}), "invalid JSON"));
}

TEST_CASE("a user lexicon redefining an actor with another type is a lexicon_error naming file and id") {
    TempDir dir("lexicon");
    write_file(dir / "clash.json",
               R"({"actors": [{"id": "country:CHN", "label": "China", "type": "person", "names": ["Chinaman"]}]})");
    const auto message = load_error({dir / "clash.json"});
    CHECK(contains(message, (dir / "clash.json").string()));
    CHECK(contains(message, "country:CHN"));
    CHECK(contains(message, "person"));
}

TEST_CASE("part_of naming no actor is a lexicon_error naming the actor and the missing id") {
    TempDir dir("lexicon");
    write_file(dir / "orphan.json", R"({"actors": [
        {"id": "org:orphan-body", "label": "Orphan Body", "type": "organization", "names": ["Orphan Body"],
         "part_of": "country:XXX"}]})");
    const auto message = load_error({dir / "orphan.json"});
    CHECK(contains(message, "org:orphan-body"));
    CHECK(contains(message, "country:XXX"));
}

TEST_CASE("a missing user lexicon is a lexicon_error naming the file") {
    TempDir dir("lexicon");
    const auto message = load_error({dir / "nowhere.json"});
    CHECK(contains(message, "nowhere.json"));
}

TEST_CASE("a schema directory without lexicons is a lexicon_error naming the missing file") {
    TempDir dir("lexicon");
    std::string message;
    try {
        Lexicon::load({dir.path(), {}}, ontology());
    } catch (const irkg::lexicon_error& e) {
        message = e.what();
    }
    CHECK(contains(message, "language.json"));
}

TEST_CASE("verb_forms of a regular verb: lemma, third person, -ing and past") {
    const auto forms = verb_forms("attack", k_no_irregular, false);
    CHECK(has(forms, "attack"));
    CHECK(has(forms, "attacks"));
    CHECK(has(forms, "attacking"));
    CHECK(has(forms, "attacked"));
    CHECK(verb_forms("attack", k_no_irregular, true) == std::vector<std::string>{"attacked"});
}

TEST_CASE("verb_forms follows English spelling rules") {
    auto f = verb_forms("agree", k_no_irregular, false);
    CHECK(has(f, "agrees"));
    CHECK(has(f, "agreed"));
    CHECK(has(f, "agreeing"));
    f = verb_forms("criticize", k_no_irregular, false);
    CHECK(has(f, "criticizes"));
    CHECK(has(f, "criticized"));
    CHECK(has(f, "criticizing"));
    CHECK_FALSE(has(f, "criticizeing"));
    f = verb_forms("deny", k_no_irregular, false);
    CHECK(has(f, "denies"));
    CHECK(has(f, "denied"));
    CHECK(has(f, "denying"));
    f = verb_forms("play", k_no_irregular, false);  // a vowel before y keeps it
    CHECK(has(f, "plays"));
    CHECK(has(f, "played"));
    f = verb_forms("push", k_no_irregular, false);
    CHECK(has(f, "pushes"));
    f = verb_forms("fix", k_no_irregular, false);
    CHECK(has(f, "fixes"));
    CHECK_FALSE(has(f, "fixxed"));  // x never doubles
    f = verb_forms("show", k_no_irregular, false);
    CHECK_FALSE(has(f, "showwed"));  // nor w
}

TEST_CASE("verb_forms doubles a final consonant after a single vowel") {
    auto f = verb_forms("ban", k_no_irregular, false);
    CHECK(has(f, "banned"));
    CHECK(has(f, "banning"));
    CHECK(has(f, "bans"));
    f = verb_forms("admit", k_no_irregular, false);
    CHECK(has(f, "admitted"));
    CHECK(has(f, "admitting"));
    f = verb_forms("visit", k_no_irregular, false);
    CHECK(has(f, "visited"));  // the undoubled form is kept too
    f = verb_forms("ban", k_no_irregular, true);
    CHECK(has(f, "banned"));
    CHECK_FALSE(has(f, "banning"));
    CHECK_FALSE(has(f, "bans"));
    // Two vowels before the consonant: no doubling.
    CHECK_FALSE(has(verb_forms("meet", k_no_irregular, false), "meetted"));
}

TEST_CASE("verb_forms uses the irregular forms when listed") {
    const std::unordered_map<std::string, std::vector<std::string>> irregular{
        {"meet", {"meets", "met", "meeting"}}, {"withdraw", {"withdraws", "withdrew", "withdrawn", "withdrawing"}}};
    auto f = verb_forms("meet", irregular, false);
    CHECK(f == std::vector<std::string>{"meet", "meets", "met", "meeting"});
    CHECK_FALSE(has(f, "meeted"));
    CHECK(verb_forms("meet", irregular, true) == std::vector<std::string>{"met"});
    CHECK(verb_forms("withdraw", irregular, true) == std::vector<std::string>{"withdrew", "withdrawn"});
}

TEST_CASE("the shipped patterns know irregular pasts: the patterns of meet match met") {
    const Lexicon& lex = lexicon();
    auto it = std::find_if(lex.patterns.begin(), lex.patterns.end(), [](const auto& p) { return p.id == "meet"; });
    REQUIRE(it != lex.patterns.end());
    bool met = false;
    for (const auto& alt : it->elements.front().alternatives) met |= alt == std::vector<std::string>{"met"};
    CHECK(met);
    CHECK(it->relation->predicate == "meets");
}

TEST_CASE("slugify makes ASCII ids from names") {
    CHECK(slugify("Wang Yi") == "wang-yi");
    CHECK(slugify("Antony Blinken") == "antony-blinken");
    CHECK(slugify("Abdel Fattah el-Sissi") == "abdel-fattah-el-sissi");
    CHECK(slugify("Recep Tayyip Erdo\xC4\x9F" "an") == "recep-tayyip-erdogan");
    CHECK(slugify("Ban Ki-moon") == "ban-ki-moon");
    CHECK(slugify("O'Brien") == "o-brien");
    CHECK(slugify("U.S.") == "u-s");
    CHECK(slugify("  Group of 20  ") == "group-of-20");
    CHECK(slugify("--x--") == "x");
    CHECK(slugify("") == "unnamed");
    CHECK(slugify("!!!") == "unnamed");
    CHECK(slugify("\xE7\x8E\x8B\xE6\xAF\x85") == "unnamed");  // no Latin letters at all
}
