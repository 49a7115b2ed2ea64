// query_bench: loads an irkg .jsonld once, then times the graph queries on it.
//   query_bench GRAPH.jsonld [--samples 20] [--runs 3] [--seed 7] [--write OUT.graphml]... [--json RESULTS.json]
// Prints markdown tables: the load (time, peak RSS), each query (median, p90 and max over samples),
// and optionally the time to write the graph in other formats.
//
// Adding a query is one function below and one line in k_queries.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "export/jsonld_reader.hpp"
#include "export/registry.hpp"
#include "graph/knowledge_graph.hpp"
#include "graph/graph_stats.hpp"
#include "graph/neighborhood.hpp"
#include "graph/path_search.hpp"
#include "graph/shortest_path.hpp"

namespace {

using irkg::graph::KnowledgeGraph;
using irkg::graph::Vertex;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

/// CPU time (user + system) this process has used so far, in seconds.
double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

/// Peak resident set size of this process so far, in MiB.
double peak_rss_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

/// What a query runs on: an entity pair, one entity (the pair's first), or the whole graph (once).
enum class Scope { pair, centre, graph };

/// One query on one sample. Returns a short description of the answer, for the table.
struct Query {
    std::string name;
    Scope scope;
    std::function<std::string(const KnowledgeGraph&, Vertex from, Vertex to)> run;
};

std::string shortest_path(const KnowledgeGraph& g, Vertex from, Vertex to) {
    irkg::graph::ShortestPath query(g, from, to);
    query.run();
    return query.found() ? fmt::format("{} hops", query.hops().size()) : "no path";
}

std::string k_paths(const KnowledgeGraph& g, Vertex from, Vertex to) {
    irkg::graph::PathSearchOptions options;
    options.k = 10;
    irkg::graph::PathSearch query(g, from, to, options);
    query.run();
    const auto& paths = query.paths();
    if (paths.empty()) return "no path";
    return fmt::format("{} paths, {}-{} hops", paths.size(), paths.front().hops.size(), paths.back().hops.size());
}

std::string neighbours_depth_2(const KnowledgeGraph& g, Vertex centre, Vertex) {
    irkg::graph::NeighborhoodOptions options;
    options.depth = 2;
    irkg::graph::Neighborhood query(g, centre, options);
    query.run();
    return fmt::format("{} entities within 2 hops", query.reached_count());
}

std::string stats(const KnowledgeGraph& g, Vertex, Vertex) {
    irkg::graph::GraphStats query(g);  // the defaults `irkg stats` uses
    query.run();
    return fmt::format("{} components; betweenness from {} sources, PageRank in {} iterations", query.components(),
                       query.betweenness_sources(), query.pagerank_iterations());
}

/// Every query the bench times, in table order. Adding one is a function above and a line here.
const std::vector<Query>& queries() {
    static const std::vector<Query> list{
        {"shortest path (fewest hops, undirected)", Scope::pair, shortest_path},
        {"k = 10 shortest paths (Yen)", Scope::pair, k_paths},
        {"neighbours at depth 2", Scope::centre, neighbours_depth_2},
        {"stats (counts, degree, betweenness, PageRank, components)", Scope::graph, stats},
    };
    return list;
}

/// The entities queries start from: seeded random picks among entities with at least one relation,
/// and the hubs (highest degree), so both typical and worst cases are timed.
struct Samples {
    std::vector<std::pair<Vertex, Vertex>> pairs;
    std::vector<Vertex> hubs;
};

Samples pick_samples(const KnowledgeGraph& g, std::size_t count, std::uint64_t seed) {
    const auto& store = g.store();
    std::vector<Vertex> connected;
    for (Vertex v = 0; v < g.num_entities(); ++v)
        if (boost::out_degree(v, store) + boost::in_degree(v, store) > 0) connected.push_back(v);
    Samples samples;
    if (connected.size() < 2) return samples;
    std::vector<Vertex> by_degree(connected);
    const auto degree = [&](Vertex v) { return boost::out_degree(v, store) + boost::in_degree(v, store); };
    const std::size_t hubs = std::min<std::size_t>(3, by_degree.size());
    std::partial_sort(by_degree.begin(), by_degree.begin() + static_cast<std::ptrdiff_t>(hubs), by_degree.end(),
                      [&](Vertex a, Vertex b) { return degree(a) != degree(b) ? degree(a) > degree(b) : a < b; });
    samples.hubs.assign(by_degree.begin(), by_degree.begin() + static_cast<std::ptrdiff_t>(hubs));

    std::mt19937_64 rng(seed);
    const auto any = [&] { return connected[rng() % connected.size()]; };  // bias of 2^-40: irrelevant here
    for (std::size_t i = 0; samples.pairs.size() < count; ++i) {
        Vertex a = any(), b = any();
        // One pair in four starts or ends at a hub: the largest frontiers a search meets.
        if (i % 4 == 1) a = samples.hubs[i / 4 % hubs];
        if (i % 4 == 3) b = samples.hubs[i / 4 % hubs];
        if (a != b) samples.pairs.emplace_back(a, b);
    }
    return samples;
}

struct Timing {
    std::string name;
    std::size_t samples = 0;
    double median_ms = 0, p90_ms = 0, max_ms = 0;
    std::string example;
};

double quantile(std::vector<double> values, double q) {
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(q * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

Timing time_query(const KnowledgeGraph& g, const Query& query, const Samples& samples, std::size_t runs) {
    Timing timing{query.name, 0, 0, 0, 0, {}};
    std::vector<double> per_sample;
    for (std::size_t i = 0; i < samples.pairs.size() && !(query.scope == Scope::graph && i > 0); ++i) {
        const auto [from, to] = samples.pairs[i];
        std::vector<double> times;
        for (std::size_t r = 0; r < runs; ++r) {
            const auto start = Clock::now();
            std::string answer = query.run(g, from, to);
            times.push_back(seconds_since(start) * 1000.0);
            if (timing.example.empty()) {
                const auto& a = g.entity(from).id;
                timing.example = query.scope == Scope::pair   ? fmt::format("{} -> {}: {}", a, g.entity(to).id, answer)
                                 : query.scope == Scope::centre ? fmt::format("{}: {}", a, answer)
                                                                : answer;
            }
        }
        per_sample.push_back(quantile(times, 0.5));
    }
    timing.samples = per_sample.size();
    if (!per_sample.empty()) {
        timing.median_ms = quantile(per_sample, 0.5);
        timing.p90_ms = quantile(per_sample, 0.9);
        timing.max_ms = *std::max_element(per_sample.begin(), per_sample.end());
    }
    return timing;
}

std::string escape_json(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20)
            out += fmt::format("\\u{:04x}", c);
        else
            out += c;
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    std::string input, json_out;
    std::vector<std::string> writes;
    std::size_t sample_count = 20, runs = 3;
    std::uint64_t seed = 7;
    std::string schemas = IRKG_DEFAULT_SCHEMA_DIR;
    bool skip_queries = false;

    CLI::App app{"Loads an irkg .jsonld and times the graph queries on it (markdown tables on stdout).",
                 "query_bench"};
    app.add_option("graph", input, "the .jsonld graph")->required();
    app.add_option("--samples", sample_count, "entity pairs (or centres) per query")->capture_default_str();
    app.add_option("--runs", runs, "runs per sample (the median counts)")->capture_default_str();
    app.add_option("--seed", seed, "seed of the sample choice")->capture_default_str();
    app.add_option("--write", writes, "also time writing the graph to this file (format from the extension)");
    app.add_option("--json", json_out, "also write the figures as JSON to this file");
    app.add_option("--schemas", schemas, "the schemas/ directory (JSON-LD context)")->capture_default_str();
    app.add_flag("--no-queries", skip_queries, "only load (and --write)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    if (runs == 0 || sample_count == 0) {
        std::cerr << "query_bench: --runs and --samples must be at least 1\n";
        return 2;
    }

    try {
        const double rss_before = peak_rss_mib();
        const double cpu_before = cpu_seconds();
        const auto start = Clock::now();
        const KnowledgeGraph g = irkg::exporter::read_jsonld(input);
        const double load_s = seconds_since(start);
        const double load_cpu_s = cpu_seconds() - cpu_before;
        const double rss_loaded = peak_rss_mib();
        const auto size = std::filesystem::file_size(input);

        std::cout << fmt::format("### {}\n\n", std::filesystem::path(input).filename().string());
        std::cout << "| file size | entities | relations | mentions | load (wall) | load (CPU, both threads) | "
                     "peak RSS after load |\n";
        std::cout << "|---:|---:|---:|---:|---:|---:|---:|\n";
        std::cout << fmt::format("| {:.1f} MiB | {} | {} | {} | {:.2f} s | {:.2f} s | {:.0f} MiB |\n\n",
                                 static_cast<double>(size) / (1024.0 * 1024.0), g.num_entities(),
                                 g.num_relations(), g.num_mentions(), load_s, load_cpu_s, rss_loaded);

        // The wall time of a write includes AtomicFile's fsync, which on a slow disk can take longer than
        // producing the bytes; the CPU time (both user and system) shows the writer's own cost.
        std::vector<std::pair<std::string, double>> write_times, write_cpu;
        for (const auto& out : writes) {
            const double write_cpu_before = cpu_seconds();
            const auto write_start = Clock::now();
            irkg::exporter::write_graph(g, out, "", irkg::exporter::WriterOptions{schemas});
            write_times.emplace_back(out, seconds_since(write_start));
            write_cpu.emplace_back(out, cpu_seconds() - write_cpu_before);
        }
        if (!write_times.empty()) {
            std::cout << "| write | time (wall, with fsync) | CPU |\n|---|---:|---:|\n";
            for (std::size_t i = 0; i < write_times.size(); ++i)
                std::cout << fmt::format("| {} | {:.2f} s | {:.2f} s |\n",
                                         std::filesystem::path(write_times[i].first).filename().string(),
                                         write_times[i].second, write_cpu[i].second);
            std::cout << '\n';
        }

        std::vector<Timing> timings;
        if (!skip_queries) {
            const Samples samples = pick_samples(g, sample_count, seed);
            if (samples.pairs.empty()) {
                std::cout << "(fewer than two connected entities: no queries timed)\n";
            } else {
                std::cout << fmt::format("Hubs: {}. {} samples (one in four at a hub), {} runs each.\n\n",
                                         [&] {
                                             std::string out;
                                             for (auto h : samples.hubs)
                                                 out += fmt::format("{}{} (degree {})", out.empty() ? "" : ", ",
                                                                    g.entity(h).id,
                                                                    boost::out_degree(h, g.store()) +
                                                                        boost::in_degree(h, g.store()));
                                             return out;
                                         }(),
                                         samples.pairs.size(), runs);
                std::cout << "| query | samples | median | p90 | max | first sample |\n";
                std::cout << "|---|---:|---:|---:|---:|---|\n";
                for (const auto& query : queries()) {
                    timings.push_back(time_query(g, query, samples, runs));
                    const auto& t = timings.back();
                    std::cout << fmt::format("| {} | {} | {:.2f} ms | {:.2f} ms | {:.2f} ms | {} |\n", t.name,
                                             t.samples, t.median_ms, t.p90_ms, t.max_ms, t.example)
                              << std::flush;
                }
                std::cout << '\n';
            }
        }
        std::cout << fmt::format("Peak RSS at the end: {:.0f} MiB (at start: {:.0f} MiB).\n\n", peak_rss_mib(),
                                 rss_before);

        if (!json_out.empty()) {
            std::ofstream out(json_out);
            out << fmt::format(
                "{{\"file\": \"{}\", \"bytes\": {}, \"entities\": {}, \"relations\": {}, \"mentions\": {}, "
                "\"load_s\": {}, \"load_cpu_s\": {}, \"peak_rss_mib\": {}, \"writes\": {{",
                escape_json(input), size, g.num_entities(), g.num_relations(), g.num_mentions(), load_s, load_cpu_s,
                rss_loaded);
            for (std::size_t i = 0; i < write_times.size(); ++i)
                out << fmt::format("{}\"{}\": {}", i ? ", " : "", escape_json(write_times[i].first),
                                   write_times[i].second);
            out << "}, \"write_cpu_s\": {";
            for (std::size_t i = 0; i < write_cpu.size(); ++i)
                out << fmt::format("{}\"{}\": {}", i ? ", " : "", escape_json(write_cpu[i].first), write_cpu[i].second);
            out << "}, \"queries\": {";
            for (std::size_t i = 0; i < timings.size(); ++i)
                out << fmt::format("{}\"{}\": {{\"median_ms\": {}, \"p90_ms\": {}, \"max_ms\": {}}}", i ? ", " : "",
                                   escape_json(timings[i].name), timings[i].median_ms, timings[i].p90_ms,
                                   timings[i].max_ms);
            out << "}}\n";
            if (!out) throw std::runtime_error("cannot write " + json_out);
        }
    } catch (const std::exception& e) {
        std::cerr << "query_bench: error: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
