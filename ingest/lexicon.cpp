#include "lexicon.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "graph/json_file.hpp"

namespace irkg::ingest {

namespace fs = std::filesystem;
using graph::get_string;

namespace {

rapidjson::Document load_checked(const fs::path& file, const fs::path& schema) {
    auto doc = graph::read_json_file<lexicon_error>(file);
    graph::validate_json<lexicon_error>(doc, file, schema);
    return doc;
}

std::vector<std::string> strings(const rapidjson::Value& object, const char* name) {
    std::vector<std::string> out;
    auto it = object.FindMember(name);
    if (it == object.MemberEnd() || !it->value.IsArray()) return out;
    for (const auto& v : it->value.GetArray())
        if (v.IsString()) out.emplace_back(v.GetString(), v.GetStringLength());
    return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/// The words of `phrase` exactly as written (case kept), split as the tokenizer splits them.
std::vector<std::string> surface_words(const Tokenizer& tokenizer, std::string_view phrase) {
    std::vector<std::string> out;
    for (const auto& t : tokenizer.tokenize(phrase)) out.emplace_back(phrase.substr(t.begin, t.end - t.begin));
    return out;
}

}  // namespace

std::string slugify(std::string_view name) {
    std::string folded = fold(name);
    std::string out;
    for (char c : folded) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? std::string("unnamed") : out;
}

std::vector<std::string> verb_forms(const std::string& lemma,
                                    const std::unordered_map<std::string, std::vector<std::string>>& irregular,
                                    bool past_only) {
    std::vector<std::string> forms;
    auto it = irregular.find(lemma);
    if (it != irregular.end()) {
        if (!past_only) forms.push_back(lemma);
        for (const auto& f : it->second) {
            if (past_only && (ends_with(f, "ing") || (ends_with(f, "s") && f != lemma + "ed"))) continue;
            forms.push_back(f);
        }
        return forms;
    }
    const std::size_t n = lemma.size();
    std::string third, past, ing;
    if (n >= 2 && lemma.back() == 'y' && !vowel(lemma[n - 2])) {
        std::string stem = lemma.substr(0, n - 1);
        third = stem + "ies";
        past = stem + "ied";
        ing = lemma + "ing";
    } else if (lemma.back() == 'e') {
        third = lemma + "s";
        past = lemma + "d";
        ing = (ends_with(lemma, "ee") || ends_with(lemma, "ye")) ? lemma + "ing" : lemma.substr(0, n - 1) + "ing";
    } else if (ends_with(lemma, "s") || ends_with(lemma, "sh") || ends_with(lemma, "ch") || ends_with(lemma, "x") ||
               ends_with(lemma, "z")) {
        third = lemma + "es";
        past = lemma + "ed";
        ing = lemma + "ing";
    } else {
        third = lemma + "s";
        past = lemma + "ed";
        ing = lemma + "ing";
    }
    if (!past_only) {
        forms.push_back(lemma);
        forms.push_back(third);
        forms.push_back(ing);
    }
    forms.push_back(past);
    // Consonant-vowel-consonant endings double the consonant in some verbs (ban, ship, admit) and not in
    // others (visit, open). Listing both is harmless: the wrong form never occurs in text.
    if (n >= 3 && !vowel(lemma[n - 1]) && vowel(lemma[n - 2]) && !vowel(lemma[n - 3]) &&
        std::string_view("wxy").find(lemma[n - 1]) == std::string_view::npos) {
        forms.push_back(lemma + lemma.back() + "ed");
        if (!past_only) forms.push_back(lemma + lemma.back() + "ing");
    }
    return forms;
}

void Lexicon::add_actor_entry(ActorEntry entry, const std::vector<std::pair<std::string, NameKind>>& list,
                              const fs::path& file) {
    std::uint32_t index;
    auto found = actor_by_id.find(entry.entity.id);
    if (found != actor_by_id.end()) {
        // A later file naming an existing id extends it (a user lexicon adding aliases to China).
        index = found->second;
        if (actors[index].entity.type != entry.entity.type)
            throw lexicon_error(fmt::format("{}: actor \"{}\" is already defined with type {}, here with type {}; "
                                            "use another id or the same type",
                                            file.string(), entry.entity.id, graph::to_string(actors[index].entity.type),
                                            graph::to_string(entry.entity.type)));
    } else {
        index = static_cast<std::uint32_t>(actors.size());
        actor_by_id.emplace(entry.entity.id, index);
        if (entry.entity.type == graph::EntityType::country && entry.entity.id.starts_with("country:"))
            state_by_iso3.emplace(entry.entity.id.substr(8), index);
        actors.push_back(std::move(entry));
    }
    for (const auto& [name, kind] : list) {
        if (kind == NameKind::abbreviation) {
            abbreviations.insert(surface_words(tokenizer, name), pack(index, kind));
            // "US" also written "U.S." is listed explicitly in the lexicons; nothing is guessed here.
        } else {
            names.insert(phrase_norms(tokenizer, name), pack(index, kind));
        }
    }
}

void Lexicon::load_actor_file(const fs::path& file, const fs::path& schema) {
    auto doc = load_checked(file, schema);
    for (const auto& a : doc["actors"].GetArray()) {
        ActorEntry entry;
        entry.entity.id = get_string(a, "id");
        entry.entity.label = get_string(a, "label");
        entry.entity.type = graph::entity_type_from(get_string(a, "type")).value_or(graph::EntityType::other);
        entry.entity.country = get_string(a, "country");
        entry.part_of = get_string(a, "part_of");
        entry.role = get_string(a, "role");
        if (auto demonyms = strings(a, "demonyms"); !demonyms.empty()) entry.demonym = demonyms.front();
        if (std::string_view valid = get_string(a, "valid"); !valid.empty()) {
            // "1977/1981", "2009/", "/1991" (years, optionally with -MM-DD)
            auto slash = valid.find('/');
            auto year = [](std::string_view v) { return v.size() >= 4 ? std::atoi(std::string(v.substr(0, 4)).c_str()) : 0; };
            entry.valid_from = year(valid.substr(0, slash));
            entry.valid_to = slash == std::string_view::npos ? 0 : year(valid.substr(slash + 1));
        }
        std::vector<std::pair<std::string, NameKind>> list;
        for (auto& n : strings(a, "names")) list.emplace_back(std::move(n), NameKind::name);
        for (auto& n : strings(a, "abbreviations")) list.emplace_back(std::move(n), NameKind::abbreviation);
        for (auto& n : strings(a, "demonyms")) list.emplace_back(std::move(n), NameKind::demonym);
        for (auto& n : strings(a, "capitals")) list.emplace_back(std::move(n), NameKind::capital);
        for (auto& n : strings(a, "seats")) list.emplace_back(std::move(n), NameKind::seat);
        for (auto& n : strings(a, "contextual_names")) list.emplace_back(std::move(n), NameKind::contextual);
        add_actor_entry(std::move(entry), list, file);
    }
}

Lexicon Lexicon::load(const LexiconPaths& paths, const graph::Ontology& ontology) {
    const fs::path dir = paths.schema_dir / "lexicon";
    Lexicon lex;

    // Language first: the tokenizer's abbreviations decide how every other phrase is split.
    auto language = load_checked(dir / "language.json", paths.schema_dir / "language.schema.json");
    std::unordered_set<std::string> abbreviations;
    for (auto& a : strings(language, "abbreviations")) abbreviations.insert(fold(a));
    lex.tokenizer = Tokenizer(abbreviations);
    auto fill = [&](std::unordered_set<std::string>& set, const char* name) {
        for (auto& w : strings(language, name)) set.insert(fold(w));
    };
    fill(lex.verb_group, "verb_group");
    fill(lex.clause_boundaries, "clause_boundaries");
    fill(lex.reporting_verbs, "reporting_verbs");
    fill(lex.prepositions, "prepositions");
    fill(lex.object_gap, "object_gap");
    fill(lex.subject_blockers, "subject_blockers");
    fill(lex.portfolio_titles, "portfolio_titles");
    fill(lex.head_titles, "head_titles");
    fill(lex.first_person, "first_person");
    fill(lex.person_agents, "person_agents");
    for (auto& c : strings(language, "family_name_first")) lex.family_name_first.insert(c);
    fill(lex.person_pronouns, "person_pronouns");
    fill(lex.thing_pronouns, "thing_pronouns");
    fill(lex.honorifics, "honorifics");
    fill(lex.name_particles, "name_particles");
    fill(lex.not_names, "not_names");
    fill(lex.sentence_starters, "sentence_starters");
    for (const auto& g : language["group_references"].GetArray()) {
        std::string_view kind = get_string(g, "kind");
        auto k = kind == "person" ? GroupReference::Kind::person
                 : kind == "state" ? GroupReference::Kind::state
                                   : GroupReference::Kind::any;
        lex.group_references.insert(phrase_norms(lex.tokenizer, get_string(g, "phrase")),
                                    static_cast<std::uint32_t>(k));
    }
    for (const auto& c : language["modality_cues"].GetArray()) {
        auto m = graph::modality_from(get_string(c, "modality")).value_or(graph::Modality::asserted);
        const std::uint32_t scope = get_string(c, "scope") == "clause" ? Lexicon::kClauseScope : 0;
        lex.modality_cues.insert(phrase_norms(lex.tokenizer, get_string(c, "cue")), static_cast<std::uint32_t>(m) | scope);
    }
    const auto& months = language["months"];
    for (rapidjson::SizeType i = 0; i < months.Size(); ++i)
        for (const auto& w : months[i].GetArray()) lex.months.emplace(fold(w.GetString()), static_cast<int>(i) + 1);
    const auto& weekdays = language["weekdays"];
    for (rapidjson::SizeType i = 0; i < weekdays.Size(); ++i)
        for (const auto& w : weekdays[i].GetArray()) lex.weekdays.emplace(fold(w.GetString()), static_cast<int>(i));

    // Actors: irkg's own files in name order, then the user's.
    std::vector<fs::path> actor_files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir / "actors", ec))
        if (e.path().extension() == ".json") actor_files.push_back(e.path());
    if (ec) throw lexicon_error(fmt::format("{}: cannot list actor lexicons: {}", (dir / "actors").string(), ec.message()));
    std::sort(actor_files.begin(), actor_files.end());
    actor_files.insert(actor_files.end(), paths.extra_actor_files.begin(), paths.extra_actor_files.end());
    for (const auto& f : actor_files) lex.load_actor_file(f, paths.schema_dir / "actors.schema.json");
    for (const auto& a : lex.actors) {
        if (!a.part_of.empty() && !lex.actor_by_id.contains(a.part_of))
            throw lexicon_error(fmt::format("actor \"{}\": part_of \"{}\" is not an actor of any lexicon; "
                                            "define it or remove part_of",
                                            a.entity.id, a.part_of));
    }

