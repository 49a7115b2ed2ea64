#include "word_index.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include "lexicon.hpp"

namespace irkg::ingest {

Vocabulary::Vocabulary() : slots_(1024), words_(1) {}

std::uint64_t Vocabulary::hash(std::string_view word) {
    // Eight bytes per step: words are short, and this runs once or twice per token.
    auto mix = [](std::uint64_t x) {
        x = (x ^ (x >> 32)) * 0xD6E8FEB86659FD93ULL;
        return x ^ (x >> 32);
    };
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ word.size();
    std::size_t i = 0;
    for (; i + 8 <= word.size(); i += 8) {
        std::uint64_t v;
        std::memcpy(&v, word.data() + i, 8);
        h = mix(h ^ v);
    }
    if (i < word.size()) {
        std::uint64_t v = 0;
        std::memcpy(&v, word.data() + i, word.size() - i);
        h = mix(h ^ v);
    }
    return h;
}

std::uint32_t Vocabulary::find(std::string_view word) const {
    const std::uint64_t h = hash(word);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = h & mask;; s = (s + 1) & mask) {
        const Slot& slot = slots_[s];
        if (slot.id == 0) return 0;
        if (slot.hash == h && same(slot, word)) return slot.id;
    }
}

std::uint32_t Vocabulary::intern(std::string_view word) {
    if (std::uint32_t id = find(word); id != 0) return id;
    if ((words_.size() + 1) * 2 > slots_.size()) grow();
    const auto id = static_cast<std::uint32_t>(words_.size());
    words_.emplace_back(word);
    const std::uint64_t h = hash(word);
    const std::size_t mask = slots_.size() - 1;
    std::size_t s = h & mask;
    while (slots_[s].id != 0) s = (s + 1) & mask;
    Slot& slot = slots_[s];
    slot.hash = h;
    slot.id = id;
    slot.size = static_cast<std::uint32_t>(word.size());
    std::memcpy(slot.prefix, word.data(), std::min(word.size(), sizeof slot.prefix));
    return id;
}

void Vocabulary::grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
        if (slot.id == 0) continue;
        std::size_t s = slot.hash & mask;
        while (slots_[s].id != 0) s = (s + 1) & mask;
        slots_[s] = slot;
    }
}

IdTrie::IdTrie(const PhraseTrie& trie, Vocabulary& vocabulary) : trie_(&trie) {
    std::size_t edges = 0;
    trie.for_each_edge([&](std::uint32_t parent, std::string_view word, std::uint32_t node) {
        const std::uint32_t id = vocabulary.intern(word);
        if (parent == 0) {
            if (id >= root_.size()) root_.resize(id + 1, 0);
            root_[id] = node;
        } else {
            ++edges;
        }
    });
    if (edges == 0) return;
    edges_.resize(std::bit_ceil(edges * 2 + 2));
    mask_ = edges_.size() - 1;
    trie.for_each_edge([&](std::uint32_t parent, std::string_view word, std::uint32_t node) {
        if (parent == 0) return;
        const std::uint64_t key = static_cast<std::uint64_t>(parent) << 32 | vocabulary.find(word);
        std::size_t s = slot_of(key);
        while (edges_[s].key != 0) s = (s + 1) & mask_;
        edges_[s] = {key, node};
    });
}

WordIndex::WordIndex(const Lexicon& lexicon) {
    names = IdTrie(lexicon.names, vocabulary_);
    abbreviations = IdTrie(lexicon.abbreviations, vocabulary_);
    title_names = IdTrie(lexicon.title_names, vocabulary_);
    title_references = IdTrie(lexicon.title_references, vocabulary_);
    agent_words = IdTrie(lexicon.agent_words, vocabulary_);
    group_references = IdTrie(lexicon.group_references, vocabulary_);
    modality_cues = IdTrie(lexicon.modality_cues, vocabulary_);

    std::vector<std::pair<std::uint32_t, WordList>> memberships;
    auto add = [&](const auto& words, WordList list) {
        for (const auto& entry : words) {
            if constexpr (requires { entry.first; })
                memberships.emplace_back(vocabulary_.intern(entry.first), list);
            else
                memberships.emplace_back(vocabulary_.intern(entry), list);
        }
    };
    add(lexicon.verb_group, WordList::verb_group);
    add(lexicon.clause_boundaries, WordList::clause_boundaries);
    add(lexicon.reporting_verbs, WordList::reporting_verbs);
    add(lexicon.prepositions, WordList::prepositions);
    add(lexicon.object_gap, WordList::object_gap);
    add(lexicon.subject_blockers, WordList::subject_blockers);
    add(lexicon.portfolio_titles, WordList::portfolio_titles);
    add(lexicon.first_person, WordList::first_person);
    add(lexicon.person_agents, WordList::person_agents);
    add(lexicon.person_pronouns, WordList::person_pronouns);
    add(lexicon.thing_pronouns, WordList::thing_pronouns);
    add(lexicon.honorifics, WordList::honorifics);
    add(lexicon.name_particles, WordList::name_particles);
    add(lexicon.not_names, WordList::not_names);
    add(lexicon.months, WordList::months);
    add(lexicon.weekdays, WordList::weekdays);
    add(lexicon.patterns_by_first_word, WordList::pattern_start);

    lists_.assign(vocabulary_.size() + 1, 0);
    for (auto [id, list] : memberships) lists_[id] |= 1U << static_cast<unsigned>(list);
    patterns_.assign(vocabulary_.size() + 1, nullptr);
    for (const auto& [word, patterns] : lexicon.patterns_by_first_word) patterns_[vocabulary_.find(word)] = &patterns;
}

}  // namespace irkg::ingest
