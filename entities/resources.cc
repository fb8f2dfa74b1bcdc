// SPDX-License-Identifier: GPL-2.0-or-later
/// @file resources.cc
/// @brief Loading the gazetteers (iso-codes, tzdata, libgeonames), the census name lists
/// (libtext-names-perl) and the dictionary (wamerican), all installed from Debian packages.
#include "internal/resources.h"

#include <dlfcn.h>
#include <geonames.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "newsgrep/name_folding.h"

namespace newsgrep {
namespace {

// The warning for a data file that could not be read, naming the Debian package with it.
std::string Unreadable(absl::string_view path, absl::string_view package) {
  return absl::StrCat("cannot read ", path, " (Debian package ", package, ")");
}

// Lower rank wins when two places share a name.
enum Rank : int {
  kRankAlias = 0,  // the explicit tables below
  kRankCountry = 1,
  kRankArea = 2,
  kRankBigCity = 3,  // a city of 100,000 or more
  kRankRegion = 4,
  kRankCity = 5,
};

// Common-usage names that the data files spell otherwise. (Kept short: everything else
// comes from the packaged data.)
struct Alias {
  const char* name;
  const char* canonical;  // an existing place name (found by PlaceKey)
};
constexpr Alias kAliases[] = {
    {"U.S.", "United States"},
    {"USA", "United States"},
    {"U.S.A.", "United States"},
    {"America", "United States"},
    {"United States of America", "United States"},
    {"Britain", "United Kingdom"},
    {"Great Britain", "United Kingdom"},
    {"UK", "United Kingdom"},
    {"U.K.", "United Kingdom"},
    {"Holland", "Netherlands"},
    {"Ivory Coast", "Côte d'Ivoire"},
    {"Czech Republic", "Czechia"},
    {"UAE", "United Arab Emirates"},
    {"U.A.E.", "United Arab Emirates"},
    {"Bosnia", "Bosnia and Herzegovina"},
    {"Macedonia", "North Macedonia"},
    {"Vatican", "Vatican City"},
    {"Swaziland", "Eswatini"},
    {"Burma", "Myanmar"},
    {"DR Congo", "Congo (Dem. Rep.)"},
    {"Soviet Union", "USSR"},
    {"West Germany", "Germany"},
    {"East Germany", "German Democratic Republic"},
    {"Byelorussia", "Belarus"},
    {"Kirghizia", "Kyrgyzstan"},
    {"N. Korea", "North Korea"},
    {"S. Korea", "South Korea"},
    {"S. Africa", "South Africa"},
    {"Frankfurt", "Frankfurt am Main"},
    // Cities: renamed or spelled otherwise in English-language news.
    {"Washington", "Washington D.C."},
    {"D.C.", "Washington D.C."},
    {"Bombay", "Mumbai"},
    {"Madras", "Chennai"},
    {"Peking", "Beijing"},
    {"Leningrad", "Saint Petersburg"},
    {"Odesa", "Odessa"},
    {"Kharkov", "Kharkiv"},
    {"Lvov", "Lviv"},
    {"Arbil", "Erbil"},
    {"Dnepropetrovsk", "Dnipro"},
    {"Zaporozhye", "Zaporizhzhia"},
};

// Continents, seas and areas news names as places (not in the data files).
// clang-format off
constexpr const char* kAreas[] = {
    "Europe",        "Asia",           "Africa",         "North America",  "South America",
    "Latin America", "Central America", "Antarctica",    "Oceania",        "Australasia",
    "Middle East",   "Mideast",        "Far East",       "Near East",      "Balkans",
    "Caucasus",      "Scandinavia",    "Persian Gulf",   "Gulf",           "Caribbean",
    "Mediterranean", "Atlantic",       "Pacific",        "Arctic",         "Indian Ocean",
    "Black Sea",     "Red Sea",        "North Sea",      "Baltic Sea",     "Caspian Sea",
    "West Bank",     "Gaza Strip",     "Golan Heights",  "Kashmir",        "Kurdistan",
    "Tibet",         "Siberia",        "Sahara",         "Sahel",          "Midwest",
    "Central Asia",  "Southeast Asia", "South Asia",     "East Asia",      "Eastern Europe",
    "Western Europe", "Central Europe", "Northern Europe", "Southern Europe",
    "Horn of Africa", "Sub-Saharan Africa", "Baltics",   "Wall Street",    "Silicon Valley",
    "Euro Zone",     "Eurozone",       "Asia-Pacific",   "Chechnya",       "Crimea",
    "Donbas",        "Transnistria",   "Nagorno-Karabakh", "Kosovo",       "Ulster",
};
// clang-format on

// Nationality adjectives the suffix rules below cannot derive.
// clang-format off
constexpr const char* kIrregularDemonyms[] = {
    "French",   "Dutch",     "British",   "English",   "Scottish",  "Scots",    "Welsh",
    "Irish",    "Swiss",     "Greek",     "Thai",      "Turkish",   "Danish",   "Finnish",
    "Spanish",  "Portuguese", "Filipino", "Philippine", "Argentine", "Norwegian", "Belgian",
    "Saudi",    "Afghan",    "Czech",     "Slovak",    "Serb",      "Croat",    "Kosovar",
    "Arab",     "Arabic",    "Kurdish",   "Kurd",      "Basque",    "Catalan",  "Flemish",
    "Walloon",  "Chechen",   "Tajik",     "Uzbek",     "Kazakh",    "Cypriot",  "Maltese",
    "Icelandic", "Slovene",  "Soviet",    "Yugoslav",  "Western",   "Eastern",  "Nordic",
    "Balkan",   "Scandinavian", "Latin",  "Anglo",     "Bosnian",   "Peruvian", "Zairean",
    "Somali",   "Sudanese",  "Lebanese",  "Taiwanese", "Vietnamese", "Burmese", "Congolese",
    "Senegalese", "Ivorian", "Kiwi",      "Pole",      "Swede",     "Dane",     "Finn",
    "Briton",   "Frenchman", "Spaniard",  "Turk",      "Israeli",   "Iraqi",    "Pakistani",
    "Bangladeshi", "Nepali", "Kuwaiti",   "Qatari",    "Omani",     "Yemeni",   "Emirati",
    "Asian",    "African",   "European",  "American",  "Caribbean", "Atlantic", "Pacific",
    "Arctic",   "Mediterranean", "Gulf",  "Palestinian", "Jordanian", "Syrian", "Iranian",
    "Ukrainian", "Russian",  "Belarusian", "Byelorussian", "Lithuanian", "Latvian",
    "Estonian", "Georgian",  "Armenian",  "Azeri",     "Moldovan",  "Romanian", "Bulgarian",
    "Hungarian", "Albanian", "Macedonian", "Montenegrin", "Slovenian", "Croatian",
    "Serbian",  "Austrian",  "German",    "Italian",   "Polish",    "Swedish",  "Chinese",
    "Japanese", "Korean",    "Indonesian", "Malaysian", "Singaporean", "Australian",
    "Canadian", "Mexican",   "Cuban",     "Brazilian", "Chilean",   "Colombian", "Venezuelan",
    "Egyptian", "Libyan",    "Algerian",  "Moroccan",  "Tunisian",  "Nigerian", "Kenyan",
    "Ethiopian", "Rwandan",  "Burundian", "Ugandan",   "Tanzanian", "Zimbabwean",
    "Zambian",  "Angolan",   "Ghanaian",  "Indian",    "Sri Lankan", "Tamil",   "Sikh",
    "Hindu",    "Muslim",    "Christian", "Jewish",    "Shi'ite",   "Sunni",    "Islamic",
    "Cambodian", "Mongolian", "Tibetan",  "Uighur",    "Kashmiri",  "Punjabi",  "Bengali",
    // Languages.
    "Hebrew",   "Swahili",   "Urdu",      "Hindi",     "Mandarin",  "Cantonese", "Farsi",
    "Persian",  "Esperanto", "Yiddish",   "Gaelic",    "Transylvanian", "Flemish", "Castilian",
};
// clang-format on

std::string ReadFile(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *ok = false;
    return "";
  }
  std::ostringstream out;
  out << in.rdbuf();
  *ok = true;
  return out.str();
}

// FNV-1a, 64 bits: a digest that names a data file's content in the index's metadata
// (not a security measure).
class Fnv1a {
 public:
  void Add(absl::string_view bytes) {
    for (const char c : bytes) {
      hash_ ^= static_cast<unsigned char>(c);
      hash_ *= 0x100000001b3ULL;
    }
  }
  std::string Hex() const { return absl::StrFormat("%016x", hash_); }

