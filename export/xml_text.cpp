#include "xml_text.hpp"

#include "utf8_text.hpp"

namespace irkg::exporter {

void append_xml_escaped(std::string& out, std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t cp = next_code_point(text, pos);
        switch (cp) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            case '\t':
                out += "&#9;";
                break;
            case '\n':
                out += "&#10;";
                break;
            case '\r':
                out += "&#13;";
                break;
            default:
                if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) break;
                if (cp == 0xFFFD)
                    append_utf8(out, cp);  // the bytes at start may have been an ill-formed sequence
                else
                    out.append(text.substr(start, pos - start));
        }
    }
}

std::string xml_escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_xml_escaped(out, text);
    return out;
}

}  // namespace irkg::exporter
