#pragma once
#include <cstddef>
#include <filesystem>
#include <string_view>

#include "graph/knowledge_graph.hpp"

namespace irkg::exporter {

/// Reads a graph that irkg's JsonldWriter wrote, losslessly: writing the result again gives the same
/// bytes. Only irkg's own shape is accepted (this is not a general JSON-LD processor): the inline
/// context must map "irkg" to irkg's vocabulary; entity nodes and statement nodes must carry the
/// fields the writer writes, with the right types; every statement's subject and object must be an
/// entity node of the same @graph.
///
/// Streams: the file is read in 64 KiB blocks and @graph nodes are held as small JSON trees only in
/// a few batches on their way from the parsing thread to the building one (512 nodes or about 8 MiB of
/// trees each), so memory is the graph's own plus O(batches + largest node), never the file's size. Files as irkg
/// writes them (@context first, entities before the statements that name them) are read in one pass.
/// Other orders are accepted at the price of more passes over the file: a second one when "@graph"
/// comes before "@context", and one more for statements that come before an entity they name.
///
/// Throws irkg::input_error naming the file and, for JSON that is not irkg's, the JSON pointer of the
/// offending value ("/@graph/3/subject") and what is wrong; for text that is not JSON (a truncated
/// file, say), the line, column and byte offset and the JSON pointer of where the parser stood.
/// Errors are reported as the reader meets them, so of several the first in the file usually wins
/// (direct triples, which may name entities further down, are checked at the end).
/// Hostile input cannot crash it or make it allocate without bound: nesting deeper than
/// k_max_jsonld_depth, a single token (string, number, or the gap between two) longer than
/// k_max_jsonld_token_bytes and a node longer than k_max_jsonld_node_bytes are rejected as soon as
/// they are seen, and no count in the input is trusted for allocation.
graph::KnowledgeGraph read_jsonld(const std::filesystem::path& path);

/// As read_jsonld, from text in memory; `source` names it in error messages.
graph::KnowledgeGraph read_jsonld_text(std::string_view text, std::string_view source = "<string>");

/// irkg writes at most 5 levels (root, @graph, statement, evidence, entry); the context adds 3.
inline constexpr int k_max_jsonld_depth = 32;
/// The longest string or number irkg reads (an evidence sentence is a few hundred bytes).
inline constexpr std::size_t k_max_jsonld_token_bytes = std::size_t{16} << 20;
/// The longest @graph node or @context irkg reads: a relation with about 700,000 mentions, or an
/// entity with millions of direct triples.
inline constexpr std::size_t k_max_jsonld_node_bytes = std::size_t{256} << 20;

}  // namespace irkg::exporter
