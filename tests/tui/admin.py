"""admin.py: the office's administrator and the night on screen, end to
end, on the demo county (zhao/3333 admin, wang/2222 supervisor, li/1111
clerk) on 2021-06-01:

  Operators (0 Other, 4): zhao adds sun (孙出纳, clerk, password 4444
  typed twice) and sun then logs in from the command line; zhao sets
  li's password to 5555 (li logs in with it, not with 1111); zhao
  disables sun, who can no longer log in.  A clerk (li) opening the
  screen is refused with the op's sentence, and sees no list.

  Night sync (9 Data exchange, 5): the demo office 620799 has written no
  file and has 132 changes waiting (one per write transaction of the
  demo's making, `yibao sync status` says the same); the three operator
  changes above add their audit lines: 135.  A folder that does not
  exist is refused beside the field and nothing is written (still 0
  files, 135 waiting).  zhao enters the centre (F7: HUB and its key),
  then writes file 1 into the USB folder: 620799-20210601-1.syn, as the
  name proposed; `yibao sync status` then says 1 file written and 0
  waiting, and the centre made with `yibao hub init` / `hub add-site`
  applies it as office 620799's file 1.  The centre's file back is
  applied on screen (F6) by li with wang's consent: the outcome says
  which of the centre's changes it held.

  A file of claims (9, 4): a bad row and nothing is saved; then the
  good row, its figures by hand, saved by F2.

  Policy (0 Other, 1, F5): zhao makes zhangye-2019 the office's pack
  after the question; the setting and the screen say so.

run(term_class, locale) is called by admin_utf8.py and admin_gb18030.py.
"""
import json
import os
import re
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402

SITE = "620799"


def login(t, who, pw):
    t.wait_for("密码")
    t.send(who)
    t.key("Enter")
    t.send(pw)
    t.key("Enter")
    t.wait_for(" 1 ")


def flat(screen):
    """The body's lines joined by spaces: a wrapped sentence whole."""
    return " ".join(line[1:-1].strip() for line in screen.splitlines()[2:-3])


def seen(t, text):
    t.wait_for(text)
    return t.settle()


def can_log_in(env, who, pw):
    rc, _, _ = env.cli("--db", env.db, "sync", "status", operator=who,
                       password=pw, check=False)
    return rc == 0


def listed(env, who):
    """The operator as `yibao operator list --json` says, in short."""
    _, out, _ = env.cli("--db", env.db, "operator", "list", "--json",
                        operator="zhao", password="3333")
    for o in json.loads(out)["operators"]:
        if o["login"] == who:
            return {k: o[k] for k in ("login", "name", "role", "active")}
    return None


def status(env):
    """`yibao sync status`, lines 1 and 3, as zhao."""
    _, out, _ = env.cli("--db", env.db, "sync", "status", operator="zhao",
                        password="3333")
    lines = out.splitlines()
    return lines[0] + "\n" + lines[2]


def operators(env, t):
    t.send("0")                 # Other
    t.wait_for(" 4 ")
    t.send("4")                 # Operators
    screen = seen(t, "zhao")
    env.check("the list: li, wang, zhao", True,
              screen.index("li ") < screen.index("wang") <
              screen.index("zhao"))

    t.key("F5")                 # add
    t.wait_for("620799")        # (the top line; the form is drawn)
    t.settle()
    t.send("sun")
    t.key("Tab")
    t.send("孙出纳")
    t.key("Tab")
    t.key("Tab")                # role 1: clerk, as proposed
    t.send("4444")
    t.key("Tab")
    t.send("4444")
    t.key("Enter")              # the last field: add
    screen = seen(t, "sun ")
    env.check("sun in the list", True, "孙出纳" in screen)
    env.check("sun added as a clerk", {"login": "sun", "name": "孙出纳",
                                       "role": "clerk", "active": True},
              listed(env, "sun"))
    env.check("sun logs in", True, can_log_in(env, "sun", "4444"))

    # F6 on li (the first row): a new password, typed twice.
    t.key("Home")
    t.key("F6")
    t.settle()
    t.send("5555")
    t.key("Tab")
    t.send("5555")
    t.key("Enter")
    t.wait_gone("5555")
    t.settle()
    env.check("li logs in with the new password", True,
              can_log_in(env, "li", "5555"))
    env.check("not with the old one", False, can_log_in(env, "li", "1111"))

    # F8 on sun (the second row): disabled after the question.
    t.key("Home")
    t.key("Down")
    t.key("F8")
    t.wait_for(("?", "？"))
    t.send("y")
    t.settle()
    env.check("sun can no longer log in", False,
              can_log_in(env, "sun", "4444"))
    env.check("sun disabled, still listed", {"login": "sun", "name": "孙出纳",
                                             "role": "clerk",
                                             "active": False},
              listed(env, "sun"))
    t.key("Esc")                # the list
    t.key("Esc")                # Other
    t.wait_for(" 9 ")


