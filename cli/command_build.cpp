#include "command_build.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "command_merge.hpp"
#include "commands.hpp"
#include "stage_timings.hpp"
#include "export/jsonld_reader.hpp"
#include "export/registry.hpp"
#include "graph/errors.hpp"
#include "graph/knowledge_graph.hpp"

namespace irkg::cli {

void BuildCommand::add_options(CLI::App& app) {
    const std::string about =
        "Extract relation triples from articles and merge them into one graph: one node per entity id,\n"
        "one edge per (subject, predicate, object) carrying its mention count, dates and evidence.\n"
        "Inputs as for extract (.txt, .jsonl, - for stdin, the default). A summary line goes to stderr.\n\n"
        "--into GRAPH.jsonld adds the articles to a stored graph: GRAPH.jsonld is loaded (created when it\n"
        "does not exist yet), the new triples are merged in, and it is written back atomically (complete\n"
        "or not at all). Adding an article twice changes nothing, and the result is the graph build would\n"
        "make from all the articles at once. The filters and --format apply only to the -o outputs (the\n"
        "stored graph keeps everything; --min-confidence drops triples as they are extracted). When an\n"
        "input record is bad, nothing is written and GRAPH.jsonld is left as it was.";
    app.add_option("INPUT", inputs_, "Article files (.txt, .jsonl) or - for stdin (the default)");
    outputs_.add_to(app);
    // With --into the stored graph is an output of its own: -o is checked in setup() instead.
    app.get_option("--output")->required(false);
    app.add_option("--into", into_,
                   "Add the articles to this graph: load it (create it when missing), merge, write it back")
        ->type_name("GRAPH.jsonld");
    common_.add_to(app);
    filters_.add_to(app);
    app.footer(about + "\n\n" + output_formats_help() + "\n\n" + std::string(k_exit_codes));
}

void BuildCommand::setup() {
    common_.validate();
    filters_.validate();
    if (inputs_.empty()) inputs_.push_back("-");
    if (!into_.empty()) {
        bool jsonld = false;
        try {
            jsonld = graph_source(into_) == GraphSource::jsonld;
        } catch (const usage_error&) {
        }
        if (!jsonld)
            throw usage_error(
                fmt::format("--into \"{}\": the stored graph is a .jsonld file (e.g. --into news.jsonld)", into_));
        if (outputs_.outputs().empty() && !filters_.empty())
            throw usage_error(
                "the filters cut only the -o outputs (--into keeps the whole graph): add -o FILE, or drop the filters");
    }
    if (outputs_.outputs().empty() && into_.empty())
        throw usage_error(
            "give at least one -o/--output GRAPH (e.g. -o out/graph.graphml), or --into GRAPH.jsonld to add the "
            "articles to a stored graph");
    if (!outputs_.outputs().empty()) outputs_.validate();
}

void BuildCommand::run(std::ostream& /*out*/, std::ostream& err) {
    const auto started = std::chrono::steady_clock::now();
    StageTimings timings("build");
    common_.check_schema_dir();
    ArticleInput input(inputs_, common_);  // reading may start now, beside the loading below
    // --into: the stored graph is read first, so a file that is not irkg's fails before any extraction.
    std::optional<graph::KnowledgeGraph> stored;
    const bool created = !into_.empty() && !std::filesystem::exists(into_);
    if (!into_.empty()) stored = created ? graph::KnowledgeGraph{} : exporter::read_jsonld(into_);
    const auto max_evidence = static_cast<std::size_t>(common_.max_evidence);
    if (stored) stored->set_max_mentions(max_evidence);
    std::optional<const ingest::Pipeline> loaded;
    timings.time("lexicons", [&] { loaded.emplace(common_.pipeline_options()); });
    const ingest::Pipeline& pipeline = *loaded;
    report_dictionaries(pipeline, common_.quiet, err);

    graph::KnowledgeGraph graph;
    graph.set_max_mentions(max_evidence);
    ProblemLog problems(err, common_.max_errors);
    const ingest::RunStats stats = merge_inputs(pipeline, input, graph, problems, err);
    timings.add_run(stats, "merge");
    if (stored) return add_into(std::move(*stored), created, graph, stats, problems, started, err);
    report_limits(common_, &stats, &graph, err);  // before the filters replace the graph

    const std::string filtered = filters_.apply(graph, common_.min_confidence, known_relations(common_.schemas));

    timings.time("export", [&] { outputs_.write(graph, common_.schemas); });

    if (!common_.quiet)
        err << fmt::format(
            "irkg build: {} article{}, {} sentence{}, {} triple{} -> {} entit{}, {} relation{}{} ({:.2f} s)\n",
            stats.articles, plural(stats.articles), stats.sentences, plural(stats.sentences), stats.triples,
            plural(stats.triples), graph.num_entities(), graph.num_entities() == 1 ? "y" : "ies", graph.num_relations(),
            plural(graph.num_relations()), filtered.empty() ? "" : " kept by the filters (" + filtered + ")",
            seconds_since(started));
    timings.print(err);
    problems.throw_if_any(stats.articles);
}

void BuildCommand::add_into(graph::KnowledgeGraph stored, bool created, const graph::KnowledgeGraph& added,
                            const ingest::RunStats& stats, const ProblemLog& problems,
                            std::chrono::steady_clock::time_point started, std::ostream& err) const {
    if (problems.count() > 0)
        throw input_error(fmt::format(
            "{} bad record{} (reported above); nothing written and {} left {}: fix the input and run again (an "
            "article added twice is added once)",
            problems.count(), plural(problems.count()), into_, created ? "uncreated" : "unchanged"));
    RelationDefinitions definitions;
    definitions.check(stored, into_);
    definitions.check(added, "the new articles");
    const std::size_t entities = stored.num_entities(), relations = stored.num_relations(),
                      mentions = stored.num_mentions();
    stored.merge(added);
    report_limits(common_, &stats, &stored, err);

    std::string filtered;
    if (!outputs_.outputs().empty()) {
        if (filters_.empty() && common_.min_confidence == 0.0) {
            outputs_.write(stored, common_.schemas);
        } else {
            graph::KnowledgeGraph view = stored;
            filtered = filters_.apply(view, common_.min_confidence, known_relations(common_.schemas));
            outputs_.write(view, common_.schemas);
        }
    }
    exporter::WriterOptions options;
    options.schema_dir = common_.schemas;
    exporter::write_graph(stored, into_, "jsonld", options);

    if (!common_.quiet)
        err << fmt::format(
            "irkg build: {} article{}, {} sentence{}, {} triple{} -> {} {}: +{} entit{}, +{} relation{}, +{} "
            "mention{}; "
            "now {} entit{}, {} relation{}{} ({:.2f} s)\n",
            stats.articles, plural(stats.articles), stats.sentences, plural(stats.sentences), stats.triples,
            plural(stats.triples), into_, created ? "(created)" : "(updated)", stored.num_entities() - entities,
            stored.num_entities() - entities == 1 ? "y" : "ies", stored.num_relations() - relations,
            plural(stored.num_relations() - relations), stored.num_mentions() - mentions,
            plural(stored.num_mentions() - mentions), stored.num_entities(), stored.num_entities() == 1 ? "y" : "ies",
            stored.num_relations(), plural(stored.num_relations()),
            filtered.empty() ? "" : "; the -o outputs kept by the filters (" + filtered + ")", seconds_since(started));
}

}  // namespace irkg::cli
