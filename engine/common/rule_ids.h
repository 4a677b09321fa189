// The ids of the rules built into the engine (rule-catalogue.md, DOC and
// WAIVER families), named for their slugs. C++ code names a built-in rule only
// through these; the rule files name their own.
#pragma once

#include <string_view>

namespace s75 {

// The families of the built-in rules: the loader's and the waivers'.
inline constexpr std::string_view kDocFamily = "DOC";
inline constexpr std::string_view kWaiverFamily = "WAIVER";

inline constexpr std::string_view kDocYamlSyntax = "DOC.01";
inline constexpr std::string_view kDocDuplicateKey = "DOC.02";
inline constexpr std::string_view kDocUnknownKey = "DOC.03";
inline constexpr std::string_view kDocWrongType = "DOC.04";
inline constexpr std::string_view kDocMissingRequired = "DOC.05";
inline constexpr std::string_view kDocUnsupportedFormat = "DOC.06";
inline constexpr std::string_view kDocUnreadable = "DOC.07";
inline constexpr std::string_view kDocDuplicateAgreementId = "DOC.08";
inline constexpr std::string_view kDocTextCutByComment = "DOC.09";

inline constexpr std::string_view kWaiverExpired = "WAIVER.01";
inline constexpr std::string_view kWaiverUnused = "WAIVER.02";
inline constexpr std::string_view kWaiverIncomplete = "WAIVER.03";

// True when rule `id` is of `family`: "DOC.04" is of "DOC", "DOCX.1" is not.
constexpr bool InFamily(std::string_view id, std::string_view family) {
  return id.size() > family.size() && id.substr(0, family.size()) == family &&
         id[family.size()] == '.';
}

}  // namespace s75
