#include "pipeline.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "cameo_dictionary.hpp"
#include "extractor.hpp"
#include "lexicon.hpp"
#include "stopwatch.hpp"

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

/// A batch of articles with their triples, extracted by a worker, waiting for its turn at the sink.
struct Extracted {
    ArticleBatch input;
    std::vector<std::vector<graph::Triple>> triples;  ///< one entry per article
    std::uint64_t sentences = 0;
    std::uint64_t long_sentences = 0;
    double extract_seconds = 0.0;
};

}  // namespace

std::size_t Pipeline::read_ahead_batches(unsigned threads) {
    return std::clamp<std::size_t>(16 * std::size_t{threads}, 8, 64);
}

RunStats Pipeline::run(const std::vector<std::string>& inputs, const ReadOptions& read,
                       const std::function<void(const Article&, std::vector<graph::Triple>&&)>& sink,
                       const std::function<void(const ReadProblem&)>& on_problem, unsigned threads,
                       const std::function<void(const RunStats&, std::uint64_t)>& progress) const {
    if (threads > 1) {
        ArticleFeed feed(inputs, read, read_ahead_batches(threads));
        return run(feed, sink, on_problem, threads, progress);
    }
    RunStats stats;
    std::uint64_t bytes = 0;
    std::uint64_t since_progress = 0;
    const auto run_started = Clock::now();
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
                if (progress && (since_progress += article.text.size()) >= ArticleFeed::k_batch_bytes) {
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

RunStats Pipeline::run(ArticleFeed& feed, const std::function<void(const Article&, std::vector<graph::Triple>&&)>& sink,
                       const std::function<void(const ReadProblem&)>& on_problem, unsigned threads,
                       const std::function<void(const RunStats&, std::uint64_t)>& progress) const {
    threads = std::max(1u, threads);
    // feed -> extractors -> `done` (by sequence) -> sink, in input order. The calling thread is one of the
    // `threads` extractors and the only sink: it sinks the next batch in order when it is ready and
    // otherwise extracts one itself, so -j N runs N extracting threads (and the feed's reader), not N + 1:
    // every thread has its own allocator heap, whose pages a fresh process must fault in. At most
    // `max_in_flight` batches are taken from the feed and not yet sunk, so `done` stays small even
    // behind one slow batch.
    std::mutex mutex;
    std::condition_variable changed;
    std::map<std::uint64_t, Extracted> done;
    std::uint64_t next_to_sink = 0;
    std::size_t in_flight = 0;
    bool input_ended = false;  // the feed gave no batch: there is nothing more to take
    bool stop = false;  // the sink or an extractor failed, or the input ended with a read error: everyone stops
    std::exception_ptr extract_error;
    const std::size_t max_in_flight = 4 * static_cast<std::size_t>(threads);

    // Takes the next batch from the feed and extracts it, without the lock, for a caller that has
    // counted it in `in_flight`; then hands the outcome back under the lock. False when this thread
    // should stop extracting: the input has ended or extraction failed.
    auto extract_next = [&]() -> bool {
        std::optional<Extracted> batch;
        try {
            std::optional<ArticleBatch> input = feed.take();
            if (input) {
                batch.emplace();
                batch->input = std::move(*input);
                const auto extract_started = Clock::now();
                batch->triples.reserve(batch->input.articles.size());
                for (const auto& article : batch->input.articles) {
                    std::uint64_t sentences = 0, long_sentences = 0;
                    batch->triples.push_back(extract(article, &sentences, &long_sentences));
                    batch->sentences += sentences;
                    batch->long_sentences += long_sentences;
                }
                batch->extract_seconds = seconds_between(extract_started, Clock::now());
            }
        } catch (...) {  // extraction does not throw on any text; this is out of memory or a bug
            std::lock_guard lock(mutex);
            if (!extract_error) extract_error = std::current_exception();
            stop = true;
            changed.notify_all();
            return false;
        }
        std::lock_guard lock(mutex);
        if (!batch) {
            --in_flight;
            input_ended = true;
            changed.notify_all();
            return false;
        }
        const std::uint64_t sequence = batch->input.sequence;
        done.emplace(sequence, std::move(*batch));
        changed.notify_all();
        return true;
    };
    auto help = [&] {
        for (;;) {
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return stop || input_ended || in_flight < max_in_flight; });
                if (stop || input_ended) return;
                ++in_flight;
            }
            if (!extract_next()) return;
        }
    };
    std::vector<std::thread> helpers;
    auto stop_all = [&] {
        {
            std::lock_guard lock(mutex);
            stop = true;
            changed.notify_all();
        }
        feed.stop();  // wakes a thread waiting for a batch; nothing is left to read otherwise
        for (auto& helper : helpers) helper.join();
    };
    try {
        for (unsigned i = 1; i < threads; ++i) helpers.emplace_back(help);
    } catch (...) {
        stop_all();
        throw;
    }

    RunStats stats;
    std::uint64_t bytes = 0;
    std::exception_ptr sink_error, read_error;
    for (;;) {
        Extracted batch;
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] {
                return stop || done.contains(next_to_sink) || (input_ended ? in_flight == 0 : in_flight < max_in_flight);
            });
            if (stop) break;
            auto it = done.find(next_to_sink);
            if (it == done.end()) {
                if (input_ended) break;  // everything taken has been sunk
                ++in_flight;             // nothing to sink yet: extract a batch here
                lock.unlock();
                extract_next();
                continue;
            }
            batch = std::move(it->second);
            done.erase(it);
        }
        try {
            const auto sink_started = Clock::now();
            const auto& problems = batch.input.problems;
            std::size_t p = 0;
            auto problems_before = [&](std::size_t article) {
                for (; p < problems.size() && problems[p].first <= article; ++p) {
                    ++stats.bad_records;
                    on_problem(problems[p].second);
                }
            };
            for (std::size_t i = 0; i < batch.input.articles.size(); ++i) {
                problems_before(i);
                ++stats.articles;
                stats.triples += batch.triples[i].size();
                sink(batch.input.articles[i], std::move(batch.triples[i]));
            }
            problems_before(batch.input.articles.size());
            stats.sink_seconds += seconds_between(sink_started, Clock::now());
            stats.extract_seconds += batch.extract_seconds;
            stats.sentences += batch.sentences;
            stats.long_sentences += batch.long_sentences;
            bytes += batch.input.bytes;
            if (progress) progress(stats, bytes);
        } catch (...) {
            sink_error = std::current_exception();
        }
        read_error = batch.input.error;
        std::lock_guard lock(mutex);
        ++next_to_sink;
        --in_flight;
        changed.notify_all();
        if (sink_error || read_error) break;
    }
    stop_all();
    if (sink_error) std::rethrow_exception(sink_error);
    if (extract_error) std::rethrow_exception(extract_error);
    if (read_error) std::rethrow_exception(read_error);
    stats.read_seconds = feed.busy_seconds();
    return stats;
}

}  // namespace irkg::ingest
