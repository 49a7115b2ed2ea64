#include "timeline.hpp"

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <tuple>

namespace irkg::graph {

bool timeline_less(const KnowledgeGraph& graph, const TimelineItem& a, const TimelineItem& b) {
    const Mention& ma = *a.mention;
    const Mention& mb = *b.mention;
    const bool undated_a = ma.time.start.empty(), undated_b = mb.time.start.empty();
    if (undated_a != undated_b) return undated_b;  // dated first
    const std::string_view end_a = ma.time.end.empty() ? ma.time.start : ma.time.end;
    const std::string_view end_b = mb.time.end.empty() ? mb.time.start : mb.time.end;
    const auto ka =
        std::tie(ma.time.start, end_a, ma.evidence.doc, ma.evidence.sentence, ma.evidence.begin, ma.evidence.end);
    const auto kb =
        std::tie(mb.time.start, end_b, mb.evidence.doc, mb.evidence.sentence, mb.evidence.begin, mb.evidence.end);
    if (ka != kb) return ka < kb;
    const Store& store = graph.store();
    const auto relation = [&](const TimelineItem& item) {
        return std::make_tuple(std::string_view(graph.edge(item.edge).relation->predicate),
                               std::string_view(graph.entity(boost::source(item.edge, store)).id),
                               std::string_view(graph.entity(boost::target(item.edge, store)).id));
    };
    return relation(a) < relation(b);
}

Timeline::Timeline(const KnowledgeGraph& graph, Vertex actor, TimelineOptions options)
    : graph_(graph), actor_(actor), options_(options) {
    if (actor >= graph.num_entities()) throw std::invalid_argument("Timeline: vertex not in the graph");
}

void Timeline::run() {
    items_.clear();
    relations_ = 0;
    undated_ = 0;
    first_date_.clear();
    last_date_.clear();

    const Store& store = graph_.store();
    auto add = [&](Edge e, Vertex other) {
        const EdgeData& data = graph_.edge(e);
        const Direction direction = direction_from(graph_, e, actor_);
        ++relations_;
        for (const Mention& m : data.mentions) {
            items_.push_back({e, &m, direction, other});
            if (m.time.start.empty()) {
                ++undated_;
                continue;
            }
            const std::string& end = m.time.end.empty() ? m.time.start : m.time.end;
            if (first_date_.empty() || m.time.start < first_date_) first_date_ = m.time.start;
            if (end > last_date_) last_date_ = end;
        }
    };
    for (Edge e : boost::make_iterator_range(boost::out_edges(actor_, store))) add(e, boost::target(e, store));
    for (Edge e : boost::make_iterator_range(boost::in_edges(actor_, store)))
        if (boost::source(e, store) != actor_) add(e, boost::source(e, store));  // self-loops came as out-edges
    total_ = items_.size();

    const auto before = [this](const TimelineItem& a, const TimelineItem& b) { return timeline_less(graph_, a, b); };
    if (options_.limit == 0 || options_.limit >= items_.size()) {
        std::sort(items_.begin(), items_.end(), before);
    } else {
        std::partial_sort(items_.begin(), items_.begin() + static_cast<std::ptrdiff_t>(options_.limit), items_.end(),
                          before);
        items_.resize(options_.limit);
        items_.shrink_to_fit();
    }
    has_run_ = true;
}

void Timeline::assure_finished() const {
    if (!has_run_) throw std::logic_error("Timeline: call run() before reading results");
}

const std::vector<TimelineItem>& Timeline::items() const {
    assure_finished();
    return items_;
}

std::size_t Timeline::total() const {
    assure_finished();
    return total_;
}

std::size_t Timeline::relations() const {
    assure_finished();
    return relations_;
}

std::size_t Timeline::undated() const {
    assure_finished();
    return undated_;
}

const std::string& Timeline::first_date() const {
    assure_finished();
    return first_date_;
}

const std::string& Timeline::last_date() const {
    assure_finished();
    return last_date_;
}

}  // namespace irkg::graph
