"""claims.py: off-site registrations and claims end to end, as issue 8
asks: settle a cross-city inpatient claim for 郑磊 (demo county 620799, no
registration) and see the 10-point penalty on the screen; throw it away,
file a migrant-work registration to Lanzhou (6201, another city of Gansu),
settle the same bill again and see the penalty gone; save it; write its
slip to a file and to the printer (YIBAO_PRINT_COMMAND) and compare both,
byte for byte, with what `yibao claim slip` writes for the same claim in
GB18030; read his claims of the year against the caps; reverse the claim
with a supervisor's password.  NO_COLOR (tuitest's default).

The figures, by hand (demo extends zhangye-2019: city scope, level 3):
T 20000.00, O 1000.00, B 3000.00: P_B = 3000.00 x 20% = 600.00,
R = 20000.00 - 1000.00 - 600.00 = 18400.00, D = 3000.00;
without a registration r = 65% - 10 = 55%, fund = 15400.00 x 55% = 8470.00,
the person pays 11530.00; with one r = 65%, fund = 15400.00 x 65% =
10010.00, serious-illness base 8390.00 is under its 10000.00 deductible,
so the person pays 20000.00 - 10010.00 = 9990.00.

run(term_class, locale) is called by claims_utf8.py and claims_gb18030.py."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402

ID = "620799197601052410"       # 郑磊, paid in time, no registration
MASKED = "620799********2410"
REG = "620799-B00000005"        # the demo filed four
CLAIM = "620799-S00000006"      # the demo settled five
REVERSAL = "620799-S00000007"


def type_bill(t):
    """The bill: inpatient, level 3, another city of the province."""
    t.wait_for("> ")
    t.send(ID)
    t.key("Tab")
    t.send("1")                 # inpatient
    t.key("Tab")
    t.send("2021-06-01")
    t.key("Tab")
    t.key("Tab")                # no discharge date yet
    t.send("兰州大学第二医院")
    t.key("Tab")
    t.send("3")                 # level 3
    t.key("Tab")
    t.key("Backspace")          # "1", the home county, is the default
    t.send("3")                 # another city of the province
    for _ in range(6):          # emergency .. major disease: not given
        t.key("Tab")
    t.send("20000")
    t.key("Tab")
    t.send("1000")
    t.key("Tab")
    t.send("3000")
    t.key("Tab")


def compare_slips(env):
    """What `yibao claim slip KEY -o FILE` writes, in the test's locale
    (the same catalog), against the screen's file and printer."""
    want_path = env.path("slip-cli.txt")
    env.cli_here("--db", env.path("demo.db"), "claim", "slip", CLAIM, "-o",
                 want_path)
    with open(want_path, "rb") as f:
        want = f.read()
    with open(env.path("slip-file.txt"), "rb") as f:
        env.check("slip file = yibao claim slip, byte for byte", want,
                  f.read())
    with open(env.path("slip-printed.txt"), "rb") as f:
        env.check("printed slip = yibao claim slip, byte for byte", want,
                  f.read())
    text = want.decode("gb18030")
    env.check("the slip in GB18030: the name", True, "郑磊" in text)
    env.check("the slip: fund and personal", True,
              "10010.00  = (18400.00 - 3000.00) x 65%" in text and
              " 9990.00  = T - " in text)
    env.check("the slip: masked ID", True, MASKED in text)
    env.check("the slip: the registration", True, REG in text)


def cli_here(env, *args):
    """yibao ARGS as li in the test's own locale and catalog."""
    pw = env.path("pw-li")
    with open(pw, "w") as f:
        f.write("1111\n")
    vars = dict(env.vars, YIBAO_OPERATOR="li", YIBAO_PASSWORD_FILE=pw)
    p = subprocess.run([env.yibao] + list(args), env=vars,
                       stdin=subprocess.DEVNULL, capture_output=True)
    if p.returncode != 0:
        raise tuitest.Failure("yibao %s: exit %d: %s" % (
            " ".join(args), p.returncode, p.stderr))


