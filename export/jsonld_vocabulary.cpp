#include "jsonld_vocabulary.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace irkg::exporter::jsonld {

namespace {

bool is_unreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

void append_percent_encoded(std::string& out, std::string_view text, std::string_view also_keep = {}) {
    for (char c : text) {
        if (is_unreserved(c) || also_keep.find(c) != std::string_view::npos)
            out += c;
        else
            out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

}  // namespace

std::string_view type_term(graph::EntityType type) {
    switch (type) {
        case graph::EntityType::country:
            return "Country";
        case graph::EntityType::person:
            return "Person";
        case graph::EntityType::organization:
            return "Organization";
        case graph::EntityType::location:
            return "Place";
        case graph::EntityType::other:
            break;
    }
    return "Thing";
}

std::string entity_iri(std::string_view id) {
    std::string out = "ent:";
    const auto colon = id.find(':');
    if (colon == std::string_view::npos) {
        append_percent_encoded(out, id);
    } else {
        append_percent_encoded(out, id.substr(0, colon));
        out += '/';  // '/' is encoded everywhere else, so the mapping stays one-to-one
        append_percent_encoded(out, id.substr(colon + 1));
    }
    return out;
}

std::string statement_iri(std::string_view edge_id) {
    std::string out = "stmt:";
    append_percent_encoded(out, edge_id, ":");
    return out;
}

std::string relation_iri(std::string_view predicate) {
    std::string out = "rel:";
    append_percent_encoded(out, predicate);
    return out;
}

std::optional<std::string> predicate_from_iri(std::string_view iri) {
    if (!iri.starts_with("rel:") || iri.size() == 4) return std::nullopt;
    std::string out;
    for (std::size_t i = 4; i < iri.size(); ++i) {
        const char c = iri[i];
        if (c == '%') {
            if (i + 2 >= iri.size()) return std::nullopt;
            const int high = hex_value(iri[i + 1]), low = hex_value(iri[i + 2]);
            if (high < 0 || low < 0) return std::nullopt;
            out += static_cast<char>(high * 16 + low);
            i += 2;
        } else if (is_unreserved(c)) {
            out += c;
        } else {
            return std::nullopt;
        }
    }
    return out;
}

bool is_term_shaped(std::string_view predicate) {
    if (predicate.empty() || predicate.front() == '-' || predicate.back() == '-') return false;
    return std::all_of(predicate.begin(), predicate.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

}  // namespace irkg::exporter::jsonld
