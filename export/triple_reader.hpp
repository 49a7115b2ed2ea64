#pragma once
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/knowledge_graph.hpp"
#include "graph/relation.hpp"

namespace irkg::exporter {

/// A line of a triple file that could not be read.
struct TripleProblem {
    std::string file;
    std::uint64_t line = 0;  ///< 1-based
    std::string message;
};

/// Reads back the JSON Lines triples `irkg extract` writes (triple_writer.hpp, schemas/triple.schema.json),
/// so that extracted triples can be merged into a graph later, elsewhere, or in pieces (`irkg merge`).
///
/// Only irkg's own shape is accepted: the keys the writer writes, with their types and ranges (ISO dates,
/// a confidence from 0 to 1, a span whose end is not before its begin); a key irkg does not write is an
/// error, so a file of something else is not half-read. One extension: an entity may carry "aliases"
/// (an array of strings), which the graph keeps. A record of article input ({"id", "text", ...}) is
/// recognised and named as such.
///
/// A triple's relation type comes from its own fields (predicate, category, cameo, goldstein); what a
/// triple does not carry (symmetric, mode, label, description) comes from the ontology's type of the same
/// predicate, so a symmetric predicate is stored once whichever way round a triple names it. A predicate
/// the ontology lacks is read as not symmetric, its label the predicate. With the same ontology as the
/// extraction, a relation type read back equals the one the extractor used.
class TripleReader {
public:
    /// `known`: the ontology's relation types (graph::Ontology::relations()), copied.
    explicit TripleReader(std::span<const graph::RelationType> known = {});
    TripleReader(const TripleReader&) = delete;  // triples point into relations_
    TripleReader& operator=(const TripleReader&) = delete;

    /// Parses one line (without its newline). The triple's relation points into this reader and stays
    /// valid for its lifetime. Throws irkg::input_error "SOURCE:LINE: what is wrong".
    graph::Triple parse(std::string_view line, std::string_view source, std::uint64_t line_number);

    /// Reads every line of `in` and adds each triple to `graph`; blank lines are skipped. A bad line goes to
    /// `on_problem` and is skipped; without `on_problem` the first bad line throws irkg::input_error
    /// "SOURCE:LINE: what is wrong". Throws irkg::input_error when the stream fails. Returns the number of
    /// triples added.
    std::uint64_t read(std::istream& in, std::string_view source, graph::KnowledgeGraph& graph,
                       const std::function<void(const TripleProblem&)>& on_problem = {});

    /// As read(), from the file `path`. Throws irkg::input_error naming the file when it cannot be read.
    std::uint64_t read_file(const std::filesystem::path& path, graph::KnowledgeGraph& graph,
                            const std::function<void(const TripleProblem&)>& on_problem = {});

private:
    graph::Triple parse_line(std::string_view line);  // throws a BadLine of its own (no file or line)
    const graph::RelationType* relation_for(graph::RelationType parsed);

    std::unordered_map<std::string, graph::RelationType> known_;
    std::deque<graph::RelationType> relations_;  ///< one per distinct definition read
    std::unordered_map<std::string, std::vector<const graph::RelationType*>> by_predicate_;
};

}  // namespace irkg::exporter
