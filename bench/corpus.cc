// SPDX-License-Identifier: GPL-2.0-or-later
/// @file corpus.cc
/// @brief Reading, writing and generating benchmark corpora.
#include "corpus.h"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "bench_util.h"
#include "newsgrep/input_file.h"
#include "newsgrep/text_rules.h"

namespace newsgrep::bench {
namespace {

using nlohmann::json;

std::string GetString(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> GetStrings(const json& object, const char* key) {
  std::vector<std::string> out;
  auto it = object.find(key);
  if (it == object.end() || !it->is_array()) return out;
  for (const json& item : *it) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAlpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// "west-germany" → "West Germany".
std::string TitleCaseSlug(std::string_view slug) {
  std::string out;
  bool start = true;
  for (const char c : slug) {
    if (c == '-' || c == ' ') {
      out += ' ';
      start = true;
      continue;
    }
    out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                 : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    start = false;
  }
  return out;
}

std::string Trim(std::string_view text) {
  size_t begin = 0, end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return std::string(text.substr(begin, end - begin));
}

std::string FormatIso(long day, int seconds) {
  long y;
  unsigned m, d;
  CivilFromDays(day, &y, &m, &d);
  char text[32];
  std::snprintf(text, sizeof text, "%04ld-%02u-%02uT%02d:%02d:%02d", y, m, d, seconds / 3600,
                seconds / 60 % 60, seconds % 60);
  return text;
}

// Reuters dateline style: "NEW YORK, March 13".
std::string DatelineDate(long day) {
  static constexpr const char* kMonths[] = {"Jan",  "Feb", "March", "April", "May", "June",
                                            "July", "Aug", "Sept",  "Oct",   "Nov", "Dec"};
  long y;
  unsigned m, d;
  CivilFromDays(day, &y, &m, &d);
  return std::string(kMonths[m - 1]) + " " + std::to_string(d);
}

// ---- Splitting Reuters bodies into paragraphs and sentences ----

// Paragraphs start at an indented line or after a blank line; hard wraps become spaces.
// The trailing "Reuter" signature is dropped and reported in `signature`.
std::vector<std::vector<std::string>> SplitBody(std::string_view body, bool* signature) {
  std::vector<std::string> paragraphs;
  std::string current;
  size_t pos = 0;
  bool blank_before = false;
  while (pos <= body.size()) {
    size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view line = body.substr(pos, end - pos);
    const std::string trimmed = Trim(line);
    if (trimmed.empty()) {
      blank_before = true;
    } else {
      const bool indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
      if ((indented || blank_before) && !current.empty()) {
        paragraphs.push_back(std::move(current));
        current.clear();
      }
      if (!current.empty()) current += ' ';
      current += trimmed;
      blank_before = false;
    }
    pos = end + 1;
  }
  if (!current.empty()) paragraphs.push_back(std::move(current));
  *signature = false;
  if (!paragraphs.empty() && (paragraphs.back() == "Reuter" || paragraphs.back() == "REUTER")) {
    paragraphs.pop_back();
    *signature = true;
  }
  std::vector<std::vector<std::string>> out;
  for (const std::string& paragraph : paragraphs) {
    std::vector<std::string> sentences;
    for (absl::string_view sentence : SplitSentences(paragraph)) sentences.emplace_back(sentence);
    if (!sentences.empty()) out.push_back(std::move(sentences));
  }
  return out;
}

// ---- Finding and replacing names ----

struct SvHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>()(text); }
};

enum class NameKind : uint8_t { kPersonFull, kSurname, kCity, kCountry };

struct NameEntry {
  NameKind kind;
  uint32_t index;  // kPersonFull: person; kSurname: surname; kCity/kCountry: place
  bool upper;      // written in capitals ("BAKER" in a headline)
};

// Finds the names of a NameTables in text: capitalised runs of up to three words.
class NameMatcher {
 public:
  explicit NameMatcher(const NameTables& tables) {
    std::map<std::string, uint32_t> surname_index;
    for (uint32_t p = 0; p < tables.people.size(); ++p) {
      const NameTables::Person& person = tables.people[p];
      auto [it, inserted] =
          surname_index.emplace(person.last, static_cast<uint32_t>(surnames_.size()));
      if (inserted) surnames_.push_back(person.last);
      Add(person.last, {NameKind::kSurname, it->second, false});
      if (!person.first.empty()) {
        Add(person.first + " " + person.last, {NameKind::kPersonFull, p, false});
      }
    }
    for (uint32_t c = 0; c < tables.cities.size(); ++c) {
      Add(tables.cities[c], {NameKind::kCity, c, false});
    }
    for (uint32_t c = 0; c < tables.countries.size(); ++c) {
      Add(tables.countries[c], {NameKind::kCountry, c, false});
    }
  }

