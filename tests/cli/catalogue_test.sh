#!/usr/bin/env bash
# The rule catalogue as users meet it: every id listed and explained, rule
# selection, local packs, waivers, and each family on agreements written for
# the purpose (variants of the model agreement). Usage: catalogue_test.sh
# PATH/TO/s75check (from the repository root). Ends with "N passed, N failed".
source "$(dirname "$0")/lib.sh" "$1"
model=agreements/model-learning-disability.yaml
asof=--as-of=2026-11-22

# variant NAME SED-SCRIPT: a copy of the model agreement, edited.
variant() {
  sed -e "$2" "$model" >"$tmp/$1.yaml"
  cmp -s "$model" "$tmp/$1.yaml" && fail "variant $1: the edit changed nothing"
}

# --- Every id of the catalogue is listed once, with severity and references.
ids="T1.01 T1.02 T1.03 T1.04 T1.05 T1.06 T1.07 T1.08 T1.09 T1.10 T1.11
  AC.01 AC.02 AC.03 AC.04 AC.05 AC.06 AC.07 AC.08 AC.09 AC.10 AC.11 AC.12 AC.13 AC.14
  HFD.01 HFD.02 HFD.03 HFD.04 HFD.05 HFD.06 HFD.07 CF.01 CF.02 CF.03 CF.04 CF.05
  REG.01 REG.02 REG.03 REG.04 REG.05 REG.06 REG.07 FIN.01 FIN.02 FIN.03 FIN.04 FIN.05 FIN.06
  DATE.01 DATE.02 DATE.03 DATE.04 DATE.05 DATE.06 DATE.07 DOC.01 DOC.02 DOC.03 DOC.04 DOC.05 DOC.06
  DOC.07 DOC.08 DOC.09 WAIVER.01 WAIVER.02 WAIVER.03"
expect "rules json" 0 "$bin" rules --format json
python3 - "$tmp/out" $ids >"$tmp/py" 2>&1 <<'PY'
import json, sys
rules = json.load(open(sys.argv[1]))['rules']
listed = [r['id'] for r in rules]
assert len(listed) == len(set(listed)), 'an id is listed twice'
assert sorted(listed) == sorted(sys.argv[2:]), set(listed) ^ set(sys.argv[2:])
for r in rules:
    assert r['severity'] in ('error', 'warning', 'info'), r
    assert r['references'] and all(r['references']), r['id']
    assert r['description'] and r['remediation'] and r['quotes'], r['id']
    assert r['examples']['failing']['yaml'] and r['examples']['passing']['yaml'], r['id']
print('ok')
PY
contains "rules json lists the catalogue" "$tmp/py" '^ok$'
expect "rules markdown" 0 "$bin" rules --format markdown
contains "markdown heading" "$tmp/out" '^### REG\.02 excluded-nhs-functions$'

# --- explain works for every id and says what, why, how and shows examples.
for id in $ids; do
  "$bin" explain "$id" >"$tmp/explain" 2>&1 || fail "explain $id: exit $?" "$tmp/explain"
  for part in '^What it checks$' '^Why: the sources$' '^How to fix$' '^Failing example' \
              '^Passing example'; do
    grep -qE "$part" "$tmp/explain" || fail "explain $id: no /$part/" "$tmp/explain"
  done
  if [[ $id == REG.* ]]; then
    grep -qE 'verified|secondary' "$tmp/explain" || fail "explain $id: no verification" "$tmp/explain"
  fi
  pass
done
expect "explain quotes the source" 0 "$bin" explain AC.01
contains "AC.01 quote" "$tmp/out" 'joint funding agreement prior to their commencement'
expect "explain unknown id" 2 "$bin" explain T1.99
contains "explain suggests" "$tmp/err" "no rule 'T1.99'; did you mean 'T1.09'\?"

