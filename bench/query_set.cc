// SPDX-License-Identifier: GPL-2.0-or-later
/// @file query_set.cc
/// @brief Deriving, writing and reading the query set.
#include "query_set.h"

#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "bench_util.h"
#include "corpus.h"
#include "engines.h"
#include "newsgrep/analysis.h"

namespace newsgrep::bench {
namespace {

constexpr std::pair<QueryClass, std::string_view> kClassNames[] = {
    {QueryClass::kTerm, "term"},
    {QueryClass::kAnd, "and"},
    {QueryClass::kPhrase2, "phrase2"},
    {QueryClass::kPhrase3, "phrase3"},
    {QueryClass::kNear, "near"},
    {QueryClass::kAdj, "adj"},
    {QueryClass::kDate, "date"},
    {QueryClass::kPerson, "person"},
    {QueryClass::kLocation, "location"},
    {QueryClass::kQuote, "quote"},
    {QueryClass::kDup, "dup"}};

// A whitespace-separated token. Only "simple" tokens (ASCII letters only) are used in
// queries, and only runs of simple tokens for phrases and proximity: every engine's
// tokenizer splits those identically, so positions agree.
struct Token {
  std::string word;  // lower case
  bool simple = false;
};

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    size_t end = i;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
    if (end == i) break;
    Token token;
    token.word = Lower(text.substr(i, end - i));
    token.simple =
        token.word.size() >= 2 && std::all_of(token.word.begin(), token.word.end(),
                                              [](char c) { return c >= 'a' && c <= 'z'; });
    tokens.push_back(std::move(token));
    i = end;
  }
  return tokens;
}

// Runs of text inside straight double quotes, within one paragraph.
std::vector<std::string> Quotations(std::string_view body) {
  std::vector<std::string> quotes;
  size_t open = std::string_view::npos;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\n' && i + 1 < body.size() && body[i + 1] == ' ') {
      open = std::string_view::npos;  // a new paragraph
    } else if (body[i] == '"') {
      if (open == std::string_view::npos) {
        open = i + 1;
      } else {
        quotes.emplace_back(body.substr(open, i - open));
        open = std::string_view::npos;
      }
    }
  }
  return quotes;
}

QueryRow MakeRow(std::string newsgrep, std::string xapian, std::string fts5,
                 std::string date_from = "", std::string date_to = "") {
  QueryRow row;
  row.newsgrep = std::move(newsgrep);
  row.xapian = std::move(xapian);
  row.fts5 = std::move(fts5);
  row.date_from = std::move(date_from);
  row.date_to = std::move(date_to);
  return row;
}

std::string Quote(std::string_view words) { return "\"" + std::string(words) + "\""; }

std::string Join(const std::vector<Token>& tokens, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (!out.empty()) out += ' ';
    out += tokens[i].word;
  }
  return out;
}

std::string IsoDate(long day) {
  long y;
  unsigned m, d;
  CivilFromDays(day, &y, &m, &d);
  char text[16];
  std::snprintf(text, sizeof text, "%04ld-%02u-%02u", y, m, d);
  return text;
}

std::string CompactDate(long day) {
  std::string iso = IsoDate(day);
  iso.erase(std::remove(iso.begin(), iso.end(), '-'), iso.end());
  return iso;
}

long DayOf(std::string_view yyyymmdd) {
  auto number = [&](size_t begin, size_t length) {
    return std::stol(std::string(yyyymmdd.substr(begin, length)));
  };
  return DaysFromCivil(number(0, 4), static_cast<unsigned>(number(4, 2)),
                       static_cast<unsigned>(number(6, 2)));
}

struct Sampled {
  std::vector<Token> title;
  std::vector<Token> body;
  std::vector<std::vector<Token>> quotes;
};

class Deriver {
 public:
  Deriver(const Corpus& corpus, const std::string& xapian_db) : corpus_(corpus), db_(xapian_db) {
    doccount_ = db_.get_doccount();
    auto engine = OpenQueryEngine(Engine::kXapian, xapian_db);
    if (engine.ok()) counter_ = std::move(*engine);
  }

