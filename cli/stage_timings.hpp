#pragma once
// Time per stage on stderr, for benchmarks and for finding where a slow run spends its time.
#include <chrono>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/pipeline.hpp"

namespace irkg::cli {

/// Collects stage times and prints one line per stage when IRKG_TIMINGS is set (to anything but 0):
/// `irkg build: stage extract 1.234 s`. Stages run by several threads (-j N) report busy time summed
/// over the threads, so they can add up to more than the wall time, printed last as `total`.
class StageTimings {
public:
    explicit StageTimings(std::string command);

    /// True when IRKG_TIMINGS asks for the lines.
    bool enabled() const { return enabled_; }
    void add(std::string_view stage, double seconds);
    /// Adds the pipeline's stages: read, extract and the sink under `sink_stage` (write or merge).
    void add_run(const ingest::RunStats& stats, std::string_view sink_stage);
    /// Times `f` as `stage`.
    template <class F>
    void time(std::string_view stage, F&& f) {
        const auto started = std::chrono::steady_clock::now();
        std::forward<F>(f)();
        add(stage, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    }
    /// Prints the lines (nothing when disabled), then `total` since construction.
    void print(std::ostream& err) const;

private:
    std::string command_;
    bool enabled_;
    std::chrono::steady_clock::time_point started_;
    std::vector<std::pair<std::string, double>> stages_;
};

}  // namespace irkg::cli
