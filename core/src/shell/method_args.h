// Checking and converting the arguments of a shell method call, with the
// messages Python and Django give for a wrong call ("count() takes no
// arguments (1 given)", "got an unexpected keyword argument 'x'").
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "covet/q.h"
#include "shell/method_call.h"

namespace covet::shell {

// "fliter" among `names`: "; did you mean 'filter'?", else "; valid: a, b, c".
std::string suggest_method(const std::string& word, const std::vector<std::string>& names);

// A call with no argument at all.
void expect_no_arguments(const std::string& method, const Arguments& args);
// No keyword argument outside `allowed`.
void expect_keywords(const std::string& method, const Arguments& args,
                     const std::vector<std::string>& allowed);
// At most `most` positional arguments.
void expect_positional_at_most(const std::string& method, const Arguments& args, std::size_t most);
// The keyword `name`, if given.
const ShellValue* keyword(const Arguments& args, const std::string& name);

// order_by('a', '-b'), values('a'), only(...): positional strings, no keywords.
std::vector<std::string> field_names(const std::string& method, const Arguments& args);
// filter(Q(...), a=1, b__in=[...]): the positional Q objects and the
// keyword lookups, all of which must hold (as Django ANDs them).
// `skip` names keywords that are the method's own (get_or_create's defaults).
Q lookups_of(const std::string& method, const Arguments& args,
             const std::vector<std::string>& skip = {});
// create(name='x', author=u): field values; a record stays a record so that
// a ForeignKey gets it (and the check of its model).
std::vector<std::pair<std::string, ShellValue>> field_values(
    const std::string& method, const std::vector<std::pair<std::string, ShellValue>>& keywords);
// The same as plain values (records as their primary keys).
std::vector<std::pair<std::string, Value>> plain_values(
    const std::string& what, const std::vector<std::pair<std::string, ShellValue>>& fields);
// get_or_create()'s defaults={'name': 'x'}: a dict keyed by field name
// (none when not given).
std::vector<std::pair<std::string, Value>> defaults_of(const std::string& method,
                                                       const Arguments& args);
// A list or tuple of records (bulk_create, set()).
std::vector<Record> records_of(const ShellValue& value, const std::string& what);

}  // namespace covet::shell