  absl::Status Sample() {
    const size_t stride = std::max<size_t>(1, doccount_ / 3000);
    std::unordered_map<uint64_t, uint32_t> body_hashes;
    std::vector<std::pair<uint64_t, std::vector<Token>>> sampled_titles;
    std::string min_date = "99999999", max_date = "00000000";
    absl::Status status = ReadCorpus(corpus_.path, [&](BenchArticle&& a) {
      const std::string date = DateValue(a.date);
      if (!date.empty()) {
        min_date = std::min(min_date, date);
        max_date = std::max(max_date, date);
      }
      const uint64_t body_hash = a.body.size() >= 200 ? Fnv1a(a.body) : 0;
      if (body_hash != 0) ++body_hashes[body_hash];
      const bool pick = Fnv1a(a.id) % stride == 0;
      if (!a.dup_of.empty() && pick) dup_titles_.push_back(Tokenize(a.title));
      if (!pick) return true;
      Sampled s;
      s.title = Tokenize(a.title);
      s.body = Tokenize(a.body);
      for (const std::string& quote : Quotations(a.body)) s.quotes.push_back(Tokenize(quote));
      if (body_hash != 0) sampled_titles.emplace_back(body_hash, s.title);
      samples_.push_back(std::move(s));
      return true;
    });
    if (!status.ok()) return status;
    for (auto& [hash, title] : sampled_titles) {
      if (body_hashes[hash] >= 2) dup_titles_.push_back(std::move(title));
    }
    if (samples_.empty()) return absl::FailedPreconditionError("empty corpus " + corpus_.path);
    if (min_date <= max_date) {
      first_day_ = DayOf(min_date);
      last_day_ = DayOf(max_date);
    }
    return absl::OkStatus();
  }