# --- Selection: ids or family prefixes.
expect "select a family" 1 "$bin" check $asof --select T1 agreements/draft-tbc.yaml
lacks "select T1 drops others" "$tmp/out" ' (AC|HFD|CF|REG|FIN|DATE)\.[0-9]+ '
contains "select T1 keeps T1" "$tmp/out" ' error: T1\.10 '
expect "select an id" 0 "$bin" check $asof --select AC.08 agreements/westminster-aligned-budget.yaml
count "select AC.08" "$tmp/out" ' warning: AC\.08 ' 1
lacks "select AC.08 only" "$tmp/out" ' (error|info): '
expect "ignore families" 0 "$bin" check --as-of 2009-01-31 --ignore REG,AC.06 agreements/westminster-aligned-budget.yaml
lacks "ignored" "$tmp/out" ' (REG\.0|AC\.06)'
contains "others kept" "$tmp/out" ' warning: AC\.08 '
expect "select and ignore" 0 "$bin" check $asof --select T1 --ignore T1.10,T1.11,T1.01,T1.03,T1.04,T1.05,T1.07,T1.09 agreements/draft-tbc.yaml  # T1.08 on the absent capital section is one finding, not two
contains "only warnings remain" "$tmp/out" ' 0 errors, 3 warnings'
expect "unknown selection" 2 "$bin" check $asof --select T1.1 agreements/
contains "selection suggests" "$tmp/err" "--select: no rule or family 'T1.1'; did you mean"
expect "unknown family" 2 "$bin" check $asof --ignore NOPE agreements/
contains "ignore names option" "$tmp/err" "^s75check: --ignore: no rule or family 'NOPE'"

# --- Local packs: --extra-rules adds, --rules replaces, a clash does not compile.
mkdir -p "$tmp/bcf" "$tmp/clash"
cat >"$tmp/bcf/bcf.rules" <<'RULES'
# A local pack: the Better Care Fund signing deadline for 2023-25 plans.
import "common"

rule BCF.01 "signed-by-national-deadline" {
  title "A Better Care Fund agreement is signed by the national deadline"
  severity warning
  reference "BCF planning requirements 2023-25"
  description "Every partner signs by 31 October 2023."
  quote "BCF planning requirements 2023-25" "section 75 agreements signed by 31 October 2023"
  remediation "Record each partner's `signatory.signed_on`, on or before 2023-10-31."
  check {
    for each p in partners where section_75 and not (p.signatory.signed_on <= 2023-10-31)
      report at p.signatory "partner '{p.id}' signed on {p.signatory.signed_on}, after 31 October 2023"
  }
  test pass """
    agreement: {id: x, title: X, legal_basis: s75}
    partners: [{id: a, name: A, kind: icb, signatory: {name: J, signed_on: 2023-10-31}}]
  """
  test fail """
    agreement: {id: x, title: X, legal_basis: s75}
    partners: [{id: a, name: A, kind: icb, signatory: {name: J, signed_on: 2023-11-01}}]
  """
    expect BCF.01 at partners[0].signatory
}
RULES
sed -e 's/signed_on: 2023-03-28/signed_on: 2023-11-15/' agreements/bcf-ccg-rollover.yaml >"$tmp/late.yaml"
expect "extra rules" 1 "$bin" check $asof --extra-rules "$tmp/bcf" "$tmp/late.yaml"
contains "extra rule reports" "$tmp/out" ' warning: BCF\.01 signed-by-national-deadline: '
contains "built-in rules still run" "$tmp/out" ' error: REG\.02 '
expect "extra rules listed" 0 "$bin" rules --extra-rules "$tmp/bcf"
contains "BCF.01 listed" "$tmp/out" '^BCF\.01 '
expect "extra rules explained" 0 "$bin" explain BCF.01 --extra-rules "$tmp/bcf"
expect "select a local family" 0 "$bin" check $asof --extra-rules "$tmp/bcf" --select BCF --fail-on error "$tmp/late.yaml"
count "one BCF.01" "$tmp/out" ' warning: BCF\.01 ' 1
lacks "only BCF" "$tmp/out" ' (REG|T1|AC|WAIVER)\.'
cp "$tmp/bcf/bcf.rules" "$tmp/clash/local.rules"
sed -i 's/rule BCF.01/rule T1.01/' "$tmp/clash/local.rules"
expect "id clash" 2 "$bin" check $asof --extra-rules "$tmp/clash" agreements/
contains "id clash message" "$tmp/err" 'clash/local.rules:4:1: error: duplicate rule id T1\.01: already defined at rules/table1\.rules:'
lacks "nothing checked on a clash" "$tmp/out" 'agreements/'
cp rules/common.rules "$tmp/bcf/"
expect "replace the packs" 1 "$bin" check $asof --rules "$tmp/bcf" agreements/bcf-ccg-rollover.yaml
lacks "replaced packs" "$tmp/out" ': (error|warning|info): (REG|T1|AC)\.'
contains "waiver of a rule not in the pack" "$tmp/out" "info: WAIVER.02 .*no rule T1.08 is in the rule packs"
expect "the local pack's own tests" 0 "$bin" test "$tmp/bcf"
contains "its failing test names its finding" "$tmp/out" '^3 passed, 0 failed$'

