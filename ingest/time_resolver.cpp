#include "time_resolver.hpp"

#include <cstdlib>
#include <optional>

#include <fmt/format.h>

#include "document_reader.hpp"
#include "lexicon.hpp"

namespace irkg::ingest {

std::int64_t days_from_civil(int year, int month, int day) {
    // Howard Hinnant's algorithm.
    year -= month <= 2;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return fmt::format("{:04}-{:02}-{:02}", y + (m <= 2), m, d);
}

namespace {

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return days[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::string iso(int y, int m, int d) { return fmt::format("{:04}-{:02}-{:02}", y, m, d); }

std::optional<int> small_number(const Token& t, int lo, int hi) {
    if (!t.number) return std::nullopt;
    int v = 0;
    std::size_t i = 0;
    for (; i < t.norm.size() && t.norm[i] >= '0' && t.norm[i] <= '9'; ++i) {
        v = v * 10 + (t.norm[i] - '0');
        if (v > 100000) return std::nullopt;
    }
    std::string_view rest = std::string_view(t.norm).substr(i);
    if (!(rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th")) return std::nullopt;
    if (v < lo || v > hi) return std::nullopt;
    return v;
}

struct Found {
    std::uint32_t first = 0, last = 0;  // token range of the expression
    std::string start, end;
};

}  // namespace

graph::TimeSpan TimeResolver::resolve(std::string_view text, const std::vector<Token>& tokens, std::uint32_t first,
                                      std::uint32_t last, std::uint32_t trigger, std::string_view article_date,
                                      bool future) const {
    int ay = 0, am = 0, ad = 0;
    const bool dated = parse_iso_date(article_date, ay, am, ad);
    const std::int64_t today = dated ? days_from_civil(ay, am, ad) : 0;
    std::vector<Found> found;
    auto norm = [&](std::uint32_t i) -> std::string_view { return i < last ? std::string_view(tokens[i].norm) : ""; };

    for (std::uint32_t i = first; i < last; ++i) {
        const std::string_view w = tokens[i].norm;
        if (!tokens[i].word) continue;
        if (dated && (w == "yesterday" || w == "today" || w == "tomorrow")) {
            auto day = today + (w == "yesterday" ? -1 : w == "tomorrow" ? 1 : 0);
            found.push_back({i, i + 1, civil_from_days(day), civil_from_days(day)});
            continue;
        }
        if (dated && (w == "last" || w == "next" || w == "this" || w == "earlier" || w == "later") && i + 1 < last) {
            const std::string_view unit = norm(i + 1);
            const int dir = (w == "last" || w == "earlier") ? -1 : (w == "next" || w == "later") ? 1 : 0;
            if (unit == "week") {
                const std::int64_t monday = today - ((today + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday
                const std::int64_t s = monday + 7 * dir;
                found.push_back({i, i + 2, civil_from_days(s), civil_from_days(s + 6)});
            } else if (unit == "month") {
                int y = ay, m = am + dir;
                if (m < 1) m = 12, --y;
                if (m > 12) m = 1, ++y;
                found.push_back({i, i + 2, iso(y, m, 1), iso(y, m, days_in_month(y, m))});
            } else if (unit == "year") {
                found.push_back({i, i + 2, iso(ay + dir, 1, 1), iso(ay + dir, 12, 31)});
            } else if (auto wd = lexicon_.weekdays.find(std::string(unit)); wd != lexicon_.weekdays.end() && dir != 0) {
                const std::int64_t dow = ((today + 3) % 7 + 7) % 7;  // 0 = Monday
                std::int64_t delta = wd->second - dow;
                // "last Friday": the one before today; "next Friday": the one after today.
                std::int64_t day = dir < 0 ? today + (delta < 0 ? delta : delta - 7) : today + (delta > 0 ? delta : delta + 7);
                found.push_back({i, i + 2, civil_from_days(day), civil_from_days(day)});
                ++i;
            }
            continue;
        }
        if (auto wd = lexicon_.weekdays.find(std::string(w)); dated && wd != lexicon_.weekdays.end()) {
            if (i > first && (norm(i - 1) == "last" || norm(i - 1) == "next")) continue;
            const std::int64_t dow = ((today + 3) % 7 + 7) % 7;
            std::int64_t delta = wd->second - dow;
            std::int64_t day = future ? today + (delta >= 0 ? delta : delta + 7) : today + (delta <= 0 ? delta : delta - 7);
            Found f{i, i + 1, civil_from_days(day), civil_from_days(day)};
            // "Wednesday to Friday", "Monday through Wednesday"
            if (i + 2 < last && (norm(i + 1) == "to" || norm(i + 1) == "through" || norm(i + 1) == "--" ||
                                 norm(i + 1) == "-" || norm(i + 1) == "and")) {
                if (auto wd2 = lexicon_.weekdays.find(std::string(norm(i + 2))); wd2 != lexicon_.weekdays.end()) {
                    std::int64_t span = ((wd2->second - wd->second) % 7 + 7) % 7;
                    f.last = i + 3;
                    f.end = civil_from_days(day + span);
                    i += 2;
                }
            }
            found.push_back(std::move(f));
            continue;
        }
        if (auto mo = lexicon_.months.find(std::string(w)); mo != lexicon_.months.end()) {
            // "may" is a month only with a day or year next to it, or capitalised after "in".
            if (w == "may" && !tokens[i].cap) continue;
            const int month = mo->second;
            std::optional<int> day, year;
            std::uint32_t s = i, e = i + 1;
            if (e < last && (day = small_number(tokens[e], 1, 31))) {
                ++e;
                if (e + 1 < last && norm(e) == "," && (year = small_number(tokens[e + 1], 1800, 2200))) e += 2;
                else if (e < last && (year = small_number(tokens[e], 1800, 2200))) ++e;
            } else if (i > first && (day = small_number(tokens[i - 1], 1, 31))) {
                s = i - 1;
                if (e < last && (year = small_number(tokens[e], 1800, 2200))) ++e;
            } else if (e < last && (year = small_number(tokens[e], 1800, 2200))) {
                ++e;
            } else if (w == "may" || !(i > first && (norm(i - 1) == "in" || norm(i - 1) == "since" ||
                                                      norm(i - 1) == "until" || norm(i - 1) == "early" ||
                                                      norm(i - 1) == "late" || norm(i - 1) == "mid"))) {
                continue;
            }
            int y = year ? *year : ay;
            if (!year) {
                if (!dated) continue;
                if (future && month < am) ++y;
                if (!future && month > am) --y;
            }
            if (day) {
                if (*day > days_in_month(y, month)) continue;
                found.push_back({s, e, iso(y, month, *day), iso(y, month, *day)});
            } else {
                found.push_back({s, e, iso(y, month, 1), iso(y, month, days_in_month(y, month))});
            }
            i = e - 1;
            continue;
        }
        if (auto y = small_number(tokens[i], 1900, 2100); y && tokens[i].norm.size() == 4 && i > first &&
                                                          (norm(i - 1) == "in" || norm(i - 1) == "since" ||
                                                           norm(i - 1) == "until" || norm(i - 1) == "by")) {
            found.push_back({i, i + 1, iso(*y, 1, 1), iso(*y, 12, 31)});
        }
    }

    // ", who met Blinken last year,": a relative clause dates its own event, not the trigger's.
    for (std::uint32_t k = first; k + 1 < last; ++k) {
        if (!tokens[k].is(",") || (!tokens[k + 1].is("who") && !tokens[k + 1].is("which"))) continue;
        std::uint32_t e = k + 2;
        while (e < last && !tokens[e].is(",") && !tokens[e].is(".")) ++e;
        if (trigger > k && trigger < e) continue;
        std::erase_if(found, [&](const Found& f) { return f.first > k && f.last <= e; });
    }
    // "since June 1982" dates a state of affairs, not the event.
    std::erase_if(found, [&](const Found& f) { return f.first > first && tokens[f.first - 1].is("since"); });
    graph::TimeSpan span;
    if (found.empty()) {
        if (dated) span.start = span.end = iso(ay, am, ad);
        return span;
    }
    auto distance = [&](const Found& f) -> std::int64_t {
        if (trigger < f.first) return f.first - trigger;
        if (trigger >= f.last) return trigger - f.last + 1;
        return 0;
    };
    const Found* best = &found.front();
    for (const auto& f : found)
        if (distance(f) < distance(*best)) best = &f;
    span.text = std::string(text.substr(tokens[best->first].begin, tokens[best->last - 1].end - tokens[best->first].begin));
    span.start = best->start;
    span.end = best->end;
    return span;
}

}  // namespace irkg::ingest
