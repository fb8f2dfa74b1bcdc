/// @file stored_article.cc
/// @brief Document-data encoding: a compact JSON object with short keys.
#include "newsgrep/stored_article.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>

#include "absl/strings/str_cat.h"

namespace newsgrep {
namespace {

// --- Display record: unsigned LEB128 varints; a string is its length, then its bytes. ---

void PutVarint(uint64_t value, std::string& out) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

void PutString(absl::string_view value, std::string& out) {
  PutVarint(value.size(), out);
  out.append(value.data(), value.size());
}

void PutLocation(const StoredLocation& l, std::string& out) {
  PutString(l.name, out);
  PutString(l.canonical, out);
  PutString(l.key, out);
  PutString(l.kind, out);
  PutString(l.country, out);
  PutVarint(l.mentions, out);
}

// Reads a display record front to back; any overrun makes ok() false for good.
class Reader {
 public:
  explicit Reader(absl::string_view data) : data_(data) {}
  bool ok() const { return ok_; }
  bool done() const { return data_.empty(); }

  uint64_t Varint() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (data_.empty()) break;
      const auto byte = static_cast<unsigned char>(data_.front());
      data_.remove_prefix(1);
      value |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    ok_ = false;
    return 0;
  }

  std::string String() {
    const uint64_t size = Varint();
    if (!ok_ || size > data_.size()) {
      ok_ = false;
      return std::string();
    }
    std::string value(data_.substr(0, size));
    data_.remove_prefix(size);
    return value;
  }

  // A count of items that each take at least one byte (so a corrupt count cannot make the
  // caller reserve or loop far beyond the data).
  size_t Count() {
    const uint64_t count = Varint();
    if (count > data_.size()) ok_ = false;
    return ok_ ? static_cast<size_t>(count) : 0;
  }

  StoredLocation Location() {
    StoredLocation l;
    l.name = String();
    l.canonical = String();
    l.key = String();
    l.kind = String();
    l.country = String();
    l.mentions = static_cast<uint32_t>(Varint());
    return l;
  }

 private:
  absl::string_view data_;
  bool ok_ = true;
};

// Hex digit value, or -1.
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool Hex4(absl::string_view text, size_t at, uint32_t* value) {
  if (at + 4 > text.size()) return false;
  *value = 0;
  for (size_t k = at; k < at + 4; ++k) {
    const int digit = HexValue(text[k]);
    if (digit < 0) return false;
    *value = (*value << 4) | static_cast<uint32_t>(digit);
  }
  return true;
}

void AppendUtf8(uint32_t code, std::string& out) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// The JSON string literal whose opening quote is at `text[at]`, unescaped, with `*end` set
// past its closing quote; false when it is not a well-formed literal.
bool ReadJsonString(absl::string_view text, size_t at, std::string* out, size_t* end) {
  out->clear();
  size_t i = at + 1;
  while (i < text.size()) {
    const size_t stop = text.find_first_of("\\\"", i);
    if (stop == absl::string_view::npos) return false;
    out->append(text.data() + i, stop - i);
    i = stop;
    if (text[i] == '"') {
      *end = i + 1;
      return true;
    }
    if (i + 1 >= text.size()) return false;
    const char escaped = text[i + 1];
    i += 2;
    switch (escaped) {
      case '"': *out += '"'; break;
      case '\\': *out += '\\'; break;
      case '/': *out += '/'; break;
      case 'b': *out += '\b'; break;
      case 'f': *out += '\f'; break;
      case 'n': *out += '\n'; break;
      case 'r': *out += '\r'; break;
      case 't': *out += '\t'; break;
      case 'u': {
        uint32_t code = 0;
        if (!Hex4(text, i, &code)) return false;
        i += 4;
        if (code >= 0xD800 && code < 0xDC00) {  // a surrogate pair
          uint32_t low = 0;
          if (i + 6 > text.size() || text[i] != '\\' || text[i + 1] != 'u' ||
              !Hex4(text, i + 2, &low) || low < 0xDC00 || low >= 0xE000) {
            return false;
          }
          i += 6;
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        } else if (code >= 0xDC00 && code < 0xE000) {
          return false;
        }
        AppendUtf8(code, *out);
        break;
      }
      default:
        return false;
    }
  }
  return false;
}

bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The original body as its difference from the cleaned one: cleaning mostly cuts a few
// lines (a sign-off, a caption, a repeated paste), so the two share a long prefix and
// suffix. {prefix bytes, suffix bytes, the original's middle}, with both cuts on UTF-8
// character boundaries.
struct BodyEdit {
  size_t prefix = 0;
  size_t suffix = 0;
  absl::string_view middle;
};

BodyEdit DiffBodies(absl::string_view cleaned, absl::string_view original) {
  BodyEdit edit;
  const size_t shorter = std::min(cleaned.size(), original.size());
  while (edit.prefix < shorter && cleaned[edit.prefix] == original[edit.prefix]) ++edit.prefix;
  while (edit.prefix > 0 && edit.prefix < shorter && IsUtf8Continuation(original[edit.prefix])) {
    --edit.prefix;
  }
  const size_t room = shorter - edit.prefix;
  while (edit.suffix < room && cleaned[cleaned.size() - 1 - edit.suffix] ==
                                   original[original.size() - 1 - edit.suffix]) {
    ++edit.suffix;
  }
  while (edit.suffix > 0 && IsUtf8Continuation(original[original.size() - edit.suffix])) {
    --edit.suffix;
  }
  edit.middle = original.substr(edit.prefix, original.size() - edit.prefix - edit.suffix);
  return edit;
}

}  // namespace

