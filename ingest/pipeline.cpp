#include "pipeline.hpp"

#include <fmt/format.h>

#include "cameo_dictionary.hpp"
#include "extractor.hpp"
#include "lexicon.hpp"

namespace irkg::ingest {

Pipeline::Pipeline(const PipelineOptions& options)
    : ontology_(std::make_unique<graph::Ontology>(graph::Ontology::load(
          options.schema_dir / "relations.json", options.schema_dir / "relations.schema.json"))),
      lexicon_(std::make_unique<Lexicon>(Lexicon::load({options.schema_dir, options.lexicons}, *ontology_))),
      min_confidence_(options.min_confidence) {
    if (!options.cameo_actors.empty() || !options.cameo_agents.empty() || !options.cameo_verbs.empty()) {
        const CameoCodes codes = CameoCodes::load(options.schema_dir / "cameo-plover.json",
                                                  options.schema_dir / "cameo-plover.schema.json", *ontology_);
        auto note = [this](const char* kind, const std::filesystem::path& file, const DictionaryReport& report) {
            std::string line = fmt::format("{}: {} {} entries, {} names added, {} items skipped", file.string(), kind,
                                           report.entries, report.names, report.skipped);
            if (report.problem_count > 0)
                line += fmt::format(" ({} malformed lines; first: {})", report.problem_count, report.problems.front());
            dictionary_notes_.push_back(std::move(line));
        };
        // Agents first: actor entries may use their role words.
        for (const auto& f : options.cameo_agents) note("agents:", f, load_cameo_agents(*lexicon_, codes, f));
        for (const auto& f : options.cameo_actors) note("actors:", f, load_cameo_actors(*lexicon_, codes, f));
        for (const auto& f : options.cameo_verbs) note("verbs:", f, load_cameo_verbs(*lexicon_, codes, f));
    }
    extractor_ = std::make_unique<Extractor>(*lexicon_, *ontology_);
}

Pipeline::~Pipeline() = default;

const graph::Ontology& Pipeline::ontology() const { return *ontology_; }
const Lexicon& Pipeline::lexicon() const { return *lexicon_; }

std::vector<graph::Triple> Pipeline::extract(const Article& article, std::uint64_t* sentences) const {
    auto triples = extractor_->extract(article, sentences);
    if (min_confidence_ > 0.0)
        std::erase_if(triples, [this](const graph::Triple& t) { return t.confidence < min_confidence_; });
    return triples;
}

RunStats Pipeline::run(const std::vector<std::string>& inputs, const ReadOptions& read,
                       const std::function<void(const Article&, std::vector<graph::Triple>&&)>& sink,
                       const std::function<void(const ReadProblem&)>& on_problem) const {
    RunStats stats;
    for (const auto& input : inputs) {
        read_articles(
            input, read,
            [&](Article&& article) {
                std::uint64_t sentences = 0;
                auto triples = extract(article, &sentences);
                ++stats.articles;
                stats.sentences += sentences;
                stats.triples += triples.size();
                sink(article, std::move(triples));
            },
            [&](const ReadProblem& problem) {
                ++stats.bad_records;
                on_problem(problem);
            });
    }
    return stats;
}

}  // namespace irkg::ingest
