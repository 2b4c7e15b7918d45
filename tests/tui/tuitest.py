"""tuitest.py: drive the real yibao binary behind a real terminal emulator.

Two terminals with one interface, so a test is written once:

  PtyTerm   the program in a pseudo-terminal (pty.fork) of a given size and
            locale; its bytes decoded with the locale's codec (utf-8 or
            gb18030) into a pyte screen.  Keys typed are encoded the same way.
  TmuxTerm  the program in a detached tmux session (new-session -x -y),
            keys by send-keys, the screen by capture-pane -p (UTF-8 only).

Both: send(text), key(name), wait_for(text), wait_gone(text), text(),
row(n), resize(cols, rows), wait_exit().  A wait that times out fails the
test with the screen as it was.  Env() makes the same surroundings as
tests/cli/lib.sh: a temporary folder, YIBAO_TODAY=2021-06-01, the Chinese
catalog compiled from po/zh_CN.po, NO_COLOR unless asked otherwise.

Run by Debian's /usr/bin/python3 with python3-pyte (./bootstrap installs it).
"""

import codecs
import fcntl
import os
import pty
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

try:
    import pyte
except ImportError:             # pragma: no cover - a setup problem
    pyte = None

TIMEOUT = float(os.environ.get("YIBAO_TUI_TIMEOUT", "10"))
ESC_WAIT = 0.3                  # > YIBAO_ESCDELAY below

# xterm's keys (TERM=xterm), which tmux's send-keys names too.
KEYS = {
    "F1": "\x1bOP", "F2": "\x1bOQ", "F3": "\x1bOR", "F4": "\x1bOS",
    "F5": "\x1b[15~", "F6": "\x1b[17~", "F7": "\x1b[18~", "F8": "\x1b[19~",
    "F9": "\x1b[20~", "F10": "\x1b[21~", "F11": "\x1b[23~",
    "F12": "\x1b[24~",
    "Up": "\x1b[A", "Down": "\x1b[B", "Right": "\x1b[C", "Left": "\x1b[D",
    "Home": "\x1b[H", "End": "\x1b[F", "PgUp": "\x1b[5~", "PgDn": "\x1b[6~",
    "Delete": "\x1b[3~", "Tab": "\t", "BTab": "\x1b[Z", "Enter": "\r",
    "Esc": "\x1b", "Backspace": "\x7f",
}
TMUX_KEYS = {"PgUp": "PPage", "PgDn": "NPage", "Delete": "DC",
             "Backspace": "BSpace", "Esc": "Escape"}

CODECS = {"UTF-8": "utf-8", "GB18030": "gb18030"}


class Failure(Exception):
    """A check failed: the message says what and shows the screen."""


def width(text):
    """Display columns of text, as the terminal counts them."""
    import wcwidth              # pyte's own dependency
    return wcwidth.wcswidth(text)


def codec_of(locale):
    charset = locale.split(".", 1)[1] if "." in locale else "UTF-8"
    return CODECS.get(charset.upper().replace("UTF8", "UTF-8"), "utf-8")