  const std::vector<std::string>& surnames() const { return surnames_; }

  // Calls on_match(begin, end, entry) for each name in `text`, left to right, longest
  // first; on_match returns nothing, the scan continues after the match.
  template <typename OnMatch>
  void Scan(std::string_view text, OnMatch&& on_match) const {
    size_t i = 0;
    while (i < text.size()) {
      if (!IsUpper(text[i]) || (i > 0 && IsAlpha(text[i - 1]))) {
        ++i;
        continue;
      }
      size_t ends[3];
      size_t words = 0;
      size_t pos = i;
      while (words < 3) {
        size_t end = pos;
        while (end < text.size() && IsAlpha(text[end])) ++end;
        if (end == pos || !IsUpper(text[pos])) break;
        ends[words++] = end;
        if (end + 1 < text.size() && text[end] == ' ' && IsUpper(text[end + 1])) {
          pos = end + 1;
        } else {
          break;
        }
      }
      bool matched = false;
      for (size_t w = words; w > 0 && !matched; --w) {
        auto it = names_.find(text.substr(i, ends[w - 1] - i));
        if (it == names_.end()) continue;
        on_match(i, ends[w - 1], it->second);
        i = ends[w - 1];
        matched = true;
      }
      if (!matched) i = words > 0 ? ends[0] : i + 1;
    }
  }

 private:
  void Add(const std::string& name, NameEntry entry) {
    names_.emplace(name, entry);
    entry.upper = true;
    names_.emplace(Upper(name), entry);
  }

  std::unordered_map<std::string, NameEntry, SvHash, std::equal_to<>> names_;
  std::vector<std::string> surnames_;
};

// ---- The generator's model of the source corpus ----

struct Template {
  uint32_t article;                               // index into the source
  std::vector<std::vector<uint32_t>> paragraphs;  // sentence ids
  int topic = -1;
  bool signature = false;
};

struct Model {
  std::vector<std::string> sentences;
  std::vector<Template> templates;
  std::vector<std::vector<uint32_t>> topic_sentences;
  std::vector<std::string> vocabulary;  // words for near-duplicate edits
  NameTables names;
  std::vector<std::string> first_names;
  std::unique_ptr<NameMatcher> matcher;
};

Model BuildModel(const std::vector<BenchArticle>& source) {
  Model model;
  std::map<std::string, int> topic_ids;
  for (uint32_t a = 0; a < source.size(); ++a) {
    const BenchArticle& article = source[a];
    Template t;
    t.article = a;
    if (!article.topics.empty()) {
      auto [it, inserted] =
          topic_ids.emplace(article.topics.front(), static_cast<int>(topic_ids.size()));
      if (inserted) model.topic_sentences.emplace_back();
      t.topic = it->second;
    }
    for (std::vector<std::string>& paragraph : SplitBody(article.body, &t.signature)) {
      std::vector<uint32_t> ids;
      for (std::string& sentence : paragraph) {
        const auto id = static_cast<uint32_t>(model.sentences.size());
        ids.push_back(id);
        if (t.topic >= 0) model.topic_sentences[static_cast<size_t>(t.topic)].push_back(id);
        model.sentences.push_back(std::move(sentence));
      }
      t.paragraphs.push_back(std::move(ids));
    }
    model.templates.push_back(std::move(t));
  }
  for (size_t s = 0; s < model.sentences.size(); s += 7) {
    const std::string& sentence = model.sentences[s];
    size_t i = 0;
    while (i < sentence.size() && model.vocabulary.size() < 20000) {
      size_t end = i;
      while (end < sentence.size() && sentence[end] >= 'a' && sentence[end] <= 'z') ++end;
      if (end - i >= 3 && (i == 0 || sentence[i - 1] == ' ') &&
          (end == sentence.size() || sentence[end] == ' ')) {
        model.vocabulary.push_back(sentence.substr(i, end - i));
        break;
      }
      i = std::max(end, i + 1);
    }
  }
  if (model.vocabulary.empty()) model.vocabulary.push_back("news");
  model.names = BuildNameTables(source);
  std::set<std::string> firsts;
  for (const NameTables::Person& person : model.names.people) {
    if (!person.first.empty()) firsts.insert(person.first);
  }
  model.first_names.assign(firsts.begin(), firsts.end());
  if (model.first_names.empty()) model.first_names.push_back("John");
  if (model.names.cities.empty()) model.names.cities.push_back("London");
  model.matcher = std::make_unique<NameMatcher>(model.names);
  return model;
}

// One article's consistent replacements: the same original name always becomes the same
// new name within an article.
class Varier {
 public:
  Varier(const Model& model, Rng& rng) : model_(model), rng_(rng) {}