 private:
  uint64_t hash_ = 0xcbf29ce484222325ULL;
};

// Reads `path`, one of `package`'s files, and records it among the data's sources.
std::string ReadDataFile(EntityResources::Data& data, const std::string& path,
                         absl::string_view package, bool* ok) {
  std::string text = ReadFile(path, ok);
  if (*ok) {
    Fnv1a digest;
    digest.Add(text);
    data.sources.push_back({std::string(package), "", path, text.size(), digest.Hex()});
  }
  return text;
}

// The version dpkg's status file (at `status_path`) gives each of `sources`' packages; none
// where there is no such file (not a Debian system) or no such package.
void SetPackageVersions(const std::string& status_path, std::vector<DataSource>& sources) {
  bool ok = false;
  const std::string status = ReadFile(status_path, &ok);
  if (!ok) return;
  absl::flat_hash_map<std::string, std::string> versions;
  for (const DataSource& source : sources) versions.emplace(source.package, "");
  // Paragraphs of "Field: value" lines, one per package (and architecture); only an
  // installed package's counts, not what a removed one left ("deinstall ok config-files").
  absl::string_view package, version;
  bool installed = false;
  auto end_paragraph = [&] {
    if (installed && !package.empty() && !version.empty()) {
      const auto it = versions.find(package);
      if (it != versions.end() && it->second.empty()) it->second = std::string(version);
    }
    package = version = {};
    installed = false;
  };
  for (absl::string_view line : absl::StrSplit(status, '\n')) {
    if (line.empty()) {
      end_paragraph();
    } else if (absl::ConsumePrefix(&line, "Package: ")) {
      package = line;
    } else if (absl::ConsumePrefix(&line, "Version: ")) {
      version = line;
    } else if (absl::ConsumePrefix(&line, "Status: ")) {
      installed = absl::EndsWith(line, " installed");
    }
  }
  end_paragraph();
  for (DataSource& source : sources) source.version = versions[source.package];
}

// "Bolivia, Plurinational State of" → "Bolivia"; "Wales [Cymru GB-CYM]" → "Wales";
// "Korea (South)" → "South Korea"; "Myanmar (Burma)" → "Myanmar" and "Burma";
// "Bosnia & Herzegovina" → "Bosnia and Herzegovina".
std::vector<std::string> CleanNames(absl::string_view raw) {
  std::string name(raw);
  if (size_t bracket = name.find(" ["); bracket != std::string::npos) name.resize(bracket);
  std::vector<std::string> out;
  std::string inside;
  if (size_t paren = name.find(" ("); paren != std::string::npos) {
    const size_t close = name.find(')', paren);
    if (close != std::string::npos) inside = name.substr(paren + 2, close - paren - 2);
    name.resize(paren);
  }
  if (size_t comma = name.find(", "); comma != std::string::npos) name.resize(comma);
  absl::StrReplaceAll({{" & ", " and "}}, &name);
  absl::string_view stripped = absl::StripAsciiWhitespace(name);
  if (stripped.empty()) return out;
  static constexpr absl::string_view kQualifiers[] = {"North",    "South",  "East", "West",
                                                      "American", "French", "Dutch"};
  if (!inside.empty()) {
    bool qualifier = false;
    for (absl::string_view q : kQualifiers) {
      if (absl::EqualsIgnoreCase(inside, q)) qualifier = true;
    }
    if (qualifier) {
      out.push_back(absl::StrCat(inside, " ", stripped));
      return out;
    }
  }
  out.emplace_back(stripped);
  if (!inside.empty() && inside.find('.') == std::string::npos &&
      !absl::EqualsIgnoreCase(inside, "western") && inside.size() > 3) {
    out.push_back(inside);
  }
  return out;
}

class Builder {
 public:
  explicit Builder(EntityResources::Data& data) : data_(data) {}

