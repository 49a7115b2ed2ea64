// Linked into the executables when IRKG_ALLOCATOR=mimalloc (the default; CMakeLists.txt).
//
// Loading or building a large graph allocates gigabytes of small objects. On virtual machines a page
// fault per 4 KiB page was a quarter of the load time; with transparent huge pages it is one per 2 MiB.
// Most kernels offer THP on request only (madvise), and mimalloc's own switch for it is read before any
// code of irkg runs. So before main() irkg reserves address space (up to the machine's memory; nothing is
// committed until it is touched), asks for huge pages on it, and gives it to mimalloc as its first arena.
// When the reservation or the advice is refused (THP off, vm.overcommit_memory=2, ulimit -v), mimalloc
// works as usual from the operating system. MIMALLOC_LARGE_OS_PAGES in the environment (0 or 1) leaves
// it to mimalloc.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

#include <mimalloc.h>

namespace {

struct HugePageArena {
    HugePageArena() {
        if (std::getenv("MIMALLOC_LARGE_OS_PAGES") != nullptr) return;
        const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGESIZE);
        if (pages <= 0 || page <= 0) return;
        constexpr std::size_t align = std::size_t{64} << 20;  // mimalloc's segments; a multiple of 2 MiB
        const std::size_t size = static_cast<std::size_t>(pages) * static_cast<std::size_t>(page) / align * align;
        if (size == 0) return;
        void* mapped = ::mmap(nullptr, size + align, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                              -1, 0);
        if (mapped == MAP_FAILED) return;
        const auto base = reinterpret_cast<std::uintptr_t>(mapped);
        const std::uintptr_t start = (base + align - 1) / align * align;
        void* arena = reinterpret_cast<void*>(start);
        if (::madvise(arena, size, MADV_HUGEPAGE) != 0 ||
            !mi_manage_os_memory(arena, size, /*is_committed=*/true, /*is_large=*/false, /*is_zero=*/true, -1))
            ::munmap(mapped, size + align);
    }
};
const HugePageArena huge_page_arena;

}  // namespace
