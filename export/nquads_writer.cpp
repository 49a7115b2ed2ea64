#include "nquads_writer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <set>
#include <stdexcept>
#include <string>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "graph/json_file.hpp"
#include "jsonld_vocabulary.hpp"
#include "utf8_text.hpp"

namespace irkg::exporter {

namespace {

using graph::Edge;
using graph::KnowledgeGraph;

// Fixed by the JSON-LD to-RDF algorithm itself (the @type keyword, native booleans and numbers),
// whatever the context says.
constexpr std::string_view k_rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr std::string_view k_xsd_boolean = "http://www.w3.org/2001/XMLSchema#boolean";
constexpr std::string_view k_xsd_integer = "http://www.w3.org/2001/XMLSchema#integer";
constexpr std::string_view k_xsd_double = "http://www.w3.org/2001/XMLSchema#double";

bool is_unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

bool forbidden_in_iriref(unsigned char c) {
    return c <= 0x20 || c == 0x7F ||
           std::string_view("<>\"{}|^`\\").find(static_cast<char>(c)) != std::string_view::npos;
}

void append_uchar(std::string& out, char32_t cp) { out += fmt::format("\\u{:04X}", static_cast<std::uint32_t>(cp)); }

void require_finite(double value, std::string_view name, std::string_view owner) {
    if (!std::isfinite(value))
        throw input_error(fmt::format("N-Quads/N-Triples: {} of {} is not a finite number ({})", name, owner, value));
}

/// One output line before its graph term is chosen: the graph ("" for the default graph, else an
/// IRIREF) and "subject predicate object" in N-Triples syntax.
struct Quad {
    std::string graph;
    std::string triple;
    auto operator<=>(const Quad&) const = default;
};

}  // namespace

std::string article_graph_iri(std::string_view doc) {
    std::string out(k_article_graph_base);
    for (char c : to_valid_utf8(doc)) {
        if (is_unreserved(static_cast<unsigned char>(c)))
            out += c;
        else
            out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
    return out;
}

std::string ntriples_literal(std::string_view text) {
    std::string out = "\"";
    out.reserve(text.size() + 2);
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = next_code_point(text, pos);
        switch (cp) {
            case U'\\':
                out += "\\\\";
                break;
            case U'"':
                out += "\\\"";
                break;
            case U'\n':
                out += "\\n";
                break;
            case U'\r':
                out += "\\r";
                break;
            default:
                // C0, DEL and C1 controls, and the Unicode line and paragraph separators that
                // Python's str.splitlines() (among others) would break a line at.
                if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029)
                    append_uchar(out, cp);
                else
                    append_utf8(out, cp);
        }
    }
    out += '"';
    return out;
}

std::string ntriples_iri(std::string_view iri) {
    std::string out = "<";
    for (char c : to_valid_utf8(iri)) {
        if (forbidden_in_iriref(static_cast<unsigned char>(c)))
            out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        else
            out += c;
    }
    out += '>';
    return out;
}

std::string xsd_double(double value) {
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    if (error != std::errc{}) throw std::logic_error("xsd_double: to_chars failed");
    const std::string_view text(buffer, static_cast<std::size_t>(end - buffer));  // "8.5e-01", "1e+00"
    const auto e = text.find('e');
    std::string out(text.substr(0, e));
    if (out.find('.') == std::string::npos) out += ".0";
    out += 'E';
    std::string_view exponent = text.substr(e + 1);
    if (exponent.front() == '-') out += '-';
    if (exponent.front() == '-' || exponent.front() == '+') exponent.remove_prefix(1);
    while (exponent.size() > 1 && exponent.front() == '0') exponent.remove_prefix(1);
    out += exponent;
    return out;
}

