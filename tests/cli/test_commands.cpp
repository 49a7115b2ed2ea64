// Command setup: argument parsing and validation, no file read or written.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "cli/command_build.hpp"
#include "cli/command_extract.hpp"
#include "cli/command_path.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "graph/errors.hpp"

using irkg::cli::BuildCommand;
using irkg::cli::configure;
using irkg::cli::ExtractCommand;
using irkg::cli::PathCommand;
using Args = std::vector<std::string>;

namespace {

/// The usage_error message configure() throws for `args`, or a failed check.
template <class C>
std::string usage_error_of(const Args& args) {
    C command;
    try {
        configure(command, args);
    } catch (const irkg::usage_error& e) {
        return e.what();
    }
    FAIL("no usage_error for these arguments");
    return {};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the command list: names, and an unknown name lists the valid ones") {
    CHECK(irkg::cli::command_names() == "extract, build, merge, path, subgraph, render, neighbors, timeline, find, stats");
    CHECK(irkg::cli::make_command("build")->name() == "build");
    try {
        irkg::cli::make_command("frobnicate");
        FAIL("no usage_error");
    } catch (const irkg::usage_error& e) {
        CHECK(contains(e.what(), "\"frobnicate\""));
        CHECK(contains(e.what(), "extract, build, merge, path"));
    }
}

TEST_CASE("extract: stdin by default, -o, repeatable --lexicon that does not swallow inputs") {
    ExtractCommand command;
    configure(command, {});
    CHECK(command.inputs() == Args{"-"});
    CHECK(command.output().empty());

    ExtractCommand full;
    configure(full, {"--lexicon", "extra.json", "a.txt", "--lexicon", "more.json", "b.jsonl", "-o", "out.jsonl",
                     "--strict", "--quiet"});
    CHECK(full.inputs() == Args{"a.txt", "b.jsonl"});
    CHECK(full.output() == "out.jsonl");
    CHECK(full.common().lexicons == Args{"extra.json", "more.json"});
    CHECK(full.common().strict);
    CHECK(full.common().quiet);
}

TEST_CASE("--date must be a calendar day, and is normalised") {
    ExtractCommand command;
    configure(command, {"--date", "2024-04-20", "a.txt"});
    CHECK(command.common().date == "2024-04-20");
    CHECK(command.common().read_options().default_date == "2024-04-20");

    for (const char* bad : {"2024-02-30", "2024-13-01", "yesterday", "20-04-2024"}) {
        CAPTURE(bad);
        const std::string message = usage_error_of<ExtractCommand>({"--date", bad, "a.txt"});
        CHECK(contains(message, "--date"));
        CHECK(contains(message, bad));
        CHECK(contains(message, "YYYY-MM-DD"));
    }
    CHECK(contains(usage_error_of<BuildCommand>({"--date", "2023-02-29", "a.txt", "-o", "g.graphml"}), "--date"));
    CHECK(contains(usage_error_of<PathCommand>({"a.txt", "x", "y", "--date", "April"}), "--date"));
}

TEST_CASE("--schemas: the option, else IRKG_SCHEMAS, else the compiled-in default") {
    ::unsetenv("IRKG_SCHEMAS");
    ExtractCommand by_default;
    configure(by_default, {});
    CHECK(by_default.common().schemas == irkg::cli::default_schema_dir());
    CHECK(by_default.common().pipeline_options().schema_dir == irkg::cli::default_schema_dir());

    ::setenv("IRKG_SCHEMAS", "/from/env", 1);
    ExtractCommand from_env;
    configure(from_env, {});
    CHECK(from_env.common().schemas == "/from/env");
    ExtractCommand from_option;
    configure(from_option, {"--schemas", "/from/option"});
    CHECK(from_option.common().schemas == "/from/option");
    ::unsetenv("IRKG_SCHEMAS");
}

TEST_CASE("build: -o is required, each output's format comes from --format or its extension") {
    CHECK(contains(usage_error_of<BuildCommand>({"a.txt"}), "--output"));

    BuildCommand two;
    configure(two, {"a.txt", "-o", "out/g.graphml", "b.jsonl", "-o", "out/g.JSONLD"});
    CHECK(two.inputs() == Args{"a.txt", "b.jsonl"});
    CHECK(two.outputs() == Args{"out/g.graphml", "out/g.JSONLD"});
    CHECK(two.output_formats() == Args{"graphml", "jsonld"});

    BuildCommand forced;
    configure(forced, {"-o", "-", "--format", "jsonld"});
    CHECK(forced.inputs() == Args{"-"});
    CHECK(forced.output_formats() == Args{"jsonld"});
}

TEST_CASE("build: an unknown format or extension lists the valid ones") {
    const std::string unknown = usage_error_of<BuildCommand>({"a.txt", "-o", "g.graphml", "--format", "gexf-ish"});
    CHECK(contains(unknown, "gexf-ish"));
    CHECK(contains(unknown, "graphml"));
    CHECK(contains(unknown, "jsonld"));

    const std::string extension = usage_error_of<BuildCommand>({"a.txt", "-o", "graph.xyz"});
    CHECK(contains(extension, "graph.xyz"));
    CHECK(contains(extension, ".graphml"));

    CHECK(contains(usage_error_of<BuildCommand>({"a.txt", "-o", "-"}), "--format"));
}

TEST_CASE("build: filters take comma lists without swallowing inputs; --edges needs a GraphML output") {
    BuildCommand filtered;
    configure(filtered, {"a.txt", "--category", "consult,request", "b.txt", "--type", "country", "--since", "2024",
                         "-o", "g.graphml", "--edges", "mentions", "-o", "g.jsonld"});
    CHECK(filtered.inputs() == Args{"a.txt", "b.txt"});
    CHECK(filtered.output_formats() == Args{"graphml", "jsonld"});

    CHECK(contains(usage_error_of<BuildCommand>({"a.txt", "-o", "g.jsonld", "--edges", "mentions"}), "GraphML"));
    CHECK(contains(usage_error_of<BuildCommand>({"a.txt", "-o", "g.graphml", "--edges", "some"}), "aggregated, mentions"));
    CHECK(contains(usage_error_of<BuildCommand>({"a.txt", "-o", "g.graphml", "--until", "2024-02-30"}), "2024-02-30"));
    CHECK(contains(usage_error_of<BuildCommand>({"a.txt", "-o", "g.graphml", "--modality", "maybe"}), "planned"));
    CHECK(contains(usage_error_of<BuildCommand>({"a.txt", "-o", "g.graphml", "--type", "state"}), "country"));
    CHECK(contains(usage_error_of<BuildCommand>({"a.txt", "-o", "g.graphml", "--around", "X", "--depth", "0"}),
                   "--depth 0"));
}

TEST_CASE("path: GRAPH FROM TO are required; GRAPH's kind and the output format are checked") {
    CHECK(contains(usage_error_of<PathCommand>({"g.jsonld", "Blinken"}), "TO"));

    PathCommand jsonld;
    configure(jsonld, {"out/G.JsonLD", "Blinken", "Wang Yi"});
    CHECK(jsonld.source() == PathCommand::Source::jsonld);
    CHECK(jsonld.output_format() == PathCommand::OutputFormat::text);

    PathCommand articles;
    configure(articles, {"article.txt", "blinken", "PRC", "--format", "json", "--date", "2024-04-20"});
    CHECK(articles.source() == PathCommand::Source::articles);
    CHECK(articles.output_format() == PathCommand::OutputFormat::json);

    PathCommand stdin_input;
    configure(stdin_input, {"-", "a", "b", "--directed"});
    CHECK(stdin_input.source() == PathCommand::Source::articles);

    const std::string graphml = usage_error_of<PathCommand>({"out/graph.graphml", "a", "b"});
    CHECK(contains(graphml, "out/graph.graphml"));
    CHECK(contains(graphml, ".jsonld"));

    const std::string format = usage_error_of<PathCommand>({"g.jsonld", "a", "b", "--format", "yaml"});
    CHECK(contains(format, "\"yaml\""));
    CHECK(contains(format, "text, json"));
}

TEST_CASE("unknown options are usage errors") {
    CHECK(contains(usage_error_of<ExtractCommand>({"--frobnicate"}), "frobnicate"));
    CHECK(contains(usage_error_of<PathCommand>({"g.jsonld", "a", "b", "c"}), "c"));
}