  uint32_t AddEntry(PlaceEntry entry) {
    entry.key = PlaceKey(entry.canonical);
    data_.places.push_back(std::move(entry));
    return static_cast<uint32_t>(data_.places.size() - 1);
  }

  // Makes `name` a name of place `index`, unless a better-ranked place has it.
  void AddName(absl::string_view name, uint32_t index, int rank) {
    const std::string key = PlaceKey(name);
    if (key.empty()) return;
    PlaceEntry& entry = data_.places[index];
    auto [it, inserted] = best_.try_emplace(key, rank, index);
    if (!inserted) {
      auto& [old_rank, old_index] = it->second;
      const bool better =
          rank < old_rank ||
          (rank == old_rank && entry.population > data_.places[old_index].population);
      if (!better) return;
      it->second = {rank, index};
    }
    data_.place_by_name[key] = index;
    const size_t words = std::count(key.begin(), key.end(), ' ') + 1;
    data_.max_place_words = std::max(data_.max_place_words, words);
    if (std::find(entry.aliases.begin(), entry.aliases.end(), name) == entry.aliases.end()) {
      entry.aliases.emplace_back(name);
    }
  }

  // The place currently holding `name`, or -1.
  int64_t Find(absl::string_view name) const {
    auto it = data_.place_by_name.find(PlaceKey(name));
    return it == data_.place_by_name.end() ? -1 : static_cast<int64_t>(it->second);
  }
  int RankOf(absl::string_view name) const {
    auto it = best_.find(PlaceKey(name));
    return it == best_.end() ? 99 : it->second.first;
  }

