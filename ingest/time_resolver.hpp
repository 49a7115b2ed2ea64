#pragma once
// Time expressions in a sentence, resolved against the article's date.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/relation.hpp"
#include "tokenizer.hpp"

namespace irkg::ingest {

class Lexicon;

/// A calendar day as days since 1970-01-01 (proleptic Gregorian), and back.
std::int64_t days_from_civil(int year, int month, int day);
std::string civil_from_days(std::int64_t days);

/// Finds the time expression nearest a trigger in a sentence and resolves it to ISO dates:
/// yesterday/today/tomorrow, last/this/next week|month|year, weekdays (and "Wednesday to Friday"),
/// "March 3" / "3 March 2021", "in November", "August 2022", "in 1987". Relative expressions are
/// resolved backwards from the article date for asserted events and forwards for planned ones.
class TimeResolver {
public:
    explicit TimeResolver(const Lexicon& lexicon) : lexicon_(lexicon) {}

    /// The expression in tokens [first, last) closest to token `trigger`; when there is none, the
    /// article date with empty text (or an empty span when the article has no date).
    graph::TimeSpan resolve(std::string_view text, const std::vector<Token>& tokens, std::uint32_t first,
                            std::uint32_t last, std::uint32_t trigger, std::string_view article_date,
                            bool future) const;

private:
    const Lexicon& lexicon_;
};

}  // namespace irkg::ingest
