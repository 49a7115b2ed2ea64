// Pipeline::run with several threads hands the sink exactly what one thread gives it, in the same
// order, and fails like one thread does.
#include <doctest/doctest.h>

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "../export/temp_dir.hpp"
#include "graph/errors.hpp"
#include "ingest/article_feed.hpp"
#include "ingest/pipeline.hpp"

using irkg::ingest::Article;
using irkg::ingest::ArticleFeed;
using irkg::ingest::Pipeline;
using irkg::ingest::PipelineOptions;
using irkg::ingest::ReadOptions;
using irkg::ingest::ReadProblem;

namespace {

const Pipeline& pipeline() {
    static const Pipeline p(PipelineOptions{IRKG_SCHEMA_DIR, {}});
    return p;
}

/// A JSON Lines file of `n` articles built from a few templates (some with relations, some
/// without), with a bad record every `bad_every` lines when it is not 0.
std::string write_articles(const irkg::test::TempDir& dir, int n, int bad_every = 0) {
    const std::vector<std::string> templates = {
        "US Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on {}day.",
        "North Korea transferred weapons to Russia, the report said. Nothing else happened {}.",
        "The weather in {} was fine and nobody met anybody.",
        "France condemned Russia over the attack. Germany called on Iran to release prisoners {}.",
    };
    const std::string path = (dir.path() / "articles.jsonl").string();
    std::ofstream out(path);
    for (int i = 0; i < n; ++i) {
        if (bad_every > 0 && i % bad_every == bad_every - 1) {
            out << "{\"id\": \"bad-" << i << "\", \"text\": 42}\n";
            continue;
        }
        const std::string text = fmt::format(fmt::runtime(templates[i % templates.size()]), i);
        out << fmt::format(R"({{"id": "a{}", "date": "2024-0{}-1{}", "text": "{}"}})", i, 1 + i % 9, i % 10, text)
            << '\n';
    }
    return path;
}

struct Seen {
    std::string sunk;  ///< article ids and triples, and the bad records between them, in call order
    std::vector<std::string> problems;
    irkg::ingest::RunStats stats;

    auto sink() {
        return [this](const Article& article, std::vector<irkg::graph::Triple>&& triples) {
            sunk += article.id + ":";
            for (const auto& t : triples)
                sunk += fmt::format(" {} {} {} {};", t.subject.id, t.relation->predicate, t.object.id,
                                    t.evidence.sentence);
            sunk += "\n";
        };
    }
    auto on_problem() {
        return [this](const ReadProblem& problem) {
            problems.push_back(fmt::format("{}:{}", problem.line, problem.message));
            sunk += "bad record at line " + std::to_string(problem.line) + "\n";
        };
    }
};

Seen run(const std::string& input, unsigned threads, bool strict = false) {
    Seen seen;
    ReadOptions read;
    read.strict = strict;
    seen.stats = pipeline().run({input}, read, seen.sink(), seen.on_problem(), threads);
    return seen;
}

}  // namespace

TEST_CASE("any thread count gives the sink the same articles and triples in the same order") {
    irkg::test::TempDir dir("pipeline");
    const std::string input = write_articles(dir, 2500, 97);
    const Seen one = run(input, 1);
    CHECK(one.stats.articles == 2500 - 2500 / 97);
    CHECK(one.stats.triples > 1000);
    CHECK(one.problems.size() == 2500 / 97);
    CHECK(one.sunk.find("a95:") < one.sunk.find("bad record at line 97\n"));
    CHECK(one.sunk.find("bad record at line 97\n") < one.sunk.find("a97:"));
    for (unsigned threads : {2u, 3u, 8u}) {
        INFO("threads: " << threads);
        const Seen many = run(input, threads);
        CHECK(many.sunk == one.sunk);  // bad records reported between the same articles
        CHECK(many.problems == one.problems);
        CHECK(many.stats.articles == one.stats.articles);
        CHECK(many.stats.sentences == one.stats.sentences);
        CHECK(many.stats.triples == one.stats.triples);
        CHECK(many.stats.bad_records == one.stats.bad_records);
    }
}

TEST_CASE("--strict with threads: everything before the bad record reaches the sink, then the error") {
    irkg::test::TempDir dir("pipeline");
    const std::string input = write_articles(dir, 1500, 1000);  // line 1000 is bad
    std::string sunk_one, sunk_many;
    for (unsigned threads : {1u, 2u}) {
        Seen seen;
        ReadOptions read;
        read.strict = true;
        std::string& sunk = threads == 1 ? sunk_one : sunk_many;
        CHECK_THROWS_AS(pipeline().run(
                            {input}, read,
                            [&](const Article& article, std::vector<irkg::graph::Triple>&&) { sunk += article.id + "\n"; },
                            [](const ReadProblem&) {}, threads),
                        irkg::input_error);
    }
    CHECK(sunk_one == sunk_many);
    CHECK(sunk_one.ends_with("a998\n"));
}

