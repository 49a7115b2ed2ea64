#include "entity_index.hpp"

#include <algorithm>
#include <array>
#include <tuple>

#include <fmt/format.h>

#include "errors.hpp"

namespace irkg::graph {

std::string_view to_string(MatchKind kind) {
    constexpr std::array<std::string_view, 7> names{"id", "label", "alias", "word", "prefix", "typo", "none"};
    return names[static_cast<std::size_t>(kind)];
}

std::string fold_case(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::vector<std::string> split_words(std::string_view text) {
    constexpr std::string_view separators = " \t\n\r\f\v-/,;:()\"";
    std::vector<std::string> words;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t begin = text.find_first_not_of(separators, pos);
        if (begin == std::string_view::npos) break;
        std::size_t end = text.find_first_of(separators, begin);
        if (end == std::string_view::npos) end = text.size();
        words.emplace_back(text.substr(begin, end - begin));
        pos = end;
    }
    return words;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

bool EntityIndex::Key::operator<(const Key& other) const {
    return std::tie(text, vertex) < std::tie(other.text, other.vertex);
}

EntityIndex::EntityIndex(const KnowledgeGraph& graph) : graph_(graph) {
    label_words_.resize(graph.num_entities());
    for (Vertex v : graph.sorted_vertices()) {
        const Entity& entity = graph.entity(v);
        labels_.push_back({fold_case(entity.id), v});
        if (!entity.label.empty()) labels_.push_back({fold_case(entity.label), v});
        for (const auto& alias : entity.aliases) aliases_.push_back({fold_case(alias), v});
        label_words_[v] = split_words(fold_case(entity.label));
    }
    for (auto* keys : {&labels_, &aliases_}) {
        std::sort(keys->begin(), keys->end());
        keys->erase(std::unique(keys->begin(), keys->end(),
                                [](const Key& a, const Key& b) { return a.text == b.text && a.vertex == b.vertex; }),
                    keys->end());
    }
}

std::vector<Vertex> EntityIndex::equal_range(const std::vector<Key>& keys, const std::string& folded) {
    auto it = std::lower_bound(keys.begin(), keys.end(), folded,
                               [](const Key& k, const std::string& t) { return k.text < t; });
    std::vector<Vertex> out;
    for (; it != keys.end() && it->text == folded; ++it) out.push_back(it->vertex);
    return out;
}

NameMatch EntityIndex::lookup(std::string_view name) const {
    if (auto v = graph_.find(name)) return {MatchKind::id, {*v}};

    auto by_id = [this](std::vector<Vertex> vs) {
        std::sort(vs.begin(), vs.end(),
                  [this](Vertex a, Vertex b) { return graph_.entity(a).id < graph_.entity(b).id; });
        vs.erase(std::unique(vs.begin(), vs.end()), vs.end());
        return vs;
    };

    const std::string folded = fold_case(name);
    if (auto vs = equal_range(labels_, folded); !vs.empty()) return {MatchKind::label, by_id(std::move(vs))};
    if (auto vs = equal_range(aliases_, folded); !vs.empty()) return {MatchKind::alias, by_id(std::move(vs))};

    const std::vector<std::string> wanted = split_words(folded);
    if (wanted.empty()) return {};
    std::vector<Vertex> vs;
    for (Vertex v : graph_.sorted_vertices()) {
        const auto& words = label_words_[v];
        const bool all = std::all_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
            return std::find(words.begin(), words.end(), w) != words.end();
        });
        if (all) vs.push_back(v);
    }
    if (vs.empty()) return {};
    return {MatchKind::word, std::move(vs)};
}

std::vector<EntityIndex::Ranked> EntityIndex::rank(std::string_view name) const {
    const std::string folded = fold_case(name);
    std::vector<Ranked> ranked;
    for (Vertex v : graph_.sorted_vertices()) ranked.push_back({v, false, static_cast<std::size_t>(-1)});
    std::vector<std::size_t> position(graph_.num_entities());
    for (std::size_t i = 0; i < ranked.size(); ++i) position[ranked[i].vertex] = i;

    auto consider = [&](Vertex v, std::string_view key) {
        Ranked& r = ranked[position[v]];
        if (!folded.empty() && key.starts_with(folded)) r.prefix = true;
        r.distance = std::min(r.distance, edit_distance(folded, key));
    };
    for (const auto* keys : {&labels_, &aliases_})
        for (const Key& k : *keys) consider(k.vertex, k.text);
    for (Vertex v = 0; v < label_words_.size(); ++v)
        for (const auto& word : label_words_[v]) consider(v, word);

    // Stable: equal scores stay in id order.
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        if (a.prefix != b.prefix) return a.prefix;
        return a.distance < b.distance;
    });
    return ranked;
}

std::vector<Vertex> EntityIndex::suggestions(std::string_view name, std::size_t limit) const {
    const std::size_t threshold = std::max<std::size_t>(1, name.size() / 3);
    std::vector<Vertex> out;
    for (const Ranked& r : rank(name)) {
        if (out.size() == limit || (!r.prefix && r.distance > threshold)) break;
        out.push_back(r.vertex);
    }
    return out;
}

