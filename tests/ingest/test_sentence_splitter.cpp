#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "ingest/sentence_splitter.hpp"
#include "ingest/tokenizer.hpp"

using irkg::ingest::Sentence;
using irkg::ingest::SentenceSplitter;
using irkg::ingest::Tokenizer;

namespace {

/// The sentences of `text` as the text they cover.
std::vector<std::string> split(std::string_view text, const SentenceSplitter& splitter = SentenceSplitter(),
                               const Tokenizer& tokenizer = Tokenizer()) {
    const auto tokens = tokenizer.tokenize(text);
    std::vector<std::string> out;
    for (const auto& s : splitter.split(tokens))
        out.emplace_back(text.substr(tokens[s.first].begin, tokens[s.last - 1].end - tokens[s.first].begin));
    return out;
}

using Texts = std::vector<std::string>;

}  // namespace

TEST_CASE("split ends a sentence at a period before a capital") {
    CHECK(split("China attacked Japan. Officials said so. 3 died.") ==
          Texts{"China attacked Japan.", "Officials said so.", "3 died."});
    CHECK(split("Did he? Yes! Really...") == Texts{"Did he?", "Yes!", "Really..."});
}

TEST_CASE("split keeps a period before a lowercase word inside the sentence") {
    CHECK(split("The talks ended at 5 p.m. and resumed.") == Texts{"The talks ended at 5 p.m. and resumed."});
}

TEST_CASE("split of no tokens gives no sentences; one token is one sentence") {
    CHECK(SentenceSplitter().split({}).empty());
    CHECK(split("Hello") == Texts{"Hello"});
}

TEST_CASE("split survives abbreviations the tokenizer keeps") {
    const Tokenizer tokenizer({"gen.", "jan."});
    CHECK(split("Gen. Smith met U.S. Ambassador Jones on Jan. 5 in Kabul.", SentenceSplitter(), tokenizer) ==
          Texts{"Gen. Smith met U.S. Ambassador Jones on Jan. 5 in Kabul."});
}

TEST_CASE("a starter word after an abbreviation begins a new sentence") {
    const SentenceSplitter splitter({"the"});
    CHECK(split("He held talks with the U.S. The minister left.", splitter) ==
          Texts{"He held talks with the U.S.", "The minister left."});
    // Without the starter list the abbreviation does not end the sentence.
    CHECK(split("He held talks with the U.S. The minister left.") ==
          Texts{"He held talks with the U.S. The minister left."});
    // A word that is not a starter does not end it either.
    CHECK(split("He met U.S. Secretary Blinken.", splitter) == Texts{"He met U.S. Secretary Blinken."});
}

TEST_CASE("a closing quote after the period belongs to the sentence") {
    CHECK(split("He said \"no.\" Then he left.") == Texts{"He said \"no.\"", "Then he left."});
    CHECK(split("(It ended.) Then talks began.") == Texts{"(It ended.)", "Then talks began."});
}

TEST_CASE("a paragraph break always ends a sentence") {
    CHECK(split("Iran Talks Resume\n\nthe talks resumed in Vienna.") ==
          Texts{"Iran Talks Resume", "the talks resumed in Vienna."});
}

TEST_CASE("a new line ends a sentence after a period or before a capital, not before a lowercase word") {
    CHECK(split("first line.\nsecond line") == Texts{"first line.", "second line"});
    CHECK(split("A headline\nBody text here") == Texts{"A headline", "Body text here"});
    CHECK(split("a sentence wrapped\nat the margin.") == Texts{"a sentence wrapped\nat the margin."});
}

TEST_CASE("sentences are contiguous and cover every token") {
    const std::string text = "One. Two, three.\n\nFour \"five.\" Six? seven";
    const auto tokens = Tokenizer().tokenize(text);
    const auto sentences = SentenceSplitter().split(tokens);
    REQUIRE_FALSE(sentences.empty());
    CHECK(sentences.front().first == 0);
    CHECK(sentences.back().last == tokens.size());
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        CHECK(sentences[i].first < sentences[i].last);
        if (i > 0) CHECK(sentences[i - 1].last == sentences[i].first);
    }
}

TEST_CASE("headlines in capitals or Title Case are marked shouting, ordinary sentences are not") {
    auto shouting = [](std::string_view text) {
        const auto tokens = Tokenizer().tokenize(text);
        const auto sentences = SentenceSplitter().split(tokens);
        REQUIRE(sentences.size() == 1);
        return sentences.front().shouting;
    };
    CHECK(shouting("CHINA WARNS JAPAN OVER ISLANDS"));
    CHECK(shouting("China Warns Japan Over Disputed Islands"));
    CHECK_FALSE(shouting("China warned Japan over the disputed islands."));
    CHECK_FALSE(shouting("NATO met."));  // too few words to tell
}

TEST_CASE("a sentence dense with names and titles, ending in a period, is not a headline") {
    auto shouting = [](std::string_view text) {
        const auto tokens = Tokenizer().tokenize(text);
        const auto sentences = SentenceSplitter().split(tokens);
        REQUIRE(sentences.size() == 1);
        return sentences.front().shouting;
    };
    CHECK_FALSE(shouting("Czech Foreign Minister Adam Lipavsky met Wang Yi."));
    CHECK_FALSE(shouting("President Biden met President Xi."));
}

TEST_CASE("a run-on sentence is cut at a comma after max_tokens") {
    std::string text;
    for (int i = 0; i < 30; ++i) text += "word, ";
    const auto tokens = Tokenizer().tokenize(text);
    const auto sentences = SentenceSplitter({}, 10).split(tokens);
    CHECK(sentences.size() > 1);
    for (const auto& s : sentences) {
        CHECK(s.last - s.first <= 11);
        // Each cut is right after a comma.
        if (s.last < tokens.size()) CHECK(tokens[s.last - 1].norm == ",");
    }
    // The default limit leaves it whole.
    CHECK(SentenceSplitter().split(tokens).size() == 1);
}