  std::vector<QueryRow> Derive(QueryClass c, size_t n, std::string* note) {
    Rng rng(Fnv1a(ClassName(c), 0x71756572ull));
    std::vector<QueryRow> rows;
    std::set<std::string> seen;
    auto add = [&](QueryRow row) {
      if (!seen.insert(row.newsgrep).second) return false;
      row.query_class = c;
      rows.push_back(std::move(row));
      return true;
    };
    const size_t attempts = n * 400;
    switch (c) {
      case QueryClass::kTerm: {
        // Equal shares from five document-frequency bands, rare to common.
        static constexpr double kBands[] = {0.0005, 0.002, 0.01, 0.03, 0.1, 0.6};
        std::vector<std::vector<std::string>> bands(5);
        for (const std::string& word : Vocabulary()) {
          const double df = Df(word);
          for (size_t b = 0; b < 5; ++b) {
            if (df >= kBands[b] && df < kBands[b + 1]) bands[b].push_back(word);
          }
        }
        for (size_t b = 0; b < 5; ++b) {
          const size_t want = (n * (b + 1)) / 5 - (n * b) / 5;
          for (size_t k = 0; k < want && !bands[b].empty(); ++k) {
            const size_t pick = rng.Below(bands[b].size());
            const std::string word = bands[b][pick];
            bands[b].erase(bands[b].begin() + static_cast<long>(pick));
            add(MakeRow(word, word, Quote(word)));
          }
        }
        *note =
            "10 per document-frequency band [0.05%,0.2%) [0.2%,1%) [1%,3%) [3%,10%) "
            "[10%,60%) (scaled to the count asked)";
        break;
      }
      case QueryClass::kAnd:
      case QueryClass::kDup: {
        for (size_t t = 0; t < attempts && rows.size() < n; ++t) {
          const std::vector<Token>* tokens;
          if (c == QueryClass::kAnd) {
            tokens = &samples_[rng.Below(samples_.size())].body;
          } else {
            if (dup_titles_.empty()) break;
            tokens = &dup_titles_[rng.Below(dup_titles_.size())];
          }
          std::vector<std::string> words;
          for (const Token& token : *tokens) {
            if (QueryWord(token) && Df(token.word) >= 0.002 && Df(token.word) < 0.3 &&
                std::find(words.begin(), words.end(), token.word) == words.end()) {
              words.push_back(token.word);
            }
          }
          if (words.size() < 2) continue;
          const size_t i = rng.Below(words.size());
          size_t j = rng.Below(words.size() - 1);
          if (j >= i) ++j;
          const std::string& a = words[i];
          const std::string& b = words[j];
          QueryRow row = MakeRow(a + " AND " + b, a + " AND " + b, Quote(a) + " AND " + Quote(b));
          if (c == QueryClass::kDup && Matches(row) < 2) continue;
          add(std::move(row));
        }
        *note = c == QueryClass::kAnd
                    ? "two words of one sampled article, each in 0.2%-30% of documents"
                    : "two title words of an article with a (near-)duplicate (generated: "
                      "dup_of; Reuters: identical body), matching >= 2 documents";
        break;
      }
      case QueryClass::kPhrase2:
      case QueryClass::kPhrase3: {
        const size_t length = c == QueryClass::kPhrase2 ? 2 : 3;
        for (size_t t = 0; t < attempts && rows.size() < n; ++t) {
          const std::vector<Token>& tokens = samples_[rng.Below(samples_.size())].body;
          if (tokens.size() < length) continue;
          const size_t start = rng.Below(tokens.size() - length + 1);
          if (!PhraseOk(tokens, start, length)) continue;
          const std::string words = Join(tokens, start, start + length);
          QueryRow row = MakeRow(Quote(words), Quote(words), Quote(words));
          // Prefer phrases that occur more than once; accept the rest late.
          if (t < attempts / 2 && Matches(row) < 2) continue;
          add(std::move(row));
        }
        *note = length == 2 ? "2 consecutive words of a sampled article (>= 1 not a stopword)"
                            : "3 consecutive words of a sampled article (first and last "
                              "not stopwords)";
        *note += ", preferring phrases found in >= 2 documents";
        break;
      }
      case QueryClass::kNear:
      case QueryClass::kAdj: {
        const std::string window = std::to_string(kProximityGap + 1);
        const std::string op = c == QueryClass::kNear ? " NEAR/" : " ADJ/";
        for (size_t t = 0; t < attempts && rows.size() < n; ++t) {
          const std::vector<Token>& tokens = samples_[rng.Below(samples_.size())].body;
          const size_t gap = 1 + rng.Below(kProximityGap);  // words between
          if (tokens.size() < gap + 2) continue;
          const size_t i = rng.Below(tokens.size() - gap - 1);
          const size_t j = i + gap + 1;
          bool ok = QueryWord(tokens[i]) && QueryWord(tokens[j]) &&
                    tokens[i].word != tokens[j].word && Df(tokens[i].word) < 0.3 &&
                    Df(tokens[j].word) < 0.3;
          for (size_t k = i + 1; ok && k < j; ++k) ok = tokens[k].simple;
          if (!ok) continue;
          std::string a = tokens[i].word, b = tokens[j].word;
          if (c == QueryClass::kNear && rng.Below(2) == 0) std::swap(a, b);
          QueryRow row = MakeRow(
              a + op + window + " " + b, a + op + window + " " + b,
              c == QueryClass::kNear
                  ? "NEAR(" + Quote(a) + " " + Quote(b) + ", " + std::to_string(kProximityGap) + ")"
                  : "");
          add(std::move(row));
        }
        *note = "two words of a sampled article with 1-" + std::to_string(kProximityGap) +
                " plain words between, each in < 30% of documents; Xapian/newsgrep" + op + window +
                " allows " + std::to_string(kProximityGap) + " words between";
        if (c == QueryClass::kNear) {
          *note += " = FTS5 NEAR(a b, " + std::to_string(kProximityGap) +
                   "); half of the pairs reversed";
        } else {
          *note += "; in text order (ADJ); FTS5 has no ordered proximity operator";
        }
        break;
      }
      case QueryClass::kDate: {
        std::vector<std::string> words;
        for (const std::string& word : Vocabulary()) {
          const double df = Df(word);
          if (df >= 0.01 && df < 0.3) words.push_back(word);
        }
        const long span = last_day_ - first_day_ + 1;
        const long window = std::max<long>(7, span / 8);
        for (size_t t = 0; t < attempts && rows.size() < n && !words.empty(); ++t) {
          const std::string& word = words[rng.Below(words.size())];
          const long from = first_day_ + static_cast<long>(rng.Below(static_cast<size_t>(
                                             std::max<long>(1, span - window + 1))));
          const long to = from + window - 1;
          const std::string range = " date:" + IsoDate(from) + ".." + IsoDate(to);
          QueryRow row =
              MakeRow(word + range, word + range, Quote(word), CompactDate(from), CompactDate(to));
          if (Matches(row) < 1) continue;
          add(std::move(row));
        }
        *note =
            "a word in 1%-30% of documents, dated within a window of 1/8 of the "
            "corpus's time span (" +
            IsoDate(first_day_) + ".." + IsoDate(last_day_) + ")";
        break;
      }
      case QueryClass::kPerson:
      case QueryClass::kLocation: {
        std::vector<std::string> names;
        if (c == QueryClass::kPerson) {
          for (const NameTables::Person& person : names_.people) {
            names.push_back(Lower(person.last));
            if (!person.first.empty()) names.push_back(Lower(person.first + " " + person.last));
          }
        } else {
          for (const std::string& city : names_.cities) names.push_back(Lower(city));
          for (const std::string& country : names_.countries) names.push_back(Lower(country));
        }
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
        const std::string field = c == QueryClass::kPerson ? "person:" : "location:";
        std::vector<QueryRow> candidates;
        for (const std::string& name : names) {
          const bool phrase = name.find(' ') != std::string::npos;
          if (!phrase && IsQueryStopword(name)) continue;
          const std::string text = phrase ? Quote(name) : name;
          QueryRow row = MakeRow(field + text, text, Quote(name));
          if (Matches(row) >= 2) candidates.push_back(std::move(row));
        }
        while (rows.size() < n && !candidates.empty()) {
          const size_t pick = rng.Below(candidates.size());
          add(candidates[pick]);
          candidates.erase(candidates.begin() + static_cast<long>(pick));
        }
        *note = c == QueryClass::kPerson
                    ? "Reuters PEOPLE labels (full name as a phrase, or the surname) found "
                      "in >= 2 documents; peers search the name in the full text"
                    : "Reuters PLACES labels and dateline cities found in >= 2 documents; "
                      "peers search the place in the full text";
        break;
      }
      case QueryClass::kQuote: {
        for (size_t t = 0; t < attempts && rows.size() < n; ++t) {
          const Sampled& s = samples_[rng.Below(samples_.size())];
          if (s.quotes.empty()) continue;
          const std::vector<Token>& tokens = s.quotes[rng.Below(s.quotes.size())];
          if (tokens.size() < 2) continue;
          const size_t start = rng.Below(tokens.size() - 1);
          if (!PhraseOk(tokens, start, 2)) continue;
          const std::string words = Join(tokens, start, start + 2);
          add(MakeRow("quote:" + Quote(words), Quote(words), Quote(words)));
        }
        *note =
            "2 consecutive words inside a quotation of a sampled article; peers search "
            "them as a phrase in the full text";
        break;
      }
    }
    const size_t distinct = rows.size();
    for (size_t i = 0; distinct > 0 && rows.size() < n; ++i) rows.push_back(rows[i % distinct]);
    if (distinct < n) {
      *note += "; only " + std::to_string(distinct) + " distinct queries found" +
               (distinct > 0 ? ", cycled to " + std::to_string(n) : "");
    }
    return rows;
  }

