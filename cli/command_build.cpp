#include "command_build.hpp"

#include <chrono>
#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "graph/errors.hpp"
#include "graph/knowledge_graph.hpp"

namespace irkg::cli {

void BuildCommand::add_options(CLI::App& app) {
    const std::string about =
        "Extract relation triples from articles and merge them into one graph: one node per entity id,\n"
        "one edge per (subject, predicate, object) carrying its mention count, dates and evidence.\n"
        "Inputs as for extract (.txt, .jsonl, - for stdin, the default). A summary line goes to stderr.";
    app.add_option("INPUT", inputs_, "Article files (.txt, .jsonl) or - for stdin (the default)");
    outputs_.add_to(app);
    common_.add_to(app);
    filters_.add_to(app);
    app.footer(about + "\n\n" + output_formats_help() + "\n\n" + std::string(k_exit_codes));
}

void BuildCommand::setup() {
    common_.validate();
    filters_.validate();
    if (inputs_.empty()) inputs_.push_back("-");
    outputs_.validate();
}

void BuildCommand::run(std::ostream& /*out*/, std::ostream& err) {
    const auto started = std::chrono::steady_clock::now();
    common_.check_schema_dir();
    const ingest::Pipeline pipeline(common_.pipeline_options());
    report_dictionaries(pipeline, common_.quiet, err);

    graph::KnowledgeGraph graph;
    ProblemLog problems(err);
    const ingest::RunStats stats = merge_inputs(pipeline, inputs_, common_.read_options(), graph, problems);

    const std::string filtered = filters_.apply(graph, common_.min_confidence, known_relations(common_.schemas));

    outputs_.write(graph, common_.schemas);

    if (!common_.quiet)
        err << fmt::format(
            "irkg build: {} article{}, {} sentence{}, {} triple{} -> {} entit{}, {} relation{}{} ({:.2f} s)\n",
            stats.articles, plural(stats.articles), stats.sentences, plural(stats.sentences), stats.triples,
            plural(stats.triples), graph.num_entities(), graph.num_entities() == 1 ? "y" : "ies", graph.num_relations(),
            plural(graph.num_relations()), filtered.empty() ? "" : " kept by the filters (" + filtered + ")",
            seconds_since(started));
    problems.throw_if_any(stats.articles);
}

}  // namespace irkg::cli
