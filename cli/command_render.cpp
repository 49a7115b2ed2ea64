#include "command_render.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <ostream>
#include <span>
#include <system_error>

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "export/atomic_file.hpp"
#include "export/temporary_files.hpp"
#include "export/dot_writer.hpp"
#include "graph/entity_index.hpp"
#include "graph/errors.hpp"

extern char** environ;

namespace irkg::cli {

namespace {

constexpr std::size_t k_max_captured = 64 * 1024;

bool ends_with_lower(std::string_view text, std::string_view suffix) {
    return text.size() > suffix.size() && graph::fold_case(text.substr(text.size() - suffix.size())) == suffix;
}

std::string joined(std::span<const std::string_view> names) {
    std::string out;
    for (auto name : names) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

bool is_one_of(std::string_view value, std::span<const std::string_view> names) {
    return std::find(names.begin(), names.end(), value) != names.end();
}

/// A file in the temporary directory, removed with the object.
class TemporaryFile {
public:
    /// Creates "<tmp>/irkg-render-XXXXXX<suffix>" (mode 0600). Throws irkg::input_error.
    explicit TemporaryFile(std::string_view suffix) {
        std::error_code ec;
        const std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
        if (ec)
            throw input_error(fmt::format("no temporary directory for the DOT file: {} (check TMPDIR)", ec.message()));
        std::string name = (dir / "irkg-render-XXXXXX").string();
        name += suffix;
        const int fd = ::mkstemps(name.data(), static_cast<int>(suffix.size()));
        if (fd < 0)
            throw input_error(fmt::format("cannot create a temporary file in {}: {} (check TMPDIR)", dir.string(),
                                          std::strerror(errno)));
        ::close(fd);
        path_ = name;
        slot_ = exporter::register_temporary(path_.c_str());  // removed on SIGINT/SIGTERM too
    }
    ~TemporaryFile() {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
        exporter::unregister_temporary(slot_);
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
    int slot_ = -1;
};

/// The exit-code paragraph, with what render adds to codes 1 and 2.
std::string exit_codes() {
    return std::string(k_exit_codes) +
           fmt::format(
               "\n  render also exits 1 when Graphviz is not installed or fails to draw (its message is shown),\n"
               "  and 2 for a graph of more than {} entities without --force.",
               k_render_max_entities);
}

/// A program's messages, each non-blank line on a line of its own after `prefix`; "" for none.
std::string indented(std::string_view messages, std::string_view prefix) {
    std::string out;
    std::size_t begin = 0;
    while (begin < messages.size()) {
        const std::size_t end = std::min(messages.find('\n', begin), messages.size());
        std::string_view line = messages.substr(begin, end - begin);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        if (!line.empty()) out += fmt::format("\n{}{}", prefix, line);
        begin = end + 1;
    }
    return out;
}

}  // namespace

std::string_view default_engine(std::size_t entities) {
    return entities > k_render_neato_max_entities ? "sfdp" : "neato";
}

std::optional<std::filesystem::path> find_program(std::string_view program, std::string_view search_path) {
    std::size_t begin = 0;
    while (begin <= search_path.size()) {
        const std::size_t end = std::min(search_path.find(':', begin), search_path.size());
        const std::string_view dir = search_path.substr(begin, end - begin);
        const std::filesystem::path candidate = std::filesystem::path(dir.empty() ? "." : dir) / program;
        struct stat info {};
        if (::stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) && ::access(candidate.c_str(), X_OK) == 0)
            return candidate;
        begin = end + 1;
    }
    return std::nullopt;
}

bool ProgramResult::succeeded() const { return WIFEXITED(status) && WEXITSTATUS(status) == 0; }

std::string ProgramResult::describe() const {
    if (WIFEXITED(status)) return fmt::format("exit status {}", WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return fmt::format("killed by signal {} ({})", WTERMSIG(status), ::strsignal(WTERMSIG(status)));
    return fmt::format("wait status {}", status);
}

ProgramResult run_program(const std::filesystem::path& program, const std::vector<std::string>& args) {
    const auto fail = [&](std::string_view what, int error) {
        throw input_error(fmt::format("cannot run {}: {}: {}", program.string(), what, std::strerror(error)));
    };
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) fail("pipe", errno);

    posix_spawn_file_actions_t actions;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    ::posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    ::posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);  // dup2 clears FD_CLOEXEC

