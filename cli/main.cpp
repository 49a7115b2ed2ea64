// irkg: one binary, one subcommand per stage. The only place that catches exceptions and turns them
// into exit codes: 0 done, 1 bad data, 2 bad usage.
#include <csignal>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "export/temporary_files.hpp"
#include "graph/errors.hpp"

namespace {

int fail(int code, std::string_view message) {
    std::cerr << "irkg: error: " << message << '\n';
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace irkg;
    // SIGINT/SIGTERM/SIGHUP: remove unfinished outputs, keep existing files, exit 130/143/129.
    exporter::install_interrupt_cleanup("irkg");
    // A file-size limit (ulimit -f) would kill irkg with SIGXFSZ mid-write, leaving a temporary file;
    // ignored, the write fails with EFBIG and the output's error names the file (as for a full disk).
    std::signal(SIGXFSZ, SIG_IGN);
    auto commands = cli::make_commands();

    CLI::App app{
        "irkg builds a knowledge graph of international relations from news articles: who met, visited,\n"
        "criticised, sanctioned or attacked whom, when, and the sentence that says so.",
        "irkg"};
    app.set_version_flag("--version", "irkg " IRKG_VERSION);
    app.require_subcommand(1, 1);
    app.footer(
        "Run irkg <subcommand> --help for its options.\n"
        "Environment: IRKG_SCHEMAS is the schemas/ directory when --schemas is not given.\n\n" +
        std::string(cli::k_exit_codes));
    std::vector<CLI::App*> subcommands;
    for (auto& command : commands) {
        CLI::App* sub = app.add_subcommand(std::string(command->name()), std::string(command->summary()));
        command->add_options(*sub);
        subcommands.push_back(sub);
    }

    // CLI11 would call an unknown subcommand an unexpected argument; say what it is and what is valid.
    if (argc > 1 && argv[1][0] != '-') {
        bool known = false;
        for (const auto& command : commands) known = known || command->name() == argv[1];
        if (!known)
            return fail(2, std::string("unknown subcommand \"") + argv[1] +
                               "\"; valid subcommands: " + cli::command_names() + " (see irkg --help)");
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {  // --help, --version
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        return fail(
            2, std::string(e.what()) + " (see irkg " +
                   (app.get_subcommands().empty() ? std::string() : app.get_subcommands().front()->get_name() + " ") +
                   "--help)");
    }

    cli::Command* selected = nullptr;
    for (std::size_t i = 0; i < commands.size(); ++i)
        if (subcommands[i]->parsed()) selected = commands[i].get();
    if (!selected) return fail(2, "no subcommand given; valid subcommands: " + cli::command_names());

    try {
        selected->setup();
        selected->run(std::cout, std::cerr);
        std::cout.flush();
        if (!std::cout) return fail(1, "cannot write to standard output");
        return 0;
    } catch (const usage_error& e) {
        return fail(2, e.what());
    } catch (const input_error& e) {
        return fail(1, e.what());
    } catch (const lexicon_error& e) {
        return fail(1, e.what());
    } catch (const query_error& e) {
        return fail(1, e.what());
    } catch (const std::exception& e) {
        return fail(1, e.what());
    }
}
