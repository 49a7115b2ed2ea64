#pragma once
// The one list of export formats. Adding a format is one line in registry.cpp.
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "writer.hpp"

namespace irkg::exporter {

/// One export format as the CLI offers it.
struct Format {
    std::string_view name;                     ///< as given to --format: "graphml", "jsonld"
    std::vector<std::string_view> extensions;  ///< lower-case, with the dot: ".graphml"
    std::string_view description;              ///< one line for --help
    std::unique_ptr<Writer> (*factory)(const WriterOptions&);
};

/// Every format, in the order --help lists them.
std::span<const Format> formats();

/// The format called `name`. Throws irkg::usage_error listing the valid names.
const Format& format_named(std::string_view name);

/// The format whose extension ends `path`'s file name (case-insensitive; the longest match wins).
/// Throws irkg::usage_error listing the known extensions when none matches (also for "-").
const Format& format_for_path(const std::filesystem::path& path);

/// A writer for the format called `name`. Throws irkg::usage_error for an unknown name, and whatever
/// the format's writer throws when it cannot be set up (e.g. irkg::lexicon_error for a missing
/// schemas/context.jsonld).
std::unique_ptr<Writer> make_writer(std::string_view name, const WriterOptions& options);

/// Writes `graph` to `out` ("-" for standard output) in `format`, or in the format `out`'s extension
/// names when `format` is empty. The file appears complete or not at all (AtomicFile).
/// Throws irkg::usage_error (unknown format), irkg::input_error (cannot write, with path and reason).
void write_graph(const graph::KnowledgeGraph& graph, const std::filesystem::path& out, std::string_view format,
                 const WriterOptions& options);

/// "graphml, jsonld": the valid names, for messages and --help.
std::string format_names();

}  // namespace irkg::exporter
