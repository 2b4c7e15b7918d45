"""refund.py: a contribution paid in advance refunded on screen (issue 7):
on 2020-10-01, in the demo pack's payment period for 2021, 张三 pays
through the command line; the clerk opens contributions (4), lists his
household, presses F7 on him, gives reason 3 (death) and confirms.  The
refund is a new receipt (370402-R00000002, the second this office
issued), and the command line then says he is not insured for 2021:
refunded (death).  A second F7 finds nothing left to refund.

run(term_class, locale) is called by refund_utf8.py and refund_gb18030.py."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402

ID = "11010519491231002X"


def setup(env):
    env.vars["YIBAO_TODAY"] = "2020-10-01"
    db = env.path("o.db")
    pw = env.path("pw")
    with open(pw, "w") as f:
        f.write("secret\n")
    env.cli("--db", db, "init", "--site", "370402", "--admin", "admin",
            "--password-file", pw)
    env.cli("--db", db, "policy", "use", "demo", operator="admin",
            password="secret")
    env.cli("--db", db, "resident", "add", ID, "--name", "张三",
            "--residence", "rural", "--insured", "rural_resident",
            "--village", "东村", operator="admin", password="secret")
    env.cli("--db", db, "household", "create", "001", "--village", "东村",
            "--head", ID, operator="admin", password="secret")
    _, out, _ = env.cli("--db", db, "pay", ID, operator="admin",
                        password="secret")
    env.check("paid first", True, "370402-R00000001" in out)
    return db


def scenario(env, t, db):
    t.wait_for("密码")
    t.send("admin")
    t.key("Enter")
    t.send("secret")
    t.key("Enter")
    t.wait_for(" 4 ")
    t.send("4")                 # Contributions
    t.wait_for("> ")
    t.send(ID)
    t.key("Enter")
    t.wait_for("张三")
    t.settle()
    t.key("F7")
    t.wait_for("3  ")
    t.send("3")                 # died
    t.key("Enter")
    t.wait_for(("?", "？"))
    t.send("y")
    t.wait_for("370402-R00000002")
    screen = t.settle()
    env.check("the refund's receipt on screen", True,
              "370402-R00000002" in screen and "370402-R00000001-1" in screen)
    _, out, _ = env.cli("--db", db, "coverage", ID, "--year", "2021",
                        operator="admin", password="secret")
    env.check("refunded in the database", True,
              "not insured: refunded (death)" in out)
    t.key("Esc")                # back to the main menu
    t.wait_for(" 4 ")
    t.settle()
    t.send("4")
    t.wait_for("> ")
    t.send(ID)
    t.key("Enter")
    t.wait_for("张三")
    t.settle()
    t.key("F7")
    t.wait_for("3  ")
    t.send("3")
    t.key("Enter")
    screen = t.settle()
    env.check("nothing left to refund", True, "R00000003" not in screen)
    _, out, _ = env.cli("--db", db, "coverage", ID, "--year", "2021",
                        operator="admin", password="secret")
    env.check("still one refund", 1, out.count("refunded"))


def run(term_class, locale):
    env = tuitest.Env(locale=locale)

    def test(env):
        db = setup(env)
        t = term_class(env, ["--db", db])
        scenario(env, t, db)
    tuitest.run(test, env)