class Env:
    """The surroundings of one test, removed at the end (close())."""

    def __init__(self, locale="zh_CN.UTF-8", no_color=True):
        self.yibao = os.environ.get("YIBAO")
        self.srcdir = os.environ.get("top_srcdir")
        if not self.yibao or not self.srcdir:
            sys.exit("set YIBAO and top_srcdir (make check does)")
        if pyte is None:
            sys.exit("FAIL: python3-pyte is missing: run ./bootstrap as "
                     "root (apt-get install python3-pyte)")
        self.dir = tempfile.mkdtemp(prefix="yibao-tui-",
                                    dir=os.environ.get("TMPDIR", "/tmp"))
        self.locale = locale
        need_locale(locale)
        mo = os.path.join(self.dir, "locale", "zh_CN", "LC_MESSAGES")
        os.makedirs(mo)
        subprocess.run(["msgfmt", "-o", os.path.join(mo, "yibao.mo"),
                        os.path.join(self.srcdir, "po", "zh_CN.po")],
                       check=True)
        self.vars = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": os.path.join(self.dir, "home"),
            "TMPDIR": self.dir,
            "YIBAO_TODAY": "2021-06-01",
            "YIBAO_LOCALEDIR": os.path.join(self.dir, "locale"),
            "YIBAO_POLICY_DIR": os.environ.get(
                "YIBAO_POLICY_DIR",
                os.path.join(self.srcdir, "data", "policy")),
            "LC_ALL": locale,
            "LANG": locale,
            # A lone Esc is told from Esc-digit (= F-digit) after this long;
            # key("Esc") waits longer before the next key.
            "YIBAO_ESCDELAY": "100",
        }
        if no_color:
            self.vars["NO_COLOR"] = "1"
        self.passes = 0
        self.fails = 0
        self.terms = []

    def path(self, name):
        return os.path.join(self.dir, name)

    def cli(self, *args, operator=None, password=None, check=True):
        """Run `yibao ARGS` in C.UTF-8 (English, exact): (status, out, err)."""
        env = dict(self.vars, LC_ALL="C.UTF-8", LANG="C.UTF-8")
        if operator is not None:
            pw = self.path("pw-" + operator)
            with open(pw, "w") as f:
                f.write(password + "\n")
            env["YIBAO_OPERATOR"] = operator
            env["YIBAO_PASSWORD_FILE"] = pw
        p = subprocess.run([self.yibao] + list(args), env=env,
                           stdin=subprocess.DEVNULL, capture_output=True)
        out = p.stdout.decode("utf-8", "replace")
        if check and p.returncode != 0:
            raise Failure("yibao %s: exit %d\n%s%s" % (
                " ".join(args), p.returncode, out,
                p.stderr.decode("utf-8", "replace")))
        return p.returncode, out, p.stderr.decode("utf-8", "replace")

    def demo_db(self, name="demo.db"):
        """The demonstration county in a kept file: its path."""
        db = self.path(name)
        self.cli("--demo", "--db", db)
        return db

    def check(self, name, want, got):
        if want == got:
            self.passes += 1
        else:
            self.fails += 1
            print("FAIL: %s\n--- want\n%s\n--- got\n%s\n---" % (name, want,
                                                               got))

    def close(self):
        for t in self.terms:
            t.kill()
        shutil.rmtree(self.dir, ignore_errors=True)

    def finish(self):
        print("%d passed, %d failed" % (self.passes, self.fails))
        self.close()
        sys.exit(1 if self.fails else 0)


def need_locale(locale):
    names = subprocess.run(["locale", "-a"], capture_output=True,
                           text=True).stdout.split()
    want = locale.lower().replace("-", "")
    if not any(n.lower().replace("-", "") == want for n in names):
        sys.exit("FAIL: locale %s is missing: run ./bootstrap as root" %
                 locale)


if pyte is not None:
    class Screen(pyte.Screen):
        """pyte's screen with what ncurses uses of xterm and pyte 0.8
        lacks: REP (CSI n b, the last character n times more) and SU / SD
        (CSI n S / T, scroll the region up / down n lines)."""

        last = ""

        def draw(self, data):
            if data:
                self.last = data[-1]
            super().draw(data)

        def repeat_last(self, count=1, *args, **kwargs):
            if self.last:
                super().draw(self.last * max(count, 1))

        def _scroll(self, count, up):
            y, x = self.cursor.y, self.cursor.x
            top, bottom = self.margins or (0, self.lines - 1)
            self.cursor.y = bottom if up else top
            for _ in range(max(count, 1)):
                if up:
                    self.index()
                else:
                    self.reverse_index()
            self.cursor.y, self.cursor.x = y, x

        def scroll_up(self, count=1, *args, **kwargs):
            self._scroll(count, True)

        def scroll_down(self, count=1, *args, **kwargs):
            self._scroll(count, False)

    class Stream(pyte.Stream):
        csi = dict(pyte.Stream.csi, b="repeat_last", S="scroll_up",
                   T="scroll_down")


