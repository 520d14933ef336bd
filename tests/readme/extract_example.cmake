# Writes README.md's compiled C++ example to OUTPUT: the ```cpp block right
# after the line "<!-- compiled by tests/readme/extract_example.cmake -->".
#   cmake -DREADME=README.md -DOUTPUT=readme_example.cpp -P extract_example.cmake
#   -DMARKER=typed: the block after "<!-- compiled by tests/readme/extract_example.cmake: typed -->"
file(READ "${README}" text)
if(MARKER)
  set(marker "<!-- compiled by tests/readme/extract_example.cmake: ${MARKER} -->\n```cpp\n")
else()
  set(marker "<!-- compiled by tests/readme/extract_example.cmake -->\n```cpp\n")
endif()
string(FIND "${text}" "${marker}" start)
if(start EQUAL -1)
  message(FATAL_ERROR "${README}: no C++ block after the compiled-example marker")
endif()
string(LENGTH "${marker}" marker_length)
math(EXPR start "${start} + ${marker_length}")
string(SUBSTRING "${text}" ${start} -1 rest)
string(FIND "${rest}" "\n```" end)
if(end EQUAL -1)
  message(FATAL_ERROR "${README}: the compiled C++ block is not closed")
endif()
math(EXPR end "${end} + 1")
string(SUBSTRING "${rest}" 0 ${end} code)
# Rewritten only when it changed, so that an unrelated README edit rebuilds nothing.
file(WRITE "${OUTPUT}.new" "${code}")
file(COPY_FILE "${OUTPUT}.new" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.new")
