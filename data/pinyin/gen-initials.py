#!/usr/bin/env python3
"""Generate data/pinyin/initials.inc: pinyin initials of Han characters.

Usage:
    python3 data/pinyin/gen-initials.py \\
        [/usr/share/unicode/Unihan_Readings.txt.bz2 [data/pinyin/initials.inc]]

Reads Unihan_Readings.txt (plain or .bz2; Debian package unicode-data) and
writes a C table, included by src/core/pinyin.c, from code point to the
first letters of its Mandarin readings.  The output depends only on the
input file: run it again on the same file and nothing changes.

Readings, and why each source is read:
  kMandarin      the canonical letter: its first value is the most common
                 reading (UAX #38), and it covers nearly every character
                 that has a reading at all.
  kHanyuPinlu    more common readings, with frequencies (剎 chà).
  kXHC1983       现代汉语词典 and 通用规范汉字字典: the other readings of
  kTGHZ2013      polyphonic characters, which surnames often take
                 (单 shàn, 区 ōu, 曾 zēng, 解 xiè).
  kHanyuPinyin   汉语大字典: readings of rare characters.
A character without kMandarin takes its canonical letter from the first
reading of the next source in that order.  SUPPLEMENT below adds what the
Unihan file lacks.

Table layout (see the comment written at the top of the output):
  - one byte per code point: '.' no reading, 'a'-'z' the only initial,
    'A'-'Z' the canonical initial of a character with others;
  - code points in blocks of 1 << BLOCK_SHIFT; identical blocks (mostly the
    empty one) are stored once, and an index maps cp >> BLOCK_SHIFT to a
    block;
  - characters with several initials have their full bitmask (bit 0 = 'a')
    in a list sorted by code point, searched by bisection.
"""

import bz2
import os
import sys
import unicodedata

DEFAULT_INPUT = "/usr/share/unicode/Unihan_Readings.txt.bz2"
DEFAULT_OUTPUT = "data/pinyin/initials.inc"

# 128 made the smallest table for Unihan 15.0 (64: more index, 256: more
# partly empty blocks).
BLOCK_SHIFT = 7
BLOCK_SIZE = 1 << BLOCK_SHIFT

# Fields in the order they are trusted for the canonical reading.
FIELDS = ("kMandarin", "kHanyuPinlu", "kXHC1983", "kTGHZ2013", "kHanyuPinyin")

# Characters used in names whose readings Unihan 15.0 does not give.
# U+3007 〇 is not a unified ideograph, so Unihan 15.0 has no entry for it
# at all; 现代汉语词典 reads it líng.
SUPPLEMENT = {
    0x3007: ["líng"],
}


def open_input(path):
    if path.endswith(".bz2"):
        return bz2.open(path, "rt", encoding="utf-8")
    return open(path, "rt", encoding="utf-8")


def split_readings(field, value):
    """The readings of one field value, in the order given."""
    if field == "kMandarin":
        return value.split()
    if field == "kHanyuPinlu":
        # "r(3254) ér(581)": a bare "r" is the 儿化 suffix, not a syllable
        # a name starts with.
        readings = [entry.split("(")[0] for entry in value.split()]
        return [r for r in readings if r != "r"]
    # kHanyuPinyin, kXHC1983, kTGHZ2013: "loc[,loc...]:reading[,reading...]"
    # entries separated by spaces; kXHC1983 locations may carry a '*'.
    readings = []
    for entry in value.split():
        readings.extend(entry.split(":", 1)[1].split(","))
    return readings


def initial(reading):
    """The first letter of a reading, without its tone mark (ǎ -> a, ḿ -> m)."""
    letter = unicodedata.normalize("NFD", reading)[0].lower()
    if not "a" <= letter <= "z":
        raise ValueError("reading %r does not start with a letter" % reading)
    return letter