  std::string Apply(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    size_t copied = 0;
    model_.matcher->Scan(text, [&](size_t begin, size_t end, const NameEntry& entry) {
      out.append(text.substr(copied, begin - copied));
      std::string name = Replacement(entry);
      out += entry.upper ? Upper(name) : name;
      copied = end;
    });
    out.append(text.substr(copied));
    return out;
  }

  // The dateline city: its replacement when it is a known city, else a random one.
  std::string City(std::string_view original) {
    std::string result;
    bool found = false;
    model_.matcher->Scan(original, [&](size_t begin, size_t end, const NameEntry& entry) {
      if (!found && begin == 0 && end == original.size() && entry.kind == NameKind::kCity) {
        result = Replacement(entry);
        found = true;
      }
    });
    if (!found) result = model_.names.cities[rng_.Below(model_.names.cities.size())];
    return Upper(result);
  }

 private:
  uint32_t Mapped(std::unordered_map<uint32_t, uint32_t>& map, uint32_t key, size_t n) {
    auto [it, inserted] = map.emplace(key, 0);
    if (inserted) it->second = static_cast<uint32_t>(rng_.Below(n));
    return it->second;
  }

  std::string Replacement(const NameEntry& entry) {
    switch (entry.kind) {
      case NameKind::kSurname:
        return model_.matcher
            ->surnames()[Mapped(surnames_, entry.index, model_.matcher->surnames().size())];
      case NameKind::kPersonFull: {
        const NameTables::Person& person = model_.names.people[entry.index];
        uint32_t surname_index = 0;
        NameEntry surname_entry{NameKind::kSurname, 0, false};
        const std::vector<std::string>& surnames = model_.matcher->surnames();
        for (uint32_t s = 0; s < surnames.size(); ++s) {
          if (surnames[s] == person.last) surname_index = s;
        }
        surname_entry.index = surname_index;
        const std::string& first =
            model_.first_names[Mapped(firsts_, entry.index, model_.first_names.size())];
        return first + " " + Replacement(surname_entry);
      }
      case NameKind::kCity:
        return model_.names.cities[Mapped(cities_, entry.index, model_.names.cities.size())];
      case NameKind::kCountry:
        return model_.names
            .countries[Mapped(countries_, entry.index, model_.names.countries.size())];
    }
    return "";
  }

