#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "../export/temp_dir.hpp"
#include "graph/errors.hpp"
#include "ingest/document_reader.hpp"

namespace fs = std::filesystem;
using irkg::ingest::Article;
using irkg::ingest::parse_iso_date;
using irkg::ingest::read_articles;
using irkg::ingest::ReadOptions;
using irkg::ingest::ReadProblem;
using irkg::test::TempDir;
using irkg::test::write_file;

namespace {

const fs::path k_data = IRKG_TEST_DATA_DIR;

struct ReadResult {
    std::vector<Article> articles;
    std::vector<ReadProblem> problems;
    std::uint64_t count = 0;
};

ReadResult read(const fs::path& file, ReadOptions options = {}) {
    ReadResult r;
    r.count = read_articles(
        file.string(), options, [&](Article&& a) { r.articles.push_back(std::move(a)); },
        [&](const ReadProblem& p) { r.problems.push_back(p); });
    return r;
}

/// The message of the input_error that reading `file` throws; fails the test when none is thrown.
std::string read_error(const fs::path& file, ReadOptions options = {}) {
    try {
        read(file, options);
    } catch (const irkg::input_error& e) {
        return e.what();
    }
    FAIL("no input_error for " << file);
    return {};
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

bool valid(std::string_view date) {
    int y = 0, m = 0, d = 0;
    return parse_iso_date(date, y, m, d);
}

}  // namespace

TEST_CASE("a .txt file is one article: id from the stem, the --date default, the BOM stripped") {
    ReadOptions options;
    options.default_date = "2024-03-17";
    const auto r = read(k_data / "talks.txt", options);
    CHECK(r.count == 1);
    CHECK(r.problems.empty());
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].id == "talks");
    CHECK(r.articles[0].date == "2024-03-17");
    CHECK(r.articles[0].text == "China and Japan held talks.\nThey agreed.\n");
    CHECK(r.articles[0].source.empty());
}

TEST_CASE("a .jsonl file: good records in order, bad records reported with file and line and skipped") {
    ReadOptions options;
    options.default_date = "2020-01-01";
    const fs::path file = k_data / "mixed.jsonl";
    const auto r = read(file, options);
    CHECK(r.count == 4);
    REQUIRE(r.articles.size() == 4);

    const Article& a1 = r.articles[0];
    CHECK(a1.id == "a1");
    CHECK(a1.date == "2024-03-15");
    CHECK(a1.text == "Talks resume\n\nIran and Iraq held talks.");  // title, blank line, body
    CHECK(a1.source == "Wire");
    CHECK(a1.url == "https://example.org/a1");

    CHECK(r.articles[1].id == "a2");
    CHECK(r.articles[1].date == "2020-01-01");  // no date: the default
    CHECK(r.articles[1].text == "No date here.");

    CHECK(r.articles[2].id == "42");             // a numeric id becomes its decimal text
    CHECK(r.articles[2].date == "2024-02-29");  // a timestamp keeps its date; 2024 is a leap year

    CHECK(r.articles[3].id == "a9");
    CHECK(r.articles[3].text == "Last good line.");  // a blank title adds nothing

    std::vector<std::uint64_t> lines;
    for (const auto& p : r.problems) {
        CHECK(p.file == file.string());
        CHECK_FALSE(p.message.empty());
        lines.push_back(p.line);
    }
    CHECK(lines == std::vector<std::uint64_t>{4, 5, 7, 8, 9, 10, 11});
    REQUIRE(r.problems.size() == 7);
    CHECK(contains(r.problems[0].message, "2023-02-29"));  // not a leap year
    CHECK(contains(r.problems[1].message, "not JSON"));
    CHECK(contains(r.problems[2].message, "not a JSON object"));
    CHECK(contains(r.problems[3].message, "\"text\" is missing"));
    CHECK(contains(r.problems[4].message, "\"id\" is empty"));
    CHECK(contains(r.problems[5].message, "\"text\" must be a string"));
    CHECK(contains(r.problems[6].message, "2024-1-05"));
}

TEST_CASE("a record nested millions of levels deep is a bad record, not a stack overflow") {
    // RapidJSON's recursive parser overflowed the stack on a line of "[[[[..." (irkg extract crashed).
    TempDir dir("reader");
    const std::size_t depth = 2'000'000;
    write_file(dir / "deep.jsonl", std::string(depth, '[') + std::string(depth, ']') + "\n" + std::string(depth, '{') +
                                       "\n{\"id\": \"ok\", \"text\": \"After the deep lines.\"}\n");
    const auto r = read(dir / "deep.jsonl");
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].id == "ok");
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].line == 1);
    CHECK(contains(r.problems[0].message, "not a JSON object"));
    CHECK(r.problems[1].line == 2);
    CHECK(contains(r.problems[1].message, "not JSON"));
}