 private:
  EntityResources::Data& data_;
  absl::flat_hash_map<std::string, std::pair<int, uint32_t>> best_;
};

void LoadCountries(const EntityResourcesOptions& options, EntityResources::Data& data,
                   Builder& builder, bool* any) {
  // tzdata's short names first ("Russia", "Britain (UK)"), by code.
  absl::flat_hash_map<std::string, std::vector<std::string>> tz_names;
  bool ok = false;
  const std::string iso3166 =
      ReadDataFile(data, options.zoneinfo_dir + "/iso3166.tab", "tzdata", &ok);
  if (ok) {
    for (absl::string_view line : absl::StrSplit(iso3166, '\n')) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
      if (fields.size() < 2) continue;
      tz_names[std::string(fields[0])] = CleanNames(fields[1]);
    }
  } else {
    data.warnings.push_back(Unreadable(options.zoneinfo_dir + "/iso3166.tab", "tzdata"));
  }
  const std::string json_text =
      ReadDataFile(data, options.iso_codes_dir + "/iso_3166-1.json", "iso-codes", &ok);
  nlohmann::json json = ok ? nlohmann::json::parse(json_text, nullptr, false) : nlohmann::json();
  if (!ok || !json.is_object()) {
    data.warnings.push_back(Unreadable(options.iso_codes_dir + "/iso_3166-1.json", "iso-codes"));
  }
  absl::flat_hash_set<std::string> done;
  auto add_country = [&](const std::string& code, std::vector<std::string> names) {
    if (names.empty()) return;
    PlaceEntry entry;
    entry.canonical = names.front();
    entry.kind = LocationKind::kCountry;
    entry.country = code;
    const uint32_t index = builder.AddEntry(std::move(entry));
    for (const std::string& name : names) builder.AddName(name, index, kRankCountry);
    done.insert(code);
    *any = true;
  };
  if (json.is_object() && json.contains("3166-1")) {
    for (const nlohmann::json& c : json["3166-1"]) {
      const std::string code = c.value("alpha_2", "");
      std::vector<std::string> names;
      auto add = [&names](const std::vector<std::string>& more) {
        for (const std::string& n : more) {
          if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
        }
      };
      // Display name: the common name; else the ISO name when it is a plain short name
      // ("United Kingdom"), else tzdata's ("Russia" rather than "Russian Federation").
      const std::string iso_name = c.value("name", "");
      const bool plain = iso_name.find_first_of(",(") == std::string::npos &&
                         iso_name.find(" of") == std::string::npos &&
                         iso_name.find("Federation") == std::string::npos &&
                         iso_name.find("Republic") == std::string::npos;
      if (c.contains("common_name")) add(CleanNames(c.value("common_name", "")));
      if (plain) add(CleanNames(iso_name));
      if (auto it = tz_names.find(code); it != tz_names.end()) add(it->second);
      add(CleanNames(iso_name));
      if (c.contains("official_name")) add({c.value("official_name", "")});
      add_country(code, std::move(names));
    }
  }
  for (auto& [code, names] : tz_names) {
    if (!done.contains(code)) add_country(code, names);
  }
  // Former countries (USSR, Yugoslavia, Zaire, Czechoslovakia…).
  const std::string former =
      ReadDataFile(data, options.iso_codes_dir + "/iso_3166-3.json", "iso-codes", &ok);
  nlohmann::json former_json =
      ok ? nlohmann::json::parse(former, nullptr, false) : nlohmann::json();
  if (former_json.is_object() && former_json.contains("3166-3")) {
    for (const nlohmann::json& c : former_json["3166-3"]) {
      std::vector<std::string> names = CleanNames(c.value("name", ""));
      const std::string full = c.value("name", "");
      // "USSR, Union of Soviet Socialist Republics": the part after the comma is a name too.
      if (size_t comma = full.find(", ");
          comma != std::string::npos && full.find(" of", comma) == std::string::npos) {
        names.push_back(full.substr(comma + 2));
      }
      names.erase(std::remove_if(names.begin(), names.end(),
                                 [&](const std::string& n) { return builder.Find(n) >= 0; }),
                  names.end());
      if (names.empty()) continue;
      PlaceEntry entry;
      entry.canonical = names.front();
      entry.kind = LocationKind::kCountry;
      entry.country = c.value("alpha_2", "");
      const uint32_t index = builder.AddEntry(std::move(entry));
      for (const std::string& name : names) builder.AddName(name, index, kRankCountry);
    }
  }
}

