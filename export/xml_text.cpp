#include "xml_text.hpp"

#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "utf8_text.hpp"

namespace irkg::exporter {

namespace {

/// Bytes that cannot be copied as they are: markup, C0 controls (escaped or dropped) and every byte of
/// a multi-byte sequence (checked, since ill-formed UTF-8, U+FFFE and U+FFFF must not be copied).
constexpr std::array<bool, 256> k_special = [] {
    std::array<bool, 256> special{};
    for (int c = 0; c < 256; ++c)
        special[static_cast<std::size_t>(c)] =
            c < 0x20 || c >= 0x80 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
    return special;
}();

/// The length of the run of ordinary bytes at the start of [p, end).
std::size_t plain_run(const char* p, const char* end) {
    const char* const start = p;
#if defined(__SSE2__)
    // Text is mostly plain ASCII: 16 bytes per step. A signed compare against 0x20 also catches the
    // bytes >= 0x80 (negative as signed).
    const __m128i space = _mm_set1_epi8(0x20), amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<'),
                  gt = _mm_set1_epi8('>'), quot = _mm_set1_epi8('"'), apos = _mm_set1_epi8('\'');
    for (; end - p >= 16; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i hit = _mm_or_si128(
            _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, amp)),
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_cmpeq_epi8(v, gt)),
                         _mm_or_si128(_mm_cmpeq_epi8(v, quot), _mm_cmpeq_epi8(v, apos))));
        if (const int mask = _mm_movemask_epi8(hit))
            return static_cast<std::size_t>(p - start) + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
#endif
    while (p != end && !k_special[static_cast<unsigned char>(*p)]) ++p;
    return static_cast<std::size_t>(p - start);
}

/// Escapes `text` into `out`, anything with append(const char*, std::size_t): one loop for both the
/// string and the raw-buffer form.
template <class Out>
void escape(Out& out, std::string_view text) {
    const char* const data = text.data();
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t run = plain_run(data + pos, data + text.size());
        if (run != 0) {
            out.append(data + pos, run);
            pos += run;
            if (pos == text.size()) break;
        }
        const auto byte = static_cast<unsigned char>(data[pos]);
        if (byte < 0x80) {
            ++pos;
            switch (byte) {
                case '&':
                    out.append("&amp;", 5);
                    break;
                case '<':
                    out.append("&lt;", 4);
                    break;
                case '>':
                    out.append("&gt;", 4);
                    break;
                case '"':
                    out.append("&quot;", 6);
                    break;
                case '\'':
                    out.append("&apos;", 6);
                    break;
                case '\t':
                    out.append("&#9;", 4);
                    break;
                case '\n':
                    out.append("&#10;", 5);
                    break;
                case '\r':
                    out.append("&#13;", 5);
                    break;
                default:
                    break;  // another C0 control: XML 1.0 forbids it
            }
            continue;
        }
        const std::size_t start = pos;
        const char32_t cp = next_code_point(text, pos);
        if (cp == 0xFFFE || cp == 0xFFFF) continue;
        if (cp == 0xFFFD)
            out.append("\xEF\xBF\xBD", 3);  // U+FFFD: the bytes at start may have been an ill-formed sequence
        else
            out.append(data + start, pos - start);
    }
}

/// A buffer known to be large enough.
struct RawOut {
    char* end;
    void append(const char* text, std::size_t length) {
        std::memcpy(end, text, length);
        end += length;
    }
};

}  // namespace

void append_xml_escaped(std::string& out, std::string_view text) { escape(out, text); }

char* write_xml_escaped(char* out, std::string_view text) {
    RawOut raw{out};
    escape(raw, text);
    return raw.end;
}

std::string xml_escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_xml_escaped(out, text);
    return out;
}

}  // namespace irkg::exporter
