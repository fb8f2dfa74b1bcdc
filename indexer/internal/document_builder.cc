/// @file document_builder.cc
/// @brief Article → Xapian::Document.
#include "internal/document_builder.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "newsgrep/analysis.h"
#include "newsgrep/schema.h"
#include "newsgrep/stored_article.h"

namespace newsgrep::internal {
namespace {

// Gap between fields so that neither a phrase nor NEAR can span two of them.
constexpr Xapian::termpos kFieldGap = 100;

}  // namespace

DocumentBuilder::DocumentBuilder() { analysis::ConfigureTermGenerator(generator_); }

Xapian::Document DocumentBuilder::Build(const Article& article, const Extras& extras) {
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

  document.add_boolean_term(schema::IdTerm(article.id));
  document.add_boolean_term(absl::StrCat(schema::kClusterPrefix, extras.cluster));
  document.add_value(schema::kClusterSlot, extras.cluster);
  for (const std::string& term : extras.band_terms) document.add_boolean_term(term);
  StoredArticle stored{.id = article.id,
                       .title = article.title,
                       .date = "",
                       .source = article.source,
                       .url = article.url,
                       .dateline = article.dateline,
                       .body = article.body,
                       .original_body = extras.original_body};
  if (article.date) {
    stored.date = article.date->Iso8601();
    document.add_value(schema::kDateSlot, article.date->DateValue());
    document.add_value(schema::kTimestampSlot, article.date->TimestampValue());
  }
  document.set_data(EncodeStoredArticle(stored));
  return document;
}

}  // namespace newsgrep::internal
