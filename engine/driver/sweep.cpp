#include "driver/sweep.h"

#include "driver/facts.h"

namespace s75 {

std::optional<LoadResult> LoadForSweep(const std::string& path, const SweepScope& scope) {
  LoadResult loaded = LoadAgreementFile(path, scope.limits);
  if (loaded.checked && scope.filter.Active() &&
      !scope.filter.Keeps(ReadFacts(*loaded.document), scope.as_of)) {
    return std::nullopt;
  }
  return loaded;
}

}  // namespace s75