    // Titles
    auto titles = load_checked(dir / "titles.json", paths.schema_dir / "titles.schema.json");
    for (const auto& t : titles["titles"].GetArray()) {
        TitleEntry entry;
        entry.role = get_string(t, "role");
        entry.sector = get_string(t, "sector");
        entry.country = get_string(t, "country");
        entry.organization = get_string(t, "organization");
        if (!entry.organization.empty() && !lex.actor_by_id.contains(entry.organization))
            throw lexicon_error(fmt::format("{}: title \"{}\": organization \"{}\" is not an actor of any lexicon",
                                            (dir / "titles.json").string(), entry.role, entry.organization));
        auto index = static_cast<std::uint32_t>(lex.titles.size());
        for (auto& n : strings(t, "names")) lex.title_names.insert(phrase_norms(lex.tokenizer, n), index);
        for (auto& n : strings(t, "references")) lex.title_references.insert(phrase_norms(lex.tokenizer, n), index);
        lex.titles.push_back(std::move(entry));
    }

    // Agents
    auto agents = load_checked(dir / "agents.json", paths.schema_dir / "agents.schema.json");
    for (const auto& a : agents["agents"].GetArray()) {
        AgentEntry entry;
        entry.body = get_string(a, "kind") == "body";
        entry.label = get_string(a, "label");
        entry.slug = get_string(a, "slug");
        entry.sector = get_string(a, "sector");
        auto index = static_cast<std::uint32_t>(lex.agents.size());
        for (auto& w : strings(a, "words")) lex.agent_words.insert(phrase_norms(lex.tokenizer, w), index);
        lex.agents.push_back(std::move(entry));
    }

