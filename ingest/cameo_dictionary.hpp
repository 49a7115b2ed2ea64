#pragma once
// Loading the field's event-coding dictionaries (CAMEO codes, PETRARCH/Phoenix file formats) into a Lexicon,
// beside irkg's own lexicons: actor files (names, synonyms, date-restricted codes), agent files (role words,
// !X! macros) and the CAMEO verb dictionary (verb blocks, verb forms, phrase patterns).
//
// irkg's own knowledge wins: a name, role word or verb form irkg already knows is not added again, and an
// actor irkg already has (same ISO3, or a compatible actor named by the entry's primary name: every irkg label
// is one of its names) receives the new names instead of a twin; its own data (country, periods) stays.
// Each loader returns what it did; a malformed line is skipped and reported (file:line) unless strict.
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/ontology.hpp"
#include "lexicon.hpp"

namespace irkg::ingest {

/// What one dictionary load added and what it left out, and why.
struct DictionaryReport {
    std::size_t entries = 0;            ///< actors, role words or patterns added (or extended, for actors irkg knew)
    std::size_t names = 0;              ///< names, words or verb forms added to the lexicon's tries
    std::size_t skipped = 0;            ///< input items (lines, entries, patterns) that added nothing
    std::size_t problem_count = 0;      ///< malformed lines (each also counted in `skipped`)
    std::vector<std::string> problems;  ///< the first messages: "file:line: what is wrong; what would fix it"
    std::map<std::string, std::size_t> details;  ///< counts by reason ("skipped: reverse-only code" -> 97)
};

struct DictionaryOptions {
    bool strict = false;            ///< throw lexicon_error at the first malformed line instead of skipping it
    std::size_t max_problems = 10;  ///< messages kept in DictionaryReport::problems
};

/// irkg's reading of CAMEO codes (schemas/cameo-plover.json): event codes -> predicates, actor codes ->
/// countries, regions and sectors. Built once, then read-only.
class CameoCodes {
public:
    struct Type {
        std::string sector;           ///< irkg sector: government, military, rebels, business...
        bool body = false;            ///< a role word with this code names a body of the state, not the state
        std::string label;            ///< for bodies: "Rebels" (entity "Iran Rebels", id org:irn-rebels)
        bool state_body = false;      ///< an undated entry with this code is part_of its state
        bool undated_person = false;  ///< an entry coded only with this (undated) code is a person
        bool organization = false;    ///< the code names a kind of organisation (IGO, NGO, MNC)
    };

    /// Loads `file` and validates it against `schema`; every predicate must be one of `ontology`.
    /// Throws lexicon_error naming the file and the bad entry.
    static CameoCodes load(const std::filesystem::path& file, const std::filesystem::path& schema,
                           const graph::Ontology& ontology);

    /// The predicate a CAMEO event code stands for: the table, then a relation with that cameo code, then the
    /// same for the 3-digit parent and the root (NN0). nullptr when the code is not a relation irkg emits.
    const graph::RelationType* relation_for(std::string_view code) const;

    /// The irkg ISO3 code for a CAMEO country code (USR -> SUN); the code itself when no alias applies.
    std::string_view country(std::string_view code) const;
    bool is_region(std::string_view code) const { return regions_.contains(std::string(code)); }
    const Type* type(std::string_view code) const;
    bool is_organization_word(std::string_view folded_word) const {
        return organization_words_.contains(std::string(folded_word));
    }

private:
    const graph::Ontology* ontology_ = nullptr;
    std::unordered_map<std::string, const graph::RelationType*> events_;  ///< null: deliberately no relation
    std::unordered_map<std::string, std::string> aliases_;
    std::unordered_set<std::string> regions_;
    std::unordered_map<std::string, Type> types_;
    std::unordered_set<std::string> organization_words_;
};

/// Adds the actors of a Phoenix/PETRARCH actor file: `NAME_WORDS_ [CODE]` primary names (underscores join
/// words, a trailing _ marks a whole word), `+SYNONYM` lines, tab-indented `[CODE >YYMMDD]`, `[CODE <YYMMDD]`,
/// `[CODE YYMMDD-YYMMDD]` date-restricted codes (YYYYMMDD too; YY 00-30 is 20YY), `#` comments.
/// Entries coded with a bare country ([PRK]) are states, and extend the lexicon's state with that ISO3 when
/// there is one; dated or elite codes make persons (person:<slug>); organisation codes (IGO..., NGO, MNC,
/// country + REB, an undated GOV body) make organisations (org:<slug>); country + territory codes (USAGUM)
/// make locations; a name with an organisation word (army, council, party...) is an organisation whatever
/// its code. Dated codes fill ActorEntry::periods (sorted by start; the undated default code is not a period)
/// and, for persons, valid_from/valid_to (0 when open); entity.country is the country of the code that applies
/// last (else the latest code naming a state); state bodies (country + GOV, MIL...) get part_of the state.
/// Names are added as NameKind::name, into the same trie add_actor_entry fills (the actor itself goes through
/// add_actor_entry). Names irkg reads otherwise (names, abbreviations, titles, role words) are not added.
/// Throws lexicon_error when the file cannot be read, or (strict) at the first malformed line.
DictionaryReport load_cameo_actors(Lexicon& lex, const CameoCodes& codes, const std::filesystem::path& file,
                                   const DictionaryOptions& options = {});

/// Adds the role words of a Phoenix/PETRARCH agent file: `!MACRO! = A, B` substitution sets, `WORD_ {PLURAL}
/// [~GOV]` role words (regular plurals when no {...} is given; {} means none), `[NGO~]` prefix codes. A word of
/// a state sector (GOV, MIL, COP, LEG, JUD, SPY) stands for the state; any other for a body of the country
/// (labelled per cameo-plover.json, shared with irkg's agents of the same sector and label).
DictionaryReport load_cameo_agents(Lexicon& lex, const CameoCodes& codes, const std::filesystem::path& file,
                                   const DictionaryOptions& options = {});

/// Adds the CAMEO verb dictionary (CAMEO.2.0.txt): each verb line of a block with an event code becomes one
/// verb-frame pattern of its forms ({FORMS} given, else regular forms); each `- pattern [CODE]` line becomes a
/// pattern of its words in order (a gap of up to three words between space-separated words, none across an
/// underscore), `*` standing for every verb form of the block and `&SYNSET` for the synonym set's phrases
/// (with plurals). Patterns with markers a shallow matcher cannot honour (`$` or `+` inside the pattern, `^`,
/// `%`), reverse-only codes ([:173]) and codes without an irkg predicate are skipped and counted; a null or
/// unmapped pattern that follows the verb with a noun ("FACE PROBLEM") cancels the block's bare-verb pattern
/// before that noun (Pattern::not_before). A bare verb form irkg codes with a one-word pattern of its own is
/// left out. Pattern ids: "cameo-<code>-<n>", confidence 0.6, frame verb.
DictionaryReport load_cameo_verbs(Lexicon& lex, const CameoCodes& codes, const std::filesystem::path& file,
                                  const DictionaryOptions& options = {});

/// A CAMEO dictionary date (YYMMDD or YYYYMMDD; YY 00-30 is 20YY, else 19YY) as YYYY-MM-DD, or nullopt when it
/// is not a valid calendar date in one of those forms.
std::optional<std::string> cameo_date(std::string_view digits);

}  // namespace irkg::ingest
