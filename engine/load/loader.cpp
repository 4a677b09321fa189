#include "load/loader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/doc_rules.h"
#include "load/validate.h"
#include "load/yaml_reader.h"

namespace s75 {

namespace {

LoadResult Unreadable(const std::string& file, int line, int column, std::string_view rule,
                      std::string message) {
  LoadResult r;
  r.document = std::make_unique<Document>();
  r.document->file = file;
  r.findings.push_back(DocFinding(rule, file, line, column, "", std::move(message)));
  return r;
}

std::string AgreementId(const Document& doc) {
  const Node* id = FieldOf(FieldOf(doc.root, "agreement"), "id");
  return id != nullptr && !id->invalid && id->kind == NodeKind::kScalar ? id->text : "";
}

}  // namespace

LoadResult LoadAgreementText(std::string_view text, const std::string& file,
                             const LoadLimits& limits) {
  if (text.size() > limits.max_file_bytes) {
    return Unreadable(file, 0, 0, "DOC.07",
                      "the file is " + std::to_string(text.size()) + " bytes, over the limit of " +
                          std::to_string(limits.max_file_bytes) + " bytes");
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
  }
  if (auto bad = CheckUtf8(text)) {
    return Unreadable(file, bad->line, bad->column, bad->rule, bad->message);
  }
  LoadResult r;
  r.document = std::make_unique<Document>();
  r.document->file = file;
  if (auto error = ReadYaml(text, limits, *r.document)) {
    return Unreadable(file, error->line, error->column, error->rule, error->message);
  }
  r.checked = ValidateDocument(*r.document, r.findings);
  if (r.checked) {
    r.agreement_id = AgreementId(*r.document);
  }
  return r;
}

LoadResult LoadAgreementFile(const std::string& path, const LoadLimits& limits) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    return Unreadable(path, 0, 0, "DOC.07", "cannot read the file: " + ec.message());
  }
  if (size > limits.max_file_bytes) {
    return Unreadable(path, 0, 0, "DOC.07",
                      "the file is " + std::to_string(size) + " bytes, over the limit of " +
                          std::to_string(limits.max_file_bytes) + " bytes");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Unreadable(path, 0, 0, "DOC.07",
                      std::string("cannot open the file: ") + std::strerror(errno));
  }
  std::string text(size, '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  if (in.gcount() != static_cast<std::streamsize>(size) || in.bad()) {
    return Unreadable(path, 0, 0, "DOC.07", "cannot read the whole file");
  }
  return LoadAgreementText(text, path, limits);
}

}  // namespace s75
