#include "extractor.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace irkg::ingest {

using graph::Entity;
using graph::EntityType;
using graph::Modality;

namespace {

constexpr int kNone = -1;

/// A name's words without initials ("colin l. powell" -> "colin powell"), the key of persons_by_bare_name_.
std::string bare_name(const std::vector<std::string>& words) {
    std::string key;
    for (const auto& w : words) {
        const bool initial = (w.size() == 2 && w[1] == '.') || w.size() == 1 || (w.find('.') != std::string::npos &&
                                                                                  w.size() <= 5);
        if (initial || w == "-") continue;
        if (!key.empty()) key += ' ';
        key += w;
    }
    return key;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// One actor mention in a sentence: a token range and the article entities it stands for.
struct MentionSpan {
    std::uint32_t first = 0, last = 0;
    std::vector<int> members;  ///< article entity indices; two or more for group references
    bool usable = true;        ///< may fill a relation slot (false inside appositives)
    bool weak = false;         ///< a bare demonym (Israeli-Egyptian): only for compound frames
    bool place = false;        ///< a capital or place: the city when visited
    bool possessive = false;   ///< China's, his
    bool indirect = false;     ///< pronoun or group reference
    std::string place_name;    ///< the capital as written, for destination slots
};

struct Slot {
    std::vector<int> mentions;  ///< indices into the sentence's mentions
    double factor = 1.0;
};

}  // namespace

/// The state of one extraction: one article, its entities and who was mentioned last.
struct ArticleRun {
    const Extractor& ex;
    const Lexicon& lex;
    const Article& article;
    std::vector<Token> tokens;
    /// Per token: the WordIndex id of its norm, and of its surface (for exact-case abbreviations).
    std::vector<std::uint32_t> word_ids, surface_ids;
    /// Per token: the WordIndex lists of its norm (bit WordList), with starts_abbreviation taken from
    /// its surface. Read per token, so the inner loops touch only this array, not the index.
    std::vector<std::uint32_t> word_flags;
    std::vector<graph::Triple> out;

    std::vector<Entity> entities;
    std::unordered_map<std::string, int> entity_by_id;
    std::unordered_map<std::string, std::vector<int>> person_keys;  ///< folded full name, first and last word
    std::unordered_map<std::uint32_t, int> title_holder;            ///< title index -> person
    std::set<std::uint32_t> lexicon_seen;                           ///< lexicon actors mentioned so far
    std::set<std::pair<int, int>> affiliations_done;
    std::vector<int> recent;  ///< entities by recency, most recent last
    int last_person = kNone, last_thing = kNone;
    std::vector<int> last_group;
    std::uint32_t last_group_sentence = 0;

    // Per sentence
    Sentence sentence;
    std::uint32_t sentence_index = 0;
    std::vector<MentionSpan> mentions;
    std::vector<int> owner;  ///< token - sentence.first -> mention index or kNone

    ArticleRun(const Extractor& e, const Article& a) : ex(e), lex(e.lex_), article(a) {}
    /// IRKG_DEBUG=1 prints each sentence's mentions and pattern hits on stderr (for lexicon authors).
    const bool debug_ = std::getenv("IRKG_DEBUG") != nullptr;

    std::string_view norm(std::uint32_t i) const {
        return i >= sentence.first && i < sentence.last ? std::string_view(tokens[i].norm) : std::string_view();
    }
    std::string_view surface(std::uint32_t i) const {
        return std::string_view(article.text).substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    }
    std::string surface(std::uint32_t first, std::uint32_t last) const {
        if (first >= last) return {};
        return article.text.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin);
    }
    int owner_of(std::uint32_t i) const {
        return i >= sentence.first && i < sentence.last ? owner[i - sentence.first] : kNone;
    }
    /// tokens[i]'s norm is in the lexicon's word list (any token of the article).
    bool listed(WordList list, std::uint32_t i) const { return (word_flags[i] & word_list_bit(list)) != 0; }
    /// As listed(), and false outside the sentence (where norm(i) is empty).
    bool in_list(WordList list, std::uint32_t i) const {
        return i >= sentence.first && i < sentence.last && listed(list, i);
    }

    // ---- entities -------------------------------------------------------------------------------

    int entity_index(const Entity& e, std::string_view alias) {
        auto [it, inserted] = entity_by_id.emplace(e.id, static_cast<int>(entities.size()));
        if (inserted) {
            entities.push_back(e);
            entities.back().aliases.clear();
        } else {
            entities[it->second].absorb(e);
        }
        if (!alias.empty()) graph::add_alias(entities[it->second].aliases, alias);
        return it->second;
    }

    int lexicon_entity(std::uint32_t actor, std::string_view alias) {
        const bool first_time = lexicon_seen.insert(actor).second;
        const auto& entry = lex.actors[actor];
        int index = entity_index(entry.entity, alias);
        // Date-restricted codes (CAMEO dictionaries): the state the actor served at the article's date.
        if (!entry.periods.empty() && !article.date.empty()) {
            for (const auto& period : entry.periods) {
                if ((period.from.empty() || period.from <= article.date) &&
                    (period.to.empty() || article.date <= period.to) && lex.state_by_iso3.contains(period.country)) {
                    entities[index].country = period.country;
                    break;
                }
            }
        }
        if (entry.entity.type == EntityType::person) register_person(index);
        if (first_time && !alias.empty() && in_sentence) pending_lexicon_affiliations.push_back(index);
        return index;
    }
    bool in_sentence = false;
    /// Lexicon persons and national bodies named in this sentence: who they belong to is world knowledge
    /// the lexicon holds (Margaret Thatcher -> United Kingdom), stated once per article.
    std::vector<int> pending_lexicon_affiliations;

    void flush_lexicon_affiliations() {
        for (int index : pending_lexicon_affiliations) {
            const Entity& e = entities[index];
            if (e.type == EntityType::person && e.country.empty()) {
                // Officials of international organisations (Kofi Annan -> United Nations).
                auto actor = lex.actor_by_id.find(e.id);
                if (actor == lex.actor_by_id.end()) continue;
                auto org = lex.actor_by_id.find(lex.actors[actor->second].part_of);
                if (org == lex.actor_by_id.end()) continue;
                affiliate(index, lexicon_entity(org->second, ""), ex.affiliated_with_, sentence.first, sentence.first,
                          0.7);
                continue;
            }
            if (e.country.empty()) continue;
            if (e.type != EntityType::person && e.type != EntityType::organization) continue;
            auto actor = lex.actor_by_id.find(e.id);
            if (actor == lex.actor_by_id.end()) continue;
            if (e.type == EntityType::organization && !lex.actors[actor->second].part_of.empty()) continue;
            auto state = lex.state_by_iso3.find(e.country);
            if (state == lex.state_by_iso3.end()) continue;
            const graph::RelationType* relation =
                e.type == EntityType::person ? ex.holds_office_in_ : ex.affiliated_with_;
            // lexicon_entity may grow `entities`, and `e` then dangles: nothing reads it after this.
            int group = lexicon_entity(state->second, "");
            affiliate(index, group, relation, sentence.first, sentence.first, 0.7);
        }
        pending_lexicon_affiliations.clear();
    }

    void register_person(int index) {
        const std::string full = fold(entities[index].label);
        auto words = phrase_norms(lex.tokenizer, entities[index].label);
        auto add = [&](const std::string& key) {
            auto& list = person_keys[key];
            if (std::find(list.begin(), list.end(), index) == list.end()) list.push_back(index);
        };
        add(full);
        if (words.size() >= 2) {
            add(words.back());
            if (!lex.name_particles.contains(words.front())) add(words.front());
        }
    }

    void touch(int index) {
        std::erase(recent, index);
        recent.push_back(index);
        const auto type = entities[index].type;
        if (type == EntityType::person) last_person = index;
        else if (type == EntityType::country || type == EntityType::organization) last_thing = index;
    }

    // ---- names ----------------------------------------------------------------------------------

    /// A capitalised word that can be part of a personal name.
    bool name_word(std::uint32_t i) const {
        if (i >= sentence.last || owner_of(i) != kNone) return false;
        const Token& t = tokens[i];
        if (!t.word || t.number || !t.cap) return false;
        if (listed(WordList::not_names, i) || listed(WordList::weekdays, i)) return false;
        if (listed(WordList::months, i)) {
            // "Jan Lipavsky", "Theresa May" are names; "March 3", "in May" are dates.
            if (i + 1 < sentence.last && tokens[i + 1].number) return false;
            if (i > sentence.first) {
                std::string_view prev = tokens[i - 1].norm;
                if (tokens[i - 1].number || prev == "in" || prev == "since" || prev == "until" || prev == "by" ||
                    prev == "early" || prev == "late" || prev == "mid" || prev == "last" || prev == "next" ||
                    prev == "of" || prev == "-")
                    return false;
            }
        }
        return true;
    }

    /// The end of a personal name starting at `i` ("Antony Blinken", "Abdel Fattah el-Sissi", "George H.W. Bush").
    std::uint32_t name_end(std::uint32_t i) const {
        if (!name_word(i)) return i;
        std::uint32_t j = i, end = i;
        int words = 0;
        while (j < sentence.last && words < 5) {
            if (name_word(j)) {
                ++words;
                end = ++j;
            } else if (in_list(WordList::name_particles, j) && j + 1 < sentence.last && !tokens[j].cap && words > 0) {
                ++j;  // a particle must be followed by a name word
            } else if (tokens[j].is("-") && !tokens[j].space_before && j + 1 < sentence.last &&
                       !tokens[j + 1].space_before && words > 0) {
                ++j;
            } else {
                break;
            }
            if (j < sentence.last && actor_at(j).length > 0 && !listed(WordList::name_particles, j)) break;
            if (j < sentence.last &&
                ex.words_.title_names.longest(j, 1, [&](std::size_t k) { return word_ids[k]; }).length > 0)
                break;
        }
        return end;
    }

    struct ActorMatch {
        std::uint32_t length = 0;
        std::uint32_t actor = 0;
        NameKind kind = NameKind::name;
    };

    /// The longest lexicon actor name at `i` (names case-insensitively, abbreviations exactly).
    /// Memoised per sentence: the mention rules ask it again and again for the same tokens.
    ActorMatch actor_at(std::uint32_t i) const {
        if (i < sentence.first || i >= sentence.last) return lookup_actor(i);
        const std::uint32_t n = sentence.last - sentence.first;
        if (actor_memo_first != sentence.first || actor_memo.size() != n) {
            actor_memo.assign(n, ActorMatch{kUnknownLength, 0, NameKind::name});
            actor_memo_first = sentence.first;
        }
        ActorMatch& memo = actor_memo[i - sentence.first];
        if (memo.length == kUnknownLength) memo = lookup_actor(i);
        return memo;
    }
    static constexpr std::uint32_t kUnknownLength = 0xFFFFFFFF;
    mutable std::vector<ActorMatch> actor_memo;
    mutable std::uint32_t actor_memo_first = 0xFFFFFFFF;

