/// @file document_builder.cc
/// @brief Article → Xapian::Document.
#include "internal/document_builder.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "newsgrep/analysis.h"
#include "newsgrep/name_folding.h"
#include "newsgrep/schema.h"
#include "newsgrep/stored_article.h"

namespace newsgrep::internal {
namespace {

using schema::kFieldGap;
using schema::kValueGap;
// Repeated mentions raise an entity field's wdf up to this many.
constexpr Xapian::termcount kMaxMentionWdf = 5;

Xapian::termcount MentionWdf(size_t mentions) {
  return static_cast<Xapian::termcount>(
      std::clamp<size_t>(mentions, 1, static_cast<size_t>(kMaxMentionWdf)));
}

// A key term that fits Xapian's term length limit.
std::string KeyTerm(absl::string_view prefix, absl::string_view key) {
  return absl::StrCat(prefix, key.substr(0, 200));
}

StoredLocation ToStored(const Location& location) {
  return StoredLocation{.name = location.name,
                        .canonical = location.canonical,
                        .key = location.key,
                        .kind = std::string(LocationKindName(location.kind)),
                        .country = location.country,
                        .mentions = static_cast<uint32_t>(location.mentions.size())};
}

}  // namespace

DocumentBuilder::DocumentBuilder() : DocumentBuilder(nullptr) {
  shared_ = EntityResources::Shared();
  resources_ = shared_.get();
}

DocumentBuilder::DocumentBuilder(const EntityResources* resources) : resources_(resources) {
  analysis::ConfigureTermGenerator(generator_, words_.get());
}

void DocumentBuilder::IndexEntities(const Article& article, const ArticleEntities& entities,
                                    Xapian::Document& document) {
  const std::string person_prefix(schema::kPersonPrefix);
  for (const Person& person : entities.people) {
    const Xapian::termcount wdf = MentionWdf(person.mentions.size());
    // As written (so a bare query word in the person's own spelling is boosted) and
    // folded (what person: queries look for, whatever the spelling).
    generator_.increase_termpos(kFieldGap);
    generator_.index_text(person.name, wdf, person_prefix);
    generator_.increase_termpos(kValueGap);
    generator_.index_text(person.key, wdf, person_prefix);
    if (!person.key.empty())
      document.add_boolean_term(KeyTerm(schema::kPersonKeyPrefix, person.key));
  }
  const std::string location_prefix(schema::kLocationPrefix);
  auto index_place = [&](const Location& location) {
    // Every name of the place (Kiev and Kyiv; U.S., USA and United States), once, plus
    // ASCII forms (Zürich → zurich), so that location: finds it by any of them.
    absl::flat_hash_set<std::string> seen;
    std::vector<std::string> names = {location.name, location.canonical};
    names.insert(names.end(), location.aliases.begin(), location.aliases.end());
    const Xapian::termcount wdf = MentionWdf(location.mentions.size());
    for (size_t i = 0; i < names.size(); ++i) {
      for (const std::string& form : {names[i], FoldToAscii(names[i])}) {
        if (form.empty() || !seen.insert(FoldToAscii(form) + "|" + form).second) continue;
        generator_.increase_termpos(kValueGap);
        generator_.index_text(form, i < 2 ? wdf : 1, location_prefix);
      }
    }
    if (!location.key.empty()) {
      document.add_boolean_term(KeyTerm(schema::kLocationKeyPrefix, location.key));
    }
  };
  generator_.increase_termpos(kFieldGap);
  for (const Location& location : entities.locations) index_place(location);
  // A dateline found in the body counts as the dateline field when the article had none.
  if (article.dateline.empty() && !entities.dateline.name.empty()) {
    const std::string dateline_prefix(schema::kDatelinePrefix);
    generator_.increase_termpos(kFieldGap);
    generator_.index_text(entities.dateline.name, 1, dateline_prefix);
    if (entities.dateline.canonical != entities.dateline.name) {
      generator_.increase_termpos(kValueGap);
      generator_.index_text(entities.dateline.canonical, 1, dateline_prefix);
    }
  }
  const std::string quote_prefix(schema::kQuotePrefix);
  const std::string said_prefix(schema::kSaidPrefix);
  generator_.increase_termpos(kFieldGap);
  for (const Quote& quote : entities.quotes) {
    generator_.increase_termpos(kValueGap);
    generator_.index_text(quote.text, 1, quote_prefix);
  }
  generator_.increase_termpos(kFieldGap);
  for (const Quote& quote : entities.quotes) {
    if (quote.speaker_key.empty()) continue;
    generator_.increase_termpos(kValueGap);
    generator_.index_text(quote.speaker_key, 1, said_prefix);
  }
}

Xapian::Document DocumentBuilder::Build(const Article& article, const Extras& extras,
                                        std::vector<std::string>* words) {
  words_->Clear();  // a previous Build may have thrown half-way
  Xapian::Document document;
  generator_.set_document(document);

  generator_.index_text(article.title);
  generator_.increase_termpos(kFieldGap);
  generator_.index_text(article.body);

  generator_.increase_termpos(kFieldGap);
  generator_.index_text(article.title, 1, std::string(schema::kTitlePrefix));
  if (!article.source.empty()) {
    generator_.increase_termpos(kFieldGap);
    generator_.index_text(article.source, 1, std::string(schema::kSourcePrefix));
  }
  if (!article.dateline.empty()) {
    generator_.increase_termpos(kFieldGap);
    generator_.index_text(article.dateline, 1, std::string(schema::kDatelinePrefix));
  }
  ArticleEntities extracted;
  const ArticleEntities* entities = nullptr;
  if (extras.entities) {
    entities = &*extras.entities;
  } else if (resources_ != nullptr) {
    extracted = ExtractEntities(article, *resources_);
    entities = &extracted;
  }
  if (entities != nullptr) IndexEntities(article, *entities, document);

  document.add_boolean_term(schema::IdTerm(article.id));
  StoredArticle stored;
  stored.id = article.id;
  stored.title = article.title;
  stored.source = article.source;
  stored.url = article.url;
  stored.dateline = article.dateline;
  stored.body = article.body;
  stored.original_body = extras.original_body;
  if (entities != nullptr) {
    for (const Person& person : entities->people) {
      stored.people.push_back(
          StoredPerson{.name = person.name,
                       .key = person.key,
                       .mentions = static_cast<uint32_t>(person.mentions.size())});
    }
    for (const Location& location : entities->locations) {
      stored.locations.push_back(ToStored(location));
    }
    if (!entities->dateline.name.empty()) stored.dateline_place = ToStored(entities->dateline);
    for (const Quote& quote : entities->quotes) {
      stored.quotes.push_back(StoredQuote{.text = quote.text,
                                          .speaker = quote.speaker,
                                          .speaker_key = quote.speaker_key,
                                          .begin = quote.span.begin,
                                          .end = quote.span.end});
    }
  }
  if (article.date) {
    stored.date = article.date->Iso8601();
    document.add_value(schema::kDateSlot, article.date->DateValue());
    for (const std::string& term : schema::DateTerms(article.date->DateValue())) {
      document.add_boolean_term(term);
    }
    document.add_value(schema::kTimestampSlot, article.date->TimestampValue());
  }
  document.add_value(schema::kDisplaySlot, EncodeDisplayRecord(stored));
  document.set_data(EncodeStoredBodies(stored));
  // The generator holds a reference to the document; Xapian's reference counts are not
  // atomic, so let go of it before the document can travel to the writer thread.
  generator_.set_document(Xapian::Document());
  if (words != nullptr) {
    *words = words_->Take();
  } else {
    words_->Clear();
  }
  return document;
}

void AddCluster(const std::string& cluster, Xapian::Document& document) {
  document.add_boolean_term(absl::StrCat(schema::kClusterPrefix, cluster));
  document.add_value(schema::kClusterSlot, cluster);
}

}  // namespace newsgrep::internal
