#pragma once
// The one list of subcommands, and what main and the tests share to set one up.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "command.hpp"

namespace irkg::cli {

/// The exit-code paragraph every --help ends with.
inline constexpr std::string_view k_exit_codes =
    "Exit codes:\n"
    "  0  done\n"
    "  1  bad data: an input or lexicon that cannot be read, a malformed record, an unknown or\n"
    "     ambiguous actor, no path\n"
    "  2  bad usage: an unknown subcommand or option, a bad option value";

/// Every subcommand, in the order `irkg --help` lists them.
std::vector<std::unique_ptr<Command>> make_commands();

/// "extract, build, path": for messages.
std::string command_names();

/// The subcommand called `name`. Throws irkg::usage_error listing the valid names.
std::unique_ptr<Command> make_command(std::string_view name);

/// Parses `args` (what follows the subcommand's name on the command line) into `command` and calls
/// its setup(): what main does before run(), without I/O. Throws irkg::usage_error for anything
/// CLI11 or setup() rejects (a request for --help included).
void configure(Command& command, const std::vector<std::string>& args);

}  // namespace irkg::cli
