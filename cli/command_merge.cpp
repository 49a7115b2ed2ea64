#include "command_merge.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <ostream>
#include <unordered_set>
#include <utility>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "export/jsonld_reader.hpp"
#include "export/triple_reader.hpp"
#include "graph/entity_index.hpp"
#include "graph/errors.hpp"
#include "graph/ontology.hpp"

namespace irkg::cli {

namespace {

bool ends_with_lower(std::string_view text, std::string_view suffix) {
    return text.size() > suffix.size() && graph::fold_case(text.substr(text.size() - suffix.size())) == suffix;
}

std::string describe(const graph::RelationType& r) {
    return fmt::format("category {}, CAMEO {}, Goldstein {}, {}symmetric", r.category, r.cameo, r.goldstein,
                       r.symmetric ? "" : "not ");
}

bool same_relation(const graph::RelationType& a, const graph::RelationType& b) {
    return a.predicate == b.predicate && a.category == b.category && a.mode == b.mode && a.cameo == b.cameo &&
           a.goldstein == b.goldstein && a.symmetric == b.symmetric && a.label == b.label &&
           a.description == b.description;
}

}  // namespace

void RelationDefinitions::check(const graph::KnowledgeGraph& part, const std::string& input) {
    std::unordered_set<const graph::RelationType*> seen;
    for (const auto e : boost::make_iterator_range(boost::edges(part.store()))) {
        const auto* type = part.edge(e).relation.get();
        if (!seen.insert(type).second) continue;
        const auto [it, inserted] = by_predicate_.try_emplace(type->predicate, *type, input);
        if (inserted || same_relation(it->second.first, *type)) continue;
        throw input_error(fmt::format(
            "{}: predicate \"{}\" ({}) is defined differently in {} ({}): the inputs were made with different "
            "ontologies (schemas/relations.json), and merging them would depend on their order; rebuild one "
            "of them with the other's schemas",
            input, type->predicate, describe(*type), it->second.second, describe(it->second.first)));
    }
}

MergeCommand::InputKind merge_input_kind(const std::string& input) {
    if (ends_with_lower(input, ".jsonld") || ends_with_lower(input, ".json-ld")) return MergeCommand::InputKind::graph;
    if (input == "-" || ends_with_lower(input, ".jsonl")) return MergeCommand::InputKind::triples;
    throw usage_error(
        fmt::format("cannot merge \"{}\": merge reads graphs written by irkg (.jsonld) and triple files written by "
                    "irkg extract (.jsonl, - for stdin); extract or build articles (.txt) first",
                    input));
}

void MergeCommand::add_options(CLI::App& app) {
    const std::string about =
        "Merge graphs and triple files into one graph and write it (any format, as build). Inputs:\n"
        "  .jsonld  a graph written by irkg build, merge or subgraph (read losslessly)\n"
        "  .jsonl   triples written by irkg extract, one JSON object per line (- reads them from stdin);\n"
        "           symmetric, mode and label of each predicate come from the ontology (--schemas)\n"
        "Merging is associative, commutative and idempotent: the same inputs in any order or grouping,\n"
        "given once or twice, give the same bytes, so partial graphs can be reduced in any tree:\n"
        "  irkg merge part-*.jsonld -o all.jsonld\n"
        "  irkg extract day1.jsonl -o t1.jsonl && irkg merge all.jsonld t1.jsonl -o all.jsonld\n"
        "A bad triple line is reported as FILE:LINE: what is wrong; every bad line is reported (--strict:\n"
        "the first) and nothing is written. Inputs whose ontologies define a predicate differently are\n"
        "refused. The shared filters cut the merged graph before it is written; a summary line goes to\n"
        "stderr.";
    app.add_option("INPUT", inputs_, "Graphs (.jsonld) and triple files (.jsonl, - for stdin)")->required();
    outputs_.add_to(app);
    app.add_option("--schemas", common_.schemas,
                   "The schemas/ directory: its ontology completes the relation types of triples")
        ->type_name("DIR")
        ->envname("IRKG_SCHEMAS")
        ->capture_default_str();
    app.add_option("--min-confidence", common_.min_confidence,
                   "Keep only mentions with at least this confidence (0 to 1)")
        ->type_name("X");
    common_.add_max_evidence_to(app);
    app.add_flag("--strict", common_.strict, "Stop at the first bad triple line instead of reporting every one");
    app.add_flag("-q,--quiet", common_.quiet, "Print no summary on stderr (problems are still reported)");
    filters_.add_to(app);
    app.footer(about + "\n\n" + output_formats_help() + "\n\n" + std::string(k_exit_codes));
}

void MergeCommand::setup() {
    common_.validate();
    filters_.validate();
    outputs_.validate();
    kinds_.clear();
    std::size_t stdin_inputs = 0;
    for (const auto& input : inputs_) {
        kinds_.push_back(merge_input_kind(input));
        if (input == "-") ++stdin_inputs;
    }
    if (stdin_inputs > 1) throw usage_error("- (standard input) can be given only once");
}

void MergeCommand::run(std::ostream& /*out*/, std::ostream& err) {
    const auto started = std::chrono::steady_clock::now();
    std::vector<graph::RelationType> known;
    if (std::find(kinds_.begin(), kinds_.end(), InputKind::triples) != kinds_.end()) {
        // Without the ontology a symmetric predicate could be stored twice: it is required, not optional.
        common_.check_schema_dir();
        const std::filesystem::path dir(common_.schemas);
        const auto ontology = graph::Ontology::load(dir / "relations.json", dir / "relations.schema.json");
        known.assign(ontology.relations().begin(), ontology.relations().end());
    }
    exporter::TripleReader reader(known);

    std::uint64_t bad_lines = 0, triples = 0, graphs = 0, triple_files = 0;
    const std::function<void(const exporter::TripleProblem&)> report = [&](const exporter::TripleProblem& problem) {
        ++bad_lines;
        err << problem.file << ':' << problem.line << ": " << problem.message << '\n';
    };
    graph::KnowledgeGraph merged;
    RelationDefinitions definitions;
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
        const std::string& input = inputs_[i];
        graph::KnowledgeGraph part;
        if (kinds_[i] == InputKind::graph) {
            part = exporter::read_jsonld(input);
            ++graphs;
        } else {
            const auto& on_problem = common_.strict ? std::function<void(const exporter::TripleProblem&)>{} : report;
            triples += input == "-" ? reader.read(std::cin, "<stdin>", part, on_problem)
                                    : reader.read_file(input, part, on_problem);
            ++triple_files;
        }
        definitions.check(part, input);
        if (merged.num_entities() == 0) {
            merged = std::move(part);
            merged.set_max_mentions(static_cast<std::size_t>(common_.max_evidence));
        } else {
            merged.merge(part);
        }
    }
    if (bad_lines > 0)
        throw input_error(
            fmt::format("{} bad triple line{} (reported above); nothing written: fix or remove {}, or "
                        "re-extract the articles",
                        bad_lines, plural(bad_lines), bad_lines == 1 ? "it" : "them"));

    report_limits(common_, nullptr, &merged, err);  // before the filters replace the graph
    const std::string filtered = filters_.apply(merged, common_.min_confidence, known_relations(common_.schemas));
    outputs_.write(merged, common_.schemas);
    if (!common_.quiet)
        err << fmt::format(
            "irkg merge: {} graph{}, {} triple file{} ({} triple{}) -> {} entit{}, {} relation{}{} ({:.2f} s)\n",
            graphs, plural(graphs), triple_files, plural(triple_files), triples, plural(triples), merged.num_entities(),
            merged.num_entities() == 1 ? "y" : "ies", merged.num_relations(), plural(merged.num_relations()),
            filtered.empty() ? "" : " kept by " + filtered, seconds_since(started));
}

}  // namespace irkg::cli
