#pragma once
// The options every subcommand shares: where the schemas and lexicons are, the date of plain-text
// articles, strictness and quietness.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"
#include "ingest/article_feed.hpp"
#include "ingest/document_reader.hpp"
#include "ingest/pipeline.hpp"

namespace CLI {
class App;
}

namespace irkg::cli {

struct CommonOptions {
    std::string schemas;                ///< --schemas, else $IRKG_SCHEMAS, else the compiled-in default
    std::vector<std::string> lexicons;  ///< --lexicon (repeatable)
    std::string date;                   ///< --date, normalised to YYYY-MM-DD by validate()
    bool strict = false;                ///< --strict
    bool quiet = false;                 ///< --quiet
    double min_confidence = 0.0;        ///< --min-confidence: drop triples below it
    std::vector<std::string> actors, agents, verbs;  ///< --actors, --agents, --verbs: CAMEO/PETRARCH dictionaries
    unsigned threads = 0;  ///< -j/--threads: extraction threads; 0 (the default) means one per core
    std::string invalid_utf8 = "replace";      ///< --invalid-utf8 replace|reject
    std::uint64_t max_article_bytes = 64ull << 20;  ///< --max-article-bytes (0: no limit)
    std::uint64_t max_errors = 0;              ///< --max-errors: stop after this many bad records (0: never)
    std::uint64_t max_sentence_tokens = 500;   ///< --max-sentence-tokens: longer sentences are skipped (0: no limit)
    std::uint64_t max_evidence = 10000;        ///< --max-evidence: mentions kept per relation (0: no limit)

    CommonOptions();

    /// Declares --schemas, --lexicon, --date, --min-confidence, --strict and --quiet on `app`.
    void add_to(CLI::App& app);
    /// Checks --date (a real calendar day) and normalises it, and --min-confidence (0 to 1). No I/O.
    /// Throws irkg::usage_error.
    void validate();
    /// Throws irkg::usage_error when the schemas directory does not exist (the one check that needs I/O).
    void check_schema_dir() const;

    ingest::PipelineOptions pipeline_options() const;
    /// The extraction threads to run: --threads, or the number of cores when it is 0.
    unsigned thread_count() const;
    ingest::ReadOptions read_options() const;
    /// Declares --max-evidence alone, for commands that build graphs without extracting (merge).
    void add_max_evidence_to(CLI::App& app);
};

/// The schemas/ directory compiled in (IRKG_DEFAULT_SCHEMA_DIR), used when neither --schemas nor
/// IRKG_SCHEMAS names one.
std::string default_schema_dir();

/// Reports skipped records as "FILE:LINE: what" on a stream and counts them.
class ProblemLog {
public:
    /// `max_errors` > 0: the record after the max_errors-th bad one throws input_error (--max-errors).
    explicit ProblemLog(std::ostream& err, std::uint64_t max_errors = 0) : err_(err), max_errors_(max_errors) {}

    /// The callback for Pipeline::run / read_articles.
    std::function<void(const ingest::ReadProblem&)> callback();
    std::uint64_t count() const { return count_; }
    /// Throws irkg::input_error (exit 1) with the count when any record was skipped.
    void throw_if_any(std::uint64_t articles_read) const;

private:
    std::ostream& err_;
    std::uint64_t max_errors_ = 0;
    std::uint64_t count_ = 0;
};

/// Reports on `err` what the resource limits turned away, one line per limit that was hit: sentences
/// skipped by --max-sentence-tokens (`stats`), mentions dropped by --max-evidence (`graph`, when given).
/// Printed even with --quiet: a limit hit loses data, and is never silent. Nothing when no limit was hit.
void report_limits(const CommonOptions& common, const ingest::RunStats* stats, const graph::KnowledgeGraph* graph,
                   std::ostream& err);

/// Prints what each CAMEO/PETRARCH dictionary added and skipped (one line each) unless `quiet`.
void report_dictionaries(const ingest::Pipeline& pipeline, bool quiet, std::ostream& err);

/// The articles a command extracts, and how they are read. With more than one thread and only regular
/// files to read, reading starts when this is constructed, ahead, on a thread of its own
/// (ingest::ArticleFeed): construct it before loading the lexicons and the two overlap. Otherwise
/// Pipeline::run reads the inputs when extract() runs.
class ArticleInput {
public:
    ArticleInput(std::vector<std::string> inputs, const CommonOptions& common);
    ~ArticleInput();
    ArticleInput(const ArticleInput&) = delete;
    ArticleInput& operator=(const ArticleInput&) = delete;

    /// Extracts every input with `pipeline` (Pipeline::run, --threads threads) and hands each article's
    /// triples to `sink` in input order; bad records go to `problems`, progress to `err` when it is a
    /// terminal and --quiet is not given. Call once.
    ingest::RunStats extract(const ingest::Pipeline& pipeline,
                             const std::function<void(const ingest::Article&, std::vector<graph::Triple>&&)>& sink,
                             ProblemLog& problems, std::ostream& err);

private:
    std::vector<std::string> inputs_;
    ingest::ReadOptions read_;
    unsigned threads_;
    bool quiet_;
    std::unique_ptr<ingest::ArticleFeed> feed_;
};

/// Extracts every input and merges its triples into `graph` (in input order, so the graph is the same
/// whatever the thread count); see ArticleInput::extract.
ingest::RunStats merge_inputs(const ingest::Pipeline& pipeline, ArticleInput& input, graph::KnowledgeGraph& graph,
                              ProblemLog& problems, std::ostream& err);

/// Where a command's GRAPH argument comes from: a .jsonld written by irkg, or article input
/// (.txt, .jsonl, - for stdin) that is extracted and merged in memory.
enum class GraphSource { jsonld, articles };

/// The kind of `graph_argument`, from its name. Throws usage_error for anything else.
GraphSource graph_source(const std::string& graph_argument);

/// Reads the graph `graph_argument` names: a .jsonld is loaded, article input is extracted with
/// `common`'s lexicons and merged. Bad article records stop the command (a partial graph could
/// mislead a query): input_error after they are reported on `err`.
graph::KnowledgeGraph load_graph(const std::string& graph_argument, const CommonOptions& common, std::ostream& err);

/// The seconds since `start`, for summaries.
double seconds_since(std::chrono::steady_clock::time_point start);

/// "s" unless n is 1.
inline const char* plural(std::uint64_t n) { return n == 1 ? "" : "s"; }

}  // namespace irkg::cli
