#include "commands.hpp"

#include <algorithm>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "command_build.hpp"
#include "command_extract.hpp"
#include "command_find.hpp"
#include "command_merge.hpp"
#include "command_neighbors.hpp"
#include "command_path.hpp"
#include "command_render.hpp"
#include "command_stats.hpp"
#include "command_subgraph.hpp"
#include "command_timeline.hpp"
#include "graph/errors.hpp"

namespace irkg::cli {

std::vector<std::unique_ptr<Command>> make_commands() {
    // The list: one line per subcommand.
    std::vector<std::unique_ptr<Command>> list;
    list.push_back(std::make_unique<ExtractCommand>());
    list.push_back(std::make_unique<BuildCommand>());
    list.push_back(std::make_unique<MergeCommand>());
    list.push_back(std::make_unique<PathCommand>());
    list.push_back(std::make_unique<SubgraphCommand>());
    list.push_back(std::make_unique<RenderCommand>());
    list.push_back(std::make_unique<NeighborsCommand>());
    list.push_back(std::make_unique<TimelineCommand>());
    list.push_back(std::make_unique<FindCommand>());
    list.push_back(std::make_unique<StatsCommand>());
    return list;
}

std::string command_names() {
    std::string out;
    for (const auto& command : make_commands()) out += (out.empty() ? "" : ", ") + std::string(command->name());
    return out;
}

std::unique_ptr<Command> make_command(std::string_view name) {
    for (auto& command : make_commands())
        if (command->name() == name) return std::move(command);
    throw usage_error(fmt::format("unknown subcommand \"{}\"; valid subcommands: {}", name, command_names()));
}

void configure(Command& command, const std::vector<std::string>& args) {
    CLI::App app{std::string(command.summary()), std::string(command.name())};
    command.add_options(app);
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
    try {
        app.parse(reversed);
    } catch (const CLI::ParseError& e) {
        throw usage_error(e.what());
    }
    command.setup();
}

}  // namespace irkg::cli
