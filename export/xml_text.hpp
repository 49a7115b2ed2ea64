#pragma once
// Escaping for XML 1.0 text and attribute values, shared by the XML-based writers (GraphML, GEXF).
#include <cstddef>
#include <string>
#include <string_view>

namespace irkg::exporter {

/// Appends `text` to `out` as XML 1.0 character data that is safe both as element content and inside
/// a double- or single-quoted attribute value:
/// - & < > " ' become entity references;
/// - tab, line feed and carriage return become character references, so attribute-value and
///   line-end normalisation in the reading parser gives back exactly the original characters;
/// - characters XML 1.0 forbids (other C0 controls, U+FFFE, U+FFFF) are dropped, since no escape
///   makes them legal;
/// - ill-formed UTF-8 becomes U+FFFD.
void append_xml_escaped(std::string& out, std::string_view text);

/// The most bytes append_xml_escaped makes of one byte of text ("&quot;" of '"').
inline constexpr std::size_t k_xml_escape_growth = 6;

/// As append_xml_escaped, into the buffer at `out`, which must have room for
/// k_xml_escape_growth * text.size() bytes; returns the end of what it wrote. For writers that fill
/// a buffer of their own.
char* write_xml_escaped(char* out, std::string_view text);

/// `text` escaped as by append_xml_escaped.
std::string xml_escaped(std::string_view text);

}  // namespace irkg::exporter
