#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "entity.hpp"
#include "relation.hpp"

namespace irkg::graph {

struct VertexData {
    Entity entity;
};

/// One merged relation: every mention of (subject, predicate, object).
struct EdgeData {
    /// The graph's own copy of the relation type, shared by every edge with the same predicate (a graph
    /// loaded from a file needs no ontology, and a million edges do not hold a million copies).
    std::shared_ptr<const RelationType> relation;
    std::vector<Mention> mentions;  ///< sorted by mention_less, unique
    /// Mentions were dropped from this relation by KnowledgeGraph::set_max_mentions (--max-evidence).
    bool capped = false;

    /// The number of mentions kept: of a capped relation, at most the cap.
    std::size_t weight() const { return mentions.size(); }
    /// Earliest start and latest end (or start) date among the mentions; empty when none is dated.
    std::string first_date() const;
    std::string last_date() const;
    /// "2024-04-20 to 2024-04-28", one date when they are equal, "undated" when none is dated.
    std::string date_range() const;
    /// The mean of the mentions' confidences, rounded to 6 decimal places; 0 when there are none.
    double mean_confidence() const;
    /// The distinct modalities of the mentions, in enum order.
    std::vector<Modality> modalities() const;
};

using Store = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexData, EdgeData>;
using Vertex = Store::vertex_descriptor;
using Edge = Store::edge_descriptor;

/// The merged graph: one vertex per entity id, one edge per (subject, predicate, object).
/// Symmetric predicates are stored once, with the smaller entity id as source.
/// Merging is associative, commutative and idempotent: mentions are a set keyed by date, document and span.
class KnowledgeGraph {
public:
    KnowledgeGraph();
    // Boost's adjacency_list has no move operations and its edge descriptors point into its own
    // edge storage, so the store lives on the heap (moves keep descriptors valid) and a copy
    // rebuilds the edge index for the new storage. A moved-from graph is empty and usable.
    KnowledgeGraph(const KnowledgeGraph& other);
    KnowledgeGraph& operator=(const KnowledgeGraph& other);
    KnowledgeGraph(KnowledgeGraph&& other);
    KnowledgeGraph& operator=(KnowledgeGraph&& other);
    ~KnowledgeGraph();

    /// Adds `entity` or merges it into the vertex with the same id.
    Vertex add_entity(const Entity& entity);
    /// As add_entity(const Entity&), taking the entity over when it is new.
    Vertex add_entity(Entity&& entity);
    /// The graph's shared copy of `relation`, keyed by predicate: the first definition of a predicate
    /// the graph sees is the one it keeps.
    const std::shared_ptr<const RelationType>& intern(const RelationType& relation);

    /// Adds one mention of `relation` between two existing vertices. A mention with the same key
    /// (mention_less) as one already there is the same mention: of the two, the one greater by
    /// (confidence, modality, end date, time text, sentence text) is kept, so the result does not
    /// depend on the order mentions arrive in.
    Edge add_mention(Vertex subject, const RelationType& relation, Vertex object, const Mention& mention);
    /// Adds several mentions of one relation, as add_mention() for each would (same result), but
    /// takes them over without copying: for a relation that is new, `mentions` becomes its list.
    Edge add_mentions(Vertex subject, const RelationType& relation, Vertex object, std::vector<Mention> mentions);
    /// Adds one extracted triple (both entities and the mention).
    void add(const Triple& triple);
    /// Adds every entity and mention of `other`.
    void merge(const KnowledgeGraph& other);

    /// Keeps at most `n` mentions per relation from now on (0, the default: no limit), and trims the
    /// relations already here. A capped relation keeps its `n` first mentions in mention_less order
    /// (undated first, then by date, article, sentence, span), whatever order they arrive in, so
    /// merging stays associative and commutative: the cap of a union is the cap of the union of caps.
    /// The setting is copied and moved with the graph.
    void set_max_mentions(std::size_t n);
    std::size_t max_mentions() const { return max_mentions_; }
    /// Relations that lost mentions to the cap (here or in a graph merged in).
    std::size_t num_capped_relations() const;
    /// Mentions the cap turned away, counted as they arrived (here or in a graph merged in): a mention
    /// that arrives twice and is dropped twice counts twice.
    std::uint64_t num_dropped_mentions() const { return dropped_mentions_; }

    const Store& store() const { return *store_; }
    std::optional<Vertex> find(std::string_view id) const;
    const Entity& entity(Vertex v) const { return (*store_)[v].entity; }
    const EdgeData& edge(Edge e) const { return (*store_)[e]; }

    std::size_t num_entities() const { return boost::num_vertices(*store_); }
    std::size_t num_relations() const { return boost::num_edges(*store_); }
    std::size_t num_mentions() const;

    /// Vertices sorted by entity id.
    std::vector<Vertex> sorted_vertices() const;
    /// Edges sorted by (source id, predicate, target id).
    std::vector<Edge> sorted_edges() const;
    /// Stable, XML-name-safe edge id: "<source id>--<predicate>--<target id>".
    std::string edge_id(Edge e) const;

private:
    void rebuild_edge_index();

    struct EdgeKey {
        Vertex subject;
        const RelationType* relation;  ///< interned: one pointer per predicate
        Vertex object;
        bool operator==(const EdgeKey&) const = default;
    };
    struct EdgeKeyHash {
        std::size_t operator()(const EdgeKey& key) const;
    };

    /// An open-addressing hash index (linear probing, at most 3/4 full) that holds descriptors only:
    /// the key of a slot is read from the store (the entity's id, the edge's ends and relation), so an
    /// index costs a few machine words per element instead of a node holding a copy of its key.
    template <class Slot>
    struct FlatIndex {
        std::vector<Slot> slots;  ///< empty, or a power of two long
        std::size_t size = 0;
    };
    template <class E>
    Vertex insert_entity(E&& entity);
    /// The edge of (subject, relation, object), added without mentions when it is new; the relation
    /// interned and a symmetric one's ends ordered.
    Edge edge_for(Vertex subject, const RelationType& relation, Vertex object);

    /// The slot of entity `id` in by_id_: where it is, or the empty slot where it would go.
    std::size_t id_slot(std::string_view id, std::size_t hash) const;
    /// The slot of `key` in by_key_: where it is, or the empty slot where it would go.
    std::size_t key_slot(const EdgeKey& key) const;
    /// Room in by_id_ / by_key_ for one more element.
    void reserve_id_slot();
    void reserve_key_slot();

    std::unique_ptr<Store> store_;
    struct IdSlot {
        Vertex vertex;     ///< k_no_vertex when empty
        std::size_t hash;  ///< of the entity id, so that probing compares ids only when hashes agree
    };
    FlatIndex<IdSlot> by_id_;
    std::unordered_map<std::string, std::shared_ptr<const RelationType>> relations_;
    FlatIndex<Edge> by_key_;  ///< empty slot: an edge without property (Edge{})
    std::size_t max_mentions_ = 0;         ///< 0: no limit
    std::uint64_t dropped_mentions_ = 0;  ///< turned away by the cap
};

}  // namespace irkg::graph
