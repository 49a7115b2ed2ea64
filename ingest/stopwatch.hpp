#pragma once
// The clock the pipeline's stage timings use (RunStats, ArticleFeed::busy_seconds).
#include <chrono>

namespace irkg::ingest {

using Clock = std::chrono::steady_clock;

inline double seconds_between(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double>(to - from).count();
}

}  // namespace irkg::ingest
