#pragma once
// Everything irkg knows about the world and the language, loaded from schemas/ at run time.
#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/entity.hpp"
#include "graph/ontology.hpp"
#include "graph/relation.hpp"
#include "phrase_trie.hpp"
#include "tokenizer.hpp"

namespace irkg::ingest {

/// How an actor was named: the kind decides what the mention means in context.
enum class NameKind : std::uint32_t { name, abbreviation, demonym, capital, seat, contextual };

struct ActorEntry {
    graph::Entity entity;
    std::string part_of;  ///< id of the state or organisation a body belongs to
    std::string role;     ///< for persons: their best-known office
    std::string demonym;  ///< for states: the first demonym (Iranian), to name their bodies
    int valid_from = 0;   ///< first year of the office or state ("valid"), 0 when open
    int valid_to = 0;     ///< last year, 0 when open
    /// Date-restricted affiliations (from CAMEO actor dictionaries): who the actor belonged to when.
    struct Period {
        std::string from, to;  ///< YYYY-MM-DD, empty when open
        std::string country;   ///< ISO3 (or a CAMEO region/organisation code), empty when unknown
        std::string sector;    ///< government, military, opposition, rebels, business, ...
    };
    std::vector<Period> periods;
};

struct TitleEntry {
    std::string role;
    std::string sector;
    std::string country;       ///< ISO3 implied by the title alone (House Speaker: USA)
    std::string organization;  ///< organisation id implied by the title alone
};

struct AgentEntry {
    bool body = false;  ///< a named body of the state (foreign ministry) rather than the state itself
    std::string label;
    std::string slug;
    std::string sector;
};

enum class Frame : std::uint8_t { verb, noun, passive, between, compound, adjectival };

struct PatternElement {
    std::vector<std::vector<std::string>> alternatives;  ///< each a word sequence (norms)
    bool optional = false;
    bool gap = false;  ///< "...": up to three words
};

struct Pattern {
    std::string id;
    const graph::RelationType* relation = nullptr;
    std::vector<PatternElement> elements;
    Frame frame = Frame::verb;
    bool destination = false;  ///< a capital as object is the city
    bool object_required = true;
    double confidence = 0.8;
    bool object_adjacent = false;  ///< the object follows the match directly
    std::string object_then;       ///< a word that must follow the object
    std::unordered_set<std::string> not_after;   ///< a word right before the match that cancels it
    std::unordered_set<std::string> not_before;  ///< a word right after the match that cancels it
};

struct GroupReference {
    enum class Kind : std::uint8_t { person, state, any } kind = Kind::any;
};

/// Files to load. `schema_dir` holds the JSON Schemas and lexicon/ with irkg's own lexicons;
/// `extra_actor_files` are user lexicons in the actor format, loaded after irkg's own.
struct LexiconPaths {
    std::filesystem::path schema_dir;
    std::vector<std::filesystem::path> extra_actor_files;
};

/// The loaded lexicons. Built once, then read-only (shared by every extraction thread).
class Lexicon {
public:
    /// Loads and validates every lexicon file. Throws lexicon_error naming file and entry.
    static Lexicon load(const LexiconPaths& paths, const graph::Ontology& ontology);

    Tokenizer tokenizer;

    // Actors
    std::vector<ActorEntry> actors;
    PhraseTrie names;          ///< folded words -> actor << 3 | NameKind
    PhraseTrie abbreviations;  ///< exact-case words -> actor << 3 | NameKind::abbreviation
    std::unordered_map<std::string, std::uint32_t> actor_by_id;
    std::unordered_map<std::string, std::uint32_t> state_by_iso3;

    // Titles and agents
    std::vector<TitleEntry> titles;
    PhraseTrie title_names;       ///< -> title index
    PhraseTrie title_references;  ///< "the secretary" -> title index
    std::vector<AgentEntry> agents;
    PhraseTrie agent_words;  ///< -> agent index

    // Language
    std::unordered_set<std::string> verb_group, clause_boundaries, reporting_verbs, prepositions, object_gap,
        subject_blockers, portfolio_titles, head_titles, first_person, person_agents, person_pronouns, thing_pronouns, honorifics, name_particles, not_names, sentence_starters;
    std::unordered_set<std::string> family_name_first;  ///< ISO3 codes where names start with the family name
    PhraseTrie group_references;  ///< -> GroupReference::Kind
    PhraseTrie modality_cues;     ///< -> graph::Modality, | kClauseScope for auxiliary-like cues
    static constexpr std::uint32_t kClauseScope = 0x100;
    std::unordered_map<std::string, int> months;    ///< norm -> 1..12
    std::unordered_map<std::string, int> weekdays;  ///< norm -> 0 (Monday) .. 6

    // Relation patterns
    std::vector<Pattern> patterns;
    std::unordered_map<std::string, std::vector<std::uint32_t>> patterns_by_first_word;

    static constexpr std::uint32_t pack(std::uint32_t actor, NameKind kind) {
        return actor << 3 | static_cast<std::uint32_t>(kind);
    }
    static constexpr std::uint32_t actor_of(std::uint32_t packed) { return packed >> 3; }
    static constexpr NameKind kind_of(std::uint32_t packed) { return static_cast<NameKind>(packed & 7); }

    /// Adds the actors of one file in the actor format (validated against actors.schema.json).
    void load_actor_file(const std::filesystem::path& file, const std::filesystem::path& schema);

    /// Adds `entry` with its names, or extends the actor with the same id (names added, entry's other
    /// fields ignored). Throws lexicon_error naming `file` when that id exists with another type.
    void add_actor_entry(ActorEntry entry, const std::vector<std::pair<std::string, NameKind>>& list,
                         const std::filesystem::path& file);

    /// Appends `pattern` and indexes it by every word a match can start with. `pattern.relation` must be set.
    void add_pattern(Pattern pattern);
};

/// Every inflected form of a verb: irregular forms from `irregular` when listed, else regular English
/// morphology. `past_only` keeps the past and participle forms.
std::vector<std::string> verb_forms(const std::string& lemma,
                                    const std::unordered_map<std::string, std::vector<std::string>>& irregular,
                                    bool past_only);

/// An ASCII slug of a name for ids: "Wang Yi" -> "wang-yi".
std::string slugify(std::string_view name);

}  // namespace irkg::ingest
