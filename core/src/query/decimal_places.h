// A Decimal with a DecimalField's number of decimal places, as Django's
// converters quantize what the database hands back (a loosely typed column
// keeps 1.5 for decimal_places=2; Django reads 1.50).
#pragma once

#include "covet/decimal.h"

namespace covet {

// `value` with exactly `places` digits after the point: padded with zeros,
// or rounded half to even (Python's default context) when it has more.
Decimal with_decimal_places(const Decimal& value, int places);

}  // namespace covet
