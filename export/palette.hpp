#pragma once
// The colours every visual export shares, so a state is the same blue in GraphML and GEXF.
#include "graph/entity.hpp"

namespace irkg::exporter {

struct Rgb {
    int r, g, b;
};

/// One colour per entity type (Tableau 10), so Gephi shows states, people and organisations apart.
constexpr Rgb entity_colour(graph::EntityType type) {
    switch (type) {
        case graph::EntityType::country:
            return {31, 119, 180};
        case graph::EntityType::person:
            return {255, 127, 14};
        case graph::EntityType::organization:
            return {44, 160, 44};
        case graph::EntityType::location:
            return {148, 103, 189};
        case graph::EntityType::other:
            break;
    }
    return {127, 127, 127};
}

}  // namespace irkg::exporter
