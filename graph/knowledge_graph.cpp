#include "knowledge_graph.hpp"

#include <algorithm>
#include <numeric>

namespace irkg::graph {

std::string EdgeData::first_date() const {
    std::string best;
    for (const auto& m : mentions)
        if (!m.time.start.empty() && (best.empty() || m.time.start < best)) best = m.time.start;
    return best;
}

std::string EdgeData::last_date() const {
    std::string best;
    for (const auto& m : mentions) {
        const std::string& end = m.time.end.empty() ? m.time.start : m.time.end;
        if (!end.empty() && end > best) best = end;
    }
    return best;
}

double EdgeData::mean_confidence() const {
    if (mentions.empty()) return 0.0;
    double sum = std::accumulate(mentions.begin(), mentions.end(), 0.0,
                                 [](double acc, const Mention& m) { return acc + m.confidence; });
    return sum / static_cast<double>(mentions.size());
}

std::vector<Modality> EdgeData::modalities() const {
    std::vector<Modality> out;
    for (const auto& m : mentions)
        if (std::find(out.begin(), out.end(), m.modality) == out.end()) out.push_back(m.modality);
    std::sort(out.begin(), out.end());
    return out;
}

Vertex KnowledgeGraph::add_entity(const Entity& entity) {
    auto [it, inserted] = by_id_.try_emplace(entity.id, Vertex{});
    if (!inserted) {
        store_[it->second].entity.absorb(entity);
        return it->second;
    }
    it->second = boost::add_vertex(VertexData{entity}, store_);
    auto& stored = store_[it->second].entity;
    std::sort(stored.aliases.begin(), stored.aliases.end());
    stored.aliases.erase(std::unique(stored.aliases.begin(), stored.aliases.end()), stored.aliases.end());
    return it->second;
}

Edge KnowledgeGraph::add_mention(Vertex subject, const RelationType& relation, Vertex object, const Mention& mention) {
    if (relation.symmetric && store_[object].entity.id < store_[subject].entity.id) std::swap(subject, object);
    auto key = std::make_tuple(subject, relation.predicate, object);
    auto it = by_key_.find(key);
    Edge e;
    if (it == by_key_.end()) {
        e = boost::add_edge(subject, object, EdgeData{relation, {}}, store_).first;
        by_key_.emplace(std::move(key), e);
    } else {
        e = it->second;
    }
    auto& mentions = store_[e].mentions;
    auto pos = std::lower_bound(mentions.begin(), mentions.end(), mention, mention_less);
    if (pos == mentions.end() || mention_less(mention, *pos)) mentions.insert(pos, mention);
    return e;
}

void KnowledgeGraph::add(const Triple& triple) {
    Vertex s = add_entity(triple.subject);
    Vertex o = add_entity(triple.object);
    add_mention(s, *triple.relation, o, Mention{triple.modality, triple.time, triple.evidence, triple.confidence});
}

void KnowledgeGraph::merge(const KnowledgeGraph& other) {
    for (Vertex v : boost::make_iterator_range(boost::vertices(other.store_))) add_entity(other.store_[v].entity);
    for (Edge e : boost::make_iterator_range(boost::edges(other.store_))) {
        Vertex s = *find(other.entity(boost::source(e, other.store_)).id);
        Vertex o = *find(other.entity(boost::target(e, other.store_)).id);
        for (const auto& m : other.store_[e].mentions) add_mention(s, other.store_[e].relation, o, m);
    }
}

std::optional<Vertex> KnowledgeGraph::find(std::string_view id) const {
    auto it = by_id_.find(std::string(id));
    if (it == by_id_.end()) return std::nullopt;
    return it->second;
}

std::size_t KnowledgeGraph::num_mentions() const {
    std::size_t n = 0;
    for (Edge e : boost::make_iterator_range(boost::edges(store_))) n += store_[e].mentions.size();
    return n;
}

std::vector<Vertex> KnowledgeGraph::sorted_vertices() const {
    std::vector<Vertex> out(boost::vertices(store_).first, boost::vertices(store_).second);
    std::sort(out.begin(), out.end(), [&](Vertex a, Vertex b) { return entity(a).id < entity(b).id; });
    return out;
}

std::vector<Edge> KnowledgeGraph::sorted_edges() const {
    std::vector<Edge> out(boost::edges(store_).first, boost::edges(store_).second);
    std::sort(out.begin(), out.end(), [&](Edge a, Edge b) {
        const auto& sa = entity(boost::source(a, store_)).id;
        const auto& sb = entity(boost::source(b, store_)).id;
        if (sa != sb) return sa < sb;
        if (store_[a].relation.predicate != store_[b].relation.predicate)
            return store_[a].relation.predicate < store_[b].relation.predicate;
        return entity(boost::target(a, store_)).id < entity(boost::target(b, store_)).id;
    });
    return out;
}

std::string KnowledgeGraph::edge_id(Edge e) const {
    return entity(boost::source(e, store_)).id + "--" + store_[e].relation.predicate + "--" +
           entity(boost::target(e, store_)).id;
}

}  // namespace irkg::graph
