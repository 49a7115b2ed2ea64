#pragma once
// Progress of a long run on stderr: articles done, MB/s, errors so far and an ETA when the input
// size is known. Drawn only when stderr is a terminal (and not --quiet), redrawn in place at most
// four times a second, and erased at the end, so logs and scripts never see control characters.
#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "ingest/pipeline.hpp"

namespace irkg::cli {

class Progress {
public:
    /// `inputs` as given on the command line: the sizes of regular files make the total (stdin and
    /// pipes leave it unknown, and then no ETA is shown).
    Progress(std::ostream& err, bool quiet, const std::vector<std::string>& inputs);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    bool enabled() const { return enabled_; }
    /// The callback for Pipeline::run.
    void update(const ingest::RunStats& stats, std::uint64_t bytes);
    /// Erases the progress line (before the summary line is printed).
    void finish();

    /// The line update() draws, without control characters (for tests).
    static std::string line(const ingest::RunStats& stats, std::uint64_t bytes, std::uint64_t total_bytes,
                            double seconds);

private:
    std::ostream& err_;
    bool enabled_ = false;
    bool drawn_ = false;
    std::uint64_t total_bytes_ = 0;
    std::chrono::steady_clock::time_point started_;
    std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace irkg::cli
