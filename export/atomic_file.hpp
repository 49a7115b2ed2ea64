#pragma once
#include <filesystem>
#include <memory>
#include <ostream>

namespace irkg::exporter {

/// An output file that appears complete or not at all. Bytes go to a temporary file beside the
/// target ("<target>.tmp-<pid>", same directory so the final rename cannot cross file systems);
/// commit() flushes it to disk and renames it over the target. Until then an existing target is
/// untouched, and if the AtomicFile is destroyed without commit() (an exception, a failed write) the
/// temporary file is removed.
///
/// The temporary file is registered with temporary_files.hpp, so an interrupted run removes it too.
///
/// The path "-" means standard output: no temporary file, commit() only flushes.
class AtomicFile {
public:
    /// Creates the temporary file (keeping an existing target's permission bits).
    /// Throws irkg::input_error naming the path and the OS reason when it cannot be created.
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    /// Where to write. Valid until destruction.
    std::ostream& stream();

    /// Flushes, syncs and renames the temporary file over the target (or flushes stdout).
    /// Throws irkg::input_error naming the path and the OS reason when any write failed (disk full,
    /// I/O error), or flushing, closing or renaming fails; the target is then left as it was.
    /// Calling it again after success does nothing.
    void commit();

    const std::filesystem::path& target() const { return target_; }
    /// The temporary file's path; empty for standard output.
    const std::filesystem::path& temporary() const { return temporary_; }
    bool is_stdout() const { return temporary_.empty(); }

private:
    class FdBuffer;

    std::filesystem::path target_;
    std::filesystem::path temporary_;
    std::unique_ptr<FdBuffer> buffer_;
    std::unique_ptr<std::ostream> stream_;
    bool committed_ = false;
    int cleanup_slot_ = -1;  ///< registered for removal on SIGINT/SIGTERM (temporary_files.hpp)
};

}  // namespace irkg::exporter
