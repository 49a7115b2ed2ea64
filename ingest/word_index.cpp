#include "word_index.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include "lexicon.hpp"

namespace irkg::ingest {

Vocabulary::Vocabulary() : slots_(1024), words_(1) {}

std::uint64_t Vocabulary::hash(std::string_view word) {
    // Eight bytes per step: words are short, and this runs once or twice per token. The last 1-7
    // bytes are read with fixed-size loads (overlapping ones for 4-7), not a variable-length copy,
    // which would cost a call and a store-to-load stall per word.
    auto mix = [](std::uint64_t x) {
        x = (x ^ (x >> 32)) * 0xD6E8FEB86659FD93ULL;
        return x ^ (x >> 32);
    };
    const char* p = word.data();
    const std::size_t n = word.size();
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t v;
        std::memcpy(&v, p + i, 8);
        h = mix(h ^ v);
    }
    if (const std::size_t rest = n - i; rest >= 4) {
        std::uint32_t a, b;
        std::memcpy(&a, p + i, 4);
        std::memcpy(&b, p + n - 4, 4);
        h = mix(h ^ (static_cast<std::uint64_t>(b) << 32 | a));
    } else if (rest > 0) {
        const auto byte = [&](std::size_t k) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[k])); };
        h = mix(h ^ (byte(i) | byte(i + rest / 2) << 8 | byte(n - 1) << 16));
    }
    return h;
}

std::uint32_t Vocabulary::find(std::string_view word, std::uint64_t h) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = h & mask;; s = (s + 1) & mask) {
        const Slot& slot = slots_[s];
        if (slot.id == 0) return 0;
        if (slot.hash == h && same(slot, word)) return slot.id;
    }
}

void Vocabulary::find_all(std::span<const std::string_view> words, std::uint32_t* ids) const {
    constexpr std::size_t ahead = 8;  // slots in flight: enough to cover a memory access
    const std::size_t mask = slots_.size() - 1;
    std::uint64_t hashes[ahead];
    const std::size_t n = words.size();
    for (std::size_t k = 0; k < std::min(n, ahead); ++k) {
        hashes[k] = hash(words[k]);
        __builtin_prefetch(&slots_[hashes[k] & mask]);
    }
    for (std::size_t k = 0; k < n; ++k) {
        const std::uint64_t h = hashes[k % ahead];
        if (k + ahead < n) {
            hashes[k % ahead] = hash(words[k + ahead]);
            __builtin_prefetch(&slots_[hashes[k % ahead] & mask]);
        }
        ids[k] = find(words[k], h);
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

IdTrie::IdTrie(const PhraseTrie& trie, Vocabulary& vocabulary, WordList first_words) : first_words_(first_words) {
    std::size_t edges = 0;
    trie.for_each_edge([&](std::uint32_t parent, std::string_view word, std::uint32_t node) {
        if (node >= values_.size()) values_.resize(node + 1, nullptr);
        if (const auto& values = trie.values(node); !values.empty()) values_[node] = &values;
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
    names = IdTrie(lexicon.names, vocabulary_, WordList::starts_name);
    abbreviations = IdTrie(lexicon.abbreviations, vocabulary_, WordList::starts_abbreviation);
    title_names = IdTrie(lexicon.title_names, vocabulary_, WordList::starts_title_name);
    title_references = IdTrie(lexicon.title_references, vocabulary_, WordList::starts_title_reference);
    agent_words = IdTrie(lexicon.agent_words, vocabulary_, WordList::starts_agent_word);
    group_references = IdTrie(lexicon.group_references, vocabulary_, WordList::starts_group_reference);
    modality_cues = IdTrie(lexicon.modality_cues, vocabulary_, WordList::starts_modality_cue);

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
    for (auto [id, list] : memberships) lists_[id] |= word_list_bit(list);
    for (const IdTrie* trie : {&names, &abbreviations, &title_names, &title_references, &agent_words, &group_references,
                               &modality_cues})
        trie->for_each_first_word([&](std::uint32_t id) { lists_[id] |= trie->first_word_bit(); });
    patterns_.assign(vocabulary_.size() + 1, nullptr);
    for (const auto& [word, patterns] : lexicon.patterns_by_first_word) patterns_[vocabulary_.find(word)] = &patterns;
}

}  // namespace irkg::ingest
