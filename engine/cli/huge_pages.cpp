#include "cli/huge_pages.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <array>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>

// Linux 6.1's synchronous collapse, which glibc 2.36's headers do not name yet.
#if defined(MADV_HUGEPAGE) && !defined(MADV_COLLAPSE)
#define MADV_COLLAPSE 25
#endif

namespace s75 {

namespace {

// Parses "START-END ..." (hex) at the start of a maps line.
bool ParseRange(std::string_view line, std::uintptr_t& start, std::uintptr_t& end) {
  const char* last = line.data() + line.size();
  auto first = std::from_chars(line.data(), last, start, 16);
  if (first.ec != std::errc() || first.ptr == last || *first.ptr != '-') {
    return false;
  }
  return std::from_chars(first.ptr + 1, last, end, 16).ec == std::errc();
}

}  // namespace

// Read through a buffer on the stack: any allocation before the advice would
// touch the mapping's first pages with small ones, which then stay small.
bool FindMapping(const char* maps, std::uintptr_t at, std::uintptr_t& start, std::uintptr_t& end) {
  int fd = open(maps, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return false;
  }
  std::array<char, 4096> buffer{};
  size_t held = 0;
  bool found = false;
  bool skipping = false;  // through the rest of a line longer than the buffer
  for (ssize_t n = 0; !found && (n = read(fd, buffer.data() + held, buffer.size() - held)) > 0;) {
    held += static_cast<size_t>(n);
    std::string_view text(buffer.data(), held);
    size_t eol = 0;
    while (!found && (eol = text.find('\n')) != std::string_view::npos) {
      found = !skipping && ParseRange(text.substr(0, eol), start, end) && start <= at && at < end;
      skipping = false;
      text.remove_prefix(eol + 1);
    }
    // Keep the unfinished line, unless it fills the buffer: then its range,
    // at its start, is read now and the rest of it skipped.
    if (!found && !skipping && text.size() == buffer.size()) {
      found = ParseRange(text, start, end) && start <= at && at < end;
      skipping = true;
    }
    held = skipping ? 0 : text.size();
    std::memmove(buffer.data(), text.data(), held);
  }
  close(fd);
  return found;
}

void AdviseHugePages() {
#ifdef MADV_HUGEPAGE
  // A fresh small block lies in the mapping the allocator hands out next.
  void* probe = std::malloc(64);
  std::uintptr_t start = 0;
  std::uintptr_t end = 0;
  auto at = reinterpret_cast<std::uintptr_t>(probe);
  if (FindMapping("/proc/self/maps", at, start, end)) {
    char* mapping = static_cast<char*>(probe) - (at - start);  // no integer-to-pointer cast
    madvise(mapping, end - start, MADV_HUGEPAGE);
#ifdef MADV_COLLAPSE
    // The allocator wrote its header into the first pages as it handed out
    // the probe; those stay small unless collapsed (Linux 6.1 and later).
    constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
    if (end - start >= kHugePage && start % kHugePage == 0) {
      madvise(mapping, kHugePage, MADV_COLLAPSE);
    }
#endif
  }
  std::free(probe);
#endif
}

}  // namespace s75
