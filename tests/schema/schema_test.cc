// SPDX-License-Identifier: GPL-2.0-or-later
// Unit tests for the schema library: field table, id terms, stored-article encoding,
// schema-version checks, Xapian error mapping and the shared analysis setup.
#include "newsgrep/schema.h"

#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "newsgrep/analysis.h"
#include "newsgrep/dates.h"
#include "newsgrep/internal/xapian_status.h"
#include "newsgrep/stored_article.h"
#include "testing/files.h"

namespace newsgrep {
namespace {

using test::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

std::string Message(const absl::Status& status) { return std::string(status.message()); }

// ---------------------------------------------------------------------------------------
// Field table

TEST(SchemaTest, FindFieldReturnsEachFieldOfTheTable) {
  const schema::Field* title = schema::FindField("title");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->name, "title");
  EXPECT_EQ(title->prefix, "S");
  EXPECT_EQ(title->kind, schema::FieldKind::kFreeText);
  EXPECT_DOUBLE_EQ(title->boost, 3.0);

  const schema::Field* id = schema::FindField("id");
  ASSERT_NE(id, nullptr);
  EXPECT_EQ(id->prefix, "Q");
  EXPECT_EQ(id->kind, schema::FieldKind::kBoolean);

  const schema::Field* source = schema::FindField("source");
  ASSERT_NE(source, nullptr);
  EXPECT_EQ(source->prefix, "XSOURCE");

