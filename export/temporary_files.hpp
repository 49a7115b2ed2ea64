#pragma once
// Temporary files that must not outlive an interrupted run. AtomicFile (and anything else that
// writes beside a target) registers its temporary file here; on SIGINT, SIGTERM or SIGHUP the
// handler installed by install_interrupt_cleanup() removes every registered file and exits with
// 128 + the signal number (130, 143, 129), so an interrupted run leaves neither a partial output
// nor a stray temporary file, and existing outputs are untouched. Everything the handler does is
// async-signal-safe (unlink, write, _exit over a fixed table).
#include <cstddef>

namespace irkg::exporter {

/// At most this many temporary files are registered at once; more are simply not cleaned by the
/// signal handler (the normal destructor path still removes them).
inline constexpr std::size_t k_max_temporary_files = 64;

/// Registers `path` for removal on interruption. Returns a slot for unregister_temporary(), or -1
/// when the table is full or the path too long. Thread-safe.
int register_temporary(const char* path);
/// Forgets the slot (the file was committed or removed). Thread-safe; -1 is ignored.
void unregister_temporary(int slot);

/// Installs the SIGINT/SIGTERM/SIGHUP handler described above. `program` prefixes the message the
/// handler prints on stderr ("irkg: interrupted (SIGINT); no output written").
void install_interrupt_cleanup(const char* program);

}  // namespace irkg::exporter