  const Model& model_;
  Rng& rng_;
  std::unordered_map<uint32_t, uint32_t> surnames_, firsts_, cities_, countries_;
};

constexpr const char* kOutlets[] = {"Daily Ledger",    "Metro Wire",       "Harbor Post",
                                    "Evening Courier", "Capital Dispatch", "Northern Herald",
                                    "Valley Times",    "Market Monitor"};

// Boilerplate written for this benchmark (the kind of text sites wrap around wire copy).
constexpr const char* kHeaders[] = {
    "{O} | {D}",
    "By {O} staff",
    "Posted {D} by the {O} news desk",
};
constexpr const char* kFooters[] = {
    "Copyright {Y} {O}. All rights reserved. This material may not be published, "
    "broadcast, rewritten or redistributed.",
    "Subscribe to the {O} morning briefing for the top stories in your inbox every day.",
    "Follow {O} for live coverage and analysis. Click here to read more business news.",
    "Reporting by {O} correspondents; editing by the news desk.",
};

std::string Fill(std::string_view pattern, std::string_view outlet, long day) {
  long y;
  unsigned m, d;
  CivilFromDays(day, &y, &m, &d);
  static constexpr const char* kMonthNames[] = {"January",   "February", "March",    "April",
                                                "May",       "June",     "July",     "August",
                                                "September", "October",  "November", "December"};
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern.substr(i, 3) == "{O}") {
      out += outlet;
      i += 2;
    } else if (pattern.substr(i, 3) == "{D}") {
      out += std::string(kMonthNames[m - 1]) + " " + std::to_string(d) + ", " + std::to_string(y);
      i += 2;
    } else if (pattern.substr(i, 3) == "{Y}") {
      out += std::to_string(y);
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

struct Generated {
  BenchArticle article;
  long day = 0;
  int seconds = 0;
};

Generated MakeOriginal(const std::vector<BenchArticle>& source, const Model& model, Rng& rng,
                       long day) {
  const Template& t = model.templates[rng.Below(model.templates.size())];
  const BenchArticle& src = source[t.article];
  Varier varier(model, rng);
  Generated g;
  g.day = day;
  g.seconds = static_cast<int>(rng.Below(86400));
  BenchArticle& a = g.article;
  a.date = FormatIso(day, g.seconds);
  a.title = varier.Apply(src.title);
  std::string body;
  for (const std::vector<uint32_t>& paragraph : t.paragraphs) {
    std::string text;
    for (const uint32_t id : paragraph) {
      uint32_t chosen = id;
      const double r = rng.Uniform();
      if (r >= 0.5) {
        if (r < 0.85 && t.topic >= 0) {
          const std::vector<uint32_t>& pool = model.topic_sentences[static_cast<size_t>(t.topic)];
          chosen = pool[rng.Below(pool.size())];
        } else {
          chosen = static_cast<uint32_t>(rng.Below(model.sentences.size()));
        }
      }
      if (!text.empty()) text += ' ';
      text += model.sentences[chosen];
    }
    if (!body.empty()) body += "\n    ";
    body += text;
  }
  a.body = varier.Apply(body);
  if (t.signature) a.body += "\n Reuter";
  if (!src.dateline.empty()) {
    const std::string city = src.dateline.substr(0, src.dateline.find(','));
    a.dateline = varier.City(TitleCaseSlug(city)) + ", " + DatelineDate(day);
  }
  a.source = kOutlets[rng.Below(std::size(kOutlets))];
  return g;
}

// A few per cent of the words replaced by other words or deleted; spacing kept.
std::string EditWords(std::string_view text, double rate, const Model& model, Rng& rng) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\n') {
      out += text[i++];
      continue;
    }
    size_t end = i;
    while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
    const std::string_view word = text.substr(i, end - i);
    if (rng.Uniform() < rate) {
      if (rng.Below(2) == 0) {
        out += model.vocabulary[rng.Below(model.vocabulary.size())];
      } else if (!out.empty() && out.back() == ' ') {
        out.pop_back();  // deleted: drop the space before it too
      }
    } else {
      out += word;
    }
    i = end;
  }
  return out;
}

Generated MakeNearDuplicate(const Generated& original, const Model& model, Rng& rng) {
  Generated g = original;
  BenchArticle& a = g.article;
  a.dup_of = original.article.id;
  g.seconds = original.seconds + static_cast<int>(rng.Below(36000));
  if (g.seconds >= 86400) {
    g.seconds -= 86400;
    ++g.day;
  }
  a.date = FormatIso(g.day, g.seconds);
  if (rng.Below(10) < 7) a.source = kOutlets[rng.Below(std::size(kOutlets))];
  const unsigned title_choice = static_cast<unsigned>(rng.Below(10));
  if (title_choice < 2) {
    a.title = "UPDATE 1-" + a.title;
  } else if (title_choice < 3) {
    a.title = "CORRECTED-" + a.title;
  }
  const double rate = 0.01 + 0.04 * rng.Uniform();
  std::string body = EditWords(a.body, rate, model, rng);
  const bool repeat = rng.Below(4) == 0;
  if (repeat && !body.empty()) body = body + "\n\n" + body;  // the body repeated
  if (rng.Below(10) < 6) {
    const std::string header = Fill(kHeaders[rng.Below(std::size(kHeaders))], a.source, g.day);
    const std::string footer = Fill(kFooters[rng.Below(std::size(kFooters))], a.source, g.day);
    body = body.empty() ? header + "\n\n" + footer : header + "\n\n" + body + "\n\n" + footer;
  }
  a.body = std::move(body);
  return g;
}

