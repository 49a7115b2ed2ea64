#include "writer.hpp"

namespace irkg::exporter {

// Defined here so that the vtable has one home.
Writer::~Writer() = default;

}  // namespace irkg::exporter
