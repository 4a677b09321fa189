// The sweep every command over agreements shares (check, register, outturn,
// scorecard): the collected files loaded on several threads, those the
// filter (--status, --live) leaves out dropped, the rest handed to the
// command's per-file work, and each result passed on in path order.
//
//   collect     the agreement files, in path order          CollectEntries (collect.h)
//   per file    load and validate, filter, then `work`      LoadForSweep
//   report      each result as soon as it is ready          `emit`
#pragma once

#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "driver/collect.h"
#include "driver/in_order.h"
#include "load/limits.h"
#include "load/loader.h"
#include "report/agreement_filter.h"

namespace s75 {

// How a sweep reads its files and which agreements it reports.
struct SweepScope {
  LoadLimits limits;
  int jobs = 1;
  Date as_of;  // the date --status and --live judge the agreements on
  AgreementFilter filter;
};

// Per file: the file loaded; nullopt when it is read as an agreement and the
// filter leaves it out. A file that cannot be read as an agreement is always
// kept (its status is unknown, and it must not go unreported).
std::optional<LoadResult> LoadForSweep(const std::string& path, const SweepScope& scope);

// Hands `emit`, in path order, `work(path, loaded)` for each entry's file
// the filter keeps and `missing(entry)` for each entry that could not be
// collected (its DOC.07 result made). `work` and `missing` return the same
// type; they run on `scope.jobs` threads, `emit` on one at a time.
template <typename Work, typename Missing, typename Emit>
void SweepAgreements(std::vector<SweepEntry>& entries, const SweepScope& scope, Work&& work,
                     Missing&& missing, Emit&& emit) {
  using Result = std::invoke_result_t<Work&, const std::string&, const LoadResult&>;
  ForEachInOrder(
      entries.size(), scope.jobs,
      [&](size_t i) -> std::optional<Result> {
        SweepEntry& entry = entries[i];
        if (entry.unreadable) {
          return missing(entry);
        }
        std::optional<LoadResult> loaded = LoadForSweep(entry.path, scope);
        if (!loaded) {
          return std::nullopt;
        }
        return work(entry.path, *loaded);
      },
      [&](std::optional<Result> result) {
        if (result) {
          emit(std::move(*result));
        }
      });
}

}  // namespace s75