std::string SpecKey(const std::string& name, const std::vector<std::string>& inputs) {
  uint64_t hash = kFnvOffset;
  for (const std::string& input : inputs) hash = Fnv1a(input + "\x1f", hash);
  return name + "-" + Hex(hash).substr(0, 12);
}

absl::Status WriteMeta(const std::string& path, const json& meta) {
  if (!WriteFileAtomically(path, meta.dump(2) + "\n")) {
    return absl::InternalError("cannot write " + path);
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ReadCorpus(const std::string& path,
                        const std::function<bool(BenchArticle&&)>& on_article) {
  absl::StatusOr<InputFile> file = InputFile::Open(path);
  if (!file.ok()) {
    return absl::Status(file.status().code(),
                        absl::StrCat("cannot open corpus ", path, ": ", file.status().message()));
  }
  std::string pending;
  size_t line_number = 0;
  absl::Status status;
  bool stop = false;
  auto handle_line = [&](std::string_view line) {
    ++line_number;
    if (line.empty()) return;
    json record = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (record.is_discarded() || !record.is_object()) {
      status =
          absl::DataLossError(path + ":" + std::to_string(line_number) + ": malformed JSON line");
      stop = true;
      return;
    }
    BenchArticle article;
    article.id = GetString(record, "id");
    article.date = GetString(record, "date");
    article.title = GetString(record, "title");
    article.dateline = GetString(record, "dateline");
    article.body = GetString(record, "body");
    article.source = GetString(record, "source");
    article.dup_of = GetString(record, "dup_of");
    article.people = GetStrings(record, "people");
    article.places = GetStrings(record, "places");
    article.topics = GetStrings(record, "topics");
    if (!on_article(std::move(article))) stop = true;
  };
  while (!stop) {
    const absl::StatusOr<size_t> n = file->Read(pending, 1 << 16);
    if (!n.ok()) {
      status = absl::Status(n.status().code(),
                            absl::StrCat("cannot read ", path, ": ", n.status().message()));
      break;
    }
    if (*n == 0) break;
    size_t start = 0;
    for (size_t nl; !stop && (nl = pending.find('\n', start)) != std::string::npos;
         start = nl + 1) {
      handle_line(std::string_view(pending).substr(start, nl - start));
    }
    pending.erase(0, start);
  }
  if (!stop && !pending.empty()) handle_line(pending);
  return status;
}

absl::StatusOr<std::vector<BenchArticle>> LoadCorpus(const std::string& path) {
  std::vector<BenchArticle> articles;
  absl::Status status = ReadCorpus(path, [&](BenchArticle&& a) {
    articles.push_back(std::move(a));
    return true;
  });
  if (!status.ok()) return status;
  return articles;
}

CorpusWriter::CorpusWriter(std::string path, std::string temp_path, void* file)
    : path_(std::move(path)), temp_path_(std::move(temp_path)), file_(file) {}

CorpusWriter::~CorpusWriter() {
  if (file_ != nullptr) {
    gzclose(static_cast<gzFile>(file_));
    std::error_code error;
    std::filesystem::remove(temp_path_, error);
  }
}

absl::StatusOr<std::unique_ptr<CorpusWriter>> CorpusWriter::Create(const std::string& path) {
  const std::string temp = path + ".partial." + std::to_string(getpid());
  gzFile file = gzopen(temp.c_str(), "wb1");
  if (file == nullptr) return absl::InternalError("cannot create " + temp);
  gzbuffer(file, 1 << 17);
  return std::unique_ptr<CorpusWriter>(new CorpusWriter(path, temp, file));
}

absl::Status CorpusWriter::Write(const BenchArticle& a) {
  json record = {{"id", a.id},
                 {"date", a.date},
                 {"title", a.title},
                 {"dateline", a.dateline},
                 {"body", a.body}};
  if (!a.source.empty()) record["source"] = a.source;
  if (!a.dup_of.empty()) record["dup_of"] = a.dup_of;
  if (!a.people.empty()) record["people"] = a.people;
  if (!a.places.empty()) record["places"] = a.places;
  if (!a.topics.empty()) record["topics"] = a.topics;
  std::string line = record.dump(-1, ' ', false, json::error_handler_t::replace);
  line += '\n';
  if (gzwrite(static_cast<gzFile>(file_), line.data(), static_cast<unsigned>(line.size())) !=
      static_cast<int>(line.size())) {
    return absl::InternalError("cannot write " + temp_path_);
  }
  return absl::OkStatus();
}

absl::Status CorpusWriter::Close() {
  const int result = gzclose(static_cast<gzFile>(file_));
  file_ = nullptr;
  std::error_code error;
  if (result != Z_OK) {
    std::filesystem::remove(temp_path_, error);
    return absl::InternalError("cannot finish " + temp_path_);
  }
  std::filesystem::rename(temp_path_, path_, error);
  if (error) return absl::InternalError("cannot move " + temp_path_ + " to " + path_);
  return absl::OkStatus();
}

std::string DateValue(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return "";
  std::string value;
  for (const size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(iso[i]))) return "";
    value += iso[i];
  }
  return value;
}