# --- Waivers.
bcf=agreements/bcf-ccg-rollover.yaml
expect "waived finding" 1 "$bin" check $asof $bcf
contains "waived in text" "$tmp/out" "warning: AC\.05 .*\(waived: An outcomes framework .*approved by Health and Wellbeing Board, minute 18/2026; expires 2027-03-31\)$"
contains "expired waiver" "$tmp/out" 'warning: WAIVER\.01 waiver-expired: the waiver of T1\.08 expired on 2024-03-31'
contains "finding back" "$tmp/out" 'warning: T1\.08 capital-items: .*\[MTAE Table 1 row 8\]$'
contains "incomplete waiver" "$tmp/out" 'error: WAIVER\.03 waiver-incomplete: the waiver of REG\.01 has no approved_by'
contains "unused waiver" "$tmp/out" 'info: WAIVER\.02 waiver-unused: the waiver of DATE\.04 matches no finding'
expect "waived json" 1 "$bin" check $asof --format json $bcf
python3 - "$tmp/out" >"$tmp/py" 2>&1 <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
found = report['files'][0]['findings']
waived = [f for f in found if f['waived']]
assert [f['rule'] for f in waived] == ['AC.05'], waived
assert waived[0]['waiver'] == {'reason': 'An outcomes framework for the annual review is being developed for 2027/28',
                               'approved_by': 'Health and Wellbeing Board, minute 18/2026',
                               'expires': '2027-03-31'}, waived[0]
assert report['summary']['waived'] == 1
t108 = [f for f in found if f['rule'] == 'T1.08']
assert len(t108) == 1 and not t108[0]['waived'], t108
print('ok')
PY
contains "waiver in json" "$tmp/py" '^ok$'
# The waived warning alone does not fail --fail-on warning; unwaived it does.
expect "waived: exit 0" 0 "$bin" check $asof --select AC.05 --fail-on warning $bcf
sed -e '/rule: AC.05/,+3d' $bcf >"$tmp/unwaived.yaml"
expect "unwaived: exit 1" 1 "$bin" check $asof --select AC.05 --fail-on warning "$tmp/unwaived.yaml"
# Renewing the expired waiver waives T1.08 again and WAIVER.01 goes.
sed -e 's/expires: 2024-03-31/expires: 2027-03-31/' $bcf >"$tmp/renewed.yaml"
expect "renewed waiver" 1 "$bin" check $asof "$tmp/renewed.yaml"
lacks "no WAIVER.01" "$tmp/out" 'WAIVER\.01'
contains "T1.08 waived" "$tmp/out" 'T1\.08 .*\(waived: '
# At an earlier as-of the same waiver has not expired yet.
expect "waiver before expiry" 0 "$bin" check --as-of 2024-03-31 --select T1.08,WAIVER.01 $bcf
contains "T1.08 waived on its expiry day" "$tmp/out" 'T1\.08 .*\(waived: '
lacks "not expired on its expiry day" "$tmp/out" 'WAIVER\.01'
sed -e 's/^waivers:$/waivers:\n  - {rule: DOC.03, reason: Local extension keys, approved_by: Legal team}/' $bcf \
  | sed -e 's/^capital:$/capitl: {}\ncapital:/' >"$tmp/doc-waiver.yaml"
expect "DOC waiver" 1 "$bin" check $asof --select DOC.03,WAIVER.02 --fail-on warning "$tmp/doc-waiver.yaml"
contains "DOC.03 still reported" "$tmp/out" 'warning: DOC\.03 unknown-key: '
lacks "DOC.03 not waived" "$tmp/out" 'DOC\.03 .*\(waived'
contains "DOC waiver ignored" "$tmp/out" 'WAIVER\.02 .*the waiver of DOC\.03 is ignored: DOC and WAIVER findings cannot be waived'