  const schema::Field* dateline = schema::FindField("dateline");
  ASSERT_NE(dateline, nullptr);
  EXPECT_EQ(dateline->prefix, "XDATELINE");
}

TEST(SchemaTest, FindFieldReturnsTheEntryInTheTable) {
  for (const schema::Field& field : schema::kFields) {
    EXPECT_EQ(schema::FindField(field.name), &field) << field.name;
  }
}

TEST(SchemaTest, FindFieldReturnsNullForUnknownNames) {
  EXPECT_EQ(schema::FindField("writer"), nullptr);
  EXPECT_EQ(schema::FindField(""), nullptr);
  EXPECT_EQ(schema::FindField("Title"), nullptr);  // names are case-sensitive
  EXPECT_EQ(schema::FindField("titl"), nullptr);
  EXPECT_EQ(schema::FindField("title "), nullptr);
  // "date" is a value range handled by the searcher, not a term field.
  EXPECT_EQ(schema::FindField("date"), nullptr);
}

TEST(SchemaTest, FieldPrefixesAreDistinctAndMultiLetterOnesStartWithX) {
  std::set<absl::string_view> prefixes;
  for (const schema::Field& field : schema::kFields) {
    EXPECT_TRUE(prefixes.insert(field.prefix).second) << "duplicate prefix " << field.prefix;
    if (field.prefix.size() > 1) {
      EXPECT_EQ(field.prefix[0], 'X') << field.name;
    }
  }
}

TEST(SchemaTest, KnownFieldNamesListsEveryFieldAndDateSorted) {
  std::vector<std::string> names = {"date"};
  for (const schema::Field& field : schema::kFields) names.emplace_back(field.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(schema::KnownFieldNames(), absl::StrJoin(names, ", "));
  EXPECT_THAT(schema::KnownFieldNames(), HasSubstr("date, dateline, "));
  EXPECT_THAT(schema::KnownFieldNames(), HasSubstr("id, "));
  EXPECT_THAT(schema::KnownFieldNames(), HasSubstr("source, title"));
}

// ---------------------------------------------------------------------------------------
// Id terms

TEST(SchemaTest, IdTermIsTheIdBehindPrefixQ) {
  EXPECT_EQ(schema::IdTerm("reuters-0001"), "Qreuters-0001");
  EXPECT_EQ(schema::IdTerm("https://example.com/a?b=c"), "Qhttps://example.com/a?b=c");
  EXPECT_EQ(schema::IdTerm("a/b.txt"), "Qa/b.txt");
}

TEST(SchemaTest, IdTermKeepsIdsThatFitUnchanged) {
  const std::string id(239, 'a');  // "Q" + 239 bytes = 240, the longest kept as is
  EXPECT_EQ(schema::IdTerm(id), "Q" + id);
}

TEST(SchemaTest, IdTermOfLongIdsFitsXapianAndStaysDistinct) {
  const std::string common(300, 'x');
  const std::vector<std::string> ids = {common + "1",
                                        common + "2",
                                        common + "10",
                                        std::string(240, 'a'),
                                        std::string(241, 'a'),
                                        std::string(1000, 'a'),
                                        std::string(240, 'a') + "b"};
  std::set<std::string> terms;
  for (const std::string& id : ids) {
    const std::string term = schema::IdTerm(id);
    EXPECT_LE(term.size(), 245u) << id.size();
    EXPECT_THAT(term, StartsWith("Q"));
    // Deterministic: the same id always gives the same term.
    EXPECT_EQ(term, schema::IdTerm(id));
    terms.insert(term);
  }
  EXPECT_EQ(terms.size(), ids.size());
}

TEST(SchemaTest, LongIdTermIsAcceptedByXapianAsUniqueTerm) {
  TempDir dir;
  Xapian::WritableDatabase db(dir.path() + "/db", Xapian::DB_CREATE_OR_OPEN);
  const std::string id_a = std::string(400, 'p') + "/a.txt";
  const std::string id_b = std::string(400, 'p') + "/b.txt";
  Xapian::Document doc_a;
  doc_a.add_boolean_term(schema::IdTerm(id_a));
  doc_a.set_data("a");
  Xapian::Document doc_b;
  doc_b.add_boolean_term(schema::IdTerm(id_b));
  doc_b.set_data("b");
  db.replace_document(schema::IdTerm(id_a), doc_a);
  db.replace_document(schema::IdTerm(id_b), doc_b);
  db.replace_document(schema::IdTerm(id_a), doc_a);
  db.commit();
  EXPECT_EQ(db.get_doccount(), 2u);
  EXPECT_EQ(db.get_termfreq(schema::IdTerm(id_a)), 1u);
  EXPECT_EQ(db.get_termfreq(schema::IdTerm(id_b)), 1u);
}

// ---------------------------------------------------------------------------------------
// Stored articles

// The article as the index gives it back: display value and document data decoded.
absl::StatusOr<StoredArticle> RoundTrip(const StoredArticle& article) {
  return DecodeStoredArticle(EncodeDisplayRecord(article), EncodeStoredBodies(article));
}

TEST(SchemaTest, StoredArticleRoundTripKeepsEveryField) {
  StoredArticle article{.id = "reuters/0001",
                        .title = "Bahia cocoa review",
                        .date = "1987-02-26T15:01:01Z",
                        .source = "Reuters",
                        .url = "https://example.com/cocoa",
                        .dateline = "SALVADOR",
                        .authors = {"Ana Ruiz", "Li Wei"},
                        .body = "Showers continued throughout the week\nin the Bahia cocoa zone.",
                        .original_body =
                            "By Staff\nShowers continued throughout the week\nin the "
                            "Bahia cocoa zone."};
  absl::StatusOr<StoredArticle> decoded = RoundTrip(article);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(decoded->id, "reuters/0001");
  EXPECT_EQ(decoded->title, "Bahia cocoa review");
  EXPECT_EQ(decoded->date, "1987-02-26T15:01:01Z");
  EXPECT_EQ(decoded->source, "Reuters");
  EXPECT_EQ(decoded->url, "https://example.com/cocoa");
  EXPECT_EQ(decoded->dateline, "SALVADOR");
  EXPECT_THAT(decoded->authors, ElementsAre("Ana Ruiz", "Li Wei"));
  EXPECT_EQ(decoded->body, "Showers continued throughout the week\nin the Bahia cocoa zone.");
  EXPECT_EQ(decoded->original_body,
            "By Staff\nShowers continued throughout the week\nin the Bahia cocoa zone.");
}

// The original body is stored as its difference from the cleaned one, so a body that
// cleaning barely touched (a wire sign-off cut) is not stored twice.
TEST(SchemaTest, StoredBodiesKeepTheOriginalBodyAsItsDifference) {
  const std::string body(2000, 'x');
  StoredArticle article;
  article.id = "r1";
  article.body = body + "\nThe end.";
  for (const std::string& original :
       {body + "\nThe end.\n Reuter", "By Staff\n" + body + "\nThe end.",
        body + "\nPHOTO: a caption\nThe end.", std::string("totally different"),
        std::string("x")}) {
    article.original_body = original;
    const std::string data = EncodeStoredBodies(article);
    EXPECT_LT(data.size(), article.body.size() + 40) << original.substr(0, 30);
    StoredArticle decoded;
    ASSERT_EQ(DecodeStoredBodies(data, &decoded), absl::OkStatus());
    EXPECT_EQ(decoded.original_body, original);
    EXPECT_EQ(decoded.body, article.body);
  }
}

// The bodies are bytes: multi-byte characters that differ in their last byte ("é" and "è"),
// and bytes that are not UTF-8 at all, come back as they went in.
TEST(SchemaTest, StoredBodiesKeepBytesAsTheyAre) {
  for (const auto& [cleaned, original] :
       std::vector<std::pair<std::string, std::string>>{{"café au lait", "cafè au lait"},
                                                        {"Köln 東京", "Köln 京京"},
                                                        {"ab😀", "ab😁"},
                                                        {"naïve", "naïve text"},
                                                        {"a\377b", "a\377\376b"}}) {
    StoredArticle article;
    article.body = cleaned;
    article.original_body = original;
    StoredArticle decoded;
    ASSERT_EQ(DecodeStoredBodies(EncodeStoredBodies(article), &decoded), absl::OkStatus());
    EXPECT_EQ(decoded.body, cleaned);
    EXPECT_EQ(decoded.original_body, original);
  }
}

// An uncleaned article's document data is its body behind its length, nothing more.
TEST(SchemaTest, StoredBodiesOfAnUncleanedArticleAreTheBodyAlone) {
  StoredArticle article;
  article.id = "x";
  article.title = "A title";
  article.body = "Some text.";
  EXPECT_EQ(EncodeStoredBodies(article), "\x0aSome text.");
  StoredArticle decoded;
  decoded.original_body = "left over";
  ASSERT_EQ(DecodeStoredBodies(EncodeStoredBodies(article), &decoded), absl::OkStatus());
  EXPECT_EQ(decoded.body, "Some text.");
  EXPECT_EQ(decoded.original_body, "");
}

TEST(SchemaTest, StoredArticleRoundTripKeepsUtf8AndSpecialCharacters) {
  StoredArticle article{.id = "ид-1",
                        .title = "Café “quotes” — 東京 🚀",
                        .date = "",
                        .source = "Le Monde",
                        .url = "",
                        .dateline = "ZÜRICH",
                        .body = "Tab\there, quote \" backslash \\ and newline\n, emoji 😀",
                        .original_body = ""};
  absl::StatusOr<StoredArticle> decoded = RoundTrip(article);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(*decoded, article);
}

TEST(SchemaTest, StoredArticleRoundTripOfEmptyFieldsGivesEmptyStrings) {
  StoredArticle article;
  article.id = "only-id";
  absl::StatusOr<StoredArticle> decoded = RoundTrip(article);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(decoded->id, "only-id");
  EXPECT_EQ(decoded->title, "");
  EXPECT_EQ(decoded->date, "");
  EXPECT_EQ(decoded->body, "");
  EXPECT_EQ(decoded->original_body, "");
}

TEST(SchemaTest, StoredBodiesDecodeOfGarbageOrTruncationIsDataLoss) {
  StoredArticle article;
  article.body = "Clean text.";
  article.original_body = "By Staff\nClean text. Reuter";
  const std::string data = EncodeStoredBodies(article);
  for (size_t size = 0; size < data.size(); ++size) {
    StoredArticle decoded;
    const absl::Status status =
        DecodeStoredBodies(absl::string_view(data).substr(0, size), &decoded);
    // Cut right after the body, the data is an uncleaned article's: that is no loss.
    if (size == article.body.size() + 1) {
      EXPECT_EQ(status, absl::OkStatus());
      continue;
    }
    EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss) << "first " << size;
    EXPECT_THAT(Message(status), HasSubstr("re-index"));
  }
  StoredArticle decoded;
  EXPECT_EQ(DecodeStoredBodies(data + "x", &decoded).code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(DecodeStoredBodies("\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF", &decoded).code(),
            absl::StatusCode::kDataLoss);
  // Document data of schema version 6 and before (a JSON object) is refused, not misread.
  EXPECT_EQ(DecodeStoredBodies(R"({"b":"Clean text.","i":"1","t":"T"})", &decoded).code(),
            absl::StatusCode::kDataLoss);
  // A difference that does not fit the body is data loss, not a crash.
  EXPECT_EQ(DecodeStoredBodies(absl::string_view("\x05short\x04\x03\x01x", 10), &decoded).code(),
            absl::StatusCode::kDataLoss);
}

// An article with every field and entity kind set, for the encodings below.
StoredArticle FullArticle() {
  return StoredArticle{
      .id = "rss-0007",
      .title = "Café “talks” — 東京 🚀",
      .date = "2025-08-20T14:05:00Z",
      .source = "Continental Wire",
      .url = "https://wire.example/7",
      .dateline = "KYIV",
      .body = "Tab\there, \"quote\" \\ slash / and \x01 control\nZelenskyy said: “No.” 😀",
      .original_body = "By Staff\nTab\there",
      .people = {{.name = "Volodymyr Zelenskyy", .key = "volodymyr zelensky", .mentions = 3}},
      .locations = {{.name = "Kiev",
                     .canonical = "Kyiv",
                     .key = "kyiv",
                     .kind = "city",
                     .country = "UA",
                     .mentions = 2},
                    {.name = "Ukraine",
                     .canonical = "Ukraine",
                     .key = "ukraine",
                     .kind = "country",
                     .country = "UA",
                     .mentions = 1}},
      .dateline_place = {.name = "KYIV",
                         .canonical = "Kyiv",
                         .key = "kyiv",
                         .kind = "city",
                         .country = "UA",
                         .mentions = 1},
      .quotes = {{.text = "No.",
                  .speaker = "Volodymyr Zelenskyy",
                  .speaker_key = "volodymyr zelensky",
                  .begin = 60,
                  .end = 63}},
  };
}

TEST(SchemaTest, StoredArticleRoundTripKeepsEntities) {
  const StoredArticle article = FullArticle();
  absl::StatusOr<StoredArticle> decoded = RoundTrip(article);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(*decoded, article);
}

TEST(SchemaTest, ReadStoredArticleDecodesADocumentsValueAndData) {
  const StoredArticle article = FullArticle();
  Xapian::Document document;
  document.set_data(EncodeStoredBodies(article));
  absl::StatusOr<StoredArticle> read = ReadStoredArticle(document);
  // Without its display value a document is not this schema's.
  EXPECT_EQ(read.status().code(), absl::StatusCode::kDataLoss);
  document.add_value(schema::kDisplaySlot, EncodeDisplayRecord(article));
  read = ReadStoredArticle(document);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(*read, article);
}

TEST(SchemaTest, StoredBodyOfReadsTheBodyInPlace) {
  const StoredArticle article = FullArticle();
  const std::string data = EncodeStoredBodies(article);
  absl::StatusOr<absl::string_view> body = StoredBodyOf(data);
  ASSERT_TRUE(body.ok()) << body.status();
  EXPECT_EQ(*body, article.body);
  EXPECT_GE(body->data(), data.data());  // a view into the data, not a copy
  EXPECT_LE(body->data() + body->size(), data.data() + data.size());
  body = StoredBodyOf(EncodeStoredBodies(StoredArticle()));
  ASSERT_TRUE(body.ok()) << body.status();
  EXPECT_EQ(*body, "");
}

TEST(SchemaTest, StoredBodyOfGarbageIsDataLoss) {
  for (absl::string_view garbage : {absl::string_view(""), absl::string_view("\005abc"),
                                    absl::string_view("\x80"), absl::string_view(R"({"b":"x"})")}) {
    EXPECT_EQ(StoredBodyOf(garbage).status().code(), absl::StatusCode::kDataLoss)
        << "input: " << std::string(garbage);
  }
}

TEST(SchemaTest, DisplayRecordRoundTripKeepsEverythingButTheBodies) {
  StoredArticle article = FullArticle();
  const std::string value = EncodeDisplayRecord(article);
  absl::StatusOr<StoredArticle> decoded = DecodeDisplayRecord(value);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_THAT(value, Not(HasSubstr("control\nZelenskyy")));  // no body in it
  article.body.clear();
  article.original_body.clear();
  EXPECT_EQ(*decoded, article);
}

TEST(SchemaTest, DisplayRecordOfAnEmptyArticleRoundTrips) {
  absl::StatusOr<StoredArticle> decoded = DecodeDisplayRecord(EncodeDisplayRecord({}));
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(*decoded, StoredArticle());
}

TEST(SchemaTest, DisplayRecordDecodeOfGarbageOrTruncationIsDataLoss) {
  const std::string data = EncodeDisplayRecord(FullArticle());
  for (size_t size = 0; size < data.size(); ++size) {
    const absl::StatusOr<StoredArticle> decoded =
        DecodeDisplayRecord(absl::string_view(data).substr(0, size));
    EXPECT_EQ(decoded.status().code(), absl::StatusCode::kDataLoss) << "first " << size;
  }
  EXPECT_EQ(DecodeDisplayRecord(data + "x").status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(DecodeDisplayRecord("\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF").status().code(),
            absl::StatusCode::kDataLoss);
  EXPECT_THAT(Message(DecodeDisplayRecord("").status()), HasSubstr("re-index"));
}

// ---------------------------------------------------------------------------------------
// Date terms

TEST(SchemaTest, DateTermsAreDayMonthAndYear) {
  EXPECT_THAT(schema::DateTerms("20250820"), ElementsAre("D20250820", "M202508", "Y2025"));
  EXPECT_THAT(schema::DateTerms(""), IsEmpty());
  EXPECT_THAT(schema::DateTerms("2025082"), IsEmpty());
  EXPECT_THAT(schema::DateTerms("2025-8-20"), IsEmpty());
}

TEST(SchemaTest, DayTermAndNextDay) {
  EXPECT_EQ(schema::DayTerm("20250820"), "D20250820");
  EXPECT_EQ(schema::DayTerm("20250230"), "");
  EXPECT_EQ(schema::DayTerm("2025082"), "");
  EXPECT_EQ(schema::NextDay("20250820"), "20250821");
  EXPECT_EQ(schema::NextDay("20250831"), "20250901");
  EXPECT_EQ(schema::NextDay("20240228"), "20240229");
  EXPECT_EQ(schema::NextDay("20240229"), "20240301");
  EXPECT_EQ(schema::NextDay("20230228"), "20230301");
  EXPECT_EQ(schema::NextDay("20251231"), "20260101");
  EXPECT_EQ(schema::NextDay("20230229"), "");
  EXPECT_EQ(schema::NextDay(""), "");
}

TEST(SchemaTest, DateRangeTermsTakeWholeYearsAndMonthsWhereTheyFit) {
  EXPECT_THAT(schema::DateRangeTerms("20250830", "20251002"),
              ElementsAre("D20250830", "D20250831", "M202509", "D20251001", "D20251002"));
  EXPECT_THAT(schema::DateRangeTerms("20250820", "20250820"), ElementsAre("D20250820"));
  EXPECT_THAT(schema::DateRangeTerms("20240201", "20240229"), ElementsAre("M202402"));
  EXPECT_THAT(schema::DateRangeTerms("20230201", "20230228"), ElementsAre("M202302"));
  EXPECT_THAT(
      schema::DateRangeTerms("20240201", "20240228"),  // 2024 is a leap year
      ElementsAre("D20240201", "D20240202", "D20240203", "D20240204", "D20240205", "D20240206",
                  "D20240207", "D20240208", "D20240209", "D20240210", "D20240211", "D20240212",
                  "D20240213", "D20240214", "D20240215", "D20240216", "D20240217", "D20240218",
                  "D20240219", "D20240220", "D20240221", "D20240222", "D20240223", "D20240224",
                  "D20240225", "D20240226", "D20240227", "D20240228"));
  EXPECT_THAT(schema::DateRangeTerms("19991231", "20020101"),
              ElementsAre("D19991231", "Y2000", "Y2001", "D20020101"));
  EXPECT_THAT(schema::DateRangeTerms("19991101", "20000229"),
              ElementsAre("M199911", "M199912", "M200001", "M200002"));
  EXPECT_THAT(schema::DateRangeTerms("20251002", "20250830"), IsEmpty());
  EXPECT_THAT(schema::DateRangeTerms("20250230", "20250301"), IsEmpty());
  EXPECT_THAT(schema::DateRangeTerms("", "20250301"), IsEmpty());
}

// Every day from 1999-11-20 to 2001-03-10 against every range over it that starts or ends
// on a sample of days: a day is in the range exactly when one of the range's terms is one
// of the day's terms.
TEST(SchemaTest, DateRangeTermsCoverExactlyTheDaysOfTheRange) {
  std::vector<std::string> days;
  for (int year = 1999; year <= 2001; ++year) {
    for (int month = 1; month <= 12; ++month) {
      for (int day = 1; day <= 31; ++day) {
        const std::string value = absl::StrFormat("%04d%02d%02d", year, month, day);
        if (value < "19991120" || value > "20010310") continue;
        if (!ParseNewsDate(absl::StrFormat("%04d-%02d-%02d", year, month, day))) continue;
        days.push_back(value);
      }
    }
  }
  ASSERT_EQ(days.size(), 477u);
  for (size_t i = 0; i + 1 < days.size(); ++i) {
    ASSERT_EQ(schema::NextDay(days[i]), days[i + 1]);
    ASSERT_EQ(schema::DayTerm(days[i]), schema::DateTerms(days[i])[0]);
  }
  for (size_t i = 0; i < days.size(); i += 7) {
    for (size_t j = i; j < days.size(); j += 11) {
      const std::vector<std::string> range = schema::DateRangeTerms(days[i], days[j]);
      const std::set<std::string> terms(range.begin(), range.end());
      ASSERT_EQ(terms.size(), range.size());
      for (const std::string& day : days) {
        bool covered = false;
        for (const std::string& term : schema::DateTerms(day)) covered |= terms.count(term) > 0;
        ASSERT_EQ(covered, days[i] <= day && day <= days[j])
            << day << " in " << days[i] << ".." << days[j];
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// Schema version

TEST(SchemaTest, CheckSchemaVersionAcceptsTheCurrentVersion) {
  TempDir dir;
  const std::string path = dir.path() + "/db";
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    db.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kSchemaVersion));
    Xapian::Document doc;
    doc.add_term("hello");
    db.add_document(doc);
    db.commit();
  }
  Xapian::Database db(path);
  ASSERT_EQ(db.get_doccount(), 1u);
  EXPECT_EQ(schema::CheckSchemaVersion(db, path), absl::OkStatus());
}

TEST(SchemaTest, CheckSchemaVersionRejectsAnotherVersionAndSaysToReindex) {
  TempDir dir;
  const std::string path = dir.path() + "/db";
  const std::string other = std::to_string(schema::kSchemaVersion + 41);
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    db.set_metadata(std::string(schema::kSchemaVersionKey), other);
    db.commit();
  }
  Xapian::Database db(path);
  const absl::Status status = schema::CheckSchemaVersion(db, path);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(status), HasSubstr(path));
  EXPECT_THAT(Message(status), HasSubstr("schema version " + other));
  EXPECT_THAT(Message(status), HasSubstr("version " + std::to_string(schema::kSchemaVersion)));
  EXPECT_THAT(Message(status), HasSubstr("re-index"));
}

TEST(SchemaTest, CheckSchemaVersionRejectsANonEmptyIndexWithoutAVersion) {
  TempDir dir;
  const std::string path = dir.path() + "/db";
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    Xapian::Document doc;
    doc.add_term("hello");
    db.add_document(doc);
    db.commit();
  }
  Xapian::Database db(path);
  const absl::Status status = schema::CheckSchemaVersion(db, path);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(status), HasSubstr("(none)"));
  EXPECT_THAT(Message(status), HasSubstr("re-index"));
}

