# Turns a text file into a C array:  cmake -DIN=f -DOUT=f.c -DSYMBOL=name -P embed_text.cmake
# Written as hex so any byte of the file survives, whatever it contains.
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hexlen)
math(EXPR n "${hexlen} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" body "${body}")
file(WRITE "${OUT}" "/* Generated from ${IN} by cmake/embed_text.cmake. Do not edit. */\n#include <stddef.h>\nconst char ${SYMBOL}[] = {\n${body}0x00\n};\nconst size_t ${SYMBOL}_len = ${n};\n")
