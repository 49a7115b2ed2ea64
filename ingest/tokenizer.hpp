#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace irkg::ingest {

/// One token of an article. Offsets are bytes into the article text; `norm` is the lowercase,
/// punctuation-folded form every lexicon is matched against (curly quotes -> ', dashes -> --,
/// accented Latin letters -> ASCII).
struct Token {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::string norm;
    bool word = false;         ///< letters or digits
    bool cap = false;          ///< first letter upper case
    bool all_caps = false;     ///< two or more letters, all upper case
    bool number = false;       ///< starts with a digit
    bool space_before = true;  ///< white space between this token and the previous one
    bool newline_before = false;
    bool blank_line_before = false;  ///< a paragraph break precedes this token

    /// The norm is `text`. Inline, unlike std::string's == with a C string (a strlen and a call).
    bool is(std::string_view text) const { return std::string_view(norm) == text; }
};

/// Splits text into tokens in one pass, without copying the text. Possessive 's and n't are tokens
/// of their own, hyphens inside words are "-" tokens, dotted abbreviations (U.S., Gen.) keep their period.
class Tokenizer {
public:
    /// `abbreviations`: lowercase words with their final period that keep it (gen., jan., mr.).
    explicit Tokenizer(std::unordered_set<std::string> abbreviations = {});

    std::vector<Token> tokenize(std::string_view text) const;

private:
    std::unordered_set<std::string> abbreviations_;
};

/// Lowercases ASCII and folds accented Latin letters and typographic punctuation in `text` (UTF-8).
std::string fold(std::string_view text);

/// The words of a lexicon phrase, as the tokenizer would produce them (norms).
std::vector<std::string> phrase_norms(const Tokenizer& tokenizer, std::string_view phrase);

}  // namespace irkg::ingest