TEST(SchemaTest, CheckSchemaVersionAcceptsAnEmptyIndex) {
  TempDir dir;
  const std::string path = dir.path() + "/db";
  { Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN); }
  Xapian::Database db(path);
  EXPECT_EQ(schema::CheckSchemaVersion(db, path), absl::OkStatus());
}

TEST(SchemaTest, CheckSchemaVersionWorksOnAnInMemoryDatabase) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  EXPECT_EQ(schema::CheckSchemaVersion(db, "mem"), absl::OkStatus());
  Xapian::Document doc;
  doc.add_term("x");
  db.add_document(doc);
  EXPECT_EQ(schema::CheckSchemaVersion(db, "mem").code(), absl::StatusCode::kFailedPrecondition);
  db.set_metadata(std::string(schema::kSchemaVersionKey), std::to_string(schema::kSchemaVersion));
  EXPECT_EQ(schema::CheckSchemaVersion(db, "mem"), absl::OkStatus());
}

// ---------------------------------------------------------------------------------------
// Xapian error mapping

TEST(SchemaTest, QueryParserErrorMapsToInvalidArgumentWithContextFirst) {
  const absl::Status status = internal::XapianErrorToStatus(
      Xapian::QueryParserError("Syntax: <expression> AND <expression>"), "parsing query \"a AND\"");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Message(status), "parsing query \"a AND\": Syntax: <expression> AND <expression>");
}

