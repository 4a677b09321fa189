#include "schema/format.h"

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
FieldSpec YearOrDate(std::string name, std::string d) {
  return Field(std::move(name), ValueType::kYearOrDate, std::move(d));
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
FieldSpec Positive(std::string name, std::string d) {
  FieldSpec f = Field(std::move(name), ValueType::kNumber, std::move(d));
  f.positive = true;
  return f;
}
FieldSpec NonNegative(std::string name, std::string d) {
  FieldSpec f = Field(std::move(name), ValueType::kNumber, std::move(d));
  f.non_negative = true;
  return f;
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
  return List(std::move(name), Text("", "One entry."), std::move(d));
}
// The field with the source that asks for it: a Table 1 row, a regulation.
FieldSpec Ref(std::string reference, FieldSpec f) {
  f.reference = std::move(reference);
  return f;
}
// A field only format 2 files may write.
FieldSpec V2(FieldSpec f) {
  f.versions = kFormat2;
  return f;
}
// A format 1 field that format 2 moved, and where it belongs in format 2.
FieldSpec V1(std::string moved_to, FieldSpec f) {
  f.versions = kFormat1;
  f.moved_to = std::move(moved_to);
  return f;
}

const std::vector<std::string> kFrequencies = {"monthly", "quarterly", "six_monthly", "annual"};

std::vector<std::string> PartnerKinds() {
  return {"pct",
          "ccg",
          "icb",
          "nhs_trust",
          "nhs_foundation_trust",
          "nhs_england",
          "care_trust",
          "local_authority",
          "other"};
}

constexpr const char* kFormatRef = "s75check agreement format v1";
constexpr const char* kFormat2Ref = "s75check agreement format v2";
constexpr const char* kRow1 = "MTAE Table 1 row 1";
constexpr const char* kRow2 = "MTAE Table 1 row 2";
constexpr const char* kRow4 = "MTAE Table 1 row 4";
constexpr const char* kRow5 = "MTAE Table 1 row 5";
constexpr const char* kRow7 = "MTAE Table 1 row 7";
constexpr const char* kRow9 = "MTAE Table 1 row 9";
constexpr const char* kRow10 = "MTAE Table 1 row 10";
constexpr const char* kRow11 = "MTAE Table 1 row 11";
constexpr const char* kSigning = "MTAE para 37";
constexpr const char* kConsultation = "PAR reg 4(2)";
constexpr const char* kMeasurable = "MTAE paras 58–59, Table 2";
constexpr const char* kFundManager = "PAR reg 7(4)";
constexpr const char* kGoodGovernance = "CIPFA, good governance standards";
constexpr const char* kOverspend = "HFD paras 97–98";
constexpr const char* kAudit = "CIPFA appendix, internal and external audit";
constexpr const char* kResources = "PAR reg 7(3)(e)";
constexpr const char* kInformation = "MTAE para 43";
constexpr const char* kJointPosts = "MTAE para 38";
constexpr const char* kCatalogue = "s75check rule catalogue v1";

FieldSpec AgreementSection() {
  return Ref(
      "NHSA s75; PAR reg 7(3)",
      Required(Object(
          "agreement", "What the agreement is and under which power it is made.",
          {
              Ref(kFormatRef,
                  Required(Id("id", "Identifier of the agreement, unique within a sweep."))),
              Ref(kFormatRef, Required(Text("title", "Title of the agreement."))),
              Ref("MTAE para 37; MTAE Table 1 rows 9–10",
                  Enum("status", {"draft", "signed", "in_force", "expired", "terminated"},
                       "Where the agreement stands.")),
              Ref("NHSA s75; MTAE para 38",
                  Enum("legal_basis", {"s75", "s75_s77", "s256", "s76", "non_statutory"},
                       "The statutory power: s75 of the NHS Act 2006, a care trust (s77), s256, "
                       "s76, or none.")),
              Ref("PAR reg 2(1); MTAE para 34",
                  List("arrangements",
                       Enum("",
                            {"pooled_fund", "lead_commissioning", "integrated_provision",
                             "aligned_budget", "care_trust", "grant"},
                            "An arrangement."),
                       "The flexibilities used (MTAE Appendix 3).")),
              Ref("CIPFA \"four main pooled budget models\"",
                  Enum("financial_model",
                       {"aligned_budget", "lead_body", "joint_commissioning", "joint_venture"},
                       "The CIPFA pooled budget model.")),
              Ref(kConsultation,
                  Object("consultation", "Joint consultation with the people affected.",
                         {Ref(kConsultation,
                              DateF("completed_on", "When the joint consultation was completed.")),
                          Ref(kConsultation, Text("description", "Who was consulted and how."))})),
              V2(Ref(kSigning,
                     List("approvals",
                          Object("", "A sign-off beyond the partners' signatures.",
                                 {Ref(kSigning, Text("body", "The body that decided.")),
                                  Ref(kSigning, Text("decision", "What it decided.")),
                                  Ref(kSigning, DateF("on", "When it decided.")),
                                  Ref(kSigning, Text("reference", "Its minute or reference."))}),
                          "Sign-offs beyond the partners' signatures (boards, cabinets)."))),
              V2(Ref("NHSA s75; MTAE para 38",
                     TextList("other_powers", "Powers relied on besides section 75."))),
          })));
}

FieldSpec PartnersSection() {
  FieldSpec signatory = Ref(
      kSigning,
      Object(
          "signatory", "Who signs for the partner.",
          {Ref(kSigning, Text("name", "Name of the signatory.")),
           Ref(kSigning, Text("title", "Post of the signatory.")),
           Ref(kSigning, DateF("signed_on", "When the partner signed; absent while unsigned."))}));
  FieldSpec partner = Object(
      "", "A partner body.",
      {Ref("MTAE Table 1 rows 3, 5",
           Required(Id("id", "Identifier used for the partner elsewhere in the agreement."))),
       Ref("PAR reg 2(1) \"partners\"", Required(Text("name", "Legal name of the partner body."))),
       Ref("PAR reg 2(1) \"partners\"; NHSA s75",
           Required(Enum("kind", PartnerKinds(),
                         "Kind of body: an NHS body, a local authority, or other."))),
       Ref("MTAE Table 1 row 3",
           Enum("role", {"host", "partner"}, "host leads on delivery; partner supports.")),
       std::move(signatory),
       V2(Ref("Health and Social Care Act 2012; Health and Care Act 2022",
              List("succeeded_by",
                   Object("", "A body that took over the partner's rights and duties.",
                          {Ref(kFormat2Ref, Text("name", "Legal name of the successor.")),
                           Ref(kFormat2Ref, Enum("kind", PartnerKinds(), "Kind of body.")),
                           Ref(kFormat2Ref, DateF("from", "When it took over."))}),
                   "The bodies that took over this partner's rights and duties, in order.")))});
  FieldSpec list = Ref("PAR reg 2(1) \"partners\"; NHSA s75",
                       Required(List("partners", std::move(partner), "The partner bodies.")));
  list.min_items = 1;
  return list;
}

FieldSpec TerminationObject() {
  return Ref(
      kRow10,
      Object(
          "termination", "How the arrangement ends.",
          {Ref(kRow10, Integer("notice_months", 0, "Notice period in months.")),
           Ref(kRow10, Text("exit_strategy", "How staff, contracts and commitments are unwound.")),
           Ref(kRow10, Text("asset_distribution", "How assets are distributed on termination.")),
           Ref(kRow10,
               Text("liability_distribution", "How liabilities are shared on termination.")),
           Ref("CIPFA appendix, terminating the partnership",
               Text("service_continuity",
                    "How each partner continues its functions at the end."))}));
}

FieldSpec TermSection() {
  const char* review_date = "MTAE para 38; MTAE Table 1 row 10";
  return Ref(
      "MTAE Table 1 rows 9–10",
      Object(
          "term", "Duration, review, renewal and termination.",
          {
              Ref(kRow9, DateF("commencement", "When the arrangement starts.")),
              Ref(kRow9, DateF("expiry", "Last day the agreement is in force.")),
              Ref(kRow9, Integer("duration_months", 1,
                                 "Length of the agreement in months, instead of expiry.")),
              Ref(kRow10,
                  Object(
                      "review", "How and when the agreement is reviewed.",
                      {Ref(kRow10, Enum("frequency", {"annual", "six_monthly", "quarterly", "none"},
                                        "How often the agreement is reviewed.")),
                       Ref(review_date, DateF("last_review", "When it was last reviewed.")),
                       Ref(review_date, DateF("next_review", "When it is next to be reviewed.")),
                       Ref("MTAE para 58; MTAE Recommendations",
                           Bool("evaluates_outcomes",
                                "Whether the review evaluates performance against the "
                                "outcomes."))})),
              Ref(kRow10, Text("renewal", "How the partners decide on renewal.")),
              TerminationObject(),
              V2(Ref(kRow9,
                     Object("rolling", "A term that continues period by period until notice.",
                            {Ref(kRow9, Integer("period_months", 1, "Length of each period.")),
                             Ref(kRow10,
                                 Integer("notice_months", 0, "Notice to end it, in months."))}))),
              V2(Ref(kRow9,
                     List("extensions",
                          Object("", "An exercised extension.",
                                 {Ref(kRow9, DateF("to", "The new last day.")),
                                  Ref(kRow9, DateF("agreed_on", "When it was agreed.")),
                                  Ref(kRow9, Text("reference", "The decision's reference."))}),
                          "Exercised extensions; the latest `to` is the expiry."))),
              V2(Ref(kRow10, DateF("terminated_on", "The day a terminated agreement ended."))),
              V2(Ref(kRow9, List("options",
                                 Object("", "An extension option not (yet) exercised.",
                                        {Ref(kRow9, DateF("to", "The last day if exercised.")),
                                         Ref(kRow9, Text("description", "How it is exercised."))}),
                                 "Extension options not (yet) exercised."))),
          }));
}

// The balanced scorecard's four domains (MTAE case study 3).
const std::vector<std::string> kDomains = {"users_and_carers", "processes", "resources",
                                           "learning_and_growth"};
constexpr const char* kCaseStudy3 = "MTAE case study 3; MTAE para 58";

FieldSpec OutcomesSection() {
  const char* table2 = "MTAE Table 2";
  const char* monitored = "MTAE para 58";
  FieldSpec outcome = Object(
      "", "One outcome for service users.",
      {
          Ref(table2, Id("id", "Identifier of the outcome.")),
          Ref(kRow1, Text("description", "What the outcome is.")),
          Ref(kMeasurable, Text("indicator", "National or local indicator reference.")),
          Ref(kCaseStudy3, Enum("domain", kDomains,
                                "The balanced scorecard domain the outcome "
                                "serves.")),
          Ref(kCaseStudy3, Positive("weight",
                                    "The outcome's weight in its domain's score "
                                    "(default 1).")),
          V2(Ref(kMeasurable, Text("unit",
                                   "What the values count, e.g. admissions per "
                                   "100,000 people aged 65+."))),
          Ref(kMeasurable, Object("baseline", "Where performance starts.",
                                  {Ref(kMeasurable, Number("value", "Baseline value.")),
                                   Ref(table2, YearOrDate("period",
                                                          "Financial year (or day) of the "
                                                          "baseline."))})),
          Ref(kMeasurable,
              Object("target", "Where performance should get to, and by when.",
                     {Ref(kMeasurable, Number("value", "Target value.")),
                      Ref(kMeasurable, DateF("by", "Date the target is due.")),
                      Ref(kCaseStudy3, Enum("direction", {"increase", "decrease"},
                                            "Whether better is up or down (default: from the "
                                            "baseline towards the target).")),
                      Ref(kCaseStudy3, NonNegative("tolerance",
                                                   "How far the forecast may miss the "
                                                   "target and be amber, in the "
                                                   "indicator's units (default 10% of "
                                                   "|target - baseline|)."))})),
          Ref(kMeasurable, Text("lead", "Partner id, or a named post, leading on the outcome.")),
          Ref(kMeasurable, Text("data_source", "Where the measurements come from.")),
          Ref(kMeasurable, Text("local_priority", "The local priority the outcome serves.")),
          Ref(monitored, Enum("reporting", kFrequencies, "How often the outcome is reported.")),
          Ref(monitored,
              List("monitoring",
                   Object("", "A reported actual.",
                          {Ref(monitored, DateF("period", "End of the period reported.")),
                           Ref(monitored, Number("value", "The reported value."))}),
                   "Reported actuals.")),
      });
  return Ref("MTAE Table 1 row 1; MTAE Table 2",
             List("outcomes", std::move(outcome), "Measurable outcomes for service users."));
}

FieldSpec ClientGroups() {
  return Ref(
      "MTAE Table 1 row 6",
      List("client_groups",
           Enum("",
                {"learning_disability", "mental_health", "older_people", "physical_disability",
                 "substance_misuse", "children", "community_equipment", "intermediate_care",
                 "continuing_care", "carers", "public_health", "all_adults", "other"},
                "A client group."),
           "Client groups served."));
}

FieldSpec ScopeSection() {
  const char* excluded = "MTAE Table 1 row 2; PAR reg 5";
  return Ref(
      "MTAE Table 1 rows 2, 6; PAR reg 7(3)(c), (d)",
      Object(
          "scope", "Functions, client groups and services covered.",
          {
              ClientGroups(),
              Ref(excluded, TextList("nhs_functions", "NHS functions covered.")),
              Ref(kRow2,
                  TextList("council_functions", "Health-related council functions covered.")),
              Ref(excluded, TextList("services_included", "Services subject to the arrangement.")),
              Ref(kRow2, TextList("services_excluded", "Services not subject to the arrangement.")),
          }));
}

FieldSpec FundManager(std::string name) {
  return Ref(kFundManager,
             Object(std::move(name), "The officer of the host who manages the pool.",
                    {Ref(kFundManager, Text("name", "Name or post of the manager.")),
                     Ref(kFundManager,
                         Id("partner", "The partner that employs the manager: the host."))}));
}

FieldSpec Reporting(std::string description) {
  const char* returns = "PAR reg 7; PAR reg 9(4)";
  return Ref(
      "MTAE Table 1 row 4; PAR reg 7; PAR reg 9(4)",
      List(
          "reporting",
          Object("", "A report the arrangement produces.",
                 {Ref("PAR reg 7; PAR reg 9(4); HFD R1, R9",
                      Enum("report", {"financial", "performance", "annual_return", "risk", "other"},
                           "Kind of report.")),
                  Ref(returns, Enum("frequency", kFrequencies, "How often it is made.")),
                  Ref(kRow4, Text("to", "Who receives it."))}),
          std::move(description)));
}

FieldSpec ManagementSection() {
  return Ref(
      "MTAE Table 1 row 4; PAR reg 7(3)(g)",
      Object(
          "management", "How the arrangement is managed and monitored.",
          {
              V1("funds[].manager", FundManager("pooled_fund_manager")),
              Ref(kRow4, Object("monitoring", "Joint monitoring of the arrangement.",
                                {Ref(kRow4, Enum("frequency", kFrequencies,
                                                 "How often monitoring happens.")),
                                 Ref(kRow4, Bool("joint", "Whether the partners monitor jointly.")),
                                 Ref(kRow4, Text("description", "How monitoring is done."))})),
              Reporting("Reports and their recipients."),
          }));
}

FieldSpec GovernanceSection() {
  return Ref(
      "MTAE Table 1 row 5; CIPFA, good governance standards",
      Object(
          "governance", "How the partnership is governed.",
          {
              Ref(kRow5, Object("board", "The partnership board.",
                                {Ref(kRow5, Text("name", "Name of the board.")),
                                 Ref(kRow5, List("members", Id("", "A partner id."),
                                                 "Partner ids represented on the board.")),
                                 Ref(kRow5, Bool("terms_of_reference",
                                                 "Whether the board has terms of reference."))})),
              Ref(kRow5, Text("financial", "Financial governance.")),
              Ref(kRow5, Text("corporate", "Corporate governance and reporting lines.")),
              Ref(kGoodGovernance, Text("decision_making", "How decisions are taken.")),
              Ref(kGoodGovernance, Text("scrutiny", "How the arrangement is scrutinised.")),
              Ref(kGoodGovernance, Text("conduct", "Standards of conduct for members.")),
              Ref(kGoodGovernance, Text("capacity", "How members' capacity is developed.")),
          }));
}

FieldSpec Approach(std::string name, std::vector<std::string> approaches, bool host_first) {
  std::vector<FieldSpec> fields;
  fields.push_back(
      Ref(kRow7, Enum("approach", std::move(approaches), "How the balance is dealt with.")));
  if (host_first) {
    fields.push_back(
        Ref("HFD para 98", Money("host_first_amount", "Amount the host bears before sharing.")));
  }
  fields.push_back(Ref(kOverspend, MapOf("shares", Field("", ValueType::kShare, "A share."),
                                         "Each partner's share, by partner id; the shares sum "
                                         "to 1.")));
  return Ref("MTAE Table 1 row 7; HFD paras 97–98",
             Object(std::move(name), "Who bears the year-end balance.", std::move(fields)));
}

FieldSpec ContributionElement() {
  return Object(
      "", "One partner's contribution.",
      {Ref(kRow7, Id("partner", "The contributing partner.")),
       Ref(kRow7, Money("amount", "Amount contributed.")),
       Ref("HFD para 72; MTAE Table 1 row 7",
           Enum("basis", {"needs_assessment", "historical", "formula"}, "How the amount was set.")),
       Ref("HFD R1", Text("purpose", "What the contribution pays for.")),
       V2(Ref(kRow7,
              Enum("type", {"revenue", "capital"}, "Revenue or capital money (default revenue)."))),
       V2(Ref(kRow7, Year("year", "The financial year of the amount, for a fund with years.")))});
}

FieldSpec Outturns() {
  const char* ref = "HFD paras 97–100; MTAE Table 1 row 7";
  return Ref(ref, List("outturns",
                       Object("", "The actual or forecast spend of the pool for a year.",
                              {Ref(ref, Year("year", "The financial year.")),
                               Ref(ref, Money("spend", "The spend.")),
                               Ref(ref, Enum("kind", {"actual", "forecast"},
                                             "An actual or a forecast (default actual).")),
                               Ref(ref, DateF("reported_on", "When it was reported."))}),
                       "Actual or forecast spend of the pool."));
}

// The fields of a fund that format 1 writes under `finance`.
FieldSpec Year1(std::string d) { return Ref(kRow7, Year("year", std::move(d))); }
FieldSpec Pooled() {
  return Ref("MTAE para 34", Bool("pooled", "Whether contributions are pooled under one manager."));
}
FieldSpec PoolTotal() { return Ref(kRow7, Money("pool_total", "Total of the pooled fund.")); }
FieldSpec Contributions() {
  return Ref(kRow7, List("contributions", ContributionElement(), "Each partner's contribution."));
}
FieldSpec SplitElements() {
  return Ref(
      "HFD paras 23, 78",
      Bool("split_elements", "Whether the pool is run as separate health and care budgets."));
}
FieldSpec Overspend() {
  return Approach("overspend",
                  {"host", "proportional", "fixed_shares", "host_first_then_proportional",
                   "each_partner_own", "risk_fund"},
                  true);
}
FieldSpec Underspend() {
  return Approach("underspend",
                  {"carry_forward", "proportional", "return", "fixed_shares", "each_partner_own"},
                  false);
}
FieldSpec YearEndDisclosure() {
  return Ref("MTAE para 30", Text("year_end_disclosure", "What partners disclose at year end."));
}

FieldSpec FinanceSection() {
  const char* charging = "MTAE para 20";
  return Ref(
      "MTAE Table 1 row 7; PAR reg 7(3)(b)",
      Object("finance", "Contributions, risk share and financial arrangements.",
             {
                 V1("funds[].year", Year1("Financial year the figures are for.")),
                 V1("funds[].pooled", Pooled()),
                 V1("funds[].pool_total", PoolTotal()),
                 V1("funds[].contributions", Contributions()),
                 Ref("PAR reg 7(3)(b)", Text("variation", "How contributions may be varied.")),
                 Ref(kResources,
                     List("other_resources",
                          Object("", "A resource provided outside the pool.",
                                 {Ref(kResources, Id("partner", "The partner providing it.")),
                                  Ref(kResources, Text("description", "What is provided."))}),
                          "Staff, goods, services or accommodation in support of the "
                          "partnership, not in the pool.")),
                 V1("funds[].split_elements", SplitElements()),
                 Ref("MTAE para 35",
                     Bool("commissioning_accounted_separately",
                          "Whether commissioning is accounted for separately from provision.")),
                 V1("funds[].overspend", Overspend()),
                 V1("funds[].underspend", Underspend()),
                 V1("funds[].year_end_disclosure", YearEndDisclosure()),
                 Ref("CIPFA appendix, income and expenditure",
                     Text("recharge_formula", "How the lead body recharges the partners.")),
                 Ref("MTAE Recommendations; MTAE paras 40–42",
                     Text("budget_timetable", "How budget-setting timetables are synchronised.")),
                 Ref(charging,
                     Bool("user_charging", "Whether social care charges apply to the service.")),
                 Ref(charging, Text("charging", "How charges are made and accounted.")),
                 Ref("HFD R1, R11", Text("value_for_money", "How value for money is assessed.")),
                 Ref(kAudit, Object("audit", "Audit arrangements.",
                                    {Ref(kAudit, Text("internal", "Internal audit.")),
                                     Ref(kAudit, Text("external", "External audit."))})),
                 V1("funds[].outturns", Outturns()),
             }));
}

FieldSpec TechnicalSection() {
  return Ref(
      kRow11,
      Object("technical", "Technical matters.",
             {Ref(kRow11, Text("vat", "VAT arrangements.")),
              Ref(kRow11, Text("liability", "Liability.")),
              Ref(kRow11, Text("insurance", "Insurance.")),
              Ref(kRow11, Text("indemnity", "Indemnities.")),
              Ref(kRow11, Text("legal", "Legal advice and costs.")),
              Ref("MTAE Table 1 row 11; HFD R5",
                  Object("complaints", "Complaints procedure.",
                         {Ref("HFD R5", Bool("joint", "Whether there is one joint procedure.")),
                          Ref(kRow11, Text("description", "How complaints are handled."))})),
              Ref(kRow11, Text("disputes", "Dispute resolution.")),
              Ref(kRow11, Text("risk_sharing", "How risks are shared.")),
              Ref(kRow11, Object("risk_register", "The risk register.",
                                 {Ref(kRow11, Bool("shared",
                                                   "Whether the partners keep a shared "
                                                   "risk register."))}))}));
}

FieldSpec AimsSection() {
  return Ref("MTAE Table 1 row 1; PAR reg 7(3)(a)",
             Object("aims", "Aims, agreed annually.",
                    {Ref(kRow1, Year("year", "Year the aims apply to.")),
                     Ref("MTAE Table 1 row 1 (\"annually agreed\")",
                         DateF("agreed_on", "When the aims were agreed.")),
                     Ref(kRow1, TextList("statements", "The aims."))}));
}

FieldSpec HostSection() {
  const char* row3 = "MTAE Table 1 row 3";
  return V1(
      "funds[].host and funds[].host_support",
      Ref(row3, Object("host", "The host partner.",
                       {Ref("MTAE Table 1 row 3; PAR reg 7(4)",
                            Id("partner", "The host partner that leads on delivery.")),
                        Ref(row3, Text("support", "How the other partners support the host."))})));
}

FieldSpec CapitalSection() {
  const char* row8 = "MTAE Table 1 row 8";
  return Ref(row8,
             Object("capital", "Capital items.",
                    {Ref(row8, Text("ownership", "Who owns capital items bought by the pool.")),
                     Ref(row8, Text("disclosure", "How capital items are recorded."))}));
}

FieldSpec InformationSection() {
  return Ref(
      kInformation,
      Object("information", "Information protocols.",
             {Ref(kInformation, Text("data_collection", "Joint data collection.")),
              Ref(kInformation, Text("information_sharing", "Information sharing protocol.")),
              Ref(kInformation, Text("record_keeping", "Record keeping."))}));
}

FieldSpec UserInvolvementSection() {
  return Ref(
      "HFD R1, R6; CIPFA, good governance standards",
      Object("user_involvement", "Involving users and carers.",
             {Ref("HFD R1, R6", Text("feedback", "How user and carer feedback is gathered.")),
              Ref(kGoodGovernance, Text("priorities", "How users shape priorities."))}));
}

FieldSpec StaffSection() {
  return Ref(
      kResources,
      Object(
          "staff", "Staff arrangements.",
          {Ref(kResources, Enum("arrangements", {"secondment", "transfer", "none", "mixed"},
                                "How staff are provided.")),
           Ref(kJointPosts,
               List("joint_posts",
                    Object("", "A joint post.",
                           {Ref(kJointPosts, Text("title", "Title of the post.")),
                            Ref(kJointPosts, Id("employer", "The employing partner.")),
                            Ref(kJointPosts, Bool("functions_delegated",
                                                  "Whether functions are formally delegated."))}),
                    "Joint posts."))}));
}

FieldSpec WaiversSection() {
  return Ref(kCatalogue,
             List("waivers",
                  Object("", "A finding the partners have consciously accepted.",
                         {Ref(kCatalogue, Text("rule", "The rule id waived, e.g. T1.08.")),
                          Ref(kCatalogue, Text("reason", "Why the finding is accepted.")),
                          Ref(kCatalogue, Text("approved_by", "Who approved the waiver.")),
                          Ref(kCatalogue, DateF("expires", "When the waiver lapses."))}),
                  "Findings the partners have consciously accepted."));
}

FieldSpec Scheme() {
  const char* ref = "MTAE Table 1 rows 2, 7";
  return Object("", "A scheme or schedule of the fund.",
                {Ref(ref, Required(Id("id", "Identifier of the scheme."))),
                 Ref(ref, Text("name", "Name of the scheme.")),
                 Ref(ref, Id("lead", "The partner that leads the scheme.")),
                 Ref(kRow7, Money("amount", "The money the scheme has from the fund.")),
                 Ref(kRow2, TextList("services", "The services of the scheme.")),
                 Ref(kRow1, List("outcomes", Id("", "An outcome id."),
                                 "The outcomes (ids of `outcomes`) the scheme serves.")),
                 Ref(ref, Text("description", "What the scheme does."))});
}

FieldSpec Fund() {
  return Object(
      "", "A pooled fund or budget.",
      {Ref(kFormat2Ref, Required(Id("id", "Identifier of the fund."))),
       Ref(kFormat2Ref, Text("name", "Name of the fund.")),
       Ref("PAR reg 2(1); MTAE para 34",
           Required(
               Enum("arrangement",
                    {"pooled_fund", "aligned_budget", "lead_commissioning", "integrated_provision"},
                    "The flexibility the fund uses."))),
       Ref("MTAE Table 1 row 3; PAR reg 7(4)",
           Id("host", "The partner that hosts or leads the fund.")),
       Ref("MTAE Table 1 row 3", Text("host_support", "How the other partners support the host.")),
       Ref("PAR reg 2(1)", Text("provider",
                                "Who provides the services, where not the host: "
                                "a partner id or a name.")),
       FundManager("manager"),
       ClientGroups(),
       Year1("Financial year the figures are for."),
       Ref(kRow7, List("years", Year("", "A financial year."),
                       "The financial years of a fund with per-year contributions.")),
       Pooled(),
       SplitElements(),
       PoolTotal(),
       Contributions(),
       Overspend(),
       Underspend(),
       Outturns(),
       Reporting("This fund's reports and their recipients."),
       YearEndDisclosure(),
       Ref(kRow2, List("schemes", Scheme(), "The schemes or schedules of the fund."))});
}

FieldSpec FundsSection() {
  FieldSpec funds =
      V2(Ref("PAR reg 7; MTAE Table 1 rows 3, 7",
             Required(List("funds", Fund(), "One entry per pooled fund or budget."))));
  funds.min_items = 1;
  return funds;
}

FieldSpec RiskFundSection() {
  const char* ref = "HFD paras 97–100";
  return V2(
      Ref(ref, Object("risk_fund", "A contingency shared across funds.",
                      {Ref(ref, Money("amount", "The amount of the contingency.")),
                       Ref(kOverspend, MapOf("shares", Field("", ValueType::kShare, "A share."),
                                             "Each partner's share, by partner id; the shares sum "
                                             "to 1.")),
                       Ref(ref, List("covers", Id("", "A fund id."), "The funds it covers.")),
                       Ref(kRow5, Text("governed_by", "Who decides on its use."))})));
}

FieldSpec PerformancePaymentsSection() {
  const char* ref = "MTAE paras 58–59";
  return V2(Ref(ref, List("performance_payments",
                          Object("", "Money paid only if an outcome is achieved.",
                                 {Ref(ref, Id("fund", "The fund the money is in.")),
                                  Ref(ref, Money("amount", "The money at risk.")),
                                  Ref(ref, Id("outcome", "The outcome it depends on.")),
                                  Ref(ref, Text("description", "When it is paid."))}),
                          "Money at risk on an outcome (pay for performance).")));
}

FieldSpec VariationsSection() {
  const char* ref = "PAR reg 7(3)(b); MTAE Table 1 row 10";
  return V2(Ref(ref, List("variations",
                          Object("", "A deed of variation.",
                                 {Ref(ref, DateF("effective", "When it takes effect.")),
                                  Ref(ref, DateF("agreed_on", "When it was agreed.")),
                                  Ref(ref, Text("description", "What it changes.")),
                                  Ref(ref, Text("approved_by", "Who approved it."))}),
                          "Deeds of variation, in order.")));
}

FieldSpec DefinitionsSection() {
  return V2(Ref(kFormat2Ref, List("definitions",
                                  Object("", "A defined term.",
                                         {Ref(kFormat2Ref, Text("term", "The term.")),
                                          Ref(kFormat2Ref, Text("meaning", "What it means."))}),
                                  "Defined terms, in order.")));
}

FieldSpec ClausesSection() {
  return V2(
      Ref(kFormat2Ref, List("clauses",
                            Object("", "A clause of the agreement beyond the format's fields.",
                                   {Ref(kFormat2Ref, Id("id", "Identifier of the clause.")),
                                    Ref(kFormat2Ref, Text("title", "Title of the clause.")),
                                    Ref(kFormat2Ref, Text("text", "The clause's words."))}),
                            "The agreement's own clauses, in order.")));
}

FieldSpec BuildFormat() {
  std::vector<FieldSpec> top;
  top.push_back(Ref(kFormatRef, Required(Text("format",
                                              "Format name and version: s75check/2 "
                                              "(or s75check/1)."))));
  top.push_back(AgreementSection());
  top.push_back(PartnersSection());
  top.push_back(DefinitionsSection());
  top.push_back(TermSection());
  top.push_back(VariationsSection());
  top.push_back(AimsSection());
  top.push_back(OutcomesSection());
  top.push_back(ScopeSection());
  top.push_back(HostSection());
  top.push_back(ManagementSection());
  top.push_back(GovernanceSection());
  top.push_back(FundsSection());
  top.push_back(RiskFundSection());
  top.push_back(PerformancePaymentsSection());
  top.push_back(FinanceSection());
  top.push_back(CapitalSection());
  top.push_back(TechnicalSection());
  top.push_back(InformationSection());
  top.push_back(UserInvolvementSection());
  top.push_back(StaffSection());
  top.push_back(ClausesSection());
  top.push_back(WaiversSection());
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

int FormatVersionOf(std::string_view format) {
  return format == kFormatVersion1 ? 1 : format == kFormatVersion2 ? 2 : 0;
}

const FieldSpec& AgreementFormat() {
  static const FieldSpec kFormat = BuildFormat();
  return kFormat;
}

std::string FieldNote(const FieldSpec& spec) {
  return spec.reference.empty() ? spec.description : spec.description + " [" + spec.reference + "]";
}

std::string TypeDescription(const FieldSpec& spec) {
  switch (spec.type) {
    case ValueType::kText:
      return "text";
    case ValueType::kDate:
      return "a date (YYYY-MM-DD)";
    case ValueType::kYear:
      return "a financial year (YYYY/YY)";
    case ValueType::kYearOrDate:
      return "a financial year (YYYY/YY) or a date (YYYY-MM-DD)";
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
      return spec.positive       ? "a number above 0"
             : spec.non_negative ? "a number of 0 or more"
                                 : "a number";
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

std::string TypeMistake(const FieldSpec& spec) {
  switch (spec.type) {
    case ValueType::kDate:
      return "not a date: write YYYY-MM-DD naming a real day";
    case ValueType::kYear:
      return "not a financial year: write YYYY/YY for two consecutive years, e.g. 2009/10";
    case ValueType::kYearOrDate:
      return "neither a financial year nor a date: write YYYY/YY for two consecutive years "
             "(2007/08) or YYYY-MM-DD naming a real day (2008-03-31)";
    default:
      return "not " + TypeDescription(spec);
  }
}

std::string UnknownFieldMessage(std::string_view name, const FieldSpec& spec) {
  std::vector<std::string> names;
  for (const FieldSpec& f : spec.fields) {
    names.push_back(f.name);
  }
  std::string hint = ClosestName(name, names);
  return "unknown field `" + std::string(name) + "`: the agreement format has no such key here" +
         (hint.empty() ? "" : "; did you mean `" + hint + "`?");
}

std::string OtherVersionKeyMessage(const FieldSpec& field, int version) {
  if (version == 1) {
    return "`" + field.name +
           "` is a key of format 2, and this file is `format: " + std::string(kFormatVersion1) +
           "`: move the agreement to format 2 (`s75check migrate FILE`) to use it";
  }
  return "`" + field.name + "` is a format 1 key: format 2 keeps it in each fund, as `" +
         field.moved_to + "`";
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
