#include "load/yaml_reader.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <array>
#include <istream>
#include <streambuf>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "common/rule_ids.h"
#include "common/utf8.h"
#include "load/yaml_text.h"

namespace s75 {

namespace {

std::string DepthMessage(int max_depth) {
  return "collections are nested more than " + std::to_string(max_depth) +
         " deep (the depth limit; raise it with --max-depth)";
}

// Thrown from the event handler to stop the parser at a limit.
struct Stop {
  ReadError error;
};

// Where yaml-cpp's `mark` falls in `text`: its end when past it.
size_t Offset(std::string_view text, const YAML::Mark& mark) {
  return std::min(static_cast<size_t>(std::max(mark.pos, 0)), text.size());
}

// The plain scalars YAML reads as null: empty, `~` and `null` in its three
// spellings. By length first: it is asked of every scalar.
bool IsNullWord(std::string_view value) {
  switch (value.size()) {
    case 0:
      return true;
    case 1:
      return value[0] == '~';
    case 4:
      return value == "null" || value == "Null" || value == "NULL";
    default:
      return false;
  }
}

// Builds Nodes from parser events. Aliases point at the anchored node;
// `expanded_` counts the nodes the document would have once expanded.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, const LoadLimits& limits, Document& doc)
      : text_(text), limits_(limits), doc_(doc) {}

  void OnDocumentStart(const YAML::Mark& /*mark*/) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node* n = Make(NodeKind::kNull, mark);
    Finish(n, anchor, 1);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end() || it->second.open) {
      throw Stop{{kDocUnreadable, mark.line + 1, mark.column + 1,
                  "an alias refers to the collection that contains it; remove the alias"}};
    }
    Count(it->second.size, mark.line + 1, mark.column + 1);
    Attach(it->second.node, it->second.size);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    std::string_view tag_view = tag;
    bool plain = tag_view == "?";
    bool null_word = IsNullWord(value);
    if (value.size() > limits_.max_string_bytes) {
      throw Stop{{kDocUnreadable, mark.line + 1, mark.column + 1,
                  "a value of " + std::to_string(value.size()) + " bytes is longer than " +
                      std::to_string(limits_.max_string_bytes) +
                      " bytes (the string length limit; raise it with --max-string-length)"}};
    }
    if (std::optional<ReadError> open =
            plain ? std::nullopt : UnclosedQuote(text_, Offset(text_, mark), mark.line + 1)) {
      throw Stop{*open};
    }
    Node* n = Make(plain && null_word ? NodeKind::kNull : NodeKind::kScalar, mark);
    if (plain && !null_word) {
      if (std::optional<CutComment> cut =
              FindCut(text_, Offset(text_, mark), mark.line + 1, value)) {
        n->cut = static_cast<int>(doc_.cuts.size());
        doc_.cuts.push_back(std::move(*cut));
      }
    }
    n->plain = plain;
    n->tagged = !plain && tag_view != "!";
    n->text = value;
    Finish(n, anchor, 1);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    Open(Make(NodeKind::kSeq, mark), anchor, tag);
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    Open(Make(NodeKind::kMap, mark), anchor, tag);
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Frame {
    Node* node;
    Node* pending_key = nullptr;
    YAML::anchor_t anchor = 0;
    size_t size = 1;  // expanded nodes in this collection so far
  };
  struct Anchored {
    Node* node = nullptr;
    size_t size = 1;
    bool open = true;
  };

  Node* Make(NodeKind kind, const YAML::Mark& mark) {
    Count(1, mark.line + 1, mark.column + 1);
    Node* n = doc_.NewNode();
    n->kind = kind;
    n->line = mark.line + 1;
    n->column = mark.column + 1;
    return n;
  }

