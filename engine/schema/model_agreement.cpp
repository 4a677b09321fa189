#include "schema/model_agreement.h"

#include <algorithm>
#include <optional>

#include "common/join.h"
#include "schema/format.h"

namespace s75 {

namespace {

// The field at a dotted path from the root of the format.
const FieldSpec& SpecAt(std::string_view path) {
  const FieldSpec* spec = &AgreementFormat();
  while (!path.empty()) {
    size_t dot = path.find('.');
    std::string_view name = path.substr(0, dot);
    if (spec->type == ValueType::kList) {
      spec = spec->element.get();
    }
    spec = &spec->fields[static_cast<size_t>(spec->FieldIndex(name))];
    path = dot == std::string_view::npos ? "" : path.substr(dot + 1);
  }
  return *spec;
}

bool Has(const std::vector<std::string>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The reports every model asks for: PAR reg 7 (quarterly financial reports
// and an annual return) and HFD R9 (joint targets reported).
struct Report {
  const char* kind;
  const char* frequency;
};
constexpr Report kReports[] = {
    {"financial", "quarterly"}, {"performance", "quarterly"}, {"annual_return", "annual"}};

class ModelWriter {
 public:
  explicit ModelWriter(const ModelOptions& options) : options_(options) {
    for (int i = 0; i < options.partners; ++i) {
      ids_.push_back(i == 0 ? "nhs-body" : i == 1 ? "council" : "partner-" + std::to_string(i + 1));
    }
  }

  std::string Write() {
    Header();
    Fields(AgreementFormat(), "", "");
    return std::move(out_);
  }

 private:
  void Header() {
    out_ += "# A model section 75 partnership agreement from `s75check init` (arrangements: " +
            Join(options_.arrangements, ", ") + "; financial model: " + options_.financial_model +
            "; " + std::to_string(options_.partners) + " partners).\n";
    out_ +=
        "# Each key follows a comment: what it is for and, in brackets, the source that asks "
        "for it.\n";
    out_ += "# " + std::string(kModelPlaceholder) +
            " is a placeholder for text the partners must write; an empty value is one they "
            "must decide.\n";
    out_ += "# `s75check check FILE` lists every one still open.\n\n";
  }

  void Fields(const FieldSpec& object, const std::string& path, const std::string& indent) {
    for (const FieldSpec& f : object.fields) {
      Field(f, path.empty() ? f.name : path + "." + f.name, indent);
      if (indent.empty() && &f != &object.fields.back()) {
        out_ += "\n";
      }
    }
  }

  void Field(const FieldSpec& f, const std::string& path, const std::string& indent) {
    std::optional<std::string> value = Decided(f, path);
    out_ += indent + "# " + FieldNote(f) + Hint(f, value && !value->empty()) + "\n";
    out_ += indent + f.name + ":";
    if (f.type == ValueType::kObject) {
      out_ += "\n";
      return Fields(f, path, indent + "  ");
    }
    if (f.type == ValueType::kList && !value) {
      out_ += "\n";
      return Items(f, path, indent + "  ");
    }
    out_ += (value && !value->empty() ? " " + *value : "") + "\n";
  }

  // A note on what to write, added to the field's comment.
  static std::string Hint(const FieldSpec& f, bool decided) {
    if (f.type == ValueType::kEnum) {
      return " One of: " + Join(f.vocabulary, ", ") + ".";
    }
    if (f.type == ValueType::kList && f.element->type == ValueType::kEnum) {
      return " Any of: " + Join(f.element->vocabulary, ", ") + ".";
    }
    if (f.type == ValueType::kMap) {
      return " Write each partner's share by id, e.g. {nhs-body: 0.6, council: 0.4}.";
    }
    if (f.IsScalar() && f.type != ValueType::kText && !decided) {
      return " Write " + TypeDescription(f) + ".";
    }
    return "";
  }

  void Items(const FieldSpec& list, const std::string& path, const std::string& indent) {
    const FieldSpec& element = *list.element;
    if (element.type != ValueType::kObject) {
      out_ += indent + "- " + std::string(kModelPlaceholder) + "\n";
      return;
    }
    size_t outer = item_;
    for (item_ = 0; item_ < ItemCount(path); ++item_) {
      out_ += indent + "- # " + element.description + "\n";
      Fields(element, path, indent + "  ");
    }
    item_ = outer;
  }

  size_t ItemCount(std::string_view path) const {
    if (path == "partners" || path == "finance.contributions") {
      return ids_.size();
    }
    return path == "management.reporting" ? std::size(kReports) : 1;
  }

  // The value the model writes; "" for an empty value (the drafter decides);
  // nullopt for a list written item by item.
  std::optional<std::string> Decided(const FieldSpec& f, std::string_view path) const {
    if (std::optional<std::string> v = DecidedByOptions(path)) {
      return v;
    }
    if (std::optional<std::string> v = DecidedPerItem(path)) {
      return v;
    }
    if (path == "agreement.id") {
      return "draft-agreement";
    }
    if (path == "scope.client_groups") {
      return "[]";
    }
    if (path == "outcomes.id") {
      return "o1";
    }
    if (path == "format") {
      return std::string(kFormatVersion);
    }
    if (f.type == ValueType::kText) {
      return std::string(kModelPlaceholder);
    }
    if (f.IsScalar() || f.type == ValueType::kMap) {
      return "";
    }
    return std::nullopt;
  }

  // Values that follow from --arrangement, --model and --partners.
  std::optional<std::string> DecidedByOptions(std::string_view path) const {
    const auto& arrangements = options_.arrangements;
    bool non_statutory = std::all_of(arrangements.begin(), arrangements.end(),
                                     [](const std::string& a) { return a == "aligned_budget"; });
    bool pooled = Has(arrangements, "pooled_fund") && options_.financial_model != "aligned_budget";
    if (path == "agreement.status") {
      return "draft";
    }
    if (path == "agreement.legal_basis") {
      return non_statutory ? "non_statutory" : "s75";
    }
    if (path == "agreement.arrangements") {
      return "[" + Join(arrangements, ", ") + "]";
    }
    if (path == "agreement.financial_model") {
      return options_.financial_model;
    }
    if (path == "finance.pooled") {
      return pooled ? "true" : "false";
    }
    if (path == "governance.board.members") {
      return "[" + Join(ids_, ", ") + "]";
    }
    if (path == "host.partner" || path == "management.pooled_fund_manager.partner") {
      return ids_[0];
    }
    return std::nullopt;
  }

  // Values of the partners, contributions and reports, item by item.
  std::optional<std::string> DecidedPerItem(std::string_view path) const {
    if (path == "partners.id" || path == "finance.contributions.partner") {
      return ids_[item_];
    }
    if (path == "partners.kind") {
      return item_ == 0 ? "icb" : item_ == 1 ? "local_authority" : "other";
    }
    if (path == "partners.role") {
      return item_ == 0 ? "host" : "partner";
    }
    if (path == "management.reporting.report") {
      return kReports[item_].kind;
    }
    if (path == "management.reporting.frequency") {
      return kReports[item_].frequency;
    }
    return std::nullopt;
  }

  const ModelOptions& options_;
  std::vector<std::string> ids_;
  std::string out_;
  size_t item_ = 0;
};

}  // namespace

const std::vector<std::string>& ModelArrangements() {
  static const std::vector<std::string> kArrangements = {"pooled_fund", "lead_commissioning",
                                                         "integrated_provision", "aligned_budget"};
  return kArrangements;
}

const std::vector<std::string>& ModelFinancialModels() {
  return SpecAt("agreement.financial_model").vocabulary;
}

std::string ModelAgreement(const ModelOptions& options) { return ModelWriter(options).Write(); }

}  // namespace s75
