#include "parse/snapshot.h"

#include <cstdint>
#include <map>

namespace s75 {

namespace {

// "S75P" and a format version; bump the version when the AST changes shape.
constexpr std::string_view kMagic = "S75P\x04";

// Appends varints and length-prefixed strings. Source file names are written
// once, in a table, and referred to by index.
class Writer {
 public:
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
  void Bool(bool b) { Unsigned(b ? 1 : 0); }
  void String(std::string_view s) {
    Unsigned(s.size());
    body_.append(s);
  }
  void Range(const SourceRange& r) {
    auto [it, fresh] = files_.emplace(r.file, static_cast<int>(files_.size()));
    Unsigned(static_cast<std::uint64_t>(it->second));
    Signed(r.line);
    Signed(r.column);
  }
  void Severity(const std::optional<s75::Severity>& s) { Signed(s ? static_cast<int>(*s) : -1); }

  // The magic, the file-name table, then the body.
  std::string Finish() {
    Writer head;
    head.Unsigned(files_.size());
    std::vector<const std::string*> names(files_.size());
    for (const auto& [name, index] : files_) {
      names[static_cast<std::size_t>(index)] = &name;
    }
    for (const std::string* name : names) {
      head.String(*name);
    }
    return std::string(kMagic) + head.body_ + body_;
  }

 private:
  std::string body_;
  std::map<std::string, int> files_;
};

// Reads what Writer wrote. Any read past the end or out of range marks the
// snapshot bad and returns empty values, so a bad snapshot fails cleanly.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  bool ok() const { return ok_; }
  bool AtEnd() const { return pos_ == bytes_.size(); }

  // Nesting guard: the parser caps rule nesting far below this, so deeper
  // nesting means damaged bytes; stop before the stack does.
  bool Enter() {
    if (++depth_ > kMaxDepth) {
      ok_ = false;
    }
    return ok_;
  }
  void Leave() { --depth_; }

