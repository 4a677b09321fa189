#!/usr/bin/env python3
"""Generate realistic section 75 agreements for benchmarking s75check.

    python3 bench/generate.py --count N --out DIR [--seed S] [--format-version 1|2]

Writes DIR/agreement-00001.yaml ... DIR/agreement-NNNNN.yaml. Every file follows
shared/spec/agreement-format.md: valid YAML, known keys only, values of the right
type (so the loader reports no DOC findings). Each file is 5-15 KB.

About 40% of files carry one or more of the defects real drafts have (placeholders,
a missing underspend approach, contributions a penny off the pool total, an
unsigned partner while in force, a signature after commencement, an outcome
without a target, expiry before commencement, overspend shares not summing to 1,
an unknown host partner). Rule findings are expected; document errors are not.

With --format-version 2 the same agreements are written in format 2
(shared/spec/agreement-format-2.md): the host and the fund figures move into
`funds`, split into one to three funds hosted by different partners, each with
two to six schemes; the defects are kept (the penny and the unknown host stay in
the first fund).

Output is deterministic for a given seed: file i depends only on (seed, i), so
--count 50 writes the same first 50 files as --count 2000.

Standard library only.
"""

import argparse
import datetime as dt
import json
import os
import random
import re
import sys

# --------------------------------------------------------------------------
# A small YAML emitter (block style, with flow style where drafters use it)
# --------------------------------------------------------------------------


class Flow(dict):
    """A mapping written in flow style: { key: value, ... }."""


class FlowSeq(list):
    """A sequence written in flow style: [a, b]."""


class Folded(str):
    """A long text written as a folded block scalar (>-)."""


class Raw(str):
    """A scalar written exactly as given (numbers, money, dates, years)."""


class Null:
    """An explicit null, written as `key:`, `key: ~` or `key: null`."""

    def __init__(self, spelling=""):
        self.spelling = spelling


YAML11_WORDS = {
    "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
}
NUMBER_LIKE = re.compile(r"^[-+]?(\.?[0-9][0-9_.,:]*|\.inf|\.nan)([eE][-+]?[0-9]+)?$",
                         re.IGNORECASE)
DATE_LIKE = re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")


def plain_ok(s, in_flow):
    """True if s can be written as a plain scalar and still read back as s."""
    if not s or s != s.strip() or "\n" in s or "\t" in s:
        return False
    if not (s[0].isalpha() or s[0].isdigit() or s[0] == "("):
        return False
    if ": " in s or " #" in s or s.endswith(":"):
        return False
    if in_flow and any(c in s for c in ",[]{}"):
        return False
    if s.lower() in YAML11_WORDS or NUMBER_LIKE.match(s) or DATE_LIKE.match(s):
        return False
    return True


def scalar(v, in_flow=False):
    if isinstance(v, Null):
        return v.spelling
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, Raw):
        return str(v)
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    s = str(v)
    if plain_ok(s, in_flow):
        return s
    return json.dumps(s, ensure_ascii=False)


def inline(v):
    if isinstance(v, Flow):
        inner = ", ".join(f"{k}: {inline(x)}" for k, x in v.items())
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(v, FlowSeq):
        return "[" + ", ".join(inline(x) for x in v) + "]"
    return scalar(v, in_flow=True)


def wrap(text, width):
    lines, cur = [], ""
    for word in text.split(" "):
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    if cur:
        lines.append(cur)
    return lines


def emit_value(key_prefix, v, indent, out):
    """Write `key_prefix` (e.g. "  name:") followed by v."""
    pad = " " * indent
    if isinstance(v, Folded):
        out.append(f"{key_prefix} >-")
        out.extend(pad + "  " + line for line in wrap(str(v), 86 - indent))
    elif isinstance(v, (Flow, FlowSeq)):
        out.append(f"{key_prefix} {inline(v)}")
    elif isinstance(v, dict):
        if not v:
            out.append(f"{key_prefix} {{}}")
        else:
            out.append(key_prefix)
            emit_map(v, indent + 2, out)
    elif isinstance(v, list):
        if not v:
            out.append(f"{key_prefix} []")
        else:
            out.append(key_prefix)
            emit_seq(v, indent + 2, out)
    else:
        text = scalar(v)
        out.append(f"{key_prefix} {text}" if text else key_prefix)


def emit_map(d, indent, out):
    pad = " " * indent
    for k, v in d.items():
        emit_value(f"{pad}{k}:", v, indent, out)


def emit_seq(items, indent, out):
    pad = " " * indent
    for item in items:
        if isinstance(item, dict) and not isinstance(item, Flow) and item:
            sub = []
            emit_map(item, indent + 2, sub)
            sub[0] = pad + "- " + sub[0][indent + 2:]
            out.extend(sub)
        elif isinstance(item, Folded):
            out.append(f"{pad}- >-")
            out.extend(pad + "  " + line for line in wrap(str(item), 86 - indent))
        else:
            out.append(f"{pad}- {inline(item) if isinstance(item, (Flow, FlowSeq)) else scalar(item)}")


# Comments drafters put above the top-level sections.
SECTION_COMMENTS = {
    "agreement": "Schedule 1: the agreement",
    "partners": "The partners and their signatories",
    "term": "Duration, review, renewal and termination",
    "aims": "Aims agreed for the year",
    "outcomes": "Outcomes and performance indicators (Schedule 2)",
    "scope": "Functions and services covered",
    "host": "Host partner",
    "management": "Management, monitoring and reporting",
    "governance": "Governance (Schedule 3)",
    "finance": "Financial arrangements (Schedule 4)",
    "capital": "Capital items",
    "technical": "Technical matters",
    "information": "Information",
    "user_involvement": "Service user and carer involvement",
    "staff": "Staffing",
    "waivers": "Findings the partnership board has accepted",
}


def emit_document(doc, header, rng):
    out = [f"# {line}" if line else "#" for line in header]
    for k, v in doc.items():
        if k != "format":
            out.append("")
            if k in SECTION_COMMENTS and rng.random() < 0.6:
                out.append(f"# {SECTION_COMMENTS[k]}")
        emit_value(f"{k}:", v, 0, out)
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------
# Values: money, shares, dates
# --------------------------------------------------------------------------


def money(pence):
    """Pounds as a plain number with at most 2 decimals, from integer pence."""
    pounds, p = divmod(pence, 100)
    return Raw(str(pounds) if p == 0 else f"{pounds}.{p:02d}")


def share(hundredths):
    if hundredths == 100:
        return Raw("1")
    if hundredths == 0:
        return Raw("0")
    s = f"0.{hundredths:02d}"
    return Raw(s.rstrip("0") if s.endswith("0") else s)


