// The bytes of a snapshot, shared by the two kinds there are: the parsed rule
// files (parse/snapshot.h) and the compiled program (compile/program_snapshot.h).
//
// Each struct's fields are listed once, in a `Fields` function that both the
// Writer (saving) and the Reader (loading) call; a type that is not a plain
// struct of such fields (a pointer into the built-ins, a shared constant)
// gives a `Save` and a `Load` function instead. All of them live in this
// namespace, where the Writer and Reader find them by argument-dependent lookup.
#pragma once

#include <concepts>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "parse/ast.h"

namespace s75::snapshot {

// --- The parse tree's fields ------------------------------------------------------
//
// `v` is the Writer when saving (the struct is const) and the Reader when
// loading. A field left out of a list is neither saved nor loaded; the unit
// tests compare the pack compiled from a loaded snapshot with the one compiled
// from the sources, over every example.

template <typename T, typename Struct>
concept Is = std::same_as<std::remove_const_t<T>, Struct>;

void Fields(auto& v, Is<Expr> auto& e) {
  v(e.kind, e.range, e.text, e.op, e.children, e.conditions, e.parts, e.template_errors, e.number,
    e.date, e.duration_months, e.duration_days);
}
void Fields(auto& v, Is<TemplatePart> auto& p) { v(p.literal, p.expr); }
void Fields(auto& v, Is<Stmt> auto& s) {
  v(s.kind, s.range, s.name, s.expr, s.filter, s.body, s.severity, s.at, s.message);
}
void Fields(auto& v, Is<SeverityOverride> auto& o) { v(o.severity, o.condition, o.text); }
void Fields(auto& v, Is<ExpectedFinding> auto& e) {
  v(e.range, e.rule, e.path, e.path_range, e.line);
}
void Fields(auto& v, Is<RuleTest> auto& t) {
  v(t.range, t.expect_pass, t.expected, t.counted, t.as_of, t.yaml);
}
void Fields(auto& v, Is<RuleQuote> auto& q) { v(q.range, q.reference, q.text); }
void Fields(auto& v, Is<RuleDecl> auto& r) {
  v(r.range, r.id, r.slug, r.title, r.severity, r.overrides, r.references, r.remediation,
    r.description, r.quotes, r.verification, r.check, r.has_check, r.tests);
}
void Fields(auto& v, Is<DefDecl> auto& d) { v(d.range, d.name, d.params, d.body); }
void Fields(auto& v, Is<ImportDecl> auto& i) { v(i.range, i.name); }
void Fields(auto& v, Is<RuleFile> auto& f) { v(f.path, f.imports, f.defs, f.rules); }

// The last value of each enum saved, so that loading refuses any other; a
// snapshot of another enum specialises it before saving or loading one.
template <typename Enum>
constexpr Enum kLast = Enum{};
template <>
inline constexpr ExprKind kLast<ExprKind> = ExprKind::kComprehension;
template <>
inline constexpr Operator kLast<Operator> = Operator::kNegate;
template <>
inline constexpr StmtKind kLast<StmtKind> = StmtKind::kReport;
template <>
inline constexpr Severity kLast<Severity> = Severity::kError;

// --- The bytes ------------------------------------------------------------------

// Appends varints and length-prefixed strings. Source file names are written
// once, in a table, and referred to by index.
class Writer {
 public:
  template <typename... T>
  void operator()(const T&... fields) {
    (Put(fields), ...);
  }

  // The magic, the file-name table, then the body.
  std::string Finish(std::string_view magic) {
    Writer head;
    head.Unsigned(files_.size());
    std::vector<const std::string*> names(files_.size());
    for (const auto& [name, index] : files_) {
      names[static_cast<std::size_t>(index)] = &name;
    }
    for (const std::string* name : names) {
      head.Put(*name);
    }
    return std::string(magic) + head.body_ + body_;
  }