def read_unihan(path):
    """Code point -> {field: [readings]}, and the file's header lines."""
    chars = {}
    header = []
    with open_input(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                if line.startswith(("# Date:", "# Unicode version:")):
                    header.append(line[2:])
                continue
            if not line:
                continue
            cp, field, value = line.split("\t", 2)
            if field in FIELDS:
                readings = split_readings(field, value)
                if readings:
                    chars.setdefault(int(cp[2:], 16), {})[field] = readings
    return chars, header


def initials(chars):
    """Code point -> (canonical letter, bitmask of all initial letters)."""
    table = {}
    for cp, fields in chars.items():
        letters = []
        for field in FIELDS:
            letters.extend(initial(r) for r in fields.get(field, ()))
        mask = 0
        for letter in letters:
            mask |= 1 << (ord(letter) - ord("a"))
        table[cp] = (letters[0], mask)
    for cp, readings in SUPPLEMENT.items():
        if cp in table:
            raise ValueError("U+%04X is in Unihan now: drop it from "
                             "SUPPLEMENT" % cp)
        letters = [initial(r) for r in readings]
        mask = 0
        for letter in letters:
            mask |= 1 << (ord(letter) - ord("a"))
        table[cp] = (letters[0], mask)
    return table


def cell(entry):
    if entry is None:
        return "."
    letter, mask = entry
    if mask == 1 << (ord(letter) - ord("a")):
        return letter
    return letter.upper()


def build(table):
    """Blocks (strings), the index, and the sorted list of polyphones."""
    nindex = (max(table) >> BLOCK_SHIFT) + 1
    blocks = ["." * BLOCK_SIZE]
    first_use = [None]
    where = {blocks[0]: 0}
    index = []
    for hi in range(nindex):
        base = hi << BLOCK_SHIFT
        block = "".join(cell(table.get(base + i)) for i in range(BLOCK_SIZE))
        if block not in where:
            where[block] = len(blocks)
            blocks.append(block)
            first_use.append(base)
        index.append(where[block])
    alts = [(cp, mask) for cp, (letter, mask) in sorted(table.items())
            if mask != 1 << (ord(letter) - ord("a"))]
    return blocks, first_use, index, alts


def emit(out, header, table, blocks, first_use, index, alts):
    w = out.write
    size_index = 2 * len(index)
    size_blocks = (BLOCK_SIZE + 1) * len(blocks)
    size_alts = 8 * len(alts)
    w("/*\n"
      " * initials.inc: first letters of the Mandarin readings of Han\n"
      " * characters, for finding a person by pinyin initials (张三 -> zs).\n"
      " *\n"
      " * GENERATED by data/pinyin/gen-initials.py: do not edit.  From\n"
      " * Unihan_Readings.txt (Debian package unicode-data), header:\n")
    for line in header:
        w(" *   %s\n" % line)
    w(" * Regenerate from the top of the source tree with\n"
      " *   python3 data/pinyin/gen-initials.py \\\n"
      " *       /usr/share/unicode/Unihan_Readings.txt.bz2 \\\n"
      " *       data/pinyin/initials.inc\n"
      " *\n"
      " * Canonical reading: the first of kMandarin.  Other initials: the\n"
      " * rest of kMandarin, kHanyuPinlu, kXHC1983, kTGHZ2013, kHanyuPinyin.\n"
      " *\n"
      " * pinyin_blocks[pinyin_block_index[cp >> PINYIN_BLOCK_SHIFT]]\n"
      " * [cp & PINYIN_BLOCK_MASK] is '.' (no reading), 'a'-'z' (the only\n"
      " * initial), or 'A'-'Z' (the canonical initial of a character that\n"
      " * has others: its bitmask, bit 0 = 'a', is in pinyin_alts, sorted\n"
      " * by code point).  Code points from PINYIN_INDEX_LEN << shift up\n"
      " * have no reading.\n"
      " *\n"
      " * %d characters, %d with several initials; %d blocks.\n"
      " * Size: index %d + blocks %d + alternatives %d = %d bytes.\n"
      " */\n\n"
      % (len(table), len(alts), len(blocks), size_index, size_blocks,
         size_alts, size_index + size_blocks + size_alts))
    w("#define PINYIN_BLOCK_SHIFT %d\n" % BLOCK_SHIFT)
    w("#define PINYIN_BLOCK_MASK 0x%X\n" % (BLOCK_SIZE - 1))
    w("#define PINYIN_INDEX_LEN %d\n\n" % len(index))

    w("static const uint16_t pinyin_block_index[PINYIN_INDEX_LEN] = {\n")
    for i in range(0, len(index), 16):
        w("\t" + ",".join(str(b) for b in index[i:i + 16]) + ",\n")
    w("};\n\n")

    # One byte more than a block for the string's NUL.
    w("static const char pinyin_blocks[%d][%d] = {\n"
      % (len(blocks), BLOCK_SIZE + 1))
    for n, block in enumerate(blocks):
        if first_use[n] is None:
            where = "no reading"
        else:
            where = "from U+%04X" % first_use[n]
        w("\t/* %d: %s */\n\t\"%s\",\n" % (n, where, block))
    w("};\n\n")

    w("static const struct pinyin_alt {\n"
      "\tuint32_t cp;\n"
      "\tuint32_t mask;\n"
      "} pinyin_alts[%d] = {\n" % len(alts))
    for i in range(0, len(alts), 4):
        w("\t" + " ".join("{0x%X,0x%X}," % a for a in alts[i:i + 4]) + "\n")
    w("};\n")


def main(argv):
    if len(argv) > 3:
        sys.stderr.write(__doc__)
        return 2
    path = argv[1] if len(argv) > 1 else DEFAULT_INPUT
    output = argv[2] if len(argv) > 2 else DEFAULT_OUTPUT
    chars, header = read_unihan(path)
    table = initials(chars)
    blocks, first_use, index, alts = build(table)
    # Write to a temporary name first: never leave half a table behind.
    tmp = output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        emit(out, header, table, blocks, first_use, index, alts)
    os.replace(tmp, output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
