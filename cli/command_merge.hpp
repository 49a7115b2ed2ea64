#pragma once
#include <iosfwd>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "command.hpp"
#include "common_options.hpp"
#include "filter_options.hpp"
#include "graph/knowledge_graph.hpp"
#include "output_options.hpp"

namespace irkg::cli {

/// `irkg merge INPUT... -o OUT [-o OUT...] [filters]`: merges graphs (.jsonld written by irkg) and triple
/// files (.jsonl written by irkg extract, - for stdin) into one graph and writes it in any format.
/// Merging is associative, commutative and idempotent, so merge is a correct reduce step in any tree
/// (Dask, make, a shell loop): the same inputs in any order and grouping give the same bytes.
class MergeCommand : public Command {
public:
    /// What an input holds, from its name.
    enum class InputKind { graph, triples };

    std::string_view name() const override { return "merge"; }
    std::string_view summary() const override {
        return "Merge graphs (.jsonld) and triple files (.jsonl from extract) into one graph";
    }
    void add_options(CLI::App& app) override;
    void setup() override;
    void run(std::ostream& out, std::ostream& err) override;

    const std::vector<std::string>& inputs() const { return inputs_; }
    /// The kind of each input, in the order of inputs() (settled by setup()).
    const std::vector<InputKind>& input_kinds() const { return kinds_; }

private:
    CommonOptions common_;
    FilterOptions filters_;
    OutputOptions outputs_;
    std::vector<std::string> inputs_;
    std::vector<InputKind> kinds_;
};

/// The relation types a series of graphs define, by predicate, and which input defined each first. A
/// graph keeps the first definition of a predicate it sees, so merging inputs that disagree would depend
/// on their order: check() refuses that.
class RelationDefinitions {
public:
    /// Records the relation types of `part` (read from `input`). Throws input_error naming both inputs
    /// when a predicate is defined differently from an input checked before.
    void check(const graph::KnowledgeGraph& part, const std::string& input);

private:
    std::map<std::string, std::pair<graph::RelationType, std::string>> by_predicate_;
};

/// The kind of a merge input from its name: .jsonld/.json-ld a graph, .jsonl or - triples. Throws
/// usage_error for anything else, saying what merge reads.
MergeCommand::InputKind merge_input_kind(const std::string& input);

}  // namespace irkg::cli