NameTables BuildNameTables(const std::vector<BenchArticle>& source) {
  NameTables candidates;
  std::set<std::string> people_seen, places_seen;
  std::map<std::string, size_t> city_count;
  for (const BenchArticle& a : source) {
    for (const std::string& slug : a.people) {
      if (!people_seen.insert(slug).second) continue;
      const std::string name = TitleCaseSlug(slug);
      const size_t space = name.rfind(' ');
      NameTables::Person person;
      if (space == std::string::npos) {
        person.last = name;
      } else {
        person.first = name.substr(0, space);
        person.last = name.substr(space + 1);
      }
      candidates.people.push_back(std::move(person));
    }
    for (const std::string& slug : a.places) {
      if (places_seen.insert(slug).second) candidates.countries.push_back(TitleCaseSlug(slug));
    }
    if (!a.dateline.empty()) {
      const std::string city = Trim(a.dateline.substr(0, a.dateline.find(',')));
      if (!city.empty() && city.size() < 30) ++city_count[TitleCaseSlug(city)];
    }
  }
  for (const auto& [city, count] : city_count) {
    if (count >= 3) candidates.cities.push_back(city);
  }
  // A one-word name that is also a common lower-case word ("Union", "Bond", "Young",
  // "Mobile") would turn ordinary sentences into nonsense when varied: drop those.
  std::unordered_map<std::string, size_t, SvHash, std::equal_to<>> lower_uses;
  auto one_word = [](const std::string& name) { return name.find(' ') == std::string::npos; };
  for (const NameTables::Person& person : candidates.people) lower_uses[Lower(person.last)] = 0;
  for (const auto* list : {&candidates.cities, &candidates.countries}) {
    for (const std::string& name : *list) {
      if (one_word(name)) lower_uses[Lower(name)] = 0;
    }
  }
  for (const BenchArticle& a : source) {
    const std::string& body = a.body;
    size_t i = 0;
    while (i < body.size()) {
      size_t end = i;
      while (end < body.size() && body[end] >= 'a' && body[end] <= 'z') ++end;
      if (end > i && (i == 0 || !IsAlpha(body[i - 1])) &&
          (end == body.size() || !IsAlpha(body[end]))) {
        auto it = lower_uses.find(std::string_view(body).substr(i, end - i));
        if (it != lower_uses.end()) ++it->second;
      }
      i = std::max(end, i + 1);
    }
  }
  auto common_word = [&](const std::string& name) {
    if (!one_word(name)) return false;
    auto it = lower_uses.find(Lower(name));
    return it != lower_uses.end() && it->second >= 3;
  };
  std::erase_if(candidates.people,
                [&](const NameTables::Person& p) { return common_word(p.last); });
  std::erase_if(candidates.cities, common_word);
  std::erase_if(candidates.countries, common_word);

  // Keep only the names that occur in the text at least 3 times.
  NameMatcher matcher(candidates);
  std::map<std::pair<int, uint32_t>, size_t> hits;
  for (const BenchArticle& a : source) {
    for (const std::string* text : {&a.title, &a.body}) {
      matcher.Scan(*text, [&](size_t, size_t, const NameEntry& entry) {
        ++hits[{static_cast<int>(entry.kind), entry.index}];
      });
    }
  }
  auto count = [&](NameKind kind, uint32_t index) {
    auto it = hits.find({static_cast<int>(kind), index});
    return it == hits.end() ? size_t{0} : it->second;
  };
  NameTables kept;
  for (uint32_t p = 0; p < candidates.people.size(); ++p) {
    const NameTables::Person& person = candidates.people[p];
    size_t surname = 0;
    for (uint32_t s = 0; s < matcher.surnames().size(); ++s) {
      if (matcher.surnames()[s] == person.last) surname = count(NameKind::kSurname, s);
    }
    if (count(NameKind::kPersonFull, p) + surname >= 3) kept.people.push_back(person);
  }
  for (uint32_t c = 0; c < candidates.cities.size(); ++c) {
    if (count(NameKind::kCity, c) >= 3) kept.cities.push_back(candidates.cities[c]);
  }
  for (uint32_t c = 0; c < candidates.countries.size(); ++c) {
    if (count(NameKind::kCountry, c) >= 3) kept.countries.push_back(candidates.countries[c]);
  }
  return kept;
}

