#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace irkg::ingest {

/// Maps word sequences to values and finds the longest sequence starting at a position, so that
/// "North Korea" wins over "Korea" and "Secretary of State" over "Secretary".
class PhraseTrie {
public:
    /// Adds `value` under the word sequence `words` (ignored when empty).
    void insert(const std::vector<std::string>& words, std::uint32_t value);

    struct Match {
        std::size_t length = 0;                           ///< words matched; 0 when none
        const std::vector<std::uint32_t>* values = nullptr;  ///< values stored under the match
    };

    /// The longest phrase matching key(first), key(first+1), ... with at most `max` words.
    template <class KeyOf>
    Match longest(std::size_t first, std::size_t max, KeyOf&& key) const {
        Match best;
        std::uint32_t node = 0;
        for (std::size_t k = 0; k < max; ++k) {
            const auto word = word_ids_.find(std::string_view(key(first + k)));
            if (word == word_ids_.end()) break;
            const auto it = edges_.find(edge(node, word->second));
            if (it == edges_.end()) break;
            node = it->second;
            if (!values_[node].empty()) best = {k + 1, &values_[node]};
        }
        return best;
    }

    bool empty() const { return values_.size() == 1; }

    /// The values stored at `node` (node ids as passed to for_each_edge; 0 is the root).
    const std::vector<std::uint32_t>& values(std::uint32_t node) const { return values_[node]; }

    /// Calls f(parent, word, child) for every edge, to build indexes over the trie (WordIndex).
    template <class F>
    void for_each_edge(F&& f) const {
        for (const auto& [key, child] : edges_)
            f(static_cast<std::uint32_t>(key >> 32), std::string_view(*words_[key & 0xFFFFFFFFU]), child);
    }

private:
    // One table of edges for the whole trie, keyed by (parent node, word id), rather than a map per
    // node: the lexicons make tens of thousands of nodes, and loading them is most of irkg's start-up.
    static std::uint64_t edge(std::uint32_t node, std::uint32_t word) {
        return static_cast<std::uint64_t>(node) << 32 | word;
    }
    std::vector<std::vector<std::uint32_t>> values_{1};  ///< by node; the root is node 0
    std::unordered_map<std::uint64_t, std::uint32_t> edges_;
    std::vector<std::unique_ptr<std::string>> words_;  ///< by word id; owns the keys of word_ids_
    std::unordered_map<std::string_view, std::uint32_t> word_ids_;
};

}  // namespace irkg::ingest
