#include "shell/error_type.h"

#include "covet/error.h"

namespace covet::shell {

namespace {

template <typename T>
bool is(const std::exception& error) {
    return dynamic_cast<const T*>(&error) != nullptr;
}

}  // namespace

std::string error_type(const std::exception& error) {
    // Most derived first: each check would also match its subclasses.
    if (is<DoesNotExist>(error)) return "DoesNotExist";
    if (is<MultipleObjectsReturned>(error)) return "MultipleObjectsReturned";
    if (is<ProtectedError>(error)) return "ProtectedError";
    if (is<IntegrityError>(error)) return "IntegrityError";
    if (is<LockTimeoutError>(error)) return "LockTimeoutError";
    if (is<DatabaseError>(error)) return "DatabaseError";
    if (is<ValidationError>(error)) return "ValidationError";
    if (is<ValueError>(error)) return "ValueError";
    if (is<SyntaxError>(error)) return "SyntaxError";
    if (is<IndexError>(error)) return "IndexError";
    if (is<QueryError>(error)) return "QueryError";
    if (is<FieldError>(error)) return "FieldError";
    if (is<ConnectionError>(error)) return "ConnectionError";
    if (is<UsageError>(error)) return "UsageError";
    if (is<Error>(error)) return "Error";
    return "InternalError";
}

}  // namespace covet::shell
