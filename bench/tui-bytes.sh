#!/bin/sh
# bench/tui-bytes.sh [YIBAO]: what the interface costs a slow link.
#
# Runs the real binary in a pseudo-terminal of 80x24 (TERM=xterm, by
# default, or $TERM_BENCH) and counts the bytes it writes for:
#   - the first screen (login), and the time until it is complete;
#   - moving between two form fields (Tab on the login form), and back;
#   - typing one character into a field, and one Hanzi;
#   - logging in (the main menu replaces the login form);
#   - moving in the menu (Down);
#   - a full redraw of 80x24 (Ctrl-L);
#   - a resize to 100x30.
# A step's output is what arrives until the program has been quiet for
# 300 ms.  Goal (issue 7): moving between two fields sends at most 64 bytes.
set -eu
YIBAO=${1:-./yibao}
[ -x "$YIBAO" ] || { echo "usage: bench/tui-bytes.sh [path/to/yibao]" >&2; exit 2; }
T=$(mktemp -d "${TMPDIR:-/tmp}/yibao-bytes-XXXXXX")
trap 'rm -rf "$T"' EXIT
echo secret >"$T/pw"
"$YIBAO" --db "$T/b.db" init --site 370402 --admin admin --password-file "$T/pw" >/dev/null

YIBAO="$YIBAO" DB="$T/b.db" python3 - <<'PY'
import os, pty, select, struct, fcntl, termios, time, signal, sys

def winsize(fd, rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

env = dict(os.environ, LC_ALL="C.UTF-8", TERM=os.environ.get("TERM_BENCH", "xterm"),
           YIBAO_TODAY="2021-06-01", YIBAO_ESCDELAY="100", NO_COLOR="1")
env.pop("YIBAO_OPERATOR", None)
pid, fd = pty.fork()
if pid == 0:
    os.execve(env["YIBAO"], [env["YIBAO"], "--db", env["DB"]], env)
winsize(fd, 24, 80)

def drain(quiet=0.3, limit=5.0):
    """Bytes until the program is quiet for `quiet` seconds."""
    out = b""
    end = time.time() + limit
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    return out

def first_screen():
    t0 = time.time()
    out = b""
    while b"Password" not in out and time.time() - t0 < 5:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            out += os.read(fd, 65536)
    t1 = time.time()
    out += drain()
    return out, (t1 - t0) * 1000

rows = []
out, ms = first_screen()
rows.append(("first screen (login)", len(out), "%.0f ms" % ms))

def step(name, keys, resize=None):
    if resize:
        winsize(fd, *resize)
        os.kill(pid, signal.SIGWINCH)
    if keys:
        os.write(fd, keys)
    out = drain()
    rows.append((name, len(out), ""))
    return out

step("type one character (a)", b"a")
step("type one Hanzi (张)", "张".encode())
step("Backspace twice", b"\x7f\x7f")
step("move to the next field (Tab)", b"\t")
step("move to the previous field (Shift-Tab)", b"\x1b[Z")
step("move to the next field (Down)", b"\x1b[B")
step("log in (the menu replaces the form)", b"\x1b[A" + b"admin\rsecret\r")
step("move in the menu (Down)", b"\x1b[B")
step("full redraw 80x24 (Ctrl-L)", b"\x0c")
step("resize to 100x30", None, (30, 100))
step("resize back to 80x24", None, (24, 80))
os.kill(pid, signal.SIGTERM)
os.waitpid(pid, 0)
w = max(len(r[0]) for r in rows)
print("%-*s  %6s  %s" % (w, "step (80x24, TERM=%s)" % env["TERM"], "bytes", ""))
for name, n, extra in rows:
    print("%-*s  %6d  %s" % (w, name, n, extra))
PY
