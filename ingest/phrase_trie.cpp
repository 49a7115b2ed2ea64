#include "phrase_trie.hpp"

namespace irkg::ingest {

void PhraseTrie::insert(const std::vector<std::string>& words, std::uint32_t value) {
    if (words.empty()) return;
    std::uint32_t node = 0;
    for (const auto& word : words) {
        auto interned = interned_.find(word);
        if (interned == interned_.end()) {
            words_.push_back(std::make_unique<std::string>(word));
            interned = interned_.emplace(*words_.back(), words_.back().get()).first;
        }
        std::string_view key = *interned->second;
        auto it = nodes_[node].next.find(key);
        if (it == nodes_[node].next.end()) {
            auto id = static_cast<std::uint32_t>(nodes_.size());
            nodes_[node].next.emplace(key, id);
            nodes_.emplace_back();
            node = id;
        } else {
            node = it->second;
        }
    }
    auto& values = nodes_[node].values;
    for (auto v : values)
        if (v == value) return;
    values.push_back(value);
}

}  // namespace irkg::ingest
