#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "ingest/tokenizer.hpp"

using irkg::ingest::fold;
using irkg::ingest::phrase_norms;
using irkg::ingest::Token;
using irkg::ingest::Tokenizer;

namespace {

std::vector<std::string> norms(const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.push_back(t.norm);
    return out;
}

std::vector<std::string> norms(std::string_view text, const Tokenizer& tokenizer = Tokenizer()) {
    return norms(tokenizer.tokenize(text));
}

/// The bytes of `text` each token covers.
std::vector<std::string> surfaces(std::string_view text, const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.emplace_back(text.substr(t.begin, t.end - t.begin));
    return out;
}

using Words = std::vector<std::string>;

}  // namespace

TEST_CASE("tokenize splits words and punctuation and lowercases the norm") {
    const std::string text = "China attacked Japan, officials said.";
    const auto tokens = Tokenizer().tokenize(text);
    CHECK(norms(tokens) == Words{"china", "attacked", "japan", ",", "officials", "said", "."});
    CHECK(surfaces(text, tokens) == Words{"China", "attacked", "Japan", ",", "officials", "said", "."});
    CHECK(tokens[0].word);
    CHECK(tokens[0].cap);
    CHECK_FALSE(tokens[0].all_caps);
    CHECK_FALSE(tokens[1].cap);
    CHECK_FALSE(tokens[3].word);
    CHECK(tokens[0].space_before);  // the start of the text counts as white space
    CHECK_FALSE(tokens[3].space_before);
    CHECK(tokens[4].space_before);
}

TEST_CASE("tokenize of empty or blank text gives no tokens") {
    CHECK(Tokenizer().tokenize("").empty());
    CHECK(Tokenizer().tokenize(" \t\r\n\n ").empty());
}

TEST_CASE("dotted acronyms keep their periods and count as all caps") {
    const auto tokens = Tokenizer().tokenize("The U.S. and the U.S.S.R. met.");
    CHECK(norms(tokens) == Words{"the", "u.s.", "and", "the", "u.s.s.r.", "met", "."});
    CHECK(tokens[1].all_caps);
    CHECK(tokens[1].cap);
    CHECK(tokens[4].all_caps);
}

TEST_CASE("all_caps needs two letters or more, all upper case") {
    const auto tokens = Tokenizer().tokenize("NATO A Nato G7");
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[0].all_caps);
    CHECK_FALSE(tokens[1].all_caps);
    CHECK(tokens[1].cap);
    CHECK_FALSE(tokens[2].all_caps);
    CHECK_FALSE(tokens[3].all_caps);  // one letter only
}

TEST_CASE("possessive 's and n't are tokens of their own") {
    CHECK(norms("China's navy") == Words{"china", "'s", "navy"});
    CHECK(norms("Russia didn't attack") == Words{"russia", "did", "n't", "attack"});
    CHECK(norms("Russia DIDN'T attack") == Words{"russia", "did", "n't", "attack"});
    CHECK(norms("They can't") == Words{"they", "ca", "n't"});
    CHECK(norms("won't.") == Words{"wo", "n't", "."});
    // A curly apostrophe is folded to the straight one.
    CHECK(norms("China\xE2\x80\x99s navy") == Words{"china", "'s", "navy"});
    CHECK(norms("didn\xE2\x80\x99t") == Words{"did", "n't"});
}

TEST_CASE("n't offsets cover exactly the n't bytes") {
    const std::string text = "didn't go";
    const auto tokens = Tokenizer().tokenize(text);
    CHECK(surfaces(text, tokens) == Words{"did", "n't", "go"});
    CHECK_FALSE(tokens[1].space_before);
}

TEST_CASE("apostrophes inside names stay in the word") {
    CHECK(norms("O'Brien met Cote d'Ivoire") == Words{"o'brien", "met", "cote", "d'ivoire"});
}

TEST_CASE("hyphens inside words are tokens, a spaced hyphen is a dash") {
    auto tokens = Tokenizer().tokenize("Sino-US talks");
    CHECK(norms(tokens) == Words{"sino", "-", "us", "talks"});
    CHECK_FALSE(tokens[1].space_before);
    CHECK_FALSE(tokens[2].space_before);
    CHECK(norms("WASHINGTON, March 3 - The") == Words{"washington", ",", "march", "3", "--", "the"});
    CHECK(norms("a -- b") == Words{"a", "--", "b"});
    CHECK(norms("a---b") == Words{"a", "--", "b"});
    // Typographic dashes fold to "--".
    CHECK(norms("a \xE2\x80\x94 b") == Words{"a", "--", "b"});
    CHECK(norms("a \xE2\x80\x93 b") == Words{"a", "--", "b"});
}

TEST_CASE("abbreviations keep their period only when listed; capital initials always do") {
    CHECK(norms("Gen. Smith") == Words{"gen", ".", "smith"});
    const Tokenizer with({"gen.", "jan."});
    CHECK(norms("Gen. Smith", with) == Words{"gen.", "smith"});
    CHECK(norms("on Jan. 5", with) == Words{"on", "jan.", "5"});
    CHECK(norms("George W. Bush") == Words{"george", "w.", "bush"});
    // A lowercase single letter is not an initial.
    CHECK(norms("plan b.") == Words{"plan", "b", "."});
}

