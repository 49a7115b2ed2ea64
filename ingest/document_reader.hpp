#pragma once
// Reads articles from .txt files, .jsonl files and standard input, one at a time (streamed).
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace irkg::ingest {

/// One article. `text` is what offsets point into: the title, a blank line, then the body.
struct Article {
    std::string id;
    std::string date;  ///< YYYY-MM-DD, or empty when unknown
    std::string text;
    std::string source;
    std::string url;
};

/// What to do with article text that is not well-formed UTF-8.
enum class InvalidUtf8 {
    replace,  ///< each ill-formed sequence becomes U+FFFD (the default; offsets then count the new bytes)
    reject,   ///< the article is a bad record, reported with the byte offset of the first bad byte
};

struct ReadOptions {
    std::string default_date;  ///< date of .txt and stdin-text articles (--date)
    bool strict = false;       ///< stop at the first bad record instead of skipping it
    InvalidUtf8 invalid_utf8 = InvalidUtf8::replace;  ///< --invalid-utf8
    /// Articles with more text than this are bad records (--max-article-bytes); 0 means no limit.
    std::uint64_t max_article_bytes = 64ull << 20;
};

/// What went wrong with one record that was skipped: file, line and reason.
struct ReadProblem {
    std::string file;
    std::uint64_t line = 0;
    std::string message;
};

/// Text is cleaned the same way for every input: a UTF-8 byte order mark at the start is dropped, NUL
/// bytes become spaces (offsets are kept), ill-formed UTF-8 is replaced or rejected (ReadOptions).
///
/// Calls `on_article` for every article of `input` in file order: a .txt file is one article (its
/// id is the file stem), a .jsonl file one article per non-empty line ({"id", "date", "title",
/// "text", "source", "url"}), "-" reads JSON Lines from standard input. A bad record is reported to
/// `on_problem` and skipped, or thrown as irkg::input_error (file, line, what is wrong) when
/// `options.strict`. An unreadable file always throws input_error.
/// Returns the number of articles read.
std::uint64_t read_articles(const std::string& input, const ReadOptions& options,
                            const std::function<void(Article&&)>& on_article,
                            const std::function<void(const ReadProblem&)>& on_problem);

/// Parses a YYYY-MM-DD date (also accepts a full ISO timestamp and keeps its date). Returns false
/// when `text` is not a valid calendar date.
bool parse_iso_date(std::string_view text, int& year, int& month, int& day);

}  // namespace irkg::ingest
