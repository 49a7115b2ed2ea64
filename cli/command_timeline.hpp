#pragma once
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

#include "command.hpp"
#include "common_options.hpp"
#include "filter_options.hpp"
#include "graph/knowledge_graph.hpp"
#include "graph/timeline.hpp"

namespace irkg::cli {

/// `irkg timeline GRAPH ACTOR [--limit N] [--format text|json] [filters]`: every mention of every
/// relation of one actor (as subject or object) in date order, undated ones last, each with its date,
/// the relation and its direction seen from the actor, modality, confidence, evidence sentence and
/// article id. --since/--until (shared filters) choose the period.
///
/// --format json prints one JSON object and a newline (schemas/timeline-result.schema.json); every key
/// is always present:
///   {"actor": ENTITY, "filters" ("" for none), "limit", "total" (mentions), "relations", "undated",
///    "first_date", "last_date" ("" when none is dated), "truncated", "more",
///    "items": [{"time": {"text", "start", "end"} ("" when unknown), "subject": ENTITY, "predicate",
///               "object": ENTITY, "direction": "outgoing"|"incoming"|"symmetric" (seen from the actor),
///               "category", "cameo", "goldstein", "modality", "confidence", "evidence": EVIDENCE}]}
class TimelineCommand : public Command {
public:
    enum class OutputFormat { text, json };

    std::string_view name() const override { return "timeline"; }
    std::string_view summary() const override {
        return "List every relation of one actor in date order, with evidence sentences";
    }
    void add_options(CLI::App& app) override;
    void setup() override;
    void run(std::ostream& out, std::ostream& err) override;

    OutputFormat output_format() const { return output_format_; }
    const graph::TimelineOptions& options() const { return options_; }

private:
    CommonOptions common_;
    FilterOptions filters_;
    std::string graph_;
    std::string actor_;
    std::string format_name_ = "text";
    graph::TimelineOptions options_{100};
    OutputFormat output_format_ = OutputFormat::text;
};

/// Writes a timeline (already run) as aligned text, one mention per line; `filters` describes the
/// filters applied ("" for none).
void write_timeline_text(const graph::KnowledgeGraph& graph, const graph::Timeline& timeline,
                         const graph::TimelineOptions& options, const std::string& filters, std::ostream& out);
/// Writes a timeline (already run) as one line of JSON (keys: see TimelineCommand).
void write_timeline_json(const graph::KnowledgeGraph& graph, const graph::Timeline& timeline,
                         const graph::TimelineOptions& options, const std::string& filters, std::ostream& out);

}  // namespace irkg::cli