def write_file(env, t, hubkey):
    t.send("9")                 # Data exchange
    t.wait_for(" 6 ")
    t.send("6")                 # Night sync
    screen = seen(t, SITE)
    body = [line[1:-1].rstrip() for line in screen.splitlines()[2:-3]]
    env.check("files written, waiting, applied: on screen",
              ["0", "135", "0"], [x.split()[-1] for x in body[2:5]])
    env.check("the office's key in groups", True,
              " ".join(re.findall("....", env.pk[:32])) in screen)

    # F7: the centre's code and key (zhao is the administrator).
    t.key("F7")
    t.settle()
    t.send("HUB")
    t.key("Tab")
    t.send(hubkey.upper())      # read out: the case does not matter
    t.key("Enter")
    t.wait_gone(hubkey.upper()[:20])
    t.settle()
    env.check("the centre is known", "Office %s; centre: HUB." % SITE,
              status(env).splitlines()[0])

    # F5: a folder that does not exist is refused, nothing written.
    usb = env.path("usb")
    os.mkdir(usb)
    t.key("F5")
    screen = seen(t, "%s-20210601-1.syn" % SITE)
    for _ in range(5):
        t.key("Backspace")      # the proposed "."
    t.send("/nonexistent/usb")
    t.key("Tab")
    t.key("F2")
    screen = t.settle()
    env.check("a bad folder: its sentence", True, "/nonexistent/usb" in
              screen.split("/nonexistent/usb", 1)[1])
    env.check("a bad folder: nothing written",
              "Office %s; centre: HUB.\nFiles written: 0; changes waiting "
              "for the next file: 136; the centre's changes applied: up "
              "to 0." % SITE, status(env))
    t.key("BTab")
    for _ in range(20):
        t.key("Backspace")
    t.send(usb)
    t.key("Tab")
    t.key("Enter")              # the last field: write
    path = os.path.join(usb, "%s-20210601-1.syn" % SITE)
    screen = seen(t, " ".join(re.findall("....", env.pk[:32])))
    env.check("the file is there", True, os.path.exists(path))
    env.check("status after the file",
              "Office %s; centre: HUB.\nFiles written: 1; changes waiting "
              "for the next file: 0; the centre's changes applied: up to "
              "0." % SITE, status(env))
    env.check("its outcome on screen: the file, 1562 changes", True,
              path in flat(screen) and
              re.search(r"(?<!\d)1562(?!\d)", flat(screen)) is not None)
    return path


def hub_round(env, path):
    """The centre applies the file; its file back for this office."""
    _, out, _ = env.cli("--db", env.hub, "hub", "apply", path,
                        operator="admin", password="pw")
    env.check("the centre applies it, the same rows",
              "Applied %s: office %s's file 1, 1562 rows, 0 set aside for "
              "review (yibao hub conflicts)." % (path, SITE), out.strip())
    back = env.path("usb/HUB-%s-1.syn" % SITE)
    _, out, _ = env.cli("--db", env.hub, "hub", "export", "--site", SITE,
                        "-o", back, operator="admin", password="pw")
    return back, out


def apply_back(env, back, hub_said):
    """li applies the centre's file with wang's consent."""
    t = tuitest.PtyTerm(env, ["--db", env.db])
    login(t, "li", "5555")
    t.send("9")
    t.wait_for(" 6 ")
    t.send("6")
    t.wait_for(SITE)
    t.key("F7")                 # not an administrator
    screen = t.settle()
    env.check("a clerk may not enter the centre", True, "li" in
              screen.splitlines()[-2])
    t.key("F6")
    t.settle()
    for _ in range(60):
        t.key("Backspace")
    t.send(back)
    t.key("Enter")
    t.wait_for("wang" if False else ("?", "：", ":"))
    t.send("wang")
    t.key("Enter")
    t.settle()
    t.send("2222")
    t.key("Enter")
    m = re.search(r"changes (\d+) to (\d+)", hub_said)
    # The key's groups are on the status page, not on the form.
    screen = seen(t, " ".join(re.findall("....", env.pk[:32])))
    env.check("the outcome names the centre's changes", True,
              m is not None and re.search(r"(?<!\d)%s(?!\d)" % m.group(2),
                                          flat(screen)) is not None)
    _, out, _ = env.cli("--db", env.db, "sync", "status", operator="zhao",
                        password="3333")
    env.check("the office applied them", True,
              "the centre's changes applied: up to %s." % m.group(2) in out)
    t.key("Esc")
    t.key("Esc")
    t.key("Esc")
    t.wait_for(" 0 ")
    t.send("0")
    t.wait_for(" 4 ")
    t.send("4")                 # Operators: refused
    screen = t.settle()
    env.check("a clerk is refused the operators", True,
              "wang" not in screen and "li" in screen.splitlines()[-2])
    t.key("F10")
    t.wait_for(("?", "？"))
    t.send("y")
    env.check("exit status (li)", 0, t.wait_exit())