TEST(SchemaTest, DatabaseLockErrorMapsToUnavailableAndSaysLocked) {
  const absl::Status status = internal::XapianErrorToStatus(
      Xapian::DatabaseLockError("Unable to get write lock on /tmp/i: already locked"),
      "opening index /tmp/i");
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(Message(status), StartsWith("opening index /tmp/i: "));
  EXPECT_THAT(Message(status), HasSubstr("locked"));
}

// Issue point 5: every lock failure was "locked by another writer", also a lock file that
// cannot be made (EACCES: a folder of another user; EROFS; a directory in its place).
TEST(SchemaTest, LeftoversAndWrongMessagesALockFileThatCannotBeTakenIsNotAnotherWriter) {
  const absl::Status denied = internal::XapianErrorToStatus(
      Xapian::DatabaseLockError(
          "Unable to get write lock on /srv/i: Couldn't open lockfile: Permission denied"),
      "opening index /srv/i for writing");
  EXPECT_EQ(denied.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(Message(denied), StartsWith("opening index /srv/i for writing: Unable to get write "
                                          "lock on /srv/i: Couldn't open lockfile: Permission"));
  EXPECT_THAT(Message(denied), HasSubstr("check their owner and permissions"));
  EXPECT_THAT(Message(denied), Not(HasSubstr("another")));

  const absl::Status odd = internal::XapianErrorToStatus(
      Xapian::DatabaseLockError(
          "Unable to get write lock on /srv/i: Couldn't open lockfile: Is a directory"),
      "opening index /srv/i for writing");
  EXPECT_EQ(odd.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(odd), HasSubstr("Is a directory"));
  EXPECT_THAT(Message(odd), HasSubstr("no other writer holds the lock"));

  // Unreadable is not missing (which would get the "create one with" hint).
  const absl::Status unreadable = internal::XapianErrorToStatus(
      Xapian::DatabaseOpeningError("Couldn't open /srv/i/iamglass", EACCES),
      "opening index /srv/i");
  EXPECT_EQ(unreadable.code(), absl::StatusCode::kPermissionDenied);
}

TEST(SchemaTest, DatabaseCorruptErrorMapsToDataLoss) {
  const absl::Status status =
      internal::XapianErrorToStatus(Xapian::DatabaseCorruptError("bad block"), "reading");
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(Message(status), "reading: bad block");
}

TEST(SchemaTest, DatabaseNotFoundAndOpeningErrorsMapToNotFound) {
  const absl::Status not_found =
      internal::XapianErrorToStatus(Xapian::DatabaseNotFoundError("no such db"), "opening /x");
  EXPECT_EQ(not_found.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Message(not_found), "opening /x: no such db");
  const absl::Status opening =
      internal::XapianErrorToStatus(Xapian::DatabaseOpeningError("cannot open"), "opening /y");
  EXPECT_EQ(opening.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Message(opening), "opening /y: cannot open");
}

// Issue point 5: a corrupt static index was told "the index changed underneath"; the
// message now names both causes (a writer, or damage) and what to do for each.
TEST(SchemaTest, DatabaseModifiedErrorMapsToAbortedAndSaysRepeatOrCheck) {
  const absl::Status status =
      internal::XapianErrorToStatus(Xapian::DatabaseModifiedError("revision gone"), "searching");
  EXPECT_EQ(status.code(), absl::StatusCode::kAborted);
  EXPECT_THAT(Message(status), StartsWith("searching: revision gone"));
  EXPECT_THAT(Message(status), HasSubstr("changed while it was read, or it is damaged"));
  EXPECT_THAT(Message(status), HasSubstr("repeat, and if it persists run newsgrep check"));
}

TEST(SchemaTest, OtherXapianErrorsMapToInternalAndNameTheType) {
  const absl::Status status =
      internal::XapianErrorToStatus(Xapian::InvalidArgumentError("term too long"), "indexing a");
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(Message(status), StartsWith("indexing a: term too long"));
  EXPECT_THAT(Message(status), HasSubstr("InvalidArgumentError"));
}

TEST(SchemaTest, RealLockErrorFromASecondWriterMapsToUnavailable) {
  TempDir dir;
  const std::string path = dir.path() + "/db";
  Xapian::WritableDatabase first(path, Xapian::DB_CREATE_OR_OPEN);
  absl::Status status;
  try {
    Xapian::WritableDatabase second(path, Xapian::DB_OPEN);
    status = absl::OkStatus();
  } catch (const Xapian::Error& e) {
    status = internal::XapianErrorToStatus(e, "opening " + path);
  }
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(Message(status), HasSubstr("locked"));
}

TEST(SchemaTest, RealMissingDatabaseMapsToNotFound) {
  TempDir dir;
  absl::Status status;
  try {
    Xapian::Database db(dir.path() + "/does-not-exist");
    status = absl::OkStatus();
  } catch (const Xapian::Error& e) {
    status = internal::XapianErrorToStatus(e, "opening");
  }
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
}

// ---------------------------------------------------------------------------------------
// Analysis

// The terms of `doc` with their positions.
std::vector<std::pair<std::string, std::vector<Xapian::termpos>>> TermsWithPositions(
    const Xapian::Document& doc) {
  std::vector<std::pair<std::string, std::vector<Xapian::termpos>>> out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    std::vector<Xapian::termpos> positions(t.positionlist_begin(), t.positionlist_end());
    out.emplace_back(*t, positions);
  }
  return out;
}

