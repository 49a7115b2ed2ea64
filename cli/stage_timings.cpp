#include "stage_timings.hpp"

#include <cstdlib>

#include <fmt/format.h>

namespace irkg::cli {

StageTimings::StageTimings(std::string command)
    : command_(std::move(command)), started_(std::chrono::steady_clock::now()) {
    const char* value = std::getenv("IRKG_TIMINGS");
    enabled_ = value != nullptr && *value != '\0' && std::string_view(value) != "0";
}

void StageTimings::add(std::string_view stage, double seconds) {
    for (auto& [name, total] : stages_)
        if (name == stage) {
            total += seconds;
            return;
        }
    stages_.emplace_back(stage, seconds);
}

void StageTimings::add_run(const ingest::RunStats& stats, std::string_view sink_stage) {
    add("read", stats.read_seconds);
    add("extract", stats.extract_seconds);
    add(sink_stage, stats.sink_seconds);
}

void StageTimings::print(std::ostream& err) const {
    if (!enabled_) return;
    for (const auto& [name, seconds] : stages_) err << fmt::format("irkg {}: stage {} {:.3f} s\n", command_, name, seconds);
    err << fmt::format("irkg {}: stage total {:.3f} s\n", command_,
                       std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count());
}

}  // namespace irkg::cli
