// Fuzz target: article bytes through the document reader and the extractor, as `irkg extract` runs
// them with the default schemas and lexicons. The same bytes are read as a JSON Lines file (one
// article per line) and as one .txt article.
//
// Contract: nothing throws (without --strict a bad record is reported, never thrown, and extraction
// never throws on any text), and every triple is one irkg can write: a relation, both endpoints, a
// span inside the article text, a confidence in [0, 1], and a JSON line.
#include <string>
#include <vector>

#include "export/triple_writer.hpp"
#include "fuzz_support.hpp"
#include "ingest/pipeline.hpp"

namespace {

using irkg::fuzz::check;

const irkg::ingest::Pipeline& pipeline() {
    static const irkg::ingest::Pipeline p(irkg::ingest::PipelineOptions{irkg::fuzz::k_schema_dir, {}});
    return p;
}

void check_triple(const irkg::ingest::Article& article, const irkg::graph::Triple& t) {
    check(t.relation != nullptr, "a triple without a relation");
    check(!t.subject.id.empty() && !t.object.id.empty(), "a triple with an empty subject or object id");
    check(t.evidence.begin <= t.evidence.end && t.evidence.end <= article.text.size(),
          "an evidence span outside the article text");
    check(t.evidence.doc == article.id, "evidence naming another document");
    check(t.confidence >= 0.0 && t.confidence <= 1.0, "a confidence outside [0, 1]");
    const std::string line = irkg::exporter::triple_json(t);
    check(!line.empty() && line.front() == '{' && line.find('\n') == std::string::npos,
          "a triple that is not one JSON line");
}

void extract(const std::filesystem::path& input) {
    irkg::ingest::ReadOptions options;
    options.default_date = "2024-04-20";
    pipeline().run(
        {input.string()}, options,
        [](const irkg::ingest::Article& article, std::vector<irkg::graph::Triple>&& triples) {
            for (const auto& t : triples) check_triple(article, t);
        },
        [](const irkg::ingest::ReadProblem& problem) {
            check(!problem.message.empty(), "a bad record reported without a reason");
        });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = irkg::fuzz::as_text(data, size);
    extract(irkg::fuzz::scratch_file("articles.jsonl", bytes));
    extract(irkg::fuzz::scratch_file("article.txt", bytes));
    return 0;
}