TEST_CASE("an exception from the sink stops every thread and reaches the caller") {
    irkg::test::TempDir dir("pipeline");
    const std::string input = write_articles(dir, 3000);
    int calls = 0;
    CHECK_THROWS_WITH_AS(pipeline().run(
                             {input}, ReadOptions{},
                             [&](const Article&, std::vector<irkg::graph::Triple>&&) {
                                 if (++calls == 700) throw std::runtime_error("disk full");
                             },
                             [](const ReadProblem&) {}, 2),
                         "disk full", std::runtime_error);
    CHECK(calls == 700);
}

TEST_CASE("an unreadable input is the same error with threads") {
    CHECK_THROWS_AS(run("/nonexistent/articles.jsonl", 2), irkg::input_error);
    CHECK_THROWS_AS(run("/nonexistent/articles.jsonl", 1), irkg::input_error);
}

TEST_CASE("a feed started before the lexicons gives the same run as one thread") {
    irkg::test::TempDir dir("pipeline");
    const std::string input = write_articles(dir, 2000, 61);
    const Seen one = run(input, 1);
    for (unsigned threads : {1u, 2u, 4u}) {
        INFO("threads: " << threads);
        // A small read-ahead, so the reader waits for room many times.
        ArticleFeed feed({input}, ReadOptions{}, 2);
        Seen fed;
        fed.stats = pipeline().run(feed, fed.sink(), fed.on_problem(), threads);
        CHECK(fed.sunk == one.sunk);
        CHECK(fed.stats.articles == one.stats.articles);
        CHECK(fed.stats.bad_records == one.stats.bad_records);
        CHECK(fed.stats.triples == one.stats.triples);
        CHECK(!feed.take());  // everything was taken
    }
}

TEST_CASE("a feed hands out batches in input order and stops when told") {
    irkg::test::TempDir dir("pipeline");
    const std::string input = write_articles(dir, 3000, 500);
    ArticleFeed feed({input, input}, ReadOptions{}, 3);
    std::uint64_t expected = 0, articles = 0, problems = 0;
    std::string last_id;
    while (auto batch = feed.take()) {
        CHECK(batch->sequence == expected++);
        CHECK(!batch->error);
        CHECK(batch->articles.size() <= ArticleFeed::k_batch_articles);
        for (const auto& [before, problem] : batch->problems) {
            CHECK(before <= batch->articles.size());
            CHECK(problem.line % 500 == 0);
            ++problems;
        }
        articles += batch->articles.size();
        if (!batch->articles.empty()) last_id = batch->articles.back().id;
    }
    CHECK(articles == 2 * (3000 - 6));
    CHECK(problems == 2 * 6);
    CHECK(last_id == "a2998");  // line 3000 (a2999) is a bad record
    CHECK(feed.busy_seconds() > 0.0);

    // Stopped with most of the input unread, the reader ends (and the destructor does not wait forever).
    ArticleFeed stopped({input}, ReadOptions{}, 1);
    REQUIRE(stopped.take());
    stopped.stop();
    int left = 0;
    while (stopped.take()) ++left;
    CHECK(left <= 1);  // at most the batch that was queued before stop()
}

TEST_CASE("a feed that is never read is destroyed without waiting for its input") {
    irkg::test::TempDir dir("pipeline");
    const std::string input = write_articles(dir, 5000);
    ArticleFeed feed({input}, ReadOptions{}, 1);  // fills its one slot, then waits for room
}

TEST_CASE("a read error ends a feed in order, after the articles before it") {
    irkg::test::TempDir dir("pipeline");
    const std::string input = write_articles(dir, 800, 700);  // line 700 is bad
    ReadOptions strict;
    strict.strict = true;
    ArticleFeed feed({input, "/nonexistent/articles.jsonl"}, strict, 4);
    std::uint64_t articles = 0;
    bool error = false;
    while (auto batch = feed.take()) {
        CHECK(!error);  // nothing after the error
        articles += batch->articles.size();
        if (batch->error) error = true;
    }
    CHECK(error);
    CHECK(articles == 699);
}

TEST_CASE("bad records alone, and a callback that rejects one, with threads") {
    irkg::test::TempDir dir("pipeline");
    const std::string input = write_articles(dir, 2000, 1);  // every line is bad
    const Seen one = run(input, 1);
    CHECK(one.stats.articles == 0);
    CHECK(one.problems.size() == 2000);
    CHECK(run(input, 2).sunk == one.sunk);

    // --max-errors throws from the problem callback: the run stops there, as the sink's errors do.
    const std::string mixed = write_articles(dir, 3000, 10);
    for (unsigned threads : {1u, 2u}) {
        std::string seen;
        int problems = 0;
        CHECK_THROWS_WITH_AS(pipeline().run(
                                 {mixed}, ReadOptions{},
                                 [&](const Article& article, std::vector<irkg::graph::Triple>&&) { seen += article.id + "\n"; },
                                 [&](const ReadProblem&) {
                                     if (++problems == 50) throw irkg::input_error("too many bad records");
                                 },
                                 threads),
                             "too many bad records", irkg::input_error);
        CHECK(problems == 50);
        CHECK(seen.ends_with("a498\n"));  // line 500 is the 50th bad record
    }
}
