// Everything a C++ application includes to use the ORM.
#pragma once

#include "covet/database.h"
#include "covet/error.h"
#include "covet/expression.h"
#include "covet/models.h"
#include "covet/q.h"
#include "covet/queryset.h"
#include "covet/record.h"
