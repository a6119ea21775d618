#!/usr/bin/env python3
"""code_shape.py: the rules of the source's shape (issue 13, HACKING.md),
checked so they keep holding:

  1. no file under src/ over 700 lines;
  2. no function over 80 lines, except the flat switches named in
     SWITCHES (each must still exist and stay under 150);
  3. the scene places nothing itself: render/screens.c and
     render/captions.c hold no float literal other than 0.5 (rounding)
     and 2.0 (halving), and no "x * 6 / 5"-style ratio: every position and
     size comes from core/layout.c;
  4. core/ is SDL-free: no file there includes an SDL header.

Usage: code_shape.py SRC_DIR. Prints one line per breach, then a count;
exit 1 when there is any.
"""
import os
import re
import sys

FILE_MAX = 700
FUNC_MAX = 80
SWITCH_MAX = 150
# Flat switches over one key or option each (the issue allows them).
SWITCHES = {
    ("core/config.c", "set_key"): "one case per kiosk.ini key",
    ("app/cli.c", "sk_cli_parse"): "one case per command-line option",
    ("tools/sprite_baker.c", "main"): "the baker's options, one case each",
}
NO_LAYOUT = ("render/screens.c", "render/captions.c")
FLOAT_OK = {"0.5", "0.5f", "2.0", "2.0f", "255.0f"}   # rounding, halving, alpha scale
FLOAT = re.compile(r"(?<![\w.])(\d+\.\d+f?)(?![\w.])")
RATIO = re.compile(r"\*\s*\d+\s*/\s*\d+")
FUNC_START = re.compile(r"^[A-Za-z_][\w \t\*]*?\b(\w+)\s*\([^;]*$")


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    text = re.sub(r'"(\\.|[^"\\])*"', '""', text)
    return re.sub(r"//[^\n]*", "", text)


def functions(lines):
    """(name, first line, length) of each top-level function: a line at
    column 0 naming it, its body from a '{' (at column 0, or ending the
    signature's line) to the '}' at column 0. A ';' before the body makes
    it a prototype; an '=' before the '(' a table."""
    name, start, body = None, 0, False
    for i, line in enumerate(lines, 1):
        if body:
            if line.startswith("}"):
                yield name, start, i - start
                name, body = None, False
            continue
        m = FUNC_START.match(line)
        if m and not line.startswith(("typedef", "#")) and "=" not in line.split("(")[0]:
            name, start = m.group(1), i
            body = line.rstrip().endswith("{")
        elif name and line.startswith("{"):
            body = True
        elif name and ";" in line:
            name = None


def main(src):
    bad = []
    seen_switches = set()
    for root, _, files in os.walk(src):
        for f in sorted(files):
            if not f.endswith((".c", ".h")):
                continue
            path = os.path.join(root, f)
            rel = os.path.relpath(path, src)
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            lines = text.split("\n")
            if len(lines) - 1 > FILE_MAX:
                bad.append("%s: %d lines (at most %d: split it by job)" % (rel, len(lines) - 1, FILE_MAX))
            code = strip_comments(text).split("\n")
            for name, at, n in functions(code):
                if (rel, name) in SWITCHES:
                    seen_switches.add((rel, name))
                    if n > SWITCH_MAX:
                        bad.append("%s:%d: %s is %d lines (a flat switch, at most %d)" % (rel, at, name, n, SWITCH_MAX))
                elif n > FUNC_MAX:
                    bad.append("%s:%d: %s is %d lines (at most %d)" % (rel, at, name, n, FUNC_MAX))
            if rel in NO_LAYOUT:
                for k, line in enumerate(code, 1):
                    if line.lstrip().startswith("#define"):
                        continue   # a named constant says what it is
                    for lit in FLOAT.findall(line):
                        if lit not in FLOAT_OK:
                            bad.append("%s:%d: geometry literal %s (belongs in core/layout.c)" % (rel, k, lit))
                    for r in RATIO.findall(line):
                        bad.append("%s:%d: size ratio '%s' (belongs in core/layout.c)" % (rel, k, r))
            if rel.startswith("core" + os.sep):
                for k, line in enumerate(code, 1):
                    if re.match(r'\s*#\s*include\s*[<"]SDL', line):
                        bad.append("%s:%d: includes SDL (core/ is SDL-free)" % (rel, k))
    for key, why in SWITCHES.items():
        if key not in seen_switches:
            bad.append("%s: no function %s (SWITCHES names it: %s): update the list" % (key[0], key[1], why))
    for b in bad:
        print(b)
    print("%d breach(es) of the source's shape in %s" % (len(bad), src))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "src"))
