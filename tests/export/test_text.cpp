#include <doctest/doctest.h>

#include <string>

#include "export/utf8_text.hpp"
#include "export/xml_text.hpp"

using namespace irkg::exporter;

TEST_CASE("is_valid_utf8 accepts well-formed UTF-8 only") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain ASCII"));
    CHECK(is_valid_utf8("\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"));
    CHECK(is_valid_utf8("\xEF\xBF\xBD"));            // a literal U+FFFD
    CHECK_FALSE(is_valid_utf8("\xC3"));              // truncated
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong
    CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // a surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xFF"));
    CHECK_FALSE(is_valid_utf8("\x80"));
}

TEST_CASE("to_valid_utf8 replaces each maximal bad subpart by one U+FFFD") {
    CHECK(to_valid_utf8("ok \xC3\xA9") == "ok \xC3\xA9");
    CHECK(to_valid_utf8("a\xC3(b") == "a\xEF\xBF\xBD(b");
    CHECK(to_valid_utf8("\xE2\x82") == "\xEF\xBF\xBD");  // one truncated sequence, one replacement
    CHECK(to_valid_utf8("\xF0\x9F\x98") == "\xEF\xBF\xBD");
    CHECK(to_valid_utf8("\xFF\xFE") == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(to_valid_utf8("\xED\xA0\x80") ==
          "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // as the Unicode standard's table 3-8
    CHECK(is_valid_utf8(to_valid_utf8("\xC0\xAF\xE0\x80\xF4\x90")));
}

TEST_CASE("next_code_point and append_utf8 agree") {
    for (char32_t cp : {U'\0', U'A', U'\u00E9', U'\u4E2D', U'\uFFFD', U'\U0001F600', U'\U0010FFFF'}) {
        std::string encoded;
        append_utf8(encoded, cp);
        std::size_t pos = 0;
        CHECK(next_code_point(encoded, pos) == cp);
        CHECK(pos == encoded.size());
    }
}

TEST_CASE("xml_escaped escapes markup, keeps whitespace as character references, drops forbidden characters") {
    CHECK(xml_escaped("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &apos; f");
    CHECK(xml_escaped("tab\tlf\ncr\r") == "tab&#9;lf&#10;cr&#13;");
    CHECK(xml_escaped(std::string("nul\0bell\x07 esc\x1b", 15)) == "nulbell esc");
    CHECK(xml_escaped("\xEF\xBF\xBE\xEF\xBF\xBF") == "");  // U+FFFE, U+FFFF
    CHECK(xml_escaped("bad \xC3( \xE4\xB8\xAD") == "bad \xEF\xBF\xBD( \xE4\xB8\xAD");
    std::string out = "x";
    append_xml_escaped(out, "<y>");
    CHECK(out == "x&lt;y&gt;");
}