# --- Families on agreements written for the purpose (variants of the model).
expect "model is clean" 0 "$bin" check $asof --fail-on info $model
# REG.02: an excluded function and a similar-sounding one.
variant reg02 '/^  nhs_functions:$/a\    - Day-case surgery for adults with a learning disability\n    - Non-surgical podiatry and non-invasive procedure clinics\n    - Surgeryx appointment system'
expect "REG.02 excluded function" 1 "$bin" check $asof --select REG.02 "$tmp/reg02.yaml"
count "REG.02 one finding" "$tmp/out" 'error: REG\.02 ' 1
contains "REG.02 names it" "$tmp/out" "'Day-case surgery for adults with a learning disability' \(scope.nhs_functions\) mentions surgery"
# REG.01: a CCG partner before and after 1 July 2022.
variant ccg-2021 's/kind: icb/kind: ccg/; s/commencement: 2024-04-01/commencement: 2021-04-01/; s/signed_on: 2024-03-2/signed_on: 2021-03-2/'
expect "REG.01 CCG in 2021" 0 "$bin" check $asof --select REG.01 "$tmp/ccg-2021.yaml"
lacks "no REG.01 before abolition" "$tmp/out" 'REG\.01'
variant ccg-2022 's/kind: icb/kind: ccg/; s/commencement: 2024-04-01/commencement: 2022-07-01/; s/signed_on: 2024-03-2/signed_on: 2022-06-2/'
expect "REG.01 CCG on 1 July 2022" 1 "$bin" check $asof --select REG.01 "$tmp/ccg-2022.yaml"
count "REG.01 abolished" "$tmp/out" 'error: REG\.01 .*abolished' 1
# REG.01: a PCT is abolished from 1 April 2013 (regulations.md), so a PCT partner in
# an agreement commencing in 2015 is REG.01's (and not also REG.07's).
variant pct-2015 's/kind: icb/kind: pct/; s/commencement: 2024-04-01/commencement: 2015-04-01/; s/signed_on: 2024-03-2/signed_on: 2015-03-2/; s/expiry: 2030-03-31/expiry: 2027-03-31/'
expect "REG.01 PCT in 2015" 1 "$bin" check $asof --select REG.01,REG.07 "$tmp/pct-2015.yaml"
count "REG.01 PCT abolished" "$tmp/out" "error: REG\.01 .*'midshire-icb' has kind pct \(primary care trust\), a body abolished on 2013-04-01, on or before the agreement commenced on 2015-04-01" 1
lacks "REG.07 leaves REG.01's partner" "$tmp/out" 'REG\.07'
# REG.07: the CCG of an agreement that commenced in 2021 and is still in force.
expect "REG.07 before abolition" 0 "$bin" check --as-of 2022-06-30 --select REG.01,REG.07 "$tmp/ccg-2021.yaml"
lacks "no REG.07 while CCGs exist" "$tmp/out" 'REG\.0[17]'
expect "REG.07 CCG in force in 2023" 0 "$bin" check --as-of 2023-06-30 --select REG.01,REG.07 "$tmp/ccg-2021.yaml"
count "REG.07 successor" "$tmp/out" "ccg-2021.yaml:35:11: warning: REG\.07 successor-body: partner 'midshire-icb' has kind ccg \(clinical commissioning group\), a body abolished on 2022-07-01, but the agreement is still in force at 2023-06-30: record the successor and vary the agreement \[Health and Social Care Act 2012; Health and Care Act 2022\]$" 1
lacks "REG.07 alone" "$tmp/out" 'REG\.01'
sed -e 's/status: in_force/status: expired/' "$tmp/ccg-2021.yaml" >"$tmp/ccg-ended.yaml"
expect "REG.07 not once ended" 0 "$bin" check --as-of 2023-06-30 --select REG.07 "$tmp/ccg-ended.yaml"
lacks "no REG.07 for an expired agreement" "$tmp/out" 'REG\.07'
variant council-only 's/kind: icb/kind: local_authority/'
expect "REG.01 no NHS body" 1 "$bin" check $asof --select REG.01 "$tmp/council-only.yaml"
count "REG.01 no NHS partner" "$tmp/out" 'error: REG\.01 ' 1
# AC.06: an aligned budget called a pooled fund.
variant aligned 's/financial_model: lead_body/financial_model: aligned_budget/'
expect "AC.06 aligned budget" 1 "$bin" check $asof --select AC.06 "$tmp/aligned.yaml"
count "AC.06 one finding" "$tmp/out" 'error: AC\.06 pooled-fund-in-name-only: ' 1
# AC.14: a pooled fund in which each partner bears its own overspends. Each
# partner's own is a stated approach for T1.07 that needs no shares (FIN.03, FIN.04).
variant own-risk 's/approach: fixed_shares/approach: each_partner_own/; /shares: { mcc: 0.76/d; s/approach: carry_forward/approach: each_partner_own/'
expect "AC.14 no risk shared" 0 "$bin" check $asof --fail-on error --format json "$tmp/own-risk.yaml"
python3 - "$tmp/out" >"$tmp/py" 2>&1 <<'PY'
import json, sys
found = json.load(open(sys.argv[1]))['files'][0]['findings']
got = [(f['rule'], f['severity'], f['location']['path']) for f in found]
assert got == [('AC.14', 'warning', 'finance.overspend.approach')], got
print('ok')
PY
contains "AC.14 the only finding" "$tmp/py" '^ok$'
sed -e 's/arrangements: \[pooled_fund, lead_commissioning\]/arrangements: [aligned_budget]/; s/legal_basis: s75/legal_basis: non_statutory/' "$tmp/own-risk.yaml" >"$tmp/own-aligned.yaml"
expect "AC.14 not for an aligned budget" 0 "$bin" check $asof --select AC.14,T1.07,FIN.03,FIN.04 "$tmp/own-aligned.yaml"
lacks "aligned budget bears its own" "$tmp/out" '(AC\.14|T1\.07|FIN\.0[34]) '
# DATE.06: an expiry and a duration that disagree; DATE.07: a draft past its start.
variant term-disagrees 's/^  expiry: 2030-03-31 .*/  expiry: 2030-03-31\n  duration_months: 24/'
expect "DATE.06 disagreeing term" 1 "$bin" check $asof --select DATE.06 "$tmp/term-disagrees.yaml"
count "DATE.06 gives both dates" "$tmp/out" "error: DATE\.06 term-disagrees: the expiry \(term\.expiry\) is 2030-03-31, but 24 months from the commencement on 2024-04-01 \(term\.duration_months\) end on 2026-03-31" 1
variant term-agrees 's/^  expiry: 2030-03-31 .*/  expiry: 2030-03-31\n  duration_months: 72/'
expect "DATE.06 agreeing term" 0 "$bin" check $asof --fail-on info "$tmp/term-agrees.yaml"
variant still-draft 's/status: in_force/status: draft/'
expect "DATE.07 before commencement" 0 "$bin" check --as-of 2024-03-31 --select DATE.07 "$tmp/still-draft.yaml"
lacks "a draft before its start" "$tmp/out" 'DATE\.07'
expect "DATE.07 on commencement" 0 "$bin" check --as-of 2024-04-01 --select DATE.07 "$tmp/still-draft.yaml"
count "DATE.07 draft past commencement" "$tmp/out" "warning: DATE\.07 draft-past-commencement: the agreement is still a draft \(agreement\.status\) but the arrangement commenced on 2024-04-01" 1
# Non-statutory agreements get warnings where statutory ones get errors.
variant statutory-gap 's/client_groups: \[learning_disability, carers\]/client_groups: []/'
expect "T1.06 statutory" 1 "$bin" check $asof --select T1.06 "$tmp/statutory-gap.yaml"
contains "T1.06 error" "$tmp/out" 'error: T1\.06 client-groups'
variant non-statutory-gap 's/client_groups: \[learning_disability, carers\]/client_groups: []/; s/legal_basis: s75/legal_basis: non_statutory/'
expect "T1.06 non-statutory" 0 "$bin" check $asof --select T1.06,AC.12 "$tmp/non-statutory-gap.yaml"
contains "T1.06 warning" "$tmp/out" 'warning: T1\.06 client-groups'
contains "AC.12 advice" "$tmp/out" 'info: AC\.12 aligned-budget-agreement'
# Expired and approaching dates at a given --as-of (expiry 2030-03-31).
expect "in force well before expiry" 0 "$bin" check --as-of 2029-12-31 --select DATE.02,DATE.03 $model
expect "expiry approaching" 0 "$bin" check --as-of 2030-01-01 --select DATE.02,DATE.03 $model
count "DATE.03 within 90 days" "$tmp/out" 'warning: DATE\.03 expiry-approaching' 1
expect "expiry day" 0 "$bin" check --as-of 2030-03-31 --select DATE.02,DATE.03 $model
count "in force through its expiry date" "$tmp/out" 'warning: DATE\.03 ' 1
expect "expired" 1 "$bin" check --as-of 2030-04-01 --select DATE.02,DATE.03 $model
count "DATE.02 the day after" "$tmp/out" 'error: DATE\.02 expired-in-force' 1
lacks "no DATE.03 once expired" "$tmp/out" 'DATE\.03'
variant duration 's/expiry: 2030-03-31 .*/duration_months: 72/'
expect "duration form" 1 "$bin" check --as-of 2030-04-01 --select DATE.02 "$tmp/duration.yaml"
contains "duration expiry" "$tmp/out" 'error: DATE\.02 .*2030-03-31'
# Agreements that have ended: the duties of an agreement in force (AC.04, AC.13,
# DATE.03-05) are judged at the expiry, not years later, and not at all without one.
# The model is in order up to 2027-01-14, so ended then it stays in order in 2040.
variant ended-in-order 's/status: in_force/status: expired/; s/expiry: 2030-03-31/expiry: 2027-01-14/'
expect "ended in order" 0 "$bin" check --as-of 2040-01-01 --fail-on info "$tmp/ended-in-order.yaml"
contains "ended in order: no findings" "$tmp/out" ': 0 errors, 0 warnings, 0 info$'
variant ended-late 's/status: in_force/status: terminated/; s/expiry: 2030-03-31/expiry: 2027-06-30/'
expect "ended with duties overdue" 0 "$bin" check --as-of 2040-01-01 "$tmp/ended-late.yaml"
count "duties overdue at the end" "$tmp/out" ' (AC\.04|AC\.13|DATE\.0[345]) ' 7
count "judged at the end" "$tmp/out" "(AC\.04|AC\.13) .*the agreement's end on 2027-06-30" 4
count "targets due before the end" "$tmp/out" 'DATE\.05 .*: the outturn was not recorded before the agreement ended \[' 3
lacks "not judged at as-of" "$tmp/out" '2040-01-01'
count "AC.13 at the end" "$tmp/out" "warning: AC\.13 aims-agreed-annually: the aims were last agreed on 2026-04-01, more than 12 months before the agreement's end on 2027-06-30 \(aims\.agreed_on\): they were not agreed for its last year" 1
variant ended-undated 's/status: in_force/status: terminated/; /^  expiry: 2030-03-31/d'
expect "ended without an expiry" 1 "$bin" check --as-of 2040-01-01 "$tmp/ended-undated.yaml"
lacks "no duties judged without an expiry" "$tmp/out" ' (AC\.04|AC\.13|DATE\.0[345]) '
contains "T1.09 still reads the same" "$tmp/out" 'error: T1\.09 '

