// What the expression left of a `.` or of a call's bracket is, worked out
// from the text alone (`Post.objects.filter(...)` is a queryset of Post, `u`
// a User record when the session holds one): completion never runs a query.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "covet/models.h"
#include "shell/completion_scan.h"
#include "shell/shell_value.h"

namespace covet::shell::completion {

// What completion may read of a session.
struct Scope {
    const Models& models;
    const std::map<std::string, ShellValue>& variables;
};

struct Receiver {
    enum class Kind { Unknown, Model, Manager, QuerySet, Record, Related };
    Kind kind = Kind::Unknown;
    const ModelState* model = nullptr;  // the model of its rows (a relation's related model)
    bool rows = false;                  // values()/values_list(): its items are no records
    // The aliases annotate() gave earlier in the chain (`post_count`), which
    // filter(), order_by(), values(), ... may name as fields.
    std::vector<std::string> annotations;
};

// The receiver that ends at tokens[last]: a name followed by attributes,
// calls and indexes. Unknown for anything else.
Receiver receiver_ending_at(const Scope& scope, const std::vector<ScanToken>& tokens,
                            std::size_t last);

// The receiver a variable's value is.
Receiver receiver_of(const ShellValue& value);

// The names that may follow `receiver.`: objects on a model, the QuerySet
// methods on a manager or queryset, a record's attributes and methods, a
// relation manager's methods.
std::vector<std::string> member_names(const Scope& scope, const Receiver& receiver);

}  // namespace covet::shell::completion
