#include "schema/json_schema.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "schema/format.h"

namespace s75 {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kIdPattern = "^[a-z0-9_-]+$";

// The words YAML reads as booleans and the loader accepts, in any case.
std::string BoolPattern() {
  std::string out = "^(?:";
  bool first = true;
  for (std::string_view word : {"true", "false", "yes", "no", "on", "off"}) {
    out += first ? "" : "|";
    first = false;
    for (char c : word) {
      out += std::string("[") + c + static_cast<char>(std::toupper(static_cast<unsigned char>(c))) +
             "]";
    }
  }
  return out + ")$";
}

// An empty value (`key:`), which the loader reads as the key left out. Said
// as "none of the other types" rather than `"type": "null"`: yaml-language-server
// offers every type and enum value a schema names when completing a value,
// and `null` is never one a drafter should write.
constexpr const char* kEmptyRef = "#/$defs/empty";
Json EmptyValue() {
  return {{"$comment", "an empty value (`key:`), the same as leaving the key out"},
          {"not", {{"type", {"string", "number", "boolean", "array", "object"}}}}};
}

// The message an editor shows for a value that does not match `spec`'s type
// or pattern, instead of the pattern itself: the loader's words for it.
void AddMessage(Json& j, const FieldSpec& spec) {
  std::string text = TypeMistake(spec) + ".";
  text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  j["patternErrorMessage"] = text;  // yaml-language-server, VS Code
  j["errorMessage"] = text;         // for a wrong type as well
}

Json Schema(const FieldSpec& spec, bool nullable, int version);

// A key of the other version: never valid (an empty enum), never offered,
// and the loader's words for it when written.
Json OtherVersionKey(const FieldSpec& spec, int version) {
  std::string message = OtherVersionKeyMessage(spec, version) + ".";
  return {{"description", message},
          {"doNotSuggest", true},  // yaml-language-server: not offered in completion
          {"enum", Json::array()},
          {"errorMessage", message}};
}

Json ObjectSchema(const FieldSpec& spec, int version) {
  Json j;
  j["type"] = "object";
  Json properties = Json::object();
  Json required = Json::array();
  for (const FieldSpec& f : spec.fields) {
    if (!f.In(version)) {
      properties[f.name] = OtherVersionKey(f, version);
      continue;
    }
    properties[f.name] = Schema(f, !f.required, version);
    if (f.required) {
      required.push_back(f.name);
    }
  }
  j["properties"] = std::move(properties);
  if (!required.empty()) {
    j["required"] = std::move(required);
  }
  j["additionalProperties"] = false;
  return j;
}

// The keywords of a scalar type.
Json ScalarSchema(const FieldSpec& spec) {
  Json j;
  switch (spec.type) {
    case ValueType::kText:  // any scalar: the loader reads `title: 2009` as text
      j["type"] = {"string", "number", "boolean"};
      break;
    case ValueType::kDate:
      j = {{"type", "string"}, {"format", "date"}, {"pattern", DatePattern()}};
      AddMessage(j, spec);
      break;
    case ValueType::kYear:
      j = {{"type", "string"}, {"pattern", YearPattern()}};
      AddMessage(j, spec);
      break;
    case ValueType::kYearOrDate:
      j = {{"type", "string"}, {"pattern", YearOrDatePattern()}};
      AddMessage(j, spec);
      break;
    case ValueType::kMoney:
      j["type"] = "number";
      break;
    case ValueType::kNumber:
      j["type"] = "number";
      if (spec.positive) {
        j["exclusiveMinimum"] = 0;
      } else if (spec.non_negative) {
        j["minimum"] = 0;
      }
      break;
    case ValueType::kShare:
      j = {{"type", "number"}, {"minimum", 0}, {"maximum", 1}};
      break;
    case ValueType::kId:  // `id: 7` is a plain scalar the loader reads as the id "7"
      j = {{"type", {"string", "integer"}}, {"pattern", kIdPattern}, {"minimum", 0}};
      AddMessage(j, spec);
      break;
    case ValueType::kBool:  // YAML 1.2 editors read `yes` as a string
      j = {{"type", {"boolean", "string"}}, {"pattern", BoolPattern()}};
      AddMessage(j, spec);
      break;
    case ValueType::kInteger:
      j = {{"type", "integer"}, {"minimum", spec.min_integer}};
      break;
    default:  // kEnum
      j["enum"] = spec.vocabulary;
  }
  return j;
}

// The keywords of a value of `spec`'s type, which may not be left empty.
Json ValueSchema(const FieldSpec& spec, int version) {
  Json j;
  switch (spec.type) {
    case ValueType::kObject:
      return ObjectSchema(spec, version);
    case ValueType::kList:
      j = {{"type", "array"}, {"items", Schema(*spec.element, true, version)}};
      if (spec.min_items > 0) {
        j["minItems"] = spec.min_items;
      }
      return j;
    case ValueType::kMap: {
      FieldSpec key;
      key.type = ValueType::kId;
      Json names = {{"pattern", kIdPattern}};
      AddMessage(names, key);
      return {{"type", "object"},
              {"propertyNames", std::move(names)},
              {"additionalProperties", Schema(*spec.element, true, version)}};
    }
    default:
      return ScalarSchema(spec);
  }
}

// The description, and the value's keywords in a file of `version`;
// `nullable` also accepts an empty value.
Json Schema(const FieldSpec& spec, bool nullable, int version) {
  Json j;
  j["description"] = FieldNote(spec);
  if (nullable) {
    j["anyOf"] = Json::array({ValueSchema(spec, version), {{"$ref", kEmptyRef}}});
  } else {
    j.update(ValueSchema(spec, version));
  }
  return j;
}

// The agreement as a file of `version` writes it, `format` naming it.
Json VersionSchema(int version) {
  const FieldSpec& root = AgreementFormat();
  std::string_view name = version == 1 ? kFormatVersion1 : kFormatVersion2;
  Json j = Schema(root, false, version);
  const FieldSpec& format = root.fields[static_cast<size_t>(root.FieldIndex("format"))];
  j["properties"]["format"] = {{"description", FieldNote(format)}, {"const", std::string(name)}};
  j.erase("description");
  return j;
}

}  // namespace

