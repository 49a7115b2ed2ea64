#include "knowledge_graph.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>
#include <utility>

#include <boost/range/iterator_range.hpp>

namespace irkg::graph {

namespace {

/// Orders two mentions with the same key (mention_less), so that which one a graph keeps does not
/// depend on insertion order.
bool payload_less(const Mention& a, const Mention& b) {
    return std::tie(a.confidence, a.modality, a.time.end, a.time.text, a.evidence.text) <
           std::tie(b.confidence, b.modality, b.time.end, b.time.text, b.evidence.text);
}

}  // namespace

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

std::string EdgeData::date_range() const {
    const std::string first = first_date();
    const std::string last = last_date();
    if (first.empty() && last.empty()) return "undated";
    if (first.empty() || last.empty() || first == last) return first.empty() ? last : first;
    return first + " to " + last;
}

double EdgeData::mean_confidence() const {
    if (mentions.empty()) return 0.0;
    double sum = std::accumulate(mentions.begin(), mentions.end(), 0.0,
                                 [](double acc, const Mention& m) { return acc + m.confidence; });
    // Rounded so that exports show 0.85 rather than 0.8500000000000001, the noise of the sum.
    return std::round(sum / static_cast<double>(mentions.size()) * 1e6) / 1e6;
}

std::vector<Modality> EdgeData::modalities() const {
    std::vector<Modality> out;
    for (const auto& m : mentions)
        if (std::find(out.begin(), out.end(), m.modality) == out.end()) out.push_back(m.modality);
    std::sort(out.begin(), out.end());
    return out;
}

KnowledgeGraph::KnowledgeGraph() : store_(std::make_unique<Store>()) {}

KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other)
    : store_(std::make_unique<Store>(*other.store_)), by_id_(other.by_id_), relations_(other.relations_) {
    rebuild_edge_index();
}

KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
    if (this != &other) *this = KnowledgeGraph(other);
    return *this;
}

KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&& other)
    : store_(std::exchange(other.store_, std::make_unique<Store>())),
      by_id_(std::exchange(other.by_id_, {})),
      relations_(std::exchange(other.relations_, {})),
      by_key_(std::exchange(other.by_key_, {})) {}

KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&& other) {
    if (this != &other) {
        store_ = std::exchange(other.store_, std::make_unique<Store>());
        by_id_ = std::exchange(other.by_id_, {});
        relations_ = std::exchange(other.relations_, {});
        by_key_ = std::exchange(other.by_key_, {});
    }
    return *this;
}

KnowledgeGraph::~KnowledgeGraph() = default;

void KnowledgeGraph::rebuild_edge_index() {
    by_key_.clear();
    by_key_.reserve(boost::num_edges(*store_));
    for (Edge e : boost::make_iterator_range(boost::edges(*store_)))
        by_key_.emplace(EdgeKey{boost::source(e, *store_), (*store_)[e].relation.get(), boost::target(e, *store_)}, e);
}

