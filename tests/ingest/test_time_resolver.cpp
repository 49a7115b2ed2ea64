#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/lexicon.hpp"
#include "ingest/time_resolver.hpp"

using irkg::graph::TimeSpan;
using irkg::ingest::civil_from_days;
using irkg::ingest::days_from_civil;
using irkg::ingest::Lexicon;
using irkg::ingest::TimeResolver;

namespace {

/// A lexicon with only what the resolver reads: month and weekday names (as in language.json).
const Lexicon& calendar() {
    static const Lexicon lex = [] {
        Lexicon l;
        const char* months[] = {"january", "february", "march",     "april",   "may",      "june",
                                "july",    "august",   "september", "october", "november", "december"};
        for (int i = 0; i < 12; ++i) l.months.emplace(months[i], i + 1);
        l.months.emplace("jan.", 1);
        l.months.emplace("sept.", 9);
        const char* days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
        for (int i = 0; i < 7; ++i) l.weekdays.emplace(days[i], i);
        l.tokenizer = irkg::ingest::Tokenizer({"jan.", "sept."});
        return l;
    }();
    return lex;
}

/// Resolves `sentence` (one sentence) against `date`, the trigger being the token whose norm is
/// `trigger` (or the first token when empty).
TimeSpan resolve(std::string_view sentence, std::string_view date, bool future = false,
                 std::string_view trigger = "") {
    const auto tokens = calendar().tokenizer.tokenize(sentence);
    std::uint32_t t = 0;
    for (std::uint32_t i = 0; i < tokens.size(); ++i)
        if (tokens[i].norm == trigger) t = i;
    return TimeResolver(calendar()).resolve(sentence, tokens, 0, static_cast<std::uint32_t>(tokens.size()), t, date,
                                            future);
}

TimeSpan span(std::string text, std::string start, std::string end) {
    return {std::move(text), std::move(start), std::move(end)};
}

}  // namespace

// 2024-03-15 is a Friday; 2024-03-17 a Sunday.

TEST_CASE("days_from_civil counts days from 1970-01-01") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(1970, 1, 2) == 1);
    CHECK(days_from_civil(1969, 12, 31) == -1);
    CHECK(days_from_civil(2000, 3, 1) == 11017);
    CHECK(days_from_civil(2024, 3, 1) - days_from_civil(2024, 2, 28) == 2);  // leap day
    CHECK(days_from_civil(2023, 3, 1) - days_from_civil(2023, 2, 28) == 1);
    CHECK(days_from_civil(2100, 3, 1) - days_from_civil(2100, 2, 28) == 1);  // not a leap year
    CHECK(days_from_civil(2000, 3, 1) - days_from_civil(2000, 2, 28) == 2);  // a leap year
}