void LoadSubdivisions(const EntityResourcesOptions& options, EntityResources::Data& data,
                      Builder& builder, bool* any) {
  bool ok = false;
  const std::string text =
      ReadDataFile(data, options.iso_codes_dir + "/iso_3166-2.json", "iso-codes", &ok);
  nlohmann::json json = ok ? nlohmann::json::parse(text, nullptr, false) : nlohmann::json();
  if (!json.is_object() || !json.contains("3166-2")) {
    data.warnings.push_back(Unreadable(options.iso_codes_dir + "/iso_3166-2.json", "iso-codes"));
    return;
  }
  for (const nlohmann::json& s : json["3166-2"]) {
    const std::string code = s.value("code", "");
    const std::string type = s.value("type", "");
    for (const std::string& name : CleanNames(s.value("name", ""))) {
      // A single common word ("Centre", "Central", "North") is no place name on its own.
      if (name.find(' ') == std::string::npos && data.IsCommonWord(absl::AsciiStrToLower(name))) {
        continue;
      }
      const bool country = type == "Country" || type == "Nation";
      PlaceEntry entry;
      entry.canonical = name;
      entry.kind = country ? LocationKind::kCountry : LocationKind::kRegion;
      entry.country = code.substr(0, 2);
      const uint32_t index = builder.AddEntry(std::move(entry));
      builder.AddName(name, index, country ? kRankCountry : kRankRegion);
      *any = true;
    }
  }
}

// libgeonames, opened when the gazetteer is loaded rather than linked: it and the GLib it
// pulls in are 10 of the shared libraries a process would otherwise load at start, which
// every search would pay for (bench/process.sh: a whole search process against sqlite3's).
// RTLD_NODELETE: GLib's type system must not be unloaded.
struct GeonamesApi {
  decltype(&geonames_get_n_cities) get_n_cities = nullptr;
  decltype(&geonames_get_city) get_city = nullptr;
  decltype(&geonames_city_get_name) city_get_name = nullptr;
  decltype(&geonames_city_get_country_code) city_get_country_code = nullptr;
  decltype(&geonames_city_get_population) city_get_population = nullptr;
  decltype(&geonames_city_get_state) city_get_state = nullptr;
  decltype(&geonames_city_free) city_free = nullptr;
};

std::optional<GeonamesApi> OpenGeonames(const std::string& name, std::string* error) {
  void* library = dlopen(name.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
  if (library == nullptr) {
    const char* why = dlerror();
    *error = why != nullptr ? why : name;
    return std::nullopt;
  }
  GeonamesApi api;
  bool found = true;
  auto bind = [&](auto& function, const char* symbol) {
    function =
        reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(library, symbol));
    found = found && function != nullptr;
  };
  bind(api.get_n_cities, "geonames_get_n_cities");
  bind(api.get_city, "geonames_get_city");
  bind(api.city_get_name, "geonames_city_get_name");
  bind(api.city_get_country_code, "geonames_city_get_country_code");
  bind(api.city_get_population, "geonames_city_get_population");
  bind(api.city_get_state, "geonames_city_get_state");
  bind(api.city_free, "geonames_city_free");
  dlclose(library);  // (RTLD_NODELETE: stays loaded)
  if (!found) {
    *error = absl::StrCat(name, " lacks a geonames_* function");
    return std::nullopt;
  }
  return api;
}