absl::Status GenerateCorpus(const std::vector<BenchArticle>& source,
                            const GeneratorOptions& options, const std::string& path,
                            GeneratorReport* report) {
  if (source.empty()) return absl::InvalidArgumentError("no source articles to generate from");
  const Model model = BuildModel(source);
  auto writer = CorpusWriter::Create(path);
  if (!writer.ok()) return writer.status();
  Rng rng(options.seed);
  const long first_day = DaysFromCivil(options.first_year, 1, 1);
  const double span_days = 365.2425 * options.years;
  constexpr size_t kRecent = 1000;  // near-duplicates copy one of the last 1000 originals
  std::vector<Generated> recent;
  recent.reserve(kRecent);
  size_t recent_next = 0;
  *report = GeneratorReport{};
  report->sentences = model.sentences.size();
  const int width = static_cast<int>(std::to_string(options.articles).size());
  for (size_t i = 0; i < options.articles; ++i) {
    const long day = first_day + static_cast<long>(span_days * static_cast<double>(i) /
                                                   static_cast<double>(options.articles));
    Generated g;
    if (!recent.empty() && rng.Uniform() < options.near_duplicate_share) {
      g = MakeNearDuplicate(recent[rng.Below(recent.size())], model, rng);
      ++report->near_duplicates;
    } else {
      g = MakeOriginal(source, model, rng, day);
    }
    char id[32];
    std::snprintf(id, sizeof id, "%0*zu", width, i + 1);
    g.article.id = options.id_prefix + id;
    absl::Status status = (*writer)->Write(g.article);
    if (!status.ok()) return status;
    if (g.article.dup_of.empty()) {
      if (recent.size() < kRecent) {
        recent.push_back(std::move(g));
      } else {
        recent[recent_next] = std::move(g);
        recent_next = (recent_next + 1) % kRecent;
      }
    }
    ++report->articles;
  }
  return (*writer)->Close();
}