// Each word once, as its stem, with its position (numbers too); no unstemmed copies.
TEST(SchemaTest, AnalysisTermGeneratorIndexesOnlyStemmedTermsWithPositions) {
  Xapian::TermGenerator generator;
  analysis::ConfigureTermGenerator(generator);
  Xapian::Document doc;
  generator.set_document(doc);
  generator.index_text("Security guarantees for the region in 2025");
  using Entry = std::pair<std::string, std::vector<Xapian::termpos>>;
  EXPECT_THAT(
      TermsWithPositions(doc),
      ::testing::UnorderedElementsAre(Entry{"Zsecur", {1}}, Entry{"Zguarante", {2}},
                                      Entry{"Zfor", {3}}, Entry{"Zthe", {4}}, Entry{"Zregion", {5}},
                                      Entry{"Zin", {6}}, Entry{"Z2025", {7}}));
}

TEST(SchemaTest, AnalysisTermGeneratorIndexesStopwords) {
  Xapian::TermGenerator generator;
  analysis::ConfigureTermGenerator(generator);
  Xapian::Document doc;
  generator.set_document(doc);
  generator.index_text("to be or not to be");
  std::set<std::string> terms(doc.termlist_begin(), doc.termlist_end());
  EXPECT_TRUE(terms.count("Zto"));
  EXPECT_TRUE(terms.count("Zbe"));
  EXPECT_TRUE(terms.count("Zor"));
}

