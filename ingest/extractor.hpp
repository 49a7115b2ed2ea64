#pragma once
// Article -> relation triples: actors found through the lexicons, relations through the patterns.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "document_reader.hpp"
#include "graph/ontology.hpp"
#include "graph/relation.hpp"
#include "lexicon.hpp"
#include "sentence_splitter.hpp"
#include "time_resolver.hpp"
#include "word_index.hpp"

namespace irkg::ingest {

/// Reads one article at a time; stateless between articles and safe to share between threads.
///
/// Per sentence it finds actor mentions left to right (lexicon names and abbreviations, demonyms and
/// capitals, "[state] TITLE Name" persons, appositives, pronouns, group references, surnames of
/// persons named earlier in the article), then matches the relation patterns on the tokens between
/// mentions and fills each pattern's slots from its frame (verb, noun, passive, between, compound).
/// Confidence is the pattern's confidence times a factor per slot: 1 for an actor next to the
/// trigger, 0.9 when found across a verb group or noun phrase, 0.75 for a clause-initial fallback,
/// times 0.9 when the actor is a pronoun or group reference.
class Extractor {
public:
    /// `max_sentence_tokens` > 0: sentences with more tokens are skipped (see extract()).
    Extractor(const Lexicon& lexicon, const graph::Ontology& ontology, std::size_t max_sentence_tokens = 0);

    /// Never throws on any text; `sentences`, when given, receives the sentence count, and
    /// `long_sentences` the number of sentences skipped because they have more than
    /// max_sentence_tokens tokens. A skipped sentence gives no triples and no antecedents: the time
    /// spent on it is the tokenizer's and the splitter's, linear in its length.
    std::vector<graph::Triple> extract(const Article& article, std::uint64_t* sentences = nullptr,
                                       std::uint64_t* long_sentences = nullptr) const;

private:
    friend struct ArticleRun;
    const Lexicon& lex_;
    const graph::Ontology& ontology_;
    std::size_t max_sentence_tokens_;
    SentenceSplitter splitter_;
    TimeResolver times_;
    const graph::RelationType* holds_office_in_;
    const graph::RelationType* affiliated_with_;
    const graph::RelationType* part_of_;
    /// Lexicon persons by the folded last word of their label, to resolve "President Biden".
    std::unordered_map<std::string, std::vector<std::uint32_t>> persons_by_surname_;
    /// Lexicon persons by their label's words without initials, to resolve "Colin L. Powell".
    std::unordered_map<std::string, std::vector<std::uint32_t>> persons_by_bare_name_;
    /// The lexicon's words by id: tokens are looked up once per article, then matched by id.
    WordIndex words_;
};

}  // namespace irkg::ingest
