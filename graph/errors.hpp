#pragma once
// One error type per domain. Each carries what the user needs to fix the problem: the file,
// the line or byte offset or JSON path, the bad value, and what would fix it.
#include <stdexcept>
#include <string>

namespace irkg {

/// Bad article or graph input (unreadable file, malformed JSON Lines, a graph file that is not irkg's).
struct input_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// A lexicon or ontology file that does not load (schema violation, duplicate id, unknown reference).
struct lexicon_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// A query that cannot be answered as asked (unknown or ambiguous actor, bad option value).
struct query_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Wrong command-line usage (exit code 2).
struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace irkg