def scenario(env, t):
    t.wait_for("1111")
    t.send("li")
    t.key("Enter")
    t.send("1111")
    t.key("Enter")
    t.wait_for("李秀英")

    # Without a registration: the ratio cut to 55 %.
    t.send("7")
    t.wait_for(" 2 ")
    t.send("1")
    type_bill(t)
    t.wait_for("11530.00")
    screen = t.settle()
    env.check("no registration: fund", True, "8470.00" in screen)
    env.check("no registration: ratio cut", True, "55%" in screen)
    env.check("no registration: R", True, "18400.00" in screen)
    env.check("no registration: P_B", True, "600.00" in screen)
    env.check("no registration: the penalty's note", True,
              "10 points" in screen or "10 个百分点" in screen)
    t.key("Esc")                # asks: typed text would be lost
    t.wait_for(("?", "？"))
    t.send("y")
    t.wait_for(" 2 ")
    t.key("Esc")

    # A migrant worker's registration to Lanzhou.
    t.send("6")
    t.wait_for(" 2 ")
    t.send("1")
    t.wait_for("> ")
    t.send(ID)
    t.key("Enter")
    t.wait_for(MASKED)
    t.key("F5")
    t.wait_for(" 4 ")
    t.send("2")                 # migrant work
    t.wait_for("2021-06-01")    # valid from: today, filled in
    t.send("2")                 # another city
    t.key("Tab")
    t.send("6201")
    t.key("Tab")
    t.send("甘肃省兰州市")
    t.key("Tab")
    t.key("Tab")
    t.send("2021-12-31")
    t.key("Tab")
    t.send("2021-06-30")        # documents due
    t.key("Enter")              # Enter on the last field files
    t.wait_for(REG)
    screen = t.settle()
    env.check("registration listed", True,
              "2021-06-01~2021-12-31" in screen and "甘肃省兰州市" in screen)
    t.key("Esc")
    t.wait_for(" 2 ")
    t.key("Esc")

    # The same bill: no cut now.
    t.send("7")
    t.wait_for(" 2 ")
    t.send("1")
    type_bill(t)
    t.wait_for("9990.00")
    screen = t.settle()
    env.check("registered: fund", True, "10010.00" in screen)
    env.check("registered: ratio", True, "65%" in screen)
    env.check("registered: the registration named", True, REG in screen)
    env.check("registered: the penalty gone", False,
              "8470.00" in screen or "55%" in screen or
              "10 points" in screen or "10 个百分点" in screen)
    t.key("F6")                 # the parameters behind the figures
    t.wait_for("inpatient.ratio.city = 65%")
    screen = t.settle()
    env.check("parameters with file and line", True,
              "zhangye-2019.policy" in screen and
              ("line 30" in screen or "第 30 行" in screen))
    env.check("parameters: no penalty used", False,
              "inpatient.penalty.city" in screen)
    t.key("F6")
    t.key("F2")
    t.wait_for(("?", "？"))
    t.key("Enter")              # yes
    t.wait_for(CLAIM)
    screen = t.wait_for(MASKED)
    env.check("the slip on screen: masked ID", True, MASKED in screen)

    # The slip to a file and to the printer, in GB18030.
    t.key("F5")
    t.wait_for(CLAIM + ".txt")
    for _ in range(len(CLAIM + ".txt")):
        t.key("Backspace")
    t.send(env.path("slip-file.txt"))
    t.key("Enter")
    t.wait_for("GB18030")
    t.key("F4")
    t.wait_for("cat >")
    compare_slips(env)          # before the reversal changes the slip
    t.key("Esc")                # the slip
    t.wait_for("> ")
    t.key("Esc")                # the empty bill
    t.wait_for(" 2 ")

    # The year against the caps.
    t.send("2")
    t.wait_for("> ")
    t.send(ID)
    t.key("Enter")
    t.key("Enter")              # this year
    t.wait_for("S00000006")
    screen = t.settle()
    env.check("year: the claim's fund", True, "10010.00" in screen)
    env.check("year: the inpatient cap left", True,
              "50000.00" in screen and "39990.00" in screen)

    # Reversal: li is a clerk, wang consents.
    t.key("Enter")
    t.wait_for(CLAIM)
    t.key("F8")
    t.wait_for("> ")
    t.send("录错了人")
    t.key("Enter")
    t.wait_for((":", "："))
    t.send("wang")
    t.key("Enter")
    t.wait_for("wang")
    t.send("2222")
    t.key("Enter")
    t.wait_for(REVERSAL)
    t.key("Esc")
    t.wait_for("-10010.00")
    screen = t.settle()
    env.check("year: the reversal listed", True, "S00000007" in screen)

    t.key("F10")
    t.wait_for(("?", "？"))
    t.send("y")
    env.check("exit status", 0, t.wait_exit())


def run(term_class, locale):
    env = tuitest.Env(locale=locale)
    env.cli_here = lambda *args: cli_here(env, *args)

    def test(env):
        db = env.path("demo.db")
        printed = env.path("slip-printed.txt")
        t = term_class(env, ["--demo", "--db", db], extra={
            "YIBAO_PRINT_COMMAND": "cat >" + printed})
        scenario(env, t)
        # The database, read back through the command line.
        _, out, _ = env.cli("--db", db, "claim", "list", ID,
                            operator="wang", password="2222")
        env.check("claim list: the claim reversed", True,
                  "reversed by " + REVERSAL in out and
                  "reverses " + CLAIM in out)
        _, out, _ = env.cli("--db", db, "offsite", "list", ID,
                            operator="wang", password="2222")
        env.check("offsite list: the registration", True,
                  REG in out and "2021-06-30" in out)
    tuitest.run(test, env)
