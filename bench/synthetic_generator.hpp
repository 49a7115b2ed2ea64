#pragma once
// A reproducible synthetic knowledge graph for the scale benchmarks: N entities, M relations, shaped
// like what irkg builds from news (a few state hubs, a long tail of people, organisations and places,
// a handful of predicates that dominate, 1-3 mentions per relation over twenty years of articles).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <random>
#include <vector>

#include "graph/entity.hpp"
#include "graph/knowledge_graph.hpp"
#include "graph/ontology.hpp"

namespace irkg::bench {

/// std::mt19937_64 (whose output the standard fixes) with distributions written here, so that a seed
/// gives the same graph with any standard library.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}
    std::uint64_t next() { return engine_(); }
    /// Uniform in [0, n); n > 0. Rejection sampling, so no value is favoured.
    std::uint64_t below(std::uint64_t n);
    /// True with probability percent / 100.
    bool percent(unsigned percent) { return below(100) < percent; }

private:
    std::mt19937_64 engine_;
};

/// Draws index r in [0, n) with probability proportional to 1 / (r + 1) (Zipf, exponent 1), from
/// integer weights so the table is the same on every platform. O(n) memory, O(log n) per draw.
class ZipfSampler {
public:
    explicit ZipfSampler(std::size_t n);
    std::size_t operator()(Rng& rng) const;
    std::size_t size() const { return cumulative_.size(); }

private:
    std::vector<std::uint64_t> cumulative_;
};

struct SyntheticOptions {
    std::size_t entities = 1000;
    std::size_t edges = 5000;
    std::uint64_t seed = 1;
};

/// Builds the graph. `states` are the country entities to use as hubs, in order of importance
/// (load_states gives irkg's own); when there are fewer than the graph wants, the rest are made up.
/// Every predicate comes from `ontology`. The same options, states and ontology always give the same
/// graph (and so the same bytes from every writer).
///
/// Shape: min(200, entities / 10) countries (at least 1), the rest 50% persons, 25% organisations,
/// 25% locations. Endpoints are drawn by Zipf over a popularity rank (countries first, biggest
/// first, then a seeded shuffle of the rest); while relations remain, each entity in a seeded order
/// first gets one relation to a Zipf-drawn partner, so no entity is isolated when edges >= entities.
/// Predicates follow Zipf over a popularity order (meets, visits, criticizes... first); affiliation
/// predicates never have a country as subject. 1 mention (60%), 2 (30%) or 3 (10%) per relation,
/// each from an article dated between 2005-01-01 and 2024-12-31, with an 80-120 byte evidence sentence
/// made from the labels.
///
/// Throws std::invalid_argument when the graph cannot have that many distinct relations (fewer than 2
/// entities with edges > 0, or more edges than distinct (subject, predicate, object) allow).
graph::KnowledgeGraph generate_synthetic_graph(const graph::Ontology& ontology,
                                               const std::vector<graph::Entity>& states,
                                               const SyntheticOptions& options);

/// The states of schemas/lexicon/actors/states.json as entities (id, label, ISO3 country, the first
/// names as aliases), the states news mention most first. Throws irkg::lexicon_error.
std::vector<graph::Entity> load_states(const std::filesystem::path& schema_dir);

/// The ontology of `schema_dir` (relations.json, validated). Throws irkg::lexicon_error.
graph::Ontology load_ontology(const std::filesystem::path& schema_dir);

}  // namespace irkg::bench
