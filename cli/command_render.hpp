#pragma once
#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "command.hpp"
#include "common_options.hpp"
#include "filter_options.hpp"
#include "graph/knowledge_graph.hpp"

namespace irkg::cli {

/// `irkg render GRAPH -o PICTURE [--engine NAME] [--format svg|png|pdf] [--force]`: draws a graph
/// with Graphviz. The graph is written as DOT (exporter::DotWriter) to a temporary file, the layout
/// engine runs on it without a shell, and its picture goes to a temporary file beside PICTURE that is
/// renamed over it only when the engine succeeded: a failed render leaves an existing PICTURE as it was.
/// The shared filters (--around, --since, --category, ...) cut the graph before it is drawn.
class RenderCommand : public Command {
public:
    std::string_view name() const override { return "render"; }
    std::string_view summary() const override { return "Draw a graph as SVG, PNG or PDF with Graphviz"; }
    void add_options(CLI::App& app) override;
    void setup() override;
    void run(std::ostream& out, std::ostream& err) override;

    GraphSource source() const { return source_; }
    const std::string& output() const { return output_; }
    /// "svg", "png" or "pdf": --format, or the extension of -o. Set by setup().
    const std::string& picture_format() const { return picture_format_; }
    /// The engine --engine named; empty when run() picks one by size (default_engine).
    const std::string& engine() const { return engine_; }
    bool force() const { return force_; }
    const CommonOptions& common() const { return common_; }

private:
    CommonOptions common_;
    FilterOptions filters_;
    std::string graph_;
    std::string output_;
    std::string format_;
    std::string engine_;
    bool force_ = false;
    GraphSource source_ = GraphSource::jsonld;
    std::string picture_format_;
};

/// The layout engines render accepts, as Graphviz names its programs.
inline constexpr std::string_view k_render_engines[] = {"sfdp", "neato", "dot", "fdp", "circo", "twopi"};
/// The picture formats render writes (Graphviz -T names, and the extensions of -o).
inline constexpr std::string_view k_render_formats[] = {"svg", "png", "pdf"};
/// Graphs with more entities than this are refused without --force: the layout takes minutes and
/// the picture is unreadable.
inline constexpr std::size_t k_render_max_entities = 5000;
/// Graphs with more entities than this are laid out by sfdp, smaller ones by neato.
inline constexpr std::size_t k_render_neato_max_entities = 200;

/// The engine for a graph of `entities` nodes when --engine is not given: neato (stress
/// majorization, the clearest picture of a small graph) up to k_render_neato_max_entities, sfdp
/// (multiscale force-directed, fast on large graphs) above.
std::string_view default_engine(std::size_t entities);

/// The first executable file called `program` in the directories of `search_path` (a PATH value,
/// ':'-separated; an empty entry is the current directory), or nullopt.
std::optional<std::filesystem::path> find_program(std::string_view program, std::string_view search_path);

/// What a finished program left: its wait status and what it wrote on stderr.
struct ProgramResult {
    int status = 0;      ///< as waitpid reports it
    std::string errors;  ///< its stderr (the first 64 KiB)

    /// True when the program exited normally with status 0.
    bool succeeded() const;
    /// "exit status 3" or "killed by signal 9 (Killed)".
    std::string describe() const;
};

/// Runs `program` with `args` (argv[1...]; argv[0] is the program's file name) through posix_spawn,
/// without a shell, stdin and stdout on /dev/null, and waits for it. Throws irkg::input_error when it
/// cannot be started.
ProgramResult run_program(const std::filesystem::path& program, const std::vector<std::string>& args);

}  // namespace irkg::cli
