#pragma once
#include <string>
#include <string_view>

#include "writer.hpp"

namespace irkg::exporter {

/// Graphviz DOT for a readable picture with neato, sfdp or dot (and `irkg render`):
/// `digraph irkg { ... }` with graph attributes overlap=false, splines=true, outputorder=edgesfirst
/// and one font for everything.
///
/// Nodes: the quoted entity id, label = entity label, fillcolor by entity type (palette.hpp, the
/// colours of GraphML and GEXF), fontsize and width growing with the square root of the weighted
/// degree (the mentions on the node's edges, a self-loop once; fontsize 10 to 32, width 0.6 to 3 in),
/// tooltip = id, type and country. Edges: label = predicate, penwidth 1 + log2(mentions) (at most 8),
/// color by Goldstein score (palette.hpp: red at -10, grey at 0, green at +10), dir=none for a
/// symmetric relation, tooltip = predicate, date range and mention count.
///
/// Text goes through dot_quoted(): valid UTF-8 with the control characters removed, so names with
/// markup characters, quotes, emoji and right-to-left script come out as they were. Nodes come in
/// sorted_vertices() order and edges in sorted_edges() order, numbers with two decimals: the same
/// graph always gives the same bytes.
class DotWriter final : public Writer {
public:
    explicit DotWriter(const WriterOptions& options = {});
    /// Throws irkg::input_error when a Goldstein score is not a finite number.
    void write(const graph::KnowledgeGraph& graph, std::ostream& out) const override;
};

/// What a DOT string is used for, which decides how much Graphviz would read into it.
enum class DotText {
    id,     ///< a node name: kept as it is, so it matches the ids of the other exports
    label,  ///< a label or tooltip, where Graphviz decodes HTML entities: '&' is written "&amp;"
};

/// `text` as a DOT double-quoted string, quotes included. `"` and `\` are escaped with a backslash
/// (Graphviz reads a lone backslash in a label as an escape such as \N or \l); a line break (LF, CR
/// or CRLF) becomes \n; a tab becomes a space; other control characters (C0, DEL, C1) are dropped;
/// ill-formed UTF-8 becomes U+FFFD. For DotText::label, '&' also becomes "&amp;", so that text
/// such as "&lt;" is shown as typed instead of as "<".
std::string dot_quoted(std::string_view text, DotText kind = DotText::label);

}  // namespace irkg::exporter
