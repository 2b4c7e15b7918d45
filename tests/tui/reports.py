"""reports.py: the reports and the data exchange, end to end: read the
payments-by-month report and the enrolment report with their bar charts,
write the enrolment report to a CSV file in GB18030, import a roster with
a bad row and see nothing written, then import it corrected; export a
list and compare it byte for byte with `yibao export`; the policy pack.

The county is the demo's on 2021-06-01 (yibao --demo --db FILE).  The
figures, worked out by hand from what the demo holds:

  Payments by month for 2021: the largest month is 2020-11 with 11108.00
  (44 payments); 2021-06 has li's 4 late payments of 900.00 = 3600.00.
  A bar is 36 columns for the largest month, in eighths of a column:
  3600.00 / 11108.00 x 36 x 8 = 93.3 -> 93 eighths = 11 full blocks and
  a five-eighths block (U+258B); in the ASCII mode 93 / 8 = 11.6 -> 12 '#'.

  Enrolment 2021, 东山乡阳坡村: 29 + 3 = 32 residents, 17 + 3 = 20
  insured: 62.5 %, 625 / 1000 x 288 = 180 eighths = 22 full blocks and a
  half block (U+258C); ASCII (180 + 4) / 8 = 23 '#'.  The office: 160 of
  206, 77.7 %.

In zh_CN.GB18030 glibc counts the block characters two columns wide (as
CJK fonts draw them), so the chart draws '#' there as in the ASCII mode.

run(term_class, locale, ascii) is called by reports_utf8.py,
reports_gb18030.py and reports_ascii.py."""
import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402

NEWBIE = "370402198503150049"   # a valid ID, not in the demo


def bar_line(screen, start):
    """The screen line inside the frame that starts with `start`."""
    for line in screen.splitlines():
        body = line[1:-1].strip() if line else ""
        if body.startswith(start):
            return body
    return None


def seen(t, text):
    """The whole screen once `text` is on it and the drawing is done."""
    t.wait_for(text)
    return t.settle()


def wait_file(path):
    """The file, once the program has renamed it into place."""
    end = time.monotonic() + tuitest.TIMEOUT
    while not os.path.exists(path):
        if time.monotonic() > end:
            raise tuitest.Failure("no file %s" % path)
        time.sleep(0.05)


def login(t):
    t.wait_for("密码")
    t.send("li")
    t.key("Enter")
    t.send("1111")
    t.key("Enter")
    t.wait_for(" 1 ")


def reports(env, t, ascii):
    t.send("8")                 # Reports
    t.wait_for(" 5 ")
    t.send("5")                 # Payments by month
    screen = seen(t, "3600.00 (4)")
    june = bar_line(screen, "2021-06")
    want = "#" * 12 if ascii else "\u2588" * 11 + "\u258b"
    env.check("june bar", "2021-06          " + want, june.split("  3600")[0]
              .rstrip())
    nov = bar_line(screen, "2020-11")
    env.check("the largest month fills the width", True,
              ("#" * 36 if ascii else "\u2588" * 36) + " 11108.00 (44)"
              in nov)
    env.check("total", True, "48818.00 (160)" in screen)
    t.key("Esc")

    t.send("2")                 # Enrolment by village and category
    t.wait_for("东山乡阳坡村")
    t.key("End")
    screen = seen(t, "62.5% 20/32")
    line = bar_line(screen, "东山乡阳坡村")
    want = "#" * 23 if ascii else "\u2588" * 22 + "\u258c"
    env.check("village bar", True, (want + " ") in line and
              (want + "#") not in line and (want + "\u2588") not in line)
    env.check("office rate", True, "77.7% 160/206" in screen)

    # F6: the table to a CSV file, in GB18030 (the default choice).
    t.key("F6")
    t.wait_for("enrolment-2021.csv")
    t.key("F2")
    wait_file(env.path("enrolment-2021.csv"))
    with open(env.path("enrolment-2021.csv"), "rb") as f:
        rows = f.read().decode("gb18030").split("\r\n")
    env.check("csv header", "村（社区）,参保类别,居民数,已参保,未参保", rows[0])
    env.check("csv rows", 21, len(rows))            # 19, header, ""
    env.check("csv village row", True,
              "东山乡阳坡村,农村居民,29,17,12" in rows)
    env.check("csv total", "合计,,206,160,46", rows[19])
    db = sqlite3.connect(env.db)
    got = db.execute("SELECT record FROM audit_log WHERE action = "
                     "'export.report'").fetchall()
    db.close()
    env.check("export audited", [("enrolment",)], got)
    t.key("Esc")
    t.key("Esc")
    t.wait_for(" 7 ")