void LoadGeonames(const EntityResourcesOptions& options, EntityResources::Data& data,
                  Builder& builder, bool* any) {
  std::string error;
  const std::optional<GeonamesApi> geonames = OpenGeonames(options.geonames_library, &error);
  if (!geonames) {
    data.warnings.push_back(absl::StrCat("cannot load ", options.geonames_library,
                                         " (Debian package libgeonames0): ", error));
    return;
  }
  const gint n = geonames->get_n_cities();
  absl::flat_hash_set<std::string> states;
  Fnv1a digest;  // over what is read: names, countries, states, populations
  for (gint i = 0; i < n; ++i) {
    GeonamesCity* city = geonames->get_city(i);
    if (city == nullptr) continue;
    PlaceEntry entry;
    entry.canonical = geonames->city_get_name(city);
    entry.kind = LocationKind::kCity;
    entry.country = geonames->city_get_country_code(city);
    entry.population = geonames->city_get_population(city);
    std::string state = geonames->city_get_state(city) ? geonames->city_get_state(city) : "";
    digest.Add(absl::StrCat(entry.canonical, "\t", entry.country, "\t", state, "\t",
                            entry.population, "\n"));
    const std::string country = entry.country;
    const bool big = entry.population >= 100000;
    const std::string name = entry.canonical;
    // "Washington D.C." etc.: the name without " D.C." is handled by the alias table.
    const uint32_t index = builder.AddEntry(std::move(entry));
    builder.AddName(name, index, big ? kRankBigCity : kRankCity);
    if (!state.empty() && states.insert(absl::StrCat(country, "|", state)).second) {
      std::string region = state;
      if (absl::StartsWith(region, "State of ")) region = region.substr(9);
      PlaceEntry r;
      r.canonical = region;
      r.kind = LocationKind::kRegion;
      r.country = country;
      const uint32_t rindex = builder.AddEntry(std::move(r));
      if (region.find(' ') != std::string::npos ||
          !data.IsCommonWord(absl::AsciiStrToLower(region))) {
        builder.AddName(region, rindex, kRankRegion);
      }
    }
    geonames->city_free(city);
  }
  if (n > 0) {
    *any = true;
    data.sources.push_back({"libgeonames0", "", "(compiled into libgeonames)",
                            static_cast<uint64_t>(n), digest.Hex()});
  }
}

// tzdata: zone.tab cities, and tzdata.zi's links for renamed cities (Kiev → Kyiv).
void LoadTzCities(const EntityResourcesOptions& options, EntityResources::Data& data,
                  Builder& builder, bool* any) {
  bool ok = false;
  const std::string zones = ReadDataFile(data, options.zoneinfo_dir + "/zone.tab", "tzdata", &ok);
  if (!ok) {
    data.warnings.push_back(Unreadable(options.zoneinfo_dir + "/zone.tab", "tzdata"));
    return;
  }
  auto city_of = [](absl::string_view zone) {
    std::string city(zone.substr(zone.rfind('/') + 1));
    absl::StrReplaceAll({{"_", " "}}, &city);
    return city;
  };
  absl::flat_hash_set<std::string> zone_names;
  for (absl::string_view line : absl::StrSplit(zones, '\n')) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
    if (fields.size() < 3) continue;
    zone_names.insert(std::string(fields[2]));
    const std::string city = city_of(fields[2]);
    if (builder.Find(city) >= 0) continue;
    PlaceEntry entry;
    entry.canonical = city;
    entry.kind = LocationKind::kCity;
    entry.country = std::string(fields[0]);
    const uint32_t index = builder.AddEntry(std::move(entry));
    builder.AddName(city, index, kRankCity);
    *any = true;
  }
  const std::string zi = ReadDataFile(data, options.zoneinfo_dir + "/tzdata.zi", "tzdata", &ok);
  if (!ok) return;
  for (absl::string_view line : absl::StrSplit(zi, '\n')) {
    if (!absl::StartsWith(line, "L ")) continue;
    std::vector<absl::string_view> fields = absl::StrSplit(line, ' ');
    if (fields.size() != 3) continue;
    const absl::string_view target = fields[1], link = fields[2];
    const size_t ts = target.find('/'), ls = link.find('/');
    if (ts == absl::string_view::npos || ls == absl::string_view::npos) continue;
    if (target.substr(0, ts) != link.substr(0, ls) || !zone_names.contains(target)) continue;
    const std::string old_name = city_of(link);
    // A link between two distinct cities sharing a zone (Belfast → London) is no rename:
    // only names that are not places already count.
    if (builder.Find(old_name) >= 0 || old_name.size() < 4) continue;
    if (data.IsCommonWord(absl::AsciiStrToLower(old_name))) continue;  // Australia/West
    if (std::all_of(old_name.begin(), old_name.end(),
                    [](char c) { return absl::ascii_isupper(c) || c == ' '; })) {
      continue;
    }
    const int64_t index = builder.Find(city_of(target));
    if (index >= 0) builder.AddName(old_name, static_cast<uint32_t>(index), kRankCity);
  }
}

