// Rows of a query read one at a time, so a large result never has to fit in
// memory. Back ends supply a RowSource; Connection::open_cursor wraps it.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "covet/value.h"

namespace covet {

class Connection;

// A back end's stream of result rows.
class RowSource {
  public:
    virtual ~RowSource() = default;
    virtual const std::vector<std::string>& columns() const = 0;
    // Fills `row` with the next row; false once there are none left.
    virtual bool next(Row& row) = 0;
    // Stops reading (early or at the end); the connection is usable afterwards.
    virtual void close() = 0;
};

// Closes itself when destroyed. While a cursor is open, other statements
// on the same connection run where the back end allows it; where the rows
// are still on the wire they are refused until the cursor is closed. A
// cursor must not outlive its connection.
class Cursor {
  public:
    Cursor(Cursor&& other) noexcept;
    Cursor& operator=(Cursor&& other) noexcept;
    Cursor(const Cursor&) = delete;
    Cursor& operator=(const Cursor&) = delete;
    ~Cursor();

    const std::vector<std::string>& columns() const;
    // Fills `row` with the next row; false at the end (the cursor is then closed).
    bool next(Row& row);
    void close();
    bool is_open() const { return source_ != nullptr; }

  private:
    friend class Connection;
    Cursor(const Connection& owner, std::string sql, std::unique_ptr<RowSource> source,
           std::chrono::steady_clock::time_point started);

    const Connection* owner_ = nullptr;
    std::string sql_;
    std::unique_ptr<RowSource> source_;
    std::chrono::steady_clock::time_point started_;
    std::vector<std::string> no_columns_;
};

}  // namespace covet