// The collector gets every distinct word indexed, lower case and unstemmed, in any field.
TEST(SchemaTest, AnalysisWordCollectorGetsEachWordIndexedOnce) {
  analysis::WordCollector words;
  Xapian::TermGenerator generator;
  analysis::ConfigureTermGenerator(generator, &words);
  Xapian::Document doc;
  generator.set_document(doc);
  generator.index_text("Security guarantees, security talks");
  generator.index_text("Kyiv", 1, "XLOC");
  EXPECT_THAT(words.Take(),
              ::testing::UnorderedElementsAre("security", "guarantees", "talks", "kyiv"));
  EXPECT_THAT(words.Take(), ::testing::IsEmpty());
}

// Take starts a new document: its words are collected again, even those the previous
// document had; Clear drops what was collected.
TEST(SchemaTest, AnalysisWordCollectorCollectsEachDocumentsWords) {
  analysis::WordCollector words;
  Xapian::TermGenerator generator;
  analysis::ConfigureTermGenerator(generator, &words);
  Xapian::Document doc;
  generator.set_document(doc);
  generator.index_text("security talks");
  EXPECT_THAT(words.Take(), ::testing::UnorderedElementsAre("security", "talks"));
  generator.index_text("Security pact");
  EXPECT_THAT(words.Take(), ::testing::UnorderedElementsAre("security", "pact"));
  generator.index_text("talks");
  words.Clear();
  generator.index_text("pact");
  EXPECT_THAT(words.Take(), ::testing::ElementsAre("pact"));
}

