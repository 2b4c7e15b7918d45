"""paybatch.py: a collector's list of contributions paid on screen (9
Data exchange, 5 Pay a file of contributions), by the demo pack on
2020-10-01 (P = 320; the registered poor subsidised in full).  Household
1: 张三 320 and 李四 (registered poor) 0 on one receipt; 王五 alone 320:
two receipts, 960.00 standard, 320.00 subsidy, 640.00 due.  A file with
a row of an unknown ID number saves nothing, even after F2; the good
file's trial saves nothing, F2 pays it: three payment lines.

run(term_class, locale) is called by paybatch_utf8.py and
paybatch_gb18030.py."""
import os
import re
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402

A = "370402198001010011"    # 张三
B = "370402198202020021"    # 李四, registered poor
C = "370402198505050033"    # 王五
U = "370402199001010016"    # nobody


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
    con = sqlite3.connect(db)
    con.executescript("""
INSERT INTO resident (id_number, id_reversed, name, initials, sex, birth,
 residence, insured_category, village, site, created_at, updated_at) VALUES
 ('%(A)s', '', '张三', 'zs', 'M', '1980-01-01', 'rural', 'rural_resident',
  '东村', '370402', 'x', 'x'),
 ('%(B)s', '', '李四', 'ls', 'F', '1982-02-02', 'rural', 'rural_resident',
  '东村', '370402', 'x', 'x'),
 ('%(C)s', '', '王五', 'ww', 'M', '1985-05-05', 'rural', 'rural_resident',
  '西村', '370402', 'x', 'x');
INSERT INTO household VALUES ('370402-H00000001', '0001', '东村', '',
 '370402', 'x');
INSERT INTO household_member VALUES
 ('370402-M00000001', '370402-H00000001', '%(A)s', 'head', '2020-01-01',
  NULL, '370402', 'x'),
 ('370402-M00000002', '370402-H00000001', '%(B)s', 'spouse', '2020-01-01',
  NULL, '370402', 'x');
INSERT INTO person_category VALUES
 ('370402-C00000001', '%(B)s', 'registered_poor', '2019-01-01', NULL,
  '乡村振兴局', NULL, '370402', 'x');
""" % {"A": A, "B": B, "C": C})
    con.close()
    return db


def payments(db):
    con = sqlite3.connect(db)
    n = con.execute("SELECT count(*) FROM payment").fetchone()[0]
    con.close()
    return n


def flat(screen):
    return " ".join(line[1:-1].strip() for line in screen.splitlines())


def scenario(env, t, db):
    head = "户号,姓名,身份证号码\n"
    good = "1,张三,%s\n2,王五,%s\n1,李四,%s\n" % (A, C, B)
    with open(env.path("bad-pay.csv"), "w") as f:
        f.write(head + good + "3,赵六,%s\n" % U)
    with open(env.path("pay.csv"), "w") as f:
        f.write(head + good)
    t.wait_for("密码")
    t.send("admin")
    t.key("Enter")
    t.send("secret")
    t.key("Enter")
    t.wait_for(" 9 ")
    for name in ("bad-pay.csv", "pay.csv"):
        t.send("9")             # Data exchange
        t.wait_for(" 6 ")
        t.send("5")             # Pay a file of contributions
        t.settle()
        t.send(env.path(name))
        t.key("Enter")
        t.wait_for(name)
        screen = t.settle()
        if name.startswith("bad"):
            env.check("the bad row named by its line", True,
                      re.search(r"(?<!\d)5(?!\d)", flat(screen)) is not
                      None and U in flat(screen))
            t.key("F2")
            t.settle()
            env.check("a bad row: nothing paid", 0, payments(db))
        else:
            env.check("the trial's receipts", True,
                      "0001                    2     640.00     320.00     320.00"
                      in screen and
                      "-                       1     320.00       0.00     320.00"
                      in screen)
            env.check("the trial's total", True,
                      "3     960.00     320.00     640.00" in screen)
            env.check("the persons under their receipt", True,
                      "李四       %s       0.00" % B in screen)
            env.check("the trial saves nothing", 0, payments(db))
            t.key("F2")
            t.wait_for("370402-R00000002")
            screen = t.settle()
            env.check("F2 pays the file", 3, payments(db))
            env.check("the receipts' numbers", True,
                      "370402-R00000001" in screen)
        t.key("Esc")            # the preview
        t.key("Esc")            # the form asks: typed
        t.wait_for(("?", "？"))
        t.send("y")
        t.key("Esc")            # data exchange
        t.wait_for(" 9 ")
    t.key("F10")
    t.wait_for(("?", "？"))
    t.send("y")
    env.check("exit status", 0, t.wait_exit())


def run(term_class, locale):
    env = tuitest.Env(locale=locale)

    def test(env):
        db = setup(env)
        t = term_class(env, ["--db", db])
        scenario(env, t, db)
    tuitest.run(test, env)
