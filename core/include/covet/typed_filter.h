// Filters through member pointers, checked at compile time: a value that
// the member's type cannot be compared with does not compile.
//
//   posts.filter(covet::field(&Post::view_count) >= 1000)
//   posts.filter(covet::field(&Post::title).icontains("rust"))
#pragma once

#include <concepts>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>

#include "covet/q.h"
#include "covet/typed_mapping.h"

namespace covet {

template <class M>
struct unwrap_optional {
    using type = M;
};
template <class M>
struct unwrap_optional<std::optional<M>> {
    using type = M;
};

// Whether a value of V may stand for a member of type M in a lookup.
template <class M, class V>
constexpr bool comparable() {
    using B = typename unwrap_optional<M>::type;
    using U = std::remove_cvref_t<V>;
    if constexpr (std::is_same_v<B, bool>)
        return std::is_same_v<U, bool>;
    else if constexpr (std::is_integral_v<B>)
        return std::is_integral_v<U> && !std::is_same_v<U, bool>;
    else if constexpr (std::is_floating_point_v<B>)
        return std::is_arithmetic_v<U> && !std::is_same_v<U, bool>;
    else if constexpr (std::is_same_v<B, std::string>)
        return std::is_convertible_v<const U&, std::string_view>;
    else
        return std::is_convertible_v<const U&, B>;
}

// `template <ComparableTo<M> V>`: V is the concept's first argument.
template <class V, class M>
concept ComparableTo = comparable<M, V>();

template <class S, class M>
class FieldRef {
  public:
    using Base = typename unwrap_optional<M>::type;
    explicit FieldRef(M S::*pointer) : pointer_(pointer) {}

    template <ComparableTo<M> V>
    Q operator==(const V& v) const {
        return lookup("exact", v);
    }
    template <ComparableTo<M> V>
    Q operator!=(const V& v) const {
        return ~lookup("exact", v);
    }
    template <ComparableTo<M> V>
    Q operator<(const V& v) const {
        return lookup("lt", v);
    }
    template <ComparableTo<M> V>
    Q operator<=(const V& v) const {
        return lookup("lte", v);
    }
    template <ComparableTo<M> V>
    Q operator>(const V& v) const {
        return lookup("gt", v);
    }
    template <ComparableTo<M> V>
    Q operator>=(const V& v) const {
        return lookup("gte", v);
    }
    template <ComparableTo<M> V>
    Q contains(const V& v) const {
        return lookup("contains", v);
    }
    template <ComparableTo<M> V>
    Q icontains(const V& v) const {
        return lookup("icontains", v);
    }
    template <ComparableTo<M> V>
    Q startswith(const V& v) const {
        return lookup("startswith", v);
    }
    template <ComparableTo<M> V>
    Q in(std::initializer_list<V> values) const {
        std::vector<Value> list;
        for (const V& v : values)
            list.push_back(MemberTraits<Base>::write(Base(v)));
        return Q{{name("in"), Operand(std::move(list))}};
    }
    Q is_null(bool null = true) const { return Q{{name("isnull"), Operand(null)}}; }

  private:
    std::string name(const char* lookup) const {
        return std::string(field_name_of(pointer_)) + "__" + lookup;
    }
    template <class V>
    Q lookup(const char* kind, const V& v) const {
        return Q{{name(kind), Operand(MemberTraits<Base>::write(Base(v)))}};
    }
    M S::*pointer_;
};

template <class S, class M>
FieldRef<S, M> field(M S::*pointer) {
    return FieldRef<S, M>(pointer);
}

}  // namespace covet
