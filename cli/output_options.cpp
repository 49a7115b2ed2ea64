#include "output_options.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "export/registry.hpp"
#include "graph/errors.hpp"

namespace irkg::cli {

std::string output_formats_help() {
    std::string out = "Output formats (-o names the file; its extension picks the format unless --format is given):";
    for (const auto& format : exporter::formats()) {
        std::string extensions;
        for (auto extension : format.extensions)
            extensions += (extensions.empty() ? "" : ", ") + std::string(extension);
        out += fmt::format("\n  {:<9} {} ({})", format.name, format.description, extensions);
    }
    return out;
}

void OutputOptions::add_to(CLI::App& app) {
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
    app.add_option("--edges", edges_,
                   "GraphML edges: aggregated (one per subject-predicate-object, weight = mentions) or mentions "
                   "(one per evidence sentence, unique ids)")
        ->type_name("aggregated|mentions")
        ->capture_default_str();
}

void OutputOptions::validate() {
    if (gexf_version_ != "1.3" && gexf_version_ != "1.2draft")
        throw usage_error(fmt::format("--gexf-version \"{}\" is not one of 1.3, 1.2draft", gexf_version_));
    if (csv_dialect_ != "default" && csv_dialect_ != "neo4j")
        throw usage_error(fmt::format("--csv-dialect \"{}\" is not one of default, neo4j", csv_dialect_));
    if (edges_ != "aggregated" && edges_ != "mentions")
        throw usage_error(fmt::format("--edges \"{}\" is not one of aggregated, mentions", edges_));
    if (outputs_.empty()) throw usage_error("give at least one -o GRAPH (e.g. -o out/graph.graphml)");
    formats_.clear();
    for (const auto& output : outputs_) {
        if (!format_.empty())
            formats_.emplace_back(exporter::format_named(format_).name);
        else if (output == "-")
            throw usage_error(fmt::format("-o - writes to stdout, which has no extension: add --format ({})",
                                          exporter::format_names()));
        else
            formats_.emplace_back(exporter::format_for_path(output).name);
    }
    if (edges_ == "mentions") {
        bool graphml = false;
        for (const auto& f : formats_) graphml = graphml || f == "graphml";
        if (!graphml)
            throw usage_error(
                "--edges mentions applies to GraphML outputs (-o FILE.graphml) only; GEXF keeps every dated mention "
                "as a spell and JSON-LD every mention as evidence");
    }
}

void OutputOptions::write(const graph::KnowledgeGraph& graph, const std::string& schema_dir) const {
    exporter::WriterOptions options;
    options.schema_dir = schema_dir;
    options.gexf_version =
        gexf_version_ == "1.2draft" ? exporter::GexfVersion::v1_2draft : exporter::GexfVersion::v1_3;
    options.csv_dialect = csv_dialect_;
    options.edges = edges_ == "mentions" ? exporter::EdgeMode::mentions : exporter::EdgeMode::aggregated;
    for (std::size_t i = 0; i < outputs_.size(); ++i) exporter::write_graph(graph, outputs_[i], formats_[i], options);
}

}  // namespace irkg::cli
