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

// The id of the outcome the model writes, which its schemes and performance
// payments name.
constexpr const char* kOutcomeId = "o1";

std::string FundId(size_t fund) { return "fund-" + std::to_string(fund + 1); }

std::string List(const std::vector<std::string>& items) { return "[" + Join(items, ", ") + "]"; }

class ModelWriter {
 public:
  explicit ModelWriter(const ModelOptions& options)
      : options_(options), ids_(ModelPartnerIds(options.partners)) {
    host_ = options.host.empty() ? ids_[0] : options.host;
    size_t funds = options.funds > 0 ? static_cast<size_t>(options.funds)
                                     : std::max<size_t>(1, options.arrangements.size());
    for (size_t i = 0; i < funds; ++i) {
      fund_ids_.push_back(FundId(i));
    }
  }

  std::string Write() {
    Header();
    Fields(AgreementFormat(), "", "");
    return std::move(out_);
  }

 private:
  void Header() {
    std::string shape = "arrangements: " + Join(options_.arrangements, ", ") +
                        "; financial model: " + options_.financial_model + "; " +
                        std::to_string(options_.partners) + " partners";
    if (options_.version != 1) {
      size_t funds = fund_ids_.size();
      shape = "format " + std::string(kFormatVersion2) + "; " + shape + "; " +
              std::to_string(funds) + (funds == 1 ? " fund" : " funds");
    }
    out_ += "# A model section 75 partnership agreement from `s75check init` (" + shape + ").\n";
    out_ +=
        "# Each key follows a comment: what it is for and, in brackets, the source that asks "
        "for it.\n";
    out_ += "# " + std::string(kModelPlaceholder) +
            " is a placeholder for text the partners must write; an empty value is one they "
            "must decide.\n";
    out_ += "# `s75check check FILE` lists every one still open.\n\n";
  }

  void Fields(const FieldSpec& object, const std::string& path, const std::string& indent) {
    std::vector<const FieldSpec*> written;
    for (const FieldSpec& f : object.fields) {
      if (f.In(options_.version)) {
        written.push_back(&f);
      }
    }
    for (const FieldSpec* f : written) {
      Field(*f, path.empty() ? f->name : path + "." + f->name, indent);
      if (indent.empty() && f != written.back()) {
        out_ += "\n";
      }
    }
  }

