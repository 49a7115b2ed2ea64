#include "command_build.hpp"

#include <chrono>
#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "export/registry.hpp"
#include "graph/errors.hpp"
#include "graph/knowledge_graph.hpp"

namespace irkg::cli {

namespace {

std::string format_help() {
    std::string out = "Output formats (-o names the file; its extension picks the format unless --format is given):";
    for (const auto& format : exporter::formats()) {
        std::string extensions;
        for (auto extension : format.extensions)
            extensions += (extensions.empty() ? "" : ", ") + std::string(extension);
        out += fmt::format("\n  {:<9} {} ({})", format.name, format.description, extensions);
    }
    return out;
}

}  // namespace

void BuildCommand::add_options(CLI::App& app) {
    const std::string about =
        "Extract relation triples from articles and merge them into one graph: one node per entity id,\n"
        "one edge per (subject, predicate, object) carrying its mention count, dates and evidence.\n"
        "Inputs as for extract (.txt, .jsonl, - for stdin, the default). A summary line goes to stderr.";
    app.add_option("INPUT", inputs_, "Article files (.txt, .jsonl) or - for stdin (the default)");
    app.add_option("-o,--output", outputs_, "Write the graph to GRAPH; repeat for several files (or - for stdout)")
        ->type_name("GRAPH")
        ->required()
        ->allow_extra_args(false);  // one file per -o, so it cannot swallow the inputs after it
    app.add_option("-f,--format", format_, "Write every output in this format: " + exporter::format_names())
        ->type_name("NAME");
    app.add_option("--gexf-version", gexf_version_,
                   "GEXF flavour: 1.3 (Gephi, with kind and undirected symmetric edges) or 1.2draft (networkx 2.8)")
        ->type_name("1.3|1.2draft")
        ->capture_default_str();
    app.add_option("--csv-dialect", csv_dialect_,
                   "CSV headers: default (pandas, Gephi spreadsheet import) or neo4j (neo4j-admin import)")
        ->type_name("default|neo4j")
        ->capture_default_str();
    common_.add_to(app);
    app.footer(about + "\n\n" + format_help() + "\n\n" + std::string(k_exit_codes));
}

void BuildCommand::setup() {
    common_.validate();
    if (gexf_version_ != "1.3" && gexf_version_ != "1.2draft")
        throw usage_error(fmt::format("--gexf-version \"{}\" is not one of 1.3, 1.2draft", gexf_version_));
    if (csv_dialect_ != "default" && csv_dialect_ != "neo4j")
        throw usage_error(fmt::format("--csv-dialect \"{}\" is not one of default, neo4j", csv_dialect_));
    if (inputs_.empty()) inputs_.push_back("-");
    if (outputs_.empty()) throw usage_error("build needs at least one -o GRAPH (e.g. -o out/graph.graphml)");
    output_formats_.clear();
    for (const auto& output : outputs_) {
        if (!format_.empty())
            output_formats_.emplace_back(exporter::format_named(format_).name);
        else if (output == "-")
            throw usage_error(fmt::format("-o - writes to stdout, which has no extension: add --format ({})",
                                          exporter::format_names()));
        else
            output_formats_.emplace_back(exporter::format_for_path(output).name);
    }
}

void BuildCommand::run(std::ostream& /*out*/, std::ostream& err) {
    const auto started = std::chrono::steady_clock::now();
    common_.check_schema_dir();
    const ingest::Pipeline pipeline(common_.pipeline_options());
    report_dictionaries(pipeline, common_.quiet, err);

    graph::KnowledgeGraph graph;
    ProblemLog problems(err);
    const ingest::RunStats stats = merge_inputs(pipeline, inputs_, common_.read_options(), graph, problems);

    exporter::WriterOptions writer_options;
    writer_options.schema_dir = common_.schemas;
    writer_options.gexf_version =
        gexf_version_ == "1.2draft" ? exporter::GexfVersion::v1_2draft : exporter::GexfVersion::v1_3;
    writer_options.csv_dialect = csv_dialect_;
    for (std::size_t i = 0; i < outputs_.size(); ++i)
        exporter::write_graph(graph, outputs_[i], output_formats_[i], writer_options);

    if (!common_.quiet)
        err << fmt::format(
            "irkg build: {} article{}, {} sentence{}, {} triple{} -> {} entit{}, {} relation{} ({:.2f} s)\n",
            stats.articles, plural(stats.articles), stats.sentences, plural(stats.sentences), stats.triples,
            plural(stats.triples), graph.num_entities(), graph.num_entities() == 1 ? "y" : "ies", graph.num_relations(),
            plural(graph.num_relations()), seconds_since(started));
    problems.throw_if_any(stats.articles);
}

}  // namespace irkg::cli
