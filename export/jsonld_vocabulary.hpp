#pragma once
// What the JSON-LD writer and reader agree on: the IRIs irkg mints and the terms each kind of node
// may carry. The terms themselves are defined in schemas/context.jsonld.
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "graph/entity.hpp"

namespace irkg::exporter::jsonld {

/// The irkg vocabulary. A document whose context maps "irkg" to anything else is not irkg's.
inline constexpr std::string_view k_vocabulary_iri = "https://w3id.org/irkg/vocab#";
/// Context file name inside the schemas/ directory.
inline constexpr std::string_view k_context_file = "context.jsonld";
/// The type term of statement nodes (rdf:Statement).
inline constexpr std::string_view k_statement_type = "Statement";

/// Keys of an entity node, a statement node and one evidence entry, in the order they are written.
/// Entity nodes also carry one key per relation predicate term (the direct triples).
inline constexpr std::array<std::string_view, 7> k_entity_keys{"id",         "type",    "irkgId", "label",
                                                               "entityType", "country", "aliases"};
/// A statement's "date" is its first date: the one column a notebook reads (shared FORMATS.md).
inline constexpr std::array<std::string_view, 19> k_statement_keys{
    "id",        "type",       "subject",       "predicate",           "object", "category",   "cameo", "goldstein",
    "symmetric", "mode",       "relationLabel", "relationDescription", "weight", "confidence", "date",  "firstDate",
    "lastDate",  "modalities", "evidence"};
inline constexpr std::array<std::string_view, 10> k_evidence_keys{
    "doc", "sentence", "text", "begin", "end", "modality", "timeText", "startDate", "endDate", "confidence"};
/// Type terms: the statement type and one per entity type.
inline constexpr std::array<std::string_view, 6> k_type_terms{"Statement",    "Country", "Person",
                                                              "Organization", "Place",   "Thing"};

/// The schema.org type term of an entity type (country -> "Country", location -> "Place", ...).
std::string_view type_term(graph::EntityType type);

/// The compact IRI of an entity: "country:CHN" -> "ent:country/CHN". The irkg id's own prefix must
/// not reach @id as is, since JSON-LD would read "country:" as an IRI scheme. Characters other than
/// ASCII letters, digits and -._~ are percent-encoded, so distinct ids give distinct IRIs.
std::string entity_iri(std::string_view id);

/// The compact IRI of a merged relation, from KnowledgeGraph::edge_id: "stmt:<edge id>".
std::string statement_iri(std::string_view edge_id);

/// The compact IRI of a predicate: "meets" -> "rel:meets".
std::string relation_iri(std::string_view predicate);
/// The predicate named by a relation IRI ("rel:meets" -> "meets"); nullopt when `iri` is not one.
std::optional<std::string> predicate_from_iri(std::string_view iri);

/// True when `predicate` is a lower-case slug ("holds-talks-with"), the shape a context term for it
/// may have. The writer also checks it is not already a term of the base context; predicates that
/// fail get no direct-triple property, only their statements.
bool is_term_shaped(std::string_view predicate);

}  // namespace irkg::exporter::jsonld
