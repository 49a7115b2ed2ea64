#pragma once
// The colours every visual export shares, so a state is the same blue in GraphML, GEXF and DOT.
#include <algorithm>
#include <cmath>

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

/// An edge's colour from its Goldstein score, conflict to cooperation: linear from red at -10
/// through grey at 0 to green at +10 (clamped outside that range).
inline Rgb goldstein_colour(double goldstein) {
    constexpr Rgb red{214, 39, 40};
    constexpr Rgb grey{160, 160, 160};
    constexpr Rgb green{44, 160, 44};
    const double t = std::clamp(goldstein / 10.0, -1.0, 1.0);
    const Rgb& end = t < 0 ? red : green;
    const double f = std::abs(t);
    const auto mix = [f](int from, int to) {
        return static_cast<int>(std::lround(static_cast<double>(from) + (static_cast<double>(to - from)) * f));
    };
    return {mix(grey.r, end.r), mix(grey.g, end.g), mix(grey.b, end.b)};
}

}  // namespace irkg::exporter
