// The sweep register: one row per agreement file and the totals an auditor
// asks for first (what exists, who hosts it, what is pooled for whom, what is
// unsigned, expired or non-compliant).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/agreement_filter.h"
#include "report/cells.h"
#include "report/check_report.h"
#include "report/pools.h"

namespace s75 {

struct RegisterRow {
  std::string path;
  std::string agreement_id;
  bool readable = false;  // false: the file could not be checked (DOC.01/06/07)
  AgreementFacts facts;   // empty when unreadable; with the figures (CheckOptions::figures)
  int errors = 0;         // unwaived findings by severity
  int warnings = 0;
};

struct RegisterTotals {
  int agreements = 0;  // rows, readable or not
  int unreadable = 0;
  int unsigned_by_all = 0;  // readable, with no partner signed
  int partly_signed = 0;    // some partners signed, not all
  int expired = 0;          // AgreementFacts::ExpiredOn the as-of date
  int non_compliant = 0;    // an unwaived error, or unreadable
  int live = 0;             // AgreementFacts::LiveOn the as-of date
  PoolTally pools;          // pooled money of the readable rows, by client group and arrangement
  PoolTally live_pools;     // ... of the live rows alone
};

struct Register {
  Date as_of;
  std::string tool_version;
  AgreementFilter filter;  // the agreements the sweep kept: the rows and totals count no other
  std::vector<RegisterRow> rows;  // in path order
  RegisterTotals totals;
};

// Adds a file's row to the register and counts it in the totals.
void AddToRegister(Register& reg, const FileResult& file);

// The register of a check run.
Register BuildRegister(const CheckReport& report);

// What the totals count: "Totals of 12 agreements (status: in_force; as of
// 2026-11-22)".
std::string TotalsCaption(const Register& reg);

// "all", "some" or "none".
std::string_view SignaturesName(Signatures s);

// Writes `reg` as csv, json, markdown or html; false for another format.
bool WriteRegister(const Register& reg, std::string_view format, std::ostream& out);

// Writes `reg` as an xlsx workbook (a sheet of agreements, a sheet of
// totals); "" on success, else why not.
std::string WriteRegisterXlsx(const Register& reg, std::ostream& out);

// A file's row of the register.
RegisterRow RegisterRowOf(const FileResult& file);

// The cell of the register's column `name` ("status", "host", ...) for a
// row, typed as xlsx writes it; blank for a name the register has not.
Cell RegisterCell(std::string_view name, const RegisterRow& row, Date as_of);

// The register's formats (xlsx included).
std::vector<std::string_view> RegisterFormats();

}  // namespace s75