class Term:
    """What both terminals share: waiting on the screen."""

    cols = 80
    rows = 24

    def wait_for(self, text, timeout=None):
        """Wait until `text` (or one of a tuple of texts: a mark such as
        "?" is "？" in Chinese) is on the screen; the screen's text."""
        end = time.monotonic() + (timeout or TIMEOUT)
        texts = text if isinstance(text, tuple) else (text,)
        while True:
            screen = self.text()
            if any(x in screen for x in texts):
                return screen
            if time.monotonic() > end:
                raise Failure("waited %.0f s for %r; the screen:\n%s" % (
                    timeout or TIMEOUT, text, self.dump()))
            self.pump(0.05)

    def wait_gone(self, text, timeout=None):
        end = time.monotonic() + (timeout or TIMEOUT)
        while text in self.text():
            if time.monotonic() > end:
                raise Failure("waited for %r to go; the screen:\n%s" % (
                    text, self.dump()))
            self.pump(0.05)
        return self.text()

    def settle(self, quiet=0.3, timeout=None):
        """Wait until the program has written nothing for `quiet` seconds."""
        end = time.monotonic() + (timeout or TIMEOUT)
        last = self.text()
        calm = time.monotonic()
        while time.monotonic() < end:
            self.pump(0.05)
            now = self.text()
            if now != last:
                last, calm = now, time.monotonic()
            elif time.monotonic() - calm >= quiet:
                return now
        return last

    def after_key(self, name):
        """A lone Esc must be read and acted on before the next key, or
        the program sees Esc-digit (F-digit) or Esc-letter (Alt)."""
        if name == "Esc":
            self.pump(ESC_WAIT)
            self.settle(ESC_WAIT)
        else:
            self.pump(0.02)

    def row(self, n):
        return self.text().split("\n")[n]

    def dump(self):
        lines = self.text().split("\n")
        return "\n".join("%2d|%s" % (i, l) for i, l in enumerate(lines))

    def keys(self, *names):
        for n in names:
            self.key(n)


class PtyTerm(Term):
    """The program in a pseudo-terminal, read by pyte."""

    def __init__(self, env, args, cols=80, rows=24, extra=None,
                 program=None):
        self.env = env
        env.terms.append(self)
        program = program or env.yibao
        self.codec = codec_of(env.locale)
        self.cols, self.rows = cols, rows
        self.screen = Screen(cols, rows)
        self.stream = Stream(self.screen)
        self.decoder = codecs.getincrementaldecoder(self.codec)("replace")
        self.raw = bytearray()
        self.status = None
        vars = dict(env.vars, TERM=os.environ.get("YIBAO_TUI_TERM", "xterm"),
                    COLUMNS="", LINES="")
        if extra:
            vars.update(extra)
        vars = {k: v for k, v in vars.items() if v != ""}
        pid, fd = pty.fork()
        if pid == 0:
            winsize = struct.pack("HHHH", rows, cols, 0, 0)
            fcntl.ioctl(0, termios.TIOCSWINSZ, winsize)
            try:
                os.execve(program, [program] + list(args), vars)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd

    def pump(self, wait):
        """Read what the program wrote within `wait` seconds."""
        if self.fd is None:
            time.sleep(wait)
            return
        r, _, _ = select.select([self.fd], [], [], wait)
        while r:
            try:
                data = os.read(self.fd, 65536)
            except OSError:     # EIO: the program has ended
                data = b""
            if not data:
                self.reap(block=True)
                os.close(self.fd)
                self.fd = None
                return
            self.raw += data
            self.stream.feed(self.decoder.decode(data))
            r, _, _ = select.select([self.fd], [], [], 0)

    def text(self):
        """The screen as text.  Not pyte's Screen.display, which fails
        (IndexError) where a narrow character was written over half of a
        wide one: a real terminal blanks the other half, and so does this."""
        lines = []
        for y in range(self.screen.lines):
            row, out, stub = self.screen.buffer[y], [], False
            for x in range(self.screen.columns):
                data = row[x].data
                if stub:
                    stub = False
                    if data == "":
                        continue
                    out[-1] = " "   # its second half was written over
                if data == "":
                    out.append(" ")
                    continue
                out.append(data)
                stub = width(data[0]) == 2
            lines.append("".join(out).rstrip())
        return "\n".join(lines)

    def send(self, text):
        """Type text as the terminal would send it in this locale."""
        os.write(self.fd, text.encode(self.codec))
        self.pump(0.02)

    def key(self, name):
        os.write(self.fd, KEYS[name].encode("ascii"))
        self.after_key(name)

    def resize(self, cols, rows):
        self.cols, self.rows = cols, rows
        self.screen.resize(rows, cols)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ,
                    struct.pack("HHHH", rows, cols, 0, 0))
        os.kill(self.pid, signal.SIGWINCH)
        self.pump(0.05)

    def reap(self, block=False):
        if self.status is not None:
            return self.status
        pid, st = os.waitpid(self.pid, 0 if block else os.WNOHANG)
        if pid:
            self.status = os.waitstatus_to_exitcode(st)
        return self.status

    def wait_exit(self, timeout=None):
        """The exit status once the program ends (fails on a timeout)."""
        end = time.monotonic() + (timeout or TIMEOUT)
        while self.reap() is None:
            if time.monotonic() > end:
                self.kill()
                raise Failure("the program did not end; the screen:\n%s" %
                              self.dump())
            self.pump(0.05)
        while self.fd is not None:
            self.pump(0.05)
        return self.status

    def kill(self):
        if self.fd is not None and self.reap() is None:
            os.kill(self.pid, signal.SIGKILL)
            self.reap(block=True)


