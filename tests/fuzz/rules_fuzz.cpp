// Fuzz target (b): the rule-language front end and compiler. Any bytes, as a
// rule file beside the built-in `common` pack it may import, give a compiled
// pack or located diagnostics. A pack that compiles is then used as a user's
// would be: its rules run on the model agreement, its own tests run (their
// snippets through the loader), and its documentation is written.
#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>

#include "compile/pack.h"
#include "driver/catalogue.h"
#include "driver/pipeline.h"
#include "driver/rule_tests.h"
#include "eval/evaluator.h"
#include "fuzz_support.h"
#include "parse/snapshot.h"
#include "report/rule_docs.h"

namespace {

using s75::fuzz::Require;

// The built-in `common.rules`, parsed (from the build's snapshot).
s75::RuleFiles CommonPack() {
  std::optional<s75::RuleFiles> files = s75::LoadSnapshot(s75::BuiltinSnapshot());
  Require(files.has_value(), "the built-in snapshot loads");
  std::erase_if(*files, [](const std::unique_ptr<s75::RuleFile>& f) {
    return std::filesystem::path(f->path).stem() != "common";
  });
  return std::move(*files);
}

// Uses a compiled pack as `s75check check`, `test` and `rules` would.
void UsePack(const s75::CompiledPack& pack) {
  static const std::string model_text =
      s75::fuzz::SourceFile("agreements/model-learning-disability.yaml");
  static const s75::LoadResult model =
      s75::LoadAgreementText(model_text, "model-learning-disability.yaml", s75::LoadLimits());
  std::vector<s75::Finding> findings;
  s75::Evaluate(pack, *model.document, {s75::fuzz::FuzzAsOf()}, findings);
  // The findings are on the model agreement, so their lines are its lines.
  s75::fuzz::RequireLocated(findings, model_text);
  s75::RunRuleTests(pack, s75::fuzz::FuzzAsOf());
  std::ostringstream out;
  std::vector<s75::RuleDoc> docs = s75::RuleCatalogue(pack);
  for (const char* format : {"text", "json", "markdown"}) {
    Require(s75::WriteRuleList(docs, format, out), "every list format is written");
  }
  for (const s75::RuleDoc& d : docs) {
    s75::WriteExplanation(d, out);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(s75::fuzz::AsText(data, size));
  s75::Diagnostics diags;
  auto pack = s75::CompilePack(CommonPack(), {{"local/fuzz.rules", text}}, diags);
  Require(pack != nullptr || diags.HasErrors(), "a pack that does not compile says why");
  const long lines = std::count(text.begin(), text.end(), '\n') + 1;
  for (const s75::Diagnostic& d : diags.items()) {
    Require(!d.message.empty(), "every diagnostic has a message");
    Require(d.range.line >= 0 && d.range.line <= lines, "every diagnostic's line is in the file");
    Require(!s75::FormatDiagnostic(d, d.range.file == "local/fuzz.rules" ? text : "").empty(),
            "every diagnostic can be printed");
  }
  if (pack) {
    UsePack(*pack);
  }
  return 0;
}
