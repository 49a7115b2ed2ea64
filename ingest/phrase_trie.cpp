#include "phrase_trie.hpp"

namespace irkg::ingest {

void PhraseTrie::insert(const std::vector<std::string>& words, std::uint32_t value) {
    if (words.empty()) return;
    std::uint32_t node = 0;
    for (const auto& word : words) {
        auto id = word_ids_.find(word);
        if (id == word_ids_.end()) {
            words_.push_back(std::make_unique<std::string>(word));
            id = word_ids_.emplace(*words_.back(), static_cast<std::uint32_t>(words_.size() - 1)).first;
        }
        const auto [it, added] = edges_.try_emplace(edge(node, id->second), static_cast<std::uint32_t>(values_.size()));
        if (added) values_.emplace_back();
        node = it->second;
    }
    auto& values = values_[node];
    for (auto v : values)
        if (v == value) return;
    values.push_back(value);
}

}  // namespace irkg::ingest
