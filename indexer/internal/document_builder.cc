// SPDX-License-Identifier: GPL-2.0-or-later
/// @file document_builder.cc
/// @brief Article → Xapian::Document.
#include "internal/document_builder.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "newsgrep/analysis.h"
#include "newsgrep/facet_record.h"
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

// One value of a free-text field and the wdf of its words.
struct FieldText {
  std::string text;
  Xapian::termcount wdf = 1;
};

// What an article puts in a field. `entities` is null when none were extracted.
using FieldValues = std::vector<FieldText> (*)(const Article& article,
                                               const ArticleEntities* entities);

std::vector<FieldText> TitleValues(const Article& article, const ArticleEntities*) {
  return {{article.title}};
}

std::vector<FieldText> SourceValues(const Article& article, const ArticleEntities*) {
  if (article.source.empty()) return {};
  return {{article.source}};
}

// The dateline as given; else the one found at the start of the body (its name as written
// and its canonical name).
std::vector<FieldText> DatelineValues(const Article& article, const ArticleEntities* entities) {
  if (!article.dateline.empty()) return {{article.dateline}};
  if (entities == nullptr || entities->dateline.name.empty()) return {};
  std::vector<FieldText> values = {{entities->dateline.name}};
  if (entities->dateline.canonical != entities->dateline.name) {
    values.push_back({entities->dateline.canonical});
  }
  return values;
}

// Each author as written and folded (what author: queries look for, whatever the spelling).
std::vector<FieldText> AuthorValues(const Article& article, const ArticleEntities*) {
  std::vector<FieldText> values;
  for (const std::string& author : article.authors) {
    values.push_back({author});
    values.push_back({FoldName(author)});
  }
  return values;
}

std::vector<FieldText> CategoryValues(const Article& article, const ArticleEntities*) {
  std::vector<FieldText> values;
  for (const std::string& category : article.categories) values.push_back({category});
  return values;
}

// Each person as written (so a bare query word in the person's own spelling is boosted)
// and folded (what person: queries look for, whatever the spelling).
std::vector<FieldText> PersonValues(const Article&, const ArticleEntities* entities) {
  std::vector<FieldText> values;
  if (entities == nullptr) return values;
  for (const Person& person : entities->people) {
    const Xapian::termcount wdf = MentionWdf(person.mentions.size());
    values.push_back({person.name, wdf});
    values.push_back({person.key, wdf});
  }
  return values;
}

// Every name of each place (Kiev and Kyiv; U.S., USA and United States), once, plus ASCII
// forms (Zürich → zurich), so that location: finds it by any of them.
std::vector<FieldText> LocationValues(const Article&, const ArticleEntities* entities) {
  std::vector<FieldText> values;
  if (entities == nullptr) return values;
  for (const Location& location : entities->locations) {
    absl::flat_hash_set<std::string> seen;
    std::vector<std::string> names = {location.name, location.canonical};
    names.insert(names.end(), location.aliases.begin(), location.aliases.end());
    const Xapian::termcount wdf = MentionWdf(location.mentions.size());
    for (size_t i = 0; i < names.size(); ++i) {
      for (const std::string& form : {names[i], FoldToAscii(names[i])}) {
        if (form.empty() || !seen.insert(FoldToAscii(form) + "|" + form).second) continue;
        values.push_back({form, i < 2 ? wdf : 1});
      }
    }
  }
  return values;
}

std::vector<FieldText> QuoteValues(const Article&, const ArticleEntities* entities) {
  std::vector<FieldText> values;
  if (entities == nullptr) return values;
  for (const Quote& quote : entities->quotes) values.push_back({quote.text});
  return values;
}

// The folded name of each quote's speaker.
std::vector<FieldText> SaidValues(const Article&, const ArticleEntities* entities) {
  std::vector<FieldText> values;
  if (entities == nullptr) return values;
  for (const Quote& quote : entities->quotes) {
    if (!quote.speaker_key.empty()) values.push_back({quote.speaker_key});
  }
  return values;
}

