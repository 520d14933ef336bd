// What a QuerySet asks for, as plain data: the QuerySet methods append to a
// copy of it; the compiler (compiler.h) turns it into SQL. Names are kept as
// written and resolved against the model by the compiler, which the
// QuerySet calls eagerly so that a bad name fails at filter() time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "covet/expression.h"
#include "covet/q.h"

namespace covet {

struct ModelState;

struct Query {
    const ModelState* model = nullptr;

    // One entry per filter()/exclude() call, in call order: Django binds the
    // conditions of one call on a multi-valued relation to the same related
    // row, and separate calls to possibly different rows.
    struct Filter {
        Q condition;
        bool exclude = false;
        // How many annotate() entries came before this call (the QuerySet
        // sets it): an annotation made earlier shares this call's joins as
        // Django's does. The default puts the filter after every annotation.
        std::size_t annotations_before = static_cast<std::size_t>(-1);
    };
    std::vector<Filter> filters;

    // order_by() as written ("-f", "?", "author__name"); `ordering_set`
    // distinguishes order_by() with no fields (no ordering at all) from the
    // model's default ordering.
    std::vector<std::string> ordering;
    bool ordering_set = false;
    bool reversed = false;
    bool distinct = false;

    std::int64_t offset = 0;
    std::optional<std::int64_t> limit;

    enum class Shape { Records, Values, ValuesList, FlatList };
    Shape shape = Shape::Records;
    std::vector<std::string> value_fields;  // values()/values_list() as named

    std::vector<std::string> only;   // only(): load just these (plus the pk)
    std::vector<std::string> defer;  // defer(): load all but these
    std::vector<std::string> select_related;
    std::vector<std::string> prefetch_related;
    // annotate() in call order; a values() before annotate() groups by the
    // value fields (group_by_values).
    std::vector<Aliased> annotations;
    bool group_by_values = false;
    // select_for_update(): the rows read are locked until the transaction ends.
    bool for_update = false;
    bool for_update_nowait = false;
    bool for_update_skip_locked = false;
    // An annotate() after values(): its annotations join the values, as in
    // Django (also those that do not aggregate).
    bool annotated_values = false;
};

}  // namespace covet