    // Relation patterns
    const fs::path patterns_file = dir / "patterns.json";
    auto patterns = load_checked(patterns_file, paths.schema_dir / "patterns.schema.json");
    std::unordered_map<std::string, std::vector<std::string>> irregular;
    if (patterns.HasMember("verbs"))
        for (const auto& v : patterns["verbs"].GetObject()) irregular[v.name.GetString()] = strings(patterns["verbs"], v.name.GetString());
    std::unordered_set<std::string> pattern_ids;
    for (const auto& p : patterns["patterns"].GetArray()) {
        Pattern pattern;
        pattern.id = get_string(p, "id");
        if (!pattern_ids.insert(pattern.id).second)
            throw lexicon_error(fmt::format("{}: pattern id \"{}\" is used twice; ids must be unique",
                                            patterns_file.string(), pattern.id));
        const std::string where = fmt::format("{}: pattern \"{}\"", patterns_file.string(), pattern.id);
        pattern.relation = &ontology.at(get_string(p, "predicate"), where);
        std::string_view frame = get_string(p, "frame");
        pattern.frame = frame == "noun"      ? Frame::noun
                        : frame == "passive" ? Frame::passive
                        : frame == "between" ? Frame::between
                        : frame == "compound" ? Frame::compound
                        : frame == "adjectival" ? Frame::adjectival
                                              : Frame::verb;
        pattern.destination = get_string(p, "object_role") == "destination";
        pattern.object_required = p.HasMember("object_required") ? p["object_required"].GetBool() : true;
        pattern.confidence = p.HasMember("confidence") ? p["confidence"].GetDouble() : 0.8;
        pattern.object_adjacent = p.HasMember("object_adjacent") && p["object_adjacent"].GetBool();
        pattern.object_then = fold(get_string(p, "object_then"));
        for (auto& w : strings(p, "not_after")) pattern.not_after.insert(fold(w));
        for (auto& w : strings(p, "not_before")) pattern.not_before.insert(fold(w));
        std::string_view match = get_string(p, "match");
        std::size_t pos = 0;
        while (pos < match.size()) {
            std::size_t end = match.find(' ', pos);
            if (end == std::string_view::npos) end = match.size();
            std::string_view element = match.substr(pos, end - pos);
            pos = end + 1;
            if (element.empty()) continue;
            PatternElement el;
            if (element == "...") {
                el.gap = true;
                pattern.elements.push_back(std::move(el));
                continue;
            }
            if (element.size() > 1 && element.back() == '?') {
                el.optional = true;
                element.remove_suffix(1);
            }
            std::size_t apos = 0;
            while (apos <= element.size()) {
                std::size_t aend = element.find('|', apos);
                if (aend == std::string_view::npos) aend = element.size();
                std::string_view alt = element.substr(apos, aend - apos);
                apos = aend + 1;
                if (alt.empty())
                    throw lexicon_error(fmt::format("{}: empty alternative in \"{}\"", where, match));
                if (alt.front() == '<') {
                    if (alt.back() != '>')
                        throw lexicon_error(fmt::format("{}: \"{}\" opens a verb with < but does not close it with >",
                                                        where, alt));
                    std::string verb(alt.substr(1, alt.size() - 2));
                    std::string form;
                    if (auto colon = verb.find(':'); colon != std::string::npos) {
                        form = verb.substr(colon + 1);
                        verb.resize(colon);
                        if (form != "ed" && form != "ing")
                            throw lexicon_error(fmt::format("{}: verb form \"{}\" in \"{}\" is not ed or ing", where,
                                                            form, alt));
                    }
                    for (const auto& f : verb_forms(verb, irregular, form == "ed")) {
                        if (form == "ing" && !ends_with(f, "ing")) continue;
                        el.alternatives.push_back(phrase_norms(lex.tokenizer, f));
                    }
                } else {
                    el.alternatives.push_back(phrase_norms(lex.tokenizer, alt));
                }
            }
            std::erase_if(el.alternatives, [](const auto& a) { return a.empty(); });
            if (el.alternatives.empty())
                throw lexicon_error(fmt::format("{}: element \"{}\" of \"{}\" matches no word", where, element, match));
            pattern.elements.push_back(std::move(el));
        }
        if (pattern.elements.empty() || pattern.elements.front().gap || pattern.elements.back().gap)
            throw lexicon_error(fmt::format("{}: \"{}\" must start and end with a word, not ...", where, match));
        lex.add_pattern(std::move(pattern));
    }
    return lex;
}

