#include <doctest/doctest.h>

#include <cmath>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>

#include <sys/resource.h>
#include <sys/stat.h>

#include "export/atomic_file.hpp"
#include "export/registry.hpp"
#include "graph/errors.hpp"
#include "sample_graph.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using irkg::exporter::AtomicFile;
using irkg::test::read_file;
using irkg::test::TempDir;
using irkg::test::write_file;

namespace {

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

/// Lowers the file-size limit for the scope, so that writes past it fail with EFBIG (a stand-in for
/// a full disk); SIGXFSZ is ignored meanwhile so the failure reaches the program as an error.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &saved_);
        rlimit lowered = saved_;
        lowered.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &lowered);
        previous_ = std::signal(SIGXFSZ, SIG_IGN);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &saved_);
        std::signal(SIGXFSZ, previous_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit saved_{};
    void (*previous_)(int) = nullptr;
};

}  // namespace

TEST_CASE("AtomicFile: the target appears only at commit, complete, and no temporary is left") {
    const TempDir dir("atomic");
    const fs::path target = dir / "out.txt";
    {
        AtomicFile file(target);
        CHECK(file.target() == target);
        CHECK_FALSE(file.is_stdout());
        CHECK(file.temporary().parent_path() == dir.path());
        file.stream() << "hello\n";
        CHECK_FALSE(fs::exists(target));
        CHECK(fs::exists(file.temporary()));
        file.commit();
        file.commit();  // a second commit does nothing
    }
    CHECK(read_file(target) == "hello\n");
    CHECK(dir.entries() == std::vector<std::string>{"out.txt"});
}

TEST_CASE("AtomicFile: without commit, nothing is created and an existing file is untouched") {
    const TempDir dir("atomic");
    const fs::path fresh = dir / "fresh.txt";
    {
        AtomicFile file(fresh);
        file.stream() << "partial";
    }
    CHECK_FALSE(fs::exists(fresh));
    CHECK(dir.entries().empty());

    const fs::path existing = dir / "existing.txt";
    write_file(existing, "old content\n");
    try {
        AtomicFile file(existing);
        file.stream() << std::string(100000, 'x');
        throw std::runtime_error("the writer failed half-way");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()) == "the writer failed half-way");
    }
    CHECK(read_file(existing) == "old content\n");
    CHECK(dir.entries() == std::vector<std::string>{"existing.txt"});
}

TEST_CASE("AtomicFile: replacing a file keeps its permission bits") {
    const TempDir dir("atomic");
    const fs::path target = dir / "private.txt";
    write_file(target, "old");
    fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write);
    {
        AtomicFile file(target);
        file.stream() << "new";
        file.commit();
    }
    CHECK(read_file(target) == "new");
    CHECK((fs::status(target).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("AtomicFile: errors name the path and the reason, and leave the old file") {
    const TempDir dir("atomic");
    SUBCASE("a directory that does not exist") {
        const fs::path target = dir / "no-such-dir" / "out.txt";
        CHECK_THROWS_WITH_AS(AtomicFile{target}, doctest::Contains(target.c_str()), irkg::input_error);
        CHECK_THROWS_WITH_AS(AtomicFile{target}, doctest::Contains("No such file or directory"), irkg::input_error);
    }
    SUBCASE("a temporary file left by someone else is never written through") {
        const fs::path target = dir / "out.txt";
        const fs::path stale = target.string() + ".tmp-" + std::to_string(::getpid());
        write_file(stale, "someone else's");
        CHECK_THROWS_WITH_AS(AtomicFile{target}, doctest::Contains("remove it"), irkg::input_error);
        CHECK(read_file(stale) == "someone else's");
        CHECK_FALSE(fs::exists(target));
    }
    SUBCASE("a rename that fails (the target is a directory)") {
        const fs::path target = dir / "out.graphml";
        fs::create_directory(target);
        write_file(target / "inside.txt", "kept");
        try {
            AtomicFile file(target);
            file.stream() << "data";
            file.commit();
            FAIL("commit did not throw");
        } catch (const irkg::input_error& e) {
            CHECK(contains(e.what(), target.string()));
            CHECK(contains(e.what(), "cannot rename"));
            CHECK(contains(e.what(), "left unchanged"));
        }
        CHECK(fs::is_directory(target));
        CHECK(read_file(target / "inside.txt") == "kept");
        CHECK(dir.entries() == std::vector<std::string>{"out.graphml"});
    }
    SUBCASE("a write that fails (file size limit, as a full disk would)") {
        const fs::path target = dir / "big.txt";
        write_file(target, "old content\n");
        try {
            const FileSizeLimit limit(4096);
            AtomicFile file(target);
            file.stream() << std::string(1 << 20, 'x');
            file.commit();
            FAIL("commit did not throw");
        } catch (const irkg::input_error& e) {
            CHECK(contains(e.what(), target.string()));
            CHECK(contains(e.what(), "cannot write"));
            CHECK(contains(e.what(), "File too large"));
        }
        CHECK(read_file(target) == "old content\n");
        CHECK(dir.entries() == std::vector<std::string>{"big.txt"});
    }
}

TEST_CASE("AtomicFile: \"-\" is standard output") {
    AtomicFile file("-");
    CHECK(file.is_stdout());
    CHECK(file.temporary().empty());
    CHECK(&file.stream() == &std::cout);
    file.commit();
}

TEST_CASE("write_graph leaves an existing file untouched when the writer throws") {
    const TempDir dir("atomic");
    const fs::path target = dir / "graph.graphml";
    write_file(target, "previous graph\n");
    irkg::graph::KnowledgeGraph g = irkg::test::blinken_graph();
    const auto a = g.add_entity(irkg::test::entity("country:ZZZ", "Z", irkg::graph::EntityType::country, "ZZZ"));
    g.add_mention(a, irkg::test::visits(), *g.find("country:CHN"),
                  irkg::test::mention("d", 0, "t", 0, 1, irkg::graph::Modality::asserted, {}, std::nan("")));
    const irkg::exporter::WriterOptions options{IRKG_SCHEMA_DIR};
    CHECK_THROWS_AS(irkg::exporter::write_graph(g, target, "", options), irkg::input_error);
    CHECK_THROWS_AS(irkg::exporter::write_graph(g, target, "jsonld", options), irkg::input_error);
    CHECK(read_file(target) == "previous graph\n");
    CHECK(dir.entries() == std::vector<std::string>{"graph.graphml"});
}
