#include "shell_pager.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace covet::cli {

namespace {

winsize window() {
    winsize size{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) return winsize{};
    return size;
}

void write_stdout(const std::string& text) {
    std::size_t written = 0;
    while (written < text.size()) {
        ssize_t n = ::write(STDOUT_FILENO, text.data() + written, text.size() - written);
        if (n <= 0) return;
        written += static_cast<std::size_t>(n);
    }
}

}  // namespace

int terminal_rows() {
    return window().ws_row;
}

int terminal_columns() {
    return window().ws_col;
}

void PagerBuffer::open_pager() {
    const char* pager = std::getenv("PAGER");
    std::string command = pager != nullptr && *pager != '\0' ? pager : "less -SRXF";
    std::fflush(stdout);
    pager_ = ::popen(command.c_str(), "w");
    if (pager_ == nullptr) {
        pager_failed_ = true;  // no pager: the screen scrolls instead
        write_stdout(kept_);
    } else {
        std::fwrite(kept_.data(), 1, kept_.size(), pager_);
    }
    kept_.clear();
}

std::streamsize PagerBuffer::xsputn(const char* text, std::streamsize size) {
    if (pager_ != nullptr)
        return static_cast<std::streamsize>(
            std::fwrite(text, 1, static_cast<std::size_t>(size), pager_));
    if (pager_failed_) {
        write_stdout(std::string(text, static_cast<std::size_t>(size)));
        return size;
    }
    kept_.append(text, static_cast<std::size_t>(size));
    lines_ += static_cast<int>(std::count(text, text + size, '\n'));
    // Taller than the screen, leaving a line for the prompt.
    if (screen_rows_ > 0 && lines_ >= screen_rows_ - 1) open_pager();
    return size;
}

PagerBuffer::int_type PagerBuffer::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    char ch = traits_type::to_char_type(c);
    xsputn(&ch, 1);
    return c;
}

int PagerBuffer::sync() {
    if (pager_ != nullptr) std::fflush(pager_);
    return 0;
}

void PagerBuffer::finish() {
    if (pager_ != nullptr) {
        ::pclose(pager_);
        pager_ = nullptr;
    } else if (!kept_.empty()) {
        write_stdout(kept_);
    }
    kept_.clear();
    lines_ = 0;
    pager_failed_ = false;
}

}  // namespace covet::cli
