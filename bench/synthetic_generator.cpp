#include "synthetic_generator.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "graph/json_file.hpp"

namespace irkg::bench {

namespace {

using graph::Entity;
using graph::EntityType;
using graph::RelationType;

/// The states news names most, first (ISO3). The rest follow in states.json order.
constexpr std::array<std::string_view, 40> k_big_states{
    "USA", "CHN", "RUS", "UKR", "GBR", "FRA", "DEU", "ISR", "IRN", "IND", "JPN", "PRK", "KOR", "TUR",
    "SAU", "PAK", "SYR", "IRQ", "AFG", "EGY", "BRA", "CAN", "AUS", "ITA", "ESP", "POL", "TWN", "VNM",
    "PHL", "IDN", "MEX", "ZAF", "NGA", "ETH", "QAT", "ARE", "VEN", "CUB", "SRB", "BLR"};

/// The predicates news uses most, first. The rest follow in ontology order.
constexpr std::array<std::string_view, 20> k_popular_predicates{
    "meets",   "visits", "criticizes", "supports",  "accuses",  "holds-talks-with",     "phones",
    "warns",   "calls-on", "condemns", "attacks",   "sanctions", "signs-agreement-with", "threatens",
    "urges",   "cooperates-with", "gives-aid-to", "member-of", "leads", "holds-office-in"};

constexpr std::array<std::string_view, 8> k_org_kinds{"Council", "Front",   "Union",  "Institute",
                                                      "Party",   "Bank",    "Alliance", "Movement"};
constexpr std::array<std::string_view, 4> k_place_prefixes{"", "Port ", "North ", "Lake "};
constexpr std::array<std::string_view, 7> k_weekdays{"Thursday", "Friday",  "Saturday", "Sunday",
                                                     "Monday",   "Tuesday", "Wednesday"};  // 1970-01-01 was a Thursday
constexpr std::array<std::string_view, 6> k_clauses{"amid rising tensions in the region",
                                                    "according to officials familiar with the talks",
                                                    "the foreign ministry said in a statement",
                                                    "state media reported",
                                                    "diplomats at the United Nations said",
                                                    "in remarks broadcast on national television"};

/// Two-letter syllables (consonant, vowel): names made of them split back into syllables one way
/// only, so distinct numbers give distinct names.
constexpr std::string_view k_consonants = "bdfgklmnprstvz";
constexpr std::string_view k_vowels = "aeiou";
constexpr std::size_t k_syllables = 14 * 5;

/// A capitalised made-up word for `number`: its base-70 digits as syllables, at least two.
std::string stem(std::uint64_t number) {
    number += k_syllables;  // a leading digit other than 0, so names do not all start alike
    std::string out;
    while (number > 0) {
        const auto digit = number % k_syllables;
        out.insert(out.begin(), {k_consonants[digit / 5], k_vowels[digit % 5]});
        number /= k_syllables;
    }
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::string slug(std::string_view label) {
    std::string out;
    for (char c : label) out += c == ' ' ? '-' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

/// SplitMix64: a fixed mixing of one number, for values that depend on an index rather than a stream.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Civil dates from day numbers (days since 1970-01-01), Howard Hinnant's algorithms.
long days_from_civil(long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

std::string iso_date(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = static_cast<long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return fmt::format("{:04}-{:02}-{:02}", y + (m <= 2), m, d);
}

std::string_view weekday(long day) { return k_weekdays[static_cast<std::size_t>(((day % 7) + 7) % 7)]; }

const long k_first_day = days_from_civil(2005, 1, 1);
const long k_days = days_from_civil(2025, 1, 1) - k_first_day;

/// Predicates in popularity order.
std::vector<const RelationType*> predicate_order(const graph::Ontology& ontology) {
    std::vector<const RelationType*> out;
    for (auto name : k_popular_predicates)
        if (const auto* type = ontology.find(name)) out.push_back(type);
    for (const auto& type : ontology.relations())
        if (std::find(out.begin(), out.end(), &type) == out.end()) out.push_back(&type);
    return out;
}

class Generator {
public:
    Generator(const graph::Ontology& ontology, const std::vector<Entity>& states, const SyntheticOptions& options)
        : options_(options), rng_(options.seed), predicates_(predicate_order(ontology)) {
        if (predicates_.empty()) throw std::invalid_argument("synthetic graph: the ontology has no predicates");
        if (predicates_.size() > 256) throw std::invalid_argument("synthetic graph: more than 256 predicates");
        if (options.entities >= (std::size_t{1} << 28))
            throw std::invalid_argument("synthetic graph: at most 2^28 entities");
        const double pairs = static_cast<double>(options.entities) * static_cast<double>(options.entities - 1);
        if (options.edges > 0 && (options.entities < 2 || static_cast<double>(options.edges) > pairs / 2))
            throw std::invalid_argument(fmt::format(
                "synthetic graph: {} relations do not fit among {} entities; use fewer edges or more entities",
                options.edges, options.entities));
        make_entities(states);
    }

    graph::KnowledgeGraph run() {
        graph::KnowledgeGraph g;
        std::vector<graph::Vertex> vertices;
        vertices.reserve(entities_.size());
        for (const auto& entity : entities_) vertices.push_back(g.add_entity(entity));

        // Popularity rank -> entity: the states in order, then everyone else shuffled.
        std::vector<std::uint32_t> by_rank(entities_.size());
        for (std::uint32_t i = 0; i < by_rank.size(); ++i) by_rank[i] = i;
        shuffle(by_rank.begin() + static_cast<std::ptrdiff_t>(countries_), by_rank.end());
        // The order in which entities get their first relation.
        std::vector<std::uint32_t> newcomers(by_rank);
        shuffle(newcomers.begin(), newcomers.end());

        const ZipfSampler endpoint(entities_.size());
        const ZipfSampler predicate(predicates_.size());
        articles_ = std::max<std::uint64_t>(1, options_.edges * 3 / 8);  // about four mentions per article
        std::unordered_set<std::uint64_t> seen;
        seen.reserve(options_.edges);

        for (std::size_t i = 0; i < options_.edges; ++i) {
            for (std::size_t attempt = 0;; ++attempt) {
                if (attempt == 100000)
                    throw std::invalid_argument(fmt::format(
                        "synthetic graph: no free (subject, predicate, object) left after {} relations; "
                        "use fewer edges or more entities",
                        i));
                std::uint32_t s, o;
                if (i < newcomers.size()) {
                    s = newcomers[i];
                    o = by_rank[endpoint(rng_)];
                    if (rng_.percent(50)) std::swap(s, o);
                } else {
                    s = by_rank[endpoint(rng_)];
                    o = by_rank[endpoint(rng_)];
                }
                if (s == o) continue;
                const std::size_t p = predicate(rng_);
                const RelationType& type = *predicates_[p];
                if (type.category == "AFFILIATION" && entities_[s].type == EntityType::country) continue;
                const std::uint32_t low = type.symmetric ? std::min(s, o) : s;
                const std::uint32_t high = type.symmetric ? std::max(s, o) : o;
                if (!seen.insert((std::uint64_t{low} << 36) | (std::uint64_t{high} << 8) | p).second) continue;
                add_mentions(g, vertices[s], type, vertices[o]);
                break;
            }
        }
        return g;
    }

private:
    template <class It>
    void shuffle(It begin, It end) {  // Fisher-Yates with our own uniform draws
        for (auto n = end - begin; n > 1; --n) std::iter_swap(begin + (n - 1), begin + static_cast<std::ptrdiff_t>(rng_.below(static_cast<std::uint64_t>(n))));
    }

    void make_entities(const std::vector<Entity>& states) {
        const std::size_t n = options_.entities;
        countries_ = std::min<std::size_t>(200, std::max<std::size_t>(1, n / 10));
        countries_ = std::min(countries_, n);
        for (std::size_t i = 0; i < countries_; ++i) {
            if (i < states.size()) {
                entities_.push_back(states[i]);
                continue;
            }
            // Made-up states beyond irkg's list: codes Qxx, which ISO 3166 never assigns.
            const std::string code = fmt::format("Q{}{}", static_cast<char>('A' + i / 26 % 26), static_cast<char>('A' + i % 26));
            const std::string name = "Republic of " + stem(i);
            entities_.push_back(Entity{"country:" + code, name, EntityType::country, code, {name}});
        }
        const ZipfSampler country(countries_);
        std::size_t persons = 0, orgs = 0, places = 0;
        for (std::size_t i = countries_; i < n; ++i) {
            const std::string& home = entities_[country(rng_)].country;
            switch (i % 4) {
                case 0:
                case 1: {
                    const std::uint64_t k = persons++;
                    const std::string first = stem((k % 64) * 37 + 101), last = stem(k / 64);
                    const std::string label = first + " " + last;
                    entities_.push_back(Entity{"person:" + slug(label), label, EntityType::person, home, {label, last}});
                    break;
                }
                case 2: {
                    const std::uint64_t k = orgs++;
                    const std::string name = stem(k / k_org_kinds.size() + 7);
                    const std::string label = name + " " + std::string(k_org_kinds[k % k_org_kinds.size()]);
                    const std::string acronym = {name[0], static_cast<char>(label[label.find(' ') + 1])};
                    entities_.push_back(Entity{"org:" + slug(label), label, EntityType::organization,
                                               rng_.percent(70) ? home : std::string(), {label, acronym}});
                    break;
                }
                default: {
                    const std::uint64_t k = places++;
                    const std::string label =
                        std::string(k_place_prefixes[k % k_place_prefixes.size()]) + stem(k / k_place_prefixes.size() + 3);
                    entities_.push_back(Entity{"location:" + slug(label), label, EntityType::location, home, {label}});
                    break;
                }
            }
        }
    }

    void add_mentions(graph::KnowledgeGraph& g, graph::Vertex s, const RelationType& type, graph::Vertex o) {
        const auto roll = rng_.below(10);
        const int count = roll < 6 ? 1 : roll < 9 ? 2 : 3;
        for (int m = 0; m < count; ++m) g.add_mention(s, type, o, mention(g.entity(s), type, g.entity(o)));
    }

    graph::Mention mention(const Entity& subject, const RelationType& type, const Entity& object) {
        graph::Mention out;
        const std::uint64_t article = rng_.below(articles_);
        const long day = k_first_day + static_cast<long>(mix(options_.seed ^ (article * 0x2545f4914f6cdd1dULL)) %
                                                         static_cast<std::uint64_t>(k_days));
        const auto modality = rng_.below(100);
        out.modality = modality < 80   ? graph::Modality::asserted
                       : modality < 90 ? graph::Modality::planned
                       : modality < 96 ? graph::Modality::speculative
                                       : graph::Modality::negated;
        if (out.modality == graph::Modality::planned) {
            out.time = {"next week", iso_date(day + 7), iso_date(day + 13)};
        } else {
            const auto kind = rng_.below(10);
            if (kind < 6)
                out.time = {"", iso_date(day), ""};
            else if (kind < 9)
                out.time = {"on " + std::string(weekday(day - 1)), iso_date(day - 1), ""};
            else
                out.time = {"last week", iso_date(day - 7), iso_date(day - 1)};
        }
        std::string text = subject.label + " " + (type.label.empty() ? type.predicate : type.label) + " " + object.label;
        while (text.size() < 80) {
            text += ", ";
            text += k_clauses[rng_.below(k_clauses.size())];
        }
        text += '.';
        auto& evidence = out.evidence;
        evidence.doc = fmt::format("synthnews-{:08}", article);
        evidence.sentence = static_cast<std::uint32_t>(rng_.below(40));
        evidence.begin = evidence.sentence * 140 + rng_.below(20);
        evidence.end = evidence.begin + text.size();
        evidence.text = std::move(text);
        out.confidence = static_cast<double>(50 + 5 * rng_.below(10)) / 100.0;
        return out;
    }

    SyntheticOptions options_;
    Rng rng_;
    std::vector<const RelationType*> predicates_;
    std::vector<Entity> entities_;
    std::size_t countries_ = 0;
    std::uint64_t articles_ = 1;
};

}  // namespace

std::uint64_t Rng::below(std::uint64_t n) {
    const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t limit = max - max % n;  // [0, limit) holds every residue equally often
    for (;;) {
        const std::uint64_t x = engine_();
        if (x < limit) return x % n;
    }
}

ZipfSampler::ZipfSampler(std::size_t n) {
    cumulative_.reserve(n);
    std::uint64_t total = 0;
    for (std::size_t r = 0; r < n; ++r) cumulative_.push_back(total += (std::uint64_t{1} << 40) / (r + 1));
}

std::size_t ZipfSampler::operator()(Rng& rng) const {
    const std::uint64_t x = rng.below(cumulative_.back());
    return static_cast<std::size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), x) - cumulative_.begin());
}

graph::KnowledgeGraph generate_synthetic_graph(const graph::Ontology& ontology, const std::vector<Entity>& states,
                                               const SyntheticOptions& options) {
    return Generator(ontology, states, options).run();
}

std::vector<Entity> load_states(const std::filesystem::path& schema_dir) {
    const auto path = schema_dir / "lexicon" / "actors" / "states.json";
    const auto doc = graph::read_json_file<lexicon_error>(path);
    if (!doc.IsObject() || !doc.HasMember("actors") || !doc["actors"].IsArray())
        throw lexicon_error(fmt::format("{}: expected an object with an \"actors\" array", path.string()));
    std::vector<Entity> states;
    for (const auto& actor : doc["actors"].GetArray()) {
        Entity entity{std::string(graph::get_string(actor, "id")), std::string(graph::get_string(actor, "label")),
                      EntityType::country, std::string(graph::get_string(actor, "country")), {}};
        if (entity.id.empty() || entity.country.size() != 3) continue;
        if (actor.HasMember("names") && actor["names"].IsArray())
            for (const auto& name : actor["names"].GetArray())
                if (name.IsString() && entity.aliases.size() < 3) entity.aliases.emplace_back(name.GetString());
        states.push_back(std::move(entity));
    }
    std::stable_sort(states.begin(), states.end(), [](const Entity& a, const Entity& b) {
        const auto rank = [](const Entity& e) {
            return std::find(k_big_states.begin(), k_big_states.end(), e.country) - k_big_states.begin();
        };
        return rank(a) < rank(b);
    });
    return states;
}

graph::Ontology load_ontology(const std::filesystem::path& schema_dir) {
    return graph::Ontology::load(schema_dir / "relations.json", schema_dir / "relations.schema.json");
}

}  // namespace irkg::bench