  void set_names(NameTables names) { names_ = std::move(names); }

 private:
  double Df(const std::string& word) {
    auto it = df_.find(word);
    if (it != df_.end()) return it->second;
    const Xapian::doccount tf = db_.get_termfreq(word);
    const double df = tf < 2 ? 0.0 : static_cast<double>(tf) / static_cast<double>(doccount_);
    df_.emplace(word, df);
    return df;
  }

  bool QueryWord(const Token& token) {
    return token.simple && token.word.size() >= 3 && !IsQueryStopword(token.word);
  }

  bool PhraseOk(const std::vector<Token>& tokens, size_t start, size_t length) {
    size_t content = 0;
    for (size_t k = start; k < start + length; ++k) {
      if (!tokens[k].simple) return false;
      if (!IsQueryStopword(tokens[k].word)) ++content;
    }
    if (length == 2) {
      return content >= 1 && tokens[start].word.size() >= 3 && tokens[start + 1].word.size() >= 3;
    }
    return !IsQueryStopword(tokens[start].word) &&
           !IsQueryStopword(tokens[start + length - 1].word);
  }

  size_t Matches(const QueryRow& row) {
    if (counter_ == nullptr) return 0;
    auto count = counter_->Count(row);
    return count.ok() ? *count : 0;
  }

  // Distinct query words of the sample, sorted (so that picks are deterministic).
  const std::vector<std::string>& Vocabulary() {
    if (!vocabulary_.empty()) return vocabulary_;
    std::set<std::string> words;
    for (const Sampled& s : samples_) {
      for (const std::vector<Token>* tokens : {&s.title, &s.body}) {
        for (const Token& token : *tokens) {
          if (QueryWord(token)) words.insert(token.word);
        }
      }
    }
    vocabulary_.assign(words.begin(), words.end());
    return vocabulary_;
  }

