#include "article_feed.hpp"

#include <algorithm>
#include <filesystem>

#include "stopwatch.hpp"

namespace irkg::ingest {

namespace {

struct Stopped {};

}  // namespace

ArticleFeed::ArticleFeed(std::vector<std::string> inputs, ReadOptions options, std::size_t max_batches)
    : inputs_(std::move(inputs)),
      options_(std::move(options)),
      max_batches_(std::max<std::size_t>(1, max_batches)),
      reader_([this] { read(); }) {}

ArticleFeed::~ArticleFeed() {
    stop();
    reader_.join();
}

void ArticleFeed::stop() {
    std::lock_guard lock(mutex_);
    stop_ = true;
    changed_.notify_all();
}

bool ArticleFeed::reads_only_files(const std::vector<std::string>& inputs) {
    return std::all_of(inputs.begin(), inputs.end(), [](const std::string& input) {
        std::error_code ec;
        return input != "-" && std::filesystem::is_regular_file(input, ec);
    });
}

std::optional<ArticleBatch> ArticleFeed::take() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !ready_.empty() || finished_ || stop_; });
    if (ready_.empty()) {
        if (lost_error_ && !stop_) std::rethrow_exception(lost_error_);
        return std::nullopt;
    }
    ArticleBatch batch = std::move(ready_.front());
    ready_.pop_front();
    changed_.notify_all();
    return batch;
}

double ArticleFeed::busy_seconds() const {
    std::lock_guard lock(mutex_);
    return busy_seconds_;
}

void ArticleFeed::read() {
    const auto started = Clock::now();
    double waited = 0.0;
    ArticleBatch batch;
    // Queues `batch` once there is room; throws Stopped when the feed was stopped.
    auto push = [&] {
        const auto wait_started = Clock::now();
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || ready_.size() < max_batches_; });
        if (stop_) throw Stopped{};
        batch.sequence = sequence_++;
        ready_.push_back(std::move(batch));
        batch = ArticleBatch{};
        changed_.notify_all();
        waited += seconds_between(wait_started, Clock::now());
    };
    try {
        for (const auto& input : inputs_)
            read_articles(
                input, options_,
                [&](Article&& article) {
                    if (stop_.load(std::memory_order_relaxed)) throw Stopped{};
                    batch.bytes += article.text.size();
                    batch.articles.push_back(std::move(article));
                    if (batch.bytes >= k_batch_bytes || batch.articles.size() >= k_batch_articles) push();
                },
                [&](const ReadProblem& problem) {
                    if (stop_.load(std::memory_order_relaxed)) throw Stopped{};
                    batch.problems.emplace_back(batch.articles.size(), problem);
                    if (batch.problems.size() >= k_batch_articles) push();
                });
        if (!batch.articles.empty() || !batch.problems.empty()) push();
    } catch (const Stopped&) {
    } catch (...) {
        // The articles read before the error still go to the sink, then the error ends the input.
        batch.error = std::current_exception();
        try {
            push();
        } catch (const Stopped&) {
        } catch (...) {
            std::lock_guard lock(mutex_);
            lost_error_ = batch.error;
        }
    }
    std::lock_guard lock(mutex_);
    busy_seconds_ = seconds_between(started, Clock::now()) - waited;
    finished_ = true;
    changed_.notify_all();
}

}  // namespace irkg::ingest