TEST_CASE("numbers keep decimal and thousands separators") {
    const auto tokens = Tokenizer().tokenize("1,000.5 troops, 3rd time, 2024.");
    CHECK(norms(tokens) == Words{"1,000.5", "troops", ",", "3rd", "time", ",", "2024", "."});
    CHECK(tokens[0].number);
    CHECK(tokens[0].word);
    CHECK(tokens[3].number);
    CHECK_FALSE(tokens[1].number);
}

TEST_CASE("accented Latin letters fold to ASCII in the norm, offsets stay on the original bytes") {
    const std::string text = "Erdo\xC4\x9F" "an met S\xC3\xA1nchez";
    const auto tokens = Tokenizer().tokenize(text);
    CHECK(norms(tokens) == Words{"erdogan", "met", "sanchez"});
    CHECK(surfaces(text, tokens) == Words{"Erdo\xC4\x9F" "an", "met", "S\xC3\xA1nchez"});
    CHECK(tokens[0].cap);
    // An upper-case accented first letter still counts as capitalised.
    CHECK(Tokenizer().tokenize("\xC3\x89lys\xC3\xA9" "e")[0].cap);
    CHECK(norms("\xC3\x89lys\xC3\xA9" "e") == Words{"elysee"});
}

TEST_CASE("double quotes fold to a straight quote token") {
    CHECK(norms("\xE2\x80\x9CNo\xE2\x80\x9D") == Words{"\"", "no", "\""});
    CHECK(norms("\"No\"") == Words{"\"", "no", "\""});
}

TEST_CASE("line and paragraph breaks are recorded on the next token") {
    const auto tokens = Tokenizer().tokenize("Title\nline two\n\nBody");
    REQUIRE(tokens.size() == 4);
    CHECK_FALSE(tokens[0].newline_before);
    CHECK(tokens[1].newline_before);
    CHECK_FALSE(tokens[1].blank_line_before);
    CHECK_FALSE(tokens[2].newline_before);
    CHECK(tokens[3].newline_before);
    CHECK(tokens[3].blank_line_before);
    // Windows line ends are paragraph breaks too.
    CHECK(Tokenizer().tokenize("a\r\n\r\nb")[1].blank_line_before);
}

TEST_CASE("non-breaking and other Unicode spaces separate tokens") {
    CHECK(norms("a\xC2\xA0" "b\xE2\x80\x89" "c\xE3\x80\x80" "d") == Words{"a", "b", "c", "d"});
}

TEST_CASE("invalid UTF-8 never crashes and never yields a word") {
    const std::string text = "China \xFF\xFE attacked \xC3 Japan \xE2\x82";
    const auto tokens = Tokenizer().tokenize(text);
    for (const auto& t : tokens) {
        CHECK(t.begin <= t.end);
        CHECK(t.end <= text.size());
    }
    std::vector<std::string> words;
    for (const auto& t : tokens)
        if (t.word) words.push_back(t.norm);
    CHECK(words == Words{"china", "attacked", "japan"});
}

TEST_CASE("tokens are ordered and do not overlap") {
    const std::string text = "U.S. Secretary of State Antony Blinken, 60, didn't say \xE2\x80\x9Cno\xE2\x80\x9D -- twice.";
    const auto tokens = Tokenizer({"gen."}).tokenize(text);
    REQUIRE_FALSE(tokens.empty());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        CHECK(tokens[i].begin < tokens[i].end);
        if (i > 0) CHECK(tokens[i - 1].end <= tokens[i].begin);
    }
}

TEST_CASE("fold lowercases and folds punctuation and accents") {
    CHECK(fold("Wang YI") == "wang yi");
    CHECK(fold("S\xC3\xA3o Tom\xC3\xA9") == "sao tome");
    CHECK(fold("\xC3\x9F") == "ss");
    CHECK(fold("\xC3\x86") == "ae");
    CHECK(fold("\xC5\x81\xC3\xB3" "d\xC5\xBA") == "lodz");
    CHECK(fold("it\xE2\x80\x99s") == "it's");
    CHECK(fold("\xE2\x80\x9Cq\xE2\x80\x9D") == "\"q\"");
    CHECK(fold("1\xE2\x80\x93" "2") == "1--2");
    CHECK(fold("") == "");
    // Greek and Cyrillic capitals are lowercased.
    CHECK(fold("\xCE\x91") == "\xCE\xB1");
    CHECK(fold("\xD0\x9C") == "\xD0\xBC");
    // An invalid byte becomes U+FFFD.
    CHECK(fold("a\xFF") == "a\xEF\xBF\xBD");
}

TEST_CASE("phrase_norms splits a lexicon phrase as the tokenizer would") {
    const Tokenizer tokenizer;
    CHECK(phrase_norms(tokenizer, "Secretary of State") == Words{"secretary", "of", "state"});
    CHECK(phrase_norms(tokenizer, "People's Republic of China") == Words{"people", "'s", "republic", "of", "china"});
    CHECK(phrase_norms(tokenizer, "U.S.") == Words{"u.s."});
    CHECK(phrase_norms(tokenizer, "Guinea-Bissau") == Words{"guinea", "-", "bissau"});
    CHECK(phrase_norms(tokenizer, "").empty());
}
