#include "load/doc_rules.h"

#include <stdexcept>

#include "common/rule_ids.h"

namespace s75 {

namespace {

// DOC rules read files of either version (docs/agreement-format.md, agreement-format-2.md).
constexpr std::string_view kFormat = "s75check agreement formats v1 and v2";

// The start of a valid agreement, which every snippet below shares.
#define S75_HEAD "format: s75check/1\nagreement: {id: demo, title: Demo}\n"

}  // namespace

const std::vector<BuiltinRule>& DocRules() {
  static const std::vector<BuiltinRule> kRules = {
      {kDocYamlSyntax,
       "yaml-syntax",
       Severity::kError,
       "The file is valid YAML, one document",
       kFormat,
       "The file must parse as YAML and hold a single document. The finding gives the line and "
       "column where the parser stopped; no rule can run on the file. Where the fault is a `: ` "
       "or ` #` inside unquoted text, the message says to put the text in quotes; a quoted "
       "value never closed, which YAML would read to the end of the file, is reported at its "
       "opening quote.",
       "One YAML document per file; a second `---` document is DOC.01.",
       "Correct the YAML at the line and column given: close the bracket or quote, indent the "
       "key under its section, put text that holds `: ` or ` #` in quotes (`title: \"Note: "
       "this\"`), or split a second `---` document into its own file.",
       S75_HEAD "partners: [{id: a, name: A, kind: icb}\n",
       S75_HEAD "partners: [{id: a, name: A, kind: icb}]\n",
       {ExpectFinding(kDocYamlSyntax, "", 4)}},
      {kDocDuplicateKey,
       "duplicate-key",
       Severity::kError,
       "No mapping repeats a key",
       kFormat,
       "A key may appear only once in a mapping. Each repeat is reported with the line of the "
       "first; the rules use the first value, never silently the other.",
       "A duplicate key is DOC.02 at each repeat, naming the first line; the rules use the first "
       "value.",
       "Keep one of the two entries: merge their contents under the first key (both "
       "`term: {commencement: 2024-04-01}` and `term: {expiry: 2027-03-31}` become "
       "`term: {commencement: 2024-04-01, expiry: 2027-03-31}`) and delete the repeat.",
       S75_HEAD "partners:\n  - {id: a, name: A, kind: icb}\nterm: {commencement: 2024-04-01}\n"
                "term: {commencement: 2024-05-01}\n",
       S75_HEAD "partners:\n  - {id: a, name: A, kind: icb}\nterm: {commencement: 2024-04-01}\n",
       {ExpectFinding(kDocDuplicateKey, "term")}},
      {kDocUnknownKey,
       "unknown-key",
       Severity::kWarning,
       "Every key is one the format defines",
       kFormat,
       "Every key must be one the agreement format defines at that place. A misspelt key "
       "would otherwise be ignored and its section judged missing, so the finding suggests the "
       "nearest known key.",
       "unknown key (with \"did you mean\" where a known key is close)",
       "Rename the key to the one suggested (`comencement:` to `commencement:`), or move it to "
       "the section where the format defines it; `s75check init` prints every key in its "
       "place. YAML merge keys (`<<`) are not supported: write the keys out.",
       S75_HEAD "partners:\n  - {id: a, name: A, kind: icb}\nterm: {comencement: 2024-04-01}\n",
       S75_HEAD "partners:\n  - {id: a, name: A, kind: icb}\nterm: {commencement: 2024-04-01}\n",
       {ExpectFinding(kDocUnknownKey, "term.comencement")}},
      {kDocWrongType,
       "wrong-type",
       Severity::kError,
       "Every value has its field's type",
       kFormat,
       "Every value must have its field's type: real calendar dates, money with at most two "
       "decimal places and no quotes, shares between 0 and 1, words from the field's "
       "vocabulary. The rules then ignore the bad value, so one mistake gives one finding.",
       "value of the wrong type (a date that is not a date, money that is not a number or has "
       "more than 2 decimals, a share outside 0..1); a value outside its vocabulary",
       "Write the value as its type requires: dates as YYYY-MM-DD (`commencement: "
       "2027-04-01`), money as a plain number without quotes, pound sign or separators "
       "(`pool_total: 564000.50`), shares between 0 and 1 (`ndc: 0.76`), and a word of the "
       "field's vocabulary, which the finding lists (`kind: local_authority`).",
       S75_HEAD "partners:\n  - {id: a, name: A, kind: icb}\nterm: {commencement: 2009-02-30}\n",
       S75_HEAD "partners:\n  - {id: a, name: A, kind: icb}\nterm: {commencement: 2009-02-28}\n",
       {ExpectFinding(kDocWrongType, "term.commencement")}},
      {kDocMissingRequired,
       "missing-required",
       Severity::kError,
       "Required keys are present",
       kFormat,
       "The keys the format marks as required (`format`, `agreement` with its `id` and "
       "`title`, and `partners` with each partner's `id`, `name` and `kind`) must be present.",
       "Keys marked * are required by the format itself (their absence is a document error)",
       "Add the missing key named in the finding, under the section it names: "
       "`format: s75check/1` first; under `agreement:` its `id` and `title` (`title: "
       "Intermediate care pooled fund`); and each partner with `id`, `name` and `kind` "
       "(`- {id: ndc, name: Northdale Council, kind: local_authority}`).",
       "format: s75check/1\nagreement: {id: demo}\npartners:\n  - {id: a, name: A, kind: icb}\n",
       S75_HEAD "partners:\n  - {id: a, name: A, kind: icb}\n",
       {ExpectFinding(kDocMissingRequired, "agreement")}},
      {kDocUnsupportedFormat,
       "unsupported-format",
       Severity::kError,
       "The format is s75check/1",
       kFormat,
       "The file must start with `format: s75check/1`, the version of the agreement format "
       "this tool reads. An empty file, or one whose top level is not a mapping, has no format.",
       "An empty file, or one whose top level is not a mapping, is DOC.06 (there is no "
       "`format`).",
       "Put `format: s75check/1` as the first line of the agreement.",
       "format: s75check/9\nagreement: {id: demo, title: Demo}\npartners:\n"
       "  - {id: a, name: A, kind: icb}\n",
       S75_HEAD "partners:\n  - {id: a, name: A, kind: icb}\n",
       {ExpectFinding(kDocUnsupportedFormat, "format")}},
      {kDocUnreadable,
       "unreadable",
       Severity::kError,
       "The file can be read within the limits",
       kFormat,
       "The file must exist, be readable UTF-8 and stay within the limits: 10 MiB, 256 nested "
       "collections, 1,000,000 nodes after aliases are expanded and 1 MiB in any one value "
       "(each configurable on `check` and `register`, and in the settings file). An alias "
       "that refers to itself is refused. In a directory, a `.yaml` entry that is not a "
       "readable file (a dangling link, a loop of links, a FIFO) and a directory that cannot "
       "be read are reported, never skipped.",
       "any other encoding, or invalid UTF-8, is DOC.07",
       "Save the file as UTF-8, or split it; if a limit is too low for a genuine agreement, "
       "raise it with --max-file-size, --max-depth, --max-nodes or --max-string-length.",
       S75_HEAD "partners:\n  - {id: a, name: A, kind: icb}\nscope:\n"
                "  nhs_functions: &a [x, x, x, x, x, x, x, x, x, x]\n"
                "  council_functions: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                "  services_included: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                "  services_excluded: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                "  client_groups: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                "aims:\n  statements: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
       S75_HEAD "partners:\n  - {id: a, name: A, kind: icb}\nscope:\n"
                "  nhs_functions: &a [x]\n  council_functions: *a\n",
       {ExpectFinding(kDocUnreadable, "", 12)}},
      {kDocDuplicateAgreementId,
       "duplicate-agreement-id",
       Severity::kWarning,
       "Agreement ids are unique within a run",
       kFormat,
       "Two files checked in one run must not share an `agreement.id`: registers, baselines "
       "and reports key on it. The later file (in path order) is reported, naming the first.",
       "id: hfd-mh-2002                # * unique within a sweep",
       "Give each agreement its own `agreement.id` (a renewed agreement might add its year: "
       "`id: northdale-ic-2027`), or remove the copy of the file.",
       "# a.yaml\n" S75_HEAD "partners: [{id: a, name: A, kind: icb}]\n"
       "# b.yaml\n" S75_HEAD "partners: [{id: b, name: B, kind: icb}]\n",
       "# a.yaml\n" S75_HEAD "partners: [{id: a, name: A, kind: icb}]\n"
       "# b.yaml\nformat: s75check/1\nagreement: {id: demo-2, title: Demo 2}\n"
       "partners: [{id: b, name: B, kind: icb}]\n",
       {ExpectFinding(kDocDuplicateAgreementId, "agreement.id")}},
      {kDocTextCutByComment,
       "text-cut-by-comment",
       Severity::kWarning,
       "Unquoted text is not cut short by a comment",
       "s75check rule catalogue v1",
       "In YAML a space or tab followed by `#` starts a comment, even in the middle of unquoted "
       "text: `legal: see clause #12 for disputes` reads as `see clause`, and the rest is "
       "dropped without a word. A comment written by the usual convention, with at least two "
       "spaces (or a tab) before the `#` and a space after it, as yamllint requires, is taken "
       "as meant; any other ` #` after unquoted text is reported, quoting the words dropped. "
       "Only fields whose type is text are checked. A `#` inside quotes or a block scalar "
       "(`|`, `>`) is text, and so is one with no space before it (`clause#12`). A `: ` or "
       "` #` that makes the YAML invalid is DOC.01, whose message says to put the text in "
       "quotes.",
       "an unquoted text value is followed on its line by a ` #` that YAML reads as the start "
       "of a comment but that is not written as one by the usual convention (at least two "
       "spaces before `#` and a space after it, as yamllint requires)",
       "If the words after the `#` belong to the text, put the whole value in quotes: "
       "`legal: \"Each partner bears its own legal costs (see clause #12 for disputes)\"` "
       "(inside double quotes write `\\\"` for a quote and `\\\\` for a backslash). If they "
       "are a comment, write it as one: at least two spaces before the `#` and one after it.",
       S75_HEAD "partners: [{id: a, name: A, kind: icb}]\ntechnical:\n"
                "  legal: Each partner bears its own legal costs (see clause #12 for disputes)\n",
       S75_HEAD "partners: [{id: a, name: A, kind: icb}]\ntechnical:\n"
                "  legal: \"Each partner bears its own legal costs (see clause #12 for "
                "disputes)\"\n",
       {ExpectFinding(kDocTextCutByComment, "technical.legal")}},
  };
  return kRules;
}

Finding DocFinding(std::string_view id, const std::string& file, int line, int column,
                   std::string path, std::string message) {
  for (const BuiltinRule& r : DocRules()) {
    if (r.id == id) {
      return MakeFinding(r, file, line, column, std::move(path), std::move(message));
    }
  }
  throw std::logic_error("unknown DOC rule " + std::string(id));
}

}  // namespace s75
