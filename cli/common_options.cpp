#include "common_options.hpp"

#include <ostream>
#include <system_error>
#include <thread>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "export/jsonld_reader.hpp"
#include "progress.hpp"
#include "graph/entity_index.hpp"
#include "graph/errors.hpp"

namespace irkg::cli {

std::string default_schema_dir() { return IRKG_DEFAULT_SCHEMA_DIR; }

CommonOptions::CommonOptions() : schemas(default_schema_dir()) {}

void CommonOptions::add_to(CLI::App& app) {
    app.add_option("--schemas", schemas, "The schemas/ directory: ontology, JSON Schemas, lexicons")
        ->type_name("DIR")
        ->envname("IRKG_SCHEMAS")
        ->capture_default_str();
    app.add_option("--lexicon", lexicons,
                   "An extra actor lexicon (JSON, the shape of schemas/lexicon/actors.json); repeatable")
        ->type_name("FILE")
        ->allow_extra_args(false);  // one file per --lexicon, so it cannot swallow the inputs after it
    app.add_option("--date", date, "The publication date of .txt articles (JSON Lines records carry their own)")
        ->type_name("YYYY-MM-DD");
    app.add_option("--actors", actors,
                   "A CAMEO/PETRARCH actor dictionary (Phoenix format) to load beside irkg's lexicons; repeatable")
        ->type_name("FILE")
        ->allow_extra_args(false);
    app.add_option("--agents", agents, "A CAMEO/PETRARCH agent dictionary (role words, !X! macros); repeatable")
        ->type_name("FILE")
        ->allow_extra_args(false);
    app.add_option("--verbs", verbs, "A CAMEO verb dictionary (CAMEO.2.0.txt format); repeatable")
        ->type_name("FILE")
        ->allow_extra_args(false);
    app.add_option("--min-confidence", min_confidence,
                   "Keep only triples with at least this confidence (0 to 1; see README, Confidence)")
        ->type_name("X");
    app.add_option("-j,--threads", threads, "Extraction threads (default: one per core); output is the same for any N")
        ->type_name("N");
    app.add_option("--invalid-utf8", invalid_utf8,
                   "Article text that is not UTF-8: replace (bad bytes become U+FFFD) or reject (a bad record, "
                   "reported with the byte offset)")
        ->type_name("replace|reject")
        ->capture_default_str();
    app.add_option("--max-article-bytes", max_article_bytes,
                   "Articles with more text are bad records (0: no limit)")
        ->type_name("N")
        ->capture_default_str();
    app.add_option("--max-errors", max_errors, "Stop after N bad records (default: report and skip them all)")
        ->type_name("N");
    app.add_option("--max-sentence-tokens", max_sentence_tokens,
                   "Skip sentences of more tokens (run-ons: tables, lists, text without full stops), counted on "
                   "stderr (0: no limit)")
        ->type_name("N")
        ->check(CLI::NonNegativeNumber)  // an unsigned option would read -3 as 2^64 - 3
        ->capture_default_str();
    add_max_evidence_to(app);
    app.add_flag("--strict", strict, "Stop at the first bad input record instead of reporting and skipping it");
    app.add_flag("-q,--quiet", quiet, "Print no summary on stderr (problems are still reported)");
}

void CommonOptions::add_max_evidence_to(CLI::App& app) {
    app.add_option("--max-evidence", max_evidence,
                   "Keep at most N mentions per relation: its first N by date, article, sentence (undated "
                   "first); the relations and mentions cut are counted on stderr (0: no limit)")
        ->type_name("N")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
}

void CommonOptions::validate() {
    if (!(min_confidence >= 0.0 && min_confidence <= 1.0))
        throw usage_error(fmt::format("--min-confidence {} is out of range; give a number from 0 to 1", min_confidence));
    if (invalid_utf8 != "replace" && invalid_utf8 != "reject")
        throw usage_error(fmt::format("--invalid-utf8 \"{}\" is not one of replace, reject", invalid_utf8));
    if (threads > 1024)
        throw usage_error(fmt::format("--threads {} is more than irkg can use; give 1 to 1024 (0 or none: one per core)",
                                      threads));
    if (date.empty()) return;
    int year = 0;
    int month = 0;
    int day = 0;
    if (!ingest::parse_iso_date(date, year, month, day))
        throw usage_error(
            fmt::format("--date \"{}\" is not a calendar date; write it as YYYY-MM-DD, e.g. 2024-04-20", date));
    date = fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

void CommonOptions::check_schema_dir() const {
    std::error_code ec;
    if (!std::filesystem::is_directory(schemas, ec))
        throw usage_error(
            fmt::format("schemas directory \"{}\" not found; point --schemas DIR (or IRKG_SCHEMAS) at "
                        "irkg's schemas/ directory",
                        schemas));
}

ingest::PipelineOptions CommonOptions::pipeline_options() const {
    ingest::PipelineOptions options;
    options.schema_dir = schemas;
    options.lexicons.assign(lexicons.begin(), lexicons.end());
    options.min_confidence = min_confidence;
    options.cameo_actors.assign(actors.begin(), actors.end());
    options.cameo_agents.assign(agents.begin(), agents.end());
    options.cameo_verbs.assign(verbs.begin(), verbs.end());
    options.max_sentence_tokens = static_cast<std::size_t>(max_sentence_tokens);
    return options;
}

ingest::ReadOptions CommonOptions::read_options() const {
    ingest::ReadOptions options;
    options.default_date = date;
    options.strict = strict;
    options.invalid_utf8 = invalid_utf8 == "reject" ? ingest::InvalidUtf8::reject : ingest::InvalidUtf8::replace;
    options.max_article_bytes = max_article_bytes;
    return options;
}

void report_limits(const CommonOptions& common, const ingest::RunStats* stats, const graph::KnowledgeGraph* graph,
                   std::ostream& err) {
    if (stats && stats->long_sentences > 0)
        err << fmt::format(
            "irkg: {} sentence{} of more than --max-sentence-tokens {} tokens skipped (no triples from {}; raise "
            "the limit, or 0 for none, to read {})\n",
            stats->long_sentences, plural(stats->long_sentences), common.max_sentence_tokens,
            stats->long_sentences == 1 ? "it" : "them", stats->long_sentences == 1 ? "it" : "them");
    if (graph && graph->num_dropped_mentions() > 0) {
        const std::size_t relations = graph->num_capped_relations();
        err << fmt::format(
            "irkg: {} relation{} had more than --max-evidence {} mentions and kept {} first {} (by date, article, "
            "sentence; the weight counts them); {} mention{} dropped (raise the limit, or 0 for none, to keep "
            "them)\n",
            relations, plural(relations), graph->max_mentions(), relations == 1 ? "its" : "their",
            graph->max_mentions(), graph->num_dropped_mentions(), plural(graph->num_dropped_mentions()));
    }
}

void report_dictionaries(const ingest::Pipeline& pipeline, bool quiet, std::ostream& err) {
    if (quiet) return;
    for (const auto& note : pipeline.dictionary_notes()) err << "irkg: " << note << '\n';
}

unsigned CommonOptions::thread_count() const {
    if (threads > 0) return threads;
    return std::max(1u, std::thread::hardware_concurrency());
}

ArticleInput::ArticleInput(std::vector<std::string> inputs, const CommonOptions& common)
    : inputs_(std::move(inputs)), read_(common.read_options()), threads_(common.thread_count()), quiet_(common.quiet) {
    if (threads_ > 1 && ingest::ArticleFeed::reads_only_files(inputs_))
        feed_ = std::make_unique<ingest::ArticleFeed>(inputs_, read_, ingest::Pipeline::read_ahead_batches(threads_));
}

ArticleInput::~ArticleInput() = default;

ingest::RunStats ArticleInput::extract(
    const ingest::Pipeline& pipeline,
    const std::function<void(const ingest::Article&, std::vector<graph::Triple>&&)>& sink, ProblemLog& problems,
    std::ostream& err) {
    Progress progress(err, quiet_, inputs_);
    auto update = [&progress](const ingest::RunStats& s, std::uint64_t bytes) { progress.update(s, bytes); };
    const auto stats = feed_ ? pipeline.run(*feed_, sink, problems.callback(), threads_, update)
                             : pipeline.run(inputs_, read_, sink, problems.callback(), threads_, update);
    progress.finish();
    return stats;
}

ingest::RunStats merge_inputs(const ingest::Pipeline& pipeline, ArticleInput& input, graph::KnowledgeGraph& graph,
                              ProblemLog& problems, std::ostream& err) {
    return input.extract(
        pipeline,
        [&graph](const ingest::Article&, std::vector<graph::Triple>&& triples) {
            for (const auto& triple : triples) graph.add(triple);
        },
        problems, err);
}

std::function<void(const ingest::ReadProblem&)> ProblemLog::callback() {
    return [this](const ingest::ReadProblem& problem) {
        if (max_errors_ > 0 && count_ == max_errors_)
            throw input_error(fmt::format("{}{}: {}; stopped: more than --max-errors {} bad records", problem.file,
                                          problem.line > 0 ? fmt::format(":{}", problem.line) : "", problem.message,
                                          max_errors_));
        ++count_;
        if (problem.line > 0)
            err_ << problem.file << ':' << problem.line << ": " << problem.message << '\n';
        else
            err_ << problem.file << ": " << problem.message << '\n';
    };
}

void ProblemLog::throw_if_any(std::uint64_t articles_read) const {
    if (count_ == 0) return;
    throw input_error(
        fmt::format("{} bad record{} skipped (reported above), {} article{} read; fix the input, or use "
                    "--strict to stop at the first",
                    count_, plural(count_), articles_read, plural(articles_read)));
}

namespace {

bool ends_with_lower(std::string_view text, std::string_view suffix) {
    return text.size() > suffix.size() && graph::fold_case(text.substr(text.size() - suffix.size())) == suffix;
}

}  // namespace

GraphSource graph_source(const std::string& graph_argument) {
    if (ends_with_lower(graph_argument, ".jsonld") || ends_with_lower(graph_argument, ".json-ld"))
        return GraphSource::jsonld;
    if (graph_argument == "-" || ends_with_lower(graph_argument, ".txt") || ends_with_lower(graph_argument, ".jsonl"))
        return GraphSource::articles;
    throw usage_error(
        fmt::format("cannot read a graph from \"{}\": GRAPH is a .jsonld written by irkg build or "
                    "article input (.txt, .jsonl, - for stdin)",
                    graph_argument));
}

graph::KnowledgeGraph load_graph(const std::string& graph_argument, const CommonOptions& common, std::ostream& err) {
    if (graph_source(graph_argument) == GraphSource::jsonld) return exporter::read_jsonld(graph_argument);

    common.check_schema_dir();
    ArticleInput input({graph_argument}, common);
    const ingest::Pipeline pipeline(common.pipeline_options());
    report_dictionaries(pipeline, common.quiet, err);
    graph::KnowledgeGraph graph;
    graph.set_max_mentions(static_cast<std::size_t>(common.max_evidence));
    ProblemLog problems(err, common.max_errors);
    const ingest::RunStats stats = merge_inputs(pipeline, input, graph, problems, err);
    report_limits(common, &stats, &graph, err);
    problems.throw_if_any(stats.articles);
    return graph;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace irkg::cli
