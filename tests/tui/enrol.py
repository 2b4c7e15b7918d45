"""enrol.py: the window clerk's day, end to end, as the issue asks: log
in, find a resident by pinyin initials, register a household whose head
has a rare-character name, take its contributions, reverse the receipt
with a supervisor's password, read the day's report; at 80x24 with a
resize to 100x30 and back in the middle of a form; with NO_COLOR.  Then
the database is read back through the yibao command line.

The county is the demo's (yibao --demo --db FILE on the terminal): on 2021-06-01 its clerk li
has taken 4 late payments of 900.00 (320 + 580, 004 二(四)).  The new
household pays late too: 2 x 900.00 = 1800.00, reversed: the report
counts lines, so li has 4 + 2 payments (5400.00) and wang 2 reversal
lines (-1800.00); the office's net cash stays 3600.00.

run(term_class, locale) is called by enrol_utf8.py, enrol_gb18030.py and
enrol_tmux.py."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402

HEAD = "620799199001019974"     # 龚䶮, born 1990-01-01, male
WIFE = "620799199202029984"     # 王〇𠇔, born 1992-02-02, female
HEAD_NAME = "龚䶮"
WIFE_NAME = "王〇𠇔"
VILLAGE = "东山乡石门村"


def register(t, id_number, name):
    t.send("2")
    t.wait_for("> ")
    t.send(id_number)
    t.key("Tab")
    t.wait_for(id_number[6:10] + "-" + id_number[10:12])   # birth filled
    t.send(name)
    t.key("Tab")
    t.send("1")
    t.key("Tab")
    t.send("1")
    t.key("Tab")
    t.send(VILLAGE)
    t.key("Tab")
    t.key("Enter")              # Enter on the last field saves
    t.wait_for(id_number[:6] + "********" + id_number[-4:])  # the dossier
    t.key("Esc")


def scenario(env, t):
    # Log in; the demo's operators are shown under the form.
    t.wait_for("1111")
    t.send("li")
    t.key("Enter")
    t.send("1111")
    t.key("Enter")
    t.wait_for("李秀英")

    # Find by pinyin initials: 刘䶮 of household DS-001.
    t.key("F3")
    t.send("ly")
    t.wait_for("刘䶮")
    screen = t.settle()   # the whole screen, not its first half
    env.check("find ly: masked ID", True,
              "620799********0013 刘䶮" in screen)
    t.key("Enter")
    t.wait_for("DS-001")
    t.wait_for("刘𠇔")          # a member of his household
    t.key("Esc")
    t.key("Esc")
    t.wait_for(" 1 ")           # the main menu

    # Register the head; the wife's form is resized while half typed.
    register(t, HEAD, HEAD_NAME)
    t.send("2")
    t.wait_for("> ")
    t.send(WIFE)
    t.key("Tab")
    t.send(WIFE_NAME)
    t.resize(100, 30)
    t.wait_for(WIFE_NAME)
    t.settle()                  # all of the 100x30 draw, before the next size
    t.resize(80, 24)
    t.wait_for(WIFE_NAME)
    screen = t.settle()         # the name was there before the resize too
    env.check("typed text kept over a resize", True,
              WIFE in screen and "1992-02-02" in screen)
    t.key("Tab")
    t.send("1")
    t.key("Tab")
    t.send("1")
    t.key("Tab")
    t.send(VILLAGE)
    t.key("Tab")
    t.key("Enter")
    t.wait_for(WIFE[:6] + "********" + WIFE[-4:])
    t.key("Esc")

    # The household: created with its head, then the wife joins.
    t.send("3")
    t.wait_for("2 ")
    t.send("1")
    t.wait_for("> ")
    t.send("DS-101")
    t.key("Tab")
    t.send(VILLAGE)
    t.key("Tab")
    t.send(HEAD)
    t.key("Enter")              # saves: the head's name in the message
    t.wait_for(HEAD_NAME)
    t.send(WIFE)
    t.key("Tab")
    t.wait_for(WIFE_NAME)
    t.send("1")                 # spouse
    t.key("Enter")
    t.wait_for(WIFE_NAME + " ")
    t.key("Esc")
    t.key("Esc")

    # Contributions: both late, 900.00 each.
    t.send("4")
    t.wait_for("> ")
    t.send(HEAD)
    t.key("Enter")
    t.wait_for("1800.00")
    screen = t.settle()   # the whole screen, not its first half
    env.check("two members due 900.00", 2, screen.count("900.00  "))
    t.key("F2")
    t.wait_for(("?", "？"))
    t.key("Enter")              # yes
    t.wait_for("620799-R")
    screen = t.settle()   # the whole screen, not its first half
    receipt = re.search(r"620799-R(\d{8})", screen).group(1)
    t.wait_for("1800.00")

    # Reversal: li is a clerk, so wang types his login and password.
    t.key("F8")
    t.wait_for("> ")
    t.send("收错了户")
    t.key("Enter")
    t.wait_for((":", "："))
    t.send("wang")
    t.key("Enter")
    t.wait_for("wang")
    t.send("2222")
    t.key("Enter")
    t.wait_for("620799-R%08d" % (int(receipt) + 1))     # the reversal
    t.key("Esc")

    # The day's report: li 3600.00 + 1800.00; wang -1800.00.
    t.send("5")
    t.wait_for("5400.00")
    screen = t.settle()         # the whole report, not its first rows
    env.check("day report: li's payments", True, "5400.00" in screen)
    env.check("day report: the reversal", True, "-1800.00" in screen)

    t.key("F10")
    t.wait_for(("?", "？"))
    t.send("y")
    env.check("exit status", 0, t.wait_exit())


def run(term_class, locale):
    env = tuitest.Env(locale=locale)

    def test(env):
        db = env.path("demo.db")    # made by the demo, and kept
        t = term_class(env, ["--demo", "--db", db])
        scenario(env, t)
        # The database, read back through the command line.
        _, out, _ = env.cli("--db", db, "resident", "show", HEAD,
                            operator="wang", password="2222")
        env.check("registered with the rare name", True,
                  HEAD_NAME in out and "DS-101" in out)
        _, out, _ = env.cli("--db", db, "resident", "show", WIFE,
                            operator="wang", password="2222")
        env.check("extension B name stored", True, WIFE_NAME in out)
        _, out, _ = env.cli("--db", db, "report", "day",
                            operator="wang", password="2222")
        env.check("day report from the command line", """\
Day report 2021-06-01, office 620799

li (李秀英)
  Payments          6       5400.00
  Refunds           0          0.00
  Reversals         0          0.00
  Net cash                  5400.00

wang (王主管)
  Payments          0          0.00
  Refunds           0          0.00
  Reversals         2      -1800.00
  Net cash                 -1800.00

Total
  Payments          6       5400.00
  Refunds           0          0.00
  Reversals         2      -1800.00
  Net cash                  3600.00
""", out)
    tuitest.run(test, env)
