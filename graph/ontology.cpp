#include "ontology.hpp"

#include <fmt/format.h>

#include "errors.hpp"
#include "json_file.hpp"

namespace irkg::graph {

Ontology Ontology::load(const std::filesystem::path& relations_file, const std::filesystem::path& schema_file) {
    auto doc = read_json_file<lexicon_error>(relations_file);
    validate_json<lexicon_error>(doc, relations_file, schema_file);
    Ontology ontology;
    const auto& list = doc["relations"];
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
        const auto& r = list[i];
        RelationType type;
        type.predicate = get_string(r, "predicate");
        type.category = get_string(r, "category");
        type.mode = get_string(r, "mode");
        type.cameo = get_string(r, "cameo");
        type.goldstein = r["goldstein"].GetDouble();
        type.symmetric = r["symmetric"].GetBool();
        type.label = get_string(r, "label", type.predicate);
        type.description = get_string(r, "description");
        if (ontology.find(type.predicate))
            throw lexicon_error(fmt::format("{}: at /relations/{}: predicate \"{}\" is defined twice; keep one",
                                            relations_file.string(), i, type.predicate));
        ontology.relations_.push_back(std::move(type));
        const RelationType* stored = &ontology.relations_.back();
        ontology.by_name_.emplace(stored->predicate, stored);
    }
    return ontology;
}

const RelationType* Ontology::find(std::string_view predicate) const {
    auto it = by_name_.find(predicate);
    return it == by_name_.end() ? nullptr : it->second;
}

const RelationType& Ontology::at(std::string_view predicate, std::string_view where) const {
    if (const auto* type = find(predicate)) return *type;
    throw lexicon_error(
        fmt::format("{}: unknown predicate \"{}\"; it must be defined in relations.json", where, predicate));
}

}  // namespace irkg::graph
