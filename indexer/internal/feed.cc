// SPDX-License-Identifier: GPL-2.0-or-later
/// @file feed.cc
/// @brief FeedParser: libxml2's push parser in SAX2 mode (namespaces resolved), no tree.
#include "internal/feed.h"

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "newsgrep/article_reader.h"
#include "newsgrep/text_rules.h"

namespace newsgrep::internal {
namespace {

absl::string_view View(const xmlChar* text) {
  return text == nullptr ? absl::string_view() : reinterpret_cast<const char*>(text);
}

// The namespaces an item's elements come from. RSS 0.9x/2.0 has none; RSS 0.90 and 1.0,
// Atom 0.3 and 1.0 have their own, read alike: the element's local name says what it is.
enum class Ns { kCore, kDublinCore, kContent, kMedia, kOther };

Ns NsOf(const xmlChar* uri) {
  const absl::string_view u = View(uri);
  if (u.empty() || u == "http://purl.org/rss/1.0/" ||
      u == "http://my.netscape.com/rdf/simple/0.9/" || u == "http://www.w3.org/2005/Atom" ||
      u == "http://purl.org/atom/ns#" || u == "http://backend.userland.com/rss2" ||
      u == "http://www.w3.org/1999/02/22-rdf-syntax-ns#") {
    return Ns::kCore;
  }
  if (u == "http://purl.org/dc/elements/1.1/" || u == "http://purl.org/dc/terms/") {
    return Ns::kDublinCore;
  }
  if (u == "http://purl.org/rss/1.0/modules/content/") return Ns::kContent;
  if (absl::StartsWith(u, "http://search.yahoo.com/mrss")) return Ns::kMedia;
  return Ns::kOther;
}

// What a captured element's text becomes.
enum class Field {
  kNone,
  kFeedTitle,
  kTitle,
  kLink,
  kId,
  kPublished,
  kUpdated,
  kAuthor,
  kCategory,
  kSummary,
  kContent,
  kSource,
  kMediaTitle,
  kMediaDescription,
};

// The item's fields that take the text of their first element, white space collapsed.
constexpr std::pair<Field, std::string FeedItem::*> kPlainItemFields[] = {
    {Field::kTitle, &FeedItem::title},     {Field::kLink, &FeedItem::link},
    {Field::kId, &FeedItem::id},           {Field::kPublished, &FeedItem::published},
    {Field::kUpdated, &FeedItem::updated}, {Field::kSource, &FeedItem::source},
};

// An Atom text construct's type (type="html" / "xhtml", Atom 0.3's mode="escaped" or a
// MIME type with "html"), or RSS's description and content:encoded, which are HTML.
bool IsHtmlType(absl::string_view type, absl::string_view mode) {
  return absl::StrContains(absl::AsciiStrToLower(type), "html") ||
         absl::EqualsIgnoreCase(mode, "escaped");
}

// The value of attribute `name` (any namespace) among SAX2's attributes: five pointers each
// (local name, prefix, URI, value begin, value end).
absl::string_view Attribute(int count, const xmlChar** attributes, absl::string_view name) {
  for (int i = 0; i < count; ++i) {
    if (View(attributes[5 * i]) == name) {
      const char* begin = reinterpret_cast<const char*>(attributes[5 * i + 3]);
      const char* end = reinterpret_cast<const char*>(attributes[5 * i + 4]);
      return absl::string_view(begin, static_cast<size_t>(end - begin));
    }
  }
  return absl::string_view();
}

// "jane@example.com (Jane Doe)" (RSS's author) → "Jane Doe"; a bare e-mail address is no
// name.
std::string AuthorName(absl::string_view text) {
  const std::string collapsed = CollapseSpaces(text);
  absl::string_view name = collapsed;
  const size_t open = name.find('(');
  if (absl::StrContains(name.substr(0, open), '@')) {
    if (open == absl::string_view::npos || !absl::EndsWith(name, ")")) return "";
    name = absl::StripAsciiWhitespace(name.substr(open + 1, name.size() - open - 2));
  }
  return std::string(name);
}

constexpr size_t kMaxErrorsKept = 5;
// Text kept of one field of one item: beyond this an item's field is cut, so that a feed
// whose item never closes cannot hold the whole file (the reader's body limit is 1 MiB).
constexpr size_t kMaxFieldBytes = size_t{16} << 20;

// How the feed's bytes are written, from its start: UTF-8 (declared, or by default) is
// repaired where it is not valid; any other ASCII-compatible charset (ISO-8859-1,
// windows-1252, Shift_JIS, …: '&' and ';' are never part of a multi-byte character there)
// is left to libxml2 to decode; in UTF-16 / UTF-32 (a byte order mark or declared) bytes
// are not characters, so nothing is rewritten before the parser.
enum class Bytes { kUtf8, kAsciiCompatible, kWide };

}  // namespace

struct FeedParser::State {
  explicit State(ItemCallback callback) : on_item(std::move(callback)) {}