absl::StatusOr<Corpus> EnsureCorpus(const std::string& spec, const std::string& reuters_path,
                                    const std::string& cache_dir) {
  namespace fs = std::filesystem;
  if (!fs::exists(reuters_path)) {
    return absl::NotFoundError("Reuters-21578 not found at " + reuters_path +
                               " (set NEWSGREP_BENCH_REUTERS or --reuters=PATH)");
  }
  const std::string source_hash = Hex(HashFile(reuters_path));
  Corpus corpus;
  corpus.spec = spec;
  size_t subset = 0, generated = 0;
  auto parse_count = [](std::string_view text, size_t* out) {
    size_t multiplier = 1;
    if (!text.empty() && (text.back() == 'k' || text.back() == 'K')) multiplier = 1000;
    if (!text.empty() && (text.back() == 'm' || text.back() == 'M')) multiplier = 1000000;
    if (multiplier != 1) text.remove_suffix(1);
    if (text.empty() || text.size() > 9) return false;
    size_t value = 0;
    for (const char c : text) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
      value = value * 10 + static_cast<size_t>(c - '0');
    }
    *out = value * multiplier;
    return *out > 0;
  };
  if (spec == "reuters") {
    corpus.key = "reuters-" + source_hash.substr(0, 12);
    corpus.path = reuters_path;
  } else if (spec.rfind("reuters:", 0) == 0 && parse_count(spec.substr(8), &subset)) {
    corpus.key = SpecKey("reuters" + std::to_string(subset),
                         {source_hash, std::to_string(subset), std::to_string(kGeneratorVersion)});
  } else if ((spec.rfind("gen:", 0) == 0 && parse_count(spec.substr(4), &generated)) ||
             parse_count(spec, &generated)) {
    const GeneratorOptions defaults;
    corpus.key =
        SpecKey("gen" + std::to_string(generated),
                {source_hash, std::to_string(generated), std::to_string(defaults.seed),
                 std::to_string(defaults.near_duplicate_share), std::to_string(kGeneratorVersion)});
  } else {
    return absl::InvalidArgumentError("unknown corpus '" + spec +
                                      "' (reuters, reuters:N, 100k, 1m, gen:N)");
  }
  corpus.dir = cache_dir + "/" + corpus.key;
  std::error_code error;
  fs::create_directories(corpus.dir, error);
  if (error) return absl::InternalError("cannot create " + corpus.dir + ": " + error.message());
  if (corpus.path.empty()) corpus.path = corpus.dir + "/corpus.jsonl.gz";
  const std::string meta_path = corpus.dir + "/corpus.meta.json";

  const std::string meta_text = ReadFile(meta_path);
  if (!meta_text.empty() && fs::exists(corpus.path)) {
    json meta = json::parse(meta_text, nullptr, false);
    if (meta.is_object() && meta.contains("articles")) {
      corpus.articles = meta["articles"].get<size_t>();
      corpus.near_duplicates = meta.value("near_duplicates", size_t{0});
      return corpus;
    }
  }

  json meta = {{"spec", spec},
               {"source", reuters_path},
               {"source_fnv1a", source_hash},
               {"generator_version", kGeneratorVersion}};
  if (spec == "reuters") {
    size_t count = 0;
    absl::Status status = ReadCorpus(corpus.path, [&](BenchArticle&&) {
      ++count;
      return true;
    });
    if (!status.ok()) return status;
    corpus.articles = count;
  } else {
    const double start = Now();
    auto source = LoadCorpus(reuters_path);
    if (!source.ok()) return source.status();
    if (subset > 0) {
      std::cerr << "bench: writing the first " << subset << " Reuters articles to " << corpus.path
                << "\n";
      auto writer = CorpusWriter::Create(corpus.path);
      if (!writer.ok()) return writer.status();
      for (size_t i = 0; i < source->size() && i < subset; ++i) {
        absl::Status status = (*writer)->Write((*source)[i]);
        if (!status.ok()) return status;
        ++corpus.articles;
      }
      absl::Status status = (*writer)->Close();
      if (!status.ok()) return status;
    } else {
      std::cerr << "bench: generating " << generated << " articles into " << corpus.path
                << " ...\n";
      GeneratorOptions options;
      options.articles = generated;
      GeneratorReport report;
      absl::Status status = GenerateCorpus(*source, options, corpus.path, &report);
      if (!status.ok()) return status;
      corpus.articles = report.articles;
      corpus.near_duplicates = report.near_duplicates;
      meta["seed"] = options.seed;
      meta["near_duplicate_share"] = options.near_duplicate_share;
      meta["sentence_pool"] = report.sentences;
      std::cerr << "bench: generated " << report.articles << " articles (" << report.near_duplicates
                << " near-duplicates) in " << Now() - start << " s\n";
    }
  }
  meta["articles"] = corpus.articles;
  meta["near_duplicates"] = corpus.near_duplicates;
  absl::Status status = WriteMeta(meta_path, meta);
  if (!status.ok()) return status;
  return corpus;
}

}  // namespace newsgrep::bench
