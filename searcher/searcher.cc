/// @file searcher.cc
/// @brief Query parsing, field boosts, ranking, snippets.
#include "newsgrep/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "internal/query_check.h"
#include "newsgrep/analysis.h"
#include "newsgrep/internal/status_macros.h"
#include "newsgrep/internal/xapian_status.h"
#include "newsgrep/schema.h"

namespace newsgrep {
namespace {

// Marks Xapian puts around highlighted words; control characters cannot occur in text.
constexpr char kHighlightStart[] = "\x01";
constexpr char kHighlightEnd[] = "\x02";

constexpr unsigned kParserFlags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_PURE_NOT;

// The term a free-text term `term` becomes under field prefix `prefix`, or "" when `term`
// is not a plain free-text term (a boolean filter, or already in a field).
std::string InField(absl::string_view term, absl::string_view prefix) {
  if (term.empty()) return "";
  if (term[0] == 'Z') {
    if (term.size() > 1 && absl::ascii_isupper(static_cast<unsigned char>(term[1]))) return "";
    return absl::StrCat("Z", prefix, term.substr(1));
  }
  if (absl::ascii_isupper(static_cast<unsigned char>(term[0]))) return "";
  return absl::StrCat(prefix, term);
}

// Adds, for each boosted free-text field, an optional clause that raises the weight of
// documents where the query's words occur in that field: AND_MAYBE never changes which
// documents match, only their order.
Xapian::Query WithFieldBoosts(const Xapian::Query& query) {
  Xapian::Query boosted = query;
  for (const schema::Field& field : schema::kFields) {
    if (field.kind != schema::FieldKind::kFreeText || field.boost <= 1.0) continue;
    std::vector<std::string> terms;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
      std::string term = InField(*it, field.prefix);
      if (!term.empty()) terms.push_back(std::move(term));
    }
    if (terms.empty()) continue;
    Xapian::Query field_terms(Xapian::Query::OP_OR, terms.begin(), terms.end());
    boosted = Xapian::Query(Xapian::Query::OP_AND_MAYBE, boosted,
                            Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, field_terms,
                                          field.boost - 1.0));
  }
  return boosted;
}

// Turns Xapian's HTML-escaped, marked snippet into plain text plus highlight spans.
void ParseSnippet(absl::string_view marked, std::string& text, std::vector<Highlight>& spans) {
  text.clear();
  spans.clear();
  bool space = false;
  for (size_t i = 0; i < marked.size(); ++i) {
    const char c = marked[i];
    if (c == kHighlightStart[0]) {
      if (space && !text.empty()) text += ' ';
      space = false;
      spans.push_back({text.size(), text.size()});
      continue;
    }
    if (c == kHighlightEnd[0]) {
      if (!spans.empty()) spans.back().end = text.size();
      continue;
    }
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && !text.empty()) text += ' ';
    space = false;
    if (c == '&') {
      static constexpr std::pair<absl::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool replaced = false;
      for (const auto& [entity, ch] : kEntities) {
        if (marked.substr(i, entity.size()) == entity) {
          text += ch;
          i += entity.size() - 1;
          replaced = true;
          break;
        }
      }
      if (replaced) continue;
    }
    text += c;
  }
}

}  // namespace

struct Searcher::State {
  std::vector<std::string> paths;
  Xapian::Database db;
  Xapian::QueryParser parser;
  Xapian::Stem stemmer = analysis::Stemmer();
};

Searcher::Searcher(std::unique_ptr<State> state) : state_(std::move(state)) {}
Searcher::~Searcher() = default;

absl::StatusOr<std::unique_ptr<Searcher>> Searcher::Open(
    const std::vector<std::string>& db_paths) {
  if (db_paths.empty()) return absl::InvalidArgumentError("no index to open");
  auto state = std::make_unique<State>();
  state->paths = db_paths;
  for (const std::string& path : db_paths) {
    try {
      Xapian::Database shard(path);
      NEWSGREP_RETURN_IF_ERROR(schema::CheckSchemaVersion(shard, path));
      state->db.add_database(shard);
    } catch (const Xapian::Error& e) {
      return internal::XapianErrorToStatus(e, absl::StrCat("opening index ", path));
    }
  }
  analysis::ConfigureQueryParser(state->parser);
  state->parser.set_database(state->db);
  state->parser.set_default_op(Xapian::Query::OP_AND);
  state->parser.add_rangeprocessor(
      (new Xapian::DateRangeProcessor(schema::kDateSlot, "date:"))->release());
  return std::unique_ptr<Searcher>(new Searcher(std::move(state)));
}

absl::Status Searcher::Reopen() {
  try {
    state_->db.reopen();
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, "reopening index");
  }
  return absl::OkStatus();
}

size_t Searcher::article_count() const { return state_->db.get_doccount(); }

absl::StatusOr<SearchResults> Searcher::Search(absl::string_view query_text,
                                               const SearchOptions& options) {
  NEWSGREP_RETURN_IF_ERROR(internal::CheckQuerySyntax(query_text));
  Xapian::Query query;
  try {
    query = state_->parser.parse_query(std::string(query_text), kParserFlags);
  } catch (const Xapian::QueryParserError& e) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot parse query \"", query_text, "\": ", e.get_msg()));
  } catch (const Xapian::Error& e) {
    return internal::XapianErrorToStatus(e, absl::StrCat("parsing query \"", query_text, "\""));
  }
  if (query.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "query \"", query_text, "\" has no searchable words (only stopwords or punctuation)"));
  }
  query = WithFieldBoosts(query);

  // A DatabaseModifiedError means a writer committed twice while we read: reopen, retry.
  for (int attempt = 0;; ++attempt) {
    try {
      Xapian::Enquire enquire(state_->db);
      enquire.set_query(query);
      if (options.sort == SortOrder::kNewest) {
        enquire.set_sort_by_value_then_relevance(schema::kTimestampSlot, true);
      }
      const Xapian::doccount check_at_least =
          options.exact_count ? state_->db.get_doccount() : 0;
      Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                                           static_cast<Xapian::doccount>(options.limit),
                                           check_at_least);
      SearchResults results;
      results.total = mset.get_matches_estimated();
      results.total_is_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
      size_t rank = options.offset;
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        NEWSGREP_ASSIGN_OR_RETURN(StoredArticle stored,
                                  DecodeStoredArticle(it.get_document().get_data()));
        Hit hit;
        hit.rank = ++rank;
        hit.score = it.get_weight();
        if (options.snippets) {
          const std::string& text = stored.body.empty() ? stored.title : stored.body;
          const std::string marked =
              mset.snippet(text, options.snippet_length, state_->stemmer,
                           Xapian::MSet::SNIPPET_BACKGROUND_MODEL |
                               Xapian::MSet::SNIPPET_EXHAUSTIVE,
                           kHighlightStart, kHighlightEnd, "…");
          ParseSnippet(marked, hit.snippet, hit.highlights);
        }
        stored.body.clear();
        hit.article = std::move(stored);
        results.hits.push_back(std::move(hit));
      }
      return results;
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt >= 2) {
        return internal::XapianErrorToStatus(e, absl::StrCat("searching \"", query_text, "\""));
      }
      NEWSGREP_RETURN_IF_ERROR(Reopen());
    } catch (const Xapian::Error& e) {
      return internal::XapianErrorToStatus(e, absl::StrCat("searching \"", query_text, "\""));
    }
  }
}

}  // namespace newsgrep
