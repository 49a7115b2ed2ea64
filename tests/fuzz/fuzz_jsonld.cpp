// Fuzz target: the .jsonld graph reader (export/jsonld_reader), the input of `irkg subgraph`, `path`,
// `stats`, `merge` and the other graph commands.
//
// Contract: text that is not irkg's JSON-LD is an irkg::input_error, nothing else; a graph the reader
// accepts writes again without error, and reading and writing that output gives the same bytes
// (the reader is lossless for what the writer writes).
#include <sstream>
#include <string>

#include "export/jsonld_reader.hpp"
#include "export/jsonld_writer.hpp"
#include "fuzz_support.hpp"
#include "graph/errors.hpp"

namespace {

std::string write(const irkg::graph::KnowledgeGraph& graph) {
    static const irkg::exporter::JsonldWriter writer(irkg::exporter::WriterOptions{irkg::fuzz::k_schema_dir});
    std::ostringstream out;
    writer.write(graph, out);
    return std::move(out).str();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    irkg::graph::KnowledgeGraph graph;
    try {
        graph = irkg::exporter::read_jsonld_text(irkg::fuzz::as_text(data, size), "fuzz.jsonld");
    } catch (const irkg::input_error&) {
        return 0;
    }
    const std::string written = write(graph);
    // What irkg wrote it must read back, and write again unchanged.
    const std::string again = write(irkg::exporter::read_jsonld_text(written, "rewritten.jsonld"));
    irkg::fuzz::check(again == written, "reading and writing irkg's own JSON-LD changed it");
    return 0;
}
