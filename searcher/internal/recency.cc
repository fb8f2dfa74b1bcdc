// SPDX-License-Identifier: GPL-2.0-or-later
/// @file recency.cc
/// @brief The decaying recency bonus.
#include "internal/recency.h"

#include <cmath>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"

namespace newsgrep::internal {
namespace {

class RecencySource : public Xapian::ValuePostingSource {
 public:
  RecencySource(Xapian::valueno value_slot, int64_t reference, double weight, double half_life_days)
      : ValuePostingSource(value_slot),
        reference_(reference),
        weight_(weight),
        half_life_days_(half_life_days) {}

  void init(const Xapian::Database& database) override {
    ValuePostingSource::init(database);
    set_maxweight(weight_);
  }

  double get_weight() const override {
    const std::optional<int64_t> seconds = TimestampSeconds(get_value());
    if (!seconds) return 0;
    const double age_days = std::max<double>(0, static_cast<double>(reference_ - *seconds)) / 86400;
    return weight_ * std::exp2(-age_days / half_life_days_);
  }

  Xapian::PostingSource* clone() const override {
    return new RecencySource(get_slot(), reference_, weight_, half_life_days_);
  }

  std::string get_description() const override {
    return absl::StrCat("newsgrep.recency(", weight_, " x 2^(-age/", half_life_days_, "d))");
  }

 private:
  int64_t reference_;
  double weight_;
  double half_life_days_;
};

}  // namespace

std::optional<int64_t> TimestampSeconds(absl::string_view value) {
  if (value.size() != 14) return std::nullopt;
  int64_t digits[14];
  for (size_t i = 0; i < 14; ++i) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(value[i]))) return std::nullopt;
    digits[i] = value[i] - '0';
  }
  auto number = [&](size_t from, size_t count) {
    int64_t n = 0;
    for (size_t i = from; i < from + count; ++i) n = n * 10 + digits[i];
    return n;
  };
  return absl::CivilSecond(number(0, 4), number(4, 2), number(6, 2), number(8, 2), number(10, 2),
                           number(12, 2)) -
         absl::CivilSecond(1970, 1, 1, 0, 0, 0);
}

Xapian::Query RecencyBonus(Xapian::valueno slot, const std::string& reference, double weight,
                           double half_life_days) {
  const int64_t reference_seconds = TimestampSeconds(reference).value_or(0);
  return Xapian::Query(
      (new RecencySource(slot, reference_seconds, weight, half_life_days))->release());
}

}  // namespace newsgrep::internal