    ActorMatch lookup_actor(std::uint32_t i) const {
        ActorMatch best;
        // No name starts at or after the sentence's end (callers ask for the token after a title,
        // which may be the article's end).
        if (i >= sentence.last) return best;
        const std::size_t max = sentence.last - i;
        if ((word_flags[i] & (word_list_bit(WordList::starts_name) | word_list_bit(WordList::starts_abbreviation))) == 0)
            return best;
        auto by_norm = trie_at(ex.words_.names, i);
        auto by_case = listed(WordList::starts_abbreviation, i)
                           ? ex.words_.abbreviations.longest(i, max, [&](std::size_t k) { return surface_ids[k]; })
                           : PhraseTrie::Match{};
        auto pick = [&](const PhraseTrie::Match& m) {
            if (m.length == 0 || m.length <= best.length) return;
            // Several actors may share a name; the first loaded (states before persons) wins.
            std::uint32_t v = m.values->front();
            for (auto value : *m.values)
                if (Lexicon::kind_of(value) == NameKind::name) { v = value; break; }
            best = {static_cast<std::uint32_t>(m.length), Lexicon::actor_of(v), Lexicon::kind_of(v)};
        };
        pick(by_case);
        if (by_norm.length > 0) {
            // A name in lower case is an ordinary word ("turkey", "chad", "china" in "fine china")
            // unless the sentence shouts; demonyms and capitals need their capital letter too.
            bool capitalised = sentence.shouting;
            for (std::size_t k = i; k < i + by_norm.length && !capitalised; ++k) capitalised = tokens[k].cap;
            // Contextual names ("the bloc", "the alliance") are lower case by nature.
            bool contextual = true;
            for (auto value : *by_norm.values) contextual &= Lexicon::kind_of(value) == NameKind::contextual;
            if (capitalised || contextual) pick(by_norm);
        }
        return best;
    }

    /// The longest phrase of `trie` at `i`, by norms, within the sentence.
    PhraseTrie::Match trie_at(const IdTrie& trie, std::uint32_t i) const {
        if (i >= sentence.last || (word_flags[i] & trie.first_word_bit()) == 0) return {};
        return trie.longest(i, sentence.last - i, [&](std::size_t k) { return word_ids[k]; });
    }

    /// A surname alone names a lexicon person only in articles from around their time in office
    /// (Chung in a 1987 article is not Chung Eui-yong, in office 2017-2019).
    bool in_era(std::uint32_t actor) const {
        if (article_year == 0) return true;
        const ActorEntry& a = lex.actors[actor];
        if (a.valid_from != 0 && article_year < a.valid_from - 10) return false;
        if (a.valid_to != 0 && article_year > a.valid_to + 15) return false;
        return true;
    }
    int article_year = 0;

    int person_from_name(std::uint32_t first, std::uint32_t last, const std::string& country) {
        const std::string text = surface(first, last);
        const std::string key = fold(text);
        auto words = phrase_norms(lex.tokenizer, text);
        // "Colin L. Powell", "George H.W. Bush": a lexicon person once the initials are left out.
        if (auto it = ex.persons_by_bare_name_.find(bare_name(words)); it != ex.persons_by_bare_name_.end() &&
                                                                        it->second.size() == 1)
            return lexicon_entity(it->second.front(), text);
        // Someone this article already named: full name, or one of their name words.
        if (auto it = person_keys.find(key); it != person_keys.end() && it->second.size() == 1) {
            graph::add_alias(entities[it->second.front()].aliases, text);
            return it->second.front();
        }
        // A lexicon person with this surname, when the title's state agrees (President Biden).
        if (words.size() == 1) {
            if (auto it = ex.persons_by_surname_.find(key); it != ex.persons_by_surname_.end()) {
                std::vector<std::uint32_t> fits;
                for (auto p : it->second)
                    if ((country.empty() || lex.actors[p].entity.country == country) && in_era(p)) fits.push_back(p);
                if (fits.size() == 1) return lexicon_entity(fits.front(), text);
            }
        }
        Entity person;
        person.id = "person:" + slugify(text);
        person.label = text;
        person.type = EntityType::person;
        person.country = country;
        int index = entity_index(person, text);
        register_person(index);
        return index;
    }

    /// A known person named by the capitalised words at `i`: full name or one name word.
    std::pair<int, std::uint32_t> known_person_at(std::uint32_t i) const {
        std::uint32_t end = name_end(i);
        for (std::uint32_t e = end; e > i; --e) {
            auto it = person_keys.find(fold(surface(i, e)));
            if (it != person_keys.end() && it->second.size() == 1) return {it->second.front(), e};
        }
        return {kNone, i};
    }

    // ---- mentions -------------------------------------------------------------------------------

    /// "the Zetland Liberation Front (ZLF)": the bracketed acronym names the same actor for the rest of
    /// the article. Returns the position after the brackets, or `end` when there are none.
    std::uint32_t learn_acronym(std::uint32_t end, int entity) {
        if (norm(end) != "(" || norm(end + 2) != ")" || end + 2 >= sentence.last) return end;
        const Token& t = tokens[end + 1];
        if (!t.all_caps || t.norm.size() > 8) return end;
        article_acronyms[std::string(surface(end + 1))] = entity;
        graph::add_alias(entities[entity].aliases, surface(end + 1));
        // The brackets belong to the mention just added, so "X (ZLF) attacked" still finds X.
        if (!mentions.empty() && mentions.back().last == end) {
            for (auto k = end; k < end + 3; ++k) owner[k - sentence.first] = static_cast<int>(mentions.size()) - 1;
            mentions.back().last = end + 3;
            mentions.back().possessive = end + 3 < sentence.last && tokens[end + 3].is("'s");
        }
        return end + 3;
    }
    std::unordered_map<std::string, int> article_acronyms;

    int add_mention(std::uint32_t first, std::uint32_t last, std::vector<int> members) {
        MentionSpan m;
        m.first = first;
        m.last = last;
        m.members = std::move(members);
        mentions.push_back(std::move(m));
        const int index = static_cast<int>(mentions.size()) - 1;
        for (auto k = first; k < last; ++k) owner[k - sentence.first] = index;
        if (last < sentence.last && tokens[last].is("'s")) {
            mentions.back().possessive = true;
        }
        for (int e : mentions.back().members) touch(e);
        return index;
    }

    void affiliate(int person, int group, const graph::RelationType* relation, std::uint32_t first,
                   std::uint32_t last, double confidence = 0.9) {
        if (person == group || person == kNone || group == kNone) return;
        if (!affiliations_done.insert({person, group}).second) return;
        emit(person, relation, group, Modality::asserted, confidence, first, last, first);
    }

    int state_entity(std::uint32_t iso3_actor, std::string_view alias) { return lexicon_entity(iso3_actor, alias); }

    int state_of_iso3(const std::string& iso3) {
        auto it = lex.state_by_iso3.find(iso3);
        return it == lex.state_by_iso3.end() ? kNone : lexicon_entity(it->second, "");
    }

