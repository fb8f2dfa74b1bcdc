// SPDX-License-Identifier: GPL-2.0-or-later
/// @file stored_article.cc
/// @brief The stored article's two encodings: the display record and the bodies record.
#include "newsgrep/stored_article.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "newsgrep/internal/status_macros.h"
#include "newsgrep/internal/varint.h"
#include "newsgrep/schema.h"

namespace newsgrep {
namespace {

// --- Both records: unsigned LEB128 varints; a string is its length, then its bytes. ---

using internal::PutVarint;

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
    if (internal::GetVarint(&data_, &value)) return value;
    data_ = absl::string_view();
    ok_ = false;
    return 0;
  }

  // A length-prefixed string, as a view into the data.
  absl::string_view View() {
    const uint64_t size = Varint();
    if (!ok_ || size > data_.size()) {
      ok_ = false;
      return absl::string_view();
    }
    const absl::string_view value = data_.substr(0, size);
    data_.remove_prefix(size);
    return value;
  }

  std::string String() { return std::string(View()); }

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

absl::Status NotStoredBodies(absl::string_view data) {
  return absl::DataLossError(absl::StrCat("document data is not a newsgrep bodies record (",
                                          data.size(), " bytes); re-index"));
}

// The original body as its difference from the cleaned one: cleaning mostly cuts a few
// lines (a sign-off, a caption, a repeated paste), so the two share a long prefix and
// suffix. {prefix bytes, suffix bytes, the original's middle}.
struct BodyEdit {
  size_t prefix = 0;
  size_t suffix = 0;
  absl::string_view middle;
};

BodyEdit DiffBodies(absl::string_view cleaned, absl::string_view original) {
  BodyEdit edit;
  const size_t shorter = std::min(cleaned.size(), original.size());
  while (edit.prefix < shorter && cleaned[edit.prefix] == original[edit.prefix]) ++edit.prefix;
  const size_t room = shorter - edit.prefix;
  while (edit.suffix < room &&
         cleaned[cleaned.size() - 1 - edit.suffix] == original[original.size() - 1 - edit.suffix]) {
    ++edit.suffix;
  }
  edit.middle = original.substr(edit.prefix, original.size() - edit.prefix - edit.suffix);
  return edit;
}

}  // namespace

std::string EncodeStoredBodies(const StoredArticle& article) {
  std::string out;
  out.reserve(article.body.size() + 8);
  PutString(article.body, out);
  if (!article.original_body.empty()) {
    const BodyEdit edit = DiffBodies(article.body, article.original_body);
    PutVarint(edit.prefix, out);
    PutVarint(edit.suffix, out);
    PutString(edit.middle, out);
  }
  return out;
}

absl::StatusOr<absl::string_view> StoredBodyOf(absl::string_view data) {
  Reader in(data);
  const absl::string_view body = in.View();  // fails on empty data too
  if (!in.ok()) return NotStoredBodies(data);
  return body;
}

absl::Status DecodeStoredBodies(absl::string_view data, StoredArticle* article) {
  Reader in(data);
  const absl::string_view body = in.View();
  if (!in.ok()) return NotStoredBodies(data);
  article->body.assign(body.data(), body.size());
  article->original_body.clear();
  if (in.done()) return absl::OkStatus();
  const uint64_t prefix = in.Varint();
  const uint64_t suffix = in.Varint();
  const absl::string_view middle = in.View();
  if (!in.ok() || !in.done()) return NotStoredBodies(data);
  if (prefix > body.size() || suffix > body.size() - prefix) {
    return absl::DataLossError("document data: the original body does not fit the body; re-index");
  }
  article->original_body =
      absl::StrCat(body.substr(0, prefix), middle, body.substr(body.size() - suffix));
  return absl::OkStatus();
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
  PutVarint(article.authors.size(), out);
  for (const std::string& author : article.authors) PutString(author, out);
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
  article.authors.reserve(n);
  for (; in.ok() && n > 0; --n) article.authors.push_back(in.String());
  n = in.Count();
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

absl::StatusOr<StoredArticle> DecodeStoredArticle(absl::string_view display_value,
                                                  absl::string_view document_data) {
  NEWSGREP_ASSIGN_OR_RETURN(StoredArticle article, DecodeDisplayRecord(display_value));
  NEWSGREP_RETURN_IF_ERROR(DecodeStoredBodies(document_data, &article));
  return article;
}

absl::StatusOr<StoredArticle> ReadStoredArticle(const Xapian::Document& document) {
  return DecodeStoredArticle(document.get_value(schema::kDisplaySlot), document.get_data());
}

}  // namespace newsgrep