  void Start(const xmlChar* local_name, const xmlChar* uri, int attribute_count,
             const xmlChar** attributes);
  void End();
  void Text(absl::string_view text);
  void CloseField();
  void Emit();

  ItemCallback on_item;
  xmlParserCtxtPtr parser = nullptr;
  std::string title;
  size_t errors = 0;
  std::vector<std::string> first_errors;
  size_t repaired = 0;
  bool truncated = false;
  Bytes bytes = Bytes::kUtf8;  // how the feed is written (FeedBytes)
  bool started = false;        // the first bytes were seen (the encoding decided)
  std::string carry;           // bytes held back: an incomplete UTF-8 sequence or entity

  struct Frame {
    std::string local;
    Ns ns;
  };
  std::vector<Frame> stack;
  int item_depth = -1;  // the stack size when the open item's element was entered
  FeedItem item;
  std::string media_title, media_description;  // media:title / media:description
  bool media_title_html = false, media_description_html = false;
  Field field = Field::kNone;
  size_t field_depth = 0;     // the stack size when the captured element was entered
  bool field_markup = false;  // child elements are kept as tags (HTML / XHTML content)
  bool field_html = false;
  bool field_xhtml = false;  // the markup is the element's children, its text is text
  int skip_depth = -1;       // inside a child whose text is not the field's (an author's e-mail)
  std::string text;
};

void FeedParser::State::Start(const xmlChar* local_name, const xmlChar* uri, int attribute_count,
                              const xmlChar** attributes) {
  const absl::string_view local = View(local_name);
  const Ns ns = NsOf(uri);
  const size_t depth = stack.size();
  stack.push_back({std::string(local), ns});
  // An item opening inside another one: the other was left open by broken markup (an
  // unclosed <b> in a title makes libxml2 nest all that follows). It ends here, so that
  // the items after the error are read as items.
  if (item_depth >= 0 && ns == Ns::kCore && (local == "item" || local == "entry")) {
    if (field != Field::kNone) CloseField();
    Emit();
  }
  if (field != Field::kNone) {
    if (field_markup) {
      absl::StrAppend(&text, "<", local, ">");
    } else {
      text += ' ';  // "<b>item</b>Text": two words
    }
    if (!field_markup && skip_depth < 0 &&
        (local == "email" || local == "uri" || local == "id" || local == "updated" ||
         local == "link")) {
      skip_depth = static_cast<int>(depth);  // parts of an Atom person or source
    }
    return;
  }
  auto attribute = [&](absl::string_view name) {
    return Attribute(attribute_count, attributes, name);
  };
  auto capture = [&](Field what, bool html) {
    field = what;
    field_depth = depth;
    field_html = html;
    field_markup = html;
    field_xhtml = html && attribute("type") == "xhtml";
    text.clear();
  };
  if (ns == Ns::kCore && (local == "item" || local == "entry") && item_depth < 0) {
    item = FeedItem();
    item.line = parser != nullptr ? static_cast<size_t>(xmlSAX2GetLineNumber(parser)) : 0;
    item.id = std::string(attribute("about"));  // RSS 1.0: rdf:about
    item_depth = static_cast<int>(depth);
    return;
  }
  if (item_depth < 0) {
    if (ns == Ns::kCore && local == "title" && depth >= 1 && stack[depth - 1].ns == Ns::kCore &&
        (stack[depth - 1].local == "channel" || stack[depth - 1].local == "feed")) {
      capture(Field::kFeedTitle, false);
    }
    return;
  }
  if (depth != static_cast<size_t>(item_depth) + 1) return;  // deeper: not the item's own
  const absl::string_view type = attribute("type");
  const bool html_type = IsHtmlType(type, attribute("mode"));
  switch (ns) {
    case Ns::kCore:
      if (local == "title") {
        capture(Field::kTitle, html_type);
        item.title_is_html = html_type;
      } else if (local == "link") {
        const absl::string_view href = attribute("href");
        const absl::string_view rel = attribute("rel");
        if (href.empty()) {
          capture(Field::kLink, false);
        } else if (item.link.empty() && (rel.empty() || rel == "alternate")) {
          item.link = std::string(absl::StripAsciiWhitespace(href));
        }
      } else if (local == "guid" || local == "id") {
        capture(Field::kId, false);
      } else if (local == "pubDate" || local == "published" || local == "issued") {
        capture(Field::kPublished, false);
      } else if (local == "updated" || local == "modified") {
        capture(Field::kUpdated, false);
      } else if (local == "author") {
        capture(Field::kAuthor, false);
      } else if (local == "category") {
        if (const absl::string_view term = attribute("term"); !term.empty()) {
          item.categories.push_back(CollapseSpaces(term));
        } else {
          capture(Field::kCategory, false);
        }
      } else if (local == "description" || local == "summary") {
        // RSS's description is HTML; Atom's summary is text unless its type says otherwise.
        capture(Field::kSummary, local == "description" || html_type);
      } else if (local == "content" && attribute("src").empty()) {
        capture(Field::kContent, html_type);
      } else if (local == "source") {
        capture(Field::kSource, false);
      }
      break;
    case Ns::kDublinCore:
      if (local == "creator") capture(Field::kAuthor, false);
      if (local == "date" || local == "issued" || local == "created") {
        capture(Field::kPublished, false);
      }
      if (local == "modified") capture(Field::kUpdated, false);
      if (local == "subject") capture(Field::kCategory, false);
      break;
    case Ns::kContent:
      if (local == "encoded") capture(Field::kContent, true);
      break;
    case Ns::kMedia:
      if (local == "title") capture(Field::kMediaTitle, html_type);
      if (local == "description") capture(Field::kMediaDescription, html_type);
      break;
    case Ns::kOther:
      break;
  }
}

void FeedParser::State::Text(absl::string_view chunk) {
  if (field == Field::kNone || skip_depth >= 0) return;
  if (text.size() + chunk.size() > kMaxFieldBytes) return;
  // HTML in a text node (escaped or CDATA) is the markup itself; in XHTML content the
  // markup is the child elements, and a text node's '<' and '&' are text: escaped again.
  if (!field_xhtml) {
    text.append(chunk.data(), chunk.size());
    return;
  }
  for (const char c : chunk) {
    if (c == '<') {
      text += "&lt;";
    } else if (c == '&') {
      text += "&amp;";
    } else {
      text += c;
    }
  }
}

void FeedParser::State::CloseField() {
  const Field what = field;
  field = Field::kNone;
  field_markup = false;
  field_xhtml = false;
  skip_depth = -1;
  std::string value = std::move(text);
  text.clear();
  // libxml2 hands on the bytes of an encoding it cannot decode (a declaration it does not
  // know) as they are: what the feed gives is valid UTF-8 all the same.
  repaired += RepairUtf8(value);
  auto set_once = [&](std::string& target) {
    if (target.empty()) target = CollapseSpaces(value);
  };
  for (const auto& [plain, member] : kPlainItemFields) {
    if (plain == what) return set_once(item.*member);
  }
  switch (what) {
    case Field::kFeedTitle:
      set_once(title);
      break;
    case Field::kAuthor:
      if (std::string name = AuthorName(value);
          !name.empty() &&
          std::find(item.authors.begin(), item.authors.end(), name) == item.authors.end()) {
        item.authors.push_back(std::move(name));
      }
      break;
    case Field::kCategory:
      if (std::string category = CollapseSpaces(value); !category.empty()) {
        item.categories.push_back(std::move(category));
      }
      break;
    case Field::kSummary:
      if (item.summary.empty()) {
        item.summary = std::move(value);
        item.summary_is_html = field_html;
      }
      break;
    case Field::kContent:
      if (item.content.empty()) {
        item.content = std::move(value);
        item.content_is_html = field_html;
      }
      break;
    case Field::kMediaTitle:
      if (media_title.empty()) {
        media_title = CollapseSpaces(value);
        media_title_html = field_html;
      }
      break;
    case Field::kMediaDescription:
      if (media_description.empty()) {
        media_description = std::move(value);
        media_description_html = field_html;
      }
      break;
    default:  // kNone, and the plain fields above
      break;
  }
}

void FeedParser::State::End() {
  if (stack.empty()) return;
  const std::string local = std::move(stack.back().local);
  stack.pop_back();
  const size_t depth = stack.size();
  if (field != Field::kNone) {
    if (depth == field_depth) {
      CloseField();
    } else {
      absl::StrAppend(&text, field_markup ? absl::StrCat("</", local, ">") : " ");
      if (skip_depth == static_cast<int>(depth)) skip_depth = -1;
      return;
    }
  }
  if (item_depth >= 0 && depth == static_cast<size_t>(item_depth)) Emit();
}

void FeedParser::State::Emit() {
  item_depth = -1;
  // Media RSS names and describes the item's picture or video: the item's own title and
  // text come first.
  if (item.title.empty()) {
    item.title = std::move(media_title);
    item.title_is_html = media_title_html;
  }
  if (item.summary.empty()) {
    item.summary = std::move(media_description);
    item.summary_is_html = media_description_html;
  }
  media_title.clear();
  media_description.clear();
  // Values taken from attributes (href, term, rdf:about), as CloseField does for text.
  repaired += RepairUtf8(item.id) + RepairUtf8(item.link);
  for (std::string& category : item.categories) repaired += RepairUtf8(category);
  on_item(std::move(item));
  item = FeedItem();
}

namespace {

// The parser's callbacks; their context is the FeedParser's state.
void OnStart(void* state, const xmlChar* local_name, const xmlChar* /*prefix*/, const xmlChar* uri,
             int /*namespace_count*/, const xmlChar** /*namespaces*/, int attribute_count,
             int /*defaulted*/, const xmlChar** attributes) {
  static_cast<FeedParser::State*>(state)->Start(local_name, uri, attribute_count, attributes);
}
void OnEnd(void* state, const xmlChar* /*local_name*/, const xmlChar* /*prefix*/,
           const xmlChar* /*uri*/) {
  static_cast<FeedParser::State*>(state)->End();
}
void OnText(void* state, const xmlChar* text, int size) {
  if (text != nullptr && size > 0) {
    static_cast<FeedParser::State*>(state)->Text(
        absl::string_view(reinterpret_cast<const char*>(text), static_cast<size_t>(size)));
  }
}
// Only XML's five entities are known; HTML's are rewritten as character references before
// the parser sees them (PrepareChunk), and entities a feed declares are not read.
xmlEntityPtr OnGetEntity(void* /*state*/, const xmlChar* name) {
  return xmlGetPredefinedEntity(name);
}
void OnError(void* state, xmlErrorPtr error) {
  if (error == nullptr || error->level < XML_ERR_ERROR) return;
  auto* s = static_cast<FeedParser::State*>(state);
  ++s->errors;
  if (s->first_errors.size() < kMaxErrorsKept) {
    s->first_errors.push_back(absl::StrCat(
        "line ", error->line, ": ",
        absl::StripAsciiWhitespace(error->message != nullptr ? error->message : "error")));
  }
}

// How the feed is written (Bytes), from its first bytes.
Bytes FeedBytes(absl::string_view head) {
  if (absl::StartsWith(head, "\xFF\xFE") || absl::StartsWith(head, "\xFE\xFF")) {
    return Bytes::kWide;
  }
  absl::ConsumePrefix(&head, "\xEF\xBB\xBF");
  if (!absl::StartsWith(head, "<?xml")) return Bytes::kUtf8;
  const absl::string_view declaration = head.substr(0, head.find("?>"));
  const size_t at = declaration.find("encoding");
  if (at == absl::string_view::npos) return Bytes::kUtf8;
  const size_t quote = declaration.find_first_of("\"'", at);
  if (quote == absl::string_view::npos) return Bytes::kUtf8;
  const size_t end = declaration.find(declaration[quote], quote + 1);
  const std::string name = absl::AsciiStrToLower(declaration.substr(quote + 1, end - quote - 1));
  if (name == "utf-8" || name == "utf8") return Bytes::kUtf8;
  if (absl::StartsWith(name, "utf-16") || absl::StartsWith(name, "utf-32") ||
      absl::StartsWith(name, "ucs") || absl::StartsWith(name, "ebcdic")) {
    return Bytes::kWide;
  }
  return Bytes::kAsciiCompatible;
}

// Where the bytes `data` can be cut so that no UTF-8 sequence and no entity reference
// ("&nbsp;") is split: before an incomplete one at the end, else the end.
size_t SafeEnd(absl::string_view data) {
  size_t end = data.size();
  // An '&' among the last 40 bytes without its ';'.
  const size_t amp = data.rfind('&');
  if (amp != absl::string_view::npos && data.size() - amp < 40 &&
      data.find(';', amp) == absl::string_view::npos) {
    end = amp;
  }
  // A UTF-8 lead byte whose sequence the data does not finish.
  for (size_t back = 1; back <= 3 && back <= end; ++back) {
    const unsigned char c = static_cast<unsigned char>(data[end - back]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    const size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (need > back) end -= back;
    break;
  }
  return end;
}

// HTML's named entities that XML lacks ("&nbsp;", "&rsquo;"), written as character
// references ("&#160;"), which XML reads; unknown names are left for the parser to report.
std::string WithHtmlEntities(absl::string_view data) {
  std::string out;
  out.reserve(data.size());
  size_t i = 0;
  while (i < data.size()) {
    const size_t amp = data.find('&', i);
    if (amp == absl::string_view::npos) break;
    out.append(data.data() + i, amp - i);
    size_t end = amp + 1;
    while (end < data.size() && end - amp < 33 &&
           absl::ascii_isalnum(static_cast<unsigned char>(data[end]))) {
      ++end;
    }
    const absl::string_view name = data.substr(amp + 1, end - amp - 1);
    if (end < data.size() && data[end] == ';' && !name.empty() && name != "amp" && name != "lt" &&
        name != "gt" && name != "quot" && name != "apos") {
      const std::string key(name);
      if (const htmlEntityDesc* entity =
              htmlEntityLookup(reinterpret_cast<const xmlChar*>(key.c_str()));
          entity != nullptr) {
        absl::StrAppend(&out, "&#", entity->value, ";");
        i = end + 1;
        continue;
      }
    }
    out += '&';
    i = amp + 1;
  }
  out.append(data.data() + i, data.size() - i);
  return out;
}

}  // namespace

FeedParser::FeedParser(ItemCallback on_item)
    : state_(std::make_unique<State>(std::move(on_item))) {}

FeedParser::~FeedParser() {
  if (state_->parser == nullptr) return;
  // A DOCTYPE with an internal subset makes libxml2 keep a document for its declarations.
  if (state_->parser->myDoc != nullptr) xmlFreeDoc(state_->parser->myDoc);
  xmlFreeParserCtxt(state_->parser);
}

void FeedParser::Push(absl::string_view bytes) {
  State& s = *state_;
  std::string data = std::move(s.carry);
  data.append(bytes.data(), bytes.size());
  s.carry.clear();
  if (!s.started) {
    if (data.size() < 256 && !bytes.empty()) {  // the XML declaration is not whole yet
      s.carry = std::move(data);
      return;
    }
    s.started = true;
    s.bytes = FeedBytes(data);
  }
  std::string chunk;
  if (s.bytes != Bytes::kWide) {
    const size_t end = bytes.empty() ? data.size() : SafeEnd(data);
    s.carry = data.substr(end);
    data.resize(end);
    if (s.bytes == Bytes::kUtf8) s.repaired += RepairUtf8(data);
    chunk = WithHtmlEntities(data);
  } else {
    chunk = std::move(data);
  }
  if (s.parser == nullptr) {
    xmlInitParser();
    xmlSAXHandler sax{};
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = OnStart;
    sax.endElementNs = OnEnd;
    sax.characters = OnText;
    sax.cdataBlock = OnText;
    sax.getEntity = OnGetEntity;
    sax.serror = OnError;
    s.parser = xmlCreatePushParserCtxt(&sax, &s, nullptr, 0, nullptr);
    if (s.parser == nullptr) return;
    // Recover from errors as far as libxml2 can; never fetch a DTD or anything else.
    xmlCtxtUseOptions(s.parser, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOCDATA);
  }
  // Chunks fit the parser's int size: the reader pushes at most a few hundred KB at once.
  xmlParseChunk(s.parser, chunk.data(), static_cast<int>(chunk.size()), 0);
}

void FeedParser::Finish() {
  State& s = *state_;
  if (!s.carry.empty() || !s.started) Push(absl::string_view());
  if (s.parser != nullptr) xmlParseChunk(s.parser, nullptr, 0, /*terminate=*/1);
  if (s.item_depth >= 0) {
    s.truncated = true;
    if (s.field != Field::kNone) s.CloseField();
    if (!s.item.title.empty() || !s.item.summary.empty() || !s.item.content.empty()) {
      s.Emit();
    }
    s.item_depth = -1;
  }
}

const std::string& FeedParser::title() const { return state_->title; }
size_t FeedParser::error_count() const { return state_->errors; }
const std::vector<std::string>& FeedParser::first_errors() const { return state_->first_errors; }
bool FeedParser::stopped() const {
  return state_->parser != nullptr && state_->parser->disableSAX != 0;
}
size_t FeedParser::repaired_bytes() const { return state_->repaired; }
bool FeedParser::truncated() const { return state_->truncated; }

}  // namespace newsgrep::internal