def add_months(d, months):
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    last = [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
            31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return dt.date(year, month, min(d.day, last))


def days(d, n):
    return d + dt.timedelta(days=n)


def fin_year(d):
    start = d.year if d.month >= 4 else d.year - 1
    return Raw(f"{start}/{(start + 1) % 100:02d}")


def fy_start(d):
    return dt.date(d.year if d.month >= 4 else d.year - 1, 4, 1)


def split_whole(rng, total, n, minimum=5):
    """Split integer `total` into n positive parts (each >= minimum if possible)."""
    weights = [rng.uniform(0.4, 3.0) for _ in range(n)]
    parts = [max(minimum, int(total * w / sum(weights))) for w in weights]
    parts[0] += total - sum(parts)
    if parts[0] <= 0:
        parts = [total // n] * n
        parts[0] += total - sum(parts)
    return parts


# --------------------------------------------------------------------------
# Vocabulary banks
# --------------------------------------------------------------------------

PLACES = [
    "Herefordshire", "Wiltshire", "Northumberland", "Cumbria", "Dorset", "Somerset",
    "Lincolnshire", "Norfolk", "Suffolk", "Devon", "Cornwall", "Shropshire",
    "Worcestershire", "Gloucestershire", "Oxfordshire", "Buckinghamshire", "Kent",
    "Surrey", "Essex", "Hertfordshire", "Bedford", "Luton", "Peterborough", "Leeds",
    "Bradford", "Sheffield", "Barnsley", "Rotherham", "Doncaster", "Wakefield",
    "Kirklees", "Calderdale", "Manchester", "Salford", "Trafford", "Stockport",
    "Oldham", "Rochdale", "Bolton", "Wigan", "Knowsley", "Sefton", "Wirral",
    "Liverpool", "Halton", "Warrington", "Blackpool", "Lancashire", "Hartlepool",
    "Middlesbrough", "Darlington", "Durham", "Sunderland", "Gateshead", "Newcastle",
    "North Tyneside", "South Tyneside", "Nottingham", "Derby", "Leicester", "Rutland",
    "Coventry", "Solihull", "Walsall", "Dudley", "Sandwell", "Wolverhampton",
    "Stoke-on-Trent", "Staffordshire", "Portsmouth", "Southampton", "Brighton and Hove",
    "Bristol", "Plymouth", "Torbay", "Swindon", "Reading", "Slough", "Milton Keynes",
    "Camden", "Islington", "Hackney", "Tower Hamlets", "Lambeth", "Southwark",
    "Croydon", "Barnet", "Enfield", "Haringey", "Ealing", "Hounslow", "Sutton",
    "Merton", "Bexley", "Greenwich", "Telford and Wrekin", "Redcar and Cleveland",
]
COUNCIL_FORMS = ["{} Council", "{} County Council", "{} City Council",
                 "{} Metropolitan Borough Council", "London Borough of {}",
                 "{} Borough Council"]
SURNAMES = [
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
    "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts",
    "Green", "Hall", "Wood", "Jackson", "Clarke", "Khan", "Hughes", "Edwards",
    "Hussain", "Lewis", "Turner", "Hill", "Begum", "Cooper", "Ward", "Morris",
    "O'Brien", "Okafor", "Nowak", "Kowalski", "Müller", "Ní Bhriain", "Sørensen",
]
INITIALS = list("ABCDEFGHJKLMNPRSTW")
NHS_TITLES = ["Chief Executive", "Accountable Officer", "Director of Finance",
              "Chief Finance Officer", "Director of Commissioning", "Chair"]
LA_TITLES = ["Chief Executive", "Director of Adult Social Services",
             "Corporate Director of Adults and Health", "Section 151 Officer",
             "Director of Children's Services", "Executive Director of People"]
OTHER_TITLES = ["Chief Officer", "Chair of Trustees", "Managing Director"]

CLIENT_GROUPS = {
    "mental_health": {
        "services": ["Community mental health teams", "Crisis resolution and home treatment",
                     "Early intervention in psychosis service", "Approved mental health professional service",
                     "Supported accommodation for people with mental health needs",
                     "Recovery college", "Employment support (individual placement and support)"],
        "excluded": ["Inpatient acute psychiatric beds", "Secure and forensic services",
                     "Psychiatric intensive care", "Specialist eating disorder inpatient care"],
        "nhs": ["Provision of community mental health services",
                "Commissioning of community mental health services for adults of working age"],
        "la": ["Social care assessment and care management for adults with mental health needs",
               "Approved mental health professional functions under the Mental Health Act 1983"],
        "outcomes": [
            ("Reduce emergency admissions for people with serious mental illness", "Local indicator MH3", (300, 900), -1),
            ("Increase the proportion of adults in contact with secondary mental health services in paid employment", "ASCOF 1F", (4, 12), 1),
            ("Increase the proportion of adults in contact with secondary mental health services living independently", "ASCOF 1H", (40, 70), 1),
            ("Reduce out of area placements for acute mental health care", "Local indicator MH7", (20, 120), -1),
            ("Improve access to psychological therapies", "IAPT access rate", (10, 25), 1),
            ("Reduce delayed transfers of care from mental health wards", "Local indicator MH9", (200, 900), -1),
        ],
    },
    "older_people": {
        "services": ["Reablement service", "Home care for older people", "Day opportunities for older people",
                     "Care home placements", "Falls prevention service", "Dementia advisory service",
                     "Telecare and assistive technology"],
        "excluded": ["Acute hospital services", "NHS continuing healthcare assessments",
                     "Funded nursing care payments"],
        "nhs": ["Community nursing for older people", "Commissioning of intermediate care beds"],
        "la": ["Assessment of needs for care and support under the Care Act 2014",
               "Provision of residential and nursing home care for older people"],
        "outcomes": [
            ("Reduce emergency bed days for people aged 65 and over", "NI 134", (1500, 4000), -1),
            ("Reduce permanent admissions of older people to residential and nursing care homes per 100,000 population", "ASCOF 2A(2)", (450, 900), -1),
            ("Increase the proportion of older people still at home 91 days after discharge into reablement", "ASCOF 2B(1)", (70, 85), 1),
            ("Reduce falls-related emergency admissions for people aged 65 and over", "PHOF 2.24", (1800, 2600), -1),
            ("Increase the diagnosis rate for dementia", "Dementia diagnosis rate", (55, 70), 1),
            ("Reduce delayed transfers of care attributable to social care", "ASCOF 2C(2)", (3, 12), -1),
        ],
    },
    "learning_disability": {
        "services": ["Community learning disability team", "Supported living for adults with learning disabilities",
                     "Short breaks and respite", "Day services for adults with learning disabilities",
                     "Positive behaviour support service"],
        "excluded": ["Assessment and treatment unit beds", "Specialist commissioning for secure services"],
        "nhs": ["Specialist health services for adults with learning disabilities"],
        "la": ["Social care for adults with learning disabilities", "Commissioning of supported living"],
        "outcomes": [
            ("Increase the proportion of adults with learning disabilities in paid employment", "ASCOF 1E", (4, 10), 1),
            ("Increase the proportion of adults with learning disabilities living in their own home or with family", "ASCOF 1G", (60, 85), 1),
            ("Increase uptake of annual health checks for people with learning disabilities", "Local indicator LD2", (45, 75), 1),
            ("Reduce inpatient placements for people with learning disabilities and autism", "Transforming Care inpatient rate", (5, 30), -1),
        ],
    },
    "physical_disability": {
        "services": ["Sensory impairment service", "Occupational therapy", "Direct payments support service",
                     "Home adaptations", "Neurological rehabilitation in the community"],
        "excluded": ["Wheelchair services", "Specialist prosthetics"],
        "nhs": ["Community rehabilitation and therapy services"],
        "la": ["Disabled facilities grants administration", "Social care for adults with physical disabilities"],
        "outcomes": [
            ("Increase the proportion of people using social care who receive self-directed support", "ASCOF 1C(1)", (70, 95), 1),
            ("Reduce waiting times for occupational therapy assessment (days)", "Local indicator PD1", (30, 120), -1),
            ("Increase the proportion of people who use services who have control over their daily life", "ASCOF 1B", (70, 85), 1),
        ],
    },
    "substance_misuse": {
        "services": ["Drug and alcohol treatment service", "Needle exchange", "Alcohol liaison nurses",
                     "Residential rehabilitation placements"],
        "excluded": ["Inpatient detoxification in acute hospitals"],
        "nhs": ["Alcohol liaison in acute settings"],
        "la": ["Public health drug and alcohol treatment commissioning"],
        "outcomes": [
            ("Increase successful completions of drug treatment (opiate users)", "PHOF 2.15i", (4, 9), 1),
            ("Reduce alcohol-related hospital admissions per 100,000 population", "PHOF 2.18", (500, 900), -1),
            ("Increase the number of people in effective treatment", "NDTMS effective treatment", (600, 2500), 1),
        ],
    },
    "children": {
        "services": ["Child and adolescent mental health services (tier 2)", "Children's community nursing",
                     "Short breaks for disabled children", "Speech and language therapy for children",
                     "Health visiting"],
        "excluded": ["Neonatal intensive care", "Tier 4 inpatient child mental health services"],
        "nhs": ["Children's community health services"],
        "la": ["Social care for disabled children", "Education, health and care needs assessment"],
        "outcomes": [
            ("Reduce waiting times for a first CAMHS appointment (weeks)", "Local indicator C4", (8, 26), -1),
            ("Increase the proportion of education, health and care plans completed within 20 weeks", "SEND 20-week timeliness", (40, 90), 1),
            ("Reduce emergency admissions for asthma, diabetes and epilepsy in under-19s", "NHS OF 2.3ii", (200, 500), -1),
        ],
    },
    "community_equipment": {
        "services": ["Integrated community equipment service", "Minor adaptations", "Equipment recycling"],
        "excluded": ["Specialist seating", "Prescribed wheelchairs"],
        "nhs": ["Provision of community nursing and therapy equipment"],
        "la": ["Provision of aids and minor adaptations under the Care Act 2014"],
        "outcomes": [
            ("Increase the proportion of equipment delivered within 7 days", "Local indicator CE1", (75, 95), 1),
            ("Increase the equipment recycling rate", "Local indicator CE3", (55, 85), 1),
        ],
    },
    "intermediate_care": {
        "services": ["Intermediate care beds", "Rapid response team", "Discharge to assess service",
                     "Hospital at home", "Step-up and step-down beds"],
        "excluded": ["Acute inpatient services"],
        "nhs": ["Intermediate care and rapid response nursing"],
        "la": ["Reablement and short-term care at home"],
        "outcomes": [
            ("Reduce non-elective admissions", "BCF metric 1", (18000, 32000), -1),
            ("Increase the proportion of people discharged to their usual place of residence", "BCF metric 4", (88, 95), 1),
            ("Reduce average length of stay in intermediate care beds (days)", "Local indicator IC2", (18, 35), -1),
        ],
    },
    "continuing_care": {
        "services": ["Jointly funded packages of care", "Continuing healthcare brokerage"],
        "excluded": ["NHS-funded nursing care determinations"],
        "nhs": ["NHS continuing healthcare commissioning"],
        "la": ["Brokerage of care packages"],
        "outcomes": [
            ("Increase the proportion of continuing healthcare assessments completed within 28 days", "NHS CHC 28-day standard", (50, 85), 1),
            ("Reduce assessments taking place in an acute hospital setting", "CHC acute assessment rate", (5, 30), -1),
        ],
    },
    "carers": {
        "services": ["Carers' assessment and support service", "Carers' breaks", "Young carers' service"],
        "excluded": ["Carer's allowance advice"],
        "nhs": ["Carers' health checks in primary care"],
        "la": ["Carers' assessments under the Care Act 2014"],
        "outcomes": [
            ("Increase carer-reported quality of life", "ASCOF 1D", (6, 9), 1),
            ("Increase the number of carers receiving an assessment", "Local indicator CA1", (800, 3000), 1),
        ],
    },
    "public_health": {
        "services": ["Integrated wellness service", "Stop smoking service", "NHS health checks"],
        "excluded": ["Screening programmes commissioned nationally"],
        "nhs": ["Primary care delivery of health checks"],
        "la": ["Public health functions under the Health and Social Care Act 2012"],
        "outcomes": [
            ("Increase the number of four-week smoking quitters", "PHOF 2.14", (600, 2000), 1),
            ("Increase the uptake of NHS health checks", "PHOF 2.22iv", (30, 60), 1),
        ],
    },
}

DATA_SOURCES = ["Hospital Episode Statistics", "Secondary Uses Service", "SALT return",
                "Adult Social Care Outcomes Framework", "Mental Health Services Data Set",
                "Local authority client database", "Community Services Data Set",
                "NDTMS quarterly report", "Host partner performance system", "Local audit"]
LOCAL_PRIORITIES = ["Local Area Agreement priority {}", "Health and wellbeing strategy priority {}",
                    "Joint strategic needs assessment theme {}", "Better Care Fund plan objective {}",
                    "Integrated care strategy ambition {}", "Sustainability and transformation plan priority {}"]
NAMED_LEADS = ["Joint Commissioning Manager", "Head of Integrated Care", "Director of Adult Social Services",
               "Assistant Director, Commissioning", "Clinical Lead for Community Services",
               "Head of Performance and Intelligence"]
BOARD_NAMES = ["Section 75 Partnership Board", "Joint Commissioning Board", "Integrated Care Partnership Board",
               "Better Care Fund Board", "Joint Partnership Board", "Health and Social Care Executive Group"]

# Sentence banks for the descriptive text. A value is 1..n of these joined.
TEXT = {
    "consultation": [
        "Joint consultation with service users, carers and staff through the local implementation team.",
        "A twelve-week public consultation ran across the county, with drop-in sessions in each locality.",
        "Staff side and trade unions were consulted through the joint staff partnership forum.",
        "The voluntary and community sector was consulted through the compact working group.",
        "A consultation report was presented to both partners' boards before the decision to enter the agreement.",
    ],
    "support": [
        "The other partners support the host with seconded staff, access to their information systems and office accommodation.",
        "The council provides finance and HR business partnering to the host at no charge to the pool.",
        "Each partner nominates a senior officer to the operational management group which supports the host.",
        "Commissioning support, contract management and procurement advice are provided by the non-host partners.",
    ],
    "renewal": [
        "The partners decide on renewal at the annual review before expiry.",
        "Renewal is considered by the partnership board at least nine months before the expiry date.",
        "The agreement may be extended by up to two years by written agreement of all partners.",
        "Any renewal follows a review of outcomes achieved and an updated needs assessment.",
    ],
    "exit_strategy": [
        "An exit plan is agreed within three months of notice being given.",
        "Staff seconded to the host return to their employing partner and contracts are novated or terminated in line with their terms.",
        "Commitments entered into before notice are honoured and funded in the proportions of the contributions.",
        "The host prepares a final statement of the pooled fund within two months of the termination date.",
    ],
    "asset_distribution": [
        "Minor capital items return to the purchasing partner's register.",
        "Assets purchased from the pool are distributed in proportion to the partners' contributions over the life of the agreement.",
        "Equipment held in the community equipment store transfers to the council at termination.",
    ],
    "liability_distribution": [
        "Outstanding liabilities are shared by contribution ratio.",
        "Liabilities arising from a partner's own functions remain with that partner.",
        "Any deficit on the pool at termination is met in the proportions set out for overspends.",
    ],
    "service_continuity": [
        "Each partner resumes its own statutory functions on exit.",
        "The partners ensure that no service user experiences a break in service during the transition.",
        "Care packages in place at termination continue until reviewed by the responsible partner.",
    ],
    "statements": [
        "Deliver a single point of access to {g} services.",
        "Support people to live independently in their own homes for as long as possible.",
        "Reduce avoidable admissions to hospital and to long-term care.",
        "Provide joined-up assessment so that people tell their story once.",
        "Improve outcomes for {g} through integrated commissioning.",
        "Make best use of the combined resources of the partners.",
        "Reduce health inequalities between the most and least deprived neighbourhoods.",
        "Ensure people and their carers are involved in decisions about their care.",
    ],
    "monitoring": [
        "Joint finance and performance review.",
        "Monthly budget monitoring report to the operational group with a quarterly summary to the board.",
        "Integrated dashboard of activity, finance and outcomes reviewed jointly.",
    ],
    "financial_gov": [
        "Standing financial instructions of the host apply.",
        "Budget clinics are held monthly with budget holders from both partners.",
        "Virements within the pool above 50,000 pounds require board approval.",
        "The pooled fund manager reports variances above 2 per cent to the board with a recovery plan.",
    ],
    "corporate": [
        "The board reports to the NHS partner's board and the council's cabinet.",
        "Minutes of the board are received by the health and wellbeing board.",
        "Each partner retains its own statutory accountability for its functions.",
    ],
    "decision_making": [
        "Decisions are made by consensus.",
        "Where consensus cannot be reached the matter is escalated to the chief executives.",
        "Each partner has one vote and the chair has no casting vote.",
    ],
    "scrutiny": [
        "The council's health scrutiny committee reviews the partnership annually.",
        "Healthwatch has observer status at the board.",
    ],
    "conduct": [
        "Members follow the host's code of conduct and declare interests at each meeting.",
        "The Nolan principles of public life apply to all board members.",
    ],
    "capacity": [
        "Board members receive induction on pooled fund rules.",
        "An annual development session is held for board members.",
    ],
    "variation": [
        "Contributions are varied by written agreement at the annual review.",
        "In-year variations require the approval of both partners' chief finance officers.",
        "A variation letter signed by the authorised officers of each partner records any change.",
    ],
    "year_end": [
        "Partners report their shares of assets, liabilities and cash at year end.",
        "The host provides a memorandum account to each partner by 30 April.",
        "Year-end balances are agreed between the partners' finance teams before the accounts are closed.",
    ],
    "recharge": [
        "The lead body recharges by contribution ratio.",
        "Overheads are recharged at 2 per cent of gross expenditure.",
    ],
    "timetable": [
        "The budget is set jointly by 31 January on a shared timetable.",
        "Indicative contributions are agreed in October and confirmed in February.",
        "Budget setting is aligned with the council's medium term financial plan and the NHS operational planning round.",
    ],
    "charging": [
        "Charges for the council element are made under the council's fairer charging policy and accounted for outside the pool.",
        "Income from charges is credited to the pool and reported separately.",
    ],
    "vfm": [
        "Unit costs and reference costs are benchmarked each year.",
        "The board receives an annual value for money report comparing costs with statistical neighbours.",
        "Contracts are market tested at least every five years.",
    ],
    "audit_internal": [
        "The host's internal audit, with access for both partners.",
        "A joint internal audit plan is agreed annually by both partners' audit committees.",
    ],
    "audit_external": [
        "The host's external auditors audit the whole pool.",
        "Each partner's external auditor has access to the pooled fund records.",
    ],
    "ownership": [
        "Minor capital items purchased by the pool are owned by the host.",
        "Capital items are owned by the partner whose register they are recorded on.",
        "No capital expenditure is charged to the pool without the board's approval.",
    ],
    "disclosure": [
        "Items over 5000 pounds are recorded on the host asset register.",
        "Capital items are disclosed in the annual return to the partners.",
    ],
    "vat": ["The host's VAT regime applies.", "VAT is accounted for under the council's section 33 status where the council hosts."],
    "liability": ["Each partner remains liable for its own functions.",
                  "The host is liable for acts and omissions in delivering the pooled services."],
    "insurance": ["Each partner insures its own staff and premises.",
                  "The host maintains employer's, public and professional liability cover for the pooled services."],
    "indemnity": ["Mutual indemnity for negligent acts.",
                  "Each partner indemnifies the others against claims arising from its breach of this agreement."],
    "legal": ["Legal advice is shared; costs are split by contribution ratio.",
              "Each partner bears its own legal costs unless the board agrees otherwise."],
    "complaints": ["One joint complaints procedure across health and social care.",
                   "Complaints are handled under the joint protocol made under the 2009 complaints regulations."],
    "disputes": ["Escalation to chief executives, then mediation.",
                 "Disputes are referred first to the board, then to the chief executives, then to an independent mediator."],
    "risk_sharing": ["A shared risk register is reviewed quarterly by the board.",
                     "Financial risks are shared in the proportions set out in the overspend arrangements."],
    "data_collection": ["A joint minimum data set is collected for all service users.",
                        "Activity data are collected on the host's system and shared monthly."],
    "information_sharing": ["An information sharing protocol is signed by all partners.",
                            "A data sharing agreement compliant with UK GDPR covers all pooled services."],
    "record_keeping": ["A single shared health and social care record is kept.",
                       "Records are kept on each partner's system with a shared care record view."],
    "feedback": ["Quarterly user and carer forum; annual survey.",
                 "Feedback is gathered through an experts-by-experience panel and reported to each board meeting."],
    "priorities": ["Users contribute to service priorities through the reference group.",
                   "A co-production group sets annual priorities with commissioners."],
    "purpose": ["Integrated community teams and placements.", "Community care placements.",
                "Reablement and rapid response.", "Jointly commissioned home care.",
                "Equipment and minor adaptations.", "Carers' support and breaks.",
                "Staffing of the integrated teams.", "Care home placements."],
    "other_resources": ["Office accommodation at {p} House.", "IT equipment and network access for integrated teams.",
                        "Administrative support for the board.", "Use of the partner's training facilities."],
    "waiver_reason": ["The pool purchases no capital items.", "The split is required by the Better Care Fund conditions for this year.",
                      "Functions are not delegated to the joint post; it advises only.",
                      "The board considered these governance principles covered by the partners' own codes."],
}


# Some drafters write one sentence where others write three; set per agreement.
STYLE = {"terse": False}


def sentences(rng, key, lo=1, hi=2, **fmt):
    if STYLE["terse"]:
        hi = lo
    picks = rng.sample(TEXT[key], k=min(len(TEXT[key]), rng.randint(lo, hi)))
    return " ".join(s.format(**fmt) if fmt else s for s in picks)


def text(rng, key, lo=1, hi=2, **fmt):
    """A descriptive text value; long ones are sometimes written folded."""
    s = sentences(rng, key, lo, hi, **fmt)
    if len(s) > 110 and rng.random() < 0.35:
        return Folded(s)
    return s


# --------------------------------------------------------------------------
# Partners
# --------------------------------------------------------------------------


def initials_id(name):
    skip = {"of", "and", "the", "for", "nhs"}
    words = re.findall(r"[A-Za-z]+", name)
    letters = "".join(w[0].lower() for w in words if w.lower() not in skip)
    return letters or "p"


def person(rng):
    return f"{rng.choice(INITIALS)}. {rng.choice(SURNAMES)}"


def make_partners(rng, place, commencement, legal_basis, count):
    neighbour = rng.choice([p for p in PLACES if p != place])
    partners = []
    council = rng.choice(COUNCIL_FORMS).format(place)
    partners.append({"name": council, "kind": "local_authority"})
    if legal_basis == "s75_s77":
        partners.append({"name": f"{place} Care Trust", "kind": "care_trust"})
    elif commencement < dt.date(2013, 4, 1):
        partners.append({"name": f"{place} Primary Care Trust", "kind": "pct"})
    elif commencement < dt.date(2022, 7, 1):
        partners.append({"name": f"NHS {place} Clinical Commissioning Group", "kind": "ccg"})
    else:
        partners.append({"name": f"NHS {place} and {neighbour} Integrated Care Board", "kind": "icb"})
    extras = [
        {"name": f"{place} Community Health Services NHS Trust", "kind": "nhs_trust"},
        {"name": f"{place} and {neighbour} Partnership NHS Foundation Trust", "kind": "nhs_foundation_trust"},
        {"name": rng.choice(["{} District Council", "{} Borough Council"]).format(neighbour), "kind": "local_authority"},
        {"name": f"{place} Council for Voluntary Service", "kind": "other"},
        {"name": f"{place} Carers' Centre", "kind": "other"},
    ]
    rng.shuffle(extras)
    partners.extend(extras[: count - 2])
    seen = set()
    for p in partners:
        pid = initials_id(p["name"])
        base, n = pid, 2
        while pid in seen:
            pid, n = f"{base}{n}", n + 1
        seen.add(pid)
        p["id"] = pid
    return partners


# --------------------------------------------------------------------------
# The agreement
# --------------------------------------------------------------------------

STATUS_WEIGHTS = [("in_force", 55), ("signed", 8), ("draft", 15), ("expired", 14), ("terminated", 8)]
BASIS_WEIGHTS = [("s75", 78), ("s75_s77", 5), ("s256", 6), ("non_statutory", 11)]


def weighted(rng, pairs):
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def pick_dates(rng, status):
    """Commencement and term length in months, plausible for the status."""
    if status in ("expired", "terminated"):
        start_year = rng.randint(2002, 2016)
    elif status == "in_force":
        start_year = rng.randint(2019, 2025)
    else:
        start_year = rng.randint(2025, 2027)
    commencement = dt.date(start_year, 4, 1) if rng.random() < 0.8 else \
        dt.date(start_year, rng.choice([1, 7, 10]), 1)
    months = rng.choice([36, 36, 60, 60, 60, 84, 120])
    if status == "in_force":
        while add_months(commencement, months) <= dt.date(2027, 6, 1):
            months += 24
    return commencement, months


def make_agreement(rng, index):
    STYLE["terse"] = rng.random() < 0.3
    status = weighted(rng, STATUS_WEIGHTS)
    legal_basis = weighted(rng, BASIS_WEIGHTS)
    commencement, months = pick_dates(rng, status)
    expiry = days(add_months(commencement, months), -1)
    place = rng.choice(PLACES)
    groups = rng.sample(sorted(CLIENT_GROUPS), k=rng.choice([1, 1, 2, 2, 3]))
    group_words = " and ".join(g.replace("_", " ") for g in groups)
    n_partners = rng.choices([2, 3, 4, 5], weights=[45, 30, 15, 10])[0]
    partners = make_partners(rng, place, commencement, legal_basis, n_partners)
    host = partners[1] if rng.random() < 0.55 else partners[0]

    if legal_basis == "non_statutory":
        arrangements = ["aligned_budget"]
        model = "aligned_budget"
    elif legal_basis == "s256":
        arrangements = ["grant"]
        model = rng.choice(["lead_body", "joint_commissioning"])
    else:
        arrangements = ["pooled_fund"]
        arrangements += rng.sample(["lead_commissioning", "integrated_provision"], k=rng.choice([0, 1, 1, 2]))
        if legal_basis == "s75_s77":
            arrangements.append("care_trust")
        model = rng.choice(["lead_body", "lead_body", "joint_commissioning", "joint_venture"])
    pooled = "pooled_fund" in arrangements

    # Financial year the aims and finance describe: the latest one begun by 2025-26.
    if status in ("expired", "terminated"):
        fy_date = max(commencement, days(expiry, -300))
    else:
        fy_date = max(commencement, dt.date(2025, 4, 1))
    year = fin_year(fy_date)
    fy_begin = fy_start(fy_date)

    agreement = {
        "id": f"{re.sub(r'[^a-z0-9]+', '-', place.lower())}-{groups[0].replace('_', '-')}-{index:05d}",
        "title": f"{group_words.capitalize()} services partnership agreement",
        "status": status,
        "legal_basis": legal_basis,
        "arrangements": FlowSeq(arrangements),
    }
    if rng.random() < 0.9:
        agreement["financial_model"] = model
    consult_on = days(commencement, -rng.randint(60, 200))
    if legal_basis in ("s75", "s75_s77") or rng.random() < 0.3:
        agreement["consultation"] = {
            "completed_on": consult_on,
            "description": text(rng, "consultation", 1, 3),
        }

    # Signatures: some weeks before commencement; drafts are unsigned.
    partner_entries = []
    for p in partners:
        titles = LA_TITLES if p["kind"] == "local_authority" else OTHER_TITLES if p["kind"] == "other" else NHS_TITLES
        entry = {"id": p["id"], "name": p["name"], "kind": p["kind"],
                 "role": "host" if p is host else "partner"}
        sig = {"name": person(rng), "title": rng.choice(titles)}
        if status != "draft":
            sig["signed_on"] = days(commencement, -rng.randint(3, 50))
        elif rng.random() < 0.3:
            sig["signed_on"] = Null(rng.choice(["", "~", "null"]))
        entry["signatory"] = sig
        partner_entries.append(entry)

    term = {"commencement": commencement}
    if rng.random() < 0.7:
        term["expiry"] = expiry
    else:
        term["duration_months"] = months
    freq = rng.choice(["annual", "annual", "annual", "six_monthly", "quarterly"])
    step = {"annual": 12, "six_monthly": 6, "quarterly": 3}[freq]
    last_review = min(add_months(fy_begin, rng.randint(1, 4)), days(expiry, -30))
    last_review = max(last_review, days(commencement, 60))
    term["review"] = {"frequency": freq, "last_review": last_review,
                      "next_review": add_months(last_review, step),
                      "evaluates_outcomes": rng.random() < 0.85}
    term["renewal"] = text(rng, "renewal", 1, 2)
    term["termination"] = {
        "notice_months": rng.choice([3, 6, 6, 6, 12]),
        "exit_strategy": text(rng, "exit_strategy", 2, 4),
        "asset_distribution": text(rng, "asset_distribution", 1, 2),
        "liability_distribution": text(rng, "liability_distribution", 1, 2),
        "service_continuity": text(rng, "service_continuity", 1, 2),
    }

    aims = {"year": year, "agreed_on": days(fy_begin, rng.randint(-40, 20)),
            "statements": [sentences(rng, "statements", 1, 1, g=group_words)
                           for _ in range(rng.randint(2, 5))]}
    aims["statements"] = list(dict.fromkeys(aims["statements"]))

    outcomes = make_outcomes(rng, groups, partners, commencement, expiry, fy_begin)

    scope = {"client_groups": FlowSeq(groups), "nhs_functions": [], "council_functions": [],
             "services_included": [], "services_excluded": []}
    for g in groups:
        bank = CLIENT_GROUPS[g]
        scope["nhs_functions"] += rng.sample(bank["nhs"], k=rng.randint(1, len(bank["nhs"])))
        scope["council_functions"] += rng.sample(bank["la"], k=rng.randint(1, len(bank["la"])))
        scope["services_included"] += rng.sample(bank["services"], k=rng.randint(2, len(bank["services"])))
        scope["services_excluded"] += rng.sample(bank["excluded"], k=rng.randint(1, len(bank["excluded"])))

    board_name = rng.choice(BOARD_NAMES)
    management = {}
    if pooled:
        management["pooled_fund_manager"] = Flow(name=person(rng), partner=host["id"])
    management["monitoring"] = Flow(frequency=rng.choice(["monthly", "monthly", "quarterly"]),
                                    joint=rng.random() < 0.9,
                                    description=sentences(rng, "monitoring", 1, 1))
    reporting = [Flow(report="financial", frequency=rng.choice(["monthly", "quarterly"]), to=board_name),
                 Flow(report="performance", frequency="quarterly", to=board_name),
                 Flow(report="annual_return", frequency="annual", to="Each partner's board")]
    if rng.random() < 0.4:
        reporting.append(Flow(report="risk", frequency="quarterly", to=board_name))
    if rng.random() < 0.3:
        reporting.append(Flow(report="other", frequency="six_monthly", to="Health and Wellbeing Board"))
    if rng.random() < 0.1:
        del reporting[1]
    management["reporting"] = reporting

    governance = {
        "board": Flow(name=board_name, members=FlowSeq(p["id"] for p in partners if p["kind"] != "other"),
                      terms_of_reference=rng.random() < 0.9),
        "financial": text(rng, "financial_gov", 1, 3),
        "corporate": text(rng, "corporate", 1, 2),
        "decision_making": text(rng, "decision_making", 1, 2),
        "scrutiny": text(rng, "scrutiny", 1, 2),
        "conduct": text(rng, "conduct", 1, 2),
        "capacity": text(rng, "capacity", 1, 2),
    }

    finance = make_finance(rng, partners, host, pooled, model, year, place)

    doc = {
        "format": "s75check/1",
        "agreement": agreement,
        "partners": partner_entries,
        "term": term,
        "aims": aims,
        "outcomes": outcomes,
        "scope": scope,
        "host": {"partner": host["id"], "support": text(rng, "support", 1, 3)},
        "management": management,
        "governance": governance,
        "finance": finance,
        "capital": {"ownership": text(rng, "ownership", 1, 2), "disclosure": text(rng, "disclosure", 1, 2)},
        "technical": {
            "vat": text(rng, "vat", 1, 1), "liability": text(rng, "liability", 1, 2),
            "insurance": text(rng, "insurance", 1, 2), "indemnity": text(rng, "indemnity", 1, 1),
            "legal": text(rng, "legal", 1, 1),
            "complaints": Flow(joint=rng.random() < 0.85, description=sentences(rng, "complaints", 1, 1)),
            "disputes": text(rng, "disputes", 1, 1), "risk_sharing": text(rng, "risk_sharing", 1, 2),
            "risk_register": Flow(shared=rng.random() < 0.85),
        },
        "information": {"data_collection": text(rng, "data_collection", 1, 2),
                        "information_sharing": text(rng, "information_sharing", 1, 2),
                        "record_keeping": text(rng, "record_keeping", 1, 2)},
        "user_involvement": {"feedback": text(rng, "feedback", 1, 2),
                             "priorities": text(rng, "priorities", 1, 2)},
        "staff": make_staff(rng, partners, groups),
    }
    if rng.random() < 0.1:
        doc["waivers"] = [{
            "rule": rng.choice(["T1.08", "HFD.06", "AC.09", "CF.05", "HFD.07"]),
            "reason": sentences(rng, "waiver_reason", 1, 1),
            "approved_by": f"{board_name}, minute {rng.randint(1, 40)}/{fy_begin.year}",
            "expires": add_months(fy_begin, 12),
        }]
    return doc


def outcome_number(rng, lo, hi):
    if hi <= 100 and rng.random() < 0.5:
        return Raw(f"{rng.uniform(lo, hi):.1f}")
    return rng.randint(lo, hi)


SCORECARD_DOMAINS = ["users_and_carers", "processes", "users_and_carers", "resources",
                     "learning_and_growth"]


def make_outcomes(rng, groups, partners, commencement, expiry, fy_begin):
    bank = [o for g in groups for o in CLIENT_GROUPS[g]["outcomes"]]
    n = rng.randint(2, 12)
    picks = rng.sample(bank, k=min(n, len(bank)))
    outcomes = []
    for i, (desc, indicator, (lo, hi), direction) in enumerate(picks, start=1):
        baseline = outcome_number(rng, lo, hi)
        bv = float(baseline)
        target = bv * (1 + direction * rng.uniform(0.05, 0.25))
        target = Raw(f"{target:.1f}") if isinstance(baseline, Raw) else int(round(target))
        by = min(add_months(fy_begin, 12) - dt.timedelta(days=1), expiry)
        o = {"id": f"o{i}", "description": desc, "indicator": indicator,
             "baseline": Flow(value=baseline, period=fin_year(days(commencement, -200))),
             "target": Flow(value=target, by=by),
             "lead": rng.choice(partners)["id"] if rng.random() < 0.6 else rng.choice(NAMED_LEADS),
             "data_source": rng.choice(DATA_SOURCES),
             "local_priority": rng.choice(LOCAL_PRIORITIES).format(rng.randint(1, 8)),
             "reporting": rng.choice(["monthly", "quarterly", "quarterly", "six_monthly", "annual"])}
        # The scorecard's domain and weight, chosen without the generator's random
        # stream (so the rest of every file is as before): weighted towards
        # service users and carers, as case study 3's scorecard is.
        o["domain"] = SCORECARD_DOMAINS[(i - 1) % len(SCORECARD_DOMAINS)]
        if i == 1:
            o["weight"] = 2
        if rng.random() < 0.15:
            del o[rng.choice(["indicator", "data_source", "local_priority"])]
        k = rng.choice([0, 0, 1, 2, 3, 4, 6])
        if k:
            mon, value, period = [], bv, fy_begin
            for _ in range(k):
                period = days(add_months(period, 3), -1)
                value = value * (1 + direction * rng.uniform(-0.02, 0.06))
                mon.append(Flow(period=period, value=Raw(f"{value:.1f}") if isinstance(baseline, Raw) else int(value)))
                period = days(period, 1)
            o["monitoring"] = mon
        outcomes.append(o)
    return outcomes


def make_finance(rng, partners, host, pooled, model, year, place):
    contributors = [p for p in partners if p["kind"] != "other" or rng.random() < 0.3]
    total_k = rng.randint(200, 60000)  # thousands of pounds
    parts_k = split_whole(rng, total_k, len(contributors))
    amounts = []
    for k in parts_k:
        pence = k * 100000
        if rng.random() < 0.15:
            pence += rng.randint(1, 99999)  # an odd figure in pounds and pence
        amounts.append(pence)
    pool_total = sum(amounts)
    contributions = []
    for p, pence in zip(contributors, amounts):
        c = {"partner": p["id"], "amount": money(pence),
             "basis": rng.choice(["needs_assessment", "needs_assessment", "historical", "formula"]),
             "purpose": text(rng, "purpose", 1, 2)}
        contributions.append(c)

    overspend_approach = rng.choice(["host", "proportional", "fixed_shares", "host_first_then_proportional"])
    overspend = {"approach": overspend_approach}
    if overspend_approach == "host_first_then_proportional":
        # a round number of thousands, up to 5% of the pool
        overspend["host_first_amount"] = money(rng.randint(1, max(1, pool_total // 100000 // 20)) * 100000)
    if overspend_approach == "fixed_shares":
        overspend["shares"] = shares_for(rng, contributors)
    underspend_approach = rng.choice(["carry_forward", "carry_forward", "proportional", "return", "fixed_shares"])
    underspend = {"approach": underspend_approach}
    if underspend_approach == "fixed_shares":
        underspend["shares"] = shares_for(rng, contributors)

    finance = {
        "year": year,
        "pooled": pooled,
        "pool_total": money(pool_total),
        "contributions": contributions,
        "variation": text(rng, "variation", 1, 2),
    }
    if rng.random() < 0.7:
        finance["other_resources"] = [
            Flow(partner=rng.choice(partners)["id"], description=sentences(rng, "other_resources", 1, 1, p=place))
            for _ in range(rng.randint(1, 3))]
    finance.update({
        "split_elements": rng.random() < 0.15,
        "commissioning_accounted_separately": rng.random() < 0.85,
        "overspend": overspend,
        "underspend": underspend,
        "year_end_disclosure": text(rng, "year_end", 1, 3),
    })
    if model == "lead_body" or rng.random() < 0.2:
        finance["recharge_formula"] = text(rng, "recharge", 1, 2)
    finance["budget_timetable"] = text(rng, "timetable", 1, 2)
    charging = rng.random() < 0.5
    finance["user_charging"] = charging
    if charging or rng.random() < 0.3:
        finance["charging"] = text(rng, "charging", 1, 2)
    finance["value_for_money"] = text(rng, "vfm", 1, 3)
    finance["audit"] = {"internal": text(rng, "audit_internal", 1, 2),
                        "external": text(rng, "audit_external", 1, 2)}
    return finance


def shares_for(rng, contributors):
    parts = split_whole(rng, 100, len(contributors), minimum=5)
    return Flow((p["id"], share(h)) for p, h in zip(contributors, parts))


def make_staff(rng, partners, groups):
    staff = {"arrangements": rng.choice(["secondment", "secondment", "transfer", "none", "mixed"])}
    posts = []
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        g = rng.choice(groups).replace("_", " ")
        post = Flow(title=rng.choice([f"Joint Director of {g.title()}", f"Joint Commissioning Manager, {g}",
                                      f"Integrated Service Manager ({g})", "Head of Integrated Care"]),
                    employer=rng.choice(partners)["id"])
        if rng.random() < 0.85:
            post["functions_delegated"] = rng.random() < 0.8
        if all(p["title"] != post["title"] for p in posts):
            posts.append(post)
    if posts:
        staff["joint_posts"] = posts
    return staff


# --------------------------------------------------------------------------
# Defects real drafts have
# --------------------------------------------------------------------------

PLACEHOLDERS = ["TBC", "TBC", "tbc", "TBD", "TBA", "to be agreed", "To be agreed", "to be confirmed",
                "To follow", "pending", "xxx", "...", "?", "[to be agreed]", "(TBC)", "n/a"]
PLACEHOLDER_PATHS = [
    ("term", "renewal"), ("term", "termination", "exit_strategy"),
    ("term", "termination", "asset_distribution"), ("host", "support"),
    ("governance", "financial"), ("governance", "corporate"), ("capital", "ownership"),
    ("capital", "disclosure"), ("technical", "vat"), ("technical", "indemnity"),
    ("technical", "disputes"), ("finance", "variation"), ("finance", "budget_timetable"),
    ("finance", "value_for_money"), ("finance", "year_end_disclosure"),
    ("information", "information_sharing"), ("user_involvement", "feedback"),
    ("finance", "contributions", 0, "purpose"), ("aims", "statements", 0),
]


def set_path(doc, path, value):
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def defect_placeholder(rng, doc):
    for path in rng.sample(PLACEHOLDER_PATHS, k=rng.randint(1, 3)):
        set_path(doc, path, rng.choice(PLACEHOLDERS))


def defect_no_underspend(rng, doc):
    fin = doc["finance"]
    choice = rng.random()
    if choice < 0.5:
        del fin["underspend"]
    elif choice < 0.8:
        fin["underspend"] = {"approach": Null(rng.choice(["", "~"]))}
    else:
        fin["underspend"] = Null()


def defect_penny_out(rng, doc):
    fin = doc["finance"]
    pounds, _, p = str(fin["pool_total"]).partition(".")
    total = int(pounds) * 100 + int((p + "00")[:2])
    fin["pool_total"] = money(total + rng.choice([-1, 1]))


def defect_unsigned_in_force(rng, doc):
    doc["agreement"]["status"] = "in_force"
    for p in doc["partners"]:
        p["signatory"].setdefault("signed_on", days(doc["term"]["commencement"], -rng.randint(3, 40)))
        if isinstance(p["signatory"]["signed_on"], Null):
            p["signatory"]["signed_on"] = days(doc["term"]["commencement"], -rng.randint(3, 40))
    victim = rng.choice(doc["partners"])["signatory"]
    if rng.random() < 0.5:
        del victim["signed_on"]
    else:
        victim["signed_on"] = Null(rng.choice(["", "~", "null"]))


def defect_signed_late(rng, doc):
    victim = rng.choice(doc["partners"])["signatory"]
    victim["signed_on"] = days(doc["term"]["commencement"], rng.randint(1, 75))


def defect_outcome_no_target(rng, doc):
    for o in rng.sample(doc["outcomes"], k=rng.randint(1, min(2, len(doc["outcomes"])))):
        del o["target"]


def defect_expiry_before_commencement(rng, doc):
    term = doc["term"]
    start = term["commencement"]
    new = {}
    for k, v in term.items():
        if k == "duration_months":
            k = "expiry"
        new[k] = v
    new.setdefault("expiry", None)
    new["expiry"] = rng.choice([dt.date(start.year - 1, 3, 31), days(start, -1),
                                dt.date(start.year - rng.randint(1, 3), start.month, 1)])
    doc["term"] = new


def defect_shares_not_one(rng, doc):
    fin = doc["finance"]
    ids = [c["partner"] for c in fin["contributions"]]
    parts = split_whole(rng, 100 + rng.choice([-1, 1, -10, 2]), len(ids), minimum=5)
    over = {"approach": "fixed_shares", "shares": Flow((i, share(h)) for i, h in zip(ids, parts))}
    fin["overspend"] = over


def defect_unknown_host(rng, doc):
    real = doc["host"]["partner"]
    ids = {p["id"] for p in doc["partners"]}
    candidates = [real[::-1], real + "s", real[:-1], "host", "council", real[1:] + real[0]]
    doc["host"]["partner"] = next(c for c in candidates if c not in ids and re.fullmatch(r"[a-z0-9_-]+", c))


DEFECTS = [  # (name, weight, function)
    ("placeholder", 30, defect_placeholder),
    ("underspend-missing", 10, defect_no_underspend),
    ("sum-off-by-a-penny", 10, defect_penny_out),
    ("unsigned-in-force", 10, defect_unsigned_in_force),
    ("signed-after-commencement", 10, defect_signed_late),
    ("outcome-without-target", 12, defect_outcome_no_target),
    ("expiry-before-commencement", 5, defect_expiry_before_commencement),
    ("overspend-shares-not-1", 7, defect_shares_not_one),
    ("unknown-host", 6, defect_unknown_host),
]
DEFECT_RATE = 0.40


def apply_defects(rng, doc):
    if rng.random() >= DEFECT_RATE:
        return []
    n = rng.choices([1, 2, 3], weights=[60, 30, 10])[0]
    chosen = []
    while len(chosen) < n:
        name, _, fn = rng.choices(DEFECTS, weights=[d[1] for d in DEFECTS])[0]
        if name not in chosen:
            chosen.append(name)
    for name in chosen:
        dict((d[0], d[2]) for d in DEFECTS)[name](rng, doc)
    return chosen


# --------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------

MIN_BYTES, MAX_BYTES = 5 * 1024, 15 * 1000   # 5-15 KB whichever way KB is read


FUND_KEYS = ("year", "pooled", "pool_total", "contributions", "split_elements",
             "overspend", "underspend", "year_end_disclosure")
FUND_ARRANGEMENTS = ("pooled_fund", "aligned_budget", "lead_commissioning", "integrated_provision")


def pence_of(amount):
    whole, _, frac = str(amount).partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


def to_format2(rng, doc):
    """The agreement `doc` (format 1) rewritten in format 2, in place."""
    doc["format"] = "s75check/2"
    host = doc.pop("host")
    manager = doc["management"].pop("pooled_fund_manager", None)
    finance = doc["finance"]
    figures = {k: finance.pop(k) for k in FUND_KEYS if k in finance}
    arrangements = doc["agreement"].pop("arrangements", ["pooled_fund"])
    arrangement = next((a for a in arrangements if a in FUND_ARRANGEMENTS), "aligned_budget")
    if "pooled_fund" in arrangements:
        arrangement = "pooled_fund"
    contributions = figures.pop("contributions", [])
    count = min(len(contributions), rng.choice([1, 1, 2, 2, 3]))
    cut = sorted(rng.sample(range(1, len(contributions)), count - 1)) if count > 1 else []
    chunks = [contributions[a:b] for a, b in zip([0] + cut, cut + [len(contributions)])]
    odd = pence_of(figures.get("pool_total", 0)) - sum(pence_of(c["amount"]) for c in contributions)
    funds = []
    for i, chunk in enumerate(chunks):
        fund_host = host["partner"] if i == 0 else chunk[0]["partner"]
        total = sum(pence_of(c["amount"]) for c in chunk) + (odd if i == 0 else 0)
        fund = {"id": f"fund-{i + 1}", "name": f"Pooled fund {i + 1}", "arrangement": arrangement,
                "host": fund_host, "host_support": host["support"]}
        if manager is not None:
            fund["manager"] = Flow(name=manager["name"], partner=fund_host)
        fund.update({k: v for k, v in figures.items() if k != "pool_total"})
        fund["pool_total"] = money(total)
        fund["contributions"] = chunk
        parts = split_whole(rng, max(total // 100000, 2), rng.randint(2, 6), minimum=1)
        fund["schemes"] = [Flow(id=f"s{i + 1}-{j + 1}", name=f"Scheme {j + 1}", lead=fund_host,
                                amount=money(k * 100000)) for j, k in enumerate(parts)]
        funds.append(fund)
    out = {}
    for key, value in doc.items():
        if key == "finance":
            out["funds"] = funds
        out[key] = value
    doc.clear()
    doc.update(out)


def render(seed, index, version=1):
    """The text of file `index` and its defects; retries until the size fits."""
    for attempt in range(50):
        rng = random.Random(f"s75check-bench:{seed}:{index}:{attempt}")
        doc = make_agreement(rng, index)
        defects = apply_defects(rng, doc)
        if version == 2:
            to_format2(rng, doc)
        header = [f"{doc['agreement']['title']}",
                  "Made under section 75 of the National Health Service Act 2006"
                  if doc["agreement"]["legal_basis"].startswith("s75") else
                  "Partnership agreement between the partners named below", ""]
        body = emit_document(doc, header, rng)
        if MIN_BYTES <= len(body.encode("utf-8")) <= MAX_BYTES:
            return body, defects
    raise RuntimeError(f"could not fit agreement {index} into {MIN_BYTES}-{MAX_BYTES} bytes")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, required=True, help="number of agreements to write")
    ap.add_argument("--out", required=True, help="output directory (created if missing)")
    ap.add_argument("--seed", type=int, default=75, help="random seed (default 75)")
    ap.add_argument("--format-version", type=int, choices=[1, 2], default=1,
                    help="agreement format to write (default 1)")
    args = ap.parse_args(argv)
    if args.count < 1:
        ap.error("--count must be at least 1")
    os.makedirs(args.out, exist_ok=True)

    total, smallest, largest, defective = 0, None, 0, 0
    tally = {d[0]: 0 for d in DEFECTS}
    for i in range(1, args.count + 1):
        body, defects = render(args.seed, i, args.format_version)
        data = body.encode("utf-8")
        with open(os.path.join(args.out, f"agreement-{i:05d}.yaml"), "wb") as f:
            f.write(data)
        total += len(data)
        smallest = len(data) if smallest is None else min(smallest, len(data))
        largest = max(largest, len(data))
        defective += bool(defects)
        for d in defects:
            tally[d] += 1

    print(f"wrote {args.count} agreements to {args.out} (seed {args.seed})")
    print(f"files with defects: {defective} ({100.0 * defective / args.count:.1f}%)")
    for name, n in tally.items():
        print(f"  {name:28} {n}")
    print(f"size: min {smallest} B, max {largest} B")
    print(f"total bytes: {total}")
    print(f"average size: {total / args.count:.0f} B ({total / args.count / 1024:.2f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
