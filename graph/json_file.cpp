#include "json_file.hpp"

#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <rapidjson/error/en.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include "errors.hpp"

namespace irkg::graph {

std::string line_column(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return fmt::format("line {}, column {}", line, column);
}

std::string_view get_string(const rapidjson::Value& value, const char* name, std::string_view fallback) {
    if (!value.IsObject()) return fallback;
    auto it = value.FindMember(name);
    if (it == value.MemberEnd() || !it->value.IsString()) return fallback;
    return {it->value.GetString(), it->value.GetStringLength()};
}

template <class E>
std::string read_text_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw E(fmt::format("{}: cannot open file (does it exist and is it readable?)", path.string()));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw E(fmt::format("{}: read error", path.string()));
    return std::move(buffer).str();
}

namespace {

/// Deeper than any file irkg reads nests (a lexicon 4 levels, a JSON Schema about 10).
constexpr std::size_t k_max_json_depth = 64;

/// Whether `root` nests deeper than k_max_json_depth (a scalar is depth 1), found without recursion:
/// schema validation and other walks of the tree recurse, and a hostile file must not overflow the
/// stack there.
bool too_deep(const rapidjson::Value& root) {
    std::vector<std::pair<const rapidjson::Value*, std::size_t>> todo{{&root, 1}};
    while (!todo.empty()) {
        const auto [value, depth] = todo.back();
        todo.pop_back();
        if (depth > k_max_json_depth) return true;
        if (value->IsArray()) {
            for (const auto& element : value->GetArray()) todo.emplace_back(&element, depth + 1);
        } else if (value->IsObject()) {
            for (const auto& member : value->GetObject()) todo.emplace_back(&member.value, depth + 1);
        }
    }
    return false;
}

}  // namespace

template <class E>
rapidjson::Document read_json_file(const std::filesystem::path& path) {
    const std::string text = read_text_file<E>(path);
    rapidjson::Document doc;
    // Iterative: RapidJSON's default parser recurses once per nesting level, and "[[[[..." overflowed the stack.
    doc.Parse<rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseIterativeFlag>(text.data(), text.size());
    if (doc.HasParseError())
        throw E(fmt::format("{}: {}: invalid JSON: {}", path.string(), line_column(text, doc.GetErrorOffset()),
                            rapidjson::GetParseError_En(doc.GetParseError())));
    if (too_deep(doc))
        throw E(fmt::format("{}: JSON nested deeper than {} levels; irkg's files nest a few (is it the right file?)",
                            path.string(), k_max_json_depth));
    return doc;
}

template <class E>
void validate_json(const rapidjson::Document& doc, const std::filesystem::path& path,
                   const std::filesystem::path& schema_path) {
    const rapidjson::Document schema_json = read_json_file<lexicon_error>(schema_path);
    rapidjson::SchemaDocument schema(schema_json);
    rapidjson::SchemaValidator validator(schema);
    if (doc.Accept(validator)) return;
    // A plain JSON pointer (RFC 6901), not the URI fragment form that would percent-encode "@".
    rapidjson::StringBuffer where;
    validator.GetInvalidDocumentPointer().Stringify(where);
    const std::string pointer = where.GetString();
    // Name the entry by its id or label when the pointer leads into an element of a list (an
    // actor, a relation, a node) that has one.
    std::string entry;
    rapidjson::Pointer full(validator.GetInvalidDocumentPointer());
    for (std::size_t depth = full.GetTokenCount(); depth > 0; --depth) {
        if (full.GetTokens()[depth - 1].index == rapidjson::kPointerInvalidIndex) continue;
        rapidjson::Pointer prefix(full.GetTokens(), depth);
        const rapidjson::Value* node = prefix.Get(doc);
        if (node && node->IsObject()) {
            for (const char* key : {"id", "predicate", "name", "label"}) {
                auto value = get_string(*node, key);
                if (!value.empty()) {
                    entry = fmt::format(" (entry \"{}\")", value);
                    break;
                }
            }
            if (!entry.empty()) break;
        }
    }
    // RapidJSON 1.1 reports the broken rule but not which required keys are missing: list them.
    const std::string_view keyword = validator.GetInvalidSchemaKeyword();
    std::string detail;
    if (keyword == "required") {
        const rapidjson::Value* rule = validator.GetInvalidSchemaPointer().Get(schema_json);
        const rapidjson::Value* node = full.Get(doc);
        if (rule && rule->IsObject() && rule->HasMember("required") && (*rule)["required"].IsArray() && node &&
            node->IsObject()) {
            for (const auto& name : (*rule)["required"].GetArray())
                if (name.IsString() && !node->HasMember(name))
                    detail += fmt::format("{}\"{}\"", detail.empty() ? "; missing " : ", ", name.GetString());
        }
    }
    throw E(fmt::format("{}: at {}{}: violates schema {} (rule \"{}\"{}); fix the entry to match the schema",
                        path.string(), pointer.empty() ? "/" : pointer, entry, schema_path.filename().string(), keyword,
                        detail));
}

template rapidjson::Document read_json_file<lexicon_error>(const std::filesystem::path&);
template rapidjson::Document read_json_file<input_error>(const std::filesystem::path&);
template void validate_json<lexicon_error>(const rapidjson::Document&, const std::filesystem::path&,
                                           const std::filesystem::path&);
template void validate_json<input_error>(const rapidjson::Document&, const std::filesystem::path&,
                                         const std::filesystem::path&);
template std::string read_text_file<lexicon_error>(const std::filesystem::path&);
template std::string read_text_file<input_error>(const std::filesystem::path&);

std::string_view json_kind(const rapidjson::Value& value) {
    switch (value.GetType()) {
        case rapidjson::kNullType:
            return "null";
        case rapidjson::kFalseType:
        case rapidjson::kTrueType:
            return "a boolean";
        case rapidjson::kObjectType:
            return "an object";
        case rapidjson::kArrayType:
            return "an array";
        case rapidjson::kStringType:
            return "a string";
        case rapidjson::kNumberType:
            return "a number";
    }
    return "a value";
}

}  // namespace irkg::graph