  void Unsigned(std::uint64_t v) {
    while (v >= 0x80) {
      body_.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    body_.push_back(static_cast<char>(v));
  }
  void Signed(std::int64_t v) {
    Unsigned((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }

  void Put(bool b) { Unsigned(b ? 1 : 0); }
  void Put(int v) { Signed(v); }
  void Put(std::uint32_t v) { Unsigned(v); }
  void Put(std::int16_t v) { Signed(v); }
  void Put(std::uint16_t v) { Unsigned(v); }
  void Put(long long v) { Signed(v); }
  void Put(std::string_view s) {
    Unsigned(s.size());
    body_.append(s);
  }
  void Put(const std::string& s) { Put(std::string_view(s)); }
  // Every expression has a number and a date, most of them unset: those are
  // written empty, and read back without parsing.
  void Put(const Decimal& d) { Put(d.IsZero() ? std::string() : d.ToString()); }
  void Put(const Date& d) { Put(d == Date() ? std::string() : d.ToString()); }
  void Put(const std::optional<Date>& d) { Put(d ? d->ToString() : ""); }
  void Put(const std::optional<Severity>& s) { Signed(s ? static_cast<int>(*s) : -1); }
  void Put(const SourceRange& r) {
    Unsigned(FileIndex(r.file));
    Signed(r.line);
    Signed(r.column);
  }
  template <typename T>
  void Put(const std::vector<T>& list) {
    Unsigned(list.size());
    for (const T& item : list) {
      Put(item);
    }
  }
  // A presence flag, then the item.
  template <typename T>
  void Put(const std::unique_ptr<T>& item) {
    Put(item != nullptr);
    if (item) {
      Put(*item);
    }
  }
  // An enum as its number; a type with a Save function (found by argument-
  // dependent lookup) by it; any other struct field by field.
  template <typename T>
  void Put(const T& item) {
    if constexpr (std::is_enum_v<T>) {
      Signed(static_cast<int>(item));
    } else if constexpr (requires { Save(*this, item); }) {
      Save(*this, item);
    } else {
      Fields(*this, item);
    }
  }
  // The index of a source file's name in the table.
  std::uint64_t FileIndex(const std::string& name) {
    return static_cast<std::uint64_t>(
        files_.emplace(name, static_cast<int>(files_.size())).first->second);
  }

 private:
  std::string body_;
  std::map<std::string, int> files_;
};

// Reads what Writer wrote. Any read past the end or out of range marks the
// snapshot bad and gives empty values, so a bad snapshot fails cleanly.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  template <typename... T>
  void operator()(T&... fields) {
    (Get(fields), ...);
  }

  bool ok() const { return ok_; }
  bool AtEnd() const { return pos_ == bytes_.size(); }

  bool Magic(std::string_view magic) {
    if (bytes_.substr(0, magic.size()) != magic) {
      return ok_ = false;
    }
    pos_ = magic.size();
    return true;
  }
  void FileTable() { Get(files_); }
  // A count of items still to read; each takes at least one byte.
  std::size_t Count() {
    std::uint64_t n = Unsigned();
    if (n > bytes_.size() - pos_) {
      ok_ = false;
      return 0;
    }
    return static_cast<std::size_t>(n);
  }

  void Get(bool& b) { b = Unsigned() != 0; }
  void Get(int& v) { Narrow(v, Signed()); }
  void Get(std::uint32_t& v) { Narrow(v, Unsigned()); }
  void Get(std::int16_t& v) { Narrow(v, Signed()); }
  void Get(std::uint16_t& v) { Narrow(v, Unsigned()); }
  void Get(long long& v) { v = Signed(); }
  void Get(std::string& s) {
    std::size_t n = Count();
    if (n == 0) {
      s.clear();  // most expressions have no text
    } else {
      s.assign(bytes_.data() + pos_, n);
    }
    pos_ += n;
  }
  void Get(Decimal& d) {
    std::string text = String();
    d = text.empty() ? Decimal() : Decimal::Parse(text).value_or(Decimal());
  }
  void Get(Date& d) {
    std::string text = String();
    d = text.empty() ? Date() : Date::Parse(text).value_or(Date());
  }
  void Get(std::optional<Date>& d) { d = Date::Parse(String()); }
  void Get(std::optional<Severity>& s) {
    std::int64_t v = Signed();
    s = v < 0 ? std::nullopt : std::optional<Severity>(Enum<Severity>(v));
  }
  void Get(SourceRange& r) {
    std::uint64_t index = Unsigned();
    if (index >= files_.size()) {
      ok_ = false;
      return;
    }
    r.file = files_[index];
    Get(r.line);
    Get(r.column);
  }
  template <typename T>
  void Get(std::vector<T>& list) {
    list.resize(Count());
    for (T& item : list) {
      Get(item);
    }
  }
  template <typename T>
  void Get(std::unique_ptr<T>& item) {
    item = nullptr;
    bool present = false;
    Get(present);
    if (!present || !Enter()) {
      return;
    }
    item = std::make_unique<T>();
    Get(*item);
    --depth_;
  }
  template <typename T>
  void Get(T& item) {
    if constexpr (std::is_enum_v<T>) {
      item = Enum<T>(Signed());
    } else if constexpr (requires { Load(*this, item); }) {
      Load(*this, item);
    } else {
      Fields(*this, item);
    }
  }
  void Fail() { ok_ = false; }

 private:
  // `wide` into the narrower `v`; a number that does not fit is a damaged snapshot.
  template <typename T>
  void Narrow(T& v, std::integral auto wide) {
    if (!std::in_range<T>(wide)) {
      ok_ = false;
    }
    v = static_cast<T>(wide);
  }
  std::uint64_t Unsigned() {
    // Most numbers (kinds, small indexes, lengths, lines) fit in one byte.
    if (pos_ < bytes_.size() && (static_cast<unsigned char>(bytes_[pos_]) & 0x80) == 0) {
      return static_cast<unsigned char>(bytes_[pos_++]);
    }
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64 && ok_; shift += 7) {
      if (pos_ >= bytes_.size()) {
        ok_ = false;
        break;
      }
      auto byte = static_cast<unsigned char>(bytes_[pos_++]);
      v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) {
        return v;
      }
    }
    ok_ = false;
    return 0;
  }
  std::int64_t Signed() {
    std::uint64_t u = Unsigned();
    return static_cast<std::int64_t>(u >> 1) ^ -static_cast<std::int64_t>(u & 1);
  }
  std::string String() {
    std::string s;
    Get(s);
    return s;
  }
  template <typename E>
  E Enum(std::int64_t v) {
    if (v < 0 || v > static_cast<int>(kLast<E>)) {
      ok_ = false;
      return E{};
    }
    return static_cast<E>(v);
  }
  // Nesting guard: the parser caps rule nesting far below this, so deeper
  // nesting means damaged bytes; stop before the stack does.
  bool Enter() {
    if (++depth_ > kMaxDepth) {
      ok_ = false;
    }
    return ok_;
  }

  std::string_view bytes_;
  std::size_t pos_ = 0;
  bool ok_ = true;
  int depth_ = 0;
  static constexpr int kMaxDepth = 1000;
  std::vector<std::string> files_;
};

}  // namespace s75::snapshot
