#include "parse/snapshot.h"

#include "parse/snapshot_io.h"

namespace s75 {

namespace {

// "S75P" and a format version; bump the version when the AST changes shape.
constexpr std::string_view kMagic = "S75P\x05";

using snapshot::Reader;
using snapshot::Writer;

}  // namespace

std::string SaveSnapshot(const RuleFiles& files) {
  Writer w;
  w(files);
  return w.Finish(kMagic);
}

std::optional<RuleFiles> LoadSnapshot(std::string_view bytes) {
  Reader r(bytes);
  if (!r.Magic(kMagic)) {
    return std::nullopt;
  }
  r.FileTable();
  RuleFiles files;
  r(files);
  if (!r.ok() || !r.AtEnd()) {
    return std::nullopt;
  }
  return files;
}

}  // namespace s75
