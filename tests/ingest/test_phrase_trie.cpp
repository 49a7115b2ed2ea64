#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/phrase_trie.hpp"

using irkg::ingest::PhraseTrie;

namespace {

using Words = std::vector<std::string>;

/// The longest match of `trie` at word `first` of `words`.
PhraseTrie::Match longest(const PhraseTrie& trie, const Words& words, std::size_t first = 0,
                          std::size_t max = 100) {
    max = std::min(max, words.size() - first);
    return trie.longest(first, max, [&](std::size_t k) -> std::string_view { return words[k]; });
}

}  // namespace

TEST_CASE("an empty trie matches nothing") {
    PhraseTrie trie;
    CHECK(trie.empty());
    const auto m = longest(trie, {"china"});
    CHECK(m.length == 0);
    CHECK(m.values == nullptr);
}

TEST_CASE("inserting no words is ignored") {
    PhraseTrie trie;
    trie.insert({}, 7);
    CHECK(trie.empty());
}

TEST_CASE("the longest phrase wins: North Korea over Korea, Secretary of State over Secretary") {
    PhraseTrie trie;
    trie.insert({"korea"}, 1);
    trie.insert({"north", "korea"}, 2);
    trie.insert({"secretary"}, 3);
    trie.insert({"secretary", "of", "state"}, 4);
    CHECK_FALSE(trie.empty());

    auto m = longest(trie, {"north", "korea", "said"});
    CHECK(m.length == 2);
    REQUIRE(m.values != nullptr);
    CHECK(*m.values == std::vector<std::uint32_t>{2});

    m = longest(trie, {"the", "secretary", "of", "state", "said"}, 1);
    CHECK(m.length == 3);
    CHECK(*m.values == std::vector<std::uint32_t>{4});

    // A prefix of a longer phrase without a value of its own falls back to the shorter phrase.
    m = longest(trie, {"secretary", "of", "defense"});
    CHECK(m.length == 1);
    CHECK(*m.values == std::vector<std::uint32_t>{3});

    // "north" alone is only a path, not a phrase.
    m = longest(trie, {"north", "africa"});
    CHECK(m.length == 0);
}

TEST_CASE("max limits how many words a match may take") {
    PhraseTrie trie;
    trie.insert({"korea"}, 1);
    trie.insert({"south", "korea"}, 2);
    trie.insert({"south"}, 3);
    auto m = longest(trie, {"south", "korea"}, 0, 1);
    CHECK(m.length == 1);
    CHECK(*m.values == std::vector<std::uint32_t>{3});
    CHECK(longest(trie, {"south", "korea"}, 0, 0).length == 0);
}

TEST_CASE("several values under one phrase are kept in insertion order, each once") {
    PhraseTrie trie;
    trie.insert({"georgia"}, 5);
    trie.insert({"georgia"}, 9);
    trie.insert({"georgia"}, 5);
    const auto m = longest(trie, {"georgia"});
    REQUIRE(m.values != nullptr);
    CHECK(*m.values == std::vector<std::uint32_t>{5, 9});
}

TEST_CASE("keys are compared as whole words") {
    PhraseTrie trie;
    trie.insert({"iran"}, 1);
    CHECK(longest(trie, {"iraq"}).length == 0);
    CHECK(longest(trie, {"ira"}).length == 0);
    CHECK(longest(trie, {"irani"}).length == 0);
    CHECK(longest(trie, {"iran"}).length == 1);
}

TEST_CASE("the trie owns its keys: the caller's strings may go away") {
    PhraseTrie trie;
    {
        Words words{std::string("united"), std::string("nations")};
        trie.insert(words, 11);
        words[0] = "xxxxxx";
    }
    for (int i = 0; i < 200; ++i) trie.insert({"word" + std::to_string(i), "united"}, static_cast<std::uint32_t>(i));
    const auto m = longest(trie, {"united", "nations"});
    CHECK(m.length == 2);
    CHECK(*m.values == std::vector<std::uint32_t>{11});
    const auto k = longest(trie, {"word150", "united"});
    CHECK(k.length == 2);
    CHECK(*k.values == std::vector<std::uint32_t>{150});
}
