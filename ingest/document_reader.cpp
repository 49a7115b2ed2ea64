#include "document_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <cstring>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "graph/errors.hpp"
#include "graph/utf8_text.hpp"

namespace irkg::ingest {

namespace fs = std::filesystem;

namespace {

void strip_bom(std::string& s) {
    if (s.size() >= 3 && s.compare(0, 3, "\xEF\xBB\xBF") == 0) s.erase(0, 3);
}

bool blank(std::string_view s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
    return true;
}

/// Builds the article text: title, blank line, body (offsets in evidence point into this).
std::string article_text(std::string_view title, std::string_view body) {
    std::string text;
    if (!blank(title)) {
        text.reserve(title.size() + 2 + body.size());
        text.append(title);
        text.append("\n\n");
    }
    text.append(body);
    return text;
}

/// The byte offset of the first ill-formed UTF-8 sequence in `text`, or npos.
std::size_t first_invalid_utf8(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto c = static_cast<unsigned char>(text[pos]);
        if (c < 0x80) {
            ++pos;
            continue;
        }
        const std::size_t start = pos;
        const char32_t cp = graph::next_code_point(text, pos);
        if (cp == 0xFFFD && !(pos - start == 3 && text.compare(start, 3, "\xEF\xBF\xBD") == 0)) return start;
    }
    return std::string_view::npos;
}

/// Applies the cleaning every input gets (see read_articles); returns an error message for a record
/// that must be rejected, or empty.
std::string clean_text(std::string& text, const ReadOptions& options) {
    if (options.max_article_bytes > 0 && text.size() > options.max_article_bytes)
        return fmt::format("the article has {} bytes of text, more than --max-article-bytes {}; raise the limit or "
                           "split the article",
                           text.size(), options.max_article_bytes);
    std::replace(text.begin(), text.end(), '\0', ' ');
    if (graph::is_valid_utf8(text)) return {};
    if (options.invalid_utf8 == InvalidUtf8::reject)
        return fmt::format("the text is not valid UTF-8 (first bad byte at offset {} of the article text); fix the "
                           "encoding, or use --invalid-utf8 replace",
                           first_invalid_utf8(text));
    text = graph::to_valid_utf8(text);
    return {};
}

/// Parses one JSON Lines record into `article`; returns an error message, or empty when fine.
std::string parse_record(const std::string& line, Article& article) {
    rapidjson::Document doc;
    // Iterative: the default parser recurses once per nesting level, and a line of "[[[[..." overflowed the stack.
    doc.Parse<rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseIterativeFlag>(line.c_str());
    if (doc.HasParseError())
        return fmt::format("not JSON at column {}: {}", doc.GetErrorOffset() + 1,
                           rapidjson::GetParseError_En(doc.GetParseError()));
    if (!doc.IsObject()) return "the record is not a JSON object; each line must be {\"id\", \"date\", \"text\", ...}";
    auto text_of = [&](const char* name, bool required, std::string& out) -> std::string {
        auto it = doc.FindMember(name);
        if (it == doc.MemberEnd() || it->value.IsNull()) {
            return required ? fmt::format("\"{}\" is missing; every article needs one", name) : std::string();
        }
        if (it->value.IsString()) {
            out.assign(it->value.GetString(), it->value.GetStringLength());
        } else if (it->value.IsInt64() && std::string_view(name) == "id") {
            out = std::to_string(it->value.GetInt64());
        } else {
            return fmt::format("\"{}\" must be a string", name);
        }
        return {};
    };
    std::string title, body, error;
    if (!(error = text_of("id", true, article.id)).empty()) return error;
    if (article.id.empty()) return "\"id\" is empty; every article needs a unique id";
    if (!(error = text_of("text", true, body)).empty()) return error;
    if (!(error = text_of("title", false, title)).empty()) return error;
    if (!(error = text_of("date", false, article.date)).empty()) return error;
    if (!(error = text_of("source", false, article.source)).empty()) return error;
    if (!(error = text_of("url", false, article.url)).empty()) return error;
    if (!article.date.empty()) {
        int y, m, d;
        if (!parse_iso_date(article.date, y, m, d))
            return fmt::format("\"date\" \"{}\" is not a date; write YYYY-MM-DD", article.date);
        article.date = fmt::format("{:04}-{:02}-{:02}", y, m, d);
    }
    article.text = article_text(title, body);
    return {};
}

/// Counts bad records against --max-errors and hands them on (or throws with --strict).
void report(const ReadProblem& problem, const ReadOptions& options,
            const std::function<void(const ReadProblem&)>& on_problem) {
    if (options.strict)
        throw input_error(fmt::format("{}:{}: {} (--strict stops at the first bad record)", problem.file,
                                      problem.line, problem.message));
    on_problem(problem);
}

std::uint64_t read_jsonl(std::istream& in, const std::string& name, const ReadOptions& options,
                         const std::function<void(Article&&)>& on_article,
                         const std::function<void(const ReadProblem&)>& on_problem) {
    std::uint64_t count = 0, line_no = 0;
    std::string line;
    while (std::getline(in, line)) {
        ++line_no;
        if (line_no == 1) strip_bom(line);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (blank(line)) continue;
        Article article;
        std::string error = parse_record(line, article);
        if (error.empty()) error = clean_text(article.text, options);
        if (!error.empty()) {
            report(ReadProblem{name, line_no, std::move(error)}, options, on_problem);
            continue;
        }
        if (article.date.empty()) article.date = options.default_date;
        on_article(std::move(article));
        ++count;
    }
    if (in.bad()) throw input_error(fmt::format("{}: read error after line {}", name, line_no));
    return count;
}

}  // namespace

bool parse_iso_date(std::string_view text, int& year, int& month, int& day) {
    if (text.size() < 10) return false;
    if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return false;
    auto digits = [&](std::size_t from, std::size_t n, int& out) {
        out = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (text[i] < '0' || text[i] > '9') return false;
            out = out * 10 + (text[i] - '0');
        }
        return true;
    };
    if (!digits(0, 4, year) || text[4] != '-' || !digits(5, 2, month) || text[7] != '-' || !digits(8, 2, day))
        return false;
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::uint64_t read_articles(const std::string& input, const ReadOptions& options,
                            const std::function<void(Article&&)>& on_article,
                            const std::function<void(const ReadProblem&)>& on_problem) {
    if (input == "-") return read_jsonl(std::cin, "<stdin>", options, on_article, on_problem);
    const fs::path path(input);
    std::error_code ec;
    if (fs::is_directory(path, ec))
        throw input_error(fmt::format("{}: is a directory; give the .txt or .jsonl files in it", input));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw input_error(fmt::format("{}: cannot open: {}", input, std::strerror(errno)));
    std::string ext = path.extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".jsonl" || ext == ".ndjson") return read_jsonl(in, input, options, on_article, on_problem);
    if (ext != ".txt" && ext != ".text")
        throw input_error(fmt::format("{}: unknown input type \"{}\"; irkg reads .txt (one article) and .jsonl "
                                      "(one article per line)",
                                      input, ext));
    std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw input_error(fmt::format("{}: read error", input));
    strip_bom(body);
    Article article;
    article.id = path.stem().string();
    article.date = options.default_date;
    article.text = std::move(body);
    if (std::string error = clean_text(article.text, options); !error.empty()) {
        report(ReadProblem{input, 0, std::move(error)}, options, on_problem);
        return 0;
    }
    on_article(std::move(article));
    return 1;
}

}  // namespace irkg::ingest