std::string DatePattern() {
  const std::string day28 = "(?:0[1-9]|1\\d|2[0-8])";
  const std::string month_day =
      "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-" +
      day28 + ")";
  const std::string leap_year =
      "(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|"
      "[13579][26])00)";
  return "^(?:\\d{4}-" + month_day + "|" + leap_year + "-02-29)$";
}

std::string YearPattern() {
  std::string out = "^\\d{2}(?:";
  for (int last = 0; last < 100; ++last) {
    std::array<char, 8> pair{};
    std::snprintf(pair.data(), pair.size(), "%02d/%02d", last, (last + 1) % 100);
    out += (last == 0 ? "" : "|") + std::string(pair.data());
  }
  return out + ")$";
}

std::string YearOrDatePattern() {
  // Both patterns are anchored `^(?:...)$`: join their insides.
  auto inside = [](const std::string& p) { return p.substr(1, p.size() - 2); };
  return "^(?:" + inside(YearPattern()) + "|" + inside(DatePattern()) + ")$";
}

std::string AgreementJsonSchema() {
  Json j;
  j["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  j["title"] = "s75check agreement (format " + std::string(kFormatVersion2) + " or " +
               std::string(kFormatVersion1) + ")";
  j["description"] = FieldNote(AgreementFormat());
  j["type"] = "object";
  // One schema for both versions, chosen by `format`: each branch has only
  // its version's keys, so the other's are refused with the loader's words.
  j["if"] = {{"properties", {{"format", {{"const", std::string(kFormatVersion1)}}}}},
             {"required", {"format"}}};
  j["then"] = VersionSchema(1);
  j["else"] = VersionSchema(2);
  j["$defs"] = {{"empty", EmptyValue()}};
  return j.dump(2) + "\n";
}

}  // namespace s75
