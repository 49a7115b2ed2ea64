#pragma once
// Text from articles is untrusted: it may hold broken UTF-8 or control characters that would make an
// output file unreadable (invalid JSON for Python, ill-formed XML for every GraphML reader).
#include <string>
#include <string_view>

namespace irkg::graph {

/// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool is_valid_utf8(std::string_view text);

/// `text` with every ill-formed UTF-8 sequence replaced by U+FFFD (one per maximal bad subpart, as the
/// Unicode standard recommends). Valid input comes back unchanged.
std::string to_valid_utf8(std::string_view text);

/// Decodes the code point at `text[pos]`. Returns the code point and advances `pos` past it; on an
/// ill-formed sequence returns U+FFFD and advances past the maximal bad subpart (at least one byte).
/// Precondition: pos < text.size().
char32_t next_code_point(std::string_view text, std::size_t& pos);

/// Appends the UTF-8 encoding of `cp` (which must be a Unicode scalar value) to `out`.
void append_utf8(std::string& out, char32_t cp);

}  // namespace irkg::graph