    const std::string file_name = program.filename().string();
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(file_name.c_str()));
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);

    pid_t pid = 0;
    const int spawned = ::posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
    ::posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_fds[1]);
    if (spawned != 0) {
        ::close(pipe_fds[0]);
        fail("cannot start it", spawned);
    }

    // Read to the end even past the cap, so the program never blocks on a full pipe.
    ProgramResult result;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            break;
        }
        const std::size_t room = k_max_captured - std::min(result.errors.size(), k_max_captured);
        result.errors.append(buffer, std::min(static_cast<std::size_t>(n), room));
    }
    ::close(pipe_fds[0]);
    while (::waitpid(pid, &result.status, 0) < 0)
        if (errno != EINTR) fail("waitpid", errno);
    return result;
}

void RenderCommand::add_options(CLI::App& app) {
    const std::string about = fmt::format(
        "Draw a graph with Graphviz. It is written as DOT, as irkg build -o graph.dot writes it (nodes\n"
        "coloured by entity type and sized by mentions, edges labelled with their relation and coloured\n"
        "from conflict, red, to cooperation, green), and laid out by the engine, run without a shell.\n"
        "GRAPH is a .jsonld written by irkg build, or article input (.txt, .jsonl, - for stdin) that is\n"
        "then extracted and merged in memory. The picture format is --format, else the extension of\n"
        "PICTURE ({}). The picture goes to a temporary file beside PICTURE, renamed over\n"
        "it only when Graphviz succeeded: a failed render leaves an existing PICTURE untouched.\n"
        "Engine: --engine, else neato for up to {} entities and sfdp (faster on large graphs) above.\n"
        "The filters (--around, --since, --category, ...) cut the graph before it is drawn. A graph of\n"
        "more than {} entities after them is refused unless --force: draw a part (--around ACTOR\n"
        "--depth 1, or irkg subgraph first), or open the whole graph in Gephi (irkg build -o graph.gexf).\n"
        "Needs Graphviz (Debian/Ubuntu package graphviz); without it, irkg build -o graph.dot writes\n"
        "the DOT file to draw elsewhere.\n\n"
        "Examples:\n"
        "  irkg build --date 2024-04-20 article.txt -o graph.jsonld\n"
        "  irkg render graph.jsonld -o graph.svg\n"
        "  irkg render graph.jsonld -o blinken.png --around Blinken --depth 2 --engine sfdp",
        joined(k_render_formats), k_render_neato_max_entities, k_render_max_entities);
    app.add_option("GRAPH", graph_, "A .jsonld graph written by irkg, or article input (.txt, .jsonl, -)")->required();
    app.add_option("-o,--output", output_, "The picture to write (.svg, .png, .pdf)")->type_name("PICTURE")->required();
    app.add_option("-f,--format", format_, "Picture format, when PICTURE's extension does not say")
        ->type_name("svg|png|pdf");
    app.add_option("-e,--engine", engine_,
                   fmt::format("Graphviz layout engine (default: neato up to {} entities, sfdp above)",
                               k_render_neato_max_entities))
        ->type_name("sfdp|neato|dot|fdp|circo|twopi");
    app.add_flag("--force", force_, fmt::format("Draw a graph of more than {} entities anyway", k_render_max_entities));
    common_.add_to(app);
    filters_.add_to(app);
    app.footer(about + "\n\n" + exit_codes());
}

