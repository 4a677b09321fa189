#include "format/format.h"

#include <algorithm>
#include <utility>

namespace s75 {

namespace {

// Builders that keep the format table below readable.
FieldSpec Field(std::string name, ValueType type, std::string description) {
  FieldSpec f;
  f.name = std::move(name);
  f.type = type;
  f.description = std::move(description);
  return f;
}

FieldSpec Text(std::string name, std::string d) {
  return Field(std::move(name), ValueType::kText, std::move(d));
}
FieldSpec DateF(std::string name, std::string d) {
  return Field(std::move(name), ValueType::kDate, std::move(d));
}
FieldSpec Year(std::string name, std::string d) {
  return Field(std::move(name), ValueType::kYear, std::move(d));
}
FieldSpec Money(std::string name, std::string d) {
  return Field(std::move(name), ValueType::kMoney, std::move(d));
}
FieldSpec Id(std::string name, std::string d) {
  return Field(std::move(name), ValueType::kId, std::move(d));
}
FieldSpec Bool(std::string name, std::string d) {
  return Field(std::move(name), ValueType::kBool, std::move(d));
}
FieldSpec Number(std::string name, std::string d) {
  return Field(std::move(name), ValueType::kNumber, std::move(d));
}
FieldSpec Integer(std::string name, long long min, std::string d) {
  FieldSpec f = Field(std::move(name), ValueType::kInteger, std::move(d));
  f.min_integer = min;
  return f;
}
FieldSpec Enum(std::string name, std::vector<std::string> words, std::string d) {
  FieldSpec f = Field(std::move(name), ValueType::kEnum, std::move(d));
  f.vocabulary = std::move(words);
  return f;
}
FieldSpec Object(std::string name, std::string d, std::vector<FieldSpec> fields) {
  FieldSpec f = Field(std::move(name), ValueType::kObject, std::move(d));
  f.fields = std::move(fields);
  return f;
}
FieldSpec List(std::string name, FieldSpec element, std::string d) {
  FieldSpec f = Field(std::move(name), ValueType::kList, std::move(d));
  f.element = std::make_shared<const FieldSpec>(std::move(element));
  return f;
}
FieldSpec MapOf(std::string name, FieldSpec element, std::string d) {
  FieldSpec f = Field(std::move(name), ValueType::kMap, std::move(d));
  f.element = std::make_shared<const FieldSpec>(std::move(element));
  return f;
}
FieldSpec Required(FieldSpec f) {
  f.required = true;
  return f;
}
FieldSpec TextList(std::string name, std::string d) {
  return List(std::move(name), Text("", "one entry"), std::move(d));
}

const std::vector<std::string> kFrequencies = {"monthly", "quarterly", "six_monthly", "annual"};

FieldSpec AgreementSection() {
  return Required(Object(
      "agreement", "What the agreement is and under which power it is made.",
      {
          Required(Id("id", "Identifier of the agreement, unique within a sweep.")),
          Required(Text("title", "Title of the agreement.")),
          Enum("status", {"draft", "signed", "in_force", "expired", "terminated"},
               "Where the agreement stands."),
          Enum("legal_basis", {"s75", "s75_s77", "s256", "s76", "non_statutory"},
               "The statutory power: s75 of the NHS Act 2006, a care trust (s77), s256, s76, or "
               "none."),
          List("arrangements",
               Enum("",
                    {"pooled_fund", "lead_commissioning", "integrated_provision", "aligned_budget",
                     "care_trust", "grant"},
                    "an arrangement"),
               "The flexibilities used (MTAE Appendix 3)."),
          Enum("financial_model",
               {"aligned_budget", "lead_body", "joint_commissioning", "joint_venture"},
               "The CIPFA pooled budget model."),
          Object("consultation", "Joint consultation with people affected (PAR reg 4(2)).",
                 {DateF("completed_on", "When the joint consultation was completed."),
                  Text("description", "Who was consulted and how.")}),
      }));
}

FieldSpec PartnersSection() {
  FieldSpec signatory =
      Object("signatory", "Who signs for the partner.",
             {Text("name", "Name of the signatory."), Text("title", "Post of the signatory."),
              DateF("signed_on", "When the partner signed; absent while unsigned.")});
  FieldSpec partner =
      Object("", "A partner body.",
             {Required(Id("id", "Identifier used for the partner elsewhere in the agreement.")),
              Required(Text("name", "Legal name of the partner body.")),
              Required(Enum("kind",
                            {"pct", "ccg", "icb", "nhs_trust", "nhs_foundation_trust",
                             "nhs_england", "care_trust", "local_authority", "other"},
                            "Kind of body: an NHS body, a local authority, or other.")),
              Enum("role", {"host", "partner"}, "host leads on delivery; partner supports."),
              std::move(signatory)});
  FieldSpec list = Required(List("partners", std::move(partner), "The partner bodies."));
  list.min_items = 1;
  return list;
}

FieldSpec TermSection() {
  return Object(
      "term", "Duration, review, renewal and termination (MTAE Table 1 rows 9-10).",
      {
          DateF("commencement", "When the arrangement starts."),
          DateF("expiry", "Last day the agreement is in force."),
          Integer("duration_months", 1, "Length of the agreement in months, instead of expiry."),
          Object("review", "How and when the agreement is reviewed.",
                 {Enum("frequency", {"annual", "six_monthly", "quarterly", "none"},
                       "How often the agreement is reviewed."),
                  DateF("last_review", "When it was last reviewed."),
                  DateF("next_review", "When it is next to be reviewed."),
                  Bool("evaluates_outcomes",
                       "Whether the review evaluates performance against the outcomes.")}),
          Text("renewal", "How the partners decide on renewal."),
          Object(
              "termination", "How the arrangement ends.",
              {Integer("notice_months", 0, "Notice period in months."),
               Text("exit_strategy", "How staff, contracts and commitments are unwound."),
               Text("asset_distribution", "How assets are distributed on termination."),
               Text("liability_distribution", "How liabilities are shared on termination."),
               Text("service_continuity", "How each partner continues its functions at the end.")}),
      });
}

FieldSpec OutcomesSection() {
  FieldSpec outcome = Object(
      "", "One outcome for service users.",
      {
          Id("id", "Identifier of the outcome."),
          Text("description", "What the outcome is."),
          Text("indicator", "National or local indicator reference."),
          Object("baseline", "Where performance starts.",
                 {Number("value", "Baseline value."), Year("period", "Year of the baseline.")}),
          Object("target", "Where performance should get to, and by when.",
                 {Number("value", "Target value."), DateF("by", "Date the target is due.")}),
          Text("lead", "Partner id, or a named post, leading on the outcome."),
          Text("data_source", "Where the measurements come from."),
          Text("local_priority", "The local priority the outcome serves."),
          Enum("reporting", kFrequencies, "How often the outcome is reported."),
          List("monitoring",
               Object("", "A reported actual.",
                      {DateF("period", "End of the period reported."),
                       Number("value", "The reported value.")}),
               "Reported actuals."),
      });
  return List("outcomes", std::move(outcome), "Measurable outcomes (MTAE Table 2).");
}

FieldSpec ScopeSection() {
  return Object(
      "scope", "Functions, client groups and services covered (MTAE Table 1 rows 2, 6).",
      {
          List("client_groups",
               Enum("",
                    {"learning_disability", "mental_health", "older_people", "physical_disability",
                     "substance_misuse", "children", "community_equipment", "intermediate_care",
                     "continuing_care", "carers", "public_health", "other"},
                    "a client group"),
               "Client groups served."),
          TextList("nhs_functions", "NHS functions covered."),
          TextList("council_functions", "Health-related council functions covered."),
          TextList("services_included", "Services subject to the arrangement."),
          TextList("services_excluded", "Services not subject to the arrangement."),
      });
}

FieldSpec ManagementSection() {
  return Object(
      "management", "How the arrangement is managed and monitored (MTAE Table 1 row 4).",
      {
          Object("pooled_fund_manager", "The officer of the host who manages the pool.",
                 {Text("name", "Name or post of the manager."),
                  Id("partner", "The partner that employs the manager.")}),
          Object("monitoring", "Joint monitoring of the arrangement.",
                 {Enum("frequency", kFrequencies, "How often monitoring happens."),
                  Bool("joint", "Whether the partners monitor jointly."),
                  Text("description", "How monitoring is done.")}),
          List(
              "reporting",
              Object("", "A report the arrangement produces.",
                     {Enum("report", {"financial", "performance", "annual_return", "risk", "other"},
                           "Kind of report."),
                      Enum("frequency", kFrequencies, "How often it is made."),
                      Text("to", "Who receives it.")}),
              "Reports and their recipients."),
      });
}

FieldSpec GovernanceSection() {
  return Object(
      "governance", "Governance arrangements (MTAE Table 1 row 5; CIPFA good governance).",
      {
          Object("board", "The partnership board.",
                 {Text("name", "Name of the board."),
                  List("members", Id("", "a partner id"), "Partner ids represented."),
                  Bool("terms_of_reference", "Whether the board has terms of reference.")}),
          Text("financial", "Financial governance."),
          Text("corporate", "Corporate governance and reporting lines."),
          Text("decision_making", "How decisions are taken."),
          Text("scrutiny", "How the arrangement is scrutinised."),
          Text("conduct", "Standards of conduct for members."),
          Text("capacity", "How members' capacity is developed."),
      });
}

FieldSpec Approach(std::string name, std::vector<std::string> approaches, bool host_first) {
  std::vector<FieldSpec> fields;
  fields.push_back(Enum("approach", std::move(approaches), "How the balance is dealt with."));
  if (host_first) {
    fields.push_back(Money("host_first_amount", "Amount the host bears before sharing."));
  }
  fields.push_back(MapOf("shares", Field("", ValueType::kShare, "a share"),
                         "Each partner's share, by partner id; the shares sum to 1."));
  return Object(std::move(name), "Who bears the year-end balance.", std::move(fields));
}

FieldSpec FinanceSection() {
  FieldSpec contribution = Object(
      "", "One partner's contribution.",
      {Id("partner", "The contributing partner."), Money("amount", "Amount contributed."),
       Enum("basis", {"needs_assessment", "historical", "formula"}, "How the amount was set."),
       Text("purpose", "What the contribution pays for.")});
  return Object(
      "finance", "Contributions, risk share and financial arrangements (MTAE Table 1 row 7).",
      {
          Year("year", "Financial year the figures are for."),
          Bool("pooled", "Whether contributions are pooled under one manager."),
          Money("pool_total", "Total of the pooled fund."),
          List("contributions", std::move(contribution), "Each partner's contribution."),
          Text("variation", "How contributions may be varied."),
          List("other_resources",
               Object("", "A resource provided outside the pool.",
                      {Id("partner", "The partner providing it."),
                       Text("description", "What is provided.")}),
               "Resources in support of the partnership, not in the pool."),
          Bool("split_elements", "Whether the pool is run as separate health and care budgets."),
          Bool("commissioning_accounted_separately",
               "Whether commissioning is accounted for separately from provision."),
          Approach("overspend",
                   {"host", "proportional", "fixed_shares", "host_first_then_proportional"}, true),
          Approach("underspend", {"carry_forward", "proportional", "return", "fixed_shares"},
                   false),
          Text("year_end_disclosure", "What partners disclose at year end."),
          Text("recharge_formula", "How the lead body recharges the partners."),
          Text("budget_timetable", "How budget-setting timetables are synchronised."),
          Bool("user_charging", "Whether social care charges apply to the service."),
          Text("charging", "How charges are made and accounted."),
          Text("value_for_money", "How value for money is assessed."),
          Object("audit", "Audit arrangements.",
                 {Text("internal", "Internal audit."), Text("external", "External audit.")}),
      });
}

FieldSpec TechnicalSection() {
  return Object(
      "technical", "Technical matters (MTAE Table 1 row 11).",
      {Text("vat", "VAT arrangements."), Text("liability", "Liability."),
       Text("insurance", "Insurance."), Text("indemnity", "Indemnities."),
       Text("legal", "Legal advice and costs."),
       Object("complaints", "Complaints procedure.",
              {Bool("joint", "Whether there is one joint procedure."),
               Text("description", "How complaints are handled.")}),
       Text("disputes", "Dispute resolution."), Text("risk_sharing", "How risks are shared."),
       Object("risk_register", "The risk register.",
              {Bool("shared", "Whether the partners keep a shared risk register.")})});
}

FieldSpec BuildFormat() {
  std::vector<FieldSpec> top;
  top.push_back(Required(Text("format", "Format name and version: s75check/1.")));
  top.push_back(AgreementSection());
  top.push_back(PartnersSection());
  top.push_back(TermSection());
  top.push_back(Object(
      "aims", "Aims agreed annually (MTAE Table 1 row 1).",
      {Year("year", "Year the aims apply to."), DateF("agreed_on", "When the aims were agreed."),
       TextList("statements", "The aims.")}));
  top.push_back(OutcomesSection());
  top.push_back(ScopeSection());
  top.push_back(Object("host", "The host partner (MTAE Table 1 row 3).",
                       {Id("partner", "The host partner that leads on delivery."),
                        Text("support", "How the other partners support the host.")}));
  top.push_back(ManagementSection());
  top.push_back(GovernanceSection());
  top.push_back(FinanceSection());
  top.push_back(Object("capital", "Capital items (MTAE Table 1 row 8).",
                       {Text("ownership", "Who owns capital items bought by the pool."),
                        Text("disclosure", "How capital items are recorded.")}));
  top.push_back(TechnicalSection());
  top.push_back(Object("information", "Information protocols (MTAE para 43).",
                       {Text("data_collection", "Joint data collection."),
                        Text("information_sharing", "Information sharing protocol."),
                        Text("record_keeping", "Record keeping.")}));
  top.push_back(Object("user_involvement", "Involving users and carers.",
                       {Text("feedback", "How user and carer feedback is gathered."),
                        Text("priorities", "How users shape priorities.")}));
  top.push_back(Object(
      "staff", "Staff arrangements.",
      {Enum("arrangements", {"secondment", "transfer", "none", "mixed"}, "How staff are provided."),
       List("joint_posts",
            Object("", "A joint post.",
                   {Text("title", "Title of the post."), Id("employer", "The employing partner."),
                    Bool("functions_delegated", "Whether functions are formally delegated.")}),
            "Joint posts.")}));
  top.push_back(List("waivers",
                     Object("", "A finding the partners have consciously accepted.",
                            {Text("rule", "The rule id waived."), Text("reason", "Why."),
                             Text("approved_by", "Who approved the waiver."),
                             DateF("expires", "When the waiver lapses.")}),
                     "Accepted findings."));
  return Object("", "A section 75 partnership agreement.", std::move(top));
}

}  // namespace

int FieldSpec::FieldIndex(std::string_view field_name) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == field_name) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

