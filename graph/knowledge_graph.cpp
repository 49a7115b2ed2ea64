#include "knowledge_graph.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <tuple>
#include <utility>

#include <boost/range/iterator_range.hpp>

namespace irkg::graph {

namespace {

constexpr Vertex k_no_vertex = std::numeric_limits<Vertex>::max();

/// SplitMix64's finaliser: every input bit reaches every output bit, as linear probing needs.
std::size_t mix(std::uint64_t x) {
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return static_cast<std::size_t>(x ^ (x >> 31));
}

std::size_t id_hash(std::string_view id) { return std::hash<std::string_view>{}(id); }

/// Slots for `elements` at most 3/4 full: a power of two, at least 16.
std::size_t slots_for(std::size_t elements) { return std::bit_ceil(std::max<std::size_t>(16, elements / 3 * 4 + 4)); }

/// Orders two mentions with the same key (mention_less), so that which one a graph keeps does not
/// depend on insertion order.
bool payload_less(const Mention& a, const Mention& b) {
    return std::tie(a.confidence, a.modality, a.time.end, a.time.text, a.evidence.text) <
           std::tie(b.confidence, b.modality, b.time.end, b.time.text, b.evidence.text);
}

/// Adds `mention` to a relation's list sorted by mention_less; of two with the same key the
/// payload-greater stays. With `cap` > 0 the list keeps its `cap` first mentions: a new one past them
/// is dropped, one before them pushes the last out. Either way the relation is marked capped and
/// `dropped` counts one.
template <class M>
void merge_mention(EdgeData& data, M&& mention, std::size_t cap, std::uint64_t& dropped) {
    auto& mentions = data.mentions;
    const auto pos = std::lower_bound(mentions.begin(), mentions.end(), mention, mention_less);
    if (pos == mentions.end() || mention_less(mention, *pos)) {
        const auto index = pos - mentions.begin();
        if (cap > 0 && mentions.size() >= cap) {
            data.capped = true;
            ++dropped;
            if (static_cast<std::size_t>(index) >= cap) return;
            mentions.pop_back();
        }
        // Most relations have a handful of mentions: short lists grow one at a time rather than
        // doubling, which would leave a quarter of the mention memory unused.
        if (mentions.size() == mentions.capacity() && mentions.size() < 8) mentions.reserve(mentions.size() + 1);
        mentions.insert(mentions.begin() + index, std::forward<M>(mention));
    } else if (payload_less(*pos, mention)) {
        *pos = std::forward<M>(mention);
    }
}

/// Cuts `data` to its `cap` first mentions (0: no limit); returns how many went.
std::uint64_t trim_mentions(EdgeData& data, std::size_t cap) {
    if (cap == 0 || data.mentions.size() <= cap) return 0;
    const std::uint64_t excess = data.mentions.size() - cap;
    data.mentions.erase(data.mentions.begin() + static_cast<std::ptrdiff_t>(cap), data.mentions.end());
    data.capped = true;
    return excess;
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

// A copy's vertices have the same indices, so by_id_ is copied as is; edge descriptors point into the
// copy's own storage, so by_key_ is rebuilt.
KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other)
    : store_(std::make_unique<Store>(*other.store_)),
      by_id_(other.by_id_),
      relations_(other.relations_),
      max_mentions_(other.max_mentions_),
      dropped_mentions_(other.dropped_mentions_) {
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
      by_key_(std::exchange(other.by_key_, {})),
      max_mentions_(std::exchange(other.max_mentions_, 0)),
      dropped_mentions_(std::exchange(other.dropped_mentions_, 0)) {}

KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&& other) {
    if (this != &other) {
        store_ = std::exchange(other.store_, std::make_unique<Store>());
        by_id_ = std::exchange(other.by_id_, {});
        relations_ = std::exchange(other.relations_, {});
        by_key_ = std::exchange(other.by_key_, {});
        max_mentions_ = std::exchange(other.max_mentions_, 0);
        dropped_mentions_ = std::exchange(other.dropped_mentions_, 0);
    }
    return *this;
}

KnowledgeGraph::~KnowledgeGraph() = default;

void KnowledgeGraph::rebuild_edge_index() {
    by_key_ = {};
    by_key_.slots.assign(slots_for(boost::num_edges(*store_)), Edge{});
    for (Edge e : boost::make_iterator_range(boost::edges(*store_))) {
        const std::size_t slot =
            key_slot(EdgeKey{boost::source(e, *store_), (*store_)[e].relation.get(), boost::target(e, *store_)});
        by_key_.slots[slot] = e;
        ++by_key_.size;
    }
}

std::size_t KnowledgeGraph::EdgeKeyHash::operator()(const EdgeKey& key) const {
    return mix(mix(key.subject) ^ (static_cast<std::uint64_t>(key.object) * 0x9e3779b97f4a7c15ULL) ^
               reinterpret_cast<std::uintptr_t>(key.relation));
}

std::size_t KnowledgeGraph::id_slot(std::string_view id, std::size_t hash) const {
    const auto& slots = by_id_.slots;
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const IdSlot& slot = slots[i];
        if (slot.vertex == k_no_vertex || (slot.hash == hash && (*store_)[slot.vertex].entity.id == id)) return i;
    }
}

std::size_t KnowledgeGraph::key_slot(const EdgeKey& key) const {
    const auto& slots = by_key_.slots;
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = EdgeKeyHash{}(key) & mask;; i = (i + 1) & mask) {
        const Edge& e = slots[i];
        if (e.get_property() == nullptr) return i;
        if (boost::source(e, *store_) == key.subject && boost::target(e, *store_) == key.object &&
            (*store_)[e].relation.get() == key.relation)
            return i;
    }
}

