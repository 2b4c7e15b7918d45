#!/usr/bin/python3
"""harness.py: the harness itself, on a small Python program instead of
yibao: text in the locale's encoding reaches the screen (GB18030's
four-byte 𠇔 included), keys reach the program encoded as the terminal
sends them, a resize reaches it as SIGWINCH with the new size, and the
exit status comes back.  In zh_CN.UTF-8 and zh_CN.GB18030 through pyte,
and through tmux."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402

# The program: says its size and every line it reads, as hex, until "quit".
CHILD = r"""
import os, signal, sys, termios, tty, fcntl, struct
def size():
    r, c, _, _ = struct.unpack("HHHH", fcntl.ioctl(0, termios.TIOCGWINSZ, b"\0" * 8))
    return "%dx%d" % (c, r)
def say(text):
    os.write(1, text.encode(sys.stdout.encoding))
def winch(*a):
    say("size " + size() + "\r\n")
signal.signal(signal.SIGWINCH, winch)
tty.setraw(0)
say("\u5218\u4dae \u5218\U000201d4 \u738b\u3007 size " + size() + "\r\n")
buf = b""
while True:
    try:
        b = os.read(0, 64)
    except InterruptedError:
        continue
    buf += b
    if b"\r" in buf:
        line, buf = buf.split(b"\r", 1)
        if line == b"quit":
            sys.exit(3)
        if line == b"over":     # narrow characters over half a wide one
            say("\x1b[20;1H\u4e2d\u6587ab\x1b[20;2H|"
                "\x1b[21;1H\u4e2d\u6587ab\x1b[21;1H|\x1b[1;1H")
            continue
        say("got " + line.hex() + "\r\n")
"""


def exercise(env, term, codec):
    term.wait_for("刘䶮 刘𠇔 王〇 size 80x24")
    # Wide characters take two columns each: "size" starts at column 15.
    row = term.row(0)
    env.check("columns", 15, tuitest.width(row[:row.index("size")]))
    term.send("刘𠇔\r")
    want = "got " + "刘𠇔".encode(codec).hex()
    term.wait_for(want)
    env.check("typed in " + codec, True, want in term.text())
    term.key("F2")
    term.key("Enter")
    term.wait_for("got 1b4f51")
    # A dialog's edge drawn over half of a Hanzi blanks the other half, as
    # xterm does (pyte's own rendering fails there; tmux's capture keeps
    # the Hanzi and shifts the line, so it is not checked).
    if isinstance(term, tuitest.PtyTerm):
        term.send("over\r")
        term.wait_for("| 文ab")
        env.check("over the second half", " |文ab", term.row(19))
        env.check("over the first half", "| 文ab", term.row(20))
    term.resize(100, 30)
    term.wait_for("size 100x30")
    term.send("quit\r")
    env.check("exit status", 3, term.wait_exit())


def test(env):
    child = ["-c", CHILD]
    for locale in ("zh_CN.UTF-8", "zh_CN.GB18030"):
        env.locale = locale
        env.vars["LC_ALL"] = env.vars["LANG"] = locale
        term = tuitest.PtyTerm(env, child, program="/usr/bin/python3",
                               extra={"PYTHONIOENCODING":
                                      tuitest.codec_of(locale)})
        exercise(env, term, tuitest.codec_of(locale))
    env.locale = "zh_CN.UTF-8"
    env.vars["LC_ALL"] = env.vars["LANG"] = env.locale
    term = tuitest.TmuxTerm(env, child, program="/usr/bin/python3",
                            extra={"PYTHONIOENCODING": "utf-8"})
    exercise(env, term, "utf-8")


tuitest.run(test, tuitest.Env())
