#include "sentence_splitter.hpp"

namespace irkg::ingest {

namespace {

bool terminal(const Token& t) { return t.is(".") || t.is("!") || t.is("?") || t.is("..."); }
bool closer(const Token& t) { return t.is("\"") || t.is("'") || t.is(")") || t.is("]"); }
bool opens_sentence(const Token& t) { return t.cap || t.number || t.is("\"") || t.is("(") || t.is("'"); }

bool is_shouting(const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t last) {
    std::size_t words = 0, caps = 0, all_caps = 0;
    for (auto i = first; i < last; ++i) {
        const Token& t = tokens[i];
        if (!t.word || t.number || t.norm.size() < 2) continue;
        ++words;
        if (t.all_caps) ++all_caps;
        if (t.cap) ++caps;
    }
    if (words < 3) return false;
    if (all_caps * 10 >= words * 8) return true;
    // Title Case: nearly every word, short function words aside, is capitalised, and no full stop
    // ends it (headlines have none; "Czech Foreign Minister Adam Lipavsky met Wang Yi." is prose).
    if (tokens[last - 1].is(".")) return false;
    return words >= 4 && caps * 10 >= words * 8;
}

}  // namespace

SentenceSplitter::SentenceSplitter(std::unordered_set<std::string> starters, std::size_t max_tokens)
    : starters_(std::move(starters)), max_tokens_(max_tokens) {}

std::vector<Sentence> SentenceSplitter::split(const std::vector<Token>& tokens) const {
    std::vector<Sentence> out;
    const auto n = static_cast<std::uint32_t>(tokens.size());
    std::uint32_t start = 0;
    auto close = [&](std::uint32_t end) {
        if (end > start) out.push_back({start, end, is_shouting(tokens, start, end)});
        start = end;
    };
    for (std::uint32_t k = 1; k < n; ++k) {
        const Token& t = tokens[k];
        const Token& prev = tokens[k - 1];
        bool boundary = false;
        if (t.blank_line_before) {
            boundary = true;
        } else if (t.newline_before && (terminal(prev) || opens_sentence(t))) {
            boundary = true;
        } else if (terminal(prev) && opens_sentence(t) && t.space_before) {
            boundary = true;
        } else if (closer(prev) && k >= 2 && terminal(tokens[k - 2]) && opens_sentence(t) && t.space_before) {
            boundary = true;
        } else if (prev.word && prev.norm.size() > 2 && prev.norm.back() == '.' && t.cap && t.space_before &&
                   starters_.count(t.norm)) {
            boundary = true;  // "... talks with the U.S. The minister said"
        } else if (k - start >= max_tokens_ && (prev.is(",") || prev.is(";"))) {
            boundary = true;  // a run-on "sentence" (tables, lists): cut at a comma
        }
        if (boundary) close(k);
    }
    close(n);
    return out;
}

}  // namespace irkg::ingest
