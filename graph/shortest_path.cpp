#include "shortest_path.hpp"

#include <algorithm>
#include <deque>
#include <optional>
#include <stdexcept>
#include <tuple>

namespace irkg::graph {

namespace {

/// The hops leaving `from`, in the order the search must try them (see the class comment).
std::vector<PathHop> ordered_steps(const KnowledgeGraph& graph, Vertex from, bool directed) {
    const Store& store = graph.store();
    std::vector<PathHop> steps;
    for (Edge e : boost::make_iterator_range(boost::out_edges(from, store)))
        if (boost::target(e, store) != from) steps.push_back({from, boost::target(e, store), e, true});
    if (!directed)
        for (Edge e : boost::make_iterator_range(boost::in_edges(from, store)))
            if (boost::source(e, store) != from) steps.push_back({from, boost::source(e, store), e, false});

    auto key = [&](const PathHop& h) {
        const EdgeData& data = graph.edge(h.edge);
        // Negated weight: more mentions first.
        return std::make_tuple(std::string_view(graph.entity(h.to).id), -static_cast<long long>(data.weight()),
                               std::string_view(data.relation->predicate), !h.forward);
    };
    std::sort(steps.begin(), steps.end(), [&](const PathHop& a, const PathHop& b) { return key(a) < key(b); });
    return steps;
}

}  // namespace

ShortestPath::ShortestPath(const KnowledgeGraph& graph, Vertex source, Vertex target, ShortestPathOptions options)
    : graph_(graph), source_(source), target_(target), options_(options) {
    if (source >= graph.num_entities() || target >= graph.num_entities())
        throw std::invalid_argument("ShortestPath: vertex not in the graph");
}

void ShortestPath::run() {
    hops_.clear();
    found_ = false;
    reached_ = 1;

    // parent[v]: the hop that first reached v.
    std::vector<std::optional<PathHop>> parent(graph_.num_entities());
    std::vector<bool> seen(graph_.num_entities(), false);
    std::deque<Vertex> queue{source_};
    seen[source_] = true;
    // No early exit at the target: reached() reports the whole component, which "no path" messages use.
    while (!queue.empty()) {
        const Vertex u = queue.front();
        queue.pop_front();
        for (const PathHop& step : ordered_steps(graph_, u, options_.directed)) {
            if (seen[step.to]) continue;
            seen[step.to] = true;
            parent[step.to] = step;
            ++reached_;
            queue.push_back(step.to);
        }
    }
    found_ = seen[target_];
    if (found_)
        for (Vertex v = target_; v != source_; v = parent[v]->from) hops_.push_back(*parent[v]);
    std::reverse(hops_.begin(), hops_.end());
    has_run_ = true;
}

void ShortestPath::assure_finished() const {
    if (!has_run_) throw std::logic_error("ShortestPath: call run() before reading results");
}

bool ShortestPath::found() const {
    assure_finished();
    return found_;
}

const std::vector<PathHop>& ShortestPath::hops() const {
    assure_finished();
    return hops_;
}

std::size_t ShortestPath::reached() const {
    assure_finished();
    return reached_;
}

}  // namespace irkg::graph
