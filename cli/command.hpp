#pragma once
// What every subcommand implements (osmium-tool's Command): options declared on a CLI11 subcommand,
// setup() to check them without touching any file, run() to do the work.
#include <iosfwd>
#include <string_view>

namespace CLI {
class App;
}

namespace irkg::cli {

class Command {
public:
    virtual ~Command() = default;

    /// The subcommand's name as typed: "extract".
    virtual std::string_view name() const = 0;
    /// One line for `irkg --help`.
    virtual std::string_view summary() const = 0;

    /// Declares the options and positionals on `app` (this command's CLI11 subcommand); parsing
    /// stores their values in the command.
    virtual void add_options(CLI::App& app) = 0;

    /// Checks the parsed values together (dates, formats, combinations). Reads no file.
    /// Throws irkg::usage_error saying what is wrong and what would fix it.
    virtual void setup() = 0;

    /// Does the work: results to `out`, problems and the summary to `err`. Throws irkg::input_error,
    /// lexicon_error or query_error for bad data (exit 1) and usage_error for bad usage (exit 2).
    virtual void run(std::ostream& out, std::ostream& err) = 0;
};

}  // namespace irkg::cli
