// SPDX-License-Identifier: GPL-2.0-or-later
/// @file schema_agreement_test.cc
/// @brief The indexer and the query parser agree about every field of schema::kFields: a
/// word the document builder puts in a field is found by `field:word` (and by no other
/// field), so a table row without its indexing, or indexing under another prefix, fails.
#include <xapian.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "internal/document_builder.h"
#include "newsgrep/name_folding.h"
#include "newsgrep/schema.h"
#include "newsgrep/searcher.h"
#include "testing/files.h"
#include "testing/index.h"

namespace newsgrep {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// The word that marks `field` ("zqtitle"); for `case:`, which holds words in capitals of
// 2-6 letters, "ZQCAS".
std::string Mark(absl::string_view field) {
  return field == "case" ? "ZQCAS" : absl::StrCat("zq", field);
}

// An article (and its entities, cluster) holding `word` in field `field` only.
struct FieldArticle {
  Article article;
  ArticleEntities entities;
  std::string cluster;
};

// How to put a word in each field. A field of the table missing here fails the test: say
// how the new field is filled.
const std::map<std::string, std::function<void(const std::string&, FieldArticle&)>>& Fillers() {
  static const auto* fillers =
      new std::map<std::string, std::function<void(const std::string&, FieldArticle&)>>{
          {"title", [](const std::string& w, FieldArticle& a) { a.article.title = w; }},
          {"source", [](const std::string& w, FieldArticle& a) { a.article.source = w; }},
          {"dateline", [](const std::string& w, FieldArticle& a) { a.article.dateline = w; }},
          {"author",
           [](const std::string& w, FieldArticle& a) { a.article.authors.push_back("Ana " + w); }},
          {"person",
           [](const std::string& w, FieldArticle& a) {
             Person person;
             person.name = "Anna " + w;
             person.key = FoldName(person.name);  // as ExtractEntities makes it
             a.entities.people.push_back(person);
           }},
          {"location",
           [](const std::string& w, FieldArticle& a) {
             Location place;
             place.name = place.canonical = place.key = w;
             a.entities.locations.push_back(place);
           }},
          {"quote",
           [](const std::string& w, FieldArticle& a) {
             Quote quote;
             quote.text = "we will " + w;
             a.entities.quotes.push_back(quote);
           }},
          {"said",
           [](const std::string& w, FieldArticle& a) {
             Quote quote;
             quote.text = "yes";
             quote.speaker = "Bo " + w;
             quote.speaker_key = FoldName(quote.speaker);
             a.entities.quotes.push_back(quote);
           }},
          {"category",
           [](const std::string& w, FieldArticle& a) { a.article.categories.push_back(w); }},
          {"case", [](const std::string& w, FieldArticle& a) { a.article.body += " " + w; }},
          {"id", [](const std::string& w, FieldArticle& a) { a.article.id = w; }},
          {"cluster", [](const std::string& w, FieldArticle& a) { a.cluster = w; }},
      };
  return *fillers;
}

TEST(SchemaAgreementTest, EveryFieldIsFoundWhereTheIndexerPutItAndNowhereElse) {
  std::vector<FieldArticle> articles;
  for (const schema::Field& field : schema::kFields) {
    FieldArticle a;
    a.article = test::MakeArticle(absl::StrCat("in-", field.name), "Headline", "Plain body.");
    a.cluster = absl::StrCat("cluster-", field.name);
    const auto filler = Fillers().find(std::string(field.name));
    ASSERT_NE(filler, Fillers().end()) << "field " << field.name << " of schema::kFields: "
                                       << "add how it is filled to Fillers()";
    filler->second(Mark(field.name), a);
    articles.push_back(std::move(a));
  }
  // Every mark in the body of one more article, which no field query may find.
  FieldArticle decoy;
  std::string body;
  // (In small letters: `case:` finds words in capitals of the text, by design.)
  for (const schema::Field& field : schema::kFields) {
    absl::StrAppend(&body, absl::AsciiStrToLower(Mark(field.name)), " ");
  }
  decoy.article = test::MakeArticle("decoy", "Decoy", body, test::Date("2025-08-20"));
  decoy.cluster = "decoy";
  articles.push_back(decoy);

  test::TempDir dir;
  {
    Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE);
    db.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kSchemaVersion));
    internal::DocumentBuilder builder(nullptr);
    for (const FieldArticle& a : articles) {
      Xapian::Document document =
          builder.Build(a.article, {.original_body = "", .entities = a.entities});
      internal::AddCluster(a.cluster, document);
      db.add_document(document);
    }
    db.commit();
  }
  absl::StatusOr<std::unique_ptr<Searcher>> searcher = Searcher::Open({dir / "db"});
  ASSERT_TRUE(searcher.ok()) << searcher.status();
  for (const schema::Field& field : schema::kFields) {
    const std::string owner = field.name == "id" ? Mark("id") : absl::StrCat("in-", field.name);
    EXPECT_THAT(test::Find(**searcher, absl::StrCat(field.name, ":", Mark(field.name))),
                ElementsAre(owner))
        << field.name;
    for (const schema::Field& other : schema::kFields) {
      // case: takes only words in capitals (the other marks are refused as queries).
      if (&other == &field || other.kind == schema::FieldKind::kExactCase) continue;
      EXPECT_THAT(test::Find(**searcher, absl::StrCat(other.name, ":", Mark(field.name))),
                  IsEmpty())
          << other.name << ":" << Mark(field.name);
    }
  }
  // The date field too (its terms are not a kFields row).
  EXPECT_THAT(test::Find(**searcher, absl::StrCat(schema::kDateField, ":2025-08-20")),
              ElementsAre("decoy"));
}

}  // namespace
}  // namespace newsgrep