# --- Corrections and messages users stumbled on.
# T1.05 counts distinct members: a board of one partner listed twice has one.
variant board-twice 's/members: \[midshire-icb, mcc\]/members: [mcc, mcc]/'
expect "T1.05 one partner twice" 1 "$bin" check $asof --select T1.05 "$tmp/board-twice.yaml"
count "T1.05 distinct members" "$tmp/out" "error: T1\.05 governance: the partnership board needs a name and members from at least two partners, but its members \(governance\.board\.members\) name only one partner, 'mcc' \[" 1
lacks "T1.05 says only what is wrong" "$tmp/out" 'is described|member\(s\)'
# T1.02 needs a described included service.
variant services-tbc '/^  services_included:$/,/^  services_excluded:$/{/^    - /d}; s/^  services_included:$/  services_included: [TBC]/'
expect "T1.02 placeholder services" 1 "$bin" check $asof --select T1.02 "$tmp/services-tbc.yaml"
count "T1.02 no described service" "$tmp/out" 'error: T1\.02 functions-covered: the services subject to the arrangement \(scope\.services_included\) are only placeholders' 1
# FIN.01 says which side is larger, never a negative difference.
variant pool-over 's/pool_total: 68216500.50/pool_total: 68266500.50/'
expect "FIN.01 pool above" 1 "$bin" check $asof --select FIN.01 "$tmp/pool-over.yaml"
contains "FIN.01 more" "$tmp/out" 'sum to £68,216,500\.50: the pool total is £50,000 more than the contributions \['
variant pool-under 's/pool_total: 68216500.50/pool_total: 68166500.50/'
expect "FIN.01 pool below" 1 "$bin" check $asof --select FIN.01 "$tmp/pool-under.yaml"
contains "FIN.01 less" "$tmp/out" 'sum to £68,216,500\.50: the pool total is £50,000 less than the contributions \['
lacks "FIN.01 no negative" "$tmp/out" -- '-£'
# An id that names no partner, where no partner has an id: no empty "use one of: ".
cat >"$tmp/no-partners.yaml" <<'YAML'
format: s75check/1
agreement: {id: x, title: X, arrangements: [pooled_fund]}
host: {partner: hcc, support: Seconded staff}
finance:
  contributions: [{partner: hcc, amount: 100}]
  overspend: {approach: fixed_shares, shares: {hcc: 1}}
