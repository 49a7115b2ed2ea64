// Fuzz target: the actor lexicon loader (Lexicon::load_actor_file), which reads irkg's own lexicons
// (schemas/lexicon/actors/) and the user's (--lexicon FILE): JSON validated against
// schemas/actors.schema.json. The input is loaded over a few of irkg's own actors, as a user lexicon
// is loaded after irkg's.
//
// Contract: a file that is not a valid actor lexicon (not JSON, against the schema, an id redefined
// with another type) is an irkg::lexicon_error, nothing else; a file that loads leaves the lexicon
// consistent: every actor is found under its own id, and every state under its ISO3 code.
#include "fuzz_support.hpp"
#include "graph/errors.hpp"
#include "ingest/lexicon.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using irkg::fuzz::check;
    irkg::ingest::Lexicon lex = irkg::fuzz::base_lexicon();
    const auto file = irkg::fuzz::scratch_file("actors.json", irkg::fuzz::as_text(data, size));
    try {
        lex.load_actor_file(file, irkg::fuzz::k_schema_dir / "actors.schema.json");
    } catch (const irkg::lexicon_error&) {
        return 0;
    }
    check(lex.actor_by_id.size() == lex.actors.size(), "two actors share an id, or an actor has none");
    for (std::uint32_t i = 0; i < lex.actors.size(); ++i) {
        auto found = lex.actor_by_id.find(lex.actors[i].entity.id);
        check(found != lex.actor_by_id.end() && found->second == i, "an actor is not found under its own id");
    }
    for (const auto& [iso3, index] : lex.state_by_iso3)
        check(index < lex.actors.size() && lex.actors[index].entity.id == "country:" + iso3,
              "a state is indexed under another ISO3 code");
    return 0;
}
