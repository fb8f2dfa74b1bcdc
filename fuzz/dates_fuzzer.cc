// SPDX-License-Identifier: GPL-2.0-or-later
// Dates as input files and query words give them: ISO 8601 and RFC 2822 text. A date that
// parses must be a real calendar date and print as ISO 8601 that parses back to itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "newsgrep/dates.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::optional<newsgrep::NewsDate> date = newsgrep::ParseNewsDate(text);
  if (!date) return 0;
  if (date->month < 1 || date->month > 12 || date->day < 1 || date->day > 31 || date->hour < 0 ||
      date->hour > 23 || date->minute < 0 || date->minute > 59 || date->second < 0 ||
      date->second > 60) {
    std::abort();
  }
  const std::optional<newsgrep::NewsDate> again = newsgrep::ParseNewsDate(date->Iso8601());
  if (!again || again->Iso8601() != date->Iso8601()) std::abort();
  return 0;
}
