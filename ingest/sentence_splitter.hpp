#pragma once
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "tokenizer.hpp"

namespace irkg::ingest {

/// A sentence as a range of tokens [first, last) of its article.
struct Sentence {
    std::uint32_t first = 0;
    std::uint32_t last = 0;
    bool shouting = false;  ///< an ALL-CAPS or Title Case headline: capitals say nothing about names
};

/// Splits an article's tokens into sentences. Survives abbreviations (U.S., Gen., Jan.) because the
/// tokenizer keeps their period; a paragraph break or a line that starts with a capital ends a sentence.
class SentenceSplitter {
public:
    /// `starters`: lowercase words that, capitalised after an abbreviation, begin a new sentence.
    explicit SentenceSplitter(std::unordered_set<std::string> starters = {}, std::size_t max_tokens = 250);

    std::vector<Sentence> split(const std::vector<Token>& tokens) const;

private:
    std::unordered_set<std::string> starters_;
    std::size_t max_tokens_;
};

}  // namespace irkg::ingest
