// SPDX-License-Identifier: GPL-2.0-or-later
/// @file facet_record.cc
/// @brief The facet record: which values an article is counted under, and their encoding.
#include "newsgrep/facet_record.h"

#include <cstdint>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "newsgrep/internal/varint.h"
#include "newsgrep/name_folding.h"

namespace newsgrep {
namespace {

// The words of `text` folded to lower-case ASCII letters and digits, joined by spaces.
std::string FoldedWords(absl::string_view text) {
  const std::string ascii = FoldToAscii(text);
  std::string out;
  bool gap = false;
  for (const char c : ascii) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      if (gap && !out.empty()) out += ' ';
      out += c;
      gap = false;
    } else {
      gap = true;
    }
  }
  return out;
}

void PutString(absl::string_view value, std::string& out) {
  internal::PutVarint(value.size(), out);
  out.append(value.data(), value.size());
}

bool GetString(absl::string_view* data, absl::string_view* value) {
  uint64_t size = 0;
  if (!internal::GetVarint(data, &size) || size > data->size()) return false;
  *value = data->substr(0, size);
  data->remove_prefix(size);
  return true;
}

}  // namespace

std::string FacetKeyOf(schema::Facet facet, absl::string_view name) {
  switch (facet) {
    case schema::Facet::kPerson:
    case schema::Facet::kSaid:
    case schema::Facet::kAuthor:
      return FoldName(name);
    case schema::Facet::kLocation:
    case schema::Facet::kSource:
    case schema::Facet::kCategory:
      return FoldedWords(name);
  }
  return FoldedWords(name);
}

std::vector<FacetEntry> FacetEntriesOf(const StoredArticle& article,
                                       const std::vector<std::string>& categories) {
  std::vector<FacetEntry> entries;
  absl::flat_hash_set<std::pair<schema::Facet, std::string>> seen;
  const auto add = [&](schema::Facet facet, std::string key, absl::string_view name) {
    if (key.empty() || !seen.emplace(facet, key).second) return;
    entries.push_back({facet, std::move(key), std::string(name)});
  };
  using schema::Facet;
  // People and speakers by the indexer's canonical keys (what `person:` and `said:` fold
  // to), places by the key of their gazetteer name (Kiev and Kyiv are one place).
  for (const StoredPerson& person : article.people) add(Facet::kPerson, person.key, person.name);
  for (const StoredLocation& location : article.locations) {
    add(Facet::kLocation, location.key, location.canonical);
  }
  if (!article.dateline_place.name.empty()) {
    add(Facet::kLocation, article.dateline_place.key, article.dateline_place.canonical);
  }
  for (const StoredQuote& quote : article.quotes) {
    if (!quote.speaker.empty()) add(Facet::kSaid, quote.speaker_key, quote.speaker);
  }
  if (!article.source.empty()) {
    add(Facet::kSource, FacetKeyOf(Facet::kSource, article.source), article.source);
  }
  for (const std::string& author : article.authors) {
    add(Facet::kAuthor, FacetKeyOf(Facet::kAuthor, author), author);
  }
  for (const std::string& category : categories) {
    add(Facet::kCategory, FacetKeyOf(Facet::kCategory, category), category);
  }
  return entries;
}

std::string EncodeFacetRecord(const std::vector<FacetEntry>& entries) {
  std::string out;
  for (const FacetEntry& entry : entries) {
    out += static_cast<char>(entry.facet);
    PutString(entry.key, out);
    PutString(entry.name == entry.key ? absl::string_view() : absl::string_view(entry.name), out);
  }
  return out;
}

bool VisitFacetRecord(
    absl::string_view record,
    absl::FunctionRef<void(schema::Facet, absl::string_view key, absl::string_view name)> visit) {
  while (!record.empty()) {
    const auto number = static_cast<unsigned char>(record[0]);
    if (number >= schema::kFacets.size()) return false;
    record.remove_prefix(1);
    absl::string_view key, name;
    if (!GetString(&record, &key) || !GetString(&record, &name)) return false;
    visit(static_cast<schema::Facet>(number), key, name.empty() ? key : name);
  }
  return true;
}

std::string EncodeCountRecord(const CountRecord& record) {
  std::string out;
  PutString(record.cluster, out);
  PutString(record.date, out);
  out.append(record.facets.data(), record.facets.size());
  return out;
}

std::optional<CountRecord> DecodeCountRecord(absl::string_view value) {
  CountRecord record;
  if (!GetString(&value, &record.cluster) || !GetString(&value, &record.date)) {
    return std::nullopt;
  }
  record.facets = value;
  return record;
}

}  // namespace newsgrep