void KnowledgeGraph::reserve_id_slot() {
    if ((by_id_.size + 1) * 4 <= by_id_.slots.size() * 3) return;
    std::vector<IdSlot> old(slots_for(by_id_.size + 1), IdSlot{k_no_vertex, 0});
    old.swap(by_id_.slots);
    const std::size_t mask = by_id_.slots.size() - 1;
    for (const IdSlot& slot : old) {
        if (slot.vertex == k_no_vertex) continue;
        std::size_t i = slot.hash & mask;
        while (by_id_.slots[i].vertex != k_no_vertex) i = (i + 1) & mask;
        by_id_.slots[i] = slot;
    }
}

void KnowledgeGraph::reserve_key_slot() {
    if ((by_key_.size + 1) * 4 <= by_key_.slots.size() * 3) return;
    std::vector<Edge> old(slots_for(by_key_.size + 1), Edge{});
    old.swap(by_key_.slots);
    for (const Edge& e : old) {
        if (e.get_property() == nullptr) continue;
        by_key_.slots[key_slot(EdgeKey{boost::source(e, *store_), (*store_)[e].relation.get(),
                                       boost::target(e, *store_)})] = e;
    }
}

const std::shared_ptr<const RelationType>& KnowledgeGraph::intern(const RelationType& relation) {
    auto [it, inserted] = relations_.try_emplace(relation.predicate);
    if (inserted) it->second = std::make_shared<const RelationType>(relation);
    return it->second;
}

Vertex KnowledgeGraph::add_entity(const Entity& entity) { return insert_entity(entity); }

Vertex KnowledgeGraph::add_entity(Entity&& entity) { return insert_entity(std::move(entity)); }

template <class E>
Vertex KnowledgeGraph::insert_entity(E&& entity) {
    Store& store = *store_;
    const std::size_t hash = id_hash(entity.id);
    reserve_id_slot();
    IdSlot& slot = by_id_.slots[id_slot(entity.id, hash)];
    if (slot.vertex != k_no_vertex) {
        store[slot.vertex].entity.absorb(entity);
        return slot.vertex;
    }
    // Not add_vertex(VertexData{entity}, store), which would copy the entity twice.
    const Vertex v = boost::add_vertex(store);
    store[v].entity = std::forward<E>(entity);
    slot = IdSlot{v, hash};
    ++by_id_.size;
    auto& stored = store[v].entity;
    std::sort(stored.aliases.begin(), stored.aliases.end());
    stored.aliases.erase(std::unique(stored.aliases.begin(), stored.aliases.end()), stored.aliases.end());
    stored.aliases.erase(std::remove(stored.aliases.begin(), stored.aliases.end(), std::string()),
                         stored.aliases.end());
    return v;
}