void Lexicon::add_pattern(Pattern pattern) {
    // A trigger is made of words: alternatives of punctuation alone ("," from a dictionary's synonym
    // set) would fire on every comma.
    auto has_word = [](const std::vector<std::string>& words) {
        for (const auto& w : words)
            for (unsigned char c : w)
                if (std::isalnum(c) || c >= 0x80) return true;
        return false;
    };
    bool any_word = false;
    for (auto& el : pattern.elements) {
        if (el.gap) continue;
        std::erase_if(el.alternatives, [&](const auto& alt) { return !has_word(alt); });
        if (el.alternatives.empty() && !el.optional) return;
        any_word |= !el.alternatives.empty();
    }
    std::erase_if(pattern.elements, [](const PatternElement& el) { return !el.gap && el.alternatives.empty(); });
    if (!any_word || pattern.elements.empty() || pattern.elements.front().gap) return;
    auto index = static_cast<std::uint32_t>(patterns.size());
    // Index by every word the match can start with (the first element, or a later one after optionals).
    for (const auto& el : pattern.elements) {
        for (const auto& alt : el.alternatives) {
            auto& list = patterns_by_first_word[alt.front()];
            if (list.empty() || list.back() != index) list.push_back(index);
        }
        if (!el.optional) break;
    }
    patterns.push_back(std::move(pattern));
}

}  // namespace irkg::ingest