  void Open(Node* n, YAML::anchor_t anchor, const std::string& tag) {
    n->tagged = tag != "?" && tag != "!" && !tag.empty();
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      throw Stop{{kDocUnreadable, n->line, n->column, DepthMessage(limits_.max_depth)}};
    }
    if (anchor != 0) {
      anchors_[anchor] = Anchored{n, 1, true};
    }
    stack_.push_back(Frame{n, nullptr, anchor, 1});
  }

  void Close() {
    Frame f = stack_.back();
    stack_.pop_back();
    if (f.pending_key != nullptr) {
      f.node->entries.emplace_back(f.pending_key, nullptr);
    }
    if (f.anchor != 0) {
      anchors_[f.anchor] = Anchored{f.node, f.size, false};
    }
    Attach(f.node, f.size);
  }

  void Finish(Node* n, YAML::anchor_t anchor, size_t size) {
    if (anchor != 0) {
      anchors_[anchor] = Anchored{n, size, false};
    }
    Attach(n, size);
  }

  // Adds a finished node (or an alias of one, counted `size` times over) to
  // the open collection, or makes it the root.
  // Counts `added` more nodes of the expanded document: 1 for a node read,
  // the aliased subtree's size for an alias.
  void Count(size_t added, int line, int column) {
    expanded_ += added;
    if (expanded_ > limits_.max_nodes) {
      throw Stop{{kDocUnreadable, line, column,
                  "the document would expand to more than " + std::to_string(limits_.max_nodes) +
                      " nodes, counting each alias as the nodes it repeats (the alias expansion "
                      "limit; raise it with --max-nodes)"}};
    }
  }

  void Attach(Node* n, size_t size) {
    if (stack_.empty()) {
      doc_.root = n;
      return;
    }
    Frame& top = stack_.back();
    top.size += size;
    Node* parent = top.node;
    if (parent->kind == NodeKind::kSeq) {
      Adopt(parent, n, static_cast<int>(parent->items.size()));
      parent->items.push_back(n);
    } else if (top.pending_key == nullptr) {
      top.pending_key = n;
    } else {
      Adopt(parent, n, static_cast<int>(parent->entries.size()));
      if (n->IsNull() && n->parent == parent) {
        // `key:` with no value: point at the key, the most precise place.
        n->line = top.pending_key->line;
        n->column = top.pending_key->column;
      }
      Adopt(parent, top.pending_key, static_cast<int>(parent->entries.size()));
      parent->entries.emplace_back(top.pending_key, n);
      top.pending_key = nullptr;
    }
  }

  static void Adopt(const Node* parent, Node* child, int index) {
    if (child->parent != nullptr) {
      return;  // an alias keeps its first place
    }
    child->parent = parent;
    child->index = index;
  }

  std::string_view text_;
  const LoadLimits& limits_;
  Document& doc_;
  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  size_t expanded_ = 0;
};

// Stops at the start of a second document.
class SecondDocument : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override {
    throw Stop{{kDocYamlSyntax, mark.line + 1, mark.column + 1,
                "a second YAML document: a file holds one agreement; remove the '---' and what "
                "follows or move it to its own file"}};
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& /*m*/, YAML::anchor_t /*a*/) override {}
  void OnAlias(const YAML::Mark& /*m*/, YAML::anchor_t /*a*/) override {}
  void OnScalar(const YAML::Mark& /*m*/, const std::string& /*t*/, YAML::anchor_t /*a*/,
                const std::string& /*v*/) override {}
  void OnSequenceStart(const YAML::Mark& /*m*/, const std::string& /*t*/, YAML::anchor_t /*a*/,
                       YAML::EmitterStyle::value /*s*/) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& /*m*/, const std::string& /*t*/, YAML::anchor_t /*a*/,
                  YAML::EmitterStyle::value /*s*/) override {}
  void OnMapEnd() override {}
};

std::string Hex(unsigned char c) {
  return {"0123456789abcdef"[c >> 4], "0123456789abcdef"[c & 15]};
}

// A syntax error on a line indented with a tab, or just after one: the
// column of the tab on `line` (1-based), else 0. YAML indents with spaces.
int IndentingTab(std::string_view text, int line) {
  size_t start = 0;
  for (int n = 1; n < line && start != std::string_view::npos; ++n) {
    start = text.find('\n', start);
    start = start == std::string_view::npos ? start : start + 1;
  }
  for (size_t i = start; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i) {
    if (text[i] == '\t') {
      return static_cast<int>(i - start) + 1;
    }
  }
  return 0;
}