std::size_t KnowledgeGraph::EdgeKeyHash::operator()(const EdgeKey& key) const {
    std::size_t h = std::hash<const RelationType*>{}(key.relation);
    h ^= std::hash<std::size_t>{}(key.subject) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h ^= std::hash<std::size_t>{}(key.object) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

const std::shared_ptr<const RelationType>& KnowledgeGraph::intern(const RelationType& relation) {
    auto [it, inserted] = relations_.try_emplace(relation.predicate);
    if (inserted) it->second = std::make_shared<const RelationType>(relation);
    return it->second;
}

Vertex KnowledgeGraph::add_entity(const Entity& entity) {
    Store& store = *store_;
    auto [it, inserted] = by_id_.try_emplace(entity.id, Vertex{});
    if (!inserted) {
        store[it->second].entity.absorb(entity);
        return it->second;
    }
    it->second = boost::add_vertex(VertexData{entity}, store);
    auto& stored = store[it->second].entity;
    std::sort(stored.aliases.begin(), stored.aliases.end());
    stored.aliases.erase(std::unique(stored.aliases.begin(), stored.aliases.end()), stored.aliases.end());
    stored.aliases.erase(std::remove(stored.aliases.begin(), stored.aliases.end(), std::string()),
                         stored.aliases.end());
    return it->second;
}

Edge KnowledgeGraph::add_mention(Vertex subject, const RelationType& relation, Vertex object, const Mention& mention) {
    Store& store = *store_;
    const auto& shared = intern(relation);
    if (shared->symmetric && store[object].entity.id < store[subject].entity.id) std::swap(subject, object);
    const EdgeKey key{subject, shared.get(), object};
    auto it = by_key_.find(key);
    Edge e;
    if (it == by_key_.end()) {
        e = boost::add_edge(subject, object, EdgeData{shared, {}}, store).first;
        by_key_.emplace(key, e);
    } else {
        e = it->second;
    }
    auto& mentions = store[e].mentions;
    auto pos = std::lower_bound(mentions.begin(), mentions.end(), mention, mention_less);
    if (pos == mentions.end() || mention_less(mention, *pos))
        mentions.insert(pos, mention);
    else if (payload_less(*pos, mention))
        *pos = mention;
    return e;
}

void KnowledgeGraph::add(const Triple& triple) {
    Vertex s = add_entity(triple.subject);
    Vertex o = add_entity(triple.object);
    add_mention(s, *triple.relation, o, Mention{triple.modality, triple.time, triple.evidence, triple.confidence});
}

void KnowledgeGraph::merge(const KnowledgeGraph& other) {
    if (this == &other) return;  // every entity and mention is already here
    const Store& theirs = *other.store_;
    for (Vertex v : boost::make_iterator_range(boost::vertices(theirs))) add_entity(theirs[v].entity);
    for (Edge e : boost::make_iterator_range(boost::edges(theirs))) {
        Vertex s = *find(theirs[boost::source(e, theirs)].entity.id);
        Vertex o = *find(theirs[boost::target(e, theirs)].entity.id);
        for (const auto& m : theirs[e].mentions) add_mention(s, *theirs[e].relation, o, m);
    }
}

std::optional<Vertex> KnowledgeGraph::find(std::string_view id) const {
    auto it = by_id_.find(std::string(id));
    if (it == by_id_.end()) return std::nullopt;
    return it->second;
}

std::size_t KnowledgeGraph::num_mentions() const {
    std::size_t n = 0;
    for (Edge e : boost::make_iterator_range(boost::edges(*store_))) n += (*store_)[e].mentions.size();
    return n;
}

std::vector<Vertex> KnowledgeGraph::sorted_vertices() const {
    const auto [begin, end] = boost::vertices(*store_);
    std::vector<Vertex> out(begin, end);
    std::sort(out.begin(), out.end(), [&](Vertex a, Vertex b) { return entity(a).id < entity(b).id; });
    return out;
}

std::vector<Edge> KnowledgeGraph::sorted_edges() const {
    const Store& store = *store_;
    const auto [begin, end] = boost::edges(store);
    std::vector<Edge> out(begin, end);
    std::sort(out.begin(), out.end(), [&](Edge a, Edge b) {
        const auto& sa = entity(boost::source(a, store)).id;
        const auto& sb = entity(boost::source(b, store)).id;
        if (sa != sb) return sa < sb;
        if (store[a].relation->predicate != store[b].relation->predicate)
            return store[a].relation->predicate < store[b].relation->predicate;
        return entity(boost::target(a, store)).id < entity(boost::target(b, store)).id;
    });
    return out;
}

std::string KnowledgeGraph::edge_id(Edge e) const {
    const Store& store = *store_;
    return entity(boost::source(e, store)).id + "--" + store[e].relation->predicate + "--" +
           entity(boost::target(e, store)).id;
}

}  // namespace irkg::graph
