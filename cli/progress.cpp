#include "progress.hpp"

#include <filesystem>
#include <iostream>
#include <system_error>

#include <fmt/format.h>
#include <unistd.h>

namespace irkg::cli {

Progress::Progress(std::ostream& err, bool quiet, const std::vector<std::string>& inputs)
    : err_(err), started_(std::chrono::steady_clock::now()), last_draw_(started_) {
    enabled_ = !quiet && &err == &std::cerr && ::isatty(STDERR_FILENO) == 1;
    if (!enabled_) return;
    for (const auto& input : inputs) {
        std::error_code ec;
        if (input == "-" || !std::filesystem::is_regular_file(input, ec)) {
            total_bytes_ = 0;  // unknown
            return;
        }
        total_bytes_ += std::filesystem::file_size(input, ec);
    }
}

Progress::~Progress() { finish(); }

std::string Progress::line(const ingest::RunStats& stats, std::uint64_t bytes, std::uint64_t total_bytes,
                           double seconds) {
    const double mb = static_cast<double>(bytes) / 1e6;
    const double rate = seconds > 0 ? mb / seconds : 0.0;
    std::string out = fmt::format("irkg: {} article{}, {:.1f} MB", stats.articles, stats.articles == 1 ? "" : "s", mb);
    if (total_bytes > 0) {
        // Article text is a little less than the file bytes (JSON syntax, escapes): cap at 99%.
        const double share = std::min(0.99, static_cast<double>(bytes) / static_cast<double>(total_bytes));
        out += fmt::format(" ({:.0f}%)", share * 100);
        if (rate > 0 && share > 0.01) out += fmt::format(", ETA {:.0f} s", seconds / share - seconds);
    }
    out += fmt::format(", {:.1f} MB/s, {} triple{}, {} error{}", rate, stats.triples, stats.triples == 1 ? "" : "s",
                       stats.bad_records, stats.bad_records == 1 ? "" : "s");
    return out;
}

void Progress::update(const ingest::RunStats& stats, std::uint64_t bytes) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ < std::chrono::milliseconds(250)) return;
    last_draw_ = now;
    const double seconds = std::chrono::duration<double>(now - started_).count();
    err_ << '\r' << line(stats, bytes, total_bytes_, seconds) << "\x1b[K" << std::flush;
    drawn_ = true;
}

void Progress::finish() {
    if (!drawn_) return;
    err_ << "\r\x1b[K" << std::flush;
    drawn_ = false;
}

}  // namespace irkg::cli
