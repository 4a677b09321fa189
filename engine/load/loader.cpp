#include "load/loader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/rule_ids.h"
#include "load/doc_rules.h"
#include "load/model.h"
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

std::string SizeMessage(uintmax_t size, const LoadLimits& limits) {
  return "the file is " + std::to_string(size) + " bytes, over the limit of " +
         std::to_string(limits.max_file_bytes) +
         " bytes (the file size limit; raise it with --max-file-size)";
}

std::string AgreementId(const Document& doc) {
  const Node* id = FieldOf(FieldOf(doc.root, "agreement"), "id");
  return id != nullptr && !id->invalid && id->kind == NodeKind::kScalar ? id->text : "";
}

// The largest read buffer a thread keeps for the next file.
constexpr size_t kKeptBufferBytes = size_t{1} << 20;

}  // namespace

std::string NotAFile(const std::string& path, const std::filesystem::file_status& status,
                     const std::error_code& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (error == std::errc::too_many_symbolic_link_levels) {
    return "a loop of symbolic links: point the link at a real file, or remove it";
  }
  if (status.type() == fs::file_type::not_found) {
    if (fs::is_symlink(fs::symlink_status(path, ec))) {
      return "a symbolic link to " + fs::read_symlink(path, ec).string() +
             ", which does not exist: point the link at a real file, or remove it";
    }
    return "no such file or directory";
  }
  if (error) {
    return "cannot read the file: " + error.message();
  }
  std::string kind = fs::is_directory(status) ? "a directory"
                     : fs::is_fifo(status)    ? "a FIFO (named pipe)"
                     : fs::is_socket(status)  ? "a socket"
                     : fs::is_character_file(status) || fs::is_block_file(status)
                         ? "a device"
                         : "not a regular file";
  return kind + ", not a file of agreement text";
}

LoadResult LoadAgreementText(std::string_view text, const std::string& file,
                             const LoadLimits& limits) {
  if (text.size() > limits.max_file_bytes) {
    return Unreadable(file, 0, 0, kDocUnreadable, SizeMessage(text.size(), limits));
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
  }
  if (auto bad = CheckCharacters(text)) {
    return Unreadable(file, bad->line, bad->column, bad->rule, bad->message);
  }
  LoadResult r;
  r.document = std::make_unique<Document>();
  r.document->file = file;
  if (auto error = ReadYaml(text, limits, *r.document)) {
    return Unreadable(file, error->line, error->column, error->rule, error->message);
  }
  r.document->version = ValidateDocument(*r.document, r.findings);
  r.checked = r.document->version != 0;
  if (r.checked) {
    BuildModel(*r.document, r.findings);
    r.agreement_id = AgreementId(*r.document);
  }
  return r;
}

LoadResult LoadAgreementFile(const std::string& path, const LoadLimits& limits,
                             std::string* text_out) {
  std::error_code ec;
  std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::is_regular_file(status)) {
    return Unreadable(path, 0, 0, kDocUnreadable, NotAFile(path, status, ec));
  }
  auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    return Unreadable(path, 0, 0, kDocUnreadable, "cannot read the file: " + ec.message());
  }
  if (size > limits.max_file_bytes) {
    return Unreadable(path, 0, 0, kDocUnreadable, SizeMessage(size, limits));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Unreadable(path, 0, 0, kDocUnreadable,
                      std::string("cannot open the file: ") + std::strerror(errno));
  }
  // The text is needed only while the file loads, so each thread reads every
  // file into one buffer: memory the last file warmed, where a new string
  // would be a block the allocator has not handed out lately (cold in the
  // cache; docs/performance.md).
  thread_local std::string text;
  text.resize(size);
  in.read(text.data(), static_cast<std::streamsize>(size));
  if (in.gcount() != static_cast<std::streamsize>(size) || in.bad()) {
    return Unreadable(path, 0, 0, kDocUnreadable, "cannot read the whole file");
  }
  LoadResult loaded = LoadAgreementText(text, path, limits);
  if (text_out != nullptr) {
    *text_out = text;
  }
  if (text.capacity() > kKeptBufferBytes) {
    std::string().swap(text);  // an unusually large file's buffer is not kept
  }
  return loaded;
}

}  // namespace s75