TEST_CASE("civil_from_days is the inverse of days_from_civil") {
    CHECK(civil_from_days(0) == "1970-01-01");
    CHECK(civil_from_days(-1) == "1969-12-31");
    CHECK(civil_from_days(11016) == "2000-02-29");
    CHECK(civil_from_days(days_from_civil(1600, 2, 29)) == "1600-02-29");
    // Every day from 1899 to 2101 survives the round trip and the days are consecutive.
    const std::int64_t from = days_from_civil(1899, 1, 1), to = days_from_civil(2101, 12, 31);
    int y = 1899, m = 1, d = 1;
    std::string first_bad;
    for (std::int64_t day = from; day <= to && first_bad.empty(); ++day) {
        char expected[40];
        std::snprintf(expected, sizeof expected, "%04d-%02d-%02d", y, m, d);
        if (civil_from_days(day) != expected || days_from_civil(y, m, d) != day) first_bad = expected;
        const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        const int length[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (++d > length[m - 1]) {
            d = 1;
            if (++m > 12) m = 1, ++y;
        }
    }
    CHECK(first_bad == "");
    CHECK(y == 2102);
}

TEST_CASE("yesterday, today and tomorrow are relative to the article date") {
    CHECK(resolve("China attacked Japan yesterday.", "2024-03-01") == span("yesterday", "2024-02-29", "2024-02-29"));
    CHECK(resolve("They meet today.", "2024-12-31") == span("today", "2024-12-31", "2024-12-31"));
    CHECK(resolve("They meet tomorrow.", "2024-12-31", true) == span("tomorrow", "2025-01-01", "2025-01-01"));
}

TEST_CASE("last, this and next week are Monday-to-Sunday weeks") {
    CHECK(resolve("Talks resume next week.", "2024-03-15", true) == span("next week", "2024-03-18", "2024-03-24"));
    CHECK(resolve("Talks ended last week.", "2024-03-15") == span("last week", "2024-03-04", "2024-03-10"));
    CHECK(resolve("Talks end this week.", "2024-03-17") == span("this week", "2024-03-11", "2024-03-17"));
    // From a Monday, next week starts seven days later.
    CHECK(resolve("Talks resume next week.", "2024-03-18", true) == span("next week", "2024-03-25", "2024-03-31"));
    // Across a year end.
    CHECK(resolve("Talks resume next week.", "2024-12-28", true) == span("next week", "2024-12-30", "2025-01-05"));
}

TEST_CASE("last and next month and year are whole calendar units") {
    CHECK(resolve("They met last month.", "2024-03-15") == span("last month", "2024-02-01", "2024-02-29"));
    CHECK(resolve("They met last month.", "2023-03-15") == span("last month", "2023-02-01", "2023-02-28"));
    CHECK(resolve("They met last month.", "2024-01-10") == span("last month", "2023-12-01", "2023-12-31"));
    CHECK(resolve("They meet next month.", "2024-12-10", true) == span("next month", "2025-01-01", "2025-01-31"));
    CHECK(resolve("They met last year.", "2024-03-15") == span("last year", "2023-01-01", "2023-12-31"));
    CHECK(resolve("They meet next year.", "2024-03-15", true) == span("next year", "2025-01-01", "2025-12-31"));
}

TEST_CASE("a weekday is the last such day for past events, the next for planned ones") {
    // Sunday 2024-03-17: Friday was two days ago.
    CHECK(resolve("They met on Friday.", "2024-03-17") == span("Friday", "2024-03-15", "2024-03-15"));
    CHECK(resolve("They meet on Friday.", "2024-03-17", true) == span("Friday", "2024-03-22", "2024-03-22"));
    // The article's own weekday is the article date.
    CHECK(resolve("They met on Friday.", "2024-03-15") == span("Friday", "2024-03-15", "2024-03-15"));
    CHECK(resolve("They meet on Friday.", "2024-03-15", true) == span("Friday", "2024-03-15", "2024-03-15"));
}

TEST_CASE("last and next with a weekday never mean the article date itself") {
    CHECK(resolve("They met last Friday.", "2024-03-15") == span("last Friday", "2024-03-08", "2024-03-08"));
    CHECK(resolve("They met last Tuesday.", "2024-03-15") == span("last Tuesday", "2024-03-12", "2024-03-12"));
    CHECK(resolve("They meet next Monday.", "2024-03-15", true) == span("next Monday", "2024-03-18", "2024-03-18"));
    CHECK(resolve("They meet next Friday.", "2024-03-15", true) == span("next Friday", "2024-03-22", "2024-03-22"));
}

TEST_CASE("Wednesday to Friday is a range of days") {
    CHECK(resolve("Talks ran from Wednesday to Friday.", "2024-03-17") ==
          span("Wednesday to Friday", "2024-03-13", "2024-03-15"));
    CHECK(resolve("Talks run from Wednesday to Friday.", "2024-03-17", true) ==
          span("Wednesday to Friday", "2024-03-20", "2024-03-22"));
    CHECK(resolve("Talks ran Monday through Wednesday.", "2024-03-17") ==
          span("Monday through Wednesday", "2024-03-11", "2024-03-13"));
    // A range ending on the article's own weekday ends on the article date.
    CHECK(resolve("Talks ran from Wednesday to Friday.", "2024-03-15") ==
          span("Wednesday to Friday", "2024-03-13", "2024-03-15"));
}

TEST_CASE("in November is the last November for past events and the next for planned ones") {
    CHECK(resolve("They met in November.", "2024-03-15") == span("November", "2023-11-01", "2023-11-30"));
    CHECK(resolve("They will meet in November.", "2024-03-15", true) == span("November", "2024-11-01", "2024-11-30"));
    CHECK(resolve("They met in February.", "2024-03-15") == span("February", "2024-02-01", "2024-02-29"));
    CHECK(resolve("They will meet in February.", "2024-03-15", true) ==
          span("February", "2025-02-01", "2025-02-28"));
    // The article's own month is this month either way.
    CHECK(resolve("They met in March.", "2024-03-15") == span("March", "2024-03-01", "2024-03-31"));
}

TEST_CASE("a bare month name without in, a day or a year is not a time expression") {
    CHECK(resolve("March on.", "2024-03-15") == span("", "2024-03-15", "2024-03-15"));
}

TEST_CASE("explicit dates: March 3, 1987; 3 March 2021; August 2022; in 1987") {
    CHECK(resolve("They met on March 3, 1987.", "2024-03-15") == span("March 3, 1987", "1987-03-03", "1987-03-03"));
    CHECK(resolve("They met on 3 March 2021.", "2024-03-15") == span("3 March 2021", "2021-03-03", "2021-03-03"));
    CHECK(resolve("They met in August 2022.", "2024-03-15") == span("August 2022", "2022-08-01", "2022-08-31"));
    CHECK(resolve("They met in 1987.", "2024-03-15") == span("1987", "1987-01-01", "1987-12-31"));
    CHECK(resolve("They met on Jan. 5.", "2024-03-15") == span("Jan. 5", "2024-01-05", "2024-01-05"));
    CHECK(resolve("They met on February 29, 2000.", "2024-03-15") ==
          span("February 29, 2000", "2000-02-29", "2000-02-29"));
    // A day after the article's month, year unsaid: last year for past events.
    CHECK(resolve("They met on December 3.", "2024-03-15") == span("December 3", "2023-12-03", "2023-12-03"));
    // An explicit date needs no article date.
    CHECK(resolve("They met on March 3, 1987.", "") == span("March 3, 1987", "1987-03-03", "1987-03-03"));
}

TEST_CASE("an impossible day is not a date") {
    CHECK(resolve("They met on February 30, 2023.", "2024-03-15") == span("", "2024-03-15", "2024-03-15"));
    CHECK(resolve("They met on February 29, 2023.", "2024-03-15") == span("", "2024-03-15", "2024-03-15"));
}

TEST_CASE("may is a month only when written as one") {
    CHECK(resolve("Iran may attack Israel.", "2024-03-15") == span("", "2024-03-15", "2024-03-15"));
    CHECK(resolve("They met on May 4.", "2024-06-15") == span("May 4", "2024-05-04", "2024-05-04"));
}

TEST_CASE("without an expression the span is the article date, or empty without one") {
    CHECK(resolve("China attacked Japan.", "2024-03-15") == span("", "2024-03-15", "2024-03-15"));
    CHECK(resolve("China attacked Japan.", "") == span("", "", ""));
    CHECK(resolve("China attacked Japan.", "not a date") == span("", "", ""));
    // Relative expressions need an article date.
    CHECK(resolve("China attacked Japan yesterday.", "") == span("", "", ""));
}

TEST_CASE("the expression nearest the trigger wins") {
    const std::string_view s = "After talks last week, China attacked Japan yesterday.";
    CHECK(resolve(s, "2024-03-15", false, "attacked") == span("yesterday", "2024-03-14", "2024-03-14"));
    CHECK(resolve(s, "2024-03-15", false, "talks") == span("last week", "2024-03-04", "2024-03-10"));
}

TEST_CASE("the sentence range limits where expressions are looked for") {
    const std::string text = "They met yesterday. China attacked Japan.";
    const auto tokens = calendar().tokenizer.tokenize(text);
    // The second sentence starts at token 4 ("China").
    REQUIRE(tokens[4].norm == "china");
    const auto t = TimeResolver(calendar()).resolve(text, tokens, 4, static_cast<std::uint32_t>(tokens.size()), 5,
                                                    "2024-03-15", false);
    CHECK(t == span("", "2024-03-15", "2024-03-15"));
}