TEST_CASE("a raw NUL byte in a record is a bad record at its column; escaped, it is a space in the text") {
    // JSON escapes control characters, so a raw NUL is never in a valid record, wherever it is.
    TempDir dir("reader");
    using namespace std::string_literals;
    write_file(dir / "nul.jsonl", "{\"id\": \"a\", \"text\": \"x\0y\"}\n"s      // in a string
                                      "{\"id\": \"b\",\0 \"text\": \"z\"}\n"s    // between members
                                      "{\"id\": \"c\", \"text\": \"one\\u0000two\"}\n"s);
    const auto r = read(dir / "nul.jsonl");
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].line == 1);
    CHECK(contains(r.problems[0].message, "not JSON at column 23"));
    CHECK(r.problems[1].line == 2);
    CHECK(contains(r.problems[1].message, "not JSON at column 12"));
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].id == "c");
    CHECK(r.articles[0].text == "one two");
}

TEST_CASE("strict mode throws input_error naming FILE:LINE of the first bad record") {
    ReadOptions options;
    options.strict = true;
    const fs::path file = k_data / "mixed.jsonl";
    std::vector<std::string> seen;
    std::string message;
    try {
        read_articles(
            file.string(), options, [&](Article&& a) { seen.push_back(a.id); },
            [&](const ReadProblem&) { FAIL("strict mode reported a problem instead of throwing"); });
    } catch (const irkg::input_error& e) {
        message = e.what();
    }
    CHECK(contains(message, file.string() + ":4:"));
    CHECK(contains(message, "2023-02-29"));
    CHECK(seen == std::vector<std::string>{"a1", "a2"});  // records before the bad one were delivered
}

TEST_CASE("JSON Lines with a BOM, Windows line ends and blank lines") {
    TempDir dir("reader");
    write_file(dir / "crlf.jsonl",
               "\xEF\xBB\xBF{\"id\": \"x\", \"text\": \"One.\"}\r\n\r\n   \r\n{\"id\": \"y\", \"text\": \"Two.\"}\r\n");
    const auto r = read(dir / "crlf.jsonl");
    CHECK(r.problems.empty());
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].id == "x");
    CHECK(r.articles[1].id == "y");
    CHECK(r.articles[1].text == "Two.");
}

TEST_CASE("a bad line number counts blank lines") {
    TempDir dir("reader");
    write_file(dir / "lines.jsonl", "\n\n{\"id\": \"x\", \"text\": \"One.\"}\n\n{bad\n");
    ReadOptions options;
    options.strict = true;
    CHECK(contains(read_error(dir / "lines.jsonl", options), "lines.jsonl:5:"));
    const auto r = read(dir / "lines.jsonl");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 5);
}

TEST_CASE(".ndjson and upper-case extensions are JSON Lines") {
    TempDir dir("reader");
    write_file(dir / "a.NDJSON", "{\"id\": \"n\", \"text\": \"Hi.\"}\n");
    const auto r = read(dir / "a.NDJSON");
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].id == "n");
}

TEST_CASE("an empty .jsonl gives no articles and no problems") {
    TempDir dir("reader");
    write_file(dir / "empty.jsonl", "");
    const auto r = read(dir / "empty.jsonl");
    CHECK(r.count == 0);
    CHECK(r.articles.empty());
    CHECK(r.problems.empty());
}

TEST_CASE("unreadable inputs always throw input_error naming the file") {
    TempDir dir("reader");
    const auto missing = read_error(dir / "missing.jsonl");
    CHECK(contains(missing, "missing.jsonl"));
    CHECK(contains(missing, "cannot open"));

    const auto directory = read_error(dir.path());
    CHECK(contains(directory, dir.path().string()));
    CHECK(contains(directory, "directory"));

    write_file(dir / "notes.csv", "a,b\n");
    const auto unknown = read_error(dir / "notes.csv");
    CHECK(contains(unknown, "notes.csv"));
    CHECK(contains(unknown, ".csv"));
    CHECK(contains(unknown, ".jsonl"));  // says what would work
}

TEST_CASE("parse_iso_date accepts calendar dates, with leap years") {
    int y = 0, m = 0, d = 0;
    REQUIRE(parse_iso_date("2024-03-15", y, m, d));
    CHECK(y == 2024);
    CHECK(m == 3);
    CHECK(d == 15);
    CHECK(valid("2024-02-29"));   // divisible by 4
    CHECK(valid("2000-02-29"));   // divisible by 400
    CHECK_FALSE(valid("1900-02-29"));  // divisible by 100, not by 400
    CHECK_FALSE(valid("2023-02-29"));
    CHECK(valid("2023-02-28"));
    CHECK(valid("1987-12-31"));
    CHECK_FALSE(valid("2023-04-31"));
    CHECK_FALSE(valid("2023-13-01"));
    CHECK_FALSE(valid("2023-00-10"));
    CHECK_FALSE(valid("2023-01-00"));
    CHECK_FALSE(valid("2023-01-32"));
}

TEST_CASE("parse_iso_date keeps the date of a timestamp and rejects everything else") {
    CHECK(valid("2024-02-29T23:59:59Z"));
    CHECK(valid("2024-02-29 10:00"));
    CHECK_FALSE(valid("2024-02-29x"));
    CHECK_FALSE(valid(""));
    CHECK_FALSE(valid("2024-3-15"));
    CHECK_FALSE(valid("2024/03/15"));
    CHECK_FALSE(valid("15-03-2024"));
    CHECK_FALSE(valid("March 3, 1987"));
    CHECK_FALSE(valid("2024-03-1"));
    CHECK_FALSE(valid("2024-0a-15"));
}
