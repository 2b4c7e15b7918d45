#!/bin/sh
# bench/tui-speed.sh [ROWS] [RUNS]: the interface on a county of ROWS
# residents (bench/county-db.sh; default 1,000,000), in a pseudo-terminal
# of 80x24, as whole processes:
#   - the first screen: from start to the complete login screen, median of
#     RUNS starts (default 11);
#   - find as you type: logged in, on the find screen, the time from each
#     keystroke to the last byte of the updated list (the program quiet
#     for 100 ms after it), for pinyin initials, a name and the last
#     digits of an ID number typed one key at a time;
#   - the peak resident memory of the whole session (/usr/bin/time).
# Goals (issue 7, DESIGN.md): first screen within 100 ms, the find list
# within 50 ms of a keystroke, the interface under 16 MB resident.
# Run from the build tree (./yibao), or set YIBAO.
set -eu
ROWS=${1:-1000000}
RUNS=${2:-11}
HERE=$(cd "$(dirname "$0")" && pwd)
YIBAO=${YIBAO:-./yibao}
DB=$("$HERE/county-db.sh" "$ROWS")
DIR=$(dirname "$DB")
id=$(sqlite3 "$DB" "SELECT id_number FROM resident ORDER BY id_number
    LIMIT 1 OFFSET $((ROWS / 3))")
name=$(sqlite3 "$DB" "SELECT name FROM resident WHERE id_number = '$id'")
initials=$(sqlite3 "$DB" "SELECT initials FROM resident WHERE id_number = '$id'")

YIBAO="$YIBAO" DB="$DB" RUNS="$RUNS" ID="$id" NAME="$name" \
    INITIALS="$initials" MEM="$DIR/mem" python3 - <<'PY'
import os, pty, select, struct, fcntl, termios, time, signal

E = os.environ
env = dict(E, LC_ALL="C.UTF-8", TERM="xterm", YIBAO_TODAY="2021-06-01",
           YIBAO_ESCDELAY="100", NO_COLOR="1")
for k in ("YIBAO_OPERATOR", "YIBAO_PASSWORD_FILE"):
    env.pop(k, None)

def start(argv):
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd

def read_until(fd, marker, limit=10.0):
    out, t0 = b"", time.monotonic()
    while marker not in out and time.monotonic() - t0 < limit:
        r, _, _ = select.select([fd], [], [], 0.01)
        if r:
            try:
                out += os.read(fd, 65536)
            except OSError:
                break
    return out

def quiet(fd, q=0.1, limit=5.0):
    """Time of the last byte before `q` seconds of quiet."""
    last, t0 = time.monotonic(), time.monotonic()
    while time.monotonic() - t0 < limit:
        r, _, _ = select.select([fd], [], [], q)
        if not r:
            break
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
        last = time.monotonic()
    return last

def stop(pid, fd):
    os.kill(pid, signal.SIGTERM)
    os.waitpid(pid, 0)
    os.close(fd)

def median(v):
    v = sorted(v)
    return v[len(v) // 2]

firsts = []
for i in range(int(E["RUNS"])):
    t0 = time.monotonic()
    pid, fd = start([E["YIBAO"], "--db", E["DB"]])
    read_until(fd, b"Password")
    t1 = quiet(fd, 0.05)
    firsts.append((t1 - t0) * 1000)
    stop(pid, fd)
print("residents: %s" % E["DB"])
print("first screen (login), median of %d starts: %.1f ms (min %.1f, max %.1f)"
      % (len(firsts), median(firsts), min(firsts), max(firsts)))

pid, fd = start(["/usr/bin/time", "-f", "%M", "-o", E["MEM"], E["YIBAO"],
                 "--db", E["DB"]])
read_until(fd, b"Password")
quiet(fd)
os.write(fd, b"admin\rsecret\r")
quiet(fd, 0.3)
os.write(fd, b"1")
quiet(fd, 0.3)

def typed(label, text):
    ms = []
    for ch in text:
        t0 = time.monotonic()
        os.write(fd, ch.encode())
        ms.append((quiet(fd) - t0) * 1000)
    print("find by %-22s %-20s per key: %s ms; slowest %.1f ms" % (
        label, repr(text), ", ".join("%.1f" % m for m in ms), max(ms)))
    for _ in text:
        os.write(fd, b"\x7f")
        quiet(fd)

typed("pinyin initials", E["INITIALS"])
typed("name", E["NAME"])
typed("last digits of an ID", E["ID"][-6:])
os.write(fd, b"\x1b0")
quiet(fd, 0.3)
os.write(fd, b"y")
quiet(fd, 0.3)
try:
    os.waitpid(pid, 0)
except ChildProcessError:
    pass
print("peak resident memory of the session: %s KiB" % open(E["MEM"]).read().split()[-1])
PY