/// The context's terms, expanded to absolute IRIs the way a JSON-LD processor expands them, and how
/// each term's values become RDF terms.
class NquadsWriter::Vocabulary {
public:
    explicit Vocabulary(const std::filesystem::path& schema_dir) : path_(schema_dir / jsonld::k_context_file) {
        const auto doc = graph::read_json_file<lexicon_error>(path_);
        if (!doc.IsObject() || !doc.HasMember("@context") || !doc["@context"].IsObject())
            throw lexicon_error(fmt::format("{}: expected an object with an \"@context\" object", path_.string()));
        std::unordered_map<std::string, std::pair<std::string, std::string>> raw;  // term -> (@id, @type)
        for (const auto& member : doc["@context"].GetObject()) {
            const std::string name(member.name.GetString(), member.name.GetStringLength());
            if (name.starts_with('@')) continue;
            if (member.value.IsString())
                raw[name] = {member.value.GetString(), ""};
            else if (member.value.IsObject())
                raw[name] = {std::string(graph::get_string(member.value, "@id")),
                             std::string(graph::get_string(member.value, "@type"))};
        }
        for (const auto& [name, definition] : raw) {
            Term term{expand_raw(raw, definition.first, 0), definition.second};
            if (!term.type.empty() && !term.type.starts_with('@')) term.type = expand_raw(raw, term.type, 0);
            terms_.emplace(name, std::move(term));
        }

        if (iri("irkg") != jsonld::k_vocabulary_iri)
            throw lexicon_error(
                fmt::format("{}: at /@context/irkg: must be \"{}\", the vocabulary irkg's reader checks",
                            path_.string(), jsonld::k_vocabulary_iri));
        for (auto name : {"rel", "ent", "stmt"}) require(name);
        for (auto name : jsonld::k_entity_keys) require(name);
        for (auto name : jsonld::k_statement_keys) require(name);
        for (auto name : jsonld::k_evidence_keys) require(name);
        for (auto name : jsonld::k_type_terms) require(name);
        for (auto name : {"subject", "predicate", "object"})
            if (terms_.at(name).type != "@id")
                throw lexicon_error(
                    fmt::format("{}: at /@context/{}: must have \"@type\": \"@id\" (its values are "
                                "IRIs); restore it from the repository's schemas/context.jsonld",
                                path_.string(), name));
    }

    bool has_term(std::string_view name) const { return terms_.contains(std::string(name)); }

    /// The absolute IRI of a term the constructor checked.
    const std::string& iri(std::string_view name) const { return terms_.at(std::string(name)).iri; }

    /// The IRIREF of a compact IRI ("ent:country/CHN") or a term ("Person").
    std::string node(std::string_view compact) const { return ntriples_iri(expand(compact)); }
    /// The IRIREF of the property a term stands for.
    std::string property(std::string_view name) const { return ntriples_iri(iri(name)); }

    /// The RDF term a JSON string value of `name` becomes: an IRI for @id terms, else a literal,
    /// typed when the term says so.
    std::string string_value(std::string_view name, std::string_view value) const {
        const auto& type = terms_.at(std::string(name)).type;
        if (type == "@id" || type == "@vocab") return node(value);
        if (type.empty() || type.starts_with('@')) return ntriples_literal(value);
        return ntriples_literal(value) + "^^" + ntriples_iri(type);
    }
    /// A JSON integer value: xsd:integer unless the term coerces it (to xsd:double, JSON-LD's
    /// canonical double form).
    std::string integer_value(std::string_view name, std::uint64_t value) const {
        const auto& type = datatype(name, k_xsd_integer);
        if (type == k_xsd_double) return typed(xsd_double(static_cast<double>(value)), type);
        return typed(std::to_string(value), type);
    }
    /// A JSON double value, always in the canonical xsd:double form. Precondition: finite.
    std::string double_value(std::string_view name, double value) const {
        return typed(xsd_double(value), datatype(name, k_xsd_double));
    }
    std::string boolean_value(std::string_view name, bool value) const {
        return typed(value ? "true" : "false", datatype(name, k_xsd_boolean));
    }

private:
    struct Term {
        std::string iri;   ///< absolute
        std::string type;  ///< "", a keyword ("@id"), or an absolute datatype IRI
    };

    static std::string expand_raw(const std::unordered_map<std::string, std::pair<std::string, std::string>>& raw,
                                  std::string_view value, int depth) {
        if (depth > 8 || value.starts_with('@')) return std::string(value);
        const auto colon = value.find(':');
        if (colon == std::string_view::npos) {
            const auto it = raw.find(std::string(value));
            return it == raw.end() ? std::string(value) : expand_raw(raw, it->second.first, depth + 1);
        }
        const auto prefix = value.substr(0, colon), suffix = value.substr(colon + 1);
        if (suffix.starts_with("//")) return std::string(value);  // already absolute (http://...)
        const auto it = raw.find(std::string(prefix));
        if (it == raw.end()) return std::string(value);
        return expand_raw(raw, it->second.first, depth + 1) + std::string(suffix);
    }

