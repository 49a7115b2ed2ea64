#include "pipeline.hpp"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

#include "cameo_dictionary.hpp"
#include "extractor.hpp"
#include "lexicon.hpp"

namespace irkg::ingest {

Pipeline::Pipeline(const PipelineOptions& options)
    : ontology_(std::make_unique<graph::Ontology>(graph::Ontology::load(
          options.schema_dir / "relations.json", options.schema_dir / "relations.schema.json"))),
      lexicon_(std::make_unique<Lexicon>(Lexicon::load({options.schema_dir, options.lexicons}, *ontology_))),
      min_confidence_(options.min_confidence) {
    if (!options.cameo_actors.empty() || !options.cameo_agents.empty() || !options.cameo_verbs.empty()) {
        const CameoCodes codes = CameoCodes::load(options.schema_dir / "cameo-plover.json",
                                                  options.schema_dir / "cameo-plover.schema.json", *ontology_);
        auto note = [this](const char* kind, const std::filesystem::path& file, const DictionaryReport& report) {
            std::string line = fmt::format("{}: {} {} entries, {} names added, {} items skipped", file.string(), kind,
                                           report.entries, report.names, report.skipped);
            if (report.problem_count > 0)
                line += fmt::format(" ({} malformed lines; first: {})", report.problem_count, report.problems.front());
            dictionary_notes_.push_back(std::move(line));
        };
        // Agents first: actor entries may use their role words.
        for (const auto& f : options.cameo_agents) note("agents:", f, load_cameo_agents(*lexicon_, codes, f));
        for (const auto& f : options.cameo_actors) note("actors:", f, load_cameo_actors(*lexicon_, codes, f));
        for (const auto& f : options.cameo_verbs) note("verbs:", f, load_cameo_verbs(*lexicon_, codes, f));
    }
    extractor_ = std::make_unique<Extractor>(*lexicon_, *ontology_, options.max_sentence_tokens);
}

Pipeline::~Pipeline() = default;

const graph::Ontology& Pipeline::ontology() const { return *ontology_; }
const Lexicon& Pipeline::lexicon() const { return *lexicon_; }

std::vector<graph::Triple> Pipeline::extract(const Article& article, std::uint64_t* sentences,
                                             std::uint64_t* long_sentences) const {
    auto triples = extractor_->extract(article, sentences, long_sentences);
    if (min_confidence_ > 0.0)
        std::erase_if(triples, [this](const graph::Triple& t) { return t.confidence < min_confidence_; });
    return triples;
}

namespace {

/// Articles read together and extracted by one worker: enough text per batch that handing batches
/// between threads costs little, few enough that memory stays bounded.
constexpr std::size_t k_batch_bytes = 256 * 1024;
constexpr std::size_t k_batch_articles = 256;

using Clock = std::chrono::steady_clock;

double seconds_between(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double>(to - from).count();
}

struct Batch {
    std::uint64_t sequence = 0;
    std::vector<Article> articles;
    std::vector<std::vector<graph::Triple>> triples;  ///< one entry per article, filled by a worker
    std::uint64_t sentences = 0;
    std::uint64_t long_sentences = 0;
    std::uint64_t bytes = 0;
    double extract_seconds = 0.0;
};

}  // namespace

RunStats Pipeline::run(const std::vector<std::string>& inputs, const ReadOptions& read,
                       const std::function<void(const Article&, std::vector<graph::Triple>&&)>& sink,
                       const std::function<void(const ReadProblem&)>& on_problem, unsigned threads,
                       const std::function<void(const RunStats&, std::uint64_t)>& progress) const {
    RunStats stats;
    std::uint64_t bytes = 0;
    const auto run_started = Clock::now();
    if (threads <= 1) {
        std::uint64_t since_progress = 0;
        for (const auto& input : inputs) {
            read_articles(
                input, read,
                [&](Article&& article) {
                    std::uint64_t sentences = 0, long_sentences = 0;
                    const auto extract_started = Clock::now();
                    auto triples = extract(article, &sentences, &long_sentences);
                    const auto sink_started = Clock::now();
                    stats.extract_seconds += seconds_between(extract_started, sink_started);
                    ++stats.articles;
                    stats.sentences += sentences;
                    stats.long_sentences += long_sentences;
                    stats.triples += triples.size();
                    bytes += article.text.size();
                    sink(article, std::move(triples));
                    stats.sink_seconds += seconds_between(sink_started, Clock::now());
                    if (progress && (since_progress += article.text.size()) >= k_batch_bytes) {
                        since_progress = 0;
                        progress(stats, bytes);
                    }
                },
                [&](const ReadProblem& problem) {
                    ++stats.bad_records;
                    on_problem(problem);
                });
        }
        stats.read_seconds = seconds_between(run_started, Clock::now()) - stats.extract_seconds - stats.sink_seconds;
        return stats;
    }

    // Reader -> `todo` -> workers -> `done` (by sequence) -> this thread, in order.
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Batch> todo;
    std::map<std::uint64_t, Batch> done;
    std::uint64_t next_to_sink = 0;
    std::uint64_t batches_read = 0;
    bool reading_finished = false;
    bool stop = false;  // the consumer failed: everyone stops
    std::exception_ptr read_error;
    std::exception_ptr worker_error;
    std::uint64_t bad_records = 0;
    const std::size_t max_in_flight = 4 * static_cast<std::size_t>(threads);

    double read_seconds = 0.0;  // the reader's time, less its waits for room in the queue
    auto reader = std::thread([&] {
        const auto read_started = Clock::now();
        double waited = 0.0;
        Batch batch;
        auto push = [&] {
            if (batch.articles.empty()) return;
            const auto wait_started = Clock::now();
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return stop || batches_read - next_to_sink < max_in_flight; });
            if (stop) throw std::runtime_error("stopped");
            batch.sequence = batches_read++;
            todo.push_back(std::move(batch));
            batch = Batch{};
            changed.notify_all();
            waited += seconds_between(wait_started, Clock::now());
        };
        try {
            for (const auto& input : inputs) {
                read_articles(
                    input, read,
                    [&](Article&& article) {
                        batch.bytes += article.text.size();
                        batch.articles.push_back(std::move(article));
                        if (batch.bytes >= k_batch_bytes || batch.articles.size() >= k_batch_articles) push();
                    },
                    [&](const ReadProblem& problem) {
                        {
                            std::lock_guard lock(mutex);
                            ++bad_records;
                        }
                        on_problem(problem);
                    });
            }
            push();
        } catch (...) {
            // Articles read before the error still go to the sink, as in a one-thread run.
            try {
                push();
            } catch (...) {
            }
            std::lock_guard lock(mutex);
            if (!stop) read_error = std::current_exception();
        }
        std::lock_guard lock(mutex);
        read_seconds = seconds_between(read_started, Clock::now()) - waited;
        reading_finished = true;
        changed.notify_all();
    });

    std::vector<std::thread> workers;
    for (unsigned i = 0; i < threads; ++i)
        workers.emplace_back([&] {
            for (;;) {
                Batch batch;
                {
                    std::unique_lock lock(mutex);
                    changed.wait(lock, [&] { return stop || !todo.empty() || reading_finished; });
                    if (stop || todo.empty()) return;
                    batch = std::move(todo.front());
                    todo.pop_front();
                }
                try {
                    const auto extract_started = Clock::now();
                    batch.triples.reserve(batch.articles.size());
                    for (const auto& article : batch.articles) {
                        std::uint64_t sentences = 0, long_sentences = 0;
                        batch.triples.push_back(extract(article, &sentences, &long_sentences));
                        batch.sentences += sentences;
                        batch.long_sentences += long_sentences;
                    }
                    batch.extract_seconds = seconds_between(extract_started, Clock::now());
                } catch (...) {  // extraction does not throw on any text; this is out of memory or a bug
                    std::lock_guard lock(mutex);
                    if (!worker_error) worker_error = std::current_exception();
                    stop = true;
                    changed.notify_all();
                    return;
                }
                std::lock_guard lock(mutex);
                done.emplace(batch.sequence, std::move(batch));
                changed.notify_all();
            }
        });

    std::exception_ptr sink_error;
    for (;;) {
        Batch batch;
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] {
                return stop || done.contains(next_to_sink) || (reading_finished && next_to_sink == batches_read);
            });
            auto it = done.find(next_to_sink);
            if (it == done.end()) break;  // everything read has been sunk, or a worker failed
            batch = std::move(it->second);
            done.erase(it);
        }
        try {
            const auto sink_started = Clock::now();
            for (std::size_t i = 0; i < batch.articles.size(); ++i) {
                ++stats.articles;
                stats.triples += batch.triples[i].size();
                sink(batch.articles[i], std::move(batch.triples[i]));
            }
            stats.sink_seconds += seconds_between(sink_started, Clock::now());
            stats.extract_seconds += batch.extract_seconds;
            stats.sentences += batch.sentences;
            stats.long_sentences += batch.long_sentences;
            bytes += batch.bytes;
            if (progress) {
                std::lock_guard lock(mutex);
                stats.bad_records = bad_records;
            }
            if (progress) progress(stats, bytes);
        } catch (...) {
            sink_error = std::current_exception();
        }
        std::lock_guard lock(mutex);
        ++next_to_sink;
        if (sink_error) stop = true;
        changed.notify_all();
        if (sink_error) break;
    }
    reader.join();
    for (auto& worker : workers) worker.join();
    if (sink_error) std::rethrow_exception(sink_error);
    if (worker_error) std::rethrow_exception(worker_error);
    if (read_error) std::rethrow_exception(read_error);
    stats.bad_records = bad_records;
    stats.read_seconds = read_seconds;
    return stats;
}

}  // namespace irkg::ingest
