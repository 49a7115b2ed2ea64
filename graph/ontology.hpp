#pragma once
#include <deque>
#include <filesystem>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "relation.hpp"

namespace irkg::graph {

/// The predicates irkg can emit (schemas/relations.json). RelationType pointers stay valid for the
/// ontology's lifetime.
class Ontology {
public:
    Ontology() = default;
    Ontology(const Ontology&) = delete;  // by_name_ points into relations_
    Ontology& operator=(const Ontology&) = delete;
    Ontology(Ontology&&) = default;
    Ontology& operator=(Ontology&&) = default;

    /// Loads and validates `relations_file` against `schema_file`. Throws lexicon_error.
    static Ontology load(const std::filesystem::path& relations_file, const std::filesystem::path& schema_file);

    /// The predicate named `predicate`, or nullptr.
    const RelationType* find(std::string_view predicate) const;
    /// The predicate or a lexicon_error naming `where` and listing nothing more than the bad name.
    const RelationType& at(std::string_view predicate, std::string_view where) const;
    const std::deque<RelationType>& relations() const { return relations_; }

private:
    std::deque<RelationType> relations_;
    std::unordered_map<std::string_view, const RelationType*> by_name_;
};

}  // namespace irkg::graph