// The DOC.01 error for a yaml-cpp exception at `mark` (0-based).
ReadError SyntaxError(std::string_view text, const YAML::Mark& mark, const std::string& what) {
  for (int line = mark.line + 1; line >= mark.line && line >= 1; --line) {
    if (int column = IndentingTab(text, line); column > 0) {
      return {kDocYamlSyntax, line, column,
              "YAML syntax error: the line is indented with a tab; YAML indents with spaces "
              "only: replace the tab with spaces"};
    }
  }
  std::string advice = what == YAML::ErrorMsg::EOF_IN_SCALAR
                           ? "a quoted value is not closed before the end of the file: add the "
                             "closing quote where the value ends"
                           : QuotingAdvice(text, Offset(text, mark), what);
  return {kDocYamlSyntax, mark.line + 1, mark.column + 1,
          "YAML syntax error: " + what + "; " +
              (advice.empty() ? "check the indentation and quoting on this line" : advice)};
}

// A read-only stream over text the caller keeps: yaml-cpp reads an
// std::istream, and an std::istringstream would copy the whole file first.
class TextStreamBuf final : public std::streambuf {
 public:
  explicit TextStreamBuf(std::string_view text) {
    // std::streambuf's get area is non-const but is only read from here.
    char* begin = const_cast<char*>(text.data());  // NOLINT(cppcoreguidelines-pro-type-const-cast)
    setg(begin, begin, begin + text.size());
  }
};

}  // namespace

std::optional<ReadError> ReadYaml(std::string_view text, const LoadLimits& limits, Document& doc) {
  TextStreamBuf buffer(text);
  std::istream stream(&buffer);
  try {
    YAML::Parser parser(stream);
    TreeBuilder builder(text, limits, doc);
    if (!parser.HandleNextDocument(builder)) {
      return std::nullopt;
    }
    SecondDocument second;
    parser.HandleNextDocument(second);
  } catch (const Stop& stop) {
    return stop.error;
  } catch (const YAML::DeepRecursion& e) {
    return ReadError{kDocUnreadable, e.mark.line + 1, e.mark.column + 1,
                     DepthMessage(limits.max_depth)};
  } catch (const YAML::Exception& e) {
    return SyntaxError(text, e.mark, e.msg);
  }
  return std::nullopt;
}

std::optional<ReadError> CheckCharacters(std::string_view text) {
  if (std::optional<Utf8Error> bad = FindInvalidUtf8(text)) {
    return ReadError{kDocUnreadable, bad->line, bad->column,
                     "the file is " + bad->Describe() + "; save it as UTF-8"};
  }
  // YAML allows no control character but tab and line breaks; yaml-cpp
  // would read 0x04 as the end of the file and silently drop the rest. The
  // text is valid UTF-8 here, so every byte below 0x80 is a character.
  // Bytes are classed by a table, with no branch per byte but the loop's.
  static constexpr auto kForbidden = [] {
    std::array<bool, 256> forbidden{};
    for (int c = 0; c < 0x20; ++c) {
      forbidden[static_cast<size_t>(c)] = c != '\t' && c != '\n' && c != '\r';
    }
    forbidden[0x7F] = true;
    return forbidden;
  }();
  auto bad = std::find_if(text.begin(), text.end(),
                          [](char c) { return kForbidden[static_cast<unsigned char>(c)]; });
  if (bad != text.end()) {
    auto [line, column] = CharPosition(text, static_cast<size_t>(bad - text.begin()));
    return ReadError{kDocYamlSyntax, line, column,
                     "the file holds a control character (byte 0x" +
                         Hex(static_cast<unsigned char>(*bad)) +
                         "), which YAML does not allow: remove it"};
  }
  return std::nullopt;
}

}  // namespace s75