  void Field(const FieldSpec& f, const std::string& path, const std::string& indent) {
    std::optional<std::string> value = Decided(f, path);
    out_ += indent + "# " + Note(f, path) + Hint(f, value && !value->empty()) + "\n";
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

  // The field's comment; `format`'s names the version written.
  std::string Note(const FieldSpec& f, std::string_view path) const {
    if (path == "format" && options_.version == 1) {
      FieldSpec one = f;
      one.description = "Format name and version: " + std::string(kFormatVersion1) + ".";
      return FieldNote(one);
    }
    return FieldNote(f);
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
    items_.push_back(0);
    for (; items_.back() < ItemCount(path); ++items_.back()) {
      out_ += indent + "- # " + element.description + "\n";
      Fields(element, path, indent + "  ");
    }
    items_.pop_back();
  }

  size_t ItemCount(std::string_view path) const {
    if (path == "partners" || path == "finance.contributions" || path == "funds.contributions") {
      return ids_.size();
    }
    if (path == "funds") {
      return fund_ids_.size();
    }
    return path == "management.reporting" ? std::size(kReports) : 1;
  }

  // The entry being written of the innermost list, and of the outermost
  // (the partner or fund).
  size_t Item() const { return items_.back(); }
  size_t Outer() const { return items_.front(); }

  // The value the model writes; "" for an empty value (the drafter decides);
  // nullopt for a list written item by item.
  std::optional<std::string> Decided(const FieldSpec& f, std::string_view path) const {
    for (auto decide : {&ModelWriter::DecidedByOptions, &ModelWriter::DecidedByHost,
                        &ModelWriter::DecidedPerItem, &ModelWriter::DecidedPerFund}) {
      if (std::optional<std::string> v = (this->*decide)(path)) {
        return v;
      }
    }
    if (path == "agreement.id") {
      return "draft-agreement";
    }
    if (path == "outcomes.id") {
      return kOutcomeId;
    }
    if (path == "format") {
      return std::string(options_.version == 1 ? kFormatVersion1 : kFormatVersion2);
    }
    if (f.type == ValueType::kText) {
      return std::string(kModelPlaceholder);
    }
    if (f.IsScalar() || f.type == ValueType::kMap) {
      return "";
    }
    // A list of ids, years or words the drafter fills in (client groups).
    bool scalars = f.type == ValueType::kList && f.element->IsScalar();
    return scalars && f.element->type != ValueType::kText ? std::optional<std::string>("[]")
                                                          : std::nullopt;
  }

  // Values that follow from --arrangement, --model and --partners.
  std::optional<std::string> DecidedByOptions(std::string_view path) const {
    const auto& arrangements = options_.arrangements;
    bool non_statutory = std::all_of(arrangements.begin(), arrangements.end(),
                                     [](const std::string& a) { return a == "aligned_budget"; });
    if (path == "agreement.status") {
      return "draft";
    }
    if (path == "agreement.legal_basis") {
      return non_statutory ? "non_statutory" : "s75";
    }
    if (path == "agreement.arrangements") {
      return List(arrangements);
    }
    if (path == "agreement.financial_model") {
      return options_.financial_model;
    }
    if (path == "finance.pooled") {
      return Pooled(Has(arrangements, "pooled_fund"));
    }
    if (path == "governance.board.members") {
      return List(ids_);
    }
    return std::nullopt;
  }

  // "true" for a pooled fund, unless the financial model is an aligned budget.
  std::string Pooled(bool pooled_fund) const {
    return pooled_fund && options_.financial_model != "aligned_budget" ? "true" : "false";
  }

  // The host, wherever the format names it.
  std::optional<std::string> DecidedByHost(std::string_view path) const {
    if (path == "host.partner" || path == "management.pooled_fund_manager.partner" ||
        path == "funds.host" || path == "funds.manager.partner") {
      return host_;
    }
    if (path == "partners.role") {
      return ids_[Item()] == host_ ? "host" : "partner";
    }
    return std::nullopt;
  }

  // Values of the partners, contributions and reports, item by item.
  std::optional<std::string> DecidedPerItem(std::string_view path) const {
    if (path == "partners.id" || path == "finance.contributions.partner" ||
        path == "funds.contributions.partner") {
      return ids_[Item()];
    }
    if (path == "partners.kind") {
      return Item() == 0 ? "icb" : Item() == 1 ? "local_authority" : "other";
    }
    if (path == "management.reporting.report") {
      return kReports[Item()].kind;
    }
    if (path == "management.reporting.frequency") {
      return kReports[Item()].frequency;
    }
    return std::nullopt;
  }

  // Format 2: the funds, one per arrangement in turn, and what names them.
  std::optional<std::string> DecidedPerFund(std::string_view path) const {
    if (path == "funds.id") {
      return fund_ids_[Outer()];
    }
    if (path == "funds.arrangement" || path == "funds.pooled") {
      const std::string& a = options_.arrangements[Outer() % options_.arrangements.size()];
      return path == "funds.pooled" ? Pooled(a == "pooled_fund") : a;
    }
    if (path == "funds.schemes.id") {
      return fund_ids_[Outer()] + "-scheme-1";
    }
    if (path == "funds.schemes.outcomes") {
      return List({kOutcomeId});
    }
    if (path == "risk_fund.covers") {
      return List(fund_ids_);
    }
    if (path == "performance_payments.fund") {
      return fund_ids_[0];
    }
    if (path == "performance_payments.outcome") {
      return kOutcomeId;
    }
    return std::nullopt;
  }

  const ModelOptions& options_;
  std::vector<std::string> ids_;
  std::string host_;
  std::vector<std::string> fund_ids_;
  std::string out_;
  std::vector<size_t> items_;
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

std::vector<std::string> ModelPartnerIds(int partners) {
  std::vector<std::string> ids;
  ids.reserve(static_cast<size_t>(std::max(partners, 0)));
  for (int i = 0; i < partners; ++i) {
    ids.push_back(i == 0 ? "nhs-body" : i == 1 ? "council" : "partner-" + std::to_string(i + 1));
  }
  return ids;
}

std::string CheckModelOptions(const ModelOptions& options) {
  std::vector<std::string> ids = ModelPartnerIds(options.partners);
  if (!options.host.empty() && !Has(ids, options.host)) {
    std::string near = ClosestName(options.host, ids);
    return "--host must be one of the model's partner ids, " + Join(ids, ", ") + " (with " +
           std::to_string(options.partners) + " partners), not '" + options.host + "'" +
           (near.empty() ? "" : "; did you mean " + near + "?");
  }
  if (options.funds != 0 && options.version == 1) {
    return "--funds is for format 2: a format 1 agreement has one fund (its `host` and "
           "`finance`); give --format-version 2, or leave --funds out";
  }
  size_t arrangements = options.arrangements.size();
  if (options.funds != 0 && static_cast<size_t>(options.funds) < arrangements) {
    return "--funds " + std::to_string(options.funds) + " is fewer than the " +
           std::to_string(arrangements) +
           " arrangements given: each fund has one arrangement, "
           "so give --funds " +
           std::to_string(arrangements) + " or more, or leave it out";
  }
  return "";
}

std::string ModelAgreement(const ModelOptions& options) { return ModelWriter(options).Write(); }

}  // namespace s75
