// The table format: aligned columns under a header, `NULL` for NULL,
// numbers right-aligned, cells cut with an ellipsis `…` so that a line fits
// the terminal, and a row count ("(3 rows)"), as psql prints. Expanded
// (`.x on`, or `.x auto` when the table is wider than the terminal): one
// "-[ RECORD n ]" block per row, one `column | value` line per field.
//
// Rows stream: the first kSizingRows rows are held to size the columns,
// then printed, and later rows are printed as they come with those widths
// (a longer cell of a later row is cut only on a terminal, else it widens
// its line).
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "covet/value.h"
#include "shell/output.h"

namespace covet::shell {

class TableWriter {
  public:
    static constexpr std::size_t kSizingRows = 1000;

    TableWriter(const OutputOptions& options, std::ostream& out, std::vector<std::string> columns);
    void add(const Row& row);
    // Prints what is held and the row count.
    void finish();

  private:
    struct Cell {
        std::string text;
        bool numeric = false;
    };
    using Cells = std::vector<Cell>;

    void lay_out();
    void print_header();
    void print_row(const Cells& row);
    void print_record(const Cells& row, std::size_t number);
    std::string pad(const Cell& cell, std::size_t width) const;

    OutputOptions options_;
    std::ostream& out_;
    std::vector<std::string> columns_;
    std::vector<Cells> held_;           // rows read before the layout is known
    std::vector<std::size_t> natural_;  // widest text per column in the held rows
    std::vector<std::size_t> widths_;   // natural_, cut to fit the terminal
    bool laid_out_ = false;
    bool expanded_ = false;
    std::size_t rows_ = 0;
};

}  // namespace covet::shell
