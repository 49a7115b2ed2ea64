#include "graph_filter.hpp"

#include <algorithm>
#include <charconv>
#include <deque>

#include <boost/range/iterator_range.hpp>
#include <fmt/format.h>

namespace irkg::graph {

namespace {

template <class T>
bool contains(const std::vector<T>& list, const T& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leap(year) ? 29 : days[month - 1];
}

bool number(std::string_view text, std::size_t digits, int& value) {
    if (text.size() != digits) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return true;
}

/// Splits YYYY[-MM[-DD]] into its parts; month and day are 0 when absent.
bool split_date(std::string_view date, int& year, int& month, int& day) {
    month = day = 0;
    if (!number(date.substr(0, 4), 4, year) || year == 0) return false;
    if (date.size() == 4) return true;
    if (date.size() < 7 || date[4] != '-' || !number(date.substr(5, 2), 2, month) || month < 1 || month > 12)
        return false;
    if (date.size() == 7) return true;
    return date.size() == 10 && date[7] == '-' && number(date.substr(8, 2), 2, day) && day >= 1 &&
           day <= days_in_month(year, month);
}

bool keeps_mention(const GraphFilter& f, const Mention& m) {
    if (m.confidence < f.min_confidence) return false;
    if (!f.modalities.empty() && !contains(f.modalities, m.modality)) return false;
    if (!f.since.empty() || !f.until.empty()) {
        if (m.time.start.empty()) return false;  // an undated mention is in no period
        const std::string& end = m.time.end.empty() ? m.time.start : m.time.end;
        if (!f.since.empty() && end < f.since) return false;
        if (!f.until.empty() && m.time.start > f.until) return false;
    }
    return true;
}

template <class Range>
std::string joined(const Range& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ",") + std::string(v);
    return out;
}

}  // namespace

bool GraphFilter::filters_relations() const {
    return !categories.empty() || !predicates.empty() || !since.empty() || !until.empty() || min_confidence > 0.0 ||
           min_mentions > 1 || !modalities.empty();
}

bool GraphFilter::is_identity() const { return !filters_relations() && types.empty() && around.empty(); }

std::string GraphFilter::describe() const {
    std::vector<std::string> parts;
    if (!categories.empty()) parts.push_back("category " + joined(categories));
    if (!predicates.empty()) parts.push_back("predicate " + joined(predicates));
    if (!since.empty()) parts.push_back("since " + since);
    if (!until.empty()) parts.push_back("until " + until);
    if (min_confidence > 0.0) parts.push_back(fmt::format("confidence >= {}", min_confidence));
    if (min_mentions > 1) parts.push_back(fmt::format("mentions >= {}", min_mentions));
    if (!modalities.empty()) {
        std::vector<std::string_view> names;
        for (auto m : modalities) names.push_back(to_string(m));
        parts.push_back("modality " + joined(names));
    }
    if (!types.empty()) {
        std::vector<std::string_view> names;
        for (auto t : types) names.push_back(to_string(t));
        parts.push_back("type " + joined(names));
    }
    if (!around.empty()) parts.push_back(fmt::format("within {} hop{} of {}", depth, depth == 1 ? "" : "s", joined(around)));
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}

KnowledgeGraph apply_filter(const KnowledgeGraph& graph, const GraphFilter& f) {
    if (f.is_identity()) return graph;
    const Store& store = graph.store();
    const std::size_t n = graph.num_entities();
    std::vector<char> type_ok(n, 1);
    if (!f.types.empty())
        for (Vertex v = 0; v < n; ++v) type_ok[v] = contains(f.types, graph.entity(v).type);
    // The entities a neighbourhood is asked around stay whatever their type: "the countries around Blinken".
    for (const auto& id : f.around)
        if (auto v = graph.find(id)) type_ok[*v] = 1;

    // Pass 1: the relations that survive the mention, relation and type filters, with their mentions.
    struct Kept {
        Edge edge;
        std::vector<Mention> mentions;
    };
    std::vector<Kept> kept;
    for (const Edge e : graph.sorted_edges()) {
        const EdgeData& data = graph.edge(e);
        const Vertex s = boost::source(e, store), t = boost::target(e, store);
        if (!type_ok[s] || !type_ok[t]) continue;
        if (!f.categories.empty() && !contains(f.categories, data.relation->category)) continue;
        if (!f.predicates.empty() && !contains(f.predicates, data.relation->predicate)) continue;
        std::vector<Mention> mentions;
        for (const auto& m : data.mentions)
            if (keeps_mention(f, m)) mentions.push_back(m);
        if (mentions.empty() || mentions.size() < f.min_mentions) continue;
        kept.push_back({e, std::move(mentions)});
    }

    // Pass 2: the neighbourhood, breadth first over the surviving relations in either direction.
    std::vector<char> near(n, f.around.empty() ? 1 : 0);
    if (!f.around.empty()) {
        std::vector<std::vector<Vertex>> adjacent(n);
        for (const auto& k : kept) {
            const Vertex s = boost::source(k.edge, store), t = boost::target(k.edge, store);
            adjacent[s].push_back(t);
            adjacent[t].push_back(s);
        }
        std::vector<std::size_t> hops(n, SIZE_MAX);
        std::deque<Vertex> queue;
        for (const auto& id : f.around)
            if (auto v = graph.find(id); v && type_ok[*v] && hops[*v] == SIZE_MAX) {
                hops[*v] = 0;
                queue.push_back(*v);
            }
        while (!queue.empty()) {
            const Vertex v = queue.front();
            queue.pop_front();
            near[v] = 1;
            if (hops[v] == f.depth) continue;
            for (Vertex w : adjacent[v])
                if (hops[w] == SIZE_MAX) {
                    hops[w] = hops[v] + 1;
                    queue.push_back(w);
                }
        }
    }

    // Pass 3: which entities stay, then the graph, entities in id order and relations in edge order.
    std::vector<char> keep(n, 0);
    const bool only_connected = f.filters_relations();
    for (Vertex v = 0; v < n; ++v) keep[v] = type_ok[v] && near[v] && !only_connected;
    if (only_connected) {
        for (const auto& id : f.around)
            if (auto v = graph.find(id); v && type_ok[*v]) keep[*v] = 1;
    }
    for (const auto& k : kept) {
        const Vertex s = boost::source(k.edge, store), t = boost::target(k.edge, store);
        if (near[s] && near[t]) keep[s] = keep[t] = 1;
    }

    KnowledgeGraph out;
    std::vector<Vertex> mapped(n);
    for (const Vertex v : graph.sorted_vertices())
        if (keep[v]) mapped[v] = out.add_entity(graph.entity(v));
    for (const auto& k : kept) {
        const Vertex s = boost::source(k.edge, store), t = boost::target(k.edge, store);
        if (!near[s] || !near[t]) continue;
        for (const auto& m : k.mentions) out.add_mention(mapped[s], *graph.edge(k.edge).relation, mapped[t], m);
    }
    return out;
}

bool is_filter_date(std::string_view date) {
    int year = 0, month = 0, day = 0;
    return split_date(date, year, month, day);
}

std::string expand_filter_date(std::string_view date, bool last) {
    int year = 0, month = 0, day = 0;
    split_date(date, year, month, day);
    if (month == 0) month = last ? 12 : 1;
    if (day == 0) day = last ? days_in_month(year, month) : 1;
    return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

}  // namespace irkg::graph
