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
#include "ingest/pipeline.hpp"

using irkg::ingest::Article;
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
    std::string sunk;  ///< article ids and triples, in sink order
    std::vector<std::string> problems;
    irkg::ingest::RunStats stats;
};

Seen run(const std::string& input, unsigned threads, bool strict = false) {
    Seen seen;
    ReadOptions read;
    read.strict = strict;
    seen.stats = pipeline().run(
        {input}, read,
        [&](const Article& article, std::vector<irkg::graph::Triple>&& triples) {
            seen.sunk += article.id + ":";
            for (const auto& t : triples)
                seen.sunk += fmt::format(" {} {} {} {};", t.subject.id, t.relation->predicate, t.object.id,
                                         t.evidence.sentence);
            seen.sunk += "\n";
        },
        [&](const ReadProblem& problem) { seen.problems.push_back(fmt::format("{}:{}", problem.line, problem.message)); },
        threads);
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
    for (unsigned threads : {2u, 3u, 8u}) {
        const Seen many = run(input, threads);
        CHECK(many.sunk == one.sunk);
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