// The extractor of every free-text field of schema::kFields, by name: adding a field is a
// row there and a line here (DocumentBuilderTest checks that none is missing).
constexpr std::pair<absl::string_view, FieldValues> kFieldValues[] = {
    {"title", TitleValues},       {"quote", QuoteValues},   {"person", PersonValues},
    {"location", LocationValues}, {"said", SaidValues},     {"source", SourceValues},
    {"dateline", DatelineValues}, {"author", AuthorValues}, {"category", CategoryValues},
};

FieldValues ValuesOf(absl::string_view field) {
  for (const auto& [name, values] : kFieldValues) {
    if (name == field) return values;
  }
  return nullptr;
}
}  // namespace

DocumentBuilder::DocumentBuilder() : DocumentBuilder(nullptr) {
  shared_ = EntityResources::Shared();
  resources_ = shared_.get();
}

DocumentBuilder::DocumentBuilder(const EntityResources* resources) : resources_(resources) {
  analysis::ConfigureTermGenerator(generator_, words_.get());
}

Xapian::Document DocumentBuilder::Build(const Article& article, const Extras& extras,
                                        std::vector<std::string>* words) {
  words_->Clear();  // a previous Build may have thrown half-way
  Xapian::Document document;
  generator_.set_document(document);

  generator_.index_text(article.title);
  generator_.increase_termpos(kFieldGap);
  generator_.index_text(article.body);
  // The acronyms as written, for `case:` and query words in capitals (the text's terms
  // above are lower case). Without positions: wdf is what ranks them.
  const auto add_acronym = [&document](absl::string_view acronym) {
    document.add_term(schema::CaseTerm(acronym));
  };
  analysis::ForEachAcronym(article.title, add_acronym);
  analysis::ForEachAcronym(article.body, add_acronym);

  ArticleEntities extracted;
  const ArticleEntities* entities = nullptr;
  if (extras.entities) {
    entities = &*extras.entities;
  } else if (resources_ != nullptr) {
    extracted = ExtractEntities(article, *resources_, extras.statistics);
    entities = &extracted;
  }
  // Each free-text field of the schema, in the table's order: kFieldGap before a field,
  // kValueGap between its values, so that no phrase runs from one into the next.
  for (const schema::Field& field : schema::kFields) {
    if (field.kind != schema::FieldKind::kFreeText) continue;
    const FieldValues values_of = ValuesOf(field.name);
    if (values_of == nullptr) continue;  // a field of the schema nothing fills yet
    const std::vector<FieldText> values = values_of(article, entities);
    if (values.empty()) continue;
    const std::string prefix(field.prefix);
    generator_.increase_termpos(kFieldGap);
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) generator_.increase_termpos(kValueGap);
      generator_.index_text(values[i].text, values[i].wdf, prefix);
    }
  }
  if (entities != nullptr) {
    for (const Person& person : entities->people) {
      if (!person.key.empty()) {
        document.add_boolean_term(KeyTerm(schema::kPersonKeyPrefix, person.key));
      }
    }
    for (const Location& location : entities->locations) {
      if (!location.key.empty()) {
        document.add_boolean_term(KeyTerm(schema::kLocationKeyPrefix, location.key));
      }
    }
  }

  document.add_boolean_term(schema::IdTerm(article.id));
  if (const std::string file = schema::FileTerm(article.file); !file.empty()) {
    document.add_boolean_term(file);
  }
  StoredArticle stored;
  stored.id = article.id;
  stored.title = article.title;
  stored.source = article.source;
  stored.url = article.url;
  stored.dateline = article.dateline;
  stored.authors = article.authors;
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
  // The facet record alone until AddCluster makes it the count record.
  if (std::string facets = EncodeFacetRecord(FacetEntriesOf(stored, article.categories));
      !facets.empty()) {
    document.add_value(schema::kCountSlot, std::move(facets));
  }
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
  const std::string date = document.get_value(schema::kDateSlot);
  const std::string facets = document.get_value(schema::kCountSlot);
  document.add_value(schema::kCountSlot,
                     EncodeCountRecord({.cluster = cluster, .date = date, .facets = facets}));
}

}  // namespace newsgrep::internal