def claims(env):
    db = sqlite3.connect(env.db)
    n = db.execute("SELECT count(*) FROM claim").fetchone()[0]
    db.close()
    return n


def batch(env, t):
    """A file of claims: 刘鹏 (paid for 2021) at a level 1 hospital, bill
    12000.00: the deductible 200, (12000 - 200) x 85 % = 10030.00 from
    the fund, 1970.00 his.  With a row of a bad ID number nothing is
    saved; without it, the claim is."""
    good = "620799193110260313,inpatient,2021-05-01,2021-05-08,县人民医院,1,12000\n"
    head = "id,kind,admitted,discharged,hospital,level,total\n"
    with open(env.path("bad-claims.csv"), "w") as f:
        f.write(head + good + good.replace("0313,", "0314,"))
    with open(env.path("claims.csv"), "w") as f:
        f.write(head + good)
    before = claims(env)
    for name in ("bad-claims.csv", "claims.csv"):
        t.send("9")
        t.wait_for(" 6 ")
        t.send("4")             # a file of claims
        t.settle()
        t.send(env.path(name))
        t.key("Enter")
        screen = seen(t, name)
        if name.startswith("bad"):
            env.check("the bad row named by its line", True,
                      re.search(r"(?<!\d)3(?!\d)", flat(screen)) is not
                      None and "620799193110260314" in flat(screen))
            t.key("F2")
            t.settle()
            env.check("a bad row: nothing saved", before, claims(env))
        else:
            env.check("the trial's figures", True,
                      "12000.00  10030.00      0.00      0.00   1970.00"
                      in screen)
            env.check("the trial saves nothing", before, claims(env))
            t.key("F2")
            t.settle()
            env.check("F2 saves the claim", before + 1, claims(env))
        t.key("Esc")            # the preview
        t.key("Esc")            # the form asks: typed
        t.wait_for(("?", "？"))
        t.send("y")
        t.key("Esc")            # data exchange
        t.wait_for(" 0 ")


def policy(env, t):
    t.send("0")
    t.wait_for(" 4 ")
    t.send("1")                 # the policy pack
    t.wait_for("demo.policy")
    db = sqlite3.connect(env.db)
    before = db.execute("SELECT count(*) FROM audit_log WHERE action = "
                        "'policy.use'").fetchone()[0]
    db.close()
    t.key("F5")
    t.wait_for("zhangye-2019")
    t.send("6")                 # the sixth pack, sorted by id
    t.wait_for(("?", "？"))
    t.send("y")
    screen = seen(t, "zhangye-2019:")
    env.check("the screen shows the new pack", True,
              "demo.policy" not in screen)
    db = sqlite3.connect(env.db)
    got = db.execute("SELECT value FROM setting WHERE key = 'policy'"
                     ).fetchone()
    n = db.execute("SELECT count(*) FROM audit_log WHERE action = "
                   "'policy.use'").fetchone()
    db.close()
    env.check("the office's pack", ("zhangye-2019",), got)
    env.check("audited once", (before + 1,), n)
    t.key("Esc")
    t.key("Esc")
    t.wait_for(" 9 ")


def run(term_class, locale):
    env = tuitest.Env(locale=locale)

    def test(env):
        env.db = env.demo_db()
        _, out, _ = env.cli("--db", env.db, "sync", "key", operator="zhao",
                            password="3333")
        env.pk = out.split()[1]
        env.hub = env.path("hub.db")
        with open(env.path("pw-admin"), "w") as f:
            f.write("pw\n")
        env.cli("--db", env.hub, "init", "--site", "HUB", "--admin",
                "admin", "--password-file", env.path("pw-admin"))
        _, out, _ = env.cli("--db", env.hub, "hub", "init",
                            operator="admin", password="pw")
        hubkey = out.split()[-1]
        env.cli("--db", env.hub, "hub", "add-site", SITE, env.pk,
                operator="admin", password="pw")
        env.check("the demo before", "Office %s; centre: not set (yibao "
                  "sync trust-hub).\nFiles written: 0; changes waiting for "
                  "the next file: 132; the centre's changes applied: up to "
                  "0." % SITE, status(env))

        t = term_class(env, ["--db", env.db])
        login(t, "zhao", "3333")
        operators(env, t)
        path = write_file(env, t, hubkey)
        t.key("Esc")            # the sync screen
        t.key("Esc")            # data exchange
        t.wait_for(" 0 ")
        back, said = hub_round(env, path)
        batch(env, t)
        policy(env, t)
        t.key("F10")
        t.wait_for(("?", "？"))
        t.send("y")
        env.check("exit status", 0, t.wait_exit())
        apply_back(env, back, said)
    tuitest.run(test, env)
