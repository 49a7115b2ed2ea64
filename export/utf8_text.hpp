#pragma once
// The UTF-8 helpers live in graph/utf8_text.hpp (ingest needs them too); writers use them by these names.
#include "graph/utf8_text.hpp"

namespace irkg::exporter {
using graph::append_utf8;
using graph::is_valid_utf8;
using graph::next_code_point;
using graph::to_valid_utf8;
}  // namespace irkg::exporter
