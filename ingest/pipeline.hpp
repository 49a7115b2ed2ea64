#pragma once
// The extraction pipeline: lexicons loaded once, then articles -> sentences -> mentions -> triples.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "article_feed.hpp"
#include "document_reader.hpp"
#include "graph/ontology.hpp"
#include "graph/relation.hpp"

namespace irkg::ingest {

class Lexicon;
class Extractor;

struct PipelineOptions {
    std::filesystem::path schema_dir;                ///< schemas/ (ontology, JSON Schemas, lexicon/)
    std::vector<std::filesystem::path> lexicons;     ///< extra user actor lexicons (--lexicon)
    double min_confidence = 0.0;                     ///< triples below this confidence are dropped
    /// The field's dictionaries in the CAMEO/PETRARCH format, loaded beside irkg's own lexicons
    /// (--actors, --agents, --verbs); codes are read through schemas/cameo-plover.json.
    std::vector<std::filesystem::path> cameo_actors{}, cameo_agents{}, cameo_verbs{};
    /// Sentences with more tokens are skipped and counted (--max-sentence-tokens); 0 means no limit.
    std::size_t max_sentence_tokens = 500;
};

/// Counts for the end-of-run summary.
struct RunStats {
    std::uint64_t articles = 0;
    std::uint64_t sentences = 0;
    std::uint64_t triples = 0;
    std::uint64_t bad_records = 0;
    std::uint64_t long_sentences = 0;  ///< skipped: more tokens than max_sentence_tokens
    /// Busy time per stage in seconds, summed over threads (with -j N the stages overlap): reading and
    /// parsing records, extracting triples, and the sink (writing triples, merging them into a graph).
    double read_seconds = 0.0, extract_seconds = 0.0, sink_seconds = 0.0;
};

/// Owns the ontology, the lexicons and the extractor. Loading throws irkg::lexicon_error naming the
/// file and entry; extraction itself never throws on any text.
class Pipeline {
public:
    explicit Pipeline(const PipelineOptions& options);
    ~Pipeline();
    Pipeline(const Pipeline&) = delete;
    Pipeline& operator=(const Pipeline&) = delete;

    const graph::Ontology& ontology() const;
    const Lexicon& lexicon() const;
    /// One line per dictionary loaded with --actors/--agents/--verbs: what it added and skipped.
    const std::vector<std::string>& dictionary_notes() const { return dictionary_notes_; }

    /// The triples of one article, in sentence order (deterministic). `sentences` and
    /// `long_sentences`, when given, receive the sentence count and how many were skipped as too long.
    std::vector<graph::Triple> extract(const Article& article, std::uint64_t* sentences = nullptr,
                                       std::uint64_t* long_sentences = nullptr) const;

    /// Reads every input in order and calls `sink` with each article's triples, in input order.
    /// Bad records go to `on_problem` (see read_articles) in input order, between the articles they
    /// came between, and are counted in the stats.
    ///
    /// With `threads` > 1 this is run(ArticleFeed&) on a feed of `inputs`: `sink` sees exactly what a
    /// one-thread run gives it, in the same order, so outputs are byte-identical whatever the thread
    /// count. A read error (an unreadable file, a bad record with --strict) is rethrown after every
    /// article read before it has gone to `sink`, as in a one-thread run. `progress`, when set, is
    /// called from the calling thread every few hundred kilobytes with the running totals.
    RunStats run(const std::vector<std::string>& inputs, const ReadOptions& read,
                 const std::function<void(const Article&, std::vector<graph::Triple>&&)>& sink,
                 const std::function<void(const ReadProblem&)>& on_problem, unsigned threads = 1,
                 const std::function<void(const RunStats&, std::uint64_t bytes)>& progress = {}) const;

    /// The same on articles read ahead by `feed` (which may have started before the lexicons loaded):
    /// `threads` threads extract batches, the calling thread among them (it starts `threads` - 1), and
    /// the calling thread calls `sink`, `on_problem` and `progress` in input order (never
    /// concurrently), giving the sink precedence over extracting. Memory stays bounded: at most a few
    /// batches per thread are taken and not yet sunk. When this throws, `feed` has been stopped.
    RunStats run(ArticleFeed& feed, const std::function<void(const Article&, std::vector<graph::Triple>&&)>& sink,
                 const std::function<void(const ReadProblem&)>& on_problem, unsigned threads,
                 const std::function<void(const RunStats&, std::uint64_t bytes)>& progress = {}) const;

    /// How many batches a feed for `threads` extracting threads reads ahead: enough to keep reading
    /// while the lexicons load, a few megabytes at most.
    static std::size_t read_ahead_batches(unsigned threads);

private:
    std::unique_ptr<graph::Ontology> ontology_;
    std::unique_ptr<Lexicon> lexicon_;
    std::unique_ptr<Extractor> extractor_;
    double min_confidence_ = 0.0;
    std::vector<std::string> dictionary_notes_;
};

}  // namespace irkg::ingest