void LoadAreasAndAliases(Builder& builder, EntityResources::Data& data) {
  for (const char* area : kAreas) {
    if (builder.Find(area) >= 0 && builder.RankOf(area) <= kRankArea) continue;
    PlaceEntry entry;
    entry.canonical = area;
    entry.kind = LocationKind::kArea;
    const uint32_t index = builder.AddEntry(std::move(entry));
    builder.AddName(area, index, kRankArea);
  }
  for (const Alias& alias : kAliases) {
    const int64_t index = builder.Find(alias.canonical);
    if (index >= 0) {
      builder.AddName(alias.name, static_cast<uint32_t>(index), kRankAlias);
      PlaceEntry& entry = data.places[static_cast<size_t>(index)];
      data.well_known.insert(PlaceKey(alias.name));
      if (absl::string_view(alias.name) == "Washington") {
        entry.canonical = "Washington, D.C.";
        entry.key = PlaceKey(entry.canonical);
      }
    }
  }
}

void LoadDictionary(const EntityResourcesOptions& options, EntityResources::Data& data) {
  bool ok = false;
  const std::string text = ReadDataFile(data, options.dictionary, "wamerican", &ok);
  if (!ok) {
    data.warnings.push_back(Unreadable(options.dictionary, "wamerican"));
    return;
  }
  for (absl::string_view word : absl::StrSplit(text, '\n')) {
    if (word.empty() || word.find('\'') != absl::string_view::npos) continue;
    if (absl::ascii_isupper(static_cast<unsigned char>(word[0]))) {
      data.proper_words.insert(absl::AsciiStrToLower(word));
    } else {
      data.common_words.insert(std::string(word));
    }
  }
}

// The US census lists inside Text::Names: heredoc blocks of "NAME freq cumfreq rank".
void LoadCensusNames(const EntityResourcesOptions& options, EntityResources::Data& data) {
  bool ok = false;
  const std::string text = ReadDataFile(data, options.census_names, "libtext-names-perl", &ok);
  if (!ok) {
    data.warnings.push_back(Unreadable(options.census_names, "libtext-names-perl"));
    return;
  }
  enum { kNone, kMale, kFemale, kSurname } block = kNone;
  absl::flat_hash_map<std::string, float> male, female;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (absl::StartsWith(line, "$COMMON_MALE_FIRSTNAMES = <<")) {
      block = kMale;
      continue;
    }
    if (absl::StartsWith(line, "$COMMON_FEMALE_FIRSTNAMES = <<")) {
      block = kFemale;
      continue;
    }
    if (absl::StartsWith(line, "$COMMON_SURNAMES = <<")) {
      block = kSurname;
      continue;
    }
    if (line == "ENDNAMES") {
      block = kNone;
      continue;
    }
    if (block == kNone) continue;
    std::vector<absl::string_view> fields = absl::StrSplit(line, ' ', absl::SkipEmpty());
    for (size_t i = 0; i + 1 < fields.size(); i += 4) {
      float frequency = 0;
      if (!absl::SimpleAtof(fields[i + 1], &frequency)) break;
      const std::string name = absl::AsciiStrToLower(fields[i]);
      if (block == kMale) male[name] = frequency;
      if (block == kFemale) female[name] = frequency;
      if (block == kSurname) data.surnames[name] = frequency;
    }
  }
  for (const auto& [name, f] : male) data.given_names[name] += f;
  for (const auto& [name, f] : female) data.given_names[name] += f;
  for (const auto& [name, total] : data.given_names) {
    const float m = male.contains(name) ? male[name] : 0,
                f = female.contains(name) ? female[name] : 0;
    data.given_gender[name] = m > 4 * f ? 'M' : f > 4 * m ? 'F' : 0;
  }
}

