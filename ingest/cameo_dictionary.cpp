#include "cameo_dictionary.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "graph/json_file.hpp"

namespace irkg::ingest {

namespace fs = std::filesystem;
using graph::EntityType;

// ---- CameoCodes -------------------------------------------------------------------------------------------

CameoCodes CameoCodes::load(const fs::path& file, const fs::path& schema, const graph::Ontology& ontology) {
    const auto doc = graph::read_json_file<lexicon_error>(file);
    graph::validate_json<lexicon_error>(doc, file, schema);
    CameoCodes codes;
    codes.ontology_ = &ontology;
    for (const auto& e : doc["event_codes"].GetObject()) {
        const std::string code = e.name.GetString();
        if (e.value.IsNull()) {
            codes.events_.emplace(code, nullptr);
        } else {
            const std::string where = fmt::format("{}: event code {}", file.string(), code);
            codes.events_.emplace(code, &ontology.at(e.value.GetString(), where));
        }
    }
    const auto& actors = doc["actor_codes"];
    for (const auto& a : actors["country_aliases"].GetObject())
        codes.aliases_.emplace(a.name.GetString(), a.value.GetString());
    for (const auto& r : actors["regions"].GetObject()) codes.regions_.insert(r.name.GetString());
    for (const auto& t : actors["types"].GetObject()) {
        Type type;
        type.sector = graph::get_string(t.value, "sector");
        type.body = graph::get_string(t.value, "agent") == "body";
        type.label = graph::get_string(t.value, "label");
        type.state_body = t.value.HasMember("state_body") && t.value["state_body"].GetBool();
        type.undated_person = graph::get_string(t.value, "undated") == "person";
        type.organization = t.value.HasMember("organization") && t.value["organization"].GetBool();
        if (type.body && type.label.empty())
            throw lexicon_error(
                fmt::format("{}: actor code {} names a body (agent \"body\") but has no label; "
                            "add \"label\" (the name after the state's, e.g. \"Rebels\")",
                            file.string(), t.name.GetString()));
        codes.types_.emplace(t.name.GetString(), std::move(type));
    }
    for (const auto& w : actors["organization_words"].GetArray()) codes.organization_words_.insert(w.GetString());
    return codes;
}

const graph::RelationType* CameoCodes::relation_for(std::string_view code) const {
    if (code.size() < 2 || code.size() > 4) return nullptr;
    std::vector<std::string> chain{std::string(code)};
    if (code.size() == 4) chain.emplace_back(code.substr(0, 3));
    if (std::string root = std::string(code.substr(0, 2)) + "0"; root != chain.back()) chain.push_back(root);
    for (const auto& key : chain) {
        if (auto it = events_.find(key); it != events_.end()) return it->second;
        // A predicate of relations.json with exactly this cameo code; the first by name when several share it.
        const graph::RelationType* best = nullptr;
        if (ontology_)
            for (const auto& r : ontology_->relations())
                if (r.cameo == key && (!best || r.predicate < best->predicate)) best = &r;
        if (best) return best;
    }
    return nullptr;
}

std::string_view CameoCodes::country(std::string_view code) const {
    auto it = aliases_.find(std::string(code));
    return it == aliases_.end() ? code : std::string_view(it->second);
}

const CameoCodes::Type* CameoCodes::type(std::string_view code) const {
    auto it = types_.find(std::string(code));
    return it == types_.end() ? nullptr : &it->second;
}

// ---- shared helpers ---------------------------------------------------------------------------------------

std::optional<std::string> cameo_date(std::string_view digits) {
    if (digits.size() != 6 && digits.size() != 8) return std::nullopt;
    for (char c : digits)
        if (c < '0' || c > '9') return std::nullopt;
    auto number = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (digits[i] - '0');
        return v;
    };
    int year, month, day;
    if (digits.size() == 6) {
        // KEDS and TABARI's rule, kept by PETRARCH: YY 00-30 is 20YY, later years are 19YY.
        const int yy = number(0, 2);
        year = yy <= 30 ? 2000 + yy : 1900 + yy;
        month = number(2, 2);
        day = number(4, 2);
    } else {
        year = number(0, 4);
        month = number(4, 2);
        day = number(6, 2);
    }
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1) return std::nullopt;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day > k_days[month - 1] + (month == 2 && leap ? 1 : 0)) return std::nullopt;
    char out[10];
    for (int i = 3, y = year; i >= 0; --i, y /= 10) out[i] = static_cast<char>('0' + y % 10);
    out[4] = out[7] = '-';
    out[5] = static_cast<char>('0' + month / 10);
    out[6] = static_cast<char>('0' + month % 10);
    out[8] = static_cast<char>('0' + day / 10);
    out[9] = static_cast<char>('0' + day % 10);
    return std::string(out, sizeof out);
}

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool all_upper(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < 'A' || c > 'Z') return false;
    return true;
}