    /// The body of a state named by an agent word (China's foreign ministry -> org:chn-foreign-ministry).
    int body_entity(int state, const AgentEntry& agent, std::string_view alias) {
        const Entity& s = entities[state];
        Entity body;
        std::string code = s.country.empty() ? slugify(s.label) : s.country;
        std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return std::tolower(c); });
        body.id = "org:" + code + "-" + agent.slug;
        // "Iranian Parliament", as news names it; the state's name when it has no demonym.
        std::string demonym;
        if (auto st = lex.actor_by_id.find(s.id); st != lex.actor_by_id.end()) demonym = lex.actors[st->second].demonym;
        body.label = (demonym.empty() ? s.label : demonym) + " " + agent.label;
        body.type = EntityType::organization;
        body.country = s.country;
        return entity_index(body, alias);
    }

    /// An unnamed holder of a state's office (Italy's Interior Minister) as an entity of its own, for
    /// offices below head of state or government; those stand for the state itself.
    int office_entity(int state, const TitleEntry& title, std::string_view alias) {
        const Entity& s = entities[state];
        if (s.type != EntityType::country || s.country.empty()) return kNone;
        if (title.sector != "government" && title.sector != "military" && title.sector != "diplomacy") return kNone;
        if (lex.head_titles.contains(fold(title.role))) return kNone;
        std::string code = s.country;
        std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return std::tolower(c); });
        Entity office;
        office.id = "person:" + code + "-" + slugify(title.role);
        office.label = s.label + " " + title.role;
        office.type = EntityType::person;
        office.country = s.country;
        const int index = entity_index(office, alias);
        offices.insert(index);
        return index;
    }
    std::set<int> offices;                                   ///< office entities of this article
    std::unordered_map<std::string, int> office_is;         ///< office id -> the person later named in it

    /// Title at `t` (optionally after a modifier actor that starts at `start`): "Chinese Foreign Minister
    /// Wang Yi", "U.S. Secretary of State Antony Blinken", "President Biden". Returns the position after
    /// what it consumed, or `t` when nothing was recognised.
    std::uint32_t title_mention(std::uint32_t start, std::uint32_t t, int modifier) {
        auto title = trie_at(ex.words_.title_names, t);
        if (title.length == 0) return t;
        const std::uint32_t title_index = title.values->front();
        const TitleEntry& entry = lex.titles[title_index];
        std::uint32_t n = t + static_cast<std::uint32_t>(title.length);
        // "Foreign Minister and Deputy Prime Minister X": a second title joined by "and".
        if (norm(n) == "and") {
            auto second = trie_at(ex.words_.title_names, n + 1);
            if (second.length > 0) n += 1 + static_cast<std::uint32_t>(second.length);
        }
        // "President General Pervez Musharraf": stacked titles.
        for (auto more = trie_at(ex.words_.title_names, n); more.length > 0; more = trie_at(ex.words_.title_names, n))
            n += static_cast<std::uint32_t>(more.length);
        // "US ambassador to NATO Nicholas Burns", "envoy to China Max Baucus": the post, then the name.
        if ((norm(n) == "to" || norm(n) == "at") && !sentence.shouting) {
            auto post = actor_at(n + 1);
            if (post.length > 0 && lex.actors[post.actor].entity.type != EntityType::person &&
                name_end(n + 1 + post.length) >= n + 3 + post.length) {
                int m = add_mention(n + 1, n + 1 + post.length, {lexicon_entity(post.actor, surface(n + 1, n + 1 + post.length))});
                mentions[m].usable = false;
                n += 1 + post.length;
            }
        }
        std::string country = entry.country;
        int group = modifier;
        if (group == kNone && !entry.organization.empty()) {
            auto it = lex.actor_by_id.find(entry.organization);
            if (it != lex.actor_by_id.end()) group = lexicon_entity(it->second, "");
        }
        if (modifier != kNone && !entities[modifier].country.empty()) country = entities[modifier].country;
        int person = kNone;
        std::uint32_t end = n;
        {  // a lexicon or known person even in a headline; a new name only in prose
            auto a = actor_at(n);
            if (a.length > 0 && lex.actors[a.actor].entity.type == EntityType::person) {
                person = lexicon_entity(a.actor, surface(n, n + a.length));
                end = n + a.length;
            } else if (a.length == 0) {
                auto [known, known_end] = known_person_at(n);
                if (known != kNone) {
                    person = known;
                    end = known_end;
                } else if (!sentence.shouting) {
                    std::uint32_t e = name_end(n);
                    if (e > n) {
                        person = person_from_name(n, e, country);
                        end = e;
                    }
                }
            }
        }
        if (person == kNone && norm(n) == "," && !sentence.shouting) {
            // "The Czech foreign minister, Adam Lipavsky, said"
            auto a = actor_at(n + 1);
            if (a.length > 0 && lex.actors[a.actor].entity.type == EntityType::person &&
                norm(n + 1 + a.length) == ",") {
                person = lexicon_entity(a.actor, surface(n + 1, n + 1 + a.length));
                end = n + 1 + a.length;
            } else if (a.length == 0) {
                std::uint32_t e = name_end(n + 1);
                if (e >= n + 3 && norm(e) == ",") {
                    auto [known, known_end] = known_person_at(n + 1);
                    person = known != kNone && known_end == e ? known : person_from_name(n + 1, e, country);
                    end = e;
                }
            }
        }
        if (person == kNone) {
            // "the Chinese foreign minister said": the title holder named before, else the state.
            auto holder = title_holder.find(title_index);
            if (holder != title_holder.end() &&
                (modifier == kNone || entities[holder->second].country == entities[modifier].country)) {
                int m = add_mention(start, n, {holder->second});
                mentions[m].indirect = true;
                return n;
            }
            if (modifier != kNone) {
                // "Italy's Interior Minister visits Libya": the office, held for its state.
                int office = office_entity(modifier, entry, surface(start, n));
                if (office == kNone) {
                    add_mention(start, n, {modifier});
                } else {
                    add_mention(start, n, {office});
                    affiliate(office, modifier, ex.holds_office_in_, start, n, 0.8);
                    title_holder[title_index] = office;
                }
                return n;
            }
            return t;
        }
        // "King Fahd of Saudi Arabia", "Secretary-General Ban Ki-moon of the United Nations"
        if (modifier == kNone && norm(end) == "of") {
            std::uint32_t k = end + 1;
            if (norm(k) == "the") ++k;
            auto b = actor_at(k);
            if (b.length > 0 && lex.actors[b.actor].entity.type != EntityType::person &&
                lex.actors[b.actor].entity.type != EntityType::location) {
                group = lexicon_entity(b.actor, surface(k, k + b.length));
                if (!entities[group].country.empty()) country = entities[group].country;
                end = k + b.length;
            }
        }
        // "A British minister said ... Corporate Affairs Minister Michael Howard": the office named
        // earlier was this person all along.
        if (auto held = title_holder.find(title_index); held != title_holder.end() && offices.contains(held->second) &&
                                                        held->second != person) {
            const Entity& office = entities[held->second];
            if (entities[person].country.empty() || entities[person].country == office.country) {
                if (country.empty()) country = office.country;
                office_is[office.id] = person;
            }
        }
        title_holder[title_index] = person;
        if (entities[person].country.empty() && !country.empty()) entities[person].country = country;
        std::erase(pending_lexicon_affiliations, person);  // the title says it better
        add_mention(start, end, {person});
        // A known person's own state beats a title's default (Foreign Secretary Joe Clark of Canada).
        if (group == kNone && modifier == kNone && lex.actor_by_id.contains(entities[person].id) &&
            !entities[person].country.empty())
            group = state_of_iso3(entities[person].country);
        if (group == kNone && !country.empty()) group = state_of_iso3(country);
        if (group != kNone) affiliate(person, group, ex.holds_office_in_, start, end);
        return end;
    }

    /// ", [the] [state['s]] TITLE," after a person: who they are (Wang Yi, China's foreign minister, ...).
    std::uint32_t appositive(std::uint32_t i, int person) {
        if (norm(i) != ",") return i;
        std::uint32_t j = i + 1;
        if (norm(j) == "the" || norm(j) == "a" || norm(j) == "an") ++j;
        int group = kNone;
        std::uint32_t actor_first = j, actor_last = j;
        auto a = actor_at(j);
        if (a.length > 0 && lex.actors[a.actor].entity.type != EntityType::person) {
            group = lexicon_entity(a.actor, surface(j, j + a.length));
            j += a.length;
            actor_last = j;
            if (norm(j) == "'s") ++j;
        }
        while (in_list(WordList::object_gap, j) && norm(j) != "the") ++j;
        auto title = trie_at(ex.words_.title_names, j);
        if (title.length == 0 && group != kNone) {
            // ", top U.S. arms negotiator,", ", British Corporate Affairs Minister,": portfolio words, then
            // a title or a word for an official.
            for (std::uint32_t extra = 1; extra <= 3 && title.length == 0; ++extra) {
                const std::uint32_t q = j + extra;
                if (q >= sentence.last || !tokens[q - 1].word || owner_of(q - 1) != kNone || hard_boundary(q - 1))
                    break;
                auto tt = trie_at(ex.words_.title_names, q);
                if (tt.length > 0 && listed(WordList::portfolio_titles, q)) {
                    title = tt;
                    j = q;
                } else if (auto ag = trie_at(ex.words_.agent_words, q); ag.length == 1 && !lex.agents[ag.values->front()].body &&
                                                                  listed(WordList::person_agents, q)) {
                    const std::uint32_t end = q + 1;
                    if (norm(end) != "," && norm(end) != "." && !in_list(WordList::reporting_verbs, end))
                        return i;
                    affiliate(person, group, ex.affiliated_with_, i, end, 0.8);
                    if (actor_last > actor_first) {
                        int m = add_mention(actor_first, actor_last, {group});
                        mentions[m].usable = false;
                    }
                    return end;
                }
            }
        }
        if (title.length == 0) return i;
        const TitleEntry& entry = lex.titles[title.values->front()];
        std::uint32_t end = j + static_cast<std::uint32_t>(title.length);
        // ", Pakistan President Pervez Musharraf": the next item of a list, not an appositive.
        if (name_word(end) || actor_at(end).length > 0) return i;
        // "... minister of China": the state after the title.
        if (group == kNone && (norm(end) == "of" || norm(end) == "for")) {
            auto b = actor_at(end + 1);
            if (b.length > 0 && lex.actors[b.actor].entity.type != EntityType::person) {
                actor_first = end + 1;
                group = lexicon_entity(b.actor, surface(end + 1, end + 1 + b.length));
                end = end + 1 + b.length;
                actor_last = end;
            }
        }
        if (group == kNone && !entry.organization.empty()) {
            auto it = lex.actor_by_id.find(entry.organization);
            if (it != lex.actor_by_id.end()) group = lexicon_entity(it->second, "");
        }
        if (group == kNone && !entry.country.empty()) group = state_of_iso3(entry.country);
        title_holder[title.values->front()] = person;
        if (group != kNone) {
            if (entities[person].country.empty()) entities[person].country = entities[group].country;
            affiliate(person, group, ex.holds_office_in_, i, end);
            if (actor_last > actor_first) {
                int m = add_mention(actor_first, actor_last, {group});
                mentions[m].usable = false;
            }
        }
        return end;
    }

    void find_mentions() {
        const std::uint32_t s0 = sentence.first;
        owner.assign(sentence.last - s0, kNone);
        mentions.clear();
        std::uint32_t i = s0;
        while (i < sentence.last) {
            const Token& t = tokens[i];
            if (!t.word && !t.is("'")) {
                ++i;
                continue;
            }
            // Group references: "the two leaders", "both sides".
            if (auto g = trie_at(ex.words_.group_references, i); g.length > 0) {
                auto kind = static_cast<GroupReference::Kind>(g.values->front());
                std::vector<int> members;
                const bool recent_group = !last_group.empty() && sentence_index <= last_group_sentence + 1;
                if (kind == GroupReference::Kind::any && recent_group) {
                    members = last_group;
                } else if (kind != GroupReference::Kind::any || g.length > 1) {
                    for (auto it = recent.rbegin(); it != recent.rend() && members.size() < 2; ++it) {
                        auto type = entities[*it].type;
                        bool fits = kind == GroupReference::Kind::person ? type == EntityType::person
                                    : kind == GroupReference::Kind::state ? type == EntityType::country
                                                                          : type != EntityType::location;
                        if (fits) members.push_back(*it);
                    }
                    std::reverse(members.begin(), members.end());
                }
                if (members.size() >= 2) {
                    int m = add_mention(i, i + static_cast<std::uint32_t>(g.length), members);
                    mentions[m].indirect = true;
                    i += static_cast<std::uint32_t>(g.length);
                    continue;
                }
            }
            const ActorMatch a = actor_at(i);
            const auto title = trie_at(ex.words_.title_names, i);
            // "her defence minister, George Younger", "the foreign minister Wang Yi": a lower-case title
            // introduces a person only when a name follows.
            const std::uint32_t after_title = i + static_cast<std::uint32_t>(title.length);
            const bool names_follow = title.length > 0 &&
                                      (name_end(after_title) > after_title ||
                                       (norm(after_title) == "," && name_end(after_title + 1) > after_title + 2));
            if (title.length > 0 && title.length >= a.length && (t.cap || names_follow)) {
                std::uint32_t next = title_mention(i, i, kNone);
                if (next > i) {
                    i = after_person(next);
                    continue;
                }
            }
            // "Corporate Affairs Minister Michael Howard": capitalised portfolio words before a generic title.
            if (title.length == 0 && a.length == 0 && t.cap && !sentence.shouting) {
                bool done = false;
                for (std::uint32_t q = i + 1; q <= i + 3 && q < sentence.last && !done; ++q) {
                    if (!tokens[q - 1].cap || !tokens[q - 1].word || actor_at(q - 1).length > 0) break;
                    auto tt = trie_at(ex.words_.title_names, q);
                    if (tt.length == 0 || !listed(WordList::portfolio_titles, q)) continue;
                    const std::uint32_t n = q + static_cast<std::uint32_t>(tt.length);
                    if (name_end(n) < n + 2 && actor_at(n).length == 0) break;
                    std::uint32_t next = title_mention(i, q, kNone);
                    if (next > q) {
                        i = after_person(next);
                        done = true;
                    }
                }
                if (done) continue;
            }
            if (a.length > 0) {
                const ActorEntry& entry = lex.actors[a.actor];
                const std::uint32_t end = i + a.length;
                if (a.kind == NameKind::contextual && !lexicon_seen.contains(a.actor)) {
                    i = end;
                    continue;
                }
                if (a.kind == NameKind::demonym && !t.cap && !sentence.shouting) {
                    i = end;
                    continue;
                }
                const std::string alias = surface(i, end);
                // "the Paris Club", "Washington Post": a capital naming something else.
                // It is an organisation of that state's capital (Peking Review, the Paris Club).
                if ((a.kind == NameKind::capital || a.kind == NameKind::seat) && name_word(end) &&
                    !sentence.shouting && trie_at(ex.words_.agent_words, end).length == 0 &&
                    trie_at(ex.words_.title_names, end).length == 0) {
                    const std::uint32_t e = name_end(end);
                    Entity org;
                    org.label = surface(i, e);
                    org.id = "org:" + slugify(org.label);
                    org.type = EntityType::organization;
                    org.country = entry.entity.country;
                    add_mention(i, e, {entity_index(org, org.label)});
                    i = e;
                    continue;
                }
                // "Imam Khomeini International Airport", "the Kennedy School": a name inside a longer one.
                if (entry.entity.type == EntityType::person && name_word(end) && !sentence.shouting &&
                    trie_at(ex.words_.title_names, end).length == 0) {
                    i = name_end(end);
                    continue;
                }
                if (entry.entity.type == EntityType::person) {
                    int p = lexicon_entity(a.actor, alias);
                    add_mention(i, end, {p});
                    i = after_person(end);
                    continue;
                }
                int actor = lexicon_entity(a.actor, alias);
                std::uint32_t k = end;
                if (norm(k) == "'s") ++k;
                // [state] ['s] [top|chief] TITLE [Name]
                std::uint32_t tk = k;
                while (norm(tk) == "top" || norm(tk) == "chief" || norm(tk) == "senior" || norm(tk) == "new" ||
                       norm(tk) == "former")
                    ++tk;
                // Portfolio words before a generic title: "industry minister", "Corporate Affairs Minister".
                if (trie_at(ex.words_.title_names, tk).length == 0) {
                    for (std::uint32_t extra = 1; extra <= 3; ++extra) {
                        const std::uint32_t q = tk + extra;
                        if (q >= sentence.last || !tokens[q - 1].word || owner_of(q - 1) != kNone ||
                            actor_at(q - 1).length > 0 || hard_boundary(q - 1))
                            break;
                        auto tt = trie_at(ex.words_.title_names, q);
                        if (tt.length > 0 && listed(WordList::portfolio_titles, q)) {
                            tk = q;
                            break;
                        }
                    }
                }
                if (trie_at(ex.words_.title_names, tk).length > 0) {
                    std::uint32_t next = title_mention(i, tk, actor);
                    if (next > tk) {
                        i = after_person(next);
                        continue;
                    }
                }
                // [state] agent: "Chinese officials", "U.S. troops", "China's foreign ministry"
                if (auto ag = trie_at(ex.words_.agent_words, k);
                    ag.length > 0 && entry.entity.type == EntityType::organization && !lex.agents[ag.values->front()].body &&
                    a.kind != NameKind::demonym) {
                    // "NATO officials", "G7 delegates", "EU leaders": the organisation acting.
                    const std::uint32_t agent_end = k + static_cast<std::uint32_t>(ag.length);
                    add_mention(i, agent_end, {actor});
                    i = agent_end;
                    continue;
                }
                if (auto ag = trie_at(ex.words_.agent_words, k); ag.length > 0 && entry.entity.type == EntityType::country) {
                    const AgentEntry& agent = lex.agents[ag.values->front()];
                    const std::uint32_t agent_end = k + static_cast<std::uint32_t>(ag.length);
                    // "Turkish diplomat Volkan Bozkir": the agent word is the person's description.
                    if (!agent.body && !sentence.shouting && name_end(agent_end) >= agent_end + 2) {
                        const std::uint32_t e = name_end(agent_end);
                        int p = person_from_name(agent_end, e, entities[actor].country);
                        add_mention(i, e, {p});
                        affiliate(p, actor, ex.affiliated_with_, i, e, 0.8);
                        i = after_person(e);
                        continue;
                    }
                    int who = agent.body ? body_entity(actor, agent, surface(i, agent_end)) : actor;
                    if (!agent.body) graph::add_alias(entities[actor].aliases, alias);
                    add_mention(i, agent_end, {who});
                    if (agent.body && agent.sector != "rebels" && agent.sector != "opposition" &&
                        agent.sector != "civilians")
                        affiliate(who, actor, ex.part_of_, i, agent_end, 0.8);
                    i = agent_end;
                    continue;
                }
                // "American journalist Austin Tice", "the British firm Cable and Wireless": a demonym, one or two
                // lower-case words, then a full name.
                if (a.kind == NameKind::demonym && !sentence.shouting && entry.entity.type == EntityType::country) {
                    std::uint32_t q = end;
                    while (q < end + 2 && q < sentence.last && tokens[q].word && !tokens[q].cap &&
                           !hard_boundary(q) && !listed(WordList::prepositions, q) &&
                           !listed(WordList::verb_group, q) && trie_at(ex.words_.agent_words, q).length == 0 &&
                           trie_at(ex.words_.title_names, q).length == 0)
                        ++q;
                    if (q > end && actor_at(q).length == 0 && name_end(q) >= q + 2) {
                        const std::uint32_t e = name_end(q);
                        int p = person_from_name(q, e, entities[actor].country);
                        int m0 = add_mention(i, end, {actor});
                        mentions[m0].usable = false;
                        add_mention(q, e, {p});
                        affiliate(p, actor, ex.affiliated_with_, i, e, 0.75);
                        i = after_person(e);
                        continue;
                    }
                }
                // "China's Xi", "Britain's Prince Charles": a person of this state.
                if (entry.entity.type == EntityType::country && norm(end) == "'s" && !sentence.shouting) {
                    auto [known, known_end] = known_person_at(end + 1);
                    int p = known;
                    std::uint32_t e = known_end;
                    if (p == kNone) {
                        auto b = actor_at(end + 1);
                        if (b.length > 0 && lex.actors[b.actor].entity.type == EntityType::person) {
                            p = lexicon_entity(b.actor, surface(end + 1, end + 1 + b.length));
                            e = end + 1 + b.length;
                        } else if (name_end(end + 1) > end + 1 && trie_at(ex.words_.agent_words, end + 1).length == 0) {
                            e = name_end(end + 1);
                            const std::string key = fold(surface(end + 1, e));
                            auto sur = ex.persons_by_surname_.find(key);
                            if (sur != ex.persons_by_surname_.end()) {
                                std::vector<std::uint32_t> fits;
                                for (auto q : sur->second)
                                    if (lex.actors[q].entity.country == entry.entity.country && in_era(q))
                                        fits.push_back(q);
                                if (fits.size() == 1) p = lexicon_entity(fits.front(), surface(end + 1, e));
                            }
                        }
                    }
                    if (p != kNone) {
                        int m0 = add_mention(i, end, {actor});
                        mentions[m0].usable = false;
                        add_mention(end + 1, e, {p});
                        std::erase(pending_lexicon_affiliations, p);
                        affiliate(p, actor, ex.holds_office_in_, i, e, 0.85);
                        i = after_person(e);
                        continue;
                    }
                }
                int m = add_mention(i, end, {actor});
                const std::uint32_t after_acronym = learn_acronym(end, actor);
                if (after_acronym > end) {
                    i = after_acronym;
                    continue;
                }
                if (a.kind == NameKind::demonym) {
                    // A bare demonym is an actor only when plural (the Afghans), used as a noun (the
                    // Japanese complained) or in a pair (Sino-US).
                    const bool as_noun = i > s0 && tokens[i - 1].is("the") &&
                                         (end >= sentence.last || (!tokens[end].word && !tokens[end].is("-")) ||
                                          listed(WordList::verb_group, end) ||
                                          listed(WordList::reporting_verbs, end) ||
                                          listed(WordList::pattern_start, end));
                    mentions[m].weak = !ends_with(tokens[end - 1].norm, "s") && !as_noun;
                } else if (a.kind == NameKind::capital) {
                    mentions[m].place = true;
                    mentions[m].place_name = alias;
                } else if (!entry.part_of.empty()) {
                    auto it = lex.actor_by_id.find(entry.part_of);
                    if (it != lex.actor_by_id.end()) {
                        int group = lexicon_entity(it->second, "");
                        affiliate(actor, group, ex.part_of_, i, end);
                    }
                }
                i = end;
                continue;
            }
            // "the G7 delegates said they were united": they = the collective actor just named.
            if ((t.is("they") || t.is("their")) && !mentions.empty()) {
                const MentionSpan& prev = mentions.back();
                if (prev.usable && !prev.weak && prev.members.size() == 1 &&
                    (entities[prev.members.front()].type == EntityType::organization ||
                     entities[prev.members.front()].type == EntityType::country)) {
                    int m = add_mention(i, i + 1, {prev.members.front()});
                    mentions[m].indirect = true;
                    mentions[m].possessive = t.is("their");
                    ++i;
                    continue;
                }
            }
            // An acronym this article defined: "the ZLF".
            if (t.all_caps && !article_acronyms.empty()) {
                if (auto it = article_acronyms.find(std::string(surface(i))); it != article_acronyms.end()) {
                    add_mention(i, i + 1, {it->second});
                    ++i;
                    continue;
                }
            }
            // "the Zetland Liberation Front (ZLF)": an organisation the lexicons do not know, named with its
            // acronym.
            if (t.cap && !sentence.shouting && !t.is("the")) {
                std::uint32_t e = i;
                while (e < sentence.last && e < i + 8 &&
                       ((tokens[e].cap && tokens[e].word && actor_at(e).length == 0) ||
                        (e > i && (tokens[e].is("of") || tokens[e].is("for") || tokens[e].is("and") ||
                                   tokens[e].is("the")))))
                    ++e;
                while (e > i && !tokens[e - 1].cap) --e;
                if (e >= i + 2 && norm(e) == "(" && e + 2 < sentence.last && norm(e + 2) == ")" &&
                    tokens[e + 1].all_caps && tokens[e + 1].norm.size() <= 8) {
                    Entity org;
                    org.label = surface(i, e);
                    org.id = "org:" + slugify(org.label);
                    org.type = EntityType::organization;
                    const int entity = entity_index(org, org.label);
                    add_mention(i, e, {entity});
                    i = learn_acronym(e, entity);
                    continue;
                }
            }
            // Pronouns
            if (listed(WordList::person_pronouns, i) && last_person != kNone) {
                int m = add_mention(i, i + 1, {last_person});
                mentions[m].indirect = true;
                mentions[m].possessive = t.is("his") || t.is("her");
                ++i;
                continue;
            }
            if (listed(WordList::thing_pronouns, i) && last_thing != kNone) {
                int m = add_mention(i, i + 1, {last_thing});
                mentions[m].indirect = true;
                mentions[m].possessive = t.is("its");
                ++i;
                continue;
            }
            // Mr. Wang
            if (listed(WordList::honorifics, i) && name_word(i + 1)) {
                auto [known, known_end] = known_person_at(i + 1);
                std::uint32_t e = known != kNone ? known_end : name_end(i + 1);
                int p = known != kNone ? known : person_from_name(i + 1, e, "");
                add_mention(i, e, {p});
                i = after_person(e);
                continue;
            }
            // The secretary, the foreign minister: the last holder of that title.
            if (auto r = trie_at(ex.words_.title_references, i); r.length > 0) {
                auto holder = title_holder.find(r.values->front());
                if (holder != title_holder.end()) {
                    // "the secretary" is one of the person's names in this article.
                    graph::add_alias(entities[holder->second].aliases, surface(i, i + static_cast<std::uint32_t>(r.length)));
                    int m = add_mention(i, i + static_cast<std::uint32_t>(r.length), {holder->second});
                    mentions[m].indirect = true;
                    i += static_cast<std::uint32_t>(r.length);
                    continue;
                }
            }
            // A person named before: "Blinken", "Wang"
            if (t.cap) {
                auto [known, known_end] = known_person_at(i);
                if (known != kNone) {
                    graph::add_alias(entities[known].aliases, surface(i, known_end));  // "Blinken"
                    add_mention(i, known_end, {known});
                    i = after_person(known_end);
                    continue;
                }
                // "Antony Blinken, the U.S. secretary of state," : an unknown name with a titled appositive.
                if (!sentence.shouting) {
                    std::uint32_t e = name_end(i);
                    if (e > i + 1 && norm(e) == ",") {
                        std::uint32_t save = static_cast<std::uint32_t>(mentions.size());
                        int p = person_from_name(i, e, "");
                        add_mention(i, e, {p});
                        std::uint32_t after = appositive(e, p);
                        if (after > e) {
                            i = after;
                            continue;
                        }
                        // not a person after all
                        for (auto k = i; k < e; ++k) owner[k - s0] = kNone;
                        mentions.resize(save);
                    }
                }
            }
            ++i;
        }
        quoted_speaker();
        // A dateline ("LONDON, March 22 -", "WASHINGTON (Reuters) -") names where, not who.
        if (!mentions.empty() && mentions.front().first == s0 && tokens[s0].all_caps &&
            (norm(mentions.front().last) == "," || norm(mentions.front().last) == "(" ||
             norm(mentions.front().last) == "--"))
            mentions.front().usable = false;
    }

    /// "We reconfirm our support for France," the G7 said: first-person pronouns inside the quotation
    /// stand for the speaker named after it (or before it: the G7 said: "We ...").
    void quoted_speaker() {
        const std::uint32_t s0 = sentence.first;
        std::uint32_t open = sentence.last, close = sentence.last;
        for (auto k = s0; k < sentence.last; ++k) {
            if (!tokens[k].is("\"")) continue;
            if (open == sentence.last) open = k;
            else close = k;
        }
        int speaker = kNone;
        if (open == s0 && close < sentence.last) {
            // "...," the G7 said / "...," said the G7
            std::uint32_t k = close + 1;
            while (k < sentence.last && (norm(k) == "the" || norm(k) == "said" || norm(k) == "says")) ++k;
            int m = owner_of(k);
            if (m != kNone && mentions[m].usable && mentions[m].members.size() == 1) {
                std::uint32_t after = mentions[m].last;
                if (in_list(WordList::reporting_verbs, after) || in_list(WordList::reporting_verbs, close + 1))
                    speaker = mentions[m].members.front();
            }
        } else if (open != sentence.last && open > s0 && close > open) {
            // the G7 said: "We ..."
            std::uint32_t k = open;
            while (k > s0 && (norm(k - 1) == ":" || norm(k - 1) == ",")) --k;
            if (k > s0 && in_list(WordList::reporting_verbs, k - 1)) {
                int m = owner_of(k - 2);
                if (m != kNone && mentions[m].usable && mentions[m].members.size() == 1) speaker = mentions[m].members.front();
            }
        }
        if (speaker == kNone) return;
        const std::uint32_t first = open == s0 ? s0 + 1 : open + 1;
        const std::uint32_t last = open == s0 ? close : (close < sentence.last ? close : sentence.last);
        for (auto k = first; k < last; ++k) {
            if (owner[k - s0] != kNone || !listed(WordList::first_person, k)) continue;
            int m = add_mention(k, k + 1, {speaker});
            mentions[m].indirect = true;
            mentions[m].possessive = tokens[k].is("our") || tokens[k].is("my");
        }
    }

    /// After a person mention ending at `end`: an appositive saying who they are, if any.
    std::uint32_t after_person(std::uint32_t end) {
        if (mentions.empty()) return end;
        const int person = mentions.back().members.front();
        if (entities[person].type != EntityType::person) return end;
        return appositive(end, person);
    }

    // ---- slots ----------------------------------------------------------------------------------

    bool preposition_before(const MentionSpan& m) const {
        std::uint32_t k = m.first;
        while (k > sentence.first) {
            --k;
            std::string_view n = norm(k);
            if (n == "the" || n == "a" || n == "an") continue;
            return in_list(WordList::prepositions, k);
        }
        return false;
    }

    /// "A, B and C" ending at mention `m`. Reading leftwards the first link must be "and" or "or":
    /// "In Beijing, Wang met" is no list.
    std::vector<int> coordinated_left(int m) const {
        std::vector<int> list{m};
        std::uint32_t k = mentions[m].first;
        bool conjunction_seen = false;
        while (k > sentence.first + 1 && list.size() < 12) {
            std::uint32_t j = k - 1;
            // "Soviet-led Comecon", "U.S.-backed forces": a hyphenated modifier belongs to the mention.
            if (j >= sentence.first + 2 && tokens[j].word && norm(j - 1) == "-" && owner_of(j - 2) != kNone &&
                mentions[owner_of(j - 2)].weak)
                j = mentions[owner_of(j - 2)].first - 1;
            if (norm(j) == "the" || norm(j) == "both") --j;  // "Britain and the United States"
            std::string_view n = norm(j);
            if (n != "and" && n != "," && n != "or" && n != "&") break;
            if (n == ",") {
                if (!conjunction_seen) break;
            } else {
                conjunction_seen = true;
                if (j > sentence.first && norm(j - 1) == ",") --j;  // serial comma
            }
            if (j == sentence.first) break;
            // "The European Community (EC) and ...": the abbreviation in brackets repeats the name.
            if (norm(j - 1) == ")" && j >= sentence.first + 3 && norm(j - 3) == "(" && owner_of(j - 2) != kNone)
                j -= 3;
            int prev = owner_of(j - 1);
            if (prev == kNone || !mentions[prev].usable || mentions[prev].weak || mentions[prev].possessive) break;
            if (mentions[prev].place && preposition_before(mentions[prev])) break;
            list.push_back(prev);
            k = mentions[prev].first;
        }
        std::reverse(list.begin(), list.end());
        return list;
    }

    /// "A, B and C" starting at mention `m`; items joined by commas count only when an "and" or "or"
    /// closes the list ("North Korea, Japan said" is no list).
    std::vector<int> coordinated_right(int m) const {
        std::vector<int> list{m};
        std::size_t confirmed = 1;
        std::uint32_t k = mentions[m].last;
        if (mentions[m].possessive) return list;
        while (k + 1 < sentence.last && list.size() < 12) {
            std::string_view n = norm(k);
            if (n != "and" && n != "," && n != "or" && n != "&") break;
            std::uint32_t j = k + 1;
            bool conjunction = n != ",";
            if (n == "," && (norm(j) == "and" || norm(j) == "or")) {
                ++j;
                conjunction = true;
            }
            while (norm(j) == "the") ++j;
            int next = owner_of(j);
            if (next == kNone || !mentions[next].usable || mentions[next].weak) break;
            list.push_back(next);
            if (conjunction) confirmed = list.size();
            k = mentions[next].last;
            if (conjunction) break;  // the conjunction closes the list
        }
        list.resize(confirmed);
        return list;
    }

    bool hard_boundary(std::uint32_t i) const {
        std::string_view n = norm(i);
        return n == "." || n == ";" || n == ":" || n == "(" || n == ")" || n == "\"" || n == "?" || n == "!" ||
               in_list(WordList::clause_boundaries, i) || in_list(WordList::reporting_verbs, i);
    }

    /// The first usable mention of the clause that ends before `pos` and is not inside a prepositional phrase.
    std::optional<int> clause_subject(std::uint32_t pos) const {
        std::uint32_t start = pos;
        while (start > sentence.first && !hard_boundary(start - 1)) --start;
        for (auto k = start; k < pos; ++k) {
            int m = owner_of(k);
            if (m != kNone && mentions[m].usable && !mentions[m].weak && !preposition_before(mentions[m]) &&
                !mentions[m].possessive)
                return m;
        }
        return std::nullopt;
    }

    /// When the sentence opens with a prepositional phrase ending at a comma after `pos`, the actor that
    /// follows the comma.
    std::optional<int> subject_after_fronted_phrase(std::uint32_t trigger, std::uint32_t pos) const {
        if (!listed(WordList::prepositions, sentence.first) &&
            !listed(WordList::clause_boundaries, sentence.first))
            return std::nullopt;
        for (std::uint32_t k = sentence.first; k < trigger; ++k)
            if (norm(k) == ",") return std::nullopt;  // the phrase ended before the trigger
        for (std::uint32_t k = pos; k + 1 < sentence.last; ++k) {
            if (hard_boundary(k)) return std::nullopt;
            if (norm(k) != ",") continue;
            std::uint32_t j = k + 1;
            while (norm(j) == "the") ++j;
            int m = owner_of(j);
            if (m != kNone && mentions[m].usable && !mentions[m].weak && !mentions[m].possessive) return m;
            return std::nullopt;
        }
        return std::nullopt;
    }

    /// The first usable mention of the sentence before `pos` that is not in a prepositional phrase.
    std::optional<int> sentence_subject(std::uint32_t pos) const {
        for (auto k = sentence.first; k < pos; ++k) {
            int m = owner_of(k);
            if (m != kNone && mentions[m].usable && !mentions[m].weak && !preposition_before(mentions[m]) &&
                !mentions[m].possessive)
                return m;
            if (listed(WordList::reporting_verbs, k)) return std::nullopt;
        }
        return std::nullopt;
    }

    /// The subject on the left of a trigger at `pos`: across the verb group, a relative clause or a
    /// short noun phrase; for verbs coordinated after an object ("attacked X and threatened Y"),
    /// the clause's subject.
    Slot left_slot(std::uint32_t pos, int budget) const {
        Slot slot;
        std::uint32_t j = pos;
        int skipped = 0;
        bool crossed_and = false;
        bool adjacent = true;
        while (j > sentence.first) {
            --j;
            if (int m = owner_of(j); m != kNone) {
                const MentionSpan& ms = mentions[m];
                // "Japanese nationals abducted by the North": a demonym on the noun before the verb.
                const bool demonym_subject = ms.weak && ms.last < pos && tokens[ms.last].word &&
                                             !tokens[ms.last].cap && !hard_boundary(ms.last) &&
                                             !listed(WordList::verb_group, ms.last) && !crossed_and;
                if (!ms.usable || (ms.weak && !demonym_subject) || ms.possessive ||
                    (ms.place && preposition_before(ms)) || preposition_before(ms)) {
                    j = ms.first;
                    skipped += 1;
                    adjacent = false;
                    if (skipped > budget) break;
                    continue;
                }
                if (crossed_and && adjacent_verb_before(ms)) {
                    // VP coordination: the mention is the object of the first verb.
                    if (auto s = clause_subject(ms.first)) {
                        slot.mentions = coordinated_left(*s);
                        slot.factor = 0.75;
                    }
                    return slot;
                }
                slot.mentions = coordinated_left(m);
                slot.factor = adjacent ? 1.0 : 0.9;
                return slot;
            }
            std::string_view n = norm(j);
            if (n == "who" || n == "which") {
                if (j > sentence.first && norm(j - 1) == ",") --j;
                continue;
            }
            if (in_list(WordList::subject_blockers, j)) return slot;  // "we call upon", "no country can"
            if (n == "and") {
                // "X and Y met" is coordination of subjects, handled by coordinated_left.
                crossed_and = true;
                adjacent = false;
                continue;
            }
            if (in_list(WordList::verb_group, j) || (ends_with(n, "ly") && n.size() > 4)) {
                continue;
            }
            if (n == ",") {
                // ", who met Blinken last year," or ", the foreign minister," between subject and verb
                std::uint32_t c = j;
                bool jumped = false;
                for (std::uint32_t k = j; k > sentence.first && j - k < 20;) {
                    --k;
                    if (norm(k) == "," && k + 1 < j) {
                        std::string_view after = norm(k + 1);
                        if (after == "who" || after == "which" || after == "whose" || after == "the" ||
                            after == "a" || after == "an" || after == "according" || owner_of(k + 1) != kNone) {
                            c = k;
                            jumped = true;
                        }
                        break;
                    }
                    if (hard_boundary(k) && norm(k) != "who" && norm(k) != "which") break;
                }
                if (!jumped) break;
                j = c;
                adjacent = false;
                continue;
            }
            if (hard_boundary(j)) break;
            if (!tokens[j].word && n != "-" && n != "'s") break;
            adjacent = false;
            if (n == "-" || n == "'s" || n == "the" || n == "a" || n == "an" || tokens[j].number) continue;
            if (++skipped > budget) break;
        }
        if (auto s = clause_subject(pos); s && crossed_and) {
            slot.mentions = coordinated_left(*s);
            slot.factor = 0.75;
        }
        return slot;
    }

    /// True when the word right before mention `ms` is a content word (a verb of which it is the object).
    bool adjacent_verb_before(const MentionSpan& ms) const {
        std::uint32_t k = ms.first;
        while (k > sentence.first) {
            --k;
            std::string_view n = norm(k);
            if (in_list(WordList::object_gap, k)) continue;
            if (owner_of(k) != kNone) return false;
            return tokens[k].word && !in_list(WordList::verb_group, k) && !hard_boundary(k) && n != "and";
        }
        return false;
    }

    /// A demonym on a noun ("tariffs on Japanese goods") stands for its state as the object of acts
    /// done to things (sanctions, attacks, seizures), not of talks or requests ("demand for American goods").
    static bool demonym_objects(const Pattern& p) {
        const auto& c = p.relation->category;
        return c == "SANCTION" || c == "ASSAULT" || c == "COERCE" || c == "THREATEN" || c == "MOBILIZE" ||
               c == "AID" || c == "ACCUSE" || c == "SUPPORT" || c == "REJECT";
    }

    Slot right_slot(std::uint32_t pos, int budget, bool allow_demonym = true, bool allow_crossing = true) const {
        Slot slot;
        std::uint32_t j = pos;
        int skipped = 0;
        bool crossed = false;
        while (j < sentence.last) {
            if (int m = owner_of(j); m != kNone) {
                if (mentions[m].indirect && mentions[m].possessive && mentions[m].last == j + 1) {
                    ++j;  // "its forces", "his counterpart": the pronoun is not the object
                    continue;
                }
                // "tariffs on Japanese goods", "an attack on an Israeli airliner": the state behind the noun.
                const bool demonym_object = allow_demonym && mentions[m].weak && mentions[m].last < sentence.last &&
                                            tokens[mentions[m].last].word && !tokens[mentions[m].last].cap &&
                                            !hard_boundary(mentions[m].last);
                // "the Cuban-backed Angolan government": the head after the hyphenated modifier.
                if (mentions[m].weak && norm(mentions[m].last) == "-" && mentions[m].last + 1 < sentence.last &&
                    tokens[mentions[m].last + 1].word && !tokens[mentions[m].last + 1].cap) {
                    j = mentions[m].last + 2;
                    continue;
                }
                if (!mentions[m].usable || (mentions[m].weak && !demonym_object)) break;
                // "the Black Sea peninsula of Crimea": a place naming the next noun is not the object.
                if (entities[mentions[m].members.front()].type == EntityType::location &&
                    mentions[m].last < sentence.last && tokens[mentions[m].last].word &&
                    !tokens[mentions[m].last].cap && !hard_boundary(mentions[m].last) &&
                    !listed(WordList::prepositions, mentions[m].last) &&
                    !listed(WordList::verb_group, mentions[m].last)) {
                    j = mentions[m].last;
                    ++skipped;
                    continue;
                }
                // Past the verb's own budget only "the attacks by Rwanda", "the policies of China" lead on.
                if (skipped > budget && !crossed) break;
                slot.mentions = coordinated_right(m);
                slot.factor = (skipped == 0 ? 1.0 : 0.9) * (mentions[m].weak ? 0.8 : 1.0);
                return slot;
            }
            std::string_view n = norm(j);
            if (in_list(WordList::object_gap, j)) {
                ++j;
                continue;
            }
            // "an embargo on government forces in Ivory Coast": forces of the place that follows.
            const bool after_agent = j > pos && trie_at(ex.words_.agent_words, j - 1).length > 0;
            if (allow_crossing && !crossed && skipped > 0 && (n == "by" || n == "of" || (n == "in" && after_agent))) {
                crossed = true;
                ++j;
                continue;
            }
            // Reporting verbs are adjectives here ("condemned reported attacks"), not clause boundaries.
            if ((hard_boundary(j) && !in_list(WordList::reporting_verbs, j)) || !tokens[j].word ||
                in_list(WordList::prepositions, j))
                break;
            if (++skipped > (allow_crossing ? std::max(budget, 3) : budget)) break;
            ++j;
        }
        return slot;
    }

    /// The possessor of a nominal trigger at `pos`: "China's", "his", "U.S." directly before it.
    Slot possessor_slot(std::uint32_t pos) const {
        Slot slot;
        std::uint32_t j = pos;
        int skipped = 0;
        while (j > sentence.first && skipped <= 2) {
            --j;
            std::string_view n = norm(j);
            if (n == "'s" || n == "\"" || n == "'" || n == "-" || tokens[j].number) continue;
            if (int m = owner_of(j); m != kNone) {
                if (mentions[m].usable && !(mentions[m].place && preposition_before(mentions[m]))) {
                    slot.mentions = {m};
                    slot.factor = 1.0;
                }
                return slot;
            }
            if (hard_boundary(j) || !tokens[j].word || in_list(WordList::prepositions, j) || n == "and" ||
                in_list(WordList::verb_group, j))
                return slot;
            if (n == "the" || n == "a" || n == "an") return slot;
            if (++skipped > 2) return slot;
        }
        return slot;
    }

    /// True when the word before `pos` makes it a noun: a determiner, a possessive or a preposition.
    bool nominal_context(std::uint32_t pos) const {
        if (pos == sentence.first) return false;
        std::string_view n = norm(pos - 1);
        if (n == "to") return false;
        if (n == "the" || n == "a" || n == "an" || n == "'s" || n == "their" || n == "its" || n == "our" ||
            n == "his" || n == "her")
            return true;
        return in_list(WordList::prepositions, pos - 1);
    }

    /// True when the noun phrase ending before `pos` is the object of a preposition (for talks, during the visit).
    bool in_prepositional_phrase(std::uint32_t pos) const {
        std::uint32_t k = pos;
        int words = 0;
        while (k > sentence.first && words < 4) {
            --k;
            if (in_list(WordList::prepositions, k)) return true;
            if (owner_of(k) != kNone || hard_boundary(k) || !tokens[k].word) return false;
            ++words;
        }
        return false;
    }

    // ---- relations ------------------------------------------------------------------------------

    bool match_element(const Pattern& p, std::size_t e, std::uint32_t pos, std::uint32_t& end) const {
        if (e == p.elements.size()) {
            end = pos;
            return true;
        }
        const PatternElement& el = p.elements[e];
        if (el.gap) {
            // Up to three words; punctuation inside ("$4.5 million") does not count.
            std::uint32_t k = pos;
            for (int words = 0; words <= 3; ++k) {
                if (match_element(p, e + 1, k, end)) return true;
                if (k >= sentence.last || hard_boundary(k) || norm(k) == ",") break;
                if (int m = owner_of(k); m != kNone && !(mentions[m].indirect && mentions[m].possessive) &&
                                         !(mentions[m].place && preposition_before(mentions[m])) && !mentions[m].weak)
                    break;
                if (tokens[k].word) ++words;
            }
            return false;
        }
        // Scare quotes inside a trigger ("deep concerns" over) do not break it.
        if (e > 0 && pos < sentence.last && (tokens[pos].is("\"") || tokens[pos].is("'")) &&
            match_element(p, e, pos + 1, end))
            return true;
        for (const auto& alt : el.alternatives) {
            if (pos + alt.size() > sentence.last) continue;
            bool ok = true;
            for (std::size_t w = 0; w < alt.size() && ok; ++w)
                ok = owner_of(pos + static_cast<std::uint32_t>(w)) == kNone && tokens[pos + w].norm == alt[w];
            if (ok && match_element(p, e + 1, pos + static_cast<std::uint32_t>(alt.size()), end)) return true;
        }
        if (el.optional) return match_element(p, e + 1, pos, end);
        return false;
    }

    Modality modality_between(std::uint32_t from, std::uint32_t pos) const {
        std::uint32_t start = pos;
        while (start > sentence.first && (pos - start < 7 || start > from) && !hard_boundary(start - 1)) --start;
        // The boundary word itself may be the cue: "if it invaded Ukraine", "unless China agrees".
        if (start > sentence.first && (norm(start - 1) == "if" || norm(start - 1) == "unless" ||
                                       norm(start - 1) == "whether"))
            --start;
        Modality best = Modality::asserted;
        auto rank = [](Modality m) {
            return m == Modality::negated ? 3 : m == Modality::speculative ? 2 : m == Modality::planned ? 1 : 0;
        };
        for (auto k = start; k < pos; ++k) {
            auto cue = ex.words_.modality_cues.longest(k, pos - k, [&](std::size_t q) { return word_ids[q]; });
            if (cue.length == 0) continue;
            const std::uint32_t value = cue.values->front();
            // Far from the trigger only auxiliary-like cues count: "Ongpin proposed the fund during a
            // trip" does not make the trip a proposal.
            if (pos - k > 6 && (value & Lexicon::kClauseScope) == 0) continue;
            auto m = static_cast<Modality>(value & ~Lexicon::kClauseScope);
            if (rank(m) > rank(best)) best = m;
        }
        return best;
    }

    int place_entity(const MentionSpan& m) {
        const Entity& state = entities[m.members.front()];
        Entity place;
        place.id = "location:" + slugify(m.place_name);
        place.label = m.place_name;
        place.type = EntityType::location;
        place.country = state.country;
        return entity_index(place, m.place_name);
    }

    void emit(int subject, const graph::RelationType* relation, int object, Modality modality, double confidence,
              std::uint32_t /*first*/, std::uint32_t /*last*/, std::uint32_t trigger) {
        if (subject == object) return;
        graph::Triple t;
        t.subject = entities[subject];
        t.object = entities[object];
        t.relation = relation;
        t.modality = modality;
        if (relation->category == "AFFILIATION") {
            // Who someone is is not an event: it holds at the article's date.
            t.time = ex.times_.resolve(article.text, tokens, sentence.first, sentence.first, trigger, article.date,
                                       false);
        } else {
            t.time = ex.times_.resolve(article.text, tokens, sentence.first, sentence.last, trigger, article.date,
                                       modality == Modality::planned);
        }
        t.evidence.doc = article.id;
        t.evidence.sentence = sentence_index;
        t.evidence.begin = tokens[sentence.first].begin;
        t.evidence.end = tokens[sentence.last - 1].end;
        t.evidence.text = article.text.substr(t.evidence.begin, t.evidence.end - t.evidence.begin);
        t.confidence = std::round(confidence * 1000.0) / 1000.0;
        out.push_back(std::move(t));
    }

    void relate(const Pattern& p, const Slot& subjects, const Slot& objects, std::uint32_t start, std::uint32_t end) {
        // Modality cues sit between the subject and the trigger ("Blinken plans to visit ... for talks").
        std::uint32_t from = start;
        for (int m : subjects.mentions)
            if (mentions[m].last <= start && start - mentions[m].last <= 15) from = std::min(from, mentions[m].last);
        const Modality modality = modality_between(from, start);
        std::vector<int> subj_entities, obj_entities;
        double factor = subjects.factor * objects.factor;
        bool indirect = false;
        for (int m : subjects.mentions) {
            indirect |= mentions[m].indirect;
            for (int e : mentions[m].members) subj_entities.push_back(e);
        }
        for (int m : objects.mentions) {
            indirect |= mentions[m].indirect;
            if (mentions[m].place && p.destination) obj_entities.push_back(place_entity(mentions[m]));
            else
                for (int e : mentions[m].members) obj_entities.push_back(e);
        }
        if (indirect) factor *= 0.9;
        const double confidence = p.confidence * factor;
        if (obj_entities.empty()) {
            // A symmetric event of a group: "the two leaders met", "China and Japan agreed".
            if (!p.relation->symmetric || subj_entities.size() < 2) return;
            for (std::size_t a = 0; a < subj_entities.size(); ++a)
                for (std::size_t b = a + 1; b < subj_entities.size(); ++b)
                    emit(subj_entities[a], p.relation, subj_entities[b], modality, confidence, start, end, start);
            return;
        }
        for (int s : subj_entities)
            for (int o : obj_entities) emit(s, p.relation, o, modality, confidence, start, end, start);
        if (subj_entities.size() >= 2) remember_group(subj_entities);
    }

    void remember_group(const std::vector<int>& members) {
        last_group = members;
        last_group_sentence = sentence_index;
    }

    /// "urged Britain to restore relations with Syria": what is asked for has not happened; the request
    /// (urges Britain) is the relation. True when `subjects` is the object of a request or threat verb
    /// and the trigger is its infinitive.
    bool requested_action(std::uint32_t start, const Slot& subjects) const {
        if (subjects.mentions.empty()) return false;
        std::uint32_t k = start;
        while (k > sentence.first && listed(WordList::verb_group, k - 1) && !tokens[k - 1].is("to")) --k;
        if (k == sentence.first || !tokens[k - 1].is("to")) return false;
        const MentionSpan& subject = mentions[subjects.mentions.front()];
        for (const auto& h : request_hits)
            if (h <= subject.first && subject.first - h <= 4) return true;
        return false;
    }
    std::vector<std::uint32_t> request_hits;  ///< end positions of request and threat triggers

    std::size_t specificity(std::uint32_t pattern) const {
        std::size_t n = 0;
        for (const auto& el : lex.patterns[pattern].elements) n += el.gap ? 0 : 1;
        return n;
    }

    void find_relations() {
        struct Hit {
            std::uint32_t pattern, start, end;
        };
        std::vector<Hit> hits;
        for (auto i = sentence.first; i < sentence.last; ++i) {
            if (owner_of(i) != kNone || !listed(WordList::pattern_start, i)) continue;
            const auto* starting = ex.words_.patterns_starting_with(word_ids[i]);
            if (starting == nullptr) continue;
            for (auto p : *starting) {
                std::uint32_t end = 0;
                const Pattern& pattern = lex.patterns[p];
                if (!match_element(pattern, 0, i, end) || end <= i) continue;
                if (i > sentence.first && pattern.not_after.contains(tokens[i - 1].norm)) continue;
                // "meet a U.S. request", "strike a deal": the noun within the next few words cancels it.
                bool cancelled = false;
                for (std::uint32_t next = end, seen = 0; next < sentence.last && seen < 3 && !cancelled; ++next) {
                    if (hard_boundary(next) || norm(next) == ",") break;
                    if (pattern.not_before.contains(tokens[next].norm)) cancelled = true;
                    if (norm(next) != "a" && norm(next) != "an" && norm(next) != "the") ++seen;
                }
                if (cancelled) continue;
                // "the North's deepening cooperation", "for talks with": a verb form used as a noun.
                if (pattern.frame == Frame::verb && nominal_context(i)) continue;
                // "Cuban-backed": a hyphenated participle is an adjective, not the clause's verb.
                if (pattern.frame == Frame::verb && i > sentence.first && tokens[i - 1].is("-") &&
                    !tokens[i].space_before)
                    continue;
                hits.push_back({p, i, end});
            }
        }
        // A longer match covering a shorter one (sign ... agreement with / sign) replaces it.
        std::vector<bool> dropped(hits.size(), false);
        for (std::size_t a = 0; a < hits.size(); ++a)
            for (std::size_t b = 0; b < hits.size(); ++b) {
                if (a == b) continue;
                const bool covers = hits[a].start <= hits[b].start && hits[a].end >= hits[b].end &&
                                    (hits[a].end - hits[a].start) > (hits[b].end - hits[b].start);
                // On the same words, the pattern that spells out more of them is the more specific.
                const Pattern& pa = lex.patterns[hits[a].pattern];
                const Pattern& pb = lex.patterns[hits[b].pattern];
                const bool same_words = hits[a].start == hits[b].start && hits[a].end == hits[b].end &&
                                        pa.frame == pb.frame;
                // irkg's own pattern beats a dictionary's (cameo-...) on the same words.
                const bool dictionary_twin = same_words && specificity(hits[a].pattern) == specificity(hits[b].pattern) &&
                                             !pa.id.starts_with("cameo-") && pb.id.starts_with("cameo-");
                const bool same = dictionary_twin ||
                                  (same_words && specificity(hits[a].pattern) > specificity(hits[b].pattern));
                if (covers || same) dropped[b] = true;
            }
        if (debug_) {
            std::string line = "[irkg debug] sentence " + std::to_string(sentence_index) + ":";
            for (const auto& m : mentions) {
                line += " [" + surface(m.first, m.last) + " ->";
                for (int e : m.members) line += " " + entities[e].id;
                if (!m.usable) line += " unusable";
                if (m.weak) line += " weak";
                if (m.place) line += " place";
                if (m.possessive) line += " poss";
                line += "]";
            }
            for (std::size_t h = 0; h < hits.size(); ++h)
                line += " {" + lex.patterns[hits[h].pattern].id + ":" + surface(hits[h].start, hits[h].end) +
                        (dropped[h] ? " dropped" : "") + "}";
            std::fprintf(stderr, "%s\n", line.c_str());
        }
        request_hits.clear();
        for (std::size_t h = 0; h < hits.size(); ++h) {
            const auto& category = lex.patterns[hits[h].pattern].relation->category;
            if (!dropped[h] && (category == "REQUEST" || category == "THREATEN")) request_hits.push_back(hits[h].end);
        }
        for (std::size_t h = 0; h < hits.size(); ++h) {
            if (dropped[h]) continue;
            const Pattern& p = lex.patterns[hits[h].pattern];
            const auto start = hits[h].start, end = hits[h].end;
            Slot subjects, objects;
            switch (p.frame) {
                case Frame::verb:
                    subjects = left_slot(start, 3);
                    if (requested_action(start, subjects)) continue;
                    objects = right_slot(end, p.object_adjacent ? 0 : 1, demonym_objects(p), !p.object_adjacent);
                    if (subjects.mentions.empty()) continue;
                    break;
                case Frame::noun:
                    objects = right_slot(end, 1, demonym_objects(p));
                    subjects = possessor_slot(start);
                    if (!objects.mentions.empty()) {
                        // "visits to Saudi Arabia by British officials": the agent follows.
                        const std::uint32_t after = mentions[objects.mentions.back()].last;
                        if (norm(after) == "by") {
                            Slot agent = right_slot(after + 1, 1);
                            if (!agent.mentions.empty()) subjects = agent;
                        }
                    }
                    if (subjects.mentions.empty() && in_prepositional_phrase(start)) {
                        // "... for talks with X", "during a visit to X": the clause's subject.
                        if (auto c = clause_subject(start)) {
                            subjects.mentions = coordinated_left(*c);
                            subjects.factor = 0.8;
                        }
                    }
                    if (subjects.mentions.empty()) {
                        subjects = left_slot(start, 5);
                        subjects.factor *= 0.9;
                    }
                    if (subjects.mentions.empty() && !objects.mentions.empty()) {
                        // "After a day of meetings with Bush and Shultz, Clark told ...": the subject
                        // follows the fronted phrase.
                        if (auto c = subject_after_fronted_phrase(start, mentions[objects.mentions.back()].last)) {
                            subjects.mentions = {*c};
                            subjects.factor = 0.7;
                        }
                    }
                    if (subjects.mentions.empty() && p.relation->symmetric) {
                        // "Singh arrived for a foray that includes talks with Bush": the sentence's actor.
                        if (auto c = sentence_subject(start)) {
                            subjects.mentions = coordinated_left(*c);
                            subjects.factor = 0.7;
                        }
                    }
                    if (subjects.mentions.empty()) continue;
                    break;
                case Frame::passive:
                    objects = left_slot(start, 3);
                    subjects = right_slot(end, 1);
                    if (subjects.mentions.empty() || objects.mentions.empty()) continue;
                    break;
                case Frame::between: {
                    Slot pair = right_slot(end, 1);
                    if (pair.mentions.size() < 2) continue;
                    subjects.mentions = pair.mentions;
                    break;
                }
                case Frame::adjectival: {
                    // "Iranian-backed Houthi rebels": actor, hyphen, participle, then the actor it qualifies.
                    if (start < sentence.first + 2 || norm(start - 1) != "-" || tokens[start].space_before) continue;
                    int left = owner_of(start - 2);
                    if (left == kNone) continue;
                    subjects.mentions = {left};
                    subjects.factor = 1.0;
                    objects = right_slot(end, 0, true, false);
                    if (objects.mentions.empty()) continue;
                    break;
                }
                case Frame::compound: {
                    // "Sino-US talks", "U.S.-China relations", "Israeli-Egyptian cooperation"
                    std::uint32_t k = start;
                    int skip = 0;
                    while (k > sentence.first && owner_of(k - 1) == kNone && skip < 2 && tokens[k - 1].word &&
                           !hard_boundary(k - 1)) {
                        --k;
                        ++skip;
                    }
                    int right = owner_of(k - 1);
                    if (k <= sentence.first + 2 || right == kNone) continue;
                    std::uint32_t r0 = mentions[right].first;
                    if (r0 < sentence.first + 2 || norm(r0 - 1) != "-") continue;
                    int left = owner_of(r0 - 2);
                    if (left == kNone || left == right) continue;
                    subjects.mentions = {left, right};
                    subjects.factor = 0.9;
                    break;
                }
            }
            // "wants China to ...": the object must be followed by the pattern's word.
            if (!p.object_then.empty() && !objects.mentions.empty()) {
                const std::uint32_t after = mentions[objects.mentions.back()].last;
                bool found = false;
                for (std::uint32_t k = after; k < after + 3 && k < sentence.last && !found; ++k)
                    found = norm(k) == p.object_then;
                if (!found) continue;
            }
            relate(p, subjects, objects, start, end);
        }
    }

    void index_words() {
        const std::size_t n = tokens.size();
        // Norms first, then the surfaces that differ from their norm, all looked up in one batch.
        std::vector<std::string_view> words(n);
        std::vector<std::uint32_t> differs;  // tokens whose surface is words[n + j]
        for (std::uint32_t k = 0; k < n; ++k) {
            words[k] = tokens[k].norm;
            if (surface(k) != words[k]) {
                words.push_back(surface(k));
                differs.push_back(k);
            }
        }
        std::vector<std::uint32_t> ids(words.size());
        ex.words_.ids(words, ids.data());
        word_ids.assign(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(n));
        surface_ids = word_ids;
        for (std::size_t j = 0; j < differs.size(); ++j) surface_ids[differs[j]] = ids[n + j];
        word_flags.resize(n);
        constexpr std::uint32_t abbreviation = word_list_bit(WordList::starts_abbreviation);
        for (std::uint32_t k = 0; k < n; ++k)
            word_flags[k] = (ex.words_.lists(word_ids[k]) & ~abbreviation) | (ex.words_.lists(surface_ids[k]) & abbreviation);
    }

    void run(std::uint64_t* sentence_count, std::uint64_t* long_sentences) {
        if (article.date.size() >= 4) article_year = std::atoi(article.date.substr(0, 4).c_str());
        tokens = lex.tokenizer.tokenize(article.text);
        index_words();
        const auto sentences = ex.splitter_.split(tokens);
        if (sentence_count) *sentence_count = sentences.size();
        // A headline uses surnames the body introduces ("Musharraf visits Afghanistan"): read it after
        // the body. A headline shouts, or stands alone in its paragraph without a full stop.
        std::vector<std::uint32_t> order(sentences.size());
        for (std::uint32_t s = 0; s < order.size(); ++s) order[s] = s;
        if (order.size() > 1) {
            const Sentence& head = sentences.front();
            const bool alone = tokens[sentences[1].first].blank_line_before && !tokens[head.last - 1].is(".");
            if (head.shouting || alone) std::rotate(order.begin(), order.begin() + 1, order.end());
        }
        std::uint64_t skipped = 0;
        for (std::uint32_t s : order) {
            sentence = sentences[s];
            sentence_index = s;
            // Matching is superlinear in a sentence's length; a run-on "sentence" (a table, a list, a
            // page without full stops) is skipped whole: its first N tokens alone could be cut mid-clause.
            if (ex.max_sentence_tokens_ > 0 && sentence.last - sentence.first > ex.max_sentence_tokens_) {
                ++skipped;
                continue;
            }
            in_sentence = true;
            find_mentions();
            find_relations();
            flush_lexicon_affiliations();
            in_sentence = false;
        }
        if (long_sentences) *long_sentences = skipped;
        std::stable_sort(out.begin(), out.end(), [](const graph::Triple& a, const graph::Triple& b) {
            return a.evidence.sentence < b.evidence.sentence;
        });
        // Offices that turned out to be named persons take their names.
        if (!office_is.empty()) {
            for (auto& t : out) {
                if (auto it = office_is.find(t.subject.id); it != office_is.end()) t.subject = entities[it->second];
                if (auto it = office_is.find(t.object.id); it != office_is.end()) t.object = entities[it->second];
            }
            std::erase_if(out, [](const graph::Triple& t) { return t.subject.id == t.object.id; });
        }
        // One line per fact per sentence.
        std::set<std::tuple<std::uint32_t, std::string, std::string, std::string>> seen;
        std::vector<graph::Triple> unique;
        unique.reserve(out.size());
        for (auto& t : out) {
            if (seen.emplace(t.evidence.sentence, t.subject.id, t.relation->predicate, t.object.id).second)
                unique.push_back(std::move(t));
        }
        out = std::move(unique);
        // Entities carry every alias the article used for them.
        for (auto& t : out) {
            t.subject.aliases = entities[entity_by_id.at(t.subject.id)].aliases;
            t.object.aliases = entities[entity_by_id.at(t.object.id)].aliases;
            t.subject.label = entities[entity_by_id.at(t.subject.id)].label;
            t.object.label = entities[entity_by_id.at(t.object.id)].label;
            if (t.subject.country.empty()) t.subject.country = entities[entity_by_id.at(t.subject.id)].country;
            if (t.object.country.empty()) t.object.country = entities[entity_by_id.at(t.object.id)].country;
        }
    }
};

