// Output of one interactive statement: kept back until it is known to fit
// on the screen (then written as it is), or piped through $PAGER (default
// `less -SRXF`) as soon as it is taller than the screen, streaming the rest.
#pragma once

#include <cstdio>
#include <ostream>
#include <streambuf>
#include <string>

namespace covet::cli {

class PagerBuffer : public std::streambuf {
  public:
    explicit PagerBuffer(int screen_rows) : screen_rows_(screen_rows) {}
    ~PagerBuffer() override { finish(); }
    PagerBuffer(const PagerBuffer&) = delete;
    PagerBuffer& operator=(const PagerBuffer&) = delete;

    // Ends one statement's output: writes what was kept back, or waits for
    // the pager to close.
    void finish();
    void set_screen_rows(int rows) { screen_rows_ = rows; }

  protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* text, std::streamsize size) override;
    int sync() override;

  private:
    void open_pager();

    int screen_rows_;
    int lines_ = 0;
    std::string kept_;
    FILE* pager_ = nullptr;
    bool pager_failed_ = false;
};

// Rows and columns of the terminal on stdout; 0 when it is none.
int terminal_rows();
int terminal_columns();

}  // namespace covet::cli