    std::string expand(std::string_view compact) const {
        const auto colon = compact.find(':');
        if (colon == std::string_view::npos) {
            const auto it = terms_.find(std::string(compact));
            return it == terms_.end() ? std::string(compact) : it->second.iri;
        }
        const auto suffix = compact.substr(colon + 1);
        if (suffix.starts_with("//")) return std::string(compact);
        const auto it = terms_.find(std::string(compact.substr(0, colon)));
        return it == terms_.end() ? std::string(compact) : it->second.iri + std::string(suffix);
    }

    /// The term's datatype, or `fallback` (the native value's own) when it coerces none.
    std::string_view datatype(std::string_view name, std::string_view fallback) const {
        const auto& type = terms_.at(std::string(name)).type;
        return type.empty() || type.starts_with('@') ? fallback : std::string_view(type);
    }

    static std::string typed(std::string_view lexical, std::string_view datatype) {
        return ntriples_literal(lexical) + "^^" + ntriples_iri(datatype);
    }

    void require(std::string_view name) const {
        if (!has_term(name))
            throw lexicon_error(
                fmt::format("{}: at /@context: term \"{}\" is missing but irkg writes it; restore it "
                            "from the repository's schemas/context.jsonld",
                            path_.string(), name));
    }

    std::filesystem::path path_;
    std::unordered_map<std::string, Term> terms_;
};

namespace {

/// Collects the quads of one graph, then writes them sorted and without duplicates.
class QuadList {
public:
    explicit QuadList(const NquadsWriter::Vocabulary& vocabulary) : v_(vocabulary) {}

    void add(const std::string& graph, const std::string& subject, const std::string& predicate, std::string object) {
        std::string triple;
        triple.reserve(subject.size() + predicate.size() + object.size() + 2);
        triple.append(subject).append(" ").append(predicate).append(" ").append(object);
        quads_.push_back(Quad{graph, std::move(triple)});
    }

    void entity(const KnowledgeGraph& graph, graph::Vertex vertex) {
        const auto& entity = graph.entity(vertex);
        const std::string s = v_.node(jsonld::entity_iri(entity.id));
        add({}, s, std::string(ntriples_iri(k_rdf_type)), v_.node(jsonld::type_term(entity.type)));
        add({}, s, v_.property("irkgId"), v_.string_value("irkgId", entity.id));
        add({}, s, v_.property("label"), v_.string_value("label", entity.label));
        add({}, s, v_.property("entityType"), v_.string_value("entityType", graph::to_string(entity.type)));
        if (!entity.country.empty()) add({}, s, v_.property("country"), v_.string_value("country", entity.country));
        for (const auto& alias : entity.aliases) add({}, s, v_.property("aliases"), v_.string_value("aliases", alias));
    }