  bool Magic() {
    if (bytes_.substr(0, kMagic.size()) != kMagic) {
      return ok_ = false;
    }
    pos_ = kMagic.size();
    return true;
  }
  std::uint64_t Unsigned() {
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
  int Int() { return static_cast<int>(Signed()); }
  bool Bool() { return Unsigned() != 0; }
  // A count of items still to read; each takes at least one byte.
  std::size_t Count() {
    std::uint64_t n = Unsigned();
    if (n > bytes_.size() - pos_) {
      ok_ = false;
      return 0;
    }
    return static_cast<std::size_t>(n);
  }
  std::string String() {
    std::size_t n = Count();
    std::string s(bytes_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  void FileTable() {
    files_.resize(Count());
    for (std::string& f : files_) {
      f = String();
    }
  }
  SourceRange Range() {
    std::uint64_t index = Unsigned();
    if (index >= files_.size()) {
      ok_ = false;
      return {};
    }
    SourceRange r{files_[index], 0, 0};
    r.line = Int();
    r.column = Int();
    return r;
  }
  std::optional<s75::Severity> Severity() {
    int v = Int();
    if (v < 0) {
      return std::nullopt;
    }
    if (v > static_cast<int>(s75::Severity::kError)) {
      ok_ = false;
    }
    return static_cast<s75::Severity>(v);
  }
  template <typename Enum>
  Enum Kind(Enum last) {
    int v = Int();
    if (v < 0 || v > static_cast<int>(last)) {
      ok_ = false;
      return Enum{};
    }
    return static_cast<Enum>(v);
  }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
  bool ok_ = true;
  int depth_ = 0;
  static constexpr int kMaxDepth = 1000;
  std::vector<std::string> files_;
};

// --- Saving -----------------------------------------------------------------

void SaveExpr(Writer& w, const Expr* e);

void SaveExprs(Writer& w, const std::vector<std::unique_ptr<Expr>>& list) {
  w.Unsigned(list.size());
  for (const auto& e : list) {
    SaveExpr(w, e.get());
  }
}

void SaveStrings(Writer& w, const std::vector<std::string>& list) {
  w.Unsigned(list.size());
  for (const std::string& s : list) {
    w.String(s);
  }
}

// A presence flag, then the expression (which may be null).
void SaveExpr(Writer& w, const Expr* e) {
  w.Bool(e != nullptr);
  if (e == nullptr) {
    return;
  }
  w.Signed(static_cast<int>(e->kind));
  w.Range(e->range);
  w.String(e->text);
  SaveExprs(w, e->children);
  SaveExprs(w, e->conditions);
  w.Unsigned(e->parts.size());
  for (const TemplatePart& p : e->parts) {
    w.String(p.literal);
    SaveExpr(w, p.expr.get());
  }
  SaveStrings(w, e->template_errors);
  w.String(e->number.ToString());
  w.String(e->date.ToString());
  w.Signed(e->duration_months);
  w.Signed(e->duration_days);
}

void SaveStmts(Writer& w, const StmtList& list) {
  w.Unsigned(list.size());
  for (const auto& s : list) {
    w.Signed(static_cast<int>(s->kind));
    w.Range(s->range);
    w.String(s->name);
    SaveExpr(w, s->expr.get());
    SaveExpr(w, s->filter.get());
    SaveStmts(w, s->body);
    w.Severity(s->severity);
    SaveExpr(w, s->at.get());
    SaveExpr(w, s->message.get());
  }
}

void SaveTest(Writer& w, const RuleTest& t) {
  w.Range(t.range);
  w.Bool(t.expect_pass);
  w.Unsigned(t.expected.size());
  for (const ExpectedFinding& e : t.expected) {
    w.Range(e.range);
    w.String(e.rule);
    w.String(e.path);
    w.Range(e.path_range);
    w.Signed(e.line);
  }
  w.Signed(t.counted);
  w.String(t.as_of ? t.as_of->ToString() : "");
  w.String(t.yaml);
}

void SaveRule(Writer& w, const RuleDecl& r) {
  w.Range(r.range);
  w.String(r.id);
  w.String(r.slug);
  w.String(r.title);
  w.Severity(r.severity);
  w.Unsigned(r.overrides.size());
  for (const SeverityOverride& o : r.overrides) {
    w.Severity(o.severity);
    SaveExpr(w, o.condition.get());
    w.String(o.text);
  }
  SaveStrings(w, r.references);
  w.String(r.remediation);
  w.String(r.description);
  w.Unsigned(r.quotes.size());
  for (const RuleQuote& q : r.quotes) {
    w.Range(q.range);
    w.String(q.reference);
    w.String(q.text);
  }
  w.String(r.verification);
  SaveStmts(w, r.check);
  w.Bool(r.has_check);
  w.Unsigned(r.tests.size());
  for (const RuleTest& t : r.tests) {
    SaveTest(w, t);
  }
}

void SaveFile(Writer& w, const RuleFile& f) {
  w.String(f.path);
  w.String(f.source);
  w.Unsigned(f.imports.size());
  for (const ImportDecl& i : f.imports) {
    w.Range(i.range);
    w.String(i.name);
  }
  w.Unsigned(f.defs.size());
  for (const DefDecl& d : f.defs) {
    w.Range(d.range);
    w.String(d.name);
    SaveStrings(w, d.params);
    SaveExpr(w, d.body.get());
  }
  w.Unsigned(f.rules.size());
  for (const RuleDecl& r : f.rules) {
    SaveRule(w, r);
  }
}

// --- Loading ----------------------------------------------------------------

std::unique_ptr<Expr> LoadExpr(Reader& r);

void LoadExprs(Reader& r, std::vector<std::unique_ptr<Expr>>& list) {
  list.resize(r.Count());
  for (auto& e : list) {
    e = LoadExpr(r);
  }
}

void LoadStrings(Reader& r, std::vector<std::string>& list) {
  list.resize(r.Count());
  for (std::string& s : list) {
    s = r.String();
  }
}

std::unique_ptr<Expr> LoadExpr(Reader& r) {
  if (!r.Bool() || !r.Enter()) {
    return nullptr;
  }
  auto e = std::make_unique<Expr>();
  e->kind = r.Kind(ExprKind::kComprehension);
  e->range = r.Range();
  e->text = r.String();
  LoadExprs(r, e->children);
  LoadExprs(r, e->conditions);
  e->parts.resize(r.Count());
  for (TemplatePart& p : e->parts) {
    p.literal = r.String();
    p.expr = LoadExpr(r);
  }
  LoadStrings(r, e->template_errors);
  e->number = Decimal::Parse(r.String()).value_or(Decimal());
  e->date = Date::Parse(r.String()).value_or(Date());
  e->duration_months = r.Signed();
  e->duration_days = r.Signed();
  r.Leave();
  return e;
}

void LoadStmts(Reader& r, StmtList& list) {
  if (!r.Enter()) {
    return;
  }
  list.resize(r.Count());
  for (auto& s : list) {
    s = std::make_unique<Stmt>();
    s->kind = r.Kind(StmtKind::kReport);
    s->range = r.Range();
    s->name = r.String();
    s->expr = LoadExpr(r);
    s->filter = LoadExpr(r);
    LoadStmts(r, s->body);
    s->severity = r.Severity();
    s->at = LoadExpr(r);
    s->message = LoadExpr(r);
  }
  r.Leave();
}

void LoadTest(Reader& r, RuleTest& t) {
  t.range = r.Range();
  t.expect_pass = r.Bool();
  t.expected.resize(r.Count());
  for (ExpectedFinding& e : t.expected) {
    e.range = r.Range();
    e.rule = r.String();
    e.path = r.String();
    e.path_range = r.Range();
    e.line = r.Int();
  }
  t.counted = r.Int();
  t.as_of = Date::Parse(r.String());
  t.yaml = r.String();
}

void LoadRule(Reader& r, RuleDecl& rule) {
  rule.range = r.Range();
  rule.id = r.String();
  rule.slug = r.String();
  rule.title = r.String();
  rule.severity = r.Severity();
  rule.overrides.resize(r.Count());
  for (SeverityOverride& o : rule.overrides) {
    o.severity = r.Severity().value_or(Severity::kError);
    o.condition = LoadExpr(r);
    o.text = r.String();
  }
  LoadStrings(r, rule.references);
  rule.remediation = r.String();
  rule.description = r.String();
  rule.quotes.resize(r.Count());
  for (RuleQuote& q : rule.quotes) {
    q.range = r.Range();
    q.reference = r.String();
    q.text = r.String();
  }
  rule.verification = r.String();
  LoadStmts(r, rule.check);
  rule.has_check = r.Bool();
  rule.tests.resize(r.Count());
  for (RuleTest& t : rule.tests) {
    LoadTest(r, t);
  }
}

std::unique_ptr<RuleFile> LoadFile(Reader& r) {
  auto f = std::make_unique<RuleFile>();
  f->path = r.String();
  f->source = r.String();
  f->imports.resize(r.Count());
  for (ImportDecl& i : f->imports) {
    i.range = r.Range();
    i.name = r.String();
  }
  f->defs.resize(r.Count());
  for (DefDecl& d : f->defs) {
    d.range = r.Range();
    d.name = r.String();
    LoadStrings(r, d.params);
    d.body = LoadExpr(r);
  }
  f->rules.resize(r.Count());
  for (RuleDecl& rule : f->rules) {
    LoadRule(r, rule);
  }
  return f;
}

}  // namespace

std::string SaveSnapshot(const RuleFiles& files) {
  Writer w;
  w.Unsigned(files.size());
  for (const auto& f : files) {
    SaveFile(w, *f);
  }
  return w.Finish();
}

std::optional<RuleFiles> LoadSnapshot(std::string_view bytes) {
  Reader r(bytes);
  if (!r.Magic()) {
    return std::nullopt;
  }
  r.FileTable();
  RuleFiles files(r.Count());
  for (auto& f : files) {
    f = LoadFile(r);
  }
  if (!r.ok() || !r.AtEnd()) {
    return std::nullopt;
  }
  return files;
}

}  // namespace s75
