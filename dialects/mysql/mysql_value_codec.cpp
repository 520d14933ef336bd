#include "mysql/mysql_value_codec.h"

#include <cppconn/datatype.h>

#include "covet/value_text.h"
#include "schema/sql_literals.h"

namespace covet {

std::optional<std::string> mysql_param_text(const Value& value) {
    switch (value.kind()) {
        case Value::Kind::Decimal:
            return value.as_decimal().to_string();
        case Value::Kind::Date:
            return value.as_date().to_string();
        case Value::Kind::Time:
            return value.as_time().to_string();
        case Value::Kind::DateTime:
            return value.as_datetime().to_string();
        case Value::Kind::Uuid:
            return value.as_uuid().hex();
        case Value::Kind::Json:
            return value.as_json().text();
        default:
            return std::nullopt;
    }
}

std::string mysql_typed_literal(const Value& value) {
    if (value.kind() == Value::Kind::Decimal) return value.as_decimal().to_string();
    return quote_string(mysql_param_text(value).value_or(value.to_string()), true);
}

Value::Kind mysql_column_kind(int data_type) {
    switch (data_type) {
        case sql::DataType::DECIMAL:
        case sql::DataType::NUMERIC:
            return Value::Kind::Decimal;
        case sql::DataType::DATE:
            return Value::Kind::Date;
        case sql::DataType::TIME:
            return Value::Kind::Time;
        case sql::DataType::TIMESTAMP:  // DATETIME and TIMESTAMP columns alike
            return Value::Kind::DateTime;
        case sql::DataType::JSON:
            return Value::Kind::Json;
        default:
            return Value::Kind::Text;
    }
}

Value mysql_typed_value(Value::Kind kind, std::string_view text) {
    if (kind == Value::Kind::Text) return std::string(text);
    return value_from_text_or_text(kind, text);
}

}  // namespace covet
