// Transparent huge pages for the heap, so that a short run does not pay a
// page fault for every 4 KiB it allocates.
#pragma once

#include <cstdint>

namespace s75 {

// Advises the kernel (madvise MADV_HUGEPAGE) to back the anonymous mapping
// that holds the heap with 2 MiB pages. A one-file check touches about 4 MiB
// of heap; on a virtual machine where a fault costs about 10 us, its 1,200
// faults were half its time (docs/performance.md). Only advice: where the
// kernel has transparent huge pages off, or /proc is not mounted, nothing
// changes. Call it before anything allocates: s75check calls it from a
// constructor that runs before the other static initialisers.
void AdviseHugePages();

// The range [start, end) of the line of `maps` (a /proc/PID/maps file) that
// holds address `at`; false when none does or the file cannot be read.
bool FindMapping(const char* maps, std::uintptr_t at, std::uintptr_t& start, std::uintptr_t& end);

}  // namespace s75