def residents(env):
    db = sqlite3.connect(env.db)
    n = db.execute("SELECT count(*) FROM resident").fetchone()[0]
    db.close()
    return n


def import_roster(env, t, path):
    t.send("9")                 # Data exchange
    t.wait_for(" 3 ")
    t.send("1")                 # Import a roster of residents
    t.wait_for("> ")
    t.send(path)
    t.key("Enter")
    t.key("Enter")
    t.key("Enter")              # the last field: read the file


def exchange(env, t):
    bad = env.path("bad.csv")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("身份证号,姓名,村（社区）,户口性质\n"
                "%s,新人,东山乡石门村,农业\n"
                "4.40524E+17,王一,东山乡石门村,农业\n" % NEWBIE)
    before = residents(env)
    import_roster(env, t, bad)
    screen = seen(t, "4.40524E+17")
    line = [x for x in screen.splitlines() if "4.40524E+17" in x][0]
    env.check("the bad row, its line and column", True,
              " 3" in line and "身份证号" in line)
    t.key("F2")                 # refused: a bad row
    t.settle()
    env.check("nothing written", before, residents(env))
    rc, _, _ = env.cli("--db", env.db, "resident", "show", NEWBIE,
                       operator="wang", password="2222", check=False)
    env.check("the good row neither", True, rc != 0)
    t.key("Esc")                # the preview
    t.key("Esc")                # the form: typed, so it asks
    t.wait_for(("?", "？"))
    t.send("y")
    t.key("Esc")                # the exchange menu
    t.wait_for(" 7 ")

    good = env.path("good.csv")
    with open(good, "w", encoding="gb18030") as f:
        f.write("身份证号,姓名,村（社区）,户口性质\r\n"
                "%s,新人,东山乡石门村,农业\r\n" % NEWBIE)
    import_roster(env, t, good)
    screen = t.wait_for("GB18030")
    env.check("preview writes nothing", before, residents(env))
    t.key("F2")
    t.wait_for(good)
    t.settle()
    env.check("imported", before + 1, residents(env))
    _, out, _ = env.cli("--db", env.db, "resident", "show", NEWBIE,
                        operator="wang", password="2222")
    env.check("the new resident", True, "新人" in out and
              "东山乡石门村" in out)
    t.key("Esc")                # the preview
    t.key("Esc")                # the form asks: typed text
    t.wait_for(("?", "？"))
    t.send("y")
    t.key("Esc")                # the exchange menu


def export_list(env, t):
    """Export residents of 2021 (the form's defaults: list 1, this year,
    GB18030, export.csv): the same bytes as `yibao export residents` run
    by the same clerk (ID numbers masked)."""
    t.send("9")                 # Data exchange
    t.wait_for(" 3 ")
    t.send("3")
    t.wait_for("export.csv")
    t.key("F2")
    wait_file(env.path("export.csv"))
    env.cli("--db", env.db, "export", "residents", "--year", "2021", "-o",
            env.path("cli.csv"), operator="li", password="1111")
    with open(env.path("export.csv"), "rb") as a, \
            open(env.path("cli.csv"), "rb") as b:
        mine, cli = a.read(), b.read()
    env.check("export: as the command line writes it", cli, mine)
    env.check("export: masked for a clerk", True,
              "620799********0013" in mine.decode("gb18030"))
    t.key("Esc")                # the exchange menu
    t.wait_for(" 0 ")


def policy(env, t):
    """The pack on screen: each value with its file and line (demo.policy
    line 14 is "benefit_year = 2021"), and the pack it extends."""
    t.wait_for(" 0 ")
    t.send("0")                 # Other
    t.wait_for(" 3 ")
    t.send("1")                 # the policy pack
    screen = seen(t, "demo.policy:14")
    line = bar_line(screen, "benefit_year")
    env.check("a value and its source", True,
              line.startswith("benefit_year = 2021 ") and
              line.endswith("demo.policy:14"))
    env.check("the parent pack", True, "zhangye-2019 (" in screen)
    t.key("Esc")


def run(term_class, locale, ascii=False):
    env = tuitest.Env(locale=locale)

    def test(env):
        env.db = env.demo_db()
        os.chdir(env.dir)       # where the report's file is written
        args = ["--db", env.db] + (["--ascii"] if ascii else [])
        t = term_class(env, args)
        login(t)
        reports(env, t, ascii or locale.endswith("GB18030"))
        exchange(env, t)
        export_list(env, t)
        policy(env, t)
        t.key("F10")
        t.wait_for(("?", "？"))
        t.send("y")
        env.check("exit status", 0, t.wait_exit())
    tuitest.run(test, env)
