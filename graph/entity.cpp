#include "entity.hpp"

#include <algorithm>
#include <array>

namespace irkg::graph {

namespace {
constexpr std::array<std::string_view, 5> k_type_names{"country", "person", "organization", "location", "other"};
}

std::string_view to_string(EntityType type) { return k_type_names[static_cast<std::size_t>(type)]; }

std::optional<EntityType> entity_type_from(std::string_view name) {
    for (std::size_t i = 0; i < k_type_names.size(); ++i)
        if (k_type_names[i] == name) return static_cast<EntityType>(i);
    return std::nullopt;
}

void add_alias(std::vector<std::string>& aliases, std::string_view alias) {
    if (alias.empty()) return;
    auto it = std::lower_bound(aliases.begin(), aliases.end(), alias);
    if (it == aliases.end() || *it != alias) aliases.insert(it, std::string(alias));
}

void Entity::absorb(const Entity& other) {
    // An entity built by hand may hold its aliases in any order; add_alias needs them sorted.
    if (!std::is_sorted(aliases.begin(), aliases.end()) ||
        std::adjacent_find(aliases.begin(), aliases.end()) != aliases.end()) {
        std::sort(aliases.begin(), aliases.end());
        aliases.erase(std::unique(aliases.begin(), aliases.end()), aliases.end());
    }
    if (&other == this) return;
    if (other.label.size() > label.size() || (other.label.size() == label.size() && other.label < label))
        label = other.label;
    if (country.empty() || (!other.country.empty() && other.country < country)) {
        if (!other.country.empty()) country = other.country;
    }
    // A more specific type than "other" wins; between two specific types the smaller enum wins.
    if (type == EntityType::other || (other.type != EntityType::other && other.type < type)) type = other.type;
    for (const auto& alias : other.aliases) add_alias(aliases, alias);
}

}  // namespace irkg::graph
