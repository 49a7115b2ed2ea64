#include "atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <streambuf>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "temporary_files.hpp"

namespace irkg::exporter {

namespace {
std::string os_reason(int error) { return std::strerror(error); }
}  // namespace

/// A stream buffer over a POSIX file descriptor that remembers the errno of the first failed write,
/// so that "disk full" reaches the user instead of a bare failbit.
class AtomicFile::FdBuffer : public std::streambuf {
public:
    explicit FdBuffer(int fd) : fd_(fd), buffer_(1 << 16) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
    ~FdBuffer() override { close_fd(); }
    FdBuffer(const FdBuffer&) = delete;
    FdBuffer& operator=(const FdBuffer&) = delete;

    int fd() const { return fd_; }
    int error() const { return error_; }

    /// Closes the descriptor; returns 0 or the errno of close().
    int close_fd() {
        if (fd_ < 0) return 0;
        const int result = ::close(fd_);
        fd_ = -1;
        return result == 0 ? 0 : errno;
    }

protected:
    int_type overflow(int_type ch) override {
        if (!flush_buffer()) return traits_type::eof();
        if (!traits_type::eq_int_type(ch, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(ch);
            pbump(1);
        }
        return traits_type::not_eof(ch);
    }

    int sync() override { return flush_buffer() ? 0 : -1; }

private:
    bool flush_buffer() {
        if (error_ != 0) return false;
        const char* data = pbase();
        std::size_t left = static_cast<std::size_t>(pptr() - pbase());
        while (left > 0) {
            const ssize_t n = ::write(fd_, data, left);
            if (n < 0) {
                if (errno == EINTR) continue;
                error_ = errno;
                return false;
            }
            data += n;
            left -= static_cast<std::size_t>(n);
        }
        setp(buffer_.data(), buffer_.data() + buffer_.size());
        return true;
    }

    int fd_;
    int error_ = 0;
    std::vector<char> buffer_;
};

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
    if (target_ == "-") return;
    temporary_ = target_;
    temporary_ += fmt::format(".tmp-{}", ::getpid());
    // O_EXCL: never write through a file (or symlink) that someone else put at the temporary name.
    const int fd = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        const int error = errno;
        throw input_error(fmt::format(
            "{}: cannot create the temporary file {}: {}{}", target_.string(), temporary_.string(), os_reason(error),
            error == EEXIST ? " (another process is writing the same output, or a crash left it: remove it)"
                            : " (does the directory exist and is it writable?)"));
    }
    cleanup_slot_ = register_temporary(temporary_.c_str());
    buffer_ = std::make_unique<FdBuffer>(fd);
    stream_ = std::make_unique<std::ostream>(buffer_.get());
    // Replacing a file should not change who may read it.
    struct stat existing {};
    if (::stat(target_.c_str(), &existing) == 0 && S_ISREG(existing.st_mode))
        static_cast<void>(::fchmod(fd, existing.st_mode & 07777));
}

AtomicFile::~AtomicFile() {
    if (is_stdout() || committed_) return;
    stream_.reset();
    buffer_.reset();  // closes the descriptor
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
    unregister_temporary(cleanup_slot_);
}

std::ostream& AtomicFile::stream() { return is_stdout() ? std::cout : *stream_; }

void AtomicFile::commit() {
    if (committed_) return;
    if (is_stdout()) {
        errno = 0;
        std::cout.flush();
        if (!std::cout)
            throw input_error(
                fmt::format("-: cannot write to standard output: {}", errno != 0 ? os_reason(errno) : "stream error"));
        committed_ = true;
        return;
    }
    const auto fail = [&](std::string_view what, int error) {
        throw input_error(fmt::format("{}: {}: {}; the previous file (if any) is left unchanged", target_.string(),
                                      what, os_reason(error)));
    };
    stream_->flush();
    if (buffer_->error() != 0) fail("cannot write", buffer_->error());
    if (!*stream_) fail("cannot write", EIO);
    // Without fsync a crash right after the rename could leave an empty file under the final name.
    if (::fsync(buffer_->fd()) != 0) fail("cannot flush to disk", errno);
    if (const int error = buffer_->close_fd(); error != 0) fail("cannot close the written file", error);
    if (std::rename(temporary_.c_str(), target_.c_str()) != 0)
        fail(fmt::format("cannot rename {} to it", temporary_.string()), errno);
    unregister_temporary(cleanup_slot_);
    cleanup_slot_ = -1;
    committed_ = true;
}

}  // namespace irkg::exporter
