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
            const auto& next = nodes_[node].next;
            auto it = next.find(key(first + k));
            if (it == next.end()) break;
            node = it->second;
            if (!nodes_[node].values.empty()) best = {k + 1, &nodes_[node].values};
        }
        return best;
    }

    bool empty() const { return nodes_.size() == 1; }

    /// The values stored at `node` (node ids as passed to for_each_edge; 0 is the root).
    const std::vector<std::uint32_t>& values(std::uint32_t node) const { return nodes_[node].values; }

    /// Calls f(parent, word, child) for every edge, to build indexes over the trie (WordIndex).
    template <class F>
    void for_each_edge(F&& f) const {
        for (std::uint32_t n = 0; n < nodes_.size(); ++n)
            for (const auto& [word, child] : nodes_[n].next) f(n, word, child);
    }

private:
    struct Node {
        std::unordered_map<std::string_view, std::uint32_t> next;
        std::vector<std::uint32_t> values;
    };
    std::vector<Node> nodes_{1};
    std::vector<std::unique_ptr<std::string>> words_;  // owns the keys the maps point into
    std::unordered_map<std::string_view, const std::string*> interned_;
};

}  // namespace irkg::ingest
