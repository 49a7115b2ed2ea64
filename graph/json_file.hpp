#pragma once
// Reading JSON files that irkg depends on (ontology, lexicons, schemas), with errors that name the
// file, the line and column, or the JSON path of the problem.
#include <filesystem>
#include <string>
#include <string_view>

#include <rapidjson/document.h>

namespace irkg::graph {

/// Reads and parses `path`. Throws E (an irkg error type) naming file, line and column on failure, and
/// naming the file when the JSON nests deeper than 64 levels (no file irkg reads does).
template <class E>
rapidjson::Document read_json_file(const std::filesystem::path& path);

/// Validates `doc` (read from `path`) against the JSON Schema in `schema_path` (draft-04).
/// Throws E naming the file, the JSON pointer of the offending entry, and the rule it breaks.
template <class E>
void validate_json(const rapidjson::Document& doc, const std::filesystem::path& path,
                   const std::filesystem::path& schema_path);

/// Reads a whole file into a string; throws E naming the file when it cannot be read.
template <class E>
std::string read_text_file(const std::filesystem::path& path);

/// 1-based line and column of byte `offset` in `text`, as "line L, column C".
std::string line_column(std::string_view text, std::size_t offset);

/// A string member of `value`, or `fallback` when absent or not a string.
/// What a JSON value is, for error messages: "null", "a boolean", "an object", "an array", "a string",
/// "a number".
std::string_view json_kind(const rapidjson::Value& value);

std::string_view get_string(const rapidjson::Value& value, const char* name, std::string_view fallback = {});

}  // namespace irkg::graph
