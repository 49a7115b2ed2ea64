#include "registry.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "atomic_file.hpp"
#include "csv_writer.hpp"
#include "dot_writer.hpp"
#include "graph/errors.hpp"
#include "gexf_writer.hpp"
#include "graphml_writer.hpp"
#include "jsonld_writer.hpp"
#include "nquads_writer.hpp"

namespace irkg::exporter {

namespace {

template <class W>
std::unique_ptr<Writer> make(const WriterOptions& options) {
    return std::make_unique<W>(options);
}

// The list: one line per format. Names and extensions lower-case, extensions with their dot.
// A function-local static, so that other translation units may use it during their own static init.
std::span<const Format> all_formats() {
    static const std::array list{
        Format{"graphml", {".graphml"}, "GraphML for Gephi, networkx, igraph, yEd", &make<GraphmlWriter>},
        Format{"gexf", {".gexf"}, "GEXF 1.3 with a Gephi timeline (dated spells)", &make<GexfWriter>},
        Format{"jsonld",
               {".jsonld", ".json-ld"},
               "JSON-LD (context inline) for rdflib, pyld, pandas",
               &make<JsonldWriter>},
        Format{"csv",
               {".csv"},
               "CSV for pandas and Gephi's spreadsheet import: edges in the named file, nodes in <stem>.nodes.csv "
               "beside it (not stdout)",
               &make<CsvWriter>},
        Format{"dot", {".dot", ".gv"}, "Graphviz DOT for dot, neato, sfdp (irkg render draws it)", &make<DotWriter>},
        Format{"nquads", {".nq"}, "N-Quads for RDF stores: one named graph per source article", &make<NquadsWriter>},
        Format{"ntriples", {".nt"}, "N-Triples: the N-Quads statements without graph names", &make<NtriplesWriter>},
    };
    return list;
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    });
    return out;
}

std::string extension_list() {
    std::string out;
    for (const auto& format : all_formats())
        for (auto extension : format.extensions) out += (out.empty() ? "" : ", ") + std::string(extension);
    return out;
}

}  // namespace

std::span<const Format> formats() { return all_formats(); }

std::string format_names() {
    std::string out;
    for (const auto& format : all_formats()) out += (out.empty() ? "" : ", ") + std::string(format.name);
    return out;
}

const Format& format_named(std::string_view name) {
    for (const auto& format : all_formats())
        if (format.name == name) return format;
    throw usage_error(fmt::format("unknown output format \"{}\"; valid formats: {}", name, format_names()));
}

const Format& format_for_path(const std::filesystem::path& path) {
    const std::string file_name = lower(path.filename().string());
    const Format* best = nullptr;
    std::size_t best_length = 0;
    for (const auto& format : all_formats())
        for (auto extension : format.extensions)
            if (file_name.size() > extension.size() && file_name.ends_with(extension) &&
                extension.size() > best_length) {
                best = &format;
                best_length = extension.size();
            }
    if (best) return *best;
    throw usage_error(
        fmt::format("cannot tell the output format of \"{}\" from its name; use one of the extensions "
                    "{} or name the format ({})",
                    path.string(), extension_list(), format_names()));
}

std::unique_ptr<Writer> make_writer(std::string_view name, const WriterOptions& options) {
    return format_named(name).factory(options);
}

void write_graph(const graph::KnowledgeGraph& graph, const std::filesystem::path& out, std::string_view format,
                 const WriterOptions& options) {
    const Format& chosen = format.empty() ? format_for_path(out) : format_named(format);
    // Set the writer up before touching the file system, so a bad option leaves no temporary file.
    // Writers that write more than one file (CSV) learn the target from options.output.
    WriterOptions with_output = options;
    with_output.output = out;
    const auto writer = chosen.factory(with_output);
    AtomicFile file(out);
    writer->write(graph, file.stream());
    file.commit();
}

}  // namespace irkg::exporter
