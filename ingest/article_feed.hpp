#pragma once
// Reads articles ahead, on a thread of its own, in batches: the reading half of a multi-threaded
// Pipeline::run. Started before the lexicons load, it overlaps reading with the start-up.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "document_reader.hpp"

namespace irkg::ingest {

/// Consecutive articles of the input, with the bad records read among them.
struct ArticleBatch {
    std::uint64_t sequence = 0;  ///< 0, 1, 2... in input order
    std::vector<Article> articles;
    /// Each bad record with the number of this batch's articles that come before it.
    std::vector<std::pair<std::size_t, ReadProblem>> problems;
    /// A read error (an unreadable file, a bad record with --strict) after everything above: the
    /// input ends here, and the error is the run's.
    std::exception_ptr error;
    std::uint64_t bytes = 0;  ///< article text
};

class ArticleFeed {
public:
    /// Starts reading `inputs` at once (read_articles, file after file). At most `max_batches` batches
    /// are read and not yet taken, so memory stays bounded however long the input.
    ArticleFeed(std::vector<std::string> inputs, ReadOptions options, std::size_t max_batches);
    /// Stops the reader after the record it is reading and waits for it.
    ~ArticleFeed();
    ArticleFeed(const ArticleFeed&) = delete;
    ArticleFeed& operator=(const ArticleFeed&) = delete;

    /// The next batch in input order, waiting for it; nullopt once the input is exhausted (or after
    /// the batch carrying a read error, or after stop()). Safe to call from several threads.
    std::optional<ArticleBatch> take();
    /// Stops the reader at its next record: take() then returns what was read, then nullopt.
    void stop();
    /// Seconds the reader was busy (its time less its waits for room); final once take() returned nullopt.
    double busy_seconds() const;

    /// True when every input is a regular file: reading them ahead cannot block forever, so the feed
    /// may start before work that can fail (its destructor then waits for no pipe or terminal).
    static bool reads_only_files(const std::vector<std::string>& inputs);

    /// Articles per batch at most, and text per batch (a batch closes at the article that reaches it).
    static constexpr std::size_t k_batch_articles = 256;
    static constexpr std::size_t k_batch_bytes = 256 * 1024;

private:
    void read();

    const std::vector<std::string> inputs_;
    const ReadOptions options_;
    const std::size_t max_batches_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<ArticleBatch> ready_;
    std::uint64_t sequence_ = 0;
    bool finished_ = false;
    std::atomic<bool> stop_{false};
    std::exception_ptr lost_error_;  ///< a read error that could not be queued (out of memory)
    double busy_seconds_ = 0.0;
    std::thread reader_;
};

}  // namespace irkg::ingest
