// A plain struct mapped to a model of the migration state, declared once
// next to the struct (at global scope):
//
//   struct Post { std::int64_t id; std::string title; std::int64_t author_id;
//                 std::optional<std::string> body; };
//   COVET_MODEL(Post, "Post", COVET_FIELD(id), COVET_FIELD(title),
//               COVET_FIELD_AS(author_id, "author"), COVET_FIELD(body));
//
// The declaration is a constexpr tuple of member pointers: no code is
// generated per struct beyond the loops over that tuple. Binding it
// (covet::Objects<T>) checks every member against the state.
#pragma once

#include <chrono>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "covet/value.h"

namespace covet {

// What a member can hold; the binding checks it against the field's type.
enum class MemberKind {
    Int16,
    Int32,
    Int64,
    Double,
    Bool,
    Text,
    Decimal,
    Date,
    Time,
    DateTime,
    Uuid,
    Json,
    Bytes
};

using TimeOfDay = std::chrono::hh_mm_ss<std::chrono::microseconds>;
using Timestamp = std::chrono::sys_time<std::chrono::microseconds>;

// How a member type reads a value of its field and writes one.
template <class M>
struct MemberTraits;

template <class M>
requires(std::is_integral_v<M>&& std::is_signed_v<M> &&
         !std::is_same_v<M, bool>) struct MemberTraits<M> {
    static constexpr MemberKind kind = sizeof(M) <= 2   ? MemberKind::Int16
                                       : sizeof(M) <= 4 ? MemberKind::Int32
                                                        : MemberKind::Int64;
    static void read(const Value& v, M& m) { m = static_cast<M>(v.as_int()); }
    static Value write(M m) { return Value(static_cast<std::int64_t>(m)); }
};

#define COVET_SIMPLE_MEMBER(Type, Kind, reader)                       \
    template <>                                                       \
    struct MemberTraits<Type> {                                       \
        static constexpr MemberKind kind = MemberKind::Kind;          \
        static void read(const Value& v, Type& m) { m = v.reader(); } \
        static Value write(const Type& m) { return Value(m); }        \
    }
COVET_SIMPLE_MEMBER(double, Double, as_double);
COVET_SIMPLE_MEMBER(bool, Bool, as_bool);
COVET_SIMPLE_MEMBER(std::string, Text, as_text);
COVET_SIMPLE_MEMBER(Decimal, Decimal, as_decimal);
COVET_SIMPLE_MEMBER(Date, Date, as_date);
COVET_SIMPLE_MEMBER(Time, Time, as_time);
COVET_SIMPLE_MEMBER(DateTime, DateTime, as_datetime);
COVET_SIMPLE_MEMBER(Uuid, Uuid, as_uuid);
COVET_SIMPLE_MEMBER(Json, Json, as_json);
#undef COVET_SIMPLE_MEMBER

template <>
struct MemberTraits<std::chrono::sys_days> {
    static constexpr MemberKind kind = MemberKind::Date;
    static void read(const Value& v, std::chrono::sys_days& m) {
        m = std::chrono::sys_days(std::chrono::days(v.as_date().days_since_epoch()));
    }
    static Value write(std::chrono::sys_days m) {
        return Value(Date::from_days_since_epoch(m.time_since_epoch().count()));
    }
};

template <>
struct MemberTraits<TimeOfDay> {
    static constexpr MemberKind kind = MemberKind::Time;
    static void read(const Value& v, TimeOfDay& m) {
        m = TimeOfDay(std::chrono::microseconds(v.as_time().micros_since_midnight()));
    }
    static Value write(const TimeOfDay& m) {
        const auto micros = m.to_duration().count();
        return Value(Time(
            static_cast<int>(micros / 3'600'000'000), static_cast<int>(micros / 60'000'000 % 60),
            static_cast<int>(micros / 1'000'000 % 60), static_cast<int>(micros % 1'000'000)));
    }
};

template <>
struct MemberTraits<Timestamp> {
    static constexpr MemberKind kind = MemberKind::DateTime;
    static void read(const Value& v, Timestamp& m) {
        m = Timestamp(std::chrono::microseconds(v.as_datetime().micros_since_epoch()));
    }
    static Value write(Timestamp m) {
        return Value(DateTime::from_micros_since_epoch(m.time_since_epoch().count()));
    }
};

template <>
struct MemberTraits<std::vector<std::byte>> {
    static constexpr MemberKind kind = MemberKind::Bytes;
    static void read(const Value& v, std::vector<std::byte>& m) {
        const auto& data = v.as_blob().data;
        m.resize(data.size());
        if (!data.empty()) std::memcpy(m.data(), data.data(), data.size());
    }
    static Value write(const std::vector<std::byte>& m) {
        Bytes bytes;
        bytes.data.resize(m.size());
        if (!m.empty()) std::memcpy(bytes.data.data(), m.data(), m.size());
        return Value(std::move(bytes));
    }
};

// A nullable column: NULL is nullopt.
template <class M>
struct MemberTraits<std::optional<M>> {
    static constexpr MemberKind kind = MemberTraits<M>::kind;
    static void read(const Value& v, std::optional<M>& m) {
        if (v.is_null()) {
            m.reset();
            return;
        }
        if (!m) m.emplace();
        MemberTraits<M>::read(v, *m);
    }
    static Value write(const std::optional<M>& m) {
        return m ? MemberTraits<M>::write(*m) : Value();
    }
};

template <class M>
inline constexpr bool is_optional_member = false;
template <class M>
inline constexpr bool is_optional_member<std::optional<M>> = true;

// One mapped member: where it is, its name in the struct, its field.
template <class S, class M>
struct Member {
    using struct_type = S;
    using member_type = M;
    M S::*pointer;
    const char* member;
    const char* field;
};

template <class S, class M>
constexpr Member<S, M> member(M S::*pointer, const char* member_name, const char* field_name) {
    static_assert(
        requires { MemberTraits<M>::kind; }, "covet: no column type holds this member type");
    return {pointer, member_name, field_name};
}

// Specialised by COVET_MODEL: struct_name, model and the members tuple.
template <class T>
struct Mapping;

// The field name of a mapped member; throws QueryError when the mapping of
// S does not list it.
[[noreturn]] void throw_unmapped_member(const char* struct_name);

template <class S, class M>
const char* field_name_of(M S::*pointer) {
    const char* name = nullptr;
    std::apply(
        [&](const auto&... m) {
            auto match = [&](const auto& one) {
                if constexpr (std::is_same_v<decltype(one.pointer), M S::*>)
                    if (!name && one.pointer == pointer) name = one.field;
            };
            (match(m), ...);
        },
        Mapping<S>::members);
    if (!name) throw_unmapped_member(Mapping<S>::struct_name);
    return name;
}

}  // namespace covet

#define COVET_MODEL(Struct, model_name, ...)                          \
    template <>                                                       \
    struct covet::Mapping<Struct> {                                   \
        using type = Struct;                                          \
        static constexpr const char* struct_name = #Struct;           \
        static constexpr const char* model = model_name;              \
        static constexpr auto members = std::make_tuple(__VA_ARGS__); \
    }
// A member whose field has the member's name, or another name.
#define COVET_FIELD(name) ::covet::member(&type::name, #name, #name)
#define COVET_FIELD_AS(name, field_name) ::covet::member(&type::name, #name, field_name)
