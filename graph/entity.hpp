#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace irkg::graph {

enum class EntityType { country, person, organization, location, other };

std::string_view to_string(EntityType type);
/// The type named by `name` ("country", "person", ...), or nullopt.
std::optional<EntityType> entity_type_from(std::string_view name);

/// An actor or place. `id` is stable and readable (country:CHN, person:wang-yi, org:nato);
/// `country` is the ISO3 code of the state the entity is or belongs to, empty when unknown.
struct Entity {
    std::string id;
    std::string label;
    EntityType type = EntityType::other;
    std::string country;
    std::vector<std::string> aliases;  ///< surface forms seen in text, sorted and unique

    /// Adds `other`'s aliases and fills what this entity lacks. Deterministic whatever the order
    /// of calls: the longer label wins (ties: the smaller), a known country beats an unknown one.
    void absorb(const Entity& other);
};

/// Inserts `alias` into a sorted unique alias list.
void add_alias(std::vector<std::string>& aliases, std::string_view alias);

}  // namespace irkg::graph
