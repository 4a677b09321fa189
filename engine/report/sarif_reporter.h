// SARIF 2.1.0, as code-scanning services read it: one run whose
// tool.driver.rules are the report's rules (id, PascalCase name, title,
// description, remediation as help, default level, family and references),
// and one result per finding: its level, message, location (the file as a URI
// relative to the working directory under %SRCROOT%, 1-based line and column,
// the YAML path as a logical location) and a fingerprint that does not depend
// on line numbers. A waived finding carries an external suppression with the
// waiver's reason, approver and expiry; a file that could not be checked is
// also a tool execution notification.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "report/reporter.h"

namespace s75 {

class SarifReporter : public WholeReporter {
 protected:
  void WriteWhole(const CheckReport& report, std::ostream& out) const override;
};

// Percent-encodes a path for a URI (RFC 3986): keeps unreserved characters,
// sub-delimiters, "@" and "/"; encodes every other byte as %XX (upper case).
std::string PercentEncodePath(std::string_view path);

// The URI of `path` as SARIF's artifactLocation.uri: relative to `cwd` with
// forward slashes when the file lies below it, else an absolute file:// URI.
std::string ArtifactUri(const std::string& path, const std::filesystem::path& cwd);

// The identity of a finding apart from where its line is: 16 hex digits of the
// 64-bit FNV-1a hash of the file's URI, rule id, YAML path and message.
std::string FindingHash(std::string_view uri, const Finding& finding);

// "ContributionsAndYearEnd" for "contributions-and-year-end".
std::string PascalCase(std::string_view slug);

}  // namespace s75
