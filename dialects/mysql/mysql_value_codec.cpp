#include "mysql/mysql_value_codec.h"

#include <cppconn/datatype.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/resultset_metadata.h>
#include <limits>
#include "covet/value_text.h"
#include "schema/sql_literals.h"

namespace covet {

std::optional<std::string> mysql_param_text(const Value& value) {
    return typed_value_text(value, TypedTextForm{true, ""});
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

void bind_values(sql::PreparedStatement& stmt, const std::vector<Value>& params,
                 BlobStreams& blobs) {
    for (std::size_t i = 0; i < params.size(); ++i) {
        auto index = static_cast<unsigned int>(i + 1);
        const Value& v = params[i];
        switch (v.kind()) {
            case Value::Kind::Null:
                stmt.setNull(index, sql::DataType::SQLNULL);
                break;
            case Value::Kind::Int:
                stmt.setInt64(index, v.as_int());
                break;
            case Value::Kind::Float:
                stmt.setDouble(index, v.as_double());
                break;
            case Value::Kind::Bool:
                stmt.setBoolean(index, v.as_bool());
                break;
            case Value::Kind::Text:
                stmt.setString(index, sql::SQLString(v.as_text()));
                break;
            case Value::Kind::Blob: {
                const auto& data = v.as_blob().data;
                blobs.push_back(
                    std::make_unique<std::istringstream>(std::string(data.begin(), data.end())));
                stmt.setBlob(index, blobs.back().get());
                break;
            }
            default:  // the typed kinds, as their text
                stmt.setString(index, sql::SQLString(mysql_param_text(v).value_or(v.to_string())));
                break;
        }
    }
}

MysqlColumnType mysql_column_type(sql::ResultSetMetaData& meta, unsigned int i) {
    MysqlColumnType type;
    type.data_type = meta.getColumnType(i);
    if (type.data_type == sql::DataType::BIGINT) type.is_signed = meta.isSigned(i);
    return type;
}

Value column_value(sql::ResultSet& rs, const MysqlColumnType& type, unsigned int i) {
    if (rs.isNull(i)) return Value();
    switch (type.data_type) {
        case sql::DataType::BIT:
        case sql::DataType::TINYINT:
        case sql::DataType::SMALLINT:
        case sql::DataType::MEDIUMINT:
        case sql::DataType::INTEGER:
        case sql::DataType::YEAR:
            return Value(static_cast<std::int64_t>(rs.getInt64(i)));
        case sql::DataType::BIGINT:
            if (!type.is_signed) {
                std::uint64_t u = rs.getUInt64(i);
                if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                    return Value(std::to_string(u));
                return Value(static_cast<std::int64_t>(u));
            }
            return Value(static_cast<std::int64_t>(rs.getInt64(i)));
        case sql::DataType::REAL:
        case sql::DataType::DOUBLE:
            return Value(static_cast<double>(rs.getDouble(i)));
        case sql::DataType::BINARY:
        case sql::DataType::VARBINARY:
        case sql::DataType::LONGVARBINARY:
        case sql::DataType::GEOMETRY: {
            std::string bytes = rs.getString(i);
            Bytes b;
            b.data.assign(bytes.begin(), bytes.end());
            return Value(std::move(b));
        }
        case sql::DataType::SQLNULL:
            return Value();
        default: {  // DECIMAL, dates, times and JSON typed; strings as text
            const Value::Kind kind = mysql_column_kind(type.data_type);
            std::string text = rs.getString(i);
            if (kind == Value::Kind::Text) return Value(std::move(text));
            return mysql_typed_value(kind, text);
        }
    }
}

}  // namespace covet
