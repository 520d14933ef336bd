#include "shell/output_table.h"

#include <algorithm>
#include <numeric>

#include "shell/output_cells.h"

namespace covet::shell {

namespace {

constexpr std::size_t kMinWidth = 3;  // a cut cell keeps at least two characters and `…`
// No column is cut narrower than this (or its natural width): past it the
// line outgrows the terminal instead (the pager, `less -S`, scrolls
// sideways) so that NULL, numbers and short values always read whole.
constexpr std::size_t kReadableWidth = 10;

std::size_t floor_of(std::size_t natural) {
    return std::min(natural, kReadableWidth);
}
constexpr std::size_t kSeparator = 3;  // " | "

std::string trimmed(std::string line) {
    const auto end = line.find_last_not_of(' ');
    line.erase(end == std::string::npos ? 0 : end + 1);
    return line;
}

// The widest cap on every column's width under which the line fits
// `available` columns of text (kMinWidth at least); no column goes below
// its floor_of() whatever the cap.
std::size_t width_cap(const std::vector<std::size_t>& natural, std::size_t available) {
    const auto total = [&](std::size_t cap) {
        std::size_t sum = 0;
        for (const std::size_t width : natural)
            sum += std::max(floor_of(width), std::min(width, cap));
        return sum;
    };
    std::size_t low = kMinWidth;
    std::size_t high = std::max(kMinWidth, *std::max_element(natural.begin(), natural.end()));
    while (low < high) {
        const std::size_t middle = low + (high - low + 1) / 2;
        if (total(middle) <= available)
            low = middle;
        else
            high = middle - 1;
    }
    return low;
}

}  // namespace

TableWriter::TableWriter(const OutputOptions& options, std::ostream& out,
                         std::vector<std::string> columns)
    : options_(options), out_(out), columns_(std::move(columns)) {
    for (const std::string& name : columns_)
        natural_.push_back(display_width(name));
}

void TableWriter::add(const Row& row) {
    Cells cells(columns_.size());
    for (std::size_t i = 0; i < cells.size() && i < row.size(); ++i) {
        const std::optional<std::string> text = cell_text(row[i]);
        cells[i].text = text ? one_line(*text) : "NULL";
        cells[i].numeric = is_numeric(row[i]);
    }
    ++rows_;
    if (laid_out_) {
        if (expanded_)
            print_record(cells, rows_);
        else
            print_row(cells);
        return;
    }
    for (std::size_t i = 0; i < cells.size(); ++i)
        natural_[i] = std::max(natural_[i], display_width(cells[i].text));
    held_.push_back(std::move(cells));
    if (held_.size() >= kSizingRows) lay_out();
}

void TableWriter::lay_out() {
    laid_out_ = true;
    widths_ = natural_;
    const std::size_t terminal = static_cast<std::size_t>(std::max(options_.terminal_width, 0));
    const std::size_t line = 1 + std::accumulate(natural_.begin(), natural_.end(), std::size_t{0}) +
                             kSeparator * (columns_.empty() ? 0 : columns_.size() - 1);
    expanded_ = options_.expanded == Expanded::On ||
                (options_.expanded == Expanded::Auto && terminal > 0 && line > terminal);
    if (!expanded_ && terminal > 0 && line > terminal && !columns_.empty()) {
        const std::size_t fixed = 1 + kSeparator * (columns_.size() - 1);
        const std::size_t cap = width_cap(natural_, terminal > fixed ? terminal - fixed : 0);
        for (std::size_t& width : widths_)
            width = std::max(floor_of(width), std::min(width, cap));
    }
    if (!expanded_) print_header();
    std::size_t number = rows_ - held_.size();
    for (const Cells& cells : held_) {
        ++number;
        if (expanded_)
            print_record(cells, number);
        else
            print_row(cells);
    }
    held_.clear();
    held_.shrink_to_fit();
    out_.flush();  // the first screen shows while the rest is read
}

void TableWriter::finish() {
    if (!laid_out_) lay_out();
    out_ << "(" << rows_ << (rows_ == 1 ? " row)" : " rows)") << "\n";
    out_.flush();
}

std::string TableWriter::pad(const Cell& cell, std::size_t width) const {
    const bool on_terminal = options_.terminal_width > 0;
    std::string text = on_terminal ? fit_width(cell.text, width) : cell.text;
    const std::size_t used = display_width(text);
    if (used >= width) return text;
    const std::string fill(width - used, ' ');
    return cell.numeric ? fill + text : text + fill;
}

void TableWriter::print_header() {
    std::string line = " ";
    std::string rule;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        line += (i ? " | " : "") + pad(Cell{columns_[i], false}, widths_[i]);
        rule += (i ? "+" : "") + std::string(widths_[i] + 2, '-');
    }
    out_ << trimmed(std::move(line)) << "\n" << rule << "\n";
}

void TableWriter::print_row(const Cells& row) {
    std::string line = " ";
    for (std::size_t i = 0; i < row.size(); ++i)
        line += (i ? " | " : "") + pad(row[i], widths_[i]);
    out_ << trimmed(std::move(line)) << "\n";
}

// psql's expanded display: the column names in one aligned column.
void TableWriter::print_record(const Cells& row, std::size_t number) {
    std::size_t key_width = 0;
    for (const std::string& name : columns_)
        key_width = std::max(key_width, display_width(name));
    const std::size_t terminal = static_cast<std::size_t>(std::max(options_.terminal_width, 0));
    const std::size_t value_width =
        terminal > key_width + kSeparator + kMinWidth ? terminal - key_width - kSeparator : 0;
    out_ << "-[ RECORD " << number << " ]\n";
    for (std::size_t i = 0; i < row.size(); ++i) {
        const std::string value = value_width ? fit_width(row[i].text, value_width) : row[i].text;
        out_ << trimmed(pad(Cell{columns_[i], false}, key_width) + " | " + value) << "\n";
    }
}

}  // namespace covet::shell
