#pragma once
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
/// Throws irkg::input_error naming the file and, for JSON that is not irkg's, the JSON pointer of the
/// offending value ("/@graph/3/subject") and what is wrong; for text that is not JSON, the line and
/// column. Hostile input cannot crash it: nesting deeper than irkg ever writes is rejected before
/// parsing, and no count in the input is trusted for allocation.
graph::KnowledgeGraph read_jsonld(const std::filesystem::path& path);

/// As read_jsonld, from text in memory; `source` names it in error messages.
graph::KnowledgeGraph read_jsonld_text(std::string_view text, std::string_view source = "<string>");

}  // namespace irkg::exporter