// More distinct words than the stemmer's memo keeps: each is collected once all the same.
TEST(SchemaTest, AnalysisWordCollectorHasNoRepeatsAcrossMemoResets) {
  analysis::WordCollector words;
  Xapian::TermGenerator generator;
  analysis::ConfigureTermGenerator(generator, &words);
  Xapian::Document doc;
  generator.set_document(doc);
  std::string text;
  constexpr int kWords = 70000;  // the memo keeps 65,536
  for (int i = 0; i < kWords; ++i) absl::StrAppend(&text, "w", i, " ");
  generator.index_text(text);
  generator.index_text("w1 w2 w69999");  // w1, w2: forgotten by the memo by now
  const std::vector<std::string> taken = words.Take();
  EXPECT_EQ(taken.size(), static_cast<size_t>(kWords));
  EXPECT_EQ(std::set<std::string>(taken.begin(), taken.end()).size(), taken.size());
}

TEST(SchemaTest, AnalysisStemmedTermIsWhatTheGeneratorIndexes) {
  Xapian::TermGenerator generator;
  analysis::ConfigureTermGenerator(generator);
  Xapian::Document doc;
  generator.set_document(doc);
  generator.index_text("negotiations", 1, "XQUOTE");
  EXPECT_EQ(*doc.termlist_begin(),
            analysis::StemmedTerm(analysis::Stemmer(), "XQUOTE", "negotiations"));
  EXPECT_EQ(analysis::StemmedTerm(analysis::Stemmer(), "", "negotiations"), "Znegoti");
}

// The generator's memoising stemmer gives exactly Snowball's stems, also once its memo has
// been cleared (more distinct words than it keeps) and for words seen again after that.
TEST(SchemaTest, AnalysisTermGeneratorStemsAsSnowballDoesAcrossMemoResets) {
  Xapian::TermGenerator generator;
  analysis::ConfigureTermGenerator(generator);
  Xapian::Stem snowball = analysis::Stemmer();
  std::string text;
  for (int i = 0; i < 70000; ++i) absl::StrAppend(&text, "runnings", i, "x guarantees ");
  absl::StrAppend(&text, "running guarantees nations nationally");
  Xapian::Document doc;
  generator.set_document(doc);
  generator.index_text(text);
  std::set<std::string> stems;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    if ((*it)[0] == 'Z') stems.insert((*it).substr(1));
  }
  std::set<std::string> expected;
  for (const std::string word : {"running", "guarantees", "nations", "nationally"}) {
    expected.insert(snowball(word));
  }
  for (int i = 0; i < 70000; ++i) expected.insert(snowball(absl::StrCat("runnings", i, "x")));
  EXPECT_EQ(stems, expected);
}

TEST(SchemaTest, AnalysisStemmerIsEnglish) {
  Xapian::Stem stem = analysis::Stemmer();
  EXPECT_EQ(stem("guarantees"), "guarante");
  EXPECT_EQ(stem("running"), "run");
}