  const Corpus& corpus_;
  Xapian::Database db_;
  Xapian::doccount doccount_ = 0;
  std::unique_ptr<QueryEngine> counter_;
  std::vector<Sampled> samples_;
  std::vector<std::vector<Token>> dup_titles_;
  std::vector<std::string> vocabulary_;
  std::unordered_map<std::string, double> df_;
  NameTables names_;
  long first_day_ = 0, last_day_ = 0;
};

}  // namespace

std::string_view ClassName(QueryClass query_class) {
  for (const auto& [c, name] : kClassNames) {
    if (c == query_class) return name;
  }
  return "?";
}

std::optional<QueryClass> ClassFromName(std::string_view name) {
  for (const auto& [c, n] : kClassNames) {
    if (n == name) return c;
  }
  return std::nullopt;
}

bool IsQueryStopword(std::string_view word) {
  // newsgrep's own list, so that the two cannot drift apart...
  if (analysis::IsQueryStopword(std::string(word))) return true;
  // ...and words that are operators in one of the query languages.
  for (const std::string_view op : {"not", "near", "adj", "xor"}) {
    if (word == op) return true;
  }
  return false;
}

std::vector<const QueryRow*> QuerySet::Of(QueryClass query_class) const {
  std::vector<const QueryRow*> out;
  for (const QueryRow& row : rows) {
    if (row.query_class == query_class) out.push_back(&row);
  }
  return out;
}

absl::Status DeriveQuerySet(const Corpus& corpus, const std::string& reuters_path,
                            const std::string& xapian_db, size_t per_class, QuerySet* out) {
  try {
    Deriver deriver(corpus, xapian_db);
    absl::Status status = deriver.Sample();
    if (!status.ok()) return status;
    auto reuters = LoadCorpus(reuters_path);
    if (!reuters.ok()) return reuters.status();
    deriver.set_names(BuildNameTables(*reuters));
    out->rows.clear();
    out->notes.clear();
    for (const QueryClass c : kAllClasses) {
      std::string note;
      std::vector<QueryRow> rows = deriver.Derive(c, per_class, &note);
      out->notes[c] = note;
      for (QueryRow& row : rows) out->rows.push_back(std::move(row));
    }
  } catch (const Xapian::Error& e) {
    return absl::InternalError("deriving queries from " + xapian_db + ": " + e.get_description());
  }
  return absl::OkStatus();
}

absl::Status WriteQuerySet(const std::string& path, const QuerySet& set) {
  std::ostringstream out;
  out << "# newsgrep benchmark query set v" << kQuerySetVersion
      << " (bench/query_set.h): one query per line, in each engine's syntax\n";
  for (const auto& [c, note] : set.notes) {
    out << "# " << ClassName(c) << ": " << note << "\n";
  }
  out << "#class\tnewsgrep\txapian\tfts5\tfts5_date_from\tfts5_date_to\n";
  for (const QueryRow& row : set.rows) {
    out << ClassName(row.query_class) << '\t' << row.newsgrep << '\t' << row.xapian << '\t'
        << row.fts5 << '\t' << row.date_from << '\t' << row.date_to << '\n';
  }
  if (!WriteFileAtomically(path, out.str())) return absl::InternalError("cannot write " + path);
  return absl::OkStatus();
}

absl::StatusOr<QuerySet> ReadQuerySet(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError("cannot read " + path);
  QuerySet set;
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    if (line[0] == '#') {
      const size_t colon = line.find(": ");
      if (colon != std::string::npos && line.rfind("# ", 0) == 0) {
        if (auto c = ClassFromName(line.substr(2, colon - 2)))
          set.notes[*c] = line.substr(colon + 2);
      }
      continue;
    }
    std::vector<std::string> fields;
    std::stringstream stream(line);
    std::string field;
    while (std::getline(stream, field, '\t')) fields.push_back(field);
    fields.resize(6);
    auto c = ClassFromName(fields[0]);
    if (!c) return absl::DataLossError(path + ":" + std::to_string(number) + ": unknown class");
    QueryRow row = MakeRow(fields[1], fields[2], fields[3], fields[4], fields[5]);
    row.query_class = *c;
    set.rows.push_back(std::move(row));
  }
  return set;
}

}  // namespace newsgrep::bench