Edge KnowledgeGraph::edge_for(Vertex subject, const RelationType& relation, Vertex object) {
    Store& store = *store_;
    const auto& shared = intern(relation);
    if (shared->symmetric && store[object].entity.id < store[subject].entity.id) std::swap(subject, object);
    reserve_key_slot();
    Edge& slot = by_key_.slots[key_slot(EdgeKey{subject, shared.get(), object})];
    if (slot.get_property() == nullptr) {
        slot = boost::add_edge(subject, object, EdgeData{shared, {}}, store).first;
        ++by_key_.size;
    }
    return slot;
}

Edge KnowledgeGraph::add_mention(Vertex subject, const RelationType& relation, Vertex object, const Mention& mention) {
    const Edge e = edge_for(subject, relation, object);
    merge_mention((*store_)[e], mention, max_mentions_, dropped_mentions_);
    return e;
}

Edge KnowledgeGraph::add_mentions(Vertex subject, const RelationType& relation, Vertex object,
                                  std::vector<Mention> mentions) {
    const Edge e = edge_for(subject, relation, object);
    EdgeData& data = (*store_)[e];
    auto& list = data.mentions;
    if (!list.empty()) {
        for (auto& mention : mentions) merge_mention(data, std::move(mention), max_mentions_, dropped_mentions_);
        return e;
    }
    // A new relation: sort by key, then payload, and of equal keys keep the last (the payload-greatest),
    // which is what adding them one by one keeps. Lists written by irkg arrive sorted and unique.
    const auto key_then_payload = [](const Mention& a, const Mention& b) {
        return mention_less(a, b) || (!mention_less(b, a) && payload_less(a, b));
    };
    const auto not_increasing = [](const Mention& a, const Mention& b) { return !mention_less(a, b); };
    if (std::adjacent_find(mentions.begin(), mentions.end(), not_increasing) != mentions.end()) {
        std::sort(mentions.begin(), mentions.end(), key_then_payload);
        std::vector<Mention> unique;
        unique.reserve(mentions.size());
        for (std::size_t i = 0; i < mentions.size(); ++i)
            if (i + 1 == mentions.size() || mention_less(mentions[i], mentions[i + 1]))
                unique.push_back(std::move(mentions[i]));
        mentions = std::move(unique);
    }
    list = std::move(mentions);
    dropped_mentions_ += trim_mentions(data, max_mentions_);
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
        Edge ours{};
        for (const auto& m : theirs[e].mentions) ours = add_mention(s, *theirs[e].relation, o, m);
        // A relation the other graph capped had more mentions than it kept: so has the union.
        if (theirs[e].capped && !theirs[e].mentions.empty()) (*store_)[ours].capped = true;
    }
    dropped_mentions_ += other.dropped_mentions_;
}

void KnowledgeGraph::set_max_mentions(std::size_t n) {
    max_mentions_ = n;
    for (Edge e : boost::make_iterator_range(boost::edges(*store_)))
        dropped_mentions_ += trim_mentions((*store_)[e], max_mentions_);
}

std::size_t KnowledgeGraph::num_capped_relations() const {
    std::size_t n = 0;
    for (Edge e : boost::make_iterator_range(boost::edges(*store_))) n += (*store_)[e].capped ? 1 : 0;
    return n;
}

std::optional<Vertex> KnowledgeGraph::find(std::string_view id) const {
    if (by_id_.slots.empty()) return std::nullopt;
    const Vertex v = by_id_.slots[id_slot(id, id_hash(id))].vertex;
    if (v == k_no_vertex) return std::nullopt;
    return v;
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
