#include "report/render_model.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <utility>

#include "common/join.h"
#include "report/money.h"

namespace s75 {

namespace {

// The clauses, in the order a lawyer expects them.
constexpr std::array<std::string_view, 13> kClauseTitles = {"Particulars", "Parties",
                                                            "Term",        "Aims and outcomes",
                                                            "Scope",       "Host and management",
                                                            "Governance",  "Finance and risk share",
                                                            "Capital",     "Technical matters",
                                                            "Information", "Termination",
                                                            "Schedules"};

// A provision of a clause: a field of the format shown as one numbered line,
// in the order listed here.
struct ProvisionSpec {
  int clause;
  std::string_view path;
  std::string_view label;
};

constexpr auto kProvisions = std::to_array<ProvisionSpec>({
    {0, "agreement.id", "Reference"},
    {0, "agreement.status", "Status"},
    {0, "format", "Format"},
    {1, "partners", "The parties"},
    {1, "agreement.legal_basis", "Legal basis"},
    {1, "agreement.arrangements", "Arrangements"},
    {1, "agreement.financial_model", "Pooled budget model"},
    {1, "agreement.consultation", "Consultation"},
    {2, "term.commencement", "Commencement"},
    {2, "term.expiry", "Expiry"},
    {2, "term.duration_months", "Duration"},
    {2, "term.review", "Review"},
    {2, "term.renewal", "Renewal"},
    {3, "aims.year", "Year of the aims"},
    {3, "aims.agreed_on", "Aims agreed on"},
    {3, "aims.statements", "Aims"},
    {3, "outcomes", "Outcomes"},
    {4, "scope.client_groups", "Client groups"},
    {4, "scope.nhs_functions", "NHS functions"},
    {4, "scope.council_functions", "Council functions"},
    {4, "scope.services_included", "Services included"},
    {4, "scope.services_excluded", "Services excluded"},
    {5, "host.partner", "Host"},
    {5, "host.support", "Support for the host"},
    {5, "management.pooled_fund_manager", "Pooled fund manager"},
    {5, "management.monitoring", "Monitoring"},
    {5, "management.reporting", "Reporting"},
    {5, "staff.arrangements", "Staff"},
    {5, "staff.joint_posts", "Joint posts"},
    {6, "governance.board", "Partnership board"},
    {6, "governance.financial", "Financial governance"},
    {6, "governance.corporate", "Corporate governance"},
    {6, "governance.decision_making", "Decision-making"},
    {6, "governance.scrutiny", "Scrutiny"},
    {6, "governance.conduct", "Conduct"},
    {6, "governance.capacity", "Capacity of board members"},
    {6, "user_involvement.feedback", "Feedback from users and carers"},
    {6, "user_involvement.priorities", "Users and carers in setting priorities"},
    {7, "finance.year", "Financial year"},
    {7, "finance.pooled", "Pooled"},
    {7, "finance.pool_total", "Pool total"},
    {7, "finance.contributions", "Contributions"},
    {7, "finance.variation", "Variation of contributions"},
    {7, "finance.other_resources", "Other resources"},
    {7, "finance.split_elements", "Separate health and social care budgets"},
    {7, "finance.commissioning_accounted_separately", "Commissioning accounted for separately"},
    {7, "finance.overspend", "Overspends"},
    {7, "finance.underspend", "Underspends"},
    {7, "finance.year_end_disclosure", "Year-end disclosure"},
    {7, "finance.recharge_formula", "Recharge formula"},
    {7, "finance.budget_timetable", "Budget timetable"},
    {7, "finance.user_charging", "Charges to users"},
    {7, "finance.charging", "Charging"},
    {7, "finance.value_for_money", "Value for money"},
    {7, "finance.audit", "Audit"},
    {8, "capital.ownership", "Ownership of capital items"},
    {8, "capital.disclosure", "Disclosure of capital items"},
    {9, "technical.vat", "VAT"},
    {9, "technical.liability", "Liability"},
    {9, "technical.insurance", "Insurance"},
    {9, "technical.indemnity", "Indemnities"},
    {9, "technical.legal", "Legal advice and costs"},
    {9, "technical.complaints", "Complaints"},
    {9, "technical.disputes", "Disputes"},
    {9, "technical.risk_sharing", "Risk sharing"},
    {9, "technical.risk_register", "Risk register"},
    {10, "information.data_collection", "Data collection"},
    {10, "information.information_sharing", "Information sharing"},
    {10, "information.record_keeping", "Record keeping"},
    {12, "waivers", "Accepted findings (waivers)"},
});

// Termination's provisions live under term but form their own clause; the
// sections whose findings fall to a clause when no provision matches.
constexpr auto kClausePrefixes = std::to_array<ProvisionSpec>({
    {0, "agreement", ""},
    {0, "agreement.title", ""},
    {2, "term", ""},
    {3, "aims", ""},
    {3, "outcomes", ""},
    {4, "scope", ""},
    {5, "host", ""},
    {5, "management", ""},
    {5, "staff", ""},
    {6, "governance", ""},
    {6, "user_involvement", ""},
    {7, "finance", ""},
    {8, "capital", ""},
    {9, "technical", ""},
    {10, "information", ""},
    {11, "term.termination", ""},
    {12, "waivers", ""},
    {1, "partners", ""},
});

// Termination's fields, each a provision of clause 11.
constexpr std::array<std::string_view, 5> kTerminationFields = {
    "notice_months", "exit_strategy", "asset_distribution", "liability_distribution",
    "service_continuity"};

// Labels of fields inside provisions where the field's name does not read well.
const std::map<std::string, std::string, std::less<>>& SubLabels() {
  static const std::map<std::string, std::string, std::less<>> kLabels = {
      {"term.termination.notice_months", "Notice period"},
      {"term.termination.exit_strategy", "Exit strategy"},
      {"term.termination.asset_distribution", "Distribution of assets"},
      {"term.termination.liability_distribution", "Distribution of liabilities"},
      {"term.termination.service_continuity", "Continuity of services"},
      {"partners[].signatory.title", "post"},
      {"partners[].kind", "kind of body"},
      {"partners[].id", "identifier"},
      {"outcomes[].id", "identifier"},
      {"term.review.evaluates_outcomes", "evaluates performance against the outcomes"},
      {"management.pooled_fund_manager.partner", "employed by"},
      {"staff.joint_posts[].employer", "employed by"},
      {"finance.overspend.host_first_amount", "borne by the host first"},
      {"finance.audit.internal", "internal audit"},
      {"finance.audit.external", "external audit"},
      {"technical.complaints.joint", "one joint procedure"},
      {"technical.risk_register.shared", "shared by the partners"},
      {"management.monitoring.joint", "jointly by the partners"},
      {"waivers[].expires", "expires on"},
  };
  return kLabels;
}

// The field that names an entry of a list of mappings; entries of the lists
// marked `expanded` show their other fields as lettered details.
struct ListStyle {
  std::string_view path;
  std::string_view heading;
  bool expanded;
};

constexpr auto kListStyles = std::to_array<ListStyle>({
    {"partners", "name", true},
    {"outcomes", "description", true},
    {"finance.contributions", "partner", false},
    {"finance.other_resources", "partner", false},
    {"management.reporting", "report", false},
    {"staff.joint_posts", "title", false},
    {"waivers", "rule", false},
});

// How the format's words read in a sentence.
const std::map<std::string, std::string, std::less<>>& Wording() {
  static const std::map<std::string, std::string, std::less<>> kWords = {
      {"s75", "section 75 of the National Health Service Act 2006"},
      {"s75_s77", "sections 75 and 77 of the National Health Service Act 2006 (care trust)"},
      {"s256", "section 256 of the National Health Service Act 2006"},
      {"s76", "section 76 of the National Health Service Act 2006"},
      {"non_statutory", "no statutory power (a non-statutory arrangement)"},
      {"pct", "primary care trust"},
      {"ccg", "clinical commissioning group"},
      {"icb", "integrated care board"},
      {"nhs_trust", "NHS trust"},
      {"nhs_foundation_trust", "NHS foundation trust"},
      {"nhs_england", "NHS England"},
      {"six_monthly", "six-monthly"},
      {"needs_assessment", "needs assessment"},
      {"historical", "historical spend"},
      {"annual_return", "annual return"},
  };
  return kWords;
}

// How the year-end approaches (finance.overspend.approach, ...underspend...) read.
const std::map<std::string, std::string, std::less<>>& ApproachWording() {
  static const std::map<std::string, std::string, std::less<>> kWords = {
      {"host_first_then_proportional",
       "the host bears the first amount, the rest is shared in proportion to contributions"},
      {"proportional", "shared in proportion to contributions"},
      {"fixed_shares", "shared in fixed shares"},
      {"host", "borne by the host"},
      {"carry_forward", "carried forward"},
      {"return", "returned to the partners"},
      {"each_partner_own", "left with the partner whose services gave rise to it (no risk share)"},
  };
  return kWords;
}

// "term.review" is `prefix` of "term.review.frequency" and "partners" of "partners[1]".
bool IsPathPrefix(std::string_view prefix, std::string_view path) {
  if (prefix.empty()) {
    return true;
  }
  return path.substr(0, prefix.size()) == prefix &&
         (path.size() == prefix.size() || path[prefix.size()] == '.' || path[prefix.size()] == '[');
}

// "partners[1].kind" or "partners[].kind" as "partners.kind".
std::string WithoutIndices(std::string_view path) {
  std::string out;
  bool in_index = false;
  for (char c : path) {
    in_index = c == '[' || (in_index && c != ']');
    if (!in_index && c != ']') {
      out += c;
    }
  }
  return out;
}

// The clause whose section holds `path`: the longest prefix in the tables.
int ClauseIndexOf(std::string_view path) {
  std::string bare = WithoutIndices(path);
  int best = -1;
  size_t best_length = 0;
  auto consider = [&](const ProvisionSpec& p) {
    if (IsPathPrefix(p.path, bare) && (best < 0 || p.path.size() > best_length)) {
      best = p.clause;
      best_length = p.path.size();
    }
  };
  for (const ProvisionSpec& p : kProvisions) {
    consider(p);
  }
  for (const ProvisionSpec& p : kClausePrefixes) {
    consider(p);
  }
  return best;
}

// The spec of the format field at `path` ("finance.audit.internal"), or null.
const FieldSpec* FieldAt(std::string_view path) {
  const FieldSpec* spec = &AgreementFormat();
  size_t start = 0;
  while (spec != nullptr && start <= path.size()) {
    size_t dot = path.find('.', start);
    std::string_view name = path.substr(start, dot == std::string_view::npos ? dot : dot - start);
    while (spec->type == ValueType::kList) {
      spec = spec->element.get();
    }
    int index = spec->FieldIndex(name);
    spec = index < 0 ? nullptr : &spec->fields[static_cast<size_t>(index)];
    if (dot == std::string_view::npos) {
      return spec;
    }
    start = dot + 1;
  }
  return nullptr;
}

bool IsPathChar(char c) {
  return std::islower(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

// Where a finding belongs. A finding about a missing key points at the
// mapping that lacks it; when its message names the key
// ("(capital.disclosure) is missing"), it belongs beside that key.
std::string FindingPath(const Finding& f) {
  std::string best = f.path;
  if (f.path.find('[') != std::string::npos) {
    return best;
  }
  const std::string& m = f.message;
  for (size_t i = 0; i < m.size();) {
    size_t end = i;
    while (end < m.size() && IsPathChar(m[end])) {
      ++end;
    }
    std::string token = m.substr(i, end - i);
    while (!token.empty() && token.back() == '.') {
      token.pop_back();
    }
    if (token.size() > best.size() && token.find('.') != std::string::npos &&
        IsPathPrefix(f.path, token) && FieldAt(token) != nullptr) {
      best = token;
    }
    i = end == i ? i + 1 : end;
  }
  return best;
}

std::string Letter(size_t i) {
  return i < 26 ? std::string(1, static_cast<char>('a' + i)) : std::to_string(i + 1);
}

std::string Roman(size_t n) {
  static constexpr std::array<std::pair<size_t, std::string_view>, 7> kNumerals = {
      {{50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}}};
  std::string out;
  for (const auto& [value, numeral] : kNumerals) {
    for (; n >= value; n -= value) {
      out += numeral;
    }
  }
  return out;
}

// Lays the document out as clauses, one field at a time.
class Renderer {
 public:
  Renderer(const Document& doc, RenderedAgreement& out) : doc_(doc), out_(out) {
    const Node* partners = FieldOf(doc.root, "partners");
    for (const Node* p : partners != nullptr ? partners->items : std::vector<Node*>{}) {
      const Node* id = FieldOf(p, "id");
      const Node* name = FieldOf(p, "name");
      if (id != nullptr && name != nullptr && !id->invalid) {
        partner_names_.emplace(id->text, name->text);
      }
    }
  }

  void Build() {
    for (size_t i = 0; i < kClauseTitles.size(); ++i) {
      out_.clauses.push_back({static_cast<int>(i), std::string(kClauseTitles[i]), {}, {}});
    }
    const Node* title = NodeAt(doc_.root, "agreement.title");
    out_.title =
        title != nullptr ? Value(title, *FieldAt("agreement.title"), "agreement.title") : out_.file;
    for (const ProvisionSpec& p : kProvisions) {
      if (const Node* node = NodeAt(doc_.root, p.path)) {
        AddProvision(out_.clauses[static_cast<size_t>(p.clause)], node, *FieldAt(p.path),
                     std::string(p.path), std::string(p.label));
      }
    }
    const Node* termination = NodeAt(doc_.root, "term.termination");
    for (std::string_view name : kTerminationFields) {
      std::string path = "term.termination." + std::string(name);
      if (const Node* node = FieldOf(termination, name)) {
        AddProvision(out_.clauses[11], node, *FieldAt(path), path, Label(path, name));
      }
    }
  }

 private:
  // The value at a dotted path of fields (no list indices), or null.
  static const Node* NodeAt(const Node* node, std::string_view path) {
    size_t start = 0;
    while (node != nullptr) {
      size_t dot = path.find('.', start);
      node = FieldOf(node, path.substr(start, dot == std::string_view::npos ? dot : dot - start));
      if (dot == std::string_view::npos) {
        return node;
      }
      start = dot + 1;
    }
    return nullptr;
  }

  static std::string Label(const std::string& field_path, std::string_view name) {
    auto it = SubLabels().find(field_path);
    if (it != SubLabels().end()) {
      return it->second;
    }
    std::string label(name);
    std::replace(label.begin(), label.end(), '_', ' ');
    return label;
  }

  static const ListStyle* StyleOf(std::string_view field_path) {
    for (const ListStyle& s : kListStyles) {
      if (s.path == field_path) {
        return &s;
      }
    }
    return nullptr;
  }

  // A partner id as the partner's name, when it is one.
  std::string PartnerName(const std::string& id) const {
    auto it = partner_names_.find(id);
    return it != partner_names_.end() ? it->second : id;
  }

  static bool RefersToPartner(const FieldSpec& spec, std::string_view field_path) {
    if (field_path == "outcomes[].lead") {
      return true;
    }
    return spec.type == ValueType::kId && field_path != "agreement.id" &&
           field_path != "partners[].id" && field_path != "outcomes[].id";
  }

  static std::string Words(const std::string& word, std::string_view field_path) {
    const auto& words = field_path.ends_with(".approach") ? ApproachWording() : Wording();
    auto it = words.find(word);
    if (it != words.end()) {
      return it->second;
    }
    std::string out = word;
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
  }

  // A scalar as people write it: dates in words, money in pounds.
  std::string Value(const Node* node, const FieldSpec& spec, const std::string& field_path) {
    out_.rendered_fields.insert(field_path);
    if (node->invalid || node->kind != NodeKind::kScalar) {
      return node->text;
    }
    if (const auto* date = std::get_if<Date>(&node->typed)) {
      return date->ToLongString();
    }
    if (const auto* amount = std::get_if<Decimal>(&node->typed)) {
      if (spec.type == ValueType::kMoney) {
        return PoundsText(*amount);
      }
      if (spec.type == ValueType::kShare) {
        std::optional<Decimal> percent = amount->Mul(Decimal::FromInt(100));
        return percent ? percent->ToString() + "%" : node->text;
      }
    }
    if (const bool* yes = std::get_if<bool>(&node->typed)) {
      return *yes ? "yes" : "no";
    }
    if (spec.type == ValueType::kInteger && field_path.ends_with("_months")) {
      return node->text + (node->text == "1" ? " month" : " months");
    }
    if (spec.type == ValueType::kEnum) {
      return Words(node->text, field_path);
    }
    return RefersToPartner(spec, field_path) ? PartnerName(node->text) : node->text;
  }

  // A mapping, list or map on one line: "name A. Jones; employed by X".
  std::string Inline(const Node* node, const FieldSpec& spec, const std::string& field_path,
                     int level, std::string_view skip = "") {
    if (spec.IsScalar()) {
      return Value(node, spec, field_path);
    }
    if (node->invalid) {
      out_.rendered_fields.insert(field_path);
      return node->text;
    }
    std::vector<std::string> parts;
    std::string_view separator = level == 0 ? "; " : ", ";
    if (spec.type == ValueType::kList) {
      for (const Node* item : node->items) {
        parts.push_back(Inline(item, *spec.element, field_path + "[]", level + 1));
      }
      return Join(parts, spec.element->IsScalar() ? ", " : "; ");
    }
    if (spec.type == ValueType::kMap) {
      out_.rendered_fields.insert(field_path);
      for (const auto& [key, value] : node->entries) {
        parts.push_back(PartnerName(key->text) + " " + Inline(value, *spec.element, field_path, 1));
      }
      return Join(parts, ", ");
    }
    for (const FieldSpec& field : spec.fields) {
      const Node* value = FieldOf(node, field.name);
      if (value == nullptr || field.name == skip) {
        continue;
      }
      std::string path = field_path + "." + field.name;
      parts.push_back(Label(path, field.name) + ": " + Inline(value, field, path, level + 1));
    }
    return Join(parts, separator);
  }

  // A list's entries as lettered lines under its provision.
  void AddEntries(Clause& clause, const Node* list, const FieldSpec& spec, const std::string& path,
                  const std::string& field_path) {
    const FieldSpec& element = *spec.element;
    const ListStyle* style = StyleOf(field_path);
    std::string item_field_path = field_path + "[]";
    for (size_t i = 0; i < list->items.size(); ++i) {
      const Node* item = list->items[i];
      std::string item_path = path + "[" + std::to_string(i) + "]";
      Provision entry{"(" + Letter(i) + ")", 1, "", "", item_path, {}};
      if (element.IsScalar() || style == nullptr || item->invalid) {
        entry.text = Inline(item, element, item_field_path, 0);
        clause.provisions.push_back(std::move(entry));
        continue;
      }
      std::string heading_path = item_field_path + "." + std::string(style->heading);
      const Node* heading = FieldOf(item, style->heading);
      entry.text = heading != nullptr
                       ? Value(heading, *FieldAt(WithoutIndices(heading_path)), heading_path)
                       : "";
      if (!style->expanded) {
        std::string rest = Inline(item, element, item_field_path, 0, style->heading);
        entry.text += entry.text.empty() || rest.empty() ? rest : " — " + rest;
        clause.provisions.push_back(std::move(entry));
        continue;
      }
      clause.provisions.push_back(std::move(entry));
      AddDetails(clause, item, element, item_path, item_field_path, style->heading);
    }
  }

  // The fields of an expanded entry, as (i), (ii), ... lines.
  void AddDetails(Clause& clause, const Node* item, const FieldSpec& element,
                  const std::string& item_path, const std::string& item_field_path,
                  std::string_view heading) {
    size_t n = 0;
    for (const FieldSpec& field : element.fields) {
      const Node* value = FieldOf(item, field.name);
      if (value == nullptr || field.name == heading) {
        continue;
      }
      std::string field_path = item_field_path + "." + field.name;
      clause.provisions.push_back({"(" + Roman(++n) + ")",
                                   2,
                                   Label(field_path, field.name),
                                   Inline(value, field, field_path, 0),
                                   item_path + "." + field.name,
                                   {}});
    }
  }

  void AddProvision(Clause& clause, const Node* node, const FieldSpec& spec,
                    const std::string& path, const std::string& label) {
    std::string number = clause.number == 0 ? ""
                                            : std::to_string(clause.number) + "." +
                                                  std::to_string(CountTopLevel(clause) + 1);
    bool entries = spec.type == ValueType::kList && !node->invalid &&
                   (spec.element->type == ValueType::kText || !spec.element->IsScalar());
    std::string text = !entries ? Inline(node, spec, path, 0) : node->items.empty() ? "none" : "";
    clause.provisions.push_back({number, 0, label, text, path, {}});
    if (entries) {
      out_.rendered_fields.insert(path);
      AddEntries(clause, node, spec, path, path);
    }
  }

  static size_t CountTopLevel(const Clause& clause) {
    return static_cast<size_t>(std::count_if(clause.provisions.begin(), clause.provisions.end(),
                                             [](const Provision& p) { return p.depth == 0; }));
  }

  const Document& doc_;
  RenderedAgreement& out_;
  std::map<std::string, std::string, std::less<>> partner_names_;
};

// Puts each finding beside the provision it concerns, else its clause, else
// among the general ones.
void PlaceFindings(RenderedAgreement& out, const std::vector<Finding>& findings) {
  for (const Finding& f : findings) {
    std::string path = FindingPath(f);
    Provision* best = nullptr;
    for (Clause& clause : out.clauses) {
      for (Provision& p : clause.provisions) {
        if (IsPathPrefix(p.path, path) && (best == nullptr || p.path.size() > best->path.size())) {
          best = &p;
        }
      }
    }
    int clause = path.empty() ? -1 : ClauseIndexOf(path);
    if (best != nullptr && !path.empty()) {
      best->findings.push_back(&f);
    } else if (clause >= 0) {
      out.clauses[static_cast<size_t>(clause)].findings.push_back(&f);
    } else {
      out.general.push_back(&f);
    }
  }
}

}  // namespace

RenderedAgreement RenderAgreement(const Document& doc, const std::vector<Finding>& findings) {
  RenderedAgreement out;
  out.file = doc.file;
  Renderer(doc, out).Build();
  PlaceFindings(out, findings);
  return out;
}

std::string ClauseOfField(std::string_view path) {
  int clause = ClauseIndexOf(path);
  return clause < 0 ? "" : std::string(kClauseTitles[static_cast<size_t>(clause)]);
}

}  // namespace s75