void RenderCommand::setup() {
    common_.validate();
    if (!engine_.empty() && !is_one_of(engine_, k_render_engines))
        throw usage_error(
            fmt::format("unknown layout engine \"{}\"; valid engines: {}", engine_, joined(k_render_engines)));

    if (output_ == "-")
        throw usage_error("render writes a picture file, not standard output: name it with -o (e.g. -o graph.svg)");
    if (!format_.empty()) {
        if (!is_one_of(format_, k_render_formats))
            throw usage_error(
                fmt::format("unknown picture format \"{}\"; valid formats: {}", format_, joined(k_render_formats)));
        picture_format_ = format_;
    } else {
        picture_format_.clear();
        for (auto format : k_render_formats)
            if (ends_with_lower(output_, "." + std::string(format))) picture_format_ = format;
        if (picture_format_.empty())
            throw usage_error(fmt::format(
                "cannot tell the picture format of \"{}\" from its name; end it in .svg, .png or .pdf, or add "
                "--format ({}){}",
                output_, joined(k_render_formats),
                ends_with_lower(output_, ".dot") || ends_with_lower(output_, ".gv")
                    ? " (irkg build -o graph.dot writes the DOT file itself)"
                    : ""));
    }

    source_ = graph_source(graph_);
    filters_.validate();
}

void RenderCommand::run(std::ostream& /*out*/, std::ostream& err) {
    const auto started = std::chrono::steady_clock::now();
    graph::KnowledgeGraph graph = load_graph(graph_, common_, err);
    const std::string filtered = filters_.apply(graph, common_.min_confidence, known_relations(common_.schemas));
    const std::size_t entities = graph.num_entities();
    if (entities > k_render_max_entities && !force_)
        throw usage_error(fmt::format(
            "{} has {} entities{}, more than render draws without --force ({}): the layout would take long and "
            "the picture would be unreadable. Draw a part with the filters (--around ACTOR --depth 1, --since, "
            "--category, --min-mentions; see irkg render --help) or cut the graph first (irkg subgraph GRAPH "
            "--around ACTOR -o part.jsonld), open the whole graph in Gephi (irkg build -o graph.gexf), or add "
            "--force",
            graph_, entities, filtered.empty() ? "" : " after the filters (" + filtered + ")", k_render_max_entities));

    const std::string engine = engine_.empty() ? std::string(default_engine(entities)) : engine_;
    const char* search_path = std::getenv("PATH");
    const auto program = find_program(engine, search_path ? search_path : "/usr/bin:/bin");
    if (!program)
        throw input_error(fmt::format(
            "Graphviz is not installed: no \"{}\" program on PATH. Install it (Debian/Ubuntu: sudo apt-get "
            "install graphviz), or write the graph as DOT without it and draw it elsewhere: irkg build ... -o "
            "graph.dot",
            engine));

    const TemporaryFile dot(".dot");
    {
        std::ofstream file(dot.path(), std::ios::binary | std::ios::trunc);
        exporter::DotWriter().write(graph, file);
        file.close();
        if (!file) throw input_error(fmt::format("cannot write the DOT file {}", dot.path().string()));
    }

    exporter::AtomicFile picture(output_);
    const ProgramResult result =
        run_program(*program, {"-T" + picture_format_, "-o", picture.temporary().string(), dot.path().string()});
    const std::string messages = indented(result.errors, "  ");
    if (!result.succeeded())
        throw input_error(
            fmt::format("{} not written (an existing file is left as it was): Graphviz's {} failed ({}){}{}", output_,
                        engine, result.describe(), messages.empty() ? "" : ":", messages));
    std::error_code ec;
    if (std::filesystem::file_size(picture.temporary(), ec) == 0 || ec)
        throw input_error(
            fmt::format("{} not written (an existing file is left as it was): Graphviz's {} wrote nothing{}{}", output_,
                        engine, messages.empty() ? "" : ":", messages));
    picture.commit();

    if (!common_.quiet) {
        if (!messages.empty()) err << "irkg render: Graphviz's " << engine << " says:" << messages << '\n';
        err << fmt::format("irkg render: {} entit{}, {} relation{}{} -> {} ({}, {}, {:.2f} s)\n", entities,
                           entities == 1 ? "y" : "ies", graph.num_relations(), plural(graph.num_relations()),
                           filtered.empty() ? "" : " kept by the filters (" + filtered + ")", output_, engine,
                           picture_format_, seconds_since(started));
    }
}

}  // namespace irkg::cli
