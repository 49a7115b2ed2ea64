#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/phrase_trie.hpp"
#include "ingest/word_index.hpp"

using irkg::ingest::IdTrie;
using irkg::ingest::PhraseTrie;
using irkg::ingest::Vocabulary;
using irkg::ingest::WordList;

TEST_CASE("Vocabulary: find_all answers what find does, for words of every length and words never interned") {
    Vocabulary vocabulary;
    std::vector<std::string> known, unknown;
    // Lengths 0..40 cover the 8-byte steps and every tail (none, 1-3 bytes, 4-7 bytes).
    for (std::size_t length = 0; length <= 40; ++length) {
        for (char first : {'a', 'q', 'Z', '\xc3'}) {
            std::string word(length, 'x');
            if (length > 0) word[0] = first;
            if (length > 2) word[length / 2] = static_cast<char>('a' + length % 26);
            known.push_back(word);
            std::string other = word + "!";
            unknown.push_back(other);
        }
    }
    // Words that differ only in their middle byte of a 1-3 byte tail must not collide into one id.
    for (std::string w : {"abc", "axc", "ab", "ba", "a", "b"}) known.push_back(w);
    std::vector<std::uint32_t> ids;
    for (const auto& w : known) ids.push_back(vocabulary.intern(w));
    for (std::size_t i = 0; i < known.size(); ++i) CHECK(vocabulary.find(known[i]) == ids[i]);

    std::vector<std::string_view> batch;
    for (std::size_t i = 0; i < known.size(); ++i) {
        batch.push_back(known[i]);
        batch.push_back(unknown[i % unknown.size()]);
    }
    std::vector<std::uint32_t> found(batch.size(), 12345);
    vocabulary.find_all(batch, found.data());
    for (std::size_t i = 0; i < batch.size(); ++i) {
        INFO("word ", i, ": \"", batch[i], "\"");
        CHECK(found[i] == vocabulary.find(batch[i]));
    }
    for (std::size_t i = 0; i < known.size(); ++i) CHECK(found[2 * i] == ids[i]);
    // A batch shorter than the look-ahead, and an empty one.
    std::vector<std::string_view> small{known[3], "never"};
    std::uint32_t two[2] = {9, 9};
    vocabulary.find_all(small, two);
    CHECK(two[0] == ids[3]);
    CHECK(two[1] == 0);
    vocabulary.find_all({}, two);
}

TEST_CASE("IdTrie: first words are exactly the words a phrase starts with, and matches are PhraseTrie's") {
    PhraseTrie trie;
    trie.insert({"north", "korea"}, 1);
    trie.insert({"korea"}, 2);
    trie.insert({"secretary", "of", "state"}, 3);
    trie.insert({"secretary"}, 4);
    Vocabulary vocabulary;
    const std::uint32_t unrelated = vocabulary.intern("of-course");
    const IdTrie ids(trie, vocabulary, WordList::starts_title_name);
    CHECK(ids.first_word_bit() == 1U << static_cast<unsigned>(WordList::starts_title_name));

    std::vector<std::uint32_t> firsts;
    ids.for_each_first_word([&](std::uint32_t id) { firsts.push_back(id); });
    std::vector<std::uint32_t> expected{vocabulary.find("north"), vocabulary.find("korea"), vocabulary.find("secretary")};
    std::sort(firsts.begin(), firsts.end());
    std::sort(expected.begin(), expected.end());
    CHECK(firsts == expected);
    CHECK(std::find(firsts.begin(), firsts.end(), vocabulary.find("of")) == firsts.end());
    CHECK(std::find(firsts.begin(), firsts.end(), unrelated) == firsts.end());

    const std::vector<std::string> words{"the", "secretary", "of", "state", "met", "north", "korea"};
    std::vector<std::uint32_t> word_ids;
    for (const auto& w : words) word_ids.push_back(vocabulary.find(w));
    for (std::size_t first = 0; first < words.size(); ++first) {
        const auto by_text = trie.longest(first, words.size() - first,
                                          [&](std::size_t k) -> std::string_view { return words[k]; });
        const auto by_id = ids.longest(first, words.size() - first, [&](std::size_t k) { return word_ids[k]; });
        INFO("at word ", first);
        CHECK(by_id.length == by_text.length);
        CHECK(by_id.values == by_text.values);
    }
}
