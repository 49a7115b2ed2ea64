#include "temporary_files.hpp"

#include <atomic>
#include <csignal>
#include <cstring>

#include <unistd.h>

namespace irkg::exporter {

namespace {

constexpr std::size_t k_max_path = 4096;

struct Slot {
    std::atomic<int> state{0};  ///< 0 free, 1 being written, 2 registered
    char path[k_max_path];
};

Slot g_slots[k_max_temporary_files];
const char* g_program = "irkg";

void write_stderr(const char* text) {
    const std::size_t n = std::strlen(text);
    ssize_t ignored = ::write(STDERR_FILENO, text, n);
    static_cast<void>(ignored);
}

extern "C" void on_interrupt(int signal) {
    for (auto& slot : g_slots)
        if (slot.state.load() == 2) ::unlink(slot.path);
    write_stderr("\n");
    write_stderr(g_program);
    write_stderr(signal == SIGINT    ? ": interrupted (SIGINT)"
                 : signal == SIGTERM ? ": terminated (SIGTERM)"
                                     : ": hung up (SIGHUP)");
    write_stderr("; unfinished outputs removed, existing files left as they were\n");
    ::_exit(128 + signal);
}

}  // namespace

int register_temporary(const char* path) {
    const std::size_t length = std::strlen(path);
    if (length >= k_max_path) return -1;
    for (std::size_t i = 0; i < k_max_temporary_files; ++i) {
        int expected = 0;
        if (g_slots[i].state.compare_exchange_strong(expected, 1)) {
            std::memcpy(g_slots[i].path, path, length + 1);
            g_slots[i].state.store(2);
            return static_cast<int>(i);
        }
    }
    return -1;
}

void unregister_temporary(int slot) {
    if (slot < 0 || static_cast<std::size_t>(slot) >= k_max_temporary_files) return;
    g_slots[slot].state.store(0);
}

void install_interrupt_cleanup(const char* program) {
    g_program = program;
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    for (int signal : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(signal, &action, nullptr);
}

}  // namespace irkg::exporter
