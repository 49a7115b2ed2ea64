// synthetic_graph: writes a reproducible synthetic knowledge graph for the scale benchmarks.
//   synthetic_graph --entities 1000000 --edges 5000000 --seed 1 -o g.jsonld [-o g.graphml]
// Exit codes: 0 done, 1 bad data (schemas that do not load, a graph that cannot be built or written),
// 2 bad usage.
#include <chrono>
#include <cstdint>
#include <exception>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "export/registry.hpp"
#include "graph/errors.hpp"
#include "synthetic_generator.hpp"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    using namespace irkg;
    bench::SyntheticOptions options;
    std::vector<std::string> outputs;
    std::string schemas = IRKG_DEFAULT_SCHEMA_DIR;
    bool quiet = false;

    CLI::App app{"Writes a synthetic irkg knowledge graph: N entities, M relations, reproducible from the seed.",
                 "synthetic_graph"};
    app.add_option("--entities", options.entities, "number of entities")->required()->check(CLI::PositiveNumber);
    app.add_option("--edges", options.edges, "number of relations (distinct subject, predicate, object)")
        ->required()
        ->check(CLI::NonNegativeNumber);
    app.add_option("--seed", options.seed, "random seed (same seed, same bytes)")->capture_default_str();
    app.add_option("-o,--output", outputs, "output file; the format follows the extension (repeatable)")
        ->required();
    app.add_option("--schemas", schemas, "the schemas/ directory (ontology, states, JSON-LD context)")
        ->capture_default_str();
    app.add_flag("--quiet", quiet, "no timings on stderr");
    app.footer("Exit codes: 0 done, 1 bad data, 2 bad usage.");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }

    try {
        for (const auto& out : outputs) exporter::format_for_path(out);  // bad extensions before the work
        auto start = std::chrono::steady_clock::now();
        const auto ontology = bench::load_ontology(schemas);
        const auto states = bench::load_states(schemas);
        const auto graph = bench::generate_synthetic_graph(ontology, states, options);
        if (!quiet)
            std::cerr << fmt::format("synthetic_graph: {} entities, {} relations, {} mentions in {:.1f} s\n",
                                     graph.num_entities(), graph.num_relations(), graph.num_mentions(),
                                     seconds_since(start));
        for (const auto& out : outputs) {
            start = std::chrono::steady_clock::now();
            exporter::write_graph(graph, out, "", exporter::WriterOptions{schemas});
            if (!quiet) std::cerr << fmt::format("synthetic_graph: wrote {} in {:.1f} s\n", out, seconds_since(start));
        }
    } catch (const usage_error& e) {
        std::cerr << "synthetic_graph: error: " << e.what() << '\n';
        return 2;
    } catch (const std::invalid_argument& e) {
        std::cerr << "synthetic_graph: error: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "synthetic_graph: error: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