bool FieldSpec::IsScalar() const {
  return type != ValueType::kList && type != ValueType::kObject && type != ValueType::kMap;
}

const FieldSpec& AgreementFormat() {
  static const FieldSpec kFormat = BuildFormat();
  return kFormat;
}

std::string TypeDescription(const FieldSpec& spec) {
  switch (spec.type) {
    case ValueType::kText:
      return "text";
    case ValueType::kDate:
      return "a date (YYYY-MM-DD)";
    case ValueType::kYear:
      return "a financial year (YYYY/YY)";
    case ValueType::kMoney:
      return "an amount of money (a plain number with at most 2 decimal places)";
    case ValueType::kShare:
      return "a share (a plain number from 0 to 1)";
    case ValueType::kId:
      return "an id (lower-case letters, digits, _ and -)";
    case ValueType::kBool:
      return "true or false";
    case ValueType::kInteger:
      return "a whole number of at least " + std::to_string(spec.min_integer);
    case ValueType::kNumber:
      return "a number";
    case ValueType::kEnum:
      return "one of the listed words";
    case ValueType::kList:
      return "a list";
    case ValueType::kObject:
      return "a mapping";
    case ValueType::kMap:
      return "a mapping of partner ids";
  }
  return "a value";
}

std::string ClosestName(std::string_view name, const std::vector<std::string>& candidates) {
  auto distance = [](std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) {
      row[j] = j;
    }
    for (size_t i = 1; i <= a.size(); ++i) {
      size_t diag = row[0];
      row[0] = i;
      for (size_t j = 1; j <= b.size(); ++j) {
        size_t up = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
        diag = up;
      }
    }
    return row[b.size()];
  };
  std::string best;
  size_t best_distance = std::max<size_t>(2, name.size() / 3) + 1;
  for (const std::string& c : candidates) {
    // The distance is at least the difference in length: skip the quadratic
    // comparison for a name that cannot be close (a megabyte-long key).
    if (std::max(name.size(), c.size()) - std::min(name.size(), c.size()) >= best_distance) {
      continue;
    }
    size_t d = distance(name, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace s75
