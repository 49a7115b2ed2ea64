#pragma once
// The lexicons' words as small integers, for the extractor's inner loops.
//
// The extractor asks "is there an actor name / title / agent word starting here?" and "is this word a
// preposition / reporting verb / ...?" several times per token. Hashing the token's text for every
// such question was most of the extraction time, so the extractor looks each token up once per
// article (WordIndex::ids) and asks every later question with the id: a trie step is one probe of a
// flat table, a word-list test one bit. The lexicons stay what they are (data loaded from schemas/);
// this is an index built over them, answering exactly what a lookup by text would.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "phrase_trie.hpp"

namespace irkg::ingest {

class Lexicon;

/// Words -> dense ids 1..size(); 0 stands for every word that is not in the vocabulary.
class Vocabulary {
public:
    Vocabulary();
    /// The id of `word`, added when new.
    std::uint32_t intern(std::string_view word);
    /// The id of `word`, or 0 when it was never interned.
    std::uint32_t find(std::string_view word) const { return find(word, hash(word)); }
    /// find() of every word into ids[0..words.size()). The table is larger than the caches, so this
    /// fetches the slots of later words while it compares the current one.
    void find_all(std::span<const std::string_view> words, std::uint32_t* ids) const;
    /// The largest id.
    std::size_t size() const { return words_.size() - 1; }

private:
    /// Words of up to 16 bytes are compared in the slot itself: one cache line per lookup.
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t id = 0;  ///< 0: empty
        std::uint32_t size = 0;
        char prefix[16] = {};
    };
    bool same(const Slot& slot, std::string_view word) const {
        if (slot.size != word.size()) return false;
        if (word.size() <= sizeof slot.prefix) return std::string_view(slot.prefix, word.size()) == word;
        return words_[slot.id] == word;
    }
    static std::uint64_t hash(std::string_view word);
    std::uint32_t find(std::string_view word, std::uint64_t hash) const;
    void grow();
    std::vector<Slot> slots_;
    std::vector<std::string> words_;  ///< by id; words_[0] is unused
};

/// The word lists of Lexicon a token can be tested against by id.
enum class WordList : std::uint8_t {
    verb_group,
    clause_boundaries,
    reporting_verbs,
    prepositions,
    object_gap,
    subject_blockers,
    portfolio_titles,
    first_person,
    person_agents,
    person_pronouns,
    thing_pronouns,
    honorifics,
    name_particles,
    not_names,
    months,
    weekdays,
    pattern_start,  ///< the first word of a relation pattern (Lexicon::patterns_by_first_word)
    // The first word of a phrase in one of WordIndex's tries: a token whose id lacks the bit starts no
    // phrase there, which the extractor learns from the token's own flags without touching the trie.
    starts_name,
    starts_abbreviation,
    starts_title_name,
    starts_title_reference,
    starts_agent_word,
    starts_group_reference,
    starts_modality_cue,
};

/// The bit of `list` in a word's lists (WordIndex::lists).
constexpr std::uint32_t word_list_bit(WordList list) { return 1U << static_cast<unsigned>(list); }

/// A PhraseTrie walked by word ids. Nodes and values are the trie's own, so a match is the match
/// PhraseTrie::longest gives for the same words.
class IdTrie {
public:
    IdTrie() = default;
    /// Interns every word of `trie` into `vocabulary`. `trie` must outlive this index and not change.
    /// `first_words` is the WordList of the words a phrase of the trie starts with.
    IdTrie(const PhraseTrie& trie, Vocabulary& vocabulary, WordList first_words);

    /// The WordList bit of the words a phrase of this trie starts with.
    std::uint32_t first_word_bit() const { return word_list_bit(first_words_); }

    /// The longest phrase matching id(first), id(first+1), ... with at most `max` words.
    template <class IdOf>
    PhraseTrie::Match longest(std::size_t first, std::size_t max, IdOf&& id) const {
        PhraseTrie::Match best;
        std::uint32_t node = 0;
        for (std::size_t k = 0; k < max; ++k) {
            node = child(node, id(first + k));
            if (node == 0) break;
            if (const auto* values = values_[node]) best = {k + 1, values};
        }
        return best;
    }

    /// Calls f(id) for every word id a phrase of this trie starts with.
    template <class F>
    void for_each_first_word(F&& f) const {
        for (std::uint32_t id = 0; id < root_.size(); ++id)
            if (root_[id] != 0) f(id);
    }

    /// The node reached from `node` by the word `word`, or 0 (the root is never a child).
    std::uint32_t child(std::uint32_t node, std::uint32_t word) const {
        if (node == 0) return word < root_.size() ? root_[word] : 0;
        if (word == 0 || edges_.empty()) return 0;
        const std::uint64_t key = static_cast<std::uint64_t>(node) << 32 | word;
        for (std::size_t s = slot_of(key);; s = (s + 1) & mask_) {
            const Edge& e = edges_[s];
            if (e.key == key) return e.child;
            if (e.key == 0) return 0;
        }
    }

private:
    struct Edge {
        std::uint64_t key = 0;  ///< node << 32 | word id; 0 is free (word ids start at 1)
        std::uint32_t child = 0;
    };
    std::size_t slot_of(std::uint64_t key) const {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & mask_;
    }
    WordList first_words_ = WordList::starts_name;
    std::vector<const std::vector<std::uint32_t>*> values_;  ///< by node: the trie's values, nullptr when none
    std::vector<std::uint32_t> root_;  ///< the root's children by word id (the step taken at every token)
    std::vector<Edge> edges_;          ///< the other nodes' children
    std::size_t mask_ = 0;
};


/// Every word of a Lexicon (trie keys, word lists, first words of patterns) with its id, the
/// lexicon's tries by id, and for each id the lists it belongs to. Built once from a loaded lexicon
/// (after any CAMEO dictionaries were added to it); read-only afterwards, shared by threads.
class WordIndex {
public:
    explicit WordIndex(const Lexicon& lexicon);

    /// The id of every word (a token's norm, or its surface for abbreviations) into
    /// ids[0..words.size()); 0 for a word no lexicon has.
    void ids(std::span<const std::string_view> words, std::uint32_t* ids) const { vocabulary_.find_all(words, ids); }

    /// Every list `id` is in, bit word_list_bit(list) (the extractor keeps them per token).
    std::uint32_t lists(std::uint32_t id) const { return lists_[id]; }
    /// Lexicon::patterns_by_first_word by id; nullptr when no pattern starts with the word.
    const std::vector<std::uint32_t>* patterns_starting_with(std::uint32_t id) const { return patterns_[id]; }

    IdTrie names, abbreviations, title_names, title_references, agent_words, group_references, modality_cues;

private:
    Vocabulary vocabulary_;
    std::vector<std::uint32_t> lists_;  ///< by id: bit WordList
    std::vector<const std::vector<std::uint32_t>*> patterns_;
};

}  // namespace irkg::ingest
