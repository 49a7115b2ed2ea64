#include "filter_options.hpp"

#include <algorithm>
#include <set>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "graph/entity_index.hpp"
#include "graph/errors.hpp"
#include "graph/ontology.hpp"

namespace irkg::cli {

namespace {

std::string upper(std::string text) {
    for (char& c : text)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return text;
}

std::string list(const std::set<std::string>& values, std::size_t limit = 40) {
    std::string out;
    std::size_t n = 0;
    for (const auto& v : values) {
        if (n++ == limit) return out + fmt::format(", ... ({} in all)", values.size());
        out += (out.empty() ? "" : ", ") + v;
    }
    return out;
}

std::string normalised_date(const std::string& option, const std::string& value, bool last) {
    if (!graph::is_filter_date(value))
        throw usage_error(fmt::format("{} \"{}\" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. {} 2024-04)",
                                      option, value, option));
    return graph::expand_filter_date(value, last);
}

}  // namespace

void FilterOptions::add_to(CLI::App& app) {
    const std::string group = "Filters (shared by every query and export)";
    auto add_list = [&](const char* name, std::vector<std::string>& into, const char* type, const char* help) {
        app.add_option(name, into, help)->type_name(type)->delimiter(',')->allow_extra_args(false)->group(group);
    };
    add_list("--category", categories_, "CAT[,CAT]",
             "Keep relations of these categories (PLOVER types such as CONSULT, ASSAULT, or AFFILIATION)");
    add_list("--predicate", predicates_, "P[,P]", "Keep relations with these predicates (meets, visits, ...)");
    app.add_option("--since", since_, "Keep mentions dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
        ->type_name("DATE")
        ->group(group);
    app.add_option("--until", until_, "Keep mentions dated on or before DATE (undated mentions go when either is set)")
        ->type_name("DATE")
        ->group(group);
    app.add_option("--min-mentions", min_mentions_, "Keep relations with at least N mentions (after the filters above)")
        ->type_name("N")
        ->group(group);
    add_list("--modality", modalities_, "M[,M]", "Keep mentions of these modalities: asserted, planned, speculative, negated");
    add_list("--type", types_, "T[,T]", "Keep entities of these types: country, person, organization, location, other");
    app.add_option("--around", around_, "Keep the neighbourhood of ACTOR (id, label or alias; repeatable)")
        ->type_name("ACTOR")
        ->allow_extra_args(false)
        ->group(group);
    app.add_option("--depth", depth_, "Hops from --around, relations followed either way")
        ->type_name("N")
        ->capture_default_str()
        ->group(group);
}

void FilterOptions::validate() {
    for (auto& c : categories_) c = upper(c);
    if (!since_.empty()) since_ = normalised_date("--since", since_, false);
    if (!until_.empty()) until_ = normalised_date("--until", until_, true);
    if (!since_.empty() && !until_.empty() && since_ > until_)
        throw usage_error(fmt::format("--since {} is after --until {}: no mention can match", since_, until_));
    modality_values_.clear();
    for (const auto& m : modalities_) {
        const auto value = graph::modality_from(m);
        if (!value)
            throw usage_error(fmt::format("--modality \"{}\" is not one of asserted, planned, speculative, negated", m));
        modality_values_.push_back(*value);
    }
    type_values_.clear();
    for (const auto& t : types_) {
        const auto value = graph::entity_type_from(t);
        if (!value)
            throw usage_error(
                fmt::format("--type \"{}\" is not one of country, person, organization, location, other", t));
        type_values_.push_back(*value);
    }
    if (depth_ == 0 && !around_.empty())
        throw usage_error("--depth 0 keeps only the --around actors themselves; give 1 or more");
}

bool FilterOptions::empty() const {
    return categories_.empty() && predicates_.empty() && since_.empty() && until_.empty() && min_mentions_ == 0 &&
           modalities_.empty() && types_.empty() && around_.empty();
}

graph::GraphFilter FilterOptions::resolve(const graph::KnowledgeGraph& graph, double min_confidence,
                                          const std::vector<graph::RelationType>& known) const {
    std::set<std::string> categories, predicates;
    for (const auto& r : known) {
        categories.insert(r.category);
        predicates.insert(r.predicate);
    }
    for (const auto e : graph.sorted_edges()) {
        categories.insert(graph.edge(e).relation->category);
        predicates.insert(graph.edge(e).relation->predicate);
    }
    for (const auto& c : categories_)
        if (!categories.contains(c))
            throw usage_error(fmt::format("--category \"{}\" is not a relation category; valid: {}", c, list(categories)));
    for (const auto& p : predicates_)
        if (!predicates.contains(p))
            throw usage_error(fmt::format("--predicate \"{}\" is not a predicate of irkg's ontology or the graph; "
                                          "see schemas/relations.json (e.g. {})",
                                          p, list(predicates, 12)));

    graph::GraphFilter filter;
    filter.categories = categories_;
    filter.predicates = predicates_;
    filter.since = since_;
    filter.until = until_;
    filter.min_confidence = min_confidence;
    filter.min_mentions = min_mentions_;
    filter.modalities = modality_values_;
    filter.types = type_values_;
    filter.depth = depth_;
    if (!around_.empty()) {
        const graph::EntityIndex index(graph);
        for (const auto& name : around_) filter.around.push_back(graph.entity(index.resolve(name)).id);
    }
    return filter;
}

std::string FilterOptions::apply(graph::KnowledgeGraph& graph, double min_confidence,
                                 const std::vector<graph::RelationType>& known) const {
    const graph::GraphFilter filter = resolve(graph, min_confidence, known);
    if (filter.is_identity()) return {};
    graph = graph::apply_filter(graph, filter);
    return filter.describe();
}

std::vector<graph::RelationType> known_relations(const std::string& schema_dir) {
    try {
        const auto ontology = graph::Ontology::load(std::filesystem::path(schema_dir) / "relations.json",
                                                    std::filesystem::path(schema_dir) / "relations.schema.json");
        return {ontology.relations().begin(), ontology.relations().end()};
    } catch (const lexicon_error&) {
        return {};
    }
}

}  // namespace irkg::cli
