#include "utf8_text.hpp"

namespace irkg::graph {

namespace {
constexpr char32_t k_replacement = 0xFFFD;

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

char32_t next_code_point(std::string_view text, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    std::size_t length = 0;
    char32_t cp = 0;
    // The second byte's allowed range excludes overlong forms, surrogates and values past U+10FFFF
    // (Unicode Table 3-7), so a sequence that passes needs no further range check.
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        cp = lead & 0x0F;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        cp = lead & 0x07;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;
    } else {
        ++pos;
        return k_replacement;
    }
    std::size_t i = pos + 1;
    for (std::size_t k = 1; k < length; ++k, ++i) {
        if (i >= text.size()) {
            pos = i;
            return k_replacement;
        }
        const unsigned char c = byte(i);
        const bool ok = k == 1 ? (c >= low && c <= high) : is_continuation(c);
        if (!ok) {
            pos = i;  // the bad byte starts the next sequence
            return k_replacement;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    pos = i;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_valid_utf8(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        if (next_code_point(text, pos) == k_replacement) {
            // A literal U+FFFD in the text is valid (3 bytes EF BF BD); a decoding failure is not.
            if (pos - start != 3 || text.substr(start, 3) != "\xEF\xBF\xBD") return false;
        }
    }
    return true;
}

std::string to_valid_utf8(std::string_view text) {
    if (is_valid_utf8(text)) return std::string(text);
    std::string out;
    out.reserve(text.size() + 8);
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t cp = next_code_point(text, pos);
        if (cp == k_replacement)
            append_utf8(out, k_replacement);
        else
            out.append(text.substr(start, pos - start));
    }
    return out;
}

}  // namespace irkg::graph