std::vector<Vertex> EntityIndex::nearest(std::string_view name, std::size_t limit) const {
    std::vector<Vertex> out;
    for (const Ranked& r : rank(name)) {
        if (out.size() == limit) break;
        out.push_back(r.vertex);
    }
    return out;
}

std::vector<Candidate> EntityIndex::candidates(std::string_view name) const {
    const std::string folded = fold_case(name);
    const std::vector<std::string> wanted = split_words(folded);
    if (wanted.empty()) return {};
    const std::size_t threshold = std::max<std::size_t>(1, name.size() / 3);

    // Per vertex: its best match so far and where the key came from, spelled out at the end.
    enum class Source { id, id_or_label, alias, label };
    struct Best {
        MatchKind kind = MatchKind::none;
        std::size_t distance = 0;
        Source source = Source::label;
        std::string_view key;  ///< folded, in the index's own storage
    };
    std::vector<Best> best(graph_.num_entities());
    auto offer = [&best](Vertex v, MatchKind kind, std::size_t distance, Source source, std::string_view key) {
        Best& b = best[v];
        if (std::tie(kind, distance) < std::tie(b.kind, b.distance)) b = {kind, distance, source, key};
    };

    if (auto v = graph_.find(name)) offer(*v, MatchKind::id, 0, Source::id, {});
    for (const auto& [keys, kind, source] : {std::tuple{&labels_, MatchKind::label, Source::id_or_label},
                                             std::tuple{&aliases_, MatchKind::alias, Source::alias}}) {
        for (const Key& k : *keys) {
            if (k.text == folded) {
                offer(k.vertex, kind, 0, source, k.text);
            } else if (k.text.starts_with(folded)) {
                offer(k.vertex, MatchKind::prefix, k.text.size() - folded.size(), source, k.text);
            } else if (std::max(k.text.size(), folded.size()) - std::min(k.text.size(), folded.size()) <= threshold) {
                // The length difference bounds the distance from below: most keys need no distance at all.
                if (const std::size_t d = edit_distance(folded, k.text); d <= threshold)
                    offer(k.vertex, MatchKind::typo, d, source, k.text);
            }
        }
    }
    for (Vertex v = 0; v < label_words_.size(); ++v) {
        const auto& words = label_words_[v];
        const bool all = std::all_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
            return std::find(words.begin(), words.end(), w) != words.end();
        });
        if (all) offer(v, MatchKind::word, 0, Source::label, {});
        for (const auto& word : words) {
            if (word.starts_with(folded)) {
                offer(v, MatchKind::prefix, word.size() - folded.size(), Source::label, {});
            } else if (std::max(word.size(), folded.size()) - std::min(word.size(), folded.size()) <= threshold) {
                if (const std::size_t d = edit_distance(folded, word); d <= threshold)
                    offer(v, MatchKind::typo, d, Source::label, {});
            }
        }
    }

    std::vector<Candidate> out;
    for (Vertex v = 0; v < best.size(); ++v) {
        const Best& b = best[v];
        if (b.kind == MatchKind::none) continue;
        const Entity& e = graph_.entity(v);
        std::string matched = e.label;
        if (b.source == Source::id || (b.source == Source::id_or_label && fold_case(e.id) == b.key)) {
            matched = e.id;
        } else if (b.source == Source::alias) {
            for (const auto& alias : e.aliases)
                if (fold_case(alias) == b.key) {
                    matched = alias;
                    break;
                }
        }
        out.push_back({v, b.kind, std::move(matched), b.distance});
    }
    const Store& store = graph_.store();
    auto degree = [&store](Vertex v) { return boost::out_degree(v, store) + boost::in_degree(v, store); };
    std::sort(out.begin(), out.end(), [&](const Candidate& a, const Candidate& b) {
        if (std::tie(a.kind, a.distance) != std::tie(b.kind, b.distance))
            return std::tie(a.kind, a.distance) < std::tie(b.kind, b.distance);
        const std::size_t da = degree(a.vertex), db = degree(b.vertex);
        if (da != db) return da > db;
        return graph_.entity(a.vertex).id < graph_.entity(b.vertex).id;
    });
    return out;
}

std::string EntityIndex::describe(Vertex v) const {
    const Entity& e = graph_.entity(v);
    return fmt::format("{} ({}, {})", e.id, e.label, to_string(e.type));
}

Vertex EntityIndex::resolve(std::string_view name) const {
    const NameMatch match = lookup(name);
    if (match.candidates.size() == 1) return match.candidates.front();

    std::string list;
    if (!match.candidates.empty()) {
        for (Vertex v : match.candidates) list += "\n  " + describe(v);
        throw query_error(
            fmt::format("\"{}\" is ambiguous: it matches {} entities by {}:{}\nname one by its id or a "
                        "fuller name",
                        name, match.candidates.size(), to_string(match.kind), list));
    }
    if (graph_.num_entities() == 0) throw query_error(fmt::format("no entity called \"{}\": the graph is empty", name));
    const auto close = suggestions(name);
    for (Vertex v : close.empty() ? nearest(name) : close) list += "\n  " + describe(v);
    throw query_error(fmt::format("no entity called \"{}\" (by id, label, alias or word of a label); {}:{}", name,
                                  close.empty() ? "no name is close, the nearest are" : "closest", list));
}

}  // namespace irkg::graph
