#pragma once
// What every fuzz target shares. A target is one LLVMFuzzerTestOneInput over one of irkg's readers;
// the same source links into a libFuzzer binary (IRKG_FUZZ=ON, clang) and into a replay driver
// (replay_main.cpp) that the ordinary test suite runs over the seeds and the regressions.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

#include "ingest/lexicon.hpp"

/// The libFuzzer entry point: reads `data` with one of irkg's readers. Returns 0; a broken contract
/// (an unexpected exception, a failed check) aborts, which libFuzzer and the replay driver report.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace irkg::fuzz {

/// irkg's schemas/ directory (ontology, JSON Schemas, lexicons), from the build.
inline const std::filesystem::path k_schema_dir = IRKG_SCHEMA_DIR;

/// Writes `bytes` to the file `name` in this process's scratch directory (under TMPDIR, removed at
/// exit) and returns its path: irkg's loaders read files, and the extension chooses the format.
std::filesystem::path scratch_file(std::string_view name, std::string_view bytes);

/// Aborts with `what` on stderr when `condition` is false: a contract the fuzzer must not break.
void check(bool condition, const char* what);

/// A small lexicon for the loader targets, built afresh for each input (loaders change the lexicon,
/// and irkg's whole lexicon takes about 50 ms to load): irkg's tokenizer and a few of irkg's own
/// actors (states, persons, organisations; see base_actor_ids in fuzz_support.cpp), so that entries
/// naming them extend them as they would in a real run.
ingest::Lexicon base_lexicon();

/// irkg's ontology (schemas/relations.json), loaded once.
const graph::Ontology& ontology();

/// The input as text.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace irkg::fuzz
