// Everything a C++ application includes to use the ORM.
#pragma once

#include "covet/atomic.h"
#include "covet/database.h"
#include "covet/error.h"
#include "covet/expression.h"
#include "covet/models.h"
#include "covet/pool.h"
#include "covet/q.h"
#include "covet/queryset.h"
#include "covet/record.h"