    void statement(const KnowledgeGraph& graph, Edge e) {
        const auto& store = graph.store();
        const auto& data = graph.edge(e);
        const auto& relation = *data.relation;
        const std::string id = graph.edge_id(e);
        const std::string subject_iri = jsonld::entity_iri(graph.entity(boost::source(e, store)).id);
        const std::string object_iri = jsonld::entity_iri(graph.entity(boost::target(e, store)).id);
        const std::string s = v_.node(jsonld::statement_iri(id));
        const auto literal = [&](std::string_view name, std::string_view value) {
            add({}, s, v_.property(name), v_.string_value(name, value));
        };
        const auto optional_literal = [&](std::string_view name, std::string_view value) {
            if (!value.empty()) literal(name, value);
        };
        const auto number = [&](std::string_view name, double value) {
            require_finite(value, name, id);
            add({}, s, v_.property(name), v_.double_value(name, value));
        };

        add({}, s, std::string(ntriples_iri(k_rdf_type)), v_.node(jsonld::k_statement_type));
        literal("subject", subject_iri);
        literal("predicate", jsonld::relation_iri(relation.predicate));
        literal("object", object_iri);
        literal("category", relation.category);
        literal("cameo", relation.cameo);
        number("goldstein", relation.goldstein);
        add({}, s, v_.property("symmetric"), v_.boolean_value("symmetric", relation.symmetric));
        optional_literal("mode", relation.mode);
        optional_literal("relationLabel", relation.label);
        optional_literal("relationDescription", relation.description);
        add({}, s, v_.property("weight"), v_.integer_value("weight", data.weight()));
        number("confidence", data.mean_confidence());
        const std::string first_date = data.first_date();
        optional_literal("date", first_date);
        optional_literal("firstDate", first_date);
        optional_literal("lastDate", data.last_date());
        for (auto modality : data.modalities()) literal("modalities", graph::to_string(modality));

        // Each mention's evidence, in the graph of the article it was read in.
        std::set<std::string> graphs;
        for (const auto& mention : data.mentions) {
            const std::string g =
                mention.evidence.doc.empty() ? std::string{} : ntriples_iri(article_graph_iri(mention.evidence.doc));
            graphs.insert(g);
            const std::string node = fmt::format("_:e{}", next_blank_++);
            add(g, s, v_.property("evidence"), node);
            evidence(g, node, mention, id);
        }
        if (graphs.empty()) graphs.insert({});

        // The plain direct triple, only where the JSON-LD has a property for it: a term-shaped
        // predicate that does not clash with a term of the base context.
        if (!jsonld::is_term_shaped(relation.predicate) || v_.has_term(relation.predicate)) return;
        const std::string p = v_.node(jsonld::relation_iri(relation.predicate));
        const std::string subject = v_.node(subject_iri), object = v_.node(object_iri);
        for (const auto& g : graphs) {
            add(g, subject, p, object);
            if (relation.symmetric) add(g, object, p, subject);
        }
    }

    void write(std::ostream& out, NquadsWriter::Syntax syntax) {
        if (syntax == NquadsWriter::Syntax::ntriples)
            for (auto& quad : quads_) quad.graph.clear();
        std::sort(quads_.begin(), quads_.end());
        quads_.erase(std::unique(quads_.begin(), quads_.end()), quads_.end());
        std::string buffer;
        constexpr std::size_t k_chunk = 1 << 16;
        for (const auto& quad : quads_) {
            buffer += quad.triple;
            if (!quad.graph.empty()) buffer.append(" ").append(quad.graph);
            buffer += " .\n";
            if (buffer.size() >= k_chunk) {
                out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
                buffer.clear();
            }
        }
        out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    }

private:
    void evidence(const std::string& g, const std::string& node, const graph::Mention& mention,
                  std::string_view owner) {
        const auto& evidence = mention.evidence;
        const auto literal = [&](std::string_view name, std::string_view value) {
            add(g, node, v_.property(name), v_.string_value(name, value));
        };
        const auto optional_literal = [&](std::string_view name, std::string_view value) {
            if (!value.empty()) literal(name, value);
        };
        const auto integer = [&](std::string_view name, std::uint64_t value) {
            add(g, node, v_.property(name), v_.integer_value(name, value));
        };
        literal("doc", evidence.doc);
        integer("sentence", evidence.sentence);
        literal("text", evidence.text);
        integer("begin", evidence.begin);
        integer("end", evidence.end);
        literal("modality", graph::to_string(mention.modality));
        optional_literal("timeText", mention.time.text);
        optional_literal("startDate", mention.time.start);
        optional_literal("endDate", mention.time.end);
        require_finite(mention.confidence, "confidence", owner);
        add(g, node, v_.property("confidence"), v_.double_value("confidence", mention.confidence));
    }

    const NquadsWriter::Vocabulary& v_;
    std::vector<Quad> quads_;
    std::size_t next_blank_ = 0;
};

}  // namespace

NquadsWriter::NquadsWriter(const WriterOptions& options, Syntax syntax)
    : syntax_(syntax), vocabulary_(std::make_shared<const Vocabulary>(options.schema_dir)) {}

void NquadsWriter::write(const KnowledgeGraph& graph, std::ostream& out) const {
    QuadList quads(*vocabulary_);
    for (auto v : graph.sorted_vertices()) quads.entity(graph, v);
    for (Edge e : graph.sorted_edges()) quads.statement(graph, e);
    quads.write(out, syntax_);
}

}  // namespace irkg::exporter
