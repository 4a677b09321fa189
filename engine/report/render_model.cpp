#include "report/render_model.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <map>
#include <optional>
#include <utility>

#include "common/join.h"
#include "report/money.h"

namespace s75 {

namespace {

// The sections of an agreement, in the order a lawyer expects them. Each is
// one clause, except the funds and the agreement's own clauses (one clause
// per entry) and the definitions (a clause only when there are some).
enum class Section {
  kParticulars,
  kDefinitions,
  kParties,
  kTerm,
  kAims,
  kScope,
  kManagement,
  kGovernance,
  kFinance,
  kFunds,
  kCapital,
  kTechnical,
  kInformation,
  kTermination,
  kOwnClauses,
  kSchedules,
};

struct SectionSpec {
  Section section;
  std::string_view title;          // in a format 1 file, where it has the section
  std::string_view format2_title;  // in a format 2 file
  bool format2_only;
};

constexpr auto kSections = std::to_array<SectionSpec>({
    {Section::kParticulars, "Particulars", "Particulars", false},
    {Section::kDefinitions, "Definitions", "Definitions", true},
    {Section::kParties, "Parties", "Parties", false},
    {Section::kTerm, "Term", "Term", false},
    {Section::kAims, "Aims and outcomes", "Aims and outcomes", false},
    {Section::kScope, "Scope", "Scope", false},
    {Section::kManagement, "Host and management", "Management", false},
    {Section::kGovernance, "Governance", "Governance", false},
    {Section::kFinance, "Finance and risk share", "Finance and risk share", false},
    {Section::kFunds, "Fund", "Fund", true},  // "Fund: NAME", one per fund
    {Section::kCapital, "Capital", "Capital", false},
    {Section::kTechnical, "Technical matters", "Technical matters", false},
    {Section::kInformation, "Information", "Information", false},
    {Section::kTermination, "Termination", "Termination", false},
    {Section::kOwnClauses, "Clauses of the agreement", "Clauses of the agreement", true},
    {Section::kSchedules, "Schedules", "Schedules", false},
});

// A provision of a clause: a field of the format shown as one numbered line,
// in the order listed here. Fields of the other version are never in the
// document, so one table serves both.
struct ProvisionSpec {
  Section section;
  std::string_view path;
  std::string_view label;
};

constexpr auto kProvisions = std::to_array<ProvisionSpec>({
    {Section::kParticulars, "agreement.id", "Reference"},
    {Section::kParticulars, "agreement.status", "Status"},
    {Section::kParticulars, "format", "Format"},
    {Section::kParties, "partners", "The parties"},
    {Section::kParties, "agreement.legal_basis", "Legal basis"},
    {Section::kParties, "agreement.other_powers", "Other powers relied on"},
    {Section::kParties, "agreement.arrangements", "Arrangements"},
    {Section::kParties, "agreement.financial_model", "Pooled budget model"},
    {Section::kParties, "agreement.consultation", "Consultation"},
    {Section::kParties, "agreement.approvals", "Approvals"},
    {Section::kTerm, "term.commencement", "Commencement"},
    {Section::kTerm, "term.expiry", "Expiry"},
    {Section::kTerm, "term.duration_months", "Duration"},
    {Section::kTerm, "term.rolling", "Rolling term"},
    {Section::kTerm, "term.terminated_on", "Terminated on"},
    {Section::kTerm, "term.options", "Options to extend"},
    {Section::kTerm, "term.review", "Review"},
    {Section::kTerm, "term.renewal", "Renewal"},
    {Section::kAims, "aims.year", "Year of the aims"},
    {Section::kAims, "aims.agreed_on", "Aims agreed on"},
    {Section::kAims, "aims.statements", "Aims"},
    {Section::kAims, "outcomes", "Outcomes"},
    {Section::kScope, "scope.client_groups", "Client groups"},
    {Section::kScope, "scope.nhs_functions", "NHS functions"},
    {Section::kScope, "scope.council_functions", "Council functions"},
    {Section::kScope, "scope.services_included", "Services included"},
    {Section::kScope, "scope.services_excluded", "Services excluded"},
    {Section::kManagement, "host.partner", "Host"},
    {Section::kManagement, "host.support", "Support for the host"},
    {Section::kManagement, "management.pooled_fund_manager", "Pooled fund manager"},
    {Section::kManagement, "management.monitoring", "Monitoring"},
    {Section::kManagement, "management.reporting", "Reporting"},
    {Section::kManagement, "staff.arrangements", "Staff"},
    {Section::kManagement, "staff.joint_posts", "Joint posts"},
    {Section::kGovernance, "governance.board", "Partnership board"},
    {Section::kGovernance, "governance.financial", "Financial governance"},
    {Section::kGovernance, "governance.corporate", "Corporate governance"},
    {Section::kGovernance, "governance.decision_making", "Decision-making"},
    {Section::kGovernance, "governance.scrutiny", "Scrutiny"},
    {Section::kGovernance, "governance.conduct", "Conduct"},
    {Section::kGovernance, "governance.capacity", "Capacity of board members"},
    {Section::kGovernance, "user_involvement.feedback", "Feedback from users and carers"},
    {Section::kGovernance, "user_involvement.priorities", "Users and carers in setting priorities"},
    {Section::kFinance, "finance.year", "Financial year"},
    {Section::kFinance, "finance.pooled", "Pooled"},
    {Section::kFinance, "finance.pool_total", "Pool total"},
    {Section::kFinance, "finance.contributions", "Contributions"},
    {Section::kFinance, "finance.variation", "Variation of contributions"},
    {Section::kFinance, "finance.other_resources", "Other resources"},
    {Section::kFinance, "finance.split_elements", "Separate health and social care budgets"},
    {Section::kFinance, "finance.commissioning_accounted_separately",
     "Commissioning accounted for separately"},
    {Section::kFinance, "finance.overspend", "Overspends"},
    {Section::kFinance, "finance.underspend", "Underspends"},
    {Section::kFinance, "finance.outturns", "Outturns"},
    {Section::kFinance, "finance.year_end_disclosure", "Year-end disclosure"},
    {Section::kFinance, "finance.recharge_formula", "Recharge formula"},
    {Section::kFinance, "finance.budget_timetable", "Budget timetable"},
    {Section::kFinance, "finance.user_charging", "Charges to users"},
    {Section::kFinance, "finance.charging", "Charging"},
    {Section::kFinance, "finance.value_for_money", "Value for money"},
    {Section::kFinance, "finance.audit", "Audit"},
    {Section::kFinance, "risk_fund", "Risk fund"},
    {Section::kFinance, "performance_payments", "Payments for performance"},
    {Section::kCapital, "capital.ownership", "Ownership of capital items"},
    {Section::kCapital, "capital.disclosure", "Disclosure of capital items"},
    {Section::kTechnical, "technical.vat", "VAT"},
    {Section::kTechnical, "technical.liability", "Liability"},
    {Section::kTechnical, "technical.insurance", "Insurance"},
    {Section::kTechnical, "technical.indemnity", "Indemnities"},
    {Section::kTechnical, "technical.legal", "Legal advice and costs"},
    {Section::kTechnical, "technical.complaints", "Complaints"},
    {Section::kTechnical, "technical.disputes", "Disputes"},
    {Section::kTechnical, "technical.risk_sharing", "Risk sharing"},
    {Section::kTechnical, "technical.risk_register", "Risk register"},
    {Section::kInformation, "information.data_collection", "Data collection"},
    {Section::kInformation, "information.information_sharing", "Information sharing"},
    {Section::kInformation, "information.record_keeping", "Record keeping"},
    {Section::kSchedules, "waivers", "Accepted findings (waivers)"},
});

// The provisions of a fund's clause, by field of the fund; its `name` is the
// clause's title.
constexpr auto kFundProvisions = std::to_array<std::pair<std::string_view, std::string_view>>({
    {"id", "Identifier"},
    {"arrangement", "Arrangement"},
    {"host", "Host"},
    {"host_support", "Support for the host"},
    {"provider", "Provider"},
    {"manager", "Fund manager"},
    {"client_groups", "Client groups"},
    {"year", "Financial year"},
    {"years", "Financial years"},
    {"pooled", "Pooled"},
    {"split_elements", "Separate health and social care budgets"},
    {"pool_total", "Pool total"},
    {"contributions", "Contributions"},
    {"overspend", "Overspends"},
    {"underspend", "Underspends"},
    {"outturns", "Outturns"},
    {"reporting", "Reporting"},
    {"year_end_disclosure", "Year-end disclosure"},
    {"schemes", "Schemes"},
});

// Termination's provisions live under term but form their own clause; the
// sections whose findings fall to a clause when no provision matches.
constexpr auto kClausePrefixes = std::to_array<ProvisionSpec>({
    {Section::kParticulars, "agreement", ""},
    {Section::kParticulars, "agreement.title", ""},
    {Section::kDefinitions, "definitions", ""},
    {Section::kTerm, "term", ""},
    {Section::kTerm, "variations", ""},
    {Section::kAims, "aims", ""},
    {Section::kAims, "outcomes", ""},
    {Section::kScope, "scope", ""},
    {Section::kManagement, "host", ""},
    {Section::kManagement, "management", ""},
    {Section::kManagement, "staff", ""},
    {Section::kGovernance, "governance", ""},
    {Section::kGovernance, "user_involvement", ""},
    {Section::kFinance, "finance", ""},
    {Section::kFunds, "funds", ""},
    {Section::kCapital, "capital", ""},
    {Section::kTechnical, "technical", ""},
    {Section::kInformation, "information", ""},
    {Section::kTermination, "term.termination", ""},
    {Section::kOwnClauses, "clauses", ""},
    {Section::kSchedules, "waivers", ""},
    {Section::kParties, "partners", ""},
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
      {"partners[].succeeded_by[].kind", "kind of body"},
      {"term.rolling.period_months", "each period"},
      {"term.rolling.notice_months", "notice to end it"},
      {"term.extensions[].to", "extended to"},
      {"term.options[].to", "to"},
      {"variations[].effective", "effective from"},
      {"funds[].manager.partner", "employed by"},
      {"funds[].overspend.host_first_amount", "borne by the host first"},
      {"funds[].schemes[].id", "identifier"},
      {"funds[].schemes[].lead", "led by"},
      {"funds[].schemes[].outcomes", "outcomes served"},
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
    {"agreement.approvals", "body", false},
    {"term.options", "to", false},
    {"funds[].contributions", "partner", false},
    {"finance.outturns", "year", false},
    {"funds[].outturns", "year", false},
    {"funds[].reporting", "report", false},
    {"funds[].schemes", "name", true},
    {"performance_payments", "fund", false},
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
      {"risk_fund", "met from the agreement's risk fund"},
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

// The section that holds `path`: the longest prefix in the tables; -1 for none.
int SectionOf(std::string_view path) {
  std::string bare = WithoutIndices(path);
  int best = -1;
  size_t best_length = 0;
  auto consider = [&](const ProvisionSpec& p) {
    if (IsPathPrefix(p.path, bare) && (best < 0 || p.path.size() > best_length)) {
      best = static_cast<int>(p.section);
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

// What an id in a field names: shown as the partner's or fund's name.
enum class Names { kNothing, kPartner, kFund, kOutcome };

Names NamesOf(const FieldSpec& spec, std::string_view field_path) {
  if (field_path == "outcomes[].lead" || field_path == "funds[].provider") {
    return Names::kPartner;  // text: a partner id or a name
  }
  if (field_path == "risk_fund.covers[]" || field_path == "performance_payments[].fund") {
    return Names::kFund;
  }
  if (field_path == "performance_payments[].outcome" ||
      field_path == "funds[].schemes[].outcomes[]") {
    return Names::kOutcome;  // as an outcome's id only in the full rendering (ReadNames)
  }
  static constexpr std::array<std::string_view, 8> kNotPartners = {"agreement.id",
                                                                   "partners[].id",
                                                                   "outcomes[].id",
                                                                   "funds[].id",
                                                                   "funds[].schemes[].id",
                                                                   "clauses[].id",
                                                                   "performance_payments[].outcome",
                                                                   "funds[].schemes[].outcomes[]"};
  bool other =
      std::find(kNotPartners.begin(), kNotPartners.end(), field_path) != kNotPartners.end();
  return spec.type == ValueType::kId && !other ? Names::kPartner : Names::kNothing;
}

// The paragraphs of a text: its parts between blank lines, each trimmed of
// line breaks at either end.
std::vector<std::string> Paragraphs(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (blank && !current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    } else if (!blank) {
      current += (current.empty() ? "" : "\n") + std::string(line);
    }
    start = end + 1;
  }
  if (!current.empty() || out.empty()) {
    out.push_back(std::move(current));
  }
  return out;
}

// A text of several paragraphs as the provision's text and its further paragraphs.
void SplitParagraphs(Provision& p) {
  if (p.text.find('\n') == std::string::npos) {
    return;
  }
  std::vector<std::string> parts = Paragraphs(p.text);
  if (parts.size() < 2) {
    return;
  }
  p.text = std::move(parts.front());
  p.paragraphs.assign(std::make_move_iterator(parts.begin() + 1),
                      std::make_move_iterator(parts.end()));
}

// The fields the signing copy leaves out (RenderOptions), by format path.
constexpr auto kToolFields =
    std::to_array<std::string_view>({"format", "agreement.id", "partners[].id", "outcomes[].id",
                                     "funds[].id", "funds[].schemes[].id", "waivers"});

// Lays the document out as clauses, one field at a time.
class Renderer {
 public:
  Renderer(const Document& doc, RenderOptions options, RenderedAgreement& out)
      : doc_(doc), signing_(options.signing_copy), out_(out) {
    ReadNames("partners", "name", partner_names_);
    if (doc.version != 1) {
      ReadNames("funds", "name", fund_names_);
    }
    if (signing_) {  // the copy to sign names outcomes, not their ids
      ReadNames("outcomes", "description", outcome_names_);
    }
  }

  void Build() {
    const Node* title = NodeAt(doc_.root, "agreement.title");
    out_.title =
        title != nullptr ? Value(title, *FieldAt("agreement.title"), "agreement.title") : out_.file;
    for (const SectionSpec& s : kSections) {
      if (s.format2_only && doc_.version == 1) {
        continue;  // a format 1 file's one fund is its host and finance sections
      }
      if (signing_ && (s.section == Section::kFunds || s.section == Section::kSchedules)) {
        if (s.section == Section::kSchedules && doc_.version != 1) {
          AddFunds();  // the funds as schedules, in place of the waivers
        }
        continue;
      }
      if (s.section == Section::kDefinitions) {
        AddDefinitions();
      } else if (s.section == Section::kFunds) {
        AddFunds();
      } else if (s.section == Section::kOwnClauses) {
        AddOwnClauses();
      } else {
        AddSection(s);
      }
    }
    for (Clause& clause : out_.clauses) {
      for (Provision& p : clause.provisions) {
        SplitParagraphs(p);
      }
    }
    AddSignatories();
  }

  // Puts each finding beside the provision it concerns, else its clause, else
  // among the general ones.
  void PlaceFindings(const std::vector<Finding>& findings) {
    for (const Finding& f : findings) {
      std::string path = FindingPath(f);
      Provision* best = nullptr;
      for (Clause& clause : out_.clauses) {
        for (Provision& p : clause.provisions) {
          if (IsPathPrefix(p.path, path) &&
              (best == nullptr || p.path.size() > best->path.size())) {
            best = &p;
          }
        }
      }
      Clause* clause = path.empty() ? nullptr : ClauseOf(path);
      if (best != nullptr && !path.empty()) {
        best->findings.push_back(&f);
      } else if (clause != nullptr) {
        clause->findings.push_back(&f);
      } else {
        out_.general.push_back(&f);
      }
    }
  }

 private:
  // The clause of the entry (a fund, a clause of the agreement's own) whose
  // path is a prefix of `path`, else the clause of the section holding it.
  Clause* ClauseOf(std::string_view path) {
    for (Clause& clause : out_.clauses) {
      if (!clause.path.empty() && IsPathPrefix(clause.path, path)) {
        return &clause;
      }
    }
    int section = SectionOf(path);
    for (size_t i = 0; i < out_.clauses.size(); ++i) {
      if (static_cast<int>(sections_[i]) == section) {
        return &out_.clauses[i];
      }
    }
    return nullptr;
  }

  // The names of the entries of a list by their ids (partners, funds), or
  // what else names them (an outcome's description).
  void ReadNames(std::string_view list, std::string_view field,
                 std::map<std::string, std::string, std::less<>>& names) {
    const Node* items = FieldOf(doc_.root, list);
    for (const Node* item : items != nullptr ? items->items : std::vector<Node*>{}) {
      const Node* id = FieldOf(item, "id");
      const Node* name = FieldOf(item, field);
      if (id != nullptr && name != nullptr && !id->invalid) {
        names.emplace(id->text, name->text);
      }
    }
  }

  Clause& NewClause(Section section, std::string title, std::string path) {
    bool schedule = signing_ && section == Section::kFunds;
    int number = section == Section::kParticulars ? 0
                 : schedule                       ? next_schedule_++
                                                  : next_number_++;
    out_.clauses.push_back({number, std::move(title), {}, {}, std::move(path), schedule});
    sections_.push_back(section);
    return out_.clauses.back();
  }

  // Whether the field at format path `field_path` is left out of this document.
  bool Omitted(std::string_view field_path) const {
    return signing_ &&
           std::find(kToolFields.begin(), kToolFields.end(), field_path) != kToolFields.end();
  }

  // Each partner's signatory, for the execution block.
  void AddSignatories() {
    const Node* partners = FieldOf(doc_.root, "partners");
    if (partners == nullptr || partners->kind != NodeKind::kSeq) {
      return;
    }
    for (size_t i = 0; i < partners->items.size(); ++i) {
      const Node* partner = partners->items[i];
      const Node* signatory = FieldOf(partner, "signatory");
      Signatory s{Text(partner, "partners[].name"), Text(signatory, "partners[].signatory.name"),
                  Text(signatory, "partners[].signatory.title"),
                  Text(signatory, "partners[].signatory.signed_on"),
                  "partners[" + std::to_string(i) + "].signatory"};
      out_.signatories.push_back(std::move(s));
    }
  }

  // The scalar field of `parent` named by the last part of `field_path`, as shown; "" if none.
  std::string Text(const Node* parent, const std::string& field_path) {
    const Node* node = FieldOf(parent, field_path.substr(field_path.rfind('.') + 1));
    return node != nullptr ? Value(node, *FieldAt(WithoutIndices(field_path)), field_path) : "";
  }

  void AddSection(const SectionSpec& s) {
    Clause& clause =
        NewClause(s.section, std::string(doc_.version == 1 ? s.title : s.format2_title), "");
    for (const ProvisionSpec& p : kProvisions) {
      if (p.section != s.section || Omitted(p.path)) {
        continue;
      }
      if (const Node* node = NodeAt(doc_.root, p.path)) {
        std::string path(p.path);
        AddProvision(clause, node, *FieldAt(p.path), path, path, std::string(p.label));
      }
      if (p.path == "term.options") {
        AddHistory(clause);
      }
    }
    if (s.section != Section::kTermination) {
      return;
    }
    const Node* termination = NodeAt(doc_.root, "term.termination");
    for (std::string_view name : kTerminationFields) {
      std::string path = "term.termination." + std::string(name);
      if (const Node* node = FieldOf(termination, name)) {
        AddProvision(clause, node, *FieldAt(path), path, path, Label(path, name));
      }
    }
  }

  // Format 2: each defined term a provision, its meaning the text.
  void AddDefinitions() {
    const Node* list = FieldOf(doc_.root, "definitions");
    if (list == nullptr || (list->kind == NodeKind::kSeq && list->items.empty())) {
      return;
    }
    Clause& clause = NewClause(Section::kDefinitions, "Definitions", "definitions");
    const FieldSpec& spec = *FieldAt("definitions");
    if (list->invalid || list->kind != NodeKind::kSeq) {
      return AddProvision(clause, list, spec, "definitions", "definitions", "Defined terms");
    }
    const FieldSpec& element = *spec.element;
    for (size_t i = 0; i < list->items.size(); ++i) {
      const Node* item = list->items[i];
      std::string path = "definitions[" + std::to_string(i) + "]";
      const Node* term = FieldOf(item, "term");
      const Node* meaning = FieldOf(item, "meaning");
      std::string label = term != nullptr
                              ? Inline(term, *FieldAt("definitions.term"), "definitions[].term", 0)
                              : "";
      std::string text = meaning != nullptr ? Inline(meaning, *FieldAt("definitions.meaning"),
                                                     "definitions[].meaning", 0)
                         : item->kind == NodeKind::kMap ? ""
                                                        : Inline(item, element, "definitions[]", 0);
      clause.provisions.push_back({Number(clause), 0, label, text, path, {}, {}});
    }
  }

  // Format 2: a clause per fund, titled by its name.
  void AddFunds() {
    const Node* funds = FieldOf(doc_.root, "funds");
    if (funds == nullptr || funds->kind != NodeKind::kSeq) {
      return;
    }
    const FieldSpec& fund_spec = *FieldAt("funds")->element;
    for (size_t i = 0; i < funds->items.size(); ++i) {
      const Node* fund = funds->items[i];
      std::string path = "funds[" + std::to_string(i) + "]";
      const Node* name = FieldOf(fund, "name");
      const Node* id = FieldOf(fund, "id");
      std::string title = name != nullptr ? Value(name, *FieldAt("funds.name"), "funds[].name")
                          : id != nullptr ? id->text
                                          : std::to_string(i + 1);
      Clause& clause = NewClause(Section::kFunds, "Fund: " + title, path);
      for (const auto& [field, label] : kFundProvisions) {
        if (Omitted("funds[]." + std::string(field))) {
          continue;
        }
        if (const Node* node = FieldOf(fund, field)) {
          const FieldSpec& spec =
              fund_spec.fields[static_cast<size_t>(fund_spec.FieldIndex(field))];
          AddProvision(clause, node, spec, path + "." + std::string(field),
                       "funds[]." + std::string(field), std::string(label));
        }
      }
    }
  }

  // Format 2: each of the agreement's own clauses, titled by its title (else
  // its id), its text the one provision.
  void AddOwnClauses() {
    const Node* list = FieldOf(doc_.root, "clauses");
    if (list == nullptr || list->kind != NodeKind::kSeq) {
      return;
    }
    for (size_t i = 0; i < list->items.size(); ++i) {
      const Node* item = list->items[i];
      std::string path = "clauses[" + std::to_string(i) + "]";
      const Node* title = FieldOf(item, "title");
      const Node* id = FieldOf(item, "id");
      std::string heading = title != nullptr
                                ? Value(title, *FieldAt("clauses.title"), "clauses[].title")
                            : id != nullptr ? Value(id, *FieldAt("clauses.id"), "clauses[].id")
                                            : "Clause " + std::to_string(i + 1);
      Clause& clause = NewClause(Section::kOwnClauses, heading, path);
      if (const Node* text = FieldOf(item, "text")) {
        clause.provisions.push_back({Number(clause),
                                     0,
                                     "",
                                     Value(text, *FieldAt("clauses.text"), "clauses[].text"),
                                     path + ".text",
                                     {},
                                     {}});
      }
    }
  }

  // One dated event of the history: a variation or an exercised extension.
  struct Event {
    std::optional<Date> when;
    std::string text;
    std::string path;
  };

  // The events of a list: `kind` and the entry's fields, dated by the first
  // of `dated_by` given.
  void ReadEvents(std::string_view list_path, std::string_view kind,
                  std::initializer_list<std::string_view> dated_by, std::vector<Event>& out) {
    const Node* list = NodeAt(doc_.root, list_path);
    if (list == nullptr || list->kind != NodeKind::kSeq || list->invalid) {
      return;
    }
    const FieldSpec& element = *FieldAt(list_path)->element;
    std::string field_path = std::string(list_path) + "[]";
    for (size_t i = 0; i < list->items.size(); ++i) {
      const Node* item = list->items[i];
      Event e{std::nullopt, std::string(kind) + " — " + Inline(item, element, field_path, 0),
              std::string(list_path) + "[" + std::to_string(i) + "]"};
      for (std::string_view field : dated_by) {
        const Node* date = FieldOf(item, field);
        if (!e.when && date != nullptr && std::holds_alternative<Date>(date->typed)) {
          e.when = std::get<Date>(date->typed);
        }
      }
      out.push_back(std::move(e));
    }
  }

  // Format 2: the variations and exercised extensions, in date order.
  void AddHistory(Clause& clause) {
    std::vector<Event> events;
    ReadEvents("variations", "Variation", {"effective", "agreed_on"}, events);
    ReadEvents("term.extensions", "Extension", {"agreed_on", "to"}, events);
    if (events.empty()) {
      return;
    }
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
      return a.when && (!b.when || *a.when < *b.when);
    });
    std::string path =
        NodeAt(doc_.root, "variations") != nullptr ? "variations" : "term.extensions";
    clause.provisions.push_back({Number(clause), 0, "History", "", path, {}, {}});
    for (size_t i = 0; i < events.size(); ++i) {
      clause.provisions.push_back(
          {"(" + Letter(i) + ")", 1, "", std::move(events[i].text), events[i].path, {}, {}});
    }
  }

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

  // An id as the name of the partner or fund it names, when it names one.
  std::string NameOf(Names names, const std::string& id) const {
    const auto& known = names == Names::kFund      ? fund_names_
                        : names == Names::kOutcome ? outcome_names_
                                                   : partner_names_;
    auto it = known.find(id);
    return names != Names::kNothing && it != known.end() ? it->second : id;
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

  // An outcome's value with its unit, when the outcome gives one.
  std::string WithUnit(const std::string& text, std::string_view field_path) const {
    bool value = field_path == "outcomes[].baseline.value" ||
                 field_path == "outcomes[].target.value" ||
                 field_path == "outcomes[].monitoring[].value";
    return value && !unit_.empty() ? text + " " + unit_ : text;
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
      if (spec.type == ValueType::kNumber) {
        return WithUnit(node->text, field_path);
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
    return NameOf(NamesOf(spec, field_path), node->text);
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
        parts.push_back(NameOf(Names::kPartner, key->text) + " " +
                        Inline(value, *spec.element, field_path, 1));
      }
      return Join(parts, ", ");
    }
    for (const FieldSpec& field : spec.fields) {
      const Node* value = FieldOf(node, field.name);
      std::string path = field_path + "." + field.name;
      if (value == nullptr || field.name == skip || Omitted(path)) {
        continue;
      }
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
      Provision entry{"(" + Letter(i) + ")", 1, "", "", item_path, {}, {}};
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
    const Node* unit = item_field_path == "outcomes[]" ? FieldOf(item, "unit") : nullptr;
    unit_ = unit != nullptr ? unit->text : "";
    size_t n = 0;
    for (const FieldSpec& field : element.fields) {
      const Node* value = FieldOf(item, field.name);
      std::string field_path = item_field_path + "." + field.name;
      if (value == nullptr || field.name == heading || Omitted(field_path)) {
        continue;
      }
      clause.provisions.push_back({"(" + Roman(++n) + ")",
                                   2,
                                   Label(field_path, field.name),
                                   Inline(value, field, field_path, 0),
                                   item_path + "." + field.name,
                                   {},
                                   {}});
    }
    unit_.clear();
  }

  // The number of the clause's next provision: "2.3"; "" in the particulars.
  static std::string Number(const Clause& clause) {
    return clause.number == 0
               ? ""
               : std::to_string(clause.number) + "." + std::to_string(CountTopLevel(clause) + 1);
  }

  // The field at YAML `path` (with indices) as a provision; `field_path` is
  // the format's path of the field (`funds[].host`).
  void AddProvision(Clause& clause, const Node* node, const FieldSpec& spec,
                    const std::string& path, const std::string& field_path,
                    const std::string& label) {
    bool entries = spec.type == ValueType::kList && !node->invalid &&
                   (spec.element->type == ValueType::kText || !spec.element->IsScalar());
    std::string text = !entries              ? Inline(node, spec, field_path, 0)
                       : node->items.empty() ? "none"
                                             : "";
    clause.provisions.push_back({Number(clause), 0, label, text, path, {}, {}});
    if (entries) {
      out_.rendered_fields.insert(field_path);
      AddEntries(clause, node, spec, path, field_path);
    }
  }

  static size_t CountTopLevel(const Clause& clause) {
    return static_cast<size_t>(std::count_if(clause.provisions.begin(), clause.provisions.end(),
                                             [](const Provision& p) { return p.depth == 0; }));
  }

  const Document& doc_;
  bool signing_;
  RenderedAgreement& out_;
  std::map<std::string, std::string, std::less<>> partner_names_;
  std::map<std::string, std::string, std::less<>> fund_names_;
  std::map<std::string, std::string, std::less<>> outcome_names_;  // signing copy only
  std::vector<Section> sections_;                                  // of each clause of out_
  int next_number_ = 1;
  int next_schedule_ = 1;
  std::string unit_;  // the unit of the outcome whose details are being laid out
};

}  // namespace

RenderedAgreement RenderAgreement(const Document& doc, const std::vector<Finding>& findings,
                                  RenderOptions options) {
  RenderedAgreement out;
  out.file = doc.file;
  Renderer renderer(doc, options, out);
  renderer.Build();
  renderer.PlaceFindings(findings);
  return out;
}

std::string ClauseOfField(std::string_view path) {
  int section = SectionOf(path);
  if (section < 0) {
    return "";
  }
  const SectionSpec& s = kSections[static_cast<size_t>(section)];
  const FieldSpec* field = FieldAt(WithoutIndices(path));
  return std::string(field != nullptr && !field->In(2) ? s.title : s.format2_title);
}

}  // namespace s75
