// Fuzz target (a): the agreement loader. Any bytes give a document and DOC
// findings (load/loader.h): never a crash, an exception or a hang, and a file
// the rules cannot run on always says why.
#include "fuzz_support.h"
#include "load/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using s75::fuzz::Require;
  std::string_view text = s75::fuzz::AsText(data, size);
  s75::LoadResult r = s75::LoadAgreementText(text, "fuzz.yaml", s75::LoadLimits());
  Require(r.document != nullptr, "the loader always returns a document");
  Require(r.checked || !r.findings.empty(), "a file that cannot be checked has a DOC finding");
  for (const s75::Finding& f : r.findings) {
    Require(f.rule.starts_with("DOC."), "the loader reports DOC findings only");
    Require(f.range.file == "fuzz.yaml", "each finding names the file");
  }
  s75::fuzz::RequireLocated(r.findings, text);
  return 0;
}