Extractor::Extractor(const Lexicon& lexicon, const graph::Ontology& ontology, std::size_t max_sentence_tokens)
    : lex_(lexicon),
      ontology_(ontology),
      max_sentence_tokens_(max_sentence_tokens),
      splitter_(lexicon.sentence_starters),
      times_(lexicon),
      holds_office_in_(&ontology.at("holds-office-in", "extractor")),
      affiliated_with_(&ontology.at("affiliated-with", "extractor")),
      part_of_(&ontology.at("part-of", "extractor")),
      words_(lexicon) {
    for (std::uint32_t a = 0; a < lexicon.actors.size(); ++a) {
        const auto& e = lexicon.actors[a].entity;
        if (e.type != EntityType::person) continue;
        auto& same = persons_by_bare_name_[bare_name(phrase_norms(lexicon.tokenizer, e.label))];
        if (std::find(same.begin(), same.end(), a) == same.end()) same.push_back(a);
        auto words = phrase_norms(lexicon.tokenizer, e.label);
        if (words.size() < 2) continue;
        // Family names come last in most names and first in Chinese, Korean or Vietnamese ones;
        // index both, and use the index only when it is unambiguous.
        if (lexicon.family_name_first.contains(e.country)) {
            persons_by_surname_[words.front()].push_back(a);
        } else {
            persons_by_surname_[words.back()].push_back(a);
        }
    }
}

std::vector<graph::Triple> Extractor::extract(const Article& article, std::uint64_t* sentences,
                                              std::uint64_t* long_sentences) const {
    ArticleRun run(*this, article);
    run.run(sentences, long_sentences);
    return std::move(run.out);
}

}  // namespace irkg::ingest
