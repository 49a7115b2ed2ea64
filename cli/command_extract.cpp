#include "command_extract.hpp"

#include <chrono>
#include <optional>
#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "stage_timings.hpp"
#include "export/atomic_file.hpp"
#include "export/triple_writer.hpp"

namespace irkg::cli {

void ExtractCommand::add_options(CLI::App& app) {
    const std::string about =
        "Extract relation triples from articles and print them as JSON Lines, one triple per line\n"
        "(schemas/triple.schema.json), in input order.\n"
        "Inputs: a .txt file is one article (id: the file name without extension, date: --date); a .jsonl\n"
        "file holds one article per line ({\"id\", \"date\", \"title\", \"text\", \"source\", \"url\"}); - reads\n"
        "JSON Lines from stdin. A bad record is reported as FILE:LINE: what, skipped, and makes the exit\n"
        "code 1 (--strict stops at the first).";
    app.add_option("INPUT", inputs_, "Article files (.txt, .jsonl) or - for stdin (the default)");
    app.add_option("-o,--output", output_, "Write the triples to FILE (complete or not at all) instead of stdout")
        ->type_name("FILE");
    common_.add_to(app);
    app.footer(about + "\n\n" + std::string(k_exit_codes));
}

void ExtractCommand::setup() {
    common_.validate();
    if (inputs_.empty()) inputs_.push_back("-");
}

void ExtractCommand::run(std::ostream& out, std::ostream& err) {
    const auto started = std::chrono::steady_clock::now();
    StageTimings timings("extract");
    common_.check_schema_dir();
    ArticleInput input(inputs_, common_);  // reading may start now, beside the lexicon loading
    std::optional<const ingest::Pipeline> loaded;
    timings.time("lexicons", [&] { loaded.emplace(common_.pipeline_options()); });
    const ingest::Pipeline& pipeline = *loaded;
    report_dictionaries(pipeline, common_.quiet, err);

    // Opened before extracting, so an unwritable destination fails before the work.
    std::optional<exporter::AtomicFile> file;
    if (!output_.empty() && output_ != "-") file.emplace(output_);
    std::ostream& sink = file ? file->stream() : out;

    ProblemLog problems(err, common_.max_errors);
    const ingest::RunStats stats = input.extract(
        pipeline,
        [&sink](const ingest::Article&, std::vector<graph::Triple>&& triples) {
            for (const auto& triple : triples) exporter::write_triple(triple, sink);
        },
        problems, err);
    timings.add_run(stats, "write");
    timings.time("write", [&] {
        if (file)
            file->commit();
        else
            out.flush();
    });

    report_limits(common_, &stats, nullptr, err);
    if (!common_.quiet)
        err << fmt::format("irkg extract: {} article{}, {} sentence{}, {} triple{} ({:.2f} s)\n", stats.articles,
                           plural(stats.articles), stats.sentences, plural(stats.sentences), stats.triples,
                           plural(stats.triples), seconds_since(started));
    timings.print(err);
    problems.throw_if_any(stats.articles);
}

}  // namespace irkg::cli
