#include "triple_reader.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <istream>
#include <limits>
#include <system_error>

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "graph/errors.hpp"
#include "graph/json_file.hpp"

namespace irkg::exporter {

namespace {

using rapidjson::Value;

std::string_view view(const Value& string) { return {string.GetString(), string.GetStringLength()}; }


bool is_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return false;
    const int month = (text[5] - '0') * 10 + (text[6] - '0');
    const int day = (text[8] - '0') * 10 + (text[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

constexpr std::array k_triple_keys{"subject", "predicate", "category", "cameo",    "goldstein",
                                   "object",  "modality",  "time",     "evidence", "confidence"};
constexpr std::array k_entity_keys{"id", "label", "type", "country", "aliases"};
constexpr std::array k_time_keys{"text", "start", "end"};
constexpr std::array k_evidence_keys{"doc", "sentence", "text", "span"};

/// What is wrong with one line, before the file and line number are added.
struct BadLine {
    std::string message;
};

/// The checks of one line; every failure names the key path ("evidence.span") and what is wrong.
class LineParser {
public:
    [[noreturn]] void fail(std::string_view what) const { throw BadLine{std::string(what)}; }

    template <class Keys>
    void check_keys(const Value& node, const Keys& allowed, std::string_view path) const {
        for (const auto& m : node.GetObject()) {
            const auto name = view(m.name);
            if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
            std::string list;
            for (const auto* key : allowed) list += fmt::format("{}{}", list.empty() ? "" : ", ", key);
            fail(fmt::format("unknown key \"{}{}\"; irkg writes only {} there", path, name, list));
        }
    }

    const Value* find(const Value& node, std::string_view key) const {
        const auto it = node.FindMember(Value(rapidjson::StringRef(key.data(), key.size())));
        return it == node.MemberEnd() ? nullptr : &it->value;
    }

    const Value& required(const Value& node, std::string_view key, std::string_view path) const {
        const Value* value = find(node, key);
        if (!value) fail(fmt::format("\"{}{}\" is missing; irkg extract always writes it", path, key));
        return *value;
    }

    const Value& object(const Value& node, std::string_view key, std::string_view path) const {
        const Value& value = required(node, key, path);
        if (!value.IsObject()) fail(fmt::format("\"{}{}\" must be an object, not {}", path, key, graph::json_kind(value)));
        return value;
    }

    std::string_view string(const Value& node, std::string_view key, std::string_view path,
                            bool non_empty = false) const {
        const Value& value = required(node, key, path);
        if (!value.IsString()) fail(fmt::format("\"{}{}\" must be a string, not {}", path, key, graph::json_kind(value)));
        if (non_empty && value.GetStringLength() == 0) fail(fmt::format("\"{}{}\" must not be empty", path, key));
        return view(value);
    }

    std::string_view optional_string(const Value& node, std::string_view key, std::string_view path) const {
        return find(node, key) ? string(node, key, path) : std::string_view{};
    }

    std::string_view optional_date(const Value& node, std::string_view key, std::string_view path) const {
        const auto text = optional_string(node, key, path);
        if (find(node, key) && !is_iso_date(text))
            fail(fmt::format("\"{}{}\" is \"{}\", not an ISO date (YYYY-MM-DD)", path, key, text));
        return text;
    }

    double number(const Value& node, std::string_view key, std::string_view path, double low, double high) const {
        const Value& value = required(node, key, path);
        if (!value.IsNumber()) fail(fmt::format("\"{}{}\" must be a number, not {}", path, key, graph::json_kind(value)));
        const double x = value.GetDouble();
        if (!(x >= low && x <= high))
            fail(fmt::format("\"{}{}\" is {}, out of range [{}, {}]", path, key, x, low, high));
        return x;
    }

    std::uint64_t unsigned_integer(const Value& value, std::string_view what) const {
        if (!value.IsUint64()) fail(fmt::format("{} must be a non-negative integer, not {}", what, graph::json_kind(value)));
        return value.GetUint64();
    }

    graph::Entity entity(const Value& triple, std::string_view key) const {
        const Value& node = object(triple, key, "");
        const std::string path = std::string(key) + ".";
        check_keys(node, k_entity_keys, path);
        graph::Entity e;
        e.id = string(node, "id", path, true);
        e.label = string(node, "label", path);
        const auto type_name = string(node, "type", path);
        const auto type = graph::entity_type_from(type_name);
        if (!type)
            fail(
                fmt::format("\"{}type\" is \"{}\", not an entity type (country, person, organization, location, other)",
                            path, type_name));
        e.type = *type;
        e.country = optional_string(node, "country", path);
        if (const Value* aliases = find(node, "aliases")) {
            if (!aliases->IsArray()) fail(fmt::format("\"{}aliases\" must be an array of strings", path));
            for (const auto& alias : aliases->GetArray()) {
                if (!alias.IsString()) fail(fmt::format("\"{}aliases\" must be an array of strings", path));
                graph::add_alias(e.aliases, view(alias));
            }
        }
        return e;
    }
};

bool same_relation(const graph::RelationType& a, const graph::RelationType& b) {
    return a.predicate == b.predicate && a.category == b.category && a.mode == b.mode && a.cameo == b.cameo &&
           a.goldstein == b.goldstein && a.symmetric == b.symmetric && a.label == b.label &&
           a.description == b.description;
}

bool blank(std::string_view line) {
    return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

}  // namespace

TripleReader::TripleReader(std::span<const graph::RelationType> known) {
    for (const auto& type : known) known_.emplace(type.predicate, type);
}

const graph::RelationType* TripleReader::relation_for(graph::RelationType parsed) {
    const auto it = known_.find(parsed.predicate);
    if (it != known_.end()) {
        parsed.mode = it->second.mode;
        parsed.symmetric = it->second.symmetric;
        parsed.label = it->second.label;
        parsed.description = it->second.description;
    } else {
        parsed.label = parsed.predicate;  // as the ontology does for a predicate without a label
    }
    auto& definitions = by_predicate_[parsed.predicate];
    for (const auto* type : definitions)
        if (same_relation(*type, parsed)) return type;
    relations_.push_back(std::move(parsed));
    definitions.push_back(&relations_.back());
    return &relations_.back();
}

graph::Triple TripleReader::parse(std::string_view line, std::string_view source, std::uint64_t line_number) {
    try {
        return parse_line(line);
    } catch (const BadLine& bad) {
        throw input_error(fmt::format("{}:{}: {}", source, line_number, bad.message));
    }
}

graph::Triple TripleReader::parse_line(std::string_view line) {
    const LineParser p;
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag |
              rapidjson::kParseFullPrecisionFlag>(line.data(), line.size());
    if (doc.HasParseError())
        p.fail(fmt::format("not JSON (column {}: {})", doc.GetErrorOffset() + 1,
                           rapidjson::GetParseError_En(doc.GetParseError())));
    if (!doc.IsObject()) p.fail(fmt::format("expected a triple object, found {}", graph::json_kind(doc)));
    if (!p.find(doc, "subject") && p.find(doc, "text"))
        p.fail(
            "this is an article record (it has \"text\"), not a triple; extract it first (irkg extract FILE -o "
            "triples.jsonl) or give article files to irkg build");
    p.check_keys(doc, k_triple_keys, "");

    graph::Triple triple;
    triple.subject = p.entity(doc, "subject");
    triple.object = p.entity(doc, "object");
    graph::RelationType relation;
    relation.predicate = p.string(doc, "predicate", "", true);
    relation.category = p.string(doc, "category", "", true);
    relation.cameo = p.string(doc, "cameo", "", true);
    relation.goldstein = p.number(doc, "goldstein", "", -10.0, 10.0);
    triple.relation = relation_for(std::move(relation));

    const auto modality_name = p.string(doc, "modality", "");
    const auto modality = graph::modality_from(modality_name);
    if (!modality)
        p.fail(
            fmt::format("\"modality\" is \"{}\", not one of asserted, planned, speculative, negated", modality_name));
    triple.modality = *modality;

    const Value& time = p.object(doc, "time", "");
    p.check_keys(time, k_time_keys, "time.");
    triple.time.text = p.string(time, "text", "time.");
    triple.time.start = p.optional_date(time, "start", "time.");
    triple.time.end = p.optional_date(time, "end", "time.");

    const Value& evidence = p.object(doc, "evidence", "");
    p.check_keys(evidence, k_evidence_keys, "evidence.");
    triple.evidence.doc = p.string(evidence, "doc", "evidence.");
    const auto sentence = p.unsigned_integer(p.required(evidence, "sentence", "evidence."), "\"evidence.sentence\"");
    if (sentence > std::numeric_limits<std::uint32_t>::max())
        p.fail(fmt::format("\"evidence.sentence\" {} is too large", sentence));
    triple.evidence.sentence = static_cast<std::uint32_t>(sentence);
    triple.evidence.text = p.string(evidence, "text", "evidence.");
    const Value& span = p.required(evidence, "span", "evidence.");
    if (!span.IsArray() || span.Size() != 2) p.fail("\"evidence.span\" must be [begin, end], two byte offsets");
    triple.evidence.begin = p.unsigned_integer(span[0], "\"evidence.span\" begin");
    triple.evidence.end = p.unsigned_integer(span[1], "\"evidence.span\" end");
    if (triple.evidence.end < triple.evidence.begin)
        p.fail(fmt::format("\"evidence.span\" ends ({}) before it begins ({})", triple.evidence.end,
                           triple.evidence.begin));
    triple.confidence = p.number(doc, "confidence", "", 0.0, 1.0);
    return triple;
}

std::uint64_t TripleReader::read(std::istream& in, std::string_view source, graph::KnowledgeGraph& graph,
                                 const std::function<void(const TripleProblem&)>& on_problem) {
    std::uint64_t added = 0, number = 0;
    std::string line;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (blank(line)) continue;
        graph::Triple triple;
        try {
            triple = parse_line(line);
        } catch (const BadLine& bad) {
            if (!on_problem) throw input_error(fmt::format("{}:{}: {}", source, number, bad.message));
            on_problem(TripleProblem{std::string(source), number, bad.message});
            continue;
        }
        graph.add(triple);
        ++added;
    }
    if (in.bad()) throw input_error(fmt::format("{}: read error after line {}", source, number));
    return added;
}

std::uint64_t TripleReader::read_file(const std::filesystem::path& path, graph::KnowledgeGraph& graph,
                                      const std::function<void(const TripleProblem&)>& on_problem) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw input_error(fmt::format("{}: is a directory, not a triple file (JSON Lines)", path.string()));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw input_error(fmt::format("{}: cannot open: {}", path.string(), std::strerror(errno)));
    return read(in, path.string(), graph, on_problem);
}

}  // namespace irkg::exporter
