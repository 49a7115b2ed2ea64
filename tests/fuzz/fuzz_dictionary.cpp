// Fuzz target: the CAMEO / PETRARCH / Phoenix dictionary loaders (--agents, --actors, --verbs;
// ingest/cameo_dictionary). The same bytes are loaded as an agent file, an actor file and a verb
// dictionary, in that order (the order irkg loads them in), over a few of irkg's own actors.
//
// Contract: these loaders skip and report what they cannot read: without --strict nothing throws
// but an irkg::lexicon_error for an actor id irkg already has with another type. The reports add
// up (a malformed line is a skipped item; at most max_problems messages are kept), and every
// pattern a verb dictionary adds has a relation and something to match.
#include "fuzz_support.hpp"
#include "graph/errors.hpp"
#include "ingest/cameo_dictionary.hpp"

namespace {

using irkg::fuzz::check;

const irkg::ingest::CameoCodes& codes() {
    static const irkg::ingest::CameoCodes c = irkg::ingest::CameoCodes::load(
        irkg::fuzz::k_schema_dir / "cameo-plover.json", irkg::fuzz::k_schema_dir / "cameo-plover.schema.json",
        irkg::fuzz::ontology());
    return c;
}

void check_report(const irkg::ingest::DictionaryReport& report, const irkg::ingest::DictionaryOptions& options) {
    check(report.problem_count <= report.skipped, "a malformed line not counted as skipped");
    check(report.problems.size() == std::min(report.problem_count, options.max_problems),
          "the report keeps another number of messages than it should");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    irkg::ingest::Lexicon lex = irkg::fuzz::base_lexicon();
    const auto file = irkg::fuzz::scratch_file("dictionary.txt", irkg::fuzz::as_text(data, size));
    const irkg::ingest::DictionaryOptions options;
    try {
        check_report(irkg::ingest::load_cameo_agents(lex, codes(), file, options), options);
        check_report(irkg::ingest::load_cameo_actors(lex, codes(), file, options), options);
    } catch (const irkg::lexicon_error&) {
        return 0;
    }
    const std::size_t before = lex.patterns.size();
    check_report(irkg::ingest::load_cameo_verbs(lex, codes(), file, options), options);
    for (std::size_t i = before; i < lex.patterns.size(); ++i) {
        check(lex.patterns[i].relation != nullptr, "a dictionary pattern without a relation");
        check(!lex.patterns[i].elements.empty(), "a dictionary pattern with nothing to match");
    }
    return 0;
}
