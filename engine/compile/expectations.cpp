#include "compile/expectations.h"

#include <algorithm>
#include <string>

#include "schema/format.h"

namespace s75 {

namespace {

// The position of character `offset` of an expectation's path.
SourceRange PathAt(const ExpectedFinding& e, size_t offset) {
  SourceRange at = e.path_range;
  at.column += static_cast<int>(offset);
  return at;
}

// The field a key of `spec` leads to, or null with the reason in `error`:
// an object's field, or a mapping's entry (keyed by a partner id).
const FieldSpec* KeyOf(const FieldSpec& spec, const std::string& key, const std::string& where,
                       std::string& error) {
  if (spec.type == ValueType::kObject) {
    int index = spec.FieldIndex(key);
    if (index < 0) {
      error = UnknownFieldMessage(key, spec);
      return nullptr;
    }
    return &spec.fields[static_cast<size_t>(index)];
  }
  if (spec.type == ValueType::kMap) {
    return spec.element.get();
  }
  if (spec.type == ValueType::kList) {
    error = "`" + where + "` is a list: name one of its items, as in `" + where + "[0]`";
  } else {
    error = "`" + where + "` is a single value, with no `" + key + "` in it";
  }
  return nullptr;
}

// The item spec of the list `spec`, for `[index]`, or null with the reason in `error`.
const FieldSpec* IndexOf(const FieldSpec& spec, const std::string& index, const std::string& where,
                         std::string& error) {
  if (spec.type != ValueType::kList) {
    error = "`" + where + "` is not a list, so it has no `[" + index + "]`";
    return nullptr;
  }
  if (index.find('.') != std::string::npos) {
    error = "a list index is a whole number, not " + index;
    return nullptr;
  }
  return spec.element.get();
}

// Checks that the path names a place of the agreement format, walking it one
// key or `[index]` at a time; reports the first step that leaves the format.
void CheckPath(const ExpectedFinding& e, Diagnostics& diags) {
  const std::string& path = e.path;
  const FieldSpec* spec = &AgreementFormat();
  std::string error;
  size_t step = 0;
  size_t i = 0;
  while (spec != nullptr && i < path.size()) {
    std::string where = path.substr(0, i);
    step = i;
    if (path[i] == '[') {
      size_t close = path.find(']', i);
      spec = IndexOf(*spec, path.substr(i + 1, close - i - 1), where, error);
      i = close + 1;
    } else {
      step += path[i] == '.' ? 1 : 0;
      i = std::min(path.find_first_of(".[", step), path.size());
      spec = KeyOf(*spec, path.substr(step, i - step), where, error);
    }
  }
  if (spec == nullptr) {
    error.append(" (in the expected path `").append(path).append("`)");
    diags.Error(PathAt(e, step), error);
  }
}

}  // namespace

void CheckExpectedFindings(const RuleDecl& rule, Diagnostics& diags) {
  for (const RuleTest& test : rule.tests) {
    for (const ExpectedFinding& e : test.expected) {
      if (e.rule != rule.id) {
        diags.Error(e.range, "a test of " + rule.id + " runs only " + rule.id +
                                 ", so it cannot expect a finding of " + e.rule);
      }
      CheckPath(e, diags);
    }
  }
}

}  // namespace s75
