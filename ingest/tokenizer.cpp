#include "tokenizer.hpp"

#include <array>

namespace irkg::ingest {

namespace {

// ASCII classes without the C library's locale lookups (irkg never sets a locale: these are the "C"
// locale's answers), inlined because the tokenizer asks them for every byte of every article.
constexpr bool ascii_upper(unsigned c) { return c - 'A' < 26U; }
constexpr bool ascii_lower(unsigned c) { return c - 'a' < 26U; }
constexpr bool ascii_digit(unsigned c) { return c - '0' < 10U; }
constexpr bool ascii_alpha(unsigned c) { return ascii_upper(c) || ascii_lower(c); }
constexpr char ascii_tolower(unsigned c) { return static_cast<char>(ascii_upper(c) ? c + 32 : c); }

/// Byte classes for the tokenizer's ASCII fast path: one table load per byte instead of range tests.
constexpr unsigned char k_letter = 1, k_upper = 2, k_digit = 4;
constexpr auto k_ascii_class = [] {
    std::array<unsigned char, 256> table{};
    for (unsigned c = 0; c < 256; ++c)
        table[c] = static_cast<unsigned char>((ascii_alpha(c) ? k_letter : 0) | (ascii_upper(c) ? k_upper : 0) |
                                              (ascii_digit(c) ? k_digit : 0));
    return table;
}();

/// Decodes the UTF-8 code point at `i`; advances `len`. Invalid bytes decode as U+FFFD, length 1.
char32_t decode(std::string_view s, std::size_t i, std::size_t& len) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        len = 1;
        return c;
    }
    int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (n == 0 || i + n > s.size()) {
        len = 1;
        return 0xFFFD;
    }
    char32_t cp = c & (0x3F >> (n - 1));
    for (int k = 1; k < n; ++k) {
        auto cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) {
            len = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    len = n;
    return cp;
}

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC; }
bool is_dquote(char32_t c) { return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB; }
bool is_dash(char32_t c) { return c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2212; }
bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 || c == 0x2009 ||
           c == 0x200B || c == 0x202F || c == 0x3000 || c == 0xFEFF || (c >= 0x2000 && c <= 0x200A);
}
bool is_letter(char32_t c) {
    if (c < 0x80) return ascii_alpha(c);
    if (c == 0xD7 || c == 0xF7 || c == 0xFFFD) return false;
    if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
    if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows
    if (c >= 0x3000 && c <= 0x303F) return false;
    if (c >= 0xFE30 && c <= 0xFE4F) return false;
    if (c >= 0xFF00 && c <= 0xFF20) return false;
    if (c >= 0x1F000) return false;  // emoji and pictographs
    return true;
}
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_upper(char32_t c) {
    if (c < 0x80) return ascii_upper(c);
    return (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F);
}

/// ASCII folding of Latin-1 and Latin Extended-A letters (enough for names in English news).
/// Returns the folded letters, or nullptr when `c` is not such a letter.
const char* fold_latin(char32_t c) {
    static const char* latin1[64] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};
    // U+0100..U+017F in order: Ā..ą c.. d.. e.. g.. h.. i.. ĳ ĵ ķĸ l.. n.. o.. œ r.. s.. t.. u.. ŵ ŷŸ z.. ſ
    static const char ext[] =
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    static const char* singles[128] = {};
    static const bool init = [] {
        static char storage[128][2];
        for (int k = 0; k < 128; ++k) {
            storage[k][0] = ext[k];
            storage[k][1] = 0;
            singles[k] = storage[k];
        }
        return true;
    }();
    (void)init;
    if (c >= 0xC0 && c <= 0xFF) return latin1[c - 0xC0];
    if (c >= 0x100 && c <= 0x17F) return singles[c - 0x100];
    return nullptr;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

