#include "covet/q.h"
#include "covet/record.h"

namespace covet {

Operand::Operand(const Record& record) : Operand(record.pk()) {}

}  // namespace covet