// The searcher's highlighting stems only the words that analysis::CouldStemTo lets through
// (searcher/internal/highlight.cc): a stem keeps all but at most its last two bytes of the
// word, and is never longer than it.
TEST(SchemaTest, AnalysisStemmerKeepsAllButTheLastTwoBytesOfAStem) {
  const Xapian::Stem stemmer = analysis::Stemmer();
  std::vector<std::string> words = {"dying",
                                    "skies",
                                    "ties",
                                    "yelling",
                                    "ugly",
                                    "news",
                                    "generously",
                                    "communism",
                                    "arsenal",
                                    "\xC3\xA9"
                                    "coles",
                                    "\xC3\xBC"
                                    "ber",
                                    "possibility",
                                    "relational",
                                    "happy",
                                    "organization",
                                    "minister's",
                                    "agreed",
                                    "hopping"};
  std::ifstream dictionary("/usr/share/dict/words");  // wamerican, a build dependency
  for (std::string line; std::getline(dictionary, line);) {
    words.push_back(absl::AsciiStrToLower(line));
  }
  EXPECT_GT(words.size(), 50000u) << "the word list (wamerican) is missing";
  size_t two_bytes_rewritten = 0;
  for (const std::string& word : words) {
    if (word.empty()) continue;
    const std::string stem = stemmer(word);
    if (stem.empty()) continue;
    ASSERT_EQ(stem[0], word[0]) << word << " -> " << stem;
    ASSERT_LE(stem.size(), word.size()) << word << " -> " << stem;
    ASSERT_TRUE(analysis::CouldStemTo(word, stem)) << word << " -> " << stem;
    if (word.compare(0, stem.size() - 1, stem, 0, stem.size() - 1) != 0) ++two_bytes_rewritten;
  }
  // Keeping all but one byte would be wrong: some stems rewrite their last two (dying → die).
  EXPECT_GT(two_bytes_rewritten, 0u);
}

TEST(SchemaTest, CouldStemToRulesOutWordsThatCannotHaveTheStem) {
  EXPECT_TRUE(analysis::CouldStemTo("parties", "parti"));
  EXPECT_TRUE(analysis::CouldStemTo("party", "parti"));
  EXPECT_TRUE(analysis::CouldStemTo("dying", "die"));
  EXPECT_TRUE(analysis::CouldStemTo("possibility", "possibl"));
  EXPECT_FALSE(analysis::CouldStemTo("pact", "parti"));  // shares only "pa"
  EXPECT_FALSE(analysis::CouldStemTo("part", "parti"));  // shorter than the stem
  EXPECT_FALSE(analysis::CouldStemTo("members", "parti"));
  EXPECT_FALSE(analysis::CouldStemTo("", "parti"));
  EXPECT_FALSE(analysis::CouldStemTo("parti", ""));
}

TEST(SchemaTest, AnalysisQueryParserKnowsTheFieldPrefixes) {
  Xapian::QueryParser parser;
  analysis::ConfigureQueryParser(parser);
  EXPECT_THAT(parser.parse_query("title:guarantees").get_description(), HasSubstr("ZSguarante"));
  EXPECT_THAT(parser.parse_query("source:reuters").get_description(), HasSubstr("ZXSOURCEreuter"));
  EXPECT_THAT(parser.parse_query("dateline:london").get_description(),
              HasSubstr("ZXDATELINElondon"));
  // id: is a boolean filter: the exact term, unstemmed.
  const std::string id_query = parser.parse_query("cocoa id:abc-12").get_description();
  EXPECT_THAT(id_query, HasSubstr("Qabc-12"));
  EXPECT_THAT(id_query, HasSubstr("FILTER"));
}

TEST(SchemaTest, AnalysisQueryParserStemsLikeTheIndexAndMatchesItsTerms) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::TermGenerator generator;
  analysis::ConfigureTermGenerator(generator);
  Xapian::Document doc;
  generator.set_document(doc);
  generator.index_text("Security guarantees for the region");
  generator.increase_termpos(100);
  generator.index_text("Security guarantees for the region", 1, "S");
  db.add_document(doc);

  Xapian::QueryParser parser;
  analysis::ConfigureQueryParser(parser);
  parser.set_database(db);
  auto count = [&](const std::string& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(parser.parse_query(
        query, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PHRASE));
    return enquire.get_mset(0, 10).get_matches_estimated();
  };
  EXPECT_EQ(count("guarantee"), 1u);
  // A phrase matches stemmed forms, its last word too.
  EXPECT_EQ(count("\"securities guarantee for\""), 1u);
  EXPECT_EQ(count("\"security guarantee\""), 1u);
  EXPECT_EQ(count("title:guaranteed"), 1u);
  EXPECT_EQ(count("\"guarantee security\""), 0u);
  EXPECT_EQ(count("title:nothing"), 0u);
}

TEST(SchemaTest, AnalysisQueryParserDropsStopwordsOutsidePhrases) {
  Xapian::QueryParser parser;
  analysis::ConfigureQueryParser(parser);
  const std::string plain = parser.parse_query("the guarantees").get_description();
  EXPECT_THAT(plain, Not(HasSubstr("the")));
  EXPECT_THAT(plain, HasSubstr("Zguarante"));
  const std::string phrase =
      parser.parse_query("\"the guarantees\"", Xapian::QueryParser::FLAG_PHRASE).get_description();
  EXPECT_THAT(phrase, HasSubstr("the@1"));
}

}  // namespace
}  // namespace newsgrep