std::string EncodeStoredArticle(const StoredArticle& article) {
  // ordered_json keeps members in insertion order: "b" first (DecodeStoredBody's fast path).
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  json["b"] = article.body;
  json["i"] = article.id;
  json["t"] = article.title;
  if (!article.date.empty()) json["d"] = article.date;
  if (!article.source.empty()) json["s"] = article.source;
  if (!article.url.empty()) json["u"] = article.url;
  if (!article.dateline.empty()) json["l"] = article.dateline;
  if (!article.original_body.empty()) {
    const BodyEdit edit = DiffBodies(article.body, article.original_body);
    json["O"] = nlohmann::ordered_json::array({edit.prefix, edit.suffix, std::string(edit.middle)});
  }
  // Entities as arrays of arrays (compact: no repeated key names).
  auto location = [](const StoredLocation& l) {
    return nlohmann::ordered_json::array(
        {l.name, l.canonical, l.key, l.kind, l.country, l.mentions});
  };
  if (!article.people.empty()) {
    nlohmann::ordered_json& people = json["P"] = nlohmann::ordered_json::array();
    for (const StoredPerson& p : article.people) {
      people.push_back(nlohmann::ordered_json::array({p.name, p.key, p.mentions}));
    }
  }
  if (!article.locations.empty()) {
    nlohmann::ordered_json& locations = json["L"] = nlohmann::ordered_json::array();
    for (const StoredLocation& l : article.locations) locations.push_back(location(l));
  }
  if (!article.dateline_place.name.empty()) json["D"] = location(article.dateline_place);
  if (!article.quotes.empty()) {
    nlohmann::ordered_json& quotes = json["Q"] = nlohmann::ordered_json::array();
    for (const StoredQuote& q : article.quotes) {
      quotes.push_back(
          nlohmann::ordered_json::array({q.text, q.speaker, q.speaker_key, q.begin, q.end}));
    }
  }
  // The indexer repairs text to valid UTF-8 before it gets here; replace defensively.
  return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

absl::StatusOr<StoredArticle> DecodeStoredArticle(absl::string_view data) {
  nlohmann::json json = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) {
    return absl::DataLossError(
        absl::StrCat("document data is not a newsgrep record (", data.size(), " bytes)"));
  }
  auto get = [&json](const char* key) {
    auto it = json.find(key);
    return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  StoredArticle article;
  article.id = get("i");
  article.title = get("t");
  article.date = get("d");
  article.source = get("s");
  article.url = get("u");
  article.dateline = get("l");
  article.body = get("b");
  article.original_body = get("o");  // written whole before the "O" form
  if (auto it = json.find("O"); it != json.end() && it->is_array() && it->size() == 3 &&
                                (*it)[0].is_number_unsigned() &&
                                (*it)[1].is_number_unsigned() && (*it)[2].is_string()) {
    const uint64_t prefix = (*it)[0].get<uint64_t>();
    const uint64_t suffix = (*it)[1].get<uint64_t>();
    if (prefix > article.body.size() || suffix > article.body.size() - prefix) {
      return absl::DataLossError("document data: the original body does not fit the body");
    }
    article.original_body = absl::StrCat(
        absl::string_view(article.body).substr(0, prefix), (*it)[2].get<std::string>(),
        absl::string_view(article.body).substr(article.body.size() - suffix));
  }
  // Entities: tolerate missing or malformed entries (skip them) rather than lose the article.
  auto text = [](const nlohmann::json& a, size_t i) {
    return i < a.size() && a[i].is_string() ? a[i].get<std::string>() : std::string();
  };
  auto number = [](const nlohmann::json& a, size_t i) -> uint64_t {
    return i < a.size() && a[i].is_number_unsigned() ? a[i].get<uint64_t>() : 0;
  };
  auto location = [&](const nlohmann::json& a) {
    return StoredLocation{.name = text(a, 0),
                          .canonical = text(a, 1),
                          .key = text(a, 2),
                          .kind = text(a, 3),
                          .country = text(a, 4),
                          .mentions = static_cast<uint32_t>(number(a, 5))};
  };
  if (auto it = json.find("P"); it != json.end() && it->is_array()) {
    for (const nlohmann::json& p : *it) {
      if (!p.is_array()) continue;
      article.people.push_back(StoredPerson{
          .name = text(p, 0), .key = text(p, 1), .mentions = static_cast<uint32_t>(number(p, 2))});
    }
  }
  if (auto it = json.find("L"); it != json.end() && it->is_array()) {
    for (const nlohmann::json& l : *it) {
      if (l.is_array()) article.locations.push_back(location(l));
    }
  }
  if (auto it = json.find("D"); it != json.end() && it->is_array()) {
    article.dateline_place = location(*it);
  }
  if (auto it = json.find("Q"); it != json.end() && it->is_array()) {
    for (const nlohmann::json& q : *it) {
      if (!q.is_array()) continue;
      article.quotes.push_back(StoredQuote{.text = text(q, 0),
                                           .speaker = text(q, 1),
                                           .speaker_key = text(q, 2),
                                           .begin = static_cast<size_t>(number(q, 3)),
                                           .end = static_cast<size_t>(number(q, 4))});
    }
  }
  return article;
}

absl::StatusOr<std::string> DecodeStoredBody(absl::string_view data) {
  // Fast path: EncodeStoredArticle writes `{"b":"…"` first.
  constexpr absl::string_view kBodyFirst = "{\"b\":\"";
  if (data.substr(0, kBodyFirst.size()) == kBodyFirst) {
    std::string body;
    size_t end = 0;
    if (ReadJsonString(data, kBodyFirst.size() - 1, &body, &end) && end < data.size() &&
        (data[end] == ',' || data[end] == '}')) {
      return body;
    }
  }
  absl::StatusOr<StoredArticle> article = DecodeStoredArticle(data);
  if (!article.ok()) return article.status();
  return std::move(article->body);
}

std::string EncodeDisplayRecord(const StoredArticle& article) {
  std::string out;
  out.reserve(64 + article.id.size() + article.title.size() + article.url.size());
  PutString(article.id, out);
  PutString(article.title, out);
  PutString(article.date, out);
  PutString(article.source, out);
  PutString(article.url, out);
  PutString(article.dateline, out);
  PutVarint(article.people.size(), out);
  for (const StoredPerson& p : article.people) {
    PutString(p.name, out);
    PutString(p.key, out);
    PutVarint(p.mentions, out);
  }
  PutVarint(article.locations.size(), out);
  for (const StoredLocation& l : article.locations) PutLocation(l, out);
  PutLocation(article.dateline_place, out);
  PutVarint(article.quotes.size(), out);
  for (const StoredQuote& q : article.quotes) {
    PutString(q.text, out);
    PutString(q.speaker, out);
    PutString(q.speaker_key, out);
    PutVarint(q.begin, out);
    PutVarint(q.end, out);
  }
  return out;
}

absl::StatusOr<StoredArticle> DecodeDisplayRecord(absl::string_view data) {
  Reader in(data);
  StoredArticle article;
  article.id = in.String();
  article.title = in.String();
  article.date = in.String();
  article.source = in.String();
  article.url = in.String();
  article.dateline = in.String();
  // Each element is built in place (Count bounds the reservations by the data's size).
  size_t n = in.Count();
  article.people.reserve(n);
  for (; in.ok() && n > 0; --n) {
    StoredPerson& p = article.people.emplace_back();
    p.name = in.String();
    p.key = in.String();
    p.mentions = static_cast<uint32_t>(in.Varint());
  }
  n = in.Count();
  article.locations.reserve(n);
  for (; in.ok() && n > 0; --n) article.locations.push_back(in.Location());
  article.dateline_place = in.Location();
  n = in.Count();
  article.quotes.reserve(n);
  for (; in.ok() && n > 0; --n) {
    StoredQuote& q = article.quotes.emplace_back();
    q.text = in.String();
    q.speaker = in.String();
    q.speaker_key = in.String();
    q.begin = static_cast<size_t>(in.Varint());
    q.end = static_cast<size_t>(in.Varint());
  }
  if (data.empty() || !in.ok() || !in.done()) {
    return absl::DataLossError(absl::StrCat("display value is not a newsgrep display record (",
                                            data.size(), " bytes); re-index"));
  }
  return article;
}

}  // namespace newsgrep