class TmuxTerm(Term):
    """The program in a detached tmux session on a server of its own."""

    def __init__(self, env, args, cols=80, rows=24, extra=None,
                 program=None):
        if codec_of(env.locale) != "utf-8":
            raise ValueError("tmux tests run in a UTF-8 locale")
        self.env = env
        env.terms.append(self)
        self.cols, self.rows = cols, rows
        self.sock = env.path("tmux-%d" % os.getpid())
        vars = dict(env.vars, TERM="screen")    # tmux's default-terminal
        if extra:
            vars.update(extra)
        cmd = ["env", "-i"] + ["%s=%s" % kv for kv in sorted(vars.items())
                               if kv[1] != ""]
        cmd += [program or env.yibao] + list(args)
        # The exit status in a file: tmux may not have reaped the child yet
        # when the pane shows it dead.
        self.status_file = env.path("tmux-status-%d" % len(env.terms))
        line = "%s; echo $? >%s; sleep 60" % (
            " ".join(shell_quote(c) for c in cmd),
            shell_quote(self.status_file))
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "t",
                  "-x", str(cols), "-y", str(rows), line)
        self.tmux("set-option", "-g", "window-size", "manual")
        self.tmux("set-option", "-g", "escape-time", "0")

    def tmux(self, *args, capture=False):
        env = dict(os.environ, LC_ALL=self.env.locale, LANG=self.env.locale)
        env.pop("TMUX", None)
        p = subprocess.run(["tmux", "-S", self.sock] + list(args), env=env,
                           capture_output=True)
        if p.returncode != 0 and not capture:
            raise Failure("tmux %s: %s" % (" ".join(args),
                                           p.stderr.decode()))
        return p.stdout.decode("utf-8", "replace")

    def pump(self, wait):
        time.sleep(wait)

    def text(self):
        out = self.tmux("capture-pane", "-p", "-t", "t", capture=True)
        lines = [l.rstrip() for l in out.split("\n")[:self.rows]]
        return "\n".join(lines)

    def send(self, text):
        self.tmux("send-keys", "-t", "t", "-l", text)
        self.pump(0.02)

    def key(self, name):
        self.tmux("send-keys", "-t", "t", TMUX_KEYS.get(name, name))
        self.after_key(name)

    def resize(self, cols, rows):
        self.cols, self.rows = cols, rows
        self.tmux("resize-window", "-t", "t", "-x", str(cols), "-y",
                  str(rows))
        self.pump(0.05)

    def wait_exit(self, timeout=None):
        end = time.monotonic() + (timeout or TIMEOUT)
        while True:
            try:
                with open(self.status_file) as f:
                    text = f.read()
                if text.endswith("\n"):
                    self.kill()
                    return int(text)
            except FileNotFoundError:
                pass
            if time.monotonic() > end:
                raise Failure("the program did not end; the screen:\n%s" %
                              self.dump())
            self.pump(0.05)

    def kill(self):
        self.tmux("kill-server", capture=True)


def shell_quote(s):
    if s and all(c.isalnum() or c in "-_./=:,@%+" for c in s):
        return s
    return "'" + s.replace("'", "'\\''") + "'"


def run(test, env):
    """Run test(env); a Failure or an error counts as a failed check."""
    try:
        test(env)
    except Failure as e:
        env.fails += 1
        print("FAIL: %s" % e)
    env.finish()