// Nationality adjectives: derived from country and area names by suffix rules, kept when
// the dictionary knows them as proper nouns; plus the irregular ones.
void DeriveDemonyms(EntityResources::Data& data) {
  auto add = [&data](const std::string& word) {
    data.demonyms.insert(word);
    data.demonyms.insert(word + "s");
  };
  for (const char* irregular : kIrregularDemonyms) add(absl::AsciiStrToLower(irregular));
  for (const PlaceEntry& place : data.places) {
    if (place.kind != LocationKind::kCountry && place.kind != LocationKind::kArea) continue;
    for (const std::string& alias : place.aliases) {
      if (alias.find(' ') != std::string::npos) continue;
      const std::string n = absl::AsciiStrToLower(alias);
      if (n.size() < 4) continue;
      std::vector<std::string> candidates = {n + "n", n + "an", n + "ian", n + "ese", n + "i"};
      const std::string stem = n.substr(0, n.size() - 1);
      for (const char* suffix : {"an", "ian", "ese", "ish", "i", "ic", "n"}) {
        candidates.push_back(stem + suffix);
      }
      if (absl::EndsWith(n, "land")) candidates.push_back(n.substr(0, n.size() - 4) + "ish");
      if (absl::EndsWith(n, "en")) candidates.push_back(n.substr(0, n.size() - 2) + "ish");
      for (const std::string& c : candidates) {
        // A derived word that names a place is that place: "Iraq" → "Iran" is no
        // nationality.
        if (c != n && data.proper_words.contains(c) && data.FindPlace(c) == nullptr) add(c);
      }
    }
  }
}

}  // namespace

std::string PlaceKey(absl::string_view name) {
  const std::string ascii = FoldToAscii(name);
  std::string key;
  key.reserve(ascii.size());
  for (const char c : ascii) {
    if (c == '.' || c == '\'' || c == '`') continue;
    if (absl::ascii_isalnum(c)) {
      key += c;
    } else if (!key.empty() && key.back() != ' ') {
      key += ' ';
    }
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  if (absl::StartsWith(key, "saint ")) key.replace(0, 5, "st");
  if (absl::StartsWith(key, "the ")) key.erase(0, 4);
  return key;
}

const PlaceEntry* EntityResources::Data::FindPlace(absl::string_view name) const {
  auto it = place_by_name.find(PlaceKey(name));
  return it == place_by_name.end() ? nullptr : &places[it->second];
}

EntityResources::EntityResources(std::unique_ptr<Data> data) : data_(std::move(data)) {}
EntityResources::~EntityResources() = default;

const std::vector<std::string>& EntityResources::warnings() const { return data_->warnings; }
const std::vector<DataSource>& EntityResources::sources() const { return data_->sources; }

std::string DescribeDataSources(const std::vector<DataSource>& sources) {
  std::string out;
  for (const DataSource& source : sources) {
    absl::StrAppend(&out, source.package, "\t", source.version.empty() ? "-" : source.version, "\t",
                    source.path, "\t", source.bytes, "\t", source.digest, "\n");
  }
  return out;
}
size_t EntityResources::place_name_count() const { return data_->place_by_name.size(); }
size_t EntityResources::given_name_count() const { return data_->given_names.size(); }
size_t EntityResources::surname_count() const { return data_->surnames.size(); }
size_t EntityResources::dictionary_word_count() const {
  return data_->common_words.size() + data_->proper_words.size();
}

absl::StatusOr<std::shared_ptr<const EntityResources>> EntityResources::Load(
    const EntityResourcesOptions& options) {
  auto data = std::make_unique<Data>();
  LoadDictionary(options, *data);
  LoadCensusNames(options, *data);
  Builder builder(*data);
  bool any = false;
  LoadCountries(options, *data, builder, &any);
  if (options.geonames) LoadGeonames(options, *data, builder, &any);
  LoadSubdivisions(options, *data, builder, &any);
  LoadTzCities(options, *data, builder, &any);
  LoadAreasAndAliases(builder, *data);
  DeriveDemonyms(*data);
  SetPackageVersions(options.dpkg_status, data->sources);
  if (!any) {
    std::string message = "no gazetteer data could be read";
    for (const std::string& w : data->warnings) absl::StrAppend(&message, "; ", w);
    return absl::NotFoundError(message);
  }
  return std::shared_ptr<const EntityResources>(new EntityResources(std::move(data)));
}

std::shared_ptr<const EntityResources> EntityResources::Shared() {
  static const std::shared_ptr<const EntityResources> shared = [] {
    absl::StatusOr<std::shared_ptr<const EntityResources>> loaded = Load();
    if (loaded.ok()) return *std::move(loaded);
    auto empty = std::make_unique<Data>();
    empty->warnings.emplace_back(loaded.status().message());
    return std::shared_ptr<const EntityResources>(new EntityResources(std::move(empty)));
  }();
  return shared;
}

}  // namespace newsgrep