governance: {board: {name: Board, members: [hcc, nhs]}}
YAML
expect "ids without partners" 1 "$bin" check $asof --select T1.03,FIN "$tmp/no-partners.yaml"
lacks "no empty choice" "$tmp/out" 'one of: *(\[|$)'
count "each says to list the partners" "$tmp/out" 'no partner has an id \(partners\[\]\.id\): list the partners, each with its id' 5

# --- One fault, one finding: each fault injected alone into the model gives one.
# one_fault NAME SED-SCRIPT RULE PATH: the variant's only finding is RULE at PATH.
one_fault() {
  variant "$1" "$2"
  "$bin" check $asof --format json --fail-on never "$tmp/$1.yaml" >"$tmp/out" 2>"$tmp/err"
  python3 - "$tmp/out" "$3" "$4" >"$tmp/py" 2>&1 <<'PY'
import json, sys
found = json.load(open(sys.argv[1]))['files'][0]['findings']
got = [(f['rule'], f['location']['path']) for f in found]
assert got == [(sys.argv[2], sys.argv[3])], got
print('ok')
PY
  contains "one fault: $1" "$tmp/py" '^ok$'
}
one_fault host-unknown '/^host:$/,/^  support/s/  partner: mcc/  partner: mcx/' T1.03 host.partner
one_fault shares-unknown 's/shares: { mcc: 0.76/shares: { mcx: 0.76/' FIN.03 finance.overspend.shares.mcx
one_fault manager-unknown 's/Autism Commissioning, partner: mcc }/Autism Commissioning, partner: mcx }/' REG.03 management.pooled_fund_manager.partner
one_fault second-host-role '/kind: icb/{n;s/role: partner/role: host/}' T1.03 'partners[0].role'
one_fault expiry-mistyped 's/expiry: 2030-03-31/expiry: 2020-03-31/' DATE.01 term.expiry
one_fault pool-total-zero 's/pool_total: 68216500.50/pool_total: 0/' FIN.01 finance.pool_total
expect "REG.03 keeps the manager's unknown id" 1 "$bin" check $asof "$tmp/manager-unknown.yaml"
contains "REG.03 says it names no partner" "$tmp/out" "error: REG\.03 pooled-fund-manager: the pooled fund manager's partner 'mcx', which names no partner, is not the host 'mcc'"

# --- Rule tests: a rule without a quoted source fails the documentation check.
cp -r rules "$tmp/rules"
python3 - "$tmp/rules/time.rules" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p).read()
s = re.sub(r'  quote "MTAE Table 1 row 9" """.*?"""\n', '', s, count=1, flags=re.S)
open(p, 'w').write(s)
PY
expect "rule without a quote" 1 "$bin" test "$tmp/rules"
contains "lacks a quote" "$tmp/out" 'DATE\.01 documentation: the rule lacks a quoted source passage'

finish