void append_folded(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += ascii_tolower(c);
    } else if (is_apostrophe(c)) {
        out += '\'';
    } else if (is_dquote(c)) {
        out += '"';
    } else if (is_dash(c)) {
        out += "--";
    } else if (const char* f = fold_latin(c)) {
        out += f;
    } else if (c >= 0x391 && c <= 0x3A9) {
        append_utf8(out, c + 0x20);
    } else if (c >= 0x410 && c <= 0x42F) {
        append_utf8(out, c + 0x20);
    } else {
        append_utf8(out, c);
    }
}

}  // namespace

std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0, len = 0; i < text.size(); i += len) append_folded(out, decode(text, i, len));
    return out;
}

Tokenizer::Tokenizer(std::unordered_set<std::string> abbreviations) : abbreviations_(std::move(abbreviations)) {}

std::vector<Token> Tokenizer::tokenize(std::string_view text) const {
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 5 + 4);
    std::size_t i = 0, len = 0;
    bool space = true, newline = false, blank = false;
    int newlines = 0;
    auto push = [&](std::size_t b, std::size_t e) -> Token& {
        Token& t = tokens.emplace_back();
        t.begin = static_cast<std::uint32_t>(b);
        t.end = static_cast<std::uint32_t>(e);
        t.space_before = space;
        t.newline_before = newline;
        t.blank_line_before = blank;
        space = newline = blank = false;
        newlines = 0;
        return t;
    };
    while (i < text.size()) {
        if (const auto b = static_cast<unsigned char>(text[i]); b <= 0x20 || b == 0x7F) {  // ASCII space, control
            space = true;
            if (b == '\n') {
                newline = true;
                if (++newlines >= 2) blank = true;
            }
            ++i;
            continue;
        }
        char32_t c = decode(text, i, len);
        if (is_space(c) || c < 0x20 || c == 0x7F) {
            space = true;
            if (c == '\n') {
                newline = true;
                if (++newlines >= 2) blank = true;
            }
            i += len;
            continue;
        }
        std::size_t alen = 0;
        if ((c == 'n' || c == 'N') && i + 2 < text.size() && is_apostrophe(decode(text, i + 1, alen)) &&
            i + 1 + alen < text.size() && (text[i + 1 + alen] == 't' || text[i + 1 + alen] == 'T')) {
            std::size_t after = i + 2 + alen, l2 = 0;
            if (after >= text.size() || !is_letter(decode(text, after, l2))) {
                Token& t = push(i, after);
                t.norm = "n't";
                t.word = true;
                i = after;
                continue;
            }
        }
        if (is_letter(c) || is_digit(c)) {
            const std::size_t start = i;
            const bool digit_start = is_digit(c);
            std::size_t j = i;
            std::size_t letters = 0, uppers = 0;
            std::string norm;
            bool first_upper = is_upper(c);
            // Dotted acronym: U.S., U.S.S.R., N.Korea is not one (a lowercase letter follows).
            if (!digit_start) {
                std::size_t k = i, count = 0;
                while (k + 1 < text.size() && ascii_alpha(static_cast<unsigned char>(text[k])) && text[k + 1] == '.') {
                    k += 2;
                    ++count;
                    if (k < text.size() && !ascii_alpha(static_cast<unsigned char>(text[k]))) break;
                    if (k + 1 < text.size() && text[k + 1] != '.') break;
                }
                if (count >= 2) {
                    Token& t = push(start, k);
                    t.norm = fold(text.substr(start, k - start));
                    t.word = true;
                    t.cap = ascii_upper(static_cast<unsigned char>(text[start]));
                    t.all_caps = t.cap;
                    i = k;
                    continue;
                }
            }
            while (j < text.size()) {
                // A run of ASCII letters and digits, most of any English text: no decoding, and the
                // lowercase copy written in place.
                std::size_t run = j;
                for (; run < text.size(); ++run) {
                    const unsigned char cls = k_ascii_class[static_cast<unsigned char>(text[run])];
                    if (cls == 0) break;
                    letters += cls & k_letter;
                    uppers += (cls & k_upper) >> 1;
                }
                if (run > j) {
                    const std::size_t from = norm.size();
                    norm.resize(from + (run - j));
                    char* out = norm.data() + from;
                    for (std::size_t k = j; k < run; ++k)
                        *out++ = static_cast<char>(text[k] | ((k_ascii_class[static_cast<unsigned char>(text[k])] & k_upper) << 4));
                    j = run;
                    continue;
                }
                std::size_t l = 0;
                char32_t d = decode(text, j, l);
                if (is_letter(d) || is_digit(d)) {
                    if (is_letter(d)) {
                        ++letters;
                        if (is_upper(d)) ++uppers;
                    }
                    append_folded(norm, d);
                    j += l;
                    continue;
                }
                // Decimal and thousands separators inside numbers.
                if (digit_start && (d == '.' || d == ',') && j + 1 < text.size() &&
                    ascii_digit(static_cast<unsigned char>(text[j + 1]))) {
                    norm += static_cast<char>(d);
                    j += l;
                    continue;
                }
                if (is_apostrophe(d) && j + l < text.size()) {
                    std::size_t l2 = 0;
                    char32_t e = decode(text, j + l, l2);
                    // Possessive 's (followed by a non-letter) and n't end the word here.
                    bool possessive = (e == 's' || e == 'S') &&
                                      (j + l + l2 >= text.size() || !is_letter(decode(text, j + l + l2, l2)));
                    if (possessive) break;
                    if ((e == 't' || e == 'T') && !norm.empty() && norm.back() == 'n' &&
                        (j + l + 1 >= text.size() || !is_letter(decode(text, j + l + 1, l2)))) {
                        // "didn't" -> "did" + "n't": end the word before the n.
                        norm.pop_back();
                        --letters;
                        j -= 1;
                        break;
                    }
                    if (is_letter(e)) {  // O'Brien, d'Ivoire
                        norm += '\'';
                        j += l;
                        continue;
                    }
                }
                break;
            }
            // Abbreviations that keep their period, and initials (J.).
            if (j < text.size() && text[j] == '.' && !digit_start) {
                std::string with_dot = norm + ".";
                bool initial = letters == 1 && first_upper;
                if (initial || abbreviations_.count(with_dot)) {
                    norm = std::move(with_dot);
                    ++j;
                }
            }
            Token& t = push(start, j);
            t.norm = std::move(norm);
            t.word = true;
            t.number = digit_start;
            t.cap = first_upper;
            t.all_caps = letters >= 2 && uppers == letters;
            i = j;
            continue;
        }
        // Punctuation.
        const std::size_t start = i;
        if (is_apostrophe(c)) {
            std::size_t l2 = 0;
            if (i + len < text.size()) {
                char32_t e = decode(text, i + len, l2);
                if ((e == 's' || e == 'S') && !tokens.empty() && !space) {
                    Token& t = push(start, i + len + l2);
                    t.norm = "'s";
                    i += len + l2;
                    continue;
                }
            }
            Token& t = push(start, i + len);
            t.norm = "'";
            i += len;
            continue;
        }
        if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
            std::size_t j = i;
            while (j < text.size() && text[j] == '-') ++j;
            Token& t = push(start, j);
            t.norm = "--";
            i = j;
            continue;
        }
        if (c == '-') {
            // A hyphen with space on both sides is a dash (dateline "WASHINGTON, March 3 - ").
            bool spaced_after = i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\n';
            Token& t = push(start, i + 1);
            t.norm = (t.space_before && spaced_after) ? "--" : "-";
            i += 1;
            continue;
        }
        Token& t = push(start, i + len);
        t.norm.clear();
        append_folded(t.norm, c);
        i += len;
    }
    return tokens;
}

std::vector<std::string> phrase_norms(const Tokenizer& tokenizer, std::string_view phrase) {
    std::vector<std::string> out;
    for (auto& t : tokenizer.tokenize(phrase)) out.push_back(std::move(t.norm));
    return out;
}

}  // namespace irkg::ingest