/// A CAMEO actor code: capital letters, with digits after the first (NGOHINDEN211DEV).
bool actor_code(std::string_view s) {
    if (s.empty() || s.front() < 'A' || s.front() > 'Z') return false;
    for (char c : s)
        if ((c < 'A' || c > 'Z') && (c < '0' || c > '9')) return false;
    return true;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// A dictionary phrase as words: underscores and runs of spaces become one space, a trailing _ (whole word)
/// and a leading + (synonym, multi-word verb) go.
std::string phrase_text(std::string_view raw) {
    raw = trim(raw);
    if (!raw.empty() && raw.front() == '+') raw.remove_prefix(1);
    std::string out;
    out.reserve(raw.size());
    for (char c : raw) {
        if (c == '_' || c == ' ' || c == '\t') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

/// The first-word lookup of `trie` for exactly the whole of `words`, or nullptr.
const std::vector<std::uint32_t>* exact(const PhraseTrie& trie, const std::vector<std::string>& words) {
    if (words.empty() || trie.empty()) return nullptr;
    auto m = trie.longest(0, words.size(), [&](std::size_t k) -> std::string_view { return words[k]; });
    return m.length == words.size() ? m.values : nullptr;
}

/// A few common English words that no dictionary name should be: they start sentences and are capitalised.
bool common_word(const Lexicon& lex, const std::vector<std::string>& norms) {
    if (norms.size() != 1) return false;
    const std::string& w = norms.front();
    return lex.not_names.contains(w) || lex.sentence_starters.contains(w) || lex.prepositions.contains(w) ||
           lex.verb_group.contains(w) || lex.first_person.contains(w) || lex.honorifics.contains(w) ||
           lex.subject_blockers.contains(w) || lex.clause_boundaries.contains(w) || lex.months.contains(w) ||
           lex.weekdays.contains(w) || lex.reporting_verbs.contains(w);
}

/// Lines of a dictionary file with their 1-based numbers, comments removed (# to the end of the line, the
/// legacy ; comments, and <!-- --> comments, also across lines), trailing white space trimmed.
class LineReader {
public:
    explicit LineReader(const fs::path& file) : text_(graph::read_text_file<lexicon_error>(file)) {}

    std::size_t size() const { return text_.size(); }

    bool next(std::string_view& line, std::size_t& number) {
        while (pos_ < text_.size()) {
            std::size_t end = text_.find('\n', pos_);
            if (end == std::string::npos) end = text_.size();
            std::string_view l(text_.data() + pos_, end - pos_);
            pos_ = end + 1;
            ++number_;
            if (in_comment_) {
                auto close = l.find("-->");
                if (close == std::string_view::npos) continue;
                in_comment_ = false;
                l.remove_prefix(close + 3);
            }
            // One pass for the comment starts: # (and the legacy ;) end the line, <!-- opens a comment.
            const bool blank = trim(l).empty();
            for (std::size_t i = 0; i < l.size(); ++i) {
                const char c = l[i];
                if (c == '#' || c == ';') {
                    l = l.substr(0, i);
                    break;
                }
                if (c == '<' && l.substr(i, 4) == "<!--") {
                    if (l.find("-->", i + 4) == std::string_view::npos) in_comment_ = true;
                    // Text after a one-line comment is rare enough to drop with it.
                    l = l.substr(0, i);
                    break;
                }
            }
            while (!l.empty() && std::isspace(static_cast<unsigned char>(l.back()))) l.remove_suffix(1);
            // A comment line is no line at all: it neither ends a synonym set nor separates entries.
            if (l.empty() && !blank) continue;
            line = l;
            number = number_;
            return true;
        }
        return false;
    }

private:
    std::string text_;
    std::size_t pos_ = 0;
    std::size_t number_ = 0;
    bool in_comment_ = false;
};

/// Counts and messages for one load; throws in strict mode.
class Reporter {
public:
    Reporter(const fs::path& file, const DictionaryOptions& options) : file_(file.string()), options_(options) {}

    /// A malformed line: `what` says what is wrong and what would fix it.
    void problem(std::size_t line, const std::string& what) {
        std::string message = fmt::format("{}:{}: {}", file_, line, what);
        if (options_.strict) throw lexicon_error(message);
        ++report.problem_count;
        ++report.skipped;
        if (report.problems.size() < options_.max_problems) report.problems.push_back(std::move(message));
    }
    /// An item left out on purpose (unrepresentable, already known).
    void skip(const std::string& reason, std::size_t n = 1) {
        report.skipped += n;
        report.details["skipped: " + reason] += n;
    }
    void note(const std::string& what, std::size_t n = 1) { report.details[what] += n; }

    DictionaryReport report;

private:
    std::string file_;
    DictionaryOptions options_;
};

/// Calls `f` with each [...] group of `text` (contents without the brackets). Reports an unclosed bracket and
/// returns false.
template <class F>
bool for_each_bracket_group(std::string_view text, std::size_t line, Reporter& rep, F&& f) {
    std::size_t pos = 0;
    while ((pos = text.find('[', pos)) != std::string_view::npos) {
        auto close = text.find(']', pos + 1);
        if (close == std::string_view::npos) {
            rep.problem(line, fmt::format("\"{}\" opens [ without closing it; write [CODE] or [CODE >YYMMDD]",
                                          trim(text.substr(pos))));
            return false;
        }
        f(trim(text.substr(pos + 1, close - pos - 1)));
        pos = close + 1;
    }
    return true;
}

// ---- actors -----------------------------------------------------------------------------------------------

struct RawCode {
    std::string code;
    std::string from, to;  // YYYY-MM-DD or empty
    bool dated = false;
};

struct RawEntry {
    std::size_t line = 0;
    std::vector<std::string_view> primaries;  // primary lines (one, or several sharing the codes that follow)
    std::vector<std::string_view> synonyms;   // views into the file's text, which the loader keeps
    std::vector<RawCode> codes;
    bool coded = false;      // a code was seen, null and malformed codes included
    bool malformed = false;  // a code was dropped as malformed
};

/// Parses "CODE", "CODE >YYMMDD", "CODE <YYMMDD", "CODE YYMMDD-YYMMDD" ("---" is the null code: nullopt).
std::optional<RawCode> parse_code(std::string_view group, std::size_t line, Reporter& rep, bool& bad) {
    bad = false;
    group = trim(group);
    const auto space = group.find_first_of(" \t");
    std::string_view code = group.substr(0, space);
    std::string_view rest = space == std::string_view::npos ? std::string_view{} : trim(group.substr(space));
    if (code == "---") return std::nullopt;
    auto fail = [&](const std::string& what) {
        rep.problem(line, what);
        bad = true;
        return std::nullopt;
    };
    if (!actor_code(code))
        return fail(
            fmt::format("code \"{}\" in [{}] is not a CAMEO actor code (capital letters); write a code such "
                        "as [PRK] or [CHNGOV >20121115]",
                        code, group));
    RawCode out;
    out.code = std::string(code);
    if (rest.empty()) return out;
    auto date = [&](std::string_view digits) -> std::optional<std::string> {
        digits = trim(digits);
        auto d = cameo_date(digits);
        if (!d)
            rep.problem(line,
                        fmt::format("date \"{}\" in [{}] is not a date YYMMDD or YYYYMMDD; correct it", digits, group));
        return d;
    };
    out.dated = true;
    if (rest.front() == '<' || rest.front() == '>') {
        auto d = date(rest.substr(1));
        if (!d) {
            bad = true;
            return std::nullopt;
        }
        (rest.front() == '<' ? out.to : out.from) = *d;
        return out;
    }
    const auto dash = rest.find('-');
    if (dash == std::string_view::npos)
        return fail(fmt::format("date restriction \"{}\" in [{}] is not <DATE, >DATE or DATE-DATE", rest, group));
    auto a = date(rest.substr(0, dash));
    if (!a) {
        bad = true;
        return std::nullopt;
    }
    auto b = date(rest.substr(dash + 1));
    if (!b) {
        bad = true;
        return std::nullopt;
    }
    if (*b < *a)
        return fail(fmt::format("[{}] ends ({}) before it starts ({}); swap or correct the dates", group, *b, *a));
    out.from = *a;
    out.to = *b;
    return out;
}

/// A code read against the tables: GBRVGBELI -> country GBR, territory VGB, sector elite.
struct CodeInfo {
    std::string country;          // irkg ISO3 when the first chunk is a state the lexicon or a dictionary knows
    std::string unknown_country;  // the first chunk when it looks like a state nobody knows
    bool region = false;
    const CameoCodes::Type* first_type = nullptr;  // the first role code (IGO in IGOUNO, GOV in CHNGOV)
    bool organization = false;                     // the code starts with a kind of organisation
    bool territory = false;                        // a chunk that is neither a role nor a region (USAGUM, IGOUNO)
    bool bare = false;                             // a country and nothing else: a state
};

CodeInfo read_code(std::string_view code, const CameoCodes& codes, const Lexicon& lex,
                   const std::unordered_set<std::string>& dictionary_countries) {
    CodeInfo info;
    if (code.size() < 3) {
        info.first_type = codes.type(code);
        return info;
    }
    const std::string_view first = code.substr(0, 3);
    const std::string iso(codes.country(first));
    const CameoCodes::Type* first_type = codes.type(first);
    // A state's code beats a role code in first position (MUS: Mauritius there, Muslim after a country).
    if (lex.state_by_iso3.contains(iso) || dictionary_countries.contains(iso)) {
        info.country = iso;
    } else if (first_type) {
        info.first_type = first_type;
        info.organization = first_type->organization;
    } else if (codes.is_region(first)) {
        info.region = true;
    } else {
        info.unknown_country = iso;
    }
    for (std::size_t i = 3; i + 3 <= code.size(); i += 3) {
        const std::string_view chunk = code.substr(i, 3);
        if (const auto* t = codes.type(chunk)) {
            if (!info.first_type) info.first_type = t;
        } else {
            info.territory = true;
            // An organisation's home state follows its kind: MNCUSA, NGOGBR.
            if (info.organization && info.country.empty())
                if (std::string home(codes.country(chunk));
                    lex.state_by_iso3.contains(home) || dictionary_countries.contains(home))
                    info.country = std::move(home);
        }
    }
    info.bare = code.size() == 3 && (!info.country.empty() || !info.unknown_country.empty());
    return info;
}

/// "NORTH KOREA" -> "North Korea"; acronyms (no vowel, dotted, or 2-4 letters alone) keep their capitals.
std::string title_case(std::string_view text, bool short_acronyms) {
    auto up = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; };
    auto down = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    // Small words stay lower case inside a name (Islamic Republic of Afghanistan).
    auto small = [&](std::string_view w) {
        if (w.size() < 2 || w.size() > 3) return false;
        char b[3] = {down(w[0]), down(w[1]), w.size() == 3 ? down(w[2]) : '\0'};
        const std::string_view l(b, w.size());
        for (std::string_view s :
             {"of",  "the", "and", "for", "in",  "on",  "at", "to", "de", "del", "la", "le",  "du",
              "des", "von", "van", "der", "bin", "ibn", "al", "el", "ul", "da",  "di", "dos", "das"})
            if (l == s) return true;
        return false;
    };
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    const bool single = text.find(' ') == std::string_view::npos;
    while (pos < text.size()) {
        std::size_t end = text.find(' ', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view word = text.substr(pos, end - pos);
        const bool first_word = pos == 0;
        pos = end + 1;
        if (!out.empty()) out += ' ';
        bool vowel = false;
        for (char c : word) vowel |= std::string_view("AEIOUYaeiouy").find(c) != std::string_view::npos;
        const bool acronym = !vowel || word.find('.') != std::string_view::npos ||
                             (short_acronyms && single && word.size() <= 4) || (word.size() > 2 && word.front() == '(');
        if (acronym) {
            out += word;
        } else if (!first_word && small(word)) {
            for (char c : word) out += down(c);
        } else {
            bool start = true;
            for (std::size_t i = 0; i < word.size(); ++i) {
                const char c = word[i];
                out += start ? up(c) : down(c);
                // Al-Qaida, O'Brien (one letter before the apostrophe), not People's.
                start = c == '-' || c == '(' || (c == '\'' && i == 1);
            }
        }
    }
    return out;
}

/// Names of one raw dictionary name: the phrase, and a parenthesised acronym of it as a name of its own
/// ("ISLAMIC ARMY OF ADEN (IAA)" -> "ISLAMIC ARMY OF ADEN", "IAA"). Other parentheses stay ("KOREA (NORTH)").
std::vector<std::string> name_variants(std::string_view raw) {
    std::string text = phrase_text(raw);
    std::vector<std::string> out;
    if (text.size() > 3 && text.back() == ')') {
        const auto open = text.rfind('(');
        const std::string_view inner = open == std::string::npos
                                           ? std::string_view{}
                                           : std::string_view(text).substr(open + 1, text.size() - open - 2);
        if (open > 0 && inner.size() >= 2 && inner.size() <= 8 && all_upper(inner) && inner.front() == text.front()) {
            std::string head(trim(std::string_view(text).substr(0, open)));
            std::string acronym(inner);
            if (!head.empty()) out.push_back(std::move(head));
            out.push_back(std::move(acronym));
            return out;
        }
    }
    if (!text.empty()) out.push_back(std::move(text));
    return out;
}

/// The code that applies last: the open-ended one starting latest, else the default (undated), else the
/// dated one ending latest.
const RawCode* current_code(const std::vector<RawCode>& codes) {
    const RawCode* open = nullptr;
    const RawCode* fallback = nullptr;
    const RawCode* latest = nullptr;
    for (const auto& c : codes) {
        if (c.dated && c.to.empty()) {
            if (!open || c.from >= open->from) open = &c;
        } else if (!c.dated) {
            fallback = &c;
        } else if (!latest || c.to >= latest->to) {
            latest = &c;
        }
    }
    return open ? open : fallback ? fallback : latest;
}

int year_of(const std::string& date) { return date.size() >= 4 ? std::stoi(date.substr(0, 4)) : 0; }

class ActorLoader {
public:
    ActorLoader(Lexicon& lex, const CameoCodes& codes, const fs::path& file, const DictionaryOptions& options)
        : lex_(lex), codes_(codes), file_(file), rep_(file, options), reader_(file) {
        for (const auto& [iso, index] : lex_.state_by_iso3) dictionary_countries_.insert(iso);
    }

    DictionaryReport run() {
        read();
        // States first, so that the officials after them can name a state the dictionary itself introduced
        // (BMUGOV after BERMUDA [BMU]), and state names go into the tries before any person's.
        std::vector<const RawEntry*> states, others;
        for (const auto& e : entries_) {
            // A bare country code: three letters that are neither a role code nor a region.
            const RawCode* c = current_code(e.codes);
            if (c->code.size() == 3 && !codes_.is_region(c->code) &&
                (lex_.state_by_iso3.contains(std::string(codes_.country(c->code))) || !codes_.type(c->code))) {
                dictionary_countries_.insert(std::string(codes_.country(c->code)));
                states.push_back(&e);
            } else {
                others.push_back(&e);
            }
        }
        // Room for every entry at once: growing a vector or a hash table of 20,000 actors step by step costs
        // more than the rest of the load.
        if (const auto needed = lex_.actors.size() + entries_.size(); lex_.actors.capacity() < needed) {
            lex_.actors.reserve(std::max(needed, 2 * lex_.actors.capacity()));
            lex_.actor_by_id.reserve(lex_.actors.capacity());
        }
        for (const auto* e : states) add(*e);
        for (const auto* e : others) add(*e);
        for (std::size_t t = 0; t < new_entities_.size(); ++t)
            if (new_entities_[t])
                rep_.note(fmt::format("new {} entities", graph::to_string(static_cast<EntityType>(t))),
                          new_entities_[t]);
        return std::move(rep_.report);
    }

private:
    /// A name of an entry and its words as the tokenizer reads them.
    struct Name {
        std::string text;
        std::vector<std::string> norms;    // as the tokenizer folds them: matched case-insensitively
        std::vector<std::string> surface;  // as written, for the case-exact abbreviations (one or two words)
    };

    Name make_name(std::string text) const {
        Name n;
        const auto tokens = lex_.tokenizer.tokenize(text);
        n.norms.reserve(tokens.size());
        for (const auto& t : tokens) n.norms.push_back(t.norm);
        if (tokens.size() <= 2)
            for (const auto& t : tokens)
                n.surface.emplace_back(std::string_view(text).substr(t.begin, t.end - t.begin));
        n.text = std::move(text);
        return n;
    }

    void read() {
        entries_.reserve(reader_.size() / 64);
        LineReader& reader = reader_;
        std::string_view line;
        std::size_t number = 0;
        RawEntry* current = nullptr;
        auto add_codes = [&](std::string_view text, std::size_t n) {
            // A malformed code still closes the entry's names: it is reported once, as what it is.
            current->coded = true;
            const bool ok = for_each_bracket_group(text, n, rep_, [&](std::string_view group) {
                bool bad = false;
                auto code = parse_code(group, n, rep_, bad);
                if (bad)
                    current->malformed = true;
                else if (code)
                    current->codes.push_back(std::move(*code));
            });
            if (!ok) current->malformed = true;
        };
        while (reader.next(line, number)) {
            if (trim(line).empty()) continue;
            if (line.find("---STOP---") != std::string_view::npos) break;
            const bool indented = line.front() == '\t' || line.front() == ' ';
            std::string_view body = trim(line);
            if (body.front() == '+') {
                if (!current) {
                    rep_.problem(number, fmt::format("synonym \"{}\" comes before any primary name; put it under "
                                                     "the entry it belongs to",
                                                     body));
                    continue;
                }
                const auto bracket = body.find('[');
                current->synonyms.emplace_back(body.substr(0, bracket));
                if (bracket != std::string_view::npos) add_codes(body.substr(bracket), number);
                continue;
            }
            const auto bracket = body.find('[');
            const std::string_view name = trim(body.substr(0, bracket));
            if (indented && name.empty()) {
                if (!current) {
                    rep_.problem(number, fmt::format("code line \"{}\" comes before any primary name", body));
                    continue;
                }
                add_codes(body, number);
                continue;
            }
            // A primary name without a code that follows one also without a code shares the codes below
            // both (PETRARCH's rule): "LEONID_BREZHNEV_ / LEONID_ILYICH_BREZHNEV / [codes]". An indented line
            // with a name and a code there ("\tJOHN_MCCLOY_\t[IGOUNO...]") is read the same way.
            if (current && !current->coded && (bracket == std::string_view::npos || indented)) {
                current->primaries.emplace_back(name);
                if (bracket != std::string_view::npos) add_codes(body.substr(bracket), number);
                continue;
            }
            if (indented) rep_.note("indented primary names read as primary names");
            finish(current);
            entries_.emplace_back();
            current = &entries_.back();
            current->line = number;
            current->primaries.emplace_back(name);
            if (bracket != std::string_view::npos) add_codes(body.substr(bracket), number);
        }
        finish(current);
    }

    void finish(RawEntry*& current) {
        if (current && !current->coded) {
            rep_.problem(current->line,
                         fmt::format("entry \"{}\" has no code; add [CODE] after the name or a tab-indented [CODE] "
                                     "line below it",
                                     current->primaries.front()));
            entries_.pop_back();
        } else if (current && current->codes.empty()) {
            rep_.skip(current->malformed ? "entries whose only codes are malformed"
                                         : "entries with only the null code [---]");
            entries_.pop_back();
        }
        current = nullptr;
    }

    bool compatible(EntityType existing, EntityType wanted) const {
        if (existing == wanted) return true;
        const auto place = [](EntityType t) { return t == EntityType::country || t == EntityType::location; };
        return place(existing) && place(wanted);
    }

    /// The lexicon actor this entry is: the state with its ISO3, or an actor of a compatible type named by
    /// one of the entry's primary names. Labels need no look of their own: every label of irkg's lexicons is
    /// one of its names, and so is the primary name of every actor this loader adds. -1 when none.
    std::int64_t existing(EntityType type, const std::string& iso, const std::vector<Name>& names,
                          std::size_t primaries) const {
        if (type == EntityType::country && !iso.empty())
            if (auto it = lex_.state_by_iso3.find(iso); it != lex_.state_by_iso3.end()) return it->second;
        // Primary names only: a synonym ("+BUSH") may belong to a namesake.
        for (std::size_t i = 0; i < primaries; ++i)
            if (const auto* values = exact(lex_.names, names[i].norms))
                for (auto v : *values)
                    if (compatible(lex_.actors[Lexicon::actor_of(v)].entity.type, type)) return Lexicon::actor_of(v);
        return -1;
    }

    /// True when irkg already reads `name` some way: as an actor name or abbreviation, a title, an agent, a
    /// group reference, or a common word.
    bool known(const Name& name) const {
        const auto& norms = name.norms;
        if (norms.empty() || common_word(lex_, norms)) return true;
        if (exact(lex_.names, norms) || exact(lex_.title_names, norms) || exact(lex_.title_references, norms) ||
            exact(lex_.agent_words, norms) || exact(lex_.group_references, norms))
            return true;
        // Abbreviations are matched as written (DPRK, U.S.); they are one or two words.
        return !name.surface.empty() && exact(lex_.abbreviations, name.surface) != nullptr;
    }

    std::string free_id(const std::string& prefix, const std::string& slug, EntityType type,
                        const std::string& country) const {
        std::string id = prefix + slug;
        auto usable = [&](const std::string& candidate) {
            auto it = lex_.actor_by_id.find(candidate);
            if (it == lex_.actor_by_id.end()) return true;
            const auto& other = lex_.actors[it->second].entity;
            return other.type == type && (other.country == country || other.country.empty() || country.empty());
        };
        if (usable(id)) return id;
        // Namesakes in different states: person:ali-hassan-egy, then -2, -3...
        if (!country.empty() && usable(id + "-" + lower(country))) return id + "-" + lower(country);
        for (int n = 2;; ++n)
            if (usable(fmt::format("{}-{}", id, n))) return fmt::format("{}-{}", id, n);
    }

    /// The code read against the tables; cached once the states of the file are known (codes repeat a lot).
    const CodeInfo& info_of(const std::string& code) {
        auto it = code_cache_.find(code);
        if (it == code_cache_.end())
            it = code_cache_.emplace(code, read_code(code, codes_, lex_, dictionary_countries_)).first;
        return it->second;
    }

    void add(const RawEntry& e) {
        const RawCode* current = current_code(e.codes);
        const CodeInfo& info = info_of(current->code);
        bool dated = false;
        for (const auto& c : e.codes) dated |= c.dated;

        // Every name tokenized once: the checks below and the trie insertion share the words.
        std::vector<Name> names;
        for (const auto& p : e.primaries)
            for (auto& n : name_variants(p)) names.push_back(make_name(std::move(n)));
        const std::size_t primaries = names.size();
        for (const auto& s : e.synonyms)
            for (auto& n : name_variants(s)) names.push_back(make_name(std::move(n)));
        if (primaries == 0 || names.front().norms.empty()) {
            rep_.problem(e.line, "entry has an empty primary name; write NAME_ [CODE]");
            return;
        }
        bool organization_word = false;
        for (const auto& w : names.front().norms) organization_word |= codes_.is_organization_word(w);

        EntityType type;
        if (info.bare) {
            type = EntityType::country;
        } else if (info.organization && !dated) {
            type = EntityType::organization;
        } else if (dated) {
            type = organization_word ? EntityType::organization : EntityType::person;
        } else if (!info.country.empty() && !info.first_type) {
            type = EntityType::location;  // USAGUM, PSEGZA: a territory of the state
        } else if (info.first_type && info.first_type->undated_person && !organization_word) {
            type = EntityType::person;
        } else {
            type = EntityType::organization;
        }
        const std::string label =
            title_case(names.front().text, type != EntityType::country && type != EntityType::location);

        std::string country = info.country;
        if (country.empty() && !info.bare) {
            // The latest code that names a state (Kofi Annan: none; Ann Veneman: USA before UNICEF).
            const RawCode* best = nullptr;
            auto end_of = [](const RawCode& c) -> std::string_view {
                return c.dated ? (c.to.empty() ? "9999" : std::string_view(c.to)) : "9998";
            };
            for (const auto& c : e.codes)
                if (!info_of(c.code).country.empty() && (!best || end_of(c) >= end_of(*best))) best = &c;
            if (best) country = info_of(best->code).country;
        }
        const std::string iso = info.bare ? (info.country.empty() ? info.unknown_country : info.country) : "";
        if (type == EntityType::country) country = iso;
        if (!info.unknown_country.empty() && !info.bare)
            rep_.note("codes with an unknown country " + info.unknown_country);

        const std::int64_t found = existing(type, iso, names, primaries);
        std::vector<const Name*> fresh;
        std::size_t known_names = 0;
        for (std::size_t i = 0; i < names.size(); ++i) {
            const Name& n = names[i];
            // An entry has a handful of names: a linear look for an earlier spelling beats a hash set.
            const auto same = [&](const Name& other) { return other.norms == n.norms; };
            if (n.norms.empty() || std::any_of(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(i), same))
                continue;
            if (known(n)) {
                ++known_names;
                continue;
            }
            fresh.push_back(&n);
        }
        if (known_names) rep_.note("names irkg already knows (not added)", known_names);

        ActorEntry entry;
        if (found >= 0) {
            const auto& target = lex_.actors[static_cast<std::size_t>(found)];
            if (fresh.empty()) {
                rep_.skip("entries of actors irkg knows, with no new name");
                return;
            }
            entry.entity.id = target.entity.id;
            entry.entity.type = target.entity.type;
            rep_.note("entries added to an actor irkg knew");
        } else {
            if (fresh.empty()) {
                rep_.skip("entries whose every name irkg already reads otherwise");
                return;
            }
            const std::string slug = slugify(label);
            entry.entity.type = type;
            entry.entity.label = label;
            entry.entity.country = country;
            switch (type) {
                case EntityType::country:
                    entry.entity.id = "country:" + iso;
                    break;
                case EntityType::person:
                    entry.entity.id = free_id("person:", slug, type, country);
                    break;
                case EntityType::location:
                    entry.entity.id = free_id("location:", slug, type, country);
                    break;
                default:
                    entry.entity.id = free_id("org:", slug, type, country);
                    break;
            }
            if (type == EntityType::organization && info.first_type && info.first_type->state_body &&
                !info.country.empty())
                if (auto state = lex_.state_by_iso3.find(info.country); state != lex_.state_by_iso3.end())
                    entry.part_of = lex_.actors[state->second].entity.id;
            fill_periods(entry, e);
        }
        const auto before = lex_.actors.size();
        const std::string id = entry.entity.id;
        // The actor through add_actor_entry (ids, states by ISO3, type checks); its names straight into the
        // trie, as add_actor_entry inserts NameKind::name names, with the words already tokenized above.
        lex_.add_actor_entry(std::move(entry), {}, file_);
        const std::uint32_t index = lex_.actor_by_id.at(id);
        for (const Name* n : fresh) lex_.names.insert(n->norms, Lexicon::pack(index, NameKind::name));
        if (lex_.actors.size() > before) ++new_entities_[static_cast<std::size_t>(type)];
        ++rep_.report.entries;
        rep_.report.names += fresh.size();
    }

    void fill_periods(ActorEntry& entry, const RawEntry& e) {
        bool open = false;
        int first_year = 0, last_year = 0;
        for (const auto& c : e.codes) {
            if (!c.dated) {
                open = true;
                continue;
            }
            const CodeInfo& info = info_of(c.code);
            ActorEntry::Period p;
            p.from = c.from;
            p.to = c.to;
            p.country = info.country;
            if (info.first_type) p.sector = info.first_type->sector;
            entry.periods.push_back(std::move(p));
            if (!c.from.empty() && (first_year == 0 || year_of(c.from) < first_year)) first_year = year_of(c.from);
            if (c.to.empty())
                open = true;
            else
                last_year = std::max(last_year, year_of(c.to));
        }
        std::stable_sort(entry.periods.begin(), entry.periods.end(),
                         [](const auto& a, const auto& b) { return std::tie(a.from, a.to) < std::tie(b.from, b.to); });
        if (entry.entity.type == EntityType::person && !entry.periods.empty()) {
            entry.valid_from = first_year;
            entry.valid_to = open ? 0 : last_year;
        }
    }

    Lexicon& lex_;
    const CameoCodes& codes_;
    fs::path file_;
    Reporter rep_;
    LineReader reader_;  // owns the text the entries' names point into
    std::vector<RawEntry> entries_;
    std::unordered_set<std::string> dictionary_countries_;
    std::unordered_map<std::string, CodeInfo> code_cache_;
    std::array<std::size_t, 5> new_entities_{};
};

}  // namespace

DictionaryReport load_cameo_actors(Lexicon& lex, const CameoCodes& codes, const fs::path& file,
                                   const DictionaryOptions& options) {
    return ActorLoader(lex, codes, file, options).run();
}

// ---- agents -----------------------------------------------------------------------------------------------

namespace {

/// PETRARCH's regular plural of a role word: ...Y -> ...IES after a consonant, ...S/SH/CH/X -> ...ES, else ...S.
std::string plural(const std::string& phrase) {
    if (phrase.empty()) return phrase;
    const char last = static_cast<char>(std::toupper(static_cast<unsigned char>(phrase.back())));
    const char before = phrase.size() > 1
                            ? static_cast<char>(std::toupper(static_cast<unsigned char>(phrase[phrase.size() - 2])))
                            : ' ';
    if (last == 'Y' && std::string_view("AEIOU").find(before) == std::string_view::npos)
        return phrase.substr(0, phrase.size() - 1) + "IES";
    if (last == 'S' || last == 'X' || last == 'Z' || ((last == 'H') && (before == 'S' || before == 'C')))
        return phrase + "ES";
    return phrase + "S";
}

}  // namespace

DictionaryReport load_cameo_agents(Lexicon& lex, const CameoCodes& codes, const fs::path& file,
                                   const DictionaryOptions& options) {
    Reporter rep(file, options);
    LineReader reader(file);
    std::unordered_map<std::string, std::vector<std::string>> macros;
    // One AgentEntry per reading: irkg's own (state, government), (body, rebels)... are shared.
    std::map<std::pair<bool, std::string>, std::uint32_t> entry_of;
    for (std::uint32_t i = 0; i < lex.agents.size(); ++i) {
        const auto& a = lex.agents[i];
        entry_of.emplace(std::make_pair(a.body, a.body ? a.slug : a.sector), i);
    }
    std::string_view line;
    std::size_t number = 0;
    while (reader.next(line, number)) {
        std::string_view body = trim(line);
        if (body.empty()) continue;
        const auto bracket = body.find('[');
        if (body.front() == '!' && body.find('=') != std::string_view::npos &&
            (bracket == std::string_view::npos || body.find('=') < bracket)) {
            const auto close = body.find('!', 1);
            const auto eq = body.find('=');
            if (close == std::string_view::npos || close > eq) {
                rep.problem(number, fmt::format("macro \"{}\" is not !NAME! = A, B, C", body));
                continue;
            }
            auto& items = macros[std::string(body.substr(0, close + 1))];
            items.clear();
            std::string_view list = body.substr(eq + 1);
            std::size_t pos = 0;
            while (pos <= list.size()) {
                auto comma = list.find(',', pos);
                if (comma == std::string_view::npos) comma = list.size();
                if (auto item = trim(list.substr(pos, comma - pos)); !item.empty()) items.emplace_back(item);
                pos = comma + 1;
            }
            rep.note("macros");
            continue;
        }
        if (bracket == std::string_view::npos) {
            rep.problem(number, fmt::format("role word \"{}\" has no code; add one such as [~GOV]", body));
            continue;
        }
        const auto close = body.find(']', bracket);
        if (close == std::string_view::npos) {
            rep.problem(number, fmt::format("\"{}\" opens [ without closing it; write [~GOV]", body));
            continue;
        }
        std::string code(trim(body.substr(bracket + 1, close - bracket - 1)));
        std::string_view phrase = trim(body.substr(0, bracket));
        // The role: ~GOVMED (added after the actor's code) or NGO~ (before it); its first role code decides.
        std::string role = code;
        std::erase(role, '~');
        const CameoCodes::Type* type = role.size() >= 3 ? codes.type(std::string_view(role).substr(0, 3)) : nullptr;
        if (!type || code.find('~') == std::string::npos) {
            rep.problem(number, fmt::format("code [{}] of \"{}\" is not a role code; write [~GOV], [~MIL], [NGO~]... "
                                            "(known roles: schemas/cameo-plover.json actor_codes.types)",
                                            code, phrase));
            continue;
        }
        std::vector<std::string> phrases;
        if (auto bang = phrase.find('!'); bang != std::string_view::npos) {
            const auto end = phrase.find('!', bang + 1);
            auto it = end == std::string_view::npos ? macros.end()
                                                    : macros.find(std::string(phrase.substr(bang, end - bang + 1)));
            if (it == macros.end()) {
                rep.problem(number, fmt::format("\"{}\" uses a substitution macro that is not defined above it; "
                                                "define it as !NAME! = A, B",
                                                phrase));
                continue;
            }
            for (const auto& item : it->second)
                phrases.push_back(std::string(phrase.substr(0, bang)) + item + std::string(phrase.substr(end + 1)));
        } else if (auto brace = phrase.find('{'); brace != std::string_view::npos) {
            const auto brace_end = phrase.find('}', brace);
            if (brace_end == std::string_view::npos) {
                rep.problem(number,
                            fmt::format("\"{}\" opens {{ without closing it; write WORD {{PLURAL}} [CODE]", phrase));
                continue;
            }
            phrases.emplace_back(trim(phrase.substr(0, brace)));
            if (auto p = trim(phrase.substr(brace + 1, brace_end - brace - 1)); !p.empty()) phrases.emplace_back(p);
        } else {
            std::string singular(phrase);
            while (!singular.empty() && singular.back() == '_') singular.pop_back();
            phrases.push_back(singular);
            phrases.push_back(plural(singular));
        }

        AgentEntry agent;
        agent.body = type->body;
        agent.sector = type->sector;
        if (agent.body) {
            agent.label = type->label;
            agent.slug = slugify(type->label);
        }
        const auto key = std::make_pair(agent.body, agent.body ? agent.slug : agent.sector);
        std::size_t added = 0, known_words = 0;
        for (const auto& p : phrases) {
            const auto norms = phrase_norms(lex.tokenizer, lower(phrase_text(p)));
            if (norms.empty()) continue;
            if (exact(lex.agent_words, norms) || exact(lex.title_names, norms) || exact(lex.title_references, norms) ||
                exact(lex.names, norms) || exact(lex.group_references, norms) || common_word(lex, norms)) {
                ++known_words;
                continue;
            }
            auto it = entry_of.find(key);
            if (it == entry_of.end()) {
                it = entry_of.emplace(key, static_cast<std::uint32_t>(lex.agents.size())).first;
                lex.agents.push_back(agent);
            }
            lex.agent_words.insert(norms, it->second);
            ++added;
        }
        if (known_words) rep.note("words irkg already knows (not added)", known_words);
        if (added) {
            ++rep.report.entries;
            rep.report.names += added;
            rep.note(std::string(agent.body ? "body" : "state") + " role words: " + agent.sector, added);
        } else {
            rep.skip("lines whose every word irkg already knows");
        }
    }
    return std::move(rep.report);
}

// ---- verbs ------------------------------------------------------------------------------------------------

namespace {

using Alternatives = std::vector<std::vector<std::string>>;

struct VerbLine {
    std::size_t line = 0;
    std::vector<std::string> forms;  // lower-case phrases
    std::string code;                // forward code of the bare verb; empty: none
    bool reverse_only = false;
};

struct PatternLine {
    std::size_t line = 0;
    std::string body;  // between "-" and the code
    std::string code;  // forward code; empty when null ("---") or reverse-only
    bool null = false;
    bool reverse_only = false;
};

struct Block {
    std::size_t line = 0;
    std::string name;
    std::string code;
    bool reverse_only = false;
    std::vector<VerbLine> verbs;
    std::vector<PatternLine> patterns;
};

/// "042:043" -> forward "042"; "---" -> null; ":173" -> reverse-only. False when malformed.
bool split_code(std::string_view code, std::string& forward, bool& null, bool& reverse_only) {
    code = trim(code);
    forward.clear();
    null = reverse_only = false;
    if (code.empty() || code == "---") {
        null = true;
        return true;
    }
    const auto colon = code.find(':');
    std::string_view f = trim(code.substr(0, colon));
    if (f.empty() || f == "---") {
        reverse_only = colon != std::string_view::npos && !trim(code.substr(colon + 1)).empty() &&
                       trim(code.substr(colon + 1)) != "---";
        null = !reverse_only;
        return true;
    }
    if (f.size() < 2 || f.size() > 4) return false;
    for (char c : f)
        if (c < '0' || c > '9') return false;
    forward = std::string(f);
    return true;
}

class VerbLoader {
public:
    VerbLoader(Lexicon& lex, const CameoCodes& codes, const fs::path& file, const DictionaryOptions& options)
        : lex_(lex), codes_(codes), file_(file), rep_(file, options) {
        // Bare verbs irkg codes itself ("<meet>" alone): the dictionary's bare verb adds nothing there but a
        // second, coarser reading of the same words.
        for (const auto& p : lex_.patterns) {
            if (p.id.starts_with("cameo-")) {
                const auto dash = p.id.find('-', 6);
                ++next_number_[p.id.substr(6, dash - 6)];
                continue;
            }
            if (p.elements.size() != 1 || p.frame != Frame::verb) continue;
            for (const auto& alt : p.elements.front().alternatives)
                if (alt.size() == 1) irkg_verbs_.insert(alt.front());
        }
    }

    DictionaryReport run() {
        read();
        for (const auto& b : blocks_) emit(b);
        return std::move(rep_.report);
    }

private:
    void read() {
        LineReader reader(file_);
        std::string_view line;
        std::size_t number = 0;
        std::vector<std::vector<std::string>>* synset = nullptr;
        bool synset_plurals = true;
        Block* block = nullptr;
        while (reader.next(line, number)) {
            std::string_view body = trim(line);
            if (body.empty()) {
                synset = nullptr;
                continue;
            }
            if (body.front() == '~') {
                rep_.skip("transformations (~ lines)");
                continue;
            }
            if (body.front() == '&') {
                std::string name(trim(body.substr(1)));
                synset_plurals = name.empty() || name.back() != '_';
                while (!name.empty() && name.back() == '_') name.pop_back();
                synset = &synsets_[name];
                synset->clear();
                block = nullptr;
                continue;
            }
            if (body.front() == '+' && synset) {
                std::string phrase(trim(body.substr(1)));
                const bool whole = !phrase.empty() && phrase.back() == '_';
                const std::string text = lower(phrase_text(phrase));
                if (text.empty()) continue;
                if (auto norms = phrase_norms(lex_.tokenizer, text); !norms.empty())
                    synset->push_back(std::move(norms));
                if (synset_plurals && !whole)
                    if (auto norms = phrase_norms(lex_.tokenizer, lower(plural(text))); !norms.empty())
                        synset->push_back(std::move(norms));
                continue;
            }
            synset = nullptr;
            if (body.starts_with("---")) {
                blocks_.emplace_back();
                block = &blocks_.back();
                block->line = number;
                const auto open = body.find('[');
                const auto close = body.find(']', open == std::string_view::npos ? 0 : open);
                block->name = std::string(
                    trim(body.substr(3, open == std::string_view::npos ? std::string_view::npos : open - 3)));
                bool null = false;
                if (open != std::string_view::npos && close != std::string_view::npos &&
                    !split_code(body.substr(open + 1, close - open - 1), block->code, null, block->reverse_only))
                    rep_.problem(number, fmt::format("verb block code [{}] is not a CAMEO code (2 to 4 digits, "
                                                     "--- or CODE:CODE)",
                                                     body.substr(open + 1, close - open - 1)));
                continue;
            }
            if (!block) {
                rep_.problem(number, fmt::format("\"{}\" is outside any verb block; start a block with "
                                                 "--- NAME [CODE] --- or a synonym set with &NAME",
                                                 body));
                continue;
            }
            if (body.front() == '-') {
                read_pattern(*block, body, number);
            } else {
                read_verb(*block, body, number);
            }
        }
    }

    void read_verb(Block& block, std::string_view body, std::size_t number) {
        VerbLine verb;
        verb.line = number;
        const auto brace = body.find('{');
        const auto bracket = body.find('[');
        std::string_view name = trim(body.substr(0, std::min(brace, bracket)));
        const std::string lemma = lower(phrase_text(name));
        if (lemma.empty()) {
            rep_.problem(number, fmt::format("verb line \"{}\" names no verb; write VERB {{FORMS}} [CODE]", body));
            return;
        }
        verb.forms.push_back(lemma);
        if (brace != std::string_view::npos && (bracket == std::string_view::npos || brace < bracket)) {
            const auto end = body.find('}', brace);
            if (end == std::string_view::npos) {
                rep_.problem(number, fmt::format("\"{}\" opens {{ without closing it; write VERB {{FORMS}}", body));
                return;
            }
            std::string_view forms = body.substr(brace + 1, end - brace - 1);
            std::size_t pos = 0;
            while (pos < forms.size()) {
                while (pos < forms.size() && std::isspace(static_cast<unsigned char>(forms[pos]))) ++pos;
                std::size_t stop = pos;
                while (stop < forms.size() && !std::isspace(static_cast<unsigned char>(forms[stop]))) ++stop;
                if (stop > pos) verb.forms.push_back(lower(phrase_text(forms.substr(pos, stop - pos))));
                pos = stop;
            }
        } else {
            // Regular English forms of the first word, the rest of the phrase kept (COMMUNICATE_WITH).
            const auto space = lemma.find(' ');
            const std::string head = lemma.substr(0, space);
            const std::string tail = space == std::string::npos ? "" : lemma.substr(space);
            static const std::unordered_map<std::string, std::vector<std::string>> no_irregulars;
            for (const auto& f : verb_forms(head, no_irregulars, false))
                if (f + tail != lemma) verb.forms.push_back(f + tail);
        }
        verb.code = block.code;
        verb.reverse_only = block.reverse_only;
        if (bracket != std::string_view::npos) {
            const auto close = body.find(']', bracket);
            bool null = false;
            if (close == std::string_view::npos ||
                !split_code(body.substr(bracket + 1, close - bracket - 1), verb.code, null, verb.reverse_only)) {
                rep_.problem(number, fmt::format("verb code in \"{}\" is not [CODE], [---] or [CODE:CODE]", body));
                return;
            }
        }
        block.verbs.push_back(std::move(verb));
    }

    void read_pattern(Block& block, std::string_view body, std::size_t number) {
        const auto open = body.rfind('[');
        const auto close = open == std::string_view::npos ? open : body.find(']', open);
        if (open == std::string_view::npos || close == std::string_view::npos) {
            rep_.problem(number, fmt::format("pattern \"{}\" has no [CODE]; end it with [CODE] or [---]", body));
            return;
        }
        PatternLine p;
        p.line = number;
        p.body = std::string(trim(body.substr(1, open - 1)));
        if (!split_code(body.substr(open + 1, close - open - 1), p.code, p.null, p.reverse_only)) {
            rep_.problem(number, fmt::format("pattern code [{}] is not a CAMEO code (2 to 4 digits, --- or "
                                             "CODE:CODE)",
                                             body.substr(open + 1, close - open - 1)));
            return;
        }
        block.patterns.push_back(std::move(p));
    }

    struct PatternToken {
        enum Kind { word, synset, verb, source, target, unsupported } kind = word;
        std::string text;
        bool in_phrase = false;  // inside ( ): a prepositional phrase
        bool glued = false;      // joined to the previous token by _: no gap between them
    };

    static std::vector<PatternToken> tokens_of(std::string_view body) {
        std::vector<PatternToken> out;
        int paren = 0;
        std::size_t i = 0;
        while (i < body.size()) {
            const char c = body[i];
            if (std::isspace(static_cast<unsigned char>(c)) || c == '{' || c == '}') {
                ++i;
                continue;
            }
            if (c == '(' || c == ')') {
                paren += c == '(' ? 1 : -1;
                ++i;
                continue;
            }
            std::size_t end = i;
            while (end < body.size() && !std::isspace(static_cast<unsigned char>(body[end])) &&
                   std::string_view("(){}").find(body[end]) == std::string_view::npos)
                ++end;
            std::string_view raw = body.substr(i, end - i);
            i = end;
            // "SPY_*_DEAL", "*_LAWS", "*SCEPTICAL": the verb written into a word; _ glues the pieces.
            std::vector<std::string_view> pieces;
            if (raw == "*" || raw == "**" || raw.find('*') == std::string_view::npos) {
                pieces.push_back(raw);
            } else {
                std::size_t at = 0;
                while (at < raw.size()) {
                    std::size_t stop = raw.find('*', at);
                    if (stop == at) {
                        while (stop < raw.size() && raw[stop] == '*') ++stop;
                    } else if (stop == std::string_view::npos) {
                        stop = raw.size();
                    }
                    pieces.push_back(raw.substr(at, stop - at));
                    at = stop;
                }
            }
            bool glue_next = false;
            for (std::size_t k = 0; k < pieces.size(); ++k) {
                std::string_view t = pieces[k];
                const bool glued = k > 0 && (glue_next || t.front() == '_');
                glue_next = t.back() == '_' && t.size() > 1;
                while (t.size() > 1 && t.front() == '_') t.remove_prefix(1);
                while (t.size() > 1 && t.back() == '_') t.remove_suffix(1);
                PatternToken tok;
                tok.text = std::string(t);
                tok.in_phrase = paren > 0;
                tok.glued = glued;
                if (t == "*" || t == "**")
                    tok.kind = PatternToken::verb;
                else if (t == "$")
                    tok.kind = PatternToken::source;
                else if (t == "+")
                    tok.kind = PatternToken::target;
                else if (t.front() == '&')
                    tok.kind = PatternToken::synset;
                else if (t.find_first_of("^%$+") != std::string_view::npos)
                    tok.kind = PatternToken::unsupported;
                out.push_back(std::move(tok));
            }
        }
        return out;
    }

    /// The alternatives a word or synset token matches; empty with `why` set when it cannot be read.
    Alternatives alternatives(const PatternToken& t, std::string& why) const {
        Alternatives out;
        if (t.kind == PatternToken::synset) {
            std::string name = t.text.substr(1);
            while (!name.empty() && name.back() == '_') name.pop_back();
            auto it = synsets_.find(name);
            if (it == synsets_.end()) {
                why = "undefined synonym set";
                return out;
            }
            return it->second;
        }
        std::size_t pos = 0;
        while (pos <= t.text.size()) {
            auto slash = t.text.find('/', pos);
            if (slash == std::string::npos) slash = t.text.size();
            auto norms = phrase_norms(lex_.tokenizer, lower(phrase_text(t.text.substr(pos, slash - pos))));
            if (!norms.empty()) out.push_back(std::move(norms));
            pos = slash + 1;
        }
        if (out.empty()) why = "a word that matches nothing";
        return out;
    }

    std::string next_id(const std::string& code) { return fmt::format("cameo-{}-{}", code, ++next_number_[code]); }

    void emit(const Block& b) {
        // Every verb form of the block stands for * in its patterns.
        Alternatives verb_alternatives;
        std::unordered_set<std::string> seen_forms;
        for (const auto& v : b.verbs)
            for (const auto& f : v.forms)
                if (seen_forms.insert(f).second) verb_alternatives.push_back(phrase_norms(lex_.tokenizer, f));
        std::erase_if(verb_alternatives, [](const auto& a) { return a.empty(); });

        std::unordered_set<std::string> blockers;
        for (const auto& p : b.patterns) emit_pattern(b, p, verb_alternatives, blockers);

        for (const auto& v : b.verbs) {
            if (v.code.empty()) {
                rep_.skip(v.reverse_only ? "bare verbs with a reverse-only code" : "bare verbs without an event code");
                continue;
            }
            const auto* relation = codes_.relation_for(v.code);
            if (!relation) {
                rep_.skip("bare verbs whose code has no irkg relation");
                rep_.note("no irkg relation for code " + v.code);
                continue;
            }
            Pattern pattern;
            PatternElement el;
            for (const auto& f : v.forms) {
                auto norms = phrase_norms(lex_.tokenizer, f);
                if (norms.empty()) continue;
                if (norms.size() == 1 && irkg_verbs_.contains(norms.front())) {
                    rep_.note("verb forms irkg codes itself (not added)");
                    continue;
                }
                if (std::find(el.alternatives.begin(), el.alternatives.end(), norms) == el.alternatives.end())
                    el.alternatives.push_back(std::move(norms));
            }
            if (el.alternatives.empty()) {
                rep_.skip("bare verbs irkg codes itself");
                continue;
            }
            pattern.id = next_id(v.code);
            pattern.relation = relation;
            pattern.frame = Frame::verb;
            pattern.confidence = 0.6;
            pattern.not_before = blockers;
            rep_.report.names += el.alternatives.size();
            pattern.elements.push_back(std::move(el));
            lex_.add_pattern(std::move(pattern));
            ++rep_.report.entries;
            rep_.note("bare-verb patterns");
        }
    }

    void emit_pattern(const Block& b, const PatternLine& p, const Alternatives& verb_alternatives,
                      std::unordered_set<std::string>& blockers) {
        const auto tokens = tokens_of(p.body);
        auto verb = std::find_if(tokens.begin(), tokens.end(),
                                 [](const PatternToken& t) { return t.kind == PatternToken::verb; });
        if (verb == tokens.end()) {
            rep_.problem(p.line, fmt::format("pattern \"{}\" has no * for the verb; write - * WORDS [CODE]", p.body));
            return;
        }
        // A null, reverse-only or unmapped pattern that puts a noun right after the verb ("FACE * PROBLEM
        // [012]") says the bare verb is not the block's event before that noun.
        const graph::RelationType* relation = p.code.empty() ? nullptr : codes_.relation_for(p.code);
        if (!relation) {
            auto after = verb + 1;
            if (after != tokens.end() && !after->in_phrase &&
                (after->kind == PatternToken::word || after->kind == PatternToken::synset)) {
                std::string why;
                for (const auto& alt : alternatives(*after, why)) blockers.insert(alt.front());
            }
            if (p.null)
                rep_.skip("patterns with the null code [---]");
            else if (p.reverse_only)
                rep_.skip("patterns with a reverse-only code ([:CODE])");
            else {
                rep_.skip("patterns whose code has no irkg relation");
                rep_.note("no irkg relation for code " + p.code);
            }
            return;
        }
        if (verb_alternatives.empty()) {
            rep_.skip("patterns of blocks without verbs");
            return;
        }
        Pattern pattern;
        bool verb_seen = false;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const PatternToken& t = tokens[i];
            std::string why;
            switch (t.kind) {
                case PatternToken::source:
                    // The source before everything else is where the verb frame looks anyway.
                    if (i == 0) continue;
                    why = "$ (source) inside the pattern";
                    break;
                case PatternToken::target:
                    if (i + 1 == tokens.size()) continue;
                    why = "+ (target) inside the pattern";
                    break;
                case PatternToken::unsupported:
                    why = "^ or % markers";
                    break;
                case PatternToken::verb:
                    if (verb_seen) why = "two verbs (*)";
                    verb_seen = true;
                    break;
                default:
                    break;
            }
            if (why.empty()) {
                PatternElement el;
                el.alternatives = t.kind == PatternToken::verb ? verb_alternatives : alternatives(t, why);
                if (why.empty()) {
                    if (!pattern.elements.empty() && !t.glued) {
                        PatternElement gap;
                        gap.gap = true;
                        pattern.elements.push_back(std::move(gap));
                    }
                    pattern.elements.push_back(std::move(el));
                    continue;
                }
            }
            rep_.skip("patterns with " + why);
            return;
        }
        pattern.id = next_id(p.code);
        pattern.relation = relation;
        pattern.frame = Frame::verb;
        pattern.confidence = 0.6;
        lex_.add_pattern(std::move(pattern));
        ++rep_.report.entries;
        rep_.note("phrase patterns");
        (void)b;
    }

    Lexicon& lex_;
    const CameoCodes& codes_;
    fs::path file_;
    Reporter rep_;
    std::vector<Block> blocks_;
    std::unordered_map<std::string, Alternatives> synsets_;
    std::unordered_set<std::string> irkg_verbs_;
    std::unordered_map<std::string, int> next_number_;
};

}  // namespace

DictionaryReport load_cameo_verbs(Lexicon& lex, const CameoCodes& codes, const fs::path& file,
                                  const DictionaryOptions& options) {
    return VerbLoader(lex, codes, file, options).run();
}

}  // namespace irkg::ingest
