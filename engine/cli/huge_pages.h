// Transparent huge pages for the heap, so that a short run does not pay a
// page fault for every 4 KiB it allocates.
#pragma once

namespace s75 {

// Advises the kernel (madvise MADV_HUGEPAGE) to back the anonymous mapping
// that holds the heap with 2 MiB pages. A one-file check touches about 4 MiB
// of heap; on a virtual machine where a fault costs about 10 us, its 1,200
// faults were half its time (docs/performance.md). Only advice: where the
// kernel has transparent huge pages off, or /proc is not mounted, nothing
// changes. Call it first thing in main.
void AdviseHugePages();

}  // namespace s75
